//! Prometheus metrics of the host agent (text exposition format 0.0.4).
//!
//! One process-wide [`AgentMetrics`] ([`global`]):
//!
//! | series | type | labels |
//! |---|---|---|
//! | `gantry_agent_docker_request_duration_seconds` | histogram | `operation`, `outcome` |
//! | `gantry_agent_reconcile_pass_duration_seconds` | histogram | |
//! | `gantry_agent_desired_tasks` | gauge | |
//! | `gantry_agent_tasks` | gauge | `last_status` |
//! | `gantry_agent_container_exits_total` | counter | `exit_code` |
//! | `gantry_container_cpu_usage_seconds_total` | counter | `task_id`, `container` |
//! | `gantry_container_memory_usage_bytes` | gauge | `task_id`, `container` |
//! | `gantry_container_network_receive_bytes_total` / `_transmit_bytes_total` | counter | `task_id`, `container` |
//!
//! Docker API latency comes from [`MeteredRuntime`], a [`ContainerRuntime`]
//! that times every call of the runtime it wraps. Per-container usage comes
//! from one-shot Docker stats of every running managed container, collected
//! every [`STATS_PERIOD`] by [`spawn_stats_collector`] (each call bounded by
//! [`STATS_TIMEOUT`]); series of containers that are gone are dropped.
//! `gantry agent` serves [`render`] at `--metrics-addr` ([`serve`]);
//! `gantry up` appends it to the control plane's `/metrics`.

use crate::runtime::{
    ContainerInfo, ContainerRuntime, CreateSpec, LogLine, NetworkSpec, RegistryAuth, RuntimeError,
    RuntimeState, RuntimeVersion, TaskLimits, VolumeCreate,
};
use async_trait::async_trait;
use futures::stream::BoxStream;
use gantry_agent_api::{labels, DesiredState, DesiredStatus, ObservedState};
use prometheus::{
    CounterVec, Encoder, Histogram, HistogramOpts, HistogramVec, IntCounterVec, IntGauge,
    IntGaugeVec, Opts, Registry, TextEncoder,
};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::future::Future;
use std::sync::{Arc, LazyLock, Mutex};
use std::time::{Duration, Instant};

/// `Content-Type` of the text exposition format.
pub const CONTENT_TYPE: &str = "text/plain; version=0.0.4; charset=utf-8";
/// Default `--metrics-addr` of `gantry agent`.
pub const DEFAULT_ADDR: &str = "127.0.0.1:51680";
/// How often container stats are collected.
pub const STATS_PERIOD: Duration = Duration::from_secs(10);
/// Bound of one container's stats call.
pub const STATS_TIMEOUT: Duration = Duration::from_secs(5);

const LATENCY_BUCKETS: &[f64] = &[
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0,
];

/// Usage of one container from one Docker stats sample.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct ContainerUsage {
    pub cpu_seconds: f64,
    pub memory_bytes: i64,
    pub rx_bytes: f64,
    pub tx_bytes: f64,
}

/// Reads a Docker stats document (`GET /containers/{id}/stats`). Memory is
/// the working set as `docker stats` shows it (usage minus inactive file
/// cache, or minus `cache` on older cgroup v1 engines).
pub fn parse_stats(v: &serde_json::Value) -> Option<ContainerUsage> {
    let cpu_ns = v.pointer("/cpu_stats/cpu_usage/total_usage")?.as_f64()?;
    let mem = &v["memory_stats"];
    let usage = mem["usage"].as_i64().unwrap_or(0);
    let cache = ["total_inactive_file", "inactive_file", "cache"]
        .iter()
        .find_map(|k| mem["stats"][k].as_i64())
        .unwrap_or(0);
    let (mut rx, mut tx) = (0.0, 0.0);
    if let Some(nets) = v["networks"].as_object() {
        for n in nets.values() {
            rx += n["rx_bytes"].as_f64().unwrap_or(0.0);
            tx += n["tx_bytes"].as_f64().unwrap_or(0.0);
        }
    }
    Some(ContainerUsage {
        cpu_seconds: cpu_ns / 1e9,
        memory_bytes: (usage - cache).max(0),
        rx_bytes: rx,
        tx_bytes: tx,
    })
}

