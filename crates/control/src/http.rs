//! The HTTP front door: the AWS JSON 1.1 protocol on `POST /`, the agent sync
//! endpoint, and `/healthz`.
//!
//! Every `POST /` goes through the same steps, each with a typed rejection
//! (see the table in the module tests and `ecs-api.md` §1):
//!
//! 1. read the body, at most [`MAX_BODY_BYTES`] (1 MiB; Logs calls
//!    [`MAX_LOGS_BODY_BYTES`]). A larger body is
//!    answered **413** with `{"__type":"RequestEntityTooLargeException",
//!    "message":"Request Entity Too Large"}` before anything is parsed or
//!    authenticated (the signature covers the body, so it cannot be checked
//!    first). The rest of an oversize body is drained, up to
//!    [`MAX_DRAIN_BYTES`], so the client reads the answer instead of a reset;
//! 2. work out the service from the `X-Amz-Target` prefix
//!    (`AmazonEC2ContainerServiceV20141113.` → signing name `ecs`; CloudWatch
//!    Logs `Logs_20140328.` → `logs`, see [`Api`]);
//! 3. verify SigV4 ([`crate::auth::authenticate`]) **before** dispatching,
//!    so an unsigned request changes nothing;
//! 4. unknown or missing target → `UnknownOperationException`; unsupported
//!    `Content-Type` or a body that is not a JSON object →
//!    `SerializationException` (an empty body counts as `{}`);
//! 5. hand the operation name and the raw body to the [`ServiceHandler`].
//!
//! Every response, errors included, carries `x-amzn-RequestId`; errors carry
//! `x-amzn-ErrorType` and the body from [`ApiError::body`].
//!
//! **Architecture invariant:** no handler runs for a request whose signature
//! did not verify.

use std::future::Future;
use std::net::{IpAddr, SocketAddr};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use async_trait::async_trait;
use axum::body::Body;
use axum::extract::{ConnectInfo, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use bytes::{Bytes, BytesMut};
use chrono::{DateTime, Utc};
use gantry_api_types::ApiError;
use http_body_util::BodyExt;
use tracing::Instrument;

use crate::auth::{authenticate, CredentialResolver, Principal};
use crate::clock::{SharedClock, SystemClock};
use crate::credentials::ServerIdentity;

/// Largest request body accepted.
pub const MAX_BODY_BYTES: usize = 1024 * 1024;
/// Largest Logs API body: a full PutLogEvents batch (1 MiB of events
/// counted AWS's way) plus its JSON framing and escaping.
pub const MAX_LOGS_BODY_BYTES: usize = 4 * 1024 * 1024;
/// How much of an oversize body is read and discarded before answering 413.
pub const MAX_DRAIN_BYTES: usize = 8 * 1024 * 1024;
/// Content type of every API answer.
pub const AMZ_JSON_1_1: &str = "application/x-amz-json-1.1";
/// Header carrying the request id on every response.
pub const REQUEST_ID_HEADER: &str = "x-amzn-requestid";
/// Header carrying the bare error code on error responses.
pub const ERROR_TYPE_HEADER: &str = "x-amzn-errortype";

/// Per-request facts handed to handlers.
#[derive(Debug, Clone)]
pub struct RequestContext {
    /// The `x-amzn-RequestId` of this request (UUID v4).
    pub request_id: String,
    /// Who signed the request.
    pub principal: Principal,
    /// Peer address, when served through [`serve`].
    pub source_ip: Option<IpAddr>,
}

/// One AWS JSON service (ECS, Logs).
#[async_trait]
pub trait ServiceHandler: Send + Sync {
    /// Runs `operation` (the `X-Amz-Target` suffix, e.g. `ListClusters`) on a
    /// body known to be a JSON object. Unknown operations must answer
    /// `UnknownOperationException`.
    async fn handle(
        &self,
        ctx: &RequestContext,
        operation: &str,
        body: Bytes,
    ) -> Result<serde_json::Value, ApiError>;
}

/// The agent sync endpoint ([`gantry_agent_api::SYNC_PATH`]).
#[async_trait]
pub trait AgentHandler: Send + Sync {
    async fn sync(
        &self,
        ctx: &RequestContext,
        req: gantry_agent_api::SyncRequest,
    ) -> Result<gantry_agent_api::SyncResponse, ApiError>;
}

/// Everything the router needs.
#[derive(Clone)]
pub struct HttpState {
    pub identity: ServerIdentity,
    pub resolver: Arc<dyn CredentialResolver>,
    pub ecs: Arc<dyn ServiceHandler>,
    pub agent: Arc<dyn AgentHandler>,
    /// The CloudWatch Logs API ([`Api::Logs`]); `None` answers its
    /// operations `UnknownOperationException`.
    pub logs: Option<Arc<dyn ServiceHandler>>,
    /// `/healthz` answers 200 while true, 503 while false.
    pub ready: Arc<AtomicBool>,
    /// Time for signature checks; defaults to [`SystemClock`], tests may pin it.
    pub clock: SharedClock,
}

impl HttpState {
    /// Ready, with the system clock.
    pub fn new(
        identity: ServerIdentity,
        resolver: Arc<dyn CredentialResolver>,
        ecs: Arc<dyn ServiceHandler>,
        agent: Arc<dyn AgentHandler>,
    ) -> Self {
        HttpState {
            identity,
            resolver,
            ecs,
            agent,
            logs: None,
            ready: Arc::new(AtomicBool::new(true)),
            clock: Arc::new(SystemClock),
        }
    }

    /// Also serve the Logs API with `logs`.
    pub fn with_logs(mut self, logs: Arc<dyn ServiceHandler>) -> Self {
        self.logs = Some(logs);
        self
    }
}

/// The AWS JSON services reachable on `POST /`, keyed by target prefix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Api {
    Ecs,
    /// CloudWatch Logs (`Logs_20140328.`, signing name `logs`).
    Logs,
}

