//! An in-memory mirror of the store, so that reads cost a map lookup
//! instead of a store read and a JSON decode.
//!
//! The mirror follows `Store::watch("", rev)` (every key, so it learns every
//! revision) on a thread of its own, after a snapshot taken with `range`.
//! Each stored value keeps the records decoded from it
//! ([`Entry::decoded`]), so a hot record (a task, an instance) is decoded
//! once per write instead of once per read.
//!
//! **Consistency:** a read first waits until the mirror has applied the
//! store's revision as of the start of the read ([`Mirror::catch_up`]), so
//! it sees every write acknowledged before it began (the same guarantee as
//! reading the store itself). The events of one revision are applied
//! together, so a read never sees half a transaction. When the mirror
//! cannot promise that (it is (re)starting, its watch failed, or it is
//! further behind than [`CATCH_UP_LIMIT`]), `catch_up` answers `false` and
//! the caller reads the store instead.
//!
//! The thread holds only weak references: when the store and the mirror are
//! dropped, the watch ends and the thread exits.

use futures::{FutureExt, StreamExt};
use gantry_store::{EventKind, KeyValue, Store, StoreError, WatchEvent};
use serde::de::DeserializeOwned;
use std::any::{Any, TypeId};
use std::collections::{BTreeMap, HashMap};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, RwLock, Weak};
use std::time::Duration;

/// Longest a read waits for the mirror before it reads the store instead.
pub const CATCH_UP_LIMIT: Duration = Duration::from_secs(2);

/// Keys read per `range` call of a snapshot.
const SNAPSHOT_PAGE: usize = 1000;

pub type Decoded = Arc<dyn Any + Send + Sync>;

/// A record its writer already holds, offered for the put of exactly
/// `bytes` to its key ([`Mirror::seed`]).
struct Seed {
    bytes: Vec<u8>,
    type_id: TypeId,
    record: Decoded,
}

/// One mirrored key.
pub struct Entry {
    pub mod_revision: u64,
    pub value: Vec<u8>,
    /// Records decoded from `value`, one per record type.
    decoded: Mutex<Vec<(TypeId, Decoded)>>,
}

impl Entry {
    fn new(kv: KeyValue) -> Self {
        Self::seeded(kv, None)
    }

    /// An entry whose record of `seed`'s type is `seed`'s (the writer's
    /// own, not decoded again), when `seed` was made from exactly this
    /// value.
    fn seeded(kv: KeyValue, seed: Option<Seed>) -> Self {
        let decoded = match seed {
            Some(s) if s.bytes == kv.value => vec![(s.type_id, s.record)],
            _ => Vec::new(),
        };
        Entry {
            mod_revision: kv.mod_revision,
            value: kv.value,
            decoded: Mutex::new(decoded),
        }
    }

    /// The value decoded as `T`, decoded at most once per stored value.
    pub fn decoded<T: DeserializeOwned + Send + Sync + 'static>(
        &self,
    ) -> Result<Arc<T>, serde_json::Error> {
        if let Some(v) = self.cached::<T>() {
            return Ok(v);
        }
        Ok(self.keep(Arc::new(serde_json::from_slice::<T>(&self.value)?)))
    }

    /// The record of type `T` kept for this value, if any
    /// ([`Entry::decoded`], [`Entry::keep`], or a writer's seed).
    pub fn cached<T: Send + Sync + 'static>(&self) -> Option<Arc<T>> {
        let id = TypeId::of::<T>();
        self.decoded
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .iter()
            .find(|(t, _)| *t == id)
            .and_then(|(_, d)| d.clone().downcast::<T>().ok())
    }

    /// Keeps `v` as this value's record of type `T`, unless one is kept
    /// already; answers the one kept. `v` must be what this value stands
    /// for (a decoding of it, or a record built from it alone).
    pub fn keep<T: Send + Sync + 'static>(&self, v: Arc<T>) -> Arc<T> {
        let id = TypeId::of::<T>();
        let mut cache = self.decoded.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(kept) = cache
            .iter()
            .find(|(t, _)| *t == id)
            .and_then(|(_, d)| d.clone().downcast::<T>().ok())
        {
            return kept;
        }
        cache.push((id, v.clone() as Decoded));
        v
    }
}

