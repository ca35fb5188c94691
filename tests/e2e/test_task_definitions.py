"""Task definitions: register/describe/list/list-families/deregister/delete."""

import json

import pytest
from botocore.exceptions import ClientError

from conftest import IMAGE, unique
from helpers import paginate_all


def cdefs(name="app", **extra):
    c = {"name": name, "image": IMAGE, "memory": 32, "command": ["sleep", "1"]}
    c.update(extra)
    return [c]


def test_register_revisions_describe_deregister_delete(aws, ecs, res):
    fam = unique("td")
    r1 = aws("ecs", "register-task-definition", "--family", fam,
             "--container-definitions", json.dumps(cdefs()))["taskDefinition"]
    res.taskdef(r1["taskDefinitionArn"])
    assert r1["revision"] == 1 and r1["status"] == "ACTIVE"
    assert r1["taskDefinitionArn"].endswith(f":task-definition/{fam}:1")
    c = r1["containerDefinitions"][0]
    assert c["essential"] is True and c["cpu"] == 0 and c["memory"] == 32
    assert "EC2" in r1.get("compatibilities", [])

    r2 = ecs.register_task_definition(family=fam, containerDefinitions=cdefs(),
                                      tags=[{"key": "k", "value": "v"}])
    res.taskdef(r2["taskDefinition"]["taskDefinitionArn"])
    assert r2["taskDefinition"]["revision"] == 2
    assert r2.get("tags") == [{"key": "k", "value": "v"}]

    # bare family -> latest ACTIVE revision; family:rev; ARN
    assert ecs.describe_task_definition(taskDefinition=fam)["taskDefinition"]["revision"] == 2
    assert ecs.describe_task_definition(taskDefinition=f"{fam}:1")["taskDefinition"]["revision"] == 1
    d = ecs.describe_task_definition(taskDefinition=r1["taskDefinitionArn"], include=["TAGS"])
    assert d["taskDefinition"]["taskDefinitionArn"] == r1["taskDefinitionArn"]
    d2 = ecs.describe_task_definition(taskDefinition=f"{fam}:2", include=["TAGS"])
    assert d2["tags"] == [{"key": "k", "value": "v"}]

    # deregister rev 2 -> bare family resolves to rev 1
    dr = ecs.deregister_task_definition(taskDefinition=f"{fam}:2")["taskDefinition"]
    assert dr["status"] == "INACTIVE" and "deregisteredAt" in dr
    assert ecs.describe_task_definition(taskDefinition=fam)["taskDefinition"]["revision"] == 1
    assert ecs.describe_task_definition(taskDefinition=f"{fam}:2")["taskDefinition"]["status"] == "INACTIVE"

    # revision numbers are never reused
    r3 = ecs.register_task_definition(family=fam, containerDefinitions=cdefs())["taskDefinition"]
    res.taskdef(r3["taskDefinitionArn"])
    assert r3["revision"] == 3

    # delete: only INACTIVE revisions
    out = ecs.delete_task_definitions(taskDefinitions=[f"{fam}:3"])
    assert out.get("taskDefinitions", []) == [] and len(out["failures"]) == 1
    out = ecs.delete_task_definitions(taskDefinitions=[f"{fam}:2"])
    assert [t["status"] for t in out["taskDefinitions"]] == ["DELETE_IN_PROGRESS"]
    assert out.get("failures", []) == []

    active = paginate_all(ecs, "list_task_definitions", "taskDefinitionArns", familyPrefix=fam)
    assert [a.rsplit(":", 1)[1] for a in active] == ["1", "3"]
    inactive = paginate_all(ecs, "list_task_definitions", "taskDefinitionArns", familyPrefix=fam, status="INACTIVE")
    assert inactive == []  # rev 2 is DELETE_IN_PROGRESS now
    desc = paginate_all(ecs, "list_task_definitions", "taskDefinitionArns", familyPrefix=fam, sort="DESC")
    assert desc == list(reversed(active))


def test_describe_unknown(ecs):
    with pytest.raises(ClientError) as ei:
        ecs.describe_task_definition(taskDefinition=unique("nope") + ":1")
    assert ei.value.response["Error"]["Code"] == "ClientException"


def test_family_prefix_semantics(ecs, res):
    base = unique("fp")
    fams = [base, base + "-x", base + "x"]
    for f in fams:
        res.taskdef(ecs.register_task_definition(family=f, containerDefinitions=cdefs())["taskDefinition"]["taskDefinitionArn"])
    # ListTaskDefinitions.familyPrefix is an exact family filter
    arns = paginate_all(ecs, "list_task_definitions", "taskDefinitionArns", familyPrefix=base)
    assert [a.split("/")[-1] for a in arns] == [f"{base}:1"]
    # ListTaskDefinitionFamilies.familyPrefix is a true prefix
    got = paginate_all(ecs, "list_task_definition_families", "families", familyPrefix=base)
    assert sorted(got) == sorted(fams)
    # pagination of families
    page = ecs.list_task_definition_families(familyPrefix=base, maxResults=1)
    assert len(page["families"]) == 1 and page.get("nextToken")
    # ACTIVE / INACTIVE status filter
    ecs.deregister_task_definition(taskDefinition=f"{base}x:1")
    act = paginate_all(ecs, "list_task_definition_families", "families", familyPrefix=base, status="ACTIVE")
    ina = paginate_all(ecs, "list_task_definition_families", "families", familyPrefix=base, status="INACTIVE")
    assert sorted(act) == sorted([base, base + "-x"]) and ina == [base + "x"]


def test_list_task_definitions_pagination(ecs, res):
    fam = unique("pag")
    for _ in range(5):
        res.taskdef(ecs.register_task_definition(family=fam, containerDefinitions=cdefs())["taskDefinition"]["taskDefinitionArn"])
    pages = list(ecs.get_paginator("list_task_definitions").paginate(familyPrefix=fam, PaginationConfig={"PageSize": 2}))
    assert [len(p["taskDefinitionArns"]) for p in pages] == [2, 2, 1]
    revs = [int(a.rsplit(":", 1)[1]) for p in pages for a in p["taskDefinitionArns"]]
    assert revs == [1, 2, 3, 4, 5]


def test_cpu_memory_units_are_normalised(ecs, res):
    td = ecs.register_task_definition(
        family=unique("units"), containerDefinitions=cdefs(), cpu="1 vCPU", memory="1 GB"
    )["taskDefinition"]
    res.taskdef(td["taskDefinitionArn"])
    assert (td["cpu"], td["memory"]) == ("1024", "1024")
