"""EC2 launch type across several hosts: one `gantry server` and two
`gantry agent` processes (own data dirs and attributes) on the local Docker
Engine. Placement across agents, StartTask, constraints, agent and server
kill -9, silent agents (disconnected, avoided, host lost, coming back),
orphans, draining and deregistration.

The server runs with --agent-timeout 2 --host-lost-after 12.
"""

from __future__ import annotations

import subprocess
import time

import pytest

from conftest import IMAGE, containers_for_task, docker, docker_inspect, free_port, unique
from helpers import sleeper
from model_validator import ResponseRecorder
from multihost import MultiHost

INSTANCE_LABEL = "io.gantry.container-instance-arn"
BLUE = {"e2e.role": "blue"}
GREEN = {"e2e.role": "green"}


@pytest.fixture(scope="module")
def mh(image):
    m = MultiHost(agent_timeout=2, host_lost_after=12)
    try:
        m.start_server()
        m.add_agent("blue", BLUE, ["--cpu", "2048", "--memory", "2048", "--availability-zone", "zone-a",
                                   "--instance-type", "t3.small"])
        # green's first endpoint is dead: it fails over to the live one.
        m.add_agent("green", GREEN, ["--cpu", "2048", "--memory", "2048", "--availability-zone", "zone-b"],
                    endpoints=[f"http://127.0.0.1:{free_port()}", m.endpoint])
        m.start_agent("blue")
        m.start_agent("green")
        yield m
    finally:
        m.close()


@pytest.fixture
def ecs(mh):
    rec = ResponseRecorder()
    client = mh.client(recorder=rec)
    yield client
    assert not rec.failures, "model violations:\n" + "\n".join(rec.failures)


@pytest.fixture
def td(ecs):
    fam = unique("mh")
    arn = ecs.register_task_definition(family=fam, containerDefinitions=[sleeper(memory=32, stopTimeout=2)])["taskDefinition"]["taskDefinitionArn"]
    yield arn
    stop_all(ecs)
    ecs.deregister_task_definition(taskDefinition=arn)


def stop_all(ecs) -> None:
    arns = ecs.list_tasks(cluster="default")["taskArns"]
    for a in arns:
        ecs.stop_task(cluster="default", task=a, reason="e2e cleanup")
    if arns:
        ecs.get_waiter("tasks_stopped").wait(cluster="default", tasks=arns, WaiterConfig={"Delay": 1, "MaxAttempts": 60})


def wait_for(what: str, pred, timeout: float = 60, mh: MultiHost = None):
    deadline = time.time() + timeout
    last = None
    while time.time() < deadline:
        last = pred()
        if last:
            return last
        time.sleep(0.25)
    raise AssertionError(f"timed out waiting for {what}: {last}\n{mh.logs() if mh else ''}")


def running(ecs, arns):
    ecs.get_waiter("tasks_running").wait(cluster="default", tasks=arns, WaiterConfig={"Delay": 1, "MaxAttempts": 90})
    return ecs.describe_tasks(cluster="default", tasks=arns)["tasks"]


def live_containers(task_arn: str):
    return [c for c in containers_for_task(task_arn) if docker_inspect(c)["State"]["Running"]]


def test_agents_join_with_their_flags(mh, ecs):
    blue = mh.instance_of("blue", ecs)
    green = mh.instance_of("green", ecs)
    assert blue["containerInstanceArn"] != green["containerInstanceArn"]
    for ci, zone in ((blue, "zone-a"), (green, "zone-b")):
        assert ci["status"] == "ACTIVE" and ci["agentConnected"] is True
        attrs = {a["name"]: a.get("value") for a in ci["attributes"]}
        assert attrs["ecs.availability-zone"] == zone
        assert attrs["ecs.os-type"] == "linux"
        regd = {r["name"]: r for r in ci["registeredResources"]}
        assert regd["CPU"]["integerValue"] == 2048 and regd["MEMORY"]["integerValue"] == 2048
        assert ci["versionInfo"]["agentVersion"]
        assert ci["versionInfo"]["dockerVersion"].startswith("DockerVersion: ")
    assert {a["name"]: a.get("value") for a in blue["attributes"]}["ecs.instance-type"] == "t3.small"
    assert "ecs.instance-type" not in {a["name"] for a in green["attributes"]}


def test_agent_with_wrong_credentials_is_refused_and_registers_nothing(mh, ecs):
    before = ecs.list_container_instances(cluster="default")["containerInstanceArns"]
    bad = mh.add_agent("intruder", {}, credentials=(mh.access_key_id, "not-the-secret-" + "x" * 25))
    bad.start()
    try:
        rc = bad.wait_exit(30)
    finally:
        bad.stop()
    assert rc != 0, bad.log_tail()
    assert "InvalidSignatureException" in bad.log_path.read_text(errors="replace")
    assert ecs.list_container_instances(cluster="default")["containerInstanceArns"] == before
    assert mh.instance_of("intruder", ecs) is None
    del mh.agents["intruder"]


