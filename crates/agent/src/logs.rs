//! The `awslogs` log driver: ships the output of containers whose task
//! definition says `logDriver: awslogs` to the control plane's Logs API.
//!
//! Docker keeps capturing with its `json-file` driver (see `spec.rs`); that
//! file is the on-disk buffer. A supervisor ([`run`]) takes no input: on a
//! short period, on every runtime event and on every save of the agent's
//! persisted state (`state.json`, see [`StateStore::subscribe`]) it rereads
//! that state and starts one shipper per started `awslogs`
//! container that has none and is not finished shipping. A shipper follows
//! the container's stdout/stderr through the runtime ([`ContainerRuntime::logs`]),
//! batches lines (AWS limits: 10,000 events, 1 MiB counting 26 bytes per
//! event, 24 h span, chronological) and sends them with `PutLogEvents`.
//!
//! - Stream name `awslogs-stream-prefix/container-name/task-id` (the
//!   container id without a prefix), group `awslogs-group`; with
//!   `awslogs-create-group: true` a missing group is created. Like Docker's
//!   driver, the reconciler creates them before the container starts
//!   ([`prepare`]); a destination that cannot be created fails the start.
//! - Nothing is lost when a container exits right after writing: the
//!   runtime's follow stream ends only after the last line, and the shipper
//!   flushes at that end before it records the container as done.
//! - Signing: a task with an execution role (`executionCredentials` in its
//!   desired state, refreshed by the control plane) has its log calls
//!   signed with those credentials, so the role's policy governs delivery
//!   as on ECS (a refused call is logged and retried/dropped like any other
//!   refusal); a task without one uses the agent's own credentials.
//! - A control-plane outage: the shipper keeps its batch and retries with
//!   backoff; meanwhile it reads at most one more batch (reading overlaps
//!   sending), so memory stays bounded (two batches) and the rest waits in
//!   Docker's log file.
//! - Exactly once across agent restarts: after each acknowledged batch the
//!   timestamp of its last line is persisted in `DATA_DIR/logs/<id>.json`;
//!   a new shipper resumes after it. The batch in flight is recorded there
//!   too (with the stream's `uploadSequenceToken` before it), so a crash
//!   between the acknowledgement and the cursor update does not resend it:
//!   at the next start, a moved token means it landed.
//!
//! - `awslogs-multiline-pattern` (a regex) or `awslogs-datetime-format` (a
//!   strftime format, turned into a regex exactly as Docker's awslogs
//!   driver does, see [`strftime_to_regex`]): a line matching the pattern
//!   starts a new event, the others are appended to the pending one (each
//!   line followed by `\n`, as Docker does); the pending event is sent once
//!   it has waited a flush interval, at the stream's end, or when it would
//!   exceed the 256 KiB event size. Both set at once is refused, like
//!   Docker's `ValidateLogOpt` (see [`parse_options`]).
//! - `mode: non-blocking` + `max-buffer-size` (default `1m`): the container
//!   never blocks on logging in any mode, because Docker writes to its
//!   json-file and the shipper reads behind it. In blocking mode that file
//!   is the (disk) buffer and nothing is dropped. In non-blocking mode the
//!   shipper keeps reading while a batch is in flight or retried, into an
//!   in-memory buffer of at most `max-buffer-size` bytes; lines beyond it
//!   are dropped (like Docker's ring buffer, newest first) and counted, and
//!   a warning with the count is logged once delivery resumes.

use crate::clock::SharedClock;
use crate::runtime::{ContainerRuntime, LogLine};
use crate::state::StateStore;
use futures::StreamExt;
use gantry_agent_api::client::{AgentClient, ClientConfig, ClientError};
use serde::{Deserialize, Serialize};
use serde_json::json;
use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;
use tokio::task::JoinSet;
use tracing::{debug, info, warn};

/// AWS's batch limits.
pub const MAX_BATCH_EVENTS: usize = 10_000;
pub const MAX_BATCH_BYTES: usize = 1_048_576;
pub const EVENT_OVERHEAD_BYTES: usize = 26;
const MAX_BATCH_SPAN_MS: i64 = 86_400_000;
/// Largest message of one event (Docker's `maximumBytesPerEvent`).
pub const MAX_EVENT_BYTES: usize = 262_144 - EVENT_OVERHEAD_BYTES;
/// Default `max-buffer-size` of `mode: non-blocking` (`1m`).
pub const DEFAULT_MAX_BUFFER_BYTES: usize = 1024 * 1024;

/// The awslogs options that shape shipping (besides the target).
#[derive(Debug, Clone)]
pub struct ShipOptions {
    /// A line matching it starts a new event (multi-line mode).
    pub multiline: Option<regex::Regex>,
    /// `mode: non-blocking`: bounded in-memory buffer, excess dropped.
    pub non_blocking: bool,
    /// `max-buffer-size` in bytes (non-blocking mode only).
    pub max_buffer_bytes: usize,
}

impl Default for ShipOptions {
    fn default() -> Self {
        ShipOptions {
            multiline: None,
            non_blocking: false,
            max_buffer_bytes: DEFAULT_MAX_BUFFER_BYTES,
        }
    }
}

