//! End-to-end test of [`crate::run`]: a small in-process control plane
//! (registration + sync) and the fake runtime.

use crate::runtime::FakeRuntime;
use crate::{run, AgentConfig};
use axum::extract::State;
use axum::http::HeaderMap;
use axum::routing::post;
use axum::{Json, Router};
use gantry_agent_api::{
    ContainerSpec, DesiredState, DesiredStatus, DesiredTask, NetworkMode, ObservedState, StopCode,
    SyncRequest, SyncResponse, TaskStatus,
};
use serde_json::{json, Value};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::Notify;

const ARN: &str = "arn:aws:ecs:us-east-1:123456789012:task/default/e2e";
const INSTANCE: &str = "arn:aws:ecs:us-east-1:123456789012:container-instance/default/abc";

#[derive(Default)]
struct Plane {
    desired: Option<DesiredState>,
    registered: bool,
    registrations: Vec<(HeaderMap, Value)>,
    observed: Option<ObservedState>,
    sync_headers: Option<HeaderMap>,
    /// What was last answered, to answer an agent that accepts changes and
    /// holds it with the changes from it (as the control plane does).
    sent: Option<DesiredState>,
    /// Answers of each kind: (whole states, change sets).
    answers: (usize, usize),
    /// Change sets from a base the agent does not hold (the agent must ask
    /// for the whole state).
    wrong_base: bool,
}

/// The changes that make `from` into `to`.
fn changes_between(from: &DesiredState, to: &DesiredState) -> gantry_agent_api::DesiredChanges {
    gantry_agent_api::DesiredChanges {
        base_generation: from.generation,
        generation: to.generation,
        upsert: to
            .tasks
            .iter()
            .filter(|t| !from.tasks.contains(t))
            .cloned()
            .collect(),
        remove: from
            .tasks
            .iter()
            .filter(|t| !to.tasks.iter().any(|n| n.task_arn == t.task_arn))
            .map(|t| t.task_arn.clone())
            .collect(),
    }
}

type Shared = Arc<(Mutex<Plane>, Notify)>;

async fn ecs(State(s): State<Shared>, headers: HeaderMap, body: axum::body::Bytes) -> Json<Value> {
    // awsJson1.1: application/x-amz-json-1.1, so not axum's Json extractor.
    let body: Value = serde_json::from_slice(&body).unwrap();
    s.0.lock().unwrap().registrations.push((headers, body));
    Json(json!({"containerInstance": {"containerInstanceArn": INSTANCE}}))
}

async fn sync(
    State(s): State<Shared>,
    headers: HeaderMap,
    Json(req): Json<SyncRequest>,
) -> Json<SyncResponse> {
    {
        let mut p = s.0.lock().unwrap();
        p.sync_headers = Some(headers);
        if let Some(o) = req.observed.clone() {
            // Reports carry the tasks whose observation changed: keep the
            // latest of each.
            let seen = p
                .observed
                .get_or_insert_with(|| ObservedState { tasks: vec![] });
            for t in o.tasks {
                seen.tasks.retain(|x| x.task_arn != t.task_arn);
                seen.tasks.push(t);
            }
        }
    }
    let answer = |p: &mut Plane| {
        let generation = p.desired.as_ref().map(|d| d.generation).unwrap_or(0);
        let mut r = SyncResponse {
            generation,
            desired: (generation != req.known_generation)
                .then(|| p.desired.clone())
                .flatten(),
            changes: None,
            registered: p.registered,
        };
        if let Some(new) = r.desired.clone() {
            let base = p.sent.as_ref().filter(|s| {
                req.accepts_changes && s.generation == req.known_generation && s.generation != 0
            });
            if let Some(base) = base {
                let mut c = changes_between(base, &new);
                if p.wrong_base {
                    c.base_generation += 1000;
                }
                r.desired = None;
                r.changes = Some(c);
                p.answers.1 += 1;
            } else {
                p.answers.0 += 1;
            }
            p.sent = Some(new);
        }
        r
    };
    let first = answer(&mut s.0.lock().unwrap());
    if first.desired.is_some()
        || first.changes.is_some()
        || req.wait_seconds == 0
        || !first.registered
    {
        return Json(first);
    }
    let _ =
        tokio::time::timeout(Duration::from_secs(req.wait_seconds.into()), s.1.notified()).await;
    let mut p = s.0.lock().unwrap();
    Json(answer(&mut p))
}

