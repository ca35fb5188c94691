//! Tests of the redb backend: the store conformance suite, reopening, and
//! durability of acknowledged writes across `kill -9`.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::Arc;

use futures::StreamExt;
use gantry_store::conformance::TestConfig;
use gantry_store::{Compare, Op, Store, StoreError, Txn};
use gantry_store_redb::{RedbOptions, RedbStore};

fn options(cfg: TestConfig) -> RedbOptions {
    RedbOptions {
        history_limit: cfg.history_limit,
        watch_buffer: cfg.watch_buffer,
        cache_size: Some(16 << 20),
    }
}

gantry_store::store_conformance_tests!(|cfg: TestConfig| async move {
    RedbStore::temporary_with(options(cfg)).expect("temporary redb store")
});

async fn dump(store: &RedbStore) -> Vec<gantry_store::KeyValue> {
    store.range("", None, None).await.unwrap()
}

async fn all_events(store: &RedbStore, after: u64, count: usize) -> Vec<gantry_store::WatchEvent> {
    let mut watch = store.watch("", after).await.unwrap();
    let mut out = Vec::new();
    for _ in 0..count {
        out.push(watch.next().await.unwrap().unwrap());
    }
    out
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reopen_sees_all_data_revision_and_history() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nested").join("store.redb");
    let (before, revision, events) = {
        let store = RedbStore::open(&path).unwrap();
        for i in 0..20u64 {
            store
                .put(&format!("k/{:02}", i % 7), i.to_string().into_bytes())
                .await
                .unwrap();
        }
        store.delete("k/03").await.unwrap();
        let r = store
            .txn(Txn {
                compares: vec![Compare::ModRevision("k/00".into(), 15)],
                ops: vec![
                    Op::Put("k/00".into(), b"txn".to_vec()),
                    Op::Delete("k/01".into()),
                ],
            })
            .await
            .unwrap();
        assert!(r.succeeded);
        let revision = store.revision().await.unwrap();
        assert_eq!(revision, 22);
        (
            dump(&store).await,
            revision,
            all_events(&store, 0, 23).await,
        )
    };
    let store = RedbStore::open(&path).unwrap();
    assert_eq!(store.revision().await.unwrap(), revision);
    assert_eq!(dump(&store).await, before);
    assert_eq!(
        all_events(&store, 0, 23).await,
        events,
        "history survives a restart"
    );
    // A watch from the current revision gets the next write, at revision + 1.
    let mut watch = store.watch("", revision).await.unwrap();
    assert_eq!(store.put("k/new", Vec::new()).await.unwrap(), revision + 1);
    assert_eq!(
        watch.next().await.unwrap().unwrap().kv.mod_revision,
        revision + 1
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn compaction_survives_reopen() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("store.redb");
    let opts = RedbOptions {
        history_limit: 5,
        ..RedbOptions::default()
    };
    {
        let store = RedbStore::open_with(&path, opts).unwrap();
        for _ in 0..30 {
            store.put("k", Vec::new()).await.unwrap();
        }
    }
    let store = RedbStore::open_with(&path, opts).unwrap();
    assert!(matches!(
        store.watch("", 10).await,
        Err(StoreError::Compacted {
            requested: 10,
            oldest: 25
        })
    ));
    let mut watch = store.watch("", 25).await.unwrap();
    assert_eq!(watch.next().await.unwrap().unwrap().kv.mod_revision, 26);
}

#[test]
fn second_open_of_the_same_file_fails_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("store.redb");
    let _first = RedbStore::open(&path).unwrap();
    let err = RedbStore::open(&path).expect_err("the file is locked by the first store");
    assert!(matches!(err, StoreError::Backend { .. }));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn failed_compares_in_a_concurrent_batch_write_nothing() {
    // Many racing create-if-absent txns (batched by the writer thread):
    // exactly one wins, the others change nothing.
    let store = Arc::new(RedbStore::temporary().unwrap());
    let mut handles = Vec::new();
    for i in 0..50u8 {
        let store = store.clone();
        handles.push(tokio::spawn(async move {
            store.compare_and_put("leader", 0, vec![i]).await.unwrap()
        }));
    }
    let mut winners = 0;
    for handle in handles {
        let r = handle.await.unwrap();
        if r.succeeded {
            winners += 1;
            assert_eq!(r.revision, 1);
        }
    }
    assert_eq!(winners, 1);
    assert_eq!(store.revision().await.unwrap(), 1);
}

const KILL9_DB_ENV: &str = "GANTRY_KILL9_DB";
const CHILD_WRITERS: usize = 8;

/// Child half of `acknowledged_writes_survive_kill_9`: does nothing unless
/// started by it. Writes keys from several tasks and prints `ACK key rev`
/// for each acknowledged write, until killed.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn kill9_child_writer() {
    let Ok(path) = std::env::var(KILL9_DB_ENV) else {
        return;
    };
    let store = Arc::new(RedbStore::open(Path::new(&path)).unwrap());
    let mut handles = Vec::new();
    for task in 0..CHILD_WRITERS {
        let store = store.clone();
        handles.push(tokio::spawn(async move {
            for i in 0..100_000u64 {
                let key = format!("k/{task}/{i:06}");
                let rev = store.put(&key, key.as_bytes().to_vec()).await.unwrap();
                let mut out = std::io::stdout().lock();
                writeln!(out, "ACK {key} {rev}").unwrap();
                out.flush().unwrap();
            }
        }));
    }
    for handle in handles {
        handle.await.unwrap();
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn acknowledged_writes_survive_kill_9() {
    use std::os::unix::process::ExitStatusExt;

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("store.redb");
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args([
            "kill9_child_writer",
            "--exact",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(KILL9_DB_ENV, &path)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let (acked, status) = tokio::task::spawn_blocking(move || {
        let mut acked = BTreeMap::new();
        let mut killed = false;
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            let mut parts = line.split(' ');
            if let (Some("ACK"), Some(key), Some(Ok(rev)), None) = (
                parts.next(),
                parts.next(),
                parts.next().map(str::parse::<u64>),
                parts.next(),
            ) {
                acked.insert(key.to_string(), rev);
            }
            if !killed && acked.len() >= 400 {
                child.kill().unwrap(); // SIGKILL
                killed = true;
            }
        }
        (acked, child.wait().unwrap())
    })
    .await
    .unwrap();
    assert_eq!(
        status.signal(),
        Some(9),
        "the child must die by SIGKILL mid-way, not finish"
    );
    assert!(acked.len() >= 400);

    let store = RedbStore::open(&path).unwrap();
    let max_ack = *acked.values().max().unwrap();
    let revision = store.revision().await.unwrap();
    assert!(
        revision >= max_ack,
        "revision {revision} < acknowledged {max_ack}"
    );
    for (key, rev) in &acked {
        let kv = store
            .get(key)
            .await
            .unwrap()
            .unwrap_or_else(|| panic!("acked {key} lost"));
        assert_eq!(kv.mod_revision, *rev, "{key}");
        assert_eq!(kv.value, key.as_bytes());
    }
    // Every revision up to the current one is accounted for by one key.
    let all = store.range("k/", None, None).await.unwrap();
    assert_eq!(all.len() as u64, revision);
    eprintln!(
        "kill -9: {} acknowledged, {} durable, revision {revision}",
        acked.len(),
        all.len()
    );
}
