"""Task roles end to end: a task with `taskRoleArn` reads its credentials
from the agent's endpoint (169.254.170.2, or the fallback address its
metadata URI names) with a raw HTTP/1.0 request through busybox `nc`, and
those credentials are allowed exactly what the role's policy allows; a task
without a role gets no credentials URI and cannot read another task's.
Launches naming a role ECS cannot assume are refused like ECS does.
"""

from __future__ import annotations

import json
import re
import subprocess
import time
from typing import Dict, Optional, Tuple

import boto3
import botocore.config
import botocore.exceptions
import pytest

from conftest import REGION, unique
from helpers import container, register, run, wait_running

CFG = botocore.config.Config(retries={"max_attempts": 1}, connect_timeout=5, read_timeout=60)
ECS_TASKS_TRUST = json.dumps({
    "Version": "2012-10-17",
    "Statement": [{"Effect": "Allow", "Principal": {"Service": "ecs-tasks.amazonaws.com"}, "Action": "sts:AssumeRole"}],
})
UNABLE = ("ECS was unable to assume the role '{}' that was provided for this task. Please verify that the role "
          "being passed has the proper trust relationship and permissions and that your IAM user has permissions "
          "to pass this role.")

# Prints whether the credentials URI is set, then GETs $TARGET_URI (default:
# its own credentials URI) from the task endpoint with HTTP/1.0 over `nc`.
# The endpoint's host:port comes from the metadata URI (169.254.170.2:80 or
# the agent's fallback address); a full URI is honoured when present.
FETCH = r'''
if [ -n "$AWS_CONTAINER_CREDENTIALS_RELATIVE_URI" ]; then echo "CREDS_URI=$AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"; else echo "NO_CREDS_URI"; fi
hp=${ECS_CONTAINER_METADATA_URI_V4#http://}; hp=${hp%%/*}
path=${TARGET_URI:-$AWS_CONTAINER_CREDENTIALS_RELATIVE_URI}
if [ -z "$TARGET_URI" ] && [ -n "$AWS_CONTAINER_CREDENTIALS_FULL_URI" ]; then
  rest=${AWS_CONTAINER_CREDENTIALS_FULL_URI#http://}; hp=${rest%%/*}; path=/${rest#*/}
fi
host=${hp%%:*}; port=80
case "$hp" in *:*) port=${hp##*:};; esac
echo "ENDPOINT=$host:$port"
if [ -n "$path" ]; then
  # Like the SDKs, retry while the agent may not know this task's address
  # yet (or, under load, the endpoint is not reachable yet): until the
  # status WANT (200 unless said otherwise) comes back.
  i=0
  while [ $i -lt ${TRIES:-60} ]; do
    printf 'GET %s HTTP/1.0\r\nHost: %s\r\n\r\n' "$path" "$hp" | nc "$host" "$port" > /tmp/resp 2>&1
    if grep -q "^HTTP/1.[01] ${WANT:-200}" /tmp/resp; then break; fi
    i=$((i+1)); sleep 1
  done
  echo "BEGIN"; cat /tmp/resp; echo; echo "END"
fi
sleep 3600
'''


def iam_client(gantry):
    return boto3.session.Session().client(
        "iam", region_name=REGION, endpoint_url=gantry.endpoint, aws_access_key_id=gantry.access_key_id,
        aws_secret_access_key=gantry.secret_access_key, config=CFG)


def ecs_with(gantry, creds: Dict[str, str]):
    return boto3.session.Session().client(
        "ecs", region_name=REGION, endpoint_url=gantry.endpoint, aws_access_key_id=creds["AccessKeyId"],
        aws_secret_access_key=creds["SecretAccessKey"], aws_session_token=creds["Token"], config=CFG)


@pytest.fixture
def roles(gantry):
    """roles.make(name, trust, policy=None) -> arn; removed afterwards."""
    iam = iam_client(gantry)

    class Roles:
        made = []

        def make(self, name: str, trust: str = ECS_TASKS_TRUST, policy: Optional[dict] = None) -> str:
            arn = iam.create_role(RoleName=name, AssumeRolePolicyDocument=trust)["Role"]["Arn"]
            self.made.append(name)
            if policy:
                iam.put_role_policy(RoleName=name, PolicyName="p", PolicyDocument=json.dumps(policy))
            return arn

    r = Roles()
    r.made = []
    yield r
    for name in r.made:
        try:
            for p in iam.list_role_policies(RoleName=name)["PolicyNames"]:
                iam.delete_role_policy(RoleName=name, PolicyName=p)
            iam.delete_role(RoleName=name)
        except Exception:  # noqa: BLE001 - best-effort cleanup
            pass


