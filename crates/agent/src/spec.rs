//! Translation of an ECS container definition (as the control plane sends
//! it in [`DesiredTask`]) into a [`CreateSpec`] for the runtime, the way the
//! ECS agent builds its Docker config and host config.

use crate::runtime::{
    CreateSpec, HealthcheckSpec, MountSpec, NetworkSpec, PortSpec, TaskLimits, VolumeCreate,
};
use gantry_agent_api::{labels, AwsvpcSpec, ContainerSpec, DesiredTask, NetworkMode, VolumeSpec};
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

/// Sibling containers' runtime identities, by ECS container name, and the
/// task-level resources the containers join.
#[derive(Debug, Clone, Default)]
pub struct Siblings {
    pub docker_names: BTreeMap<String, String>,
    pub docker_ids: BTreeMap<String, String>,
    /// awsvpc: the pause container whose network namespace the containers share.
    pub pause_id: Option<String>,
    /// The task's cgroup (`CgroupParent`), when it has task-level limits.
    pub cgroup_parent: Option<String>,
}

/// ECS container name of the awsvpc network-namespace holder (the ECS
/// agent's own name for it).
pub const PAUSE_CONTAINER_NAME: &str = "~internal~ecs~pause";

/// The Gantry-managed Docker network of an awsvpc subnet.
pub fn network_name(awsvpc: &AwsvpcSpec) -> String {
    let id: String = awsvpc
        .subnet_id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || "_.-".contains(c) {
                c
            } else {
                '-'
            }
        })
        .collect();
    format!("gantry-{id}")
}

pub fn network_spec(awsvpc: &AwsvpcSpec) -> NetworkSpec {
    let mut lbls = BTreeMap::new();
    lbls.insert(labels::MANAGED.to_string(), "true".to_string());
    lbls.insert("io.gantry.subnet-id".to_string(), awsvpc.subnet_id.clone());
    NetworkSpec {
        name: network_name(awsvpc),
        subnet_cidr: awsvpc.subnet_cidr.clone(),
        gateway: awsvpc.gateway.clone(),
        labels: lbls,
    }
}

/// Task-level limits, when the task has any.
pub fn task_limits(task: &DesiredTask) -> Option<TaskLimits> {
    (task.cpu.is_some() || task.memory.is_some()).then_some(TaskLimits {
        cpu: task.cpu,
        memory_mib: task.memory,
    })
}

fn task_labels(
    task: &DesiredTask,
    container: &str,
    instance_arn: &str,
) -> BTreeMap<String, String> {
    let mut lbls = BTreeMap::new();
    lbls.insert(labels::CLUSTER.into(), task.cluster.clone());
    lbls.insert(labels::TASK_ARN.into(), task.task_arn.clone());
    lbls.insert(labels::CONTAINER_NAME.into(), container.to_string());
    lbls.insert(labels::TASK_DEFINITION_FAMILY.into(), task.family.clone());
    lbls.insert(
        labels::TASK_DEFINITION_VERSION.into(),
        task.revision.to_string(),
    );
    lbls.insert(labels::MANAGED.into(), "true".into());
    lbls.insert(labels::CONTAINER_INSTANCE_ARN.into(), instance_arn.into());
    lbls
}

/// The pause container of an awsvpc task: on the subnet's network with the
/// task's address, in the task's cgroup, labelled like the task's
/// containers (so adoption and the orphan sweep find it), plus the
/// containers' own `io.gantry.*` Docker labels (tests scope their cleanup
/// with them).
pub fn pause_spec(
    task: &DesiredTask,
    awsvpc: &AwsvpcSpec,
    image: &str,
    docker_name: &str,
    instance_arn: &str,
    cgroup_parent: Option<String>,
) -> CreateSpec {
    let mut lbls = task_labels(task, PAUSE_CONTAINER_NAME, instance_arn);
    for c in &task.containers {
        for (k, v) in &c.docker_labels {
            if k.starts_with("io.gantry.") && !lbls.contains_key(k) {
                lbls.insert(k.clone(), v.clone());
            }
        }
    }
    CreateSpec {
        name: docker_name.to_string(),
        image: image.to_string(),
        labels: lbls,
        network_mode: network_name(awsvpc),
        ipv4_address: Some(awsvpc.private_ipv4_address.clone()),
        cgroup_parent,
        cpu_shares: 2,
        stop_timeout: Some(10),
        ..Default::default()
    }
}

/// The environment the task endpoints add to every container: the metadata
/// URIs (`base` is `http://169.254.170.2` or the fallback address), the task
/// role's credentials path, and `AWS_EXECUTION_ENV` (plus the region on
/// Fargate), like the ECS agent.
pub fn endpoint_env(base: &str, endpoint_id: &str, task: &DesiredTask) -> Vec<String> {
    let base = base.trim_end_matches('/');
    let mut env = vec![
        format!("ECS_CONTAINER_METADATA_URI_V4={base}/v4/{endpoint_id}"),
        format!("ECS_CONTAINER_METADATA_URI={base}/v3/{endpoint_id}"),
    ];
    if let Some(c) = &task.task_credentials {
        env.push(format!(
            "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI=/v2/credentials/{}",
            c.credentials_id
        ));
        if base != "http://169.254.170.2" {
            // The endpoint fell back to another address: the relative URI
            // (always on 169.254.170.2) cannot reach it, the full one can.
            env.push(format!(
                "AWS_CONTAINER_CREDENTIALS_FULL_URI={base}/v2/credentials/{}",
                c.credentials_id
            ));
        }
    }
    let fargate = task.launch_type.as_deref() == Some("FARGATE");
    env.push(format!(
        "AWS_EXECUTION_ENV={}",
        if fargate {
            "AWS_ECS_FARGATE"
        } else {
            "AWS_ECS_EC2"
        }
    ));
    if fargate {
        if let Some(region) = task.task_arn.split(':').nth(3).filter(|r| !r.is_empty()) {
            env.push(format!("AWS_REGION={region}"));
            env.push(format!("AWS_DEFAULT_REGION={region}"));
        }
    }
    env
}

