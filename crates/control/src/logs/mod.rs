//! The CloudWatch Logs API (`Logs_20140328.*`, signing name `logs`) over the
//! segment store in [`store`]: log groups and streams, PutLogEvents with
//! AWS's batch limits, GetLogEvents with forward/backward tokens,
//! FilterLogEvents with [`filter`] patterns, retention (enforced by
//! [`LogsService::run_retention`] in the background) and tags.
//!
//! Group and stream metadata live in the log store itself (next to the
//! segments), not in the main `Store`: a group is useless without its
//! segments, the two are deleted together, and the log store's fsync
//! discipline is the same as redb's (nothing acknowledged before durable).
//!
//! Store calls block on file I/O, so every operation runs on the blocking
//! pool. Identifiers:
//! - `eventId`: 56 digits, `timestamp(20) | stream number(16) | seq(20)`,
//!   stable and ordered like FilterLogEvents' interleaved output, so the
//!   FilterLogEvents `nextToken` is the last returned `eventId`;
//! - GetLogEvents tokens: `f/` or `b/` + `timestamp(20) | seq(20)`, the
//!   position after (forward) or before (backward) the page.

pub mod filter;
pub mod store;

use std::collections::{BTreeMap, BinaryHeap};
use std::sync::Arc;

use async_trait::async_trait;
use bytes::Bytes;
use gantry_api_types::logs::*;
use gantry_api_types::ApiError;
use gantry_model::arn::Partition;
use serde::Serialize;
use serde_json::Value;

use crate::clock::SharedClock;
use crate::http::{RequestContext, ServiceHandler};
use filter::FilterPattern;
use store::{LogStore, LogStoreError, StreamHandle, DAY_MS};

/// Largest PutLogEvents batch: message bytes plus 26 per event.
pub const MAX_BATCH_BYTES: usize = 1_048_576;
/// Bytes counted per event on top of its message.
pub const EVENT_OVERHEAD_BYTES: usize = 26;
/// Most events in one PutLogEvents batch.
pub const MAX_BATCH_EVENTS: usize = 10_000;
/// Largest time span of one batch.
pub const MAX_BATCH_SPAN_MS: i64 = DAY_MS;
/// Events older than this are rejected (`tooOldLogEventEndIndex`).
pub const MAX_AGE_MS: i64 = 14 * DAY_MS;
/// Events further in the future are rejected (`tooNewLogEventStartIndex`).
pub const MAX_FUTURE_MS: i64 = 2 * 3_600_000;
/// Response payload cap of GetLogEvents/FilterLogEvents (message bytes).
pub const MAX_RESPONSE_BYTES: usize = 1_048_576;
/// How often retention runs without being woken.
pub const RETENTION_PERIOD: std::time::Duration = std::time::Duration::from_secs(60);
/// How often the size cap is checked (a sum over the in-memory segment
/// summaries: cheap).
pub const SIZE_CAP_PERIOD: std::time::Duration = std::time::Duration::from_secs(5);
/// Default total size cap of the log store (`--logs-max-bytes`): 10 GiB.
pub const DEFAULT_MAX_BYTES: u64 = 10 * 1024 * 1024 * 1024;

/// Values PutRetentionPolicy accepts.
pub const RETENTION_DAYS: &[i32] = &[
    1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922,
    3288, 3653,
];

/// The Logs API handler.
pub struct LogsService {
    inner: Arc<Inner>,
}

struct Inner {
    store: Arc<LogStore>,
    partition: Partition,
    retention_wake: tokio::sync::Notify,
    /// Total size cap of the segment files (see [`LogStore::enforce_size_cap`]).
    max_bytes: std::sync::atomic::AtomicU64,
}

fn group_not_found() -> ApiError {
    ApiError::client(
        "ResourceNotFoundException",
        "The specified log group does not exist.",
    )
}

fn stream_not_found() -> ApiError {
    ApiError::client(
        "ResourceNotFoundException",
        "The specified log stream does not exist.",
    )
}

fn map_store(e: LogStoreError) -> ApiError {
    match e {
        LogStoreError::GroupNotFound => group_not_found(),
        LogStoreError::StreamNotFound => stream_not_found(),
        LogStoreError::GroupExists => ApiError::client(
            "ResourceAlreadyExistsException",
            "The specified log group already exists",
        ),
        LogStoreError::StreamExists => ApiError::client(
            "ResourceAlreadyExistsException",
            "The specified log stream already exists",
        ),
        other => {
            tracing::error!(error = %other, source = ?std::error::Error::source(&other), "log store failed");
            ApiError::new("ServiceUnavailableException", 500, "The log store failed.")
        }
    }
}

