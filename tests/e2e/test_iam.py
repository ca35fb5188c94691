"""IAM and STS on Gantry: users, access keys, policies, roles, and the
authorization of every ECS call, with boto3 and the AWS CLI against the
session's real `gantry up`.

Entities created here are removed at the end of each test (best effort).
An extra `gantry agent --cluster dev` joins the session's control plane so
that tasks can really run in cluster `dev`.
"""

from __future__ import annotations

import json
import os
import pathlib
import shutil
import signal
import subprocess
import tempfile
import time
import xml.etree.ElementTree as ET
from typing import Dict, List, Optional, Tuple

import boto3
import botocore.config
import botocore.exceptions
import pytest
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

from conftest import REGION, SESSION_TAG, AwsCliError, aws_cli_path, gantry_binary, unique
from model_validator import load_model, shared_dir
from helpers import container, register, sleeper

CFG = botocore.config.Config(retries={"max_attempts": 1}, connect_timeout=5, read_timeout=60)


def doc(*statements: dict) -> str:
    return json.dumps({"Version": "2012-10-17", "Statement": list(statements)})


def client(gantry, service: str, key: str, secret: str, token: Optional[str] = None, validate: bool = False):
    c = boto3.session.Session().client(
        service, region_name=REGION, endpoint_url=gantry.endpoint, aws_access_key_id=key,
        aws_secret_access_key=secret, aws_session_token=token, config=CFG)
    return c


@pytest.fixture
def iam(gantry):
    return client(gantry, "iam", gantry.access_key_id, gantry.secret_access_key)


@pytest.fixture
def users(gantry, iam):
    """users.make(name, policy_doc=None, groups=()) -> (key, secret); all removed afterwards."""

    class Users:
        names: List[str] = []
        roles: List[str] = []
        policies: List[str] = []

        def make(self, name: str, policy: Optional[str] = None) -> Tuple[str, str]:
            iam.create_user(UserName=name)
            self.names.append(name)
            if policy:
                iam.put_user_policy(UserName=name, PolicyName="p", PolicyDocument=policy)
            k = iam.create_access_key(UserName=name)["AccessKey"]
            return k["AccessKeyId"], k["SecretAccessKey"]

    u = Users()
    u.names, u.roles, u.policies = [], [], []
    yield u
    for name in u.names:
        try:
            for k in iam.list_access_keys(UserName=name)["AccessKeyMetadata"]:
                iam.delete_access_key(UserName=name, AccessKeyId=k["AccessKeyId"])
            for p in iam.list_user_policies(UserName=name)["PolicyNames"]:
                iam.delete_user_policy(UserName=name, PolicyName=p)
            for p in iam.list_attached_user_policies(UserName=name)["AttachedPolicies"]:
                iam.detach_user_policy(UserName=name, PolicyArn=p["PolicyArn"])
            iam.delete_user(UserName=name)
        except botocore.exceptions.ClientError:
            pass
    for name in u.roles:
        try:
            for p in iam.list_role_policies(RoleName=name)["PolicyNames"]:
                iam.delete_role_policy(RoleName=name, PolicyName=p)
            iam.delete_role(RoleName=name)
        except botocore.exceptions.ClientError:
            pass
    for arn in u.policies:
        try:
            iam.delete_policy(PolicyArn=arn)
        except botocore.exceptions.ClientError:
            pass


def error_code(exc: botocore.exceptions.ClientError) -> str:
    return exc.response["Error"]["Code"]


def wait_for(fn, timeout: float = 60, what: str = "condition"):
    deadline = time.time() + timeout
    last = None
    while time.time() < deadline:
        last = fn()
        if last:
            return last
        time.sleep(0.5)
    raise AssertionError(f"timed out waiting for {what}: {last}")


