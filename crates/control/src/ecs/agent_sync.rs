//! `POST /agent/v1/sync`: agents report what they observe and long-poll for
//! their host's complete desired state.
//!
//! Observations only move a task forward in its lifecycle
//! (`gantry_model::task::advance`); a stale or replayed report is harmless.
//! When a task reaches STOPPED its reservation is released and the host's
//! generation bumps, so the agent's next sync sees a desired state without
//! it and forgets the task.
//!
//! Every call records that the agent was heard from (the connectivity
//! reconciler, `crate::connectivity`, reads it), and a long-poll is held at
//! most `HostNotifier::max_poll` (half the agent timeout), so a live agent is
//! never mistaken for a silent one.

use super::EcsService;
use crate::http::{AgentHandler, RequestContext};
use crate::state::{instance_key, task_key, InstanceRecord, TaskRecord, TxnBuilder, Versioned};
use async_trait::async_trait;
use gantry_agent_api::{
    self as agent, ContainerStatus, DesiredState, SyncRequest, SyncResponse, TaskObservation,
};
use gantry_api_types::{ecs, ApiError};
use gantry_model::task::TaskStatus;
use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Duration;

fn parse_status(s: Option<&str>) -> TaskStatus {
    s.and_then(TaskStatus::from_wire)
        .unwrap_or(TaskStatus::Provisioning)
}

fn container_rank(s: Option<&str>) -> u8 {
    match s {
        Some("RUNNING") => 1,
        Some("STOPPED") => 2,
        _ => 0,
    }
}

fn container_status_str(s: ContainerStatus) -> &'static str {
    match s {
        ContainerStatus::Pending => "PENDING",
        ContainerStatus::Running => "RUNNING",
        ContainerStatus::Stopped => "STOPPED",
    }
}

fn health(h: agent::HealthStatus) -> ecs::HealthStatus {
    match h {
        agent::HealthStatus::Healthy => ecs::HealthStatus::Healthy,
        agent::HealthStatus::Unhealthy => ecs::HealthStatus::Unhealthy,
        agent::HealthStatus::Unknown => ecs::HealthStatus::Unknown,
    }
}

fn stop_code(c: agent::StopCode) -> ecs::TaskStopCode {
    match c {
        agent::StopCode::TaskFailedToStart => ecs::TaskStopCode::TaskFailedToStart,
        agent::StopCode::EssentialContainerExited => ecs::TaskStopCode::EssentialContainerExited,
        agent::StopCode::UserInitiated => ecs::TaskStopCode::UserInitiated,
        agent::StopCode::ServiceSchedulerInitiated => ecs::TaskStopCode::ServiceSchedulerInitiated,
        agent::StopCode::SpotInterruption => ecs::TaskStopCode::SpotInterruption,
        agent::StopCode::TerminationNotice => ecs::TaskStopCode::TerminationNotice,
    }
}

/// Merge one observation into a task. Returns whether anything changed.
pub(crate) fn apply_observation(task: &mut ecs::Task, obs: &TaskObservation, now: f64) -> bool {
    let before = task.clone();
    merge_observation(task, obs, now);
    let changed = before != *task;
    if changed {
        task.version = Some(task.version.unwrap_or(0) + 1);
    }
    changed
}

