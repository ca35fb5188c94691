//! Translation of an ECS container definition (as the control plane sends
//! it in [`DesiredTask`]) into a [`CreateSpec`] for the runtime, the way the
//! ECS agent builds its Docker config and host config.

use crate::runtime::{CreateSpec, HealthcheckSpec, MountSpec, PortSpec, VolumeCreate};
use gantry_agent_api::{labels, ContainerSpec, DesiredTask, NetworkMode, VolumeSpec};
use std::collections::BTreeMap;
use tracing::{debug, warn};

const NS_PER_SEC: i64 = 1_000_000_000;
const MIB: i64 = 1024 * 1024;

/// Default seconds between SIGTERM and SIGKILL.
pub const DEFAULT_STOP_TIMEOUT: u32 = 30;

/// The last segment of a task ARN (`…:task/<cluster>/<id>` → `<id>`).
pub fn task_id(task_arn: &str) -> &str {
    task_arn.rsplit('/').next().unwrap_or(task_arn)
}

/// `ecs-<family>-<revision>-<container>-<random hex>`, like the ECS agent.
pub fn docker_name(task: &DesiredTask, container: &str) -> String {
    let hex = uuid::Uuid::new_v4().simple().to_string();
    let name = format!(
        "ecs-{}-{}-{}-{}",
        task.family,
        task.revision,
        container,
        &hex[..20]
    );
    name.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || "_.-".contains(c) {
                c
            } else {
                '-'
            }
        })
        .collect()
}

/// Where a task volume comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResolvedVolume {
    /// Host path (bind) or Docker volume name.
    pub source: String,
    pub bind: bool,
    /// Create this Docker volume before the containers (task-scoped, or
    /// shared with autoprovision).
    pub create: Option<VolumeCreate>,
    /// Remove the Docker volume with the task.
    pub task_scoped: bool,
}

pub fn resolve_volume(task: &DesiredTask, v: &VolumeSpec, instance_arn: &str) -> ResolvedVolume {
    if let Some(path) = &v.host_source_path {
        return ResolvedVolume {
            source: path.clone(),
            bind: true,
            create: None,
            task_scoped: false,
        };
    }
    let mut lbls = BTreeMap::new();
    lbls.insert(labels::MANAGED.to_string(), "true".to_string());
    lbls.insert(
        labels::CONTAINER_INSTANCE_ARN.to_string(),
        instance_arn.to_string(),
    );
    match &v.docker {
        Some(d) if d.scope == "shared" => {
            let mut l = d.labels.clone();
            l.extend(lbls);
            ResolvedVolume {
                source: v.name.clone(),
                bind: false,
                create: d.autoprovision.then(|| VolumeCreate {
                    name: v.name.clone(),
                    driver: d.driver.clone(),
                    driver_opts: d.driver_opts.clone(),
                    labels: l,
                }),
                task_scoped: false,
            }
        }
        other => {
            let other = other.as_ref();
            let name = format!("ecs-{}-{}", task_id(&task.task_arn), v.name);
            let mut l = other.map(|d| d.labels.clone()).unwrap_or_default();
            l.extend(lbls);
            l.insert(labels::TASK_ARN.to_string(), task.task_arn.clone());
            ResolvedVolume {
                source: name.clone(),
                bind: false,
                create: Some(VolumeCreate {
                    name,
                    driver: other.and_then(|d| d.driver.clone()),
                    driver_opts: other.map(|d| d.driver_opts.clone()).unwrap_or_default(),
                    labels: l,
                }),
                task_scoped: true,
            }
        }
    }
}

/// Sibling containers' runtime identities, by ECS container name.
#[derive(Debug, Clone, Default)]
pub struct Siblings {
    pub docker_names: BTreeMap<String, String>,
    pub docker_ids: BTreeMap<String, String>,
}