@pytest.fixture(scope="module")
def dev_cluster(gantry):
    """Clusters `dev` (with its own agent on the local Engine) and `prod`."""
    root = gantry.client(validate=False)
    root.create_cluster(clusterName="dev")
    root.create_cluster(clusterName="prod")
    data = pathlib.Path(tempfile.mkdtemp(prefix="gantry-iam-agent-"))
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    env.update(AWS_ACCESS_KEY_ID=gantry.access_key_id, AWS_SECRET_ACCESS_KEY=gantry.secret_access_key,
               GANTRY_REGION=REGION, GANTRY_LOG="info")
    log = open(data / "agent.log", "ab")
    proc = subprocess.Popen([str(gantry_binary()), "agent", "--endpoint", gantry.endpoint, "--cluster", "dev",
                             "--data-dir", str(data / "state")], stdout=log, stderr=subprocess.STDOUT,
                            stdin=subprocess.DEVNULL, env=env, start_new_session=True)
    try:
        def connected():
            arns = root.list_container_instances(cluster="dev")["containerInstanceArns"]
            if not arns:
                return None
            cis = root.describe_container_instances(cluster="dev", containerInstances=arns)["containerInstances"]
            return [ci for ci in cis if ci["status"] == "ACTIVE" and ci["agentConnected"]]
        wait_for(connected, 60, "agent in cluster dev")
        yield "dev"
    finally:
        for arn in root.list_tasks(cluster="dev")["taskArns"]:
            try:
                root.stop_task(cluster="dev", task=arn, reason="e2e cleanup")
            except Exception:
                pass
        for arn in root.list_services(cluster="dev")["serviceArns"]:
            try:
                root.delete_service(cluster="dev", service=arn, force=True)
            except Exception:
                pass
        for arn in root.list_tasks(cluster="dev")["taskArns"]:
            try:
                root.get_waiter("tasks_stopped").wait(cluster="dev", tasks=[arn], WaiterConfig={"Delay": 1, "MaxAttempts": 60})
            except Exception:
                pass
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(10)
        log.close()
        for arn in root.list_container_instances(cluster="dev")["containerInstanceArns"]:
            try:
                root.deregister_container_instance(cluster="dev", containerInstance=arn, force=True)
            except Exception:
                pass
        for c in ("dev", "prod"):
            try:
                root.delete_cluster(cluster=c)
            except Exception:
                pass
        shutil.rmtree(data, ignore_errors=True)


def cluster_arn(gantry, name: str) -> str:
    return f"arn:aws:ecs:{REGION}:{gantry.account_id}:cluster/{name}"


def dev_policy(gantry) -> str:
    return doc(
        {"Effect": "Allow", "Action": ["ecs:Describe*", "ecs:List*"], "Resource": "*"},
        {"Effect": "Allow", "Action": "ecs:RunTask", "Resource": "*",
         "Condition": {"ArnEquals": {"ecs:cluster": cluster_arn(gantry, "dev")}}},
    )


# ---------------------------------------------------------------- the checks

def test_dev_user_can_run_on_dev_only(gantry, iam, users, dev_cluster, res, image):
    root = gantry.client(validate=False)
    td = register(root, res, [sleeper("app", image=image)], family=unique("iam-dev"))
    key, secret = users.make("dev", dev_policy(gantry))
    dev = client(gantry, "ecs", key, secret)

    assert "clusters" in dev.describe_clusters(clusters=["dev"])
    out = dev.run_task(cluster="dev", taskDefinition=td["taskDefinitionArn"])
    assert not out["failures"], out
    arn = res.task(out["tasks"][0]["taskArn"], cluster="dev")
    wait_for(lambda: dev.describe_tasks(cluster="dev", tasks=[arn])["tasks"][0]["lastStatus"] == "RUNNING",
             90, "task RUNNING")

    with pytest.raises(botocore.exceptions.ClientError) as e:
        dev.run_task(cluster="prod", taskDefinition=td["taskDefinitionArn"])
    assert error_code(e.value) == "AccessDeniedException"
    msg = e.value.response["Error"]["Message"]
    assert msg.startswith(f"User: arn:aws:iam::{gantry.account_id}:user/dev is not authorized to perform: ecs:RunTask on resource: ")
    assert msg.endswith("because no identity-based policy allows the ecs:RunTask action")
    assert root.list_tasks(cluster="prod")["taskArns"] == []

    with pytest.raises(botocore.exceptions.ClientError) as e:
        dev.create_service(cluster="dev", serviceName="nope", taskDefinition=td["taskDefinitionArn"], desiredCount=0)
    assert error_code(e.value) == "AccessDeniedException"
    assert "ecs:CreateService" in e.value.response["Error"]["Message"]
    assert root.list_services(cluster="dev")["serviceArns"] == [] or all(
        not a.endswith("/nope") for a in root.list_services(cluster="dev")["serviceArns"])

    # The AWS CLI sees the same.
    env_cli = {k: v for k, v in gantry.cli_env().items()}
    env_cli.update(AWS_ACCESS_KEY_ID=key, AWS_SECRET_ACCESS_KEY=secret)
    p = subprocess.run([aws_cli_path(), "ecs", "list-clusters", "--endpoint-url", gantry.endpoint, "--output", "json"],
                       capture_output=True, text=True, env=env_cli, timeout=60)
    assert p.returncode == 0, p.stderr
    assert cluster_arn(gantry, "dev") in json.loads(p.stdout)["clusterArns"]
    p = subprocess.run([aws_cli_path(), "ecs", "create-cluster", "--cluster-name", "x", "--endpoint-url", gantry.endpoint],
                       capture_output=True, text=True, env=env_cli, timeout=60)
    assert p.returncode != 0 and "AccessDeniedException" in p.stderr, p.stderr
    p = subprocess.run([aws_cli_path(), "sts", "get-caller-identity", "--endpoint-url", gantry.endpoint, "--output", "json"],
                       capture_output=True, text=True, env=env_cli, timeout=60)
    assert p.returncode == 0, p.stderr
    ident = json.loads(p.stdout)
    assert ident["Arn"] == f"arn:aws:iam::{gantry.account_id}:user/dev"
    assert ident["Account"] == gantry.account_id and ident["UserId"].startswith("AIDA")


