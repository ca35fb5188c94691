//! The conformance suite every [`Store`] backend runs.
//!
//! Each check is a `pub async fn` that takes a factory `Fn(TestConfig) ->
//! impl Future<Output = S>` and panics on a violation. A backend's test
//! binary runs them all with one line, each reported as its own test:
//!
//! ```ignore
//! gantry_store::store_conformance_tests!(|cfg: gantry_store::conformance::TestConfig| async move {
//!     gantry_store::memory::MemoryStore::with_options(gantry_store::memory::MemoryOptions {
//!         history_limit: cfg.history_limit,
//!         watch_buffer: cfg.watch_buffer,
//!     })
//! });
//! ```
//!
//! The test binary needs `tokio` (with `macros` and `rt-multi-thread`) as a
//! dependency. The factory must return a fresh, empty store each call.

use std::collections::HashSet;
use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use futures::StreamExt;

use crate::backend::{DEFAULT_HISTORY_LIMIT, DEFAULT_WATCH_BUFFER};
use crate::{Compare, EventKind, KeyValue, Op, Store, StoreError, Txn, WatchEvent, WatchStream};

/// What a test asks of the store it gets from the factory.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TestConfig {
    /// Keep events of at least this many (and not many more) recent revisions.
    pub history_limit: usize,
    /// Live buffer per watcher before it counts as lagging.
    pub watch_buffer: usize,
}

impl Default for TestConfig {
    fn default() -> Self {
        TestConfig {
            history_limit: DEFAULT_HISTORY_LIMIT,
            watch_buffer: DEFAULT_WATCH_BUFFER,
        }
    }
}

/// Expands to one `#[tokio::test]` per conformance check, each calling the
/// check with the given factory expression.
#[macro_export]
macro_rules! store_conformance_tests {
    ($make:expr) => {
        $crate::store_conformance_tests!(@each $make;
            empty_store_is_at_revision_zero,
            put_then_get,
            revisions_strictly_increase,
            range_by_prefix_in_key_order,
            range_pagination_with_start_after_and_limit,
            compare_and_put_succeeds_on_matching_revision,
            failed_compare_writes_nothing,
            compare_absent_key_with_zero,
            multi_op_txn_is_atomic,
            txn_without_effect_keeps_revision,
            delete_then_recreate_resets_create_revision,
            watch_from_zero_replays_then_goes_live,
            watch_from_middle_revision,
            watch_filters_by_prefix,
            watch_reports_deletes_and_txn_events_in_op_order,
            watch_after_future_revision_waits,
            concurrent_cas_counter_is_linearizable,
            concurrent_writers_get_distinct_revisions,
            compacted_history_is_reported,
            slow_watcher_resyncs_from_history,
            slow_watcher_beyond_history_gets_compacted,
            watch_ends_when_store_dropped,
            watches_started_during_writes_have_no_gaps,
            random_txns_match_a_model
        );
    };
    (@each $make:expr; $($name:ident),* $(,)?) => {
        $(
            #[::tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn $name() {
                $crate::conformance::$name($make).await;
            }
        )*
    };
}

const WAIT: Duration = Duration::from_secs(20);

async fn fresh<S, F, Fut>(make: &F) -> S
where
    F: Fn(TestConfig) -> Fut,
    Fut: Future<Output = S>,
{
    make(TestConfig::default()).await
}

async fn next_event(stream: &mut WatchStream) -> WatchEvent {
    match tokio::time::timeout(WAIT, stream.next()).await {
        Ok(Some(Ok(event))) => event,
        Ok(Some(Err(e))) => panic!("watch failed: {e}"),
        Ok(None) => panic!("watch ended early"),
        Err(_) => panic!("no watch event within {WAIT:?}"),
    }
}

async fn assert_quiet(stream: &mut WatchStream) {
    if let Ok(item) = tokio::time::timeout(Duration::from_millis(100), stream.next()).await {
        panic!("unexpected watch item: {item:?}");
    }
}

fn put(key: &str, value: &str) -> Op {
    Op::Put(key.to_string(), value.as_bytes().to_vec())
}

fn keys(kvs: &[KeyValue]) -> Vec<&str> {
    kvs.iter().map(|kv| kv.key.as_str()).collect()
}

