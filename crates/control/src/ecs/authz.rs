//! ECS-side lookups for authorization: the tags of a cluster, service,
//! task, task definition or container instance by ARN (for
//! `aws:ResourceTag/*` and `ecs:ResourceTag/*`).

use async_trait::async_trait;
use gantry_api_types::ecs;

use super::EcsService;
use crate::iam::authz::ResourceTags;
use crate::state::{
    cluster_key, instance_key, service_key, task_key, taskdef_key, ClusterRecord, TaskDefRecord,
    TaskRecord,
};

fn pairs(tags: Option<Vec<ecs::Tag>>) -> Vec<(String, String)> {
    tags.unwrap_or_default()
        .into_iter()
        .filter_map(|t| Some((t.key?, t.value.unwrap_or_default())))
        .collect()
}

impl EcsService {
    /// Tags of the resource `arn` in this account and region; `None` when
    /// it does not exist or is not taggable.
    pub async fn tags_for_arn(&self, arn: &str) -> Option<Vec<(String, String)>> {
        let p = gantry_model::arn::parse_arn(arn).ok()?;
        if p.account_id != self.partition.account_id || p.region != self.partition.region {
            return None;
        }
        let scoped = || p.resource.split_once('/');
        let tags = match p.resource_type {
            "cluster" => {
                let r = self
                    .repo
                    .get::<ClusterRecord>(&cluster_key(p.resource))
                    .await
                    .ok()??;
                r.value.cluster.tags
            }
            "task-definition" => {
                let Ok(gantry_model::arn::TaskDefinitionRef::Revision { family, revision }) =
                    gantry_model::arn::task_definition_ref(arn)
                else {
                    return None;
                };
                let r = self
                    .repo
                    .get::<TaskDefRecord>(&taskdef_key(&family, revision))
                    .await
                    .ok()??;
                Some(r.value.tags)
            }
            "task" => {
                let (c, id) = scoped()?;
                let r = self.repo.get::<TaskRecord>(&task_key(c, id)).await.ok()??;
                r.value.task.tags
            }
            "container-instance" => {
                let (c, id) = scoped()?;
                let r = self.repo.get_instance(&instance_key(c, id)).await.ok()??;
                r.value.instance.tags.clone()
            }
            "service" => {
                let (c, name) = scoped()?;
                let r = self
                    .repo
                    .get::<super::services::ServiceRecord>(&service_key(c, name))
                    .await
                    .ok()??;
                r.value.service.tags
            }
            _ => return None,
        };
        Some(pairs(tags))
    }
}

#[async_trait]
impl ResourceTags for EcsService {
    async fn resource_tags(&self, arn: &str) -> Vec<(String, String)> {
        self.tags_for_arn(arn).await.unwrap_or_default()
    }
}
