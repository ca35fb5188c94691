//! Service deployments and revisions driven through the pure scheduler.

use super::*;
use crate::ecs::services::plan::{decide, new_deployment, start_deployment, TaskView};
use std::collections::BTreeMap;

const TD1: &str = "arn:aws:ecs:us-east-1:123456789012:task-definition/web:1";
const TD2: &str = "arn:aws:ecs:us-east-1:123456789012:task-definition/web:2";
const SVC: &str = "arn:aws:ecs:us-east-1:123456789012:service/prod/web";

fn service(desired: i32, cb: Option<(bool, bool)>) -> ServiceRecord {
    let mut rec = ServiceRecord {
        service: ecs::Service {
            service_arn: Some(SVC.into()),
            cluster_arn: Some("arn:aws:ecs:us-east-1:123456789012:cluster/prod".into()),
            service_name: Some("web".into()),
            status: Some("ACTIVE".into()),
            desired_count: Some(desired),
            task_definition: Some(TD1.into()),
            launch_type: Some(ecs::LaunchType::Ec2),
            deployment_configuration: Some(ecs::DeploymentConfiguration {
                minimum_healthy_percent: Some(100),
                maximum_percent: Some(200),
                deployment_circuit_breaker: cb.map(|(enable, rollback)| {
                    ecs::DeploymentCircuitBreaker {
                        enable,
                        rollback,
                        reset_on_healthy_task: None,
                        threshold_configuration: None,
                    }
                }),
                ..Default::default()
            }),
            ..Default::default()
        },
        cluster: "prod".into(),
        meta: BTreeMap::new(),
        last_completed: None,
        steady: false,
        client_token: None,
        history: Default::default(),
    };
    deploy(&mut rec, "ecs-svc/1000000000000000001", TD1, desired, 0.0);
    rec
}

fn deploy(rec: &mut ServiceRecord, id: &str, td: &str, desired: i32, now: f64) {
    start_deployment(rec, new_deployment(id, td, desired, now, "x".into()));
    rec.service.task_definition = Some(td.into());
    record_deployment(rec, id, now);
    refresh(rec, now);
}

fn task(id: &str, dep: &str, status: &str) -> TaskView {
    TaskView {
        id: id.into(),
        deployment: dep.into(),
        last_status: status.into(),
        desired_running: status != "STOPPED",
        started_at: (status == "RUNNING").then_some(1.0),
        created_at: 1.0,
        health: None,
        stop_code: None,
        instance_leaving: false,
        instance: Some("i1".into()),
    }
}

fn exited(id: &str, dep: &str) -> TaskView {
    TaskView {
        started_at: None,
        stop_code: Some(ecs::TaskStopCode::EssentialContainerExited),
        ..task(id, dep, "STOPPED")
    }
}

fn newest(rec: &ServiceRecord) -> &ecs::ServiceDeployment {
    &rec.history.deployments[0].deployment
}

#[test]
fn creation_records_a_revision_and_an_in_progress_deployment_that_succeeds() {
    let mut rec = service(1, None);
    let sd = newest(&rec).clone();
    assert_eq!(sd.status, Some(Status::InProgress));
    let arn = sd.service_deployment_arn.clone().unwrap();
    assert!(
        arn.starts_with("arn:aws:ecs:us-east-1:123456789012:service-deployment/prod/web/"),
        "{arn}"
    );
    assert_eq!(arn.rsplit('/').next().unwrap().len(), 20);
    let target = sd.target_service_revision.clone().unwrap();
    assert_eq!(
        target.arn.as_deref(),
        Some("arn:aws:ecs:us-east-1:123456789012:service-revision/prod/web/1000000000000000001")
    );
    assert_eq!(target.requested_task_count, Some(1));
    assert_eq!(sd.source_service_revisions, Some(vec![]));
    assert_eq!(
        sd.deployment_circuit_breaker.unwrap().status,
        Some(Monitor::Disabled)
    );
    let rev = &rec.history.revisions[0];
    assert_eq!(rev.task_definition.as_deref(), Some(TD1));
    assert_eq!(rev.launch_type, Some(ecs::LaunchType::Ec2));
    assert_eq!(rec.service.current_service_deployment, Some(arn));

    decide(
        &mut rec,
        &[task("a", "ecs-svc/1000000000000000001", "RUNNING")],
        5.0,
    );
    let sd = newest(&rec);
    assert_eq!(sd.status, Some(Status::Successful));
    assert_eq!(sd.finished_at, Some(5.0));
    let t = sd.target_service_revision.as_ref().unwrap();
    assert_eq!(t.running_task_count, Some(1));
    let current = rec.service.current_service_revisions.clone().unwrap();
    assert_eq!(current.len(), 1);
    assert_eq!(current[0].running_task_count, Some(1));
}

#[test]
fn refresh_is_idempotent_on_a_settled_service() {
    let mut rec = service(1, None);
    let tasks = [task("a", "ecs-svc/1000000000000000001", "RUNNING")];
    decide(&mut rec, &tasks, 5.0);
    decide(&mut rec, &tasks, 6.0);
    let before = rec.history.clone();
    decide(&mut rec, &tasks, 7.0);
    assert_eq!(rec.history, before);
}

