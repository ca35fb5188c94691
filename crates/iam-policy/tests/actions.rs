//! The operation → authorization-request map, checked against the real
//! botocore models (`../shared/aws-models`) and a table of targeted cases.

use gantry_iam_policy::{
    ecs_requests, logs_requests, ActionRequest, ArnScope, ECS_OPERATIONS, LOGS_OPERATIONS,
};
use serde_json::{json, Map, Value};
use std::collections::BTreeSet;
use std::path::PathBuf;

fn scope() -> ArnScope {
    ArnScope {
        partition: "aws".into(),
        region: "us-east-1".into(),
        account_id: "123456789012".into(),
    }
}

fn model(service: &str) -> Value {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/aws-models")
        .join(service)
        .join("service-2.json");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    serde_json::from_str(&text).expect("model is JSON")
}

/// A minimal valid value for a shape: only required members, first enum
/// value, one-element lists.
fn sample(shapes: &Map<String, Value>, shape: &str, member: &str, depth: usize) -> Value {
    let s = &shapes[shape];
    match s["type"].as_str().unwrap() {
        "structure" if depth < 6 => {
            let mut out = Map::new();
            for req in s
                .get("required")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                let name = req.as_str().unwrap();
                let target = s["members"][name]["shape"].as_str().unwrap();
                out.insert(name.to_string(), sample(shapes, target, name, depth + 1));
            }
            Value::Object(out)
        }
        "structure" | "map" => json!({}),
        "list" => {
            let target = s["member"]["shape"].as_str().unwrap();
            json!([sample(shapes, target, member, depth + 1)])
        }
        "string" => match s.get("enum").and_then(|e| e.get(0)) {
            Some(v) => v.clone(),
            // Members documented as ARNs get a (generic) ARN.
            None if member.contains("Arn") => {
                json!(format!(
                    "arn:aws:ecs:us-east-1:123456789012:sample/{member}"
                ))
            }
            None => json!(format!("sample-{member}")),
        },
        "boolean" => json!(false),
        "integer" | "long" => json!(1),
        "double" | "float" => json!(1.0),
        "timestamp" => json!(0),
        "blob" => json!("c2FtcGxl"),
        other => panic!("unexpected shape type {other}"),
    }
}

fn well_formed_action(a: &str) -> bool {
    let Some((svc, name)) = a.split_once(':') else {
        return false;
    };
    !svc.is_empty()
        && svc.bytes().all(|b| b.is_ascii_lowercase() || b == b'-')
        && !name.is_empty()
        && name.bytes().all(|b| b.is_ascii_alphanumeric())
        && name.as_bytes()[0].is_ascii_uppercase()
}

fn well_formed_resource(r: &str) -> bool {
    r == "*" || (r.starts_with("arn:aws:") && r.splitn(6, ':').count() == 6)
}

type Mapper = fn(&str, &Value, &ArnScope) -> Result<Vec<ActionRequest>, String>;

fn check_model(service: &str, prefix: &str, ops: &[&str], map: Mapper) {
    let m = model(service);
    let shapes = m["shapes"].as_object().unwrap();
    let model_ops: BTreeSet<&str> = m["operations"]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    let ours: BTreeSet<&str> = ops.iter().copied().collect();
    assert_eq!(
        ours.len(),
        ops.len(),
        "{service}: duplicate operation names"
    );
    assert_eq!(
        ours, model_ops,
        "{service}: operation list differs from the model"
    );

    for (op, def) in m["operations"].as_object().unwrap() {
        let body = match def.get("input").and_then(|i| i["shape"].as_str()) {
            Some(shape) => sample(shapes, shape, "", 0),
            None => json!({}),
        };
        let reqs = map(op, &body, &scope()).unwrap_or_else(|e| panic!("{op}: {e}"));
        assert!(!reqs.is_empty(), "{op}: no requests");
        assert_eq!(
            reqs[0].action,
            format!("{prefix}:{op}"),
            "{op}: first request is the operation's action"
        );
        for r in &reqs {
            assert!(
                well_formed_action(&r.action),
                "{op}: bad action {}",
                r.action
            );
            assert!(
                !r.resources.is_empty(),
                "{op}: {} has no resources",
                r.action
            );
            for res in &r.resources {
                assert!(
                    well_formed_resource(res),
                    "{op}: bad resource {res} (body {body})"
                );
            }
        }
    }
}

