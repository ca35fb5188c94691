//! An agent that accepts changes gets its new desired state as the changes
//! from the one it holds (`agent_sync::SentStates`); applied to what it
//! holds they must give exactly the whole state.

use super::run_batch_tests::world;
use super::test_world::{ok, sync};
use gantry_agent_api::DesiredState;
use serde_json::json;

fn sorted(mut d: DesiredState) -> DesiredState {
    d.tasks.sort_by(|a, b| a.task_arn.cmp(&b.task_arn));
    d
}

async fn changes_rebuild_the_whole_state(mirrored: bool) {
    let (ecs, instances) = world(mirrored).await;
    let host = &instances[0];
    // Every task goes to `host`.
    ok(
        &ecs,
        "UpdateContainerInstancesState",
        json!({"containerInstances": [instances[1]], "status": "DRAINING"}),
    )
    .await;
    let run = || async {
        let r = ok(&ecs, "RunTask", json!({"taskDefinition": "web"})).await;
        assert_eq!(r["tasks"][0]["containerInstanceArn"], json!(host), "{r:#}");
    };
    // The first answer is whole, even to an agent that accepts changes.
    let first = sync(&ecs, host, 0, true).await;
    let mut held = first.desired.clone().expect("whole state first");
    assert!(first.changes.is_none());
    for step in 0..4 {
        if step == 2 {
            // A task stops: its desired status changes.
            let t = held.tasks.first().expect("a task").task_arn.clone();
            ok(&ecs, "StopTask", json!({"task": t})).await;
        } else {
            run().await;
        }
        let mut changed = sync(&ecs, host, held.generation, true).await;
        assert_ne!(changed.generation, held.generation, "step {step}");
        let c = changed
            .changes
            .clone()
            .expect("changes, not the whole state");
        assert!(changed.desired.is_none());
        assert_eq!(c.base_generation, held.generation);
        assert_eq!(c.upsert.len(), 1, "step {step}: only what changed: {c:#?}");
        let next = changed
            .take_desired(Some(&held))
            .expect("changes from the held state")
            .expect("a new state");
        // The same generation asked without accepting changes: whole.
        let whole = sync(&ecs, host, held.generation, false).await;
        let whole = whole.desired.expect("whole state");
        assert_eq!(sorted(next.clone()), sorted(whole), "step {step}");
        // What changed is what differs.
        for t in &c.upsert {
            assert!(
                !held.tasks.contains(t),
                "step {step}: an unchanged task was sent again: {}",
                t.task_arn
            );
        }
        held = next;
    }
    assert_eq!(held.tasks.len(), 3, "{held:#?}");
    // The stopped task reaches STOPPED: its reservation is released and
    // the changes remove it, and nothing else.
    let gone = held
        .tasks
        .iter()
        .find(|t| t.desired_status == gantry_agent_api::DesiredStatus::Stopped)
        .expect("the stopped task")
        .task_arn
        .clone();
    // (As a real agent does, the report asks for the changes itself.)
    let mut changed = report_at(
        &ecs,
        host,
        &gone,
        gantry_agent_api::TaskStatus::Stopped,
        held.generation,
    )
    .await;
    let c = changed.changes.clone().expect("changes");
    assert_eq!(c.remove, vec![gone.clone()], "{c:#?}");
    assert!(c.upsert.is_empty(), "{c:#?}");
    let next = changed.take_desired(Some(&held)).unwrap().unwrap();
    let whole = sync(&ecs, host, held.generation, false).await;
    assert_eq!(sorted(next.clone()), sorted(whole.desired.expect("whole")));
    held = next;
    assert_eq!(held.tasks.len(), 2, "{held:#?}");
    // Changes upon changes, with no whole answer between them: each one
    // carries only its new task (the host has room for 4).
    for step in 0..2 {
        run().await;
        let mut changed = sync(&ecs, host, held.generation, true).await;
        let c = changed.changes.clone().expect("changes");
        assert_eq!(c.upsert.len(), 1, "step {step}: only the new task: {c:#?}");
        assert!(c.remove.is_empty(), "step {step}: {c:#?}");
        held = changed.take_desired(Some(&held)).unwrap().unwrap();
    }
    let whole = sync(&ecs, host, 0, false).await;
    assert_eq!(sorted(held.clone()), sorted(whole.desired.expect("whole")));
    assert_eq!(held.tasks.len(), 4, "{held:#?}");
    // Changes from a generation the control plane did not send: whole.
    let stale = sync(&ecs, host, held.generation.saturating_sub(1).max(1), true).await;
    assert!(stale.desired.is_some() && stale.changes.is_none());
    // And changes can only apply to the state they were made from.
    let mut other = sync(&ecs, host, 0, true).await;
    let wrong = DesiredState {
        generation: held.generation + 100,
        tasks: vec![],
    };
    other.desired = None;
    other.changes = Some(gantry_agent_api::DesiredChanges {
        base_generation: held.generation,
        generation: held.generation + 1,
        upsert: vec![],
        remove: vec![],
    });
    assert!(other.take_desired(Some(&wrong)).is_err());
}

