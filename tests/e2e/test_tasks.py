"""Tasks on the local Docker Engine: run/describe/stop, exit codes, dependsOn,
failed pulls, count, ListTasks filters, clientToken idempotency."""

import datetime as dt

from conftest import (IMAGE, MISSING_IMAGE, SESSION_ACCOUNT, containers_for_task,
                      docker_inspect, unique)
from helpers import (container, describe, http_get, register, run, sleeper,
                     wait_running, wait_stopped)

ECS_LABELS = (
    "com.amazonaws.ecs.cluster",
    "com.amazonaws.ecs.task-arn",
    "com.amazonaws.ecs.container-name",
    "com.amazonaws.ecs.task-definition-family",
    "com.amazonaws.ecs.task-definition-version",
)


def _parse_docker_time(s: str) -> dt.datetime:
    # e.g. 2026-01-01T12:00:00.123456789Z -> trim to microseconds
    s = s.rstrip("Z")
    if "." in s:
        head, frac = s.split(".", 1)
        s = f"{head}.{frac[:6]}"
    return dt.datetime.fromisoformat(s)


def test_httpd_task_lifecycle(aws, ecs, res, gantry):
    fam = unique("web")
    td = register(ecs, res, family=fam, containers=[container(
        "web",
        ["sh", "-c", "echo hello > /tmp/index.html; exec httpd -f -p 8080 -h /tmp"],
        environment=[{"name": "GREETING", "value": "hello world"}],
        portMappings=[{"containerPort": 8080, "hostPort": 0, "protocol": "tcp"}],
    )])
    out = aws("ecs", "run-task", "--cluster", "default", "--task-definition", td["taskDefinitionArn"],
              "--started-by", "e2e-cli")
    assert out.get("failures", []) == []
    (task,) = out["tasks"]
    arn = res.task(task["taskArn"])
    assert arn.startswith(f"arn:aws:ecs:us-east-1:{SESSION_ACCOUNT}:task/default/")
    assert task["desiredStatus"] == "RUNNING"
    assert task["taskDefinitionArn"] == td["taskDefinitionArn"]
    assert task["group"] == f"family:{fam}" and task["startedBy"] == "e2e-cli"

    # the CLI waiter (polls every 6 s)
    assert aws("ecs", "wait", "tasks-running", "--cluster", "default", "--tasks", arn) is None
    (t,) = describe(ecs, [arn])
    assert t["lastStatus"] == "RUNNING"
    assert isinstance(t["startedAt"], dt.datetime)
    (c,) = t["containers"]
    assert c["name"] == "web" and c["lastStatus"] == "RUNNING" and c.get("runtimeId")

    # Docker side
    ids = containers_for_task(arn)
    assert len(ids) == 1
    info = docker_inspect(ids[0])
    assert info["Id"].startswith(c["runtimeId"]) or c["runtimeId"].startswith(info["Id"][:12])
    labels = info["Config"]["Labels"]
    for k in ECS_LABELS:
        assert k in labels, f"missing label {k}: {labels}"
    assert labels["com.amazonaws.ecs.task-arn"] == arn
    assert labels["com.amazonaws.ecs.container-name"] == "web"
    assert labels["com.amazonaws.ecs.task-definition-family"] == fam
    assert labels["com.amazonaws.ecs.task-definition-version"] == str(td["revision"])
    assert labels["com.amazonaws.ecs.cluster"] in ("default", f"arn:aws:ecs:us-east-1:{SESSION_ACCOUNT}:cluster/default")
    assert labels.get("io.gantry.managed") == "true"
    assert "GREETING=hello world" in info["Config"]["Env"]
    assert info["Config"]["Image"] == IMAGE
    bindings = info["NetworkSettings"]["Ports"]["8080/tcp"]
    host_port = int(bindings[0]["HostPort"])
    assert host_port > 0

    # networkBindings agree with Docker, and the server answers
    nb = c["networkBindings"]
    assert any(b["containerPort"] == 8080 and b["hostPort"] == host_port and b.get("protocol", "tcp") == "tcp" for b in nb), nb
    assert http_get(f"http://127.0.0.1:{host_port}/index.html").strip() == "hello"

    # stop
    stopped = ecs.stop_task(cluster="default", task=arn, reason="e2e says stop")["task"]
    assert stopped["desiredStatus"] == "STOPPED"
    assert aws("ecs", "wait", "tasks-stopped", "--cluster", "default", "--tasks", arn) is None
    (t,) = describe(ecs, [arn])
    assert t["lastStatus"] == "STOPPED"
    assert t["stopCode"] == "UserInitiated"
    assert t["stoppedReason"] == "e2e says stop"
    assert isinstance(t["stoppedAt"], dt.datetime)
    (c,) = t["containers"]
    assert c["lastStatus"] == "STOPPED"
    assert isinstance(c["exitCode"], int)
    assert c["exitCode"] in (0, 143, 137), c["exitCode"]
    # stopping again is a no-op returning the task
    again = ecs.stop_task(cluster="default", task=arn)["task"]
    assert again["taskArn"] == arn and again["desiredStatus"] == "STOPPED"