impl Api {
    /// All services, for dispatch.
    pub const ALL: &'static [Api] = &[Api::Ecs, Api::Logs];

    /// The `X-Amz-Target` prefix (before the `.`).
    pub fn target_prefix(self) -> &'static str {
        match self {
            Api::Ecs => "AmazonEC2ContainerServiceV20141113",
            Api::Logs => "Logs_20140328",
        }
    }

    /// The SigV4 service name in the credential scope.
    pub fn signing_name(self) -> &'static str {
        match self {
            Api::Ecs => "ecs",
            Api::Logs => "logs",
        }
    }

    fn handler(self, state: &HttpState) -> Option<&Arc<dyn ServiceHandler>> {
        match self {
            Api::Ecs => Some(&state.ecs),
            Api::Logs => state.logs.as_ref(),
        }
    }
}

/// The request id, placed in the request extensions by the outer middleware.
#[derive(Debug, Clone)]
struct RequestId(String);

/// The router: `POST /`, `POST /agent/v1/sync`, `GET /healthz`.
pub fn router(state: HttpState) -> Router {
    Router::new()
        .route("/", post(api).fallback(not_found))
        .route(
            gantry_agent_api::SYNC_PATH,
            post(agent_sync).fallback(not_found),
        )
        .route("/healthz", get(healthz))
        .fallback(not_found)
        .layer(axum::middleware::from_fn(request_id_and_span))
        .with_state(Arc::new(state))
}

/// Serves `state` on `listener` until `shutdown` completes (then finishes
/// in-flight requests).
pub async fn serve(
    listener: tokio::net::TcpListener,
    state: HttpState,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(
        listener,
        router(state).into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown)
    .await
}

