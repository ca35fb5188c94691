//! The HTTP front door against real clients: aws-sdk-ecs, and raw requests
//! signed with aws-sigv4, on a server bound to 127.0.0.1:0 with a stub ECS
//! handler that records every call it receives.

use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};

use async_trait::async_trait;
use aws_sdk_ecs::error::ProvideErrorMetadata;
use bytes::Bytes;
use gantry_api_types::ApiError;
use gantry_control::auth::StaticCredentials;
use gantry_control::clock::{Clock, SystemClock};
use gantry_control::credentials::ServerIdentity;
use gantry_control::http::{self, AgentHandler, HttpState, RequestContext, ServiceHandler};
use serde_json::{json, Value};

const ACCOUNT: &str = "123456789012";
const REGION: &str = "us-east-1";
const ACCESS_KEY: &str = "AKIAIOSFODNN7EXAMPLE";
const SECRET_KEY: &str = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
const ECS_PREFIX: &str = "AmazonEC2ContainerServiceV20141113";

/// The server's clock (the system clock), as the signer wants it.
fn now() -> SystemTime {
    SystemTime::UNIX_EPOCH + Duration::from_secs_f64(SystemClock.now())
}

/// Records (operation, principal arn) of every call that reached it.
#[derive(Default)]
struct StubEcs {
    calls: Mutex<Vec<(String, String)>>,
}

#[async_trait]
impl ServiceHandler for StubEcs {
    async fn handle(
        &self,
        ctx: &RequestContext,
        operation: &str,
        body: Bytes,
    ) -> Result<Value, ApiError> {
        self.calls
            .lock()
            .unwrap()
            .push((operation.to_string(), ctx.principal.arn.clone()));
        let _: Value = serde_json::from_slice(&body).expect("front door passes only JSON");
        match operation {
            "ListClusters" => Ok(json!({"clusterArns": []})),
            "Echo" => Ok(
                json!({"sourceIp": ctx.source_ip.map(|ip| ip.to_string()), "requestId": ctx.request_id}),
            ),
            _ => Err(ApiError::client(
                "UnknownOperationException",
                format!("Unknown operation {operation}"),
            )),
        }
    }
}

#[derive(Default)]
struct StubAgent {
    calls: Mutex<Vec<String>>,
}

#[async_trait]
impl AgentHandler for StubAgent {
    async fn sync(
        &self,
        _ctx: &RequestContext,
        req: gantry_agent_api::SyncRequest,
    ) -> Result<gantry_agent_api::SyncResponse, ApiError> {
        self.calls
            .lock()
            .unwrap()
            .push(req.container_instance_arn.clone());
        Ok(gantry_agent_api::SyncResponse {
            generation: req.known_generation + 1,
            desired: None,
            changes: None,
            registered: true,
        })
    }
}

struct TestServer {
    base: String,
    host: String,
    ecs: Arc<StubEcs>,
    agent: Arc<StubAgent>,
    ready: Arc<std::sync::atomic::AtomicBool>,
    _shutdown: tokio::sync::oneshot::Sender<()>,
}

impl TestServer {
    async fn start() -> TestServer {
        let ecs = Arc::new(StubEcs::default());
        let agent = Arc::new(StubAgent::default());
        let identity = ServerIdentity::new(ACCOUNT, REGION).unwrap();
        let resolver = Arc::new(StaticCredentials::root(ACCOUNT, ACCESS_KEY, SECRET_KEY));
        let state = HttpState::new(identity, resolver, ecs.clone(), agent.clone());
        let ready = state.ready.clone();
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let (tx, rx) = tokio::sync::oneshot::channel::<()>();
        tokio::spawn(http::serve(listener, state, async move {
            let _ = rx.await;
        }));
        TestServer {
            base: format!("http://{addr}"),
            host: addr.to_string(),
            ecs,
            agent,
            ready,
            _shutdown: tx,
        }
    }

    fn ecs_calls(&self) -> Vec<(String, String)> {
        self.ecs.calls.lock().unwrap().clone()
    }

