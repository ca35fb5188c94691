//! Gantry's own HTTP endpoints next to the ECS API (SigV4-signed with
//! service name `ecs`, like the agent endpoint):
//!
//! * `GET /gantry/v1/usage?cluster=C&start=EPOCH&end=EPOCH` → [`UsageReport`]
//!   JSON (defaults: every cluster, the last hour);
//! * `POST /gantry/v1/spot/reclaim` with `{"cluster", "task"?, "count"?}` →
//!   `{"tasks": [Task]}`: Spot interruption of FARGATE_SPOT tasks;
//! * `GET /metrics`: Prometheus text ([`crate::metrics`]: API calls, tasks,
//!   services, scheduler, store, logs, usage counters), unauthenticated like
//!   `/healthz`.
//!
//! Each is authorized like an API operation through the server's
//! [`Authorizer`] (IAM): `gantry:GetUsage`, `gantry:ReclaimSpotCapacity`
//! and `gantry:GetEvents` on resource `*` (root always allowed); a refusal
//! is ECS's `AccessDeniedException` JSON.
//!
//! [`UsageReport`]: super::usage::UsageReport

use super::EcsService;
use crate::auth::{authenticate, CredentialResolver};
use crate::clock::SharedClock;
use crate::http::{Authorizer, RequestContext};
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use gantry_api_types::ApiError;
use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;

pub const USAGE_PATH: &str = "/gantry/v1/usage";
pub const SPOT_RECLAIM_PATH: &str = "/gantry/v1/spot/reclaim";
pub const METRICS_PATH: &str = "/metrics";

#[derive(Clone)]
pub struct GantryApi {
    pub ecs: Arc<EcsService>,
    pub resolver: Arc<dyn CredentialResolver>,
    pub region: String,
    pub clock: SharedClock,
    /// IAM authorization of these endpoints; `None` lets every
    /// authenticated caller through (no IAM).
    pub authorizer: Option<Arc<dyn Authorizer>>,
}

/// The IAM actions of Gantry's own endpoints (service prefix `gantry`).
pub const GET_USAGE: &str = "GetUsage";
pub const RECLAIM_SPOT_CAPACITY: &str = "ReclaimSpotCapacity";
pub const GET_EVENTS: &str = "GetEvents";

#[derive(Debug, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct ReclaimRequest {
    #[serde(default)]
    cluster: Option<String>,
    #[serde(default)]
    task: Option<String>,
    #[serde(default)]
    count: Option<u32>,
}

/// The routes, with their state applied (merge into the main router).
pub fn routes(api: GantryApi) -> Router {
    Router::new()
        .route(USAGE_PATH, get(usage))
        .route(SPOT_RECLAIM_PATH, post(reclaim))
        .route(METRICS_PATH, get(metrics))
        .route(crate::events::EVENTS_PATH, get(crate::events::sse))
        .with_state(Arc::new(api))
}

/// [`crate::http::serve`] plus Gantry's own routes.
pub async fn serve(
    listener: tokio::net::TcpListener,
    state: crate::http::HttpState,
    api: GantryApi,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(
        listener,
        crate::http::router(state)
            .merge(routes(api))
            .into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown)
    .await
}

fn error(e: &ApiError) -> Response {
    let status = StatusCode::from_u16(e.status).unwrap_or(StatusCode::BAD_REQUEST);
    (
        status,
        [(header::CONTENT_TYPE, "application/json")],
        serde_json::json!({"__type": e.code, "message": e.message}).to_string(),
    )
        .into_response()
}

fn json(v: &impl serde::Serialize) -> Response {
    match serde_json::to_string(v) {
        Ok(s) => (
            StatusCode::OK,
            [(header::CONTENT_TYPE, "application/json")],
            s,
        )
            .into_response(),
        Err(e) => error(&crate::state::internal(e)),
    }
}

