//! The ECS event stream: task state changes, service actions, deployment
//! state changes and container instance state changes as EventBridge-shaped
//! events (`source: "aws.ecs"`), derived from the store, not from the
//! handlers.
//!
//! * [`watch`] follows `Store::watch("", rev)` (one watch, so events come in
//!   revision order), keeps only `tasks/`, `services/` and `instances/`
//!   keys, and diffs each new record against the last one it saw for that
//!   key ([`derive`], pure). The per-key cache is bounded
//!   ([`CACHE_CAPACITY`], oldest entry evicted first; a STOPPED task or a
//!   deleted key leaves it); it holds small fingerprints, not records.
//! * [`EventHub`] keeps the last [`RING_CAPACITY`] events in memory, each
//!   with a sequence number. The ring is not durable: after a control-plane
//!   restart the stream starts empty (ECS itself delivers events only to
//!   live EventBridge rules; the durable history is DescribeTasks,
//!   DescribeServices' `events` and the audit trail).
//! * `GET /gantry/v1/events?cluster=C&since=EPOCH_SECONDS&after=SEQ&follow=true`
//!   ([`sse`]) serves them as Server-Sent Events (`id:` the sequence number,
//!   `data:` the event JSON), SigV4-signed with service name `ecs` like the
//!   other `/gantry/v1/` endpoints; `Last-Event-ID` works like `after`.
//!   Without `follow` the stream ends after the buffered events.
//!
//! What is emitted, per ECS's documentation of its EventBridge events:
//! * `ECS Task State Change` when a task appears or its `lastStatus`,
//!   `desiredStatus`, `stopCode`, `healthStatus`, `connectivity` or a
//!   container's status, exit code or health change; the detail is the task
//!   as DescribeTasks shows it, timestamps as ISO 8601, plus `updatedAt`
//!   and `version`.
//! * `ECS Container Instance State Change` when an instance appears or its
//!   `status`, `agentConnected`, `agentUpdateStatus` or task counts change
//!   (the Fargate pool's hidden hosts are left out).
//! * `ECS Service Action` for each new service event message that ECS
//!   reports as an action: `SERVICE_STEADY_STATE` (INFO),
//!   `SERVICE_TASK_START_IMPAIRED` (WARN), `SERVICE_TASK_PLACEMENT_FAILURE`
//!   and `SERVICE_TASK_CONFIGURATION_FAILURE` (ERROR), plus
//!   `SERVICE_DESIRED_COUNT_UPDATED` (INFO) when `desiredCount` changes.
//!   Informational messages ("has started 2 tasks") are not actions in ECS
//!   either; they stay in DescribeServices.
//! * `ECS Deployment State Change`: `SERVICE_DEPLOYMENT_IN_PROGRESS` for a
//!   new deployment, `SERVICE_DEPLOYMENT_COMPLETED` / `_FAILED` when its
//!   `rolloutState` gets there.

use crate::clock::SharedClock;
use crate::state::FARGATE_POOL;
use axum::extract::{Request, State};
use axum::http::{header, StatusCode};
use axum::response::sse::{Event as SseEvent, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use futures::StreamExt;
use gantry_api_types::ApiError;
use gantry_model::arn::Partition;
use gantry_store::{EventKind, Store, WatchEvent};
use serde::Serialize;
use serde_json::{json, Map, Value};
use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex, OnceLock, Weak};

pub const EVENTS_PATH: &str = "/gantry/v1/events";
/// Events kept in memory.
pub const RING_CAPACITY: usize = 10_000;
/// Keys whose last fingerprint is remembered.
pub const CACHE_CAPACITY: usize = 20_000;

pub const TASK_STATE_CHANGE: &str = "ECS Task State Change";
pub const SERVICE_ACTION: &str = "ECS Service Action";
pub const DEPLOYMENT_STATE_CHANGE: &str = "ECS Deployment State Change";
pub const INSTANCE_STATE_CHANGE: &str = "ECS Container Instance State Change";

/// One event in EventBridge's envelope.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EcsEvent {
    pub version: String,
    pub id: String,
    #[serde(rename = "detail-type")]
    pub detail_type: String,
    pub source: String,
    pub account: String,
    pub time: String,
    pub region: String,
    pub resources: Vec<String>,
    pub detail: Value,
}

/// An event before it gets its envelope: what [`derive`] returns.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    pub detail_type: &'static str,
    pub resource: String,
    pub detail: Value,
}

/// Which kind of record a key holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Task,
    Service,
    Instance,
}

/// `tasks/C/ID` → (Task, C); `services/`, `instances/` likewise.
pub fn classify(key: &str) -> Option<(Kind, &str)> {
    let (kind, rest) = if let Some(r) = key.strip_prefix("tasks/") {
        (Kind::Task, r)
    } else if let Some(r) = key.strip_prefix("services/") {
        (Kind::Service, r)
    } else if let Some(r) = key.strip_prefix("instances/") {
        (Kind::Instance, r)
    } else {
        return None;
    };
    let (cluster, id) = rest.split_once('/')?;
    if id.is_empty() || id.contains('/') || cluster == FARGATE_POOL && kind == Kind::Instance {
        return None;
    }
    Some((kind, cluster))
}

/// What is remembered of a record between two versions: the fields whose
/// change is an event.
#[derive(Debug, Clone, PartialEq)]
pub enum Fingerprint {
    Task(Value),
    Instance(Value),
    Service(ServiceFingerprint),
}

impl Fingerprint {
    /// A task's fingerprint whose `lastStatus` (its first field, as
    /// [`decode_fingerprint`] lays it out) is STOPPED.
    fn is_stopped_task(&self) -> bool {
        matches!(self, Fingerprint::Task(f) if f[0] == "STOPPED")
    }
}

/// What is remembered of a service.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ServiceFingerprint {
    pub desired_count: Value,
    /// Ids of the service events seen (newest first, as stored).
    pub event_ids: Vec<String>,
    /// (deployment id, rolloutState).
    pub deployments: Vec<(String, Value)>,
}

fn field(v: &Value, name: &str) -> Value {
    v.get(name).cloned().unwrap_or(Value::Null)
}

/// The fingerprint of a record (`record` is the stored JSON). A record
/// without the expected shape has the fingerprint of an empty one.
pub fn fingerprint(kind: Kind, record: &Value) -> Fingerprint {
    decode_fingerprint(kind, record).unwrap_or_else(|_| empty_fingerprint(kind))
}

/// [`fingerprint`] straight from the stored bytes, decoding only the
/// fingerprinted fields (an instance record's reservations, a task's
/// desired state and a service's history are skipped, not built), so a
/// write that changes nothing an event reports costs no JSON tree. `None`
/// when the record does not have the expected shape (the caller then takes
/// the full path). Equal to `fingerprint(kind, &parsed)` otherwise: both
/// are [`decode_fingerprint`], from bytes or from a tree.
pub fn quick_fingerprint(kind: Kind, bytes: &[u8]) -> Option<Fingerprint> {
    decode_fingerprint(kind, &mut serde_json::Deserializer::from_slice(bytes)).ok()
}

fn empty_fingerprint(kind: Kind) -> Fingerprint {
    match kind {
        Kind::Task => Fingerprint::Task(json!([null, null, null, null, null, []])),
        Kind::Instance => Fingerprint::Instance(json!([null, null, null, null, null])),
        Kind::Service => Fingerprint::Service(ServiceFingerprint {
            desired_count: Value::Null,
            ..Default::default()
        }),
    }
}