/// The mirror's entries as of one point: every read through a view sees
/// the same applied revisions (a view holds the mirror's read lock, so it
/// must be short-lived and must not block).
pub struct View<'a> {
    entries: std::sync::RwLockReadGuard<'a, Entries>,
}

impl View<'_> {
    pub fn get(&self, key: &str) -> Option<&Arc<Entry>> {
        self.entries.get(key)
    }

    /// The entries under `prefix`, in key order.
    pub fn range<'b>(
        &'b self,
        prefix: &'b str,
    ) -> impl Iterator<Item = (&'b String, &'b Arc<Entry>)> + 'b {
        scan(&self.entries.ordered, prefix, None)
    }
}

/// The mirror of one store.
pub struct Mirror {
    store: Arc<dyn Store>,
    entries: RwLock<Entries>,
    /// The revision whose writes are all applied.
    applied: tokio::sync::watch::Sender<u64>,
    /// Caught up since the last snapshot, and the watch is running.
    healthy: AtomicBool,
    /// Records offered by their writers for their next put ([`Mirror::seed`]):
    /// at most one per key, consumed (or dropped, when the bytes differ) by
    /// the next put of the key applied.
    seeds: Mutex<HashMap<String, Seed>>,
    /// Capacity of the written-keys ring ([`RECENT_KEYS`]; smaller in tests).
    recent_cap: usize,
}

impl Mirror {
    /// Starts mirroring `store` (on a thread named `gantry-store-mirror`).
    /// Until the first snapshot is applied, reads go to the store.
    pub fn spawn(store: Arc<dyn Store>) -> Arc<Mirror> {
        Self::spawn_with(store, RECENT_KEYS)
    }

    /// [`Mirror::spawn`] remembering the last `recent_cap` keys written.
    fn spawn_with(store: Arc<dyn Store>, recent_cap: usize) -> Arc<Mirror> {
        let mirror = Arc::new(Mirror {
            store: store.clone(),
            entries: RwLock::new(Entries::default()),
            applied: tokio::sync::watch::channel(0).0,
            healthy: AtomicBool::new(false),
            seeds: Mutex::new(HashMap::new()),
            recent_cap,
        });
        let (weak_store, weak_mirror) = (Arc::downgrade(&store), Arc::downgrade(&mirror));
        let started = std::thread::Builder::new()
            .name("gantry-store-mirror".into())
            .spawn(move || {
                match tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                {
                    Ok(rt) => rt.block_on(follow(weak_store, weak_mirror)),
                    Err(e) => tracing::warn!(error = %e, "cannot start the store mirror"),
                }
            });
        if let Err(e) = started {
            tracing::warn!(error = %e, "cannot start the store mirror thread; reading the store");
        }
        mirror
    }

    /// Waits until every write committed before this call is applied;
    /// `false` when the mirror cannot promise that (read the store).
    pub async fn catch_up(&self) -> bool {
        if !self.healthy.load(Ordering::Acquire) {
            return false;
        }
        let want = match self.store.revision().await {
            Ok(r) => r,
            Err(_) => return false,
        };
        let mut rx = self.applied.subscribe();
        if *rx.borrow_and_update() >= want {
            return true;
        }
        matches!(
            tokio::time::timeout(CATCH_UP_LIMIT, rx.wait_for(|r| *r >= want)).await,
            Ok(Ok(_))
        ) && self.healthy.load(Ordering::Acquire)
    }

