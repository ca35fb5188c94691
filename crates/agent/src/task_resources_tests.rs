//! awsvpc (pause container), task-level cgroups, endpoint variables and the
//! task endpoints, against the fake runtime (no Docker).

use crate::endpoint::{self, authorize_credentials, Snapshot};
use crate::reconcile::{Reconciler, ReconcilerConfig, ESSENTIAL_EXITED, OOM_REASON};
use crate::runtime::{FakeRuntime, TaskLimits};
use crate::spec::PAUSE_CONTAINER_NAME;
use crate::state::StateStore;
use gantry_agent_api::{
    labels, AwsvpcSpec, ContainerSpec, DesiredState, DesiredStatus, DesiredTask, NetworkMode,
    PortMapping, StopCode, TaskCredentials, TaskStatus,
};
use std::net::{IpAddr, Ipv4Addr};
use std::sync::Arc;
use std::time::Duration;

const INSTANCE: &str = "arn:aws:ecs:us-east-1:123456789012:container-instance/default/i-1";
const BASE: &str = "http://169.254.170.2";

fn arn(id: &str) -> String {
    format!("arn:aws:ecs:us-east-1:123456789012:task/default/{id}")
}

fn container(name: &str) -> ContainerSpec {
    ContainerSpec {
        name: name.into(),
        image: "busybox:latest".into(),
        essential: true,
        ..Default::default()
    }
}

fn awsvpc(ip: &str) -> AwsvpcSpec {
    AwsvpcSpec {
        eni_id: format!("eni-{}", ip.replace('.', "")),
        subnet_id: "subnet-0a1b".into(),
        subnet_cidr: "10.200.0.0/16".into(),
        gateway: "10.200.0.1".into(),
        private_ipv4_address: ip.into(),
    }
}

fn creds(id: &str, key: &str) -> TaskCredentials {
    TaskCredentials {
        credentials_id: id.into(),
        role_arn: "arn:aws:iam::123456789012:role/app".into(),
        access_key_id: key.into(),
        secret_access_key: "secret".into(),
        session_token: "token".into(),
        expiration: "2026-11-26T10:00:00Z".into(),
    }
}

fn task(id: &str, mode: NetworkMode, containers: Vec<ContainerSpec>) -> DesiredTask {
    DesiredTask {
        task_arn: arn(id),
        cluster_arn: "arn:aws:ecs:us-east-1:123456789012:cluster/default".into(),
        cluster: "default".into(),
        task_definition_arn: "arn:aws:ecs:us-east-1:123456789012:task-definition/web:1".into(),
        family: "web".into(),
        revision: 1,
        desired_status: DesiredStatus::Running,
        network_mode: mode,
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
        launch_type: Some("EC2".into()),
        capacity_provider_name: None,
        task_role_arn: None,
        execution_role_arn: None,
    }
}

fn awsvpc_task(id: &str, ip: &str) -> DesiredTask {
    let mut web = container("web");
    web.port_mappings = vec![PortMapping {
        container_port: 80,
        host_port: Some(80),
        protocol: Default::default(),
    }];
    web.hostname = Some("ignored".into());
    let mut t = task(id, NetworkMode::Awsvpc, vec![web, container("sidecar")]);
    t.awsvpc = Some(awsvpc(ip));
    t
}

struct Ctx {
    fake: Arc<FakeRuntime>,
    _dir: tempfile::TempDir,
    r: Reconciler,
    generation: u64,
}

impl Ctx {
    fn new(tasks: Vec<DesiredTask>) -> Self {
        let fake = Arc::new(FakeRuntime::new());
        let dir = tempfile::tempdir().unwrap();
        let mut r = Reconciler::new(
            fake.clone(),
            StateStore::new(dir.path()),
            ReconcilerConfig {
                cleanup_delay: Duration::from_secs(600),
                task_endpoint: Some(BASE.into()),
                ..Default::default()
            },
        )
        .unwrap();
        r.set_instance_arn(INSTANCE.into()).unwrap();
        let mut c = Ctx {
            fake,
            _dir: dir,
            r,
            generation: 0,
        };
        c.desire(tasks);
        c
    }

    fn desire(&mut self, tasks: Vec<DesiredTask>) {
        self.generation += 1;
        self.r
            .set_desired(DesiredState {
                generation: self.generation,
                tasks,
            })
            .unwrap();
    }

    async fn converge(&mut self, now: f64) {
        for _ in 0..3 {
            self.r.converge(now).await.unwrap();
            self.r.wait_background().await;
        }
    }

