//! Unit tests for task-definition validation, one per rule.

use super::*;
use serde_json::{json, Value};

fn req(v: Value) -> RegisterTaskDefinitionRequest {
    serde_json::from_value(v).expect("test request parses")
}

fn base() -> Value {
    json!({
        "family": "web",
        "containerDefinitions": [
            {"name": "app", "image": "nginx", "memory": 256}
        ]
    })
}

fn run(v: Value) -> Result<NormalizedTaskDef, ApiError> {
    validate_and_normalize(&req(v), 100)
}

fn err(v: Value) -> String {
    let e = run(v).expect_err("should be rejected");
    assert_eq!(e.code, "ClientException", "{e}");
    e.message
}

fn fargate() -> Value {
    json!({
        "family": "f",
        "networkMode": "awsvpc",
        "requiresCompatibilities": ["FARGATE"],
        "cpu": "256",
        "memory": "512",
        "executionRoleArn": "arn:aws:iam::1:role/x",
        "containerDefinitions": [{"name": "app", "image": "nginx",
            "portMappings": [{"containerPort": 80}],
            "logConfiguration": {"logDriver": "awslogs", "options": {}}}]
    })
}

#[test]
fn accepts_minimal_and_fills_defaults() {
    let n = run(base()).unwrap();
    let td = serde_json::to_value(&n.task_definition).unwrap();
    let c = &td["containerDefinitions"][0];
    assert_eq!(c["cpu"], 0);
    assert_eq!(c["essential"], true);
    assert_eq!(c["portMappings"], json!([]));
    assert_eq!(c["environment"], json!([]));
    assert_eq!(td["volumes"], json!([]));
    assert_eq!(td["compatibilities"], json!(["EXTERNAL", "EC2"]));
    assert!(td.get("networkMode").is_none());
    assert!(td.get("tags").is_none());
    let full = n.into_registered("arn".into(), 1, 10.5, None);
    assert_eq!(full.status, Some(TaskDefinitionStatus::Active));
    assert_eq!(full.registered_at, Some(10.5));
}

#[test]
fn family_and_count() {
    let mut v = base();
    v["family"] = json!("bad family");
    assert!(err(v).contains("Family"));
    let mut v = base();
    let c = v["containerDefinitions"][0].clone();
    let many: Vec<Value> = (0..11)
        .map(|i| {
            let mut c = c.clone();
            c["name"] = json!(format!("c{i}"));
            c
        })
        .collect();
    v["containerDefinitions"] = json!(many);
    assert!(err(v).contains("containerDefinitions"));
}

#[test]
fn names_and_images() {
    let mut v = base();
    v["containerDefinitions"][0]
        .as_object_mut()
        .unwrap()
        .remove("image");
    assert_eq!(err(v), "Container.image should not be null or empty.");
    let mut v = base();
    v["containerDefinitions"][0]
        .as_object_mut()
        .unwrap()
        .remove("name");
    assert_eq!(err(v), "Container.name should not be null or empty.");
    let mut v = base();
    let c = v["containerDefinitions"][0].clone();
    v["containerDefinitions"] = json!([c.clone(), c]);
    assert!(err(v).contains("Duplicate container name 'app'"));
    let mut v = base();
    v["containerDefinitions"][0]["image"] = json!("nginx@sha256:abc");
    assert!(err(v).contains("digest"));
    let mut v = base();
    v["containerDefinitions"][0]["image"] = json!(format!("nginx@sha256:{}", "a".repeat(64)));
    assert!(run(v).is_ok());
}

#[test]
fn memory_rules() {
    let mut v = base();
    v["containerDefinitions"][0]
        .as_object_mut()
        .unwrap()
        .remove("memory");
    assert_eq!(
        err(v.clone()),
        "Invalid setting for container 'app'. At least one of 'memory' or 'memoryReservation' must be specified."
    );
    v["memory"] = json!("512");
    assert!(run(v).is_ok());
    let mut v = base();
    v["containerDefinitions"][0]["memoryReservation"] = json!(512);
    assert!(err(v).contains("memoryReservation"));
    let mut v = base();
    v["memory"] = json!("128");
    assert!(err(v).contains("task memory"));
    let mut v = base();
    v["cpu"] = json!("128");
    v["containerDefinitions"][0]["cpu"] = json!(256);
    assert!(err(v).contains("task cpu"));
}

