//! SigV4 authentication of API requests: who signed this request, and is the
//! signature good?
//!
//! Verification is delegated to `scratchstack-aws-signature` (canonical
//! request, string to sign, constant-time compare, AWS's error ordering).
//! Gantry adds, around it:
//!
//! * a [`CredentialResolver`] trait so IAM users, access keys and temporary
//!   STS credentials slot in later; [`StaticCredentials`] serves the root key;
//! * the ECS clock-skew window of **5 minutes** (scratchstack enforces 15);
//! * the mapping of verification failures to ECS wire errors (all HTTP 400):
//!
//! | failure | code | message |
//! |---|---|---|
//! | no `Authorization` header and no presigned query | `MissingAuthenticationTokenException` | `Missing Authentication Token` |
//! | malformed header (missing part, bad date, bad algorithm) | `IncompleteSignatureException` | names what is wrong |
//! | unknown access key, or session token mismatch | `UnrecognizedClientException` | `The security token included in the request is invalid.` |
//! | temporary credentials past `expires_at` | `ExpiredTokenException` | `The security token included in the request is expired` |
//! | wrong signature | `InvalidSignatureException` | AWS's exact "The request signature we calculated…" text |
//! | `X-Amz-Date` more than 5 min off | `InvalidSignatureException` | `Signature expired: …` / `Signature not yet current: …` |
//! | credential scope names another region / service / date | `InvalidSignatureException` | e.g. `Credential should be scoped to a valid region, not 'eu-west-1'.` |
//!
//! A wrong service in the credential scope is an `InvalidSignatureException`,
//! not an `IncompleteSignatureException`: the header is syntactically complete,
//! but the signature was computed for a different key (the service is part of
//! the signing-key derivation), exactly like a wrong region. AWS answers the
//! same way.
//!
//! Precedence: header-syntax errors come first; once the header parses, the
//! 5-minute skew check wins over every later error (scope, unknown key, bad
//! signature), as it does on AWS.
//!
//! Secrets must be 40 characters (every AWS-issued secret is): the verifier's
//! key type is sized for that. Other lengths fail as a server error.

use std::collections::HashMap;
use std::fmt;
use std::str::FromStr;

use async_trait::async_trait;
use bytes::Bytes;
use chrono::{DateTime, Duration, NaiveDateTime, Utc};
use gantry_api_types::ApiError;
use scratchstack_aws_signature::{
    sigv4_validate_request, GetSigningKeyRequest, GetSigningKeyResponse, KSecretKey, KSigningKey,
    SignatureError, SignatureOptions, NO_ADDITIONAL_SIGNED_HEADERS,
};
use tower::BoxError;

/// Allowed difference between the request's `X-Amz-Date` and the server clock.
pub const MAX_CLOCK_SKEW_MINUTES: i64 = 5;

/// Message for requests that carry no credentials at all.
pub const MSG_MISSING_AUTH_TOKEN: &str = "Missing Authentication Token";
/// Message for an unknown access key id.
pub const MSG_UNRECOGNIZED_CLIENT: &str = "The security token included in the request is invalid.";
/// Message for expired temporary credentials.
pub const MSG_EXPIRED_TOKEN: &str = "The security token included in the request is expired";
/// Message for a signature that does not verify.
pub const MSG_SIGNATURE_MISMATCH: &str = "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";

const ISO8601_BASIC: &str = "%Y%m%dT%H%M%SZ";

/// The authenticated caller of a request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Principal {
    /// `arn:aws:iam::<acct>:root`, `arn:aws:iam::<acct>:user/<name>` or
    /// `arn:aws:sts::<acct>:assumed-role/<role>/<session>`.
    pub arn: String,
    pub account_id: String,
    /// The access key id the request was signed with.
    pub access_key_id: String,
    /// IAM user name, for IAM users.
    pub user_name: Option<String>,
    /// The account's root identity (allowed everything).
    pub is_root: bool,
    /// The IAM unique id (`AIDA…` for users, `AROA…:<session>` for
    /// assumed roles); `None` for root.
    pub user_id: Option<String>,
    /// For assumed-role sessions: the role's name (its policies apply).
    pub role_name: Option<String>,
    /// For assumed-role sessions: the role ARN.
    pub role_arn: Option<String>,
    /// For assumed-role sessions: the session name.
    pub session_name: Option<String>,
}

