//! The Fargate launch type: a managed pool of Gantry hosts that runs the
//! FARGATE and FARGATE_SPOT tasks of every cluster.
//!
//! * **Pool hosts** are agents that register with the attribute
//!   `gantry.capacity=fargate` (`gantry agent --capacity fargate`). They are
//!   stored under the pseudo-cluster [`FARGATE_POOL`], so they never appear in
//!   ListContainerInstances, DescribeClusters counts, StartTask or placement
//!   constraints of user clusters. A host registered with
//!   `gantry.capacity=ec2-fargate` (`gantry up`'s local agent) stays a
//!   visible container instance of its cluster AND serves Fargate tasks.
//! * **Placement** over the pool: spread over `ecs.availability-zone`, then
//!   binpack on memory, with the task-level cpu/memory as demand and no host
//!   ports (every task has its own address). A Fargate task's reservation
//!   names its cluster (`Reservation::cluster`), so a pool host's desired
//!   state holds tasks of every cluster. Nothing fits: the failure reason is
//!   ECS's "Capacity is unavailable at this time. …".
//! * **Capacity provider strategies** (`base`, `weight`): base tasks go
//!   first to the provider with a base, the rest is split so that each
//!   provider's share follows its weight ([`pick_providers`]). RunTask and
//!   services use the cluster's default strategy when they give neither a
//!   launch type nor a strategy.
//! * **Spot interruption** (`gantry spot reclaim`): a FARGATE_SPOT task is
//!   asked to stop at once with stop code `SpotInterruption` and reason
//!   "Your Spot Task was interrupted." — the two-minute warning is SIGTERM
//!   now and SIGKILL after `min(stopTimeout, --spot-warning)`; services
//!   replace it through their strategy.

use super::ipam::{eni_id, Cidr, IpLease, LeaseWrite, Subnets};
use super::EcsService;
use crate::state::{InstanceRecord, TaskRecord, Versioned, FARGATE_POOL};
use gantry_api_types::{ecs, ApiError};
use gantry_scheduler as sched;
use std::collections::BTreeMap;

/// Instance attribute marking Fargate capacity (`fargate` = pool only,
/// `ec2-fargate` = also a container instance of its cluster).
pub const CAPACITY_ATTRIBUTE: &str = "gantry.capacity";
pub const FARGATE: &str = "FARGATE";
pub const FARGATE_SPOT: &str = "FARGATE_SPOT";
pub const PLATFORM_VERSION: &str = "1.4.0";
pub const PLATFORM_FAMILY: &str = "Linux";
/// ECS's answer when Fargate has no capacity for a task.
pub const NO_CAPACITY: &str =
    "Capacity is unavailable at this time. Please try again later or in a different availability zone";
pub const SPOT_REASON: &str = "Your Spot Task was interrupted.";

/// Operator configuration of the Fargate side.
#[derive(Debug, Clone)]
pub struct FargateConfig {
    pub subnets: Subnets,
    /// Seconds between a Spot interruption's SIGTERM and SIGKILL at most.
    pub spot_warning_seconds: u32,
    pub prices: super::usage::Prices,
}

impl Default for FargateConfig {
    fn default() -> Self {
        FargateConfig {
            subnets: Subnets::default(),
            spot_warning_seconds: 120,
            prices: super::usage::Prices::default(),
        }
    }
}

/// How a RunTask/CreateService launches.
#[derive(Debug, Clone, PartialEq)]
pub enum LaunchChoice {
    Ec2,
    /// Launch type FARGATE (no capacity provider name on the tasks).
    FargateLaunchType,
    /// A capacity provider strategy (given or the cluster's default).
    Strategy(Vec<ecs::CapacityProviderStrategyItem>),
}

