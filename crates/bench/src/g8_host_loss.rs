//! G8: host loss. A `gantry server` (release build) with two simulated
//! agents (`gantry_bench::simagent`, the real sync protocol) runs a service
//! of N tasks spread over both hosts; one agent is killed (its sync loop is
//! aborted: the host goes silent, exactly what a crashed host or a cut
//! network looks like to the control plane). A sample is the time from the
//! kill until N tasks of the service are RUNNING, all on the surviving host
//! (ListTasks + DescribeTasks, polled every 100 ms).
//!
//! Measured with the default settings (`--agent-timeout 10`,
//! `--host-lost-after 60`: the invariant that a silent host's tasks are
//! neither stopped nor duplicated before the host-lost grace makes the
//! grace the floor of this figure), and, for comparison, with
//! `--agent-timeout 5 --host-lost-after 10`. The peers are published
//! anchors: Nomad 20–30 s, Kubernetes ≈ 5 min 40 s (node-monitor grace
//! 40 s + pod eviction timeout 5 min).

use crate::g2_services::{running_tasks, wait_tasks};
use crate::gantry_proc::GantryProc;
use crate::report::{Row, Target};
use crate::Ctx;
use anyhow::{Context, Result};
use gantry_bench::simagent::{SimAgent, SimAgentConfig};
use gantry_bench::stats::Summary;
use std::time::{Duration, Instant};

const CLUSTER: &str = "g8";
const SERVICE: &str = "g8-web";

/// One host-loss sample on a fresh control plane started with `extra`.
async fn sample(ctx: &Ctx, extra: &[&str], n: usize) -> Result<Duration> {
    let nonce = crate::procs::run_nonce();
    let g = GantryProc::start_with_args(&ctx.gantry_bin, "server", &ctx.work, nonce, extra).await?;
    g.call("CreateCluster", serde_json::json!({"clusterName": CLUSTER}))
        .await?;
    let mut agents = vec![];
    for _ in 0..2 {
        let c = SimAgentConfig::new(&g.endpoint, &g.access_key_id, &g.secret_access_key, CLUSTER);
        agents.push(SimAgent::start(c).await?);
    }
    g.call(
        "RegisterTaskDefinition",
        serde_json::json!({
            "family": "gantry-bench-g8",
            "containerDefinitions": [{
                "name": "app", "image": "busybox", "essential": true, "memory": 32,
                "command": ["sleep", "3600"],
            }],
        }),
    )
    .await?;
    g.call(
        "CreateService",
        serde_json::json!({
            "cluster": CLUSTER, "serviceName": SERVICE, "taskDefinition": "gantry-bench-g8",
            "desiredCount": n,
            "placementStrategy": [{"type": "spread", "field": "instanceId"}],
        }),
    )
    .await?;
    let victim = agents[0].instance_arn.clone();
    let t = Instant::now();
    wait_tasks(&g, CLUSTER, SERVICE, t, |ts| {
        ts.len() >= n && ts.iter().any(|x| x.instance == victim)
    })
    .await
    .context("the service did not reach its count on both hosts")?;
    let on_victim = running_tasks(&g, CLUSTER, SERVICE)
        .await?
        .iter()
        .filter(|x| x.instance == victim)
        .count();
    // Kill the first host's agent: from now on it is silent.
    let killed = agents.remove(0);
    let t = Instant::now();
    drop(killed);
    let d = wait_tasks(&g, CLUSTER, SERVICE, t, |ts| {
        ts.len() >= n && ts.iter().all(|x| x.instance != victim)
    })
    .await?;
    println!(
        "  G8 sample ({}): {on_victim} of {n} tasks on the lost host, all RUNNING elsewhere after {:.1} s",
        if extra.is_empty() {
            "defaults".to_string()
        } else {
            extra.join(" ")
        },
        d.as_secs_f64()
    );
    for a in agents {
        let _ = a.stop().await;
    }
    Ok(d)
}

pub async fn run(
    ctx: &Ctx,
    details: &mut serde_json::Map<String, serde_json::Value>,
) -> Result<Vec<Row>> {
    let n = if ctx.quick { 6 } else { 20 };
    let samples = if ctx.quick { 1 } else { 3 };
    let tuned: [&str; 4] = ["--agent-timeout", "5", "--host-lost-after", "10"];
    let mut default_s = vec![];
    let mut tuned_s = vec![];
    for _ in 0..samples {
        default_s.push(sample(ctx, &[], n).await?);
        tuned_s.push(sample(ctx, &tuned, n).await?);
    }
    let (ds, ts) = (Summary::of(&default_s), Summary::of(&tuned_s));
    details.insert(
        "g8".into(),
        serde_json::json!({
            "tasks": n, "samples": samples,
            "defaults_ms": ds, "tuned_ms": ts, "tuned_args": tuned.join(" "),
        }),
    );
    let peer = "published: Nomad 20–30 s (25 s used); Kubernetes ≈ 340 s";
    let note = format!(
        "{n} tasks over 2 simulated hosts, one host's agent killed → all {n} RUNNING on the other (p50 of {samples})"
    );
    Ok(vec![
        Row::new(
            "G8",
            "host loss → tasks RUNNING elsewhere, default settings",
            "s",
            ds.p50_ms / 1e3,
            peer,
            Some(25.0),
            false,
            Target::AtMost(15.0),
            format!("{note}; --agent-timeout 10 --host-lost-after 60 (defaults)"),
        ),
        Row::new(
            "G8",
            "host loss → tasks RUNNING elsewhere, --host-lost-after 10",
            "s",
            ts.p50_ms / 1e3,
            peer,
            Some(25.0),
            false,
            Target::AtMost(15.0),
            format!("{note}; {} (not the defaults)", tuned.join(" ")),
        ),
    ])
}
