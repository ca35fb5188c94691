//! Storage built for logs: append-only segment files per stream with an
//! in-memory time index (one small summary per segment), durable before a
//! `PutLogEvents` is acknowledged, and retention that deletes whole segments
//! (or rewrites the one segment straddling the cut-off).
//!
//! Layout under the root (`DATA_DIR/logs`):
//!
//! ```text
//! g00000001/group.json            name, creation time, retention, tags
//! g00000001/s00000001/stream.json name, stream number, creation time
//! g00000001/s00000001/000000000001.seg   records, appended
//! ```
//!
//! Directories are numbered (names can be 512 characters, longer than a file
//! name may be); the names live in the JSON files, written atomically (temp
//! file, fsync, rename, fsync of the directory).
//!
//! A record is `len u32 | timestamp i64 | ingestion i64 | seq u64 | message |
//! fnv32 u32` (little endian). At open every segment is scanned once to
//! rebuild its summary; a torn or corrupt tail (a crash mid-append, which was
//! never acknowledged) is truncated away.
//!
//! Memory is bounded regardless of volume: per segment only its summary
//! (time range, sequence range, size) is held; a query reads only the
//! segments whose time range overlaps the query, one at a time, at most
//! [`SEGMENT_MAX_BYTES`] plus one batch each.
//!
//! Size cap: [`LogStore::enforce_size_cap`] deletes whole segments, oldest
//! first by their latest ingestion time across every group and stream,
//! until the segment files fit (`--logs-max-bytes`, run in the background by
//! `LogsService::run_retention`); it consults only the in-memory summaries.
//!
//! Concurrency: a [`std::sync::Mutex`] over the group/stream maps (held only
//! for metadata), and one per stream held while appending to or reading it.
//! All calls block on file I/O; async callers use `spawn_blocking`.

use std::collections::BTreeMap;
use std::fs::{self, File, OpenOptions};
use std::io::{self, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};

use serde::{Deserialize, Serialize};

/// A segment is sealed (a new one started) once it reaches this size.
pub const SEGMENT_MAX_BYTES: u64 = 1024 * 1024;
/// Bytes of a record besides its message.
const RECORD_OVERHEAD: usize = 4 + 8 + 8 + 8 + 4;
/// Milliseconds per day.
pub const DAY_MS: i64 = 86_400_000;

#[derive(Debug, thiserror::Error)]
pub enum LogStoreError {
    #[error("log store I/O on {path}")]
    Io {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error("corrupt metadata file {path}")]
    Meta {
        path: PathBuf,
        #[source]
        source: serde_json::Error,
    },
    #[error("log group does not exist")]
    GroupNotFound,
    #[error("log stream does not exist")]
    StreamNotFound,
    #[error("log group already exists")]
    GroupExists,
    #[error("log stream already exists")]
    StreamExists,
}

type Result<T> = std::result::Result<T, LogStoreError>;

fn io_err(path: &Path) -> impl FnOnce(io::Error) -> LogStoreError + '_ {
    move |source| LogStoreError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// Persisted description of a log group.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct GroupMeta {
    pub name: String,
    pub creation_time: i64,
    #[serde(default)]
    pub retention_days: Option<i32>,
    #[serde(default)]
    pub tags: BTreeMap<String, String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct StreamMeta {
    name: String,
    no: u64,
    creation_time: i64,
}

/// One stored event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredEvent {
    pub timestamp: i64,
    pub ingestion_time: i64,
    /// Position in its stream, from 1, in append order.
    pub seq: u64,
    pub message: String,
}

/// What a query needs to know about a stream.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StreamInfo {
    pub name: String,
    /// Number of the stream within its group (part of every `eventId`).
    pub no: u64,
    pub creation_time: i64,
    pub first_event_timestamp: Option<i64>,
    pub last_event_timestamp: Option<i64>,
    pub last_ingestion_time: Option<i64>,
    pub stored_bytes: u64,
    pub last_seq: u64,
}

/// Summary of one segment file: the time index.
#[derive(Debug, Clone)]
struct Segment {
    number: u64,
    path: PathBuf,
    min_ts: i64,
    max_ts: i64,
    max_ingestion: i64,
    last_seq: u64,
    count: u64,
    message_bytes: u64,
    file_bytes: u64,
}

#[derive(Debug)]
struct Stream {
    meta: StreamMeta,
    dir: PathBuf,
    segments: Vec<Segment>,
    next_seq: u64,
    deleted: bool,
}

#[derive(Debug)]
struct Group {
    meta: GroupMeta,
    dir: PathBuf,
    streams: BTreeMap<String, Arc<Mutex<Stream>>>,
    next_stream_no: u64,
}

#[derive(Debug, Default)]
struct Inner {
    groups: BTreeMap<String, Group>,
    next_group_id: u64,
}

/// The log store. Cheap to share behind an `Arc`.
#[derive(Debug)]
pub struct LogStore {
    root: PathBuf,
    inner: Mutex<Inner>,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    // A panic while holding the lock leaves consistent on-disk state (every
    // write is appended then published), so a poisoned lock is still usable.
    m.lock().unwrap_or_else(|e| e.into_inner())
}

