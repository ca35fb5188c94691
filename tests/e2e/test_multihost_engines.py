"""Issue 4's remaining end-to-end checks, on `gantry server` + `gantry agent`
processes (tests/e2e/multihost.py):

* agents that do not share a Docker Engine (a private `dockerd`), the image
  travelling through a real registry (Debian's `docker-registry` on loopback);
* an agent killed -9 while 10 tasks run: the same 10 containers keep running;
* the control plane killed -9 in the middle of a rolling deployment: the
  deployment completes after the restart, never above maximumPercent;
* forged agent reports on `/agent/v1/sync` (a task never given, another
  host's task, a regression, stale/future generations, malformed bodies) are
  ignored or rejected and corrupt nothing.

(`docker kill` behind the agent's back is covered by
test_services.py::test_replica_service_heal_rollout_scale_delete, and an
Engine restart by test_restart.py.)
"""

from __future__ import annotations

import http.client
import json
import os
import shutil
import subprocess
import tempfile
import time
import urllib.error
import urllib.request

import pytest
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

from conftest import IMAGE, REGION, containers_for_task, docker, docker_inspect, free_port, unique
from helpers import sleeper
from model_validator import ResponseRecorder
from multihost import MultiHost, SecondEngine

SYNC_PATH = "/agent/v1/sync"


def wait_for(what, pred, timeout=90, logs=lambda: ""):
    deadline = time.time() + timeout
    last = None
    while time.time() < deadline:
        last = pred()
        if last:
            return last
        time.sleep(0.3)
    raise AssertionError(f"timed out waiting for {what}: {last}\n{logs()}")


@pytest.fixture(scope="module")
def mh(image):
    m = MultiHost(agent_timeout=2, host_lost_after=60)
    try:
        m.start_server()
        m.add_agent("a", {"e2e.role": "a"})
        m.add_agent("b", {"e2e.role": "b"})
        m.start_agent("a")
        m.start_agent("b")
        yield m
    finally:
        m.close()


@pytest.fixture
def ecs(mh):
    rec = ResponseRecorder()
    client = mh.client(recorder=rec)
    yield client
    assert not rec.failures, "model violations:\n" + "\n".join(rec.failures)


def stop_all(ecs) -> None:
    arns = ecs.list_tasks(cluster="default")["taskArns"]
    for a in arns:
        ecs.stop_task(cluster="default", task=a, reason="e2e cleanup")
    if arns:
        ecs.get_waiter("tasks_stopped").wait(cluster="default", tasks=arns,
                                             WaiterConfig={"Delay": 1, "MaxAttempts": 90})


@pytest.fixture
def td(mh, ecs):
    fam = unique("eng")
    arn = ecs.register_task_definition(family=fam, containerDefinitions=[sleeper(memory=32, stopTimeout=2)]
                                       )["taskDefinition"]["taskDefinitionArn"]
    yield arn
    stop_all(mh.client(validate=False))
    ecs.deregister_task_definition(taskDefinition=arn)


def running(ecs, arns):
    for i in range(0, len(arns), 100):
        ecs.get_waiter("tasks_running").wait(cluster="default", tasks=arns[i:i + 100],
                                             WaiterConfig={"Delay": 1, "MaxAttempts": 120})
    return ecs.describe_tasks(cluster="default", tasks=arns)["tasks"]


# --------------------------------------------------------------------------
# 1. Agents that do not share a Docker Engine; images through a registry.

@pytest.fixture
def plain_registry(image):
    """An anonymous `docker-registry` on 127.0.0.1 (loopback registries are
    insecure-allowed by every Engine, so both dockerds can use it)."""
    binary = shutil.which("docker-registry") or "/usr/bin/docker-registry"
    if not os.path.exists(binary):
        pytest.fail("docker-registry is required (apt-get install docker-registry)")
    root = tempfile.mkdtemp(prefix="gantry-registry-")
    port = free_port()
    with open(os.path.join(root, "config.yml"), "w") as f:
        f.write("version: 0.1\n"
                f"storage:\n  filesystem:\n    rootdirectory: {root}/data\n"
                f"http:\n  addr: 127.0.0.1:{port}\n")
    log = open(os.path.join(root, "registry.log"), "w")
    proc = subprocess.Popen([binary, "serve", os.path.join(root, "config.yml")], stdout=log,
                            stderr=subprocess.STDOUT, start_new_session=True)
    try:
        deadline = time.time() + 20
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/v2/", timeout=2)
                break
            except urllib.error.HTTPError:
                break
            except Exception:  # noqa: BLE001 - not up yet
                if time.time() > deadline or proc.poll() is not None:
                    raise AssertionError("docker-registry did not come up")
                time.sleep(0.2)
        yield f"127.0.0.1:{port}"
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(10)
        log.close()
        shutil.rmtree(root, ignore_errors=True)


