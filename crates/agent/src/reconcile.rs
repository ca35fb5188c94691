//! The per-host reconciler: drives the container runtime towards the desired
//! state and keeps each task's lifecycle.
//!
//! A pass takes no input besides the state it owns: it lists the runtime's
//! managed containers, folds what it sees into every task
//! ([`TaskState::observe`]), decides the next actions for each task with the
//! pure [`TaskState::plan`], applies them, and persists the result. Passes
//! are idempotent, so the agent runs one whenever something may have changed
//! (a runtime event, new desired state, a finished stop) and on a short
//! period as a safety net. Restarting the agent is harmless: containers are
//! found again by their labels (task ARN + container name) and are never
//! created or started twice.
//!
//! Per task, containers move forward only: NONE → PULLED → CREATED → RUNNING
//! → STOPPED. Starting honours `dependsOn` (and links, which imply START);
//! stopping goes in reverse dependency order, SIGTERM then SIGKILL after the
//! container's stop timeout, in the background so one slow container does not
//! hold the host's other tasks.

use crate::runtime::{ContainerInfo, ContainerRuntime, RuntimeState};
use crate::spec::{self, Siblings, DEFAULT_STOP_TIMEOUT};
use crate::state::{AgentState, StateError, StateStore};
use gantry_agent_api::{
    labels, ContainerObservation, ContainerStatus, DependencyCondition, DesiredStatus, DesiredTask,
    HealthStatus, NetworkBinding, ObservedState, StopCode, TaskObservation, TaskStatus,
};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;
use std::time::Duration;
use tokio::task::JoinSet;
use tracing::{debug, info, warn};

/// `stoppedReason` when an essential container exits.
pub const ESSENTIAL_EXITED: &str = "Essential container in task exited";
/// Container `reason` after an OOM kill.
pub const OOM_REASON: &str = "OutOfMemoryError: Container killed due to memory usage";

/// Agent-internal container status, forward-only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ContainerPhase {
    None,
    Pulled,
    Created,
    Running,
    Stopped,
}

/// Agent-internal task status, forward-only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum TaskPhase {
    Pending,
    Running,
    Stopping,
    Stopped,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid transition {from:?} -> {to:?}")]
pub struct InvalidTransition<T: std::fmt::Debug> {
    pub from: T,
    pub to: T,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ContainerState {
    pub name: String,
    pub docker_name: String,
    pub docker_id: Option<String>,
    pub phase: ContainerPhase,
    /// The container was seen running (or exited after running).
    pub started: bool,
    pub exit_code: Option<i32>,
    pub reason: Option<String>,
    pub health: Option<HealthStatus>,
    pub bindings: Vec<NetworkBinding>,
    pub stop_requested: bool,
    /// When the container began waiting for its dependencies.
    pub waiting_since: Option<f64>,
}

impl ContainerState {
    fn advance(&mut self, to: ContainerPhase) -> Result<(), InvalidTransition<ContainerPhase>> {
        if to < self.phase {
            return Err(InvalidTransition {
                from: self.phase,
                to,
            });
        }
        self.phase = to;
        Ok(())
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TaskState {
    pub task: DesiredTask,
    pub phase: TaskPhase,
    /// In the order of `task.containers`.
    pub containers: Vec<ContainerState>,
    pub volumes_ready: bool,
    pub pull_started_at: Option<f64>,
    pub pull_stopped_at: Option<f64>,
    pub started_at: Option<f64>,
    pub execution_stopped_at: Option<f64>,
    pub stopped_at: Option<f64>,
    pub stopped_reason: Option<String>,
    pub stop_code: Option<StopCode>,
    /// Containers and task volumes were removed.
    pub cleaned_up: bool,
}

/// One step the executor performs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    CreateVolumes {
        task: String,
    },
    Pull {
        task: String,
        container: String,
    },
    Create {
        task: String,
        container: String,
    },
    Start {
        task: String,
        container: String,
    },
    Stop {
        task: String,
        container: String,
        id: String,
        timeout: u32,
    },
    /// Remove the task's containers and task-scoped volumes.
    Cleanup {
        task: String,
    },
    Forget {
        task: String,
    },
}

/// A dependency's verdict.
enum Gate {
    Open,
    Wait,
    Never(String),
}

impl TaskState {
    pub fn new(task: DesiredTask) -> Self {
        let containers = task
            .containers
            .iter()
            .map(|c| ContainerState {
                name: c.name.clone(),
                docker_name: spec::docker_name(&task, &c.name),
                docker_id: None,
                phase: ContainerPhase::None,
                started: false,
                exit_code: None,
                reason: None,
                health: None,
                bindings: Vec::new(),
                stop_requested: false,
                waiting_since: None,
            })
            .collect();
        TaskState {
            task,
            phase: TaskPhase::Pending,
            containers,
            volumes_ready: false,
            pull_started_at: None,
            pull_stopped_at: None,
            started_at: None,
            execution_stopped_at: None,
            stopped_at: None,
            stopped_reason: None,
            stop_code: None,
            cleaned_up: false,
        }
    }

