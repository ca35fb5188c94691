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

use crate::runtime::{ContainerInfo, ContainerRuntime, RuntimeError, RuntimeState};
use crate::spec::{self, Siblings, DEFAULT_STOP_TIMEOUT, PAUSE_CONTAINER_NAME};
use crate::state::{AgentState, StateError, StateStore};
use gantry_agent_api::{
    labels, ContainerObservation, ContainerStatus, DependencyCondition, DesiredStatus, DesiredTask,
    HealthStatus, NetworkBinding, NetworkMode, ObservedNetwork, ObservedState, StopCode,
    TaskObservation, TaskStatus,
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
    /// The unguessable id of the container's metadata endpoint
    /// (`/v4/<endpoint_id>`).
    #[serde(default = "new_endpoint_id")]
    pub endpoint_id: String,
    /// The container's own address (bridge mode), as last inspected.
    #[serde(default)]
    pub ipv4_address: Option<String>,
    /// The container's network attachments, as last inspected.
    #[serde(default)]
    pub networks: Vec<crate::runtime::ContainerNetwork>,
    #[serde(default)]
    pub image_id: Option<String>,
    #[serde(default)]
    pub started_at: Option<String>,
    #[serde(default)]
    pub finished_at: Option<String>,
}

/// A fresh random endpoint id (128 bits).
pub fn new_endpoint_id() -> String {
    uuid::Uuid::new_v4().simple().to_string()
}

/// The network-namespace holder of an awsvpc task.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PauseState {
    pub docker_name: String,
    pub docker_id: Option<String>,
    /// Seen (or made) running.
    pub running: bool,
    /// It ran and is gone or exited while the task still needed it.
    pub lost: bool,
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
    /// The task's cgroup exists (or the task needs none, or the host does
    /// not support it).
    #[serde(default)]
    pub cgroup_ready: bool,
    /// `CgroupParent` of the task's containers.
    #[serde(default)]
    pub cgroup_parent: Option<String>,
    /// awsvpc: the pause container.
    #[serde(default)]
    pub pause: Option<PauseState>,
    /// awsvpc: the interface as realised (address and MAC of the pause container).
    #[serde(default)]
    pub network: Option<ObservedNetwork>,
    /// Task-level resources (pause container, network, cgroup) were released.
    #[serde(default)]
    pub released: bool,
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
    /// Create the task's cgroup with its task-level limits.
    SetupCgroup {
        task: String,
    },
    /// awsvpc: ensure the subnet's network, then create and start the pause
    /// container with the task's address.
    StartPause {
        task: String,
    },
    /// The task stopped: remove its pause container, its network when no
    /// other task uses it, and its cgroup.
    Release {
        task: String,
    },
    /// Remove the task's containers and task-scoped volumes.
    Cleanup {
        task: String,
    },
    Forget {
        task: String,
    },
}

impl Action {
    /// The task the action belongs to.
    pub fn task(&self) -> &str {
        match self {
            Action::CreateVolumes { task }
            | Action::Pull { task, .. }
            | Action::Create { task, .. }
            | Action::Start { task, .. }
            | Action::Stop { task, .. }
            | Action::SetupCgroup { task }
            | Action::StartPause { task }
            | Action::Release { task }
            | Action::Cleanup { task }
            | Action::Forget { task } => task,
        }
    }

