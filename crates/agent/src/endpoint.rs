//! The task endpoints the agent serves to its containers on
//! `169.254.170.2:80` (the ECS agent's address): the task metadata endpoint
//! v4 (and v3, same shapes) and the task IAM role credentials endpoint.
//!
//! * Metadata: every container gets `ECS_CONTAINER_METADATA_URI_V4=
//!   http://169.254.170.2/v4/<endpoint id>`, where the id is a random
//!   128-bit token mapped to exactly one container, so a container sees its
//!   own task only. Routes: `/v4/<id>`, `/v4/<id>/task`, `/v4/<id>/stats`,
//!   `/v4/<id>/task/stats`.
//! * Credentials: containers of a task with a task role get
//!   `AWS_CONTAINER_CREDENTIALS_RELATIVE_URI=/v2/credentials/<id>`; the answer
//!   is served only to requests whose source address belongs to that task
//!   (bridge: its containers' addresses; awsvpc: the task's address; host:
//!   the host itself). Anything else gets the ECS agent's 400.
//!
//! The server reads an immutable [`Snapshot`] of the agent state that the
//! agent loop publishes after every reconciliation; the JSON is built by the
//! pure functions below.

use crate::reconcile::{ContainerPhase, ContainerState, TaskPhase, TaskState};
use crate::runtime::ContainerRuntime;
use crate::state::AgentState;
use axum::extract::{ConnectInfo, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use gantry_agent_api::{ContainerSpec, DesiredStatus, NetworkMode, TaskCredentials};
use serde_json::{json, Map, Value};
use std::collections::{BTreeMap, HashMap};
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::{Arc, RwLock};
use tracing::{info, warn};

/// The ECS task endpoint address.
pub const TASK_ENDPOINT_IP: Ipv4Addr = Ipv4Addr::new(169, 254, 170, 2);

/// What the endpoints know: every task of the host, indexed.
#[derive(Debug, Default, Clone)]
pub struct Snapshot {
    pub tasks: BTreeMap<String, TaskState>,
    /// endpoint id → (task ARN, container name).
    pub endpoints: HashMap<String, (String, String)>,
    /// credentials id → task ARN.
    pub credentials: HashMap<String, String>,
}

impl Snapshot {
    pub fn from_state(state: &AgentState) -> Self {
        let mut s = Snapshot::default();
        for (arn, ts) in &state.tasks {
            for c in &ts.containers {
                s.endpoints
                    .insert(c.endpoint_id.clone(), (arn.clone(), c.name.clone()));
            }
            if let Some(cr) = &ts.task.task_credentials {
                s.credentials.insert(cr.credentials_id.clone(), arn.clone());
            }
        }
        s.tasks = state.tasks.clone();
        s
    }

    fn lookup(&self, endpoint_id: &str) -> Option<(&TaskState, &ContainerState)> {
        let (arn, name) = self.endpoints.get(endpoint_id)?;
        let ts = self.tasks.get(arn)?;
        Some((ts, ts.container(name)?))
    }
}

/// A refusal in the ECS agent's shape.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    pub status: u16,
    pub code: &'static str,
    pub message: String,
}

/// The addresses a task's requests come from.
pub fn task_addresses(ts: &TaskState, endpoint_ip: IpAddr) -> Vec<IpAddr> {
    let parse = |s: &str| s.parse::<IpAddr>().ok();
    match ts.task.network_mode {
        NetworkMode::Awsvpc if ts.task.awsvpc.is_some() => ts
            .network
            .as_ref()
            .map(|n| n.private_ipv4_address.as_str())
            .or(ts
                .task
                .awsvpc
                .as_ref()
                .map(|a| a.private_ipv4_address.as_str()))
            .and_then(parse)
            .into_iter()
            .collect(),
        NetworkMode::Host => vec![endpoint_ip, IpAddr::V4(Ipv4Addr::LOCALHOST)],
        NetworkMode::None => Vec::new(),
        _ => ts
            .containers
            .iter()
            .flat_map(|c| c.networks.iter().map(|n| n.ipv4_address.as_str()))
            .filter_map(parse)
            .collect(),
    }
}

