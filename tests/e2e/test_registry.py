"""Real image pulls from a private registry (Debian's `docker-registry`, htpasswd
auth, on loopback): `repositoryCredentials` resolve through the agent's
secrets file and the pull is authenticated; without credentials the pull is
refused and the task fails to start with CannotPullContainerError."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
import time
import urllib.error
import urllib.request

import pytest

from conftest import IMAGE, docker, free_port, unique
from helpers import container, register, run, wait_running, wait_stopped

USER, PASSWORD = "gantry", "registry-pass-1"


def _wait_http(url: str, timeout: float = 20) -> None:
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except urllib.error.HTTPError:
            return  # 401 means the registry is up
        except Exception:
            time.sleep(0.2)
    raise AssertionError(f"registry at {url} did not come up")


@pytest.fixture(scope="module")
def registry(image):
    binary = shutil.which("docker-registry") or "/usr/bin/docker-registry"
    htpasswd = shutil.which("htpasswd")
    if not os.path.exists(binary) or not htpasswd:
        pytest.fail("docker-registry and htpasswd are required (apt-get install docker-registry apache2-utils)")
    root = tempfile.mkdtemp(prefix="gantry-registry-")
    port = free_port()
    pw = subprocess.run([htpasswd, "-Bbn", USER, PASSWORD], check=True, capture_output=True, text=True).stdout
    with open(os.path.join(root, "htpasswd"), "w") as f:
        f.write(pw)
    with open(os.path.join(root, "config.yml"), "w") as f:
        f.write(
            "version: 0.1\n"
            f"storage:\n  filesystem:\n    rootdirectory: {root}/data\n"
            f"http:\n  addr: 127.0.0.1:{port}\n"
            f"auth:\n  htpasswd:\n    realm: gantry-test\n    path: {root}/htpasswd\n"
        )
    log = open(os.path.join(root, "registry.log"), "w")
    proc = subprocess.Popen([binary, "serve", os.path.join(root, "config.yml")], stdout=log, stderr=subprocess.STDOUT)
    host = f"127.0.0.1:{port}"
    docker_config = os.path.join(root, "docker-config")  # never touch the user's ~/.docker
    env = dict(os.environ, DOCKER_CONFIG=docker_config)
    pushed = []
    try:
        _wait_http(f"http://{host}/v2/")
        subprocess.run(["docker", "login", host, "-u", USER, "--password-stdin"], input=PASSWORD, env=env,
                       check=True, capture_output=True, text=True, timeout=60)
        for tag in ("auth", "anon"):
            ref = f"{host}/gantry/busybox:{tag}"
            docker("tag", IMAGE, ref)
            subprocess.run(["docker", "push", ref], env=env, check=True, capture_output=True, text=True, timeout=120)
            docker("rmi", ref)  # absent locally: the agent must pull it
            pushed.append(ref)
        yield host
    finally:
        for ref in pushed:
            docker("rmi", "-f", ref, check=False)
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()
        shutil.rmtree(root, ignore_errors=True)


def test_private_image_pull_uses_repository_credentials(gantry, ecs, res, registry):
    secret = f"arn:aws:secretsmanager:us-east-1:{gantry.account_id}:secret:{unique('registry')}"
    secrets_file = gantry.data_dir / "agent" / "secrets.json"
    secrets_file.parent.mkdir(parents=True, exist_ok=True)
    secrets_file.write_text(json.dumps({secret: {"username": USER, "password": PASSWORD}}))
    ref = f"{registry}/gantry/busybox:auth"
    td = register(ecs, res, [container("app", ["sleep", "3600"], image=ref,
                                       repositoryCredentials={"credentialsParameter": secret})])
    assert td["containerDefinitions"][0]["repositoryCredentials"] == {"credentialsParameter": secret}
    assert docker("image", "inspect", ref, check=False).returncode != 0, "image must be absent before the task"
    [task] = run(ecs, res, td["taskDefinitionArn"])
    [task] = wait_running(ecs, [task["taskArn"]])
    assert task["lastStatus"] == "RUNNING"
    assert task.get("pullStartedAt") and task.get("pullStoppedAt")
    assert docker("image", "inspect", ref, check=False).returncode == 0, "the agent pulled the image"
    ecs.stop_task(task=task["taskArn"])
    wait_stopped(ecs, [task["taskArn"]])


def test_private_image_without_credentials_fails_to_start(gantry, ecs, res, registry):
    ref = f"{registry}/gantry/busybox:anon"
    td = register(ecs, res, [container("app", ["sleep", "3600"], image=ref)])
    [task] = run(ecs, res, td["taskDefinitionArn"])
    [task] = wait_stopped(ecs, [task["taskArn"]])
    assert task["stopCode"] == "TaskFailedToStart"
    assert task["stoppedReason"].startswith("CannotPullContainerError:"), task["stoppedReason"]
    assert "CannotPullContainerError" in task["containers"][0].get("reason", "")


def test_unknown_secret_fails_to_start_with_a_clear_reason(gantry, ecs, res, registry):
    ref = f"{registry}/gantry/busybox:auth"
    missing = f"arn:aws:secretsmanager:us-east-1:{gantry.account_id}:secret:{unique('absent')}"
    docker("rmi", "-f", ref, check=False)
    td = register(ecs, res, [container("app", ["sleep", "3600"], image=ref,
                                       repositoryCredentials={"credentialsParameter": missing})])
    [task] = run(ecs, res, td["taskDefinitionArn"])
    [task] = wait_stopped(ecs, [task["taskArn"]])
    assert task["stopCode"] == "TaskFailedToStart"
    assert "unable to retrieve registry credentials" in task["stoppedReason"], task["stoppedReason"]
    assert missing in task["stoppedReason"]
