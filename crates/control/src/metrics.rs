//! Prometheus metrics of the control plane, served in the text exposition
//! format (0.0.4) at `GET /metrics` (unauthenticated, like `/healthz`).
//!
//! Counters and histograms live in one process-wide [`ControlMetrics`]
//! ([`global`]) that the hot paths bump (HTTP middleware, `Repo::commit`, the
//! service reconciler, PutLogEvents). Gauges describing the state (tasks,
//! services, container instances) are computed at scrape time from the store
//! ([`render`]: one range read per record kind). Other components of the
//! same process (the agent of `gantry up`) add their own text with
//! [`add_extra`].
//!
//! | series | type | labels |
//! |---|---|---|
//! | `gantry_api_requests_total` | counter | `service`, `operation`, `code` |
//! | `gantry_api_request_duration_seconds` | histogram | `service`, `operation`, `code` |
//! | `gantry_agent_syncs_total` | counter | `code` |
//! | `gantry_tasks` | gauge | `cluster`, `last_status`, `launch_type` |
//! | `gantry_service_desired_tasks` / `_running_tasks` / `_pending_tasks` | gauge | `cluster`, `service` |
//! | `gantry_container_instances` | gauge | `cluster`, `status`, `agent_connected` |
//! | `gantry_service_scheduler_pass_duration_seconds` | histogram | |
//! | `gantry_service_scheduler_tasks_placed_total` / `_tasks_stopped_total` | counter | |
//! | `gantry_store_commit_duration_seconds` | histogram | `outcome` |
//! | `gantry_logs_ingested_bytes_total` / `gantry_logs_ingested_events_total` | counter | |

use crate::ecs::services::ServiceRecord;
use crate::ecs::EcsService;
use crate::state::{InstanceRecord, TaskRecord, Versioned};
use gantry_api_types::ApiError;
use prometheus::{
    Encoder, Histogram, HistogramOpts, HistogramVec, IntCounter, IntCounterVec, IntGaugeVec, Opts,
    Registry, TextEncoder,
};
use std::collections::{BTreeMap, HashSet};
use std::sync::{Arc, LazyLock, Mutex};
use std::time::Duration;

/// `Content-Type` of the text exposition format.
pub const CONTENT_TYPE: &str = "text/plain; version=0.0.4; charset=utf-8";

/// Distinct `(service, operation)` label pairs kept before further ones are
/// counted as `operation="Other"` (unknown targets are client-controlled).
pub const MAX_OPERATIONS: usize = 1024;

/// Latency buckets (seconds) of API calls and store commits.
const LATENCY_BUCKETS: &[f64] = &[
    0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0,
];

type Extra = Arc<dyn Fn() -> String + Send + Sync>;

/// The control plane's metric families.
pub struct ControlMetrics {
    registry: Registry,
    api_requests: IntCounterVec,
    api_latency: HistogramVec,
    agent_syncs: IntCounterVec,
    tasks: IntGaugeVec,
    service_desired: IntGaugeVec,
    service_running: IntGaugeVec,
    service_pending: IntGaugeVec,
    instances: IntGaugeVec,
    scheduler_pass: Histogram,
    tasks_placed: IntCounter,
    tasks_stopped: IntCounter,
    store_commit: HistogramVec,
    log_bytes: IntCounter,
    log_events: IntCounter,
    operations: Mutex<HashSet<(String, String)>>,
    /// Serialises scrapes (the state gauges are reset and refilled).
    scrape: tokio::sync::Mutex<()>,
    extras: Mutex<Vec<Extra>>,
}

fn counter_vec(r: &Registry, name: &str, help: &str, labels: &[&str]) -> IntCounterVec {
    let c = IntCounterVec::new(Opts::new(name, help), labels).expect("valid metric");
    r.register(Box::new(c.clone())).expect("unique metric");
    c
}

fn counter(r: &Registry, name: &str, help: &str) -> IntCounter {
    let c = IntCounter::new(name, help).expect("valid metric");
    r.register(Box::new(c.clone())).expect("unique metric");
    c
}

fn gauge_vec(r: &Registry, name: &str, help: &str, labels: &[&str]) -> IntGaugeVec {
    let g = IntGaugeVec::new(Opts::new(name, help), labels).expect("valid metric");
    r.register(Box::new(g.clone())).expect("unique metric");
    g
}

