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
//! 5. for a caller other than root, ask the [`Authorizer`] (IAM policy
//!    evaluation, `crate::iam::authz`): a denial is `AccessDeniedException`
//!    before the handler runs, so it changes nothing;
//! 6. hand the operation name and the raw body to the [`ServiceHandler`].
//!
//! A `POST /` without `X-Amz-Target` and with a form-encoded body (or a
//! `GET /?Action=…`) is the AWS Query protocol: IAM or STS, chosen by the
//! SigV4 credential scope's service (IAM is global and signed for
//! `us-east-1`), answered in XML by the [`QueryHandler`] (`crate::iam`),
//! errors as `<ErrorResponse>` with the query-protocol codes.
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

    /// [`ServiceHandler::handle`] with the answer already serialised: what
    /// the HTTP layer sends. A handler whose answers are large typed
    /// structs overrides it to serialise them straight to bytes (no
    /// `serde_json::Value` tree in between).
    async fn handle_bytes(
        &self,
        ctx: &RequestContext,
        operation: &str,
        body: Bytes,
    ) -> Result<Vec<u8>, ApiError> {
        let value = self.handle(ctx, operation, body).await?;
        serde_json::to_vec(&value)
            .map_err(|e| ApiError::server(format!("response did not serialise: {e}")))
    }
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

/// Decides whether the authenticated caller may run an operation. Runs
/// after the body is known to be a JSON object and before the handler, so
/// a denied call changes nothing.
#[async_trait]
pub trait Authorizer: Send + Sync {
    /// `service` is the signing name (`ecs`, `logs`).
    async fn authorize(
        &self,
        ctx: &RequestContext,
        service: &str,
        operation: &str,
        body: &serde_json::Value,
    ) -> Result<(), ApiError>;

    /// The agent sync endpoint (`ecs:Poll`).
    async fn authorize_agent(
        &self,
        ctx: &RequestContext,
        cluster: &str,
        container_instance_arn: &str,
    ) -> Result<(), ApiError>;
}

/// The AWS Query protocol services (IAM, STS) on `POST /` with a
/// form-encoded body (or `GET /?Action=…`), chosen by the SigV4 credential
/// scope's service.
#[async_trait]
pub trait QueryHandler: Send + Sync {
    /// Runs the request's `Action` for `service` (`iam` | `sts`); the
    /// success XML document, or the error (rendered as `<ErrorResponse>`).
    async fn handle_query(
        &self,
        ctx: &RequestContext,
        service: &str,
        params: &crate::iam::query::Params,
    ) -> Result<String, ApiError>;
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
    /// Authorization of ECS/Logs calls and agent syncs; `None` allows every
    /// authenticated caller (no IAM).
    pub authorizer: Option<Arc<dyn Authorizer>>,
    /// IAM and STS (Query protocol); `None` answers them `InvalidAction`.
    pub query: Option<Arc<dyn QueryHandler>>,
    /// The audit trail every API call is recorded in; `None` records nothing.
    pub audit: Option<Arc<crate::audit::AuditLog>>,
    /// CloudTrail's `LookupEvents` over the audit trail ([`Api::CloudTrail`]).
    pub cloudtrail: Option<Arc<dyn ServiceHandler>>,
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
            authorizer: None,
            query: None,
            audit: None,
            cloudtrail: None,
        }
    }

    /// Record every call in `audit` and serve CloudTrail's `LookupEvents`
    /// over it.
    pub fn with_audit(mut self, audit: Arc<crate::audit::AuditLog>) -> Self {
        self.cloudtrail = Some(Arc::new(crate::audit::CloudTrailHandler {
            audit: audit.clone(),
            clock: self.clock.clone(),
        }));
        self.audit = Some(audit);
        self
    }

    /// Enforce `authorizer` on every ECS/Logs call and agent sync.
    pub fn with_authorizer(mut self, authorizer: Arc<dyn Authorizer>) -> Self {
        self.authorizer = Some(authorizer);
        self
    }

    /// Also serve IAM and STS with `query`.
    pub fn with_query(mut self, query: Arc<dyn QueryHandler>) -> Self {
        self.query = Some(query);
        self
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
    /// CloudTrail's `LookupEvents` over Gantry's audit trail.
    CloudTrail,
}

impl Api {
    /// All services, for dispatch.
    pub const ALL: &'static [Api] = &[Api::Ecs, Api::Logs, Api::CloudTrail];

