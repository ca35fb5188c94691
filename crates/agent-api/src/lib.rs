//! The one contract between the control plane and the host agent.
//!
//! The agent talks to the control plane over the same HTTP port as the ECS
//! API, SigV4-signed with service name `ecs`, exactly like the real ECS agent:
//!
//! * it registers itself with the public ECS operation
//!   `RegisterContainerInstance` (see [`client::AgentClient::ecs_call`]);
//! * it then calls `POST /agent/v1/sync` ([`SYNC_PATH`]) in a loop. Each call
//!   carries the agent's full observed state and the generation of the
//!   desired state it holds. The answer carries the complete desired state of
//!   the host (never a delta) whenever its generation differs, and long-polls
//!   for up to `wait_seconds` otherwise.
//!
//! Desired state is level-triggered: the agent persists it, reconciles Docker
//! to it, and reports what it observed. A task absent from the desired state
//! must not run on the host.

pub mod client;

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Path of the sync endpoint (POST, JSON body [`SyncRequest`], answer [`SyncResponse`]).
pub const SYNC_PATH: &str = "/agent/v1/sync";

/// Longest long-poll the server honours.
pub const MAX_WAIT_SECONDS: u32 = 20;

/// Docker labels Gantry puts on every container it creates. The first five
/// are the ECS agent's own labels.
pub mod labels {
    pub const CLUSTER: &str = "com.amazonaws.ecs.cluster";
    pub const TASK_ARN: &str = "com.amazonaws.ecs.task-arn";
    pub const CONTAINER_NAME: &str = "com.amazonaws.ecs.container-name";
    pub const TASK_DEFINITION_FAMILY: &str = "com.amazonaws.ecs.task-definition-family";
    pub const TASK_DEFINITION_VERSION: &str = "com.amazonaws.ecs.task-definition-version";
    /// Always `"true"`: marks a container as created by Gantry.
    pub const MANAGED: &str = "io.gantry.managed";
    /// The container instance ARN of the agent that created the container.
    pub const CONTAINER_INSTANCE_ARN: &str = "io.gantry.container-instance-arn";
}

/// Agent → control plane.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct SyncRequest {
    pub cluster: String,
    pub container_instance_arn: String,
    /// Generation of the desired state the agent currently holds (0 = none).
    pub known_generation: u64,
    /// Long-poll: how long the server may hold the request when the desired
    /// state has not changed. 0 answers at once.
    #[serde(default)]
    pub wait_seconds: u32,
    /// The agent's observation of the tasks it knows: all of them, or those
    /// whose observation changed since its last acknowledged report
    /// ([`ReportedTasks`]). `None` when the agent has nothing new to report.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub observed: Option<ObservedState>,
    /// The agent takes a new desired state as its changes from the one of
    /// `known_generation` ([`SyncResponse::changes`]) when the control
    /// plane can give them.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub accepts_changes: bool,
}

/// Control plane → agent.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct SyncResponse {
    /// Current generation of this host's desired state.
    pub generation: u64,
    /// Present when `generation != known_generation`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub desired: Option<DesiredState>,
    /// Instead of `desired`, to an agent that accepts changes: what changed
    /// since the desired state it holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub changes: Option<DesiredChanges>,
    /// `false` when the container instance was deregistered: the agent must
    /// stop everything and exit.
    #[serde(default = "yes")]
    pub registered: bool,
}

impl SyncResponse {
    /// Whether the answer carries a new desired state (whole or changes).
    pub fn has_news(&self) -> bool {
        self.desired.is_some() || self.changes.is_some()
    }

    /// Replaces `held` with the new desired state the answer carries, if
    /// any (`Ok(true)`); `Err(())`, and `held` emptied, when the answer
    /// holds changes from another generation than `held`'s: ask again for
    /// the whole state. Like [`SyncResponse::take_desired`] without copying
    /// the held tasks.
    #[allow(clippy::result_unit_err)]
    pub fn take_desired_into(&mut self, held: &mut Option<DesiredState>) -> Result<bool, ()> {
        if let Some(d) = self.desired.take() {
            *held = Some(d);
            return Ok(true);
        }
        let Some(c) = self.changes.take() else {
            return Ok(false);
        };
        match held.take() {
            Some(h) if h.generation == c.base_generation => {
                *held = Some(c.apply_owned(h));
                Ok(true)
            }
            _ => Err(()),
        }
    }

