//! The ECS API: one handler per operation, dispatched on the operation name.
//!
//! Every handler parses its typed request (wrong JSON types answer
//! `SerializationException`), validates, and commits its writes in one store
//! transaction, so a request that fails changes nothing.
//!
//! Mutations are serialised by one lock (`EcsService::write`): Gantry runs
//! one control-plane server per store for now, and the lock makes
//! placement's read-reserve-write atomic. Reads take no lock.

mod agent_sync;
mod attributes;
pub mod authz;
mod clusters;
mod desired;
pub mod fargate;
pub mod gantry_api;
mod instances;
pub mod ipam;
#[cfg(test)]
mod list_tests;
pub mod pagination;
pub mod role_credentials;
#[cfg(test)]
mod run_batch_tests;
pub mod services;
#[cfg(test)]
mod sync_changes_tests;
mod tags;
mod taskdefs;
mod tasks;
#[cfg(test)]
pub(crate) mod test_world;
pub mod usage;
mod without_field;

use crate::clock::SharedClock;
use crate::hosts::HostNotifier;
use crate::http::{RequestContext, ServiceHandler};
use crate::state::Repo;
use async_trait::async_trait;
use bytes::Bytes;
use gantry_api_types::{ecs, ApiError};
use gantry_model::arn::Partition;
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::collections::HashMap;
use std::sync::Arc;

/// The ECS control plane's request handlers and their shared state.
pub struct EcsService {
    pub repo: Repo,
    pub partition: Partition,
    pub clock: SharedClock,
    pub hosts: Arc<HostNotifier>,
    write: tokio::sync::Mutex<()>,
    /// Agent reports waiting for the write lock; whoever holds it next
    /// applies them all (`agent_sync`).
    reports: std::sync::Mutex<Vec<agent_sync::QueuedReport>>,
    /// RunTasks waiting for the write lock; whoever holds it next plans
    /// them all and commits them together (`tasks::run_queued`).
    runs: std::sync::Mutex<Vec<tasks::QueuedRun>>,
    /// What each host's agent was last sent (`agent_sync`: changes only).
    sent: agent_sync::SentStates,
    /// Pokes the service reconciler (`services::reconcile`).
    pub services_wake: Arc<tokio::sync::Notify>,
    /// Subnets, Spot warning and prices of the Fargate launch type.
    pub fargate: fargate::FargateConfig,
    /// Task role credentials: the issuer (IAM's STS) and the per-task cache.
    pub role_credentials: role_credentials::RoleCredentials,
    /// The planner's view of each instance record, by instance id, with the
    /// record revision it was computed from (`tasks::place`): a host's
    /// reservations are summed once per write, not once per placement.
    sched_instances: std::sync::Mutex<HashMap<String, (u64, Arc<gantry_scheduler::Instance>)>>,
    /// ListTasks answers with the revision they were read at
    /// (`tasks::list_tasks`): one is answered again while no task it
    /// could contain has been written since.
    list_pages: std::sync::Mutex<HashMap<tasks::ListTasksKey, Arc<tasks::ListTasksPage>>>,
}

/// Parse a request body into its typed request.
pub fn parse<T: DeserializeOwned + Serialize>(body: &[u8]) -> Result<T, ApiError> {
    let body: &[u8] = if body.iter().all(|b| b.is_ascii_whitespace()) {
        b"{}"
    } else {
        body
    };
    gantry_api_types::wire::from_slice_strict(body)
}

fn to_json_bytes<T: Serialize>(v: &T) -> Result<Vec<u8>, ApiError> {
    serde_json::to_vec(v).map_err(crate::state::internal)
}

impl EcsService {
    /// Waits for the answer to a job queued for the write lock (a report, a
    /// RunTask): a holder of the lock that drains the queue meanwhile
    /// answers it; else this caller takes the lock and runs `drain`, which
    /// answers every job queued so far, its own included. `what` names the
    /// job in the error when its answer was dropped.
    async fn answered_under_lock<T, F>(
        &self,
        mut answer: tokio::sync::oneshot::Receiver<Result<T, ApiError>>,
        drain: impl FnOnce() -> F,
        what: &str,
    ) -> Result<T, ApiError>
    where
        F: std::future::Future<Output = ()>,
    {
        let lost = || Err(ApiError::server(format!("{what} not applied; retry.")));
        tokio::select! {
            biased;
            r = &mut answer => return r.unwrap_or_else(|_| lost()),
            _g = self.write.lock() => drain().await,
        }
        answer.await.unwrap_or_else(|_| lost())
    }

    pub fn new(
        repo: Repo,
        partition: Partition,
        clock: SharedClock,
        hosts: Arc<HostNotifier>,
    ) -> Self {
        EcsService {
            repo,
            partition,
            clock,
            hosts,
            write: tokio::sync::Mutex::new(()),
            reports: std::sync::Mutex::new(Vec::new()),
            runs: std::sync::Mutex::new(Vec::new()),
            sent: Default::default(),
            services_wake: Arc::new(tokio::sync::Notify::new()),
            fargate: fargate::FargateConfig::default(),
            role_credentials: role_credentials::RoleCredentials::default(),
            sched_instances: std::sync::Mutex::new(HashMap::new()),
            list_pages: std::sync::Mutex::new(HashMap::new()),
        }
    }

    /// Use `config` for the Fargate launch type (subnets, Spot, prices).
    pub fn with_fargate(mut self, config: fargate::FargateConfig) -> Self {
        self.fargate = config;
        self
    }