/// The agent's metric families.
pub struct AgentMetrics {
    registry: Registry,
    docker: HistogramVec,
    reconcile_pass: Histogram,
    desired_tasks: IntGauge,
    tasks: IntGaugeVec,
    exits: IntCounterVec,
    cpu: CounterVec,
    memory: IntGaugeVec,
    rx: CounterVec,
    tx: CounterVec,
    /// Container id → (task id, container name, last sample).
    usage: Mutex<HashMap<String, (String, String, ContainerUsage)>>,
    /// `(task ARN, container)` whose exit was counted.
    exited: Mutex<HashSet<(String, String)>>,
}

fn reg<T: prometheus::core::Collector + Clone + 'static>(r: &Registry, c: T) -> T {
    r.register(Box::new(c.clone())).expect("unique metric");
    c
}

impl Default for AgentMetrics {
    fn default() -> Self {
        Self::new()
    }
}

impl AgentMetrics {
    pub fn new() -> Self {
        let r = Registry::new();
        let per_container = ["task_id", "container"];
        AgentMetrics {
            docker: reg(
                &r,
                HistogramVec::new(
                    HistogramOpts::new(
                        "gantry_agent_docker_request_duration_seconds",
                        "Docker Engine API call latency, by operation and outcome (ok, error).",
                    )
                    .buckets(LATENCY_BUCKETS.to_vec()),
                    &["operation", "outcome"],
                )
                .expect("valid metric"),
            ),
            reconcile_pass: reg(
                &r,
                Histogram::with_opts(
                    HistogramOpts::new(
                        "gantry_agent_reconcile_pass_duration_seconds",
                        "Duration of the agent's reconcile passes.",
                    )
                    .buckets(LATENCY_BUCKETS.to_vec()),
                )
                .expect("valid metric"),
            ),
            desired_tasks: reg(
                &r,
                IntGauge::new(
                    "gantry_agent_desired_tasks",
                    "Tasks the control plane wants running on this host.",
                )
                .expect("valid metric"),
            ),
            tasks: reg(
                &r,
                IntGaugeVec::new(
                    Opts::new(
                        "gantry_agent_tasks",
                        "Tasks known to the agent, by last status.",
                    ),
                    &["last_status"],
                )
                .expect("valid metric"),
            ),
            exits: reg(
                &r,
                IntCounterVec::new(
                    Opts::new(
                        "gantry_agent_container_exits_total",
                        "Containers that exited, by exit code.",
                    ),
                    &["exit_code"],
                )
                .expect("valid metric"),
            ),
            cpu: reg(
                &r,
                CounterVec::new(
                    Opts::new(
                        "gantry_container_cpu_usage_seconds_total",
                        "CPU time used by a running container.",
                    ),
                    &per_container,
                )
                .expect("valid metric"),
            ),
            memory: reg(
                &r,
                IntGaugeVec::new(
                    Opts::new(
                        "gantry_container_memory_usage_bytes",
                        "Memory working set of a running container.",
                    ),
                    &per_container,
                )
                .expect("valid metric"),
            ),
            rx: reg(
                &r,
                CounterVec::new(
                    Opts::new(
                        "gantry_container_network_receive_bytes_total",
                        "Bytes received by a running container's interfaces.",
                    ),
                    &per_container,
                )
                .expect("valid metric"),
            ),
            tx: reg(
                &r,
                CounterVec::new(
                    Opts::new(
                        "gantry_container_network_transmit_bytes_total",
                        "Bytes sent by a running container's interfaces.",
                    ),
                    &per_container,
                )
                .expect("valid metric"),
            ),
            registry: r,
            usage: Mutex::new(HashMap::new()),
            exited: Mutex::new(HashSet::new()),
        }
    }

