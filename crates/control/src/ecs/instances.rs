//! Container instances: Register (what an agent calls on start), Deregister,
//! Describe, List, UpdateContainerInstancesState.

use super::pagination::paginate;
use super::EcsService;
use crate::http::RequestContext;
use crate::state::{instance_key, instance_prefix, InstanceRecord, TxnBuilder, Versioned};
use gantry_api_types::{ecs, ApiError};
use std::collections::BTreeSet;

fn resource_int(resources: &[ecs::Resource], name: &str) -> Option<i64> {
    resources
        .iter()
        .find(|r| r.name.as_deref() == Some(name))
        .and_then(|r| {
            r.integer_value
                .map(i64::from)
                .or(r.long_value)
                .or(r.double_value.map(|d| d as i64))
        })
}

fn resource_ports(resources: &[ecs::Resource], name: &str) -> Vec<u16> {
    resources
        .iter()
        .find(|r| r.name.as_deref() == Some(name))
        .and_then(|r| r.string_set_value.clone())
        .unwrap_or_default()
        .iter()
        .filter_map(|p| p.parse().ok())
        .collect()
}

fn int_resource(name: &str, v: i64) -> ecs::Resource {
    ecs::Resource {
        name: Some(name.to_string()),
        r#type: Some("INTEGER".to_string()),
        integer_value: Some(v.clamp(i32::MIN as i64, i32::MAX as i64) as i32),
        double_value: Some(0.0),
        long_value: Some(0),
        ..Default::default()
    }
}

fn ports_resource(name: &str, ports: &BTreeSet<u16>) -> ecs::Resource {
    ecs::Resource {
        name: Some(name.to_string()),
        r#type: Some("STRINGSET".to_string()),
        string_set_value: Some(ports.iter().map(|p| p.to_string()).collect()),
        double_value: Some(0.0),
        long_value: Some(0),
        integer_value: Some(0),
    }
}

/// Whether an attribute was set by an agent (not by PutAttributes).
pub(super) fn is_builtin_attribute(name: &str) -> bool {
    name.starts_with("ecs.") || name.starts_with("com.amazonaws.ecs.")
}

impl InstanceRecord {
    pub fn used_ports(&self) -> (BTreeSet<u16>, BTreeSet<u16>) {
        let mut tcp: BTreeSet<u16> = self.reserved_tcp_ports.iter().copied().collect();
        let mut udp: BTreeSet<u16> = self.reserved_udp_ports.iter().copied().collect();
        for r in self.reservations.values() {
            tcp.extend(r.tcp_ports.iter().copied());
            udp.extend(r.udp_ports.iter().copied());
        }
        (tcp, udp)
    }
    pub fn remaining_cpu(&self) -> i64 {
        self.total_cpu - self.reservations.values().map(|r| r.cpu).sum::<i64>()
    }
    pub fn remaining_memory(&self) -> i64 {
        self.total_memory - self.reservations.values().map(|r| r.memory).sum::<i64>()
    }
    pub fn running_count(&self) -> i32 {
        self.reservations.values().filter(|r| r.running).count() as i32
    }
    pub fn pending_count(&self) -> i32 {
        self.reservations.values().filter(|r| !r.running).count() as i32
    }

    /// The wire container instance with computed counts and remainders.
    pub fn render(&self, with_tags: bool) -> ecs::ContainerInstance {
        let mut ci = self.instance.clone();
        let (tcp, udp) = self.used_ports();
        ci.remaining_resources = Some(vec![
            int_resource("CPU", self.remaining_cpu()),
            int_resource("MEMORY", self.remaining_memory()),
            ports_resource("PORTS", &tcp),
            ports_resource("PORTS_UDP", &udp),
        ]);
        ci.running_tasks_count = Some(self.running_count());
        ci.pending_tasks_count = Some(self.pending_count());
        if !with_tags {
            ci.tags = None;
        }
        ci
    }
}

impl EcsService {
    /// Resolve a container instance id or ARN within a cluster.
    pub(super) async fn find_instance(
        &self,
        cluster: &str,
        ident: &str,
    ) -> Result<Option<Versioned<InstanceRecord>>, ApiError> {
        let id = match gantry_model::arn::container_instance_id(ident) {
            Ok(id) => id,
            Err(_) => return Ok(None),
        };
        self.repo.get(&instance_key(cluster, &id)).await
    }