/// Docker's awslogs translation of strftime sequences into regex pieces;
/// other sequences become nothing, and literal text is kept as regex text.
pub fn strftime_to_regex(format: &str) -> String {
    let mut out = String::new();
    let mut chars = format.chars();
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        let Some(k) = chars.next() else {
            out.push('%');
            break;
        };
        out.push_str(match k {
            'a' => "(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)",
            'A' => "(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)",
            'w' => "[0-6]",
            'd' => "(?:0[1-9]|[1,2][0-9]|3[0,1])",
            'b' => "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)",
            'B' => "(?:January|February|March|April|May|June|July|August|September|October|November|December)",
            'm' => "(?:0[1-9]|1[0-2])",
            'Y' => r"\d{4}",
            'y' => r"\d{2}",
            'H' => "(?:[0,1][0-9]|2[0-3])",
            'I' => "(?:0[0-9]|1[0-2])",
            'p' => "[A,P]M",
            'M' => "[0-5][0-9]",
            'S' => "[0-5][0-9]",
            'f' => r"\d{6}",
            'z' => r"[+-]\d{4}",
            'Z' => "[A-Z]{1,4}T",
            'j' => "(?:0[0-9][1-9]|[1,2][0-9][0-9]|3[0-5][0-9]|36[0-6])",
            'L' => r"\.\d{3}",
            _ => "",
        });
    }
    out
}

/// Docker's `units.RAMInBytes`: `1024`, `512k`, `1m`, `1.5MiB`, `2g` …
/// (binary multiples, case-insensitive).
pub fn parse_buffer_size(s: &str) -> Option<usize> {
    let t = s.trim().to_ascii_lowercase();
    let split = t
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(t.len());
    let (num, unit) = t.split_at(split);
    let n: f64 = num
        .parse()
        .ok()
        .filter(|n: &f64| n.is_finite() && *n >= 0.0)?;
    let mult: f64 = match unit.trim() {
        "" | "b" => 1.0,
        "k" | "kb" | "kib" => 1024.0,
        "m" | "mb" | "mib" => 1024.0 * 1024.0,
        "g" | "gb" | "gib" => 1024.0 * 1024.0 * 1024.0,
        "t" | "tb" | "tib" => 1024.0f64.powi(4),
        _ => return None,
    };
    Some((n * mult) as usize)
}

/// The shipping options of an awslogs log configuration, validated the way
/// Docker validates them when it creates the container.
pub fn parse_options(options: &BTreeMap<String, String>) -> Result<ShipOptions, String> {
    let datetime = options.get("awslogs-datetime-format");
    let multiline = options.get("awslogs-multiline-pattern");
    if datetime.is_some() && multiline.is_some() {
        return Err("you cannot configure log opt 'awslogs-datetime-format' and 'awslogs-multiline-pattern' at the same time".into());
    }
    let pattern = match (datetime, multiline) {
        (Some(f), _) if !f.is_empty() => Some(strftime_to_regex(f)),
        (_, Some(p)) if !p.is_empty() => Some(p.clone()),
        _ => None,
    };
    let multiline =
        match pattern {
            None => None,
            Some(p) => Some(regex::Regex::new(&p).map_err(|e| {
                format!("awslogs could not parse multiline pattern key \"{p}\": {e}")
            })?),
        };
    let non_blocking = match options.get("mode").map(String::as_str) {
        None | Some("") | Some("blocking") => false,
        Some("non-blocking") => true,
        Some(other) => return Err(format!("logger: logging mode not supported: {other}")),
    };
    let max_buffer_bytes = match options.get("max-buffer-size") {
        None => DEFAULT_MAX_BUFFER_BYTES,
        Some(_) if !non_blocking => {
            return Err(
                "logger: max-buffer-size option is only supported with 'mode=non-blocking'".into(),
            )
        }
        Some(v) => parse_buffer_size(v)
            .ok_or_else(|| format!("logger: could not parse max-buffer-size {v:?}"))?,
    };
    Ok(ShipOptions {
        multiline,
        non_blocking,
        max_buffer_bytes,
    })
}

/// Joins lines into multi-line events (pure; the caller passes the time).
#[derive(Debug)]
pub struct Joiner<T> {
    pattern: regex::Regex,
    buf: String,
    first_ns: i64,
    last_ns: i64,
    started: Option<T>,
}

/// A complete event: (timestamp ns of its first line, of its last line, message).
pub type Joined = (i64, i64, String);

impl<T: Copy> Joiner<T> {
    pub fn new(pattern: regex::Regex) -> Self {
        Joiner {
            pattern,
            buf: String::new(),
            first_ns: 0,
            last_ns: 0,
            started: None,
        }
    }

    /// Adds a line; returns the event it completes, if any.
    pub fn push(&mut self, line: &LogLine, now: T) -> Option<Joined> {
        let new_event = self.pattern.is_match(&line.message);
        let out = if !self.buf.is_empty()
            && (new_event || self.buf.len() + line.message.len() > MAX_EVENT_BYTES)
        {
            self.take()
        } else {
            None
        };
        if self.buf.is_empty() {
            self.first_ns = line.timestamp_ns;
            self.started = Some(now);
        }
        self.buf.push_str(&line.message);
        if line.message.len() < MAX_EVENT_BYTES {
            self.buf.push('\n');
        }
        self.last_ns = line.timestamp_ns;
        out
    }

    /// When the pending event started (None: nothing pending).
    pub fn started(&self) -> Option<T> {
        self.started
    }

    /// The pending event, if any.
    pub fn take(&mut self) -> Option<Joined> {
        self.started = None;
        if self.buf.is_empty() {
            return None;
        }
        Some((self.first_ns, self.last_ns, std::mem::take(&mut self.buf)))
    }
}