async fn request_id_and_span(mut req: Request, next: Next) -> Response {
    let request_id = uuid::Uuid::new_v4().to_string();
    req.extensions_mut().insert(RequestId(request_id.clone()));
    let span = tracing::info_span!(
        "request",
        request_id = %request_id,
        method = %req.method(),
        path = %req.uri().path(),
        operation = tracing::field::Empty,
    );
    let mut response = next.run(req).instrument(span.clone()).await;
    span.in_scope(|| tracing::debug!(status = response.status().as_u16(), "request done"));
    if let Ok(v) = HeaderValue::from_str(&request_id) {
        response.headers_mut().insert(REQUEST_ID_HEADER, v);
    }
    response
}

async fn healthz(State(state): State<Arc<HttpState>>) -> Response {
    if state.ready.load(Ordering::Acquire) {
        (StatusCode::OK, "ok").into_response()
    } else {
        (StatusCode::SERVICE_UNAVAILABLE, "not ready").into_response()
    }
}

async fn not_found() -> Response {
    error_response(&ApiError::new(
        "UnknownOperationException",
        404,
        "Not Found",
    ))
}

async fn api(State(state): State<Arc<HttpState>>, req: Request) -> Response {
    match api_inner(&state, req).await {
        Ok(value) => json_response(StatusCode::OK, AMZ_JSON_1_1, &value),
        Err(err) => logged_error_response(&err),
    }
}

async fn api_inner(state: &HttpState, req: Request) -> Result<serde_json::Value, ApiError> {
    let (parts, body) = req.into_parts();
    let is_logs = parts
        .headers
        .get("x-amz-target")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|t| t.starts_with("Logs_20140328."));
    let limit = if is_logs {
        MAX_LOGS_BODY_BYTES
    } else {
        MAX_BODY_BYTES
    };
    let body = read_body(&parts.headers, body, limit).await?;

    let target = parts
        .headers
        .get("x-amz-target")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let dispatch = target.split_once('.').and_then(|(prefix, op)| {
        let api = Api::ALL
            .iter()
            .copied()
            .find(|a| a.target_prefix() == prefix)?;
        Some((api, op.to_string()))
    });
    if let Some((_, op)) = &dispatch {
        tracing::Span::current().record("operation", op.as_str());
    }

    // Authenticate before anything else looks at the request. An unknown
    // target is authenticated as ECS so that unsigned probes learn nothing.
    let service = dispatch
        .as_ref()
        .map_or(Api::Ecs, |(api, _)| *api)
        .signing_name();
    let ctx = context(state, &parts, &body, service).await?;

    let Some((api, operation)) = dispatch.filter(|(_, op)| !op.is_empty()) else {
        return Err(ApiError::client(
            "UnknownOperationException",
            format!("Unknown operation '{target}'."),
        ));
    };
    check_content_type(&parts.headers)?;
    let body = if body.is_empty() {
        Bytes::from_static(b"{}")
    } else {
        body
    };
    if let Err(e) = serde_json::from_slice::<serde_json::Map<String, serde_json::Value>>(&body) {
        return Err(ApiError::serialization(format!(
            "Request body is not a JSON object: {e}"
        )));
    }
    let Some(handler) = api.handler(state) else {
        return Err(ApiError::client(
            "UnknownOperationException",
            format!("Unknown operation '{target}'."),
        ));
    };
    handler.handle(&ctx, &operation, body).await
}

async fn agent_sync(State(state): State<Arc<HttpState>>, req: Request) -> Response {
    tracing::Span::current().record("operation", "AgentSync");
    let result = async {
        let (parts, body) = req.into_parts();
        let body = read_body(&parts.headers, body, MAX_BODY_BYTES).await?;
        let ctx = context(&state, &parts, &body, Api::Ecs.signing_name()).await?;
        let sync: gantry_agent_api::SyncRequest = serde_json::from_slice(&body)
            .map_err(|e| ApiError::serialization(format!("Invalid sync request: {e}")))?;
        state.agent.sync(&ctx, sync).await
    }
    .await;
    match result.and_then(|r| serde_json::to_value(r).map_err(|e| ApiError::server(e.to_string())))
    {
        Ok(value) => json_response(StatusCode::OK, "application/json", &value),
        Err(err) => logged_error_response(&err),
    }
}