    fn sdk(&self, access_key: &str, secret: &str) -> aws_sdk_ecs::Client {
        let creds = aws_credential_types::Credentials::new(access_key, secret, None, None, "test");
        let config = aws_sdk_ecs::Config::builder()
            .behavior_version(aws_sdk_ecs::config::BehaviorVersion::latest())
            .region(aws_sdk_ecs::config::Region::new(REGION))
            .credentials_provider(creds)
            .endpoint_url(&self.base)
            .retry_config(aws_sdk_ecs::config::retry::RetryConfig::disabled())
            .http_client(aws_smithy_http_client::Builder::new().build_http())
            .build();
        aws_sdk_ecs::Client::from_conf(config)
    }
}

struct Reply {
    status: u16,
    headers: reqwest::header::HeaderMap,
    body: Value,
}

impl Reply {
    fn code(&self) -> &str {
        self.body["__type"].as_str().unwrap_or("")
    }
    fn message(&self) -> &str {
        self.body["message"].as_str().unwrap_or("")
    }
    fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }
}

/// A raw request to `path`; signed with (key, secret, service, region, time)
/// when `sign` is given.
struct Raw<'a> {
    path: &'a str,
    target: Option<String>,
    content_type: &'a str,
    body: Vec<u8>,
    sign: Option<Signer<'a>>,
    extra_headers: Vec<(&'a str, &'a str)>,
}

#[derive(Clone, Copy)]
struct Signer<'a> {
    key: &'a str,
    secret: &'a str,
    service: &'a str,
    region: &'a str,
    time: SystemTime,
}

impl Default for Signer<'_> {
    fn default() -> Self {
        Signer {
            key: ACCESS_KEY,
            secret: SECRET_KEY,
            service: "ecs",
            region: REGION,
            time: now(),
        }
    }
}

impl<'a> Raw<'a> {
    fn ecs(op: &str, body: &str) -> Raw<'a> {
        Raw {
            path: "/",
            target: Some(format!("{ECS_PREFIX}.{op}")),
            content_type: "application/x-amz-json-1.1",
            body: body.as_bytes().to_vec(),
            sign: Some(Signer::default()),
            extra_headers: vec![],
        }
    }

    async fn send(self, server: &TestServer) -> Reply {
        let mut headers: Vec<(String, String)> = vec![
            ("host".into(), server.host.clone()),
            ("content-type".into(), self.content_type.into()),
        ];
        if let Some(t) = &self.target {
            headers.push(("x-amz-target".into(), t.clone()));
        }
        for (k, v) in &self.extra_headers {
            headers.push((k.to_string(), v.to_string()));
        }
        if let Some(s) = self.sign {
            let identity =
                aws_credential_types::Credentials::new(s.key, s.secret, None, None, "test").into();
            let params = aws_sigv4::sign::v4::SigningParams::builder()
                .identity(&identity)
                .region(s.region)
                .name(s.service)
                .time(s.time)
                .settings(aws_sigv4::http_request::SigningSettings::default())
                .build()
                .unwrap()
                .into();
            let url = format!("{}{}", server.base, self.path);
            let signable = aws_sigv4::http_request::SignableRequest::new(
                "POST",
                url,
                headers.iter().map(|(k, v)| (k.as_str(), v.as_str())),
                aws_sigv4::http_request::SignableBody::Bytes(&self.body),
            )
            .unwrap();
            let (instructions, _) = aws_sigv4::http_request::sign(signable, &params)
                .unwrap()
                .into_parts();
            for (k, v) in instructions.headers() {
                headers.push((k.to_string(), v.to_string()));
            }
        }
        let client = {
            gantry_agent_api::client::install_tls_provider();
            reqwest::Client::builder().no_proxy().build().unwrap()
        };
        let mut req = client
            .post(format!("{}{}", server.base, self.path))
            .body(self.body);
        for (k, v) in headers {
            if k != "host" {
                req = req.header(k, v);
            }
        }
        let resp = req.send().await.expect("request sent");
        let status = resp.status().as_u16();
        let headers = resp.headers().clone();
        let bytes = resp.bytes().await.unwrap();
        let body = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
        Reply {
            status,
            headers,
            body,
        }
    }
}