    /// Touches only its own task and the runtime objects named after it, so
    /// different tasks' such actions may run concurrently. `StartPause`
    /// is not: it ensures the subnet's shared network, and `Release` may
    /// remove it.
    pub fn is_concurrent(&self) -> bool {
        matches!(
            self,
            Action::CreateVolumes { .. }
                | Action::Pull { .. }
                | Action::Create { .. }
                | Action::Start { .. }
                | Action::SetupCgroup { .. }
        )
    }
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
                endpoint_id: new_endpoint_id(),
                ipv4_address: None,
                networks: Vec::new(),
                image_id: None,
                started_at: None,
                finished_at: None,
            })
            .collect();
        let pause =
            (task.network_mode == NetworkMode::Awsvpc && task.awsvpc.is_some()).then(|| {
                PauseState {
                    docker_name: spec::docker_name(&task, "internalecspause"),
                    docker_id: None,
                    running: false,
                    lost: false,
                }
            });
        let cgroup_ready = spec::task_limits(&task).is_none();
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
            cgroup_ready,
            cgroup_parent: None,
            pause,
            network: None,
            released: false,
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
        let needed = !self.released && self.phase < TaskPhase::Stopping;
        if let Some(p) = &mut self.pause {
            match found.get(PAUSE_CONTAINER_NAME) {
                Some(info) => {
                    p.docker_id = Some(info.id.clone());
                    p.docker_name = info.name.clone();
                    if info.state == RuntimeState::Running {
                        p.running = true;
                    } else if p.running && info.state.is_finished() && needed {
                        warn!(task = %self.task.task_arn, id = %info.id, "pause container exited");
                        p.lost = true;
                    }
                }
                None => {
                    if p.running && needed {
                        warn!(task = %self.task.task_arn, "pause container disappeared");
                        p.lost = true;
                    }
                }
            }
        }
        for cs in &mut self.containers {
            match found.get(&cs.name) {
                Some(info) => {
                    if cs.docker_id.as_deref() != Some(info.id.as_str()) {
                        debug!(container = %cs.name, id = %info.id, "adopted container");
                    }
                    cs.docker_id = Some(info.id.clone());
                    cs.docker_name = info.name.clone();
                    cs.health = info.health;
                    if !info.networks.is_empty() {
                        cs.ipv4_address = Some(info.networks[0].ipv4_address.clone());
                        cs.networks = info.networks.clone();
                    }
                    if info.image_id.is_some() {
                        cs.image_id = info.image_id.clone();
                    }
                    if info.started_at.is_some() {
                        cs.started_at = info.started_at.clone();
                    }
                    if info.finished_at.is_some() && info.state.is_finished() {
                        cs.finished_at = info.finished_at.clone();
                    }
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
            if !self.released {
                actions.push(Action::Release { task: arn.clone() });
            }
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

        if self.pause.as_ref().is_some_and(|p| p.lost) && self.phase < TaskPhase::Stopping {
            let code = if self.started_at.is_some() {
                StopCode::EssentialContainerExited
            } else {
                StopCode::TaskFailedToStart
            };
            self.fail(
                code,
                "ResourceInitializationError: the task's network namespace (pause container) exited"
                    .to_string(),
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
            // Then the task cgroup, then the pause container: every
            // container is created in the first and joins the second.
            if !self.cgroup_ready {
                actions.push(Action::SetupCgroup { task: arn });
                return actions;
            }
            if self.pause.as_ref().is_some_and(|p| !p.running) {
                actions.push(Action::StartPause { task: arn });
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
            if !self.released {
                actions.push(Action::Release { task: arn.clone() });
            }
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
            network: self.network.clone(),
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
    /// Base URL of the task endpoints as containers reach them
    /// (`http://169.254.170.2`); `None` injects no endpoint variables.
    pub task_endpoint: Option<String>,
    /// The Logs client that prepares `awslogs` destinations before a
    /// container starts ([`crate::logs::prepare`]); `None` skips that.
    pub logs: Option<Arc<gantry_agent_api::client::AgentClient>>,
}

impl Default for ReconcilerConfig {
    fn default() -> Self {
        ReconcilerConfig {
            cleanup_delay: Duration::from_secs(600),
            registry_auth: crate::registry_auth::AuthSource::default(),
            task_endpoint: None,
            logs: None,
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
    /// Told the state before a pass acts, after every container creation
    /// and after every pass (the task endpoints must know a container
    /// before it starts).
    state_observer: Option<StateObserver>,
    /// Task cgroups nobody claims were looked for since the last release.
    cgroups_swept: bool,
    /// Task jobs in flight (pulls, creates, starts of one task each, see
    /// [`TaskJob`]); a pass leaves their tasks alone until they end.
    jobs: JoinSet<TaskState>,
    /// The task of each job in flight.
    job_tasks: std::collections::HashMap<tokio::task::Id, String>,
    /// At most [`MAX_CONCURRENT_TASKS`] jobs work at once.
    job_permits: Arc<tokio::sync::Semaphore>,
    progress_tx: tokio::sync::mpsc::UnboundedSender<Progress>,
    progress_rx: tokio::sync::mpsc::UnboundedReceiver<Progress>,
}

/// Task cgroups untouched this long and claimed by no task are removed
/// (left by a crashed agent or by containers removed behind its back).
/// The age keeps another agent's just-created cgroup on a shared test host.
pub const IDLE_CGROUP_AGE: Duration = Duration::from_secs(120);

/// See [`Reconciler::set_state_observer`].
pub type StateObserver = Arc<dyn Fn(&AgentState) + Send + Sync>;

impl Reconciler {
    /// Loads the persisted state from `store`.
    pub fn new(
        runtime: Arc<dyn ContainerRuntime>,
        store: StateStore,
        config: ReconcilerConfig,
    ) -> Result<Self, StateError> {
        let state = store.load()?;
        let (progress_tx, progress_rx) = tokio::sync::mpsc::unbounded_channel();
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
            state_observer: None,
            cgroups_swept: false,
            jobs: JoinSet::new(),
            job_tasks: std::collections::HashMap::new(),
            job_permits: Arc::new(tokio::sync::Semaphore::new(MAX_CONCURRENT_TASKS)),
            progress_tx,
            progress_rx,
        })
    }

    /// Calls `observer` with the state whenever containers may become
    /// visible to the task endpoints.
    pub fn set_state_observer(&mut self, observer: StateObserver) {
        self.state_observer = Some(observer);
    }

    fn notify_observer(&self) {
        if let Some(o) = &self.state_observer {
            o(&self.state);
        }
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

    /// Replaces the desired state (whole) without persisting it yet: the
    /// next pass persists it before it acts (one write for both). Until
    /// then nothing was done for it, so losing it to a crash only means
    /// asking the control plane again.
    pub fn take_desired(&mut self, desired: gantry_agent_api::DesiredState) {
        info!(
            generation = desired.generation,
            tasks = desired.tasks.len(),
            "new desired state"
        );
        self.state.desired = Some(desired);
    }

    /// Stop every task (the container instance was deregistered).
    pub fn set_deregistered(&mut self) {
        self.deregistered = true;
    }

    /// True when no task has containers still running and no stop or task
    /// job is in flight.
    pub fn all_stopped(&self) -> bool {
        self.stops.is_empty()
            && self.orphan_jobs.is_empty()
            && self.jobs.is_empty()
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

    /// Waits for one background stop or task job to finish (pending forever
    /// if none), taking in the task jobs' progress meanwhile. A finished
    /// job's task state is taken in and persisted before this returns, so
    /// what the caller reports next is durable. Cancel-safe.
    pub async fn next_background_done(&mut self) -> Result<BackgroundDone, StateError> {
        loop {
            tokio::select! {
                biased;
                Some(p) = self.progress_rx.recv() => self.take_progress(p),
                Some(r) = self.jobs.join_next_with_id(), if !self.jobs.is_empty() => {
                    self.take_job(r);
                    self.take_finished_jobs()?;
                    return Ok(BackgroundDone::TaskJob);
                }
                Some(_) = self.stops.join_next(), if !self.stops.is_empty() => {
                    return Ok(BackgroundDone::Stop);
                }
                Some(r) = self.orphan_jobs.join_next(), if !self.orphan_jobs.is_empty() => {
                    if let Ok(id) = r { self.orphans.remove(&id); }
                    return Ok(BackgroundDone::Stop);
                }
            }
        }
    }

    /// Waits for every background stop and task job (tests).
    pub async fn wait_background(&mut self) {
        if let Err(e) = self.finish_jobs().await {
            warn!(error = %e, "cannot persist the agent state");
        }
        while self.stops.join_next().await.is_some() {}
        while let Some(r) = self.orphan_jobs.join_next().await {
            if let Ok(id) = r {
                self.orphans.remove(&id);
            }
        }
    }

    /// A job's copy of its task after a create or start: the task
    /// endpoints learn of the container before the job goes on.
    fn take_progress(&mut self, (ts, ack): Progress) {
        if self.job_tasks.values().any(|t| *t == ts.task.task_arn) {
            self.state.tasks.insert(ts.task.task_arn.clone(), ts);
            self.notify_observer();
        }
        if let Some(ack) = ack {
            let _ = ack.send(());
        }
    }

    /// A finished job: its final copy replaces the task's state.
    fn take_job(&mut self, done: Result<(tokio::task::Id, TaskState), tokio::task::JoinError>) {
        match done {
            Ok((id, ts)) => {
                self.job_tasks.remove(&id);
                self.state.tasks.insert(ts.task.task_arn.clone(), ts);
            }
            Err(e) => {
                let task = self.job_tasks.remove(&e.id());
                warn!(task = ?task, error = %e, "task job failed");
            }
        }
    }

    /// Takes in the progress and results already there (one persistence
    /// for all of them), then persists and shows the state.
    fn take_finished_jobs(&mut self) -> Result<(), StateError> {
        while let Ok(p) = self.progress_rx.try_recv() {
            self.take_progress(p);
        }
        while let Some(r) = self.jobs.try_join_next_with_id() {
            self.take_job(r);
        }
        self.persist()?;
        self.notify_observer();
        Ok(())
    }

    /// Waits for every task job in flight.
    async fn finish_jobs(&mut self) -> Result<(), StateError> {
        if self.jobs.is_empty() {
            return Ok(());
        }
        while !self.jobs.is_empty() {
            tokio::select! {
                biased;
                Some(p) = self.progress_rx.recv() => self.take_progress(p),
                Some(r) = self.jobs.join_next_with_id() => self.take_job(r),
            }
        }
        self.take_finished_jobs()
    }

    /// Whether task jobs (pulls, creates, starts) are running.
    pub fn jobs_in_flight(&self) -> bool {
        !self.jobs.is_empty()
    }

    /// Whether a task job works on `task` (a pass leaves it alone).
    fn busy(&self, task: &str) -> bool {
        self.job_tasks.values().any(|t| t == task)
    }

    fn persist(&mut self) -> Result<(), StateError> {
        if self.saved.as_ref() != Some(&self.state) {
            let began = std::time::Instant::now();
            self.store.save(&self.state)?;
            debug!(
                tasks = self.state.tasks.len(),
                ms = began.elapsed().as_secs_f64() * 1e3,
                "state persisted"
            );
            self.saved = Some(self.state.clone());
        }
        Ok(())
    }

    /// Runs passes until nothing is left to do right now (at most 32),
    /// each waiting for the task jobs it starts.
    pub async fn converge(&mut self, now: f64) -> Result<(), StateError> {
        for _ in 0..32 {
            if !self.pass(now).await? {
                break;
            }
        }
        Ok(())
    }

    /// Like [`Self::converge`], but the task jobs the passes start go on in
    /// the background: the caller takes them in with
    /// [`Self::next_background_done`], so a new task need not wait for the
    /// others' starts, and each task is reported as soon as it runs.
    pub async fn converge_detached(&mut self, now: f64) -> Result<(), StateError> {
        for _ in 0..32 {
            if !self.pass_detached(now).await? {
                break;
            }
        }
        Ok(())
    }

    /// One reconciliation pass, waiting for the task jobs it starts.
    /// Returns true when it acted (another pass may have more to do).
    pub async fn pass(&mut self, now: f64) -> Result<bool, StateError> {
        let (acted, started) = self.pass_inner(now).await?;
        self.finish_jobs().await?;
        Ok(acted || started)
    }

    /// One reconciliation pass whose task jobs go on in the background.
    /// Returns true when it acted besides starting jobs.
    pub async fn pass_detached(&mut self, now: f64) -> Result<bool, StateError> {
        Ok(self.pass_inner(now).await?.0)
    }

    /// A pass: (acted other than by starting task jobs, started task jobs).
    async fn pass_inner(&mut self, now: f64) -> Result<(bool, bool), StateError> {
        let Some(instance_arn) = self.state.container_instance_arn.clone() else {
            return Ok((false, false));
        };
        let pass_began = std::time::Instant::now();
        let listed = match self.runtime.list(&[(labels::MANAGED, "true")]).await {
            Ok(l) => l,
            Err(e) => {
                warn!(error = %e, "cannot list containers; skipping pass");
                return Ok((false, false));
            }
        };
        let listed_in = pass_began.elapsed();
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
        let mut want: BTreeMap<String, bool> = BTreeMap::new();
        let empty = BTreeMap::new();
        for (arn, ts) in self.state.tasks.iter_mut() {
            // A job works on a copy of it; the next pass takes it up.
            if self.job_tasks.values().any(|t| t == arn) {
                continue;
            }
            let d = desired.get(arn);
            if let Some(d) = d {
                ts.task.desired_status = d.desired_status;
                ts.task.stop_reason = d.stop_reason.clone();
                // Refreshed role credentials arrive with a new desired state.
                ts.task.task_credentials = d.task_credentials.clone();
                ts.task.execution_credentials = d.execution_credentials.clone();
            }
            let want_running =
                !self.deregistered && d.is_some_and(|d| d.desired_status == DesiredStatus::Running);
            want.insert(arn.clone(), want_running);
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
                // A job in flight may have created it a moment ago.
                if info
                    .labels
                    .get(labels::TASK_ARN)
                    .is_some_and(|t| self.busy(t))
                {
                    continue;
                }
                let claimed =
                    info.labels
                        .get(labels::TASK_ARN)
                        .and_then(|t| self.state.tasks.get(t))
                        .is_some_and(|ts| {
                            let name = info.labels.get(labels::CONTAINER_NAME);
                            ts.containers.iter().any(|c| {
                                Some(&c.name) == name
                                    && c.docker_id.as_deref() == Some(info.id.as_str())
                            }) || (name.map(String::as_str) == Some(PAUSE_CONTAINER_NAME)
                                && !ts.released
                                && ts.pause.as_ref().is_some_and(|p| {
                                    p.docker_id.as_deref() == Some(info.id.as_str())
                                }))
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

        if self.state.desired.is_some() && !self.cgroups_swept {
            self.cgroups_swept = true;
            self.sweep_cgroups().await;
        }

        let acted = actions.iter().any(|a| !matches!(a, Action::Stop { .. }));
        let planned = actions.len();
        if acted {
            self.notify_observer();
        }
        // Tasks whose actions are all task-local run concurrently (each
        // task's actions in order); the others run one action at a time
        // first.
        let mut serial = Vec::new();
        let mut concurrent: Vec<(String, Vec<Action>)> = Vec::new();
        let mut grouped: Vec<(String, Vec<Action>)> = Vec::new();
        for a in actions {
            match grouped.last_mut() {
                Some((arn, list)) if arn.as_str() == a.task() => list.push(a),
                _ => grouped.push((a.task().to_string(), vec![a])),
            }
        }
        for (arn, list) in grouped {
            if list.iter().all(Action::is_concurrent) {
                concurrent.push((arn, list));
            } else {
                serial.extend(list);
            }
        }
        let serial_acted = serial.iter().any(|a| !matches!(a, Action::Stop { .. }));
        // The desired state and the tasks' states (names, endpoint ids) are
        // durable before anything acts on them: a container is created
        // only once its task's state is, so an agent killed meanwhile
        // adopts it on restart.
        self.persist()?;
        for a in serial {
            self.apply_one(a, &instance_arn, now).await;
        }
        self.persist()?;
        self.notify_observer();
        let started = !concurrent.is_empty();
        self.spawn_jobs(concurrent, &want, &instance_arn, now);
        debug!(
            listed = listed.len(),
            list_ms = listed_in.as_secs_f64() * 1e3,
            pass_ms = pass_began.elapsed().as_secs_f64() * 1e3,
            actions = planned,
            jobs = self.jobs.len(),
            "pass"
        );
        Ok((serial_acted, started))
    }

    /// Applies one action; the task endpoints learn of every container
    /// created or started before anything else happens.
    async fn apply_one(&mut self, action: Action, instance_arn: &str, now: f64) {
        let created = matches!(action, Action::Create { .. } | Action::Start { .. });
        self.apply(action, instance_arn, now).await;
        if created {
            self.notify_observer();
        }
    }

    /// Starts a background job per task for its task-local actions, and
    /// those its state leads to next (re-planned at once, without waiting
    /// for the next pass), at most [`MAX_CONCURRENT_TASKS`] working at a
    /// time. A job works on a copy of its task's state; each copy after a
    /// create is taken in and shown to the state observer before the job
    /// goes on, and the final copy replaces the task's state
    /// ([`Self::next_background_done`]).
    fn spawn_jobs(
        &mut self,
        groups: Vec<(String, Vec<Action>)>,
        want: &BTreeMap<String, bool>,
        instance_arn: &str,
        now: f64,
    ) {
        if groups.is_empty() {
            return;
        }
        let config = Arc::new(self.config.clone());
        for (arn, list) in groups {
            let Some(ts) = self.state.tasks.get(&arn).cloned() else {
                continue;
            };
            let job = TaskJob {
                runtime: self.runtime.clone(),
                config: config.clone(),
                want_running: want.get(&arn).copied().unwrap_or(false),
                instance_arn: instance_arn.to_string(),
                now,
                progress: self.progress_tx.clone(),
            };
            let limit = self.job_permits.clone();
            let handle = self.jobs.spawn(async move {
                let _permit = limit.acquire_owned().await;
                job.run(ts, list).await
            });
            self.job_tasks.insert(handle.id(), arn);
        }
    }

    async fn apply(&mut self, action: Action, instance_arn: &str, now: f64) {
        debug!(action = ?action, "apply");
        match action {
            Action::CreateVolumes { .. }
            | Action::Pull { .. }
            | Action::Create { .. }
            | Action::Start { .. }
            | Action::SetupCgroup { .. }
            | Action::StartPause { .. } => {
                let Some(ts) = self.state.tasks.get_mut(action.task()) else {
                    return;
                };
                apply_local(
                    self.runtime.as_ref(),
                    &self.config,
                    ts,
                    action,
                    instance_arn,
                    now,
                )
                .await;
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
            Action::Release { task } => {
                self.release(&task).await;
            }
            Action::Cleanup { task } => {
                if self.state.tasks.get(&task).is_some_and(|t| !t.released) {
                    self.release(&task).await;
                }
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
                if ts.cgroup_parent.is_some() {
                    // Retried here: the cgroup may have been busy at release.
                    if let Err(e) = self.runtime.remove_task_cgroup(spec::task_id(&task)).await {
                        warn!(task = %task, error = %e, "cannot remove the task cgroup");
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

    /// Releases the task-level resources of a stopped task: its pause
    /// container (so its address is free again), the subnet's network
    /// when no other task of this host still uses it, and its cgroup.
    async fn release(&mut self, task: &str) {
        let Some(ts) = self.state.tasks.get(task) else {
            return;
        };
        let pause_id = ts.pause.as_ref().and_then(|p| p.docker_id.clone());
        let network = ts.task.awsvpc.as_ref().map(spec::network_name);
        let cgroup = ts.cgroup_parent.is_some();
        if let Some(id) = pause_id {
            info!(task = %task, id = %id, "removing the pause container");
            if let Err(e) = self.runtime.remove(&id).await {
                warn!(task = %task, id = %id, error = %e, "cannot remove the pause container");
            }
        }
        if let Some(net) = network.filter(|_| ts.pause.is_some()) {
            let in_use = self.state.tasks.iter().any(|(arn, t)| {
                arn != task
                    && !t.released
                    && t.pause.is_some()
                    && t.task.awsvpc.as_ref().map(spec::network_name).as_deref()
                        == Some(net.as_str())
            });
            if !in_use {
                match self.runtime.remove_network(&net).await {
                    Ok(()) => info!(network = %net, "network removed"),
                    // Still used by containers this agent does not know.
                    Err(e) => debug!(network = %net, error = %e, "network kept"),
                }
            }
        }
        if cgroup {
            if let Err(e) = self.runtime.remove_task_cgroup(spec::task_id(task)).await {
                debug!(task = %task, error = %e, "task cgroup not removed yet");
            }
        }
        if let Some(ts) = self.state.tasks.get_mut(task) {
            ts.released = true;
        }
        self.cgroups_swept = false;
    }

    /// Removes task cgroups no task of this agent claims. Removing one that
    /// still holds processes fails harmlessly (the kernel refuses).
    async fn sweep_cgroups(&mut self) {
        let idle = match self.runtime.list_task_cgroups(IDLE_CGROUP_AGE).await {
            Ok(ids) => ids,
            Err(e) => {
                debug!(error = %e, "cannot list task cgroups");
                return;
            }
        };
        for id in idle {
            let claimed = self
                .state
                .tasks
                .iter()
                .any(|(arn, ts)| spec::task_id(arn) == id && !ts.released);
            if !claimed {
                match self.runtime.remove_task_cgroup(&id).await {
                    Ok(()) => info!(task_id = %id, "removed an unclaimed task cgroup"),
                    Err(e) => debug!(task_id = %id, error = %e, "unclaimed task cgroup kept"),
                }
            }
        }
    }
}

/// How many tasks' pulls, creates and starts run at once.
pub const MAX_CONCURRENT_TASKS: usize = 8;

/// Longest chain of re-planned task-local steps one job takes in a pass
/// (volumes, cgroup, pulls, creates, dependency-ordered starts).
const MAX_CHAIN: usize = 16;

/// A task's state after a create or start, and (after a create) the job's
/// go-ahead once the state observer has seen it.
type Progress = (TaskState, Option<tokio::sync::oneshot::Sender<()>>);

/// What [`Reconciler::next_background_done`] saw finish.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BackgroundDone {
    /// A task job: its task's state changed (report it).
    TaskJob,
    /// A container stop or an orphan removal.
    Stop,
}

/// One task's pulls, creates and starts, run beside the other tasks' and
/// the passes.
struct TaskJob {
    runtime: Arc<dyn ContainerRuntime>,
    config: Arc<ReconcilerConfig>,
    want_running: bool,
    instance_arn: String,
    /// The pass's time (the job's steps and lifecycle moves are dated with it).
    now: f64,
    progress: tokio::sync::mpsc::UnboundedSender<Progress>,
}

impl TaskJob {
    /// Applies `actions` in order, then, while the task is still pending,
    /// asks the pure planner for its next steps and goes on when they are
    /// all task-local (starts included: a container is started once the
    /// state observer has seen it created, and a started container counts
    /// as running for the `START` dependencies of the next). A plan without
    /// actions is kept (the task is RUNNING once its containers run: it is
    /// reported as soon as the job ends); a plan that leads elsewhere is
    /// dropped (the next pass makes it again, after observing the runtime),
    /// so a job never leaves a decision half applied. A step the runtime
    /// could not take (Engine unavailable) is planned again: the job ends
    /// there and a later pass retries it.
    async fn run(self, mut ts: TaskState, mut actions: Vec<Action>) -> TaskState {
        for _ in 0..MAX_CHAIN {
            for a in actions.clone() {
                let created = matches!(a, Action::Create { .. });
                let started = matches!(a, Action::Start { .. });
                apply_local(
                    self.runtime.as_ref(),
                    &self.config,
                    &mut ts,
                    a,
                    &self.instance_arn,
                    self.now,
                )
                .await;
                if created {
                    let (ack, go) = tokio::sync::oneshot::channel();
                    if self.progress.send((ts.clone(), Some(ack))).is_ok() {
                        let _ = go.await;
                    }
                } else if started {
                    // Its address for the credentials endpoint, at once.
                    let _ = self.progress.send((ts.clone(), None));
                }
            }
            if ts.phase != TaskPhase::Pending {
                break;
            }
            let mut next = ts.clone();
            let planned = next.plan(self.want_running, self.now, self.config.cleanup_delay);
            if planned.is_empty() {
                ts = next;
                break;
            }
            if planned == actions || !planned.iter().all(Action::is_concurrent) {
                break;
            }
            actions = planned;
            ts = next;
        }
        ts
    }
}

/// Whether a runtime error says the Engine is unavailable (stopped,
/// restarting, unreachable): the step did not happen or its outcome is
/// unknown, so the task does not fail; the step stays planned and a later
/// pass retries it once the Engine is back (a container whose create did
/// happen is adopted by its labels first).
fn retry_later(e: &RuntimeError, task: &str, step: &'static str) -> bool {
    if e.is_unavailable() {
        warn!(task = %task, step, error = %e, "container runtime unavailable; retrying later");
        return true;
    }
    false
}

/// Applies one task-local action (volumes, cgroup, pause, pull, create,
/// start) to `ts`. It touches no other task, so the tasks of a pass run
/// these concurrently.
async fn apply_local(
    runtime: &dyn ContainerRuntime,
    config: &ReconcilerConfig,
    ts: &mut TaskState,
    action: Action,
    instance_arn: &str,
    now: f64,
) {
    match action {
        Action::CreateVolumes { .. } => {
            let mut failed = None;
            for v in &ts.task.volumes {
                let r = spec::resolve_volume(&ts.task, v, instance_arn);
                if let Some(create) = r.create {
                    if let Err(e) = runtime.create_volume(&create).await {
                        if retry_later(&e, &ts.task.task_arn, "create volume") {
                            return;
                        }
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
            let result = match runtime.image_present(&image).await {
                Ok(true) => Ok(()),
                _ => match config
                    .registry_auth
                    .for_image(&image, credentials.as_deref())
                {
                    Ok(auth) => {
                        info!(task = %task, image = %image, authenticated = auth.is_some(), "pulling image");
                        runtime.pull_image(&image, auth).await
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
                Err(e) if retry_later(&e, &task, "pull") => {}
                Err(e) => {
                    let reason = format!("CannotPullContainerError: {}", e.message());
                    warn!(task = %task, image = %image, error = %e, "pull failed");
                    cs.reason = Some(reason.clone());
                    ts.fail(StopCode::TaskFailedToStart, reason, now);
                }
            }
        }
        Action::Create { task, container } => {
            let mut siblings = Siblings::default();
            for c in &ts.containers {
                siblings
                    .docker_names
                    .insert(c.name.clone(), c.docker_name.clone());
                if let Some(id) = &c.docker_id {
                    siblings.docker_ids.insert(c.name.clone(), id.clone());
                }
            }
            siblings.pause_id = ts.pause.as_ref().and_then(|p| p.docker_id.clone());
            siblings.cgroup_parent = ts.cgroup_parent.clone();
            // The task cgroup again (idempotent): it may have gone with
            // a reboot or a sweep while the images were pulled.
            if let (Some(_), Some(limits)) = (&ts.cgroup_parent, spec::task_limits(&ts.task)) {
                if let Err(e) = runtime
                    .create_task_cgroup(spec::task_id(&task), limits)
                    .await
                {
                    warn!(task = %task, error = %e, "cannot re-create the task cgroup");
                }
            }
            let Some(cspec) = ts.task.containers.iter().find(|c| c.name == container) else {
                return;
            };
            let cs = ts.container(&container).expect("known container");
            let mut create =
                spec::create_spec(&ts.task, cspec, &cs.docker_name, instance_arn, &siblings);
            if let Some(base) = &config.task_endpoint {
                let mut env = spec::endpoint_env(base, &cs.endpoint_id, &ts.task);
                env.append(&mut create.env);
                create.env = env;
            }
            let result = runtime.create_container(&create).await;
            // Its awslogs destination, as Docker's driver prepares it when
            // the container starts: a failure fails the start.
            let logging = match (&result, &config.logs) {
                (Ok(id), Some(client)) => {
                    match crate::logs::destination(client, &ts.task, &container, id) {
                        Some((target, signer)) => crate::logs::prepare(&signer, &target).await,
                        None => Ok(()),
                    }
                }
                _ => Ok(()),
            };
            let cs = ts.container_mut(&container).expect("known container");
            match result {
                Ok(id) if logging.is_err() => {
                    let reason = format!(
                        "CannotStartContainerError: {}",
                        logging.err().unwrap_or_default()
                    );
                    warn!(task = %task, container = %container, reason = %reason, "start failed");
                    cs.docker_id = Some(id);
                    let _ = cs.advance(ContainerPhase::Created);
                    cs.reason = Some(reason.clone());
                    ts.fail(StopCode::TaskFailedToStart, reason, now);
                }
                Ok(id) => {
                    info!(task = %task, container = %container, id = %id, "container created");
                    cs.docker_id = Some(id);
                    let _ = cs.advance(ContainerPhase::Created);
                }
                Err(e) if retry_later(&e, &task, "create") => {}
                Err(e) => {
                    let reason = format!("CannotCreateContainerError: {}", e.message());
                    warn!(task = %task, container = %container, error = %e, "create failed");
                    cs.reason = Some(reason.clone());
                    ts.fail(StopCode::TaskFailedToStart, reason, now);
                }
            }
        }
        Action::Start { task, container } => {
            let Some(id) = ts.container(&container).and_then(|c| c.docker_id.clone()) else {
                return;
            };
            let result = runtime.start(&id).await;
            // Its address at once when the credentials endpoint admits the
            // task by it (a bridge task with a role); otherwise the next
            // listing brings it, without an inspect on the way to RUNNING.
            let networks = match result {
                Ok(()) if needs_address_at_start(config, &ts.task) => runtime
                    .inspect(&id)
                    .await
                    .ok()
                    .flatten()
                    .map(|i| i.networks)
                    .unwrap_or_default(),
                _ => Vec::new(),
            };
            let cs = ts.container_mut(&container).expect("known container");
            match result {
                Err(e) if retry_later(&e, &task, "start") => {}
                Ok(()) => {
                    info!(task = %task, container = %container, "container started");
                    cs.started = true;
                    let _ = cs.advance(ContainerPhase::Running);
                    if let Some(n) = networks.first() {
                        cs.ipv4_address = Some(n.ipv4_address.clone());
                        cs.networks = networks;
                    }
                }
                Err(e) => {
                    let reason = format!("CannotStartContainerError: {}", e.message());
                    warn!(task = %task, container = %container, error = %e, "start failed");
                    cs.reason = Some(reason.clone());
                    ts.fail(StopCode::TaskFailedToStart, reason, now);
                }
            }
        }
        Action::SetupCgroup { task } => {
            let Some(limits) = spec::task_limits(&ts.task) else {
                ts.cgroup_ready = true;
                return;
            };
            match runtime
                .create_task_cgroup(spec::task_id(&task), limits)
                .await
            {
                Ok(parent) => {
                    info!(task = %task, cgroup_parent = ?parent, cpu = ?limits.cpu, memory_mib = ?limits.memory_mib, "task cgroup ready");
                    ts.cgroup_parent = parent;
                    ts.cgroup_ready = true;
                }
                Err(e) => ts.fail(
                    StopCode::TaskFailedToStart,
                    format!(
                        "ResourceInitializationError: failed to create the task cgroup: {}",
                        e.message()
                    ),
                    now,
                ),
            }
        }
        Action::StartPause { task } => match start_pause(runtime, ts, instance_arn).await {
            Ok(()) => {}
            Err(e) if retry_later(&e, &task, "start pause container") => {}
            Err(e) => {
                warn!(task = %task, error = %e, "cannot set up the task network");
                ts.fail(
                    StopCode::TaskFailedToStart,
                    format!(
                        "ResourceInitializationError: failed to set up the task network: {}",
                        e.message()
                    ),
                    now,
                );
            }
        },
        other => warn!(action = ?other, "not a task-local action"),
    }
}

/// Whether a started container's address is needed at once: the
/// credentials endpoint admits a bridge (or default) task's requests by its
/// containers' addresses, and a task with a role may ask at its first
/// instruction.
fn needs_address_at_start(config: &ReconcilerConfig, task: &DesiredTask) -> bool {
    config.task_endpoint.is_some()
        && task.task_credentials.is_some()
        && !matches!(
            task.network_mode,
            NetworkMode::Awsvpc | NetworkMode::Host | NetworkMode::None
        )
}

/// Ensures the pause image and the subnet's network, creates (once) and
/// starts the task's pause container, and records the realised interface.
async fn start_pause(
    runtime: &dyn ContainerRuntime,
    ts: &mut TaskState,
    instance_arn: &str,
) -> Result<(), RuntimeError> {
    let Some(awsvpc) = ts.task.awsvpc.clone() else {
        return Ok(());
    };
    let image = runtime.ensure_pause_image().await?;
    runtime.ensure_network(&spec::network_spec(&awsvpc)).await?;
    let pause = ts.pause.as_mut().expect("awsvpc task has a pause state");
    let id = match &pause.docker_id {
        Some(id) => id.clone(),
        None => {
            let create = spec::pause_spec(
                &ts.task,
                &awsvpc,
                &image,
                &pause.docker_name,
                instance_arn,
                ts.cgroup_parent.clone(),
            );
            let id = runtime.create_container(&create).await?;
            info!(task = %ts.task.task_arn, id = %id, ip = %awsvpc.private_ipv4_address, "pause container created");
            pause.docker_id = Some(id.clone());
            id
        }
    };
    runtime.start(&id).await?;
    let info = runtime
        .inspect(&id)
        .await?
        .ok_or_else(|| RuntimeError::NotFound { id: id.clone() })?;
    let net = spec::network_name(&awsvpc);
    let attached = info.networks.iter().find(|n| n.name == net);
    pause.running = info.state == RuntimeState::Running;
    if !pause.running {
        return Err(RuntimeError::Refused {
            op: "start pause container",
            message: format!("pause container {id} is not running"),
        });
    }
    ts.network = Some(ObservedNetwork {
        eni_id: awsvpc.eni_id.clone(),
        private_ipv4_address: attached
            .map(|n| n.ipv4_address.clone())
            .unwrap_or_else(|| awsvpc.private_ipv4_address.clone()),
        mac_address: attached.map(|n| n.mac_address.clone()).unwrap_or_default(),
    });
    Ok(())
}
