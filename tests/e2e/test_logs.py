"""CloudWatch Logs API (``Logs_20140328.*``) against the real binary: boto3
``logs`` client (every response validated against the Logs botocore model)
and the AWS CLI (``aws logs ...``), plus containers with the ``awslogs``
log driver shipping their output into the log service."""

from __future__ import annotations

import json
import subprocess
import time
import uuid

import boto3
import botocore.config
import pytest
from botocore.exceptions import ClientError

from model_validator import ModelValidationError, ResponseRecorder, Validator, load_model, shared_dir


def logs_validator() -> Validator:
    return Validator(load_model(str(shared_dir() / "aws-models" / "logs" / "service-2.json")))


def install_logs_hook(client, rec: ResponseRecorder) -> None:
    """Validate the raw JSON of every Logs response (like the ECS hook)."""
    validator = logs_validator()

    def _after_call(http_response, parsed, model, **kwargs):
        if http_response is None:
            return
        rec.checked += 1
        raw = http_response.content or b""
        try:
            data = json.loads(raw.decode("utf-8")) if raw.strip() else {}
            if http_response.status_code < 300:
                if not http_response.headers.get("x-amzn-requestid"):
                    raise ModelValidationError(f"{model.name}: no x-amzn-RequestId")
                validator.validate_output(model.name, data)
            else:
                # Logs' exception shapes declare no members, but every
                # awsJson error (AWS's included) carries `message`, which
                # botocore reads regardless of the shape.
                shape = validator.shapes.get(str(data.get("__type", "")))
                if shape is not None and "message" not in shape.get("members", {}):
                    data = {k: v for k, v in data.items() if k != "message"}
                    if not isinstance(json.loads(raw)["message"], str):
                        raise ModelValidationError(f"error message is not a string: {raw!r}")
                validator.validate_error(data)
        except (ModelValidationError, ValueError) as e:
            rec.failures.append(str(e))
            raise

    client.meta.events.register("after-call.cloudwatch-logs", _after_call)


@pytest.fixture
def logs(gantry):
    rec = ResponseRecorder()
    client = boto3.session.Session().client(
        "logs",
        region_name=gantry.region,
        endpoint_url=gantry.endpoint,
        aws_access_key_id=gantry.access_key_id,
        aws_secret_access_key=gantry.secret_access_key,
        config=botocore.config.Config(retries={"max_attempts": 3, "mode": "standard"}),
    )
    install_logs_hook(client, rec)
    created = []
    client._gantry_created = created  # groups to delete after the test
    yield client
    for g in created:
        try:
            client.delete_log_group(logGroupName=g)
        except ClientError:
            pass
    assert rec.checked > 0
    assert not rec.failures, "model violations:\n" + "\n".join(rec.failures)


def new_group(logs, prefix="/e2e/") -> str:
    name = prefix + uuid.uuid4().hex[:10]
    logs.create_log_group(logGroupName=name)
    logs._gantry_created.append(name)
    return name


def now_ms() -> int:
    return int(time.time() * 1000)


def code(exc: ClientError) -> str:
    return exc.response["Error"]["Code"]


