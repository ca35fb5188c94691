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
