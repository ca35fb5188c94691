//! Tasks: RunTask, StartTask, StopTask, DescribeTasks, ListTasks.
//!
//! RunTask resolves the task definition, applies overrides, asks the pure
//! planner (`gantry-scheduler`) for placements, then writes the task records
//! and the instances' reservations in ONE transaction and wakes the agents.

use super::desired::{apply_overrides, desired_task, DesiredInput};
use super::pagination::paginate;
use super::EcsService;
use crate::http::RequestContext;
use crate::state::{
    instance_key, instance_prefix, task_key, task_prefix, token_key, ClientTokenRecord,
    InstanceRecord, Reservation, TaskDefRecord, TaskRecord, TaskSummary, TxnBuilder, Versioned,
};
use gantry_api_types::{ecs, ApiError};
use gantry_scheduler as sched;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

/// Parsed inputs shared by RunTask and StartTask.
struct Launch {
    cluster: String,
    td: ecs::TaskDefinition,
    containers: Vec<ecs::ContainerDefinition>,
    overrides: Option<ecs::TaskOverride>,
    group: String,
    started_by: Option<String>,
    tags: Vec<ecs::Tag>,
    cpu: Option<u32>,
    memory: Option<u32>,
    demand: sched::TaskDemand,
    enable_execute_command: bool,
    /// Fargate launch: tasks go to the pool (see `fargate.rs`).
    fargate: bool,
}

/// New tasks and the instance records they change, not yet written: one
/// RunTask's or service launch's (`commit_tasks`), or a batch of queued
/// RunTasks' (`run_queued`), committed by `commit_writes` in one
/// transaction.
#[derive(Default)]
pub(super) struct PendingWrites {
    /// Instance records as the writes leave them, each with the revision it
    /// had in the store (the commit expects that one).
    instances: BTreeMap<String, Versioned<Arc<InstanceRecord>>>,
    /// The new task records (and any extra writes).
    txn: TxnBuilder,
    /// (task ARN, instance id) of each new task, logged once committed.
    placed: Vec<(String, String)>,
    /// The ids of the new tasks on each instance of `instances` (the only
    /// reservations the writes add to it).
    added: BTreeMap<String, Vec<String>>,
    /// The planner's view of the instances in `instances`: the view the
    /// placement that first changed an instance planned over (else computed
    /// at the next placement over it), then kept current reservation by
    /// reservation (`add_tasks`) instead of recomputed from the record.
    views: std::sync::Mutex<HashMap<String, Arc<sched::Instance>>>,
}

/// RunTasks that have been planned under the write lock but not yet
/// committed: the lock holder plans every queued RunTask in turn (each one
/// sees the reservations of those before it through `writes.instances`),
/// then commits them all in one transaction (one fsync, one wake per host)
/// and only then answers them (`EcsService::run_queued`).
#[derive(Default)]
pub(super) struct RunBatch {
    writes: PendingWrites,
    /// Answers to send once the batch is durable.
    pending: Vec<(RunDone, ecs::RunTaskResponse)>,
}

type RunDone = tokio::sync::oneshot::Sender<Result<ecs::RunTaskResponse, ApiError>>;

/// A RunTask waiting for the write lock (see `EcsService::run_queued`).
pub(super) struct QueuedRun {
    req: ecs::RunTaskRequest,
    done: RunDone,
}

/// What planning one RunTask under the lock gave.
enum RunOutcome {
    /// Answered already (nothing to write, or written on its own).
    Done(ecs::RunTaskResponse),
    /// Planned into the batch: answer once the batch is committed.
    Batched(ecs::RunTaskResponse),
}

/// The outcome of planning one launch.
pub(super) struct Placement {
    /// Non-INACTIVE instances considered.
    instance_count: usize,
    by_id: BTreeMap<String, Versioned<Arc<InstanceRecord>>>,
    /// The planner's view of each instance placed on, as of its record in
    /// `by_id` (`add_tasks` keeps it current instead of recomputing it).
    views: HashMap<String, Arc<sched::Instance>>,
    placed: Vec<TaskRecord>,
    failures: Vec<sched::PlacementFailure>,
}

fn parse_units(v: Option<&str>) -> Option<u32> {
    v.and_then(|s| s.trim().parse::<u32>().ok())
}

fn validate_started_by(s: &str) -> Result<(), ApiError> {
    if s.len() > 128
        || !s
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == '/')
    {
        return Err(ApiError::invalid_parameter(
            "startedBy may contain up to 128 letters (uppercase and lowercase), numbers, hyphens (-), forward slashes (/), and underscores (_).",
        ));
    }
    Ok(())
}

fn task_id_of(rec: &TaskRecord) -> &str {
    &rec.id
}

impl EcsService {
    pub(super) fn scheduler_instance(&self, r: &InstanceRecord) -> sched::Instance {
        let (tcp, udp) = r.used_ports();
        let mut counts: BTreeMap<&str, u32> = BTreeMap::new();
        for res in r.reservations.values() {
            *counts.entry(res.group.as_str()).or_default() += 1;
        }
        let groups: BTreeMap<String, u32> = counts
            .into_iter()
            .map(|(g, n)| (g.to_string(), n))
            .collect();
        sched::Instance {
            id: r.id.clone(),
            arn: r
                .instance
                .container_instance_arn
                .clone()
                .unwrap_or_default(),
            active: r.instance.status.as_deref() == Some("ACTIVE"),
            agent_connected: r.instance.agent_connected.unwrap_or(false),
            remaining_cpu: r.remaining_cpu(),
            remaining_memory: r.remaining_memory(),
            used_tcp_ports: tcp,
            used_udp_ports: udp,
            attributes: r
                .instance
                .attributes
                .clone()
                .unwrap_or_default()
                .into_iter()
                .map(|a| (a.name, a.value))
                .collect(),
            ec2_instance_id: r.instance.ec2_instance_id.clone(),
            agent_version: r
                .instance
                .version_info
                .as_ref()
                .and_then(|v| v.agent_version.clone()),
            registered_at: r.instance.registered_at.unwrap_or(0.0),
            running_tasks_count: r.reservations.len() as u32,
            task_groups: groups,
        }
    }

    /// [`EcsService::scheduler_instance`] of each record, reusing the view
    /// computed at the same record revision.
    fn scheduler_instances(
        &self,
        records: &[Versioned<Arc<InstanceRecord>>],
        pending: Option<&PendingWrites>,
    ) -> Vec<Arc<sched::Instance>> {
        let mut cache = self
            .sched_instances
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        // Instances come and go: forget the departed now and then.
        if cache.len() > 2 * records.len() + 64 {
            cache.clear();
        }
        records
            .iter()
            .map(|r| {
                let id = &r.value.id;
                if let Some(p) = pending.filter(|p| p.instances.contains_key(id)) {
                    // Changed by pending writes, still at its stored revision.
                    let mut views = p.views.lock().unwrap_or_else(|e| e.into_inner());
                    let view = views
                        .entry(id.clone())
                        .or_insert_with(|| Arc::new(self.scheduler_instance(&r.value)))
                        .clone();
                    debug_assert_eq!(
                        *view,
                        self.scheduler_instance(&r.value),
                        "the batch's planner view of {id} drifted from its record"
                    );
                    return view;
                }
                match cache.get(id) {
                    Some((rev, inst)) if *rev == r.mod_revision => {
                        // Kept by a committed batch (`commit_writes`) or
                        // computed here at this revision.
                        debug_assert_eq!(
                            **inst,
                            self.scheduler_instance(&r.value),
                            "the cached planner view of {id} differs from its record"
                        );
                        inst.clone()
                    }
                    _ => {
                        let inst = Arc::new(self.scheduler_instance(&r.value));
                        cache.insert(id.clone(), (r.mod_revision, inst.clone()));
                        inst
                    }
                }
            })
            .collect()
    }

