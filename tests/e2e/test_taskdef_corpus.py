"""Conformance corpus: shared/taskdefs/{valid,invalid}.

* every file in valid/ registers and describes back equal on every field it set,
  except the files listed in EXPECTED_REJECTIONS (real ECS rejects them on
  server-side rules that botocore's client-side validation does not check);
* every file in invalid/ is rejected with HTTP 400 and a message. These are sent
  as raw signed requests (the JSON exactly as in the file), i.e. what a client
  with parameter validation turned off would send.
"""

from __future__ import annotations

import json
import pathlib
import re

import pytest

from conftest import ResponseRecorder
from model_validator import shared_dir

CORPUS = shared_dir() / "taskdefs"
VALID = sorted((CORPUS / "valid").glob("*.json"))
INVALID = sorted((CORPUS / "invalid").glob("*.json"))

REJECT_CODES = {"ClientException", "InvalidParameterException"}

# The single list of valid/ files that real ECS rejects at RegisterTaskDefinition.
# file name -> (accepted error codes, reason)
_FARGATE_AWSLOGS = (
    REJECT_CODES,
    "FARGATE + awslogs log driver without executionRoleArn "
    "('Fargate requires task definition to have execution role ARN to support log driver awslogs.')",
)
_AWSVPC_PORTS = (REJECT_CODES, "networkMode awsvpc with hostPort != containerPort")
_TEMPLATE = (REJECT_CODES | {"SerializationException"}, "un-rendered template: networkMode/launch type placeholder is not a valid enum value")
EXPECTED_REJECTIONS = {
    "container-insights__ecs-task-definition-templates__deployment-mode__replica-service__cwagent-prometheus__cwagent-prometheus-task-definition.json": (
        _TEMPLATE[0], "un-rendered template: family '{{...}}' has illegal characters; networkMode/requiresCompatibilities are not valid enum values"),
    "ecs-agent__agent__functional_tests__testdata__taskdefinitions__iam-roles__task-definition.json": _TEMPLATE,
    "ecs-agent__agent__functional_tests__testdata__taskdefinitions__network-stats__task-definition.json": _TEMPLATE,
    "ecs-agent__agent__functional_tests__testdata__taskdefinitions__v3-task-endpoint-validator__task-definition.json": _TEMPLATE,
    "ecs-agent__agent__functional_tests__testdata__taskdefinitions__telemetry__task-definition.json": (
        REJECT_CODES, "un-rendered template: task cpu '$$$$CPUSHARE$$$$' is not a CPU value"),
    "ecs-devguide__doc_source__example_task_definitions.md__block8.json": (
        REJECT_CODES, "EC2-compatible (no requiresCompatibilities) and no memory at task level nor in any container"),
    "ecs-devguide__doc_source__wfsx-volumes.md__block1.json": (
        REJECT_CODES, "mountPoints[].sourceVolume 'fsx-windows-dir' names no volume (volume is 'fsx-windows-vol')"),
    "ecs-devguide__doc_source__tutorial-wfsx-volumes.md__block2.json": (
        REJECT_CODES, "mountPoints[].sourceVolume 'fsx-windows-dir' names no volume"),
    "samples-taskdefs__gunicorn__gunicorn_fargate.json": _FARGATE_AWSLOGS,
    "samples-taskdefs__jetty__jetty_fargate.json": _FARGATE_AWSLOGS,
    "samples-taskdefs__kibana__kibana_fargate.json": _FARGATE_AWSLOGS,
    "samples-taskdefs__nginx__nginx_fargate.json": _FARGATE_AWSLOGS,
    "samples-taskdefs__tomcat__tomcat_fargate.json": _FARGATE_AWSLOGS,
    "samples-taskdefs__kibana__kibana_ec2.json": _AWSVPC_PORTS,
    "samples-taskdefs__tomcat__tomcat_ec2.json": _AWSVPC_PORTS,
}

# Files where accepting and rejecting are both defensible (documented, not enforced).
EITHER = {
    # healthCheck.command starts with "powershell" instead of CMD/CMD-SHELL; the
    # ECS agent's functional tests registered it against real ECS (Windows).
    "ecs-agent__agent__functional_tests__testdata__taskdefinitions__container-ordering-healthy-windows__task-definition.json",
}


def test_corpus_present():
    assert len(VALID) == 215, f"expected 215 valid files in {CORPUS}, found {len(VALID)}"
    assert len(INVALID) == 32
    names = {p.name for p in VALID}
    missing = (set(EXPECTED_REJECTIONS) | EITHER) - names
    assert not missing, f"EXPECTED_REJECTIONS names unknown files: {missing}"


# ----------------------------------------------------------------- normalisation
_UNIT = re.compile(r"^\s*(\d+(?:\.\d+)?|\.\d+)\s*(vcpu|gb)?\s*$", re.I)


def normalise_units(value: str) -> str:
    """ECS normalises task cpu/memory: '1 vCPU' -> '1024', '.5 GB' -> '512', '512' -> '512'."""
    m = _UNIT.match(str(value))
    if not m:
        return str(value)
    n = float(m.group(1))
    if m.group(2):
        n *= 1024
    return str(int(round(n)))