/// The one list of fingerprinted fields: what of a task, an instance or a
/// service is decoded (everything else is skipped by serde, not built).
mod fp {
    use serde::Deserialize;
    use serde_json::Value;

    #[derive(Deserialize)]
    pub struct TaskRec {
        pub task: Task,
    }
    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    pub struct Task {
        pub last_status: Option<Value>,
        pub desired_status: Option<Value>,
        pub stop_code: Option<Value>,
        pub health_status: Option<Value>,
        pub connectivity: Option<Value>,
        pub containers: Option<Vec<Container>>,
    }
    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    pub struct Container {
        pub name: Option<Value>,
        pub last_status: Option<Value>,
        pub exit_code: Option<Value>,
        pub health_status: Option<Value>,
    }
    #[derive(Deserialize)]
    pub struct InstanceRec {
        pub instance: Instance,
    }
    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    pub struct Instance {
        pub status: Option<Value>,
        pub agent_connected: Option<Value>,
        pub agent_update_status: Option<Value>,
        pub running_tasks_count: Option<Value>,
        pub pending_tasks_count: Option<Value>,
    }
    #[derive(Deserialize)]
    pub struct ServiceRec {
        pub service: Service,
    }
    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    pub struct Service {
        pub desired_count: Option<Value>,
        pub events: Option<Vec<Id>>,
        pub deployments: Option<Vec<Deployment>>,
    }
    #[derive(Deserialize)]
    pub struct Id {
        pub id: Option<Value>,
    }
    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    pub struct Deployment {
        pub id: Option<Value>,
        pub rollout_state: Option<Value>,
    }
}

/// Decodes the fingerprinted fields of a `kind` record from `de` (stored
/// bytes or a parsed tree).
fn decode_fingerprint<'de, D: serde::Deserializer<'de>>(
    kind: Kind,
    de: D,
) -> Result<Fingerprint, D::Error> {
    use serde::Deserialize;
    fn v(x: Option<Value>) -> Value {
        x.unwrap_or(Value::Null)
    }
    Ok(match kind {
        Kind::Task => {
            let t = fp::TaskRec::deserialize(de)?.task;
            let containers: Vec<Value> = t
                .containers
                .unwrap_or_default()
                .into_iter()
                .map(|c| {
                    json!([
                        v(c.name),
                        v(c.last_status),
                        v(c.exit_code),
                        v(c.health_status)
                    ])
                })
                .collect();
            Fingerprint::Task(json!([
                v(t.last_status),
                v(t.desired_status),
                v(t.stop_code),
                v(t.health_status),
                v(t.connectivity),
                containers
            ]))
        }
        Kind::Instance => {
            let i = fp::InstanceRec::deserialize(de)?.instance;
            Fingerprint::Instance(json!([
                v(i.status),
                v(i.agent_connected),
                v(i.agent_update_status),
                v(i.running_tasks_count),
                v(i.pending_tasks_count)
            ]))
        }
        Kind::Service => {
            let s = fp::ServiceRec::deserialize(de)?.service;
            Fingerprint::Service(ServiceFingerprint {
                desired_count: v(s.desired_count),
                event_ids: s
                    .events
                    .unwrap_or_default()
                    .into_iter()
                    .filter_map(|e| match e.id {
                        Some(Value::String(id)) => Some(id),
                        _ => None,
                    })
                    .collect(),
                deployments: s
                    .deployments
                    .unwrap_or_default()
                    .into_iter()
                    .filter_map(|d| match d.id {
                        Some(Value::String(id)) => Some((id, v(d.rollout_state))),
                        _ => None,
                    })
                    .collect(),
            })
        }
    })
}

/// Epoch seconds → `2020-01-23T17:57:58.649Z`.
pub fn iso_millis(epoch_seconds: f64) -> String {
    chrono::DateTime::from_timestamp_millis((epoch_seconds * 1000.0).round() as i64)
        .unwrap_or_default()
        .format("%Y-%m-%dT%H:%M:%S%.3fZ")
        .to_string()
}

/// Epoch seconds → `2020-01-23T17:57:58Z` (the envelope's `time`).
pub fn iso_seconds(epoch_seconds: f64) -> String {
    chrono::DateTime::from_timestamp(epoch_seconds.floor() as i64, 0)
        .unwrap_or_default()
        .format("%Y-%m-%dT%H:%M:%SZ")
        .to_string()
}

const TIMESTAMP_FIELDS: &[&str] = &[
    "createdAt",
    "startedAt",
    "stoppedAt",
    "stoppingAt",
    "pullStartedAt",
    "pullStoppedAt",
    "executionStoppedAt",
    "connectivityAt",
    "registeredAt",
    "updatedAt",
];

/// Rewrites the wire's epoch-second timestamps as ISO 8601 strings, the
/// way EventBridge events carry them.
fn iso_timestamps(v: &mut Value) {
    match v {
        Value::Object(m) => {
            for (k, x) in m.iter_mut() {
                if TIMESTAMP_FIELDS.contains(&k.as_str()) {
                    if let Some(f) = x.as_f64() {
                        *x = Value::String(iso_millis(f));
                        continue;
                    }
                }
                iso_timestamps(x);
            }
        }
        Value::Array(a) => a.iter_mut().for_each(iso_timestamps),
        _ => {}
    }
}

fn with_update(mut detail: Value, now: f64, version: u64) -> Value {
    iso_timestamps(&mut detail);
    if let Value::Object(m) = &mut detail {
        m.insert("updatedAt".into(), Value::String(iso_millis(now)));
        if !m.contains_key("version") {
            m.insert("version".into(), json!(version));
        }
    }
    detail
}

/// (eventType, eventName) of a service event message that ECS reports as a
/// service action; `None` for informational messages.
pub fn service_action(message: &str) -> Option<(&'static str, &'static str)> {
    if message.ends_with("has reached a steady state.") {
        Some(("INFO", "SERVICE_STEADY_STATE"))
    } else if message.contains("is unable to consistently start tasks successfully") {
        Some(("WARN", "SERVICE_TASK_START_IMPAIRED"))
    } else if message.contains("was unable to place a task") {
        Some(("ERROR", "SERVICE_TASK_PLACEMENT_FAILURE"))
    } else if message.contains("was unable to start tasks") {
        Some(("ERROR", "SERVICE_TASK_CONFIGURATION_FAILURE"))
    } else {
        None
    }
}

/// ECS's `reasons` of a placement failure (`RESOURCE:MEMORY`, …).
fn placement_reasons(message: &str) -> Vec<String> {
    let m = message.to_ascii_lowercase();
    let mut out = Vec::new();
    for (needle, reason) in [
        ("insufficient memory", "RESOURCE:MEMORY"),
        ("insufficient cpu", "RESOURCE:CPU"),
        ("already-used port", "RESOURCE:PORTS"),
        ("port", "RESOURCE:PORTS"),
        (
            "no container instances were found",
            "NO_CONTAINER_INSTANCES",
        ),
        ("constraint", "CONSTRAINT"),
    ] {
        if m.contains(needle) && !out.iter().any(|r| r == reason) {
            out.push(reason.to_string());
        }
    }
    out
}

