"""The Fargate launch type against a real `gantry up` (whose local agent is
both a container instance of `default` and Fargate pool capacity):
task-definition validation, RunTask FARGATE with its ENI attachment,
a self-healing Fargate service, Spot interruption, and the usage report."""

from __future__ import annotations

import ipaddress
import json
import subprocess
import time

import pytest
from botocore.exceptions import ClientError

from conftest import IMAGE, docker, unique
from helpers import FAST, describe, http_get, wait_running, wait_stopped
from test_awsvpc import PARSE_URI, fetch

SUBNETS = {"awsvpcConfiguration": {"subnets": ["subnet-default"]}}
STABLE = {"Delay": 1, "MaxAttempts": 120}


def fargate_td(ecs, res, command, cpu="256", memory="512", **extra):
    td = ecs.register_task_definition(
        family=unique("fg"),
        networkMode="awsvpc",
        requiresCompatibilities=["FARGATE"],
        cpu=cpu,
        memory=memory,
        containerDefinitions=[{"name": "app", "image": IMAGE, "essential": True, "command": command}],
        **extra,
    )["taskDefinition"]
    res.taskdef(td["taskDefinitionArn"])
    return td


def details(task):
    att = [a for a in task["attachments"] if a["type"] == "ElasticNetworkInterface"]
    assert len(att) == 1, task["attachments"]
    return att[0], {d["name"]: d["value"] for d in att[0]["details"]}


def gantry_cli(gantry, *args, timeout=60):
    env = gantry.cli_env()
    env["GANTRY_ENDPOINT"] = gantry.endpoint
    p = subprocess.run([str(gantry.binary), *args], capture_output=True, text=True, env=env, timeout=timeout)
    assert p.returncode == 0, p.stderr
    return p.stdout


def wait_until(fn, timeout=120, interval=0.5, what="condition"):
    deadline = time.time() + timeout
    last = None
    while time.time() < deadline:
        last = fn()
        if last:
            return last
        time.sleep(interval)
    raise AssertionError(f"timed out waiting for {what}: {last!r}")


def test_fargate_task_definitions_are_validated(ecs, res):
    td = fargate_td(ecs, res, ["sleep", "1"])
    assert td["compatibilities"] == ["EC2", "FARGATE"]
    assert td["requiresCompatibilities"] == ["FARGATE"]
    family = unique("fgbad")
    bad = [
        (dict(cpu="256", memory="4096"),
         "No Fargate configuration exists for given values: 256 CPU, 4096 memory. See the Amazon ECS documentation for the valid combinations."),
        (dict(networkMode="bridge"), "Fargate only supports network mode 'awsvpc'."),
        (dict(volumes=[{"name": "v", "host": {"sourcePath": "/tmp"}}]),
         "Fargate does not support host volumes with a sourcePath (volume 'v')."),
        (dict(placementConstraints=[{"type": "memberOf", "expression": "attribute:ecs.os-type == linux"}]),
         "Placement constraints are not supported with FARGATE."),
    ]
    for edit, message in bad:
        kw = dict(family=family, networkMode="awsvpc", requiresCompatibilities=["FARGATE"], cpu="256", memory="512",
                  containerDefinitions=[{"name": "app", "image": IMAGE}])
        kw.update(edit)
        with pytest.raises(ClientError) as e:
            ecs.register_task_definition(**kw)
        assert e.value.response["Error"]["Code"] == "ClientException"
        assert e.value.response["Error"]["Message"] == message
    priv = dict(family=family, networkMode="awsvpc", requiresCompatibilities=["FARGATE"], cpu="256", memory="512",
                containerDefinitions=[{"name": "app", "image": IMAGE, "privileged": True}])
    with pytest.raises(ClientError) as e:
        ecs.register_task_definition(**priv)
    assert "privileged" in e.value.response["Error"]["Message"]
    # Nothing was stored.
    fams = ecs.list_task_definition_families(familyPrefix=family)["families"]
    assert fams == []


