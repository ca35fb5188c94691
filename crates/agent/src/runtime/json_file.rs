//! Follows a container's `json-file` log straight from the Engine's files,
//! for the awslogs shipper: the same lines, timestamps and sources as the
//! Engine's logs API (`GET /containers/{id}/logs?follow=1&timestamps=1`),
//! without the Engine decoding, re-framing and streaming every line (that
//! path tops out at ~75,000 lines/s of dockerd's CPU here, below what a
//! busy container writes).
//!
//! - Used only when the Engine's files are readable by the agent (same
//!   host, `LogPath` from inspect) and uncompressed (`compress` unset);
//!   [`super::docker`] falls back to the logs API otherwise.
//! - Start: the current file is opened first, then the rotated ones
//!   (`LogPath.N` … `LogPath.1`, oldest first, each skipped when it is the
//!   file already open); lines not newer than the last one delivered are
//!   skipped, so a rotation during the start duplicates nothing.
//! - Follow: at the end of the file, a rotation (the path names another
//!   file) is taken by reading the old file to its end, then the files
//!   rotated after it (found by the old file's inode among `LogPath.N`),
//!   then the new one from its start; a truncation (`max-file` 1) rewinds. An idle file is
//!   re-read after a delay growing from 5 ms to [`MAX_IDLE`] (one `read`
//!   returning nothing per check).
//! - End: once the container has stopped (`exited` resolves: the Engine
//!   answers a wait only after its log copier is closed), the file is read
//!   to its end and the stream ends, as the API's follow stream does.
//! - A line being written (no newline yet) waits for the rest.

use super::{LogLine, LogSource, RuntimeError};
use futures::stream::{BoxStream, StreamExt};
use serde::Deserialize;
use std::collections::VecDeque;
use std::future::Future;
use std::io::{Read, Seek, SeekFrom};
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::pin::Pin;
use std::time::Duration;

/// Longest wait before an idle log file is read again.
pub const MAX_IDLE: Duration = Duration::from_millis(100);
const READ_CHUNK: usize = 128 * 1024;

/// One entry of a json-file log.
#[derive(Deserialize)]
struct Entry<'a> {
    #[serde(borrow)]
    log: std::borrow::Cow<'a, str>,
    #[serde(default)]
    stream: &'a str,
    time: &'a str,
}

/// Parses one json-file line into the API's [`LogLine`] (message without
/// its newline and a trailing `\r`, like the API path).
pub fn parse_entry(line: &[u8]) -> Option<LogLine> {
    let e: Entry = serde_json::from_slice(line).ok()?;
    let timestamp_ns = chrono::DateTime::parse_from_rfc3339(e.time)
        .ok()?
        .timestamp_nanos_opt()?;
    let msg = e.log.strip_suffix('\n').unwrap_or(&e.log);
    let msg = msg.strip_suffix('\r').unwrap_or(msg);
    Some(LogLine {
        timestamp_ns,
        source: if e.stream == "stderr" {
            LogSource::Stderr
        } else {
            LogSource::Stdout
        },
        message: msg.to_string(),
    })
}

/// One open log file and where its unread bytes start.
struct Open {
    file: std::fs::File,
    ino: u64,
    /// Bytes read so far.
    offset: u64,
    /// The tail of the last read that is not a whole line yet.
    partial: Vec<u8>,
    buf: Vec<u8>,
}

impl Open {
    fn new(path: &Path) -> std::io::Result<Self> {
        let file = std::fs::File::open(path)?;
        let ino = file.metadata()?.ino();
        Ok(Open {
            file,
            ino,
            offset: 0,
            partial: Vec::new(),
            buf: Vec::new(),
        })
    }

