//! The audit trail: every API call (ECS, Logs, IAM, STS, agent sync) as a
//! CloudTrail event record, durable, with a retention, and queryable through
//! CloudTrail's own `LookupEvents` operation (so `aws cloudtrail
//! lookup-events --endpoint-url …` and `gantry audit` both read it).
//!
//! Records are appended by one writer task in batches (one fsync per batch)
//! into a private [`LogStore`] under `DATA_DIR/audit` — the same append-only
//! segment format as the Logs service, one stream per UTC day, never visible
//! through the Logs API. Recording never blocks a request on the disk: the
//! request hands its record to a bounded queue and the writer drains it.
//! A query reads the day streams of its time range, newest first.

use crate::clock::SharedClock;
use crate::http::{RequestContext, ServiceHandler};
use crate::logs::store::{LogStore, LogStoreError};
use async_trait::async_trait;
use bytes::Bytes;
use chrono::{DateTime, Utc};
use gantry_api_types::ApiError;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;
use tokio::sync::{mpsc, oneshot};

/// The one log group of the private store.
const GROUP: &str = "audit";
/// Records waiting for the writer; requests wait (briefly) when it is full.
const QUEUE: usize = 16 * 1024;
/// CloudTrail's `LookupEvents` looks back 90 days by default.
const DEFAULT_LOOKBACK_MS: i64 = 90 * 86_400_000;
/// Default retention of the audit trail, days.
pub const DEFAULT_RETENTION_DAYS: i32 = 90;
/// CloudTrail's `LookupEvents` target prefix and signing name.
pub const TARGET_PREFIX: &str = "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101";
pub const SIGNING_NAME: &str = "cloudtrail";

#[derive(Debug, thiserror::Error)]
pub enum AuditError {
    #[error("audit store")]
    Store(#[from] LogStoreError),
}

/// Who made the call, CloudTrail's `userIdentity`.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq, Default)]
#[serde(rename_all = "camelCase")]
pub struct UserIdentity {
    /// `Root`, `IAMUser`, `AssumedRole`, or `Unknown` for unauthenticated calls.
    #[serde(rename = "type")]
    pub kind: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub arn: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub access_key_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_name: Option<String>,
}

/// One call, as a CloudTrail event record (field names as CloudTrail's).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct AuditRecord {
    pub event_version: String,
    pub user_identity: UserIdentity,
    /// RFC 3339 UTC, second precision, like CloudTrail.
    pub event_time: String,
    /// `ecs.amazonaws.com`, `logs.amazonaws.com`, `iam.amazonaws.com`, …
    pub event_source: String,
    pub event_name: String,
    pub aws_region: String,
    #[serde(
        rename = "sourceIPAddress",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub source_ip_address: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_agent: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error_code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error_message: Option<String>,
    #[serde(rename = "requestID")]
    pub request_id: String,
    #[serde(rename = "eventID")]
    pub event_id: String,
    pub read_only: bool,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub resources: Vec<AuditResource>,
    pub event_type: String,
    pub management_event: bool,
    pub recipient_account_id: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct AuditResource {
    #[serde(rename = "ARN")]
    pub arn: String,
    #[serde(rename = "accountId")]
    pub account_id: String,
    /// CloudTrail-style type, e.g. `AWS::ECS::Cluster`.
    #[serde(rename = "type")]
    pub kind: String,
}

/// What the HTTP layer knows about a finished call.
#[derive(Debug, Clone)]
pub struct CallFacts<'a> {
    /// `ecs`, `logs`, `iam`, `sts`, `cloudtrail` (the signing name).
    pub service: &'a str,
    pub operation: &'a str,
    pub region: &'a str,
    pub account_id: &'a str,
    pub request_id: &'a str,
    /// `None` when authentication failed.
    pub principal: Option<&'a crate::auth::Principal>,
    /// The access key the request claimed (also for failed authentication).
    pub access_key_id: Option<&'a str>,
    pub source_ip: Option<std::net::IpAddr>,
    pub user_agent: Option<&'a str>,
    /// Resource ARNs the call acted on (from authorization), if known.
    pub resources: &'a [String],
    /// `(code, message)` when the call failed.
    pub error: Option<(&'a str, &'a str)>,
    /// Epoch milliseconds.
    pub time_ms: i64,
}