def test_run_task_spreads_start_task_targets_and_constraints_pick(mh, ecs, td):
    blue = mh.instance_of("blue", ecs)["containerInstanceArn"]
    green = mh.instance_of("green", ecs)["containerInstanceArn"]
    out = ecs.run_task(cluster="default", taskDefinition=td, count=4,
                       placementStrategy=[{"type": "spread", "field": "instanceId"}])
    assert out["failures"] == []
    tasks = running(ecs, [t["taskArn"] for t in out["tasks"]])
    per = [t["containerInstanceArn"] for t in tasks]
    assert sorted(per) == sorted([blue, blue, green, green]), per
    # Each task's container was created by the agent of its own instance.
    for t in tasks:
        (cid,) = containers_for_task(t["taskArn"])
        assert docker_inspect(cid)["Config"]["Labels"][INSTANCE_LABEL] == t["containerInstanceArn"]

    out = ecs.start_task(cluster="default", taskDefinition=td, containerInstances=[green])
    assert out["failures"] == [] and out["tasks"][0]["containerInstanceArn"] == green
    out = ecs.run_task(cluster="default", taskDefinition=td, count=2,
                       placementConstraints=[{"type": "memberOf", "expression": "attribute:e2e.role == blue"}])
    assert out["failures"] == []
    assert {t["containerInstanceArn"] for t in out["tasks"]} == {blue}
    running(ecs, [t["taskArn"] for t in out["tasks"]])


def test_kill9_agent_adopts_its_running_task(mh, ecs, td):
    before = mh.instance_of("blue", ecs)
    (task,) = ecs.start_task(cluster="default", taskDefinition=td,
                             containerInstances=[before["containerInstanceArn"]])["tasks"]
    arn = task["taskArn"]
    running(ecs, [arn])
    (cid,) = containers_for_task(arn)
    started = docker_inspect(cid)["State"]["StartedAt"]

    mh.agents["blue"].kill9()
    assert docker_inspect(cid)["State"]["Running"] is True
    after = mh.start_agent("blue")
    assert after["containerInstanceArn"] == before["containerInstanceArn"]
    time.sleep(3)  # a few reconcile rounds: no duplicate may appear
    assert containers_for_task(arn) == [cid]
    info = docker_inspect(cid)
    assert info["State"]["Running"] is True and info["State"]["StartedAt"] == started
    (t,) = ecs.describe_tasks(cluster="default", tasks=[arn])["tasks"]
    assert t["lastStatus"] == "RUNNING" and t["desiredStatus"] == "RUNNING"


def test_kill9_server_agents_keep_running_and_resync(mh, ecs, td):
    out = ecs.run_task(cluster="default", taskDefinition=td, count=4,
                       placementStrategy=[{"type": "spread", "field": "instanceId"}])
    arns = [t["taskArn"] for t in out["tasks"]]
    running(ecs, arns)
    cids = {a: containers_for_task(a) for a in arns}
    assert all(len(c) == 1 for c in cids.values()), cids

    mh.server.kill9()
    time.sleep(3)  # the agents retry against a dead endpoint meanwhile
    for a, (cid,) in cids.items():
        assert docker_inspect(cid)["State"]["Running"] is True, a
    mh.start_server()
    mh.wait_connected("blue")
    mh.wait_connected("green")
    ecs = mh.client()
    tasks = ecs.describe_tasks(cluster="default", tasks=arns)["tasks"]
    assert [t["lastStatus"] for t in tasks] == ["RUNNING"] * 4
    time.sleep(2)
    for a, before in cids.items():
        assert containers_for_task(a) == before, a