fn task() -> DesiredTask {
    DesiredTask {
        task_arn: ARN.into(),
        cluster_arn: "arn:aws:ecs:us-east-1:123456789012:cluster/default".into(),
        cluster: "default".into(),
        task_definition_arn: "arn:aws:ecs:us-east-1:123456789012:task-definition/e2e:1".into(),
        family: "e2e".into(),
        revision: 1,
        desired_status: DesiredStatus::Running,
        network_mode: NetworkMode::Bridge,
        cpu: None,
        memory: None,
        containers: vec![ContainerSpec {
            name: "app".into(),
            image: "busybox:latest".into(),
            essential: true,
            ..Default::default()
        }],
        volumes: vec![],
        pid_mode: None,
        ipc_mode: None,
        stop_reason: None,
        awsvpc: None,
        task_credentials: None,
        execution_credentials: None,
        launch_type: None,
        capacity_provider_name: None,
        task_role_arn: None,
        execution_role_arn: None,
    }
}

async fn wait_for(s: &Shared, what: &str, f: impl Fn(&Plane) -> bool) {
    for _ in 0..200 {
        if f(&s.0.lock().unwrap()) {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("timed out waiting for {what}");
}

fn task_status(p: &Plane) -> Option<(TaskStatus, Option<StopCode>)> {
    status_of(p, ARN)
}

fn status_of(p: &Plane, arn: &str) -> Option<(TaskStatus, Option<StopCode>)> {
    p.observed
        .as_ref()?
        .tasks
        .iter()
        .find(|t| t.task_arn == arn)
        .map(|t| (t.last_status, t.stop_code))
}

/// A registered plane whose desired state (generation 1) holds [`task`].
fn plane_with_task() -> Shared {
    Arc::new((
        Mutex::new(Plane {
            desired: Some(DesiredState {
                generation: 1,
                tasks: vec![task()],
            }),
            registered: true,
            ..Default::default()
        }),
        Notify::new(),
    ))
}

/// Serves `shared` (registration and sync) on a loopback port.
async fn serve(shared: &Shared) -> (std::net::SocketAddr, tokio::task::JoinHandle<()>) {
    let app = Router::new()
        .route("/", post(ecs))
        .route(gantry_agent_api::SYNC_PATH, post(sync))
        .with_state(shared.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let server = tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    (addr, server)
}

/// An agent takes new desired states as changes from the one it holds,
/// and asks for the whole state when handed changes from another.
#[tokio::test]
async fn takes_changes_and_asks_for_the_whole_state_when_they_do_not_apply() {
    let shared = plane_with_task();
    let (addr, server) = serve(&shared).await;
    let dir = tempfile::tempdir().unwrap();
    let mut config = AgentConfig::new(vec![format!("http://{addr}")], "default", dir.path().into());
    config.access_key_id = "AKIDEXAMPLE".into();
    config.secret_access_key = "secret".into();
    config.container_cleanup_delay = Duration::ZERO;
    config.sync_wait_seconds = 2;
    let fake = Arc::new(FakeRuntime::new());
    let (stop_tx, stop_rx) = tokio::sync::oneshot::channel::<()>();
    let agent = tokio::spawn(run(config, fake.clone(), async {
        let _ = stop_rx.await;
    }));
    let running = |arn: &'static str| {
        move |p: &Plane| status_of(p, arn).map(|s| s.0) == Some(TaskStatus::Running)
    };
    const B: &str = "arn:aws:ecs:us-east-1:123456789012:task/default/e2e-b";
    wait_for(&shared, "A RUNNING", running(ARN)).await;
    let (w0, c0) = shared.0.lock().unwrap().answers;
    assert!(w0 >= 1 && c0 == 0, "the first answers are whole");

    // A second task: sent as a change set holding it alone.
    let mut b = task();
    b.task_arn = B.into();
    {
        let mut p = shared.0.lock().unwrap();
        p.desired = Some(DesiredState {
            generation: 2,
            tasks: vec![task(), b.clone()],
        });
    }
    shared.1.notify_waiters();
    wait_for(&shared, "B RUNNING", running(B)).await;
    let (w1, c1) = shared.0.lock().unwrap().answers;
    assert_eq!((w1, c1), (w0, 1), "B came as a change set");

    // Changes from a base the agent does not hold: it asks for the whole
    // state, and acts on it.
    let mut a = task();
    a.desired_status = DesiredStatus::Stopped;
    {
        let mut p = shared.0.lock().unwrap();
        p.wrong_base = true;
        p.desired = Some(DesiredState {
            generation: 3,
            tasks: vec![a, b],
        });
    }
    shared.1.notify_waiters();
    wait_for(&shared, "A STOPPED", |p| {
        status_of(p, ARN).map(|s| s.0) == Some(TaskStatus::Stopped)
    })
    .await;
    {
        let p = shared.0.lock().unwrap();
        let (w2, c2) = p.answers;
        assert_eq!(c2, 2, "a change set from another base");
        assert!(w2 > w1, "then the whole state");
        assert_eq!(status_of(&p, B).map(|s| s.0), Some(TaskStatus::Running));
    }
    let saved = std::fs::read_to_string(dir.path().join("state.json")).unwrap();
    assert!(
        saved.contains("\"generation\":3") || saved.contains("\"generation\": 3"),
        "{saved}"
    );
    drop(stop_tx);
    let _ = tokio::time::timeout(Duration::from_secs(10), agent).await;
    server.abort();
}

#[tokio::test]
async fn registers_syncs_reports_and_stops_when_deregistered() {
    let shared = plane_with_task();
    let (addr, server) = serve(&shared).await;

    let dead = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        format!("http://{}", l.local_addr().unwrap())
    };
    let dir = tempfile::tempdir().unwrap();
    let mut config = AgentConfig::new(
        vec![dead, format!("http://{addr}")],
        "default",
        dir.path().into(),
    );
    config.access_key_id = "AKIDEXAMPLE".into();
    config.secret_access_key = "secret".into();
    config.container_cleanup_delay = Duration::ZERO;
    config.sync_wait_seconds = 2;
    config.attributes = vec![("stack".into(), Some("prod".into()))];
    let fake = Arc::new(FakeRuntime::new());
    let (stop_tx, stop_rx) = tokio::sync::oneshot::channel::<()>();
    let agent = tokio::spawn(run(config, fake.clone(), async {
        let _ = stop_rx.await;
    }));

    wait_for(&shared, "RUNNING", |p| {
        task_status(p).map(|s| s.0) == Some(TaskStatus::Running)
    })
    .await;
    {
        let p = shared.0.lock().unwrap();
        let (headers, body) = &p.registrations[0];
        assert_eq!(
            headers["x-amz-target"],
            "AmazonEC2ContainerServiceV20141113.RegisterContainerInstance"
        );
        assert!(headers["authorization"]
            .to_str()
            .unwrap()
            .contains("/us-east-1/ecs/aws4_request"));
        assert_eq!(body["cluster"], "default");
        let attrs: Vec<&str> = body["attributes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a["name"].as_str().unwrap())
            .collect();
        for a in [
            "ecs.os-type",
            "ecs.cpu-architecture",
            "com.amazonaws.ecs.capability.docker-remote-api.1.17",
            "com.amazonaws.ecs.capability.docker-remote-api.1.41",
            "ecs.capability.container-health-check",
            "ecs.capability.container-ordering",
            "ecs.capability.task-eni",
            "stack",
        ] {
            assert!(attrs.contains(&a), "missing attribute {a}");
        }
        // No task endpoint configured: no task role capability.
        assert!(!attrs.contains(&"com.amazonaws.ecs.capability.task-iam-role"));
        let res = body["totalResources"].as_array().unwrap();
        assert!(res[0]["integerValue"].as_i64().unwrap() >= 1024);
        assert_eq!(res[2]["stringSetValue"][0], "22");
        assert!(body["versionInfo"]["dockerVersion"]
            .as_str()
            .unwrap()
            .starts_with("DockerVersion: "));
        let sh = p.sync_headers.as_ref().unwrap();
        assert_eq!(sh["content-type"], "application/json");
    }
    // The persisted state carries the ARN and the desired state.
    let saved = std::fs::read_to_string(dir.path().join("state.json")).unwrap();
    assert!(saved.contains(INSTANCE) && saved.contains(ARN));

    // An essential exit is reported.
    fake.exit("app", 3);
    wait_for(&shared, "STOPPED", |p| {
        task_status(p)
            == Some((
                TaskStatus::Stopped,
                Some(StopCode::EssentialContainerExited),
            ))
    })
    .await;

    // Deregistration: the agent stops everything and returns.
    shared.0.lock().unwrap().registered = false;
    shared.1.notify_waiters();
    let result = tokio::time::timeout(Duration::from_secs(10), agent).await;
    assert!(matches!(result, Ok(Ok(Ok(())))), "{result:?}");
    drop(stop_tx);
    server.abort();
}

/// A host whose persisted instance was deregistered registers as a new
/// instance: the old desired state must not be mistaken for the new one's,
/// even when the generation numbers coincide.
#[tokio::test]
async fn a_new_instance_arn_discards_the_old_desired_state() {
    let dir = tempfile::tempdir().unwrap();
    let old = crate::state::AgentState {
        version: crate::state::STATE_VERSION,
        container_instance_arn: Some(
            "arn:aws:ecs:us-east-1:123456789012:container-instance/default/old".into(),
        ),
        desired: Some(DesiredState {
            generation: 1,
            tasks: vec![task()],
        }),
        ..Default::default()
    };
    crate::state::StateStore::new(dir.path())
        .save(&old)
        .unwrap();
    // The new instance is at generation 1 too, with nothing to run.
    let shared: Shared = Arc::new((
        Mutex::new(Plane {
            desired: Some(DesiredState {
                generation: 1,
                tasks: vec![],
            }),
            registered: true,
            ..Default::default()
        }),
        Notify::new(),
    ));
    let app = Router::new()
        .route("/", post(ecs))
        .route(gantry_agent_api::SYNC_PATH, post(sync))
        .with_state(shared.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let server = tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    let mut config = AgentConfig::new(vec![format!("http://{addr}")], "default", dir.path().into());
    config.access_key_id = "AKIDEXAMPLE".into();
    config.secret_access_key = "secret".into();
    config.sync_wait_seconds = 1;
    let fake = Arc::new(FakeRuntime::new());
    let (stop_tx, stop_rx) = tokio::sync::oneshot::channel::<()>();
    let agent = tokio::spawn(run(config, fake.clone(), async {
        let _ = stop_rx.await;
    }));
    let store = crate::state::StateStore::new(dir.path());
    for _ in 0..200 {
        let s = store.load().unwrap();
        if s.container_instance_arn.as_deref() == Some(INSTANCE)
            && s.desired
                .as_ref()
                .is_some_and(|d| d.generation == 1 && d.tasks.is_empty())
        {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let s = store.load().unwrap();
    assert_eq!(s.container_instance_arn.as_deref(), Some(INSTANCE));
    assert_eq!(
        s.desired.map(|d| (d.generation, d.tasks.len())),
        Some((1, 0))
    );
    assert!(fake.containers().is_empty(), "the old task must not run");
    let _ = stop_tx.send(());
    let _ = tokio::time::timeout(Duration::from_secs(5), agent).await;
    server.abort();
}

/// A control plane serving `desired`, and an agent on `fake` in `dir`.
struct Harness {
    shared: Shared,
    server: tokio::task::JoinHandle<()>,
    agent: tokio::task::JoinHandle<Result<(), crate::AgentError>>,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
}

impl Harness {
    fn start(
        desired: DesiredState,
        dir: &std::path::Path,
        fake: Arc<FakeRuntime>,
    ) -> impl std::future::Future<Output = Harness> {
        let dir = dir.to_path_buf();
        async move {
            let shared: Shared = Arc::new((
                Mutex::new(Plane {
                    desired: Some(desired),
                    registered: true,
                    ..Default::default()
                }),
                Notify::new(),
            ));
            let app = Router::new()
                .route("/", post(ecs))
                .route(gantry_agent_api::SYNC_PATH, post(sync))
                .with_state(shared.clone());
            let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
            let addr = listener.local_addr().unwrap();
            let server = tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
            let mut config = AgentConfig::new(vec![format!("http://{addr}")], "default", dir);
            config.access_key_id = "AKIDEXAMPLE".into();
            config.secret_access_key = "secret".into();
            config.sync_wait_seconds = 1;
            config.reconcile_period = Duration::from_millis(200);
            let (stop_tx, stop_rx) = tokio::sync::oneshot::channel::<()>();
            let agent = tokio::spawn(run(config, fake, async {
                let _ = stop_rx.await;
            }));
            Harness {
                shared,
                server,
                agent,
                stop: Some(stop_tx),
            }
        }
    }

    async fn finish(mut self) {
        if let Some(tx) = self.stop.take() {
            let _ = tx.send(());
        }
        let r = tokio::time::timeout(Duration::from_secs(10), self.agent).await;
        assert!(matches!(r, Ok(Ok(Ok(())))), "agent ended badly: {r:?}");
        self.server.abort();
    }
}

fn reported_exit_code(p: &Plane) -> Option<i32> {
    p.observed
        .as_ref()?
        .tasks
        .iter()
        .find(|t| t.task_arn == ARN)?
        .containers
        .first()?
        .exit_code
}

/// The Docker Engine restarts under a running agent: while it is down the
/// agent keeps running and reports nothing new (it cannot know); when it is
/// back, the containers that did not survive (restart policy `no`) are
/// reported STOPPED with their exit code, by the same agent process.
#[tokio::test]
async fn survives_an_engine_restart_and_reports_what_did_not_survive() {
    let dir = tempfile::tempdir().unwrap();
    let fake = Arc::new(FakeRuntime::new());
    let h = Harness::start(
        DesiredState {
            generation: 1,
            tasks: vec![task()],
        },
        dir.path(),
        fake.clone(),
    )
    .await;
    wait_for(&h.shared, "RUNNING", |p| {
        task_status(p).map(|s| s.0) == Some(TaskStatus::Running)
    })
    .await;
    let first_id = fake.find("app").unwrap().info.id;

    fake.engine_stop();
    // Several reconciler periods and event resubscriptions with the engine
    // down (a wait for the agent to act, not a timed assertion).
    tokio::time::sleep(Duration::from_millis(1500)).await;
    assert!(!h.agent.is_finished(), "the agent must not exit");
    assert_eq!(
        task_status(&h.shared.0.lock().unwrap()).map(|s| s.0),
        Some(TaskStatus::Running),
        "nothing false is reported while the engine is down"
    );
    assert_eq!(fake.create_count(), 1, "nothing was created while down");

    // Back, without the container: it exited with the daemon (255).
    fake.engine_restarted(Some(255));
    wait_for(&h.shared, "STOPPED after the engine restart", |p| {
        task_status(p)
            == Some((
                TaskStatus::Stopped,
                Some(StopCode::EssentialContainerExited),
            ))
    })
    .await;
    {
        let p = h.shared.0.lock().unwrap();
        assert_eq!(reported_exit_code(&p), Some(255));
        let t = p
            .observed
            .as_ref()
            .unwrap()
            .tasks
            .iter()
            .find(|t| t.task_arn == ARN)
            .unwrap();
        assert_eq!(
            t.stopped_reason.as_deref(),
            Some("Essential container in task exited")
        );
        assert_eq!(p.registrations.len(), 1, "the agent did not restart");
    }
    // The stopped task is not restarted by the agent (the control plane
    // replaces service tasks with new ones).
    assert_eq!(fake.create_count(), 1);
    assert_eq!(fake.find("app").unwrap().info.id, first_id);
    h.finish().await;
}

/// With live-restore the containers survive the engine restart: the agent
/// reconnects and the task stays RUNNING, nothing recreated.
#[tokio::test]
async fn an_engine_restart_with_live_restore_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let fake = Arc::new(FakeRuntime::new());
    let h = Harness::start(
        DesiredState {
            generation: 1,
            tasks: vec![task()],
        },
        dir.path(),
        fake.clone(),
    )
    .await;
    wait_for(&h.shared, "RUNNING", |p| {
        task_status(p).map(|s| s.0) == Some(TaskStatus::Running)
    })
    .await;
    fake.engine_stop();
    tokio::time::sleep(Duration::from_millis(800)).await;
    fake.engine_restarted(None);
    // The event feed is back: a container exit is noticed through it.
    tokio::time::sleep(Duration::from_millis(800)).await;
    assert_eq!(
        task_status(&h.shared.0.lock().unwrap()).map(|s| s.0),
        Some(TaskStatus::Running)
    );
    assert_eq!(fake.create_count(), 1);
    assert_eq!(fake.find("app").unwrap().starts, 1);
    fake.exit("app", 7);
    wait_for(&h.shared, "STOPPED", |p| reported_exit_code(p) == Some(7)).await;
    h.finish().await;
}

/// An agent started while the engine is down waits for it (it neither
/// exits nor registers without knowing the Docker version), then runs.
#[tokio::test]
async fn an_agent_started_before_the_engine_waits_for_it() {
    let dir = tempfile::tempdir().unwrap();
    let fake = Arc::new(FakeRuntime::new());
    fake.engine_stop();
    let h = Harness::start(
        DesiredState {
            generation: 1,
            tasks: vec![task()],
        },
        dir.path(),
        fake.clone(),
    )
    .await;
    tokio::time::sleep(Duration::from_millis(800)).await;
    assert!(!h.agent.is_finished(), "the agent must wait, not exit");
    assert!(h.shared.0.lock().unwrap().registrations.is_empty());
    fake.engine_restarted(None);
    wait_for(&h.shared, "RUNNING", |p| {
        task_status(p).map(|s| s.0) == Some(TaskStatus::Running)
    })
    .await;
    assert_eq!(h.shared.0.lock().unwrap().registrations.len(), 1);
    h.finish().await;
}

/// Containers an earlier identity of this host left behind (here: one of a
/// task that never made it into the state, as after a crash mid-create) are
/// swept once the host registers as a new instance; another agent's
/// containers on the same Engine and containers Gantry did not create are
/// left alone.
#[tokio::test]
async fn containers_of_an_earlier_identity_are_swept_and_only_those() {
    use gantry_agent_api::labels;
    let old_arn = "arn:aws:ecs:us-east-1:123456789012:container-instance/old-cluster/old";
    let neighbour = "arn:aws:ecs:us-east-1:123456789012:container-instance/default/other";
    let dir = tempfile::tempdir().unwrap();
    crate::state::StateStore::new(dir.path())
        .save(&crate::state::AgentState {
            version: crate::state::STATE_VERSION,
            container_instance_arn: Some(old_arn.into()),
            desired: Some(DesiredState {
                generation: 3,
                tasks: vec![],
            }),
            ..Default::default()
        })
        .unwrap();
    let fake = Arc::new(FakeRuntime::new());
    let lbl = |pairs: &[(&str, &str)]| {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect::<std::collections::BTreeMap<_, _>>()
    };
    let leftover = fake.insert_running(
        "ecs-old-1-app",
        lbl(&[
            (labels::MANAGED, "true"),
            (labels::CONTAINER_INSTANCE_ARN, old_arn),
            (labels::CLUSTER, "old-cluster"),
            (
                labels::TASK_ARN,
                "arn:aws:ecs:us-east-1:123456789012:task/old-cluster/lost",
            ),
            (labels::CONTAINER_NAME, "app"),
        ]),
    );
    let theirs = fake.insert_running(
        "ecs-other-1-app",
        lbl(&[
            (labels::MANAGED, "true"),
            (labels::CONTAINER_INSTANCE_ARN, neighbour),
            (
                labels::TASK_ARN,
                "arn:aws:ecs:us-east-1:123456789012:task/default/theirs",
            ),
            (labels::CONTAINER_NAME, "app"),
        ]),
    );
    let foreign = fake.insert_running(
        "not-gantry",
        lbl(&[(labels::CONTAINER_INSTANCE_ARN, old_arn)]),
    );
    // The control plane answers with a new instance (INSTANCE).
    let h = Harness::start(
        DesiredState {
            generation: 1,
            tasks: vec![],
        },
        dir.path(),
        fake.clone(),
    )
    .await;
    for _ in 0..200 {
        if fake.containers().iter().all(|c| c.info.id != leftover) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let ids: Vec<String> = fake.containers().into_iter().map(|c| c.info.id).collect();
    assert!(!ids.contains(&leftover), "the leftover must be removed");
    assert!(ids.contains(&theirs), "another agent's container must stay");
    assert!(
        ids.contains(&foreign),
        "a container Gantry did not create must stay"
    );
    assert_eq!(
        crate::state::StateStore::new(dir.path()).previous_identities(),
        [old_arn.to_string()].into()
    );
    h.finish().await;
}
