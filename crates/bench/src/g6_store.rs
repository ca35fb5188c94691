//! G6: durable store commits/s and latency, RedbStore versus etcd.
//!
//! Both sides do the same work: W concurrent writers each put unique keys
//! (`bench/<writer>/<n>`) with 256-byte values until the per-case put count
//! or the time budget is reached; every put is acknowledged only once it is
//! durable (redb: fsync'd commit; etcd: fsync'd WAL). Gantry's store is
//! driven in-process through the `Store` trait; etcd (Debian's
//! `etcd-server`, single member, on a temporary data dir on the same disk,
//! loopback ports) through its HTTP/JSON gRPC gateway (`/v3/kv/put`), which
//! adds an HTTP round trip to each put (measured separately as etcd's
//! serialisable-read latency and reported in the details).

use crate::procs::{base64, free_port, ChildGuard};
use crate::report::{Row, Target};
use anyhow::{bail, Context, Result};
use gantry_bench::stats::Summary;
use gantry_store::Store;
use gantry_store_redb::RedbStore;
use std::path::Path;
use std::process::Command;
use std::sync::Arc;
use std::time::{Duration, Instant};

const VALUE_LEN: usize = 256;

/// One load case.
#[derive(Debug, Clone, Copy)]
pub struct Case {
    pub writers: usize,
    pub puts: usize,
    pub budget: Duration,
}

pub fn cases(quick: bool) -> Vec<Case> {
    if quick {
        vec![
            Case {
                writers: 1,
                puts: 20,
                budget: Duration::from_secs(2),
            },
            Case {
                writers: 10,
                puts: 100,
                budget: Duration::from_secs(2),
            },
        ]
    } else {
        vec![
            Case {
                writers: 1,
                puts: 2_000,
                budget: Duration::from_secs(15),
            },
            Case {
                writers: 100,
                puts: 20_000,
                budget: Duration::from_secs(15),
            },
        ]
    }
}

/// Throughput and latency of one side of one case.
#[derive(Debug, Clone, Copy)]
pub struct Measured {
    pub commits: usize,
    pub seconds: f64,
    pub latency: Summary,
}

impl Measured {
    pub fn per_second(&self) -> f64 {
        self.commits as f64 / self.seconds
    }
}

/// Runs `case` with `put(writer, n)` as the unit of work.
async fn drive<F, Fut>(case: Case, put: F) -> Result<Measured>
where
    F: Fn(usize, usize) -> Fut + Send + Sync + 'static,
    Fut: std::future::Future<Output = Result<()>> + Send,
{
    let put = Arc::new(put);
    let per_writer = case.puts.div_ceil(case.writers);
    let start = Instant::now();
    let deadline = start + case.budget;
    let mut set = tokio::task::JoinSet::new();
    for w in 0..case.writers {
        let put = put.clone();
        set.spawn(async move {
            let mut lat = Vec::with_capacity(per_writer);
            for n in 0..per_writer {
                if Instant::now() >= deadline {
                    break;
                }
                let t = Instant::now();
                put(w, n).await?;
                lat.push(t.elapsed());
            }
            Ok::<_, anyhow::Error>(lat)
        });
    }
    let mut all = Vec::with_capacity(case.puts);
    while let Some(r) = set.join_next().await {
        all.extend(r.context("writer task panicked")??);
    }
    let seconds = start.elapsed().as_secs_f64();
    if all.is_empty() {
        bail!("no put completed");
    }
    Ok(Measured {
        commits: all.len(),
        seconds,
        latency: Summary::of(&all),
    })
}

fn key(w: usize, n: usize) -> String {
    format!("bench/{w:03}/{n:08}")
}

pub async fn run_redb(case: Case, work: &Path) -> Result<Measured> {
    let dir = tempfile::Builder::new()
        .prefix("g6-redb-")
        .tempdir_in(work)?;
    let path = dir.path().join("store.redb");
    let store = Arc::new(tokio::task::spawn_blocking(move || RedbStore::open(&path)).await??);
    let s = store.clone();
    let m = drive(case, move |w, n| {
        let s = s.clone();
        async move {
            s.put(&key(w, n), vec![b'x'; VALUE_LEN]).await?;
            Ok(())
        }
    })
    .await?;
    // Close the store (joins the writer thread) before the directory goes.
    drop(store);
    drop(dir);
    Ok(m)
}

/// A single-member etcd on loopback with a temporary data dir; killed on drop.
pub struct Etcd {
    pub client_url: String,
    _child: ChildGuard,
    _dir: tempfile::TempDir,
}