    fn read(&self) -> std::sync::RwLockReadGuard<'_, Entries> {
        self.entries.read().unwrap_or_else(|p| p.into_inner())
    }

    /// A view of the entries at one point (call [`Mirror::catch_up`]
    /// first), for reads that must agree with each other.
    pub fn view(&self) -> View<'_> {
        View {
            entries: self.read(),
        }
    }

    /// The entry of `key` (call [`Mirror::catch_up`] first).
    pub fn get(&self, key: &str) -> Option<Arc<Entry>> {
        self.read().get(key).cloned()
    }

    /// The entries of `keys`, in order, read under one lock.
    pub fn get_many<K: AsRef<str>>(&self, keys: &[K]) -> Vec<Option<Arc<Entry>>> {
        let entries = self.read();
        keys.iter()
            .map(|k| entries.get(k.as_ref()).cloned())
            .collect()
    }

    /// The revisions of `keys` (`None`: absent), in order, read under one lock.
    pub fn mod_revisions<K: AsRef<str>>(&self, keys: &[K]) -> Vec<Option<u64>> {
        let entries = self.read();
        keys.iter()
            .map(|k| entries.get(k.as_ref()).map(|e| e.mod_revision))
            .collect()
    }

    /// The entries under `prefix` strictly after `start_after`, in key order.
    pub fn range(&self, prefix: &str, start_after: Option<&str>) -> Vec<(String, Arc<Entry>)> {
        let entries = self.read();
        scan(&entries.ordered, prefix, start_after)
            .map(|(k, e)| (k.clone(), e.clone()))
            .collect()
    }

    /// Calls `f` on the entries under `prefix` strictly after `start_after`,
    /// in key order, until it answers `false`. `f` runs under the mirror's
    /// read lock: it must be quick and must not block.
    ///
    /// Answers the revision the visit saw the entries at: every write up to
    /// it is in what `f` saw, and [`Mirror::written_since_each`] from it
    /// names every key written after it.
    pub fn visit<E>(
        &self,
        prefix: &str,
        start_after: Option<&str>,
        mut f: impl FnMut(&str, &Entry) -> Result<bool, E>,
    ) -> Result<u64, E> {
        let entries = self.read();
        for (k, e) in scan(&entries.ordered, prefix, start_after) {
            if !f(k, e)? {
                break;
            }
        }
        Ok(entries.applied())
    }

    /// The distinct keys under each of `prefixes` written (put or deleted)
    /// at a revision after `after` that `keep` (given the index of the
    /// prefix and the key) admits, sorted, all read at one point (in one
    /// pass over the written keys; keys not admitted are neither copied nor
    /// sorted), as far as the mirror has applied (call [`Mirror::catch_up`]
    /// first); `None` when it no longer remembers that far back (it
    /// remembers the last [`RECENT_KEYS`] writes, and nothing before its
    /// last snapshot).
    pub fn written_since_each(
        &self,
        after: u64,
        prefixes: &[&str],
        mut keep: impl FnMut(usize, &str) -> bool,
    ) -> Option<Vec<Vec<String>>> {
        let entries = self.read();
        let mut each: Vec<Vec<String>> = prefixes.iter().map(|_| Vec::new()).collect();
        for k in entries.written_after(after)? {
            for (i, (keys, prefix)) in each.iter_mut().zip(prefixes).enumerate() {
                if k.starts_with(prefix) && keep(i, k) {
                    keys.push(k.to_string());
                }
            }
        }
        for keys in &mut each {
            keys.sort_unstable();
            keys.dedup();
        }
        Some(each)
    }

    /// Whether some key under `prefix` written (put or deleted) after
    /// `after` is one that `matters`, with the revision the answer holds up
    /// to (as [`Mirror::visit`]'s: a later call from it names every write
    /// since); `None` when the mirror no longer remembers back to `after`
    /// (see [`Mirror::written_since_each`]). Collects nothing: it stops at
    /// the first key that matters.
    pub fn any_written_since(
        &self,
        after: u64,
        prefix: &str,
        mut matters: impl FnMut(&str) -> bool,
    ) -> Option<(bool, u64)> {
        let entries = self.read();
        let any = entries
            .written_after(after)?
            .any(|k| k.starts_with(prefix) && matters(k));
        Some((any, entries.applied()))
    }

    /// Offers `record`, whose encoding is `bytes`, as the decoded record
    /// of the next put of `key`: when that put carries exactly `bytes`,
    /// readers get `record` instead of decoding the value again. A writer
    /// offers what it is about to commit; the value alone decides, so an
    /// offer that does not match the next put is simply dropped.
    pub fn seed(&self, key: String, bytes: Vec<u8>, type_id: TypeId, record: Decoded) {
        self.seeds.lock().unwrap_or_else(|p| p.into_inner()).insert(
            key,
            Seed {
                bytes,
                type_id,
                record,
            },
        );
    }

    /// Withdraws the offer for `key` (its transaction did not commit).
    pub fn unseed(&self, key: &str) {
        self.seeds
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .remove(key);
    }

    fn set_healthy(&self, healthy: bool) {
        self.healthy.store(healthy, Ordering::Release);
    }

    /// Applies the events of one revision (all of it, under one lock).
    fn apply(&self, events: Vec<WatchEvent>) {
        let Some(revision) = events.last().map(|e| e.kv.mod_revision) else {
            return;
        };
        {
            let mut seeds = self.seeds.lock().unwrap_or_else(|p| p.into_inner());
            let mut entries = self.entries.write().unwrap_or_else(|p| p.into_inner());
            for e in events {
                entries.written(e.kv.mod_revision, &e.kv.key, self.recent_cap);
                let current = entries.get(&e.kv.key).map(|x| x.mod_revision);
                // A snapshot may already hold a later state of the key.
                if current.is_some_and(|c| c >= e.kv.mod_revision) {
                    continue;
                }
                match e.kind {
                    EventKind::Put => {
                        let seed = if seeds.is_empty() {
                            None
                        } else {
                            seeds.remove(&e.kv.key)
                        };
                        entries.insert(e.kv.key.clone(), Arc::new(Entry::seeded(e.kv, seed)));
                    }
                    EventKind::Delete => {
                        if !seeds.is_empty() {
                            seeds.remove(&e.kv.key);
                        }
                        entries.remove(&e.kv.key);
                    }
                }
            }
        }
        self.applied.send_if_modified(|r| {
            if revision > *r {
                *r = revision;
                true
            } else {
                false
            }
        });
    }
}

