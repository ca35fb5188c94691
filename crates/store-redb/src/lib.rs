//! The embedded default [`Store`] backend, on [redb](https://docs.rs/redb) 4.
//!
//! # Layout
//!
//! One redb file with three tables:
//! - `kv`: key -> `create_revision (u64 LE) ‖ mod_revision (u64 LE) ‖ value`;
//! - `meta`: `"revision"` (current revision) and `"compacted_through"`
//!   (highest revision whose events were pruned);
//! - `history`: revision -> the encoded events of that revision, pruned to
//!   the last `history_limit` revisions, so watches replay across restarts.
//!
//! # Writes: one writer thread, group commit
//!
//! Every transaction goes over a channel to one dedicated writer thread. The
//! thread takes whatever requests are queued (up to [`MAX_BATCH`]) and runs
//! them, in arrival order, inside one redb write transaction: each request's
//! compares are checked against the state left by the requests before it, a
//! request whose compare fails writes nothing, and each request that changes
//! something gets its own revision. Then the batch is committed once with
//! [`redb::Durability::Immediate`], which fsyncs before `commit` returns.
//! Only then are the callers answered, the cached revision advanced and the
//! events broadcast to watchers (in revision order). If the commit fails,
//! every request of the batch gets the error and nothing of it is visible.
//!
//! **Invariant:** `txn` returns `Ok` only after the commit holding it was
//! fsynced (the kill -9 / power-loss guarantee, as far as the disk honours
//! fsync).
//!
//! Reads (`get`, `range`, watch replay) open redb read transactions on
//! `spawn_blocking`; they see a consistent committed snapshot.

use std::fmt;
use std::ops::Bound;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{mpsc, Arc};
use std::thread::JoinHandle;

use async_trait::async_trait;
use gantry_store::backend::{
    self, apply_txn, Applied, Replay, RevisionEvents, TxnTarget, WatchSource,
    DEFAULT_HISTORY_LIMIT, DEFAULT_WATCH_BUFFER,
};
use gantry_store::{
    EventKind, KeyValue, Result, Store, StoreError, Txn, TxnResult, WatchEvent, WatchStream,
};
use redb::{Database, Durability, ReadableDatabase, ReadableTable, Table, TableDefinition};
use tokio::sync::{broadcast, oneshot};

const KV: TableDefinition<&str, &[u8]> = TableDefinition::new("kv");
const META: TableDefinition<&str, u64> = TableDefinition::new("meta");
const HISTORY: TableDefinition<u64, &[u8]> = TableDefinition::new("history");
const META_REVISION: &str = "revision";
const META_COMPACTED: &str = "compacted_through";

/// Most transactions committed together in one redb write transaction.
pub const MAX_BATCH: usize = 512;

/// Default page cache of a [`RedbStore`], MiB (redb's own default is 1 GiB:
/// a control plane's memory would grow with its store file).
pub const DEFAULT_CACHE_MIB: usize = 16;

/// Tunables of [`RedbStore`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RedbOptions {
    /// Revisions of events kept (on disk) for watch replay (at least 1).
    pub history_limit: usize,
    /// Revisions buffered per live watcher before it resyncs from history.
    pub watch_buffer: usize,
    /// redb page cache size in bytes (default [`DEFAULT_CACHE_MIB`]; `None`:
    /// redb's default, 1 GiB max).
    pub cache_size: Option<usize>,
}

impl Default for RedbOptions {
    fn default() -> Self {
        RedbOptions {
            history_limit: DEFAULT_HISTORY_LIMIT,
            watch_buffer: DEFAULT_WATCH_BUFFER,
            cache_size: Some(DEFAULT_CACHE_MIB << 20),
        }
    }
}

