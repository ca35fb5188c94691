//! Automated image cleanup, like the ECS agent's (`ECS_DISABLE_IMAGE_CLEANUP`,
//! `ECS_IMAGE_CLEANUP_INTERVAL`, `ECS_IMAGE_MINIMUM_CLEANUP_AGE`,
//! `ECS_NUM_IMAGES_DELETE_PER_CYCLE`).
//!
//! * Only images this agent pulled are ever removed. Every successful pull is
//!   recorded (pull time, last-used time) in `<data_dir>/images.json`,
//!   written atomically (temp file, fsync, rename), so the records survive
//!   agent restarts. Images the agent found present (pre-loaded, built
//!   locally, pulled by someone else, the pause image) are never recorded.
//! * An image is "used" when the reconciler checks it before a create
//!   ([`ContainerRuntime::image_present`]), creates a container from it, and
//!   at every cycle while a task of the agent state needs it.
//! * Each cycle (every `interval`, the first one interval after start) is
//!   level-triggered: it rereads `state.json`, takes every image of a task
//!   the agent still holds (desired, running, or stopped with containers not
//!   yet removed) as in use, and asks the pure [`select_for_removal`] which
//!   records to remove: not in use, not excluded, older than the minimum age
//!   both since pulled and since last used, oldest last use first, at most
//!   `per_cycle`. Removal is never forced, so an image any container still
//!   uses stays (the Engine refuses; the record counts as used now).
//! * Records and "uses" share one lock with the cycle, so an image is never
//!   removed between the reconciler's presence check and its create.
//!
//! [`TrackingRuntime`] wraps the agent's runtime to record pulls and uses;
//! [`start`] wires it all into [`crate::agent::run`].

use crate::clock::SharedClock;
use crate::runtime::{
    ContainerInfo, ContainerRuntime, CreateSpec, LogLine, NetworkSpec, RegistryAuth, RuntimeError,
    RuntimeVersion, TaskLimits, VolumeCreate,
};
use crate::state::{AgentState, StateStore};
use async_trait::async_trait;
use futures::stream::BoxStream;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;
use tracing::{info, warn};

/// The records file in the agent's data directory.
pub const IMAGES_FILE: &str = "images.json";
/// Format version of [`IMAGES_FILE`].
pub const IMAGES_VERSION: u32 = 1;
/// A use moves `lastUsedAt` on disk only when it is at least this much
/// newer than what is stored (uses are frequent; the minimum age is long).
const TOUCH_PERSIST_GRANULARITY: f64 = 60.0;

/// The cleanup settings (the ECS agent's defaults).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CleanupPolicy {
    /// `false`: `ECS_DISABLE_IMAGE_CLEANUP=true` (pulls are still recorded).
    pub enabled: bool,
    /// Between cycles (`ECS_IMAGE_CLEANUP_INTERVAL`, 30 min).
    pub interval: Duration,
    /// Since pulled and since last used (`ECS_IMAGE_MINIMUM_CLEANUP_AGE`, 1 h).
    pub minimum_age: Duration,
    /// At most this many removals per cycle (`ECS_NUM_IMAGES_DELETE_PER_CYCLE`, 5).
    pub per_cycle: usize,
    /// Image references never removed (normalised with [`normalize`]).
    pub exclude: BTreeSet<String>,
}

impl Default for CleanupPolicy {
    fn default() -> Self {
        CleanupPolicy {
            enabled: true,
            interval: Duration::from_secs(30 * 60),
            minimum_age: Duration::from_secs(3600),
            per_cycle: 5,
            exclude: BTreeSet::new(),
        }
    }
}

/// What the agent knows of an image it pulled (epoch seconds).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ImageRecord {
    pub pulled_at: f64,
    pub last_used_at: f64,
}

/// Normalised image reference → record.
pub type ImageRecords = BTreeMap<String, ImageRecord>;

#[derive(Debug, Serialize, Deserialize)]
struct ImagesFile {
    version: u32,
    #[serde(default)]
    images: ImageRecords,
}

#[derive(Debug, thiserror::Error)]
pub enum ImagesError {
    #[error("cannot read or write {path}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path} is not a valid image records file")]
    Corrupt {
        path: PathBuf,
        #[source]
        source: serde_json::Error,
    },
    #[error("{path} has version {found}, this agent understands {IMAGES_VERSION}")]
    Version { path: PathBuf, found: u32 },
}

