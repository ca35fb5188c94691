//! A stateful in-memory container engine: images that are known or not,
//! pulls that fail, containers that run until told to exit, health that can
//! be set, and an event feed. It simulates; it does not assert.

use super::{
    ContainerInfo, ContainerNetwork, ContainerRuntime, CreateSpec, LogLine, LogSource, NetworkSpec,
    RegistryAuth, RuntimeError, RuntimeState, RuntimeVersion, TaskLimits, VolumeCreate,
};
use async_trait::async_trait;
use futures::stream::BoxStream;
use gantry_agent_api::{HealthStatus, NetworkBinding};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::{Arc, Mutex, MutexGuard};
use tokio::sync::{broadcast, Notify};

/// One simulated container.
#[derive(Debug, Clone)]
pub struct FakeContainer {
    pub info: ContainerInfo,
    pub spec: CreateSpec,
    /// How many times it was started.
    pub starts: u32,
    /// Stop requests received (timeout seconds each).
    pub stops: Vec<u32>,
}

#[derive(Debug, Default)]
struct State {
    images: BTreeSet<String>,
    /// image → error message of every pull.
    pull_failures: BTreeMap<String, String>,
    /// When false, pulling an image that is not known fails like a registry
    /// that does not have it.
    registry_has_everything: bool,
    pulls: Vec<String>,
    /// Images removed, in order.
    image_removals: Vec<String>,
    containers: BTreeMap<String, FakeContainer>,
    /// Container names that ignore SIGTERM (exit 137 on stop).
    ignore_sigterm: BTreeSet<String>,
    /// Names that exit at once with this code when started.
    exit_on_start: BTreeMap<String, i32>,
    volumes: BTreeMap<String, VolumeCreate>,
    next_id: u64,
    next_port: u16,
    creates: u32,
    /// container id → its output, in write order.
    logs: BTreeMap<String, Vec<LogLine>>,
    networks: BTreeMap<String, NetworkSpec>,
    /// Every network ever created, in order.
    network_creates: Vec<String>,
    pause_image_builds: u32,
    /// task id → limits of its cgroup.
    cgroups: BTreeMap<String, TaskLimits>,
    /// When false, task cgroups are "not supported" (`Ok(None)`).
    cgroups_unsupported: bool,
    /// Next address on the default bridge (172.17.0.x).
    next_bridge_ip: u32,
    /// The engine is stopped: every call fails as if the socket refused
    /// connections, and event streams end.
    engine_down: bool,
}

/// What the Docker CLI and API clients say when the Engine's socket is gone.
pub const ENGINE_DOWN_MESSAGE: &str =
    "Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?";

/// Sent on the event channel to end every event stream (engine stopped).
const ENGINE_STOPPED: &str = "\0engine-stopped";

/// See the module documentation.
#[derive(Debug)]
pub struct FakeRuntime {
    state: Arc<Mutex<State>>,
    events: broadcast::Sender<String>,
    /// Wakes log followers on new output and on every container change.
    log_wake: Arc<Notify>,
}

impl Default for FakeRuntime {
    fn default() -> Self {
        Self::new()
    }
}