fn histogram_vec(
    r: &Registry,
    name: &str,
    help: &str,
    buckets: &[f64],
    labels: &[&str],
) -> HistogramVec {
    let h = HistogramVec::new(
        HistogramOpts::new(name, help).buckets(buckets.to_vec()),
        labels,
    )
    .expect("valid metric");
    r.register(Box::new(h.clone())).expect("unique metric");
    h
}

impl Default for ControlMetrics {
    fn default() -> Self {
        Self::new()
    }
}

impl ControlMetrics {
    pub fn new() -> Self {
        let r = Registry::new();
        let scheduler_pass = Histogram::with_opts(
            HistogramOpts::new(
                "gantry_service_scheduler_pass_duration_seconds",
                "Duration of service scheduler passes.",
            )
            .buckets(LATENCY_BUCKETS.to_vec()),
        )
        .expect("valid metric");
        r.register(Box::new(scheduler_pass.clone()))
            .expect("unique metric");
        ControlMetrics {
            api_requests: counter_vec(
                &r,
                "gantry_api_requests_total",
                "API calls answered, by service, operation and error code (OK on success).",
                &["service", "operation", "code"],
            ),
            api_latency: histogram_vec(
                &r,
                "gantry_api_request_duration_seconds",
                "Time to answer API calls, by service, operation and error code.",
                LATENCY_BUCKETS,
                &["service", "operation", "code"],
            ),
            agent_syncs: counter_vec(
                &r,
                "gantry_agent_syncs_total",
                "Agent sync calls (long polls) answered, by error code (OK on success).",
                &["code"],
            ),
            tasks: gauge_vec(
                &r,
                "gantry_tasks",
                "Stored tasks by cluster, last status and launch type.",
                &["cluster", "last_status", "launch_type"],
            ),
            service_desired: gauge_vec(
                &r,
                "gantry_service_desired_tasks",
                "Desired task count of each service.",
                &["cluster", "service"],
            ),
            service_running: gauge_vec(
                &r,
                "gantry_service_running_tasks",
                "Running task count of each service.",
                &["cluster", "service"],
            ),
            service_pending: gauge_vec(
                &r,
                "gantry_service_pending_tasks",
                "Pending task count of each service.",
                &["cluster", "service"],
            ),
            instances: gauge_vec(
                &r,
                "gantry_container_instances",
                "Container instances by cluster, status and whether their agent is connected.",
                &["cluster", "status", "agent_connected"],
            ),
            scheduler_pass,
            tasks_placed: counter(
                &r,
                "gantry_service_scheduler_tasks_placed_total",
                "Tasks the service scheduler launched.",
            ),
            tasks_stopped: counter(
                &r,
                "gantry_service_scheduler_tasks_stopped_total",
                "Tasks the service scheduler stopped.",
            ),
            store_commit: histogram_vec(
                &r,
                "gantry_store_commit_duration_seconds",
                "Store transaction commit latency, by outcome (committed, conflict, error).",
                LATENCY_BUCKETS,
                &["outcome"],
            ),
            log_bytes: counter(
                &r,
                "gantry_logs_ingested_bytes_total",
                "Message bytes of log events accepted by PutLogEvents.",
            ),
            log_events: counter(
                &r,
                "gantry_logs_ingested_events_total",
                "Log events accepted by PutLogEvents.",
            ),
            registry: r,
            operations: Mutex::new(HashSet::new()),
            scrape: tokio::sync::Mutex::new(()),
            extras: Mutex::new(Vec::new()),
        }
    }

    /// One answered API call. `operation` is bounded to [`MAX_OPERATIONS`]
    /// distinct values (then `Other`).
    pub fn api_call(&self, service: &str, operation: &str, code: &str, elapsed: Duration) {
        let operation = self.bounded_operation(service, operation);
        let labels = [service, operation.as_str(), code];
        self.api_requests.with_label_values(&labels).inc();
        self.api_latency
            .with_label_values(&labels)
            .observe(elapsed.as_secs_f64());
    }

