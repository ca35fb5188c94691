//! Custom attributes on container instances: Put, Delete, List.

use super::instances::is_builtin_attribute;
use super::pagination::paginate;
use super::EcsService;
use crate::http::RequestContext;
use crate::state::{instance_key, instance_prefix, InstanceRecord, TxnBuilder, Versioned};
use gantry_api_types::{ecs, ApiError};
use std::collections::BTreeMap;
use std::sync::Arc;

const MAX_CUSTOM_ATTRIBUTES: usize = 10;

fn check_target_type(a: &ecs::Attribute) -> Result<(), ApiError> {
    match a.target_type.as_ref().map(|t| t.as_str()) {
        None | Some("container-instance") => Ok(()),
        Some(other) => Err(ApiError::invalid_parameter(format!(
            "Invalid targetType {other}."
        ))),
    }
}

impl EcsService {
    /// Group attributes by target instance; every attribute needs a targetId.
    async fn attribute_targets(
        &self,
        cluster: &str,
        attrs: &[ecs::Attribute],
    ) -> Result<BTreeMap<String, (Versioned<InstanceRecord>, Vec<ecs::Attribute>)>, ApiError> {
        if attrs.is_empty() || attrs.len() > 10 {
            return Err(ApiError::invalid_parameter(
                "attributes must contain between 1 and 10 items.",
            ));
        }
        let mut out: BTreeMap<String, (Versioned<InstanceRecord>, Vec<ecs::Attribute>)> =
            BTreeMap::new();
        for a in attrs {
            check_target_type(a)?;
            super::validate_attribute(a)?;
            let target = a.target_id.as_deref().ok_or_else(|| {
                ApiError::invalid_parameter("Attribute targetId must be specified.")
            })?;
            let rec = self
                .find_instance(cluster, target)
                .await?
                .filter(|r| r.value.instance.status.as_deref() != Some("INACTIVE"))
                .ok_or_else(|| {
                    ApiError::client(
                        "TargetNotFoundException",
                        format!("Could not find the target {target}."),
                    )
                })?;
            out.entry(rec.value.id.clone())
                .or_insert_with(|| (rec, vec![]))
                .1
                .push(a.clone());
        }
        Ok(out)
    }

    pub(super) async fn put_attributes(
        &self,
        _ctx: &RequestContext,
        req: ecs::PutAttributesRequest,
    ) -> Result<ecs::PutAttributesResponse, ApiError> {
        let cluster = self.cluster_name(req.cluster.as_deref())?;
        let _g = self.write.lock().await;
        self.active_cluster(&cluster).await?;
        let targets = self.attribute_targets(&cluster, &req.attributes).await?;
        let mut t = TxnBuilder::new();
        for (id, (rec, attrs)) in targets {
            let mut v = rec.value.clone();
            let mut list = v.instance.attributes.clone().unwrap_or_default();
            for a in attrs {
                let stored = ecs::Attribute {
                    name: a.name.clone(),
                    value: a.value.clone(),
                    target_type: None,
                    target_id: None,
                };
                match list.iter_mut().find(|x| x.name == a.name) {
                    Some(x) => *x = stored,
                    None => list.push(stored),
                }
            }
            if list
                .iter()
                .filter(|a| !is_builtin_attribute(&a.name))
                .count()
                > MAX_CUSTOM_ATTRIBUTES
            {
                return Err(ApiError::client(
                    "AttributeLimitExceededException",
                    "You can apply up to 10 custom attributes for each resource.",
                ));
            }
            v.instance.attributes = Some(list);
            let key = instance_key(&cluster, &id);
            t.expect(&key, rec.mod_revision)
                .put_instance(&Arc::new(v), Some(&rec.value))?;
        }
        if !self.repo.commit(t).await? {
            return Err(ApiError::server("Concurrent modification; retry."));
        }
        Ok(ecs::PutAttributesResponse {
            attributes: Some(req.attributes),
        })
    }

    pub(super) async fn delete_attributes(
        &self,
        _ctx: &RequestContext,
        req: ecs::DeleteAttributesRequest,
    ) -> Result<ecs::DeleteAttributesResponse, ApiError> {
        let cluster = self.cluster_name(req.cluster.as_deref())?;
        let _g = self.write.lock().await;
        self.active_cluster(&cluster).await?;
        let targets = self.attribute_targets(&cluster, &req.attributes).await?;
        let mut t = TxnBuilder::new();
        for (id, (rec, attrs)) in targets {
            let mut v = rec.value.clone();
            let mut list = v.instance.attributes.clone().unwrap_or_default();
            list.retain(|x| !attrs.iter().any(|a| a.name == x.name));
            v.instance.attributes = Some(list);
            let key = instance_key(&cluster, &id);
            t.expect(&key, rec.mod_revision)
                .put_instance(&Arc::new(v), Some(&rec.value))?;
        }
        if !self.repo.commit(t).await? {
            return Err(ApiError::server("Concurrent modification; retry."));
        }
        Ok(ecs::DeleteAttributesResponse {
            attributes: Some(req.attributes),
        })
    }

    pub(super) async fn list_attributes(
        &self,
        _ctx: &RequestContext,
        req: ecs::ListAttributesRequest,
    ) -> Result<ecs::ListAttributesResponse, ApiError> {
        let cluster = self.cluster_name(req.cluster.as_deref())?;
        self.active_cluster(&cluster).await?;
        if req.target_type.as_str() != "container-instance" {
            return Err(ApiError::invalid_parameter(
                "targetType must be container-instance.",
            ));
        }
        if req.attribute_value.is_some() && req.attribute_name.is_none() {
            return Err(ApiError::invalid_parameter(
                "attributeName must be specified with attributeValue.",
            ));
        }
        let all: Vec<Versioned<Arc<InstanceRecord>>> =
            self.repo.list_instances(&instance_prefix(&cluster)).await?;
        let mut out = vec![];
        for r in all {
            if r.value.instance.status.as_deref() == Some("INACTIVE") {
                continue;
            }
            let arn = r
                .value
                .instance
                .container_instance_arn
                .clone()
                .unwrap_or_default();
            for a in r.value.instance.attributes.clone().unwrap_or_default() {
                if req.attribute_name.as_ref().is_some_and(|n| n != &a.name) {
                    continue;
                }
                if req.attribute_value.is_some() && req.attribute_value != a.value {
                    continue;
                }
                out.push((
                    format!("{}/{}", r.value.id, a.name),
                    ecs::Attribute {
                        name: a.name,
                        value: a.value,
                        target_type: Some(req.target_type),
                        target_id: Some(arn.clone()),
                    },
                ));
            }
        }
        let (page, next) = paginate(
            out,
            |(k, _)| k.clone(),
            req.next_token.as_deref(),
            req.max_results,
            100,
        )?;
        Ok(ecs::ListAttributesResponse {
            attributes: Some(page.into_iter().map(|(_, a)| a).collect()),
            next_token: next,
        })
    }
}
