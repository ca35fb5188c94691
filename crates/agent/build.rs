//! Compiles the pause container's binary (`pause/pause.c`) into a static
//! executable for the target, embedded by `runtime::pause` and turned into
//! the `gantry/pause` image on first use (no registry needed).

use std::path::PathBuf;
use std::process::Command;

fn main() {
    println!("cargo:rerun-if-changed=pause/pause.c");
    println!("cargo:rerun-if-env-changed=CC");
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("OUT_DIR")).join("pause");
    let cc = std::env::var("CC").unwrap_or_else(|_| "cc".to_string());
    let status = Command::new(&cc)
        .args(["-static", "-Os", "-s", "-o"])
        .arg(&out)
        .arg("pause/pause.c")
        .status()
        .unwrap_or_else(|e| panic!("cannot run the C compiler `{cc}` for pause/pause.c: {e}"));
    assert!(
        status.success(),
        "`{cc} -static pause/pause.c` failed (needs a C compiler and static libc, e.g. build-essential)"
    );
}