/// Builds the record of one call (pure).
pub fn record_for(f: &CallFacts<'_>) -> AuditRecord {
    let user_identity = match f.principal {
        None => UserIdentity {
            kind: "Unknown".into(),
            access_key_id: f.access_key_id.map(str::to_string),
            ..UserIdentity::default()
        },
        Some(p) => UserIdentity {
            kind: if p.is_root {
                "Root".into()
            } else if p.arn.contains(":assumed-role/") {
                "AssumedRole".into()
            } else {
                "IAMUser".into()
            },
            arn: Some(p.arn.clone()),
            account_id: Some(p.account_id.clone()),
            access_key_id: Some(p.access_key_id.clone()),
            user_name: p.user_name.clone(),
        },
    };
    let event_id = uuid::Uuid::new_v4().to_string();
    AuditRecord {
        event_version: "1.08".into(),
        user_identity,
        event_time: iso(f.time_ms),
        event_source: format!("{}.amazonaws.com", f.service),
        event_name: f.operation.to_string(),
        aws_region: f.region.to_string(),
        source_ip_address: f.source_ip.map(|ip| ip.to_string()),
        user_agent: f.user_agent.map(|s| s.chars().take(256).collect()),
        error_code: f.error.map(|(c, _)| c.to_string()),
        error_message: f.error.map(|(_, m)| m.chars().take(1024).collect()),
        request_id: f.request_id.to_string(),
        event_id,
        read_only: is_read_only(f.operation),
        resources: f
            .resources
            .iter()
            .filter(|a| a.starts_with("arn:"))
            .map(|arn| AuditResource {
                arn: arn.clone(),
                account_id: f.account_id.to_string(),
                kind: resource_type(arn),
            })
            .collect(),
        event_type: "AwsApiCall".into(),
        management_event: true,
        recipient_account_id: f.account_id.to_string(),
    }
}

/// Describe…/List…/Get…/Lookup… calls change nothing.
pub fn is_read_only(operation: &str) -> bool {
    ["Describe", "List", "Get", "Lookup", "Filter", "Simulate"]
        .iter()
        .any(|p| operation.starts_with(p))
}

/// `arn:aws:ecs:r:a:cluster/x` → `AWS::ECS::Cluster`.
fn resource_type(arn: &str) -> String {
    let mut parts = arn.splitn(6, ':');
    let service = parts.nth(2).unwrap_or_default();
    let resource = parts.nth(2).unwrap_or_default();
    let kind = resource
        .split(['/', ':'])
        .next()
        .unwrap_or_default()
        .split('-')
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
                .unwrap_or_default()
        })
        .collect::<String>();
    let service = match service {
        "ecs" => "ECS".to_string(),
        "iam" => "IAM".to_string(),
        "sts" => "STS".to_string(),
        "logs" => "Logs".to_string(),
        other => other.to_string(),
    };
    format!("AWS::{service}::{kind}")
}

fn iso(ms: i64) -> String {
    DateTime::<Utc>::from_timestamp_millis(ms)
        .unwrap_or_default()
        .format("%Y-%m-%dT%H:%M:%SZ")
        .to_string()
}

/// `2026/11/26`: the stream of one UTC day.
fn day_stream(ms: i64) -> String {
    DateTime::<Utc>::from_timestamp_millis(ms)
        .unwrap_or_default()
        .format("%Y/%m/%d")
        .to_string()
}

enum Msg {
    Record(i64, Box<AuditRecord>),
    Flush(oneshot::Sender<()>),
}

/// Handle to the audit trail: record calls, look them up.
pub struct AuditLog {
    store: Arc<LogStore>,
    tx: mpsc::Sender<Msg>,
}

impl std::fmt::Debug for AuditLog {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AuditLog").finish_non_exhaustive()
    }
}

