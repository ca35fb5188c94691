"""Fixtures for Gantry's end-to-end suite.

The suite drives a real `gantry up` process (binary from $GANTRY_BIN, else
target/debug/gantry, else target/release/gantry) with the AWS CLI v1 and boto3,
against the local Docker Engine. Every boto3 response is validated against the
ECS botocore model (see model_validator.py).

Isolation: each pytest session uses a random 12-digit GANTRY_ACCOUNT_ID, so every
ARN (and therefore every com.amazonaws.ecs.task-arn container label) contains it;
teardown removes only the Docker containers/volumes whose labels carry it.
"""

from __future__ import annotations

import json
import os
import pathlib
import random
import secrets
import shutil
import signal
import socket
import string
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from typing import Any, Callable, Dict, List, Optional

import boto3
import botocore.config
import pytest
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

from model_validator import ResponseRecorder, default_validator, install_botocore_hook

REPO_ROOT = pathlib.Path(__file__).resolve().parents[2]
REGION = "us-east-1"
TARGET_PREFIX = "AmazonEC2ContainerServiceV20141113"
MANAGED_LABEL = "io.gantry.managed=true"
TASK_ARN_LABEL = "com.amazonaws.ecs.task-arn"
IMAGE = "gantry-test/busybox:latest"
IMAGE_ALT = "gantry-test/busybox:1"
MISSING_IMAGE = "gantry-test/does-not-exist:1"
BUSYBOX_CANDIDATES = ["/bin/busybox", "/usr/bin/busybox"]

SESSION_ACCOUNT = os.environ.get("GANTRY_TEST_ACCOUNT_ID") or str(random.randint(10**11, 10**12 - 1))
SESSION_TAG = secrets.token_hex(3)  # short suffix for resource names


def unique(prefix: str) -> str:
    """A resource name unique to this session (and call)."""
    return f"{prefix}-{SESSION_TAG}-{secrets.token_hex(3)}"


# --------------------------------------------------------------------------- docker
def docker(*args: str, check: bool = True, timeout: int = 120) -> subprocess.CompletedProcess:
    p = subprocess.run(["docker", *args], capture_output=True, text=True, timeout=timeout)
    if check and p.returncode != 0:
        raise RuntimeError(f"docker {' '.join(args)} failed ({p.returncode}): {p.stderr.strip()}")
    return p


def docker_inspect(container_id: str) -> dict:
    return json.loads(docker("inspect", "--type", "container", container_id).stdout)[0]


def containers_with_label(label: str, all_: bool = True) -> List[str]:
    args = ["ps", "-q", "--no-trunc", "--filter", f"label={label}"]
    if all_:
        args.insert(1, "-a")
    return [l for l in docker(*args).stdout.split() if l]


def containers_for_task(task_arn: str) -> List[str]:
    return containers_with_label(f"{TASK_ARN_LABEL}={task_arn}")


def cleanup_docker_for_account(account: str) -> None:
    """Remove every gantry-managed container/volume whose labels mention `account`."""
    try:
        ids = containers_with_label(MANAGED_LABEL)
    except Exception:
        return
    for cid in ids:
        try:
            labels = docker_inspect(cid)["Config"].get("Labels") or {}
        except Exception:
            continue
        if any(account in (v or "") for v in labels.values()):
            docker("rm", "-f", "-v", cid, check=False)
    p = docker("volume", "ls", "-q", "--filter", f"label={MANAGED_LABEL}", check=False)
    for vol in p.stdout.split():
        ins = docker("volume", "inspect", vol, check=False)
        if ins.returncode != 0:
            continue
        labels = (json.loads(ins.stdout)[0].get("Labels")) or {}
        if any(account in (v or "") for v in labels.values()) or account in vol:
            docker("volume", "rm", "-f", vol, check=False)


def find_busybox() -> str:
    for c in BUSYBOX_CANDIDATES:
        if os.path.isfile(c):
            out = subprocess.run(["file", "-L", c], capture_output=True, text=True).stdout if shutil.which("file") else ""
            if not out or "statically linked" in out or "static-pie" in out:
                return c
    raise RuntimeError("a statically linked busybox is required (apt-get install busybox-static)")


