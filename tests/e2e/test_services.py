"""Services on the local Docker Engine: REPLICA scheduling, self-healing,
rolling deployments, the circuit breaker with rollback, scaling, deletion,
DescribeServices/ListServices and bad input."""

from __future__ import annotations

import time

import pytest
from botocore.exceptions import ClientError

from conftest import containers_for_task, docker, unique
from helpers import FAST, container, register, sleeper

STABLE = {"Delay": 1, "MaxAttempts": 120}


@pytest.fixture
def services(gantry):
    """Track (cluster, name) of created services; force-delete them after the test."""
    created = []
    yield created
    c = gantry.client(validate=False)
    for cluster, name in created:
        try:
            c.delete_service(cluster=cluster, service=name, force=True)
        except Exception:  # noqa: BLE001 - best effort cleanup
            pass
    for cluster, name in created:
        try:
            c.get_waiter("services_inactive").wait(cluster=cluster, services=[name], WaiterConfig=STABLE)
        except Exception:  # noqa: BLE001
            pass


def create(ecs, services, name, td_arn, desired, cluster="default", **kw):
    out = ecs.create_service(cluster=cluster, serviceName=name, taskDefinition=td_arn, desiredCount=desired, **kw)
    services.append((cluster, name))
    return out["service"]


def describe_service(ecs, name, cluster="default"):
    out = ecs.describe_services(cluster=cluster, services=[name])
    assert out["failures"] == [], out["failures"]
    return out["services"][0]


def service_tasks(ecs, name, cluster="default"):
    arns = ecs.list_tasks(cluster=cluster, serviceName=name)["taskArns"]
    if not arns:
        return []
    return ecs.describe_tasks(cluster=cluster, tasks=arns)["tasks"]


def wait_until(fn, timeout=120, interval=0.5, what="condition"):
    deadline = time.time() + timeout
    last = None
    while time.time() < deadline:
        last = fn()
        if last:
            return last
        time.sleep(interval)
    raise AssertionError(f"timed out waiting for {what}; last={last!r}")


def wait_completed(ecs, name, cluster="default"):
    """services-stable only needs runningCount == desiredCount; a deployment
    is COMPLETED once its tasks have settled (a few seconds later)."""
    return wait_until(lambda: (lambda s: s if len(s["deployments"]) == 1
                               and s["deployments"][0]["rolloutState"] == "COMPLETED" else None)(
        describe_service(ecs, name, cluster)), what="deployment COMPLETED")


def messages(svc):
    return [e["message"] for e in svc.get("events", [])]