impl FakeRuntime {
    /// A fake whose registry has every image (pulls succeed unless told otherwise).
    pub fn new() -> Self {
        let (events, _) = broadcast::channel(1024);
        FakeRuntime {
            state: Arc::new(Mutex::new(State {
                registry_has_everything: true,
                next_port: 49153,
                next_id: 1,
                next_bridge_ip: 2,
                ..Default::default()
            })),
            events,
            log_wake: Arc::new(Notify::new()),
        }
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn emit(&self, id: &str) {
        self.log_wake.notify_waiters();
        let _ = self.events.send(id.to_string());
    }

    /// The engine stops (crash, upgrade, `systemctl restart docker`): until
    /// [`Self::engine_restarted`], every call fails with
    /// [`ENGINE_DOWN_MESSAGE`], current event streams end and new ones end at
    /// once. Containers are untouched until the engine is back.
    pub fn engine_stop(&self) {
        self.lock().engine_down = true;
        let _ = self.events.send(ENGINE_STOPPED.to_string());
        self.log_wake.notify_waiters();
    }

    /// The engine is back. With `Some(code)` (Docker's default: no
    /// live-restore, restart policy `no`) every container that was running
    /// is now exited with `code` (255 after a crash, 143 after a clean
    /// daemon stop); with `None` (live-restore) they kept running. No event
    /// is delivered for what happened while it was down.
    pub fn engine_restarted(&self, exit_code: Option<i32>) {
        let mut st = self.lock();
        st.engine_down = false;
        if let Some(code) = exit_code {
            for c in st.containers.values_mut() {
                if matches!(
                    c.info.state,
                    RuntimeState::Running | RuntimeState::Paused | RuntimeState::Restarting
                ) {
                    c.info.state = RuntimeState::Exited;
                    c.info.exit_code = Some(code);
                    c.info.health = c.info.health.map(|_| HealthStatus::Unhealthy);
                    c.info.finished_at = Some("finished".into());
                }
            }
        }
        drop(st);
        self.log_wake.notify_waiters();
    }

    /// Whether the engine is stopped.
    pub fn engine_is_down(&self) -> bool {
        self.lock().engine_down
    }

    fn up(&self, op: &'static str) -> Result<(), RuntimeError> {
        if self.lock().engine_down {
            return Err(RuntimeError::Refused {
                op,
                message: ENGINE_DOWN_MESSAGE.to_string(),
            });
        }
        Ok(())
    }

    /// Makes an image present locally.
    pub fn add_image(&self, image: &str) {
        self.lock().images.insert(image.to_string());
    }

    /// Every pull of `image` fails with `message`.
    pub fn fail_pull(&self, image: &str, message: &str) {
        self.lock()
            .pull_failures
            .insert(image.to_string(), message.to_string());
    }

    /// When `false`, pulling an unknown image fails ("pull access denied").
    pub fn set_registry_has_everything(&self, yes: bool) {
        self.lock().registry_has_everything = yes;
    }

    /// Images pulled so far, in order.
    pub fn pulls(&self) -> Vec<String> {
        self.lock().pulls.clone()
    }

    /// Images removed so far ([`ContainerRuntime::remove_image`]), in order.
    pub fn image_removals(&self) -> Vec<String> {
        self.lock().image_removals.clone()
    }

    /// Whether an image is present locally.
    pub fn has_image(&self, image: &str) -> bool {
        self.lock().images.contains(image)
    }

    /// Number of containers ever created.
    pub fn create_count(&self) -> u32 {
        self.lock().creates
    }

    /// Containers with this name (ECS container name label or Docker name) ignore SIGTERM.
    pub fn ignore_sigterm(&self, container_name: &str) {
        self.lock()
            .ignore_sigterm
            .insert(container_name.to_string());
    }

    /// Containers with this ECS container name exit with `code` right after starting.
    pub fn exit_on_start(&self, container_name: &str, code: i32) {
        self.lock()
            .exit_on_start
            .insert(container_name.to_string(), code);
    }

    /// All containers.
    pub fn containers(&self) -> Vec<FakeContainer> {
        self.lock().containers.values().cloned().collect()
    }

    /// The container whose ECS container-name label is `name` (the newest if several).
    pub fn find(&self, container_name: &str) -> Option<FakeContainer> {
        self.lock()
            .containers
            .values()
            .rfind(|c| {
                c.info
                    .labels
                    .get(gantry_agent_api::labels::CONTAINER_NAME)
                    .map(String::as_str)
                    == Some(container_name)
                    || c.info.name == container_name
            })
            .cloned()
    }

    fn resolve(st: &State, id_or_name: &str) -> Option<String> {
        if st.containers.contains_key(id_or_name) {
            return Some(id_or_name.to_string());
        }
        st.containers
            .values()
            .filter(|c| {
                c.info.name == id_or_name
                    || c.info
                        .labels
                        .get(gantry_agent_api::labels::CONTAINER_NAME)
                        .map(String::as_str)
                        == Some(id_or_name)
            })
            .filter(|c| c.info.state == RuntimeState::Running)
            .map(|c| c.info.id.clone())
            .next_back()
            .or_else(|| {
                st.containers
                    .values()
                    .filter(|c| c.info.name == id_or_name)
                    .map(|c| c.info.id.clone())
                    .next_back()
            })
    }

    /// The container (by id, Docker name or ECS container name) writes a
    /// line of output at `timestamp_ns`. Ignored for unknown containers.
    pub fn write_log(&self, id_or_name: &str, source: LogSource, message: &str, timestamp_ns: i64) {
        {
            let mut st = self.lock();
            let Some(id) = Self::resolve(&st, id_or_name) else {
                return;
            };
            st.logs.entry(id).or_default().push(LogLine {
                timestamp_ns,
                source,
                message: message.to_string(),
            });
        }
        self.log_wake.notify_waiters();
    }

    /// The running container (by id, Docker name or ECS container name) exits with `code`.
    pub fn exit(&self, id_or_name: &str, code: i32) {
        self.finish(id_or_name, code, false);
    }

    /// The running container is OOM-killed (exit code 137).
    pub fn oom_kill(&self, id_or_name: &str) {
        self.finish(id_or_name, 137, true);
    }

    fn finish(&self, id_or_name: &str, code: i32, oom: bool) {
        let id = {
            let mut st = self.lock();
            let Some(id) = Self::resolve(&st, id_or_name) else {
                return;
            };
            let c = st.containers.get_mut(&id).expect("resolved");
            if c.info.state != RuntimeState::Running {
                return;
            }
            c.info.state = RuntimeState::Exited;
            c.info.exit_code = Some(code);
            c.info.oom_killed = oom;
            c.info.finished_at = Some("finished".into());
            id
        };
        self.emit(&id);
    }

    /// Sets the health a container's health check reports.
    pub fn set_health(&self, id_or_name: &str, health: HealthStatus) {
        let id = {
            let mut st = self.lock();
            let Some(id) = Self::resolve(&st, id_or_name) else {
                return;
            };
            st.containers.get_mut(&id).expect("resolved").info.health = Some(health);
            id
        };
        self.emit(&id);
    }

    /// Removes a container behind the agent's back.
    pub fn remove_behind_back(&self, id_or_name: &str) {
        let id = {
            let mut st = self.lock();
            let Some(id) = Self::resolve(&st, id_or_name) else {
                return;
            };
            st.containers.remove(&id);
            id
        };
        self.emit(&id);
    }

    /// Inserts a running container that the agent did not create.
    pub fn insert_running(&self, name: &str, labels: BTreeMap<String, String>) -> String {
        let spec = CreateSpec {
            name: name.to_string(),
            image: "foreign".into(),
            labels,
            ..Default::default()
        };
        let id = self.create_locked(&spec);
        {
            let mut st = self.lock();
            let c = st.containers.get_mut(&id).expect("created");
            c.info.state = RuntimeState::Running;
            c.starts = 1;
        }
        id
    }

    /// Networks present (name → spec).
    pub fn networks(&self) -> BTreeMap<String, NetworkSpec> {
        self.lock().networks.clone()
    }

    /// Names of the networks ever created, in order.
    pub fn network_creates(&self) -> Vec<String> {
        self.lock().network_creates.clone()
    }

    /// How many times the pause image was built.
    pub fn pause_image_builds(&self) -> u32 {
        self.lock().pause_image_builds
    }

    /// Task cgroups present (task id → limits).
    pub fn cgroups(&self) -> BTreeMap<String, TaskLimits> {
        self.lock().cgroups.clone()
    }

    /// A task cgroup left behind by someone else (e.g. a crashed agent).
    pub fn add_cgroup(&self, task_id: &str, limits: TaskLimits) {
        self.lock().cgroups.insert(task_id.to_string(), limits);
    }

    /// Simulates a host whose cgroup layout is not supported.
    pub fn set_cgroups_unsupported(&self, yes: bool) {
        self.lock().cgroups_unsupported = yes;
    }

    /// Volumes present.
    pub fn volumes(&self) -> Vec<String> {
        self.lock().volumes.keys().cloned().collect()
    }

    fn create_locked(&self, spec: &CreateSpec) -> String {
        let mut st = self.lock();
        let id = format!("{:064x}", st.next_id);
        st.next_id += 1;
        st.creates += 1;
        let mut ports = Vec::new();
        for p in &spec.ports {
            let host_port = if spec.network_mode == "host" {
                p.container_port
            } else {
                match p.host_port.filter(|p| *p != 0) {
                    Some(hp) => hp,
                    None => {
                        let hp = st.next_port;
                        st.next_port += 1;
                        hp
                    }
                }
            };
            ports.push(NetworkBinding {
                bind_ip: "0.0.0.0".into(),
                container_port: p.container_port,
                host_port,
                protocol: p.protocol,
            });
        }
        // Docker derives the MAC from the IPv4 address: 02:42:a.b.c.d.
        let mac = |ip: &str| {
            let hex: Vec<String> = ip
                .split('.')
                .map(|p| format!("{:02x}", p.parse::<u8>().unwrap_or(0)))
                .collect();
            format!("02:42:{}", hex.join(":"))
        };
        let networks = match (&spec.ipv4_address, spec.network_mode.as_str()) {
            (Some(ip), net) => vec![ContainerNetwork {
                name: net.to_string(),
                ipv4_address: ip.clone(),
                mac_address: mac(ip),
            }],
            (None, "bridge") => {
                let n = st.next_bridge_ip;
                st.next_bridge_ip += 1;
                let ip = format!("172.17.{}.{}", n / 256, n % 256);
                vec![ContainerNetwork {
                    name: "bridge".into(),
                    mac_address: mac(&ip),
                    ipv4_address: ip,
                }]
            }
            _ => Vec::new(),
        };
        let info = ContainerInfo {
            ports,
            networks,
            ..ContainerInfo::never_started(
                id.clone(),
                spec.name.clone(),
                spec.image.clone(),
                spec.labels.clone(),
                Some(format!("sha256:{:064x}", spec.image.len())),
            )
        };
        st.containers.insert(
            id.clone(),
            FakeContainer {
                info,
                spec: spec.clone(),
                starts: 0,
                stops: Vec::new(),
            },
        );
        id
    }
}

#[async_trait]
impl ContainerRuntime for FakeRuntime {
    async fn version(&self) -> Result<RuntimeVersion, RuntimeError> {
        self.up("version")?;
        Ok(RuntimeVersion {
            version: "20.10.24-fake".into(),
            api_version: "1.41".into(),
            os: "linux".into(),
            arch: "amd64".into(),
        })
    }