def test_run_task_fargate_has_an_eni_and_a_private_ip(ecs, res):
    td = fargate_td(ecs, res, ["sh", "-c", "echo fargate-ok > /tmp/index.html; exec httpd -f -p 80 -h /tmp"])
    out = ecs.run_task(taskDefinition=td["taskDefinitionArn"], launchType="FARGATE", networkConfiguration=SUBNETS)
    assert out["failures"] == []
    task = out["tasks"][0]
    res.task(task["taskArn"])
    assert task["launchType"] == "FARGATE"
    assert task["platformVersion"] == "1.4.0"
    assert task["platformFamily"] == "Linux"
    assert "containerInstanceArn" not in task
    assert task["cpu"] == "256" and task["memory"] == "512"
    att, d = details(task)
    assert att["status"] == "PRECREATED"
    assert d["subnetId"] == "subnet-default"
    assert d["networkInterfaceId"].startswith("eni-") and len(d["networkInterfaceId"]) == 21
    ip = d["privateIPv4Address"]
    assert ipaddress.ip_address(ip) in ipaddress.ip_network("10.200.0.0/16")
    (running,) = wait_running(ecs, [task["taskArn"]])
    att, d = details(running)
    assert att["status"] == "ATTACHED"
    assert [k for k in d] [:2] == ["subnetId", "networkInterfaceId"]
    assert running["containers"][0]["networkInterfaces"] == [
        {"attachmentId": att["id"], "privateIpv4Address": ip}
    ]
    assert running["connectivity"] == "CONNECTED"
    if "macAddress" in d:
        # The agent realised the interface: the task answers on its own address.
        assert "fargate-ok" in http_get(f"http://{ip}:80/", timeout=30)
    # A Fargate task is on no container instance.
    ci = ecs.list_container_instances()["containerInstanceArns"]
    on_ci = ecs.list_tasks(containerInstance=ci[0])["taskArns"]
    assert task["taskArn"] not in on_ci
    assert task["taskArn"] in ecs.list_tasks(launchType="FARGATE")["taskArns"]
    ecs.stop_task(task=task["taskArn"])
    (stopped,) = wait_stopped(ecs, [task["taskArn"]])
    att, _ = details(stopped)
    assert att["status"] == "DELETED"


def test_run_task_fargate_bad_input(ecs, res):
    td = fargate_td(ecs, res, ["sleep", "1"])
    arn = td["taskDefinitionArn"]
    cases = [
        (dict(launchType="FARGATE"),
         "Network Configuration must be provided when networkMode 'awsvpc' is specified."),
        (dict(launchType="FARGATE", networkConfiguration={"awsvpcConfiguration": {"subnets": ["subnet-nope"]}}),
         None),
        (dict(launchType="FARGATE", networkConfiguration=SUBNETS,
              placementConstraints=[{"type": "distinctInstance"}]),
         "Placement constraints are not supported with FARGATE launch type."),
        (dict(launchType="FARGATE", networkConfiguration=SUBNETS,
              capacityProviderStrategy=[{"capacityProvider": "FARGATE", "weight": 1}]),
         "Specify either Launch Type or Capacity Provider Strategy, but not both."),
    ]
    for kw, message in cases:
        with pytest.raises(ClientError) as e:
            ecs.run_task(taskDefinition=arn, **kw)
        assert e.value.response["Error"]["Code"] == "InvalidParameterException"
        if message:
            assert e.value.response["Error"]["Message"] == message
        else:
            assert "subnet-nope" in e.value.response["Error"]["Message"]