def test_replica_service_heal_rollout_scale_delete(aws, ecs, res, services):
    fam = unique("svc")
    td1 = register(ecs, res, family=fam, containers=[sleeper()])
    td2 = register(ecs, res, family=fam, containers=[sleeper(seconds=7200)])
    name = unique("web")
    svc = create(ecs, services, name, td1["taskDefinitionArn"], 2, tags=[{"key": "team", "value": "e2e"}])
    assert svc["status"] == "ACTIVE" and svc["desiredCount"] == 2
    assert svc["serviceArn"].endswith(f":service/default/{name}")
    assert svc["launchType"] == "EC2" and svc["schedulingStrategy"] == "REPLICA"
    (dep,) = svc["deployments"]
    assert dep["status"] == "PRIMARY" and dep["rolloutState"] == "IN_PROGRESS"
    assert dep["id"].startswith("ecs-svc/") and len(dep["id"]) == len("ecs-svc/") + 19
    assert svc["deploymentConfiguration"]["maximumPercent"] == 200
    assert svc["deploymentConfiguration"]["minimumHealthyPercent"] == 100

    # the CLI waiter: length(deployments) == 1 && runningCount == desiredCount
    assert aws("ecs", "wait", "services-stable", "--cluster", "default", "--services", name) is None
    svc = wait_completed(ecs, name)
    assert svc["runningCount"] == 2 and svc["pendingCount"] == 0
    (dep,) = svc["deployments"]
    assert dep["rolloutState"] == "COMPLETED", dep
    assert dep["rolloutStateReason"] == f"ECS deployment {dep['id']} completed."
    msgs = messages(svc)
    assert any(m.startswith(f"(service {name}) has started 2 tasks: (task ") for m in msgs), msgs
    assert f"(service {name}) has reached a steady state." in msgs
    assert "tags" not in svc
    tagged = ecs.describe_services(services=[name], include=["TAGS"])["services"][0]
    assert tagged["tags"] == [{"key": "team", "value": "e2e"}]
    tasks = service_tasks(ecs, name)
    assert len(tasks) == 2
    for t in tasks:
        assert t["group"] == f"service:{name}" and t["startedBy"] == dep["id"]
        assert t["lastStatus"] == "RUNNING"
        res.task(t["taskArn"])
    assert ecs.describe_clusters(clusters=["default"])["clusters"][0]["activeServicesCount"] >= 1

    # kill a container behind Gantry's back: the task is replaced
    victim = tasks[0]["taskArn"]
    (cid,) = containers_for_task(victim)
    t0 = time.time()
    docker("kill", cid)

    def replaced():
        ts = [t for t in service_tasks(ecs, name) if t["lastStatus"] == "RUNNING"]
        arns = {t["taskArn"] for t in ts}
        return ts if len(ts) == 2 and victim not in arns else None

    wait_until(replaced, what="replacement task RUNNING")
    print(f"replacement RUNNING after {time.time() - t0:.2f}s")
    stopped = ecs.describe_tasks(tasks=[victim])["tasks"][0]
    assert stopped["lastStatus"] == "STOPPED" and stopped["stopCode"] == "EssentialContainerExited"
    ecs.get_waiter("services_stable").wait(services=[name], WaiterConfig=STABLE)
    msgs = messages(describe_service(ecs, name))
    assert any(m.startswith(f"(service {name}) has started 1 tasks: (task ") for m in msgs), msgs

    # rolling update to a new revision: start before stop, never below 2 running
    old = {t["taskArn"] for t in service_tasks(ecs, name)}
    for a in old:
        res.task(a)
    svc = ecs.update_service(service=name, taskDefinition=td2["taskDefinitionArn"])["service"]
    assert svc["taskDefinition"] == td2["taskDefinitionArn"]
    primary = [d for d in svc["deployments"] if d["status"] == "PRIMARY"]
    assert len(primary) == 1 and primary[0]["taskDefinition"] == td2["taskDefinitionArn"]
    assert len(svc["deployments"]) == 2
    new_dep = primary[0]["id"]
    min_running = 99
    deadline = time.time() + 120
    while time.time() < deadline:
        ts = service_tasks(ecs, name)
        running = sum(1 for t in ts if t["lastStatus"] == "RUNNING")
        stopping = [t for t in ecs.describe_tasks(tasks=list(old))["tasks"] if t["desiredStatus"] == "STOPPED"]
        all_running_old_or_new = running + sum(1 for t in stopping if t["lastStatus"] == "RUNNING")
        min_running = min(min_running, all_running_old_or_new)
        s = describe_service(ecs, name)
        if len(s["deployments"]) == 1 and s["runningCount"] == 2:
            break
        time.sleep(0.3)
    ecs.get_waiter("services_stable").wait(services=[name], WaiterConfig=STABLE)
    assert min_running >= 2, min_running
    s = wait_completed(ecs, name)
    (dep,) = s["deployments"]
    assert dep["id"] == new_dep and dep["rolloutState"] == "COMPLETED"
    for t in ecs.describe_tasks(tasks=list(old))["tasks"]:
        assert t["desiredStatus"] == "STOPPED"
        assert t["stopCode"] == "ServiceSchedulerInitiated"
        assert t["stoppedReason"] == f"Scaling activity initiated by (deployment {new_dep})"
    wait_until(lambda: all(t["lastStatus"] == "STOPPED" for t in ecs.describe_tasks(tasks=list(old))["tasks"]),
               what="old tasks STOPPED")
    for t in service_tasks(ecs, name):
        assert t["taskDefinitionArn"] == td2["taskDefinitionArn"]
        res.task(t["taskArn"])
    assert any("has stopped" in m for m in messages(s))

    # desiredCount-only update: no new deployment; scale 2 -> 0 -> 1
    s = ecs.update_service(service=name, desiredCount=0)["service"]
    assert [d["id"] for d in s["deployments"]] == [new_dep]
    ecs.get_waiter("services_stable").wait(services=[name], WaiterConfig=STABLE)
    wait_until(lambda: service_tasks(ecs, name) == [], what="no tasks")
    ecs.update_service(service=name, desiredCount=1)
    ecs.get_waiter("services_stable").wait(services=[name], WaiterConfig=STABLE)
    assert describe_service(ecs, name)["runningCount"] == 1

    # delete: not while scaled above 0, then with force
    with pytest.raises(ClientError) as e:
        ecs.delete_service(service=name)
    assert e.value.response["Error"]["Code"] == "InvalidParameterException"
    out = ecs.delete_service(service=name, force=True)["service"]
    assert out["status"] == "DRAINING"
    assert name not in " ".join(ecs.list_services()["serviceArns"])
    ecs.get_waiter("services_inactive").wait(services=[name], WaiterConfig=STABLE)
    assert describe_service(ecs, name)["status"] == "INACTIVE"
    wait_until(lambda: service_tasks(ecs, name) == [], what="tasks of deleted service stopped")

    # the name can be used again
    again = create(ecs, services, name, td1["taskDefinitionArn"], 0)
    assert again["status"] == "ACTIVE" and len(again["deployments"]) == 1