    /// One Docker API call.
    pub fn docker_call(&self, operation: &str, ok: bool, elapsed: Duration) {
        self.docker
            .with_label_values(&[operation, if ok { "ok" } else { "error" }])
            .observe(elapsed.as_secs_f64());
    }

    /// One reconcile pass.
    pub fn reconcile_pass(&self, elapsed: Duration) {
        self.reconcile_pass.observe(elapsed.as_secs_f64());
    }

    /// Task gauges and container exits from the agent's desired and
    /// observed state (exits are counted once per task container).
    pub fn observe(&self, desired: Option<&DesiredState>, observed: &ObservedState) {
        let want = desired.map_or(0, |d| {
            d.tasks
                .iter()
                .filter(|t| t.desired_status == DesiredStatus::Running)
                .count()
        });
        self.desired_tasks.set(want as i64);
        let mut by_status: BTreeMap<String, i64> = BTreeMap::new();
        let mut exited = self.exited.lock().unwrap_or_else(|e| e.into_inner());
        let mut present = HashSet::new();
        for t in &observed.tasks {
            let status = serde_json::to_value(t.last_status)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default();
            *by_status.entry(status).or_default() += 1;
            for c in &t.containers {
                let key = (t.task_arn.clone(), c.name.clone());
                if let Some(code) = c.exit_code {
                    if !exited.contains(&key) {
                        self.exits.with_label_values(&[&code.to_string()]).inc();
                        exited.insert(key.clone());
                    }
                }
                present.insert(key);
            }
        }
        exited.retain(|k| present.contains(k));
        self.tasks.reset();
        for (status, n) in by_status {
            self.tasks.with_label_values(&[&status]).set(n);
        }
    }

    /// Per-container usage from a round of stats samples (container id →
    /// (task id, container name, usage)); containers not in `samples` are
    /// dropped.
    pub fn set_usage(&self, samples: HashMap<String, (String, String, ContainerUsage)>) {
        let mut last = self.usage.lock().unwrap_or_else(|e| e.into_inner());
        for (id, (task, name, _)) in last.iter() {
            if !samples.contains_key(id) {
                let labels = [task.as_str(), name.as_str()];
                let _ = self.cpu.remove_label_values(&labels);
                let _ = self.memory.remove_label_values(&labels);
                let _ = self.rx.remove_label_values(&labels);
                let _ = self.tx.remove_label_values(&labels);
            }
        }
        for (id, (task, name, u)) in &samples {
            let prev = last.get(id).map(|(_, _, p)| *p).unwrap_or_default();
            // A counter that went backwards restarted from zero.
            let delta = |cur: f64, before: f64| if cur >= before { cur - before } else { cur };
            let labels = [task.as_str(), name.as_str()];
            self.cpu
                .with_label_values(&labels)
                .inc_by(delta(u.cpu_seconds, prev.cpu_seconds));
            self.rx
                .with_label_values(&labels)
                .inc_by(delta(u.rx_bytes, prev.rx_bytes));
            self.tx
                .with_label_values(&labels)
                .inc_by(delta(u.tx_bytes, prev.tx_bytes));
            self.memory.with_label_values(&labels).set(u.memory_bytes);
        }
        *last = samples;
    }

    /// The registry in the text format.
    pub fn render(&self) -> String {
        let mut buf = Vec::new();
        if let Err(e) = TextEncoder::new().encode(&self.registry.gather(), &mut buf) {
            tracing::error!(error = %e, "cannot encode metrics");
        }
        String::from_utf8(buf).unwrap_or_default()
    }
}

static GLOBAL: LazyLock<AgentMetrics> = LazyLock::new(AgentMetrics::new);

/// The process-wide agent metrics.
pub fn global() -> &'static AgentMetrics {
    &GLOBAL
}

/// [`global`] in the text format.
pub fn render() -> String {
    global().render()
}

