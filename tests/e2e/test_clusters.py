"""Clusters: create/describe/list/paginate/delete, failures, tags."""

from conftest import AwsCliError, SESSION_ACCOUNT, unique
from helpers import paginate_all


def cluster_arn(name):
    return f"arn:aws:ecs:us-east-1:{SESSION_ACCOUNT}:cluster/{name}"


def test_create_describe_delete_via_cli(aws, ecs, res):
    name = res.cluster(unique("cl"))
    out = aws("ecs", "create-cluster", "--cluster-name", name, "--tags", "key=team,value=infra")
    c = out["cluster"]
    assert c["clusterName"] == name
    assert c["clusterArn"] == cluster_arn(name)
    assert c["status"] == "ACTIVE"
    # idempotent re-create returns the same cluster
    again = ecs.create_cluster(clusterName=name)["cluster"]
    assert again["clusterArn"] == c["clusterArn"]

    d = ecs.describe_clusters(clusters=[name], include=["STATISTICS", "TAGS"])
    assert d.get("failures", []) == []
    (cl,) = d["clusters"]
    assert cl["clusterArn"] == c["clusterArn"]
    assert cl["runningTasksCount"] == 0 and cl["pendingTasksCount"] == 0
    assert cl["registeredContainerInstancesCount"] == 0
    assert isinstance(cl.get("statistics"), list)
    assert {"key": "team", "value": "infra"} in cl["tags"]
    # by ARN too
    assert ecs.describe_clusters(clusters=[c["clusterArn"]])["clusters"][0]["clusterName"] == name

    deleted = aws("ecs", "delete-cluster", "--cluster", name)["cluster"]
    assert deleted["status"] == "INACTIVE"
    assert cluster_arn(name) not in paginate_all(ecs, "list_clusters", "clusterArns")
    # a deleted cluster is still describable as INACTIVE (or reported MISSING)
    d = ecs.describe_clusters(clusters=[name])
    assert [x["status"] for x in d["clusters"]] in ([], ["INACTIVE"])


def test_describe_unknown_is_missing_failure(ecs):
    d = ecs.describe_clusters(clusters=["default", "no-such-cluster-" + unique("x")])
    assert [c["clusterName"] for c in d["clusters"]] == ["default"]
    assert len(d["failures"]) == 1
    f = d["failures"][0]
    assert f["reason"] == "MISSING"
    assert f["arn"].startswith(f"arn:aws:ecs:us-east-1:{SESSION_ACCOUNT}:cluster/no-such-cluster-")


def test_describe_default_when_omitted(ecs):
    d = ecs.describe_clusters()
    assert [c["clusterName"] for c in d["clusters"]] == ["default"]
    assert d["clusters"][0]["registeredContainerInstancesCount"] >= 1


def test_list_pagination(ecs, res):
    names = [res.cluster(unique("pg")) for _ in range(5)]
    for n in names:
        ecs.create_cluster(clusterName=n)
    expected = {cluster_arn(n) for n in names}

    seen, token, pages = [], None, 0
    while True:
        kw = {"maxResults": 2}
        if token:
            kw["nextToken"] = token
        page = ecs.list_clusters(**kw)
        pages += 1
        assert len(page["clusterArns"]) <= 2
        seen.extend(page["clusterArns"])
        new = page.get("nextToken")
        assert new != token, "server returned the same nextToken twice"
        token = new
        if not token:
            break
        assert pages < 100
    assert len(seen) == len(set(seen)), "duplicates across pages"
    assert expected <= set(seen)
    assert pages >= 3  # >= 6 clusters (5 + default) at 2 per page

    via_paginator = paginate_all(ecs, "list_clusters", "clusterArns", PaginationConfig={"PageSize": 2})
    assert sorted(via_paginator) == sorted(seen)

    for n in names:
        ecs.delete_cluster(cluster=n)
    remaining = set(paginate_all(ecs, "list_clusters", "clusterArns"))
    assert not (expected & remaining)


def test_tags_round_trip(aws, ecs, res):
    name = res.cluster(unique("tg"))
    arn = ecs.create_cluster(clusterName=name)["cluster"]["clusterArn"]
    assert ecs.list_tags_for_resource(resourceArn=arn)["tags"] == []
    ecs.tag_resource(resourceArn=arn, tags=[{"key": "a", "value": "1"}, {"key": "b", "value": "2"}])
    aws("ecs", "tag-resource", "--resource-arn", arn, "--tags", "key=c,value=3")
    tags = {t["key"]: t["value"] for t in ecs.list_tags_for_resource(resourceArn=arn)["tags"]}
    assert tags == {"a": "1", "b": "2", "c": "3"}
    # overwrite existing key
    ecs.tag_resource(resourceArn=arn, tags=[{"key": "a", "value": "9"}])
    aws("ecs", "untag-resource", "--resource-arn", arn, "--tag-keys", "b", "c")
    out = aws("ecs", "list-tags-for-resource", "--resource-arn", arn)
    assert out["tags"] == [{"key": "a", "value": "9"}]
    # reserved prefix
    try:
        ecs.tag_resource(resourceArn=arn, tags=[{"key": "aws:x", "value": "1"}])
        raise AssertionError("aws: prefix accepted")
    except ecs.exceptions.ClientError as e:
        assert e.response["Error"]["Code"] in ("InvalidParameterException", "ClientException")


def test_delete_unknown_cluster(ecs):
    try:
        ecs.delete_cluster(cluster=unique("nope"))
        raise AssertionError("deleting an unknown cluster succeeded")
    except ecs.exceptions.ClusterNotFoundException as e:
        assert e.response["ResponseMetadata"]["HTTPStatusCode"] == 400


def test_cli_error_surface(aws):
    try:
        aws("ecs", "delete-cluster", "--cluster", unique("nope"))
        raise AssertionError("expected failure")
    except AwsCliError as e:
        assert e.code == "ClusterNotFoundException"