    fn advance(&mut self, to: TaskPhase) -> Result<(), InvalidTransition<TaskPhase>> {
        if to < self.phase {
            return Err(InvalidTransition {
                from: self.phase,
                to,
            });
        }
        self.phase = to;
        Ok(())
    }

    pub fn container(&self, name: &str) -> Option<&ContainerState> {
        self.containers.iter().find(|c| c.name == name)
    }

    fn container_mut(&mut self, name: &str) -> Option<&mut ContainerState> {
        self.containers.iter_mut().find(|c| c.name == name)
    }

    fn essential(&self, name: &str) -> bool {
        self.task
            .containers
            .iter()
            .find(|c| c.name == name)
            .is_some_and(|c| c.essential)
    }

    /// The agent decides the task stops (failure to start, essential exit).
    fn fail(&mut self, code: StopCode, reason: String, now: f64) {
        if self.phase >= TaskPhase::Stopping {
            return;
        }
        info!(task = %self.task.task_arn, stop_code = ?code, reason = %reason, "task stopping");
        self.stop_code.get_or_insert(code);
        self.stopped_reason.get_or_insert(reason);
        self.execution_stopped_at.get_or_insert(now);
        let _ = self.advance(TaskPhase::Stopping);
    }

    /// Folds the runtime's view of this task's containers (by ECS container
    /// name) into the state.
    pub fn observe(&mut self, found: &BTreeMap<String, ContainerInfo>) {
        let cleaned = self.cleaned_up;
        for cs in &mut self.containers {
            match found.get(&cs.name) {
                Some(info) => {
                    if cs.docker_id.as_deref() != Some(info.id.as_str()) {
                        debug!(container = %cs.name, id = %info.id, "adopted container");
                    }
                    cs.docker_id = Some(info.id.clone());
                    cs.docker_name = info.name.clone();
                    cs.health = info.health;
                    if !info.ports.is_empty() {
                        cs.bindings = info.ports.clone();
                    }
                    let to = match info.state {
                        RuntimeState::Created => ContainerPhase::Created,
                        RuntimeState::Running | RuntimeState::Paused | RuntimeState::Restarting => {
                            ContainerPhase::Running
                        }
                        RuntimeState::Exited | RuntimeState::Dead | RuntimeState::Removing => {
                            ContainerPhase::Stopped
                        }
                    };
                    if to == ContainerPhase::Running {
                        cs.started = true;
                    }
                    if to > cs.phase {
                        let _ = cs.advance(to);
                        if to == ContainerPhase::Stopped {
                            cs.started |= info.started_at.is_some();
                            cs.exit_code = info.exit_code;
                            if info.oom_killed {
                                cs.exit_code = Some(137);
                                cs.reason = Some(OOM_REASON.to_string());
                            } else if let Some(e) = &info.error {
                                cs.reason.get_or_insert_with(|| e.clone());
                            }
                        }
                    }
                }
                None => {
                    if cs.docker_id.is_some()
                        && !cleaned
                        && matches!(cs.phase, ContainerPhase::Created | ContainerPhase::Running)
                    {
                        warn!(container = %cs.name, id = ?cs.docker_id, "container disappeared");
                        let _ = cs.advance(ContainerPhase::Stopped);
                        cs.reason = Some(
                            "ContainerMissing: the container was removed outside of the agent"
                                .to_string(),
                        );
                    }
                }
            }
        }
    }