/// Shipper settings.
#[derive(Debug, Clone)]
pub struct ShipperConfig {
    /// The agent's data dir (`state.json`); cursors go to `logs/` inside.
    pub data_dir: PathBuf,
    /// A batch is sent at least this often (250 ms: lines are queryable
    /// within ~0.3 s of being written, see G7).
    pub flush_interval: Duration,
    /// Safety-net period of the supervisor.
    pub scan_interval: Duration,
    /// Batch size limit (counted like AWS: message bytes + 26 per event).
    pub max_batch_bytes: usize,
    /// Cap of the retry backoff.
    pub max_backoff: Duration,
}

impl ShipperConfig {
    pub fn new(data_dir: PathBuf) -> Self {
        ShipperConfig {
            data_dir,
            flush_interval: Duration::from_millis(250),
            scan_interval: Duration::from_secs(1),
            max_batch_bytes: MAX_BATCH_BYTES,
            max_backoff: Duration::from_secs(10),
        }
    }
}

/// Where a container's output goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    pub group: String,
    pub stream: String,
    pub create_group: bool,
}

/// The `awslogs` target of a container, from its log options.
pub fn target(
    options: &BTreeMap<String, String>,
    container_name: &str,
    task_arn: &str,
    container_id: &str,
) -> Option<Target> {
    let group = options.get("awslogs-group")?.clone();
    let task_id = task_arn.rsplit('/').next().unwrap_or(task_arn);
    let stream = match options.get("awslogs-stream-prefix") {
        Some(p) if !p.is_empty() => format!("{p}/{container_name}/{task_id}"),
        _ => container_id.to_string(),
    };
    let create_group = options
        .get("awslogs-create-group")
        .is_some_and(|v| v.eq_ignore_ascii_case("true"));
    Some(Target {
        group,
        stream,
        create_group,
    })
}

/// Prepares a container's `awslogs` destination before the container
/// starts, as Docker's awslogs driver does when it initialises: the stream is
/// created, and when the group is missing and `awslogs-create-group` is
/// true, the group and then the stream. So a task's stream exists from the
/// moment its container runs (a reader never finds a finished task without
/// its stream), and a destination that cannot be created (a missing group
/// without `awslogs-create-group`, a refusal under the execution role) fails
/// the container's start with Docker's message, as on ECS.
///
/// `client` signs with the task's execution role when it has one. Transient
/// failures (the control plane unreachable) are retried briefly and then
/// left to the shipper, which keeps retrying: they do not hold the task.
pub async fn prepare(client: &AgentClient, target: &Target) -> Result<(), String> {
    const ATTEMPTS: u32 = 3;
    let mut backoff = Duration::from_millis(100);
    let mut attempt = 0;
    loop {
        attempt += 1;
        match prepare_once(client, target).await {
            Ok(()) => return Ok(()),
            Err(Prepared::Failed(reason)) => {
                warn!(group = %target.group, stream = %target.stream, reason = %reason, "cannot initialise the awslogs destination");
                return Err(format!("failed to initialize logging driver: {reason}"));
            }
            Err(Prepared::Transient(e)) if attempt >= ATTEMPTS => {
                warn!(group = %target.group, stream = %target.stream, error = %e, "log service unreachable; the shipper will create the stream");
                return Ok(());
            }
            Err(Prepared::Transient(_)) => {
                tokio::time::sleep(backoff).await;
                backoff *= 2;
            }
        }
    }
}

enum Prepared {
    Failed(String),
    Transient(ClientError),
}

fn classify(e: ClientError, what: &str) -> Prepared {
    match e {
        e if e.is_transient() => Prepared::Transient(e),
        ClientError::Api { code, message, .. } => Prepared::Failed(format!(
            "failed to create Cloudwatch log {what}: {code}: {message}"
        )),
        e => Prepared::Failed(format!("failed to create Cloudwatch log {what}: {e}")),
    }
}

async fn prepare_once(client: &AgentClient, target: &Target) -> Result<(), Prepared> {
    let stream = json!({"logGroupName": target.group, "logStreamName": target.stream});
    match client.logs_call("CreateLogStream", &stream).await {
        Ok(_) => return Ok(()),
        Err(ClientError::Api { code, .. }) if code == "ResourceAlreadyExistsException" => {
            return Ok(())
        }
        Err(ClientError::Api { code, .. })
            if code == "ResourceNotFoundException" && target.create_group => {}
        Err(e) => return Err(classify(e, "stream")),
    }
    match client
        .logs_call("CreateLogGroup", &json!({"logGroupName": target.group}))
        .await
    {
        Ok(_) => {}
        Err(ClientError::Api { code, .. }) if code == "ResourceAlreadyExistsException" => {}
        Err(e) => return Err(classify(e, "group")),
    }
    match client.logs_call("CreateLogStream", &stream).await {
        Ok(_) => Ok(()),
        Err(ClientError::Api { code, .. }) if code == "ResourceAlreadyExistsException" => Ok(()),
        Err(e) => Err(classify(e, "stream")),
    }
}