/// [`apply_observation`] without the change check and version bump.
fn merge_observation(task: &mut ecs::Task, obs: &TaskObservation, now: f64) {
    let current = parse_status(task.last_status.as_deref());
    let observed = TaskStatus::from_wire(obs.last_status.as_str()).unwrap_or(current);
    let next = gantry_model::task::advance(current, observed).unwrap_or(current);
    task.last_status = Some(next.as_str().to_string());
    for co in &obs.containers {
        let Some(c) = task.containers.as_mut().and_then(|cs| {
            cs.iter_mut()
                .find(|c| c.name.as_deref() == Some(co.name.as_str()))
        }) else {
            continue;
        };
        if co.runtime_id.is_some() {
            c.runtime_id = co.runtime_id.clone();
        }
        let new = container_status_str(co.last_status);
        if container_rank(Some(new)) >= container_rank(c.last_status.as_deref()) {
            c.last_status = Some(new.to_string());
        }
        if co.exit_code.is_some() {
            c.exit_code = co.exit_code;
        }
        if co.reason.is_some() {
            c.reason = co.reason.clone();
        }
        if !co.network_bindings.is_empty() {
            c.network_bindings = Some(
                co.network_bindings
                    .iter()
                    .map(|b| ecs::NetworkBinding {
                        bind_ip: Some(b.bind_ip.clone()),
                        container_port: Some(i32::from(b.container_port)),
                        host_port: Some(i32::from(b.host_port)),
                        protocol: Some(match b.protocol {
                            agent::Protocol::Udp => ecs::TransportProtocol::Udp,
                            agent::Protocol::Tcp => ecs::TransportProtocol::Tcp,
                        }),
                        ..Default::default()
                    })
                    .collect(),
            );
        }
        if let Some(h) = co.health_status {
            c.health_status = Some(health(h));
        }
        if co.image_digest.is_some() {
            c.image_digest = co.image_digest.clone();
        }
    }
    // Task health: essential containers with health checks decide.
    if let Some(cs) = &task.containers {
        let checked: Vec<&ecs::Container> =
            cs.iter().filter(|c| c.health_status.is_some()).collect();
        if !checked.is_empty() {
            let hs = if checked
                .iter()
                .any(|c| c.health_status == Some(ecs::HealthStatus::Unhealthy))
            {
                ecs::HealthStatus::Unhealthy
            } else if checked
                .iter()
                .all(|c| c.health_status == Some(ecs::HealthStatus::Healthy))
            {
                ecs::HealthStatus::Healthy
            } else {
                ecs::HealthStatus::Unknown
            };
            task.health_status = Some(hs);
        }
    }
    if task.pull_started_at.is_none() {
        task.pull_started_at = obs.pull_started_at;
    }
    if task.pull_stopped_at.is_none() {
        task.pull_stopped_at = obs.pull_stopped_at;
    }
    if next >= TaskStatus::Pending && task.connectivity.is_none() {
        task.connectivity = Some(ecs::Connectivity::Connected);
        task.connectivity_at = Some(now);
    }
    if next >= TaskStatus::Running && next < TaskStatus::Stopped && task.started_at.is_none() {
        task.started_at = Some(obs.started_at.unwrap_or(now));
    }
    if task.started_at.is_none() && obs.started_at.is_some() {
        task.started_at = obs.started_at;
    }
    if task.execution_stopped_at.is_none() {
        task.execution_stopped_at = obs.execution_stopped_at;
    }
    if task.stop_code.is_none() {
        if let Some(c) = obs.stop_code {
            task.stop_code = Some(stop_code(c));
        }
    }
    if task.stopped_reason.is_none() {
        task.stopped_reason = obs.stopped_reason.clone();
    }
    if next >= TaskStatus::Deactivating && task.desired_status.as_deref() != Some("STOPPED") {
        // The agent decided to stop the task (essential container exited,
        // failure to start): desired follows.
        task.desired_status = Some("STOPPED".to_string());
        if task.stopping_at.is_none() {
            task.stopping_at = Some(now);
        }
    }
    if next == TaskStatus::Stopped {
        if task.stopping_at.is_none() {
            task.stopping_at = Some(now);
        }
        if task.execution_stopped_at.is_none() {
            task.execution_stopped_at = Some(obs.stopped_at.unwrap_or(now));
        }
        if task.stopped_at.is_none() {
            task.stopped_at = Some(obs.stopped_at.unwrap_or(now));
        }
        if let Some(cs) = task.containers.as_mut() {
            for c in cs.iter_mut() {
                c.last_status = Some("STOPPED".to_string());
            }
        }
    }
}

/// The store key of the task an observation names: pool hosts run tasks of
/// every cluster, so the reservation (else the ARN) names its cluster.
fn observed_task_key(inst: &InstanceRecord, obs: &TaskObservation) -> Option<(String, String)> {
    let task_ref = gantry_model::arn::task_ref(&obs.task_arn).ok()?;
    let id = task_ref.id;
    let task_cluster = inst
        .reservations
        .get(&id)
        .map(|r| r.task_cluster(&inst.cluster).to_string())
        .or(task_ref.cluster)
        .unwrap_or_else(|| inst.cluster.clone());
    Some((task_key(&task_cluster, &id), id))
}

