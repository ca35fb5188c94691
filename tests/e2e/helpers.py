"""Small helpers shared by the scenario tests."""

from __future__ import annotations

import time
import urllib.request
from typing import Any, Dict, List, Optional

from conftest import IMAGE, unique

FAST = {"Delay": 1, "MaxAttempts": 90}


def register(ecs, res, containers: List[Dict[str, Any]], family: Optional[str] = None, **extra) -> dict:
    """Register a task definition (tracked for cleanup); returns the taskDefinition dict."""
    fam = family or unique("e2e")
    td = ecs.register_task_definition(family=fam, containerDefinitions=containers, **extra)["taskDefinition"]
    res.taskdef(td["taskDefinitionArn"])
    return td


def container(name: str = "app", command: Optional[List[str]] = None, memory: int = 64, **extra) -> Dict[str, Any]:
    c: Dict[str, Any] = {"name": name, "image": IMAGE, "memory": memory, "essential": True}
    if command is not None:
        c["command"] = command
    # `sh`/`sleep` as PID 1 ignore SIGTERM: without this every stop (and
    # every test's cleanup) waits ECS's default 30 s for the SIGKILL.
    c["stopTimeout"] = 2
    c.update(extra)
    return c


def sleeper(name: str = "app", seconds: int = 3600, **extra) -> Dict[str, Any]:
    return container(name, ["sleep", str(seconds)], **extra)


def run(ecs, res, td_arn: str, cluster: str = "default", **kw) -> List[dict]:
    out = ecs.run_task(cluster=cluster, taskDefinition=td_arn, **kw)
    assert out.get("failures", []) == [], out.get("failures")
    for t in out["tasks"]:
        res.task(t["taskArn"], cluster)
    return out["tasks"]


def wait_running(ecs, arns: List[str], cluster: str = "default") -> List[dict]:
    ecs.get_waiter("tasks_running").wait(cluster=cluster, tasks=arns, WaiterConfig=FAST)
    return describe(ecs, arns, cluster)


def wait_stopped(ecs, arns: List[str], cluster: str = "default") -> List[dict]:
    ecs.get_waiter("tasks_stopped").wait(cluster=cluster, tasks=arns, WaiterConfig=FAST)
    return describe(ecs, arns, cluster)


def describe(ecs, arns: List[str], cluster: str = "default") -> List[dict]:
    out = ecs.describe_tasks(cluster=cluster, tasks=arns)
    assert out.get("failures", []) == [], out["failures"]
    by = {t["taskArn"]: t for t in out["tasks"]}
    return [by[a] for a in arns]


def http_get(url: str, timeout: float = 30) -> str:
    """GET with retries until the server answers (container may need a moment)."""
    deadline = time.time() + timeout
    last: Any = None
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=3) as r:
                return r.read().decode()
        except Exception as e:  # noqa: BLE001
            last = e
            time.sleep(0.5)
    raise AssertionError(f"GET {url} never answered: {last}")


def paginate_all(ecs, op: str, key: str, **kw) -> List[Any]:
    return [x for page in ecs.get_paginator(op).paginate(**kw) for x in page[key]]


def local_instance(ecs, cluster: str = "default") -> dict:
    arns = ecs.list_container_instances(cluster=cluster)["containerInstanceArns"]
    assert arns, "no container instance registered in cluster default"
    return ecs.describe_container_instances(cluster=cluster, containerInstances=arns)["containerInstances"][0]


def resource(ci: dict, which: str, name: str) -> dict:
    for r in ci[which]:
        if r["name"] == name:
            return r
    raise AssertionError(f"{which} has no {name}: {ci[which]}")