/// The one spelling of an image reference the records and the in-use set
/// share: Docker Hub's implicit prefixes dropped, `:latest` made explicit.
pub fn normalize(image: &str) -> String {
    let mut s = image.trim();
    for prefix in [
        "docker.io/library/",
        "index.docker.io/library/",
        "docker.io/",
        "index.docker.io/",
    ] {
        if let Some(rest) = s.strip_prefix(prefix) {
            s = rest;
            break;
        }
    }
    let last = s.rsplit('/').next().unwrap_or(s);
    if s.contains('@') || last.contains(':') {
        s.to_string()
    } else {
        format!("{s}:latest")
    }
}

/// Images (normalised) of every task the agent still holds: desired tasks
/// and tasks whose containers are not removed yet.
pub fn in_use(state: &AgentState) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for ts in state.tasks.values().filter(|t| !t.cleaned_up) {
        out.extend(ts.task.containers.iter().map(|c| normalize(&c.image)));
    }
    if let Some(desired) = &state.desired {
        for t in &desired.tasks {
            if state.tasks.get(&t.task_arn).is_some_and(|ts| ts.cleaned_up) {
                continue;
            }
            out.extend(t.containers.iter().map(|c| normalize(&c.image)));
        }
    }
    out
}

/// The pure cleanup decision: which recorded images to remove now, in
/// order (oldest last use first, then oldest pull, then name).
pub fn select_for_removal(
    records: &ImageRecords,
    in_use: &BTreeSet<String>,
    now: f64,
    policy: &CleanupPolicy,
) -> Vec<String> {
    if !policy.enabled {
        return Vec::new();
    }
    let min_age = policy.minimum_age.as_secs_f64();
    let mut candidates: Vec<(&String, &ImageRecord)> = records
        .iter()
        .filter(|(image, r)| {
            !in_use.contains(*image)
                && !policy.exclude.contains(*image)
                && now - r.pulled_at >= min_age
                && now - r.last_used_at >= min_age
        })
        .collect();
    candidates.sort_by(|(a, ra), (b, rb)| {
        ra.last_used_at
            .total_cmp(&rb.last_used_at)
            .then(ra.pulled_at.total_cmp(&rb.pulled_at))
            .then(a.cmp(b))
    });
    candidates
        .into_iter()
        .take(policy.per_cycle)
        .map(|(image, _)| image.clone())
        .collect()
}

/// The records, in memory and in `<data_dir>/images.json`.
#[derive(Debug)]
pub struct ImageStore {
    path: PathBuf,
    inner: tokio::sync::Mutex<Records>,
}

#[derive(Debug, Default)]
struct Records {
    current: ImageRecords,
    /// As last written.
    saved: ImageRecords,
}

impl ImageStore {
    /// The records of `data_dir`; an unreadable file is logged and the agent
    /// starts without records (it then removes nothing it pulled before).
    pub fn open(data_dir: &Path) -> Self {
        let path = data_dir.join(IMAGES_FILE);
        let current = match load(&path) {
            Ok(r) => r,
            Err(e) => {
                warn!(error = %e, "image records unreadable; starting without (earlier pulls are kept)");
                ImageRecords::new()
            }
        };
        ImageStore {
            path,
            inner: tokio::sync::Mutex::new(Records {
                saved: current.clone(),
                current,
            }),
        }
    }

    /// A copy of the records.
    pub async fn records(&self) -> ImageRecords {
        self.inner.lock().await.current.clone()
    }

    /// `image` was pulled by this agent at `now`.
    pub async fn record_pull(&self, image: &str, now: f64) {
        let mut r = self.inner.lock().await;
        r.current.insert(
            normalize(image),
            ImageRecord {
                pulled_at: now,
                last_used_at: now,
            },
        );
        self.save(&mut r);
    }

    /// `image` is used at `now` (no effect on images the agent did not pull).
    pub async fn touch(&self, image: &str, now: f64) {
        let mut r = self.inner.lock().await;
        let key = normalize(image);
        self.touch_locked(&mut r, &key, now);
    }

    fn touch_locked(&self, r: &mut Records, key: &str, now: f64) {
        let Some(rec) = r.current.get_mut(key) else {
            return;
        };
        if now <= rec.last_used_at {
            return;
        }
        rec.last_used_at = now;
        let stale = r
            .saved
            .get(key)
            .is_none_or(|s| now - s.last_used_at >= TOUCH_PERSIST_GRANULARITY);
        if stale {
            self.save(r);
        }
    }

