//! The pure decision of the REPLICA service scheduler:
//! `(service record, its tasks, now) -> (updated record, actions)`.
//!
//! No I/O and no clock: the reconciler (`reconcile.rs`) reads the state,
//! calls [`decide`], and executes the returned [`Actions`]. Running
//! `decide` twice on the same input gives the same actions, and the record
//! remembers which stopped tasks it has already accounted for, so a pass is
//! idempotent.
//!
//! Rules (ECS developer guide, reference §5.4/§5.9):
//! - `maxTasks = floor(D * maximumPercent / 100)` bounds RUNNING+PENDING
//!   over all deployments; `minHealthy = ceil(D * minimumHealthyPercent / 100)`
//!   bounds how many healthy tasks may be stopped.
//! - The PRIMARY deployment is filled up to `D` first (start before stop),
//!   then tasks of older deployments, of draining instances and excess
//!   tasks are stopped while the healthy count stays `>= minHealthy`.
//! - Healthy = RUNNING and, when containers have health checks, HEALTHY.
//!   A task counts once it has been healthy for `SETTLE` seconds.
//!   A task UNHEALTHY after `healthCheckGracePeriodSeconds` is replaced.
//! - Tasks that stop without reaching RUNNING throttle further launches of
//!   their deployment (delay doubling from 5 s after 3 such failures,
//!   capped at 15 min); a task that reaches RUNNING resets the throttle.
//! - Circuit breaker: tasks of an IN_PROGRESS deployment that stop on their
//!   own (failed to start, essential container exited, failed health
//!   checks) count as failed; at the threshold the deployment is FAILED
//!   and, with rollback, the last COMPLETED deployment's task definition
//!   becomes a new PRIMARY. A task healthy for `RESET_AFTER` seconds resets
//!   the count (`resetOnHealthyTask`, default true).

use super::{DeploymentMeta, ServiceRecord};
use gantry_api_types::ecs;

/// Seconds a task must have been RUNNING (and HEALTHY) before it counts as
/// healthy: a container that dies right after starting must not complete a
/// deployment or let the scheduler stop the tasks it replaces.
pub const SETTLE: f64 = 3.0;
/// Seconds a task must stay healthy to reset the failure count.
pub const RESET_AFTER: f64 = 10.0;
/// Service events kept (newest first).
pub const MAX_EVENTS: usize = 100;
/// Crash-loop throttle: failures tolerated before delaying, first delay, cap.
const THROTTLE_AFTER: u32 = 3;
const THROTTLE_FIRST: f64 = 5.0;
const THROTTLE_CAP: f64 = 900.0;

/// What the scheduler needs to know about one task of the service.
#[derive(Debug, Clone, PartialEq)]
pub struct TaskView {
    pub id: String,
    /// The deployment that started it (`startedBy`).
    pub deployment: String,
    pub last_status: String,
    /// desiredStatus is RUNNING.
    pub desired_running: bool,
    pub started_at: Option<f64>,
    pub created_at: f64,
    /// Task health when its containers have health checks, else `None`.
    pub health: Option<ecs::HealthStatus>,
    pub stop_code: Option<ecs::TaskStopCode>,
    /// Its instance is DRAINING, INACTIVE or gone: replace it.
    pub instance_leaving: bool,
    /// The container instance id it is placed on.
    pub instance: Option<String>,
}

impl TaskView {
    fn live(&self) -> bool {
        self.desired_running && self.last_status != "STOPPED"
    }
    fn running(&self) -> bool {
        self.live() && self.last_status == "RUNNING"
    }
    fn healthy(&self, now: f64) -> bool {
        self.running()
            && matches!(self.health, None | Some(ecs::HealthStatus::Healthy))
            && self.started_at.is_some_and(|s| s + SETTLE <= now)
    }
    /// Counts toward `minHealthy`: healthy, where tasks of the PRIMARY
    /// must first settle (old tasks already proved themselves).
    fn serving(&self, now: f64, primary: &str) -> bool {
        if self.deployment == primary {
            self.healthy(now)
        } else {
            self.running() && matches!(self.health, None | Some(ecs::HealthStatus::Healthy))
        }
    }
    fn unhealthy_after_grace(&self, grace: f64, now: f64) -> bool {
        self.running()
            && self.health == Some(ecs::HealthStatus::Unhealthy)
            && self.started_at.is_some_and(|s| s + grace <= now)
    }
}

