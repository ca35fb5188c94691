//! The Fargate launch type through the handlers, on the in-memory store:
//! pool hosts, placement, ENI attachments, IPAM, strategies, Spot, usage.

use crate::auth::Principal;
use crate::clock::Clock;
use crate::ecs::EcsService;
use crate::hosts::HostNotifier;
use crate::http::{AgentHandler, RequestContext, ServiceHandler};
use crate::state::Repo;
use gantry_agent_api as agent;
use gantry_api_types::ApiError;
use gantry_model::arn::Partition;
use serde_json::{json, Value};
use std::sync::{Arc, Mutex};

struct ManualClock(Mutex<f64>);
impl Clock for ManualClock {
    fn now(&self) -> f64 {
        *self.0.lock().unwrap()
    }
}

struct World {
    ecs: Arc<EcsService>,
    clock: Arc<ManualClock>,
}

fn ctx() -> RequestContext {
    RequestContext {
        request_id: "test".into(),
        principal: Principal::root("123456789012", "AKIDTEST"),
        source_ip: None,
    }
}

fn fargate_td() -> Value {
    json!({"family": "fg", "networkMode": "awsvpc", "requiresCompatibilities": ["FARGATE"],
        "cpu": "256", "memory": "512",
        "containerDefinitions": [{"name": "app", "image": "busybox",
            "portMappings": [{"containerPort": 80}]}]})
}

fn net(subnet: &str) -> Value {
    json!({"awsvpcConfiguration": {"subnets": [subnet]}})
}

impl World {
    async fn new() -> World {
        let clock = Arc::new(ManualClock(Mutex::new(1000.0)));
        // Through the store mirror, as the server reads.
        let repo = Repo::mirrored(Arc::new(gantry_store::memory::MemoryStore::new()));
        let cfg = crate::ecs::fargate::FargateConfig {
            subnets: crate::ecs::ipam::Subnets::parse(&["subnet-small=10.201.0.0/28".to_string()])
                .unwrap(),
            ..Default::default()
        };
        let ecs = Arc::new(
            EcsService::new(
                repo,
                Partition {
                    account_id: "123456789012".into(),
                    region: "us-east-1".into(),
                },
                clock.clone(),
                Arc::new(HostNotifier::new()),
            )
            .with_fargate(cfg),
        );
        let w = World { ecs, clock };
        w.call("CreateCluster", json!({"clusterName": "default"}))
            .await;
        w.call("CreateCluster", json!({"clusterName": "other"}))
            .await;
        w.call("RegisterTaskDefinition", fargate_td()).await;
        w
    }
    fn set(&self, t: f64) {
        *self.clock.0.lock().unwrap() = t;
    }
    async fn try_call(&self, op: &str, body: Value) -> Result<Value, ApiError> {
        self.ecs
            .handle(&ctx(), op, bytes::Bytes::from(body.to_string()))
            .await
    }
    async fn call(&self, op: &str, body: Value) -> Value {
        self.try_call(op, body)
            .await
            .unwrap_or_else(|e| panic!("{op}: {e}"))
    }
    /// Register a host; `capacity` is the `gantry.capacity` attribute.
    async fn register(&self, capacity: Option<&str>, az: &str, memory: i64) -> String {
        let mut attributes: Vec<Value> = (17..=41)
            .map(|m| json!({"name": format!("com.amazonaws.ecs.capability.docker-remote-api.1.{m}")}))
            .collect();
        attributes.push(json!({"name": "ecs.availability-zone", "value": az}));
        attributes.push(json!({"name": "ecs.capability.task-eni"}));
        if let Some(c) = capacity {
            attributes.push(json!({"name": "gantry.capacity", "value": c}));
        }
        let r = self
            .call(
                "RegisterContainerInstance",
                json!({"totalResources": [
                    {"name": "CPU", "type": "INTEGER", "integerValue": 16384},
                    {"name": "MEMORY", "type": "INTEGER", "integerValue": memory}
                ], "attributes": attributes}),
            )
            .await;
        r["containerInstance"]["containerInstanceArn"]
            .as_str()
            .unwrap()
            .to_string()
    }
    async fn sync(
        &self,
        arn: &str,
        observed: Option<Vec<agent::TaskObservation>>,
    ) -> agent::SyncResponse {
        AgentHandler::sync(
            &*self.ecs,
            &ctx(),
            agent::SyncRequest {
                cluster: "default".into(),
                container_instance_arn: arn.into(),
                known_generation: 0,
                wait_seconds: 0,
                observed: observed.map(|tasks| agent::ObservedState { tasks }),
                accepts_changes: false,
            },
        )
        .await
        .unwrap()
    }
    async fn run(&self, body: Value) -> Value {
        self.call("RunTask", body).await
    }
    async fn task(&self, cluster: &str, arn: &str) -> Value {
        let r = self
            .call("DescribeTasks", json!({"cluster": cluster, "tasks": [arn]}))
            .await;
        r["tasks"][0].clone()
    }
}

