//! awsvpc tasks (pause container on a per-subnet bridge network), task-level
//! cgroups, and the task metadata and credentials endpoints, against the
//! real Docker Engine with a locally built busybox image. Every container,
//! network and cgroup a test creates is removed by a drop guard, even when
//! the test fails.

use gantry_agent::endpoint::{self, Endpoint, Snapshot};
use gantry_agent::reconcile::{Reconciler, ReconcilerConfig, ESSENTIAL_EXITED, OOM_REASON};
use gantry_agent::runtime::cgroup::CgroupFs;
use gantry_agent::runtime::{ContainerRuntime, DockerRuntime};
use gantry_agent::spec::PAUSE_CONTAINER_NAME;
use gantry_agent::state::StateStore;
use gantry_agent_api::{
    labels, AwsvpcSpec, ContainerSpec, DesiredState, DesiredStatus, DesiredTask, KeyValue,
    NetworkMode, PortMapping, TaskCredentials, TaskObservation, TaskStatus,
};
use std::io::{Read, Write};
use std::process::Command;
use std::sync::Arc;
use std::time::Duration;

const IMAGE: &str = "gantry-test/busybox:latest";
const TEST_LABEL: &str = "io.gantry.test";

/// Removes this test's containers (by label), networks (by name) and task
/// cgroups (by task id), even when the test fails.
struct Cleanup {
    test: String,
    networks: Vec<String>,
    task_ids: Vec<String>,
}

