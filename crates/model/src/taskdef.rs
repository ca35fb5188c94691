//! RegisterTaskDefinition: validation, normalisation and computed fields.
//!
//! [`validate_and_normalize`] implements the checklist of the ECS reference
//! (§3): it rejects what ECS rejects, with `ClientException` messages that
//! name the offending field, then returns the task definition as
//! DescribeTaskDefinition would show it, minus what only the control plane
//! knows (ARN, revision, status, registeredAt, registeredBy; see
//! [`NormalizedTaskDef::into_registered`]).
//!
//! Normalisation only *adds* to what the client sent, with one exception:
//! task-level `cpu`/`memory` unit strings are rewritten to plain numbers
//! (`"1 vCPU"` → `"1024"`, `"0.5 GB"` → `"512"`).

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use gantry_api_types::ecs::{
    Attribute, Compatibility, ContainerCondition, ContainerDefinition, LogDriver, NetworkMode,
    PidMode, RegisterTaskDefinitionRequest, Tag, TaskDefinition, TaskDefinitionStatus,
    TransportProtocol,
};
use gantry_api_types::ApiError;

use crate::names::{is_valid_name, validate_tags};

/// Maximum containers per task definition.
pub const MAX_CONTAINERS: usize = 10;
/// Maximum size of the RegisterTaskDefinition request body.
pub const MAX_TASK_DEFINITION_BYTES: usize = 64 * 1024;
/// Task-level CPU range on EC2/EXTERNAL, in CPU units.
pub const EC2_TASK_CPU_RANGE: (i64, i64) = (128, 196_608);

/// A validated task definition, ready to be stored.
#[derive(Debug, Clone, PartialEq)]
pub struct NormalizedTaskDef {
    /// Everything DescribeTaskDefinition returns except the fields the
    /// control plane assigns (`taskDefinitionArn`, `revision`, `status`,
    /// `registeredAt`, `registeredBy`).
    pub task_definition: TaskDefinition,
    /// The request's tags (validated), stored beside the task definition.
    pub tags: Vec<Tag>,
}

impl NormalizedTaskDef {
    /// The family name.
    pub fn family(&self) -> &str {
        self.task_definition.family.as_deref().unwrap_or("")
    }

    /// Completes the wire `TaskDefinition` with what the control plane
    /// assigns; status becomes ACTIVE. `registered_at` is epoch seconds.
    pub fn into_registered(
        self,
        arn: String,
        revision: i32,
        registered_at: f64,
        registered_by: Option<String>,
    ) -> TaskDefinition {
        let mut td = self.task_definition;
        td.task_definition_arn = Some(arn);
        td.revision = Some(revision);
        td.status = Some(TaskDefinitionStatus::Active);
        td.registered_at = Some(registered_at);
        td.registered_by = registered_by;
        td
    }
}

fn client(msg: impl Into<String>) -> ApiError {
    ApiError::client_exception(msg)
}

/// Parses a task-level CPU value: plain units (`"256"`) or vCPUs
/// (`"1 vCPU"`, `".25 vcpu"`), to CPU units.
pub fn parse_task_cpu(s: &str) -> Option<i64> {
    parse_with_unit(s, &[("vcpu", 1024.0)])
}

/// Parses a task-level memory value: plain MiB (`"512"`) or with a unit
/// (`"1GB"`, `"0.5 GB"`, `"512 MiB"`), to MiB.
pub fn parse_task_memory(s: &str) -> Option<i64> {
    parse_with_unit(
        s,
        &[("gib", 1024.0), ("gb", 1024.0), ("mib", 1.0), ("mb", 1.0)],
    )
}

fn parse_with_unit(s: &str, units: &[(&str, f64)]) -> Option<i64> {
    let lower = s.trim().to_ascii_lowercase();
    for (unit, factor) in units {
        if let Some(num) = lower.strip_suffix(unit) {
            let num = num.trim();
            if num.is_empty() || !num.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
                return None;
            }
            let v: f64 = num.parse().ok()?;
            let scaled = v * factor;
            if scaled.fract() != 0.0 || scaled <= 0.0 || scaled > 1e12 {
                return None;
            }
            // Exact: checked integral and in range above.
            #[allow(clippy::cast_possible_truncation)]
            return Some(scaled as i64);
        }
    }
    if lower.is_empty() || !lower.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    lower.parse().ok().filter(|v| *v > 0)
}

