//! G8: host loss. A `gantry server` (release build) with two simulated
//! agents (`gantry_bench::simagent`, the real sync protocol) runs a service
//! of N tasks spread over both hosts; one agent is killed (its sync loop is
//! aborted: the host goes silent, exactly what a crashed host or a cut
//! network looks like to the control plane). A sample is the time from the
//! kill until N tasks of the service are RUNNING, all on the surviving host
//! (ListTasks + DescribeTasks, polled every 100 ms).
//!
//! Measured with the default settings ([`DEFAULTS`]: the invariant that a
//! silent host's tasks are neither stopped nor duplicated before the
//! host-lost grace makes the grace the floor of this figure), and, for
//! comparison, with `--agent-timeout 5 --host-lost-after 10`. `--quick`
//! takes one sample with `--agent-timeout 1 --host-lost-after 2` only (it
//! checks the harness, not the figure). The peers are published anchors:
//! Nomad 20–30 s, Kubernetes ≈ 5 min 40 s (node-monitor grace 40 s + pod
//! eviction timeout 5 min).

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
/// `gantry server`'s defaults (crates/gantry/src/main.rs `ServerArgs`).
const DEFAULTS: &str = "--agent-timeout 10 --host-lost-after 12";

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
    let n = if ctx.quick { 4 } else { 20 };
    let samples = if ctx.quick { 1 } else { 3 };
    // (row label, extra arguments, note on the settings)
    let configs: Vec<(String, Vec<&str>, String)> = if ctx.quick {
        let a = vec!["--agent-timeout", "1", "--host-lost-after", "2"];
        let j = a.join(" ");
        vec![(format!("{j} (quick)"), a, format!("{j} (not the defaults)"))]
    } else {
        let a = vec!["--agent-timeout", "5", "--host-lost-after", "10"];
        let j = a.join(" ");
        vec![
            (
                "default settings".to_string(),
                vec![],
                format!("{DEFAULTS} (defaults)"),
            ),
            (
                "--host-lost-after 10".to_string(),
                a,
                format!("{j} (not the defaults)"),
            ),
        ]
    };
    let mut measured: Vec<Vec<Duration>> = vec![vec![]; configs.len()];
    for _ in 0..samples {
        for (i, (_, extra, _)) in configs.iter().enumerate() {
            measured[i].push(sample(ctx, extra, n).await?);
        }
    }
    let summaries: Vec<Summary> = measured.iter().map(|m| Summary::of(m)).collect();
    let by_settings: Vec<serde_json::Value> = configs
        .iter()
        .zip(&summaries)
        .map(|((_, extra, settings), s)| {
            serde_json::json!({"args": extra.join(" "), "settings": settings, "ms": s})
        })
        .collect();
    let d = serde_json::json!({"tasks": n, "samples": samples, "defaults": DEFAULTS, "runs": by_settings});
    details.insert("g8".into(), d);
    let peer = "published: Nomad 20–30 s (25 s used); Kubernetes ≈ 340 s";
    let note = format!(
        "{n} tasks over 2 simulated hosts, one host's agent killed → all {n} RUNNING on the other (p50 of {samples})"
    );
    Ok(configs
        .iter()
        .zip(&summaries)
        .map(|((label, _, settings), s)| {
            Row::new(
                "G8",
                format!("host loss → tasks RUNNING elsewhere, {label}"),
                "s",
                s.p50_ms / 1e3,
                peer,
                Some(25.0),
                false,
                Target::AtMost(15.0),
                format!("{note}; {settings}"),
            )
        })
        .collect())
}
