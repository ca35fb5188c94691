//! Whole-system tests without Docker: the real control plane (HTTP, SigV4,
//! handlers, store) on 127.0.0.1:0 and real agents (`gantry_agent::run`)
//! driving the stateful `FakeRuntime`, talking over loopback.

mod system;
