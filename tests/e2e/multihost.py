"""Several Gantry processes on one machine: one `gantry server` and any number
of `gantry agent` processes, each with its own --data-dir, sharing the local
Docker Engine. Every process is killed and every container it created is
removed on teardown, even when a test fails.

Each harness uses its own random account id, so its ARNs (and therefore its
containers' labels) never collide with the session's `gantry up`.
"""

from __future__ import annotations

import os
import pathlib
import random
import secrets
import shutil
import signal
import string
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from typing import Dict, List, Optional

import boto3
import botocore.config

from conftest import REGION, cleanup_docker_for_account, free_port, gantry_binary
from model_validator import ResponseRecorder, install_botocore_hook


class Proc:
    """One child process (own session, so kill -9 reaches only it) with a log file."""

    def __init__(self, name: str, argv: List[str], env: Dict[str, str], log_path: pathlib.Path):
        self.name = name
        self.argv = argv
        self.env = env
        self.log_path = log_path
        self.proc: Optional[subprocess.Popen] = None
        self._log = None

    def start(self) -> "Proc":
        assert not self.alive(), f"{self.name} already running"
        self._log = open(self.log_path, "ab")
        self._log.write(f"\n===== start {time.strftime('%H:%M:%S')} =====\n".encode())
        self._log.flush()
        self.proc = subprocess.Popen(self.argv, stdout=self._log, stderr=subprocess.STDOUT,
                                     stdin=subprocess.DEVNULL, env=self.env, start_new_session=True)
        return self

    def alive(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def kill9(self) -> None:
        assert self.alive(), f"{self.name} not running"
        os.kill(self.proc.pid, signal.SIGKILL)
        self.proc.wait(10)
        self._close()

    def pause(self) -> None:
        """SIGSTOP: the process is alive but silent."""
        os.kill(self.proc.pid, signal.SIGSTOP)

    def resume(self) -> None:
        os.kill(self.proc.pid, signal.SIGCONT)

    def stop(self, timeout: float = 20) -> Optional[int]:
        if self.proc is None:
            return None
        if self.proc.poll() is None:
            try:
                os.kill(self.proc.pid, signal.SIGCONT)
                self.proc.send_signal(signal.SIGTERM)
                self.proc.wait(timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(10)
        self._close()
        return self.proc.returncode

    def wait_exit(self, timeout: float) -> int:
        rc = self.proc.wait(timeout)
        self._close()
        return rc

    def _close(self) -> None:
        if self._log is not None:
            self._log.close()
            self._log = None

    def log_tail(self, n: int = 60) -> str:
        try:
            lines = self.log_path.read_text(errors="replace").splitlines()
        except OSError:
            return f"(no log for {self.name})"
        return f"----- {self.name} log (tail) -----\n" + "\n".join(lines[-n:])


class MultiHost:
    """`gantry server` plus named `gantry agent` processes."""

    def __init__(self, agent_timeout: float = 2, host_lost_after: float = 12):
        self.root = pathlib.Path(tempfile.mkdtemp(prefix="gantry-multihost-"))
        self.account_id = str(random.randint(10**11, 10**12 - 1))
        self.access_key_id = "AKIA" + secrets.token_hex(8).upper()
        self.secret_access_key = "".join(secrets.choice(string.ascii_letters + string.digits) for _ in range(40))
        self.port = free_port()
        self.agent_timeout = agent_timeout
        self.host_lost_after = host_lost_after
        self.binary = str(gantry_binary())
        env = dict(os.environ)
        env.update(GANTRY_ACCOUNT_ID=self.account_id, GANTRY_REGION=REGION,
                   GANTRY_ROOT_ACCESS_KEY_ID=self.access_key_id,
                   GANTRY_ROOT_SECRET_ACCESS_KEY=self.secret_access_key, RUST_BACKTRACE="1")
        env.setdefault("GANTRY_LOG", "info")
        self.server = Proc("server", [self.binary, "server", "--listen", f"127.0.0.1:{self.port}",
                                      "--data-dir", str(self.root / "server"),
                                      "--agent-timeout", str(agent_timeout),
                                      "--host-lost-after", str(host_lost_after)],
                           env, self.root / "server.log")
        self.agents: Dict[str, Proc] = {}

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def client(self, validate: bool = True, recorder: Optional[ResponseRecorder] = None):
        c = boto3.session.Session().client(
            "ecs", region_name=REGION, endpoint_url=self.endpoint,
            aws_access_key_id=self.access_key_id, aws_secret_access_key=self.secret_access_key,
            config=botocore.config.Config(retries={"max_attempts": 3, "mode": "standard"},
                                          connect_timeout=5, read_timeout=60))
        if validate:
            install_botocore_hook(c, recorder)
        return c

    # ------------------------------------------------------------ server
    def start_server(self, timeout: float = 60) -> None:
        self.server.start()
        deadline = time.time() + timeout
        while True:
            if not self.server.alive():
                raise RuntimeError(f"gantry server exited\n{self.server.log_tail()}")
            try:
                with urllib.request.urlopen(self.endpoint + "/healthz", timeout=2) as r:
                    if r.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError, OSError):
                pass
            if time.time() > deadline:
                raise RuntimeError(f"gantry server not ready after {timeout}s\n{self.server.log_tail()}")
            time.sleep(0.2)

    # ------------------------------------------------------------ agents
    def add_agent(self, name: str, attributes: Dict[str, str], extra: List[str] = (),
                  credentials: Optional[tuple] = None, endpoints: Optional[List[str]] = None,
                  env_extra: Optional[Dict[str, str]] = None) -> Proc:
        """Define agent `name` (data dir ROOT/agent-NAME); tagged with attribute e2e.agent=NAME.
        `endpoints` (default: the server) is passed as --endpoint A,B (failover list)."""
        argv = [self.binary, "agent", "--endpoint", ",".join(endpoints or [self.endpoint]), "--cluster", "default",
                "--data-dir", str(self.root / f"agent-{name}"), "--attribute", f"e2e.agent={name}"]
        for k, v in attributes.items():
            argv += ["--attribute", f"{k}={v}"]
        argv += list(extra)
        env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
        key, secret = credentials or (self.access_key_id, self.secret_access_key)
        env.update(AWS_ACCESS_KEY_ID=key, AWS_SECRET_ACCESS_KEY=secret, GANTRY_REGION=REGION,
                   RUST_BACKTRACE="1", GANTRY_LOG=os.environ.get("GANTRY_LOG", "info"))
        env.update(env_extra or {})
        p = Proc(f"agent-{name}", argv, env, self.root / f"agent-{name}.log")
        self.agents[name] = p
        return p

    def instance_of(self, name: str, client=None) -> Optional[dict]:
        """The ACTIVE/DRAINING container instance of agent `name`, if registered."""
        c = client or self.client(validate=False)
        arns = c.list_container_instances(cluster="default", filter=f"attribute:e2e.agent == {name}")["containerInstanceArns"]
        if not arns:
            return None
        cis = c.describe_container_instances(cluster="default", containerInstances=arns)["containerInstances"]
        return max(cis, key=lambda ci: ci["registeredAt"])

    def wait_connected(self, name: str, timeout: float = 60) -> dict:
        deadline = time.time() + timeout
        last = None
        while time.time() < deadline:
            agent = self.agents[name]
            if not agent.alive():
                raise RuntimeError(f"agent {name} exited\n{agent.log_tail()}")
            try:
                last = self.instance_of(name)
                if last and last["status"] in ("ACTIVE", "DRAINING") and last["agentConnected"]:
                    return last
            except Exception as e:  # noqa: BLE001 - keep polling until the deadline
                last = e
            time.sleep(0.3)
        raise RuntimeError(f"agent {name} not connected after {timeout}s: {last}\n{self.agents[name].log_tail()}")

    def start_agent(self, name: str, timeout: float = 60) -> dict:
        self.agents[name].start()
        return self.wait_connected(name, timeout)

    def logs(self) -> str:
        return "\n".join([self.server.log_tail()] + [a.log_tail() for a in self.agents.values()])

    # ------------------------------------------------------------ teardown
    def close(self) -> None:
        for a in self.agents.values():
            try:
                a.stop()
            except Exception:  # noqa: BLE001 - best effort, keep tearing down
                pass
        try:
            self.server.stop()
        finally:
            cleanup_docker_for_account(self.account_id)
            if os.environ.get("GANTRY_KEEP_DATA") != "1":
                shutil.rmtree(self.root, ignore_errors=True)


class SecondEngine:
    """A private `dockerd` (own --data-root, --exec-root, pidfile, socket, an
    empty config file, its own bridge interface; no iptables, no IP
    forwarding change) for tests that restart an Engine: the machine's own
    Engine is never touched. Only the process this object started is ever
    signalled; `close` stops it and removes its bridge and directory.

    Never `--bridge=none`: a daemon started so deletes `docker0`, the
    machine Engine's default bridge (Moby's removeDefaultBridgeInterface)."""

    def __init__(self) -> None:
        self.root = pathlib.Path(tempfile.mkdtemp(prefix="gantry-dockerd-"))
        (self.root / "daemon.json").write_text("{}")
        self.sock = self.root / "docker.sock"
        self.host = f"unix://{self.sock}"
        self.proc: Optional[subprocess.Popen] = None
        self.log = open(self.root / "dockerd.log", "ab")
        self.bridge = f"gtx{secrets.token_hex(4)}"
        self.bridge_made = False

    def start(self, timeout: float = 60) -> None:
        if not self.bridge_made:
            subprocess.run(["ip", "link", "add", self.bridge, "type", "bridge"], check=True)
            self.bridge_made = True
            subprocess.run(["ip", "addr", "add", f"10.254.{random.randint(1, 250)}.1/24", "dev", self.bridge],
                           check=True)
        self.proc = subprocess.Popen(
            ["dockerd", "--config-file", str(self.root / "daemon.json"),
             "--data-root", str(self.root / "data"), "--exec-root", str(self.root / "exec"),
             "--pidfile", str(self.root / "dockerd.pid"), "--host", self.host,
             "--bridge", self.bridge, "--iptables=false", "--ip-masq=false", "--ip-forward=false"],
            stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"dockerd exited\n{self.log_tail()}")
            if subprocess.run(["docker", "-H", self.host, "version"], capture_output=True).returncode == 0:
                return
            time.sleep(0.3)
        raise RuntimeError(f"dockerd not ready after {timeout}s\n{self.log_tail()}")

    def stop(self, timeout: float = 60) -> None:
        """A clean daemon stop (SIGTERM): without live-restore it stops every
        container first, as `systemctl restart docker` does."""
        if self.proc is None or self.proc.poll() is not None:
            return
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(10)

    def docker(self, *args: str, check: bool = True) -> str:
        r = subprocess.run(["docker", "-H", self.host, *args], capture_output=True, text=True)
        if check and r.returncode != 0:
            raise RuntimeError(f"docker {' '.join(args)}: {r.stderr}")
        return r.stdout

    def load_from_main(self, image: str) -> None:
        """Copies a local image of the machine's Engine into this one."""
        save = subprocess.Popen(["docker", "save", image], stdout=subprocess.PIPE)
        subprocess.run(["docker", "-H", self.host, "load"], stdin=save.stdout, check=True, capture_output=True)
        save.wait(60)

    def log_tail(self, n: int = 40) -> str:
        self.log.flush()
        lines = (self.root / "dockerd.log").read_text(errors="replace").splitlines()
        return "\n".join(lines[-n:])

    def close(self) -> None:
        try:
            if self.proc is not None and self.proc.poll() is None:
                ids = self.docker("ps", "-aq", check=False).split()
                if ids:
                    self.docker("rm", "-f", *ids, check=False)
            self.stop()
        finally:
            self.log.close()
            if self.bridge_made:
                subprocess.run(["ip", "link", "del", self.bridge], capture_output=True)
            shutil.rmtree(self.root, ignore_errors=True)
