"""Service deployments and revisions (ListServiceDeployments,
DescribeServiceDeployments, DescribeServiceRevisions), CreateService
clientToken idempotency and ListServicesByNamespace, through boto3 and the
AWS CLI on a real `gantry up`."""

from __future__ import annotations

import pytest
from botocore.exceptions import ClientError

from conftest import AwsCliError, unique
from helpers import container, register, sleeper
from test_services import STABLE, describe_service, services, wait_completed, wait_until  # noqa: F401


def deployments_of(aws, name, *extra):
    out = aws("ecs", "list-service-deployments", "--cluster", "default", "--service", name, *extra)
    return out["serviceDeployments"]


def test_client_token_makes_create_service_idempotent(aws, ecs, res, services):
    td = register(ecs, res, family=unique("tok"), containers=[sleeper()])
    name = unique("tok")
    token = unique("t")[:36]
    args = ["ecs", "create-service", "--cluster", "default", "--service-name", name,
            "--task-definition", td["taskDefinitionArn"], "--desired-count", "1", "--client-token", token]
    first = aws(*args)["service"]
    services.append(("default", name))
    second = aws(*args)["service"]
    assert second["serviceArn"] == first["serviceArn"]
    assert second["createdAt"] == first["createdAt"]
    assert [d["id"] for d in second["deployments"]] == [d["id"] for d in first["deployments"]]
    arns = ecs.list_services(cluster="default")["serviceArns"]
    assert arns.count(first["serviceArn"]) == 1

    # the same token with other parameters is refused, and nothing changes
    with pytest.raises(AwsCliError) as e:
        aws("ecs", "create-service", "--cluster", "default", "--service-name", name,
            "--task-definition", td["taskDefinitionArn"], "--desired-count", "2", "--client-token", token)
    assert e.value.code == "InvalidParameterException"
    assert "Creation of service was not idempotent." in e.value.stderr
    with pytest.raises(ClientError) as e:
        ecs.create_service(cluster="default", serviceName=unique("tok"), taskDefinition=td["taskDefinitionArn"],
                           desiredCount=1, clientToken=token)
    assert e.value.response["Error"]["Code"] == "InvalidParameterException"
    assert describe_service(ecs, name)["desiredCount"] == 1

    # tokens are at most 36 printable ASCII characters
    with pytest.raises(ClientError) as e:
        ecs.create_service(cluster="default", serviceName=unique("tok"), taskDefinition=td["taskDefinitionArn"],
                           desiredCount=1, clientToken="x" * 37)
    assert e.value.response["Error"]["Code"] == "InvalidParameterException"