def build_busybox_image(tag: str = IMAGE, extra_tags: tuple = (IMAGE_ALT,)) -> str:
    """Build a tiny busybox image FROM scratch (no registry access needed)."""
    ctx = tempfile.mkdtemp(prefix="gantry-img-")
    try:
        shutil.copy2(find_busybox(), os.path.join(ctx, "busybox"))
        with open(os.path.join(ctx, "Dockerfile"), "w") as f:
            f.write(
                "FROM scratch\n"
                "COPY busybox /bin/busybox\n"
                'RUN ["/bin/busybox", "sh", "-c", "/bin/busybox --install -s /bin && '
                "mkdir -p /tmp /etc /root /data && chmod 1777 /tmp && "
                'echo root:x:0:0:root:/root:/bin/sh > /etc/passwd"]\n'
                'CMD ["sh"]\n'
            )
        env = dict(os.environ, DOCKER_BUILDKIT="0")  # legacy builder: no buildx plugin, no pulls for scratch
        p = subprocess.run(["docker", "build", "-q", "-t", tag, ctx], capture_output=True, text=True, env=env, timeout=300)
        if p.returncode != 0:
            env["DOCKER_BUILDKIT"] = "1"
            p = subprocess.run(["docker", "build", "-q", "-t", tag, ctx], capture_output=True, text=True, env=env, timeout=300)
        if p.returncode != 0:
            raise RuntimeError(f"docker build failed: {p.stderr}")
        for t in extra_tags:
            docker("tag", tag, t)
        return tag
    finally:
        shutil.rmtree(ctx, ignore_errors=True)


# --------------------------------------------------------------------------- gantry
def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def gantry_binary() -> pathlib.Path:
    env = os.environ.get("GANTRY_BIN")
    if env:
        return pathlib.Path(env)
    for prof in ("debug", "release"):
        p = REPO_ROOT / "target" / prof / "gantry"
        if p.exists():
            return p
    return REPO_ROOT / "target" / "debug" / "gantry"