/// The mirrored entries: in key order (listings by prefix) and by key
/// (point reads hash the key instead of comparing it, prefix and all, with
/// the keys down the tree).
#[derive(Default)]
struct Entries {
    ordered: BTreeMap<String, Arc<Entry>>,
    by_key: HashMap<String, Arc<Entry>>,
    /// The keys written (put or deleted) by the last revisions applied,
    /// oldest first, at most [`RECENT_KEYS`]: every write after `floor`.
    recent: std::collections::VecDeque<(u64, String)>,
    /// `recent` holds every key written at a revision after this one.
    floor: u64,
}

/// Most (revision, key) pairs [`Mirror::written_since_each`] can look back over.
const RECENT_KEYS: usize = 1 << 16;

impl Entries {
    fn get(&self, key: &str) -> Option<&Arc<Entry>> {
        self.by_key.get(key)
    }

    fn insert(&mut self, key: String, entry: Arc<Entry>) {
        self.by_key.insert(key.clone(), entry.clone());
        self.ordered.insert(key, entry);
    }

    fn remove(&mut self, key: &str) {
        self.by_key.remove(key);
        self.ordered.remove(key);
    }

    /// Notes that `key` was written at `revision` (the latest yet).
    /// The keys written at a revision after `after`, oldest first (a key
    /// written twice comes twice); `None` when `recent` no longer reaches
    /// back that far.
    fn written_after(&self, after: u64) -> Option<impl Iterator<Item = &str>> {
        if after < self.floor {
            return None;
        }
        let from = self.recent.partition_point(|(r, _)| *r <= after);
        Some(self.recent.range(from..).map(|(_, k)| k.as_str()))
    }

    /// The last revision applied (the snapshot's, before any write).
    fn applied(&self) -> u64 {
        self.recent
            .back()
            .map_or(self.floor, |(r, _)| *r)
            .max(self.floor)
    }

    fn written(&mut self, revision: u64, key: &str, cap: usize) {
        self.recent.push_back((revision, key.to_string()));
        while self.recent.len() > cap {
            if let Some((r, _)) = self.recent.pop_front() {
                self.floor = self.floor.max(r);
            }
        }
    }
}

fn scan<'a>(
    entries: &'a BTreeMap<String, Arc<Entry>>,
    prefix: &'a str,
    start_after: Option<&'a str>,
) -> impl Iterator<Item = (&'a String, &'a Arc<Entry>)> + 'a {
    use std::ops::Bound;
    let lower = match start_after {
        Some(a) if a >= prefix => Bound::Excluded(a),
        _ => Bound::Included(prefix),
    };
    entries
        .range::<str, _>((lower, Bound::Unbounded))
        .take_while(move |(k, _)| k.starts_with(prefix))
}