/// The events a new version of a record means, given the fingerprint of the
/// version seen before (`None`: new key, or one the cache forgot; `created`
/// tells which). Pure.
pub fn derive(
    kind: Kind,
    prev: Option<&Fingerprint>,
    created: bool,
    record: &Value,
    now: f64,
    mod_revision: u64,
) -> (Fingerprint, Vec<Draft>) {
    let fp = fingerprint(kind, record);
    let mut out = Vec::new();
    match kind {
        Kind::Task | Kind::Instance => {
            let changed = match prev {
                Some(p) => *p != fp,
                None => true,
            };
            if changed {
                let (detail_type, obj, arn_field) = if kind == Kind::Task {
                    (TASK_STATE_CHANGE, &record["task"], "taskArn")
                } else {
                    (
                        INSTANCE_STATE_CHANGE,
                        &record["instance"],
                        "containerInstanceArn",
                    )
                };
                out.push(Draft {
                    detail_type,
                    resource: obj[arn_field].as_str().unwrap_or_default().to_string(),
                    detail: with_update(obj.clone(), now, mod_revision),
                });
            }
        }
        Kind::Service => {
            let s = &record["service"];
            let arn = s["serviceArn"].as_str().unwrap_or_default().to_string();
            let cluster_arn = field(s, "clusterArn");
            let Fingerprint::Service(now_fp) = &fp else {
                return (fp, out);
            };
            // A forgotten key: what it holds now counts as seen (no flood).
            let seen: Option<&ServiceFingerprint> = match prev {
                Some(Fingerprint::Service(p)) => Some(p),
                _ if created => None,
                _ => Some(now_fp),
            };
            let empty = ServiceFingerprint::default();
            let old = seen.unwrap_or(&empty);
            let (old_count, old_ids, old_deps) =
                (&old.desired_count, &old.event_ids, &old.deployments);
            let (desired_count, deployments) = (&now_fp.desired_count, &now_fp.deployments);
            if seen.is_some() && *old_count != *desired_count {
                out.push(Draft {
                    detail_type: SERVICE_ACTION,
                    resource: arn.clone(),
                    detail: json!({
                        "eventType": "INFO",
                        "eventName": "SERVICE_DESIRED_COUNT_UPDATED",
                        "clusterArn": cluster_arn,
                        "createdAt": iso_millis(now),
                        "desiredCount": desired_count,
                    }),
                });
            }
            // Service events are stored newest first: report oldest first.
            let new_events: Vec<&Value> = s["events"]
                .as_array()
                .map(|es| {
                    es.iter()
                        .filter(|e| {
                            e["id"]
                                .as_str()
                                .is_some_and(|id| !old_ids.iter().any(|o| o == id))
                        })
                        .collect()
                })
                .unwrap_or_default();
            for e in new_events.into_iter().rev() {
                let message = e["message"].as_str().unwrap_or_default();
                let Some((event_type, event_name)) = service_action(message) else {
                    continue;
                };
                let mut detail = Map::new();
                detail.insert("eventType".into(), json!(event_type));
                detail.insert("eventName".into(), json!(event_name));
                detail.insert("clusterArn".into(), cluster_arn.clone());
                detail.insert(
                    "createdAt".into(),
                    json!(iso_millis(e["createdAt"].as_f64().unwrap_or(now))),
                );
                if event_name == "SERVICE_TASK_PLACEMENT_FAILURE" {
                    detail.insert("reasons".into(), json!(placement_reasons(message)));
                }
                out.push(Draft {
                    detail_type: SERVICE_ACTION,
                    resource: arn.clone(),
                    detail: Value::Object(detail),
                });
            }
            for (id, rollout) in deployments {
                let before = old_deps.iter().find(|(o, _)| o == id).map(|(_, r)| r);
                let name = match (before, rollout.as_str()) {
                    (None, Some("FAILED")) => Some(("ERROR", "SERVICE_DEPLOYMENT_FAILED")),
                    (None, Some("COMPLETED")) if prev.is_none() && !created => None,
                    (None, Some("COMPLETED")) => Some(("INFO", "SERVICE_DEPLOYMENT_COMPLETED")),
                    (None, _) => Some(("INFO", "SERVICE_DEPLOYMENT_IN_PROGRESS")),
                    (Some(b), Some("COMPLETED")) if b != rollout => {
                        Some(("INFO", "SERVICE_DEPLOYMENT_COMPLETED"))
                    }
                    (Some(b), Some("FAILED")) if b != rollout => {
                        Some(("ERROR", "SERVICE_DEPLOYMENT_FAILED"))
                    }
                    _ => None,
                };
                // A forgotten key's deployments are not news either.
                if seen.is_some() && prev.is_none() && before.is_none() {
                    continue;
                }
                let Some((event_type, event_name)) = name else {
                    continue;
                };
                let reason = s["deployments"]
                    .as_array()
                    .and_then(|ds| ds.iter().find(|d| d["id"] == json!(id)))
                    .and_then(|d| d["rolloutStateReason"].as_str())
                    .unwrap_or_default()
                    .to_string();
                out.push(Draft {
                    detail_type: DEPLOYMENT_STATE_CHANGE,
                    resource: arn.clone(),
                    detail: json!({
                        "eventType": event_type,
                        "eventName": event_name,
                        "deploymentId": id,
                        "updatedAt": iso_millis(now),
                        "reason": reason,
                    }),
                });
            }
        }
    }
    (fp, out)
}

/// One buffered event.
#[derive(Debug, Clone)]
pub struct Buffered {
    pub seq: u64,
    pub cluster: String,
    /// Epoch milliseconds when it was derived.
    pub time_ms: i64,
    /// The event's JSON.
    pub json: EventJson,
}

/// An event's JSON. A task's or an instance's change is published as the
/// changed object as stored, and turned into the event (its envelope, ISO
/// timestamps, `updatedAt`) when it is first read: most events are never
/// read, and building each one was most of the watcher's cost. Once
/// rendered, every reader gets the same text (the same `id`).
#[derive(Debug, Clone)]
pub struct EventJson(Arc<EventJsonInner>);

#[derive(Debug)]
struct EventJsonInner {
    rendered: std::sync::OnceLock<Box<str>>,
    /// What to render, taken when rendered.
    unrendered: Mutex<Option<Unrendered>>,
}

/// A task or instance change as published, before it is rendered.
#[derive(Debug)]
struct Unrendered {
    detail_type: &'static str,
    /// The member of the object holding the resource's ARN.
    arn_field: &'static str,
    /// The object as stored (`task` or `instance` of the record).
    object: Box<serde_json::value::RawValue>,
    now: f64,
    mod_revision: u64,
    account_id: Arc<str>,
    region: Arc<str>,
}

impl EventJson {
    fn rendered(json: String) -> EventJson {
        EventJson(Arc::new(EventJsonInner {
            rendered: std::sync::OnceLock::from(json.into_boxed_str()),
            unrendered: Mutex::new(None),
        }))
    }

    fn unrendered(u: Unrendered) -> EventJson {
        EventJson(Arc::new(EventJsonInner {
            rendered: std::sync::OnceLock::new(),
            unrendered: Mutex::new(Some(u)),
        }))
    }

    /// The event's JSON text.
    pub fn get(&self) -> &str {
        self.0.rendered.get_or_init(|| {
            match lock(&self.0.unrendered).take() {
                Some(u) => u.render(),
                // Taken by a concurrent first reader, which sets `rendered`
                // before `get_or_init` lets this one run: not reached.
                None => String::new(),
            }
            .into_boxed_str()
        })
    }
}