impl LaunchChoice {
    pub fn is_fargate(&self) -> bool {
        !matches!(self, LaunchChoice::Ec2)
    }
    /// A service's `launchType` (none when it uses a strategy).
    pub fn service_launch_type(&self) -> Option<ecs::LaunchType> {
        match self {
            LaunchChoice::Ec2 => Some(ecs::LaunchType::Ec2),
            LaunchChoice::FargateLaunchType => Some(ecs::LaunchType::Fargate),
            LaunchChoice::Strategy(_) => None,
        }
    }
    pub fn strategy(&self) -> Option<Vec<ecs::CapacityProviderStrategyItem>> {
        match self {
            LaunchChoice::Strategy(s) => Some(s.clone()),
            _ => None,
        }
    }
}

/// What a Fargate service may not have.
pub fn check_service_launch(
    td: &ecs::TaskDefinition,
    daemon: bool,
    constraints: Option<&[ecs::PlacementConstraint]>,
    strategies: Option<&[ecs::PlacementStrategy]>,
) -> Result<(), ApiError> {
    if daemon {
        return Err(ApiError::invalid_parameter(
            "The DAEMON scheduling strategy is not supported for the Fargate launch type.",
        ));
    }
    if !td
        .compatibilities
        .iter()
        .flatten()
        .any(|c| c.as_str() == "FARGATE")
    {
        return Err(ApiError::invalid_parameter(
            "Task definition does not support launch_type FARGATE.",
        ));
    }
    if constraints.is_some_and(|c| !c.is_empty()) {
        return Err(ApiError::invalid_parameter(
            "Placement constraints are not supported with FARGATE launch type.",
        ));
    }
    if strategies.is_some_and(|s| !s.is_empty()) {
        return Err(ApiError::invalid_parameter(
            "Placement strategies are not supported with FARGATE launch type.",
        ));
    }
    Ok(())
}

/// Decide the launch from the request's launch type, strategy and the
/// cluster's default strategy (ECS: neither ⇒ the cluster default; no
/// default ⇒ EC2).
pub fn resolve_launch(
    launch_type: Option<&ecs::LaunchType>,
    strategy: Option<&[ecs::CapacityProviderStrategyItem]>,
    cluster: &ecs::Cluster,
) -> Result<LaunchChoice, ApiError> {
    let strategy = strategy.filter(|s| !s.is_empty());
    if launch_type.is_some() && strategy.is_some() {
        return Err(ApiError::invalid_parameter(
            "Specify either Launch Type or Capacity Provider Strategy, but not both.",
        ));
    }
    if let Some(lt) = launch_type {
        return match lt.as_str() {
            "EC2" => Ok(LaunchChoice::Ec2),
            "FARGATE" => Ok(LaunchChoice::FargateLaunchType),
            other => Err(ApiError::invalid_parameter(format!(
                "Launch type {other} is not supported by this Gantry version; use EC2 or FARGATE."
            ))),
        };
    }
    let providers = cluster.capacity_providers.clone().unwrap_or_default();
    if let Some(s) = strategy {
        super::clusters::validate_providers(&providers, s)?;
        check_weights(s)?;
        return Ok(LaunchChoice::Strategy(s.to_vec()));
    }
    match cluster
        .default_capacity_provider_strategy
        .as_ref()
        .filter(|s| !s.is_empty())
    {
        Some(s) => Ok(LaunchChoice::Strategy(s.clone())),
        None => Ok(LaunchChoice::Ec2),
    }
}

fn check_weights(s: &[ecs::CapacityProviderStrategyItem]) -> Result<(), ApiError> {
    if s.len() > 20 {
        return Err(ApiError::invalid_parameter(
            "The capacity provider strategy can contain a maximum of 20 capacity providers.",
        ));
    }
    if s.iter().all(|i| i.weight.unwrap_or(0) == 0) && s.iter().all(|i| i.base.unwrap_or(0) == 0) {
        return Err(ApiError::invalid_parameter(
            "At least one capacity provider in a capacity provider strategy must have a weight greater than zero.",
        ));
    }
    Ok(())
}

