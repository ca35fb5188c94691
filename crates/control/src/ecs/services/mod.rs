//! Services: CreateService, UpdateService, DeleteService, DescribeServices,
//! ListServices, ListServicesByNamespace, and the deployment history
//! (ListServiceDeployments, DescribeServiceDeployments,
//! DescribeServiceRevisions, kept by `history.rs`).
//!
//! Handlers only record what the user wants (the service, its deployments)
//! and poke the service reconciler (`reconcile.rs`), which starts and stops
//! the tasks. The scheduling decision itself is the pure `plan::decide`.

pub mod history;
pub mod plan;
pub mod reconcile;

use super::pagination::paginate;
use super::EcsService;
use crate::http::RequestContext;
use crate::state::{service_key, service_prefix, TxnBuilder, Versioned};
use gantry_api_types::{ecs, ApiError};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// A stored service: the wire `Service` (deployments and events included)
/// plus the scheduler's bookkeeping.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct ServiceRecord {
    pub service: ecs::Service,
    pub cluster: String,
    /// Per deployment id.
    #[serde(default)]
    pub meta: BTreeMap<String, DeploymentMeta>,
    /// The last deployment that COMPLETED: (id, task definition ARN).
    #[serde(default)]
    pub last_completed: Option<(String, String)>,
    /// The service was stable at the last pass (for the steady-state event).
    #[serde(default)]
    pub steady: bool,
    /// CreateService's `clientToken` and the canonical JSON of the request
    /// it came with (idempotent retries).
    #[serde(default)]
    pub client_token: Option<(String, String)>,
    /// Service deployments and revisions.
    #[serde(default)]
    pub history: history::History,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct DeploymentMeta {
    /// Stopped tasks already accounted for (failures, throttle).
    #[serde(default)]
    pub counted: BTreeSet<String>,
    #[serde(default)]
    pub consecutive_start_failures: u32,
    /// No launches before this time (crash-loop throttle).
    #[serde(default)]
    pub next_launch_at: f64,
}

fn service_not_found() -> ApiError {
    ApiError::client("ServiceNotFoundException", "Service not found.")
}

fn missing(arn: &str) -> ecs::Failure {
    ecs::Failure {
        arn: Some(arn.to_string()),
        reason: Some("MISSING".into()),
        detail: None,
    }
}

fn unsupported(what: &str) -> ApiError {
    ApiError::client(
        "UnsupportedFeatureException",
        format!("{what} is not supported by this Gantry version."),
    )
}

/// Service features Gantry does not implement yet (Create and UpdateService).
fn reject_unsupported_features(
    controller: Option<&ecs::DeploymentController>,
    load_balancers: Option<&[ecs::LoadBalancer]>,
    registries: Option<&[ecs::ServiceRegistry]>,
    service_connect: bool,
) -> Result<(), ApiError> {
    if let Some(c) = controller {
        if c.r#type.as_str() != "ECS" {
            return Err(unsupported(&format!(
                "Deployment controller {}",
                c.r#type.as_str()
            )));
        }
    }
    if load_balancers.is_some_and(|l| !l.is_empty()) {
        return Err(unsupported("Load balancers"));
    }
    if registries.is_some_and(|l| !l.is_empty()) {
        return Err(unsupported("Service registries"));
    }
    if service_connect {
        return Err(unsupported("Service Connect"));
    }
    Ok(())
}

fn validate_deployment_configuration(dc: &ecs::DeploymentConfiguration) -> Result<(), ApiError> {
    if let Some(m) = dc.minimum_healthy_percent {
        if !(0..=100).contains(&m) {
            return Err(ApiError::invalid_parameter(
                "minimumHealthyPercent must be between 0 and 100.",
            ));
        }
    }
    if let Some(m) = dc.maximum_percent {
        if !(100..=2000).contains(&m) {
            return Err(ApiError::invalid_parameter(
                "maximumPercent must be between 100 and 2000.",
            ));
        }
    }
    if let Some(t) = dc
        .deployment_circuit_breaker
        .as_ref()
        .and_then(|c| c.threshold_configuration.as_ref())
    {
        if t.value < 1 {
            return Err(ApiError::invalid_parameter(
                "thresholdConfiguration value must be at least 1.",
            ));
        }
    }
    if let Some(s) = &dc.strategy {
        if s.as_str() != "ROLLING" {
            return Err(unsupported(&format!("Deployment strategy {}", s.as_str())));
        }
    }
    Ok(())
}

fn validate_desired(d: Option<i32>) -> Result<(), ApiError> {
    if let Some(d) = d {
        if d < 0 {
            return Err(ApiError::invalid_parameter(
                "Invalid desiredCount: the desired count must be 0 or greater.",
            ));
        }
    }
    Ok(())
}

fn validate_placement(
    constraints: Option<&[ecs::PlacementConstraint]>,
    strategies: Option<&[ecs::PlacementStrategy]>,
) -> Result<(), ApiError> {
    let c = constraints.unwrap_or_default();
    if c.len() > 10 {
        return Err(ApiError::invalid_parameter(
            "A service can have at most 10 placement constraints.",
        ));
    }
    EcsService::parse_constraints(&[], c)?;
    let s = strategies.unwrap_or_default();
    if s.len() > 5 {
        return Err(ApiError::invalid_parameter(
            "A service can have at most 5 placement strategies.",
        ));
    }
    EcsService::parse_strategies(s)?;
    Ok(())
}