impl EcsService {
    /// The task records (key → revision) that `tasks` would leave as they
    /// are, found without the write lock. Applying an observation to a
    /// record is deterministic and its "no change" verdict does not depend
    /// on the time, so under the lock a record still at that revision is
    /// skipped without being decoded again: only the tasks whose status
    /// moved cost a decode while the lock is held.
    async fn unchanged_by_report(
        &self,
        inst: &InstanceRecord,
        tasks: &[TaskObservation],
    ) -> Result<BTreeMap<String, u64>, ApiError> {
        let now = self.now();
        let mut unchanged = BTreeMap::new();
        let keyed: Vec<(&TaskObservation, String)> = tasks
            .iter()
            .filter_map(|obs| observed_task_key(inst, obs).map(|(key, _)| (obs, key)))
            .collect();
        let keys: Vec<String> = keyed.iter().map(|(_, k)| k.clone()).collect();
        let recs: Vec<Option<Versioned<Arc<TaskRecord>>>> =
            self.repo.get_shared_many(&keys).await?;
        for ((obs, key), rec) in keyed.into_iter().zip(recs) {
            let Some(rec) = rec else {
                tracing::info!(instance = %inst.id, task = %obs.task_arn,
                    "ignored a report about a task this control plane does not know");
                continue;
            };
            if rec.value.instance_id.as_deref() != Some(inst.id.as_str()) {
                tracing::info!(instance = %inst.id, task = %obs.task_arn,
                    "ignored a report about a task placed on another instance");
                continue;
            }
            // What `apply_report` would do to the task, on one copy.
            let mut task = rec.value.task.clone();
            merge_observation(&mut task, obs, now);
            super::fargate::observe_eni(&mut task, obs.network.as_ref());
            if task == rec.value.task {
                unchanged.insert(key, rec.mod_revision);
            }
        }
        Ok(unchanged)
    }

    /// The transaction that applies a report to the host's tasks and the
    /// host (empty when nothing changes). Call under the write lock.
    async fn build_report(
        &self,
        inst: &Versioned<Arc<InstanceRecord>>,
        tasks: &[TaskObservation],
        unchanged: &BTreeMap<String, u64>,
    ) -> Result<(TxnBuilder, Option<Released>), ApiError> {
        let now = self.now();
        let mut t = TxnBuilder::new();
        let host = &*inst.value;
        // The instance record is copied only when the report changes it (a
        // task STOPPED, the agent reconnected): most reports change tasks
        // only, and the record carries every reservation of the host.
        let mut iv: Option<InstanceRecord> = None;
        let mut released = Vec::new();
        // The records the report left unchanged outside the lock and that
        // are still at that revision are skipped; the revisions are read at
        // one point (one mirror catch-up, not one per task).
        let keyed: Vec<(&TaskObservation, String, String)> = tasks
            .iter()
            .filter_map(|obs| observed_task_key(host, obs).map(|(key, id)| (obs, key, id)))
            .collect();
        let keys: Vec<&str> = keyed.iter().map(|(_, key, _)| key.as_str()).collect();
        let revisions = self.repo.mod_revisions_many(&keys).await?;
        for ((obs, key, id), rev) in keyed.into_iter().zip(revisions) {
            if rev.is_some() && unchanged.get(&key) == rev.as_ref() {
                continue;
            }
            let rec: Option<Versioned<Arc<TaskRecord>>> = self.repo.get_shared(&key).await?;
            let Some(rec) = rec else { continue };
            if rec.value.instance_id.as_deref() != Some(host.id.as_str()) {
                continue;
            }
            let mut v = (*rec.value).clone();
            let changed = apply_observation(&mut v.task, obs, now);
            let eni_changed = super::fargate::observe_eni(&mut v.task, obs.network.as_ref());
            if eni_changed && !changed {
                v.task.version = Some(v.task.version.unwrap_or(0) + 1);
            }
            if !changed && !eni_changed {
                continue;
            }
            let last = v.task.last_status.clone().unwrap_or_default();
            if last == "STOPPED" {
                // The task's address is free again.
                if let Some(a) = &v.desired.awsvpc {
                    let lkey = crate::state::ipam_key(&a.subnet_id, &a.private_ipv4_address);
                    let lease: Option<Versioned<super::ipam::IpLease>> =
                        self.repo.get(&lkey).await?;
                    if let Some(l) = lease.filter(|l| l.value.task_id == id) {
                        t.expect(&lkey, l.mod_revision).delete(&lkey);
                    }
                }
            }
            if v.task.desired_status.as_deref() == Some("STOPPED") {
                v.desired.desired_status = agent::DesiredStatus::Stopped;
            }
            if last == "STOPPED" {
                // The reservation is released and the host's desired state
                // no longer holds the task.
                if host.reservations.contains_key(&id) {
                    let iv = iv.get_or_insert_with(|| host.clone());
                    if let Some(r) = iv.reservations.remove(&id) {
                        iv.generation += 1;
                        released.push(r);
                    }
                }
                tracing::info!(task = %obs.task_arn, reason = %v.task.stopped_reason.as_deref().unwrap_or(""), "task stopped");
            }
            t.expect(&key, rec.mod_revision)
                .put_shared(&key, &Arc::new(v))?;
        }
        // Released reservations are all that the planner's view of the
        // host would see change, unless the agent reconnects too.
        let reconnected = host.instance.agent_connected != Some(true);
        if reconnected {
            iv.get_or_insert_with(|| host.clone())
                .instance
                .agent_connected = Some(true);
        }
        let mut view_change = None;
        if let Some(iv) = iv {
            let ikey = instance_key(&iv.cluster, &iv.id);
            t.expect(&ikey, inst.mod_revision)
                .put_instance(&Arc::new(iv), Some(host))?;
            if !reconnected && !released.is_empty() {
                view_change = Some(Released {
                    instance: host.id.clone(),
                    from: inst.mod_revision,
                    reservations: released,
                });
            }
        }
        Ok((t, view_change))
    }