def runtime_id(ecs, task_arn: str) -> str:
    t = wait_running(ecs, [task_arn])[0]
    rid = t["containers"][0].get("runtimeId")
    assert rid, t
    return rid


def fetch_output(rid: str, timeout: float = 120) -> Tuple[str, Optional[str]]:
    """(the whole log so far, the HTTP response between BEGIN/END or None)."""
    deadline = time.time() + timeout
    out = ""
    while time.time() < deadline:
        p = subprocess.run(["docker", "logs", rid], capture_output=True, text=True, timeout=30)
        out = p.stdout + p.stderr
        m = re.search(r"BEGIN\n(.*)\nEND", out, re.S)
        if m:
            return out, m.group(1)
        time.sleep(0.5)
    return out, None


def env_of(rid: str) -> Dict[str, str]:
    p = subprocess.run(["docker", "inspect", rid], capture_output=True, text=True, check=True)
    env = json.loads(p.stdout)[0]["Config"]["Env"] or []
    return dict(e.split("=", 1) for e in env if "=" in e)


def status_and_body(resp: str, out: str) -> Tuple[int, str]:
    head, _, body = resp.replace("\r\n", "\n").partition("\n\n")
    m = re.match(r"HTTP/1\.[01] (\d{3})", head)
    assert m, f"no HTTP status line in {resp!r}; container output: {out}"
    return int(m.group(1)), body.strip()


def test_task_role_credentials_are_scoped_to_the_role_and_the_task(gantry, ecs, res, roles, image):
    role = roles.make(unique("lister"), policy={
        "Version": "2012-10-17",
        "Statement": [{"Effect": "Allow", "Action": "ecs:ListClusters", "Resource": "*"}],
    })
    fetcher = container("app", ["sh", "-c", FETCH], memory=32)
    with_role = register(ecs, res, [fetcher], taskRoleArn=role)
    assert with_role["taskRoleArn"] == role
    t1 = run(ecs, res, with_role["taskDefinitionArn"])[0]
    rid1 = runtime_id(ecs, t1["taskArn"])
    out, resp = fetch_output(rid1)
    assert resp is not None, out
    status, body = status_and_body(resp, out)
    assert status == 200, resp
    creds = json.loads(body)
    assert creds["RoleArn"] == role
    assert creds["AccessKeyId"].startswith("ASIA") and creds["SecretAccessKey"] and creds["Token"]
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", creds["Expiration"]), creds["Expiration"]
    uri = env_of(rid1)["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"]
    assert out.startswith(f"CREDS_URI={uri}"), out

    # The role's policy governs what the credentials may do.
    as_task = ecs_with(gantry, creds)
    assert "clusterArns" in as_task.list_clusters()
    with pytest.raises(botocore.exceptions.ClientError) as e:
        as_task.create_cluster(clusterName=unique("nope"))
    assert e.value.response["Error"]["Code"] == "AccessDeniedException"
    assert role.split("/")[-1] in e.value.response["Error"]["Message"]
    with pytest.raises(botocore.exceptions.ClientError) as e:
        as_task.list_task_definitions()
    assert e.value.response["Error"]["Code"] == "AccessDeniedException"

    # A task without a role: no credentials URI; asking for the first task's
    # credentials from its container is refused.
    plain = register(ecs, res, [fetcher])
    assert "taskRoleArn" not in plain
    t2 = run(ecs, res, plain["taskDefinitionArn"], overrides={
        "containerOverrides": [{"name": "app", "environment": [
            {"name": "TARGET_URI", "value": uri}, {"name": "WANT", "value": "400"}]}],
    })[0]
    rid2 = runtime_id(ecs, t2["taskArn"])
    out2, resp2 = fetch_output(rid2)
    assert "NO_CREDS_URI" in out2 and "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI" not in env_of(rid2), out2
    assert resp2 is not None, out2
    status2, body2 = status_and_body(resp2, out2)
    assert status2 == 400 and json.loads(body2)["code"] == "InvalidIdInRequest", resp2
    assert creds["SecretAccessKey"] not in resp2 and creds["Token"] not in resp2


