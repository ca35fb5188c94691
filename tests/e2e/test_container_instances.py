"""Container instances: list/describe, remainingResources, attributes."""

import time

from conftest import SESSION_ACCOUNT, unique
from helpers import local_instance, register, resource, run, sleeper, wait_running, wait_stopped


def test_list_and_describe(ecs, aws):
    arns = ecs.list_container_instances(cluster="default")["containerInstanceArns"]
    assert len(arns) == 1
    arn = arns[0]
    assert arn.startswith(f"arn:aws:ecs:us-east-1:{SESSION_ACCOUNT}:container-instance/default/")
    out = aws("ecs", "describe-container-instances", "--cluster", "default", "--container-instances", arn)
    assert out.get("failures", []) == []
    (ci,) = out["containerInstances"]
    assert ci["status"] == "ACTIVE" and ci["agentConnected"] is True
    names = {r["name"] for r in ci["registeredResources"]}
    assert {"CPU", "MEMORY", "PORTS"} <= names
    assert resource(ci, "registeredResources", "CPU")["integerValue"] > 0
    assert resource(ci, "registeredResources", "MEMORY")["integerValue"] > 0
    # short id works too, unknown id -> MISSING
    short = arn.rsplit("/", 1)[1]
    d = ecs.describe_container_instances(cluster="default", containerInstances=[short, "00000000000000000000000000000000"])
    assert [c["containerInstanceArn"] for c in d["containerInstances"]] == [arn]
    assert [f["reason"] for f in d["failures"]] == ["MISSING"]
    # cluster counts agree
    cl = ecs.describe_clusters(clusters=["default"])["clusters"][0]
    assert cl["registeredContainerInstancesCount"] == 1


def test_remaining_resources_track_tasks(ecs, res):
    before = local_instance(ecs)
    mem0 = resource(before, "remainingResources", "MEMORY")["integerValue"]
    cpu0 = resource(before, "remainingResources", "CPU")["integerValue"]
    td = register(ecs, res, [sleeper(memory=128, cpu=256)])
    (task,) = run(ecs, res, td["taskDefinitionArn"])
    wait_running(ecs, [task["taskArn"]])
    during = local_instance(ecs)
    assert resource(during, "remainingResources", "MEMORY")["integerValue"] == mem0 - 128
    assert resource(during, "remainingResources", "CPU")["integerValue"] == cpu0 - 256
    assert during["runningTasksCount"] >= before["runningTasksCount"] + 1
    ecs.stop_task(cluster="default", task=task["taskArn"])
    wait_stopped(ecs, [task["taskArn"]])
    deadline = time.time() + 15
    while time.time() < deadline:
        after = local_instance(ecs)
        if resource(after, "remainingResources", "MEMORY")["integerValue"] == mem0:
            break
        time.sleep(0.5)
    assert resource(after, "remainingResources", "MEMORY")["integerValue"] == mem0
    assert resource(after, "remainingResources", "CPU")["integerValue"] == cpu0


def test_attributes(ecs, aws, res):
    ci = local_instance(ecs)["containerInstanceArn"]
    name = unique("attr").replace("-", "_")
    attrs = [{"name": name, "value": "blue", "targetType": "container-instance", "targetId": ci}]
    res.attributes.append(("default", attrs))
    out = ecs.put_attributes(cluster="default", attributes=attrs)
    assert out["attributes"][0]["name"] == name

    listed = ecs.list_attributes(cluster="default", targetType="container-instance", attributeName=name)["attributes"]
    assert [(a["name"], a.get("value"), a.get("targetId")) for a in listed] == [(name, "blue", ci)]
    by_value = aws("ecs", "list-attributes", "--cluster", "default", "--target-type", "container-instance",
                   "--attribute-name", name, "--attribute-value", "blue")["attributes"]
    assert len(by_value) == 1

    # replace value
    ecs.put_attributes(cluster="default", attributes=[dict(attrs[0], value="green")])
    listed = ecs.list_attributes(cluster="default", targetType="container-instance", attributeName=name)["attributes"]
    assert [a.get("value") for a in listed] == ["green"]
    # attribute is visible on the instance
    desc = local_instance(ecs)
    assert {"name": name, "value": "green"} in [{k: a.get(k) for k in ("name", "value")} for a in desc["attributes"]]

    ecs.delete_attributes(cluster="default", attributes=[{"name": name, "targetId": ci, "targetType": "container-instance"}])
    assert ecs.list_attributes(cluster="default", targetType="container-instance", attributeName=name)["attributes"] == []

    # unknown target
    try:
        ecs.put_attributes(cluster="default", attributes=[{"name": name, "value": "x", "targetType": "container-instance",
                                                          "targetId": "00000000000000000000000000000000"}])
        raise AssertionError("accepted unknown target")
    except ecs.exceptions.ClientError as e:
        assert e.response["Error"]["Code"] in ("TargetNotFoundException", "InvalidParameterException")
