//! The agent's top level: register the container instance, then run the
//! sync loop (long-poll for desired state, push observed state when it
//! changes) and the reconciler until shutdown or deregistration.
//!
//! When the control plane is unreachable the agent keeps its containers
//! running on the last desired state it persisted and retries with a backoff
//! capped at about two seconds.

use crate::clock::{SharedClock, SystemClock};
use crate::reconcile::{Reconciler, ReconcilerConfig};
use crate::runtime::{ContainerRuntime, RuntimeError};
use crate::state::{StateError, StateStore};
use futures::{FutureExt, StreamExt};
use gantry_agent_api::client::{AgentClient, ClientConfig, ClientError};
use gantry_agent_api::{ObservedState, SyncRequest, SyncResponse, MAX_WAIT_SECONDS};
use serde_json::json;
use std::future::Future;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{mpsc, watch};
use tracing::{error, info, warn};

/// Version this agent reports in `versionInfo.agentVersion`.
pub const AGENT_VERSION: &str = env!("CARGO_PKG_VERSION");
/// Host ports the ECS agent always reserves.
pub const RESERVED_PORTS: [&str; 5] = ["22", "2375", "2376", "51678", "51679"];

/// Default long-poll of the sync loop: well under the control plane's
/// default agent timeout (10 s), so a live agent is never taken for a
/// silent one (the control plane also caps the poll at half its timeout).
pub const DEFAULT_SYNC_WAIT_SECONDS: u32 = 5;

/// How the agent is set up.
#[derive(Clone)]
pub struct AgentConfig {
    /// Control-plane base URLs (`http://host:port`), tried in order.
    pub endpoints: Vec<String>,
    /// Cluster name (or ARN) to register into.
    pub cluster: String,
    /// Where `state.json` lives.
    pub data_dir: PathBuf,
    pub region: String,
    pub access_key_id: String,
    pub secret_access_key: String,
    pub session_token: Option<String>,
    /// Extra instance attributes (name, value).
    pub attributes: Vec<(String, Option<String>)>,
    /// CPU units to register instead of `cores * 1024`.
    pub cpu_override: Option<i64>,
    /// Memory MiB to register instead of MemTotal.
    pub memory_override_mib: Option<i64>,
    /// How long stopped containers are kept before removal.
    pub container_cleanup_delay: Duration,
    /// Long-poll duration of the sync loop (capped at [`MAX_WAIT_SECONDS`]).
    pub sync_wait_seconds: u32,
    /// Safety-net period of the reconciler.
    pub reconcile_period: Duration,
    /// Cap of the retry backoff towards the control plane.
    pub max_backoff: Duration,
    /// The wall clock (timestamps, request signing).
    pub clock: SharedClock,
    /// Where to serve the task metadata and credentials endpoints
    /// (`169.254.170.2:80`, see [`crate::endpoint`]); `None` serves none and
    /// injects no endpoint variables.
    pub task_endpoint_addr: Option<std::net::SocketAddr>,
    /// PEM certificate(s) to trust for `https://` endpoints (the control
    /// plane's self-signed certificate); `None`: AWS_CA_BUNDLE or the system roots.
    pub ca_pem: Option<Vec<u8>>,
    /// `versionInfo.agentVersion` to register ([`AGENT_VERSION`]; tests
    /// simulate an upgraded binary with another).
    pub agent_version: String,
    /// Automated cleanup of the images this agent pulled ([`crate::images`]).
    pub image_cleanup: crate::images::CleanupPolicy,
}

