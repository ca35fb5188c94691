//! G7: log shipping, container stdout → queryable through the Logs API,
//! versus the Docker Engine's own `awslogs` log driver pointed at Gantry's
//! Logs endpoint (`awslogs-endpoint`).
//!
//! One `gantry up` (release build) serves both sides: Gantry's side is a
//! task (RunTask) whose container definition says `logDriver: awslogs`, so
//! Gantry's agent ships it; the peer is the same image and command started
//! with `docker run --log-driver awslogs --log-opt awslogs-endpoint=http://…`
//! so the Engine's driver ships it to the same Logs API. Each side gets its
//! own log group; the stream is found with DescribeLogStreams.
//!
//! - Throughput: a container writes `N` numbered lines of 100 bytes (99 and
//!   a newline) as fast as busybox awk can. The time is from the first
//!   line's event timestamp (Docker's capture time, on both sides) until a
//!   GetLogEvents follower (forward tokens, polled every 20 ms when idle)
//!   has seen all `N` events; lines/s and MiB/s (of the 100-byte lines).
//! - Write-to-visible: a container waits 1 s (so both drivers have their
//!   stream), then writes one line every ~10 ms for a few seconds, each
//!   carrying `/proc/uptime` at write time; the follower notes
//!   `/proc/uptime` when it first sees the line (same kernel clock,
//!   10 ms resolution): p50/p99 of the difference. The container stays up
//!   after its last line, so what is measured is the steady-state path,
//!   not a driver's flush when the container exits.
//!
//! The Engine's driver needs AWS credentials; it reads the shared
//! credentials file of the user it runs as (root). The daemon is not
//! restarted: Gantry's root credentials are written to
//! `/root/.aws/credentials` only while the peer runs, by a guard that
//! restores any previous file byte for byte (or removes ours) when it drops,
//! also on error or Ctrl-C. `bench/run` restores it after a killed run (the
//! file we write starts with [`CRED_MARKER`]; the previous one waits in
//! `credentials.gantry-bench-g7.bak`). If the peer cannot run, Gantry is
//! still measured and the rows say why the peer is missing. `--quick`
//! measures Gantry's side alone, with 2,000 lines and 30 ticks.

use crate::gantry_proc::GantryProc;
use crate::procs::{run as cmd, ContainerSweeper};
use crate::report::{Row, Target};
use crate::Ctx;
use anyhow::{bail, Context, Result};
use gantry_agent_api::client::system_time;
use gantry_bench::stats::Summary;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, UNIX_EPOCH};

const IMAGE: &str = crate::g1_task_start::IMAGE;
const LINE_BYTES: usize = 100;
const POLL: Duration = Duration::from_millis(20);
const TICK_MS: u64 = 10;
const TIMEOUT: Duration = Duration::from_secs(180);
const CRED_PATH: &str = "/root/.aws/credentials";
/// First line of the credentials file this benchmark writes.
pub const CRED_MARKER: &str = "# gantry-bench G7 temporary credentials";

/// Shell command writing `n` numbered lines of [`LINE_BYTES`] bytes.
fn bulk_script(n: usize) -> String {
    format!(
        "awk 'BEGIN{{p=sprintf(\"%{}s\",\"\"); gsub(/ /,\"x\",p); \
         for(i=1;i<={n};i++) printf \"%08d %s\\n\", i, p}}'",
        LINE_BYTES - 10
    )
}

/// Shell command writing `n` lines `t <i> <uptime>`, one every ~10 ms,
/// then staying up (so no driver's flush-at-exit shortens the wait).
fn tick_script(n: usize) -> String {
    format!(
        "sleep 1; i=0; while [ $i -lt {n} ]; do read u r < /proc/uptime; \
         echo \"t $i $u\"; i=$((i+1)); usleep {}; done; sleep 120",
        TICK_MS * 1000
    )
}