fn fnv32(parts: &[&[u8]]) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for p in parts {
        for b in *p {
            h ^= u32::from(*b);
            h = h.wrapping_mul(0x0100_0193);
        }
    }
    h
}

/// Appends one record (`timestamp`, `ingestion_time`, `seq`, `message`).
fn encode_record(buf: &mut Vec<u8>, timestamp: i64, ingestion_time: i64, seq: u64, message: &str) {
    let start = buf.len();
    let msg = message.as_bytes();
    buf.extend_from_slice(&(msg.len() as u32).to_le_bytes());
    buf.extend_from_slice(&timestamp.to_le_bytes());
    buf.extend_from_slice(&ingestion_time.to_le_bytes());
    buf.extend_from_slice(&seq.to_le_bytes());
    buf.extend_from_slice(msg);
    let sum = fnv32(&[&buf[start..]]);
    buf.extend_from_slice(&sum.to_le_bytes());
}

/// Reads records from `r` until EOF or a torn/corrupt record. Returns the
/// byte offset just past the last good record.
fn read_records(
    r: &mut impl Read,
    mut f: impl FnMut(StoredEvent) -> bool,
) -> io::Result<(u64, bool)> {
    let mut offset = 0u64;
    let mut header = [0u8; 28];
    loop {
        match read_full(r, &mut header)? {
            0 => return Ok((offset, true)),
            n if n < header.len() => return Ok((offset, false)),
            _ => {}
        }
        let len = u32::from_le_bytes(header[0..4].try_into().unwrap_or_default()) as usize;
        if len > 64 * 1024 * 1024 {
            return Ok((offset, false));
        }
        let mut body = vec![0u8; len + 4];
        if read_full(r, &mut body)? < body.len() {
            return Ok((offset, false));
        }
        let sum = u32::from_le_bytes(body[len..].try_into().unwrap_or_default());
        if fnv32(&[&header, &body[..len]]) != sum {
            return Ok((offset, false));
        }
        body.truncate(len);
        let Ok(message) = String::from_utf8(body) else {
            return Ok((offset, false));
        };
        let ev = StoredEvent {
            timestamp: i64::from_le_bytes(header[4..12].try_into().unwrap_or_default()),
            ingestion_time: i64::from_le_bytes(header[12..20].try_into().unwrap_or_default()),
            seq: u64::from_le_bytes(header[20..28].try_into().unwrap_or_default()),
            message,
        };
        offset += (RECORD_OVERHEAD + len) as u64;
        if !f(ev) {
            return Ok((offset, true));
        }
    }
}

fn read_full(r: &mut impl Read, buf: &mut [u8]) -> io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match r.read(&mut buf[n..]) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(n)
}

fn fsync_dir(dir: &Path) -> Result<()> {
    File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(io_err(dir))
}

fn write_json_atomic<T: Serialize>(path: &Path, v: &T) -> Result<()> {
    let tmp = path.with_extension("json.tmp");
    let bytes = serde_json::to_vec_pretty(v).map_err(|source| LogStoreError::Meta {
        path: path.to_path_buf(),
        source,
    })?;
    let mut f = File::create(&tmp).map_err(io_err(&tmp))?;
    f.write_all(&bytes).map_err(io_err(&tmp))?;
    f.sync_all().map_err(io_err(&tmp))?;
    fs::rename(&tmp, path).map_err(io_err(path))?;
    if let Some(parent) = path.parent() {
        fsync_dir(parent)?;
    }
    Ok(())
}

fn read_json<T: for<'de> Deserialize<'de>>(path: &Path) -> Result<T> {
    let bytes = fs::read(path).map_err(io_err(path))?;
    serde_json::from_slice(&bytes).map_err(|source| LogStoreError::Meta {
        path: path.to_path_buf(),
        source,
    })
}

/// Numbered entries `prefix<digits>[suffix]` of `dir`, sorted by number.
fn numbered(dir: &Path, prefix: &str, suffix: &str) -> Result<Vec<(u64, PathBuf)>> {
    let mut out = Vec::new();
    let rd = match fs::read_dir(dir) {
        Ok(rd) => rd,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(out),
        Err(e) => return Err(io_err(dir)(e)),
    };
    for entry in rd {
        let entry = entry.map_err(io_err(dir))?;
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        let Some(num) = name
            .strip_prefix(prefix)
            .and_then(|n| n.strip_suffix(suffix))
            .and_then(|n| n.parse::<u64>().ok())
        else {
            continue;
        };
        out.push((num, entry.path()));
    }
    out.sort();
    Ok(out)
}

fn segment_path(dir: &Path, number: u64) -> PathBuf {
    dir.join(format!("{number:012}.seg"))
}

