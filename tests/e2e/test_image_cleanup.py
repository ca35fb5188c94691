"""The agent's image cleanup and pull inactivity timeout, through the real
binary: a dedicated `gantry up` (own data dir, port, account and awsvpc
subnet) whose local agent runs with ECS-style settings in its environment:

* ECS_IMAGE_CLEANUP_INTERVAL=2s, ECS_IMAGE_MINIMUM_CLEANUP_AGE=1s and
  GANTRY_CONTAINER_CLEANUP_DELAY=1: an image the agent pulled from a local
  `docker-registry` (loopback, anonymous) is removed from the Engine once the
  task that used it stopped and its containers were removed; an image a
  still-RUNNING task uses stays, and so does an image the agent found
  present (gantry-test/busybox:latest, built locally, never recorded);
* ECS_IMAGE_PULL_INACTIVITY_TIMEOUT=3s: a pull from a "registry" that
  accepts connections and never answers fails the task to start
  (TaskFailedToStart, CannotPullContainerError naming the inactivity timeout).

Every image, container, process and the registry started here are removed
at the end, even when a test fails.
"""

from __future__ import annotations

import json
import os
import pathlib
import random
import secrets
import shutil
import socket
import string
import subprocess
import tempfile
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from typing import Dict, List

import pytest

from conftest import IMAGE, Gantry, cleanup_docker_for_account, docker, free_port, gantry_binary, unique
from model_validator import ResponseRecorder

CLEANUP_INTERVAL = "2s"
MINIMUM_AGE = "1s"
INACTIVITY = "3s"


@dataclass
class TunedGantry(Gantry):
    """A `gantry up` with extra environment (the agent's ECS_* settings)."""

    extra_env: Dict[str, str] = field(default_factory=dict)

    @property
    def env(self) -> Dict[str, str]:
        e = super().env
        e.update(self.extra_env)
        return e


def wait_for(what: str, pred, timeout: float = 120, logs=lambda: ""):
    deadline = time.time() + timeout
    last = None
    while time.time() < deadline:
        last = pred()
        if last:
            return last
        time.sleep(0.5)
    raise AssertionError(f"timed out waiting for {what}: {last}\n{logs()}")


def image_present(ref: str) -> bool:
    return docker("image", "inspect", ref, check=False).returncode == 0