/// A fresh store is at revision 0 and empty.
pub async fn empty_store_is_at_revision_zero<S: Store, F, Fut>(make: F)
where
    F: Fn(TestConfig) -> Fut,
    Fut: Future<Output = S>,
{
    let store = fresh(&make).await;
    assert_eq!(store.revision().await.unwrap(), 0);
    assert_eq!(store.get("a").await.unwrap(), None);
    assert!(store.range("", None, None).await.unwrap().is_empty());
}

/// A put is readable with its revisions; an overwrite keeps create_revision.
pub async fn put_then_get<S: Store, F, Fut>(make: F)
where
    F: Fn(TestConfig) -> Fut,
    Fut: Future<Output = S>,
{
    let store = fresh(&make).await;
    assert_eq!(store.put("a", b"one".to_vec()).await.unwrap(), 1);
    let kv = store.get("a").await.unwrap().expect("a present");
    assert_eq!(
        kv,
        KeyValue {
            key: "a".into(),
            value: b"one".to_vec(),
            create_revision: 1,
            mod_revision: 1
        }
    );
    assert_eq!(store.put("b", Vec::new()).await.unwrap(), 2);
    assert_eq!(store.put("a", b"two".to_vec()).await.unwrap(), 3);
    let kv = store.get("a").await.unwrap().expect("a present");
    assert_eq!(
        (kv.value.as_slice(), kv.create_revision, kv.mod_revision),
        (&b"two"[..], 1, 3)
    );
    let b = store
        .get("b")
        .await
        .unwrap()
        .expect("b present (empty value)");
    assert!(b.value.is_empty());
    assert_eq!(store.revision().await.unwrap(), 3);
}

/// Every write gets a revision one above the previous one.
pub async fn revisions_strictly_increase<S: Store, F, Fut>(make: F)
where
    F: Fn(TestConfig) -> Fut,
    Fut: Future<Output = S>,
{
    let store = fresh(&make).await;
    let mut last = 0;
    for i in 0..30 {
        let rev = store
            .put(&format!("k{}", i % 7), vec![i as u8])
            .await
            .unwrap();
        assert_eq!(rev, last + 1);
        last = rev;
        assert_eq!(store.revision().await.unwrap(), rev);
    }
}

/// `range` returns exactly the keys with the prefix, in key order.
pub async fn range_by_prefix_in_key_order<S: Store, F, Fut>(make: F)
where
    F: Fn(TestConfig) -> Fut,
    Fut: Future<Output = S>,
{
    let store = fresh(&make).await;
    for key in [
        "a/3", "b/1", "a/1", "a", "a/2", "a0", "a/10", "/", "a/", "ab/1",
    ] {
        store.put(key, key.as_bytes().to_vec()).await.unwrap();
    }
    let got = store.range("a/", None, None).await.unwrap();
    assert_eq!(keys(&got), ["a/", "a/1", "a/10", "a/2", "a/3"]);
    assert!(got.iter().all(|kv| kv.value == kv.key.as_bytes()));
    let all = store.range("", None, None).await.unwrap();
    assert_eq!(
        keys(&all),
        ["/", "a", "a/", "a/1", "a/10", "a/2", "a/3", "a0", "ab/1", "b/1"]
    );
    assert!(store.range("c", None, None).await.unwrap().is_empty());
    assert_eq!(keys(&store.range("b", None, None).await.unwrap()), ["b/1"]);
}

/// Paging with `start_after` and `limit` visits every key once, in order.
pub async fn range_pagination_with_start_after_and_limit<S: Store, F, Fut>(make: F)
where
    F: Fn(TestConfig) -> Fut,
    Fut: Future<Output = S>,
{
    let store = fresh(&make).await;
    let mut expected: Vec<String> = (0..23).map(|i| format!("p/{i:03}")).collect();
    for key in expected.iter().rev() {
        store.put(key, Vec::new()).await.unwrap();
    }
    store.put("q/0", Vec::new()).await.unwrap();
    store.put("o/9", Vec::new()).await.unwrap();
    expected.sort();

    let mut seen = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let page = store.range("p/", cursor.as_deref(), Some(5)).await.unwrap();
        assert!(page.len() <= 5);
        if page.is_empty() {
            break;
        }
        cursor = Some(page.last().unwrap().key.clone());
        seen.extend(page.into_iter().map(|kv| kv.key));
    }
    assert_eq!(seen, expected);

    assert!(store.range("p/", None, Some(0)).await.unwrap().is_empty());
    // start_after before the prefix does not leak other keys.
    assert_eq!(
        keys(&store.range("p/", Some("a"), Some(2)).await.unwrap()),
        ["p/000", "p/001"]
    );
    // start_after need not be an existing key.
    assert_eq!(
        keys(&store.range("p/", Some("p/0105"), Some(1)).await.unwrap()),
        ["p/011"]
    );
    // start_after past the prefix gives nothing.
    assert!(store
        .range("p/", Some("p/999"), None)
        .await
        .unwrap()
        .is_empty());
    assert!(store.range("p/", Some("z"), None).await.unwrap().is_empty());
}