    /// The new desired state the answer carries, given the one the agent
    /// holds. `Err(())` when the answer holds changes from another
    /// generation than `held`'s: ask again for the whole state.
    #[allow(clippy::result_unit_err)]
    pub fn take_desired(
        &mut self,
        held: Option<&DesiredState>,
    ) -> Result<Option<DesiredState>, ()> {
        if let Some(d) = self.desired.take() {
            return Ok(Some(d));
        }
        match self.changes.take() {
            None => Ok(None),
            Some(c) => match held {
                Some(h) if h.generation == c.base_generation => Ok(Some(c.apply(h))),
                _ => Err(()),
            },
        }
    }
}

/// A desired state as its changes from the one of `base_generation`: tasks
/// added or changed (whole), and tasks no longer in it.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct DesiredChanges {
    pub base_generation: u64,
    pub generation: u64,
    #[serde(default)]
    pub upsert: Vec<DesiredTask>,
    /// Task ARNs.
    #[serde(default)]
    pub remove: Vec<String>,
}

impl DesiredChanges {
    /// The desired state `base` becomes (tasks keep their places; new ones
    /// come last).
    pub fn apply(self, base: &DesiredState) -> DesiredState {
        self.apply_owned(base.clone())
    }

    /// [`DesiredChanges::apply`] to a state the caller gives up (its
    /// unchanged tasks are moved, not copied).
    pub fn apply_owned(self, mut base: DesiredState) -> DesiredState {
        // In place: the held tasks are neither moved nor hashed unless
        // something names them.
        if !self.remove.is_empty() {
            let remove: std::collections::HashSet<&str> =
                self.remove.iter().map(String::as_str).collect();
            base.tasks.retain(|t| !remove.contains(t.task_arn.as_str()));
        }
        let mut upsert = self.upsert;
        if upsert.len() <= UPSERT_SCAN {
            // A few: compared with each held task (cheaper than hashing
            // every held task's ARN).
            for t in base.tasks.iter_mut() {
                if upsert.is_empty() {
                    break;
                }
                if let Some(i) = upsert.iter().position(|u| u.task_arn == t.task_arn) {
                    *t = upsert.swap_remove(i);
                }
            }
        } else {
            let mut by_arn: std::collections::HashMap<String, DesiredTask> = upsert
                .into_iter()
                .map(|t| (t.task_arn.clone(), t))
                .collect();
            for t in base.tasks.iter_mut() {
                if by_arn.is_empty() {
                    break;
                }
                if let Some(u) = by_arn.remove(&t.task_arn) {
                    *t = u;
                }
            }
            upsert = by_arn.into_values().collect();
        }
        upsert.sort_by(|a, b| a.task_arn.cmp(&b.task_arn));
        base.tasks.extend(upsert);
        base.generation = self.generation;
        base
    }
}

/// Up to this many upserted tasks, [`DesiredChanges::apply_owned`] finds
/// them among the held tasks by comparing ARNs instead of hashing.
const UPSERT_SCAN: usize = 16;

fn yes() -> bool {
    true
}

/// The complete set of tasks a host must run (or finish stopping).
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct DesiredState {
    pub generation: u64,
    pub tasks: Vec<DesiredTask>,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, Hash)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum DesiredStatus {
    Running,
    Stopped,
}

#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize, PartialEq, Eq, Hash)]
#[serde(rename_all = "lowercase")]
pub enum NetworkMode {
    #[default]
    Bridge,
    Host,
    Awsvpc,
    None,
}

