"""GET /metrics: Prometheus text on the control plane of `gantry up`, with the
in-process agent's series; parsed with prometheus_client's text parser,
and its counters move as the test acts."""

from __future__ import annotations

import time
import urllib.request
from typing import Dict, Tuple

import boto3
import botocore.config
import pytest
from prometheus_client.parser import text_string_to_metric_families

from conftest import unique
from helpers import container, register, run, sleeper, wait_running, wait_stopped

Samples = Dict[Tuple[str, tuple], float]


class Scrape:
    def __init__(self, gantry):
        # Unauthenticated, like /healthz.
        with urllib.request.urlopen(gantry.endpoint + "/metrics", timeout=30) as r:
            assert r.status == 200
            assert r.headers["Content-Type"].startswith("text/plain; version=0.0.4")
            text = r.read().decode()
        self.types: Dict[str, str] = {}
        self.samples: Samples = {}
        for fam in text_string_to_metric_families(text):
            self.types[fam.name] = fam.type
            for s in fam.samples:
                key = (s.name, tuple(sorted(s.labels.items())))
                assert key not in self.samples, f"duplicate sample {key}"
                self.samples[key] = s.value

    def get(self, name: str, **labels) -> float:
        return self.samples.get((name, tuple(sorted(labels.items()))), 0.0)

    def has(self, name: str, **labels) -> bool:
        return (name, tuple(sorted(labels.items()))) in self.samples

    def total(self, name: str, **labels) -> float:
        """Sum over every sample of `name` whose labels include `labels`."""
        want = set(labels.items())
        return sum(v for (n, ls), v in self.samples.items() if n == name and want <= set(ls))


def test_families_have_prometheus_types(gantry):
    m = Scrape(gantry)
    # Counters are named *_total on the wire; the parser strips the suffix.
    # (Labelled families appear once they have a sample; see the tests below.)
    expected = {
        "gantry_api_requests": "counter",
        "gantry_api_request_duration_seconds": "histogram",
        "gantry_agent_syncs": "counter",
        "gantry_container_instances": "gauge",
        "gantry_service_scheduler_pass_duration_seconds": "histogram",
        "gantry_service_scheduler_tasks_placed": "counter",
        "gantry_service_scheduler_tasks_stopped": "counter",
        "gantry_store_commit_duration_seconds": "histogram",
        "gantry_logs_ingested_bytes": "counter",
        "gantry_logs_ingested_events": "counter",
        "gantry_fargate_vcpu_seconds": "counter",
        "gantry_usage_cost_dollars": "counter",
        # the agent of `gantry up`, in the same answer
        "gantry_agent_docker_request_duration_seconds": "histogram",
        "gantry_agent_reconcile_pass_duration_seconds": "histogram",
        "gantry_agent_desired_tasks": "gauge",
    }
    for name, typ in expected.items():
        assert m.types.get(name) == typ, (name, m.types.get(name))
    # The local agent is connected and syncing.
    assert m.get("gantry_container_instances", cluster="default", status="ACTIVE", agent_connected="true") >= 1
    assert m.get("gantry_agent_syncs_total", code="OK") >= 1
    assert m.get("gantry_agent_reconcile_pass_duration_seconds_count") >= 1
    assert m.total("gantry_store_commit_duration_seconds_count", outcome="committed") >= 1


def test_api_counters_move_by_operation_and_code(gantry, ecs):
    before = Scrape(gantry)
    ecs.list_clusters()
    ecs.list_clusters()
    missing = unique("missing")
    with pytest.raises(ecs.exceptions.ClusterNotFoundException):
        ecs.describe_services(cluster=missing, services=["nope"])
    after = Scrape(gantry)

    ok = dict(service="ecs", operation="ListClusters", code="OK")
    assert after.get("gantry_api_requests_total", **ok) - before.get("gantry_api_requests_total", **ok) == 2
    assert (
        after.get("gantry_api_request_duration_seconds_count", **ok)
        - before.get("gantry_api_request_duration_seconds_count", **ok)
        == 2
    )
    inf = after.get("gantry_api_request_duration_seconds_bucket", le="+Inf", **ok)
    assert inf == after.get("gantry_api_request_duration_seconds_count", **ok)
    bad = dict(service="ecs", operation="DescribeServices", code="ClusterNotFoundException")
    assert after.get("gantry_api_requests_total", **bad) - before.get("gantry_api_requests_total", **bad) == 1
    # The failure did not count as a success.
    good = dict(service="ecs", operation="DescribeServices", code="OK")
    assert after.get("gantry_api_requests_total", **good) == before.get("gantry_api_requests_total", **good)


def test_log_ingestion_counters(gantry):
    logs = boto3.session.Session().client(
        "logs",
        region_name=gantry.region,
        endpoint_url=gantry.endpoint,
        aws_access_key_id=gantry.access_key_id,
        aws_secret_access_key=gantry.secret_access_key,
        config=botocore.config.Config(retries={"max_attempts": 1}),
    )
    group = unique("metrics-group")
    logs.create_log_group(logGroupName=group)
    try:
        logs.create_log_stream(logGroupName=group, logStreamName="s")
        before = Scrape(gantry)
        now = int(time.time() * 1000)
        logs.put_log_events(
            logGroupName=group,
            logStreamName="s",
            logEvents=[{"timestamp": now, "message": "hello"}, {"timestamp": now, "message": "metrics!"}],
        )
        after = Scrape(gantry)
        assert after.get("gantry_logs_ingested_events_total") - before.get("gantry_logs_ingested_events_total") == 2
        assert after.get("gantry_logs_ingested_bytes_total") - before.get("gantry_logs_ingested_bytes_total") == len(
            "hello"
        ) + len("metrics!")
        put = dict(service="logs", operation="PutLogEvents", code="OK")
        assert after.get("gantry_api_requests_total", **put) - before.get("gantry_api_requests_total", **put) == 1
    finally:
        logs.delete_log_group(logGroupName=group)