    async fn image_present(&self, image: &str) -> Result<bool, RuntimeError> {
        self.up("inspect image")?;
        Ok(self.lock().images.contains(image))
    }

    async fn pull_image(
        &self,
        image: &str,
        _auth: Option<RegistryAuth>,
    ) -> Result<(), RuntimeError> {
        self.up("pull image")?;
        let mut st = self.lock();
        st.pulls.push(image.to_string());
        if let Some(msg) = st.pull_failures.get(image) {
            return Err(RuntimeError::Refused {
                op: "pull image",
                message: msg.clone(),
            });
        }
        if !st.registry_has_everything && !st.images.contains(image) {
            return Err(RuntimeError::Refused {
                op: "pull image",
                message: format!(
                    "pull access denied for {image}, repository does not exist or may require 'docker login'"
                ),
            });
        }
        st.images.insert(image.to_string());
        Ok(())
    }

    async fn remove_image(&self, image: &str) -> Result<(), RuntimeError> {
        self.up("remove image")?;
        let mut st = self.lock();
        // Like the Engine without `force`: any container (even a stopped
        // one) created from the image keeps it.
        if let Some(c) = st.containers.values().find(|c| c.info.image == image) {
            return Err(RuntimeError::Refused {
                op: "remove image",
                message: format!(
                    "conflict: unable to remove repository reference \"{image}\" (must force) - container {} is using its referenced image",
                    c.info.id
                ),
            });
        }
        if st.images.remove(image) {
            st.image_removals.push(image.to_string());
        }
        Ok(())
    }

