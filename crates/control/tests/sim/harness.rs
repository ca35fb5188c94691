//! The simulation harness: the real control plane (`EcsService` over a
//! `MemoryStore`, the connectivity and service reconcilers spawned as
//! `Server::start_with` spawns them) driven in-process on tokio's paused
//! clock, with simulated hosts whose agents call `AgentHandler::sync`
//! directly.
//!
//! Time: [`SimClock`] reads tokio's (paused) clock, so the control plane's
//! epoch seconds, its long-poll deadlines and its reconciler periods all
//! follow the same simulated time; hours pass in seconds of wall time.
//!
//! A simulated host ([`Host`]) holds the physical truth (which task
//! containers exist on it, which have exited) and an agent loop speaking the
//! sync protocol the way the real agent does: level-triggered (it receives
//! the whole desired state), it starts desired-RUNNING tasks at once, stops
//! desired-STOPPED ones, removes containers no desired state claims, and
//! reports its full observation. The chaos driver changes a host's [`Mode`]:
//! `Cut` (the agent is down or partitioned: the tasks keep running, nothing
//! reaches the control plane) or `Dead` (the host is gone), can reboot it
//! (its containers die) or restart its agent (same containers, fresh sync
//! from generation 0), and can make one of its containers exit.

use gantry_agent_api::{
    ContainerObservation, ContainerStatus, DesiredState, DesiredStatus, DesiredTask, ObservedState,
    StopCode, SyncRequest, TaskObservation, TaskStatus,
};
use gantry_control::clock::Clock;
use gantry_control::connectivity::{Connectivity, ConnectivityConfig};
use gantry_control::ecs::EcsService;
use gantry_control::hosts::HostNotifier;
use gantry_control::http::{AgentHandler, RequestContext, ServiceHandler};
use gantry_control::state::{instance_prefix, task_prefix, InstanceRecord, Repo, TaskRecord};
use gantry_model::arn::Partition;
use gantry_store::memory::MemoryStore;
use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::{Arc, Mutex};
use std::time::Duration;

pub const ACCOUNT: &str = "123456789012";
pub const CLUSTER: &str = "default";
/// Simulated epoch at the start of a run (2026-01-01T00:00:00Z).
const EPOCH_BASE: f64 = 1_767_225_600.0;

/// The control plane's clock, following tokio's (paused) time.
pub struct SimClock {
    start: tokio::time::Instant,
}

impl SimClock {
    pub fn new() -> Self {
        SimClock {
            start: tokio::time::Instant::now(),
        }
    }
}

impl Clock for SimClock {
    fn now(&self) -> f64 {
        let ms = self.start.elapsed().as_millis() as f64;
        EPOCH_BASE + ms / 1000.0
    }
}

pub fn ctx() -> RequestContext {
    RequestContext {
        request_id: "sim".to_string(),
        principal: gantry_control::auth::Principal::root(ACCOUNT, "AKIASIMULATION"),
        source_ip: None,
    }
}

/// The control plane under test and its background reconcilers.
pub struct ControlPlane {
    pub ecs: Arc<EcsService>,
    pub config: ConnectivityConfig,
    connectivity: Option<Connectivity>,
    services: Option<gantry_control::ecs::services::reconcile::ReconcilerHandle>,
}

impl ControlPlane {
    pub async fn start(config: ConnectivityConfig) -> ControlPlane {
        let store: Arc<dyn gantry_store::Store> = Arc::new(MemoryStore::new());
        let ecs = Arc::new(EcsService::new(
            Repo::new(store),
            Partition {
                account_id: ACCOUNT.to_string(),
                region: "us-east-1".to_string(),
            },
            Arc::new(SimClock::new()),
            Arc::new(HostNotifier::with_max_poll(config.max_poll())),
        ));
        let cp = ControlPlane {
            connectivity: Some(Connectivity::spawn(ecs.clone(), config)),
            services: Some(gantry_control::ecs::services::reconcile::spawn(ecs.clone())),
            ecs,
            config,
        };
        cp.call("CreateCluster", json!({ "clusterName": CLUSTER }))
            .await;
        cp
    }

