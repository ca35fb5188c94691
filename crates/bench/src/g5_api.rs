//! G5: the ECS API under load, with simulated agents.
//!
//! `gantry server` (control plane only, release build, loopback) gets
//! simulated agents ([`gantry_bench::simagent`]: the real sync protocol,
//! every task reported RUNNING at once) and is filled with tasks through
//! RunTask. Then 64 concurrent SigV4-signing clients run a fixed mix for a
//! fixed time: 40% DescribeTasks (10 random known tasks), 40% ListTasks
//! (first page of 100), 20% RunTask (count 1). Latency is measured per
//! class. The peer, when a Python with `moto[server]` is given, is
//! `moto_server` under the same read mix against the same number of tasks.

use crate::gantry_proc::GantryProc;
use crate::procs::{free_port, ChildGuard, Rng};
use crate::report::{Row, Target};
use crate::Ctx;
use anyhow::{bail, Context, Result};
use gantry_agent_api::client::{AgentClient, ClientConfig};
use gantry_bench::simagent::{SimAgent, SimAgentConfig};
use gantry_bench::stats::Summary;
use std::process::Command;
use std::sync::Arc;
use std::time::{Duration, Instant};

const CLUSTER: &str = "bench";
const FAMILY: &str = "gantry-bench-g5";
const CLIENTS: usize = 64;
/// Longest the state fill may take (the row notes how many tasks it reached).
const FILL_BUDGET: Duration = Duration::from_secs(150);

struct Params {
    agents: usize,
    tasks: usize,
    duration: Duration,
}

fn params(quick: bool) -> Params {
    if quick {
        Params {
            agents: 2,
            tasks: 40,
            duration: Duration::from_secs(1),
        }
    } else {
        Params {
            agents: 20,
            tasks: 10_000,
            duration: Duration::from_secs(20),
        }
    }
}

/// What the load phase measured.
struct Load {
    reads: Vec<Duration>,
    writes: Vec<Duration>,
    errors: usize,
    first_error: Option<String>,
    seconds: f64,
}

fn client(endpoint: &str, key: &str, secret: &str) -> Result<AgentClient> {
    let mut c = ClientConfig::new(vec![endpoint.to_string()], "us-east-1", key, secret, None);
    c.request_timeout = Duration::from_secs(30);
    Ok(AgentClient::new(c)?)
}

async fn register_taskdef(c: &AgentClient) -> Result<()> {
    c.ecs_call(
        "RegisterTaskDefinition",
        &serde_json::json!({
            "family": FAMILY,
            "containerDefinitions": [{
                "name": "app", "image": "gantry-test/busybox:latest", "essential": true,
                "memory": 16, "cpu": 8, "command": ["sleep", "3600"],
            }],
        }),
    )
    .await?;
    Ok(())
}

/// RunTask in batches of 10 from 8 fillers until `n` tasks exist or
/// `budget` has passed; returns their ARNs.
async fn fill(c: Arc<AgentClient>, n: usize, budget: Duration) -> Result<Vec<String>> {
    let deadline = Instant::now() + budget;
    let mut set = tokio::task::JoinSet::new();
    let per = n.div_ceil(8);
    for w in 0..8 {
        let c = c.clone();
        let mine = per.min(n.saturating_sub(w * per));
        set.spawn(async move {
            let mut arns = Vec::with_capacity(mine);
            while arns.len() < mine && Instant::now() < deadline {
                let count = (mine - arns.len()).min(10);
                let r = c
                    .ecs_call(
                        "RunTask",
                        &serde_json::json!({"cluster": CLUSTER, "taskDefinition": FAMILY, "count": count}),
                    )
                    .await?;
                let placed: Vec<String> = r["tasks"]
                    .as_array()
                    .map(|a| a.iter().filter_map(|t| t["taskArn"].as_str().map(str::to_string)).collect())
                    .unwrap_or_default();
                if placed.is_empty() {
                    bail!("RunTask placed nothing: {}", r["failures"]);
                }
                arns.extend(placed);
            }
            Ok::<_, anyhow::Error>(arns)
        });
    }
    let mut all = Vec::with_capacity(n);
    while let Some(r) = set.join_next().await {
        all.extend(r.context("filler panicked")??);
    }
    Ok(all)
}