impl AuditLog {
    /// Opens the store at `dir` (blocking) with `retention_days`, and starts
    /// the writer (which also enforces the retention hourly) on the current
    /// runtime. The writer ends when the last handle is dropped.
    pub fn open(
        dir: impl Into<PathBuf>,
        retention_days: i32,
        clock: SharedClock,
    ) -> Result<Arc<AuditLog>, AuditError> {
        let store = Arc::new(LogStore::open(dir.into())?);
        let now_ms = (clock.now() * 1000.0).round() as i64;
        match store.create_group(GROUP, now_ms, BTreeMap::new()) {
            Ok(_) | Err(LogStoreError::GroupExists) => {}
            Err(e) => return Err(e.into()),
        }
        store.update_group(GROUP, |g| g.retention_days = Some(retention_days))?;
        let (tx, rx) = mpsc::channel(QUEUE);
        tokio::spawn(writer(store.clone(), rx, clock));
        Ok(Arc::new(AuditLog { store, tx }))
    }

    /// Queues a record. Waits only when the writer is [`QUEUE`] records behind.
    pub async fn record(&self, facts: &CallFacts<'_>) {
        let rec = record_for(facts);
        if self
            .tx
            .send(Msg::Record(facts.time_ms, Box::new(rec)))
            .await
            .is_err()
        {
            tracing::warn!("audit writer is gone; a record was lost");
        }
    }

    /// Returns once everything queued before the call is on disk.
    pub async fn flush(&self) {
        let (done, wait) = oneshot::channel();
        if self.tx.send(Msg::Flush(done)).await.is_ok() {
            let _ = wait.await;
        }
    }

    /// Records in `[start_ms, end_ms)` matching `filter`, newest first,
    /// after `cursor` (the last record of the previous page), at most
    /// `limit`; plus the cursor of the next page when more remain.
    pub fn lookup(
        &self,
        start_ms: i64,
        end_ms: i64,
        filter: &Filter,
        cursor: Option<&Cursor>,
        limit: usize,
    ) -> Result<Page, AuditError> {
        let mut streams = match self.store.streams(GROUP) {
            Ok(s) => s,
            Err(LogStoreError::GroupNotFound) => return Ok((Vec::new(), None)),
            Err(e) => return Err(e.into()),
        };
        // Day streams sort by name = by day; newest first.
        streams.sort_by_key(|s| std::cmp::Reverse(s.info().name));
        let first_day = day_stream(start_ms);
        let last_day = day_stream(end_ms.saturating_sub(1));
        let mut out: Vec<(i64, AuditRecord)> = Vec::new();
        let mut last: Option<Cursor> = None;
        for stream in streams {
            let name = stream.info().name;
            if name > last_day || name < first_day || cursor.is_some_and(|c| name > c.day) {
                continue;
            }
            let mut day: Vec<(i64, u64, AuditRecord)> = Vec::new();
            stream.scan(start_ms, end_ms, |ev| {
                if let Ok(rec) = serde_json::from_str::<AuditRecord>(&ev.message) {
                    if filter.matches(&rec) {
                        day.push((ev.timestamp, ev.seq, rec));
                    }
                }
                true
            })?;
            day.sort_by_key(|d| std::cmp::Reverse((d.0, d.1)));
            for (ts, seq, rec) in day {
                if cursor.is_some_and(|c| c.day == name && (ts, seq) >= (c.time_ms, c.seq)) {
                    continue;
                }
                if out.len() == limit {
                    return Ok((out, last));
                }
                out.push((ts, rec));
                last = Some(Cursor {
                    day: name.clone(),
                    time_ms: ts,
                    seq,
                });
            }
        }
        Ok((out, None))
    }
}

/// Records (epoch ms, record), newest first, and the next page's cursor.
pub type Page = (Vec<(i64, AuditRecord)>, Option<Cursor>);

/// A page boundary: the last record returned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cursor {
    pub day: String,
    pub time_ms: i64,
    pub seq: u64,
}