impl Etcd {
    pub async fn start(work: &Path) -> Result<Etcd> {
        let dir = tempfile::Builder::new()
            .prefix("g6-etcd-")
            .tempdir_in(work)?;
        let client = free_port()?;
        let peer = free_port()?;
        let client_url = format!("http://127.0.0.1:{client}");
        let peer_url = format!("http://127.0.0.1:{peer}");
        let mut cmd = Command::new("etcd");
        cmd.args([
            "--name",
            "bench",
            "--data-dir",
            &dir.path().join("data").to_string_lossy(),
            "--listen-client-urls",
            &client_url,
            "--advertise-client-urls",
            &client_url,
            "--listen-peer-urls",
            &peer_url,
            "--initial-advertise-peer-urls",
            &peer_url,
            "--initial-cluster",
            &format!("bench={peer_url}"),
            "--initial-cluster-state",
            "new",
            "--log-level",
            "error",
            "--logger",
            "zap",
        ]);
        // Debian's etcd refuses to run on some architectures without this; harmless here.
        cmd.env("ETCD_UNSUPPORTED_ARCH", std::env::consts::ARCH);
        let mut child = ChildGuard::spawn("etcd", cmd, &dir.path().join("etcd.log"))?;
        let http = reqwest::Client::new();
        let health = format!("{client_url}/health");
        let started = Instant::now();
        loop {
            child.check_alive().with_context(|| {
                std::fs::read_to_string(dir.path().join("etcd.log")).unwrap_or_default()
            })?;
            if let Ok(r) = http.get(&health).send().await {
                if r.status().is_success() {
                    break;
                }
            }
            if started.elapsed() > Duration::from_secs(30) {
                bail!("etcd did not become healthy in 30 s");
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        Ok(Etcd {
            client_url,
            _child: child,
            _dir: dir,
        })
    }

    fn client(writers: usize) -> Result<reqwest::Client> {
        Ok(reqwest::Client::builder()
            .pool_max_idle_per_host(writers.max(1))
            .timeout(Duration::from_secs(30))
            .build()?)
    }

    pub async fn puts(&self, case: Case) -> Result<Measured> {
        let http = Etcd::client(case.writers)?;
        let url = format!("{}/v3/kv/put", self.client_url);
        let value = base64(&[b'x'; VALUE_LEN]);
        drive(case, move |w, n| {
            let body = serde_json::json!({"key": base64(key(w, n).as_bytes()), "value": value});
            let req = http.post(&url).json(&body);
            async move {
                let r = req.send().await?;
                if !r.status().is_success() {
                    bail!("etcd put failed: HTTP {}", r.status());
                }
                let _ = r.bytes().await?;
                Ok(())
            }
        })
        .await
    }

    /// Serialisable reads: the gateway's round trip without consensus or fsync.
    pub async fn reads(&self, n: usize) -> Result<Summary> {
        let http = Etcd::client(1)?;
        let url = format!("{}/v3/kv/range", self.client_url);
        let body = serde_json::json!({"key": base64(key(0, 0).as_bytes()), "serializable": true});
        let mut lat = Vec::with_capacity(n);
        for _ in 0..n {
            let t = Instant::now();
            let r = http.post(&url).json(&body).send().await?;
            let _ = r.bytes().await?;
            lat.push(t.elapsed());
        }
        Ok(Summary::of(&lat))
    }
}

pub async fn run(
    quick: bool,
    work: &Path,
    details: &mut serde_json::Map<String, serde_json::Value>,
) -> Result<Vec<Row>> {
    // Without etcd Gantry's store is still measured; the rows say why the peer is missing.
    let have_etcd = crate::procs::run_blocking("etcd", &["--version"]).is_some();
    if !have_etcd {
        eprintln!("  G6 peer unavailable: etcd is not installed (apt-get install -y etcd-server)");
    }
    let peer_name = if have_etcd {
        "etcd"
    } else {
        "etcd: not installed (apt-get install etcd-server)"
    };
    let mut rows = Vec::new();
    let mut detail = Vec::new();
    for case in cases(quick) {
        // Fresh etcd per case, started before Gantry's run so both see the same page cache state.
        let peer = if have_etcd {
            let etcd = Etcd::start(work).await?;
            let e = etcd.puts(case).await?;
            let rtt = etcd.reads(if quick { 10 } else { 200 }).await?;
            drop(etcd);
            Some((e, rtt))
        } else {
            None
        };
        let g = run_redb(case, work).await?;
        println!(
            "  G6 {:>3} writers: redb {:>8.0} commits/s p99 {:>7.2} ms | etcd {}",
            case.writers,
            g.per_second(),
            g.latency.p99_ms,
            match &peer {
                Some((e, _)) => format!(
                    "{:>8.0} commits/s p99 {:>7.2} ms",
                    e.per_second(),
                    e.latency.p99_ms
                ),
                None => "not installed".to_string(),
            }
        );
        let cond = match &peer {
            Some((e, rtt)) => format!(
                "{} writer(s), {} vs {} puts of {VALUE_LEN} B (cap {}, {} s budget); etcd via HTTP gateway, its no-fsync round trip p50 {:.2} ms",
                case.writers,
                g.commits,
                e.commits,
                case.puts,
                case.budget.as_secs(),
                rtt.p50_ms
            ),
            None => format!(
                "{} writer(s), {} puts of {VALUE_LEN} B (cap {}, {} s budget); etcd not installed",
                case.writers,
                g.commits,
                case.puts,
                case.budget.as_secs(),
            ),
        };
        let plural = if case.writers == 1 { "" } else { "s" };
        rows.push(Row::new(
            "G6",
            format!("commits/s, {} writer{plural}", case.writers),
            "commits/s",
            g.per_second(),
            peer_name,
            peer.as_ref().map(|(e, _)| e.per_second()),
            peer.is_some(),
            Target::RatioAtLeast(1.0),
            cond.clone(),
        ));
        rows.push(Row::new(
            "G6",
            format!("put p99, {} writer{plural}", case.writers),
            "ms",
            g.latency.p99_ms,
            peer_name,
            peer.as_ref().map(|(e, _)| e.latency.p99_ms),
            peer.is_some(),
            Target::RatioAtMost(1.0),
            cond,
        ));
        detail.push(serde_json::json!({
            "writers": case.writers,
            "redb": {"commits": g.commits, "seconds": g.seconds, "per_second": g.per_second(), "latency_ms": g.latency},
            "etcd": peer.as_ref().map(|(e, _)| serde_json::json!({"commits": e.commits, "seconds": e.seconds, "per_second": e.per_second(), "latency_ms": e.latency})),
            "etcd_serializable_read_ms": peer.as_ref().map(|(_, rtt)| rtt),
        }));
    }
    details.insert("g6".into(), serde_json::Value::Array(detail));
    Ok(rows)
}
