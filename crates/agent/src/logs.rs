//! The `awslogs` log driver: ships the output of containers whose task
//! definition says `logDriver: awslogs` to the control plane's Logs API.
//!
//! Docker keeps capturing with its `json-file` driver (see `spec.rs`); that
//! file is the on-disk buffer. A supervisor ([`run`]) takes no input: on a
//! short period and on every runtime event it rereads the agent's persisted
//! state (`state.json`) and starts one shipper per started `awslogs`
//! container that has none and is not finished shipping. A shipper follows
//! the container's stdout/stderr through the runtime ([`ContainerRuntime::logs`]),
//! batches lines (AWS limits: 10,000 events, 1 MiB counting 26 bytes per
//! event, 24 h span, chronological) and sends them with `PutLogEvents`.
//!
//! - Stream name `awslogs-stream-prefix/container-name/task-id` (the
//!   container id without a prefix), group `awslogs-group`; with
//!   `awslogs-create-group: true` a missing group is created.
//! - Nothing is lost when a container exits right after writing: the
//!   runtime's follow stream ends only after the last line, and the shipper
//!   flushes at that end before it records the container as done.
//! - A control-plane outage: the shipper keeps its one batch and retries
//!   with backoff; meanwhile it reads nothing more, so memory stays bounded
//!   and the rest waits in Docker's log file.
//! - Exactly once across agent restarts: after each acknowledged batch the
//!   timestamp of its last line is persisted in `DATA_DIR/logs/<id>.json`;
//!   a new shipper resumes after it.
//!
//! Not supported yet: `awslogs-datetime-format`, `awslogs-multiline-pattern`,
//! `mode: non-blocking`/`max-buffer-size` (lines are never dropped).

use crate::clock::SharedClock;
use crate::runtime::{ContainerRuntime, LogLine};
use crate::state::StateStore;
use futures::StreamExt;
use gantry_agent_api::client::{AgentClient, ClientConfig, ClientError};
use serde::{Deserialize, Serialize};
use serde_json::json;
use std::collections::{BTreeMap, BTreeSet};
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

