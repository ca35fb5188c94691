//! Service deployments and service revisions (the ECS 2024 history API:
//! ListServiceDeployments, DescribeServiceDeployments,
//! DescribeServiceRevisions), kept in the service record so that they
//! change in the same transaction as the scheduler's `deployments[]`.
//!
//! Pure functions over the record, time passed in:
//! - every new PRIMARY deployment (CreateService, UpdateService with a new
//!   configuration or `forceNewDeployment`) records a new
//!   [`ecs::ServiceRevision`] (the service's configuration at that moment)
//!   and a new [`ecs::ServiceDeployment`] targeting it, whose sources are
//!   the revisions still running; a deployment still in progress is
//!   `STOPPED` by the newer one;
//! - a circuit-breaker rollback stays within the failed service deployment,
//!   as in ECS: `ROLLBACK_IN_PROGRESS` with `rollback.serviceRevisionArn`
//!   naming the restored revision, then `ROLLBACK_SUCCESSFUL` or
//!   `ROLLBACK_FAILED`; a trip without rollback ends it `STOPPED`;
//! - [`refresh`] (end of every scheduler pass) copies counts, circuit-breaker
//!   figures and completion from `deployments[]` and sets the service's
//!   `currentServiceDeployment` / `currentServiceRevisions`. It changes
//!   nothing when nothing changed, so a settled service is not rewritten.
//!
//! The record keeps the newest [`MAX_DEPLOYMENTS`] service deployments and
//! the revisions they (or the live deployments) reference.

use super::plan::threshold;
use super::ServiceRecord;
use gantry_api_types::ecs;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// Service deployments kept per service (newest first).
pub const MAX_DEPLOYMENTS: usize = 50;

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct History {
    /// Sequence number of the next service deployment (list order).
    #[serde(default)]
    pub next_seq: u64,
    /// Newest first.
    #[serde(default)]
    pub deployments: Vec<DeploymentEntry>,
    #[serde(default)]
    pub revisions: Vec<ecs::ServiceRevision>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct DeploymentEntry {
    pub seq: u64,
    /// The scheduler deployment (`ecs-svc/…`) that rolls the target out.
    pub target: String,
    /// The scheduler deployment that rolls back, after a circuit-breaker trip.
    #[serde(default)]
    pub rollback: Option<String>,
    pub deployment: ecs::ServiceDeployment,
}

type Status = ecs::ServiceDeploymentStatus;
type Monitor = ecs::ServiceDeploymentRollbackMonitorsStatus;

/// Whether a service deployment has reached a final status.
pub fn is_terminal(s: Option<&Status>) -> bool {
    matches!(
        s,
        Some(Status::Successful)
            | Some(Status::Stopped)
            | Some(Status::RollbackSuccessful)
            | Some(Status::RollbackFailed)
    )
}

/// `arn:…:service/<cluster>/<name>` → `arn:…:<kind>/<cluster>/<name>/<id>`.
fn child_arn(service_arn: &str, kind: &str, id: &str) -> String {
    match service_arn.split_once(":service/") {
        Some((head, tail)) => format!("{head}:{kind}/{tail}/{id}"),
        None => format!("{service_arn}/{kind}/{id}"),
    }
}

/// A 20-character alphanumeric service deployment id.
pub fn new_service_deployment_id(bits: u128) -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    let mut n = bits;
    (0..20)
        .map(|_| {
            let c = ALPHABET[(n % 62) as usize] as char;
            n /= 62;
            c
        })
        .collect()
}

/// The service revision a scheduler deployment rolls out, if recorded.
pub fn revision_of(rec: &ServiceRecord, ecs_id: &str) -> Option<String> {
    rec.history.deployments.iter().find_map(|e| {
        if e.target == ecs_id {
            e.deployment
                .target_service_revision
                .as_ref()
                .and_then(|t| t.arn.clone())
        } else if e.rollback.as_deref() == Some(ecs_id) {
            e.deployment
                .rollback
                .as_ref()
                .and_then(|r| r.service_revision_arn.clone())
        } else {
            None
        }
    })
}

