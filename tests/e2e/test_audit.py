"""The audit trail: every call recorded (who, what, from where, result) and
read back with CloudTrail's own LookupEvents (boto3 and `aws cloudtrail
lookup-events`) and with `gantry audit`, kept across restarts."""

from __future__ import annotations

import json
import os
import subprocess
import time
import uuid

import boto3
import botocore.config
import pytest
from botocore.exceptions import ClientError

from conftest import REGION, gantry_binary

CFG = botocore.config.Config(retries={"max_attempts": 1}, connect_timeout=5, read_timeout=60)


def cloudtrail(gantry, key=None, secret=None):
    return boto3.session.Session().client(
        "cloudtrail", region_name=REGION, endpoint_url=gantry.endpoint,
        aws_access_key_id=key or gantry.access_key_id,
        aws_secret_access_key=secret or gantry.secret_access_key, config=CFG)


def lookup(ct, name, want, since, timeout=30):
    """Events named `name` newer than `since`, waiting until `want` match."""
    deadline = time.time() + timeout
    while True:
        events = [e for page in ct.get_paginator("lookup_events").paginate(
            LookupAttributes=[{"AttributeKey": "EventName", "AttributeValue": name}],
            StartTime=since) for e in page["Events"]]
        if want(events) or time.time() > deadline:
            return events
        time.sleep(0.3)


def test_calls_are_recorded_with_who_what_and_result(gantry, ecs, aws):
    ct = cloudtrail(gantry)
    since = time.time() - 1
    cluster = "audit-" + uuid.uuid4().hex[:8]
    ecs.create_cluster(clusterName=cluster)
    try:
        with pytest.raises(ClientError):
            ecs.describe_services(cluster="no-such-cluster-" + uuid.uuid4().hex[:6], services=["x"])
        created = lookup(ct, "CreateCluster", lambda es: any(cluster in e["CloudTrailEvent"] for e in es), since)
        mine = [e for e in created if cluster in e["CloudTrailEvent"]]
        assert len(mine) == 1, created
        ev = mine[0]
        assert ev["Username"] == "root" and ev["ReadOnly"] == "false"
        assert ev["EventSource"] == "ecs.amazonaws.com"
        assert ev["AccessKeyId"] == gantry.access_key_id
        assert {"ResourceType": "AWS::ECS::Cluster",
                "ResourceName": f"arn:aws:ecs:{REGION}:{gantry.account_id}:cluster/{cluster}"} in ev["Resources"]
        record = json.loads(ev["CloudTrailEvent"])
        assert record["userIdentity"]["type"] == "Root"
        assert record["sourceIPAddress"] == "127.0.0.1"
        assert "errorCode" not in record
        # A failed call is recorded with its error code.
        failed = lookup(ct, "DescribeServices", lambda es: any("ClusterNotFoundException" in e["CloudTrailEvent"] for e in es), since)
        rec = [json.loads(e["CloudTrailEvent"]) for e in failed]
        assert any(r["errorCode"] == "ClusterNotFoundException" and r["readOnly"] for r in rec), rec
        # The AWS CLI reads the same trail.
        out = aws("cloudtrail", "lookup-events", "--lookup-attributes",
                  "AttributeKey=EventName,AttributeValue=CreateCluster", "--start-time", str(int(since)))
        assert any(cluster in e["CloudTrailEvent"] for e in out["Events"])
        # And `gantry audit`.
        env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
        env.update(AWS_ACCESS_KEY_ID=gantry.access_key_id, AWS_SECRET_ACCESS_KEY=gantry.secret_access_key,
                   AWS_DEFAULT_REGION=REGION, GANTRY_ENDPOINT=gantry.endpoint)
        binary = os.environ.get("GANTRY_BIN") or str(gantry_binary())
        p = subprocess.run([binary, "audit", "--action", "CreateCluster", "--since", "10m", "--json"],
                           capture_output=True, text=True, env=env, timeout=60)
        assert p.returncode == 0, p.stderr
        assert any(json.loads(line)["eventName"] == "CreateCluster" for line in p.stdout.splitlines())
        p = subprocess.run([binary, "audit", "--since", "10m", "--errors"],
                           capture_output=True, text=True, env=env, timeout=60)
        assert p.returncode == 0, p.stderr
        lines = p.stdout.splitlines()
        assert lines[0].split()[:2] == ["TIME", "PRINCIPAL"]
        assert any("ecs:DescribeServices" in line and "ClusterNotFoundException" in line for line in lines[1:])
    finally:
        ecs.delete_cluster(cluster=cluster)