    fn obs(&self, id: &str) -> gantry_agent_api::TaskObservation {
        self.r.task(&arn(id)).unwrap().observation()
    }

    /// The container of task `id` named `name` (ECS name).
    fn find(&self, id: &str, name: &str) -> Option<crate::runtime::fake::FakeContainer> {
        self.fake.containers().into_iter().find(|c| {
            c.info.labels.get(labels::TASK_ARN) == Some(&arn(id))
                && c.info
                    .labels
                    .get(labels::CONTAINER_NAME)
                    .map(String::as_str)
                    == Some(name)
        })
    }
}

#[tokio::test]
async fn awsvpc_task_containers_join_a_pause_container_with_the_task_address() {
    let mut c = Ctx::new(vec![awsvpc_task("t1", "10.200.0.5")]);
    c.converge(100.0).await;
    let o = c.obs("t1");
    assert_eq!(o.last_status, TaskStatus::Running);

    // The subnet's network, managed and labelled.
    let nets = c.fake.networks();
    let net = &nets["gantry-subnet-0a1b"];
    assert_eq!(net.subnet_cidr, "10.200.0.0/16");
    assert_eq!(net.gateway, "10.200.0.1");
    assert_eq!(net.labels[labels::MANAGED], "true");

    // The pause container: the task's address, labelled like the task's containers.
    let pause = c.find("t1", PAUSE_CONTAINER_NAME).expect("pause container");
    assert_eq!(pause.spec.network_mode, "gantry-subnet-0a1b");
    assert_eq!(pause.spec.ipv4_address.as_deref(), Some("10.200.0.5"));
    assert_eq!(pause.spec.image, crate::runtime::pause::PAUSE_IMAGE);
    assert_eq!(pause.info.labels[labels::CONTAINER_INSTANCE_ARN], INSTANCE);
    assert_eq!(pause.info.labels[labels::MANAGED], "true");
    assert_eq!(c.fake.pause_image_builds(), 1);

    // Every container shares its namespace: created after it, no ports, no hostname.
    for name in ["web", "sidecar"] {
        let ct = c.find("t1", name).unwrap();
        assert_eq!(ct.spec.network_mode, format!("container:{}", pause.info.id));
        assert!(ct.spec.ports.is_empty());
        assert!(ct.spec.hostname.is_none());
        assert!(
            ct.info.id > pause.info.id,
            "{name} created before the pause container"
        );
    }

    // The realised interface, with the MAC from inspect.
    let n = o.network.expect("observed network");
    assert_eq!(n.eni_id, "eni-1020005");
    assert_eq!(n.private_ipv4_address, "10.200.0.5");
    assert_eq!(n.mac_address, "02:42:0a:c8:00:05");
    assert!(o.containers.iter().all(|c| c.network_bindings.is_empty()));
    // The pause container is not a task container in the observation.
    assert_eq!(o.containers.len(), 2);
}

#[tokio::test]
async fn stopped_awsvpc_tasks_release_pause_and_network_when_unused() {
    let mut c = Ctx::new(vec![
        awsvpc_task("t1", "10.200.0.5"),
        awsvpc_task("t2", "10.200.0.6"),
    ]);
    c.converge(100.0).await;
    assert_eq!(c.obs("t1").last_status, TaskStatus::Running);
    assert_eq!(c.obs("t2").last_status, TaskStatus::Running);
    assert_eq!(
        c.fake.network_creates(),
        vec!["gantry-subnet-0a1b".to_string()]
    );

    // t1 stops: its pause container goes (its address is free again), the
    // network stays for t2.
    let mut t1 = awsvpc_task("t1", "10.200.0.5");
    t1.desired_status = DesiredStatus::Stopped;
    c.desire(vec![t1.clone(), awsvpc_task("t2", "10.200.0.6")]);
    c.converge(101.0).await;
    assert_eq!(c.obs("t1").last_status, TaskStatus::Stopped);
    assert!(c.find("t1", PAUSE_CONTAINER_NAME).is_none());
    assert!(c.find("t2", PAUSE_CONTAINER_NAME).is_some());
    assert!(c.fake.networks().contains_key("gantry-subnet-0a1b"));
    // The stopped task did not make the running one fail.
    assert_eq!(c.obs("t2").last_status, TaskStatus::Running);

    // A new task may take t1's address at once.
    let mut t2 = awsvpc_task("t2", "10.200.0.6");
    t2.desired_status = DesiredStatus::Stopped;
    c.desire(vec![t1, t2, awsvpc_task("t3", "10.200.0.5")]);
    c.converge(102.0).await;
    assert_eq!(c.obs("t3").last_status, TaskStatus::Running);
    assert_eq!(c.obs("t2").last_status, TaskStatus::Stopped);

    // Last one out removes the network.
    let mut t3 = awsvpc_task("t3", "10.200.0.5");
    t3.desired_status = DesiredStatus::Stopped;
    c.desire(vec![t3]);
    c.converge(103.0).await;
    assert_eq!(c.obs("t3").last_status, TaskStatus::Stopped);
    assert!(c.fake.networks().is_empty());
    assert!(c
        .fake
        .containers()
        .iter()
        .all(|ct| ct.info.labels[labels::CONTAINER_NAME] != PAUSE_CONTAINER_NAME));
}