def test_silent_agent_disconnects_is_avoided_and_its_lost_tasks_stop_on_return(mh, ecs, td):
    blue = mh.instance_of("blue", ecs)["containerInstanceArn"]
    green = mh.instance_of("green", ecs)["containerInstanceArn"]
    (task,) = ecs.start_task(cluster="default", taskDefinition=td, containerInstances=[blue])["tasks"]
    lost = task["taskArn"]
    running(ecs, [lost])
    (cid,) = containers_for_task(lost)

    agent = mh.agents["blue"]
    agent.pause()
    try:
        t0 = time.time()
        wait_for("blue disconnected",
                 lambda: not ecs.describe_container_instances(cluster="default", containerInstances=[blue])
                 ["containerInstances"][0]["agentConnected"], timeout=30, mh=mh)
        print(f"measured: blue disconnected {time.time() - t0:.1f}s after it went silent (timeout {mh.agent_timeout}s)")
        # While disconnected its task is neither stopped nor duplicated.
        (t,) = ecs.describe_tasks(cluster="default", tasks=[lost])["tasks"]
        assert t["lastStatus"] == "RUNNING" and t["desiredStatus"] == "RUNNING"
        # New work avoids it; StartTask on it fails with AGENT.
        out = ecs.run_task(cluster="default", taskDefinition=td, count=3)
        assert out["failures"] == []
        assert {x["containerInstanceArn"] for x in out["tasks"]} == {green}
        out = ecs.start_task(cluster="default", taskDefinition=td, containerInstances=[blue])
        assert out["tasks"] == [] and out["failures"][0]["reason"] == "AGENT"
        # After the grace the host is lost: its task is STOPPED by the control plane.
        (t,) = wait_for("lost task stopped", lambda: [
            x for x in ecs.describe_tasks(cluster="default", tasks=[lost])["tasks"] if x["lastStatus"] == "STOPPED"
        ], timeout=40, mh=mh)
        print(f"measured: host lost {time.time() - t0:.1f}s after it went silent (grace {mh.host_lost_after}s)")
        assert t["stopCode"] == "InfrastructureHealth"
        assert t["stoppedReason"].startswith("Host lost")
        ci = ecs.describe_container_instances(cluster="default", containerInstances=[blue])["containerInstances"][0]
        assert ci["runningTasksCount"] == 0 and ci["pendingTasksCount"] == 0
        # The host is still running the container: nobody could tell it.
        assert docker_inspect(cid)["State"]["Running"] is True
    finally:
        agent.resume()
    mh.wait_connected("blue")
    # Back: its agent stops the task the control plane gave up on.
    wait_for("lost container stopped", lambda: live_containers(lost) == [], timeout=40, mh=mh)


def test_orphans_are_removed_and_foreign_containers_left_alone(mh, ecs):
    blue = mh.instance_of("blue", ecs)["containerInstanceArn"]
    fake_task = f"arn:aws:ecs:us-east-1:{mh.account_id}:task/default/{'0' * 24}{int(time.time()) % 10**8:08d}"
    common = ["--label", f"com.amazonaws.ecs.task-arn={fake_task}", "--label", "com.amazonaws.ecs.container-name=app",
              "--label", f"{INSTANCE_LABEL}={blue}", "--label", "com.amazonaws.ecs.cluster=default"]
    orphan = foreign = None
    try:
        # exits on SIGTERM, so the agent's stop is quick
        orphan = docker("run", "-d", "--label", "io.gantry.managed=true", *common, IMAGE,
                        "sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait").stdout.strip()
        foreign = docker("run", "-d", *common, IMAGE, "sleep", "3600").stdout.strip()
        wait_for("orphan removed",
                 lambda: docker("inspect", orphan, check=False).returncode != 0, timeout=40, mh=mh)
        time.sleep(2)
        assert docker_inspect(foreign)["State"]["Running"] is True
    finally:
        for c in (orphan, foreign):
            if c:
                subprocess.run(["docker", "rm", "-f", c], capture_output=True)


def test_drain_keeps_standalone_tasks_and_forced_deregistration(mh, ecs, td):
    green = mh.instance_of("green", ecs)["containerInstanceArn"]
    blue = mh.instance_of("blue", ecs)["containerInstanceArn"]
    (standalone,) = ecs.start_task(cluster="default", taskDefinition=td, containerInstances=[green])["tasks"]
    running(ecs, [standalone["taskArn"]])

    out = ecs.update_container_instances_state(cluster="default", containerInstances=[green], status="DRAINING")
    assert out["failures"] == [] and out["containerInstances"][0]["status"] == "DRAINING"
    out = ecs.run_task(cluster="default", taskDefinition=td, count=2)
    assert {t["containerInstanceArn"] for t in out["tasks"]} == {blue}
    (t,) = ecs.describe_tasks(cluster="default", tasks=[standalone["taskArn"]])["tasks"]
    assert t["lastStatus"] == "RUNNING" and t["desiredStatus"] == "RUNNING"
    out = ecs.update_container_instances_state(cluster="default", containerInstances=[green], status="ACTIVE")
    assert out["containerInstances"][0]["status"] == "ACTIVE"

    with pytest.raises(ecs.exceptions.InvalidParameterException):
        ecs.deregister_container_instance(cluster="default", containerInstance=green)
    out = ecs.deregister_container_instance(cluster="default", containerInstance=green, force=True)
    assert out["containerInstance"]["status"] == "INACTIVE"
    (t,) = ecs.describe_tasks(cluster="default", tasks=[standalone["taskArn"]])["tasks"]
    assert t["lastStatus"] == "STOPPED"
    # The agent learns it, stops what it ran and exits.
    assert mh.agents["green"].wait_exit(60) == 0
    assert live_containers(standalone["taskArn"]) == []
    assert green not in ecs.list_container_instances(cluster="default")["containerInstanceArns"]
    # Restarted on the same data dir, it joins as a new instance.
    again = mh.start_agent("green")
    assert again["containerInstanceArn"] != green