impl AgentConfig {
    pub fn new(endpoints: Vec<String>, cluster: impl Into<String>, data_dir: PathBuf) -> Self {
        AgentConfig {
            endpoints,
            cluster: cluster.into(),
            data_dir,
            region: "us-east-1".into(),
            access_key_id: String::new(),
            secret_access_key: String::new(),
            session_token: None,
            attributes: Vec::new(),
            cpu_override: None,
            memory_override_mib: None,
            container_cleanup_delay: Duration::from_secs(600),
            sync_wait_seconds: DEFAULT_SYNC_WAIT_SECONDS,
            reconcile_period: Duration::from_secs(1),
            max_backoff: Duration::from_secs(2),
            clock: Arc::new(SystemClock),
            task_endpoint_addr: None,
            ca_pem: None,
            agent_version: AGENT_VERSION.to_string(),
            image_cleanup: Default::default(),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum AgentError {
    #[error("agent state")]
    State(#[from] StateError),
    #[error("control-plane client")]
    Client(#[source] ClientError),
    #[error("RegisterContainerInstance failed")]
    Register(#[source] ClientError),
    #[error("RegisterContainerInstance answered without containerInstance.containerInstanceArn")]
    NoInstanceArn,
    #[error("container runtime")]
    Runtime(#[from] RuntimeError),
    #[error("task endpoint")]
    Endpoint(#[source] std::io::Error),
}

/// Stops the endpoint server when `run` returns.
struct EndpointGuard(Option<tokio::task::AbortHandle>);

impl Drop for EndpointGuard {
    fn drop(&mut self) {
        if let Some(h) = &self.0 {
            h.abort();
        }
    }
}

/// CPU units (`cores * 1024`) and memory MiB of this host.
pub fn host_resources() -> (i64, i64) {
    let cores = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1) as i64;
    let mem_kib = std::fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("MemTotal:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse::<i64>().ok())
        })
        .unwrap_or(0);
    (cores * 1024, mem_kib / 1024)
}

fn parse_api_minor(api: &str) -> u32 {
    api.split('.')
        .nth(1)
        .and_then(|m| m.parse().ok())
        .unwrap_or(41)
}

/// The `RegisterContainerInstance` request body.
pub fn registration_body(
    config: &AgentConfig,
    docker_version: &str,
    api_version: &str,
    instance_arn: Option<&str>,
) -> serde_json::Value {
    let (cpu, mem) = host_resources();
    let cpu = config.cpu_override.unwrap_or(cpu);
    let mem = config.memory_override_mib.unwrap_or(mem);
    let arch = match std::env::consts::ARCH {
        "aarch64" => "arm64",
        other => other,
    };
    // Capabilities of this agent beyond the shared list: awsvpc interfaces
    // (pause container per task) and task IAM role credentials (the task
    // endpoint), like the ECS agent's names.
    let mut extra: Vec<(String, Option<String>)> =
        vec![("ecs.capability.task-eni".to_string(), None)];
    // The awslogs shipper signs with a task's execution role (`logs.rs`).
    extra.push(("ecs.capability.execution-role-awslogs".to_string(), None));
    if config.task_endpoint_addr.is_some() {
        for c in [
            "com.amazonaws.ecs.capability.task-iam-role",
            "com.amazonaws.ecs.capability.task-iam-role-network-host",
        ] {
            extra.push((c.to_string(), None));
        }
    }
    extra.extend(config.attributes.iter().cloned());
    let attrs =
        gantry_agent_api::registration_attributes(parse_api_minor(api_version), arch, &extra);
    let mut body = json!({
        "cluster": config.cluster,
        "totalResources": [
            {"name": "CPU", "type": "INTEGER", "integerValue": cpu},
            {"name": "MEMORY", "type": "INTEGER", "integerValue": mem},
            {"name": "PORTS", "type": "STRINGSET", "stringSetValue": RESERVED_PORTS},
            {"name": "PORTS_UDP", "type": "STRINGSET", "stringSetValue": []},
        ],
        "versionInfo": {
            "agentVersion": config.agent_version,
            "agentHash": option_env!("GANTRY_GIT_HASH").unwrap_or("unknown"),
            "dockerVersion": format!("DockerVersion: {docker_version}"),
        },
        "attributes": attrs,
    });
    if let Some(arn) = instance_arn {
        body["containerInstanceArn"] = json!(arn);
    }
    body
}

/// Longest wait between attempts to reach a container runtime that is down.
const ENGINE_MAX_BACKOFF: Duration = Duration::from_secs(5);

/// The runtime's event stream, subscribed after `delay`; it starts with an
/// empty id (a wake-up: whatever happened meanwhile is found by listing).
fn resubscribe(
    runtime: Arc<dyn ContainerRuntime>,
    delay: Duration,
) -> futures::stream::BoxStream<'static, String> {
    futures::stream::once(async move {
        tokio::time::sleep(delay).await;
        futures::stream::once(async { String::new() }).chain(runtime.events())
    })
    .flatten()
    .boxed()
}

/// Removes, in the background, the containers earlier identities of this
/// host left behind (see [`crate::state::leftovers_of_previous_identities`]).
async fn sweep_previous_identities(
    runtime: &Arc<dyn ContainerRuntime>,
    data_dir: &std::path::Path,
    current_arn: &str,
    reconciler: &Reconciler,
) {
    let previous = StateStore::new(data_dir).previous_identities();
    if previous.is_empty() {
        return;
    }
    let listed = match runtime
        .list(&[(gantry_agent_api::labels::MANAGED, "true")])
        .await
    {
        Ok(l) => l,
        Err(e) => {
            warn!(error = %e, "cannot list containers; earlier identities not swept");
            return;
        }
    };
    let held = reconciler.state().tasks.keys().cloned().collect();
    for id in crate::state::leftovers_of_previous_identities(&listed, &previous, current_arn, &held)
    {
        warn!(id = %id, "removing a container left by an earlier identity of this host");
        let rt = runtime.clone();
        tokio::spawn(async move {
            if let Err(e) = rt.stop(&id, crate::spec::DEFAULT_STOP_TIMEOUT).await {
                warn!(id = %id, error = %e, "stopping a leftover container");
            }
            if let Err(e) = rt.remove(&id).await {
                warn!(id = %id, error = %e, "cannot remove a leftover container");
            }
        });
    }
}

fn next_backoff(cur: Duration, max: Duration) -> Duration {
    (cur * 2).clamp(Duration::from_millis(100), max)
}

/// Hands the observed state to the pusher when it differs from the last one
/// handed over (the pusher sends the latest when it is free).
fn report(reconciler: &Reconciler, obs_tx: &watch::Sender<Option<ObservedState>>) {
    let observed = reconciler.observed();
    crate::metrics::global().observe(reconciler.state().desired.as_ref(), &observed);
    obs_tx.send_if_modified(|cur| {
        if cur.as_ref() == Some(&observed) {
            return false;
        }
        *cur = Some(observed);
        true
    });
}

/// Runs the agent until `shutdown` resolves (containers keep running) or
/// the control plane deregisters the instance (every task is stopped first).
pub async fn run(
    config: AgentConfig,
    runtime: Arc<dyn ContainerRuntime>,
    shutdown: impl Future<Output = ()>,
) -> Result<(), AgentError> {
    tokio::pin!(shutdown);
    // Pulls and image uses are recorded; unused pulled images are removed
    // in the background until `run` returns (images.rs).
    let (runtime, _image_cleanup) = crate::images::start(&config, runtime);
    let clock: SharedClock = config.clock.clone();
    let store = StateStore::new(&config.data_dir);
    let mut endpoint = None;
    let mut task_endpoint = None;
    if let Some(addr) = config.task_endpoint_addr {
        let fallback = match runtime.bridge_gateway().await {
            Ok(g) => g,
            Err(e) => {
                warn!(error = %e, "cannot find the Docker bridge gateway");
                None
            }
        };
        let (listener, base) = crate::endpoint::bind(addr, fallback)
            .await
            .map_err(AgentError::Endpoint)?;
        let ip = listener.local_addr().map_err(AgentError::Endpoint)?.ip();
        let ep = crate::endpoint::Endpoint::new(runtime.clone(), ip);
        let server = ep.clone();
        endpoint = Some((
            ep,
            tokio::spawn(async move {
                if let Err(e) = server.serve(listener).await {
                    error!(error = %e, "task endpoint server failed");
                }
            }),
        ));
        task_endpoint = Some(base);
    }
    let _endpoint_guard = EndpointGuard(endpoint.as_ref().map(|(_, h)| h.abort_handle()));
    let mut reconciler = Reconciler::new(
        runtime.clone(),
        store,
        ReconcilerConfig {
            cleanup_delay: config.container_cleanup_delay,
            registry_auth: crate::registry_auth::AuthSource::from_env(&config.data_dir),
            task_endpoint,
            logs: crate::logs::agent_client(&config).ok(),
        },
    )?;
    if let Some((ep, _)) = &endpoint {
        let ep = ep.clone();
        reconciler.set_state_observer(Arc::new(move |state| {
            ep.publish(crate::endpoint::Snapshot::from_state(state));
        }));
    }
    let mut client_config = ClientConfig::new(
        config.endpoints.clone(),
        config.region.clone(),
        config.access_key_id.clone(),
        config.secret_access_key.clone(),
        config.session_token.clone(),
    );
    client_config.connect_timeout = Duration::from_secs(2);
    if let Some(pem) = &config.ca_pem {
        client_config.ca_pem = Some(pem.clone());
    }
    let mut client = AgentClient::new(client_config).map_err(AgentError::Client)?;
    {
        let clock = clock.clone();
        client.set_time_source(Arc::new(move || {
            std::time::UNIX_EPOCH + Duration::from_secs_f64(clock.now())
        }));
    }
    let client = Arc::new(client);
    // The Engine may be down (restarting): wait for it rather than exit.
    let mut backoff = Duration::from_millis(100);
    let version = loop {
        match runtime.version().await {
            Ok(v) => break v,
            Err(e) => {
                warn!(error = %e, retry_in = ?backoff, "container runtime unavailable; waiting for it");
                tokio::select! {
                    _ = tokio::time::sleep(backoff) => {}
                    _ = &mut shutdown => return Ok(()),
                }
                backoff = (backoff * 2).min(ENGINE_MAX_BACKOFF);
            }
        }
    };

    // Register (or re-register with the persisted ARN).
    let mut backoff = Duration::from_millis(100);
    let arn = loop {
        let body = registration_body(
            &config,
            &version.version,
            &version.api_version,
            reconciler.instance_arn(),
        );
        let call = client.ecs_call("RegisterContainerInstance", &body);
        let result = tokio::select! {
            r = call => r,
            _ = &mut shutdown => return Ok(()),
        };
        match result {
            Ok(v) => match v["containerInstance"]["containerInstanceArn"].as_str() {
                Some(a) => break a.to_string(),
                None => return Err(AgentError::NoInstanceArn),
            },
            Err(e) if e.is_transient() => {
                warn!(error = %e, "registration failed; retrying");
                // Known host: keep reconciling to the persisted desired state
                // while the control plane is away.
                if reconciler.instance_arn().is_some() {
                    reconciler.converge(clock.now()).await?;
                }
                tokio::select! {
                    _ = tokio::time::sleep(backoff) => {}
                    _ = &mut shutdown => return Ok(()),
                }
                backoff = next_backoff(backoff, config.max_backoff);
            }
            Err(e) => return Err(AgentError::Register(e)),
        }
    };
    info!(container_instance = %arn, cluster = %config.cluster, "registered");
    if reconciler.instance_arn().is_some_and(|old| old != arn) {
        // The old instance was deregistered: this host is a new instance
        // whose desired state is unknown yet. Forget the old one, so no
        // generation number of the old instance can be mistaken for one of
        // the new (its tasks are then stopped as not desired).
        warn!(old = %reconciler.instance_arn().unwrap_or_default(), new = %arn, "registered as a new container instance");
        // Remembered, so what the old identity leaves behind is swept.
        StateStore::new(&config.data_dir)
            .add_previous_identity(reconciler.instance_arn().unwrap_or_default())?;
        reconciler.set_desired(gantry_agent_api::DesiredState {
            generation: 0,
            tasks: vec![],
        })?;
    }
    reconciler.set_instance_arn(arn.clone())?;
    sweep_previous_identities(&runtime, &config.data_dir, &arn, &reconciler).await;

    let known = Arc::new(AtomicU64::new(reconciler.known_generation()));
    let (resp_tx, mut resp_rx) = mpsc::channel::<SyncResponse>(8);
    let (obs_tx, obs_rx) = watch::channel::<Option<ObservedState>>(None);
    // Set when an answer held changes from a desired state the agent does
    // not hold: the poll then asks for the whole state once.
    let need_whole = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let mut loops = tokio::task::JoinSet::new();

    // Long-poll for desired state.
    {
        let client = client.clone();
        let known = known.clone();
        let need_whole = need_whole.clone();
        let tx = resp_tx.clone();
        let cluster = config.cluster.clone();
        let arn = arn.clone();
        let wait = config.sync_wait_seconds.min(MAX_WAIT_SECONDS);
        let max_backoff = config.max_backoff;
        loops.spawn(async move {
            let mut backoff = Duration::from_millis(100);
            // The generation last handed to the main loop: asked with it,
            // the control plane holds the poll until there is news, even
            // while the main loop has not taken it in yet (instead of
            // answering the same desired state again at once).
            let mut forwarded = 0;
            loop {
                let whole = need_whole.swap(false, Ordering::SeqCst);
                if whole {
                    forwarded = 0;
                }
                let req = SyncRequest {
                    cluster: cluster.clone(),
                    container_instance_arn: arn.clone(),
                    known_generation: known.load(Ordering::SeqCst).max(forwarded),
                    wait_seconds: if whole { 0 } else { wait },
                    observed: None,
                    // Changes are taken from the state the main loop holds
                    // once it has taken what this loop forwarded (in order).
                    accepts_changes: !whole,
                };
                let asked = tokio::time::Instant::now();
                match client.sync(&req).await {
                    Ok(resp) => {
                        backoff = Duration::from_millis(100);
                        // A server that answers at once without news must
                        // not turn the long-poll into a busy loop.
                        let idle = !resp.has_news() && resp.registered;
                        if resp.has_news() {
                            forwarded = resp.generation;
                        }
                        if tx.send(resp).await.is_err() {
                            return;
                        }
                        if idle && asked.elapsed() < Duration::from_millis(100) {
                            tokio::time::sleep(Duration::from_millis(250)).await;
                        }
                    }
                    Err(e) => {
                        warn!(error = %e, "sync (poll) failed; retrying");
                        tokio::time::sleep(backoff).await;
                        backoff = next_backoff(backoff, max_backoff);
                    }
                }
            }
        });
    }
    // Push the observed state whenever it changes.
    {
        let client = client.clone();
        let known = known.clone();
        let tx = resp_tx.clone();
        let cluster = config.cluster.clone();
        let arn = arn.clone();
        let mut rx = obs_rx;
        let max_backoff = config.max_backoff;
        loops.spawn(async move {
            // Only what changed since the last answered report is sent
            // (every so often all of it).
            let mut reported = gantry_agent_api::ReportedTasks::default();
            while rx.changed().await.is_ok() {
                let mut backoff = Duration::from_millis(100);
                loop {
                    let Some(observed) = rx.borrow_and_update().clone() else {
                        break;
                    };
                    let Some(observed) = reported.to_report(&observed) else {
                        break;
                    };
                    let req = SyncRequest {
                        cluster: cluster.clone(),
                        container_instance_arn: arn.clone(),
                        known_generation: known.load(Ordering::SeqCst),
                        wait_seconds: 0,
                        observed: Some(observed),
                        accepts_changes: false,
                    };
                    match client.sync(&req).await {
                        Ok(resp) => {
                            if let Some(sent) = req.observed {
                                reported.acknowledged(sent);
                            }
                            if tx.send(resp).await.is_err() {
                                return;
                            }
                            break;
                        }
                        Err(e) => {
                            warn!(error = %e, "sync (push) failed; retrying");
                            tokio::time::sleep(backoff).await;
                            backoff = next_backoff(backoff, max_backoff);
                        }
                    }
                }
            }
        });
    }
    drop(resp_tx);

    let mut events = runtime.events();
    let mut events_backoff = Duration::from_millis(500);
    let mut tick = tokio::time::interval(config.reconcile_period);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let mut deregistered = false;
    // Whether something may have changed since the last pass.
    let mut pass_due = true;
    loop {
        if pass_due {
            let pass = std::time::Instant::now();
            // Task jobs (pulls, creates, starts) go on in the background:
            // new desired state is taken in meanwhile, and each task is
            // reported as soon as its job ends (below).
            reconciler.converge_detached(clock.now()).await?;
            crate::metrics::global().reconcile_pass(pass.elapsed());
            report(&reconciler, &obs_tx);
        }
        pass_due = true;
        if deregistered && reconciler.all_stopped() {
            info!("instance deregistered; all tasks stopped");
            // Give the pusher a moment to report the final state.
            tokio::time::sleep(Duration::from_millis(200)).await;
            loops.abort_all();
            return Ok(());
        }
        tokio::select! {
            _ = &mut shutdown => {
                info!("agent shutting down; containers keep running");
                loops.abort_all();
                return Ok(());
            }
            resp = resp_rx.recv() => {
                let Some(mut resp) = resp else {
                    error!("sync loops ended");
                    return Ok(());
                };
                if !resp.registered && !deregistered {
                    warn!("container instance deregistered; stopping every task");
                    deregistered = true;
                    reconciler.set_deregistered();
                }
                // An answer without news (a push's, an idle poll's) needs
                // no pass.
                pass_due = deregistered && !reconciler.all_stopped();
                match resp.take_desired(reconciler.state().desired.as_ref()) {
                    Ok(Some(desired)) => {
                        if desired.generation != reconciler.known_generation() {
                            known.store(desired.generation, Ordering::SeqCst);
                            // Persisted by the pass that follows, before it acts.
                            reconciler.take_desired(desired);
                            pass_due = true;
                        }
                    }
                    Ok(None) => {}
                    Err(()) => {
                        warn!(generation = resp.generation, held = reconciler.known_generation(),
                            "desired-state changes from a state not held; asking for the whole state");
                        need_whole.store(true, Ordering::SeqCst);
                    }
                }
            }
            ev = events.next() => {
                let mut ended = ev.is_none();
                if ev.as_deref().is_some_and(|id| !id.is_empty()) {
                    events_backoff = Duration::from_millis(500);
                }
                // A burst (create, network connect, start, ...) costs one
                // pass: take in what is already there.
                while !ended {
                    match events.next().now_or_never() {
                        Some(Some(_)) => {}
                        Some(None) => ended = true,
                        None => break,
                    }
                }
                // While task jobs run, most events are theirs (creates,
                // starts): the pass that follows their end sees them all
                // (and the periodic one anything else), instead of listing
                // every container while the jobs wait to be taken in.
                pass_due = !reconciler.jobs_in_flight();
                if ended {
                    // The Engine went away (or its feed broke): resubscribe
                    // after a growing delay without blocking this loop; the
                    // periodic pass keeps listing meanwhile.
                    warn!(retry_in = ?events_backoff, "runtime event stream ended; resubscribing");
                    events = resubscribe(runtime.clone(), events_backoff);
                    events_backoff = (events_backoff * 2).min(ENGINE_MAX_BACKOFF);
                }
            }
            done = reconciler.next_background_done() => {
                if done? == crate::reconcile::BackgroundDone::TaskJob {
                    // A task moved (RUNNING, or failed to start): tell the
                    // control plane now, before the next pass lists.
                    report(&reconciler, &obs_tx);
                }
            }
            _ = tick.tick() => {}
        }
    }
}
