//! Clusters: Create, Describe, List, Delete, Update, UpdateSettings,
//! PutClusterCapacityProviders.

use super::pagination::paginate;
use super::EcsService;
use crate::http::RequestContext;
use crate::state::{
    cluster_key, instance_prefix, task_prefix, ClusterRecord, InstanceRecord, TaskSummary,
    TxnBuilder, Versioned,
};
use gantry_api_types::{ecs, ApiError};

const BUILTIN_PROVIDERS: [&str; 2] = ["FARGATE", "FARGATE_SPOT"];

fn validate_settings(settings: &[ecs::ClusterSetting]) -> Result<(), ApiError> {
    for s in settings {
        if let Some(v) = &s.value {
            if !["enabled", "disabled", "enhanced"].contains(&v.as_str()) {
                return Err(ApiError::invalid_parameter(format!(
                    "Invalid value '{v}' for cluster setting containerInsights. Valid values are enabled, disabled and enhanced."
                )));
            }
        }
    }
    Ok(())
}

pub(super) fn validate_providers(
    providers: &[String],
    strategy: &[ecs::CapacityProviderStrategyItem],
) -> Result<(), ApiError> {
    for p in providers {
        if !BUILTIN_PROVIDERS.contains(&p.as_str()) {
            return Err(ApiError::invalid_parameter(format!(
                "The specified capacity provider '{p}' does not exist."
            )));
        }
    }
    let mut with_base = 0;
    for item in strategy {
        if !providers.contains(&item.capacity_provider) {
            return Err(ApiError::invalid_parameter(format!(
                "The specified capacity provider strategy cannot contain a capacity provider ('{}') that is not associated with the cluster.",
                item.capacity_provider
            )));
        }
        if let Some(w) = item.weight {
            if !(0..=1000).contains(&w) {
                return Err(ApiError::invalid_parameter(
                    "The capacity provider strategy weight must be between 0 and 1000.",
                ));
            }
        }
        if let Some(b) = item.base {
            if !(0..=100000).contains(&b) {
                return Err(ApiError::invalid_parameter(
                    "The capacity provider strategy base must be between 0 and 100000.",
                ));
            }
            if b > 0 {
                with_base += 1;
            }
        }
    }
    if with_base > 1 {
        return Err(ApiError::invalid_parameter(
            "Only one capacity provider in a capacity provider strategy can have a base value greater than 0.",
        ));
    }
    Ok(())
}

impl EcsService {
    pub(super) async fn create_cluster(
        &self,
        _ctx: &RequestContext,
        req: ecs::CreateClusterRequest,
    ) -> Result<ecs::CreateClusterResponse, ApiError> {
        let name = req
            .cluster_name
            .clone()
            .unwrap_or_else(|| "default".to_string());
        if !gantry_model::names::is_valid_name(&name) {
            return Err(ApiError::invalid_parameter(
                "Cluster name can only contain up to 255 letters (uppercase and lowercase), numbers, underscores, and hyphens.",
            ));
        }
        let tags = req.tags.clone().unwrap_or_default();
        gantry_model::names::validate_tags(&tags)?;
        validate_settings(req.settings.as_deref().unwrap_or_default())?;
        validate_providers(
            req.capacity_providers.as_deref().unwrap_or_default(),
            req.default_capacity_provider_strategy
                .as_deref()
                .unwrap_or_default(),
        )?;
        let _g = self.write.lock().await;
        let key = cluster_key(&name);
        let existing: Option<Versioned<ClusterRecord>> = self.repo.get(&key).await?;
        if let Some(e) = &existing {
            if e.value.cluster.status.as_deref() == Some("ACTIVE") {
                // CreateCluster is idempotent for an ACTIVE cluster.
                return Ok(ecs::CreateClusterResponse {
                    cluster: Some(self.render_cluster(&e.value, &[]).await?),
                });
            }
        }
        let cluster = ecs::Cluster {
            cluster_arn: Some(self.partition.cluster_arn(&name)),
            cluster_name: Some(name.clone()),
            status: Some("ACTIVE".to_string()),
            tags: Some(tags),
            settings: Some(req.settings.clone().unwrap_or_else(|| {
                vec![ecs::ClusterSetting {
                    name: Some(ecs::ClusterSettingName::ContainerInsights),
                    value: Some("disabled".into()),
                }]
            })),
            capacity_providers: Some(req.capacity_providers.clone().unwrap_or_default()),
            default_capacity_provider_strategy: Some(
                req.default_capacity_provider_strategy
                    .clone()
                    .unwrap_or_default(),
            ),
            configuration: req.configuration.clone(),
            service_connect_defaults: req.service_connect_defaults.as_ref().map(|d| {
                ecs::ClusterServiceConnectDefaults {
                    namespace: Some(d.namespace.clone()),
                }
            }),
            attachments: Some(vec![]),
            ..Default::default()
        };
        let rec = ClusterRecord { cluster };
        let mut t = TxnBuilder::new();
        t.expect(&key, existing.map(|e| e.mod_revision).unwrap_or(0))
            .put(&key, &rec)?;
        if !self.repo.commit(t).await? {
            return Err(ApiError::server("Concurrent modification; retry."));
        }
        tracing::info!(cluster = %name, "cluster created");
        Ok(ecs::CreateClusterResponse {
            cluster: Some(self.render_cluster(&rec, &[]).await?),
        })
    }