def test_circuit_breaker_rolls_back(ecs, res, services):
    fam = unique("cb")
    good = register(ecs, res, family=fam, containers=[sleeper()])
    bad = register(ecs, res, family=fam, containers=[container("app", ["sh", "-c", "exit 3"])])
    name = unique("cb")
    create(ecs, services, name, good["taskDefinitionArn"], 1, deploymentConfiguration={
        "deploymentCircuitBreaker": {"enable": True, "rollback": True},
        "maximumPercent": 200, "minimumHealthyPercent": 100})
    ecs.get_waiter("services_stable").wait(services=[name], WaiterConfig=STABLE)
    # rollback needs a COMPLETED deployment to return to
    first = wait_until(lambda: (lambda d: d["id"] if d["rolloutState"] == "COMPLETED" else None)(
        describe_service(ecs, name)["deployments"][0]), what="first deployment COMPLETED")
    svc = ecs.update_service(service=name, taskDefinition=bad["taskDefinitionArn"])["service"]
    bad_dep = [d for d in svc["deployments"] if d["status"] == "PRIMARY"][0]["id"]

    seen = {}

    def rolled_back():
        s = describe_service(ecs, name)
        seen["last"] = (s["deployments"], messages(s)[:8])
        return s if s["taskDefinition"] == good["taskDefinitionArn"] else None

    try:
        s = wait_until(rolled_back, timeout=80, what="rollback")
    except AssertionError:
        raise AssertionError(f"no rollback: {seen['last']}")
    assert any(m == f"(service {name}) (deployment {bad_dep}) deployment failed: tasks failed to start."
               for m in messages(s)), messages(s)
    failed = [d for d in s["deployments"] if d["id"] == bad_dep]
    if failed:  # still draining
        assert failed[0]["rolloutState"] == "FAILED" and failed[0]["failedTasks"] >= 3
    ecs.get_waiter("services_stable").wait(services=[name], WaiterConfig=STABLE)
    s = wait_completed(ecs, name)
    (dep,) = s["deployments"]
    assert dep["id"] not in (first, bad_dep)
    assert dep["taskDefinition"] == good["taskDefinitionArn"] and dep["rolloutState"] == "COMPLETED"
    assert any(f"rolling back to deployment {first}" in m for m in messages(s)), messages(s)
    for t in service_tasks(ecs, name):
        res.task(t["taskArn"])
        assert t["taskDefinitionArn"] == good["taskDefinitionArn"]