/// A failure inside the redb backend (the source of a
/// [`StoreError::Backend`]).
#[derive(Debug, thiserror::Error)]
pub enum RedbError {
    #[error("redb operation failed")]
    Redb(#[from] redb::Error),
    #[error("corrupt {what} record")]
    Corrupt { what: &'static str },
    #[error("the writer thread has stopped")]
    WriterGone,
}

macro_rules! from_redb {
    ($($ty:ty),*) => {$(
        impl From<$ty> for RedbError {
            fn from(e: $ty) -> Self {
                RedbError::Redb(e.into())
            }
        }
    )*};
}
from_redb!(
    redb::StorageError,
    redb::TableError,
    redb::TransactionError,
    redb::CommitError,
    redb::DatabaseError,
    redb::SetDurabilityError
);

fn store_error(
    context: &'static str,
    e: impl std::error::Error + Send + Sync + 'static,
) -> StoreError {
    StoreError::backend_with(context, e)
}

/// The redb-backed [`Store`]. Dropping it stops the writer thread (after
/// the batch in flight), closes the file and ends all watches.
pub struct RedbStore {
    shared: Arc<Shared>,
    writer: Option<Writer>,
    path: PathBuf,
    /// Set by [`RedbStore::temporary`]; dropped (deleted) last.
    _temp: Option<tempfile::TempDir>,
}

struct Writer {
    requests: mpsc::Sender<Request>,
    thread: JoinHandle<()>,
}

struct Request {
    txn: Txn,
    reply: oneshot::Sender<Result<TxnResult>>,
}

struct Shared {
    db: Database,
    /// The last committed revision (advanced after each commit).
    revision: AtomicU64,
    live: broadcast::Sender<Arc<RevisionEvents>>,
    history_limit: u64,
}

impl fmt::Debug for RedbStore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RedbStore")
            .field("path", &self.path)
            .field("revision", &self.shared.revision.load(Ordering::SeqCst))
            .finish_non_exhaustive()
    }
}

impl RedbStore {
    /// Open (or create) the store in the redb file at `path`, creating the
    /// parent directory if needed. Blocking; call at start-up or from
    /// `spawn_blocking`.
    pub fn open(path: &Path) -> Result<RedbStore, StoreError> {
        Self::open_with(path, RedbOptions::default())
    }

    /// [`RedbStore::open`] with explicit options.
    pub fn open_with(path: &Path, options: RedbOptions) -> Result<RedbStore, StoreError> {
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent)
                .map_err(|e| store_error("cannot create the store directory", e))?;
        }
        let mut builder = Database::builder();
        if let Some(bytes) = options.cache_size {
            builder.set_cache_size(bytes);
        }
        let db = builder
            .create(path)
            .map_err(|e| store_error("cannot open the redb store", RedbError::from(e)))?;
        let revision =
            init_tables(&db).map_err(|e| store_error("cannot initialise the redb store", e))?;
        let (live, _) = broadcast::channel(options.watch_buffer.max(1));
        let shared = Arc::new(Shared {
            db,
            revision: AtomicU64::new(revision),
            live,
            history_limit: options.history_limit.max(1) as u64,
        });
        let (requests, rx) = mpsc::channel();
        let writer_shared = shared.clone();
        let thread = std::thread::Builder::new()
            .name("gantry-redb-writer".into())
            .spawn(move || writer_loop(&writer_shared, rx))
            .map_err(|e| store_error("cannot start the redb writer thread", e))?;
        tracing::debug!(path = %path.display(), revision, "redb store opened");
        Ok(RedbStore {
            shared,
            writer: Some(Writer { requests, thread }),
            path: path.to_path_buf(),
            _temp: None,
        })
    }

    /// A store in a fresh temporary directory that is deleted when the store
    /// is dropped. For tests and benchmarks.
    pub fn temporary() -> Result<RedbStore, StoreError> {
        Self::temporary_with(RedbOptions::default())
    }

    /// [`RedbStore::temporary`] with explicit options.
    pub fn temporary_with(options: RedbOptions) -> Result<RedbStore, StoreError> {
        let dir = tempfile::Builder::new()
            .prefix("gantry-redb-")
            .tempdir()
            .map_err(|e| store_error("cannot create a temporary directory", e))?;
        let mut store = Self::open_with(&dir.path().join("store.redb"), options)?;
        store._temp = Some(dir);
        Ok(store)
    }

    /// The redb file this store uses.
    pub fn path(&self) -> &Path {
        &self.path
    }

    async fn read<T, F>(&self, f: F) -> Result<T>
    where
        T: Send + 'static,
        F: FnOnce(&Shared) -> Result<T, RedbError> + Send + 'static,
    {
        let shared = self.shared.clone();
        tokio::task::spawn_blocking(move || f(&shared))
            .await
            .map_err(|e| store_error("redb read task failed", e))?
            .map_err(|e| store_error("redb read failed", e))
    }
}