impl Unrendered {
    /// What [`derive`] and [`EventHub::publish`] make of the same change.
    fn render(self) -> String {
        let object: Value = serde_json::from_str(self.object.get()).unwrap_or(Value::Null);
        let resource = object[self.arn_field]
            .as_str()
            .unwrap_or_default()
            .to_string();
        envelope(
            &self.account_id,
            &self.region,
            Draft {
                detail_type: self.detail_type,
                resource,
                detail: with_update(object, self.now, self.mod_revision),
            },
            self.now,
        )
    }
}

/// `draft` in EventBridge's envelope, as JSON (a new event id).
fn envelope(account_id: &str, region: &str, draft: Draft, now: f64) -> String {
    let event = EcsEvent {
        version: "0".into(),
        id: uuid::Uuid::new_v4().to_string(),
        detail_type: draft.detail_type.to_string(),
        source: "aws.ecs".into(),
        account: account_id.to_string(),
        time: iso_seconds(now),
        region: region.to_string(),
        resources: vec![draft.resource],
        detail: draft.detail,
    };
    serde_json::to_string(&event).unwrap_or_default()
}

#[derive(Debug, Default)]
struct Ring {
    events: VecDeque<Buffered>,
    next_seq: u64,
}

/// The in-memory ring of recent events and its subscribers.
#[derive(Debug)]
pub struct EventHub {
    ring: Mutex<Ring>,
    capacity: usize,
    latest: tokio::sync::watch::Sender<u64>,
    account_id: Arc<str>,
    region: Arc<str>,
    /// Set when the watcher stops: followers end instead of waiting (so a
    /// graceful shutdown is not held up by open streams).
    closed: std::sync::atomic::AtomicBool,
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

impl EventHub {
    pub fn new(partition: Partition, capacity: usize) -> EventHub {
        EventHub {
            ring: Mutex::new(Ring {
                events: VecDeque::new(),
                next_seq: 1,
            }),
            capacity: capacity.max(1),
            latest: tokio::sync::watch::channel(0).0,
            account_id: partition.account_id.as_str().into(),
            region: partition.region.as_str().into(),
            closed: std::sync::atomic::AtomicBool::new(false),
        }
    }

    /// Ends every follower once it has sent what is buffered.
    pub fn close(&self) {
        self.closed.store(true, std::sync::atomic::Ordering::SeqCst);
        self.latest.send_modify(|_| {});
    }

    pub fn is_closed(&self) -> bool {
        self.closed.load(std::sync::atomic::Ordering::SeqCst)
    }

    /// Wraps `draft` in its envelope and appends it; returns its sequence.
    pub fn publish(&self, cluster: &str, draft: Draft, now: f64) -> u64 {
        let json = EventJson::rendered(envelope(&self.account_id, &self.region, draft, now));
        self.append(cluster, json, now)
    }

    /// Appends the state change of a task (`kind` Task) or an instance
    /// whose stored object (the record's `task` or `instance`) is `object`,
    /// as [`derive`] would make it, rendered when first read.
    fn publish_object(
        &self,
        cluster: &str,
        kind: Kind,
        object: Box<serde_json::value::RawValue>,
        now: f64,
        mod_revision: u64,
    ) -> u64 {
        let (detail_type, arn_field) = match kind {
            Kind::Task => (TASK_STATE_CHANGE, "taskArn"),
            _ => (INSTANCE_STATE_CHANGE, "containerInstanceArn"),
        };
        let json = EventJson::unrendered(Unrendered {
            detail_type,
            arn_field,
            object,
            now,
            mod_revision,
            account_id: self.account_id.clone(),
            region: self.region.clone(),
        });
        self.append(cluster, json, now)
    }

    fn append(&self, cluster: &str, json: EventJson, now: f64) -> u64 {
        let seq = {
            let mut ring = lock(&self.ring);
            let seq = ring.next_seq;
            ring.next_seq += 1;
            ring.events.push_back(Buffered {
                seq,
                cluster: cluster.to_string(),
                time_ms: (now * 1000.0).round() as i64,
                json,
            });
            while ring.events.len() > self.capacity {
                ring.events.pop_front();
            }
            seq
        };
        self.latest.send_replace(seq);
        seq
    }

    /// Buffered events with `seq > after` and `time_ms >= since_ms` of
    /// `cluster` (every cluster when `None`), oldest first, at most `limit`.
    pub fn read(
        &self,
        after: u64,
        since_ms: i64,
        cluster: Option<&str>,
        limit: usize,
    ) -> Vec<Buffered> {
        let ring = lock(&self.ring);
        let start = ring.events.partition_point(|e| e.seq <= after);
        ring.events
            .range(start..)
            .filter(|e| e.time_ms >= since_ms && cluster.is_none_or(|c| c == e.cluster))
            .take(limit)
            .cloned()
            .collect()
    }

    /// Wakes when a new event is published.
    pub fn subscribe(&self) -> tokio::sync::watch::Receiver<u64> {
        self.latest.subscribe()
    }
}

/// A bounded map of key → last fingerprint (oldest insertion evicted).
#[derive(Debug)]
pub struct Cache {
    map: HashMap<String, Fingerprint>,
    order: VecDeque<String>,
    capacity: usize,
}

impl Cache {
    pub fn new(capacity: usize) -> Cache {
        Cache {
            map: HashMap::new(),
            order: VecDeque::new(),
            capacity: capacity.max(1),
        }
    }

    pub fn get(&self, key: &str) -> Option<&Fingerprint> {
        self.map.get(key)
    }

    pub fn put(&mut self, key: &str, fp: Fingerprint) {
        if self.map.insert(key.to_string(), fp).is_none() {
            self.order.push_back(key.to_string());
        }
        while self.map.len() > self.capacity {
            match self.order.pop_front() {
                Some(k) => {
                    self.map.remove(&k);
                }
                None => break,
            }
        }
        // Keys removed explicitly leave stale names in `order`; compact.
        if self.order.len() > 2 * self.capacity {
            let map = &self.map;
            self.order.retain(|k| map.contains_key(k));
        }
    }

    pub fn remove(&mut self, key: &str) {
        self.map.remove(key);
    }

    pub fn len(&self) -> usize {
        self.map.len()
    }

    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }
}

/// Applies one watch event: updates the cache, publishes what it means.
pub fn apply(hub: &EventHub, cache: &mut Cache, ev: &WatchEvent, now: f64) {
    let key = ev.kv.key.as_str();
    let Some((kind, cluster)) = classify(key) else {
        return;
    };
    if ev.kind == EventKind::Delete {
        cache.remove(key);
        return;
    }
    let created = ev.kv.create_revision == ev.kv.mod_revision;
    if kind != Kind::Service {
        // What `derive` does, without building the record: a task or an
        // instance changes when its fingerprint does, and its event is its
        // stored object, rendered when first read.
        if let Some(fp) = quick_fingerprint(kind, &ev.kv.value) {
            if cache.get(key) != Some(&fp) {
                let Some(object) = stored_object(kind, &ev.kv.value) else {
                    tracing::warn!(key, "events: undecodable record");
                    return;
                };
                hub.publish_object(cluster, kind, object, now, ev.kv.mod_revision);
            }
            if fp.is_stopped_task() {
                // Nothing follows STOPPED but the record's deletion.
                cache.remove(key);
            } else {
                cache.put(key, fp);
            }
            return;
        }
    }
    // Most writes (an instance's reservations, a report that changes no
    // status) change nothing an event reports: settle those from the
    // fingerprinted fields alone. An unchanged fingerprint publishes
    // nothing (`derive`), and a STOPPED task is never in the cache.
    if !created {
        if let Some(fp) = quick_fingerprint(kind, &ev.kv.value) {
            if cache.get(key) == Some(&fp) {
                cache.put(key, fp);
                return;
            }
        }
    }
    let Ok(record) = serde_json::from_slice::<Value>(&ev.kv.value) else {
        tracing::warn!(key, "events: undecodable record");
        return;
    };
    let (fp, drafts) = derive(
        kind,
        cache.get(key),
        created,
        &record,
        now,
        ev.kv.mod_revision,
    );
    for d in drafts {
        hub.publish(cluster, d, now);
    }
    let stopped = kind == Kind::Task && record["task"]["lastStatus"] == "STOPPED";
    if stopped {
        // Nothing follows STOPPED but the record's deletion.
        cache.remove(key);
    } else {
        cache.put(key, fp);
    }
}