fn invalid(msg: impl Into<String>) -> ApiError {
    ApiError::invalid_parameter(msg)
}

fn invalid_token() -> ApiError {
    invalid("The specified nextToken is invalid.")
}

/// An answer serialised straight to bytes (no `Value` tree: a
/// GetLogEvents answer holds up to 10,000 events).
fn to_json<T: Serialize>(v: &T) -> Result<Vec<u8>, ApiError> {
    serde_json::to_vec(v).map_err(crate::state::internal)
}

fn validate_group_name(name: &str) -> Result<(), ApiError> {
    let ok = (1..=512).contains(&name.len())
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_' | '/' | '#'));
    if ok {
        Ok(())
    } else {
        Err(invalid(format!(
            "1 validation error detected: Value '{name}' at 'logGroupName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\.\\-_/#A-Za-z0-9]+"
        )))
    }
}

fn validate_stream_name(name: &str) -> Result<(), ApiError> {
    let ok = (1..=512).contains(&name.len()) && !name.contains([':', '*']);
    if ok {
        Ok(())
    } else {
        Err(invalid(format!(
            "1 validation error detected: Value '{name}' at 'logStreamName' failed to satisfy constraint: Member must satisfy regular expression pattern: [^:*]*"
        )))
    }
}

fn check_limit(limit: Option<i32>, max: i32, default: i32) -> Result<usize, ApiError> {
    match limit {
        None => Ok(default as usize),
        Some(n) if (1..=max).contains(&n) => Ok(n as usize),
        Some(n) => Err(invalid(format!(
            "1 validation error detected: Value '{n}' at 'limit' failed to satisfy constraint: Member must have value between 1 and {max}"
        ))),
    }
}

fn hex(s: &str) -> String {
    s.bytes().map(|b| format!("{b:02x}")).collect()
}

fn unhex(s: &str) -> Option<String> {
    if !s.len().is_multiple_of(2) {
        return None;
    }
    let bytes: Option<Vec<u8>> = (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(s.get(i..i + 2)?, 16).ok())
        .collect();
    String::from_utf8(bytes?).ok()
}

/// `eventId` of an event (see the module doc).
pub fn event_id(timestamp: i64, stream_no: u64, seq: u64) -> String {
    format!("{:020}{:016}{:020}", timestamp.max(0), stream_no, seq)
}

fn parse_event_id(s: &str) -> Option<(i64, u64, u64)> {
    if s.len() != 56 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some((
        s[..20].parse().ok()?,
        s[20..36].parse().ok()?,
        s[36..].parse().ok()?,
    ))
}

fn position_token(dir: char, (ts, seq): (i64, u64)) -> String {
    format!("{dir}/{:020}{:020}", ts.max(0), seq)
}

fn parse_position_token(s: &str) -> Option<(char, (i64, u64))> {
    let (dir, rest) = s.split_once('/')?;
    let dir = match dir {
        "f" => 'f',
        "b" => 'b',
        _ => return None,
    };
    if rest.len() != 40 || !rest.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some((dir, (rest[..20].parse().ok()?, rest[20..].parse().ok()?)))
}

impl LogsService {
    pub fn new(store: Arc<LogStore>, partition: Partition) -> LogsService {
        LogsService {
            inner: Arc::new(Inner {
                store,
                partition,
                retention_wake: tokio::sync::Notify::new(),
                max_bytes: std::sync::atomic::AtomicU64::new(DEFAULT_MAX_BYTES),
            }),
        }
    }

    /// Sets the total size cap (default [`DEFAULT_MAX_BYTES`]).
    pub fn with_max_bytes(self, max_bytes: u64) -> LogsService {
        self.inner
            .max_bytes
            .store(max_bytes, std::sync::atomic::Ordering::Relaxed);
        self
    }