    /// Applies the queued reports (`EcsService::reports`); call under the
    /// write lock. Reports of different hosts touch different keys (a task
    /// record is written only by its own host's report, an instance record
    /// only by its own), so their transactions are committed together and
    /// the store makes them durable in one write; a second report of the
    /// same host waits for the next round.
    async fn apply_queued_reports(&self) {
        let mut queue =
            std::mem::take(&mut *self.reports.lock().unwrap_or_else(|p| p.into_inner()));
        while !queue.is_empty() {
            let mut hosts = std::collections::BTreeSet::new();
            let (round, later): (Vec<QueuedReport>, Vec<QueuedReport>) = queue
                .into_iter()
                .partition(|r| hosts.insert((r.cluster.clone(), r.instance_arn.clone())));
            queue = later;
            let mut built = Vec::with_capacity(round.len());
            for r in round {
                let txn = async {
                    let fresh = self
                        .load_instance(&r.cluster, &r.instance_arn)
                        .await?
                        .ok_or_else(|| ApiError::server("instance vanished"))?;
                    self.build_report(&fresh, &r.tasks, &r.unchanged).await
                }
                .await;
                built.push((r.done, txn));
            }
            let commits = built.into_iter().map(|(done, txn)| async move {
                let result = match txn {
                    Ok((t, _)) if t.is_empty() => Ok(false),
                    Ok((t, released)) => match self.repo.commit_at(t).await {
                        Ok(Some(revision)) => {
                            if let Some(r) = released {
                                self.planner_view_released(&r, revision);
                            }
                            Ok(true)
                        }
                        Ok(None) => Err(ApiError::server("Concurrent modification; retry.")),
                        Err(e) => Err(e),
                    },
                    Err(e) => Err(e),
                };
                let changed = matches!(result, Ok(true));
                // The reporter may have gone away; its report stands.
                let _ = done.send(result.map(|_| ()));
                changed
            });
            if futures::future::join_all(commits)
                .await
                .into_iter()
                .any(|c| c)
            {
                // Task or instance state changed: services may need to act.
                self.services_wake.notify_one();
            }
        }
    }

    /// Applies one report: queues it, and applies the queue under the write
    /// lock unless an earlier holder of the lock has applied it meanwhile.
    async fn apply_report(
        &self,
        cluster: &str,
        instance_arn: &str,
        tasks: Vec<TaskObservation>,
        unchanged: BTreeMap<String, u64>,
    ) -> Result<(), ApiError> {
        let (done, result) = tokio::sync::oneshot::channel();
        self.reports
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .push(QueuedReport {
                cluster: cluster.to_string(),
                instance_arn: instance_arn.to_string(),
                tasks,
                unchanged,
                done,
            });
        self.answered_under_lock(result, || self.apply_queued_reports(), "Report")
            .await
    }