    fn save(&self, r: &mut Records) {
        match save(&self.path, &r.current) {
            Ok(()) => r.saved = r.current.clone(),
            Err(e) => warn!(error = %e, "cannot write the image records"),
        }
    }
}

/// Reads `images.json` (no file: no records).
pub fn load(path: &Path) -> Result<ImageRecords, ImagesError> {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(ImageRecords::new()),
        Err(source) => {
            return Err(ImagesError::Io {
                path: path.to_path_buf(),
                source,
            })
        }
    };
    let file: ImagesFile =
        serde_json::from_slice(&bytes).map_err(|source| ImagesError::Corrupt {
            path: path.to_path_buf(),
            source,
        })?;
    if file.version != IMAGES_VERSION {
        return Err(ImagesError::Version {
            path: path.to_path_buf(),
            found: file.version,
        });
    }
    Ok(file.images)
}

/// Writes `images.json` atomically (temp file, fsync, rename, fsync dir).
fn save(path: &Path, records: &ImageRecords) -> Result<(), ImagesError> {
    let io = |source| ImagesError::Io {
        path: path.to_path_buf(),
        source,
    };
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(io)?;
    let tmp = path.with_extension("json.tmp");
    let file = ImagesFile {
        version: IMAGES_VERSION,
        images: records.clone(),
    };
    let bytes = serde_json::to_vec_pretty(&file).expect("image records serialise");
    {
        let mut f = std::fs::File::create(&tmp).map_err(io)?;
        f.write_all(&bytes).map_err(io)?;
        f.sync_all().map_err(io)?;
    }
    std::fs::rename(&tmp, path).map_err(io)?;
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// One cleanup cycle against `state` at `now`: marks the recorded images
/// in use as used, removes what [`select_for_removal`] picks and returns
/// the images removed. The Engine being unreachable ends the cycle early.
pub async fn cleanup_cycle(
    runtime: &dyn ContainerRuntime,
    store: &ImageStore,
    state: &AgentState,
    policy: &CleanupPolicy,
    now: f64,
) -> Vec<String> {
    let in_use = in_use(state);
    // Held throughout: a use (presence check, create) waits for the cycle.
    let mut r = store.inner.lock().await;
    for image in &in_use {
        store.touch_locked(&mut r, image, now);
    }
    let chosen = select_for_removal(&r.current, &in_use, now, policy);
    let mut removed = Vec::new();
    for image in chosen {
        let Some(rec) = r.current.get(&image).copied() else {
            continue;
        };
        match runtime.remove_image(&image).await {
            Ok(()) => {
                info!(
                    image = %image,
                    pulled_at = rec.pulled_at,
                    last_used_at = rec.last_used_at,
                    unused_secs = (now - rec.last_used_at).round() as i64,
                    "removed an unused image this agent pulled"
                );
                r.current.remove(&image);
                removed.push(image);
            }
            Err(e) if e.is_unavailable() => {
                warn!(image = %image, error = %e, "container runtime unavailable; image cleanup cycle ends");
                break;
            }
            Err(e) => {
                // Most likely a container the agent does not know of uses
                // it: count that as a use, so other images get their turn.
                warn!(image = %image, error = %e, cause = %e.message(), "image not removed; kept");
                if let Some(rec) = r.current.get_mut(&image) {
                    rec.last_used_at = now;
                }
            }
        }
    }
    if r.current != r.saved {
        store.save(&mut r);
    }
    removed
}

/// Runs a cycle every `policy.interval` (the first one interval after
/// start), reading the agent state from `data_dir`.
pub fn spawn_loop(
    runtime: Arc<dyn ContainerRuntime>,
    store: Arc<ImageStore>,
    data_dir: PathBuf,
    policy: CleanupPolicy,
    clock: SharedClock,
) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let states = StateStore::new(&data_dir);
        loop {
            tokio::time::sleep(policy.interval).await;
            let state = match states.load() {
                Ok(s) => s,
                Err(e) => {
                    warn!(error = %e, "cannot read the agent state; image cleanup cycle skipped");
                    continue;
                }
            };
            let removed =
                cleanup_cycle(runtime.as_ref(), &store, &state, &policy, clock.now()).await;
            if !removed.is_empty() {
                info!(count = removed.len(), "image cleanup cycle done");
            }
        }
    })
}