def test_groups_streams_and_errors(logs, gantry):
    g = new_group(logs)
    with pytest.raises(ClientError) as e:
        logs.create_log_group(logGroupName=g)
    assert code(e.value) == "ResourceAlreadyExistsException"
    groups = logs.describe_log_groups(logGroupNamePrefix=g)["logGroups"]
    assert [x["logGroupName"] for x in groups] == [g]
    arn = f"arn:aws:logs:{gantry.region}:{gantry.account_id}:log-group:{g}"
    assert groups[0]["arn"] == arn + ":*"
    assert groups[0]["logGroupArn"] == arn
    logs.create_log_stream(logGroupName=g, logStreamName="s1")
    with pytest.raises(ClientError) as e:
        logs.create_log_stream(logGroupName=g, logStreamName="s1")
    assert code(e.value) == "ResourceAlreadyExistsException"
    with pytest.raises(ClientError) as e:
        logs.describe_log_streams(logGroupName=g + "-missing")
    assert code(e.value) == "ResourceNotFoundException"
    assert e.value.response["Error"]["Message"] == "The specified log group does not exist."
    with pytest.raises(ClientError) as e:
        logs.put_log_events(logGroupName=g, logStreamName="nope", logEvents=[{"timestamp": now_ms(), "message": "x"}])
    assert e.value.response["Error"]["Message"] == "The specified log stream does not exist."
    with pytest.raises(ClientError) as e:
        logs.create_log_group(logGroupName="bad name with spaces")
    assert code(e.value) == "InvalidParameterException"
    logs.delete_log_stream(logGroupName=g, logStreamName="s1")
    with pytest.raises(ClientError) as e:
        logs.delete_log_stream(logGroupName=g, logStreamName="s1")
    assert code(e.value) == "ResourceNotFoundException"
    # Tags through both APIs.
    logs.tag_resource(resourceArn=arn, tags={"team": "a"})
    logs.tag_log_group(logGroupName=g, tags={"env": "dev"})
    assert logs.list_tags_for_resource(resourceArn=arn)["tags"] == {"team": "a", "env": "dev"}
    logs.untag_resource(resourceArn=arn, tagKeys=["team"])
    assert logs.list_tags_log_group(logGroupName=g)["tags"] == {"env": "dev"}
    # Paginate groups with limit 1.
    g2 = new_group(logs, prefix=g + "-")
    pages = list(logs.get_paginator("describe_log_groups").paginate(logGroupNamePrefix=g, PaginationConfig={"PageSize": 1}))
    assert [x["logGroupName"] for p in pages for x in p["logGroups"]] == [g, g2]
    logs.delete_log_group(logGroupName=g2)
    with pytest.raises(ClientError) as e:
        logs.delete_log_group(logGroupName=g2)
    assert code(e.value) == "ResourceNotFoundException"


def test_put_limits_and_rejections(logs):
    g = new_group(logs)
    logs.create_log_stream(logGroupName=g, logStreamName="s")
    t = now_ms()
    with pytest.raises(ClientError) as e:
        logs.put_log_events(logGroupName=g, logStreamName="s",
                            logEvents=[{"timestamp": t, "message": "b"}, {"timestamp": t - 5, "message": "a"}])
    assert code(e.value) == "InvalidParameterException"
    big = "x" * (1_048_576 - 26 + 1)
    with pytest.raises(ClientError) as e:
        logs.put_log_events(logGroupName=g, logStreamName="s", logEvents=[{"timestamp": t, "message": big}])
    assert code(e.value) in ("InvalidParameterException", "RequestEntityTooLargeException")
    many = [{"timestamp": t, "message": "m"} for _ in range(10_001)]
    with pytest.raises(ClientError) as e:
        logs.put_log_events(logGroupName=g, logStreamName="s", logEvents=many)
    assert code(e.value) == "InvalidParameterException"
    r = logs.put_log_events(logGroupName=g, logStreamName="s", logEvents=[
        {"timestamp": t - 15 * 86_400_000, "message": "too old"},
        {"timestamp": t - 15 * 86_400_000 + 1, "message": "too old 2"},
    ])
    assert r["rejectedLogEventsInfo"]["tooOldLogEventEndIndex"] == 1
    r = logs.put_log_events(logGroupName=g, logStreamName="s", logEvents=[
        {"timestamp": t, "message": "fine"},
        {"timestamp": t + 3 * 3_600_000, "message": "too new"},
    ])
    assert r["rejectedLogEventsInfo"]["tooNewLogEventStartIndex"] == 1
    got = logs.get_log_events(logGroupName=g, logStreamName="s", startFromHead=True)["events"]
    assert [e["message"] for e in got] == ["fine"]
    assert got[0]["timestamp"] == t and got[0]["ingestionTime"] >= t - 60_000
    # Nothing changed by the rejected requests: one stream, one event.
    streams = logs.describe_log_streams(logGroupName=g)["logStreams"]
    assert streams[0]["firstEventTimestamp"] == t == streams[0]["lastEventTimestamp"]


