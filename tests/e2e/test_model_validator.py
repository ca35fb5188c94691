"""Self-tests of model_validator (no gantry binary, no Docker needed)."""

import http.server
import json
import threading

import boto3
import botocore.config
import pytest

from model_validator import ModelValidationError, Validator, install_botocore_hook

V = Validator()

GOOD_CLUSTER = {
    "clusterArn": "arn:aws:ecs:us-east-1:123456789012:cluster/default",
    "clusterName": "default",
    "status": "ACTIVE",
    "registeredContainerInstancesCount": 1,
    "runningTasksCount": 0,
    "pendingTasksCount": 0,
    "activeServicesCount": 0,
    "statistics": [{"name": "runningEC2TasksCount", "value": "0"}],
    "tags": [{"key": "team", "value": "x"}],
    "settings": [{"name": "containerInsights", "value": "disabled"}],
    "capacityProviders": [],
    "defaultCapacityProviderStrategy": [],
}


def test_good_describe_clusters():
    V.validate_output(
        "DescribeClusters",
        {"clusters": [GOOD_CLUSTER], "failures": [{"arn": "arn:aws:ecs:us-east-1:1:cluster/x", "reason": "MISSING"}]},
    )


def test_empty_output_ops():
    V.validate_output("TagResource", {})
    with pytest.raises(ModelValidationError):
        V.validate_output("TagResource", {"x": 1})


@pytest.mark.parametrize(
    "mutate, fragment",
    [
        (lambda c: c.update(bogus=1), "unknown member 'bogus'"),
        (lambda c: c.update(runningTasksCount="0"), "expected integer"),
        (lambda c: c.update(runningTasksCount=True), "expected integer"),
        (lambda c: c.update(status=None), "null is not allowed"),
        (lambda c: c.update(tags={"team": "x"}), "expected list"),
        (lambda c: c.update(settings=[{"name": "nope", "value": "x"}]), "not a valid ClusterSettingName"),
        (lambda c: c.update(statistics=[{"name": "a", "value": 3}]), "expected string"),
    ],
)
def test_bad_cluster(mutate, fragment):
    c = json.loads(json.dumps(GOOD_CLUSTER))
    mutate(c)
    with pytest.raises(ModelValidationError) as ei:
        V.validate_output("DescribeClusters", {"clusters": [c]})
    assert fragment in str(ei.value)


def test_task_timestamps_and_nested():
    task = {
        "taskArn": "arn:aws:ecs:us-east-1:1:task/default/abc",
        "lastStatus": "RUNNING",
        "desiredStatus": "RUNNING",
        "cpu": "256",
        "memory": "512",
        "createdAt": 1767268800.123,
        "startedAt": 1767268801,
        "version": 3,
        "launchType": "EC2",
        "stopCode": "UserInitiated",
        "containers": [
            {
                "name": "app",
                "exitCode": 0,
                "networkBindings": [{"bindIP": "0.0.0.0", "containerPort": 80, "hostPort": 49153, "protocol": "tcp"}],
            }
        ],
        "overrides": {"containerOverrides": [{"name": "app", "environment": [{"name": "A", "value": "b"}]}]},
    }
    V.validate_output("DescribeTasks", {"tasks": [task], "failures": []})
    for bad, frag in [
        ({"createdAt": "2026-01-01T00:00:00Z"}, "epoch-seconds"),
        ({"stopCode": "Whatever"}, "not a valid TaskStopCode"),
        ({"cpu": 256}, "expected string"),
        ({"version": 1.5}, "expected long"),
    ]:
        t = dict(task, **bad)
        with pytest.raises(ModelValidationError) as ei:
            V.validate_output("DescribeTasks", {"tasks": [t]})
        assert frag in str(ei.value)
    t = json.loads(json.dumps(task))
    t["containers"][0]["networkBindings"][0]["protocol"] = "sctp"
    with pytest.raises(ModelValidationError):
        V.validate_output("DescribeTasks", {"tasks": [t]})