    /// Whether container `target` satisfies `cond` for a dependent.
    fn gate(&self, target: &str, cond: DependencyCondition) -> Gate {
        let Some(t) = self.container(target) else {
            return Gate::Never(format!("dependency {target} is not in the task"));
        };
        let exited = t.phase == ContainerPhase::Stopped;
        match cond {
            DependencyCondition::Start => {
                if t.phase == ContainerPhase::Running || (exited && t.started) {
                    Gate::Open
                } else if exited {
                    Gate::Never(format!("dependency {target} never started"))
                } else {
                    Gate::Wait
                }
            }
            DependencyCondition::Complete => {
                if exited {
                    Gate::Open
                } else {
                    Gate::Wait
                }
            }
            DependencyCondition::Success => match (exited, t.exit_code) {
                (true, Some(0)) => Gate::Open,
                (true, code) => Gate::Never(format!(
                    "dependency {target} exited with code {} (condition SUCCESS)",
                    code.map(|c| c.to_string())
                        .unwrap_or_else(|| "unknown".into())
                )),
                _ => Gate::Wait,
            },
            DependencyCondition::Healthy => {
                if t.health == Some(HealthStatus::Healthy) && !exited {
                    Gate::Open
                } else if exited || t.health == Some(HealthStatus::Unhealthy) {
                    Gate::Never(format!("dependency {target} did not become HEALTHY"))
                } else {
                    Gate::Wait
                }
            }
        }
    }

    /// All start conditions of container `name`: `dependsOn` plus links (START).
    fn start_gate(&self, name: &str) -> Gate {
        let Some(c) = self.task.containers.iter().find(|c| c.name == name) else {
            return Gate::Never(format!("container {name} is not in the task"));
        };
        let mut conds: Vec<(String, DependencyCondition)> = c
            .depends_on
            .iter()
            .map(|d| (d.container_name.clone(), d.condition))
            .collect();
        for l in &c.links {
            let target = l.split_once(':').map(|(n, _)| n).unwrap_or(l);
            conds.push((target.to_string(), DependencyCondition::Start));
        }
        let mut wait = false;
        for (target, cond) in conds {
            match self.gate(&target, cond) {
                Gate::Open => {}
                Gate::Wait => wait = true,
                never @ Gate::Never(_) => return never,
            }
        }
        if wait {
            Gate::Wait
        } else {
            Gate::Open
        }
    }

    /// Containers that must be stopped before `name` (its dependents).
    fn dependents(&self, name: &str) -> Vec<&str> {
        self.task
            .containers
            .iter()
            .filter(|c| {
                c.depends_on.iter().any(|d| d.container_name == name)
                    || c.links.iter().any(|l| l.split(':').next() == Some(name))
                    || c.volumes_from.iter().any(|v| v.source_container == name)
            })
            .map(|c| c.name.as_str())
            .collect()
    }

    fn stop_timeout(&self, name: &str) -> u32 {
        self.task
            .containers
            .iter()
            .find(|c| c.name == name)
            .and_then(|c| c.stop_timeout)
            .unwrap_or(DEFAULT_STOP_TIMEOUT)
    }

