//! `gantry`: the single binary. `up` runs the control plane and a local
//! agent; `server` the control plane alone; `agent` joins a control plane.

use anyhow::{bail, Context, Result};
use clap::{Args, Parser, Subcommand};
use gantry_control::credentials::{load_root_credentials, ServerIdentity};
use gantry_control::server::Server;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;

mod audit_cmd;
mod events_cmd;
mod fargate_cmd;
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
    /// Print container output (awslogs log driver) of a task, or of every task of a service.
    Logs(logs_cmd::LogsArgs),
    /// Show the audit trail: who called what, from where, with what result.
    Audit(audit_cmd::AuditArgs),
    /// Make one signed ECS or Logs call with the default AWS credential chain
    /// (environment, shared file, ECS container credentials) and print the answer.
    Api(ApiArgs),
    /// The ECS event stream: task state changes, service actions, instance changes.
    Events(events_cmd::EventsArgs),
    /// Fargate and container-instance usage over a period, priced.
    Usage(fargate_cmd::UsageArgs),
    /// Fargate Spot: interrupt FARGATE_SPOT tasks.
    #[command(subcommand)]
    Spot(fargate_cmd::SpotCommand),
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
    /// marked STOPPED (stop code InfrastructureHealth) so services replace them. At least
    /// --agent-timeout; a network partition longer than this replaces the host's tasks (its
    /// agent stops the originals when it is back).
    #[arg(long, default_value_t = 12.0, value_name = "SECONDS")]
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
    /// Serve the API over TLS with this PEM certificate (chain); needs --tls-key.
    #[arg(
        long,
        env = "GANTRY_TLS_CERT",
        requires = "tls_key",
        conflicts_with = "tls_self_signed"
    )]
    tls_cert: Option<PathBuf>,
    /// The PEM private key of --tls-cert.
    #[arg(long, env = "GANTRY_TLS_KEY", requires = "tls_cert")]
    tls_key: Option<PathBuf>,
    /// Serve the API over TLS with a self-signed certificate generated once into
    /// DATA_DIR/tls/cert.pem (for localhost, 127.0.0.1 and the --listen address);
    /// clients trust it with `--ca-bundle DATA_DIR/tls/cert.pem` / AWS_CA_BUNDLE.
    #[arg(long, env = "GANTRY_TLS_SELF_SIGNED")]
    tls_self_signed: bool,
    /// Days the audit trail (`gantry audit`, `aws cloudtrail lookup-events`) keeps records.
    #[arg(long, env = "GANTRY_AUDIT_RETENTION_DAYS", default_value_t = 90,
          value_parser = clap::value_parser!(i32).range(1..=3653))]
    audit_retention_days: i32,
    /// Refuse the root credentials. Gantry refuses to start unless an IAM user with an
    /// administrator policy (Allow `*` on `*`, e.g. AdministratorAccess) exists.
    #[arg(long, env = "GANTRY_DISABLE_ROOT")]
    disable_root: bool,
    /// awsvpc subnet `subnet-ID=CIDR` (repeatable or comma-separated); `subnet-default`
    /// = 10.200.0.0/16 always exists unless redefined.
    #[arg(long = "subnet", env = "GANTRY_SUBNETS", value_delimiter = ',')]
    subnets: Vec<String>,
    /// Seconds between a Fargate Spot interruption's SIGTERM and SIGKILL at most.
    #[arg(long, default_value_t = 120, value_name = "SECONDS")]
    spot_warning: u32,
    /// USD per Fargate vCPU-hour (usage report).
    #[arg(long, default_value_t = 0.04048)]
    price_vcpu_hour: f64,
    /// USD per Fargate GB-hour.
    #[arg(long, default_value_t = 0.004445)]
    price_gb_hour: f64,
    /// USD per Fargate Spot vCPU-hour.
    #[arg(long, default_value_t = 0.01334053)]
    price_spot_vcpu_hour: f64,
    /// USD per Fargate Spot GB-hour.
    #[arg(long, default_value_t = 0.00146489)]
    price_spot_gb_hour: f64,
    /// USD per container-instance hour.
    #[arg(long, default_value_t = 0.096)]
    price_instance_hour: f64,
    /// Minimum billed seconds per Fargate task (AWS bills 60); 0 = per second from the start.
    #[arg(long, default_value_t = 0.0)]
    fargate_minimum_seconds: f64,
    /// (`up` only) What the local agent offers: `ec2` (a container instance of `default`),
    /// `fargate` (hidden Fargate pool capacity) or `ec2+fargate` (both).
    #[arg(long, default_value = "ec2+fargate", value_parser = ["ec2", "fargate", "ec2+fargate"])]
    local_capacity: String,
    /// (`up` only) Address of the task metadata (v4) and task credentials endpoints served to
    /// containers; `off` serves none. Falls back to a port on the Docker bridge gateway
    /// when it cannot be bound.
    #[arg(
        long,
        env = "GANTRY_TASK_ENDPOINT_ADDR",
        default_value = "169.254.170.2:80",
        value_name = "ADDR"
    )]
    task_endpoint_addr: String,
    /// Total size cap of the log store in bytes; over it, the oldest log segments
    /// (across all groups) are deleted in the background.
    #[arg(long, env = "GANTRY_LOGS_MAX_BYTES", default_value_t = 10 * 1024 * 1024 * 1024, value_name = "BYTES")]
    logs_max_bytes: u64,
    /// Memory the embedded store (redb) may use to cache its pages, in MiB. Reads are served
    /// from the control plane's decoded in-memory mirror, so the page cache mostly serves the
    /// writer; redb's own default (1 GiB) would let it grow with the file.
    #[arg(long, env = "GANTRY_STORE_CACHE_MIB", default_value_t = gantry_store_redb::DEFAULT_CACHE_MIB, value_name = "MIB")]
    store_cache_mib: usize,
    /// (`up` only: the local agent's image settings.)
    #[command(flatten, next_help_heading = "Images of the local agent (`up` only)")]
    images: ImageArgs,
}