    /// Keeps the planner's cached view of an instance current across a
    /// committed report (at `revision`) that released reservations from
    /// the record at `r.from` and changed nothing else the view shows: the
    /// view at `r.from`, less those reservations, is the view at
    /// `revision`, so the next placement need not sum every reservation of
    /// the host again. A released reservation holding ports drops the view
    /// instead (another reservation may name the same port).
    pub(super) fn planner_view_released(&self, r: &super::agent_sync::Released, revision: u64) {
        let mut cache = self
            .sched_instances
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        let Some((rev, view)) = cache.get(&r.instance) else {
            return;
        };
        if *rev != r.from
            || r.reservations
                .iter()
                .any(|x| !x.tcp_ports.is_empty() || !x.udp_ports.is_empty())
        {
            cache.remove(&r.instance);
            return;
        }
        let mut view = sched::Instance::clone(view);
        for x in &r.reservations {
            view.remaining_cpu += x.cpu;
            view.remaining_memory += x.memory;
            view.running_tasks_count = view.running_tasks_count.saturating_sub(1);
            if let Some(n) = view.task_groups.get_mut(&x.group) {
                *n -= 1;
                if *n == 0 {
                    view.task_groups.remove(&x.group);
                }
            }
        }
        cache.insert(r.instance.clone(), (revision, Arc::new(view)));
    }

    /// Resolve a task id or ARN to its record.
    pub(super) async fn find_task(
        &self,
        cluster: &str,
        ident: &str,
    ) -> Result<Option<Versioned<TaskRecord>>, ApiError> {
        let (c, id) = match gantry_model::arn::task_ref(ident) {
            Ok(x) => (x.cluster, x.id),
            Err(_) => return Ok(None),
        };
        let c = c.unwrap_or_else(|| cluster.to_string());
        if c != cluster {
            return Ok(None);
        }
        self.repo.get(&task_key(cluster, &id)).await
    }

    #[allow(clippy::too_many_arguments)] // RunTask and StartTask share these inputs
    async fn prepare_launch(
        &self,
        cluster: Option<&str>,
        task_definition: &str,
        overrides: Option<ecs::TaskOverride>,
        group: Option<String>,
        started_by: Option<String>,
        tags: Option<Vec<ecs::Tag>>,
        enable_execute_command: Option<bool>,
        allow_inactive: bool,
        fargate: bool,
    ) -> Result<Launch, ApiError> {
        let cluster = self.cluster_name(cluster)?;
        self.active_cluster(&cluster).await?;
        let rec: Versioned<TaskDefRecord> = self
            .find_task_definition(task_definition)
            .await?
            .ok_or_else(|| ApiError::client_exception("TaskDefinition not found."))?;
        let td = rec.value.task_definition;
        // A service keeps scaling a revision deregistered after it was chosen.
        if td.status.as_ref().map(|s| s.as_str()) != Some("ACTIVE") && !allow_inactive {
            return Err(ApiError::client_exception("TaskDefinition is inactive"));
        }
        let compat = td.compatibilities.clone().unwrap_or_default();
        let wanted = if fargate { "FARGATE" } else { "EC2" };
        if !compat.iter().any(|c| c.as_str() == wanted) {
            return Err(ApiError::invalid_parameter(format!(
                "Task definition does not support launch_type {wanted}."
            )));
        }
        if let Some(s) = &started_by {
            validate_started_by(s)?;
        }
        let tags = tags.unwrap_or_default();
        gantry_model::names::validate_tags(&tags)?;
        let containers = apply_overrides(
            td.container_definitions.as_deref().unwrap_or_default(),
            overrides.as_ref(),
        )?;
        let cpu = parse_units(
            overrides
                .as_ref()
                .and_then(|o| o.cpu.as_deref())
                .or(td.cpu.as_deref()),
        );
        let memory = parse_units(
            overrides
                .as_ref()
                .and_then(|o| o.memory.as_deref())
                .or(td.memory.as_deref()),
        );
        let demand_cpu = cpu.map(i64::from).unwrap_or_else(|| {
            containers
                .iter()
                .map(|c| i64::from(c.cpu.unwrap_or(0)))
                .sum()
        });
        let demand_mem = memory.map(i64::from).unwrap_or_else(|| {
            containers
                .iter()
                .map(|c| i64::from(c.memory_reservation.or(c.memory).unwrap_or(0)))
                .sum()
        });
        // awsvpc tasks have their own address: their ports are not the host's.
        let host_mode = td.network_mode.as_ref().map(|m| m.as_str()) == Some("host");
        let awsvpc = td.network_mode.as_ref().map(|m| m.as_str()) == Some("awsvpc");
        let mut tcp = vec![];
        let mut udp = vec![];
        for c in &containers {
            for p in c.port_mappings.clone().unwrap_or_default() {
                let hp = match p.host_port {
                    _ if awsvpc => None,
                    Some(h) if h > 0 => Some(h),
                    _ if host_mode => p.container_port,
                    _ => None,
                };
                if let Some(h) = hp.and_then(|h| u16::try_from(h).ok()) {
                    if p.protocol.as_ref().map(|x| x.as_str()) == Some("udp") {
                        udp.push(h);
                    } else {
                        tcp.push(h);
                    }
                }
            }
        }
        let family = td.family.clone().unwrap_or_default();
        let group = group.unwrap_or_else(|| format!("family:{family}"));
        let required_attributes = td
            .requires_attributes
            .clone()
            .unwrap_or_default()
            .into_iter()
            .map(|a| (a.name, a.value))
            .collect();
        Ok(Launch {
            cluster,
            demand: sched::TaskDemand {
                cpu: demand_cpu,
                memory: demand_mem,
                tcp_ports: tcp,
                udp_ports: udp,
                required_attributes,
                group: group.clone(),
            },
            td,
            containers,
            overrides,
            group,
            started_by,
            tags,
            cpu,
            memory,
            enable_execute_command: enable_execute_command.unwrap_or(false),
            fargate,
        })
    }

    /// Build the task record for one placement.
    fn new_task(&self, l: &Launch, instance: &InstanceRecord, now: f64) -> TaskRecord {
        let id = super::new_id();
        let task_arn = self.partition.task_arn(&l.cluster, &id);
        let cluster_arn = self.partition.cluster_arn(&l.cluster);
        let containers = l
            .containers
            .iter()
            .map(|c| ecs::Container {
                container_arn: Some(self.partition.container_arn(
                    &l.cluster,
                    &id,
                    &uuid::Uuid::new_v4().to_string(),
                )),
                task_arn: Some(task_arn.clone()),
                name: c.name.clone(),
                image: c.image.clone(),
                last_status: Some("PENDING".to_string()),
                network_bindings: Some(vec![]),
                network_interfaces: Some(vec![]),
                health_status: c.health_check.as_ref().map(|_| ecs::HealthStatus::Unknown),
                cpu: Some(c.cpu.unwrap_or(0).to_string()),
                memory: c.memory.map(|m| m.to_string()),
                memory_reservation: c.memory_reservation.map(|m| m.to_string()),
                ..Default::default()
            })
            .collect();
        let overrides = ecs::TaskOverride {
            container_overrides: Some(
                l.overrides
                    .as_ref()
                    .and_then(|o| o.container_overrides.clone())
                    .unwrap_or_default(),
            ),
            inference_accelerator_overrides: Some(vec![]),
            ..l.overrides.clone().unwrap_or_default()
        };
        let task = ecs::Task {
            attachments: Some(vec![]),
            attributes: Some(vec![ecs::Attribute {
                name: "ecs.cpu-architecture".to_string(),
                value: Some("x86_64".to_string()),
                target_type: None,
                target_id: None,
            }]),
            availability_zone: instance
                .instance
                .attributes
                .as_ref()
                .and_then(|a| a.iter().find(|x| x.name == "ecs.availability-zone"))
                .and_then(|a| a.value.clone()),
            cluster_arn: Some(cluster_arn.clone()),
            connectivity: None,
            container_instance_arn: instance.instance.container_instance_arn.clone(),
            containers: Some(containers),
            cpu: l
                .cpu
                .map(|c| c.to_string())
                .or_else(|| Some(l.demand.cpu.to_string())),
            memory: l
                .memory
                .map(|m| m.to_string())
                .or_else(|| Some(l.demand.memory.to_string())),
            created_at: Some(now),
            desired_status: Some("RUNNING".to_string()),
            enable_execute_command: Some(l.enable_execute_command),
            group: Some(l.group.clone()),
            health_status: Some(ecs::HealthStatus::Unknown),
            inference_accelerators: Some(vec![]),
            last_status: Some("PROVISIONING".to_string()),
            launch_type: Some(ecs::LaunchType::Ec2),
            overrides: Some(overrides),
            started_by: l.started_by.clone(),
            tags: Some(l.tags.clone()),
            task_arn: Some(task_arn.clone()),
            task_definition_arn: l.td.task_definition_arn.clone(),
            version: Some(1),
            ..Default::default()
        };
        let mut desired = desired_task(DesiredInput {
            task_arn: &task_arn,
            cluster: &l.cluster,
            cluster_arn: &cluster_arn,
            td: &l.td,
            containers: &l.containers,
            cpu: l.cpu,
            memory: l.memory,
        });
        // Roles, overrides first: the credentials are minted per sync
        // (`EcsService::attach_role_credentials`), never stored.
        let ov = task.overrides.as_ref();
        desired.task_role_arn = ov
            .and_then(|o| o.task_role_arn.clone())
            .or_else(|| l.td.task_role_arn.clone());
        desired.execution_role_arn = ov
            .and_then(|o| o.execution_role_arn.clone())
            .or_else(|| l.td.execution_role_arn.clone());
        TaskRecord {
            task,
            cluster: l.cluster.clone(),
            id,
            instance_id: Some(instance.id.clone()),
            desired,
            host_cluster: (instance.cluster != l.cluster).then(|| instance.cluster.clone()),
        }
    }

