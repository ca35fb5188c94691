//! Container instances: Register (what an agent calls on start), Deregister,
//! Describe, List, UpdateContainerInstancesState, and the store side of the
//! connectivity reconciler ([`crate::connectivity`]).
//!
//! ECS semantics, and where Gantry chooses:
//! * **Register** with the ARN of a known ACTIVE or DRAINING instance
//!   re-registers it (same ARN, status ACTIVE, custom attributes kept). With
//!   the ARN of a deregistered (INACTIVE) instance it registers a NEW
//!   instance: a deregistered instance never comes back.
//! * **UpdateContainerInstancesState** accepts only ACTIVE and DRAINING;
//!   ACTIVE ↔ DRAINING, setting the current status again is a no-op. A
//!   DRAINING instance receives no new task (the planner places on ACTIVE
//!   instances only); standalone tasks on it keep running; replacing service
//!   tasks is the service scheduler's work.
//! * **Deregister** without `force` fails while tasks are placed on the
//!   instance. With `force`, ECS orphans the tasks ("no longer monitored or
//!   accounted for") so services start copies elsewhere: Gantry marks them
//!   STOPPED (stop code `UserInitiated`, reason `Container instance
//!   deregistered`) and releases their reservations in the same transaction.
//!   The instance becomes INACTIVE; its agent learns it on its next sync.
//!   Unlike the ECS agent (which exits and leaves the orphaned containers
//!   running until the EC2 instance is terminated), Gantry's agent then stops
//!   every task it runs before it exits: hosts outlive their registration, and
//!   containers nobody accounts for would run copies of service tasks forever.

use super::pagination::paginate;
use super::EcsService;
use crate::connectivity::{assess, host_lost_reason, Assessment, ConnectivityConfig, PassReport};
use crate::http::RequestContext;
use crate::state::{
    instance_key, instance_prefix, task_key, InstanceRecord, TaskRecord, TaskSummary, TxnBuilder,
    Versioned,
};
use gantry_api_types::{ecs, ApiError};
use gantry_model::task::TaskStatus;
use std::collections::BTreeSet;

/// Key prefix of every container instance of every cluster.
const ALL_INSTANCES: &str = "instances/";

/// Mark a task STOPPED by the control plane (its host is gone or no longer
/// registered). A stop already requested keeps its code and reason.
pub(crate) fn stop_by_control_plane(
    rec: &mut TaskRecord,
    code: ecs::TaskStopCode,
    reason: &str,
    now: f64,
) {
    let t = &mut rec.task;
    if t.stop_code.is_none() {
        t.stop_code = Some(code);
    }
    if t.stopped_reason.is_none() {
        t.stopped_reason = Some(reason.to_string());
    }
    t.desired_status = Some("STOPPED".to_string());
    t.last_status = Some("STOPPED".to_string());
    t.stopping_at.get_or_insert(now);
    t.execution_stopped_at.get_or_insert(now);
    t.stopped_at.get_or_insert(now);
    for c in t.containers.iter_mut().flatten() {
        c.last_status = Some("STOPPED".to_string());
    }
    t.version = Some(t.version.unwrap_or(0) + 1);
    rec.desired.desired_status = gantry_agent_api::DesiredStatus::Stopped;
    if rec.desired.stop_reason.is_none() {
        rec.desired.stop_reason = t.stopped_reason.clone();
    }
}

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
    /// The wire container instance with computed remainders and the given
    /// `(running, pending)` task counts ([`EcsService::instance_task_counts`]).
    pub fn render(&self, with_tags: bool, counts: (i32, i32)) -> ecs::ContainerInstance {
        let mut ci = self.instance.clone();
        let (tcp, udp) = self.used_ports();
        ci.remaining_resources = Some(vec![
            int_resource("CPU", self.remaining_cpu()),
            int_resource("MEMORY", self.remaining_memory()),
            ports_resource("PORTS", &tcp),
            ports_resource("PORTS_UDP", &udp),
        ]);
        ci.running_tasks_count = Some(counts.0);
        ci.pending_tasks_count = Some(counts.1);
        if !with_tags {
            ci.tags = None;
        }
        ci
    }
}

