//! CloudWatch Logs filter patterns, parsed once per request into a
//! [`FilterPattern`] and matched against each event's message.
//!
//! Supported (as documented for FilterLogEvents):
//! - terms: `ERROR Exception` matches messages containing every term;
//! - quoted phrases: `"disk full"` (a term with spaces or punctuation);
//! - `?ERROR ?WARN`: matches messages containing any `?` term;
//! - `-term` / `-"phrase"`: excludes messages containing it;
//! - JSON patterns: `{ $.level = "error" }`, `!=`, `<`, `<=`, `>`, `>=` on
//!   numbers, `*` wildcards in strings, `IS TRUE|FALSE|NULL`, `EXISTS`,
//!   `NOT EXISTS`, `&&`, `||` and parentheses; selectors `$.a.b[0]`.
//!
//! Matching is case-sensitive, like CloudWatch Logs. Space-delimited
//! (`[ip, user, ...]`) patterns are not supported and are rejected.

use serde_json::Value;

/// A parsed filter pattern.
#[derive(Debug, Clone, PartialEq)]
pub enum FilterPattern {
    /// Matches everything (empty pattern).
    All,
    Terms {
        required: Vec<String>,
        any_of: Vec<String>,
        excluded: Vec<String>,
    },
    Json(JsonExpr),
}

