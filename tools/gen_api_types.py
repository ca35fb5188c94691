#!/usr/bin/env python3
"""Generate Rust wire types from a botocore ``service-2.json`` model.

Usage (from the repository root):

    python3 tools/gen_api_types.py ../shared/aws-models/ecs/service-2.json \
        crates/api-types/src/ecs.rs
    python3 tools/gen_api_types.py ../shared/aws-models/logs/service-2.json \
        crates/api-types/src/logs.rs

The output is formatted with ``rustfmt`` when it is on ``PATH``.

Mapping (see the generated file's header for the same list):

* ``structure`` -> ``struct`` with one field per member, ``#[serde(rename)]`` to
  the exact member name. Members in ``required`` are plain ``T`` (so a missing
  required member fails deserialisation); all others are ``Option<T>`` and are
  omitted when ``None``. Unknown members are ignored (no
  ``deny_unknown_fields``). ``Default`` is derived only when no member is
  required.
* ``string`` with ``enum`` -> a Rust ``enum`` with one ``#[serde(rename)]``
  variant per value plus ``as_str()``; other strings -> ``String``.
* ``integer`` -> ``i32``, ``long`` -> ``i64``, ``boolean`` -> ``bool``,
  ``double``/``float`` -> ``f64``, ``timestamp`` -> ``f64`` (awsJson epoch
  seconds, e.g. ``1449262185.773``), ``blob`` -> ``String`` (base64),
  ``document`` -> ``serde_json::Value``, ``list`` -> ``Vec<T>``,
  ``map`` -> ``BTreeMap<String, T>``.
* Primitive shapes (``String``, ``Integer``, ...) and lists/maps are inlined,
  so only structures and enums get a Rust type. A shape whose name would
  shadow a prelude/std name (``Result``, ``Option``, ``Box``, ...) gets a
  ``Shape`` suffix; its serde names are unchanged.
* A structure member that would make a type infinitely sized is boxed.
"""

import json
import os
import re
import shutil
import subprocess
import sys

RUST_KEYWORDS = {
    "as", "break", "const", "continue", "crate", "else", "enum", "extern",
    "false", "fn", "for", "if", "impl", "in", "let", "loop", "match", "mod",
    "move", "mut", "pub", "ref", "return", "self", "Self", "static", "struct",
    "super", "trait", "true", "type", "unsafe", "use", "where", "while",
    "async", "await", "dyn", "abstract", "become", "box", "do", "final",
    "macro", "override", "priv", "typeof", "unsized", "virtual", "yield",
    "try", "gen",
}
# Keywords that cannot be raw identifiers.
NON_RAW = {"self", "Self", "super", "crate", "_"}

# Type names that must not be shadowed by generated types.
RESERVED_TYPE_NAMES = {
    "Result", "Option", "Box", "Vec", "String", "Some", "None", "Ok", "Err",
    "Default", "Clone", "Copy", "Debug", "Send", "Sync", "Sized", "Drop",
    "Fn", "FnMut", "FnOnce", "Iterator", "IntoIterator", "Extend", "From",
    "Into", "TryFrom", "TryInto", "ToString", "ToOwned", "PartialEq", "Eq",
    "PartialOrd", "Ord", "Hash", "AsRef", "AsMut", "Serialize", "Deserialize",
    "BTreeMap", "Value", "Duration", "Error", "Operation", "Self", "Unpin",
}

PRIMITIVES = {
    "integer": "i32",
    "long": "i64",
    "boolean": "bool",
    "double": "f64",
    "float": "f64",
    "timestamp": "f64",
    "blob": "String",
}


def snake_case(name):
    s = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1_\2", name)
    s = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", s)
    s = re.sub(r"[^A-Za-z0-9_]", "_", s)
    s = s.lower()
    if s and s[0].isdigit():
        s = "_" + s
    return s


def field_ident(name):
    if name in NON_RAW:
        return name + "_"
    if name in RUST_KEYWORDS:
        return "r#" + name
    return name