    /// The pure decision core: given the task's state (already folded with
    /// observations), whether it should run, and the time, update the task's
    /// lifecycle and return the next actions.
    pub fn plan(&mut self, want_running: bool, now: f64, cleanup_delay: Duration) -> Vec<Action> {
        let arn = self.task.task_arn.clone();
        let mut actions = Vec::new();

        if self.phase == TaskPhase::Stopped {
            let due = self.stopped_at.unwrap_or(now) + cleanup_delay.as_secs_f64() <= now;
            if !self.cleaned_up && due {
                actions.push(Action::Cleanup { task: arn });
            }
            return actions;
        }

        // An essential container that exited stops the task.
        let essential_exited = self.containers.iter().any(|c| {
            c.phase == ContainerPhase::Stopped && self.essential(&c.name) && !c.stop_requested
        });
        if essential_exited && self.phase < TaskPhase::Stopping {
            self.fail(
                StopCode::EssentialContainerExited,
                ESSENTIAL_EXITED.to_string(),
                now,
            );
        }

        if !want_running && self.phase < TaskPhase::Stopping {
            info!(task = %arn, "task desired stopped");
            let _ = self.advance(TaskPhase::Stopping);
        }

        if self.phase == TaskPhase::Pending {
            // Volumes first.
            if !self.volumes_ready {
                actions.push(Action::CreateVolumes { task: arn });
                return actions;
            }
            // Then images.
            let pulls: Vec<Action> = self
                .containers
                .iter()
                .filter(|c| c.phase == ContainerPhase::None)
                .map(|c| Action::Pull {
                    task: arn.clone(),
                    container: c.name.clone(),
                })
                .collect();
            if !pulls.is_empty() {
                return pulls;
            }
            // Then create, once volumes_from sources exist.
            for (c, spec) in self.containers.iter().zip(&self.task.containers) {
                if c.phase == ContainerPhase::Pulled
                    && spec.volumes_from.iter().all(|v| {
                        self.container(&v.source_container)
                            .is_some_and(|s| s.docker_id.is_some())
                    })
                {
                    actions.push(Action::Create {
                        task: arn.clone(),
                        container: c.name.clone(),
                    });
                }
            }
            if !actions.is_empty() {
                return actions;
            }
            // Then start, honouring dependencies.
            let mut failure = None;
            let mut waits = Vec::new();
            for c in &self.containers {
                if c.phase != ContainerPhase::Created {
                    continue;
                }
                match self.start_gate(&c.name) {
                    Gate::Open => actions.push(Action::Start {
                        task: arn.clone(),
                        container: c.name.clone(),
                    }),
                    Gate::Never(why) => {
                        failure = Some((c.name.clone(), why));
                        break;
                    }
                    Gate::Wait => waits.push(c.name.clone()),
                }
            }
            for name in waits {
                let timeout = self
                    .task
                    .containers
                    .iter()
                    .find(|c| c.name == name)
                    .and_then(|c| c.start_timeout);
                let cs = self.container_mut(&name).expect("known container");
                let since = *cs.waiting_since.get_or_insert(now);
                if let Some(t) = timeout {
                    if now - since >= f64::from(t) && failure.is_none() {
                        failure = Some((
                            name.clone(),
                            format!("timed out after {t}s waiting for its dependencies"),
                        ));
                    }
                }
            }
            if let Some((name, why)) = failure {
                let reason = format!("DependencyError: container {name}: {why}");
                if let Some(cs) = self.container_mut(&name) {
                    cs.reason = Some(reason.clone());
                }
                self.fail(StopCode::TaskFailedToStart, reason, now);
                actions.clear();
            } else if !actions.is_empty() {
                return actions;
            } else {
                // Running when every essential container runs and every other
                // one has at least started.
                let ready = self.containers.iter().all(|c| {
                    if self.essential(&c.name) {
                        c.phase == ContainerPhase::Running
                    } else {
                        c.phase == ContainerPhase::Running
                            || (c.phase == ContainerPhase::Stopped && c.started)
                    }
                });
                if ready {
                    info!(task = %arn, "task running");
                    let _ = self.advance(TaskPhase::Running);
                    self.started_at = Some(now);
                }
                return actions;
            }
        }

        if self.phase == TaskPhase::Running {
            return actions;
        }

        // Stopping: reverse dependency order.
        let mut stopped_now = Vec::new();
        for c in &self.containers {
            match c.phase {
                ContainerPhase::None | ContainerPhase::Pulled | ContainerPhase::Created => {
                    stopped_now.push(c.name.clone())
                }
                ContainerPhase::Running if !c.stop_requested => {
                    let blocked = self.dependents(&c.name).iter().any(|d| {
                        self.container(d)
                            .is_some_and(|d| d.phase == ContainerPhase::Running)
                    });
                    if !blocked {
                        if let Some(id) = &c.docker_id {
                            actions.push(Action::Stop {
                                task: arn.clone(),
                                container: c.name.clone(),
                                id: id.clone(),
                                timeout: self.stop_timeout(&c.name),
                            });
                        }
                    }
                }
                _ => {}
            }
        }
        for name in stopped_now {
            let cs = self.container_mut(&name).expect("known container");
            let _ = cs.advance(ContainerPhase::Stopped);
        }
        for a in &actions {
            if let Action::Stop { container, .. } = a {
                self.container_mut(container)
                    .expect("known container")
                    .stop_requested = true;
            }
        }
        if self
            .containers
            .iter()
            .all(|c| c.phase == ContainerPhase::Stopped)
        {
            info!(task = %arn, "task stopped");
            let _ = self.advance(TaskPhase::Stopped);
            self.stopped_at = Some(now);
            self.execution_stopped_at.get_or_insert(now);
            if cleanup_delay.is_zero() {
                actions.push(Action::Cleanup { task: arn });
            }
        }
        actions
    }