    fn reservation(l: &Launch) -> Reservation {
        Reservation {
            cpu: l.demand.cpu,
            memory: l.demand.memory,
            tcp_ports: l.demand.tcp_ports.clone(),
            udp_ports: l.demand.udp_ports.clone(),
            group: l.group.clone(),
            cluster: l.fargate.then(|| l.cluster.clone()),
            fargate: l.fargate,
        }
    }

    pub(crate) fn parse_strategies(
        list: &[ecs::PlacementStrategy],
    ) -> Result<Vec<sched::Strategy>, ApiError> {
        list.iter()
            .map(|s| {
                let kind = s.r#type.as_ref().map(|t| t.as_str()).unwrap_or("");
                sched::Strategy::from_wire(kind, s.field.as_deref())
                    .map_err(|e| ApiError::invalid_parameter(e.to_string()))
            })
            .collect()
    }

    pub(crate) fn parse_constraints(
        td: &[ecs::TaskDefinitionPlacementConstraint],
        req: &[ecs::PlacementConstraint],
    ) -> Result<Vec<sched::Constraint>, ApiError> {
        let mut out = vec![];
        for c in td {
            let kind = c.r#type.as_ref().map(|t| t.as_str()).unwrap_or("memberOf");
            out.push(
                sched::Constraint::from_wire(kind, c.expression.as_deref())
                    .map_err(|e| ApiError::invalid_parameter(e.to_string()))?,
            );
        }
        for c in req {
            let kind = c.r#type.as_ref().map(|t| t.as_str()).unwrap_or("");
            out.push(
                sched::Constraint::from_wire(kind, c.expression.as_deref())
                    .map_err(|e| ApiError::invalid_parameter(e.to_string()))?,
            );
        }
        Ok(out)
    }

    /// Commit new tasks with their reservations, wake their hosts, and return
    /// the wire tasks. `views` are planner views of (some of) `instances`
    /// as given.
    async fn commit_tasks<I: std::borrow::Borrow<InstanceRecord>>(
        &self,
        instances: &BTreeMap<String, Versioned<I>>,
        views: &HashMap<String, Arc<sched::Instance>>,
        placed: Vec<TaskRecord>,
        reservation: &Reservation,
        extra: impl FnOnce(&mut TxnBuilder) -> Result<(), ApiError>,
    ) -> Result<Vec<ecs::Task>, ApiError> {
        let mut writes = PendingWrites::default();
        let tasks = Self::add_tasks(&mut writes, instances, views, placed, reservation, extra)?;
        self.commit_writes(writes).await?;
        Ok(tasks)
    }

    /// Adds new tasks, and their reservations to the instances they are
    /// placed on (as `writes` already leaves them, else as in `instances`),
    /// to `writes`; the wire tasks. Nothing is written yet. `views` are
    /// planner views of (some of) `instances` as given: an instance's view
    /// is carried into `writes` and kept current from there.
    fn add_tasks<I: std::borrow::Borrow<InstanceRecord>>(
        writes: &mut PendingWrites,
        instances: &BTreeMap<String, Versioned<I>>,
        base_views: &HashMap<String, Arc<sched::Instance>>,
        placed: Vec<TaskRecord>,
        reservation: &Reservation,
        extra: impl FnOnce(&mut TxnBuilder) -> Result<(), ApiError>,
    ) -> Result<Vec<ecs::Task>, ApiError> {
        // Each instance placed on is copied once, with all its new
        // reservations.
        let mut by_instance: BTreeMap<String, Vec<&str>> = BTreeMap::new();
        for rec in &placed {
            let iid = rec.instance_id.clone().unwrap_or_default();
            by_instance.entry(iid).or_default().push(&rec.id);
            let key = task_key(&rec.cluster, &rec.id);
            writes.txn.expect(&key, 0).put(&key, rec)?;
        }
        let views = writes.views.get_mut().unwrap_or_else(|p| p.into_inner());
        for (iid, ids) in by_instance {
            let v = match writes.instances.entry(iid) {
                std::collections::btree_map::Entry::Occupied(o) => o.into_mut(),
                std::collections::btree_map::Entry::Vacant(vacant) => {
                    let v = instances
                        .get(vacant.key())
                        .expect("placed on a known instance");
                    if let Some(view) = base_views.get(vacant.key()) {
                        views.insert(vacant.key().clone(), view.clone());
                    }
                    vacant.insert(Versioned {
                        value: Arc::new(v.value.borrow().clone()),
                        mod_revision: v.mod_revision,
                    })
                }
            };
            // Copied only if a placement still holds it (the caller drops
            // its copies of the instances the writes already changed).
            let inst = Arc::make_mut(&mut v.value);
            let added = ids.len();
            let new_ids = writes.added.entry(inst.id.clone()).or_default();
            for id in ids {
                inst.reservations
                    .insert(id.to_string(), reservation.clone());
                new_ids.push(id.to_string());
            }
            inst.generation += 1;
            if let Some(view) = views.get_mut(&inst.id) {
                // What `scheduler_instance` of the new record would give
                // (copied once per batch when the view is shared).
                let view = Arc::make_mut(view);
                let n = added as i64;
                view.remaining_cpu -= reservation.cpu * n;
                view.remaining_memory -= reservation.memory * n;
                view.used_tcp_ports
                    .extend(reservation.tcp_ports.iter().copied());
                view.used_udp_ports
                    .extend(reservation.udp_ports.iter().copied());
                view.running_tasks_count += added as u32;
                *view
                    .task_groups
                    .entry(reservation.group.clone())
                    .or_default() += added as u32;
            }
        }
        extra(&mut writes.txn)?;
        Ok(placed
            .into_iter()
            .map(|r| {
                writes.placed.push((
                    r.task.task_arn.clone().unwrap_or_default(),
                    r.instance_id.clone().unwrap_or_default(),
                ));
                r.task
            })
            .collect())
    }

    /// Commits `writes` in one transaction, then wakes the hosts placed on.
    async fn commit_writes(&self, writes: PendingWrites) -> Result<(), ApiError> {
        let PendingWrites {
            instances,
            mut txn,
            placed,
            views,
            added,
        } = writes;
        for (iid, inst) in &instances {
            let key = instance_key(&inst.value.cluster, iid);
            let new_ids = added.get(iid).map(Vec::as_slice).unwrap_or_default();
            txn.expect(&key, inst.mod_revision)
                .put_instance_adding(&inst.value, new_ids.iter().map(String::as_str))?;
        }
        let Some(revision) = self.repo.commit_at(txn).await? else {
            return Err(ApiError::server("Concurrent modification; retry."));
        };
        // The planner's views kept current through the batch (one per
        // instance the batch changed) are those of the committed records:
        // the next placement starts from them instead of summing every
        // reservation of the host again.
        let views = views.into_inner().unwrap_or_else(|p| p.into_inner());
        if !views.is_empty() {
            let mut cache = self
                .sched_instances
                .lock()
                .unwrap_or_else(|p| p.into_inner());
            for (iid, view) in views {
                cache.insert(iid, (revision, view));
            }
        }
        for iid in instances.keys() {
            self.hosts.wake(iid);
        }
        for (task, instance) in &placed {
            tracing::info!(%task, %instance, "task placed");
        }
        Ok(())
    }