#[tokio::test]
async fn changes_rebuild_the_whole_state_store() {
    changes_rebuild_the_whole_state(false).await;
}

#[tokio::test]
async fn changes_rebuild_the_whole_state_mirrored() {
    changes_rebuild_the_whole_state(true).await;
}

/// A clock the test moves.
struct Moving(std::sync::atomic::AtomicU64);

impl crate::clock::Clock for Moving {
    fn now(&self) -> f64 {
        f64::from_bits(self.0.load(std::sync::atomic::Ordering::SeqCst))
    }
}

/// Mints numbered access keys for any role.
struct Numbered(std::sync::atomic::AtomicUsize);

#[async_trait::async_trait]
impl super::role_credentials::RoleCredentialIssuer for Numbered {
    async fn issue(
        &self,
        _role_arn: &str,
        _session: &str,
        duration: u64,
        now: f64,
    ) -> Result<(String, String, String, f64), gantry_api_types::ApiError> {
        let n = self.0.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        Ok((
            format!("ASIA{n}"),
            "s".into(),
            "t".into(),
            now + duration as f64,
        ))
    }
}

fn access_key(d: &DesiredState, arn: &str) -> Option<String> {
    d.tasks
        .iter()
        .find(|t| t.task_arn == arn)
        .and_then(|t| t.task_credentials.as_ref())
        .map(|c| c.access_key_id.clone())
}

/// Role credentials rotate without their task's record changing: the
/// changes after a refresh still carry them (and nothing else), and a
/// deregistered host is forgotten.
async fn rotated_credentials_are_sent_as_changes(mirrored: bool) {
    use std::sync::atomic::{AtomicU64, AtomicUsize};
    use std::sync::Arc;
    let clock = Arc::new(Moving(AtomicU64::new(1000f64.to_bits())));
    let ecs = super::test_world::service_with(mirrored, clock.clone(), |e| {
        e.with_role_credentials(Arc::new(Numbered(AtomicUsize::new(0))))
    })
    .await;
    let host = super::test_world::register(&ecs, 4096, 4096).await;
    for (family, role) in [
        ("app", Some("arn:aws:iam::123456789012:role/app")),
        ("web", None),
    ] {
        let mut td = json!({"family": family, "containerDefinitions": [
            {"name": "c", "image": "busybox", "memory": 128}]});
        if let Some(role) = role {
            td["taskRoleArn"] = json!(role);
        }
        ok(&ecs, "RegisterTaskDefinition", td).await;
    }
    let run = |family: &'static str| {
        let ecs = &ecs;
        async move {
            let r = ok(ecs, "RunTask", json!({"taskDefinition": family})).await;
            r["tasks"][0]["taskArn"]
                .as_str()
                .unwrap_or_else(|| panic!("no task: {r:#}"))
                .to_string()
        }
    };
    let app = run("app").await;
    let first = sync(&ecs, &host, 0, true).await;
    let mut held = first.desired.clone().expect("whole state first");
    let key0 = access_key(&held, &app).expect("credentials for the role task");

    // Another task: only it is sent, the role task's credentials are the same.
    let web = run("web").await;
    let mut next = sync(&ecs, &host, held.generation, true).await;
    let c = next.changes.clone().expect("changes");
    let sent: Vec<&str> = c.upsert.iter().map(|t| t.task_arn.as_str()).collect();
    assert_eq!(sent, vec![web.as_str()], "{c:#?}");
    held = next.take_desired(Some(&held)).unwrap().unwrap();
    assert_eq!(access_key(&held, &app).as_deref(), Some(key0.as_str()));

    // Past half their life the credentials are due: the host's generation
    // moves and the changes carry the role task, with new credentials.
    clock.0.store(
        (1000.0 + super::role_credentials::DURATION_SECS as f64).to_bits(),
        std::sync::atomic::Ordering::SeqCst,
    );
    assert_eq!(ecs.refresh_role_credentials().await.unwrap(), 1);
    let mut next = sync(&ecs, &host, held.generation, true).await;
    let c = next.changes.clone().expect("changes");
    let sent: Vec<&str> = c.upsert.iter().map(|t| t.task_arn.as_str()).collect();
    assert_eq!(sent, vec![app.as_str()], "{c:#?}");
    let rotated = next.take_desired(Some(&held)).unwrap().unwrap();
    let key1 = access_key(&rotated, &app).expect("credentials");
    assert_ne!(key1, key0, "fresh credentials");
    let whole = sync(&ecs, &host, 0, false).await;
    assert_eq!(sorted(rotated.clone()), sorted(whole.desired.unwrap()));

    // A deregistered host is forgotten.
    let id = host.rsplit('/').next().unwrap().to_string();
    assert!(ecs.sent.holds(&id));
    ok(
        &ecs,
        "DeregisterContainerInstance",
        json!({"containerInstance": host, "force": true}),
    )
    .await;
    assert!(!ecs.sent.holds(&id));
}

