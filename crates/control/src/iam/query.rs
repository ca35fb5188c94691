//! The AWS Query protocol as IAM and STS speak it: form-encoded input
//! (`Action=…&Version=…`, lists flattened as `Name.member.N`) and XML output
//! (`<XResponse><XResult>…</XResult><ResponseMetadata>…`), lists as
//! `<member>` elements, errors as `<ErrorResponse><Error>…`.
//!
//! Results are built as `serde_json::Value` and written generically: an
//! object becomes child elements, an array `<member>` children, strings,
//! numbers and booleans text (botocore's query parser reads them by the
//! output shape).

use std::collections::BTreeMap;

use gantry_api_types::ApiError;

/// IAM's XML namespace.
pub const IAM_NS: &str = "https://iam.amazonaws.com/doc/2010-05-08/";
/// STS's XML namespace.
pub const STS_NS: &str = "https://sts.amazonaws.com/doc/2011-06-15/";

/// Decoded form parameters of one request.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Params(pub BTreeMap<String, String>);

impl Params {
    /// Parses `application/x-www-form-urlencoded` text (body or query).
    pub fn parse(text: &[u8]) -> Params {
        let mut map = BTreeMap::new();
        for (k, v) in form_urlencoded::parse(text) {
            map.insert(k.into_owned(), v.into_owned());
        }
        Params(map)
    }

    /// Adds every pair of `other` not already present.
    pub fn extend_missing(&mut self, other: Params) {
        for (k, v) in other.0 {
            self.0.entry(k).or_insert(v);
        }
    }

    pub fn get(&self, key: &str) -> Option<&str> {
        self.0.get(key).map(String::as_str)
    }

    /// A required member; `member` is its lowerCamel name for the message.
    pub fn required(&self, key: &str) -> Result<&str, ApiError> {
        self.get(key).ok_or_else(|| {
            validation(&format!(
                "Value null at '{}' failed to satisfy constraint: Member must not be null",
                lower_camel(key)
            ))
        })
    }

    /// `Name.member.1`, `Name.member.2`, … in index order.
    pub fn list(&self, name: &str) -> Vec<String> {
        let prefix = format!("{name}.member.");
        let mut items: Vec<(u32, String)> = self
            .0
            .iter()
            .filter_map(|(k, v)| {
                let idx = k.strip_prefix(&prefix)?;
                Some((idx.parse().ok()?, v.clone()))
            })
            .collect();
        items.sort_by_key(|(i, _)| *i);
        items.into_iter().map(|(_, v)| v).collect()
    }

    /// `Tags.member.N.Key` / `.Value` pairs in index order.
    pub fn tags(&self, name: &str) -> Vec<(String, String)> {
        let mut n = 1;
        let mut out = Vec::new();
        loop {
            let key = self.get(&format!("{name}.member.{n}.Key"));
            let value = self.get(&format!("{name}.member.{n}.Value"));
            match (key, value) {
                (None, None) => break,
                (k, v) => out.push((
                    k.unwrap_or_default().to_string(),
                    v.unwrap_or_default().to_string(),
                )),
            }
            n += 1;
        }
        out
    }

    /// An optional integer member.
    pub fn int(&self, key: &str) -> Result<Option<i64>, ApiError> {
        match self.get(key) {
            None => Ok(None),
            Some(v) => v.trim().parse().map(Some).map_err(|_| {
                ApiError::new(
                    "MalformedInput",
                    400,
                    format!("Invalid value '{v}' for {key}: expected an integer."),
                )
            }),
        }
    }

    /// An optional boolean member.
    pub fn bool(&self, key: &str) -> Result<Option<bool>, ApiError> {
        match self.get(key) {
            None => Ok(None),
            Some("true") => Ok(Some(true)),
            Some("false") => Ok(Some(false)),
            Some(v) => Err(ApiError::new(
                "MalformedInput",
                400,
                format!("Invalid value '{v}' for {key}: expected true or false."),
            )),
        }
    }
}

/// `UserName` → `userName` (how AWS names members in validation messages).
pub fn lower_camel(key: &str) -> String {
    let mut c = key.chars();
    match c.next() {
        Some(f) => f.to_ascii_lowercase().to_string() + c.as_str(),
        None => String::new(),
    }
}

/// A `ValidationError` with AWS's "1 validation error detected: " prefix.
pub fn validation(detail: &str) -> ApiError {
    ApiError::new(
        "ValidationError",
        400,
        format!("1 validation error detected: {detail}"),
    )
}

/// Escapes text for XML content.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\r' => out.push_str("&#xD;"),
            c => out.push(c),
        }
    }
    out
}

fn write_value(out: &mut String, name: &str, value: &serde_json::Value) {
    use serde_json::Value;
    match value {
        Value::Null => {}
        Value::Object(map) => {
            out.push('<');
            out.push_str(name);
            out.push('>');
            for (k, v) in map {
                write_value(out, k, v);
            }
            out.push_str("</");
            out.push_str(name);
            out.push('>');
        }
        Value::Array(items) => {
            out.push('<');
            out.push_str(name);
            out.push('>');
            for item in items {
                write_value(out, "member", item);
            }
            out.push_str("</");
            out.push_str(name);
            out.push('>');
        }
        Value::String(s) => {
            out.push_str(&format!("<{name}>{}</{name}>", escape(s)));
        }
        Value::Bool(b) => out.push_str(&format!("<{name}>{b}</{name}>")),
        Value::Number(n) => out.push_str(&format!("<{name}>{n}</{name}>")),
    }
}

