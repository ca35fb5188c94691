//! `gantry-bench`: runs Gantry's benchmarks side by side with their peers and
//! writes the table as JSON and Markdown (see `bench/run` and BENCHMARKS.md).
//!
//! Every benchmark is bounded in count and time, uses loopback only, and
//! owns what it starts through drop guards (processes are killed, containers
//! removed) so that a failure or Ctrl-C leaves nothing behind.

mod g1_task_start;
mod g2_services;
mod g4_scheduler;
mod g5_api;
mod g6_store;
mod g7_logs;
mod g8_host_loss;
mod g9_footprint;
mod gantry_proc;
mod procs;
mod report;
mod swarm;

use anyhow::{bail, Context, Result};
use clap::Parser;
use report::{Machine, Report, Skipped};
use std::path::{Path, PathBuf};

/// The benchmarks this harness knows, in the order they run.
const ALL: [&str; 9] = ["G4", "G6", "G1", "G2", "G3", "G5", "G7", "G8", "G9"];

#[derive(Parser, Debug)]
#[command(name = "gantry-bench", about = "Gantry's benchmark harness")]
struct Args {
    /// Tiny counts and budgets (seconds in total): keeps the harness honest in CI.
    #[arg(long)]
    quick: bool,
    /// Comma-separated benchmark ids to run (default: all of G4,G6,G1,G2,G3,G5,G7,G8,G9).
    #[arg(long, value_delimiter = ',')]
    only: Vec<String>,
    /// Where to write the JSON results.
    #[arg(long)]
    json: Option<PathBuf>,
    /// Where to write the Markdown report.
    #[arg(long)]
    markdown: Option<PathBuf>,
    /// Hand-written analysis appended to the Markdown report.
    #[arg(long)]
    analysis: Option<PathBuf>,
    /// The `gantry` binary (release build) for G1 and G5.
    #[arg(long, default_value = "target/release/gantry")]
    gantry_bin: PathBuf,
    /// Directory for temporary data (stores, etcd data, logs); same disk for every store.
    #[arg(long)]
    work_dir: Option<PathBuf>,
    /// The command line to print in the report (set by bench/run).
    #[arg(long, default_value = "bench/run")]
    command: String,
    /// Python interpreter with moto[server] installed (G5's peer).
    #[arg(long)]
    moto_python: Option<PathBuf>,
    /// Run nothing: re-render the Markdown report (with --analysis) from the
    /// JSON given with --merge, e.g. after editing bench/ANALYSIS.md.
    #[arg(long, requires = "merge", requires = "markdown")]
    rerender: bool,
    /// A previous run's JSON: its rows of the benchmarks not run now are
    /// kept (marked with their date), so `--only` updates part of the report.
    #[arg(long)]
    merge: Option<PathBuf>,
}

/// Adds the rows, skips and details of `previous` (a report's JSON) for the
/// benchmarks not in `selected`, each row marked with the run it comes from,
/// and orders the rows as [`ALL`].
fn merge_previous(
    report: &mut Report,
    previous: &serde_json::Value,
    selected: &[String],
) -> Result<()> {
    let date = previous["date"].as_str().unwrap_or("unknown date");
    let commit = previous["machine"]["git_commit"]
        .as_str()
        .unwrap_or("unknown");
    let old_rows: Vec<report::Row> = serde_json::from_value(previous["rows"].clone())
        .context("the previous report's rows do not parse")?;
    for mut r in old_rows {
        if !selected.contains(&r.id) {
            r.note = carried_note(&r.note, date, commit);
            report.rows.push(r);
        }
    }
    let old_skipped: Vec<Skipped> =
        serde_json::from_value(previous["skipped"].clone()).unwrap_or_default();
    report.skipped.extend(
        old_skipped
            .into_iter()
            .filter(|s| !selected.contains(&s.id)),
    );
    if let Some(d) = previous["details"].as_object() {
        for (k, v) in d {
            if !selected.iter().any(|s| s.eq_ignore_ascii_case(k)) {
                report.details.entry(k.clone()).or_insert_with(|| v.clone());
            }
        }
    }
    let order = |id: &str| ALL.iter().position(|x| *x == id).unwrap_or(ALL.len());
    report.rows.sort_by_key(|r| order(&r.id));
    report.skipped.sort_by_key(|s| order(&s.id));
    Ok(())
}

/// Marks a carried-over row's note with the run it was measured in: a note
/// already marked keeps its first (original) mark only.
fn carried_note(note: &str, date: &str, commit: &str) -> String {
    const MARK: &str = " (from the run of ";
    match note.find(MARK) {
        Some(i) => match note[i..].find(')') {
            Some(j) => note[..i + j + 1].to_string(),
            None => note.to_string(),
        },
        None => format!("{note}{MARK}{date}, commit {commit})"),
    }
}