fn obs(arn: &str, status: agent::TaskStatus, at: f64, ip: &str) -> agent::TaskObservation {
    agent::TaskObservation {
        task_arn: arn.into(),
        last_status: status,
        containers: vec![],
        pull_started_at: Some(at),
        pull_stopped_at: Some(at),
        started_at: Some(at),
        execution_stopped_at: None,
        stopped_at: (status == agent::TaskStatus::Stopped).then_some(at + 10.0),
        stopped_reason: None,
        stop_code: None,
        network: Some(agent::ObservedNetwork {
            eni_id: "eni-x".into(),
            private_ipv4_address: ip.into(),
            mac_address: "02:42:0a:c8:00:02".into(),
        }),
    }
}

fn detail(task: &Value, name: &str) -> Option<String> {
    task["attachments"][0]["details"]
        .as_array()?
        .iter()
        .find(|d| d["name"] == name)
        .and_then(|d| d["value"].as_str().map(String::from))
}

#[tokio::test]
async fn pool_hosts_are_hidden_and_run_fargate_tasks_of_every_cluster() {
    let w = World::new().await;
    let pool = w.register(Some("fargate"), "us-east-1b", 8192).await;
    let listed = w.call("ListContainerInstances", json!({})).await;
    assert_eq!(listed["containerInstanceArns"], json!([]));
    let c = w
        .call("DescribeClusters", json!({"clusters": ["default"]}))
        .await;
    assert_eq!(c["clusters"][0]["registeredContainerInstancesCount"], 0);
    let r = w
        .call(
            "StartTask",
            json!({"taskDefinition": "fg", "containerInstances": [pool]}),
        )
        .await;
    assert_eq!(r["failures"][0]["reason"], "MISSING");
    let d = w
        .call(
            "DescribeContainerInstances",
            json!({"containerInstances": [pool]}),
        )
        .await;
    assert_eq!(d["failures"][0]["reason"], "MISSING");

    let r = w
        .run(
            json!({"cluster": "other", "taskDefinition": "fg", "launchType": "FARGATE",
            "count": 2, "networkConfiguration": net("subnet-default")}),
        )
        .await;
    assert_eq!(r["failures"], json!([]));
    let tasks = r["tasks"].as_array().unwrap();
    assert_eq!(tasks.len(), 2);
    for (t, ip) in tasks.iter().zip(["10.200.0.2", "10.200.0.3"]) {
        assert_eq!(t["launchType"], "FARGATE");
        assert_eq!(t["platformVersion"], "1.4.0");
        assert_eq!(t["platformFamily"], "Linux");
        assert!(t.get("containerInstanceArn").is_none());
        assert!(t.get("capacityProviderName").is_none());
        assert_eq!(t["availabilityZone"], "us-east-1b");
        assert_eq!(t["cpu"], "256");
        assert_eq!(t["memory"], "512");
        let a = &t["attachments"][0];
        assert_eq!(a["type"], "ElasticNetworkInterface");
        assert_eq!(a["status"], "PRECREATED");
        assert_eq!(detail(t, "subnetId").as_deref(), Some("subnet-default"));
        assert_eq!(detail(t, "privateIPv4Address").as_deref(), Some(ip));
        let eni = detail(t, "networkInterfaceId").unwrap();
        assert!(eni.starts_with("eni-") && eni.len() == 21, "{eni}");
        let ni = &t["containers"][0]["networkInterfaces"][0];
        assert_eq!(ni["attachmentId"], a["id"]);
        assert_eq!(ni["privateIpv4Address"], ip);
    }
    let arns: Vec<String> = tasks
        .iter()
        .map(|t| t["taskArn"].as_str().unwrap().to_string())
        .collect();

    // The pool host (registered from cluster `default`) gets both tasks of
    // cluster `other`, with their interfaces.
    let s = w.sync(&pool, None).await;
    assert!(s.registered);
    let desired = s.desired.unwrap().tasks;
    assert_eq!(desired.len(), 2);
    assert_eq!(desired[0].cluster, "other");
    assert_eq!(desired[0].launch_type.as_deref(), Some("FARGATE"));
    assert_eq!(
        desired[0].capacity_provider_name.as_deref(),
        Some("FARGATE")
    );
    let spec = desired.iter().find(|d| d.task_arn == arns[0]).unwrap();
    let a = spec.awsvpc.as_ref().unwrap();
    assert_eq!(a.subnet_cidr, "10.200.0.0/16");
    assert_eq!(a.gateway, "10.200.0.1");
    assert_eq!(a.private_ipv4_address, "10.200.0.2");

    // RUNNING with the realised interface: ATTACHED with the MAC.
    w.sync(
        &pool,
        Some(vec![obs(
            &arns[0],
            agent::TaskStatus::Running,
            1001.0,
            "10.200.0.2",
        )]),
    )
    .await;
    let t = w.task("other", &arns[0]).await;
    assert_eq!(t["lastStatus"], "RUNNING");
    assert_eq!(t["attachments"][0]["status"], "ATTACHED");
    assert_eq!(
        detail(&t, "macAddress").as_deref(),
        Some("02:42:0a:c8:00:02")
    );
    // ListTasks by launch type.
    let l = w
        .call(
            "ListTasks",
            json!({"cluster": "other", "launchType": "FARGATE"}),
        )
        .await;
    assert_eq!(l["taskArns"].as_array().unwrap().len(), 2);
    let l = w
        .call(
            "ListTasks",
            json!({"cluster": "other", "launchType": "EC2"}),
        )
        .await;
    assert_eq!(l["taskArns"], json!([]));

    // STOPPED: DELETED, and the address is free again.
    w.sync(
        &pool,
        Some(vec![obs(
            &arns[0],
            agent::TaskStatus::Stopped,
            1001.0,
            "10.200.0.2",
        )]),
    )
    .await;
    let t = w.task("other", &arns[0]).await;
    assert_eq!(t["attachments"][0]["status"], "DELETED");
    let r = w
        .run(json!({"taskDefinition": "fg", "launchType": "FARGATE",
            "networkConfiguration": net("subnet-default")}))
        .await;
    assert_eq!(
        detail(&r["tasks"][0], "privateIPv4Address").as_deref(),
        Some("10.200.0.2")
    );
}

