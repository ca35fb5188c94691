//! Docker Swarm mode on this Engine, as the peer of G2 and G3.
//!
//! [`Swarm::init`] refuses to touch an Engine that is already part of a
//! swarm (someone else's), runs `docker swarm init --advertise-addr
//! 127.0.0.1`, and the guard's drop removes the services it created, leaves
//! the swarm (`--force`) and removes `docker_gwbridge` if the init created
//! it, on success, error and Ctrl-C alike.

use crate::procs::{run as cmd, run_blocking};
use anyhow::{bail, Result};
use std::time::{Duration, Instant};

pub struct Swarm {
    services: std::sync::Mutex<Vec<String>>,
    remove_gwbridge: bool,
}

fn swarm_state() -> String {
    run_blocking("docker", &["info", "--format", "{{.Swarm.LocalNodeState}}"])
        .unwrap_or_else(|| "unknown".into())
}

fn has_network(name: &str) -> bool {
    run_blocking(
        "docker",
        &["network", "inspect", "--format", "{{.Name}}", name],
    )
    .is_some()
}

impl Swarm {
    /// Initialises a single-node swarm on loopback.
    pub async fn init() -> Result<Swarm> {
        let state = swarm_state();
        if state != "inactive" {
            bail!("the Engine's swarm state is {state:?}; not touching a swarm we did not create");
        }
        let gwbridge_before = has_network("docker_gwbridge");
        // From here on the guard cleans up, even if init fails half-way.
        let guard = Swarm {
            services: Default::default(),
            remove_gwbridge: !gwbridge_before,
        };
        cmd(
            "docker",
            &["swarm", "init", "--advertise-addr", "127.0.0.1"],
        )
        .await?;
        Ok(guard)
    }

    /// `docker service create -d --replicas n --no-resolve-image` of `image`
    /// running `command`; the service is removed when the guard drops.
    pub async fn create_service(
        &self,
        name: &str,
        image: &str,
        replicas: usize,
        command: &[&str],
    ) -> Result<()> {
        self.services
            .lock()
            .map_err(|_| anyhow::anyhow!("lock poisoned"))?
            .push(name.to_string());
        let reps = replicas.to_string();
        let mut args = vec![
            "service",
            "create",
            "-d",
            "--quiet",
            "--no-resolve-image",
            "--name",
            name,
            "--replicas",
            &reps,
            "--label",
            "io.gantry.bench.run=swarm",
            image,
        ];
        args.extend_from_slice(command);
        cmd("docker", &args).await?;
        Ok(())
    }

    /// Tasks of `service` whose desired state is running: (task id, current state).
    pub async fn tasks(&self, service: &str) -> Result<Vec<(String, String)>> {
        let out = cmd(
            "docker",
            &[
                "service",
                "ps",
                "--no-trunc",
                "--filter",
                "desired-state=running",
                "--format",
                "{{.ID}} {{.CurrentState}}",
                service,
            ],
        )
        .await?;
        Ok(out
            .lines()
            .filter_map(|l| {
                let (id, state) = l.split_once(' ')?;
                Some((id.to_string(), state.to_string()))
            })
            .collect())
    }

    /// Polls until `n` tasks (none of `exclude`) are Running.
    pub async fn wait_running(
        &self,
        service: &str,
        n: usize,
        exclude: Option<&str>,
        poll: Duration,
        timeout: Duration,
    ) -> Result<()> {
        let t = Instant::now();
        loop {
            let running = self
                .tasks(service)
                .await?
                .iter()
                .filter(|(id, s)| s.starts_with("Running") && Some(id.as_str()) != exclude)
                .count();
            if running >= n {
                return Ok(());
            }
            if t.elapsed() > timeout {
                bail!("swarm service {service}: {running}/{n} tasks running after {timeout:?}");
            }
            tokio::time::sleep(poll).await;
        }
    }

    /// Removes a service now (and waits for its containers to go).
    pub async fn remove_service(&self, name: &str) -> Result<()> {
        cmd("docker", &["service", "rm", name]).await?;
        if let Ok(mut s) = self.services.lock() {
            s.retain(|x| x != name);
        }
        let filter = format!("label=com.docker.swarm.service.name={name}");
        let t = Instant::now();
        while t.elapsed() < Duration::from_secs(60) {
            if cmd("docker", &["ps", "-aq", "--filter", &filter])
                .await?
                .is_empty()
            {
                return Ok(());
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
        bail!("containers of swarm service {name} still present after 60 s")
    }
}

impl Drop for Swarm {
    fn drop(&mut self) {
        if let Ok(s) = self.services.lock() {
            for name in s.iter() {
                let _ = run_blocking("docker", &["service", "rm", name]);
            }
        }
        let _ = run_blocking("docker", &["swarm", "leave", "--force"]);
        if let Ok(s) = self.services.lock() {
            for name in s.iter() {
                crate::procs::docker_rm_label(&format!("com.docker.swarm.service.name={name}"));
            }
        }
        if self.remove_gwbridge {
            let _ = run_blocking("docker", &["network", "rm", "docker_gwbridge"]);
        }
    }
}