fn summary(arn: String, d: Option<&ecs::Deployment>) -> ecs::ServiceRevisionSummary {
    ecs::ServiceRevisionSummary {
        arn: Some(arn),
        requested_task_count: Some(d.and_then(|d| d.desired_count).unwrap_or(0)),
        running_task_count: Some(d.and_then(|d| d.running_count).unwrap_or(0)),
        pending_task_count: Some(d.and_then(|d| d.pending_count).unwrap_or(0)),
        ..Default::default()
    }
}

fn circuit_breaker(svc: &ecs::Service, desired: i32) -> ecs::ServiceDeploymentCircuitBreaker {
    match svc
        .deployment_configuration
        .as_ref()
        .and_then(|c| c.deployment_circuit_breaker.as_ref())
        .filter(|c| c.enable)
    {
        Some(cb) => ecs::ServiceDeploymentCircuitBreaker {
            status: Some(Monitor::Monitoring),
            failure_count: Some(0),
            threshold: Some(threshold(cb, desired)),
        },
        None => ecs::ServiceDeploymentCircuitBreaker {
            status: Some(Monitor::Disabled),
            failure_count: Some(0),
            threshold: Some(0),
        },
    }
}

fn finish(e: &mut DeploymentEntry, status: Status, reason: Option<String>, now: f64) {
    let d = &mut e.deployment;
    if status == Status::Stopped {
        d.stopped_at = Some(now);
    }
    d.status = Some(status);
    if reason.is_some() {
        d.status_reason = reason;
    }
    d.finished_at = Some(now);
    d.updated_at = Some(now);
    if let Some(cb) = d.deployment_circuit_breaker.as_mut() {
        if cb.status == Some(Monitor::Monitoring) {
            cb.status = Some(Monitor::MonitoringComplete);
        }
    }
}

/// Record the service deployment of the scheduler deployment `ecs_id`,
/// which `plan::start_deployment` just made PRIMARY, and the service
/// revision it targets (the service's current configuration).
pub fn record_deployment(rec: &mut ServiceRecord, ecs_id: &str, now: f64) {
    let svc = &rec.service;
    let service_arn = svc.service_arn.clone().unwrap_or_default();
    let rev_id = ecs_id.rsplit('/').next().unwrap_or(ecs_id).to_string();
    let rev_arn = child_arn(&service_arn, "service-revision", &rev_id);
    let sd_arn = child_arn(
        &service_arn,
        "service-deployment",
        &new_service_deployment_id(uuid::Uuid::new_v4().as_u128()),
    );
    let deployments = svc.deployments.clone().unwrap_or_default();
    let new = deployments.iter().find(|d| d.id.as_deref() == Some(ecs_id));
    let desired = new.and_then(|d| d.desired_count).unwrap_or(0);
    let revision = ecs::ServiceRevision {
        service_revision_arn: Some(rev_arn.clone()),
        service_arn: svc.service_arn.clone(),
        cluster_arn: svc.cluster_arn.clone(),
        task_definition: new
            .and_then(|d| d.task_definition.clone())
            .or_else(|| svc.task_definition.clone()),
        capacity_provider_strategy: svc.capacity_provider_strategy.clone(),
        launch_type: svc.launch_type,
        platform_version: svc.platform_version.clone(),
        platform_family: svc.platform_family.clone(),
        load_balancers: svc.load_balancers.clone(),
        service_registries: svc.service_registries.clone(),
        network_configuration: svc.network_configuration.clone(),
        created_at: Some(now),
        ..Default::default()
    };
    // Sources: the revisions of the deployments that still run tasks.
    let sources: Vec<ecs::ServiceRevisionSummary> = deployments
        .iter()
        .filter(|d| d.id.as_deref() != Some(ecs_id))
        .filter(|d| d.running_count.unwrap_or(0) + d.pending_count.unwrap_or(0) > 0)
        .filter_map(|d| {
            let arn = revision_of(rec, d.id.as_deref()?)?;
            Some(summary(arn, Some(d)))
        })
        .collect();
    let sd = ecs::ServiceDeployment {
        service_deployment_arn: Some(sd_arn.clone()),
        service_arn: svc.service_arn.clone(),
        cluster_arn: svc.cluster_arn.clone(),
        created_at: Some(now),
        started_at: Some(now),
        updated_at: Some(now),
        source_service_revisions: Some(sources),
        target_service_revision: Some(summary(rev_arn, new)),
        status: Some(Status::InProgress),
        status_reason: None,
        deployment_configuration: svc.deployment_configuration.clone(),
        deployment_circuit_breaker: Some(circuit_breaker(svc, desired)),
        alarms: Some(ecs::ServiceDeploymentAlarms {
            status: Some(Monitor::Disabled),
            alarm_names: None,
            triggered_alarm_names: None,
        }),
        ..Default::default()
    };
    // A newer deployment stops the one in progress.
    for e in rec.history.deployments.iter_mut() {
        if !is_terminal(e.deployment.status.as_ref()) {
            finish(
                e,
                Status::Stopped,
                Some(format!(
                    "Service deployment stopped: a newer service deployment ({sd_arn}) started."
                )),
                now,
            );
        }
    }
    let seq = rec.history.next_seq;
    rec.history.next_seq += 1;
    rec.history.deployments.insert(
        0,
        DeploymentEntry {
            seq,
            target: ecs_id.to_string(),
            rollback: None,
            deployment: sd,
        },
    );
    rec.history.revisions.push(revision);
    rec.service.current_service_deployment = Some(sd_arn);
    prune(rec);
}