    /// One size-cap pass: deletes the oldest segments while over the cap.
    async fn enforce_size_cap(&self) {
        let store = self.inner.store.clone();
        let max = self
            .inner
            .max_bytes
            .load(std::sync::atomic::Ordering::Relaxed);
        match tokio::task::spawn_blocking(move || store.enforce_size_cap(max)).await {
            Ok(Ok((0, _))) => {}
            Ok(Ok((segments, bytes))) => tracing::warn!(
                segments,
                bytes,
                max_bytes = max,
                "log store over its size cap: deleted the oldest segments"
            ),
            Ok(Err(e)) => {
                tracing::warn!(error = %e, source = ?std::error::Error::source(&e), "size cap pass failed")
            }
            Err(e) => tracing::warn!(error = %e, "size cap pass panicked"),
        }
    }

    /// Deletes expired events every [`RETENTION_PERIOD`] and whenever a
    /// retention policy changes, and enforces the size cap every
    /// [`SIZE_CAP_PERIOD`], until `shutdown` fires. Each pass rereads
    /// every group's policy (no input, idempotent).
    pub async fn run_retention(
        &self,
        clock: SharedClock,
        mut shutdown: tokio::sync::watch::Receiver<bool>,
    ) {
        loop {
            let now_ms = (clock.now() * 1000.0).round() as i64;
            let store = self.inner.store.clone();
            match tokio::task::spawn_blocking(move || store.enforce_retention(now_ms)).await {
                Ok(Ok(0)) => {}
                Ok(Ok(n)) => tracing::info!(events = n, "retention deleted expired log events"),
                Ok(Err(e)) => {
                    tracing::warn!(error = %e, source = ?std::error::Error::source(&e), "retention pass failed")
                }
                Err(e) => tracing::warn!(error = %e, "retention pass panicked"),
            }
            self.enforce_size_cap().await;
            // The size cap is checked every SIZE_CAP_PERIOD in between.
            let next_retention = tokio::time::Instant::now() + RETENTION_PERIOD;
            loop {
                tokio::select! {
                    _ = tokio::time::sleep_until(next_retention) => break,
                    _ = self.inner.retention_wake.notified() => break,
                    _ = tokio::time::sleep(SIZE_CAP_PERIOD) => self.enforce_size_cap().await,
                    _ = shutdown.changed() => return,
                }
            }
        }
    }

    /// The log store (for tests and the CLI).
    pub fn store(&self) -> &Arc<LogStore> {
        &self.inner.store
    }
}

/// The clock shared with the handler (epoch milliseconds).
pub struct LogsHandler {
    pub service: Arc<LogsService>,
    pub clock: SharedClock,
}

#[async_trait]
impl ServiceHandler for LogsHandler {
    async fn handle(
        &self,
        ctx: &RequestContext,
        operation: &str,
        body: Bytes,
    ) -> Result<Value, ApiError> {
        let bytes = self.handle_bytes(ctx, operation, body).await?;
        serde_json::from_slice(&bytes).map_err(crate::state::internal)
    }

    async fn handle_bytes(
        &self,
        _ctx: &RequestContext,
        operation: &str,
        body: Bytes,
    ) -> Result<Vec<u8>, ApiError> {
        let inner = self.service.inner.clone();
        let now_ms = (self.clock.now() * 1000.0).round() as i64;
        let op = operation.to_string();
        let out = tokio::task::spawn_blocking(move || inner.dispatch(&op, &body, now_ms))
            .await
            .map_err(crate::state::internal)??;
        if matches!(operation, "PutRetentionPolicy") {
            self.service.inner.retention_wake.notify_one();
        }
        Ok(out)
    }
}

use crate::ecs::parse;