/// The `awslogs` target of `container` of `task` (created as `container_id`)
/// and the client its calls are signed with (the task's execution role, else
/// `client`); `None` when the container does not log with awslogs.
pub fn destination(
    client: &Arc<AgentClient>,
    task: &gantry_agent_api::DesiredTask,
    container: &str,
    container_id: &str,
) -> Option<(Target, Arc<AgentClient>)> {
    let lc = task
        .containers
        .iter()
        .find(|c| c.name == container)?
        .log_configuration
        .as_ref()?;
    if lc.log_driver != "awslogs" {
        return None;
    }
    let target = target(&lc.options, container, &task.task_arn, container_id)?;
    let signer = match &task.execution_credentials {
        None => client.clone(),
        Some(c) => match client.with_credentials(
            &c.access_key_id,
            &c.secret_access_key,
            Some(c.session_token.clone()),
        ) {
            Ok(role) => Arc::new(role),
            Err(e) => {
                warn!(task = %task.task_arn, error = %e, "cannot use the execution role credentials; using the agent's");
                client.clone()
            }
        },
    };
    Some((target, signer))
}

/// Builds the agent's Logs client from its configuration (endpoints,
/// credentials, CA, clock), as the shippers and the reconciler use it.
pub fn agent_client(config: &crate::AgentConfig) -> Result<Arc<AgentClient>, ClientError> {
    let mut cfg = ClientConfig::new(
        config.endpoints.clone(),
        &config.region,
        &config.access_key_id,
        &config.secret_access_key,
        config.session_token.clone(),
    );
    cfg.connect_timeout = Duration::from_secs(2);
    if let Some(pem) = &config.ca_pem {
        cfg.ca_pem = Some(pem.clone());
    }
    let mut c = AgentClient::new(cfg)?;
    let clock = config.clock.clone();
    c.set_time_source(Arc::new(move || {
        std::time::UNIX_EPOCH + Duration::from_secs_f64(clock.now())
    }));
    Ok(Arc::new(c))
}

/// Progress of one container, persisted after every acknowledged batch.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Cursor {
    /// Timestamp (ns) of the last line delivered.
    last_ns: i64,
    /// The container finished and everything was delivered.
    done: bool,
    /// The batch in flight, recorded before it is sent: if the agent dies
    /// between the acknowledgement and the cursor update, the next start
    /// tells from the stream's `uploadSequenceToken` whether it landed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    in_flight: Option<InFlight>,
}

/// See [`Cursor::in_flight`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct InFlight {
    /// The stream's `uploadSequenceToken` before the batch (it changes with
    /// every accepted batch; the stream has one writer, this shipper).
    token_before: String,
    /// Timestamp (ns) of the batch's last line.
    last_ns: i64,
}

fn cursor_dir(data_dir: &Path) -> PathBuf {
    data_dir.join("logs")
}

fn cursor_path(data_dir: &Path, id: &str) -> PathBuf {
    cursor_dir(data_dir).join(format!("{id}.json"))
}

fn load_cursor(path: &Path) -> Cursor {
    std::fs::read(path)
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok())
        .unwrap_or_default()
}

fn save_cursor(path: &Path, c: &Cursor) -> std::io::Result<()> {
    use std::io::Write;
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let tmp = path.with_extension("json.tmp");
    let mut f = std::fs::File::create(&tmp)?;
    f.write_all(&serde_json::to_vec(c).map_err(std::io::Error::other)?)?;
    f.sync_all()?;
    std::fs::rename(&tmp, path)
}

/// Builds the client the shippers use, signing with the agent's clock.
pub fn client(
    endpoints: Vec<String>,
    region: &str,
    access_key_id: &str,
    secret_access_key: &str,
    session_token: Option<String>,
    clock: SharedClock,
) -> Result<Arc<AgentClient>, ClientError> {
    let mut cfg = ClientConfig::new(
        endpoints,
        region,
        access_key_id,
        secret_access_key,
        session_token,
    );
    cfg.connect_timeout = Duration::from_secs(2);
    let mut c = AgentClient::new(cfg)?;
    c.set_time_source(Arc::new(move || {
        std::time::UNIX_EPOCH + Duration::from_secs_f64(clock.now())
    }));
    Ok(Arc::new(c))
}

/// A running supervisor (see [`spawn`]).
pub struct ShipperTask {
    stop: tokio::sync::watch::Sender<bool>,
    handle: tokio::task::JoinHandle<()>,
}

impl ShipperTask {
    /// Stops the supervisor and its shippers (their cursors are persisted
    /// after every batch, so a later start resumes where they were).
    pub async fn stop(self) {
        let _ = self.stop.send(true);
        let _ = self.handle.await;
    }
}

/// Starts [`run`] for the agent configured by `config`.
pub fn spawn(
    config: &crate::AgentConfig,
    runtime: Arc<dyn ContainerRuntime>,
) -> Result<ShipperTask, ClientError> {
    let client = agent_client(config)?;
    let (stop, mut rx) = tokio::sync::watch::channel(false);
    let shipper_config = ShipperConfig::new(config.data_dir.clone());
    let handle = tokio::spawn(async move {
        run(shipper_config, client, runtime, async move {
            let _ = rx.wait_for(|v| *v).await;
        })
        .await
    });
    Ok(ShipperTask { stop, handle })
}