impl Drop for RedbStore {
    fn drop(&mut self) {
        if let Some(Writer { requests, thread }) = self.writer.take() {
            drop(requests);
            if thread.join().is_err() {
                tracing::error!(path = %self.path.display(), "redb writer thread panicked");
            }
        }
    }
}

fn init_tables(db: &Database) -> Result<u64, RedbError> {
    let wtx = db.begin_write()?;
    let revision = {
        wtx.open_table(KV)?;
        wtx.open_table(HISTORY)?;
        let meta = wtx.open_table(META)?;
        let revision = meta.get(META_REVISION)?.map(|g| g.value()).unwrap_or(0);
        revision
    };
    wtx.commit()?;
    Ok(revision)
}

fn writer_loop(shared: &Shared, rx: mpsc::Receiver<Request>) {
    while let Ok(first) = rx.recv() {
        let mut batch = vec![first];
        while batch.len() < MAX_BATCH {
            match rx.try_recv() {
                Ok(request) => batch.push(request),
                Err(_) => break,
            }
        }
        shared.commit_batch(batch);
    }
}

impl Shared {
    fn commit_batch(&self, batch: Vec<Request>) {
        match self.write_batch(&batch) {
            Ok((results, events)) => {
                if let Some(last) = events.last() {
                    self.revision.store(last.revision, Ordering::SeqCst);
                }
                for (request, result) in batch.into_iter().zip(results) {
                    // The caller may have gone away; the write stands.
                    let _ = request.reply.send(Ok(result));
                }
                for batch_events in events {
                    let _ = self.live.send(Arc::new(batch_events));
                }
            }
            Err(e) => {
                tracing::error!(error = %e, requests = batch.len(), "redb write batch failed");
                let e = Arc::new(e);
                for request in batch {
                    let _ = request
                        .reply
                        .send(Err(store_error("redb write failed", e.clone())));
                }
            }
        }
    }

    /// Run `batch` in one write transaction; commit (fsync) if anything changed.
    fn write_batch(
        &self,
        batch: &[Request],
    ) -> Result<(Vec<TxnResult>, Vec<RevisionEvents>), RedbError> {
        let mut wtx = self.db.begin_write()?;
        wtx.set_durability(Durability::Immediate)?;
        let mut results = Vec::with_capacity(batch.len());
        let mut events = Vec::new();
        {
            let mut meta = wtx.open_table(META)?;
            let mut revision = meta.get(META_REVISION)?.map(|g| g.value()).unwrap_or(0);
            let mut kv = wtx.open_table(KV)?;
            let mut target = KvTable(&mut kv);
            for request in batch {
                let applied = apply_txn(&mut target, revision, &request.txn)?;
                results.push(applied.result(revision));
                if let Applied::Changed(changed) = applied {
                    revision = changed.revision;
                    events.push(changed);
                }
            }
            if !events.is_empty() {
                let mut history = wtx.open_table(HISTORY)?;
                for changed in &events {
                    history.insert(changed.revision, encode_events(&changed.events).as_slice())?;
                }
                meta.insert(META_REVISION, revision)?;
                let cutoff = revision.saturating_sub(self.history_limit);
                let compacted = meta.get(META_COMPACTED)?.map(|g| g.value()).unwrap_or(0);
                if cutoff > compacted {
                    history.retain_in(..=cutoff, |_, _| false)?;
                    meta.insert(META_COMPACTED, cutoff)?;
                }
            }
        }
        if events.is_empty() {
            wtx.abort()?;
        } else {
            wtx.commit()?;
        }
        Ok((results, events))
    }

    fn read_replay(&self, after_revision: u64) -> Result<Vec<Arc<RevisionEvents>>> {
        let read = || -> Result<Result<Vec<Arc<RevisionEvents>>>, RedbError> {
            let rtx = self.db.begin_read()?;
            let meta = rtx.open_table(META)?;
            let compacted = meta.get(META_COMPACTED)?.map(|g| g.value()).unwrap_or(0);
            if after_revision < compacted {
                return Ok(Err(backend::compacted(after_revision, compacted)));
            }
            let history = rtx.open_table(HISTORY)?;
            let mut out = Vec::new();
            for entry in history.range((after_revision + 1)..)? {
                let (revision, bytes) = entry?;
                let revision = revision.value();
                let events = decode_events(bytes.value())?;
                out.push(Arc::new(RevisionEvents { revision, events }));
            }
            Ok(Ok(out))
        };
        read().map_err(|e| store_error("redb history read failed", e))?
    }
}