impl Inner {
    fn dispatch(&self, op: &str, body: &[u8], now: i64) -> Result<Vec<u8>, ApiError> {
        let empty = || Ok(b"{}".to_vec());
        match op {
            "CreateLogGroup" => self
                .create_log_group(parse(body)?, now)
                .and_then(|_| empty()),
            "DeleteLogGroup" => {
                let r: DeleteLogGroupRequest = parse(body)?;
                self.store
                    .delete_group(&r.log_group_name)
                    .map_err(map_store)?;
                empty()
            }
            "DescribeLogGroups" => to_json(&self.describe_log_groups(parse(body)?)?),
            "CreateLogStream" => {
                let r: CreateLogStreamRequest = parse(body)?;
                validate_stream_name(&r.log_stream_name)?;
                self.store
                    .create_stream(&r.log_group_name, &r.log_stream_name, now)
                    .map_err(map_store)?;
                empty()
            }
            "DeleteLogStream" => {
                let r: DeleteLogStreamRequest = parse(body)?;
                self.store
                    .delete_stream(&r.log_group_name, &r.log_stream_name)
                    .map_err(map_store)?;
                empty()
            }
            "DescribeLogStreams" => to_json(&self.describe_log_streams(parse(body)?)?),
            "PutLogEvents" => to_json(&self.put_log_events(parse(body)?, now)?),
            "GetLogEvents" => to_json(&self.get_log_events(parse(body)?)?),
            "FilterLogEvents" => to_json(&self.filter_log_events(parse(body)?)?),
            "PutRetentionPolicy" => {
                let r: PutRetentionPolicyRequest = parse(body)?;
                if !RETENTION_DAYS.contains(&r.retention_in_days) {
                    return Err(invalid(format!(
                        "1 validation error detected: Value '{}' at 'retentionInDays' failed to satisfy constraint: Member must satisfy enum value set: {RETENTION_DAYS:?}",
                        r.retention_in_days
                    )));
                }
                self.store
                    .update_group(&r.log_group_name, |m| {
                        m.retention_days = Some(r.retention_in_days)
                    })
                    .map_err(map_store)?;
                empty()
            }
            "DeleteRetentionPolicy" => {
                let r: DeleteRetentionPolicyRequest = parse(body)?;
                self.store
                    .update_group(&r.log_group_name, |m| m.retention_days = None)
                    .map_err(map_store)?;
                empty()
            }
            "TagResource" => {
                let r: TagResourceRequest = parse(body)?;
                let group = self.group_of_arn(&r.resource_arn)?;
                self.tag(&group, r.tags)?;
                empty()
            }
            "UntagResource" => {
                let r: UntagResourceRequest = parse(body)?;
                let group = self.group_of_arn(&r.resource_arn)?;
                self.untag(&group, &r.tag_keys)?;
                empty()
            }
            "ListTagsForResource" => {
                let r: ListTagsForResourceRequest = parse(body)?;
                let group = self.group_of_arn(&r.resource_arn)?;
                let meta = self.store.group(&group).ok_or_else(group_not_found)?;
                to_json(&ListTagsForResourceResponse {
                    tags: Some(meta.tags),
                })
            }
            "TagLogGroup" => {
                let r: TagLogGroupRequest = parse(body)?;
                self.tag(&r.log_group_name, r.tags)?;
                empty()
            }
            "UntagLogGroup" => {
                let r: UntagLogGroupRequest = parse(body)?;
                self.untag(&r.log_group_name, &r.tags)?;
                empty()
            }
            "ListTagsLogGroup" => {
                let r: ListTagsLogGroupRequest = parse(body)?;
                let meta = self
                    .store
                    .group(&r.log_group_name)
                    .ok_or_else(group_not_found)?;
                to_json(&ListTagsLogGroupResponse {
                    tags: Some(meta.tags),
                })
            }
            _ => Err(ApiError::client(
                "UnknownOperationException",
                format!("Unknown operation '{op}'."),
            )),
        }
    }

    fn group_arn(&self, name: &str) -> String {
        format!(
            "arn:aws:logs:{}:{}:log-group:{name}",
            self.partition.region, self.partition.account_id
        )
    }

    /// A group name from `logGroupName`/`logGroupIdentifier` (name or ARN).
    fn group_ident(&self, name: Option<String>, ident: Option<String>) -> Result<String, ApiError> {
        match (name, ident) {
            (Some(_), Some(_)) => Err(invalid(
                "LogGroup name and LogGroup ARN are mutually exclusive parameters.",
            )),
            (Some(n), None) => Ok(n),
            (None, Some(id)) if id.starts_with("arn:") => self.group_of_arn(&id),
            (None, Some(id)) => Ok(id),
            (None, None) => Err(invalid(
                "Should provide either name or ARN of the LogGroup.",
            )),
        }
    }

    fn group_of_arn(&self, arn: &str) -> Result<String, ApiError> {
        let prefix = self.group_arn("");
        let name = arn
            .strip_prefix(&prefix)
            .map(|n| n.strip_suffix(":*").unwrap_or(n))
            .filter(|n| !n.is_empty() && !n.contains(':'))
            .ok_or_else(|| {
                ApiError::client(
                    "ResourceNotFoundException",
                    format!("The specified resource '{arn}' does not exist."),
                )
            })?;
        if self.store.group(name).is_none() {
            return Err(group_not_found());
        }
        Ok(name.to_string())
    }

