//! STS: GetCallerIdentity, AssumeRole, and the platform path
//! [`IamService::mint_role_credentials`] (task roles).
//!
//! A temporary credential is `ASIA…` + a session token
//! `base64url(payload).base64url(HMAC)` ([`super::crypto`]); its secret is
//! derived from the key id, so nothing per session is stored. The resolver
//! re-checks the signature, the key id, the expiry and that the role still
//! exists with the same id.

use gantry_api_types::ApiError;
use gantry_iam_policy::{evaluate_trust, Context, Decision, PolicyDocument, PolicyKind};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use super::ops::check_len;
use super::query::{validation, Params};
use super::*;
use crate::http::RequestContext;

/// Bounds of `DurationSeconds`.
pub const MIN_SESSION_SECS: i64 = 900;
pub const MAX_SESSION_SECS: i64 = 43200;
/// The service principal task roles must trust.
pub const ECS_TASKS_SERVICE: &str = "ecs-tasks.amazonaws.com";

/// What a session token carries (signed).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct SessionPayload {
    /// Access key id the token belongs to.
    pub k: String,
    /// Role name.
    pub r: String,
    /// Role id at issue time (a re-created role does not honour old tokens).
    pub i: String,
    /// Session name.
    pub s: String,
    /// Expiry, epoch seconds.
    pub e: i64,
}

impl IamService {
    /// Runs one STS action. `GetCallerIdentity` needs no permission;
    /// `AssumeRole` checks the caller's identity policies and the trust
    /// policy itself.
    pub async fn handle_sts(
        &self,
        ctx: &RequestContext,
        action: &str,
        p: &Params,
    ) -> Result<Value, ApiError> {
        match action {
            "GetCallerIdentity" => Ok(self.caller_identity(ctx)),
            "AssumeRole" => self.assume_role(ctx, p).await,
            other => Err(ApiError::new(
                "InvalidAction",
                400,
                format!("Could not find operation {other} for version 2011-06-15"),
            )),
        }
    }

    fn caller_identity(&self, ctx: &RequestContext) -> Value {
        let pr = &ctx.principal;
        let user_id = pr.user_id.clone().unwrap_or_else(|| pr.account_id.clone());
        json!({"UserId": user_id, "Account": pr.account_id, "Arn": pr.arn})
    }

