//! The accepting fast path of SigV4 verification.
//!
//! Almost every request an SDK or the agent sends has one shape: `POST /`
//! without a query, an `Authorization: AWS4-HMAC-SHA256 …` header,
//! `X-Amz-Date`, and signed headers that each occur once. For that shape
//! [`verifies`] rebuilds the canonical request and the signature directly
//! (a few hundred bytes of text, two SHA-256 digests and one HMAC with the
//! cached signing key), which costs a fraction of the general verifier's
//! header parsing and canonicalisation (profiled: `scratchstack-aws-signature`
//! was 11% of the server's CPU under the G5 load).
//!
//! It can only say yes. Any request outside the shape, or whose signature
//! does not match, goes to the general verifier, which decides and names
//! the error exactly as before. Saying yes is sound because everything a
//! SigV4 signature covers is covered here too: the method, the path, the
//! (empty) query, every signed header's value, the body's SHA-256, the
//! date, and the scope (access key, date, region, service) that the signing
//! key is derived from; the signature is compared in constant time.
//! Clock-skew, key and token checks stay with the caller.

use chrono::{DateTime, NaiveDate, Utc};
use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};

use crate::auth::ResolvedKey;

const ALGORITHM: &str = "AWS4-HMAC-SHA256";

/// The parts of an `Authorization` header this path accepts.
struct AuthHeader<'a> {
    access_key: &'a str,
    date: &'a str,
    region: &'a str,
    service: &'a str,
    signed_headers: &'a str,
    signature: &'a str,
}

fn parse_authorization(value: &str) -> Option<AuthHeader<'_>> {
    let rest = value.strip_prefix(ALGORITHM)?.strip_prefix(' ')?;
    let (mut credential, mut signed_headers, mut signature) = (None, None, None);
    for part in rest.split(',') {
        let (name, v) = part.trim().split_once('=')?;
        let slot = match name {
            "Credential" => &mut credential,
            "SignedHeaders" => &mut signed_headers,
            "Signature" => &mut signature,
            _ => return None,
        };
        if slot.replace(v).is_some() {
            return None;
        }
    }
    let mut scope = credential?.split('/');
    let header = AuthHeader {
        access_key: scope.next()?,
        date: scope.next()?,
        region: scope.next()?,
        service: scope.next()?,
        signed_headers: signed_headers?,
        signature: signature?,
    };
    (scope.next()? == "aws4_request" && scope.next().is_none()).then_some(header)
}

/// `YYYYMMDDTHHMMSSZ` as a time, or `None`.
fn parse_amz_date(s: &str) -> Option<DateTime<Utc>> {
    let b = s.as_bytes();
    if b.len() != 16 || b[8] != b'T' || b[15] != b'Z' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        let d = b.get(r)?;
        d.iter()
            .all(u8::is_ascii_digit)
            .then(|| d.iter().fold(0u32, |n, c| n * 10 + u32::from(c - b'0')))
    };
    NaiveDate::from_ymd_opt(num(0..4)? as i32, num(4..6)?, num(6..8)?)?
        .and_hms_opt(num(9..11)?, num(11..13)?, num(13..15)?)
        .map(|t| t.and_utc())
}

/// The one value of header `name`, or `None` when it is absent, repeated
/// or not visible ASCII.
fn single_header<'a>(headers: &'a http::HeaderMap, name: &str) -> Option<&'a str> {
    let mut all = headers.get_all(name).iter();
    let v = all.next()?;
    if all.next().is_some() {
        return None;
    }
    v.to_str().ok()
}

fn hex_into(out: &mut String, bytes: &[u8]) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    for b in bytes {
        out.push(HEX[usize::from(b >> 4)] as char);
        out.push(HEX[usize::from(b & 15)] as char);
    }
}