def test_unauthenticated_calls_are_recorded(gantry, raw_request):
    ct = cloudtrail(gantry)
    since = time.time() - 1
    bogus = "AKIA" + uuid.uuid4().hex[:16].upper()
    r = raw_request("ListClusters", {}, access_key=bogus, secret="x" * 40)
    assert r.status == 400
    events = lookup(ct, "ListClusters", lambda es: any(e.get("AccessKeyId") == bogus for e in es), since)
    rec = [json.loads(e["CloudTrailEvent"]) for e in events if e.get("AccessKeyId") == bogus]
    assert rec and rec[0]["userIdentity"]["type"] == "Unknown"
    assert rec[0]["errorCode"] == "UnrecognizedClientException"


def test_lookup_needs_permission_and_validates_input(gantry):
    ct = cloudtrail(gantry)
    with pytest.raises(ClientError) as e:
        ct.lookup_events(MaxResults=51)
    assert e.value.response["Error"]["Code"] == "InvalidMaxResultsException"
    with pytest.raises(ClientError) as e:
        ct.lookup_events(LookupAttributes=[{"AttributeKey": "EventName", "AttributeValue": "a"},
                                           {"AttributeKey": "Username", "AttributeValue": "b"}])
    assert e.value.response["Error"]["Code"] == "InvalidLookupAttributesException"
    with pytest.raises(ClientError) as e:
        ct.lookup_events(StartTime=time.time(), EndTime=time.time() - 60)
    assert e.value.response["Error"]["Code"] == "InvalidTimeRangeException"
    # An IAM user without cloudtrail:LookupEvents is refused; with it, allowed.
    iam = boto3.session.Session().client(
        "iam", region_name=REGION, endpoint_url=gantry.endpoint, aws_access_key_id=gantry.access_key_id,
        aws_secret_access_key=gantry.secret_access_key, config=CFG)
    name = "auditor-" + uuid.uuid4().hex[:6]
    iam.create_user(UserName=name)
    try:
        k = iam.create_access_key(UserName=name)["AccessKey"]
        user_ct = cloudtrail(gantry, k["AccessKeyId"], k["SecretAccessKey"])
        with pytest.raises(ClientError) as e:
            user_ct.lookup_events(MaxResults=1)
        assert e.value.response["Error"]["Code"] == "AccessDeniedException"
        assert "cloudtrail:LookupEvents" in e.value.response["Error"]["Message"]
        iam.put_user_policy(UserName=name, PolicyName="read-trail", PolicyDocument=json.dumps(
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "cloudtrail:LookupEvents", "Resource": "*"}]}))
        deadline = time.time() + 10
        while True:
            try:
                out = user_ct.lookup_events(LookupAttributes=[{"AttributeKey": "Username", "AttributeValue": name}])
                break
            except ClientError:
                if time.time() > deadline:
                    raise
                time.sleep(0.3)
        # Its own denied call is in the trail under its name.
        assert any(e["EventName"] == "LookupEvents" and "AccessDeniedException" in e["CloudTrailEvent"]
                   for e in out["Events"]), out["Events"]
    finally:
        for key in iam.list_access_keys(UserName=name)["AccessKeyMetadata"]:
            iam.delete_access_key(UserName=name, AccessKeyId=key["AccessKeyId"])
        for p in iam.list_user_policies(UserName=name)["PolicyNames"]:
            iam.delete_user_policy(UserName=name, PolicyName=p)
        iam.delete_user(UserName=name)