    fn bounded_operation(&self, service: &str, operation: &str) -> String {
        let sane = !operation.is_empty()
            && operation.len() <= 64
            && operation.bytes().all(|b| b.is_ascii_alphanumeric());
        if !sane {
            return "Other".to_string();
        }
        let mut seen = self.operations.lock().unwrap_or_else(|e| e.into_inner());
        let key = (service.to_string(), operation.to_string());
        if seen.contains(&key) {
            return key.1;
        }
        if seen.len() >= MAX_OPERATIONS {
            return "Other".to_string();
        }
        seen.insert(key.clone());
        key.1
    }

    /// One answered agent sync.
    pub fn agent_sync(&self, code: &str) {
        self.agent_syncs.with_label_values(&[code]).inc();
    }

    /// One service scheduler pass.
    pub fn scheduler_pass(&self, elapsed: Duration) {
        self.scheduler_pass.observe(elapsed.as_secs_f64());
    }

    pub fn tasks_placed(&self, n: usize) {
        self.tasks_placed.inc_by(n as u64);
    }

    pub fn tasks_stopped(&self, n: usize) {
        self.tasks_stopped.inc_by(n as u64);
    }

    /// One store commit: `Ok(true)` committed, `Ok(false)` a failed compare.
    pub fn store_commit<E>(&self, result: &Result<bool, E>, elapsed: Duration) {
        let outcome = match result {
            Ok(true) => "committed",
            Ok(false) => "conflict",
            Err(_) => "error",
        };
        self.store_commit
            .with_label_values(&[outcome])
            .observe(elapsed.as_secs_f64());
    }

    /// Log events accepted by PutLogEvents.
    pub fn logs_ingested(&self, events: usize, bytes: usize) {
        self.log_events.inc_by(events as u64);
        self.log_bytes.inc_by(bytes as u64);
    }

    /// Text appended to every scrape (e.g. the in-process agent's metrics).
    pub fn add_extra(&self, f: impl Fn() -> String + Send + Sync + 'static) {
        self.extras
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(Arc::new(f));
    }

    /// Sets the state gauges from stored records (previous values dropped).
    pub fn set_state(
        &self,
        tasks: &[Versioned<TaskRecord>],
        services: &[Versioned<ServiceRecord>],
        instances: &[Versioned<Arc<InstanceRecord>>],
    ) {
        let mut by_status: BTreeMap<[String; 3], i64> = BTreeMap::new();
        for t in tasks {
            let task = &t.value.task;
            let launch_type = task
                .launch_type
                .as_ref()
                .map_or("EC2", |l| l.as_str())
                .to_string();
            let status = task.last_status.clone().unwrap_or_default();
            *by_status
                .entry([t.value.cluster.clone(), status, launch_type])
                .or_default() += 1;
        }
        self.tasks.reset();
        for (labels, n) in by_status {
            let labels: Vec<&str> = labels.iter().map(String::as_str).collect();
            self.tasks.with_label_values(&labels).set(n);
        }
        self.service_desired.reset();
        self.service_running.reset();
        self.service_pending.reset();
        for s in services {
            let svc = &s.value.service;
            let name = svc.service_name.as_deref().unwrap_or_default();
            let labels = [s.value.cluster.as_str(), name];
            let count = |c: Option<i32>| i64::from(c.unwrap_or(0));
            self.service_desired
                .with_label_values(&labels)
                .set(count(svc.desired_count));
            self.service_running
                .with_label_values(&labels)
                .set(count(svc.running_count));
            self.service_pending
                .with_label_values(&labels)
                .set(count(svc.pending_count));
        }
        self.instances.reset();
        for i in instances {
            let inst = &i.value.instance;
            let connected = if inst.agent_connected.unwrap_or(false) {
                "true"
            } else {
                "false"
            };
            self.instances
                .with_label_values(&[
                    i.value.cluster.as_str(),
                    inst.status.as_deref().unwrap_or_default(),
                    connected,
                ])
                .inc();
        }
    }

    /// The registry in the text format (without extras).
    pub fn encode(&self) -> String {
        let mut buf = Vec::new();
        if let Err(e) = TextEncoder::new().encode(&self.registry.gather(), &mut buf) {
            tracing::error!(error = %e, "cannot encode metrics");
        }
        String::from_utf8(buf).unwrap_or_default()
    }