/// Supervises the shippers until `shutdown` completes (see the module doc).
pub async fn run(
    config: ShipperConfig,
    client: Arc<AgentClient>,
    runtime: Arc<dyn ContainerRuntime>,
    shutdown: impl std::future::Future<Output = ()>,
) {
    tokio::pin!(shutdown);
    let store = StateStore::new(&config.data_dir);
    let mut active: BTreeSet<String> = BTreeSet::new();
    let mut shippers: JoinSet<String> = JoinSet::new();
    let mut events = runtime.events();
    // A container is shippable once state.json says it started, which is
    // written after the runtime's start event: a save wakes a scan.
    let mut saved = store.subscribe();
    loop {
        while let Some(done) = shippers.try_join_next() {
            if let Ok(id) = done {
                active.remove(&id);
            }
        }
        scan(
            &config,
            &store,
            &client,
            &runtime,
            &mut active,
            &mut shippers,
        );
        tokio::select! {
            _ = &mut shutdown => break,
            ev = events.next() => {
                if ev.is_none() {
                    tokio::time::sleep(config.scan_interval).await;
                    events = runtime.events();
                }
            }
            _ = saved.changed() => {}
            _ = tokio::time::sleep(config.scan_interval) => {}
            Some(done) = shippers.join_next(), if !shippers.is_empty() => {
                if let Ok(id) = done {
                    active.remove(&id);
                }
            }
        }
    }
    shippers.shutdown().await;
}

fn scan(
    config: &ShipperConfig,
    store: &StateStore,
    client: &Arc<AgentClient>,
    runtime: &Arc<dyn ContainerRuntime>,
    active: &mut BTreeSet<String>,
    shippers: &mut JoinSet<String>,
) {
    // Woken by every save of state.json: a state that names no awslogs
    // container is not decoded (none to ship; the cursors of containers
    // that are gone are still swept below).
    let state = match store.load_if_contains(b"awslogs") {
        Ok(s) => s.unwrap_or_default(),
        Err(e) => {
            debug!(error = %e, "cannot read agent state for log shipping");
            return;
        }
    };
    let mut known = BTreeSet::new();
    for ts in state.tasks.values() {
        for cs in &ts.containers {
            let Some(id) = &cs.docker_id else { continue };
            known.insert(id.clone());
            if !cs.started || active.contains(id) {
                continue;
            }
            let Some(lc) = ts
                .task
                .containers
                .iter()
                .find(|c| c.name == cs.name)
                .and_then(|c| c.log_configuration.as_ref())
            else {
                continue;
            };
            if lc.log_driver != "awslogs" {
                continue;
            }
            let Some(target) = target(&lc.options, &cs.name, &ts.task.task_arn, id) else {
                warn!(task = %ts.task.task_arn, container = %cs.name, "awslogs without awslogs-group; not shipping");
                continue;
            };
            let path = cursor_path(&config.data_dir, id);
            if load_cursor(&path).done {
                continue;
            }
            let opts = match parse_options(&lc.options) {
                Ok(o) => o,
                Err(e) => {
                    // Docker refuses such a container at create; here the
                    // lines are still shipped, one event per line.
                    warn!(task = %ts.task.task_arn, container = %cs.name, error = %e, "invalid awslogs options; shipping without them");
                    ShipOptions::default()
                }
            };
            info!(container = %cs.name, id = %id, group = %target.group, stream = %target.stream, non_blocking = opts.non_blocking, multiline = opts.multiline.is_some(), "shipping container logs");
            active.insert(id.clone());
            let shipper = Shipper {
                id: id.clone(),
                target,
                client: client.clone(),
                runtime: runtime.clone(),
                cursor_path: path,
                config: config.clone(),
                opts,
                token: std::sync::Mutex::new(None),
                task_arn: ts.task.task_arn.clone(),
                saves: store.subscribe(),
                store: store.clone(),
                creds: std::sync::Mutex::new(None),
                role_client: std::sync::Mutex::new(None),
            };
            shippers.spawn(async move {
                let id = shipper.id.clone();
                shipper.run().await;
                id
            });
        }
    }
    // Cursors of containers the agent no longer knows.
    if let Ok(rd) = std::fs::read_dir(cursor_dir(&config.data_dir)) {
        for entry in rd.flatten() {
            let name = entry.file_name().to_string_lossy().to_string();
            if let Some(id) = name.strip_suffix(".json") {
                if !known.contains(id) && !active.contains(id) {
                    let _ = std::fs::remove_file(entry.path());
                }
            }
        }
    }
}

/// One pending event.
#[derive(Debug, Clone)]
struct Pending {
    timestamp_ms: i64,
    timestamp_ns: i64,
    message: String,
}

/// Events read but not yet acknowledged, oldest first.
#[derive(Debug, Default)]
struct Queue {
    events: VecDeque<Pending>,
    /// Message bytes + 26 per event (AWS's count).
    bytes: usize,
}

impl Queue {
    fn push(&mut self, p: Pending) {
        self.bytes += p.message.len() + EVENT_OVERHEAD_BYTES;
        self.events.push_back(p);
    }

    /// Whether the queue holds at least one full batch.
    fn has_full_batch(&self, max_bytes: usize) -> bool {
        self.events.len() >= MAX_BATCH_EVENTS || self.bytes >= max_bytes
    }

    /// Takes the longest prefix that fits one PutLogEvents batch.
    fn take_batch(&mut self, max_bytes: usize) -> Vec<Pending> {
        let mut out: Vec<Pending> = Vec::new();
        let mut bytes = 0usize;
        while let Some(p) = self.events.front() {
            let size = p.message.len() + EVENT_OVERHEAD_BYTES;
            let fits = out.len() < MAX_BATCH_EVENTS
                && bytes + size <= max_bytes
                && out
                    .first()
                    .is_none_or(|f| p.timestamp_ms - f.timestamp_ms <= MAX_BATCH_SPAN_MS);
            if !fits && !out.is_empty() {
                break;
            }
            bytes += size;
            self.bytes -= size;
            if let Some(p) = self.events.pop_front() {
                out.push(p);
            }
        }
        out
    }
}