class HangingRegistry:
    """A TCP listener on loopback that accepts every connection and never
    answers (a registry that hangs); the connections stay open until close()."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(64)
        self.port = self.sock.getsockname()[1]
        self.accepted: List[socket.socket] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, name="hanging-registry", daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        self.sock.settimeout(0.2)
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except socket.timeout:
                continue
            except OSError:
                return
            self.accepted.append(conn)  # held open, never read from nor written to

    def close(self) -> None:
        self._stop.set()
        self._thread.join(5)
        for c in self.accepted:
            try:
                c.close()
            except OSError:
                pass
        self.sock.close()


class PlainRegistry:
    """An anonymous Debian `docker-registry` on 127.0.0.1 (loopback registries
    are insecure-allowed by the Engine), and the images pushed to it."""

    def __init__(self) -> None:
        binary = shutil.which("docker-registry") or "/usr/bin/docker-registry"
        if not os.path.exists(binary):
            pytest.fail("docker-registry is required (apt-get install docker-registry)")
        self.root = tempfile.mkdtemp(prefix="gantry-imgclean-registry-")
        self.port = free_port()
        self.host = f"127.0.0.1:{self.port}"
        self.refs: List[str] = []  # every reference this object tagged or pushed
        with open(os.path.join(self.root, "config.yml"), "w") as f:
            f.write("version: 0.1\n"
                    f"storage:\n  filesystem:\n    rootdirectory: {self.root}/data\n"
                    f"http:\n  addr: {self.host}\n")
        self.log = open(os.path.join(self.root, "registry.log"), "w")
        self.proc = subprocess.Popen([binary, "serve", os.path.join(self.root, "config.yml")], stdout=self.log,
                                     stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.time() + 30
        while True:
            try:
                urllib.request.urlopen(f"http://{self.host}/v2/", timeout=2)
                return
            except urllib.error.HTTPError:
                return
            except Exception:  # noqa: BLE001 - not up yet
                if time.time() > deadline or self.proc.poll() is not None:
                    raise AssertionError("docker-registry did not come up")
                time.sleep(0.2)

    def push_unique(self, name: str) -> str:
        """Builds a distinct image (gantry-test/busybox plus a unique label: its own
        image id, no pulls), pushes it under a fresh repository and removes it
        locally, so the agent really has to pull it. Returns the reference."""
        ref = f"{self.host}/{unique('imgclean-' + name)}:v1"
        self.refs.append(ref)
        ctx = tempfile.mkdtemp(prefix="gantry-imgclean-build-")
        try:
            with open(os.path.join(ctx, "Dockerfile"), "w") as f:
                f.write(f"FROM {IMAGE}\nLABEL io.gantry.e2e.unique={secrets.token_hex(8)}\n")
            env = dict(os.environ, DOCKER_BUILDKIT="0")  # legacy builder: FROM a local image, no pull
            p = subprocess.run(["docker", "build", "-q", "-t", ref, ctx], capture_output=True, text=True,
                               env=env, timeout=300)
            if p.returncode != 0:
                env["DOCKER_BUILDKIT"] = "1"
                p = subprocess.run(["docker", "build", "-q", "-t", ref, ctx], capture_output=True, text=True,
                                   env=env, timeout=300)
            assert p.returncode == 0, f"docker build failed: {p.stderr}"
        finally:
            shutil.rmtree(ctx, ignore_errors=True)
        docker("push", ref, timeout=180)
        docker("rmi", ref)
        assert not image_present(ref), f"{ref} must be absent before the task"
        return ref

    def close(self) -> None:
        for ref in self.refs:
            docker("rmi", "-f", ref, check=False)
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(10)
        self.log.close()
        shutil.rmtree(self.root, ignore_errors=True)


@pytest.fixture(scope="module")
def hanging():
    h = HangingRegistry()
    try:
        yield h
    finally:
        h.close()


@pytest.fixture(scope="module")
def registry(image):
    r = PlainRegistry()
    try:
        yield r
    finally:
        r.close()


@pytest.fixture(scope="module")
def tuned(image, registry, hanging):
    """The dedicated `gantry up`; on teardown its tasks are stopped, the process
    ends and every container of its account is removed."""
    root = pathlib.Path(tempfile.mkdtemp(prefix="gantry-imgclean-"))
    g = TunedGantry(
        binary=gantry_binary(),
        data_dir=root / "data",
        port=free_port(),
        account_id=str(random.randint(10**11, 10**12 - 1)),
        access_key_id="AKIA" + secrets.token_hex(8).upper(),
        secret_access_key="".join(secrets.choice(string.ascii_letters + string.digits) for _ in range(40)),
        extra_env={
            "ECS_IMAGE_CLEANUP_INTERVAL": CLEANUP_INTERVAL,
            "ECS_IMAGE_MINIMUM_CLEANUP_AGE": MINIMUM_AGE,
            "ECS_IMAGE_PULL_INACTIVITY_TIMEOUT": INACTIVITY,
            "GANTRY_CONTAINER_CLEANUP_DELAY": "1",
            # Its own awsvpc subnet (the session's gantry owns subnet-default) and
            # no task endpoint (the session's gantry may hold 169.254.170.2:80).
            "GANTRY_SUBNETS": "subnet-imgclean=10.217.0.0/24",
            "GANTRY_TASK_ENDPOINT_ADDR": "off",
        },
    )
    g.data_dir.mkdir(parents=True)
    try:
        g.start()
        yield g
    finally:
        try:
            if g.proc is not None and g.proc.poll() is None:
                c = g.client(validate=False)
                arns = c.list_tasks(cluster="default")["taskArns"]
                for a in arns:
                    c.stop_task(cluster="default", task=a, reason="e2e cleanup")
                if arns:
                    c.get_waiter("tasks_stopped").wait(cluster="default", tasks=arns,
                                                       WaiterConfig={"Delay": 1, "MaxAttempts": 90})
        except Exception:  # noqa: BLE001 - best effort, keep tearing down
            pass
        try:
            g.stop()
        finally:
            cleanup_docker_for_account(g.account_id)
            if os.environ.get("GANTRY_KEEP_DATA") != "1":
                shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def ecs(tuned):
    rec = ResponseRecorder()
    client = tuned.client(recorder=rec)
    yield client
    assert not rec.failures, "model violations:\n" + "\n".join(rec.failures)


def register(ecs, image: str) -> str:
    td = ecs.register_task_definition(
        family=unique("imgclean"),
        containerDefinitions=[{"name": "app", "image": image, "memory": 32, "essential": True,
                               "command": ["sleep", "3600"], "stopTimeout": 2}],
    )["taskDefinition"]
    return td["taskDefinitionArn"]


def run_task(ecs, td_arn: str) -> str:
    out = ecs.run_task(cluster="default", taskDefinition=td_arn)
    assert out.get("failures", []) == [], out.get("failures")
    [task] = out["tasks"]
    return task["taskArn"]


def describe(ecs, arn: str) -> dict:
    [task] = ecs.describe_tasks(cluster="default", tasks=[arn])["tasks"]
    return task


def records(g: Gantry) -> Dict[str, dict]:
    """The local agent's image records (<data_dir>/agent/images.json)."""
    path = g.data_dir / "agent" / "images.json"
    try:
        return json.loads(path.read_text())["images"]
    except FileNotFoundError:
        return {}


