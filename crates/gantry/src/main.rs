//! `gantry`: the single binary. `up` runs the control plane and a local
//! agent; `server` the control plane alone; `agent` joins a control plane.

use anyhow::{bail, Context, Result};
use clap::{Args, Parser, Subcommand};
use gantry_control::credentials::{load_root_credentials, ServerIdentity};
use gantry_control::server::Server;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;

mod logs_cmd;

#[derive(Parser)]
#[command(
    name = "gantry",
    version,
    about = "A self-hosted orchestrator that speaks the Amazon ECS API"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Control plane plus a local agent on the local Docker Engine (cluster `default`).
    Up(ServerArgs),
    /// The control plane alone.
    Server(ServerArgs),
    /// An agent that joins a running control plane as a container instance.
    Agent(AgentArgs),
    /// Print a task's container output (containers with the awslogs log driver).
    Logs(logs_cmd::LogsArgs),
}

#[derive(Args, Clone)]
struct ServerArgs {
    /// Address of the API (ECS JSON protocol, SigV4).
    #[arg(long, default_value = "127.0.0.1:8080")]
    listen: SocketAddr,
    /// Where state, credentials and the local agent's state live.
    #[arg(long, default_value = ".gantry")]
    data_dir: PathBuf,
    /// Seconds without hearing from an agent before its instance is `agentConnected=false`.
    #[arg(long, default_value_t = 10.0, value_name = "SECONDS")]
    agent_timeout: f64,
    /// Seconds without hearing from an agent before its host is lost: its tasks are
    /// marked STOPPED (stop code InfrastructureHealth) so services replace them.
    #[arg(long, default_value_t = 60.0, value_name = "SECONDS")]
    host_lost_after: f64,
    /// (`up` only) Seconds a stopped task's containers are kept before the agent removes them
    /// (the ECS agent's ECS_ENGINE_TASK_CLEANUP_WAIT_DURATION).
    #[arg(
        long,
        env = "GANTRY_CONTAINER_CLEANUP_DELAY",
        default_value_t = 600.0,
        value_name = "SECONDS"
    )]
    container_cleanup_delay: f64,
}

impl ServerArgs {
    /// The checked connectivity timeouts.
    fn connectivity(&self) -> Result<gantry_control::connectivity::ConnectivityConfig> {
        let secs = |name: &str, v: f64| -> Result<std::time::Duration> {
            std::time::Duration::try_from_secs_f64(v)
                .with_context(|| format!("--{name} must be a non-negative number of seconds"))
        };
        Ok(gantry_control::connectivity::ConnectivityConfig::new(
            secs("agent-timeout", self.agent_timeout)?,
            secs("host-lost-after", self.host_lost_after)?,
        )?)
    }
}

#[derive(Args, Clone)]
struct AgentArgs {
    /// Seconds a stopped task's containers are kept before the agent removes them
    /// (the ECS agent's ECS_ENGINE_TASK_CLEANUP_WAIT_DURATION).
    #[arg(
        long,
        env = "GANTRY_CONTAINER_CLEANUP_DELAY",
        default_value_t = 600.0,
        value_name = "SECONDS"
    )]
    container_cleanup_delay: f64,
    /// Control-plane endpoint(s), e.g. http://10.0.0.1:8080; repeat or comma-separate to fail over.
    #[arg(long, required = true, value_delimiter = ',')]
    endpoint: Vec<String>,
    /// Cluster to join.
    #[arg(long, default_value = "default")]
    cluster: String,
    /// The agent's own state directory.
    #[arg(long, default_value = ".gantry-agent")]
    data_dir: PathBuf,
    /// Custom attribute `name=value` (or just `name`); repeatable.
    #[arg(long = "attribute")]
    attributes: Vec<String>,
    /// Availability zone reported as `ecs.availability-zone`.
    #[arg(long)]
    availability_zone: Option<String>,
    /// Instance type reported as `ecs.instance-type`.
    #[arg(long)]
    instance_type: Option<String>,
    /// CPU units to offer (default: cores × 1024).
    #[arg(long)]
    cpu: Option<i64>,
    /// Memory MiB to offer (default: MemTotal).
    #[arg(long)]
    memory: Option<i64>,
    /// Region used to sign requests.
    #[arg(long, env = "GANTRY_REGION", default_value = "us-east-1")]
    region: String,
}

