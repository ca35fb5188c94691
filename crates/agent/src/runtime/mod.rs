//! The container runtime edge: a trait with what the reconciler needs from
//! Docker, the real implementation ([`DockerRuntime`]) and a stateful
//! in-memory simulation ([`FakeRuntime`]) that other crates' tests use too.

mod docker;
mod fake;

pub use docker::DockerRuntime;
pub use fake::FakeRuntime;

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
}