#[tokio::test]
async fn rotated_credentials_are_sent_as_changes_store() {
    rotated_credentials_are_sent_as_changes(false).await;
}

#[tokio::test]
async fn rotated_credentials_are_sent_as_changes_mirrored() {
    rotated_credentials_are_sent_as_changes(true).await;
}

/// One report of `task` at `status` from `host` (no containers).
async fn report(
    ecs: &super::EcsService,
    host: &str,
    task: &str,
    status: gantry_agent_api::TaskStatus,
) {
    report_at(ecs, host, task, status, u64::MAX).await;
}

/// [`report`] from an agent holding generation `known` (accepting changes).
async fn report_at(
    ecs: &super::EcsService,
    host: &str,
    task: &str,
    status: gantry_agent_api::TaskStatus,
    known: u64,
) -> gantry_agent_api::SyncResponse {
    crate::http::AgentHandler::sync(
        ecs,
        &super::test_world::ctx(),
        gantry_agent_api::SyncRequest {
            cluster: "default".into(),
            container_instance_arn: host.into(),
            known_generation: known,
            wait_seconds: 0,
            observed: Some(gantry_agent_api::ObservedState {
                tasks: vec![gantry_agent_api::TaskObservation {
                    task_arn: task.into(),
                    last_status: status,
                    containers: vec![],
                    pull_started_at: None,
                    pull_stopped_at: None,
                    started_at: None,
                    execution_stopped_at: None,
                    stopped_at: None,
                    stopped_reason: None,
                    stop_code: None,
                    network: None,
                }],
            }),
            accepts_changes: true,
        },
    )
    .await
    .expect("sync")
}