def test_deployments_and_revisions_follow_the_service(aws, ecs, res, services):
    fam = unique("hist")
    td1 = register(ecs, res, family=fam, containers=[sleeper()])
    td2 = register(ecs, res, family=fam, containers=[sleeper(seconds=7200)])
    name = unique("hist")
    ecs.create_service(cluster="default", serviceName=name, taskDefinition=td1["taskDefinitionArn"], desiredCount=1)
    services.append(("default", name))
    svc = wait_completed(ecs, name)
    first = wait_until(lambda: (lambda d: d if d and d[0]["status"] == "SUCCESSFUL" else None)(
        deployments_of(aws, name)), what="first deployment SUCCESSFUL")
    assert len(first) == 1
    sd = first[0]
    assert sd["serviceDeploymentArn"].startswith(svc["serviceArn"].replace(":service/", ":service-deployment/") + "/")
    assert sd["serviceArn"] == svc["serviceArn"] and sd["clusterArn"] == svc["clusterArn"]
    assert "finishedAt" in sd and "startedAt" in sd and "createdAt" in sd
    assert svc["currentServiceDeployment"] == sd["serviceDeploymentArn"]
    rev1 = sd["targetServiceRevisionArn"]
    assert rev1.startswith(svc["serviceArn"].replace(":service/", ":service-revision/") + "/")
    assert [r["arn"] for r in svc["currentServiceRevisions"]] == [rev1]

    # a new task definition: a second deployment whose source is the first revision
    ecs.update_service(cluster="default", service=name, taskDefinition=td2["taskDefinitionArn"])
    ecs.get_waiter("services_stable").wait(services=[name], WaiterConfig=STABLE)
    wait_completed(ecs, name)
    listed = wait_until(lambda: (lambda d: d if len(d) == 2 and d[0]["status"] == "SUCCESSFUL" else None)(
        deployments_of(aws, name)), what="second deployment SUCCESSFUL")
    assert listed[1]["serviceDeploymentArn"] == sd["serviceDeploymentArn"], "newest first"
    out = aws("ecs", "describe-service-deployments", "--service-deployment-arns",
              listed[0]["serviceDeploymentArn"], "arn:aws:ecs:us-east-1:000000000000:service-deployment/default/x/nope")
    assert out["failures"] == [{"arn": "arn:aws:ecs:us-east-1:000000000000:service-deployment/default/x/nope",
                                "reason": "MISSING"}]
    (d2,) = out["serviceDeployments"]
    assert d2["status"] == "SUCCESSFUL"
    assert [s["arn"] for s in d2["sourceServiceRevisions"]] == [rev1]
    assert d2["targetServiceRevision"]["requestedTaskCount"] == 1
    assert d2["targetServiceRevision"]["runningTaskCount"] == 1
    assert d2["deploymentCircuitBreaker"]["status"] == "DISABLED"
    assert d2["deploymentConfiguration"]["maximumPercent"] == 200
    rev2 = d2["targetServiceRevision"]["arn"]

    revs = aws("ecs", "describe-service-revisions", "--service-revision-arns", rev1, rev2)
    assert revs["failures"] == []
    by = {r["serviceRevisionArn"]: r for r in revs["serviceRevisions"]}
    assert by[rev1]["taskDefinition"] == td1["taskDefinitionArn"]
    assert by[rev2]["taskDefinition"] == td2["taskDefinitionArn"]
    assert by[rev2]["launchType"] == "EC2" and by[rev2]["serviceArn"] == svc["serviceArn"]
    missing = ecs.describe_service_revisions(serviceRevisionArns=[rev1.rsplit("/", 1)[0] + "/123"])
    assert missing["serviceRevisions"] == [] and missing["failures"][0]["reason"] == "MISSING"

    # filters and pagination
    assert [d["status"] for d in deployments_of(aws, name, "--status", "SUCCESSFUL")] == ["SUCCESSFUL"] * 2
    assert deployments_of(aws, name, "--status", "STOPPED") == []
    after = d2["createdAt"]
    newest = ecs.list_service_deployments(service=name, createdAt={"after": after})["serviceDeployments"]
    assert [d["serviceDeploymentArn"] for d in newest] == [listed[0]["serviceDeploymentArn"]]
    page = ecs.list_service_deployments(service=name, maxResults=1)
    assert len(page["serviceDeployments"]) == 1 and page["nextToken"]
    rest = ecs.list_service_deployments(service=name, maxResults=1, nextToken=page["nextToken"])
    assert rest["serviceDeployments"][0]["serviceDeploymentArn"] == sd["serviceDeploymentArn"]
    assert "nextToken" not in rest

    # errors
    with pytest.raises(ClientError) as e:
        ecs.list_service_deployments(service=unique("nope"))
    assert e.value.response["Error"]["Code"] == "ServiceNotFoundException"
    with pytest.raises(ClientError) as e:
        ecs.list_service_deployments(cluster=unique("nope"), service=name)
    assert e.value.response["Error"]["Code"] == "ClusterNotFoundException"
    with pytest.raises(ClientError) as e:
        ecs.describe_service_deployments(serviceDeploymentArns=[])
    assert e.value.response["Error"]["Code"] == "InvalidParameterException"


def test_circuit_breaker_rollback_is_recorded(aws, ecs, res, services):
    fam = unique("rb")
    good = register(ecs, res, family=fam, containers=[sleeper()])
    bad = register(ecs, res, family=fam, containers=[container("app", ["sh", "-c", "exit 3"])])
    name = unique("rb")
    ecs.create_service(cluster="default", serviceName=name, taskDefinition=good["taskDefinitionArn"],
                       desiredCount=1,
                       deploymentConfiguration={"deploymentCircuitBreaker": {"enable": True, "rollback": True}})
    services.append(("default", name))
    wait_completed(ecs, name)
    ecs.update_service(cluster="default", service=name, taskDefinition=bad["taskDefinitionArn"])

    def rolled_back():
        d = deployments_of(aws, name)
        return d if d and d[0]["status"] == "ROLLBACK_SUCCESSFUL" else None

    listed = wait_until(rolled_back, timeout=240, interval=1, what="ROLLBACK_SUCCESSFUL")
    assert len(listed) == 2, "the rollback stays within the failed service deployment"
    (d,) = ecs.describe_service_deployments(
        serviceDeploymentArns=[listed[0]["serviceDeploymentArn"]])["serviceDeployments"]
    first_rev = listed[1]["targetServiceRevisionArn"]
    assert d["rollback"]["serviceRevisionArn"] == first_rev
    assert d["rollback"]["reason"] == "ECS deployment circuit breaker: tasks failed to start."
    cb = d["deploymentCircuitBreaker"]
    assert cb["status"] == "TRIGGERED" and cb["threshold"] == 3 and cb["failureCount"] >= 3
    ecs.get_waiter("services_stable").wait(services=[name], WaiterConfig=STABLE)
    svc = describe_service(ecs, name)
    assert svc["taskDefinition"] == good["taskDefinitionArn"]


def test_list_services_by_namespace_knows_no_namespace(aws, ecs):
    with pytest.raises(ClientError) as e:
        ecs.list_services_by_namespace(namespace="arn:aws:servicediscovery:us-east-1:123456789012:namespace/ns-x")
    assert e.value.response["Error"]["Code"] == "NamespaceNotFoundException"
    with pytest.raises(AwsCliError) as e:
        aws("ecs", "list-services-by-namespace", "--namespace", "demo")
    assert e.value.code == "NamespaceNotFoundException"
    with pytest.raises(ClientError) as e:
        ecs.list_services_by_namespace(namespace="demo", maxResults=0)
    assert e.value.response["Error"]["Code"] == "InvalidParameterException"