/// Runs the mix; `write_share` percent of operations are RunTask.
async fn load(
    clients: Vec<Arc<AgentClient>>,
    arns: Arc<Vec<String>>,
    duration: Duration,
    write_share: u64,
) -> Result<Load> {
    let start = Instant::now();
    let deadline = start + duration;
    let mut set = tokio::task::JoinSet::new();
    for (i, c) in clients.into_iter().enumerate() {
        let arns = arns.clone();
        set.spawn(async move {
            let mut rng = Rng::new(0x5eed + i as u64);
            let mut reads = Vec::new();
            let mut writes = Vec::new();
            let mut errors = 0usize;
            let mut first_error = None;
            while Instant::now() < deadline {
                let roll = rng.below(100);
                let (write, op, body) = if roll < write_share {
                    (true, "RunTask", serde_json::json!({"cluster": CLUSTER, "taskDefinition": FAMILY, "count": 1}))
                } else if roll < write_share + (100 - write_share) / 2 {
                    let tasks: Vec<&String> = (0..10)
                        .map(|_| &arns[rng.below(arns.len() as u64) as usize])
                        .collect();
                    (false, "DescribeTasks", serde_json::json!({"cluster": CLUSTER, "tasks": tasks}))
                } else {
                    (false, "ListTasks", serde_json::json!({"cluster": CLUSTER, "maxResults": 100}))
                };
                let t = Instant::now();
                // The answer is read whole and checked to be JSON, but not
                // built into a tree: the load generator shares the cores.
                match c.ecs_call_as::<serde::de::IgnoredAny>(op, &body).await {
                    Ok(_) => {
                        if write {
                            writes.push(t.elapsed());
                        } else {
                            reads.push(t.elapsed());
                        }
                    }
                    Err(e) => {
                        errors += 1;
                        first_error.get_or_insert_with(|| format!("{op}: {e}"));
                    }
                }
            }
            (reads, writes, errors, first_error)
        });
    }
    let mut out = Load {
        reads: Vec::new(),
        writes: Vec::new(),
        errors: 0,
        first_error: None,
        seconds: 0.0,
    };
    while let Some(r) = set.join_next().await {
        let (r, w, e, f) = r.context("client panicked")?;
        out.reads.extend(r);
        out.writes.extend(w);
        out.errors += e;
        if out.first_error.is_none() {
            out.first_error = f;
        }
    }
    out.seconds = start.elapsed().as_secs_f64();
    Ok(out)
}

/// `moto_server` on a loopback port, killed on drop.
struct Moto {
    endpoint: String,
    _child: ChildGuard,
}

