"""Crash recovery: kill -9 gantry, start it on the same data dir; the running
task keeps its container (no duplicate) and can still be stopped."""

from conftest import containers_for_task, docker_inspect
from helpers import describe, register, run, sleeper, wait_running, wait_stopped


def test_kill9_and_restart_keeps_task(gantry, res):
    ecs = gantry.client()
    td = register(ecs, res, [sleeper()])
    (task,) = run(ecs, res, td["taskDefinitionArn"])
    arn = task["taskArn"]
    (t,) = wait_running(ecs, [arn])
    runtime_id = t["containers"][0]["runtimeId"]
    (cid,) = containers_for_task(arn)
    started_at = docker_inspect(cid)["State"]["StartedAt"]

    gantry.kill9()
    # the container survives the control plane
    assert docker_inspect(cid)["State"]["Running"] is True
    gantry.start()

    ecs = gantry.client()
    (t,) = describe(ecs, [arn])
    assert t["lastStatus"] == "RUNNING" and t["desiredStatus"] == "RUNNING"
    assert t["containers"][0]["runtimeId"] == runtime_id
    # give the agent a few reconcile rounds: it must not start a duplicate
    import time

    time.sleep(5)
    ids = containers_for_task(arn)
    assert ids == [cid], f"expected exactly the original container, got {ids}"
    info = docker_inspect(cid)
    assert info["State"]["Running"] is True and info["State"]["StartedAt"] == started_at, "container was restarted"
    assert arn in ecs.list_tasks(cluster="default")["taskArns"]

    ecs.stop_task(cluster="default", task=arn, reason="after restart")
    (t,) = wait_stopped(ecs, [arn])
    assert t["stopCode"] == "UserInitiated"
    assert docker_inspect(cid)["State"]["Running"] is False


def test_graceful_restart_keeps_state(gantry, res):
    ecs = gantry.client()
    td = register(ecs, res, [sleeper()])
    clusters_before = sorted(ecs.list_clusters()["clusterArns"])
    gantry.restart()
    ecs = gantry.client()
    assert sorted(ecs.list_clusters()["clusterArns"]) == clusters_before
    assert ecs.describe_task_definition(taskDefinition=td["taskDefinitionArn"])["taskDefinition"]["status"] == "ACTIVE"
    # the local instance is the same one (re-registration keeps its ARN)
    assert len(ecs.list_container_instances(cluster="default")["containerInstanceArns"]) == 1


# --------------------------------------------------------------------------
# Docker Engine restart under a running agent, on a private dockerd (the
# machine's own Engine is never restarted).

import os  # noqa: E402
import shutil  # noqa: E402
import time  # noqa: E402

import pytest  # noqa: E402

from conftest import IMAGE  # noqa: E402
from multihost import MultiHost, SecondEngine  # noqa: E402


def _wait(what, pred, timeout=90, logs=lambda: ""):
    deadline = time.time() + timeout
    last = None
    while time.time() < deadline:
        last = pred()
        if last:
            return last
        time.sleep(0.3)
    raise AssertionError(f"timed out waiting for {what}: {last}\n{logs()}")


def _link(name):
    """`ip -o link show NAME`'s index and name, or None."""
    import subprocess
    r = subprocess.run(["ip", "-o", "link", "show", name], capture_output=True, text=True)
    return r.stdout.split(":")[:2] if r.returncode == 0 else None


@pytest.mark.skipif(shutil.which("dockerd") is None or os.geteuid() != 0,
                    reason="needs root and dockerd for a private Engine")
def test_engine_restart_is_reported_and_the_service_replaces_its_tasks(image):
    engine = SecondEngine()
    mh = MultiHost(agent_timeout=2, host_lost_after=60)
    docker0 = _link("docker0")
    try:
        engine.start()
        engine.load_from_main(IMAGE)
        mh.start_server()
        mh.add_agent("engine", {}, ["--task-endpoint-addr", "off", "--metrics-addr", "off"],
                     env_extra={"DOCKER_HOST": engine.host})
        inst = mh.start_agent("engine")
        ecs = mh.client()
        logs = lambda: mh.logs() + "\n" + engine.log_tail()  # noqa: E731
        td = ecs.register_task_definition(
            family="engine-restart", networkMode="none",
            containerDefinitions=[{"name": "app", "image": IMAGE, "memory": 32, "essential": True,
                                   "command": ["sleep", "3600"]}])["taskDefinition"]["taskDefinitionArn"]
        ecs.create_service(cluster="default", serviceName="web", taskDefinition=td, desiredCount=2,
                           deploymentConfiguration={"maximumPercent": 100, "minimumHealthyPercent": 50})

        def running_tasks():
            arns = ecs.list_tasks(cluster="default", desiredStatus="RUNNING")["taskArns"]
            ts = ecs.describe_tasks(cluster="default", tasks=arns)["tasks"] if arns else []
            return [t for t in ts if t["lastStatus"] == "RUNNING"]

        first = _wait("2 RUNNING tasks", lambda: (lambda r: r if len(r) == 2 else None)(running_tasks()),
                      logs=logs)
        originals = sorted(t["taskArn"] for t in first)
        assert len(engine.docker("ps", "-q").split()) == 2

        engine.stop()  # stops the containers (no live-restore), then exits
        time.sleep(3)  # the agent retries against a dead socket meanwhile
        assert mh.agents["engine"].alive(), mh.agents["engine"].log_tail()
        described = ecs.describe_tasks(cluster="default", tasks=originals)["tasks"]
        assert all(t["lastStatus"] == "RUNNING" for t in described), "nothing is reported while the Engine is down"
        engine.start()

        def replaced():
            old = ecs.describe_tasks(cluster="default", tasks=originals)["tasks"]
            new = [t for t in running_tasks() if t["taskArn"] not in originals]
            return (old, new) if all(t["lastStatus"] == "STOPPED" for t in old) and len(new) == 2 else None

        old, new = _wait("the originals STOPPED and replaced", replaced, timeout=120, logs=logs)
        for t in old:
            assert t["stopCode"] == "EssentialContainerExited", t
            assert t["stoppedReason"] == "Essential container in task exited", t
            assert t["containers"][0]["exitCode"] in (137, 143, 255), t
        # The same agent process, the same instance; exactly the 2 new tasks run.
        assert mh.agents["engine"].alive()
        assert mh.instance_of("engine")["containerInstanceArn"] == inst["containerInstanceArn"]
        _wait("2 running containers", lambda: len(engine.docker("ps", "-q").split()) == 2, logs=logs)
        labels = [engine.docker("inspect", "-f", '{{index .Config.Labels "com.amazonaws.ecs.task-arn"}}', c).strip()
                  for c in engine.docker("ps", "-q").split()]
        assert sorted(labels) == sorted(t["taskArn"] for t in new)
        # The machine's Engine was not touched: its bridge is the same interface.
        assert _link("docker0") == docker0
        ecs.update_service(cluster="default", service="web", desiredCount=0)
        ecs.delete_service(cluster="default", service="web", force=True)
    finally:
        mh.close()
        engine.close()
