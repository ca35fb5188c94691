//! [`ContainerRuntime`] over the Docker Engine API (bollard), with the API
//! version negotiated at connect time (Debian's Engine 20.10 speaks 1.41).

use super::cgroup::CgroupFs;
use super::pause::{build_context, PAUSE_IMAGE};
use super::{
    ContainerInfo, ContainerNetwork, ContainerRuntime, CreateSpec, LogLine, LogSource, NetworkSpec,
    RegistryAuth, RuntimeError, RuntimeState, RuntimeVersion, TaskLimits, VolumeCreate,
};
use async_trait::async_trait;
use bollard::auth::DockerCredentials;
use bollard::errors::Error as BollardError;
use bollard::models::{
    ContainerCreateBody, ContainerInspectResponse, ContainerStateStatusEnum, ContainerSummary,
    ContainerSummaryStateEnum, CreateImageInfo, EndpointIpamConfig, EndpointSettings, HealthConfig,
    HealthStatusEnum, HostConfig, HostConfigLogConfig, Ipam, IpamConfig, NetworkCreateRequest,
    NetworkingConfig, PortBinding, ResourcesUlimits, VolumeCreateRequest,
};
use bollard::query_parameters::{
    BuildImageOptions, CreateContainerOptions, CreateImageOptions, EventsOptions,
    ListContainersOptions, ListNetworksOptions, LogsOptions, RemoveContainerOptions,
    RemoveImageOptions, RemoveVolumeOptions, StatsOptions, StopContainerOptions,
    WaitContainerOptions,
};
use bollard::Docker;
use futures::stream::BoxStream;
use futures::{Stream, StreamExt};
use gantry_agent_api::{HealthStatus, NetworkBinding, Protocol};
use std::collections::HashMap;
use std::time::Duration;
use tracing::{debug, info, warn};

/// How long an image pull may take, like the ECS agent's
/// `ECS_IMAGE_PULL_TIMEOUT` (whole pull, default 2 h) and
/// `ECS_IMAGE_PULL_INACTIVITY_TIMEOUT` (no progress message from the Engine,
/// default 1 min). A pull over either fails (and the task with
/// `CannotPullContainerError`); the request is dropped, which cancels the
/// Engine's pull.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PullTimeouts {
    pub overall: Duration,
    pub inactivity: Duration,
}

impl Default for PullTimeouts {
    fn default() -> Self {
        PullTimeouts {
            overall: Duration::from_secs(2 * 3600),
            inactivity: Duration::from_secs(60),
        }
    }
}

/// The Docker Engine.
#[derive(Debug, Clone)]
pub struct DockerRuntime {
    docker: Docker,
    cgroups: CgroupFs,
    /// Serialises pause-image builds.
    pause_build: std::sync::Arc<tokio::sync::Mutex<()>>,
    pull_timeouts: PullTimeouts,
}

impl DockerRuntime {
    /// Connects with the local defaults (`DOCKER_HOST` or the unix socket)
    /// and negotiates the API version.
    pub async fn connect() -> Result<Self, RuntimeError> {
        let docker =
            Docker::connect_with_local_defaults().map_err(|source| RuntimeError::Docker {
                op: "connect",
                source,
            })?;
        let docker = docker
            .negotiate_version()
            .await
            .map_err(|source| RuntimeError::Docker {
                op: "negotiate version",
                source,
            })?;
        info!(api_version = %docker.client_version(), "connected to Docker");
        Ok(DockerRuntime {
            docker,
            cgroups: CgroupFs::default(),
            pause_build: Default::default(),
            pull_timeouts: PullTimeouts::default(),
        })
    }

    /// [`Self::connect`], retried with a backoff (capped at 5 s) until the
    /// Engine answers: an agent started while the Engine is down or
    /// restarting waits for it, as the ECS agent does, instead of exiting.
    pub async fn connect_waiting() -> Self {
        let mut backoff = std::time::Duration::from_millis(250);
        loop {
            match Self::connect().await {
                Ok(rt) => return rt,
                Err(e) => {
                    warn!(error = %e, cause = %e.message(), retry_in = ?backoff, "Docker Engine unavailable; waiting for it");
                    tokio::time::sleep(backoff).await;
                    backoff = (backoff * 2).min(std::time::Duration::from_secs(5));
                }
            }
        }
    }