def subset_diff(expected, actual, path="$"):
    """Every value set in `expected` must appear in `actual` (recursively).
    Empty lists/maps in the input may be omitted in the output."""
    diffs = []
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            return [f"{path}: expected object, got {actual!r}"]
        for k, v in expected.items():
            if k not in actual:
                if v in ([], {}):
                    continue
                diffs.append(f"{path}.{k}: missing (sent {v!r})")
                continue
            diffs.extend(subset_diff(v, actual[k], f"{path}.{k}"))
    elif isinstance(expected, list):
        if not isinstance(actual, list) or len(actual) != len(expected):
            return [f"{path}: expected list {expected!r}, got {actual!r}"]
        for i, (e, a) in enumerate(zip(expected, actual)):
            diffs.extend(subset_diff(e, a, f"{path}[{i}]"))
    else:
        if expected != actual:
            diffs.append(f"{path}: sent {expected!r}, got {actual!r}")
    return diffs


def expected_echo(doc: dict, account: str) -> dict:
    exp = json.loads(json.dumps(doc))
    exp.pop("tags", None)  # returned beside the task definition, checked separately
    for k in ("cpu", "memory"):
        if k in exp:
            exp[k] = normalise_units(exp[k])
    return exp


def compare_taskdef(doc: dict, td: dict, account: str):
    exp = expected_echo(doc, account)
    act = json.loads(json.dumps(td, default=str))
    # role names may be expanded to full role ARNs
    for k in ("taskRoleArn", "executionRoleArn"):
        if k in exp and k in act and exp[k] != act[k] and act[k].endswith(":role/" + exp[k].split("/")[-1]):
            exp[k] = act[k]
    # an explicit networkMode "bridge" may be echoed or omitted (bridge is the default)
    if exp.get("networkMode") == "bridge" and "networkMode" not in act:
        exp.pop("networkMode")
    return subset_diff(exp, act)


# ----------------------------------------------------------------------- tests
@pytest.fixture(scope="module")
def corpus_client(gantry):
    rec = ResponseRecorder()
    return gantry.client(recorder=rec), rec


@pytest.mark.parametrize("path", VALID, ids=[p.name[:100] for p in VALID])
def test_valid_corpus(path: pathlib.Path, corpus_client, gantry):
    ecs, rec = corpus_client
    rec.failures.clear()
    doc = json.loads(path.read_text())
    name = path.name
    if name in EXPECTED_REJECTIONS:
        codes, reason = EXPECTED_REJECTIONS[name]
        with pytest.raises(ecs.exceptions.ClientError) as ei:
            ecs.register_task_definition(**doc)
        err = ei.value.response["Error"]
        assert err["Code"] in codes, f"{reason}: got {err}"
        assert ei.value.response["ResponseMetadata"]["HTTPStatusCode"] == 400
        assert err.get("Message"), "rejection without a message"
        assert not rec.failures, rec.failures
        return
    try:
        out = ecs.register_task_definition(**doc)
    except ecs.exceptions.ClientError as e:
        if name in EITHER:
            pytest.skip(f"rejected (allowed): {e}")
        raise
    td = out["taskDefinition"]
    arn = td["taskDefinitionArn"]
    try:
        assert td["status"] == "ACTIVE"
        assert td["family"] == doc["family"]
        assert arn == f"arn:aws:ecs:us-east-1:{gantry.account_id}:task-definition/{doc['family']}:{td['revision']}"
        diffs = compare_taskdef(doc, td, gantry.account_id)
        assert not diffs, "RegisterTaskDefinition response differs from input:\n" + "\n".join(diffs)

        desc = ecs.describe_task_definition(taskDefinition=arn, include=["TAGS"])
        diffs = compare_taskdef(doc, desc["taskDefinition"], gantry.account_id)
        assert not diffs, "DescribeTaskDefinition differs from input:\n" + "\n".join(diffs)
        want_tags = doc.get("tags", [])
        assert sorted(map(json.dumps, desc.get("tags", []))) == sorted(map(json.dumps, want_tags))
    finally:
        ecs.deregister_task_definition(taskDefinition=arn)
        ecs.delete_task_definitions(taskDefinitions=[arn])
    assert not rec.failures, rec.failures


@pytest.mark.parametrize("path", INVALID, ids=[p.name[:100] for p in INVALID])
def test_invalid_corpus(path: pathlib.Path, raw_request, ecs):
    before = ecs.list_task_definition_families(status="ALL")["families"]
    r = raw_request("RegisterTaskDefinition", path.read_bytes())
    assert r.status == 400, f"expected 400, got {r.status}: {r.body[:300]!r}"
    body = r.json
    assert r.error_code in {"ClientException", "InvalidParameterException", "SerializationException"}, body
    assert (body.get("message") or body.get("Message")), f"no message: {body}"
    assert ecs.list_task_definition_families(status="ALL")["families"] == before
