//! The service reconciler: a background task that keeps every service's
//! tasks where `plan::decide` says they should be.
//!
//! It takes no input. Each pass rereads the clusters, services, tasks and
//! instances from the store, asks the pure planner what to do, executes
//! (stop via `request_stop`, launch via the shared placement path of
//! RunTask) and writes the service record back only when it changed, so a
//! pass over a settled cluster writes nothing. It runs whenever something
//! pokes `EcsService::services_wake` (service create/update/delete, task
//! observations from agent sync, its own actions) and every `PERIOD`, so a
//! lost poke costs at most one period. Passes hold the ECS write lock: a
//! placement's read-reserve-write cannot interleave with RunTask.

use super::plan::{self, push_event, push_started_event, StopWhy, TaskView};
use super::ServiceRecord;
use crate::ecs::EcsService;
use crate::state::{
    instance_prefix, service_key, service_prefix, task_key, task_prefix, ClusterRecord,
    InstanceRecord, TaskRecord, TaskSummary, TxnBuilder, Versioned,
};
use gantry_api_types::{ecs, ApiError};
use gantry_scheduler as sched;
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;
use std::time::Duration;

/// Period of the reconciler when nothing pokes it.
pub const PERIOD: Duration = Duration::from_secs(1);

/// A running reconciler; `stop` ends it.
pub struct ReconcilerHandle {
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    join: tokio::task::JoinHandle<()>,
}

impl ReconcilerHandle {
    pub async fn stop(mut self) {
        if let Some(tx) = self.stop.take() {
            let _ = tx.send(());
        }
        let _ = (&mut self.join).await;
    }
}

/// Start the service reconciler on `ecs`.
pub fn spawn(ecs: Arc<EcsService>) -> ReconcilerHandle {
    let (tx, mut rx) = tokio::sync::oneshot::channel::<()>();
    let join = tokio::spawn(async move {
        loop {
            tokio::select! {
                biased;
                _ = &mut rx => break,
                _ = ecs.services_wake.notified() => {}
                _ = tokio::time::sleep(PERIOD) => {}
            }
            let started = std::time::Instant::now();
            if let Err(e) = ecs.reconcile_services().await {
                tracing::warn!(error = %e, "service reconcile pass failed");
            }
            crate::metrics::global().scheduler_pass(started.elapsed());
        }
        tracing::debug!("service reconciler stopped");
    });
    ReconcilerHandle {
        stop: Some(tx),
        join,
    }
}

/// Instance id -> (status, agent connected).
type Statuses = BTreeMap<String, (String, bool)>;

fn task_view(t: &TaskSummary, instances: &Statuses) -> TaskView {
    let task = &t.task;
    let checked = task.containers.iter().any(|c| c.health_status.is_some());
    TaskView {
        id: t.id.clone(),
        deployment: task.started_by.clone().unwrap_or_default(),
        last_status: task.last_status.clone().unwrap_or_default(),
        desired_running: task.desired_status.as_deref() == Some("RUNNING"),
        started_at: task.started_at,
        created_at: task.created_at.unwrap_or(0.0),
        health: if checked { task.health_status } else { None },
        stop_code: task.stop_code,
        instance_leaving: t
            .instance_id
            .as_ref()
            .and_then(|i| instances.get(i))
            .is_none_or(|(s, _)| s != "ACTIVE"),
        instance: t.instance_id.clone(),
    }
}