def put_numbered(logs, g, s, n, t0, batch=1000, fmt="line {i}"):
    for start in range(0, n, batch):
        evs = [{"timestamp": t0 + i, "message": fmt.format(i=i)} for i in range(start, min(n, start + batch))]
        logs.put_log_events(logGroupName=g, logStreamName=s, logEvents=evs)


def test_get_log_events_tokens_cli_and_pagination(logs, aws):
    g = new_group(logs)
    logs.create_log_stream(logGroupName=g, logStreamName="s")
    t0 = now_ms() - 60_000
    put_numbered(logs, g, "s", 2500, t0)
    # Forward through everything with a small limit, until the same token comes back.
    token, seen, calls = None, [], 0
    while True:
        kw = dict(logGroupName=g, logStreamName="s", limit=400, startFromHead=True)
        if token:
            kw["nextToken"] = token
        r = logs.get_log_events(**kw)
        calls += 1
        assert r["nextForwardToken"].startswith("f/") and r["nextBackwardToken"].startswith("b/")
        seen += [e["message"] for e in r["events"]]
        if r["nextForwardToken"] == token:
            assert r["events"] == []
            break
        token = r["nextForwardToken"]
        assert calls < 20
    assert seen == [f"line {i}" for i in range(2500)]
    # Default = most recent page; the backward token walks back.
    r = logs.get_log_events(logGroupName=g, logStreamName="s", limit=10)
    assert [e["message"] for e in r["events"]] == [f"line {i}" for i in range(2490, 2500)]
    r = logs.get_log_events(logGroupName=g, logStreamName="s", limit=10, nextToken=r["nextBackwardToken"])
    assert [e["message"] for e in r["events"]] == [f"line {i}" for i in range(2480, 2490)]
    # Time window through the CLI.
    out = aws("logs", "get-log-events", "--log-group-name", g, "--log-stream-name", "s",
              "--start-time", str(t0 + 100), "--end-time", str(t0 + 110), "--start-from-head")
    assert [e["message"] for e in out["events"]] == [f"line {i}" for i in range(100, 110)]
    # The CLI's own pagination of get-log-events (it follows nextForwardToken).
    out = aws("logs", "get-log-events", "--log-group-name", g, "--log-stream-name", "s", "--start-from-head")
    assert len(out["events"]) == 2500
    streams = aws("logs", "describe-log-streams", "--log-group-name", g)["logStreams"]
    assert streams[0]["logStreamName"] == "s" and streams[0]["lastEventTimestamp"] == t0 + 2499