#[tokio::test]
async fn a_lost_pause_container_stops_the_task() {
    let mut c = Ctx::new(vec![awsvpc_task("t1", "10.200.0.5")]);
    c.converge(100.0).await;
    let pause = c.find("t1", PAUSE_CONTAINER_NAME).unwrap();
    c.fake.exit(&pause.info.id, 0);
    c.converge(101.0).await;
    let o = c.obs("t1");
    assert_eq!(o.last_status, TaskStatus::Stopped);
    assert_eq!(o.stop_code, Some(StopCode::EssentialContainerExited));
    assert!(o.stopped_reason.unwrap().contains("pause container"));
}

#[tokio::test]
async fn task_limits_make_a_task_cgroup_for_every_container_and_go_with_the_task() {
    let mut t = awsvpc_task("t1", "10.200.0.5");
    t.cpu = Some(512);
    t.memory = Some(64);
    let mut c = Ctx::new(vec![t.clone()]);
    c.converge(100.0).await;
    assert_eq!(
        c.fake.cgroups().get("t1"),
        Some(&TaskLimits {
            cpu: Some(512),
            memory_mib: Some(64)
        })
    );
    for name in [PAUSE_CONTAINER_NAME, "web", "sidecar"] {
        assert_eq!(
            c.find("t1", name).unwrap().spec.cgroup_parent.as_deref(),
            Some("/gantry/t1"),
            "{name}"
        );
    }

    // OOM under the task's limit: the container's reason, and the task stops
    // the ECS way.
    c.fake.oom_kill(&c.find("t1", "web").unwrap().info.id);
    c.converge(101.0).await;
    let o = c.obs("t1");
    assert_eq!(o.last_status, TaskStatus::Stopped);
    let web = o.containers.iter().find(|c| c.name == "web").unwrap();
    assert_eq!(web.reason.as_deref(), Some(OOM_REASON));
    assert_eq!(web.exit_code, Some(137));
    assert_eq!(o.stopped_reason.as_deref(), Some(ESSENTIAL_EXITED));
    assert!(c.fake.cgroups().is_empty(), "cgroup removed with the task");

    // Without task limits: no cgroup; on an unsupported host: none either,
    // and the task still runs.
    let mut c = Ctx::new(vec![task("t2", NetworkMode::Bridge, vec![container("a")])]);
    c.converge(100.0).await;
    assert!(c.fake.cgroups().is_empty());
    assert_eq!(c.find("t2", "a").unwrap().spec.cgroup_parent, None);
    let mut t3 = task("t3", NetworkMode::Bridge, vec![container("a")]);
    t3.memory = Some(128);
    let mut c = Ctx::new(vec![t3]);
    c.fake.set_cgroups_unsupported(true);
    c.converge(100.0).await;
    assert_eq!(c.obs("t3").last_status, TaskStatus::Running);
    assert_eq!(c.find("t3", "a").unwrap().spec.cgroup_parent, None);
}

fn env_of(c: &Ctx, id: &str, name: &str) -> Vec<String> {
    c.find(id, name).unwrap().spec.env
}