    async fn create_container(&self, spec: &CreateSpec) -> Result<String, RuntimeError> {
        self.up("create container")?;
        {
            let st = self.lock();
            if !st.images.contains(&spec.image) {
                return Err(RuntimeError::Refused {
                    op: "create container",
                    message: format!("No such image: {}", spec.image),
                });
            }
            if st.containers.values().any(|c| c.info.name == spec.name) {
                return Err(RuntimeError::Refused {
                    op: "create container",
                    message: format!(
                        "Conflict. The container name \"/{}\" is already in use",
                        spec.name
                    ),
                });
            }
            let refuse = |message: String| {
                Err(RuntimeError::Refused {
                    op: "create container",
                    message,
                })
            };
            if let Some(owner) = spec.network_mode.strip_prefix("container:") {
                if !st.containers.contains_key(owner) {
                    return refuse(format!("No such container: {owner}"));
                }
                if !spec.ports.is_empty() || spec.hostname.is_some() || !spec.dns.is_empty() {
                    return refuse("conflicting options: port publishing, hostname or dns and the container type network mode".into());
                }
            }
            if let Some(ip) = &spec.ipv4_address {
                if !st.networks.contains_key(&spec.network_mode) {
                    return refuse(format!("network {} not found", spec.network_mode));
                }
                let taken = st.containers.values().any(|c| {
                    c.info
                        .networks
                        .iter()
                        .any(|n| n.name == spec.network_mode && &n.ipv4_address == ip)
                });
                if taken {
                    return refuse("Address already in use".into());
                }
            }
        }
        let id = self.create_locked(spec);
        self.emit(&id);
        Ok(id)
    }