/// Scans a segment file, rebuilding its summary; truncates a torn tail.
fn load_segment(number: u64, path: PathBuf) -> Result<Option<Segment>> {
    let file = File::open(&path).map_err(io_err(&path))?;
    let file_len = file.metadata().map_err(io_err(&path))?.len();
    let mut seg = Segment {
        number,
        path: path.clone(),
        min_ts: i64::MAX,
        max_ts: i64::MIN,
        max_ingestion: i64::MIN,
        last_seq: 0,
        count: 0,
        message_bytes: 0,
        file_bytes: 0,
    };
    let (good, clean) = read_records(&mut BufReader::new(file), |ev| {
        seg.min_ts = seg.min_ts.min(ev.timestamp);
        seg.max_ts = seg.max_ts.max(ev.timestamp);
        seg.max_ingestion = seg.max_ingestion.max(ev.ingestion_time);
        seg.last_seq = seg.last_seq.max(ev.seq);
        seg.count += 1;
        seg.message_bytes += ev.message.len() as u64;
        true
    })
    .map_err(io_err(&path))?;
    if !clean || good < file_len {
        tracing::warn!(path = %path.display(), good, file_len, "truncating torn log segment tail");
        let f = OpenOptions::new()
            .write(true)
            .open(&path)
            .map_err(io_err(&path))?;
        f.set_len(good).map_err(io_err(&path))?;
        f.sync_all().map_err(io_err(&path))?;
    }
    seg.file_bytes = good;
    if seg.count == 0 {
        fs::remove_file(&path).map_err(io_err(&path))?;
        return Ok(None);
    }
    Ok(Some(seg))
}

impl Stream {
    fn info(&self) -> StreamInfo {
        let first = self.segments.iter().map(|s| s.min_ts).min();
        let last = self.segments.iter().map(|s| s.max_ts).max();
        let ingest = self.segments.iter().map(|s| s.max_ingestion).max();
        StreamInfo {
            name: self.meta.name.clone(),
            no: self.meta.no,
            creation_time: self.meta.creation_time,
            first_event_timestamp: first,
            last_event_timestamp: last,
            last_ingestion_time: ingest,
            stored_bytes: self.segments.iter().map(|s| s.message_bytes).sum(),
            last_seq: self.next_seq.saturating_sub(1),
        }
    }
}

/// A stream handle for queries (see [`LogStore::streams`]).
#[derive(Debug, Clone)]
pub struct StreamHandle {
    inner: Arc<Mutex<Stream>>,
}

impl StreamHandle {
    pub fn info(&self) -> StreamInfo {
        lock(&self.inner).info()
    }

    /// Calls `f` for every event with `start <= timestamp < end`, reading only
    /// the segments whose time range overlaps, in segment order. `f` returns
    /// false to stop early.
    pub fn scan(
        &self,
        start: i64,
        end: i64,
        mut f: impl FnMut(&StoredEvent) -> bool,
    ) -> Result<()> {
        let stream = lock(&self.inner);
        if stream.deleted {
            return Ok(());
        }
        for seg in &stream.segments {
            if seg.max_ts < start || seg.min_ts >= end {
                continue;
            }
            let file = File::open(&seg.path).map_err(io_err(&seg.path))?;
            let mut go_on = true;
            // Read only the published part: an append in progress is behind
            // this stream's lock, so the file is exactly `file_bytes` long.
            read_records(&mut BufReader::new(file.take(seg.file_bytes)), |ev| {
                if ev.timestamp >= start && ev.timestamp < end {
                    go_on = f(&ev);
                }
                go_on
            })
            .map_err(io_err(&seg.path))?;
            if !go_on {
                break;
            }
        }
        Ok(())
    }
}

impl LogStore {
    /// Opens (creating) the store at `root`, rebuilding the time index.
    pub fn open(root: impl Into<PathBuf>) -> Result<LogStore> {
        let root = root.into();
        fs::create_dir_all(&root).map_err(io_err(&root))?;
        let mut inner = Inner {
            groups: BTreeMap::new(),
            next_group_id: 1,
        };
        for (gid, gdir) in numbered(&root, "g", "")? {
            inner.next_group_id = inner.next_group_id.max(gid + 1);
            let meta_path = gdir.join("group.json");
            if !meta_path.exists() {
                // Creation never finished (crash before group.json landed).
                fs::remove_dir_all(&gdir).map_err(io_err(&gdir))?;
                continue;
            }
            let meta: GroupMeta = read_json(&meta_path)?;
            let mut group = Group {
                meta,
                dir: gdir.clone(),
                streams: BTreeMap::new(),
                next_stream_no: 1,
            };
            for (sno, sdir) in numbered(&gdir, "s", "")? {
                group.next_stream_no = group.next_stream_no.max(sno + 1);
                let smeta_path = sdir.join("stream.json");
                if !smeta_path.exists() {
                    fs::remove_dir_all(&sdir).map_err(io_err(&sdir))?;
                    continue;
                }
                let smeta: StreamMeta = read_json(&smeta_path)?;
                let mut segments = Vec::new();
                for (num, path) in numbered(&sdir, "", ".seg")? {
                    if let Some(seg) = load_segment(num, path)? {
                        segments.push(seg);
                    }
                }
                let next_seq = segments.iter().map(|s| s.last_seq).max().unwrap_or(0) + 1;
                let name = smeta.name.clone();
                let stream = Stream {
                    meta: smeta,
                    dir: sdir,
                    segments,
                    next_seq,
                    deleted: false,
                };
                group.streams.insert(name, Arc::new(Mutex::new(stream)));
            }
            inner.groups.insert(group.meta.name.clone(), group);
        }
        Ok(LogStore {
            root,
            inner: Mutex::new(inner),
        })
    }