/// Why following the store stopped.
enum Stop {
    /// The store or the mirror is gone: the thread ends.
    Gone,
    Failed(StoreError),
}

impl From<StoreError> for Stop {
    fn from(e: StoreError) -> Self {
        Stop::Failed(e)
    }
}

async fn follow(store: Weak<dyn Store>, mirror: Weak<Mirror>) {
    loop {
        match follow_once(&store, &mirror).await {
            Stop::Gone => return,
            Stop::Failed(e) => {
                match mirror.upgrade() {
                    Some(m) => m.set_healthy(false),
                    None => return,
                }
                tracing::warn!(error = %e, "store mirror lost its watch; taking a new snapshot");
                tokio::time::sleep(Duration::from_millis(200)).await;
            }
        }
    }
}

/// Snapshot, then apply the watch until it ends or fails.
async fn follow_once(store: &Weak<dyn Store>, mirror: &Weak<Mirror>) -> Stop {
    let (mut stream, snapshot, start) = {
        let Some(s) = store.upgrade() else {
            return Stop::Gone;
        };
        match snapshot(&*s).await {
            Ok(x) => x,
            Err(e) => return e.into(),
        }
    };
    match mirror.upgrade() {
        Some(m) => {
            m.set_healthy(false);
            *m.entries.write().unwrap_or_else(|p| p.into_inner()) = snapshot;
            m.applied.send_if_modified(|r| {
                if start > *r {
                    *r = start;
                    true
                } else {
                    false
                }
            });
        }
        None => return Stop::Gone,
    }
    let mut carry: Option<WatchEvent> = None;
    loop {
        // Everything ready is applied: the mirror is as new as the store was
        // a moment ago.
        let first = match carry.take() {
            Some(e) => e,
            None => {
                let next = match stream.next().now_or_never() {
                    Some(n) => n,
                    None => {
                        match mirror.upgrade() {
                            Some(m) => m.set_healthy(true),
                            None => return Stop::Gone,
                        }
                        stream.next().await
                    }
                };
                match next {
                    None => return Stop::Gone,
                    Some(Err(e)) => return e.into(),
                    Some(Ok(e)) => e,
                }
            }
        };
        // The rest of its revision is ready with it (a revision's events
        // are delivered together).
        let revision = first.kv.mod_revision;
        let mut events = vec![first];
        while let Some(next) = stream.next().now_or_never() {
            match next {
                None => break,
                Some(Err(e)) => return e.into(),
                Some(Ok(e)) if e.kv.mod_revision == revision => events.push(e),
                Some(Ok(e)) => {
                    carry = Some(e);
                    break;
                }
            }
        }
        match mirror.upgrade() {
            Some(m) => m.apply(events),
            None => return Stop::Gone,
        }
    }
}

type Snapshot = (gantry_store::WatchStream, Entries, u64);

/// A watch from revision `r` and every key as of `r` or later (a key read
/// later than `r` is corrected by the watch's replay: an event older than
/// the state held is skipped).
async fn snapshot(store: &dyn Store) -> Result<Snapshot, StoreError> {
    let start = store.revision().await?;
    let stream = store.watch("", start).await?;
    // Writes after `start` are replayed by the watch, and noted then.
    let mut entries = Entries {
        floor: start,
        ..Entries::default()
    };
    let mut after: Option<String> = None;
    loop {
        let page = store
            .range("", after.as_deref(), Some(SNAPSHOT_PAGE))
            .await?;
        let full = page.len() == SNAPSHOT_PAGE;
        after = page.last().map(|kv| kv.key.clone());
        for kv in page {
            entries.insert(kv.key.clone(), Arc::new(Entry::new(kv)));
        }
        if !full {
            break;
        }
    }
    Ok((stream, entries, start))
}

#[cfg(test)]
mod tests {
    use super::*;
    use gantry_store::memory::MemoryStore;
    use gantry_store::{Op, Txn};

    /// The keys under `prefix` written after `after`.
    fn written_under(m: &Mirror, after: u64, prefix: &str) -> Option<Vec<String>> {
        m.written_since_each(after, &[prefix], |_, _| true)
            .map(|mut each| each.remove(0))
    }