def test_launch_with_a_role_ecs_cannot_assume_is_refused(gantry, ecs, res, roles, image):
    human_trust = json.dumps({
        "Version": "2012-10-17",
        "Statement": [{"Effect": "Allow", "Principal": {"AWS": f"arn:aws:iam::{gantry.account_id}:root"},
                       "Action": "sts:AssumeRole"}],
    })
    untrusted = roles.make(unique("human"), trust=human_trust)
    missing = f"arn:aws:iam::{gantry.account_id}:role/{unique('missing')}"
    good = roles.make(unique("ok"))
    c = container("app", ["sleep", "3600"], memory=32)
    started_by = unique("rolecheck")

    def refused(call, role):
        with pytest.raises(botocore.exceptions.ClientError) as e:
            call()
        err = e.value.response["Error"]
        assert err["Code"] == "ClientException", err
        assert err["Message"] == UNABLE.format(role), err

    for role in (untrusted, missing):
        td = register(ecs, res, [c], taskRoleArn=role)
        refused(lambda: ecs.run_task(taskDefinition=td["taskDefinitionArn"], startedBy=started_by), role)
        ci = ecs.list_container_instances(cluster="default")["containerInstanceArns"]
        refused(lambda: ecs.start_task(taskDefinition=td["taskDefinitionArn"], containerInstances=ci[:1],
                                       startedBy=started_by), role)
        name = unique("svc")
        refused(lambda: ecs.create_service(serviceName=name, taskDefinition=td["taskDefinitionArn"],
                                           desiredCount=1), role)
        svcs = ecs.describe_services(services=[name])
        assert not svcs["services"] or svcs["services"][0]["status"] == "INACTIVE", svcs
    # An override naming a bad role is refused even when the definition's is fine.
    td = register(ecs, res, [c], taskRoleArn=good)
    refused(lambda: ecs.run_task(taskDefinition=td["taskDefinitionArn"], startedBy=started_by,
                                 overrides={"taskRoleArn": untrusted}), untrusted)
    # Nothing was stored.
    for status in ("RUNNING", "STOPPED"):
        assert ecs.list_tasks(startedBy=started_by, desiredStatus=status)["taskArns"] == []
    # The assumable role runs.
    t = run(ecs, res, td["taskDefinitionArn"])[0]
    wait_running(ecs, [t["taskArn"]])


def awslogs(group: str) -> dict:
    return {"logDriver": "awslogs", "options": {
        "awslogs-group": group, "awslogs-region": REGION, "awslogs-stream-prefix": "ecs",
        "awslogs-create-group": "true"}}


def test_execution_role_governs_log_delivery(gantry, ecs, res, roles, image):
    """The agent ships a task's awslogs output signed with the task's
    execution role: allowed → delivered; not allowed → the container cannot
    start (its log stream cannot be created under the role: Docker's
    "failed to initialize logging driver", as on ECS) and nothing is
    delivered."""
    logs = boto3.session.Session().client(
        "logs", region_name=REGION, endpoint_url=gantry.endpoint, aws_access_key_id=gantry.access_key_id,
        aws_secret_access_key=gantry.secret_access_key, config=CFG)
    shipper = roles.make(unique("exec-logs"), policy={"Version": "2012-10-17", "Statement": [{
        "Effect": "Allow", "Action": ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents",
                                      "logs:DescribeLogStreams"], "Resource": "*"}]})
    mute = roles.make(unique("exec-nologs"), policy={"Version": "2012-10-17", "Statement": [{
        "Effect": "Allow", "Action": "ecs:ListClusters", "Resource": "*"}]})
    denied_group, allowed_group = "/e2e/" + unique("denied"), "/e2e/" + unique("allowed")
    started = {}
    for role, group in ((mute, denied_group), (shipper, allowed_group)):
        td = register(ecs, res, [container("app", ["sh", "-c", f"echo hello from {group}; sleep 3600"], memory=32,
                                           logConfiguration=awslogs(group))], executionRoleArn=role)
        (started[group],) = run(ecs, res, td["taskDefinitionArn"])

    def delivered(group):
        try:
            streams = logs.describe_log_streams(logGroupName=group)["logStreams"]
        except botocore.exceptions.ClientError:
            return []
        out = []
        for s in streams:
            out += [e["message"] for e in logs.get_log_events(
                logGroupName=group, logStreamName=s["logStreamName"])["events"]]
        return out

    deadline = time.time() + 90
    while time.time() < deadline and not delivered(allowed_group):
        time.sleep(0.5)
    assert delivered(allowed_group) == [f"hello from {allowed_group}"]
    # The other task could not start: its stream was refused under its role.
    denied_arn = started[denied_group]["taskArn"]
    while time.time() < deadline:
        (t,) = ecs.describe_tasks(cluster="default", tasks=[denied_arn])["tasks"]
        if t["lastStatus"] == "STOPPED":
            break
        time.sleep(0.5)
    assert t["lastStatus"] == "STOPPED", t
    assert t["stopCode"] == "TaskFailedToStart", t
    assert t["stoppedReason"].startswith(
        "CannotStartContainerError: failed to initialize logging driver: "
        "failed to create Cloudwatch log stream: AccessDeniedException"), t["stoppedReason"]
    assert delivered(denied_group) == []
    with pytest.raises(botocore.exceptions.ClientError) as e:
        logs.describe_log_streams(logGroupName=denied_group)
    assert e.value.response["Error"]["Code"] == "ResourceNotFoundException"