    fn tag(&self, group: &str, tags: BTreeMap<String, String>) -> Result<(), ApiError> {
        for (k, v) in &tags {
            if k.is_empty() || k.len() > 128 || v.len() > 256 || k.starts_with("aws:") {
                return Err(invalid(format!("Invalid tag '{k}'.")));
            }
        }
        let current = self.store.group(group).ok_or_else(group_not_found)?;
        let mut merged = current.tags.clone();
        merged.extend(tags);
        if merged.len() > 50 {
            return Err(invalid("A log group can have at most 50 tags."));
        }
        self.store
            .update_group(group, |m| m.tags = merged)
            .map_err(map_store)?;
        Ok(())
    }

    fn untag(&self, group: &str, keys: &[String]) -> Result<(), ApiError> {
        self.store
            .update_group(group, |m| {
                for k in keys {
                    m.tags.remove(k);
                }
            })
            .map_err(map_store)?;
        Ok(())
    }

    fn create_log_group(&self, r: CreateLogGroupRequest, now: i64) -> Result<(), ApiError> {
        validate_group_name(&r.log_group_name)?;
        if r.kms_key_id.is_some() {
            return Err(invalid("KMS encryption of log groups is not supported."));
        }
        if r.log_group_class
            .is_some_and(|c| c != LogGroupClass::Standard)
        {
            return Err(invalid("Only the STANDARD log group class is supported."));
        }
        if r.deletion_protection_enabled == Some(true) {
            return Err(invalid("Deletion protection is not supported."));
        }
        let tags = r.tags.unwrap_or_default();
        if tags.len() > 50 {
            return Err(invalid("A log group can have at most 50 tags."));
        }
        self.store
            .create_group(&r.log_group_name, now, tags)
            .map_err(map_store)?;
        Ok(())
    }

    fn describe_log_groups(
        &self,
        r: DescribeLogGroupsRequest,
    ) -> Result<DescribeLogGroupsResponse, ApiError> {
        let limit = check_limit(r.limit, 50, 50)?;
        if r.log_group_name_prefix.is_some() && r.log_group_name_pattern.is_some() {
            return Err(invalid(
                "LogGroup name prefix and LogGroup name pattern are mutually exclusive parameters.",
            ));
        }
        let after = match &r.next_token {
            Some(t) => Some(unhex(t).ok_or_else(invalid_token)?),
            None => None,
        };
        let mut out = Vec::new();
        let mut more = false;
        for (meta, bytes) in self.store.groups() {
            if after.as_ref().is_some_and(|a| meta.name <= *a) {
                continue;
            }
            if let Some(p) = &r.log_group_name_prefix {
                if !meta.name.starts_with(p.as_str()) {
                    continue;
                }
            }
            if let Some(p) = &r.log_group_name_pattern {
                if !meta.name.contains(p.as_str()) {
                    continue;
                }
            }
            if let Some(ids) = &r.log_group_identifiers {
                let arn = self.group_arn(&meta.name);
                if !ids.iter().any(|i| *i == meta.name || *i == arn) {
                    continue;
                }
            }
            if out.len() == limit {
                more = true;
                break;
            }
            let arn = self.group_arn(&meta.name);
            out.push(LogGroup {
                log_group_name: Some(meta.name.clone()),
                creation_time: Some(meta.creation_time),
                retention_in_days: meta.retention_days,
                metric_filter_count: Some(0),
                arn: Some(format!("{arn}:*")),
                stored_bytes: Some(bytes as i64),
                log_group_class: Some(LogGroupClass::Standard),
                log_group_arn: Some(arn),
                ..Default::default()
            });
        }
        let next_token = if more {
            out.last()
                .and_then(|g| g.log_group_name.as_deref())
                .map(hex)
        } else {
            None
        };
        Ok(DescribeLogGroupsResponse {
            log_groups: Some(out),
            next_token,
        })
    }