    /// Reads what is there (up to a chunk); whole lines go to `out`.
    /// Returns the bytes read (0 at the end of the file).
    fn read_lines(&mut self, since_ns: i64, out: &mut Vec<LogLine>) -> std::io::Result<usize> {
        // Page-cache reads of at most a chunk: short enough to run on the
        // async worker.
        self.buf.resize(READ_CHUNK, 0);
        let n = self.file.read(&mut self.buf)?;
        self.offset += n as u64;
        let mut data = &self.buf[..n];
        while let Some(i) = data.iter().position(|b| *b == b'\n') {
            let (line, rest) = data.split_at(i);
            data = &rest[1..];
            let parsed = if self.partial.is_empty() {
                parse_entry(line)
            } else {
                self.partial.extend_from_slice(line);
                let p = parse_entry(&self.partial);
                self.partial.clear();
                p
            };
            if let Some(l) = parsed {
                if l.timestamp_ns > since_ns {
                    out.push(l);
                }
            }
        }
        self.partial.extend_from_slice(data);
        if n == 0 {
            // Caught up: an idle follower holds no read buffer.
            self.buf = Vec::new();
        }
        Ok(n)
    }
}

/// The rotated files of `path` (`path.N` … `path.1`, oldest first) to read
/// before `current`: those rotated after the file whose inode is `after`
/// (all of them when it is `None` or gone already: lines delivered before
/// are skipped by their timestamps), never `current` or `after` itself.
fn rotated_after(path: &Path, after: Option<u64>, current: u64) -> Vec<Open> {
    let mut files = Vec::new();
    for n in 1.. {
        match Open::new(Path::new(&format!("{}.{n}", path.display()))) {
            Ok(f) => files.push(f),
            Err(_) => break,
        }
    }
    files.reverse();
    if let Some(i) = after.and_then(|ino| files.iter().position(|f| f.ino == ino)) {
        files.drain(..=i);
    }
    files.retain(|f| f.ino != current && Some(f.ino) != after);
    files
}

struct Follow {
    path: PathBuf,
    /// Rotated files still to read before `current`, oldest first.
    backlog: VecDeque<Open>,
    current: Open,
    /// Newest line delivered (lines not newer are skipped).
    last_ns: i64,
    exited: Option<Pin<Box<dyn Future<Output = ()> + Send>>>,
    idle: Duration,
    done: bool,
}

impl Follow {
    /// The next lines (empty only at the end).
    async fn next(&mut self) -> Result<Vec<LogLine>, RuntimeError> {
        let io = |e: std::io::Error| RuntimeError::Refused {
            op: "read container log file",
            message: e.to_string(),
        };
        loop {
            if self.done {
                return Ok(Vec::new());
            }
            let mut out = Vec::new();
            // Rotated files first, each to its end.
            while let Some(f) = self.backlog.front_mut() {
                while out.is_empty() && f.read_lines(self.last_ns, &mut out).map_err(io)? > 0 {}
                if out.is_empty() {
                    self.backlog.pop_front();
                } else {
                    return Ok(self.deliver(out));
                }
            }
            let stopped = self.exited.is_none();
            let n = self
                .current
                .read_lines(self.last_ns, &mut out)
                .map_err(io)?;
            if !out.is_empty() {
                self.idle = Duration::from_millis(5);
                return Ok(self.deliver(out));
            }
            if n > 0 {
                continue;
            }
            // At the end of the current file: rotated or truncated?
            match std::fs::metadata(&self.path) {
                Ok(m) if m.ino() != self.current.ino => {
                    // Docker writes no more to the renamed file: read its
                    // rest, then the files rotated after it (several
                    // rotations may have happened since the last look),
                    // then the new one from its start.
                    let next = Open::new(&self.path).map_err(io)?;
                    let old = std::mem::replace(&mut self.current, next);
                    let newer = rotated_after(&self.path, Some(old.ino), self.current.ino);
                    self.backlog.push_back(old);
                    self.backlog.extend(newer);
                    continue;
                }
                Ok(_) => {
                    let len = self.current.file.metadata().map_err(io)?.len();
                    if len < self.current.offset {
                        self.current.file.seek(SeekFrom::Start(0)).map_err(io)?;
                        self.current.offset = 0;
                        self.current.partial.clear();
                        continue;
                    }
                }
                // The container (and its files) was removed: its exit ends
                // the stream.
                Err(_) => {}
            }
            if stopped {
                // Stopped, and everything it wrote was read.
                self.done = true;
                return Ok(Vec::new());
            }
            let wait = self.idle;
            self.idle = (self.idle * 2).min(MAX_IDLE);
            let ex = self.exited.as_mut().expect("not exited");
            tokio::select! {
                _ = ex => {
                    // Read once more to the end before ending.
                    self.exited = None;
                }
                _ = tokio::time::sleep(wait) => {}
            }
        }
    }

