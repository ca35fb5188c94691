//! RunTasks that wait for the write lock together are planned in turn and
//! committed as one batch (`tasks::run_queued`): each must see the
//! reservations of those planned before it, nothing may be over-committed,
//! and the ones that must commit alone (client token) still do.

use super::test_world::{call, ok, register, service};
use super::EcsService;
use serde_json::{json, Value};

/// A cluster with two instances of 1024 MiB and a 256 MiB task definition:
/// room for exactly 8 tasks.
pub(super) async fn world(mirrored: bool) -> (EcsService, Vec<String>) {
    world_on(service(mirrored).await).await
}

/// [`world`] on `ecs`.
async fn world_on(ecs: EcsService) -> (EcsService, Vec<String>) {
    let mut instances = vec![];
    for _ in 0..2 {
        instances.push(register(&ecs, 4096, 1024).await);
    }
    ok(
        &ecs,
        "RegisterTaskDefinition",
        json!({"family": "web", "containerDefinitions": [
            {"name": "app", "image": "busybox", "memory": 256}]}),
    )
    .await;
    (ecs, instances)
}

async fn concurrent_runs_share_capacity(mirrored: bool) {
    let (ecs, instances) = world(mirrored).await;
    let before = ecs.repo.store.revision().await.unwrap();
    // 20 RunTasks at once for room for 8: the fourth with a client token.
    let runs = (0..20).map(|i| {
        let mut body = json!({"taskDefinition": "web", "startedBy": format!("r{i}")});
        if i == 3 {
            body["clientToken"] = json!("token-3");
        }
        call(&ecs, "RunTask", body)
    });
    // They all queue up behind a held write lock, then go in together.
    let guard = ecs.write.lock().await;
    let all = futures::future::join_all(runs);
    tokio::pin!(all);
    assert!(futures::poll!(&mut all).is_pending());
    drop(guard);
    let answers: Vec<Value> = all
        .await
        .into_iter()
        .map(|r| r.expect("RunTask answers"))
        .collect();
    let after = ecs.repo.store.revision().await.unwrap();
    let placed: Vec<String> = answers
        .iter()
        .flat_map(|a| a["tasks"].as_array().unwrap().clone())
        .map(|t| t["taskArn"].as_str().unwrap().to_string())
        .collect();
    let refused = answers
        .iter()
        .filter(|a| {
            a["failures"]
                .as_array()
                .is_some_and(|f| f.iter().any(|f| f["reason"] == "RESOURCE:MEMORY"))
        })
        .count();
    assert_eq!(placed.len(), 8, "{answers:#?}");
    assert_eq!(refused, 12, "{answers:#?}");
    let unique: std::collections::BTreeSet<&String> = placed.iter().collect();
    assert_eq!(unique.len(), 8);
    // The three before the token in one commit, the token's alone, then
    // the sixteen after it (for the four places left) in one.
    assert_eq!(after - before, 3, "commits for 8 tasks");

    // Every placed task is stored, and each host holds exactly its share.
    let d = ok(&ecs, "DescribeTasks", json!({"tasks": placed})).await;
    assert_eq!(d["tasks"].as_array().unwrap().len(), 8, "{d:#}");
    let ci = ok(
        &ecs,
        "DescribeContainerInstances",
        json!({"containerInstances": instances}),
    )
    .await;
    let mut total = 0;
    for i in ci["containerInstances"].as_array().unwrap() {
        let remaining = i["remainingResources"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["name"] == "MEMORY")
            .unwrap()["integerValue"]
            .as_i64()
            .unwrap();
        assert_eq!(remaining, 0, "{i:#}");
        let n = i["pendingTasksCount"].as_i64().unwrap() + i["runningTasksCount"].as_i64().unwrap();
        assert_eq!(n, 4, "{i:#}");
        total += n;
    }
    assert_eq!(total, 8);

    // The token's request is answered again with the same tasks.
    let again = ok(
        &ecs,
        "RunTask",
        json!({"taskDefinition": "web", "startedBy": "r3", "clientToken": "token-3"}),
    )
    .await;
    assert_eq!(again["tasks"].as_array().map(Vec::len), Some(1));
    assert_eq!(again, answers[3]);
}