struct Shipper {
    id: String,
    target: Target,
    client: Arc<AgentClient>,
    runtime: Arc<dyn ContainerRuntime>,
    cursor_path: PathBuf,
    config: ShipperConfig,
    opts: ShipOptions,
    /// The stream's current `uploadSequenceToken`, as last seen.
    token: std::sync::Mutex<Option<String>>,
    /// The container's task and where its desired state (with its
    /// execution role credentials) is kept.
    task_arn: String,
    store: StateStore,
    /// Moves with every save of the agent state (see [`StateStore::subscribe`]).
    saves: tokio::sync::watch::Receiver<u64>,
    /// The task's execution credentials as of a save: the state is decoded
    /// again only after it was saved again, not for every batch.
    creds: std::sync::Mutex<Option<(u64, Credentials)>>,
    /// The client signing with the execution role's credentials, by key id.
    role_client: std::sync::Mutex<Option<(String, Arc<AgentClient>)>>,
}

/// A task's execution role credentials: `Ok(None)` without a role,
/// `Err(())` when the agent state no longer holds the task.
type Credentials = Result<Option<gantry_agent_api::TaskCredentials>, ()>;

/// Whose credentials sign a task's log calls, from the agent state: the
/// task's execution role credentials, `Ok(None)` for the agent's own (a task
/// without an execution role), `Err(())` when the task is no longer known.
fn execution_credentials(state: &crate::state::AgentState, task_arn: &str) -> Credentials {
    state
        .tasks
        .get(task_arn)
        .map(|ts| ts.task.execution_credentials.clone())
        .ok_or(())
}

impl Shipper {
    /// The client this container's log calls are signed with: its task's
    /// execution role (so the role's policy governs delivery, like ECS),
    /// else the agent's own credentials. A task gone from the state keeps
    /// the last role client for its final lines.
    fn signer(&self) -> Arc<AgentClient> {
        let creds = self.credentials();
        let mut cached = self.role_client.lock().unwrap_or_else(|e| e.into_inner());
        match creds {
            Ok(None) => self.client.clone(),
            Ok(Some(c)) => {
                if let Some((key, client)) = cached.as_ref() {
                    if *key == c.access_key_id {
                        return client.clone();
                    }
                }
                match self.client.with_credentials(
                    &c.access_key_id,
                    &c.secret_access_key,
                    Some(c.session_token.clone()),
                ) {
                    Ok(client) => {
                        debug!(id = %self.id, role = %c.role_arn, "signing log delivery with the task execution role");
                        let client = Arc::new(client);
                        *cached = Some((c.access_key_id.clone(), client.clone()));
                        client
                    }
                    Err(e) => {
                        warn!(id = %self.id, error = %e, "cannot use the execution role credentials; using the agent's");
                        self.client.clone()
                    }
                }
            }
            Err(()) => cached
                .as_ref()
                .map(|(_, c)| c.clone())
                .unwrap_or_else(|| self.client.clone()),
        }
    }

    /// The task's execution credentials from the agent state, decoded
    /// once per save of the state (a failed read is not remembered).
    fn credentials(&self) -> Credentials {
        // Read before the load: a save in between makes the next call load
        // again instead of keeping a stale answer.
        let seen = *self.saves.borrow();
        let mut memo = self.creds.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((at, creds)) = memo.as_ref() {
            if *at == seen {
                return creds.clone();
            }
        }
        match self.store.load() {
            Ok(state) => {
                let creds = execution_credentials(&state, &self.task_arn);
                *memo = Some((seen, creds.clone()));
                creds
            }
            Err(_) => Err(()),
        }
    }

    async fn run(self) {
        let mut cursor = load_cursor(&self.cursor_path);
        self.ensure_stream().await;
        let token = self.upload_token().await;
        if let Some(mark) = cursor.in_flight.take() {
            // Died with a batch in flight: it landed iff the token moved.
            if token.as_ref().is_some_and(|t| *t != mark.token_before) {
                info!(id = %self.id, last_ns = mark.last_ns, "batch in flight at the last stop was delivered; not resending");
                cursor.last_ns = cursor.last_ns.max(mark.last_ns);
            }
            if let Err(e) = save_cursor(&self.cursor_path, &cursor) {
                warn!(id = %self.id, error = %e, "cannot save log cursor");
            }
        }
        *self.token.lock().unwrap_or_else(|e| e.into_inner()) = token;
        loop {
            let ended = self.follow(&mut cursor).await;
            if ended {
                let finished = match self.runtime.inspect(&self.id).await {
                    Ok(None) => true,
                    Ok(Some(info)) => info.state.is_finished(),
                    Err(_) => false,
                };
                if finished {
                    cursor.done = true;
                    if let Err(e) = save_cursor(&self.cursor_path, &cursor) {
                        warn!(id = %self.id, error = %e, "cannot save log cursor");
                    }
                    info!(id = %self.id, stream = %self.target.stream, "container logs shipped");
                    return;
                }
            }
            tokio::time::sleep(self.config.flush_interval).await;
        }
    }