fn validate_launch(
    launch_type: Option<&ecs::LaunchType>,
    cps: Option<&[ecs::CapacityProviderStrategyItem]>,
) -> Result<(), ApiError> {
    let has_cps = cps.is_some_and(|s| !s.is_empty());
    if launch_type.is_some() && has_cps {
        return Err(ApiError::invalid_parameter(
            "Specify either Launch Type or Capacity Provider Strategy, but not both.",
        ));
    }
    if let Some(lt) = launch_type {
        if lt.as_str() != "EC2" && lt.as_str() != "FARGATE" {
            return Err(ApiError::invalid_parameter(format!(
                "Launch type {} is not supported by this Gantry version; use EC2 or FARGATE.",
                lt.as_str()
            )));
        }
    }
    Ok(())
}

/// Whether a service launches on Fargate capacity (launch type FARGATE or a
/// strategy of the FARGATE/FARGATE_SPOT providers).
pub(in crate::ecs) fn is_fargate_service(svc: &ecs::Service) -> bool {
    svc.launch_type == Some(ecs::LaunchType::Fargate)
        || svc.capacity_provider_strategy.iter().flatten().any(|i| {
            matches!(
                i.capacity_provider.as_str(),
                super::fargate::FARGATE | super::fargate::FARGATE_SPOT
            )
        })
}

/// Apply UpdateService's `capacityProviderStrategy` and `platformVersion`
/// to `svc` as ECS does; returns whether they need a new deployment.
///
/// * A strategy on a launch-type service, or another strategy on a service
///   that has one, needs `forceNewDeployment` (ECS's message otherwise);
///   an empty list takes a strategy service back to the FARGATE launch type
///   (every Gantry capacity provider is a Fargate one). The same strategy
///   again changes nothing.
/// * `platformVersion` only for Fargate services, `LATEST` or the version
///   Gantry runs; a different value starts a deployment.
fn update_launch(
    req: &ecs::UpdateServiceRequest,
    svc: &mut ecs::Service,
    cluster: &ecs::Cluster,
) -> Result<bool, ApiError> {
    let mut deploy = false;
    let force = req.force_new_deployment.unwrap_or(false);
    let current = svc.capacity_provider_strategy.clone().unwrap_or_default();
    if let Some(s) = &req.capacity_provider_strategy {
        let changed = if s.is_empty() {
            !current.is_empty()
        } else {
            *s != current
        };
        if changed {
            if !force {
                return Err(ApiError::invalid_parameter(
                    "When switching from launch type to capacity provider strategy on an existing service, or making a change to a capacity provider strategy on a service that is already using one, you must force a new deployment.",
                ));
            }
            if s.is_empty() {
                svc.capacity_provider_strategy = None;
                svc.launch_type = Some(ecs::LaunchType::Fargate);
            } else {
                // Checks the providers against the cluster and the weights.
                super::fargate::resolve_launch(None, Some(s), cluster)?;
                svc.capacity_provider_strategy = Some(s.clone());
                svc.launch_type = None;
            }
            deploy = true;
        }
    }
    let fargate = is_fargate_service(svc);
    if fargate {
        svc.platform_version
            .get_or_insert_with(|| super::fargate::PLATFORM_VERSION.to_string());
        svc.platform_family
            .get_or_insert_with(|| super::fargate::PLATFORM_FAMILY.to_string());
    } else {
        svc.platform_version = None;
        svc.platform_family = None;
    }
    if let Some(v) = req.platform_version.as_deref() {
        if !fargate {
            return Err(ApiError::invalid_parameter(
                "The platform version must be null when specifying an EC2 launch type.",
            ));
        }
        if v != "LATEST" && v != super::fargate::PLATFORM_VERSION {
            return Err(ApiError::invalid_parameter(format!(
                "The specified platform version ({v}) does not exist. Gantry runs Fargate platform version {}.",
                super::fargate::PLATFORM_VERSION
            )));
        }
        if svc.platform_version.as_deref() != Some(v) {
            svc.platform_version = Some(v.to_string());
            deploy = true;
        }
    }
    Ok(deploy)
}

impl EcsService {
    /// Resolve a service name or ARN within a cluster.
    async fn find_service(
        &self,
        cluster: &str,
        ident: &str,
    ) -> Result<Option<Versioned<ServiceRecord>>, ApiError> {
        let Ok(r) = gantry_model::arn::service_ref(ident) else {
            return Ok(None);
        };
        if r.cluster.as_deref().is_some_and(|c| c != cluster) {
            return Ok(None);
        }
        self.repo.get(&service_key(cluster, &r.id)).await
    }