def test_fargate_service_self_heals(ecs, res, gantry):
    td = fargate_td(ecs, res, ["sleep", "3600"])
    name = unique("fgsvc")
    try:
        svc = ecs.create_service(serviceName=name, taskDefinition=td["taskDefinitionArn"], desiredCount=3,
                                 launchType="FARGATE", networkConfiguration=SUBNETS)["service"]
        assert svc["launchType"] == "FARGATE"
        assert svc["platformVersion"] == "1.4.0"
        assert svc["deployments"][0]["launchType"] == "FARGATE"
        assert svc["deployments"][0]["networkConfiguration"] == SUBNETS
        ecs.get_waiter("services_stable").wait(services=[name], WaiterConfig=STABLE)
        arns = ecs.list_tasks(serviceName=name)["taskArns"]
        tasks = describe(ecs, arns)
        assert len(tasks) == 3
        ips = {details(t)[1]["privateIPv4Address"] for t in tasks}
        assert len(ips) == 3
        assert all(t["launchType"] == "FARGATE" for t in tasks)
        ecs.stop_task(task=arns[0], reason="e2e: kill one")
        wait_until(lambda: arns[0] not in ecs.list_tasks(serviceName=name)["taskArns"]
                   and len(ecs.list_tasks(serviceName=name)["taskArns"]) == 3, what="a replacement task")
        ecs.get_waiter("services_stable").wait(services=[name], WaiterConfig=STABLE)
    finally:
        ecs.update_service(service=name, desiredCount=0)
        ecs.delete_service(service=name, force=True)


def test_spot_reclaim_replaces_the_task(ecs, res, gantry):
    cluster = res.cluster(unique("spot"))
    ecs.create_cluster(clusterName=cluster, capacityProviders=["FARGATE", "FARGATE_SPOT"],
                       defaultCapacityProviderStrategy=[{"capacityProvider": "FARGATE_SPOT", "weight": 1}])
    td = fargate_td(ecs, res, ["sleep", "3600"])
    name = unique("spotsvc")
    try:
        svc = ecs.create_service(cluster=cluster, serviceName=name, taskDefinition=td["taskDefinitionArn"],
                                 desiredCount=1, networkConfiguration=SUBNETS)["service"]
        assert svc["capacityProviderStrategy"] == [{"capacityProvider": "FARGATE_SPOT", "weight": 1}]
        assert svc["deployments"][0]["capacityProviderStrategy"] == svc["capacityProviderStrategy"]
        assert "launchType" not in svc
        ecs.get_waiter("services_stable").wait(cluster=cluster, services=[name], WaiterConfig=STABLE)
        (first,) = ecs.list_tasks(cluster=cluster, serviceName=name)["taskArns"]
        (t,) = describe(ecs, [first], cluster)
        assert t["capacityProviderName"] == "FARGATE_SPOT"
        out = gantry_cli(gantry, "spot", "reclaim", "--cluster", cluster, "--task", first)
        assert first in out
        (stopped,) = wait_stopped(ecs, [first], cluster)
        assert stopped["stopCode"] == "SpotInterruption"
        assert stopped["stoppedReason"] == "Your Spot Task was interrupted."
        replacement = wait_until(
            lambda: [a for a in ecs.list_tasks(cluster=cluster, serviceName=name)["taskArns"] if a != first],
            what="a replacement")
        (r,) = wait_running(ecs, replacement[:1], cluster)
        assert r["capacityProviderName"] == "FARGATE_SPOT"
    finally:
        ecs.update_service(cluster=cluster, service=name, desiredCount=0)
        ecs.delete_service(cluster=cluster, service=name, force=True)
        ecs.get_waiter("services_inactive").wait(cluster=cluster, services=[name], WaiterConfig=STABLE)
        for a in ecs.list_tasks(cluster=cluster)["taskArns"]:
            ecs.stop_task(cluster=cluster, task=a)


