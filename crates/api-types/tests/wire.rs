//! Round-trip and strict-parsing tests for the generated ECS wire types.

use gantry_api_types::ecs::{
    Cluster, DescribeClustersResponse, NetworkMode, Operation, RegisterTaskDefinitionRequest,
    TransportProtocol, OPERATIONS, TARGET_PREFIX,
};
use gantry_api_types::wire::from_slice_strict;
use serde_json::json;

fn sample_request() -> serde_json::Value {
    json!({
        "family": "web",
        "networkMode": "awsvpc",
        "requiresCompatibilities": ["FARGATE"],
        "cpu": "256",
        "memory": "512",
        "executionRoleArn": "arn:aws:iam::123456789012:role/exec",
        "containerDefinitions": [{
            "name": "web",
            "image": "nginx:latest",
            "cpu": 0,
            "essential": true,
            "portMappings": [{"containerPort": 80, "hostPort": 80, "protocol": "tcp"}],
            "environment": [{"name": "A", "value": "b"}],
            "dockerLabels": {"x": "y"},
            "healthCheck": {"command": ["CMD-SHELL", "true"], "interval": 30},
            "logConfiguration": {"logDriver": "awslogs", "options": {"awslogs-group": "g"}}
        }],
        "tags": [{"key": "k", "value": "v"}]
    })
}

#[test]
fn register_request_round_trips() {
    let v = sample_request();
    let req: RegisterTaskDefinitionRequest = serde_json::from_value(v.clone()).unwrap();
    assert_eq!(req.family, "web");
    assert_eq!(req.network_mode, Some(NetworkMode::Awsvpc));
    let pm = &req.container_definitions[0].port_mappings.as_ref().unwrap()[0];
    assert_eq!(pm.protocol, Some(TransportProtocol::Tcp));
    assert_eq!(serde_json::to_value(&req).unwrap(), v);
}

#[test]
fn missing_required_member_fails() {
    let mut v = sample_request();
    v.as_object_mut().unwrap().remove("family");
    assert!(serde_json::from_value::<RegisterTaskDefinitionRequest>(v.clone()).is_err());
    let err =
        from_slice_strict::<RegisterTaskDefinitionRequest>(v.to_string().as_bytes()).unwrap_err();
    assert_eq!(err.code, "SerializationException");
    assert!(err.message.contains("\"family\""), "{}", err.message);
}

#[test]
fn describe_clusters_response_uses_exact_names() {
    let resp = DescribeClustersResponse {
        clusters: Some(vec![Cluster {
            cluster_arn: Some("arn:aws:ecs:us-east-1:123456789012:cluster/default".into()),
            cluster_name: Some("default".into()),
            status: Some("ACTIVE".into()),
            registered_container_instances_count: Some(1),
            running_tasks_count: Some(2),
            pending_tasks_count: Some(0),
            active_services_count: Some(3),
            ..Default::default()
        }]),
        failures: Some(vec![]),
    };
    let v = serde_json::to_value(&resp).unwrap();
    assert_eq!(
        v,
        json!({
            "clusters": [{
                "clusterArn": "arn:aws:ecs:us-east-1:123456789012:cluster/default",
                "clusterName": "default",
                "status": "ACTIVE",
                "registeredContainerInstancesCount": 1,
                "runningTasksCount": 2,
                "pendingTasksCount": 0,
                "activeServicesCount": 3
            }],
            "failures": []
        })
    );
}

#[test]
fn strict_parse_names_the_offending_parameter() {
    let mut v = sample_request();
    v["containerDefinitions"][0]["portBindings"] = json!([]);
    let e =
        from_slice_strict::<RegisterTaskDefinitionRequest>(v.to_string().as_bytes()).unwrap_err();
    assert_eq!(
        e.message,
        "Unknown parameter in containerDefinitions[0]: \"portBindings\""
    );

    let mut v = sample_request();
    v["containerDefinitions"][0]["portMappings"] = json!({"containerPort": 80});
    let e =
        from_slice_strict::<RegisterTaskDefinitionRequest>(v.to_string().as_bytes()).unwrap_err();
    assert!(
        e.message.contains("containerDefinitions[0].portMappings"),
        "{}",
        e.message
    );

    let mut v = sample_request();
    v["networkMode"] = json!(null);
    let e =
        from_slice_strict::<RegisterTaskDefinitionRequest>(v.to_string().as_bytes()).unwrap_err();
    assert_eq!(
        e.message,
        "Invalid type for parameter networkMode, value: None"
    );

    let mut v = sample_request();
    v["networkMode"] = json!("bogus");
    let e =
        from_slice_strict::<RegisterTaskDefinitionRequest>(v.to_string().as_bytes()).unwrap_err();
    assert!(e.message.contains("networkMode"), "{}", e.message);

    let ok =
        from_slice_strict::<RegisterTaskDefinitionRequest>(sample_request().to_string().as_bytes());
    assert!(ok.is_ok());
}