@pytest.mark.skipif(shutil.which("dockerd") is None or os.geteuid() != 0,
                    reason="needs root and dockerd for a private Engine")
def test_agent_on_its_own_engine_pulls_the_image_from_a_registry(image, plain_registry):
    ref = f"{plain_registry}/gantry/far-busybox:{unique('v')}"
    engine = SecondEngine()
    far = MultiHost(agent_timeout=2, host_lost_after=60)
    try:
        docker("tag", IMAGE, ref)
        docker("push", ref, timeout=120)
        docker("rmi", ref)  # the machine's Engine no longer has it either
        engine.start()
        far.start_server()
        far.add_agent("near", {})
        far.add_agent("far", {}, ["--task-endpoint-addr", "off", "--metrics-addr", "off"],
                      env_extra={"DOCKER_HOST": engine.host})
        near_ci = far.start_agent("near")
        far_ci = far.start_agent("far")
        logs = lambda: far.logs() + "\n" + engine.log_tail()  # noqa: E731
        assert near_ci["containerInstanceArn"] != far_ci["containerInstanceArn"]
        assert engine.docker("images", "-q", ref) == "", "absent on the far Engine before"

        ecs = far.client()
        td_arn = ecs.register_task_definition(
            family=unique("far"), networkMode="none",
            containerDefinitions=[{"name": "app", "image": ref, "memory": 32, "essential": True,
                                   "command": ["sleep", "3600"]}])["taskDefinition"]["taskDefinitionArn"]
        out = ecs.run_task(cluster="default", taskDefinition=td_arn, count=1,
                           placementConstraints=[{"type": "memberOf",
                                                  "expression": "attribute:e2e.agent == far"}])
        assert out["failures"] == [], out
        (task,) = out["tasks"]
        assert task["containerInstanceArn"] == far_ci["containerInstanceArn"]
        arn = task["taskArn"]
        wait_for("far task RUNNING", lambda: (lambda t: t if t["lastStatus"] in ("RUNNING", "STOPPED") else None)(
            ecs.describe_tasks(cluster="default", tasks=[arn])["tasks"][0]), logs=logs)
        (t,) = ecs.describe_tasks(cluster="default", tasks=[arn])["tasks"]
        assert t["lastStatus"] == "RUNNING", (t, logs())
        assert t.get("pullStartedAt") and t.get("pullStoppedAt")
        # The far Engine pulled it from the registry and runs the container.
        assert json.loads(engine.docker("image", "inspect", ref))[0]["RepoTags"] == [ref]
        ids = engine.docker("ps", "-q", "--filter", f"label=com.amazonaws.ecs.task-arn={arn}").split()
        assert len(ids) == 1 and ids[0].startswith(t["containers"][0]["runtimeId"][:12])
        # Nothing of it ran (or was pulled) on the machine's Engine.
        assert containers_for_task(arn) == []
        assert docker("image", "inspect", ref, check=False).returncode != 0

        ecs.stop_task(cluster="default", task=arn, reason="e2e cleanup")
        ecs.get_waiter("tasks_stopped").wait(cluster="default", tasks=[arn],
                                             WaiterConfig={"Delay": 1, "MaxAttempts": 60})
        wait_for("far container stopped",
                 lambda: engine.docker("ps", "-q", "--filter", f"label=com.amazonaws.ecs.task-arn={arn}") == "",
                 timeout=30, logs=logs)
    finally:
        far.close()
        engine.close()
        docker("rmi", "-f", ref, check=False)


# --------------------------------------------------------------------------
# 2. An agent killed -9 while 10 tasks run.

