//! Tests of the awslogs shipper against an in-process stand-in of the Logs
//! API (axum) that can be told to fail, and the stateful `FakeRuntime`.

use super::*;
use crate::clock::SystemClock;
use crate::reconcile::TaskState;
use crate::runtime::{FakeRuntime, LogSource};
use crate::state::AgentState;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::IntoResponse;
use axum::routing::post;
use std::sync::Mutex;

#[derive(Default)]
struct Mock {
    groups: BTreeSet<String>,
    streams: BTreeSet<(String, String)>,
    events: Vec<(String, i64, String)>,
    /// Answer this many upcoming PutLogEvents with 503.
    fail_puts: usize,
    puts: usize,
}

type Shared = Arc<Mutex<Mock>>;

async fn handle(
    State(m): State<Shared>,
    headers: HeaderMap,
    body: axum::body::Bytes,
) -> axum::response::Response {
    let target = headers
        .get("x-amz-target")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    let auth = headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    assert!(
        auth.contains("/logs/aws4_request"),
        "signed for logs: {auth}"
    );
    let b: serde_json::Value = serde_json::from_slice(&body).unwrap();
    let mut m = m.lock().unwrap();
    let err = |code: &str| {
        (
            StatusCode::BAD_REQUEST,
            serde_json::to_string(&json!({"__type": code, "message": "x"})).unwrap(),
        )
            .into_response()
    };
    let group = b["logGroupName"].as_str().unwrap_or("").to_string();
    match target.as_str() {
        "Logs_20140328.CreateLogGroup" => {
            if !m.groups.insert(group) {
                return err("ResourceAlreadyExistsException");
            }
        }
        "Logs_20140328.CreateLogStream" => {
            if !m.groups.contains(&group) {
                return err("ResourceNotFoundException");
            }
            let s = b["logStreamName"].as_str().unwrap().to_string();
            if !m.streams.insert((group, s)) {
                return err("ResourceAlreadyExistsException");
            }
        }
        "Logs_20140328.PutLogEvents" => {
            m.puts += 1;
            if m.fail_puts > 0 {
                m.fail_puts -= 1;
                return (
                    StatusCode::SERVICE_UNAVAILABLE,
                    "{\"__type\":\"ServiceUnavailableException\"}",
                )
                    .into_response();
            }
            let s = b["logStreamName"].as_str().unwrap().to_string();
            if !m.streams.contains(&(group, s.clone())) {
                return err("ResourceNotFoundException");
            }
            let mut prev = i64::MIN;
            for e in b["logEvents"].as_array().unwrap() {
                let ts = e["timestamp"].as_i64().unwrap();
                assert!(ts >= prev, "chronological batch");
                prev = ts;
                m.events
                    .push((s.clone(), ts, e["message"].as_str().unwrap().to_string()));
            }
        }
        other => panic!("unexpected {other}"),
    }
    (StatusCode::OK, "{}").into_response()
}

async fn mock() -> (String, Shared, tokio::task::JoinHandle<()>) {
    let shared: Shared = Arc::default();
    let app = axum::Router::new()
        .route("/", post(handle))
        .with_state(shared.clone());
    let l = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = format!("http://{}", l.local_addr().unwrap());
    let h = tokio::spawn(async move {
        axum::serve(l, app).await.unwrap();
    });
    (addr, shared, h)
}

fn test_client(endpoint: String) -> Arc<AgentClient> {
    client(
        vec![endpoint],
        "us-east-1",
        "AKIDEXAMPLE",
        "secret",
        None,
        Arc::new(SystemClock),
    )
    .unwrap()
}

fn config(dir: &Path) -> ShipperConfig {
    let mut c = ShipperConfig::new(dir.to_path_buf());
    c.flush_interval = Duration::from_millis(50);
    c.scan_interval = Duration::from_millis(50);
    c.max_backoff = Duration::from_millis(100);
    c
}

/// Writes an agent state with one started awslogs container `app`.
fn write_state(dir: &Path, container_id: &str, options: serde_json::Value) -> String {
    let task_arn = "arn:aws:ecs:us-east-1:123456789012:task/default/0123456789abcdef".to_string();
    let task: gantry_agent_api::DesiredTask = serde_json::from_value(json!({
        "taskArn": task_arn,
        "clusterArn": "arn:aws:ecs:us-east-1:123456789012:cluster/default",
        "cluster": "default",
        "taskDefinitionArn": "arn:aws:ecs:us-east-1:123456789012:task-definition/f:1",
        "family": "f",
        "revision": 1,
        "desiredStatus": "RUNNING",
        "containers": [{
            "name": "app",
            "image": "busybox",
            "logConfiguration": {"logDriver": "awslogs", "options": options},
        }],
    }))
    .unwrap();
    let mut ts = TaskState::new(task);
    ts.containers[0].docker_id = Some(container_id.to_string());
    ts.containers[0].started = true;
    let mut state = AgentState {
        version: crate::state::STATE_VERSION,
        ..Default::default()
    };
    state.tasks.insert(task_arn.clone(), ts);
    StateStore::new(dir).save(&state).unwrap();
    task_arn
}