#[test]
fn cpu_memory_normalisation() {
    assert_eq!(parse_task_cpu("1 vCPU"), Some(1024));
    assert_eq!(parse_task_cpu("1vcpu"), Some(1024));
    assert_eq!(parse_task_cpu("0.5 vCPU"), Some(512));
    assert_eq!(parse_task_cpu(".25 vcpu"), Some(256));
    assert_eq!(parse_task_cpu("256"), Some(256));
    assert_eq!(parse_task_cpu("$$CPU$$"), None);
    assert_eq!(parse_task_memory("1GB"), Some(1024));
    assert_eq!(parse_task_memory("1 GB"), Some(1024));
    assert_eq!(parse_task_memory(".5 gb"), Some(512));
    assert_eq!(parse_task_memory("512"), Some(512));
    assert_eq!(parse_task_memory("-5"), None);
    let mut v = fargate();
    v["cpu"] = json!("1 vCPU");
    v["memory"] = json!("2 GB");
    let n = run(v).unwrap();
    assert_eq!(n.task_definition.cpu.as_deref(), Some("1024"));
    assert_eq!(n.task_definition.memory.as_deref(), Some("2048"));
}

#[test]
fn essential_required() {
    let mut v = base();
    v["containerDefinitions"][0]["essential"] = json!(false);
    assert!(err(v).contains("essential"));
}

#[test]
fn port_mapping_rules() {
    let mut v = base();
    v["networkMode"] = json!("none");
    v["containerDefinitions"][0]["portMappings"] = json!([{"containerPort": 80}]);
    assert!(err(v).contains("'none'"));
    let mut v = base();
    v["networkMode"] = json!("host");
    v["containerDefinitions"][0]["portMappings"] = json!([{"containerPort": 80, "hostPort": 81}]);
    assert!(err(v).contains("hostPort"));
    let mut v = base();
    v["networkMode"] = json!("host");
    v["containerDefinitions"][0]["portMappings"] = json!([{"containerPort": 80}]);
    let td = serde_json::to_value(run(v).unwrap().task_definition).unwrap();
    assert_eq!(
        td["containerDefinitions"][0]["portMappings"][0],
        json!({"containerPort": 80, "hostPort": 80, "protocol": "tcp"})
    );
    let mut v = base();
    v["containerDefinitions"][0]["portMappings"] =
        json!([{"containerPort": 80}, {"containerPort": 80, "protocol": "tcp"}]);
    assert!(err(v).contains("more than once"));
    let mut v = base();
    v["containerDefinitions"][0]["portMappings"] =
        json!([{"containerPort": 53, "protocol": "tcp"}, {"containerPort": 53, "protocol": "udp"}]);
    assert!(run(v).is_ok());
}

#[test]
fn links_and_hostname() {
    let two = json!({
        "family": "w",
        "containerDefinitions": [
            {"name": "a", "image": "x", "memory": 64, "links": ["b:db"]},
            {"name": "b", "image": "y", "memory": 64}
        ]
    });
    assert!(run(two.clone()).is_ok());
    let mut v = two.clone();
    v["containerDefinitions"][0]["links"] = json!(["zzz"]);
    assert!(err(v).contains("links"));
    let mut v = two;
    v["networkMode"] = json!("host");
    assert!(err(v).contains("bridge"));
    let mut v = base();
    v["networkMode"] = json!("awsvpc");
    v["containerDefinitions"][0]["hostname"] = json!("h");
    assert!(err(v).contains("hostname"));
}

