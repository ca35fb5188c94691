//! SigV4-signed HTTP client the agent uses to reach the control plane.
//!
//! Every request is signed like an AWS SDK signs it (service `ecs`, or
//! `logs` for [`AgentClient::logs_call`]; the
//! configured region; signed headers `content-type`, `host`, `x-amz-date`,
//! `x-amz-target` when present, and `x-amz-security-token` for temporary
//! credentials). Plain HTTP only. Several endpoints may be configured: a
//! connection failure moves on to the next one, and the client remembers the
//! last endpoint that answered.

use crate::{SyncRequest, SyncResponse, SYNC_PATH};
use aws_credential_types::Credentials;
use aws_sigv4::http_request::{sign, SignableBody, SignableRequest, SigningSettings};
use aws_sigv4::sign::v4;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, SystemTime};
use tracing::{debug, warn};

/// `X-Amz-Target` prefix of the ECS API.
pub const ECS_TARGET_PREFIX: &str = "AmazonEC2ContainerServiceV20141113";
/// `X-Amz-Target` prefix of the CloudWatch Logs API.
pub const LOGS_TARGET_PREFIX: &str = "Logs_20140328";
/// Content type of awsJson1.1 requests.
pub const AMZ_JSON: &str = "application/x-amz-json-1.1";

/// reqwest is built with rustls but without a crypto provider: every
/// process that builds a `reqwest::Client` calls this first (idempotent) to
/// make `ring` the process's provider.
pub fn install_tls_provider() {
    let _ = rustls::crypto::ring::default_provider().install_default();
}

/// How to reach and authenticate to the control plane.
#[derive(Debug, Clone)]
pub struct ClientConfig {
    /// Base URLs such as `http://10.0.0.1:8080` (tried in order, with failover).
    pub endpoints: Vec<String>,
    pub region: String,
    pub access_key_id: String,
    pub secret_access_key: String,
    pub session_token: Option<String>,
    /// Timeout of ECS calls and of a sync with `wait_seconds == 0`. A
    /// long-polling sync gets `wait_seconds + 10 s` on top of this.
    pub request_timeout: Duration,
    pub connect_timeout: Duration,
    /// PEM certificate(s) to trust for `https://` endpoints instead of the
    /// system roots (e.g. the control plane's self-signed certificate).
    pub ca_pem: Option<Vec<u8>>,
}

impl ClientConfig {
    pub fn new(
        endpoints: Vec<String>,
        region: impl Into<String>,
        access_key_id: impl Into<String>,
        secret_access_key: impl Into<String>,
        session_token: Option<String>,
    ) -> Self {
        ClientConfig {
            endpoints,
            region: region.into(),
            access_key_id: access_key_id.into(),
            secret_access_key: secret_access_key.into(),
            session_token,
            request_timeout: Duration::from_secs(30),
            connect_timeout: Duration::from_secs(3),
            // Like the AWS CLI and SDKs: a custom CA bundle from AWS_CA_BUNDLE.
            ca_pem: std::env::var_os("AWS_CA_BUNDLE")
                .filter(|p| !p.is_empty())
                .and_then(|p| match std::fs::read(&p) {
                    Ok(pem) => Some(pem),
                    Err(e) => {
                        warn!(path = ?p, error = %e, "cannot read AWS_CA_BUNDLE; using the system roots");
                        None
                    }
                }),
        }
    }