/// Image cleanup and pull timeouts of an agent (`agent`, and `up`'s local
/// agent), named and defaulted like the ECS agent's settings, whose
/// environment variables they honour. Durations in Go syntax (`30m`, `1h`).
#[derive(Args, Clone)]
struct ImageArgs {
    /// Turn off the removal of unused images this agent pulled (pulls are still recorded).
    #[arg(long, env = "ECS_DISABLE_IMAGE_CLEANUP")]
    disable_image_cleanup: bool,
    /// Time between image cleanup cycles.
    #[arg(long, env = "ECS_IMAGE_CLEANUP_INTERVAL", default_value = "30m",
          value_name = "DURATION", value_parser = positive_duration)]
    image_cleanup_interval: std::time::Duration,
    /// An image this agent pulled is removed only when it was pulled AND last used at least
    /// this long ago (and no task the agent holds needs it).
    #[arg(long, env = "ECS_IMAGE_MINIMUM_CLEANUP_AGE", default_value = "1h",
          value_name = "DURATION", value_parser = gantry_agent::images::parse_duration)]
    image_minimum_cleanup_age: std::time::Duration,
    /// At most this many images removed per cleanup cycle.
    #[arg(long, env = "ECS_NUM_IMAGES_DELETE_PER_CYCLE", default_value_t = 5,
          value_parser = clap::value_parser!(u32).range(1..))]
    num_images_delete_per_cycle: u32,
    /// Images (`name:tag`, repeatable or comma-separated) never removed.
    #[arg(
        long,
        env = "ECS_EXCLUDE_UNTRACKED_IMAGE",
        value_delimiter = ',',
        value_name = "IMAGE"
    )]
    image_cleanup_exclude: Vec<String>,
    /// A pull not finished after this long fails (CannotPullContainerError).
    #[arg(long, env = "ECS_IMAGE_PULL_TIMEOUT", default_value = "2h",
          value_name = "DURATION", value_parser = positive_duration)]
    image_pull_timeout: std::time::Duration,
    /// A pull with no progress from the Docker Engine for this long fails.
    #[arg(long, env = "ECS_IMAGE_PULL_INACTIVITY_TIMEOUT", default_value = "1m",
          value_name = "DURATION", value_parser = positive_duration)]
    image_pull_inactivity_timeout: std::time::Duration,
}