fn init_tracing() {
    let filter = tracing_subscriber::EnvFilter::try_from_env("GANTRY_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .init();
}

fn parse_attribute(s: &str) -> (String, Option<String>) {
    match s.split_once('=') {
        Some((k, v)) => (k.to_string(), Some(v.to_string())),
        None => (s.to_string(), None),
    }
}

async fn start_server(
    args: &ServerArgs,
) -> Result<(
    Server,
    gantry_control::credentials::LoadedCredentials,
    ServerIdentity,
)> {
    let connectivity = args.connectivity()?;
    let identity =
        ServerIdentity::from_env().context("invalid GANTRY_ACCOUNT_ID / GANTRY_REGION")?;
    std::fs::create_dir_all(&args.data_dir)
        .with_context(|| format!("cannot create data dir {}", args.data_dir.display()))?;
    let creds = load_root_credentials(&args.data_dir).context("cannot load root credentials")?;
    let db = args.data_dir.join("gantry.redb");
    let store = tokio::task::spawn_blocking(move || gantry_store_redb::RedbStore::open(&db))
        .await?
        .context("cannot open the store")?;
    let options = gantry_control::server::ServerOptions {
        logs_dir: Some(args.data_dir.join("logs")),
        connectivity,
    };
    let server = Server::start_with(
        args.listen,
        Arc::new(store),
        identity.clone(),
        &creds,
        options,
    )
    .await?;
    let endpoint = format!("http://{}", server.local_addr);
    if creds.generated() {
        println!(
            "Generated root credentials (also in {}):",
            args.data_dir.join("credentials").display()
        );
        println!("  AWS_ACCESS_KEY_ID={}", creds.credentials.access_key_id);
        println!(
            "  AWS_SECRET_ACCESS_KEY={}",
            creds.credentials.secret_access_key
        );
    }
    println!(
        "Gantry ECS endpoint: {endpoint}  (account {}, region {})",
        identity.account_id, identity.region
    );
    println!(
        "Try: AWS_SHARED_CREDENTIALS_FILE={} aws ecs list-clusters --endpoint-url {endpoint} --region {}",
        args.data_dir.join("credentials").display(),
        identity.region
    );
    Ok((server, creds, identity))
}

async fn shutdown_signal() {
    let ctrl_c = tokio::signal::ctrl_c();
    #[cfg(unix)]
    {
        let mut term =
            match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
                Ok(t) => t,
                Err(_) => {
                    let _ = ctrl_c.await;
                    return;
                }
            };
        tokio::select! {
            _ = ctrl_c => {}
            _ = term.recv() => {}
        }
    }
    #[cfg(not(unix))]
    {
        let _ = ctrl_c.await;
    }
}

/// The checked `--container-cleanup-delay`.
fn cleanup_delay(secs: f64) -> Result<std::time::Duration> {
    std::time::Duration::try_from_secs_f64(secs)
        .context("--container-cleanup-delay must be a non-negative number of seconds")
}

#[allow(clippy::too_many_arguments)]
fn agent_config(
    endpoints: Vec<String>,
    cluster: String,
    data_dir: &Path,
    region: String,
    access_key_id: String,
    secret_access_key: String,
    session_token: Option<String>,
    attributes: Vec<(String, Option<String>)>,
    cpu: Option<i64>,
    memory: Option<i64>,
) -> gantry_agent::AgentConfig {
    let mut c = gantry_agent::AgentConfig::new(endpoints, cluster, data_dir.to_path_buf());
    c.region = region;
    c.access_key_id = access_key_id;
    c.secret_access_key = secret_access_key;
    c.session_token = session_token;
    c.attributes = attributes;
    c.cpu_override = cpu;
    c.memory_override_mib = memory;
    c
}

async fn run_up(args: ServerArgs) -> Result<()> {
    let (server, creds, identity) = start_server(&args).await?;
    let runtime = gantry_agent::DockerRuntime::connect()
        .await
        .context("cannot reach the Docker Engine")?;
    let mut config = agent_config(
        vec![format!("http://{}", server.local_addr)],
        "default".to_string(),
        &args.data_dir.join("agent"),
        identity.region.clone(),
        creds.credentials.access_key_id.clone(),
        creds.credentials.secret_access_key.clone(),
        None,
        vec![],
        None,
        None,
    );
    config.container_cleanup_delay = cleanup_delay(args.container_cleanup_delay)?;
    let runtime = Arc::new(runtime);
    let shipper = gantry_agent::logs::spawn(&config, runtime.clone())?;
    let (stop_tx, stop_rx) = tokio::sync::watch::channel(false);
    let agent = tokio::spawn(async move {
        let mut rx = stop_rx;
        gantry_agent::run(config, runtime, async move {
            let _ = rx.wait_for(|v| *v).await;
        })
        .await
    });
    shutdown_signal().await;
    tracing::info!("shutting down");
    let _ = stop_tx.send(true);
    match agent.await {
        Ok(Err(e)) => tracing::warn!(error = %e, "agent stopped with an error"),
        Err(e) => tracing::warn!(error = %e, "agent task failed"),
        Ok(Ok(())) => {}
    }
    shipper.stop().await;
    server.stop().await?;
    Ok(())
}