/// The service event for a placement failure.
pub fn unable_to_place(name: &str, failures: &[sched::PlacementFailure]) -> String {
    // Fargate: ECS's capacity message, not a container instance's.
    if let Some(f) = failures
        .iter()
        .find(|f| f.reason == crate::ecs::fargate::NO_CAPACITY || f.reason == "RESOURCE:ENI")
    {
        return format!(
            "(service {name}) was unable to place a task. Reason: {}.",
            f.detail
                .as_deref()
                .unwrap_or(&f.reason)
                .trim_end_matches('.')
        );
    }
    let mut msg = format!(
        "(service {name}) was unable to place a task because no container instance met all of its requirements."
    );
    let closest = failures.iter().find(|f| !f.arn.is_empty());
    if let Some(f) = closest {
        let id = f.arn.rsplit('/').next().unwrap_or(&f.arn);
        let why = match f.reason.as_str() {
            sched::REASON_CPU => Some("has insufficient CPU units available.".to_string()),
            sched::REASON_MEMORY => Some("has insufficient memory available.".to_string()),
            sched::REASON_PORTS | sched::REASON_PORTS_UDP => {
                Some("is already using a port required by your task.".to_string())
            }
            sched::REASON_AGENT => Some("encountered error \"AGENT\".".to_string()),
            sched::REASON_ATTRIBUTE => Some(format!(
                "is missing an attribute required by your task{}.",
                f.detail
                    .as_deref()
                    .map(|d| format!(" ({d})"))
                    .unwrap_or_default()
            )),
            _ => None,
        };
        if let Some(why) = why {
            msg.push_str(&format!(
                " The closest matching (container-instance {id}) {why} For more information, see the Troubleshooting section."
            ));
        }
    } else if let Some(d) = failures.iter().find_map(|f| f.detail.clone()) {
        msg.push_str(&format!(" Reason: {d}"));
    }
    msg
}

impl EcsService {
    /// DAEMON: instances that should run the service's task: those the
    /// primary's task fits on, plus ACTIVE connected instances already
    /// running a task of the service.
    async fn daemon_eligible(
        &self,
        cluster: &str,
        rec: &ServiceRecord,
        views: &[TaskView],
        statuses: &Statuses,
    ) -> Result<std::collections::BTreeSet<String>, ApiError> {
        let td = rec
            .service
            .deployments
            .as_ref()
            .and_then(|d| d.iter().find(|x| x.status.as_deref() == Some("PRIMARY")))
            .and_then(|d| d.task_definition.clone())
            .unwrap_or_default();
        let mut out = self
            .daemon_candidates(
                cluster,
                &td,
                rec.service
                    .placement_constraints
                    .as_deref()
                    .unwrap_or_default(),
            )
            .await?;
        for v in views {
            if v.desired_running && v.last_status != "STOPPED" {
                if let Some(i) = &v.instance {
                    if statuses.get(i).is_some_and(|(s, c)| s == "ACTIVE" && *c) {
                        out.insert(i.clone());
                    }
                }
            }
        }
        Ok(out)
    }

