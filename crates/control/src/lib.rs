//! The Gantry control plane: HTTP routing and SigV4 authentication, the ECS
//! handlers, reconcilers and the agent sync endpoint.

pub mod auth;
pub mod clock;
pub mod connectivity;
pub mod credentials;
pub mod ecs;
pub mod hosts;
pub mod http;
pub mod logs;
pub mod server;
pub mod state;