    /// Follows the runtime's stream until it ends (true) or breaks (false),
    /// with everything read by then acknowledged.
    async fn follow(&self, cursor: &mut Cursor) -> bool {
        let since = cursor.last_ns.div_euclid(1_000_000_000);
        // Whatever lines are ready come as one chunk: one pass of the loop
        // below per chunk, not per line.
        let mut lines = self.runtime.logs(&self.id, since).ready_chunks(1024);
        let max_bytes = self.config.max_batch_bytes;
        let mut queue = Queue::default();
        let mut joiner = self.opts.multiline.clone().map(Joiner::new);
        let mut tick = tokio::time::interval(self.config.flush_interval);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        let mut last_ms = i64::MIN;
        let mut ended: Option<bool> = None;
        let mut flush_due = false;
        let mut dropped = (0u64, 0u64); // (events, bytes)
        let mut inflight: Option<
            std::pin::Pin<Box<dyn std::future::Future<Output = Option<i64>> + Send + '_>>,
        > = None;
        loop {
            if inflight.is_none() {
                let ready = queue.has_full_batch(max_bytes)
                    || (!queue.events.is_empty() && (flush_due || ended.is_some()));
                if ready {
                    let batch = queue.take_batch(max_bytes);
                    let token_before = self.token.lock().unwrap_or_else(|e| e.into_inner()).clone();
                    if let (Some(token_before), Some(last_ns)) =
                        (token_before, batch.iter().map(|e| e.timestamp_ns).max())
                    {
                        cursor.in_flight = Some(InFlight {
                            token_before,
                            last_ns,
                        });
                        if let Err(e) = save_cursor(&self.cursor_path, cursor) {
                            warn!(id = %self.id, error = %e, "cannot save log cursor");
                        }
                    }
                    inflight = Some(Box::pin(self.send(batch)));
                    flush_due = false;
                } else if let Some(result) = ended {
                    return result;
                }
            }
            // Blocking: read until the next batch is full, also while one
            // is in flight (reading overlaps sending; at most two batches
            // are held, the rest waits in Docker's file). Non-blocking:
            // always read; the queue is bounded by max-buffer-size.
            let reading =
                ended.is_none() && (self.opts.non_blocking || !queue.has_full_batch(max_bytes));
            tokio::select! {
                chunk = lines.next(), if reading => match chunk {
                    Some(chunk) => {
                        for line in chunk {
                            let line = match line {
                                Ok(line) => line,
                                Err(e) => {
                                    warn!(id = %self.id, error = %e, "container log stream failed");
                                    if let Some(ev) = joiner.as_mut().and_then(Joiner::take) {
                                        self.enqueue(&mut queue, ev, &mut last_ms, &mut dropped);
                                    }
                                    ended = Some(false);
                                    break;
                                }
                            };
                            if line.timestamp_ns <= cursor.last_ns || line.message.is_empty() {
                                continue;
                            }
                            let done = match &mut joiner {
                                Some(j) => j.push(&line, tokio::time::Instant::now()),
                                None => Some((line.timestamp_ns, line.timestamp_ns, line.message)),
                            };
                            if let Some(ev) = done {
                                self.enqueue(&mut queue, ev, &mut last_ms, &mut dropped);
                            }
                        }
                    }
                    None => {
                        if let Some(ev) = joiner.as_mut().and_then(Joiner::take) {
                            self.enqueue(&mut queue, ev, &mut last_ms, &mut dropped);
                        }
                        ended = Some(true);
                    }
                },
                last = async {
                    match inflight.as_mut() {
                        Some(f) => f.await,
                        None => std::future::pending().await,
                    }
                }, if inflight.is_some() => {
                    inflight = None;
                    if let Some(ns) = last {
                        cursor.last_ns = cursor.last_ns.max(ns);
                    }
                    cursor.in_flight = None;
                    if let Err(e) = save_cursor(&self.cursor_path, cursor) {
                        warn!(id = %self.id, error = %e, "cannot save log cursor");
                    }
                    if dropped.0 > 0 {
                        warn!(id = %self.id, stream = %self.target.stream, dropped_events = dropped.0, dropped_bytes = dropped.1, max_buffer_bytes = self.opts.max_buffer_bytes, "mode non-blocking: log buffer was full; lines dropped");
                        dropped = (0, 0);
                    }
                }
                _ = tick.tick() => {
                    flush_due = true;
                    // A pending multi-line event waits at most one interval.
                    if let Some(j) = &mut joiner {
                        if j.started().is_some_and(|t| t.elapsed() >= self.config.flush_interval) {
                            if let Some(ev) = j.take() {
                                self.enqueue(&mut queue, ev, &mut last_ms, &mut dropped);
                            }
                        }
                    }
                }
            }
        }
    }

    /// Queues one event (split when over the event size), chronological;
    /// in non-blocking mode drops it when the buffer is full.
    fn enqueue(
        &self,
        queue: &mut Queue,
        (first_ns, last_ns, message): Joined,
        last_ms: &mut i64,
        dropped: &mut (u64, u64),
    ) {
        if self.opts.non_blocking && queue.bytes + message.len() > self.opts.max_buffer_bytes {
            dropped.0 += 1;
            dropped.1 += message.len() as u64;
            return;
        }
        // Chronological within a stream, as PutLogEvents requires.
        let ts_ms = first_ns.div_euclid(1_000_000).max(*last_ms);
        *last_ms = ts_ms;
        let max_msg = (self.config.max_batch_bytes - EVENT_OVERHEAD_BYTES).min(MAX_EVENT_BYTES);
        if message.len() <= max_msg {
            queue.push(Pending {
                timestamp_ms: ts_ms,
                timestamp_ns: last_ns,
                message,
            });
            return;
        }
        let mut rest = message.as_str();
        while !rest.is_empty() {
            let mut cut = rest.len().min(max_msg);
            while !rest.is_char_boundary(cut) {
                cut -= 1;
            }
            let (part, tail) = rest.split_at(cut);
            queue.push(Pending {
                timestamp_ms: ts_ms,
                // The cursor moves past the event only with its last part.
                timestamp_ns: if tail.is_empty() {
                    last_ns
                } else {
                    first_ns - 1
                },
                message: part.to_string(),
            });
            rest = tail;
        }
    }

