//! RunTask → RUNNING → exit / StopTask → STOPPED through the real control
//! plane and agent, agent and control-plane restarts, placement across two
//! simulated hosts.

use gantry_agent::{AgentConfig, FakeRuntime};
use gantry_agent_api::client::{AgentClient, ClientConfig};
use gantry_control::credentials::{
    CredentialSource, LoadedCredentials, RootCredentials, ServerIdentity,
};
use gantry_control::server::{Server, ServerOptions};
use gantry_store::memory::MemoryStore;
use gantry_store::Store;
use serde_json::{json, Value};
use std::sync::Arc;
use std::time::Duration;

const KEY: &str = "AKIAGANTRYSYSTEMTEST";
const SECRET: &str = "systemtestsecretsystemtestsecretsystemte";

fn creds() -> LoadedCredentials {
    LoadedCredentials {
        credentials: RootCredentials {
            access_key_id: KEY.into(),
            secret_access_key: SECRET.into(),
        },
        source: CredentialSource::Environment,
    }
}

struct Host {
    fake: Arc<FakeRuntime>,
    dir: tempfile::TempDir,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    handle: Option<tokio::task::JoinHandle<()>>,
    /// `versionInfo.agentVersion` to register (`None`: this build's).
    agent_version: Option<String>,
}

impl Host {
    fn new() -> Self {
        Host {
            fake: Arc::new(FakeRuntime::new()),
            dir: tempfile::tempdir().unwrap(),
            stop: None,
            handle: None,
            agent_version: None,
        }
    }

    fn start(&mut self, endpoint: &str, attributes: Vec<(String, Option<String>)>) {
        let mut c = AgentConfig::new(
            vec![endpoint.to_string()],
            "default",
            self.dir.path().to_path_buf(),
        );
        c.access_key_id = KEY.into();
        c.secret_access_key = SECRET.into();
        c.attributes = attributes;
        c.cpu_override = Some(1024);
        c.memory_override_mib = Some(1024);
        c.sync_wait_seconds = 2;
        c.max_backoff = Duration::from_millis(200);
        if let Some(v) = &self.agent_version {
            c.agent_version = v.clone();
        }
        let (tx, rx) = tokio::sync::oneshot::channel::<()>();
        let fake = self.fake.clone();
        self.handle = Some(tokio::spawn(async move {
            let _ = gantry_agent::run(c, fake, async move {
                let _ = rx.await;
            })
            .await;
        }));
        self.stop = Some(tx);
    }

    async fn shutdown(&mut self) {
        if let Some(tx) = self.stop.take() {
            let _ = tx.send(());
        }
        if let Some(h) = self.handle.take() {
            let _ = tokio::time::timeout(Duration::from_secs(10), h).await;
        }
    }
}

struct Cluster {
    store: Arc<MemoryStore>,
    server: Option<Server>,
    endpoint: String,
    client: AgentClient,
}

impl Cluster {
    async fn start() -> Self {
        Self::start_on(Arc::new(MemoryStore::new()), "127.0.0.1:0").await
    }

    async fn start_on(store: Arc<MemoryStore>, addr: &str) -> Self {
        Self::start_with(store, addr, ServerOptions::default()).await
    }

    async fn start_with(store: Arc<MemoryStore>, addr: &str, options: ServerOptions) -> Self {
        let identity = ServerIdentity::new("123456789012", "us-east-1").unwrap();
        let dyn_store: Arc<dyn Store> = store.clone();
        let server = Server::start_with(
            addr.parse().unwrap(),
            dyn_store,
            identity,
            &creds(),
            options,
        )
        .await
        .unwrap();
        let endpoint = format!("http://{}", server.local_addr);
        let client = AgentClient::new(ClientConfig::new(
            vec![endpoint.clone()],
            "us-east-1",
            KEY,
            SECRET,
            None,
        ))
        .unwrap();
        Cluster {
            store,
            server: Some(server),
            endpoint,
            client,
        }
    }

    async fn call(&self, op: &str, body: Value) -> Value {
        self.client
            .ecs_call(op, &body)
            .await
            .unwrap_or_else(|e| panic!("{op} failed: {e}"))
    }