/// Ends the cleanup loop when dropped.
#[derive(Debug, Default)]
pub struct ImageCleanup {
    task: Option<tokio::task::AbortHandle>,
}

impl Drop for ImageCleanup {
    fn drop(&mut self) {
        if let Some(t) = &self.task {
            t.abort();
        }
    }
}

/// Wires image tracking and cleanup into the agent: returns the runtime to
/// use from now on (it records pulls and uses) and the cleanup loop's guard.
pub fn start(
    config: &crate::AgentConfig,
    runtime: Arc<dyn ContainerRuntime>,
) -> (Arc<dyn ContainerRuntime>, ImageCleanup) {
    let store = Arc::new(ImageStore::open(&config.data_dir));
    let policy = config.image_cleanup.clone();
    let task = if policy.enabled {
        info!(
            interval = %format_duration(policy.interval),
            minimum_age = %format_duration(policy.minimum_age),
            per_cycle = policy.per_cycle,
            "image cleanup enabled"
        );
        Some(
            spawn_loop(
                runtime.clone(),
                store.clone(),
                config.data_dir.clone(),
                policy,
                config.clock.clone(),
            )
            .abort_handle(),
        )
    } else {
        info!("image cleanup disabled");
        None
    };
    let tracked = TrackingRuntime::new(runtime, store, config.clock.clone());
    (Arc::new(tracked), ImageCleanup { task })
}

/// A [`ContainerRuntime`] that records in an [`ImageStore`] the images it
/// pulled and their uses, and otherwise forwards every call.
pub struct TrackingRuntime {
    inner: Arc<dyn ContainerRuntime>,
    store: Arc<ImageStore>,
    clock: SharedClock,
}

impl TrackingRuntime {
    pub fn new(
        inner: Arc<dyn ContainerRuntime>,
        store: Arc<ImageStore>,
        clock: SharedClock,
    ) -> Self {
        TrackingRuntime {
            inner,
            store,
            clock,
        }
    }

    pub fn store(&self) -> &Arc<ImageStore> {
        &self.store
    }
}

#[async_trait]
impl ContainerRuntime for TrackingRuntime {
    async fn version(&self) -> Result<RuntimeVersion, RuntimeError> {
        self.inner.version().await
    }
    async fn image_present(&self, image: &str) -> Result<bool, RuntimeError> {
        // Before asking: a cycle holding the lock finishes first.
        self.store.touch(image, self.clock.now()).await;
        self.inner.image_present(image).await
    }
    async fn pull_image(
        &self,
        image: &str,
        auth: Option<RegistryAuth>,
    ) -> Result<(), RuntimeError> {
        self.inner.pull_image(image, auth).await?;
        self.store.record_pull(image, self.clock.now()).await;
        Ok(())
    }
    async fn remove_image(&self, image: &str) -> Result<(), RuntimeError> {
        self.inner.remove_image(image).await
    }
    async fn create_container(&self, spec: &CreateSpec) -> Result<String, RuntimeError> {
        self.store.touch(&spec.image, self.clock.now()).await;
        self.inner.create_container(spec).await
    }
    async fn start(&self, id: &str) -> Result<(), RuntimeError> {
        self.inner.start(id).await
    }
    async fn stop(&self, id: &str, timeout_secs: u32) -> Result<(), RuntimeError> {
        self.inner.stop(id, timeout_secs).await
    }
    async fn remove(&self, id: &str) -> Result<(), RuntimeError> {
        self.inner.remove(id).await
    }
    async fn inspect(&self, id: &str) -> Result<Option<ContainerInfo>, RuntimeError> {
        self.inner.inspect(id).await
    }
    async fn list(&self, labels: &[(&str, &str)]) -> Result<Vec<ContainerInfo>, RuntimeError> {
        self.inner.list(labels).await
    }
    async fn create_volume(&self, volume: &VolumeCreate) -> Result<(), RuntimeError> {
        self.inner.create_volume(volume).await
    }
    async fn remove_volume(&self, name: &str) -> Result<(), RuntimeError> {
        self.inner.remove_volume(name).await
    }
    fn events(&self) -> BoxStream<'static, String> {
        self.inner.events()
    }
    fn logs(&self, id: &str, since_secs: i64) -> BoxStream<'static, Result<LogLine, RuntimeError>> {
        self.inner.logs(id, since_secs)
    }
    async fn ensure_network(&self, network: &NetworkSpec) -> Result<(), RuntimeError> {
        self.inner.ensure_network(network).await
    }
    async fn remove_network(&self, name: &str) -> Result<(), RuntimeError> {
        self.inner.remove_network(name).await
    }
    async fn list_networks(&self, labels: &[(&str, &str)]) -> Result<Vec<String>, RuntimeError> {
        self.inner.list_networks(labels).await
    }
    async fn ensure_pause_image(&self) -> Result<String, RuntimeError> {
        self.inner.ensure_pause_image().await
    }
    async fn create_task_cgroup(
        &self,
        task_id: &str,
        limits: TaskLimits,
    ) -> Result<Option<String>, RuntimeError> {
        self.inner.create_task_cgroup(task_id, limits).await
    }
    async fn remove_task_cgroup(&self, task_id: &str) -> Result<(), RuntimeError> {
        self.inner.remove_task_cgroup(task_id).await
    }
    async fn list_task_cgroups(&self, min_age: Duration) -> Result<Vec<String>, RuntimeError> {
        self.inner.list_task_cgroups(min_age).await
    }
    async fn stats(&self, id: &str) -> Result<Option<serde_json::Value>, RuntimeError> {
        self.inner.stats(id).await
    }
    async fn bridge_gateway(&self) -> Result<Option<std::net::IpAddr>, RuntimeError> {
        self.inner.bridge_gateway().await
    }
}

