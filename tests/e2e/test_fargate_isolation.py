"""Fargate isolation and clean-up against a real `gantry up`:

* a Fargate task has its own network namespace (only `lo` and its `eth0`),
  cannot reach a port that listens only on the host's 127.0.0.1, nor another
  task's localhost-only listener (while that task's public port answers);
* a Fargate task definition cannot mount a host path;
* 50 Fargate task runs leave no pause container, task cgroup, network
  endpoint or address lease behind.

Everything counted is scoped to this pytest session (its account ID is in
every task ARN), since other Gantry sessions may share the Engine."""

from __future__ import annotations

import os
import socket
import threading
import time

import pytest
from botocore.exceptions import ClientError

from conftest import IMAGE, SESSION_ACCOUNT, TASK_ARN_LABEL, docker, unique
from helpers import describe, wait_running, wait_stopped
from test_awsvpc import PAUSE_NAME, SUBNETS

CGROUP_ROOTS = ["/sys/fs/cgroup/memory/gantry", "/sys/fs/cgroup/cpu/gantry"]


def fargate_td(ecs, res, containers, **extra):
    td = ecs.register_task_definition(
        family=unique("iso"), networkMode="awsvpc", requiresCompatibilities=["FARGATE"],
        cpu="256", memory="512", containerDefinitions=containers, **extra,
    )["taskDefinition"]
    res.taskdef(td["taskDefinitionArn"])
    return td


def run(ecs, res, td, count=1, cluster="default", **kw):
    out = ecs.run_task(cluster=cluster, taskDefinition=td["taskDefinitionArn"], launchType="FARGATE",
                       networkConfiguration=SUBNETS, count=count, **kw)
    assert out["failures"] == [], out["failures"]
    arns = [t["taskArn"] for t in out["tasks"]]
    for a in arns:
        res.task(a, cluster)
    return arns


def ip_of(task):
    [att] = [a for a in task["attachments"] if a["type"] == "ElasticNetworkInterface"]
    return {d["name"]: d["value"] for d in att["details"]}["privateIPv4Address"]


def logs_of(ecs, arn, name="app", cluster="default"):
    [t] = describe(ecs, [arn], cluster)
    [c] = [c for c in t["containers"] if c["name"] == name]
    p = docker("logs", c["runtimeId"], check=False)
    return p.stdout + p.stderr


def wait_for(fn, timeout=90, interval=0.5, what="condition"):
    deadline = time.time() + timeout
    last = None
    while time.time() < deadline:
        last = fn()
        if last:
            return last
        time.sleep(interval)
    raise AssertionError(f"timed out waiting for {what}: {last!r}")