def test_filter_log_events_patterns_and_paginator(logs, aws):
    g = new_group(logs)
    t0 = now_ms() - 60_000
    for s in ("app/a", "app/b", "other"):
        logs.create_log_stream(logGroupName=g, logStreamName=s)
    logs.put_log_events(logGroupName=g, logStreamName="app/a", logEvents=[
        {"timestamp": t0, "message": "ERROR disk full"},
        {"timestamp": t0 + 2, "message": "INFO ok"},
        {"timestamp": t0 + 4, "message": json.dumps({"level": "error", "code": 503})},
    ])
    logs.put_log_events(logGroupName=g, logStreamName="app/b", logEvents=[
        {"timestamp": t0 + 1, "message": "WARN disk slow"},
        {"timestamp": t0 + 3, "message": json.dumps({"level": "info", "code": 200})},
    ])
    logs.put_log_events(logGroupName=g, logStreamName="other", logEvents=[
        {"timestamp": t0 + 5, "message": "ERROR elsewhere"},
    ])

    def msgs(**kw):
        r = logs.filter_log_events(logGroupName=g, **kw)
        return [e["message"] for e in r["events"]]

    assert msgs(filterPattern="ERROR") == ["ERROR disk full", "ERROR elsewhere"]
    assert msgs(filterPattern='"disk full"') == ["ERROR disk full"]
    assert msgs(filterPattern="?ERROR ?WARN") == ["ERROR disk full", "WARN disk slow", "ERROR elsewhere"]
    assert msgs(filterPattern="disk -WARN") == ["ERROR disk full"]
    assert msgs(filterPattern='{ $.level = "error" }') == [json.dumps({"level": "error", "code": 503})]
    assert msgs(filterPattern="{ $.code < 300 }") == [json.dumps({"level": "info", "code": 200})]
    assert msgs(logStreamNamePrefix="app/", filterPattern="ERROR") == ["ERROR disk full"]
    assert msgs(logStreamNames=["other"]) == ["ERROR elsewhere"]
    assert msgs(startTime=t0 + 1, endTime=t0 + 2) == ["WARN disk slow", "INFO ok"]
    with pytest.raises(ClientError) as e:
        logs.filter_log_events(logGroupName=g, filterPattern='{ $.level = }')
    assert code(e.value) == "InvalidParameterException"
    # The paginator walks the pages without repeats.
    pages = list(logs.get_paginator("filter_log_events").paginate(logGroupName=g, PaginationConfig={"PageSize": 2}))
    events = [e for p in pages for e in p["events"]]
    assert len(pages) >= 3
    assert len(events) == 6 and len({e["eventId"] for e in events}) == 6
    assert [e["timestamp"] for e in events] == sorted(e["timestamp"] for e in events)
    # CLI: filter-log-events and tail (no --follow).
    out = aws("logs", "filter-log-events", "--log-group-name", g, "--filter-pattern", "ERROR")
    assert [e["message"] for e in out["events"]] == ["ERROR disk full", "ERROR elsewhere"]
    # (`aws logs tail` exists only in AWS CLI v2; the suite runs v1. Its
    # calls are FilterLogEvents with startTime + nextToken, covered above.)


def test_retention_deletes_expired_events(logs):
    g = new_group(logs)
    logs.create_log_stream(logGroupName=g, logStreamName="s")
    t = now_ms()
    logs.put_log_events(logGroupName=g, logStreamName="s", logEvents=[
        {"timestamp": t - 10 * 86_400_000, "message": "ten days old"},
    ])
    logs.put_log_events(logGroupName=g, logStreamName="s", logEvents=[{"timestamp": t, "message": "fresh"}])
    with pytest.raises(ClientError) as e:
        logs.put_retention_policy(logGroupName=g, retentionInDays=2)
    assert code(e.value) == "InvalidParameterException"
    logs.put_retention_policy(logGroupName=g, retentionInDays=3)
    assert logs.describe_log_groups(logGroupNamePrefix=g)["logGroups"][0]["retentionInDays"] == 3
    deadline = time.time() + 30
    while True:
        got = [e["message"] for e in logs.get_log_events(logGroupName=g, logStreamName="s", startFromHead=True)["events"]]
        if got == ["fresh"]:
            break
        assert time.time() < deadline, got
        time.sleep(0.2)
    # Now events older than retention are reported expired.
    r = logs.put_log_events(logGroupName=g, logStreamName="s", logEvents=[{"timestamp": t - 5 * 86_400_000, "message": "x"}])
    assert r["rejectedLogEventsInfo"]["expiredLogEventEndIndex"] == 0
    logs.delete_retention_policy(logGroupName=g)
    assert "retentionInDays" not in logs.describe_log_groups(logGroupNamePrefix=g)["logGroups"][0]


