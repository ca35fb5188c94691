//! G1: task start latency, RunTask → RUNNING, versus `docker run -d`.
//!
//! Gantry: `gantry up` (release build, random loopback port, temporary data
//! dir) with its local agent on this Docker Engine. A sample is the time from
//! sending RunTask (count 1) until DescribeTasks, polled every 10 ms, shows
//! `lastStatus` RUNNING. Peer: `docker run -d` of the same image, command and
//! flags (bridge network, `--cpu-shares 2`, `--memory 64m`, a label); a
//! sample is the command's wall time (it returns once the container has
//! started), confirmed with `docker inspect` State.Running outside the
//! timing. The image is present locally (no pulls on either side).
//! Sequential samples alternate between the two; the concurrent phase runs
//! 8 workers against one side, then the other. Everything started is
//! removed between phases and at the end.

use crate::gantry_proc::GantryProc;
use crate::procs::{run as cmd, ContainerSweeper};
use crate::report::{Row, Target};
use crate::Ctx;
use anyhow::{bail, Context, Result};
use gantry_bench::stats::Summary;
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

pub const IMAGE: &str = "gantry-test/busybox:latest";
const FAMILY: &str = "gantry-bench-g1";
const SHELL: &str = "trap 'exit 0' TERM; sleep 3600 & wait";
const POLL: Duration = Duration::from_millis(10);
const CONCURRENCY: usize = 8;
const TIMEOUT: Duration = Duration::from_secs(60);

