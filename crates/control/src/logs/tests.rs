//! Service-level tests of the Logs API handlers (no HTTP).

use super::*;
use serde_json::json;

const NOW: i64 = 1_700_000_000_000;

fn service() -> (tempfile::TempDir, Inner) {
    let dir = tempfile::tempdir().unwrap();
    let store = Arc::new(LogStore::open(dir.path().join("logs")).unwrap());
    let inner = Inner {
        store,
        partition: Partition {
            account_id: "123456789012".into(),
            region: "us-east-1".into(),
        },
        retention_wake: tokio::sync::Notify::new(),
        max_bytes: std::sync::atomic::AtomicU64::new(DEFAULT_MAX_BYTES),
    };
    (dir, inner)
}

fn call(s: &Inner, op: &str, body: Value) -> Result<Value, ApiError> {
    s.dispatch(op, &serde_json::to_vec(&body).unwrap(), NOW)
        .map(|b| serde_json::from_slice(&b).unwrap())
}

fn setup(s: &Inner) {
    call(s, "CreateLogGroup", json!({"logGroupName": "g"})).unwrap();
    call(
        s,
        "CreateLogStream",
        json!({"logGroupName": "g", "logStreamName": "a"}),
    )
    .unwrap();
    call(
        s,
        "CreateLogStream",
        json!({"logGroupName": "g", "logStreamName": "b"}),
    )
    .unwrap();
}

fn put(s: &Inner, stream: &str, events: &[(i64, &str)]) -> Result<Value, ApiError> {
    let evs: Vec<Value> = events
        .iter()
        .map(|(t, m)| json!({"timestamp": t, "message": m}))
        .collect();
    call(
        s,
        "PutLogEvents",
        json!({"logGroupName": "g", "logStreamName": stream, "logEvents": evs}),
    )
}