    pub fn now(&self) -> f64 {
        self.ecs.now()
    }

    /// An ECS operation that must succeed.
    pub async fn call(&self, op: &str, body: Value) -> Value {
        self.ecs
            .handle(&ctx(), op, bytes::Bytes::from(body.to_string()))
            .await
            .unwrap_or_else(|e| panic!("{op} failed: {e:?}"))
    }

    pub async fn tasks(&self) -> Vec<TaskRecord> {
        let v: Vec<gantry_control::state::Versioned<TaskRecord>> = self
            .ecs
            .repo
            .list(&task_prefix(CLUSTER))
            .await
            .expect("list tasks");
        v.into_iter().map(|t| t.value).collect()
    }

    pub async fn instances(&self) -> Vec<InstanceRecord> {
        let v = self
            .ecs
            .repo
            .list_instances(&instance_prefix(CLUSTER))
            .await
            .expect("list instances");
        v.into_iter().map(|i| (*i.value).clone()).collect()
    }

    /// DescribeServices of `names` (at most 10).
    pub async fn services(&self, names: &[String]) -> Vec<Value> {
        let mut out = vec![];
        for chunk in names.chunks(10) {
            let r = self
                .call(
                    "DescribeServices",
                    json!({ "cluster": CLUSTER, "services": chunk }),
                )
                .await;
            out.extend(r["services"].as_array().cloned().unwrap_or_default());
        }
        out
    }

    pub async fn stop(mut self) {
        if let Some(c) = self.connectivity.take() {
            c.stop().await;
        }
        if let Some(s) = self.services.take() {
            s.stop().await;
        }
    }
}

/// What a simulated host is doing.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Mode {
    /// The agent syncs normally.
    Up,
    /// The agent cannot reach the control plane (agent down or network
    /// partition): its containers keep running, no sync gets through.
    Cut,
    /// The host is gone for good (its containers died with it).
    Dead,
}

/// One task container on a host.
#[derive(Debug, Clone)]
pub struct Phys {
    pub started_at: f64,
    /// Exited on its own (essential container failure, host reboot).
    pub exited: Option<f64>,
}

/// The physical truth of one simulated host, shared by its agent loop and
/// the chaos driver.
#[derive(Debug)]
pub struct HostState {
    pub mode: Mode,
    /// Task containers by task ARN.
    pub physical: BTreeMap<String, Phys>,
    /// The agent lost its in-memory sync state (restart): next sync asks
    /// for the whole desired state again.
    pub fresh: bool,
    /// When the agent's first sync after a `Cut` got through.
    pub reconnected_at: Option<f64>,
    /// Tasks the control plane gave this host whose record names another
    /// instance (must never happen).
    pub foreign: Vec<String>,
    /// Every task ARN this host was ever given.
    pub given: BTreeSet<String>,
}

pub struct Host {
    pub arn: String,
    pub id: String,
    pub state: Arc<Mutex<HostState>>,
    /// Pokes the agent (a container exited, the host is reachable again).
    pub poke: Arc<tokio::sync::Notify>,
    join: tokio::task::JoinHandle<()>,
}

