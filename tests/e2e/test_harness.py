"""Self-test of the Gantry process fixture, the CLI helper and raw requests
against fake_gantry.py (no real binary, no Docker)."""

import pathlib
import secrets
import shutil
import string
import sys
import tempfile

import pytest

from conftest import Gantry, free_port

FAKE = pathlib.Path(__file__).with_name("fake_gantry.py")


@pytest.fixture
def fake(monkeypatch):
    root = pathlib.Path(tempfile.mkdtemp(prefix="gantry-fake-"))
    g = Gantry(binary=FAKE, data_dir=root / "data", port=free_port(), account_id="123456789012",
               access_key_id="AKIATESTTESTTEST", command_prefix=(sys.executable,),
               secret_access_key="".join(secrets.choice(string.ascii_letters) for _ in range(40)))
    try:
        g.start(timeout=20)
        yield g
    finally:
        g.stop()
        shutil.rmtree(root, ignore_errors=True)


def test_process_control(fake):
    c = fake.client()
    assert c.describe_clusters()["clusters"][0]["clusterName"] == "default"
    fake.kill9()
    fake.start(timeout=20)
    assert fake.client().list_clusters()["clusterArns"]
    fake.restart(timeout=20)
    assert fake.client().list_container_instances(cluster="default")["containerInstanceArns"]
    assert "fake up" in fake.log_tail()


def test_cli_and_raw(fake):
    import json
    import subprocess

    from conftest import aws_cli_path, make_raw_request

    p = subprocess.run([aws_cli_path(), "ecs", "list-clusters", "--endpoint-url", fake.endpoint, "--output", "json"],
                       capture_output=True, text=True, env=fake.cli_env(), timeout=60)
    assert p.returncode == 0, p.stderr
    assert json.loads(p.stdout)["clusterArns"][0].endswith(":cluster/default")

    raw = make_raw_request(fake)
    r = raw("ListClusters", {}, sign=False)
    assert r.status == 400 and r.error_code == "MissingAuthenticationTokenException"
    assert raw("ListClusters", b"{", sign_date="20200101T000000Z").error_code == "SerializationException"
    r = raw("ListClusters", {}, send_body={"a": 1})
    assert r.status == 200 and r.json["clusterArns"]
    assert raw("NoSuchOp.X", {}).error_code == "UnknownOperationException"