    /// Trusts only the PEM certificate(s) in `pem` for `https://` endpoints.
    pub fn with_ca_pem(mut self, pem: Vec<u8>) -> Self {
        self.ca_pem = Some(pem);
        self
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ClientError {
    #[error("no control-plane endpoint configured")]
    NoEndpoints,
    #[error("invalid endpoint {endpoint:?}")]
    InvalidEndpoint { endpoint: String },
    #[error("could not sign the request")]
    Sign(#[source] Box<dyn std::error::Error + Send + Sync>),
    /// Every endpoint failed to connect (or timed out); the last error is the source.
    #[error("control plane unreachable (last endpoint {endpoint})")]
    Unreachable {
        endpoint: String,
        #[source]
        source: reqwest::Error,
    },
    #[error("HTTP error talking to {endpoint}")]
    Http {
        endpoint: String,
        #[source]
        source: reqwest::Error,
    },
    /// The server answered with an AWS JSON error.
    #[error("{code} (HTTP {status}): {message}")]
    Api {
        code: String,
        message: String,
        status: u16,
    },
    #[error("could not decode the answer (HTTP {status})")]
    Decode {
        status: u16,
        #[source]
        source: serde_json::Error,
    },
}

impl ClientError {
    /// True when retrying later may succeed (unreachable, HTTP, 5xx, throttling).
    pub fn is_transient(&self) -> bool {
        match self {
            ClientError::Unreachable { .. } | ClientError::Http { .. } => true,
            ClientError::Api { code, status, .. } => {
                *status >= 500 || code == "ThrottlingException"
            }
            _ => false,
        }
    }
}

/// Where request-signing time comes from (the agent passes its clock).
pub type TimeSource = Arc<dyn Fn() -> SystemTime + Send + Sync>;

/// The wall clock, for callers without a clock of their own.
#[allow(clippy::disallowed_methods)]
pub fn system_time() -> SystemTime {
    SystemTime::now()
}

/// The agent's HTTP client. Cheap to share behind an `Arc`.
pub struct AgentClient {
    http: reqwest::Client,
    config: ClientConfig,
    /// Index of the endpoint to try first.
    current: AtomicUsize,
    time: TimeSource,
}

impl std::fmt::Debug for AgentClient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AgentClient")
            .field("endpoints", &self.config.endpoints)
            .field("region", &self.config.region)
            .finish_non_exhaustive()
    }
}

impl AgentClient {
    pub fn new(config: ClientConfig) -> Result<Self, ClientError> {
        if config.endpoints.is_empty() {
            return Err(ClientError::NoEndpoints);
        }
        for e in &config.endpoints {
            if !(e.starts_with("http://") || e.starts_with("https://")) {
                return Err(ClientError::InvalidEndpoint {
                    endpoint: e.clone(),
                });
            }
        }
        install_tls_provider();
        let mut builder = reqwest::Client::builder().connect_timeout(config.connect_timeout);
        if let Some(pem) = &config.ca_pem {
            let certs =
                reqwest::Certificate::from_pem_bundle(pem).map_err(|source| ClientError::Http {
                    endpoint: config.endpoints[0].clone(),
                    source,
                })?;
            builder = builder.tls_certs_only(certs);
        } else if config.endpoints.iter().all(|e| e.starts_with("http://")) {
            // Plain HTTP only: no roots needed, and none may exist (a
            // client inside a `FROM scratch` container has no CA store).
            builder = builder.tls_certs_only(Vec::new());
        }
        let http = builder.build().map_err(|source| ClientError::Http {
            endpoint: config.endpoints[0].clone(),
            source,
        })?;
        Ok(AgentClient {
            http,
            config,
            current: AtomicUsize::new(0),
            time: Arc::new(system_time),
        })
    }

    /// Signs with this time source instead of the system clock.
    pub fn set_time_source(&mut self, time: TimeSource) {
        self.time = time;
    }

    pub fn config(&self) -> &ClientConfig {
        &self.config
    }

    /// The same client (endpoints, CA, time source) signing with other
    /// credentials (a task's execution role).
    pub fn with_credentials(
        &self,
        access_key_id: &str,
        secret_access_key: &str,
        session_token: Option<String>,
    ) -> Result<Self, ClientError> {
        let mut config = self.config.clone();
        config.access_key_id = access_key_id.to_string();
        config.secret_access_key = secret_access_key.to_string();
        config.session_token = session_token;
        // Credentials sign each request; the connections (and their pool)
        // are shared with this client.
        Ok(AgentClient {
            http: self.http.clone(),
            config,
            current: AtomicUsize::new(self.current.load(Ordering::Relaxed)),
            time: self.time.clone(),
        })
    }

    /// Calls an ECS operation (`POST /`, awsJson1.1) and returns the JSON answer.
    pub async fn ecs_call(
        &self,
        operation: &str,
        body: &serde_json::Value,
    ) -> Result<serde_json::Value, ClientError> {
        self.call(ECS_TARGET_PREFIX, "ecs", operation, body).await
    }

    /// Calls a CloudWatch Logs operation (signing name `logs`).
    pub async fn logs_call(
        &self,
        operation: &str,
        body: &(impl serde::Serialize + Sync + ?Sized),
    ) -> Result<serde_json::Value, ClientError> {
        self.call(LOGS_TARGET_PREFIX, "logs", operation, body).await
    }

    /// Calls `target_prefix.operation` on `POST /` (awsJson1.1), signed
    /// for `signing_name`, and returns the JSON answer.
    pub async fn call(
        &self,
        target_prefix: &str,
        signing_name: &str,
        operation: &str,
        body: &(impl serde::Serialize + Sync + ?Sized),
    ) -> Result<serde_json::Value, ClientError> {
        self.call_as(target_prefix, signing_name, operation, body)
            .await
    }