    fn describe_log_streams(
        &self,
        r: DescribeLogStreamsRequest,
    ) -> Result<DescribeLogStreamsResponse, ApiError> {
        let group = self.group_ident(r.log_group_name, r.log_group_identifier)?;
        let limit = check_limit(r.limit, 50, 50)?;
        let by_time = r.order_by == Some(OrderBy::LastEventTime);
        if by_time && r.log_stream_name_prefix.is_some() {
            return Err(invalid(
                "Cannot order by LastEventTime with a logStreamNamePrefix.",
            ));
        }
        let descending = r.descending.unwrap_or(false);
        let after: Option<(i64, String)> = match &r.next_token {
            Some(t) => Some(
                unhex(t)
                    .and_then(|s| serde_json::from_str(&s).ok())
                    .ok_or_else(invalid_token)?,
            ),
            None => None,
        };
        let handles = self.store.streams(&group).map_err(map_store)?;
        let mut infos: Vec<store::StreamInfo> = handles
            .iter()
            .map(StreamHandle::info)
            .filter(|i| {
                r.log_stream_name_prefix
                    .as_ref()
                    .is_none_or(|p| i.name.starts_with(p.as_str()))
            })
            .collect();
        let key = |i: &store::StreamInfo| -> (i64, String) {
            if by_time {
                (i.last_event_timestamp.unwrap_or(0), i.name.clone())
            } else {
                (0, i.name.clone())
            }
        };
        infos.sort_by_key(key);
        if descending {
            infos.reverse();
        }
        let mut out = Vec::new();
        let mut last_key = None;
        let mut more = false;
        for info in infos {
            let k = key(&info);
            if let Some(a) = &after {
                let past = if descending { k < *a } else { k > *a };
                if !past {
                    continue;
                }
            }
            if out.len() == limit {
                more = true;
                break;
            }
            let arn = format!("{}:log-stream:{}", self.group_arn(&group), info.name);
            out.push(LogStream {
                log_stream_name: Some(info.name.clone()),
                creation_time: Some(info.creation_time),
                first_event_timestamp: info.first_event_timestamp,
                last_event_timestamp: info.last_event_timestamp,
                last_ingestion_time: info.last_ingestion_time,
                upload_sequence_token: Some(format!("{:056}", info.last_seq + 1)),
                arn: Some(arn),
                stored_bytes: Some(info.stored_bytes as i64),
            });
            last_key = Some(k);
        }
        let next_token = match (more, last_key) {
            (true, Some(k)) => Some(hex(
                &serde_json::to_string(&k).map_err(crate::state::internal)?
            )),
            _ => None,
        };
        Ok(DescribeLogStreamsResponse {
            log_streams: Some(out),
            next_token,
        })
    }

    fn put_log_events(
        &self,
        r: PutLogEventsRequest,
        now: i64,
    ) -> Result<PutLogEventsResponse, ApiError> {
        let group = self
            .store
            .group(&r.log_group_name)
            .ok_or_else(group_not_found)?;
        let stream = self
            .store
            .stream(&r.log_group_name, &r.log_stream_name)
            .map_err(map_store)?;
        let events = r.log_events;
        if events.is_empty() {
            return Err(invalid("The batch of log events is empty."));
        }
        if events.len() > MAX_BATCH_EVENTS {
            return Err(invalid(format!(
                "1 validation error detected: Value at 'logEvents' failed to satisfy constraint: Member must have length less than or equal to {MAX_BATCH_EVENTS}"
            )));
        }
        let bytes: usize = events
            .iter()
            .map(|e| e.message.len() + EVENT_OVERHEAD_BYTES)
            .sum();
        if bytes > MAX_BATCH_BYTES {
            return Err(invalid(format!(
                "Upload too large: {bytes} bytes exceeds limit of {MAX_BATCH_BYTES}"
            )));
        }
        if let Some(i) = events.iter().position(|e| e.message.is_empty()) {
            return Err(invalid(format!("Log event {i} has an empty message.")));
        }
        if events.windows(2).any(|w| w[1].timestamp < w[0].timestamp) {
            return Err(invalid(
                "Log events in a single PutLogEvents request must be in chronological order.",
            ));
        }
        let first = events.first().map_or(0, |e| e.timestamp);
        let last = events.last().map_or(0, |e| e.timestamp);
        if last - first > MAX_BATCH_SPAN_MS {
            return Err(invalid(
                "The batch of log events in a single PutLogEvents request cannot span more than 24 hours.",
            ));
        }
        let too_old_before = now - MAX_AGE_MS;
        let expired_before = group.retention_days.map(|d| now - i64::from(d) * DAY_MS);
        let too_new_after = now + MAX_FUTURE_MS;
        let mut rejected = RejectedLogEventsInfo::default();
        let mut accepted = Vec::with_capacity(events.len());
        for (i, e) in events.into_iter().enumerate() {
            let idx = i as i32;
            if e.timestamp > too_new_after {
                rejected.too_new_log_event_start_index.get_or_insert(idx);
            } else if e.timestamp < too_old_before {
                rejected.too_old_log_event_end_index = Some(idx);
            } else if expired_before.is_some_and(|c| e.timestamp < c) {
                rejected.expired_log_event_end_index = Some(idx);
            } else {
                accepted.push((e.timestamp, e.message));
            }
        }
        if !accepted.is_empty() {
            self.store
                .append(&r.log_group_name, &r.log_stream_name, &accepted, now)
                .map_err(map_store)?;
            let bytes = accepted.iter().map(|(_, m)| m.len()).sum();
            crate::metrics::global().logs_ingested(accepted.len(), bytes);
        }
        let info = stream.info();
        let any_rejected = rejected != RejectedLogEventsInfo::default();
        Ok(PutLogEventsResponse {
            next_sequence_token: Some(format!("{:056}", info.last_seq + 1)),
            rejected_log_events_info: any_rejected.then_some(rejected),
            rejected_entity_info: None,
        })
    }