def test_explicit_deny_overrides_wildcard_allow(gantry, users):
    key, secret = users.make("ops", doc(
        {"Effect": "Allow", "Action": "*", "Resource": "*"},
        {"Effect": "Deny", "Action": "ecs:DeleteCluster", "Resource": "*"},
    ))
    ops = client(gantry, "ecs", key, secret)
    name = unique("iam-deny")
    ops.create_cluster(clusterName=name)
    try:
        with pytest.raises(botocore.exceptions.ClientError) as e:
            ops.delete_cluster(cluster=name)
        assert error_code(e.value) == "AccessDeniedException"
        assert e.value.response["Error"]["Message"].endswith("with an explicit deny in an identity-based policy")
        assert ops.describe_clusters(clusters=[name])["clusters"][0]["status"] == "ACTIVE"
    finally:
        gantry.client(validate=False).delete_cluster(cluster=name)


def test_resource_tag_condition(gantry, users, dev_cluster, res, image):
    root = gantry.client(validate=False)
    td = register(root, res, [sleeper("app", image=image)], family=unique("iam-tag"))
    a, b = unique("svc-a"), unique("svc-b")
    for name, team in ((a, "a"), (b, "b")):
        root.create_service(cluster="dev", serviceName=name, taskDefinition=td["taskDefinitionArn"], desiredCount=0,
                            tags=[{"key": "team", "value": team}])
    try:
        key, secret = users.make("team-a", doc(
            {"Effect": "Allow", "Action": ["ecs:DescribeServices", "ecs:UpdateService"], "Resource": "*",
             "Condition": {"StringEquals": {"aws:ResourceTag/team": "a"}}},
        ))
        u = client(gantry, "ecs", key, secret)
        assert u.describe_services(cluster="dev", services=[a])["services"][0]["serviceName"] == a
        u.update_service(cluster="dev", service=a, desiredCount=0)
        for call in (lambda: u.describe_services(cluster="dev", services=[b]),
                     lambda: u.update_service(cluster="dev", service=b, desiredCount=1)):
            with pytest.raises(botocore.exceptions.ClientError) as e:
                call()
            assert error_code(e.value) == "AccessDeniedException"
        assert root.describe_services(cluster="dev", services=[b])["services"][0]["desiredCount"] == 0
    finally:
        for name in (a, b):
            root.delete_service(cluster="dev", service=name, force=True)


def test_disabled_key_and_deleted_user_are_refused(gantry, iam, users):
    key, secret = users.make("temp", doc({"Effect": "Allow", "Action": "ecs:List*", "Resource": "*"}))
    c = client(gantry, "ecs", key, secret)
    c.list_clusters()
    iam.update_access_key(UserName="temp", AccessKeyId=key, Status="Inactive")
    with pytest.raises(botocore.exceptions.ClientError) as e:
        c.list_clusters()
    assert error_code(e.value) == "UnrecognizedClientException"
    assert e.value.response["Error"]["Message"] == "The security token included in the request is invalid."
    with pytest.raises(botocore.exceptions.ClientError) as e:
        client(gantry, "sts", key, secret).get_caller_identity()
    assert error_code(e.value) == "InvalidClientTokenId"
    iam.update_access_key(UserName="temp", AccessKeyId=key, Status="Active")
    c.list_clusters()

    with pytest.raises(botocore.exceptions.ClientError) as e:
        iam.delete_user(UserName="temp")
    assert error_code(e.value) == "DeleteConflict"
    iam.delete_access_key(UserName="temp", AccessKeyId=key)
    iam.delete_user_policy(UserName="temp", PolicyName="p")
    iam.delete_user(UserName="temp")
    with pytest.raises(botocore.exceptions.ClientError) as e:
        c.list_clusters()
    assert error_code(e.value) == "UnrecognizedClientException"