impl EcsService {
    /// The container instance's `(running, pending)` task counts: its
    /// reserved tasks (not the Fargate tasks a shared host also runs) that
    /// have reached RUNNING, and those that have not yet. Read from the task
    /// records, so that a task reaching RUNNING does not rewrite the
    /// instance record.
    pub(super) async fn instance_task_counts(
        &self,
        rec: &InstanceRecord,
    ) -> Result<(i32, i32), ApiError> {
        let keys: Vec<String> = rec
            .reservations
            .iter()
            .filter(|(_, r)| !r.fargate)
            .map(|(id, r)| task_key(r.task_cluster(&rec.cluster), id))
            .collect();
        let tasks: Vec<Option<Versioned<std::sync::Arc<TaskSummary>>>> =
            self.repo.get_shared_many(&keys).await?;
        let (mut running, mut pending) = (0, 0);
        for t in tasks.into_iter().flatten() {
            let status = t
                .value
                .task
                .last_status
                .as_deref()
                .and_then(TaskStatus::from_wire)
                .unwrap_or(TaskStatus::Provisioning);
            if status >= TaskStatus::Running {
                running += 1;
            } else {
                pending += 1;
            }
        }
        Ok((running, pending))
    }

    /// Resolve a container instance id or ARN within a cluster.
    pub(super) async fn find_instance(
        &self,
        cluster: &str,
        ident: &str,
    ) -> Result<Option<Versioned<InstanceRecord>>, ApiError> {
        Ok(self
            .find_instance_shared(cluster, ident)
            .await?
            .map(|v| Versioned {
                value: (*v.value).clone(),
                mod_revision: v.mod_revision,
            }))
    }

    /// [`EcsService::find_instance`] of the shared, decoded-once record.
    pub(super) async fn find_instance_shared(
        &self,
        cluster: &str,
        ident: &str,
    ) -> Result<Option<Versioned<std::sync::Arc<InstanceRecord>>>, ApiError> {
        let id = match gantry_model::arn::container_instance_id(ident) {
            Ok(id) => id,
            Err(_) => return Ok(None),
        };
        self.repo.get_instance(&instance_key(cluster, &id)).await
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
        // Fargate pool hosts live in the hidden pool, not in `cluster`.
        let arn_cluster = cluster.clone();
        let cluster = if super::fargate::is_pool_only(&attributes) {
            crate::state::FARGATE_POOL.to_string()
        } else {
            cluster
        };
        // A deregistered instance never comes back: its ARN registers anew.
        let existing = match &req.container_instance_arn {
            Some(arn) => self
                .find_instance(&cluster, arn)
                .await?
                .filter(|e| e.value.instance.status.as_deref() != Some("INACTIVE")),
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
        let rec = match &existing {
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
                        self.partition.container_instance_arn(&arn_cluster, &id),
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
                deregistered_at: None,
            },
        };
        // Re-registration writes over the record it read (and diffs its
        // reservations against it); a new id must still be absent.
        let rec = std::sync::Arc::new(rec);
        let mut t = TxnBuilder::new();
        t.expect(&key, existing.as_ref().map_or(0, |e| e.mod_revision))
            .put_instance(&rec, existing.as_ref().map(|e| &e.value))?;
        if !self.repo.commit(t).await? {
            return Err(ApiError::server("Concurrent modification; retry."));
        }
        self.hosts.seen(&id, now);
        tracing::info!(cluster = %cluster, instance = %id, cpu, memory, "container instance registered");
        Ok(ecs::RegisterContainerInstanceResponse {
            container_instance: Some(rec.render(true, (0, 0))),
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
        let now = self.now();
        let mut value = rec.value.clone();
        let mut t = TxnBuilder::new();
        // With force: the tasks are orphaned, their records end here.
        let mut orphaned = vec![];
        for (task_id, res) in &value.reservations {
            let tkey = task_key(res.task_cluster(&cluster), task_id);
            let Some(task) = self.repo.get::<TaskRecord>(&tkey).await? else {
                continue;
            };
            let mut tv = task.value.clone();
            stop_by_control_plane(
                &mut tv,
                ecs::TaskStopCode::UserInitiated,
                "Container instance deregistered",
                now,
            );
            orphaned.push(tv.task.task_arn.clone().unwrap_or_default());
            t.expect(&tkey, task.mod_revision).put(&tkey, &tv)?;
        }
        value.reservations.clear();
        value.instance.status = Some("INACTIVE".to_string());
        value.deregistered_at = Some(now);
        value.instance.agent_connected = Some(false);
        value.instance.version = Some(value.instance.version.unwrap_or(0) + 1);
        value.generation += 1;
        let key = instance_key(&cluster, &value.id);
        t.expect(&key, rec.mod_revision)
            .put_instance(&std::sync::Arc::new(value.clone()), Some(&rec.value))?;
        if !self.repo.commit(t).await? {
            return Err(ApiError::server("Concurrent modification; retry."));
        }
        self.hosts.wake(&value.id);
        // An INACTIVE host is never sent a desired state again.
        self.sent.forget(&value.id);
        if !orphaned.is_empty() {
            self.services_wake.notify_one();
        }
        for arn in &orphaned {
            tracing::info!(task = %arn, instance = %value.id, "task orphaned by forced deregistration");
        }
        tracing::info!(cluster = %cluster, instance = %value.id, orphaned = orphaned.len(), "container instance deregistered");
        Ok(ecs::DeregisterContainerInstanceResponse {
            container_instance: Some(value.render(false, (0, 0))),
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
                Some(r) => {
                    let counts = self.instance_task_counts(&r.value).await?;
                    out.push(r.value.render(with_tags, counts));
                }
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
        let all: Vec<Versioned<std::sync::Arc<InstanceRecord>>> =
            self.repo.list_instances(&instance_prefix(&cluster)).await?;
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
                        t.expect(&key, r.mod_revision)
                            .put_instance(&std::sync::Arc::new(v.clone()), Some(&r.value))?;
                    }
                    let counts = self.instance_task_counts(&v).await?;
                    out.push(v.render(false, counts));
                }
                _ => failures.push(ecs::Failure {
                    arn: Some(ident.clone()),
                    reason: Some("MISSING".into()),
                    detail: None,
                }),
            }
        }
        let changed = !t.is_empty();
        if changed && !self.repo.commit(t).await? {
            return Err(ApiError::server("Concurrent modification; retry."));
        }
        if changed {
            // Draining moves service tasks: let the service scheduler know.
            self.services_wake.notify_one();
        }
        Ok(ecs::UpdateContainerInstancesStateResponse {
            container_instances: Some(out),
            failures: Some(failures),
        })
    }
}