def variant_name(value):
    parts = [p for p in re.split(r"[^A-Za-z0-9]+", value) if p]
    out = []
    for p in parts:
        if p.upper() == p or p.lower() == p:
            out.append(p[0].upper() + p[1:].lower())
        else:
            out.append(p[0].upper() + p[1:])
    name = "".join(out) or "Empty"
    if name[0].isdigit():
        name = "V" + name
    if name == "Self":
        name = "SelfValue"
    return name


def rust_string(s):
    return json.dumps(s)


class Generator:
    def __init__(self, model):
        self.model = model
        self.shapes = model["shapes"]
        self.type_names = {}
        for name, shape in self.shapes.items():
            if self.is_named(shape):
                rust = name
                if rust in RESERVED_TYPE_NAMES or rust in RUST_KEYWORDS:
                    rust = rust + "Shape"
                self.type_names[name] = rust
        self.boxed_edges = self.find_recursive_edges()

    @staticmethod
    def is_named(shape):
        t = shape["type"]
        return t == "structure" or (t == "string" and "enum" in shape)

    def rust_type(self, shape_name):
        shape = self.shapes[shape_name]
        t = shape["type"]
        if shape.get("document"):
            return "serde_json::Value"
        if t == "string":
            return self.type_names.get(shape_name, "String")
        if t in PRIMITIVES:
            return PRIMITIVES[t]
        if t == "list":
            return "Vec<%s>" % self.rust_type(shape["member"]["shape"])
        if t == "map":
            return "BTreeMap<String, %s>" % self.rust_type(shape["value"]["shape"])
        if t == "structure":
            return self.type_names[shape_name]
        raise ValueError("unsupported shape type %r for %s" % (t, shape_name))

    def find_recursive_edges(self):
        """(struct, member) pairs that close a cycle of direct struct fields."""
        direct = {}
        for name, shape in self.shapes.items():
            if shape["type"] != "structure" or shape.get("document"):
                continue
            direct[name] = {
                m: spec["shape"]
                for m, spec in shape.get("members", {}).items()
                if self.shapes[spec["shape"]]["type"] == "structure"
                and not self.shapes[spec["shape"]].get("document")
            }

        def reaches(start, goal):
            seen, stack = set(), [start]
            while stack:
                cur = stack.pop()
                if cur == goal:
                    return True
                if cur in seen:
                    continue
                seen.add(cur)
                stack.extend(direct.get(cur, {}).values())
            return False

        edges = set()
        for name, members in direct.items():
            for m, target in members.items():
                if reaches(target, name):
                    edges.add((name, m))
        return edges

    def gen_enum(self, name, shape):
        rust = self.type_names[name]
        lines = []
        lines.append("/// Wire enum `%s`." % name)
        lines.append(
            "#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]"
        )
        lines.append("pub enum %s {" % rust)
        used = {}
        variants = []
        for value in shape["enum"]:
            v = variant_name(value)
            if v in used:
                used[v] += 1
                v = "%s%d" % (v, used[v])
            else:
                used[v] = 1
            variants.append((v, value))
            lines.append("    #[serde(rename = %s)]" % rust_string(value))
            lines.append("    %s," % v)
        lines.append("}")
        lines.append("")
        lines.append("impl %s {" % rust)
        lines.append("    /// Every value, in model order.")
        lines.append(
            "    pub const ALL: &'static [%s] = &[%s];"
            % (rust, ", ".join("%s::%s" % (rust, v) for v, _ in variants))
        )
        lines.append("")
        lines.append("    /// The exact wire value.")
        lines.append("    pub fn as_str(&self) -> &'static str {")
        lines.append("        match self {")
        for v, value in variants:
            lines.append("            %s::%s => %s," % (rust, v, rust_string(value)))
        lines.append("        }")
        lines.append("    }")
        lines.append("")
        lines.append("    /// Parses the exact wire value.")
        lines.append("    pub fn from_wire(value: &str) -> Option<Self> {")
        lines.append("        Self::ALL.iter().copied().find(|v| v.as_str() == value)")
        lines.append("    }")
        lines.append("}")
        lines.append("")
        lines.append("impl std::fmt::Display for %s {" % rust)
        lines.append(
            "    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {"
        )
        lines.append("        f.write_str(self.as_str())")
        lines.append("    }")
        lines.append("}")
        return "\n".join(lines)

    def gen_struct(self, name, shape):
        rust = self.type_names[name]
        required = set(shape.get("required", []))
        members = shape.get("members", {})
        derives = ["Debug", "Clone", "PartialEq", "Serialize", "Deserialize"]
        if not required:
            derives.insert(2, "Default")
        lines = []
        kind = "exception" if shape.get("exception") else "structure"
        if shape.get("union"):
            kind = "union (at most one member set)"
        lines.append("/// Wire %s `%s`." % (kind, name))
        lines.append("#[derive(%s)]" % ", ".join(derives))
        lines.append("pub struct %s {" % rust)
        used = set()
        for member, spec in members.items():
            ident = snake_case(member)
            base = ident
            n = 2
            while ident in used:
                ident = "%s_%d" % (base, n)
                n += 1
            used.add(ident)
            ty = self.rust_type(spec["shape"])
            if (name, member) in self.boxed_edges:
                ty = "Box<%s>" % ty
            target = self.shapes[spec["shape"]]
            if target["type"] == "timestamp":
                lines.append("    /// Timestamp: epoch seconds as a JSON number.")
            if member in required:
                lines.append("    #[serde(rename = %s)]" % rust_string(member))
                lines.append("    pub %s: %s," % (field_ident(ident), ty))
            else:
                lines.append(
                    '    #[serde(rename = %s, default, skip_serializing_if = "Option::is_none")]'
                    % rust_string(member)
                )
                lines.append("    pub %s: Option<%s>," % (field_ident(ident), ty))
        lines.append("}")
        return "\n".join(lines)

    def generate(self, model_path):
        meta = self.model["metadata"]
        ops = self.model["operations"]
        out = []
        out.append(
            "//! %s wire types, generated from botocore's `service-2.json` (API %s)."
            % (meta.get("serviceId", meta.get("endpointPrefix", "?")), meta.get("apiVersion", "?"))
        )
        out.append("//!")
        out.append("//! DO NOT EDIT. Regenerate from the repository root with")
        out.append("//! `python3 tools/gen_api_types.py %s <this file>`." % model_path)
        out.append("//!")
        out.append("//! * Request/response types keep the model's shape names, e.g.")
        out.append("//!   `<Operation>Request` / `<Operation>Response`.")
        out.append("//! * Required members are plain fields; all others are `Option` and")
        out.append("//!   are omitted from the JSON when `None`. Unknown members are ignored.")
        out.append("//! * String enums are Rust enums with the exact wire values (`as_str`).")
        out.append("//! * `timestamp` shapes are `f64` epoch seconds (awsJson sends numbers")
        out.append("//!   such as `1449262185.773`); `long` is `i64`, `blob` is base64 `String`.")
        out.append("//! * Shapes that would shadow std names get a `Shape` suffix.")
        out.append("")
        out.append("use serde::{Deserialize, Serialize};")
        out.append("#[allow(unused_imports)]")
        out.append("use std::collections::BTreeMap;")
        out.append("")
        out.append("/// `X-Amz-Target` prefix (`<prefix>.<Operation>`).")
        out.append("pub const TARGET_PREFIX: &str = %s;" % rust_string(meta.get("targetPrefix", "")))
        out.append("/// Model `apiVersion`.")
        out.append("pub const API_VERSION: &str = %s;" % rust_string(meta.get("apiVersion", "")))
        out.append("/// SigV4 signing name.")
        out.append(
            "pub const SIGNING_NAME: &str = %s;"
            % rust_string(meta.get("signingName", meta.get("endpointPrefix", "")))
        )
        out.append("")
        names = sorted(ops)
        out.append("/// Every operation name in the model.")
        out.append("pub const OPERATIONS: &[&str] = &[")
        for n in names:
            out.append("    %s," % rust_string(n))
        out.append("];")
        out.append("")
        out.append("/// One operation of the model, keyed by the `X-Amz-Target` suffix.")
        out.append("#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]")
        out.append("pub enum Operation {")
        for n in names:
            out.append("    %s," % n)
        out.append("}")
        out.append("")
        out.append("impl Operation {")
        out.append("    /// Every operation, sorted by name.")
        out.append(
            "    pub const ALL: &'static [Operation] = &[%s];"
            % ", ".join("Operation::%s" % n for n in names)
        )
        out.append("")
        out.append("    /// The operation name (`X-Amz-Target` suffix).")
        out.append("    pub fn name(&self) -> &'static str {")
        out.append("        match self {")
        for n in names:
            out.append("            Operation::%s => %s," % (n, rust_string(n)))
        out.append("        }")
        out.append("    }")
        out.append("")
        out.append("    /// Looks up an operation by name.")
        out.append("    pub fn from_name(name: &str) -> Option<Self> {")
        out.append("        Self::ALL.binary_search_by(|op| op.name().cmp(name)).ok().map(|i| Self::ALL[i])")
        out.append("    }")
        out.append("")
        out.append("    /// Looks up an operation from a full `X-Amz-Target` header value.")
        out.append("    pub fn from_target(target: &str) -> Option<Self> {")
        out.append("        let rest = target.strip_prefix(TARGET_PREFIX)?.strip_prefix('.')?;")
        out.append("        Self::from_name(rest)")
        out.append("    }")
        out.append("")
        out.append("    /// Input shape name, if the operation takes input.")
        out.append("    pub fn input_shape(&self) -> Option<&'static str> {")
        out.append("        match self {")
        for n in names:
            s = ops[n].get("input", {}).get("shape")
            out.append("            Operation::%s => %s," % (n, "Some(%s)" % rust_string(s) if s else "None"))
        out.append("        }")
        out.append("    }")
        out.append("")
        out.append("    /// Output shape name; `None` means the response body is `{}`.")
        out.append("    pub fn output_shape(&self) -> Option<&'static str> {")
        out.append("        match self {")
        for n in names:
            s = ops[n].get("output", {}).get("shape")
            out.append("            Operation::%s => %s," % (n, "Some(%s)" % rust_string(s) if s else "None"))
        out.append("        }")
        out.append("    }")
        out.append("}")
        out.append("")
        out.append("/// `(input shape, output shape)` of an operation; an operation without")
        out.append("/// input or output yields `\"\"` in that position.")
        out.append("pub fn operation_shapes(name: &str) -> Option<(&'static str, &'static str)> {")
        out.append("    let op = Operation::from_name(name)?;")
        out.append("    Some((op.input_shape().unwrap_or(\"\"), op.output_shape().unwrap_or(\"\")))")
        out.append("}")
        for name in sorted(self.shapes):
            shape = self.shapes[name]
            if shape.get("document"):
                continue
            if shape["type"] == "structure":
                out.append("")
                out.append(self.gen_struct(name, shape))
            elif shape["type"] == "string" and "enum" in shape:
                out.append("")
                out.append(self.gen_enum(name, shape))
        out.append("")
        return "\n".join(out)


def main(argv):
    if len(argv) not in (2, 3):
        sys.stderr.write("usage: gen_api_types.py MODEL.json [OUT.rs]\n")
        return 2
    model_path = argv[1]
    with open(model_path, encoding="utf-8") as f:
        model = json.load(f)
    code = Generator(model).generate(model_path)
    if len(argv) == 3:
        out = argv[2]
        with open(out, "w", encoding="utf-8") as f:
            f.write(code)
        rustfmt = shutil.which("rustfmt")
        if rustfmt:
            subprocess.run([rustfmt, "--edition", "2021", out], check=True)
        else:
            sys.stderr.write("rustfmt not found; output left unformatted\n")
    else:
        sys.stdout.write(code)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