def test_kill9_agent_with_ten_tasks_keeps_the_same_ten_containers(mh, ecs, td):
    a = mh.instance_of("a", ecs)["containerInstanceArn"]
    arns = []
    for _ in range(10):
        out = ecs.start_task(cluster="default", taskDefinition=td, containerInstances=[a])
        assert out["failures"] == [], out
        arns.append(out["tasks"][0]["taskArn"])
    running(ecs, arns)
    before = {}
    for arn in arns:
        (cid,) = containers_for_task(arn)
        before[arn] = (cid, docker_inspect(cid)["State"]["StartedAt"])

    mh.agents["a"].kill9()
    for arn, (cid, _) in before.items():
        assert docker_inspect(cid)["State"]["Running"] is True, arn
    after = mh.start_agent("a")
    assert after["containerInstanceArn"] == a
    time.sleep(3)  # a few reconcile rounds: no duplicate, no restart
    for arn, (cid, started) in before.items():
        assert containers_for_task(arn) == [cid], arn
        info = docker_inspect(cid)
        assert info["State"]["Running"] is True and info["State"]["StartedAt"] == started, arn
    tasks = ecs.describe_tasks(cluster="default", tasks=arns)["tasks"]
    assert [(t["lastStatus"], t["desiredStatus"]) for t in tasks] == [("RUNNING", "RUNNING")] * 10
    ci = ecs.describe_container_instances(cluster="default", containerInstances=[a])["containerInstances"][0]
    assert ci["runningTasksCount"] == 10 and ci["agentConnected"] is True


# --------------------------------------------------------------------------
# 3. The control plane killed -9 in the middle of a rolling deployment.

def test_kill9_server_mid_deployment_the_deployment_completes(mh, ecs):
    fam = unique("dep")
    td1 = ecs.register_task_definition(family=fam, containerDefinitions=[sleeper(memory=32, stopTimeout=2)]
                                       )["taskDefinition"]["taskDefinitionArn"]
    td2 = ecs.register_task_definition(family=fam, containerDefinitions=[
        sleeper(seconds=7200, memory=32, stopTimeout=2)])["taskDefinition"]["taskDefinitionArn"]
    name = unique("svc")
    max_running = {"n": 0, "log": []}
    client = {"c": ecs}

    def observe(client=None):
        """Running containers of the family on the machine's Engine (works
        while the control plane is down) and, with a client, the service's
        tasks that are meant to run (desiredStatus RUNNING) and not STOPPED:
        maximumPercent bounds those (a task being stopped keeps its
        container for up to its stopTimeout and is not counted, as in ECS)."""
        n = len(docker("ps", "-q", "--filter", f"label=com.amazonaws.ecs.task-definition-family={fam}"
                       ).stdout.split())
        max_running["n"] = max(max_running["n"], n)
        if "min" in max_running:
            max_running["min"] = min(max_running["min"], n)
        if client is not None:
            arns = client.list_tasks(cluster="default", serviceName=name, desiredStatus="RUNNING")["taskArns"]
            ts = client.describe_tasks(cluster="default", tasks=arns)["tasks"] if arns else []
            live = [t for t in ts if t["lastStatus"] != "STOPPED"]
            max_running["api"] = max(max_running.get("api", 0), len(live))
            max_running["log"].append((round(time.time(), 1), n, sorted((t["taskDefinitionArn"][-1],
                                       t["lastStatus"], t["desiredStatus"]) for t in ts)))
        return n

    def poll(what, pred, timeout=120):
        def step():
            observe(client["c"])
            return pred()
        return wait_for(what, step, timeout=timeout, logs=mh.logs)

    ecs.create_service(cluster="default", serviceName=name, taskDefinition=td1, desiredCount=3,
                       deploymentConfiguration={"maximumPercent": 150, "minimumHealthyPercent": 100})
    try:
        def stable_on(c, td_arn):
            s = c.describe_services(cluster="default", services=[name])["services"][0]
            deps = s["deployments"]
            return s if (len(deps) == 1 and deps[0]["taskDefinition"] == td_arn
                         and deps[0]["rolloutState"] == "COMPLETED" and s["runningCount"] == 3) else None

        poll("first deployment COMPLETED", lambda: stable_on(ecs, td1))
        svc = ecs.update_service(cluster="default", service=name, taskDefinition=td2)["service"]
        (primary,) = [d for d in svc["deployments"] if d["status"] == "PRIMARY"]
        assert primary["taskDefinition"] == td2
        s = ecs.describe_services(cluster="default", services=[name])["services"][0]
        (p,) = [d for d in s["deployments"] if d["status"] == "PRIMARY"]
        assert p["rolloutState"] == "IN_PROGRESS" and len(s["deployments"]) == 2, s["deployments"]
        # minimumHealthyPercent 100: from now on at least 3 containers run
        # at every observation, including while the control plane is down.
        max_running["min"] = observe()
        mh.server.kill9()
        for _ in range(10):
            observe()
            time.sleep(0.3)
        mh.start_server()
        mh.wait_connected("a")
        mh.wait_connected("b")
        ecs = client["c"] = mh.client()
        s = poll("deployment COMPLETED after the restart", lambda: stable_on(ecs, td2))
        (dep,) = s["deployments"]
        assert dep["id"] == primary["id"] and dep["status"] == "PRIMARY"
        assert dep["runningCount"] == 3 and dep["failedTasks"] == 0
        arns = ecs.list_tasks(cluster="default", serviceName=name, desiredStatus="RUNNING")["taskArns"]
        tasks = ecs.describe_tasks(cluster="default", tasks=arns)["tasks"]
        assert sorted((t["taskDefinitionArn"], t["lastStatus"]) for t in tasks) == [(td2, "RUNNING")] * 3
        poll("exactly 3 containers", lambda: observe() == 3, timeout=60)
        trace = "\n".join(map(str, max_running["log"]))
        assert max_running["min"] >= 3, f"only {max_running['min']} containers ran at one point\n{trace}"
        assert max_running["api"] <= 4, f"{max_running['api']} tasks at once (maximumPercent 150 of 3)\n{trace}"
    finally:
        c = mh.client(validate=False)
        try:
            c.delete_service(cluster="default", service=name, force=True)
            c.get_waiter("services_inactive").wait(cluster="default", services=[name],
                                                   WaiterConfig={"Delay": 1, "MaxAttempts": 90})
        except Exception:  # noqa: BLE001 - best effort; MultiHost.close removes containers
            pass


