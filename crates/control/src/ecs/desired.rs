//! Turns a task definition plus RunTask overrides into what the agent runs
//! ([`DesiredTask`]): overrides applied, defaults filled, wire enums mapped.

use gantry_agent_api as agent;
use gantry_api_types::{ecs, ApiError};

/// Apply `overrides` to the container definitions (command, environment,
/// cpu, memory, memoryReservation). Unknown container names are an error.
pub fn apply_overrides(
    defs: &[ecs::ContainerDefinition],
    overrides: Option<&ecs::TaskOverride>,
) -> Result<Vec<ecs::ContainerDefinition>, ApiError> {
    let mut defs = defs.to_vec();
    let Some(o) = overrides else { return Ok(defs) };
    for co in o.container_overrides.clone().unwrap_or_default() {
        let name = co.name.clone().unwrap_or_default();
        let def = defs
            .iter_mut()
            .find(|d| d.name.as_deref() == Some(name.as_str()))
            .ok_or_else(|| {
                ApiError::invalid_parameter(format!(
                    "Override for container named {name} is not a container in the TaskDefinition."
                ))
            })?;
        if let Some(c) = co.command {
            def.command = Some(c);
        }
        if let Some(env) = co.environment {
            let mut merged = def.environment.clone().unwrap_or_default();
            for e in env {
                match merged.iter_mut().find(|m| m.name == e.name) {
                    Some(m) => m.value = e.value.clone(),
                    None => merged.push(e),
                }
            }
            def.environment = Some(merged);
        }
        if co.cpu.is_some() {
            def.cpu = co.cpu;
        }
        if co.memory.is_some() {
            def.memory = co.memory;
        }
        if co.memory_reservation.is_some() {
            def.memory_reservation = co.memory_reservation;
        }
    }
    Ok(defs)
}

fn to_u32(v: Option<i32>) -> Option<u32> {
    v.and_then(|x| u32::try_from(x).ok())
}

fn container_spec(
    d: &ecs::ContainerDefinition,
    network_mode: agent::NetworkMode,
) -> agent::ContainerSpec {
    let kv = |list: &Option<Vec<ecs::KeyValuePair>>| -> Vec<agent::KeyValue> {
        list.clone()
            .unwrap_or_default()
            .into_iter()
            .map(|p| agent::KeyValue {
                name: p.name.unwrap_or_default(),
                value: p.value.unwrap_or_default(),
            })
            .collect()
    };
    let port_mappings = d
        .port_mappings
        .clone()
        .unwrap_or_default()
        .into_iter()
        .filter_map(|p| {
            let container_port = u16::try_from(p.container_port?).ok()?;
            let mut host_port = p
                .host_port
                .and_then(|h| u16::try_from(h).ok())
                .filter(|h| *h != 0);
            if matches!(
                network_mode,
                agent::NetworkMode::Host | agent::NetworkMode::Awsvpc
            ) {
                host_port = Some(host_port.unwrap_or(container_port));
            }
            let protocol = match p.protocol.as_ref().map(|x| x.as_str()) {
                Some("udp") => agent::Protocol::Udp,
                _ => agent::Protocol::Tcp,
            };
            Some(agent::PortMapping {
                container_port,
                host_port,
                protocol,
            })
        })
        .collect();
    let health_check = d.health_check.as_ref().map(|h| agent::HealthCheck {
        command: h.command.clone(),
        interval: to_u32(h.interval).unwrap_or(30),
        timeout: to_u32(h.timeout).unwrap_or(5),
        retries: to_u32(h.retries).unwrap_or(3),
        start_period: to_u32(h.start_period).unwrap_or(0),
    });
    let depends_on = d
        .depends_on
        .clone()
        .unwrap_or_default()
        .into_iter()
        .map(|dep| agent::Dependency {
            container_name: dep.container_name,
            condition: match dep.condition.as_str() {
                "COMPLETE" => agent::DependencyCondition::Complete,
                "SUCCESS" => agent::DependencyCondition::Success,
                "HEALTHY" => agent::DependencyCondition::Healthy,
                _ => agent::DependencyCondition::Start,
            },
        })
        .collect();
    let linux_parameters = d
        .linux_parameters
        .as_ref()
        .map(|lp| agent::LinuxParameters {
            capabilities_add: lp
                .capabilities
                .as_ref()
                .and_then(|c| c.add.clone())
                .unwrap_or_default(),
            capabilities_drop: lp
                .capabilities
                .as_ref()
                .and_then(|c| c.drop.clone())
                .unwrap_or_default(),
            init_process_enabled: lp.init_process_enabled.unwrap_or(false),
            shared_memory_size: to_u32(lp.shared_memory_size),
            tmpfs: lp
                .tmpfs
                .clone()
                .unwrap_or_default()
                .into_iter()
                .map(|t| agent::Tmpfs {
                    container_path: t.container_path,
                    size: u32::try_from(t.size).unwrap_or(0),
                    mount_options: t.mount_options.unwrap_or_default(),
                })
                .collect(),
            devices: lp
                .devices
                .clone()
                .unwrap_or_default()
                .into_iter()
                .map(|dev| agent::Device {
                    host_path: dev.host_path,
                    container_path: dev.container_path,
                    permissions: dev
                        .permissions
                        .unwrap_or_default()
                        .iter()
                        .map(|p| p.as_str().to_string())
                        .collect(),
                })
                .collect(),
        });
    agent::ContainerSpec {
        name: d.name.clone().unwrap_or_default(),
        image: d.image.clone().unwrap_or_default(),
        essential: d.essential.unwrap_or(true),
        command: d.command.clone(),
        entry_point: d.entry_point.clone(),
        environment: kv(&d.environment),
        working_directory: d.working_directory.clone(),
        user: d.user.clone(),
        hostname: d.hostname.clone(),
        port_mappings,
        cpu: to_u32(d.cpu).unwrap_or(0),
        memory: to_u32(d.memory),
        memory_reservation: to_u32(d.memory_reservation),
        ulimits: d
            .ulimits
            .clone()
            .unwrap_or_default()
            .into_iter()
            .map(|u| agent::Ulimit {
                name: u.name.as_str().to_string(),
                soft_limit: i64::from(u.soft_limit),
                hard_limit: i64::from(u.hard_limit),
            })
            .collect(),
        docker_labels: d.docker_labels.clone().unwrap_or_default(),
        mount_points: d
            .mount_points
            .clone()
            .unwrap_or_default()
            .into_iter()
            .map(|m| agent::MountPoint {
                source_volume: m.source_volume.unwrap_or_default(),
                container_path: m.container_path.unwrap_or_default(),
                read_only: m.read_only.unwrap_or(false),
            })
            .collect(),
        volumes_from: d
            .volumes_from
            .clone()
            .unwrap_or_default()
            .into_iter()
            .map(|v| agent::VolumeFrom {
                source_container: v.source_container.unwrap_or_default(),
                read_only: v.read_only.unwrap_or(false),
            })
            .collect(),
        links: d.links.clone().unwrap_or_default(),
        readonly_root_filesystem: d.readonly_root_filesystem.unwrap_or(false),
        privileged: d.privileged.unwrap_or(false),
        interactive: d.interactive.unwrap_or(false),
        pseudo_terminal: d.pseudo_terminal.unwrap_or(false),
        disable_networking: d.disable_networking.unwrap_or(false),
        health_check,
        stop_timeout: to_u32(d.stop_timeout),
        start_timeout: to_u32(d.start_timeout),
        depends_on,
        dns_servers: d.dns_servers.clone().unwrap_or_default(),
        dns_search_domains: d.dns_search_domains.clone().unwrap_or_default(),
        extra_hosts: d
            .extra_hosts
            .clone()
            .unwrap_or_default()
            .into_iter()
            .map(|h| format!("{}:{}", h.hostname, h.ip_address))
            .collect(),
        docker_security_options: d.docker_security_options.clone().unwrap_or_default(),
        system_controls: d
            .system_controls
            .clone()
            .unwrap_or_default()
            .into_iter()
            .map(|s| agent::KeyValue {
                name: s.namespace.unwrap_or_default(),
                value: s.value.unwrap_or_default(),
            })
            .collect(),
        linux_parameters,
        log_configuration: d
            .log_configuration
            .as_ref()
            .map(|l| agent::LogConfiguration {
                log_driver: l.log_driver.as_str().to_string(),
                options: l.options.clone().unwrap_or_default(),
            }),
        repository_credentials: d
            .repository_credentials
            .as_ref()
            .map(|r| r.credentials_parameter.clone()),
    }
}