async fn run_server(args: ServerArgs) -> Result<()> {
    let (server, _, _) = start_server(&args).await?;
    shutdown_signal().await;
    server.stop().await?;
    Ok(())
}

/// Credentials the way AWS tools find them: environment, then the shared
/// credentials file (`AWS_SHARED_CREDENTIALS_FILE` or `~/.aws/credentials`,
/// profile `AWS_PROFILE` or `default`).
fn agent_credentials() -> Result<(String, String, Option<String>)> {
    if let (Ok(k), Ok(s)) = (
        std::env::var("AWS_ACCESS_KEY_ID"),
        std::env::var("AWS_SECRET_ACCESS_KEY"),
    ) {
        return Ok((k, s, std::env::var("AWS_SESSION_TOKEN").ok()));
    }
    let path = std::env::var("AWS_SHARED_CREDENTIALS_FILE")
        .map(PathBuf::from)
        .unwrap_or_else(|_| {
            PathBuf::from(std::env::var("HOME").unwrap_or_default()).join(".aws/credentials")
        });
    let profile = std::env::var("AWS_PROFILE").unwrap_or_else(|_| "default".to_string());
    let text = std::fs::read_to_string(&path).with_context(|| {
        format!(
            "no AWS credentials in the environment and cannot read {}",
            path.display()
        )
    })?;
    let mut in_profile = false;
    let (mut key, mut secret, mut token) = (None, None, None);
    for line in text.lines() {
        let line = line.trim();
        if line.starts_with('[') {
            in_profile = line.trim_matches(|c| c == '[' || c == ']').trim() == profile;
            continue;
        }
        if !in_profile {
            continue;
        }
        if let Some((k, v)) = line.split_once('=') {
            match k.trim() {
                "aws_access_key_id" => key = Some(v.trim().to_string()),
                "aws_secret_access_key" => secret = Some(v.trim().to_string()),
                "aws_session_token" => token = Some(v.trim().to_string()),
                _ => {}
            }
        }
    }
    match (key, secret) {
        (Some(k), Some(s)) => Ok((k, s, token)),
        _ => bail!(
            "profile [{profile}] in {} has no access key",
            path.display()
        ),
    }
}

async fn run_agent(args: AgentArgs) -> Result<()> {
    let (key, secret, token) = agent_credentials()?;
    let mut attributes: Vec<(String, Option<String>)> =
        args.attributes.iter().map(|a| parse_attribute(a)).collect();
    if let Some(az) = &args.availability_zone {
        attributes.push(("ecs.availability-zone".to_string(), Some(az.clone())));
    }
    if let Some(t) = &args.instance_type {
        attributes.push(("ecs.instance-type".to_string(), Some(t.clone())));
    }
    let mut config = agent_config(
        args.endpoint.clone(),
        args.cluster.clone(),
        &args.data_dir,
        args.region.clone(),
        key,
        secret,
        token,
        attributes,
        args.cpu,
        args.memory,
    );
    config.container_cleanup_delay = cleanup_delay(args.container_cleanup_delay)?;
    let runtime = gantry_agent::DockerRuntime::connect()
        .await
        .context("cannot reach the Docker Engine")?;
    let runtime = Arc::new(runtime);
    let shipper = gantry_agent::logs::spawn(&config, runtime.clone())?;
    let result = gantry_agent::run(config, runtime, shutdown_signal()).await;
    shipper.stop().await;
    result?;
    Ok(())
}

fn main() -> Result<()> {
    let cli = Cli::parse();
    init_tracing();
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    rt.block_on(async move {
        match cli.command {
            Command::Up(a) => run_up(a).await,
            Command::Server(a) => run_server(a).await,
            Command::Agent(a) => run_agent(a).await,
            Command::Logs(a) => logs_cmd::run(a, agent_credentials()?).await,
        }
    })
}
