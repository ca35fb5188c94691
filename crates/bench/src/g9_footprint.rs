//! G9: footprint. Resident memory (`VmRSS`, and the peak `VmHWM`, from
//! `/proc/PID/status`) of the real processes.
//!
//! - Control plane: a `gantry server` (release build, loopback, default
//!   settings) with 100 simulated agents ([`gantry_bench::simagent`]: the
//!   real sync protocol, every task reported RUNNING at once, no
//!   containers) and 1,000 services of 10 tasks each (10,000 tasks) created
//!   with CreateService from 8 clients (bounded by a fill budget; the row
//!   says how far it got); its RSS is read once every task is RUNNING and
//!   the server has been left alone for a few seconds.
//! - Agent: a real `gantry agent` (its own data dir, a free metrics port)
//!   joins a second, fresh `gantry server` on this Docker Engine.
//!   Idle: its RSS after registration and a settling pause. With tasks: 100
//!   RunTask'd busybox `sleep` containers (image built locally as in G1),
//!   RSS once all are RUNNING and settled; the per-task increment is
//!   compared with the published anchor of ≈ 4 MiB per container for runc
//!   (whose per-container `containerd-shim` we also read: the shim's RSS is
//!   what the Engine itself spends per container).
//!
//! The agent is killed, then every container it started removed (by its
//! instance label), also on error or Ctrl-C; the server is killed last.

use crate::g1_task_start::{ensure_image, IMAGE};
use crate::gantry_proc::{GantryProc, INSTANCE_LABEL};
use crate::procs::{docker_rm_label, free_port, run as cmd, ChildGuard};
use crate::report::{Row, Target};
use crate::Ctx;
use anyhow::{bail, Context, Result};
use gantry_bench::simagent::{SimAgent, SimAgentConfig};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

const SIM_CLUSTER: &str = "g9";
const AGENT_CLUSTER: &str = "g9-agent";
const SVC_FAMILY: &str = "gantry-bench-g9-svc";
const TASK_FAMILY: &str = "gantry-bench-g9";
/// Published anchor: runc (with its containerd shim) ≈ 4 MiB per container.
const RUNC_MIB_PER_CONTAINER: f64 = 4.0;
const POLL: Duration = Duration::from_millis(250);

struct Params {
    sim_agents: usize,
    services: usize,
    tasks_per_service: usize,
    /// Longest the services may take to reach their count.
    fill_budget: Duration,
    /// Pause before reading a process's RSS.
    settle: Duration,
    /// Real containers run through the real agent.
    agent_tasks: usize,
    agent_budget: Duration,
}

fn params(quick: bool) -> Params {
    if quick {
        Params {
            sim_agents: 2,
            services: 20,
            tasks_per_service: 2,
            fill_budget: Duration::from_secs(30),
            settle: Duration::from_millis(500),
            agent_tasks: 3,
            agent_budget: Duration::from_secs(60),
        }
    } else {
        Params {
            sim_agents: 100,
            services: 1_000,
            tasks_per_service: 10,
            fill_budget: Duration::from_secs(300),
            settle: Duration::from_secs(10),
            agent_tasks: 100,
            agent_budget: Duration::from_secs(300),
        }
    }
}

/// Resident memory of a process, KiB.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Mem {
    /// `VmRSS`: resident now.
    pub rss_kib: u64,
    /// `VmHWM`: the peak resident set since the process started.
    pub hwm_kib: u64,
}

impl Mem {
    fn rss_mib(&self) -> f64 {
        self.rss_kib as f64 / 1024.0
    }
    fn hwm_mib(&self) -> f64 {
        self.hwm_kib as f64 / 1024.0
    }
}

/// `VmRSS` and `VmHWM` of a `/proc/PID/status` text.
pub fn parse_status(text: &str) -> Option<Mem> {
    let field = |name: &str| {
        text.lines()
            .find_map(|l| l.strip_prefix(name))
            .and_then(|v| v.trim_start_matches(':').split_whitespace().next())
            .and_then(|v| v.parse::<u64>().ok())
    };
    Some(Mem {
        rss_kib: field("VmRSS")?,
        hwm_kib: field("VmHWM")?,
    })
}