    /// Plan `count` placements of a prepared launch over the cluster's
    /// instances (RunTask and the service scheduler share this path).
    async fn place(
        &self,
        l: &Launch,
        count: usize,
        strategies: Vec<sched::Strategy>,
        constraints: &[ecs::PlacementConstraint],
    ) -> Result<Placement, ApiError> {
        self.place_in(l, count, strategies, constraints, None).await
    }

    /// [`EcsService::place`] over the instances as `pending` leaves them.
    async fn place_in(
        &self,
        l: &Launch,
        count: usize,
        strategies: Vec<sched::Strategy>,
        constraints: &[ecs::PlacementConstraint],
        pending: Option<&PendingWrites>,
    ) -> Result<Placement, ApiError> {
        let constraints = Self::parse_constraints(
            l.td.placement_constraints.as_deref().unwrap_or_default(),
            constraints,
        )?;
        // Shared records: only the instances placed on are copied (at commit).
        let records: Vec<Versioned<Arc<InstanceRecord>>> = self
            .repo
            .list_instances(&instance_prefix(&l.cluster))
            .await?;
        let records: Vec<Versioned<Arc<InstanceRecord>>> = records
            .into_iter()
            .map(
                |r| match pending.and_then(|p| p.instances.get(&r.value.id)) {
                    Some(pending) => pending.clone(),
                    None => r,
                },
            )
            .filter(|r| r.value.instance.status.as_deref() != Some("INACTIVE"))
            .collect();
        if records.is_empty() {
            return Ok(Placement {
                instance_count: 0,
                by_id: BTreeMap::new(),
                views: HashMap::new(),
                placed: vec![],
                failures: vec![],
            });
        }
        let sched_instances = self.scheduler_instances(&records, pending);
        let seed = u64::from_str_radix(&super::new_id()[..16], 16).unwrap_or(0);
        let plan = sched::plan(
            &sched_instances,
            &sched::PlacementRequest {
                demand: l.demand.clone(),
                count,
                strategies,
                constraints,
                seed,
            },
        )
        .map_err(|e| ApiError::invalid_parameter(e.to_string()))?;
        let instance_count = records.len();
        // A view's ARN is its record's (`scheduler_instance`).
        let by_arn: HashMap<&str, usize> = sched_instances
            .iter()
            .enumerate()
            .map(|(i, v)| (v.arn.as_str(), i))
            .collect();
        let now = self.now();
        let mut placed = vec![];
        let mut views = HashMap::new();
        for arn in &plan.placements {
            let i = *by_arn
                .get(arn.as_str())
                .ok_or_else(|| ApiError::server("planner returned an unknown instance"))?;
            let r = &records[i].value;
            placed.push(self.new_task(l, r, now));
            views
                .entry(r.id.clone())
                .or_insert_with(|| sched_instances[i].clone());
        }
        let by_id: BTreeMap<String, Versioned<Arc<InstanceRecord>>> = records
            .into_iter()
            .map(|r| (r.value.id.clone(), r))
            .collect();
        Ok(Placement {
            instance_count,
            by_id,
            views,
            placed,
            failures: plan.failures,
        })
    }

    /// The checked subnets of an awsvpc launch (empty for other modes).
    fn awsvpc_subnets(
        &self,
        l: &Launch,
        net: Option<&ecs::NetworkConfiguration>,
    ) -> Result<Vec<(String, super::ipam::Cidr)>, ApiError> {
        if l.td.network_mode.as_ref().map(|m| m.as_str()) == Some("awsvpc") {
            super::fargate::launch_subnets(net, &self.fargate.subnets)
        } else if net.is_some_and(|n| n.awsvpc_configuration.is_some()) {
            Err(ApiError::invalid_parameter(
                "Network Configuration is not valid for the given networkMode of this task definition.",
            ))
        } else {
            Ok(vec![])
        }
    }

    /// Give awsvpc tasks their addresses and ENI attachments; a task whose
    /// subnets are full is not launched (a failure instead).
    async fn give_addresses(
        &self,
        placed: Vec<TaskRecord>,
        subnets: &[(String, super::ipam::Cidr)],
    ) -> Result<
        (
            Vec<TaskRecord>,
            Vec<super::ipam::LeaseWrite>,
            Vec<sched::PlacementFailure>,
        ),
        ApiError,
    > {
        if subnets.is_empty() {
            return Ok((placed, vec![], vec![]));
        }
        let leases = self.allocate_leases(subnets, &placed).await?;
        let mut out = vec![];
        let mut writes = vec![];
        let mut failures = vec![];
        for (mut rec, lease) in placed.into_iter().zip(leases) {
            match lease {
                Some((sid, cidr, w)) => {
                    super::fargate::attach_eni(&mut rec, &sid, &cidr, &w);
                    writes.push(w);
                    out.push(rec);
                }
                None => failures.push(sched::PlacementFailure {
                    arn: String::new(),
                    reason: "RESOURCE:ENI".to_string(),
                    detail: Some("The subnets have no free IP address.".to_string()),
                }),
            }
        }
        Ok((out, writes, failures))
    }

    /// Plan Fargate tasks (one per entry of `providers`: the capacity
    /// provider, empty for launch type FARGATE) over the pool hosts.
    async fn place_fargate(&self, l: &Launch, providers: &[String]) -> Result<Placement, ApiError> {
        let hosts = self.fargate_hosts().await?;
        let no_capacity = |n: usize| {
            (0..n)
                .map(|_| sched::PlacementFailure {
                    arn: String::new(),
                    reason: super::fargate::NO_CAPACITY.to_string(),
                    detail: None,
                })
                .collect::<Vec<_>>()
        };
        if hosts.is_empty() || providers.is_empty() {
            return Ok(Placement {
                instance_count: hosts.len(),
                by_id: BTreeMap::new(),
                views: HashMap::new(),
                placed: vec![],
                failures: no_capacity(providers.len()),
            });
        }
        let plan = self.fargate_plan(&hosts, &l.demand, providers.len())?;
        let by_id: BTreeMap<String, Versioned<Arc<InstanceRecord>>> =
            hosts.into_iter().map(|r| (r.value.id.clone(), r)).collect();
        let by_arn: BTreeMap<String, String> = by_id
            .values()
            .map(|r| {
                (
                    r.value
                        .instance
                        .container_instance_arn
                        .clone()
                        .unwrap_or_default(),
                    r.value.id.clone(),
                )
            })
            .collect();
        let now = self.now();
        let mut placed = vec![];
        for (arn, provider) in plan.placements.iter().zip(providers) {
            let iid = by_arn
                .get(arn)
                .ok_or_else(|| ApiError::server("planner returned an unknown instance"))?;
            let host = &by_id[iid].value;
            let mut rec = self.new_task(l, host, now);
            let t = &mut rec.task;
            t.launch_type = Some(ecs::LaunchType::Fargate);
            t.capacity_provider_name = (!provider.is_empty()).then(|| provider.clone());
            t.platform_version = Some(super::fargate::PLATFORM_VERSION.to_string());
            t.platform_family = Some(super::fargate::PLATFORM_FAMILY.to_string());
            t.container_instance_arn = None;
            t.availability_zone = Some(super::fargate::availability_zone(
                host,
                &self.partition.region,
            ));
            t.ephemeral_storage = Some(ecs::EphemeralStorage {
                size_in_gi_b: l
                    .td
                    .ephemeral_storage
                    .as_ref()
                    .map(|e| e.size_in_gi_b)
                    .unwrap_or(20),
            });
            rec.desired.launch_type = Some("FARGATE".to_string());
            rec.desired.capacity_provider_name = Some(if provider.is_empty() {
                super::fargate::FARGATE.to_string()
            } else {
                provider.clone()
            });
            placed.push(rec);
        }
        let missing = providers.len().saturating_sub(placed.len());
        Ok(Placement {
            instance_count: by_id.len(),
            by_id,
            views: HashMap::new(),
            placed,
            failures: no_capacity(missing),
        })
    }

