//! Task definitions: Register, Describe, List, ListFamilies, Deregister, Delete.
//!
//! Revisions of a family count up from 1 and are never reused, even after
//! deregistration or deletion (`families/{family}` keeps the last one).

use super::pagination::paginate;
use super::EcsService;
use crate::http::RequestContext;
use crate::state::{
    family_key, taskdef_key, taskdef_prefix, FamilyRecord, TaskDefRecord, TxnBuilder, Versioned,
};
use gantry_api_types::{ecs, ApiError};
use gantry_model::arn::TaskDefinitionRef;

fn status_of(td: &ecs::TaskDefinition) -> &str {
    td.status.as_ref().map(|s| s.as_str()).unwrap_or("ACTIVE")
}

fn unable_to_describe() -> ApiError {
    ApiError::client_exception("Unable to describe task definition.")
}

impl EcsService {
    /// Look up a task definition by `family`, `family:revision` or ARN.
    /// A bare family resolves to its latest ACTIVE revision.
    pub(super) async fn find_task_definition(
        &self,
        ident: &str,
    ) -> Result<Option<Versioned<TaskDefRecord>>, ApiError> {
        let r = gantry_model::arn::task_definition_ref(ident)
            .map_err(|e| ApiError::client_exception(e.to_string()))?;
        match r {
            TaskDefinitionRef::Family(family) => {
                let all: Vec<Versioned<TaskDefRecord>> =
                    self.repo.list(&taskdef_prefix(&family)).await?;
                Ok(all
                    .into_iter()
                    .rev()
                    .find(|t| status_of(&t.value.task_definition) == "ACTIVE"))
            }
            TaskDefinitionRef::Revision {
                family,
                revision: rev,
            } => self.repo.get(&taskdef_key(&family, rev)).await,
        }
    }

    pub(super) async fn register_task_definition(
        &self,
        ctx: &RequestContext,
        req: ecs::RegisterTaskDefinitionRequest,
    ) -> Result<ecs::RegisterTaskDefinitionResponse, ApiError> {
        let raw_len = serde_json::to_vec(&req).map(|v| v.len()).unwrap_or(0);
        let norm = gantry_model::taskdef::validate_and_normalize(&req, raw_len)?;
        let tags = norm.tags.clone();
        let family = req.family.clone();
        let _g = self.write.lock().await;
        let fkey = family_key(&family);
        let fam: Option<Versioned<FamilyRecord>> = self.repo.get(&fkey).await?;
        let revision = fam.as_ref().map(|f| f.value.last_revision).unwrap_or(0) + 1;
        let td = norm.into_registered(
            self.partition.task_definition_arn(&family, revision),
            revision,
            self.now(),
            Some(ctx.principal.arn.clone()),
        );
        let rec = TaskDefRecord {
            task_definition: td.clone(),
            tags: tags.clone(),
        };
        let tkey = taskdef_key(&family, revision);
        let mut t = TxnBuilder::new();
        t.expect(&fkey, fam.map(|f| f.mod_revision).unwrap_or(0))
            .put(
                &fkey,
                &FamilyRecord {
                    last_revision: revision,
                },
            )?
            .expect(&tkey, 0)
            .put(&tkey, &rec)?;
        if !self.repo.commit(t).await? {
            return Err(ApiError::server("Concurrent modification; retry."));
        }
        tracing::info!(family = %family, revision, "task definition registered");
        Ok(ecs::RegisterTaskDefinitionResponse {
            task_definition: Some(td),
            tags: Some(tags),
        })
    }

