//! Processes, ports and Docker helpers; every process and container the
//! harness starts is owned by a guard that removes it on drop.

use anyhow::{bail, Context, Result};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A free loopback TCP port (bound then released).
pub fn free_port() -> Result<u16> {
    let l = std::net::TcpListener::bind("127.0.0.1:0").context("cannot bind a loopback port")?;
    Ok(l.local_addr()?.port())
}

/// A child process killed (SIGKILL) and reaped when dropped.
pub struct ChildGuard {
    pub name: &'static str,
    child: Child,
}

impl ChildGuard {
    /// Spawns `cmd` with stdout and stderr appended to `log`.
    pub fn spawn(name: &'static str, mut cmd: Command, log: &Path) -> Result<ChildGuard> {
        let out = std::fs::File::create(log)
            .with_context(|| format!("cannot create {}", log.display()))?;
        let err = out.try_clone()?;
        let child = cmd
            .stdin(Stdio::null())
            .stdout(out)
            .stderr(err)
            .spawn()
            .with_context(|| format!("cannot start {name}"))?;
        Ok(ChildGuard { name, child })
    }

    /// The process id.
    pub fn id(&self) -> u32 {
        self.child.id()
    }

    /// Fails if the process has exited.
    pub fn check_alive(&mut self) -> Result<()> {
        if let Some(status) = self.child.try_wait()? {
            bail!("{} exited early ({status})", self.name);
        }
        Ok(())
    }
}

impl Drop for ChildGuard {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Longest any one command the harness runs may take. A hung Docker Engine
/// (seen: Debian's 20.10.24 deadlocked removing 100 containers at once) then
/// fails the benchmark that called it, with the command named, instead of
/// hanging the run.
pub const COMMAND_TIMEOUT: Duration = Duration::from_secs(300);

/// Runs a command to completion and returns its trimmed stdout; fails on a
/// non-zero exit (with stderr in the error), or after [`COMMAND_TIMEOUT`]
/// (the command is killed).
pub async fn run(program: &str, args: &[&str]) -> Result<String> {
    let child = tokio::process::Command::new(program)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .with_context(|| format!("cannot run {program}"))?;
    let out = match tokio::time::timeout(COMMAND_TIMEOUT, child.wait_with_output()).await {
        Ok(out) => out.with_context(|| format!("cannot run {program}"))?,
        Err(_) => bail!(
            "{program} {} did not finish in {} s (killed)",
            args.join(" "),
            COMMAND_TIMEOUT.as_secs()
        ),
    };
    if !out.status.success() {
        bail!(
            "{program} {} failed ({}): {}",
            args.join(" "),
            out.status,
            String::from_utf8_lossy(&out.stderr).trim()
        );
    }
    Ok(String::from_utf8_lossy(&out.stdout).trim().to_string())
}

/// Blocking variant of [`run`] for drop guards and start-up probes: `None`
/// when the command cannot start, fails, or outlasts [`COMMAND_TIMEOUT`]
/// (then it is killed).
pub fn run_blocking(program: &str, args: &[&str]) -> Option<String> {
    run_blocking_within(program, args, COMMAND_TIMEOUT)
}

fn run_blocking_within(program: &str, args: &[&str], limit: Duration) -> Option<String> {
    let mut child = Command::new(program)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .ok()?;
    // The output is read on a thread, which ends when the child closes its
    // stdout (it exits); this one waits for that with a deadline.
    let mut stdout = child.stdout.take()?;
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = tx.send(std::io::Read::read_to_end(&mut stdout, &mut buf).map(|_| buf));
    });
    let Ok(out) = rx.recv_timeout(limit) else {
        tracing::warn!(program, ?args, "command outlasted its deadline; killed");
        let _ = child.kill();
        let _ = child.wait();
        return None;
    };
    let status = child.wait().ok()?;
    let out = out.ok()?;
    status
        .success()
        .then(|| String::from_utf8_lossy(&out).trim().to_string())
}

/// Force-removes (with volumes) every container carrying `label` (`k=v`).
pub fn docker_rm_label(label: &str) -> usize {
    let filter = format!("label={label}");
    let Some(ids) = run_blocking("docker", &["ps", "-aq", "--no-trunc", "--filter", &filter])
    else {
        return 0;
    };
    let ids: Vec<&str> = ids.split_whitespace().collect();
    if ids.is_empty() {
        return 0;
    }
    // In batches: the CLI removes the containers it is given concurrently,
    // and Debian's Engine 20.10.24 once deadlocked on 100 at once.
    for batch in ids.chunks(RM_BATCH) {
        let mut args = vec!["rm", "-f", "-v"];
        args.extend(batch.iter().copied());
        let _ = run_blocking("docker", &args);
    }
    ids.len()
}

/// Containers one `docker rm` is given at most.
const RM_BATCH: usize = 10;

/// Removes every container with one of its labels when dropped.
pub struct ContainerSweeper {
    pub labels: Vec<String>,
}

impl ContainerSweeper {
    pub fn sweep(&self) -> usize {
        self.labels.iter().map(|l| docker_rm_label(l)).sum()
    }
}

impl Drop for ContainerSweeper {
    fn drop(&mut self) {
        let n = self.sweep();
        if n > 0 {
            tracing::debug!(removed = n, "containers swept");
        }
    }
}

/// A random identifier for this run (labels, account id, names).
pub fn run_nonce() -> u64 {
    use std::hash::{BuildHasher, Hasher};
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u32(std::process::id());
    h.write_u128(Instant::now().elapsed().as_nanos());
    h.finish()
}

/// A small deterministic PRNG (xorshift64*), enough for load mixes.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed | 1)
    }
    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    /// Uniform in `0..n` (n > 0).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }
}

/// Standard base64 (with padding), for etcd's JSON gateway.
pub fn base64(data: &[u8]) -> String {
    const T: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(data.len().div_ceil(3) * 4);
    for chunk in data.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        out.push(T[(n >> 18) as usize & 63] as char);
        out.push(T[(n >> 12) as usize & 63] as char);
        out.push(if chunk.len() > 1 {
            T[(n >> 6) as usize & 63] as char
        } else {
            '='
        });
        out.push(if chunk.len() > 2 {
            T[n as usize & 63] as char
        } else {
            '='
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_rfc4648_vectors() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
    }

    #[test]
    fn blocking_commands_answer_their_output_or_none() {
        assert_eq!(run_blocking("echo", &["hi"]).as_deref(), Some("hi"));
        assert_eq!(run_blocking("false", &[]), None);
        assert_eq!(run_blocking("/nonexistent/program", &[]), None);
    }

    #[test]
    fn a_blocking_command_past_its_deadline_is_killed() {
        let t = Instant::now();
        assert_eq!(
            run_blocking_within("sleep", &["30"], Duration::from_millis(200)),
            None
        );
        // Killed, not waited for (a generous bound: the point is "not 30 s").
        assert!(t.elapsed() < Duration::from_secs(20));
    }

    #[test]
    fn rng_is_deterministic_and_bounded() {
        let mut a = Rng::new(7);
        let mut b = Rng::new(7);
        for _ in 0..100 {
            let x = a.below(10);
            assert_eq!(x, b.below(10));
            assert!(x < 10);
        }
    }
}