/// compare_and_put on the current mod_revision writes at a new revision.
pub async fn compare_and_put_succeeds_on_matching_revision<S: Store, F, Fut>(make: F)
where
    F: Fn(TestConfig) -> Fut,
    Fut: Future<Output = S>,
{
    let store = fresh(&make).await;
    let rev = store.put("k", b"1".to_vec()).await.unwrap();
    store.put("other", b"x".to_vec()).await.unwrap();
    let r = store
        .compare_and_put("k", rev, b"2".to_vec())
        .await
        .unwrap();
    assert!(r.succeeded);
    assert_eq!(r.revision, 3);
    let kv = store.get("k").await.unwrap().unwrap();
    assert_eq!(
        (kv.value.as_slice(), kv.create_revision, kv.mod_revision),
        (&b"2"[..], 1, 3)
    );
}

/// A failed compare writes nothing and does not bump the revision.
pub async fn failed_compare_writes_nothing<S: Store, F, Fut>(make: F)
where
    F: Fn(TestConfig) -> Fut,
    Fut: Future<Output = S>,
{
    let store = fresh(&make).await;
    store.put("k", b"1".to_vec()).await.unwrap();
    store.put("k", b"2".to_vec()).await.unwrap();
    let before = store.get("k").await.unwrap().unwrap();
    for stale in [0, 1, 3, 99] {
        let r = store
            .compare_and_put("k", stale, b"bad".to_vec())
            .await
            .unwrap();
        assert!(!r.succeeded, "compare against {stale} must fail");
        assert_eq!(r.revision, 2);
    }
    let r = store
        .txn(Txn {
            compares: vec![Compare::ModRevision("k".into(), 1)],
            ops: vec![put("new", "x"), Op::Delete("k".into())],
        })
        .await
        .unwrap();
    assert!(!r.succeeded);
    assert_eq!(store.revision().await.unwrap(), 2);
    assert_eq!(store.get("k").await.unwrap(), Some(before));
    assert_eq!(store.get("new").await.unwrap(), None);
    assert_eq!(
        store.put("z", Vec::new()).await.unwrap(),
        3,
        "no revision was used up"
    );
}

/// Comparing with 0 means "absent": create-if-absent.
pub async fn compare_absent_key_with_zero<S: Store, F, Fut>(make: F)
where
    F: Fn(TestConfig) -> Fut,
    Fut: Future<Output = S>,
{
    let store = fresh(&make).await;
    let r = store
        .compare_and_put("k", 0, b"first".to_vec())
        .await
        .unwrap();
    assert!(r.succeeded);
    assert_eq!(r.revision, 1);
    let r = store
        .compare_and_put("k", 0, b"second".to_vec())
        .await
        .unwrap();
    assert!(!r.succeeded);
    assert_eq!(store.get("k").await.unwrap().unwrap().value, b"first");
    store.delete("k").await.unwrap();
    let r = store
        .compare_and_put("k", 0, b"third".to_vec())
        .await
        .unwrap();
    assert!(r.succeeded);
    assert_eq!(r.revision, 3);
}