def test_usage_report_meters_a_fargate_task(ecs, res, gantry):
    cluster = res.cluster(unique("usage"))
    ecs.create_cluster(clusterName=cluster)
    td = fargate_td(ecs, res, ["sleep", "2"])
    out = ecs.run_task(cluster=cluster, taskDefinition=td["taskDefinitionArn"], launchType="FARGATE",
                       networkConfiguration=SUBNETS)
    arn = out["tasks"][0]["taskArn"]
    res.task(arn, cluster)
    (t,) = wait_stopped(ecs, [arn], cluster)
    start = t.get("pullStartedAt") or t["startedAt"]
    seconds = (t["stoppedAt"] - start).total_seconds()
    report = json.loads(gantry_cli(gantry, "usage", "--cluster", cluster, "--since", "1h", "--json"))
    items = [i for i in report["items"] if i["arn"] == arn]
    assert len(items) == 1, report
    item = items[0]
    assert item["kind"] == "FARGATE"
    # 0.25 vCPU and 0.5 GB for the task's metered seconds (ms timestamps).
    assert abs(item["vcpuSeconds"] - 0.25 * seconds) < 0.01
    assert abs(item["gbSeconds"] - 0.5 * seconds) < 0.02
    assert report["fargate"]["tasks"] == 1
    assert report["fargateSpot"]["tasks"] == 0
    table = gantry_cli(gantry, "usage", "--cluster", cluster)
    assert "FARGATE" in table and "TOTAL" in table
    # Prometheus counters.
    import urllib.request

    metrics = urllib.request.urlopen(f"{gantry.endpoint}/metrics", timeout=10).read().decode()
    assert "gantry_fargate_vcpu_seconds_total{capacity_provider=\"FARGATE\"}" in metrics


def container_logs(task, name):
    [c] = [c for c in task["containers"] if c["name"] == name]
    p = docker("logs", c["runtimeId"], check=False)
    return p.stdout + p.stderr


def test_two_container_fargate_tasks_share_localhost_bind_port_80_and_read_metadata(ecs, res):
    # `web` serves port 80; `client` reaches it on localhost, prints the
    # answer and its task's metadata (busybox `nc` speaks HTTP), then idles.
    web = {"name": "web", "image": IMAGE, "essential": True,
           "command": ["sh", "-c", "mkdir -p /www && echo web-ok > /www/index.html && exec httpd -f -p 80 -h /www"]}
    client = {"name": "client", "image": IMAGE, "essential": False,
              "command": ["sh", "-c",
                          "trap 'exit 0' TERM; " + PARSE_URI +
                          "for i in $(seq 1 100); do "
                          "  a=$( (printf 'GET / HTTP/1.0\\r\\n\\r\\n'; sleep 1) | nc 127.0.0.1 80 | tail -n 1 ); "
                          "  [ \"$a\" = web-ok ] && break; sleep 0.2; done; "
                          "echo \"LOCAL $a\"; "
                          "m=$( " + fetch("$M/task") + " | tr -d '\\r\\n' ); echo \"META $m\"; "
                          "sleep 3600 & wait $!"]}
    td = ecs.register_task_definition(
        family=unique("fg2"), networkMode="awsvpc", requiresCompatibilities=["FARGATE"], cpu="256", memory="512",
        containerDefinitions=[web, client])["taskDefinition"]
    res.taskdef(td["taskDefinitionArn"])
    out = ecs.run_task(taskDefinition=td["taskDefinitionArn"], launchType="FARGATE", count=2,
                       networkConfiguration=SUBNETS)
    assert out["failures"] == []
    arns = [t["taskArn"] for t in out["tasks"]]
    for a in arns:
        res.task(a)
    tasks = wait_running(ecs, arns)
    ips = []
    for t in tasks:
        assert t["launchType"] == "FARGATE"
        _, d = details(t)
        ip = d["privateIPv4Address"]
        ips.append(ip)
        # Both tasks bind port 80 on their own address; the host reaches it.
        assert http_get(f"http://{ip}:80/", timeout=60).strip() == "web-ok"
        logs = wait_until(lambda: (lambda l: l if "META " in l else None)(container_logs(describe(ecs, [t["taskArn"]])[0], "client")),
                          timeout=90, what="the client's output")
        assert "LOCAL web-ok" in logs, logs
        meta = json.loads(logs.split("META ", 1)[1].splitlines()[0])
        assert meta["TaskARN"] == t["taskArn"]
        assert meta["LaunchType"] == "FARGATE"
        assert sorted(c["Name"] for c in meta["Containers"]) == ["client", "web"]
        assert meta["Containers"][0]["Networks"][0]["IPv4Addresses"] == [ip]
    assert len(set(ips)) == 2, ips
    for a in arns:
        ecs.stop_task(task=a, reason="e2e done")
    wait_stopped(ecs, arns)