    async fn start(&self, id: &str) -> Result<(), RuntimeError> {
        self.up("start container")?;
        {
            let mut st = self.lock();
            let exit_on_start = st.exit_on_start.clone();
            let c = st
                .containers
                .get(id)
                .ok_or_else(|| RuntimeError::NotFound { id: id.to_string() })?;
            if c.info.state == RuntimeState::Running {
                return Ok(());
            }
            if let Some(owner) = c.spec.network_mode.strip_prefix("container:") {
                let owner = owner.to_string();
                let running = st
                    .containers
                    .get(&owner)
                    .is_some_and(|o| o.info.state == RuntimeState::Running);
                if !running {
                    return Err(RuntimeError::Refused {
                        op: "start container",
                        message: format!("cannot join network of a non running container: {owner}"),
                    });
                }
            }
            let c = st.containers.get_mut(id).expect("checked above");
            c.starts += 1;
            c.info.state = RuntimeState::Running;
            c.info.started_at = Some("started".into());
            c.info.exit_code = None;
            if c.spec.healthcheck.is_some() {
                c.info.health = Some(HealthStatus::Unknown);
            }
            let ecs_name = c
                .info
                .labels
                .get(gantry_agent_api::labels::CONTAINER_NAME)
                .cloned()
                .unwrap_or_default();
            if let Some(code) = exit_on_start.get(&ecs_name) {
                c.info.state = RuntimeState::Exited;
                c.info.exit_code = Some(*code);
            }
        }
        self.emit(id);
        Ok(())
    }

    async fn stop(&self, id: &str, timeout_secs: u32) -> Result<(), RuntimeError> {
        self.up("stop container")?;
        {
            let mut st = self.lock();
            let ignore = st.ignore_sigterm.clone();
            let c = st
                .containers
                .get_mut(id)
                .ok_or_else(|| RuntimeError::NotFound { id: id.to_string() })?;
            c.stops.push(timeout_secs);
            if c.info.state != RuntimeState::Running {
                return Ok(());
            }
            let ecs_name = c
                .info
                .labels
                .get(gantry_agent_api::labels::CONTAINER_NAME)
                .cloned()
                .unwrap_or_default();
            let killed = ignore.contains(&ecs_name) || ignore.contains(&c.info.name);
            c.info.state = RuntimeState::Exited;
            c.info.exit_code = Some(if killed { 137 } else { 143 });
        }
        self.emit(id);
        Ok(())
    }