def test_events_survive_restart(logs, gantry):
    g = new_group(logs)
    logs.create_log_stream(logGroupName=g, logStreamName="s")
    t0 = now_ms()
    put_numbered(logs, g, "s", 300, t0, batch=100)
    before = logs.filter_log_events(logGroupName=g)["events"]
    gantry.kill9()
    gantry.start()
    r = logs.get_log_events(logGroupName=g, logStreamName="s", startFromHead=True)
    assert [e["message"] for e in r["events"]] == [f"line {i}" for i in range(300)]
    after = logs.filter_log_events(logGroupName=g)["events"]
    assert [e["eventId"] for e in after] == [e["eventId"] for e in before]
    logs.put_log_events(logGroupName=g, logStreamName="s", logEvents=[{"timestamp": t0 + 300, "message": "after restart"}])
    assert logs.get_log_events(logGroupName=g, logStreamName="s", limit=1)["events"][0]["message"] == "after restart"


# --------------------------------------------------------------- awslogs driver
def awslogs(group: str, prefix: str = "ecs", create: str = "true") -> dict:
    return {"logDriver": "awslogs", "options": {
        "awslogs-group": group, "awslogs-region": "us-east-1",
        "awslogs-stream-prefix": prefix, "awslogs-create-group": create}}


def wait_events(logs, group, stream, n, timeout=60):
    deadline = time.time() + timeout
    got = []
    while time.time() < deadline:
        try:
            got = [e["message"] for e in logs.get_log_events(
                logGroupName=group, logStreamName=stream, startFromHead=True)["events"]]
        except ClientError as e:
            if code(e) != "ResourceNotFoundException":
                raise
        if len(got) >= n:
            return got
        time.sleep(0.5)
    return got


def test_awslogs_task_output_lands_in_stream(logs, ecs, res, aws, image):
    from helpers import container, register, run, wait_stopped

    group = "/ecs/e2e-" + uuid.uuid4().hex[:8]
    logs._gantry_created.append(group)
    # Prints lines (stdout and stderr) and exits at once: nothing may be lost.
    script = "for i in $(seq 1 200); do echo line $i; done; echo ERROR on stderr >&2; echo done"
    td = register(ecs, res, [container("printer", ["sh", "-c", script], logConfiguration=awslogs(group, "web"))])
    (task,) = run(ecs, res, td["taskDefinitionArn"])
    task_id = task["taskArn"].rsplit("/", 1)[1]
    wait_stopped(ecs, [task["taskArn"]])
    stream = f"web/printer/{task_id}"
    got = wait_events(logs, group, stream, 202)
    # Docker copies stdout and stderr separately, so only each one's own
    # order is defined.
    stdout = [f"line {i}" for i in range(1, 201)] + ["done"]
    assert [m for m in got if m != "ERROR on stderr"] == stdout
    assert got.count("ERROR on stderr") == 1
    assert len(got) == 202, "no duplicates"
    # The CLI sees the ECS stream name format and can filter.
    streams = aws("logs", "describe-log-streams", "--log-group-name", group)["logStreams"]
    assert [s["logStreamName"] for s in streams] == [stream]
    out = aws("logs", "filter-log-events", "--log-group-name", group, "--filter-pattern", "ERROR")
    assert [e["message"] for e in out["events"]] == ["ERROR on stderr"]
    out = aws("logs", "get-log-events", "--log-group-name", group, "--log-stream-name", stream,
              "--limit", "5", "--start-from-head")
    assert [e["message"] for e in out["events"]] == got[:5]
    # Gantry's own CLI, through the same API.
    p = gantry_cli(logs, "logs", task_id)
    assert p.returncode == 0, p.stderr
    assert p.stdout.splitlines() == got
    p = gantry_cli(logs, "logs", task_id, "--container", "nope")
    assert p.returncode != 0 and "nope" in p.stderr
    p = gantry_cli(logs, "logs", task_id, "--since", "1s")
    assert p.returncode == 0


def gantry_cli(logs, *args, timeout=60):
    from conftest import gantry_binary
    import os
    creds = logs._request_signer._credentials
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    env.update(AWS_ACCESS_KEY_ID=creds.access_key, AWS_SECRET_ACCESS_KEY=creds.secret_key,
               AWS_DEFAULT_REGION=logs.meta.region_name, GANTRY_ENDPOINT=logs.meta.endpoint_url)
    binary = os.environ.get("GANTRY_BIN") or str(gantry_binary())
    return subprocess.run([binary, *args], capture_output=True, text=True, env=env, timeout=timeout)