    /// The Engine's logs API, followed (`timestamps=1`).
    fn api_logs(
        &self,
        id: &str,
        since_secs: i64,
    ) -> BoxStream<'static, Result<LogLine, RuntimeError>> {
        let options = LogsOptions {
            follow: true,
            stdout: true,
            stderr: true,
            timestamps: true,
            since: i32::try_from(since_secs.max(0)).unwrap_or(i32::MAX),
            ..Default::default()
        };
        self.docker
            .logs(id, Some(options))
            .flat_map(|chunk| {
                let lines: Vec<Result<LogLine, RuntimeError>> = match chunk {
                    Err(BollardError::DockerResponseServerError {
                        status_code: 404, ..
                    }) => Vec::new(),
                    Err(source) => vec![Err(RuntimeError::Docker { op: "logs", source })],
                    Ok(out) => {
                        let source = match &out {
                            bollard::container::LogOutput::StdErr { .. } => LogSource::Stderr,
                            _ => LogSource::Stdout,
                        };
                        let bytes = out.into_bytes();
                        String::from_utf8_lossy(&bytes)
                            .split_terminator('\n')
                            .filter_map(|l| parse_log_line(l, source))
                            .map(Ok)
                            .collect()
                    }
                };
                futures::stream::iter(lines)
            })
            .boxed()
    }

    /// The container's json-file log followed from disk, when it is one,
    /// uncompressed and readable here; `None` to use the API.
    async fn json_file_logs(
        &self,
        id: &str,
        since_secs: i64,
    ) -> Option<BoxStream<'static, Result<LogLine, RuntimeError>>> {
        let c = self.docker.inspect_container(id, None).await.ok()?;
        let lc = c.host_config.as_ref()?.log_config.as_ref()?;
        let compressed = lc
            .config
            .as_ref()
            .and_then(|o| o.get("compress"))
            .is_some_and(|v| v == "true");
        if lc.typ.as_deref() != Some("json-file") || compressed {
            return None;
        }
        let path = std::path::PathBuf::from(c.log_path.filter(|p| !p.is_empty())?);
        let docker = self.docker.clone();
        let wait_id = id.to_string();
        // Answered once the container is not running, after the Engine
        // closed its log copier (any answer, an error included, ends the
        // follow after a last read; the shipper follows again if the
        // container still runs).
        let exited = async move {
            let mut w = docker.wait_container(&wait_id, None::<WaitContainerOptions>);
            let _ = w.next().await;
        };
        let since_ns = since_secs.max(0).saturating_mul(1_000_000_000) - 1;
        match super::json_file::follow(path.clone(), since_ns, exited) {
            Ok(s) => Some(s),
            Err(e) => {
                debug!(id, path = %path.display(), error = %e, "json-file log not readable here; following through the Engine");
                None
            }
        }
    }

    /// This runtime with other pull timeouts (default [`PullTimeouts::default`]).
    pub fn with_pull_timeouts(mut self, timeouts: PullTimeouts) -> Self {
        self.pull_timeouts = timeouts;
        self
    }

    pub fn pull_timeouts(&self) -> PullTimeouts {
        self.pull_timeouts
    }

    /// The task cgroups this runtime manages.
    pub fn cgroups(&self) -> &CgroupFs {
        &self.cgroups
    }

    pub fn docker(&self) -> &Docker {
        &self.docker
    }
}

fn not_found(e: &BollardError) -> bool {
    matches!(
        e,
        BollardError::DockerResponseServerError {
            status_code: 404,
            ..
        }
    )
}

fn err(op: &'static str) -> impl FnOnce(BollardError) -> RuntimeError {
    move |source| RuntimeError::Docker { op, source }
}

fn to_info(r: ContainerInspectResponse) -> ContainerInfo {
    let state = r.state.unwrap_or_default();
    let status = match state.status {
        Some(ContainerStateStatusEnum::CREATED) => RuntimeState::Created,
        Some(ContainerStateStatusEnum::RUNNING) => RuntimeState::Running,
        Some(ContainerStateStatusEnum::PAUSED) => RuntimeState::Paused,
        Some(ContainerStateStatusEnum::RESTARTING) => RuntimeState::Restarting,
        Some(ContainerStateStatusEnum::REMOVING) => RuntimeState::Removing,
        Some(ContainerStateStatusEnum::DEAD) => RuntimeState::Dead,
        Some(ContainerStateStatusEnum::EXITED) => RuntimeState::Exited,
        _ => RuntimeState::Created,
    };
    let health = state.health.and_then(|h| h.status).and_then(|s| match s {
        HealthStatusEnum::HEALTHY => Some(HealthStatus::Healthy),
        HealthStatusEnum::UNHEALTHY => Some(HealthStatus::Unhealthy),
        HealthStatusEnum::STARTING => Some(HealthStatus::Unknown),
        _ => None,
    });
    let mut ports = Vec::new();
    if let Some(map) = r.network_settings.as_ref().and_then(|n| n.ports.clone()) {
        for (key, bindings) in map {
            let (port, proto) = key.split_once('/').unwrap_or((key.as_str(), "tcp"));
            let Ok(container_port) = port.parse::<u16>() else {
                continue;
            };
            let protocol = if proto == "udp" {
                Protocol::Udp
            } else {
                Protocol::Tcp
            };
            for b in bindings.unwrap_or_default() {
                let Some(host_port) = b.host_port.as_deref().and_then(|p| p.parse::<u16>().ok())
                else {
                    continue;
                };
                ports.push(NetworkBinding {
                    bind_ip: b
                        .host_ip
                        .filter(|s| !s.is_empty())
                        .unwrap_or_else(|| "0.0.0.0".into()),
                    container_port,
                    host_port,
                    protocol,
                });
            }
        }
    }
    ports.sort_by(|a, b| {
        (a.container_port, a.bind_ip.as_str()).cmp(&(b.container_port, b.bind_ip.as_str()))
    });
    let mut networks: Vec<ContainerNetwork> = r
        .network_settings
        .as_ref()
        .and_then(|n| n.networks.as_ref())
        .map(|m| {
            m.iter()
                .map(|(name, e)| ContainerNetwork {
                    name: name.clone(),
                    ipv4_address: e.ip_address.clone().unwrap_or_default(),
                    mac_address: e.mac_address.clone().unwrap_or_default(),
                })
                .filter(|n| !n.ipv4_address.is_empty())
                .collect()
        })
        .unwrap_or_default();
    networks.sort_by(|a, b| a.name.cmp(&b.name));
    let config = r.config.unwrap_or_default();
    let finished = status.is_finished();
    ContainerInfo {
        id: r.id.unwrap_or_default(),
        name: r
            .name
            .unwrap_or_default()
            .trim_start_matches('/')
            .to_string(),
        image: config.image.unwrap_or_default(),
        labels: config.labels.unwrap_or_default().into_iter().collect(),
        state: status,
        exit_code: if finished {
            state.exit_code.map(|c| c as i32)
        } else {
            None
        },
        started_at: state.started_at.filter(|s| !s.starts_with("0001")),
        finished_at: state.finished_at.filter(|s| !s.starts_with("0001")),
        health,
        oom_killed: state.oom_killed.unwrap_or(false),
        error: state.error.filter(|e| !e.is_empty()),
        ports,
        networks,
        image_id: r.image.filter(|i| !i.is_empty()),
    }
}