    pub fn create_group(
        &self,
        name: &str,
        creation_time: i64,
        tags: BTreeMap<String, String>,
    ) -> Result<GroupMeta> {
        let mut inner = lock(&self.inner);
        if inner.groups.contains_key(name) {
            return Err(LogStoreError::GroupExists);
        }
        let id = inner.next_group_id;
        inner.next_group_id += 1;
        let dir = self.root.join(format!("g{id:08}"));
        fs::create_dir_all(&dir).map_err(io_err(&dir))?;
        let meta = GroupMeta {
            name: name.to_string(),
            creation_time,
            retention_days: None,
            tags,
        };
        if let Err(e) = write_json_atomic(&dir.join("group.json"), &meta) {
            let _ = fs::remove_dir_all(&dir);
            return Err(e);
        }
        fsync_dir(&self.root)?;
        inner.groups.insert(
            name.to_string(),
            Group {
                meta: meta.clone(),
                dir,
                streams: BTreeMap::new(),
                next_stream_no: 1,
            },
        );
        Ok(meta)
    }

    pub fn delete_group(&self, name: &str) -> Result<()> {
        let mut inner = lock(&self.inner);
        let group = inner
            .groups
            .remove(name)
            .ok_or(LogStoreError::GroupNotFound)?;
        for s in group.streams.values() {
            lock(s).deleted = true;
        }
        // group.json goes first: a crash mid-removal leaves a directory that
        // `open` discards.
        let meta = group.dir.join("group.json");
        fs::remove_file(&meta).map_err(io_err(&meta))?;
        fs::remove_dir_all(&group.dir).map_err(io_err(&group.dir))?;
        fsync_dir(&self.root)
    }

    pub fn group(&self, name: &str) -> Option<GroupMeta> {
        lock(&self.inner).groups.get(name).map(|g| g.meta.clone())
    }

    /// All groups, sorted by name.
    pub fn groups(&self) -> Vec<(GroupMeta, u64)> {
        let inner = lock(&self.inner);
        inner
            .groups
            .values()
            .map(|g| {
                let bytes = g
                    .streams
                    .values()
                    .map(|s| lock(s).info().stored_bytes)
                    .sum();
                (g.meta.clone(), bytes)
            })
            .collect()
    }

    /// Changes a group's metadata durably (`f` edits a copy).
    pub fn update_group(&self, name: &str, f: impl FnOnce(&mut GroupMeta)) -> Result<GroupMeta> {
        let mut inner = lock(&self.inner);
        let group = inner
            .groups
            .get_mut(name)
            .ok_or(LogStoreError::GroupNotFound)?;
        let mut meta = group.meta.clone();
        f(&mut meta);
        write_json_atomic(&group.dir.join("group.json"), &meta)?;
        group.meta = meta.clone();
        Ok(meta)
    }

    pub fn create_stream(&self, group: &str, name: &str, creation_time: i64) -> Result<()> {
        let mut inner = lock(&self.inner);
        let group = inner
            .groups
            .get_mut(group)
            .ok_or(LogStoreError::GroupNotFound)?;
        if group.streams.contains_key(name) {
            return Err(LogStoreError::StreamExists);
        }
        let no = group.next_stream_no;
        group.next_stream_no += 1;
        let dir = group.dir.join(format!("s{no:08}"));
        fs::create_dir_all(&dir).map_err(io_err(&dir))?;
        let meta = StreamMeta {
            name: name.to_string(),
            no,
            creation_time,
        };
        if let Err(e) = write_json_atomic(&dir.join("stream.json"), &meta) {
            let _ = fs::remove_dir_all(&dir);
            return Err(e);
        }
        fsync_dir(&group.dir)?;
        group.streams.insert(
            name.to_string(),
            Arc::new(Mutex::new(Stream {
                meta,
                dir,
                segments: Vec::new(),
                next_seq: 1,
                deleted: false,
            })),
        );
        Ok(())
    }

    pub fn delete_stream(&self, group: &str, name: &str) -> Result<()> {
        let mut inner = lock(&self.inner);
        let group = inner
            .groups
            .get_mut(group)
            .ok_or(LogStoreError::GroupNotFound)?;
        let stream = group
            .streams
            .remove(name)
            .ok_or(LogStoreError::StreamNotFound)?;
        let mut s = lock(&stream);
        s.deleted = true;
        let meta = s.dir.join("stream.json");
        fs::remove_file(&meta).map_err(io_err(&meta))?;
        fs::remove_dir_all(&s.dir).map_err(io_err(&s.dir))?;
        fsync_dir(&group.dir)
    }