    /// Resolve a task definition for a service: must exist and be ACTIVE.
    async fn service_task_definition(&self, ident: &str) -> Result<ecs::TaskDefinition, ApiError> {
        let td = self
            .find_task_definition(ident)
            .await?
            .ok_or_else(|| ApiError::client_exception("TaskDefinition not found."))?
            .value
            .task_definition;
        if td.status.as_ref().map(|s| s.as_str()) != Some("ACTIVE") {
            return Err(ApiError::client_exception("TaskDefinition is inactive"));
        }
        if !td
            .compatibilities
            .clone()
            .unwrap_or_default()
            .iter()
            .any(|c| c.as_str() == "EC2")
        {
            return Err(ApiError::invalid_parameter(
                "Task definition does not support launch_type EC2.",
            ));
        }
        Ok(td)
    }

    fn render_service(rec: &ServiceRecord, with_tags: bool) -> ecs::Service {
        let mut s = rec.service.clone();
        if !with_tags {
            s.tags = None;
        }
        s
    }

    async fn put_service(&self, key: &str, rev: u64, rec: &ServiceRecord) -> Result<(), ApiError> {
        let mut t = TxnBuilder::new();
        t.expect(key, rev).put(key, rec)?;
        if !self.repo.commit(t).await? {
            return Err(ApiError::server("Concurrent modification; retry."));
        }
        self.services_wake.notify_one();
        Ok(())
    }

