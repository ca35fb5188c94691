//! Runs the harness in `--quick` mode for the pure scheduler benchmark (G4)
//! so the harness itself (CLI, benchmark, JSON and Markdown output) cannot
//! rot. No timing is asserted.

use std::process::Command;

#[test]
fn quick_g4_writes_json_and_markdown() {
    let dir = tempfile::tempdir().expect("tempdir");
    let json = dir.path().join("out.json");
    let md = dir.path().join("out.md");
    let out = Command::new(env!("CARGO_BIN_EXE_gantry-bench"))
        .args([
            "--quick",
            "--only",
            "g4",
            "--command",
            "bench/run --quick --only G4",
        ])
        .arg("--json")
        .arg(&json)
        .arg("--markdown")
        .arg(&md)
        .arg("--work-dir")
        .arg(dir.path())
        .output()
        .expect("run gantry-bench");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "gantry-bench failed: {stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("placements/s"), "{stdout}");

    let report: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&json).expect("json written")).expect("valid json");
    assert_eq!(report["quick"], true);
    assert_eq!(report["command"], "bench/run --quick --only G4");
    assert!(report["machine"]["nproc"].as_u64().expect("nproc") >= 1);
    let rows = report["rows"].as_array().expect("rows");
    assert_eq!(rows.len(), 1, "{rows:?}");
    let row = &rows[0];
    assert_eq!(row["id"], "G4");
    assert_eq!(row["peer_name"], "Nomad C1M");
    assert_eq!(row["peer"], 3750.0);
    let rate = row["gantry"].as_f64().expect("rate");
    assert!(rate.is_finite() && rate > 0.0, "{row}");
    let ratio = row["ratio"].as_f64().expect("ratio");
    assert!((ratio - rate / 3750.0).abs() < 1e-6 * ratio.max(1.0));
    assert!(row["met"].is_boolean());
    assert_eq!(report["details"]["g4"][0]["placed"], 500);
    assert_eq!(report["skipped"].as_array().map(Vec::len), Some(0));

    let text = std::fs::read_to_string(&md).expect("markdown written");
    assert!(text.starts_with("# Gantry benchmarks"));
    assert!(
        text.contains("| G4 | placements/s, 100 instances, 500 tasks |"),
        "{text}"
    );
    assert!(text.contains("`bench/run --quick --only G4`"));
    // No temporary files are left next to the outputs.
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .expect("read dir")
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn unknown_benchmark_is_rejected() {
    let out = Command::new(env!("CARGO_BIN_EXE_gantry-bench"))
        .args(["--quick", "--only", "G42"])
        .output()
        .expect("run gantry-bench");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown benchmark G42"));
}
