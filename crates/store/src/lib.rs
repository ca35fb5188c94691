//! The `Store` trait: Gantry's only view of durable state.
//!
//! Shaped after etcd's v3 API so that an etcd backend fits: a flat ordered
//! key space of UTF-8 keys and byte values, a single global revision that
//! every committed write increments, compare-and-put transactions on a key's
//! `mod_revision`, and watches that replay from a revision.
//!
//! Backends: [`memory::MemoryStore`] (tests, simulation) and the embedded
//! redb backend in `gantry-store-redb`. Every backend must pass
//! [`conformance`].
//!
//! **Invariant:** a write is acknowledged (the future resolves `Ok`) only
//! after it is durable; a failed compare changes nothing.

pub mod backend;
pub mod conformance;
pub mod memory;

use async_trait::async_trait;
use futures::stream::BoxStream;

/// A stored key with its value and revisions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyValue {
    pub key: String,
    pub value: Vec<u8>,
    /// Revision of the write that created the key (since its last delete).
    pub create_revision: u64,
    /// Revision of the last write to the key.
    pub mod_revision: u64,
}

/// A condition of a transaction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Compare {
    /// The key's `mod_revision` equals this; `0` means "the key is absent".
    ModRevision(String, u64),
}

/// A write of a transaction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Op {
    Put(String, Vec<u8>),
    Delete(String),
}

/// An atomic transaction: if every compare holds, apply every op in order
/// at one new revision.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Txn {
    pub compares: Vec<Compare>,
    pub ops: Vec<Op>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TxnResult {
    /// `false`: a compare failed and nothing was written.
    pub succeeded: bool,
    /// The store revision after the transaction (unchanged if it failed or
    /// had no ops). As in etcd, a transaction whose ops change nothing (for
    /// example deleting an absent key) does not create a revision either.
    pub revision: u64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EventKind {
    Put,
    Delete,
}

/// One change seen by a watch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WatchEvent {
    pub kind: EventKind,
    /// For `Delete`, `value` is empty, `create_revision` is 0 and
    /// `mod_revision` is the delete's revision.
    pub kv: KeyValue,
}

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("store backend failure: {message}")]
    Backend {
        message: String,
        #[source]
        source: Option<Box<dyn std::error::Error + Send + Sync>>,
    },
    /// The requested watch start revision was compacted away: events after
    /// `requested` are no longer all kept. `oldest` is the smallest
    /// `after_revision` that `watch` currently accepts. Recover by reading
    /// the state with `range` and watching from the current revision.
    #[error("revision {requested} is compacted (oldest available {oldest})")]
    Compacted { requested: u64, oldest: u64 },
}

impl StoreError {
    pub fn backend(message: impl Into<String>) -> Self {
        StoreError::Backend {
            message: message.into(),
            source: None,
        }
    }
    pub fn backend_with(
        message: impl Into<String>,
        source: impl std::error::Error + Send + Sync + 'static,
    ) -> Self {
        StoreError::Backend {
            message: message.into(),
            source: Some(Box::new(source)),
        }
    }
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// A stream of watch events in revision order. Ends when the store is dropped.
pub type WatchStream = BoxStream<'static, Result<WatchEvent>>;

#[async_trait]
pub trait Store: Send + Sync + 'static {
    /// The current revision (0 for an empty, never-written store).
    async fn revision(&self) -> Result<u64>;

    async fn get(&self, key: &str) -> Result<Option<KeyValue>>;

    /// Keys starting with `prefix`, in key order, strictly after `start_after`
    /// when given, at most `limit` when given.
    async fn range(
        &self,
        prefix: &str,
        start_after: Option<&str>,
        limit: Option<usize>,
    ) -> Result<Vec<KeyValue>>;

    /// Atomically apply `txn` if all its compares hold. Durable on `Ok`.
    async fn txn(&self, txn: Txn) -> Result<TxnResult>;

    /// Events for keys starting with `prefix` with revision > `after_revision`,
    /// first replayed from history, then live. `Compacted` if history no longer
    /// reaches back that far.
    async fn watch(&self, prefix: &str, after_revision: u64) -> Result<WatchStream>;

    /// Unconditional put; returns the new revision.
    async fn put(&self, key: &str, value: Vec<u8>) -> Result<u64> {
        let r = self
            .txn(Txn {
                compares: vec![],
                ops: vec![Op::Put(key.to_string(), value)],
            })
            .await?;
        Ok(r.revision)
    }

    /// Put only if the key's mod_revision is `expected` (0 = absent).
    async fn compare_and_put(&self, key: &str, expected: u64, value: Vec<u8>) -> Result<TxnResult> {
        self.txn(Txn {
            compares: vec![Compare::ModRevision(key.to_string(), expected)],
            ops: vec![Op::Put(key.to_string(), value)],
        })
        .await
    }

    /// Unconditional delete; returns the new revision.
    async fn delete(&self, key: &str) -> Result<u64> {
        let r = self
            .txn(Txn {
                compares: vec![],
                ops: vec![Op::Delete(key.to_string())],
            })
            .await?;
        Ok(r.revision)
    }
}

/// A shared store is a store, so `Arc<dyn Store>` and `Arc<MemoryStore>` can
/// be handed to code that is generic over [`Store`].
#[async_trait]
impl<S: Store + ?Sized> Store for std::sync::Arc<S> {
    async fn revision(&self) -> Result<u64> {
        (**self).revision().await
    }
    async fn get(&self, key: &str) -> Result<Option<KeyValue>> {
        (**self).get(key).await
    }
    async fn range(
        &self,
        prefix: &str,
        start_after: Option<&str>,
        limit: Option<usize>,
    ) -> Result<Vec<KeyValue>> {
        (**self).range(prefix, start_after, limit).await
    }
    async fn txn(&self, txn: Txn) -> Result<TxnResult> {
        (**self).txn(txn).await
    }
    async fn watch(&self, prefix: &str, after_revision: u64) -> Result<WatchStream> {
        (**self).watch(prefix, after_revision).await
    }
}