/// Why the scheduler stops a task.
#[derive(Debug, Clone, PartialEq)]
pub enum StopWhy {
    /// Scale-in, old deployment, draining instance.
    Scaling,
    /// Failed container health checks.
    Unhealthy,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Actions {
    /// Start `count` tasks of `deployment` (task definition `task_definition`).
    pub launch: Option<Launch>,
    /// Tasks to stop, with the reason.
    pub stop: Vec<(String, StopWhy)>,
    /// Reason text for scheduler stops.
    pub stop_reason: String,
    /// DAEMON: start one task of the PRIMARY on each of these instances.
    pub launch_on: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Launch {
    pub deployment: String,
    pub task_definition: String,
    pub count: u32,
}

impl Actions {
    pub fn is_empty(&self) -> bool {
        self.launch.is_none() && self.stop.is_empty() && self.launch_on.is_empty()
    }
}

/// Add a service event (newest first, capped), skipping an exact repeat of
/// the newest one.
/// The `(service X) has started N tasks: (task id) ….` event.
pub fn push_started_event(svc: &mut ecs::Service, name: &str, started: &[ecs::Task], now: f64) {
    let ids: Vec<String> = started
        .iter()
        .filter_map(|t| t.task_arn.as_deref())
        .map(|a| format!("(task {})", a.rsplit('/').next().unwrap_or(a)))
        .collect();
    push_event(
        svc,
        now,
        format!(
            "(service {name}) has started {} tasks: {}.",
            ids.len(),
            ids.join(" ")
        ),
    );
}

pub fn push_event(svc: &mut ecs::Service, now: f64, message: String) {
    let events = svc.events.get_or_insert_with(Vec::new);
    if events.first().and_then(|e| e.message.as_deref()) == Some(message.as_str()) {
        return;
    }
    events.insert(
        0,
        ecs::ServiceEvent {
            id: Some(uuid::Uuid::new_v4().to_string()),
            created_at: Some(now),
            message: Some(message),
        },
    );
    events.truncate(MAX_EVENTS);
}

/// A new deployment id: `ecs-svc/` and 19 digits.
pub fn new_deployment_id(bits: u128) -> String {
    format!("ecs-svc/{:019}", bits % 10_000_000_000_000_000_000)
}

/// The circuit breaker threshold for a desired count.
pub fn threshold(cb: &ecs::DeploymentCircuitBreaker, desired: i32) -> i32 {
    let d = f64::from(desired.max(0));
    match &cb.threshold_configuration {
        Some(t) if t.r#type == ecs::ThresholdType::Count => t.value.max(1),
        Some(t) if t.r#type == ecs::ThresholdType::UnboundedPercent => {
            ((f64::from(t.value) / 100.0 * d).ceil() as i32).max(1)
        }
        Some(t) => ((f64::from(t.value) / 100.0 * d).ceil() as i32).clamp(3, 200),
        None => ((0.5 * d).ceil() as i32).clamp(3, 200),
    }
}

fn percents(svc: &ecs::Service) -> (i32, i32) {
    let dc = svc.deployment_configuration.as_ref();
    (
        dc.and_then(|c| c.minimum_healthy_percent).unwrap_or(100),
        dc.and_then(|c| c.maximum_percent).unwrap_or(200),
    )
}

/// Count tasks that stopped on their own (once each): failed tasks of an
/// IN_PROGRESS deployment and the crash-loop throttle.
fn account_stopped(
    rec: &mut ServiceRecord,
    deployments: &mut [ecs::Deployment],
    tasks: &[TaskView],
    now: f64,
    name: &str,
) {
    let known: std::collections::BTreeSet<&str> = tasks.iter().map(|t| t.id.as_str()).collect();
    for m in rec.meta.values_mut() {
        m.counted.retain(|id| known.contains(id.as_str()));
    }
    let mut throttle_event = false;
    for t in tasks {
        if t.live() || t.stop_code.is_none() {
            continue;
        }
        let Some(dep) = deployments
            .iter_mut()
            .find(|x| x.id.as_deref() == Some(t.deployment.as_str()))
        else {
            continue;
        };
        let meta = rec.meta.entry(t.deployment.clone()).or_default();
        if !meta.counted.insert(t.id.clone()) {
            continue;
        }
        let own = matches!(
            t.stop_code,
            Some(ecs::TaskStopCode::TaskFailedToStart)
                | Some(ecs::TaskStopCode::EssentialContainerExited)
        );
        if !own {
            continue;
        }
        if dep.rollout_state == Some(ecs::DeploymentRolloutState::InProgress) {
            dep.failed_tasks = Some(dep.failed_tasks.unwrap_or(0) + 1);
        }
        if t.started_at.is_none() {
            meta.consecutive_start_failures += 1;
            if meta.consecutive_start_failures >= THROTTLE_AFTER {
                let n = meta.consecutive_start_failures - THROTTLE_AFTER;
                let delay = (THROTTLE_FIRST * 2f64.powi(n.min(20) as i32)).min(THROTTLE_CAP);
                meta.next_launch_at = now + delay;
                throttle_event = true;
            }
        }
    }
    if throttle_event {
        push_event(
            &mut rec.service,
            now,
            format!("(service {name}) is unable to consistently start tasks successfully."),
        );
    }
}

/// Decide one pass for a REPLICA service. Mutates `rec` (counts, rollout
/// states, events, accounting) and returns what to execute.
pub fn decide(rec: &mut ServiceRecord, tasks: &[TaskView], now: f64) -> Actions {
    let mut actions = Actions::default();
    let status = rec.service.status.clone().unwrap_or_default();
    if status == "INACTIVE" {
        return actions;
    }
    let name = rec.service.service_name.clone().unwrap_or_default();
    let draining_service = status == "DRAINING";
    let d = if draining_service {
        0
    } else {
        rec.service.desired_count.unwrap_or(0).max(0)
    };
    let grace = f64::from(
        rec.service
            .health_check_grace_period_seconds
            .unwrap_or(0)
            .max(0),
    );
    let cb = rec
        .service
        .deployment_configuration
        .as_ref()
        .and_then(|c| c.deployment_circuit_breaker.clone())
        .filter(|c| c.enable);
    let mut deployments = rec.service.deployments.clone().unwrap_or_default();
    let Some(pidx) = deployments
        .iter()
        .position(|x| x.status.as_deref() == Some("PRIMARY"))
    else {
        return actions;
    };

    // 1. Account for tasks that stopped on their own, once each.
    account_stopped(rec, &mut deployments, tasks, now, &name);

    let primary_id = deployments[pidx].id.clone().unwrap_or_default();
    let reason = format!("Scaling activity initiated by (deployment {primary_id})");
    actions.stop_reason = reason;

    // 2. Unhealthy primary tasks past the grace period are replaced and
    //    count as failures.
    let mut stopping: std::collections::BTreeSet<String> = Default::default();
    for t in tasks.iter().filter(|t| t.live()) {
        if t.unhealthy_after_grace(grace, now) {
            stopping.insert(t.id.clone());
            actions.stop.push((t.id.clone(), StopWhy::Unhealthy));
            if let Some(dep) = deployments
                .iter_mut()
                .find(|x| x.id.as_deref() == Some(t.deployment.as_str()))
            {
                let meta = rec.meta.entry(t.deployment.clone()).or_default();
                if meta.counted.insert(t.id.clone())
                    && dep.rollout_state == Some(ecs::DeploymentRolloutState::InProgress)
                {
                    dep.failed_tasks = Some(dep.failed_tasks.unwrap_or(0) + 1);
                }
            }
        }
    }

    // Reset on healthy: a primary task healthy long enough clears failures
    // and the start throttle.
    {
        let reset = cb
            .as_ref()
            .map(|c| c.reset_on_healthy_task.unwrap_or(true))
            .unwrap_or(true);
        let primary_running = tasks
            .iter()
            .any(|t| t.deployment == primary_id && t.running());
        if primary_running {
            rec.meta
                .entry(primary_id.clone())
                .or_default()
                .consecutive_start_failures = 0;
        }
        if reset
            && tasks.iter().any(|t| {
                t.deployment == primary_id
                    && t.healthy(now)
                    && !stopping.contains(&t.id)
                    && t.started_at
                        .is_some_and(|s| s + RESET_AFTER.max(grace) <= now)
            })
        {
            deployments[pidx].failed_tasks = Some(0);
        }
    }

    // 3. Circuit breaker.
    let mut pidx = pidx;
    let mut primary_id = primary_id;
    if let Some(cb) = &cb {
        let p = &deployments[pidx];
        if p.rollout_state == Some(ecs::DeploymentRolloutState::InProgress)
            && p.failed_tasks.unwrap_or(0) >= threshold(cb, d)
        {
            let p = &mut deployments[pidx];
            p.rollout_state = Some(ecs::DeploymentRolloutState::Failed);
            p.rollout_state_reason = Some(format!(
                "ECS deployment circuit breaker: tasks failed to start. (deployment {primary_id})"
            ));
            p.updated_at = Some(now);
            push_event(
                &mut rec.service,
                now,
                format!("(service {name}) (deployment {primary_id}) deployment failed: tasks failed to start."),
            );
            let target = rec
                .last_completed
                .clone()
                .filter(|(_, td)| Some(td.as_str()) != p.task_definition.as_deref());
            if let (true, Some((old_id, td))) = (cb.rollback, target) {
                let failures = p.failed_tasks.unwrap_or(0);
                p.status = Some("ACTIVE".to_string());
                p.desired_count = Some(0);
                let id = new_deployment_id(uuid::Uuid::new_v4().as_u128());
                deployments.insert(
                    0,
                    new_deployment(
                        &id,
                        &td,
                        d,
                        now,
                        format!("ECS deployment circuit breaker: rolling back to deploymentId {old_id}."),
                    ),
                );
                rec.service.task_definition = Some(td);
                push_event(
                    &mut rec.service,
                    now,
                    format!(
                        "(service {name}) (deployment {id}) rolling back to deployment {old_id}."
                    ),
                );
                super::history::record_rollback(
                    rec,
                    &primary_id,
                    &id,
                    &old_id,
                    "ECS deployment circuit breaker: tasks failed to start.",
                    failures,
                    now,
                );
                pidx = 0;
                primary_id = id;
                actions.stop_reason =
                    format!("Scaling activity initiated by (deployment {primary_id})");
            }
        }
    }

    // 4. Classify live tasks.
    let (min_pct, max_pct) = percents(&rec.service);
    let max_tasks = (i64::from(d) * i64::from(max_pct) / 100) as usize;
    let min_healthy = ((i64::from(d) * i64::from(min_pct) + 99) / 100) as usize;
    let live: Vec<&TaskView> = tasks
        .iter()
        .filter(|t| t.live() && !stopping.contains(&t.id))
        .collect();
    let mut keep: Vec<&TaskView> = vec![];
    let mut doomed: Vec<&TaskView> = vec![];
    for t in &live {
        if t.deployment == primary_id && !t.instance_leaving {
            keep.push(t);
        } else {
            doomed.push(t);
        }
    }
    let mut total = live.len();
    let mut healthy = live.iter().filter(|t| t.serving(now, &primary_id)).count();

    // 5. Fill the primary up to D within maxTasks (start before stop).
    let primary_failed =
        deployments[pidx].rollout_state == Some(ecs::DeploymentRolloutState::Failed);
    let throttled = rec
        .meta
        .get(&primary_id)
        .is_some_and(|m| m.next_launch_at > now);
    let want = (d as usize).saturating_sub(keep.len());
    let room = max_tasks.saturating_sub(total);
    let k = want.min(room);
    if k > 0 && !primary_failed && !throttled && !draining_service {
        actions.launch = Some(Launch {
            deployment: primary_id.clone(),
            task_definition: deployments[pidx]
                .task_definition
                .clone()
                .unwrap_or_default(),
            count: k as u32,
        });
    }

    // 6. Scale in the primary: not-running first, then newest.
    if keep.len() > d as usize {
        let mut extra = keep.clone();
        extra.sort_by(|a, b| {
            a.running()
                .cmp(&b.running())
                .then(b.created_at.total_cmp(&a.created_at))
                .then(a.id.cmp(&b.id))
        });
        for t in extra.into_iter().take(keep.len() - d as usize) {
            if t.serving(now, &primary_id) {
                if healthy.saturating_sub(1) < min_healthy {
                    continue;
                }
                healthy -= 1;
            }
            total -= 1;
            actions.stop.push((t.id.clone(), StopWhy::Scaling));
        }
    }

    // 7. Drain old deployments and leaving instances within minHealthy.
    doomed.sort_by(|a, b| {
        a.serving(now, &primary_id)
            .cmp(&b.serving(now, &primary_id))
            .then(a.created_at.total_cmp(&b.created_at))
            .then(a.id.cmp(&b.id))
    });
    for t in doomed {
        if t.serving(now, &primary_id) {
            if healthy.saturating_sub(1) < min_healthy {
                continue;
            }
            healthy -= 1;
        }
        total = total.saturating_sub(1);
        actions.stop.push((t.id.clone(), StopWhy::Scaling));
    }
    let _ = total;

    // 8. Counts per deployment (live tasks not being stopped now).
    let stopped_now: std::collections::BTreeSet<&str> =
        actions.stop.iter().map(|(id, _)| id.as_str()).collect();
    for dep in deployments.iter_mut() {
        let id = dep.id.clone().unwrap_or_default();
        let mine: Vec<&TaskView> = tasks
            .iter()
            .filter(|t| t.live() && t.deployment == id && !stopped_now.contains(t.id.as_str()))
            .collect();
        let running = mine.iter().filter(|t| t.running()).count() as i32;
        let pending = mine.len() as i32 - running;
        if dep.running_count != Some(running) || dep.pending_count != Some(pending) {
            dep.running_count = Some(running);
            dep.pending_count = Some(pending);
            dep.updated_at = Some(now);
        }
    }
    // Old deployments without tasks are done.
    let any_live = |id: &str| tasks.iter().any(|t| t.live() && t.deployment == id);
    deployments.retain(|x| {
        x.status.as_deref() == Some("PRIMARY") || any_live(x.id.as_deref().unwrap_or(""))
    });
    let pidx = deployments
        .iter()
        .position(|x| x.status.as_deref() == Some("PRIMARY"))
        .unwrap_or(0);
    deployments[pidx].desired_count = Some(d);

    // 9. Completion and steady state.
    let p = &deployments[pidx];
    let primary_healthy = tasks
        .iter()
        .filter(|t| {
            t.deployment == primary_id && t.healthy(now) && !stopped_now.contains(t.id.as_str())
        })
        .count() as i32;
    let stable = deployments.len() == 1
        && p.running_count == Some(d)
        && p.pending_count == Some(0)
        && primary_healthy == d
        && actions.is_empty();
    if stable && p.rollout_state == Some(ecs::DeploymentRolloutState::InProgress) {
        let p = &mut deployments[pidx];
        p.rollout_state = Some(ecs::DeploymentRolloutState::Completed);
        p.rollout_state_reason = Some(format!("ECS deployment {primary_id} completed."));
        p.updated_at = Some(now);
        rec.last_completed = Some((
            primary_id.clone(),
            p.task_definition.clone().unwrap_or_default(),
        ));
        push_event(
            &mut rec.service,
            now,
            format!(
                "(service {name}) (deployment {}) deployment completed.",
                &primary_id
            ),
        );
    }
    // 10. Events, counts on the service; a drained DRAINING service is INACTIVE.
    finish_pass(
        rec,
        tasks,
        actions,
        deployments,
        PassEnd {
            name: &name,
            stable,
            draining_service,
            no_live_tasks: live.is_empty(),
            now,
        },
    )
}

/// Decide one pass for a DAEMON service: exactly one task of the PRIMARY
/// deployment on every eligible instance (`eligible`: ACTIVE, connected,
/// satisfying the constraints, or already running a task of the service).
/// Tasks elsewhere, duplicates and tasks of older deployments are stopped;
/// an older deployment's task on an instance is stopped before the new one
/// starts there (DAEMON defaults: minimumHealthyPercent 0, maximumPercent
/// 100).
pub fn decide_daemon(
    rec: &mut ServiceRecord,
    tasks: &[TaskView],
    eligible: &std::collections::BTreeSet<String>,
    now: f64,
) -> Actions {
    let mut actions = Actions::default();
    let status = rec.service.status.clone().unwrap_or_default();
    if status == "INACTIVE" {
        return actions;
    }
    let name = rec.service.service_name.clone().unwrap_or_default();
    let draining_service = status == "DRAINING";
    let mut deployments = rec.service.deployments.clone().unwrap_or_default();
    let Some(pidx) = deployments
        .iter()
        .position(|x| x.status.as_deref() == Some("PRIMARY"))
    else {
        return actions;
    };
    account_stopped(rec, &mut deployments, tasks, now, &name);
    let primary_id = deployments[pidx].id.clone().unwrap_or_default();
    actions.stop_reason = format!("Scaling activity initiated by (deployment {primary_id})");
    let targets: std::collections::BTreeSet<String> = if draining_service {
        Default::default()
    } else {
        eligible.clone()
    };
    let d = targets.len() as i32;
    let live: Vec<&TaskView> = tasks.iter().filter(|t| t.live()).collect();
    let mut has_primary: std::collections::BTreeSet<String> = Default::default();
    let mut blocked: std::collections::BTreeSet<String> = Default::default();
    let mut sorted = live.clone();
    // Keep the oldest primary task on an instance.
    sorted.sort_by(|a, b| a.created_at.total_cmp(&b.created_at).then(a.id.cmp(&b.id)));
    for t in &sorted {
        let inst = t.instance.clone().unwrap_or_default();
        let wanted = targets.contains(&inst) && !t.instance_leaving;
        if t.deployment == primary_id && wanted && has_primary.insert(inst.clone()) {
            continue;
        }
        if t.deployment != primary_id && wanted {
            blocked.insert(inst);
        }
        actions.stop.push((t.id.clone(), StopWhy::Scaling));
    }
    let failed = deployments[pidx].rollout_state == Some(ecs::DeploymentRolloutState::Failed);
    let throttled = rec
        .meta
        .get(&primary_id)
        .is_some_and(|m| m.next_launch_at > now);
    if !failed && !throttled {
        actions.launch_on = targets
            .iter()
            .filter(|i| !has_primary.contains(*i) && !blocked.contains(*i))
            .cloned()
            .collect();
    }
    let stopped_now: std::collections::BTreeSet<&str> =
        actions.stop.iter().map(|(id, _)| id.as_str()).collect();
    for dep in deployments.iter_mut() {
        let id = dep.id.clone().unwrap_or_default();
        let mine: Vec<&&TaskView> = live
            .iter()
            .filter(|t| t.deployment == id && !stopped_now.contains(t.id.as_str()))
            .collect();
        let running = mine.iter().filter(|t| t.running()).count() as i32;
        let pending = mine.len() as i32 - running;
        if dep.running_count != Some(running) || dep.pending_count != Some(pending) {
            dep.running_count = Some(running);
            dep.pending_count = Some(pending);
            dep.updated_at = Some(now);
        }
    }
    let any_live = |id: &str| live.iter().any(|t| t.deployment == id);
    deployments.retain(|x| {
        x.status.as_deref() == Some("PRIMARY") || any_live(x.id.as_deref().unwrap_or(""))
    });
    let pidx = deployments
        .iter()
        .position(|x| x.status.as_deref() == Some("PRIMARY"))
        .unwrap_or(0);
    deployments[pidx].desired_count = Some(d);
    rec.service.desired_count = Some(d);
    let primary_healthy = live
        .iter()
        .filter(|t| {
            t.deployment == primary_id && t.healthy(now) && !stopped_now.contains(t.id.as_str())
        })
        .count() as i32;
    let stable = deployments.len() == 1
        && deployments[pidx].running_count == Some(d)
        && deployments[pidx].pending_count == Some(0)
        && primary_healthy == d
        && actions.is_empty();
    if stable && deployments[pidx].rollout_state == Some(ecs::DeploymentRolloutState::InProgress) {
        let p = &mut deployments[pidx];
        p.rollout_state = Some(ecs::DeploymentRolloutState::Completed);
        p.rollout_state_reason = Some(format!("ECS deployment {primary_id} completed."));
        p.updated_at = Some(now);
        rec.last_completed = Some((
            primary_id.clone(),
            p.task_definition.clone().unwrap_or_default(),
        ));
        push_event(
            &mut rec.service,
            now,
            format!("(service {name}) (deployment {primary_id}) deployment completed."),
        );
    }
    finish_pass(
        rec,
        tasks,
        actions,
        deployments,
        PassEnd {
            name: &name,
            stable,
            draining_service,
            no_live_tasks: live.is_empty(),
            now,
        },
    )
}

/// What the end of a pass needs to know about it.
struct PassEnd<'a> {
    name: &'a str,
    stable: bool,
    draining_service: bool,
    no_live_tasks: bool,
    now: f64,
}