impl Host {
    /// Register a host with `cpu` units and `memory` MiB and start its agent.
    pub async fn start(cp: &ControlPlane, cpu: i64, memory: i64, wait_seconds: u32) -> Host {
        let attrs = gantry_agent_api::registration_attributes(41, "x86_64", &[]);
        let r = cp
            .call(
                "RegisterContainerInstance",
                json!({
                    "cluster": CLUSTER,
                    "totalResources": [
                        {"name": "CPU", "type": "INTEGER", "integerValue": cpu},
                        {"name": "MEMORY", "type": "INTEGER", "integerValue": memory},
                        {"name": "PORTS", "type": "STRINGSET", "stringSetValue": []},
                        {"name": "PORTS_UDP", "type": "STRINGSET", "stringSetValue": []},
                    ],
                    "versionInfo": {"agentVersion": "1.0.0", "agentHash": "sim", "dockerVersion": "sim"},
                    "attributes": attrs,
                }),
            )
            .await;
        let arn = r["containerInstance"]["containerInstanceArn"]
            .as_str()
            .expect("instance arn")
            .to_string();
        let id = arn.rsplit('/').next().unwrap_or_default().to_string();
        let state = Arc::new(Mutex::new(HostState {
            mode: Mode::Up,
            physical: BTreeMap::new(),
            fresh: true,
            reconnected_at: None,
            foreign: vec![],
            given: BTreeSet::new(),
        }));
        let poke = Arc::new(tokio::sync::Notify::new());
        let join = tokio::spawn(agent_loop(
            cp.ecs.clone(),
            arn.clone(),
            id.clone(),
            state.clone(),
            poke.clone(),
            wait_seconds,
        ));
        Host {
            arn,
            id,
            state,
            poke,
            join,
        }
    }

    pub fn lock(&self) -> std::sync::MutexGuard<'_, HostState> {
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    pub fn set_mode(&self, mode: Mode, now: f64) {
        let mut s = self.lock();
        if s.mode == Mode::Dead {
            return;
        }
        if mode == Mode::Dead {
            // The host and its containers are gone.
            for p in s.physical.values_mut() {
                p.exited.get_or_insert(now);
            }
            s.physical.clear();
        }
        s.mode = mode;
        drop(s);
        self.poke.notify_one();
    }

    /// The agent process restarts: containers survive, the sync state does not.
    pub fn restart_agent(&self) {
        self.lock().fresh = true;
        self.poke.notify_one();
    }

    /// The host reboots: every container dies; the agent restarts.
    pub fn reboot(&self, now: f64) {
        let mut s = self.lock();
        for p in s.physical.values_mut() {
            p.exited.get_or_insert(now);
        }
        s.fresh = true;
        drop(s);
        self.poke.notify_one();
    }

    /// One running container exits with a failure; returns its task ARN.
    pub fn fail_one(&self, pick: usize, now: f64) -> Option<String> {
        let mut s = self.lock();
        let running: Vec<String> = s
            .physical
            .iter()
            .filter(|(_, p)| p.exited.is_none())
            .map(|(a, _)| a.clone())
            .collect();
        if running.is_empty() {
            return None;
        }
        let arn = running[pick % running.len()].clone();
        if let Some(p) = s.physical.get_mut(&arn) {
            p.exited = Some(now);
        }
        drop(s);
        self.poke.notify_one();
        Some(arn)
    }

    pub fn abort(&self) {
        self.join.abort();
    }
}

fn observe(t: &DesiredTask, phys: Option<&Phys>, now: f64) -> TaskObservation {
    let (status, exited, started) = match phys {
        Some(p) if p.exited.is_none() && t.desired_status == DesiredStatus::Running => {
            (TaskStatus::Running, None, p.started_at)
        }
        Some(p) => (TaskStatus::Stopped, p.exited.or(Some(now)), p.started_at),
        None => (TaskStatus::Stopped, Some(now), now),
    };
    let failed = phys.is_some_and(|p| p.exited.is_some());
    let running = status == TaskStatus::Running;
    TaskObservation {
        task_arn: t.task_arn.clone(),
        last_status: status,
        containers: t
            .containers
            .iter()
            .map(|c| ContainerObservation {
                name: c.name.clone(),
                runtime_id: Some(format!("sim-{}", c.name)),
                last_status: if running {
                    ContainerStatus::Running
                } else {
                    ContainerStatus::Stopped
                },
                exit_code: (!running).then_some(if failed { 1 } else { 0 }),
                reason: None,
                network_bindings: vec![],
                health_status: None,
                image_digest: None,
            })
            .collect(),
        pull_started_at: None,
        pull_stopped_at: None,
        started_at: Some(started),
        execution_stopped_at: exited,
        stopped_at: exited,
        stopped_reason: failed.then(|| "Essential container in task exited".to_string()),
        stop_code: failed.then_some(StopCode::EssentialContainerExited),
        network: None,
    }
}

