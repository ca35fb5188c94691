//! Conformance corpus: every real-world task definition in
//! `../shared/taskdefs` is registered through strict parsing and
//! `validate_and_normalize`. Valid ones must pass (except the few real ECS
//! rejects too, listed in `EXPECTED_REJECTIONS`) and their normalised form
//! must contain every field the input set, with an equal value; invalid ones
//! must be rejected with a message naming the problem.

use std::path::{Path, PathBuf};

use gantry_api_types::ecs::RegisterTaskDefinitionRequest;
use gantry_api_types::wire::from_slice_strict;
use gantry_api_types::ApiError;
use gantry_model::taskdef::{parse_task_cpu, parse_task_memory, validate_and_normalize};
use serde_json::Value;

/// Valid-by-botocore files that ECS itself rejects, with a fragment of the
/// expected error message.
const EXPECTED_REJECTIONS: &[(&str, &str)] = &[
    // awsvpc task with no memory at task or container level.
    (
        "ecs-devguide__doc_source__example_task_definitions.md__block8.json",
        "At least one of 'memory' or 'memoryReservation' must be specified",
    ),
    // Templates with unsubstituted placeholders.
    (
        "container-insights__ecs-task-definition-templates__deployment-mode__replica-service__cwagent-prometheus__cwagent-prometheus-task-definition.json",
        "parameter networkMode: unknown variant `{{networkmode}}`",
    ),
    (
        "ecs-agent__agent__functional_tests__testdata__taskdefinitions__iam-roles__task-definition.json",
        "parameter networkMode: unknown variant `$$$NETWORK_MODE$$$`",
    ),
    (
        "ecs-agent__agent__functional_tests__testdata__taskdefinitions__network-stats__task-definition.json",
        "parameter networkMode: unknown variant `$$$NETWORK_MODE$$$`",
    ),
    (
        "ecs-agent__agent__functional_tests__testdata__taskdefinitions__v3-task-endpoint-validator__task-definition.json",
        "parameter networkMode: unknown variant `$$$NETWORK_MODE$$$`",
    ),
    (
        "ecs-agent__agent__functional_tests__testdata__taskdefinitions__telemetry__task-definition.json",
        "'$$$$CPUSHARE$$$$' is not a valid CPU value",
    ),
    // Doc bug: the mount point names a volume the task definition lacks.
    (
        "ecs-devguide__doc_source__tutorial-wfsx-volumes.md__block2.json",
        "sourceVolume 'fsx-windows-dir' does not match any volume",
    ),
    (
        "ecs-devguide__doc_source__wfsx-volumes.md__block1.json",
        "sourceVolume 'fsx-windows-dir' does not match any volume",
    ),
    // 2017 samples: awsvpc with hostPort != containerPort.
    (
        "samples-taskdefs__kibana__kibana_ec2.json",
        "the hostPort (80) must either be left blank or set to the same value as the containerPort (5601)",
    ),
    (
        "samples-taskdefs__tomcat__tomcat_ec2.json",
        "the hostPort (80) must either be left blank or set to the same value as the containerPort (8080)",
    ),
    // 2017 samples: Fargate + awslogs predate execution roles.
    (
        "samples-taskdefs__gunicorn__gunicorn_fargate.json",
        AWSLOGS_NEEDS_ROLE,
    ),
    ("samples-taskdefs__jetty__jetty_fargate.json", AWSLOGS_NEEDS_ROLE),
    ("samples-taskdefs__kibana__kibana_fargate.json", AWSLOGS_NEEDS_ROLE),
    ("samples-taskdefs__nginx__nginx_fargate.json", AWSLOGS_NEEDS_ROLE),
    ("samples-taskdefs__tomcat__tomcat_fargate.json", AWSLOGS_NEEDS_ROLE),
];

const AWSLOGS_NEEDS_ROLE: &str =
    "Fargate requires task definition to have execution role ARN to support log driver awslogs.";

fn corpus_dir() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/taskdefs");
    dir.is_dir().then_some(dir)
}

fn json_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("read corpus dir")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
}

fn register(raw: &[u8]) -> Result<Value, ApiError> {
    let req: RegisterTaskDefinitionRequest = from_slice_strict(raw)?;
    let n = validate_and_normalize(&req, raw.len())?;
    Ok(serde_json::to_value(&n.task_definition).expect("task definition serialises"))
}

/// Every member of `input` must be in `output` with an equal value
/// (recursively for objects; arrays element-wise with equal length).
fn subset(input: &Value, output: &Value, path: &str, problems: &mut Vec<String>) {
    match (input, output) {
        (Value::Object(i), Value::Object(o)) => {
            for (k, iv) in i {
                let p = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                match o.get(k) {
                    None => problems.push(format!("{p}: missing in output")),
                    Some(ov) => subset(iv, ov, &p, problems),
                }
            }
        }
        (Value::Array(i), Value::Array(o)) => {
            if i.len() != o.len() {
                problems.push(format!("{path}: array length {} != {}", i.len(), o.len()));
                return;
            }
            for (n, (iv, ov)) in i.iter().zip(o).enumerate() {
                subset(iv, ov, &format!("{path}[{n}]"), problems);
            }
        }
        (i, o) if i == o => {}
        (i, o) => problems.push(format!("{path}: {i} != {o}")),
    }
}

