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
    /// (operation, signing access key id) of every call.
    signers: Vec<(String, String)>,
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
    let key = auth
        .split("Credential=")
        .nth(1)
        .and_then(|c| c.split('/').next())
        .unwrap_or("")
        .to_string();
    let op = target.rsplit('.').next().unwrap_or("").to_string();
    m.signers.push((op, key));
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
        "Logs_20140328.DescribeLogStreams" => {
            let s = b["logStreamNamePrefix"].as_str().unwrap().to_string();
            if !m.streams.contains(&(group, s.clone())) {
                return (StatusCode::OK, "{\"logStreams\":[]}").into_response();
            }
            let n = m.events.iter().filter(|e| e.0 == s).count();
            return (
                StatusCode::OK,
                json!({"logStreams": [{"logStreamName": s, "uploadSequenceToken": format!("{}", n + 1)}]})
                    .to_string(),
            )
                .into_response();
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
    if target == "Logs_20140328.PutLogEvents" {
        let s = b["logStreamName"].as_str().unwrap_or("");
        let n = m.events.iter().filter(|e| e.0 == s).count();
        return (
            StatusCode::OK,
            json!({"nextSequenceToken": format!("{}", n + 1)}).to_string(),
        )
            .into_response();
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

/// A running container `app-1` in a fake runtime, and an agent state in a
/// new data directory that says it logs with awslogs `options`:
/// (data directory, runtime, container id, task ARN).
fn awslogs_container(
    options: serde_json::Value,
) -> (tempfile::TempDir, Arc<FakeRuntime>, String, String) {
    let dir = tempfile::tempdir().unwrap();
    let fake = Arc::new(FakeRuntime::new());
    let id = fake.insert_running("app-1", BTreeMap::new());
    let task_arn = write_state(dir.path(), &id, options);
    (dir, fake, id, task_arn)
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
    let (dir, fake, id, _) = awslogs_container(
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

/// A line over the event size limit becomes consecutive events (the
/// largest first), between the lines around it, in order.
#[tokio::test]
async fn a_line_over_the_event_size_is_split_in_order() {
    let (endpoint, shared, server) = mock().await;
    let (dir, fake, id, _) = awslogs_container(
        json!({"awslogs-group": "/g", "awslogs-stream-prefix": "p", "awslogs-create-group": "true"}),
    );
    let base = 1_700_000_000_000_000_000i64;
    let long = format!("{}{}", "a".repeat(MAX_EVENT_BYTES), "b".repeat(100));
    for (i, msg) in ["before", long.as_str(), "after"].iter().enumerate() {
        fake.write_log(&id, LogSource::Stdout, msg, base + i as i64 * 1_000_000);
    }
    fake.exit(&id, 0);
    let (stop_tx, sup) = start_supervisor(dir.path(), endpoint, &fake).await;
    let events = wait_for(&shared, 4).await;
    // (first byte, length) of each event: the messages are long.
    let shape: Vec<(u8, usize)> = events
        .iter()
        .map(|e| (e.2.as_bytes()[0], e.2.len()))
        .collect();
    assert_eq!(
        shape,
        [(b'b', 6), (b'a', MAX_EVENT_BYTES), (b'b', 100), (b'a', 5)]
    );
    assert!(events[1].2.bytes().all(|b| b == b'a') && events[2].2.bytes().all(|b| b == b'b'));
    // Both parts carry the line's timestamp.
    assert_eq!(events[1].1, events[2].1);
    let _ = stop_tx.send(());
    sup.await.unwrap();
    server.abort();
}

#[tokio::test]
async fn resumes_after_the_cursor_on_restart() {
    let (endpoint, shared, server) = mock().await;
    let (dir, fake, id, _) =
        awslogs_container(json!({"awslogs-group": "g", "awslogs-create-group": "true"}));
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

#[test]
fn datetime_format_becomes_dockers_regex() {
    let re = regex::Regex::new(&strftime_to_regex("%Y-%m-%d %H:%M:%S")).unwrap();
    assert!(re.is_match("2024-01-31 23:59:07 started"));
    assert!(!re.is_match("    at com.example.Main"));
    assert!(!re.is_match("2024-13-01 10:00:00"), "month 13");
    let re = regex::Regex::new(&strftime_to_regex("[%b %d, %Y %I:%M:%S %p]")).unwrap();
    assert!(re.is_match("[Jan 05, 2024 03:04:05 PM] x"));
    let re = regex::Regex::new(&strftime_to_regex("%a %j %y%L")).unwrap();
    assert!(re.is_match("Tue 366 24.123"));
    // Unknown sequences translate to nothing, as in Docker.
    assert_eq!(strftime_to_regex("%Q%Y"), r"\d{4}");
}

#[test]
fn awslogs_options_are_validated_like_docker() {
    let opts = |pairs: &[(&str, &str)]| -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    };
    let o = parse_options(&opts(&[("awslogs-group", "g")])).unwrap();
    assert!(o.multiline.is_none() && !o.non_blocking);
    assert_eq!(o.max_buffer_bytes, 1024 * 1024);
    let e = parse_options(&opts(&[
        ("awslogs-datetime-format", "%Y"),
        ("awslogs-multiline-pattern", "^x"),
    ]))
    .unwrap_err();
    assert!(e.contains("at the same time"), "{e}");
    let e = parse_options(&opts(&[("awslogs-multiline-pattern", "(")])).unwrap_err();
    assert!(e.contains("could not parse multiline pattern"), "{e}");
    let e = parse_options(&opts(&[("mode", "sometimes")])).unwrap_err();
    assert!(e.contains("logging mode not supported"), "{e}");
    let e = parse_options(&opts(&[("max-buffer-size", "4m")])).unwrap_err();
    assert!(e.contains("only supported with 'mode=non-blocking'"), "{e}");
    let e = parse_options(&opts(&[
        ("mode", "non-blocking"),
        ("max-buffer-size", "lots"),
    ]))
    .unwrap_err();
    assert!(e.contains("max-buffer-size"), "{e}");
    let o = parse_options(&opts(&[
        ("mode", "non-blocking"),
        ("max-buffer-size", "4m"),
    ]))
    .unwrap();
    assert!(o.non_blocking);
    assert_eq!(o.max_buffer_bytes, 4 * 1024 * 1024);
    assert_eq!(parse_buffer_size("512k"), Some(512 * 1024));
    assert_eq!(parse_buffer_size("1.5MiB"), Some(1024 * 1024 * 3 / 2));
    assert_eq!(parse_buffer_size("100"), Some(100));
    assert_eq!(parse_buffer_size("1x"), None);
}

fn line(ns: i64, msg: &str) -> LogLine {
    LogLine {
        timestamp_ns: ns,
        source: LogSource::Stdout,
        message: msg.to_string(),
    }
}

#[test]
fn joiner_joins_until_the_next_match() {
    let mut j = Joiner::new(regex::Regex::new(r"^\d{4}-").unwrap());
    assert_eq!(j.started(), None::<u32>);
    assert_eq!(j.push(&line(1, "2024-01-01 boom"), 10u32), None);
    assert_eq!(j.started(), Some(10));
    assert_eq!(j.push(&line(2, "  at a"), 11), None);
    // A continuation line before any match still starts an event.
    assert_eq!(
        j.push(&line(3, "2024-01-01 next"), 12),
        Some((1, 2, "2024-01-01 boom\n  at a\n".to_string()))
    );
    assert_eq!(j.started(), Some(12));
    assert_eq!(j.take(), Some((3, 3, "2024-01-01 next\n".to_string())));
    assert_eq!(j.take(), None);
    // An event that would exceed the event size is cut there.
    let big = "x".repeat(MAX_EVENT_BYTES - 10);
    assert_eq!(j.push(&line(4, &big), 13), None);
    let (first, last, msg) = j.push(&line(5, "more than ten bytes"), 14).unwrap();
    assert_eq!((first, last, msg.len()), (4, 4, big.len() + 1));
}

async fn start_supervisor(
    dir: &Path,
    endpoint: String,
    fake: &Arc<FakeRuntime>,
) -> (
    tokio::sync::oneshot::Sender<()>,
    tokio::task::JoinHandle<()>,
) {
    let (stop_tx, stop_rx) = tokio::sync::oneshot::channel::<()>();
    let runtime: Arc<dyn ContainerRuntime> = fake.clone();
    let sup = tokio::spawn(run(
        config(dir),
        test_client(endpoint),
        runtime,
        async move {
            let _ = stop_rx.await;
        },
    ));
    (stop_tx, sup)
}

#[tokio::test]
async fn multiline_events_by_datetime_format() {
    let (endpoint, shared, server) = mock().await;
    let (dir, fake, id, _) =
        awslogs_container(json!({"awslogs-group": "g", "awslogs-create-group": "true",
               "awslogs-datetime-format": "%Y-%m-%d %H:%M:%S"}));
    let base = 1_700_000_000_000_000_000i64;
    for (i, msg) in [
        "2024-01-01 12:00:00 ERROR boom",
        "java.lang.RuntimeException: x",
        "    at Main.main(Main.java:1)",
        "2024-01-01 12:00:01 INFO recovered",
    ]
    .iter()
    .enumerate()
    {
        fake.write_log(&id, LogSource::Stdout, msg, base + i as i64 * 1_000_000);
    }
    let (stop, sup) = start_supervisor(dir.path(), endpoint, &fake).await;
    // The last event is pending until it has waited a flush interval (the
    // container is still running).
    let events = wait_for(&shared, 2).await;
    let msgs: Vec<&str> = events.iter().map(|e| e.2.as_str()).collect();
    assert_eq!(
        msgs,
        vec![
            "2024-01-01 12:00:00 ERROR boom\njava.lang.RuntimeException: x\n    at Main.main(Main.java:1)\n",
            "2024-01-01 12:00:01 INFO recovered\n",
        ]
    );
    // The event's time is its first line's.
    assert_eq!(events[0].1, 1_700_000_000_000);
    assert_eq!(events[1].1, 1_700_000_000_003);
    // Lines written right before exit are joined and flushed at the end.
    fake.write_log(
        &id,
        LogSource::Stdout,
        "2024-01-01 12:00:02 bye",
        base + 10_000_000,
    );
    fake.write_log(&id, LogSource::Stdout, "  trailing", base + 11_000_000);
    fake.exit(&id, 0);
    let events = wait_for(&shared, 3).await;
    assert_eq!(events.len(), 3);
    assert_eq!(events[2].2, "2024-01-01 12:00:02 bye\n  trailing\n");
    let _ = stop.send(());
    sup.await.unwrap();
    server.abort();
}

#[tokio::test]
async fn non_blocking_mode_drops_beyond_max_buffer_size() {
    let (endpoint, shared, server) = mock().await;
    let (dir, fake, id, _) =
        awslogs_container(json!({"awslogs-group": "g", "awslogs-create-group": "true",
               "mode": "non-blocking", "max-buffer-size": "100"}));
    let base = 1_700_000_000_000_000_000i64;
    for i in 0..3 {
        fake.write_log(&id, LogSource::Stdout, &format!("a{i}"), base + i * 1_000);
    }
    // The log service is down: the first batch is retried while the
    // container keeps writing.
    shared.lock().unwrap().fail_puts = usize::MAX;
    let (stop, sup) = start_supervisor(dir.path(), endpoint, &fake).await;
    for _ in 0..400 {
        if shared.lock().unwrap().puts >= 1 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    for i in 0..50 {
        fake.write_log(
            &id,
            LogSource::Stdout,
            &format!("b{i:02}"),
            base + 1_000_000 + i * 1_000,
        );
    }
    // A few more retries: the shipper keeps reading meanwhile.
    let puts = shared.lock().unwrap().puts;
    for _ in 0..400 {
        if shared.lock().unwrap().puts >= puts + 2 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    shared.lock().unwrap().fail_puts = 0;
    let got = wait_for(&shared, 7).await;
    fake.write_log(&id, LogSource::Stdout, "c0", base + 2_000_000);
    let got2 = wait_for(&shared, got.len() + 1).await;
    let msgs: Vec<&str> = got2.iter().map(|e| e.2.as_str()).collect();
    // The in-flight batch, then what fitted the 100-byte buffer (3 bytes +
    // 26 per event: four events), then, after recovery, new lines again.
    assert_eq!(
        msgs,
        vec!["a0", "a1", "a2", "b00", "b01", "b02", "b03", "c0"]
    );
    let _ = stop.send(());
    sup.await.unwrap();
    server.abort();
}

#[tokio::test]
async fn blocking_mode_loses_nothing_through_an_outage() {
    let (endpoint, shared, server) = mock().await;
    let (dir, fake, id, _) =
        awslogs_container(json!({"awslogs-group": "g", "awslogs-create-group": "true"}));
    let base = 1_700_000_000_000_000_000i64;
    fake.write_log(&id, LogSource::Stdout, "a0", base);
    shared.lock().unwrap().fail_puts = usize::MAX;
    let (stop, sup) = start_supervisor(dir.path(), endpoint, &fake).await;
    for _ in 0..400 {
        if shared.lock().unwrap().puts >= 1 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    for i in 0..50 {
        fake.write_log(
            &id,
            LogSource::Stdout,
            &format!("b{i:02}"),
            base + 1_000_000 + i * 1_000,
        );
    }
    let puts = shared.lock().unwrap().puts;
    for _ in 0..400 {
        if shared.lock().unwrap().puts >= puts + 2 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    shared.lock().unwrap().fail_puts = 0;
    let got = wait_for(&shared, 51).await;
    let msgs: Vec<String> = got.iter().map(|e| e.2.clone()).collect();
    let want: Vec<String> = std::iter::once("a0".to_string())
        .chain((0..50).map(|i| format!("b{i:02}")))
        .collect();
    assert_eq!(msgs, want);
    let _ = stop.send(());
    sup.await.unwrap();
    server.abort();
}

/// The agent died after a batch was acknowledged but before its cursor was
/// updated: the stream's token moved, so the batch is not sent again; when
/// the token did not move, it is.
#[tokio::test]
async fn a_batch_in_flight_at_a_crash_is_sent_once() {
    for landed in [true, false] {
        let (endpoint, shared, server) = mock().await;
        let (dir, fake, id, _) =
            awslogs_container(json!({"awslogs-group": "g", "awslogs-create-group": "true"}));
        let base = 1_700_000_000_000_000_000i64;
        for (i, m) in ["a", "b", "c"].iter().enumerate() {
            fake.write_log(&id, LogSource::Stdout, m, base + i as i64 * 1_000_000);
        }
        {
            let mut m = shared.lock().unwrap();
            m.groups.insert("g".into());
            m.streams.insert(("g".into(), id.clone()));
            if landed {
                // a and b were acknowledged just before the crash.
                m.events.push((id.clone(), 1_700_000_000_000, "a".into()));
                m.events.push((id.clone(), 1_700_000_000_001, "b".into()));
            }
        }
        let cursor = Cursor {
            last_ns: 0,
            done: false,
            in_flight: Some(InFlight {
                token_before: "1".into(),
                last_ns: base + 1_000_000,
            }),
        };
        save_cursor(&cursor_path(dir.path(), &id), &cursor).unwrap();
        let (stop, sup) = start_supervisor(dir.path(), endpoint, &fake).await;
        let got = wait_for(&shared, 3).await;
        tokio::time::sleep(Duration::from_millis(200)).await;
        let msgs: Vec<String> = shared
            .lock()
            .unwrap()
            .events
            .iter()
            .map(|e| e.2.clone())
            .collect();
        assert_eq!(msgs, vec!["a", "b", "c"], "landed={landed}");
        assert_eq!(got.len(), 3);
        let c = load_cursor(&cursor_path(dir.path(), &id));
        assert_eq!(c.in_flight, None);
        assert_eq!(c.last_ns, base + 2_000_000);
        let _ = stop.send(());
        sup.await.unwrap();
        server.abort();
    }
}

#[tokio::test]
async fn execution_role_credentials_sign_the_tasks_log_delivery() {
    let (endpoint, shared, server) = mock().await;
    let (dir, fake, id, task_arn) =
        awslogs_container(json!({"awslogs-group": "g", "awslogs-create-group": "true"}));
    // The task's desired state carries execution role credentials.
    let store = StateStore::new(dir.path());
    let mut state = store.load().unwrap();
    let creds = gantry_agent_api::TaskCredentials {
        credentials_id: "c1".into(),
        role_arn: "arn:aws:iam::123456789012:role/exec".into(),
        access_key_id: "ASIAEXECUTION1".into(),
        secret_access_key: "s".into(),
        session_token: "t".into(),
        expiration: "2100-01-01T00:00:00Z".into(),
    };
    state
        .tasks
        .get_mut(&task_arn)
        .unwrap()
        .task
        .execution_credentials = Some(creds.clone());
    store.save(&state).unwrap();
    assert_eq!(
        execution_credentials(&state, &task_arn),
        Ok(Some(creds.clone()))
    );
    assert_eq!(execution_credentials(&state, "arn:other"), Err(()));
    fake.write_log(&id, LogSource::Stdout, "one", 1_700_000_000_000_000_000);
    let (stop, sup) = start_supervisor(dir.path(), endpoint, &fake).await;
    assert_eq!(wait_for(&shared, 1).await.len(), 1);
    // Refreshed credentials (a new key) sign what follows.
    state
        .tasks
        .get_mut(&task_arn)
        .unwrap()
        .task
        .execution_credentials = Some(gantry_agent_api::TaskCredentials {
        access_key_id: "ASIAEXECUTION2".into(),
        ..creds
    });
    store.save(&state).unwrap();
    fake.write_log(&id, LogSource::Stdout, "two", 1_700_000_001_000_000_000);
    assert_eq!(wait_for(&shared, 2).await.len(), 2);
    // Without an execution role the agent's own credentials sign.
    state
        .tasks
        .get_mut(&task_arn)
        .unwrap()
        .task
        .execution_credentials = None;
    store.save(&state).unwrap();
    fake.write_log(&id, LogSource::Stdout, "three", 1_700_000_002_000_000_000);
    assert_eq!(wait_for(&shared, 3).await.len(), 3);
    let _ = stop.send(());
    sup.await.unwrap();
    server.abort();
    let signers = shared.lock().unwrap().signers.clone();
    let puts: Vec<&str> = signers
        .iter()
        .filter(|(op, _)| op == "PutLogEvents")
        .map(|(_, k)| k.as_str())
        .collect();
    assert_eq!(
        puts,
        vec!["ASIAEXECUTION1", "ASIAEXECUTION2", "AKIDEXAMPLE"]
    );
    assert!(signers
        .iter()
        .filter(|(op, _)| op == "CreateLogGroup" || op == "CreateLogStream")
        .all(|(_, k)| k == "ASIAEXECUTION1"));
}

fn tgt(group: &str, create_group: bool) -> Target {
    Target {
        group: group.to_string(),
        stream: "p/app/0123".to_string(),
        create_group,
    }
}

#[tokio::test]
async fn prepare_creates_the_group_then_the_stream_like_docker() {
    let (endpoint, shared, server) = mock().await;
    let client = test_client(endpoint);
    prepare(&client, &tgt("/ecs/new", true)).await.unwrap();
    {
        let m = shared.lock().unwrap();
        assert!(m.groups.contains("/ecs/new"));
        assert!(m
            .streams
            .contains(&("/ecs/new".to_string(), "p/app/0123".to_string())));
        let ops: Vec<&str> = m.signers.iter().map(|(op, _)| op.as_str()).collect();
        // Docker's order: the stream first, the group only when missing.
        assert_eq!(
            ops,
            ["CreateLogStream", "CreateLogGroup", "CreateLogStream"]
        );
    }
    // Again (an agent restart re-creating): already there is fine, one call.
    prepare(&client, &tgt("/ecs/new", true)).await.unwrap();
    assert_eq!(shared.lock().unwrap().signers.len(), 4);
    server.abort();
}

#[tokio::test]
async fn prepare_refuses_a_missing_group_without_create_group() {
    let (endpoint, shared, server) = mock().await;
    let client = test_client(endpoint);
    let e = prepare(&client, &tgt("/ecs/missing", false))
        .await
        .unwrap_err();
    assert!(
        e.starts_with(
            "failed to initialize logging driver: failed to create Cloudwatch log stream: ResourceNotFoundException"
        ),
        "{e}"
    );
    assert!(shared.lock().unwrap().groups.is_empty());
    server.abort();
}

#[tokio::test]
async fn prepare_does_not_hold_the_task_when_the_service_is_unreachable() {
    // A port nobody listens on: transient, left to the shipper.
    let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = format!("http://{}", l.local_addr().unwrap());
    drop(l);
    let client = test_client(addr);
    prepare(&client, &tgt("/ecs/x", true)).await.unwrap();
}

#[tokio::test]
async fn destination_signs_with_the_execution_role() {
    let (endpoint, shared, server) = mock().await;
    let client = test_client(endpoint);
    let mut task: gantry_agent_api::DesiredTask = serde_json::from_value(json!({
        "taskArn": "arn:aws:ecs:us-east-1:123456789012:task/default/0123",
        "clusterArn": "arn:aws:ecs:us-east-1:123456789012:cluster/default",
        "cluster": "default",
        "taskDefinitionArn": "arn:aws:ecs:us-east-1:123456789012:task-definition/f:1",
        "family": "f",
        "revision": 1,
        "desiredStatus": "RUNNING",
        "containers": [
            {"name": "app", "image": "busybox", "logConfiguration": {"logDriver": "awslogs",
              "options": {"awslogs-group": "g", "awslogs-stream-prefix": "p", "awslogs-create-group": "true"}}},
            {"name": "side", "image": "busybox"},
        ],
    }))
    .unwrap();
    assert!(destination(&client, &task, "side", "cid").is_none());
    task.execution_credentials = Some(gantry_agent_api::TaskCredentials {
        credentials_id: "c".into(),
        role_arn: "arn:aws:iam::123456789012:role/exec".into(),
        access_key_id: "ASIAEXECROLE".into(),
        secret_access_key: "s".into(),
        session_token: "t".into(),
        expiration: "2030-01-01T00:00:00Z".into(),
    });
    let (target, signer) = destination(&client, &task, "app", "cid").unwrap();
    assert_eq!(target.stream, "p/app/0123");
    prepare(&signer, &target).await.unwrap();
    let m = shared.lock().unwrap();
    assert!(!m.signers.is_empty());
    assert!(m.signers.iter().all(|(_, key)| key == "ASIAEXECROLE"));
    drop(m);
    server.abort();
}

/// The reconciler prepares the destination before the container starts: the
/// stream exists once the task runs, and a missing group without
/// `awslogs-create-group` fails the start with Docker's message.
#[tokio::test]
async fn reconciler_prepares_destinations_before_the_start() {
    use crate::reconcile::{Reconciler, ReconcilerConfig};
    use gantry_agent_api::{DesiredState, TaskStatus};
    let (endpoint, shared, server) = mock().await;
    let client = test_client(endpoint);
    let task = |arn: &str, create: &str| -> gantry_agent_api::DesiredTask {
        serde_json::from_value(json!({
            "taskArn": arn,
            "clusterArn": "arn:aws:ecs:us-east-1:123456789012:cluster/default",
            "cluster": "default",
            "taskDefinitionArn": "arn:aws:ecs:us-east-1:123456789012:task-definition/f:1",
            "family": "f",
            "revision": 1,
            "desiredStatus": "RUNNING",
            "containers": [{"name": "app", "image": "busybox", "essential": true,
                "logConfiguration": {"logDriver": "awslogs", "options": {
                    "awslogs-group": format!("/g/{create}"), "awslogs-stream-prefix": "p",
                    "awslogs-create-group": create}}}],
        }))
        .unwrap()
    };
    let ok = "arn:aws:ecs:us-east-1:123456789012:task/default/aaa";
    let bad = "arn:aws:ecs:us-east-1:123456789012:task/default/bbb";
    let fake = Arc::new(FakeRuntime::new());
    let dir = tempfile::tempdir().unwrap();
    let mut r = Reconciler::new(
        fake.clone(),
        StateStore::new(dir.path()),
        ReconcilerConfig {
            logs: Some(client),
            ..Default::default()
        },
    )
    .unwrap();
    r.set_instance_arn("arn:aws:ecs:us-east-1:123456789012:container-instance/default/i-1".into())
        .unwrap();
    r.set_desired(DesiredState {
        generation: 1,
        tasks: vec![task(ok, "true"), task(bad, "false")],
    })
    .unwrap();
    for _ in 0..4 {
        r.converge(100.0).await.unwrap();
        r.wait_background().await;
    }
    let good = r.task(ok).unwrap().observation();
    assert_eq!(good.last_status, TaskStatus::Running);
    assert!(shared
        .lock()
        .unwrap()
        .streams
        .contains(&("/g/true".to_string(), "p/app/aaa".to_string())));
    let failed = r.task(bad).unwrap();
    let reason = failed.stopped_reason.clone().unwrap_or_default();
    assert!(
        reason.starts_with("CannotStartContainerError: failed to initialize logging driver: failed to create Cloudwatch log stream: ResourceNotFoundException"),
        "{reason}"
    );
    assert_ne!(failed.observation().last_status, TaskStatus::Running);
    server.abort();
}

/// The reconciler records a container as started after the runtime's start
/// event: the save of state.json itself wakes the supervisor, so shipping
/// does not wait for the (here one-hour) scan period.
#[tokio::test]
async fn a_save_of_the_state_starts_the_shipper() {
    let (endpoint, shared, server) = mock().await;
    let dir = tempfile::tempdir().unwrap();
    let fake = Arc::new(FakeRuntime::new());
    let mut cfg = config(dir.path());
    cfg.scan_interval = Duration::from_secs(3600);
    let (stop_tx, stop_rx) = tokio::sync::oneshot::channel::<()>();
    let runtime: Arc<dyn ContainerRuntime> = fake.clone();
    let sup = tokio::spawn(run(cfg, test_client(endpoint), runtime, async move {
        let _ = stop_rx.await;
    }));
    // Started (its runtime events already seen) before the state says so.
    let id = fake.insert_running("app-1", BTreeMap::new());
    fake.write_log(&id, LogSource::Stdout, "hello", 1_700_000_000_000_000_000);
    tokio::time::sleep(Duration::from_millis(100)).await;
    assert!(shared.lock().unwrap().events.is_empty());
    write_state(
        dir.path(),
        &id,
        json!({"awslogs-group": "g", "awslogs-create-group": "true"}),
    );
    let got = wait_for(&shared, 1).await;
    assert_eq!(got.len(), 1, "not shipped after the state was saved");
    assert_eq!(got[0].2, "hello");
    let _ = stop_tx.send(());
    sup.await.unwrap();
    server.abort();
}

/// The execution credentials are decoded from the agent state once per save
/// of it, not for every batch: a file changed behind the store's back is not
/// seen, the next save is.
#[test]
fn credentials_are_read_again_only_after_a_save() {
    let dir = tempfile::tempdir().unwrap();
    let task_arn = write_state(dir.path(), "c1", json!({"awslogs-group": "/g"}));
    let store = StateStore::new(dir.path());
    let shipper = Shipper {
        id: "c1".into(),
        target: tgt("/g", false),
        client: test_client("http://127.0.0.1:9".into()),
        runtime: Arc::new(FakeRuntime::new()),
        cursor_path: cursor_path(dir.path(), "c1"),
        config: config(dir.path()),
        opts: ShipOptions::default(),
        token: std::sync::Mutex::new(None),
        task_arn: task_arn.clone(),
        saves: store.subscribe(),
        store: store.clone(),
        creds: std::sync::Mutex::new(None),
        role_client: std::sync::Mutex::new(None),
    };
    assert_eq!(shipper.credentials(), Ok(None));
    let mut state = store.load().unwrap();
    let creds: gantry_agent_api::TaskCredentials = serde_json::from_value(json!({
        "credentialsId": "c-1",
        "roleArn": "arn:aws:iam::123456789012:role/exec",
        "accessKeyId": "ASIAEXEC",
        "secretAccessKey": "s",
        "sessionToken": "t",
        "expiration": "2030-03-17T20:00:00Z",
    }))
    .unwrap();
    state
        .tasks
        .get_mut(&task_arn)
        .unwrap()
        .task
        .execution_credentials = Some(creds);
    // Written behind the store's back: the remembered answer stands.
    std::fs::write(store.path(), serde_json::to_vec(&state).unwrap()).unwrap();
    assert_eq!(shipper.credentials(), Ok(None));
    store.save(&state).unwrap();
    let got = shipper
        .credentials()
        .unwrap()
        .expect("credentials after the save");
    assert_eq!(got.access_key_id, "ASIAEXEC");
    // A task gone from the state.
    state.tasks.clear();
    store.save(&state).unwrap();
    assert_eq!(shipper.credentials(), Err(()));
}