/// Parses a Go duration (`30m`, `1h`, `1h30m`, `90s`, `1.5h`, `500ms`; the
/// syntax of the ECS agent's settings). `0` needs no unit; negative
/// durations are refused.
pub fn parse_duration(s: &str) -> Result<Duration, String> {
    let t = s.trim();
    let syntax = || format!("invalid duration {s:?} (Go syntax, e.g. 30m, 1h, 1h30m, 90s, 500ms)");
    if t == "0" {
        return Ok(Duration::ZERO);
    }
    let mut rest = t.strip_prefix('+').unwrap_or(t);
    if rest.is_empty() {
        return Err(syntax());
    }
    let mut nanos = 0f64;
    while !rest.is_empty() {
        let n = rest
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .unwrap_or(rest.len());
        let value: f64 = rest[..n].parse().map_err(|_| syntax())?;
        rest = &rest[n..];
        let u = rest
            .find(|c: char| c.is_ascii_digit() || c == '.')
            .unwrap_or(rest.len());
        let unit = match &rest[..u] {
            "ns" => 1.0,
            "us" | "µs" | "μs" => 1e3,
            "ms" => 1e6,
            "s" => 1e9,
            "m" => 60e9,
            "h" => 3600e9,
            _ => return Err(syntax()),
        };
        rest = &rest[u..];
        nanos += value * unit;
    }
    if !nanos.is_finite() || nanos >= u64::MAX as f64 {
        return Err(syntax());
    }
    Ok(Duration::from_nanos(nanos.round() as u64))
}