#[tokio::test]
async fn fargate_launches_are_validated_and_change_nothing() {
    let w = World::new().await;
    w.register(Some("fargate"), "us-east-1a", 8192).await;
    w.call(
        "RegisterTaskDefinition",
        json!({"family": "ec2only", "containerDefinitions": [
            {"name": "app", "image": "busybox", "memory": 64}]}),
    )
    .await;
    let cases: Vec<(Value, &str)> = vec![
        (
            json!({"taskDefinition": "fg", "launchType": "FARGATE"}),
            "Network Configuration must be provided when networkMode 'awsvpc' is specified.",
        ),
        (
            json!({"taskDefinition": "fg", "launchType": "FARGATE",
                "networkConfiguration": {"awsvpcConfiguration": {"subnets": []}}}),
            "subnets can not be empty.",
        ),
        (
            json!({"taskDefinition": "fg", "launchType": "FARGATE",
                "networkConfiguration": net("subnet-nope")}),
            "Error retrieving subnet information for [subnet-nope]: The subnet ID 'subnet-nope' does not exist (Service: AmazonEC2; Status Code: 400; Error Code: InvalidSubnetID.NotFound)",
        ),
        (
            json!({"taskDefinition": "ec2only", "launchType": "FARGATE"}),
            "Task definition does not support launch_type FARGATE.",
        ),
        (
            json!({"taskDefinition": "fg", "launchType": "FARGATE",
                "networkConfiguration": net("subnet-default"),
                "placementConstraints": [{"type": "distinctInstance"}]}),
            "Placement constraints are not supported with FARGATE launch type.",
        ),
        (
            json!({"taskDefinition": "fg", "launchType": "FARGATE",
                "networkConfiguration": net("subnet-default"),
                "placementStrategy": [{"type": "random"}]}),
            "Placement strategies are not supported with FARGATE launch type.",
        ),
        (
            json!({"taskDefinition": "fg", "launchType": "FARGATE",
                "capacityProviderStrategy": [{"capacityProvider": "FARGATE", "weight": 1}],
                "networkConfiguration": net("subnet-default")}),
            "Specify either Launch Type or Capacity Provider Strategy, but not both.",
        ),
        (
            json!({"taskDefinition": "fg",
                "capacityProviderStrategy": [{"capacityProvider": "FARGATE_SPOT", "weight": 1}],
                "networkConfiguration": net("subnet-default")}),
            "The specified capacity provider strategy cannot contain a capacity provider ('FARGATE_SPOT') that is not associated with the cluster.",
        ),
        (
            json!({"taskDefinition": "fg", "launchType": "FARGATE", "platformVersion": "1.3.0",
                "networkConfiguration": net("subnet-default")}),
            "The specified platform version (1.3.0) does not exist. Gantry runs Fargate platform version 1.4.0.",
        ),
        (
            json!({"taskDefinition": "ec2only",
                "networkConfiguration": net("subnet-default")}),
            "Network Configuration is not valid for the given networkMode of this task definition.",
        ),
    ];
    for (i, (body, msg)) in cases.into_iter().enumerate() {
        let e = w.try_call("RunTask", body).await.expect_err("rejected");
        assert_eq!(e.code, "InvalidParameterException", "case {i}: {e}");
        assert_eq!(e.message, msg, "case {i}");
    }
    let l = w.call("ListTasks", json!({})).await;
    assert_eq!(l["taskArns"], json!([]), "nothing stored");
}