def test_awslogs_follows_a_running_container(logs, ecs, res, image):
    from helpers import container, register, run, wait_running

    group = "/ecs/e2e-" + uuid.uuid4().hex[:8]
    logs._gantry_created.append(group)
    script = "i=0; while true; do i=$((i+1)); echo tick $i; sleep 0.2; done"
    td = register(ecs, res, [container("ticker", ["sh", "-c", script], logConfiguration=awslogs(group, "p"))])
    (task,) = run(ecs, res, td["taskDefinitionArn"])
    wait_running(ecs, [task["taskArn"]])
    stream = f"p/ticker/{task['taskArn'].rsplit('/', 1)[1]}"
    first = wait_events(logs, group, stream, 3)
    assert first[:3] == ["tick 1", "tick 2", "tick 3"]
    later = wait_events(logs, group, stream, len(first) + 5)
    assert later[:len(first)] == first and len(later) >= len(first) + 5
    # `gantry logs --follow` prints new lines as they come and exits once the task stopped.
    import os
    import threading
    from conftest import gantry_binary
    creds = logs._request_signer._credentials
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    env.update(AWS_ACCESS_KEY_ID=creds.access_key, AWS_SECRET_ACCESS_KEY=creds.secret_key,
               AWS_DEFAULT_REGION=logs.meta.region_name, GANTRY_ENDPOINT=logs.meta.endpoint_url)
    binary = os.environ.get("GANTRY_BIN") or str(gantry_binary())
    proc = subprocess.Popen([binary, "logs", task["taskArn"], "--follow"], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env)
    try:
        got = []
        timer = threading.Timer(60, proc.kill)
        timer.start()
        while len(got) < len(later) + 5:
            line = proc.stdout.readline()
            assert line, "follow ended early"
            got.append(line.rstrip("\n"))
        timer.cancel()
        assert got[:len(later)] == later
        assert got[len(later):len(later) + 5] == [f"tick {i}" for i in range(len(later) + 1, len(later) + 6)]
        ecs.stop_task(cluster="default", task=task["taskArn"], reason="e2e done")
        proc.wait(timeout=60)
        assert proc.returncode == 0, proc.stderr.read()
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def test_logs_target_needs_logs_signature(raw_request, logs):
    """A Logs call signed for service `ecs` is refused before any handler runs."""
    g = "/e2e/sig-" + uuid.uuid4().hex[:8]
    r = raw_request("Logs_20140328.CreateLogGroup", {"logGroupName": g})
    assert r.status in (400, 403), r.body
    assert r.error_code in ("InvalidSignatureException", "SignatureDoesNotMatch", "IncompleteSignatureException"), r.body
    assert logs.describe_log_groups(logGroupNamePrefix=g)["logGroups"] == []
    r = raw_request("Logs_20140328.NoSuchOperation", {}, sign=False)
    assert r.status >= 400