    /// What the control plane is told about this task.
    pub fn observation(&self) -> TaskObservation {
        let last_status = match self.phase {
            TaskPhase::Pending => TaskStatus::Pending,
            TaskPhase::Running => TaskStatus::Running,
            // Like the ECS agent: PENDING/RUNNING until everything stopped.
            TaskPhase::Stopping if self.started_at.is_some() => TaskStatus::Running,
            TaskPhase::Stopping => TaskStatus::Pending,
            TaskPhase::Stopped => TaskStatus::Stopped,
        };
        TaskObservation {
            task_arn: self.task.task_arn.clone(),
            last_status,
            containers: self
                .containers
                .iter()
                .map(|c| ContainerObservation {
                    name: c.name.clone(),
                    runtime_id: c.docker_id.clone(),
                    last_status: match c.phase {
                        ContainerPhase::Running => ContainerStatus::Running,
                        ContainerPhase::Stopped => ContainerStatus::Stopped,
                        _ => ContainerStatus::Pending,
                    },
                    exit_code: c.exit_code,
                    reason: c.reason.clone(),
                    network_bindings: if c.phase == ContainerPhase::Running {
                        c.bindings.clone()
                    } else {
                        Vec::new()
                    },
                    health_status: c.health,
                    image_digest: None,
                })
                .collect(),
            pull_started_at: self.pull_started_at,
            pull_stopped_at: self.pull_stopped_at,
            started_at: self.started_at,
            execution_stopped_at: if self.phase == TaskPhase::Stopped {
                self.execution_stopped_at
            } else {
                None
            },
            stopped_at: self.stopped_at,
            stopped_reason: if self.phase == TaskPhase::Stopped {
                self.stopped_reason.clone()
            } else {
                None
            },
            stop_code: if self.phase == TaskPhase::Stopped {
                self.stop_code
            } else {
                None
            },
            network: None,
        }
    }
}

/// Reconciler settings.
#[derive(Debug, Clone)]
pub struct ReconcilerConfig {
    /// How long stopped containers are kept before removal.
    pub cleanup_delay: Duration,
    /// Where registry credentials for pulls come from.
    pub registry_auth: crate::registry_auth::AuthSource,
}

impl Default for ReconcilerConfig {
    fn default() -> Self {
        ReconcilerConfig {
            cleanup_delay: Duration::from_secs(600),
            registry_auth: crate::registry_auth::AuthSource::default(),
        }
    }
}

/// The executor: owns the agent state, runs passes against a runtime.
pub struct Reconciler {
    runtime: Arc<dyn ContainerRuntime>,
    store: StateStore,
    state: AgentState,
    config: ReconcilerConfig,
    /// Background stops: (task, container, docker id).
    stops: JoinSet<(String, String)>,
    /// Orphan ids being stopped and removed.
    orphans: BTreeSet<String>,
    orphan_jobs: JoinSet<String>,
    /// Stop everything (the instance was deregistered).
    deregistered: bool,
    saved: Option<AgentState>,
}

impl Reconciler {
    /// Loads the persisted state from `store`.
    pub fn new(
        runtime: Arc<dyn ContainerRuntime>,
        store: StateStore,
        config: ReconcilerConfig,
    ) -> Result<Self, StateError> {
        let state = store.load()?;
        Ok(Reconciler {
            runtime,
            store,
            saved: Some(state.clone()),
            state,
            config,
            stops: JoinSet::new(),
            orphans: BTreeSet::new(),
            orphan_jobs: JoinSet::new(),
            deregistered: false,
        })
    }

    pub fn state(&self) -> &AgentState {
        &self.state
    }

    pub fn task(&self, arn: &str) -> Option<&TaskState> {
        self.state.tasks.get(arn)
    }

    pub fn instance_arn(&self) -> Option<&str> {
        self.state.container_instance_arn.as_deref()
    }