    /// An ECS call whose answer is decoded as `T` (`serde::de::IgnoredAny`
    /// checks that it is JSON without building anything: load generators).
    pub async fn ecs_call_as<T: serde::de::DeserializeOwned>(
        &self,
        operation: &str,
        body: &serde_json::Value,
    ) -> Result<T, ClientError> {
        self.call_as(ECS_TARGET_PREFIX, "ecs", operation, body)
            .await
    }

    /// [`AgentClient::call`] with the answer decoded as `T` (an empty body
    /// as `{}`); errors are decoded as for `call`.
    pub async fn call_as<T: serde::de::DeserializeOwned>(
        &self,
        target_prefix: &str,
        signing_name: &str,
        operation: &str,
        body: &(impl serde::Serialize + Sync + ?Sized),
    ) -> Result<T, ClientError> {
        let bytes =
            serde_json::to_vec(body).map_err(|source| ClientError::Decode { status: 0, source })?;
        let target = format!("{target_prefix}.{operation}");
        let (status, answer) = self
            .send(
                "/",
                AMZ_JSON,
                Some(&target),
                signing_name,
                bytes,
                self.config.request_timeout,
            )
            .await?;
        decode(status, &answer)
    }

    /// `POST /agent/v1/sync`. Long-polls for up to `req.wait_seconds`.
    pub async fn sync(&self, req: &SyncRequest) -> Result<SyncResponse, ClientError> {
        let bytes =
            serde_json::to_vec(req).map_err(|source| ClientError::Decode { status: 0, source })?;
        let timeout = self.config.request_timeout.min(Duration::from_secs(30))
            + Duration::from_secs(u64::from(req.wait_seconds) + 10);
        let (status, answer) = self
            .send(SYNC_PATH, "application/json", None, "ecs", bytes, timeout)
            .await?;
        decode(status, &answer)
    }

    async fn send(
        &self,
        path: &str,
        content_type: &str,
        target: Option<&str>,
        signing_name: &str,
        body: Vec<u8>,
        timeout: Duration,
    ) -> Result<(u16, Vec<u8>), ClientError> {
        let n = self.config.endpoints.len();
        let first = self.current.load(Ordering::Relaxed) % n;
        let mut last_err = None;
        for i in 0..n {
            let idx = (first + i) % n;
            let endpoint = &self.config.endpoints[idx];
            let url = format!("{}{}", endpoint.trim_end_matches('/'), path);
            let headers = self.signed_headers(&url, content_type, target, signing_name, &body)?;
            let mut rb = self.http.post(&url).timeout(timeout);
            for (k, v) in headers {
                rb = rb.header(k, v);
            }
            match rb.body(body.clone()).send().await {
                Ok(resp) => {
                    self.current.store(idx, Ordering::Relaxed);
                    let status = resp.status().as_u16();
                    let bytes = resp.bytes().await.map_err(|source| ClientError::Http {
                        endpoint: endpoint.clone(),
                        source,
                    })?;
                    return Ok((status, bytes.to_vec()));
                }
                Err(e) if e.is_connect() || (e.is_timeout() && n > 1) => {
                    warn!(endpoint = %endpoint, error = %e, "control-plane endpoint unreachable");
                    last_err = Some((endpoint.clone(), e));
                }
                Err(source) => {
                    return Err(if source.is_timeout() {
                        ClientError::Unreachable {
                            endpoint: endpoint.clone(),
                            source,
                        }
                    } else {
                        ClientError::Http {
                            endpoint: endpoint.clone(),
                            source,
                        }
                    })
                }
            }
        }
        let (endpoint, source) = last_err.expect("at least one endpoint");
        // Start with the next endpoint on the next call.
        self.current.store((first + 1) % n, Ordering::Relaxed);
        Err(ClientError::Unreachable { endpoint, source })
    }