/// Serves `GET /metrics` (unauthenticated) on `listener` until `shutdown`.
pub async fn serve(
    listener: tokio::net::TcpListener,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    use axum::routing::get;
    let app = axum::Router::new().route(
        "/metrics",
        get(|| async { ([(axum::http::header::CONTENT_TYPE, CONTENT_TYPE)], render()) }),
    );
    axum::serve(listener, app)
        .with_graceful_shutdown(shutdown)
        .await
}

/// One round of stats over every running managed container.
pub async fn collect_stats(runtime: &dyn ContainerRuntime, m: &AgentMetrics) {
    let containers = match runtime.list(&[(labels::MANAGED, "true")]).await {
        Ok(c) => c,
        Err(e) => {
            tracing::debug!(error = %e, "cannot list containers for stats");
            return;
        }
    };
    let running: Vec<ContainerInfo> = containers
        .into_iter()
        .filter(|c| c.state == RuntimeState::Running)
        .collect();
    let samples = futures::future::join_all(running.iter().map(|c| async move {
        let stats = tokio::time::timeout(STATS_TIMEOUT, runtime.stats(&c.id)).await;
        let usage = match stats {
            Ok(Ok(Some(v))) => parse_stats(&v),
            _ => None,
        }?;
        let task = c
            .labels
            .get(labels::TASK_ARN)
            .map(|a| a.rsplit('/').next().unwrap_or(a).to_string())
            .unwrap_or_default();
        let name = c
            .labels
            .get(labels::CONTAINER_NAME)
            .cloned()
            .unwrap_or_else(|| c.name.clone());
        Some((c.id.clone(), (task, name, usage)))
    }))
    .await;
    m.set_usage(samples.into_iter().flatten().collect());
}

/// Collects container stats into [`global`] every [`STATS_PERIOD`] until
/// the returned handle is aborted.
pub fn spawn_stats_collector(runtime: Arc<dyn ContainerRuntime>) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(STATS_PERIOD);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tick.tick().await;
            collect_stats(&*runtime, global()).await;
        }
    })
}

/// A [`ContainerRuntime`] that times every call of `inner` into
/// `gantry_agent_docker_request_duration_seconds` (streams are not timed).
pub struct MeteredRuntime {
    inner: Arc<dyn ContainerRuntime>,
    metrics: &'static AgentMetrics,
}

impl MeteredRuntime {
    /// Wraps `inner`, recording into [`global`].
    pub fn new(inner: Arc<dyn ContainerRuntime>) -> Self {
        MeteredRuntime {
            inner,
            metrics: global(),
        }
    }

    /// Wraps `inner`, recording into `metrics`.
    pub fn with_metrics(inner: Arc<dyn ContainerRuntime>, metrics: &'static AgentMetrics) -> Self {
        MeteredRuntime { inner, metrics }
    }

    async fn timed<T>(
        &self,
        operation: &'static str,
        f: impl Future<Output = Result<T, RuntimeError>>,
    ) -> Result<T, RuntimeError> {
        let started = Instant::now();
        let r = f.await;
        self.metrics
            .docker_call(operation, r.is_ok(), started.elapsed());
        r
    }
}