#[test]
fn operations_and_targets() {
    assert_eq!(TARGET_PREFIX, "AmazonEC2ContainerServiceV20141113");
    assert!(OPERATIONS.contains(&"RunTask"));
    let op = Operation::from_target("AmazonEC2ContainerServiceV20141113.RunTask").unwrap();
    assert_eq!(op, Operation::RunTask);
    assert_eq!(op.input_shape(), Some("RunTaskRequest"));
    assert_eq!(
        gantry_api_types::ecs::operation_shapes("DescribeClusters"),
        Some(("DescribeClustersRequest", "DescribeClustersResponse"))
    );
    assert_eq!(Operation::from_name("Nope"), None);
    assert_eq!(NetworkMode::Awsvpc.as_str(), "awsvpc");
    assert_eq!(gantry_api_types::logs::TARGET_PREFIX, "Logs_20140328");
}

#[test]
fn timestamps_are_epoch_seconds() {
    let td: gantry_api_types::ecs::TaskDefinition =
        serde_json::from_value(json!({"registeredAt": 1449262185.773})).unwrap();
    assert_eq!(td.registered_at, Some(1449262185.773));
}

/// A valid request takes the one-pass path; what it yields is serde's own
/// parse, and unknown members anywhere (top level, in a list of
/// structures, beside free-form maps) are still refused by name.
#[test]
fn strict_parse_of_valid_and_unknown_members() {
    let v = sample_request();
    let strict: RegisterTaskDefinitionRequest =
        from_slice_strict(v.to_string().as_bytes()).unwrap();
    assert_eq!(serde_json::to_value(&strict).unwrap(), v);

    let unknown = |edit: &dyn Fn(&mut serde_json::Value)| {
        let mut v = sample_request();
        edit(&mut v);
        from_slice_strict::<RegisterTaskDefinitionRequest>(v.to_string().as_bytes())
            .unwrap_err()
            .message
    };
    assert_eq!(
        unknown(&|v| v["bogus"] = json!(1)),
        "Unknown parameter in input: \"bogus\""
    );
    assert_eq!(
        unknown(&|v| v["tags"][0]["extra"] = json!("x")),
        "Unknown parameter in tags[0]: \"extra\""
    );
    assert_eq!(
        unknown(&|v| v["containerDefinitions"][0]["logConfiguration"]["driver"] = json!("x")),
        "Unknown parameter in containerDefinitions[0].logConfiguration: \"driver\""
    );
}

/// Bodies the tree-free path takes (no `null` anywhere, an object) and
/// bodies it leaves to the tree path give the same answer as the tree path
/// alone: the same request, or the same error.
#[test]
fn plain_and_tree_paths_agree() {
    let tree = |body: &str| {
        serde_json::from_str::<serde_json::Value>(body)
            .map_err(|e| e.to_string())
            .and_then(|v| {
                gantry_api_types::wire::from_value_strict::<RegisterTaskDefinitionRequest>(v)
                    .map_err(|e| e.message)
            })
            .map(|r| serde_json::to_value(r).unwrap())
    };
    let both = |body: &str| {
        let direct = from_slice_strict::<RegisterTaskDefinitionRequest>(body.as_bytes())
            .map(|r| serde_json::to_value(r).unwrap())
            .map_err(|e| e.message);
        (direct, tree(body))
    };
    let mut with_word = sample_request();
    with_word["family"] = json!("nullable");
    let valid = sample_request().to_string();
    let spaced = format!("  \n{valid}\n");
    let duplicated = valid.replacen('{', "{\"family\": \"first\",", 1);
    for body in [
        valid.clone(),
        spaced,
        with_word.to_string(),
        duplicated,
        valid.replacen('{', "{\"bogus\": 1,", 1),
        valid.replacen("\"family\"", "\"family\": 3, \"x\"", 1),
    ] {
        let (direct, tree) = both(&body);
        assert_eq!(direct, tree, "{body}");
    }
    // What only a parse of the whole body refuses.
    let arr = format!("[{valid}]");
    assert_eq!(
        from_slice_strict::<RegisterTaskDefinitionRequest>(arr.as_bytes())
            .unwrap_err()
            .message,
        "Request body must be a JSON object."
    );
    let trailing = format!("{valid} x");
    assert!(
        from_slice_strict::<RegisterTaskDefinitionRequest>(trailing.as_bytes())
            .unwrap_err()
            .message
            .starts_with("Invalid JSON in request body")
    );
    assert_eq!(
        from_slice_strict::<RegisterTaskDefinitionRequest>(
            b"{\"family\": \"nullable\", \"containerDefinitions\": []}"
        )
        .unwrap()
        .family,
        "nullable"
    );
}
