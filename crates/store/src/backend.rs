//! Building blocks shared by `Store` backends, so that every backend gets the
//! same transaction semantics and the same watch machinery.
//!
//! - [`apply_txn`] evaluates a [`Txn`] against any key-value view
//!   ([`TxnTarget`]): compares first, then the ops in order at one new
//!   revision. It is the single definition of what a transaction means.
//! - [`watch_stream`] turns a [`WatchSource`] (a broadcast of committed
//!   [`RevisionEvents`] plus a bounded history) into a [`WatchStream`] that
//!   yields every event after a revision exactly once, in revision order.
//!
//! # How a watch avoids gaps and duplicates
//!
//! [`WatchSource::replay`] must subscribe to the live broadcast *before* it
//! reads history. Any batch committed after the history snapshot is then in
//! the subscription; a batch in both is dropped by revision (the stream only
//! accepts a batch whose revision is above the last one it took). Backends
//! must broadcast batches in revision order.
//!
//! # Slow watchers
//!
//! The live broadcast is bounded. A watcher that falls behind by more than
//! its capacity is not ended: the stream resubscribes and replays the missed
//! revisions from history. Only if history no longer reaches back to the
//! last delivered revision does the stream yield [`StoreError::Compacted`]
//! and end; the watcher must then re-read with `range` and watch again.

use std::collections::VecDeque;
use std::sync::{Arc, Weak};

use async_trait::async_trait;
use futures::StreamExt;
use tokio::sync::broadcast;

use crate::{
    Compare, EventKind, KeyValue, Op, Result, StoreError, Txn, TxnResult, WatchEvent, WatchStream,
};

/// How many revisions of events backends keep for watch replay by default.
pub const DEFAULT_HISTORY_LIMIT: usize = 10_000;

/// How many committed revisions the live broadcast buffers per watcher by
/// default before a watcher counts as lagging (and resyncs from history).
pub const DEFAULT_WATCH_BUFFER: usize = 1024;

/// All events of one committed revision, in op order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RevisionEvents {
    pub revision: u64,
    pub events: Vec<WatchEvent>,
}

/// A mutable key-value view that a transaction is applied to (a map, a redb
/// table inside a write transaction, ...).
pub trait TxnTarget {
    type Error;
    fn get(&mut self, key: &str) -> Result<Option<KeyValue>, Self::Error>;
    fn put(&mut self, kv: &KeyValue) -> Result<(), Self::Error>;
    fn delete(&mut self, key: &str) -> Result<(), Self::Error>;
}

/// The outcome of [`apply_txn`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Applied {
    /// A compare failed; nothing was written.
    CompareFailed,
    /// The compares held but no op changed anything (no ops, or only
    /// deletes of absent keys); nothing was written, no revision was used.
    NoChange,
    /// The ops were written at `events.revision` (= current revision + 1).
    Changed(RevisionEvents),
}

impl Applied {
    /// The [`TxnResult`] to report, given the revision before the txn.
    pub fn result(&self, revision_before: u64) -> TxnResult {
        match self {
            Applied::CompareFailed => TxnResult {
                succeeded: false,
                revision: revision_before,
            },
            Applied::NoChange => TxnResult {
                succeeded: true,
                revision: revision_before,
            },
            Applied::Changed(ev) => TxnResult {
                succeeded: true,
                revision: ev.revision,
            },
        }
    }
}