fn messages(v: &Value) -> Vec<String> {
    v["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["message"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn errors_are_exact() {
    let (_d, s) = service();
    let e = call(&s, "DescribeLogStreams", json!({"logGroupName": "nope"})).unwrap_err();
    assert_eq!(e.code, "ResourceNotFoundException");
    assert_eq!(e.message, "The specified log group does not exist.");
    setup(&s);
    let e = put(&s, "zzz", &[(NOW, "x")]).unwrap_err();
    assert_eq!(e.message, "The specified log stream does not exist.");
    let e = call(&s, "CreateLogGroup", json!({"logGroupName": "g"})).unwrap_err();
    assert_eq!(e.code, "ResourceAlreadyExistsException");
    let e = call(&s, "CreateLogGroup", json!({"logGroupName": "bad name!"})).unwrap_err();
    assert_eq!(e.code, "InvalidParameterException");
    let e = call(
        &s,
        "PutRetentionPolicy",
        json!({"logGroupName": "g", "retentionInDays": 2}),
    )
    .unwrap_err();
    assert_eq!(e.code, "InvalidParameterException");
}

#[test]
fn put_log_events_limits() {
    let (_d, s) = service();
    setup(&s);
    let e = put(&s, "a", &[(NOW, "b"), (NOW - 1, "a")]).unwrap_err();
    assert_eq!(e.code, "InvalidParameterException");
    assert!(e.message.contains("chronological"));
    let e = put(&s, "a", &[(NOW - DAY_MS - 1, "a"), (NOW, "b")]).unwrap_err();
    assert!(e.message.contains("24 hours"));
    // 1,048,576 bytes counting 26 per event: exactly at the limit passes.
    let msg = "x".repeat(1_048_576 - 26);
    put(&s, "a", &[(NOW, &msg)]).unwrap();
    let msg = "x".repeat(1_048_576 - 25);
    let e = put(&s, "a", &[(NOW, &msg)]).unwrap_err();
    assert_eq!(e.code, "InvalidParameterException");
    let many: Vec<(i64, &str)> = (0..10_001).map(|i| (NOW + i, "m")).collect();
    assert!(put(&s, "b", &many).is_err());
    assert!(put(&s, "b", &many[..10_000]).is_ok());
    // Too old / too new are reported, the rest stored.
    let r = put(
        &s,
        "b",
        &[
            (NOW - 15 * DAY_MS + 1, "old"),
            (NOW - 14 * DAY_MS - 1, "old2"),
            (NOW - 14 * DAY_MS + DAY_MS / 2, "ok"),
            (NOW + 3 * 3_600_000, "new"),
        ],
    );
    // That batch spans more than 24 hours; split it.
    assert!(r.is_err());
    let r = put(
        &s,
        "b",
        &[
            (NOW - 14 * DAY_MS - 5, "old"),
            (NOW - 14 * DAY_MS + 5, "ok"),
        ],
    )
    .unwrap();
    assert_eq!(r["rejectedLogEventsInfo"]["tooOldLogEventEndIndex"], 0);
    let r = put(&s, "b", &[(NOW, "ok2"), (NOW + 3 * 3_600_000, "new")]).unwrap();
    assert_eq!(r["rejectedLogEventsInfo"]["tooNewLogEventStartIndex"], 1);
    let got = call(
        &s,
        "FilterLogEvents",
        json!({"logGroupName": "g", "logStreamNames": ["b"], "filterPattern": "ok"}),
    )
    .unwrap();
    assert_eq!(messages(&got), vec!["ok", "ok2"]);
}

#[test]
fn get_log_events_tokens() {
    let (_d, s) = service();
    setup(&s);
    let evs: Vec<(i64, String)> = (0..25).map(|i| (NOW + i, format!("m{i}"))).collect();
    let refs: Vec<(i64, &str)> = evs.iter().map(|(t, m)| (*t, m.as_str())).collect();
    put(&s, "a", &refs).unwrap();
    // Default: the most recent page.
    let r = call(
        &s,
        "GetLogEvents",
        json!({"logGroupName": "g", "logStreamName": "a", "limit": 10}),
    )
    .unwrap();
    assert_eq!(messages(&r).first().unwrap(), "m15");
    // Backward from there.
    let back = r["nextBackwardToken"].as_str().unwrap().to_string();
    assert!(back.starts_with("b/"));
    let r2 = call(
        &s,
        "GetLogEvents",
        json!({"logGroupName": "g", "logStreamName": "a", "limit": 10, "nextToken": back}),
    )
    .unwrap();
    assert_eq!(
        messages(&r2),
        (5..15).map(|i| format!("m{i}")).collect::<Vec<_>>()
    );
    // Forward from the head to the end; at the end the same token returns.
    let mut token: Option<String> = None;
    let mut all = Vec::new();
    loop {
        let mut body =
            json!({"logGroupName": "g", "logStreamName": "a", "limit": 7, "startFromHead": true});
        if let Some(t) = &token {
            body["nextToken"] = json!(t);
        }
        let r = call(&s, "GetLogEvents", body).unwrap();
        let next = r["nextForwardToken"].as_str().unwrap().to_string();
        assert!(next.starts_with("f/"));
        all.extend(messages(&r));
        if token.as_deref() == Some(next.as_str()) {
            assert!(messages(&r).is_empty());
            break;
        }
        token = Some(next);
    }
    assert_eq!(all, (0..25).map(|i| format!("m{i}")).collect::<Vec<_>>());
    // Time range.
    let r = call(&s, "GetLogEvents", json!({"logGroupName": "g", "logStreamName": "a", "startTime": NOW + 3, "endTime": NOW + 6, "startFromHead": true})).unwrap();
    assert_eq!(messages(&r), vec!["m3", "m4", "m5"]);
    let e = call(
        &s,
        "GetLogEvents",
        json!({"logGroupName": "g", "logStreamName": "a", "nextToken": "garbage"}),
    )
    .unwrap_err();
    assert_eq!(e.code, "InvalidParameterException");
}

#[test]
fn filter_log_events_interleaves_and_paginates() {
    let (_d, s) = service();
    setup(&s);
    put(
        &s,
        "a",
        &[
            (NOW, "ERROR a0"),
            (NOW + 2, "INFO a2"),
            (NOW + 4, "ERROR a4"),
        ],
    )
    .unwrap();
    put(&s, "b", &[(NOW + 1, "ERROR b1"), (NOW + 3, "WARN b3")]).unwrap();
    let r = call(&s, "FilterLogEvents", json!({"logGroupName": "g"})).unwrap();
    assert_eq!(
        messages(&r),
        vec!["ERROR a0", "ERROR b1", "INFO a2", "WARN b3", "ERROR a4"]
    );
    let ids: Vec<&str> = r["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["eventId"].as_str().unwrap())
        .collect();
    let mut sorted = ids.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(ids, sorted, "eventIds are unique and ordered");
    let r = call(
        &s,
        "FilterLogEvents",
        json!({"logGroupName": "g", "filterPattern": "?ERROR ?WARN -a4"}),
    )
    .unwrap();
    assert_eq!(messages(&r), vec!["ERROR a0", "ERROR b1", "WARN b3"]);
    // Pages of two, to the end, no duplicates.
    let mut token: Option<String> = None;
    let mut all = Vec::new();
    loop {
        let mut body = json!({"logGroupName": "g", "limit": 2});
        if let Some(t) = &token {
            body["nextToken"] = json!(t);
        }
        let r = call(&s, "FilterLogEvents", body).unwrap();
        all.extend(messages(&r));
        match r.get("nextToken").and_then(Value::as_str) {
            Some(t) => token = Some(t.to_string()),
            None => break,
        }
    }
    assert_eq!(all.len(), 5);
    let e = call(
        &s,
        "FilterLogEvents",
        json!({"logGroupName": "g", "logStreamNames": ["a"], "logStreamNamePrefix": "a"}),
    )
    .unwrap_err();
    assert_eq!(e.code, "InvalidParameterException");
    let e = call(
        &s,
        "FilterLogEvents",
        json!({"logGroupName": "g", "filterPattern": "{ $.a = }"}),
    )
    .unwrap_err();
    assert_eq!(e.code, "InvalidParameterException");
}

#[test]
fn describe_streams_order_and_pages() {
    let (_d, s) = service();
    setup(&s);
    call(
        &s,
        "CreateLogStream",
        json!({"logGroupName": "g", "logStreamName": "c"}),
    )
    .unwrap();
    put(&s, "a", &[(NOW + 5, "x")]).unwrap();
    put(&s, "c", &[(NOW + 1, "x")]).unwrap();
    let names = |v: &Value| -> Vec<String> {
        v["logStreams"]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| x["logStreamName"].as_str().unwrap().to_string())
            .collect()
    };
    let r = call(
        &s,
        "DescribeLogStreams",
        json!({"logGroupName": "g", "orderBy": "LastEventTime", "descending": true}),
    )
    .unwrap();
    assert_eq!(names(&r), vec!["a", "c", "b"]);
    let r = call(
        &s,
        "DescribeLogStreams",
        json!({"logGroupName": "g", "limit": 2}),
    )
    .unwrap();
    assert_eq!(names(&r), vec!["a", "b"]);
    let t = r["nextToken"].as_str().unwrap();
    let r = call(
        &s,
        "DescribeLogStreams",
        json!({"logGroupName": "g", "limit": 2, "nextToken": t}),
    )
    .unwrap();
    assert_eq!(names(&r), vec!["c"]);
    assert!(r.get("nextToken").is_none());
    let e = call(
        &s,
        "DescribeLogStreams",
        json!({"logGroupName": "g", "orderBy": "LastEventTime", "logStreamNamePrefix": "a"}),
    )
    .unwrap_err();
    assert_eq!(e.code, "InvalidParameterException");
    let g = call(&s, "DescribeLogGroups", json!({})).unwrap();
    assert_eq!(
        g["logGroups"][0]["arn"],
        "arn:aws:logs:us-east-1:123456789012:log-group:g:*"
    );
    assert_eq!(
        g["logGroups"][0]["logGroupArn"],
        "arn:aws:logs:us-east-1:123456789012:log-group:g"
    );
}

#[tokio::test]
async fn background_pass_enforces_the_size_cap() {
    let dir = tempfile::tempdir().unwrap();
    let store = Arc::new(LogStore::open(dir.path().join("logs")).unwrap());
    store.create_group("g", 1, BTreeMap::new()).unwrap();
    store.create_stream("g", "s", 1).unwrap();
    let big = "x".repeat(512 * 1024);
    for i in 0..8i64 {
        store
            .append("g", "s", &[(NOW + i, big.clone())], NOW + i)
            .unwrap();
    }
    let cap = 2 * 1024 * 1024;
    assert!(store.total_bytes() > cap);
    let service = LogsService::new(
        store.clone(),
        Partition {
            account_id: "123456789012".into(),
            region: "us-east-1".into(),
        },
    )
    .with_max_bytes(cap);
    let (stop, rx) = tokio::sync::watch::channel(false);
    let clock: SharedClock = Arc::new(crate::clock::SystemClock);
    let task = tokio::spawn(async move { service.run_retention(clock, rx).await });
    let mut total = store.total_bytes();
    for _ in 0..200 {
        total = store.total_bytes();
        if total <= cap {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    assert!(total <= cap, "{total} bytes left");
    // The newest events are the ones kept.
    let h = store.stream("g", "s").unwrap();
    let mut kept = Vec::new();
    h.scan(i64::MIN, i64::MAX, |e| {
        kept.push(e.timestamp);
        true
    })
    .unwrap();
    assert_eq!(kept.last(), Some(&(NOW + 7)));
    let _ = stop.send(true);
    task.await.unwrap();
}
