//! Integration tests of the reconciler against the real Docker Engine, with a
//! locally built busybox image (no registry is reachable). Skipped with a
//! message when Docker or `/bin/busybox` (Debian's busybox-static) is missing.

use gantry_agent::reconcile::{Reconciler, ReconcilerConfig};
use gantry_agent::runtime::{ContainerRuntime, DockerRuntime};
use gantry_agent::state::StateStore;
use gantry_agent_api::{
    labels, ContainerSpec, DesiredState, DesiredStatus, DesiredTask, KeyValue, NetworkMode,
    PortMapping, StopCode, TaskObservation, TaskStatus,
};
use std::io::{Read, Write};
use std::process::Command;
use std::sync::Arc;
use std::time::Duration;

const IMAGE: &str = "gantry-test/busybox:latest";
const TEST_LABEL: &str = "io.gantry.test";

/// Removes every container and volume carrying this test's label, even
/// when the test fails.
struct Cleanup(String);

impl Drop for Cleanup {
    fn drop(&mut self) {
        let filter = format!("label={TEST_LABEL}={}", self.0);
        if let Ok(out) = Command::new("docker")
            .args(["ps", "-aq", "--filter", &filter])
            .output()
        {
            for id in String::from_utf8_lossy(&out.stdout).split_whitespace() {
                let _ = Command::new("docker").args(["rm", "-f", "-v", id]).output();
            }
        }
        if let Ok(out) = Command::new("docker")
            .args(["volume", "ls", "-q", "--filter", &filter])
            .output()
        {
            for v in String::from_utf8_lossy(&out.stdout).split_whitespace() {
                let _ = Command::new("docker")
                    .args(["volume", "rm", "-f", v])
                    .output();
            }
        }
    }
}

fn ensure_image() -> bool {
    if Command::new("docker")
        .args(["image", "inspect", IMAGE])
        .output()
        .is_ok_and(|o| o.status.success())
    {
        return true;
    }
    if !std::path::Path::new("/bin/busybox").exists() {
        return false;
    }
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy("/bin/busybox", dir.path().join("busybox")).unwrap();
    std::fs::write(
        dir.path().join("Dockerfile"),
        "FROM scratch\nCOPY busybox /bin/busybox\nRUN [\"/bin/busybox\",\"--install\",\"-s\",\"/bin\"]\n",
    )
    .unwrap();
    Command::new("docker")
        .args([
            "build",
            "-q",
            "-t",
            IMAGE,
            "--label",
            "io.gantry.managed=true",
            "--label",
            "io.gantry.test=image",
        ])
        .arg(dir.path())
        .output()
        .is_ok_and(|o| o.status.success())
}

/// The real Engine with the test image. These are the integration tests of
/// the Docker runtime: without an Engine or busybox they fail, never skip.
async fn setup() -> Arc<DockerRuntime> {
    assert!(
        std::path::Path::new("/bin/busybox").exists(),
        "/bin/busybox missing (apt-get install -y busybox-static; scripts/test installs it)"
    );
    let rt = DockerRuntime::connect()
        .await
        .unwrap_or_else(|e| panic!("Docker not reachable: {e}"));
    rt.version().await.expect("Docker not answering");
    assert!(ensure_image(), "could not build {IMAGE}");
    Arc::new(rt)
}

fn now() -> f64 {
    use gantry_agent::clock::Clock;
    gantry_agent::clock::SystemClock.now()
}