/// One task as the agent must realise it. Overrides are already applied by
/// the control plane: `containers` are final.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct DesiredTask {
    pub task_arn: String,
    pub cluster_arn: String,
    /// Short cluster name (for the `com.amazonaws.ecs.cluster` label).
    pub cluster: String,
    pub task_definition_arn: String,
    pub family: String,
    pub revision: i32,
    pub desired_status: DesiredStatus,
    #[serde(default)]
    pub network_mode: NetworkMode,
    /// Task-level CPU units and memory MiB, if set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cpu: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub memory: Option<u32>,
    pub containers: Vec<ContainerSpec>,
    #[serde(default)]
    pub volumes: Vec<VolumeSpec>,
    /// `pidMode` / `ipcMode` as in the task definition.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pid_mode: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ipc_mode: Option<String>,
    /// Set when the control plane asked the task to stop.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stop_reason: Option<String>,
    /// awsvpc mode: the task's own network interface, allocated by the
    /// control plane (IP from the subnet's CIDR). The agent realises it as a
    /// pause container on the subnet's Gantry-managed network.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub awsvpc: Option<AwsvpcSpec>,
    /// Temporary credentials for the task role (`taskRoleArn`), served to the
    /// task's containers by the agent's credentials endpoint.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub task_credentials: Option<TaskCredentials>,
    /// Temporary credentials for the task execution role, used by the agent
    /// itself (image pulls, log delivery).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub execution_credentials: Option<TaskCredentials>,
    /// Launch type the task was placed with (`EC2`, `FARGATE`, `EXTERNAL`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub launch_type: Option<String>,
    /// Capacity provider (`FARGATE`, `FARGATE_SPOT`) for Fargate tasks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub capacity_provider_name: Option<String>,
    /// The task role (`taskRoleArn`, overrides applied) whose credentials
    /// `task_credentials` carries.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub task_role_arn: Option<String>,
    /// The task execution role (`executionRoleArn`, overrides applied).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub execution_role_arn: Option<String>,
}

/// The elastic network interface of an awsvpc task, as the control plane
/// allocated it.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct AwsvpcSpec {
    /// `eni-…` identifier shown in the task's attachment.
    pub eni_id: String,
    pub subnet_id: String,
    /// The subnet's CIDR, e.g. `10.200.0.0/16`.
    pub subnet_cidr: String,
    /// The subnet's gateway (first host address of the CIDR).
    pub gateway: String,
    /// The task's private IPv4 address inside `subnet_cidr`.
    pub private_ipv4_address: String,
}

/// Temporary credentials for a role, as the credentials endpoint serves them.
#[derive(Clone, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct TaskCredentials {
    /// Opaque id: the credentials endpoint path is `/v2/credentials/{id}`.
    pub credentials_id: String,
    pub role_arn: String,
    pub access_key_id: String,
    pub secret_access_key: String,
    pub session_token: String,
    /// Expiry as RFC 3339 UTC (`2026-11-26T10:00:00Z`).
    pub expiration: String,
}

impl std::fmt::Debug for TaskCredentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TaskCredentials")
            .field("credentials_id", &self.credentials_id)
            .field("role_arn", &self.role_arn)
            .field("access_key_id", &self.access_key_id)
            .field("expiration", &self.expiration)
            .finish_non_exhaustive()
    }
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct ContainerSpec {
    pub name: String,
    pub image: String,
    #[serde(default = "yes")]
    pub essential: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub command: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entry_point: Option<Vec<String>>,
    /// Ordered `NAME=value` pairs.
    #[serde(default)]
    pub environment: Vec<KeyValue>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub working_directory: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hostname: Option<String>,
    #[serde(default)]
    pub port_mappings: Vec<PortMapping>,
    /// CPU units (1024 = one core); becomes Docker CpuShares (min 2).
    #[serde(default)]
    pub cpu: u32,
    /// Hard memory limit in MiB.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub memory: Option<u32>,
    /// Soft memory limit in MiB.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub memory_reservation: Option<u32>,
    #[serde(default)]
    pub ulimits: Vec<Ulimit>,
    #[serde(default)]
    pub docker_labels: BTreeMap<String, String>,
    #[serde(default)]
    pub mount_points: Vec<MountPoint>,
    #[serde(default)]
    pub volumes_from: Vec<VolumeFrom>,
    /// `name:alias` (bridge mode only).
    #[serde(default)]
    pub links: Vec<String>,
    #[serde(default)]
    pub readonly_root_filesystem: bool,
    #[serde(default)]
    pub privileged: bool,
    #[serde(default)]
    pub interactive: bool,
    #[serde(default)]
    pub pseudo_terminal: bool,
    #[serde(default)]
    pub disable_networking: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub health_check: Option<HealthCheck>,
    /// Seconds between SIGTERM and SIGKILL (default 30).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stop_timeout: Option<u32>,
    /// Seconds to wait for dependencies before giving up.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_timeout: Option<u32>,
    #[serde(default)]
    pub depends_on: Vec<Dependency>,
    #[serde(default)]
    pub dns_servers: Vec<String>,
    #[serde(default)]
    pub dns_search_domains: Vec<String>,
    /// `hostname:ip` entries for /etc/hosts.
    #[serde(default)]
    pub extra_hosts: Vec<String>,
    #[serde(default)]
    pub docker_security_options: Vec<String>,
    #[serde(default)]
    pub system_controls: Vec<KeyValue>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub linux_parameters: Option<LinuxParameters>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub log_configuration: Option<LogConfiguration>,
    /// Name (ARN) of the secret holding `{"username","password"}` for the
    /// image's registry (`repositoryCredentials.credentialsParameter`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub repository_credentials: Option<String>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct KeyValue {
    pub name: String,
    pub value: String,
}

