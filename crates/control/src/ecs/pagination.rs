//! `nextToken` / `maxResults` pagination over sorted keys.
//!
//! A token is the hex encoding of the last key returned, so it is opaque to
//! clients, stable across identical calls, and never equal to the token the
//! client sent (botocore aborts on a repeated token).

use gantry_api_types::ApiError;

pub fn encode_token(key: &str) -> String {
    key.bytes().map(|b| format!("{b:02x}")).collect()
}

pub fn decode_token(token: &str) -> Result<String, ApiError> {
    let bad = || ApiError::invalid_parameter("Invalid nextToken.");
    if !token.len().is_multiple_of(2) {
        return Err(bad());
    }
    let bytes = (0..token.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(token.get(i..i + 2).ok_or_else(bad)?, 16).map_err(|_| bad()))
        .collect::<Result<Vec<u8>, ApiError>>()?;
    String::from_utf8(bytes).map_err(|_| bad())
}

/// Check `maxResults` (1–100) and return the page size.
pub fn page_size(max_results: Option<i32>, default: usize) -> Result<usize, ApiError> {
    match max_results {
        None => Ok(default),
        Some(n) if (1..=100).contains(&n) => Ok(n as usize),
        Some(n) => Err(ApiError::invalid_parameter(format!(
            "maxResults must be between 1 and 100 (got {n})."
        ))),
    }
}

/// One page of `items` (already sorted by `key`), after the key in `token`.
pub fn paginate<T>(
    items: Vec<T>,
    key: impl Fn(&T) -> String,
    next_token: Option<&str>,
    max_results: Option<i32>,
    default_size: usize,
) -> Result<(Vec<T>, Option<String>), ApiError> {
    let size = page_size(max_results, default_size)?;
    let after = next_token.map(decode_token).transpose()?;
    let mut page = Vec::new();
    let mut more = false;
    for item in items {
        if let Some(a) = &after {
            if key(&item).as_str() <= a.as_str() {
                continue;
            }
        }
        if page.len() == size {
            more = true;
            break;
        }
        page.push(item);
    }
    let token = if more {
        page.last().map(|i| encode_token(&key(i)))
    } else {
        None
    };
    Ok((page, token))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_follow_tokens_to_the_end() {
        let items: Vec<String> = (0..5).map(|i| format!("k{i}")).collect();
        let (p1, t1) = paginate(items.clone(), |s| s.clone(), None, Some(2), 100).unwrap();
        assert_eq!(p1, vec!["k0", "k1"]);
        let t1 = t1.unwrap();
        let (p2, t2) = paginate(items.clone(), |s| s.clone(), Some(&t1), Some(2), 100).unwrap();
        assert_eq!(p2, vec!["k2", "k3"]);
        assert_ne!(t1, t2.clone().unwrap());
        let (p3, t3) = paginate(items, |s| s.clone(), t2.as_deref(), Some(2), 100).unwrap();
        assert_eq!(p3, vec!["k4"]);
        assert!(t3.is_none());
    }

    #[test]
    fn bad_inputs_are_rejected() {
        assert!(page_size(Some(0), 100).is_err());
        assert!(page_size(Some(101), 100).is_err());
        assert!(decode_token("zz").is_err());
        assert_eq!(decode_token(&encode_token("a/b")).unwrap(), "a/b");
    }
}
