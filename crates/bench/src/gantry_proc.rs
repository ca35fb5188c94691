//! Starting `gantry up` / `gantry server` for a benchmark: random loopback
//! port, temporary data dir, a per-run account id and known root
//! credentials; the process is killed, and the containers of its local agent
//! removed, when the guard drops.

use crate::procs::{docker_rm_label, free_port, ChildGuard, Rng};
use anyhow::{bail, Context, Result};
use gantry_agent_api::client::{AgentClient, ClientConfig};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

/// Label of the containers a local agent starts (value: its instance ARN).
pub const INSTANCE_LABEL: &str = "io.gantry.container-instance-arn";

pub struct GantryProc {
    pub endpoint: String,
    pub access_key_id: String,
    pub secret_access_key: String,
    /// Signs ECS calls with the root credentials.
    pub client: AgentClient,
    /// The local agent's instance (for `up`).
    pub instance_arn: Option<String>,
    pub log: PathBuf,
    child: Option<ChildGuard>,
}

fn random_string(rng: &mut Rng, len: usize, alphabet: &[u8]) -> String {
    (0..len)
        .map(|_| alphabet[rng.below(alphabet.len() as u64) as usize] as char)
        .collect()
}

impl GantryProc {
    /// Starts `gantry <mode>` (`up` or `server`) and waits until it answers
    /// (and, for `up`, until its local agent is ACTIVE and connected).
    pub async fn start(bin: &Path, mode: &str, work: &Path, seed: u64) -> Result<GantryProc> {
        Self::start_with_args(bin, mode, work, seed, &[]).await
    }

    /// [`GantryProc::start`] with extra command-line arguments (e.g.
    /// `--host-lost-after 10`).
    pub async fn start_with_args(
        bin: &Path,
        mode: &str,
        work: &Path,
        seed: u64,
        extra: &[&str],
    ) -> Result<GantryProc> {
        if !bin.exists() {
            bail!(
                "gantry binary not found at {} (build it: cargo build --release -p gantry)",
                bin.display()
            );
        }
        let mut rng = Rng::new(seed);
        let account_id = format!("{}", 100_000_000_000 + rng.below(899_999_999_999));
        let access_key_id = format!(
            "AKIA{}",
            random_string(&mut rng, 16, b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
        );
        let secret_access_key = random_string(
            &mut rng,
            40,
            b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789",
        );
        let data = work.join(format!("gantry-{mode}-{account_id}"));
        std::fs::create_dir_all(&data)?;
        let port = free_port()?;
        let endpoint = format!("http://127.0.0.1:{port}");
        let mut cmd = Command::new(bin);
        cmd.args([mode, "--listen", &format!("127.0.0.1:{port}"), "--data-dir"])
            .arg(&data)
            .args(extra)
            .env("GANTRY_ACCOUNT_ID", &account_id)
            .env("GANTRY_REGION", "us-east-1")
            .env("GANTRY_ROOT_ACCESS_KEY_ID", &access_key_id)
            .env("GANTRY_ROOT_SECRET_ACCESS_KEY", &secret_access_key)
            // GANTRY_BENCH_LOG (e.g. `info`) raises the level for a trace
            // of one benchmark; the log is in the work directory.
            .env(
                "GANTRY_LOG",
                std::env::var("GANTRY_BENCH_LOG").unwrap_or_else(|_| "warn".into()),
            );
        let log = work.join(format!("gantry-{mode}-{account_id}.log"));
        let child = ChildGuard::spawn("gantry", cmd, &log)?;
        let client = AgentClient::new(ClientConfig::new(
            vec![endpoint.clone()],
            "us-east-1",
            access_key_id.clone(),
            secret_access_key.clone(),
            None,
        ))?;
        let mut g = GantryProc {
            endpoint,
            access_key_id,
            secret_access_key,
            client,
            instance_arn: None,
            log,
            child: Some(child),
        };
        g.wait_ready(mode == "up").await?;
        Ok(g)
    }

    /// The process id of the running `gantry`.
    pub fn pid(&self) -> Option<u32> {
        self.child.as_ref().map(ChildGuard::id)
    }

    fn log_tail(&self) -> String {
        let text = std::fs::read_to_string(&self.log).unwrap_or_default();
        let lines: Vec<&str> = text.lines().collect();
        lines[lines.len().saturating_sub(20)..].join("\n")
    }

    fn check_alive(&mut self) -> Result<()> {
        if let Some(c) = self.child.as_mut() {
            if let Err(e) = c.check_alive() {
                bail!("{e}\n{}", self.log_tail());
            }
        }
        Ok(())
    }

    async fn wait_ready(&mut self, agent: bool) -> Result<()> {
        let started = Instant::now();
        let timeout = Duration::from_secs(60);
        let http = reqwest::Client::new();
        loop {
            self.check_alive()?;
            if let Ok(r) = http.get(format!("{}/healthz", self.endpoint)).send().await {
                if r.status().is_success() {
                    break;
                }
            }
            if started.elapsed() > timeout {
                bail!(
                    "gantry /healthz not ready in {timeout:?}\n{}",
                    self.log_tail()
                );
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        if !agent {
            return Ok(());
        }
        loop {
            self.check_alive()?;
            let list = self
                .call(
                    "ListContainerInstances",
                    serde_json::json!({"cluster": "default"}),
                )
                .await;
            if let Ok(v) = list {
                if let Some(arn) = v["containerInstanceArns"][0].as_str() {
                    let d = self
                        .call(
                            "DescribeContainerInstances",
                            serde_json::json!({"cluster": "default", "containerInstances": [arn]}),
                        )
                        .await?;
                    let ci = &d["containerInstances"][0];
                    if ci["status"] == "ACTIVE" && ci["agentConnected"] == true {
                        self.instance_arn = Some(arn.to_string());
                        return Ok(());
                    }
                }
            }
            if started.elapsed() > timeout {
                bail!(
                    "gantry's local agent not ACTIVE in {timeout:?}\n{}",
                    self.log_tail()
                );
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Calls an ECS operation with the root credentials.
    pub async fn call(&self, op: &str, body: serde_json::Value) -> Result<serde_json::Value> {
        self.client
            .ecs_call(op, &body)
            .await
            .with_context(|| format!("{op} failed"))
    }

    /// Removes the containers the local agent started.
    pub fn sweep_containers(&self) -> usize {
        match &self.instance_arn {
            Some(arn) => docker_rm_label(&format!("{INSTANCE_LABEL}={arn}")),
            None => 0,
        }
    }
}

impl Drop for GantryProc {
    fn drop(&mut self) {
        // Stop the process first so its agent cannot start anything new.
        drop(self.child.take());
        self.sweep_containers();
    }
}