    /// One reconcile pass over every service of every ACTIVE cluster.
    pub async fn reconcile_services(&self) -> Result<(), ApiError> {
        let _g = self.write.lock().await;
        // Shared reads: with the mirror each record is decoded once per
        // write, not once per pass, and tasks are read as `TaskSummary` (the
        // fields a service decision needs), so a pass over a settled cluster
        // costs O(services + tasks) clones rather than decodes.
        let clusters: Vec<Versioned<Arc<ClusterRecord>>> =
            self.repo.list_shared("clusters/").await?;
        let mut acted = false;
        for c in clusters {
            if c.value.cluster.status.as_deref() != Some("ACTIVE") {
                continue;
            }
            let name = c.value.cluster.cluster_name.clone().unwrap_or_default();
            let services: Vec<Versioned<Arc<ServiceRecord>>> =
                self.repo.list_shared(&service_prefix(&name)).await?;
            if services
                .iter()
                .all(|s| s.value.service.status.as_deref() == Some("INACTIVE"))
            {
                continue;
            }
            let tasks: Vec<Versioned<Arc<TaskSummary>>> =
                self.repo.list_shared(&task_prefix(&name)).await?;
            let instances: Vec<Versioned<Arc<InstanceRecord>>> =
                self.repo.list_instances(&instance_prefix(&name)).await?;
            let mut statuses: Statuses = instances
                .iter()
                .map(|i| {
                    (
                        i.value.id.clone(),
                        (
                            i.value.instance.status.clone().unwrap_or_default(),
                            i.value.instance.agent_connected.unwrap_or(false),
                        ),
                    )
                })
                .collect();
            // Fargate tasks run on pool hosts outside the cluster.
            for h in self.fargate_hosts().await? {
                statuses.entry(h.value.id.clone()).or_insert((
                    h.value.instance.status.clone().unwrap_or_default(),
                    h.value.instance.agent_connected.unwrap_or(false),
                ));
            }
            // Tasks by group, once per pass (not one scan per service).
            let mut by_group: HashMap<&str, Vec<&TaskSummary>> = HashMap::new();
            for t in &tasks {
                if let Some(g) = t.value.task.group.as_deref() {
                    by_group.entry(g).or_default().push(&t.value);
                }
            }
            for s in services {
                if s.value.service.status.as_deref() == Some("INACTIVE") {
                    continue;
                }
                let group = format!(
                    "service:{}",
                    s.value.service.service_name.as_deref().unwrap_or("")
                );
                let mine: &[&TaskSummary] = by_group.get(group.as_str()).map_or(&[], Vec::as_slice);
                let views: Vec<TaskView> = mine.iter().map(|t| task_view(t, &statuses)).collect();
                let service = s.value.service.service_name.clone().unwrap_or_default();
                // One broken service (e.g. its task definition was deleted)
                // must not stop the others.
                match self.reconcile_one(&name, s, &views, &statuses).await {
                    Ok(a) => acted |= a,
                    Err(e) => {
                        tracing::warn!(cluster = %name, service = %service, error = %e, "service reconcile failed")
                    }
                }
            }
        }
        if acted {
            // Refresh counts and continue a rollout right away.
            self.services_wake.notify_one();
        }
        Ok(())
    }