/// The Fargate cpu/memory table (§3).
pub fn fargate_pair_ok(cpu: i64, memory: i64) -> bool {
    let stepped = |lo: i64, hi: i64, step: i64| memory >= lo && memory <= hi && memory % step == 0;
    match cpu {
        256 => matches!(memory, 512 | 1024 | 2048),
        512 => stepped(1024, 4096, 1024),
        1024 => stepped(2048, 8192, 1024),
        2048 => stepped(4096, 16384, 1024),
        4096 => stepped(8192, 30720, 1024),
        8192 => stepped(16384, 61440, 4096),
        16384 => stepped(32768, 122_880, 8192),
        _ => false,
    }
}

fn container_name(c: &ContainerDefinition) -> &str {
    c.name.as_deref().unwrap_or("")
}

/// Validates a RegisterTaskDefinition request and returns the normalised task
/// definition. `raw_size` is the byte length of the request body (64 KiB
/// limit).
pub fn validate_and_normalize(
    req: &RegisterTaskDefinitionRequest,
    raw_size: usize,
) -> Result<NormalizedTaskDef, ApiError> {
    // 10. Size (checked first: cheap and independent).
    if raw_size > MAX_TASK_DEFINITION_BYTES {
        return Err(client(format!(
            "Task definition size ({raw_size} bytes) exceeds the maximum of {MAX_TASK_DEFINITION_BYTES} bytes."
        )));
    }

    // 10. Tags (before the family, as botocore reports them first).
    let tags = req.tags.clone().unwrap_or_default();
    validate_tags(&tags)?;

    // 1. Family and container count.
    if !is_valid_name(&req.family) {
        return Err(client(
            "Family: Up to 255 letters (uppercase and lowercase), numbers, hyphens, and underscores are allowed.",
        ));
    }
    let containers = &req.container_definitions;
    if containers.is_empty() {
        return Err(client(
            "containerDefinitions: at least one container definition is required.",
        ));
    }
    if containers.len() > MAX_CONTAINERS {
        return Err(client(format!(
            "containerDefinitions: too many containers ({}); the maximum per task definition is {MAX_CONTAINERS}.",
            containers.len()
        )));
    }

    let network_mode = req.network_mode.unwrap_or(NetworkMode::Bridge);
    let requires: Vec<Compatibility> = req.requires_compatibilities.clone().unwrap_or_default();
    let wants_fargate = requires.contains(&Compatibility::Fargate);
    let wants_external = requires.contains(&Compatibility::External);

    // 9 (first half). Task cpu/memory normalisation.
    let task_cpu = match req.cpu.as_deref() {
        None => None,
        Some(s) => Some(parse_task_cpu(s).ok_or_else(|| {
            client(format!("Invalid 'cpu' setting for task. '{s}' is not a valid CPU value; use CPU units (e.g. '1024') or vCPUs (e.g. '1 vCPU')."))
        })?),
    };
    let task_memory = match req.memory.as_deref() {
        None => None,
        Some(s) => Some(parse_task_memory(s).ok_or_else(|| {
            client(format!("Invalid 'memory' setting for task. '{s}' is not a valid memory value; use MiB (e.g. '512') or GB (e.g. '1 GB')."))
        })?),
    };
    if let Some(cpu) = task_cpu {
        if !wants_fargate && !(EC2_TASK_CPU_RANGE.0..=EC2_TASK_CPU_RANGE.1).contains(&cpu) {
            return Err(client(format!(
                "Invalid 'cpu' setting for task. CPU units must be between {} and {}.",
                EC2_TASK_CPU_RANGE.0, EC2_TASK_CPU_RANGE.1
            )));
        }
    }

    // 2. Names and images.
    let mut names: HashSet<&str> = HashSet::new();
    for c in containers {
        let name = container_name(c);
        if name.is_empty() {
            return Err(client("Container.name should not be null or empty."));
        }
        if !is_valid_name(name) {
            return Err(client(format!(
                "Invalid container name '{name}'. Container.name: Up to 255 letters (uppercase and lowercase), numbers, hyphens, and underscores are allowed."
            )));
        }
        if !names.insert(name) {
            return Err(client(format!(
                "Duplicate container name '{name}' in containerDefinitions; container names must be unique within a task definition."
            )));
        }
        let image = c.image.as_deref().unwrap_or("");
        if image.trim().is_empty() {
            return Err(client("Container.image should not be null or empty."));
        }
        check_image(name, image)?;
    }

    // 3. Memory and CPU.
    let mut sum_memory: i64 = 0;
    let mut sum_cpu: i64 = 0;
    for c in containers {
        let name = container_name(c);
        if let Some(m) = c.memory {
            if m < 6 {
                return Err(client(format!(
                    "Invalid 'memory' setting for container '{name}'. The minimum is 6 MiB."
                )));
            }
        }
        if let Some(r) = c.memory_reservation {
            if r < 6 {
                return Err(client(format!(
                    "Invalid 'memoryReservation' setting for container '{name}'. The minimum is 6 MiB."
                )));
            }
        }
        if let Some(cpu) = c.cpu {
            if cpu < 0 {
                return Err(client(format!(
                    "Invalid 'cpu' setting for container '{name}'. CPU units must not be negative."
                )));
            }
            sum_cpu += i64::from(cpu);
        }
        match (c.memory, c.memory_reservation) {
            (None, None) if task_memory.is_none() => {
                return Err(client(format!(
                    "Invalid setting for container '{name}'. At least one of 'memory' or 'memoryReservation' must be specified."
                )));
            }
            (Some(m), Some(r)) if m < r => {
                return Err(client(format!(
                    "Invalid setting for container '{name}'. The 'memory' value ({m} MiB) must be greater than or equal to the 'memoryReservation' value ({r} MiB)."
                )));
            }
            _ => {}
        }
        sum_memory += i64::from(c.memory_reservation.or(c.memory).unwrap_or(0));
    }
    if let Some(tm) = task_memory {
        if sum_memory > tm {
            return Err(client(format!(
                "Invalid 'memory' setting for task. The sum of container memory reservations ({sum_memory} MiB) exceeds the task memory ({tm} MiB)."
            )));
        }
        for c in containers {
            if let Some(m) = c.memory {
                if i64::from(m) > tm {
                    return Err(client(format!(
                        "Invalid setting for container '{}'. The 'memory' value ({m} MiB) exceeds the task memory ({tm} MiB).",
                        container_name(c)
                    )));
                }
            }
        }
    }
    if let Some(tc) = task_cpu {
        if sum_cpu > tc {
            return Err(client(format!(
                "Invalid 'cpu' setting for task. The sum of container cpu ({sum_cpu}) exceeds the task cpu ({tc})."
            )));
        }
    }

    // 4. Essential.
    if !containers.iter().any(|c| c.essential != Some(false)) {
        return Err(client(
            "Invalid setting for containerDefinitions: at least one container must be marked essential.",
        ));
    }

    // 5. Networking.
    check_networking(containers, network_mode, &names)?;

    // 6. Volumes.
    let mut volume_names: HashSet<&str> = HashSet::new();
    for v in req.volumes.iter().flatten() {
        let vname = v.name.as_deref().unwrap_or("");
        if !is_valid_name(vname) {
            return Err(client(format!(
                "Invalid volume name '{vname}'. Volume.name: Up to 255 letters (uppercase and lowercase), numbers, hyphens, and underscores are allowed."
            )));
        }
        if !volume_names.insert(vname) {
            return Err(client(format!(
                "Duplicate volume name '{vname}' in volumes; volume names must be unique."
            )));
        }
        if v.host.is_some() && v.docker_volume_configuration.is_some() {
            return Err(client(format!(
                "Invalid setting for volume '{vname}'. 'host' and 'dockerVolumeConfiguration' cannot both be specified."
            )));
        }
    }
    for c in containers {
        let name = container_name(c);
        for (i, mp) in c.mount_points.iter().flatten().enumerate() {
            let src = mp.source_volume.as_deref().unwrap_or("");
            if src.is_empty() {
                return Err(client(format!(
                    "Invalid setting for container '{name}'. mountPoints[{i}].sourceVolume should not be null or empty."
                )));
            }
            if !volume_names.contains(src) {
                return Err(client(format!(
                    "Invalid 'mountPoints' setting for container '{name}'. sourceVolume '{src}' does not match any volume in the task definition."
                )));
            }
            if mp.container_path.as_deref().unwrap_or("").is_empty() {
                return Err(client(format!(
                    "Invalid setting for container '{name}'. mountPoints[{i}].containerPath should not be null or empty."
                )));
            }
        }
        for vf in c.volumes_from.iter().flatten() {
            let src = vf.source_container.as_deref().unwrap_or("");
            if !names.contains(src) || src == name {
                return Err(client(format!(
                    "Invalid 'volumesFrom' setting for container '{name}'. sourceContainer '{src}' must name another container in the task definition."
                )));
            }
        }
    }

    // 7. dependsOn.
    check_depends_on(containers)?;

    // 8. healthCheck, ulimits, log configuration.
    for c in containers {
        let name = container_name(c);
        if let Some(hc) = &c.health_check {
            check_health(name, hc)?;
        }
        for u in c.ulimits.iter().flatten() {
            if u.soft_limit > u.hard_limit {
                return Err(client(format!(
                    "Invalid 'ulimits' setting for container '{name}'. The softLimit ({}) of ulimit '{}' must not exceed its hardLimit ({}).",
                    u.soft_limit, u.name, u.hard_limit
                )));
            }
        }
        if let Some(t) = c.stop_timeout {
            if t < 0 {
                return Err(client(format!(
                    "Invalid 'stopTimeout' setting for container '{name}'. The value must not be negative."
                )));
            }
        }
    }
    if let Some(pc) = &req.proxy_configuration {
        if !names.contains(pc.container_name.as_str()) {
            return Err(client(format!(
                "Invalid 'proxyConfiguration' setting. containerName '{}' does not match any container in the task definition.",
                pc.container_name
            )));
        }
    }

    // 9 (second half). Compatibilities.
    let fargate_problem = fargate_problem(req, network_mode, task_cpu, task_memory);
    if wants_fargate {
        if let Some(msg) = &fargate_problem {
            return Err(client(msg.clone()));
        }
    }
    let external_problem = if network_mode == NetworkMode::Awsvpc {
        Some("Task definition does not support EXTERNAL: networkMode 'awsvpc' is not supported on external instances.")
    } else if req.proxy_configuration.is_some() {
        Some("Task definition does not support EXTERNAL: 'proxyConfiguration' is not supported on external instances.")
    } else if req.volumes.iter().flatten().any(|v| {
        v.efs_volume_configuration.is_some()
            || v.fsx_windows_file_server_volume_configuration.is_some()
    }) {
        Some("Task definition does not support EXTERNAL: EFS and FSx volumes are not supported on external instances.")
    } else {
        None
    };
    if wants_external {
        if let Some(msg) = external_problem {
            return Err(client(msg));
        }
    }

    // 11. Build the normalised output.
    let mut compatibilities = Vec::new();
    if external_problem.is_none() {
        compatibilities.push(Compatibility::External);
    }
    compatibilities.push(Compatibility::Ec2);
    if fargate_problem.is_none() {
        compatibilities.push(Compatibility::Fargate);
    }
    if requires.contains(&Compatibility::ManagedInstances) {
        compatibilities.push(Compatibility::ManagedInstances);
    }

    let mut td = to_task_definition(req)?;
    td.cpu = task_cpu.map(|v| v.to_string());
    td.memory = task_memory.map(|v| v.to_string());
    td.compatibilities = Some(compatibilities);
    td.requires_attributes = Some(requires_attributes(req, network_mode));
    td.volumes.get_or_insert_with(Vec::new);
    td.placement_constraints.get_or_insert_with(Vec::new);
    for c in td.container_definitions.iter_mut().flatten() {
        fill_container_defaults(c, network_mode);
    }
    Ok(NormalizedTaskDef {
        task_definition: td,
        tags,
    })
}

