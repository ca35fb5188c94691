//! The container runtime edge: a trait with what the reconciler needs from
//! Docker, the real implementation ([`DockerRuntime`]) and a stateful
//! in-memory simulation ([`FakeRuntime`]) that other crates' tests use too.

mod docker;
pub mod fake;
mod json_file;

pub use docker::{DockerRuntime, PullTimeouts};
pub use fake::FakeRuntime;
pub mod cgroup;
pub(crate) mod pause;

use async_trait::async_trait;
use futures::stream::BoxStream;
use gantry_agent_api::{HealthStatus, NetworkBinding};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Docker-level container state (`State.Status`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum RuntimeState {
    Created,
    Running,
    Paused,
    Restarting,
    Removing,
    Exited,
    Dead,
}

impl RuntimeState {
    /// The container ran and is finished.
    pub fn is_finished(self) -> bool {
        matches!(self, RuntimeState::Exited | RuntimeState::Dead)
    }
}

/// What inspecting (or listing) a container tells.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ContainerInfo {
    pub id: String,
    /// Without the leading `/`.
    pub name: String,
    pub image: String,
    pub labels: BTreeMap<String, String>,
    pub state: RuntimeState,
    pub exit_code: Option<i32>,
    pub started_at: Option<String>,
    pub finished_at: Option<String>,
    /// `None` when the container has no health check.
    pub health: Option<HealthStatus>,
    pub oom_killed: bool,
    /// The runtime's own error for the container (`State.Error`).
    pub error: Option<String>,
    pub ports: Vec<NetworkBinding>,
    /// The networks the container is attached to (empty for `host`,
    /// `none` and `container:` modes).
    #[serde(default)]
    pub networks: Vec<ContainerNetwork>,
    /// The image id (`sha256:…`) when known.
    #[serde(default)]
    pub image_id: Option<String>,
}

impl ContainerInfo {
    /// A container created and never started: what it was created with,
    /// and nothing yet of what a start brings (exit code, health, times,
    /// bindings, addresses).
    pub fn never_started(
        id: String,
        name: String,
        image: String,
        labels: BTreeMap<String, String>,
        image_id: Option<String>,
    ) -> Self {
        ContainerInfo {
            id,
            name,
            image,
            labels,
            state: RuntimeState::Created,
            exit_code: None,
            started_at: None,
            finished_at: None,
            health: None,
            oom_killed: false,
            error: None,
            ports: Vec::new(),
            networks: Vec::new(),
            image_id,
        }
    }
}

/// One network attachment of a container.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContainerNetwork {
    /// Network name (`bridge`, `gantry-subnet-…`).
    pub name: String,
    pub ipv4_address: String,
    pub mac_address: String,
}

/// A Gantry-managed bridge network standing for one awsvpc subnet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NetworkSpec {
    pub name: String,
    /// e.g. `10.200.0.0/16`.
    pub subnet_cidr: String,
    pub gateway: String,
    pub labels: BTreeMap<String, String>,
}

/// Task-level limits realised as a per-task cgroup.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct TaskLimits {
    /// CPU units (1024 = one core).
    pub cpu: Option<u32>,
    /// MiB.
    pub memory_mib: Option<u32>,
}

/// A port to publish.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PortSpec {
    pub container_port: u16,
    /// `None`: the runtime picks a free host port.
    pub host_port: Option<u16>,
    pub protocol: gantry_agent_api::Protocol,
}

/// A named-volume or bind mount.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MountSpec {
    /// Host path (bind) or Docker volume name.
    pub source: String,
    pub target: String,
    pub read_only: bool,
    pub bind: bool,
}

/// Docker health check, durations in nanoseconds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HealthcheckSpec {
    pub test: Vec<String>,
    pub interval_ns: i64,
    pub timeout_ns: i64,
    pub retries: i64,
    pub start_period_ns: i64,
}