impl ImageArgs {
    fn cleanup_policy(&self) -> gantry_agent::images::CleanupPolicy {
        gantry_agent::images::CleanupPolicy {
            enabled: !self.disable_image_cleanup,
            interval: self.image_cleanup_interval,
            minimum_age: self.image_minimum_cleanup_age,
            per_cycle: self.num_images_delete_per_cycle as usize,
            exclude: self
                .image_cleanup_exclude
                .iter()
                .map(|i| i.trim())
                .filter(|i| !i.is_empty())
                .map(gantry_agent::images::normalize)
                .collect(),
        }
    }

    fn pull_timeouts(&self) -> gantry_agent::PullTimeouts {
        gantry_agent::PullTimeouts {
            overall: self.image_pull_timeout,
            inactivity: self.image_pull_inactivity_timeout,
        }
    }
}

/// A Go-syntax duration above zero.
fn positive_duration(s: &str) -> Result<std::time::Duration, String> {
    let d = gantry_agent::images::parse_duration(s)?;
    if d.is_zero() {
        return Err(format!("{s:?} must be more than zero"));
    }
    Ok(d)
}

impl ServerArgs {
    /// Subnets, Spot warning and prices, checked.
    fn fargate_config(&self) -> Result<gantry_control::ecs::fargate::FargateConfig> {
        let prices = gantry_control::ecs::usage::Prices {
            vcpu_hour: self.price_vcpu_hour,
            gb_hour: self.price_gb_hour,
            spot_vcpu_hour: self.price_spot_vcpu_hour,
            spot_gb_hour: self.price_spot_gb_hour,
            instance_hour: self.price_instance_hour,
            minimum_task_seconds: self.fargate_minimum_seconds,
        };
        if [
            prices.vcpu_hour,
            prices.gb_hour,
            prices.spot_vcpu_hour,
            prices.spot_gb_hour,
            prices.instance_hour,
            prices.minimum_task_seconds,
        ]
        .iter()
        .any(|p| !p.is_finite() || *p < 0.0)
        {
            bail!("prices and --fargate-minimum-seconds must be non-negative numbers");
        }
        Ok(gantry_control::ecs::fargate::FargateConfig {
            subnets: gantry_control::ecs::ipam::Subnets::parse(&self.subnets)
                .context("invalid --subnet / GANTRY_SUBNETS")?,
            spot_warning_seconds: self.spot_warning,
            prices,
        })
    }

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
    /// PEM certificate(s) to trust for an `https://` endpoint (e.g. the control plane's
    /// DATA_DIR/tls/cert.pem); default: AWS_CA_BUNDLE, then the system roots.
    #[arg(long, env = "GANTRY_CA_FILE")]
    ca_file: Option<PathBuf>,
    /// What this host offers: `ec2` (a container instance of `--cluster`), `fargate`
    /// (hidden Fargate pool capacity running FARGATE/FARGATE_SPOT tasks of every cluster)
    /// or `ec2+fargate` (both).
    #[arg(long, default_value = "ec2", value_parser = ["ec2", "fargate", "ec2+fargate"])]
    capacity: String,
    /// Address of the task metadata (v4) and task credentials endpoints served to
    /// containers; `off` serves none. Falls back to a port on the Docker bridge gateway
    /// when it cannot be bound.
    #[arg(
        long,
        env = "GANTRY_TASK_ENDPOINT_ADDR",
        default_value = "169.254.170.2:80",
        value_name = "ADDR"
    )]
    task_endpoint_addr: String,
    /// Where to serve the agent's Prometheus metrics (`GET /metrics`, unauthenticated);
    /// `off` serves none.
    #[arg(
        long,
        env = "GANTRY_METRICS_ADDR",
        default_value = gantry_agent::metrics::DEFAULT_ADDR,
        value_name = "ADDR"
    )]
    metrics_addr: String,
    #[command(flatten, next_help_heading = "Images")]
    images: ImageArgs,
}