/// All ops of a txn land at one revision, or none does.
pub async fn multi_op_txn_is_atomic<S: Store, F, Fut>(make: F)
where
    F: Fn(TestConfig) -> Fut,
    Fut: Future<Output = S>,
{
    let store = fresh(&make).await;
    store.put("gone", b"g".to_vec()).await.unwrap();
    let a = store.put("a", b"a".to_vec()).await.unwrap();
    let r = store
        .txn(Txn {
            compares: vec![
                Compare::ModRevision("a".into(), a),
                Compare::ModRevision("b".into(), 0),
            ],
            ops: vec![
                put("a", "a2"),
                put("b", "b1"),
                Op::Delete("gone".into()),
                put("b", "b2"),
            ],
        })
        .await
        .unwrap();
    assert!(r.succeeded);
    assert_eq!(r.revision, 3);
    let a = store.get("a").await.unwrap().unwrap();
    assert_eq!(
        (a.value.as_slice(), a.create_revision, a.mod_revision),
        (&b"a2"[..], 2, 3)
    );
    let b = store.get("b").await.unwrap().unwrap();
    assert_eq!(
        (b.value.as_slice(), b.create_revision, b.mod_revision),
        (&b"b2"[..], 3, 3)
    );
    assert_eq!(store.get("gone").await.unwrap(), None);

    // Second compare fails: the first op must not be applied.
    let r = store
        .txn(Txn {
            compares: vec![
                Compare::ModRevision("a".into(), 3),
                Compare::ModRevision("b".into(), 2),
            ],
            ops: vec![put("a", "a3"), put("c", "c")],
        })
        .await
        .unwrap();
    assert!(!r.succeeded);
    assert_eq!(r.revision, 3);
    assert_eq!(store.get("a").await.unwrap().unwrap().value, b"a2");
    assert_eq!(store.get("c").await.unwrap(), None);
}

/// A txn that changes nothing succeeds without a new revision.
pub async fn txn_without_effect_keeps_revision<S: Store, F, Fut>(make: F)
where
    F: Fn(TestConfig) -> Fut,
    Fut: Future<Output = S>,
{
    let store = fresh(&make).await;
    let r = store.txn(Txn::default()).await.unwrap();
    assert!(r.succeeded);
    assert_eq!(r.revision, 0);
    store.put("k", Vec::new()).await.unwrap();
    let r = store
        .txn(Txn {
            compares: vec![Compare::ModRevision("k".into(), 1)],
            ops: vec![],
        })
        .await
        .unwrap();
    assert!(r.succeeded);
    assert_eq!(r.revision, 1);
    assert_eq!(store.delete("absent").await.unwrap(), 1);
    assert_eq!(store.revision().await.unwrap(), 1);
    let mut watch = store.watch("", 0).await.unwrap();
    assert_eq!(next_event(&mut watch).await.kv.key, "k");
    assert_quiet(&mut watch).await;
}

/// Delete removes the key; recreating it starts a new create_revision.
pub async fn delete_then_recreate_resets_create_revision<S: Store, F, Fut>(make: F)
where
    F: Fn(TestConfig) -> Fut,
    Fut: Future<Output = S>,
{
    let store = fresh(&make).await;
    store.put("k", b"1".to_vec()).await.unwrap();
    store.put("k", b"2".to_vec()).await.unwrap();
    assert_eq!(store.delete("k").await.unwrap(), 3);
    assert_eq!(store.get("k").await.unwrap(), None);
    assert!(store.range("k", None, None).await.unwrap().is_empty());
    assert_eq!(store.put("k", b"3".to_vec()).await.unwrap(), 4);
    let kv = store.get("k").await.unwrap().unwrap();
    assert_eq!((kv.create_revision, kv.mod_revision), (4, 4));
}

/// A watch from 0 replays every past event, then delivers new ones.
pub async fn watch_from_zero_replays_then_goes_live<S: Store, F, Fut>(make: F)
where
    F: Fn(TestConfig) -> Fut,
    Fut: Future<Output = S>,
{
    let store = fresh(&make).await;
    for i in 1..=5u64 {
        store.put(&format!("k{i}"), vec![i as u8]).await.unwrap();
    }
    let mut watch = store.watch("", 0).await.unwrap();
    for i in 1..=5u64 {
        let e = next_event(&mut watch).await;
        assert_eq!(e.kind, EventKind::Put);
        assert_eq!(
            (e.kv.key.as_str(), e.kv.mod_revision),
            (format!("k{i}").as_str(), i)
        );
        assert_eq!(e.kv.value, vec![i as u8]);
    }
    assert_quiet(&mut watch).await;
    for i in 6..=8u64 {
        store.put("live", vec![i as u8]).await.unwrap();
    }
    for i in 6..=8u64 {
        let e = next_event(&mut watch).await;
        assert_eq!(
            (e.kv.key.as_str(), e.kv.mod_revision, e.kv.create_revision),
            ("live", i, 6)
        );
        assert_eq!(e.kv.value, vec![i as u8]);
    }
}