fn assert_error(reply: &Reply, status: u16, code: &str) {
    assert_eq!(reply.status, status, "body: {}", reply.body);
    assert_eq!(reply.code(), code, "body: {}", reply.body);
    assert_eq!(reply.header("x-amzn-errortype"), Some(code));
    assert_eq!(
        reply.header("content-type"),
        Some("application/x-amz-json-1.1")
    );
    assert_request_id(reply);
}

fn assert_request_id(reply: &Reply) {
    let id = reply
        .header("x-amzn-requestid")
        .expect("x-amzn-RequestId on every response");
    uuid::Uuid::parse_str(id).expect("request id is a uuid");
}

#[tokio::test]
async fn sdk_list_clusters_succeeds() {
    let server = TestServer::start().await;
    let out = server
        .sdk(ACCESS_KEY, SECRET_KEY)
        .list_clusters()
        .send()
        .await
        .expect("list_clusters");
    assert!(out.cluster_arns().is_empty());
    assert_eq!(
        server.ecs_calls(),
        vec![(
            "ListClusters".to_string(),
            format!("arn:aws:iam::{ACCOUNT}:root")
        )]
    );
}

#[tokio::test]
async fn sdk_wrong_secret_is_invalid_signature_and_reaches_no_handler() {
    let server = TestServer::start().await;
    let err = server
        .sdk(ACCESS_KEY, "wJalrXUtnFEMI/K7MDENG/bPxRfiCYWRONGKEYXX")
        .list_clusters()
        .send()
        .await
        .expect_err("wrong secret");
    assert_eq!(err.code(), Some("InvalidSignatureException"));
    assert_eq!(
        err.message(),
        Some(gantry_control::auth::MSG_SIGNATURE_MISMATCH)
    );
    assert!(server.ecs_calls().is_empty());
}

#[tokio::test]
async fn sdk_unknown_key_is_unrecognized_client() {
    let server = TestServer::start().await;
    let err = server
        .sdk("AKIAUNKNOWNKEY000000", SECRET_KEY)
        .list_clusters()
        .send()
        .await
        .expect_err("unknown key");
    assert_eq!(err.code(), Some("UnrecognizedClientException"));
    assert_eq!(
        err.message(),
        Some("The security token included in the request is invalid.")
    );
    assert!(server.ecs_calls().is_empty());
}

#[tokio::test]
async fn raw_signed_request_succeeds_with_request_id() {
    let server = TestServer::start().await;
    let reply = Raw::ecs("ListClusters", "{}").send(&server).await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    assert_eq!(reply.body, json!({"clusterArns": []}));
    assert_eq!(
        reply.header("content-type"),
        Some("application/x-amz-json-1.1")
    );
    assert_request_id(&reply);
}

#[tokio::test]
async fn context_carries_source_ip_and_request_id() {
    let server = TestServer::start().await;
    let reply = Raw::ecs("Echo", "").send(&server).await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    assert_eq!(reply.body["sourceIp"], "127.0.0.1");
    assert_eq!(
        reply.body["requestId"].as_str(),
        reply.header("x-amzn-requestid")
    );
}

#[tokio::test]
async fn no_authorization_is_missing_authentication_token() {
    let server = TestServer::start().await;
    let reply = Raw {
        sign: None,
        ..Raw::ecs("ListClusters", "{}")
    }
    .send(&server)
    .await;
    assert_error(&reply, 400, "MissingAuthenticationTokenException");
    assert_eq!(reply.message(), "Missing Authentication Token");
    assert!(server.ecs_calls().is_empty());
}