/// When the request is in the common shape and carries a good signature by
/// `key` (the secret of `access_key_id`) for `service` in `region`: its
/// signing time (`X-Amz-Date`), for the caller's clock-skew check. `None`
/// says nothing: the general verifier must then decide.
pub(crate) fn verifies(
    parts: &http::request::Parts,
    body: &[u8],
    service: &str,
    region: &str,
    now: DateTime<Utc>,
    access_key_id: &str,
    key: &ResolvedKey,
) -> Option<DateTime<Utc>> {
    if parts.uri.path() != "/" || parts.uri.query().is_some() {
        return None;
    }
    let headers = &parts.headers;
    let auth = parse_authorization(single_header(headers, "authorization")?)?;
    if auth.access_key != access_key_id || auth.region != region || auth.service != service {
        return None;
    }
    // The key's own conditions: the general path names what is wrong.
    if key.expires_at.is_some_and(|t| now >= t) {
        return None;
    }
    let token = single_header(headers, "x-amz-security-token");
    match (&key.session_token, token) {
        (None, None) => {}
        (Some(expected), Some(given)) if expected.as_bytes() == given.as_bytes() => {}
        _ => return None,
    }
    // A payload hash the client states is checked by the general path.
    if headers.contains_key("x-amz-content-sha256") {
        return None;
    }
    let amz_date = single_header(headers, "x-amz-date")?;
    let signed_at = parse_amz_date(amz_date)?;
    let date = signed_at.date_naive();
    if amz_date.get(..8)? != auth.date {
        return None;
    }

    // The canonical request: method, path, empty query, the signed headers
    // (sorted, each once, trimmed), their names, the body's hash.
    let mut canonical = String::with_capacity(512);
    canonical.push_str(parts.method.as_str());
    canonical.push_str("\n/\n\n");
    let mut previous: Option<&str> = None;
    let mut has_host = false;
    for name in auth.signed_headers.split(';') {
        if name.is_empty()
            || name.bytes().any(|c| c.is_ascii_uppercase())
            || previous.is_some_and(|p| p >= name)
        {
            return None;
        }
        previous = Some(name);
        has_host |= name == "host";
        let value = single_header(headers, name)?.trim_matches([' ', '\t']);
        if value.contains("  ") || value.contains('\t') {
            return None;
        }
        canonical.push_str(name);
        canonical.push(':');
        canonical.push_str(value);
        canonical.push('\n');
    }
    if !has_host {
        return None;
    }
    canonical.push('\n');
    canonical.push_str(auth.signed_headers);
    canonical.push('\n');
    hex_into(&mut canonical, &Sha256::digest(body));

    let mut to_sign = String::with_capacity(160);
    to_sign.push_str(ALGORITHM);
    to_sign.push('\n');
    to_sign.push_str(amz_date);
    to_sign.push('\n');
    for part in [auth.date, "/", region, "/", service, "/aws4_request"] {
        to_sign.push_str(part);
    }
    to_sign.push('\n');
    hex_into(&mut to_sign, &Sha256::digest(canonical.as_bytes()));

    let signing_key =
        crate::auth::derived_signing_key(&key.secret_access_key, date, region, service).ok()?;
    let mut mac = Hmac::<Sha256>::new_from_slice(AsRef::<[u8; 32]>::as_ref(&signing_key)).ok()?;
    mac.update(to_sign.as_bytes());
    let given = decode_hex32(auth.signature)?;
    mac.verify_slice(&given).ok()?;
    Some(signed_at)
}