/// Seconds since boot (the clock the container's lines carry).
fn uptime() -> Result<f64> {
    let s = std::fs::read_to_string("/proc/uptime")?;
    s.split_whitespace()
        .next()
        .and_then(|v| v.parse().ok())
        .context("cannot parse /proc/uptime")
}

fn wall_ms() -> i64 {
    system_time()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as i64)
}

/// One event as the follower first saw it.
struct Seen {
    timestamp_ms: i64,
    message: String,
    seen_wall_ms: i64,
    seen_uptime: f64,
}

/// Follows the only stream of `group` with GetLogEvents until `n` events
/// were seen (or [`TIMEOUT`]).
async fn follow(g: &GantryProc, group: &str, n: usize) -> Result<Vec<Seen>> {
    let started = Instant::now();
    let stream = loop {
        let r = g
            .client
            .logs_call(
                "DescribeLogStreams",
                &serde_json::json!({"logGroupName": group}),
            )
            .await;
        if let Ok(v) = r {
            if let Some(s) = v["logStreams"][0]["logStreamName"].as_str() {
                break s.to_string();
            }
        }
        if started.elapsed() > TIMEOUT {
            bail!("no log stream in {group} after {TIMEOUT:?}");
        }
        tokio::time::sleep(POLL).await;
    };
    let mut seen = Vec::with_capacity(n);
    let mut token: Option<String> = None;
    while seen.len() < n {
        let mut body = serde_json::json!({
            "logGroupName": group, "logStreamName": stream, "startFromHead": true,
        });
        if let Some(t) = &token {
            body["nextToken"] = serde_json::Value::String(t.clone());
        }
        let v = g
            .client
            .logs_call("GetLogEvents", &body)
            .await
            .context("GetLogEvents failed")?;
        let (now_wall, now_up) = (wall_ms(), uptime()?);
        let events = v["events"].as_array().cloned().unwrap_or_default();
        for e in &events {
            seen.push(Seen {
                timestamp_ms: e["timestamp"].as_i64().unwrap_or(0),
                message: e["message"].as_str().unwrap_or_default().to_string(),
                seen_wall_ms: now_wall,
                seen_uptime: now_up,
            });
        }
        token = v["nextForwardToken"].as_str().map(str::to_string);
        if started.elapsed() > TIMEOUT {
            bail!(
                "{group}/{stream}: {} of {n} events after {TIMEOUT:?}",
                seen.len()
            );
        }
        if events.is_empty() {
            tokio::time::sleep(POLL).await;
        }
    }
    Ok(seen)
}

/// Lines/s and MiB/s from the first line's capture to the last line seen.
#[derive(Debug, Clone, Copy, serde::Serialize)]
struct Throughput {
    lines: usize,
    seconds: f64,
    lines_per_s: f64,
    mib_per_s: f64,
    /// First to last line's capture time: how long the container took to
    /// write them (the part no driver can shorten).
    write_seconds: f64,
    /// Last line's capture until it was seen: the driver's tail.
    tail_ms: i64,
}

fn throughput(seen: &[Seen], n: usize) -> Result<Throughput> {
    let first = seen.iter().map(|s| s.timestamp_ms).min().unwrap_or(0);
    let last_written = seen.iter().map(|s| s.timestamp_ms).max().unwrap_or(0);
    let last = seen.last().map_or(0, |s| s.seen_wall_ms);
    // Every line exactly once, in order.
    for (i, s) in seen.iter().enumerate() {
        let want = format!("{:08}", i + 1);
        if !s.message.starts_with(&want) || s.message.len() != LINE_BYTES - 1 {
            bail!("event {i} is {:?}, expected line {want}", s.message);
        }
    }
    if seen.len() != n {
        bail!("{} events, expected {n}", seen.len());
    }
    let seconds = ((last - first) as f64 / 1e3).max(1e-3);
    Ok(Throughput {
        lines: n,
        seconds,
        lines_per_s: n as f64 / seconds,
        mib_per_s: (n * LINE_BYTES) as f64 / (1024.0 * 1024.0) / seconds,
        write_seconds: (last_written - first) as f64 / 1e3,
        tail_ms: last - last_written,
    })
}