#[tokio::test]
async fn no_capacity_is_a_failure_not_an_error() {
    let w = World::new().await;
    let body = json!({"taskDefinition": "fg", "launchType": "FARGATE", "count": 2,
        "networkConfiguration": net("subnet-default")});
    let r = w.run(body.clone()).await;
    assert_eq!(r["tasks"], json!([]));
    assert_eq!(r["failures"].as_array().unwrap().len(), 2);
    assert_eq!(r["failures"][0]["reason"], crate::ecs::fargate::NO_CAPACITY);
    // An EC2-only container instance is no Fargate capacity; a host with
    // room for one task places one.
    w.register(None, "us-east-1a", 8192).await;
    w.register(Some("ec2-fargate"), "us-east-1a", 600).await;
    let r = w.run(body).await;
    assert_eq!(r["tasks"].as_array().unwrap().len(), 1);
    assert_eq!(r["failures"].as_array().unwrap().len(), 1);
    // The shared host is still a visible container instance, and the
    // Fargate task is not one of its tasks.
    let l = w.call("ListContainerInstances", json!({})).await;
    assert_eq!(l["containerInstanceArns"].as_array().unwrap().len(), 2);
    let d = w
        .call(
            "DescribeContainerInstances",
            json!({"containerInstances": l["containerInstanceArns"]}),
        )
        .await;
    for ci in d["containerInstances"].as_array().unwrap() {
        assert_eq!(ci["pendingTasksCount"], 0);
    }
}

#[tokio::test]
async fn subnet_exhaustion_fails_the_task() {
    let w = World::new().await;
    w.register(Some("fargate"), "us-east-1a", 65536).await;
    // 10.201.0.0/28: .2 … .14 = 13 addresses.
    let mut placed = 0;
    for _ in 0..2 {
        let r = w
            .run(
                json!({"taskDefinition": "fg", "launchType": "FARGATE", "count": 10,
                "networkConfiguration": net("subnet-small")}),
            )
            .await;
        placed += r["tasks"].as_array().unwrap().len();
        for f in r["failures"].as_array().unwrap() {
            assert_eq!(f["reason"], "RESOURCE:ENI");
        }
    }
    assert_eq!(placed, 13);
}