#[test]
fn volumes_and_volumes_from() {
    let mut v = base();
    v["containerDefinitions"][0]["mountPoints"] =
        json!([{"sourceVolume": "data", "containerPath": "/d"}]);
    assert!(err(v.clone()).contains("sourceVolume 'data'"));
    v["volumes"] = json!([{"name": "data", "host": {"sourcePath": "/srv"}}]);
    assert!(run(v.clone()).is_ok());
    v["volumes"] = json!([{"name": "data"}, {"name": "data"}]);
    assert!(err(v).contains("Duplicate volume"));
    let mut v = base();
    v["containerDefinitions"][0]["volumesFrom"] = json!([{"sourceContainer": "nope"}]);
    assert!(err(v).contains("volumesFrom"));
}

fn dep_td(cond: &str, target_essential: bool, health: bool) -> Value {
    let mut target =
        json!({"name": "db", "image": "pg", "memory": 64, "essential": target_essential});
    if health {
        target["healthCheck"] = json!({"command": ["CMD", "true"]});
    }
    json!({
        "family": "d",
        "containerDefinitions": [
            {"name": "app", "image": "x", "memory": 64,
             "dependsOn": [{"containerName": "db", "condition": cond}]},
            target
        ]
    })
}

#[test]
fn depends_on_rules() {
    assert!(run(dep_td("START", true, false)).is_ok());
    assert!(run(dep_td("COMPLETE", false, false)).is_ok());
    assert!(err(dep_td("SUCCESS", true, false)).contains("essential container 'db'"));
    assert!(err(dep_td("HEALTHY", true, false)).contains("healthCheck"));
    assert!(run(dep_td("HEALTHY", true, true)).is_ok());
    let n = run(dep_td("START", true, false)).unwrap();
    let attrs: Vec<String> = n
        .task_definition
        .requires_attributes
        .unwrap()
        .into_iter()
        .map(|a| a.name)
        .collect();
    assert!(attrs.contains(&"ecs.capability.container-ordering".to_string()));

    let mut v = dep_td("START", true, false);
    v["containerDefinitions"][1]["dependsOn"] =
        json!([{"containerName": "app", "condition": "START"}]);
    assert!(err(v).contains("cycle"));
    let mut v = dep_td("START", true, false);
    v["containerDefinitions"][0]["dependsOn"] =
        json!([{"containerName": "app", "condition": "START"}]);
    assert!(err(v).contains("itself"));
    let mut v = dep_td("START", true, false);
    v["containerDefinitions"][0]["dependsOn"] =
        json!([{"containerName": "ghost", "condition": "START"}]);
    assert!(err(v).contains("ghost"));
}

#[test]
fn health_check_rules() {
    let mut v = base();
    v["containerDefinitions"][0]["healthCheck"] = json!({"command": ["CMD"]});
    assert!(err(v).contains("CMD"));
    let mut v = base();
    v["containerDefinitions"][0]["healthCheck"] = json!({"command": []});
    assert!(err(v).contains("healthCheck.command"));
    let mut v = base();
    v["containerDefinitions"][0]["healthCheck"] =
        json!({"command": ["CMD-SHELL", "true"], "interval": 1});
    assert!(err(v).contains("healthCheck.interval"));
    let mut v = base();
    v["containerDefinitions"][0]["healthCheck"] =
        json!({"command": ["CMD-SHELL", "true"], "retries": 11});
    assert!(err(v).contains("healthCheck.retries"));
}

#[test]
fn fargate_rules() {
    let n = run(fargate()).unwrap();
    assert_eq!(
        n.task_definition.compatibilities,
        Some(vec![Compatibility::Ec2, Compatibility::Fargate])
    );
    let mut v = fargate();
    v.as_object_mut().unwrap().remove("executionRoleArn");
    assert_eq!(
        err(v),
        "Fargate requires task definition to have execution role ARN to support log driver awslogs."
    );
    let mut v = fargate();
    v["memory"] = json!("4096");
    assert!(err(v).contains("No Fargate configuration"));
    let mut v = fargate();
    v["networkMode"] = json!("bridge");
    assert!(err(v).contains("awsvpc"));
    let mut v = fargate();
    v["containerDefinitions"][0]["privileged"] = json!(true);
    assert!(err(v).contains("privileged"));
    let mut v = fargate();
    v["volumes"] = json!([{"name": "v", "host": {"sourcePath": "/x"}}]);
    assert!(err(v).contains("sourcePath"));
    let mut v = fargate();
    v.as_object_mut().unwrap().remove("cpu");
    assert!(err(v).contains("'cpu'"));
    assert!(fargate_pair_ok(4096, 30720));
    assert!(!fargate_pair_ok(256, 4096));
    assert!(fargate_pair_ok(16384, 32768 + 8192));
}