/// The `task` (of a task record) or `instance` (of an instance record)
/// member of stored `bytes`, as stored.
fn stored_object(kind: Kind, bytes: &[u8]) -> Option<Box<serde_json::value::RawValue>> {
    #[derive(serde::Deserialize)]
    struct TaskRec<'a> {
        #[serde(borrow)]
        task: &'a serde_json::value::RawValue,
    }
    #[derive(serde::Deserialize)]
    struct InstanceRec<'a> {
        #[serde(borrow)]
        instance: &'a serde_json::value::RawValue,
    }
    let raw = match kind {
        Kind::Task => serde_json::from_slice::<TaskRec>(bytes).ok()?.task,
        Kind::Instance => serde_json::from_slice::<InstanceRec>(bytes).ok()?.instance,
        Kind::Service => return None,
    };
    Some(raw.to_owned())
}

/// Follows the store and publishes events until `shutdown` fires. Starts
/// at the current revision, with the cache seeded from the live records
/// (so a restart does not replay old changes as new ones).
pub async fn watch(
    store: Arc<dyn Store>,
    hub: Arc<EventHub>,
    clock: SharedClock,
    mut shutdown: tokio::sync::watch::Receiver<bool>,
) {
    let mut backoff = std::time::Duration::from_millis(200);
    loop {
        let mut cache = Cache::new(CACHE_CAPACITY);
        let run = async {
            let rev = store.revision().await?;
            for prefix in ["tasks/", "services/", "instances/"] {
                let mut after: Option<String> = None;
                loop {
                    let page = store.range(prefix, after.as_deref(), Some(500)).await?;
                    let Some(last) = page.last() else { break };
                    after = Some(last.key.clone());
                    for kv in &page {
                        let Some((kind, _)) = classify(&kv.key) else {
                            continue;
                        };
                        let Ok(record) = serde_json::from_slice::<Value>(&kv.value) else {
                            continue;
                        };
                        if kind == Kind::Task && record["task"]["lastStatus"] == "STOPPED" {
                            continue;
                        }
                        cache.put(&kv.key, fingerprint(kind, &record));
                    }
                }
            }
            let mut stream = store.watch("", rev).await?;
            while let Some(ev) = stream.next().await {
                let ev = ev?;
                apply(&hub, &mut cache, &ev, clock.now());
            }
            Ok::<(), gantry_store::StoreError>(())
        };
        tokio::select! {
            r = run => match r {
                Ok(()) => tracing::info!("events: store watch ended; restarting"),
                Err(e) => tracing::warn!(error = %e, "events: store watch failed; restarting"),
            },
            _ = shutdown.changed() => {
                hub.close();
                return;
            }
        }
        tokio::select! {
            _ = tokio::time::sleep(backoff) => {}
            _ = shutdown.changed() => {
                hub.close();
                return;
            }
        }
        backoff = (backoff * 2).min(std::time::Duration::from_secs(5));
    }
}

/// Hubs by the `EcsService` they belong to, so the route (whose state is
/// the Gantry API's) finds its server's hub.
type Registry = Mutex<Vec<(usize, Weak<EventHub>)>>;

fn registry() -> &'static Registry {
    static REGISTRY: OnceLock<Registry> = OnceLock::new();
    REGISTRY.get_or_init(|| Mutex::new(Vec::new()))
}

fn ecs_key(ecs: &Arc<crate::ecs::EcsService>) -> usize {
    Arc::as_ptr(ecs) as usize
}

/// Makes `hub` the event hub of `ecs`'s server.
pub fn register(ecs: &Arc<crate::ecs::EcsService>, hub: &Arc<EventHub>) {
    let mut r = lock(registry());
    r.retain(|(_, w)| w.strong_count() > 0);
    r.push((ecs_key(ecs), Arc::downgrade(hub)));
}

fn hub_for(ecs: &Arc<crate::ecs::EcsService>) -> Option<Arc<EventHub>> {
    let key = ecs_key(ecs);
    lock(registry())
        .iter()
        .rev()
        .find(|(k, _)| *k == key)
        .and_then(|(_, w)| w.upgrade())
}

/// Starts the watcher for `ecs`'s server; stops when `shutdown` fires.
pub fn spawn(
    ecs: &Arc<crate::ecs::EcsService>,
    store: Arc<dyn Store>,
    partition: Partition,
    clock: SharedClock,
    shutdown: tokio::sync::watch::Receiver<bool>,
) -> (Arc<EventHub>, tokio::task::JoinHandle<()>) {
    let hub = Arc::new(EventHub::new(partition, RING_CAPACITY));
    register(ecs, &hub);
    let task = tokio::spawn(watch(store, hub.clone(), clock, shutdown));
    (hub, task)
}

fn error(e: &ApiError) -> Response {
    let status = StatusCode::from_u16(e.status).unwrap_or(StatusCode::BAD_REQUEST);
    (
        status,
        [(header::CONTENT_TYPE, "application/json")],
        json!({"__type": e.code, "message": e.message}).to_string(),
    )
        .into_response()
}

fn query_param(query: Option<&str>, name: &str) -> Option<String> {
    form_urlencoded::parse(query.unwrap_or("").as_bytes())
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.into_owned())
}

/// The parsed query of the events endpoint.
#[derive(Debug, Clone, PartialEq)]
pub struct EventsQuery {
    pub cluster: Option<String>,
    pub since_ms: i64,
    pub after: u64,
    pub follow: bool,
}

/// Parses `cluster`, `since` (epoch seconds), `after` (sequence) and
/// `follow` (`true`/`1`), plus `Last-Event-ID`.
pub fn parse_query(
    query: Option<&str>,
    last_event_id: Option<&str>,
) -> Result<EventsQuery, ApiError> {
    let cluster = match query_param(query, "cluster").filter(|c| !c.is_empty()) {
        None => None,
        Some(c) => Some(
            gantry_model::arn::cluster_name(Some(&c))
                .map_err(|e| ApiError::invalid_parameter(e.to_string()))?,
        ),
    };
    let since_ms = match query_param(query, "since") {
        None => i64::MIN,
        Some(s) => {
            let f = s
                .parse::<f64>()
                .ok()
                .filter(|f| f.is_finite())
                .ok_or_else(|| ApiError::invalid_parameter("since must be epoch seconds."))?;
            (f * 1000.0).round() as i64
        }
    };
    let after_s = query_param(query, "after").or(last_event_id.map(str::to_string));
    let after = match after_s {
        None => 0,
        Some(s) => s.trim().parse::<u64>().map_err(|_| {
            ApiError::invalid_parameter(
                "after (or Last-Event-ID) must be an event sequence number.",
            )
        })?,
    };
    let follow = match query_param(query, "follow").as_deref() {
        None | Some("false") | Some("0") => false,
        Some("true") | Some("1") | Some("") => true,
        Some(other) => {
            return Err(ApiError::invalid_parameter(format!(
                "follow must be true or false, not {other:?}."
            )))
        }
    };
    Ok(EventsQuery {
        cluster,
        since_ms,
        after,
        follow,
    })
}