def test_essential_container_exit_code(ecs, res):
    td = register(ecs, res, [container("main", ["sh", "-c", "exit 3"])])
    (task,) = run(ecs, res, td["taskDefinitionArn"])
    (t,) = wait_stopped(ecs, [task["taskArn"]])
    assert t["stopCode"] == "EssentialContainerExited"
    assert "Essential container in task exited" in t.get("stoppedReason", "")
    assert t["containers"][0]["exitCode"] == 3


def test_depends_on_ordering(ecs, res):
    td = register(
        ecs, res,
        [
            container("first", ["sh", "-c", "date +%s%N > /data/stamp; sleep 1; exit 0"], essential=False,
                      mountPoints=[{"sourceVolume": "shared", "containerPath": "/data"}]),
            container("second", ["sh", "-c", "cat /data/stamp && sleep 2"],
                      mountPoints=[{"sourceVolume": "shared", "containerPath": "/data"}],
                      dependsOn=[{"containerName": "first", "condition": "SUCCESS"}]),
            container("third", ["sh", "-c", "sleep 2"], essential=False,
                      dependsOn=[{"containerName": "first", "condition": "COMPLETE"}]),
        ],
        volumes=[{"name": "shared"}],
    )
    (task,) = run(ecs, res, td["taskDefinitionArn"])
    arn = task["taskArn"]
    (t,) = wait_stopped(ecs, [arn])
    by = {c["name"]: c for c in t["containers"]}
    assert by["first"]["exitCode"] == 0
    assert by["second"]["exitCode"] == 0, by["second"]
    assert t["stopCode"] == "EssentialContainerExited"

    insp = {}
    for cid in containers_for_task(arn):
        i = docker_inspect(cid)
        insp[i["Config"]["Labels"]["com.amazonaws.ecs.container-name"]] = i
    assert set(insp) == {"first", "second", "third"}
    first_done = _parse_docker_time(insp["first"]["State"]["FinishedAt"])
    for dep in ("second", "third"):
        started = _parse_docker_time(insp[dep]["State"]["StartedAt"])
        assert started >= first_done, f"{dep} started {started} before first finished {first_done}"


def test_missing_image_fails_to_start(ecs, res):
    td = register(ecs, res, [{"name": "ghost", "image": MISSING_IMAGE, "memory": 32}])
    (task,) = run(ecs, res, td["taskDefinitionArn"])
    (t,) = wait_stopped(ecs, [task["taskArn"]])
    assert t["stopCode"] == "TaskFailedToStart"
    reason = t["containers"][0].get("reason", "") + " " + t.get("stoppedReason", "")
    assert "CannotPullContainerError" in reason, t
    assert containers_for_task(task["taskArn"]) == [] or all(
        docker_inspect(c)["State"]["Status"] != "running" for c in containers_for_task(task["taskArn"]))


