//! Table-style scenarios for the pure REPLICA decision.

use super::*;
use crate::ecs::services::ServiceRecord;
use std::collections::BTreeMap;

const TD1: &str = "arn:aws:ecs:us-east-1:123456789012:task-definition/web:1";
const TD2: &str = "arn:aws:ecs:us-east-1:123456789012:task-definition/web:2";

fn service(desired: i32, min: i32, max: i32, cb: Option<(bool, bool)>) -> ServiceRecord {
    let mut rec = ServiceRecord {
        service: ecs::Service {
            service_name: Some("web".into()),
            status: Some("ACTIVE".into()),
            desired_count: Some(desired),
            task_definition: Some(TD1.into()),
            deployment_configuration: Some(ecs::DeploymentConfiguration {
                minimum_healthy_percent: Some(min),
                maximum_percent: Some(max),
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
        cluster: "default".into(),
        meta: BTreeMap::new(),
        last_completed: None,
        steady: false,
        client_token: None,
        history: Default::default(),
    };
    start_deployment(
        &mut rec,
        new_deployment("ecs-svc/1", TD1, desired, 0.0, "x".into()),
    );
    rec
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

fn exited(id: &str, dep: &str, reached_running: bool) -> TaskView {
    TaskView {
        started_at: reached_running.then_some(1.0),
        stop_code: Some(ecs::TaskStopCode::EssentialContainerExited),
        ..task(id, dep, "STOPPED")
    }
}

fn primary(rec: &ServiceRecord) -> ecs::Deployment {
    rec.service
        .deployments
        .clone()
        .unwrap()
        .into_iter()
        .find(|d| d.status.as_deref() == Some("PRIMARY"))
        .unwrap()
}

fn stops(a: &Actions) -> Vec<&str> {
    a.stop.iter().map(|(id, _)| id.as_str()).collect()
}

#[test]
fn new_service_launches_desired_count() {
    let mut rec = service(3, 100, 200, None);
    let a = decide(&mut rec, &[], 10.0);
    assert_eq!(
        a.launch,
        Some(Launch {
            deployment: "ecs-svc/1".into(),
            task_definition: TD1.into(),
            count: 3
        })
    );
    assert!(a.stop.is_empty());
    // idempotent: same input, same decision
    let a2 = decide(&mut rec, &[], 10.0);
    assert_eq!(a, a2);
}

#[test]
fn steady_service_completes_once_and_does_nothing() {
    let mut rec = service(2, 100, 200, None);
    let tasks = [
        task("a", "ecs-svc/1", "RUNNING"),
        task("b", "ecs-svc/1", "RUNNING"),
    ];
    let a = decide(&mut rec, &tasks, 10.0);
    assert!(a.is_empty());
    let p = primary(&rec);
    assert_eq!(
        p.rollout_state,
        Some(ecs::DeploymentRolloutState::Completed)
    );
    assert_eq!(
        p.rollout_state_reason.as_deref(),
        Some("ECS deployment ecs-svc/1 completed.")
    );
    assert_eq!(rec.service.running_count, Some(2));
    let events = rec.service.events.clone().unwrap();
    assert_eq!(
        events[0].message.as_deref(),
        Some("(service web) has reached a steady state.")
    );
    assert_eq!(rec.last_completed, Some(("ecs-svc/1".into(), TD1.into())));
    let n = events.len();
    decide(&mut rec, &tasks, 11.0);
    assert_eq!(rec.service.events.unwrap().len(), n, "no repeated events");
}

#[test]
fn stopped_task_is_replaced() {
    let mut rec = service(2, 100, 200, None);
    let tasks = [
        task("a", "ecs-svc/1", "RUNNING"),
        exited("b", "ecs-svc/1", true),
    ];
    let a = decide(&mut rec, &tasks, 10.0);
    assert_eq!(a.launch.unwrap().count, 1);
    assert!(a.stop.is_empty());
}

#[test]
fn scale_in_stops_pending_then_newest() {
    let mut rec = service(1, 100, 200, None);
    let mut newer = task("c", "ecs-svc/1", "RUNNING");
    newer.created_at = 5.0;
    let tasks = [
        task("a", "ecs-svc/1", "RUNNING"),
        newer,
        task("p", "ecs-svc/1", "PENDING"),
    ];
    let a = decide(&mut rec, &tasks, 10.0);
    assert_eq!(stops(&a), vec!["p", "c"]);
    assert_eq!(
        a.stop_reason,
        "Scaling activity initiated by (deployment ecs-svc/1)"
    );
    assert!(a.launch.is_none());
}

#[test]
fn rolling_update_starts_before_stopping_within_bounds() {
    let mut rec = service(3, 100, 200, None);
    start_deployment(
        &mut rec,
        new_deployment("ecs-svc/2", TD2, 3, 5.0, "x".into()),
    );
    let old: Vec<TaskView> = ["a", "b", "c"]
        .iter()
        .map(|i| task(i, "ecs-svc/1", "RUNNING"))
        .collect();
    // max 200%: 3 new start at once, nothing stops (new are not healthy yet)
    let a = decide(&mut rec, &old, 10.0);
    assert_eq!(a.launch.as_ref().unwrap().count, 3);
    assert_eq!(a.launch.as_ref().unwrap().task_definition, TD2);
    assert!(a.stop.is_empty());
    // two new RUNNING, one PENDING: two old may stop, min 100% keeps 3 healthy
    let mut all = old.clone();
    all.push(task("n1", "ecs-svc/2", "RUNNING"));
    all.push(task("n2", "ecs-svc/2", "RUNNING"));
    all.push(task("n3", "ecs-svc/2", "PENDING"));
    let a = decide(&mut rec, &all, 11.0);
    assert!(a.launch.is_none());
    assert_eq!(a.stop.len(), 2);
    assert_eq!(
        rec.service.deployments.as_ref().unwrap().len(),
        2,
        "old deployment still has tasks"
    );
    // all new RUNNING, old gone: one deployment, completed
    let done = [
        task("n1", "ecs-svc/2", "RUNNING"),
        task("n2", "ecs-svc/2", "RUNNING"),
        task("n3", "ecs-svc/2", "RUNNING"),
        TaskView {
            stop_code: Some(ecs::TaskStopCode::ServiceSchedulerInitiated),
            ..task("a", "ecs-svc/1", "STOPPED")
        },
    ];
    let a = decide(&mut rec, &done, 12.0);
    assert!(a.is_empty());
    let deps = rec.service.deployments.clone().unwrap();
    assert_eq!(deps.len(), 1);
    assert_eq!(
        deps[0].rollout_state,
        Some(ecs::DeploymentRolloutState::Completed)
    );
}

#[test]
fn max_100_stops_first_min_0() {
    // min 0 / max 100: old tasks stop before new ones start
    let mut rec = service(2, 0, 100, None);
    start_deployment(
        &mut rec,
        new_deployment("ecs-svc/2", TD2, 2, 5.0, "x".into()),
    );
    let old = [
        task("a", "ecs-svc/1", "RUNNING"),
        task("b", "ecs-svc/1", "RUNNING"),
    ];
    let a = decide(&mut rec, &old, 10.0);
    assert!(a.launch.is_none());
    assert_eq!(stops(&a), vec!["a", "b"]);
}

#[test]
fn min_100_max_100_stalls() {
    let mut rec = service(2, 100, 100, None);
    start_deployment(
        &mut rec,
        new_deployment("ecs-svc/2", TD2, 2, 5.0, "x".into()),
    );
    let old = [
        task("a", "ecs-svc/1", "RUNNING"),
        task("b", "ecs-svc/1", "RUNNING"),
    ];
    assert!(decide(&mut rec, &old, 10.0).is_empty());
}

#[test]
fn draining_instance_tasks_replaced_then_stopped() {
    let mut rec = service(2, 100, 200, None);
    let mut leaving = task("a", "ecs-svc/1", "RUNNING");
    leaving.instance_leaving = true;
    let tasks = [leaving.clone(), task("b", "ecs-svc/1", "RUNNING")];
    let a = decide(&mut rec, &tasks, 10.0);
    assert_eq!(a.launch.unwrap().count, 1);
    assert!(a.stop.is_empty(), "min 100%: replacement first");
    let tasks = [
        leaving,
        task("b", "ecs-svc/1", "RUNNING"),
        task("c", "ecs-svc/1", "RUNNING"),
    ];
    let a = decide(&mut rec, &tasks, 11.0);
    assert_eq!(stops(&a), vec!["a"]);
}

#[test]
fn unhealthy_task_replaced_after_grace_and_counted() {
    let mut rec = service(1, 100, 200, Some((true, false)));
    rec.service.health_check_grace_period_seconds = Some(30);
    let mut t = task("a", "ecs-svc/1", "RUNNING");
    t.health = Some(ecs::HealthStatus::Unhealthy);
    assert!(
        decide(&mut rec, &[t.clone()], 20.0).stop.is_empty(),
        "inside grace"
    );
    let mut rec2 = rec.clone();
    let a = decide(&mut rec2, &[t.clone()], 40.0);
    assert_eq!(a.stop, vec![("a".to_string(), StopWhy::Unhealthy)]);
    assert_eq!(a.launch.unwrap().count, 1);
    assert_eq!(primary(&rec2).failed_tasks, Some(1));
    // the same pass again does not count it twice
    decide(&mut rec2, &[t], 41.0);
    assert_eq!(primary(&rec2).failed_tasks, Some(1));
}

#[test]
fn circuit_breaker_fails_and_rolls_back_to_last_completed() {
    let mut rec = service(1, 100, 200, Some((true, true)));
    decide(&mut rec, &[task("a", "ecs-svc/1", "RUNNING")], 5.0);
    assert!(rec.last_completed.is_some());
    start_deployment(
        &mut rec,
        new_deployment("ecs-svc/2", TD2, 1, 5.0, "x".into()),
    );
    rec.service.task_definition = Some(TD2.into());
    let mut tasks = vec![task("a", "ecs-svc/1", "RUNNING")];
    for (i, id) in ["f1", "f2"].iter().enumerate() {
        tasks.push(exited(id, "ecs-svc/2", false));
        let a = decide(&mut rec, &tasks, 10.0 + i as f64);
        assert_eq!(a.launch.unwrap().count, 1, "still retrying");
    }
    assert_eq!(primary(&rec).failed_tasks, Some(2));
    tasks.push(exited("f3", "ecs-svc/2", true));
    let a = decide(&mut rec, &tasks, 20.0);
    let deps = rec.service.deployments.clone().unwrap();
    let failed = deps.iter().find(|d| d.id.as_deref() == Some("ecs-svc/2"));
    // the failed deployment has no live tasks, so it is already dropped
    assert!(failed.is_none());
    let p = primary(&rec);
    assert_ne!(p.id.as_deref(), Some("ecs-svc/2"));
    assert_eq!(p.task_definition.as_deref(), Some(TD1));
    assert_eq!(rec.service.task_definition.as_deref(), Some(TD1));
    assert!(rec
        .service
        .events
        .as_ref()
        .unwrap()
        .iter()
        .any(|e| e.message.as_deref()
            == Some(
                "(service web) (deployment ecs-svc/2) deployment failed: tasks failed to start."
            )));
    // the rollback deployment fills from the running old task's count
    assert_eq!(a.launch.unwrap().task_definition, TD1);
}

#[test]
fn circuit_breaker_without_rollback_stops_launching() {
    let mut rec = service(1, 100, 200, Some((true, false)));
    let tasks: Vec<TaskView> = ["f1", "f2", "f3"]
        .iter()
        .map(|i| exited(i, "ecs-svc/1", true))
        .collect();
    let a = decide(&mut rec, &tasks, 10.0);
    assert!(a.launch.is_none());
    let p = primary(&rec);
    assert_eq!(p.rollout_state, Some(ecs::DeploymentRolloutState::Failed));
    assert_eq!(p.failed_tasks, Some(3));
}

#[test]
fn crash_loop_throttles_launches_with_growing_delay() {
    let mut rec = service(1, 100, 200, None);
    let mut tasks = vec![];
    for (i, id) in ["f1", "f2"].iter().enumerate() {
        tasks.push(exited(id, "ecs-svc/1", false));
        assert!(decide(&mut rec, &tasks, 10.0 + i as f64).launch.is_some());
    }
    tasks.push(exited("f3", "ecs-svc/1", false));
    assert!(decide(&mut rec, &tasks, 12.0).launch.is_none(), "throttled");
    let first = rec.meta["ecs-svc/1"].next_launch_at - 12.0;
    assert!(decide(&mut rec, &tasks, 12.0 + first).launch.is_some());
    tasks.push(exited("f4", "ecs-svc/1", false));
    decide(&mut rec, &tasks, 30.0);
    let second = rec.meta["ecs-svc/1"].next_launch_at - 30.0;
    assert!(second > first, "{second} > {first}");
    assert!(rec
        .service
        .events
        .as_ref()
        .unwrap()
        .iter()
        .any(|e| e.message.as_deref()
            == Some("(service web) is unable to consistently start tasks successfully.")));
    // a task reaching RUNNING resets the throttle
    tasks.push(task("ok", "ecs-svc/1", "RUNNING"));
    decide(&mut rec, &tasks, 31.0);
    assert_eq!(rec.meta["ecs-svc/1"].consecutive_start_failures, 0);
}

#[test]
fn draining_service_stops_everything_then_inactive() {
    let mut rec = service(2, 100, 200, None);
    rec.service.status = Some("DRAINING".into());
    let tasks = [
        task("a", "ecs-svc/1", "RUNNING"),
        task("b", "ecs-svc/1", "PENDING"),
    ];
    let a = decide(&mut rec, &tasks, 10.0);
    assert_eq!(a.stop.len(), 2);
    assert!(a.launch.is_none());
    assert_eq!(rec.service.status.as_deref(), Some("DRAINING"));
    let gone = [
        TaskView {
            desired_running: false,
            ..task("a", "ecs-svc/1", "RUNNING")
        },
        TaskView {
            desired_running: false,
            ..task("b", "ecs-svc/1", "PENDING")
        },
    ];
    decide(&mut rec, &gone, 11.0);
    assert_eq!(rec.service.status.as_deref(), Some("INACTIVE"));
}

#[test]
fn thresholds() {
    let cb = |t: Option<(ecs::ThresholdType, i32)>| ecs::DeploymentCircuitBreaker {
        enable: true,
        rollback: false,
        reset_on_healthy_task: None,
        threshold_configuration: t
            .map(|(r#type, value)| ecs::ThresholdConfiguration { r#type, value }),
    };
    assert_eq!(threshold(&cb(None), 1), 3);
    assert_eq!(threshold(&cb(None), 25), 13);
    assert_eq!(threshold(&cb(None), 1000), 200);
    assert_eq!(
        threshold(&cb(Some((ecs::ThresholdType::Count, 7))), 1000),
        7
    );
    assert_eq!(
        threshold(&cb(Some((ecs::ThresholdType::UnboundedPercent, 50))), 1000),
        500
    );
    assert_eq!(
        threshold(&cb(Some((ecs::ThresholdType::BoundedPercent, 10))), 10),
        3
    );
}

#[test]
fn deployment_ids_have_19_digits() {
    let id = new_deployment_id(u128::MAX);
    assert!(id.starts_with("ecs-svc/"));
    assert_eq!(id.len(), "ecs-svc/".len() + 19);
    assert!(id["ecs-svc/".len()..].bytes().all(|b| b.is_ascii_digit()));
}

#[test]
fn events_are_capped_newest_first() {
    let mut s = ecs::Service::default();
    for i in 0..150 {
        push_event(&mut s, f64::from(i), format!("m{i}"));
    }
    let ev = s.events.unwrap();
    assert_eq!(ev.len(), MAX_EVENTS);
    assert_eq!(ev[0].message.as_deref(), Some("m149"));
}

#[test]
fn circuit_breaker_trips_after_old_task_was_replaced() {
    let mut rec = service(1, 100, 200, Some((true, true)));
    decide(&mut rec, &[task("a", "ecs-svc/1", "RUNNING")], 5.0);
    start_deployment(
        &mut rec,
        new_deployment("ecs-svc/2", TD2, 1, 5.0, "x".into()),
    );
    rec.service.task_definition = Some(TD2.into());
    let old = task("a", "ecs-svc/1", "RUNNING");
    let a = decide(&mut rec, std::slice::from_ref(&old), 6.0);
    assert_eq!(a.launch.unwrap().count, 1);
    // the bad task is RUNNING for a moment: the old one is stopped
    let a = decide(
        &mut rec,
        &[old.clone(), task("b1", "ecs-svc/2", "RUNNING")],
        7.0,
    );
    assert_eq!(stops(&a), vec!["a"]);
    let stopping = TaskView {
        desired_running: false,
        stop_code: Some(ecs::TaskStopCode::ServiceSchedulerInitiated),
        ..old
    };
    let mut tasks = vec![stopping, exited("b1", "ecs-svc/2", true)];
    decide(&mut rec, &tasks, 8.0);
    for (i, id) in ["b2", "b3"].iter().enumerate() {
        tasks.push(exited(id, "ecs-svc/2", false));
        decide(&mut rec, &tasks, 9.0 + i as f64);
    }
    let p = primary(&rec);
    assert_eq!(
        p.task_definition.as_deref(),
        Some(TD1),
        "{:?}",
        rec.service.deployments
    );
}

#[test]
fn a_task_that_just_started_neither_completes_nor_replaces() {
    let mut rec = service(1, 100, 200, None);
    let fresh = TaskView {
        started_at: Some(10.0),
        ..task("a", "ecs-svc/1", "RUNNING")
    };
    assert!(decide(&mut rec, std::slice::from_ref(&fresh), 11.0).is_empty());
    assert_eq!(
        primary(&rec).rollout_state,
        Some(ecs::DeploymentRolloutState::InProgress)
    );
    decide(&mut rec, std::slice::from_ref(&fresh), 10.0 + SETTLE);
    assert_eq!(
        primary(&rec).rollout_state,
        Some(ecs::DeploymentRolloutState::Completed)
    );
    start_deployment(
        &mut rec,
        new_deployment("ecs-svc/2", TD2, 1, 20.0, "x".into()),
    );
    let new = TaskView {
        started_at: Some(21.0),
        ..task("n", "ecs-svc/2", "RUNNING")
    };
    let a = decide(&mut rec, &[fresh.clone(), new.clone()], 22.0);
    assert!(a.stop.is_empty(), "old task kept while the new one settles");
    let a = decide(&mut rec, &[fresh, new], 21.0 + SETTLE);
    assert_eq!(stops(&a), vec!["a"]);
}

#[test]
fn old_task_that_just_started_is_not_stopped_for_free() {
    let mut rec = service(1, 100, 200, None);
    start_deployment(
        &mut rec,
        new_deployment("ecs-svc/2", TD2, 1, 5.0, "x".into()),
    );
    let old = TaskView {
        started_at: Some(9.5),
        ..task("a", "ecs-svc/1", "RUNNING")
    };
    let a = decide(&mut rec, std::slice::from_ref(&old), 10.0);
    assert!(a.stop.is_empty());
    assert_eq!(a.launch.unwrap().count, 1);
}

fn on(id: &str, dep: &str, inst: &str) -> TaskView {
    TaskView {
        instance: Some(inst.into()),
        ..task(id, dep, "RUNNING")
    }
}

fn daemon() -> ServiceRecord {
    let mut rec = service(0, 0, 100, None);
    rec.service.scheduling_strategy = Some(ecs::SchedulingStrategy::Daemon);
    rec
}

#[test]
fn daemon_runs_one_task_per_eligible_instance() {
    let mut rec = daemon();
    let eligible: std::collections::BTreeSet<String> =
        ["i1", "i2", "i3"].iter().map(|s| s.to_string()).collect();
    let tasks = [
        on("a", "ecs-svc/1", "i1"),
        on("dup", "ecs-svc/1", "i1"),
        on("gone", "ecs-svc/1", "i9"),
    ];
    let mut dup_newer = tasks.to_vec();
    dup_newer[1].created_at = 2.0;
    let a = decide_daemon(&mut rec, &dup_newer, &eligible, 10.0);
    assert_eq!(a.launch_on, vec!["i2".to_string(), "i3".to_string()]);
    assert_eq!(stops(&a), vec!["gone", "dup"]);
    assert_eq!(rec.service.desired_count, Some(3));
    // all there: stable and completed
    let tasks = [
        on("a", "ecs-svc/1", "i1"),
        on("b", "ecs-svc/1", "i2"),
        on("c", "ecs-svc/1", "i3"),
    ];
    let a = decide_daemon(&mut rec, &tasks, &eligible, 11.0);
    assert!(a.is_empty());
    assert_eq!(
        primary(&rec).rollout_state,
        Some(ecs::DeploymentRolloutState::Completed)
    );
    // a draining instance loses its task
    let mut leaving = tasks.to_vec();
    leaving[2].instance_leaving = true;
    let fewer: std::collections::BTreeSet<String> =
        ["i1", "i2"].iter().map(|s| s.to_string()).collect();
    let a = decide_daemon(&mut rec, &leaving, &fewer, 12.0);
    assert_eq!(stops(&a), vec!["c"]);
    assert!(a.launch_on.is_empty());
}

#[test]
fn daemon_update_stops_old_before_starting_new_per_instance() {
    let mut rec = daemon();
    start_deployment(
        &mut rec,
        new_deployment("ecs-svc/2", TD2, 0, 5.0, "x".into()),
    );
    let eligible: std::collections::BTreeSet<String> =
        ["i1", "i2"].iter().map(|s| s.to_string()).collect();
    let tasks = [on("a", "ecs-svc/1", "i1"), on("n", "ecs-svc/2", "i2")];
    let a = decide_daemon(&mut rec, &tasks, &eligible, 10.0);
    assert_eq!(stops(&a), vec!["a"]);
    assert!(a.launch_on.is_empty(), "i1 waits for its old task to stop");
    let tasks = [on("n", "ecs-svc/2", "i2")];
    let a = decide_daemon(&mut rec, &tasks, &eligible, 11.0);
    assert_eq!(a.launch_on, vec!["i1".to_string()]);
}