/// A watch after revision r starts at r + 1.
pub async fn watch_from_middle_revision<S: Store, F, Fut>(make: F)
where
    F: Fn(TestConfig) -> Fut,
    Fut: Future<Output = S>,
{
    let store = fresh(&make).await;
    for i in 1..=10u64 {
        store.put("k", vec![i as u8]).await.unwrap();
    }
    let mut watch = store.watch("k", 6).await.unwrap();
    let current = store.watch("k", 10).await.unwrap();
    store.put("k", vec![11]).await.unwrap();
    let revs: Vec<u64> = {
        let mut v = Vec::new();
        for _ in 7..=11 {
            v.push(next_event(&mut watch).await.kv.mod_revision);
        }
        v
    };
    assert_eq!(revs, [7, 8, 9, 10, 11]);
    let mut current = current;
    assert_eq!(next_event(&mut current).await.kv.mod_revision, 11);
    assert_quiet(&mut current).await;
}

/// A watch sees only keys with its prefix, replayed and live.
pub async fn watch_filters_by_prefix<S: Store, F, Fut>(make: F)
where
    F: Fn(TestConfig) -> Fut,
    Fut: Future<Output = S>,
{
    let store = fresh(&make).await;
    store.put("tasks/1", Vec::new()).await.unwrap();
    store.put("services/1", Vec::new()).await.unwrap();
    store.put("tasks", Vec::new()).await.unwrap();
    let mut tasks = store.watch("tasks/", 0).await.unwrap();
    store.put("services/2", Vec::new()).await.unwrap();
    store.put("tasks/2", Vec::new()).await.unwrap();
    store.put("tasksX", Vec::new()).await.unwrap();
    let e1 = next_event(&mut tasks).await;
    let e2 = next_event(&mut tasks).await;
    assert_eq!((e1.kv.key.as_str(), e1.kv.mod_revision), ("tasks/1", 1));
    assert_eq!((e2.kv.key.as_str(), e2.kv.mod_revision), ("tasks/2", 5));
    assert_quiet(&mut tasks).await;
}

/// Deletes are events; a txn's events share its revision, in op order.
pub async fn watch_reports_deletes_and_txn_events_in_op_order<S: Store, F, Fut>(make: F)
where
    F: Fn(TestConfig) -> Fut,
    Fut: Future<Output = S>,
{
    let store = fresh(&make).await;
    let mut watch = store.watch("", 0).await.unwrap();
    store.put("x", b"1".to_vec()).await.unwrap();
    store
        .txn(Txn {
            compares: vec![],
            ops: vec![
                put("z", "z"),
                Op::Delete("x".into()),
                put("y", "y"),
                Op::Delete("none".into()),
            ],
        })
        .await
        .unwrap();
    let first = next_event(&mut watch).await;
    assert_eq!((first.kind, first.kv.mod_revision), (EventKind::Put, 1));
    let got: Vec<_> = {
        let mut v = Vec::new();
        for _ in 0..3 {
            v.push(next_event(&mut watch).await);
        }
        v
    };
    assert_eq!(
        got,
        [
            WatchEvent {
                kind: EventKind::Put,
                kv: KeyValue {
                    key: "z".into(),
                    value: b"z".to_vec(),
                    create_revision: 2,
                    mod_revision: 2
                },
            },
            WatchEvent {
                kind: EventKind::Delete,
                kv: KeyValue {
                    key: "x".into(),
                    value: vec![],
                    create_revision: 0,
                    mod_revision: 2
                },
            },
            WatchEvent {
                kind: EventKind::Put,
                kv: KeyValue {
                    key: "y".into(),
                    value: b"y".to_vec(),
                    create_revision: 2,
                    mod_revision: 2
                },
            },
        ]
    );
    assert_quiet(&mut watch).await;
    // And the same when replayed from history.
    let mut replay = store.watch("", 1).await.unwrap();
    for expected in &got {
        assert_eq!(&next_event(&mut replay).await, expected);
    }
}

