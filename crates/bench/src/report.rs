//! Benchmark results: rows, the machine they ran on, the JSON and Markdown renderings.

use serde::{Deserialize, Serialize};
use std::fmt::Write as _;

/// What a row's target demands.
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
pub enum Target {
    /// `gantry / peer <= x` (latencies).
    RatioAtMost(f64),
    /// `gantry / peer >= x` (throughputs).
    RatioAtLeast(f64),
    /// `gantry >= x` in the row's unit.
    AtLeast(f64),
    /// `gantry <= x` in the row's unit.
    AtMost(f64),
}

impl Target {
    fn text(&self, unit: &str) -> String {
        match self {
            Target::RatioAtMost(x) => format!("≤ {x}×"),
            Target::RatioAtLeast(x) => format!("≥ {x}×"),
            Target::AtLeast(x) => format!("≥ {} {unit}", fmt_num(*x)),
            Target::AtMost(x) => format!("≤ {} {unit}", fmt_num(*x)),
        }
    }
}

/// One measured figure with its peer.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Row {
    /// Issue id (`G1`, `G4`, …).
    pub id: String,
    /// What was measured.
    pub name: String,
    /// Unit of `gantry` and `peer`.
    pub unit: String,
    pub gantry: f64,
    /// Who we compare against.
    pub peer_name: String,
    pub peer: Option<f64>,
    /// The peer figure was measured in this run (false: a published anchor).
    pub peer_measured: bool,
    /// `gantry / peer`.
    pub ratio: Option<f64>,
    pub target: Target,
    pub target_text: String,
    /// Whether the target is met.
    pub met: Option<bool>,
    /// Conditions (counts, durations) and caveats.
    pub note: String,
}

impl Row {
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        id: &str,
        name: impl Into<String>,
        unit: &str,
        gantry: f64,
        peer_name: impl Into<String>,
        peer: Option<f64>,
        peer_measured: bool,
        target: Target,
        note: impl Into<String>,
    ) -> Row {
        let ratio = peer
            .filter(|p| *p > 0.0 && p.is_finite())
            .map(|p| gantry / p);
        let met = match target {
            Target::RatioAtMost(x) => ratio.map(|r| r <= x),
            Target::RatioAtLeast(x) => ratio.map(|r| r >= x),
            Target::AtLeast(x) => gantry.is_finite().then_some(gantry >= x),
            Target::AtMost(x) => gantry.is_finite().then_some(gantry <= x),
        };
        Row {
            id: id.to_string(),
            name: name.into(),
            unit: unit.to_string(),
            gantry,
            peer_name: peer_name.into(),
            peer,
            peer_measured,
            ratio,
            target_text: target.text(unit),
            target,
            met,
            note: note.into(),
        }
    }
}

/// A benchmark that did not produce rows.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Skipped {
    pub id: String,
    pub reason: String,
}

/// Where the run happened.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Machine {
    pub nproc: usize,
    pub cpu_model: String,
    pub memory_mib: u64,
    pub kernel: String,
    pub docker: String,
    pub etcd: String,
    pub disk: String,
    pub git_commit: String,
}

/// A whole run.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Report {
    pub date: String,
    pub command: String,
    pub quick: bool,
    pub machine: Machine,
    pub rows: Vec<Row>,
    pub skipped: Vec<Skipped>,
    /// Extra measurements that explain rows (per benchmark, free-form).
    pub details: serde_json::Map<String, serde_json::Value>,
}

/// A number with a precision that suits its size.
pub fn fmt_num(x: f64) -> String {
    if !x.is_finite() {
        return "n/a".into();
    }
    let a = x.abs();
    if a >= 1000.0 {
        let s = format!("{:.0}", x);
        // thousands separators
        let (sign, digits) = s.strip_prefix('-').map_or(("", s.as_str()), |d| ("-", d));
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                out.push(',');
            }
            out.push(c);
        }
        format!("{sign}{out}")
    } else if a >= 100.0 {
        format!("{:.0}", x)
    } else if a >= 10.0 {
        format!("{:.1}", x)
    } else {
        format!("{:.2}", x)
    }
}

fn verdict(met: Option<bool>) -> &'static str {
    match met {
        Some(true) => "met",
        Some(false) => "**NOT met**",
        None => "n/a",
    }
}