# --------------------------------------------------------------------------
# 5. Forged and malformed agent reports.

def sync(mh, body, raw: bytes = None):
    data = raw if raw is not None else json.dumps(body).encode()
    req = AWSRequest(method="POST", url=mh.endpoint + SYNC_PATH, data=data,
                     headers={"Content-Type": "application/json"})
    SigV4Auth(Credentials(mh.access_key_id, mh.secret_access_key), "ecs", REGION).add_auth(req)
    conn = http.client.HTTPConnection("127.0.0.1", mh.port, timeout=60)
    try:
        conn.request("POST", SYNC_PATH, body=data, headers=dict(req.headers.items()))
        r = conn.getresponse()
        return r.status, r.read()
    finally:
        conn.close()


def observation(arn, status, container_status, runtime_id=None, **kw):
    c = {"name": "app", "lastStatus": container_status}
    if runtime_id:
        c["runtimeId"] = runtime_id
    if container_status == "STOPPED":
        c["exitCode"] = 1
    return dict({"taskArn": arn, "lastStatus": status, "containers": [c]}, **kw)


def comparable(t):
    """The fields a forged report could corrupt."""
    return (t["lastStatus"], t["desiredStatus"], t.get("stopCode"), t.get("stoppedReason"),
            t.get("version"), [(c.get("lastStatus"), c.get("runtimeId"), c.get("exitCode"))
                               for c in t["containers"]])