impl EcsService {
    /// What the connectivity reconciler must change on one instance, if
    /// anything.
    fn connectivity_change(
        &self,
        inst: &InstanceRecord,
        config: &ConnectivityConfig,
        started_at: f64,
        now: f64,
    ) -> Option<Assessment> {
        if inst.instance.status.as_deref() == Some("INACTIVE") {
            return None;
        }
        let a = assess(self.hosts.last_seen(&inst.id), started_at, now, config);
        let flip = inst.instance.agent_connected != Some(a.connected);
        let lose = a.lost && !inst.reservations.is_empty();
        (flip || lose).then_some(a)
    }

    /// One pass of the connectivity reconciler (see [`crate::connectivity`]):
    /// reread every instance, mark it connected or not from when its agent
    /// was last heard from, and stop the tasks of lost hosts. Idempotent.
    pub async fn reconcile_connectivity(
        &self,
        config: &ConnectivityConfig,
        started_at: f64,
    ) -> Result<PassReport, ApiError> {
        let mut report = PassReport::default();
        let now = self.now();
        let all: Vec<Versioned<std::sync::Arc<InstanceRecord>>> =
            self.repo.list_instances(ALL_INSTANCES).await?;
        if !all.iter().any(|r| {
            self.connectivity_change(&r.value, config, started_at, now)
                .is_some()
        }) {
            return Ok(report);
        }
        let _g = self.write.lock().await;
        let now = self.now();
        let all: Vec<Versioned<std::sync::Arc<InstanceRecord>>> =
            self.repo.list_instances(ALL_INSTANCES).await?;
        for r in all {
            let Some(a) = self.connectivity_change(&r.value, config, started_at, now) else {
                continue;
            };
            let mut iv = (*r.value).clone();
            let mut t = TxnBuilder::new();
            let flipped = iv.instance.agent_connected != Some(a.connected);
            if flipped {
                iv.instance.agent_connected = Some(a.connected);
                iv.instance.version = Some(iv.instance.version.unwrap_or(0) + 1);
            }
            let mut stopped = vec![];
            let disconnect = flipped && !a.connected;
            if disconnect || (a.lost && !iv.reservations.is_empty()) {
                let host = iv
                    .instance
                    .ec2_instance_id
                    .clone()
                    .unwrap_or_else(|| iv.id.clone());
                let reason = host_lost_reason(&host, a.silent_for);
                for (task_id, res) in &iv.reservations {
                    let tkey = task_key(res.task_cluster(&iv.cluster), task_id);
                    let Some(task) = self.repo.get::<TaskRecord>(&tkey).await? else {
                        continue;
                    };
                    let mut tv = task.value.clone();
                    let mut changed = false;
                    // As ECS: a task whose agent is not connected shows
                    // `connectivity: DISCONNECTED` until it is heard from.
                    if disconnect && tv.task.connectivity != Some(ecs::Connectivity::Disconnected) {
                        tv.task.connectivity = Some(ecs::Connectivity::Disconnected);
                        tv.task.connectivity_at = Some(now);
                        changed = true;
                    }
                    if a.lost {
                        stop_by_control_plane(
                            &mut tv,
                            ecs::TaskStopCode::InfrastructureHealth,
                            &reason,
                            now,
                        );
                        stopped.push(tv.task.task_arn.clone().unwrap_or_default());
                        changed = true;
                    }
                    if changed {
                        if !a.lost {
                            // (stop_by_control_plane bumps it otherwise.)
                            tv.task.version = Some(tv.task.version.unwrap_or(0) + 1);
                        }
                        t.expect(&tkey, task.mod_revision).put(&tkey, &tv)?;
                    }
                }
                if a.lost {
                    iv.reservations.clear();
                    iv.generation += 1;
                }
            }
            let ikey = instance_key(&iv.cluster, &iv.id);
            let iv = std::sync::Arc::new(iv);
            t.expect(&ikey, r.mod_revision)
                .put_instance(&iv, Some(&r.value))?;
            if !self.repo.commit(t).await? {
                // Someone else changed it: the next pass rereads it.
                tracing::debug!(instance = %iv.id, "instance changed during the pass; retrying later");
                continue;
            }
            if flipped && a.connected {
                tracing::info!(instance = %iv.id, "agent connected");
                report.connected.push(iv.id.clone());
            } else if flipped {
                tracing::warn!(instance = %iv.id, silent_for = a.silent_for, "agent disconnected");
                report.disconnected.push(iv.id.clone());
            }
            for arn in &stopped {
                tracing::warn!(task = %arn, instance = %iv.id, silent_for = a.silent_for, "host lost; task stopped");
            }
            report.tasks_stopped.extend(stopped);
        }
        if report != PassReport::default() {
            // Instances or tasks changed: services may need to act.
            self.services_wake.notify_one();
        }
        Ok(report)
    }
    /// Tasks marked `connectivity: DISCONNECTED` by a connectivity pass go
    /// back to CONNECTED once their instance's agent is connected again (the
    /// sync handler marks the instance, this marks its tasks). Looks at the
    /// instances named in `only` (every instance when `None`) and returns
    /// those that are still disconnected, to look at again later.
    pub async fn restore_task_connectivity(
        &self,
        only: Option<&BTreeSet<String>>,
    ) -> Result<BTreeSet<String>, ApiError> {
        let mut pending = BTreeSet::new();
        let all: Vec<Versioned<std::sync::Arc<InstanceRecord>>> =
            self.repo.list_instances(ALL_INSTANCES).await?;
        let all: Vec<_> = all
            .into_iter()
            .filter(|r| only.is_none_or(|o| o.contains(&r.value.id)))
            .filter(|r| r.value.instance.status.as_deref() != Some("INACTIVE"))
            .collect();
        if all.is_empty() {
            return Ok(pending);
        }
        let _g = self.write.lock().await;
        let now = self.now();
        for r in all {
            let Some(cur) = self
                .repo
                .get_instance(&instance_key(&r.value.cluster, &r.value.id))
                .await?
            else {
                continue;
            };
            let iv = &cur.value;
            if iv.instance.agent_connected != Some(true) {
                pending.insert(iv.id.clone());
                continue;
            }
            let mut t = TxnBuilder::new();
            let mut restored = vec![];
            for (task_id, res) in &iv.reservations {
                let tkey = task_key(res.task_cluster(&iv.cluster), task_id);
                let Some(task) = self.repo.get::<TaskRecord>(&tkey).await? else {
                    continue;
                };
                if task.value.task.connectivity != Some(ecs::Connectivity::Disconnected) {
                    continue;
                }
                let mut tv = task.value.clone();
                tv.task.connectivity = Some(ecs::Connectivity::Connected);
                tv.task.connectivity_at = Some(now);
                tv.task.version = Some(tv.task.version.unwrap_or(0) + 1);
                restored.push(tv.task.task_arn.clone().unwrap_or_default());
                t.expect(&tkey, task.mod_revision).put(&tkey, &tv)?;
            }
            if t.is_empty() {
                continue;
            }
            if !self.repo.commit(t).await? {
                // A task changed meanwhile: look again next time.
                pending.insert(iv.id.clone());
                continue;
            }
            tracing::info!(instance = %iv.id, tasks = restored.len(), "tasks connected again");
        }
        Ok(pending)
    }
}