def test_gantry_logs_for_a_service(logs, ecs, res, image):
    """`gantry logs --service` prints every task's lines, prefixed by task and container."""
    from helpers import container, register

    group = "/ecs/e2e-" + uuid.uuid4().hex[:8]
    logs._gantry_created.append(group)
    script = "echo hello from $(hostname); sleep 3600"
    td = register(ecs, res, [container("greeter", ["sh", "-c", script], logConfiguration=awslogs(group, "svc"))])
    name = "logs-" + uuid.uuid4().hex[:8]
    ecs.create_service(cluster="default", serviceName=name, taskDefinition=td["taskDefinitionArn"], desiredCount=2)
    try:
        ecs.get_waiter("services_stable").wait(cluster="default", services=[name],
                                               WaiterConfig={"Delay": 1, "MaxAttempts": 120})
        arns = ecs.list_tasks(cluster="default", serviceName=name)["taskArns"]
        assert len(arns) == 2
        ids = sorted(a.rsplit("/", 1)[1] for a in arns)
        for task_id in ids:
            wait_events(logs, group, f"svc/greeter/{task_id}", 1)
        p = gantry_cli(logs, "logs", "--service", name)
        assert p.returncode == 0, p.stderr
        lines = sorted(p.stdout.splitlines())
        assert len(lines) == 2, lines
        for line, task_id in zip(lines, ids):
            # Not a terminal: no colour codes.
            assert line.startswith(f"[{task_id[:8]}/greeter] hello from "), line
        p = gantry_cli(logs, "logs", "--service", "no-such-service")
        assert p.returncode != 0 and "no-such-service" in p.stderr
        p = gantry_cli(logs, "logs")
        assert p.returncode != 0
    finally:
        ecs.delete_service(cluster="default", service=name, force=True)
        ecs.get_waiter("services_inactive").wait(cluster="default", services=[name],
                                                 WaiterConfig={"Delay": 1, "MaxAttempts": 120})


def all_stream_events(logs, group, stream, limit=None):
    """GetLogEvents from the head to the end, following nextForwardToken until
    the same token comes back (the documented end marker); fails on a loop."""
    kw = {"logGroupName": group, "logStreamName": stream, "startFromHead": True}
    if limit:
        kw["limit"] = limit
    out, token, seen_tokens = [], None, set()
    for _ in range(10_000):
        r = logs.get_log_events(**kw, **({"nextToken": token} if token else {}))
        out.extend(r["events"])
        if r["nextForwardToken"] == token:
            return out
        assert r["nextForwardToken"] not in seen_tokens, "GetLogEvents token loop"
        seen_tokens.add(r["nextForwardToken"])
        token = r["nextForwardToken"]
    raise AssertionError("GetLogEvents never reached the end")


def test_awslogs_10000_numbered_lines_then_exit(logs, ecs, res, image):
    """10,000 numbered lines, then exit: all of them, in order, no gap, no
    duplicate; GetLogEvents and FilterLogEvents paginate to the end."""
    from helpers import container, register, run, wait_stopped

    group = "/ecs/e2e-" + uuid.uuid4().hex[:8]
    logs._gantry_created.append(group)
    script = "seq 1 10000 | sed 's/^/line /'"
    td = register(ecs, res, [container("counter", ["sh", "-c", script], logConfiguration=awslogs(group, "n"))])
    (task,) = run(ecs, res, td["taskDefinitionArn"])
    wait_stopped(ecs, [task["taskArn"]])
    stream = f"n/counter/{task['taskArn'].rsplit('/', 1)[1]}"
    want = [f"line {i}" for i in range(1, 10_001)]
    deadline = time.time() + 120
    while True:
        # The agent creates the stream before the container starts (as
        # Docker's driver does), so it exists once the task has stopped.
        got = [e["message"] for e in all_stream_events(logs, group, stream)]
        if len(got) >= 10_000 or time.time() > deadline:
            break
        time.sleep(1)
    assert len(got) == 10_000, f"{len(got)} events"
    assert got == want
    # Small pages: the same events, each once.
    small = all_stream_events(logs, group, stream, limit=777)
    assert [e["message"] for e in small] == want
    # boto3's FilterLogEvents paginator walks to the end without repeats.
    pages = list(logs.get_paginator("filter_log_events").paginate(
        logGroupName=group, PaginationConfig={"PageSize": 1000}))
    events = [e for p in pages for e in p["events"]]
    assert [e["message"] for e in events] == want
    assert len({e["eventId"] for e in events}) == 10_000
    assert 10 <= len(pages) <= 12, len(pages)
    # A filter pattern returns exactly the matching lines.
    r = logs.filter_log_events(logGroupName=group, filterPattern='"line 9999"')
    assert [e["message"] for e in r["events"]] == ["line 9999"]