    /// The `X-Amz-Target` prefix (before the `.`).
    pub fn target_prefix(self) -> &'static str {
        match self {
            Api::Ecs => "AmazonEC2ContainerServiceV20141113",
            Api::Logs => "Logs_20140328",
            Api::CloudTrail => crate::audit::TARGET_PREFIX,
        }
    }

    /// The SigV4 service name in the credential scope.
    pub fn signing_name(self) -> &'static str {
        match self {
            Api::Ecs => "ecs",
            Api::Logs => "logs",
            Api::CloudTrail => crate::audit::SIGNING_NAME,
        }
    }

    fn handler(self, state: &HttpState) -> Option<&Arc<dyn ServiceHandler>> {
        match self {
            Api::Ecs => Some(&state.ecs),
            Api::Logs => state.logs.as_ref(),
            Api::CloudTrail => state.cloudtrail.as_ref(),
        }
    }
}

/// The request id, placed in the request extensions by the outer middleware.
#[derive(Debug, Clone)]
struct RequestId(String);

/// What the handlers learn about a call for the audit trail; placed in the
/// request extensions by the outer middleware, which records it once the
/// response exists.
#[derive(Debug, Clone, Default)]
struct AuditSlot(Arc<std::sync::Mutex<Option<AuditFacts>>>);

#[derive(Debug, Clone, Default)]
struct AuditFacts {
    service: String,
    operation: String,
    principal: Option<Principal>,
    resources: Vec<String>,
}

impl AuditSlot {
    fn update(&self, f: impl FnOnce(&mut AuditFacts)) {
        let mut guard = self.0.lock().unwrap_or_else(|e| e.into_inner());
        f(guard.get_or_insert_with(AuditFacts::default));
    }

    fn take(&self) -> Option<AuditFacts> {
        self.0.lock().unwrap_or_else(|e| e.into_inner()).take()
    }
}

/// The error a response carries (for the audit trail).
#[derive(Debug, Clone)]
struct ErrorInfo {
    code: String,
    message: String,
}

fn audit_slot(parts: &http::request::Parts) -> AuditSlot {
    parts
        .extensions
        .get::<AuditSlot>()
        .cloned()
        .unwrap_or_default()
}

/// The router: `POST /`, `POST /agent/v1/sync`, `GET /healthz`.
pub fn router(state: HttpState) -> Router {
    let state = Arc::new(state);
    Router::new()
        .route("/", post(api).get(query_get).fallback(not_found))
        .route(
            gantry_agent_api::SYNC_PATH,
            post(agent_sync).fallback(not_found),
        )
        .route("/healthz", get(healthz))
        .fallback(not_found)
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            request_id_and_span,
        ))
        .with_state(state)
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

async fn request_id_and_span(
    State(state): State<Arc<HttpState>>,
    mut req: Request,
    next: Next,
) -> Response {
    let request_id = uuid::Uuid::new_v4().to_string();
    req.extensions_mut().insert(RequestId(request_id.clone()));
    let slot = AuditSlot::default();
    req.extensions_mut().insert(slot.clone());
    let source_ip = req
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip());
    let user_agent = req
        .headers()
        .get(header::USER_AGENT)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    let claimed_key = crate::auth::claimed_access_key(req.headers(), req.uri());
    let started = std::time::Instant::now();
    let is_sync = req.uri().path() == gantry_agent_api::SYNC_PATH;
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
    let facts = slot.take();
    {
        let code = response
            .extensions()
            .get::<ErrorInfo>()
            .map_or("OK", |e| e.code.as_str());
        let metrics = crate::metrics::global();
        if is_sync {
            metrics.agent_sync(code);
        } else if let Some(f) = &facts {
            metrics.api_call(&f.service, &f.operation, code, started.elapsed());
        }
    }
    if let (Some(audit), Some(facts)) = (&state.audit, facts) {
        let error = response.extensions().get::<ErrorInfo>();
        audit
            .record(&crate::audit::CallFacts {
                service: &facts.service,
                operation: &facts.operation,
                region: &state.identity.region,
                account_id: &state.identity.account_id,
                request_id: &request_id,
                principal: facts.principal.as_ref(),
                access_key_id: claimed_key.as_deref(),
                source_ip,
                user_agent: user_agent.as_deref(),
                resources: &facts.resources,
                error: error.map(|e| (e.code.as_str(), e.message.as_str())),
                time_ms: (state.clock.now() * 1000.0).round() as i64,
            })
            .instrument(span)
            .await;
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
    if is_query_request(req.headers()) {
        return query_api(&state, req).await;
    }
    match api_inner(&state, req).await {
        Ok(bytes) => (
            StatusCode::OK,
            [(header::CONTENT_TYPE, AMZ_JSON_1_1)],
            bytes,
        )
            .into_response(),
        Err(err) => logged_error_response(&err),
    }
}

