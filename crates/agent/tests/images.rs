//! Image cleanup and pull timeouts against the real Docker Engine: images
//! built locally from scratch (no registry is reachable, no busybox needed),
//! and a "registry" on 127.0.0.1 that accepts connections and never answers.
//! Like `docker.rs`, these fail (never skip) without an Engine.

use gantry_agent::images::{cleanup_cycle, CleanupPolicy, ImageStore};
use gantry_agent::runtime::{ContainerRuntime, DockerRuntime, PullTimeouts};
use gantry_agent::state::AgentState;
use gantry_agent_api::{ContainerSpec, DesiredState, DesiredTask};
use std::process::Command;
use std::time::Duration;

const TEST_LABEL: &str = "io.gantry.test=images";

/// Removes the containers and images a test made, even when it fails.
#[derive(Default)]
struct Cleanup {
    containers: Vec<String>,
    images: Vec<String>,
}

impl Drop for Cleanup {
    fn drop(&mut self) {
        for c in &self.containers {
            let _ = Command::new("docker").args(["rm", "-f", c]).output();
        }
        for i in &self.images {
            let _ = Command::new("docker").args(["rmi", "-f", i]).output();
        }
    }
}

/// Builds a one-file image FROM scratch whose content is its own (so each
/// tag is a distinct image).
fn build(tag: &str, cleanup: &mut Cleanup) {
    cleanup.images.push(tag.to_string());
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("id"), tag).unwrap();
    std::fs::write(
        dir.path().join("Dockerfile"),
        format!("FROM scratch\nCOPY id /id\nLABEL {TEST_LABEL}\n"),
    )
    .unwrap();
    let out = Command::new("docker")
        .args(["build", "-q", "-t", tag])
        .arg(dir.path())
        .output()
        .expect("docker CLI");
    assert!(
        out.status.success(),
        "docker build {tag}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

async fn docker() -> DockerRuntime {
    let rt = DockerRuntime::connect()
        .await
        .unwrap_or_else(|e| panic!("Docker not reachable: {e}"));
    rt.version().await.expect("Docker not answering");
    rt
}

fn now() -> f64 {
    use gantry_agent::clock::Clock;
    gantry_agent::clock::SystemClock.now()
}

fn task_using(image: &str) -> DesiredTask {
    let mut t: DesiredTask = serde_json::from_value(serde_json::json!({
        "taskArn": "arn:aws:ecs:us-east-1:123456789012:task/itest/images",
        "clusterArn": "arn:aws:ecs:us-east-1:123456789012:cluster/itest",
        "cluster": "itest",
        "taskDefinitionArn": "arn:aws:ecs:us-east-1:123456789012:task-definition/images:1",
        "family": "images",
        "revision": 1,
        "desiredStatus": "RUNNING",
        "containers": [],
    }))
    .unwrap();
    t.containers.push(ContainerSpec {
        name: "app".into(),
        image: image.into(),
        ..Default::default()
    });
    t
}

#[tokio::test]
async fn a_cycle_removes_an_old_unused_pulled_image_and_nothing_else() {
    let rt = docker().await;
    let run = uuid::Uuid::new_v4().simple().to_string();
    let mut cleanup = Cleanup::default();
    let [old, busy, held, foreign] =
        ["old", "busy", "held", "foreign"].map(|n| format!("gantry-itest/images-{n}:{run}"));
    for tag in [&old, &busy, &held, &foreign] {
        build(tag, &mut cleanup);
    }
    // A container the agent knows nothing of uses `held` (created, never
    // started: the image has no program).
    let name = format!("gantry-itest-images-{run}");
    cleanup.containers.push(name.clone());
    let out = Command::new("docker")
        .args([
            "create", "--name", &name, "--label", TEST_LABEL, &held, "/id",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    // `old`, `busy` and `held` recorded as pulled 3 h ago; `foreign` never.
    let dir = tempfile::tempdir().unwrap();
    let store = ImageStore::open(dir.path());
    let long_ago = now() - 3.0 * 3600.0;
    for image in [&old, &busy, &held] {
        store.record_pull(image, long_ago).await;
    }
    let state = AgentState {
        desired: Some(DesiredState {
            generation: 1,
            tasks: vec![task_using(&busy)],
        }),
        ..Default::default()
    };
    let at = now();
    let removed = cleanup_cycle(&rt, &store, &state, &CleanupPolicy::default(), at).await;

    assert_eq!(removed, vec![old.clone()]);
    assert!(!rt.image_present(&old).await.unwrap(), "{old} still there");
    for kept in [&busy, &held, &foreign] {
        assert!(rt.image_present(kept).await.unwrap(), "{kept} was removed");
    }
    let records = store.records().await;
    assert!(!records.contains_key(&old));
    // Refused by the Engine (no force): kept, and counted as used now.
    assert_eq!(records[&held].last_used_at, at);
    assert_eq!(records[&held].pulled_at, long_ago);
    assert!(records.contains_key(&busy));
    assert!(!records.contains_key(&foreign));
}

/// A TCP server on 127.0.0.1 that accepts connections and never answers
/// (the Engine treats 127.0.0.0/8 as an insecure registry). Dropping it
/// closes everything.
struct SilentRegistry {
    port: u16,
    task: tokio::task::JoinHandle<()>,
}

impl SilentRegistry {
    async fn start() -> Self {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let task = tokio::spawn(async move {
            let mut held = Vec::new();
            while let Ok((conn, _)) = listener.accept().await {
                held.push(conn);
            }
        });
        SilentRegistry { port, task }
    }
}

impl Drop for SilentRegistry {
    fn drop(&mut self) {
        self.task.abort();
    }
}

#[tokio::test]
async fn a_pull_without_progress_fails_on_the_inactivity_timeout() {
    let registry = SilentRegistry::start().await;
    let rt = docker().await.with_pull_timeouts(PullTimeouts {
        overall: Duration::from_secs(3600),
        inactivity: Duration::from_secs(2),
    });
    let run = uuid::Uuid::new_v4().simple().to_string();
    let image = format!("127.0.0.1:{}/gantry-itest/hang:{run}", registry.port);
    let e = rt.pull_image(&image, None).await.unwrap_err();
    // What the reconciler makes of it.
    let reason = format!("CannotPullContainerError: {}", e.message());
    assert!(reason.contains("made no progress for 2s"), "{reason}");
    assert!(reason.contains(&image), "{reason}");
    assert!(!e.is_unavailable());
    assert!(!rt.image_present(&image).await.unwrap());
}

#[tokio::test]
async fn a_pull_past_the_overall_timeout_fails() {
    let registry = SilentRegistry::start().await;
    let rt = docker().await.with_pull_timeouts(PullTimeouts {
        overall: Duration::from_secs(2),
        inactivity: Duration::from_secs(3600),
    });
    let run = uuid::Uuid::new_v4().simple().to_string();
    let image = format!("127.0.0.1:{}/gantry-itest/hang:{run}", registry.port);
    let e = rt.pull_image(&image, None).await.unwrap_err();
    let m = e.message();
    assert!(m.contains("not done after 2s"), "{m}");
    assert!(m.contains("image pull timeout"), "{m}");
}
