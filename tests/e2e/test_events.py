"""The ECS event stream: EventBridge-shaped events (task state changes,
service actions, deployment and container instance state changes) through
`gantry events` and `GET /gantry/v1/events` (Server-Sent Events, SigV4)."""

from __future__ import annotations

import json
import os
import subprocess
import threading
import time
import uuid
from typing import Dict, List, Optional

import urllib.error
import urllib.request
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

from conftest import gantry_binary
from helpers import container, register, run, sleeper, wait_stopped

DETAIL_TYPES = {
    "ECS Task State Change",
    "ECS Service Action",
    "ECS Deployment State Change",
    "ECS Container Instance State Change",
}


def cli_env(gantry) -> Dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    env.update(AWS_ACCESS_KEY_ID=gantry.access_key_id, AWS_SECRET_ACCESS_KEY=gantry.secret_access_key,
               AWS_DEFAULT_REGION=gantry.region, GANTRY_ENDPOINT=gantry.endpoint)
    return env


def binary() -> str:
    return os.environ.get("GANTRY_BIN") or str(gantry_binary())


def check_envelope(gantry, e: dict) -> None:
    assert e["version"] == "0"
    assert e["source"] == "aws.ecs"
    assert e["detail-type"] in DETAIL_TYPES, e["detail-type"]
    assert e["account"] == gantry.account_id
    assert e["region"] == gantry.region
    uuid.UUID(e["id"])
    time.strptime(e["time"], "%Y-%m-%dT%H:%M:%SZ")
    assert isinstance(e["resources"], list) and len(e["resources"]) == 1
    assert e["resources"][0].startswith(f"arn:aws:ecs:{gantry.region}:{gantry.account_id}:")
    assert isinstance(e["detail"], dict)


def task_statuses(events: List[dict], arn: str) -> List[str]:
    out = []
    for e in events:
        if e["detail-type"] == "ECS Task State Change" and e["resources"] == [arn]:
            s = e["detail"]["lastStatus"]
            if not out or out[-1] != s:
                out.append(s)
    return out


class Answer:
    def __init__(self, status: int, headers, body: bytes):
        self.status_code, self.headers, self.text = status, headers, body.decode("utf-8")

    def json(self):
        return json.loads(self.text)


def open_signed(gantry, path_and_query: str, headers: Optional[Dict[str, str]] = None, signed: bool = True):
    """The raw urllib response (or HTTPError) of a GET, SigV4-signed with botocore."""
    url = gantry.endpoint + path_and_query
    h = dict(headers or {})
    if signed:
        req = AWSRequest(method="GET", url=url, headers=h)
        SigV4Auth(Credentials(gantry.access_key_id, gantry.secret_access_key), "ecs", gantry.region).add_auth(req)
        h = dict(req.headers)
    try:
        return urllib.request.urlopen(urllib.request.Request(url, headers=h), timeout=60)
    except urllib.error.HTTPError as e:
        return e


def signed_get(gantry, path_and_query: str, headers: Optional[Dict[str, str]] = None, signed: bool = True) -> Answer:
    r = open_signed(gantry, path_and_query, headers, signed)
    with r:
        return Answer(r.status if hasattr(r, "status") else r.code, r.headers, r.read())


def parse_sse(text: str) -> List[tuple]:
    """[(id, data)] of the complete messages in `text`."""
    out = []
    for block in text.split("\n\n"):
        ident, data = None, []
        for line in block.split("\n"):
            if line.startswith("id:"):
                ident = line[3:].strip()
            elif line.startswith("data:"):
                data.append(line[5:].lstrip(" "))
        if data:
            out.append((ident, "\n".join(data)))
    return out


def run_short_task(ecs, res) -> str:
    td = register(ecs, res, [container("app", ["sh", "-c", "sleep 2; exit 3"])])
    (task,) = run(ecs, res, td["taskDefinitionArn"])
    wait_stopped(ecs, [task["taskArn"]])
    return task["taskArn"]