#[async_trait]
impl WatchSource for Shared {
    async fn replay(self: Arc<Self>, after_revision: u64) -> Result<Replay> {
        // Subscribe before reading history: see gantry_store::backend.
        let live = self.live.subscribe();
        let history = tokio::task::spawn_blocking(move || self.read_replay(after_revision))
            .await
            .map_err(|e| store_error("redb read task failed", e))??;
        Ok(Replay { live, history })
    }
}

struct KvTable<'a, 'txn>(&'a mut Table<'txn, &'static str, &'static [u8]>);

impl TxnTarget for KvTable<'_, '_> {
    type Error = RedbError;
    fn get(&mut self, key: &str) -> Result<Option<KeyValue>, RedbError> {
        match self.0.get(key)? {
            Some(guard) => Ok(Some(decode_kv(key, guard.value())?)),
            None => Ok(None),
        }
    }
    fn put(&mut self, kv: &KeyValue) -> Result<(), RedbError> {
        self.0.insert(kv.key.as_str(), encode_kv(kv).as_slice())?;
        Ok(())
    }
    fn delete(&mut self, key: &str) -> Result<(), RedbError> {
        self.0.remove(key)?;
        Ok(())
    }
}

#[async_trait]
impl Store for RedbStore {
    async fn revision(&self) -> Result<u64> {
        Ok(self.shared.revision.load(Ordering::SeqCst))
    }

    async fn get(&self, key: &str) -> Result<Option<KeyValue>> {
        let key = key.to_string();
        self.read(move |shared| {
            let rtx = shared.db.begin_read()?;
            let table = rtx.open_table(KV)?;
            let found = table.get(key.as_str())?;
            found
                .map(|guard| decode_kv(&key, guard.value()))
                .transpose()
        })
        .await
    }

    async fn range(
        &self,
        prefix: &str,
        start_after: Option<&str>,
        limit: Option<usize>,
    ) -> Result<Vec<KeyValue>> {
        let prefix = prefix.to_string();
        let start_after = start_after.map(str::to_string);
        let limit = limit.unwrap_or(usize::MAX);
        self.read(move |shared| {
            let mut out = Vec::new();
            if limit == 0 {
                return Ok(out);
            }
            let rtx = shared.db.begin_read()?;
            let table = rtx.open_table(KV)?;
            let lower = match start_after.as_deref() {
                Some(after) if after >= prefix.as_str() => Bound::Excluded(after),
                _ => Bound::Included(prefix.as_str()),
            };
            for entry in table.range::<&str>((lower, Bound::Unbounded))? {
                let (key, value) = entry?;
                let key = key.value();
                if !key.starts_with(prefix.as_str()) {
                    break;
                }
                out.push(decode_kv(key, value.value())?);
                if out.len() >= limit {
                    break;
                }
            }
            Ok(out)
        })
        .await
    }

    async fn txn(&self, txn: Txn) -> Result<TxnResult> {
        let writer = self
            .writer
            .as_ref()
            .ok_or_else(|| store_error("redb store is closed", RedbError::WriterGone))?;
        let (reply, response) = oneshot::channel();
        writer
            .requests
            .send(Request { txn, reply })
            .map_err(|_| store_error("redb store is closed", RedbError::WriterGone))?;
        response.await.map_err(|_| {
            store_error(
                "redb writer stopped before answering",
                RedbError::WriterGone,
            )
        })?
    }

    async fn watch(&self, prefix: &str, after_revision: u64) -> Result<WatchStream> {
        backend::watch_stream(&self.shared, prefix, after_revision).await
    }
}

// ---- record encoding -------------------------------------------------------

fn encode_kv(kv: &KeyValue) -> Vec<u8> {
    let mut out = Vec::with_capacity(16 + kv.value.len());
    out.extend_from_slice(&kv.create_revision.to_le_bytes());
    out.extend_from_slice(&kv.mod_revision.to_le_bytes());
    out.extend_from_slice(&kv.value);
    out
}