class HostLoopbackListener:
    """A TCP server on the host's 127.0.0.1 only, answering a fixed line."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.sock.settimeout(0.5)
        self.port = self.sock.getsockname()[1]
        self.accepted = 0
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self):
        while not self.stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.accepted += 1
            with conn:
                conn.sendall(b"host-secret\n")

    def close(self):
        self.stop.set()
        self.thread.join(5)
        self.sock.close()


# Prints `RESULT <name> <ok|refused>` for a TCP connect from inside.
def probe(name, host, port):
    return (f"if echo | nc -w 3 {host} {port} >/dev/null 2>&1; then echo \"RESULT {name} ok\"; "
            f"else echo \"RESULT {name} refused\"; fi; ")


def results(text):
    out = {}
    for line in text.splitlines():
        if line.startswith("RESULT "):
            _, k, v = line.split(" ", 2)
            out[k] = v.strip()
    return out


def test_fargate_task_cannot_see_the_host_network_or_other_tasks_localhost(ecs, res):
    listener = HostLoopbackListener()
    try:
        # Sanity: the host itself reaches its loopback listener.
        with socket.create_connection(("127.0.0.1", listener.port), timeout=3) as s:
            assert s.recv(64) == b"host-secret\n"
        # Task A: a public page on port 80 and a secret on its 127.0.0.1:8081.
        a_td = fargate_td(ecs, res, [{
            "name": "app", "image": IMAGE, "essential": True,
            "command": ["sh", "-c",
                        "mkdir -p /pub /sec && echo public > /pub/index.html && echo a-secret > /sec/index.html && "
                        "httpd -p 127.0.0.1:8081 -h /sec && exec httpd -f -p 80 -h /pub"]}])
        [a_arn] = run(ecs, res, a_td)
        [a] = wait_running(ecs, [a_arn])
        a_ip = ip_of(a)
        gateway_env = {"name": "A_IP", "value": a_ip}
        # Task B looks around and reports.
        b_td = fargate_td(ecs, res, [{
            "name": "app", "image": IMAGE, "essential": True,
            "environment": [gateway_env, {"name": "HOST_PORT", "value": str(listener.port)}],
            "command": ["sh", "-c",
                        "trap 'exit 0' TERM; "
                        "echo \"IFACES $(tail -n +3 /proc/net/dev | cut -d: -f1 | tr -d ' ' | sort | tr '\\n' ' ')\"; "
                        "echo \"NETNS $(readlink /proc/self/ns/net)\"; "
                        "gw=$(ip route | awk '/^default/ {print $3}'); echo \"GW $gw\"; "
                        "for i in $(seq 1 50); do echo | nc -w 2 $A_IP 80 >/dev/null 2>&1 && break; sleep 0.2; done; "
                        + probe("host-loopback", "127.0.0.1", "$HOST_PORT")
                        + probe("host-via-gateway", "$gw", "$HOST_PORT")
                        + probe("a-public", "$A_IP", "80")
                        + probe("a-localhost-via-ip", "$A_IP", "8081")
                        + probe("own-localhost-8081", "127.0.0.1", "8081")
                        + "echo DONE; sleep 3600 & wait $!"]}])
        [b_arn] = run(ecs, res, b_td)
        wait_running(ecs, [b_arn])
        text = wait_for(lambda: (lambda t: t if "DONE" in t else None)(logs_of(ecs, b_arn)), what="task B's report")
        lines = {l.split(" ", 1)[0]: l.split(" ", 1)[1] if " " in l else "" for l in text.splitlines()}
        # Its own namespace: only loopback and its interface, not the host's.
        assert sorted(lines["IFACES"].split()) == ["eth0", "lo"], text
        assert lines["NETNS"].startswith("net:["), text
        assert lines["NETNS"] != os.readlink("/proc/self/ns/net"), text
        r = results(text)
        assert r == {
            "host-loopback": "refused",
            "host-via-gateway": "refused",
            "a-public": "ok",
            "a-localhost-via-ip": "refused",
            "own-localhost-8081": "refused",
        }, text
        assert listener.accepted == 1, "only the host's own sanity connection reached the listener"
        for arn in (a_arn, b_arn):
            ecs.stop_task(task=arn, reason="e2e done")
        wait_stopped(ecs, [a_arn, b_arn])
    finally:
        listener.close()


def test_fargate_cannot_mount_host_paths(ecs, res):
    family = unique("isohost")
    with pytest.raises(ClientError) as e:
        ecs.register_task_definition(
            family=family, networkMode="awsvpc", requiresCompatibilities=["FARGATE"], cpu="256", memory="512",
            volumes=[{"name": "root", "host": {"sourcePath": "/"}}],
            containerDefinitions=[{"name": "app", "image": IMAGE,
                                   "mountPoints": [{"sourceVolume": "root", "containerPath": "/host"}]}])
    assert e.value.response["Error"]["Code"] == "ClientException"
    assert e.value.response["Error"]["Message"] == \
        "Fargate does not support host volumes with a sourcePath (volume 'root')."
    assert ecs.list_task_definition_families(familyPrefix=family)["families"] == []
    # An EC2 task definition with the host mount cannot be launched on Fargate.
    td = ecs.register_task_definition(
        family=family, networkMode="awsvpc",
        volumes=[{"name": "root", "host": {"sourcePath": "/"}}],
        containerDefinitions=[{"name": "app", "image": IMAGE, "memory": 32,
                               "mountPoints": [{"sourceVolume": "root", "containerPath": "/host"}]}])["taskDefinition"]
    res.taskdef(td["taskDefinitionArn"])
    with pytest.raises(ClientError) as e:
        ecs.run_task(taskDefinition=td["taskDefinitionArn"], launchType="FARGATE", networkConfiguration=SUBNETS)
    assert e.value.response["Error"]["Code"] == "InvalidParameterException"
    assert e.value.response["Error"]["Message"] == "Task definition does not support launch_type FARGATE."
    assert ecs.list_tasks(family=family)["taskArns"] == []


# ------------------------------------------------------------------ clean-up
def session_task_ids(ecs):
    """IDs of every task of this session (any cluster, any status)."""
    ids = set()
    for cl in ecs.list_clusters()["clusterArns"]:
        for status in ("RUNNING", "STOPPED"):
            for page in ecs.get_paginator("list_tasks").paginate(cluster=cl, desiredStatus=status):
                ids.update(a.rsplit("/", 1)[1] for a in page["taskArns"])
    return ids


def session_live_tasks(ecs):
    live = []
    for cl in ecs.list_clusters()["clusterArns"]:
        arns = ecs.list_tasks(cluster=cl, desiredStatus="RUNNING")["taskArns"]
        for i in range(0, len(arns), 100):
            live += [t["taskArn"] for t in ecs.describe_tasks(cluster=cl, tasks=arns[i:i + 100])["tasks"]]
        # Stopping tasks are listed under STOPPED before they reach it.
        arns = ecs.list_tasks(cluster=cl, desiredStatus="STOPPED")["taskArns"]
        for i in range(0, len(arns), 100):
            live += [t["taskArn"] for t in ecs.describe_tasks(cluster=cl, tasks=arns[i:i + 100])["tasks"]
                     if t["lastStatus"] != "STOPPED"]
    return live


def footprint(ecs):
    """What this session's tasks hold on the host right now."""
    mine = lambda arn: f":{SESSION_ACCOUNT}:" in (arn or "")  # noqa: E731
    out = docker("ps", "-a", "--no-trunc", "--filter", "label=io.gantry.managed=true",
                 "--format", "{{.ID}}\t{{.Label \"" + TASK_ARN_LABEL + "\"}}\t"
                 "{{.Label \"com.amazonaws.ecs.container-name\"}}").stdout
    session_containers = set()
    pause = 0
    for line in out.splitlines():
        cid, arn, name = (line.split("\t") + ["", ""])[:3]
        if mine(arn):
            session_containers.add(cid)
            pause += name == PAUSE_NAME
    ids = session_task_ids(ecs)
    cgroups = sum(1 for root in CGROUP_ROOTS if os.path.isdir(root)
                  for d in os.listdir(root) if d in ids and os.path.isdir(os.path.join(root, d)))
    endpoints = 0
    nets = docker("network", "ls", "-q", "--filter", "label=io.gantry.managed=true").stdout.split()
    for n in nets:
        p = docker("network", "inspect", "--format", "{{range $k, $v := .Containers}}{{$k}} {{end}}", n, check=False)
        endpoints += sum(1 for c in p.stdout.split() if c in session_containers)
    return {"pause": pause, "cgroups": cgroups, "endpoints": endpoints}