    pub(super) async fn describe_task_definition(
        &self,
        _ctx: &RequestContext,
        req: ecs::DescribeTaskDefinitionRequest,
    ) -> Result<ecs::DescribeTaskDefinitionResponse, ApiError> {
        let rec = self
            .find_task_definition(&req.task_definition)
            .await
            .map_err(|_| unable_to_describe())?;
        let rec = rec.ok_or_else(unable_to_describe)?;
        let with_tags = req
            .include
            .unwrap_or_default()
            .iter()
            .any(|i| i.as_str() == "TAGS");
        Ok(ecs::DescribeTaskDefinitionResponse {
            task_definition: Some(rec.value.task_definition),
            tags: if with_tags {
                Some(rec.value.tags)
            } else {
                None
            },
        })
    }

    pub(super) async fn list_task_definitions(
        &self,
        _ctx: &RequestContext,
        req: ecs::ListTaskDefinitionsRequest,
    ) -> Result<ecs::ListTaskDefinitionsResponse, ApiError> {
        let status = req
            .status
            .as_ref()
            .map(|s| s.as_str())
            .unwrap_or("ACTIVE")
            .to_string();
        let prefix = match &req.family_prefix {
            Some(f) => taskdef_prefix(f),
            None => "taskdefs/".to_string(),
        };
        let all: Vec<Versioned<TaskDefRecord>> = self.repo.list(&prefix).await?;
        // Sort key: family then zero-padded revision (the store key order).
        let mut items: Vec<(String, String)> = all
            .into_iter()
            .filter(|t| status_of(&t.value.task_definition) == status)
            .map(|t| {
                let td = &t.value.task_definition;
                let key = taskdef_key(td.family.as_deref().unwrap_or(""), td.revision.unwrap_or(0));
                (key, td.task_definition_arn.clone().unwrap_or_default())
            })
            .collect();
        let desc = req
            .sort
            .as_ref()
            .map(|s| s.as_str() == "DESC")
            .unwrap_or(false);
        if desc {
            items.reverse();
        }
        // For DESC the page key must order descending too: invert via position.
        let keyed: Vec<(String, String)> = items
            .into_iter()
            .enumerate()
            .map(|(i, (_, arn))| (format!("{i:012}"), arn))
            .collect();
        let (page, next) = paginate(
            keyed,
            |(k, _)| k.clone(),
            req.next_token.as_deref(),
            req.max_results,
            100,
        )?;
        Ok(ecs::ListTaskDefinitionsResponse {
            task_definition_arns: Some(page.into_iter().map(|(_, a)| a).collect()),
            next_token: next,
        })
    }

    pub(super) async fn list_task_definition_families(
        &self,
        _ctx: &RequestContext,
        req: ecs::ListTaskDefinitionFamiliesRequest,
    ) -> Result<ecs::ListTaskDefinitionFamiliesResponse, ApiError> {
        let status = req
            .status
            .as_ref()
            .map(|s| s.as_str())
            .unwrap_or("ALL")
            .to_string();
        let prefix = req.family_prefix.clone().unwrap_or_default();
        let all: Vec<Versioned<TaskDefRecord>> = self.repo.list("taskdefs/").await?;
        let mut out = vec![];
        let mut families: std::collections::BTreeMap<String, bool> = Default::default();
        for t in &all {
            let td = &t.value.task_definition;
            let fam = td.family.clone().unwrap_or_default();
            if !fam.starts_with(&prefix) {
                continue;
            }
            let active = status_of(td) == "ACTIVE";
            let e = families.entry(fam).or_insert(false);
            *e |= active;
        }
        for (fam, active) in families {
            let keep = match status.as_str() {
                "ACTIVE" => active,
                "INACTIVE" => !active,
                _ => true,
            };
            if keep {
                out.push(fam);
            }
        }
        let (page, next) = paginate(
            out,
            |f| f.clone(),
            req.next_token.as_deref(),
            req.max_results,
            100,
        )?;
        Ok(ecs::ListTaskDefinitionFamiliesResponse {
            families: Some(page),
            next_token: next,
        })
    }

