//! Authorization: the identity policies of the caller, evaluated by
//! `gantry-iam-policy` for every resource an action touches, with the
//! global condition keys and the target resources' tags.
//!
//! Root is allowed everything. Any resource whose decision is not `Allow`
//! denies the whole call with `AccessDeniedException` and AWS's message
//! naming the principal, action and resource. This runs before the
//! handler, so a denied call changes nothing.

use std::net::IpAddr;
use std::sync::Arc;

use async_trait::async_trait;
use gantry_api_types::ApiError;
use gantry_iam_policy::{evaluate, ActionRequest, ArnScope, Context, Decision, PolicyDocument};
use serde_json::Value;

use super::query::Params;
use super::IamService;
use crate::auth::Principal;
use crate::http::{Authorizer, RequestContext};

/// Tags of ECS resources by ARN, for `aws:ResourceTag/*` and
/// `ecs:ResourceTag/*` (implemented over the ECS records in `ecs/authz.rs`).
#[async_trait]
pub trait ResourceTags: Send + Sync {
    /// The resource's tags; empty when it has none or does not exist.
    async fn resource_tags(&self, arn: &str) -> Vec<(String, String)>;
}

/// The global condition keys of a request.
pub fn global_context(
    principal: &Principal,
    source_ip: Option<IpAddr>,
    now: f64,
    region: &str,
) -> Context {
    let mut ctx = Context::new();
    ctx.set_one("aws:PrincipalArn", principal.arn.clone());
    ctx.set_one("aws:PrincipalAccount", principal.account_id.clone());
    ctx.set_one(
        "aws:PrincipalType",
        if principal.is_root {
            "Account"
        } else if principal.role_name.is_some() {
            "AssumedRole"
        } else {
            "User"
        },
    );
    if let Some(u) = &principal.user_name {
        ctx.set_one("aws:username", u.clone());
    }
    if let Some(id) = &principal.user_id {
        ctx.set_one("aws:userid", id.clone());
    }
    if let Some(ip) = source_ip {
        ctx.set_one("aws:SourceIp", ip.to_string());
    }
    ctx.set_one("aws:CurrentTime", super::iso(now));
    ctx.set_one("aws:EpochTime", format!("{}", now.floor() as i64));
    ctx.set_one("aws:SecureTransport", "false");
    ctx.set_one("aws:RequestedRegion", region.to_string());
    ctx.set_one("aws:TokenIssueTime", super::iso(now));
    ctx
}

/// AWS's denial message.
pub fn denied(principal: &Principal, action: &str, resource: &str, decision: Decision) -> ApiError {
    let why = match decision {
        Decision::ExplicitDeny => "with an explicit deny in an identity-based policy".to_string(),
        _ => format!("because no identity-based policy allows the {action} action"),
    };
    ApiError::client(
        "AccessDeniedException",
        format!(
            "User: {} is not authorized to perform: {action} on resource: {resource} {why}",
            principal.arn
        ),
    )
}

/// The [`Authorizer`] of a Gantry with IAM.
pub struct IamAuthorizer {
    pub iam: Arc<IamService>,
    pub tags: Option<Arc<dyn ResourceTags>>,
}

impl IamAuthorizer {
    fn scope(&self) -> ArnScope {
        ArnScope {
            partition: "aws".into(),
            region: self.iam.identity.region.clone(),
            account_id: self.iam.identity.account_id.clone(),
        }
    }

    /// Evaluates `requests` for the caller; the first non-Allow denies.
    pub async fn check(
        &self,
        ctx: &RequestContext,
        requests: &[ActionRequest],
    ) -> Result<(), ApiError> {
        if ctx.principal.is_root {
            return Ok(());
        }
        let policies = self.iam.principal_policies(&ctx.principal).await?;
        let global = global_context(
            &ctx.principal,
            ctx.source_ip,
            self.iam.clock.now(),
            &self.iam.identity.region,
        );
        for req in requests {
            let base = global.merged(&req.context);
            for resource in &req.resources {
                let cond = self.with_resource_tags(&base, resource).await;
                let d = decide(&policies, &req.action, resource, &cond);
                if d != Decision::Allow {
                    tracing::info!(
                        principal = %ctx.principal.arn,
                        action = %req.action,
                        resource = %resource,
                        decision = ?d,
                        "access denied"
                    );
                    return Err(denied(&ctx.principal, &req.action, resource, d));
                }
            }
        }
        Ok(())
    }

    async fn with_resource_tags(&self, base: &Context, resource: &str) -> Context {
        let Some(tags) = &self.tags else {
            return base.clone();
        };
        if !resource.starts_with("arn:aws:ecs:") {
            return base.clone();
        }
        let found = tags.resource_tags(resource).await;
        if found.is_empty() {
            return base.clone();
        }
        let mut extra = Context::new();
        for (k, v) in found {
            extra.set_one(&format!("aws:ResourceTag/{k}"), v.clone());
            extra.set_one(&format!("ecs:ResourceTag/{k}"), v);
        }
        base.merged(&extra)
    }

