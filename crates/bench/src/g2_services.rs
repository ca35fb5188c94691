//! G2 (service scale-out 0 → N on one host) and G3 (self-heal after
//! `docker kill`), Gantry versus Docker Swarm mode on the same Engine.
//!
//! Gantry: `gantry up` (release build) with its local agent on this Engine,
//! the busybox image built locally (as G1). Peer: a single-node swarm
//! initialised inside the benchmark (`docker swarm init --advertise-addr
//! 127.0.0.1`), `docker service create --replicas N --no-resolve-image` of
//! the same image and command; the swarm is left and everything removed at
//! the end, on errors too (`swarm::Swarm`'s drop). When the swarm cannot be
//! initialised the rows say "unavailable: <error>" and Gantry is still
//! measured. `--quick` measures Gantry alone (3 tasks, one heal).
//!
//! G2 sample: from sending CreateService (desiredCount N) until ListTasks +
//! DescribeTasks show N tasks RUNNING (polled every 50 ms); Swarm: from
//! `docker service create -d` until `docker service ps` shows N tasks
//! Running (same poll).
//! G3 sample: on a steady service of 3 tasks, from `docker kill` of one
//! task container until 3 tasks other than the killed one are RUNNING
//! (Gantry: lastStatus; Swarm: CurrentState Running, default restart policy).

use crate::g1_task_start::{ensure_image, IMAGE};
use crate::gantry_proc::GantryProc;
use crate::procs::run as cmd;
use crate::report::{Row, Target};
use crate::swarm::Swarm;
use crate::Ctx;
use anyhow::{bail, Context, Result};
use gantry_bench::stats::Summary;
use std::time::{Duration, Instant};

const FAMILY: &str = "gantry-bench-svc";
const SHELL: &str = "trap 'exit 0' TERM; sleep 3600 & wait";
const POLL: Duration = Duration::from_millis(50);
const TIMEOUT: Duration = Duration::from_secs(180);
const HEAL_TASKS: usize = 3;

async fn register(g: &GantryProc) -> Result<()> {
    g.call(
        "RegisterTaskDefinition",
        serde_json::json!({
            "family": FAMILY,
            "networkMode": "bridge",
            "containerDefinitions": [{
                "name": "app", "image": IMAGE, "essential": true, "memory": 32,
                "command": ["sh", "-c", SHELL],
            }],
        }),
    )
    .await?;
    Ok(())
}

/// ARNs of the service's tasks that are RUNNING (desired RUNNING).
pub async fn running_tasks(g: &GantryProc, cluster: &str, service: &str) -> Result<Vec<Task>> {
    let mut arns: Vec<String> = vec![];
    let mut token: Option<String> = None;
    loop {
        let mut body = serde_json::json!({
            "cluster": cluster, "serviceName": service, "desiredStatus": "RUNNING", "maxResults": 100,
        });
        if let Some(t) = &token {
            body["nextToken"] = serde_json::json!(t);
        }
        let r = g.call("ListTasks", body).await?;
        arns.extend(
            r["taskArns"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|a| a.as_str().map(str::to_string)),
        );
        match r["nextToken"].as_str() {
            Some(t) => token = Some(t.to_string()),
            None => break,
        }
    }
    let mut out = vec![];
    for chunk in arns.chunks(100) {
        let d = g
            .call(
                "DescribeTasks",
                serde_json::json!({"cluster": cluster, "tasks": chunk}),
            )
            .await?;
        for t in d["tasks"].as_array().into_iter().flatten() {
            if t["lastStatus"] == "RUNNING" {
                out.push(Task {
                    arn: t["taskArn"].as_str().unwrap_or_default().to_string(),
                    instance: t["containerInstanceArn"]
                        .as_str()
                        .unwrap_or_default()
                        .to_string(),
                });
            }
        }
    }
    Ok(out)
}

#[derive(Debug, Clone)]
pub struct Task {
    pub arn: String,
    pub instance: String,
}

/// Polls until `ok(running tasks)`; returns the elapsed time since `t`.
pub async fn wait_tasks(
    g: &GantryProc,
    cluster: &str,
    service: &str,
    t: Instant,
    ok: impl Fn(&[Task]) -> bool,
) -> Result<Duration> {
    loop {
        let tasks = running_tasks(g, cluster, service).await?;
        if ok(&tasks) {
            return Ok(t.elapsed());
        }
        if t.elapsed() > TIMEOUT {
            bail!(
                "service {service}: condition not met after {TIMEOUT:?} ({} running)",
                tasks.len()
            );
        }
        tokio::time::sleep(POLL).await;
    }
}