/// Builds `gantry-test/busybox:latest` FROM scratch with the host's static
/// busybox if the image is missing (as tests/e2e/conftest.py does).
pub async fn ensure_image(work: &Path) -> Result<()> {
    if cmd(
        "docker",
        &["image", "inspect", "--format", "{{.Id}}", IMAGE],
    )
    .await
    .is_ok()
    {
        return Ok(());
    }
    let busybox = ["/bin/busybox", "/usr/bin/busybox"]
        .into_iter()
        .find(|p| Path::new(p).is_file())
        .context("a statically linked busybox is required (apt-get install busybox-static)")?;
    let ctx = tempfile::Builder::new()
        .prefix("g1-img-")
        .tempdir_in(work)?;
    std::fs::copy(busybox, ctx.path().join("busybox"))?;
    std::fs::write(
        ctx.path().join("Dockerfile"),
        "FROM scratch\nCOPY busybox /bin/busybox\n\
         RUN [\"/bin/busybox\", \"sh\", \"-c\", \"/bin/busybox --install -s /bin && \
         mkdir -p /tmp /etc /root /data && chmod 1777 /tmp && \
         echo root:x:0:0:root:/root:/bin/sh > /etc/passwd\"]\nCMD [\"sh\"]\n",
    )?;
    let dir = ctx.path().to_string_lossy().to_string();
    let out = tokio::process::Command::new("docker")
        .args(["build", "-q", "-t", IMAGE, &dir])
        .env("DOCKER_BUILDKIT", "0")
        .output()
        .await?;
    if !out.status.success() {
        bail!(
            "docker build failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    Ok(())
}

async fn gantry_sample(g: &GantryProc) -> Result<Duration> {
    let t = Instant::now();
    let r = g
        .call(
            "RunTask",
            serde_json::json!({"cluster": "default", "taskDefinition": FAMILY, "count": 1}),
        )
        .await?;
    let Some(arn) = r["tasks"][0]["taskArn"].as_str().map(str::to_string) else {
        bail!("RunTask placed nothing: {}", r["failures"]);
    };
    loop {
        let d = g
            .call(
                "DescribeTasks",
                serde_json::json!({"cluster": "default", "tasks": [arn]}),
            )
            .await?;
        let task = &d["tasks"][0];
        match task["lastStatus"].as_str() {
            Some("RUNNING") => return Ok(t.elapsed()),
            Some("STOPPED") => bail!("task {arn} stopped: {}", task["stoppedReason"]),
            _ => {}
        }
        if t.elapsed() > TIMEOUT {
            bail!("task {arn} not RUNNING after {TIMEOUT:?}");
        }
        tokio::time::sleep(POLL).await;
    }
}

async fn docker_sample(label: &str) -> Result<Duration> {
    let t = Instant::now();
    let id = cmd(
        "docker",
        &[
            "run",
            "-d",
            "--label",
            label,
            "--network",
            "bridge",
            "--cpu-shares",
            "2",
            "--memory",
            "64m",
            IMAGE,
            "sh",
            "-c",
            SHELL,
        ],
    )
    .await?;
    let elapsed = t.elapsed();
    // `docker run -d` returns after the start; confirm it (untimed unless it is not yet so).
    loop {
        let running = cmd(
            "docker",
            &["inspect", "--format", "{{.State.Running}}", &id],
        )
        .await?;
        if running == "true" {
            return Ok(elapsed.max(Duration::ZERO));
        }
        if t.elapsed() > TIMEOUT {
            bail!("container {id} not running after {TIMEOUT:?}");
        }
        tokio::time::sleep(POLL).await;
    }
}

async fn concurrent<F, Fut>(n: usize, f: F) -> Result<Vec<Duration>>
where
    F: Fn() -> Fut + Send + Sync + 'static,
    Fut: std::future::Future<Output = Result<Duration>> + Send,
{
    let f = Arc::new(f);
    let mut set = tokio::task::JoinSet::new();
    for w in 0..CONCURRENCY {
        let f = f.clone();
        let mine = n / CONCURRENCY + usize::from(w < n % CONCURRENCY);
        set.spawn(async move {
            let mut v = Vec::with_capacity(mine);
            for _ in 0..mine {
                v.push(f().await?);
            }
            Ok::<_, anyhow::Error>(v)
        });
    }
    let mut all = Vec::with_capacity(n);
    while let Some(r) = set.join_next().await {
        all.extend(r.context("worker panicked")??);
    }
    Ok(all)
}

/// Removes every container of both sides and lets the agent observe it
/// for `settle`.
async fn clean(g: &GantryProc, peer: &ContainerSweeper, settle: Duration) {
    g.sweep_containers();
    peer.sweep();
    tokio::time::sleep(settle).await;
}

fn rows(phase: &str, n: usize, g: &Summary, d: &Summary, note: &str) -> Vec<Row> {
    let cond = format!("{n} tasks {phase}; {note}");
    vec![
        Row::new(
            "G1",
            format!("task start p50, {phase}"),
            "ms",
            g.p50_ms,
            "docker run -d",
            Some(d.p50_ms),
            true,
            Target::RatioAtMost(1.15),
            cond.clone(),
        ),
        Row::new(
            "G1",
            format!("task start p99, {phase}"),
            "ms",
            g.p99_ms,
            "docker run -d",
            Some(d.p99_ms),
            true,
            Target::RatioAtMost(1.5),
            cond,
        ),
    ]
}

pub async fn run(
    ctx: &Ctx,
    details: &mut serde_json::Map<String, serde_json::Value>,
) -> Result<Vec<Row>> {
    ensure_image(&ctx.work).await?;
    let n = if ctx.quick { 2 } else { 50 };
    let settle = Duration::from_millis(if ctx.quick { 300 } else { 2000 });
    let nonce = crate::procs::run_nonce();
    let label = format!("io.gantry.bench.run={nonce:x}");
    let peer = ContainerSweeper {
        labels: vec![label.clone()],
    };
    let g = Arc::new(GantryProc::start(&ctx.gantry_bin, "up", &ctx.work, nonce).await?);
    g.call(
        "RegisterTaskDefinition",
        serde_json::json!({
            "family": FAMILY,
            "networkMode": "bridge",
            "containerDefinitions": [{
                "name": "app", "image": IMAGE, "essential": true, "memory": 64,
                "command": ["sh", "-c", SHELL],
            }],
        }),
    )
    .await?;
    // Warm-up (not counted): first container starts pay one-off costs on both sides.
    for _ in 0..if ctx.quick { 1 } else { 2 } {
        gantry_sample(&g).await?;
        docker_sample(&label).await?;
    }
    clean(&g, &peer, settle).await;

    let mut gs = Vec::with_capacity(n);
    let mut ds = Vec::with_capacity(n);
    for _ in 0..n {
        gs.push(gantry_sample(&g).await?);
        ds.push(docker_sample(&label).await?);
    }
    clean(&g, &peer, settle).await;
    let (gseq, dseq) = (Summary::of(&gs), Summary::of(&ds));
    println!(
        "  G1 sequential: gantry p50 {:.1} ms p99 {:.1} ms | docker p50 {:.1} ms p99 {:.1} ms",
        gseq.p50_ms, gseq.p99_ms, dseq.p50_ms, dseq.p99_ms
    );

    let gc = {
        let g = g.clone();
        concurrent(n, move || {
            let g = g.clone();
            async move { gantry_sample(&g).await }
        })
        .await?
    };
    clean(&g, &peer, settle).await;
    let dc = {
        let label = label.clone();
        concurrent(n, move || {
            let label = label.clone();
            async move { docker_sample(&label).await }
        })
        .await?
    };
    clean(&g, &peer, settle).await;
    let (gcon, dcon) = (Summary::of(&gc), Summary::of(&dc));
    println!(
        "  G1 concurrency {CONCURRENCY}: gantry p50 {:.1} ms p99 {:.1} ms | docker p50 {:.1} ms p99 {:.1} ms",
        gcon.p50_ms, gcon.p99_ms, dcon.p50_ms, dcon.p99_ms
    );
    details.insert(
        "g1".into(),
        serde_json::json!({
            "samples": n, "poll_ms": POLL.as_millis() as u64,
            "sequential": {"gantry_ms": gseq, "docker_ms": dseq},
            "concurrent": {"concurrency": CONCURRENCY, "gantry_ms": gcon, "docker_ms": dcon},
        }),
    );
    let note = format!(
        "image present, RunTask→DescribeTasks RUNNING polled every {} ms vs docker CLI wall time",
        POLL.as_millis()
    );
    let mut out = rows("sequential", n, &gseq, &dseq, &note);
    out.extend(rows(
        &format!("concurrency {CONCURRENCY}"),
        n,
        &gcon,
        &dcon,
        &note,
    ));
    drop(g);
    drop(peer);
    Ok(out)
}