@dataclass
class Gantry:
    binary: pathlib.Path
    data_dir: pathlib.Path
    port: int
    account_id: str
    access_key_id: str
    secret_access_key: str
    region: str = REGION
    log_path: Optional[pathlib.Path] = None
    proc: Optional[subprocess.Popen] = None
    command_prefix: tuple = ()  # e.g. (sys.executable,) to run a Python stand-in
    _log: Any = None

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def env(self) -> Dict[str, str]:
        e = dict(os.environ)
        e.update(
            GANTRY_ACCOUNT_ID=self.account_id,
            GANTRY_REGION=self.region,
            GANTRY_ROOT_ACCESS_KEY_ID=self.access_key_id,
            GANTRY_ROOT_SECRET_ACCESS_KEY=self.secret_access_key,
            RUST_BACKTRACE="1",
        )
        e.setdefault("GANTRY_LOG", "info")
        return e

    def start(self, timeout: float = 90) -> "Gantry":
        assert self.proc is None or self.proc.poll() is not None, "already running"
        if not self.binary.exists():
            raise RuntimeError(f"gantry binary not found at {self.binary} (set GANTRY_BIN or build it)")
        self.log_path = self.log_path or (self.data_dir.parent / "gantry.log")
        self._log = open(self.log_path, "ab")
        self._log.write(f"\n===== start {time.strftime('%H:%M:%S')} =====\n".encode())
        self._log.flush()
        self.proc = subprocess.Popen(
            [*self.command_prefix, str(self.binary), "up", "--listen", f"0.0.0.0:{self.port}", "--data-dir", str(self.data_dir)],
            stdout=self._log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            env=self.env,
            start_new_session=True,
        )
        self.wait_ready(timeout)
        return self

    def wait_ready(self, timeout: float = 90) -> None:
        deadline = time.time() + timeout
        # 1. /healthz answers 200
        while True:
            self._assert_alive()
            try:
                with urllib.request.urlopen(self.endpoint + "/healthz", timeout=2) as r:
                    if r.status == 200:
                        break
            except (urllib.error.URLError, ConnectionError, OSError):
                pass
            if time.time() > deadline:
                raise RuntimeError(f"gantry /healthz not ready after {timeout}s\n{self.log_tail()}")
            time.sleep(0.2)
        # 2. the local agent is registered (ACTIVE, connected) in cluster `default`
        client = self.client(validate=False)
        last = None
        while True:
            self._assert_alive()
            try:
                arns = client.list_container_instances(cluster="default")["containerInstanceArns"]
                if arns:
                    cis = client.describe_container_instances(cluster="default", containerInstances=arns)["containerInstances"]
                    last = cis
                    if any(ci.get("status") == "ACTIVE" and ci.get("agentConnected") for ci in cis):
                        return
            except Exception as e:  # noqa: BLE001 - keep polling until the deadline
                last = e
            if time.time() > deadline:
                raise RuntimeError(f"local container instance not ACTIVE+connected after {timeout}s: {last}\n{self.log_tail()}")
            time.sleep(0.3)

    def _assert_alive(self) -> None:
        if self.proc is None or self.proc.poll() is not None:
            rc = None if self.proc is None else self.proc.returncode
            raise RuntimeError(f"gantry exited (rc={rc})\n{self.log_tail()}")

    def stop(self, timeout: float = 30) -> Optional[int]:
        """Graceful stop: SIGTERM, then SIGKILL after `timeout`."""
        if self.proc is None or self.proc.poll() is not None:
            return None if self.proc is None else self.proc.returncode
        self.proc.send_signal(signal.SIGTERM)
        try:
            return self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            return self.proc.wait(10)
        finally:
            self._close_log()

    def kill9(self) -> None:
        assert self.proc is not None and self.proc.poll() is None, "not running"
        os.kill(self.proc.pid, signal.SIGKILL)
        self.proc.wait(10)
        self._close_log()

    def restart(self, timeout: float = 90) -> "Gantry":
        self.stop()
        return self.start(timeout)

    def _close_log(self) -> None:
        if self._log is not None:
            self._log.close()
            self._log = None

    def log_tail(self, n: int = 80) -> str:
        try:
            lines = pathlib.Path(self.log_path).read_text(errors="replace").splitlines()
            return "----- gantry log (tail) -----\n" + "\n".join(lines[-n:])
        except Exception:
            return "(no gantry log)"

    # ---- clients
    def client(self, validate: bool = True, recorder: Optional[ResponseRecorder] = None, **config):
        cfg = dict(retries={"max_attempts": 3, "mode": "standard"}, connect_timeout=5, read_timeout=60)
        cfg.update(config)
        c = boto3.session.Session().client(
            "ecs",
            region_name=self.region,
            endpoint_url=self.endpoint,
            aws_access_key_id=self.access_key_id,
            aws_secret_access_key=self.secret_access_key,
            config=botocore.config.Config(**cfg),
        )
        if validate:
            install_botocore_hook(c, recorder)
        return c

    def cli_env(self) -> Dict[str, str]:
        e = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
        e.update(
            AWS_ACCESS_KEY_ID=self.access_key_id,
            AWS_SECRET_ACCESS_KEY=self.secret_access_key,
            AWS_DEFAULT_REGION=self.region,
            AWS_CONFIG_FILE=os.devnull,
            AWS_SHARED_CREDENTIALS_FILE=os.devnull,
            AWS_PAGER="",
        )
        return e


class AwsCliError(Exception):
    def __init__(self, args, returncode, stdout, stderr):
        self.cmd = args
        self.returncode = returncode
        self.stdout = stdout
        self.stderr = stderr
        import re

        m = re.search(r"An error occurred \(([^)]+)\)", stderr)
        self.code = m.group(1) if m else None
        super().__init__(f"aws {' '.join(args)} -> rc={returncode} code={self.code}\n{stderr.strip()}")