#[tokio::test]
async fn containers_get_endpoint_variables_with_their_own_ids() {
    let mut t = task(
        "t1",
        NetworkMode::Bridge,
        vec![container("a"), {
            let mut b = container("b");
            b.environment = vec![gantry_agent_api::KeyValue {
                name: "MINE".into(),
                value: "1".into(),
            }];
            b
        }],
    );
    t.task_credentials = Some(creds("cred-1", "ASIA1"));
    let mut c = Ctx::new(vec![t]);
    c.converge(100.0).await;
    let ts = c.r.task(&arn("t1")).unwrap();
    let (ida, idb) = (&ts.containers[0].endpoint_id, &ts.containers[1].endpoint_id);
    assert_ne!(ida, idb);
    assert_eq!(ida.len(), 32);
    let a = env_of(&c, "t1", "a");
    assert!(a.contains(&format!("ECS_CONTAINER_METADATA_URI_V4={BASE}/v4/{ida}")));
    assert!(a.contains(&format!("ECS_CONTAINER_METADATA_URI={BASE}/v3/{ida}")));
    assert!(
        a.contains(&"AWS_CONTAINER_CREDENTIALS_RELATIVE_URI=/v2/credentials/cred-1".to_string())
    );
    assert!(a.contains(&"AWS_EXECUTION_ENV=AWS_ECS_EC2".to_string()));
    let b = env_of(&c, "t1", "b");
    assert!(b.contains(&format!("ECS_CONTAINER_METADATA_URI_V4={BASE}/v4/{idb}")));
    assert_eq!(b.last().map(String::as_str), Some("MINE=1"));

    // Fargate: the execution environment and the region; no task role: no
    // credentials variable.
    let mut f = awsvpc_task("t2", "10.200.0.9");
    f.launch_type = Some("FARGATE".into());
    let mut c = Ctx::new(vec![f]);
    c.converge(100.0).await;
    let w = env_of(&c, "t2", "web");
    assert!(w.contains(&"AWS_EXECUTION_ENV=AWS_ECS_FARGATE".to_string()));
    assert!(w.contains(&"AWS_REGION=us-east-1".to_string()));
    assert!(!w.iter().any(|e| e.starts_with("AWS_CONTAINER_CREDENTIALS")));
}

fn ip(s: &str) -> IpAddr {
    s.parse().unwrap()
}

const EP: IpAddr = IpAddr::V4(Ipv4Addr::new(169, 254, 170, 2));

#[tokio::test]
async fn credentials_are_served_only_to_the_task_they_belong_to() {
    let mut bridge = task("tb", NetworkMode::Bridge, vec![container("a")]);
    bridge.task_credentials = Some(creds("cred-b", "ASIAB"));
    let mut vpc = awsvpc_task("tv", "10.200.0.5");
    vpc.task_credentials = Some(creds("cred-v", "ASIAV"));
    let mut host = task("th", NetworkMode::Host, vec![container("a")]);
    host.task_credentials = Some(creds("cred-h", "ASIAH"));
    let mut c = Ctx::new(vec![bridge.clone(), vpc.clone(), host.clone()]);
    c.converge(100.0).await;
    let snap = Snapshot::from_state(c.r.state());
    let bridge_ip = c.find("tb", "a").unwrap().info.networks[0]
        .ipv4_address
        .clone();

    let ok = |id: &str, from: &str| authorize_credentials(&snap, Some(id), ip(from), EP);
    assert_eq!(ok("cred-b", &bridge_ip).unwrap().access_key_id, "ASIAB");
    assert_eq!(ok("cred-v", "10.200.0.5").unwrap().access_key_id, "ASIAV");
    assert_eq!(ok("cred-h", "127.0.0.1").unwrap().access_key_id, "ASIAH");
    assert_eq!(
        ok("cred-h", "169.254.170.2").unwrap().access_key_id,
        "ASIAH"
    );
    // Another task's address, the host, an unknown id, no id.
    for (id, from) in [
        ("cred-b", "10.200.0.5"),
        ("cred-v", bridge_ip.as_str()),
        ("cred-v", "127.0.0.1"),
        ("cred-b", "169.254.170.2"),
        ("cred-h", "10.200.0.5"),
        ("nope", "10.200.0.5"),
    ] {
        let r = ok(id, from).unwrap_err();
        assert_eq!(
            (r.status, r.code),
            (400, "InvalidIdInRequest"),
            "{id} from {from}"
        );
    }
    let r = authorize_credentials(&snap, None, ip("10.200.0.5"), EP).unwrap_err();
    assert_eq!(r.code, "NoIdInRequest");
    // IPv4-mapped IPv6 sources count as their IPv4 address.
    assert!(authorize_credentials(&snap, Some("cred-v"), ip("::ffff:10.200.0.5"), EP).is_ok());

    // Refreshed credentials arrive with a new desired state and replace the old.
    let mut vpc2 = vpc.clone();
    vpc2.task_credentials = Some(creds("cred-v2", "ASIAV2"));
    c.desire(vec![bridge.clone(), vpc2, host.clone()]);
    c.converge(101.0).await;
    let snap = Snapshot::from_state(c.r.state());
    assert!(authorize_credentials(&snap, Some("cred-v"), ip("10.200.0.5"), EP).is_err());
    let v2 = authorize_credentials(&snap, Some("cred-v2"), ip("10.200.0.5"), EP).unwrap();
    assert_eq!(
        endpoint::credentials_json(v2),
        serde_json::json!({
            "RoleArn": "arn:aws:iam::123456789012:role/app",
            "AccessKeyId": "ASIAV2",
            "SecretAccessKey": "secret",
            "Token": "token",
            "Expiration": "2026-11-26T10:00:00Z",
        })
    );

    // A stopped task's credentials are gone.
    let mut b = bridge;
    b.desired_status = DesiredStatus::Stopped;
    c.desire(vec![b, host]);
    c.converge(102.0).await;
    let snap = Snapshot::from_state(c.r.state());
    assert!(authorize_credentials(&snap, Some("cred-b"), ip(&bridge_ip), EP).is_err());
}