/// A duration the way [`parse_duration`] reads it back: `2h`, `1m30s`, `50ms`.
pub fn format_duration(d: Duration) -> String {
    if d.as_secs() == 0 || d.subsec_nanos() != 0 {
        if d.subsec_nanos().is_multiple_of(1_000_000) && d.as_secs() < 60 {
            return format!("{}ms", d.as_millis());
        }
        return format!("{:?}", d);
    }
    let secs = d.as_secs();
    let (h, m, s) = (secs / 3600, secs / 60 % 60, secs % 60);
    let mut out = String::new();
    if h > 0 {
        out.push_str(&format!("{h}h"));
    }
    if m > 0 {
        out.push_str(&format!("{m}m"));
    }
    if s > 0 {
        out.push_str(&format!("{s}s"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::runtime::FakeRuntime;

    const HOUR: f64 = 3600.0;

    fn rec(pulled_h_ago: f64, used_h_ago: f64, now: f64) -> ImageRecord {
        ImageRecord {
            pulled_at: now - pulled_h_ago * HOUR,
            last_used_at: now - used_h_ago * HOUR,
        }
    }

    #[test]
    fn the_policy_picks_old_unused_pulled_images_oldest_use_first() {
        let now = 1_000_000.0;
        struct Case {
            name: &'static str,
            records: Vec<(&'static str, f64, f64)>,
            in_use: Vec<&'static str>,
            policy: CleanupPolicy,
            want: Vec<&'static str>,
        }
        let excl = |names: &[&str]| CleanupPolicy {
            exclude: names.iter().map(|n| normalize(n)).collect(),
            ..Default::default()
        };
        let per = |n: usize| CleanupPolicy {
            per_cycle: n,
            ..Default::default()
        };
        let cases = vec![
            Case {
                name: "nothing recorded",
                records: vec![],
                in_use: vec![],
                policy: CleanupPolicy::default(),
                want: vec![],
            },
            Case {
                name: "old and unused goes",
                records: vec![("a:1", 5.0, 5.0)],
                in_use: vec![],
                policy: CleanupPolicy::default(),
                want: vec!["a:1"],
            },
            Case {
                name: "in use stays however old",
                records: vec![("a:1", 50.0, 50.0), ("b:1", 50.0, 49.0)],
                in_use: vec!["a:1"],
                policy: CleanupPolicy::default(),
                want: vec!["b:1"],
            },
            Case {
                name: "pulled recently stays",
                records: vec![("a:1", 0.5, 0.5)],
                in_use: vec![],
                policy: CleanupPolicy::default(),
                want: vec![],
            },
            Case {
                name: "used recently stays though pulled long ago",
                records: vec![("a:1", 10.0, 0.9)],
                in_use: vec![],
                policy: CleanupPolicy::default(),
                want: vec![],
            },
            Case {
                name: "exactly the minimum age goes",
                records: vec![("a:1", 1.0, 1.0)],
                in_use: vec![],
                policy: CleanupPolicy::default(),
                want: vec!["a:1"],
            },
            Case {
                name: "oldest last use first, at most N",
                records: vec![
                    ("new:1", 9.0, 2.0),
                    ("old:1", 3.0, 8.0),
                    ("mid:1", 9.0, 5.0),
                ],
                in_use: vec![],
                policy: per(2),
                want: vec!["old:1", "mid:1"],
            },
            Case {
                name: "ties broken by pull time then name",
                records: vec![("b:1", 4.0, 2.0), ("a:1", 4.0, 2.0), ("c:1", 6.0, 2.0)],
                in_use: vec![],
                policy: CleanupPolicy::default(),
                want: vec!["c:1", "a:1", "b:1"],
            },
            Case {
                name: "excluded stays",
                records: vec![("a:1", 5.0, 5.0), ("b", 5.0, 5.0)],
                in_use: vec![],
                policy: excl(&["docker.io/library/b"]),
                want: vec!["a:1"],
            },
            Case {
                name: "disabled removes nothing",
                records: vec![("a:1", 5.0, 5.0)],
                in_use: vec![],
                policy: CleanupPolicy {
                    enabled: false,
                    ..Default::default()
                },
                want: vec![],
            },
            Case {
                name: "a shorter minimum age",
                records: vec![("a:1", 0.5, 0.5), ("b:1", 0.1, 0.1)],
                in_use: vec![],
                policy: CleanupPolicy {
                    minimum_age: Duration::from_secs(600),
                    ..Default::default()
                },
                want: vec!["a:1"],
            },
        ];
        for c in cases {
            let records: ImageRecords = c
                .records
                .iter()
                .map(|(n, p, u)| (normalize(n), rec(*p, *u, now)))
                .collect();
            let in_use: BTreeSet<String> = c.in_use.iter().map(|n| normalize(n)).collect();
            let want: Vec<String> = c.want.iter().map(|n| normalize(n)).collect();
            assert_eq!(
                select_for_removal(&records, &in_use, now, &c.policy),
                want,
                "{}",
                c.name
            );
        }
    }

    #[test]
    fn references_normalise_like_docker_hub() {
        for (raw, want) in [
            ("nginx", "nginx:latest"),
            ("nginx:1.25", "nginx:1.25"),
            ("docker.io/library/nginx", "nginx:latest"),
            ("docker.io/foo/bar:2", "foo/bar:2"),
            ("127.0.0.1:5000/x", "127.0.0.1:5000/x:latest"),
            ("127.0.0.1:5000/x:y", "127.0.0.1:5000/x:y"),
            ("x@sha256:abc", "x@sha256:abc"),
        ] {
            assert_eq!(normalize(raw), want, "{raw}");
        }
    }

    #[test]
    fn go_durations_parse_and_print() {
        let d = |s| parse_duration(s).unwrap();
        assert_eq!(d("30m"), Duration::from_secs(1800));
        assert_eq!(d("1h"), Duration::from_secs(3600));
        assert_eq!(d("2h"), Duration::from_secs(7200));
        assert_eq!(d("1h30m"), Duration::from_secs(5400));
        assert_eq!(d("1.5h"), Duration::from_secs(5400));
        assert_eq!(d("90s"), Duration::from_secs(90));
        assert_eq!(d("500ms"), Duration::from_millis(500));
        assert_eq!(d("0"), Duration::ZERO);
        for bad in ["", "600", "5x", "h", "-1m", "1m-", "1..5s"] {
            assert!(parse_duration(bad).is_err(), "{bad:?}");
        }
        assert_eq!(format_duration(Duration::from_secs(7200)), "2h");
        assert_eq!(format_duration(Duration::from_secs(60)), "1m");
        assert_eq!(format_duration(Duration::from_secs(90)), "1m30s");
        assert_eq!(format_duration(Duration::from_millis(50)), "50ms");
        for s in ["2h", "1m", "1h30m", "45s", "250ms"] {
            assert_eq!(format_duration(d(s)), s);
        }
    }

    /// A clock tests set.
    #[derive(Default)]
    struct TestClock(std::sync::Mutex<f64>);
    impl crate::clock::Clock for TestClock {
        fn now(&self) -> f64 {
            *self.0.lock().unwrap()
        }
    }
    impl TestClock {
        fn set(&self, t: f64) {
            *self.0.lock().unwrap() = t;
        }
    }

    fn task_using(arn: &str, image: &str) -> gantry_agent_api::DesiredTask {
        let mut t: gantry_agent_api::DesiredTask = serde_json::from_value(serde_json::json!({
            "taskArn": arn,
            "clusterArn": "arn:aws:ecs:us-east-1:123456789012:cluster/default",
            "cluster": "default",
            "taskDefinitionArn": "arn:aws:ecs:us-east-1:123456789012:task-definition/f:1",
            "family": "f",
            "revision": 1,
            "desiredStatus": "RUNNING",
            "networkMode": "bridge",
            "containers": [],
        }))
        .expect("a minimal desired task");
        t.containers.push(gantry_agent_api::ContainerSpec {
            name: "app".into(),
            image: image.into(),
            ..Default::default()
        });
        t
    }

    #[tokio::test]
    async fn a_cycle_removes_only_old_unused_images_it_pulled_and_remembers() {
        let dir = tempfile::tempdir().unwrap();
        let fake = Arc::new(FakeRuntime::new());
        let clock = Arc::new(TestClock::default());
        let start = 1_000_000.0;
        clock.set(start);
        let store = Arc::new(ImageStore::open(dir.path()));
        let rt = TrackingRuntime::new(fake.clone(), store.clone(), clock.clone());

        // Pulled by the agent: old (unused), busy (a task needs it),
        // held (a container the agent does not know uses it).
        for image in ["old:1", "busy:1", "held:1"] {
            assert!(!rt.image_present(image).await.unwrap());
            rt.pull_image(image, None).await.unwrap();
        }
        // Present already (pre-loaded): never recorded, never removed.
        fake.add_image("gantry-test/busybox:latest");
        assert!(rt
            .image_present("gantry-test/busybox:latest")
            .await
            .unwrap());
        fake.create_container(&CreateSpec {
            name: "foreign".into(),
            image: "held:1".into(),
            ..Default::default()
        })
        .await
        .unwrap();
        let recorded: Vec<String> = store.records().await.into_keys().collect();
        assert_eq!(recorded, ["busy:1", "held:1", "old:1"]);

        let state = AgentState {
            desired: Some(gantry_agent_api::DesiredState {
                generation: 1,
                tasks: vec![task_using(
                    "arn:aws:ecs:us-east-1:123456789012:task/default/t1",
                    "busy:1",
                )],
            }),
            ..Default::default()
        };
        let policy = CleanupPolicy::default();

        // Too young yet.
        let removed = cleanup_cycle(&rt, &store, &state, &policy, start + 600.0).await;
        assert!(removed.is_empty());

        let later = start + 2.0 * HOUR;
        let removed = cleanup_cycle(&rt, &store, &state, &policy, later).await;
        assert_eq!(removed, ["old:1"]);
        assert_eq!(fake.image_removals(), ["old:1"]);
        assert!(!fake.has_image("old:1"));
        for kept in ["busy:1", "held:1", "gantry-test/busybox:latest"] {
            assert!(fake.has_image(kept), "{kept}");
        }
        // The refused one counts as used now; the busy one too.
        let records = store.records().await;
        assert_eq!(records["held:1"].last_used_at, later);
        assert_eq!(records["busy:1"].last_used_at, later);
        assert_eq!(records["held:1"].pulled_at, start);

        // Durable: a restarted agent knows the same records.
        let again = ImageStore::open(dir.path());
        assert_eq!(again.records().await, records);
        assert!(!dir.path().join("images.json.tmp").exists());

        // Once the task is gone and the container removed, both go, at most
        // `per_cycle` at a time.
        let ids: Vec<String> = fake
            .containers()
            .iter()
            .map(|c| c.info.id.clone())
            .collect();
        for id in ids {
            fake.remove(&id).await.unwrap();
        }
        let policy = CleanupPolicy {
            per_cycle: 1,
            ..Default::default()
        };
        let empty = AgentState::default();
        let much_later = later + 2.0 * HOUR;
        let first = cleanup_cycle(&rt, &store, &empty, &policy, much_later).await;
        let second = cleanup_cycle(&rt, &store, &empty, &policy, much_later).await;
        assert_eq!(first.len(), 1);
        assert_eq!(second.len(), 1);
        assert!(store.records().await.is_empty());
        assert!(fake.has_image("gantry-test/busybox:latest"));
    }

    #[tokio::test]
    async fn a_use_between_cycles_postpones_removal() {
        let dir = tempfile::tempdir().unwrap();
        let fake = Arc::new(FakeRuntime::new());
        let clock = Arc::new(TestClock::default());
        clock.set(1000.0);
        let store = Arc::new(ImageStore::open(dir.path()));
        let rt = TrackingRuntime::new(fake.clone(), store.clone(), clock.clone());
        rt.pull_image("a:1", None).await.unwrap();
        // Checked before a create 1.5 h later: used then.
        clock.set(1000.0 + 1.5 * HOUR);
        assert!(rt.image_present("a:1").await.unwrap());
        let policy = CleanupPolicy::default();
        let empty = AgentState::default();
        let at = 1000.0 + 2.0 * HOUR;
        assert!(cleanup_cycle(&rt, &store, &empty, &policy, at)
            .await
            .is_empty());
        let at = 1000.0 + 2.6 * HOUR;
        assert_eq!(
            cleanup_cycle(&rt, &store, &empty, &policy, at).await,
            ["a:1"]
        );
        // A failed pull records nothing.
        fake.fail_pull("bad:1", "manifest unknown");
        assert!(rt.pull_image("bad:1", None).await.is_err());
        assert!(store.records().await.is_empty());
    }

    #[tokio::test]
    async fn the_loop_runs_cycles_on_its_interval_from_the_agent_state() {
        let dir = tempfile::tempdir().unwrap();
        let fake = Arc::new(FakeRuntime::new());
        let clock = Arc::new(TestClock::default());
        clock.set(1000.0);
        let store = Arc::new(ImageStore::open(dir.path()));
        let rt = TrackingRuntime::new(fake.clone(), store.clone(), clock.clone());
        rt.pull_image("gone:1", None).await.unwrap();
        rt.pull_image("kept:1", None).await.unwrap();
        let state = AgentState {
            version: crate::state::STATE_VERSION,
            desired: Some(gantry_agent_api::DesiredState {
                generation: 1,
                tasks: vec![task_using(
                    "arn:aws:ecs:us-east-1:123456789012:task/default/t1",
                    "kept:1",
                )],
            }),
            ..Default::default()
        };
        StateStore::new(dir.path()).save(&state).unwrap();
        clock.set(1000.0 + 3.0 * HOUR);
        let policy = CleanupPolicy {
            interval: Duration::from_millis(20),
            ..Default::default()
        };
        let handle = spawn_loop(
            fake.clone(),
            store.clone(),
            dir.path().to_path_buf(),
            policy,
            clock.clone(),
        );
        let deadline = tokio::time::Instant::now() + Duration::from_secs(30);
        while fake.has_image("gone:1") {
            assert!(tokio::time::Instant::now() < deadline, "never removed");
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        handle.abort();
        assert!(fake.has_image("kept:1"));
        assert_eq!(fake.image_removals(), ["gone:1"]);
    }
}