/// Copies every member the request and `TaskDefinition` share (they use the
/// same member names), so new model members carry over without code here.
fn to_task_definition(req: &RegisterTaskDefinitionRequest) -> Result<TaskDefinition, ApiError> {
    let mut v = serde_json::to_value(req)
        .map_err(|e| ApiError::server(format!("serialising task definition: {e}")))?;
    if let Some(obj) = v.as_object_mut() {
        obj.remove("tags");
    }
    serde_json::from_value(v)
        .map_err(|e| ApiError::server(format!("building task definition: {e}")))
}

fn fill_container_defaults(c: &mut ContainerDefinition, mode: NetworkMode) {
    c.cpu.get_or_insert(0);
    c.essential.get_or_insert(true);
    c.environment.get_or_insert_with(Vec::new);
    c.mount_points.get_or_insert_with(Vec::new);
    c.volumes_from.get_or_insert_with(Vec::new);
    c.system_controls.get_or_insert_with(Vec::new);
    for pm in c.port_mappings.get_or_insert_with(Vec::new) {
        pm.protocol.get_or_insert(TransportProtocol::Tcp);
        if matches!(mode, NetworkMode::Awsvpc | NetworkMode::Host) && pm.host_port.is_none() {
            pm.host_port = pm.container_port;
        }
    }
}