    /// The headers an SDK would send: content-type, host, x-amz-target (if
    /// any), x-amz-date, x-amz-security-token (if any), authorization.
    fn signed_headers(
        &self,
        url: &str,
        content_type: &str,
        target: Option<&str>,
        signing_name: &str,
        body: &[u8],
    ) -> Result<Vec<(String, String)>, ClientError> {
        let host = host_of(url).ok_or_else(|| ClientError::InvalidEndpoint {
            endpoint: url.to_string(),
        })?;
        let mut headers: Vec<(String, String)> = vec![
            ("content-type".into(), content_type.into()),
            ("host".into(), host),
        ];
        if let Some(t) = target {
            headers.push(("x-amz-target".into(), t.into()));
        }
        let identity = Credentials::new(
            self.config.access_key_id.clone(),
            self.config.secret_access_key.clone(),
            self.config.session_token.clone(),
            None,
            "gantry-agent",
        )
        .into();
        let params = v4::SigningParams::builder()
            .identity(&identity)
            .region(&self.config.region)
            .name(signing_name)
            .time((self.time)())
            .settings(SigningSettings::default())
            .build()
            .map_err(|e| ClientError::Sign(Box::new(e)))?
            .into();
        let signable = SignableRequest::new(
            "POST",
            url,
            headers.iter().map(|(k, v)| (k.as_str(), v.as_str())),
            SignableBody::Bytes(body),
        )
        .map_err(|e| ClientError::Sign(Box::new(e)))?;
        let (instructions, _sig) = sign(signable, &params)
            .map_err(|e| ClientError::Sign(Box::new(e)))?
            .into_parts();
        let (extra, _query) = instructions.into_parts();
        for h in extra {
            headers.push((h.name().to_string(), h.value().to_string()));
        }
        debug!(url, "signed request");
        Ok(headers)
    }
}

fn host_of(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let host = rest.split('/').next()?;
    (!host.is_empty()).then(|| host.to_string())
}

fn decode<T: serde::de::DeserializeOwned>(status: u16, body: &[u8]) -> Result<T, ClientError> {
    if (200..300).contains(&status) {
        let body: &[u8] = if body.is_empty() { b"{}" } else { body };
        return serde_json::from_slice(body)
            .map_err(|source| ClientError::Decode { status, source });
    }
    let v: serde_json::Value = serde_json::from_slice(body).unwrap_or_default();
    let raw = v
        .get("__type")
        .or_else(|| v.get("code"))
        .and_then(|c| c.as_str())
        .unwrap_or("");
    // botocore's sanitising: drop anything after ':' and before the last '#'.
    let code = raw.split(':').next().unwrap_or("");
    let code = code.rsplit('#').next().unwrap_or("").to_string();
    let code = if code.is_empty() {
        if status >= 500 {
            "ServerException".to_string()
        } else {
            format!("Http{status}")
        }
    } else {
        code
    };
    let message = v
        .get("message")
        .or_else(|| v.get("Message"))
        .and_then(|m| m.as_str())
        .map(str::to_string)
        .unwrap_or_else(|| String::from_utf8_lossy(body).chars().take(512).collect());
    Err(ClientError::Api {
        code,
        message,
        status,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    use tokio::net::TcpListener;

    /// A one-shot HTTP server that records the request head and answers `answer`.
    async fn one_shot(answer: &'static str) -> (String, tokio::task::JoinHandle<String>) {
        let l = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = format!("http://{}", l.local_addr().unwrap());
        let h = tokio::spawn(async move {
            let (mut s, _) = l.accept().await.unwrap();
            let got = read_request(&mut s).await;
            s.write_all(answer.as_bytes()).await.unwrap();
            s.shutdown().await.ok();
            got
        });
        (addr, h)
    }

    /// Reads one request (head and `content-length` body) from `s`, or up
    /// to the end of the stream.
    async fn read_request(s: &mut tokio::net::TcpStream) -> String {
        let mut buf = vec![0u8; 16384];
        let mut got = Vec::new();
        loop {
            let n = s.read(&mut buf).await.unwrap();
            got.extend_from_slice(&buf[..n]);
            let text = String::from_utf8_lossy(&got).to_string();
            if let Some(i) = text.find("\r\n\r\n") {
                let len = text
                    .lines()
                    .find_map(|l| {
                        l.to_ascii_lowercase()
                            .strip_prefix("content-length:")
                            .map(|v| v.trim().parse::<usize>().unwrap())
                    })
                    .unwrap_or(0);
                if got.len() >= i + 4 + len {
                    return text;
                }
            }
            if n == 0 {
                return text;
            }
        }
    }

    fn client(endpoints: Vec<String>) -> AgentClient {
        AgentClient::new(ClientConfig::new(
            endpoints,
            "us-east-1",
            "AKIDEXAMPLE",
            "secret",
            Some("tok".into()),
        ))
        .unwrap()
    }

    #[tokio::test]
    async fn ecs_call_is_signed_and_targets_the_operation() {
        let body = r#"{"ok":1}"#;
        let answer: &'static str = Box::leak(
            format!(
                "HTTP/1.1 200 OK\r\ncontent-type: application/x-amz-json-1.1\r\ncontent-length: {}\r\n\r\n{}",
                body.len(),
                body
            )
            .into_boxed_str(),
        );
        let (addr, h) = one_shot(answer).await;
        let c = client(vec![addr]);
        let v = c
            .ecs_call("ListClusters", &serde_json::json!({}))
            .await
            .unwrap();
        assert_eq!(v["ok"], 1);
        let req = h.await.unwrap().to_ascii_lowercase();
        assert!(req.starts_with("post / http/1.1"));
        assert!(req.contains("x-amz-target: amazonec2containerservicev20141113.listclusters"));
        assert!(req.contains("content-type: application/x-amz-json-1.1"));
        assert!(req.contains("x-amz-date: "));
        assert!(req.contains("x-amz-security-token: tok"));
        assert!(req.contains("authorization: aws4-hmac-sha256 credential=akidexample/"));
        assert!(req.contains("/us-east-1/ecs/aws4_request"));
        assert!(req.contains(
            "signedheaders=content-type;host;x-amz-date;x-amz-security-token;x-amz-target"
        ));
    }

    #[tokio::test]
    async fn api_errors_are_parsed_and_failover_skips_dead_endpoints() {
        let body = r#"{"__type":"com.amazonaws.ecs#ClusterNotFoundException","message":"Cluster not found."}"#;
        let answer: &'static str = Box::leak(
            format!(
                "HTTP/1.1 400 Bad Request\r\ncontent-length: {}\r\n\r\n{}",
                body.len(),
                body
            )
            .into_boxed_str(),
        );
        let (addr, _h) = one_shot(answer).await;
        // A port nobody listens on comes first.
        let dead = {
            let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
            format!("http://{}", l.local_addr().unwrap())
        };
        let c = client(vec![dead, addr]);
        let err = c
            .ecs_call("DescribeClusters", &serde_json::json!({}))
            .await
            .unwrap_err();
        match err {
            ClientError::Api {
                code,
                message,
                status,
            } => {
                assert_eq!(code, "ClusterNotFoundException");
                assert_eq!(message, "Cluster not found.");
                assert_eq!(status, 400);
            }
            e => panic!("unexpected {e:?}"),
        }
        assert_eq!(c.current.load(Ordering::Relaxed), 1);
    }

    /// A client with other credentials signs with them and reuses the
    /// connection of the client it came from: the server accepts one
    /// connection and answers both calls on it.
    #[tokio::test]
    async fn a_client_with_other_credentials_shares_the_connections() {
        let l = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = format!("http://{}", l.local_addr().unwrap());
        let server = tokio::spawn(async move {
            let (mut s, _) = l.accept().await.unwrap();
            let mut heads = Vec::new();
            for _ in 0..2 {
                heads.push(read_request(&mut s).await.to_ascii_lowercase());
                s.write_all(b"HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\n{}")
                    .await
                    .unwrap();
            }
            heads
        });
        let c = client(vec![addr]);
        c.logs_call("DescribeLogGroups", &serde_json::json!({}))
            .await
            .unwrap();
        let role = c
            .with_credentials("ASIAROLE", "other", Some("roletok".into()))
            .unwrap();
        role.logs_call("DescribeLogGroups", &serde_json::json!({}))
            .await
            .unwrap();
        let heads = tokio::time::timeout(Duration::from_secs(5), server)
            .await
            .expect("both calls on the one connection")
            .unwrap();
        assert!(heads[0].contains("credential=akidexample/"));
        assert!(heads[1].contains("credential=asiarole/"));
        assert!(heads[1].contains("x-amz-security-token: roletok"));
    }

    #[tokio::test]
    async fn sync_round_trip() {
        let body = r#"{"generation":3,"desired":{"generation":3,"tasks":[]}}"#;
        let answer: &'static str = Box::leak(
            format!(
                "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n{}",
                body.len(),
                body
            )
            .into_boxed_str(),
        );
        let (addr, h) = one_shot(answer).await;
        let c = client(vec![addr]);
        let resp = c
            .sync(&SyncRequest {
                cluster: "default".into(),
                container_instance_arn: "arn".into(),
                known_generation: 0,
                wait_seconds: 0,
                observed: None,
                accepts_changes: false,
            })
            .await
            .unwrap();
        assert_eq!(resp.generation, 3);
        assert!(resp.registered);
        let req = h.await.unwrap().to_ascii_lowercase();
        assert!(req.starts_with("post /agent/v1/sync http/1.1"));
        assert!(req.contains("content-type: application/json"));
    }
}