/// The end of every pass, REPLICA and DAEMON alike: the steady-state and
/// stopped-tasks events, the service's counts, INACTIVE once a DRAINING
/// service has no task left, and bookkeeping of the kept deployments.
fn finish_pass(
    rec: &mut ServiceRecord,
    tasks: &[TaskView],
    actions: Actions,
    deployments: Vec<ecs::Deployment>,
    end: PassEnd<'_>,
) -> Actions {
    let PassEnd {
        name,
        stable,
        draining_service,
        no_live_tasks,
        now,
    } = end;
    if stable && !rec.steady && !draining_service {
        push_event(
            &mut rec.service,
            now,
            format!("(service {name}) has reached a steady state."),
        );
    }
    rec.steady = stable;
    let stopped_ids: Vec<String> = actions
        .stop
        .iter()
        .filter(|(id, _)| {
            tasks
                .iter()
                .any(|t| &t.id == id && t.last_status == "RUNNING")
        })
        .map(|(id, _)| format!("(task {id})"))
        .collect();
    if !stopped_ids.is_empty() {
        push_event(
            &mut rec.service,
            now,
            format!(
                "(service {name}) has stopped {} running tasks: {}.",
                stopped_ids.len(),
                stopped_ids.join(" ")
            ),
        );
    }
    rec.service.running_count = Some(deployments.iter().filter_map(|x| x.running_count).sum());
    rec.service.pending_count = Some(deployments.iter().filter_map(|x| x.pending_count).sum());
    if draining_service && no_live_tasks && actions.stop.is_empty() {
        rec.service.status = Some("INACTIVE".to_string());
        rec.service.running_count = Some(0);
        rec.service.pending_count = Some(0);
    }
    rec.meta.retain(|id, _| {
        deployments
            .iter()
            .any(|x| x.id.as_deref() == Some(id.as_str()))
    });
    rec.service.deployments = Some(deployments);
    super::history::refresh(rec, now);
    actions
}