/// A listed container that was created and never started (`created`
/// state), as [`to_info`] would give it, from its listing entry alone: it
/// has no exit code, health, bindings, addresses or start time yet. `None`
/// for any other container (it is inspected).
fn never_started(s: &ContainerSummary) -> Option<ContainerInfo> {
    if s.state != Some(ContainerSummaryStateEnum::CREATED) {
        return None;
    }
    Some(ContainerInfo::never_started(
        s.id.clone()?,
        s.names
            .as_deref()
            .and_then(<[String]>::first)
            .map(|n| n.trim_start_matches('/').to_string())
            .unwrap_or_default(),
        s.image.clone().unwrap_or_default(),
        s.labels.clone().unwrap_or_default().into_iter().collect(),
        s.image_id.clone().filter(|i| !i.is_empty()),
    ))
}

/// Translates a [`CreateSpec`] into the Engine's create body.
pub(crate) fn create_body(spec: &CreateSpec) -> ContainerCreateBody {
    let mut port_bindings: HashMap<String, Option<Vec<PortBinding>>> = HashMap::new();
    let mut exposed = Vec::new();
    for p in &spec.ports {
        let key = format!("{}/{}", p.container_port, p.protocol.as_str());
        exposed.push(key.clone());
        if spec.network_mode != "host" {
            if let Some(v) = port_bindings
                .entry(key)
                .or_insert_with(|| Some(Vec::new()))
                .as_mut()
            {
                v.push(PortBinding {
                    host_ip: None,
                    // "" lets Docker pick a free port.
                    host_port: Some(
                        p.host_port
                            .filter(|p| *p != 0)
                            .map(|p| p.to_string())
                            .unwrap_or_default(),
                    ),
                });
            }
        }
    }
    let binds: Vec<String> = spec
        .mounts
        .iter()
        .map(|m| {
            format!(
                "{}:{}{}",
                m.source,
                m.target,
                if m.read_only { ":ro" } else { "" }
            )
        })
        .collect();
    let non_empty = |v: &Vec<String>| (!v.is_empty()).then(|| v.clone());
    let host_config = HostConfig {
        cpu_shares: Some(spec.cpu_shares),
        memory: spec.memory,
        memory_reservation: spec.memory_reservation,
        ulimits: (!spec.ulimits.is_empty()).then(|| {
            spec.ulimits
                .iter()
                .map(|(n, s, h)| ResourcesUlimits {
                    name: Some(n.clone()),
                    soft: Some(*s),
                    hard: Some(*h),
                })
                .collect()
        }),
        binds: non_empty(&binds),
        network_mode: Some(spec.network_mode.clone()),
        port_bindings: (!port_bindings.is_empty()).then_some(port_bindings),
        volumes_from: non_empty(&spec.volumes_from),
        links: non_empty(&spec.links),
        readonly_rootfs: Some(spec.readonly_rootfs),
        privileged: Some(spec.privileged),
        init: spec.init.then_some(true),
        cap_add: non_empty(&spec.cap_add),
        cap_drop: non_empty(&spec.cap_drop),
        tmpfs: (!spec.tmpfs.is_empty()).then(|| spec.tmpfs.clone().into_iter().collect()),
        shm_size: spec.shm_size,
        devices: (!spec.devices.is_empty()).then(|| {
            spec.devices
                .iter()
                .map(|(h, c, p)| bollard::models::DeviceMapping {
                    path_on_host: Some(h.clone()),
                    path_in_container: Some(c.clone()),
                    cgroup_permissions: Some(p.clone()),
                })
                .collect()
        }),
        dns: non_empty(&spec.dns),
        dns_search: non_empty(&spec.dns_search),
        extra_hosts: non_empty(&spec.extra_hosts),
        security_opt: non_empty(&spec.security_opt),
        sysctls: (!spec.sysctls.is_empty()).then(|| spec.sysctls.clone().into_iter().collect()),
        log_config: spec.log_driver.as_ref().map(|d| HostConfigLogConfig {
            typ: Some(d.clone()),
            config: Some(spec.log_options.clone().into_iter().collect()),
        }),
        pid_mode: spec.pid_mode.clone(),
        ipc_mode: spec.ipc_mode.clone(),
        cgroup_parent: spec.cgroup_parent.clone(),
        ..Default::default()
    };
    let networking_config = spec.ipv4_address.as_ref().map(|ip| NetworkingConfig {
        endpoints_config: Some(HashMap::from([(
            spec.network_mode.clone(),
            EndpointSettings {
                ipam_config: Some(EndpointIpamConfig {
                    ipv4_address: Some(ip.clone()),
                    ..Default::default()
                }),
                ..Default::default()
            },
        )])),
    });
    ContainerCreateBody {
        hostname: spec.hostname.clone(),
        user: spec.user.clone(),
        exposed_ports: (!exposed.is_empty()).then_some(exposed),
        tty: Some(spec.tty),
        open_stdin: Some(spec.open_stdin),
        env: non_empty(&spec.env),
        cmd: spec.cmd.clone(),
        entrypoint: spec.entrypoint.clone(),
        healthcheck: spec.healthcheck.as_ref().map(|h| HealthConfig {
            test: Some(h.test.clone()),
            interval: Some(h.interval_ns),
            timeout: Some(h.timeout_ns),
            retries: Some(h.retries),
            start_period: Some(h.start_period_ns),
            start_interval: None,
        }),
        image: Some(spec.image.clone()),
        working_dir: spec.working_dir.clone(),
        network_disabled: spec.network_disabled.then_some(true),
        labels: Some(spec.labels.clone().into_iter().collect()),
        stop_timeout: spec.stop_timeout,
        host_config: Some(host_config),
        networking_config,
        ..Default::default()
    }
}