    /// One stream of a group.
    pub fn stream(&self, group: &str, name: &str) -> Result<StreamHandle> {
        let inner = lock(&self.inner);
        let group = inner
            .groups
            .get(group)
            .ok_or(LogStoreError::GroupNotFound)?;
        let s = group
            .streams
            .get(name)
            .ok_or(LogStoreError::StreamNotFound)?;
        Ok(StreamHandle { inner: s.clone() })
    }

    /// All streams of a group, sorted by name.
    pub fn streams(&self, group: &str) -> Result<Vec<StreamHandle>> {
        let inner = lock(&self.inner);
        let group = inner
            .groups
            .get(group)
            .ok_or(LogStoreError::GroupNotFound)?;
        Ok(group
            .streams
            .values()
            .map(|s| StreamHandle { inner: s.clone() })
            .collect())
    }

    /// Appends `events` (timestamp, message) to a stream and fsyncs before
    /// returning the sequence numbers given to them.
    pub fn append(
        &self,
        group: &str,
        stream: &str,
        events: &[(i64, String)],
        ingestion_time: i64,
    ) -> Result<Vec<u64>> {
        let handle = self.stream(group, stream)?;
        let mut s = lock(&handle.inner);
        if s.deleted {
            return Err(LogStoreError::StreamNotFound);
        }
        if events.is_empty() {
            return Ok(Vec::new());
        }
        let mut buf =
            Vec::with_capacity(events.iter().map(|(_, m)| m.len() + RECORD_OVERHEAD).sum());
        let mut seqs = Vec::with_capacity(events.len());
        let mut summary = Segment {
            number: 0,
            path: PathBuf::new(),
            min_ts: i64::MAX,
            max_ts: i64::MIN,
            max_ingestion: ingestion_time,
            last_seq: 0,
            count: 0,
            message_bytes: 0,
            file_bytes: 0,
        };
        for (i, (ts, msg)) in events.iter().enumerate() {
            let seq = s.next_seq + i as u64;
            encode_record(&mut buf, *ts, ingestion_time, seq, msg);
            seqs.push(seq);
            summary.min_ts = summary.min_ts.min(*ts);
            summary.max_ts = summary.max_ts.max(*ts);
            summary.last_seq = seq;
            summary.count += 1;
            summary.message_bytes += msg.len() as u64;
        }
        let roll = s
            .segments
            .last()
            .is_none_or(|seg| seg.file_bytes >= SEGMENT_MAX_BYTES);
        if roll {
            let number = s.segments.last().map_or(1, |seg| seg.number + 1);
            let path = segment_path(&s.dir, number);
            // A file by this number can only be the leftover of a failed
            // (never acknowledged) append: start it afresh.
            let mut f = OpenOptions::new()
                .create(true)
                .write(true)
                .truncate(true)
                .open(&path)
                .map_err(io_err(&path))?;
            f.write_all(&buf).map_err(io_err(&path))?;
            f.sync_all().map_err(io_err(&path))?;
            fsync_dir(&s.dir)?;
            summary.number = number;
            summary.path = path;
            summary.file_bytes = buf.len() as u64;
            s.segments.push(summary);
        } else if let Some(seg) = s.segments.last_mut() {
            let mut f = OpenOptions::new()
                .append(true)
                .open(&seg.path)
                .map_err(io_err(&seg.path))?;
            // A failed earlier append may have left a partial record; cut
            // back to the published length before appending.
            f.set_len(seg.file_bytes).map_err(io_err(&seg.path))?;
            f.write_all(&buf).map_err(io_err(&seg.path))?;
            f.sync_data().map_err(io_err(&seg.path))?;
            seg.min_ts = seg.min_ts.min(summary.min_ts);
            seg.max_ts = seg.max_ts.max(summary.max_ts);
            seg.max_ingestion = seg.max_ingestion.max(ingestion_time);
            seg.last_seq = summary.last_seq;
            seg.count += summary.count;
            seg.message_bytes += summary.message_bytes;
            seg.file_bytes += buf.len() as u64;
        }
        s.next_seq += events.len() as u64;
        Ok(seqs)
    }

    /// Deletes every event older than its group's retention at `now_ms`:
    /// whole segments when they are entirely expired, otherwise the segment
    /// is rewritten without the expired events. Returns events deleted.
    pub fn enforce_retention(&self, now_ms: i64) -> Result<u64> {
        let work: Vec<(i64, Vec<Arc<Mutex<Stream>>>)> = {
            let inner = lock(&self.inner);
            inner
                .groups
                .values()
                .filter_map(|g| {
                    let days = g.meta.retention_days?;
                    let cutoff = now_ms - i64::from(days) * DAY_MS;
                    Some((cutoff, g.streams.values().cloned().collect()))
                })
                .collect()
        };
        let mut deleted = 0u64;
        for (cutoff, streams) in work {
            for stream in streams {
                let mut s = lock(&stream);
                if s.deleted {
                    continue;
                }
                deleted += expire_stream(&mut s, cutoff)?;
            }
        }
        Ok(deleted)
    }