/// A fresh PRIMARY deployment.
pub fn new_deployment(
    id: &str,
    task_definition: &str,
    desired: i32,
    now: f64,
    reason: String,
) -> ecs::Deployment {
    ecs::Deployment {
        id: Some(id.to_string()),
        status: Some("PRIMARY".to_string()),
        task_definition: Some(task_definition.to_string()),
        desired_count: Some(desired),
        pending_count: Some(0),
        running_count: Some(0),
        failed_tasks: Some(0),
        created_at: Some(now),
        updated_at: Some(now),
        launch_type: Some(ecs::LaunchType::Ec2),
        rollout_state: Some(ecs::DeploymentRolloutState::InProgress),
        rollout_state_reason: Some(reason),
        ..Default::default()
    }
}

/// Make `deployment` the PRIMARY; the previous PRIMARY becomes ACTIVE.
pub fn start_deployment(rec: &mut ServiceRecord, mut dep: ecs::Deployment) {
    // Fargate services: the deployment carries the service's launch.
    if rec.service.launch_type != Some(ecs::LaunchType::Ec2) {
        dep.launch_type = rec.service.launch_type;
        dep.capacity_provider_strategy = rec.service.capacity_provider_strategy.clone();
        dep.platform_version = rec.service.platform_version.clone();
        dep.platform_family = rec.service.platform_family.clone();
        dep.network_configuration = rec.service.network_configuration.clone();
    }
    let deps = rec.service.deployments.get_or_insert_with(Vec::new);
    for x in deps.iter_mut() {
        if x.status.as_deref() == Some("PRIMARY") {
            x.status = Some("ACTIVE".to_string());
            x.desired_count = Some(0);
        }
    }
    if let Some(id) = &dep.id {
        rec.meta.insert(id.clone(), DeploymentMeta::default());
    }
    deps.insert(0, dep);
    rec.steady = false;
}

#[cfg(test)]
mod tests;