/// The providers of `count` new tasks under `strategy`, given how many tasks
/// each provider already runs (services; empty for RunTask). Base first:
/// the provider with a base gets tasks until it has `base`; the tasks beyond
/// the bases are split by weight, each going to the provider furthest below
/// its weighted share (ties: strategy order), so 1:1 alternates and 1:3
/// gives 1 of every 4. A provider with weight 0 gets only its base.
pub fn pick_providers(
    strategy: &[ecs::CapacityProviderStrategyItem],
    existing: &BTreeMap<String, u32>,
    count: usize,
) -> Vec<String> {
    let mut have: Vec<u64> = strategy
        .iter()
        .map(|i| u64::from(existing.get(&i.capacity_provider).copied().unwrap_or(0)))
        .collect();
    let base = |k: usize| strategy[k].base.unwrap_or(0).max(0) as u64;
    let mut out = Vec::with_capacity(count);
    for _ in 0..count {
        let base_gap = strategy
            .iter()
            .enumerate()
            .find(|(k, _)| have[*k] < base(*k));
        let pick = match base_gap {
            Some((k, _)) => Some(k),
            None => {
                // Tasks beyond the bases follow the weights: minimise
                // (beyond+1)/weight, compared as cross products.
                let beyond = |k: usize| have[k].saturating_sub(base(k));
                let mut best: Option<usize> = None;
                for (k, i) in strategy.iter().enumerate() {
                    let w = i.weight.unwrap_or(0).max(0) as u64;
                    if w == 0 {
                        continue;
                    }
                    best = match best {
                        None => Some(k),
                        Some(b) => {
                            let wb = strategy[b].weight.unwrap_or(0).max(0) as u64;
                            if (beyond(k) + 1) * wb < (beyond(b) + 1) * w {
                                Some(k)
                            } else {
                                Some(b)
                            }
                        }
                    };
                }
                best
            }
        };
        let Some(k) = pick else { break };
        have[k] += 1;
        out.push(strategy[k].capacity_provider.clone());
    }
    out
}

/// Whether an instance serves Fargate tasks.
pub fn is_fargate_capacity(inst: &ecs::ContainerInstance) -> bool {
    inst.attributes.iter().flatten().any(|a| {
        a.name == CAPACITY_ATTRIBUTE
            && matches!(a.value.as_deref(), Some("fargate") | Some("ec2-fargate"))
    })
}

/// Whether a registration asks for the hidden pool only.
pub fn is_pool_only(attributes: &[ecs::Attribute]) -> bool {
    attributes
        .iter()
        .any(|a| a.name == CAPACITY_ATTRIBUTE && a.value.as_deref() == Some("fargate"))
}

/// The subnets of an awsvpc launch, checked against the operator's map.
pub fn launch_subnets(
    net: Option<&ecs::NetworkConfiguration>,
    subnets: &Subnets,
) -> Result<Vec<(String, Cidr)>, ApiError> {
    let Some(cfg) = net.and_then(|n| n.awsvpc_configuration.as_ref()) else {
        return Err(ApiError::invalid_parameter(
            "Network Configuration must be provided when networkMode 'awsvpc' is specified.",
        ));
    };
    if cfg.subnets.is_empty() {
        return Err(ApiError::invalid_parameter("subnets can not be empty."));
    }
    if cfg.subnets.len() > 16 {
        return Err(ApiError::invalid_parameter(
            "subnets can have at most 16 items.",
        ));
    }
    if cfg.security_groups.as_ref().is_some_and(|g| g.len() > 5) {
        return Err(ApiError::invalid_parameter(
            "securityGroups can have at most 5 items.",
        ));
    }
    let mut out = vec![];
    for s in &cfg.subnets {
        match subnets.get(s) {
            Some(c) => out.push((s.clone(), *c)),
            None => {
                return Err(ApiError::invalid_parameter(format!(
                    "Error retrieving subnet information for [{s}]: The subnet ID '{s}' does not exist (Service: AmazonEC2; Status Code: 400; Error Code: InvalidSubnetID.NotFound)"
                )))
            }
        }
    }
    Ok(out)
}