    /// The wire cluster with computed counts; optional sections gated by `include`.
    pub(super) async fn render_cluster(
        &self,
        rec: &ClusterRecord,
        include: &[String],
    ) -> Result<ecs::Cluster, ApiError> {
        let mut c = rec.cluster.clone();
        let name = c.cluster_name.clone().unwrap_or_default();
        let instances: Vec<Versioned<std::sync::Arc<InstanceRecord>>> =
            self.repo.list_instances(&instance_prefix(&name)).await?;
        let tasks: Vec<Versioned<TaskSummary>> = self.repo.list(&task_prefix(&name)).await?;
        let registered = instances
            .iter()
            .filter(|i| {
                matches!(
                    i.value.instance.status.as_deref(),
                    Some("ACTIVE") | Some("DRAINING")
                )
            })
            .count();
        let mut running = 0;
        let mut pending = 0;
        let (mut running_ec2, mut pending_ec2) = (0, 0);
        let (mut running_fargate, mut pending_fargate) = (0, 0);
        for t in &tasks {
            let last = t.value.task.last_status.as_deref().unwrap_or("");
            let desired = t.value.task.desired_status.as_deref().unwrap_or("");
            let fargate = t.value.task.launch_type.as_ref().map(|l| l.as_str()) == Some("FARGATE");
            if last == "RUNNING" {
                running += 1;
                if fargate {
                    running_fargate += 1;
                } else {
                    running_ec2 += 1;
                }
            } else if desired == "RUNNING" && last != "STOPPED" {
                pending += 1;
                if fargate {
                    pending_fargate += 1;
                } else {
                    pending_ec2 += 1;
                }
            }
        }
        c.registered_container_instances_count = Some(registered as i32);
        c.running_tasks_count = Some(running);
        c.pending_tasks_count = Some(pending);
        let name = c.cluster_name.clone().unwrap_or_default();
        let (active_services, _) = self.service_counts(&name).await?;
        c.active_services_count = Some(active_services);
        if include.iter().any(|i| i == "STATISTICS") {
            let kv = |n: &str, v: i32| ecs::KeyValuePair {
                name: Some(n.to_string()),
                value: Some(v.to_string()),
            };
            let (active_ec2, active_fargate, draining_ec2, draining_fargate) =
                self.service_counts_by_launch(&name).await?;
            c.statistics = Some(vec![
                kv("runningEC2TasksCount", running_ec2),
                kv("runningFargateTasksCount", running_fargate),
                kv("pendingEC2TasksCount", pending_ec2),
                kv("pendingFargateTasksCount", pending_fargate),
                kv("runningExternalTasksCount", 0),
                kv("pendingExternalTasksCount", 0),
                kv("activeEC2ServiceCount", active_ec2),
                kv("activeFargateServiceCount", active_fargate),
                kv("drainingEC2ServiceCount", draining_ec2),
                kv("drainingFargateServiceCount", draining_fargate),
            ]);
        } else {
            c.statistics = Some(vec![]);
        }
        if !include.iter().any(|i| i == "TAGS") {
            c.tags = None;
        }
        if !include.iter().any(|i| i == "CONFIGURATIONS") {
            c.configuration = None;
        }
        if !include.iter().any(|i| i == "ATTACHMENTS") {
            c.attachments = None;
        }
        Ok(c)
    }