/// The circuit breaker tripped on `failed` and the scheduler started
/// `rollback` to restore `restored`: the failed service deployment rolls back.
pub fn record_rollback(
    rec: &mut ServiceRecord,
    failed: &str,
    rollback: &str,
    restored: &str,
    reason: &str,
    failures: i32,
    now: f64,
) {
    let restored_rev = revision_of(rec, restored);
    let Some(e) = rec
        .history
        .deployments
        .iter_mut()
        .find(|e| e.target == failed)
    else {
        return;
    };
    e.rollback = Some(rollback.to_string());
    let d = &mut e.deployment;
    d.status = Some(Status::RollbackInProgress);
    d.status_reason = Some(reason.to_string());
    d.updated_at = Some(now);
    d.rollback = Some(ecs::Rollback {
        reason: Some(reason.to_string()),
        started_at: Some(now),
        service_revision_arn: restored_rev,
    });
    if let Some(cb) = d.deployment_circuit_breaker.as_mut() {
        cb.status = Some(Monitor::Triggered);
        cb.failure_count = Some(failures);
    }
}

/// Bring the service deployments in line with `deployments[]` after a
/// scheduler pass (or a handler's change). Idempotent.
pub fn refresh(rec: &mut ServiceRecord, now: f64) {
    if rec.history.deployments.is_empty() {
        return;
    }
    let deployments = rec.service.deployments.clone().unwrap_or_default();
    let find = |id: &str| deployments.iter().find(|d| d.id.as_deref() == Some(id));
    let active_service = rec.service.status.as_deref() == Some("ACTIVE");
    let cb_cfg = rec
        .service
        .deployment_configuration
        .as_ref()
        .and_then(|c| c.deployment_circuit_breaker.clone())
        .filter(|c| c.enable);
    let rev_of: Vec<(String, Option<String>)> = deployments
        .iter()
        .filter_map(|d| {
            let id = d.id.clone()?;
            let r = revision_of(rec, &id);
            Some((id, r))
        })
        .collect();
    for e in rec.history.deployments.iter_mut() {
        if is_terminal(e.deployment.status.as_ref()) {
            continue;
        }
        let before = e.deployment.clone();
        let target = find(&e.target);
        let sd = &mut e.deployment;
        // Counts: the target's, and the sources' while they still run.
        if let Some(t) = sd.target_service_revision.as_mut() {
            let arn = t.arn.clone().unwrap_or_default();
            *t = summary(arn, target);
        }
        for s in sd.source_service_revisions.iter_mut().flatten() {
            let arn = s.arn.clone().unwrap_or_default();
            let dep = rev_of
                .iter()
                .find(|(id, r)| r.as_deref() == Some(arn.as_str()) && *id != e.target)
                .and_then(|(id, _)| find(id));
            *s = summary(arn, dep);
        }
        let rolling_back = e.rollback.is_some();
        if let (Some(cb), Some(cfg), Some(t), false) = (
            sd.deployment_circuit_breaker.as_mut(),
            cb_cfg.as_ref(),
            target,
            rolling_back,
        ) {
            cb.failure_count = Some(t.failed_tasks.unwrap_or(0));
            cb.threshold = Some(threshold(cfg, t.desired_count.unwrap_or(0)));
        }
        let state = |id: Option<&str>| id.and_then(find).and_then(|d| d.rollout_state);
        match sd.status {
            Some(Status::InProgress) | Some(Status::Pending) => match state(Some(&e.target)) {
                _ if !active_service => finish(
                    e,
                    Status::Stopped,
                    Some("The service was deleted.".to_string()),
                    now,
                ),
                Some(ecs::DeploymentRolloutState::Completed) => {
                    finish(e, Status::Successful, None, now)
                }
                Some(ecs::DeploymentRolloutState::Failed) => {
                    let reason = target.and_then(|t| t.rollout_state_reason.clone());
                    finish(e, Status::Stopped, reason, now);
                    if let Some(cb) = e.deployment.deployment_circuit_breaker.as_mut() {
                        cb.status = Some(Monitor::Triggered);
                    }
                }
                _ => {}
            },
            Some(Status::RollbackInProgress) | Some(Status::RollbackRequested) => {
                match state(e.rollback.as_deref()) {
                    Some(ecs::DeploymentRolloutState::Completed) => {
                        finish(e, Status::RollbackSuccessful, None, now)
                    }
                    Some(ecs::DeploymentRolloutState::Failed) => {
                        finish(e, Status::RollbackFailed, None, now)
                    }
                    _ if !active_service => finish(
                        e,
                        Status::RollbackFailed,
                        Some("The service was deleted.".to_string()),
                        now,
                    ),
                    _ => {}
                }
                // The failed target keeps its TRIGGERED breaker.
                if let Some(cb) = e.deployment.deployment_circuit_breaker.as_mut() {
                    cb.status = Some(Monitor::Triggered);
                }
            }
            _ => {}
        }
        if e.deployment != before {
            e.deployment.updated_at = Some(now);
        }
    }
    // The service's view of its current revisions.
    let current: Vec<ecs::ServiceCurrentRevisionSummary> = deployments
        .iter()
        .filter_map(|d| {
            let arn = rev_of
                .iter()
                .find(|(id, _)| Some(id.as_str()) == d.id.as_deref())
                .and_then(|(_, r)| r.clone())?;
            Some(ecs::ServiceCurrentRevisionSummary {
                arn: Some(arn),
                requested_task_count: Some(d.desired_count.unwrap_or(0)),
                running_task_count: Some(d.running_count.unwrap_or(0)),
                pending_task_count: Some(d.pending_count.unwrap_or(0)),
            })
        })
        .collect();
    rec.service.current_service_revisions = Some(current);
    rec.service.current_service_deployment = rec
        .history
        .deployments
        .first()
        .and_then(|e| e.deployment.service_deployment_arn.clone());
}