/// Builds the runtime spec for one container of a task.
pub fn create_spec(
    task: &DesiredTask,
    c: &ContainerSpec,
    docker_name: &str,
    instance_arn: &str,
    siblings: &Siblings,
) -> CreateSpec {
    let mut lbls = c.docker_labels.clone();
    lbls.insert(labels::CLUSTER.into(), task.cluster.clone());
    lbls.insert(labels::TASK_ARN.into(), task.task_arn.clone());
    lbls.insert(labels::CONTAINER_NAME.into(), c.name.clone());
    lbls.insert(labels::TASK_DEFINITION_FAMILY.into(), task.family.clone());
    lbls.insert(
        labels::TASK_DEFINITION_VERSION.into(),
        task.revision.to_string(),
    );
    lbls.insert(labels::MANAGED.into(), "true".into());
    lbls.insert(labels::CONTAINER_INSTANCE_ARN.into(), instance_arn.into());

    // awsvpc is treated like bridge for now; a later issue gives each such
    // task its own network namespace (pause container + CNI).
    let network_mode = match task.network_mode {
        NetworkMode::Bridge | NetworkMode::Awsvpc => "bridge",
        NetworkMode::Host => "host",
        NetworkMode::None => "none",
    };
    let ports = if task.network_mode == NetworkMode::None {
        Vec::new()
    } else {
        c.port_mappings
            .iter()
            .map(|p| PortSpec {
                container_port: p.container_port,
                host_port: match task.network_mode {
                    NetworkMode::Host => Some(p.container_port),
                    _ => p.host_port.filter(|h| *h != 0),
                },
                protocol: p.protocol,
            })
            .collect()
    };

    let volumes: BTreeMap<&str, ResolvedVolume> = task
        .volumes
        .iter()
        .map(|v| (v.name.as_str(), resolve_volume(task, v, instance_arn)))
        .collect();
    let mounts = c
        .mount_points
        .iter()
        .filter_map(|m| {
            let Some(v) = volumes.get(m.source_volume.as_str()) else {
                warn!(task = %task.task_arn, volume = %m.source_volume, "mount point names an unknown volume");
                return None;
            };
            Some(MountSpec {
                source: v.source.clone(),
                target: m.container_path.clone(),
                read_only: m.read_only,
                bind: v.bind,
            })
        })
        .collect();
    let volumes_from = c
        .volumes_from
        .iter()
        .filter_map(|v| {
            siblings.docker_ids.get(&v.source_container).map(|id| {
                if v.read_only {
                    format!("{id}:ro")
                } else {
                    id.clone()
                }
            })
        })
        .collect();
    let links = if task.network_mode == NetworkMode::Bridge {
        c.links
            .iter()
            .filter_map(|l| {
                let (name, alias) = l.split_once(':').unwrap_or((l.as_str(), l.as_str()));
                siblings
                    .docker_names
                    .get(name)
                    .map(|d| format!("{d}:{alias}"))
            })
            .collect()
    } else {
        Vec::new()
    };

    let lp = c.linux_parameters.clone().unwrap_or_default();
    let tmpfs = lp
        .tmpfs
        .iter()
        .map(|t| {
            let mut opts = t.mount_options.clone();
            opts.push(format!("size={}m", t.size));
            (t.container_path.clone(), opts.join(","))
        })
        .collect();
    let devices = lp
        .devices
        .iter()
        .map(|d| {
            let perms = if d.permissions.is_empty() {
                "rwm".to_string()
            } else {
                d.permissions
                    .iter()
                    .map(|p| p.chars().next().unwrap_or('r'))
                    .collect()
            };
            (
                d.host_path.clone(),
                d.container_path
                    .clone()
                    .unwrap_or_else(|| d.host_path.clone()),
                perms,
            )
        })
        .collect();

    let (log_driver, log_options) = match &c.log_configuration {
        Some(l) if l.log_driver == "awslogs" => {
            // Docker's own awslogs driver would call AWS. The container logs
            // to json-file and the agent's shipper (`crate::logs`) follows it
            // and delivers to Gantry's Logs service.
            debug!(task = %task.task_arn, container = %c.name, "awslogs: json-file capture, shipped by the agent");
            (Some("json-file".to_string()), BTreeMap::new())
        }
        Some(l) => (Some(l.log_driver.clone()), l.options.clone()),
        None => (None, BTreeMap::new()),
    };

    CreateSpec {
        name: docker_name.to_string(),
        image: c.image.clone(),
        cmd: c.command.clone(),
        entrypoint: c.entry_point.clone(),
        env: c
            .environment
            .iter()
            .map(|kv| format!("{}={}", kv.name, kv.value))
            .collect(),
        working_dir: c.working_directory.clone(),
        user: c.user.clone(),
        hostname: c.hostname.clone(),
        labels: lbls,
        ports,
        network_mode: network_mode.to_string(),
        network_disabled: c.disable_networking,
        // cpu 0 means "no limit"; Docker's minimum share is 2, as the ECS agent uses.
        cpu_shares: i64::from(c.cpu.max(2)),
        memory: c.memory.map(|m| i64::from(m) * MIB),
        memory_reservation: c.memory_reservation.map(|m| i64::from(m) * MIB),
        ulimits: c
            .ulimits
            .iter()
            .map(|u| (u.name.clone(), u.soft_limit, u.hard_limit))
            .collect(),
        mounts,
        volumes_from,
        links,
        readonly_rootfs: c.readonly_root_filesystem,
        privileged: c.privileged,
        init: lp.init_process_enabled,
        cap_add: lp.capabilities_add.clone(),
        cap_drop: lp.capabilities_drop.clone(),
        tmpfs,
        shm_size: lp.shared_memory_size.map(|m| i64::from(m) * MIB),
        devices,
        dns: c.dns_servers.clone(),
        dns_search: c.dns_search_domains.clone(),
        extra_hosts: c.extra_hosts.clone(),
        security_opt: c.docker_security_options.clone(),
        sysctls: c
            .system_controls
            .iter()
            .map(|kv| (kv.name.clone(), kv.value.clone()))
            .collect(),
        healthcheck: c.health_check.as_ref().map(|h| HealthcheckSpec {
            test: h.command.clone(),
            interval_ns: i64::from(h.interval) * NS_PER_SEC,
            timeout_ns: i64::from(h.timeout) * NS_PER_SEC,
            retries: i64::from(h.retries),
            start_period_ns: i64::from(h.start_period) * NS_PER_SEC,
        }),
        stop_timeout: Some(i64::from(c.stop_timeout.unwrap_or(DEFAULT_STOP_TIMEOUT))),
        log_driver,
        log_options,
        tty: c.pseudo_terminal,
        open_stdin: c.interactive,
        pid_mode: task.pid_mode.clone(),
        ipc_mode: task.ipc_mode.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use gantry_agent_api::{DesiredStatus, LogConfiguration, PortMapping};

    fn task() -> DesiredTask {
        DesiredTask {
            task_arn: "arn:aws:ecs:us-east-1:1:task/default/abc123".into(),
            cluster_arn: "arn:aws:ecs:us-east-1:1:cluster/default".into(),
            cluster: "default".into(),
            task_definition_arn: "arn:aws:ecs:us-east-1:1:task-definition/web:3".into(),
            family: "web".into(),
            revision: 3,
            desired_status: DesiredStatus::Running,
            network_mode: NetworkMode::Bridge,
            cpu: None,
            memory: None,
            containers: vec![],
            volumes: vec![VolumeSpec {
                name: "data".into(),
                host_source_path: None,
                docker: None,
            }],
            pid_mode: None,
            ipc_mode: None,
            stop_reason: None,
            awsvpc: None,
            task_credentials: None,
            execution_credentials: None,
            launch_type: None,
            capacity_provider_name: None,
        }
    }

    #[test]
    fn labels_resources_and_volumes() {
        let t = task();
        let c = ContainerSpec {
            name: "app".into(),
            image: "img".into(),
            cpu: 0,
            memory: Some(128),
            port_mappings: vec![PortMapping {
                container_port: 80,
                host_port: Some(0),
                ..Default::default()
            }],
            mount_points: vec![gantry_agent_api::MountPoint {
                source_volume: "data".into(),
                container_path: "/data".into(),
                read_only: true,
            }],
            links: vec!["db:database".into()],
            log_configuration: Some(LogConfiguration {
                log_driver: "awslogs".into(),
                options: BTreeMap::new(),
            }),
            ..Default::default()
        };
        let mut sib = Siblings::default();
        sib.docker_names
            .insert("db".into(), "ecs-web-3-db-xyz".into());
        let name = docker_name(&t, "app");
        assert!(name.starts_with("ecs-web-3-app-"));
        let s = create_spec(&t, &c, &name, "arn:ci", &sib);
        assert_eq!(s.cpu_shares, 2);
        assert_eq!(s.memory, Some(128 * MIB));
        assert_eq!(s.labels[labels::TASK_ARN], t.task_arn);
        assert_eq!(s.labels[labels::TASK_DEFINITION_VERSION], "3");
        assert_eq!(s.labels[labels::MANAGED], "true");
        assert_eq!(s.ports[0].host_port, None);
        assert_eq!(s.mounts[0].source, "ecs-abc123-data");
        assert!(s.mounts[0].read_only);
        assert_eq!(s.links, vec!["ecs-web-3-db-xyz:database".to_string()]);
        assert_eq!(s.log_driver.as_deref(), Some("json-file"));
        assert_eq!(s.stop_timeout, Some(30));
    }
}