#[test]
fn external_rejects_awsvpc() {
    let mut v = base();
    v["requiresCompatibilities"] = json!(["EXTERNAL"]);
    assert!(run(v.clone()).is_ok());
    v["networkMode"] = json!("awsvpc");
    assert!(err(v).contains("EXTERNAL"));
}

#[test]
fn tags_and_size() {
    let mut v = base();
    v["tags"] = json!([{"key": "", "value": "x"}]);
    let e = run(v).unwrap_err();
    assert!(e.message.contains("tags[0].key"), "{e}");
    let mut v = base();
    v["tags"] = json!([{"key": "aws:x", "value": "x"}]);
    assert!(run(v).is_err());
    let e = validate_and_normalize(&req(base()), 70_000).unwrap_err();
    assert!(e.message.contains("size"));
}

#[test]
fn ulimits_and_attributes() {
    let mut v = base();
    v["containerDefinitions"][0]["ulimits"] =
        json!([{"name": "nofile", "softLimit": 10, "hardLimit": 5}]);
    assert!(err(v).contains("ulimit"));
    let mut v = base();
    v["taskRoleArn"] = json!("arn:aws:iam::1:role/r");
    v["containerDefinitions"][0]["logConfiguration"] = json!({"logDriver": "awslogs"});
    v["containerDefinitions"][0]["healthCheck"] = json!({"command": ["CMD", "true"]});
    let n = run(v).unwrap();
    let names: Vec<String> = n
        .task_definition
        .requires_attributes
        .unwrap()
        .into_iter()
        .map(|a| a.name)
        .collect();
    for want in [
        "com.amazonaws.ecs.capability.task-iam-role",
        "com.amazonaws.ecs.capability.logging-driver.awslogs",
        "ecs.capability.container-health-check",
    ] {
        assert!(
            names.iter().any(|n| n == want),
            "{want} missing in {names:?}"
        );
    }
}