/// The credentials endpoint's decision: the task role credentials `id`
/// names, if the request comes from that task.
pub fn authorize_credentials<'a>(
    snap: &'a Snapshot,
    id: Option<&str>,
    source: IpAddr,
    endpoint_ip: IpAddr,
) -> Result<&'a TaskCredentials, Refusal> {
    let not_found = || Refusal {
        status: 400,
        code: "InvalidIdInRequest",
        message: "CredentialsV2Request: Credentials not found".to_string(),
    };
    let Some(id) = id.filter(|i| !i.is_empty()) else {
        return Err(Refusal {
            status: 400,
            code: "NoIdInRequest",
            message: "CredentialsV2Request: No ID in the request".to_string(),
        });
    };
    let ts = snap
        .credentials
        .get(id)
        .and_then(|arn| snap.tasks.get(arn))
        .ok_or_else(not_found)?;
    let creds = ts
        .task
        .task_credentials
        .as_ref()
        .filter(|c| c.credentials_id == id)
        .ok_or_else(not_found)?;
    if ts.phase == TaskPhase::Stopped {
        return Err(not_found());
    }
    let source = match source {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map(IpAddr::V4).unwrap_or(source),
        v4 => v4,
    };
    if !task_addresses(ts, endpoint_ip).contains(&source) {
        warn!(task = %ts.task.task_arn, source = %source, "credentials request from outside the task refused");
        return Err(not_found());
    }
    Ok(creds)
}

/// The ECS credentials document.
pub fn credentials_json(c: &TaskCredentials) -> Value {
    json!({
        "RoleArn": c.role_arn,
        "AccessKeyId": c.access_key_id,
        "SecretAccessKey": c.secret_access_key,
        "Token": c.session_token,
        "Expiration": c.expiration,
    })
}

fn rfc3339(epoch: f64) -> Option<String> {
    let secs = epoch.floor() as i64;
    let nanos = ((epoch - epoch.floor()) * 1e9) as u32;
    chrono::DateTime::from_timestamp(secs, nanos)
        .map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Nanos, true))
}

fn known_status(p: ContainerPhase) -> &'static str {
    match p {
        ContainerPhase::None => "NONE",
        ContainerPhase::Pulled => "PULLED",
        ContainerPhase::Created => "CREATED",
        ContainerPhase::Running => "RUNNING",
        ContainerPhase::Stopped => "STOPPED",
    }
}

fn desired_status(ts: &TaskState) -> &'static str {
    match ts.task.desired_status {
        DesiredStatus::Running if ts.phase < TaskPhase::Stopping => "RUNNING",
        _ => "STOPPED",
    }
}

fn insert_some(m: &mut Map<String, Value>, key: &str, v: Option<impl Into<Value>>) {
    if let Some(v) = v {
        m.insert(key.to_string(), v.into());
    }
}

/// `Networks` of a container's metadata.
fn networks_json(ts: &TaskState, c: &ContainerState) -> Value {
    match (ts.task.network_mode, &ts.task.awsvpc) {
        (NetworkMode::Awsvpc, Some(a)) => {
            let prefix = a.subnet_cidr.split('/').nth(1).unwrap_or("32");
            let ip = ts
                .network
                .as_ref()
                .map(|n| n.private_ipv4_address.clone())
                .unwrap_or_else(|| a.private_ipv4_address.clone());
            let mut n = Map::new();
            n.insert("NetworkMode".into(), json!("awsvpc"));
            n.insert("IPv4Addresses".into(), json!([ip]));
            n.insert("AttachmentIndex".into(), json!(0));
            insert_some(
                &mut n,
                "MACAddress",
                ts.network
                    .as_ref()
                    .map(|n| n.mac_address.clone())
                    .filter(|m| !m.is_empty()),
            );
            n.insert("IPv4SubnetCIDRBlock".into(), json!(a.subnet_cidr));
            n.insert(
                "PrivateDNSName".into(),
                json!(format!("ip-{}.ec2.internal", ip.replace('.', "-"))),
            );
            n.insert(
                "SubnetGatewayIpv4Address".into(),
                json!(format!("{}/{prefix}", a.gateway)),
            );
            json!([Value::Object(n)])
        }
        (NetworkMode::Host, _) => json!([{"NetworkMode": "host"}]),
        (NetworkMode::None, _) => json!([{"NetworkMode": "none"}]),
        _ => Value::Array(
            c.networks
                .iter()
                .map(|n| {
                    json!({
                        "NetworkMode": if n.name == "bridge" { "bridge".to_string() } else { n.name.clone() },
                        "IPv4Addresses": [n.ipv4_address],
                    })
                })
                .collect(),
        ),
    }
}