#[tokio::test]
async fn metadata_json_has_the_ecs_shapes() {
    let mut t = awsvpc_task("t1", "10.200.0.5");
    t.cpu = Some(256);
    t.memory = Some(512);
    t.containers[0].cpu = 10;
    t.containers[0].memory = Some(128);
    let mut c = Ctx::new(vec![
        t,
        task("t2", NetworkMode::Bridge, vec![container("a")]),
    ]);
    c.converge(100.0).await;
    let ts = c.r.task(&arn("t1")).unwrap();
    let web = ts.container("web").unwrap();

    let cj = endpoint::container_json(ts, web);
    assert_eq!(
        cj["DockerId"],
        serde_json::json!(web.docker_id.clone().unwrap())
    );
    assert_eq!(cj["Name"], "web");
    assert_eq!(cj["DockerName"], serde_json::json!(web.docker_name));
    assert_eq!(cj["Image"], "busybox:latest");
    assert_eq!(cj["KnownStatus"], "RUNNING");
    assert_eq!(cj["DesiredStatus"], "RUNNING");
    assert_eq!(cj["Type"], "NORMAL");
    assert_eq!(
        cj["Limits"],
        serde_json::json!({"CPU": 10.0, "Memory": 128})
    );
    assert_eq!(
        cj["Labels"]["com.amazonaws.ecs.task-definition-version"],
        "1"
    );
    assert_eq!(
        cj["Labels"]["com.amazonaws.ecs.task-arn"],
        serde_json::json!(arn("t1"))
    );
    assert_eq!(
        cj["Ports"],
        serde_json::json!([{"ContainerPort": 80, "Protocol": "tcp", "HostPort": 80}])
    );
    let n = &cj["Networks"][0];
    assert_eq!(n["NetworkMode"], "awsvpc");
    assert_eq!(n["IPv4Addresses"], serde_json::json!(["10.200.0.5"]));
    assert_eq!(n["MACAddress"], "02:42:0a:c8:00:05");
    assert_eq!(n["IPv4SubnetCIDRBlock"], "10.200.0.0/16");
    assert_eq!(n["SubnetGatewayIpv4Address"], "10.200.0.1/16");
    assert_eq!(n["PrivateDNSName"], "ip-10-200-0-5.ec2.internal");
    assert!(cj.get("ExitCode").is_none());

    let tj = endpoint::task_json(ts);
    assert_eq!(tj["Cluster"], "default");
    assert_eq!(tj["TaskARN"], serde_json::json!(arn("t1")));
    assert_eq!(tj["Family"], "web");
    assert_eq!(tj["Revision"], "1");
    assert_eq!(tj["DesiredStatus"], "RUNNING");
    assert_eq!(tj["KnownStatus"], "RUNNING");
    assert_eq!(
        tj["Limits"],
        serde_json::json!({"CPU": 0.25, "Memory": 512})
    );
    assert_eq!(tj["LaunchType"], "EC2");
    assert_eq!(tj["PullStartedAt"], "1970-01-01T00:01:40.000000000Z");
    assert_eq!(tj["FaultInjectionEnabled"], false);
    let names: Vec<&str> = tj["Containers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["Name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        vec!["web", "sidecar"],
        "no pause container, no other task"
    );
    assert!(tj.get("ExecutionStoppedAt").is_none());

    // Bridge: the container's own address.
    let t2 = c.r.task(&arn("t2")).unwrap();
    let aj = endpoint::container_json(t2, t2.container("a").unwrap());
    assert_eq!(aj["Networks"][0]["NetworkMode"], "bridge");
    assert!(aj["Networks"][0]["IPv4Addresses"][0]
        .as_str()
        .unwrap()
        .starts_with("172.17."));
    assert!(endpoint::task_json(t2).get("Limits").is_none());
}