#[tokio::test]
async fn garbage_authorization_is_incomplete_signature() {
    let server = TestServer::start().await;
    for garbage in [
        "garbage",
        "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20250101/us-east-1/ecs/aws4_request",
    ] {
        let reply = Raw {
            sign: None,
            extra_headers: vec![("authorization", garbage)],
            ..Raw::ecs("ListClusters", "{}")
        }
        .send(&server)
        .await;
        assert_error(&reply, 400, "IncompleteSignatureException");
        assert!(!reply.message().is_empty());
    }
    assert!(server.ecs_calls().is_empty());
}

#[tokio::test]
async fn stale_and_future_timestamps_are_rejected() {
    let server = TestServer::start().await;
    let old = now() - Duration::from_secs(6 * 60);
    let reply = Raw {
        sign: Some(Signer {
            time: old,
            ..Signer::default()
        }),
        ..Raw::ecs("ListClusters", "{}")
    }
    .send(&server)
    .await;
    assert_error(&reply, 400, "InvalidSignatureException");
    assert!(
        reply.message().starts_with("Signature expired: "),
        "{}",
        reply.message()
    );
    assert!(
        reply.message().ends_with(" - 5 min.)"),
        "{}",
        reply.message()
    );

    let future = now() + Duration::from_secs(6 * 60);
    let reply = Raw {
        sign: Some(Signer {
            time: future,
            ..Signer::default()
        }),
        ..Raw::ecs("ListClusters", "{}")
    }
    .send(&server)
    .await;
    assert_error(&reply, 400, "InvalidSignatureException");
    assert!(
        reply.message().starts_with("Signature not yet current: "),
        "{}",
        reply.message()
    );

    // Inside the 5-minute window is fine.
    let recent = now() - Duration::from_secs(4 * 60);
    let reply = Raw {
        sign: Some(Signer {
            time: recent,
            ..Signer::default()
        }),
        ..Raw::ecs("ListClusters", "{}")
    }
    .send(&server)
    .await;
    assert_eq!(reply.status, 200);
    assert_eq!(server.ecs_calls().len(), 1);
}

#[tokio::test]
async fn wrong_scope_is_invalid_signature() {
    let server = TestServer::start().await;
    let reply = Raw {
        sign: Some(Signer {
            region: "eu-west-1",
            ..Signer::default()
        }),
        ..Raw::ecs("ListClusters", "{}")
    }
    .send(&server)
    .await;
    assert_error(&reply, 400, "InvalidSignatureException");
    assert!(
        reply
            .message()
            .starts_with("Credential should be scoped to a valid region"),
        "{}",
        reply.message()
    );

    let reply = Raw {
        sign: Some(Signer {
            service: "logs",
            ..Signer::default()
        }),
        ..Raw::ecs("ListClusters", "{}")
    }
    .send(&server)
    .await;
    assert_error(&reply, 400, "InvalidSignatureException");
    assert_eq!(
        reply.message(),
        "Credential should be scoped to correct service: 'ecs'."
    );
    assert!(server.ecs_calls().is_empty());
}

#[tokio::test]
async fn unknown_or_missing_target_is_unknown_operation() {
    let server = TestServer::start().await;
    let reply = Raw {
        target: Some("Nope_20200101.ListClusters".into()),
        ..Raw::ecs("ListClusters", "{}")
    }
    .send(&server)
    .await;
    assert_error(&reply, 400, "UnknownOperationException");
    let reply = Raw {
        target: None,
        ..Raw::ecs("ListClusters", "{}")
    }
    .send(&server)
    .await;
    assert_error(&reply, 400, "UnknownOperationException");
    // A known prefix with an operation the handler does not know: the handler answers.
    let reply = Raw::ecs("FlyToTheMoon", "{}").send(&server).await;
    assert_error(&reply, 400, "UnknownOperationException");
    assert_eq!(server.ecs_calls().len(), 1);
    // Unsigned with an unknown target: authentication comes first.
    let reply = Raw {
        sign: None,
        target: Some("Nope.X".into()),
        ..Raw::ecs("ListClusters", "{}")
    }
    .send(&server)
    .await;
    assert_error(&reply, 400, "MissingAuthenticationTokenException");
}