impl Principal {
    /// The root identity of `account_id`, signing with `access_key_id`.
    pub fn root(account_id: &str, access_key_id: &str) -> Self {
        Principal {
            arn: format!("arn:aws:iam::{account_id}:root"),
            account_id: account_id.to_string(),
            access_key_id: access_key_id.to_string(),
            user_name: None,
            is_root: true,
            user_id: None,
            role_name: None,
            role_arn: None,
            session_name: None,
        }
    }
}

/// What a [`CredentialResolver`] knows about one access key.
#[derive(Clone)]
pub struct ResolvedKey {
    pub secret_access_key: String,
    /// Set for temporary (STS) credentials: the request must carry exactly
    /// this `X-Amz-Security-Token`.
    pub session_token: Option<String>,
    pub principal: Principal,
    /// Set for temporary credentials; requests at or after it are rejected
    /// with `ExpiredTokenException`.
    pub expires_at: Option<DateTime<Utc>>,
}

impl fmt::Debug for ResolvedKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ResolvedKey")
            .field("secret_access_key", &"<redacted>")
            .field(
                "session_token",
                &self.session_token.as_ref().map(|_| "<redacted>"),
            )
            .field("principal", &self.principal)
            .field("expires_at", &self.expires_at)
            .finish()
    }
}

/// Looks up the secret and the principal behind an access key id.
#[async_trait]
pub trait CredentialResolver: Send + Sync {
    /// `None` when the key is unknown (or deactivated).
    async fn resolve(&self, access_key_id: &str) -> Option<ResolvedKey>;

    /// Like [`CredentialResolver::resolve`], also given the request's
    /// `X-Amz-Security-Token` (temporary credentials are recognised from
    /// their signed token). The default ignores the token.
    async fn resolve_session(
        &self,
        access_key_id: &str,
        session_token: Option<&str>,
    ) -> Option<ResolvedKey> {
        let _ = session_token;
        self.resolve(access_key_id).await
    }
}

/// A fixed set of keys; for now only the account root.
#[derive(Debug, Clone, Default)]
pub struct StaticCredentials {
    keys: HashMap<String, ResolvedKey>,
}

impl StaticCredentials {
    /// Only the root key of `account_id`.
    pub fn root(account_id: &str, access_key_id: &str, secret_access_key: &str) -> Self {
        StaticCredentials::default().with_key(ResolvedKey {
            secret_access_key: secret_access_key.to_string(),
            session_token: None,
            principal: Principal::root(account_id, access_key_id),
            expires_at: None,
        })
    }

    /// Adds (or replaces) the key `key.principal.access_key_id`.
    pub fn with_key(mut self, key: ResolvedKey) -> Self {
        self.keys.insert(key.principal.access_key_id.clone(), key);
        self
    }
}

#[async_trait]
impl CredentialResolver for StaticCredentials {
    async fn resolve(&self, access_key_id: &str) -> Option<ResolvedKey> {
        self.keys.get(access_key_id).cloned()
    }
}

/// Verifies the SigV4 signature of a fully buffered request for `service`
/// (the credential-scope service name, e.g. `ecs`) in `region`, at time `now`.
///
/// Has no side effects besides the key lookup: callers must authenticate
/// before acting on the request.
pub async fn authenticate(
    parts: &http::request::Parts,
    body: &Bytes,
    service: &str,
    region: &str,
    now: DateTime<Utc>,
    resolver: &dyn CredentialResolver,
) -> Result<Principal, ApiError> {
    if !parts.headers.contains_key(http::header::AUTHORIZATION) && !has_presign_query(&parts.uri) {
        return Err(ApiError::client(
            "MissingAuthenticationTokenException",
            MSG_MISSING_AUTH_TOKEN,
        ));
    }
    // The key is looked up before verification (the lookup has no side
    // effects), so the verifier's key service owns everything it needs.
    let claimed_key = claimed_access_key(&parts.headers, &parts.uri);
    let token = claimed_session_token(parts);
    let resolved = match &claimed_key {
        Some(id) => resolver.resolve_session(id, token.as_deref()).await,
        None => None,
    };
    // The common request shape with a good signature is accepted without
    // the general verifier; anything else goes on to it.
    if let (Some(id), Some(key)) = (&claimed_key, &resolved) {
        if let Some(signed_at) =
            crate::sigv4_fast::verifies(parts, body, service, region, now, id, key)
        {
            check_skew(signed_at, now)?;
            return Ok(key.principal.clone());
        }
    }
    verify_general(parts, body, service, region, now, claimed_key, resolved).await
}