#[async_trait]
impl ContainerRuntime for MeteredRuntime {
    async fn version(&self) -> Result<RuntimeVersion, RuntimeError> {
        self.timed("version", self.inner.version()).await
    }
    async fn image_present(&self, image: &str) -> Result<bool, RuntimeError> {
        self.timed("image_present", self.inner.image_present(image))
            .await
    }
    async fn remove_image(&self, image: &str) -> Result<(), RuntimeError> {
        self.timed("remove_image", self.inner.remove_image(image))
            .await
    }
    async fn pull_image(
        &self,
        image: &str,
        auth: Option<RegistryAuth>,
    ) -> Result<(), RuntimeError> {
        self.timed("pull_image", self.inner.pull_image(image, auth))
            .await
    }
    async fn create_container(&self, spec: &CreateSpec) -> Result<String, RuntimeError> {
        self.timed("create_container", self.inner.create_container(spec))
            .await
    }
    async fn start(&self, id: &str) -> Result<(), RuntimeError> {
        self.timed("start", self.inner.start(id)).await
    }
    async fn stop(&self, id: &str, timeout_secs: u32) -> Result<(), RuntimeError> {
        self.timed("stop", self.inner.stop(id, timeout_secs)).await
    }
    async fn remove(&self, id: &str) -> Result<(), RuntimeError> {
        self.timed("remove", self.inner.remove(id)).await
    }
    async fn inspect(&self, id: &str) -> Result<Option<ContainerInfo>, RuntimeError> {
        self.timed("inspect", self.inner.inspect(id)).await
    }
    async fn list(&self, labels: &[(&str, &str)]) -> Result<Vec<ContainerInfo>, RuntimeError> {
        self.timed("list", self.inner.list(labels)).await
    }
    async fn create_volume(&self, volume: &VolumeCreate) -> Result<(), RuntimeError> {
        self.timed("create_volume", self.inner.create_volume(volume))
            .await
    }
    async fn remove_volume(&self, name: &str) -> Result<(), RuntimeError> {
        self.timed("remove_volume", self.inner.remove_volume(name))
            .await
    }
    fn events(&self) -> BoxStream<'static, String> {
        self.inner.events()
    }
    fn logs(&self, id: &str, since_secs: i64) -> BoxStream<'static, Result<LogLine, RuntimeError>> {
        self.inner.logs(id, since_secs)
    }
    async fn ensure_network(&self, network: &NetworkSpec) -> Result<(), RuntimeError> {
        self.timed("ensure_network", self.inner.ensure_network(network))
            .await
    }
    async fn remove_network(&self, name: &str) -> Result<(), RuntimeError> {
        self.timed("remove_network", self.inner.remove_network(name))
            .await
    }
    async fn list_networks(&self, labels: &[(&str, &str)]) -> Result<Vec<String>, RuntimeError> {
        self.timed("list_networks", self.inner.list_networks(labels))
            .await
    }
    async fn ensure_pause_image(&self) -> Result<String, RuntimeError> {
        self.timed("ensure_pause_image", self.inner.ensure_pause_image())
            .await
    }
    async fn create_task_cgroup(
        &self,
        task_id: &str,
        limits: TaskLimits,
    ) -> Result<Option<String>, RuntimeError> {
        self.timed(
            "create_task_cgroup",
            self.inner.create_task_cgroup(task_id, limits),
        )
        .await
    }
    async fn remove_task_cgroup(&self, task_id: &str) -> Result<(), RuntimeError> {
        self.timed("remove_task_cgroup", self.inner.remove_task_cgroup(task_id))
            .await
    }
    async fn list_task_cgroups(&self, min_age: Duration) -> Result<Vec<String>, RuntimeError> {
        self.timed("list_task_cgroups", self.inner.list_task_cgroups(min_age))
            .await
    }
    async fn stats(&self, id: &str) -> Result<Option<serde_json::Value>, RuntimeError> {
        self.timed("stats", self.inner.stats(id)).await
    }
    async fn bridge_gateway(&self) -> Result<Option<std::net::IpAddr>, RuntimeError> {
        self.timed("bridge_gateway", self.inner.bridge_gateway())
            .await
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::runtime::FakeRuntime;

    fn sample(text: &str, key: &str) -> Option<f64> {
        text.lines().filter(|l| !l.starts_with('#')).find_map(|l| {
            let (k, v) = l.rsplit_once(' ')?;
            (k == key).then(|| v.parse().ok())?
        })
    }

    fn leak() -> &'static AgentMetrics {
        Box::leak(Box::new(AgentMetrics::new()))
    }

    #[test]
    fn parses_docker_stats() {
        let v = serde_json::json!({
            "cpu_stats": {"cpu_usage": {"total_usage": 2_500_000_000u64}},
            "memory_stats": {"usage": 10_000_000, "stats": {"cache": 1_000_000}},
            "networks": {"eth0": {"rx_bytes": 100, "tx_bytes": 40},
                         "eth1": {"rx_bytes": 5, "tx_bytes": 2}}
        });
        assert_eq!(
            parse_stats(&v),
            Some(ContainerUsage {
                cpu_seconds: 2.5,
                memory_bytes: 9_000_000,
                rx_bytes: 105.0,
                tx_bytes: 42.0,
            })
        );
        // A stopped container's stats carry no CPU usage.
        assert_eq!(parse_stats(&serde_json::json!({"cpu_stats": {}})), None);
    }

    #[test]
    fn usage_counters_follow_samples_and_drop_gone_containers() {
        let m = AgentMetrics::new();
        let u = |cpu: f64, mem: i64, rx: f64| ContainerUsage {
            cpu_seconds: cpu,
            memory_bytes: mem,
            rx_bytes: rx,
            tx_bytes: 0.0,
        };
        let one = |usage| HashMap::from([("c1".to_string(), ("t1".into(), "app".into(), usage))]);
        m.set_usage(one(u(1.5, 100, 10.0)));
        m.set_usage(one(u(4.0, 50, 30.0)));
        let text = m.render();
        let cpu = r#"gantry_container_cpu_usage_seconds_total{container="app",task_id="t1"}"#;
        assert!(text.contains("# TYPE gantry_container_cpu_usage_seconds_total counter"));
        assert_eq!(sample(&text, cpu), Some(4.0));
        assert_eq!(
            sample(
                &text,
                r#"gantry_container_memory_usage_bytes{container="app",task_id="t1"}"#
            ),
            Some(50.0)
        );
        assert_eq!(
            sample(
                &text,
                r#"gantry_container_network_receive_bytes_total{container="app",task_id="t1"}"#
            ),
            Some(30.0)
        );
        m.set_usage(HashMap::new());
        assert_eq!(sample(&m.render(), cpu), None);
    }

    #[test]
    fn task_gauges_and_exits_count_once() {
        let m = AgentMetrics::new();
        let observed: ObservedState = serde_json::from_value(serde_json::json!({
            "tasks": [
                {"taskArn": "arn:t1", "lastStatus": "RUNNING", "containers": [
                    {"name": "app", "lastStatus": "RUNNING", "networkBindings": []}]},
                {"taskArn": "arn:t2", "lastStatus": "STOPPED", "containers": [
                    {"name": "app", "lastStatus": "STOPPED", "exitCode": 3,
                     "networkBindings": []}]}
            ]
        }))
        .unwrap();
        m.observe(None, &observed);
        m.observe(None, &observed);
        let text = m.render();
        assert_eq!(
            sample(&text, r#"gantry_agent_tasks{last_status="RUNNING"}"#),
            Some(1.0)
        );
        assert_eq!(
            sample(&text, r#"gantry_agent_tasks{last_status="STOPPED"}"#),
            Some(1.0)
        );
        assert_eq!(
            sample(
                &text,
                r#"gantry_agent_container_exits_total{exit_code="3"}"#
            ),
            Some(1.0)
        );
        assert_eq!(sample(&text, "gantry_agent_desired_tasks"), Some(0.0));
    }

    #[tokio::test]
    async fn metered_runtime_times_calls() {
        let m = leak();
        let fake = Arc::new(FakeRuntime::new());
        let rt = MeteredRuntime::with_metrics(fake, m);
        rt.version().await.unwrap();
        rt.version().await.unwrap();
        assert!(rt.inspect("missing").await.unwrap().is_none());
        collect_stats(&rt, m).await;
        let text = m.render();
        assert_eq!(
            sample(
                &text,
                r#"gantry_agent_docker_request_duration_seconds_count{operation="version",outcome="ok"}"#
            ),
            Some(2.0)
        );
        assert_eq!(
            sample(
                &text,
                r#"gantry_agent_docker_request_duration_seconds_count{operation="inspect",outcome="ok"}"#
            ),
            Some(1.0)
        );
        assert_eq!(
            sample(
                &text,
                r#"gantry_agent_docker_request_duration_seconds_count{operation="list",outcome="ok"}"#
            ),
            Some(1.0)
        );
    }
}