    /// Launch `count` tasks of a service deployment: resolve the task
    /// definition, place with the service's strategies and constraints, and
    /// commit. Returns the started tasks and the placement failures (an
    /// empty cluster is one failure with reason `MISSING`).
    #[allow(clippy::too_many_arguments)] // the service's launch inputs
    pub(crate) async fn launch_service_tasks(
        &self,
        cluster: &str,
        task_definition: &str,
        count: usize,
        group: String,
        started_by: String,
        tags: Vec<ecs::Tag>,
        strategies: Vec<sched::Strategy>,
        constraints: &[ecs::PlacementConstraint],
        enable_execute_command: bool,
    ) -> Result<(Vec<ecs::Task>, Vec<sched::PlacementFailure>), ApiError> {
        let (choice, net) = self.service_launch_choice(cluster, &group).await?;
        let l = self
            .prepare_service_launch(
                cluster,
                task_definition,
                group,
                started_by,
                tags,
                enable_execute_command,
                choice.is_fargate(),
            )
            .await?;
        let subnets = self.awsvpc_subnets(&l, net.as_ref())?;
        if choice.is_fargate() {
            let providers = match &choice {
                super::fargate::LaunchChoice::Strategy(s) => {
                    let existing = self.provider_counts(cluster, &l.group).await?;
                    super::fargate::pick_providers(s, &existing, count)
                }
                _ => vec![String::new(); count],
            };
            let p = self.place_fargate(&l, &providers).await?;
            let (placed, leases, ip_failures) = self.give_addresses(p.placed, &subnets).await?;
            let failures = p.failures.into_iter().chain(ip_failures).collect();
            let tasks = if placed.is_empty() {
                vec![]
            } else {
                self.commit_tasks(&p.by_id, &p.views, placed, &Self::reservation(&l), |t| {
                    for w in &leases {
                        t.expect(&w.key, w.expect_rev).put(&w.key, &w.lease)?;
                    }
                    Ok(())
                })
                .await?
            };
            return Ok((tasks, failures));
        }
        let mut p = self.place(&l, count, strategies, constraints).await?;
        let (placed, leases, ip_failures) = self.give_addresses(p.placed, &subnets).await?;
        p.placed = placed;
        p.failures.extend(ip_failures);
        if p.instance_count == 0 {
            return Ok((
                vec![],
                vec![sched::PlacementFailure {
                    arn: String::new(),
                    reason: "MISSING".to_string(),
                    detail: Some("No Container Instances were found in your cluster.".into()),
                }],
            ));
        }
        let tasks = if p.placed.is_empty() {
            vec![]
        } else {
            self.commit_tasks(&p.by_id, &p.views, p.placed, &Self::reservation(&l), |t| {
                for w in &leases {
                    t.expect(&w.key, w.expect_rev).put(&w.key, &w.lease)?;
                }
                Ok(())
            })
            .await?
        };
        Ok((tasks, p.failures))
    }

    /// How a service's tasks launch (its launch type or capacity provider
    /// strategy) and its network configuration; `group` is `service:{name}`.
    async fn service_launch_choice(
        &self,
        cluster: &str,
        group: &str,
    ) -> Result<
        (
            super::fargate::LaunchChoice,
            Option<ecs::NetworkConfiguration>,
        ),
        ApiError,
    > {
        use super::fargate::LaunchChoice;
        let Some(name) = group.strip_prefix("service:") else {
            return Ok((LaunchChoice::Ec2, None));
        };
        let rec: Option<Versioned<super::services::ServiceRecord>> = self
            .repo
            .get(&crate::state::service_key(cluster, name))
            .await?;
        let Some(rec) = rec else {
            return Ok((LaunchChoice::Ec2, None));
        };
        let svc = rec.value.service;
        let choice = match (&svc.launch_type, &svc.capacity_provider_strategy) {
            (_, Some(s)) if !s.is_empty() => LaunchChoice::Strategy(s.clone()),
            (Some(ecs::LaunchType::Fargate), _) => LaunchChoice::FargateLaunchType,
            _ => LaunchChoice::Ec2,
        };
        Ok((choice, svc.network_configuration))
    }

    /// How many live tasks of `group` each capacity provider runs.
    async fn provider_counts(
        &self,
        cluster: &str,
        group: &str,
    ) -> Result<BTreeMap<String, u32>, ApiError> {
        let all: Vec<Versioned<TaskRecord>> = self.repo.list(&task_prefix(cluster)).await?;
        let mut out = BTreeMap::new();
        for r in all {
            let t = &r.value.task;
            if t.group.as_deref() != Some(group) || t.desired_status.as_deref() != Some("RUNNING") {
                continue;
            }
            if let Some(p) = &t.capacity_provider_name {
                *out.entry(p.clone()).or_insert(0) += 1;
            }
        }
        Ok(out)
    }

    /// DAEMON services: the ids of the cluster's instances a task of
    /// `task_definition` can be placed on (ACTIVE, agent connected,
    /// constraints, attributes and resources), each considered alone.
    /// A launch for service tasks: no overrides, the service's group,
    /// deployment id as `startedBy`, and its tags.
    #[allow(clippy::too_many_arguments)] // the service's launch inputs
    async fn prepare_service_launch(
        &self,
        cluster: &str,
        task_definition: &str,
        group: String,
        started_by: String,
        tags: Vec<ecs::Tag>,
        enable_execute_command: bool,
        fargate: bool,
    ) -> Result<Launch, ApiError> {
        self.prepare_launch(
            Some(cluster),
            task_definition,
            None,
            Some(group),
            Some(started_by),
            Some(tags),
            Some(enable_execute_command),
            true,
            fargate,
        )
        .await
    }

    pub(crate) async fn daemon_candidates(
        &self,
        cluster: &str,
        task_definition: &str,
        constraints: &[ecs::PlacementConstraint],
    ) -> Result<std::collections::BTreeSet<String>, ApiError> {
        let l = self
            .prepare_launch(
                Some(cluster),
                task_definition,
                None,
                None,
                None,
                None,
                None,
                true,
                false,
            )
            .await?;
        let constraints = Self::parse_constraints(
            l.td.placement_constraints.as_deref().unwrap_or_default(),
            constraints,
        )?;
        let records: Vec<Versioned<Arc<InstanceRecord>>> = self
            .repo
            .list_instances(&instance_prefix(&l.cluster))
            .await?;
        let mut out = std::collections::BTreeSet::new();
        for r in records {
            let plan = sched::plan(
                &[self.scheduler_instance(&r.value)],
                &sched::PlacementRequest {
                    demand: l.demand.clone(),
                    count: 1,
                    strategies: vec![],
                    constraints: constraints.clone(),
                    seed: 0,
                },
            )
            .map_err(|e| ApiError::invalid_parameter(e.to_string()))?;
            if !plan.placements.is_empty() {
                out.insert(r.value.id.clone());
            }
        }
        Ok(out)
    }

    /// DAEMON services: start one task on each of `instance_ids`.
    #[allow(clippy::too_many_arguments)] // the service's launch inputs
    pub(crate) async fn launch_on_instances(
        &self,
        cluster: &str,
        task_definition: &str,
        instance_ids: &[String],
        group: String,
        started_by: String,
        tags: Vec<ecs::Tag>,
        enable_execute_command: bool,
    ) -> Result<Vec<ecs::Task>, ApiError> {
        let l = self
            .prepare_service_launch(
                cluster,
                task_definition,
                group,
                started_by,
                tags,
                enable_execute_command,
                false,
            )
            .await?;
        let mut by_id: BTreeMap<String, Versioned<Arc<InstanceRecord>>> = BTreeMap::new();
        let mut placed = vec![];
        let now = self.now();
        for iid in instance_ids {
            let rec = self
                .repo
                .get_instance(&instance_key(&l.cluster, iid))
                .await?;
            let Some(rec) = rec else { continue };
            placed.push(self.new_task(&l, &rec.value, now));
            by_id.insert(iid.clone(), rec);
        }
        if placed.is_empty() {
            return Ok(vec![]);
        }
        self.commit_unplanned(&by_id, placed, &l).await
    }

    /// [`EcsService::commit_tasks`] of tasks placed without the planner
    /// (no views to carry) and with no other writes: DAEMON launches and
    /// StartTask.
    async fn commit_unplanned<I: std::borrow::Borrow<InstanceRecord>>(
        &self,
        instances: &BTreeMap<String, Versioned<I>>,
        placed: Vec<TaskRecord>,
        l: &Launch,
    ) -> Result<Vec<ecs::Task>, ApiError> {
        self.commit_tasks(
            instances,
            &HashMap::new(),
            placed,
            &Self::reservation(l),
            |_| Ok(()),
        )
        .await
    }