#[tokio::test]
async fn concurrent_runs_share_capacity_store() {
    concurrent_runs_share_capacity(false).await;
}

#[tokio::test]
async fn concurrent_runs_share_capacity_mirrored() {
    concurrent_runs_share_capacity(true).await;
}

/// A memory store whose transactions writing task records fail while
/// `failing` is set (a full disk, say).
struct FailingStore {
    inner: gantry_store::memory::MemoryStore,
    failing: std::sync::atomic::AtomicBool,
}

#[async_trait::async_trait]
impl gantry_store::Store for FailingStore {
    async fn revision(&self) -> gantry_store::Result<u64> {
        self.inner.revision().await
    }
    async fn get(&self, key: &str) -> gantry_store::Result<Option<gantry_store::KeyValue>> {
        self.inner.get(key).await
    }
    async fn range(
        &self,
        prefix: &str,
        start_after: Option<&str>,
        limit: Option<usize>,
    ) -> gantry_store::Result<Vec<gantry_store::KeyValue>> {
        self.inner.range(prefix, start_after, limit).await
    }
    async fn txn(&self, txn: gantry_store::Txn) -> gantry_store::Result<gantry_store::TxnResult> {
        let writes_tasks = txn.ops.iter().any(|op| match op {
            gantry_store::Op::Put(key, _) => key.starts_with("tasks/"),
            gantry_store::Op::Delete(_) => false,
        });
        if writes_tasks && self.failing.load(std::sync::atomic::Ordering::SeqCst) {
            return Err(gantry_store::StoreError::backend("no space left on device"));
        }
        self.inner.txn(txn).await
    }
    async fn watch(
        &self,
        prefix: &str,
        after_revision: u64,
    ) -> gantry_store::Result<gantry_store::WatchStream> {
        self.inner.watch(prefix, after_revision).await
    }
}

/// A batch whose commit fails answers every RunTask in it with the error
/// and leaves nothing behind: no task, no reservation; the capacity is all
/// there for the next RunTasks.
#[tokio::test]
async fn a_failed_batch_commit_fails_every_run_in_it() {
    use std::sync::atomic::Ordering;
    use std::sync::Arc;
    let store = Arc::new(FailingStore {
        inner: gantry_store::memory::MemoryStore::new(),
        failing: std::sync::atomic::AtomicBool::new(false),
    });
    let ecs = super::test_world::service_over(
        store.clone(),
        false,
        Arc::new(super::test_world::FixedClock),
        |e| e,
    )
    .await;
    let (ecs, _) = world_on(ecs).await;
    let runs = (0..5).map(|_| call(&ecs, "RunTask", json!({"taskDefinition": "web"})));
    let guard = ecs.write.lock().await;
    let all = futures::future::join_all(runs);
    tokio::pin!(all);
    assert!(futures::poll!(&mut all).is_pending());
    store.failing.store(true, Ordering::SeqCst);
    drop(guard);
    let answers = all.await;
    for a in &answers {
        let e = a.as_ref().expect_err("the commit failed");
        assert!(e.starts_with("ServerException"), "{e}");
    }
    store.failing.store(false, Ordering::SeqCst);
    let listed = ok(&ecs, "ListTasks", json!({})).await;
    assert_eq!(listed["taskArns"], json!([]), "{listed:#}");
    // All 8 places are still free.
    let runs = (0..8).map(|_| call(&ecs, "RunTask", json!({"taskDefinition": "web"})));
    let placed: usize = futures::future::join_all(runs)
        .await
        .into_iter()
        .map(|r| {
            r.expect("RunTask answers")["tasks"]
                .as_array()
                .unwrap()
                .len()
        })
        .sum();
    assert_eq!(placed, 8);
    let r = ok(&ecs, "RunTask", json!({"taskDefinition": "web"})).await;
    assert_eq!(r["failures"][0]["reason"], "RESOURCE:MEMORY", "{r:#}");
}