def test_assume_role_honours_trust_and_role_policies(gantry, iam, users):
    acct = gantry.account_id
    ak, asec = users.make("assumer", doc({"Effect": "Allow", "Action": ["sts:AssumeRole", "ecs:*"], "Resource": "*"}))
    ok, osec = users.make("outsider", doc({"Effect": "Allow", "Action": "sts:AssumeRole", "Resource": "*"}))
    trust = doc({"Effect": "Allow", "Principal": {"AWS": f"arn:aws:iam::{acct}:user/assumer"}, "Action": "sts:AssumeRole"})
    role = iam.create_role(RoleName="lister", AssumeRolePolicyDocument=trust)["Role"]
    users.roles.append("lister")
    assert role["AssumeRolePolicyDocument"] == json.loads(trust)
    iam.put_role_policy(RoleName="lister", PolicyName="list",
                        PolicyDocument=doc({"Effect": "Allow", "Action": "ecs:ListClusters", "Resource": "*"}))

    with pytest.raises(botocore.exceptions.ClientError) as e:
        client(gantry, "sts", ok, osec).assume_role(RoleArn=role["Arn"], RoleSessionName="s0")
    assert error_code(e.value) == "AccessDenied"

    out = client(gantry, "sts", ak, asec).assume_role(RoleArn=role["Arn"], RoleSessionName="s1", DurationSeconds=900)
    creds = out["Credentials"]
    assert creds["AccessKeyId"].startswith("ASIA")
    assert out["AssumedRoleUser"]["Arn"] == f"arn:aws:sts::{acct}:assumed-role/lister/s1"
    left = creds["Expiration"].timestamp() - time.time()
    assert 800 < left <= 905
    sess = (creds["AccessKeyId"], creds["SecretAccessKey"], creds["SessionToken"])
    ident = client(gantry, "sts", *sess).get_caller_identity()
    assert ident["Arn"] == f"arn:aws:sts::{acct}:assumed-role/lister/s1"
    ecs = client(gantry, "ecs", *sess)
    ecs.list_clusters()
    with pytest.raises(botocore.exceptions.ClientError) as e:
        ecs.describe_clusters(clusters=["default"])
    assert error_code(e.value) == "AccessDeniedException"
    assert f"arn:aws:sts::{acct}:assumed-role/lister/s1 is not authorized" in e.value.response["Error"]["Message"]
    # A tampered token is refused.
    bad = client(gantry, "ecs", creds["AccessKeyId"], creds["SecretAccessKey"], creds["SessionToken"][:-2] + "AA")
    with pytest.raises(botocore.exceptions.ClientError) as e:
        bad.list_clusters()
    assert error_code(e.value) == "UnrecognizedClientException"
    with pytest.raises(botocore.exceptions.ClientError) as e:
        client(gantry, "sts", ak, asec).assume_role(RoleArn=role["Arn"], RoleSessionName="s2", DurationSeconds=7200)
    assert error_code(e.value) == "ValidationError"


def test_iam_bad_input(gantry, iam, users):
    def code(fn) -> Tuple[str, int]:
        with pytest.raises(botocore.exceptions.ClientError) as e:
            fn()
        return error_code(e.value), e.value.response["ResponseMetadata"]["HTTPStatusCode"]

    assert code(lambda: iam.create_policy(PolicyName="bad", PolicyDocument="{not json")) == ("MalformedPolicyDocument", 400)
    assert code(lambda: iam.create_policy(PolicyName="bad", PolicyDocument=doc(
        {"Effect": "Allow", "Action": "ecs:*", "Resource": "*", "Condition": {"StringEqualsish": {"aws:username": "x"}}}
    ))) == ("MalformedPolicyDocument", 400)
    big = doc({"Effect": "Allow", "Action": "ecs:ListClusters",
               "Resource": [f"arn:aws:ecs:us-east-1:{gantry.account_id}:cluster/c{i:04d}" for i in range(150)]})
    assert len(big) > 6144
    assert code(lambda: iam.create_policy(PolicyName="big", PolicyDocument=big)) == ("LimitExceeded", 409)
    users.make("victim")
    assert code(lambda: iam.attach_user_policy(UserName="victim", PolicyArn="not-an-arn-but-long-enough")) == ("InvalidInput", 400)
    assert code(lambda: iam.attach_user_policy(UserName="victim", PolicyArn=f"arn:aws:iam::{gantry.account_id}:policy/none")) == ("NoSuchEntity", 404)
    assert code(lambda: iam.create_user(UserName="has space")) == ("ValidationError", 400)
    assert code(lambda: iam.create_user(UserName="victim")) == ("EntityAlreadyExists", 409)
    assert code(lambda: iam.get_user(UserName="nobody-" + SESSION_TAG)) == ("NoSuchEntity", 404)
    # Nothing was created by the rejected calls.
    names = [p["PolicyName"] for p in iam.list_policies(Scope="Local")["Policies"]]
    assert "bad" not in names and "big" not in names