/// Container metadata (`/v4/<id>`), field names as the ECS agent's.
pub fn container_json(ts: &TaskState, c: &ContainerState) -> Value {
    let spec: Option<&ContainerSpec> = ts.task.containers.iter().find(|s| s.name == c.name);
    let mut m = Map::new();
    insert_some(&mut m, "DockerId", c.docker_id.clone());
    m.insert("Name".into(), json!(c.name));
    m.insert("DockerName".into(), json!(c.docker_name));
    insert_some(&mut m, "Image", spec.map(|s| s.image.clone()));
    insert_some(&mut m, "ImageID", c.image_id.clone());
    let mut labels = Map::new();
    labels.insert(
        gantry_agent_api::labels::CLUSTER.into(),
        json!(ts.task.cluster),
    );
    labels.insert(
        gantry_agent_api::labels::CONTAINER_NAME.into(),
        json!(c.name),
    );
    labels.insert(
        gantry_agent_api::labels::TASK_ARN.into(),
        json!(ts.task.task_arn),
    );
    labels.insert(
        gantry_agent_api::labels::TASK_DEFINITION_FAMILY.into(),
        json!(ts.task.family),
    );
    labels.insert(
        gantry_agent_api::labels::TASK_DEFINITION_VERSION.into(),
        json!(ts.task.revision.to_string()),
    );
    m.insert("Labels".into(), Value::Object(labels));
    m.insert(
        "DesiredStatus".into(),
        json!(if desired_status(ts) == "RUNNING" {
            "RUNNING"
        } else {
            "STOPPED"
        }),
    );
    m.insert("KnownStatus".into(), json!(known_status(c.phase)));
    insert_some(&mut m, "ExitCode", c.exit_code);
    m.insert(
        "Limits".into(),
        json!({
            "CPU": f64::from(spec.map(|s| s.cpu).unwrap_or(0)),
            "Memory": spec.and_then(|s| s.memory).unwrap_or(0),
        }),
    );
    insert_some(&mut m, "StartedAt", c.started_at.clone());
    insert_some(&mut m, "FinishedAt", c.finished_at.clone());
    m.insert("Type".into(), json!("NORMAL"));
    if let Some(l) = spec.and_then(|s| s.log_configuration.as_ref()) {
        m.insert("LogDriver".into(), json!(l.log_driver));
        m.insert("LogOptions".into(), json!(l.options));
    }
    let ports: Vec<Value> = if ts.task.network_mode == NetworkMode::Awsvpc {
        spec.map(|s| {
            s.port_mappings
                .iter()
                .map(|p| {
                    json!({"ContainerPort": p.container_port, "Protocol": p.protocol.as_str(), "HostPort": p.container_port})
                })
                .collect()
        })
        .unwrap_or_default()
    } else {
        c.bindings
            .iter()
            .map(|b| {
                json!({"ContainerPort": b.container_port, "Protocol": b.protocol.as_str(), "HostPort": b.host_port, "HostIp": b.bind_ip})
            })
            .collect()
    };
    if !ports.is_empty() {
        m.insert("Ports".into(), Value::Array(ports));
    }
    m.insert("Networks".into(), networks_json(ts, c));
    if let Some(h) = c.health {
        let status = match h {
            gantry_agent_api::HealthStatus::Healthy => "HEALTHY",
            gantry_agent_api::HealthStatus::Unhealthy => "UNHEALTHY",
            gantry_agent_api::HealthStatus::Unknown => "UNKNOWN",
        };
        m.insert("Health".into(), json!({ "status": status }));
    }
    Value::Object(m)
}