    async fn remove(&self, id: &str) -> Result<(), RuntimeError> {
        self.up("remove container")?;
        let removed = self.lock().containers.remove(id).is_some();
        if removed {
            self.emit(id);
        }
        Ok(())
    }

    async fn inspect(&self, id: &str) -> Result<Option<ContainerInfo>, RuntimeError> {
        self.up("inspect container")?;
        let st = self.lock();
        Ok(Self::resolve(&st, id).and_then(|id| st.containers.get(&id).map(|c| c.info.clone())))
    }

    async fn list(&self, labels: &[(&str, &str)]) -> Result<Vec<ContainerInfo>, RuntimeError> {
        self.up("list containers")?;
        Ok(self
            .lock()
            .containers
            .values()
            .filter(|c| {
                labels
                    .iter()
                    .all(|(k, v)| c.info.labels.get(*k).map(String::as_str) == Some(*v))
            })
            .map(|c| c.info.clone())
            .collect())
    }

    async fn create_volume(&self, volume: &VolumeCreate) -> Result<(), RuntimeError> {
        self.up("create volume")?;
        self.lock()
            .volumes
            .entry(volume.name.clone())
            .or_insert_with(|| volume.clone());
        Ok(())
    }

    async fn remove_volume(&self, name: &str) -> Result<(), RuntimeError> {
        self.up("remove volume")?;
        self.lock().volumes.remove(name);
        Ok(())
    }

    fn logs(&self, id: &str, since_secs: i64) -> BoxStream<'static, Result<LogLine, RuntimeError>> {
        let state = self.state.clone();
        let wake = self.log_wake.clone();
        let id = id.to_string();
        let since_ns = since_secs.saturating_mul(1_000_000_000);
        Box::pin(futures::stream::unfold(0usize, move |mut next| {
            let (state, wake, id) = (state.clone(), wake.clone(), id.clone());
            async move {
                loop {
                    let notified = wake.notified();
                    tokio::pin!(notified);
                    notified.as_mut().enable();
                    {
                        let st = state.lock().unwrap_or_else(|p| p.into_inner());
                        let container = st.containers.get(&id)?;
                        let lines = st.logs.get(&id).map(Vec::as_slice).unwrap_or(&[]);
                        while next < lines.len() {
                            let line = &lines[next];
                            next += 1;
                            if line.timestamp_ns >= since_ns {
                                return Some((Ok(line.clone()), next));
                            }
                        }
                        if !matches!(
                            container.info.state,
                            RuntimeState::Created
                                | RuntimeState::Running
                                | RuntimeState::Restarting
                        ) {
                            return None;
                        }
                    }
                    notified.await;
                }
            }
        }))
    }

    async fn ensure_network(&self, network: &NetworkSpec) -> Result<(), RuntimeError> {
        self.up("inspect network")?;
        let mut st = self.lock();
        if !st.networks.contains_key(&network.name) {
            st.networks.insert(network.name.clone(), network.clone());
            st.network_creates.push(network.name.clone());
        }
        Ok(())
    }

    async fn remove_network(&self, name: &str) -> Result<(), RuntimeError> {
        self.up("remove network")?;
        let mut st = self.lock();
        let in_use = st
            .containers
            .values()
            .any(|c| c.info.networks.iter().any(|n| n.name == name));
        if in_use {
            return Err(RuntimeError::Refused {
                op: "remove network",
                message: format!(
                    "error while removing network: network {name} has active endpoints"
                ),
            });
        }
        st.networks.remove(name);
        Ok(())
    }

    async fn list_networks(&self, labels: &[(&str, &str)]) -> Result<Vec<String>, RuntimeError> {
        self.up("list networks")?;
        Ok(self
            .lock()
            .networks
            .values()
            .filter(|n| {
                labels
                    .iter()
                    .all(|(k, v)| n.labels.get(*k).map(String::as_str) == Some(*v))
            })
            .map(|n| n.name.clone())
            .collect())
    }