def test_describe_list_and_bad_input(ecs, res, services):
    fam = unique("bad")
    td = register(ecs, res, family=fam, containers=[sleeper()])
    arn = td["taskDefinitionArn"]
    cluster = unique("svc-cl")
    ecs.create_cluster(clusterName=cluster)
    res.cluster(cluster)

    def code(fn, **kw):
        with pytest.raises(ClientError) as e:
            fn(**kw)
        return e.value.response["Error"]["Code"], e.value.response["Error"]["Message"]

    out = ecs.describe_services(cluster=cluster, services=["nope"])
    assert out["services"] == []
    assert out["failures"] == [{"arn": f"arn:aws:ecs:us-east-1:{td['taskDefinitionArn'].split(':')[4]}:service/{cluster}/nope",
                                "reason": "MISSING"}]
    assert code(ecs.create_service, cluster=cluster, serviceName="x", taskDefinition=arn, desiredCount=-1)[0] == "InvalidParameterException"
    assert code(ecs.create_service, cluster=unique("nocl"), serviceName="x", taskDefinition=arn, desiredCount=1)[0] == "ClusterNotFoundException"
    assert code(ecs.create_service, cluster=cluster, serviceName="x", taskDefinition=fam + ":99", desiredCount=1)[0] == "ClientException"
    assert code(ecs.create_service, cluster=cluster, serviceName="bad name!", taskDefinition=arn, desiredCount=1)[0] == "InvalidParameterException"
    assert code(ecs.create_service, cluster=cluster, serviceName="x", taskDefinition=arn, desiredCount=1, launchType="EC2",
                capacityProviderStrategy=[{"capacityProvider": "cp"}]) == (
        "InvalidParameterException", "Specify either Launch Type or Capacity Provider Strategy, but not both.")
    assert code(ecs.create_service, cluster=cluster, serviceName="x", taskDefinition=arn, desiredCount=1,
                placementConstraints=[{"type": "memberOf", "expression": "attribute:ecs.instance-type =="}])[0] == "InvalidParameterException"
    assert code(ecs.create_service, cluster=cluster, serviceName="x", taskDefinition=arn, desiredCount=1,
                deploymentConfiguration={"minimumHealthyPercent": 150})[0] == "InvalidParameterException"
    assert code(ecs.create_service, cluster=cluster, serviceName="x", taskDefinition=arn, schedulingStrategy="DAEMON",
                placementStrategy=[{"type": "random"}])[0] == "InvalidParameterException"
    assert code(ecs.create_service, cluster=cluster, serviceName="x", taskDefinition=arn, desiredCount=1,
                deploymentController={"type": "CODE_DEPLOY"})[0] == "UnsupportedFeatureException"
    assert ecs.list_services(cluster=cluster)["serviceArns"] == []

    # a cluster without instances: the service cannot place and says so
    name = unique("np")
    create(ecs, services, name, arn, 1, cluster=cluster)
    assert code(ecs.create_service, cluster=cluster, serviceName=name, taskDefinition=arn, desiredCount=1) == (
        "InvalidParameterException", "Creation of service was not idempotent.")
    s = wait_until(lambda: (lambda s: s if any("was unable to place a task" in m for m in messages(s)) else None)(
        describe_service(ecs, name, cluster)), what="placement failure event")
    assert s["runningCount"] == 0 and s["pendingCount"] == 0
    assert code(ecs.delete_cluster, cluster=cluster)[0] == "ClusterContainsServicesException"
    assert code(ecs.update_service, cluster=cluster, service="nope", desiredCount=1)[0] == "ServiceNotFoundException"
    assert code(ecs.update_service, cluster=cluster, service=name, desiredCount=-2)[0] == "InvalidParameterException"
    assert code(ecs.delete_service, cluster=cluster, service="nope")[0] == "ServiceNotFoundException"

    # ListServices: ACTIVE only, default page size 10, filters
    names = [name] + [unique("ls") for _ in range(10)]
    for n in names[1:]:
        create(ecs, services, n, arn, 0, cluster=cluster)
    page = ecs.list_services(cluster=cluster)
    assert len(page["serviceArns"]) == 10 and page.get("nextToken")
    rest = ecs.list_services(cluster=cluster, nextToken=page["nextToken"])
    assert len(rest["serviceArns"]) == 1 and not rest.get("nextToken")
    assert sorted(a.rsplit("/", 1)[1] for a in page["serviceArns"] + rest["serviceArns"]) == sorted(names)
    assert ecs.list_services(cluster=cluster, schedulingStrategy="DAEMON")["serviceArns"] == []
    assert len(ecs.list_services(cluster=cluster, launchType="EC2", maxResults=100)["serviceArns"]) == 11
    assert ecs.describe_clusters(clusters=[cluster])["clusters"][0]["activeServicesCount"] == 11

    # tags on a service ARN
    sarn = describe_service(ecs, names[1], cluster)["serviceArn"]
    ecs.tag_resource(resourceArn=sarn, tags=[{"key": "k", "value": "v"}])
    assert ecs.list_tags_for_resource(resourceArn=sarn)["tags"] == [{"key": "k", "value": "v"}]
    ecs.untag_resource(resourceArn=sarn, tagKeys=["k"])
    assert ecs.list_tags_for_resource(resourceArn=sarn)["tags"] == []

    for n in names:
        ecs.delete_service(cluster=cluster, service=n, force=True)
    ecs.get_waiter("services_inactive").wait(cluster=cluster, services=names[:10], WaiterConfig=STABLE)
    assert ecs.list_services(cluster=cluster)["serviceArns"] == []
    assert ecs.describe_clusters(clusters=[cluster])["clusters"][0]["activeServicesCount"] == 0