    pub fn set_instance_arn(&mut self, arn: String) -> Result<(), StateError> {
        self.state.container_instance_arn = Some(arn);
        self.persist()
    }

    pub fn known_generation(&self) -> u64 {
        self.state
            .desired
            .as_ref()
            .map(|d| d.generation)
            .unwrap_or(0)
    }

    /// Replaces the desired state (whole, never a delta) and persists it.
    pub fn set_desired(
        &mut self,
        desired: gantry_agent_api::DesiredState,
    ) -> Result<(), StateError> {
        info!(
            generation = desired.generation,
            tasks = desired.tasks.len(),
            "new desired state"
        );
        self.state.desired = Some(desired);
        self.persist()
    }

    /// Stop every task (the container instance was deregistered).
    pub fn set_deregistered(&mut self) {
        self.deregistered = true;
    }

    /// True when no task has containers still running and no stop is in flight.
    pub fn all_stopped(&self) -> bool {
        self.stops.is_empty()
            && self.orphan_jobs.is_empty()
            && self
                .state
                .tasks
                .values()
                .all(|t| t.phase == TaskPhase::Stopped)
    }

    /// The full observation of every known task.
    pub fn observed(&self) -> ObservedState {
        ObservedState {
            tasks: self
                .state
                .tasks
                .values()
                .map(TaskState::observation)
                .collect(),
        }
    }

    /// Waits for one background stop to finish (pending forever if none).
    pub async fn next_background_done(&mut self) {
        tokio::select! {
            Some(_) = self.stops.join_next(), if !self.stops.is_empty() => {}
            Some(r) = self.orphan_jobs.join_next(), if !self.orphan_jobs.is_empty() => {
                if let Ok(id) = r { self.orphans.remove(&id); }
            }
            else => std::future::pending::<()>().await,
        }
    }

    /// Waits for every background stop (tests).
    pub async fn wait_background(&mut self) {
        while self.stops.join_next().await.is_some() {}
        while let Some(r) = self.orphan_jobs.join_next().await {
            if let Ok(id) = r {
                self.orphans.remove(&id);
            }
        }
    }

    fn persist(&mut self) -> Result<(), StateError> {
        if self.saved.as_ref() != Some(&self.state) {
            self.store.save(&self.state)?;
            self.saved = Some(self.state.clone());
        }
        Ok(())
    }

    /// Runs passes until nothing is left to do right now (at most 32).
    pub async fn converge(&mut self, now: f64) -> Result<(), StateError> {
        for _ in 0..32 {
            if !self.pass(now).await? {
                break;
            }
        }
        Ok(())
    }