#[derive(Debug, Clone, PartialEq)]
pub enum JsonExpr {
    And(Box<JsonExpr>, Box<JsonExpr>),
    Or(Box<JsonExpr>, Box<JsonExpr>),
    Compare {
        selector: Vec<PathStep>,
        op: CmpOp,
        value: JsonLiteral,
    },
    Exists {
        selector: Vec<PathStep>,
        negated: bool,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub enum PathStep {
    Key(String),
    Index(usize),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CmpOp {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

#[derive(Debug, Clone, PartialEq)]
pub enum JsonLiteral {
    Str(String),
    Num(f64),
    Bool(bool),
    Null,
}

/// Why a pattern did not parse.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("Invalid filter pattern: {0}")]
pub struct PatternError(pub String);

impl FilterPattern {
    pub fn parse(pattern: &str) -> Result<FilterPattern, PatternError> {
        let p = pattern.trim();
        if p.is_empty() || p == "\"\"" {
            return Ok(FilterPattern::All);
        }
        if p.starts_with('{') {
            return parse_json(p).map(FilterPattern::Json);
        }
        if p.starts_with('[') {
            return Err(PatternError(
                "space-delimited patterns ([...]) are not supported".to_string(),
            ));
        }
        parse_terms(p)
    }

    pub fn matches(&self, message: &str) -> bool {
        match self {
            FilterPattern::All => true,
            FilterPattern::Terms {
                required,
                any_of,
                excluded,
            } => {
                required.iter().all(|t| message.contains(t.as_str()))
                    && (any_of.is_empty() || any_of.iter().any(|t| message.contains(t.as_str())))
                    && !excluded.iter().any(|t| message.contains(t.as_str()))
            }
            FilterPattern::Json(expr) => match serde_json::from_str::<Value>(message.trim()) {
                Ok(v @ (Value::Object(_) | Value::Array(_))) => eval(expr, &v),
                _ => false,
            },
        }
    }
}

fn parse_terms(p: &str) -> Result<FilterPattern, PatternError> {
    let mut required = Vec::new();
    let mut any_of = Vec::new();
    let mut excluded = Vec::new();
    let chars: Vec<char> = p.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_whitespace() {
            i += 1;
            continue;
        }
        let mut kind = 0u8; // 0 required, 1 any, 2 excluded
        if chars[i] == '?' {
            kind = 1;
            i += 1;
        } else if chars[i] == '-' && i + 1 < chars.len() && !chars[i + 1].is_whitespace() {
            kind = 2;
            i += 1;
        }
        let term = if i < chars.len() && chars[i] == '"' {
            i += 1;
            let mut s = String::new();
            loop {
                match chars.get(i) {
                    None => return Err(PatternError("unterminated quoted term".to_string())),
                    Some('"') => {
                        i += 1;
                        break;
                    }
                    Some('\\') if matches!(chars.get(i + 1), Some('"') | Some('\\')) => {
                        s.push(chars[i + 1]);
                        i += 2;
                    }
                    Some(c) => {
                        s.push(*c);
                        i += 1;
                    }
                }
            }
            s
        } else {
            let start = i;
            while i < chars.len() && !chars[i].is_whitespace() {
                if chars[i] == '"' {
                    return Err(PatternError("unexpected quote inside a term".to_string()));
                }
                i += 1;
            }
            chars[start..i].iter().collect()
        };
        if term.is_empty() {
            if kind == 0 {
                continue;
            }
            return Err(PatternError("empty term".to_string()));
        }
        match kind {
            1 => any_of.push(term),
            2 => excluded.push(term),
            _ => required.push(term),
        }
    }
    Ok(FilterPattern::Terms {
        required,
        any_of,
        excluded,
    })
}

struct JsonParser<'a> {
    s: &'a [u8],
    i: usize,
}

fn parse_json(p: &str) -> Result<JsonExpr, PatternError> {
    let inner = p
        .strip_prefix('{')
        .and_then(|r| r.strip_suffix('}'))
        .ok_or_else(|| PatternError("a JSON pattern must be enclosed in { }".to_string()))?;
    let mut parser = JsonParser {
        s: inner.as_bytes(),
        i: 0,
    };
    let expr = parser.or()?;
    parser.ws();
    if parser.i != parser.s.len() {
        return Err(PatternError(format!(
            "unexpected input at '{}'",
            String::from_utf8_lossy(&parser.s[parser.i..])
        )));
    }
    Ok(expr)
}

impl JsonParser<'_> {
    fn ws(&mut self) {
        while self.i < self.s.len() && self.s[self.i].is_ascii_whitespace() {
            self.i += 1;
        }
    }

    fn eat(&mut self, tok: &str) -> bool {
        self.ws();
        if self.s[self.i..].starts_with(tok.as_bytes()) {
            self.i += tok.len();
            true
        } else {
            false
        }
    }

    fn keyword(&mut self, kw: &str) -> bool {
        self.ws();
        let rest = &self.s[self.i..];
        if rest.len() >= kw.len()
            && rest[..kw.len()].eq_ignore_ascii_case(kw.as_bytes())
            && rest
                .get(kw.len())
                .is_none_or(|c| !c.is_ascii_alphanumeric())
        {
            self.i += kw.len();
            true
        } else {
            false
        }
    }

    fn or(&mut self) -> Result<JsonExpr, PatternError> {
        let mut left = self.and()?;
        while self.eat("||") {
            let right = self.and()?;
            left = JsonExpr::Or(Box::new(left), Box::new(right));
        }
        Ok(left)
    }

    fn and(&mut self) -> Result<JsonExpr, PatternError> {
        let mut left = self.primary()?;
        while self.eat("&&") {
            let right = self.primary()?;
            left = JsonExpr::And(Box::new(left), Box::new(right));
        }
        Ok(left)
    }

    fn primary(&mut self) -> Result<JsonExpr, PatternError> {
        if self.eat("(") {
            let e = self.or()?;
            if !self.eat(")") {
                return Err(PatternError("missing ')'".to_string()));
            }
            return Ok(e);
        }
        let selector = self.selector()?;
        if self.keyword("IS") {
            let value = if self.keyword("TRUE") {
                JsonLiteral::Bool(true)
            } else if self.keyword("FALSE") {
                JsonLiteral::Bool(false)
            } else if self.keyword("NULL") {
                JsonLiteral::Null
            } else {
                return Err(PatternError(
                    "expected TRUE, FALSE or NULL after IS".to_string(),
                ));
            };
            return Ok(JsonExpr::Compare {
                selector,
                op: CmpOp::Eq,
                value,
            });
        }
        if self.keyword("NOT") {
            if !self.keyword("EXISTS") {
                return Err(PatternError("expected EXISTS after NOT".to_string()));
            }
            return Ok(JsonExpr::Exists {
                selector,
                negated: true,
            });
        }
        if self.keyword("EXISTS") {
            return Ok(JsonExpr::Exists {
                selector,
                negated: false,
            });
        }
        let op = if self.eat("!=") {
            CmpOp::Ne
        } else if self.eat(">=") {
            CmpOp::Ge
        } else if self.eat("<=") {
            CmpOp::Le
        } else if self.eat("=") {
            CmpOp::Eq
        } else if self.eat(">") {
            CmpOp::Gt
        } else if self.eat("<") {
            CmpOp::Lt
        } else {
            return Err(PatternError("expected a comparison operator".to_string()));
        };
        let value = self.literal()?;
        if matches!(value, JsonLiteral::Str(_)) && !matches!(op, CmpOp::Eq | CmpOp::Ne) {
            return Err(PatternError(
                "strings only compare with = and !=".to_string(),
            ));
        }
        Ok(JsonExpr::Compare {
            selector,
            op,
            value,
        })
    }

    fn selector(&mut self) -> Result<Vec<PathStep>, PatternError> {
        self.ws();
        if !self.eat("$") {
            return Err(PatternError(
                "a JSON selector must start with $".to_string(),
            ));
        }
        let mut steps = Vec::new();
        loop {
            if self.s.get(self.i) == Some(&b'.') {
                self.i += 1;
                let start = self.i;
                while self.i < self.s.len()
                    && (self.s[self.i].is_ascii_alphanumeric()
                        || matches!(self.s[self.i], b'_' | b'-' | b'@' | b'$'))
                {
                    self.i += 1;
                }
                if start == self.i {
                    return Err(PatternError("empty selector key".to_string()));
                }
                steps.push(PathStep::Key(
                    String::from_utf8_lossy(&self.s[start..self.i]).into_owned(),
                ));
            } else if self.s.get(self.i) == Some(&b'[') {
                self.i += 1;
                let start = self.i;
                while self.i < self.s.len() && self.s[self.i].is_ascii_digit() {
                    self.i += 1;
                }
                let idx = std::str::from_utf8(&self.s[start..self.i])
                    .ok()
                    .and_then(|n| n.parse().ok())
                    .ok_or_else(|| PatternError("bad array index".to_string()))?;
                if self.s.get(self.i) != Some(&b']') {
                    return Err(PatternError("missing ']'".to_string()));
                }
                self.i += 1;
                steps.push(PathStep::Index(idx));
            } else {
                break;
            }
        }
        if steps.is_empty() {
            return Err(PatternError("empty JSON selector".to_string()));
        }
        Ok(steps)
    }

    fn literal(&mut self) -> Result<JsonLiteral, PatternError> {
        self.ws();
        if self.s.get(self.i) == Some(&b'"') {
            self.i += 1;
            let mut out = Vec::new();
            loop {
                match self.s.get(self.i) {
                    None => return Err(PatternError("unterminated string".to_string())),
                    Some(b'"') => {
                        self.i += 1;
                        break;
                    }
                    Some(b'\\') if self.i + 1 < self.s.len() => {
                        out.push(self.s[self.i + 1]);
                        self.i += 2;
                    }
                    Some(c) => {
                        out.push(*c);
                        self.i += 1;
                    }
                }
            }
            return Ok(JsonLiteral::Str(String::from_utf8_lossy(&out).into_owned()));
        }
        if self.keyword("true") {
            return Ok(JsonLiteral::Bool(true));
        }
        if self.keyword("false") {
            return Ok(JsonLiteral::Bool(false));
        }
        if self.keyword("null") {
            return Ok(JsonLiteral::Null);
        }
        let start = self.i;
        while self.i < self.s.len()
            && (self.s[self.i].is_ascii_digit()
                || matches!(self.s[self.i], b'-' | b'+' | b'.' | b'e' | b'E'))
        {
            self.i += 1;
        }
        if let Some(n) = std::str::from_utf8(&self.s[start..self.i])
            .ok()
            .and_then(|n| n.parse::<f64>().ok())
        {
            return Ok(JsonLiteral::Num(n));
        }
        // Unquoted string values are allowed for `=` (e.g. `$.level = error`).
        self.i = start;
        while self.i < self.s.len()
            && !self.s[self.i].is_ascii_whitespace()
            && !matches!(self.s[self.i], b')' | b'&' | b'|')
        {
            self.i += 1;
        }
        if start == self.i {
            return Err(PatternError("expected a value".to_string()));
        }
        Ok(JsonLiteral::Str(
            String::from_utf8_lossy(&self.s[start..self.i]).into_owned(),
        ))
    }
}

fn select<'v>(v: &'v Value, path: &[PathStep]) -> Option<&'v Value> {
    let mut cur = v;
    for step in path {
        cur = match (step, cur) {
            (PathStep::Key(k), Value::Object(m)) => m.get(k)?,
            (PathStep::Index(i), Value::Array(a)) => a.get(*i)?,
            _ => return None,
        };
    }
    Some(cur)
}