/// Shipper settings.
#[derive(Debug, Clone)]
pub struct ShipperConfig {
    /// The agent's data dir (`state.json`); cursors go to `logs/` inside.
    pub data_dir: PathBuf,
    /// A batch is sent at least this often.
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
            flush_interval: Duration::from_secs(1),
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

/// Progress of one container, persisted after every acknowledged batch.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Cursor {
    /// Timestamp (ns) of the last line delivered.
    last_ns: i64,
    /// The container finished and everything was delivered.
    done: bool,
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
    let client = client(
        config.endpoints.clone(),
        &config.region,
        &config.access_key_id,
        &config.secret_access_key,
        config.session_token.clone(),
        config.clock.clone(),
    )?;
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
    let state = match store.load() {
        Ok(s) => s,
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
            info!(container = %cs.name, id = %id, group = %target.group, stream = %target.stream, "shipping container logs");
            active.insert(id.clone());
            let shipper = Shipper {
                id: id.clone(),
                target,
                client: client.clone(),
                runtime: runtime.clone(),
                cursor_path: path,
                config: config.clone(),
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

#[derive(Debug, Default)]
struct Batch {
    events: Vec<Pending>,
    bytes: usize,
}

impl Batch {
    fn fits(&self, msg_len: usize, ts_ms: i64, max_bytes: usize) -> bool {
        self.events.len() < MAX_BATCH_EVENTS
            && self.bytes + msg_len + EVENT_OVERHEAD_BYTES <= max_bytes
            && self
                .events
                .first()
                .is_none_or(|f| ts_ms - f.timestamp_ms <= MAX_BATCH_SPAN_MS)
    }
}

struct Shipper {
    id: String,
    target: Target,
    client: Arc<AgentClient>,
    runtime: Arc<dyn ContainerRuntime>,
    cursor_path: PathBuf,
    config: ShipperConfig,
}

impl Shipper {
    async fn run(self) {
        let mut cursor = load_cursor(&self.cursor_path);
        self.ensure_stream().await;
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

    /// Follows the runtime's stream until it ends (true) or breaks (false).
    async fn follow(&self, cursor: &mut Cursor) -> bool {
        let since = cursor.last_ns.div_euclid(1_000_000_000);
        let mut lines = self.runtime.logs(&self.id, since);
        let mut batch = Batch::default();
        let mut tick = tokio::time::interval(self.config.flush_interval);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        let mut last_ms = i64::MIN;
        loop {
            tokio::select! {
                line = lines.next() => match line {
                    Some(Ok(line)) => {
                        if line.timestamp_ns <= cursor.last_ns || line.message.is_empty() {
                            continue;
                        }
                        self.add(&mut batch, cursor, line, &mut last_ms).await;
                    }
                    Some(Err(e)) => {
                        warn!(id = %self.id, error = %e, "container log stream failed");
                        self.flush(&mut batch, cursor).await;
                        return false;
                    }
                    None => {
                        self.flush(&mut batch, cursor).await;
                        return true;
                    }
                },
                _ = tick.tick() => self.flush(&mut batch, cursor).await,
            }
        }
    }

    async fn add(&self, batch: &mut Batch, cursor: &mut Cursor, line: LogLine, last_ms: &mut i64) {
        // Chronological within a stream, as PutLogEvents requires.
        let ts_ms = line.timestamp_ns.div_euclid(1_000_000).max(*last_ms);
        *last_ms = ts_ms;
        // Split messages over the per-event size into several events.
        let max_msg = (self.config.max_batch_bytes - EVENT_OVERHEAD_BYTES).min(256 * 1024);
        let mut rest = line.message.as_str();
        while !rest.is_empty() {
            let mut cut = rest.len().min(max_msg);
            while !rest.is_char_boundary(cut) {
                cut -= 1;
            }
            let (part, tail) = rest.split_at(cut);
            if !batch.fits(part.len(), ts_ms, self.config.max_batch_bytes) {
                self.flush(batch, cursor).await;
            }
            batch.bytes += part.len() + EVENT_OVERHEAD_BYTES;
            batch.events.push(Pending {
                timestamp_ms: ts_ms,
                timestamp_ns: line.timestamp_ns,
                message: part.to_string(),
            });
            rest = tail;
        }
    }

    /// Sends the batch, retrying until it is acknowledged (or refused for
    /// good), then records the cursor.
    async fn flush(&self, batch: &mut Batch, cursor: &mut Cursor) {
        if batch.events.is_empty() {
            return;
        }
        let body = json!({
            "logGroupName": self.target.group,
            "logStreamName": self.target.stream,
            "logEvents": batch.events.iter().map(|e| json!({
                "timestamp": e.timestamp_ms,
                "message": e.message,
            })).collect::<Vec<_>>(),
        });
        let mut backoff = Duration::from_millis(200);
        loop {
            match self.client.logs_call("PutLogEvents", &body).await {
                Ok(answer) => {
                    if let Some(r) = answer.get("rejectedLogEventsInfo") {
                        warn!(id = %self.id, rejected = %r, "log service rejected some events");
                    }
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
                    warn!(id = %self.id, error = %e, events = batch.events.len(), "log batch refused; dropping it");
                    break;
                }
            }
        }
        if let Some(last) = batch.events.last() {
            cursor.last_ns = cursor.last_ns.max(last.timestamp_ns);
        }
        batch.events.clear();
        batch.bytes = 0;
        if let Err(e) = save_cursor(&self.cursor_path, cursor) {
            warn!(id = %self.id, error = %e, "cannot save log cursor");
        }
    }

    /// Creates the group (when allowed) and the stream; retries transient
    /// failures. Already existing is fine.
    async fn ensure_stream(&self) {
        let mut backoff = Duration::from_millis(200);
        loop {
            if self.target.create_group {
                match self
                    .client
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
                .client
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