def test_forged_and_malformed_agent_reports_change_nothing(mh, ecs, td):
    a = mh.instance_of("a", ecs)["containerInstanceArn"]
    b = mh.instance_of("b", ecs)["containerInstanceArn"]
    (ta,) = ecs.start_task(cluster="default", taskDefinition=td, containerInstances=[a])["tasks"]
    (tb,) = ecs.start_task(cluster="default", taskDefinition=td, containerInstances=[b])["tasks"]
    arns = [ta["taskArn"], tb["taskArn"]]
    running(ecs, arns)

    def counts():
        return {ci["containerInstanceArn"]: (ci["runningTasksCount"], ci["pendingTasksCount"], ci["status"])
                for ci in ecs.describe_container_instances(cluster="default", containerInstances=[a, b])
                ["containerInstances"]}

    # The previous test's service tasks may still be stopping on these hosts
    # (a stopping task counts until its container is gone): the baseline is
    # taken once each host holds only this test's task.
    wait_for("only this test's tasks on a and b",
             lambda: all(c[:2] == (1, 0) for c in counts().values()), timeout=60, logs=mh.logs)
    time.sleep(1)  # let both agents' reports settle
    before = {t["taskArn"]: comparable(t) for t in ecs.describe_tasks(cluster="default", tasks=arns)["tasks"]}
    cis_before = counts()
    (cid_a,) = containers_for_task(ta["taskArn"])
    (cid_b,) = containers_for_task(tb["taskArn"])
    never = ta["taskArn"].rsplit("/", 1)[0] + "/" + "f" * 32
    foreign = f"arn:aws:ecs:{REGION}:111122223333:task/default/{'e' * 32}"

    # a's credentials, a's instance: reports a task it was never given (an
    # unknown one, another account's, and b's), and a regression of its own.
    status, body = sync(mh, {"cluster": "default", "containerInstanceArn": a, "knownGeneration": 0,
                             "waitSeconds": 0, "observed": {"tasks": [
                                 observation(never, "STOPPED", "STOPPED", stopCode="EssentialContainerExited",
                                             stoppedReason="forged"),
                                 observation(foreign, "RUNNING", "RUNNING", runtime_id="0" * 64),
                                 observation(tb["taskArn"], "STOPPED", "STOPPED", runtime_id="1" * 64,
                                             stopCode="EssentialContainerExited", stoppedReason="forged"),
                                 observation(ta["taskArn"], "PENDING", "PENDING"),
                             ]}})
    assert status == 200, body
    answer = json.loads(body)
    # A stale generation gets the host's complete desired state: a's task only.
    assert answer["registered"] is True and answer["generation"] >= 1
    assert [t["taskArn"] for t in answer["desired"]["tasks"]] == [ta["taskArn"]]
    assert answer["desired"]["generation"] == answer["generation"]

    # A generation from the future is answered with the real one, unchanged.
    status, body = sync(mh, {"cluster": "default", "containerInstanceArn": a,
                             "knownGeneration": answer["generation"] + 10**6, "waitSeconds": 0})
    assert status == 200, body
    future = json.loads(body)
    assert future["generation"] == answer["generation"]
    assert [t["taskArn"] for t in future["desired"]["tasks"]] == [ta["taskArn"]]

    # Malformed reports are refused with a SerializationException.
    bad = [
        b"{not json",
        json.dumps({"cluster": "default", "containerInstanceArn": a}).encode(),  # no knownGeneration
        json.dumps({"cluster": "default", "containerInstanceArn": a, "knownGeneration": -1}).encode(),
        json.dumps({"cluster": "default", "containerInstanceArn": a, "knownGeneration": 0,
                    "observed": {"tasks": [observation(ta["taskArn"], "EXPLODED", "RUNNING")]}}).encode(),
        json.dumps({"cluster": "default", "containerInstanceArn": a, "knownGeneration": 0,
                    "observed": {"tasks": [{"taskArn": ta["taskArn"]}]}}).encode(),
        json.dumps({"cluster": 7, "containerInstanceArn": a, "knownGeneration": 0}).encode(),
    ]
    for raw in bad:
        status, body = sync(mh, None, raw=raw)
        assert status == 400, (raw, status, body)
        assert json.loads(body)["__type"].endswith("SerializationException"), body
    server_log = mh.server.log_path.read_text(errors="replace")
    assert "Invalid sync request" in server_log

    # An instance that does not exist is told it is not registered.
    ghost = a.rsplit("/", 1)[0] + "/" + "0" * 32
    status, body = sync(mh, {"cluster": "default", "containerInstanceArn": ghost, "knownGeneration": 0})
    assert status == 200 and json.loads(body)["registered"] is False, body

    # Nothing changed: both tasks, both containers, both instances.
    time.sleep(1)
    after = {t["taskArn"]: comparable(t) for t in ecs.describe_tasks(cluster="default", tasks=arns)["tasks"]}
    assert after == before
    out = ecs.describe_tasks(cluster="default", tasks=[never, foreign])
    assert out["tasks"] == [] and len(out["failures"]) == 2, out
    assert never not in ecs.list_tasks(cluster="default")["taskArns"]
    cis_after = counts()
    assert cis_after == cis_before
    for cid in (cid_a, cid_b):
        assert docker_inspect(cid)["State"]["Running"] is True
    # The real agents are unaffected: a's task can still be stopped through it.
    assert mh.agents["a"].alive() and mh.agents["b"].alive()
    ecs.stop_task(cluster="default", task=ta["taskArn"], reason="after forgery")
    ecs.get_waiter("tasks_stopped").wait(cluster="default", tasks=[ta["taskArn"]],
                                         WaiterConfig={"Delay": 1, "MaxAttempts": 60})
    (t,) = ecs.describe_tasks(cluster="default", tasks=[ta["taskArn"]])["tasks"]
    assert t["stopCode"] == "UserInitiated" and t["stoppedReason"] == "after forgery"
    wait_for("a's container stopped", lambda: not docker_inspect(cid_a)["State"]["Running"], timeout=30,
             logs=mh.logs)