/// Apply a desired state to the host's containers; returns the full
/// observation of the desired tasks.
fn apply_desired(
    s: &mut HostState,
    desired: &DesiredState,
    records: &BTreeMap<String, Option<String>>,
    my_id: &str,
    now: f64,
) -> ObservedState {
    let wanted: BTreeSet<&str> = desired.tasks.iter().map(|t| t.task_arn.as_str()).collect();
    // Containers no desired state claims are stopped and removed.
    s.physical.retain(|arn, _| wanted.contains(arn.as_str()));
    let mut tasks = vec![];
    for t in &desired.tasks {
        s.given.insert(t.task_arn.clone());
        if let Some(Some(inst)) = records.get(&t.task_arn) {
            if inst != my_id {
                s.foreign.push(t.task_arn.clone());
            }
        }
        match t.desired_status {
            DesiredStatus::Running => {
                if !s.physical.contains_key(&t.task_arn) {
                    s.physical.insert(
                        t.task_arn.clone(),
                        Phys {
                            started_at: now,
                            exited: None,
                        },
                    );
                }
                tasks.push(observe(t, s.physical.get(&t.task_arn), now));
            }
            DesiredStatus::Stopped => {
                let p = s.physical.remove(&t.task_arn);
                let mut o = observe(t, p.as_ref(), now);
                if p.as_ref().is_some_and(|p| p.exited.is_none()) {
                    // Stopped on request: the control plane's reason stands.
                    o.stopped_reason = None;
                    o.stop_code = None;
                    o.stopped_at = Some(now);
                    o.execution_stopped_at = Some(now);
                    for c in &mut o.containers {
                        c.exit_code = Some(0);
                    }
                }
                // Keep the exit known until the task leaves the desired state.
                if let Some(p) = p.filter(|p| p.exited.is_some()) {
                    s.physical.insert(t.task_arn.clone(), p);
                }
                tasks.push(o);
            }
        }
    }
    ObservedState { tasks }
}

fn same(a: &ObservedState, b: &ObservedState) -> bool {
    a.tasks.len() == b.tasks.len()
        && a.tasks
            .iter()
            .zip(&b.tasks)
            .all(|(x, y)| x.task_arn == y.task_arn && x.last_status == y.last_status)
}

/// Which instance each task record names (for the "foreign task" check).
async fn placement_of(
    ecs: &EcsService,
    desired: &DesiredState,
) -> BTreeMap<String, Option<String>> {
    let mut m = BTreeMap::new();
    for t in &desired.tasks {
        let id = t.task_arn.rsplit('/').next().unwrap_or_default();
        let rec: Option<gantry_control::state::Versioned<TaskRecord>> = ecs
            .repo
            .get(&gantry_control::state::task_key(CLUSTER, id))
            .await
            .ok()
            .flatten();
        m.insert(t.task_arn.clone(), rec.and_then(|r| r.value.instance_id));
    }
    m
}