    pub(super) async fn run_task(
        &self,
        _ctx: &RequestContext,
        req: ecs::RunTaskRequest,
    ) -> Result<ecs::RunTaskResponse, ApiError> {
        let count = req.count.unwrap_or(1);
        if !(1..=10).contains(&count) {
            return Err(ApiError::invalid_parameter(
                "count must be between 1 and 10.",
            ));
        }
        if req.launch_type.is_some()
            && req
                .capacity_provider_strategy
                .as_ref()
                .is_some_and(|s| !s.is_empty())
        {
            return Err(ApiError::invalid_parameter(
                "Specify either Launch Type or Capacity Provider Strategy, but not both.",
            ));
        }
        if let Some(p) = &req.propagate_tags {
            if p.as_str() == "SERVICE" {
                return Err(ApiError::invalid_parameter(
                    "The propagateTags value SERVICE is only valid for tasks started by a service.",
                ));
            }
        }
        if let Some(tok) = &req.client_token {
            if tok.is_empty() || tok.len() > 64 || !tok.bytes().all(|b| (33..=126).contains(&b)) {
                return Err(ApiError::invalid_parameter(
                    "clientToken must be 1-64 printable ASCII characters.",
                ));
            }
        }
        let strategies =
            Self::parse_strategies(req.placement_strategy.as_deref().unwrap_or_default())?;
        if strategies.len() > 5 {
            return Err(ApiError::invalid_parameter(
                "A task can have at most 5 placement strategies.",
            ));
        }
        let (done, result) = tokio::sync::oneshot::channel();
        self.runs
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .push(QueuedRun { req, done });
        self.answered_under_lock(result, || self.run_queued(), "RunTask")
            .await
    }

    /// Runs the queued RunTasks (`EcsService::runs`); call under the write
    /// lock. Each is planned in turn over the instances as the ones before
    /// it left them; those that only add tasks and reservations are
    /// committed together in one transaction and answered after it. A
    /// RunTask with a client token, a Fargate launch or awsvpc addresses
    /// commits on its own, after what is batched before it.
    async fn run_queued(&self) {
        let queue = std::mem::take(&mut *self.runs.lock().unwrap_or_else(|p| p.into_inner()));
        let mut batch = RunBatch::default();
        for job in queue {
            match self.run_task_locked(job.req, &mut batch).await {
                Ok(RunOutcome::Batched(r)) => batch.pending.push((job.done, r)),
                Ok(RunOutcome::Done(r)) => {
                    let _ = job.done.send(Ok(r));
                }
                Err(e) => {
                    let _ = job.done.send(Err(e));
                }
            }
        }
        self.flush_runs(&mut batch).await;
    }

    /// Commits what `batch` holds (`commit_writes`) and answers its
    /// RunTasks (all with the error if the commit fails).
    async fn flush_runs(&self, batch: &mut RunBatch) {
        let RunBatch { writes, pending } = std::mem::take(batch);
        if pending.is_empty() {
            return;
        }
        let result = self.commit_writes(writes).await;
        for (done, response) in pending {
            let _ = done.send(result.clone().map(|()| response));
        }
    }

    /// The body of RunTask under the write lock (see `run_queued`).
    async fn run_task_locked(
        &self,
        req: ecs::RunTaskRequest,
        batch: &mut RunBatch,
    ) -> Result<RunOutcome, ApiError> {
        let count = req.count.unwrap_or(1);
        let strategies =
            Self::parse_strategies(req.placement_strategy.as_deref().unwrap_or_default())?;
        let cluster = self.cluster_name(req.cluster.as_deref())?;
        // A RunTask with a client token reads and writes its token record,
        // one with addresses its leases: those commit on their own, after
        // the batch so far (whose writes they then see in the store).
        let mut alone = req.client_token.is_some();
        if alone {
            self.flush_runs(batch).await;
        }
        // Idempotency: the same token with the same request returns the same tasks.
        // (Only a RunTask with a client token compares or keeps it.)
        let canonical = if req.client_token.is_some() {
            let mut r = req.clone();
            r.client_token = None;
            serde_json::to_string(&r).unwrap_or_default()
        } else {
            String::new()
        };
        if let Some(tok) = &req.client_token {
            self.active_cluster(&cluster).await?;
            let prev: Option<Versioned<ClientTokenRecord>> =
                self.repo.get(&token_key(&cluster, tok)).await?;
            if let Some(p) = prev {
                if p.value.request != canonical {
                    return Err(ApiError::client(
                        "ConflictException",
                        "The specified client token has already been used in another request with different parameters.",
                    )
                    .with_extra("resourceIds", serde_json::json!(p.value.task_arns)));
                }
                let mut tasks = vec![];
                for arn in &p.value.task_arns {
                    if let Some(t) = self.find_task(&cluster, arn).await? {
                        tasks.push(t.value.task);
                    }
                }
                return Ok(RunOutcome::Done(ecs::RunTaskResponse {
                    tasks: Some(tasks),
                    failures: Some(p.value.failures),
                }));
            }
        }
        let cluster_rec = self.active_cluster(&cluster).await?;
        let choice = super::fargate::resolve_launch(
            req.launch_type.as_ref(),
            req.capacity_provider_strategy.as_deref(),
            &cluster_rec.value.cluster,
        )?;
        if choice.is_fargate() {
            if let Some(v) = req.platform_version.as_deref() {
                if v != "LATEST" && v != super::fargate::PLATFORM_VERSION {
                    return Err(ApiError::invalid_parameter(format!(
                        "The specified platform version ({v}) does not exist. Gantry runs Fargate platform version {}.",
                        super::fargate::PLATFORM_VERSION
                    )));
                }
            }
            if req
                .placement_constraints
                .as_ref()
                .is_some_and(|c| !c.is_empty())
            {
                return Err(ApiError::invalid_parameter(
                    "Placement constraints are not supported with FARGATE launch type.",
                ));
            }
            if !strategies.is_empty() {
                return Err(ApiError::invalid_parameter(
                    "Placement strategies are not supported with FARGATE launch type.",
                ));
            }
        }
        let l = self
            .prepare_launch(
                req.cluster.as_deref(),
                &req.task_definition,
                req.overrides.clone(),
                req.group.clone(),
                req.started_by.clone(),
                req.tags.clone(),
                req.enable_execute_command,
                false,
                choice.is_fargate(),
            )
            .await?;
        self.check_task_role(&l.td, l.overrides.as_ref()).await?;
        let subnets = self.awsvpc_subnets(&l, req.network_configuration.as_ref())?;
        if !alone && (choice.is_fargate() || !subnets.is_empty()) {
            alone = true;
            self.flush_runs(batch).await;
        }
        let Placement {
            instance_count,
            by_id,
            views,
            placed,
            failures,
        } = if choice.is_fargate() {
            let providers = match &choice {
                super::fargate::LaunchChoice::Strategy(s) => {
                    super::fargate::pick_providers(s, &BTreeMap::new(), count as usize)
                }
                _ => vec![String::new(); count as usize],
            };
            self.place_fargate(&l, &providers).await?
        } else {
            self.place_in(
                &l,
                count as usize,
                strategies,
                req.placement_constraints.as_deref().unwrap_or_default(),
                (!alone).then_some(&batch.writes),
            )
            .await?
        };
        let (placed, leases, ip_failures) = self.give_addresses(placed, &subnets).await?;
        let failures: Vec<sched::PlacementFailure> =
            failures.into_iter().chain(ip_failures).collect();
        if instance_count == 0 && !choice.is_fargate() {
            return Err(ApiError::invalid_parameter(
                "No Container Instances were found in your cluster.",
            ));
        }
        let failures: Vec<ecs::Failure> = failures
            .into_iter()
            .map(|f| ecs::Failure {
                arn: if f.arn.is_empty() { None } else { Some(f.arn) },
                reason: Some(f.reason),
                detail: f.detail,
            })
            .collect();
        let reservation = Self::reservation(&l);
        let token_rec = req.client_token.as_ref().map(|tok| {
            (
                token_key(&l.cluster, tok),
                ClientTokenRecord {
                    request: canonical.clone(),
                    task_arns: placed
                        .iter()
                        .filter_map(|p| p.task.task_arn.clone())
                        .collect(),
                    failures: failures.clone(),
                },
            )
        });
        if placed.is_empty() {
            return Ok(RunOutcome::Done(ecs::RunTaskResponse {
                tasks: Some(vec![]),
                failures: Some(failures),
            }));
        }
        let extra = |t: &mut TxnBuilder| {
            if let Some((k, rec)) = &token_rec {
                t.expect(k, 0).put(k, rec)?;
            }
            for w in &leases {
                t.expect(&w.key, w.expect_rev).put(&w.key, &w.lease)?;
            }
            Ok(())
        };
        let tasks = if alone {
            self.commit_tasks(&by_id, &views, placed, &reservation, extra)
                .await?
        } else {
            // The batch's records of the instances it already changed are
            // the ones to add to: drop the placement's copies, so that they
            // are changed in place rather than copied.
            let mut by_id = by_id;
            by_id.retain(|id, _| !batch.writes.instances.contains_key(id));
            Self::add_tasks(
                &mut batch.writes,
                &by_id,
                &views,
                placed,
                &reservation,
                extra,
            )?
        };
        let response = ecs::RunTaskResponse {
            tasks: Some(tasks),
            failures: Some(failures),
        };
        Ok(if alone {
            RunOutcome::Done(response)
        } else {
            RunOutcome::Batched(response)
        })
    }