/// Task metadata (`/v4/<id>/task`).
pub fn task_json(ts: &TaskState) -> Value {
    let obs = ts.observation();
    let mut m = Map::new();
    let fargate = ts.task.launch_type.as_deref() == Some("FARGATE");
    m.insert(
        "Cluster".into(),
        json!(if fargate {
            &ts.task.cluster_arn
        } else {
            &ts.task.cluster
        }),
    );
    m.insert("TaskARN".into(), json!(ts.task.task_arn));
    m.insert("Family".into(), json!(ts.task.family));
    m.insert("Revision".into(), json!(ts.task.revision.to_string()));
    m.insert("DesiredStatus".into(), json!(desired_status(ts)));
    m.insert("KnownStatus".into(), json!(obs.last_status.as_str()));
    if ts.task.cpu.is_some() || ts.task.memory.is_some() {
        let mut l = Map::new();
        insert_some(&mut l, "CPU", ts.task.cpu.map(|c| f64::from(c) / 1024.0));
        insert_some(&mut l, "Memory", ts.task.memory);
        m.insert("Limits".into(), Value::Object(l));
    }
    insert_some(
        &mut m,
        "PullStartedAt",
        ts.pull_started_at.and_then(rfc3339),
    );
    insert_some(
        &mut m,
        "PullStoppedAt",
        ts.pull_stopped_at.and_then(rfc3339),
    );
    insert_some(
        &mut m,
        "ExecutionStoppedAt",
        obs.execution_stopped_at.and_then(rfc3339),
    );
    m.insert(
        "LaunchType".into(),
        json!(ts.task.launch_type.as_deref().unwrap_or("EC2")),
    );
    m.insert(
        "Containers".into(),
        Value::Array(
            ts.containers
                .iter()
                .map(|c| container_json(ts, c))
                .collect(),
        ),
    );
    m.insert("FaultInjectionEnabled".into(), json!(false));
    Value::Object(m)
}

fn v4_not_found(id: &str) -> Response {
    (
        StatusCode::NOT_FOUND,
        Json(json!(format!(
            "V4 container metadata handler: unable to get task arn from request: unknown endpoint id {id}"
        ))),
    )
        .into_response()
}

/// The server's shared state.
#[derive(Clone)]
pub struct Endpoint {
    snapshot: Arc<RwLock<Arc<Snapshot>>>,
    runtime: Arc<dyn ContainerRuntime>,
    /// The address the server listens on (host-mode tasks come from it).
    ip: IpAddr,
}

impl Endpoint {
    pub fn new(runtime: Arc<dyn ContainerRuntime>, ip: IpAddr) -> Self {
        Endpoint {
            snapshot: Default::default(),
            runtime,
            ip,
        }
    }

    /// Replaces what the endpoints serve.
    pub fn publish(&self, snap: Snapshot) {
        *self.snapshot.write().unwrap_or_else(|p| p.into_inner()) = Arc::new(snap);
    }

    fn snap(&self) -> Arc<Snapshot> {
        self.snapshot
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }

    pub fn router(&self) -> Router {
        Router::new()
            .route("/v4/{id}", get(container_md))
            .route("/v4/{id}/task", get(task_md))
            .route("/v4/{id}/stats", get(container_stats))
            .route("/v4/{id}/task/stats", get(task_stats))
            .route("/v3/{id}", get(container_md))
            .route("/v3/{id}/task", get(task_md))
            .route("/v3/{id}/stats", get(container_stats))
            .route("/v3/{id}/task/stats", get(task_stats))
            .route("/v2/credentials/{id}", get(credentials_v2))
            .route("/v2/credentials", get(credentials_none))
            .route("/v2/credentials/", get(credentials_none))
            .route("/v1/credentials", get(credentials_v1))
            .with_state(self.clone())
    }

    /// Serves on `listener` until the process ends.
    pub async fn serve(self, listener: tokio::net::TcpListener) -> std::io::Result<()> {
        let app = self.router();
        axum::serve(
            listener,
            app.into_make_service_with_connect_info::<SocketAddr>(),
        )
        .await
    }
}

async fn container_md(State(e): State<Endpoint>, Path(id): Path<String>) -> Response {
    let snap = e.snap();
    match snap.lookup(&id) {
        Some((ts, c)) => Json(container_json(ts, c)).into_response(),
        None => v4_not_found(&id),
    }
}

async fn task_md(State(e): State<Endpoint>, Path(id): Path<String>) -> Response {
    let snap = e.snap();
    match snap.lookup(&id) {
        Some((ts, _)) => Json(task_json(ts)).into_response(),
        None => v4_not_found(&id),
    }
}

async fn container_stats(State(e): State<Endpoint>, Path(id): Path<String>) -> Response {
    let snap = e.snap();
    let Some((_, c)) = snap.lookup(&id) else {
        return v4_not_found(&id);
    };
    let Some(docker_id) = c.docker_id.clone() else {
        return Json(json!({})).into_response();
    };
    match e.runtime.stats(&docker_id).await {
        Ok(Some(v)) => Json(v).into_response(),
        Ok(None) => Json(json!({})).into_response(),
        Err(err) => (
            StatusCode::INTERNAL_SERVER_ERROR,
            Json(json!(format!(
                "V4 container stats handler: {}",
                err.message()
            ))),
        )
            .into_response(),
    }
}