fn decode_kv(key: &str, bytes: &[u8]) -> Result<KeyValue, RedbError> {
    let mut reader = Reader { bytes, what: "kv" };
    let create_revision = reader.u64()?;
    let mod_revision = reader.u64()?;
    Ok(KeyValue {
        key: key.to_string(),
        value: reader.bytes.to_vec(),
        create_revision,
        mod_revision,
    })
}

/// Per event: kind (u8: 0 put, 1 delete), key (u32 LE length + bytes),
/// create_revision, mod_revision (u64 LE), value (u32 LE length + bytes).
fn encode_events(events: &[WatchEvent]) -> Vec<u8> {
    let mut out = Vec::new();
    for event in events {
        out.push(match event.kind {
            EventKind::Put => 0,
            EventKind::Delete => 1,
        });
        put_bytes(&mut out, event.kv.key.as_bytes());
        out.extend_from_slice(&event.kv.create_revision.to_le_bytes());
        out.extend_from_slice(&event.kv.mod_revision.to_le_bytes());
        put_bytes(&mut out, &event.kv.value);
    }
    out
}

fn put_bytes(out: &mut Vec<u8>, bytes: &[u8]) {
    // Keys and values are far below 4 GiB (redb's own value limit is 3 GiB).
    out.extend_from_slice(&(bytes.len() as u32).to_le_bytes());
    out.extend_from_slice(bytes);
}

fn decode_events(bytes: &[u8]) -> Result<Vec<WatchEvent>, RedbError> {
    let mut reader = Reader {
        bytes,
        what: "history",
    };
    let mut events = Vec::new();
    while !reader.bytes.is_empty() {
        let kind = match reader.take(1)?[0] {
            0 => EventKind::Put,
            1 => EventKind::Delete,
            _ => return Err(reader.corrupt()),
        };
        let key = String::from_utf8(reader.sized()?.to_vec()).map_err(|_| reader.corrupt())?;
        let create_revision = reader.u64()?;
        let mod_revision = reader.u64()?;
        let value = reader.sized()?.to_vec();
        events.push(WatchEvent {
            kind,
            kv: KeyValue {
                key,
                value,
                create_revision,
                mod_revision,
            },
        });
    }
    Ok(events)
}

struct Reader<'a> {
    bytes: &'a [u8],
    what: &'static str,
}

impl<'a> Reader<'a> {
    fn corrupt(&self) -> RedbError {
        RedbError::Corrupt { what: self.what }
    }
    fn take(&mut self, n: usize) -> Result<&'a [u8], RedbError> {
        if self.bytes.len() < n {
            return Err(self.corrupt());
        }
        let (head, tail) = self.bytes.split_at(n);
        self.bytes = tail;
        Ok(head)
    }
    fn u64(&mut self) -> Result<u64, RedbError> {
        let b = self.take(8)?;
        Ok(u64::from_le_bytes(
            b.try_into().map_err(|_| self.corrupt())?,
        ))
    }
    fn sized(&mut self) -> Result<&'a [u8], RedbError> {
        let b = self.take(4)?;
        let len = u32::from_le_bytes(b.try_into().map_err(|_| self.corrupt())?) as usize;
        self.take(len)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn events_round_trip() {
        let events = vec![
            WatchEvent {
                kind: EventKind::Put,
                kv: KeyValue {
                    key: "a/ü".into(),
                    value: vec![0, 1, 2],
                    create_revision: 3,
                    mod_revision: 7,
                },
            },
            WatchEvent {
                kind: EventKind::Delete,
                kv: KeyValue {
                    key: "b".into(),
                    value: vec![],
                    create_revision: 0,
                    mod_revision: 7,
                },
            },
        ];
        assert_eq!(decode_events(&encode_events(&events)).unwrap(), events);
        assert!(decode_events(&encode_events(&events)[..5]).is_err());
        let kv = &events[0].kv;
        assert_eq!(&decode_kv(&kv.key, &encode_kv(kv)).unwrap(), kv);
        assert!(decode_kv("x", &[1, 2, 3]).is_err());
    }
}