def test_managed_policies_groups_and_simulation(gantry, iam, users):
    key, secret = users.make("grouped")
    pol = iam.create_policy(PolicyName="list-only", PolicyDocument=doc(
        {"Effect": "Allow", "Action": "ecs:ListClusters", "Resource": "*"}))["Policy"]
    users.policies.append(pol["Arn"])
    iam.create_group(GroupName="listers")
    try:
        iam.attach_group_policy(GroupName="listers", PolicyArn=pol["Arn"])
        iam.add_user_to_group(GroupName="listers", UserName="grouped")
        ecs = client(gantry, "ecs", key, secret)
        ecs.list_clusters()
        sim = iam.simulate_principal_policy(PolicySourceArn=f"arn:aws:iam::{gantry.account_id}:user/grouped",
                                            ActionNames=["ecs:ListClusters", "ecs:CreateCluster"])
        decisions = {r["EvalActionName"]: r["EvalDecision"] for r in sim["EvaluationResults"]}
        assert decisions == {"ecs:ListClusters": "allowed", "ecs:CreateCluster": "implicitDeny"}
        v2 = iam.create_policy_version(PolicyArn=pol["Arn"], SetAsDefault=True, PolicyDocument=doc(
            {"Effect": "Allow", "Action": "ecs:DescribeClusters", "Resource": "*"}))["PolicyVersion"]
        assert v2["VersionId"] == "v2" and v2["IsDefaultVersion"]
        with pytest.raises(botocore.exceptions.ClientError) as e:
            ecs.list_clusters()
        assert error_code(e.value) == "AccessDeniedException"
        got = iam.get_policy_version(PolicyArn=pol["Arn"], VersionId="v2")["PolicyVersion"]
        assert got["Document"]["Statement"][0]["Action"] == "ecs:DescribeClusters"
        assert iam.get_policy(PolicyArn=pol["Arn"])["Policy"]["AttachmentCount"] == 1
        attached = iam.list_attached_group_policies(GroupName="listers")["AttachedPolicies"]
        assert attached == [{"PolicyName": "list-only", "PolicyArn": pol["Arn"]}]
        iam.delete_policy_version(PolicyArn=pol["Arn"], VersionId="v1")
    finally:
        iam.remove_user_from_group(GroupName="listers", UserName="grouped")
        iam.detach_group_policy(GroupName="listers", PolicyArn=pol["Arn"])
        iam.delete_group(GroupName="listers")


def test_list_users_paginates(gantry, iam, users):
    names = [f"page-{SESSION_TAG}-{i}" for i in range(5)]
    for n in names:
        users.make(n)
    seen = []
    for page in iam.get_paginator("list_users").paginate(PaginationConfig={"PageSize": 2}):
        seen += [u["UserName"] for u in page["Users"]]
    assert [n for n in seen if n in names] == names


# ---------------------------------------------------------------- every ECS operation is denied

def ecs_operations() -> List[str]:
    return sorted(load_model()["operations"].keys())


@pytest.fixture(scope="module")
def nobody(gantry):
    iam_c = client(gantry, "iam", gantry.access_key_id, gantry.secret_access_key)
    name = "nobody-" + SESSION_TAG
    iam_c.create_user(UserName=name)
    k = iam_c.create_access_key(UserName=name)["AccessKey"]
    yield k["AccessKeyId"], k["SecretAccessKey"]
    iam_c.delete_access_key(UserName=name, AccessKeyId=k["AccessKeyId"])
    iam_c.delete_user(UserName=name)


@pytest.mark.parametrize("operation", ecs_operations())
def test_every_ecs_operation_is_denied_without_permission(raw_request, nobody, operation):
    key, secret = nobody
    r = raw_request(operation, {}, access_key=key, secret=secret)
    assert r.status == 400, (r.status, r.body)
    assert r.json["__type"] == "AccessDeniedException", r.body
    assert f"is not authorized to perform: ecs:" in r.json["message"]


# ---------------------------------------------------------------- wire shape against the IAM/STS models

def load_query_model(service: str) -> dict:
    with open(shared_dir() / "aws-models" / service / "service-2.json", encoding="utf-8") as f:
        return json.load(f)


def check_xml(model: dict, shape_name: str, el: ET.Element, path: str, errors: List[str]) -> None:
    shape = model["shapes"][shape_name]
    t = shape["type"]
    if t == "structure":
        members = shape.get("members", {})
        for child in el:
            tag = child.tag.split("}")[-1]
            if tag not in members:
                errors.append(f"{path}.{tag}: not in {shape_name}")
                continue
            check_xml(model, members[tag]["shape"], child, f"{path}.{tag}", errors)
        present = {c.tag.split("}")[-1] for c in el}
        for req in shape.get("required", []):
            if req not in present:
                errors.append(f"{path}.{req}: required by {shape_name}, missing")
    elif t == "list":
        for i, child in enumerate(el):
            if child.tag.split("}")[-1] != "member":
                errors.append(f"{path}[{i}]: list item is <{child.tag}>, not <member>")
            check_xml(model, shape["member"]["shape"], child, f"{path}[{i}]", errors)
    elif t == "timestamp":
        if not (el.text or "").endswith("Z"):
            errors.append(f"{path}: timestamp {el.text!r} is not ISO 8601 UTC")
    elif t == "boolean":
        if el.text not in ("true", "false"):
            errors.append(f"{path}: boolean {el.text!r}")
    elif t in ("integer", "long"):
        try:
            int(el.text or "")
        except ValueError:
            errors.append(f"{path}: integer {el.text!r}")
    elif "enum" in shape and el.text not in shape["enum"]:
        errors.append(f"{path}: {el.text!r} not in enum")