/// Every Fargate rule: the exact message, and the same definition without
/// FARGATE in requiresCompatibilities registers with `compatibilities`
/// lacking FARGATE.
#[test]
fn fargate_every_invalid_combination() {
    type Edit = fn(&mut Value);
    let cases: Vec<(Edit, &str)> = vec![
        (
            |v| v["networkMode"] = json!("bridge"),
            "Fargate only supports network mode 'awsvpc'.",
        ),
        (
            |v| v["networkMode"] = json!("host"),
            "Fargate only supports network mode 'awsvpc'.",
        ),
        (
            |v| {
                v.as_object_mut().unwrap().remove("cpu");
            },
            "Fargate requires that 'cpu' be defined at the task level. Fargate requires that 'memory' be defined at the task level.",
        ),
        (
            |v| v["memory"] = json!("1024 MB"),
            "",
        ),
        (
            |v| v["memory"] = json!("3072"),
            "No Fargate configuration exists for given values: 256 CPU, 3072 memory. See the Amazon ECS documentation for the valid combinations.",
        ),
        (
            |v| {
                v["cpu"] = json!("512");
                v["memory"] = json!("512");
            },
            "No Fargate configuration exists for given values: 512 CPU, 512 memory. See the Amazon ECS documentation for the valid combinations.",
        ),
        (
            |v| {
                v["cpu"] = json!("8192");
                v["memory"] = json!("17408");
            },
            "No Fargate configuration exists for given values: 8192 CPU, 17408 memory. See the Amazon ECS documentation for the valid combinations.",
        ),
        (
            |v| {
                v["cpu"] = json!("16384");
                v["memory"] = json!("126976");
            },
            "No Fargate configuration exists for given values: 16384 CPU, 126976 memory. See the Amazon ECS documentation for the valid combinations.",
        ),
        (
            |v| {
                v["cpu"] = json!("128");
            },
            "No Fargate configuration exists for given values: 128 CPU, 512 memory. See the Amazon ECS documentation for the valid combinations.",
        ),
        (
            |v| v["containerDefinitions"][0]["privileged"] = json!(true),
            "Invalid 'privileged' setting for container 'app'. Fargate does not support privileged containers.",
        ),
        (
            |v| v["volumes"] = json!([{"name": "v", "host": {"sourcePath": "/x"}}]),
            "Fargate does not support host volumes with a sourcePath (volume 'v').",
        ),
        (
            |v| v["placementConstraints"] = json!([{"type": "memberOf", "expression": "attribute:ecs.instance-type =~ t2.*"}]),
            "Placement constraints are not supported with FARGATE.",
        ),
        (
            |v| v["pidMode"] = json!("host"),
            "Fargate only supports pidMode 'task'.",
        ),
        (
            |v| v["containerDefinitions"][0]["stopTimeout"] = json!(121),
            "Invalid 'stopTimeout' setting for container 'app'. Fargate supports at most 120 seconds.",
        ),
    ];
    for (i, (edit, msg)) in cases.iter().enumerate() {
        let mut v = fargate();
        edit(&mut v);
        if msg.is_empty() {
            // Units are normalised: "1024 MB" is 1024, a valid pair with 256.
            let n = run(v).unwrap_or_else(|e| panic!("case {i}: {e}"));
            assert_eq!(n.task_definition.memory.as_deref(), Some("1024"));
            continue;
        }
        let e = run(v.clone()).expect_err("rejected");
        assert_eq!(e.code, "ClientException", "case {i}");
        assert_eq!(&e.message, msg, "case {i}");
        // Without requiresCompatibilities FARGATE it registers (when the
        // rest is EC2-valid) and is reported as not Fargate-compatible.
        v.as_object_mut().unwrap().remove("requiresCompatibilities");
        if let Ok(n) = run(v) {
            let c = n.task_definition.compatibilities.unwrap();
            assert!(!c.contains(&Compatibility::Fargate), "case {i}: {c:?}");
        }
    }
    // hostPort must be absent or equal to containerPort (awsvpc rule).
    let mut v = fargate();
    v["containerDefinitions"][0]["portMappings"] = json!([{"containerPort": 80, "hostPort": 8080}]);
    run(v).expect_err("hostPort != containerPort");
    let mut v = fargate();
    v["containerDefinitions"][0]["portMappings"] = json!([{"containerPort": 80, "hostPort": 80}]);
    run(v).unwrap();
    // links are bridge-only (rejected before the Fargate check).
    let mut v = fargate();
    v["containerDefinitions"] = json!([
        {"name": "a", "image": "x", "links": ["b"]},
        {"name": "b", "image": "x"}]);
    run(v).expect_err("links");
    // Every row of the table.
    for (cpu, lo, hi, step) in [
        (512, 1024, 4096, 1024),
        (1024, 2048, 8192, 1024),
        (2048, 4096, 16384, 1024),
        (4096, 8192, 30720, 1024),
        (8192, 16384, 61440, 4096),
        (16384, 32768, 122_880, 8192),
    ] {
        let mut m = lo;
        while m <= hi {
            assert!(fargate_pair_ok(cpu, m), "{cpu}:{m}");
            m += step;
        }
        assert!(!fargate_pair_ok(cpu, lo - step), "{cpu}:{}", lo - step);
        assert!(!fargate_pair_ok(cpu, hi + step), "{cpu}:{}", hi + step);
    }
    for m in [512, 1024, 2048] {
        assert!(fargate_pair_ok(256, m));
    }
    assert!(!fargate_pair_ok(256, 1536));
}