    /// The answer to a host asking with `known` generation: its whole
    /// desired state, or (to an agent that accepts changes and holds what
    /// was last sent) the changes from it. Only the tasks whose record moved
    /// since they were sent, and those with role credentials (which rotate
    /// without a record change), are decoded and built; the rest are known
    /// unchanged from their record revision alone.
    ///
    /// Changes are found without looking at every task of the host when the
    /// mirror remembers the task keys written since `made_from` of what was
    /// sent: every change to the host's task set writes the task's record
    /// in the same transaction as the instance record, so a task whose key
    /// was not written since then (and that carries no role credentials)
    /// stands as sent.
    async fn desired_answer(
        &self,
        inst: &InstanceRecord,
        inst_revision: u64,
        known: u64,
        accepts_changes: bool,
    ) -> Result<(Option<DesiredState>, Option<agent::DesiredChanges>), ApiError> {
        let mut previous = if accepts_changes && known != 0 {
            self.sent.take(&inst.id, known)
        } else {
            None
        };
        let written = match &previous {
            Some(p) => {
                let reservations =
                    crate::state::reservations_under(&instance_key(&inst.cluster, &inst.id));
                // Of the task keys written in every cluster, only those
                // sent to this host matter to `moved_since_sent`.
                self.repo
                    .written_since_each(p.made_from, &["tasks/", &reservations], |i, k| {
                        i == 1 || p.tasks.contains_key(k)
                    })
                    .await
            }
            None => None,
        };
        // The keys to look at, and the sent tasks that stand as sent
        // without a look (none when every task of the host is looked at).
        let (keys, mut now) = match (previous.as_mut(), written) {
            (Some(p), Some(mut written)) => {
                let reservations = written.pop().unwrap_or_default();
                let tasks = written.pop().unwrap_or_default();
                moved_since_sent(inst, p, tasks, reservations)
            }
            _ => None,
        }
        .unwrap_or_else(|| {
            let all = inst
                .reservations
                .iter()
                .map(|(id, res)| task_key(res.task_cluster(&inst.cluster), id))
                .collect();
            (all, std::collections::HashMap::new())
        });
        let key_refs: Vec<&str> = keys.iter().map(String::as_str).collect();
        let revisions = self.repo.mod_revisions_many(&key_refs).await?;
        // Which tasks to build: all for a whole answer, else the moved ones.
        let build: Vec<String> = keys
            .iter()
            .zip(&revisions)
            .filter(|(key, rev)| {
                let Some(rev) = rev else { return false };
                match previous.as_ref().and_then(|p| p.tasks.get(key.as_str())) {
                    Some(sent) => sent.revision != *rev || sent.has_role,
                    None => true,
                }
            })
            .map(|(key, _)| key.clone())
            .collect();
        let recs: Vec<Option<Versioned<Arc<TaskRecord>>>> =
            self.repo.get_shared_many(&build).await?;
        let mut built: Vec<(String, u64, agent::DesiredTask)> = Vec::with_capacity(build.len());
        for (key, r) in build.into_iter().zip(recs) {
            let Some(r) = r else { continue };
            let mut d = r.value.desired.clone();
            if r.value.task.desired_status.as_deref() == Some("STOPPED") {
                d.desired_status = agent::DesiredStatus::Stopped;
            }
            built.push((key, r.mod_revision, d));
        }
        // The host's tasks now: the built ones, and the unchanged ones as
        // they were sent.
        now.reserve(keys.len());
        for (key, rev) in keys.iter().zip(&revisions) {
            if rev.is_none() {
                continue;
            }
            if let Some(sent) = previous.as_mut().and_then(|p| p.tasks.remove(key.as_str())) {
                now.insert(key.clone(), sent);
            }
        }
        let (made_from, mut tasks): (Vec<(String, u64)>, Vec<agent::DesiredTask>) = built
            .into_iter()
            .map(|(key, rev, d)| ((key, rev), d))
            .unzip();
        self.attach_role_credentials(inst, &mut tasks).await;
        if self.role_credentials.holds_any(&inst.cluster, &inst.id) {
            let arns: std::collections::HashSet<&str> = now
                .values()
                .map(|t| t.arn.as_str())
                .chain(tasks.iter().map(|d| d.task_arn.as_str()))
                .collect();
            self.forget_role_credentials(inst, |arn| arns.contains(arn));
        }
        // The sent tasks that changed: those built whose record revision or
        // credentials differ from what was sent.
        let mut upsert = Vec::new();
        for ((key, rev), d) in made_from.into_iter().zip(tasks) {
            let sent = SentTask {
                arn: d.task_arn.clone(),
                revision: rev,
                credentials: credentials_fingerprint(&d),
                has_role: d.task_role_arn.is_some() || d.execution_role_arn.is_some(),
            };
            let same = now
                .get(&key)
                .is_some_and(|t| t.revision == sent.revision && t.credentials == sent.credentials);
            now.insert(key, sent);
            if !same {
                upsert.push(d);
            }
        }
        let generation = inst.generation;
        let answer = match previous {
            None => {
                // Whole: every task was built (in reservation order).
                (
                    Some(DesiredState {
                        generation,
                        tasks: upsert,
                    }),
                    None,
                )
            }
            Some(previous) => {
                // What is left of the previous state is gone from the host.
                let remove: Vec<String> = previous.tasks.into_values().map(|t| t.arn).collect();
                (
                    None,
                    Some(agent::DesiredChanges {
                        base_generation: known,
                        generation,
                        upsert,
                        remove,
                    }),
                )
            }
        };
        self.sent.record(
            &inst.id,
            SentState {
                generation,
                made_from: inst_revision,
                tasks: now,
            },
        );
        Ok(answer)
    }