impl Report {
    /// The plain-text table printed at the end of a run.
    pub fn table(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "{:<4} {:<58} {:>14} {:>14} {:>8} {:>10}  verdict",
            "id", "benchmark", "gantry", "peer", "ratio", "target"
        );
        for r in &self.rows {
            let _ = writeln!(
                out,
                "{:<4} {:<58} {:>14} {:>14} {:>8} {:>10}  {}",
                r.id,
                truncate(&format!("{} [{}]", r.name, r.unit), 58),
                fmt_num(r.gantry),
                r.peer.map(fmt_num).unwrap_or_else(|| "-".into()),
                r.ratio
                    .map(|x| format!("{x:.2}×"))
                    .unwrap_or_else(|| "-".into()),
                r.target_text,
                verdict(r.met).replace("**", ""),
            );
        }
        for s in &self.skipped {
            let _ = writeln!(out, "{:<4} skipped: {}", s.id, s.reason);
        }
        out
    }

    /// `BENCHMARKS.md`: the table, the machine, the command; `analysis` (if
    /// any) is appended verbatim.
    pub fn markdown(&self, analysis: Option<&str>) -> String {
        let m = &self.machine;
        let mut out = String::new();
        let _ = writeln!(out, "# Gantry benchmarks\n");
        let _ = writeln!(
            out,
            "Every figure is measured side by side with its peer in the same run on the same \
             machine (or, for G4, against a published anchor), so the **ratio** is what matters; \
             absolute numbers depend on the machine. Generated by `bench/run`{}; the \
             machine-readable results are in `bench/results/{}.json`.\n",
            if self.quick {
                " in `--quick` mode (tiny counts, peers mostly skipped: figures are not meaningful)"
            } else {
                ""
            },
            if self.quick { "quick" } else { "latest" }
        );
        let _ = writeln!(out, "- **Date:** {}", self.date);
        let _ = writeln!(out, "- **Command:** `{}`", self.command);
        let _ = writeln!(out, "- **Commit:** {}", m.git_commit);
        let _ = writeln!(
            out,
            "- **Machine:** {} CPUs ({}), {} MiB RAM, Linux {}, Docker Engine {}, etcd {}, disk {}\n",
            m.nproc, m.cpu_model, m.memory_mib, m.kernel, m.docker, m.etcd, m.disk
        );
        let _ = writeln!(
            out,
            "| id | benchmark | unit | Gantry | peer | peer value | ratio | target | verdict | conditions |"
        );
        let _ = writeln!(out, "|---|---|---|---:|---|---:|---:|---|---|---|");
        for r in &self.rows {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {}{} | {} | {} | {} | {} | {} |",
                r.id,
                r.name,
                r.unit,
                fmt_num(r.gantry),
                r.peer_name,
                if r.peer_measured || r.peer.is_none() {
                    ""
                } else {
                    " (published)"
                },
                r.peer.map(fmt_num).unwrap_or_else(|| "-".into()),
                r.ratio
                    .map(|x| format!("{x:.2}×"))
                    .unwrap_or_else(|| "-".into()),
                r.target_text,
                verdict(r.met),
                r.note.replace('|', "\\|"),
            );
        }
        if !self.skipped.is_empty() {
            let _ = writeln!(out, "\nNot measured in this run:\n");
            for s in &self.skipped {
                let _ = writeln!(out, "- **{}**: {}", s.id, s.reason);
            }
        }
        let missed: Vec<&Row> = self.rows.iter().filter(|r| r.met == Some(false)).collect();
        let _ = writeln!(out, "\n## Targets missed in this run\n");
        if missed.is_empty() {
            let _ = writeln!(out, "None.");
        } else {
            for r in missed {
                let figure = match (r.target, r.ratio) {
                    (Target::RatioAtMost(_) | Target::RatioAtLeast(_), Some(x)) => {
                        format!("{x:.2}× {}", r.peer_name)
                    }
                    _ => format!("{} {}", fmt_num(r.gantry), r.unit),
                };
                let _ = writeln!(
                    out,
                    "- {} {}: {figure}, target {}.",
                    r.id, r.name, r.target_text
                );
            }
        }
        if let Some(a) = analysis {
            let _ = writeln!(out, "\n{}", a.trim_end());
        }
        out
    }
}

fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(n - 1).collect();
        t.push('…');
        t
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ratio_and_verdicts() {
        let r = Row::new(
            "G1",
            "p50",
            "ms",
            115.0,
            "docker",
            Some(100.0),
            true,
            Target::RatioAtMost(1.15),
            "",
        );
        assert!((r.ratio.unwrap() - 1.15).abs() < 1e-9);
        assert_eq!(r.met, Some(true));
        let r = Row::new(
            "G6",
            "tput",
            "commits/s",
            90.0,
            "etcd",
            Some(100.0),
            true,
            Target::RatioAtLeast(1.0),
            "",
        );
        assert_eq!(r.met, Some(false));
        let r = Row::new(
            "G5",
            "p99",
            "ms",
            12.0,
            "-",
            None,
            false,
            Target::AtMost(10.0),
            "",
        );
        assert_eq!(r.ratio, None);
        assert_eq!(r.met, Some(false));
    }

    #[test]
    fn numbers_are_readable() {
        assert_eq!(fmt_num(1234567.8), "1,234,568");
        assert_eq!(fmt_num(-1234.0), "-1,234");
        assert_eq!(fmt_num(250.4), "250");
        assert_eq!(fmt_num(12.34), "12.3");
        assert_eq!(fmt_num(1.234), "1.23");
        assert_eq!(fmt_num(f64::NAN), "n/a");
    }
}