/// Give a new awsvpc task its elastic network interface: the attachment
/// (PRECREATED), the containers' `networkInterfaces`, and the agent's spec.
pub fn attach_eni(rec: &mut TaskRecord, subnet_id: &str, cidr: &Cidr, lease: &LeaseWrite) {
    let attachment_id = uuid::Uuid::new_v4().to_string();
    let eni = eni_id(&rec.id);
    let ip = lease.ip.to_string();
    let kv = |n: &str, v: &str| ecs::KeyValuePair {
        name: Some(n.to_string()),
        value: Some(v.to_string()),
    };
    rec.task.attachments = Some(vec![ecs::Attachment {
        id: Some(attachment_id.clone()),
        r#type: Some("ElasticNetworkInterface".to_string()),
        status: Some("PRECREATED".to_string()),
        details: Some(vec![
            kv("subnetId", subnet_id),
            kv("networkInterfaceId", &eni),
            kv("privateDnsName", &private_dns_name(&ip)),
            kv("privateIPv4Address", &ip),
        ]),
    }]);
    for c in rec.task.containers.iter_mut().flatten() {
        c.network_interfaces = Some(vec![ecs::NetworkInterface {
            attachment_id: Some(attachment_id.clone()),
            private_ipv4_address: Some(ip.clone()),
            ..Default::default()
        }]);
    }
    rec.desired.awsvpc = Some(gantry_agent_api::AwsvpcSpec {
        eni_id: eni,
        subnet_id: subnet_id.to_string(),
        subnet_cidr: cidr.to_string(),
        gateway: cidr.gateway().to_string(),
        private_ipv4_address: ip,
    });
}

/// `ip-10-200-0-2.ec2.internal`, as EC2 names private addresses.
pub fn private_dns_name(ip: &str) -> String {
    format!("ip-{}.ec2.internal", ip.replace('.', "-"))
}