    async fn load_instance(
        &self,
        cluster: &str,
        instance_arn: &str,
    ) -> Result<Option<Versioned<Arc<InstanceRecord>>>, ApiError> {
        let cluster = self.cluster_name(Some(cluster))?;
        match self.find_instance_shared(&cluster, instance_arn).await? {
            Some(i) => Ok(Some(i)),
            // Fargate pool hosts are kept in the hidden pool.
            None => {
                self.find_instance_shared(crate::state::FARGATE_POOL, instance_arn)
                    .await
            }
        }
    }
}

#[async_trait]
impl AgentHandler for EcsService {
    async fn sync(
        &self,
        _ctx: &RequestContext,
        mut req: SyncRequest,
    ) -> Result<SyncResponse, ApiError> {
        let now = self.now();
        let inst = match self
            .load_instance(&req.cluster, &req.container_instance_arn)
            .await?
        {
            Some(i) if i.value.instance.status.as_deref() != Some("INACTIVE") => i,
            _ => {
                return Ok(SyncResponse {
                    generation: 0,
                    desired: None,
                    changes: None,
                    registered: false,
                })
            }
        };
        self.hosts.seen(&inst.value.id, now);
        if req.observed.is_some() || inst.value.instance.agent_connected != Some(true) {
            let tasks = req.observed.take().map(|o| o.tasks).unwrap_or_default();
            let unchanged = self.unchanged_by_report(&inst.value, &tasks).await?;
            self.apply_report(&req.cluster, &req.container_instance_arn, tasks, unchanged)
                .await?;
        }
        // Heard from until the call ends: at its answer, or when the agent's
        // connection drops and this future with it. So the host-lost grace
        // counts from real silence, not from the start of a long poll.
        let _seen_until_done = SeenOnDrop {
            hosts: self.hosts.clone(),
            clock: self.clock.clone(),
            id: inst.value.id.clone(),
        };
        let notify = self.hosts.get(&inst.value.id);
        let wait = Duration::from_secs(u64::from(req.wait_seconds.min(agent::MAX_WAIT_SECONDS)))
            .min(self.hosts.max_poll());
        let deadline = tokio::time::Instant::now() + wait;
        loop {
            let notified = notify.notified();
            tokio::pin!(notified);
            notified.as_mut().enable();
            let cur = match self
                .load_instance(&req.cluster, &req.container_instance_arn)
                .await?
            {
                Some(i) if i.value.instance.status.as_deref() != Some("INACTIVE") => i,
                _ => {
                    return Ok(SyncResponse {
                        generation: 0,
                        desired: None,
                        changes: None,
                        registered: false,
                    })
                }
            };
            if cur.value.generation != req.known_generation {
                let (desired, changes) = self
                    .desired_answer(
                        &cur.value,
                        cur.mod_revision,
                        req.known_generation,
                        req.accepts_changes,
                    )
                    .await?;
                return Ok(SyncResponse {
                    generation: cur.value.generation,
                    desired,
                    changes,
                    registered: true,
                });
            }
            if tokio::time::Instant::now() >= deadline {
                return Ok(SyncResponse {
                    generation: cur.value.generation,
                    desired: None,
                    changes: None,
                    registered: true,
                });
            }
            tokio::select! {
                biased;
                _ = &mut notified => {}
                _ = tokio::time::sleep_until(deadline) => {}
            }
        }
    }
}

/// A report waiting for the write lock (see `EcsService::apply_report`).
pub(super) struct QueuedReport {
    cluster: String,
    instance_arn: String,
    tasks: Vec<TaskObservation>,
    /// Task keys the report leaves as they are, at their revision then.
    unchanged: BTreeMap<String, u64>,
    done: tokio::sync::oneshot::Sender<Result<(), ApiError>>,
}

/// Records the host as heard from when dropped (end of a sync call, answered
/// or abandoned by a vanished client).
struct SeenOnDrop {
    hosts: std::sync::Arc<crate::hosts::HostNotifier>,
    clock: crate::clock::SharedClock,
    id: String,
}