    pub(super) async fn start_task(
        &self,
        _ctx: &RequestContext,
        req: ecs::StartTaskRequest,
    ) -> Result<ecs::StartTaskResponse, ApiError> {
        if req.container_instances.is_empty() || req.container_instances.len() > 10 {
            return Err(ApiError::invalid_parameter(
                "containerInstances must contain between 1 and 10 items.",
            ));
        }
        let _g = self.write.lock().await;
        let l = self
            .prepare_launch(
                req.cluster.as_deref(),
                &req.task_definition,
                req.overrides.clone(),
                req.group.clone(),
                req.started_by.clone(),
                req.tags.clone(),
                req.enable_execute_command,
                false,
                false,
            )
            .await?;
        self.check_task_role(&l.td, l.overrides.as_ref()).await?;
        let mut failures = vec![];
        let mut by_id: BTreeMap<String, Versioned<InstanceRecord>> = BTreeMap::new();
        let mut placed = vec![];
        let now = self.now();
        for ident in &req.container_instances {
            let rec = match self.find_instance(&l.cluster, ident).await? {
                Some(r) if r.value.instance.status.as_deref() != Some("INACTIVE") => r,
                _ => {
                    failures.push(ecs::Failure {
                        arn: Some(ident.clone()),
                        reason: Some("MISSING".into()),
                        detail: None,
                    });
                    continue;
                }
            };
            // Earlier placements of this same call count against the instance.
            let mut current = by_id
                .get(&rec.value.id)
                .map(|v| v.value.clone())
                .unwrap_or_else(|| rec.value.clone());
            for p in placed
                .iter()
                .filter(|p: &&TaskRecord| p.instance_id.as_deref() == Some(rec.value.id.as_str()))
            {
                current
                    .reservations
                    .insert(task_id_of(p).to_string(), Self::reservation(&l));
            }
            let plan = sched::plan(
                &[self.scheduler_instance(&current)],
                &sched::PlacementRequest {
                    demand: l.demand.clone(),
                    count: 1,
                    strategies: vec![],
                    constraints: vec![],
                    seed: 0,
                },
            )
            .map_err(|e| ApiError::invalid_parameter(e.to_string()))?;
            if plan.placements.is_empty() {
                for f in plan.failures {
                    failures.push(ecs::Failure {
                        arn: Some(if f.arn.is_empty() {
                            ident.clone()
                        } else {
                            f.arn
                        }),
                        reason: Some(f.reason),
                        detail: f.detail,
                    });
                }
                continue;
            }
            placed.push(self.new_task(&l, &rec.value, now));
            by_id.entry(rec.value.id.clone()).or_insert(rec);
        }
        let tasks = if placed.is_empty() {
            vec![]
        } else {
            self.commit_unplanned(&by_id, placed, &l).await?
        };
        Ok(ecs::StartTaskResponse {
            tasks: Some(tasks),
            failures: Some(failures),
        })
    }

    /// Ask a task to stop (desiredStatus STOPPED) with a stop code and reason.
    pub(crate) async fn request_stop(
        &self,
        rec: Versioned<TaskRecord>,
        stop_code: ecs::TaskStopCode,
        reason: String,
    ) -> Result<ecs::Task, ApiError> {
        let mut v = rec.value.clone();
        if v.task.desired_status.as_deref() == Some("STOPPED")
            || v.task.last_status.as_deref() == Some("STOPPED")
        {
            return Ok(v.task);
        }
        let now = self.now();
        v.task.desired_status = Some("STOPPED".to_string());
        v.task.stopping_at = Some(now);
        v.task.stop_code = Some(stop_code);
        v.task.stopped_reason = Some(reason.clone());
        v.task.version = Some(v.task.version.unwrap_or(0) + 1);
        v.desired.desired_status = gantry_agent_api::DesiredStatus::Stopped;
        v.desired.stop_reason = Some(reason);
        let key = task_key(&v.cluster, &v.id);
        let mut t = TxnBuilder::new();
        t.expect(&key, rec.mod_revision).put(&key, &v)?;
        let mut wake = None;
        if let Some(iid) = &v.instance_id {
            let ikey = instance_key(v.host_cluster.as_deref().unwrap_or(&v.cluster), iid);
            if let Some(inst) = self.repo.get_instance(&ikey).await? {
                let mut iv = (*inst.value).clone();
                iv.generation += 1;
                // Only the generation moves (the reservation goes when
                // the task is STOPPED).
                t.expect(&ikey, inst.mod_revision)
                    .put_instance_adding(&Arc::new(iv), [])?;
                wake = Some(iid.clone());
            }
        }
        if !self.repo.commit(t).await? {
            return Err(ApiError::server("Concurrent modification; retry."));
        }
        if let Some(iid) = wake {
            self.hosts.wake(&iid);
        }
        tracing::info!(task = %v.task.task_arn.as_deref().unwrap_or(""), "task stop requested");
        Ok(v.task)
    }

    pub(super) async fn stop_task(
        &self,
        _ctx: &RequestContext,
        req: ecs::StopTaskRequest,
    ) -> Result<ecs::StopTaskResponse, ApiError> {
        let cluster = self.cluster_name(req.cluster.as_deref())?;
        if let Some(r) = &req.reason {
            if r.len() > 1024 {
                return Err(ApiError::invalid_parameter(
                    "reason can be at most 1024 characters.",
                ));
            }
        }
        let _g = self.write.lock().await;
        self.active_cluster(&cluster).await?;
        let rec = self
            .find_task(&cluster, &req.task)
            .await?
            .ok_or_else(|| ApiError::invalid_parameter("The referenced task was not found."))?;
        let reason = req
            .reason
            .clone()
            .unwrap_or_else(|| "Task stopped by user".to_string());
        let task = self
            .request_stop(rec, ecs::TaskStopCode::UserInitiated, reason)
            .await?;
        Ok(ecs::StopTaskResponse { task: Some(task) })
    }

    pub(super) async fn describe_tasks(
        &self,
        _ctx: &RequestContext,
        req: ecs::DescribeTasksRequest,
    ) -> Result<DescribeTasksOut, ApiError> {
        let cluster = self.cluster_name(req.cluster.as_deref())?;
        self.active_cluster(&cluster).await?;
        if req.tasks.is_empty() || req.tasks.len() > 100 {
            return Err(ApiError::invalid_parameter(
                "tasks must contain between 1 and 100 items.",
            ));
        }
        let with_tags = req
            .include
            .unwrap_or_default()
            .iter()
            .any(|i| i.as_str() == "TAGS");
        let mut tasks = vec![];
        let mut failures = vec![];
        // Every task read at one point (one mirror catch-up, not one per task).
        let keys: Vec<Option<String>> = req
            .tasks
            .iter()
            .map(|ident| {
                let r = gantry_model::arn::task_ref(ident).ok()?;
                match r.cluster {
                    Some(c) if c != cluster => None,
                    _ => Some(task_key(&cluster, &r.id)),
                }
            })
            .collect();
        let wanted: Vec<String> = keys.iter().flatten().cloned().collect();
        let mut found: std::vec::IntoIter<Option<TaskOut>> = if with_tags {
            // Served as stored (no copy).
            self.repo
                .get_shared_many::<TaskRecord>(&wanted)
                .await?
                .into_iter()
                .map(|r| r.map(|r| TaskOut::Tagged(r.value)))
                .collect::<Vec<_>>()
                .into_iter()
        } else {
            // Without its tags, as serialised once per stored record.
            self.repo
                .get_derived_many::<TaskRecord, TaskJson>(&wanted, TaskJson::of)
                .await?
                .into_iter()
                .map(|j| j.map(TaskOut::Untagged))
                .collect::<Vec<_>>()
                .into_iter()
        };
        for (ident, key) in req.tasks.iter().zip(&keys) {
            let rec = match key {
                Some(_) => found.next().flatten(),
                None => None,
            };
            match rec {
                Some(t) => tasks.push(t),
                None => failures.push(ecs::Failure {
                    arn: Some(if ident.starts_with("arn:") {
                        ident.clone()
                    } else {
                        self.partition.task_arn(&cluster, ident)
                    }),
                    reason: Some("MISSING".into()),
                    detail: None,
                }),
            }
        }
        Ok(DescribeTasksOut { tasks, failures })
    }