def aws_cli_path() -> str:
    cand = pathlib.Path(sys.executable).parent / "aws"
    if cand.exists():
        return str(cand)
    found = shutil.which("aws")
    if not found:
        raise RuntimeError("AWS CLI v1 not found (pip install -r tests/e2e/requirements.txt)")
    return found


# --------------------------------------------------------------------------- fixtures
@pytest.fixture(scope="session")
def image() -> str:
    """Local busybox image built FROM scratch: gantry-test/busybox:latest (also :1)."""
    return build_busybox_image()


@pytest.fixture(scope="session")
def gantry(image) -> Gantry:
    root = pathlib.Path(tempfile.mkdtemp(prefix="gantry-e2e-"))
    g = Gantry(
        binary=gantry_binary(),
        data_dir=root / "data",
        port=free_port(),
        account_id=SESSION_ACCOUNT,
        access_key_id="AKIA" + secrets.token_hex(8).upper(),
        secret_access_key="".join(secrets.choice(string.ascii_letters + string.digits) for _ in range(40)),
    )
    g.data_dir.mkdir(parents=True)
    try:
        g.start()
        yield g
    finally:
        try:
            g.stop()
        finally:
            cleanup_docker_for_account(g.account_id)
            if os.environ.get("GANTRY_KEEP_DATA") != "1":
                shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def ecs(gantry):
    """boto3 ECS client; every response is validated against the ECS model."""
    rec = ResponseRecorder()
    client = gantry.client(recorder=rec)
    yield client
    assert not rec.failures, "model violations:\n" + "\n".join(rec.failures)


@pytest.fixture
def aws(gantry):
    """aws(*args) -> parsed JSON (or None when the command prints nothing)."""
    exe = aws_cli_path()

    def run(*args: str, timeout: int = 100) -> Any:
        argv = [exe, *args, "--endpoint-url", gantry.endpoint, "--output", "json"]
        p = subprocess.run(argv, capture_output=True, text=True, env=gantry.cli_env(), timeout=timeout)
        if p.returncode != 0:
            raise AwsCliError(list(args), p.returncode, p.stdout, p.stderr)
        return json.loads(p.stdout) if p.stdout.strip() else None

    return run


@dataclass
class RawResponse:
    status: int
    headers: Dict[str, str]
    body: bytes

    @property
    def json(self) -> Any:
        return json.loads(self.body.decode("utf-8")) if self.body.strip() else None

    @property
    def error_code(self) -> Optional[str]:
        try:
            return default_validator().validate_error(self.json)
        except Exception:
            return None


@pytest.fixture
def raw_request(gantry):
    return make_raw_request(gantry)