/// Shared inputs of the benchmarks.
pub struct Ctx {
    pub quick: bool,
    pub work: PathBuf,
    pub gantry_bin: PathBuf,
    pub moto_python: Option<PathBuf>,
}

fn first_line(s: Option<String>) -> String {
    s.and_then(|s| s.lines().next().map(str::to_string))
        .unwrap_or_else(|| "unknown".into())
}

fn machine(work: &Path) -> Machine {
    let meminfo = std::fs::read_to_string("/proc/meminfo").unwrap_or_default();
    let memory_kib: u64 = meminfo
        .lines()
        .find_map(|l| l.strip_prefix("MemTotal:"))
        .and_then(|v| v.split_whitespace().next()?.parse().ok())
        .unwrap_or(0);
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let cpu_model = cpuinfo
        .lines()
        .find_map(|l| l.strip_prefix("model name"))
        .map(|v| v.trim_start_matches([' ', '\t', ':']).to_string())
        .unwrap_or_else(|| "unknown".into());
    let disk = procs::run_blocking("df", &["--output=source,fstype", &work.to_string_lossy()])
        .and_then(|s| {
            s.lines()
                .nth(1)
                .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        })
        .unwrap_or_else(|| "unknown".into());
    Machine {
        nproc: std::thread::available_parallelism().map_or(0, |n| n.get()),
        cpu_model,
        memory_mib: memory_kib / 1024,
        kernel: std::fs::read_to_string("/proc/sys/kernel/osrelease")
            .map(|s| s.trim().to_string())
            .unwrap_or_else(|_| "unknown".into()),
        docker: first_line(procs::run_blocking(
            "docker",
            &[
                "version",
                "--format",
                "{{.Server.Version}} (API {{.Server.APIVersion}})",
            ],
        )),
        etcd: first_line(procs::run_blocking("etcd", &["--version"]))
            .trim_start_matches("etcd Version: ")
            .to_string(),
        disk,
        git_commit: first_line(procs::run_blocking(
            "git",
            &["rev-parse", "--short", "HEAD"],
        )),
    }
}

async fn run_one(
    id: &str,
    ctx: &Ctx,
    details: &mut serde_json::Map<String, serde_json::Value>,
) -> Result<Vec<report::Row>> {
    match id {
        "G4" => g4_scheduler::run(ctx.quick, details),
        "G6" => g6_store::run(ctx.quick, &ctx.work, details).await,
        "G1" => g1_task_start::run(ctx, details).await,
        "G2" => g2_services::run_g2(ctx, details).await,
        "G3" => g2_services::run_g3(ctx, details).await,
        "G5" => g5_api::run(ctx, details).await,
        "G7" => g7_logs::run(ctx, details).await,
        "G8" => g8_host_loss::run(ctx, details).await,
        "G9" => g9_footprint::run(ctx, details).await,
        other => bail!("unknown benchmark {other}"),
    }
}

/// Resolves on Ctrl-C (SIGINT) or SIGTERM, so that the benchmark in flight
/// is dropped and its guards remove what it started.
async fn interrupted_by_signal() {
    use tokio::signal::unix::{signal, SignalKind};
    match signal(SignalKind::terminate()) {
        Ok(mut term) => {
            tokio::select! {
                _ = tokio::signal::ctrl_c() => {}
                _ = term.recv() => {}
            }
        }
        Err(_) => {
            let _ = tokio::signal::ctrl_c().await;
        }
    }
}

fn write_atomically(path: &Path, text: &str) -> Result<()> {
    if let Some(dir) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    let tmp = path.with_extension(format!(
        "{}.tmp",
        path.extension().and_then(|e| e.to_str()).unwrap_or("out")
    ));
    std::fs::write(&tmp, text).with_context(|| format!("cannot write {}", tmp.display()))?;
    std::fs::rename(&tmp, path).with_context(|| format!("cannot write {}", path.display()))?;
    Ok(())
}

/// `--rerender`: the Markdown of the `--merge` JSON, as it was written.
fn rerender(args: &Args) -> Result<()> {
    let (Some(json), Some(md)) = (&args.merge, &args.markdown) else {
        bail!("--rerender needs --merge and --markdown");
    };
    let text =
        std::fs::read_to_string(json).with_context(|| format!("cannot read {}", json.display()))?;
    let report: Report = serde_json::from_str(&text)
        .with_context(|| format!("{} is not a report", json.display()))?;
    let analysis = match &args.analysis {
        Some(a) => Some(
            std::fs::read_to_string(a).with_context(|| format!("cannot read {}", a.display()))?,
        ),
        None => None,
    };
    write_atomically(md, &report.markdown(analysis.as_deref()))?;
    println!("wrote {}", md.display());
    Ok(())
}