/// The success document of `action` with `result` (an object, or `Null`
/// for operations without output).
pub fn response_xml(
    action: &str,
    namespace: &str,
    result: &serde_json::Value,
    request_id: &str,
) -> String {
    let mut out = String::from(r#"<?xml version="1.0" encoding="UTF-8"?>"#);
    out.push('\n');
    out.push_str(&format!(
        "<{action}Response xmlns=\"{}\">",
        escape(namespace)
    ));
    if let serde_json::Value::Object(_) = result {
        write_value(&mut out, &format!("{action}Result"), result);
    }
    out.push_str(&format!(
        "<ResponseMetadata><RequestId>{}</RequestId></ResponseMetadata></{action}Response>",
        escape(request_id)
    ));
    out
}

/// The query-protocol code of an error raised by the shared front door
/// (whose codes are the JSON protocol's), and its HTTP status.
pub fn query_error_code(err: &ApiError) -> (&'static str, u16) {
    match err.code {
        "UnrecognizedClientException" => ("InvalidClientTokenId", 403),
        "InvalidSignatureException" => ("SignatureDoesNotMatch", 403),
        "IncompleteSignatureException" => ("IncompleteSignature", 400),
        "MissingAuthenticationTokenException" => ("MissingAuthenticationToken", 403),
        "ExpiredTokenException" => ("ExpiredToken", 400),
        "AccessDeniedException" => ("AccessDenied", 403),
        "RequestEntityTooLargeException" => ("RequestEntityTooLarge", 413),
        "SerializationException" => ("MalformedInput", 400),
        "UnknownOperationException" => ("InvalidAction", 400),
        other => (other, err.status),
    }
}

/// `<ErrorResponse>` for `err`; returns the body and the HTTP status.
pub fn error_xml(err: &ApiError, request_id: &str) -> (String, u16) {
    let (code, status) = query_error_code(err);
    let kind = if status >= 500 { "Receiver" } else { "Sender" };
    let body = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ErrorResponse><Error><Type>{kind}</Type><Code>{}</Code><Message>{}</Message></Error><RequestId>{}</RequestId></ErrorResponse>",
        escape(code),
        escape(&err.message),
        escape(request_id)
    );
    (body, status)
}

/// Percent-encodes a policy document the way IAM returns them.
pub fn url_encode(text: &str) -> String {
    use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
    const SET: &AsciiSet = &NON_ALPHANUMERIC
        .remove(b'-')
        .remove(b'_')
        .remove(b'.')
        .remove(b'~')
        .remove(b'*');
    utf8_percent_encode(text, SET).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_flattened_members() {
        let p = Params::parse(
            b"Action=CreateUser&UserName=dev&Tags.member.2.Key=b&Tags.member.1.Key=a&Tags.member.1.Value=x%2By&Tags.member.2.Value=&ActionNames.member.10=z&ActionNames.member.2=y",
        );
        assert_eq!(p.get("UserName"), Some("dev"));
        assert_eq!(
            p.tags("Tags"),
            vec![("a".into(), "x+y".into()), ("b".into(), String::new())]
        );
        assert_eq!(p.list("ActionNames"), vec!["y", "z"]);
        let err = p.required("PolicyArn").unwrap_err();
        assert_eq!(err.code, "ValidationError");
        assert_eq!(err.message, "1 validation error detected: Value null at 'policyArn' failed to satisfy constraint: Member must not be null");
        assert_eq!(
            Params::parse(b"MaxItems=5").int("MaxItems").unwrap(),
            Some(5)
        );
        assert!(Params::parse(b"MaxItems=x").int("MaxItems").is_err());
    }

    #[test]
    fn writes_xml_with_members_and_escaping() {
        let v = serde_json::json!({
            "Users": [{"UserName": "a<b&c"}],
            "IsTruncated": false,
            "Empty": [],
        });
        let xml = response_xml("ListUsers", IAM_NS, &v, "rid");
        assert!(xml.contains("<ListUsersResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><ListUsersResult>"));
        assert!(xml.contains("<Users><member><UserName>a&lt;b&amp;c</UserName></member></Users>"));
        assert!(xml.contains("<IsTruncated>false</IsTruncated>"));
        assert!(xml.contains("<Empty></Empty>"));
        assert!(xml.ends_with(
            "<ResponseMetadata><RequestId>rid</RequestId></ResponseMetadata></ListUsersResponse>"
        ));
        let no_result = response_xml("DeleteUser", IAM_NS, &serde_json::Value::Null, "r");
        assert!(!no_result.contains("DeleteUserResult"));
    }

    #[test]
    fn errors_are_error_responses() {
        let (xml, status) = error_xml(
            &ApiError::new("NoSuchEntity", 404, "The user with name x cannot be found."),
            "r1",
        );
        assert_eq!(status, 404);
        assert!(xml.contains("<Error><Type>Sender</Type><Code>NoSuchEntity</Code><Message>The user with name x cannot be found.</Message></Error><RequestId>r1</RequestId>"));
        let (_, status) = error_xml(&ApiError::client("UnrecognizedClientException", "x"), "r");
        assert_eq!(status, 403);
    }

    #[test]
    fn url_encoding_round_trips() {
        let doc = r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow"}]}"#;
        let enc = url_encode(doc);
        assert!(!enc.contains(' ') && !enc.contains('"'));
        let dec = percent_encoding::percent_decode_str(&enc)
            .decode_utf8()
            .unwrap();
        assert_eq!(dec, doc);
    }
}