/// Authenticates (SigV4, service `ecs`) and authorizes `gantry:<action>`.
pub(crate) async fn authed(
    api: &GantryApi,
    req: Request,
    action: &str,
) -> Result<(axum::http::request::Parts, bytes::Bytes), ApiError> {
    let (parts, body) = req.into_parts();
    let body = axum::body::to_bytes(body, 64 * 1024).await.map_err(|_| {
        ApiError::client("RequestEntityTooLargeException", "Request body too large.")
    })?;
    let now = chrono::DateTime::from_timestamp_millis((api.clock.now() * 1000.0).round() as i64)
        .unwrap_or_default();
    let principal = authenticate(
        &parts,
        &body,
        "ecs",
        &api.region,
        now,
        api.resolver.as_ref(),
    )
    .await?;
    if let Some(authz) = &api.authorizer {
        let ctx = RequestContext {
            request_id: uuid::Uuid::new_v4().to_string(),
            principal,
            source_ip: parts
                .extensions
                .get::<axum::extract::ConnectInfo<SocketAddr>>()
                .map(|c| c.0.ip()),
        };
        authz
            .authorize(&ctx, "gantry", action, &serde_json::Value::Null)
            .await?;
    }
    Ok((parts, body))
}

fn query_param(query: Option<&str>, name: &str) -> Option<String> {
    form_urlencoded::parse(query.unwrap_or("").as_bytes())
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.into_owned())
}

fn epoch(v: Option<String>, name: &str) -> Result<Option<f64>, ApiError> {
    match v {
        None => Ok(None),
        Some(s) => s
            .parse::<f64>()
            .ok()
            .filter(|f| f.is_finite())
            .map(Some)
            .ok_or_else(|| ApiError::invalid_parameter(format!("{name} must be epoch seconds."))),
    }
}

async fn usage(State(api): State<Arc<GantryApi>>, req: Request<Body>) -> Response {
    let result = async {
        let (parts, _) = authed(&api, req, GET_USAGE).await?;
        let q = parts.uri.query();
        let cluster = query_param(q, "cluster");
        let start = epoch(query_param(q, "start"), "start")?;
        let end = epoch(query_param(q, "end"), "end")?;
        if let Some(c) = &cluster {
            let name = api.ecs.cluster_name(Some(c))?;
            api.ecs.active_cluster(&name).await?;
        }
        api.ecs.usage(cluster.as_deref(), start, end).await
    }
    .await;
    match result {
        Ok(r) => json(&r),
        Err(e) => error(&e),
    }
}

async fn reclaim(State(api): State<Arc<GantryApi>>, req: Request<Body>) -> Response {
    let result = async {
        let (_, body) = authed(&api, req, RECLAIM_SPOT_CAPACITY).await?;
        let r: ReclaimRequest = if body.iter().all(|b| b.is_ascii_whitespace()) {
            ReclaimRequest {
                cluster: None,
                task: None,
                count: None,
            }
        } else {
            serde_json::from_slice(&body)
                .map_err(|e| ApiError::serialization(format!("Invalid request: {e}")))?
        };
        let cluster = api.ecs.cluster_name(r.cluster.as_deref())?;
        let count = r.count.unwrap_or(1);
        if !(1..=100).contains(&count) {
            return Err(ApiError::invalid_parameter(
                "count must be between 1 and 100.",
            ));
        }
        api.ecs
            .spot_reclaim(&cluster, r.task.as_deref(), count as usize)
            .await
    }
    .await;
    match result {
        Ok(tasks) => json(&serde_json::json!({ "tasks": tasks })),
        Err(e) => error(&e),
    }
}

async fn metrics(State(api): State<Arc<GantryApi>>) -> Response {
    match crate::metrics::render(&api.ecs).await {
        Ok(text) => (
            StatusCode::OK,
            [(header::CONTENT_TYPE, crate::metrics::CONTENT_TYPE)],
            text,
        )
            .into_response(),
        Err(e) => error(&e),
    }
}