impl Drop for SeenOnDrop {
    fn drop(&mut self) {
        self.hosts.seen(&self.id, self.clock.now());
    }
}

/// What the control plane last sent each host: the generation and, per
/// task, what its desired task was made from (its record's revision and its
/// credentials). A host whose agent asks with that generation and accepts
/// changes gets only the tasks made from something else, and the ARNs of
/// those gone; any other asks get the whole state. In memory only: after a
/// restart every host gets its whole state once.
#[derive(Default)]
pub(super) struct SentStates {
    hosts: std::sync::Mutex<std::collections::HashMap<String, SentState>>,
}

pub(super) struct SentState {
    generation: u64,
    /// The revision of the instance record the answer was made from.
    made_from: u64,
    /// Task store key → what was sent of it.
    tasks: std::collections::HashMap<String, SentTask>,
}

struct SentTask {
    arn: String,
    /// The revision of the task record the desired task was made from.
    revision: u64,
    /// [`credentials_fingerprint`] of what was sent.
    credentials: u64,
    /// Carries role credentials (rebuilt at every answer: they rotate).
    has_role: bool,
}

/// Whether `key` (`tasks/{cluster}/{id}`) is the key of a task reserved on `inst`.
/// Reservations a report released from an instance record that it changed
/// in no other way the planner's view shows (`EcsService::planner_view_released`).
pub(super) struct Released {
    pub instance: String,
    /// The revision of the record the report changed.
    pub from: u64,
    pub reservations: Vec<crate::state::Reservation>,
}

fn reserved_on(inst: &InstanceRecord, key: &str) -> bool {
    let Some(rest) = key.strip_prefix("tasks/") else {
        return false;
    };
    let Some((cluster, id)) = rest.split_once('/') else {
        return false;
    };
    inst.reservations
        .get(id)
        .is_some_and(|r| r.task_cluster(&inst.cluster) == cluster)
}

/// Splits what was sent (`sent.tasks`) given the task keys `written` since
/// it was made and the reservation keys of `inst` written since
/// (`reservations`): the keys to look at again (written since, or carrying
/// role credentials, which rotate; those of them still reserved on `inst`),
/// left in `sent.tasks` with what was sent of them, and the rest, which
/// stand as sent (returned). `None`, with `sent` as it was, when the
/// tasks would not add up to the host's reservations (look at them all).
///
/// A task reserved on `inst` that was not sent was reserved since, and a
/// reservation is written only with its instance record: its reservation
/// key is among `reservations`. So of the (many) task keys written in the
/// cluster since, only those that were sent need a look, and finding them
/// costs one hash lookup each.
fn moved_since_sent(
    inst: &InstanceRecord,
    sent: &mut SentState,
    written: Vec<String>,
    reservations: Vec<String>,
) -> Option<(Vec<String>, std::collections::HashMap<String, SentTask>)> {
    // The keys to look at, each once, and whether each was sent.
    let mut look: Vec<(String, bool)> = written
        .into_iter()
        .filter(|k| sent.tasks.contains_key(k.as_str()))
        .map(|k| (k, true))
        .collect();
    if sent.tasks.values().any(|t| t.has_role) {
        let seen: std::collections::HashSet<String> = look.iter().map(|(k, _)| k.clone()).collect();
        look.extend(
            sent.tasks
                .iter()
                .filter(|(k, t)| t.has_role && !seen.contains(k.as_str()))
                .map(|(k, _)| (k.clone(), true)),
        );
    }
    for r in reservations {
        let id = r.rsplit('/').next().unwrap_or_default();
        if let Some(res) = inst.reservations.get(id) {
            let key = task_key(res.task_cluster(&inst.cluster), id);
            if !sent.tasks.contains_key(key.as_str()) {
                look.push((key, false));
            }
        }
    }
    let looked_sent = look.iter().filter(|(_, s)| *s).count();
    let mut looked: Vec<String> = look
        .iter()
        .filter(|(k, _)| reserved_on(inst, k))
        .map(|(k, _)| k.clone())
        .collect();
    if sent.tasks.len() - looked_sent + looked.len() != inst.reservations.len() {
        return None;
    }
    // Every task looked at stays in `sent` (those no longer reserved are
    // what the answer removes).
    let mut carried = std::mem::take(&mut sent.tasks);
    for (k, was_sent) in look {
        if was_sent {
            if let Some(t) = carried.remove(k.as_str()) {
                sent.tasks.insert(k, t);
            }
        }
    }
    // Built and sent in key order.
    looked.sort_unstable();
    Some((looked, carried))
}