def test_task_gauges_and_agent_metrics(gantry, ecs, res, image):
    before = Scrape(gantry)
    td = register(ecs, res, [sleeper(seconds=600)])
    [task] = run(ecs, res, td["taskDefinitionArn"])
    arn = task["taskArn"]
    task_id = arn.rsplit("/", 1)[-1]
    wait_running(ecs, [arn])

    running = Scrape(gantry)
    key = dict(cluster="default", last_status="RUNNING", launch_type="EC2")
    assert running.get("gantry_tasks", **key) - before.get("gantry_tasks", **key) >= 1
    assert running.get("gantry_agent_tasks", last_status="RUNNING") >= 1
    assert running.get("gantry_agent_desired_tasks") >= 1
    run_ok = dict(service="ecs", operation="RunTask", code="OK")
    assert running.get("gantry_api_requests_total", **run_ok) - before.get("gantry_api_requests_total", **run_ok) == 1
    for op in ("create_container", "start"):
        k = dict(operation=op, outcome="ok")
        name = "gantry_agent_docker_request_duration_seconds_count"
        assert running.get(name, **k) - before.get(name, **k) >= 1, op
    assert running.get("gantry_agent_reconcile_pass_duration_seconds_count") > before.get(
        "gantry_agent_reconcile_pass_duration_seconds_count"
    )

    # Container stats are sampled in the background: wait for the task's series.
    labels = dict(task_id=task_id, container="app")
    deadline = time.time() + 60
    m = running
    while not m.has("gantry_container_memory_usage_bytes", **labels):
        assert time.time() < deadline, "no container stats for the running task"
        time.sleep(1)
        m = Scrape(gantry)
    assert m.get("gantry_container_memory_usage_bytes", **labels) > 0
    for name, typ in {
        "gantry_tasks": "gauge",
        "gantry_agent_tasks": "gauge",
        "gantry_container_cpu_usage_seconds": "counter",
        "gantry_container_memory_usage_bytes": "gauge",
        "gantry_container_network_receive_bytes": "counter",
        "gantry_container_network_transmit_bytes": "counter",
    }.items():
        assert m.types.get(name) == typ, (name, m.types.get(name))
    assert m.has("gantry_container_cpu_usage_seconds_total", **labels)
    assert m.has("gantry_container_network_receive_bytes_total", **labels)

    ecs.stop_task(cluster="default", task=arn, reason="metrics test")
    wait_stopped(ecs, [arn])


def test_container_exits_by_exit_code(gantry, ecs, res, image):
    before = Scrape(gantry)
    td = register(ecs, res, [container(command=["sh", "-c", "exit 7"])])
    [task] = run(ecs, res, td["taskDefinitionArn"])
    [stopped] = wait_stopped(ecs, [task["taskArn"]])
    assert stopped["containers"][0]["exitCode"] == 7
    after = Scrape(gantry)
    name = "gantry_agent_container_exits_total"
    assert after.get(name, exit_code="7") - before.get(name, exit_code="7") == 1
    assert after.types["gantry_agent_container_exits"] == "counter"
    key = dict(cluster="default", last_status="STOPPED", launch_type="EC2")
    assert after.get("gantry_tasks", **key) - before.get("gantry_tasks", **key) >= 1


def test_service_gauges_and_scheduler_placements(gantry, ecs, res, image):
    before = Scrape(gantry)
    td = register(ecs, res, [sleeper(seconds=600)])
    name = unique("metrics-svc")
    ecs.create_service(cluster="default", serviceName=name, taskDefinition=td["taskDefinitionArn"], desiredCount=1)
    try:
        m = Scrape(gantry)
        assert m.types["gantry_service_desired_tasks"] == "gauge"
        assert m.get("gantry_service_desired_tasks", cluster="default", service=name) == 1
        assert m.has("gantry_service_running_tasks", cluster="default", service=name)
        assert m.has("gantry_service_pending_tasks", cluster="default", service=name)
        # The service scheduler places the task in the background.
        placed = "gantry_service_scheduler_tasks_placed_total"
        deadline = time.time() + 60
        while m.get(placed) - before.get(placed) < 1:
            assert time.time() < deadline, "the scheduler placed no task"
            time.sleep(0.5)
            m = Scrape(gantry)
        # Passes are timed when they end; the placing pass may still be running.
        passes = "gantry_service_scheduler_pass_duration_seconds_count"
        deadline = time.time() + 60
        while m.get(passes) <= before.get(passes):
            assert time.time() < deadline, "no scheduler pass was timed"
            time.sleep(0.5)
            m = Scrape(gantry)
        ecs.update_service(cluster="default", service=name, desiredCount=0)
        stopped = "gantry_service_scheduler_tasks_stopped_total"
        deadline = time.time() + 60
        while m.get(stopped) - before.get(stopped) < 1:
            assert time.time() < deadline, "the scheduler stopped no task"
            time.sleep(0.5)
            m = Scrape(gantry)
        assert m.get("gantry_service_desired_tasks", cluster="default", service=name) == 0
    finally:
        ecs.delete_service(cluster="default", service=name, force=True)
        tasks = ecs.list_tasks(cluster="default", serviceName=name)["taskArns"]
        for t in tasks:
            ecs.stop_task(cluster="default", task=t, reason="metrics test cleanup")
        if tasks:
            wait_stopped(ecs, tasks)