/// 64 lowercase hex digits as 32 bytes.
fn decode_hex32(s: &str) -> Option<[u8; 32]> {
    let b = s.as_bytes();
    if b.len() != 64 {
        return None;
    }
    let digit = |c: u8| match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'a'..=b'f' => Some(c - b'a' + 10),
        _ => None,
    };
    let mut out = [0u8; 32];
    for (i, o) in out.iter_mut().enumerate() {
        *o = (digit(b[2 * i])? << 4) | digit(b[2 * i + 1])?;
    }
    Some(out)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::auth::Principal;

    pub(crate) const KEY: &str = "AKIAIOSFODNN7EXAMPLE";
    pub(crate) const SECRET: &str = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    pub(crate) fn at() -> DateTime<Utc> {
        parse_amz_date("20260101T120000Z").unwrap()
    }

    pub(crate) fn key(token: Option<&str>) -> ResolvedKey {
        ResolvedKey {
            secret_access_key: SECRET.into(),
            session_token: token.map(str::to_string),
            principal: Principal::root("123456789012", KEY),
            expires_at: None,
        }
    }

    /// `uri` with `body` and the usual JSON-protocol headers, signed the way
    /// the AWS SDKs sign (`aws-sigv4`) with `secret`, for `service` in
    /// `region`, carrying `token`.
    pub(crate) fn signed_with(
        uri: &str,
        body: &'static [u8],
        secret: &str,
        token: Option<&str>,
        region: &str,
        service: &str,
    ) -> (http::request::Parts, bytes::Bytes) {
        crate::test_signing::Signing {
            key: KEY,
            secret,
            token,
            region,
            service,
            at: at(),
            headers: &[
                ("content-type", "application/x-amz-json-1.1"),
                (
                    "x-amz-target",
                    "AmazonEC2ContainerServiceV20141113.ListTasks",
                ),
                ("user-agent", "aws-cli/2  test   agent"),
            ],
        }
        .sign(uri, body)
    }

    /// A good-looking request signed with a secret that is not [`SECRET`].
    pub(crate) fn signed_by_another_secret() -> (http::request::Parts, bytes::Bytes) {
        signed_with(
            "http://localhost:8080/",
            b"{}",
            "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            None,
            "us-east-1",
            "ecs",
        )
    }

    pub(crate) fn signed(token: Option<&str>) -> (http::request::Parts, bytes::Bytes) {
        signed_with(
            "http://localhost:8080/",
            br#"{"cluster":"default"}"#,
            SECRET,
            token,
            "us-east-1",
            "ecs",
        )
    }

    fn check(
        parts: &http::request::Parts,
        body: &[u8],
        key: &ResolvedKey,
    ) -> Option<DateTime<Utc>> {
        verifies(parts, body, "ecs", "us-east-1", at(), KEY, key)
    }

    #[test]
    fn sdk_signed_requests_are_accepted_with_their_signing_time() {
        let (p, b) = signed(None);
        assert_eq!(check(&p, &b, &key(None)), Some(at()));
        let (p, b) = signed(Some("tok"));
        assert_eq!(check(&p, &b, &key(Some("tok"))), Some(at()));
    }

    #[test]
    fn whatever_the_signature_covers_is_checked() {
        let k = key(None);
        let (p, _) = signed(None);
        assert_eq!(check(&p, br#"{"cluster":"other"}"#, &k), None, "body");
        let changed = |name: &'static str, value: &str| {
            let (mut p, b) = signed(None);
            p.headers.insert(name, value.parse().unwrap());
            check(&p, &b, &k)
        };
        assert_eq!(
            changed("x-amz-target", "AmazonEC2ContainerServiceV20141113.RunTask"),
            None
        );
        assert_eq!(changed("host", "elsewhere:8080"), None);
        assert_eq!(changed("x-amz-date", "20260101T120001Z"), None);
        let (mut p, b) = signed(None);
        p.method = http::Method::PUT;
        assert_eq!(check(&p, &b, &k), None, "method");
        // One digit of the signature.
        let (mut p, b) = signed(None);
        let auth = p.headers["authorization"].to_str().unwrap().to_string();
        let last = auth.chars().last().unwrap();
        let flipped = format!(
            "{}{}",
            &auth[..auth.len() - 1],
            if last == '0' { '1' } else { '0' }
        );
        p.headers.insert("authorization", flipped.parse().unwrap());
        assert_eq!(check(&p, &b, &k), None, "signature");
        let (p, b) = signed_by_another_secret();
        assert_eq!(check(&p, &b, &k), None, "secret");
    }

    #[test]
    fn other_shapes_and_key_conditions_are_left_to_the_general_verifier() {
        let (p, b) = signed_with(
            "http://localhost:8080/?a=b",
            b"{}",
            SECRET,
            None,
            "us-east-1",
            "ecs",
        );
        assert_eq!(check(&p, &b, &key(None)), None, "query");
        let (p, b) = signed_with(
            "http://localhost:8080/x",
            b"{}",
            SECRET,
            None,
            "us-east-1",
            "ecs",
        );
        assert_eq!(check(&p, &b, &key(None)), None, "path");
        let (p, b) = signed_with(
            "http://localhost:8080/",
            b"{}",
            SECRET,
            None,
            "eu-west-1",
            "ecs",
        );
        assert_eq!(check(&p, &b, &key(None)), None, "region");
        let (p, b) = signed_with(
            "http://localhost:8080/",
            b"{}",
            SECRET,
            None,
            "us-east-1",
            "logs",
        );
        assert_eq!(check(&p, &b, &key(None)), None, "service");
        let (p, b) = signed(Some("tok"));
        assert_eq!(check(&p, &b, &key(None)), None, "unexpected token");
        assert_eq!(check(&p, &b, &key(Some("other"))), None, "other token");
        let (p, b) = signed(None);
        assert_eq!(check(&p, &b, &key(Some("tok"))), None, "missing token");
        let mut expired = key(None);
        expired.expires_at = Some(at());
        assert_eq!(check(&p, &b, &expired), None, "expired");
        assert_eq!(
            verifies(&p, &b, "ecs", "us-east-1", at(), "AKIAOTHER", &key(None)),
            None
        );
        let (mut p, b) = signed(None);
        p.headers.append("x-amz-target", "again".parse().unwrap());
        assert_eq!(check(&p, &b, &key(None)), None, "repeated signed header");
    }

    #[test]
    fn amz_dates_parse_in_the_basic_format_only() {
        assert_eq!(
            parse_amz_date("20191210T034404Z").map(|t| t.to_rfc3339()),
            Some("2019-12-10T03:44:04+00:00".into())
        );
        for bad in [
            "20191210T034404",
            "2019-12-10T03:44:04Z",
            "20191310T034404Z",
            "2019121aT034404Z",
            "",
        ] {
            assert_eq!(parse_amz_date(bad), None, "{bad}");
        }
    }
}