/// Which credentials a desired task carries (their access key ids).
fn credentials_fingerprint(d: &agent::DesiredTask) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    d.task_credentials
        .as_ref()
        .map(|c| &c.access_key_id)
        .hash(&mut h);
    d.execution_credentials
        .as_ref()
        .map(|c| &c.access_key_id)
        .hash(&mut h);
    h.finish()
}

impl SentStates {
    fn lock(&self) -> std::sync::MutexGuard<'_, std::collections::HashMap<String, SentState>> {
        self.hosts.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Takes what was last sent to `host` if it was sent at generation
    /// `known` (a concurrent answer to the same host meanwhile finds none
    /// and sends the whole state, which is always correct).
    fn take(&self, host: &str, known: u64) -> Option<SentState> {
        let mut hosts = self.lock();
        match hosts.get(host) {
            Some(p) if p.generation == known => hosts.remove(host),
            _ => None,
        }
    }

    /// Records what was just sent to `host`.
    fn record(&self, host: &str, state: SentState) {
        self.lock().insert(host.to_string(), state);
    }

    /// Whether something sent to `host` is remembered.
    #[cfg(test)]
    pub(super) fn holds(&self, host: &str) -> bool {
        self.lock().contains_key(host)
    }

    /// Forgets a host (deregistered).
    pub(super) fn forget(&self, host: &str) {
        self.lock().remove(host);
    }
}

#[cfg(test)]
mod moved_tests {
    use super::*;
    use crate::state::Reservation;

    fn host(tasks: &[&str]) -> InstanceRecord {
        InstanceRecord {
            instance: ecs::ContainerInstance::default(),
            cluster: "c1".into(),
            id: "h1".into(),
            generation: 1,
            reservations: tasks
                .iter()
                .map(|t| (t.to_string(), Reservation::default()))
                .collect(),
            total_cpu: 1024,
            total_memory: 1024,
            reserved_tcp_ports: vec![],
            reserved_udp_ports: vec![],
            deregistered_at: None,
        }
    }

    fn sent(tasks: &[(&str, bool)]) -> SentState {
        SentState {
            generation: 1,
            made_from: 10,
            tasks: tasks
                .iter()
                .map(|(t, role)| {
                    (
                        task_key("c1", t),
                        SentTask {
                            arn: format!("arn:{t}"),
                            revision: 5,
                            credentials: 0,
                            has_role: *role,
                        },
                    )
                })
                .collect(),
        }
    }

    fn keys(ids: &[&str]) -> Vec<String> {
        ids.iter().map(|t| task_key("c1", t)).collect()
    }

    /// Of the cluster's written task keys only the sent ones are looked at;
    /// a task reserved since is found from the host's reservation keys, a
    /// released one stays looked at (the answer removes it), role tasks are
    /// always looked at, and the rest stand as sent.
    #[test]
    fn looks_at_what_moved_on_this_host_only() {
        // Sent: a, b, r (with a role), x. Now: a, b, r, n (x released).
        let inst = host(&["a", "b", "n", "r"]);
        let mut s = sent(&[("a", false), ("b", false), ("r", true), ("x", false)]);
        // Written in the cluster since: a (a report), x (stopped), and
        // tasks of other hosts; the reservation keys of n and x.
        let written = keys(&["a", "o1", "o2", "x"]);
        let reservations = vec![
            "reservations/c1/h1/n".to_string(),
            "reservations/c1/h1/x".to_string(),
        ];
        let (looked, carried) =
            moved_since_sent(&inst, &mut s, written, reservations).expect("adds up");
        assert_eq!(looked, keys(&["a", "n", "r"]));
        let mut stand: Vec<&String> = carried.keys().collect();
        stand.sort();
        assert_eq!(stand, vec![&task_key("c1", "b")]);
        let mut kept: Vec<&String> = s.tasks.keys().collect();
        kept.sort();
        assert_eq!(kept, keys(&["a", "r", "x"]).iter().collect::<Vec<_>>());
    }

    /// A task reserved on the host that was neither sent nor among its
    /// written reservation keys: the counts do not add up, so every task
    /// is looked at, and what was sent is left as it was.
    #[test]
    fn an_unexplained_reservation_looks_at_everything() {
        let inst = host(&["a", "b", "n"]);
        let mut s = sent(&[("a", false), ("b", false)]);
        assert!(moved_since_sent(&inst, &mut s, keys(&["a"]), vec![]).is_none());
        assert_eq!(s.tasks.len(), 2);
    }
}