fn check_image(name: &str, image: &str) -> Result<(), ApiError> {
    let (repo, digest) = match image.split_once('@') {
        Some((r, d)) => (r, Some(d)),
        None => (image, None),
    };
    if repo.chars().count() > 255 {
        return Err(client(format!(
            "Invalid 'image' setting for container '{name}'. The image name must not exceed 255 characters."
        )));
    }
    if image.chars().any(char::is_whitespace) {
        return Err(client(format!(
            "Invalid 'image' setting for container '{name}'. The image reference must not contain whitespace."
        )));
    }
    if let Some(d) = digest {
        let ok = d
            .strip_prefix("sha256:")
            .is_some_and(|h| h.len() == 64 && h.bytes().all(|b| b.is_ascii_hexdigit()));
        if !ok {
            return Err(client(format!(
                "Invalid 'image' setting for container '{name}'. The image digest '{d}' must be 'sha256:' followed by 64 hexadecimal characters."
            )));
        }
    }
    Ok(())
}

fn check_networking(
    containers: &[ContainerDefinition],
    mode: NetworkMode,
    names: &HashSet<&str>,
) -> Result<(), ApiError> {
    let mut static_ports: HashMap<(i32, TransportProtocol), &str> = HashMap::new();
    for c in containers {
        let name = container_name(c);
        let mappings = c.port_mappings.as_deref().unwrap_or(&[]);
        if mode == NetworkMode::None && !mappings.is_empty() {
            return Err(client(format!(
                "Invalid 'portMappings' setting for container '{name}'. Port mappings are not supported with network mode 'none'."
            )));
        }
        let mut seen: HashSet<(i32, TransportProtocol)> = HashSet::new();
        for pm in mappings {
            let proto = pm.protocol.unwrap_or(TransportProtocol::Tcp);
            for (field, port) in [
                ("containerPort", pm.container_port),
                ("hostPort", pm.host_port),
            ] {
                if let Some(p) = port {
                    if !(0..=65535).contains(&p) {
                        return Err(client(format!(
                            "Invalid 'portMappings' setting for container '{name}'. {field} {p} must be between 0 and 65535."
                        )));
                    }
                }
            }
            let Some(cp) = pm.container_port else {
                if pm.container_port_range.is_none() {
                    return Err(client(format!(
                        "Invalid 'portMappings' setting for container '{name}'. Either containerPort or containerPortRange must be specified."
                    )));
                }
                continue;
            };
            if matches!(mode, NetworkMode::Host | NetworkMode::Awsvpc) {
                if let Some(hp) = pm.host_port {
                    if hp != cp {
                        return Err(client(format!(
                            "Invalid 'portMappings' setting for container '{name}'. When networkMode={}, the hostPort ({hp}) must either be left blank or set to the same value as the containerPort ({cp}).",
                            mode.as_str()
                        )));
                    }
                }
            }
            if !seen.insert((cp, proto)) {
                return Err(client(format!(
                    "Invalid 'portMappings' setting for container '{name}'. containerPort {cp}/{} is mapped more than once.",
                    proto.as_str()
                )));
            }
            let host = match (mode, pm.host_port) {
                (NetworkMode::Host | NetworkMode::Awsvpc, _) => Some(cp),
                (_, Some(hp)) if hp > 0 => Some(hp),
                _ => None,
            };
            if let Some(hp) = host {
                if let Some(other) = static_ports.insert((hp, proto), name) {
                    return Err(client(format!(
                        "Invalid 'portMappings' setting for container '{name}'. hostPort {hp}/{} is already used by container '{other}'.",
                        proto.as_str()
                    )));
                }
            }
        }
        if let Some(links) = &c.links {
            if !links.is_empty() && mode != NetworkMode::Bridge {
                return Err(client(format!(
                    "Invalid 'links' setting for container '{name}'. Links are only supported with network mode 'bridge'."
                )));
            }
            for link in links {
                let target = link.split(':').next().unwrap_or("");
                if !names.contains(target) || target == name {
                    return Err(client(format!(
                        "Invalid 'links' setting for container '{name}'. Link '{link}' must reference another container in the task definition."
                    )));
                }
            }
        }
        if c.hostname.is_some() && mode == NetworkMode::Awsvpc {
            return Err(client(format!(
                "Invalid 'hostname' setting for container '{name}'. hostname is not supported with network mode 'awsvpc'."
            )));
        }
    }
    Ok(())
}