/// Verification by `scratchstack-aws-signature`, of any request, with
/// AWS's error for each way a request can fail.
async fn verify_general(
    parts: &http::request::Parts,
    body: &Bytes,
    service: &str,
    region: &str,
    now: DateTime<Utc>,
    claimed_key: Option<String>,
    resolved: Option<ResolvedKey>,
) -> Result<Principal, ApiError> {
    let request_time = request_timestamp(parts);

    let mut request = http::Request::new(body.clone());
    *request.method_mut() = parts.method.clone();
    *request.uri_mut() = parts.uri.clone();
    *request.version_mut() = parts.version;
    *request.headers_mut() = parts.headers.clone();
    let principal = resolved.as_ref().map(|k| k.principal.clone());
    let mut lookup = tower::service_fn(move |req: GetSigningKeyRequest| {
        std::future::ready(signing_key_for(
            &req,
            claimed_key.as_deref(),
            resolved.as_ref(),
            now,
        ))
    });

    let result = sigv4_validate_request(
        request,
        region,
        service,
        &mut lookup,
        now,
        &NO_ADDITIONAL_SIGNED_HEADERS,
        SignatureOptions::default(),
    )
    .await;

    let err = match result {
        Ok(_) => None,
        Err(e) => Some(match e.downcast::<SignatureError>() {
            Ok(e) => *e,
            Err(other) => SignatureError::InternalServiceError(other),
        }),
    };

    // Once the header parses, the ECS 5-minute window takes precedence.
    if err.as_ref().is_none_or(|e| !is_header_syntax_error(e)) {
        match request_time {
            Some(ts) => check_skew(ts, now)?,
            None => {
                // scratchstack accepted a date format we could not read back:
                // refuse rather than skip the window.
                return Err(ApiError::client(
                    "IncompleteSignatureException",
                    "Date must be in ISO-8601 'basic format'. See http://en.wikipedia.org/wiki/ISO_8601",
                ));
            }
        }
    }

    match err {
        None => principal.ok_or_else(|| ApiError::server("authentication produced no principal")),
        Some(e) => Err(map_signature_error(e)),
    }
}

/// The verifier's key service: the signing key of the (already resolved)
/// access key, or why there is none.
fn signing_key_for(
    req: &GetSigningKeyRequest,
    claimed: Option<&str>,
    key: Option<&ResolvedKey>,
    now: DateTime<Utc>,
) -> Result<GetSigningKeyResponse, BoxError> {
    let unrecognized = || -> BoxError {
        Box::new(SignatureError::InvalidClientTokenId(
            MSG_UNRECOGNIZED_CLIENT.into(),
        ))
    };
    let key = match key {
        Some(key) if claimed == Some(req.access_key()) => key,
        _ => return Err(unrecognized()),
    };
    match (&key.session_token, req.session_token()) {
        (None, None) => {}
        (Some(expected), Some(given)) if expected.as_bytes() == given.as_bytes() => {}
        _ => return Err(unrecognized()),
    }
    if key.expires_at.is_some_and(|t| now >= t) {
        return Err(Box::new(SignatureError::ExpiredToken(
            MSG_EXPIRED_TOKEN.into(),
        )));
    }
    let signing_key = derived_signing_key(
        &key.secret_access_key,
        req.request_date(),
        req.region(),
        req.service(),
    )
    .map_err(|e| -> BoxError {
        format!("secret of access key {} is unusable: {e}", req.access_key()).into()
    })?;
    GetSigningKeyResponse::builder()
        .signing_key(signing_key)
        .build()
        .map_err(|e| -> BoxError { Box::new(e) })
}

/// What a derived signing key is cached under: the secret, the scope's
/// date, region and service.
type SigningScope = (String, chrono::NaiveDate, String, String);

/// Derived signing keys kept at most (the cache is emptied when full; a key
/// is valid for one day of one region and service, so few are live).
const SIGNING_KEY_CACHE: usize = 1024;

fn signing_key_cache() -> &'static std::sync::Mutex<HashMap<SigningScope, KSigningKey>> {
    static CACHE: std::sync::OnceLock<std::sync::Mutex<HashMap<SigningScope, KSigningKey>>> =
        std::sync::OnceLock::new();
    CACHE.get_or_init(Default::default)
}