/// The same allocator as the gantry binary: the load clients and simulated
/// agents share the machine with the server they measure, so the less CPU
/// they spend in malloc, the less they disturb it.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[tokio::main]
async fn main() -> Result<()> {
    let args = Args::parse();
    gantry_agent_api::client::install_tls_provider();
    let selected: Vec<String> = if args.only.is_empty() {
        ALL.iter().map(|s| s.to_string()).collect()
    } else {
        args.only.iter().map(|s| s.trim().to_uppercase()).collect()
    };
    for s in &selected {
        if !ALL.contains(&s.as_str()) {
            bail!("unknown benchmark {s} (known: {})", ALL.join(","));
        }
    }
    if args.rerender {
        return rerender(&args);
    }
    let work_base = args.work_dir.clone().unwrap_or_else(std::env::temp_dir);
    std::fs::create_dir_all(&work_base)?;
    let work = tempfile::Builder::new()
        .prefix("gantry-bench-")
        .tempdir_in(&work_base)
        .context("cannot create the work directory")?;
    let ctx = Ctx {
        quick: args.quick,
        work: work.path().to_path_buf(),
        gantry_bin: args.gantry_bin.clone(),
        moto_python: args.moto_python.clone(),
    };
    let date = procs::run_blocking("date", &["-u", "+%Y-%m-%d %H:%M:%S UTC"])
        .unwrap_or_else(|| "unknown".into());
    let mut report = Report {
        date,
        command: args.command.clone(),
        quick: args.quick,
        machine: machine(&ctx.work),
        rows: Vec::new(),
        skipped: Vec::new(),
        details: serde_json::Map::new(),
    };
    let mut interrupted = false;
    for id in &selected {
        println!("== {id}");
        let started = std::time::Instant::now();
        let outcome = tokio::select! {
            r = run_one(id, &ctx, &mut report.details) => Some(r),
            _ = interrupted_by_signal() => None,
        };
        if outcome.is_some() {
            println!("   {id} took {:.1} s", started.elapsed().as_secs_f64());
        }
        match outcome {
            Some(Ok(rows)) => report.rows.extend(rows),
            Some(Err(e)) => {
                eprintln!("{id} failed: {e:#}");
                report.skipped.push(Skipped {
                    id: id.clone(),
                    reason: format!("failed: {e:#}"),
                });
            }
            None => {
                eprintln!("interrupted during {id}; cleaned up");
                interrupted = true;
                break;
            }
        }
    }
    if interrupted {
        println!("\n{}", report.table());
        bail!("interrupted; no report written");
    }
    if let Some(path) = args.merge.as_ref().filter(|p| p.exists()) {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("cannot read {}", path.display()))?;
        let previous: serde_json::Value = serde_json::from_str(&text)
            .with_context(|| format!("{} is not JSON", path.display()))?;
        merge_previous(&mut report, &previous, &selected)?;
    }
    println!("\n{}", report.table());
    if let Some(path) = &args.json {
        write_atomically(path, &serde_json::to_string_pretty(&report)?)?;
        println!("wrote {}", path.display());
    }
    if let Some(path) = &args.markdown {
        let analysis = match &args.analysis {
            Some(a) => Some(
                std::fs::read_to_string(a)
                    .with_context(|| format!("cannot read {}", a.display()))?,
            ),
            None => None,
        };
        write_atomically(path, &report.markdown(analysis.as_deref()))?;
        println!("wrote {}", path.display());
    }
    if !report.skipped.is_empty() && report.rows.is_empty() {
        bail!("every benchmark failed");
    }
    // The smoke run exists to catch a harness that rots: any failure fails it.
    let failed: Vec<&str> = report
        .skipped
        .iter()
        .filter(|s| selected.contains(&s.id))
        .map(|s| s.id.as_str())
        .collect();
    if args.quick && !failed.is_empty() {
        bail!("--quick: {} failed", failed.join(", "));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn carried_rows_keep_their_original_run() {
        let once = carried_note("10 tasks", "2026-01-01", "abc");
        assert_eq!(once, "10 tasks (from the run of 2026-01-01, commit abc)");
        assert_eq!(carried_note(&once, "2026-02-02", "def"), once);
        let chained = format!("{once} (from the run of 2026-02-02, commit def)");
        assert_eq!(carried_note(&chained, "2026-03-03", "0a1"), once);
    }
}