    /// Sends one batch, retrying until it is acknowledged (or refused for
    /// good); returns the newest line timestamp (ns) it covered.
    async fn send(&self, events: Vec<Pending>) -> Option<i64> {
        if events.is_empty() {
            return None;
        }
        // Encoded straight from the queued events (no JSON tree).
        #[derive(Serialize)]
        #[serde(rename_all = "camelCase")]
        struct Put<'a> {
            log_group_name: &'a str,
            log_stream_name: &'a str,
            log_events: Vec<Event<'a>>,
        }
        #[derive(Serialize)]
        struct Event<'a> {
            timestamp: i64,
            message: &'a str,
        }
        let body = Put {
            log_group_name: &self.target.group,
            log_stream_name: &self.target.stream,
            log_events: events
                .iter()
                .map(|e| Event {
                    timestamp: e.timestamp_ms,
                    message: &e.message,
                })
                .collect(),
        };
        let mut backoff = Duration::from_millis(200);
        loop {
            match self.signer().logs_call("PutLogEvents", &body).await {
                Ok(answer) => {
                    if let Some(r) = answer.get("rejectedLogEventsInfo") {
                        warn!(id = %self.id, rejected = %r, "log service rejected some events");
                    }
                    *self.token.lock().unwrap_or_else(|e| e.into_inner()) = answer
                        .get("nextSequenceToken")
                        .and_then(|t| t.as_str())
                        .map(str::to_string);
                    break;
                }
                Err(ClientError::Api { code, .. }) if code == "ResourceNotFoundException" => {
                    self.ensure_stream().await;
                }
                Err(e) if e.is_transient() => {
                    debug!(id = %self.id, error = %e, "log service unavailable; retrying");
                    tokio::time::sleep(backoff).await;
                    backoff = (backoff * 2).min(self.config.max_backoff);
                }
                Err(e) => {
                    warn!(id = %self.id, error = %e, events = events.len(), "log batch refused; dropping it");
                    break;
                }
            }
        }
        events.iter().map(|e| e.timestamp_ns).max()
    }

    /// The stream's `uploadSequenceToken` (None when it cannot be read).
    async fn upload_token(&self) -> Option<String> {
        let mut backoff = Duration::from_millis(200);
        for _ in 0..5 {
            let req = json!({
                "logGroupName": self.target.group,
                "logStreamNamePrefix": self.target.stream,
            });
            match self.signer().logs_call("DescribeLogStreams", &req).await {
                Ok(answer) => {
                    return answer["logStreams"]
                        .as_array()?
                        .iter()
                        .find(|s| s["logStreamName"] == self.target.stream.as_str())?
                        .get("uploadSequenceToken")?
                        .as_str()
                        .map(str::to_string)
                }
                Err(e) if e.is_transient() => {
                    tokio::time::sleep(backoff).await;
                    backoff = (backoff * 2).min(self.config.max_backoff);
                }
                Err(e) => {
                    debug!(id = %self.id, error = %e, "cannot read the stream's upload token");
                    return None;
                }
            }
        }
        None
    }

    /// Creates the group (when allowed) and the stream; retries transient
    /// failures. Already existing is fine.
    async fn ensure_stream(&self) {
        let mut backoff = Duration::from_millis(200);
        loop {
            if self.target.create_group {
                match self
                    .signer()
                    .logs_call(
                        "CreateLogGroup",
                        &json!({"logGroupName": self.target.group}),
                    )
                    .await
                {
                    Ok(_) => {}
                    Err(ClientError::Api { code, .. })
                        if code == "ResourceAlreadyExistsException" => {}
                    Err(e) if e.is_transient() => {
                        tokio::time::sleep(backoff).await;
                        backoff = (backoff * 2).min(self.config.max_backoff);
                        continue;
                    }
                    Err(e) => {
                        warn!(group = %self.target.group, error = %e, "cannot create log group")
                    }
                }
            }
            match self
                .signer()
                .logs_call(
                    "CreateLogStream",
                    &json!({"logGroupName": self.target.group, "logStreamName": self.target.stream}),
                )
                .await
            {
                Ok(_) => return,
                Err(ClientError::Api { code, .. }) if code == "ResourceAlreadyExistsException" => return,
                Err(e) if e.is_transient() => {}
                Err(e) => {
                    // Typically a missing group without awslogs-create-group:
                    // keep trying, someone may create it.
                    warn!(group = %self.target.group, stream = %self.target.stream, error = %e, "cannot create log stream");
                }
            }
            tokio::time::sleep(backoff).await;
            backoff = (backoff * 2).min(self.config.max_backoff);
        }
    }
}

#[cfg(test)]
#[path = "logs_tests.rs"]
mod tests;