async fn api_inner(state: &HttpState, req: Request) -> Result<Vec<u8>, ApiError> {
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
    let dispatch = target.rsplit_once('.').and_then(|(prefix, op)| {
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
    let slot = audit_slot(&parts);
    slot.update(|f| {
        f.service = service.to_string();
        f.operation = dispatch
            .as_ref()
            .map_or_else(|| target.to_string(), |(_, op)| op.clone());
    });
    let ctx = context(state, &parts, &body, service).await?;
    slot.update(|f| f.principal = Some(ctx.principal.clone()));

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
    let needs_authz = state.authorizer.is_some() && !ctx.principal.is_root;
    // The body as a tree, when authorization or the audit trail reads it;
    // it is parsed once, for the object check too.
    let value = if needs_authz || state.audit.is_some() {
        serde_json::from_slice::<serde_json::Value>(&body)
            .ok()
            .filter(serde_json::Value::is_object)
    } else {
        None
    };
    if value.is_none() {
        if let Err(e) = serde_json::from_slice::<serde_json::Map<String, serde_json::Value>>(&body)
        {
            return Err(ApiError::serialization(format!(
                "Request body is not a JSON object: {e}"
            )));
        }
    }
    let Some(handler) = api.handler(state) else {
        return Err(ApiError::client(
            "UnknownOperationException",
            format!("Unknown operation '{target}'."),
        ));
    };
    if let Some(value) = value {
        if state.audit.is_some() {
            let resources = audit_resources(&state.identity, api, &operation, &value);
            slot.update(|f| f.resources = resources);
        }
        if let (true, Some(authorizer)) = (needs_authz, &state.authorizer) {
            authorizer
                .authorize(&ctx, api.signing_name(), &operation, &value)
                .await?;
        }
    }
    handler.handle_bytes(&ctx, &operation, body).await
}

/// The resource ARNs a call acts on, as authorization sees them.
fn audit_resources(
    identity: &ServerIdentity,
    api: Api,
    operation: &str,
    body: &serde_json::Value,
) -> Vec<String> {
    let scope = gantry_iam_policy::ArnScope {
        partition: "aws".into(),
        region: identity.region.clone(),
        account_id: identity.account_id.clone(),
    };
    let requests = match api {
        Api::Ecs => gantry_iam_policy::ecs_requests(operation, body, &scope),
        Api::Logs => gantry_iam_policy::logs_requests(operation, body, &scope),
        Api::CloudTrail => Ok(Vec::new()),
    };
    let mut out: Vec<String> = requests
        .unwrap_or_default()
        .into_iter()
        .filter(|r| !r.action.starts_with("iam:"))
        .flat_map(|r| r.resources)
        .filter(|r| r != "*")
        .collect();
    out.sort();
    out.dedup();
    out
}

async fn agent_sync(State(state): State<Arc<HttpState>>, req: Request) -> Response {
    tracing::Span::current().record("operation", "AgentSync");
    // Syncs are the agents' long poll: only refused ones are audited.
    let slot = req
        .extensions()
        .get::<AuditSlot>()
        .cloned()
        .unwrap_or_default();
    let result = async {
        let (parts, body) = req.into_parts();
        let body = read_body(&parts.headers, body, MAX_BODY_BYTES).await?;
        let ctx = context(&state, &parts, &body, Api::Ecs.signing_name()).await?;
        let sync: gantry_agent_api::SyncRequest = serde_json::from_slice(&body)
            .map_err(|e| ApiError::serialization(format!("Invalid sync request: {e}")))?;
        if let Some(authorizer) = &state.authorizer {
            authorizer
                .authorize_agent(&ctx, &sync.cluster, &sync.container_instance_arn)
                .await?;
        }
        state.agent.sync(&ctx, sync).await
    }
    .await;
    // Straight to bytes: a desired state can hold hundreds of tasks, and a
    // `Value` tree of them first would double the work.
    match result.and_then(|r| serde_json::to_vec(&r).map_err(|e| ApiError::server(e.to_string()))) {
        Ok(bytes) => (
            StatusCode::OK,
            [(header::CONTENT_TYPE, "application/json")],
            bytes,
        )
            .into_response(),
        Err(err) => {
            slot.update(|f| {
                f.service = "ecs".into();
                f.operation = "Poll".into();
            });
            logged_error_response(&err)
        }
    }
}

/// A Query-protocol request: no `X-Amz-Target` and a form-encoded body.
fn is_query_request(headers: &HeaderMap) -> bool {
    if headers.contains_key("x-amz-target") {
        return false;
    }
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| {
            v.split(';')
                .next()
                .unwrap_or("")
                .trim()
                .eq_ignore_ascii_case("application/x-www-form-urlencoded")
        })
}

/// The service named by the SigV4 credential scope
/// (`Credential=AKID/date/region/SERVICE/aws4_request`).
fn scope_service(parts: &http::request::Parts) -> Option<String> {
    let cred = if let Some(auth) = parts.headers.get(header::AUTHORIZATION) {
        auth.to_str().ok()?.split("Credential=").nth(1)?.to_string()
    } else {
        let q = parts.uri.query()?;
        let raw = q
            .split('&')
            .find_map(|kv| kv.strip_prefix("X-Amz-Credential="))?;
        percent_encoding::percent_decode_str(raw)
            .decode_utf8()
            .ok()?
            .into_owned()
    };
    let cred = cred.split([',', ' ']).next()?;
    cred.split('/').nth(3).map(str::to_string)
}

async fn query_get(State(state): State<Arc<HttpState>>, req: Request) -> Response {
    query_api(&state, req).await
}

/// IAM / STS over the Query protocol; answers XML.
async fn query_api(state: &HttpState, req: Request) -> Response {
    let request_id = req
        .extensions()
        .get::<RequestId>()
        .map(|r| r.0.clone())
        .unwrap_or_default();
    let result = query_inner(state, req).await;
    match result {
        Ok(xml) => (StatusCode::OK, [(header::CONTENT_TYPE, "text/xml")], xml).into_response(),
        Err(err) => {
            if err.status >= 500 {
                tracing::warn!(code = err.code, status = err.status, message = %err.message, "request failed");
            } else {
                tracing::info!(code = err.code, status = err.status, message = %err.message, "request rejected");
            }
            let (xml, status) = crate::iam::query::error_xml(&err, &request_id);
            let status = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            let mut response = (status, [(header::CONTENT_TYPE, "text/xml")], xml).into_response();
            response.extensions_mut().insert(ErrorInfo {
                code: err.code.to_string(),
                message: err.message.clone(),
            });
            response
        }
    }
}

async fn query_inner(state: &HttpState, req: Request) -> Result<String, ApiError> {
    let (parts, body) = req.into_parts();
    let body = read_body(&parts.headers, body, MAX_BODY_BYTES).await?;
    let service = scope_service(&parts).unwrap_or_else(|| "iam".to_string());
    let mut params = crate::iam::query::Params::parse(&body);
    if let Some(q) = parts.uri.query() {
        let mut from_query = crate::iam::query::Params::parse(q.as_bytes());
        from_query.0.retain(|k, _| !k.starts_with("X-Amz-"));
        params.extend_missing(from_query);
    }
    if let Some(action) = params.get("Action") {
        tracing::Span::current().record("operation", action);
    }
    let slot = audit_slot(&parts);
    slot.update(|f| {
        f.service = service.clone();
        f.operation = params.get("Action").unwrap_or_default().to_string();
        // The entity acted on, when the call names one.
        for (key, kind) in [
            ("UserName", "user"),
            ("RoleName", "role"),
            ("GroupName", "group"),
        ] {
            if let Some(name) = params.get(key) {
                f.resources.push(format!(
                    "arn:aws:iam::{}:{kind}/{name}",
                    state.identity.account_id
                ));
            }
        }
        for key in ["PolicyArn", "RoleArn"] {
            if let Some(arn) = params.get(key) {
                f.resources.push(arn.to_string());
            }
        }
    });
    // IAM is global: clients sign it for us-east-1 whatever their region.
    let ctx = if service == "iam" {
        context_in(state, &parts, &body, &service, "us-east-1").await?
    } else {
        context(state, &parts, &body, &service).await?
    };
    slot.update(|f| f.principal = Some(ctx.principal.clone()));
    let Some(query) = &state.query else {
        return Err(ApiError::new(
            "InvalidAction",
            400,
            "IAM and STS are not enabled on this server.",
        ));
    };
    match service.as_str() {
        "iam" | "sts" => query.handle_query(&ctx, &service, &params).await,
        other => Err(ApiError::new(
            "InvalidAction",
            400,
            format!("The Query protocol is not served for service '{other}'."),
        )),
    }
}

/// Authenticates and builds the [`RequestContext`].
async fn context(
    state: &HttpState,
    parts: &http::request::Parts,
    body: &Bytes,
    service: &str,
) -> Result<RequestContext, ApiError> {
    context_in(state, parts, body, service, &state.identity.region).await
}

/// [`context`] for a credential scope in `region`.
async fn context_in(
    state: &HttpState,
    parts: &http::request::Parts,
    body: &Bytes,
    service: &str,
    region: &str,
) -> Result<RequestContext, ApiError> {
    let now = epoch_to_datetime(state.clock.now());
    let principal =
        authenticate(parts, body, service, region, now, state.resolver.as_ref()).await?;
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
    response.extensions_mut().insert(ErrorInfo {
        code: err.code.to_string(),
        message: err.message.clone(),
    });
    if let Ok(v) = HeaderValue::from_str(err.code) {
        response.headers_mut().insert(ERROR_TYPE_HEADER, v);
    }
    response
}