    /// One reconciliation pass. Returns true when it acted (another pass
    /// may have more to do).
    pub async fn pass(&mut self, now: f64) -> Result<bool, StateError> {
        let Some(instance_arn) = self.state.container_instance_arn.clone() else {
            return Ok(false);
        };
        let listed = match self.runtime.list(&[(labels::MANAGED, "true")]).await {
            Ok(l) => l,
            Err(e) => {
                warn!(error = %e, "cannot list containers; skipping pass");
                return Ok(false);
            }
        };
        let mut by_task: BTreeMap<String, BTreeMap<String, ContainerInfo>> = BTreeMap::new();
        for info in &listed {
            let (Some(t), Some(c)) = (
                info.labels.get(labels::TASK_ARN),
                info.labels.get(labels::CONTAINER_NAME),
            ) else {
                continue;
            };
            // Several containers for one (task, name) should not exist; keep
            // the one recorded, else the newest-looking running one.
            let slot = by_task.entry(t.clone()).or_default();
            let recorded = self
                .state
                .tasks
                .get(t)
                .and_then(|ts| ts.container(c))
                .and_then(|cs| cs.docker_id.clone());
            match slot.get(c) {
                Some(prev) if recorded.as_deref() == Some(prev.id.as_str()) => {}
                _ => {
                    slot.insert(c.clone(), info.clone());
                }
            }
        }

        // New tasks from the desired state.
        let desired: BTreeMap<String, DesiredTask> = self
            .state
            .desired
            .as_ref()
            .map(|d| {
                d.tasks
                    .iter()
                    .map(|t| (t.task_arn.clone(), t.clone()))
                    .collect()
            })
            .unwrap_or_default();
        // Tasks already desired STOPPED are taken too, so that the control
        // plane hears STOPPED for them (at once when nothing ever ran).
        for (arn, t) in &desired {
            if !self.state.tasks.contains_key(arn) {
                info!(task = %arn, "new task");
                self.state
                    .tasks
                    .insert(arn.clone(), TaskState::new(t.clone()));
            }
        }

        let mut actions = Vec::new();
        let empty = BTreeMap::new();
        for (arn, ts) in self.state.tasks.iter_mut() {
            let d = desired.get(arn);
            if let Some(d) = d {
                ts.task.desired_status = d.desired_status;
                ts.task.stop_reason = d.stop_reason.clone();
            }
            let want_running =
                !self.deregistered && d.is_some_and(|d| d.desired_status == DesiredStatus::Running);
            ts.observe(by_task.get(arn).unwrap_or(&empty));
            actions.extend(ts.plan(want_running, now, self.config.cleanup_delay));
            if d.is_none() && ts.phase == TaskPhase::Stopped && ts.cleaned_up {
                actions.push(Action::Forget { task: arn.clone() });
            }
        }

        // Orphans: ours, but claimed by no task we hold. Only once we have
        // heard the desired state at least once.
        if self.state.desired.is_some() {
            for info in &listed {
                if info
                    .labels
                    .get(labels::CONTAINER_INSTANCE_ARN)
                    .map(String::as_str)
                    != Some(instance_arn.as_str())
                {
                    continue;
                }
                let claimed = info
                    .labels
                    .get(labels::TASK_ARN)
                    .and_then(|t| self.state.tasks.get(t))
                    .is_some_and(|ts| {
                        ts.containers.iter().any(|c| {
                            Some(&c.name) == info.labels.get(labels::CONTAINER_NAME)
                                && c.docker_id.as_deref() == Some(info.id.as_str())
                        })
                    });
                if !claimed && self.orphans.insert(info.id.clone()) {
                    warn!(id = %info.id, name = %info.name, "removing orphan container");
                    let rt = self.runtime.clone();
                    let id = info.id.clone();
                    self.orphan_jobs.spawn(async move {
                        if let Err(e) = rt.stop(&id, DEFAULT_STOP_TIMEOUT).await {
                            debug!(id = %id, error = %e, "stopping orphan");
                        }
                        if let Err(e) = rt.remove(&id).await {
                            warn!(id = %id, error = %e, "cannot remove orphan");
                        }
                        id
                    });
                }
            }
        }

        let acted = actions.iter().any(|a| !matches!(a, Action::Stop { .. }));
        for a in actions {
            self.apply(a, &instance_arn, now).await;
        }
        self.persist()?;
        Ok(acted)
    }

