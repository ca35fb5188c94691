"""Seed a running moto_server with N ECS tasks for G5's peer measurement.

Usage: python bench/moto_seed.py ENDPOINT CLUSTER FAMILY N
Creates the cluster, enough EC2 instances registered as container instances
(moto gives each 4096 CPU units / 7482 MiB), the task definition (same as
Gantry's: 8 CPU units, 16 MiB), and runs N tasks with RunTask (count 10).
Prints the task ARNs as one JSON array on stdout.
"""

import json
import sys

import boto3

endpoint, cluster, family, n = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
kw = dict(
    endpoint_url=endpoint,
    region_name="us-east-1",
    aws_access_key_id="AKIAIOSFODNN7EXAMPLE",
    aws_secret_access_key="wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
)
ecs = boto3.client("ecs", **kw)
ec2 = boto3.client("ec2", **kw)

ecs.create_cluster(clusterName=cluster)
per_instance = 7482 // 16
instances = max(1, -(-n // per_instance))
reservation = ec2.run_instances(ImageId="ami-12c6146b", MinCount=instances, MaxCount=instances, InstanceType="m5.large")
for inst in reservation["Instances"]:
    doc = json.dumps({"instanceId": inst["InstanceId"], "region": "us-east-1", "availabilityZone": "us-east-1a"})
    ecs.register_container_instance(cluster=cluster, instanceIdentityDocument=doc)
ecs.register_task_definition(
    family=family,
    containerDefinitions=[
        {"name": "app", "image": "gantry-test/busybox:latest", "essential": True, "memory": 16, "cpu": 8, "command": ["sleep", "3600"]}
    ],
)
arns = []
while len(arns) < n:
    r = ecs.run_task(cluster=cluster, taskDefinition=family, count=min(10, n - len(arns)))
    placed = [t["taskArn"] for t in r["tasks"]]
    if not placed:
        sys.exit(f"moto RunTask placed nothing: {r.get('failures')}")
    arns.extend(placed)
print(json.dumps(arns))