    pub(super) async fn describe_clusters(
        &self,
        _ctx: &RequestContext,
        req: ecs::DescribeClustersRequest,
    ) -> Result<ecs::DescribeClustersResponse, ApiError> {
        let names = req
            .clusters
            .clone()
            .unwrap_or_else(|| vec!["default".to_string()]);
        if names.len() > 100 {
            return Err(ApiError::invalid_parameter(
                "clusters can have at most 100 items.",
            ));
        }
        let include: Vec<String> = req
            .include
            .clone()
            .unwrap_or_default()
            .iter()
            .map(|f| f.as_str().to_string())
            .collect();
        let mut clusters = vec![];
        let mut failures = vec![];
        for n in names {
            let name = match gantry_model::arn::cluster_name(Some(&n)) {
                Ok(name) => name,
                Err(_) => {
                    failures.push(ecs::Failure {
                        arn: Some(n.clone()),
                        reason: Some("MISSING".into()),
                        detail: None,
                    });
                    continue;
                }
            };
            let rec: Option<Versioned<ClusterRecord>> = self.repo.get(&cluster_key(&name)).await?;
            match rec {
                Some(r) => clusters.push(self.render_cluster(&r.value, &include).await?),
                None => failures.push(ecs::Failure {
                    arn: Some(self.partition.cluster_arn(&name)),
                    reason: Some("MISSING".into()),
                    detail: None,
                }),
            }
        }
        Ok(ecs::DescribeClustersResponse {
            clusters: Some(clusters),
            failures: Some(failures),
        })
    }

    pub(super) async fn list_clusters(
        &self,
        _ctx: &RequestContext,
        req: ecs::ListClustersRequest,
    ) -> Result<ecs::ListClustersResponse, ApiError> {
        let all: Vec<Versioned<ClusterRecord>> = self.repo.list("clusters/").await?;
        let arns: Vec<String> = all
            .into_iter()
            .filter(|r| r.value.cluster.status.as_deref() == Some("ACTIVE"))
            .filter_map(|r| r.value.cluster.cluster_arn)
            .collect();
        let (page, next) = paginate(
            arns,
            |a| a.clone(),
            req.next_token.as_deref(),
            req.max_results,
            100,
        )?;
        Ok(ecs::ListClustersResponse {
            cluster_arns: Some(page),
            next_token: next,
        })
    }

