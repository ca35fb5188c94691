//! Tags on clusters, task definitions, tasks, container instances and services.

use super::EcsService;
use crate::http::RequestContext;
use crate::state::{
    cluster_key, instance_key, task_key, taskdef_key, ClusterRecord, InstanceRecord, TaskDefRecord,
    TaskRecord, TxnBuilder, Versioned,
};
use gantry_api_types::{ecs, ApiError};

const MAX_TAGS: usize = 50;

fn merge(existing: &mut Vec<ecs::Tag>, new: &[ecs::Tag]) {
    for t in new {
        match existing.iter_mut().find(|e| e.key == t.key) {
            Some(e) => e.value = t.value.clone(),
            None => existing.push(t.clone()),
        }
    }
}

fn not_found(arn: &str) -> ApiError {
    ApiError::client(
        "ResourceNotFoundException",
        format!("The specified resource {arn} could not be found."),
    )
}

/// Tag operations need to read and rewrite whichever record holds the tags.
#[allow(clippy::large_enum_variant)] // short-lived, one per request
enum Tagged {
    Cluster(String, Versioned<ClusterRecord>),
    TaskDef(String, Versioned<TaskDefRecord>),
    Task(String, Versioned<TaskRecord>),
    Instance(String, Versioned<std::sync::Arc<InstanceRecord>>),
    Service(String, Versioned<super::services::ServiceRecord>),
}

impl EcsService {
    async fn tagged(&self, arn: &str) -> Result<Tagged, ApiError> {
        let p = gantry_model::arn::parse_arn(arn)
            .map_err(|e| ApiError::invalid_parameter(e.to_string()))?;
        if p.account_id != self.partition.account_id || p.region != self.partition.region {
            return Err(not_found(arn));
        }
        let scoped = |what: &str| -> Result<(String, String), ApiError> {
            p.resource
                .split_once('/')
                .map(|(c, i)| (c.to_string(), i.to_string()))
                .ok_or_else(|| {
                    ApiError::invalid_parameter(format!(
                    "The ARN {arn} uses the short {what} ARN format; tagging needs the long format."
                ))
                })
        };
        let t = match p.resource_type {
            "cluster" => {
                let k = cluster_key(p.resource);
                let v = self.repo.get(&k).await?.ok_or_else(|| not_found(arn))?;
                Tagged::Cluster(k, v)
            }
            "task-definition" => {
                let Ok(gantry_model::arn::TaskDefinitionRef::Revision { family, revision }) =
                    gantry_model::arn::task_definition_ref(arn)
                else {
                    return Err(not_found(arn));
                };
                let k = taskdef_key(&family, revision);
                let v = self.repo.get(&k).await?.ok_or_else(|| not_found(arn))?;
                Tagged::TaskDef(k, v)
            }
            "task" => {
                let (cluster, id) = scoped("task")?;
                let k = task_key(&cluster, &id);
                let v = self.repo.get(&k).await?.ok_or_else(|| not_found(arn))?;
                Tagged::Task(k, v)
            }
            "container-instance" => {
                let (cluster, id) = scoped("container instance")?;
                let k = instance_key(&cluster, &id);
                let v = self
                    .repo
                    .get_instance(&k)
                    .await?
                    .ok_or_else(|| not_found(arn))?;
                Tagged::Instance(k, v)
            }
            "service" => {
                let (cluster, name) = scoped("service")?;
                let k = crate::state::service_key(&cluster, &name);
                let v: Versioned<super::services::ServiceRecord> =
                    self.repo.get(&k).await?.ok_or_else(|| not_found(arn))?;
                if v.value.service.status.as_deref() == Some("INACTIVE") {
                    return Err(not_found(arn));
                }
                Tagged::Service(k, v)
            }
            _ => {
                return Err(ApiError::invalid_parameter(format!(
                    "The resource {arn} does not support tagging."
                )))
            }
        };
        Ok(t)
    }

    fn tags_of(t: &Tagged) -> Vec<ecs::Tag> {
        match t {
            Tagged::Cluster(_, v) => v.value.cluster.tags.clone().unwrap_or_default(),
            Tagged::TaskDef(_, v) => v.value.tags.clone(),
            Tagged::Task(_, v) => v.value.task.tags.clone().unwrap_or_default(),
            Tagged::Instance(_, v) => v.value.instance.tags.clone().unwrap_or_default(),
            Tagged::Service(_, v) => v.value.service.tags.clone().unwrap_or_default(),
        }
    }

    async fn write_tags(&self, t: Tagged, tags: Vec<ecs::Tag>) -> Result<(), ApiError> {
        let mut b = TxnBuilder::new();
        match t {
            Tagged::Cluster(k, mut v) => {
                v.value.cluster.tags = Some(tags);
                b.expect(&k, v.mod_revision).put(&k, &v.value)?;
            }
            Tagged::TaskDef(k, mut v) => {
                v.value.tags = tags;
                b.expect(&k, v.mod_revision).put(&k, &v.value)?;
            }
            Tagged::Task(k, mut v) => {
                v.value.task.tags = Some(tags);
                b.expect(&k, v.mod_revision).put(&k, &v.value)?;
            }
            Tagged::Instance(k, v) => {
                let mut new = (*v.value).clone();
                new.instance.tags = Some(tags);
                b.expect(&k, v.mod_revision)
                    .put_instance(&std::sync::Arc::new(new), Some(&v.value))?;
            }
            Tagged::Service(k, mut v) => {
                v.value.service.tags = Some(tags);
                b.expect(&k, v.mod_revision).put(&k, &v.value)?;
            }
        }
        if !self.repo.commit(b).await? {
            return Err(ApiError::server("Concurrent modification; retry."));
        }
        Ok(())
    }

    pub(super) async fn tag_resource(
        &self,
        _ctx: &RequestContext,
        req: ecs::TagResourceRequest,
    ) -> Result<ecs::TagResourceResponse, ApiError> {
        gantry_model::names::validate_tags(&req.tags)?;
        let _g = self.write.lock().await;
        let t = self.tagged(&req.resource_arn).await?;
        let mut tags = Self::tags_of(&t);
        merge(&mut tags, &req.tags);
        if tags.len() > MAX_TAGS {
            return Err(ApiError::client(
                "LimitExceededException",
                "The number of tags on the resource would exceed the limit of 50.",
            ));
        }
        self.write_tags(t, tags).await?;
        Ok(ecs::TagResourceResponse {})
    }

    pub(super) async fn untag_resource(
        &self,
        _ctx: &RequestContext,
        req: ecs::UntagResourceRequest,
    ) -> Result<ecs::UntagResourceResponse, ApiError> {
        if req.tag_keys.iter().any(|k| k.starts_with("aws:")) {
            return Err(ApiError::invalid_parameter(
                "Tag keys with the prefix 'aws:' are reserved and cannot be removed.",
            ));
        }
        let _g = self.write.lock().await;
        let t = self.tagged(&req.resource_arn).await?;
        let mut tags = Self::tags_of(&t);
        tags.retain(|tag| !req.tag_keys.iter().any(|k| Some(k) == tag.key.as_ref()));
        self.write_tags(t, tags).await?;
        Ok(ecs::UntagResourceResponse {})
    }

    pub(super) async fn list_tags_for_resource(
        &self,
        _ctx: &RequestContext,
        req: ecs::ListTagsForResourceRequest,
    ) -> Result<ecs::ListTagsForResourceResponse, ApiError> {
        let t = self.tagged(&req.resource_arn).await?;
        Ok(ecs::ListTagsForResourceResponse {
            tags: Some(Self::tags_of(&t)),
        })
    }
}