    /// Mint task role credentials with `issuer` (IAM's STS).
    pub fn with_role_credentials(
        mut self,
        issuer: Arc<dyn role_credentials::RoleCredentialIssuer>,
    ) -> Self {
        self.role_credentials = role_credentials::RoleCredentials::new(issuer);
        self
    }

    pub fn now(&self) -> f64 {
        self.clock.now()
    }

    /// Resolve an optional `cluster` input (name or ARN; default `default`)
    /// to a cluster name.
    pub fn cluster_name(&self, cluster: Option<&str>) -> Result<String, ApiError> {
        match cluster {
            None | Some("") => Ok("default".to_string()),
            Some(c) => gantry_model::arn::cluster_name(Some(c))
                .map_err(|e| ApiError::invalid_parameter(e.to_string())),
        }
    }

    /// Make sure the cluster exists and is ACTIVE; returns its record.
    pub async fn active_cluster(
        &self,
        name: &str,
    ) -> Result<crate::state::Versioned<crate::state::ClusterRecord>, ApiError> {
        let rec: Option<crate::state::Versioned<Arc<crate::state::ClusterRecord>>> = self
            .repo
            .get_shared(&crate::state::cluster_key(name))
            .await?;
        match rec {
            Some(r) if r.value.cluster.status.as_deref() == Some("ACTIVE") => {
                Ok(crate::state::Versioned {
                    value: (*r.value).clone(),
                    mod_revision: r.mod_revision,
                })
            }
            _ => Err(ApiError::cluster_not_found()),
        }
    }
}

/// A new 32-hex-digit task or container instance id.
pub fn new_id() -> String {
    gantry_model::arn::new_id(uuid::Uuid::new_v4().as_u128())
}

/// Attribute name and value rules (ECS `Attribute`).
pub fn validate_attribute(a: &ecs::Attribute) -> Result<(), ApiError> {
    if !gantry_model::names::is_valid_attribute_name(&a.name) {
        return Err(ApiError::invalid_parameter(format!(
            "Attribute name '{}' is invalid: it must be 1-128 letters, numbers, hyphens, underscores, forward slashes, back slashes or periods.",
            a.name
        )));
    }
    if let Some(v) = &a.value {
        if !gantry_model::names::is_valid_attribute_value(v) {
            return Err(ApiError::invalid_parameter(format!(
                "Attribute value '{v}' of '{}' is invalid: it must be 1-128 characters without leading or trailing whitespace.",
                a.name
            )));
        }
    }
    Ok(())
}

macro_rules! dispatch {
    ($self:ident, $ctx:ident, $op:ident, $body:ident; $($name:literal => $f:ident,)*) => {
        match $op {
            $( $name => to_json_bytes(&$self.$f($ctx, parse(&$body)?).await?), )*
            other => {
                if ecs::OPERATIONS.contains(&other) {
                    Err(ApiError::client(
                        "UnsupportedFeatureException",
                        format!("The operation {other} is not supported by Gantry yet."),
                    ))
                } else {
                    Err(ApiError::client(
                        "UnknownOperationException",
                        format!("Unknown operation {other}."),
                    ))
                }
            }
        }
    };
}

#[async_trait]
impl ServiceHandler for EcsService {
    async fn handle(
        &self,
        ctx: &RequestContext,
        operation: &str,
        body: Bytes,
    ) -> Result<serde_json::Value, ApiError> {
        let bytes = self.handle_bytes(ctx, operation, body).await?;
        serde_json::from_slice(&bytes).map_err(crate::state::internal)
    }

    async fn handle_bytes(
        &self,
        ctx: &RequestContext,
        operation: &str,
        body: Bytes,
    ) -> Result<Vec<u8>, ApiError> {
        dispatch!(self, ctx, operation, body;
            "CreateCluster" => create_cluster,
            "DescribeClusters" => describe_clusters,
            "ListClusters" => list_clusters,
            "DeleteCluster" => delete_cluster,
            "UpdateCluster" => update_cluster,
            "UpdateClusterSettings" => update_cluster_settings,
            "PutClusterCapacityProviders" => put_cluster_capacity_providers,
            "RegisterTaskDefinition" => register_task_definition,
            "DescribeTaskDefinition" => describe_task_definition,
            "ListTaskDefinitions" => list_task_definitions,
            "ListTaskDefinitionFamilies" => list_task_definition_families,
            "DeregisterTaskDefinition" => deregister_task_definition,
            "DeleteTaskDefinitions" => delete_task_definitions,
            "RunTask" => run_task,
            "StartTask" => start_task,
            "StopTask" => stop_task,
            "DescribeTasks" => describe_tasks,
            "ListTasks" => list_tasks,
            "RegisterContainerInstance" => register_container_instance,
            "DeregisterContainerInstance" => deregister_container_instance,
            "DescribeContainerInstances" => describe_container_instances,
            "ListContainerInstances" => list_container_instances,
            "UpdateContainerInstancesState" => update_container_instances_state,
            "TagResource" => tag_resource,
            "UntagResource" => untag_resource,
            "ListTagsForResource" => list_tags_for_resource,
            "PutAttributes" => put_attributes,
            "DeleteAttributes" => delete_attributes,
            "ListAttributes" => list_attributes,
            "CreateService" => create_service,
            "UpdateService" => update_service,
            "DeleteService" => delete_service,
            "DescribeServices" => describe_services,
            "ListServices" => list_services,
            "ListServicesByNamespace" => list_services_by_namespace,
            "ListServiceDeployments" => list_service_deployments,
            "DescribeServiceDeployments" => describe_service_deployments,
            "DescribeServiceRevisions" => describe_service_revisions,
        )
    }
}