    pub(super) async fn delete_cluster(
        &self,
        _ctx: &RequestContext,
        req: ecs::DeleteClusterRequest,
    ) -> Result<ecs::DeleteClusterResponse, ApiError> {
        let name = self.cluster_name(Some(&req.cluster))?;
        let _g = self.write.lock().await;
        let rec = self.active_cluster(&name).await?;
        let instances: Vec<Versioned<std::sync::Arc<InstanceRecord>>> =
            self.repo.list_instances(&instance_prefix(&name)).await?;
        if instances.iter().any(|i| {
            matches!(
                i.value.instance.status.as_deref(),
                Some("ACTIVE") | Some("DRAINING")
            )
        }) {
            return Err(ApiError::client(
                "ClusterContainsContainerInstancesException",
                "The Cluster cannot be deleted while Container Instances are active or draining.",
            ));
        }
        let (active_services, draining_services) = self.service_counts(&name).await?;
        if active_services + draining_services > 0 {
            return Err(ApiError::client(
                "ClusterContainsServicesException",
                "The Cluster cannot be deleted while Services are active.",
            ));
        }
        let tasks: Vec<Versioned<TaskSummary>> = self.repo.list(&task_prefix(&name)).await?;
        if tasks
            .iter()
            .any(|t| t.value.task.last_status.as_deref() != Some("STOPPED"))
        {
            return Err(ApiError::client(
                "ClusterContainsTasksException",
                "The Cluster cannot be deleted while Tasks are active.",
            ));
        }
        let mut value = rec.value.clone();
        value.cluster.status = Some("INACTIVE".to_string());
        let key = cluster_key(&name);
        let mut t = TxnBuilder::new();
        t.expect(&key, rec.mod_revision).put(&key, &value)?;
        if !self.repo.commit(t).await? {
            return Err(ApiError::server("Concurrent modification; retry."));
        }
        tracing::info!(cluster = %name, "cluster deleted");
        let mut c = self.render_cluster(&value, &[]).await?;
        c.registered_container_instances_count = Some(0);
        Ok(ecs::DeleteClusterResponse { cluster: Some(c) })
    }

    async fn modify_cluster(
        &self,
        cluster: &str,
        f: impl FnOnce(&mut ecs::Cluster) -> Result<(), ApiError>,
    ) -> Result<ecs::Cluster, ApiError> {
        let name = self.cluster_name(Some(cluster))?;
        let _g = self.write.lock().await;
        let rec = self.active_cluster(&name).await?;
        let mut value = rec.value.clone();
        f(&mut value.cluster)?;
        let key = cluster_key(&name);
        let mut t = TxnBuilder::new();
        t.expect(&key, rec.mod_revision).put(&key, &value)?;
        if !self.repo.commit(t).await? {
            return Err(ApiError::server("Concurrent modification; retry."));
        }
        self.render_cluster(&value, &[]).await
    }

    pub(super) async fn update_cluster(
        &self,
        _ctx: &RequestContext,
        req: ecs::UpdateClusterRequest,
    ) -> Result<ecs::UpdateClusterResponse, ApiError> {
        validate_settings(req.settings.as_deref().unwrap_or_default())?;
        let c = self
            .modify_cluster(&req.cluster, |c| {
                if let Some(s) = &req.settings {
                    c.settings = Some(s.clone());
                }
                if let Some(conf) = &req.configuration {
                    c.configuration = Some(conf.clone());
                }
                if let Some(d) = &req.service_connect_defaults {
                    c.service_connect_defaults = Some(ecs::ClusterServiceConnectDefaults {
                        namespace: Some(d.namespace.clone()),
                    });
                }
                Ok(())
            })
            .await?;
        Ok(ecs::UpdateClusterResponse { cluster: Some(c) })
    }

    pub(super) async fn update_cluster_settings(
        &self,
        _ctx: &RequestContext,
        req: ecs::UpdateClusterSettingsRequest,
    ) -> Result<ecs::UpdateClusterSettingsResponse, ApiError> {
        validate_settings(&req.settings)?;
        let c = self
            .modify_cluster(&req.cluster, |c| {
                c.settings = Some(req.settings.clone());
                Ok(())
            })
            .await?;
        Ok(ecs::UpdateClusterSettingsResponse { cluster: Some(c) })
    }

    pub(super) async fn put_cluster_capacity_providers(
        &self,
        _ctx: &RequestContext,
        req: ecs::PutClusterCapacityProvidersRequest,
    ) -> Result<ecs::PutClusterCapacityProvidersResponse, ApiError> {
        validate_providers(
            &req.capacity_providers,
            &req.default_capacity_provider_strategy,
        )?;
        let c = self
            .modify_cluster(&req.cluster, |c| {
                c.capacity_providers = Some(req.capacity_providers.clone());
                c.default_capacity_provider_strategy =
                    Some(req.default_capacity_provider_strategy.clone());
                Ok(())
            })
            .await?;
        Ok(ecs::PutClusterCapacityProvidersResponse { cluster: Some(c) })
    }
}