    /// The resource ARN an IAM action addresses (`*` for account-wide
    /// listings).
    async fn iam_resource(&self, ctx: &RequestContext, action: &str, p: &Params) -> String {
        let acct = self.iam.account();
        let path = p.get("Path").unwrap_or("/");
        if action == "SimulatePrincipalPolicy" {
            return p.get("PolicySourceArn").unwrap_or("*").to_string();
        }
        if action == "CreatePolicy" {
            return format!(
                "arn:aws:iam::{acct}:policy{path}{}",
                p.get("PolicyName").unwrap_or("")
            );
        }
        // Policy operations address the policy; Attach/Detach address the
        // user, group or role (checked below, before PolicyArn).
        let entity = p.get("RoleName").is_some()
            || p.get("GroupName").is_some()
            || p.get("UserName").is_some();
        if !entity {
            if let Some(arn) = p.get("PolicyArn") {
                return arn.to_string();
            }
        }
        if let Some(name) = p.get("RoleName") {
            return match self.iam.role(name).await {
                Ok(Some(r)) => r.arn,
                _ => format!("arn:aws:iam::{acct}:role{path}{name}"),
            };
        }
        if let Some(name) = p.get("GroupName") {
            return match self.iam.group(name).await {
                Ok(Some(g)) => g.arn,
                _ => format!("arn:aws:iam::{acct}:group{path}{name}"),
            };
        }
        let user = p
            .get("UserName")
            .map(str::to_string)
            .or_else(|| match action {
                "GetUser" | "CreateAccessKey" | "ListAccessKeys" | "UpdateAccessKey"
                | "DeleteAccessKey" => ctx.principal.user_name.clone(),
                _ => None,
            });
        if let Some(name) = user {
            return match self.iam.user(&name).await {
                Ok(Some(u)) => u.arn,
                _ => format!("arn:aws:iam::{acct}:user{path}{name}"),
            };
        }
        "*".to_string()
    }

    /// `iam:<Action>` on the entity the call addresses.
    pub async fn authorize_iam(
        &self,
        ctx: &RequestContext,
        action: &str,
        p: &Params,
    ) -> Result<(), ApiError> {
        if ctx.principal.is_root {
            return Ok(());
        }
        let resource = self.iam_resource(ctx, action, p).await;
        let req = ActionRequest {
            action: format!("iam:{action}"),
            resources: vec![resource],
            context: Context::new(),
        };
        self.check(ctx, &[req]).await
    }
}

fn decide(policies: &[PolicyDocument], action: &str, resource: &str, ctx: &Context) -> Decision {
    evaluate(policies, action, resource, ctx)
}

#[async_trait]
impl Authorizer for IamAuthorizer {
    async fn authorize(
        &self,
        ctx: &RequestContext,
        service: &str,
        operation: &str,
        body: &Value,
    ) -> Result<(), ApiError> {
        if ctx.principal.is_root {
            return Ok(());
        }
        let scope = self.scope();
        let requests = match service {
            "ecs" => gantry_iam_policy::ecs_requests(operation, body, &scope),
            "logs" => gantry_iam_policy::logs_requests(operation, body, &scope),
            // CloudTrail and Gantry's own endpoints (`gantry:GetUsage`, …).
            "cloudtrail" | "gantry" => Ok(vec![gantry_iam_policy::ActionRequest {
                action: format!("{service}:{operation}"),
                resources: vec!["*".into()],
                context: gantry_iam_policy::Context::new(),
            }]),
            _ => Err(format!("unknown service {service}")),
        };
        let requests = match requests {
            Ok(r) => r,
            Err(e) => {
                // Unknown to the action map (an operation Gantry does not
                // serve): still needs `service:Operation` on `*`.
                tracing::debug!(error = %e, "no authorization map for operation");
                vec![ActionRequest {
                    action: format!("{service}:{operation}"),
                    resources: vec!["*".into()],
                    context: Context::new(),
                }]
            }
        };
        self.check(ctx, &requests).await
    }

    async fn authorize_agent(
        &self,
        ctx: &RequestContext,
        cluster: &str,
        container_instance_arn: &str,
    ) -> Result<(), ApiError> {
        if ctx.principal.is_root {
            return Ok(());
        }
        let scope = self.scope();
        let cluster_arn = if cluster.starts_with("arn:") {
            cluster.to_string()
        } else {
            format!(
                "arn:aws:ecs:{}:{}:cluster/{cluster}",
                scope.region, scope.account_id
            )
        };
        let mut c = Context::new();
        c.set_one("ecs:cluster", cluster_arn.clone());
        let resource = if container_instance_arn.is_empty() {
            cluster_arn
        } else {
            container_instance_arn.to_string()
        };
        let req = ActionRequest {
            action: "ecs:Poll".into(),
            resources: vec![resource],
            context: c,
        };
        self.check(ctx, &[req]).await
    }
}