def test_fifty_fargate_runs_leave_nothing_behind(ecs, res):
    # Tasks left by earlier tests would free addresses or cgroups midway.
    wait_for(lambda: not session_live_tasks(ecs), timeout=180, what="earlier tasks to stop")
    cluster = res.cluster(unique("churn"))
    ecs.create_cluster(clusterName=cluster)
    before = footprint(ecs)
    # The count sees a running task's pause container, cgroups and endpoint.
    long_td = fargate_td(ecs, res, [{"name": "app", "image": IMAGE, "essential": True, "command": ["sleep", "600"]}])
    [probe_arn] = run(ecs, res, long_td, cluster=cluster)
    wait_running(ecs, [probe_arn], cluster)
    during = footprint(ecs)
    assert during["pause"] == before["pause"] + 1, (before, during)
    assert during["endpoints"] == before["endpoints"] + 1, (before, during)
    assert during["cgroups"] > before["cgroups"], (before, during)
    ecs.stop_task(cluster=cluster, task=probe_arn)
    wait_stopped(ecs, [probe_arn], cluster)
    td = fargate_td(ecs, res, [{"name": "app", "image": IMAGE, "essential": True, "command": ["sleep", "1"]}])
    # 10 batches of 5 (`gantry up`'s one host has 2 vCPU: 8 such tasks at once).
    batches = []
    for _ in range(10):
        arns = run(ecs, res, td, count=5, cluster=cluster)
        stopped = wait_stopped(ecs, arns, cluster)
        for t in stopped:
            assert t["containers"][0].get("exitCode") == 0, t
            assert [a["status"] for a in t["attachments"]] == ["DELETED"]
        batches.append(sorted(ip_of(t) for t in stopped))
    # Every lease came back: each batch got the same lowest free addresses.
    assert all(b == batches[0] for b in batches), batches
    assert len(set(batches[0])) == 5
    # Pause containers, cgroups and endpoints go at STOPPED (the task's own
    # containers stay until --container-cleanup-delay, 600 s by default).
    last = {}

    def settled():
        last.clear()
        last.update(footprint(ecs))
        return last == before

    try:
        wait_for(settled, timeout=60, what="the footprint to settle")
    except AssertionError:
        pass
    assert last == before, (before, last)