    pub(in crate::ecs) async fn create_service(
        &self,
        ctx: &RequestContext,
        req: ecs::CreateServiceRequest,
    ) -> Result<ecs::CreateServiceResponse, ApiError> {
        let name = req.service_name.clone();
        if !gantry_model::names::is_valid_name(&name) {
            return Err(ApiError::invalid_parameter(
                "Service name must be 1-255 letters (uppercase and lowercase), numbers, hyphens and underscores.",
            ));
        }
        validate_desired(req.desired_count)?;
        validate_launch(
            req.launch_type.as_ref(),
            req.capacity_provider_strategy.as_deref(),
        )?;
        let scheduling = req
            .scheduling_strategy
            .unwrap_or(ecs::SchedulingStrategy::Replica);
        let daemon = scheduling == ecs::SchedulingStrategy::Daemon;
        if daemon
            && req
                .placement_strategy
                .as_ref()
                .is_some_and(|s| !s.is_empty())
        {
            return Err(ApiError::invalid_parameter(
                "Placement strategies are not supported with the DAEMON scheduling strategy.",
            ));
        }
        if req.desired_count.is_none() && !daemon {
            return Err(ApiError::invalid_parameter(
                "desiredCount is required for a service with the REPLICA scheduling strategy.",
            ));
        }
        reject_unsupported_features(
            req.deployment_controller.as_ref(),
            req.load_balancers.as_deref(),
            req.service_registries.as_deref(),
            req.service_connect_configuration.is_some(),
        )?;
        if let Some(g) = req.health_check_grace_period_seconds {
            if !(0..=2_147_483_647).contains(&g) {
                return Err(ApiError::invalid_parameter(
                    "healthCheckGracePeriodSeconds must be 0 or greater.",
                ));
            }
        }
        if let Some(dc) = &req.deployment_configuration {
            validate_deployment_configuration(dc)?;
        }
        validate_placement(
            req.placement_constraints.as_deref(),
            req.placement_strategy.as_deref(),
        )?;
        let tags = req.tags.clone().unwrap_or_default();
        gantry_model::names::validate_tags(&tags)?;
        if let Some(tok) = &req.client_token {
            if tok.is_empty() || tok.len() > 36 || !tok.bytes().all(|b| (33..=126).contains(&b)) {
                return Err(ApiError::invalid_parameter(
                    "clientToken must be 1-36 ASCII characters in the range 33-126.",
                ));
            }
        }
        let canonical = {
            let mut r = req.clone();
            r.client_token = None;
            serde_json::to_string(&r).map_err(crate::state::internal)?
        };
        let td_ident = req.task_definition.clone().ok_or_else(|| {
            ApiError::invalid_parameter(
                "A task definition must be specified for the ECS deployment controller.",
            )
        })?;
        let cluster = self.cluster_name(req.cluster.as_deref())?;
        let _g = self.write.lock().await;
        let cluster_rec = self.active_cluster(&cluster).await?;
        // Fargate (launch type, strategy or the cluster's default strategy).
        let choice = super::fargate::resolve_launch(
            req.launch_type.as_ref(),
            req.capacity_provider_strategy.as_deref(),
            &cluster_rec.value.cluster,
        )?;
        let td = self.service_task_definition(&td_ident).await?;
        self.check_task_role(&td, None).await?;
        let td_arn = td.task_definition_arn.clone().unwrap_or_default();
        if choice.is_fargate() {
            super::fargate::check_service_launch(
                &td,
                daemon,
                req.placement_constraints.as_deref(),
                req.placement_strategy.as_deref(),
            )?;
        }
        if td.network_mode.as_ref().map(|m| m.as_str()) == Some("awsvpc") {
            super::fargate::launch_subnets(
                req.network_configuration.as_ref(),
                &self.fargate.subnets,
            )?;
        }
        if let Some(n) = &req.network_configuration {
            if td.network_mode.as_ref().map(|m| m.as_str()) == Some("awsvpc")
                && n.awsvpc_configuration
                    .as_ref()
                    .is_none_or(|a| a.subnets.is_empty())
            {
                return Err(ApiError::invalid_parameter("subnets can not be empty."));
            }
        } else if td.network_mode.as_ref().map(|m| m.as_str()) == Some("awsvpc") {
            return Err(ApiError::invalid_parameter(
                "Network Configuration must be provided when networkMode 'awsvpc' is specified.",
            ));
        }
        let key = service_key(&cluster, &name);
        // Idempotency: a retry with the same token and the same parameters
        // gets the service it created; the token with other parameters
        // (another name included) is refused. Deleted (INACTIVE) services
        // forget their token.
        if let Some(tok) = &req.client_token {
            let all: Vec<Versioned<ServiceRecord>> =
                self.repo.list(&service_prefix(&cluster)).await?;
            if let Some(prev) = all.iter().find(|s| {
                s.value.service.status.as_deref() != Some("INACTIVE")
                    && s.value.client_token.as_ref().is_some_and(|(t, _)| t == tok)
            }) {
                let same = prev
                    .value
                    .client_token
                    .as_ref()
                    .is_some_and(|(_, r)| *r == canonical);
                if !same {
                    return Err(ApiError::invalid_parameter(
                        "Creation of service was not idempotent.",
                    ));
                }
                return Ok(ecs::CreateServiceResponse {
                    service: Some(Self::render_service(&prev.value, true)),
                });
            }
        }
        let existing: Option<Versioned<ServiceRecord>> = self.repo.get(&key).await?;
        if let Some(e) = &existing {
            if e.value.service.status.as_deref() != Some("INACTIVE") {
                return Err(ApiError::invalid_parameter(
                    "Creation of service was not idempotent.",
                ));
            }
        }
        let now = self.now();
        // DAEMON: one task per eligible instance, counted now so that a
        // `services-stable` waiter right after creation sees the real target;
        // the reconciler keeps it current as instances come and go.
        let desired = if daemon {
            let td_arn = td.task_definition_arn.clone().unwrap_or_default();
            let constraints = req.placement_constraints.clone().unwrap_or_default();
            self.daemon_candidates(&cluster, &td_arn, &constraints)
                .await?
                .len() as i32
        } else {
            req.desired_count.unwrap_or(0)
        };
        let dep_id = plan::new_deployment_id(uuid::Uuid::new_v4().as_u128());
        let dc = req.deployment_configuration.clone().unwrap_or_default();
        let service = ecs::Service {
            service_arn: Some(self.partition.service_arn(&cluster, &name)),
            service_name: Some(name.clone()),
            cluster_arn: Some(self.partition.cluster_arn(&cluster)),
            load_balancers: Some(vec![]),
            service_registries: Some(vec![]),
            status: Some("ACTIVE".to_string()),
            desired_count: Some(desired),
            running_count: Some(0),
            pending_count: Some(0),
            launch_type: choice.service_launch_type(),
            capacity_provider_strategy: choice.strategy(),
            platform_version: choice
                .is_fargate()
                .then(|| super::fargate::PLATFORM_VERSION.to_string()),
            platform_family: choice
                .is_fargate()
                .then(|| super::fargate::PLATFORM_FAMILY.to_string()),
            task_definition: Some(td_arn.clone()),
            deployment_configuration: Some(ecs::DeploymentConfiguration {
                deployment_circuit_breaker: Some(dc.deployment_circuit_breaker.clone().unwrap_or(
                    ecs::DeploymentCircuitBreaker {
                        enable: false,
                        rollback: false,
                        reset_on_healthy_task: None,
                        threshold_configuration: None,
                    },
                )),
                maximum_percent: Some(dc.maximum_percent.unwrap_or(if daemon { 100 } else { 200 })),
                minimum_healthy_percent: Some(dc.minimum_healthy_percent.unwrap_or(if daemon {
                    0
                } else {
                    100
                })),
                ..dc
            }),
            deployments: Some(vec![]),
            events: Some(vec![]),
            created_at: Some(now),
            placement_constraints: Some(req.placement_constraints.clone().unwrap_or_default()),
            placement_strategy: Some(req.placement_strategy.clone().unwrap_or_default()),
            network_configuration: req.network_configuration.clone(),
            health_check_grace_period_seconds: Some(
                req.health_check_grace_period_seconds.unwrap_or(0),
            ),
            scheduling_strategy: Some(scheduling),
            deployment_controller: Some(ecs::DeploymentController {
                r#type: ecs::DeploymentControllerType::Ecs,
            }),
            tags: Some(tags),
            created_by: Some(ctx.principal.arn.clone()),
            enable_ecs_managed_tags: Some(req.enable_ecs_managed_tags.unwrap_or(false)),
            propagate_tags: Some(req.propagate_tags.unwrap_or(ecs::PropagateTags::None)),
            enable_execute_command: Some(req.enable_execute_command.unwrap_or(false)),
            role_arn: req.role.clone(),
            ..Default::default()
        };
        let mut rec = ServiceRecord {
            service,
            cluster: cluster.clone(),
            meta: BTreeMap::new(),
            last_completed: None,
            steady: false,
            client_token: req.client_token.clone().map(|t| (t, canonical)),
            // A recreated service keeps the history of its earlier life.
            history: existing
                .as_ref()
                .map(|e| e.value.history.clone())
                .unwrap_or_default(),
        };
        plan::start_deployment(
            &mut rec,
            plan::new_deployment(
                &dep_id,
                &td_arn,
                desired,
                now,
                format!("ECS deployment {dep_id} in progress."),
            ),
        );
        history::record_deployment(&mut rec, &dep_id, now);
        history::refresh(&mut rec, now);
        self.put_service(&key, existing.map(|e| e.mod_revision).unwrap_or(0), &rec)
            .await?;
        tracing::info!(cluster = %cluster, service = %name, deployment = %dep_id, "service created");
        Ok(ecs::CreateServiceResponse {
            service: Some(Self::render_service(&rec, true)),
        })
    }