/// Containers inspected at once when listing.
const LIST_INSPECT_CONCURRENCY: usize = 8;

#[async_trait]
impl ContainerRuntime for DockerRuntime {
    async fn version(&self) -> Result<RuntimeVersion, RuntimeError> {
        let v = self.docker.version().await.map_err(err("version"))?;
        Ok(RuntimeVersion {
            version: v.version.unwrap_or_default(),
            api_version: v.api_version.unwrap_or_default(),
            os: v.os.unwrap_or_default(),
            arch: v.arch.unwrap_or_default(),
        })
    }

    async fn image_present(&self, image: &str) -> Result<bool, RuntimeError> {
        match self.docker.inspect_image(image).await {
            Ok(_) => Ok(true),
            Err(e) if not_found(&e) => Ok(false),
            Err(source) => Err(RuntimeError::Docker {
                op: "inspect image",
                source,
            }),
        }
    }

    async fn pull_image(
        &self,
        image: &str,
        auth: Option<RegistryAuth>,
    ) -> Result<(), RuntimeError> {
        let (repo, tag) = split_image(image);
        let options = CreateImageOptions {
            from_image: Some(repo),
            tag: Some(tag),
            ..Default::default()
        };
        let credentials = auth.map(|a| DockerCredentials {
            username: Some(a.username),
            password: Some(a.password),
            serveraddress: a.server_address,
            ..Default::default()
        });
        let started = std::time::Instant::now();
        let stream = self.docker.create_image(Some(options), None, credentials);
        let summary = follow_pull(image, stream, self.pull_timeouts).await?;
        info!(
            image,
            layers = summary.layers,
            bytes = summary.bytes,
            duration_ms = started.elapsed().as_millis() as u64,
            digest = summary.digest.as_deref().unwrap_or(""),
            "image pulled"
        );
        Ok(())
    }

    async fn remove_image(&self, image: &str) -> Result<(), RuntimeError> {
        // Never forced: an image a container uses stays (409 conflict).
        let options = RemoveImageOptions {
            force: false,
            noprune: false,
            platforms: None,
        };
        match self.docker.remove_image(image, Some(options), None).await {
            Ok(_) => Ok(()),
            Err(e) if not_found(&e) => Ok(()),
            Err(BollardError::DockerResponseServerError { message, .. }) => {
                Err(RuntimeError::Refused {
                    op: "remove image",
                    message,
                })
            }
            Err(source) => Err(RuntimeError::Docker {
                op: "remove image",
                source,
            }),
        }
    }

    async fn create_container(&self, spec: &CreateSpec) -> Result<String, RuntimeError> {
        let options = CreateContainerOptions {
            name: Some(spec.name.clone()),
            ..Default::default()
        };
        let r = self
            .docker
            .create_container(Some(options), create_body(spec))
            .await
            .map_err(err("create container"))?;
        Ok(r.id)
    }

    async fn start(&self, id: &str) -> Result<(), RuntimeError> {
        match self.docker.start_container(id, None).await {
            Ok(()) => Ok(()),
            // 304: already started.
            Err(BollardError::DockerResponseServerError {
                status_code: 304, ..
            }) => Ok(()),
            Err(e) if not_found(&e) => Err(RuntimeError::NotFound { id: id.to_string() }),
            Err(source) => Err(RuntimeError::Docker {
                op: "start container",
                source,
            }),
        }
    }

    async fn stop(&self, id: &str, timeout_secs: u32) -> Result<(), RuntimeError> {
        let options = StopContainerOptions {
            t: Some(timeout_secs as i32),
            signal: None,
        };
        match self.docker.stop_container(id, Some(options)).await {
            Ok(()) => Ok(()),
            Err(BollardError::DockerResponseServerError {
                status_code: 304, ..
            }) => Ok(()),
            Err(e) if not_found(&e) => Err(RuntimeError::NotFound { id: id.to_string() }),
            Err(source) => Err(RuntimeError::Docker {
                op: "stop container",
                source,
            }),
        }
    }