/// Apply `txn` to `target` whose current revision is `current_revision`.
///
/// Semantics (checked by the conformance suite):
/// - `Compare::ModRevision(k, 0)` holds iff `k` is absent; `(k, n)` holds iff
///   `k` is present with `mod_revision == n`. If any compare fails, nothing is
///   written.
/// - Ops apply in order, all at revision `current_revision + 1`. A put keeps
///   the key's `create_revision` if it exists, else uses the new revision. A
///   delete of an absent key does nothing and emits no event.
/// - If no op changed anything, no revision is used ([`Applied::NoChange`]).
pub fn apply_txn<T: TxnTarget>(
    target: &mut T,
    current_revision: u64,
    txn: &Txn,
) -> Result<Applied, T::Error> {
    for compare in &txn.compares {
        match compare {
            Compare::ModRevision(key, expected) => {
                let actual = target.get(key)?.map_or(0, |kv| kv.mod_revision);
                if actual != *expected {
                    return Ok(Applied::CompareFailed);
                }
            }
        }
    }
    let revision = current_revision + 1;
    let mut events = Vec::new();
    for op in &txn.ops {
        match op {
            Op::Put(key, value) => {
                let create_revision = target
                    .get(key)?
                    .map_or(revision, |existing| existing.create_revision);
                let kv = KeyValue {
                    key: key.clone(),
                    value: value.clone(),
                    create_revision,
                    mod_revision: revision,
                };
                target.put(&kv)?;
                events.push(WatchEvent {
                    kind: EventKind::Put,
                    kv,
                });
            }
            Op::Delete(key) => {
                if target.get(key)?.is_some() {
                    target.delete(key)?;
                    events.push(WatchEvent {
                        kind: EventKind::Delete,
                        kv: KeyValue {
                            key: key.clone(),
                            value: Vec::new(),
                            create_revision: 0,
                            mod_revision: revision,
                        },
                    });
                }
            }
        }
    }
    if events.is_empty() {
        Ok(Applied::NoChange)
    } else {
        Ok(Applied::Changed(RevisionEvents { revision, events }))
    }
}

/// The start of a watch: a live subscription taken *before* the history was
/// read, and the history batches after the requested revision.
pub struct Replay {
    pub live: broadcast::Receiver<Arc<RevisionEvents>>,
    /// Batches with revision > the requested revision, in revision order.
    pub history: Vec<Arc<RevisionEvents>>,
}

/// What a backend provides so that [`watch_stream`] can serve watches.
#[async_trait]
pub trait WatchSource: Send + Sync + 'static {
    /// Subscribe to live batches, then read the history after
    /// `after_revision`. Returns [`StoreError::Compacted`] when the history
    /// no longer holds every revision after `after_revision`.
    async fn replay(self: Arc<Self>, after_revision: u64) -> Result<Replay>;
}

struct WatchState<W> {
    source: Weak<W>,
    prefix: String,
    /// Revision of the last batch taken; every batch up to it was handled.
    last: u64,
    pending: VecDeque<WatchEvent>,
    live: broadcast::Receiver<Arc<RevisionEvents>>,
    done: bool,
}

impl<W> WatchState<W> {
    fn absorb(&mut self, batch: &RevisionEvents) {
        if batch.revision <= self.last {
            return;
        }
        self.last = batch.revision;
        self.pending.extend(
            batch
                .events
                .iter()
                .filter(|e| e.kv.key.starts_with(&self.prefix))
                .cloned(),
        );
    }
}

/// Serve a watch of `prefix` after `after_revision` from `source`.
///
/// The stream holds only a weak reference to the source, so it ends once the
/// store (the broadcast sender) is dropped and the buffered events are read.
pub async fn watch_stream<W: WatchSource>(
    source: &Arc<W>,
    prefix: &str,
    after_revision: u64,
) -> Result<WatchStream> {
    let replay = source.clone().replay(after_revision).await?;
    let mut state = WatchState {
        source: Arc::downgrade(source),
        prefix: prefix.to_string(),
        last: after_revision,
        pending: VecDeque::new(),
        live: replay.live,
        done: false,
    };
    for batch in &replay.history {
        state.absorb(batch);
    }
    let stream = futures::stream::unfold(state, |mut st| async move {
        loop {
            if let Some(event) = st.pending.pop_front() {
                return Some((Ok(event), st));
            }
            if st.done {
                return None;
            }
            match st.live.recv().await {
                Ok(batch) => st.absorb(&batch),
                Err(broadcast::error::RecvError::Closed) => return None,
                Err(broadcast::error::RecvError::Lagged(_)) => {
                    let source = st.source.upgrade()?;
                    match source.replay(st.last).await {
                        Ok(replay) => {
                            st.live = replay.live;
                            for batch in &replay.history {
                                st.absorb(batch);
                            }
                        }
                        Err(error) => {
                            st.done = true;
                            return Some((Err(error), st));
                        }
                    }
                }
            }
        }
    });
    Ok(stream.boxed())
}

/// The error for a watch that starts before the kept history.
pub fn compacted(requested: u64, oldest: u64) -> StoreError {
    StoreError::Compacted { requested, oldest }
}