def query(gantry, service: str, params: Dict[str, str], key=None, secret=None):
    import http.client
    from urllib.parse import urlencode

    body = urlencode(params)
    req = AWSRequest(method="POST", url=gantry.endpoint + "/", data=body,
                     headers={"Content-Type": "application/x-www-form-urlencoded; charset=utf-8"})
    SigV4Auth(Credentials(key or gantry.access_key_id, secret or gantry.secret_access_key), service, REGION).add_auth(req)
    conn = http.client.HTTPConnection("127.0.0.1", gantry.port, timeout=30)
    try:
        conn.request("POST", "/", body=body, headers=dict(req.headers.items()))
        r = conn.getresponse()
        return r.status, r.read()
    finally:
        conn.close()


def test_query_responses_match_the_models(gantry, iam, users):
    users.make("wire", doc({"Effect": "Allow", "Action": "ecs:List*", "Resource": "*"}))
    trust = doc({"Effect": "Allow", "Principal": {"Service": "ecs-tasks.amazonaws.com"}, "Action": "sts:AssumeRole"})
    iam.create_role(RoleName="wire-role", AssumeRolePolicyDocument=trust, Tags=[{"Key": "k", "Value": "v"}])
    users.roles.append("wire-role")
    calls = [
        ("iam", {"Action": "GetUser", "UserName": "wire"}),
        ("iam", {"Action": "ListUsers"}),
        ("iam", {"Action": "ListAccessKeys", "UserName": "wire"}),
        ("iam", {"Action": "GetUserPolicy", "UserName": "wire", "PolicyName": "p"}),
        ("iam", {"Action": "ListUserPolicies", "UserName": "wire"}),
        ("iam", {"Action": "GetRole", "RoleName": "wire-role"}),
        ("iam", {"Action": "ListRoles"}),
        ("iam", {"Action": "ListPolicies"}),
        ("iam", {"Action": "GetPolicy", "PolicyArn": "arn:aws:iam::aws:policy/AdministratorAccess"}),
        ("sts", {"Action": "GetCallerIdentity"}),
    ]
    for service, params in calls:
        model = load_query_model(service)
        version = model["metadata"]["apiVersion"]
        status, body = query(gantry, service, {**params, "Version": version})
        assert status == 200, (params, body)
        root = ET.fromstring(body)
        action = params["Action"]
        assert root.tag == f"{{{model['metadata']['xmlNamespace']}}}{action}Response", root.tag
        op = model["operations"][action]
        result = root.find(f"{{{model['metadata']['xmlNamespace']}}}{op['output']['resultWrapper']}")
        assert result is not None, body
        errors: List[str] = []
        check_xml(model, op["output"]["shape"], result, action, errors)
        assert not errors, errors

    status, body = query(gantry, "iam", {"Action": "GetUser", "UserName": "missing-" + SESSION_TAG, "Version": "2010-05-08"})
    assert status == 404
    err = ET.fromstring(body)
    assert err.tag == "ErrorResponse"
    assert err.find("Error/Code").text == "NoSuchEntity"
    assert err.find("Error/Type").text == "Sender"
    assert err.find("RequestId").text


# ---------------------------------------------------------------- the AWS CLI and durability

def test_cli_and_state_survive_restart(gantry, aws, users):
    out = aws("iam", "create-user", "--user-name", "durable", "--tags", "Key=team,Value=a")
    users.names.append("durable")
    assert out["User"]["Arn"] == f"arn:aws:iam::{gantry.account_id}:user/durable"
    aws("iam", "put-user-policy", "--user-name", "durable", "--policy-name", "p", "--policy-document",
        doc({"Effect": "Allow", "Action": "ecs:ListClusters", "Resource": "*"}))
    key = aws("iam", "create-access-key", "--user-name", "durable")["AccessKey"]
    assert "durable" in [u["UserName"] for u in aws("iam", "list-users")["Users"]]
    got = aws("iam", "get-user-policy", "--user-name", "durable", "--policy-name", "p")
    assert got["PolicyDocument"]["Statement"][0]["Action"] == "ecs:ListClusters"
    with pytest.raises(AwsCliError) as e:
        aws("iam", "get-user", "--user-name", "nope-" + SESSION_TAG)
    assert "NoSuchEntity" in e.value.stderr

    gantry.restart()
    c = client(gantry, "ecs", key["AccessKeyId"], key["SecretAccessKey"])
    c.list_clusters()
    with pytest.raises(botocore.exceptions.ClientError) as e:
        c.describe_clusters(clusters=["default"])
    assert error_code(e.value) == "AccessDeniedException"
    data_key = gantry.data_dir / "iam.key"
    assert data_key.stat().st_mode & 0o777 == 0o600
    assert key["SecretAccessKey"].encode() not in (gantry.data_dir / "gantry.redb").read_bytes()