    async fn wait_instances(&self, n: usize) -> Vec<String> {
        for _ in 0..200 {
            let out = self.call("ListContainerInstances", json!({})).await;
            let arns: Vec<String> =
                serde_json::from_value(out["containerInstanceArns"].clone()).unwrap();
            if arns.len() >= n {
                return arns;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("{n} container instances never registered");
    }

    async fn task(&self, arn: &str) -> Value {
        let out = self.call("DescribeTasks", json!({"tasks": [arn]})).await;
        out["tasks"][0].clone()
    }

    async fn wait_status(&self, arn: &str, status: &str) -> Value {
        for _ in 0..400 {
            let t = self.task(arn).await;
            if t["lastStatus"] == status {
                return t;
            }
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
        panic!(
            "task {arn} never reached {status}: {}",
            self.task(arn).await
        );
    }

    async fn register(&self, family: &str, command: &[&str]) -> String {
        let out = self
            .call(
                "RegisterTaskDefinition",
                json!({"family": family, "containerDefinitions": [
                    {"name": "app", "image": "busybox:latest", "memory": 128, "command": command}
                ]}),
            )
            .await;
        out["taskDefinition"]["taskDefinitionArn"]
            .as_str()
            .unwrap()
            .to_string()
    }

    async fn run(&self, td: &str, count: u32) -> Vec<String> {
        let out = self
            .call("RunTask", json!({"taskDefinition": td, "count": count}))
            .await;
        assert_eq!(out["failures"], json!([]), "{out}");
        out["tasks"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t["taskArn"].as_str().unwrap().to_string())
            .collect()
    }

    async fn stop_server(&mut self) {
        if let Some(s) = self.server.take() {
            s.stop().await.unwrap();
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn task_runs_exits_and_reports_exit_code() {
    let cluster = Cluster::start().await;
    let mut host = Host::new();
    host.start(&cluster.endpoint, vec![]);
    cluster.wait_instances(1).await;
    let td = cluster.register("exit3", &["sh", "-c", "exit 3"]).await;
    let [arn] = cluster.run(&td, 1).await.try_into().unwrap();
    let t = cluster.wait_status(&arn, "RUNNING").await;
    assert_eq!(t["containers"][0]["lastStatus"], "RUNNING");
    assert!(t["startedAt"].is_number() && t["pullStartedAt"].is_number());
    host.fake.exit("app", 3);
    let t = cluster.wait_status(&arn, "STOPPED").await;
    assert_eq!(t["containers"][0]["exitCode"], 3);
    assert_eq!(t["stopCode"], "EssentialContainerExited");
    assert_eq!(t["stoppedReason"], "Essential container in task exited");
    assert_eq!(t["desiredStatus"], "STOPPED");
    // Resources come back once the task is STOPPED.
    let ci = cluster
        .call(
            "DescribeContainerInstances",
            json!({"containerInstances": cluster.wait_instances(1).await}),
        )
        .await;
    assert_eq!(
        ci["containerInstances"][0]["remainingResources"][1]["integerValue"],
        1024
    );
    host.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn stop_task_stops_and_agent_restart_adopts_instead_of_recreating() {
    let cluster = Cluster::start().await;
    let mut host = Host::new();
    host.start(&cluster.endpoint, vec![]);
    cluster.wait_instances(1).await;
    let td = cluster.register("sleeper", &["sleep", "3600"]).await;
    let arns = cluster.run(&td, 2).await;
    for a in &arns {
        cluster.wait_status(a, "RUNNING").await;
    }
    assert_eq!(host.fake.create_count(), 2);
    // Restart the agent over the same data dir and the same "Docker".
    host.shutdown().await;
    host.start(&cluster.endpoint, vec![]);
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(
        host.fake.create_count(),
        2,
        "an agent restart must not create containers again"
    );
    assert_eq!(
        cluster.wait_instances(1).await.len(),
        1,
        "re-registration keeps one instance"
    );
    let stopped = cluster
        .call("StopTask", json!({"task": arns[0], "reason": "bye"}))
        .await;
    assert_eq!(stopped["task"]["desiredStatus"], "STOPPED");
    let t = cluster.wait_status(&arns[0], "STOPPED").await;
    assert_eq!(t["stopCode"], "UserInitiated");
    assert_eq!(t["stoppedReason"], "bye");
    assert_eq!(cluster.task(&arns[1]).await["lastStatus"], "RUNNING");
    host.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn control_plane_restart_loses_nothing_and_duplicates_nothing() {
    let mut cluster = Cluster::start().await;
    let addr = cluster.endpoint.trim_start_matches("http://").to_string();
    let mut host = Host::new();
    host.start(&cluster.endpoint, vec![]);
    cluster.wait_instances(1).await;
    let td = cluster.register("durable", &["sleep", "3600"]).await;
    let arns = cluster.run(&td, 3).await;
    for a in &arns {
        cluster.wait_status(a, "RUNNING").await;
    }
    cluster.stop_server().await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    // The agent keeps its containers while the control plane is away.
    assert_eq!(
        host.fake
            .containers()
            .iter()
            .filter(|c| c.info.state == gantry_agent::runtime::RuntimeState::Running)
            .count(),
        3
    );
    let store = cluster.store.clone();
    let cluster = Cluster::start_on(store, &addr).await;
    for a in &arns {
        assert_eq!(cluster.task(a).await["lastStatus"], "RUNNING");
    }
    // The agent reconnects; a new task still works and nothing was recreated.
    let more = cluster.run(&td, 1).await;
    cluster.wait_status(&more[0], "RUNNING").await;
    assert_eq!(host.fake.create_count(), 4);
    host.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn placement_honours_resources_attributes_and_reports_failures() {
    let cluster = Cluster::start().await;
    let mut a = Host::new();
    let mut b = Host::new();
    a.start(
        &cluster.endpoint,
        vec![
            ("ecs.availability-zone".into(), Some("az-a".into())),
            ("tier".into(), Some("gold".into())),
        ],
    );
    b.start(
        &cluster.endpoint,
        vec![("ecs.availability-zone".into(), Some("az-b".into()))],
    );
    cluster.wait_instances(2).await;
    let td = cluster.register("spread", &["sleep", "3600"]).await;
    // Default spread: 4 tasks of 128 MiB land 2 + 2.
    cluster.run(&td, 4).await;
    for _ in 0..200 {
        if a.fake.create_count() + b.fake.create_count() == 4 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    assert_eq!((a.fake.create_count(), b.fake.create_count()), (2, 2));
    // memberOf picks the gold host only.
    let out = cluster
        .call(
            "RunTask",
            json!({"taskDefinition": td, "placementConstraints": [{"type": "memberOf", "expression": "attribute:tier == gold"}]}),
        )
        .await;
    assert_eq!(out["failures"], json!([]));
    assert!(out["tasks"][0]["containerInstanceArn"].is_string());
    for _ in 0..200 {
        if a.fake.create_count() == 3 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    assert_eq!((a.fake.create_count(), b.fake.create_count()), (3, 2));
    // A task needing 2000 MiB fits on neither 1024 MiB host: RESOURCE:MEMORY for both.
    let big = cluster
        .call(
            "RegisterTaskDefinition",
            json!({"family": "big", "containerDefinitions": [{"name": "app", "image": "busybox:latest", "memory": 2000}]}),
        )
        .await;
    let out = cluster
        .call(
            "RunTask",
            json!({"taskDefinition": big["taskDefinition"]["taskDefinitionArn"]}),
        )
        .await;
    assert_eq!(out["tasks"], json!([]));
    let reasons: Vec<&str> = out["failures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["reason"].as_str().unwrap())
        .collect();
    assert_eq!(reasons, vec!["RESOURCE:MEMORY", "RESOURCE:MEMORY"]);
    a.shutdown().await;
    b.shutdown().await;
}

/// Fargate: a hidden pool host runs a FARGATE task of another cluster
/// (awsvpc on the fake runtime), the EC2 host gets nothing, the ENI moves
/// PRECREATED → ATTACHED → DELETED and the usage report meters the task.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fargate_tasks_run_on_the_hidden_pool() {
    let cluster = Cluster::start().await;
    let mut ec2 = Host::new();
    let mut pool = Host::new();
    ec2.start(&cluster.endpoint, vec![]);
    pool.start(
        &cluster.endpoint,
        vec![
            ("gantry.capacity".into(), Some("fargate".into())),
            ("ecs.availability-zone".into(), Some("us-east-1c".into())),
        ],
    );
    // Only the EC2 host is a container instance.
    let arns = cluster.wait_instances(1).await;
    assert_eq!(arns.len(), 1);
    cluster
        .call("CreateCluster", json!({"clusterName": "other"}))
        .await;
    let td = cluster
        .call(
            "RegisterTaskDefinition",
            json!({"family": "fg", "networkMode": "awsvpc", "requiresCompatibilities": ["FARGATE"],
                "cpu": "256", "memory": "512",
                "containerDefinitions": [{"name": "app", "image": "busybox:latest",
                    "command": ["sleep", "3600"]}]}),
        )
        .await;
    let td = td["taskDefinition"]["taskDefinitionArn"].as_str().unwrap();
    // The pool host registers shortly after the EC2 one: retry until it is there.
    let mut out = Value::Null;
    for _ in 0..200 {
        out = cluster
            .call(
                "RunTask",
                json!({"cluster": "other", "taskDefinition": td, "launchType": "FARGATE",
                    "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-default"]}}}),
            )
            .await;
        if out["failures"] == json!([]) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    assert_eq!(out["failures"], json!([]), "{out}");
    let t = &out["tasks"][0];
    assert_eq!(t["availabilityZone"], "us-east-1c");
    assert!(t.get("containerInstanceArn").is_none());
    let arn = t["taskArn"].as_str().unwrap().to_string();
    let describe = |c: &'static str| {
        let arn = arn.clone();
        let cluster = &cluster;
        async move {
            cluster
                .call("DescribeTasks", json!({"cluster": c, "tasks": [arn]}))
                .await["tasks"][0]
                .clone()
        }
    };
    let mut running = Value::Null;
    for _ in 0..400 {
        running = describe("other").await;
        if running["lastStatus"] == "RUNNING" {
            break;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    assert_eq!(running["lastStatus"], "RUNNING", "{running}");
    assert_eq!(running["attachments"][0]["status"], "ATTACHED");
    assert_eq!(
        ec2.fake.create_count(),
        0,
        "the EC2 host runs no Fargate task"
    );
    assert!(pool.fake.create_count() >= 1);
    cluster
        .call("StopTask", json!({"cluster": "other", "task": arn}))
        .await;
    let mut stopped = Value::Null;
    for _ in 0..400 {
        stopped = describe("other").await;
        if stopped["lastStatus"] == "STOPPED" {
            break;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    assert_eq!(stopped["lastStatus"], "STOPPED", "{stopped}");
    assert_eq!(stopped["attachments"][0]["status"], "DELETED");
    let ecs = &cluster.server.as_ref().unwrap().ecs;
    let usage = ecs.usage(Some("other"), Some(0.0), None).await.unwrap();
    assert_eq!(usage.fargate.tasks, 1);
    assert!(usage.fargate.gb_seconds > 0.0);
    assert!((usage.fargate.gb_seconds - 2.0 * usage.fargate.vcpu_seconds).abs() < 1e-6);
    ec2.shutdown().await;
    pool.shutdown().await;
}

impl Cluster {
    /// Every task of the cluster (RUNNING and STOPPED), described.
    async fn all_tasks(&self) -> Vec<Value> {
        let mut arns: Vec<String> = vec![];
        for status in ["RUNNING", "STOPPED"] {
            let out = self
                .call("ListTasks", json!({"desiredStatus": status}))
                .await;
            arns.extend(serde_json::from_value::<Vec<String>>(out["taskArns"].clone()).unwrap());
        }
        if arns.is_empty() {
            return vec![];
        }
        let mut out = vec![];
        for chunk in arns.chunks(100) {
            let d = self.call("DescribeTasks", json!({"tasks": chunk})).await;
            out.extend(d["tasks"].as_array().unwrap().iter().cloned());
        }
        out
    }
}

/// Task ARN → how many containers of it run on these hosts.
fn running_copies(hosts: &[&Host]) -> std::collections::BTreeMap<String, usize> {
    let mut m = std::collections::BTreeMap::new();
    for h in hosts {
        for c in h.fake.containers() {
            if c.info.state == gantry_agent::runtime::RuntimeState::Running {
                if let Some(t) = c.info.labels.get(gantry_agent_api::labels::TASK_ARN) {
                    *m.entry(t.clone()).or_default() += 1;
                }
            }
        }
    }
    m
}

/// The Docker Engine of one host restarts (containers did not survive: the
/// default restart policy `no`): its agent keeps running, reconnects,
/// reports the tasks STOPPED with the exit code, and the service replaces
/// them. At no point does any task run twice or the service run more copies
/// than its deployment allows.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn engine_restart_on_a_host_is_reported_and_the_service_replaces_the_tasks() {
    let cluster = Cluster::start().await;
    let (mut a, mut b) = (Host::new(), Host::new());
    a.start(&cluster.endpoint, vec![]);
    b.start(&cluster.endpoint, vec![]);
    cluster.wait_instances(2).await;
    let td = cluster.register("web", &["sleep", "3600"]).await;
    cluster
        .call(
            "CreateService",
            json!({"serviceName": "web", "taskDefinition": td, "desiredCount": 4,
                   "deploymentConfiguration": {"maximumPercent": 100, "minimumHealthyPercent": 50}}),
        )
        .await;
    for _ in 0..400 {
        if running_copies(&[&a, &b]).len() == 4
            && cluster
                .all_tasks()
                .await
                .iter()
                .filter(|t| t["lastStatus"] == "RUNNING")
                .count()
                == 4
        {
            break;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    assert_eq!(running_copies(&[&a, &b]).len(), 4);
    // Make sure host A runs some of them (placement spreads, but do not rely on it).
    let on_a: Vec<String> = running_copies(&[&a]).into_keys().collect();
    assert!(!on_a.is_empty(), "host A runs none of the 4 tasks");

    a.fake.engine_stop();
    tokio::time::sleep(Duration::from_millis(1500)).await;
    // While A's engine is down nothing is reported stopped or replaced.
    let tasks = cluster.all_tasks().await;
    for arn in &on_a {
        let t = tasks.iter().find(|t| t["taskArn"] == arn.as_str()).unwrap();
        assert_eq!(t["lastStatus"], "RUNNING", "{t}");
    }
    assert!(a.handle.as_ref().is_some_and(|h| !h.is_finished()));
    a.fake.engine_restarted(Some(255));

    // The originals on A are STOPPED with the truth, replaced elsewhere or
    // on A again; the invariant is checked all along.
    let mut done = false;
    for _ in 0..600 {
        let copies = running_copies(&[&a, &b]);
        assert!(
            copies.values().all(|n| *n == 1),
            "a task runs twice: {copies:?}"
        );
        assert!(
            copies.len() <= 4,
            "more copies than the deployment allows: {copies:?}"
        );
        let tasks = cluster.all_tasks().await;
        let running = tasks
            .iter()
            .filter(|t| t["lastStatus"] == "RUNNING")
            .count();
        assert!(running <= 4, "{running} RUNNING tasks for desiredCount 4");
        let originals_stopped = on_a.iter().all(|arn| {
            tasks
                .iter()
                .any(|t| t["taskArn"] == arn.as_str() && t["lastStatus"] == "STOPPED")
        });
        if originals_stopped && running == 4 && copies.len() == 4 {
            done = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    assert!(done, "the service never converged back to 4 tasks");
    for arn in &on_a {
        let t = cluster.task(arn).await;
        assert_eq!(t["stopCode"], "EssentialContainerExited", "{t}");
        assert_eq!(t["stoppedReason"], "Essential container in task exited");
        assert_eq!(t["containers"][0]["exitCode"], 255);
        assert!(!running_copies(&[&a, &b]).contains_key(arn));
    }
    let svc = cluster
        .call("DescribeServices", json!({"services": ["web"]}))
        .await;
    assert_eq!(svc["services"][0]["runningCount"], 4);
    a.shutdown().await;
    b.shutdown().await;
}

/// A task whose instance's agent is silent shows `connectivity:
/// DISCONNECTED` (with `connectivityAt`), and CONNECTED again once its agent
/// is back; the task itself keeps running throughout.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn task_connectivity_follows_its_agent() {
    let options = ServerOptions {
        connectivity: gantry_control::connectivity::ConnectivityConfig::new(
            Duration::from_secs(2),
            Duration::from_secs(600),
        )
        .unwrap(),
        ..Default::default()
    };
    let cluster = Cluster::start_with(Arc::new(MemoryStore::new()), "127.0.0.1:0", options).await;
    let mut host = Host::new();
    host.start(&cluster.endpoint, vec![]);
    cluster.wait_instances(1).await;
    let td = cluster.register("sleeper", &["sleep", "3600"]).await;
    let [arn] = cluster.run(&td, 1).await.try_into().unwrap();
    let t = cluster.wait_status(&arn, "RUNNING").await;
    assert_eq!(t["connectivity"], "CONNECTED");
    let connected_at = t["connectivityAt"].as_f64().unwrap();

    host.shutdown().await;
    let mut t = Value::Null;
    for _ in 0..400 {
        t = cluster.task(&arn).await;
        if t["connectivity"] == "DISCONNECTED" {
            break;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    assert_eq!(t["connectivity"], "DISCONNECTED", "{t}");
    assert!(t["connectivityAt"].as_f64().unwrap() > connected_at);
    assert_eq!(t["lastStatus"], "RUNNING");
    let inst = cluster
        .call(
            "DescribeContainerInstances",
            json!({"containerInstances": [t["containerInstanceArn"]]}),
        )
        .await;
    assert_eq!(inst["containerInstances"][0]["agentConnected"], false);

    host.start(&cluster.endpoint, vec![]);
    for _ in 0..400 {
        t = cluster.task(&arn).await;
        if t["connectivity"] == "CONNECTED" {
            break;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    assert_eq!(t["connectivity"], "CONNECTED", "{t}");
    assert_eq!(t["lastStatus"], "RUNNING");
    assert_eq!(host.fake.create_count(), 1);
    host.shutdown().await;
}

/// Upgrading the agent (a new binary over the same data dir and Engine)
/// adopts the running containers: nothing is created or started again, and
/// the instance's versionInfo shows the new version.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn agent_upgrade_adopts_running_containers_and_updates_version_info() {
    let cluster = Cluster::start().await;
    let mut host = Host::new();
    host.agent_version = Some("1.0.0-old".into());
    host.start(&cluster.endpoint, vec![]);
    let [inst] = cluster.wait_instances(1).await.try_into().unwrap();
    let td = cluster.register("sleeper", &["sleep", "3600"]).await;
    let arns = cluster.run(&td, 3).await;
    for a in &arns {
        cluster.wait_status(a, "RUNNING").await;
    }
    let version = |v: Value| v["containerInstances"][0]["versionInfo"]["agentVersion"].clone();
    let describe = json!({"containerInstances": [inst]});
    assert_eq!(
        version(
            cluster
                .call("DescribeContainerInstances", describe.clone())
                .await
        ),
        "1.0.0-old"
    );
    let before: Vec<(String, u32)> = host
        .fake
        .containers()
        .into_iter()
        .map(|c| (c.info.id, c.starts))
        .collect();
    assert_eq!(before.len(), 3);

    host.shutdown().await;
    host.agent_version = Some("2.0.0-new".into());
    host.start(&cluster.endpoint, vec![]);
    let mut v = Value::Null;
    for _ in 0..400 {
        v = version(
            cluster
                .call("DescribeContainerInstances", describe.clone())
                .await,
        );
        if v == "2.0.0-new" {
            break;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    assert_eq!(v, "2.0.0-new");
    // Let the new agent run a few reconciler passes over its adopted state.
    tokio::time::sleep(Duration::from_millis(1500)).await;
    let after: Vec<(String, u32)> = host
        .fake
        .containers()
        .into_iter()
        .map(|c| (c.info.id, c.starts))
        .collect();
    assert_eq!(
        after, before,
        "the upgrade must not recreate or restart containers"
    );
    assert_eq!(host.fake.create_count(), 3);
    assert_eq!(cluster.wait_instances(1).await, vec![inst.clone()]);
    for a in &arns {
        let t = cluster.task(a).await;
        assert_eq!(t["lastStatus"], "RUNNING");
        assert_eq!(t["containerInstanceArn"], inst.as_str());
    }
    host.shutdown().await;
}