    async fn remove(&self, id: &str) -> Result<(), RuntimeError> {
        let options = RemoveContainerOptions {
            force: true,
            v: true,
            link: false,
        };
        match self.docker.remove_container(id, Some(options)).await {
            Ok(()) => Ok(()),
            Err(e) if not_found(&e) => Ok(()),
            // 409: removal already in progress.
            Err(BollardError::DockerResponseServerError {
                status_code: 409, ..
            }) => Ok(()),
            Err(source) => Err(RuntimeError::Docker {
                op: "remove container",
                source,
            }),
        }
    }

    async fn inspect(&self, id: &str) -> Result<Option<ContainerInfo>, RuntimeError> {
        match self.docker.inspect_container(id, None).await {
            Ok(r) => Ok(Some(to_info(r))),
            Err(e) if not_found(&e) => Ok(None),
            Err(source) => Err(RuntimeError::Docker {
                op: "inspect container",
                source,
            }),
        }
    }

    async fn list(&self, labels: &[(&str, &str)]) -> Result<Vec<ContainerInfo>, RuntimeError> {
        let mut filters = HashMap::new();
        filters.insert(
            "label".to_string(),
            labels
                .iter()
                .map(|(k, v)| format!("{k}={v}"))
                .collect::<Vec<_>>(),
        );
        let options = ListContainersOptions {
            all: true,
            filters: Some(filters),
            ..Default::default()
        };
        let summaries = self
            .docker
            .list_containers(Some(options))
            .await
            .map_err(err("list containers"))?;
        // Inspect for exit codes, health and bindings, several at a time (a
        // pass lists every managed container; one by one that took seconds
        // on a loaded host with a few dozen), in the listing's order; a
        // container removed in between is simply skipped. A container never
        // started has none of those: its listing entry says all there is,
        // and an inspect of it would wait for a start in progress (the
        // Engine holds the container's lock for the whole start: with 8
        // starts under way a pass waited 0.8 s, holding back every report).
        use futures::StreamExt as _;
        let inspected: Vec<_> = futures::stream::iter(summaries.into_iter().map(|s| async move {
            let Some(id) = s.id.as_deref() else {
                return Ok(None);
            };
            match never_started(&s) {
                Some(info) => Ok(Some(info)),
                None => self.inspect(id).await,
            }
        }))
        .buffered(LIST_INSPECT_CONCURRENCY)
        .collect()
        .await;
        let mut out = Vec::with_capacity(inspected.len());
        for info in inspected {
            if let Some(info) = info? {
                out.push(info);
            }
        }
        Ok(out)
    }

    async fn create_volume(&self, volume: &VolumeCreate) -> Result<(), RuntimeError> {
        let req = VolumeCreateRequest {
            name: Some(volume.name.clone()),
            driver: volume.driver.clone(),
            driver_opts: Some(volume.driver_opts.clone().into_iter().collect()),
            labels: Some(volume.labels.clone().into_iter().collect()),
            ..Default::default()
        };
        self.docker
            .create_volume(req)
            .await
            .map_err(err("create volume"))?;
        Ok(())
    }

    async fn remove_volume(&self, name: &str) -> Result<(), RuntimeError> {
        match self
            .docker
            .remove_volume(name, Some(RemoveVolumeOptions { force: true }))
            .await
        {
            Ok(()) => Ok(()),
            Err(e) if not_found(&e) => Ok(()),
            Err(source) => Err(RuntimeError::Docker {
                op: "remove volume",
                source,
            }),
        }
    }