/// `*` matches any run of characters.
fn wildcard_match(pattern: &str, s: &str) -> bool {
    let parts: Vec<&str> = pattern.split('*').collect();
    if parts.len() == 1 {
        return pattern == s;
    }
    let mut rest = s;
    for (i, part) in parts.iter().enumerate() {
        if i == 0 {
            let Some(r) = rest.strip_prefix(part) else {
                return false;
            };
            rest = r;
        } else if i == parts.len() - 1 {
            return rest.ends_with(part);
        } else {
            let Some(pos) = rest.find(part) else {
                return false;
            };
            rest = &rest[pos + part.len()..];
        }
    }
    true
}

fn eval(expr: &JsonExpr, v: &Value) -> bool {
    match expr {
        JsonExpr::And(a, b) => eval(a, v) && eval(b, v),
        JsonExpr::Or(a, b) => eval(a, v) || eval(b, v),
        JsonExpr::Exists { selector, negated } => select(v, selector).is_some() != *negated,
        JsonExpr::Compare {
            selector,
            op,
            value,
        } => {
            let Some(found) = select(v, selector) else {
                return false;
            };
            match value {
                JsonLiteral::Str(pat) => {
                    let text = match found {
                        Value::String(s) => s.clone(),
                        Value::Number(n) => n.to_string(),
                        Value::Bool(b) => b.to_string(),
                        _ => return *op == CmpOp::Ne,
                    };
                    let m = wildcard_match(pat, &text);
                    if *op == CmpOp::Ne {
                        !m
                    } else {
                        m
                    }
                }
                JsonLiteral::Num(want) => {
                    let Some(got) = found.as_f64() else {
                        return false;
                    };
                    match op {
                        CmpOp::Eq => got == *want,
                        CmpOp::Ne => got != *want,
                        CmpOp::Lt => got < *want,
                        CmpOp::Le => got <= *want,
                        CmpOp::Gt => got > *want,
                        CmpOp::Ge => got >= *want,
                    }
                }
                JsonLiteral::Bool(b) => (found.as_bool() == Some(*b)) == (*op != CmpOp::Ne),
                JsonLiteral::Null => found.is_null() == (*op != CmpOp::Ne),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(p: &str, msg: &str) -> bool {
        FilterPattern::parse(p).unwrap().matches(msg)
    }

    #[test]
    fn terms_phrases_or_and_exclusion() {
        assert!(m("", "anything"));
        assert!(m("ERROR", "an ERROR here"));
        assert!(!m("ERROR", "an error here"), "case-sensitive");
        assert!(m("ERROR disk", "ERROR: disk full"));
        assert!(!m("ERROR disk", "ERROR: memory"));
        assert!(m("\"disk full\"", "ERROR: disk full"));
        assert!(!m("\"disk full\"", "disk is full"));
        assert!(m("?ERROR ?WARN", "WARN low"));
        assert!(m("?ERROR ?WARN", "ERROR x"));
        assert!(!m("?ERROR ?WARN", "INFO x"));
        assert!(m("ERROR -timeout", "ERROR disk"));
        assert!(!m("ERROR -timeout", "ERROR timeout"));
        assert!(!m("-\"db down\"", "now db down"));
    }

    #[test]
    fn json_patterns() {
        let msg = r#"{"level":"error","code":503,"user":{"id":"u-1"},"tags":["a","b"],"ok":false,"x":null}"#;
        assert!(m(r#"{ $.level = "error" }"#, msg));
        assert!(!m(r#"{ $.level = "info" }"#, msg));
        assert!(m(r#"{ $.level != "info" }"#, msg));
        assert!(m(r#"{ $.level = "err*" }"#, msg));
        assert!(m(r#"{ $.code >= 500 && $.code < 600 }"#, msg));
        assert!(!m(r#"{ $.code > 503 }"#, msg));
        assert!(m(r#"{ $.user.id = "u-1" }"#, msg));
        assert!(m(r#"{ $.tags[1] = "b" }"#, msg));
        assert!(m(r#"{ ($.level = "info") || ($.code = 503) }"#, msg));
        assert!(m(r#"{ $.ok IS FALSE }"#, msg));
        assert!(m(r#"{ $.x IS NULL }"#, msg));
        assert!(m(r#"{ $.missing NOT EXISTS }"#, msg));
        assert!(m(r#"{ $.user EXISTS }"#, msg));
        assert!(!m(r#"{ $.level = "error" }"#, "not json error"));
    }

    #[test]
    fn bad_patterns_are_rejected() {
        for p in [
            "\"unterminated",
            "{ $.a = }",
            "{ level = 1 }",
            "{ $.a = \"x\" ",
            "{ $.a > \"x\" }",
            "[ip, user]",
            "?",
        ] {
            assert!(FilterPattern::parse(p).is_err(), "{p} should not parse");
        }
    }
}