@pytest.fixture(scope="module")
def cli_image(tmp_path_factory):
    """An image FROM scratch holding a stripped copy of the gantry binary and
    the shared libraries `ldd` lists: a real AWS client (SigV4, default
    credential chain incl. ECS container credentials) inside a task."""
    import os
    import shutil
    from conftest import gantry_binary

    binary = os.environ.get("GANTRY_BIN") or str(gantry_binary())
    ctx = tmp_path_factory.mktemp("gantry-cli-image")
    root = ctx / "root"
    root.mkdir()
    subprocess.run(["strip", "-o", str(root / "gantry"), binary], check=True)
    for line in subprocess.run(["ldd", binary], capture_output=True, text=True, check=True).stdout.splitlines():
        m = re.search(r"(/\S+) \(0x", line)
        if not m:
            continue
        lib = m.group(1)
        dest = root / lib.lstrip("/")
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(os.path.realpath(lib), dest)
    (ctx / "Dockerfile").write_text('FROM scratch\nCOPY root/ /\nENTRYPOINT ["/gantry"]\n')
    tag = f"gantry-test/gantry-cli:{unique('img')}"
    subprocess.run(["docker", "build", "-q", "--label", "io.gantry.test=true", "-t", tag, str(ctx)],
                   check=True, capture_output=True, timeout=300)
    yield tag
    subprocess.run(["docker", "rmi", "-f", tag], capture_output=True)


def docker_gateway() -> str:
    """The host's address on Docker's default bridge (what bridge-mode containers route through)."""
    p = subprocess.run(["ip", "-4", "-o", "addr", "show", "docker0"], capture_output=True, text=True, check=True)
    m = re.search(r"inet (\d+\.\d+\.\d+\.\d+)/", p.stdout)
    assert m, p.stdout
    return m.group(1)


def test_an_sdk_inside_the_task_uses_the_task_role(gantry, ecs, res, roles, cli_image):
    """A real client inside the container (gantry's own, through the AWS default
    credential chain) lists clusters with the task role's credentials and is
    refused what the role does not allow; without a role it has no credentials."""
    role = roles.make(unique("sdkrole"), policy={
        "Version": "2012-10-17",
        "Statement": [{"Effect": "Allow", "Action": "ecs:ListClusters", "Resource": "*"}]})
    endpoint = f"http://{docker_gateway()}:{gantry.port}"
    env = [{"name": "GANTRY_ENDPOINT", "value": endpoint}, {"name": "AWS_DEFAULT_REGION", "value": REGION}]

    def client(name, op, essential):
        return {"name": name, "image": cli_image, "memory": 64, "essential": essential,
                "command": ["api", "ecs", op, "{}" if op == "ListClusters" else '{"clusterName": "nope-sdk"}'],
                "environment": env}

    td = register(ecs, res, [client("lister", "ListClusters", True), client("creator", "CreateCluster", False)],
                  taskRoleArn=role)
    (task,) = run(ecs, res, td["taskDefinitionArn"])
    t = wait_stopped_task(ecs, task["taskArn"])
    by = {c["name"]: c for c in t["containers"]}
    lister_log = docker_logs(by["lister"]["runtimeId"])
    assert by["lister"].get("exitCode") == 0, lister_log
    assert "clusterArns" in lister_log
    creator_log = docker_logs(by["creator"]["runtimeId"])
    assert by["creator"].get("exitCode") == 1, creator_log
    assert "AccessDeniedException" in creator_log and "ecs:CreateCluster" in creator_log
    assert "nope-sdk" not in json.dumps(ecs.list_clusters())
    # The same client in a task without a role has no credentials at all.
    td2 = register(ecs, res, [client("lister", "ListClusters", True)])
    (task2,) = run(ecs, res, td2["taskDefinitionArn"])
    t2 = wait_stopped_task(ecs, task2["taskArn"])
    c2 = t2["containers"][0]
    log2 = docker_logs(c2["runtimeId"])
    assert c2.get("exitCode") == 1 and "no AWS credentials" in log2, log2


def wait_stopped_task(ecs, arn: str, timeout: float = 180) -> dict:
    deadline = time.time() + timeout
    while True:
        t = ecs.describe_tasks(cluster="default", tasks=[arn])["tasks"][0]
        if t["lastStatus"] == "STOPPED":
            return t
        assert time.time() < deadline, t
        time.sleep(0.5)


def docker_logs(rid: str) -> str:
    p = subprocess.run(["docker", "logs", rid], capture_output=True, text=True, timeout=30)
    return p.stdout + p.stderr
