//! Strict request-body parsing: JSON → generated type, with errors that name
//! the offending parameter the way botocore's validator does.
//!
//! The generated types ignore unknown members (responses from newer models
//! must still parse), so strictness lives here: [`from_slice_strict`] rejects
//! `null` members (all of them are listed), members the model does not know, and type mismatches, each
//! as a `SerializationException` naming the path (e.g.
//! `containerDefinitions[0].portMappings`).

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

use crate::ApiError;

/// Parses `body` as `T` without serde's leniency (see the module doc).
pub fn from_slice_strict<T>(body: &[u8]) -> Result<T, ApiError>
where
    T: DeserializeOwned + Serialize,
{
    if let Some(parsed) = parse_plain(body) {
        return Ok(parsed);
    }
    let raw: Value = serde_json::from_slice(body)
        .map_err(|e| ApiError::serialization(format!("Invalid JSON in request body: {e}")))?;
    from_value_strict(raw)
}

/// The common case without a `Value` tree: a body that is an object, has
/// no `null` anywhere (not even the four letters inside a string: then the
/// tree decides) and parses straight into `T` with no member left over.
/// `None` sends the body down the tree path, which accepts or words the
/// error exactly as before (this path accepts nothing it would refuse: no
/// nulls, an object, every member known, every value of its type).
fn parse_plain<T: DeserializeOwned>(body: &[u8]) -> Option<T> {
    let first = body.iter().find(|b| !b.is_ascii_whitespace())?;
    if *first != b'{' || memchr::memmem::find(body, b"null").is_some() {
        return None;
    }
    let mut de = serde_json::Deserializer::from_slice(body);
    let mut ignored = false;
    let parsed = serde_ignored::deserialize(&mut de, |_| ignored = true).ok()?;
    (!ignored && de.end().is_ok()).then_some(parsed)
}

/// Like [`from_slice_strict`], from an already parsed JSON value.
pub fn from_value_strict<T>(raw: Value) -> Result<T, ApiError>
where
    T: DeserializeOwned + Serialize,
{
    if !raw.is_object() {
        return Err(ApiError::serialization(
            "Request body must be a JSON object.",
        ));
    }
    if has_null(&raw) {
        let mut nulls = Vec::new();
        find_nulls(&raw, "", &mut nulls);
        let msgs: Vec<String> = nulls
            .iter()
            .map(|p| format!("Invalid type for parameter {p}, value: None"))
            .collect();
        return Err(ApiError::serialization(msgs.join("; ")));
    }
    // The common case, a valid request, in one pass over the tree: typed
    // straight from it, watching for members the type does not know. Any
    // failure takes the path below, which words the error (the first
    // failing path, the first unknown member) exactly as before.
    let mut ignored = false;
    if let Ok(parsed) = serde_ignored::deserialize(&raw, |_| ignored = true) {
        if !ignored {
            return Ok(parsed);
        }
    }
    let (text, paths) = pretty_with_paths(&raw);
    let parsed: T = match serde_json::from_str(&text) {
        Ok(v) => v,
        Err(e) => {
            let line = e.line().saturating_sub(1);
            let path = paths.get(line).map(String::as_str).unwrap_or("");
            let msg = strip_position(&e.to_string());
            return Err(ApiError::serialization(
                if let Some(field) = msg
                    .strip_prefix("missing field `")
                    .and_then(|s| s.strip_suffix('`'))
                {
                    if path.is_empty() {
                        format!("Missing required parameter in input: \"{field}\"")
                    } else {
                        format!("Missing required parameter in {path}: \"{field}\"")
                    }
                } else {
                    let shown = if path.is_empty() { "input" } else { path };
                    format!("Invalid value for parameter {shown}: {msg}")
                },
            ));
        }
    };
    let back = serde_json::to_value(&parsed)
        .map_err(|e| ApiError::server(format!("re-serialising request: {e}")))?;
    if let Some((path, key)) = find_unknown(&raw, &back, &mut String::new()) {
        let place = if path.is_empty() {
            "input".to_string()
        } else {
            path
        };
        return Err(ApiError::serialization(format!(
            "Unknown parameter in {place}: \"{key}\""
        )));
    }
    Ok(parsed)
}