/// Deletes a Gantry service (force) and waits until its containers are gone.
async fn delete_service(g: &GantryProc, name: &str) -> Result<()> {
    g.call(
        "DeleteService",
        serde_json::json!({"cluster": "default", "service": name, "force": true}),
    )
    .await?;
    let t = Instant::now();
    while !running_tasks(g, "default", name).await?.is_empty() {
        if t.elapsed() > TIMEOUT {
            bail!("service {name} still has tasks after {TIMEOUT:?}");
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    g.sweep_containers();
    Ok(())
}

async fn create_service(g: &GantryProc, name: &str, n: usize) -> Result<()> {
    g.call(
        "CreateService",
        serde_json::json!({
            "cluster": "default", "serviceName": name, "taskDefinition": FAMILY,
            "desiredCount": n, "launchType": "EC2",
        }),
    )
    .await?;
    Ok(())
}

async fn gantry_scale_out(g: &GantryProc, name: &str, n: usize) -> Result<Duration> {
    let t = Instant::now();
    create_service(g, name, n).await?;
    let d = wait_tasks(g, "default", name, t, |ts| ts.len() >= n).await?;
    delete_service(g, name).await?;
    Ok(d)
}

async fn swarm_scale_out(s: &Swarm, name: &str, n: usize) -> Result<Duration> {
    let t = Instant::now();
    s.create_service(name, IMAGE, n, &["sh", "-c", SHELL])
        .await?;
    s.wait_running(name, n, None, POLL, TIMEOUT).await?;
    let d = t.elapsed();
    s.remove_service(name).await?;
    Ok(d)
}

/// The container of one running task of a Gantry service.
async fn gantry_victim(g: &GantryProc, name: &str) -> Result<(String, String)> {
    let tasks = running_tasks(g, "default", name).await?;
    let task = tasks.first().context("no running task to kill")?;
    let id = cmd(
        "docker",
        &[
            "ps",
            "-q",
            "--filter",
            &format!("label=com.amazonaws.ecs.task-arn={}", task.arn),
        ],
    )
    .await?;
    let id = id.lines().next().context("no container for the task")?;
    Ok((task.arn.clone(), id.to_string()))
}

async fn gantry_heal(g: &GantryProc, name: &str) -> Result<Duration> {
    let (arn, container) = gantry_victim(g, name).await?;
    let t = Instant::now();
    cmd("docker", &["kill", &container]).await?;
    wait_tasks(g, "default", name, t, |ts| {
        ts.iter().filter(|x| x.arn != arn).count() >= HEAL_TASKS
    })
    .await
}

async fn swarm_heal(s: &Swarm, name: &str) -> Result<Duration> {
    let filter = format!("label=com.docker.swarm.service.name={name}");
    let out = cmd(
        "docker",
        &[
            "ps",
            "--filter",
            &filter,
            "--format",
            "{{.ID}} {{.Label \"com.docker.swarm.task.id\"}}",
        ],
    )
    .await?;
    let line = out.lines().next().context("no swarm container to kill")?;
    let (container, task) = line.split_once(' ').context("bad docker ps line")?;
    let t = Instant::now();
    cmd("docker", &["kill", container]).await?;
    s.wait_running(name, HEAL_TASKS, Some(task), POLL, TIMEOUT)
        .await?;
    Ok(t.elapsed())
}

/// The peer's summary or why there is none.
type Peer = std::result::Result<Summary, String>;

fn peer_value(p: &Peer, f: impl Fn(&Summary) -> f64) -> Option<f64> {
    p.as_ref().ok().map(f)
}

/// Why `--quick` runs no Swarm peer.
const QUICK_SKIP: &str = "skipped in --quick mode (swarm init/leave alone takes seconds)";

fn peer_name(p: &Peer) -> String {
    match p {
        Ok(_) => "Docker Swarm (same Engine)".to_string(),
        Err(e) if e == QUICK_SKIP => format!("Docker Swarm: {e}"),
        Err(e) => format!("Docker Swarm: unavailable: {e}"),
    }
}

pub async fn run_g2(
    ctx: &Ctx,
    details: &mut serde_json::Map<String, serde_json::Value>,
) -> Result<Vec<Row>> {
    ensure_image(&ctx.work).await?;
    let n = if ctx.quick { 3 } else { 50 };
    let samples = if ctx.quick { 1 } else { 3 };
    let nonce = crate::procs::run_nonce();
    let mut gs = vec![];
    {
        let g = GantryProc::start(&ctx.gantry_bin, "up", &ctx.work, nonce).await?;
        register(&g).await?;
        // Warm-up (not counted).
        gantry_scale_out(&g, "g2-warm", 2).await?;
        for i in 0..samples {
            let d = gantry_scale_out(&g, &format!("g2-{i}"), n).await?;
            println!("  G2 gantry sample {i}: {:.0} ms", d.as_secs_f64() * 1e3);
            gs.push(d);
        }
    }
    let peer: Peer = async {
        if ctx.quick {
            return Err(QUICK_SKIP.to_string());
        }
        let s = Swarm::init().await.map_err(|e| format!("{e:#}"))?;
        let mut ds = vec![];
        swarm_scale_out(&s, &format!("g2w-{nonce:x}"), 2)
            .await
            .map_err(|e| format!("{e:#}"))?;
        for i in 0..samples {
            let d = swarm_scale_out(&s, &format!("g2-{nonce:x}-{i}"), n)
                .await
                .map_err(|e| format!("{e:#}"))?;
            println!("  G2 swarm sample {i}: {:.0} ms", d.as_secs_f64() * 1e3);
            ds.push(d);
        }
        drop(s);
        Ok(Summary::of(&ds))
    }
    .await;
    let gsum = Summary::of(&gs);
    details.insert(
        "g2".into(),
        serde_json::json!({
            "tasks": n, "samples": samples, "poll_ms": POLL.as_millis() as u64,
            "gantry_ms": gsum,
            "swarm_ms": peer.as_ref().ok(),
            "swarm_error": peer.as_ref().err(),
        }),
    );
    Ok(vec![Row::new(
        "G2",
        format!("service scale-out 0 → {n} tasks, one host (p50 of {samples})"),
        "ms",
        gsum.p50_ms,
        peer_name(&peer),
        peer_value(&peer, |s| s.p50_ms),
        true,
        Target::RatioAtMost(0.5),
        format!(
            "CreateService → {n} RUNNING (ListTasks+DescribeTasks) vs `docker service create --replicas {n}` → {n} Running (`docker service ps`), polled every {} ms",
            POLL.as_millis()
        ),
    )])
}

pub async fn run_g3(
    ctx: &Ctx,
    details: &mut serde_json::Map<String, serde_json::Value>,
) -> Result<Vec<Row>> {
    ensure_image(&ctx.work).await?;
    let samples = if ctx.quick { 1 } else { 10 };
    let nonce = crate::procs::run_nonce();
    let mut gs = vec![];
    {
        let g = GantryProc::start(&ctx.gantry_bin, "up", &ctx.work, nonce).await?;
        register(&g).await?;
        let name = "g3";
        let t = Instant::now();
        create_service(&g, name, HEAL_TASKS).await?;
        wait_tasks(&g, "default", name, t, |ts| ts.len() >= HEAL_TASKS).await?;
        for i in 0..samples {
            let d = gantry_heal(&g, name).await?;
            println!("  G3 gantry sample {i}: {:.0} ms", d.as_secs_f64() * 1e3);
            gs.push(d);
        }
        delete_service(&g, name).await?;
    }
    let peer: Peer = async {
        if ctx.quick {
            return Err(QUICK_SKIP.to_string());
        }
        let s = Swarm::init().await.map_err(|e| format!("{e:#}"))?;
        let name = format!("g3-{nonce:x}");
        s.create_service(&name, IMAGE, HEAL_TASKS, &["sh", "-c", SHELL])
            .await
            .map_err(|e| format!("{e:#}"))?;
        s.wait_running(&name, HEAL_TASKS, None, POLL, TIMEOUT)
            .await
            .map_err(|e| format!("{e:#}"))?;
        let mut ds = vec![];
        for i in 0..samples {
            let d = swarm_heal(&s, &name).await.map_err(|e| format!("{e:#}"))?;
            println!("  G3 swarm sample {i}: {:.0} ms", d.as_secs_f64() * 1e3);
            ds.push(d);
        }
        s.remove_service(&name)
            .await
            .map_err(|e| format!("{e:#}"))?;
        drop(s);
        Ok(Summary::of(&ds))
    }
    .await;
    let gsum = Summary::of(&gs);
    details.insert(
        "g3".into(),
        serde_json::json!({
            "tasks": HEAL_TASKS, "samples": samples, "poll_ms": POLL.as_millis() as u64,
            "gantry_ms": gsum,
            "swarm_ms": peer.as_ref().ok(),
            "swarm_error": peer.as_ref().err(),
        }),
    );
    let note = format!(
        "{samples} × `docker kill` of one of {HEAL_TASKS} task containers → {HEAL_TASKS} others RUNNING, polled every {} ms; both sides with default settings",
        POLL.as_millis()
    );
    Ok(vec![
        Row::new(
            "G3",
            "self-heal after docker kill, p50",
            "ms",
            gsum.p50_ms,
            peer_name(&peer),
            peer_value(&peer, |s| s.p50_ms),
            true,
            Target::RatioAtMost(0.2),
            note.clone(),
        ),
        Row::new(
            "G3",
            "self-heal after docker kill, p99",
            "ms",
            gsum.p99_ms,
            peer_name(&peer),
            peer_value(&peer, |s| s.p99_ms),
            true,
            Target::RatioAtMost(0.2),
            note,
        ),
    ])
}