    fn deliver(&mut self, out: Vec<LogLine>) -> Vec<LogLine> {
        if let Some(l) = out.last() {
            self.last_ns = self.last_ns.max(l.timestamp_ns);
        }
        out
    }
}

/// Follows `path` (a container's `LogPath`) from lines newer than
/// `since_ns` until `exited` resolves and everything is read. Fails (for
/// the caller to fall back) when the file cannot be opened.
pub fn follow(
    path: PathBuf,
    since_ns: i64,
    exited: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<BoxStream<'static, Result<LogLine, RuntimeError>>> {
    // The current file first: a rotation meanwhile makes it one of the
    // rotated files, which are then skipped by inode.
    let current = Open::new(&path)?;
    let backlog = rotated_after(&path, None, current.ino).into();
    let state = Follow {
        path,
        backlog,
        current,
        last_ns: since_ns,
        exited: Some(Box::pin(exited)),
        idle: Duration::from_millis(5),
        done: false,
    };
    Ok(futures::stream::unfold(state, |mut s| async move {
        match s.next().await {
            Ok(lines) if lines.is_empty() => None,
            Ok(lines) => Some((futures::stream::iter(lines.into_iter().map(Ok)).boxed(), s)),
            Err(e) => {
                s.done = true;
                Some((futures::stream::iter([Err(e)]).boxed(), s))
            }
        }
    })
    .flatten()
    .boxed())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn entry(msg: &str, stream: &str, ns: i64) -> String {
        let t = chrono::DateTime::from_timestamp_nanos(ns)
            .to_rfc3339_opts(chrono::SecondsFormat::Nanos, true);
        format!(
            "{}\n",
            serde_json::json!({"log": msg, "stream": stream, "time": t})
        )
    }

    const T0: i64 = 1_700_000_000_000_000_000;

    #[test]
    fn entries_parse_like_the_api() {
        let l = parse_entry(entry("hello\r\n", "stderr", T0).trim_end().as_bytes()).unwrap();
        assert_eq!(l.message, "hello");
        assert_eq!(l.source, LogSource::Stderr);
        assert_eq!(l.timestamp_ns, T0);
        // A partial message (over 16 KiB, split by Docker) has no newline.
        let l = parse_entry(entry("part", "stdout", T0 + 1).trim_end().as_bytes()).unwrap();
        assert_eq!((l.message.as_str(), l.source), ("part", LogSource::Stdout));
        assert!(parse_entry(b"{\"log\": 3}").is_none());
    }

    async fn collect_until(
        s: &mut BoxStream<'static, Result<LogLine, RuntimeError>>,
        n: usize,
    ) -> Vec<String> {
        let mut got = Vec::new();
        while got.len() < n {
            let l = tokio::time::timeout(Duration::from_secs(5), s.next())
                .await
                .expect("line in time")
                .expect("stream open")
                .unwrap();
            got.push(l.message);
        }
        got
    }

    /// Lines written in pieces, a rotation, a line newer than the cursor
    /// only, and the end once the container has exited.
    #[tokio::test]
    async fn follows_rotations_and_ends_after_exit() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c-json.log");
        let mut f = std::fs::File::create(&path).unwrap();
        // a0 is at the cursor: skipped.
        f.write_all(entry("a0\n", "stdout", T0).as_bytes()).unwrap();
        f.write_all(entry("a1\n", "stdout", T0 + 1).as_bytes())
            .unwrap();
        let (tx, rx) = tokio::sync::oneshot::channel::<()>();
        let mut s = follow(path.clone(), T0, async move {
            let _ = rx.await;
        })
        .unwrap();
        assert_eq!(collect_until(&mut s, 1).await, ["a1"]);
        // Half a line, then its rest.
        let line = entry("a2\n", "stderr", T0 + 2);
        let (head, tail) = line.split_at(7);
        f.write_all(head.as_bytes()).unwrap();
        f.flush().unwrap();
        tokio::time::sleep(Duration::from_millis(30)).await;
        f.write_all(tail.as_bytes()).unwrap();
        assert_eq!(collect_until(&mut s, 1).await, ["a2"]);
        // Rotation: the last lines of the old file, then the new file.
        f.write_all(entry("a3\n", "stdout", T0 + 3).as_bytes())
            .unwrap();
        std::fs::rename(&path, dir.path().join("c-json.log.1")).unwrap();
        let mut g = std::fs::File::create(&path).unwrap();
        g.write_all(entry("b0\n", "stdout", T0 + 4).as_bytes())
            .unwrap();
        assert_eq!(collect_until(&mut s, 2).await, ["a3", "b0"]);
        // Exit: what is left is read, then the stream ends.
        g.write_all(entry("b1\n", "stdout", T0 + 5).as_bytes())
            .unwrap();
        tx.send(()).unwrap();
        assert_eq!(collect_until(&mut s, 1).await, ["b1"]);
        let end = tokio::time::timeout(Duration::from_secs(5), s.next())
            .await
            .unwrap();
        assert!(end.is_none());
    }

    /// A start reads the rotated files first (oldest first), skipping what
    /// the cursor covers; a truncated file is read again from its start.
    #[tokio::test]
    async fn starts_with_rotated_files_and_survives_truncation() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c-json.log");
        std::fs::write(
            format!("{}.2", path.display()),
            entry("r0\n", "stdout", T0) + &entry("r1\n", "stdout", T0 + 1),
        )
        .unwrap();
        std::fs::write(
            format!("{}.1", path.display()),
            entry("r2\n", "stdout", T0 + 2),
        )
        .unwrap();
        std::fs::write(&path, entry("c0\n", "stdout", T0 + 3)).unwrap();
        let (_tx, rx) = tokio::sync::oneshot::channel::<()>();
        let mut s = follow(path.clone(), T0, async move {
            let _ = rx.await;
        })
        .unwrap();
        assert_eq!(collect_until(&mut s, 3).await, ["r1", "r2", "c0"]);
        // Truncated in place and written again (shorter than before).
        std::fs::write(&path, entry("d\n", "stdout", T0 + 4)).unwrap();
        assert_eq!(collect_until(&mut s, 1).await, ["d"]);
    }

    /// Two rotations between two looks: the file rotated in between (never
    /// opened as the current one) is read too, in order.
    #[tokio::test]
    async fn reads_every_file_of_several_rotations() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c-json.log");
        let at = |n: usize| dir.path().join(format!("c-json.log.{n}"));
        std::fs::write(&path, entry("a0\n", "stdout", T0 + 1)).unwrap();
        let (_tx, rx) = tokio::sync::oneshot::channel::<()>();
        let mut s = follow(path.clone(), T0, async move {
            let _ = rx.await;
        })
        .unwrap();
        assert_eq!(collect_until(&mut s, 1).await, ["a0"]);
        let mut a = std::fs::OpenOptions::new()
            .append(true)
            .open(&path)
            .unwrap();
        a.write_all(entry("a1\n", "stdout", T0 + 2).as_bytes())
            .unwrap();
        std::fs::rename(&path, at(1)).unwrap();
        std::fs::write(&path, entry("b0\n", "stdout", T0 + 3)).unwrap();
        std::fs::rename(at(1), at(2)).unwrap();
        std::fs::rename(&path, at(1)).unwrap();
        std::fs::write(&path, entry("c0\n", "stdout", T0 + 4)).unwrap();
        assert_eq!(collect_until(&mut s, 3).await, ["a1", "b0", "c0"]);
    }

    #[test]
    fn a_missing_file_is_an_error_for_the_fallback() {
        let dir = tempfile::tempdir().unwrap();
        assert!(follow(dir.path().join("none"), 0, async {}).is_err());
    }
}