def test_task_state_changes_through_cli_and_sse(gantry, ecs, res):
    # Follow from before the task exists: the CLI prints its events live.
    proc = subprocess.Popen([binary(), "events", "--follow", "--json", "--cluster", "default"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=cli_env(gantry))
    timer = threading.Timer(120, proc.kill)
    timer.start()
    try:
        td = register(ecs, res, [container("app", ["sh", "-c", "sleep 2; exit 3"])])
        (task,) = run(ecs, res, td["taskDefinitionArn"])
        arn = task["taskArn"]
        seen: List[dict] = []
        while "STOPPED" not in task_statuses(seen, arn):
            line = proc.stdout.readline()
            assert line, f"gantry events --follow ended early: {proc.stderr.read()}"
            seen.append(json.loads(line))
        timer.cancel()
    finally:
        timer.cancel()
        proc.kill()
        proc.wait()
    for e in seen:
        check_envelope(gantry, e)
    statuses = task_statuses(seen, arn)
    assert statuses[-1] == "STOPPED"
    # Gantry records PROVISIONING (or PENDING) at RunTask, then what the
    # agent reports; a container that starts at once skips a stored PENDING.
    assert statuses[0] in ("PROVISIONING", "PENDING"), statuses
    assert statuses[-2:] == ["RUNNING", "STOPPED"], statuses
    last = [e for e in seen if e["resources"] == [arn]][-1]["detail"]
    assert last["taskArn"] == arn and last["desiredStatus"] == "STOPPED"
    assert last["containers"][0]["exitCode"] == 3
    assert last["clusterArn"].endswith(":cluster/default")
    time.strptime(last["updatedAt"], "%Y-%m-%dT%H:%M:%S.%fZ")
    time.strptime(last["createdAt"], "%Y-%m-%dT%H:%M:%S.%fZ")
    assert isinstance(last["version"], int)

    # The same events from the buffer, without --follow, one line each.
    p = subprocess.run([binary(), "events", "--cluster", "default"], capture_output=True, text=True,
                       env=cli_env(gantry), timeout=60)
    assert p.returncode == 0, p.stderr
    task_id = arn.rsplit("/", 1)[1]
    mine = [line for line in p.stdout.splitlines() if f" {task_id} " in line]
    assert mine and all(" ECS Task State Change " in line for line in mine), p.stdout[-2000:]
    assert "STOPPED (desired STOPPED)" in mine[-1] and "app=3" in mine[-1]

    # The HTTP endpoint, SigV4-signed with botocore.
    r = signed_get(gantry, "/gantry/v1/events?cluster=default")
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith("text/event-stream")
    msgs = parse_sse(r.text)
    ids = [int(i) for i, _ in msgs]
    assert ids == sorted(ids) and len(set(ids)) == len(ids)
    events = [json.loads(d) for _, d in msgs]
    assert task_statuses(events, arn) == statuses
    # Resuming after an id (Last-Event-ID) returns only what follows it.
    mine_ids = [i for i, e in zip(ids, events) if e["resources"] == [arn]]
    r = signed_get(gantry, "/gantry/v1/events?cluster=default", headers={"Last-Event-ID": str(mine_ids[0])})
    later = [int(i) for i, _ in parse_sse(r.text)]
    assert later and min(later) > mine_ids[0]
    # Another cluster's filter sees none of it.
    r = signed_get(gantry, "/gantry/v1/events?cluster=no-such-cluster-" + uuid.uuid4().hex[:6])
    assert r.status_code == 200 and parse_sse(r.text) == []


def test_events_endpoint_needs_a_signature(gantry):
    r = signed_get(gantry, "/gantry/v1/events", signed=False)
    assert r.status_code in (400, 403), r.text
    assert r.json()["__type"] == "MissingAuthenticationTokenException"
    r = signed_get(gantry, "/gantry/v1/events?since=yesterday")
    assert r.status_code == 400 and r.json()["__type"] == "InvalidParameterException"


def test_sse_follow_delivers_new_events(gantry, ecs, res):
    r = open_signed(gantry, "/gantry/v1/events?cluster=default&follow=true&since=%d" % int(time.time()))
    assert r.status == 200
    assert r.headers["content-type"].startswith("text/event-stream")
    got: List[dict] = []
    errors: List[BaseException] = []
    arn_box: List[str] = []

    def reader():
        try:
            block = ""
            while True:
                line = r.readline().decode("utf-8")
                if not line:
                    return
                block += line
                if line == "\n":
                    for _, data in parse_sse(block):
                        got.append(json.loads(data))
                    block = ""
                    if arn_box and "STOPPED" in task_statuses(got, arn_box[0]):
                        return
        except BaseException as e:  # noqa: BLE001 - reported by the test
            errors.append(e)

    t = threading.Thread(target=reader, daemon=True)
    t.start()
    try:
        td = register(ecs, res, [sleeper(seconds=1)])
        (task,) = run(ecs, res, td["taskDefinitionArn"])
        arn_box.append(task["taskArn"])
        wait_stopped(ecs, [task["taskArn"]])
        t.join(60)
    finally:
        r.close()
    assert not errors, errors
    statuses = task_statuses(got, arn_box[0])
    assert statuses[-1:] == ["STOPPED"] and "RUNNING" in statuses, statuses


def test_service_actions_and_deployment_events(gantry, ecs, res):
    td = register(ecs, res, [sleeper()])
    name = "ev-" + uuid.uuid4().hex[:8]
    svc = ecs.create_service(cluster="default", serviceName=name, taskDefinition=td["taskDefinitionArn"],
                             desiredCount=1)["service"]
    arn = svc["serviceArn"]
    try:
        deadline = time.time() + 120
        names: List[str] = []
        while time.time() < deadline:
            r = signed_get(gantry, "/gantry/v1/events?cluster=default")
            events = [json.loads(d) for _, d in parse_sse(r.text)]
            mine = [e for e in events if e["resources"] == [arn]]
            names = [e["detail"]["eventName"] for e in mine]
            if "SERVICE_STEADY_STATE" in names and "SERVICE_DEPLOYMENT_COMPLETED" in names:
                break
            time.sleep(1)
        assert "SERVICE_DEPLOYMENT_IN_PROGRESS" in names, names
        assert names.index("SERVICE_DEPLOYMENT_IN_PROGRESS") < names.index("SERVICE_DEPLOYMENT_COMPLETED"), names
        assert "SERVICE_STEADY_STATE" in names, names
        for e in mine:
            check_envelope(gantry, e)
            d = e["detail"]
            if e["detail-type"] == "ECS Service Action":
                assert d["eventType"] in ("INFO", "WARN", "ERROR")
                assert d["clusterArn"].endswith(":cluster/default")
                time.strptime(d["createdAt"], "%Y-%m-%dT%H:%M:%S.%fZ")
            else:
                assert e["detail-type"] == "ECS Deployment State Change"
                assert d["deploymentId"].startswith("ecs-svc/")
        ecs.update_service(cluster="default", service=name, desiredCount=0)
        deadline = time.time() + 60
        while time.time() < deadline:
            r = signed_get(gantry, "/gantry/v1/events?cluster=default")
            names = [json.loads(d)["detail"].get("eventName") for _, d in parse_sse(r.text)
                     if json.loads(d)["resources"] == [arn]]
            if "SERVICE_DESIRED_COUNT_UPDATED" in names:
                break
            time.sleep(1)
        assert "SERVICE_DESIRED_COUNT_UPDATED" in names, names
    finally:
        ecs.delete_service(cluster="default", service=name, force=True)


def test_container_instance_state_changes(gantry, ecs):
    from helpers import local_instance
    ci = local_instance(ecs)
    arn = ci["containerInstanceArn"]
    ecs.update_container_instances_state(cluster="default", containerInstances=[arn], status="DRAINING")
    try:
        ecs.update_container_instances_state(cluster="default", containerInstances=[arn], status="ACTIVE")
    finally:
        if local_instance(ecs)["status"] != "ACTIVE":
            ecs.update_container_instances_state(cluster="default", containerInstances=[arn], status="ACTIVE")
    deadline = time.time() + 30
    statuses: List[str] = []
    while time.time() < deadline:
        r = signed_get(gantry, "/gantry/v1/events?cluster=default")
        inst = [json.loads(d) for _, d in parse_sse(r.text)]
        inst = [e for e in inst if e["detail-type"] == "ECS Container Instance State Change" and e["resources"] == [arn]]
        statuses = [e["detail"]["status"] for e in inst]
        if statuses[-2:] == ["DRAINING", "ACTIVE"]:
            break
        time.sleep(0.5)
    assert statuses[-2:] == ["DRAINING", "ACTIVE"], statuses
    for e in inst:
        check_envelope(gantry, e)
    d = inst[-1]["detail"]
    assert d["containerInstanceArn"] == arn
    assert isinstance(d["agentConnected"], bool)
    time.strptime(d["registeredAt"], "%Y-%m-%dT%H:%M:%S.%fZ")