def test_pass_role_is_required_for_task_roles(gantry, iam, users, res, image):
    acct = gantry.account_id
    role_arn = f"arn:aws:iam::{acct}:role/app-role"
    key, secret = users.make("registrar", doc({"Effect": "Allow", "Action": "ecs:RegisterTaskDefinition", "Resource": "*"}))
    u = client(gantry, "ecs", key, secret)
    family = unique("iam-passrole")
    spec = dict(family=family, taskRoleArn=role_arn, containerDefinitions=[sleeper("app", image=image)])
    with pytest.raises(botocore.exceptions.ClientError) as e:
        u.register_task_definition(**spec)
    assert error_code(e.value) == "AccessDeniedException"
    assert f"iam:PassRole on resource: {role_arn}" in e.value.response["Error"]["Message"]
    iam.put_user_policy(UserName="registrar", PolicyName="pass", PolicyDocument=doc(
        {"Effect": "Allow", "Action": "iam:PassRole", "Resource": role_arn}))
    td = u.register_task_definition(**spec)["taskDefinition"]
    res.taskdef(td["taskDefinitionArn"])
    assert td["taskRoleArn"] == role_arn


def gantry_call(gantry, method: str, path: str, key: str, secret: str, body: bytes = b""):
    """A SigV4-signed (service `ecs`) call to one of Gantry's own endpoints: (status, parsed JSON or text)."""
    import urllib.error
    import urllib.request

    url = gantry.endpoint + path
    req = AWSRequest(method=method, url=url, data=body, headers={"Content-Type": "application/json"} if body else {})
    SigV4Auth(Credentials(key, secret), "ecs", REGION).add_auth(req)
    r = urllib.request.Request(url, data=body or None, method=method, headers=dict(req.headers.items()))
    try:
        with urllib.request.urlopen(r, timeout=10) as resp:
            status, text = resp.status, resp.read(65536).decode()
    except urllib.error.HTTPError as e:
        status, text = e.code, e.read().decode()
    try:
        return status, json.loads(text)
    except ValueError:
        return status, text


def test_gantry_endpoints_need_their_iam_actions(gantry, users):
    """/gantry/v1/usage, /spot/reclaim and /events are authorized like API calls."""
    endpoints = [
        ("GET", "/gantry/v1/usage", b"", "gantry:GetUsage"),
        ("POST", "/gantry/v1/spot/reclaim", json.dumps({"cluster": "default", "count": 1}).encode(),
         "gantry:ReclaimSpotCapacity"),
        ("GET", "/gantry/v1/events?cluster=no-such-cluster", b"", "gantry:GetEvents"),
    ]
    nobody = users.make(unique("nobody"), doc({"Effect": "Allow", "Action": "ecs:List*", "Resource": "*"}))
    allowed = users.make(unique("operator"), doc(
        {"Effect": "Allow", "Action": [e[3] for e in endpoints], "Resource": "*"}))
    denied_one = users.make(unique("nousage"), doc(
        {"Effect": "Allow", "Action": "gantry:*", "Resource": "*"},
        {"Effect": "Deny", "Action": "gantry:GetUsage", "Resource": "*"}))
    for method, path, body, action in endpoints:
        status, answer = gantry_call(gantry, method, path, *nobody, body=body)
        assert status == 400 and answer["__type"] == "AccessDeniedException", (path, status, answer)
        assert f"is not authorized to perform: {action} on resource: *" in answer["message"], answer
        status, answer = gantry_call(gantry, method, path, *allowed, body=body)
        assert status == 200 or (isinstance(answer, dict) and answer.get("__type") != "AccessDeniedException"), \
            (path, status, answer)
        status, answer = gantry_call(gantry, method, path, gantry.access_key_id, gantry.secret_access_key, body=body)
        assert status == 200 or (isinstance(answer, dict) and answer.get("__type") != "AccessDeniedException"), \
            (path, status, answer)
    status, answer = gantry_call(gantry, "GET", "/gantry/v1/usage", *allowed)
    assert status == 200, answer
    status, answer = gantry_call(gantry, "GET", "/gantry/v1/usage", *denied_one)
    assert answer["__type"] == "AccessDeniedException", answer
    status, answer = gantry_call(gantry, "GET", "/gantry/v1/events?cluster=none", *denied_one)
    assert status == 200, answer