impl Drop for Cleanup {
    fn drop(&mut self) {
        let filter = format!("label={TEST_LABEL}={}", self.test);
        if let Ok(out) = Command::new("docker")
            .args(["ps", "-aq", "--filter", &filter])
            .output()
        {
            for id in String::from_utf8_lossy(&out.stdout).split_whitespace() {
                let _ = Command::new("docker").args(["rm", "-f", "-v", id]).output();
            }
        }
        for n in &self.networks {
            let _ = Command::new("docker").args(["network", "rm", n]).output();
        }
        let fs = CgroupFs::default();
        for t in &self.task_ids {
            let _ = fs.remove(t);
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

/// The real Engine with the test image (fails, never skips, without them).
async fn setup() -> Arc<DockerRuntime> {
    assert!(
        std::path::Path::new("/bin/busybox").exists(),
        "/bin/busybox missing (apt-get install -y busybox-static; scripts/test installs it)"
    );
    let rt = DockerRuntime::connect()
        .await
        .unwrap_or_else(|e| panic!("Docker not reachable: {e}"));
    assert!(ensure_image(), "could not build {IMAGE}");
    Arc::new(rt)
}

fn now() -> f64 {
    use gantry_agent::clock::Clock;
    gantry_agent::clock::SystemClock.now()
}

fn sh(script: &str) -> Option<Vec<String>> {
    Some(vec!["sh".into(), "-c".into(), script.into()])
}

fn container(name: &str, script: &str) -> ContainerSpec {
    ContainerSpec {
        name: name.into(),
        image: IMAGE.into(),
        essential: true,
        command: sh(script),
        stop_timeout: Some(2),
        ..Default::default()
    }
}

fn task(test: &str, mode: NetworkMode, containers: Vec<ContainerSpec>) -> DesiredTask {
    let id = uuid::Uuid::new_v4().simple().to_string();
    DesiredTask {
        task_arn: format!("arn:aws:ecs:us-east-1:123456789012:task/itest/{id}"),
        cluster_arn: "arn:aws:ecs:us-east-1:123456789012:cluster/itest".into(),
        cluster: "itest".into(),
        task_definition_arn: format!("arn:aws:ecs:us-east-1:123456789012:task-definition/{test}:1"),
        family: test.into(),
        revision: 1,
        desired_status: DesiredStatus::Running,
        network_mode: mode,
        cpu: None,
        memory: None,
        containers: containers
            .into_iter()
            .map(|mut c| {
                c.docker_labels.insert(TEST_LABEL.into(), test.into());
                c
            })
            .collect(),
        volumes: vec![],
        pid_mode: None,
        ipc_mode: None,
        stop_reason: None,
        awsvpc: None,
        task_credentials: None,
        execution_credentials: None,
        launch_type: Some("EC2".into()),
        capacity_provider_name: None,
        task_role_arn: None,
        execution_role_arn: None,
    }
}

/// A subnet of its own per test (tests run in parallel).
fn awsvpc(subnet: &str, third_octet: u8, host: u8) -> AwsvpcSpec {
    AwsvpcSpec {
        eni_id: format!("eni-{subnet}-{host}"),
        subnet_id: subnet.into(),
        subnet_cidr: format!("10.250.{third_octet}.0/24"),
        gateway: format!("10.250.{third_octet}.1"),
        private_ipv4_address: format!("10.250.{third_octet}.{host}"),
    }
}

fn task_id(arn: &str) -> String {
    arn.rsplit('/').next().unwrap().to_string()
}

fn reconciler(
    rt: &Arc<DockerRuntime>,
    dir: &std::path::Path,
    test: &str,
    task_endpoint: Option<String>,
) -> Reconciler {
    // Stopped containers are kept (for their logs) only when the test
    // serves endpoints; pause containers and networks go at STOPPED anyway.
    let cleanup_delay = if task_endpoint.is_some() {
        Duration::from_secs(3600)
    } else {
        Duration::ZERO
    };
    let mut r = Reconciler::new(
        rt.clone(),
        StateStore::new(dir),
        ReconcilerConfig {
            cleanup_delay,
            task_endpoint,
            ..Default::default()
        },
    )
    .unwrap();
    r.set_instance_arn(format!(
        "arn:aws:ecs:us-east-1:123456789012:container-instance/itest/{test}-{}",
        uuid::Uuid::new_v4().simple()
    ))
    .unwrap();
    r
}

/// Reconciles (publishing to `ep`) until `done` holds for the task.
async fn until(
    r: &mut Reconciler,
    ep: Option<&Endpoint>,
    arn: &str,
    secs: u64,
    done: impl Fn(&TaskObservation) -> bool,
) -> TaskObservation {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(secs);
    loop {
        r.converge(now()).await.unwrap();
        if let Some(ep) = ep {
            ep.publish(Snapshot::from_state(r.state()));
        }
        let o = r.task(arn).map(|t| t.observation());
        if let Some(o) = &o {
            if done(o) {
                return o.clone();
            }
        }
        if tokio::time::Instant::now() > deadline {
            panic!("timed out; last observation {o:#?}");
        }
        tokio::select! {
            _ = r.next_background_done() => {}
            _ = tokio::time::sleep(Duration::from_millis(200)) => {}
        }
    }
}

fn http_get(ip: &str, port: u16) -> Option<String> {
    let addr: std::net::SocketAddr = format!("{ip}:{port}").parse().ok()?;
    let mut s = std::net::TcpStream::connect_timeout(&addr, Duration::from_secs(1)).ok()?;
    s.set_read_timeout(Some(Duration::from_secs(2))).ok()?;
    s.write_all(b"GET / HTTP/1.0\r\nHost: x\r\n\r\n").ok()?;
    let mut out = String::new();
    s.read_to_string(&mut out).ok()?;
    Some(out)
}

fn docker_logs(id: &str) -> String {
    Command::new("docker")
        .args(["logs", id])
        .output()
        .map(|o| {
            format!(
                "{}{}",
                String::from_utf8_lossy(&o.stdout),
                String::from_utf8_lossy(&o.stderr)
            )
        })
        .unwrap_or_default()
}

/// httpd on port 80 serving `text`, exiting 143 on SIGTERM.
fn web(text: &str) -> ContainerSpec {
    let mut c = container(
        "web",
        &format!("trap 'exit 143' TERM; mkdir -p /www && echo {text} > /www/index.html && httpd -f -p 80 -h /www & wait $!"),
    );
    c.port_mappings = vec![PortMapping {
        container_port: 80,
        host_port: Some(80),
        protocol: Default::default(),
    }];
    c
}

#[tokio::test]
async fn awsvpc_tasks_get_their_own_address_share_localhost_and_both_bind_port_80() {
    let rt = setup().await;
    let test = "awsvpc-two-tasks";
    let subnet = format!("subnet-{test}");
    let mut guard = Cleanup {
        test: test.into(),
        networks: vec![format!("gantry-{subnet}")],
        task_ids: vec![],
    };
    let dir = tempfile::tempdir().unwrap();
    let mut r = reconciler(&rt, dir.path(), test, None);

    // The probe checks, from inside the task: localhost reaches its
    // sibling's port 80, and the host's interfaces are not visible.
    let probe = |text: &str| {
        let mut p = container(
            "probe",
            &format!(
                "for i in $(seq 1 100); do \
                   if printf 'GET / HTTP/1.0\\r\\n\\r\\n' | nc 127.0.0.1 80 | grep -q {text}; then \
                     if grep -q docker0 /proc/net/dev; then echo host-netns-visible; exit 3; fi; \
                     exit 0; fi; sleep 0.1; done; exit 1"
            ),
        );
        p.essential = false;
        p
    };
    let mut tasks = Vec::new();
    for (host, text) in [(10u8, "task-a"), (11u8, "task-b")] {
        let mut t = task(test, NetworkMode::Awsvpc, vec![web(text), probe(text)]);
        t.awsvpc = Some(awsvpc(&subnet, 31, host));
        guard.task_ids.push(task_id(&t.task_arn));
        tasks.push(t);
    }
    r.set_desired(DesiredState {
        generation: 1,
        tasks: tasks.clone(),
    })
    .unwrap();

    for (t, text) in tasks.iter().zip(["task-a", "task-b"]) {
        let o = until(&mut r, None, &t.task_arn, 90, |o| {
            o.last_status == TaskStatus::Running
                && o.containers
                    .iter()
                    .any(|c| c.name == "probe" && c.exit_code.is_some())
        })
        .await;
        let probe = o.containers.iter().find(|c| c.name == "probe").unwrap();
        assert_eq!(
            probe.exit_code,
            Some(0),
            "probe: {}",
            docker_logs(probe.runtime_id.as_deref().unwrap())
        );
        // The observed interface is the pause container's real one.
        let net = o.network.clone().expect("network observed");
        let ip = &t.awsvpc.as_ref().unwrap().private_ipv4_address;
        assert_eq!(&net.private_ipv4_address, ip);
        let ts = r.task(&t.task_arn).unwrap();
        let pause_id = ts.pause.as_ref().unwrap().docker_id.clone().unwrap();
        let raw = rt
            .docker()
            .inspect_container(&pause_id, None)
            .await
            .unwrap();
        let ep =
            raw.network_settings.unwrap().networks.unwrap()[&format!("gantry-{subnet}")].clone();
        assert_eq!(ep.mac_address.as_deref(), Some(net.mac_address.as_str()));
        assert_eq!(ep.ip_address.as_deref(), Some(ip.as_str()));
        assert_eq!(
            raw.config.unwrap().labels.unwrap()[labels::CONTAINER_NAME],
            PAUSE_CONTAINER_NAME
        );
        // The host reaches the task's port 80 at the task's address.
        let mut body = None;
        for _ in 0..100 {
            if let Some(b) = http_get(ip, 80).filter(|b| b.contains(text)) {
                body = Some(b);
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        assert!(body.is_some(), "no answer from {ip}:80");
    }

    // Stop both: pause containers and the network go.
    let stopped: Vec<DesiredTask> = tasks
        .iter()
        .map(|t| {
            let mut t = t.clone();
            t.desired_status = DesiredStatus::Stopped;
            t
        })
        .collect();
    r.set_desired(DesiredState {
        generation: 2,
        tasks: stopped,
    })
    .unwrap();
    for t in &tasks {
        until(&mut r, None, &t.task_arn, 60, |o| {
            o.last_status == TaskStatus::Stopped
        })
        .await;
    }
    r.converge(now()).await.unwrap();
    let left = rt.list(&[(TEST_LABEL, test)]).await.unwrap();
    assert!(left.is_empty(), "containers left: {left:#?}");
    let nets = rt
        .list_networks(&[(labels::MANAGED, "true")])
        .await
        .unwrap();
    assert!(
        !nets.contains(&format!("gantry-{subnet}")),
        "network left: {nets:?}"
    );
}

#[tokio::test]
async fn task_memory_limit_oom_kills_with_the_ecs_reason_and_cgroups_go_with_the_task() {
    let rt = setup().await;
    let test = "task-cgroup-oom";
    let mut guard = Cleanup {
        test: test.into(),
        networks: vec![],
        task_ids: vec![],
    };
    let dir = tempfile::tempdir().unwrap();
    let mut r = reconciler(&rt, dir.path(), test, None);
    let fs = CgroupFs::default();

    // A task that stays up: its cgroup holds the task's limits.
    let mut steady = task(
        test,
        NetworkMode::Bridge,
        vec![container("app", "trap 'exit 0' TERM; sleep 300 & wait $!")],
    );
    steady.cpu = Some(512);
    steady.memory = Some(96);
    // A task whose container allocates far more than the task's 64 MiB.
    let mut hog = task(
        test,
        NetworkMode::Bridge,
        vec![container("hog", "tail -c 300000000 /dev/zero > /dev/null")],
    );
    hog.memory = Some(64);
    for t in [&steady, &hog] {
        guard.task_ids.push(task_id(&t.task_arn));
    }
    r.set_desired(DesiredState {
        generation: 1,
        tasks: vec![steady.clone(), hog.clone()],
    })
    .unwrap();

    let o = until(&mut r, None, &steady.task_arn, 60, |o| {
        o.last_status == TaskStatus::Running
    })
    .await;
    let sid = task_id(&steady.task_arn);
    let mem = fs.root().join("memory/gantry").join(&sid);
    assert_eq!(
        std::fs::read_to_string(mem.join("memory.limit_in_bytes"))
            .unwrap()
            .trim(),
        (96u64 << 20).to_string()
    );
    let cpu = fs.root().join("cpu/gantry").join(&sid);
    let period: u64 = std::fs::read_to_string(cpu.join("cpu.cfs_period_us"))
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    assert_eq!(
        std::fs::read_to_string(cpu.join("cpu.cfs_quota_us"))
            .unwrap()
            .trim(),
        (period / 2).to_string()
    );
    let app_id = o.containers[0].runtime_id.clone().unwrap();
    let raw = rt.docker().inspect_container(&app_id, None).await.unwrap();
    assert_eq!(
        raw.host_config.unwrap().cgroup_parent.as_deref(),
        Some(format!("/gantry/{sid}").as_str())
    );
    // The container's own cgroup is below the task's.
    assert!(
        mem.join(&app_id).is_dir(),
        "container cgroup under the task's"
    );

    let o = until(&mut r, None, &hog.task_arn, 60, |o| {
        o.last_status == TaskStatus::Stopped
    })
    .await;
    let c = &o.containers[0];
    assert_eq!(c.reason.as_deref(), Some(OOM_REASON), "{o:#?}");
    assert_eq!(c.exit_code, Some(137));
    assert_eq!(o.stopped_reason.as_deref(), Some(ESSENTIAL_EXITED));
    r.converge(now()).await.unwrap();
    assert!(
        fs.task_dirs(&task_id(&hog.task_arn)).is_empty(),
        "the stopped task's cgroups are removed"
    );

    let mut s = steady.clone();
    s.desired_status = DesiredStatus::Stopped;
    r.set_desired(DesiredState {
        generation: 2,
        tasks: vec![s, hog.clone()],
    })
    .unwrap();
    until(&mut r, None, &steady.task_arn, 60, |o| {
        o.last_status == TaskStatus::Stopped
    })
    .await;
    r.converge(now()).await.unwrap();
    assert!(
        fs.task_dirs(&sid).is_empty(),
        "cgroups left: {:?}",
        fs.task_dirs(&sid)
    );
}

/// A shell check run inside a container: GETs `path` from the endpoint
/// named by `$ECS_CONTAINER_METADATA_URI_V4`'s host and port, and requires
/// `expect` in the answer. busybox `nc` may quit at the end of its input
/// before the answer arrives, so the input stays open a while (longer for
/// stats, which sample for ~1 s).
fn endpoint_check(path: &str, expect: &str) -> String {
    let wait = if path.ends_with("stats") { 3 } else { 1 };
    format!(
        "r=$( (printf \"GET {path} HTTP/1.0\\r\\n\\r\\n\"; sleep {wait}) | nc $H $P); echo \"{path}: $r\"; \
         echo \"$r\" | grep -q '{expect}' || exit 1; "
    )
}

#[tokio::test]
async fn containers_reach_metadata_and_their_own_credentials_from_bridge_and_awsvpc() {
    let rt = setup().await;
    let test = "task-endpoints";
    let subnet = format!("subnet-{test}");
    let mut guard = Cleanup {
        test: test.into(),
        networks: vec![format!("gantry-{subnet}")],
        task_ids: vec![],
    };
    // The endpoint on 169.254.170.2 (added to lo when missing), on a free
    // port: other agents on this host may hold port 80.
    let (listener, base) = endpoint::bind("169.254.170.2:0".parse().unwrap(), None)
        .await
        .unwrap();
    assert!(base.starts_with("http://169.254.170.2:"), "{base}");
    let ep = Endpoint::new(rt.clone(), listener.local_addr().unwrap().ip());
    let server = tokio::spawn(ep.clone().serve(listener));
    let dir = tempfile::tempdir().unwrap();
    let mut r = reconciler(&rt, dir.path(), test, Some(base));
    // As the agent does: publish every state change (a container is known
    // to the endpoint before it starts), not only after a whole pass.
    {
        let ep = ep.clone();
        r.set_state_observer(Arc::new(move |state| {
            ep.publish(Snapshot::from_state(state));
        }));
    }

    let creds = |id: &str| TaskCredentials {
        credentials_id: id.into(),
        role_arn: "arn:aws:iam::123456789012:role/app".into(),
        access_key_id: format!("ASIA{id}"),
        secret_access_key: "s".into(),
        session_token: "t".into(),
        expiration: "2026-11-26T10:00:00Z".into(),
    };
    let parse =
        "u=${ECS_CONTAINER_METADATA_URI_V4#http://}; hp=${u%%/*}; H=${hp%:*}; P=${hp##*:}; ";
    let checker = |other_cred: &str| {
        let mut c = container(
            "check",
            &format!(
                "{parse} sleep 1; \
                 {} {} {} {} {} \
                 r=$( (printf \"GET /v2/credentials/$OTHER HTTP/1.0\\r\\n\\r\\n\"; sleep 1) | nc $H $P); echo \"other: $r\"; \
                 echo \"$r\" | grep -q InvalidIdInRequest || exit 2; exit 0",
                endpoint_check("/v4/${ECS_CONTAINER_METADATA_URI_V4##*/v4/}", "DockerId"),
                endpoint_check("/v4/${ECS_CONTAINER_METADATA_URI_V4##*/v4/}/task", "TaskARN"),
                endpoint_check("/v4/${ECS_CONTAINER_METADATA_URI_V4##*/v4/}/stats", "memory_stats"),
                endpoint_check("/v4/${ECS_CONTAINER_METADATA_URI_V4##*/v4/}/task/stats", "cpu_stats"),
                endpoint_check("$AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "AccessKeyId"),
            ),
        );
        c.environment = vec![KeyValue {
            name: "OTHER".into(),
            value: other_cred.into(),
        }];
        c
    };
    let mut bridge = task(test, NetworkMode::Bridge, vec![checker("cred-vpc")]);
    bridge.task_credentials = Some(creds("cred-bridge"));
    let mut vpc = task(test, NetworkMode::Awsvpc, vec![checker("cred-bridge")]);
    vpc.awsvpc = Some(awsvpc(&subnet, 32, 20));
    vpc.task_credentials = Some(creds("cred-vpc"));
    r.set_desired(DesiredState {
        generation: 1,
        tasks: vec![bridge.clone(), vpc.clone()],
    })
    .unwrap();
    for t in [&bridge, &vpc] {
        guard.task_ids.push(task_id(&t.task_arn));
        let o = until(&mut r, Some(&ep), &t.task_arn, 90, |o| {
            o.last_status == TaskStatus::Stopped
        })
        .await;
        let c = &o.containers[0];
        let logs = docker_logs(c.runtime_id.as_deref().unwrap_or_default());
        assert_eq!(
            c.exit_code,
            Some(0),
            "{:?} task check failed: {logs}",
            t.network_mode
        );
        assert!(
            logs.contains(&format!(
                "ASIA{}",
                t.task_credentials.as_ref().unwrap().credentials_id
            )),
            "{logs}"
        );
    }
    server.abort();
}

#[tokio::test]
async fn repeated_awsvpc_tasks_with_limits_leave_no_network_pause_container_or_cgroup() {
    let rt = setup().await;
    let test = "task-resources-cleanup";
    let subnet = format!("subnet-{test}");
    let net = format!("gantry-{subnet}");
    let mut guard = Cleanup {
        test: test.into(),
        networks: vec![net.clone()],
        task_ids: vec![],
    };
    let fs = CgroupFs::default();
    let dir = tempfile::tempdir().unwrap();
    let mut r = reconciler(&rt, dir.path(), test, None);
    let pauses = || async {
        rt.list(&[
            (TEST_LABEL, test),
            (labels::CONTAINER_NAME, PAUSE_CONTAINER_NAME),
        ])
        .await
        .unwrap()
        .len()
    };
    let has_net = || async {
        rt.list_networks(&[(labels::MANAGED, "true")])
            .await
            .unwrap()
            .contains(&net)
    };
    assert_eq!(pauses().await, 0);
    assert!(!has_net().await);
    for round in 0..3u64 {
        let mut t = task(test, NetworkMode::Awsvpc, vec![container("app", "exit 0")]);
        t.awsvpc = Some(awsvpc(&subnet, 33, 40));
        t.cpu = Some(256);
        t.memory = Some(64);
        let id = task_id(&t.task_arn);
        guard.task_ids.push(id.clone());
        r.set_desired(DesiredState {
            generation: 1 + round,
            tasks: vec![t.clone()],
        })
        .unwrap();
        let o = until(&mut r, None, &t.task_arn, 60, |o| {
            o.last_status == TaskStatus::Stopped
        })
        .await;
        assert_eq!(o.containers[0].exit_code, Some(0), "{o:#?}");
        assert!(o.network.is_some(), "the task had its interface");
        r.converge(now()).await.unwrap();
        assert_eq!(pauses().await, 0, "round {round}: pause container left");
        assert!(!has_net().await, "round {round}: network left");
        assert!(fs.task_dirs(&id).is_empty(), "round {round}: cgroups left");
        assert!(rt.list(&[(TEST_LABEL, test)]).await.unwrap().is_empty());
    }
}