async fn agent_loop(
    ecs: Arc<EcsService>,
    arn: String,
    id: String,
    state: Arc<Mutex<HostState>>,
    poke: Arc<tokio::sync::Notify>,
    wait_seconds: u32,
) {
    let lock = || state.lock().unwrap_or_else(|p| p.into_inner());
    let mut known = 0u64;
    let mut last_desired: Option<DesiredState> = None;
    let mut last_sent: Option<ObservedState> = None;
    let mut was_cut = false;
    loop {
        let (mode, fresh) = {
            let mut s = lock();
            let f = s.fresh;
            s.fresh = false;
            (s.mode, f)
        };
        if fresh {
            known = 0;
            last_desired = None;
            last_sent = None;
        }
        match mode {
            Mode::Dead => return,
            Mode::Cut => {
                was_cut = true;
                tokio::select! {
                    _ = poke.notified() => {}
                    _ = tokio::time::sleep(Duration::from_millis(500)) => {}
                }
                continue;
            }
            Mode::Up => {}
        }
        let now = ecs.now();
        // What the host would report now (container exits since last sync).
        let pending = last_desired.as_ref().map(|d| {
            let mut s = lock();
            let empty = BTreeMap::new();
            apply_desired(&mut s, d, &empty, &id, now)
        });
        let observed = match (&pending, &last_sent) {
            (Some(p), Some(l)) if same(p, l) => None,
            (Some(p), _) => Some(p.clone()),
            (None, _) => None,
        };
        let req = SyncRequest {
            cluster: CLUSTER.to_string(),
            container_instance_arn: arn.clone(),
            known_generation: known,
            wait_seconds: if observed.is_some() { 0 } else { wait_seconds },
            observed: observed.clone(),
            accepts_changes: false,
        };
        let rc = ctx();
        let answer = if observed.is_none() {
            tokio::select! {
                r = ecs.sync(&rc, req) => Some(r),
                _ = poke.notified() => None,
            }
        } else {
            Some(ecs.sync(&rc, req).await)
        };
        let Some(answer) = answer else { continue };
        if lock().mode != Mode::Up {
            // The answer is lost in the partition.
            continue;
        }
        let resp = match answer {
            Ok(r) => r,
            Err(e) => {
                tracing::warn!(error = ?e, "simulated sync failed");
                tokio::time::sleep(Duration::from_millis(200)).await;
                continue;
            }
        };
        if observed.is_some() {
            last_sent = observed;
        }
        if was_cut {
            was_cut = false;
            lock().reconnected_at = Some(ecs.now());
        }
        if !resp.registered {
            return;
        }
        if let Some(desired) = resp.desired {
            known = resp.generation;
            let records = placement_of(&ecs, &desired).await;
            let now = ecs.now();
            {
                let mut s = lock();
                apply_desired(&mut s, &desired, &records, &id, now);
            }
            last_desired = Some(desired);
        }
    }
}

/// Register a one-container task definition of `family` (revision per call).
pub async fn register_taskdef(cp: &ControlPlane, family: &str, cpu: i64, memory: i64) -> String {
    let r = cp
        .call(
            "RegisterTaskDefinition",
            json!({
                "family": family,
                "containerDefinitions": [{
                    "name": "app", "image": "busybox", "essential": true,
                    "cpu": cpu, "memory": memory,
                }],
            }),
        )
        .await;
    r["taskDefinition"]["taskDefinitionArn"]
        .as_str()
        .expect("taskdef arn")
        .to_string()
}

/// floor(D * max / 100), ceil(D * min / 100): ECS's bounds.
pub fn bounds(desired: i64, min_pct: i64, max_pct: i64) -> (i64, i64) {
    ((desired * min_pct + 99) / 100, desired * max_pct / 100)
}

pub fn task_id(arn: &str) -> &str {
    arn.rsplit('/').next().unwrap_or_default()
}

pub fn is_stopped(t: &TaskRecord) -> bool {
    t.task.last_status.as_deref() == Some("STOPPED")
}

pub fn desired_running(t: &TaskRecord) -> bool {
    t.task.desired_status.as_deref() == Some("RUNNING")
}

pub fn service_of(t: &TaskRecord) -> Option<&str> {
    t.task
        .group
        .as_deref()
        .and_then(|g| g.strip_prefix("service:"))
}

/// A count of invariant violations with the first few described.
#[derive(Default, Debug)]
pub struct Violations {
    pub count: usize,
    pub first: Vec<String>,
}

impl Violations {
    pub fn add(&mut self, msg: String) {
        self.count += 1;
        if self.first.len() < 10 {
            self.first.push(msg);
        }
    }

    pub fn assert_none(&self, what: &str) {
        assert!(
            self.count == 0,
            "{what}: {} violations, first: {:#?}",
            self.count,
            self.first
        );
    }
}