    async fn ensure_pause_image(&self) -> Result<String, RuntimeError> {
        self.up("inspect image")?;
        let mut st = self.lock();
        let image = super::pause::PAUSE_IMAGE.to_string();
        if st.images.insert(image.clone()) {
            st.pause_image_builds += 1;
        }
        Ok(image)
    }

    async fn create_task_cgroup(
        &self,
        task_id: &str,
        limits: TaskLimits,
    ) -> Result<Option<String>, RuntimeError> {
        let mut st = self.lock();
        if st.cgroups_unsupported {
            return Ok(None);
        }
        st.cgroups.insert(task_id.to_string(), limits);
        Ok(Some(super::cgroup::CgroupFs::parent_of(task_id)))
    }

    async fn list_task_cgroups(
        &self,
        _min_age: std::time::Duration,
    ) -> Result<Vec<String>, RuntimeError> {
        Ok(self.lock().cgroups.keys().cloned().collect())
    }

    async fn remove_task_cgroup(&self, task_id: &str) -> Result<(), RuntimeError> {
        self.lock().cgroups.remove(task_id);
        Ok(())
    }

    async fn stats(&self, id: &str) -> Result<Option<serde_json::Value>, RuntimeError> {
        self.up("stats")?;
        let st = self.lock();
        Ok(st.containers.get(id).map(|c| {
            serde_json::json!({
                "read": "2026-01-01T00:00:00.000000000Z",
                "name": format!("/{}", c.info.name),
                "id": c.info.id,
                "memory_stats": {"usage": 1048576, "limit": c.spec.memory.unwrap_or(0)},
                "cpu_stats": {"cpu_usage": {"total_usage": 1000}},
            })
        }))
    }

    async fn bridge_gateway(&self) -> Result<Option<std::net::IpAddr>, RuntimeError> {
        self.up("inspect network")?;
        Ok(None)
    }

    fn events(&self) -> BoxStream<'static, String> {
        let rx = self.events.subscribe();
        if self.lock().engine_down {
            return Box::pin(futures::stream::empty());
        }
        Box::pin(futures::stream::unfold(rx, |mut rx| async move {
            match rx.recv().await {
                Ok(id) if id == ENGINE_STOPPED => None,
                Ok(id) => Some((id, rx)),
                // Missed events: an empty id still wakes the reconciler.
                Err(broadcast::error::RecvError::Lagged(_)) => Some((String::new(), rx)),
                Err(broadcast::error::RecvError::Closed) => None,
            }
        }))
    }
}

#[cfg(test)]
mod engine_tests {
    use super::*;
    use futures::StreamExt;

    #[tokio::test]
    async fn a_stopped_engine_refuses_everything_and_ends_event_streams() {
        let fake = FakeRuntime::new();
        fake.add_image("busybox");
        let id = fake
            .create_container(&CreateSpec {
                name: "c".into(),
                image: "busybox".into(),
                ..Default::default()
            })
            .await
            .unwrap();
        fake.start(&id).await.unwrap();
        let mut events = fake.events();
        fake.engine_stop();
        // The stream ends once the engine stops (after what it had queued).
        while events.next().await.is_some() {}
        assert!(fake.events().next().await.is_none());
        let e = fake.list(&[]).await.unwrap_err();
        assert!(e.is_unavailable(), "{e}");
        assert_eq!(e.message(), ENGINE_DOWN_MESSAGE);
        assert!(fake.inspect(&id).await.unwrap_err().is_unavailable());
        assert!(fake.version().await.is_err());
        // Not an unavailability: a real refusal.
        assert!(!RuntimeError::Refused {
            op: "x",
            message: "No such image: y".into()
        }
        .is_unavailable());

        fake.engine_restarted(Some(255));
        let c = fake.inspect(&id).await.unwrap().unwrap();
        assert_eq!(c.state, RuntimeState::Exited);
        assert_eq!(c.exit_code, Some(255));
        // The event feed works again.
        let mut events = fake.events();
        fake.remove(&id).await.unwrap();
        assert_eq!(events.next().await.as_deref(), Some(id.as_str()));
    }
}