    pub(in crate::ecs) async fn update_service(
        &self,
        _ctx: &RequestContext,
        req: ecs::UpdateServiceRequest,
    ) -> Result<ecs::UpdateServiceResponse, ApiError> {
        validate_desired(req.desired_count)?;
        reject_unsupported_features(
            req.deployment_controller.as_ref(),
            req.load_balancers.as_deref(),
            req.service_registries.as_deref(),
            req.service_connect_configuration.is_some(),
        )?;
        if let Some(dc) = &req.deployment_configuration {
            validate_deployment_configuration(dc)?;
        }
        validate_placement(
            req.placement_constraints.as_deref(),
            req.placement_strategy.as_deref(),
        )?;
        let cluster = self.cluster_name(req.cluster.as_deref())?;
        let _g = self.write.lock().await;
        let cluster_rec = self.active_cluster(&cluster).await?;
        let cur = self
            .find_service(&cluster, &req.service)
            .await?
            .ok_or_else(service_not_found)?;
        if cur.value.service.status.as_deref() != Some("ACTIVE") {
            return Err(ApiError::client(
                "ServiceNotActiveException",
                "Service was not ACTIVE.",
            ));
        }
        let mut rec = cur.value.clone();
        let name = rec.service.service_name.clone().unwrap_or_default();
        let daemon = rec.service.scheduling_strategy == Some(ecs::SchedulingStrategy::Daemon);
        if daemon && req.desired_count.is_some() {
            return Err(ApiError::invalid_parameter(
                "The desiredCount of a service with the DAEMON scheduling strategy cannot be set.",
            ));
        }
        if daemon
            && req
                .placement_strategy
                .as_ref()
                .is_some_and(|s| !s.is_empty())
        {
            return Err(ApiError::invalid_parameter(
                "Placement strategies are not supported with the DAEMON scheduling strategy.",
            ));
        }
        let now = self.now();
        let mut new_deployment = req.force_new_deployment.unwrap_or(false);
        if let Some(ident) = &req.task_definition {
            let td = self.service_task_definition(ident).await?;
            let arn = td.task_definition_arn.clone().unwrap_or_default();
            if rec.service.task_definition.as_deref() != Some(arn.as_str()) {
                new_deployment = true;
                rec.service.task_definition = Some(arn);
            }
        }
        if update_launch(&req, &mut rec.service, &cluster_rec.value.cluster)? {
            new_deployment = true;
        }
        // The launch and network the new settings ask for must suit the
        // service's (possibly new) task definition.
        if req.task_definition.is_some()
            || req.capacity_provider_strategy.is_some()
            || req.network_configuration.is_some()
            || req.placement_constraints.is_some()
            || req.placement_strategy.is_some()
        {
            let td_arn = rec.service.task_definition.clone().unwrap_or_default();
            let td = self
                .find_task_definition(&td_arn)
                .await?
                .ok_or_else(|| ApiError::client_exception("TaskDefinition not found."))?
                .value
                .task_definition;
            if is_fargate_service(&rec.service) {
                super::fargate::check_service_launch(
                    &td,
                    daemon,
                    req.placement_constraints
                        .as_deref()
                        .or(rec.service.placement_constraints.as_deref()),
                    req.placement_strategy
                        .as_deref()
                        .or(rec.service.placement_strategy.as_deref()),
                )?;
            }
            let net = req
                .network_configuration
                .as_ref()
                .or(rec.service.network_configuration.as_ref());
            if td.network_mode.as_ref().map(|m| m.as_str()) == Some("awsvpc") {
                super::fargate::launch_subnets(net, &self.fargate.subnets)?;
            } else if req.network_configuration.is_some() {
                return Err(ApiError::invalid_parameter(
                    "Network Configuration is not valid for the given networkMode of this task definition.",
                ));
            }
        }
        if let Some(d) = req.desired_count {
            rec.service.desired_count = Some(d);
        }
        if let Some(dc) = req.deployment_configuration.clone() {
            let old = rec
                .service
                .deployment_configuration
                .clone()
                .unwrap_or_default();
            rec.service.deployment_configuration = Some(ecs::DeploymentConfiguration {
                deployment_circuit_breaker: dc
                    .deployment_circuit_breaker
                    .or(old.deployment_circuit_breaker),
                maximum_percent: dc.maximum_percent.or(old.maximum_percent),
                minimum_healthy_percent: dc.minimum_healthy_percent.or(old.minimum_healthy_percent),
                alarms: dc.alarms.or(old.alarms),
                ..old
            });
        }
        if let Some(c) = req.placement_constraints.clone() {
            if rec.service.placement_constraints.as_ref() != Some(&c) {
                new_deployment = true;
            }
            rec.service.placement_constraints = Some(c);
        }
        if let Some(s) = req.placement_strategy.clone() {
            if rec.service.placement_strategy.as_ref() != Some(&s) {
                new_deployment = true;
            }
            rec.service.placement_strategy = Some(s);
        }
        if let Some(n) = req.network_configuration.clone() {
            if rec.service.network_configuration.as_ref() != Some(&n) {
                new_deployment = true;
            }
            rec.service.network_configuration = Some(n);
        }
        if let Some(g) = req.health_check_grace_period_seconds {
            if g < 0 {
                return Err(ApiError::invalid_parameter(
                    "healthCheckGracePeriodSeconds must be 0 or greater.",
                ));
            }
            rec.service.health_check_grace_period_seconds = Some(g);
        }
        if let Some(e) = req.enable_execute_command {
            rec.service.enable_execute_command = Some(e);
        }
        if let Some(e) = req.enable_ecs_managed_tags {
            rec.service.enable_ecs_managed_tags = Some(e);
        }
        if let Some(p) = req.propagate_tags {
            rec.service.propagate_tags = Some(p);
        }
        let desired = rec.service.desired_count.unwrap_or(0);
        if new_deployment {
            let dep_id = plan::new_deployment_id(uuid::Uuid::new_v4().as_u128());
            let td = rec.service.task_definition.clone().unwrap_or_default();
            plan::start_deployment(
                &mut rec,
                plan::new_deployment(
                    &dep_id,
                    &td,
                    desired,
                    now,
                    format!("ECS deployment {dep_id} in progress."),
                ),
            );
            history::record_deployment(&mut rec, &dep_id, now);
            tracing::info!(cluster = %cluster, service = %name, deployment = %dep_id, "deployment started");
        } else if let Some(p) = rec.service.deployments.as_mut().and_then(|d| {
            d.iter_mut()
                .find(|x| x.status.as_deref() == Some("PRIMARY"))
        }) {
            p.desired_count = Some(desired);
            p.updated_at = Some(now);
            rec.steady = false;
        }
        history::refresh(&mut rec, now);
        let key = service_key(&cluster, &name);
        self.put_service(&key, cur.mod_revision, &rec).await?;
        Ok(ecs::UpdateServiceResponse {
            service: Some(Self::render_service(&rec, true)),
        })
    }

