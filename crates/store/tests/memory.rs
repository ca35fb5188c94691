//! Runs the store conformance suite against [`MemoryStore`].

use gantry_store::conformance::TestConfig;
use gantry_store::memory::{MemoryOptions, MemoryStore};

gantry_store::store_conformance_tests!(|cfg: TestConfig| async move {
    MemoryStore::with_options(MemoryOptions {
        history_limit: cfg.history_limit,
        watch_buffer: cfg.watch_buffer,
    })
});