/// Write-to-visible latencies: by the embedded uptime, and (cross-check) by
/// the event timestamp against the wall clock.
fn latencies(seen: &[Seen]) -> Result<(Summary, Summary)> {
    let mut by_uptime = Vec::with_capacity(seen.len());
    let mut by_ts = Vec::with_capacity(seen.len());
    for s in seen {
        let written: f64 = s
            .message
            .split_whitespace()
            .nth(2)
            .and_then(|v| v.parse().ok())
            .with_context(|| format!("unexpected line {:?}", s.message))?;
        by_uptime.push(((s.seen_uptime - written) * 1e3).max(0.0));
        by_ts.push((s.seen_wall_ms - s.timestamp_ms) as f64);
    }
    Ok((Summary::of_ms(by_uptime), Summary::of_ms(by_ts)))
}

/// Writes Gantry's root credentials to [`CRED_PATH`] and restores what was
/// there (or removes the file and the directory it created) on drop.
struct CredentialsGuard {
    path: PathBuf,
    backup: PathBuf,
    previous: Option<(Vec<u8>, std::fs::Permissions)>,
    created_dir: Option<PathBuf>,
}

impl CredentialsGuard {
    fn install(path: &Path, key: &str, secret: &str) -> Result<CredentialsGuard> {
        let dir = path.parent().context("credentials path has no directory")?;
        let created_dir = (!dir.exists()).then(|| dir.to_path_buf());
        std::fs::create_dir_all(dir)?;
        let backup = path.with_file_name("credentials.gantry-bench-g7.bak");
        let previous = match std::fs::read(path) {
            Ok(bytes) => {
                if bytes.starts_with(CRED_MARKER.as_bytes()) {
                    bail!(
                        "{} holds a killed run's temporary credentials; run bench/run to restore it",
                        path.display()
                    );
                }
                let perms = std::fs::metadata(path)?.permissions();
                std::fs::write(&backup, &bytes)
                    .with_context(|| format!("cannot back up {}", path.display()))?;
                Some((bytes, perms))
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            Err(e) => return Err(e).context(format!("cannot read {}", path.display())),
        };
        let guard = CredentialsGuard {
            path: path.to_path_buf(),
            backup,
            previous,
            created_dir,
        };
        std::fs::write(
            path,
            format!(
                "{CRED_MARKER}\n[default]\naws_access_key_id = {key}\naws_secret_access_key = {secret}\n"
            ),
        )
        .with_context(|| format!("cannot write {}", path.display()))?;
        Ok(guard)
    }
}

impl Drop for CredentialsGuard {
    fn drop(&mut self) {
        match self.previous.take() {
            Some((bytes, perms)) => {
                if std::fs::write(&self.path, &bytes).is_ok() {
                    let _ = std::fs::set_permissions(&self.path, perms);
                    let _ = std::fs::remove_file(&self.backup);
                } else {
                    eprintln!(
                        "G7: could not restore {}; the original is in {}",
                        self.path.display(),
                        self.backup.display()
                    );
                }
            }
            None => {
                let _ = std::fs::remove_file(&self.path);
                if let Some(d) = &self.created_dir {
                    let _ = std::fs::remove_dir(d);
                }
            }
        }
    }
}

/// Deletes the benchmark's log groups when dropped (best effort).
struct GroupsGuard<'a> {
    g: &'a GantryProc,
    groups: Vec<String>,
}

impl GroupsGuard<'_> {
    async fn delete_all(&mut self) {
        for group in std::mem::take(&mut self.groups) {
            let _ = self
                .g
                .client
                .logs_call(
                    "DeleteLogGroup",
                    &serde_json::json!({"logGroupName": group}),
                )
                .await;
        }
    }
}