def test_required_member():
    # Attribute.name is required
    V.validate_output("ListAttributes", {"attributes": [{"name": "a", "targetType": "container-instance"}]})
    with pytest.raises(ModelValidationError) as ei:
        V.validate_output("ListAttributes", {"attributes": [{"value": "a"}]})
    assert "missing required member 'name'" in str(ei.value)


def test_map_shape():
    td = {
        "family": "f",
        "revision": 1,
        "containerDefinitions": [{"name": "a", "image": "i", "dockerLabels": {"k": "v"}, "logConfiguration": {"logDriver": "json-file", "options": {"max-size": "1m"}}}],
    }
    V.validate_output("DescribeTaskDefinition", {"taskDefinition": td})
    td["containerDefinitions"][0]["dockerLabels"] = {"k": 1}
    with pytest.raises(ModelValidationError):
        V.validate_output("DescribeTaskDefinition", {"taskDefinition": td})


def test_error_bodies():
    assert V.validate_error({"__type": "ClientException", "message": "x"}) == "ClientException"
    assert V.validate_error({"__type": "com.amazonaws.ecs#ClusterNotFoundException", "message": "x"}) == "ClusterNotFoundException"
    assert V.validate_error({"__type": "ConflictException", "message": "x", "resourceIds": ["a"]}) == "ConflictException"
    for bad in [{"message": "x"}, {"__type": 3}, [], {"__type": "ClientException", "message": 5},
                {"__type": "ConflictException", "message": "x", "resourceIds": "a"}]:
        with pytest.raises(ModelValidationError):
            V.validate_error(bad)


def test_unknown_operation():
    with pytest.raises(ModelValidationError):
        V.validate_output("NoSuchOp", {})


# --------------------------------------------------------------- botocore hook
class _Canned(http.server.BaseHTTPRequestHandler):
    responses = {}

    def do_POST(self):
        self.rfile.read(int(self.headers.get("content-length", 0)))
        op = self.headers["X-Amz-Target"].split(".")[-1]
        status, body = self.responses[op]
        raw = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/x-amz-json-1.1")
        self.send_header("x-amzn-RequestId", "00000000-0000-0000-0000-000000000000")
        self.send_header("Content-Length", str(len(raw)))
        self.end_headers()
        self.wfile.write(raw)

    def log_message(self, *a):
        pass


@pytest.fixture
def canned_client():
    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Canned)
    th = threading.Thread(target=srv.serve_forever, daemon=True)
    th.start()
    client = boto3.client(
        "ecs",
        region_name="us-east-1",
        endpoint_url=f"http://127.0.0.1:{srv.server_address[1]}",
        aws_access_key_id="AKIDTEST",
        aws_secret_access_key="secret",
        config=botocore.config.Config(retries={"max_attempts": 1}),
    )
    rec = install_botocore_hook(client)
    yield client, rec
    srv.shutdown()


def test_hook_accepts_good_and_rejects_bad(canned_client):
    client, rec = canned_client
    _Canned.responses = {
        "ListClusters": (200, {"clusterArns": ["arn:aws:ecs:us-east-1:1:cluster/default"]}),
        "DescribeClusters": (200, {"clusters": [dict(GOOD_CLUSTER, extra="nope")]}),
        "DescribeTasks": (400, {"__type": "ClusterNotFoundException", "message": "Cluster not found."}),
        "ListTasks": (400, {"message": "no type"}),
    }
    assert client.list_clusters()["clusterArns"]
    with pytest.raises(ModelValidationError) as ei:
        client.describe_clusters()
    assert "unknown member 'extra'" in str(ei.value)
    with pytest.raises(client.exceptions.ClusterNotFoundException):
        client.describe_tasks(tasks=["x"])
    with pytest.raises(ModelValidationError):
        client.list_tasks()
    assert rec.checked == 4 and len(rec.failures) == 2