def test_failing_health_check_replaces_tasks_and_fails_deployment(ecs, res, services):
    fam = unique("hc")
    td = register(ecs, res, family=fam, containers=[sleeper(
        stopTimeout=2,
        healthCheck={"command": ["CMD-SHELL", "exit 1"], "interval": 5, "timeout": 2, "retries": 1})])
    name = unique("hc")
    create(ecs, services, name, td["taskDefinitionArn"], 1, deploymentConfiguration={
        "deploymentCircuitBreaker": {"enable": True, "rollback": False}})

    def failed():
        s = describe_service(ecs, name)
        (d,) = s["deployments"]
        assert d["rolloutState"] != "COMPLETED", d
        return s if d["rolloutState"] == "FAILED" else None

    s = wait_until(failed, timeout=100, what="deployment FAILED")
    (d,) = s["deployments"]
    assert d["failedTasks"] >= 3
    stopped = ecs.list_tasks(serviceName=name, desiredStatus="STOPPED")["taskArns"]
    assert len(stopped) >= 3
    for t in ecs.describe_tasks(tasks=stopped)["tasks"]:
        res.task(t["taskArn"])
        assert t["stoppedReason"] == "Task failed container health checks", t["stoppedReason"]
        assert t["stopCode"] == "ServiceSchedulerInitiated"
    assert f"(service {name}) (deployment {d['id']}) deployment failed: tasks failed to start." in messages(s)