def test_awslogs_survive_a_control_plane_kill9(logs, ecs, res, gantry, image):
    """kill -9 of `gantry up` (control plane and local agent) while a
    container logs; restarted on the same data dir, every line arrives, in
    order, exactly once (Docker's json-file buffers meanwhile, the agent's
    cursor resumes after the last acknowledged batch)."""
    from helpers import container, register, run, wait_running, wait_stopped

    group = "/ecs/e2e-" + uuid.uuid4().hex[:8]
    logs._gantry_created.append(group)
    n = 1500
    script = f"i=1; while [ $i -le {n} ]; do echo n $i; i=$((i+1)); if [ $((i % 50)) = 0 ]; then sleep 0.2; fi; done"
    td = register(ecs, res, [container("talker", ["sh", "-c", script], logConfiguration=awslogs(group, "k"))])
    (task,) = run(ecs, res, td["taskDefinitionArn"])
    arn = task["taskArn"]
    wait_running(ecs, [arn])
    stream = f"k/talker/{arn.rsplit('/', 1)[1]}"
    first = wait_events(logs, group, stream, 50)
    assert len(first) >= 50
    gantry.kill9()
    # The container keeps logging into Docker's file while nobody ships.
    time.sleep(2)
    gantry.start()
    ecs = gantry.client()
    logs2 = boto3.session.Session().client(
        "logs", region_name=gantry.region, endpoint_url=gantry.endpoint,
        aws_access_key_id=gantry.access_key_id, aws_secret_access_key=gantry.secret_access_key)
    wait_stopped(ecs, [arn])
    deadline = time.time() + 120
    while True:
        got = [e["message"] for e in all_stream_events(logs2, group, stream)]
        if len(got) >= n or time.time() > deadline:
            break
        time.sleep(1)
    assert got == [f"n {i}" for i in range(1, n + 1)], (
        f"{len(got)} events; first divergence at "
        f"{next((i for i, (a, b) in enumerate(zip(got, [f'n {j}' for j in range(1, n + 1)])) if a != b), None)}")


def test_awslogs_multiline_and_non_blocking_mode(logs, ecs, res, image):
    """`awslogs-datetime-format` joins a stack trace into one event;
    `mode: non-blocking` runs (Docker validates it at container create)."""
    from helpers import container, describe, register, run, wait_stopped

    group = "/ecs/e2e-" + uuid.uuid4().hex[:8]
    logs._gantry_created.append(group)
    script = ("echo '2024-01-01 10:00:00 ERROR boom'; echo 'Traceback:'; echo '  at main'; "
              "echo '2024-01-01 10:00:01 INFO ok'")
    cfg = awslogs(group, "m")
    cfg["options"].update({"awslogs-datetime-format": "%Y-%m-%d %H:%M:%S", "mode": "non-blocking",
                           "max-buffer-size": "4m"})
    td = register(ecs, res, [container("trace", ["sh", "-c", script], logConfiguration=cfg)])
    (task,) = run(ecs, res, td["taskDefinitionArn"])
    (t,) = wait_stopped(ecs, [task["taskArn"]])
    assert t["containers"][0].get("exitCode") == 0, t
    stream = f"m/trace/{task['taskArn'].rsplit('/', 1)[1]}"
    got = wait_events(logs, group, stream, 2)
    assert got == ["2024-01-01 10:00:00 ERROR boom\nTraceback:\n  at main\n", "2024-01-01 10:00:01 INFO ok\n"]

    # Docker refuses max-buffer-size without non-blocking mode at create.
    bad = awslogs(group, "m")
    bad["options"]["max-buffer-size"] = "4m"
    td = register(ecs, res, [container("bad", ["true"], logConfiguration=bad)])
    (task,) = run(ecs, res, td["taskDefinitionArn"])
    (t,) = wait_stopped(ecs, [task["taskArn"]])
    reason = t["containers"][0].get("reason", "") + " " + t.get("stoppedReason", "")
    assert "max-buffer-size" in reason, t
