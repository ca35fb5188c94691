"""Self-test of the locally built busybox image (needs Docker, not gantry)."""

import subprocess

from conftest import IMAGE, IMAGE_ALT, docker


def test_image_runs_shell_and_httpd(image):
    assert image == IMAGE
    out = docker("run", "--rm", IMAGE, "sh", "-c", "echo ok; ls /bin/httpd /bin/sleep /bin/date; test -d /tmp").stdout
    assert out.splitlines()[0] == "ok"
    assert docker("image", "inspect", IMAGE_ALT).returncode == 0
    # busybox httpd serves a file (same command line the task tests use)
    name = "gantry-img-selftest"
    docker("rm", "-f", name, check=False)
    try:
        docker("run", "-d", "--name", name, IMAGE, "sh", "-c",
               "echo hello > /tmp/index.html; exec httpd -f -p 8080 -h /tmp")
        r = subprocess.run(["docker", "exec", name, "wget", "-qO-", "http://127.0.0.1:8080/index.html"],
                           capture_output=True, text=True, timeout=30)
        for _ in range(20):
            if r.returncode == 0:
                break
            import time
            time.sleep(0.2)
            r = subprocess.run(["docker", "exec", name, "wget", "-qO-", "http://127.0.0.1:8080/index.html"],
                               capture_output=True, text=True, timeout=30)
        assert r.stdout.strip() == "hello", r.stderr
    finally:
        docker("rm", "-f", name, check=False)