    fn extras(&self) -> String {
        let extras: Vec<Extra> = self
            .extras
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone();
        extras.iter().map(|f| f()).collect()
    }
}

static GLOBAL: LazyLock<ControlMetrics> = LazyLock::new(ControlMetrics::new);

/// The process-wide control-plane metrics.
pub fn global() -> &'static ControlMetrics {
    &GLOBAL
}

/// Appends `f`'s text to every `/metrics` answer of this process.
pub fn add_extra(f: impl Fn() -> String + Send + Sync + 'static) {
    global().add_extra(f);
}

/// The whole `/metrics` answer: registry (state gauges refreshed from the
/// store), Fargate usage counters, extras.
pub async fn render(ecs: &EcsService) -> Result<String, ApiError> {
    render_with(global(), ecs).await
}

/// [`render`] over a given metrics set (tests).
pub async fn render_with(m: &ControlMetrics, ecs: &EcsService) -> Result<String, ApiError> {
    let _scrape = m.scrape.lock().await;
    let tasks: Vec<Versioned<TaskRecord>> = ecs.repo.list("tasks/").await?;
    let services: Vec<Versioned<ServiceRecord>> = ecs.repo.list("services/").await?;
    let instances: Vec<Versioned<Arc<InstanceRecord>>> =
        ecs.repo.list_instances("instances/").await?;
    m.set_state(&tasks, &services, &instances);
    let mut out = m.encode();
    out.push_str(&ecs.metrics_text().await?);
    out.push_str(&m.extras());
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Value of the sample `name{labels}` in `text` (labels in registry
    /// order, as rendered).
    fn sample(text: &str, name_and_labels: &str) -> Option<f64> {
        text.lines().filter(|l| !l.starts_with('#')).find_map(|l| {
            let (k, v) = l.rsplit_once(' ')?;
            (k == name_and_labels).then(|| v.parse().ok())?
        })
    }

    #[test]
    fn api_calls_render_and_move() {
        let m = ControlMetrics::new();
        let key = r#"gantry_api_requests_total{code="OK",operation="ListClusters",service="ecs"}"#;
        assert_eq!(sample(&m.encode(), key), None);
        m.api_call("ecs", "ListClusters", "OK", Duration::from_millis(3));
        m.api_call("ecs", "ListClusters", "OK", Duration::from_millis(30));
        m.api_call(
            "ecs",
            "DescribeServices",
            "ClusterNotFoundException",
            Duration::from_millis(1),
        );
        let text = m.encode();
        assert!(text.contains("# TYPE gantry_api_requests_total counter"));
        assert!(text.contains("# TYPE gantry_api_request_duration_seconds histogram"));
        assert_eq!(sample(&text, key), Some(2.0));
        assert_eq!(
            sample(
                &text,
                r#"gantry_api_requests_total{code="ClusterNotFoundException",operation="DescribeServices",service="ecs"}"#
            ),
            Some(1.0)
        );
        assert_eq!(
            sample(
                &text,
                r#"gantry_api_request_duration_seconds_count{code="OK",operation="ListClusters",service="ecs"}"#
            ),
            Some(2.0)
        );
        // 3 ms lands in le=0.005, 30 ms only from le=0.05.
        assert_eq!(
            sample(
                &text,
                r#"gantry_api_request_duration_seconds_bucket{code="OK",operation="ListClusters",service="ecs",le="0.005"}"#
            ),
            Some(1.0)
        );
        assert_eq!(
            sample(
                &text,
                r#"gantry_api_request_duration_seconds_bucket{code="OK",operation="ListClusters",service="ecs",le="0.05"}"#
            ),
            Some(2.0)
        );
    }

    #[test]
    fn operation_labels_are_bounded() {
        let m = ControlMetrics::new();
        m.api_call(
            "ecs",
            "Bad Name{}",
            "UnknownOperationException",
            Duration::ZERO,
        );
        for i in 0..MAX_OPERATIONS + 5 {
            m.api_call("ecs", &format!("Op{i}"), "OK", Duration::ZERO);
        }
        let text = m.encode();
        assert_eq!(
            sample(
                &text,
                r#"gantry_api_requests_total{code="UnknownOperationException",operation="Other",service="ecs"}"#
            ),
            Some(1.0)
        );
        assert_eq!(
            sample(
                &text,
                r#"gantry_api_requests_total{code="OK",operation="Other",service="ecs"}"#
            ),
            Some(5.0)
        );
    }

    #[test]
    fn counters_and_commits() {
        let m = ControlMetrics::new();
        m.logs_ingested(3, 120);
        m.logs_ingested(1, 5);
        m.tasks_placed(2);
        m.tasks_stopped(1);
        m.agent_sync("OK");
        m.scheduler_pass(Duration::from_millis(2));
        m.store_commit::<()>(&Ok(true), Duration::from_millis(1));
        m.store_commit::<()>(&Ok(false), Duration::from_millis(1));
        let text = m.encode();
        assert_eq!(
            sample(&text, "gantry_logs_ingested_events_total"),
            Some(4.0)
        );
        assert_eq!(
            sample(&text, "gantry_logs_ingested_bytes_total"),
            Some(125.0)
        );
        assert_eq!(
            sample(&text, "gantry_service_scheduler_tasks_placed_total"),
            Some(2.0)
        );
        assert_eq!(
            sample(&text, "gantry_service_scheduler_tasks_stopped_total"),
            Some(1.0)
        );
        assert_eq!(
            sample(&text, r#"gantry_agent_syncs_total{code="OK"}"#),
            Some(1.0)
        );
        assert_eq!(
            sample(
                &text,
                "gantry_service_scheduler_pass_duration_seconds_count"
            ),
            Some(1.0)
        );
        assert_eq!(
            sample(
                &text,
                r#"gantry_store_commit_duration_seconds_count{outcome="conflict"}"#
            ),
            Some(1.0)
        );
    }

    #[tokio::test]
    async fn scrape_reads_state_from_the_store() {
        use crate::http::{RequestContext, ServiceHandler};
        use serde_json::json;
        let ecs_svc = EcsService::new(
            crate::state::Repo::new(Arc::new(gantry_store::memory::MemoryStore::new())),
            gantry_model::arn::Partition {
                account_id: "123456789012".into(),
                region: "us-east-1".into(),
            },
            Arc::new(crate::clock::SystemClock),
            Arc::new(crate::hosts::HostNotifier::new()),
        );
        let ctx = RequestContext {
            request_id: "test".into(),
            principal: crate::auth::Principal::root("123456789012", "AKIDTEST"),
            source_ip: None,
        };
        let call = |op: &'static str, body: serde_json::Value| {
            let ctx = ctx.clone();
            let ecs_svc = &ecs_svc;
            async move {
                ecs_svc
                    .handle(&ctx, op, bytes::Bytes::from(body.to_string()))
                    .await
                    .unwrap_or_else(|e| panic!("{op}: {e}"))
            }
        };
        let m = ControlMetrics::new();
        m.add_extra(|| "# extra\nagent_thing 1\n".to_string());
        let text = render_with(&m, &ecs_svc).await.unwrap();
        assert_eq!(sample(&text, "agent_thing"), Some(1.0));
        assert!(!text.contains("gantry_tasks{"));
        // Fargate usage counters stay in the output.
        assert!(text.contains("gantry_fargate_vcpu_seconds_total"));

        call("CreateCluster", json!({"clusterName": "prod"})).await;
        call(
            "RegisterTaskDefinition",
            json!({"family": "web", "containerDefinitions": [
                {"name": "app", "image": "busybox", "memory": 64}]}),
        )
        .await;
        // No container instance: the service stays at 0 running, 1 desired.
        call(
            "CreateService",
            json!({"cluster": "prod", "serviceName": "web", "taskDefinition": "web",
                "desiredCount": 1}),
        )
        .await;
        let text = render_with(&m, &ecs_svc).await.unwrap();
        assert_eq!(
            sample(
                &text,
                r#"gantry_service_desired_tasks{cluster="prod",service="web"}"#
            ),
            Some(1.0)
        );
        assert_eq!(
            sample(
                &text,
                r#"gantry_service_running_tasks{cluster="prod",service="web"}"#
            ),
            Some(0.0)
        );
    }
}