#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize, PartialEq, Eq, Hash)]
#[serde(rename_all = "lowercase")]
pub enum Protocol {
    #[default]
    Tcp,
    Udp,
}

impl Protocol {
    pub fn as_str(self) -> &'static str {
        match self {
            Protocol::Tcp => "tcp",
            Protocol::Udp => "udp",
        }
    }
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct PortMapping {
    pub container_port: u16,
    /// `None` or `Some(0)`: a dynamic host port (bridge mode).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub host_port: Option<u16>,
    #[serde(default)]
    pub protocol: Protocol,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct Ulimit {
    pub name: String,
    pub soft_limit: i64,
    pub hard_limit: i64,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct MountPoint {
    pub source_volume: String,
    pub container_path: String,
    #[serde(default)]
    pub read_only: bool,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct VolumeFrom {
    pub source_container: String,
    #[serde(default)]
    pub read_only: bool,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct HealthCheck {
    /// `["CMD", ...]` or `["CMD-SHELL", "..."]`.
    pub command: Vec<String>,
    /// Seconds (defaults already applied: 30 / 5 / 3 / 0).
    pub interval: u32,
    pub timeout: u32,
    pub retries: u32,
    pub start_period: u32,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, Hash)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum DependencyCondition {
    Start,
    Complete,
    Success,
    Healthy,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct Dependency {
    pub container_name: String,
    pub condition: DependencyCondition,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct LinuxParameters {
    #[serde(default)]
    pub capabilities_add: Vec<String>,
    #[serde(default)]
    pub capabilities_drop: Vec<String>,
    #[serde(default)]
    pub init_process_enabled: bool,
    /// MiB.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shared_memory_size: Option<u32>,
    #[serde(default)]
    pub tmpfs: Vec<Tmpfs>,
    #[serde(default)]
    pub devices: Vec<Device>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct Tmpfs {
    pub container_path: String,
    /// MiB.
    pub size: u32,
    #[serde(default)]
    pub mount_options: Vec<String>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct Device {
    pub host_path: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub container_path: Option<String>,
    #[serde(default)]
    pub permissions: Vec<String>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct LogConfiguration {
    pub log_driver: String,
    #[serde(default)]
    pub options: BTreeMap<String, String>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct VolumeSpec {
    pub name: String,
    /// Bind mount from this host path. `None` with `docker: None` means an
    /// empty task-scoped Docker volume (ECS's "host" volume with no sourcePath).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub host_source_path: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub docker: Option<DockerVolume>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct DockerVolume {
    /// `task` (created and removed with the task) or `shared`.
    #[serde(default = "task_scope")]
    pub scope: String,
    #[serde(default)]
    pub autoprovision: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub driver: Option<String>,
    #[serde(default)]
    pub driver_opts: BTreeMap<String, String>,
    #[serde(default)]
    pub labels: BTreeMap<String, String>,
}

fn task_scope() -> String {
    "task".to_string()
}

/// Everything the agent knows about the tasks it holds.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct ObservedState {
    pub tasks: Vec<TaskObservation>,
}

/// ECS task `lastStatus` values, in lifecycle order.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum TaskStatus {
    Provisioning,
    Pending,
    Activating,
    Running,
    Deactivating,
    Stopping,
    Deprovisioning,
    Stopped,
}

impl TaskStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            TaskStatus::Provisioning => "PROVISIONING",
            TaskStatus::Pending => "PENDING",
            TaskStatus::Activating => "ACTIVATING",
            TaskStatus::Running => "RUNNING",
            TaskStatus::Deactivating => "DEACTIVATING",
            TaskStatus::Stopping => "STOPPING",
            TaskStatus::Deprovisioning => "DEPROVISIONING",
            TaskStatus::Stopped => "STOPPED",
        }
    }
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, Hash)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ContainerStatus {
    Pending,
    Running,
    Stopped,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, Hash)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum HealthStatus {
    Healthy,
    Unhealthy,
    Unknown,
}

/// ECS `stopCode` values the agent can decide on.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, Hash)]
pub enum StopCode {
    TaskFailedToStart,
    EssentialContainerExited,
    UserInitiated,
    ServiceSchedulerInitiated,
    SpotInterruption,
    TerminationNotice,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct TaskObservation {
    pub task_arn: String,
    pub last_status: TaskStatus,
    pub containers: Vec<ContainerObservation>,
    /// Epoch seconds (fractional).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pull_started_at: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pull_stopped_at: Option<f64>,
    /// When the task reached RUNNING.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub started_at: Option<f64>,
    /// When the first essential container stopped.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub execution_stopped_at: Option<f64>,
    /// When the task reached STOPPED.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stopped_at: Option<f64>,
    /// Set by the agent when it decided the task stops (essential exit,
    /// failure to start). User/scheduler stops carry the control plane's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stopped_reason: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stop_code: Option<StopCode>,
    /// awsvpc tasks: the interface as realised on the host.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub network: Option<ObservedNetwork>,
}

/// An awsvpc task's interface as the agent realised it.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct ObservedNetwork {
    pub eni_id: String,
    pub private_ipv4_address: String,
    pub mac_address: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct ContainerObservation {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub runtime_id: Option<String>,
    pub last_status: ContainerStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exit_code: Option<i32>,
    /// Why the container stopped or failed (`CannotPullContainerError: …`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    #[serde(default)]
    pub network_bindings: Vec<NetworkBinding>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub health_status: Option<HealthStatus>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image_digest: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct NetworkBinding {
    pub bind_ip: String,
    pub container_port: u16,
    pub host_port: u16,
    pub protocol: Protocol,
}

/// The instance attributes an agent registers with: OS and CPU
/// architecture, the capabilities it implements (the ECS agent's names, so
/// task definitions' `requiresAttributes` place the same way), then the
/// operator's `extra` attributes. Real and simulated agents both use this.
pub fn registration_attributes(
    docker_api_minor: u32,
    cpu_architecture: &str,
    extra: &[(String, Option<String>)],
) -> Vec<serde_json::Value> {
    use serde_json::json;
    let mut attrs = vec![
        json!({"name": "ecs.os-type", "value": "linux"}),
        json!({"name": "ecs.cpu-architecture", "value": cpu_architecture}),
    ];
    for minor in 17..=docker_api_minor.min(41) {
        attrs.push(
            json!({"name": format!("com.amazonaws.ecs.capability.docker-remote-api.1.{minor}")}),
        );
    }
    for cap in [
        "ecs.capability.container-health-check",
        "ecs.capability.container-ordering",
        "com.amazonaws.ecs.capability.private-registry-authentication.secretsmanager",
        "ecs.capability.docker-plugin.local",
        "ecs.capability.task-cpu-mem-limit",
        "com.amazonaws.ecs.capability.logging-driver.json-file",
        "com.amazonaws.ecs.capability.logging-driver.awslogs",
        "com.amazonaws.ecs.capability.logging-driver.none",
        "com.amazonaws.ecs.capability.logging-driver.syslog",
    ] {
        attrs.push(json!({ "name": cap }));
    }
    for (name, value) in extra {
        match value {
            Some(v) => attrs.push(json!({"name": name, "value": v})),
            None => attrs.push(json!({ "name": name })),
        }
    }
    attrs
}

/// The task observations an agent has reported and the control plane
/// acknowledged (it answered the report, so it has applied and stored it):
/// a report then carries only the tasks whose observation changed since,
/// and every [`ReportedTasks::WHOLE_EVERY`]th report (the first included)
/// carries them all.
#[derive(Debug, Default)]
pub struct ReportedTasks {
    acked: std::collections::HashMap<String, TaskObservation>,
    reports: u64,
}

impl ReportedTasks {
    pub const WHOLE_EVERY: u64 = 100;

    /// What to report of `observed` (every task the agent knows): `None`
    /// when nothing changed since the last acknowledged report.
    pub fn to_report(&mut self, observed: &ObservedState) -> Option<ObservedState> {
        // Tasks the agent no longer knows need no memory.
        let known: std::collections::HashSet<&str> =
            observed.tasks.iter().map(|t| t.task_arn.as_str()).collect();
        self.acked.retain(|arn, _| known.contains(arn.as_str()));
        if self.reports.is_multiple_of(Self::WHOLE_EVERY) {
            return Some(observed.clone());
        }
        let tasks: Vec<TaskObservation> = observed
            .tasks
            .iter()
            .filter(|t| self.acked.get(&t.task_arn) != Some(*t))
            .cloned()
            .collect();
        (!tasks.is_empty()).then_some(ObservedState { tasks })
    }

    /// `sent` was answered by the control plane.
    pub fn acknowledged(&mut self, sent: ObservedState) {
        self.reports += 1;
        for t in sent.tasks {
            self.acked.insert(t.task_arn.clone(), t);
        }
    }
}

#[cfg(test)]
mod changes_tests {
    use super::*;

    fn task(arn: &str, status: &str) -> DesiredTask {
        serde_json::from_value(serde_json::json!({
            "taskArn": arn, "clusterArn": "c", "cluster": "c",
            "taskDefinitionArn": "td", "family": "f", "revision": 1,
            "desiredStatus": status, "containers": []
        }))
        .expect("a desired task")
    }

    #[test]
    fn changes_replace_remove_and_add_in_place() {
        let base = DesiredState {
            generation: 4,
            tasks: vec![
                task("a", "RUNNING"),
                task("b", "RUNNING"),
                task("c", "RUNNING"),
            ],
        };
        let changes = DesiredChanges {
            base_generation: 4,
            generation: 6,
            upsert: vec![
                task("e", "RUNNING"),
                task("c", "STOPPED"),
                task("d", "RUNNING"),
            ],
            remove: vec!["b".into()],
        };
        let next = changes.apply(&base);
        assert_eq!(next.generation, 6);
        let got: Vec<(&str, DesiredStatus)> = next
            .tasks
            .iter()
            .map(|t| (t.task_arn.as_str(), t.desired_status))
            .collect();
        assert_eq!(
            got,
            vec![
                ("a", DesiredStatus::Running),
                ("c", DesiredStatus::Stopped),
                ("d", DesiredStatus::Running),
                ("e", DesiredStatus::Running),
            ]
        );
    }

    /// The desired state after `changes`, computed the plain way.
    fn reference(base: &DesiredState, changes: &DesiredChanges) -> Vec<(String, DesiredStatus)> {
        let mut out: Vec<(String, DesiredStatus)> = base
            .tasks
            .iter()
            .filter(|t| !changes.remove.contains(&t.task_arn))
            .map(|t| {
                let now = changes
                    .upsert
                    .iter()
                    .find(|u| u.task_arn == t.task_arn)
                    .unwrap_or(t);
                (now.task_arn.clone(), now.desired_status)
            })
            .collect();
        let mut added: Vec<(String, DesiredStatus)> = changes
            .upsert
            .iter()
            .filter(|u| !base.tasks.iter().any(|t| t.task_arn == u.task_arn))
            .map(|u| (u.task_arn.clone(), u.desired_status))
            .collect();
        added.sort_by(|a, b| a.0.cmp(&b.0));
        out.extend(added);
        out
    }

    #[test]
    fn few_and_many_upserts_give_the_same_state() {
        let base = DesiredState {
            generation: 1,
            tasks: (0..60)
                .map(|i| task(&format!("t{i:02}"), "RUNNING"))
                .collect(),
        };
        // Below and above UPSERT_SCAN: found by comparing, then by hashing.
        for n in [3, UPSERT_SCAN, UPSERT_SCAN + 1, 40] {
            let changes = DesiredChanges {
                base_generation: 1,
                generation: 2,
                // Every third upsert is a new task, the others stop held ones.
                upsert: (0..n)
                    .map(|i| match i % 3 {
                        0 => task(&format!("n{i:02}"), "RUNNING"),
                        _ => task(&format!("t{:02}", 59 - i), "STOPPED"),
                    })
                    .collect(),
                remove: vec!["t00".into(), "t07".into()],
            };
            let want = reference(&base, &changes);
            let got: Vec<(String, DesiredStatus)> = changes
                .apply_owned(base.clone())
                .tasks
                .into_iter()
                .map(|t| (t.task_arn, t.desired_status))
                .collect();
            assert_eq!(got, want, "{n} upserts");
        }
    }

    fn observed(arn: &str, status: TaskStatus) -> TaskObservation {
        serde_json::from_value(serde_json::json!({
            "taskArn": arn, "lastStatus": status, "containers": []
        }))
        .expect("an observation")
    }

    #[test]
    fn reports_carry_what_changed_since_the_last_answered_one() {
        let mut r = ReportedTasks::default();
        let all = ObservedState {
            tasks: vec![
                observed("a", TaskStatus::Running),
                observed("b", TaskStatus::Pending),
            ],
        };
        // The first report is whole; not answered, it is whole again.
        assert_eq!(r.to_report(&all), Some(all.clone()));
        assert_eq!(r.to_report(&all), Some(all.clone()));
        r.acknowledged(all.clone());
        assert_eq!(r.to_report(&all), None);
        let moved = ObservedState {
            tasks: vec![
                observed("a", TaskStatus::Running),
                observed("b", TaskStatus::Running),
                observed("c", TaskStatus::Pending),
            ],
        };
        let part = r.to_report(&moved).expect("what changed");
        let arns: Vec<&str> = part.tasks.iter().map(|t| t.task_arn.as_str()).collect();
        assert_eq!(arns, vec!["b", "c"]);
        // Unanswered, it is sent again; answered, it is not.
        assert_eq!(r.to_report(&moved), Some(part.clone()));
        r.acknowledged(part);
        assert_eq!(r.to_report(&moved), None);
        // Every WHOLE_EVERY-th report is whole.
        for _ in 2..ReportedTasks::WHOLE_EVERY {
            r.acknowledged(ObservedState { tasks: vec![] });
        }
        assert_eq!(r.to_report(&moved), Some(moved.clone()));
    }

    #[test]
    fn changes_apply_only_to_their_base() {
        let held = DesiredState {
            generation: 5,
            tasks: vec![task("a", "RUNNING")],
        };
        let answer = |base| SyncResponse {
            generation: 7,
            desired: None,
            changes: Some(DesiredChanges {
                base_generation: base,
                generation: 7,
                upsert: vec![],
                remove: vec!["a".into()],
            }),
            registered: true,
        };
        assert!(answer(4).take_desired(Some(&held)).is_err());
        assert!(answer(5).take_desired(None).is_err());
        let next = answer(5).take_desired(Some(&held)).unwrap().unwrap();
        assert_eq!(next.generation, 7);
        assert!(next.tasks.is_empty());
        // An answer without news gives nothing; a whole state is taken as is.
        let mut idle = answer(5);
        idle.changes = None;
        assert_eq!(idle.take_desired(Some(&held)), Ok(None));
        idle.desired = Some(held.clone());
        assert_eq!(idle.take_desired(None), Ok(Some(held.clone())));
        // take_desired_into gives the same states, in place.
        let mut mine = Some(held.clone());
        assert_eq!(answer(5).take_desired_into(&mut mine), Ok(true));
        assert_eq!(mine, answer(5).take_desired(Some(&held)).unwrap());
        let mut other = Some(held.clone());
        assert!(answer(4).take_desired_into(&mut other).is_err());
        assert_eq!(
            other, None,
            "a held state the changes do not fit is dropped"
        );
        let mut idle = answer(5);
        idle.changes = None;
        let mut kept = Some(held.clone());
        assert_eq!(idle.take_desired_into(&mut kept), Ok(false));
        assert_eq!(kept, Some(held));
    }
}