/// `--metrics-addr`: `off` or an address.
fn metrics_addr(s: &str) -> Result<Option<SocketAddr>> {
    if s.eq_ignore_ascii_case("off") {
        return Ok(None);
    }
    s.parse()
        .map(Some)
        .with_context(|| format!("--metrics-addr: invalid address {s:?}"))
}

/// Wraps the Docker runtime so its calls are timed, and collects container
/// stats for the agent's metrics.
fn metered_runtime(
    runtime: gantry_agent::DockerRuntime,
) -> (
    Arc<dyn gantry_agent::ContainerRuntime>,
    tokio::task::JoinHandle<()>,
) {
    let runtime: Arc<dyn gantry_agent::ContainerRuntime> = Arc::new(
        gantry_agent::metrics::MeteredRuntime::new(Arc::new(runtime)),
    );
    let stats = gantry_agent::metrics::spawn_stats_collector(runtime.clone());
    (runtime, stats)
}

/// The registration attribute marking Fargate capacity (none for `ec2`).
fn capacity_attribute(capacity: &str) -> Vec<(String, Option<String>)> {
    if capacity == "ec2" {
        vec![]
    } else {
        // Attribute values may not contain `+`.
        vec![(
            gantry_control::ecs::fargate::CAPACITY_ATTRIBUTE.to_string(),
            Some(capacity.replace('+', "-")),
        )]
    }
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
    let store_options = gantry_store_redb::RedbOptions {
        cache_size: Some(args.store_cache_mib.max(1) << 20),
        ..Default::default()
    };
    let store = tokio::task::spawn_blocking(move || {
        gantry_store_redb::RedbStore::open_with(&db, store_options)
    })
    .await?
    .context("cannot open the store")?;
    let options = gantry_control::server::ServerOptions {
        logs_dir: Some(args.data_dir.join("logs")),
        logs_max_bytes: Some(args.logs_max_bytes),
        connectivity,
        iam_key_dir: Some(args.data_dir.clone()),
        disable_root: args.disable_root,
        fargate: args.fargate_config()?,
        tls: tls_of(args)?,
        audit_dir: Some(args.data_dir.join("audit")),
        audit_retention_days: Some(args.audit_retention_days),
    };
    let server = Server::start_with(
        args.listen,
        Arc::new(store),
        identity.clone(),
        &creds,
        options,
    )
    .await?;
    let endpoint = api_endpoint(args, server.local_addr);
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
    if !args.disable_root {
        eprintln!(
            "IAM: create the first admin user with the root credentials: aws iam create-user --user-name admin --endpoint-url {endpoint} && aws iam attach-user-policy --user-name admin --policy-arn arn:aws:iam::aws:policy/AdministratorAccess --endpoint-url {endpoint} && aws iam create-access-key --user-name admin --endpoint-url {endpoint}; then restart with --disable-root to refuse root."
        );
    }
    Ok((server, creds, identity))
}

/// The API's TLS certificate, if TLS is on.
fn tls_of(args: &ServerArgs) -> Result<Option<gantry_control::tls::Tls>> {
    let source = match (&args.tls_cert, &args.tls_key, args.tls_self_signed) {
        (Some(cert), Some(key), _) => gantry_control::tls::TlsSource::Files {
            cert: cert.clone(),
            key: key.clone(),
        },
        (_, _, true) => gantry_control::tls::TlsSource::SelfSigned {
            dir: args.data_dir.join("tls"),
            names: {
                let mut names = vec!["localhost".to_string(), "127.0.0.1".to_string()];
                let ip = args.listen.ip();
                if !ip.is_unspecified() && !names.contains(&ip.to_string()) {
                    names.push(ip.to_string());
                }
                names
            },
        },
        _ => return Ok(None),
    };
    Ok(Some(
        gantry_control::tls::Tls::load(&source).context("cannot set up TLS")?,
    ))
}