fn check_depends_on(containers: &[ContainerDefinition]) -> Result<(), ApiError> {
    let by_name: HashMap<&str, &ContainerDefinition> =
        containers.iter().map(|c| (container_name(c), c)).collect();
    let mut edges: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for c in containers {
        let name = container_name(c);
        for dep in c.depends_on.iter().flatten() {
            let target = dep.container_name.as_str();
            let Some(tc) = by_name.get(target) else {
                return Err(client(format!(
                    "Invalid 'dependsOn' setting for container '{name}'. containerName '{target}' does not match any container in the task definition."
                )));
            };
            if target == name {
                return Err(client(format!(
                    "Invalid 'dependsOn' setting for container '{name}'. A container cannot depend on itself."
                )));
            }
            match dep.condition {
                ContainerCondition::Complete | ContainerCondition::Success
                    if tc.essential != Some(false) =>
                {
                    return Err(client(format!(
                        "Invalid 'dependsOn' setting for container '{name}'. Condition {} cannot be used with essential container '{target}'.",
                        dep.condition.as_str()
                    )));
                }
                ContainerCondition::Healthy if tc.health_check.is_none() => {
                    return Err(client(format!(
                        "Invalid 'dependsOn' setting for container '{name}'. Condition HEALTHY requires container '{target}' to define a healthCheck."
                    )));
                }
                _ => {}
            }
            edges.entry(name).or_default().push(target);
        }
    }
    // Cycle detection: iterative DFS with colours.
    let mut state: HashMap<&str, u8> = HashMap::new(); // 1 = on stack, 2 = done
    for &start in edges.keys() {
        if state.contains_key(start) {
            continue;
        }
        let mut stack: Vec<(&str, usize)> = vec![(start, 0)];
        state.insert(start, 1);
        while let Some((node, idx)) = stack.pop() {
            let next = edges.get(node).and_then(|v| v.get(idx)).copied();
            match next {
                None => {
                    state.insert(node, 2);
                }
                Some(n) => {
                    stack.push((node, idx + 1));
                    match state.get(n) {
                        Some(1) => {
                            return Err(client(format!(
                                "Invalid 'dependsOn' setting for container '{node}'. The dependency on '{n}' creates a cycle."
                            )));
                        }
                        Some(_) => {}
                        None => {
                            state.insert(n, 1);
                            stack.push((n, 0));
                        }
                    }
                }
            }
        }
    }
    Ok(())
}