    fn events(&self) -> BoxStream<'static, String> {
        let mut filters = HashMap::new();
        filters.insert("type".to_string(), vec!["container".to_string()]);
        let options = EventsOptions {
            filters: Some(filters),
            ..Default::default()
        };
        self.docker
            .events(Some(options))
            .take_while(|r| futures::future::ready(r.is_ok()))
            .filter_map(|r| async move { r.ok().and_then(|e| e.actor).and_then(|a| a.id) })
            .boxed()
    }

    /// Straight from the container's json-file log when the agent can read
    /// it ([`super::json_file`]: the Engine's follow stream is the slower
    /// path), through the Engine's logs API otherwise.
    fn logs(&self, id: &str, since_secs: i64) -> BoxStream<'static, Result<LogLine, RuntimeError>> {
        let this = self.clone();
        let id = id.to_string();
        futures::stream::once(async move {
            match this.json_file_logs(&id, since_secs).await {
                Some(s) => s,
                None => this.api_logs(&id, since_secs),
            }
        })
        .flatten()
        .boxed()
    }

    async fn ensure_network(&self, network: &NetworkSpec) -> Result<(), RuntimeError> {
        match self.docker.inspect_network(&network.name, None).await {
            Ok(existing) => {
                let subnets: Vec<String> = existing
                    .ipam
                    .and_then(|i| i.config)
                    .unwrap_or_default()
                    .into_iter()
                    .filter_map(|c| c.subnet)
                    .collect();
                if subnets.contains(&network.subnet_cidr) {
                    return Ok(());
                }
                return Err(RuntimeError::Refused {
                    op: "create network",
                    message: format!(
                        "network {} exists with subnet {} but the task's subnet is {}",
                        network.name,
                        subnets.join(","),
                        network.subnet_cidr
                    ),
                });
            }
            Err(e) if not_found(&e) => {}
            Err(source) => {
                return Err(RuntimeError::Docker {
                    op: "inspect network",
                    source,
                })
            }
        }
        let req = NetworkCreateRequest {
            name: network.name.clone(),
            driver: Some("bridge".into()),
            ipam: Some(Ipam {
                config: Some(vec![IpamConfig {
                    subnet: Some(network.subnet_cidr.clone()),
                    gateway: Some(network.gateway.clone()),
                    ..Default::default()
                }]),
                ..Default::default()
            }),
            labels: Some(network.labels.clone().into_iter().collect()),
            ..Default::default()
        };
        match self.docker.create_network(req).await {
            Ok(_) => {
                info!(network = %network.name, subnet = %network.subnet_cidr, "network created");
                Ok(())
            }
            // Created concurrently.
            Err(e) if conflict(&e) => Ok(()),
            Err(source) => Err(RuntimeError::Docker {
                op: "create network",
                source,
            }),
        }
    }

    async fn remove_network(&self, name: &str) -> Result<(), RuntimeError> {
        match self.docker.remove_network(name).await {
            Ok(()) => Ok(()),
            Err(e) if not_found(&e) => Ok(()),
            Err(source) => Err(RuntimeError::Docker {
                op: "remove network",
                source,
            }),
        }
    }

    async fn list_networks(&self, labels: &[(&str, &str)]) -> Result<Vec<String>, RuntimeError> {
        let filters = HashMap::from([(
            "label".to_string(),
            labels
                .iter()
                .map(|(k, v)| format!("{k}={v}"))
                .collect::<Vec<_>>(),
        )]);
        let nets = self
            .docker
            .list_networks(Some(ListNetworksOptions {
                filters: Some(filters),
            }))
            .await
            .map_err(err("list networks"))?;
        let mut names: Vec<String> = nets.into_iter().filter_map(|n| n.name).collect();
        names.sort();
        Ok(names)
    }

    async fn ensure_pause_image(&self) -> Result<String, RuntimeError> {
        let _guard = self.pause_build.lock().await;
        if self.image_present(PAUSE_IMAGE).await? {
            return Ok(PAUSE_IMAGE.to_string());
        }
        info!(image = PAUSE_IMAGE, "building the pause image");
        let options = BuildImageOptions {
            dockerfile: "Dockerfile".into(),
            t: Some(PAUSE_IMAGE.into()),
            rm: true,
            forcerm: true,
            ..Default::default()
        };
        let body = bollard::body_full(build_context().into());
        let mut stream = self.docker.build_image(options, None, Some(body));
        while let Some(item) = stream.next().await {
            let item = item.map_err(err("build pause image"))?;
            if let Some(e) = item.error_detail.and_then(|d| d.message) {
                return Err(RuntimeError::Refused {
                    op: "build pause image",
                    message: e,
                });
            }
        }
        Ok(PAUSE_IMAGE.to_string())
    }

    async fn create_task_cgroup(
        &self,
        task_id: &str,
        limits: TaskLimits,
    ) -> Result<Option<String>, RuntimeError> {
        let fs = self.cgroups.clone();
        let id = task_id.to_string();
        tokio::task::spawn_blocking(move || fs.create(&id, limits))
            .await
            .map_err(|e| RuntimeError::Refused {
                op: "create task cgroup",
                message: e.to_string(),
            })?
            .map_err(io_err("create task cgroup"))
    }

    async fn list_task_cgroups(
        &self,
        min_age: std::time::Duration,
    ) -> Result<Vec<String>, RuntimeError> {
        let fs = self.cgroups.clone();
        tokio::task::spawn_blocking(move || fs.idle_tasks(min_age))
            .await
            .map_err(|e| RuntimeError::Refused {
                op: "list task cgroups",
                message: e.to_string(),
            })
    }

    async fn remove_task_cgroup(&self, task_id: &str) -> Result<(), RuntimeError> {
        let fs = self.cgroups.clone();
        let id = task_id.to_string();
        tokio::task::spawn_blocking(move || fs.remove(&id))
            .await
            .map_err(|e| RuntimeError::Refused {
                op: "remove task cgroup",
                message: e.to_string(),
            })?
            .map_err(io_err("remove task cgroup"))
    }

    async fn bridge_gateway(&self) -> Result<Option<std::net::IpAddr>, RuntimeError> {
        match self.docker.inspect_network("bridge", None).await {
            // The default bridge often lists only its subnet: its gateway
            // (docker0) is then the subnet's first host address.
            Ok(n) => Ok(n
                .ipam
                .and_then(|i| i.config)
                .unwrap_or_default()
                .into_iter()
                .find_map(|c| {
                    c.gateway
                        .and_then(|g| g.parse().ok())
                        .or_else(|| c.subnet.as_deref().and_then(first_host))
                })),
            Err(e) if not_found(&e) => Ok(None),
            Err(source) => Err(RuntimeError::Docker {
                op: "inspect network",
                source,
            }),
        }
    }

    async fn stats(&self, id: &str) -> Result<Option<serde_json::Value>, RuntimeError> {
        let options = StatsOptions {
            stream: false,
            one_shot: false,
        };
        let mut stream = self.docker.stats(id, Some(options));
        match stream.next().await {
            Some(Ok(s)) => Ok(Some(serde_json::to_value(s).unwrap_or_default())),
            Some(Err(e)) if not_found(&e) => Ok(None),
            Some(Err(source)) => Err(RuntimeError::Docker {
                op: "stats",
                source,
            }),
            None => Ok(None),
        }
    }
}