/// One HTTP/1.0 GET against the server; (status, body).
async fn get(addr: std::net::SocketAddr, path: &str) -> (u16, serde_json::Value) {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let mut s = tokio::net::TcpStream::connect(addr).await.unwrap();
    s.write_all(format!("GET {path} HTTP/1.0\r\nHost: x\r\n\r\n").as_bytes())
        .await
        .unwrap();
    let mut out = String::new();
    s.read_to_string(&mut out).await.unwrap();
    let status = out[9..12].parse().unwrap();
    let body = out.split_once("\r\n\r\n").unwrap().1;
    (status, serde_json::from_str(body).unwrap())
}

#[tokio::test]
async fn the_endpoint_server_routes_metadata_stats_and_credentials() {
    let mut host = task(
        "th",
        NetworkMode::Host,
        vec![container("a"), container("b")],
    );
    host.task_credentials = Some(creds("cred-h", "ASIAH"));
    let mut bridge = task("tb", NetworkMode::Bridge, vec![container("a")]);
    bridge.task_credentials = Some(creds("cred-b", "ASIAB"));
    let mut c = Ctx::new(vec![host, bridge]);
    c.converge(100.0).await;

    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let ep = endpoint::Endpoint::new(c.fake.clone(), addr.ip());
    ep.publish(Snapshot::from_state(c.r.state()));
    let server = tokio::spawn(ep.clone().serve(listener));

    let ts = c.r.task(&arn("th")).unwrap();
    let id = ts.containers[0].endpoint_id.clone();
    let (st, body) = get(addr, &format!("/v4/{id}")).await;
    assert_eq!(st, 200);
    assert_eq!(body["Name"], "a");
    let (st, body) = get(addr, &format!("/v4/{id}/task")).await;
    assert_eq!(st, 200);
    assert_eq!(body["TaskARN"], serde_json::json!(arn("th")));
    assert_eq!(body["Containers"].as_array().unwrap().len(), 2);
    let (st, body) = get(addr, &format!("/v4/{id}/stats")).await;
    assert_eq!(st, 200);
    assert_eq!(body["id"], serde_json::json!(ts.containers[0].docker_id));
    let (st, body) = get(addr, &format!("/v4/{id}/task/stats")).await;
    assert_eq!(st, 200);
    assert_eq!(body.as_object().unwrap().len(), 2);
    let (st, body) = get(addr, "/v4/0123456789abcdef/task").await;
    assert_eq!(st, 404);
    assert!(body
        .as_str()
        .unwrap()
        .starts_with("V4 container metadata handler"));

    // Host task from the host: allowed; the bridge task's from the host: not.
    let (st, body) = get(addr, "/v2/credentials/cred-h").await;
    assert_eq!(st, 200);
    assert_eq!(body["AccessKeyId"], "ASIAH");
    let (st, body) = get(addr, "/v2/credentials/cred-b").await;
    assert_eq!(st, 400);
    assert_eq!(body["code"], "InvalidIdInRequest");
    let (st, body) = get(addr, "/v1/credentials?id=cred-h").await;
    assert_eq!((st, body["Token"].as_str()), (200, Some("token")));
    let (st, body) = get(addr, "/v2/credentials/").await;
    assert_eq!((st, body["code"].as_str()), (400, Some("NoIdInRequest")));
    server.abort();
}

#[tokio::test]
async fn unclaimed_task_cgroups_are_swept_and_claimed_ones_kept() {
    let mut t = task("t1", NetworkMode::Bridge, vec![container("a")]);
    t.memory = Some(64);
    let mut c = Ctx::new(vec![t]);
    let limits = TaskLimits {
        cpu: None,
        memory_mib: Some(32),
    };
    c.fake.add_cgroup("leaked", limits);
    c.converge(100.0).await;
    let left: Vec<String> = c.fake.cgroups().into_keys().collect();
    assert_eq!(left, vec!["t1".to_string()]);
}