fn check_health(name: &str, hc: &gantry_api_types::ecs::HealthCheck) -> Result<(), ApiError> {
    // Docker form is `CMD`/`CMD-SHELL` + command. ECS also registers a bare
    // command (the agent's Windows functional tests use
    // `["powershell", "-c", …]`), so only an empty command or a bare prefix
    // is rejected.
    let bad = match hc.command.first().map(String::as_str) {
        None | Some("") => true,
        Some("CMD" | "CMD-SHELL") => hc.command.len() < 2,
        Some(_) => false,
    };
    if bad {
        return Err(client(format!(
            "Invalid 'healthCheck' setting for container '{name}'. healthCheck.command must start with 'CMD' or 'CMD-SHELL' followed by the command."
        )));
    }
    let ranges = [
        ("interval", hc.interval, 5, 300),
        ("timeout", hc.timeout, 2, 60),
        ("retries", hc.retries, 1, 10),
        ("startPeriod", hc.start_period, 0, 300),
    ];
    for (field, value, lo, hi) in ranges {
        if let Some(v) = value {
            if !(lo..=hi).contains(&v) {
                return Err(client(format!(
                    "Invalid 'healthCheck' setting for container '{name}'. healthCheck.{field} ({v}) must be between {lo} and {hi}."
                )));
            }
        }
    }
    Ok(())
}