/// A watch after a revision not yet reached waits for it.
pub async fn watch_after_future_revision_waits<S: Store, F, Fut>(make: F)
where
    F: Fn(TestConfig) -> Fut,
    Fut: Future<Output = S>,
{
    let store = fresh(&make).await;
    store.put("k", Vec::new()).await.unwrap();
    let mut watch = store.watch("", 3).await.unwrap();
    assert_quiet(&mut watch).await;
    for _ in 0..4 {
        store.put("k", Vec::new()).await.unwrap();
    }
    assert_eq!(next_event(&mut watch).await.kv.mod_revision, 4);
    assert_eq!(next_event(&mut watch).await.kv.mod_revision, 5);
}

/// 20 tasks x 10 CAS-retry increments of one counter give exactly 200, each
/// success at its own revision, and a watch sees 1..=200 in order.
pub async fn concurrent_cas_counter_is_linearizable<S: Store, F, Fut>(make: F)
where
    F: Fn(TestConfig) -> Fut,
    Fut: Future<Output = S>,
{
    const TASKS: usize = 20;
    const INCREMENTS: usize = 10;
    let store = Arc::new(fresh(&make).await);
    let mut watch = store.watch("counter", 0).await.unwrap();
    let mut handles = Vec::new();
    for _ in 0..TASKS {
        let store = store.clone();
        handles.push(tokio::spawn(async move {
            let mut won = Vec::new();
            for _ in 0..INCREMENTS {
                loop {
                    let (value, rev) = match store.get("counter").await.unwrap() {
                        Some(kv) => {
                            let n: u64 = String::from_utf8(kv.value).unwrap().parse().unwrap();
                            (n, kv.mod_revision)
                        }
                        None => (0, 0),
                    };
                    let next = (value + 1).to_string().into_bytes();
                    let r = store.compare_and_put("counter", rev, next).await.unwrap();
                    if r.succeeded {
                        won.push(r.revision);
                        break;
                    }
                    tokio::task::yield_now().await;
                }
            }
            won
        }));
    }
    let mut revisions = HashSet::new();
    for handle in handles {
        for rev in handle.await.unwrap() {
            assert!(revisions.insert(rev), "revision {rev} won twice");
        }
    }
    let total = (TASKS * INCREMENTS) as u64;
    assert_eq!(revisions.len() as u64, total);
    let kv = store.get("counter").await.unwrap().unwrap();
    assert_eq!(kv.value, total.to_string().into_bytes());
    assert_eq!(store.revision().await.unwrap(), total);
    assert_eq!(revisions, (1..=total).collect::<HashSet<_>>());
    for i in 1..=total {
        let e = next_event(&mut watch).await;
        assert_eq!(e.kv.mod_revision, i);
        assert_eq!(e.kv.value, i.to_string().into_bytes());
    }
}

/// 100 concurrent unconditional writers each get their own revision.
pub async fn concurrent_writers_get_distinct_revisions<S: Store, F, Fut>(make: F)
where
    F: Fn(TestConfig) -> Fut,
    Fut: Future<Output = S>,
{
    const WRITERS: u64 = 100;
    let store = Arc::new(fresh(&make).await);
    let mut handles = Vec::new();
    for i in 0..WRITERS {
        let store = store.clone();
        handles.push(tokio::spawn(async move {
            let key = format!("w/{i:03}");
            let rev = store.put(&key, i.to_string().into_bytes()).await.unwrap();
            (key, rev)
        }));
    }
    let mut revisions = HashSet::new();
    for handle in handles {
        let (key, rev) = handle.await.unwrap();
        assert!(revisions.insert(rev));
        let kv = store.get(&key).await.unwrap().unwrap();
        assert_eq!((kv.create_revision, kv.mod_revision), (rev, rev));
    }
    assert_eq!(revisions, (1..=WRITERS).collect::<HashSet<_>>());
    assert_eq!(
        store.range("w/", None, None).await.unwrap().len() as u64,
        WRITERS
    );
    let mut watch = store.watch("w/", 0).await.unwrap();
    for rev in 1..=WRITERS {
        assert_eq!(next_event(&mut watch).await.kv.mod_revision, rev);
    }
}