impl Moto {
    async fn start(python: &std::path::Path, work: &std::path::Path) -> Result<Moto> {
        let port = free_port()?;
        let mut cmd = Command::new(python);
        cmd.args([
            "-m",
            "moto.server",
            "-H",
            "127.0.0.1",
            "-p",
            &port.to_string(),
        ]);
        let mut child = ChildGuard::spawn("moto_server", cmd, &work.join("moto.log"))?;
        let endpoint = format!("http://127.0.0.1:{port}");
        let http = reqwest::Client::new();
        let started = Instant::now();
        loop {
            child.check_alive()?;
            if http
                .get(format!("{endpoint}/moto-api/"))
                .send()
                .await
                .is_ok()
            {
                break;
            }
            if started.elapsed() > Duration::from_secs(60) {
                bail!("moto_server did not answer in 60 s");
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        Ok(Moto {
            endpoint,
            _child: child,
        })
    }
}

/// Fills moto with the same number of tasks, through `bench/moto_seed.py`
/// (boto3: moto needs real EC2 instances behind its container instances),
/// and returns their ARNs.
async fn moto_fill(python: &std::path::Path, endpoint: &str, n: usize) -> Result<Vec<String>> {
    let out = tokio::process::Command::new(python)
        .args([
            "bench/moto_seed.py",
            endpoint,
            CLUSTER,
            FAMILY,
            &n.to_string(),
        ])
        .output()
        .await
        .context("cannot run bench/moto_seed.py")?;
    if !out.status.success() {
        bail!(
            "bench/moto_seed.py failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let arns: Vec<String> = serde_json::from_slice(&out.stdout).context("moto_seed.py output")?;
    if arns.len() < n {
        bail!("moto holds {} of {n} tasks", arns.len());
    }
    Ok(arns)
}

fn read_rows(
    reads: &Summary,
    writes: &Summary,
    tput: f64,
    peer: Option<(f64, Summary)>,
    note: &str,
) -> Vec<Row> {
    let mut rows = vec![
        Row::new(
            "G5",
            "API p99 read latency (64 clients)",
            "ms",
            reads.p99_ms,
            "absolute target",
            None,
            false,
            Target::AtMost(10.0),
            note,
        ),
        Row::new(
            "G5",
            "API p99 write latency (64 clients)",
            "ms",
            writes.p99_ms,
            "absolute target",
            None,
            false,
            Target::AtMost(50.0),
            note,
        ),
    ];
    match peer {
        Some((moto_tput, moto_reads)) => {
            rows.push(Row::new(
                "G5",
                "API read-mix throughput (64 clients)",
                "req/s",
                tput,
                "moto_server",
                Some(moto_tput),
                true,
                Target::RatioAtLeast(20.0),
                format!("{note}; moto read p99 {:.1} ms", moto_reads.p99_ms),
            ));
        }
        None => rows.push(Row::new(
            "G5",
            "API read-mix throughput (64 clients)",
            "req/s",
            tput,
            "moto_server (not run)",
            None,
            false,
            Target::RatioAtLeast(20.0),
            format!("{note}; pass --moto-python to measure the peer"),
        )),
    }
    rows
}

/// A one-thread runtime for the simulated agents, shut down (without
/// waiting) when dropped, also on an early return.
struct AgentsRuntime(Option<tokio::runtime::Runtime>);

impl AgentsRuntime {
    fn new() -> Result<AgentsRuntime> {
        Ok(AgentsRuntime(Some(
            tokio::runtime::Builder::new_multi_thread()
                .worker_threads(1)
                .thread_name("g5-sim-agents")
                .enable_all()
                .build()?,
        )))
    }

    fn handle(&self) -> &tokio::runtime::Handle {
        self.0.as_ref().expect("runtime until dropped").handle()
    }
}

impl Drop for AgentsRuntime {
    fn drop(&mut self) {
        if let Some(rt) = self.0.take() {
            rt.shutdown_background();
        }
    }
}

pub async fn run(
    ctx: &Ctx,
    details: &mut serde_json::Map<String, serde_json::Value>,
) -> Result<Vec<Row>> {
    let p = params(ctx.quick);
    let nonce = crate::procs::run_nonce();
    let g = GantryProc::start(&ctx.gantry_bin, "server", &ctx.work, nonce).await?;
    g.call("CreateCluster", serde_json::json!({"clusterName": CLUSTER}))
        .await?;
    // The simulated agents stand for other hosts: they run on their own
    // runtime thread, so that decoding a host's whole desired state (about
    // 0.7 MB at 500 tasks) never holds up the load clients' runtime and
    // shows up in their measured latencies.
    let agents_rt = AgentsRuntime::new()?;
    let mut agents = Vec::with_capacity(p.agents);
    for i in 0..p.agents {
        let mut c =
            SimAgentConfig::new(&g.endpoint, &g.access_key_id, &g.secret_access_key, CLUSTER);
        c.attributes = vec![(
            "ecs.availability-zone".into(),
            Some(format!("us-east-1{}", ['a', 'b', 'c'][i % 3])),
        )];
        agents.push(agents_rt.handle().spawn(SimAgent::start(c)).await??);
    }
    let admin = Arc::new(client(&g.endpoint, &g.access_key_id, &g.secret_access_key)?);
    register_taskdef(&admin).await?;
    let t = Instant::now();
    let arns = Arc::new(fill(admin.clone(), p.tasks, FILL_BUDGET).await?);
    let fill_s = t.elapsed().as_secs_f64();
    // Wait until the simulated agents have reported every task RUNNING.
    let settle = Instant::now();
    loop {
        let running: usize = agents
            .iter()
            .map(|a| a.stats.running.load(std::sync::atomic::Ordering::Relaxed))
            .sum();
        if running >= arns.len() {
            break;
        }
        if settle.elapsed() > Duration::from_secs(120) {
            bail!(
                "simulated agents report {running} of {} tasks RUNNING after 120 s",
                arns.len()
            );
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let settle_s = settle.elapsed().as_secs_f64();
    println!(
        "  G5 state: {} tasks on {} simulated agents (RunTask fill {:.1} s, all RUNNING {:.1} s later)",
        arns.len(), p.agents, fill_s, settle_s
    );
    let clients: Vec<Arc<AgentClient>> = (0..CLIENTS)
        .map(|_| client(&g.endpoint, &g.access_key_id, &g.secret_access_key).map(Arc::new))
        .collect::<Result<_>>()?;
    let mixed = load(clients.clone(), arns.clone(), p.duration, 20).await?;
    let reads_only = load(clients, arns.clone(), p.duration, 0).await?;
    for a in agents {
        a.stop().await?;
    }
    drop(g);
    let (mr, mw) = (Summary::of(&mixed.reads), Summary::of(&mixed.writes));
    let ro = Summary::of(&reads_only.reads);
    let ro_tput = reads_only.reads.len() as f64 / reads_only.seconds;
    println!(
        "  G5 gantry mixed: {:.0} req/s, read p99 {:.1} ms, write p99 {:.1} ms, {} errors | read-only: {:.0} req/s p99 {:.1} ms",
        (mixed.reads.len() + mixed.writes.len()) as f64 / mixed.seconds,
        mr.p99_ms, mw.p99_ms, mixed.errors, ro_tput, ro.p99_ms
    );
    if mixed.errors + reads_only.errors > 0 {
        bail!(
            "{} requests failed; first: {}",
            mixed.errors + reads_only.errors,
            mixed
                .first_error
                .or(reads_only.first_error)
                .unwrap_or_default()
        );
    }
    let mut peer = None;
    let mut moto_detail = serde_json::Value::Null;
    if let Some(py) = &ctx.moto_python {
        let moto = Moto::start(py, &ctx.work).await?;
        let moto_arns = Arc::new(moto_fill(py, &moto.endpoint, arns.len()).await?);
        let clients: Vec<Arc<AgentClient>> = (0..CLIENTS)
            .map(|_| {
                client(
                    &moto.endpoint,
                    "AKIAIOSFODNN7EXAMPLE",
                    "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
                )
                .map(Arc::new)
            })
            .collect::<Result<_>>()?;
        let m = load(clients, moto_arns, p.duration, 0).await?;
        drop(moto);
        if m.errors > 0 {
            bail!(
                "{} moto requests failed; first: {}",
                m.errors,
                m.first_error.unwrap_or_default()
            );
        }
        let ms = Summary::of(&m.reads);
        let mt = m.reads.len() as f64 / m.seconds;
        println!("  G5 moto read-only: {mt:.0} req/s p99 {:.1} ms", ms.p99_ms);
        moto_detail = serde_json::json!({"reads_ms": ms, "per_second": mt});
        peer = Some((mt, ms));
    }
    details.insert(
        "g5".into(),
        serde_json::json!({
            "agents": p.agents, "tasks": arns.len(), "clients": CLIENTS, "seconds": p.duration.as_secs(),
            "fill_seconds": fill_s, "settle_seconds": settle_s,
            "mixed": {"reads_ms": mr, "writes_ms": mw, "per_second": (mixed.reads.len() + mixed.writes.len()) as f64 / mixed.seconds},
            "read_only": {"reads_ms": ro, "per_second": ro_tput},
            "moto_read_only": moto_detail,
        }),
    );
    let note = format!(
        "{} tasks in state on {} simulated agents (own runtime thread), {CLIENTS} SigV4 clients for {} s; mix 40% DescribeTasks(10) / 40% ListTasks(100) / 20% RunTask(1); throughput row: read-only mix",
        arns.len(), p.agents, p.duration.as_secs()
    );
    Ok(read_rows(&mr, &mw, ro_tput, peer, &note))
}