async fn wait_for(shared: &Shared, n: usize) -> Vec<(String, i64, String)> {
    for _ in 0..400 {
        {
            let m = shared.lock().unwrap();
            if m.events.len() >= n {
                return m.events.clone();
            }
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    shared.lock().unwrap().events.clone()
}

#[test]
fn stream_names_follow_ecs() {
    let mut o = BTreeMap::new();
    assert!(target(&o, "web", "arn:aws:ecs:r:1:task/c/abc", "cid").is_none());
    o.insert("awslogs-group".to_string(), "/ecs/web".to_string());
    let t = target(&o, "web", "arn:aws:ecs:r:1:task/c/abc", "cid").unwrap();
    assert_eq!(t.stream, "cid");
    assert!(!t.create_group);
    o.insert("awslogs-stream-prefix".to_string(), "ecs".to_string());
    o.insert("awslogs-create-group".to_string(), "true".to_string());
    let t = target(&o, "web", "arn:aws:ecs:r:1:task/c/abc", "cid").unwrap();
    assert_eq!(t.stream, "ecs/web/abc");
    assert!(t.create_group);
}

#[tokio::test]
async fn ships_everything_through_an_outage_and_exit() {
    let (endpoint, shared, server) = mock().await;
    shared.lock().unwrap().fail_puts = 3;
    let dir = tempfile::tempdir().unwrap();
    let fake = Arc::new(FakeRuntime::new());
    let id = fake.insert_running("app-1", BTreeMap::new());
    write_state(
        dir.path(),
        &id,
        json!({"awslogs-group": "/ecs/app", "awslogs-stream-prefix": "p", "awslogs-create-group": "true"}),
    );
    let base = 1_700_000_000_000_000_000i64;
    for i in 0..5 {
        fake.write_log(
            &id,
            LogSource::Stdout,
            &format!("line {i}"),
            base + i * 1_000_000,
        );
    }
    let (stop_tx, stop_rx) = tokio::sync::oneshot::channel::<()>();
    let runtime: Arc<dyn ContainerRuntime> = fake.clone();
    let sup = tokio::spawn(run(
        config(dir.path()),
        test_client(endpoint),
        runtime,
        async move {
            let _ = stop_rx.await;
        },
    ));
    // Written right before exit: still delivered.
    fake.write_log(&id, LogSource::Stderr, "last words", base + 10_000_000);
    fake.write_log(&id, LogSource::Stdout, "", base + 11_000_000);
    fake.exit(&id, 0);
    let events = wait_for(&shared, 6).await;
    let msgs: Vec<&str> = events.iter().map(|e| e.2.as_str()).collect();
    assert_eq!(
        msgs,
        vec![
            "line 0",
            "line 1",
            "line 2",
            "line 3",
            "line 4",
            "last words"
        ]
    );
    assert!(events.iter().all(|e| e.0 == "p/app/0123456789abcdef"));
    assert_eq!(events[1].1, 1_700_000_000_001);
    assert!(
        shared.lock().unwrap().puts >= 4,
        "retried through the outage"
    );
    // The shipper finishes and records it: a restarted supervisor sends nothing again.
    let cursor = cursor_path(dir.path(), &id);
    for _ in 0..200 {
        if load_cursor(&cursor).done {
            break;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    assert!(load_cursor(&cursor).done);
    let _ = stop_tx.send(());
    sup.await.unwrap();
    let (stop_tx, stop_rx) = tokio::sync::oneshot::channel::<()>();
    let runtime: Arc<dyn ContainerRuntime> = fake.clone();
    let (endpoint2, shared2, server2) = mock().await;
    let sup = tokio::spawn(run(
        config(dir.path()),
        test_client(endpoint2),
        runtime,
        async move {
            let _ = stop_rx.await;
        },
    ));
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(shared2.lock().unwrap().puts, 0);
    let _ = stop_tx.send(());
    sup.await.unwrap();
    server.abort();
    server2.abort();
}

#[tokio::test]
async fn resumes_after_the_cursor_on_restart() {
    let (endpoint, shared, server) = mock().await;
    let dir = tempfile::tempdir().unwrap();
    let fake = Arc::new(FakeRuntime::new());
    let id = fake.insert_running("app-1", BTreeMap::new());
    write_state(
        dir.path(),
        &id,
        json!({"awslogs-group": "g", "awslogs-create-group": "true"}),
    );
    let base = 1_700_000_000_000_000_000i64;
    fake.write_log(&id, LogSource::Stdout, "a", base);
    fake.write_log(&id, LogSource::Stdout, "b", base + 1_000_000);
    let runtime: Arc<dyn ContainerRuntime> = fake.clone();
    let (stop_tx, stop_rx) = tokio::sync::oneshot::channel::<()>();
    let sup = tokio::spawn(run(
        config(dir.path()),
        test_client(endpoint.clone()),
        runtime.clone(),
        async move {
            let _ = stop_rx.await;
        },
    ));
    assert_eq!(wait_for(&shared, 2).await.len(), 2);
    // Give the cursor a moment to land after the acknowledged batch.
    tokio::time::sleep(Duration::from_millis(100)).await;
    let _ = stop_tx.send(());
    sup.await.unwrap();
    // Agent restarts; the container wrote more meanwhile.
    fake.write_log(&id, LogSource::Stdout, "c", base + 2_000_000);
    let (stop_tx, stop_rx) = tokio::sync::oneshot::channel::<()>();
    let sup = tokio::spawn(run(
        config(dir.path()),
        test_client(endpoint),
        runtime,
        async move {
            let _ = stop_rx.await;
        },
    ));
    let events = wait_for(&shared, 3).await;
    tokio::time::sleep(Duration::from_millis(200)).await;
    let msgs: Vec<String> = shared
        .lock()
        .unwrap()
        .events
        .iter()
        .map(|e| e.2.clone())
        .collect();
    assert_eq!(msgs, vec!["a", "b", "c"], "no duplicates, none lost");
    assert_eq!(
        events[0].0, id,
        "stream is the container id without a prefix"
    );
    let _ = stop_tx.send(());
    sup.await.unwrap();
    server.abort();
}