#[test]
fn valid_corpus_registers_and_round_trips() {
    let Some(dir) = corpus_dir() else {
        eprintln!("!!!!! SKIPPING corpus test: ../shared/taskdefs not found !!!!!");
        return;
    };
    let files = json_files(&dir.join("valid"));
    assert!(!files.is_empty());
    let (mut passed, mut expected_rejected) = (0, 0);
    let mut failures = Vec::new();
    for f in &files {
        let name = f.file_name().and_then(|n| n.to_str()).unwrap_or("");
        let raw = std::fs::read(f).expect("read corpus file");
        let result = register(&raw);
        if let Some((_, want)) = EXPECTED_REJECTIONS.iter().find(|(n, _)| *n == name) {
            match result {
                Err(e) if e.message.contains(want) => expected_rejected += 1,
                Err(e) => failures.push(format!("{name}: wrong error: {e}")),
                Ok(_) => failures.push(format!("{name}: expected rejection, accepted")),
            }
            continue;
        }
        let out = match result {
            Ok(v) => v,
            Err(e) => {
                failures.push(format!("{name}: rejected: {e}"));
                continue;
            }
        };
        let mut input: Value = serde_json::from_slice(&raw).expect("corpus JSON");
        let obj = input.as_object_mut().expect("object");
        obj.remove("tags");
        // Documented normalisation: unit strings become numbers.
        for (key, parse) in [
            ("cpu", parse_task_cpu as fn(&str) -> Option<i64>),
            ("memory", parse_task_memory),
        ] {
            if let Some(Value::String(s)) = obj.get(key) {
                let normalised = parse(s).map(|v| v.to_string());
                if normalised.as_deref() == out.get(key).and_then(Value::as_str) {
                    obj.remove(key);
                }
            }
        }
        let mut problems = Vec::new();
        subset(&input, &out, "", &mut problems);
        if problems.is_empty() {
            passed += 1;
        } else {
            failures.push(format!("{name}: {}", problems.join("; ")));
        }
    }
    eprintln!(
        "valid corpus: {} files, {passed} registered and round-tripped, {expected_rejected} rejected as expected, {} failures",
        files.len(),
        failures.len()
    );
    assert!(failures.is_empty(), "failures:\n{}", failures.join("\n"));
}

/// Invalid files with a second problem that we report before the one on
/// the first line of botocore's report (which lists every problem).
const ALSO_INVALID: &[(&str, &str)] = &[
    // `logConfiguration` is a list instead of an object (and `family` is missing).
    (
        "ecs-devguide__doc_source__secrets-logconfig.md__block1.json",
        "containerDefinitions[0].logConfiguration",
    ),
    (
        "ecs-devguide__doc_source__secrets-logconfig.md__block2.json",
        "containerDefinitions[0].logConfiguration",
    ),
    (
        "ecs-devguide__doc_source__specifying-sensitive-data-parameters.md__block4.json",
        "containerDefinitions[0].logConfiguration",
    ),
    (
        "ecs-devguide__doc_source__specifying-sensitive-data-secrets.md__block12.json",
        "containerDefinitions[0].logConfiguration",
    ),
];

/// The fragment of botocore's report our message must contain.
fn key_of(reason: &str) -> String {
    if let Some(start) = reason.find('"') {
        let rest = &reason[start + 1..];
        if let Some(end) = rest.find('"') {
            return rest[..end].to_string();
        }
    }
    reason
        .split("parameter ")
        .nth(1)
        .and_then(|s| s.split([',', ' ']).next())
        .unwrap_or(reason)
        .to_string()
}

#[test]
fn invalid_corpus_is_rejected() {
    let Some(dir) = corpus_dir() else {
        eprintln!("!!!!! SKIPPING corpus test: ../shared/taskdefs not found !!!!!");
        return;
    };
    let reasons = std::fs::read_to_string(dir.join("invalid/REASONS.tsv")).expect("REASONS.tsv");
    let files = json_files(&dir.join("invalid"));
    let mut failures = Vec::new();
    let mut rejected = 0;
    for f in &files {
        let name = f.file_name().and_then(|n| n.to_str()).unwrap_or("");
        let reason = reasons
            .lines()
            .find_map(|l| l.strip_prefix(name).and_then(|r| r.strip_prefix('\t')))
            .unwrap_or_else(|| panic!("no reason for {name}"));
        let key = key_of(reason);
        let raw = std::fs::read(f).expect("read corpus file");
        match register(&raw) {
            Ok(_) => failures.push(format!("{name}: accepted (botocore: {reason})")),
            Err(e) if e.message.contains(&key) => rejected += 1,
            Err(e)
                if ALSO_INVALID
                    .iter()
                    .any(|(n, k)| *n == name && e.message.contains(k)) =>
            {
                rejected += 1
            }
            Err(e) => failures.push(format!("{name}: message {e:?} does not name '{key}'")),
        }
    }
    eprintln!(
        "invalid corpus: {} files, {rejected} rejected naming the problem, {} failures",
        files.len(),
        failures.len()
    );
    assert_eq!(files.len(), reasons.lines().count());
    assert!(failures.is_empty(), "failures:\n{}", failures.join("\n"));
}