/// `GET /gantry/v1/events`: the buffered events, then (with `follow`) new
/// ones as they happen, as Server-Sent Events.
pub async fn sse(
    State(api): State<Arc<crate::ecs::gantry_api::GantryApi>>,
    req: Request,
) -> Response {
    let parts =
        match crate::ecs::gantry_api::authed(&api, req, crate::ecs::gantry_api::GET_EVENTS).await {
            Ok((parts, _)) => parts,
            Err(e) => return error(&e),
        };
    let last_event_id = parts
        .headers
        .get("last-event-id")
        .and_then(|v| v.to_str().ok());
    let q = match parse_query(parts.uri.query(), last_event_id) {
        Ok(q) => q,
        Err(e) => return error(&e),
    };
    let Some(hub) = hub_for(&api.ecs) else {
        return error(&ApiError::client(
            "UnsupportedFeatureException",
            "The event stream is not enabled on this server.",
        ));
    };
    sse_response(hub, q).into_response()
}

/// The SSE body for `q` (separate from the handler for tests).
pub fn sse_response(
    hub: Arc<EventHub>,
    q: EventsQuery,
) -> Sse<impl futures::Stream<Item = Result<SseEvent, std::convert::Infallible>>> {
    struct St {
        hub: Arc<EventHub>,
        q: EventsQuery,
        rx: tokio::sync::watch::Receiver<u64>,
        pending: VecDeque<Buffered>,
    }
    let rx = hub.subscribe();
    let st = St {
        hub,
        q,
        rx,
        pending: VecDeque::new(),
    };
    let stream = futures::stream::unfold(st, |mut st| async move {
        loop {
            if let Some(e) = st.pending.pop_front() {
                st.q.after = e.seq;
                let ev = SseEvent::default().id(e.seq.to_string()).data(e.json.get());
                return Some((Ok(ev), st));
            }
            // Mark the current version seen before reading, so a publish
            // between the read and the wait wakes us.
            st.rx.borrow_and_update();
            let batch = st
                .hub
                .read(st.q.after, st.q.since_ms, st.q.cluster.as_deref(), 256);
            if !batch.is_empty() {
                // `after` moves as each event is sent.
                st.pending.extend(batch);
                continue;
            }
            if !st.q.follow || st.hub.is_closed() || st.rx.changed().await.is_err() {
                return None;
            }
        }
    });
    Sse::new(stream).keep_alive(KeepAlive::default())
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: f64 = 1_700_000_000.5;

    fn task(last: &str, desired: &str, containers: Value) -> Value {
        json!({"task": {
            "taskArn": "arn:aws:ecs:us-east-1:123456789012:task/default/abc",
            "clusterArn": "arn:aws:ecs:us-east-1:123456789012:cluster/default",
            "lastStatus": last,
            "desiredStatus": desired,
            "createdAt": 1_700_000_000.25,
            "containers": containers,
        }, "cluster": "default", "id": "abc"})
    }

    fn container(status: &str, exit: Option<i32>) -> Value {
        json!([{"name": "app", "lastStatus": status, "exitCode": exit}])
    }

    /// The fast path computes exactly the fingerprint of the parsed record,
    /// whatever fields are present, missing or null.
    #[test]
    fn quick_fingerprint_equals_the_full_one() {
        let records = [
            (
                Kind::Task,
                task("RUNNING", "RUNNING", container("RUNNING", None)),
            ),
            (
                Kind::Task,
                task("STOPPED", "STOPPED", container("STOPPED", Some(137))),
            ),
            (
                Kind::Task,
                json!({"task": {"lastStatus": "PENDING", "stopCode": null,
                    "connectivity": "CONNECTED", "healthStatus": "UNKNOWN",
                    "containers": [{"name": "a", "healthStatus": "HEALTHY", "image": "x"}, {}]},
                    "desired": {"family": "f", "containers": [{"name": "a"}]}}),
            ),
            (Kind::Task, json!({"task": {}})),
            (
                Kind::Instance,
                json!({"instance": {"status": "ACTIVE", "agentConnected": true,
                    "runningTasksCount": 3, "pendingTasksCount": 0, "attributes": []},
                    "reservations": {"t1": {"cpu": 8, "memory": 16, "group": "family:x"}}}),
            ),
            (
                Kind::Instance,
                json!({"instance": {"status": "DRAINING", "agentUpdateStatus": null}}),
            ),
            (
                Kind::Service,
                json!({"service": {"desiredCount": 2,
                    "events": [{"id": "e2", "message": "m"}, {"message": "no id"}, {"id": 5}],
                    "deployments": [{"id": "d1", "rolloutState": "IN_PROGRESS"}, {"id": "d0"}, {"rolloutState": "COMPLETED"}]},
                    "history": {"deployments": []}}),
            ),
            (Kind::Service, json!({"service": {}})),
        ];
        for (kind, record) in records {
            let bytes = serde_json::to_vec(&record).unwrap();
            assert_eq!(
                quick_fingerprint(kind, &bytes),
                Some(fingerprint(kind, &record)),
                "{record}"
            );
        }
        assert_eq!(quick_fingerprint(Kind::Task, b"{\"task\": 3}"), None);
        // A tree without the expected shape has an empty record's print.
        assert_eq!(
            fingerprint(Kind::Task, &json!({"task": 3})),
            fingerprint(Kind::Task, &json!({"task": {}}))
        );
        assert_eq!(
            fingerprint(Kind::Instance, &json!([])),
            fingerprint(Kind::Instance, &json!({"instance": {}}))
        );
        assert_eq!(
            fingerprint(Kind::Service, &json!(null)),
            fingerprint(Kind::Service, &json!({"service": {}}))
        );
        assert_eq!(quick_fingerprint(Kind::Instance, b"not json"), None);
    }

    /// A write that changes no fingerprinted field publishes nothing and
    /// keeps the record cached; a status change after it still does.
    #[test]
    fn unchanged_fingerprint_publishes_nothing() {
        let hub = EventHub::new(Partition::new("123456789012", "us-east-1"), 100);
        let published = |hub: &EventHub| *hub.subscribe().borrow();
        let mut cache = Cache::new(10);
        let key = "tasks/default/abc";
        let event = |record: &Value, create: u64, rev: u64| WatchEvent {
            kind: EventKind::Put,
            kv: gantry_store::KeyValue {
                key: key.into(),
                value: serde_json::to_vec(record).unwrap(),
                create_revision: create,
                mod_revision: rev,
            },
        };
        let running = task("RUNNING", "RUNNING", container("RUNNING", None));
        apply(&hub, &mut cache, &event(&running, 1, 1), NOW);
        let first = published(&hub);
        assert!(first > 0, "a new task published nothing");
        let mut touched = running.clone();
        touched["task"]["version"] = json!(7);
        apply(&hub, &mut cache, &event(&touched, 1, 2), NOW);
        assert_eq!(published(&hub), first, "an unchanged fingerprint published");
        assert!(cache.get(key).is_some());
        let stopped = task("STOPPED", "STOPPED", container("STOPPED", Some(0)));
        apply(&hub, &mut cache, &event(&stopped, 1, 3), NOW);
        assert_eq!(published(&hub), first + 1);
        assert!(cache.get(key).is_none());
    }

    #[test]
    fn classify_keys() {
        assert_eq!(classify("tasks/default/abc"), Some((Kind::Task, "default")));
        assert_eq!(classify("services/c1/web"), Some((Kind::Service, "c1")));
        assert_eq!(classify("instances/c1/i-1"), Some((Kind::Instance, "c1")));
        assert_eq!(classify("instances/~fargate/h1"), None);
        assert_eq!(classify("clusters/default"), None);
        assert_eq!(classify("tasks/default/"), None);
        assert_eq!(classify("taskdefs/f/0000000001"), None);
    }

    #[test]
    fn task_lifecycle_events() {
        let pending = task("PENDING", "RUNNING", container("PENDING", None));
        let (fp, drafts) = derive(Kind::Task, None, true, &pending, NOW, 7);
        assert_eq!(drafts.len(), 1);
        let d = &drafts[0];
        assert_eq!(d.detail_type, TASK_STATE_CHANGE);
        assert_eq!(
            d.resource,
            "arn:aws:ecs:us-east-1:123456789012:task/default/abc"
        );
        assert_eq!(d.detail["lastStatus"], "PENDING");
        assert_eq!(d.detail["createdAt"], "2023-11-14T22:13:20.250Z");
        assert_eq!(d.detail["updatedAt"], "2023-11-14T22:13:20.500Z");
        assert_eq!(d.detail["version"], 7);

        // The same state again (e.g. a reservation-only rewrite): nothing.
        let (fp2, none) = derive(Kind::Task, Some(&fp), false, &pending, NOW, 8);
        assert!(none.is_empty());
        assert_eq!(fp2, fp);

        let running = task("RUNNING", "RUNNING", container("RUNNING", None));
        let (fp3, drafts) = derive(Kind::Task, Some(&fp2), false, &running, NOW, 9);
        assert_eq!(drafts.len(), 1);
        assert_eq!(drafts[0].detail["lastStatus"], "RUNNING");

        // desiredStatus alone changing is an event too.
        let stopping = task("RUNNING", "STOPPED", container("RUNNING", None));
        let (fp4, drafts) = derive(Kind::Task, Some(&fp3), false, &stopping, NOW, 10);
        assert_eq!(drafts[0].detail["desiredStatus"], "STOPPED");

        // A container's exit code changing is an event.
        let exited = task("RUNNING", "STOPPED", container("STOPPED", Some(3)));
        let (_, drafts) = derive(Kind::Task, Some(&fp4), false, &exited, NOW, 11);
        assert_eq!(drafts.len(), 1);
        assert_eq!(drafts[0].detail["containers"][0]["exitCode"], 3);
    }

    #[test]
    fn instance_events() {
        let rec = |connected: bool, running: i32| {
            json!({"instance": {
                "containerInstanceArn": "arn:aws:ecs:us-east-1:123456789012:container-instance/default/i1",
                "status": "ACTIVE", "agentConnected": connected,
                "runningTasksCount": running, "pendingTasksCount": 0,
                "registeredAt": 1_700_000_000.0,
                "remainingResources": [{"name": "CPU", "type": "INTEGER", "integerValue": 1024}],
            }})
        };
        let (fp, d) = derive(Kind::Instance, None, true, &rec(true, 0), NOW, 1);
        assert_eq!(d[0].detail_type, INSTANCE_STATE_CHANGE);
        assert_eq!(d[0].detail["registeredAt"], "2023-11-14T22:13:20.000Z");
        let (fp, d) = derive(Kind::Instance, Some(&fp), false, &rec(true, 0), NOW, 2);
        assert!(d.is_empty());
        let (fp, d) = derive(Kind::Instance, Some(&fp), false, &rec(false, 0), NOW, 3);
        assert_eq!(d[0].detail["agentConnected"], false);
        let (_, d) = derive(Kind::Instance, Some(&fp), false, &rec(false, 1), NOW, 4);
        assert_eq!(d.len(), 1);
    }

    fn service(desired: i32, events: Value, deployments: Value) -> Value {
        json!({"service": {
            "serviceArn": "arn:aws:ecs:us-east-1:123456789012:service/default/web",
            "clusterArn": "arn:aws:ecs:us-east-1:123456789012:cluster/default",
            "desiredCount": desired, "events": events, "deployments": deployments,
        }, "cluster": "default"})
    }

    #[test]
    fn service_actions_and_deployments() {
        let dep = |rollout: &str| json!([{"id": "ecs-svc/1", "status": "PRIMARY", "rolloutState": rollout, "rolloutStateReason": "ECS deployment ecs-svc/1 completed."}]);
        let created = service(2, json!([]), dep("IN_PROGRESS"));
        let (fp, d) = derive(Kind::Service, None, true, &created, NOW, 1);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].detail_type, DEPLOYMENT_STATE_CHANGE);
        assert_eq!(d[0].detail["eventName"], "SERVICE_DEPLOYMENT_IN_PROGRESS");
        assert_eq!(d[0].detail["deploymentId"], "ecs-svc/1");

        // An informational message is no action; a placement failure is.
        let events = json!([
            {"id": "e2", "createdAt": NOW, "message": "(service web) was unable to place a task because no container instance met all of its requirements. The closest matching (container-instance abc) has insufficient memory available."},
            {"id": "e1", "createdAt": NOW, "message": "(service web) has started 2 tasks: (task a) (task b)."},
        ]);
        let (fp, d) = derive(
            Kind::Service,
            Some(&fp),
            false,
            &service(2, events.clone(), dep("IN_PROGRESS")),
            NOW,
            2,
        );
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].detail_type, SERVICE_ACTION);
        assert_eq!(d[0].detail["eventType"], "ERROR");
        assert_eq!(d[0].detail["eventName"], "SERVICE_TASK_PLACEMENT_FAILURE");
        assert_eq!(d[0].detail["reasons"], json!(["RESOURCE:MEMORY"]));

        // Completed + steady state + desired count: three events, each once.
        let mut more = vec![
            json!({"id": "e3", "createdAt": NOW, "message": "(service web) has reached a steady state."}),
        ];
        more.extend(events.as_array().unwrap().iter().cloned());
        let rec = service(3, Value::Array(more), dep("COMPLETED"));
        let (fp, d) = derive(Kind::Service, Some(&fp), false, &rec, NOW, 3);
        let names: Vec<&str> = d
            .iter()
            .map(|d| d.detail["eventName"].as_str().unwrap())
            .collect();
        assert_eq!(
            names,
            vec![
                "SERVICE_DESIRED_COUNT_UPDATED",
                "SERVICE_STEADY_STATE",
                "SERVICE_DEPLOYMENT_COMPLETED"
            ]
        );
        let (_, d) = derive(Kind::Service, Some(&fp), false, &rec, NOW, 4);
        assert!(d.is_empty());

        // A service the cache forgot: nothing it already holds is news.
        let (_, d) = derive(Kind::Service, None, false, &rec, NOW, 5);
        assert!(d.is_empty(), "{d:?}");
    }

    #[test]
    fn hub_ring_is_bounded_and_filters() {
        let hub = EventHub::new(Partition::new("123456789012", "us-east-1"), 3);
        for i in 0..5 {
            let cluster = if i % 2 == 0 { "a" } else { "b" };
            hub.publish(
                cluster,
                Draft {
                    detail_type: TASK_STATE_CHANGE,
                    resource: format!("r{i}"),
                    detail: json!({}),
                },
                NOW + f64::from(i),
            );
        }
        let all = hub.read(0, i64::MIN, None, 100);
        assert_eq!(all.iter().map(|e| e.seq).collect::<Vec<_>>(), vec![3, 4, 5]);
        let a = hub.read(0, i64::MIN, Some("a"), 100);
        assert_eq!(a.iter().map(|e| e.seq).collect::<Vec<_>>(), vec![3, 5]);
        assert_eq!(hub.read(4, i64::MIN, None, 100).len(), 1);
        let since = ((NOW + 4.0) * 1000.0) as i64;
        assert_eq!(hub.read(0, since, None, 100).len(), 1);
        let v: Value = serde_json::from_str(all[0].json.get()).unwrap();
        assert_eq!(v["version"], "0");
        assert_eq!(v["source"], "aws.ecs");
        assert_eq!(v["detail-type"], TASK_STATE_CHANGE);
        assert_eq!(v["account"], "123456789012");
        assert_eq!(v["region"], "us-east-1");
        assert_eq!(v["resources"], json!(["r2"]));
        assert_eq!(v["time"], "2023-11-14T22:13:22Z");
    }

    #[tokio::test]
    async fn followers_end_when_the_hub_closes() {
        use futures::StreamExt;
        let hub = Arc::new(EventHub::new(
            Partition::new("123456789012", "us-east-1"),
            10,
        ));
        let q = parse_query(Some("follow=true"), None).unwrap();
        let body = axum::body::Body::new(sse_response(hub.clone(), q).into_response().into_body());
        let mut frames = body.into_data_stream();
        hub.publish(
            "default",
            Draft {
                detail_type: TASK_STATE_CHANGE,
                resource: "r".into(),
                detail: json!({}),
            },
            NOW,
        );
        let first = frames.next().await.unwrap().unwrap();
        let text = String::from_utf8(first.to_vec()).unwrap();
        assert!(text.starts_with("id: 1\ndata: {"), "{text}");
        hub.close();
        assert!(frames.next().await.is_none(), "the stream ends");
    }

    #[test]
    fn cache_is_bounded() {
        let mut c = Cache::new(2);
        for k in ["a", "b", "c"] {
            c.put(k, Fingerprint::Task(json!(k)));
        }
        assert_eq!(c.len(), 2);
        assert!(c.get("a").is_none());
        c.remove("b");
        for i in 0..10 {
            c.put(&format!("k{i}"), Fingerprint::Task(json!(i)));
            c.remove(&format!("k{i}"));
        }
        assert!(c.order.len() <= 4);
    }

    #[test]
    fn apply_forgets_stopped_tasks_and_deletes() {
        let hub = EventHub::new(Partition::new("123456789012", "us-east-1"), 100);
        let mut cache = Cache::new(100);
        let put = |rec: &Value, create: u64, rev: u64| WatchEvent {
            kind: EventKind::Put,
            kv: gantry_store::KeyValue {
                key: "tasks/default/abc".into(),
                value: serde_json::to_vec(rec).unwrap(),
                create_revision: create,
                mod_revision: rev,
            },
        };
        apply(
            &hub,
            &mut cache,
            &put(&task("PENDING", "RUNNING", json!([])), 1, 1),
            NOW,
        );
        apply(
            &hub,
            &mut cache,
            &put(&task("PENDING", "RUNNING", json!([])), 1, 2),
            NOW,
        );
        apply(
            &hub,
            &mut cache,
            &put(&task("STOPPED", "STOPPED", json!([])), 1, 3),
            NOW,
        );
        assert!(cache.is_empty());
        let got: Vec<Value> = hub
            .read(0, i64::MIN, Some("default"), 10)
            .iter()
            .map(|e| serde_json::from_str(e.json.get()).unwrap())
            .collect();
        let statuses: Vec<&str> = got
            .iter()
            .map(|e| e["detail"]["lastStatus"].as_str().unwrap())
            .collect();
        assert_eq!(statuses, vec!["PENDING", "STOPPED"]);
    }

    /// A task's or an instance's change, published unrendered by `apply`,
    /// reads as what `derive` and `publish` make of the same write (but for
    /// the event id), and the same text at every read.
    #[test]
    fn unrendered_events_read_as_derived_ones() {
        let instance = json!({"instance": {
            "containerInstanceArn": "arn:aws:ecs:us-east-1:123456789012:container-instance/default/i1",
            "status": "ACTIVE",
            "agentConnected": true,
            "registeredAt": 1_700_000_000.125,
        }, "cluster": "default", "id": "i1"});
        let cases = [
            (
                Kind::Task,
                "tasks/default/abc",
                task("PENDING", "RUNNING", container("PENDING", None)),
            ),
            (Kind::Instance, "instances/default/i1", instance),
        ];
        for (kind, key, rec) in cases {
            let hub = EventHub::new(Partition::new("123456789012", "us-east-1"), 10);
            let mut cache = Cache::new(10);
            let ev = WatchEvent {
                kind: EventKind::Put,
                kv: gantry_store::KeyValue {
                    key: key.into(),
                    value: serde_json::to_vec(&rec).unwrap(),
                    create_revision: 7,
                    mod_revision: 7,
                },
            };
            apply(&hub, &mut cache, &ev, NOW);
            let (fp, drafts) = derive(kind, None, true, &rec, NOW, 7);
            assert_eq!(cache.get(key), Some(&fp));
            assert_eq!(drafts.len(), 1);
            let reference = EventHub::new(Partition::new("123456789012", "us-east-1"), 10);
            for d in drafts {
                reference.publish("default", d, NOW);
            }
            let read = hub.read(0, i64::MIN, None, 10);
            assert_eq!(read.len(), 1);
            let first = read[0].json.get().to_string();
            let mut got: Value = serde_json::from_str(&first).unwrap();
            let mut want: Value =
                serde_json::from_str(reference.read(0, i64::MIN, None, 10)[0].json.get()).unwrap();
            assert!(got["id"].as_str().is_some_and(|id| id.len() == 36));
            got["id"] = Value::Null;
            want["id"] = Value::Null;
            assert_eq!(got, want);
            assert_eq!(hub.read(0, i64::MIN, None, 10)[0].json.get(), first);
            // An unchanged fingerprint publishes nothing more.
            apply(&hub, &mut cache, &ev, NOW);
            assert_eq!(hub.read(0, i64::MIN, None, 10).len(), 1);
        }
    }

    #[test]
    fn query_parsing() {
        let q = parse_query(Some("cluster=arn%3Aaws%3Aecs%3Aus-east-1%3A123456789012%3Acluster%2Fc1&since=1700000000&follow=true"), None).unwrap();
        assert_eq!(q.cluster.as_deref(), Some("c1"));
        assert_eq!(q.since_ms, 1_700_000_000_000);
        assert!(q.follow);
        assert_eq!(parse_query(None, Some("42")).unwrap().after, 42);
        assert!(parse_query(Some("since=soon"), None).is_err());
        assert!(parse_query(Some("follow=maybe"), None).is_err());
    }
}
