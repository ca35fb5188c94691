"""Validate raw ECS JSON responses against botocore's service model.

The model is read from the shared reference (``$GANTRY_SHARED`` or
``<repo>/../shared``): ``aws-models/ecs/service-2.json``.

Rules (applied recursively):
  * every member of a structure must be declared by the model (unknown member = error);
  * members listed in ``required`` must be present;
  * ``null`` is never allowed (the server must omit absent members);
  * scalar types: string -> str, integer/long -> int (not bool), boolean -> bool,
    double/float -> int or float (not bool), timestamp -> JSON number (epoch seconds),
    blob -> str;
  * ``enum`` values must be one of the declared values;
  * list -> JSON array of the member shape; map -> JSON object with string keys
    (checked against the key shape) and values of the value shape;
  * union structures must set exactly one member;
  * document shapes accept any JSON value.

Error bodies (``{"__type": ..., "message": ...}``) are checked with
:func:`validate_error`.
"""

from __future__ import annotations

import json
import os
import pathlib
from functools import lru_cache
from typing import Any, List, Optional

REPO_ROOT = pathlib.Path(__file__).resolve().parents[2]


class ModelValidationError(AssertionError):
    """A response does not conform to the ECS model (fails the test)."""


def shared_dir() -> pathlib.Path:
    env = os.environ.get("GANTRY_SHARED")
    if env:
        return pathlib.Path(env)
    return REPO_ROOT.parent / "shared"


@lru_cache(maxsize=None)
def load_model(path: Optional[str] = None) -> dict:
    p = pathlib.Path(path) if path else shared_dir() / "aws-models" / "ecs" / "service-2.json"
    with open(p, encoding="utf-8") as f:
        return json.load(f)


class Validator:
    def __init__(self, model: Optional[dict] = None):
        self.model = model if model is not None else load_model()
        self.shapes = self.model["shapes"]
        self.operations = self.model["operations"]

    # ------------------------------------------------------------------ API
    def output_shape_name(self, operation: str) -> Optional[str]:
        op = self.operations.get(operation)
        if op is None:
            raise ModelValidationError(f"unknown operation {operation!r}")
        out = op.get("output")
        return out["shape"] if out else None

    def validate_output(self, operation: str, data: Any) -> None:
        """Validate a parsed JSON response body of `operation`."""
        errors = self.errors_for_output(operation, data)
        if errors:
            raise ModelValidationError(
                f"{operation} response violates the ECS model:\n  - "
                + "\n  - ".join(errors[:50])
                + (f"\n  ... ({len(errors) - 50} more)" if len(errors) > 50 else "")
            )

    def errors_for_output(self, operation: str, data: Any) -> List[str]:
        shape = self.output_shape_name(operation)
        errors: List[str] = []
        if shape is None:
            if data not in ({}, None):
                errors.append(f"$: operation has no output shape, expected {{}} got {data!r}")
            return errors
        self._check(shape, data, "$", errors)
        return errors

    def validate_shape(self, shape: str, data: Any) -> None:
        errors: List[str] = []
        self._check(shape, data, "$", errors)
        if errors:
            raise ModelValidationError(f"value violates shape {shape}:\n  - " + "\n  - ".join(errors))

    def validate_error(self, data: Any) -> str:
        """Validate an awsJson error body; returns the bare error code."""
        if not isinstance(data, dict):
            raise ModelValidationError(f"error body is not a JSON object: {data!r}")
        code = data.get("__type")
        if not isinstance(code, str) or not code:
            raise ModelValidationError(f"error body lacks a string __type: {data!r}")
        bare = code.split(":")[0].split("#")[-1]
        msg = data.get("message", data.get("Message"))
        if msg is not None and not isinstance(msg, str):
            raise ModelValidationError(f"error message is not a string: {data!r}")
        shape = self.shapes.get(bare)
        if shape is not None and shape.get("exception"):
            rest = {k: v for k, v in data.items() if k not in ("__type", "Message")}
            errors: List[str] = []
            self._check(bare, rest, "$", errors)
            if errors:
                raise ModelValidationError(f"error body violates shape {bare}:\n  - " + "\n  - ".join(errors))
        return bare

    # ------------------------------------------------------------ internals
    def _check(self, shape_name: str, value: Any, path: str, errors: List[str]) -> None:
        shape = self.shapes.get(shape_name)
        if shape is None:
            errors.append(f"{path}: model has no shape {shape_name!r}")
            return
        t = shape["type"]
        if value is None:
            errors.append(f"{path}: null is not allowed (omit the member instead) [{shape_name}]")
            return
        if t == "structure":
            if shape.get("document"):
                return
            self._check_structure(shape_name, shape, value, path, errors)
        elif t == "list":
            if not isinstance(value, list):
                errors.append(f"{path}: expected list [{shape_name}], got {type(value).__name__}")
                return
            member = shape["member"]["shape"]
            for i, item in enumerate(value):
                self._check(member, item, f"{path}[{i}]", errors)
        elif t == "map":
            if not isinstance(value, dict):
                errors.append(f"{path}: expected map [{shape_name}], got {type(value).__name__}")
                return
            kshape = shape["key"]["shape"]
            vshape = shape["value"]["shape"]
            for k, v in value.items():
                self._check(kshape, k, f"{path}.<key {k!r}>", errors)
                self._check(vshape, v, f"{path}[{k!r}]", errors)
        elif t == "string":
            if not isinstance(value, str):
                errors.append(f"{path}: expected string [{shape_name}], got {type(value).__name__} {value!r}")
                return
            enum = shape.get("enum")
            if enum is not None and value not in enum:
                errors.append(f"{path}: {value!r} is not a valid {shape_name} (one of {enum})")
        elif t in ("integer", "long"):
            if isinstance(value, bool) or not isinstance(value, int):
                errors.append(f"{path}: expected {t} [{shape_name}], got {type(value).__name__} {value!r}")
        elif t in ("double", "float"):
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                errors.append(f"{path}: expected {t} [{shape_name}], got {type(value).__name__} {value!r}")
        elif t == "boolean":
            if not isinstance(value, bool):
                errors.append(f"{path}: expected boolean [{shape_name}], got {type(value).__name__} {value!r}")
        elif t == "timestamp":
            # ECS timestamps have no timestampFormat override: awsJson -> epoch seconds number.
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                errors.append(
                    f"{path}: expected timestamp as epoch-seconds number [{shape_name}], "
                    f"got {type(value).__name__} {value!r}"
                )
        elif t == "blob":
            if not isinstance(value, str):
                errors.append(f"{path}: expected base64 string [{shape_name}], got {type(value).__name__}")
        else:
            errors.append(f"{path}: unsupported shape type {t!r} [{shape_name}]")

    def _check_structure(self, name: str, shape: dict, value: Any, path: str, errors: List[str]) -> None:
        if not isinstance(value, dict):
            errors.append(f"{path}: expected structure {name}, got {type(value).__name__} {value!r}")
            return
        members = shape.get("members", {})
        for req in shape.get("required", []):
            if req not in value:
                errors.append(f"{path}: missing required member {req!r} of {name}")
        for k, v in value.items():
            if k not in members:
                errors.append(f"{path}: unknown member {k!r} (not in {name}: {sorted(members)})")
                continue
            self._check(members[k]["shape"], v, f"{path}.{k}", errors)
        if shape.get("union"):
            present = [k for k in value if k in members]
            if len(present) != 1:
                errors.append(f"{path}: union {name} must set exactly one member, got {present}")


