"""awsvpc networking with the EC2 launch type, and the task metadata endpoint
v4, against a real `gantry up` on the local Engine: each awsvpc task gets its
own address on the subnet's Gantry-managed network (a pause container holds
it), two tasks both serve port 80, the containers of one task share
localhost, and a container reads its own task's metadata from inside."""

from __future__ import annotations

import ipaddress
import json
import os
import time

from conftest import IMAGE, docker, docker_inspect, unique
from helpers import FAST, describe, http_get, wait_running, wait_stopped


def _subnet():
    """The subnet the tasks use: the first of GANTRY_SUBNETS when set (so two
    `gantry up` sessions on one Engine need not share addresses), else
    `subnet-default` (10.200.0.0/16)."""
    for entry in os.environ.get("GANTRY_SUBNETS", "").split(","):
        if "=" in entry:
            sid, cidr = entry.split("=", 1)
            return sid.strip(), cidr.strip()
    return "subnet-default", "10.200.0.0/16"


SUBNET_ID, SUBNET_CIDR = _subnet()
SUBNETS = {"awsvpcConfiguration": {"subnets": [SUBNET_ID]}}
PAUSE_NAME = "~internal~ecs~pause"

# Splits $ECS_CONTAINER_METADATA_URI_V4 into host ($H), port ($P) and path
# ($M); busybox-static's wget crashes in a scratch image, so `nc` speaks HTTP.
PARSE_URI = (
    'u=${ECS_CONTAINER_METADATA_URI_V4#http://}; hp=${u%%/*}; M=/${u#*/}; '
    'H=${hp%:*}; P=${hp##*:}; [ "$P" = "$hp" ] && P=80; '
)


def fetch(path: str) -> str:
    """Shell: GET `path` from the task endpoint, body only."""
    return f'(printf "GET {path} HTTP/1.0\\r\\n\\r\\n"; sleep 1) | nc $H $P | sed "1,/^\\r*$/d"'


def eni(task):
    att = [a for a in task.get("attachments", []) if a["type"] == "ElasticNetworkInterface"]
    assert len(att) == 1, task.get("attachments")
    return {d["name"]: d["value"] for d in att[0]["details"]}


def pause_containers(task_arn: str):
    out = docker("ps", "-aq", "--filter", f"label=com.amazonaws.ecs.task-arn={task_arn}",
                 "--filter", f"label=com.amazonaws.ecs.container-name={PAUSE_NAME}").stdout
    return out.split()