    fn get_log_events(&self, r: GetLogEventsRequest) -> Result<GetLogEventsResponse, ApiError> {
        let group = self.group_ident(r.log_group_name, r.log_group_identifier)?;
        if self.store.group(&group).is_none() {
            return Err(group_not_found());
        }
        let stream = self
            .store
            .stream(&group, &r.log_stream_name)
            .map_err(map_store)?;
        let limit = check_limit(r.limit, 10_000, 10_000)?;
        let start = r.start_time.unwrap_or(i64::MIN);
        let end = r.end_time.unwrap_or(i64::MAX);
        let (forward, pos) = match &r.next_token {
            Some(t) => {
                let (d, p) = parse_position_token(t).ok_or_else(invalid_token)?;
                (d == 'f', p)
            }
            None if r.start_from_head == Some(true) => (true, (i64::MIN, 0)),
            None => (false, (i64::MAX, u64::MAX)),
        };
        type Item = (i64, u64, i64, String);
        let mut picked: Vec<Item> = if forward {
            // The `limit` smallest keys after `pos`.
            let mut heap: BinaryHeap<Item> = BinaryHeap::new();
            stream
                .scan(start.max(pos.0), end, |e| {
                    if (e.timestamp, e.seq) > pos {
                        heap.push((e.timestamp, e.seq, e.ingestion_time, e.message.clone()));
                        if heap.len() > limit {
                            heap.pop();
                        }
                    }
                    true
                })
                .map_err(map_store)?;
            heap.into_sorted_vec()
        } else {
            // The `limit` largest keys before `pos`.
            let mut heap: BinaryHeap<std::cmp::Reverse<Item>> = BinaryHeap::new();
            let scan_end = if pos.0 == i64::MAX {
                end
            } else {
                end.min(pos.0 + 1)
            };
            stream
                .scan(start, scan_end, |e| {
                    if (e.timestamp, e.seq) < pos {
                        heap.push(std::cmp::Reverse((
                            e.timestamp,
                            e.seq,
                            e.ingestion_time,
                            e.message.clone(),
                        )));
                        if heap.len() > limit {
                            heap.pop();
                        }
                    }
                    true
                })
                .map_err(map_store)?;
            let mut v: Vec<Item> = heap.into_iter().map(|r| r.0).collect();
            v.sort();
            v
        };
        // Cap the payload, keeping the events nearest the position.
        let mut total = 0usize;
        let keep = if forward {
            picked
                .iter()
                .take_while(|e| {
                    total += e.3.len() + EVENT_OVERHEAD_BYTES;
                    total <= MAX_RESPONSE_BYTES
                })
                .count()
                .max(1)
                .min(picked.len())
        } else {
            picked
                .iter()
                .rev()
                .take_while(|e| {
                    total += e.3.len() + EVENT_OVERHEAD_BYTES;
                    total <= MAX_RESPONSE_BYTES
                })
                .count()
                .max(1)
                .min(picked.len())
        };
        if forward {
            picked.truncate(keep);
        } else {
            picked.drain(..picked.len() - keep);
        }
        let (next_forward, next_backward) = match (picked.first(), picked.last()) {
            (Some(f), Some(l)) => (
                position_token('f', (l.0, l.1)),
                position_token('b', (f.0, f.1)),
            ),
            _ => {
                let p = if r.next_token.is_some() {
                    pos
                } else if forward {
                    (0, 0)
                } else {
                    // Nothing before the end: both directions continue
                    // from the current end of the stream.
                    let info = stream.info();
                    (info.last_event_timestamp.unwrap_or(0), info.last_seq)
                };
                (position_token('f', p), position_token('b', p))
            }
        };
        let events = picked
            .into_iter()
            .map(|(ts, _, ingest, message)| OutputLogEvent {
                timestamp: Some(ts),
                message: Some(message),
                ingestion_time: Some(ingest),
            })
            .collect();
        Ok(GetLogEventsResponse {
            events: Some(events),
            next_forward_token: Some(next_forward),
            next_backward_token: Some(next_backward),
        })
    }