#[tokio::test]
async fn default_strategy_spreads_by_base_and_weight_and_spot_is_reclaimed() {
    let w = World::new().await;
    let pool = w.register(Some("fargate"), "us-east-1a", 65536).await;
    w.call(
        "PutClusterCapacityProviders",
        json!({"cluster": "default", "capacityProviders": ["FARGATE", "FARGATE_SPOT"],
            "defaultCapacityProviderStrategy": [
                {"capacityProvider": "FARGATE", "base": 1, "weight": 1},
                {"capacityProvider": "FARGATE_SPOT", "weight": 3}]}),
    )
    .await;
    let r = w
        .run(json!({"taskDefinition": "fg", "count": 5,
            "networkConfiguration": net("subnet-default")}))
        .await;
    let names: Vec<&str> = r["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["capacityProviderName"].as_str().unwrap())
        .collect();
    assert_eq!(names[0], "FARGATE");
    assert_eq!(names.iter().filter(|n| **n == "FARGATE").count(), 2);
    assert_eq!(names.iter().filter(|n| **n == "FARGATE_SPOT").count(), 3);
    for t in r["tasks"].as_array().unwrap() {
        assert_eq!(t["launchType"], "FARGATE");
    }

    // Reclaim one Spot task: SpotInterruption, SIGKILL within the warning.
    let before = w.sync(&pool, None).await.generation;
    let stopped = w.ecs.spot_reclaim("default", None, 1).await.unwrap();
    assert!(
        w.sync(&pool, None).await.generation > before,
        "the pool host learns of the stop"
    );
    assert_eq!(stopped.len(), 1);
    let t = &stopped[0];
    assert_eq!(t.capacity_provider_name.as_deref(), Some("FARGATE_SPOT"));
    assert_eq!(t.desired_status.as_deref(), Some("STOPPED"));
    assert_eq!(
        t.stop_code,
        Some(gantry_api_types::ecs::TaskStopCode::SpotInterruption)
    );
    assert_eq!(
        t.stopped_reason.as_deref(),
        Some("Your Spot Task was interrupted.")
    );
    let s = w.sync(&pool, None).await;
    let d = s
        .desired
        .unwrap()
        .tasks
        .into_iter()
        .find(|d| Some(&d.task_arn) == t.task_arn.as_ref())
        .unwrap();
    assert_eq!(d.desired_status, agent::DesiredStatus::Stopped);
    assert!(d.containers[0].stop_timeout.unwrap() <= 120);
    // A FARGATE task cannot be reclaimed.
    let on_demand = r["tasks"][0]["taskArn"].as_str().unwrap();
    assert!(w
        .ecs
        .spot_reclaim("default", Some(on_demand), 1)
        .await
        .is_err());
}

#[tokio::test]
async fn usage_meters_fargate_from_pull_start_to_stop() {
    let w = World::new().await;
    let pool = w.register(Some("fargate"), "us-east-1a", 8192).await;
    let r = w
        .run(json!({"taskDefinition": "fg", "launchType": "FARGATE",
            "networkConfiguration": net("subnet-default")}))
        .await;
    let arn = r["tasks"][0]["taskArn"].as_str().unwrap().to_string();
    w.sync(
        &pool,
        Some(vec![obs(
            &arn,
            agent::TaskStatus::Running,
            1000.0,
            "10.200.0.2",
        )]),
    )
    .await;
    // stopped_at = 1000 + 10 in `obs`.
    w.set(1020.0);
    w.sync(
        &pool,
        Some(vec![obs(
            &arn,
            agent::TaskStatus::Stopped,
            1000.0,
            "10.200.0.2",
        )]),
    )
    .await;
    let u = w.ecs.usage(None, Some(0.0), Some(2000.0)).await.unwrap();
    assert_eq!(u.fargate.tasks, 1);
    assert!((u.fargate.vcpu_seconds - 2.5).abs() < 1e-6, "{u:?}");
    assert!((u.fargate.gb_seconds - 5.0).abs() < 1e-6, "{u:?}");
    // The pool host is not metered as a container instance.
    assert_eq!(u.instances.instances, 0);
    let m = w.ecs.metrics_text().await.unwrap();
    assert!(
        m.contains("gantry_fargate_vcpu_seconds_total{capacity_provider=\"FARGATE\"} 2.5"),
        "{m}"
    );
}

#[tokio::test]
async fn ec2_awsvpc_tasks_get_an_eni_too() {
    let w = World::new().await;
    w.register(None, "us-east-1a", 8192).await;
    w.call(
        "RegisterTaskDefinition",
        json!({"family": "vpc", "networkMode": "awsvpc", "containerDefinitions": [
            {"name": "app", "image": "busybox", "memory": 64,
             "portMappings": [{"containerPort": 80}]}]}),
    )
    .await;
    let r = w
        .run(json!({"taskDefinition": "vpc", "count": 2,
            "networkConfiguration": net("subnet-small")}))
        .await;
    let tasks = r["tasks"].as_array().unwrap();
    // Two tasks with the same container port fit on one host: own addresses.
    assert_eq!(tasks.len(), 2, "{r}");
    assert_eq!(tasks[0]["launchType"], "EC2");
    assert!(tasks[0].get("containerInstanceArn").is_some());
    assert_eq!(
        detail(&tasks[0], "subnetId").as_deref(),
        Some("subnet-small")
    );
    assert_eq!(
        detail(&tasks[1], "privateIPv4Address").as_deref(),
        Some("10.201.0.3")
    );
}

#[tokio::test]
async fn fargate_tasks_spread_over_availability_zones_then_pack() {
    let w = World::new().await;
    for az in ["us-east-1a", "us-east-1b", "us-east-1c"] {
        w.register(Some("fargate"), az, 65536).await;
    }
    let mut per_az = std::collections::BTreeMap::<String, usize>::new();
    for round in 1..=2 {
        let r = w
            .run(
                json!({"taskDefinition": "fg", "launchType": "FARGATE", "count": 3,
                "networkConfiguration": net("subnet-default")}),
            )
            .await;
        assert_eq!(r["failures"], json!([]));
        for t in r["tasks"].as_array().unwrap() {
            *per_az
                .entry(t["availabilityZone"].as_str().unwrap().to_string())
                .or_default() += 1;
        }
        // Every zone gets one task of each batch of three.
        assert_eq!(per_az.len(), 3, "{per_az:?}");
        assert!(per_az.values().all(|n| *n == round), "{per_az:?}");
    }
}

#[tokio::test]
async fn update_service_changes_fargate_launch_settings_as_ecs_does() {
    let w = World::new().await;
    w.register(Some("fargate"), "us-east-1a", 65536).await;
    w.call(
        "PutClusterCapacityProviders",
        json!({"cluster": "default", "capacityProviders": ["FARGATE", "FARGATE_SPOT"],
            "defaultCapacityProviderStrategy": []}),
    )
    .await;
    let svc = w
        .call(
            "CreateService",
            json!({"serviceName": "web", "taskDefinition": "fg", "desiredCount": 1,
                "launchType": "FARGATE", "networkConfiguration": net("subnet-default")}),
        )
        .await;
    assert_eq!(svc["service"]["deployments"].as_array().unwrap().len(), 1);
    let deployments = |v: &Value| v["service"]["deployments"].as_array().unwrap().len();
    let err = |r: Result<Value, ApiError>| {
        let e = r.unwrap_err();
        assert_eq!(e.code, "InvalidParameterException", "{}", e.message);
        e.message
    };
    let spot = json!([{"capacityProvider": "FARGATE_SPOT", "weight": 1}]);

    // Launch type → strategy needs forceNewDeployment; nothing changes.
    let m = err(w
        .try_call(
            "UpdateService",
            json!({"service": "web", "capacityProviderStrategy": spot}),
        )
        .await);
    assert!(
        m.starts_with("When switching from launch type to capacity provider strategy"),
        "{m}"
    );
    let unknown = json!([{"capacityProvider": "nope", "weight": 1}]);
    let m = err(w
        .try_call(
            "UpdateService",
            json!({"service": "web", "capacityProviderStrategy": unknown, "forceNewDeployment": true}),
        )
        .await);
    assert!(m.contains("'nope'"), "{m}");
    let d = w
        .call("DescribeServices", json!({"services": ["web"]}))
        .await;
    assert_eq!(d["services"][0]["launchType"], "FARGATE");
    assert_eq!(d["services"][0]["deployments"].as_array().unwrap().len(), 1);

    let u = w
        .call(
            "UpdateService",
            json!({"service": "web", "capacityProviderStrategy": spot, "forceNewDeployment": true}),
        )
        .await;
    let s = &u["service"];
    assert!(s.get("launchType").is_none(), "{s}");
    assert_eq!(s["capacityProviderStrategy"], spot);
    assert_eq!(deployments(&u), 2);
    assert_eq!(s["deployments"][0]["status"], "PRIMARY");
    assert_eq!(s["deployments"][0]["capacityProviderStrategy"], spot);
    assert_eq!(s["deployments"][1]["status"], "ACTIVE");
    assert_eq!(s["deployments"][1]["launchType"], "FARGATE");
    // The same strategy again is no change.
    let u = w
        .call(
            "UpdateService",
            json!({"service": "web", "capacityProviderStrategy": spot}),
        )
        .await;
    assert_eq!(deployments(&u), 2);

    // networkConfiguration: checked, then a new deployment carrying it.
    let m = err(w
        .try_call(
            "UpdateService",
            json!({"service": "web", "networkConfiguration": net("subnet-nope")}),
        )
        .await);
    assert!(m.contains("subnet-nope"), "{m}");
    let n2 = json!({"awsvpcConfiguration": {"subnets": ["subnet-default", "subnet-small"]}});
    let u = w
        .call(
            "UpdateService",
            json!({"service": "web", "networkConfiguration": n2}),
        )
        .await;
    assert_eq!(deployments(&u), 3);
    assert_eq!(u["service"]["deployments"][0]["networkConfiguration"], n2);

    // platformVersion: LATEST or 1.4.0; a change is a deployment.
    let m = err(w
        .try_call(
            "UpdateService",
            json!({"service": "web", "platformVersion": "1.3.0"}),
        )
        .await);
    assert!(m.contains("1.3.0"), "{m}");
    let u = w
        .call(
            "UpdateService",
            json!({"service": "web", "platformVersion": "1.4.0"}),
        )
        .await;
    assert_eq!(deployments(&u), 3, "same version: no deployment");
    let u = w
        .call(
            "UpdateService",
            json!({"service": "web", "platformVersion": "LATEST"}),
        )
        .await;
    assert_eq!(deployments(&u), 4);
    assert_eq!(u["service"]["platformVersion"], "LATEST");
    assert_eq!(u["service"]["deployments"][0]["platformVersion"], "LATEST");

    // An empty strategy goes back to the launch type (forced, too).
    let m = err(w
        .try_call(
            "UpdateService",
            json!({"service": "web", "capacityProviderStrategy": []}),
        )
        .await);
    assert!(m.contains("you must force a new deployment"), "{m}");
    let u = w
        .call(
            "UpdateService",
            json!({"service": "web", "capacityProviderStrategy": [], "forceNewDeployment": true}),
        )
        .await;
    assert_eq!(u["service"]["launchType"], "FARGATE");
    assert!(u["service"].get("capacityProviderStrategy").is_none());

    // An EC2 service: no platform version, and a Fargate strategy needs a
    // Fargate task definition.
    w.call(
        "RegisterTaskDefinition",
        json!({"family": "ec2", "containerDefinitions": [
            {"name": "app", "image": "busybox", "memory": 64}]}),
    )
    .await;
    w.call(
        "CreateService",
        json!({"serviceName": "classic", "taskDefinition": "ec2", "desiredCount": 1}),
    )
    .await;
    let m = err(w
        .try_call(
            "UpdateService",
            json!({"service": "classic", "platformVersion": "LATEST"}),
        )
        .await);
    assert_eq!(
        m,
        "The platform version must be null when specifying an EC2 launch type."
    );
    let m = err(w
        .try_call(
            "UpdateService",
            json!({"service": "classic", "capacityProviderStrategy": spot, "forceNewDeployment": true}),
        )
        .await);
    assert_eq!(m, "Task definition does not support launch_type FARGATE.");
    let m = err(w
        .try_call(
            "UpdateService",
            json!({"service": "classic", "networkConfiguration": net("subnet-default")}),
        )
        .await);
    assert_eq!(
        m,
        "Network Configuration is not valid for the given networkMode of this task definition."
    );
    let d = w
        .call("DescribeServices", json!({"services": ["classic"]}))
        .await;
    assert_eq!(d["services"][0]["launchType"], "EC2");
    assert_eq!(d["services"][0]["deployments"].as_array().unwrap().len(), 1);

    // DescribeClusters statistics count services by launch.
    let c = w
        .call(
            "DescribeClusters",
            json!({"clusters": ["default"], "include": ["STATISTICS"]}),
        )
        .await;
    let stats: std::collections::BTreeMap<String, String> = c["clusters"][0]["statistics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|kv| {
            (
                kv["name"].as_str().unwrap().to_string(),
                kv["value"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(stats["activeFargateServiceCount"], "1");
    assert_eq!(stats["activeEC2ServiceCount"], "1");
    assert_eq!(stats["drainingFargateServiceCount"], "0");
    assert_eq!(c["clusters"][0]["activeServicesCount"], 2);
}