/// The SigV4 `kSigning` key of `secret` for a scope, derived (four
/// HMAC-SHA256 rounds) once per secret, day, region and service.
pub(crate) fn derived_signing_key(
    secret: &str,
    date: chrono::NaiveDate,
    region: &str,
    service: &str,
) -> Result<KSigningKey, String> {
    let scope: SigningScope = (
        secret.to_string(),
        date,
        region.to_string(),
        service.to_string(),
    );
    let cache = signing_key_cache();
    if let Some(k) = cache.lock().unwrap_or_else(|p| p.into_inner()).get(&scope) {
        return Ok(*k);
    }
    let key = KSecretKey::from_str(secret)
        .map_err(|e| e.to_string())?
        .to_ksigning(date, region, service);
    let mut c = cache.lock().unwrap_or_else(|p| p.into_inner());
    if c.len() >= SIGNING_KEY_CACHE {
        c.clear();
    }
    c.insert(scope, key);
    Ok(key)
}

/// The access key id named by the `Authorization` header's `Credential=` or
/// the `X-Amz-Credential` query parameter; the verifier re-checks it.
/// The access key id a request claims (header or presigned query), before
/// any verification.
pub(crate) fn claimed_access_key(headers: &http::HeaderMap, uri: &http::Uri) -> Option<String> {
    if let Some(auth) = headers.get(http::header::AUTHORIZATION) {
        let auth = auth.to_str().ok()?;
        let cred = auth.split("Credential=").nth(1)?;
        return Some(cred.split('/').next()?.trim().to_string());
    }
    let query = uri.query()?;
    let cred = query
        .split('&')
        .find_map(|kv| kv.strip_prefix("X-Amz-Credential="))?;
    let end = [cred.find('/'), cred.find("%2F"), cred.find("%2f")]
        .into_iter()
        .flatten()
        .min()
        .unwrap_or(cred.len());
    Some(cred[..end].to_string())
}

/// The `X-Amz-Security-Token` header or query parameter, if any.
fn claimed_session_token(parts: &http::request::Parts) -> Option<String> {
    if let Some(v) = parts.headers.get("x-amz-security-token") {
        return v.to_str().ok().map(str::to_string);
    }
    let query = parts.uri.query()?;
    query.split('&').find_map(|kv| {
        let v = kv.strip_prefix("X-Amz-Security-Token=")?;
        percent_encoding::percent_decode_str(v)
            .decode_utf8()
            .ok()
            .map(|s| s.into_owned())
    })
}

fn has_presign_query(uri: &http::Uri) -> bool {
    uri.query().is_some_and(|q| {
        q.split('&')
            .any(|kv| kv.split('=').next() == Some("X-Amz-Algorithm"))
    })
}

/// The request's signing time as the verifier will read it: `X-Amz-Date`,
/// else `Date`, else the `X-Amz-Date` query parameter.
fn request_timestamp(parts: &http::request::Parts) -> Option<DateTime<Utc>> {
    let raw = parts
        .headers
        .get("x-amz-date")
        .or_else(|| parts.headers.get(http::header::DATE))
        .and_then(|v| v.to_str().ok())
        .map(str::to_string)
        .or_else(|| {
            parts.uri.query().and_then(|q| {
                q.split('&')
                    .find_map(|kv| kv.strip_prefix("X-Amz-Date=").map(str::to_string))
            })
        })?;
    NaiveDateTime::parse_from_str(&raw, ISO8601_BASIC)
        .map(|t| t.and_utc())
        .ok()
        .or_else(|| {
            DateTime::parse_from_rfc3339(&raw)
                .ok()
                .map(|t| t.with_timezone(&Utc))
        })
}

fn check_skew(request: DateTime<Utc>, now: DateTime<Utc>) -> Result<(), ApiError> {
    let window = Duration::minutes(MAX_CLOCK_SKEW_MINUTES);
    let fmt = |t: DateTime<Utc>| t.format(ISO8601_BASIC).to_string();
    if request < now - window {
        return Err(ApiError::client(
            "InvalidSignatureException",
            format!(
                "Signature expired: {} is now earlier than {} ({} - {MAX_CLOCK_SKEW_MINUTES} min.)",
                fmt(request),
                fmt(now - window),
                fmt(now)
            ),
        ));
    }
    if request > now + window {
        return Err(ApiError::client(
            "InvalidSignatureException",
            format!(
                "Signature not yet current: {} is still later than {} ({} + {MAX_CLOCK_SKEW_MINUTES} min.)",
                fmt(request),
                fmt(now + window),
                fmt(now)
            ),
        ));
    }
    Ok(())
}