    async fn wait_healthy(m: &Mirror) {
        for _ in 0..500 {
            if m.catch_up().await {
                return;
            }
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        panic!("the mirror never caught up");
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn mirrors_snapshot_and_later_writes() {
        let store: Arc<dyn Store> = Arc::new(MemoryStore::new());
        store.put("a/1", b"\"one\"".to_vec()).await.unwrap();
        store.put("b/1", b"\"x\"".to_vec()).await.unwrap();
        let m = Mirror::spawn(store.clone());
        wait_healthy(&m).await;
        assert_eq!(m.get("a/1").unwrap().value, b"\"one\"");
        store
            .txn(Txn {
                compares: vec![],
                ops: vec![
                    Op::Put("a/2".into(), b"\"two\"".to_vec()),
                    Op::Delete("a/1".into()),
                ],
            })
            .await
            .unwrap();
        assert!(m.catch_up().await);
        assert!(m.get("a/1").is_none());
        let e = m.get("a/2").unwrap();
        assert_eq!(*e.decoded::<String>().unwrap(), "two");
        // Decoded once: the same allocation comes back.
        assert!(Arc::ptr_eq(
            &e.decoded::<String>().unwrap(),
            &e.decoded::<String>().unwrap()
        ));
        let rev = store.put("a/3", b"\"three\"".to_vec()).await.unwrap();
        assert!(m.catch_up().await);
        assert_eq!(m.get("a/3").unwrap().mod_revision, rev);
        let keys: Vec<String> = m.range("a/", None).into_iter().map(|(k, _)| k).collect();
        assert_eq!(keys, vec!["a/2", "a/3"]);
        let keys: Vec<String> = m
            .range("a/", Some("a/2"))
            .into_iter()
            .map(|(k, _)| k)
            .collect();
        assert_eq!(keys, vec!["a/3"]);
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_writer_s_record_is_served_as_the_decoding_of_exactly_its_put() {
        use crate::state::{Repo, TxnBuilder};
        let store: Arc<dyn Store> = Arc::new(MemoryStore::new());
        let repo = Repo::mirrored(store.clone());
        let m = repo.mirror_for_tests().clone();
        wait_healthy(&m).await;
        // Committed with put_shared: readers get the writer's record.
        let mine = Arc::new(String::from("one"));
        let mut t = TxnBuilder::new();
        t.expect("k/1", 0).put_shared("k/1", &mine).unwrap();
        assert!(repo.commit(t).await.unwrap());
        let got = repo.get_shared::<String>("k/1").await.unwrap().unwrap();
        assert!(Arc::ptr_eq(&got.value, &mine));
        assert!(m.seeds.lock().unwrap().is_empty(), "consumed");
        // A transaction that does not commit withdraws its offer.
        let mut t = TxnBuilder::new();
        t.expect("k/1", 0)
            .put_shared("k/1", &Arc::new(String::from("never")))
            .unwrap();
        assert!(!repo.commit(t).await.unwrap());
        assert!(m.seeds.lock().unwrap().is_empty(), "withdrawn");
        // An offer that is not what the next put carries is dropped: the
        // value is decoded as usual.
        m.seed(
            "k/2".into(),
            b"\"offered\"".to_vec(),
            TypeId::of::<String>(),
            Arc::new(String::from("offered")),
        );
        store.put("k/2", b"\"stored\"".to_vec()).await.unwrap();
        let got = repo.get_shared::<String>("k/2").await.unwrap().unwrap();
        assert_eq!(*got.value, "stored");
        assert!(m.seeds.lock().unwrap().is_empty());
        // Another type is decoded from the value, not taken from the offer.
        let mut t = TxnBuilder::new();
        t.put_shared("k/3", &Arc::new(String::from("3"))).unwrap();
        assert!(repo.commit(t).await.unwrap());
        assert!(m.catch_up().await);
        let e = m.get("k/3").unwrap();
        assert_eq!(*e.decoded::<serde_json::Value>().unwrap(), "3");
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn written_keys_are_remembered_back_to_the_ring_s_floor() {
        let store: Arc<dyn Store> = Arc::new(MemoryStore::new());
        let before = store.put("t/0", b"0".to_vec()).await.unwrap();
        let m = Mirror::spawn_with(store.clone(), 4);
        wait_healthy(&m).await;
        // Nothing before the snapshot is remembered.
        assert_eq!(written_under(&m, before - 1, "t/"), None);
        assert_eq!(written_under(&m, before, "t/"), Some(vec![]));
        let r1 = store.put("t/1", b"1".to_vec()).await.unwrap();
        store.put("u/1", b"1".to_vec()).await.unwrap();
        store.put("t/2", b"2".to_vec()).await.unwrap();
        store.delete("t/1").await.unwrap();
        assert!(m.catch_up().await);
        // Deletions count, keys are distinct and sorted, the prefix filters.
        assert_eq!(
            written_under(&m, before, "t/"),
            Some(vec!["t/1".to_string(), "t/2".to_string()])
        );
        assert_eq!(written_under(&m, r1, "u/"), Some(vec!["u/1".to_string()]));
        // Several prefixes at once: each one's keys.
        assert_eq!(
            m.written_since_each(before, &["u/", "t/"], |_, _| true),
            Some(vec![
                vec!["u/1".to_string()],
                vec!["t/1".to_string(), "t/2".to_string()]
            ])
        );
        // Kept keys only, by prefix and key.
        assert_eq!(
            m.written_since_each(before, &["u/", "t/"], |i, k| i == 0 || k == "t/2"),
            Some(vec![vec!["u/1".to_string()], vec!["t/2".to_string()]])
        );
        // A fifth write pushes the first out of the 4-key ring.
        store.put("t/3", b"3".to_vec()).await.unwrap();
        assert!(m.catch_up().await);
        assert_eq!(written_under(&m, before, "t/"), None);
        assert_eq!(
            written_under(&m, r1, "t/"),
            Some(vec![
                "t/1".to_string(),
                "t/2".to_string(),
                "t/3".to_string()
            ])
        );
    }

    /// `any_written_since` and `visit` answer revisions that the next look
    /// can start from: nothing is missed, and nothing before is seen again.
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn looks_at_writes_resume_from_the_revision_answered() {
        let store: Arc<dyn Store> = Arc::new(MemoryStore::new());
        let before = store.put("t/0", b"0".to_vec()).await.unwrap();
        let m = Mirror::spawn_with(store.clone(), 4);
        wait_healthy(&m).await;
        let seen = m.visit("t/", None, |_, _| Ok::<_, ()>(true)).unwrap();
        assert_eq!(seen, before);
        assert_eq!(m.any_written_since(before - 1, "t/", |_| true), None);
        assert_eq!(
            m.any_written_since(seen, "t/", |_| true),
            Some((false, seen))
        );
        store.put("u/1", b"1".to_vec()).await.unwrap();
        let r2 = store.put("t/2", b"2".to_vec()).await.unwrap();
        assert!(m.catch_up().await);
        // The prefix and the predicate filter; the revision is the last applied.
        assert_eq!(
            m.any_written_since(seen, "t/", |k| k == "t/2"),
            Some((true, r2))
        );
        assert_eq!(
            m.any_written_since(seen, "t/", |k| k == "t/9"),
            Some((false, r2))
        );
        assert_eq!(m.any_written_since(seen, "v/", |_| true), Some((false, r2)));
        // From the answered revision, only later writes are seen.
        assert_eq!(m.any_written_since(r2, "t/", |_| true), Some((false, r2)));
        let r3 = store.delete("t/2").await.unwrap();
        assert!(m.catch_up().await);
        assert_eq!(
            m.any_written_since(r2, "t/", |k| k == "t/2"),
            Some((true, r3))
        );
        assert_eq!(m.visit("t/", None, |_, _| Ok::<_, ()>(true)).unwrap(), r3);
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn the_thread_ends_with_the_store() {
        let store: Arc<dyn Store> = Arc::new(MemoryStore::new());
        let m = Mirror::spawn(store.clone());
        wait_healthy(&m).await;
        let weak = Arc::downgrade(&store);
        drop(m);
        drop(store);
        assert!(weak.upgrade().is_none());
    }
}