def test_awsvpc_ec2_tasks_get_own_addresses_share_localhost_and_read_their_metadata(ecs, res):
    web = {
        "name": "web", "image": IMAGE, "essential": True, "memory": 64,
        "portMappings": [{"containerPort": 80, "protocol": "tcp"}],
        "command": ["sh", "-c",
                    "trap 'exit 143' TERM; mkdir -p /www && " + PARSE_URI +
                    fetch("$M/task") + " > /www/task.json; " + fetch("$M") + " > /www/self.json; "
                    "httpd -f -p 80 -h /www & wait $!"],
    }
    # The sidecar reaches web on localhost (one network namespace per task)
    # and serves what it saw on port 8080.
    side = {
        "name": "side", "image": IMAGE, "essential": True, "memory": 32,
        "command": ["sh", "-c",
                    "trap 'exit 143' TERM; mkdir -p /s; "
                    "for i in $(seq 1 100); do "
                    "  (printf 'GET /self.json HTTP/1.0\\r\\n\\r\\n'; sleep 1) | nc 127.0.0.1 80 > /s/via-localhost && "
                    "  grep -q DockerId /s/via-localhost && break; sleep 0.2; done; "
                    "httpd -f -p 8080 -h /s & wait $!"],
    }
    td = ecs.register_task_definition(
        family=unique("vpc"), networkMode="awsvpc", requiresCompatibilities=["EC2"],
        containerDefinitions=[web, side],
    )["taskDefinition"]
    res.taskdef(td["taskDefinitionArn"])
    assert td["networkMode"] == "awsvpc"

    out = ecs.run_task(cluster="default", taskDefinition=td["taskDefinitionArn"], count=2,
                       launchType="EC2", networkConfiguration=SUBNETS)
    assert out.get("failures", []) == [], out["failures"]
    arns = [t["taskArn"] for t in out["tasks"]]
    for a in arns:
        res.task(a, "default")
    tasks = wait_running(ecs, arns)

    ips = []
    for t in tasks:
        assert t["launchType"] == "EC2"
        d = eni(t)
        ip = d["privateIPv4Address"]
        assert ipaddress.ip_address(ip) in ipaddress.ip_network(SUBNET_CIDR)
        ips.append(ip)
        for c in t["containers"]:
            assert c["networkInterfaces"][0]["privateIpv4Address"] == ip
            assert c.get("networkBindings", []) == []

        # The pause container holds the address on the subnet's network.
        [pause] = pause_containers(t["taskArn"])
        info = docker_inspect(pause)
        assert info["State"]["Running"]
        nets = info["NetworkSettings"]["Networks"]
        assert nets[f"gantry-{SUBNET_ID}"]["IPAddress"] == ip
        mac = nets[f"gantry-{SUBNET_ID}"]["MacAddress"]
        # Once the agent reported the interface, its MAC is in the attachment.
        deadline = time.time() + 30
        while eni(t).get("macAddress") != mac and time.time() < deadline:
            time.sleep(0.5)
            t = describe(ecs, [t["taskArn"]])[0]
        assert eni(t).get("macAddress") == mac, eni(t)

        # Port 80 of this task at its own address; its metadata as seen from inside.
        meta = json.loads(http_get(f"http://{ip}/task.json", timeout=60))
        assert meta["TaskARN"] == t["taskArn"]
        assert meta["Family"] == td["family"]
        assert meta["LaunchType"] == "EC2"
        assert sorted(c["Name"] for c in meta["Containers"]) == ["side", "web"]
        [me] = [c for c in meta["Containers"] if c["Name"] == "web"]
        assert me["Networks"][0]["NetworkMode"] == "awsvpc"
        assert me["Networks"][0]["IPv4Addresses"] == [ip]
        assert me["Networks"][0]["MACAddress"] == mac
        self_md = json.loads(http_get(f"http://{ip}/self.json"))
        assert self_md["Name"] == "web"
        assert self_md["Labels"]["com.amazonaws.ecs.task-arn"] == t["taskArn"]
        # The sidecar reached web on localhost.
        via = http_get(f"http://{ip}:8080/via-localhost", timeout=60)
        assert '"Name":"web"' in via

    assert len(set(ips)) == 2, ips

    for a in arns:
        ecs.stop_task(cluster="default", task=a, reason="e2e done")
    stopped = wait_stopped(ecs, arns)
    for t in stopped:
        assert t["lastStatus"] == "STOPPED"
        # The address is released with the pause container.
        deadline = time.time() + 30
        while pause_containers(t["taskArn"]) and time.time() < deadline:
            time.sleep(0.5)
        assert pause_containers(t["taskArn"]) == []


def test_bridge_task_reads_its_own_metadata_from_inside(ecs, res):
    check = {
        "name": "check", "image": IMAGE, "essential": True, "memory": 32,
        "command": ["sh", "-c",
                    # Like ECS's, the document fills in as the container starts
                    # (its network only once it runs): ask until it is there.
                    PARSE_URI + "i=0; while [ $i -lt 30 ]; do r=$( " + fetch("$M/task") + " ); "
                    "echo \"$r\" | grep -q '\"NetworkMode\":\"bridge\"' && break; i=$((i+1)); sleep 0.2; done; "
                    "echo \"$r\"; "
                    "echo \"$r\" | grep -q \"\\\"TaskARN\\\":\\\"$ARN_HINT\" || exit 1; "
                    "echo \"$r\" | grep -q '\"NetworkMode\":\"bridge\"' || exit 2; exit 0"],
        "environment": [{"name": "ARN_HINT", "value": "arn:aws:ecs:"}],
    }
    td = ecs.register_task_definition(family=unique("md"), networkMode="bridge",
                                      containerDefinitions=[check])["taskDefinition"]
    res.taskdef(td["taskDefinitionArn"])
    out = ecs.run_task(cluster="default", taskDefinition=td["taskDefinitionArn"])
    assert out.get("failures", []) == [], out["failures"]
    arn = out["tasks"][0]["taskArn"]
    res.task(arn, "default")
    ecs.get_waiter("tasks_stopped").wait(cluster="default", tasks=[arn], WaiterConfig=FAST)
    [t] = describe(ecs, [arn])
    c = t["containers"][0]
    logs = docker("logs", c["runtimeId"], check=False)
    assert c.get("exitCode") == 0, (c.get("reason"), logs.stdout, logs.stderr)
    meta = json.loads(logs.stdout.strip().splitlines()[-1])
    assert meta["TaskARN"] == arn
    assert meta["Containers"][0]["DockerId"] == c["runtimeId"]