/// Everything needed to create one container, already translated from the
/// ECS container definition.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateSpec {
    pub name: String,
    pub image: String,
    pub cmd: Option<Vec<String>>,
    pub entrypoint: Option<Vec<String>>,
    /// `NAME=value`.
    pub env: Vec<String>,
    pub working_dir: Option<String>,
    pub user: Option<String>,
    pub hostname: Option<String>,
    pub labels: BTreeMap<String, String>,
    pub ports: Vec<PortSpec>,
    /// `bridge`, `host`, `none`.
    pub network_mode: String,
    pub network_disabled: bool,
    pub cpu_shares: i64,
    /// Bytes.
    pub memory: Option<i64>,
    pub memory_reservation: Option<i64>,
    /// (name, soft, hard).
    pub ulimits: Vec<(String, i64, i64)>,
    pub mounts: Vec<MountSpec>,
    /// `<container id>[:ro]`.
    pub volumes_from: Vec<String>,
    /// `<docker name>:<alias>`.
    pub links: Vec<String>,
    pub readonly_rootfs: bool,
    pub privileged: bool,
    pub init: bool,
    pub cap_add: Vec<String>,
    pub cap_drop: Vec<String>,
    /// path → options (`size=…`).
    pub tmpfs: BTreeMap<String, String>,
    /// Bytes.
    pub shm_size: Option<i64>,
    /// `host:container:perms`.
    pub devices: Vec<(String, String, String)>,
    pub dns: Vec<String>,
    pub dns_search: Vec<String>,
    pub extra_hosts: Vec<String>,
    pub security_opt: Vec<String>,
    pub sysctls: BTreeMap<String, String>,
    pub healthcheck: Option<HealthcheckSpec>,
    pub stop_timeout: Option<i64>,
    pub log_driver: Option<String>,
    pub log_options: BTreeMap<String, String>,
    pub tty: bool,
    pub open_stdin: bool,
    pub pid_mode: Option<String>,
    pub ipc_mode: Option<String>,
    /// Docker `CgroupParent` (the task's cgroup, `/gantry/<task id>`).
    #[serde(default)]
    pub cgroup_parent: Option<String>,
    /// With `network_mode` naming a user network: the container's fixed
    /// IPv4 address on it.
    #[serde(default)]
    pub ipv4_address: Option<String>,
}

/// A Docker volume to create.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct VolumeCreate {
    pub name: String,
    pub driver: Option<String>,
    pub driver_opts: BTreeMap<String, String>,
    pub labels: BTreeMap<String, String>,
}

/// Registry credentials for a pull.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegistryAuth {
    pub username: String,
    pub password: String,
    pub server_address: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RuntimeVersion {
    /// e.g. `20.10.24`.
    pub version: String,
    /// e.g. `1.41`.
    pub api_version: String,
    pub os: String,
    pub arch: String,
}

#[derive(Debug, thiserror::Error)]
pub enum RuntimeError {
    #[error("no such container {id}")]
    NotFound { id: String },
    /// The runtime refused the operation; `message` is its own text.
    #[error("{op} failed: {message}")]
    Refused { op: &'static str, message: String },
    #[error("{op} failed")]
    Docker {
        op: &'static str,
        #[source]
        source: bollard::errors::Error,
    },
}

impl RuntimeError {
    /// The runtime could not be reached at all (socket missing or refused,
    /// connection cut, timeout): the Engine is down or restarting, and the
    /// operation may not have happened. Callers should retry later rather
    /// than conclude anything about a task from it.
    pub fn is_unavailable(&self) -> bool {
        use bollard::errors::Error as E;
        match self {
            RuntimeError::NotFound { .. } => false,
            RuntimeError::Refused { message, .. } => {
                message.starts_with("Cannot connect to the Docker daemon")
            }
            RuntimeError::Docker { source, .. } => matches!(
                source,
                E::IOError { .. }
                    | E::HyperResponseError { .. }
                    | E::HyperLegacyError { .. }
                    | E::RequestTimeoutError
                    | E::SocketNotFoundError(_)
            ),
        }
    }

    /// The runtime's message, for `CannotPullContainerError: <message>` and the like.
    pub fn message(&self) -> String {
        match self {
            RuntimeError::NotFound { id } => format!("No such container: {id}"),
            RuntimeError::Refused { message, .. } => message.clone(),
            RuntimeError::Docker { source, .. } => match source {
                bollard::errors::Error::DockerResponseServerError { message, .. } => {
                    message.clone()
                }
                bollard::errors::Error::DockerStreamError { error } => error.clone(),
                other => other.to_string(),
            },
        }
    }
}

/// Which output stream a log line came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum LogSource {
    Stdout,
    Stderr,
}

/// One line of container output, as the engine recorded it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LogLine {
    /// When the engine received the line, nanoseconds since the epoch.
    pub timestamp_ns: i64,
    pub source: LogSource,
    /// Without the trailing newline.
    pub message: String,
}