    fn filter_log_events(
        &self,
        r: FilterLogEventsRequest,
    ) -> Result<FilterLogEventsResponse, ApiError> {
        let group = self.group_ident(r.log_group_name, r.log_group_identifier)?;
        if r.log_stream_names.is_some() && r.log_stream_name_prefix.is_some() {
            return Err(invalid(
                "logStreamNames and logStreamNamePrefix are mutually exclusive parameters.",
            ));
        }
        let limit = check_limit(r.limit, 10_000, 10_000)?;
        let pattern = FilterPattern::parse(r.filter_pattern.as_deref().unwrap_or(""))
            .map_err(|e| invalid(e.to_string()))?;
        let after = match &r.next_token {
            Some(t) => Some(parse_event_id(t).ok_or_else(invalid_token)?),
            None => None,
        };
        let start = r.start_time.unwrap_or(i64::MIN);
        let end = r.end_time.map_or(i64::MAX, |e| e.saturating_add(1));
        let handles = self.store.streams(&group).map_err(map_store)?;
        let mut searched = Vec::new();
        type Item = (i64, u64, u64, i64, String, String);
        let mut heap: BinaryHeap<Item> = BinaryHeap::new();
        for h in handles {
            let info = h.info();
            if let Some(names) = &r.log_stream_names {
                if !names.contains(&info.name) {
                    continue;
                }
            }
            if let Some(p) = &r.log_stream_name_prefix {
                if !info.name.starts_with(p.as_str()) {
                    continue;
                }
            }
            let scan_start = after.map_or(start, |a| start.max(a.0));
            h.scan(scan_start, end, |e| {
                let key = (e.timestamp.max(0), info.no, e.seq);
                if after.is_some_and(|a| key <= a) {
                    return true;
                }
                if let Some(top) = heap.peek() {
                    if heap.len() > limit && key >= (top.0, top.1, top.2) {
                        return true;
                    }
                }
                if pattern.matches(&e.message) {
                    heap.push((
                        key.0,
                        key.1,
                        key.2,
                        e.ingestion_time,
                        e.message.clone(),
                        info.name.clone(),
                    ));
                    if heap.len() > limit + 1 {
                        heap.pop();
                    }
                }
                true
            })
            .map_err(map_store)?;
            searched.push(SearchedLogStream {
                log_stream_name: Some(info.name.clone()),
                searched_completely: Some(true),
            });
        }
        let mut picked = heap.into_sorted_vec();
        let mut more = picked.len() > limit;
        picked.truncate(limit);
        let mut total = 0usize;
        let keep = picked
            .iter()
            .take_while(|e| {
                total += e.4.len() + EVENT_OVERHEAD_BYTES;
                total <= MAX_RESPONSE_BYTES
            })
            .count()
            .max(1)
            .min(picked.len());
        if keep < picked.len() {
            more = true;
            picked.truncate(keep);
        }
        let next_token = if more {
            picked.last().map(|e| event_id(e.0, e.1, e.2))
        } else {
            None
        };
        let events = picked
            .into_iter()
            .map(|(ts, no, seq, ingest, message, stream)| FilteredLogEvent {
                log_stream_name: Some(stream),
                timestamp: Some(ts),
                message: Some(message),
                ingestion_time: Some(ingest),
                event_id: Some(event_id(ts, no, seq)),
            })
            .collect();
        Ok(FilterLogEventsResponse {
            events: Some(events),
            searched_log_streams: Some(searched),
            next_token,
        })
    }
}

#[cfg(test)]
mod tests;