fn task(test: &str, containers: Vec<ContainerSpec>) -> DesiredTask {
    let id = uuid::Uuid::new_v4().simple().to_string();
    let containers = containers
        .into_iter()
        .map(|mut c| {
            c.docker_labels.insert(TEST_LABEL.into(), test.into());
            c
        })
        .collect();
    DesiredTask {
        task_arn: format!("arn:aws:ecs:us-east-1:123456789012:task/itest/{id}"),
        cluster_arn: "arn:aws:ecs:us-east-1:123456789012:cluster/itest".into(),
        cluster: "itest".into(),
        task_definition_arn: format!("arn:aws:ecs:us-east-1:123456789012:task-definition/{test}:1"),
        family: test.into(),
        revision: 1,
        desired_status: DesiredStatus::Running,
        network_mode: NetworkMode::Bridge,
        cpu: None,
        memory: None,
        containers,
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

fn reconciler(rt: &Arc<DockerRuntime>, dir: &std::path::Path, test: &str) -> Reconciler {
    let mut r = Reconciler::new(
        rt.clone(),
        StateStore::new(dir),
        ReconcilerConfig {
            cleanup_delay: Duration::from_secs(3600),
            ..Default::default()
        },
    )
    .unwrap();
    // A unique instance ARN: orphan removal never touches other tests' containers.
    r.set_instance_arn(format!(
        "arn:aws:ecs:us-east-1:123456789012:container-instance/itest/{test}-{}",
        uuid::Uuid::new_v4().simple()
    ))
    .unwrap();
    r
}

/// Reconciles until `done` holds for the task's observation (or panics after `secs`).
async fn until(
    r: &mut Reconciler,
    arn: &str,
    secs: u64,
    done: impl Fn(&TaskObservation) -> bool,
) -> TaskObservation {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(secs);
    loop {
        r.converge(now()).await.unwrap();
        if let Some(o) = r.task(arn).map(|t| t.observation()) {
            if done(&o) {
                return o;
            }
            if tokio::time::Instant::now() > deadline {
                panic!("timed out; last observation {o:#?}");
            }
        } else if tokio::time::Instant::now() > deadline {
            panic!("timed out; task unknown");
        }
        tokio::select! {
            _ = r.next_background_done() => {}
            _ = tokio::time::sleep(Duration::from_millis(200)) => {}
        }
    }
}

fn http_get(port: u16) -> Option<String> {
    let mut s = std::net::TcpStream::connect(("127.0.0.1", port)).ok()?;
    s.set_read_timeout(Some(Duration::from_secs(2))).ok()?;
    s.write_all(b"GET / HTTP/1.0\r\nHost: x\r\n\r\n").ok()?;
    let mut out = String::new();
    s.read_to_string(&mut out).ok()?;
    Some(out)
}

#[tokio::test]
async fn runs_a_task_serves_its_port_and_stops_with_sigterm() {
    let rt = setup().await;
    let test = "agent-run-stop";
    let _cleanup = Cleanup(test.into());
    let dir = tempfile::tempdir().unwrap();
    let mut r = reconciler(&rt, dir.path(), test);
    let web = ContainerSpec {
        name: "web".into(),
        image: IMAGE.into(),
        essential: true,
        command: Some(vec![
            "sh".into(),
            "-c".into(),
            "trap 'exit 143' TERM; mkdir -p /www && echo hello-$GREETING > /www/index.html && httpd -f -p 8080 -h /www & wait $!".into(),
        ]),
        environment: vec![KeyValue { name: "GREETING".into(), value: "gantry".into() }],
        port_mappings: vec![PortMapping { container_port: 8080, host_port: None, protocol: Default::default() }],
        memory: Some(64),
        stop_timeout: Some(10),
        ..Default::default()
    };
    let t = task(test, vec![web]);
    let arn = t.task_arn.clone();
    r.set_desired(DesiredState {
        generation: 1,
        tasks: vec![t.clone()],
    })
    .unwrap();

    let o = until(&mut r, &arn, 60, |o| o.last_status != TaskStatus::Pending).await;
    assert_eq!(o.last_status, TaskStatus::Running, "{o:#?}");
    let c = &o.containers[0];
    let id = c.runtime_id.clone().unwrap();
    let binding = c
        .network_bindings
        .iter()
        .find(|b| b.container_port == 8080)
        .expect("binding");
    assert_eq!(binding.bind_ip, "0.0.0.0");
    assert!(binding.host_port > 0);

    // Labels and environment as created.
    let info = rt.inspect(&id).await.unwrap().unwrap();
    assert!(info.name.starts_with(&format!("ecs-{test}-1-web-")));
    assert_eq!(info.labels[labels::TASK_ARN], arn);
    assert_eq!(info.labels[labels::CONTAINER_NAME], "web");
    assert_eq!(info.labels[labels::TASK_DEFINITION_FAMILY], test);
    assert_eq!(info.labels[labels::TASK_DEFINITION_VERSION], "1");
    assert_eq!(info.labels[labels::CLUSTER], "itest");
    assert_eq!(info.labels[labels::MANAGED], "true");
    assert!(info.labels.contains_key(labels::CONTAINER_INSTANCE_ARN));
    let raw = rt.docker().inspect_container(&id, None).await.unwrap();
    let config = raw.config.unwrap();
    assert!(config.env.unwrap().contains(&"GREETING=gantry".to_string()));
    assert_eq!(raw.host_config.unwrap().memory, Some(64 * 1024 * 1024));

    // The port answers.
    let mut body = None;
    for _ in 0..300 {
        if let Some(b) = http_get(binding.host_port) {
            if b.contains("hello-gantry") {
                body = Some(b);
                break;
            }
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(
        body.is_some(),
        "httpd did not answer on port {}",
        binding.host_port
    );

    // A second agent over the same data dir adopts the container.
    drop(r);
    let mut r = Reconciler::new(
        rt.clone(),
        StateStore::new(dir.path()),
        ReconcilerConfig {
            cleanup_delay: Duration::ZERO,
            ..Default::default()
        },
    )
    .unwrap();
    r.converge(now()).await.unwrap();
    assert_eq!(
        r.task(&arn).unwrap().observation().last_status,
        TaskStatus::Running
    );
    assert_eq!(
        r.task(&arn).unwrap().containers[0].docker_id.as_deref(),
        Some(id.as_str())
    );

    // Stop: SIGTERM → exit 143, then removal (cleanup delay 0).
    let mut stopped = t.clone();
    stopped.desired_status = DesiredStatus::Stopped;
    r.set_desired(DesiredState {
        generation: 2,
        tasks: vec![stopped],
    })
    .unwrap();
    let o = until(&mut r, &arn, 30, |o| o.last_status == TaskStatus::Stopped).await;
    assert_eq!(o.stop_code, None);
    assert_eq!(o.containers[0].exit_code, Some(143), "{o:#?}");
    r.converge(now()).await.unwrap();
    assert!(
        rt.inspect(&id).await.unwrap().is_none(),
        "container removed after stop"
    );
}

#[tokio::test]
async fn essential_container_exit_stops_the_task() {
    let rt = setup().await;
    let test = "agent-essential-exit";
    let _cleanup = Cleanup(test.into());
    let dir = tempfile::tempdir().unwrap();
    let mut r = reconciler(&rt, dir.path(), test);
    let main = ContainerSpec {
        name: "main".into(),
        image: IMAGE.into(),
        essential: true,
        command: Some(vec!["sh".into(), "-c".into(), "sleep 2; exit 3".into()]),
        ..Default::default()
    };
    let side = ContainerSpec {
        name: "side".into(),
        image: IMAGE.into(),
        essential: false,
        command: Some(vec![
            "sh".into(),
            "-c".into(),
            "trap 'exit 143' TERM; sleep 300 & wait $!".into(),
        ]),
        stop_timeout: Some(5),
        ..Default::default()
    };
    let t = task(test, vec![main, side]);
    let arn = t.task_arn.clone();
    r.set_desired(DesiredState {
        generation: 1,
        tasks: vec![t],
    })
    .unwrap();
    let o = until(&mut r, &arn, 60, |o| o.last_status == TaskStatus::Stopped).await;
    assert_eq!(
        o.stop_code,
        Some(StopCode::EssentialContainerExited),
        "{o:#?}"
    );
    assert_eq!(
        o.stopped_reason.as_deref(),
        Some("Essential container in task exited")
    );
    assert!(o.started_at.is_some(), "the task was RUNNING first");
    let code = |n: &str| o.containers.iter().find(|c| c.name == n).unwrap().exit_code;
    assert_eq!(code("main"), Some(3));
    assert_eq!(code("side"), Some(143));
}

#[tokio::test]
async fn healthy_dependency_links_and_task_volume() {
    let rt = setup().await;
    let test = "agent-healthy-links";
    let _cleanup = Cleanup(test.into());
    let dir = tempfile::tempdir().unwrap();
    let mut r = Reconciler::new(
        rt.clone(),
        StateStore::new(dir.path()),
        ReconcilerConfig {
            cleanup_delay: Duration::ZERO,
            ..Default::default()
        },
    )
    .unwrap();
    r.set_instance_arn(format!(
        "arn:aws:ecs:us-east-1:123456789012:container-instance/itest/{test}-{}",
        uuid::Uuid::new_v4().simple()
    ))
    .unwrap();
    let mount = gantry_agent_api::MountPoint {
        source_volume: "data".into(),
        container_path: "/data".into(),
        read_only: false,
    };
    let db = ContainerSpec {
        name: "db".into(),
        image: IMAGE.into(),
        essential: true,
        command: Some(vec![
            "sh".into(),
            "-c".into(),
            "trap 'exit 0' TERM; sleep 1; echo hi > /data/x; sleep 300 & wait $!".into(),
        ]),
        mount_points: vec![mount.clone()],
        health_check: Some(gantry_agent_api::HealthCheck {
            command: vec!["CMD-SHELL".into(), "test -f /data/x".into()],
            interval: 1,
            timeout: 1,
            retries: 1,
            start_period: 0,
        }),
        stop_timeout: Some(5),
        ..Default::default()
    };
    let app = ContainerSpec {
        name: "app".into(),
        image: IMAGE.into(),
        essential: true,
        command: Some(vec![
            "sh".into(),
            "-c".into(),
            "trap 'exit 0' TERM; sleep 300 & wait $!".into(),
        ]),
        mount_points: vec![mount],
        links: vec!["db:database".into()],
        depends_on: vec![gantry_agent_api::Dependency {
            container_name: "db".into(),
            condition: gantry_agent_api::DependencyCondition::Healthy,
        }],
        stop_timeout: Some(5),
        ..Default::default()
    };
    let mut t = task(test, vec![db, app]);
    t.volumes = vec![gantry_agent_api::VolumeSpec {
        name: "data".into(),
        host_source_path: None,
        docker: Some(gantry_agent_api::DockerVolume {
            scope: "task".into(),
            autoprovision: false,
            driver: None,
            driver_opts: Default::default(),
            labels: [(TEST_LABEL.to_string(), test.to_string())].into(),
        }),
    }];
    let arn = t.task_arn.clone();
    let volume = format!("ecs-{}-data", arn.rsplit('/').next().unwrap());
    r.set_desired(DesiredState {
        generation: 1,
        tasks: vec![t.clone()],
    })
    .unwrap();

    // app waits for db to become HEALTHY (about 2 s).
    let o = until(&mut r, &arn, 60, |o| o.last_status != TaskStatus::Pending).await;
    assert_eq!(o.last_status, TaskStatus::Running, "{o:#?}");
    let db = o.containers.iter().find(|c| c.name == "db").unwrap();
    assert_eq!(
        db.health_status,
        Some(gantry_agent_api::HealthStatus::Healthy)
    );
    let app = o.containers.iter().find(|c| c.name == "app").unwrap();
    let raw = rt
        .docker()
        .inspect_container(app.runtime_id.as_deref().unwrap(), None)
        .await
        .unwrap();
    let links = raw.host_config.unwrap().links.unwrap_or_default();
    assert!(links.iter().any(|l| l.ends_with("/database")), "{links:?}");
    let mounts = raw.mounts.unwrap_or_default();
    assert!(
        mounts
            .iter()
            .any(|m| m.name.as_deref() == Some(volume.as_str())),
        "{mounts:?}"
    );

    // Stop: dependents first; the task volume goes with the task.
    let mut stopped = t;
    stopped.desired_status = DesiredStatus::Stopped;
    r.set_desired(DesiredState {
        generation: 2,
        tasks: vec![stopped],
    })
    .unwrap();
    let o = until(&mut r, &arn, 30, |o| o.last_status == TaskStatus::Stopped).await;
    assert!(
        o.containers.iter().all(|c| c.exit_code == Some(0)),
        "{o:#?}"
    );
    r.converge(now()).await.unwrap();
    let vols = Command::new("docker")
        .args(["volume", "ls", "-q"])
        .output()
        .unwrap();
    assert!(
        !String::from_utf8_lossy(&vols.stdout).contains(&volume),
        "task volume removed"
    );
}

/// The awslogs shipper's source: a container's whole output, across
/// json-file rotations, in order, ending when the container has exited.
/// Read from the log file while the container writes; with
/// `compress=true` (left to the Engine's logs API) once it has exited:
/// Docker 20.10's follow was seen losing lines across rotations of
/// compressed files (12,279 of 30,000), which the file reader avoids.
#[tokio::test]
async fn logs_follow_rotations_to_the_end_from_file_and_api() {
    use futures::StreamExt;
    let rt = setup().await;
    let _cleanup = Cleanup("json-file-logs".into());
    const N: usize = 30_000;
    for extra in [None, Some("compress=true")] {
        let mut args = vec![
            "run".to_string(),
            "-d".into(),
            "--label".into(),
            format!("{TEST_LABEL}=json-file-logs"),
            "--log-opt".into(),
            "max-size=1m".into(),
            "--log-opt".into(),
            "max-file=10".into(),
        ];
        if let Some(o) = extra {
            args.extend(["--log-opt".into(), o.to_string()]);
        }
        args.extend([
            IMAGE.to_string(),
            "awk".into(),
            format!("BEGIN{{for(i=0;i<{N};i++) printf \"line %06d %080d\\n\", i, 0}}"),
        ]);
        let out = Command::new("docker").args(&args).output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let id = String::from_utf8_lossy(&out.stdout).trim().to_string();
        if extra.is_some() {
            let waited = Command::new("docker").args(["wait", &id]).output().unwrap();
            assert!(waited.status.success());
        }
        let lines: Vec<String> = tokio::time::timeout(
            Duration::from_secs(60),
            rt.logs(&id, 0)
                .map(|l| l.expect("log line").message)
                .collect::<Vec<_>>(),
        )
        .await
        .expect("the follow ends once the container has exited");
        assert_eq!(lines.len(), N, "{extra:?}");
        for (i, l) in lines.iter().enumerate() {
            assert!(
                l.starts_with(&format!("line {i:06} ")),
                "{extra:?} line {i}: {l}"
            );
        }
    }
}

/// A container never started is listed from the listing alone (no inspect,
/// which would wait for a start in progress) and says what an inspect says;
/// once started and exited, the listing inspects it (exit code, times).
#[tokio::test]
async fn a_container_never_started_lists_like_its_inspect() {
    let rt = setup().await;
    let test = format!("created-{}", uuid::Uuid::new_v4().simple());
    let _cleanup = Cleanup(test.clone());
    let label = format!("{TEST_LABEL}={test}");
    let out = Command::new("docker")
        .args(["create", "--label", &label, "--label", "io.gantry.x=1"])
        .args(["--name", &test, IMAGE, "sh", "-c", "exit 3"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let id = String::from_utf8_lossy(&out.stdout).trim().to_string();
    let listed = rt.list(&[(TEST_LABEL, test.as_str())]).await.unwrap();
    let inspected = rt.inspect(&id).await.unwrap().unwrap();
    assert_eq!(listed, vec![inspected.clone()]);
    assert_eq!(
        inspected.state,
        gantry_agent::runtime::RuntimeState::Created
    );
    assert_eq!(inspected.name, test);
    assert_eq!(
        inspected.labels.get("io.gantry.x").map(String::as_str),
        Some("1")
    );
    assert!(inspected
        .image_id
        .as_deref()
        .is_some_and(|i| i.starts_with("sha256:")));

    let started = Command::new("docker")
        .args(["start", "-a", &id])
        .output()
        .unwrap();
    assert_eq!(started.status.code(), Some(3));
    let listed = rt.list(&[(TEST_LABEL, test.as_str())]).await.unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].exit_code, Some(3));
    assert!(listed[0].started_at.is_some() && listed[0].finished_at.is_some());
}