impl Cursor {
    fn encode(&self) -> String {
        crate::ecs::pagination::encode_token(&format!("{}|{}|{}", self.day, self.time_ms, self.seq))
    }

    fn decode(token: &str) -> Option<Cursor> {
        let raw = crate::ecs::pagination::decode_token(token).ok()?;
        let mut it = raw.splitn(3, '|');
        Some(Cursor {
            day: it.next()?.to_string(),
            time_ms: it.next()?.parse().ok()?,
            seq: it.next()?.parse().ok()?,
        })
    }
}

/// CloudTrail's one lookup attribute.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Filter {
    #[default]
    All,
    EventId(String),
    EventName(String),
    ReadOnly(bool),
    Username(String),
    ResourceType(String),
    ResourceName(String),
    EventSource(String),
    AccessKeyId(String),
}

impl Filter {
    pub fn matches(&self, r: &AuditRecord) -> bool {
        match self {
            Filter::All => true,
            Filter::EventId(v) => r.event_id == *v,
            Filter::EventName(v) => r.event_name == *v,
            Filter::ReadOnly(v) => r.read_only == *v,
            Filter::Username(v) => username(r).as_deref() == Some(v.as_str()),
            Filter::ResourceType(v) => r.resources.iter().any(|x| x.kind == *v),
            Filter::ResourceName(v) => r.resources.iter().any(|x| x.arn == *v),
            Filter::EventSource(v) => r.event_source == *v,
            Filter::AccessKeyId(v) => r.user_identity.access_key_id.as_deref() == Some(v.as_str()),
        }
    }
}

/// CloudTrail's `Username`: the IAM user name, the role session name, or `root`.
fn username(r: &AuditRecord) -> Option<String> {
    let id = &r.user_identity;
    match id.kind.as_str() {
        "Root" => Some("root".into()),
        "AssumedRole" => id
            .arn
            .as_deref()
            .and_then(|a| a.rsplit('/').next())
            .map(str::to_string),
        _ => id.user_name.clone(),
    }
}

/// Most records one batch (one append and fsync) holds.
const BATCH: usize = 1024;
/// How long the writer waits for more records after the first of a batch,
/// unless a flush is asked for: under load one fsync covers many calls
/// instead of one fsync per few; an unflushed record was never promised to
/// a caller (a request never waits for its record).
const BATCH_WINDOW: std::time::Duration = std::time::Duration::from_millis(10);

/// Adds to `buf` what arrives within [`BATCH_WINDOW`], up to [`BATCH`]
/// messages, stopping early at a flush or when the queue closes.
async fn gather(rx: &mut mpsc::Receiver<Msg>, buf: &mut Vec<Msg>) {
    let deadline = tokio::time::Instant::now() + BATCH_WINDOW;
    let mut seen = 0;
    while buf.len() < BATCH && !buf[seen..].iter().any(|m| matches!(m, Msg::Flush(_))) {
        seen = buf.len();
        let room = BATCH - buf.len();
        tokio::select! {
            n = rx.recv_many(buf, room) => if n == 0 { return },
            _ = tokio::time::sleep_until(deadline) => return,
        }
    }
}