/// The first host address of an IPv4 CIDR (`172.17.0.0/16` → `172.17.0.1`).
fn first_host(cidr: &str) -> Option<std::net::IpAddr> {
    let (net, len) = cidr.split_once('/')?;
    let net: std::net::Ipv4Addr = net.parse().ok()?;
    let len: u32 = len.parse().ok().filter(|l| *l <= 30)?;
    let mask = u32::MAX.checked_shl(32 - len).unwrap_or(0);
    Some(std::net::IpAddr::V4(
        (u32::from(net) & mask).wrapping_add(1).into(),
    ))
}

fn conflict(e: &BollardError) -> bool {
    matches!(
        e,
        BollardError::DockerResponseServerError {
            status_code: 409,
            ..
        }
    )
}

fn io_err(op: &'static str) -> impl FnOnce(std::io::Error) -> RuntimeError {
    move |e| RuntimeError::Refused {
        op,
        message: e.to_string(),
    }
}

/// `2026-01-02T03:04:05.123456789Z message` (Docker's `timestamps=true`).
fn parse_log_line(line: &str, source: LogSource) -> Option<LogLine> {
    let (ts, message) = line.split_once(' ').unwrap_or((line, ""));
    let timestamp_ns = chrono::DateTime::parse_from_rfc3339(ts)
        .ok()?
        .timestamp_nanos_opt()?;
    Some(LogLine {
        timestamp_ns,
        source,
        message: message.strip_suffix('\r').unwrap_or(message).to_string(),
    })
}

/// `repo[:tag][@digest]` → (`repo`, `tag`); a digest is kept in the repo part.
/// What a finished pull reported.
#[derive(Debug, Default, PartialEq, Eq)]
struct PullSummary {
    /// Layers the Engine reported on (downloaded or already there).
    layers: usize,
    /// Bytes of the layers downloaded (as the Engine announced their sizes).
    bytes: i64,
    digest: Option<String>,
}

/// Follows the Engine's pull progress stream to its end, logging each
/// layer's status changes at debug, under `timeouts` (see [`PullTimeouts`]).
async fn follow_pull<S>(
    image: &str,
    stream: S,
    timeouts: PullTimeouts,
) -> Result<PullSummary, RuntimeError>
where
    S: Stream<Item = Result<CreateImageInfo, BollardError>>,
{
    let fail = |message: String| RuntimeError::Refused {
        op: "pull image",
        message,
    };
    let mut stream = std::pin::pin!(stream);
    let deadline = tokio::time::Instant::now() + timeouts.overall;
    // Layer id → (last status, announced size).
    let mut layers: HashMap<String, (String, Option<i64>)> = HashMap::new();
    let mut digest = None;
    loop {
        let wait_until = deadline.min(tokio::time::Instant::now() + timeouts.inactivity);
        let item = match tokio::time::timeout_at(wait_until, stream.next()).await {
            Ok(Some(item)) => item.map_err(err("pull image"))?,
            Ok(None) => break,
            Err(_) if tokio::time::Instant::now() >= deadline => {
                return Err(fail(format!(
                    "pull of {image} not done after {} (image pull timeout, ECS_IMAGE_PULL_TIMEOUT)",
                    crate::images::format_duration(timeouts.overall)
                )));
            }
            Err(_) => {
                return Err(fail(format!(
                    "pull of {image} made no progress for {} (image pull inactivity timeout, ECS_IMAGE_PULL_INACTIVITY_TIMEOUT)",
                    crate::images::format_duration(timeouts.inactivity)
                )));
            }
        };
        if let Some(e) = item.error_detail.and_then(|d| d.message) {
            return Err(fail(e));
        }
        let status = item.status.unwrap_or_default();
        // `{"status": "Pulling from library/x", "id": "<tag>"}` names no layer.
        let layer = item
            .id
            .filter(|id| !id.is_empty() && !status.starts_with("Pulling from"));
        match layer {
            Some(layer) => {
                let total = item
                    .progress_detail
                    .and_then(|p| p.total)
                    .filter(|t| *t > 0);
                let entry = layers.entry(layer.clone()).or_default();
                if total.is_some() {
                    entry.1 = total;
                }
                if entry.0 != status {
                    debug!(image, layer = %layer, status = %status, "pull progress");
                    entry.0 = status;
                }
            }
            None => {
                if let Some(d) = status.strip_prefix("Digest: ") {
                    digest = Some(d.to_string());
                }
                debug!(image, status = %status, "pull progress");
            }
        }
    }
    Ok(PullSummary {
        layers: layers.len(),
        bytes: layers.values().filter_map(|(_, t)| *t).sum(),
        digest,
    })
}