@pytest.mark.timeout(400)
def test_unused_pulled_image_is_removed_in_use_and_local_images_stay(tuned, ecs, registry):
    gone_ref = registry.push_unique("gone")
    kept_ref = registry.push_unique("kept")
    assert image_present(IMAGE)
    local_id = docker("image", "inspect", "-f", "{{.Id}}", IMAGE).stdout.strip()
    tds = [register(ecs, ref) for ref in (gone_ref, kept_ref, IMAGE)]
    try:
        gone, kept, local = (run_task(ecs, td) for td in tds)
        ecs.get_waiter("tasks_running").wait(cluster="default", tasks=[gone, kept, local],
                                             WaiterConfig={"Delay": 1, "MaxAttempts": 120})
        for ref in (gone_ref, kept_ref, IMAGE):
            assert image_present(ref), f"{ref} must be in the Engine while its task runs"
        recs = records(tuned)
        assert gone_ref in recs and kept_ref in recs, f"the agent records its pulls: {recs}"
        assert not any(k.startswith("gantry-test/") for k in recs), f"a local image was recorded: {recs}"

        ecs.stop_task(cluster="default", task=gone, reason="e2e: image cleanup")
        ecs.stop_task(cluster="default", task=local, reason="e2e: image cleanup")
        ecs.get_waiter("tasks_stopped").wait(cluster="default", tasks=[gone, local],
                                             WaiterConfig={"Delay": 1, "MaxAttempts": 90})

        wait_for(f"{gone_ref} removed from the Engine", lambda: not image_present(gone_ref), timeout=180,
                 logs=tuned.log_tail)
        wait_for(f"{gone_ref} dropped from images.json", lambda: gone_ref not in records(tuned), timeout=60,
                 logs=tuned.log_tail)
        # A cycle removes every eligible image (at most 5): had the other two been
        # eligible they would have gone with it. Give a few more cycles anyway.
        for _ in range(4):
            time.sleep(2)
            assert image_present(kept_ref), f"{kept_ref} (its task RUNNING) was removed\n{tuned.log_tail()}"
            assert image_present(IMAGE), f"{IMAGE} (not pulled by the agent) was removed\n{tuned.log_tail()}"
        assert docker("image", "inspect", "-f", "{{.Id}}", IMAGE).stdout.strip() == local_id
        assert kept_ref in records(tuned)
        assert describe(ecs, kept)["lastStatus"] == "RUNNING"
        assert "removed an unused image this agent pulled" in pathlib.Path(tuned.log_path).read_text(errors="replace")
    finally:
        arns = ecs.list_tasks(cluster="default")["taskArns"]
        for a in arns:
            ecs.stop_task(cluster="default", task=a, reason="e2e cleanup")
        if arns:
            ecs.get_waiter("tasks_stopped").wait(cluster="default", tasks=arns,
                                                 WaiterConfig={"Delay": 1, "MaxAttempts": 90})
        for td in tds:
            ecs.deregister_task_definition(taskDefinition=td)


@pytest.mark.timeout(300)
def test_pull_from_a_hanging_registry_hits_the_inactivity_timeout(tuned, ecs, hanging):
    ref = f"127.0.0.1:{hanging.port}/{unique('imgclean-hang')}:y"
    td = register(ecs, ref)
    try:
        arn = run_task(ecs, td)
        ecs.get_waiter("tasks_stopped").wait(cluster="default", tasks=[arn],
                                             WaiterConfig={"Delay": 1, "MaxAttempts": 120})
        task = describe(ecs, arn)
        assert task["stopCode"] == "TaskFailedToStart", task
        reason = task["stoppedReason"]
        assert reason.startswith("CannotPullContainerError:"), reason
        assert "inactivity timeout" in reason, reason
        assert "CannotPullContainerError" in task["containers"][0].get("reason", ""), task["containers"][0]
        assert hanging.accepted, "the Engine never connected to the hanging registry"
        assert not image_present(ref)
        assert ref not in records(tuned)
    finally:
        ecs.deregister_task_definition(taskDefinition=td)