fn strip_position(msg: &str) -> String {
    match msg.rfind(" at line ") {
        Some(i) => msg[..i].to_string(),
        None => msg.to_string(),
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

fn has_null(v: &Value) -> bool {
    match v {
        Value::Null => true,
        Value::Object(m) => m.values().any(has_null),
        Value::Array(a) => a.iter().any(has_null),
        _ => false,
    }
}

fn find_nulls(v: &Value, path: &str, out: &mut Vec<String>) {
    match v {
        Value::Null => out.push(path.to_string()),
        Value::Object(m) => m
            .iter()
            .for_each(|(k, x)| find_nulls(x, &join(path, k), out)),
        Value::Array(a) => a
            .iter()
            .enumerate()
            .for_each(|(i, x)| find_nulls(x, &format!("{path}[{i}]"), out)),
        _ => {}
    }
}

/// First object member present in `raw` but dropped by the round trip.
/// Map-typed members survive the round trip whole, so they never report.
fn find_unknown(raw: &Value, back: &Value, path: &mut String) -> Option<(String, String)> {
    match (raw, back) {
        (Value::Object(r), Value::Object(b)) => r.iter().find_map(|(k, rv)| match b.get(k) {
            None => Some((path.clone(), k.clone())),
            Some(bv) => find_unknown(rv, bv, &mut join(path, k)),
        }),
        (Value::Array(r), Value::Array(b)) => r
            .iter()
            .zip(b.iter())
            .enumerate()
            .find_map(|(i, (rv, bv))| find_unknown(rv, bv, &mut format!("{path}[{i}]"))),
        _ => None,
    }
}

/// Pretty-prints `v` one member per line and returns, per line, the path of
/// the value on it (closing brackets carry the path of their container).
fn pretty_with_paths(v: &Value) -> (String, Vec<String>) {
    let mut lines: Vec<(String, String)> = Vec::new();
    emit(v, String::new(), String::new(), &mut lines);
    let mut text = String::new();
    let mut paths = Vec::with_capacity(lines.len());
    for (t, p) in lines {
        text.push_str(&t);
        text.push('\n');
        paths.push(p);
    }
    (text, paths)
}

fn emit(v: &Value, prefix: String, path: String, out: &mut Vec<(String, String)>) {
    match v {
        Value::Object(m) => {
            out.push((format!("{prefix}{{"), path.clone()));
            let n = m.len();
            for (i, (k, x)) in m.iter().enumerate() {
                let key = Value::String(k.clone()).to_string();
                emit(x, format!("{key}: "), join(&path, k), out);
                if i + 1 < n {
                    if let Some(last) = out.last_mut() {
                        last.0.push(',');
                    }
                }
            }
            out.push(("}".to_string(), path));
        }
        Value::Array(a) => {
            out.push((format!("{prefix}["), path.clone()));
            let n = a.len();
            for (i, x) in a.iter().enumerate() {
                emit(x, String::new(), format!("{path}[{i}]"), out);
                if i + 1 < n {
                    if let Some(last) = out.last_mut() {
                        last.0.push(',');
                    }
                }
            }
            out.push(("]".to_string(), path));
        }
        scalar => out.push((format!("{prefix}{scalar}"), path)),
    }
}

#[cfg(test)]
mod tests {
    use super::parse_plain;
    use crate::ecs::ListClustersRequest;

    #[test]
    fn only_plain_objects_take_the_tree_free_path() {
        let some = |b: &str| parse_plain::<ListClustersRequest>(b.as_bytes()).is_some();
        assert!(some(r#" {"maxResults": 5, "nextToken": "abc"} "#));
        assert!(some("{}"));
        // Left to the tree path: a null, the word inside a string, an
        // unknown member, trailing text, not an object.
        assert!(!some(r#"{"maxResults": null}"#));
        assert!(!some(r#"{"nextToken": "annulled"}"#));
        assert!(!some(r#"{"maxResults": 5, "bogus": 1}"#));
        assert!(!some(r#"{"maxResults": 5} {}"#));
        assert!(!some("[]"));
        assert!(!some(r#"{"maxResults": "five"}"#));
    }
}