/// Writers hand the records they commit to the mirror as the decoding of
/// their values (`TxnBuilder::put_shared`, `put_instance`): each stored task
/// record must decode to one that encodes to the same bytes, and what a
/// read serves must too; a served instance record must be its stored
/// record joined with exactly the reservations stored under it (`reserved`
/// of them in all).
async fn records_are_their_own_decoding(ecs: &super::EcsService, reserved: usize) {
    use crate::state::{Reservation, TaskRecord};
    async fn check<T: serde::de::DeserializeOwned + serde::Serialize + Send + Sync + 'static>(
        ecs: &super::EcsService,
        prefix: &str,
    ) {
        let kvs = ecs.repo.store.range(prefix, None, None).await.unwrap();
        assert!(!kvs.is_empty(), "records under {prefix}");
        for kv in kvs {
            let decoded: T = serde_json::from_slice(&kv.value).unwrap();
            assert_eq!(
                serde_json::to_vec(&decoded).unwrap(),
                kv.value,
                "{}",
                kv.key
            );
            let served = ecs.repo.get_shared::<T>(&kv.key).await.unwrap().unwrap();
            assert_eq!(
                serde_json::to_vec(&*served.value).unwrap(),
                kv.value,
                "{}",
                kv.key
            );
        }
    }
    let kvs = ecs
        .repo
        .store
        .range("instances/default/", None, None)
        .await
        .unwrap();
    assert!(!kvs.is_empty(), "instance records");
    let mut stored_reservations = 0;
    for kv in kvs {
        let served = ecs.repo.get_instance(&kv.key).await.unwrap().unwrap();
        assert_eq!(served.mod_revision, kv.mod_revision, "{}", kv.key);
        assert_eq!(
            serde_json::to_vec(&served.value.stored()).unwrap(),
            kv.value,
            "{}",
            kv.key
        );
        let prefix = format!("reservations/default/{}/", served.value.id);
        let stored: std::collections::BTreeMap<String, Reservation> = ecs
            .repo
            .store
            .range(&prefix, None, None)
            .await
            .unwrap()
            .into_iter()
            .map(|r| {
                (
                    r.key[prefix.len()..].to_string(),
                    serde_json::from_slice(&r.value).unwrap(),
                )
            })
            .collect();
        stored_reservations += stored.len();
        assert_eq!(
            served
                .value
                .reservations
                .clone()
                .into_iter()
                .collect::<std::collections::BTreeMap<_, _>>(),
            stored,
            "{}",
            kv.key
        );
    }
    assert_eq!(
        stored_reservations, reserved,
        "reservations under their keys"
    );
    check::<TaskRecord>(ecs, "tasks/default/").await;
}

/// A container instance's running and pending counts follow its tasks'
/// status, and a task reaching RUNNING leaves the instance record (which
/// carries every reservation of the host) as it is; a task reaching
/// STOPPED releases its reservation.
async fn running_counts_come_from_the_tasks(mirrored: bool) {
    use gantry_agent_api::TaskStatus;
    let (ecs, instances) = world(mirrored).await;
    let host = &instances[0];
    let counts = || async {
        let r = ok(
            &ecs,
            "DescribeContainerInstances",
            json!({"containerInstances": [host]}),
        )
        .await;
        let ci = &r["containerInstances"][0];
        (
            ci["runningTasksCount"].as_i64().unwrap(),
            ci["pendingTasksCount"].as_i64().unwrap(),
        )
    };
    let record_revision = || async {
        let id = host.rsplit('/').next().unwrap();
        let key = crate::state::instance_key("default", id);
        ecs.repo.mod_revisions_many(&[key.as_str()]).await.unwrap()[0].expect("a record")
    };
    let r = ok(
        &ecs,
        "StartTask",
        json!({"taskDefinition": "web", "containerInstances": [host]}),
    )
    .await;
    let task = r["tasks"][0]["taskArn"].as_str().unwrap().to_string();
    assert_eq!(counts().await, (0, 1));
    let before = record_revision().await;
    report(&ecs, host, &task, TaskStatus::Running).await;
    let t = ok(&ecs, "DescribeTasks", json!({"tasks": [task]})).await;
    assert_eq!(t["tasks"][0]["lastStatus"], "RUNNING", "{t:#}");
    assert_eq!(counts().await, (1, 0));
    assert_eq!(
        record_revision().await,
        before,
        "RUNNING rewrote the instance record"
    );
    records_are_their_own_decoding(&ecs, 1).await;
    report(&ecs, host, &task, TaskStatus::Stopped).await;
    records_are_their_own_decoding(&ecs, 0).await;
    assert_eq!(counts().await, (0, 0));
    assert_ne!(
        record_revision().await,
        before,
        "STOPPED releases the reservation"
    );
    let r = ok(
        &ecs,
        "DescribeContainerInstances",
        json!({"containerInstances": [host]}),
    )
    .await;
    let mem = r["containerInstances"][0]["remainingResources"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["name"] == "MEMORY")
        .unwrap()["integerValue"]
        .clone();
    assert_eq!(mem, json!(1024), "{r:#}");
}

#[tokio::test]
async fn running_counts_come_from_the_tasks_store() {
    running_counts_come_from_the_tasks(false).await;
}