struct Side {
    bulk: Throughput,
    latency: Summary,
    latency_by_timestamp: Summary,
}

async fn register(g: &GantryProc, family: &str, group: &str, script: &str) -> Result<()> {
    g.call(
        "RegisterTaskDefinition",
        serde_json::json!({
            "family": family,
            "networkMode": "bridge",
            "containerDefinitions": [{
                "name": "app", "image": IMAGE, "essential": true, "memory": 128,
                "command": ["sh", "-c", script],
                "logConfiguration": {"logDriver": "awslogs", "options": {
                    "awslogs-group": group, "awslogs-region": "us-east-1",
                    "awslogs-stream-prefix": "g7", "awslogs-create-group": "true",
                }},
            }],
        }),
    )
    .await?;
    Ok(())
}

async fn gantry_side(
    g: &GantryProc,
    groups: &mut GroupsGuard<'_>,
    nonce: u64,
    n: usize,
    ticks: usize,
) -> Result<Side> {
    let mut run = |kind: &str, script: String| {
        let family = format!("gantry-bench-g7-{kind}");
        let group = format!("/gantry-bench/g7/{nonce:x}/gantry-{kind}");
        groups.groups.push(group.clone());
        async move {
            register(g, &family, &group, &script).await?;
            let r = g
                .call(
                    "RunTask",
                    serde_json::json!({"cluster": "default", "taskDefinition": family, "count": 1}),
                )
                .await?;
            if r["tasks"][0]["taskArn"].as_str().is_none() {
                bail!("RunTask placed nothing: {}", r["failures"]);
            }
            Ok::<_, anyhow::Error>(group)
        }
    };
    let group = run("bulk", bulk_script(n)).await?;
    let bulk = throughput(&follow(g, &group, n).await?, n)?;
    let group = run("tick", tick_script(ticks)).await?;
    let (latency, latency_by_timestamp) = latencies(&follow(g, &group, ticks).await?)?;
    g.sweep_containers();
    Ok(Side {
        bulk,
        latency,
        latency_by_timestamp,
    })
}

async fn docker_side(
    g: &GantryProc,
    groups: &mut GroupsGuard<'_>,
    label: &str,
    nonce: u64,
    n: usize,
    ticks: usize,
) -> Result<Side> {
    let _creds =
        CredentialsGuard::install(Path::new(CRED_PATH), &g.access_key_id, &g.secret_access_key)?;
    let mut run = |kind: &str, script: String| {
        let group = format!("/gantry-bench/g7/{nonce:x}/docker-{kind}");
        groups.groups.push(group.clone());
        let opts = [
            format!("awslogs-endpoint={}", g.endpoint),
            "awslogs-region=us-east-1".to_string(),
            format!("awslogs-group={group}"),
            format!("awslogs-stream=g7/app/{kind}"),
            "awslogs-create-group=true".to_string(),
        ];
        async move {
            let mut args: Vec<&str> = vec![
                "run",
                "-d",
                "--label",
                label,
                "--network",
                "bridge",
                "--memory",
                "128m",
                "--log-driver",
                "awslogs",
            ];
            for o in &opts {
                args.extend(["--log-opt", o.as_str()]);
            }
            args.extend([IMAGE, "sh", "-c", &script]);
            cmd("docker", &args).await?;
            Ok::<_, anyhow::Error>(group)
        }
    };
    let group = run("bulk", bulk_script(n)).await?;
    let bulk = throughput(&follow(g, &group, n).await?, n)?;
    let group = run("tick", tick_script(ticks)).await?;
    let (latency, latency_by_timestamp) = latencies(&follow(g, &group, ticks).await?)?;
    Ok(Side {
        bulk,
        latency,
        latency_by_timestamp,
    })
}