    pub(super) async fn deregister_task_definition(
        &self,
        _ctx: &RequestContext,
        req: ecs::DeregisterTaskDefinitionRequest,
    ) -> Result<ecs::DeregisterTaskDefinitionResponse, ApiError> {
        let r = gantry_model::arn::task_definition_ref(&req.task_definition)
            .map_err(|e| ApiError::client_exception(e.to_string()))?;
        let (family, rev) = match r {
            TaskDefinitionRef::Revision { family: f, revision: r } => (f, r),
            TaskDefinitionRef::Family(_) => {
                return Err(ApiError::client_exception(
                    "The specified task definition identifier is invalid. Specify a valid name or ARN, including a revision (family:revision).",
                ))
            }
        };
        let _g = self.write.lock().await;
        let key = taskdef_key(&family, rev);
        let rec: Versioned<TaskDefRecord> = self.repo.get(&key).await?.ok_or_else(|| {
            ApiError::client_exception("The specified task definition does not exist.")
        })?;
        let mut value = rec.value.clone();
        if status_of(&value.task_definition) == "ACTIVE" {
            value.task_definition.status = Some(ecs::TaskDefinitionStatus::Inactive);
            value.task_definition.deregistered_at = Some(self.now());
            let mut t = TxnBuilder::new();
            t.expect(&key, rec.mod_revision).put(&key, &value)?;
            if !self.repo.commit(t).await? {
                return Err(ApiError::server("Concurrent modification; retry."));
            }
        }
        Ok(ecs::DeregisterTaskDefinitionResponse {
            task_definition: Some(value.task_definition),
        })
    }

    pub(super) async fn delete_task_definitions(
        &self,
        _ctx: &RequestContext,
        req: ecs::DeleteTaskDefinitionsRequest,
    ) -> Result<ecs::DeleteTaskDefinitionsResponse, ApiError> {
        if req.task_definitions.is_empty() || req.task_definitions.len() > 10 {
            return Err(ApiError::invalid_parameter(
                "taskDefinitions must contain between 1 and 10 items.",
            ));
        }
        let _g = self.write.lock().await;
        let mut deleted = vec![];
        let mut failures = vec![];
        let mut t = TxnBuilder::new();
        let now = self.now();
        for ident in &req.task_definitions {
            let fail = |reason: &str, detail: &str| ecs::Failure {
                arn: Some(ident.clone()),
                reason: Some(reason.to_string()),
                detail: Some(detail.to_string()),
            };
            let (family, rev) = match gantry_model::arn::task_definition_ref(ident) {
                Ok(TaskDefinitionRef::Revision {
                    family: f,
                    revision: r,
                }) => (f, r),
                _ => {
                    failures.push(fail(
                        "INVALID",
                        "The task definition must be specified as family:revision or an ARN.",
                    ));
                    continue;
                }
            };
            let key = taskdef_key(&family, rev);
            let rec: Option<Versioned<TaskDefRecord>> = self.repo.get(&key).await?;
            let Some(rec) = rec else {
                failures.push(fail(
                    "MISSING",
                    "The specified task definition does not exist.",
                ));
                continue;
            };
            let mut value = rec.value.clone();
            match status_of(&value.task_definition) {
                "ACTIVE" => {
                    failures.push(fail(
                        "ACTIVE",
                        "The specified task definition is still in ACTIVE status. Please deregister the target and try again.",
                    ));
                    continue;
                }
                "INACTIVE" => {
                    value.task_definition.status =
                        Some(ecs::TaskDefinitionStatus::DeleteInProgress);
                    value.task_definition.delete_requested_at = Some(now);
                    t.expect(&key, rec.mod_revision).put(&key, &value)?;
                }
                _ => {}
            }
            deleted.push(value.task_definition);
        }
        if !t.is_empty() && !self.repo.commit(t).await? {
            return Err(ApiError::server("Concurrent modification; retry."));
        }
        Ok(ecs::DeleteTaskDefinitionsResponse {
            task_definitions: Some(deleted),
            failures: Some(failures),
        })
    }
}