    pub(super) async fn register_container_instance(
        &self,
        _ctx: &RequestContext,
        req: ecs::RegisterContainerInstanceRequest,
    ) -> Result<ecs::RegisterContainerInstanceResponse, ApiError> {
        let cluster = self.cluster_name(req.cluster.as_deref())?;
        let total = req.total_resources.clone().unwrap_or_default();
        let cpu = resource_int(&total, "CPU").unwrap_or(0);
        let memory = resource_int(&total, "MEMORY").unwrap_or(0);
        if cpu < 0 || memory < 0 {
            return Err(ApiError::invalid_parameter(
                "totalResources CPU and MEMORY must not be negative.",
            ));
        }
        let mut attributes = req.attributes.clone().unwrap_or_default();
        for a in &attributes {
            super::validate_attribute(a)?;
        }
        let tags = req.tags.clone().unwrap_or_default();
        gantry_model::names::validate_tags(&tags)?;
        let _g = self.write.lock().await;
        self.active_cluster(&cluster).await?;
        let now = self.now();
        let existing = match &req.container_instance_arn {
            Some(arn) => self.find_instance(&cluster, arn).await?,
            None => None,
        };
        let id = match &existing {
            Some(e) => e.value.id.clone(),
            None => super::new_id(),
        };
        let key = instance_key(&cluster, &id);
        let ec2_instance_id = req
            .instance_identity_document
            .as_deref()
            .and_then(|d| serde_json::from_str::<serde_json::Value>(d).ok())
            .and_then(|v| {
                v.get("instanceId")
                    .and_then(|i| i.as_str())
                    .map(str::to_string)
            })
            .unwrap_or_else(|| format!("i-{}", &id[..17]));
        let rec = match existing {
            Some(e) => {
                let mut r = e.value.clone();
                // Keep custom attributes; the agent's own ones are replaced.
                for a in r.instance.attributes.clone().unwrap_or_default() {
                    if !is_builtin_attribute(&a.name)
                        && !attributes.iter().any(|x| x.name == a.name)
                    {
                        attributes.push(a);
                    }
                }
                r.instance.attributes = Some(attributes);
                r.instance.version_info = req.version_info.clone();
                r.instance.registered_resources = Some(total.clone());
                r.instance.status = Some("ACTIVE".to_string());
                r.instance.agent_connected = Some(true);
                r.instance.version = Some(r.instance.version.unwrap_or(0) + 1);
                r.total_cpu = cpu;
                r.total_memory = memory;
                r.reserved_tcp_ports = resource_ports(&total, "PORTS");
                r.reserved_udp_ports = resource_ports(&total, "PORTS_UDP");
                r
            }
            None => InstanceRecord {
                instance: ecs::ContainerInstance {
                    container_instance_arn: Some(
                        self.partition.container_instance_arn(&cluster, &id),
                    ),
                    ec2_instance_id: Some(ec2_instance_id),
                    version: Some(1),
                    version_info: req.version_info.clone(),
                    registered_resources: Some(total.clone()),
                    status: Some("ACTIVE".to_string()),
                    agent_connected: Some(true),
                    attributes: Some(attributes),
                    registered_at: Some(now),
                    attachments: Some(vec![]),
                    tags: Some(tags),
                    ..Default::default()
                },
                cluster: cluster.clone(),
                id: id.clone(),
                generation: 1,
                reservations: Default::default(),
                total_cpu: cpu,
                total_memory: memory,
                reserved_tcp_ports: resource_ports(&total, "PORTS"),
                reserved_udp_ports: resource_ports(&total, "PORTS_UDP"),
            },
        };
        let prev_rev = self
            .repo
            .store
            .get(&key)
            .await
            .map_err(crate::state::internal)?
            .map(|kv| kv.mod_revision);
        let mut t = TxnBuilder::new();
        t.expect(&key, prev_rev.unwrap_or(0)).put(&key, &rec)?;
        if !self.repo.commit(t).await? {
            return Err(ApiError::server("Concurrent modification; retry."));
        }
        self.hosts.seen(&id, now);
        tracing::info!(cluster = %cluster, instance = %id, cpu, memory, "container instance registered");
        Ok(ecs::RegisterContainerInstanceResponse {
            container_instance: Some(rec.render(true)),
        })
    }

    pub(super) async fn deregister_container_instance(
        &self,
        _ctx: &RequestContext,
        req: ecs::DeregisterContainerInstanceRequest,
    ) -> Result<ecs::DeregisterContainerInstanceResponse, ApiError> {
        let cluster = self.cluster_name(req.cluster.as_deref())?;
        let _g = self.write.lock().await;
        self.active_cluster(&cluster).await?;
        let rec = self
            .find_instance(&cluster, &req.container_instance)
            .await?
            .filter(|r| r.value.instance.status.as_deref() != Some("INACTIVE"))
            .ok_or_else(|| {
                ApiError::invalid_parameter("The referenced container instance was not found.")
            })?;
        if !rec.value.reservations.is_empty() && !req.force.unwrap_or(false) {
            return Err(ApiError::invalid_parameter(
                "Found running tasks on the instance. Use force to deregister the container instance.",
            ));
        }
        let mut value = rec.value.clone();
        value.instance.status = Some("INACTIVE".to_string());
        value.instance.agent_connected = Some(false);
        value.generation += 1;
        let key = instance_key(&cluster, &value.id);
        let mut t = TxnBuilder::new();
        t.expect(&key, rec.mod_revision).put(&key, &value)?;
        if !self.repo.commit(t).await? {
            return Err(ApiError::server("Concurrent modification; retry."));
        }
        self.hosts.wake(&value.id);
        tracing::info!(cluster = %cluster, instance = %value.id, "container instance deregistered");
        Ok(ecs::DeregisterContainerInstanceResponse {
            container_instance: Some(value.render(false)),
        })
    }