/// What the reconciler needs from a container engine.
#[async_trait]
pub trait ContainerRuntime: Send + Sync + 'static {
    async fn version(&self) -> Result<RuntimeVersion, RuntimeError>;
    async fn image_present(&self, image: &str) -> Result<bool, RuntimeError>;
    async fn pull_image(&self, image: &str, auth: Option<RegistryAuth>)
        -> Result<(), RuntimeError>;
    /// Removes an image reference (untags it; the image goes with its last
    /// reference), never forcefully: an image a container still uses (even a
    /// stopped one) is refused (`Refused`). A missing image is not an error.
    /// Runtimes that cannot remove images refuse (the default), so the image
    /// cleanup ([`crate::images`]) leaves everything in place.
    async fn remove_image(&self, image: &str) -> Result<(), RuntimeError> {
        Err(RuntimeError::Refused {
            op: "remove image",
            message: format!("this runtime cannot remove images ({image} kept)"),
        })
    }
    /// Returns the new container's id.
    async fn create_container(&self, spec: &CreateSpec) -> Result<String, RuntimeError>;
    async fn start(&self, id: &str) -> Result<(), RuntimeError>;
    /// SIGTERM, then SIGKILL after `timeout_secs`. Stopping a stopped
    /// container is not an error.
    async fn stop(&self, id: &str, timeout_secs: u32) -> Result<(), RuntimeError>;
    /// Removes a container (forcefully) and its anonymous volumes. Removing a
    /// missing container is not an error.
    async fn remove(&self, id: &str) -> Result<(), RuntimeError>;
    /// `Ok(None)` when the container does not exist.
    async fn inspect(&self, id: &str) -> Result<Option<ContainerInfo>, RuntimeError>;
    /// All containers (running or not) carrying every `(key, value)` label.
    async fn list(&self, labels: &[(&str, &str)]) -> Result<Vec<ContainerInfo>, RuntimeError>;
    /// Creating an existing volume is not an error.
    async fn create_volume(&self, volume: &VolumeCreate) -> Result<(), RuntimeError>;
    /// Removing a missing volume is not an error.
    async fn remove_volume(&self, name: &str) -> Result<(), RuntimeError>;
    /// Ids of containers that changed (created, started, died, health…).
    /// The stream ends if the runtime's event feed breaks; callers re-subscribe.
    fn events(&self) -> BoxStream<'static, String>;
    /// Follows a container's stdout and stderr, oldest first, from
    /// `since_secs` (whole seconds since the epoch; 0 = from the start). The
    /// stream ends once the container has stopped and every line it wrote
    /// was delivered (or at once when the container does not exist).
    fn logs(&self, id: &str, since_secs: i64) -> BoxStream<'static, Result<LogLine, RuntimeError>>;

    /// Creates the bridge network if no network of that name exists
    /// (idempotent; a concurrent creation is not an error).
    async fn ensure_network(&self, network: &NetworkSpec) -> Result<(), RuntimeError>;
    /// Removes a network. A missing network is not an error; a network
    /// still in use is (`Refused`).
    async fn remove_network(&self, name: &str) -> Result<(), RuntimeError>;
    /// Names of the networks carrying every `(key, value)` label.
    async fn list_networks(&self, labels: &[(&str, &str)]) -> Result<Vec<String>, RuntimeError>;
    /// Makes the pause image present (building it locally when missing) and
    /// returns its reference.
    async fn ensure_pause_image(&self) -> Result<String, RuntimeError>;
    /// Creates (or updates) the task's cgroup with its limits. Returns the
    /// Docker `CgroupParent` to give every container of the task, or `None`
    /// when the host's cgroup layout is not supported (limits are skipped).
    async fn create_task_cgroup(
        &self,
        task_id: &str,
        limits: TaskLimits,
    ) -> Result<Option<String>, RuntimeError>;
    /// Removes the task's cgroup (a missing one is not an error).
    async fn remove_task_cgroup(&self, task_id: &str) -> Result<(), RuntimeError>;
    /// Task ids of the task cgroups on the host untouched for `min_age`.
    async fn list_task_cgroups(
        &self,
        min_age: std::time::Duration,
    ) -> Result<Vec<String>, RuntimeError>;
    /// One-shot Docker stats of a container (`stream=false`), as the Engine's
    /// JSON; `None` when the container does not exist.
    async fn stats(&self, id: &str) -> Result<Option<serde_json::Value>, RuntimeError>;
    /// The gateway address of the default bridge network (the host's
    /// address as bridge containers reach it), if any.
    async fn bridge_gateway(&self) -> Result<Option<std::net::IpAddr>, RuntimeError>;
}