    async fn reconcile_one(
        &self,
        cluster: &str,
        cur: Versioned<Arc<ServiceRecord>>,
        views: &[TaskView],
        statuses: &Statuses,
    ) -> Result<bool, ApiError> {
        let now = self.now();
        let mut rec = ServiceRecord::clone(&cur.value);
        let name = rec.service.service_name.clone().unwrap_or_default();
        let daemon = rec.service.scheduling_strategy == Some(ecs::SchedulingStrategy::Daemon);
        let actions = if daemon {
            let eligible = self.daemon_eligible(cluster, &rec, views, statuses).await?;
            plan::decide_daemon(&mut rec, views, &eligible, now)
        } else {
            plan::decide(&mut rec, views, now)
        };
        let mut progressed = !actions.stop.is_empty();
        for (id, why) in &actions.stop {
            if !views.iter().any(|v| &v.id == id) {
                continue;
            }
            // Read the whole record now: the pass only read summaries, and
            // the stop's compare needs the current revision.
            let fresh: Option<Versioned<TaskRecord>> =
                self.repo.get(&task_key(cluster, id)).await?;
            let Some(fresh) = fresh else { continue };
            let reason = match why {
                StopWhy::Scaling => actions.stop_reason.clone(),
                StopWhy::Unhealthy => "Task failed container health checks".to_string(),
            };
            self.request_stop(fresh, ecs::TaskStopCode::ServiceSchedulerInitiated, reason)
                .await?;
            crate::metrics::global().tasks_stopped(1);
        }
        if let Some(l) = &actions.launch {
            let strategies = {
                let s = rec.service.placement_strategy.clone().unwrap_or_default();
                if s.is_empty() {
                    sched::Strategy::defaults()
                } else {
                    Self::parse_strategies(&s)?
                }
            };
            let tags = match rec.service.propagate_tags {
                Some(ecs::PropagateTags::Service) => rec.service.tags.clone().unwrap_or_default(),
                _ => vec![],
            };
            let result = self
                .launch_service_tasks(
                    cluster,
                    &l.task_definition,
                    l.count as usize,
                    format!("service:{name}"),
                    l.deployment.clone(),
                    tags,
                    strategies,
                    rec.service
                        .placement_constraints
                        .as_deref()
                        .unwrap_or_default(),
                    rec.service.enable_execute_command.unwrap_or(false),
                )
                .await;
            match result {
                Ok((started, failures)) => {
                    crate::metrics::global().tasks_placed(started.len());
                    if !started.is_empty() {
                        push_started_event(&mut rec.service, &name, &started, now);
                        tracing::info!(cluster = %cluster, service = %name, deployment = %l.deployment, count = started.len(), "service tasks started");
                    }
                    if started.len() < l.count as usize {
                        push_event(&mut rec.service, now, unable_to_place(&name, &failures));
                    }
                    if let Some(d) = rec.service.deployments.as_mut().and_then(|d| {
                        d.iter_mut()
                            .find(|x| x.id.as_deref() == Some(l.deployment.as_str()))
                    }) {
                        d.pending_count = Some(d.pending_count.unwrap_or(0) + started.len() as i32);
                    }
                    rec.service.pending_count =
                        Some(rec.service.pending_count.unwrap_or(0) + started.len() as i32);
                    if !started.is_empty() {
                        rec.steady = false;
                        progressed = true;
                    }
                }
                Err(e) => {
                    tracing::warn!(cluster = %cluster, service = %name, error = %e, "service launch failed");
                    push_event(
                        &mut rec.service,
                        now,
                        format!("(service {name}) was unable to start tasks: {}", e.message),
                    );
                }
            }
        }
        if !actions.launch_on.is_empty() {
            let td = rec
                .service
                .deployments
                .as_ref()
                .and_then(|d| d.iter().find(|x| x.status.as_deref() == Some("PRIMARY")))
                .and_then(|d| Some((d.id.clone()?, d.task_definition.clone()?)));
            if let Some((dep, td)) = td {
                let tags = match rec.service.propagate_tags {
                    Some(ecs::PropagateTags::Service) => {
                        rec.service.tags.clone().unwrap_or_default()
                    }
                    _ => vec![],
                };
                match self
                    .launch_on_instances(
                        cluster,
                        &td,
                        &actions.launch_on,
                        format!("service:{name}"),
                        dep,
                        tags,
                        rec.service.enable_execute_command.unwrap_or(false),
                    )
                    .await
                {
                    Ok(started) if !started.is_empty() => {
                        push_started_event(&mut rec.service, &name, &started, now);
                        rec.steady = false;
                        progressed = true;
                    }
                    Ok(_) => {}
                    Err(e) => {
                        tracing::warn!(cluster = %cluster, service = %name, error = %e, "daemon launch failed");
                    }
                }
            }
        }
        let changed = rec != *cur.value;
        if changed {
            let key = service_key(cluster, &name);
            let mut t = TxnBuilder::new();
            t.expect(&key, cur.mod_revision).put(&key, &rec)?;
            if !self.repo.commit(t).await? {
                return Err(ApiError::server("service changed during reconcile"));
            }
        }
        Ok(progressed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn failure(arn: &str, reason: &str, detail: Option<&str>) -> sched::PlacementFailure {
        sched::PlacementFailure {
            arn: arn.into(),
            reason: reason.into(),
            detail: detail.map(String::from),
        }
    }

    #[test]
    fn placement_failure_events_name_the_closest_instance() {
        let arn = "arn:aws:ecs:us-east-1:1:container-instance/default/abc";
        assert_eq!(
            unable_to_place("web", &[failure(arn, sched::REASON_MEMORY, None)]),
            "(service web) was unable to place a task because no container instance met all of its requirements. The closest matching (container-instance abc) has insufficient memory available. For more information, see the Troubleshooting section."
        );
        assert!(
            unable_to_place("web", &[failure(arn, sched::REASON_CPU, None)])
                .contains("has insufficient CPU units available.")
        );
        assert!(
            unable_to_place("web", &[failure(arn, sched::REASON_PORTS, None)])
                .contains("is already using a port required by your task.")
        );
        assert_eq!(
            unable_to_place(
                "web",
                &[failure("", "MISSING", Some("No Container Instances were found in your cluster."))]
            ),
            "(service web) was unable to place a task because no container instance met all of its requirements. Reason: No Container Instances were found in your cluster."
        );
    }
}