    pub(in crate::ecs) async fn delete_service(
        &self,
        _ctx: &RequestContext,
        req: ecs::DeleteServiceRequest,
    ) -> Result<ecs::DeleteServiceResponse, ApiError> {
        let cluster = self.cluster_name(req.cluster.as_deref())?;
        let _g = self.write.lock().await;
        self.active_cluster(&cluster).await?;
        let cur = self
            .find_service(&cluster, &req.service)
            .await?
            .ok_or_else(service_not_found)?;
        let mut rec = cur.value.clone();
        match rec.service.status.as_deref() {
            Some("ACTIVE") => {}
            Some("DRAINING") => {
                return Ok(ecs::DeleteServiceResponse {
                    service: Some(Self::render_service(&rec, true)),
                })
            }
            _ => return Err(service_not_found()),
        }
        let daemon = rec.service.scheduling_strategy == Some(ecs::SchedulingStrategy::Daemon);
        if !daemon && rec.service.desired_count.unwrap_or(0) > 0 && !req.force.unwrap_or(false) {
            return Err(ApiError::invalid_parameter(
                "The service cannot be stopped while it is scaled above 0.",
            ));
        }
        rec.service.status = Some("DRAINING".to_string());
        rec.service.desired_count = Some(0);
        if let Some(p) = rec.service.deployments.as_mut().and_then(|d| {
            d.iter_mut()
                .find(|x| x.status.as_deref() == Some("PRIMARY"))
        }) {
            p.desired_count = Some(0);
            p.updated_at = Some(self.now());
        }
        history::refresh(&mut rec, self.now());
        let name = rec.service.service_name.clone().unwrap_or_default();
        self.put_service(&service_key(&cluster, &name), cur.mod_revision, &rec)
            .await?;
        tracing::info!(cluster = %cluster, service = %name, "service deleted (draining)");
        Ok(ecs::DeleteServiceResponse {
            service: Some(Self::render_service(&rec, true)),
        })
    }