pub fn network_mode(td: &ecs::TaskDefinition) -> agent::NetworkMode {
    match td.network_mode.as_ref().map(|m| m.as_str()) {
        Some("host") => agent::NetworkMode::Host,
        Some("awsvpc") => agent::NetworkMode::Awsvpc,
        Some("none") => agent::NetworkMode::None,
        _ => agent::NetworkMode::Bridge,
    }
}

pub struct DesiredInput<'a> {
    pub task_arn: &'a str,
    pub cluster: &'a str,
    pub cluster_arn: &'a str,
    pub td: &'a ecs::TaskDefinition,
    pub containers: &'a [ecs::ContainerDefinition],
    pub cpu: Option<u32>,
    pub memory: Option<u32>,
}

pub fn desired_task(i: DesiredInput<'_>) -> agent::DesiredTask {
    let nm = network_mode(i.td);
    agent::DesiredTask {
        task_arn: i.task_arn.to_string(),
        cluster_arn: i.cluster_arn.to_string(),
        cluster: i.cluster.to_string(),
        task_definition_arn: i.td.task_definition_arn.clone().unwrap_or_default(),
        family: i.td.family.clone().unwrap_or_default(),
        revision: i.td.revision.unwrap_or(0),
        desired_status: agent::DesiredStatus::Running,
        network_mode: nm,
        cpu: i.cpu,
        memory: i.memory,
        containers: i.containers.iter().map(|d| container_spec(d, nm)).collect(),
        volumes: i
            .td
            .volumes
            .clone()
            .unwrap_or_default()
            .into_iter()
            .map(|v| agent::VolumeSpec {
                name: v.name.unwrap_or_default(),
                host_source_path: v.host.and_then(|h| h.source_path),
                docker: v.docker_volume_configuration.map(|dv| agent::DockerVolume {
                    scope: dv
                        .scope
                        .map(|s| s.as_str().to_string())
                        .unwrap_or_else(|| "task".to_string()),
                    autoprovision: dv.autoprovision.unwrap_or(false),
                    driver: dv.driver,
                    driver_opts: dv.driver_opts.unwrap_or_default(),
                    labels: dv.labels.unwrap_or_default(),
                }),
            })
            .collect(),
        pid_mode: i.td.pid_mode.as_ref().map(|p| p.as_str().to_string()),
        ipc_mode: i.td.ipc_mode.as_ref().map(|p| p.as_str().to_string()),
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