async fn writer(store: Arc<LogStore>, mut rx: mpsc::Receiver<Msg>, clock: SharedClock) {
    let mut retention_due = 0i64;
    let mut buf = Vec::with_capacity(256);
    while rx.recv_many(&mut buf, BATCH).await > 0 {
        gather(&mut rx, &mut buf).await;
        let mut by_day: BTreeMap<String, Vec<(i64, String)>> = BTreeMap::new();
        let mut flushes = Vec::new();
        for msg in buf.drain(..) {
            match msg {
                Msg::Record(ts, rec) => match serde_json::to_string(&rec) {
                    Ok(line) => by_day.entry(day_stream(ts)).or_default().push((ts, line)),
                    Err(e) => tracing::warn!(error = %e, "audit record not serialisable"),
                },
                Msg::Flush(done) => flushes.push(done),
            }
        }
        let now_ms = (clock.now() * 1000.0).round() as i64;
        let due = now_ms >= retention_due;
        if due {
            retention_due = now_ms + 3_600_000;
        }
        let s = store.clone();
        let written = tokio::task::spawn_blocking(move || -> Result<(), LogStoreError> {
            for (day, events) in by_day {
                match s.create_stream(GROUP, &day, now_ms) {
                    Ok(()) | Err(LogStoreError::StreamExists) => {}
                    Err(e) => return Err(e),
                }
                s.append(GROUP, &day, &events, now_ms)?;
            }
            if due {
                let n = s.enforce_retention(now_ms)?;
                if n > 0 {
                    tracing::info!(records = n, "audit retention deleted expired records");
                }
            }
            Ok(())
        })
        .await;
        match written {
            Ok(Ok(())) => {}
            Ok(Err(e)) => tracing::error!(error = %e, "audit records could not be written"),
            Err(e) => tracing::error!(error = %e, "audit writer panicked"),
        }
        for done in flushes {
            let _ = done.send(());
        }
    }
}

/// CloudTrail's `LookupEvents`, served on the same endpoint.
pub struct CloudTrailHandler {
    pub audit: Arc<AuditLog>,
    pub clock: SharedClock,
}