    pub(super) async fn describe_container_instances(
        &self,
        _ctx: &RequestContext,
        req: ecs::DescribeContainerInstancesRequest,
    ) -> Result<ecs::DescribeContainerInstancesResponse, ApiError> {
        let cluster = self.cluster_name(req.cluster.as_deref())?;
        self.active_cluster(&cluster).await?;
        if req.container_instances.len() > 100 {
            return Err(ApiError::invalid_parameter(
                "containerInstances can have at most 100 items.",
            ));
        }
        let with_tags = req
            .include
            .unwrap_or_default()
            .iter()
            .any(|i| i.as_str() == "TAGS");
        let mut out = vec![];
        let mut failures = vec![];
        for ident in &req.container_instances {
            match self.find_instance(&cluster, ident).await? {
                Some(r) => out.push(r.value.render(with_tags)),
                None => failures.push(ecs::Failure {
                    arn: Some(if ident.starts_with("arn:") {
                        ident.clone()
                    } else {
                        self.partition.container_instance_arn(&cluster, ident)
                    }),
                    reason: Some("MISSING".into()),
                    detail: None,
                }),
            }
        }
        Ok(ecs::DescribeContainerInstancesResponse {
            container_instances: Some(out),
            failures: Some(failures),
        })
    }

    pub(super) async fn list_container_instances(
        &self,
        _ctx: &RequestContext,
        req: ecs::ListContainerInstancesRequest,
    ) -> Result<ecs::ListContainerInstancesResponse, ApiError> {
        let cluster = self.cluster_name(req.cluster.as_deref())?;
        self.active_cluster(&cluster).await?;
        let filter = match req.filter.as_deref() {
            Some(f) if !f.trim().is_empty() => {
                Some(gantry_scheduler::query::Expr::parse(f).map_err(|e| {
                    ApiError::invalid_parameter(format!("Invalid filter expression: {e}"))
                })?)
            }
            _ => None,
        };
        let status = req.status.as_ref().map(|s| s.as_str().to_string());
        let all: Vec<Versioned<InstanceRecord>> =
            self.repo.list(&instance_prefix(&cluster)).await?;
        let mut arns = vec![];
        for r in all {
            let st = r.value.instance.status.clone().unwrap_or_default();
            let keep = match &status {
                Some(s) => &st == s,
                None => st == "ACTIVE" || st == "DRAINING",
            };
            if !keep {
                continue;
            }
            if let Some(expr) = &filter {
                let inst = self.scheduler_instance(&r.value);
                if !expr.matches(&inst) {
                    continue;
                }
            }
            arns.push((
                r.value.id.clone(),
                r.value
                    .instance
                    .container_instance_arn
                    .clone()
                    .unwrap_or_default(),
            ));
        }
        let (page, next) = paginate(
            arns,
            |(id, _)| id.clone(),
            req.next_token.as_deref(),
            req.max_results,
            100,
        )?;
        Ok(ecs::ListContainerInstancesResponse {
            container_instance_arns: Some(page.into_iter().map(|(_, a)| a).collect()),
            next_token: next,
        })
    }

    pub(super) async fn update_container_instances_state(
        &self,
        _ctx: &RequestContext,
        req: ecs::UpdateContainerInstancesStateRequest,
    ) -> Result<ecs::UpdateContainerInstancesStateResponse, ApiError> {
        let cluster = self.cluster_name(req.cluster.as_deref())?;
        let status = req.status.as_str().to_string();
        if status != "ACTIVE" && status != "DRAINING" {
            return Err(ApiError::invalid_parameter(format!(
                "Container instances can only be set to ACTIVE or DRAINING, not {status}."
            )));
        }
        if req.container_instances.is_empty() || req.container_instances.len() > 10 {
            return Err(ApiError::invalid_parameter(
                "containerInstances must contain between 1 and 10 items.",
            ));
        }
        let _g = self.write.lock().await;
        self.active_cluster(&cluster).await?;
        let mut out = vec![];
        let mut failures = vec![];
        let mut t = TxnBuilder::new();
        for ident in &req.container_instances {
            match self.find_instance(&cluster, ident).await? {
                Some(r) if r.value.instance.status.as_deref() != Some("INACTIVE") => {
                    let mut v = r.value.clone();
                    if v.instance.status.as_deref() != Some(status.as_str()) {
                        v.instance.status = Some(status.clone());
                        v.instance.version = Some(v.instance.version.unwrap_or(0) + 1);
                        let key = instance_key(&cluster, &v.id);
                        t.expect(&key, r.mod_revision).put(&key, &v)?;
                    }
                    out.push(v.render(false));
                }
                _ => failures.push(ecs::Failure {
                    arn: Some(ident.clone()),
                    reason: Some("MISSING".into()),
                    detail: None,
                }),
            }
        }
        if !t.is_empty() && !self.repo.commit(t).await? {
            return Err(ApiError::server("Concurrent modification; retry."));
        }
        Ok(ecs::UpdateContainerInstancesStateResponse {
            container_instances: Some(out),
            failures: Some(failures),
        })
    }
}