/// Why the task definition cannot run on Fargate, if it cannot.
fn fargate_problem(
    req: &RegisterTaskDefinitionRequest,
    mode: NetworkMode,
    cpu: Option<i64>,
    memory: Option<i64>,
) -> Option<String> {
    if mode != NetworkMode::Awsvpc {
        return Some("Fargate only supports network mode 'awsvpc'.".to_string());
    }
    let (Some(cpu), Some(memory)) = (cpu, memory) else {
        return Some(
            "Fargate requires that 'cpu' be defined at the task level. Fargate requires that 'memory' be defined at the task level.".to_string(),
        );
    };
    if !fargate_pair_ok(cpu, memory) {
        return Some(format!(
            "No Fargate configuration exists for given values: {cpu} CPU, {memory} memory. See the Amazon ECS documentation for the valid combinations."
        ));
    }
    if req.pid_mode.is_some_and(|p| p != PidMode::Task) {
        return Some("Fargate only supports pidMode 'task'.".to_string());
    }
    if req.ipc_mode.is_some() {
        return Some("Fargate does not support 'ipcMode'.".to_string());
    }
    if req
        .placement_constraints
        .as_ref()
        .is_some_and(|c| !c.is_empty())
    {
        return Some("Placement constraints are not supported with FARGATE.".to_string());
    }
    if let Some(es) = &req.ephemeral_storage {
        if !(21..=200).contains(&es.size_in_gi_b) {
            return Some(format!(
                "Invalid 'ephemeralStorage' setting. sizeInGiB ({}) must be between 21 and 200.",
                es.size_in_gi_b
            ));
        }
    }
    for v in req.volumes.iter().flatten() {
        let vname = v.name.as_deref().unwrap_or("");
        if v.host.as_ref().is_some_and(|h| h.source_path.is_some()) {
            return Some(format!(
                "Fargate does not support host volumes with a sourcePath (volume '{vname}')."
            ));
        }
        if v.docker_volume_configuration.is_some() {
            return Some(format!(
                "Fargate does not support 'dockerVolumeConfiguration' (volume '{vname}')."
            ));
        }
    }
    for c in &req.container_definitions {
        let name = container_name(c);
        if c.privileged == Some(true) {
            return Some(format!(
                "Invalid 'privileged' setting for container '{name}'. Fargate does not support privileged containers."
            ));
        }
        if c.links.as_ref().is_some_and(|l| !l.is_empty()) {
            return Some(format!(
                "Invalid 'links' setting for container '{name}'. Fargate does not support links."
            ));
        }
        for (field, value) in [
            ("stopTimeout", c.stop_timeout),
            ("startTimeout", c.start_timeout),
        ] {
            if let Some(v) = value {
                if v > 120 {
                    return Some(format!(
                        "Invalid '{field}' setting for container '{name}'. Fargate supports at most 120 seconds."
                    ));
                }
            }
        }
        if c.log_configuration
            .as_ref()
            .is_some_and(|l| l.log_driver == LogDriver::Awslogs)
            && req.execution_role_arn.is_none()
        {
            return Some(
                "Fargate requires task definition to have execution role ARN to support log driver awslogs."
                    .to_string(),
            );
        }
        if c.log_configuration.as_ref().is_some_and(|l| {
            !matches!(
                l.log_driver,
                LogDriver::Awslogs | LogDriver::Splunk | LogDriver::Awsfirelens
            )
        }) {
            return Some(format!(
                "Invalid 'logConfiguration' setting for container '{name}'. Fargate supports only the awslogs, splunk and awsfirelens log drivers."
            ));
        }
    }
    None
}

