//! The [`QueryHandler`] serving IAM and STS: version check, authorization
//! of IAM actions (`iam:<Action>` on the addressed entity), dispatch, XML.

use std::sync::Arc;

use async_trait::async_trait;
use gantry_api_types::ApiError;

use super::authz::IamAuthorizer;
use super::ops::IAM_OPERATIONS;
use super::query::{response_xml, Params, IAM_NS, STS_NS};
use super::IamService;
use crate::http::{QueryHandler, RequestContext};

pub const IAM_VERSION: &str = "2010-05-08";
pub const STS_VERSION: &str = "2011-06-15";

pub struct IamQuery {
    pub iam: Arc<IamService>,
    pub authz: Arc<IamAuthorizer>,
}

#[async_trait]
impl QueryHandler for IamQuery {
    async fn handle_query(
        &self,
        ctx: &RequestContext,
        service: &str,
        p: &Params,
    ) -> Result<String, ApiError> {
        let (version, ns) = match service {
            "sts" => (STS_VERSION, STS_NS),
            _ => (IAM_VERSION, IAM_NS),
        };
        let action = p
            .get("Action")
            .ok_or_else(|| ApiError::new("MissingAction", 400, "Missing Action"))?;
        if let Some(v) = p.get("Version") {
            if v != version {
                return Err(ApiError::new(
                    "InvalidAction",
                    400,
                    format!("Could not find operation {action} for version {v}"),
                ));
            }
        }
        let result = if service == "sts" {
            self.iam.handle_sts(ctx, action, p).await?
        } else {
            if !IAM_OPERATIONS.contains(&action) {
                return Err(ApiError::new(
                    "InvalidAction",
                    400,
                    format!("Could not find operation {action} for version {version}"),
                ));
            }
            self.authz.authorize_iam(ctx, action, p).await?;
            self.iam.handle_iam(ctx, action, p).await?
        };
        Ok(response_xml(action, ns, &result, &ctx.request_id))
    }
}