/// Authenticates and builds the [`RequestContext`].
async fn context(
    state: &HttpState,
    parts: &http::request::Parts,
    body: &Bytes,
    service: &str,
) -> Result<RequestContext, ApiError> {
    let now = epoch_to_datetime(state.clock.now());
    let principal = authenticate(
        parts,
        body,
        service,
        &state.identity.region,
        now,
        state.resolver.as_ref(),
    )
    .await?;
    let request_id = parts
        .extensions
        .get::<RequestId>()
        .map(|r| r.0.clone())
        .unwrap_or_else(|| uuid::Uuid::new_v4().to_string());
    let source_ip = parts
        .extensions
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip());
    Ok(RequestContext {
        request_id,
        principal,
        source_ip,
    })
}

fn epoch_to_datetime(seconds: f64) -> DateTime<Utc> {
    DateTime::from_timestamp_millis((seconds * 1000.0).round() as i64).unwrap_or_default()
}

fn check_content_type(headers: &HeaderMap) -> Result<(), ApiError> {
    let Some(value) = headers.get(header::CONTENT_TYPE) else {
        return Ok(());
    };
    let mime = value
        .to_str()
        .unwrap_or("")
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    match mime.as_str() {
        "application/x-amz-json-1.1" | "application/x-amz-json-1.0" | "application/json" => Ok(()),
        _ => Err(ApiError::serialization(format!(
            "Unsupported Content-Type '{mime}'."
        ))),
    }
}

fn too_large() -> ApiError {
    ApiError::new(
        "RequestEntityTooLargeException",
        413,
        "Request Entity Too Large",
    )
}

/// Buffers at most `limit` bytes; on overflow drains (and discards) up to
/// [`MAX_DRAIN_BYTES`] so the client sees the 413.
async fn read_body(headers: &HeaderMap, mut body: Body, limit: usize) -> Result<Bytes, ApiError> {
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > MAX_DRAIN_BYTES as u64) {
        return Err(too_large());
    }
    let mut buf = BytesMut::new();
    let mut seen = 0usize;
    while let Some(frame) = body.frame().await {
        let frame = frame.map_err(|e| {
            tracing::debug!(error = %e, "reading request body failed");
            ApiError::serialization("Could not read the request body.")
        })?;
        let Ok(data) = frame.into_data() else {
            continue;
        };
        seen = seen.saturating_add(data.len());
        if seen > MAX_DRAIN_BYTES {
            break;
        }
        if seen <= limit {
            buf.extend_from_slice(&data);
        }
    }
    if seen > limit {
        return Err(too_large());
    }
    Ok(buf.freeze())
}

fn json_response(
    status: StatusCode,
    content_type: &'static str,
    value: &serde_json::Value,
) -> Response {
    match serde_json::to_vec(value) {
        Ok(bytes) => (status, [(header::CONTENT_TYPE, content_type)], bytes).into_response(),
        Err(e) => logged_error_response(&ApiError::server(format!(
            "response did not serialise: {e}"
        ))),
    }
}

fn logged_error_response(err: &ApiError) -> Response {
    if err.status >= 500 {
        tracing::warn!(code = err.code, status = err.status, message = %err.message, "request failed");
    } else {
        tracing::info!(code = err.code, status = err.status, message = %err.message, "request rejected");
    }
    error_response(err)
}

fn error_response(err: &ApiError) -> Response {
    let status = StatusCode::from_u16(err.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let mut response = (status, [(header::CONTENT_TYPE, AMZ_JSON_1_1)], err.body()).into_response();
    if let Ok(v) = HeaderValue::from_str(err.code) {
        response.headers_mut().insert(ERROR_TYPE_HEADER, v);
    }
    response
}