/// Move the ENI attachment along with an observation: ATTACHED once the
/// agent realised the interface (or the task runs), DELETED at STOPPED; the
/// agent's MAC address is recorded. Returns whether anything changed.
pub fn observe_eni(
    task: &mut ecs::Task,
    network: Option<&gantry_agent_api::ObservedNetwork>,
) -> bool {
    let last = task.last_status.clone().unwrap_or_default();
    let Some(att) = task
        .attachments
        .iter_mut()
        .flatten()
        .find(|a| a.r#type.as_deref() == Some("ElasticNetworkInterface"))
    else {
        return false;
    };
    let before = att.clone();
    let details = att.details.get_or_insert_with(Vec::new);
    if let Some(n) = network {
        if !details
            .iter()
            .any(|d| d.name.as_deref() == Some("macAddress"))
        {
            let at = details.len().min(2);
            details.insert(
                at,
                ecs::KeyValuePair {
                    name: Some("macAddress".to_string()),
                    value: Some(n.mac_address.clone()),
                },
            );
        }
    }
    let rank = |s: Option<&str>| match s {
        Some("PRECREATED") => 0,
        Some("ATTACHED") => 1,
        Some("DETACHED") => 2,
        Some("DELETED") => 3,
        _ => 0,
    };
    let target = if last == "STOPPED" {
        Some("DELETED")
    } else if network.is_some()
        || matches!(
            last.as_str(),
            "RUNNING" | "DEACTIVATING" | "STOPPING" | "DEPROVISIONING"
        )
    {
        Some("ATTACHED")
    } else {
        None
    };
    if let Some(t) = target {
        if rank(Some(t)) > rank(att.status.as_deref()) {
            att.status = Some(t.to_string());
        }
    }
    *att != before
}

impl EcsService {
    /// Every host that serves Fargate tasks (pool hosts and `ec2+fargate`
    /// container instances), not INACTIVE.
    pub(crate) async fn fargate_hosts(
        &self,
    ) -> Result<Vec<Versioned<std::sync::Arc<InstanceRecord>>>, ApiError> {
        let all: Vec<Versioned<std::sync::Arc<InstanceRecord>>> =
            self.repo.list_instances("instances/").await?;
        Ok(all
            .into_iter()
            .filter(|r| r.value.instance.status.as_deref() != Some("INACTIVE"))
            .filter(|r| r.value.cluster == FARGATE_POOL || is_fargate_capacity(&r.value.instance))
            .collect())
    }

    /// Pick addresses for `n` tasks, round-robin over the launch's subnets.
    pub(crate) async fn allocate_leases(
        &self,
        subnets: &[(String, Cidr)],
        tasks: &[TaskRecord],
    ) -> Result<Vec<Option<(String, Cidr, LeaseWrite)>>, ApiError> {
        let mut pending: Vec<LeaseWrite> = vec![];
        let mut out = vec![];
        for (i, t) in tasks.iter().enumerate() {
            let mut got = None;
            // Start at this task's subnet; fall over to the next if full.
            for k in 0..subnets.len() {
                let (sid, cidr) = &subnets[(i + k) % subnets.len()];
                let lease = IpLease {
                    ip: String::new(),
                    task_arn: t.task.task_arn.clone().unwrap_or_default(),
                    cluster: t.cluster.clone(),
                    task_id: t.id.clone(),
                };
                if let Some(w) = self.allocate_ip(sid, cidr, lease, &pending).await? {
                    pending.push(w.clone());
                    got = Some((sid.clone(), *cidr, w));
                    break;
                }
            }
            out.push(got);
        }
        Ok(out)
    }

    /// Fargate hosts as the planner sees them, with Fargate defaults for AZ.
    pub(crate) fn fargate_plan(
        &self,
        hosts: &[Versioned<std::sync::Arc<InstanceRecord>>],
        demand: &sched::TaskDemand,
        count: usize,
    ) -> Result<sched::Plan, ApiError> {
        let instances: Vec<sched::Instance> = hosts
            .iter()
            .map(|r| {
                let mut i = self.scheduler_instance(&r.value);
                // Pool hosts take any Fargate task: capability attributes of
                // the task definition are the platform's business.
                i.attributes.insert(
                    "ecs.availability-zone".to_string(),
                    Some(availability_zone(&r.value, &self.partition.region)),
                );
                i
            })
            .collect();
        let demand = sched::TaskDemand {
            required_attributes: vec![],
            tcp_ports: vec![],
            udp_ports: vec![],
            ..demand.clone()
        };
        let seed = u64::from_str_radix(&super::new_id()[..16], 16).unwrap_or(0);
        sched::plan(
            &instances,
            &sched::PlacementRequest {
                demand,
                count,
                strategies: vec![
                    sched::Strategy::spread("attribute:ecs.availability-zone"),
                    sched::Strategy::binpack("memory"),
                ],
                constraints: vec![],
                seed,
            },
        )
        .map_err(|e| ApiError::invalid_parameter(e.to_string()))
    }

    /// Spot interruption: ask FARGATE_SPOT tasks of `cluster` to stop
    /// (stop code SpotInterruption). `task` names one task; otherwise the
    /// first `count` running Spot tasks (oldest first). Returns the tasks.
    pub async fn spot_reclaim(
        &self,
        cluster: &str,
        task: Option<&str>,
        count: usize,
    ) -> Result<Vec<ecs::Task>, ApiError> {
        let _g = self.write.lock().await;
        self.active_cluster(cluster).await?;
        let mut victims: Vec<Versioned<TaskRecord>> = vec![];
        let is_spot =
            |r: &TaskRecord| r.task.capacity_provider_name.as_deref() == Some(FARGATE_SPOT);
        let live = |r: &TaskRecord| {
            r.task.desired_status.as_deref() == Some("RUNNING")
                && r.task.last_status.as_deref() != Some("STOPPED")
        };
        match task {
            Some(t) => {
                let rec = self.find_task(cluster, t).await?.ok_or_else(|| {
                    ApiError::invalid_parameter("The referenced task was not found.")
                })?;
                if !is_spot(&rec.value) {
                    return Err(ApiError::invalid_parameter(
                        "The referenced task is not a FARGATE_SPOT task.",
                    ));
                }
                if live(&rec.value) {
                    victims.push(rec);
                }
            }
            None => {
                let mut all: Vec<Versioned<TaskRecord>> = self
                    .repo
                    .list(&crate::state::task_prefix(cluster))
                    .await?
                    .into_iter()
                    .filter(|r: &Versioned<TaskRecord>| is_spot(&r.value) && live(&r.value))
                    .collect();
                all.sort_by(|a, b| {
                    a.value
                        .task
                        .created_at
                        .partial_cmp(&b.value.task.created_at)
                        .unwrap_or(std::cmp::Ordering::Equal)
                });
                victims.extend(all.into_iter().take(count));
            }
        }
        let warning = self.fargate.spot_warning_seconds;
        let mut out = vec![];
        for mut v in victims {
            for c in v.value.desired.containers.iter_mut() {
                c.stop_timeout = Some(c.stop_timeout.unwrap_or(30).min(warning));
            }
            let t = self
                .request_stop(
                    v,
                    ecs::TaskStopCode::SpotInterruption,
                    SPOT_REASON.to_string(),
                )
                .await?;
            tracing::info!(task = %t.task_arn.as_deref().unwrap_or(""), warning, "spot task interrupted");
            out.push(t);
        }
        self.services_wake.notify_one();
        Ok(out)
    }
}

/// A host's availability zone (`ecs.availability-zone`, else `<region>a`).
pub fn availability_zone(inst: &InstanceRecord, region: &str) -> String {
    inst.instance
        .attributes
        .iter()
        .flatten()
        .find(|a| a.name == "ecs.availability-zone")
        .and_then(|a| a.value.clone())
        .unwrap_or_else(|| format!("{region}a"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(p: &str, weight: i32, base: i32) -> ecs::CapacityProviderStrategyItem {
        ecs::CapacityProviderStrategyItem {
            capacity_provider: p.to_string(),
            weight: Some(weight),
            base: Some(base),
        }
    }

    fn counts(v: &[String]) -> (usize, usize) {
        (
            v.iter().filter(|p| *p == FARGATE).count(),
            v.iter().filter(|p| *p == FARGATE_SPOT).count(),
        )
    }

    #[test]
    fn base_first_then_weights() {
        let s = [item(FARGATE, 1, 2), item(FARGATE_SPOT, 3, 0)];
        let got = pick_providers(&s, &BTreeMap::new(), 10);
        assert_eq!(&got[..2], &[FARGATE.to_string(), FARGATE.to_string()]);
        // The 8 after the base split 1:3 over the whole count (2+x : y).
        assert_eq!(counts(&got), (4, 6));
        let s = [item(FARGATE, 1, 0), item(FARGATE_SPOT, 1, 0)];
        assert_eq!(counts(&pick_providers(&s, &BTreeMap::new(), 4)), (2, 2));
        assert_eq!(
            pick_providers(&s, &BTreeMap::new(), 1),
            vec![FARGATE.to_string()]
        );
    }

    #[test]
    fn existing_tasks_count_towards_the_split() {
        let s = [item(FARGATE, 1, 1), item(FARGATE_SPOT, 1, 0)];
        let existing = BTreeMap::from([(FARGATE.to_string(), 3u32)]);
        // FARGATE already has 3: the next two go to Spot.
        assert_eq!(
            pick_providers(&s, &existing, 2),
            vec![FARGATE_SPOT.to_string(), FARGATE_SPOT.to_string()]
        );
    }

    #[test]
    fn zero_weight_provider_gets_only_its_base() {
        let s = [item(FARGATE, 0, 1), item(FARGATE_SPOT, 1, 0)];
        let got = pick_providers(&s, &BTreeMap::new(), 3);
        assert_eq!(counts(&got), (1, 2));
        let s = [item(FARGATE, 0, 0)];
        assert!(pick_providers(&s, &BTreeMap::new(), 3).is_empty());
    }

    #[test]
    fn launch_resolution() {
        let mut c = ecs::Cluster::default();
        assert_eq!(resolve_launch(None, None, &c).unwrap(), LaunchChoice::Ec2);
        let fg = ecs::LaunchType::Fargate;
        assert_eq!(
            resolve_launch(Some(&fg), None, &c).unwrap(),
            LaunchChoice::FargateLaunchType
        );
        let s = vec![item(FARGATE_SPOT, 1, 0)];
        let e = resolve_launch(Some(&fg), Some(&s), &c).unwrap_err();
        assert!(e.message.contains("not both"), "{}", e.message);
        let e = resolve_launch(None, Some(&s), &c).unwrap_err();
        assert!(e.message.contains("not associated"), "{}", e.message);
        c.capacity_providers = Some(vec![FARGATE.into(), FARGATE_SPOT.into()]);
        assert_eq!(
            resolve_launch(None, Some(&s), &c).unwrap(),
            LaunchChoice::Strategy(s.clone())
        );
        c.default_capacity_provider_strategy = Some(s.clone());
        assert_eq!(
            resolve_launch(None, None, &c).unwrap(),
            LaunchChoice::Strategy(s.clone())
        );
        let z = vec![item(FARGATE, 0, 0)];
        assert!(resolve_launch(None, Some(&z), &c).is_err());
    }

    #[test]
    fn subnets_are_checked() {
        let subnets = Subnets::default();
        let net = |s: Vec<&str>| ecs::NetworkConfiguration {
            awsvpc_configuration: Some(ecs::AwsVpcConfiguration {
                subnets: s.into_iter().map(String::from).collect(),
                security_groups: None,
                assign_public_ip: None,
            }),
        };
        assert!(launch_subnets(None, &subnets)
            .unwrap_err()
            .message
            .contains("Network Configuration must be provided"));
        assert_eq!(
            launch_subnets(Some(&net(vec![])), &subnets)
                .unwrap_err()
                .message,
            "subnets can not be empty."
        );
        let e = launch_subnets(Some(&net(vec!["subnet-nope"])), &subnets).unwrap_err();
        assert_eq!(e.code, "InvalidParameterException");
        assert!(e.message.contains("subnet-nope"));
        let ok = launch_subnets(Some(&net(vec!["subnet-default"])), &subnets).unwrap();
        assert_eq!(ok[0].1.to_string(), "10.200.0.0/16");
    }

    #[test]
    fn eni_attachment_lifecycle() {
        let mut t = ecs::Task {
            last_status: Some("PROVISIONING".into()),
            attachments: Some(vec![ecs::Attachment {
                id: Some("a".into()),
                r#type: Some("ElasticNetworkInterface".into()),
                status: Some("PRECREATED".into()),
                details: Some(vec![ecs::KeyValuePair {
                    name: Some("subnetId".into()),
                    value: Some("subnet-default".into()),
                }]),
            }]),
            ..Default::default()
        };
        assert!(!observe_eni(&mut t, None));
        let n = gantry_agent_api::ObservedNetwork {
            eni_id: "eni-1".into(),
            private_ipv4_address: "10.200.0.2".into(),
            mac_address: "02:42:0a:c8:00:02".into(),
        };
        t.last_status = Some("PENDING".into());
        assert!(observe_eni(&mut t, Some(&n)));
        let a = &t.attachments.as_ref().unwrap()[0];
        assert_eq!(a.status.as_deref(), Some("ATTACHED"));
        assert_eq!(
            a.details.as_ref().unwrap()[1].value.as_deref(),
            Some("02:42:0a:c8:00:02")
        );
        assert!(!observe_eni(&mut t, Some(&n)), "replay is a no-op");
        t.last_status = Some("STOPPED".into());
        assert!(observe_eni(&mut t, None));
        assert_eq!(
            t.attachments.as_ref().unwrap()[0].status.as_deref(),
            Some("DELETED")
        );
    }
}

#[cfg(test)]
#[path = "fargate_tests.rs"]
mod system_tests;