/// Errors raised while reading the request, before the date is trusted.
fn is_header_syntax_error(e: &SignatureError) -> bool {
    matches!(
        e,
        SignatureError::MissingAuthenticationToken(_)
            | SignatureError::IncompleteSignature(_)
            | SignatureError::InvalidURIPath(_)
            | SignatureError::MalformedQueryString(_)
            | SignatureError::InvalidBodyEncoding(_)
            | SignatureError::InvalidContentType(_)
            | SignatureError::InvalidRequestMethod(_)
    )
}

fn map_signature_error(e: SignatureError) -> ApiError {
    match e {
        SignatureError::MissingAuthenticationToken(_) => ApiError::client(
            "MissingAuthenticationTokenException",
            MSG_MISSING_AUTH_TOKEN,
        ),
        SignatureError::IncompleteSignature(msg)
        | SignatureError::InvalidURIPath(msg)
        | SignatureError::MalformedQueryString(msg)
        | SignatureError::InvalidBodyEncoding(msg)
        | SignatureError::InvalidContentType(msg)
        | SignatureError::InvalidRequestMethod(msg) => {
            ApiError::client("IncompleteSignatureException", msg)
        }
        SignatureError::InvalidClientTokenId(_) => {
            ApiError::client("UnrecognizedClientException", MSG_UNRECOGNIZED_CLIENT)
        }
        SignatureError::ExpiredToken(_) => {
            ApiError::client("ExpiredTokenException", MSG_EXPIRED_TOKEN)
        }
        SignatureError::SignatureDoesNotMatch(msg) => ApiError::client(
            "InvalidSignatureException",
            msg.filter(|m| !m.is_empty())
                .unwrap_or_else(|| MSG_SIGNATURE_MISMATCH.to_string()),
        ),
        other => {
            tracing::error!(error = %other, "signature verification failed internally");
            ApiError::server("Internal error while verifying the request signature.")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ts(s: &str) -> DateTime<Utc> {
        NaiveDateTime::parse_from_str(s, ISO8601_BASIC)
            .unwrap()
            .and_utc()
    }

    #[test]
    fn skew_messages_match_aws() {
        let now = ts("20191210T034404Z");
        let err = check_skew(ts("20191209T104625Z"), now).unwrap_err();
        assert_eq!(err.code, "InvalidSignatureException");
        assert_eq!(
            err.message,
            "Signature expired: 20191209T104625Z is now earlier than 20191210T033904Z (20191210T034404Z - 5 min.)"
        );
        let err = check_skew(ts("20191210T035000Z"), now).unwrap_err();
        assert_eq!(
            err.message,
            "Signature not yet current: 20191210T035000Z is still later than 20191210T034904Z (20191210T034404Z + 5 min.)"
        );
        assert!(check_skew(ts("20191210T034800Z"), now).is_ok());
    }

    const KEY: &str = "ASIAIOSFODNN7EXAMPLE";
    const SECRET: &str = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    /// A request signed at `at` with the temporary key, carrying `token`.
    fn signed(at: DateTime<Utc>, token: Option<&str>) -> (http::request::Parts, Bytes) {
        crate::test_signing::Signing {
            key: KEY,
            secret: SECRET,
            token,
            region: "us-east-1",
            service: "ecs",
            at,
            headers: &[
                ("content-type", "application/x-amz-json-1.1"),
                (
                    "x-amz-target",
                    "AmazonEC2ContainerServiceV20141113.ListClusters",
                ),
            ],
        }
        .sign("http://localhost:8080/", b"{}")
    }

    #[tokio::test]
    async fn temporary_credentials_need_their_token_and_expire() {
        let now = ts("20260101T120000Z");
        let principal = Principal {
            arn: "arn:aws:sts::123456789012:assumed-role/r/s".into(),
            account_id: "123456789012".into(),
            access_key_id: KEY.into(),
            user_name: None,
            is_root: false,
            user_id: None,
            role_name: Some("r".into()),
            role_arn: None,
            session_name: Some("s".into()),
        };
        let key = |expires_at| ResolvedKey {
            secret_access_key: SECRET.into(),
            session_token: Some("tok".into()),
            principal: principal.clone(),
            expires_at,
        };
        let live = StaticCredentials::default().with_key(key(Some(now + Duration::hours(1))));
        let auth = |parts: http::request::Parts, body: Bytes, r: StaticCredentials| async move {
            authenticate(&parts, &body, "ecs", "us-east-1", now, &r).await
        };

        let (p, b) = signed(now, Some("tok"));
        assert_eq!(auth(p, b, live.clone()).await.unwrap(), principal);
        let (p, b) = signed(now, Some("other"));
        assert_eq!(
            auth(p, b, live.clone()).await.unwrap_err().code,
            "UnrecognizedClientException"
        );
        let (p, b) = signed(now, None);
        assert_eq!(
            auth(p, b, live.clone()).await.unwrap_err().code,
            "UnrecognizedClientException"
        );
        let expired = StaticCredentials::default().with_key(key(Some(now)));
        let (p, b) = signed(now, Some("tok"));
        let err = auth(p, b, expired).await.unwrap_err();
        assert_eq!(
            (err.code, err.message.as_str()),
            ("ExpiredTokenException", MSG_EXPIRED_TOKEN)
        );
        // Wrong service in the scope is an InvalidSignatureException.
        let (p, b) = signed(now, Some("tok"));
        let err = authenticate(&p, &b, "logs", "us-east-1", now, &live)
            .await
            .unwrap_err();
        assert_eq!(err.code, "InvalidSignatureException");
    }

    /// The fast path answers exactly what the general verifier answers, for
    /// good requests and for each way a request can be wrong.
    #[tokio::test]
    async fn the_fast_path_agrees_with_the_general_verifier() {
        use crate::sigv4_fast::tests::{
            at, key, signed, signed_by_another_secret, signed_with, KEY as FAST_KEY,
            SECRET as FAST_SECRET,
        };
        let good = StaticCredentials::default().with_key(key(None));
        let temporary = StaticCredentials::default().with_key(key(Some("tok")));
        let mut cases: Vec<(
            &str,
            http::request::Parts,
            Bytes,
            &StaticCredentials,
            DateTime<Utc>,
        )> = vec![];
        let (p, b) = signed(None);
        cases.push(("good", p.clone(), b.clone(), &good, at()));
        cases.push((
            "late",
            p.clone(),
            b.clone(),
            &good,
            at() + Duration::minutes(6),
        ));
        cases.push(("body", p, Bytes::from_static(b"{}"), &good, at()));
        let (p, b) = signed(Some("tok"));
        cases.push(("temporary", p.clone(), b.clone(), &temporary, at()));
        cases.push(("token not expected", p, b, &good, at()));
        let (mut p, b) = signed(None);
        p.headers.insert(
            "x-amz-target",
            "AmazonEC2ContainerServiceV20141113.RunTask"
                .parse()
                .unwrap(),
        );
        cases.push(("target", p, b, &good, at()));
        let (p, b) = signed_with(
            "http://localhost:8080/",
            b"{}",
            FAST_SECRET,
            None,
            "eu-west-1",
            "ecs",
        );
        cases.push(("region", p, b, &good, at()));
        let (p, b) = signed_with(
            "http://localhost:8080/?x=1",
            b"{}",
            FAST_SECRET,
            None,
            "us-east-1",
            "ecs",
        );
        cases.push(("query", p, b, &good, at()));
        let (p, b) = signed_by_another_secret();
        cases.push(("secret", p, b, &good, at()));
        let unknown = StaticCredentials::default();
        let (p, b) = signed(None);
        cases.push(("unknown key", p, b, &unknown, at()));
        let mut accepted = 0;
        for (name, p, b, creds, now) in cases {
            let fast = authenticate(&p, &b, "ecs", "us-east-1", now, creds).await;
            let claimed = claimed_access_key(&p.headers, &p.uri);
            assert_eq!(claimed.as_deref(), Some(FAST_KEY));
            let resolved = creds
                .resolve_session(FAST_KEY, claimed_session_token(&p).as_deref())
                .await;
            let general = verify_general(&p, &b, "ecs", "us-east-1", now, claimed, resolved).await;
            let outcome = |r: &Result<Principal, ApiError>| match r {
                Ok(p) => Ok(p.clone()),
                Err(e) => Err((e.code.to_string(), e.message.clone())),
            };
            assert_eq!(outcome(&fast), outcome(&general), "{name}");
            accepted += usize::from(fast.is_ok());
        }
        // The good, the temporary and (by the general verifier only) the
        // one with a query string.
        assert_eq!(accepted, 3);
    }

    #[test]
    fn resolved_key_debug_hides_secret() {
        let k = StaticCredentials::root("123456789012", "AKIAEXAMPLE", "secret");
        assert!(!format!("{k:?}").contains("secret\""));
    }
}