    pub(in crate::ecs) async fn describe_services(
        &self,
        _ctx: &RequestContext,
        req: ecs::DescribeServicesRequest,
    ) -> Result<ecs::DescribeServicesResponse, ApiError> {
        if req.services.is_empty() || req.services.len() > 10 {
            return Err(ApiError::invalid_parameter(
                "services must contain between 1 and 10 items.",
            ));
        }
        let cluster = self.cluster_name(req.cluster.as_deref())?;
        self.active_cluster(&cluster).await?;
        let with_tags = req
            .include
            .unwrap_or_default()
            .iter()
            .any(|i| i.as_str() == "TAGS");
        let mut services = vec![];
        let mut failures = vec![];
        for ident in &req.services {
            match self.find_service(&cluster, ident).await? {
                Some(r) => services.push(Self::render_service(&r.value, with_tags)),
                None => failures.push(ecs::Failure {
                    arn: Some(if ident.starts_with("arn:") {
                        ident.clone()
                    } else {
                        self.partition.service_arn(&cluster, ident)
                    }),
                    reason: Some("MISSING".into()),
                    detail: None,
                }),
            }
        }
        Ok(ecs::DescribeServicesResponse {
            services: Some(services),
            failures: Some(failures),
        })
    }

    pub(in crate::ecs) async fn list_services(
        &self,
        _ctx: &RequestContext,
        req: ecs::ListServicesRequest,
    ) -> Result<ecs::ListServicesResponse, ApiError> {
        let cluster = self.cluster_name(req.cluster.as_deref())?;
        self.active_cluster(&cluster).await?;
        let all: Vec<Versioned<ServiceRecord>> = self.repo.list(&service_prefix(&cluster)).await?;
        let items: Vec<(String, String)> = all
            .into_iter()
            .map(|r| r.value.service)
            .filter(|s| s.status.as_deref() == Some("ACTIVE"))
            .filter(|s| req.launch_type.is_none() || s.launch_type == req.launch_type)
            .filter(|s| {
                req.scheduling_strategy.is_none()
                    || s.scheduling_strategy == req.scheduling_strategy
            })
            .map(|s| {
                (
                    s.service_name.unwrap_or_default(),
                    s.service_arn.unwrap_or_default(),
                )
            })
            .collect();
        let (page, next) = paginate(
            items,
            |(n, _)| n.clone(),
            req.next_token.as_deref(),
            req.max_results,
            10,
        )?;
        Ok(ecs::ListServicesResponse {
            service_arns: Some(page.into_iter().map(|(_, a)| a).collect()),
            next_token: next,
        })
    }

    /// ListServicesByNamespace. Gantry has no Cloud Map: no namespace exists
    /// and no service can join one (Service Connect and service registries
    /// are refused), so every namespace is unknown and the answer is the
    /// one ECS gives for an unknown namespace, `NamespaceNotFoundException`,
    /// after the same input checks.
    pub(in crate::ecs) async fn list_services_by_namespace(
        &self,
        _ctx: &RequestContext,
        req: ecs::ListServicesByNamespaceRequest,
    ) -> Result<ecs::ListServicesByNamespaceResponse, ApiError> {
        super::pagination::page_size(req.max_results, 10)?;
        if let Some(t) = &req.next_token {
            super::pagination::decode_token(t)?;
        }
        if req.namespace.trim().is_empty() {
            return Err(ApiError::invalid_parameter("namespace must not be empty."));
        }
        Err(ApiError::client(
            "NamespaceNotFoundException",
            "The specified namespace wasn't found.",
        ))
    }

    /// ListServiceDeployments: newest first, filtered by status and
    /// `createdAt` (`after` ≤ createdAt ≤ `before`), 20 per page by default.
    pub(in crate::ecs) async fn list_service_deployments(
        &self,
        _ctx: &RequestContext,
        req: ecs::ListServiceDeploymentsRequest,
    ) -> Result<ecs::ListServiceDeploymentsResponse, ApiError> {
        let cluster = self.cluster_name(req.cluster.as_deref())?;
        super::pagination::page_size(req.max_results, 20)?;
        self.active_cluster(&cluster).await?;
        let rec = self
            .find_service(&cluster, &req.service)
            .await?
            .ok_or_else(service_not_found)?;
        let statuses = req.status.clone().unwrap_or_default();
        let (after, before) = req
            .created_at
            .as_ref()
            .map(|c| (c.after, c.before))
            .unwrap_or((None, None));
        let items: Vec<&history::DeploymentEntry> = rec
            .value
            .history
            .deployments
            .iter()
            .filter(|e| {
                statuses.is_empty()
                    || e.deployment
                        .status
                        .as_ref()
                        .is_some_and(|s| statuses.contains(s))
            })
            .filter(|e| {
                let c = e.deployment.created_at.unwrap_or(0.0);
                after.is_none_or(|a| c >= a) && before.is_none_or(|b| c <= b)
            })
            .collect();
        let (page, next) = paginate(
            items,
            |e| format!("{:020}", u64::MAX - e.seq),
            req.next_token.as_deref(),
            req.max_results,
            20,
        )?;
        Ok(ecs::ListServiceDeploymentsResponse {
            service_deployments: Some(
                page.into_iter()
                    .map(|e| {
                        let d = &e.deployment;
                        ecs::ServiceDeploymentBrief {
                            service_deployment_arn: d.service_deployment_arn.clone(),
                            service_arn: d.service_arn.clone(),
                            cluster_arn: d.cluster_arn.clone(),
                            started_at: d.started_at,
                            created_at: d.created_at,
                            finished_at: d.finished_at,
                            target_service_revision_arn: d
                                .target_service_revision
                                .as_ref()
                                .and_then(|t| t.arn.clone()),
                            status: d.status,
                            status_reason: d.status_reason.clone(),
                        }
                    })
                    .collect(),
            ),
            next_token: next,
        })
    }