def test_run_count_and_list_filters(ecs, res):
    fam = unique("cnt")
    td = register(ecs, res, [sleeper()], family=fam)
    started_by = unique("sb")
    tasks = run(ecs, res, td["taskDefinitionArn"], count=3, startedBy=started_by)
    arns = sorted(t["taskArn"] for t in tasks)
    assert len(set(arns)) == 3
    wait_running(ecs, arns)

    def lt(**kw):
        return sorted(a for p in ecs.get_paginator("list_tasks").paginate(cluster="default", **kw) for a in p["taskArns"])

    assert lt(family=fam) == arns
    assert lt(startedBy=started_by) == arns
    assert set(arns) <= set(lt())
    assert lt(family=fam, desiredStatus="STOPPED") == []
    # pagination
    page = ecs.list_tasks(cluster="default", family=fam, maxResults=2)
    assert len(page["taskArns"]) == 2 and page.get("nextToken")

    ecs.stop_task(cluster="default", task=arns[0])
    wait_stopped(ecs, [arns[0]])
    assert lt(family=fam, desiredStatus="STOPPED") == [arns[0]]
    assert lt(family=fam) == arns[1:]

    # DescribeTasks: unknown -> failures MISSING
    out = ecs.describe_tasks(cluster="default", tasks=[arns[1], "0123456789abcdef0123456789abcdef"])
    assert [t["taskArn"] for t in out["tasks"]] == [arns[1]]
    assert [f["reason"] for f in out["failures"]] == ["MISSING"]


def test_client_token_idempotency(ecs, res):
    td = register(ecs, res, [sleeper()])
    token = unique("tok")
    first = run(ecs, res, td["taskDefinitionArn"], count=2, clientToken=token)
    second = run(ecs, res, td["taskDefinitionArn"], count=2, clientToken=token)
    assert sorted(t["taskArn"] for t in first) == sorted(t["taskArn"] for t in second)
    # different parameters with the same token -> ConflictException
    try:
        ecs.run_task(cluster="default", taskDefinition=td["taskDefinitionArn"], count=1, clientToken=token)
        raise AssertionError("token reuse with different parameters was accepted")
    except ecs.exceptions.ConflictException as e:
        assert sorted(e.response.get("resourceIds", [])) in ([], sorted(t["taskArn"] for t in first))
    wait_running(ecs, [t["taskArn"] for t in first])
    assert len(ecs.list_tasks(cluster="default", family=td["family"])["taskArns"]) == 2


def test_start_task_on_local_instance(ecs, res):
    td = register(ecs, res, [sleeper()])
    ci = ecs.list_container_instances(cluster="default")["containerInstanceArns"][0]
    out = ecs.start_task(cluster="default", taskDefinition=td["taskDefinitionArn"], containerInstances=[ci])
    assert out.get("failures", []) == []
    (task,) = out["tasks"]
    res.task(task["taskArn"])
    assert task["containerInstanceArn"] == ci
    (t,) = wait_running(ecs, [task["taskArn"]])
    assert t["containerInstanceArn"] == ci


def test_run_task_errors(ecs):
    try:
        ecs.run_task(cluster="default", taskDefinition=unique("nope") + ":1")
        raise AssertionError("accepted unknown task definition")
    except ecs.exceptions.ClientError as e:
        assert e.response["Error"]["Code"] in ("ClientException", "InvalidParameterException")
    try:
        ecs.run_task(cluster=unique("nocluster"), taskDefinition="x:1")
        raise AssertionError("accepted unknown cluster")
    except ecs.exceptions.ClientError as e:
        assert e.response["Error"]["Code"] in ("ClusterNotFoundException", "ClientException")
    try:
        ecs.stop_task(cluster="default", task="0123456789abcdef0123456789abcdef")
        raise AssertionError("stopped an unknown task")
    except ecs.exceptions.ClientError as e:
        assert e.response["Error"]["Code"] in ("InvalidParameterException", "ClientException")