def make_raw_request(gantry: "Gantry") -> Callable[..., RawResponse]:
    """raw_request(target, body, sign=True, headers=None, access_key=None, secret=None) -> RawResponse.

    `target` is an operation name ("ListClusters") or a full X-Amz-Target value.
    `body` is bytes/str (sent as-is) or any other value (JSON-encoded).
    """
    import http.client

    def encode(body: Any) -> bytes:
        if isinstance(body, str):
            return body.encode()
        if isinstance(body, (bytes, bytearray)):
            return bytes(body)
        return json.dumps(body).encode()

    def send(target: str, body: Any = b"{}", sign: bool = True, headers: Optional[Dict[str, str]] = None,
             access_key: Optional[str] = None, secret: Optional[str] = None,
             content_type: str = "application/x-amz-json-1.1", send_body: Any = None,
             sign_date: Optional[str] = None) -> RawResponse:
        """send_body: transmit this instead of the signed body (tampering);
        sign_date: sign as of this X-Amz-Date (YYYYMMDDTHHMMSSZ) instead of now."""
        data = encode(body)
        tgt = target if "." in target else f"{TARGET_PREFIX}.{target}"
        hdrs = {"Content-Type": content_type, "X-Amz-Target": tgt}
        req = AWSRequest(method="POST", url=gantry.endpoint + "/", data=data, headers=hdrs)
        if sign:
            creds = Credentials(access_key or gantry.access_key_id, secret or gantry.secret_access_key)
            if sign_date:
                import datetime as _dt
                from unittest import mock

                fixed = _dt.datetime.strptime(sign_date, "%Y%m%dT%H%M%SZ")
                with mock.patch("botocore.auth.get_current_datetime", return_value=fixed):
                    SigV4Auth(creds, "ecs", gantry.region).add_auth(req)
            else:
                SigV4Auth(creds, "ecs", gantry.region).add_auth(req)
        if send_body is not None:
            data = encode(send_body)
        for k, v in (headers or {}).items():
            if k in req.headers:
                del req.headers[k]
            req.headers[k] = v
        conn = http.client.HTTPConnection("127.0.0.1", gantry.port, timeout=60)
        try:
            conn.request("POST", "/", body=data, headers=dict(req.headers.items()))
            r = conn.getresponse()
            resp = RawResponse(r.status, {k.lower(): v for k, v in r.getheaders()}, r.read())
        finally:
            conn.close()
        # validate whatever came back against the model
        if resp.status < 300 and "." not in target:
            default_validator().validate_output(target, resp.json)
        elif resp.status >= 300 and resp.body.strip().startswith(b"{"):
            default_validator().validate_error(resp.json)
        return resp

    return send


class Resources:
    """Collects what a test creates and removes it afterwards (best effort)."""

    def __init__(self, client):
        self.client = client
        self.tasks: List[tuple] = []  # (cluster, arn)
        self.task_definitions: List[str] = []
        self.clusters: List[str] = []
        self.attributes: List[tuple] = []  # (cluster, attrs)

    def task(self, arn: str, cluster: str = "default") -> str:
        self.tasks.append((cluster, arn))
        return arn

    def taskdef(self, arn: str) -> str:
        self.task_definitions.append(arn)
        return arn

    def cluster(self, name: str) -> str:
        self.clusters.append(name)
        return name

    def cleanup(self) -> None:
        c = self.client
        for cluster, arn in self.tasks:
            try:
                c.stop_task(cluster=cluster, task=arn, reason="e2e cleanup")
            except Exception:
                pass
        for cluster, attrs in self.attributes:
            try:
                c.delete_attributes(cluster=cluster, attributes=attrs)
            except Exception:
                pass
        if self.tasks:
            by_cluster: Dict[str, List[str]] = {}
            for cluster, arn in self.tasks:
                by_cluster.setdefault(cluster, []).append(arn)
            for cluster, arns in by_cluster.items():
                try:
                    for i in range(0, len(arns), 100):
                        c.get_waiter("tasks_stopped").wait(
                            cluster=cluster, tasks=arns[i:i + 100], WaiterConfig={"Delay": 1, "MaxAttempts": 60}
                        )
                except Exception:
                    pass
        deregistered = []
        for arn in self.task_definitions:
            try:
                c.deregister_task_definition(taskDefinition=arn)
            except Exception:
                pass
            deregistered.append(arn)
        for i in range(0, len(deregistered), 10):
            try:
                c.delete_task_definitions(taskDefinitions=deregistered[i:i + 10])
            except Exception:
                pass
        for name in self.clusters:
            try:
                c.delete_cluster(cluster=name)
            except Exception:
                pass


@pytest.fixture
def res(gantry):
    r = Resources(gantry.client(validate=False))
    yield r
    r.cleanup()


# ------------------------------------------------------------------ reporting
@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    rep = outcome.get_result()
    if rep.failed and "gantry" in item.fixturenames:
        g = item.funcargs.get("gantry")
        if isinstance(g, Gantry):
            rep.sections.append(("gantry log", g.log_tail(120)))


def pytest_collection_modifyitems(config, items):
    # scenario tests need the binary; make a missing binary an error, not a skip,
    # unless the caller explicitly asked to run only the self-tests.
    for item in items:
        if "gantry" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.needs_gantry)