@lru_cache(maxsize=None)
def default_validator() -> Validator:
    return Validator()


def validate_output(operation: str, data: Any) -> None:
    default_validator().validate_output(operation, data)


def validate_error(data: Any) -> str:
    return default_validator().validate_error(data)


# ----------------------------------------------------------------- botocore hook
class ResponseRecorder:
    """Remembers every validation failure so a fixture can fail the test even if
    the exception raised from the botocore hook was swallowed somewhere."""

    def __init__(self) -> None:
        self.failures: List[str] = []
        self.checked = 0


def install_botocore_hook(client, recorder: Optional[ResponseRecorder] = None) -> ResponseRecorder:
    """Validate the RAW JSON body of every response the client receives.

    ``after-call.ecs`` fires once per API call (after retries), before botocore
    raises for an error status, with ``http_response`` (an AWSResponse whose
    ``.content`` is the raw body) and the operation ``model``.
    """
    rec = recorder or ResponseRecorder()
    validator = default_validator()

    def _after_call(http_response, parsed, model, **kwargs):
        if http_response is None:
            return
        rec.checked += 1
        raw = http_response.content or b""
        status = http_response.status_code
        try:
            try:
                data = json.loads(raw.decode("utf-8")) if raw.strip() else {}
            except (UnicodeDecodeError, json.JSONDecodeError) as e:
                raise ModelValidationError(f"{model.name}: response body is not JSON ({e}): {raw[:200]!r}")
            if status < 300:
                ctype = http_response.headers.get("content-type", "")
                if "json" not in ctype:
                    raise ModelValidationError(f"{model.name}: unexpected Content-Type {ctype!r}")
                if not http_response.headers.get("x-amzn-requestid"):
                    raise ModelValidationError(f"{model.name}: response lacks x-amzn-RequestId header")
                validator.validate_output(model.name, data)
            else:
                validator.validate_error(data)
        except ModelValidationError as e:
            rec.failures.append(str(e))
            raise

    client.meta.events.register("after-call.ecs", _after_call)
    return rec