# --------------------------------------------------------------------------
# 4. `docker kill` of every service container behind the agents' backs.

def test_docker_kill_behind_the_agents_backs_is_reported_and_replaced(mh, ecs):
    td_arn = ecs.register_task_definition(family=unique("kill"), containerDefinitions=[
        sleeper(memory=32, stopTimeout=2)])["taskDefinition"]["taskDefinitionArn"]
    name = unique("svc")
    ecs.create_service(cluster="default", serviceName=name, taskDefinition=td_arn, desiredCount=2,
                       placementStrategy=[{"type": "spread", "field": "instanceId"}])
    try:
        def live():
            arns = ecs.list_tasks(cluster="default", serviceName=name, desiredStatus="RUNNING")["taskArns"]
            ts = ecs.describe_tasks(cluster="default", tasks=arns)["tasks"] if arns else []
            return [t for t in ts if t["lastStatus"] == "RUNNING"]

        first = wait_for("2 RUNNING tasks", lambda: (lambda r: r if len(r) == 2 else None)(live()), logs=mh.logs)
        assert {t["containerInstanceArn"] for t in first} == {
            mh.instance_of("a", ecs)["containerInstanceArn"], mh.instance_of("b", ecs)["containerInstanceArn"]}
        victims = {t["taskArn"]: containers_for_task(t["taskArn"]) for t in first}
        for arn, cids in victims.items():
            assert len(cids) == 1, (arn, cids)
            docker("kill", cids[0])

        def replaced():
            old = ecs.describe_tasks(cluster="default", tasks=list(victims))["tasks"]
            new = [t for t in live() if t["taskArn"] not in victims]
            return (old, new) if all(t["lastStatus"] == "STOPPED" for t in old) and len(new) == 2 else None

        old, new = wait_for("both killed tasks STOPPED and replaced", replaced, timeout=120, logs=mh.logs)
        for t in old:
            assert t["stopCode"] == "EssentialContainerExited", t
            assert t["stoppedReason"] == "Essential container in task exited", t
            assert t["containers"][0]["exitCode"] == 137, t
        for t in new:
            (cid,) = containers_for_task(t["taskArn"])
            assert docker_inspect(cid)["State"]["Running"] is True
        # The killed containers are not restarted by anyone.
        for cids in victims.values():
            r = docker("inspect", "-f", "{{.State.Running}}", cids[0], check=False)
            assert r.returncode != 0 or r.stdout.strip() == "false", r.stdout
    finally:
        c = mh.client(validate=False)
        try:
            c.delete_service(cluster="default", service=name, force=True)
            c.get_waiter("services_inactive").wait(cluster="default", services=[name],
                                                   WaiterConfig={"Delay": 1, "MaxAttempts": 90})
        except Exception:  # noqa: BLE001 - best effort; MultiHost.close removes containers
            pass