fn ct_error(code: &'static str, message: impl Into<String>) -> ApiError {
    ApiError::new(code, 400, message)
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
struct LookupEventsRequest {
    #[serde(default)]
    lookup_attributes: Option<Vec<LookupAttribute>>,
    #[serde(default)]
    start_time: Option<f64>,
    #[serde(default)]
    end_time: Option<f64>,
    #[serde(default)]
    event_category: Option<String>,
    #[serde(default)]
    max_results: Option<i64>,
    #[serde(default)]
    next_token: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
struct LookupAttribute {
    attribute_key: String,
    attribute_value: String,
}

fn parse_filter(attrs: Option<Vec<LookupAttribute>>) -> Result<Filter, ApiError> {
    let mut attrs = attrs.unwrap_or_default();
    if attrs.len() > 1 {
        return Err(ct_error(
            "InvalidLookupAttributesException",
            "You cannot specify more than one lookup attribute.",
        ));
    }
    let Some(a) = attrs.pop() else {
        return Ok(Filter::All);
    };
    let v = a.attribute_value;
    if v.is_empty() || v.len() > 2000 {
        return Err(ct_error(
            "InvalidLookupAttributesException",
            "AttributeValue must be 1 to 2000 characters long.",
        ));
    }
    Ok(match a.attribute_key.as_str() {
        "EventId" => Filter::EventId(v),
        "EventName" => Filter::EventName(v),
        "ReadOnly" => match v.as_str() {
            "true" => Filter::ReadOnly(true),
            "false" => Filter::ReadOnly(false),
            _ => {
                return Err(ct_error(
                    "InvalidLookupAttributesException",
                    "The ReadOnly lookup attribute value must be true or false.",
                ))
            }
        },
        "Username" => Filter::Username(v),
        "ResourceType" => Filter::ResourceType(v),
        "ResourceName" => Filter::ResourceName(v),
        "EventSource" => Filter::EventSource(v),
        "AccessKeyId" => Filter::AccessKeyId(v),
        other => {
            return Err(ct_error(
                "InvalidLookupAttributesException",
                format!("Invalid attribute key: {other}. Valid keys are EventId, EventName, ReadOnly, Username, ResourceType, ResourceName, EventSource and AccessKeyId."),
            ))
        }
    })
}

/// `LookupEvents` (pure apart from reading the store).
pub fn lookup_events(audit: &AuditLog, body: &[u8], now_ms: i64) -> Result<Value, ApiError> {
    let req: LookupEventsRequest = serde_json::from_slice(body)
        .map_err(|e| ApiError::serialization(format!("Invalid LookupEvents request: {e}")))?;
    let filter = parse_filter(req.lookup_attributes)?;
    if let Some(c) = &req.event_category {
        if c != "insight" {
            return Err(ct_error(
                "InvalidEventCategoryException",
                "The only valid value for EventCategory is insight.",
            ));
        }
        // No Insights events are produced.
        return Ok(json!({"Events": []}));
    }
    let limit = match req.max_results {
        None => 50,
        Some(n) if (1..=50).contains(&n) => n as usize,
        Some(_) => {
            return Err(ct_error(
                "InvalidMaxResultsException",
                "MaxResults must be between 1 and 50.",
            ))
        }
    };
    let end_ms = req.end_time.map_or(now_ms, |t| (t * 1000.0).round() as i64);
    let start_ms = req.start_time.map_or(end_ms - DEFAULT_LOOKBACK_MS, |t| {
        (t * 1000.0).round() as i64
    });
    if start_ms > end_ms {
        return Err(ct_error(
            "InvalidTimeRangeException",
            "Start time must be equal to or earlier than end time.",
        ));
    }
    let cursor = match &req.next_token {
        None => None,
        Some(t) => Some(
            Cursor::decode(t)
                .ok_or_else(|| ct_error("InvalidNextTokenException", "Invalid NextToken."))?,
        ),
    };
    // CloudTrail's end time is inclusive.
    let (records, next) = audit
        .lookup(start_ms, end_ms + 1, &filter, cursor.as_ref(), limit)
        .map_err(|e| ApiError::server(e.to_string()))?;
    let next = next.map(|c| c.encode());
    let events: Vec<Value> = records
        .iter()
        .map(|(ts, r)| {
            let mut ev = json!({
                "EventId": r.event_id,
                "EventName": r.event_name,
                "ReadOnly": r.read_only.to_string(),
                "EventTime": (*ts as f64) / 1000.0,
                "EventSource": r.event_source,
                "Resources": r.resources.iter().map(|x| json!({"ResourceType": x.kind, "ResourceName": x.arn})).collect::<Vec<_>>(),
                "CloudTrailEvent": serde_json::to_string(r).unwrap_or_default(),
            });
            if let Some(k) = &r.user_identity.access_key_id {
                ev["AccessKeyId"] = json!(k);
            }
            if let Some(u) = username(r) {
                ev["Username"] = json!(u);
            }
            ev
        })
        .collect();
    let mut out = json!({ "Events": events });
    if let Some(t) = next {
        out["NextToken"] = json!(t);
    }
    Ok(out)
}

#[async_trait]
impl ServiceHandler for CloudTrailHandler {
    async fn handle(
        &self,
        _ctx: &RequestContext,
        operation: &str,
        body: Bytes,
    ) -> Result<Value, ApiError> {
        if operation != "LookupEvents" {
            return Err(ApiError::client(
                "UnknownOperationException",
                format!("Unknown operation '{operation}': Gantry's audit trail answers LookupEvents only."),
            ));
        }
        // Every call answered before this one is in the trail: the writer
        // may still be gathering its batch.
        self.audit.flush().await;
        let now_ms = (self.clock.now() * 1000.0).round() as i64;
        let audit = self.audit.clone();
        tokio::task::spawn_blocking(move || lookup_events(&audit, &body, now_ms))
            .await
            .map_err(crate::state::internal)?
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::auth::Principal;
    use crate::clock::Clock;

    struct Fixed(f64);
    impl Clock for Fixed {
        fn now(&self) -> f64 {
            self.0
        }
    }

    const T0: i64 = 1_795_000_000_000; // 2026-11-18T11:06:40Z

    fn facts<'a>(
        op: &'a str,
        p: Option<&'a Principal>,
        res: &'a [String],
        t: i64,
        err: Option<(&'a str, &'a str)>,
    ) -> CallFacts<'a> {
        CallFacts {
            service: "ecs",
            operation: op,
            region: "us-east-1",
            account_id: "123456789012",
            request_id: "req",
            principal: p,
            access_key_id: Some("AKIAEXAMPLE"),
            source_ip: Some("127.0.0.1".parse().unwrap()),
            user_agent: Some("test"),
            resources: res,
            error: err,
            time_ms: t,
        }
    }

    #[test]
    fn records_name_who_what_and_the_outcome() {
        let root = Principal::root("123456789012", "AKIAROOT");
        let res = vec!["arn:aws:ecs:us-east-1:123456789012:cluster/dev".to_string()];
        let r = record_for(&facts(
            "RunTask",
            Some(&root),
            &res,
            T0,
            Some(("AccessDeniedException", "no")),
        ));
        assert_eq!(r.user_identity.kind, "Root");
        assert_eq!(r.event_source, "ecs.amazonaws.com");
        assert!(!r.read_only);
        assert_eq!(r.error_code.as_deref(), Some("AccessDeniedException"));
        assert_eq!(r.resources[0].kind, "AWS::ECS::Cluster");
        assert_eq!(r.event_time, "2026-11-18T11:06:40Z");
        let anon = record_for(&facts("ListClusters", None, &[], T0, Some(("x", "y"))));
        assert_eq!(anon.user_identity.kind, "Unknown");
        assert!(anon.read_only);
        assert_eq!(
            resource_type("arn:aws:ecs:r:a:task-definition/f:1"),
            "AWS::ECS::TaskDefinition"
        );
        assert_eq!(
            resource_type("arn:aws:logs:r:a:log-group:g"),
            "AWS::Logs::LogGroup"
        );
    }

    #[tokio::test]
    async fn lookup_pages_newest_first_filters_and_survives_reopen() {
        let dir = tempfile::tempdir().unwrap();
        let clock: SharedClock = Arc::new(Fixed((T0 as f64) / 1000.0 + 3.0 * 86400.0));
        let root = Principal::root("123456789012", "AKIAROOT");
        {
            let audit = AuditLog::open(dir.path(), 90, clock.clone()).unwrap();
            // 3 days x 30 calls, alternating names.
            for d in 0..3i64 {
                for i in 0..30i64 {
                    let op = if i % 2 == 0 { "RunTask" } else { "ListTasks" };
                    audit
                        .record(&facts(
                            op,
                            Some(&root),
                            &[],
                            T0 + d * 86_400_000 + i * 1000,
                            None,
                        ))
                        .await;
                }
            }
            audit.flush().await;
        }
        let audit = AuditLog::open(dir.path(), 90, clock.clone()).unwrap();
        let now = T0 + 4 * 86_400_000;
        let mut token: Option<String> = None;
        let mut seen = Vec::new();
        loop {
            let mut body = json!({"MaxResults": 7});
            if let Some(t) = &token {
                body["NextToken"] = json!(t);
            }
            let out = lookup_events(&audit, body.to_string().as_bytes(), now).unwrap();
            for e in out["Events"].as_array().unwrap() {
                seen.push(e["EventTime"].as_f64().unwrap());
            }
            match out["NextToken"].as_str() {
                Some(t) => token = Some(t.to_string()),
                None => break,
            }
        }
        assert_eq!(seen.len(), 90, "every record exactly once");
        assert!(seen.windows(2).all(|w| w[0] >= w[1]), "newest first");
        let body = json!({"LookupAttributes": [{"AttributeKey": "EventName", "AttributeValue": "RunTask"}],
                          "StartTime": (T0 + 86_400_000) as f64 / 1000.0, "MaxResults": 50});
        let out = lookup_events(&audit, body.to_string().as_bytes(), now).unwrap();
        let evs = out["Events"].as_array().unwrap();
        assert_eq!(evs.len(), 30, "two days of RunTask");
        assert!(evs
            .iter()
            .all(|e| e["EventName"] == "RunTask" && e["Username"] == "root"));
        let ct: AuditRecord =
            serde_json::from_str(evs[0]["CloudTrailEvent"].as_str().unwrap()).unwrap();
        assert_eq!(ct.event_name, "RunTask");
    }

    #[tokio::test(start_paused = true)]
    async fn a_batch_gathers_for_its_window_and_a_flush_ends_it() {
        let rec = || {
            Msg::Record(
                T0,
                Box::new(record_for(&facts("ListTasks", None, &[], T0, None))),
            )
        };
        let (tx, mut rx) = mpsc::channel(16);
        // Records arriving within the window join the first one's batch;
        // one arriving after it waits for the next.
        tx.send(rec()).await.unwrap();
        let late = tx.clone();
        tokio::spawn(async move {
            tokio::time::sleep(std::time::Duration::from_millis(4)).await;
            late.send(rec()).await.unwrap();
            tokio::time::sleep(std::time::Duration::from_millis(4)).await;
            late.send(rec()).await.unwrap();
            tokio::time::sleep(std::time::Duration::from_millis(10)).await;
            late.send(rec()).await.unwrap();
        });
        let mut buf = Vec::new();
        let started = tokio::time::Instant::now();
        assert_eq!(rx.recv_many(&mut buf, BATCH).await, 1);
        gather(&mut rx, &mut buf).await;
        assert_eq!(buf.len(), 3);
        assert_eq!(started.elapsed(), BATCH_WINDOW);
        buf.clear();
        assert_eq!(rx.recv_many(&mut buf, BATCH).await, 1, "the late record");
        // A flush ends the wait at once.
        buf.clear();
        tx.send(rec()).await.unwrap();
        let flusher = tx.clone();
        tokio::spawn(async move {
            tokio::time::sleep(std::time::Duration::from_millis(2)).await;
            let (done, _wait) = oneshot::channel();
            flusher.send(Msg::Flush(done)).await.unwrap();
        });
        let started = tokio::time::Instant::now();
        rx.recv_many(&mut buf, BATCH).await;
        gather(&mut rx, &mut buf).await;
        assert_eq!(buf.len(), 2);
        assert!(matches!(buf[1], Msg::Flush(_)));
        assert_eq!(started.elapsed(), std::time::Duration::from_millis(2));
    }

    #[tokio::test]
    async fn a_lookup_sees_every_call_recorded_before_it() {
        let dir = tempfile::tempdir().unwrap();
        let clock: SharedClock = Arc::new(Fixed((T0 as f64) / 1000.0 + 60.0));
        let audit = AuditLog::open(dir.path(), 90, clock.clone()).unwrap();
        let handler = CloudTrailHandler {
            audit: audit.clone(),
            clock,
        };
        let root = Principal::root("123456789012", "AKIAROOT");
        for i in 0..3 {
            // Recorded, not flushed: the writer is still gathering.
            audit
                .record(&facts("RunTask", Some(&root), &[], T0 + i, None))
                .await;
            let out = handler
                .handle(
                    &crate::ecs::test_world::ctx(),
                    "LookupEvents",
                    Bytes::from_static(b"{}"),
                )
                .await
                .unwrap();
            assert_eq!(
                out["Events"].as_array().unwrap().len(),
                i as usize + 1,
                "{out}"
            );
        }
    }

    #[test]
    fn bad_lookups_get_cloudtrail_errors() {
        let dir = tempfile::tempdir().unwrap();
        let rt = tokio::runtime::Runtime::new().unwrap();
        let _g = rt.enter();
        let audit = AuditLog::open(dir.path(), 90, Arc::new(Fixed(1.0e9))).unwrap();
        let code = |b: Value| {
            lookup_events(&audit, b.to_string().as_bytes(), T0)
                .unwrap_err()
                .code
        };
        assert_eq!(
            code(json!({"MaxResults": 51})),
            "InvalidMaxResultsException"
        );
        assert_eq!(
            code(json!({"StartTime": 10.0, "EndTime": 5.0})),
            "InvalidTimeRangeException"
        );
        assert_eq!(
            code(json!({"NextToken": "garbage"})),
            "InvalidNextTokenException"
        );
        assert_eq!(
            code(json!({"LookupAttributes": [{"AttributeKey": "Nope", "AttributeValue": "x"}]})),
            "InvalidLookupAttributesException"
        );
        assert_eq!(
            code(json!({"EventCategory": "x"})),
            "InvalidEventCategoryException"
        );
        assert_eq!(code(json!({"Bogus": 1})), "SerializationException");
    }
}