/// Size of one json-file log file before Docker rotates it (`max-size`).
pub const LOG_MAX_SIZE: &str = "100m";
/// Rotated json-file log files Docker keeps per container (`max-file`).
pub const LOG_MAX_FILE: &str = "3";

/// json-file options with Gantry's bound: `max-size`/`max-file` default to
/// [`LOG_MAX_SIZE`] × [`LOG_MAX_FILE`] unless the task definition sets them,
/// so a chatty container cannot fill the host's disk. The awslogs shipper
/// (`crate::logs`) reads these files (directly when the agent can, else
/// through the Engine's logs API), so it sees only the files Docker still
/// keeps: lines rotated away before they were shipped (a Logs outage
/// longer than the cap takes to fill) are lost, oldest first.
fn bounded_json_file(mut options: BTreeMap<String, String>) -> BTreeMap<String, String> {
    options
        .entry("max-size".to_string())
        .or_insert_with(|| LOG_MAX_SIZE.to_string());
    options
        .entry("max-file".to_string())
        .or_insert_with(|| LOG_MAX_FILE.to_string());
    options
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
    lbls.extend(task_labels(task, &c.name, instance_arn));

    // awsvpc: every container joins the pause container's network namespace
    // (one address, shared localhost). Ports need no publishing (the task's
    // address is reachable), and Docker refuses hostname, DNS settings and
    // published ports in `container:` mode. Without a pause container (no
    // interface from the control plane) awsvpc falls back to bridge.
    let joined = match (task.network_mode, &siblings.pause_id) {
        (NetworkMode::Awsvpc, Some(id)) if task.awsvpc.is_some() => Some(id.clone()),
        _ => None,
    };
    let network_mode = match (&joined, task.network_mode) {
        (Some(id), _) => format!("container:{id}"),
        (None, NetworkMode::Bridge | NetworkMode::Awsvpc) => "bridge".to_string(),
        (None, NetworkMode::Host) => "host".to_string(),
        (None, NetworkMode::None) => "none".to_string(),
    };
    if joined.is_some()
        && (c.hostname.is_some() || !c.dns_servers.is_empty() || !c.extra_hosts.is_empty())
    {
        warn!(task = %task.task_arn, container = %c.name, "hostname, dnsServers and extraHosts are not supported in awsvpc mode; ignored");
    }
    let ports = if task.network_mode == NetworkMode::None || joined.is_some() {
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
            // Docker's generic delivery options go to json-file as they are:
            // Docker validates them at create and the container never blocks.
            let generic: BTreeMap<String, String> = l
                .options
                .iter()
                .filter(|(k, _)| matches!(k.as_str(), "mode" | "max-buffer-size"))
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect();
            (Some("json-file".to_string()), bounded_json_file(generic))
        }
        Some(l) if l.log_driver == "json-file" => (
            Some(l.log_driver.clone()),
            bounded_json_file(l.options.clone()),
        ),
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
        hostname: c.hostname.clone().filter(|_| joined.is_none()),
        labels: lbls,
        ports,
        network_mode,
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
        dns: if joined.is_some() {
            Vec::new()
        } else {
            c.dns_servers.clone()
        },
        dns_search: if joined.is_some() {
            Vec::new()
        } else {
            c.dns_search_domains.clone()
        },
        extra_hosts: if joined.is_some() {
            Vec::new()
        } else {
            c.extra_hosts.clone()
        },
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
        cgroup_parent: siblings.cgroup_parent.clone(),
        ipv4_address: None,
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
            task_role_arn: None,
            execution_role_arn: None,
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
        assert_eq!(s.log_options["max-size"], LOG_MAX_SIZE);
        assert_eq!(s.log_options["max-file"], LOG_MAX_FILE);
        assert_eq!(s.stop_timeout, Some(30));
    }

    #[test]
    fn json_file_logs_are_bounded_unless_the_task_says_otherwise() {
        let t = task();
        let with = |driver: &str, opts: &[(&str, &str)]| ContainerSpec {
            name: "app".into(),
            image: "img".into(),
            log_configuration: Some(LogConfiguration {
                log_driver: driver.into(),
                options: opts
                    .iter()
                    .map(|(k, v)| (k.to_string(), v.to_string()))
                    .collect(),
            }),
            ..Default::default()
        };
        let sib = Siblings::default();
        let s = create_spec(
            &t,
            &with("json-file", &[("max-size", "5m")]),
            "n",
            "ci",
            &sib,
        );
        assert_eq!(s.log_options["max-size"], "5m");
        assert_eq!(s.log_options["max-file"], LOG_MAX_FILE);
        let s = create_spec(
            &t,
            &with(
                "awslogs",
                &[("awslogs-group", "g"), ("mode", "non-blocking")],
            ),
            "n",
            "ci",
            &sib,
        );
        assert_eq!(s.log_options.get("awslogs-group"), None);
        assert_eq!(s.log_options["mode"], "non-blocking");
        assert_eq!(s.log_options["max-size"], LOG_MAX_SIZE);
        // Other drivers keep their own options; no configuration: the
        // Engine's default driver and options.
        let s = create_spec(&t, &with("syslog", &[]), "n", "ci", &sib);
        assert!(s.log_options.is_empty());
        let plain = ContainerSpec {
            name: "app".into(),
            image: "img".into(),
            ..Default::default()
        };
        let s = create_spec(&t, &plain, "n", "ci", &sib);
        assert_eq!(s.log_driver, None);
    }
}