def test_gantry_up_with_root_disabled_keeps_its_agent(tmp_path, image):
    """`gantry up` gives its agent an IAM identity of its own, so after an admin
    exists a restart with --disable-root refuses root, serves the admin, and
    the local agent stays connected and runs tasks."""
    import random
    import socket

    from conftest import cleanup_docker_for_account

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    account = "".join(random.choice("0123456789") for _ in range(12))
    root_key, root_secret = "AKIAROOTLESS" + os.urandom(4).hex().upper(), "R" * 40
    data = tmp_path / "data"
    endpoint = f"http://127.0.0.1:{port}"
    env = dict(os.environ, GANTRY_ROOT_ACCESS_KEY_ID=root_key, GANTRY_ROOT_SECRET_ACCESS_KEY=root_secret,
               GANTRY_REGION=REGION, GANTRY_ACCOUNT_ID=account, GANTRY_LOG="info",
               GANTRY_SUBNETS="subnet-rootless=10.218.0.0/24")
    log_path = tmp_path / "gantry.log"

    def start(*extra: str) -> subprocess.Popen:
        log = open(log_path, "ab")
        return subprocess.Popen([str(gantry_binary()), "up", "--listen", f"127.0.0.1:{port}", "--data-dir",
                                 str(data), *extra], stdout=log, stderr=subprocess.STDOUT, env=env,
                                start_new_session=True)

    def stop(p: subprocess.Popen) -> None:
        p.terminate()
        try:
            p.wait(30)
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait(10)

    def mk(service: str, key: str, secret: str):
        return boto3.session.Session().client(service, region_name=REGION, endpoint_url=endpoint,
                                              aws_access_key_id=key, aws_secret_access_key=secret, config=CFG)

    def agent_connected(ecs_client, proc):
        def check():
            assert proc.poll() is None, log_path.read_text()[-4000:]
            try:
                arns = ecs_client.list_container_instances(cluster="default")["containerInstanceArns"]
                cis = ecs_client.describe_container_instances(cluster="default", containerInstances=arns)
            except Exception:  # noqa: BLE001 - not up yet
                return None
            ok = [c for c in cis["containerInstances"] if c["status"] == "ACTIVE" and c["agentConnected"]]
            return ok or None
        return wait_for(check, 90, "local agent connected")

    proc = start()
    try:
        agent_connected(mk("ecs", root_key, root_secret), proc)
        creds_file = data / "agent-credentials"
        assert creds_file.exists() and (creds_file.stat().st_mode & 0o777) == 0o600
        agent_key = json.loads(creds_file.read_text())["accessKeyId"]
        assert agent_key.startswith("AKIA") and agent_key != root_key
        iam_root = mk("iam", root_key, root_secret)
        agent_user = iam_root.get_user(UserName="gantry-local-agent")["User"]
        assert agent_user["UserName"] == "gantry-local-agent"
        iam_root.create_user(UserName="admin")
        iam_root.attach_user_policy(UserName="admin", PolicyArn="arn:aws:iam::aws:policy/AdministratorAccess")
        k = iam_root.create_access_key(UserName="admin")["AccessKey"]
        admin_key, admin_secret = k["AccessKeyId"], k["SecretAccessKey"]
        stop(proc)

        proc = start("--disable-root")
        admin_ecs = mk("ecs", admin_key, admin_secret)
        agent_connected(admin_ecs, proc)
        with pytest.raises(botocore.exceptions.ClientError):
            mk("ecs", root_key, root_secret).list_clusters()
        assert json.loads(creds_file.read_text())["accessKeyId"] == agent_key, "key kept across restarts"
        # The agent, under its own identity, really runs a task.
        td = admin_ecs.register_task_definition(family="rootless", containerDefinitions=[{
            "name": "app", "image": image, "memory": 32, "essential": True,
            "command": ["sh", "-c", "exit 7"]}])["taskDefinition"]
        arn = admin_ecs.run_task(taskDefinition=td["taskDefinitionArn"])["tasks"][0]["taskArn"]

        def stopped():
            t = admin_ecs.describe_tasks(tasks=[arn])["tasks"][0]
            return t if t["lastStatus"] == "STOPPED" else None
        t = wait_for(stopped, 90, "task stopped")
        assert t["containers"][0].get("exitCode") == 7, t
        # Its identity can do nothing else.
        agent_secret = json.loads(creds_file.read_text())["secretAccessKey"]
        with pytest.raises(botocore.exceptions.ClientError) as e:
            mk("ecs", agent_key, agent_secret).create_cluster(clusterName="nope")
        assert e.value.response["Error"]["Code"] == "AccessDeniedException"
    finally:
        stop(proc)
        cleanup_docker_for_account(account)