    async fn assume_role(&self, ctx: &RequestContext, p: &Params) -> Result<Value, ApiError> {
        let role_arn = p.required("RoleArn")?;
        check_len(role_arn, "roleArn", 20, 2048)?;
        let session = p.required("RoleSessionName")?;
        check_len(session, "roleSessionName", 2, 64)?;
        if !session
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || "+=,.@-".contains(c))
        {
            return Err(validation(&format!(
                "Value '{session}' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*"
            )));
        }
        let duration = p.int("DurationSeconds")?.unwrap_or(3600);
        if !(MIN_SESSION_SECS..=MAX_SESSION_SECS).contains(&duration) {
            return Err(validation(&format!(
                "Value '{duration}' at 'durationSeconds' failed to satisfy constraint: Member must have value {} {MAX_SESSION_SECS}",
                if duration < MIN_SESSION_SECS { "greater than or equal to 900; less than or equal to" } else { "less than or equal to" }
            )));
        }
        let denied = || {
            ApiError::new(
                "AccessDenied",
                403,
                format!(
                    "User: {} is not authorized to perform: sts:AssumeRole on resource: {role_arn}",
                    ctx.principal.arn
                ),
            )
        };
        let role = self.role_by_arn(role_arn).await?.ok_or_else(denied)?;
        let now = self.clock.now();
        let mut cond =
            authz::global_context(&ctx.principal, ctx.source_ip, now, &self.identity.region);
        // The caller's own policies must allow sts:AssumeRole on the role.
        if !ctx.principal.is_root {
            let policies = self.principal_policies(&ctx.principal).await?;
            let d = gantry_iam_policy::evaluate(&policies, "sts:AssumeRole", &role.arn, &cond);
            if d != Decision::Allow {
                return Err(denied());
            }
        }
        let trust = PolicyDocument::parse(&role.trust_policy, PolicyKind::Trust)
            .map_err(|e| crate::state::internal(format!("stored trust policy: {e}")))?;
        cond.set_one("sts:RoleSessionName", session);
        let d = evaluate_trust(
            &trust,
            &ctx.principal.arn,
            self.account(),
            "sts:AssumeRole",
            &cond,
        );
        if d != Decision::Allow {
            return Err(denied());
        }
        if duration as u64 > role.max_session_duration {
            return Err(ApiError::new(
                "ValidationError",
                400,
                "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.",
            ));
        }
        let creds = self.issue(&role, session, duration as u64, now);
        Ok(json!({
            "Credentials": {
                "AccessKeyId": creds.access_key_id,
                "SecretAccessKey": creds.secret_access_key,
                "SessionToken": creds.session_token,
                "Expiration": iso(creds.expiration),
            },
            "AssumedRoleUser": {
                "AssumedRoleId": creds.assumed_role_id,
                "Arn": creds.assumed_role_arn,
            },
            "PackedPolicySize": 0,
        }))
    }

    /// A role by ARN (exact match, path included).
    pub async fn role_by_arn(&self, arn: &str) -> Result<Option<RoleRecord>, ApiError> {
        let prefix = format!("arn:aws:iam::{}:role/", self.account());
        let Some(rest) = arn.strip_prefix(&prefix) else {
            return Ok(None);
        };
        let name = rest.rsplit('/').next().unwrap_or(rest);
        Ok(self.role(name).await?.filter(|r| r.arn == arn))
    }

    fn issue(
        &self,
        role: &RoleRecord,
        session: &str,
        duration: u64,
        now: f64,
    ) -> TemporaryCredentials {
        let id = crate::credentials::generate().access_key_id;
        let access_key_id = format!("ASIA{}", &id[4..]);
        let expiration = now.floor() + duration as f64;
        let payload = SessionPayload {
            k: access_key_id.clone(),
            r: role.name.clone(),
            i: role.role_id.clone(),
            s: session.to_string(),
            e: expiration as i64,
        };
        let bytes = serde_json::to_vec(&payload).expect("payload serialises");
        TemporaryCredentials {
            secret_access_key: self.keys.session_secret(&access_key_id),
            session_token: self.keys.sign_token(&bytes),
            access_key_id,
            expiration,
            assumed_role_arn: format!(
                "arn:aws:sts::{}:assumed-role/{}/{session}",
                self.account(),
                role.name
            ),
            assumed_role_id: format!("{}:{session}", role.role_id),
        }
    }

    /// Credentials for `role_arn` on behalf of the platform (task roles):
    /// no caller policy is checked, but the role must exist and trust the
    /// service `ecs-tasks.amazonaws.com`. `duration_secs` is clamped to
    /// 900..=the role's MaxSessionDuration.
    pub async fn mint_role_credentials(
        &self,
        role_arn: &str,
        session_name: &str,
        duration_secs: u64,
        now: f64,
    ) -> Result<TemporaryCredentials, IamError> {
        let role = self.role_by_arn(role_arn).await?.ok_or_else(|| {
            ApiError::new(
                "NoSuchEntity",
                404,
                format!("The role with name {role_arn} cannot be found."),
            )
        })?;
        let trust = PolicyDocument::parse(&role.trust_policy, PolicyKind::Trust)
            .map_err(|e| crate::state::internal(format!("stored trust policy: {e}")))?;
        let mut ctx = Context::new();
        ctx.set_one("gantry:service", ECS_TASKS_SERVICE);
        let d = evaluate_trust(&trust, "", self.account(), "sts:AssumeRole", &ctx);
        if d != Decision::Allow {
            return Err(ApiError::new(
                "AccessDenied",
                403,
                format!("Role {role_arn} does not trust {ECS_TASKS_SERVICE}."),
            ));
        }
        let duration = duration_secs.clamp(MIN_SESSION_SECS as u64, role.max_session_duration);
        Ok(self.issue(&role, session_name, duration, now))
    }

    /// The verified payload of a session token for `access_key_id`.
    pub fn verify_session(&self, access_key_id: &str, token: &str) -> Option<SessionPayload> {
        let bytes = self.keys.verify_token(token)?;
        let payload: SessionPayload = serde_json::from_slice(&bytes).ok()?;
        (payload.k == access_key_id).then_some(payload)
    }
}