#[tokio::test]
async fn malformed_json_is_serialization_exception() {
    let server = TestServer::start().await;
    for body in ["{\"clusters\": [", "[1,2]", "\"x\""] {
        let reply = Raw::ecs("ListClusters", body).send(&server).await;
        assert_error(&reply, 400, "SerializationException");
    }
    assert!(server.ecs_calls().is_empty());
}

#[tokio::test]
async fn content_types_are_accepted_leniently() {
    let server = TestServer::start().await;
    for ct in [
        "application/x-amz-json-1.0",
        "application/x-amz-json-1.1; charset=utf-8",
        "application/json",
    ] {
        let reply = Raw {
            content_type: ct,
            ..Raw::ecs("ListClusters", "{}")
        }
        .send(&server)
        .await;
        assert_eq!(reply.status, 200, "{ct}: {}", reply.body);
    }
    let reply = Raw {
        content_type: "text/plain",
        ..Raw::ecs("ListClusters", "{}")
    }
    .send(&server)
    .await;
    assert_error(&reply, 400, "SerializationException");
    assert_eq!(server.ecs_calls().len(), 3);
}

#[tokio::test]
async fn oversize_body_is_rejected_before_the_handler() {
    let server = TestServer::start().await;
    let big = format!("{{\"pad\":\"{}\"}}", "x".repeat(1536 * 1024));
    let reply = Raw::ecs("ListClusters", &big).send(&server).await;
    assert_error(&reply, 413, "RequestEntityTooLargeException");
    assert!(server.ecs_calls().is_empty());
    // Exactly at the limit is still read (and then authenticated normally).
    let at_limit = format!("{{\"p\":\"{}\"}}", "x".repeat(http::MAX_BODY_BYTES - 8));
    assert_eq!(at_limit.len(), http::MAX_BODY_BYTES);
    let reply = Raw::ecs("ListClusters", &at_limit).send(&server).await;
    assert_eq!(reply.status, 200, "{}", reply.body);
}

#[tokio::test]
async fn agent_sync_is_authenticated_and_typed() {
    let server = TestServer::start().await;
    let body =
        json!({"cluster": "default", "containerInstanceArn": "arn:ci", "knownGeneration": 4})
            .to_string();
    let sync = |body: &str, sign: Option<Signer<'static>>| Raw {
        path: gantry_agent_api::SYNC_PATH,
        target: None,
        content_type: "application/json",
        body: body.as_bytes().to_vec(),
        sign,
        extra_headers: vec![],
    };
    let reply = sync(&body, Some(Signer::default())).send(&server).await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    assert_eq!(reply.body["generation"], 5);
    assert_request_id(&reply);

    let reply = sync(&body, None).send(&server).await;
    assert_error(&reply, 400, "MissingAuthenticationTokenException");
    let reply = sync("{\"cluster\": 1}", Some(Signer::default()))
        .send(&server)
        .await;
    assert_error(&reply, 400, "SerializationException");
    assert_eq!(
        server.agent.calls.lock().unwrap().clone(),
        vec!["arn:ci".to_string()]
    );
}

#[tokio::test]
async fn healthz_follows_readiness() {
    let server = TestServer::start().await;
    let client = {
        gantry_agent_api::client::install_tls_provider();
        reqwest::Client::builder().no_proxy().build().unwrap()
    };
    let resp = client
        .get(format!("{}/healthz", server.base))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status().as_u16(), 200);
    assert!(resp.headers().contains_key("x-amzn-requestid"));
    assert_eq!(resp.text().await.unwrap(), "ok");
    server
        .ready
        .store(false, std::sync::atomic::Ordering::SeqCst);
    let resp = client
        .get(format!("{}/healthz", server.base))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status().as_u16(), 503);
    let resp = client
        .get(format!("{}/nope", server.base))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status().as_u16(), 404);
    assert!(resp.headers().contains_key("x-amzn-requestid"));
}
