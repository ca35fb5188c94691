//! Name, tag and attribute rules shared by every ECS resource.

use gantry_api_types::ecs::Tag;
use gantry_api_types::ApiError;

/// `^[A-Za-z0-9_-]{1,255}$`: family, container, volume, cluster and service
/// names.
pub fn is_valid_name(s: &str) -> bool {
    (1..=255).contains(&s.len())
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

/// Maximum user tags per resource.
pub const MAX_TAGS: usize = 50;

fn tag_char_ok(c: char) -> bool {
    c.is_alphanumeric() || c.is_whitespace() || "_.:/=+-@".contains(c)
}

/// Validates user-supplied tags: ≤50, key 1–128, value 0–256, characters
/// `[\p{L}\p{Z}\p{N}_.:/=+\-@]`, no `aws:` prefix. Errors are
/// `InvalidParameterException` (`LimitExceededException` for the count).
pub fn validate_tags(tags: &[Tag]) -> Result<(), ApiError> {
    if tags.len() > MAX_TAGS {
        return Err(ApiError::client(
            "LimitExceededException",
            format!("The number of tags exceeds the limit of {MAX_TAGS}."),
        ));
    }
    for (i, tag) in tags.iter().enumerate() {
        let key = tag.key.as_deref().unwrap_or("");
        let value = tag.value.as_deref().unwrap_or("");
        let klen = key.chars().count();
        if !(1..=128).contains(&klen) {
            return Err(ApiError::invalid_parameter(format!(
                "Invalid length for parameter tags[{i}].key, value: {klen}, valid range: 1-128"
            )));
        }
        if value.chars().count() > 256 {
            return Err(ApiError::invalid_parameter(format!(
                "Invalid length for parameter tags[{i}].value, valid max length: 256"
            )));
        }
        if key.to_ascii_lowercase().starts_with("aws:") {
            return Err(ApiError::invalid_parameter(format!(
                "Tag key '{key}' is invalid: the 'aws:' prefix is reserved."
            )));
        }
        if !key.chars().all(tag_char_ok) {
            return Err(ApiError::invalid_parameter(format!(
                "Tag key '{key}' contains invalid characters."
            )));
        }
        if !value.chars().all(tag_char_ok) {
            return Err(ApiError::invalid_parameter(format!(
                "Tag value for key '{key}' contains invalid characters."
            )));
        }
    }
    Ok(())
}

/// Custom attribute name: 1–128 chars of letters, digits, `-_./@`.
pub fn is_valid_attribute_name(s: &str) -> bool {
    (1..=128).contains(&s.len())
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-_./@".contains(&b))
}

/// Custom attribute value: 1–128 chars of letters, digits, `-_./@:` and
/// spaces (not leading or trailing).
pub fn is_valid_attribute_value(s: &str) -> bool {
    (1..=128).contains(&s.len())
        && !s.starts_with(' ')
        && !s.ends_with(' ')
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-_./@: ".contains(&b))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tag(k: &str, v: &str) -> Tag {
        Tag {
            key: Some(k.into()),
            value: Some(v.into()),
        }
    }

    #[test]
    fn names() {
        assert!(is_valid_name("web-app_1"));
        assert!(!is_valid_name(""));
        assert!(!is_valid_name("a b"));
        assert!(!is_valid_name("a:b"));
        assert!(is_valid_name(&"a".repeat(255)));
        assert!(!is_valid_name(&"a".repeat(256)));
    }

    #[test]
    fn tags() {
        assert!(validate_tags(&[tag("env", "prod"), tag("a b", "")]).is_ok());
        assert!(validate_tags(&[tag("", "x")]).is_err());
        assert!(validate_tags(&[tag("aws:x", "x")]).is_err());
        assert!(validate_tags(&[tag("k", "bad#")]).is_err());
        assert!(validate_tags(&[tag(&"k".repeat(129), "")]).is_err());
        let many: Vec<Tag> = (0..51).map(|i| tag(&format!("k{i}"), "v")).collect();
        assert_eq!(
            validate_tags(&many).unwrap_err().code,
            "LimitExceededException"
        );
    }

    #[test]
    fn attributes() {
        assert!(is_valid_attribute_name("ecs.capability.task-eni"));
        assert!(!is_valid_attribute_name("bad name"));
        assert!(is_valid_attribute_value("a b"));
        assert!(!is_valid_attribute_value(" a"));
        assert!(!is_valid_attribute_value(""));
    }
}