def test_daemon_service_runs_one_task_per_instance(ecs, res, services):
    fam = unique("dm")
    td = register(ecs, res, family=fam, containers=[sleeper()])
    td2 = register(ecs, res, family=fam, containers=[sleeper(seconds=7200)])
    name = unique("dm")
    svc = ecs.create_service(serviceName=name, taskDefinition=td["taskDefinitionArn"], schedulingStrategy="DAEMON")["service"]
    services.append(("default", name))
    assert svc["schedulingStrategy"] == "DAEMON"
    assert svc["deploymentConfiguration"]["maximumPercent"] == 100
    assert svc["deploymentConfiguration"]["minimumHealthyPercent"] == 0
    ecs.get_waiter("services_stable").wait(services=[name], WaiterConfig=STABLE)
    instances = [ci for ci in ecs.describe_container_instances(
        containerInstances=ecs.list_container_instances(status="ACTIVE")["containerInstanceArns"])["containerInstances"]
        if ci["agentConnected"]]
    s = describe_service(ecs, name)
    assert s["desiredCount"] == len(instances) == s["runningCount"]
    tasks = service_tasks(ecs, name)
    for t in tasks:
        res.task(t["taskArn"])
    assert sorted(t["containerInstanceArn"] for t in tasks) == sorted(ci["containerInstanceArn"] for ci in instances)
    with pytest.raises(ClientError) as e:
        ecs.update_service(service=name, desiredCount=3)
    assert e.value.response["Error"]["Code"] == "InvalidParameterException"
    # a new revision replaces the task on each instance
    ecs.update_service(service=name, taskDefinition=td2["taskDefinitionArn"])
    wait_until(lambda: (lambda s: s if len(s["deployments"]) == 1 and s["deployments"][0]["rolloutState"] == "COMPLETED"
                        and s["deployments"][0]["taskDefinition"] == td2["taskDefinitionArn"] else None)(
        describe_service(ecs, name)), what="daemon rollout")
    tasks = service_tasks(ecs, name)
    assert len(tasks) == len(instances)
    assert all(t["taskDefinitionArn"] == td2["taskDefinitionArn"] for t in tasks)
    for t in tasks:
        res.task(t["taskArn"])
    # DAEMON services delete without scaling to 0 first
    assert ecs.delete_service(service=name)["service"]["status"] == "DRAINING"
    ecs.get_waiter("services_inactive").wait(services=[name], WaiterConfig=STABLE)


def test_services_across_hosts_spread_daemon_and_drain(image):
    """Two `gantry agent` hosts in two zones: REPLICA tasks spread over the
    zones, a DAEMON runs once per host, and draining a host moves its
    REPLICA tasks to the other host and removes its DAEMON task."""
    from multihost import MultiHost

    mh = MultiHost(agent_timeout=2, host_lost_after=12)
    try:
        mh.start_server()
        mh.add_agent("blue", {}, ["--cpu", "2048", "--memory", "2048", "--availability-zone", "zone-a"])
        mh.add_agent("green", {}, ["--cpu", "2048", "--memory", "2048", "--availability-zone", "zone-b"])
        blue = mh.start_agent("blue")["containerInstanceArn"]
        green = mh.start_agent("green")["containerInstanceArn"]
        ecs = mh.client()
        td = ecs.register_task_definition(family=unique("mh-svc"), containerDefinitions=[
            sleeper(memory=32, stopTimeout=2)])["taskDefinition"]["taskDefinitionArn"]
        ecs.create_service(serviceName="web", taskDefinition=td, desiredCount=4)
        ecs.create_service(serviceName="agentd", taskDefinition=td, schedulingStrategy="DAEMON")
        ecs.get_waiter("services_stable").wait(services=["web", "agentd"], WaiterConfig=STABLE)

        def hosts(name):
            return sorted(t["containerInstanceArn"] for t in service_tasks(ecs, name))

        assert hosts("web") == sorted([blue, blue, green, green])
        assert hosts("agentd") == sorted([blue, green])
        assert describe_service(ecs, "agentd")["desiredCount"] == 2

        ecs.update_container_instances_state(containerInstances=[blue], status="DRAINING")

        def drained():
            w, d = describe_service(ecs, "web"), describe_service(ecs, "agentd")
            ok = (hosts("web") == [green] * 4 and hosts("agentd") == [green]
                  and w["runningCount"] == 4 and d["desiredCount"] == 1 and d["runningCount"] == 1)
            return ok or None

        wait_until(drained, timeout=90, what="tasks moved off the draining host")
        ecs.get_waiter("services_stable").wait(services=["web", "agentd"], WaiterConfig=STABLE)
        for n in ("web", "agentd"):
            ecs.delete_service(service=n, force=True)
        ecs.get_waiter("services_inactive").wait(services=["web", "agentd"], WaiterConfig=STABLE)
    finally:
        mh.close()