    async fn apply(&mut self, action: Action, instance_arn: &str, now: f64) {
        debug!(action = ?action, "apply");
        match action {
            Action::CreateVolumes { task } => {
                let Some(ts) = self.state.tasks.get_mut(&task) else {
                    return;
                };
                let mut failed = None;
                for v in &ts.task.volumes {
                    let r = spec::resolve_volume(&ts.task, v, instance_arn);
                    if let Some(create) = r.create {
                        if let Err(e) = self.runtime.create_volume(&create).await {
                            failed = Some(format!(
                                "ResourceInitializationError: volume {}: {}",
                                v.name,
                                e.message()
                            ));
                            break;
                        }
                    }
                }
                match failed {
                    Some(reason) => ts.fail(StopCode::TaskFailedToStart, reason, now),
                    None => ts.volumes_ready = true,
                }
            }
            Action::Pull { task, container } => {
                let Some(ts) = self.state.tasks.get_mut(&task) else {
                    return;
                };
                let Some((image, credentials)) = ts
                    .task
                    .containers
                    .iter()
                    .find(|c| c.name == container)
                    .map(|c| (c.image.clone(), c.repository_credentials.clone()))
                else {
                    return;
                };
                ts.pull_started_at.get_or_insert(now);
                let result = match self.runtime.image_present(&image).await {
                    Ok(true) => Ok(()),
                    _ => match self
                        .config
                        .registry_auth
                        .for_image(&image, credentials.as_deref())
                    {
                        Ok(auth) => {
                            info!(task = %task, image = %image, authenticated = auth.is_some(), "pulling image");
                            self.runtime.pull_image(&image, auth).await
                        }
                        Err(reason) => Err(crate::runtime::RuntimeError::Refused {
                            op: "pull",
                            message: reason,
                        }),
                    },
                };
                ts.pull_stopped_at = Some(now);
                let cs = ts.container_mut(&container).expect("known container");
                match result {
                    Ok(()) => {
                        let _ = cs.advance(ContainerPhase::Pulled);
                    }
                    Err(e) => {
                        let reason = format!("CannotPullContainerError: {}", e.message());
                        warn!(task = %task, image = %image, error = %e, "pull failed");
                        cs.reason = Some(reason.clone());
                        ts.fail(StopCode::TaskFailedToStart, reason, now);
                    }
                }
            }
            Action::Create { task, container } => {
                let Some(ts) = self.state.tasks.get_mut(&task) else {
                    return;
                };
                let mut siblings = Siblings::default();
                for c in &ts.containers {
                    siblings
                        .docker_names
                        .insert(c.name.clone(), c.docker_name.clone());
                    if let Some(id) = &c.docker_id {
                        siblings.docker_ids.insert(c.name.clone(), id.clone());
                    }
                }
                let Some(cspec) = ts.task.containers.iter().find(|c| c.name == container) else {
                    return;
                };
                let cs = ts.container(&container).expect("known container");
                let create =
                    spec::create_spec(&ts.task, cspec, &cs.docker_name, instance_arn, &siblings);
                let result = self.runtime.create_container(&create).await;
                let cs = ts.container_mut(&container).expect("known container");
                match result {
                    Ok(id) => {
                        info!(task = %task, container = %container, id = %id, "container created");
                        cs.docker_id = Some(id);
                        let _ = cs.advance(ContainerPhase::Created);
                    }
                    Err(e) => {
                        let reason = format!("CannotCreateContainerError: {}", e.message());
                        warn!(task = %task, container = %container, error = %e, "create failed");
                        cs.reason = Some(reason.clone());
                        ts.fail(StopCode::TaskFailedToStart, reason, now);
                    }
                }
            }
            Action::Start { task, container } => {
                let Some(ts) = self.state.tasks.get_mut(&task) else {
                    return;
                };
                let Some(id) = ts.container(&container).and_then(|c| c.docker_id.clone()) else {
                    return;
                };
                let result = self.runtime.start(&id).await;
                let cs = ts.container_mut(&container).expect("known container");
                match result {
                    Ok(()) => {
                        info!(task = %task, container = %container, "container started");
                        cs.started = true;
                        let _ = cs.advance(ContainerPhase::Running);
                    }
                    Err(e) => {
                        let reason = format!("CannotStartContainerError: {}", e.message());
                        warn!(task = %task, container = %container, error = %e, "start failed");
                        cs.reason = Some(reason.clone());
                        ts.fail(StopCode::TaskFailedToStart, reason, now);
                    }
                }
            }
            Action::Stop {
                task,
                container,
                id,
                timeout,
            } => {
                info!(task = %task, container = %container, timeout, "stopping container");
                let rt = self.runtime.clone();
                self.stops.spawn(async move {
                    if let Err(e) = rt.stop(&id, timeout).await {
                        warn!(task = %task, container = %container, error = %e, "stop failed");
                    }
                    (task, container)
                });
            }
            Action::Cleanup { task } => {
                let Some(ts) = self.state.tasks.get_mut(&task) else {
                    return;
                };
                info!(task = %task, "removing stopped task's containers");
                for c in &ts.containers {
                    if let Some(id) = &c.docker_id {
                        if let Err(e) = self.runtime.remove(id).await {
                            warn!(task = %task, id = %id, error = %e, "cannot remove container");
                        }
                    }
                }
                for v in &ts.task.volumes {
                    let r = spec::resolve_volume(&ts.task, v, instance_arn);
                    if r.task_scoped {
                        if let Err(e) = self.runtime.remove_volume(&r.source).await {
                            warn!(task = %task, volume = %r.source, error = %e, "cannot remove volume");
                        }
                    }
                }
                ts.cleaned_up = true;
            }
            Action::Forget { task } => {
                info!(task = %task, "forgetting task");
                self.state.tasks.remove(&task);
            }
        }
    }
}
