//! A stateful in-memory container engine: images that are known or not,
//! pulls that fail, containers that run until told to exit, health that can
//! be set, and an event feed. It simulates; it does not assert.

use super::{
    ContainerInfo, ContainerRuntime, CreateSpec, LogLine, LogSource, RegistryAuth, RuntimeError,
    RuntimeState, RuntimeVersion, VolumeCreate,
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
}

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
        let info = ContainerInfo {
            id: id.clone(),
            name: spec.name.clone(),
            image: spec.image.clone(),
            labels: spec.labels.clone(),
            state: RuntimeState::Created,
            exit_code: None,
            started_at: None,
            finished_at: None,
            health: None,
            oom_killed: false,
            error: None,
            ports,
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
        Ok(RuntimeVersion {
            version: "20.10.24-fake".into(),
            api_version: "1.41".into(),
            os: "linux".into(),
            arch: "amd64".into(),
        })
    }

    async fn image_present(&self, image: &str) -> Result<bool, RuntimeError> {
        Ok(self.lock().images.contains(image))
    }

    async fn pull_image(
        &self,
        image: &str,
        _auth: Option<RegistryAuth>,
    ) -> Result<(), RuntimeError> {
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

    async fn create_container(&self, spec: &CreateSpec) -> Result<String, RuntimeError> {
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
        }
        let id = self.create_locked(spec);
        self.emit(&id);
        Ok(id)
    }

    async fn start(&self, id: &str) -> Result<(), RuntimeError> {
        {
            let mut st = self.lock();
            let exit_on_start = st.exit_on_start.clone();
            let c = st
                .containers
                .get_mut(id)
                .ok_or_else(|| RuntimeError::NotFound { id: id.to_string() })?;
            if c.info.state == RuntimeState::Running {
                return Ok(());
            }
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
        let removed = self.lock().containers.remove(id).is_some();
        if removed {
            self.emit(id);
        }
        Ok(())
    }

    async fn inspect(&self, id: &str) -> Result<Option<ContainerInfo>, RuntimeError> {
        let st = self.lock();
        Ok(Self::resolve(&st, id).and_then(|id| st.containers.get(&id).map(|c| c.info.clone())))
    }

    async fn list(&self, labels: &[(&str, &str)]) -> Result<Vec<ContainerInfo>, RuntimeError> {
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
        self.lock()
            .volumes
            .entry(volume.name.clone())
            .or_insert_with(|| volume.clone());
        Ok(())
    }

    async fn remove_volume(&self, name: &str) -> Result<(), RuntimeError> {
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

    fn events(&self) -> BoxStream<'static, String> {
        let rx = self.events.subscribe();
        Box::pin(futures::stream::unfold(rx, |mut rx| async move {
            match rx.recv().await {
                Ok(id) => Some((id, rx)),
                // Missed events: an empty id still wakes the reconciler.
                Err(broadcast::error::RecvError::Lagged(_)) => Some((String::new(), rx)),
                Err(broadcast::error::RecvError::Closed) => None,
            }
        }))
    }
}
