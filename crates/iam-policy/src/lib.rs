//! IAM policies for Gantry: the JSON policy grammar ([`policy`]), evaluation
//! ([`eval`]), and the map from ECS / CloudWatch Logs operations to the
//! authorization requests they need ([`actions`]). Pure: no I/O, no clock
//! (`aws:CurrentTime` and friends arrive in the [`Context`]).
//!
//! # Evaluation order (single account, identity-based policies)
//!
//! For one (action, resource, context):
//! 1. Every statement of every policy of the principal is matched: its
//!    `Action` matches (or `NotAction` does not), its `Resource` matches (or
//!    `NotResource` does not; policy variables substituted from the context),
//!    and every condition holds (operators ANDed, keys ANDed, a key's values
//!    ORed; missing keys make positive operators false, negated operators and
//!    `…IfExists` true).
//! 2. Any matching `Deny` → [`Decision::ExplicitDeny`] (wins over everything).
//! 3. Else any matching `Allow` → [`Decision::Allow`].
//! 4. Else → [`Decision::ImplicitDeny`].
//!
//! An API call is allowed only when every resource of every
//! [`ActionRequest`] it maps to is allowed. Trust policies
//! ([`evaluate_trust`]) use the same rules with `Principal`/`NotPrincipal`
//! matching in place of `Resource`.

pub mod actions;
pub mod eval;
pub mod policy;

pub use actions::{
    ecs_requests, logs_requests, ActionRequest, ArnScope, ECS_OPERATIONS, LOGS_OPERATIONS,
};
pub use eval::{evaluate, evaluate_trust, Context, Decision};
pub use policy::{non_whitespace_len, PolicyDocument, PolicyError, PolicyKind};