    pub(super) async fn list_tasks(
        &self,
        _ctx: &RequestContext,
        req: ecs::ListTasksRequest,
    ) -> Result<ListTasksOut, ApiError> {
        let cluster = self.cluster_name(req.cluster.as_deref())?;
        self.active_cluster(&cluster).await?;
        let instance_filter = match &req.container_instance {
            Some(ci) => Some(
                gantry_model::arn::container_instance_id(ci)
                    .map_err(|e| ApiError::invalid_parameter(e.to_string()))?,
            ),
            None => None,
        };
        let launch_filter = req.launch_type.as_ref().map(|l| l.as_str().to_string());
        let desired = req
            .desired_status
            .as_ref()
            .map(|d| d.as_str())
            .unwrap_or("RUNNING")
            .to_string();
        let service_group = req.service_name.as_ref().map(|s| format!("service:{s}"));
        // The page is cut from the tasks in id (= key) order after the
        // token: the scan stops one past the page instead of reading every
        // task, and reads summaries only, never a task's wire shape.
        let size = super::pagination::page_size(req.max_results, 100)?;
        let after = req
            .next_token
            .as_deref()
            .map(super::pagination::decode_token)
            .transpose()?;
        let prefix = task_prefix(&cluster);
        let start_after = after.as_ref().map(|a| format!("{prefix}{a}"));
        let key = ListTasksKey {
            cluster,
            desired,
            launch: launch_filter,
            instance: instance_filter,
            family: req.family.clone(),
            started_by: req.started_by.clone(),
            group: service_group,
            start_after,
            size,
        };
        if let Some(page) = self.cached_list_page(&key, &prefix).await {
            return Ok(ListTasksOut(page));
        }
        let mut out = vec![];
        let mut last_seen: Option<String> = None;
        let revision = self
            .repo
            .visit_at::<TaskSummary>(&prefix, key.start_after.as_deref(), |k, s| {
                if !key.admits(s) {
                    return true;
                }
                out.push((s.id.clone(), s.task.task_arn.clone().unwrap_or_default()));
                // One more than the page tells whether another page follows.
                if out.len() <= size {
                    return true;
                }
                last_seen = Some(k.to_string());
                false
            })
            .await?;
        let (page, next) = paginate(
            out,
            |(id, _)| id.clone(),
            req.next_token.as_deref(),
            req.max_results,
            100,
        )?;
        let answer = serde_json::value::to_raw_value(&ecs::ListTasksResponse {
            task_arns: Some(page.into_iter().map(|(_, a)| a).collect()),
            next_token: next,
        })
        .map_err(crate::state::internal)?;
        let page = Arc::new(ListTasksPage {
            revision: AtomicU64::new(revision.unwrap_or(0)),
            boundary: last_seen,
            answer,
        });
        // Kept only when the mirror served it (and so answered a revision).
        if revision.is_some() {
            let mut pages = self.list_pages.lock().unwrap_or_else(|p| p.into_inner());
            if pages.len() >= LIST_PAGES_KEPT {
                pages.clear();
            }
            pages.insert(key, page.clone());
        }
        Ok(ListTasksOut(page))
    }

    /// The kept answer to the ListTasks `key` asks, if no task it could
    /// contain has been written since it was read: none after its start
    /// and, when the scan stopped early, none up to where it stopped. A
    /// page found still good is marked good up to now, so that the next
    /// look goes over the writes since this one only.
    async fn cached_list_page(
        &self,
        key: &ListTasksKey,
        prefix: &str,
    ) -> Option<Arc<ListTasksPage>> {
        let page = self
            .list_pages
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .get(key)
            .cloned()?;
        let (changed, now) = self
            .repo
            .any_written_since(page.revision.load(Ordering::Acquire), prefix, |k| {
                key.start_after.as_deref().is_none_or(|a| k > a)
                    && page.boundary.as_deref().is_none_or(|b| k <= b)
            })
            .await?;
        if changed {
            return None;
        }
        page.revision.fetch_max(now, Ordering::AcqRel);
        Some(page)
    }
}

/// ListTasks answers kept at most (emptied when full: a client paging
/// through a large cluster adds one per page).
const LIST_PAGES_KEPT: usize = 256;

/// A ListTasks request, as its answer is kept under: the cluster, every
/// filter, where the page starts (a task key) and its size.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(super) struct ListTasksKey {
    cluster: String,
    desired: String,
    launch: Option<String>,
    instance: Option<String>,
    family: Option<String>,
    started_by: Option<String>,
    group: Option<String>,
    start_after: Option<String>,
    size: usize,
}

impl ListTasksKey {
    /// Whether the filters admit this task.
    fn admits(&self, s: &TaskSummary) -> bool {
        let t = &s.task;
        if t.desired_status.as_deref() != Some(self.desired.as_str()) {
            return false;
        }
        let lt = t.launch_type.as_ref().map(|l| l.as_str()).unwrap_or("EC2");
        if self.launch.as_deref().is_some_and(|f| f != lt) {
            return false;
        }
        if let Some(i) = &self.instance {
            // Fargate tasks are on no container instance.
            if s.instance_id.as_ref() != Some(i) || lt == "FARGATE" {
                return false;
            }
        }
        if self.family.as_ref().is_some_and(|f| &s.desired.family != f) {
            return false;
        }
        if self.started_by.is_some() && t.started_by != self.started_by {
            return false;
        }
        if self.group.is_some() && t.group != self.group {
            return false;
        }
        true
    }
}

/// A ListTasks answer and the point it was read at.
pub(super) struct ListTasksPage {
    /// A store revision the answer is good at: the one the scan saw, moved
    /// on by each look that finds no write that could change it.
    pub(super) revision: AtomicU64,
    /// The key of the task the scan stopped at, one past the page; `None`
    /// when it read to the end of the cluster's tasks.
    pub(super) boundary: Option<String>,
    /// The answer (`ecs::ListTasksResponse`) as JSON.
    answer: Box<serde_json::value::RawValue>,
}

/// ListTasks' answer: a page's JSON, kept or not.
pub(super) struct ListTasksOut(Arc<ListTasksPage>);

impl Serialize for ListTasksOut {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.0.answer.serialize(s)
    }
}

/// DescribeTasks' answer, serialized as `ecs::DescribeTasksResponse`: the
/// tasks as stored are shared with the store mirror, not copied (a copy of
/// each task was most of the cost of a DescribeTasks).
#[derive(Serialize)]
pub(super) struct DescribeTasksOut {
    tasks: Vec<TaskOut>,
    failures: Vec<ecs::Failure>,
}

/// A stored task as DescribeTasks answers it: `tags` only with `include: TAGS`.
pub(super) enum TaskOut {
    /// With its tags: the stored record's wire task, shared (not copied).
    Tagged(Arc<TaskRecord>),
    /// Without them, serialised once per stored record.
    Untagged(Arc<TaskJson>),
}

impl Serialize for TaskOut {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            TaskOut::Tagged(r) => r.task.serialize(s),
            TaskOut::Untagged(j) => j.0.serialize(s),
        }
    }
}

/// A stored task's wire shape without `tags`, as JSON: DescribeTasks
/// without `include: TAGS` copies it into its answer. Kept with the
/// mirrored record it was made from (`Repo::get_derived_many`), so a task
/// described again before it changes is not serialised again.
pub(super) struct TaskJson(Box<serde_json::value::RawValue>);

impl TaskJson {
    fn of(r: &TaskRecord) -> Result<TaskJson, ApiError> {
        serde_json::value::to_raw_value(&super::without_field::WithoutField {
            value: &r.task,
            skip: "tags",
        })
        .map(TaskJson)
        .map_err(crate::state::internal)
    }
}