/// A watch from before the kept history fails with `Compacted`.
pub async fn compacted_history_is_reported<S: Store, F, Fut>(make: F)
where
    F: Fn(TestConfig) -> Fut,
    Fut: Future<Output = S>,
{
    let store = make(TestConfig {
        history_limit: 10,
        ..TestConfig::default()
    })
    .await;
    for i in 0..50u64 {
        store.put(&format!("k{}", i % 3), Vec::new()).await.unwrap();
    }
    let oldest = match store.watch("", 0).await {
        Err(StoreError::Compacted { requested, oldest }) => {
            assert_eq!(requested, 0);
            oldest
        }
        Err(e) => panic!("expected Compacted, got {e}"),
        Ok(_) => panic!("expected Compacted, got a watch"),
    };
    assert!(
        oldest > 0 && oldest <= 40,
        "oldest {oldest} keeps at least 10 revisions"
    );
    assert!(matches!(
        store.watch("", oldest - 1).await,
        Err(StoreError::Compacted { .. })
    ));
    let mut watch = store.watch("", oldest).await.unwrap();
    for rev in oldest + 1..=50 {
        assert_eq!(next_event(&mut watch).await.kv.mod_revision, rev);
    }
    let mut recent = store.watch("", 45).await.unwrap();
    assert_eq!(next_event(&mut recent).await.kv.mod_revision, 46);
    // State is unaffected by compaction.
    assert_eq!(store.range("k", None, None).await.unwrap().len(), 3);
}

/// A watcher that does not read while many revisions commit still gets
/// every event, in order (resync from history).
pub async fn slow_watcher_resyncs_from_history<S: Store, F, Fut>(make: F)
where
    F: Fn(TestConfig) -> Fut,
    Fut: Future<Output = S>,
{
    let store = make(TestConfig {
        watch_buffer: 4,
        ..TestConfig::default()
    })
    .await;
    let mut watch = store.watch("", 0).await.unwrap();
    for i in 0..60u64 {
        store
            .put(&format!("k{}", i % 5), i.to_string().into_bytes())
            .await
            .unwrap();
    }
    for rev in 1..=60u64 {
        let e = next_event(&mut watch).await;
        assert_eq!(e.kv.mod_revision, rev);
        assert_eq!(e.kv.value, (rev - 1).to_string().into_bytes());
    }
    store.put("k0", Vec::new()).await.unwrap();
    assert_eq!(next_event(&mut watch).await.kv.mod_revision, 61);
}

/// A watcher that falls behind the kept history gets `Compacted`, after
/// only gap-free, ordered events, and then the stream ends.
pub async fn slow_watcher_beyond_history_gets_compacted<S: Store, F, Fut>(make: F)
where
    F: Fn(TestConfig) -> Fut,
    Fut: Future<Output = S>,
{
    let store = make(TestConfig {
        watch_buffer: 2,
        history_limit: 5,
    })
    .await;
    let mut watch = store.watch("", 0).await.unwrap();
    for _ in 0..40 {
        store.put("k", Vec::new()).await.unwrap();
    }
    let mut expected = 1;
    loop {
        match tokio::time::timeout(WAIT, watch.next())
            .await
            .expect("watch stalled")
        {
            Some(Ok(e)) => {
                assert_eq!(e.kv.mod_revision, expected, "gap or duplicate");
                expected += 1;
            }
            Some(Err(StoreError::Compacted { .. })) => break,
            Some(Err(e)) => panic!("unexpected error {e}"),
            None => panic!("stream ended without Compacted"),
        }
    }
    assert!(expected <= 40);
    let end = tokio::time::timeout(WAIT, watch.next())
        .await
        .expect("watch stalled");
    assert!(end.is_none(), "stream must end after Compacted");
}

/// Dropping the store ends its watches.
pub async fn watch_ends_when_store_dropped<S: Store, F, Fut>(make: F)
where
    F: Fn(TestConfig) -> Fut,
    Fut: Future<Output = S>,
{
    let store = fresh(&make).await;
    store.put("k", Vec::new()).await.unwrap();
    let mut watch = store.watch("", 0).await.unwrap();
    assert_eq!(next_event(&mut watch).await.kv.mod_revision, 1);
    drop(store);
    let end = tokio::time::timeout(WAIT, watch.next())
        .await
        .expect("watch did not end");
    assert!(end.is_none());
}