/// Capability attributes an EC2 instance must have to run this task
/// definition, sorted by name.
fn requires_attributes(req: &RegisterTaskDefinitionRequest, mode: NetworkMode) -> Vec<Attribute> {
    let mut set: BTreeSet<String> = BTreeSet::new();
    let api = |v: &str| format!("com.amazonaws.ecs.capability.docker-remote-api.{v}");
    set.insert(api("1.18"));
    if mode == NetworkMode::Awsvpc {
        set.insert("ecs.capability.task-eni".to_string());
    }
    if req.task_role_arn.is_some() {
        set.insert("com.amazonaws.ecs.capability.task-iam-role".to_string());
        if mode == NetworkMode::Host {
            set.insert("com.amazonaws.ecs.capability.task-iam-role-network-host".to_string());
        }
    }
    if req
        .volumes
        .iter()
        .flatten()
        .any(|v| v.docker_volume_configuration.is_some())
    {
        set.insert(api("1.25"));
    }
    if req
        .volumes
        .iter()
        .flatten()
        .any(|v| v.efs_volume_configuration.is_some())
    {
        set.insert("ecs.capability.efs".to_string());
    }
    if req.pid_mode.is_some() || req.ipc_mode.is_some() {
        set.insert(api("1.33"));
    }
    for c in &req.container_definitions {
        if let Some(lc) = &c.log_configuration {
            set.insert(format!(
                "com.amazonaws.ecs.capability.logging-driver.{}",
                lc.log_driver.as_str()
            ));
            if lc.log_driver == LogDriver::Awslogs {
                set.insert(api("1.19"));
                if req.execution_role_arn.is_some() {
                    set.insert("ecs.capability.execution-role-awslogs".to_string());
                }
            }
            if lc.secret_options.as_ref().is_some_and(|s| !s.is_empty()) {
                set.insert("ecs.capability.secrets.asm.bootstrap.log-driver".to_string());
            }
        }
        if c.health_check.is_some() {
            set.insert("ecs.capability.container-health-check".to_string());
            set.insert(api("1.24"));
        }
        if c.depends_on.as_ref().is_some_and(|d| !d.is_empty())
            || c.start_timeout.is_some()
            || c.stop_timeout.is_some()
        {
            set.insert("ecs.capability.container-ordering".to_string());
        }
        if c.docker_labels.is_some() || c.ulimits.is_some() {
            set.insert(api("1.18"));
        }
        if c.memory_reservation.is_some() {
            set.insert(api("1.21"));
        }
        if c.system_controls.as_ref().is_some_and(|s| !s.is_empty()) {
            set.insert(api("1.31"));
        }
        if c.repository_credentials.is_some() {
            set.insert(
                "com.amazonaws.ecs.capability.private-registry-authentication.secretsmanager"
                    .to_string(),
            );
        }
        for s in c.secrets.iter().flatten() {
            if s.value_from.contains(":secretsmanager:") {
                set.insert("ecs.capability.secrets.asm.environment-variables".to_string());
            } else {
                set.insert("ecs.capability.secrets.ssm.environment-variables".to_string());
            }
        }
        if let Some(fc) = &c.firelens_configuration {
            set.insert(format!("ecs.capability.firelens.{}", fc.r#type.as_str()));
        }
        if c.environment_files.as_ref().is_some_and(|e| !e.is_empty()) {
            set.insert("ecs.capability.env-files.s3".to_string());
        }
        if req.execution_role_arn.is_some()
            && c.image.as_deref().is_some_and(|i| i.contains(".dkr.ecr."))
        {
            set.insert("ecs.capability.execution-role-ecr-pull".to_string());
        }
        if c.linux_parameters
            .as_ref()
            .is_some_and(|l| l.init_process_enabled == Some(true))
        {
            set.insert(api("1.25"));
        }
    }
    set.into_iter()
        .map(|name| Attribute {
            name,
            value: None,
            target_type: None,
            target_id: None,
        })
        .collect()
}

#[cfg(test)]
mod tests;