/// Keep the newest deployments and the revisions something still needs.
fn prune(rec: &mut ServiceRecord) {
    let mut keep: BTreeSet<String> = BTreeSet::new();
    for d in rec.service.deployments.iter().flatten() {
        if let Some(r) = d.id.as_deref().and_then(|id| revision_of(rec, id)) {
            keep.insert(r);
        }
    }
    if let Some(r) = rec
        .last_completed
        .as_ref()
        .and_then(|(id, _)| revision_of(rec, id))
    {
        keep.insert(r);
    }
    let h = &mut rec.history;
    let mut seen = 0;
    h.deployments.retain(|e| {
        seen += 1;
        seen <= MAX_DEPLOYMENTS || !is_terminal(e.deployment.status.as_ref())
    });
    for e in &h.deployments {
        let d = &e.deployment;
        keep.extend(
            d.target_service_revision
                .iter()
                .filter_map(|s| s.arn.clone()),
        );
        keep.extend(
            d.source_service_revisions
                .iter()
                .flatten()
                .filter_map(|s| s.arn.clone()),
        );
        keep.extend(
            d.rollback
                .iter()
                .filter_map(|r| r.service_revision_arn.clone()),
        );
    }
    h.revisions.retain(|r| {
        r.service_revision_arn
            .as_ref()
            .is_some_and(|a| keep.contains(a))
    });
}

#[cfg(test)]
mod tests;