#[test]
fn an_update_names_the_running_revision_as_source_and_stops_an_unfinished_deployment() {
    let mut rec = service(2, None);
    let first = newest(&rec).service_deployment_arn.clone().unwrap();
    // ecs-svc/1 has one task running when ecs-svc/2 starts: still IN_PROGRESS.
    decide(
        &mut rec,
        &[task("a", "ecs-svc/1000000000000000001", "RUNNING")],
        3.0,
    );
    deploy(&mut rec, "ecs-svc/1000000000000000002", TD2, 2, 4.0);
    assert_eq!(rec.history.deployments.len(), 2);
    let old = &rec.history.deployments[1].deployment;
    assert_eq!(old.service_deployment_arn.as_deref(), Some(first.as_str()));
    assert_eq!(old.status, Some(Status::Stopped));
    assert_eq!(old.stopped_at, Some(4.0));
    let new = newest(&rec);
    let sources = new.source_service_revisions.clone().unwrap();
    assert_eq!(sources.len(), 1);
    assert!(sources[0]
        .arn
        .as_deref()
        .unwrap()
        .ends_with("/1000000000000000001"));
    assert_eq!(sources[0].running_task_count, Some(1));
    assert_eq!(rec.history.revisions.len(), 2);
    assert_eq!(
        rec.history.revisions[1].task_definition.as_deref(),
        Some(TD2)
    );
}

#[test]
fn a_circuit_breaker_rollback_stays_in_the_failed_deployment_and_succeeds() {
    let mut rec = service(1, Some((true, true)));
    decide(
        &mut rec,
        &[task("a", "ecs-svc/1000000000000000001", "RUNNING")],
        5.0,
    );
    let first_rev = rec.history.deployments[0]
        .deployment
        .target_service_revision
        .clone()
        .unwrap()
        .arn;
    deploy(&mut rec, "ecs-svc/1000000000000000002", TD2, 1, 6.0);
    assert_eq!(
        newest(&rec).deployment_circuit_breaker,
        Some(ecs::ServiceDeploymentCircuitBreaker {
            status: Some(Monitor::Monitoring),
            failure_count: Some(0),
            threshold: Some(3),
        })
    );
    let mut tasks = vec![task("a", "ecs-svc/1000000000000000001", "RUNNING")];
    for (i, id) in ["f1", "f2"].iter().enumerate() {
        tasks.push(exited(id, "ecs-svc/1000000000000000002"));
        decide(&mut rec, &tasks, 10.0 + i as f64);
    }
    assert_eq!(
        newest(&rec)
            .deployment_circuit_breaker
            .as_ref()
            .unwrap()
            .failure_count,
        Some(2)
    );
    tasks.push(exited("f3", "ecs-svc/1000000000000000002"));
    decide(&mut rec, &tasks, 20.0);
    let sd = newest(&rec).clone();
    assert_eq!(sd.status, Some(Status::RollbackInProgress));
    let rb = sd.rollback.unwrap();
    assert_eq!(rb.service_revision_arn, first_rev);
    assert_eq!(rb.started_at, Some(20.0));
    assert_eq!(
        sd.deployment_circuit_breaker.unwrap().status,
        Some(Monitor::Triggered)
    );
    // The rollback deployment reaches its count with the old task.
    let rollback_id = rec.history.deployments[0].rollback.clone().unwrap();
    let tasks = [task("b", &rollback_id, "RUNNING")];
    decide(&mut rec, &tasks, 30.0);
    decide(&mut rec, &tasks, 31.0);
    let sd = newest(&rec);
    assert_eq!(sd.status, Some(Status::RollbackSuccessful));
    assert!(sd.finished_at.is_some());
    assert_eq!(
        rec.history.deployments.len(),
        2,
        "no third service deployment"
    );
}

#[test]
fn a_trip_without_rollback_stops_the_deployment() {
    let mut rec = service(1, Some((true, false)));
    let tasks: Vec<TaskView> = ["f1", "f2", "f3"]
        .iter()
        .map(|i| exited(i, "ecs-svc/1000000000000000001"))
        .collect();
    decide(&mut rec, &tasks, 10.0);
    let sd = newest(&rec);
    assert_eq!(sd.status, Some(Status::Stopped));
    assert_eq!(
        sd.status_reason.as_deref(),
        Some("ECS deployment circuit breaker: tasks failed to start. (deployment ecs-svc/1000000000000000001)")
    );
    let cb = sd.deployment_circuit_breaker.clone().unwrap();
    assert_eq!(cb.status, Some(Monitor::Triggered));
    assert_eq!(cb.failure_count, Some(3));
}

#[test]
fn deleting_the_service_stops_the_deployment_in_progress() {
    let mut rec = service(1, None);
    rec.service.status = Some("DRAINING".into());
    refresh(&mut rec, 3.0);
    assert_eq!(newest(&rec).status, Some(Status::Stopped));
    assert_eq!(
        newest(&rec).status_reason.as_deref(),
        Some("The service was deleted.")
    );
}

#[test]
fn history_is_capped_and_keeps_referenced_revisions() {
    let mut rec = service(1, None);
    for i in 2..(MAX_DEPLOYMENTS as u64 + 10) {
        let id = format!("ecs-svc/{:019}", i);
        deploy(&mut rec, &id, TD1, 1, i as f64);
    }
    assert_eq!(rec.history.deployments.len(), MAX_DEPLOYMENTS);
    assert!(rec.history.revisions.len() <= MAX_DEPLOYMENTS + 1);
    for e in &rec.history.deployments {
        let arn = e
            .deployment
            .target_service_revision
            .as_ref()
            .unwrap()
            .arn
            .clone();
        assert!(rec
            .history
            .revisions
            .iter()
            .any(|r| r.service_revision_arn == arn));
    }
    // newest first, strictly decreasing sequence numbers
    assert!(rec
        .history
        .deployments
        .windows(2)
        .all(|w| w[0].seq > w[1].seq));
}

#[test]
fn service_deployment_ids_are_twenty_alphanumerics() {
    let a = new_service_deployment_id(0);
    let b = new_service_deployment_id(u128::MAX);
    assert_eq!(a.len(), 20);
    assert!(b.chars().all(|c| c.is_ascii_alphanumeric()));
    assert_ne!(a, b);
}
