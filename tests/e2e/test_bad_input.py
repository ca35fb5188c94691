"""Malformed and unauthenticated requests are rejected without changing state."""

import json

import pytest

from conftest import IMAGE, unique


@pytest.fixture
def snapshot(ecs):
    def take():
        return (
            sorted(ecs.list_clusters()["clusterArns"]),
            sorted(ecs.list_task_definition_families(status="ALL")["families"]),
            sorted(ecs.list_tasks(cluster="default")["taskArns"]),
        )

    before = take()
    yield
    assert take() == before, "state changed after a rejected request"


def expect(r, status, codes):
    assert r.status == status, f"status {r.status}, body {r.body[:300]!r}"
    if isinstance(codes, str):
        codes = {codes}
    assert r.error_code in codes, f"error code {r.error_code!r} not in {codes}: {r.body[:300]!r}"
    body = r.json
    assert isinstance(body.get("message", body.get("Message", "")), str)
    assert r.headers.get("x-amzn-requestid")


def test_malformed_json(raw_request, snapshot):
    expect(raw_request("CreateCluster", b'{"clusterName": "x"'), 400, "SerializationException")
    expect(raw_request("CreateCluster", b"not json at all"), 400, "SerializationException")
    expect(raw_request("CreateCluster", b"[1,2,3]"), 400, "SerializationException")


def test_wrong_json_types(raw_request, snapshot):
    expect(raw_request("RunTask", {"taskDefinition": "x:1", "count": "x"}), 400, "SerializationException")
    expect(raw_request("CreateCluster", {"clusterName": 42}), 400, "SerializationException")
    expect(raw_request("ListClusters", {"maxResults": "two"}), 400, "SerializationException")


def test_unknown_operation(raw_request, snapshot):
    expect(raw_request("AmazonEC2ContainerServiceV20141113.NoSuchThing", {}), 400, "UnknownOperationException")
    expect(raw_request("NoSuchService_20990101.ListClusters", {}), 400, "UnknownOperationException")


def test_oversized_body(raw_request, snapshot):
    big = {"clusterName": "big", "tags": [{"key": "k", "value": "v" * 200}] * 6000}
    data = json.dumps(big).encode()
    assert len(data) > 1024 * 1024
    r = raw_request("CreateCluster", data)
    assert 400 <= r.status < 500, r.status


def test_unsigned(raw_request, snapshot):
    expect(raw_request("ListClusters", {}, sign=False), 400, "MissingAuthenticationTokenException")


def test_wrong_secret(raw_request, snapshot):
    r = raw_request("ListClusters", {}, secret="definitely-not-the-secret")
    expect(r, 400, "InvalidSignatureException")
    expect(raw_request("CreateCluster", {"clusterName": unique("sig")}, secret="nope"), 400, "InvalidSignatureException")


def test_unknown_access_key(raw_request, snapshot):
    expect(raw_request("ListClusters", {}, access_key="AKIAUNKNOWNUNKNOWN00"), 400, "UnrecognizedClientException")


def test_malformed_authorization(raw_request, snapshot):
    r = raw_request("ListClusters", {}, headers={"Authorization": "AWS4-HMAC-SHA256 garbage"})
    expect(r, 400, {"IncompleteSignatureException", "InvalidSignatureException"})


def test_tampered_body(raw_request, snapshot):
    # sign one body, send another: the payload hash must not verify
    r = raw_request("CreateCluster", {"clusterName": unique("signed")}, send_body={"clusterName": unique("sent")})
    expect(r, 400, "InvalidSignatureException")


def test_stale_date(raw_request, snapshot):
    # X-Amz-Date far outside the allowed clock skew
    r = raw_request("ListClusters", b"{}", sign_date="20200101T000000Z")
    expect(r, 400, "InvalidSignatureException")


def test_illegal_cluster_name(ecs, raw_request, snapshot):
    for bad in ["has space", "semi;colon", "a" * 256, "ümlaut"]:
        r = raw_request("CreateCluster", {"clusterName": bad})
        expect(r, 400, "InvalidParameterException")


def test_eleven_containers(ecs, snapshot):
    cds = [{"name": f"c{i}", "image": IMAGE, "memory": 16} for i in range(11)]
    with pytest.raises(ecs.exceptions.ClientException):
        ecs.register_task_definition(family=unique("eleven"), containerDefinitions=cds)


@pytest.mark.parametrize("doc, why", [
    ({"family": "x", "containerDefinitions": [{"name": "a", "image": IMAGE}]}, "EC2 without any memory"),
    ({"family": "bad family", "containerDefinitions": [{"name": "a", "image": IMAGE, "memory": 16}]}, "family charset"),
    ({"family": "x", "containerDefinitions": [{"name": "a", "image": IMAGE, "memory": 16},
                                              {"name": "a", "image": IMAGE, "memory": 16}]}, "duplicate container name"),
    ({"family": "x", "containerDefinitions": [{"name": "a", "image": IMAGE, "memory": 16, "essential": False}]}, "no essential container"),
    ({"family": "x", "containerDefinitions": [{"name": "a", "image": "", "memory": 16}]}, "empty image"),
    ({"family": "x", "containerDefinitions": [{"name": "a", "image": IMAGE, "memory": 16,
                                               "dependsOn": [{"containerName": "zzz", "condition": "START"}]}]}, "dependsOn unknown"),
])
def test_register_rejections(ecs, doc, why, snapshot):
    doc = dict(doc)
    if doc["family"] == "x":
        doc["family"] = unique("rej")
    with pytest.raises(ecs.exceptions.ClientException):
        ecs.register_task_definition(**doc)
