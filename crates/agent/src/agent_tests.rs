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
            p.observed = Some(o);
        }
    }
    let answer = |p: &Plane| {
        let generation = p.desired.as_ref().map(|d| d.generation).unwrap_or(0);
        SyncResponse {
            generation,
            desired: (generation != req.known_generation)
                .then(|| p.desired.clone())
                .flatten(),
            registered: p.registered,
        }
    };
    let first = answer(&s.0.lock().unwrap());
    if first.desired.is_some() || req.wait_seconds == 0 || !first.registered {
        return Json(first);
    }
    let _ =
        tokio::time::timeout(Duration::from_secs(req.wait_seconds.into()), s.1.notified()).await;
    let p = s.0.lock().unwrap();
    Json(answer(&p))
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
    p.observed
        .as_ref()?
        .tasks
        .iter()
        .find(|t| t.task_arn == ARN)
        .map(|t| (t.last_status, t.stop_code))
}

#[tokio::test]
async fn registers_syncs_reports_and_stops_when_deregistered() {
    let shared: Shared = Arc::new((
        Mutex::new(Plane {
            desired: Some(DesiredState {
                generation: 1,
                tasks: vec![task()],
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