fn split_image(image: &str) -> (String, String) {
    if image.contains('@') {
        return (image.to_string(), String::new());
    }
    let last_slash = image.rfind('/').map(|i| i + 1).unwrap_or(0);
    match image[last_slash..].rfind(':') {
        Some(i) => (
            image[..last_slash + i].to_string(),
            image[last_slash + i + 1..].to_string(),
        ),
        None => (image.to_string(), "latest".to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn an_engine_that_is_not_there_is_unavailable() {
        let dir = tempfile::tempdir().unwrap();
        let sock = dir.path().join("docker.sock");
        // A socket file nobody listens on (a stopped daemon's leftover):
        // every connection is refused.
        drop(std::os::unix::net::UnixListener::bind(&sock).unwrap());
        let docker =
            Docker::connect_with_unix(sock.to_str().unwrap(), 5, bollard::API_DEFAULT_VERSION)
                .unwrap();
        let rt = DockerRuntime {
            docker,
            cgroups: CgroupFs::default(),
            pause_build: Default::default(),
            pull_timeouts: PullTimeouts::default(),
        };
        let e = rt.list(&[]).await.unwrap_err();
        assert!(e.is_unavailable(), "{e:?}");
        let e = rt.inspect("x").await.unwrap_err();
        assert!(e.is_unavailable(), "{e:?}");
        // The event stream ends (the agent re-subscribes with a backoff).
        assert!(rt.events().next().await.is_none());
    }

    #[test]
    fn first_host_of_a_subnet() {
        assert_eq!(
            first_host("172.17.0.0/16"),
            Some("172.17.0.1".parse().unwrap())
        );
        assert_eq!(
            first_host("10.200.3.7/24"),
            Some("10.200.3.1".parse().unwrap())
        );
        assert_eq!(first_host("fd00::/64"), None);
        assert_eq!(first_host("10.0.0.0/32"), None);
    }

    #[test]
    fn image_names_split_like_docker() {
        assert_eq!(split_image("busybox"), ("busybox".into(), "latest".into()));
        assert_eq!(
            split_image("localhost:5000/a/b:1.2"),
            ("localhost:5000/a/b".into(), "1.2".into())
        );
        assert_eq!(
            split_image("localhost:5000/a"),
            ("localhost:5000/a".into(), "latest".into())
        );
    }
}

#[cfg(test)]
mod log_line_tests {
    use super::*;

    #[test]
    fn parses_docker_timestamped_lines() {
        let l = parse_log_line(
            "2026-01-02T03:04:05.123456789Z hello world",
            LogSource::Stderr,
        )
        .unwrap();
        assert_eq!(l.message, "hello world");
        assert_eq!(l.timestamp_ns % 1_000_000_000, 123_456_789);
        assert_eq!(l.source, LogSource::Stderr);
        assert!(parse_log_line("garbage", LogSource::Stdout).is_none());
    }
}

#[cfg(test)]
mod pull_tests {
    use super::*;
    use bollard::models::ProgressDetail;

    fn msg(
        id: Option<&str>,
        status: &str,
        total: Option<i64>,
    ) -> Result<CreateImageInfo, BollardError> {
        Ok(CreateImageInfo {
            id: id.map(str::to_string),
            status: Some(status.to_string()),
            progress_detail: total.map(|t| ProgressDetail {
                current: Some(t / 2),
                total: Some(t),
            }),
            ..Default::default()
        })
    }

    fn short(inactivity_ms: u64, overall_ms: u64) -> PullTimeouts {
        PullTimeouts {
            inactivity: Duration::from_millis(inactivity_ms),
            overall: Duration::from_millis(overall_ms),
        }
    }

    #[tokio::test]
    async fn a_finished_pull_sums_its_layers() {
        let stream = futures::stream::iter(vec![
            msg(Some("latest"), "Pulling from library/x", None),
            msg(Some("aaa"), "Pulling fs layer", None),
            msg(Some("bbb"), "Already exists", None),
            msg(Some("aaa"), "Downloading", Some(1000)),
            msg(Some("aaa"), "Downloading", Some(1000)),
            msg(Some("aaa"), "Pull complete", None),
            msg(None, "Digest: sha256:abc", None),
            msg(None, "Status: Downloaded newer image for x:latest", None),
        ]);
        let s = follow_pull("x", stream, PullTimeouts::default())
            .await
            .unwrap();
        assert_eq!(
            s,
            PullSummary {
                layers: 2,
                bytes: 1000,
                digest: Some("sha256:abc".into())
            }
        );
    }

    #[tokio::test]
    async fn an_engine_error_message_fails_the_pull() {
        let stream = futures::stream::iter(vec![Ok(CreateImageInfo {
            error_detail: Some(bollard::models::ErrorDetail {
                message: Some("manifest unknown".into()),
                ..Default::default()
            }),
            ..Default::default()
        })]);
        let e = follow_pull("x", stream, PullTimeouts::default())
            .await
            .unwrap_err();
        assert_eq!(e.message(), "manifest unknown");
    }

    #[tokio::test]
    async fn a_silent_engine_hits_the_inactivity_timeout() {
        let stream = futures::stream::pending::<Result<CreateImageInfo, BollardError>>();
        let e = follow_pull("reg/x:1", stream, short(50, 3_600_000))
            .await
            .unwrap_err();
        assert!(!e.is_unavailable());
        let m = e.message();
        assert!(m.contains("made no progress for 50ms"), "{m}");
        assert!(m.contains("reg/x:1"), "{m}");
    }

    #[tokio::test]
    async fn progress_keeps_a_pull_alive_until_the_overall_timeout() {
        // A message every 10 ms: never inactive, but never done.
        let stream = futures::stream::unfold(0u64, |n| async move {
            tokio::time::sleep(Duration::from_millis(10)).await;
            Some((msg(Some("aaa"), "Downloading", Some(10)), n + 1))
        });
        let e = follow_pull("x", stream, short(1_000, 200))
            .await
            .unwrap_err();
        let m = e.message();
        assert!(m.contains("not done after 200ms"), "{m}");
        assert!(m.contains("ECS_IMAGE_PULL_TIMEOUT"), "{m}");
    }
}