    /// Bytes on disk in segment files, over every group and stream.
    pub fn total_bytes(&self) -> u64 {
        let streams: Vec<Arc<Mutex<Stream>>> = {
            let inner = lock(&self.inner);
            inner
                .groups
                .values()
                .flat_map(|g| g.streams.values().cloned())
                .collect()
        };
        streams
            .iter()
            .map(|s| {
                lock(s)
                    .segments
                    .iter()
                    .map(|seg| seg.file_bytes)
                    .sum::<u64>()
            })
            .sum()
    }

    /// Enforces the store's size cap: while the segment files total more
    /// than `max_bytes`, deletes whole segments, oldest first by their
    /// latest ingestion time, across every group and stream (a stream's
    /// open segment too, when nothing older is left). Only the in-memory
    /// summaries are consulted: one entry per segment, the size of the time
    /// index itself. Returns (segments deleted, bytes freed).
    pub fn enforce_size_cap(&self, max_bytes: u64) -> Result<(u64, u64)> {
        let streams: Vec<Arc<Mutex<Stream>>> = {
            let inner = lock(&self.inner);
            inner
                .groups
                .values()
                .flat_map(|g| g.streams.values().cloned())
                .collect()
        };
        // (max ingestion, segment number, stream index, bytes)
        let mut candidates: Vec<(i64, u64, usize, u64)> = Vec::new();
        let mut total = 0u64;
        for (i, stream) in streams.iter().enumerate() {
            let s = lock(stream);
            if s.deleted {
                continue;
            }
            for seg in &s.segments {
                total += seg.file_bytes;
                candidates.push((seg.max_ingestion, seg.number, i, seg.file_bytes));
            }
        }
        if total <= max_bytes {
            return Ok((0, 0));
        }
        candidates.sort_unstable();
        let (mut segments, mut freed) = (0u64, 0u64);
        for (_, number, i, _) in candidates {
            if total - freed <= max_bytes {
                break;
            }
            let mut s = lock(&streams[i]);
            if s.deleted {
                continue;
            }
            let Some(pos) = s.segments.iter().position(|seg| seg.number == number) else {
                continue; // rewritten or deleted meanwhile
            };
            let seg = s.segments.remove(pos);
            fs::remove_file(&seg.path).map_err(io_err(&seg.path))?;
            fsync_dir(&s.dir)?;
            segments += 1;
            freed += seg.file_bytes;
        }
        Ok((segments, freed))
    }
}

fn expire_stream(s: &mut Stream, cutoff: i64) -> Result<u64> {
    let mut deleted = 0u64;
    let mut kept = Vec::with_capacity(s.segments.len());
    let mut changed = false;
    for seg in std::mem::take(&mut s.segments) {
        if seg.max_ts < cutoff {
            fs::remove_file(&seg.path).map_err(io_err(&seg.path))?;
            deleted += seg.count;
            changed = true;
        } else if seg.min_ts < cutoff {
            let (new_seg, gone) = rewrite_segment(&seg, cutoff)?;
            deleted += gone;
            changed = true;
            kept.extend(new_seg);
        } else {
            kept.push(seg);
        }
    }
    s.segments = kept;
    if changed {
        fsync_dir(&s.dir)?;
    }
    Ok(deleted)
}