#[test]
fn ecs_operations_match_model_and_all_map() {
    check_model("ecs", "ecs", ECS_OPERATIONS, ecs_requests);
}

#[test]
fn logs_operations_match_model_and_all_map() {
    check_model("logs", "logs", LOGS_OPERATIONS, logs_requests);
}

#[test]
fn unknown_operations_are_errors() {
    assert!(ecs_requests("RunTasks", &json!({}), &scope()).is_err());
    assert!(logs_requests("PutLogEvent", &json!({}), &scope()).is_err());
    assert!(ecs_requests("PutLogEvents", &json!({}), &scope()).is_err());
}

// ---------------------------------------------------------------------------
// Targeted mappings

/// One expected request: action, resources, and context keys that must be
/// present with exactly these values.
type Expected = (
    &'static str,
    &'static [&'static str],
    &'static [(&'static str, &'static [&'static str])],
);

struct Case {
    service: &'static str,
    op: &'static str,
    body: &'static str,
    expect: &'static [Expected],
}

#[rustfmt::skip]
const CASES: &[Case] = &[
    Case { service: "ecs", op: "CreateCluster", body: r#"{"clusterName":"jobs"}"#,
        expect: &[("ecs:CreateCluster", &["arn:aws:ecs:us-east-1:123456789012:cluster/jobs"], &[])] },
    Case { service: "ecs", op: "CreateCluster", body: r#"{}"#,
        expect: &[("ecs:CreateCluster", &["arn:aws:ecs:us-east-1:123456789012:cluster/default"], &[])] },
    Case { service: "ecs", op: "CreateCluster", body: r#"{"clusterName":"jobs","tags":[{"key":"env","value":"prod"},{"key":"team","value":"a"}],"capacityProviders":["FARGATE"]}"#,
        expect: &[
            ("ecs:CreateCluster", &["arn:aws:ecs:us-east-1:123456789012:cluster/jobs"],
                &[("aws:RequestTag/env", &["prod"]), ("aws:TagKeys", &["env", "team"]),
                  ("ecs:capacity-provider", &["arn:aws:ecs:us-east-1:123456789012:capacity-provider/FARGATE"])]),
            ("ecs:TagResource", &["arn:aws:ecs:us-east-1:123456789012:cluster/jobs"],
                &[("ecs:CreateAction", &["CreateCluster"]), ("aws:TagKeys", &["env", "team"])]),
        ] },
    Case { service: "ecs", op: "ListClusters", body: r#"{}"#, expect: &[("ecs:ListClusters", &["*"], &[])] },
    Case { service: "ecs", op: "DescribeClusters", body: r#"{"clusters":["a","arn:aws:ecs:us-east-1:123456789012:cluster/b"]}"#,
        expect: &[("ecs:DescribeClusters", &["arn:aws:ecs:us-east-1:123456789012:cluster/a", "arn:aws:ecs:us-east-1:123456789012:cluster/b"], &[])] },
    Case { service: "ecs", op: "DescribeClusters", body: r#"{}"#,
        expect: &[("ecs:DescribeClusters", &["arn:aws:ecs:us-east-1:123456789012:cluster/default"], &[])] },
    Case { service: "ecs", op: "RunTask", body: r#"{"cluster":"jobs","taskDefinition":"batch:3"}"#,
        expect: &[("ecs:RunTask", &["arn:aws:ecs:us-east-1:123456789012:task-definition/batch:3"],
            &[("ecs:cluster", &["arn:aws:ecs:us-east-1:123456789012:cluster/jobs"])])] },
    Case { service: "ecs", op: "RunTask", body: r#"{"taskDefinition":"batch"}"#,
        expect: &[("ecs:RunTask", &["arn:aws:ecs:us-east-1:123456789012:task-definition/batch:*"],
            &[("ecs:cluster", &["arn:aws:ecs:us-east-1:123456789012:cluster/default"])])] },
    Case { service: "ecs", op: "RunTask", body: r#"{"cluster":"arn:aws:ecs:us-east-1:123456789012:cluster/jobs","taskDefinition":"arn:aws:ecs:us-east-1:123456789012:task-definition/batch:9",
            "overrides":{"taskRoleArn":"arn:aws:iam::123456789012:role/batch-task","executionRoleArn":"execRole"},
            "capacityProviderStrategy":[{"capacityProvider":"spot"}],"enableExecuteCommand":true,"tags":[{"key":"k","value":"v"}]}"#,
        expect: &[
            ("ecs:RunTask", &["arn:aws:ecs:us-east-1:123456789012:task-definition/batch:9"],
                &[("ecs:cluster", &["arn:aws:ecs:us-east-1:123456789012:cluster/jobs"]),
                  ("ecs:capacity-provider", &["arn:aws:ecs:us-east-1:123456789012:capacity-provider/spot"]),
                  ("ecs:enable-execute-command", &["true"]), ("aws:RequestTag/k", &["v"]), ("aws:TagKeys", &["k"])]),
            ("ecs:TagResource", &["arn:aws:ecs:us-east-1:123456789012:task/jobs/*"], &[("ecs:CreateAction", &["RunTask"])]),
            ("iam:PassRole", &["arn:aws:iam::123456789012:role/batch-task"], &[("iam:PassedToService", &["ecs-tasks.amazonaws.com"])]),
            ("iam:PassRole", &["arn:aws:iam::123456789012:role/execRole"], &[("iam:PassedToService", &["ecs-tasks.amazonaws.com"])]),
        ] },
    Case { service: "ecs", op: "StartTask", body: r#"{"cluster":"c","taskDefinition":"t:1","containerInstances":["0123","container-instance/c/0456"]}"#,
        expect: &[("ecs:StartTask", &["arn:aws:ecs:us-east-1:123456789012:task-definition/t:1"],
            &[("ecs:cluster", &["arn:aws:ecs:us-east-1:123456789012:cluster/c"]),
              ("ecs:container-instances", &["arn:aws:ecs:us-east-1:123456789012:container-instance/c/0123", "arn:aws:ecs:us-east-1:123456789012:container-instance/c/0456"])])] },
    Case { service: "ecs", op: "RegisterTaskDefinition", body: r#"{"family":"web","taskRoleArn":"app","executionRoleArn":"arn:aws:iam::123456789012:role/path/exec","cpu":"256","memory":"512",
            "requiresCompatibilities":["EC2"],"containerDefinitions":[{"name":"a","image":"i","privileged":true}]}"#,
        expect: &[
            ("ecs:RegisterTaskDefinition", &["arn:aws:ecs:us-east-1:123456789012:task-definition/web:*"],
                &[("ecs:task-cpu", &["256"]), ("ecs:task-memory", &["512"]), ("ecs:privileged", &["true"]), ("ecs:compute-compatibility", &["EC2"])]),
            ("iam:PassRole", &["arn:aws:iam::123456789012:role/app"], &[("iam:PassedToService", &["ecs-tasks.amazonaws.com"])]),
            ("iam:PassRole", &["arn:aws:iam::123456789012:role/path/exec"], &[("iam:PassedToService", &["ecs-tasks.amazonaws.com"])]),
        ] },
    Case { service: "ecs", op: "DescribeTaskDefinition", body: r#"{"taskDefinition":"web:1"}"#, expect: &[("ecs:DescribeTaskDefinition", &["*"], &[])] },
    Case { service: "ecs", op: "DeleteTaskDefinitions", body: r#"{"taskDefinitions":["web:1","arn:aws:ecs:us-east-1:123456789012:task-definition/db:2"]}"#,
        expect: &[("ecs:DeleteTaskDefinitions", &["arn:aws:ecs:us-east-1:123456789012:task-definition/web:1", "arn:aws:ecs:us-east-1:123456789012:task-definition/db:2"], &[])] },
    Case { service: "ecs", op: "DescribeTasks", body: r#"{"cluster":"jobs","tasks":["abc","arn:aws:ecs:us-east-1:123456789012:task/def","arn:aws:ecs:us-east-1:123456789012:task/other/ghi"]}"#,
        expect: &[("ecs:DescribeTasks", &["arn:aws:ecs:us-east-1:123456789012:task/jobs/abc", "arn:aws:ecs:us-east-1:123456789012:task/jobs/def", "arn:aws:ecs:us-east-1:123456789012:task/other/ghi"],
            &[("ecs:cluster", &["arn:aws:ecs:us-east-1:123456789012:cluster/jobs"])])] },
    Case { service: "ecs", op: "StopTask", body: r#"{"cluster":"c","task":"arn:aws:ecs:eu-west-1:999999999999:task/x/abc"}"#,
        expect: &[("ecs:StopTask", &["arn:aws:ecs:eu-west-1:999999999999:task/x/abc"], &[])] },
    Case { service: "ecs", op: "StopTask", body: r#"{"cluster":"c","task":"arn:aws:ecs:eu-west-1:999999999999:task/abc"}"#,
        expect: &[("ecs:StopTask", &["arn:aws:ecs:eu-west-1:999999999999:task/c/abc"], &[])] },
    Case { service: "ecs", op: "StopTask", body: r#"{"task":"abc"}"#,
        expect: &[("ecs:StopTask", &["arn:aws:ecs:us-east-1:123456789012:task/default/abc"], &[("ecs:cluster", &["arn:aws:ecs:us-east-1:123456789012:cluster/default"])])] },
    Case { service: "ecs", op: "ListTasks", body: r#"{"cluster":"jobs"}"#,
        expect: &[("ecs:ListTasks", &["*"], &[("ecs:cluster", &["arn:aws:ecs:us-east-1:123456789012:cluster/jobs"])])] },
    Case { service: "ecs", op: "ListServices", body: r#"{}"#,
        expect: &[("ecs:ListServices", &["*"], &[("ecs:cluster", &["arn:aws:ecs:us-east-1:123456789012:cluster/default"])])] },
    Case { service: "ecs", op: "CreateService", body: r#"{"cluster":"web","serviceName":"api","taskDefinition":"api:4","role":"ecsServiceRole",
            "networkConfiguration":{"awsvpcConfiguration":{"subnets":["s-1","s-2"],"assignPublicIp":"ENABLED"}}}"#,
        expect: &[
            ("ecs:CreateService", &["arn:aws:ecs:us-east-1:123456789012:service/web/api"],
                &[("ecs:cluster", &["arn:aws:ecs:us-east-1:123456789012:cluster/web"]),
                  ("ecs:task-definition", &["arn:aws:ecs:us-east-1:123456789012:task-definition/api:4"]),
                  ("ecs:subnet", &["s-1", "s-2"]), ("ecs:auto-assign-public-ip", &["true"])]),
            ("iam:PassRole", &["arn:aws:iam::123456789012:role/ecsServiceRole"], &[("iam:PassedToService", &["ecs.amazonaws.com"])]),
        ] },
    Case { service: "ecs", op: "UpdateService", body: r#"{"cluster":"web","service":"arn:aws:ecs:us-east-1:123456789012:service/web/api","desiredCount":2}"#,
        expect: &[("ecs:UpdateService", &["arn:aws:ecs:us-east-1:123456789012:service/web/api"], &[("ecs:cluster", &["arn:aws:ecs:us-east-1:123456789012:cluster/web"])])] },
    Case { service: "ecs", op: "DescribeServices", body: r#"{"cluster":"web","services":["api","worker"]}"#,
        expect: &[("ecs:DescribeServices", &["arn:aws:ecs:us-east-1:123456789012:service/web/api", "arn:aws:ecs:us-east-1:123456789012:service/web/worker"], &[])] },
    Case { service: "ecs", op: "DescribeContainerInstances", body: r#"{"cluster":"c","containerInstances":["i1"]}"#,
        expect: &[("ecs:DescribeContainerInstances", &["arn:aws:ecs:us-east-1:123456789012:container-instance/c/i1"], &[])] },
    Case { service: "ecs", op: "PutAttributes", body: r#"{"cluster":"c","attributes":[{"name":"a","targetId":"i1"},{"name":"b"}]}"#,
        expect: &[("ecs:PutAttributes", &["arn:aws:ecs:us-east-1:123456789012:container-instance/c/i1", "arn:aws:ecs:us-east-1:123456789012:cluster/c"], &[])] },
    Case { service: "ecs", op: "RegisterContainerInstance", body: r#"{"cluster":"c"}"#,
        expect: &[("ecs:RegisterContainerInstance", &["arn:aws:ecs:us-east-1:123456789012:cluster/c"], &[])] },
    Case { service: "ecs", op: "TagResource", body: r#"{"resourceArn":"arn:aws:ecs:us-east-1:123456789012:cluster/c","tags":[{"key":"a","value":"1"}]}"#,
        expect: &[("ecs:TagResource", &["arn:aws:ecs:us-east-1:123456789012:cluster/c"], &[("aws:RequestTag/a", &["1"]), ("aws:TagKeys", &["a"])])] },
    Case { service: "ecs", op: "UntagResource", body: r#"{"resourceArn":"arn:aws:ecs:us-east-1:123456789012:cluster/c","tagKeys":["a","b"]}"#,
        expect: &[("ecs:UntagResource", &["arn:aws:ecs:us-east-1:123456789012:cluster/c"], &[("aws:TagKeys", &["a", "b"])])] },
    Case { service: "ecs", op: "PutAccountSetting", body: r#"{"name":"containerInsights","value":"enabled"}"#,
        expect: &[("ecs:PutAccountSetting", &["*"], &[("ecs:account-setting", &["containerInsights"])])] },
    Case { service: "ecs", op: "ExecuteCommand", body: r#"{"cluster":"c","task":"t1","container":"app","command":"sh","interactive":true}"#,
        expect: &[("ecs:ExecuteCommand", &["arn:aws:ecs:us-east-1:123456789012:cluster/c", "arn:aws:ecs:us-east-1:123456789012:task/c/t1"],
            &[("ecs:task", &["arn:aws:ecs:us-east-1:123456789012:task/c/t1"]), ("ecs:container-name", &["app"])])] },
    Case { service: "ecs", op: "CreateCapacityProvider", body: r#"{"name":"cp1"}"#,
        expect: &[("ecs:CreateCapacityProvider", &["arn:aws:ecs:us-east-1:123456789012:capacity-provider/cp1"], &[])] },

    // ---- Logs
    Case { service: "logs", op: "CreateLogGroup", body: r#"{"logGroupName":"/ecs/app","tags":{"team":"a"}}"#,
        expect: &[("logs:CreateLogGroup", &["arn:aws:logs:us-east-1:123456789012:log-group:/ecs/app:*"], &[("aws:RequestTag/team", &["a"]), ("aws:TagKeys", &["team"])])] },
    Case { service: "logs", op: "PutLogEvents", body: r#"{"logGroupName":"/ecs/app","logStreamName":"web/app/abc","logEvents":[]}"#,
        expect: &[("logs:PutLogEvents", &["arn:aws:logs:us-east-1:123456789012:log-group:/ecs/app:log-stream:web/app/abc"], &[])] },
    Case { service: "logs", op: "GetLogEvents", body: r#"{"logGroupIdentifier":"arn:aws:logs:us-east-1:123456789012:log-group:/ecs/app:*","logStreamName":"s"}"#,
        expect: &[("logs:GetLogEvents", &["arn:aws:logs:us-east-1:123456789012:log-group:/ecs/app:log-stream:s"], &[])] },
    Case { service: "logs", op: "FilterLogEvents", body: r#"{"logGroupIdentifier":"arn:aws:logs:us-east-1:123456789012:log-group:/ecs/app"}"#,
        expect: &[("logs:FilterLogEvents", &["arn:aws:logs:us-east-1:123456789012:log-group:/ecs/app:*"], &[])] },
    Case { service: "logs", op: "DescribeLogGroups", body: r#"{"logGroupNamePrefix":"/ecs"}"#, expect: &[("logs:DescribeLogGroups", &["*"], &[])] },
    Case { service: "logs", op: "DescribeLogStreams", body: r#"{"logGroupName":"g"}"#,
        expect: &[("logs:DescribeLogStreams", &["arn:aws:logs:us-east-1:123456789012:log-group:g:*"], &[])] },
    Case { service: "logs", op: "StartQuery", body: r#"{"logGroupNames":["a","b"],"startTime":0,"endTime":1,"queryString":"fields @message"}"#,
        expect: &[("logs:StartQuery", &["arn:aws:logs:us-east-1:123456789012:log-group:a:*", "arn:aws:logs:us-east-1:123456789012:log-group:b:*"], &[])] },
    Case { service: "logs", op: "PutSubscriptionFilter", body: r#"{"logGroupName":"g","filterName":"f","filterPattern":"","destinationArn":"arn:aws:kinesis:us-east-1:123456789012:stream/s","roleArn":"cwl"}"#,
        expect: &[("logs:PutSubscriptionFilter", &["arn:aws:logs:us-east-1:123456789012:log-group:g:*"], &[]),
                  ("iam:PassRole", &["arn:aws:iam::123456789012:role/cwl"], &[("iam:PassedToService", &["logs.amazonaws.com"])])] },
    Case { service: "logs", op: "UntagLogGroup", body: r#"{"logGroupName":"g","tags":["a"]}"#,
        expect: &[("logs:UntagLogGroup", &["arn:aws:logs:us-east-1:123456789012:log-group:g:*"], &[("aws:TagKeys", &["a"])])] },
];

#[test]
fn mapping_table() {
    let mut failures = Vec::new();
    for case in CASES {
        let body: Value = serde_json::from_str(case.body).expect("case body is JSON");
        let got = match case.service {
            "ecs" => ecs_requests(case.op, &body, &scope()),
            _ => logs_requests(case.op, &body, &scope()),
        }
        .unwrap_or_else(|e| panic!("{}: {e}", case.op));
        let label = format!("{} {}", case.op, case.body);
        if got.len() != case.expect.len() {
            failures.push(format!(
                "{label}: expected {} requests, got {got:#?}",
                case.expect.len()
            ));
            continue;
        }
        for (r, (action, resources, keys)) in got.iter().zip(case.expect) {
            if r.action != *action || r.resources != *resources {
                failures.push(format!(
                    "{label}: expected {action} on {resources:?}, got {} on {:?}",
                    r.action, r.resources
                ));
            }
            for (k, v) in *keys {
                let want: Vec<String> = v.iter().map(|s| s.to_string()).collect();
                if r.context.get(k) != Some(&want[..]) {
                    failures.push(format!(
                        "{label}: {action} context {k}: expected {want:?}, got {:?}",
                        r.context.get(k)
                    ));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