/// `https://…` when TLS is on: the URL clients (and the local agent) use.
fn api_endpoint(args: &ServerArgs, addr: SocketAddr) -> String {
    let tls = args.tls_cert.is_some() || args.tls_self_signed;
    let host = if addr.ip().is_unspecified() || (addr.ip().is_loopback() && tls) {
        // Listening everywhere: reach it on loopback (the self-signed
        // certificate names localhost and 127.0.0.1).
        format!("127.0.0.1:{}", addr.port())
    } else {
        addr.to_string()
    };
    format!("{}://{host}", if tls { "https" } else { "http" })
}

/// The certificate the local agent must trust when TLS is on.
fn local_ca(args: &ServerArgs) -> Result<Option<Vec<u8>>> {
    let path = match (&args.tls_cert, args.tls_self_signed) {
        (Some(cert), _) => cert.clone(),
        (None, true) => args.data_dir.join("tls").join("cert.pem"),
        _ => return Ok(None),
    };
    Ok(Some(std::fs::read(&path).with_context(|| {
        format!("cannot read {}", path.display())
    })?))
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

/// The checked `--task-endpoint-addr` (`off`: no endpoint).
fn task_endpoint_addr(s: &str) -> Result<Option<SocketAddr>> {
    if s.eq_ignore_ascii_case("off") {
        return Ok(None);
    }
    Ok(Some(s.parse().with_context(|| {
        format!("--task-endpoint-addr {s:?} is not an address (ip:port) or `off`")
    })?))
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
    let (server, _root, identity) = start_server(&args).await?;
    // The local agent signs as its own IAM user (never root), so
    // `--disable-root` keeps it connected.
    let (agent_key, agent_secret) = server
        .iam
        .local_agent_credentials(&args.data_dir)
        .await
        .context("cannot set up the local agent's IAM identity")?;
    let runtime = gantry_agent::DockerRuntime::connect()
        .await
        .context("cannot reach the Docker Engine")?
        .with_pull_timeouts(args.images.pull_timeouts());
    let mut config = agent_config(
        vec![api_endpoint(&args, server.local_addr)],
        "default".to_string(),
        &args.data_dir.join("agent"),
        identity.region.clone(),
        agent_key,
        agent_secret,
        None,
        capacity_attribute(&args.local_capacity),
        None,
        None,
    );
    config.container_cleanup_delay = cleanup_delay(args.container_cleanup_delay)?;
    config.task_endpoint_addr = task_endpoint_addr(&args.task_endpoint_addr)?;
    config.ca_pem = local_ca(&args)?;
    config.image_cleanup = args.images.cleanup_policy();
    // The in-process agent's metrics are part of the control plane's /metrics.
    let (runtime, stats) = metered_runtime(runtime);
    gantry_control::metrics::add_extra(gantry_agent::metrics::render);
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
    stats.abort();
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
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        // Next in the AWS default chain: the ECS container credentials endpoint.
        Err(_) if container_credentials_uri().is_some() => return container_credentials(),
        Err(e) => {
            return Err(e).with_context(|| {
                format!(
                    "no AWS credentials in the environment and cannot read {}",
                    path.display()
                )
            })
        }
    };
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

/// The ECS container credentials URL, as the AWS SDKs find it:
/// `AWS_CONTAINER_CREDENTIALS_RELATIVE_URI` (on 169.254.170.2) or
/// `AWS_CONTAINER_CREDENTIALS_FULL_URI`.
fn container_credentials_uri() -> Option<String> {
    container_credentials_uris().into_iter().next()
}

/// Every container credentials URL set, the relative one first (the SDKs'
/// order); the full one is Gantry's fallback when 169.254.170.2 was taken.
fn container_credentials_uris() -> Vec<String> {
    let mut uris = Vec::new();
    if let Ok(rel) = std::env::var("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI") {
        uris.push(format!("http://169.254.170.2{rel}"));
    }
    if let Ok(full) = std::env::var("AWS_CONTAINER_CREDENTIALS_FULL_URI") {
        uris.push(full);
    }
    uris
}

/// Task role credentials from the agent's endpoint (plain HTTP, as the SDKs
/// use it inside a task): the first URL that answers.
fn container_credentials() -> Result<(String, String, Option<String>)> {
    let mut last = None;
    for url in container_credentials_uris() {
        match fetch_container_credentials(&url) {
            Ok(c) => return Ok(c),
            Err(e) => last = Some(e),
        }
    }
    Err(last.unwrap_or_else(|| anyhow::anyhow!("no container credentials URI")))
}

fn fetch_container_credentials(url: &str) -> Result<(String, String, Option<String>)> {
    use std::io::{Read, Write};
    let rest = url
        .strip_prefix("http://")
        .with_context(|| format!("container credentials URI {url:?} is not http://"))?;
    let (authority, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
    let addr = if authority.contains(':') {
        authority.to_string()
    } else {
        format!("{authority}:80")
    };
    let timeout = std::time::Duration::from_secs(5);
    let sock = std::net::ToSocketAddrs::to_socket_addrs(&addr)?
        .next()
        .with_context(|| format!("cannot resolve {addr}"))?;
    let mut conn = std::net::TcpStream::connect_timeout(&sock, timeout)
        .with_context(|| format!("cannot reach the credentials endpoint {addr}"))?;
    conn.set_read_timeout(Some(timeout))?;
    let path = if path.is_empty() { "/" } else { path };
    let mut req = format!("GET {path} HTTP/1.0\r\nHost: {authority}\r\n");
    if let Ok(token) = std::env::var("AWS_CONTAINER_AUTHORIZATION_TOKEN") {
        req.push_str(&format!("Authorization: {token}\r\n"));
    }
    req.push_str("\r\n");
    conn.write_all(req.as_bytes())?;
    let mut answer = Vec::new();
    conn.read_to_end(&mut answer)?;
    let text = String::from_utf8_lossy(&answer);
    let (head, body) = text
        .split_once("\r\n\r\n")
        .context("malformed answer from the credentials endpoint")?;
    if !head.starts_with("HTTP/1.1 200") && !head.starts_with("HTTP/1.0 200") {
        bail!(
            "credentials endpoint answered {}: {body}",
            head.lines().next().unwrap_or_default()
        );
    }
    let v: serde_json::Value = serde_json::from_str(body)?;
    match (v["AccessKeyId"].as_str(), v["SecretAccessKey"].as_str()) {
        (Some(k), Some(s)) => Ok((
            k.to_string(),
            s.to_string(),
            v["Token"].as_str().map(str::to_string),
        )),
        _ => bail!("credentials endpoint answered without AccessKeyId/SecretAccessKey"),
    }
}

#[derive(Args, Clone)]
struct ApiArgs {
    /// `ecs` or `logs`.
    #[arg(value_parser = ["ecs", "logs"])]
    service: String,
    /// Operation name, e.g. ListClusters.
    operation: String,
    /// Request body (JSON object); default `{}`.
    #[arg(default_value = "{}")]
    body: String,
    /// The Gantry endpoint.
    #[arg(long, env = "GANTRY_ENDPOINT", default_value = "http://127.0.0.1:8080")]
    endpoint_url: String,
    #[arg(long, env = "AWS_DEFAULT_REGION", default_value = "us-east-1")]
    region: String,
}

/// `gantry api ecs ListClusters '{}'`: one signed call with the default
/// credential chain (environment, shared file, container credentials),
/// the answer printed as JSON.
async fn run_api(args: ApiArgs) -> Result<()> {
    let body: serde_json::Value =
        serde_json::from_str(&args.body).context("the body must be a JSON object")?;
    // Like the SDKs, retry the container endpoint briefly: right after a
    // container starts its agent may not know the task's address yet.
    let mut attempts = 0;
    let (key, secret, token) = loop {
        match agent_credentials() {
            Ok(c) => break c,
            Err(_) if container_credentials_uri().is_some() && attempts < 10 => {
                attempts += 1;
                tokio::time::sleep(std::time::Duration::from_secs(1)).await;
            }
            Err(e) => return Err(e),
        }
    };
    let client =
        gantry_agent_api::client::AgentClient::new(gantry_agent_api::client::ClientConfig::new(
            vec![args.endpoint_url.clone()],
            args.region.clone(),
            key,
            secret,
            token,
        ))?;
    let out = match args.service.as_str() {
        "logs" => client.logs_call(&args.operation, &body).await?,
        _ => client.ecs_call(&args.operation, &body).await?,
    };
    println!("{}", serde_json::to_string_pretty(&out)?);
    Ok(())
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
    attributes.extend(capacity_attribute(&args.capacity));
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
    config.task_endpoint_addr = task_endpoint_addr(&args.task_endpoint_addr)?;
    if let Some(path) = &args.ca_file {
        config.ca_pem = Some(
            std::fs::read(path)
                .with_context(|| format!("cannot read --ca-file {}", path.display()))?,
        );
    }
    // An agent (unlike `up`) waits for an Engine that is down or restarting.
    let runtime = gantry_agent::DockerRuntime::connect_waiting()
        .await
        .with_pull_timeouts(args.images.pull_timeouts());
    config.image_cleanup = args.images.cleanup_policy();
    let (runtime, stats) = metered_runtime(runtime);
    let metrics_server = match metrics_addr(&args.metrics_addr)? {
        // A taken port (e.g. several agents on one host) costs only the metrics.
        Some(addr) => match tokio::net::TcpListener::bind(addr).await {
            Ok(listener) => {
                let addr = listener.local_addr().unwrap_or(addr);
                tracing::info!(addr = %addr, "serving agent metrics at /metrics");
                Some(tokio::spawn(async move {
                    if let Err(e) =
                        gantry_agent::metrics::serve(listener, std::future::pending()).await
                    {
                        tracing::error!(error = %e, "metrics server failed");
                    }
                }))
            }
            Err(e) => {
                tracing::warn!(addr = %addr, error = %e, "cannot bind --metrics-addr; serving no agent metrics");
                None
            }
        },
        None => None,
    };
    let shipper = gantry_agent::logs::spawn(&config, runtime.clone())?;
    let result = gantry_agent::run(config, runtime, shutdown_signal()).await;
    stats.abort();
    if let Some(h) = metrics_server {
        h.abort();
    }
    shipper.stop().await;
    result?;
    Ok(())
}

/// mimalloc instead of glibc's malloc: under API load the control plane
/// spent about a fifth of its CPU in glibc's malloc and free (many small,
/// short-lived allocations across threads), which mimalloc's per-thread
/// free lists serve in a fraction of that (bench G5; see bench/ANALYSIS.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> Result<()> {
    let cli = Cli::parse();
    init_tracing();
    gantry_agent_api::client::install_tls_provider();
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    rt.block_on(async move {
        match cli.command {
            Command::Up(a) => run_up(a).await,
            Command::Server(a) => run_server(a).await,
            Command::Agent(a) => run_agent(a).await,
            Command::Logs(a) => logs_cmd::run(a, agent_credentials()?).await,
            Command::Audit(a) => audit_cmd::run(a, agent_credentials()?).await,
            Command::Api(a) => run_api(a).await,
            Command::Events(a) => events_cmd::run(a, agent_credentials()?).await,
            Command::Usage(a) => fargate_cmd::usage(a, agent_credentials()?).await,
            Command::Spot(c) => fargate_cmd::spot(c, agent_credentials()?).await,
        }
    })
}