/// Watches opened while writers run each see every later revision exactly
/// once, in order (the replay/subscribe race).
pub async fn watches_started_during_writes_have_no_gaps<S: Store, F, Fut>(make: F)
where
    F: Fn(TestConfig) -> Fut,
    Fut: Future<Output = S>,
{
    const WRITERS: u64 = 4;
    const PER_WRITER: u64 = 50;
    const TOTAL: u64 = WRITERS * PER_WRITER;
    let store = Arc::new(fresh(&make).await);
    let mut writers = Vec::new();
    for w in 0..WRITERS {
        let store = store.clone();
        writers.push(tokio::spawn(async move {
            for i in 0..PER_WRITER {
                store
                    .put(&format!("w{w}"), i.to_string().into_bytes())
                    .await
                    .unwrap();
            }
        }));
    }
    let mut watchers = Vec::new();
    for _ in 0..10 {
        let after = store.revision().await.unwrap();
        let mut watch = store.watch("", after).await.unwrap();
        watchers.push(tokio::spawn(async move {
            for expected in after + 1..=TOTAL {
                assert_eq!(next_event(&mut watch).await.kv.mod_revision, expected);
            }
        }));
        tokio::task::yield_now().await;
    }
    for handle in writers.into_iter().chain(watchers) {
        handle.await.unwrap();
    }
    assert_eq!(store.revision().await.unwrap(), TOTAL);
}

/// A few hundred pseudo-random transactions give the same results, state
/// and events as a simple model.
pub async fn random_txns_match_a_model<S: Store, F, Fut>(make: F)
where
    F: Fn(TestConfig) -> Fut,
    Fut: Future<Output = S>,
{
    use std::collections::BTreeMap;

    let store = fresh(&make).await;
    let mut watch = store.watch("", 0).await.unwrap();
    // key -> (value, create_revision, mod_revision)
    let mut model: BTreeMap<String, (Vec<u8>, u64, u64)> = BTreeMap::new();
    let mut revision = 0u64;
    let mut expected_events = Vec::new();
    let mut seed = 0x9E37_79B9_7F4A_7C15u64;
    let mut rand = move |n: u64| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed % n
    };
    let key_names = ["a", "a/1", "a/2", "b", "b/1", "c"];
    for step in 0..300u64 {
        let mut compares = Vec::new();
        for _ in 0..rand(3) {
            let key = key_names[rand(6) as usize].to_string();
            let actual = model.get(&key).map_or(0, |e| e.2);
            let expected = if rand(4) == 0 {
                rand(revision + 2)
            } else {
                actual
            };
            compares.push(Compare::ModRevision(key, expected));
        }
        let mut ops = Vec::new();
        for _ in 0..rand(4) {
            let key = key_names[rand(6) as usize].to_string();
            if rand(3) == 0 {
                ops.push(Op::Delete(key));
            } else {
                ops.push(Op::Put(key, step.to_le_bytes().to_vec()));
            }
        }
        // The model.
        let holds = compares
            .iter()
            .all(|Compare::ModRevision(k, rev)| model.get(k).map_or(0, |e| e.2) == *rev);
        let mut next = model.clone();
        let mut events = Vec::new();
        if holds {
            for op in &ops {
                match op {
                    Op::Put(k, v) => {
                        let create = next.get(k).map_or(revision + 1, |e| e.1);
                        next.insert(k.clone(), (v.clone(), create, revision + 1));
                        events.push((EventKind::Put, k.clone(), create));
                    }
                    Op::Delete(k) => {
                        if next.remove(k).is_some() {
                            events.push((EventKind::Delete, k.clone(), 0));
                        }
                    }
                }
            }
        }
        let result = store.txn(Txn { compares, ops }).await.unwrap();
        assert_eq!(result.succeeded, holds, "step {step}");
        if !events.is_empty() {
            revision += 1;
            expected_events.extend(events.into_iter().map(|e| (e, revision)));
        }
        model = next;
        assert_eq!(result.revision, revision, "step {step}");
    }
    let got = store.range("", None, None).await.unwrap();
    let want: Vec<KeyValue> = model
        .iter()
        .map(|(k, (v, c, m))| KeyValue {
            key: k.clone(),
            value: v.clone(),
            create_revision: *c,
            mod_revision: *m,
        })
        .collect();
    assert_eq!(got, want);
    for ((kind, key, create), rev) in expected_events {
        let e = next_event(&mut watch).await;
        assert_eq!(
            (e.kind, e.kv.key, e.kv.create_revision, e.kv.mod_revision),
            (kind, key, create, rev)
        );
    }
    assert_quiet(&mut watch).await;
}