/// Copies the events at or after `cutoff` into a fresh file that replaces
/// the segment atomically.
fn rewrite_segment(seg: &Segment, cutoff: i64) -> Result<(Option<Segment>, u64)> {
    let file = File::open(&seg.path).map_err(io_err(&seg.path))?;
    let mut buf = Vec::new();
    let mut out = Segment {
        min_ts: i64::MAX,
        max_ts: i64::MIN,
        max_ingestion: i64::MIN,
        count: 0,
        message_bytes: 0,
        ..seg.clone()
    };
    let mut gone = 0u64;
    read_records(&mut BufReader::new(file.take(seg.file_bytes)), |ev| {
        if ev.timestamp < cutoff {
            gone += 1;
        } else {
            out.min_ts = out.min_ts.min(ev.timestamp);
            out.max_ts = out.max_ts.max(ev.timestamp);
            out.max_ingestion = out.max_ingestion.max(ev.ingestion_time);
            out.count += 1;
            out.message_bytes += ev.message.len() as u64;
            encode_record(
                &mut buf,
                ev.timestamp,
                ev.ingestion_time,
                ev.seq,
                &ev.message,
            );
        }
        true
    })
    .map_err(io_err(&seg.path))?;
    if out.count == 0 {
        fs::remove_file(&seg.path).map_err(io_err(&seg.path))?;
        return Ok((None, gone));
    }
    let tmp = seg.path.with_extension("seg.tmp");
    let mut f = File::create(&tmp).map_err(io_err(&tmp))?;
    f.write_all(&buf).map_err(io_err(&tmp))?;
    f.sync_all().map_err(io_err(&tmp))?;
    fs::rename(&tmp, &seg.path).map_err(io_err(&seg.path))?;
    out.file_bytes = buf.len() as u64;
    Ok((Some(out), gone))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn events(range: std::ops::Range<i64>) -> Vec<(i64, String)> {
        range.map(|i| (i * 1000, format!("line {i}"))).collect()
    }

    fn collect(h: &StreamHandle, start: i64, end: i64) -> Vec<StoredEvent> {
        let mut out = Vec::new();
        h.scan(start, end, |e| {
            out.push(e.clone());
            true
        })
        .unwrap();
        out
    }

    #[test]
    fn append_and_range_read() {
        let dir = tempfile::tempdir().unwrap();
        let store = LogStore::open(dir.path()).unwrap();
        store.create_group("g", 1, BTreeMap::new()).unwrap();
        store.create_stream("g", "s", 2).unwrap();
        let seqs = store.append("g", "s", &events(0..100), 5).unwrap();
        assert_eq!(seqs.first(), Some(&1));
        assert_eq!(seqs.last(), Some(&100));
        let h = store.stream("g", "s").unwrap();
        let got = collect(&h, 10_000, 20_000);
        assert_eq!(got.len(), 10);
        assert_eq!(got[0].message, "line 10");
        assert_eq!(got[9].seq, 20);
        let info = h.info();
        assert_eq!(info.first_event_timestamp, Some(0));
        assert_eq!(info.last_event_timestamp, Some(99_000));
        assert_eq!(info.last_ingestion_time, Some(5));
        assert!(matches!(
            store.create_stream("g", "s", 3),
            Err(LogStoreError::StreamExists)
        ));
        assert!(matches!(
            store.append("g", "nope", &events(0..1), 5),
            Err(LogStoreError::StreamNotFound)
        ));
    }

    #[test]
    fn range_query_reads_only_overlapping_segments() {
        let dir = tempfile::tempdir().unwrap();
        let store = LogStore::open(dir.path()).unwrap();
        store.create_group("g", 1, BTreeMap::new()).unwrap();
        store.create_stream("g", "s", 1).unwrap();
        let big = "x".repeat(64 * 1024);
        // 40 batches of 4 × 64 KiB → several segments, each a time slice.
        for b in 0..40i64 {
            let batch: Vec<(i64, String)> = (0..4).map(|i| (b * 10 + i, big.clone())).collect();
            store.append("g", "s", &batch, 1).unwrap();
        }
        let h = store.stream("g", "s").unwrap();
        let segs = lock(&h.inner).segments.clone();
        assert!(
            segs.len() >= 3,
            "expected several segments, got {}",
            segs.len()
        );
        // Remove every segment but the one holding ts 395..: a query for
        // that range must still answer, proving it never opens the others.
        let last = segs.last().unwrap().clone();
        for s in &segs[..segs.len() - 1] {
            fs::rename(&s.path, s.path.with_extension("moved")).unwrap();
        }
        let got = collect(&h, 393, 400);
        assert_eq!(
            got.iter().map(|e| e.timestamp).collect::<Vec<_>>(),
            vec![393]
        );
        assert!(last.min_ts <= 393);
        assert!(h.scan(0, 10, |_| true).is_err(), "early segment is gone");
    }

    #[test]
    fn survives_restart_and_truncates_torn_tail() {
        let dir = tempfile::tempdir().unwrap();
        {
            let store = LogStore::open(dir.path()).unwrap();
            let mut tags = BTreeMap::new();
            tags.insert("k".to_string(), "v".to_string());
            store.create_group("a/b", 7, tags).unwrap();
            store
                .update_group("a/b", |m| m.retention_days = Some(3))
                .unwrap();
            store.create_stream("a/b", "web/app/123", 8).unwrap();
            store
                .append("a/b", "web/app/123", &events(0..10), 9)
                .unwrap();
        }
        // Simulate a crash mid-append: a partial record at the end.
        let seg = fs::read_dir(dir.path().join("g00000001/s00000001"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| p.extension().is_some_and(|x| x == "seg"))
            .unwrap();
        let good_len = fs::metadata(&seg).unwrap().len();
        OpenOptions::new()
            .append(true)
            .open(&seg)
            .unwrap()
            .write_all(&[9, 0, 0, 0, 1, 2])
            .unwrap();
        let store = LogStore::open(dir.path()).unwrap();
        assert_eq!(fs::metadata(&seg).unwrap().len(), good_len);
        let g = store.group("a/b").unwrap();
        assert_eq!(g.retention_days, Some(3));
        assert_eq!(g.tags.get("k").map(String::as_str), Some("v"));
        let h = store.stream("a/b", "web/app/123").unwrap();
        assert_eq!(collect(&h, i64::MIN, i64::MAX).len(), 10);
        // Sequence numbers continue after the restart.
        let seqs = store
            .append("a/b", "web/app/123", &events(10..12), 10)
            .unwrap();
        assert_eq!(seqs, vec![11, 12]);
        assert_eq!(collect(&h, i64::MIN, i64::MAX).len(), 12);
    }

    #[test]
    fn retention_deletes_expired_events_from_disk() {
        let dir = tempfile::tempdir().unwrap();
        let store = LogStore::open(dir.path()).unwrap();
        store.create_group("g", 1, BTreeMap::new()).unwrap();
        store.create_stream("g", "s", 1).unwrap();
        let now = 100 * DAY_MS;
        // One old segment worth, then a batch straddling the cut-off.
        let old: Vec<(i64, String)> = (0..3)
            .map(|i| (now - 5 * DAY_MS + i, "old".into()))
            .collect();
        store.append("g", "s", &old, now).unwrap();
        let mixed = vec![
            (now - 2 * DAY_MS, "expired".to_string()),
            (now - DAY_MS / 2, "fresh".to_string()),
        ];
        store.append("g", "s", &mixed, now).unwrap();
        // No retention: nothing goes.
        assert_eq!(store.enforce_retention(now).unwrap(), 0);
        store
            .update_group("g", |m| m.retention_days = Some(1))
            .unwrap();
        assert_eq!(store.enforce_retention(now).unwrap(), 4);
        let h = store.stream("g", "s").unwrap();
        let left = collect(&h, i64::MIN, i64::MAX);
        assert_eq!(left.len(), 1);
        assert_eq!(left[0].message, "fresh");
        // Really gone from disk, also after a restart.
        drop(h);
        drop(store);
        let store = LogStore::open(dir.path()).unwrap();
        let h = store.stream("g", "s").unwrap();
        assert_eq!(collect(&h, i64::MIN, i64::MAX).len(), 1);
    }

    #[test]
    fn size_cap_deletes_oldest_segments_across_groups() {
        let dir = tempfile::tempdir().unwrap();
        let store = LogStore::open(dir.path()).unwrap();
        for g in ["a", "b"] {
            store.create_group(g, 1, BTreeMap::new()).unwrap();
            store.create_stream(g, "s", 1).unwrap();
        }
        let big = "x".repeat(256 * 1024);
        // Interleave ingestion times: a gets 1..=8, b gets 101..=108 (newer).
        for i in 0..8i64 {
            let batch: Vec<(i64, String)> = (0..2).map(|k| (i * 10 + k, big.clone())).collect();
            store.append("a", "s", &batch, 1 + i).unwrap();
            store.append("b", "s", &batch, 101 + i).unwrap();
        }
        let total = store.total_bytes();
        assert!(total > 8 * 1024 * 1024, "total {total}");
        // Under the cap: nothing happens.
        assert_eq!(store.enforce_size_cap(total).unwrap(), (0, 0));
        // Eight equal segments: room for five.
        let cap = total - 3 * (total / 8);
        let (segs, freed) = store.enforce_size_cap(cap).unwrap();
        assert!(segs > 0);
        assert_eq!(store.total_bytes(), total - freed);
        assert!(store.total_bytes() <= cap);
        // The oldest data (group a) went first; b, newer, is untouched.
        let a = store.stream("a", "s").unwrap();
        let b = store.stream("b", "s").unwrap();
        assert!(collect(&a, i64::MIN, i64::MAX).len() < 16);
        assert_eq!(collect(&b, i64::MIN, i64::MAX).len(), 16);
        // The files are really gone: the cap holds after a restart too, and
        // what is left is the newest part of a, in order.
        drop((a, b));
        drop(store);
        let store = LogStore::open(dir.path()).unwrap();
        assert_eq!(store.total_bytes(), total - freed);
        let a = store.stream("a", "s").unwrap();
        let left: Vec<i64> = collect(&a, i64::MIN, i64::MAX)
            .iter()
            .map(|e| e.timestamp)
            .collect();
        assert!(left.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(left.last(), Some(&71));
        // A cap below everything empties the store, and appends still work.
        store.enforce_size_cap(0).unwrap();
        assert_eq!(store.total_bytes(), 0);
        store.append("a", "s", &events(0..2), 500).unwrap();
        let a = store.stream("a", "s").unwrap();
        assert_eq!(collect(&a, i64::MIN, i64::MAX).len(), 2);
    }

    #[test]
    fn delete_group_and_stream() {
        let dir = tempfile::tempdir().unwrap();
        let store = LogStore::open(dir.path()).unwrap();
        store.create_group("g", 1, BTreeMap::new()).unwrap();
        store.create_stream("g", "s", 1).unwrap();
        store.create_stream("g", "t", 1).unwrap();
        store.delete_stream("g", "s").unwrap();
        assert!(matches!(
            store.stream("g", "s"),
            Err(LogStoreError::StreamNotFound)
        ));
        store.delete_group("g").unwrap();
        assert!(store.group("g").is_none());
        let store = LogStore::open(dir.path()).unwrap();
        assert!(store.groups().is_empty());
        store.create_group("g", 1, BTreeMap::new()).unwrap();
        assert!(store.streams("g").unwrap().is_empty());
    }
}
