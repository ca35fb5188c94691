"""TLS on the API port: `gantry up --tls-self-signed` serves HTTPS with a
certificate generated once into DATA_DIR/tls; the local agent, boto3, the
AWS CLI (--ca-bundle) and `gantry audit` (AWS_CA_BUNDLE) all trust it, plain
HTTP and clients without the certificate are refused."""

from __future__ import annotations

import os
import socket
import ssl
import subprocess
import time
import urllib.request

import boto3
import botocore.config
import pytest
from botocore.exceptions import SSLError

from conftest import REGION, aws_cli_path, gantry_binary

KEY = "AKIATLSTESTKEY000001"
SECRET = "TlsTestSecretKey0000000000000000000000000"[:40]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def tls_gantry(tmp_path):
    port = free_port()
    data = tmp_path / "data"
    env = dict(os.environ, GANTRY_ROOT_ACCESS_KEY_ID=KEY, GANTRY_ROOT_SECRET_ACCESS_KEY=SECRET,
               GANTRY_REGION=REGION, GANTRY_LOG="info",
               # Its own awsvpc subnet: the session's gantry owns subnet-default.
               GANTRY_SUBNETS="subnet-tlstest=10.219.0.0/24")
    log = open(tmp_path / "gantry.log", "wb")
    binary = os.environ.get("GANTRY_BIN") or str(gantry_binary())
    proc = subprocess.Popen([binary, "up", "--listen", f"127.0.0.1:{port}", "--data-dir", str(data),
                             "--tls-self-signed"], stdout=log, stderr=subprocess.STDOUT, env=env,
                            start_new_session=True)
    cert = data / "tls" / "cert.pem"
    endpoint = f"https://127.0.0.1:{port}"
    try:
        ecs = None
        deadline = time.time() + 90
        while True:
            assert proc.poll() is None, (tmp_path / "gantry.log").read_text()
            if cert.exists():
                ecs = boto3.session.Session().client(
                    "ecs", region_name=REGION, endpoint_url=endpoint, aws_access_key_id=KEY,
                    aws_secret_access_key=SECRET, verify=str(cert),
                    config=botocore.config.Config(retries={"max_attempts": 1}))
                try:
                    arns = ecs.list_container_instances(cluster="default")["containerInstanceArns"]
                    if arns:
                        cis = ecs.describe_container_instances(cluster="default", containerInstances=arns)
                        if any(c["agentConnected"] for c in cis["containerInstances"]):
                            break
                except Exception:  # noqa: BLE001 - not up yet
                    pass
            assert time.time() < deadline, (tmp_path / "gantry.log").read_text()
            time.sleep(0.3)
        yield endpoint, cert, ecs, env
    finally:
        proc.terminate()
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(10)
        log.close()


def test_https_with_a_self_signed_certificate(tls_gantry, tmp_path):
    endpoint, cert, ecs, env = tls_gantry
    # The local agent joined over HTTPS (the fixture waited for it) and works.
    assert ecs.list_clusters()["clusterArns"]
    # The AWS CLI with --ca-bundle.
    cli_env = {k: v for k, v in env.items() if not k.startswith("AWS_")}
    cli_env.update(AWS_ACCESS_KEY_ID=KEY, AWS_SECRET_ACCESS_KEY=SECRET, AWS_DEFAULT_REGION=REGION)
    p = subprocess.run([aws_cli_path(), "ecs", "list-clusters", "--endpoint-url", endpoint,
                        "--ca-bundle", str(cert), "--output", "json"],
                       capture_output=True, text=True, env=cli_env, timeout=60)
    assert p.returncode == 0, p.stderr
    # Gantry's own CLI with AWS_CA_BUNDLE, as the AWS SDKs honour it.
    binary = os.environ.get("GANTRY_BIN") or str(gantry_binary())
    p = subprocess.run([binary, "audit", "--since", "5m", "--action", "ListClusters", "--json"],
                       capture_output=True, text=True, timeout=60,
                       env=dict(cli_env, GANTRY_ENDPOINT=endpoint, AWS_CA_BUNDLE=str(cert)))
    assert p.returncode == 0, p.stderr
    assert p.stdout.strip(), "the ListClusters calls are in the audit trail"
    # Without trusting the certificate: refused by the client.
    untrusting = boto3.session.Session().client(
        "ecs", region_name=REGION, endpoint_url=endpoint, aws_access_key_id=KEY,
        aws_secret_access_key=SECRET, config=botocore.config.Config(retries={"max_attempts": 1}))
    with pytest.raises(SSLError):
        untrusting.list_clusters()
    p = subprocess.run([binary, "audit", "--since", "5m"], capture_output=True, text=True, timeout=60,
                       env=dict(cli_env, GANTRY_ENDPOINT=endpoint))
    assert p.returncode != 0
    # Plain HTTP on the TLS port gets no answer.
    with pytest.raises(Exception):
        urllib.request.urlopen(endpoint.replace("https", "http") + "/healthz", timeout=5).read()
    # TLS 1.2+ only, and the certificate names 127.0.0.1.
    ctx = ssl.create_default_context(cafile=str(cert))
    with socket.create_connection(("127.0.0.1", int(endpoint.rsplit(":", 1)[1]))) as raw:
        with ctx.wrap_socket(raw, server_hostname="127.0.0.1") as tls:
            assert tls.version() in ("TLSv1.2", "TLSv1.3")
    # The key is private to its owner.
    assert oct((cert.parent / "key.pem").stat().st_mode & 0o777) == "0o600"
