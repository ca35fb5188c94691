//! In-memory backend: a `BTreeMap` under a mutex, a global revision, a
//! bounded history of events for watch replay, and a broadcast of live
//! events. Used by tests and the simulator; nothing is durable.
//!
//! Every write happens under one lock, and the live broadcast is sent under
//! the same lock, so broadcast order is revision order and a watch that
//! subscribes and reads history under that lock sees each revision exactly
//! once. Slow watchers resync from history (see [`crate::backend`]).
//! History keeps the events of the last `history_limit` revisions (values
//! included), 10,000 by default.

use std::collections::{BTreeMap, VecDeque};
use std::convert::Infallible;
use std::ops::Bound;
use std::sync::{Arc, Mutex, MutexGuard};

use async_trait::async_trait;
use tokio::sync::broadcast;

use crate::backend::{
    self, apply_txn, Applied, Replay, RevisionEvents, TxnTarget, WatchSource,
    DEFAULT_HISTORY_LIMIT, DEFAULT_WATCH_BUFFER,
};
use crate::{KeyValue, Result, Store, Txn, TxnResult, WatchStream};

/// Tunables of [`MemoryStore`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MemoryOptions {
    /// Revisions of events kept for watch replay (at least 1).
    pub history_limit: usize,
    /// Revisions buffered per live watcher before it resyncs from history.
    pub watch_buffer: usize,
}

impl Default for MemoryOptions {
    fn default() -> Self {
        MemoryOptions {
            history_limit: DEFAULT_HISTORY_LIMIT,
            watch_buffer: DEFAULT_WATCH_BUFFER,
        }
    }
}

/// The in-memory [`Store`]. Cloning gives another handle to the same data;
/// watches end when the last handle is dropped.
#[derive(Clone)]
pub struct MemoryStore {
    inner: Arc<Inner>,
}

struct Inner {
    state: Mutex<State>,
    live: broadcast::Sender<Arc<RevisionEvents>>,
}

struct State {
    kv: BTreeMap<String, KeyValue>,
    revision: u64,
    history: VecDeque<Arc<RevisionEvents>>,
    /// Highest revision whose events were dropped from history (0: none).
    compacted_through: u64,
    history_limit: usize,
}

impl TxnTarget for BTreeMap<String, KeyValue> {
    type Error = Infallible;
    fn get(&mut self, key: &str) -> Result<Option<KeyValue>, Infallible> {
        Ok(BTreeMap::get(self, key).cloned())
    }
    fn put(&mut self, kv: &KeyValue) -> Result<(), Infallible> {
        self.insert(kv.key.clone(), kv.clone());
        Ok(())
    }
    fn delete(&mut self, key: &str) -> Result<(), Infallible> {
        self.remove(key);
        Ok(())
    }
}

impl Default for MemoryStore {
    fn default() -> Self {
        Self::new()
    }
}

impl MemoryStore {
    /// An empty store at revision 0 with default options.
    pub fn new() -> Self {
        Self::with_options(MemoryOptions::default())
    }

    /// An empty store at revision 0.
    pub fn with_options(options: MemoryOptions) -> Self {
        let (live, _) = broadcast::channel(options.watch_buffer.max(1));
        MemoryStore {
            inner: Arc::new(Inner {
                state: Mutex::new(State {
                    kv: BTreeMap::new(),
                    revision: 0,
                    history: VecDeque::new(),
                    compacted_through: 0,
                    history_limit: options.history_limit.max(1),
                }),
                live,
            }),
        }
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        self.inner.lock()
    }
}

impl Inner {
    fn lock(&self) -> MutexGuard<'_, State> {
        // A panic while holding the lock cannot leave the map half-written:
        // apply_txn on a BTreeMap does not panic between writes. Recover.
        self.state
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

#[async_trait]
impl WatchSource for Inner {
    async fn replay(self: Arc<Self>, after_revision: u64) -> Result<Replay> {
        let state = self.lock();
        if after_revision < state.compacted_through {
            return Err(backend::compacted(after_revision, state.compacted_through));
        }
        // Under the lock, so no batch can be sent between these two lines.
        let live = self.live.subscribe();
        let start = state
            .history
            .partition_point(|b| b.revision <= after_revision);
        let history = state.history.range(start..).cloned().collect();
        Ok(Replay { live, history })
    }
}

#[async_trait]
impl Store for MemoryStore {
    async fn revision(&self) -> Result<u64> {
        Ok(self.lock().revision)
    }

    async fn get(&self, key: &str) -> Result<Option<KeyValue>> {
        Ok(self.lock().kv.get(key).cloned())
    }

    async fn range(
        &self,
        prefix: &str,
        start_after: Option<&str>,
        limit: Option<usize>,
    ) -> Result<Vec<KeyValue>> {
        let state = self.lock();
        let lower = match start_after {
            Some(after) if after >= prefix => Bound::Excluded(after),
            _ => Bound::Included(prefix),
        };
        Ok(state
            .kv
            .range::<str, _>((lower, Bound::Unbounded))
            .take_while(|(k, _)| k.starts_with(prefix))
            .take(limit.unwrap_or(usize::MAX))
            .map(|(_, kv)| kv.clone())
            .collect())
    }

    async fn txn(&self, txn: Txn) -> Result<TxnResult> {
        let mut state = self.lock();
        let before = state.revision;
        let applied = match apply_txn(&mut state.kv, before, &txn) {
            Ok(applied) => applied,
            Err(never) => match never {},
        };
        if let Applied::Changed(events) = &applied {
            let batch = Arc::new(events.clone());
            state.revision = batch.revision;
            state.history.push_back(batch.clone());
            while state.history.len() > state.history_limit {
                if let Some(dropped) = state.history.pop_front() {
                    state.compacted_through = dropped.revision;
                }
            }
            // No receivers is fine; sent under the lock to keep order.
            let _ = self.inner.live.send(batch);
        }
        Ok(applied.result(before))
    }

    async fn watch(&self, prefix: &str, after_revision: u64) -> Result<WatchStream> {
        backend::watch_stream(&self.inner, prefix, after_revision).await
    }
}