pub async fn run(
    ctx: &Ctx,
    details: &mut serde_json::Map<String, serde_json::Value>,
) -> Result<Vec<Row>> {
    crate::g1_task_start::ensure_image(&ctx.work).await?;
    let (n, ticks) = if ctx.quick {
        (2_000, 30)
    } else {
        (200_000, 1_000)
    };
    let nonce = crate::procs::run_nonce();
    let label = format!("io.gantry.bench.run={nonce:x}");
    let peer = ContainerSweeper {
        labels: vec![label.clone()],
    };
    let g = GantryProc::start(&ctx.gantry_bin, "up", &ctx.work, nonce).await?;
    let mut groups = GroupsGuard {
        g: &g,
        groups: Vec::new(),
    };
    let gs = gantry_side(&g, &mut groups, nonce, n, ticks).await;
    let ds = match &gs {
        // The peer publishes every 5 s and needs root's AWS credentials file:
        // not for a smoke run.
        Ok(_) if ctx.quick => Err(anyhow::anyhow!("skipped in --quick mode")),
        Ok(_) => docker_side(&g, &mut groups, &label, nonce, n, ticks).await,
        Err(_) => Err(anyhow::anyhow!("not run")),
    };
    peer.sweep();
    g.sweep_containers();
    groups.delete_all().await;
    let gs = gs?;
    let (dbulk, dlat, peer_note) = match &ds {
        Ok(d) => (
            Some(d.bulk),
            Some(d.latency),
            "peer measured in this run".to_string(),
        ),
        Err(e) => {
            eprintln!("  G7 peer unavailable: {e:#}");
            (None, None, format!("peer unavailable: {e:#}"))
        }
    };
    println!(
        "  G7 gantry: {:.0} lines/s {:.2} MiB/s (written in {:.2} s, last visible {} ms later), write-to-visible p50 {:.0} ms p99 {:.0} ms",
        gs.bulk.lines_per_s, gs.bulk.mib_per_s, gs.bulk.write_seconds, gs.bulk.tail_ms, gs.latency.p50_ms, gs.latency.p99_ms
    );
    if let Ok(d) = &ds {
        println!(
            "  G7 docker awslogs: {:.0} lines/s {:.2} MiB/s (written in {:.2} s, last visible {} ms later), write-to-visible p50 {:.0} ms p99 {:.0} ms",
            d.bulk.lines_per_s, d.bulk.mib_per_s, d.bulk.write_seconds, d.bulk.tail_ms, d.latency.p50_ms, d.latency.p99_ms
        );
    }
    let side_json = |s: &Side| {
        serde_json::json!({
            "throughput": s.bulk, "latency_ms": s.latency,
            "latency_by_event_timestamp_ms": s.latency_by_timestamp,
        })
    };
    let mut d = HashMap::new();
    d.insert("gantry", side_json(&gs));
    if let Ok(s) = &ds {
        d.insert("docker_awslogs", side_json(s));
    }
    details.insert(
        "g7".into(),
        serde_json::json!({
            "lines": n, "line_bytes": LINE_BYTES, "tick_lines": ticks, "tick_ms": TICK_MS,
            "poll_ms": POLL.as_millis() as u64, "peer": peer_note, "sides": d,
        }),
    );
    let peer_name = "Docker awslogs driver → Gantry's Logs API";
    let bulk_note = format!(
        "{n} lines × {LINE_BYTES} B from busybox awk, first line captured → all {n} seen by a \
         GetLogEvents follower (polled every {} ms when idle); {peer_note}",
        POLL.as_millis()
    );
    let lat_note = format!(
        "{ticks} lines, one every ~{TICK_MS} ms after a 1 s start, each carrying /proc/uptime \
         (10 ms resolution), container kept up afterwards → first seen by GetLogEvents; Gantry p50 {:.0} ms{}; {peer_note}",
        gs.latency.p50_ms,
        dlat.map(|l| format!(", Docker p50 {:.0} ms", l.p50_ms))
            .unwrap_or_default()
    );
    Ok(vec![
        Row::new(
            "G7",
            "log shipping throughput",
            "MiB/s",
            gs.bulk.mib_per_s,
            peer_name,
            dbulk.map(|b| b.mib_per_s),
            dbulk.is_some(),
            Target::RatioAtLeast(1.0),
            bulk_note.clone(),
        ),
        Row::new(
            "G7",
            "log shipping throughput",
            "lines/s",
            gs.bulk.lines_per_s,
            peer_name,
            dbulk.map(|b| b.lines_per_s),
            dbulk.is_some(),
            Target::RatioAtLeast(1.0),
            bulk_note,
        ),
        Row::new(
            "G7",
            "write-to-visible p99",
            "ms",
            gs.latency.p99_ms,
            peer_name,
            dlat.map(|l| l.p99_ms),
            dlat.is_some(),
            Target::AtMost(1000.0),
            lat_note,
        ),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seen(message: &str, ts: i64, wall: i64, up: f64) -> Seen {
        Seen {
            timestamp_ms: ts,
            message: message.to_string(),
            seen_wall_ms: wall,
            seen_uptime: up,
        }
    }

    #[test]
    fn throughput_checks_every_line_and_divides_by_the_span() {
        let pad = "x".repeat(LINE_BYTES - 10);
        let v: Vec<Seen> = (1..=4)
            .map(|i| seen(&format!("{i:08} {pad}"), 1000 + i, 1500, 0.0))
            .collect();
        let t = throughput(&v, 4).unwrap();
        assert_eq!(t.lines, 4);
        assert!((t.seconds - 0.499).abs() < 1e-9);
        assert!((t.lines_per_s - 4.0 / 0.499).abs() < 1e-9);
        assert!((t.write_seconds - 0.003).abs() < 1e-9);
        assert_eq!(t.tail_ms, 1500 - 1004);
        assert!(throughput(&v, 5).is_err());
        let mut swapped: Vec<Seen> = (1..=2)
            .map(|i| seen(&format!("{i:08} {pad}"), 1000, 1500, 0.0))
            .collect();
        swapped.swap(0, 1);
        assert!(throughput(&swapped, 2).is_err());
    }

    #[test]
    fn latencies_use_the_embedded_uptime() {
        let v = vec![
            seen("t 0 100.00", 1000, 1100, 100.25),
            seen("t 1 100.01", 1010, 1100, 100.25),
        ];
        let (up, ts) = latencies(&v).unwrap();
        assert_eq!(up.n, 2);
        assert!((up.max_ms - 250.0).abs() < 1e-6);
        assert!((up.min_ms - 240.0).abs() < 1e-6);
        assert_eq!(ts.max_ms, 100.0);
        assert!(latencies(&[seen("garbage", 0, 0, 0.0)]).is_err());
    }

    #[test]
    fn scripts_have_the_requested_shape() {
        assert!(bulk_script(7).contains("i<=7"));
        assert!(bulk_script(7).contains("%90s"));
        assert!(tick_script(3).contains("-lt 3"));
    }

    #[test]
    fn credentials_guard_restores_the_previous_file_exactly() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("aws").join("credentials");
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, b"[default]\nkeep = me\n").unwrap();
        {
            let _g = CredentialsGuard::install(&path, "AKIA", "SECRET").unwrap();
            let now = std::fs::read_to_string(&path).unwrap();
            assert!(now.starts_with(CRED_MARKER));
            assert!(now.contains("aws_access_key_id = AKIA"));
        }
        assert_eq!(std::fs::read(&path).unwrap(), b"[default]\nkeep = me\n");
        assert!(!path
            .with_file_name("credentials.gantry-bench-g7.bak")
            .exists());
    }

    #[test]
    fn credentials_guard_removes_what_it_created() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("aws").join("credentials");
        {
            let _g = CredentialsGuard::install(&path, "AKIA", "SECRET").unwrap();
            assert!(path.exists());
        }
        assert!(!path.exists());
        assert!(!dir.path().join("aws").exists());
    }
}