#[tokio::test]
async fn running_counts_come_from_the_tasks_mirrored() {
    running_counts_come_from_the_tasks(true).await;
}

/// A report that releases reservations keeps the planner's cached view of
/// its host current, at the committed revision and equal to the view of the
/// record, instead of leaving a stale one for the next placement to rebuild.
async fn released_reservations_keep_the_planner_view(mirrored: bool) {
    use gantry_agent_api::TaskStatus;
    let (ecs, instances) = world(mirrored).await;
    let host = &instances[0];
    let id = host.rsplit('/').next().unwrap().to_string();
    let key = crate::state::instance_key("default", &id);
    let mut started = vec![];
    for group in ["a", "a", "b"] {
        let r = ok(
            &ecs,
            "StartTask",
            json!({"taskDefinition": "web", "containerInstances": [host], "group": group}),
        )
        .await;
        started.push(r["tasks"][0]["taskArn"].as_str().unwrap().to_string());
    }
    // Planning computes (and caches) the view of every instance; this
    // RunTask places nothing (no instance has the attribute).
    let r = ok(
        &ecs,
        "RunTask",
        json!({"taskDefinition": "web", "placementConstraints": [
            {"type": "memberOf", "expression": "attribute:nowhere == x"}]}),
    )
    .await;
    assert_eq!(r["tasks"], json!([]), "{r:#}");
    let cached = |ecs: &super::EcsService| {
        ecs.sched_instances
            .lock()
            .unwrap()
            .get(&id)
            .map(|(rev, v)| (*rev, (**v).clone()))
    };
    let rec = ecs.repo.get_instance(&key).await.unwrap().unwrap();
    assert_eq!(cached(&ecs).map(|c| c.0), Some(rec.mod_revision));

    report(&ecs, host, &started[0], TaskStatus::Stopped).await;
    let rec = ecs.repo.get_instance(&key).await.unwrap().unwrap();
    let (rev, view) = cached(&ecs).expect("a view kept");
    assert_eq!(rev, rec.mod_revision, "the view follows the record");
    assert_eq!(view, ecs.scheduler_instance(&rec.value));
    assert_eq!(view.task_groups.get("a"), Some(&1), "{view:?}");

    // A released reservation holding ports drops the view.
    let released = super::agent_sync::Released {
        instance: id.clone(),
        from: rec.mod_revision,
        reservations: vec![crate::state::Reservation {
            cpu: 0,
            memory: 256,
            tcp_ports: vec![8080],
            group: "a".into(),
            ..Default::default()
        }],
    };
    ecs.planner_view_released(&released, rec.mod_revision + 1);
    assert!(cached(&ecs).is_none());
}

#[tokio::test]
async fn released_reservations_keep_the_planner_view_store() {
    released_reservations_keep_the_planner_view(false).await;
}

#[tokio::test]
async fn released_reservations_keep_the_planner_view_mirrored() {
    released_reservations_keep_the_planner_view(true).await;
}

/// A placement leaves the planner's view of the host it placed on cached at
/// the committed revision (the view it planned over, plus the new
/// reservation), so the next placement does not sum the host's
/// reservations again.
async fn placements_keep_the_planner_view(mirrored: bool) {
    let (ecs, _instances) = world(mirrored).await;
    for _ in 0..3 {
        let r = ok(&ecs, "RunTask", json!({"taskDefinition": "web"})).await;
        let arn = r["tasks"][0]["containerInstanceArn"].as_str().unwrap();
        let id = arn.rsplit('/').next().unwrap().to_string();
        let rec = ecs
            .repo
            .get_instance(&crate::state::instance_key("default", &id))
            .await
            .unwrap()
            .unwrap();
        let (rev, view) = ecs
            .sched_instances
            .lock()
            .unwrap()
            .get(&id)
            .map(|(rev, v)| (*rev, (**v).clone()))
            .expect("a view kept");
        assert_eq!(rev, rec.mod_revision, "the view follows the record");
        assert_eq!(view, ecs.scheduler_instance(&rec.value));
    }
}

#[tokio::test]
async fn placements_keep_the_planner_view_store() {
    placements_keep_the_planner_view(false).await;
}

#[tokio::test]
async fn placements_keep_the_planner_view_mirrored() {
    placements_keep_the_planner_view(true).await;
}