    /// The service record an ARN `arn:…:<kind>/<cluster>/<service>/<id>`
    /// belongs to; `Err` for what is not such an ARN.
    async fn history_owner(
        &self,
        arn: &str,
        kind: &'static str,
    ) -> Result<Option<ServiceRecord>, ApiError> {
        let bad = || ApiError::invalid_parameter(format!("Invalid {kind} ARN: {arn}"));
        let p = gantry_model::arn::parse_arn(arn).map_err(|_| bad())?;
        if p.resource_type != kind {
            return Err(bad());
        }
        let mut parts = p.resource.split('/');
        let (Some(cluster), Some(service), Some(_id), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(bad());
        };
        let rec: Option<Versioned<ServiceRecord>> =
            self.repo.get(&service_key(cluster, service)).await?;
        Ok(rec.map(|r| r.value))
    }

    fn check_arn_count(n: usize, what: &str) -> Result<(), ApiError> {
        if n == 0 || n > 20 {
            return Err(ApiError::invalid_parameter(format!(
                "{what} must contain between 1 and 20 items."
            )));
        }
        Ok(())
    }

    pub(in crate::ecs) async fn describe_service_deployments(
        &self,
        _ctx: &RequestContext,
        req: ecs::DescribeServiceDeploymentsRequest,
    ) -> Result<ecs::DescribeServiceDeploymentsResponse, ApiError> {
        Self::check_arn_count(req.service_deployment_arns.len(), "serviceDeploymentArns")?;
        let mut found = vec![];
        let mut failures = vec![];
        for arn in &req.service_deployment_arns {
            let hit = self
                .history_owner(arn, "service-deployment")
                .await?
                .and_then(|r| {
                    r.history
                        .deployments
                        .into_iter()
                        .find(|e| e.deployment.service_deployment_arn.as_deref() == Some(arn))
                });
            match hit {
                Some(e) => found.push(e.deployment),
                None => failures.push(missing(arn)),
            }
        }
        Ok(ecs::DescribeServiceDeploymentsResponse {
            service_deployments: Some(found),
            failures: Some(failures),
        })
    }

    pub(in crate::ecs) async fn describe_service_revisions(
        &self,
        _ctx: &RequestContext,
        req: ecs::DescribeServiceRevisionsRequest,
    ) -> Result<ecs::DescribeServiceRevisionsResponse, ApiError> {
        Self::check_arn_count(req.service_revision_arns.len(), "serviceRevisionArns")?;
        let mut found = vec![];
        let mut failures = vec![];
        for arn in &req.service_revision_arns {
            let hit = self
                .history_owner(arn, "service-revision")
                .await?
                .and_then(|r| {
                    r.history
                        .revisions
                        .into_iter()
                        .find(|x| x.service_revision_arn.as_deref() == Some(arn))
                });
            match hit {
                Some(r) => found.push(r),
                None => failures.push(missing(arn)),
            }
        }
        Ok(ecs::DescribeServiceRevisionsResponse {
            service_revisions: Some(found),
            failures: Some(failures),
        })
    }

    /// ACTIVE and DRAINING services of a cluster (for cluster counts and
    /// DeleteCluster).
    /// ACTIVE and DRAINING services of a cluster split by launch:
    /// `(active EC2, active Fargate, draining EC2, draining Fargate)`, for
    /// DescribeClusters' statistics.
    pub(in crate::ecs) async fn service_counts_by_launch(
        &self,
        cluster: &str,
    ) -> Result<(i32, i32, i32, i32), ApiError> {
        let all: Vec<Versioned<ServiceRecord>> = self.repo.list(&service_prefix(cluster)).await?;
        let mut out = (0, 0, 0, 0);
        for r in &all {
            let fargate = is_fargate_service(&r.value.service);
            match (r.value.service.status.as_deref(), fargate) {
                (Some("ACTIVE"), false) => out.0 += 1,
                (Some("ACTIVE"), true) => out.1 += 1,
                (Some("DRAINING"), false) => out.2 += 1,
                (Some("DRAINING"), true) => out.3 += 1,
                _ => {}
            }
        }
        Ok(out)
    }

    pub(in crate::ecs) async fn service_counts(
        &self,
        cluster: &str,
    ) -> Result<(i32, i32), ApiError> {
        let all: Vec<Versioned<ServiceRecord>> = self.repo.list(&service_prefix(cluster)).await?;
        let active = all
            .iter()
            .filter(|r| r.value.service.status.as_deref() == Some("ACTIVE"))
            .count() as i32;
        let draining = all
            .iter()
            .filter(|r| r.value.service.status.as_deref() == Some("DRAINING"))
            .count() as i32;
        Ok((active, draining))
    }
}