/// The parent pid in a `/proc/PID/stat` text (the field after the
/// parenthesised command, which may itself contain spaces and parentheses).
pub fn parse_ppid(stat: &str) -> Option<u32> {
    let rest = &stat[stat.rfind(')')? + 1..];
    rest.split_whitespace().nth(1)?.parse().ok()
}

fn mem_of(pid: u32) -> Result<Mem> {
    let text = std::fs::read_to_string(format!("/proc/{pid}/status"))
        .with_context(|| format!("cannot read /proc/{pid}/status"))?;
    parse_status(&text).with_context(|| format!("no VmRSS/VmHWM in /proc/{pid}/status"))
}

/// Waits `settle`, then reads the process's memory 5 times 200 ms apart and
/// keeps the median RSS (the peak is monotonic: the last one).
async fn settled_mem(pid: u32, settle: Duration) -> Result<Mem> {
    tokio::time::sleep(settle).await;
    let mut rss = Vec::with_capacity(5);
    let mut last = mem_of(pid)?;
    for i in 0..5 {
        if i > 0 {
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
        last = mem_of(pid)?;
        rss.push(last.rss_kib);
    }
    rss.sort_unstable();
    Ok(Mem {
        rss_kib: rss[rss.len() / 2],
        hwm_kib: last.hwm_kib,
    })
}

/// A real `gantry agent`: killed first, then its containers removed, when dropped.
struct AgentProc {
    child: Option<ChildGuard>,
    instance_arn: Option<String>,
    log: std::path::PathBuf,
}

impl AgentProc {
    fn start(ctx: &Ctx, g: &GantryProc) -> Result<AgentProc> {
        let data = ctx.work.join("g9-agent");
        std::fs::create_dir_all(&data)?;
        let metrics = format!("127.0.0.1:{}", free_port()?);
        let mut c = Command::new(&ctx.gantry_bin);
        c.args([
            "agent",
            "--endpoint",
            &g.endpoint,
            "--cluster",
            AGENT_CLUSTER,
        ])
        .arg("--data-dir")
        .arg(&data)
        .args(["--metrics-addr", &metrics])
        .env_remove("AWS_SESSION_TOKEN")
        .env_remove("AWS_PROFILE")
        .env("AWS_ACCESS_KEY_ID", &g.access_key_id)
        .env("AWS_SECRET_ACCESS_KEY", &g.secret_access_key)
        .env("GANTRY_REGION", "us-east-1")
        .env("GANTRY_LOG", "warn");
        let log = ctx.work.join("g9-agent.log");
        Ok(AgentProc {
            child: Some(ChildGuard::spawn("gantry agent", c, &log)?),
            instance_arn: None,
            log,
        })
    }

    fn pid(&self) -> Result<u32> {
        self.child
            .as_ref()
            .map(ChildGuard::id)
            .context("the agent is not running")
    }

    fn check_alive(&mut self) -> Result<()> {
        if let Some(c) = self.child.as_mut() {
            if let Err(e) = c.check_alive() {
                let text = std::fs::read_to_string(&self.log).unwrap_or_default();
                let lines: Vec<&str> = text.lines().collect();
                bail!(
                    "{e}\n{}",
                    lines[lines.len().saturating_sub(20)..].join("\n")
                );
            }
        }
        Ok(())
    }

    /// Waits until the agent's instance is ACTIVE and connected.
    async fn wait_registered(&mut self, g: &GantryProc) -> Result<()> {
        let t = Instant::now();
        loop {
            self.check_alive()?;
            let list = g
                .call(
                    "ListContainerInstances",
                    serde_json::json!({"cluster": AGENT_CLUSTER}),
                )
                .await;
            if let Some(arn) = list
                .ok()
                .and_then(|v| v["containerInstanceArns"][0].as_str().map(str::to_string))
            {
                // Known from now on, so the drop removes its containers.
                self.instance_arn = Some(arn.clone());
                let d = g
                    .call(
                        "DescribeContainerInstances",
                        serde_json::json!({"cluster": AGENT_CLUSTER, "containerInstances": [arn]}),
                    )
                    .await?;
                let ci = &d["containerInstances"][0];
                if ci["status"] == "ACTIVE" && ci["agentConnected"] == true {
                    return Ok(());
                }
            }
            if t.elapsed() > Duration::from_secs(60) {
                bail!("gantry agent not ACTIVE and connected after 60 s");
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    fn sweep(&self) -> usize {
        match &self.instance_arn {
            Some(arn) => docker_rm_label(&format!("{INSTANCE_LABEL}={arn}")),
            None => 0,
        }
    }
}

impl Drop for AgentProc {
    fn drop(&mut self) {
        // Kill the agent first so it cannot start anything new.
        drop(self.child.take());
        self.sweep();
    }
}

/// Creates `services` services of `count` tasks from 8 concurrent clients
/// until `deadline`; `created` counts those created.
async fn create_services(
    g: Arc<GantryProc>,
    services: usize,
    count: usize,
    deadline: Instant,
    created: Arc<AtomicUsize>,
) -> Result<()> {
    let mut set = tokio::task::JoinSet::new();
    let workers = 8;
    for w in 0..workers {
        let (g, created) = (g.clone(), created.clone());
        set.spawn(async move {
            for i in (w..services).step_by(workers) {
                if Instant::now() > deadline {
                    break;
                }
                g.call(
                    "CreateService",
                    serde_json::json!({
                        "cluster": SIM_CLUSTER, "serviceName": format!("g9-{i:04}"),
                        "taskDefinition": SVC_FAMILY, "desiredCount": count, "launchType": "EC2",
                    }),
                )
                .await?;
                created.fetch_add(1, Ordering::Relaxed);
            }
            Ok::<_, anyhow::Error>(())
        });
    }
    while let Some(r) = set.join_next().await {
        r.context("CreateService worker panicked")??;
    }
    Ok(())
}

/// What the control-plane phase measured.
struct ControlPlane {
    mem: Mem,
    creation_error: Option<String>,
    services: usize,
    tasks: usize,
    fill_s: f64,
    complete: bool,
}

async fn control_plane(
    g: &Arc<GantryProc>,
    p: &Params,
    agents: &[SimAgent],
) -> Result<ControlPlane> {
    let pid = g.pid().context("gantry server not running")?;
    g.call(
        "RegisterTaskDefinition",
        serde_json::json!({
            "family": SVC_FAMILY,
            "containerDefinitions": [{
                "name": "app", "image": IMAGE, "essential": true, "memory": 16, "cpu": 8,
                "command": ["sleep", "3600"],
            }],
        }),
    )
    .await?;
    let want = p.services * p.tasks_per_service;
    let t = Instant::now();
    let created = Arc::new(AtomicUsize::new(0));
    let mut creator = tokio::spawn(create_services(
        g.clone(),
        p.services,
        p.tasks_per_service,
        t + p.fill_budget,
        created.clone(),
    ));
    let running = || -> usize {
        agents
            .iter()
            .map(|a| a.stats.running.load(Ordering::Relaxed))
            .sum()
    };
    let mut creating = true;
    let mut creation_error = None;
    let mut last_print = Instant::now();
    let complete = loop {
        if creating && creator.is_finished() {
            creating = false;
            // A failed CreateService (e.g. a timeout under load) ends the
            // fill; what was created is still measured, and the row says so.
            if let Err(e) = (&mut creator)
                .await
                .context("CreateService task panicked")
                .and_then(|r| r)
            {
                eprintln!("  G9 fill stopped: {e:#}");
                creation_error = Some(format!("{e:#}"));
            }
        }
        let services = created.load(Ordering::Relaxed);
        if !creating && running() >= services * p.tasks_per_service {
            break services == p.services;
        }
        if t.elapsed() > p.fill_budget + Duration::from_secs(30) {
            break false;
        }
        if last_print.elapsed() > Duration::from_secs(15) {
            last_print = Instant::now();
            println!(
                "  G9 fill: {services} services created, {} tasks RUNNING after {:.0} s",
                running(),
                t.elapsed().as_secs_f64()
            );
        }
        tokio::time::sleep(POLL).await;
    };
    creator.abort();
    let fill_s = t.elapsed().as_secs_f64();
    let services = created.load(Ordering::Relaxed);
    let tasks = running();
    println!(
        "  G9 control plane: {services} of {} services, {tasks} of {want} tasks RUNNING on {} simulated agents after {fill_s:.1} s",
        p.services,
        agents.len()
    );
    let mem = settled_mem(pid, p.settle).await?;
    println!(
        "  G9 control plane RSS {:.1} MiB (peak {:.1} MiB)",
        mem.rss_mib(),
        mem.hwm_mib()
    );
    Ok(ControlPlane {
        mem,
        creation_error,
        services,
        tasks,
        fill_s,
        complete,
    })
}

/// ARNs of RUNNING tasks among `arns`.
async fn running_of(g: &GantryProc, arns: &[String]) -> Result<usize> {
    let mut n = 0;
    for chunk in arns.chunks(100) {
        let d = g
            .call(
                "DescribeTasks",
                serde_json::json!({"cluster": AGENT_CLUSTER, "tasks": chunk}),
            )
            .await?;
        for t in d["tasks"].as_array().into_iter().flatten() {
            match t["lastStatus"].as_str() {
                Some("RUNNING") => n += 1,
                Some("STOPPED") => bail!("task {} stopped: {}", t["taskArn"], t["stoppedReason"]),
                _ => {}
            }
        }
    }
    Ok(n)
}

/// Mean RSS of the `containerd-shim` parents of the agent's containers, MiB
/// (`None` when they cannot be read).
async fn shim_mib(instance_arn: &str) -> Option<(f64, usize)> {
    let ids = cmd(
        "docker",
        &[
            "ps",
            "-q",
            "--filter",
            &format!("label={INSTANCE_LABEL}={instance_arn}"),
        ],
    )
    .await
    .ok()?;
    let ids: Vec<&str> = ids.split_whitespace().collect();
    if ids.is_empty() {
        return None;
    }
    let mut args = vec!["inspect", "--format", "{{.State.Pid}}"];
    args.extend(ids.iter().copied());
    let pids = cmd("docker", &args).await.ok()?;
    let mut shims = std::collections::BTreeSet::new();
    for pid in pids.split_whitespace() {
        let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
        shims.insert(parse_ppid(&stat)?);
    }
    let mut total = 0u64;
    for s in &shims {
        total += mem_of(*s).ok()?.rss_kib;
    }
    Some((total as f64 / 1024.0 / shims.len() as f64, shims.len()))
}

/// What the agent phase measured.
struct AgentFigures {
    idle: Mem,
    loaded: Mem,
    tasks: usize,
    start_s: f64,
    shim: Option<(f64, usize)>,
}

async fn agent(ctx: &Ctx, g: &GantryProc, p: &Params) -> Result<AgentFigures> {
    g.call(
        "CreateCluster",
        serde_json::json!({"clusterName": AGENT_CLUSTER}),
    )
    .await?;
    g.call(
        "RegisterTaskDefinition",
        serde_json::json!({
            "family": TASK_FAMILY,
            "networkMode": "bridge",
            "containerDefinitions": [{
                "name": "app", "image": IMAGE, "essential": true, "memory": 16,
                "command": ["sleep", "3600"],
            }],
        }),
    )
    .await?;
    let mut a = AgentProc::start(ctx, g)?;
    a.wait_registered(g).await?;
    let pid = a.pid()?;
    let idle = settled_mem(pid, p.settle).await?;
    println!(
        "  G9 agent idle RSS {:.1} MiB (peak {:.1} MiB)",
        idle.rss_mib(),
        idle.hwm_mib()
    );
    let t = Instant::now();
    let mut arns: Vec<String> = Vec::with_capacity(p.agent_tasks);
    while arns.len() < p.agent_tasks {
        let count = (p.agent_tasks - arns.len()).min(10);
        let r = g
            .call(
                "RunTask",
                serde_json::json!({"cluster": AGENT_CLUSTER, "taskDefinition": TASK_FAMILY, "count": count}),
            )
            .await?;
        let placed: Vec<String> = r["tasks"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|t| t["taskArn"].as_str().map(str::to_string))
            .collect();
        if placed.is_empty() {
            bail!("RunTask placed nothing: {}", r["failures"]);
        }
        arns.extend(placed);
    }
    loop {
        a.check_alive()?;
        let n = running_of(g, &arns).await?;
        if n >= arns.len() {
            break;
        }
        if t.elapsed() > p.agent_budget {
            bail!(
                "{n} of {} tasks RUNNING after {:?}",
                arns.len(),
                p.agent_budget
            );
        }
        tokio::time::sleep(POLL).await;
    }
    let start_s = t.elapsed().as_secs_f64();
    let loaded = settled_mem(pid, p.settle).await?;
    let shim = match &a.instance_arn {
        Some(arn) => shim_mib(arn).await,
        None => None,
    };
    println!(
        "  G9 agent with {} tasks (all RUNNING after {start_s:.1} s): RSS {:.1} MiB (peak {:.1} MiB){}",
        arns.len(),
        loaded.rss_mib(),
        loaded.hwm_mib(),
        shim.map(|(m, n)| format!("; containerd-shim {m:.1} MiB each ({n} read)"))
            .unwrap_or_default()
    );
    drop(a);
    Ok(AgentFigures {
        idle,
        loaded,
        tasks: arns.len(),
        start_s,
        shim,
    })
}

pub async fn run(
    ctx: &Ctx,
    details: &mut serde_json::Map<String, serde_json::Value>,
) -> Result<Vec<Row>> {
    ensure_image(&ctx.work).await?;
    let p = params(ctx.quick);
    let cp = {
        let g = Arc::new(
            GantryProc::start(
                &ctx.gantry_bin,
                "server",
                &ctx.work,
                crate::procs::run_nonce(),
            )
            .await?,
        );
        g.call(
            "CreateCluster",
            serde_json::json!({"clusterName": SIM_CLUSTER}),
        )
        .await?;
        let mut sims = Vec::with_capacity(p.sim_agents);
        for i in 0..p.sim_agents {
            let mut c = SimAgentConfig::new(
                &g.endpoint,
                &g.access_key_id,
                &g.secret_access_key,
                SIM_CLUSTER,
            );
            c.attributes = vec![(
                "ecs.availability-zone".into(),
                Some(format!("us-east-1{}", ['a', 'b', 'c'][i % 3])),
            )];
            sims.push(SimAgent::start(c).await?);
        }
        let cp = control_plane(&g, &p, &sims).await;
        for s in sims {
            let _ = s.stop().await;
        }
        cp?
    };
    // The agent joins a fresh control plane of its own, so the figures do
    // not depend on the loaded one; its generous timeouts keep a busy
    // machine from declaring the host lost mid-measurement.
    let ag = {
        let g = GantryProc::start_with_args(
            &ctx.gantry_bin,
            "server",
            &ctx.work,
            crate::procs::run_nonce(),
            &["--agent-timeout", "30", "--host-lost-after", "120"],
        )
        .await?;
        agent(ctx, &g, &p).await?
    };
    let per_task = (ag.loaded.rss_mib() - ag.idle.rss_mib()) / ag.tasks as f64;
    details.insert(
        "g9".into(),
        serde_json::json!({
            "control_plane": {
                "services_wanted": p.services, "services": cp.services,
                "tasks_wanted": p.services * p.tasks_per_service,
                "tasks_running": cp.tasks, "simulated_agents": p.sim_agents,
                "fill_seconds": cp.fill_s, "complete": cp.complete, "fill_error": cp.creation_error, "mem_kib": cp.mem,
            },
            "agent": {
                "idle_kib": ag.idle, "loaded_kib": ag.loaded, "tasks": ag.tasks,
                "start_seconds": ag.start_s, "per_task_mib": per_task,
                "containerd_shim_mib_each": ag.shim.map(|s| s.0),
            },
            "settle_seconds": p.settle.as_secs_f64(),
        }),
    );
    let settle = format!(
        "read {:.1} s after settling (median of 5 reads of /proc/PID/status VmRSS)",
        p.settle.as_secs_f64()
    );
    let cp_note = format!(
        "gantry server with {} services × {} tasks ({} RUNNING{}) on {} simulated agents, filled in {:.0} s; peak (VmHWM) {:.1} MiB; {settle}",
        cp.services,
        p.tasks_per_service,
        cp.tasks,
        match (&cp.creation_error, cp.complete) {
            (Some(e), _) => format!("; fill stopped by an error: {e}"),
            (None, true) => String::new(),
            (None, false) => format!("; fill budget reached: {} services wanted", p.services),
        },
        p.sim_agents,
        cp.fill_s,
        cp.mem.hwm_mib()
    );
    let shim = ag
        .shim
        .map(|(m, n)| {
            format!("; this Engine's containerd-shim measured {m:.1} MiB per container ({n} read)")
        })
        .unwrap_or_default();
    Ok(vec![
        Row::new(
            "G9",
            "agent RSS, idle",
            "MiB",
            ag.idle.rss_mib(),
            "absolute target",
            None,
            false,
            Target::AtMost(30.0),
            format!(
                "gantry agent registered and connected, no tasks; peak {:.1} MiB; {settle}",
                ag.idle.hwm_mib()
            ),
        ),
        Row::new(
            "G9",
            format!("agent RSS increment per task ({} tasks)", ag.tasks),
            "MiB/task",
            per_task,
            "runc ≈ 4 MiB per container",
            Some(RUNC_MIB_PER_CONTAINER),
            false,
            Target::RatioAtMost(1.0),
            format!(
                "(RSS with {n} busybox sleep containers − idle) / {n}: {:.1} MiB with {n} tasks (peak {:.1} MiB), all RUNNING {:.0} s after the first RunTask{shim}; target ours: no more than the runtime's own per-container cost; {settle}",
                ag.loaded.rss_mib(),
                ag.loaded.hwm_mib(),
                ag.start_s,
                n = ag.tasks
            ),
        ),
        Row::new(
            "G9",
            format!(
                "control plane RSS, {} tasks / {} services",
                cp.tasks, cp.services
            ),
            "MiB",
            cp.mem.rss_mib(),
            "absolute target",
            None,
            false,
            Target::AtMost(256.0),
            cp_note,
        ),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_rss_and_peak_from_proc_status() {
        let text = "Name:\tgantry\nVmPeak:\t  900000 kB\nVmHWM:\t   40960 kB\nVmRSS:\t   20480 kB\nThreads:\t5\n";
        let m = parse_status(text).unwrap();
        assert_eq!(
            m,
            Mem {
                rss_kib: 20480,
                hwm_kib: 40960
            }
        );
        assert_eq!(m.rss_mib(), 20.0);
        assert!(parse_status("Name:\tx\n").is_none());
    }

    #[test]
    fn parent_pid_after_an_awkward_command_name() {
        assert_eq!(parse_ppid("42 (sleep) S 17 42 42 0 -1"), Some(17));
        assert_eq!(parse_ppid("42 (a b) c) S 9 42"), Some(9));
        assert_eq!(parse_ppid("garbage"), None);
    }

    #[test]
    fn quick_counts_are_small() {
        let q = params(true);
        assert!(q.services * q.tasks_per_service <= 100 && q.agent_tasks <= 5);
        let f = params(false);
        assert_eq!(f.services * f.tasks_per_service, 10_000);
        assert_eq!((f.services, f.agent_tasks), (1_000, 100));
    }
}