def test_fargate_task_over_its_memory_is_oom_killed(ecs, res):
    # Task memory 512 MiB, no container limit; `tail -c N` keeps the last N
    # bytes of its input in memory, so it really allocates ~1 GiB.
    td = fargate_td(ecs, res, ["sh", "-c", "tail -c 1073741824 /dev/zero > /dev/null"], memory="512")
    out = ecs.run_task(taskDefinition=td["taskDefinitionArn"], launchType="FARGATE", networkConfiguration=SUBNETS)
    assert out["failures"] == []
    arn = out["tasks"][0]["taskArn"]
    res.task(arn)
    (t,) = wait_stopped(ecs, [arn])
    c = t["containers"][0]
    assert c.get("reason") == "OutOfMemoryError: Container killed due to memory usage", t
    assert c.get("exitCode") == 137, c
    assert t["stopCode"] == "EssentialContainerExited"
    assert t["stoppedReason"] == "Essential container in task exited"


def test_update_service_moves_a_fargate_service_to_spot(ecs, res):
    cluster = res.cluster(unique("upd"))
    ecs.create_cluster(clusterName=cluster, capacityProviders=["FARGATE", "FARGATE_SPOT"])
    td = fargate_td(ecs, res, ["sleep", "3600"])
    name = unique("updsvc")
    spot = [{"capacityProvider": "FARGATE_SPOT", "weight": 1, "base": 0}]
    try:
        ecs.create_service(cluster=cluster, serviceName=name, taskDefinition=td["taskDefinitionArn"],
                           desiredCount=1, launchType="FARGATE", networkConfiguration=SUBNETS)
        ecs.get_waiter("services_stable").wait(cluster=cluster, services=[name], WaiterConfig=STABLE)
        (first,) = ecs.list_tasks(cluster=cluster, serviceName=name)["taskArns"]
        with pytest.raises(ClientError) as e:
            ecs.update_service(cluster=cluster, service=name, capacityProviderStrategy=spot)
        assert e.value.response["Error"]["Code"] == "InvalidParameterException"
        assert "you must force a new deployment" in e.value.response["Error"]["Message"]
        with pytest.raises(ClientError) as e:
            ecs.update_service(cluster=cluster, service=name, platformVersion="1.3.0")
        assert e.value.response["Error"]["Code"] == "InvalidParameterException"
        svc = ecs.update_service(cluster=cluster, service=name, capacityProviderStrategy=spot,
                                 forceNewDeployment=True)["service"]
        assert "launchType" not in svc
        assert svc["capacityProviderStrategy"] == spot
        assert [d["status"] for d in svc["deployments"]] == ["PRIMARY", "ACTIVE"]
        assert svc["deployments"][0]["capacityProviderStrategy"] == spot
        ecs.get_waiter("services_stable").wait(cluster=cluster, services=[name], WaiterConfig=STABLE)
        (second,) = ecs.list_tasks(cluster=cluster, serviceName=name)["taskArns"]
        assert second != first
        (t,) = describe(ecs, [second], cluster)
        assert t["capacityProviderName"] == "FARGATE_SPOT"
        assert t["launchType"] == "FARGATE"
        stats = ecs.describe_clusters(clusters=[cluster], include=["STATISTICS"])["clusters"][0]["statistics"]
        stats = {kv["name"]: kv["value"] for kv in stats}
        assert stats["activeFargateServiceCount"] == "1"
        assert stats["activeEC2ServiceCount"] == "0"
    finally:
        ecs.update_service(cluster=cluster, service=name, desiredCount=0)
        ecs.delete_service(cluster=cluster, service=name, force=True)
        ecs.get_waiter("services_inactive").wait(cluster=cluster, services=[name], WaiterConfig=STABLE)
        for a in ecs.list_tasks(cluster=cluster)["taskArns"]:
            ecs.stop_task(cluster=cluster, task=a)