async fn task_stats(State(e): State<Endpoint>, Path(id): Path<String>) -> Response {
    let snap = e.snap();
    let Some((ts, _)) = snap.lookup(&id) else {
        return v4_not_found(&id);
    };
    let mut out = Map::new();
    for c in &ts.containers {
        let Some(docker_id) = &c.docker_id else {
            continue;
        };
        let v = match e.runtime.stats(docker_id).await {
            Ok(Some(v)) => v,
            _ => Value::Null,
        };
        out.insert(docker_id.clone(), v);
    }
    Json(Value::Object(out)).into_response()
}

fn credentials_answer(e: &Endpoint, id: Option<&str>, source: SocketAddr) -> Response {
    let snap = e.snap();
    match authorize_credentials(&snap, id, source.ip(), e.ip) {
        Ok(c) => Json(credentials_json(c)).into_response(),
        Err(r) => (
            StatusCode::from_u16(r.status).unwrap_or(StatusCode::BAD_REQUEST),
            Json(json!({"code": r.code, "message": r.message})),
        )
            .into_response(),
    }
}

async fn credentials_v2(
    State(e): State<Endpoint>,
    ConnectInfo(source): ConnectInfo<SocketAddr>,
    Path(id): Path<String>,
) -> Response {
    credentials_answer(&e, Some(&id), source)
}

async fn credentials_none(
    State(e): State<Endpoint>,
    ConnectInfo(source): ConnectInfo<SocketAddr>,
) -> Response {
    credentials_answer(&e, None, source)
}

async fn credentials_v1(
    State(e): State<Endpoint>,
    ConnectInfo(source): ConnectInfo<SocketAddr>,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    credentials_answer(&e, q.get("id").map(String::as_str), source)
}

/// Binds the task endpoint: `addr` (default `169.254.170.2:80`), first
/// adding `169.254.170.2/32` to `lo` when the address is not on the host
/// (containers route it through their bridge gateway to the host, which
/// owns it). When that is impossible (not root, port taken), falls back to
/// an ephemeral port on `fallback_ip` (the Docker bridge gateway) with a
/// warning. Returns the listener and the base URL containers use.
pub async fn bind(
    addr: SocketAddr,
    fallback_ip: Option<IpAddr>,
) -> std::io::Result<(tokio::net::TcpListener, String)> {
    let first = match tokio::net::TcpListener::bind(addr).await {
        Err(e)
            if e.kind() == std::io::ErrorKind::AddrNotAvailable
                && addr.ip() == IpAddr::V4(TASK_ENDPOINT_IP) =>
        {
            info!(ip = %addr.ip(), "adding the task endpoint address to lo");
            let added = tokio::process::Command::new("ip")
                .args(["addr", "add", &format!("{}/32", addr.ip()), "dev", "lo"])
                .output()
                .await;
            match added {
                Ok(o) if o.status.success() => tokio::net::TcpListener::bind(addr).await,
                Ok(o) => {
                    warn!(stderr = %String::from_utf8_lossy(&o.stderr).trim(), "cannot add the task endpoint address");
                    Err(e)
                }
                Err(err) => {
                    warn!(error = %err, "cannot run `ip` to add the task endpoint address");
                    Err(e)
                }
            }
        }
        other => other,
    };
    match first {
        Ok(l) => {
            let a = l.local_addr()?;
            let base = if a.port() == 80 {
                format!("http://{}", a.ip())
            } else {
                format!("http://{a}")
            };
            info!(addr = %a, "task metadata and credentials endpoint listening");
            Ok((l, base))
        }
        Err(e) => {
            let ip = fallback_ip.unwrap_or(IpAddr::V4(Ipv4Addr::LOCALHOST));
            let l = tokio::net::TcpListener::bind((ip, 0)).await?;
            let a = l.local_addr()?;
            warn!(wanted = %addr, error = %e, fallback = %a, "cannot serve the task endpoint on its address; containers get URIs on the fallback (SDKs that hard-code 169.254.170.2 will not find credentials)");
            Ok((l, format!("http://{a}")))
        }
    }
}
