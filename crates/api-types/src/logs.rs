//! CloudWatch Logs wire types, generated from botocore's `service-2.json` (API 2014-03-28).
//!
//! DO NOT EDIT. Regenerate from the repository root with
//! `python3 tools/gen_api_types.py ../shared/aws-models/logs/service-2.json <this file>`.
//!
//! * Request/response types keep the model's shape names, e.g.
//!   `<Operation>Request` / `<Operation>Response`.
//! * Required members are plain fields; all others are `Option` and
//!   are omitted from the JSON when `None`. Unknown members are ignored.
//! * String enums are Rust enums with the exact wire values (`as_str`).
//! * `timestamp` shapes are `f64` epoch seconds (awsJson sends numbers
//!   such as `1449262185.773`); `long` is `i64`, `blob` is base64 `String`.
//! * Shapes that would shadow std names get a `Shape` suffix.

use serde::{Deserialize, Serialize};
#[allow(unused_imports)]
use std::collections::BTreeMap;

/// `X-Amz-Target` prefix (`<prefix>.<Operation>`).
pub const TARGET_PREFIX: &str = "Logs_20140328";
/// Model `apiVersion`.
pub const API_VERSION: &str = "2014-03-28";
/// SigV4 signing name.
pub const SIGNING_NAME: &str = "logs";

/// Every operation name in the model.
pub const OPERATIONS: &[&str] = &[
    "AssociateKmsKey",
    "AssociateSourceToS3TableIntegration",
    "CancelExportTask",
    "CancelImportTask",
    "CreateDelivery",
    "CreateExportTask",
    "CreateImportTask",
    "CreateLogAnomalyDetector",
    "CreateLogGroup",
    "CreateLogStream",
    "CreateLookupTable",
    "CreateScheduledQuery",
    "DeleteAccountPolicy",
    "DeleteDataProtectionPolicy",
    "DeleteDelivery",
    "DeleteDeliveryDestination",
    "DeleteDeliveryDestinationPolicy",
    "DeleteDeliverySource",
    "DeleteDestination",
    "DeleteIndexPolicy",
    "DeleteIntegration",
    "DeleteLogAnomalyDetector",
    "DeleteLogGroup",
    "DeleteLogStream",
    "DeleteLookupTable",
    "DeleteMetricFilter",
    "DeleteQueryDefinition",
    "DeleteResourcePolicy",
    "DeleteRetentionPolicy",
    "DeleteScheduledQuery",
    "DeleteSubscriptionFilter",
    "DeleteSyslogConfiguration",
    "DeleteTransformer",
    "DescribeAccountPolicies",
    "DescribeConfigurationTemplates",
    "DescribeDeliveries",
    "DescribeDeliveryDestinations",
    "DescribeDeliverySources",
    "DescribeDestinations",
    "DescribeExportTasks",
    "DescribeFieldIndexes",
    "DescribeImportTaskBatches",
    "DescribeImportTasks",
    "DescribeIndexPolicies",
    "DescribeLogGroups",
    "DescribeLogStreams",
    "DescribeLookupTables",
    "DescribeMetricFilters",
    "DescribeQueries",
    "DescribeQueryDefinitions",
    "DescribeResourcePolicies",
    "DescribeSubscriptionFilters",
    "DisassociateKmsKey",
    "DisassociateSourceFromS3TableIntegration",
    "FilterLogEvents",
    "GetDataProtectionPolicy",
    "GetDelivery",
    "GetDeliveryDestination",
    "GetDeliveryDestinationPolicy",
    "GetDeliverySource",
    "GetIntegration",
    "GetLogAnomalyDetector",
    "GetLogEvents",
    "GetLogFields",
    "GetLogGroupFields",
    "GetLogObject",
    "GetLogRecord",
    "GetLookupTable",
    "GetQueryResults",
    "GetScheduledQuery",
    "GetScheduledQueryHistory",
    "GetStorageTierPolicy",
    "GetTransformer",
    "ListAggregateLogGroupSummaries",
    "ListAnomalies",
    "ListIntegrations",
    "ListLogAnomalyDetectors",
    "ListLogGroups",
    "ListLogGroupsForQuery",
    "ListScheduledQueries",
    "ListSourcesForS3TableIntegration",
    "ListSyslogConfigurations",
    "ListTagsForResource",
    "ListTagsLogGroup",
    "PutAccountPolicy",
    "PutBearerTokenAuthentication",
    "PutDataProtectionPolicy",
    "PutDeliveryDestination",
    "PutDeliveryDestinationPolicy",
    "PutDeliverySource",
    "PutDestination",
    "PutDestinationPolicy",
    "PutIndexPolicy",
    "PutIntegration",
    "PutLogEvents",
    "PutLogGroupDeletionProtection",
    "PutMetricFilter",
    "PutQueryDefinition",
    "PutResourcePolicy",
    "PutRetentionPolicy",
    "PutStorageTierPolicy",
    "PutSubscriptionFilter",
    "PutSyslogConfiguration",
    "PutTransformer",
    "StartLiveTail",
    "StartQuery",
    "StopQuery",
    "TagLogGroup",
    "TagResource",
    "TestMetricFilter",
    "TestTransformer",
    "UntagLogGroup",
    "UntagResource",
    "UpdateAnomaly",
    "UpdateDeliveryConfiguration",
    "UpdateLogAnomalyDetector",
    "UpdateLookupTable",
    "UpdateScheduledQuery",
];

/// One operation of the model, keyed by the `X-Amz-Target` suffix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Operation {
    AssociateKmsKey,
    AssociateSourceToS3TableIntegration,
    CancelExportTask,
    CancelImportTask,
    CreateDelivery,
    CreateExportTask,
    CreateImportTask,
    CreateLogAnomalyDetector,
    CreateLogGroup,
    CreateLogStream,
    CreateLookupTable,
    CreateScheduledQuery,
    DeleteAccountPolicy,
    DeleteDataProtectionPolicy,
    DeleteDelivery,
    DeleteDeliveryDestination,
    DeleteDeliveryDestinationPolicy,
    DeleteDeliverySource,
    DeleteDestination,
    DeleteIndexPolicy,
    DeleteIntegration,
    DeleteLogAnomalyDetector,
    DeleteLogGroup,
    DeleteLogStream,
    DeleteLookupTable,
    DeleteMetricFilter,
    DeleteQueryDefinition,
    DeleteResourcePolicy,
    DeleteRetentionPolicy,
    DeleteScheduledQuery,
    DeleteSubscriptionFilter,
    DeleteSyslogConfiguration,
    DeleteTransformer,
    DescribeAccountPolicies,
    DescribeConfigurationTemplates,
    DescribeDeliveries,
    DescribeDeliveryDestinations,
    DescribeDeliverySources,
    DescribeDestinations,
    DescribeExportTasks,
    DescribeFieldIndexes,
    DescribeImportTaskBatches,
    DescribeImportTasks,
    DescribeIndexPolicies,
    DescribeLogGroups,
    DescribeLogStreams,
    DescribeLookupTables,
    DescribeMetricFilters,
    DescribeQueries,
    DescribeQueryDefinitions,
    DescribeResourcePolicies,
    DescribeSubscriptionFilters,
    DisassociateKmsKey,
    DisassociateSourceFromS3TableIntegration,
    FilterLogEvents,
    GetDataProtectionPolicy,
    GetDelivery,
    GetDeliveryDestination,
    GetDeliveryDestinationPolicy,
    GetDeliverySource,
    GetIntegration,
    GetLogAnomalyDetector,
    GetLogEvents,
    GetLogFields,
    GetLogGroupFields,
    GetLogObject,
    GetLogRecord,
    GetLookupTable,
    GetQueryResults,
    GetScheduledQuery,
    GetScheduledQueryHistory,
    GetStorageTierPolicy,
    GetTransformer,
    ListAggregateLogGroupSummaries,
    ListAnomalies,
    ListIntegrations,
    ListLogAnomalyDetectors,
    ListLogGroups,
    ListLogGroupsForQuery,
    ListScheduledQueries,
    ListSourcesForS3TableIntegration,
    ListSyslogConfigurations,
    ListTagsForResource,
    ListTagsLogGroup,
    PutAccountPolicy,
    PutBearerTokenAuthentication,
    PutDataProtectionPolicy,
    PutDeliveryDestination,
    PutDeliveryDestinationPolicy,
    PutDeliverySource,
    PutDestination,
    PutDestinationPolicy,
    PutIndexPolicy,
    PutIntegration,
    PutLogEvents,
    PutLogGroupDeletionProtection,
    PutMetricFilter,
    PutQueryDefinition,
    PutResourcePolicy,
    PutRetentionPolicy,
    PutStorageTierPolicy,
    PutSubscriptionFilter,
    PutSyslogConfiguration,
    PutTransformer,
    StartLiveTail,
    StartQuery,
    StopQuery,
    TagLogGroup,
    TagResource,
    TestMetricFilter,
    TestTransformer,
    UntagLogGroup,
    UntagResource,
    UpdateAnomaly,
    UpdateDeliveryConfiguration,
    UpdateLogAnomalyDetector,
    UpdateLookupTable,
    UpdateScheduledQuery,
}

impl Operation {
    /// Every operation, sorted by name.
    pub const ALL: &'static [Operation] = &[
        Operation::AssociateKmsKey,
        Operation::AssociateSourceToS3TableIntegration,
        Operation::CancelExportTask,
        Operation::CancelImportTask,
        Operation::CreateDelivery,
        Operation::CreateExportTask,
        Operation::CreateImportTask,
        Operation::CreateLogAnomalyDetector,
        Operation::CreateLogGroup,
        Operation::CreateLogStream,
        Operation::CreateLookupTable,
        Operation::CreateScheduledQuery,
        Operation::DeleteAccountPolicy,
        Operation::DeleteDataProtectionPolicy,
        Operation::DeleteDelivery,
        Operation::DeleteDeliveryDestination,
        Operation::DeleteDeliveryDestinationPolicy,
        Operation::DeleteDeliverySource,
        Operation::DeleteDestination,
        Operation::DeleteIndexPolicy,
        Operation::DeleteIntegration,
        Operation::DeleteLogAnomalyDetector,
        Operation::DeleteLogGroup,
        Operation::DeleteLogStream,
        Operation::DeleteLookupTable,
        Operation::DeleteMetricFilter,
        Operation::DeleteQueryDefinition,
        Operation::DeleteResourcePolicy,
        Operation::DeleteRetentionPolicy,
        Operation::DeleteScheduledQuery,
        Operation::DeleteSubscriptionFilter,
        Operation::DeleteSyslogConfiguration,
        Operation::DeleteTransformer,
        Operation::DescribeAccountPolicies,
        Operation::DescribeConfigurationTemplates,
        Operation::DescribeDeliveries,
        Operation::DescribeDeliveryDestinations,
        Operation::DescribeDeliverySources,
        Operation::DescribeDestinations,
        Operation::DescribeExportTasks,
        Operation::DescribeFieldIndexes,
        Operation::DescribeImportTaskBatches,
        Operation::DescribeImportTasks,
        Operation::DescribeIndexPolicies,
        Operation::DescribeLogGroups,
        Operation::DescribeLogStreams,
        Operation::DescribeLookupTables,
        Operation::DescribeMetricFilters,
        Operation::DescribeQueries,
        Operation::DescribeQueryDefinitions,
        Operation::DescribeResourcePolicies,
        Operation::DescribeSubscriptionFilters,
        Operation::DisassociateKmsKey,
        Operation::DisassociateSourceFromS3TableIntegration,
        Operation::FilterLogEvents,
        Operation::GetDataProtectionPolicy,
        Operation::GetDelivery,
        Operation::GetDeliveryDestination,
        Operation::GetDeliveryDestinationPolicy,
        Operation::GetDeliverySource,
        Operation::GetIntegration,
        Operation::GetLogAnomalyDetector,
        Operation::GetLogEvents,
        Operation::GetLogFields,
        Operation::GetLogGroupFields,
        Operation::GetLogObject,
        Operation::GetLogRecord,
        Operation::GetLookupTable,
        Operation::GetQueryResults,
        Operation::GetScheduledQuery,
        Operation::GetScheduledQueryHistory,
        Operation::GetStorageTierPolicy,
        Operation::GetTransformer,
        Operation::ListAggregateLogGroupSummaries,
        Operation::ListAnomalies,
        Operation::ListIntegrations,
        Operation::ListLogAnomalyDetectors,
        Operation::ListLogGroups,
        Operation::ListLogGroupsForQuery,
        Operation::ListScheduledQueries,
        Operation::ListSourcesForS3TableIntegration,
        Operation::ListSyslogConfigurations,
        Operation::ListTagsForResource,
        Operation::ListTagsLogGroup,
        Operation::PutAccountPolicy,
        Operation::PutBearerTokenAuthentication,
        Operation::PutDataProtectionPolicy,
        Operation::PutDeliveryDestination,
        Operation::PutDeliveryDestinationPolicy,
        Operation::PutDeliverySource,
        Operation::PutDestination,
        Operation::PutDestinationPolicy,
        Operation::PutIndexPolicy,
        Operation::PutIntegration,
        Operation::PutLogEvents,
        Operation::PutLogGroupDeletionProtection,
        Operation::PutMetricFilter,
        Operation::PutQueryDefinition,
        Operation::PutResourcePolicy,
        Operation::PutRetentionPolicy,
        Operation::PutStorageTierPolicy,
        Operation::PutSubscriptionFilter,
        Operation::PutSyslogConfiguration,
        Operation::PutTransformer,
        Operation::StartLiveTail,
        Operation::StartQuery,
        Operation::StopQuery,
        Operation::TagLogGroup,
        Operation::TagResource,
        Operation::TestMetricFilter,
        Operation::TestTransformer,
        Operation::UntagLogGroup,
        Operation::UntagResource,
        Operation::UpdateAnomaly,
        Operation::UpdateDeliveryConfiguration,
        Operation::UpdateLogAnomalyDetector,
        Operation::UpdateLookupTable,
        Operation::UpdateScheduledQuery,
    ];

    /// The operation name (`X-Amz-Target` suffix).
    pub fn name(&self) -> &'static str {
        match self {
            Operation::AssociateKmsKey => "AssociateKmsKey",
            Operation::AssociateSourceToS3TableIntegration => "AssociateSourceToS3TableIntegration",
            Operation::CancelExportTask => "CancelExportTask",
            Operation::CancelImportTask => "CancelImportTask",
            Operation::CreateDelivery => "CreateDelivery",
            Operation::CreateExportTask => "CreateExportTask",
            Operation::CreateImportTask => "CreateImportTask",
            Operation::CreateLogAnomalyDetector => "CreateLogAnomalyDetector",
            Operation::CreateLogGroup => "CreateLogGroup",
            Operation::CreateLogStream => "CreateLogStream",
            Operation::CreateLookupTable => "CreateLookupTable",
            Operation::CreateScheduledQuery => "CreateScheduledQuery",
            Operation::DeleteAccountPolicy => "DeleteAccountPolicy",
            Operation::DeleteDataProtectionPolicy => "DeleteDataProtectionPolicy",
            Operation::DeleteDelivery => "DeleteDelivery",
            Operation::DeleteDeliveryDestination => "DeleteDeliveryDestination",
            Operation::DeleteDeliveryDestinationPolicy => "DeleteDeliveryDestinationPolicy",
            Operation::DeleteDeliverySource => "DeleteDeliverySource",
            Operation::DeleteDestination => "DeleteDestination",
            Operation::DeleteIndexPolicy => "DeleteIndexPolicy",
            Operation::DeleteIntegration => "DeleteIntegration",
            Operation::DeleteLogAnomalyDetector => "DeleteLogAnomalyDetector",
            Operation::DeleteLogGroup => "DeleteLogGroup",
            Operation::DeleteLogStream => "DeleteLogStream",
            Operation::DeleteLookupTable => "DeleteLookupTable",
            Operation::DeleteMetricFilter => "DeleteMetricFilter",
            Operation::DeleteQueryDefinition => "DeleteQueryDefinition",
            Operation::DeleteResourcePolicy => "DeleteResourcePolicy",
            Operation::DeleteRetentionPolicy => "DeleteRetentionPolicy",
            Operation::DeleteScheduledQuery => "DeleteScheduledQuery",
            Operation::DeleteSubscriptionFilter => "DeleteSubscriptionFilter",
            Operation::DeleteSyslogConfiguration => "DeleteSyslogConfiguration",
            Operation::DeleteTransformer => "DeleteTransformer",
            Operation::DescribeAccountPolicies => "DescribeAccountPolicies",
            Operation::DescribeConfigurationTemplates => "DescribeConfigurationTemplates",
            Operation::DescribeDeliveries => "DescribeDeliveries",
            Operation::DescribeDeliveryDestinations => "DescribeDeliveryDestinations",
            Operation::DescribeDeliverySources => "DescribeDeliverySources",
            Operation::DescribeDestinations => "DescribeDestinations",
            Operation::DescribeExportTasks => "DescribeExportTasks",
            Operation::DescribeFieldIndexes => "DescribeFieldIndexes",
            Operation::DescribeImportTaskBatches => "DescribeImportTaskBatches",
            Operation::DescribeImportTasks => "DescribeImportTasks",
            Operation::DescribeIndexPolicies => "DescribeIndexPolicies",
            Operation::DescribeLogGroups => "DescribeLogGroups",
            Operation::DescribeLogStreams => "DescribeLogStreams",
            Operation::DescribeLookupTables => "DescribeLookupTables",
            Operation::DescribeMetricFilters => "DescribeMetricFilters",
            Operation::DescribeQueries => "DescribeQueries",
            Operation::DescribeQueryDefinitions => "DescribeQueryDefinitions",
            Operation::DescribeResourcePolicies => "DescribeResourcePolicies",
            Operation::DescribeSubscriptionFilters => "DescribeSubscriptionFilters",
            Operation::DisassociateKmsKey => "DisassociateKmsKey",
            Operation::DisassociateSourceFromS3TableIntegration => {
                "DisassociateSourceFromS3TableIntegration"
            }
            Operation::FilterLogEvents => "FilterLogEvents",
            Operation::GetDataProtectionPolicy => "GetDataProtectionPolicy",
            Operation::GetDelivery => "GetDelivery",
            Operation::GetDeliveryDestination => "GetDeliveryDestination",
            Operation::GetDeliveryDestinationPolicy => "GetDeliveryDestinationPolicy",
            Operation::GetDeliverySource => "GetDeliverySource",
            Operation::GetIntegration => "GetIntegration",
            Operation::GetLogAnomalyDetector => "GetLogAnomalyDetector",
            Operation::GetLogEvents => "GetLogEvents",
            Operation::GetLogFields => "GetLogFields",
            Operation::GetLogGroupFields => "GetLogGroupFields",
            Operation::GetLogObject => "GetLogObject",
            Operation::GetLogRecord => "GetLogRecord",
            Operation::GetLookupTable => "GetLookupTable",
            Operation::GetQueryResults => "GetQueryResults",
            Operation::GetScheduledQuery => "GetScheduledQuery",
            Operation::GetScheduledQueryHistory => "GetScheduledQueryHistory",
            Operation::GetStorageTierPolicy => "GetStorageTierPolicy",
            Operation::GetTransformer => "GetTransformer",
            Operation::ListAggregateLogGroupSummaries => "ListAggregateLogGroupSummaries",
            Operation::ListAnomalies => "ListAnomalies",
            Operation::ListIntegrations => "ListIntegrations",
            Operation::ListLogAnomalyDetectors => "ListLogAnomalyDetectors",
            Operation::ListLogGroups => "ListLogGroups",
            Operation::ListLogGroupsForQuery => "ListLogGroupsForQuery",
            Operation::ListScheduledQueries => "ListScheduledQueries",
            Operation::ListSourcesForS3TableIntegration => "ListSourcesForS3TableIntegration",
            Operation::ListSyslogConfigurations => "ListSyslogConfigurations",
            Operation::ListTagsForResource => "ListTagsForResource",
            Operation::ListTagsLogGroup => "ListTagsLogGroup",
            Operation::PutAccountPolicy => "PutAccountPolicy",
            Operation::PutBearerTokenAuthentication => "PutBearerTokenAuthentication",
            Operation::PutDataProtectionPolicy => "PutDataProtectionPolicy",
            Operation::PutDeliveryDestination => "PutDeliveryDestination",
            Operation::PutDeliveryDestinationPolicy => "PutDeliveryDestinationPolicy",
            Operation::PutDeliverySource => "PutDeliverySource",
            Operation::PutDestination => "PutDestination",
            Operation::PutDestinationPolicy => "PutDestinationPolicy",
            Operation::PutIndexPolicy => "PutIndexPolicy",
            Operation::PutIntegration => "PutIntegration",
            Operation::PutLogEvents => "PutLogEvents",
            Operation::PutLogGroupDeletionProtection => "PutLogGroupDeletionProtection",
            Operation::PutMetricFilter => "PutMetricFilter",
            Operation::PutQueryDefinition => "PutQueryDefinition",
            Operation::PutResourcePolicy => "PutResourcePolicy",
            Operation::PutRetentionPolicy => "PutRetentionPolicy",
            Operation::PutStorageTierPolicy => "PutStorageTierPolicy",
            Operation::PutSubscriptionFilter => "PutSubscriptionFilter",
            Operation::PutSyslogConfiguration => "PutSyslogConfiguration",
            Operation::PutTransformer => "PutTransformer",
            Operation::StartLiveTail => "StartLiveTail",
            Operation::StartQuery => "StartQuery",
            Operation::StopQuery => "StopQuery",
            Operation::TagLogGroup => "TagLogGroup",
            Operation::TagResource => "TagResource",
            Operation::TestMetricFilter => "TestMetricFilter",
            Operation::TestTransformer => "TestTransformer",
            Operation::UntagLogGroup => "UntagLogGroup",
            Operation::UntagResource => "UntagResource",
            Operation::UpdateAnomaly => "UpdateAnomaly",
            Operation::UpdateDeliveryConfiguration => "UpdateDeliveryConfiguration",
            Operation::UpdateLogAnomalyDetector => "UpdateLogAnomalyDetector",
            Operation::UpdateLookupTable => "UpdateLookupTable",
            Operation::UpdateScheduledQuery => "UpdateScheduledQuery",
        }
    }

    /// Looks up an operation by name.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL
            .binary_search_by(|op| op.name().cmp(name))
            .ok()
            .map(|i| Self::ALL[i])
    }

    /// Looks up an operation from a full `X-Amz-Target` header value.
    pub fn from_target(target: &str) -> Option<Self> {
        let rest = target.strip_prefix(TARGET_PREFIX)?.strip_prefix('.')?;
        Self::from_name(rest)
    }

    /// Input shape name, if the operation takes input.
    pub fn input_shape(&self) -> Option<&'static str> {
        match self {
            Operation::AssociateKmsKey => Some("AssociateKmsKeyRequest"),
            Operation::AssociateSourceToS3TableIntegration => {
                Some("AssociateSourceToS3TableIntegrationRequest")
            }
            Operation::CancelExportTask => Some("CancelExportTaskRequest"),
            Operation::CancelImportTask => Some("CancelImportTaskRequest"),
            Operation::CreateDelivery => Some("CreateDeliveryRequest"),
            Operation::CreateExportTask => Some("CreateExportTaskRequest"),
            Operation::CreateImportTask => Some("CreateImportTaskRequest"),
            Operation::CreateLogAnomalyDetector => Some("CreateLogAnomalyDetectorRequest"),
            Operation::CreateLogGroup => Some("CreateLogGroupRequest"),
            Operation::CreateLogStream => Some("CreateLogStreamRequest"),
            Operation::CreateLookupTable => Some("CreateLookupTableRequest"),
            Operation::CreateScheduledQuery => Some("CreateScheduledQueryRequest"),
            Operation::DeleteAccountPolicy => Some("DeleteAccountPolicyRequest"),
            Operation::DeleteDataProtectionPolicy => Some("DeleteDataProtectionPolicyRequest"),
            Operation::DeleteDelivery => Some("DeleteDeliveryRequest"),
            Operation::DeleteDeliveryDestination => Some("DeleteDeliveryDestinationRequest"),
            Operation::DeleteDeliveryDestinationPolicy => {
                Some("DeleteDeliveryDestinationPolicyRequest")
            }
            Operation::DeleteDeliverySource => Some("DeleteDeliverySourceRequest"),
            Operation::DeleteDestination => Some("DeleteDestinationRequest"),
            Operation::DeleteIndexPolicy => Some("DeleteIndexPolicyRequest"),
            Operation::DeleteIntegration => Some("DeleteIntegrationRequest"),
            Operation::DeleteLogAnomalyDetector => Some("DeleteLogAnomalyDetectorRequest"),
            Operation::DeleteLogGroup => Some("DeleteLogGroupRequest"),
            Operation::DeleteLogStream => Some("DeleteLogStreamRequest"),
            Operation::DeleteLookupTable => Some("DeleteLookupTableRequest"),
            Operation::DeleteMetricFilter => Some("DeleteMetricFilterRequest"),
            Operation::DeleteQueryDefinition => Some("DeleteQueryDefinitionRequest"),
            Operation::DeleteResourcePolicy => Some("DeleteResourcePolicyRequest"),
            Operation::DeleteRetentionPolicy => Some("DeleteRetentionPolicyRequest"),
            Operation::DeleteScheduledQuery => Some("DeleteScheduledQueryRequest"),
            Operation::DeleteSubscriptionFilter => Some("DeleteSubscriptionFilterRequest"),
            Operation::DeleteSyslogConfiguration => Some("DeleteSyslogConfigurationRequest"),
            Operation::DeleteTransformer => Some("DeleteTransformerRequest"),
            Operation::DescribeAccountPolicies => Some("DescribeAccountPoliciesRequest"),
            Operation::DescribeConfigurationTemplates => {
                Some("DescribeConfigurationTemplatesRequest")
            }
            Operation::DescribeDeliveries => Some("DescribeDeliveriesRequest"),
            Operation::DescribeDeliveryDestinations => Some("DescribeDeliveryDestinationsRequest"),
            Operation::DescribeDeliverySources => Some("DescribeDeliverySourcesRequest"),
            Operation::DescribeDestinations => Some("DescribeDestinationsRequest"),
            Operation::DescribeExportTasks => Some("DescribeExportTasksRequest"),
            Operation::DescribeFieldIndexes => Some("DescribeFieldIndexesRequest"),
            Operation::DescribeImportTaskBatches => Some("DescribeImportTaskBatchesRequest"),
            Operation::DescribeImportTasks => Some("DescribeImportTasksRequest"),
            Operation::DescribeIndexPolicies => Some("DescribeIndexPoliciesRequest"),
            Operation::DescribeLogGroups => Some("DescribeLogGroupsRequest"),
            Operation::DescribeLogStreams => Some("DescribeLogStreamsRequest"),
            Operation::DescribeLookupTables => Some("DescribeLookupTablesRequest"),
            Operation::DescribeMetricFilters => Some("DescribeMetricFiltersRequest"),
            Operation::DescribeQueries => Some("DescribeQueriesRequest"),
            Operation::DescribeQueryDefinitions => Some("DescribeQueryDefinitionsRequest"),
            Operation::DescribeResourcePolicies => Some("DescribeResourcePoliciesRequest"),
            Operation::DescribeSubscriptionFilters => Some("DescribeSubscriptionFiltersRequest"),
            Operation::DisassociateKmsKey => Some("DisassociateKmsKeyRequest"),
            Operation::DisassociateSourceFromS3TableIntegration => {
                Some("DisassociateSourceFromS3TableIntegrationRequest")
            }
            Operation::FilterLogEvents => Some("FilterLogEventsRequest"),
            Operation::GetDataProtectionPolicy => Some("GetDataProtectionPolicyRequest"),
            Operation::GetDelivery => Some("GetDeliveryRequest"),
            Operation::GetDeliveryDestination => Some("GetDeliveryDestinationRequest"),
            Operation::GetDeliveryDestinationPolicy => Some("GetDeliveryDestinationPolicyRequest"),
            Operation::GetDeliverySource => Some("GetDeliverySourceRequest"),
            Operation::GetIntegration => Some("GetIntegrationRequest"),
            Operation::GetLogAnomalyDetector => Some("GetLogAnomalyDetectorRequest"),
            Operation::GetLogEvents => Some("GetLogEventsRequest"),
            Operation::GetLogFields => Some("GetLogFieldsRequest"),
            Operation::GetLogGroupFields => Some("GetLogGroupFieldsRequest"),
            Operation::GetLogObject => Some("GetLogObjectRequest"),
            Operation::GetLogRecord => Some("GetLogRecordRequest"),
            Operation::GetLookupTable => Some("GetLookupTableRequest"),
            Operation::GetQueryResults => Some("GetQueryResultsRequest"),
            Operation::GetScheduledQuery => Some("GetScheduledQueryRequest"),
            Operation::GetScheduledQueryHistory => Some("GetScheduledQueryHistoryRequest"),
            Operation::GetStorageTierPolicy => Some("GetStorageTierPolicyRequest"),
            Operation::GetTransformer => Some("GetTransformerRequest"),
            Operation::ListAggregateLogGroupSummaries => {
                Some("ListAggregateLogGroupSummariesRequest")
            }
            Operation::ListAnomalies => Some("ListAnomaliesRequest"),
            Operation::ListIntegrations => Some("ListIntegrationsRequest"),
            Operation::ListLogAnomalyDetectors => Some("ListLogAnomalyDetectorsRequest"),
            Operation::ListLogGroups => Some("ListLogGroupsRequest"),
            Operation::ListLogGroupsForQuery => Some("ListLogGroupsForQueryRequest"),
            Operation::ListScheduledQueries => Some("ListScheduledQueriesRequest"),
            Operation::ListSourcesForS3TableIntegration => {
                Some("ListSourcesForS3TableIntegrationRequest")
            }
            Operation::ListSyslogConfigurations => Some("ListSyslogConfigurationsRequest"),
            Operation::ListTagsForResource => Some("ListTagsForResourceRequest"),
            Operation::ListTagsLogGroup => Some("ListTagsLogGroupRequest"),
            Operation::PutAccountPolicy => Some("PutAccountPolicyRequest"),
            Operation::PutBearerTokenAuthentication => Some("PutBearerTokenAuthenticationRequest"),
            Operation::PutDataProtectionPolicy => Some("PutDataProtectionPolicyRequest"),
            Operation::PutDeliveryDestination => Some("PutDeliveryDestinationRequest"),
            Operation::PutDeliveryDestinationPolicy => Some("PutDeliveryDestinationPolicyRequest"),
            Operation::PutDeliverySource => Some("PutDeliverySourceRequest"),
            Operation::PutDestination => Some("PutDestinationRequest"),
            Operation::PutDestinationPolicy => Some("PutDestinationPolicyRequest"),
            Operation::PutIndexPolicy => Some("PutIndexPolicyRequest"),
            Operation::PutIntegration => Some("PutIntegrationRequest"),
            Operation::PutLogEvents => Some("PutLogEventsRequest"),
            Operation::PutLogGroupDeletionProtection => {
                Some("PutLogGroupDeletionProtectionRequest")
            }
            Operation::PutMetricFilter => Some("PutMetricFilterRequest"),
            Operation::PutQueryDefinition => Some("PutQueryDefinitionRequest"),
            Operation::PutResourcePolicy => Some("PutResourcePolicyRequest"),
            Operation::PutRetentionPolicy => Some("PutRetentionPolicyRequest"),
            Operation::PutStorageTierPolicy => Some("PutStorageTierPolicyRequest"),
            Operation::PutSubscriptionFilter => Some("PutSubscriptionFilterRequest"),
            Operation::PutSyslogConfiguration => Some("PutSyslogConfigurationRequest"),
            Operation::PutTransformer => Some("PutTransformerRequest"),
            Operation::StartLiveTail => Some("StartLiveTailRequest"),
            Operation::StartQuery => Some("StartQueryRequest"),
            Operation::StopQuery => Some("StopQueryRequest"),
            Operation::TagLogGroup => Some("TagLogGroupRequest"),
            Operation::TagResource => Some("TagResourceRequest"),
            Operation::TestMetricFilter => Some("TestMetricFilterRequest"),
            Operation::TestTransformer => Some("TestTransformerRequest"),
            Operation::UntagLogGroup => Some("UntagLogGroupRequest"),
            Operation::UntagResource => Some("UntagResourceRequest"),
            Operation::UpdateAnomaly => Some("UpdateAnomalyRequest"),
            Operation::UpdateDeliveryConfiguration => Some("UpdateDeliveryConfigurationRequest"),
            Operation::UpdateLogAnomalyDetector => Some("UpdateLogAnomalyDetectorRequest"),
            Operation::UpdateLookupTable => Some("UpdateLookupTableRequest"),
            Operation::UpdateScheduledQuery => Some("UpdateScheduledQueryRequest"),
        }
    }

    /// Output shape name; `None` means the response body is `{}`.
    pub fn output_shape(&self) -> Option<&'static str> {
        match self {
            Operation::AssociateKmsKey => None,
            Operation::AssociateSourceToS3TableIntegration => {
                Some("AssociateSourceToS3TableIntegrationResponse")
            }
            Operation::CancelExportTask => None,
            Operation::CancelImportTask => Some("CancelImportTaskResponse"),
            Operation::CreateDelivery => Some("CreateDeliveryResponse"),
            Operation::CreateExportTask => Some("CreateExportTaskResponse"),
            Operation::CreateImportTask => Some("CreateImportTaskResponse"),
            Operation::CreateLogAnomalyDetector => Some("CreateLogAnomalyDetectorResponse"),
            Operation::CreateLogGroup => None,
            Operation::CreateLogStream => None,
            Operation::CreateLookupTable => Some("CreateLookupTableResponse"),
            Operation::CreateScheduledQuery => Some("CreateScheduledQueryResponse"),
            Operation::DeleteAccountPolicy => Some("DeleteAccountPolicyResponse"),
            Operation::DeleteDataProtectionPolicy => None,
            Operation::DeleteDelivery => None,
            Operation::DeleteDeliveryDestination => None,
            Operation::DeleteDeliveryDestinationPolicy => None,
            Operation::DeleteDeliverySource => None,
            Operation::DeleteDestination => None,
            Operation::DeleteIndexPolicy => Some("DeleteIndexPolicyResponse"),
            Operation::DeleteIntegration => Some("DeleteIntegrationResponse"),
            Operation::DeleteLogAnomalyDetector => None,
            Operation::DeleteLogGroup => None,
            Operation::DeleteLogStream => None,
            Operation::DeleteLookupTable => None,
            Operation::DeleteMetricFilter => None,
            Operation::DeleteQueryDefinition => Some("DeleteQueryDefinitionResponse"),
            Operation::DeleteResourcePolicy => None,
            Operation::DeleteRetentionPolicy => None,
            Operation::DeleteScheduledQuery => Some("DeleteScheduledQueryResponse"),
            Operation::DeleteSubscriptionFilter => None,
            Operation::DeleteSyslogConfiguration => None,
            Operation::DeleteTransformer => None,
            Operation::DescribeAccountPolicies => Some("DescribeAccountPoliciesResponse"),
            Operation::DescribeConfigurationTemplates => {
                Some("DescribeConfigurationTemplatesResponse")
            }
            Operation::DescribeDeliveries => Some("DescribeDeliveriesResponse"),
            Operation::DescribeDeliveryDestinations => Some("DescribeDeliveryDestinationsResponse"),
            Operation::DescribeDeliverySources => Some("DescribeDeliverySourcesResponse"),
            Operation::DescribeDestinations => Some("DescribeDestinationsResponse"),
            Operation::DescribeExportTasks => Some("DescribeExportTasksResponse"),
            Operation::DescribeFieldIndexes => Some("DescribeFieldIndexesResponse"),
            Operation::DescribeImportTaskBatches => Some("DescribeImportTaskBatchesResponse"),
            Operation::DescribeImportTasks => Some("DescribeImportTasksResponse"),
            Operation::DescribeIndexPolicies => Some("DescribeIndexPoliciesResponse"),
            Operation::DescribeLogGroups => Some("DescribeLogGroupsResponse"),
            Operation::DescribeLogStreams => Some("DescribeLogStreamsResponse"),
            Operation::DescribeLookupTables => Some("DescribeLookupTablesResponse"),
            Operation::DescribeMetricFilters => Some("DescribeMetricFiltersResponse"),
            Operation::DescribeQueries => Some("DescribeQueriesResponse"),
            Operation::DescribeQueryDefinitions => Some("DescribeQueryDefinitionsResponse"),
            Operation::DescribeResourcePolicies => Some("DescribeResourcePoliciesResponse"),
            Operation::DescribeSubscriptionFilters => Some("DescribeSubscriptionFiltersResponse"),
            Operation::DisassociateKmsKey => None,
            Operation::DisassociateSourceFromS3TableIntegration => {
                Some("DisassociateSourceFromS3TableIntegrationResponse")
            }
            Operation::FilterLogEvents => Some("FilterLogEventsResponse"),
            Operation::GetDataProtectionPolicy => Some("GetDataProtectionPolicyResponse"),
            Operation::GetDelivery => Some("GetDeliveryResponse"),
            Operation::GetDeliveryDestination => Some("GetDeliveryDestinationResponse"),
            Operation::GetDeliveryDestinationPolicy => Some("GetDeliveryDestinationPolicyResponse"),
            Operation::GetDeliverySource => Some("GetDeliverySourceResponse"),
            Operation::GetIntegration => Some("GetIntegrationResponse"),
            Operation::GetLogAnomalyDetector => Some("GetLogAnomalyDetectorResponse"),
            Operation::GetLogEvents => Some("GetLogEventsResponse"),
            Operation::GetLogFields => Some("GetLogFieldsResponse"),
            Operation::GetLogGroupFields => Some("GetLogGroupFieldsResponse"),
            Operation::GetLogObject => Some("GetLogObjectResponse"),
            Operation::GetLogRecord => Some("GetLogRecordResponse"),
            Operation::GetLookupTable => Some("GetLookupTableResponse"),
            Operation::GetQueryResults => Some("GetQueryResultsResponse"),
            Operation::GetScheduledQuery => Some("GetScheduledQueryResponse"),
            Operation::GetScheduledQueryHistory => Some("GetScheduledQueryHistoryResponse"),
            Operation::GetStorageTierPolicy => Some("GetStorageTierPolicyResponse"),
            Operation::GetTransformer => Some("GetTransformerResponse"),
            Operation::ListAggregateLogGroupSummaries => {
                Some("ListAggregateLogGroupSummariesResponse")
            }
            Operation::ListAnomalies => Some("ListAnomaliesResponse"),
            Operation::ListIntegrations => Some("ListIntegrationsResponse"),
            Operation::ListLogAnomalyDetectors => Some("ListLogAnomalyDetectorsResponse"),
            Operation::ListLogGroups => Some("ListLogGroupsResponse"),
            Operation::ListLogGroupsForQuery => Some("ListLogGroupsForQueryResponse"),
            Operation::ListScheduledQueries => Some("ListScheduledQueriesResponse"),
            Operation::ListSourcesForS3TableIntegration => {
                Some("ListSourcesForS3TableIntegrationResponse")
            }
            Operation::ListSyslogConfigurations => Some("ListSyslogConfigurationsResponse"),
            Operation::ListTagsForResource => Some("ListTagsForResourceResponse"),
            Operation::ListTagsLogGroup => Some("ListTagsLogGroupResponse"),
            Operation::PutAccountPolicy => Some("PutAccountPolicyResponse"),
            Operation::PutBearerTokenAuthentication => None,
            Operation::PutDataProtectionPolicy => Some("PutDataProtectionPolicyResponse"),
            Operation::PutDeliveryDestination => Some("PutDeliveryDestinationResponse"),
            Operation::PutDeliveryDestinationPolicy => Some("PutDeliveryDestinationPolicyResponse"),
            Operation::PutDeliverySource => Some("PutDeliverySourceResponse"),
            Operation::PutDestination => Some("PutDestinationResponse"),
            Operation::PutDestinationPolicy => None,
            Operation::PutIndexPolicy => Some("PutIndexPolicyResponse"),
            Operation::PutIntegration => Some("PutIntegrationResponse"),
            Operation::PutLogEvents => Some("PutLogEventsResponse"),
            Operation::PutLogGroupDeletionProtection => None,
            Operation::PutMetricFilter => None,
            Operation::PutQueryDefinition => Some("PutQueryDefinitionResponse"),
            Operation::PutResourcePolicy => Some("PutResourcePolicyResponse"),
            Operation::PutRetentionPolicy => None,
            Operation::PutStorageTierPolicy => Some("PutStorageTierPolicyResponse"),
            Operation::PutSubscriptionFilter => None,
            Operation::PutSyslogConfiguration => None,
            Operation::PutTransformer => None,
            Operation::StartLiveTail => Some("StartLiveTailResponse"),
            Operation::StartQuery => Some("StartQueryResponse"),
            Operation::StopQuery => Some("StopQueryResponse"),
            Operation::TagLogGroup => None,
            Operation::TagResource => None,
            Operation::TestMetricFilter => Some("TestMetricFilterResponse"),
            Operation::TestTransformer => Some("TestTransformerResponse"),
            Operation::UntagLogGroup => None,
            Operation::UntagResource => None,
            Operation::UpdateAnomaly => None,
            Operation::UpdateDeliveryConfiguration => Some("UpdateDeliveryConfigurationResponse"),
            Operation::UpdateLogAnomalyDetector => None,
            Operation::UpdateLookupTable => Some("UpdateLookupTableResponse"),
            Operation::UpdateScheduledQuery => Some("UpdateScheduledQueryResponse"),
        }
    }
}

/// `(input shape, output shape)` of an operation; an operation without
/// input or output yields `""` in that position.
pub fn operation_shapes(name: &str) -> Option<(&'static str, &'static str)> {
    let op = Operation::from_name(name)?;
    Some((
        op.input_shape().unwrap_or(""),
        op.output_shape().unwrap_or(""),
    ))
}

/// Wire exception `AccessDeniedException`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct AccessDeniedException {}

/// Wire structure `AccountPolicy`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct AccountPolicy {
    #[serde(
        rename = "policyName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub policy_name: Option<String>,
    #[serde(
        rename = "policyDocument",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub policy_document: Option<String>,
    #[serde(
        rename = "lastUpdatedTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub last_updated_time: Option<i64>,
    #[serde(
        rename = "policyType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub policy_type: Option<PolicyType>,
    #[serde(rename = "scope", default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<Scope>,
    #[serde(
        rename = "selectionCriteria",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub selection_criteria: Option<String>,
    #[serde(rename = "accountId", default, skip_serializing_if = "Option::is_none")]
    pub account_id: Option<String>,
}

/// Wire enum `ActionStatus`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ActionStatus {
    #[serde(rename = "IN_PROGRESS")]
    InProgress,
    #[serde(rename = "CLIENT_ERROR")]
    ClientError,
    #[serde(rename = "FAILED")]
    Failed,
    #[serde(rename = "COMPLETE")]
    Complete,
}

impl ActionStatus {
    /// Every value, in model order.
    pub const ALL: &'static [ActionStatus] = &[
        ActionStatus::InProgress,
        ActionStatus::ClientError,
        ActionStatus::Failed,
        ActionStatus::Complete,
    ];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            ActionStatus::InProgress => "IN_PROGRESS",
            ActionStatus::ClientError => "CLIENT_ERROR",
            ActionStatus::Failed => "FAILED",
            ActionStatus::Complete => "COMPLETE",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for ActionStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire structure `AddKeyEntry`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AddKeyEntry {
    #[serde(rename = "key")]
    pub key: String,
    #[serde(rename = "value")]
    pub value: String,
    #[serde(
        rename = "overwriteIfExists",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub overwrite_if_exists: Option<bool>,
}

/// Wire structure `AddKeys`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AddKeys {
    #[serde(rename = "entries")]
    pub entries: Vec<AddKeyEntry>,
}

/// Wire structure `AggregateLogGroupSummary`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct AggregateLogGroupSummary {
    #[serde(
        rename = "logGroupCount",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub log_group_count: Option<i32>,
    #[serde(
        rename = "groupingIdentifiers",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub grouping_identifiers: Option<Vec<GroupingIdentifier>>,
}

/// Wire structure `Anomaly`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Anomaly {
    #[serde(rename = "anomalyId")]
    pub anomaly_id: String,
    #[serde(rename = "patternId")]
    pub pattern_id: String,
    #[serde(rename = "anomalyDetectorArn")]
    pub anomaly_detector_arn: String,
    #[serde(rename = "patternString")]
    pub pattern_string: String,
    #[serde(
        rename = "patternRegex",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub pattern_regex: Option<String>,
    #[serde(rename = "priority", default, skip_serializing_if = "Option::is_none")]
    pub priority: Option<String>,
    #[serde(rename = "firstSeen")]
    pub first_seen: i64,
    #[serde(rename = "lastSeen")]
    pub last_seen: i64,
    #[serde(rename = "description")]
    pub description: String,
    #[serde(rename = "active")]
    pub active: bool,
    #[serde(rename = "state")]
    pub state: State,
    #[serde(rename = "histogram")]
    pub histogram: BTreeMap<String, i64>,
    #[serde(rename = "logSamples")]
    pub log_samples: Vec<LogEvent>,
    #[serde(rename = "patternTokens")]
    pub pattern_tokens: Vec<PatternToken>,
    #[serde(rename = "logGroupArnList")]
    pub log_group_arn_list: Vec<String>,
    #[serde(
        rename = "suppressed",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub suppressed: Option<bool>,
    #[serde(
        rename = "suppressedDate",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub suppressed_date: Option<i64>,
    #[serde(
        rename = "suppressedUntil",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub suppressed_until: Option<i64>,
    #[serde(
        rename = "isPatternLevelSuppression",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub is_pattern_level_suppression: Option<bool>,
}

/// Wire structure `AnomalyDetector`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct AnomalyDetector {
    #[serde(
        rename = "anomalyDetectorArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub anomaly_detector_arn: Option<String>,
    #[serde(
        rename = "detectorName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub detector_name: Option<String>,
    #[serde(
        rename = "logGroupArnList",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub log_group_arn_list: Option<Vec<String>>,
    #[serde(
        rename = "evaluationFrequency",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub evaluation_frequency: Option<EvaluationFrequency>,
    #[serde(
        rename = "filterPattern",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub filter_pattern: Option<String>,
    #[serde(
        rename = "anomalyDetectorStatus",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub anomaly_detector_status: Option<AnomalyDetectorStatus>,
    #[serde(rename = "kmsKeyId", default, skip_serializing_if = "Option::is_none")]
    pub kms_key_id: Option<String>,
    #[serde(
        rename = "creationTimeStamp",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub creation_time_stamp: Option<i64>,
    #[serde(
        rename = "lastModifiedTimeStamp",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub last_modified_time_stamp: Option<i64>,
    #[serde(
        rename = "anomalyVisibilityTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub anomaly_visibility_time: Option<i64>,
}

/// Wire enum `AnomalyDetectorStatus`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum AnomalyDetectorStatus {
    #[serde(rename = "INITIALIZING")]
    Initializing,
    #[serde(rename = "TRAINING")]
    Training,
    #[serde(rename = "ANALYZING")]
    Analyzing,
    #[serde(rename = "FAILED")]
    Failed,
    #[serde(rename = "DELETED")]
    Deleted,
    #[serde(rename = "PAUSED")]
    Paused,
}

impl AnomalyDetectorStatus {
    /// Every value, in model order.
    pub const ALL: &'static [AnomalyDetectorStatus] = &[
        AnomalyDetectorStatus::Initializing,
        AnomalyDetectorStatus::Training,
        AnomalyDetectorStatus::Analyzing,
        AnomalyDetectorStatus::Failed,
        AnomalyDetectorStatus::Deleted,
        AnomalyDetectorStatus::Paused,
    ];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            AnomalyDetectorStatus::Initializing => "INITIALIZING",
            AnomalyDetectorStatus::Training => "TRAINING",
            AnomalyDetectorStatus::Analyzing => "ANALYZING",
            AnomalyDetectorStatus::Failed => "FAILED",
            AnomalyDetectorStatus::Deleted => "DELETED",
            AnomalyDetectorStatus::Paused => "PAUSED",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for AnomalyDetectorStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire structure `AssociateKmsKeyRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AssociateKmsKeyRequest {
    #[serde(
        rename = "logGroupName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub log_group_name: Option<String>,
    #[serde(rename = "kmsKeyId")]
    pub kms_key_id: String,
    #[serde(
        rename = "resourceIdentifier",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub resource_identifier: Option<String>,
}

/// Wire structure `AssociateSourceToS3TableIntegrationRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AssociateSourceToS3TableIntegrationRequest {
    #[serde(rename = "integrationArn")]
    pub integration_arn: String,
    #[serde(rename = "dataSource")]
    pub data_source: DataSource,
}

/// Wire structure `AssociateSourceToS3TableIntegrationResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct AssociateSourceToS3TableIntegrationResponse {
    #[serde(
        rename = "identifier",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub identifier: Option<String>,
}

/// Wire structure `CSV`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CSV {
    #[serde(
        rename = "quoteCharacter",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub quote_character: Option<String>,
    #[serde(rename = "delimiter", default, skip_serializing_if = "Option::is_none")]
    pub delimiter: Option<String>,
    #[serde(rename = "columns", default, skip_serializing_if = "Option::is_none")]
    pub columns: Option<Vec<String>>,
    #[serde(rename = "source", default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(
        rename = "destination",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub destination: Option<String>,
}

/// Wire structure `CancelExportTaskRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CancelExportTaskRequest {
    #[serde(rename = "taskId")]
    pub task_id: String,
}

/// Wire structure `CancelImportTaskRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CancelImportTaskRequest {
    #[serde(rename = "importId")]
    pub import_id: String,
}

/// Wire structure `CancelImportTaskResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CancelImportTaskResponse {
    #[serde(rename = "importId", default, skip_serializing_if = "Option::is_none")]
    pub import_id: Option<String>,
    #[serde(
        rename = "importStatistics",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub import_statistics: Option<ImportStatistics>,
    #[serde(
        rename = "importStatus",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub import_status: Option<ImportStatus>,
    #[serde(
        rename = "creationTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub creation_time: Option<i64>,
    #[serde(
        rename = "lastUpdatedTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub last_updated_time: Option<i64>,
}

/// Wire structure `ConfigurationTemplate`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ConfigurationTemplate {
    #[serde(rename = "service", default, skip_serializing_if = "Option::is_none")]
    pub service: Option<String>,
    #[serde(rename = "logType", default, skip_serializing_if = "Option::is_none")]
    pub log_type: Option<String>,
    #[serde(
        rename = "resourceType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub resource_type: Option<String>,
    #[serde(
        rename = "deliveryDestinationType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub delivery_destination_type: Option<DeliveryDestinationType>,
    #[serde(
        rename = "defaultDeliveryConfigValues",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub default_delivery_config_values: Option<ConfigurationTemplateDeliveryConfigValues>,
    #[serde(
        rename = "allowedFields",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub allowed_fields: Option<Vec<RecordField>>,
    #[serde(
        rename = "allowedOutputFormats",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub allowed_output_formats: Option<Vec<OutputFormat>>,
    #[serde(
        rename = "allowedActionForAllowVendedLogsDeliveryForResource",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub allowed_action_for_allow_vended_logs_delivery_for_resource: Option<String>,
    #[serde(
        rename = "allowedFieldDelimiters",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub allowed_field_delimiters: Option<Vec<String>>,
    #[serde(
        rename = "allowedSuffixPathFields",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub allowed_suffix_path_fields: Option<Vec<String>>,
    #[serde(
        rename = "deliverySourceConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub delivery_source_configuration: Option<Vec<DeliverySourceConfigurationSchema>>,
    #[serde(
        rename = "s3TablesIntegration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub s3_tables_integration: Option<S3TablesIntegration>,
}

/// Wire structure `ConfigurationTemplateDeliveryConfigValues`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ConfigurationTemplateDeliveryConfigValues {
    #[serde(
        rename = "recordFields",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub record_fields: Option<Vec<String>>,
    #[serde(
        rename = "fieldDelimiter",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub field_delimiter: Option<String>,
    #[serde(
        rename = "s3DeliveryConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub s3_delivery_configuration: Option<S3DeliveryConfiguration>,
}

/// Wire exception `ConflictException`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ConflictException {}

/// Wire structure `CopyValue`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CopyValue {
    #[serde(rename = "entries")]
    pub entries: Vec<CopyValueEntry>,
}

/// Wire structure `CopyValueEntry`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CopyValueEntry {
    #[serde(rename = "source")]
    pub source: String,
    #[serde(rename = "target")]
    pub target: String,
    #[serde(
        rename = "overwriteIfExists",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub overwrite_if_exists: Option<bool>,
}

/// Wire structure `CreateDeliveryRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CreateDeliveryRequest {
    #[serde(rename = "deliverySourceName")]
    pub delivery_source_name: String,
    #[serde(rename = "deliveryDestinationArn")]
    pub delivery_destination_arn: String,
    #[serde(
        rename = "recordFields",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub record_fields: Option<Vec<String>>,
    #[serde(
        rename = "fieldDelimiter",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub field_delimiter: Option<String>,
    #[serde(
        rename = "s3DeliveryConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub s3_delivery_configuration: Option<S3DeliveryConfiguration>,
    #[serde(rename = "tags", default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<BTreeMap<String, String>>,
}

/// Wire structure `CreateDeliveryResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateDeliveryResponse {
    #[serde(rename = "delivery", default, skip_serializing_if = "Option::is_none")]
    pub delivery: Option<Delivery>,
}

/// Wire structure `CreateExportTaskRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CreateExportTaskRequest {
    #[serde(rename = "taskName", default, skip_serializing_if = "Option::is_none")]
    pub task_name: Option<String>,
    #[serde(rename = "logGroupName")]
    pub log_group_name: String,
    #[serde(
        rename = "logStreamNamePrefix",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub log_stream_name_prefix: Option<String>,
    #[serde(rename = "from")]
    pub from: i64,
    #[serde(rename = "to")]
    pub to: i64,
    #[serde(rename = "destination")]
    pub destination: String,
    #[serde(
        rename = "destinationPrefix",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub destination_prefix: Option<String>,
}

/// Wire structure `CreateExportTaskResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateExportTaskResponse {
    #[serde(rename = "taskId", default, skip_serializing_if = "Option::is_none")]
    pub task_id: Option<String>,
}

/// Wire structure `CreateImportTaskRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CreateImportTaskRequest {
    #[serde(rename = "importSourceArn")]
    pub import_source_arn: String,
    #[serde(rename = "importRoleArn")]
    pub import_role_arn: String,
    #[serde(
        rename = "importFilter",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub import_filter: Option<ImportFilter>,
}

/// Wire structure `CreateImportTaskResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateImportTaskResponse {
    #[serde(rename = "importId", default, skip_serializing_if = "Option::is_none")]
    pub import_id: Option<String>,
    #[serde(
        rename = "importDestinationArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub import_destination_arn: Option<String>,
    #[serde(
        rename = "creationTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub creation_time: Option<i64>,
}

/// Wire structure `CreateLogAnomalyDetectorRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CreateLogAnomalyDetectorRequest {
    #[serde(rename = "logGroupArnList")]
    pub log_group_arn_list: Vec<String>,
    #[serde(
        rename = "detectorName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub detector_name: Option<String>,
    #[serde(
        rename = "evaluationFrequency",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub evaluation_frequency: Option<EvaluationFrequency>,
    #[serde(
        rename = "filterPattern",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub filter_pattern: Option<String>,
    #[serde(rename = "kmsKeyId", default, skip_serializing_if = "Option::is_none")]
    pub kms_key_id: Option<String>,
    #[serde(
        rename = "anomalyVisibilityTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub anomaly_visibility_time: Option<i64>,
    #[serde(rename = "tags", default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<BTreeMap<String, String>>,
}

/// Wire structure `CreateLogAnomalyDetectorResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateLogAnomalyDetectorResponse {
    #[serde(
        rename = "anomalyDetectorArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub anomaly_detector_arn: Option<String>,
}

/// Wire structure `CreateLogGroupRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CreateLogGroupRequest {
    #[serde(rename = "logGroupName")]
    pub log_group_name: String,
    #[serde(rename = "kmsKeyId", default, skip_serializing_if = "Option::is_none")]
    pub kms_key_id: Option<String>,
    #[serde(rename = "tags", default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<BTreeMap<String, String>>,
    #[serde(
        rename = "logGroupClass",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub log_group_class: Option<LogGroupClass>,
    #[serde(
        rename = "deletionProtectionEnabled",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub deletion_protection_enabled: Option<bool>,
}

/// Wire structure `CreateLogStreamRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CreateLogStreamRequest {
    #[serde(rename = "logGroupName")]
    pub log_group_name: String,
    #[serde(rename = "logStreamName")]
    pub log_stream_name: String,
}

/// Wire structure `CreateLookupTableRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CreateLookupTableRequest {
    #[serde(rename = "lookupTableName")]
    pub lookup_table_name: String,
    #[serde(
        rename = "description",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub description: Option<String>,
    #[serde(rename = "tableBody", default, skip_serializing_if = "Option::is_none")]
    pub table_body: Option<String>,
    #[serde(rename = "queryId", default, skip_serializing_if = "Option::is_none")]
    pub query_id: Option<String>,
    #[serde(rename = "kmsKeyId", default, skip_serializing_if = "Option::is_none")]
    pub kms_key_id: Option<String>,
    #[serde(rename = "tags", default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<BTreeMap<String, String>>,
}

/// Wire structure `CreateLookupTableResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateLookupTableResponse {
    #[serde(
        rename = "lookupTableArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub lookup_table_arn: Option<String>,
    #[serde(rename = "createdAt", default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<i64>,
}

/// Wire structure `CreateScheduledQueryRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CreateScheduledQueryRequest {
    #[serde(rename = "name")]
    pub name: String,
    #[serde(
        rename = "description",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub description: Option<String>,
    #[serde(rename = "queryLanguage")]
    pub query_language: QueryLanguage,
    #[serde(rename = "queryString")]
    pub query_string: String,
    #[serde(
        rename = "logGroupIdentifiers",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub log_group_identifiers: Option<Vec<String>>,
    #[serde(rename = "scheduleExpression")]
    pub schedule_expression: String,
    #[serde(rename = "timezone", default, skip_serializing_if = "Option::is_none")]
    pub timezone: Option<String>,
    #[serde(
        rename = "startTimeOffset",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub start_time_offset: Option<i64>,
    #[serde(
        rename = "endTimeOffset",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub end_time_offset: Option<i64>,
    #[serde(
        rename = "destinationConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub destination_configuration: Option<DestinationConfiguration>,
    #[serde(
        rename = "scheduleStartTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub schedule_start_time: Option<i64>,
    #[serde(
        rename = "scheduleEndTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub schedule_end_time: Option<i64>,
    #[serde(rename = "executionRoleArn")]
    pub execution_role_arn: String,
    #[serde(rename = "state", default, skip_serializing_if = "Option::is_none")]
    pub state: Option<ScheduledQueryState>,
    #[serde(rename = "tags", default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<BTreeMap<String, String>>,
}

/// Wire structure `CreateScheduledQueryResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateScheduledQueryResponse {
    #[serde(
        rename = "scheduledQueryArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub scheduled_query_arn: Option<String>,
    #[serde(rename = "state", default, skip_serializing_if = "Option::is_none")]
    pub state: Option<ScheduledQueryState>,
}

/// Wire exception `DataAlreadyAcceptedException`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DataAlreadyAcceptedException {
    #[serde(
        rename = "expectedSequenceToken",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub expected_sequence_token: Option<String>,
}

/// Wire enum `DataProtectionStatus`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum DataProtectionStatus {
    #[serde(rename = "ACTIVATED")]
    Activated,
    #[serde(rename = "DELETED")]
    Deleted,
    #[serde(rename = "ARCHIVED")]
    Archived,
    #[serde(rename = "DISABLED")]
    Disabled,
}

impl DataProtectionStatus {
    /// Every value, in model order.
    pub const ALL: &'static [DataProtectionStatus] = &[
        DataProtectionStatus::Activated,
        DataProtectionStatus::Deleted,
        DataProtectionStatus::Archived,
        DataProtectionStatus::Disabled,
    ];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            DataProtectionStatus::Activated => "ACTIVATED",
            DataProtectionStatus::Deleted => "DELETED",
            DataProtectionStatus::Archived => "ARCHIVED",
            DataProtectionStatus::Disabled => "DISABLED",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for DataProtectionStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire structure `DataSource`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DataSource {
    #[serde(rename = "name")]
    pub name: String,
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub r#type: Option<String>,
}

/// Wire structure `DataSourceFilter`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DataSourceFilter {
    #[serde(rename = "name")]
    pub name: String,
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub r#type: Option<String>,
}

/// Wire structure `DateTimeConverter`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DateTimeConverter {
    #[serde(rename = "source")]
    pub source: String,
    #[serde(rename = "target")]
    pub target: String,
    #[serde(
        rename = "targetFormat",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub target_format: Option<String>,
    #[serde(rename = "matchPatterns")]
    pub match_patterns: Vec<String>,
    #[serde(
        rename = "sourceTimezone",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub source_timezone: Option<String>,
    #[serde(
        rename = "targetTimezone",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub target_timezone: Option<String>,
    #[serde(rename = "locale", default, skip_serializing_if = "Option::is_none")]
    pub locale: Option<String>,
}

/// Wire structure `DeleteAccountPolicyRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DeleteAccountPolicyRequest {
    #[serde(rename = "policyName")]
    pub policy_name: String,
    #[serde(rename = "policyType")]
    pub policy_type: PolicyType,
    #[serde(rename = "dryRun", default, skip_serializing_if = "Option::is_none")]
    pub dry_run: Option<bool>,
}

/// Wire structure `DeleteAccountPolicyResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DeleteAccountPolicyResponse {
    #[serde(
        rename = "dryRunResult",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub dry_run_result: Option<DryRunResult>,
}

/// Wire structure `DeleteDataProtectionPolicyRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DeleteDataProtectionPolicyRequest {
    #[serde(rename = "logGroupIdentifier")]
    pub log_group_identifier: String,
}

/// Wire structure `DeleteDeliveryDestinationPolicyRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DeleteDeliveryDestinationPolicyRequest {
    #[serde(rename = "deliveryDestinationName")]
    pub delivery_destination_name: String,
}

/// Wire structure `DeleteDeliveryDestinationRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DeleteDeliveryDestinationRequest {
    #[serde(rename = "name")]
    pub name: String,
}

/// Wire structure `DeleteDeliveryRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DeleteDeliveryRequest {
    #[serde(rename = "id")]
    pub id: String,
}

/// Wire structure `DeleteDeliverySourceRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DeleteDeliverySourceRequest {
    #[serde(rename = "name")]
    pub name: String,
}

/// Wire structure `DeleteDestinationRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DeleteDestinationRequest {
    #[serde(rename = "destinationName")]
    pub destination_name: String,
}

/// Wire structure `DeleteIndexPolicyRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DeleteIndexPolicyRequest {
    #[serde(rename = "logGroupIdentifier")]
    pub log_group_identifier: String,
}

/// Wire structure `DeleteIndexPolicyResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DeleteIndexPolicyResponse {}

/// Wire structure `DeleteIntegrationRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DeleteIntegrationRequest {
    #[serde(rename = "integrationName")]
    pub integration_name: String,
    #[serde(rename = "force", default, skip_serializing_if = "Option::is_none")]
    pub force: Option<bool>,
}

/// Wire structure `DeleteIntegrationResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DeleteIntegrationResponse {}

/// Wire structure `DeleteKeys`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DeleteKeys {
    #[serde(rename = "withKeys")]
    pub with_keys: Vec<String>,
}

/// Wire structure `DeleteLogAnomalyDetectorRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DeleteLogAnomalyDetectorRequest {
    #[serde(rename = "anomalyDetectorArn")]
    pub anomaly_detector_arn: String,
}

/// Wire structure `DeleteLogGroupRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DeleteLogGroupRequest {
    #[serde(rename = "logGroupName")]
    pub log_group_name: String,
}

/// Wire structure `DeleteLogStreamRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DeleteLogStreamRequest {
    #[serde(rename = "logGroupName")]
    pub log_group_name: String,
    #[serde(rename = "logStreamName")]
    pub log_stream_name: String,
}

/// Wire structure `DeleteLookupTableRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DeleteLookupTableRequest {
    #[serde(rename = "lookupTableArn")]
    pub lookup_table_arn: String,
}

/// Wire structure `DeleteMetricFilterRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DeleteMetricFilterRequest {
    #[serde(rename = "logGroupName")]
    pub log_group_name: String,
    #[serde(rename = "filterName")]
    pub filter_name: String,
}

/// Wire structure `DeleteQueryDefinitionRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DeleteQueryDefinitionRequest {
    #[serde(rename = "queryDefinitionId")]
    pub query_definition_id: String,
}

/// Wire structure `DeleteQueryDefinitionResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DeleteQueryDefinitionResponse {
    #[serde(rename = "success", default, skip_serializing_if = "Option::is_none")]
    pub success: Option<bool>,
}

/// Wire structure `DeleteResourcePolicyRequest`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DeleteResourcePolicyRequest {
    #[serde(
        rename = "policyName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub policy_name: Option<String>,
    #[serde(
        rename = "resourceArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub resource_arn: Option<String>,
    #[serde(
        rename = "expectedRevisionId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub expected_revision_id: Option<String>,
}

/// Wire structure `DeleteRetentionPolicyRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DeleteRetentionPolicyRequest {
    #[serde(rename = "logGroupName")]
    pub log_group_name: String,
}

/// Wire structure `DeleteScheduledQueryRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DeleteScheduledQueryRequest {
    #[serde(rename = "identifier")]
    pub identifier: String,
}

/// Wire structure `DeleteScheduledQueryResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DeleteScheduledQueryResponse {}

/// Wire structure `DeleteSubscriptionFilterRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DeleteSubscriptionFilterRequest {
    #[serde(rename = "logGroupName")]
    pub log_group_name: String,
    #[serde(rename = "filterName")]
    pub filter_name: String,
}

/// Wire structure `DeleteSyslogConfigurationRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DeleteSyslogConfigurationRequest {
    #[serde(rename = "logGroupIdentifier")]
    pub log_group_identifier: String,
    #[serde(
        rename = "vpcEndpointId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub vpc_endpoint_id: Option<String>,
}

/// Wire structure `DeleteTransformerRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DeleteTransformerRequest {
    #[serde(rename = "logGroupIdentifier")]
    pub log_group_identifier: String,
}

/// Wire structure `Delivery`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Delivery {
    #[serde(rename = "id", default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(rename = "arn", default, skip_serializing_if = "Option::is_none")]
    pub arn: Option<String>,
    #[serde(
        rename = "deliverySourceName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub delivery_source_name: Option<String>,
    #[serde(
        rename = "deliveryDestinationArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub delivery_destination_arn: Option<String>,
    #[serde(
        rename = "deliveryDestinationType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub delivery_destination_type: Option<DeliveryDestinationType>,
    #[serde(
        rename = "recordFields",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub record_fields: Option<Vec<String>>,
    #[serde(
        rename = "fieldDelimiter",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub field_delimiter: Option<String>,
    #[serde(
        rename = "s3DeliveryConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub s3_delivery_configuration: Option<S3DeliveryConfiguration>,
    #[serde(rename = "tags", default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<BTreeMap<String, String>>,
}

/// Wire structure `DeliveryDestination`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DeliveryDestination {
    #[serde(rename = "name", default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(rename = "arn", default, skip_serializing_if = "Option::is_none")]
    pub arn: Option<String>,
    #[serde(
        rename = "deliveryDestinationType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub delivery_destination_type: Option<DeliveryDestinationType>,
    #[serde(
        rename = "outputFormat",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub output_format: Option<OutputFormat>,
    #[serde(
        rename = "deliveryDestinationConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub delivery_destination_configuration: Option<DeliveryDestinationConfiguration>,
    #[serde(rename = "roleArn", default, skip_serializing_if = "Option::is_none")]
    pub role_arn: Option<String>,
    #[serde(rename = "tags", default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<BTreeMap<String, String>>,
}

/// Wire structure `DeliveryDestinationConfiguration`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DeliveryDestinationConfiguration {
    #[serde(rename = "destinationResourceArn")]
    pub destination_resource_arn: String,
}

/// Wire enum `DeliveryDestinationType`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum DeliveryDestinationType {
    #[serde(rename = "S3")]
    S3,
    #[serde(rename = "CWL")]
    Cwl,
    #[serde(rename = "FH")]
    Fh,
    #[serde(rename = "XRAY")]
    Xray,
}

impl DeliveryDestinationType {
    /// Every value, in model order.
    pub const ALL: &'static [DeliveryDestinationType] = &[
        DeliveryDestinationType::S3,
        DeliveryDestinationType::Cwl,
        DeliveryDestinationType::Fh,
        DeliveryDestinationType::Xray,
    ];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            DeliveryDestinationType::S3 => "S3",
            DeliveryDestinationType::Cwl => "CWL",
            DeliveryDestinationType::Fh => "FH",
            DeliveryDestinationType::Xray => "XRAY",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for DeliveryDestinationType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire structure `DeliverySource`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DeliverySource {
    #[serde(rename = "name", default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(rename = "arn", default, skip_serializing_if = "Option::is_none")]
    pub arn: Option<String>,
    #[serde(
        rename = "resourceArns",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub resource_arns: Option<Vec<String>>,
    #[serde(rename = "service", default, skip_serializing_if = "Option::is_none")]
    pub service: Option<String>,
    #[serde(rename = "logType", default, skip_serializing_if = "Option::is_none")]
    pub log_type: Option<String>,
    #[serde(rename = "tags", default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<BTreeMap<String, String>>,
    #[serde(
        rename = "deliverySourceConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub delivery_source_configuration: Option<BTreeMap<String, String>>,
    #[serde(rename = "status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<DeliverySourceStatus>,
    #[serde(
        rename = "statusReason",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub status_reason: Option<DeliverySourceStatusReason>,
}

/// Wire structure `DeliverySourceConfigurationSchema`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DeliverySourceConfigurationSchema {
    #[serde(rename = "keyName")]
    pub key_name: String,
    #[serde(rename = "valueType")]
    pub value_type: DeliverySourceConfigurationSchemaValueType,
    #[serde(rename = "defaultValue")]
    pub default_value: String,
    #[serde(
        rename = "supportedValues",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub supported_values: Option<Vec<String>>,
    #[serde(rename = "minValue", default, skip_serializing_if = "Option::is_none")]
    pub min_value: Option<f64>,
    #[serde(rename = "maxValue", default, skip_serializing_if = "Option::is_none")]
    pub max_value: Option<f64>,
}

/// Wire enum `DeliverySourceConfigurationSchemaValueType`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum DeliverySourceConfigurationSchemaValueType {
    #[serde(rename = "string")]
    String,
    #[serde(rename = "boolean")]
    Boolean,
    #[serde(rename = "int")]
    Int,
    #[serde(rename = "double")]
    Double,
    #[serde(rename = "long")]
    Long,
}

impl DeliverySourceConfigurationSchemaValueType {
    /// Every value, in model order.
    pub const ALL: &'static [DeliverySourceConfigurationSchemaValueType] = &[
        DeliverySourceConfigurationSchemaValueType::String,
        DeliverySourceConfigurationSchemaValueType::Boolean,
        DeliverySourceConfigurationSchemaValueType::Int,
        DeliverySourceConfigurationSchemaValueType::Double,
        DeliverySourceConfigurationSchemaValueType::Long,
    ];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            DeliverySourceConfigurationSchemaValueType::String => "string",
            DeliverySourceConfigurationSchemaValueType::Boolean => "boolean",
            DeliverySourceConfigurationSchemaValueType::Int => "int",
            DeliverySourceConfigurationSchemaValueType::Double => "double",
            DeliverySourceConfigurationSchemaValueType::Long => "long",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for DeliverySourceConfigurationSchemaValueType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire enum `DeliverySourceStatus`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum DeliverySourceStatus {
    #[serde(rename = "ACTIVE")]
    Active,
    #[serde(rename = "INACTIVE")]
    Inactive,
}

impl DeliverySourceStatus {
    /// Every value, in model order.
    pub const ALL: &'static [DeliverySourceStatus] =
        &[DeliverySourceStatus::Active, DeliverySourceStatus::Inactive];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            DeliverySourceStatus::Active => "ACTIVE",
            DeliverySourceStatus::Inactive => "INACTIVE",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for DeliverySourceStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire enum `DeliverySourceStatusReason`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum DeliverySourceStatusReason {
    #[serde(rename = "RESOURCE_DELETED")]
    ResourceDeleted,
}

impl DeliverySourceStatusReason {
    /// Every value, in model order.
    pub const ALL: &'static [DeliverySourceStatusReason] =
        &[DeliverySourceStatusReason::ResourceDeleted];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            DeliverySourceStatusReason::ResourceDeleted => "RESOURCE_DELETED",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for DeliverySourceStatusReason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire structure `DescribeAccountPoliciesRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DescribeAccountPoliciesRequest {
    #[serde(rename = "policyType")]
    pub policy_type: PolicyType,
    #[serde(
        rename = "policyName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub policy_name: Option<String>,
    #[serde(
        rename = "accountIdentifiers",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub account_identifiers: Option<Vec<String>>,
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

/// Wire structure `DescribeAccountPoliciesResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DescribeAccountPoliciesResponse {
    #[serde(
        rename = "accountPolicies",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub account_policies: Option<Vec<AccountPolicy>>,
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

/// Wire structure `DescribeConfigurationTemplatesRequest`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DescribeConfigurationTemplatesRequest {
    #[serde(rename = "service", default, skip_serializing_if = "Option::is_none")]
    pub service: Option<String>,
    #[serde(rename = "logTypes", default, skip_serializing_if = "Option::is_none")]
    pub log_types: Option<Vec<String>>,
    #[serde(
        rename = "resourceTypes",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub resource_types: Option<Vec<String>>,
    #[serde(
        rename = "deliveryDestinationTypes",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub delivery_destination_types: Option<Vec<DeliveryDestinationType>>,
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
    #[serde(rename = "limit", default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<i32>,
}

/// Wire structure `DescribeConfigurationTemplatesResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DescribeConfigurationTemplatesResponse {
    #[serde(
        rename = "configurationTemplates",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub configuration_templates: Option<Vec<ConfigurationTemplate>>,
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

/// Wire structure `DescribeDeliveriesRequest`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DescribeDeliveriesRequest {
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
    #[serde(rename = "limit", default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<i32>,
    #[serde(
        rename = "deliverySourceNames",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub delivery_source_names: Option<Vec<String>>,
}

/// Wire structure `DescribeDeliveriesResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DescribeDeliveriesResponse {
    #[serde(
        rename = "deliveries",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub deliveries: Option<Vec<Delivery>>,
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

/// Wire structure `DescribeDeliveryDestinationsRequest`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DescribeDeliveryDestinationsRequest {
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
    #[serde(rename = "limit", default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<i32>,
    #[serde(rename = "names", default, skip_serializing_if = "Option::is_none")]
    pub names: Option<Vec<String>>,
}

/// Wire structure `DescribeDeliveryDestinationsResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DescribeDeliveryDestinationsResponse {
    #[serde(
        rename = "deliveryDestinations",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub delivery_destinations: Option<Vec<DeliveryDestination>>,
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

/// Wire structure `DescribeDeliverySourcesRequest`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DescribeDeliverySourcesRequest {
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
    #[serde(rename = "limit", default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<i32>,
    #[serde(
        rename = "resourceArns",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub resource_arns: Option<Vec<String>>,
}

/// Wire structure `DescribeDeliverySourcesResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DescribeDeliverySourcesResponse {
    #[serde(
        rename = "deliverySources",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub delivery_sources: Option<Vec<DeliverySource>>,
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

/// Wire structure `DescribeDestinationsRequest`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DescribeDestinationsRequest {
    #[serde(
        rename = "DestinationNamePrefix",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub destination_name_prefix: Option<String>,
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
    #[serde(rename = "limit", default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<i32>,
}

/// Wire structure `DescribeDestinationsResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DescribeDestinationsResponse {
    #[serde(
        rename = "destinations",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub destinations: Option<Vec<Destination>>,
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

/// Wire structure `DescribeExportTasksRequest`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DescribeExportTasksRequest {
    #[serde(rename = "taskId", default, skip_serializing_if = "Option::is_none")]
    pub task_id: Option<String>,
    #[serde(
        rename = "statusCode",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub status_code: Option<ExportTaskStatusCode>,
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
    #[serde(rename = "limit", default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<i32>,
}

/// Wire structure `DescribeExportTasksResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DescribeExportTasksResponse {
    #[serde(
        rename = "exportTasks",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub export_tasks: Option<Vec<ExportTask>>,
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

/// Wire structure `DescribeFieldIndexesRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DescribeFieldIndexesRequest {
    #[serde(rename = "logGroupIdentifiers")]
    pub log_group_identifiers: Vec<String>,
    #[serde(
        rename = "indexCategories",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub index_categories: Option<Vec<IndexCategory>>,
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

/// Wire structure `DescribeFieldIndexesResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DescribeFieldIndexesResponse {
    #[serde(
        rename = "fieldIndexes",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub field_indexes: Option<Vec<FieldIndex>>,
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

/// Wire structure `DescribeImportTaskBatchesRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DescribeImportTaskBatchesRequest {
    #[serde(rename = "importId")]
    pub import_id: String,
    #[serde(
        rename = "batchImportStatus",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub batch_import_status: Option<Vec<ImportStatus>>,
    #[serde(rename = "limit", default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<i32>,
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

/// Wire structure `DescribeImportTaskBatchesResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DescribeImportTaskBatchesResponse {
    #[serde(
        rename = "importSourceArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub import_source_arn: Option<String>,
    #[serde(rename = "importId", default, skip_serializing_if = "Option::is_none")]
    pub import_id: Option<String>,
    #[serde(
        rename = "importBatches",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub import_batches: Option<Vec<ImportBatch>>,
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

/// Wire structure `DescribeImportTasksRequest`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DescribeImportTasksRequest {
    #[serde(rename = "importId", default, skip_serializing_if = "Option::is_none")]
    pub import_id: Option<String>,
    #[serde(
        rename = "importStatus",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub import_status: Option<ImportStatus>,
    #[serde(
        rename = "importSourceArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub import_source_arn: Option<String>,
    #[serde(rename = "limit", default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<i32>,
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

/// Wire structure `DescribeImportTasksResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DescribeImportTasksResponse {
    #[serde(rename = "imports", default, skip_serializing_if = "Option::is_none")]
    pub imports: Option<Vec<Import>>,
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

/// Wire structure `DescribeIndexPoliciesRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DescribeIndexPoliciesRequest {
    #[serde(rename = "logGroupIdentifiers")]
    pub log_group_identifiers: Vec<String>,
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

/// Wire structure `DescribeIndexPoliciesResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DescribeIndexPoliciesResponse {
    #[serde(
        rename = "indexPolicies",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub index_policies: Option<Vec<IndexPolicy>>,
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

/// Wire structure `DescribeLogGroupsRequest`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DescribeLogGroupsRequest {
    #[serde(
        rename = "accountIdentifiers",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub account_identifiers: Option<Vec<String>>,
    #[serde(
        rename = "logGroupNamePrefix",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub log_group_name_prefix: Option<String>,
    #[serde(
        rename = "logGroupNamePattern",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub log_group_name_pattern: Option<String>,
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
    #[serde(rename = "limit", default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<i32>,
    #[serde(
        rename = "includeLinkedAccounts",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub include_linked_accounts: Option<bool>,
    #[serde(
        rename = "logGroupClass",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub log_group_class: Option<LogGroupClass>,
    #[serde(
        rename = "logGroupIdentifiers",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub log_group_identifiers: Option<Vec<String>>,
}

/// Wire structure `DescribeLogGroupsResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DescribeLogGroupsResponse {
    #[serde(rename = "logGroups", default, skip_serializing_if = "Option::is_none")]
    pub log_groups: Option<Vec<LogGroup>>,
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

/// Wire structure `DescribeLogStreamsRequest`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DescribeLogStreamsRequest {
    #[serde(
        rename = "logGroupName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub log_group_name: Option<String>,
    #[serde(
        rename = "logGroupIdentifier",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub log_group_identifier: Option<String>,
    #[serde(
        rename = "logStreamNamePrefix",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub log_stream_name_prefix: Option<String>,
    #[serde(rename = "orderBy", default, skip_serializing_if = "Option::is_none")]
    pub order_by: Option<OrderBy>,
    #[serde(
        rename = "descending",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub descending: Option<bool>,
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
    #[serde(rename = "limit", default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<i32>,
}

/// Wire structure `DescribeLogStreamsResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DescribeLogStreamsResponse {
    #[serde(
        rename = "logStreams",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub log_streams: Option<Vec<LogStream>>,
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

/// Wire structure `DescribeLookupTablesRequest`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DescribeLookupTablesRequest {
    #[serde(
        rename = "lookupTableNamePrefix",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub lookup_table_name_prefix: Option<String>,
    #[serde(
        rename = "maxResults",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub max_results: Option<i32>,
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

/// Wire structure `DescribeLookupTablesResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DescribeLookupTablesResponse {
    #[serde(
        rename = "lookupTables",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub lookup_tables: Option<Vec<LookupTable>>,
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

/// Wire structure `DescribeMetricFiltersRequest`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DescribeMetricFiltersRequest {
    #[serde(
        rename = "logGroupName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub log_group_name: Option<String>,
    #[serde(
        rename = "filterNamePrefix",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub filter_name_prefix: Option<String>,
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
    #[serde(rename = "limit", default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<i32>,
    #[serde(
        rename = "metricName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub metric_name: Option<String>,
    #[serde(
        rename = "metricNamespace",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub metric_namespace: Option<String>,
}

/// Wire structure `DescribeMetricFiltersResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DescribeMetricFiltersResponse {
    #[serde(
        rename = "metricFilters",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub metric_filters: Option<Vec<MetricFilter>>,
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

/// Wire structure `DescribeQueriesRequest`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DescribeQueriesRequest {
    #[serde(
        rename = "logGroupName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub log_group_name: Option<String>,
    #[serde(rename = "status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<QueryStatus>,
    #[serde(
        rename = "maxResults",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub max_results: Option<i32>,
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
    #[serde(
        rename = "queryLanguage",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub query_language: Option<QueryLanguage>,
}

/// Wire structure `DescribeQueriesResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DescribeQueriesResponse {
    #[serde(rename = "queries", default, skip_serializing_if = "Option::is_none")]
    pub queries: Option<Vec<QueryInfo>>,
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

/// Wire structure `DescribeQueryDefinitionsRequest`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DescribeQueryDefinitionsRequest {
    #[serde(
        rename = "queryLanguage",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub query_language: Option<QueryLanguage>,
    #[serde(
        rename = "queryDefinitionNamePrefix",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub query_definition_name_prefix: Option<String>,
    #[serde(
        rename = "maxResults",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub max_results: Option<i32>,
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

/// Wire structure `DescribeQueryDefinitionsResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DescribeQueryDefinitionsResponse {
    #[serde(
        rename = "queryDefinitions",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub query_definitions: Option<Vec<QueryDefinition>>,
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

/// Wire structure `DescribeResourcePoliciesRequest`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DescribeResourcePoliciesRequest {
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
    #[serde(rename = "limit", default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<i32>,
    #[serde(
        rename = "resourceArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub resource_arn: Option<String>,
    #[serde(
        rename = "policyScope",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub policy_scope: Option<PolicyScope>,
}

/// Wire structure `DescribeResourcePoliciesResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DescribeResourcePoliciesResponse {
    #[serde(
        rename = "resourcePolicies",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub resource_policies: Option<Vec<ResourcePolicy>>,
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

/// Wire structure `DescribeSubscriptionFiltersRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DescribeSubscriptionFiltersRequest {
    #[serde(rename = "logGroupName")]
    pub log_group_name: String,
    #[serde(
        rename = "filterNamePrefix",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub filter_name_prefix: Option<String>,
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
    #[serde(rename = "limit", default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<i32>,
}

/// Wire structure `DescribeSubscriptionFiltersResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DescribeSubscriptionFiltersResponse {
    #[serde(
        rename = "subscriptionFilters",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub subscription_filters: Option<Vec<SubscriptionFilter>>,
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

/// Wire structure `Destination`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Destination {
    #[serde(
        rename = "destinationName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub destination_name: Option<String>,
    #[serde(rename = "targetArn", default, skip_serializing_if = "Option::is_none")]
    pub target_arn: Option<String>,
    #[serde(rename = "roleArn", default, skip_serializing_if = "Option::is_none")]
    pub role_arn: Option<String>,
    #[serde(
        rename = "accessPolicy",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub access_policy: Option<String>,
    #[serde(rename = "arn", default, skip_serializing_if = "Option::is_none")]
    pub arn: Option<String>,
    #[serde(
        rename = "creationTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub creation_time: Option<i64>,
}

/// Wire structure `DestinationConfiguration`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DestinationConfiguration {
    #[serde(
        rename = "s3Configuration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub s3_configuration: Option<S3Configuration>,
    #[serde(
        rename = "lookupTableConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub lookup_table_configuration: Option<LookupTableConfiguration>,
}

/// Wire structure `DisassociateKmsKeyRequest`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DisassociateKmsKeyRequest {
    #[serde(
        rename = "logGroupName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub log_group_name: Option<String>,
    #[serde(
        rename = "resourceIdentifier",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub resource_identifier: Option<String>,
}

/// Wire structure `DisassociateSourceFromS3TableIntegrationRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DisassociateSourceFromS3TableIntegrationRequest {
    #[serde(rename = "identifier")]
    pub identifier: String,
}

/// Wire structure `DisassociateSourceFromS3TableIntegrationResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DisassociateSourceFromS3TableIntegrationResponse {
    #[serde(
        rename = "identifier",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub identifier: Option<String>,
}

/// Wire enum `Distribution`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Distribution {
    #[serde(rename = "Random")]
    Random,
    #[serde(rename = "ByLogStream")]
    ByLogStream,
}

impl Distribution {
    /// Every value, in model order.
    pub const ALL: &'static [Distribution] = &[Distribution::Random, Distribution::ByLogStream];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            Distribution::Random => "Random",
            Distribution::ByLogStream => "ByLogStream",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for Distribution {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire structure `DryRunResult`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DryRunResult {
    #[serde(
        rename = "totalMatchedLogGroups",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub total_matched_log_groups: Option<i32>,
    #[serde(
        rename = "increasedRetentionLogGroupCount",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub increased_retention_log_group_count: Option<i32>,
    #[serde(
        rename = "decreasedRetentionLogGroupCount",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub decreased_retention_log_group_count: Option<i32>,
    #[serde(
        rename = "unchangedRetentionLogGroupCount",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub unchanged_retention_log_group_count: Option<i32>,
    #[serde(
        rename = "failedAnalysisCount",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub failed_analysis_count: Option<i32>,
    #[serde(
        rename = "topLogGroupsImpacted",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub top_log_groups_impacted: Option<Vec<LogGroupImpact>>,
}

/// Wire structure `Entity`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    #[serde(
        rename = "keyAttributes",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub key_attributes: Option<BTreeMap<String, String>>,
    #[serde(
        rename = "attributes",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub attributes: Option<BTreeMap<String, String>>,
}

/// Wire enum `EntityRejectionErrorType`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum EntityRejectionErrorType {
    #[serde(rename = "InvalidEntity")]
    InvalidEntity,
    #[serde(rename = "InvalidTypeValue")]
    InvalidTypeValue,
    #[serde(rename = "InvalidKeyAttributes")]
    InvalidKeyAttributes,
    #[serde(rename = "InvalidAttributes")]
    InvalidAttributes,
    #[serde(rename = "EntitySizeTooLarge")]
    EntitySizeTooLarge,
    #[serde(rename = "UnsupportedLogGroupType")]
    UnsupportedLogGroupType,
    #[serde(rename = "MissingRequiredFields")]
    MissingRequiredFields,
}

impl EntityRejectionErrorType {
    /// Every value, in model order.
    pub const ALL: &'static [EntityRejectionErrorType] = &[
        EntityRejectionErrorType::InvalidEntity,
        EntityRejectionErrorType::InvalidTypeValue,
        EntityRejectionErrorType::InvalidKeyAttributes,
        EntityRejectionErrorType::InvalidAttributes,
        EntityRejectionErrorType::EntitySizeTooLarge,
        EntityRejectionErrorType::UnsupportedLogGroupType,
        EntityRejectionErrorType::MissingRequiredFields,
    ];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            EntityRejectionErrorType::InvalidEntity => "InvalidEntity",
            EntityRejectionErrorType::InvalidTypeValue => "InvalidTypeValue",
            EntityRejectionErrorType::InvalidKeyAttributes => "InvalidKeyAttributes",
            EntityRejectionErrorType::InvalidAttributes => "InvalidAttributes",
            EntityRejectionErrorType::EntitySizeTooLarge => "EntitySizeTooLarge",
            EntityRejectionErrorType::UnsupportedLogGroupType => "UnsupportedLogGroupType",
            EntityRejectionErrorType::MissingRequiredFields => "MissingRequiredFields",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for EntityRejectionErrorType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire enum `EvaluationFrequency`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum EvaluationFrequency {
    #[serde(rename = "ONE_MIN")]
    OneMin,
    #[serde(rename = "FIVE_MIN")]
    FiveMin,
    #[serde(rename = "TEN_MIN")]
    TenMin,
    #[serde(rename = "FIFTEEN_MIN")]
    FifteenMin,
    #[serde(rename = "THIRTY_MIN")]
    ThirtyMin,
    #[serde(rename = "ONE_HOUR")]
    OneHour,
}

impl EvaluationFrequency {
    /// Every value, in model order.
    pub const ALL: &'static [EvaluationFrequency] = &[
        EvaluationFrequency::OneMin,
        EvaluationFrequency::FiveMin,
        EvaluationFrequency::TenMin,
        EvaluationFrequency::FifteenMin,
        EvaluationFrequency::ThirtyMin,
        EvaluationFrequency::OneHour,
    ];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            EvaluationFrequency::OneMin => "ONE_MIN",
            EvaluationFrequency::FiveMin => "FIVE_MIN",
            EvaluationFrequency::TenMin => "TEN_MIN",
            EvaluationFrequency::FifteenMin => "FIFTEEN_MIN",
            EvaluationFrequency::ThirtyMin => "THIRTY_MIN",
            EvaluationFrequency::OneHour => "ONE_HOUR",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for EvaluationFrequency {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire enum `EventSource`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum EventSource {
    #[serde(rename = "CloudTrail")]
    CloudTrail,
    #[serde(rename = "Route53Resolver")]
    Route53Resolver,
    #[serde(rename = "VPCFlow")]
    VPCFlow,
    #[serde(rename = "EKSAudit")]
    EKSAudit,
    #[serde(rename = "AWSWAF")]
    Awswaf,
}

impl EventSource {
    /// Every value, in model order.
    pub const ALL: &'static [EventSource] = &[
        EventSource::CloudTrail,
        EventSource::Route53Resolver,
        EventSource::VPCFlow,
        EventSource::EKSAudit,
        EventSource::Awswaf,
    ];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            EventSource::CloudTrail => "CloudTrail",
            EventSource::Route53Resolver => "Route53Resolver",
            EventSource::VPCFlow => "VPCFlow",
            EventSource::EKSAudit => "EKSAudit",
            EventSource::Awswaf => "AWSWAF",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for EventSource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire enum `ExecutionStatus`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ExecutionStatus {
    #[serde(rename = "Running")]
    Running,
    #[serde(rename = "InvalidQuery")]
    InvalidQuery,
    #[serde(rename = "Complete")]
    Complete,
    #[serde(rename = "Failed")]
    Failed,
    #[serde(rename = "Timeout")]
    Timeout,
}

impl ExecutionStatus {
    /// Every value, in model order.
    pub const ALL: &'static [ExecutionStatus] = &[
        ExecutionStatus::Running,
        ExecutionStatus::InvalidQuery,
        ExecutionStatus::Complete,
        ExecutionStatus::Failed,
        ExecutionStatus::Timeout,
    ];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            ExecutionStatus::Running => "Running",
            ExecutionStatus::InvalidQuery => "InvalidQuery",
            ExecutionStatus::Complete => "Complete",
            ExecutionStatus::Failed => "Failed",
            ExecutionStatus::Timeout => "Timeout",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for ExecutionStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire structure `ExportTask`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ExportTask {
    #[serde(rename = "taskId", default, skip_serializing_if = "Option::is_none")]
    pub task_id: Option<String>,
    #[serde(rename = "taskName", default, skip_serializing_if = "Option::is_none")]
    pub task_name: Option<String>,
    #[serde(
        rename = "logGroupName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub log_group_name: Option<String>,
    #[serde(rename = "from", default, skip_serializing_if = "Option::is_none")]
    pub from: Option<i64>,
    #[serde(rename = "to", default, skip_serializing_if = "Option::is_none")]
    pub to: Option<i64>,
    #[serde(
        rename = "destination",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub destination: Option<String>,
    #[serde(
        rename = "destinationPrefix",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub destination_prefix: Option<String>,
    #[serde(rename = "status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<ExportTaskStatus>,
    #[serde(
        rename = "executionInfo",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub execution_info: Option<ExportTaskExecutionInfo>,
}

/// Wire structure `ExportTaskExecutionInfo`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ExportTaskExecutionInfo {
    #[serde(
        rename = "creationTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub creation_time: Option<i64>,
    #[serde(
        rename = "completionTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub completion_time: Option<i64>,
}

/// Wire structure `ExportTaskStatus`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ExportTaskStatus {
    #[serde(rename = "code", default, skip_serializing_if = "Option::is_none")]
    pub code: Option<ExportTaskStatusCode>,
    #[serde(rename = "message", default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

/// Wire enum `ExportTaskStatusCode`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ExportTaskStatusCode {
    #[serde(rename = "CANCELLED")]
    Cancelled,
    #[serde(rename = "COMPLETED")]
    Completed,
    #[serde(rename = "FAILED")]
    Failed,
    #[serde(rename = "PENDING")]
    Pending,
    #[serde(rename = "PENDING_CANCEL")]
    PendingCancel,
    #[serde(rename = "RUNNING")]
    Running,
}

impl ExportTaskStatusCode {
    /// Every value, in model order.
    pub const ALL: &'static [ExportTaskStatusCode] = &[
        ExportTaskStatusCode::Cancelled,
        ExportTaskStatusCode::Completed,
        ExportTaskStatusCode::Failed,
        ExportTaskStatusCode::Pending,
        ExportTaskStatusCode::PendingCancel,
        ExportTaskStatusCode::Running,
    ];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            ExportTaskStatusCode::Cancelled => "CANCELLED",
            ExportTaskStatusCode::Completed => "COMPLETED",
            ExportTaskStatusCode::Failed => "FAILED",
            ExportTaskStatusCode::Pending => "PENDING",
            ExportTaskStatusCode::PendingCancel => "PENDING_CANCEL",
            ExportTaskStatusCode::Running => "RUNNING",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for ExportTaskStatusCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire structure `FieldIndex`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct FieldIndex {
    #[serde(
        rename = "logGroupIdentifier",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub log_group_identifier: Option<String>,
    #[serde(
        rename = "fieldIndexName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub field_index_name: Option<String>,
    #[serde(
        rename = "lastScanTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub last_scan_time: Option<i64>,
    #[serde(
        rename = "firstEventTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub first_event_time: Option<i64>,
    #[serde(
        rename = "lastEventTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub last_event_time: Option<i64>,
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub r#type: Option<IndexType>,
    #[serde(
        rename = "indexCategory",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub index_category: Option<IndexCategory>,
}

/// Wire structure `FieldsData`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct FieldsData {
    #[serde(rename = "data", default, skip_serializing_if = "Option::is_none")]
    pub data: Option<String>,
}

/// Wire structure `FilterLogEventsRequest`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct FilterLogEventsRequest {
    #[serde(
        rename = "logGroupName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub log_group_name: Option<String>,
    #[serde(
        rename = "logGroupIdentifier",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub log_group_identifier: Option<String>,
    #[serde(
        rename = "logStreamNames",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub log_stream_names: Option<Vec<String>>,
    #[serde(
        rename = "logStreamNamePrefix",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub log_stream_name_prefix: Option<String>,
    #[serde(rename = "startTime", default, skip_serializing_if = "Option::is_none")]
    pub start_time: Option<i64>,
    #[serde(rename = "endTime", default, skip_serializing_if = "Option::is_none")]
    pub end_time: Option<i64>,
    #[serde(
        rename = "filterPattern",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub filter_pattern: Option<String>,
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
    #[serde(rename = "limit", default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<i32>,
    #[serde(
        rename = "startFromHead",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub start_from_head: Option<bool>,
    #[serde(
        rename = "interleaved",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub interleaved: Option<bool>,
    #[serde(rename = "unmask", default, skip_serializing_if = "Option::is_none")]
    pub unmask: Option<bool>,
}

/// Wire structure `FilterLogEventsResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct FilterLogEventsResponse {
    #[serde(rename = "events", default, skip_serializing_if = "Option::is_none")]
    pub events: Option<Vec<FilteredLogEvent>>,
    #[serde(
        rename = "searchedLogStreams",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub searched_log_streams: Option<Vec<SearchedLogStream>>,
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

/// Wire structure `FilteredLogEvent`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct FilteredLogEvent {
    #[serde(
        rename = "logStreamName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub log_stream_name: Option<String>,
    #[serde(rename = "timestamp", default, skip_serializing_if = "Option::is_none")]
    pub timestamp: Option<i64>,
    #[serde(rename = "message", default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    #[serde(
        rename = "ingestionTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub ingestion_time: Option<i64>,
    #[serde(rename = "eventId", default, skip_serializing_if = "Option::is_none")]
    pub event_id: Option<String>,
}

/// Wire enum `FlattenedElement`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum FlattenedElement {
    #[serde(rename = "first")]
    First,
    #[serde(rename = "last")]
    Last,
}

impl FlattenedElement {
    /// Every value, in model order.
    pub const ALL: &'static [FlattenedElement] = &[FlattenedElement::First, FlattenedElement::Last];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            FlattenedElement::First => "first",
            FlattenedElement::Last => "last",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for FlattenedElement {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire structure `GetDataProtectionPolicyRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GetDataProtectionPolicyRequest {
    #[serde(rename = "logGroupIdentifier")]
    pub log_group_identifier: String,
}

/// Wire structure `GetDataProtectionPolicyResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GetDataProtectionPolicyResponse {
    #[serde(
        rename = "logGroupIdentifier",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub log_group_identifier: Option<String>,
    #[serde(
        rename = "policyDocument",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub policy_document: Option<String>,
    #[serde(
        rename = "lastUpdatedTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub last_updated_time: Option<i64>,
}

/// Wire structure `GetDeliveryDestinationPolicyRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GetDeliveryDestinationPolicyRequest {
    #[serde(rename = "deliveryDestinationName")]
    pub delivery_destination_name: String,
}

/// Wire structure `GetDeliveryDestinationPolicyResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GetDeliveryDestinationPolicyResponse {
    #[serde(rename = "policy", default, skip_serializing_if = "Option::is_none")]
    pub policy: Option<Policy>,
}

/// Wire structure `GetDeliveryDestinationRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GetDeliveryDestinationRequest {
    #[serde(rename = "name")]
    pub name: String,
}

/// Wire structure `GetDeliveryDestinationResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GetDeliveryDestinationResponse {
    #[serde(
        rename = "deliveryDestination",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub delivery_destination: Option<DeliveryDestination>,
}

/// Wire structure `GetDeliveryRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GetDeliveryRequest {
    #[serde(rename = "id")]
    pub id: String,
}

/// Wire structure `GetDeliveryResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GetDeliveryResponse {
    #[serde(rename = "delivery", default, skip_serializing_if = "Option::is_none")]
    pub delivery: Option<Delivery>,
}

/// Wire structure `GetDeliverySourceRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GetDeliverySourceRequest {
    #[serde(rename = "name")]
    pub name: String,
}

/// Wire structure `GetDeliverySourceResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GetDeliverySourceResponse {
    #[serde(
        rename = "deliverySource",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub delivery_source: Option<DeliverySource>,
}

/// Wire structure `GetIntegrationRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GetIntegrationRequest {
    #[serde(rename = "integrationName")]
    pub integration_name: String,
}

/// Wire structure `GetIntegrationResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GetIntegrationResponse {
    #[serde(
        rename = "integrationName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub integration_name: Option<String>,
    #[serde(
        rename = "integrationType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub integration_type: Option<IntegrationType>,
    #[serde(
        rename = "integrationStatus",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub integration_status: Option<IntegrationStatus>,
    #[serde(
        rename = "integrationDetails",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub integration_details: Option<IntegrationDetails>,
}

/// Wire structure `GetLogAnomalyDetectorRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GetLogAnomalyDetectorRequest {
    #[serde(rename = "anomalyDetectorArn")]
    pub anomaly_detector_arn: String,
}

/// Wire structure `GetLogAnomalyDetectorResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GetLogAnomalyDetectorResponse {
    #[serde(
        rename = "detectorName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub detector_name: Option<String>,
    #[serde(
        rename = "logGroupArnList",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub log_group_arn_list: Option<Vec<String>>,
    #[serde(
        rename = "evaluationFrequency",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub evaluation_frequency: Option<EvaluationFrequency>,
    #[serde(
        rename = "filterPattern",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub filter_pattern: Option<String>,
    #[serde(
        rename = "anomalyDetectorStatus",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub anomaly_detector_status: Option<AnomalyDetectorStatus>,
    #[serde(rename = "kmsKeyId", default, skip_serializing_if = "Option::is_none")]
    pub kms_key_id: Option<String>,
    #[serde(
        rename = "creationTimeStamp",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub creation_time_stamp: Option<i64>,
    #[serde(
        rename = "lastModifiedTimeStamp",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub last_modified_time_stamp: Option<i64>,
    #[serde(
        rename = "anomalyVisibilityTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub anomaly_visibility_time: Option<i64>,
}

/// Wire structure `GetLogEventsRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GetLogEventsRequest {
    #[serde(
        rename = "logGroupName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub log_group_name: Option<String>,
    #[serde(
        rename = "logGroupIdentifier",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub log_group_identifier: Option<String>,
    #[serde(rename = "logStreamName")]
    pub log_stream_name: String,
    #[serde(rename = "startTime", default, skip_serializing_if = "Option::is_none")]
    pub start_time: Option<i64>,
    #[serde(rename = "endTime", default, skip_serializing_if = "Option::is_none")]
    pub end_time: Option<i64>,
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
    #[serde(rename = "limit", default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<i32>,
    #[serde(
        rename = "startFromHead",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub start_from_head: Option<bool>,
    #[serde(rename = "unmask", default, skip_serializing_if = "Option::is_none")]
    pub unmask: Option<bool>,
}

/// Wire structure `GetLogEventsResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GetLogEventsResponse {
    #[serde(rename = "events", default, skip_serializing_if = "Option::is_none")]
    pub events: Option<Vec<OutputLogEvent>>,
    #[serde(
        rename = "nextForwardToken",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub next_forward_token: Option<String>,
    #[serde(
        rename = "nextBackwardToken",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub next_backward_token: Option<String>,
}

/// Wire structure `GetLogFieldsRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GetLogFieldsRequest {
    #[serde(rename = "dataSourceName")]
    pub data_source_name: String,
    #[serde(rename = "dataSourceType")]
    pub data_source_type: String,
}

/// Wire structure `GetLogFieldsResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GetLogFieldsResponse {
    #[serde(rename = "logFields", default, skip_serializing_if = "Option::is_none")]
    pub log_fields: Option<Vec<LogFieldsListItem>>,
}

/// Wire structure `GetLogGroupFieldsRequest`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GetLogGroupFieldsRequest {
    #[serde(
        rename = "logGroupName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub log_group_name: Option<String>,
    #[serde(rename = "time", default, skip_serializing_if = "Option::is_none")]
    pub time: Option<i64>,
    #[serde(
        rename = "logGroupIdentifier",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub log_group_identifier: Option<String>,
}

/// Wire structure `GetLogGroupFieldsResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GetLogGroupFieldsResponse {
    #[serde(
        rename = "logGroupFields",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub log_group_fields: Option<Vec<LogGroupField>>,
}

/// Wire structure `GetLogObjectRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GetLogObjectRequest {
    #[serde(rename = "unmask", default, skip_serializing_if = "Option::is_none")]
    pub unmask: Option<bool>,
    #[serde(rename = "logObjectPointer")]
    pub log_object_pointer: String,
}

/// Wire structure `GetLogObjectResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GetLogObjectResponse {
    #[serde(
        rename = "fieldStream",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub field_stream: Option<GetLogObjectResponseStream>,
}

/// Wire structure `GetLogObjectResponseStream`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GetLogObjectResponseStream {
    #[serde(rename = "fields", default, skip_serializing_if = "Option::is_none")]
    pub fields: Option<FieldsData>,
    #[serde(
        rename = "InternalStreamingException",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub internal_streaming_exception: Option<InternalStreamingException>,
}

/// Wire structure `GetLogRecordRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GetLogRecordRequest {
    #[serde(rename = "logRecordPointer")]
    pub log_record_pointer: String,
    #[serde(rename = "unmask", default, skip_serializing_if = "Option::is_none")]
    pub unmask: Option<bool>,
}

/// Wire structure `GetLogRecordResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GetLogRecordResponse {
    #[serde(rename = "logRecord", default, skip_serializing_if = "Option::is_none")]
    pub log_record: Option<BTreeMap<String, String>>,
}

/// Wire structure `GetLookupTableRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GetLookupTableRequest {
    #[serde(rename = "lookupTableArn")]
    pub lookup_table_arn: String,
}

/// Wire structure `GetLookupTableResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GetLookupTableResponse {
    #[serde(
        rename = "lookupTableArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub lookup_table_arn: Option<String>,
    #[serde(
        rename = "lookupTableName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub lookup_table_name: Option<String>,
    #[serde(
        rename = "description",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub description: Option<String>,
    #[serde(rename = "tableBody", default, skip_serializing_if = "Option::is_none")]
    pub table_body: Option<String>,
    #[serde(rename = "sizeBytes", default, skip_serializing_if = "Option::is_none")]
    pub size_bytes: Option<i64>,
    #[serde(
        rename = "lastUpdatedTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub last_updated_time: Option<i64>,
    #[serde(rename = "kmsKeyId", default, skip_serializing_if = "Option::is_none")]
    pub kms_key_id: Option<String>,
}

/// Wire structure `GetQueryResultsRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GetQueryResultsRequest {
    #[serde(rename = "queryId")]
    pub query_id: String,
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
    #[serde(rename = "maxItems", default, skip_serializing_if = "Option::is_none")]
    pub max_items: Option<i32>,
}

/// Wire structure `GetQueryResultsResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GetQueryResultsResponse {
    #[serde(
        rename = "queryLanguage",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub query_language: Option<QueryLanguage>,
    #[serde(rename = "results", default, skip_serializing_if = "Option::is_none")]
    pub results: Option<Vec<Vec<ResultField>>>,
    #[serde(
        rename = "statistics",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub statistics: Option<QueryStatistics>,
    #[serde(rename = "status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<QueryStatus>,
    #[serde(
        rename = "encryptionKey",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub encryption_key: Option<String>,
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

/// Wire structure `GetScheduledQueryHistoryRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GetScheduledQueryHistoryRequest {
    #[serde(rename = "identifier")]
    pub identifier: String,
    #[serde(rename = "startTime")]
    pub start_time: i64,
    #[serde(rename = "endTime")]
    pub end_time: i64,
    #[serde(
        rename = "executionStatuses",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub execution_statuses: Option<Vec<ExecutionStatus>>,
    #[serde(
        rename = "maxResults",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub max_results: Option<i32>,
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

/// Wire structure `GetScheduledQueryHistoryResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GetScheduledQueryHistoryResponse {
    #[serde(rename = "name", default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(
        rename = "scheduledQueryArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub scheduled_query_arn: Option<String>,
    #[serde(
        rename = "triggerHistory",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub trigger_history: Option<Vec<TriggerHistoryRecord>>,
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

/// Wire structure `GetScheduledQueryRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GetScheduledQueryRequest {
    #[serde(rename = "identifier")]
    pub identifier: String,
}

/// Wire structure `GetScheduledQueryResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GetScheduledQueryResponse {
    #[serde(
        rename = "scheduledQueryArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub scheduled_query_arn: Option<String>,
    #[serde(rename = "name", default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(
        rename = "description",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub description: Option<String>,
    #[serde(
        rename = "queryLanguage",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub query_language: Option<QueryLanguage>,
    #[serde(
        rename = "queryString",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub query_string: Option<String>,
    #[serde(
        rename = "logGroupIdentifiers",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub log_group_identifiers: Option<Vec<String>>,
    #[serde(
        rename = "scheduleExpression",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub schedule_expression: Option<String>,
    #[serde(rename = "timezone", default, skip_serializing_if = "Option::is_none")]
    pub timezone: Option<String>,
    #[serde(
        rename = "startTimeOffset",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub start_time_offset: Option<i64>,
    #[serde(
        rename = "endTimeOffset",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub end_time_offset: Option<i64>,
    #[serde(
        rename = "destinationConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub destination_configuration: Option<DestinationConfiguration>,
    #[serde(rename = "state", default, skip_serializing_if = "Option::is_none")]
    pub state: Option<ScheduledQueryState>,
    #[serde(
        rename = "scheduleType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub schedule_type: Option<ScheduleType>,
    #[serde(
        rename = "lastTriggeredTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub last_triggered_time: Option<i64>,
    #[serde(
        rename = "lastExecutionStatus",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub last_execution_status: Option<ExecutionStatus>,
    #[serde(
        rename = "scheduleStartTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub schedule_start_time: Option<i64>,
    #[serde(
        rename = "scheduleEndTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub schedule_end_time: Option<i64>,
    #[serde(
        rename = "executionRoleArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub execution_role_arn: Option<String>,
    #[serde(
        rename = "creationTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub creation_time: Option<i64>,
    #[serde(
        rename = "lastUpdatedTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub last_updated_time: Option<i64>,
}

/// Wire structure `GetStorageTierPolicyRequest`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GetStorageTierPolicyRequest {}

/// Wire structure `GetStorageTierPolicyResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GetStorageTierPolicyResponse {
    #[serde(
        rename = "storageTier",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub storage_tier: Option<StorageTier>,
    #[serde(
        rename = "lastUpdatedTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub last_updated_time: Option<i64>,
}

/// Wire structure `GetTransformerRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GetTransformerRequest {
    #[serde(rename = "logGroupIdentifier")]
    pub log_group_identifier: String,
}

/// Wire structure `GetTransformerResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GetTransformerResponse {
    #[serde(
        rename = "logGroupIdentifier",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub log_group_identifier: Option<String>,
    #[serde(
        rename = "creationTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub creation_time: Option<i64>,
    #[serde(
        rename = "lastModifiedTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub last_modified_time: Option<i64>,
    #[serde(
        rename = "transformerConfig",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub transformer_config: Option<Vec<Processor>>,
}

/// Wire structure `Grok`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Grok {
    #[serde(rename = "source", default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(rename = "match")]
    pub r#match: String,
}

/// Wire structure `GroupingIdentifier`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GroupingIdentifier {
    #[serde(rename = "key", default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    #[serde(rename = "value", default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
}

/// Wire structure `Import`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Import {
    #[serde(rename = "importId", default, skip_serializing_if = "Option::is_none")]
    pub import_id: Option<String>,
    #[serde(
        rename = "importSourceArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub import_source_arn: Option<String>,
    #[serde(
        rename = "importStatus",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub import_status: Option<ImportStatus>,
    #[serde(
        rename = "importDestinationArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub import_destination_arn: Option<String>,
    #[serde(
        rename = "importStatistics",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub import_statistics: Option<ImportStatistics>,
    #[serde(
        rename = "importFilter",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub import_filter: Option<ImportFilter>,
    #[serde(
        rename = "creationTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub creation_time: Option<i64>,
    #[serde(
        rename = "lastUpdatedTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub last_updated_time: Option<i64>,
    #[serde(
        rename = "errorMessage",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub error_message: Option<String>,
}

/// Wire structure `ImportBatch`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ImportBatch {
    #[serde(rename = "batchId")]
    pub batch_id: String,
    #[serde(rename = "status")]
    pub status: ImportStatus,
    #[serde(
        rename = "errorMessage",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub error_message: Option<String>,
}

/// Wire structure `ImportFilter`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ImportFilter {
    #[serde(
        rename = "startEventTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub start_event_time: Option<i64>,
    #[serde(
        rename = "endEventTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub end_event_time: Option<i64>,
}

/// Wire structure `ImportStatistics`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ImportStatistics {
    #[serde(
        rename = "bytesImported",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub bytes_imported: Option<i64>,
}

/// Wire enum `ImportStatus`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ImportStatus {
    #[serde(rename = "IN_PROGRESS")]
    InProgress,
    #[serde(rename = "CANCELLED")]
    Cancelled,
    #[serde(rename = "COMPLETED")]
    Completed,
    #[serde(rename = "FAILED")]
    Failed,
}

impl ImportStatus {
    /// Every value, in model order.
    pub const ALL: &'static [ImportStatus] = &[
        ImportStatus::InProgress,
        ImportStatus::Cancelled,
        ImportStatus::Completed,
        ImportStatus::Failed,
    ];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            ImportStatus::InProgress => "IN_PROGRESS",
            ImportStatus::Cancelled => "CANCELLED",
            ImportStatus::Completed => "COMPLETED",
            ImportStatus::Failed => "FAILED",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for ImportStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire enum `IndexCategory`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum IndexCategory {
    #[serde(rename = "DEFAULT")]
    Default,
    #[serde(rename = "CUSTOM")]
    Custom,
    #[serde(rename = "AUTO")]
    Auto,
    #[serde(rename = "INACTIVE")]
    Inactive,
}

impl IndexCategory {
    /// Every value, in model order.
    pub const ALL: &'static [IndexCategory] = &[
        IndexCategory::Default,
        IndexCategory::Custom,
        IndexCategory::Auto,
        IndexCategory::Inactive,
    ];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            IndexCategory::Default => "DEFAULT",
            IndexCategory::Custom => "CUSTOM",
            IndexCategory::Auto => "AUTO",
            IndexCategory::Inactive => "INACTIVE",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for IndexCategory {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire structure `IndexPolicy`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct IndexPolicy {
    #[serde(
        rename = "logGroupIdentifier",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub log_group_identifier: Option<String>,
    #[serde(
        rename = "lastUpdateTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub last_update_time: Option<i64>,
    #[serde(
        rename = "policyDocument",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub policy_document: Option<String>,
    #[serde(
        rename = "policyName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub policy_name: Option<String>,
    #[serde(rename = "source", default, skip_serializing_if = "Option::is_none")]
    pub source: Option<IndexSource>,
}

/// Wire enum `IndexSource`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum IndexSource {
    #[serde(rename = "ACCOUNT")]
    Account,
    #[serde(rename = "LOG_GROUP")]
    LogGroup,
}

impl IndexSource {
    /// Every value, in model order.
    pub const ALL: &'static [IndexSource] = &[IndexSource::Account, IndexSource::LogGroup];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            IndexSource::Account => "ACCOUNT",
            IndexSource::LogGroup => "LOG_GROUP",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for IndexSource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire enum `IndexType`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum IndexType {
    #[serde(rename = "FACET")]
    Facet,
    #[serde(rename = "FIELD_INDEX")]
    FieldIndex,
}

impl IndexType {
    /// Every value, in model order.
    pub const ALL: &'static [IndexType] = &[IndexType::Facet, IndexType::FieldIndex];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            IndexType::Facet => "FACET",
            IndexType::FieldIndex => "FIELD_INDEX",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for IndexType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire enum `InheritedProperty`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum InheritedProperty {
    #[serde(rename = "ACCOUNT_DATA_PROTECTION")]
    AccountDataProtection,
}

impl InheritedProperty {
    /// Every value, in model order.
    pub const ALL: &'static [InheritedProperty] = &[InheritedProperty::AccountDataProtection];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            InheritedProperty::AccountDataProtection => "ACCOUNT_DATA_PROTECTION",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for InheritedProperty {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire structure `InputLogEvent`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InputLogEvent {
    #[serde(rename = "timestamp")]
    pub timestamp: i64,
    #[serde(rename = "message")]
    pub message: String,
}

/// Wire union (at most one member set) `IntegrationDetails`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct IntegrationDetails {
    #[serde(
        rename = "openSearchIntegrationDetails",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub open_search_integration_details: Option<OpenSearchIntegrationDetails>,
}

/// Wire enum `IntegrationStatus`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum IntegrationStatus {
    #[serde(rename = "PROVISIONING")]
    Provisioning,
    #[serde(rename = "ACTIVE")]
    Active,
    #[serde(rename = "FAILED")]
    Failed,
}

impl IntegrationStatus {
    /// Every value, in model order.
    pub const ALL: &'static [IntegrationStatus] = &[
        IntegrationStatus::Provisioning,
        IntegrationStatus::Active,
        IntegrationStatus::Failed,
    ];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            IntegrationStatus::Provisioning => "PROVISIONING",
            IntegrationStatus::Active => "ACTIVE",
            IntegrationStatus::Failed => "FAILED",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for IntegrationStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire structure `IntegrationSummary`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct IntegrationSummary {
    #[serde(
        rename = "integrationName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub integration_name: Option<String>,
    #[serde(
        rename = "integrationType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub integration_type: Option<IntegrationType>,
    #[serde(
        rename = "integrationStatus",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub integration_status: Option<IntegrationStatus>,
}

/// Wire enum `IntegrationType`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum IntegrationType {
    #[serde(rename = "OPENSEARCH")]
    Opensearch,
}

impl IntegrationType {
    /// Every value, in model order.
    pub const ALL: &'static [IntegrationType] = &[IntegrationType::Opensearch];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            IntegrationType::Opensearch => "OPENSEARCH",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for IntegrationType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire exception `InternalServerException`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct InternalServerException {}

/// Wire exception `InternalStreamingException`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct InternalStreamingException {
    #[serde(rename = "message", default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

/// Wire exception `InvalidOperationException`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct InvalidOperationException {}

/// Wire exception `InvalidParameterException`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct InvalidParameterException {}

/// Wire exception `InvalidSequenceTokenException`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct InvalidSequenceTokenException {
    #[serde(
        rename = "expectedSequenceToken",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub expected_sequence_token: Option<String>,
}

/// Wire exception `LimitExceededException`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct LimitExceededException {}

/// Wire enum `ListAggregateLogGroupSummariesGroupBy`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ListAggregateLogGroupSummariesGroupBy {
    #[serde(rename = "DATA_SOURCE_NAME_TYPE_AND_FORMAT")]
    DataSourceNameTypeAndFormat,
    #[serde(rename = "DATA_SOURCE_NAME_AND_TYPE")]
    DataSourceNameAndType,
}

impl ListAggregateLogGroupSummariesGroupBy {
    /// Every value, in model order.
    pub const ALL: &'static [ListAggregateLogGroupSummariesGroupBy] = &[
        ListAggregateLogGroupSummariesGroupBy::DataSourceNameTypeAndFormat,
        ListAggregateLogGroupSummariesGroupBy::DataSourceNameAndType,
    ];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            ListAggregateLogGroupSummariesGroupBy::DataSourceNameTypeAndFormat => {
                "DATA_SOURCE_NAME_TYPE_AND_FORMAT"
            }
            ListAggregateLogGroupSummariesGroupBy::DataSourceNameAndType => {
                "DATA_SOURCE_NAME_AND_TYPE"
            }
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for ListAggregateLogGroupSummariesGroupBy {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire structure `ListAggregateLogGroupSummariesRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ListAggregateLogGroupSummariesRequest {
    #[serde(
        rename = "accountIdentifiers",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub account_identifiers: Option<Vec<String>>,
    #[serde(
        rename = "includeLinkedAccounts",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub include_linked_accounts: Option<bool>,
    #[serde(
        rename = "logGroupClass",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub log_group_class: Option<LogGroupClass>,
    #[serde(
        rename = "logGroupNamePattern",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub log_group_name_pattern: Option<String>,
    #[serde(
        rename = "dataSources",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub data_sources: Option<Vec<DataSourceFilter>>,
    #[serde(rename = "groupBy")]
    pub group_by: ListAggregateLogGroupSummariesGroupBy,
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
    #[serde(rename = "limit", default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<i32>,
}

/// Wire structure `ListAggregateLogGroupSummariesResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListAggregateLogGroupSummariesResponse {
    #[serde(
        rename = "aggregateLogGroupSummaries",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub aggregate_log_group_summaries: Option<Vec<AggregateLogGroupSummary>>,
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

/// Wire structure `ListAnomaliesRequest`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListAnomaliesRequest {
    #[serde(
        rename = "anomalyDetectorArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub anomaly_detector_arn: Option<String>,
    #[serde(
        rename = "suppressionState",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub suppression_state: Option<SuppressionState>,
    #[serde(rename = "limit", default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<i32>,
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

/// Wire structure `ListAnomaliesResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListAnomaliesResponse {
    #[serde(rename = "anomalies", default, skip_serializing_if = "Option::is_none")]
    pub anomalies: Option<Vec<Anomaly>>,
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

/// Wire structure `ListIntegrationsRequest`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListIntegrationsRequest {
    #[serde(
        rename = "integrationNamePrefix",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub integration_name_prefix: Option<String>,
    #[serde(
        rename = "integrationType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub integration_type: Option<IntegrationType>,
    #[serde(
        rename = "integrationStatus",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub integration_status: Option<IntegrationStatus>,
}

/// Wire structure `ListIntegrationsResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListIntegrationsResponse {
    #[serde(
        rename = "integrationSummaries",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub integration_summaries: Option<Vec<IntegrationSummary>>,
}

/// Wire structure `ListLogAnomalyDetectorsRequest`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListLogAnomalyDetectorsRequest {
    #[serde(
        rename = "filterLogGroupArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub filter_log_group_arn: Option<String>,
    #[serde(rename = "limit", default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<i32>,
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

/// Wire structure `ListLogAnomalyDetectorsResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListLogAnomalyDetectorsResponse {
    #[serde(
        rename = "anomalyDetectors",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub anomaly_detectors: Option<Vec<AnomalyDetector>>,
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

/// Wire structure `ListLogGroupsForQueryRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ListLogGroupsForQueryRequest {
    #[serde(rename = "queryId")]
    pub query_id: String,
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
    #[serde(
        rename = "maxResults",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub max_results: Option<i32>,
}

/// Wire structure `ListLogGroupsForQueryResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListLogGroupsForQueryResponse {
    #[serde(
        rename = "logGroupIdentifiers",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub log_group_identifiers: Option<Vec<String>>,
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

/// Wire structure `ListLogGroupsRequest`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListLogGroupsRequest {
    #[serde(
        rename = "logGroupNamePattern",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub log_group_name_pattern: Option<String>,
    #[serde(
        rename = "logGroupClass",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub log_group_class: Option<LogGroupClass>,
    #[serde(
        rename = "includeLinkedAccounts",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub include_linked_accounts: Option<bool>,
    #[serde(
        rename = "accountIdentifiers",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub account_identifiers: Option<Vec<String>>,
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
    #[serde(rename = "limit", default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<i32>,
    #[serde(
        rename = "dataSources",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub data_sources: Option<Vec<DataSourceFilter>>,
    #[serde(
        rename = "fieldIndexNames",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub field_index_names: Option<Vec<String>>,
    #[serde(
        rename = "logGroupTags",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub log_group_tags: Option<Vec<TagFilter>>,
}

/// Wire structure `ListLogGroupsResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListLogGroupsResponse {
    #[serde(rename = "logGroups", default, skip_serializing_if = "Option::is_none")]
    pub log_groups: Option<Vec<LogGroupSummary>>,
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

/// Wire structure `ListScheduledQueriesRequest`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListScheduledQueriesRequest {
    #[serde(
        rename = "maxResults",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub max_results: Option<i32>,
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
    #[serde(rename = "state", default, skip_serializing_if = "Option::is_none")]
    pub state: Option<ScheduledQueryState>,
    #[serde(
        rename = "scheduleType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub schedule_type: Option<ScheduleType>,
}

/// Wire structure `ListScheduledQueriesResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListScheduledQueriesResponse {
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
    #[serde(
        rename = "scheduledQueries",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub scheduled_queries: Option<Vec<ScheduledQuerySummary>>,
}

/// Wire structure `ListSourcesForS3TableIntegrationRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ListSourcesForS3TableIntegrationRequest {
    #[serde(rename = "integrationArn")]
    pub integration_arn: String,
    #[serde(
        rename = "maxResults",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub max_results: Option<i32>,
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

/// Wire structure `ListSourcesForS3TableIntegrationResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListSourcesForS3TableIntegrationResponse {
    #[serde(rename = "sources", default, skip_serializing_if = "Option::is_none")]
    pub sources: Option<Vec<S3TableIntegrationSource>>,
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

/// Wire structure `ListSyslogConfigurationsRequest`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListSyslogConfigurationsRequest {
    #[serde(
        rename = "logGroupIdentifier",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub log_group_identifier: Option<String>,
    #[serde(
        rename = "vpcEndpointId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub vpc_endpoint_id: Option<String>,
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
    #[serde(
        rename = "maxResults",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub max_results: Option<i32>,
}

/// Wire structure `ListSyslogConfigurationsResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListSyslogConfigurationsResponse {
    #[serde(
        rename = "syslogConfigurations",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub syslog_configurations: Option<Vec<SyslogConfiguration>>,
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

/// Wire structure `ListTagsForResourceRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ListTagsForResourceRequest {
    #[serde(rename = "resourceArn")]
    pub resource_arn: String,
}

/// Wire structure `ListTagsForResourceResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListTagsForResourceResponse {
    #[serde(rename = "tags", default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<BTreeMap<String, String>>,
}

/// Wire structure `ListTagsLogGroupRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ListTagsLogGroupRequest {
    #[serde(rename = "logGroupName")]
    pub log_group_name: String,
}

/// Wire structure `ListTagsLogGroupResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListTagsLogGroupResponse {
    #[serde(rename = "tags", default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<BTreeMap<String, String>>,
}

/// Wire structure `ListToMap`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ListToMap {
    #[serde(rename = "source")]
    pub source: String,
    #[serde(rename = "key")]
    pub key: String,
    #[serde(rename = "valueKey", default, skip_serializing_if = "Option::is_none")]
    pub value_key: Option<String>,
    #[serde(rename = "target", default, skip_serializing_if = "Option::is_none")]
    pub target: Option<String>,
    #[serde(rename = "flatten", default, skip_serializing_if = "Option::is_none")]
    pub flatten: Option<bool>,
    #[serde(
        rename = "flattenedElement",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub flattened_element: Option<FlattenedElement>,
}

/// Wire structure `LiveTailSessionLogEvent`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct LiveTailSessionLogEvent {
    #[serde(
        rename = "logStreamName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub log_stream_name: Option<String>,
    #[serde(
        rename = "logGroupIdentifier",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub log_group_identifier: Option<String>,
    #[serde(rename = "message", default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    #[serde(rename = "timestamp", default, skip_serializing_if = "Option::is_none")]
    pub timestamp: Option<i64>,
    #[serde(
        rename = "ingestionTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub ingestion_time: Option<i64>,
}

/// Wire structure `LiveTailSessionMetadata`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct LiveTailSessionMetadata {
    #[serde(rename = "sampled", default, skip_serializing_if = "Option::is_none")]
    pub sampled: Option<bool>,
}

/// Wire structure `LiveTailSessionStart`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct LiveTailSessionStart {
    #[serde(rename = "requestId", default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
    #[serde(rename = "sessionId", default, skip_serializing_if = "Option::is_none")]
    pub session_id: Option<String>,
    #[serde(
        rename = "logGroupIdentifiers",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub log_group_identifiers: Option<Vec<String>>,
    #[serde(
        rename = "logStreamNames",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub log_stream_names: Option<Vec<String>>,
    #[serde(
        rename = "logStreamNamePrefixes",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub log_stream_name_prefixes: Option<Vec<String>>,
    #[serde(
        rename = "logEventFilterPattern",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub log_event_filter_pattern: Option<String>,
}

/// Wire structure `LiveTailSessionUpdate`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct LiveTailSessionUpdate {
    #[serde(
        rename = "sessionMetadata",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub session_metadata: Option<LiveTailSessionMetadata>,
    #[serde(
        rename = "sessionResults",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub session_results: Option<Vec<LiveTailSessionLogEvent>>,
}

/// Wire structure `LogEvent`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct LogEvent {
    #[serde(rename = "timestamp", default, skip_serializing_if = "Option::is_none")]
    pub timestamp: Option<i64>,
    #[serde(rename = "message", default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

/// Wire structure `LogFieldType`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct LogFieldType {
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub r#type: Option<String>,
    #[serde(rename = "element", default, skip_serializing_if = "Option::is_none")]
    pub element: Option<Box<LogFieldType>>,
    #[serde(rename = "fields", default, skip_serializing_if = "Option::is_none")]
    pub fields: Option<Vec<LogFieldsListItem>>,
}

/// Wire structure `LogFieldsListItem`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct LogFieldsListItem {
    #[serde(
        rename = "logFieldName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub log_field_name: Option<String>,
    #[serde(
        rename = "logFieldType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub log_field_type: Option<LogFieldType>,
}

/// Wire structure `LogGroup`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct LogGroup {
    #[serde(
        rename = "logGroupName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub log_group_name: Option<String>,
    #[serde(
        rename = "creationTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub creation_time: Option<i64>,
    #[serde(
        rename = "retentionInDays",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub retention_in_days: Option<i32>,
    #[serde(
        rename = "metricFilterCount",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub metric_filter_count: Option<i32>,
    #[serde(rename = "arn", default, skip_serializing_if = "Option::is_none")]
    pub arn: Option<String>,
    #[serde(
        rename = "storedBytes",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub stored_bytes: Option<i64>,
    #[serde(rename = "kmsKeyId", default, skip_serializing_if = "Option::is_none")]
    pub kms_key_id: Option<String>,
    #[serde(
        rename = "dataProtectionStatus",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub data_protection_status: Option<DataProtectionStatus>,
    #[serde(
        rename = "inheritedProperties",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub inherited_properties: Option<Vec<InheritedProperty>>,
    #[serde(
        rename = "logGroupClass",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub log_group_class: Option<LogGroupClass>,
    #[serde(
        rename = "logGroupArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub log_group_arn: Option<String>,
    #[serde(
        rename = "deletionProtectionEnabled",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub deletion_protection_enabled: Option<bool>,
    #[serde(
        rename = "bearerTokenAuthenticationEnabled",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub bearer_token_authentication_enabled: Option<bool>,
    #[serde(
        rename = "retentionPolicyName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub retention_policy_name: Option<String>,
}

/// Wire enum `LogGroupClass`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum LogGroupClass {
    #[serde(rename = "STANDARD")]
    Standard,
    #[serde(rename = "INFREQUENT_ACCESS")]
    InfrequentAccess,
    #[serde(rename = "DELIVERY")]
    Delivery,
    #[serde(rename = "ESSENTIALS")]
    Essentials,
}

impl LogGroupClass {
    /// Every value, in model order.
    pub const ALL: &'static [LogGroupClass] = &[
        LogGroupClass::Standard,
        LogGroupClass::InfrequentAccess,
        LogGroupClass::Delivery,
        LogGroupClass::Essentials,
    ];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            LogGroupClass::Standard => "STANDARD",
            LogGroupClass::InfrequentAccess => "INFREQUENT_ACCESS",
            LogGroupClass::Delivery => "DELIVERY",
            LogGroupClass::Essentials => "ESSENTIALS",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for LogGroupClass {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire structure `LogGroupField`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct LogGroupField {
    #[serde(rename = "name", default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(rename = "percent", default, skip_serializing_if = "Option::is_none")]
    pub percent: Option<i32>,
}

/// Wire structure `LogGroupImpact`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct LogGroupImpact {
    #[serde(
        rename = "logGroupName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub log_group_name: Option<String>,
    #[serde(
        rename = "currentRetention",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub current_retention: Option<String>,
    #[serde(
        rename = "proposedRetention",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub proposed_retention: Option<String>,
    #[serde(
        rename = "storedBytes",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub stored_bytes: Option<i64>,
}

/// Wire structure `LogGroupSummary`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct LogGroupSummary {
    #[serde(
        rename = "logGroupName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub log_group_name: Option<String>,
    #[serde(
        rename = "logGroupArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub log_group_arn: Option<String>,
    #[serde(
        rename = "logGroupClass",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub log_group_class: Option<LogGroupClass>,
}

/// Wire structure `LogStream`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct LogStream {
    #[serde(
        rename = "logStreamName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub log_stream_name: Option<String>,
    #[serde(
        rename = "creationTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub creation_time: Option<i64>,
    #[serde(
        rename = "firstEventTimestamp",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub first_event_timestamp: Option<i64>,
    #[serde(
        rename = "lastEventTimestamp",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub last_event_timestamp: Option<i64>,
    #[serde(
        rename = "lastIngestionTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub last_ingestion_time: Option<i64>,
    #[serde(
        rename = "uploadSequenceToken",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub upload_sequence_token: Option<String>,
    #[serde(rename = "arn", default, skip_serializing_if = "Option::is_none")]
    pub arn: Option<String>,
    #[serde(
        rename = "storedBytes",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub stored_bytes: Option<i64>,
}

/// Wire structure `LookupTable`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct LookupTable {
    #[serde(
        rename = "lookupTableArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub lookup_table_arn: Option<String>,
    #[serde(
        rename = "lookupTableName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub lookup_table_name: Option<String>,
    #[serde(
        rename = "description",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub description: Option<String>,
    #[serde(
        rename = "tableFields",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub table_fields: Option<Vec<String>>,
    #[serde(
        rename = "recordsCount",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub records_count: Option<i64>,
    #[serde(rename = "sizeBytes", default, skip_serializing_if = "Option::is_none")]
    pub size_bytes: Option<i64>,
    #[serde(
        rename = "lastUpdatedTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub last_updated_time: Option<i64>,
    #[serde(rename = "kmsKeyId", default, skip_serializing_if = "Option::is_none")]
    pub kms_key_id: Option<String>,
}

/// Wire structure `LookupTableConfiguration`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LookupTableConfiguration {
    #[serde(rename = "tableName")]
    pub table_name: String,
    #[serde(rename = "roleArn")]
    pub role_arn: String,
    #[serde(
        rename = "description",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub description: Option<String>,
    #[serde(rename = "kmsKeyId", default, skip_serializing_if = "Option::is_none")]
    pub kms_key_id: Option<String>,
    #[serde(rename = "tags", default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<BTreeMap<String, String>>,
}

/// Wire structure `LowerCaseString`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LowerCaseString {
    #[serde(rename = "withKeys")]
    pub with_keys: Vec<String>,
}

/// Wire exception `MalformedQueryException`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct MalformedQueryException {
    #[serde(
        rename = "queryCompileError",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub query_compile_error: Option<QueryCompileError>,
}

/// Wire structure `MetricFilter`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct MetricFilter {
    #[serde(
        rename = "filterName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub filter_name: Option<String>,
    #[serde(
        rename = "filterPattern",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub filter_pattern: Option<String>,
    #[serde(
        rename = "metricTransformations",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub metric_transformations: Option<Vec<MetricTransformation>>,
    #[serde(
        rename = "creationTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub creation_time: Option<i64>,
    #[serde(
        rename = "logGroupName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub log_group_name: Option<String>,
    #[serde(
        rename = "applyOnTransformedLogs",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub apply_on_transformed_logs: Option<bool>,
    #[serde(
        rename = "fieldSelectionCriteria",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub field_selection_criteria: Option<String>,
    #[serde(
        rename = "emitSystemFieldDimensions",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub emit_system_field_dimensions: Option<Vec<String>>,
}

/// Wire structure `MetricFilterMatchRecord`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct MetricFilterMatchRecord {
    #[serde(
        rename = "eventNumber",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub event_number: Option<i64>,
    #[serde(
        rename = "eventMessage",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub event_message: Option<String>,
    #[serde(
        rename = "extractedValues",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub extracted_values: Option<BTreeMap<String, String>>,
}

/// Wire structure `MetricTransformation`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MetricTransformation {
    #[serde(rename = "metricName")]
    pub metric_name: String,
    #[serde(rename = "metricNamespace")]
    pub metric_namespace: String,
    #[serde(rename = "metricValue")]
    pub metric_value: String,
    #[serde(
        rename = "defaultValue",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub default_value: Option<f64>,
    #[serde(
        rename = "dimensions",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub dimensions: Option<BTreeMap<String, String>>,
    #[serde(rename = "unit", default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<StandardUnit>,
}

/// Wire structure `MoveKeyEntry`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MoveKeyEntry {
    #[serde(rename = "source")]
    pub source: String,
    #[serde(rename = "target")]
    pub target: String,
    #[serde(
        rename = "overwriteIfExists",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub overwrite_if_exists: Option<bool>,
}

/// Wire structure `MoveKeys`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MoveKeys {
    #[serde(rename = "entries")]
    pub entries: Vec<MoveKeyEntry>,
}

/// Wire enum `OCSFVersion`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum OCSFVersion {
    #[serde(rename = "V1.1")]
    V11,
    #[serde(rename = "V1.5")]
    V15,
}

impl OCSFVersion {
    /// Every value, in model order.
    pub const ALL: &'static [OCSFVersion] = &[OCSFVersion::V11, OCSFVersion::V15];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            OCSFVersion::V11 => "V1.1",
            OCSFVersion::V15 => "V1.5",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for OCSFVersion {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire structure `OpenSearchApplication`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct OpenSearchApplication {
    #[serde(
        rename = "applicationEndpoint",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub application_endpoint: Option<String>,
    #[serde(
        rename = "applicationArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub application_arn: Option<String>,
    #[serde(
        rename = "applicationId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub application_id: Option<String>,
    #[serde(rename = "status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<OpenSearchResourceStatus>,
}

/// Wire structure `OpenSearchCollection`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct OpenSearchCollection {
    #[serde(
        rename = "collectionEndpoint",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub collection_endpoint: Option<String>,
    #[serde(
        rename = "collectionArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub collection_arn: Option<String>,
    #[serde(rename = "status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<OpenSearchResourceStatus>,
}

/// Wire structure `OpenSearchDataAccessPolicy`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct OpenSearchDataAccessPolicy {
    #[serde(
        rename = "policyName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub policy_name: Option<String>,
    #[serde(rename = "status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<OpenSearchResourceStatus>,
}

/// Wire structure `OpenSearchDataSource`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct OpenSearchDataSource {
    #[serde(
        rename = "dataSourceName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub data_source_name: Option<String>,
    #[serde(rename = "status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<OpenSearchResourceStatus>,
}

/// Wire structure `OpenSearchEncryptionPolicy`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct OpenSearchEncryptionPolicy {
    #[serde(
        rename = "policyName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub policy_name: Option<String>,
    #[serde(rename = "status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<OpenSearchResourceStatus>,
}

/// Wire structure `OpenSearchIntegrationDetails`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct OpenSearchIntegrationDetails {
    #[serde(
        rename = "dataSource",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub data_source: Option<OpenSearchDataSource>,
    #[serde(
        rename = "application",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub application: Option<OpenSearchApplication>,
    #[serde(
        rename = "collection",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub collection: Option<OpenSearchCollection>,
    #[serde(rename = "workspace", default, skip_serializing_if = "Option::is_none")]
    pub workspace: Option<OpenSearchWorkspace>,
    #[serde(
        rename = "encryptionPolicy",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub encryption_policy: Option<OpenSearchEncryptionPolicy>,
    #[serde(
        rename = "networkPolicy",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub network_policy: Option<OpenSearchNetworkPolicy>,
    #[serde(
        rename = "accessPolicy",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub access_policy: Option<OpenSearchDataAccessPolicy>,
    #[serde(
        rename = "lifecyclePolicy",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub lifecycle_policy: Option<OpenSearchLifecyclePolicy>,
}

/// Wire structure `OpenSearchLifecyclePolicy`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct OpenSearchLifecyclePolicy {
    #[serde(
        rename = "policyName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub policy_name: Option<String>,
    #[serde(rename = "status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<OpenSearchResourceStatus>,
}

/// Wire structure `OpenSearchNetworkPolicy`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct OpenSearchNetworkPolicy {
    #[serde(
        rename = "policyName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub policy_name: Option<String>,
    #[serde(rename = "status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<OpenSearchResourceStatus>,
}

/// Wire structure `OpenSearchResourceConfig`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OpenSearchResourceConfig {
    #[serde(rename = "kmsKeyArn", default, skip_serializing_if = "Option::is_none")]
    pub kms_key_arn: Option<String>,
    #[serde(rename = "dataSourceRoleArn")]
    pub data_source_role_arn: String,
    #[serde(rename = "dashboardViewerPrincipals")]
    pub dashboard_viewer_principals: Vec<String>,
    #[serde(
        rename = "applicationArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub application_arn: Option<String>,
    #[serde(rename = "retentionDays")]
    pub retention_days: i32,
}

/// Wire structure `OpenSearchResourceStatus`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct OpenSearchResourceStatus {
    #[serde(rename = "status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<OpenSearchResourceStatusType>,
    #[serde(
        rename = "statusMessage",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub status_message: Option<String>,
}

/// Wire enum `OpenSearchResourceStatusType`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum OpenSearchResourceStatusType {
    #[serde(rename = "ACTIVE")]
    Active,
    #[serde(rename = "NOT_FOUND")]
    NotFound,
    #[serde(rename = "ERROR")]
    Error,
}

impl OpenSearchResourceStatusType {
    /// Every value, in model order.
    pub const ALL: &'static [OpenSearchResourceStatusType] = &[
        OpenSearchResourceStatusType::Active,
        OpenSearchResourceStatusType::NotFound,
        OpenSearchResourceStatusType::Error,
    ];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            OpenSearchResourceStatusType::Active => "ACTIVE",
            OpenSearchResourceStatusType::NotFound => "NOT_FOUND",
            OpenSearchResourceStatusType::Error => "ERROR",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for OpenSearchResourceStatusType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire structure `OpenSearchWorkspace`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct OpenSearchWorkspace {
    #[serde(
        rename = "workspaceId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub workspace_id: Option<String>,
    #[serde(rename = "status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<OpenSearchResourceStatus>,
}

/// Wire exception `OperationAbortedException`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct OperationAbortedException {}

/// Wire enum `OrderBy`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum OrderBy {
    #[serde(rename = "LogStreamName")]
    LogStreamName,
    #[serde(rename = "LastEventTime")]
    LastEventTime,
}

impl OrderBy {
    /// Every value, in model order.
    pub const ALL: &'static [OrderBy] = &[OrderBy::LogStreamName, OrderBy::LastEventTime];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            OrderBy::LogStreamName => "LogStreamName",
            OrderBy::LastEventTime => "LastEventTime",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for OrderBy {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire enum `OutputFormat`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum OutputFormat {
    #[serde(rename = "json")]
    Json,
    #[serde(rename = "plain")]
    Plain,
    #[serde(rename = "w3c")]
    W3c,
    #[serde(rename = "raw")]
    Raw,
    #[serde(rename = "parquet")]
    Parquet,
}

impl OutputFormat {
    /// Every value, in model order.
    pub const ALL: &'static [OutputFormat] = &[
        OutputFormat::Json,
        OutputFormat::Plain,
        OutputFormat::W3c,
        OutputFormat::Raw,
        OutputFormat::Parquet,
    ];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            OutputFormat::Json => "json",
            OutputFormat::Plain => "plain",
            OutputFormat::W3c => "w3c",
            OutputFormat::Raw => "raw",
            OutputFormat::Parquet => "parquet",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for OutputFormat {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire structure `OutputLogEvent`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct OutputLogEvent {
    #[serde(rename = "timestamp", default, skip_serializing_if = "Option::is_none")]
    pub timestamp: Option<i64>,
    #[serde(rename = "message", default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    #[serde(
        rename = "ingestionTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub ingestion_time: Option<i64>,
}

/// Wire structure `ParseCloudfront`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ParseCloudfront {
    #[serde(rename = "source", default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// Wire structure `ParseJSON`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ParseJSON {
    #[serde(rename = "source", default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(
        rename = "destination",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub destination: Option<String>,
}

/// Wire structure `ParseKeyValue`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ParseKeyValue {
    #[serde(rename = "source", default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(
        rename = "destination",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub destination: Option<String>,
    #[serde(
        rename = "fieldDelimiter",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub field_delimiter: Option<String>,
    #[serde(
        rename = "keyValueDelimiter",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub key_value_delimiter: Option<String>,
    #[serde(rename = "keyPrefix", default, skip_serializing_if = "Option::is_none")]
    pub key_prefix: Option<String>,
    #[serde(
        rename = "nonMatchValue",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub non_match_value: Option<String>,
    #[serde(
        rename = "overwriteIfExists",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub overwrite_if_exists: Option<bool>,
}

/// Wire structure `ParsePostgres`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ParsePostgres {
    #[serde(rename = "source", default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// Wire structure `ParseRoute53`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ParseRoute53 {
    #[serde(rename = "source", default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// Wire structure `ParseToOCSF`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ParseToOCSF {
    #[serde(rename = "source", default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(rename = "eventSource")]
    pub event_source: EventSource,
    #[serde(rename = "ocsfVersion")]
    pub ocsf_version: OCSFVersion,
    #[serde(
        rename = "mappingVersion",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub mapping_version: Option<String>,
}

/// Wire structure `ParseVPC`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ParseVPC {
    #[serde(rename = "source", default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// Wire structure `ParseWAF`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ParseWAF {
    #[serde(rename = "source", default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// Wire structure `PatternToken`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PatternToken {
    #[serde(
        rename = "dynamicTokenPosition",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub dynamic_token_position: Option<i32>,
    #[serde(rename = "isDynamic", default, skip_serializing_if = "Option::is_none")]
    pub is_dynamic: Option<bool>,
    #[serde(
        rename = "tokenString",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub token_string: Option<String>,
    #[serde(
        rename = "enumerations",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub enumerations: Option<BTreeMap<String, i64>>,
    #[serde(
        rename = "inferredTokenName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub inferred_token_name: Option<String>,
}

/// Wire structure `Policy`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Policy {
    #[serde(
        rename = "deliveryDestinationPolicy",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub delivery_destination_policy: Option<String>,
}

/// Wire enum `PolicyScope`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum PolicyScope {
    #[serde(rename = "ACCOUNT")]
    Account,
    #[serde(rename = "RESOURCE")]
    Resource,
}

impl PolicyScope {
    /// Every value, in model order.
    pub const ALL: &'static [PolicyScope] = &[PolicyScope::Account, PolicyScope::Resource];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            PolicyScope::Account => "ACCOUNT",
            PolicyScope::Resource => "RESOURCE",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for PolicyScope {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire enum `PolicyType`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum PolicyType {
    #[serde(rename = "DATA_PROTECTION_POLICY")]
    DataProtectionPolicy,
    #[serde(rename = "SUBSCRIPTION_FILTER_POLICY")]
    SubscriptionFilterPolicy,
    #[serde(rename = "FIELD_INDEX_POLICY")]
    FieldIndexPolicy,
    #[serde(rename = "TRANSFORMER_POLICY")]
    TransformerPolicy,
    #[serde(rename = "METRIC_EXTRACTION_POLICY")]
    MetricExtractionPolicy,
    #[serde(rename = "RETENTION_POLICY")]
    RetentionPolicy,
}

impl PolicyType {
    /// Every value, in model order.
    pub const ALL: &'static [PolicyType] = &[
        PolicyType::DataProtectionPolicy,
        PolicyType::SubscriptionFilterPolicy,
        PolicyType::FieldIndexPolicy,
        PolicyType::TransformerPolicy,
        PolicyType::MetricExtractionPolicy,
        PolicyType::RetentionPolicy,
    ];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            PolicyType::DataProtectionPolicy => "DATA_PROTECTION_POLICY",
            PolicyType::SubscriptionFilterPolicy => "SUBSCRIPTION_FILTER_POLICY",
            PolicyType::FieldIndexPolicy => "FIELD_INDEX_POLICY",
            PolicyType::TransformerPolicy => "TRANSFORMER_POLICY",
            PolicyType::MetricExtractionPolicy => "METRIC_EXTRACTION_POLICY",
            PolicyType::RetentionPolicy => "RETENTION_POLICY",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for PolicyType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire structure `Processor`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Processor {
    #[serde(rename = "addKeys", default, skip_serializing_if = "Option::is_none")]
    pub add_keys: Option<AddKeys>,
    #[serde(rename = "copyValue", default, skip_serializing_if = "Option::is_none")]
    pub copy_value: Option<CopyValue>,
    #[serde(rename = "csv", default, skip_serializing_if = "Option::is_none")]
    pub csv: Option<CSV>,
    #[serde(
        rename = "dateTimeConverter",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub date_time_converter: Option<DateTimeConverter>,
    #[serde(
        rename = "deleteKeys",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub delete_keys: Option<DeleteKeys>,
    #[serde(rename = "grok", default, skip_serializing_if = "Option::is_none")]
    pub grok: Option<Grok>,
    #[serde(rename = "listToMap", default, skip_serializing_if = "Option::is_none")]
    pub list_to_map: Option<ListToMap>,
    #[serde(
        rename = "lowerCaseString",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub lower_case_string: Option<LowerCaseString>,
    #[serde(rename = "moveKeys", default, skip_serializing_if = "Option::is_none")]
    pub move_keys: Option<MoveKeys>,
    #[serde(
        rename = "parseCloudfront",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub parse_cloudfront: Option<ParseCloudfront>,
    #[serde(rename = "parseJSON", default, skip_serializing_if = "Option::is_none")]
    pub parse_json: Option<ParseJSON>,
    #[serde(
        rename = "parseKeyValue",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub parse_key_value: Option<ParseKeyValue>,
    #[serde(
        rename = "parseRoute53",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub parse_route53: Option<ParseRoute53>,
    #[serde(
        rename = "parseToOCSF",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub parse_to_ocsf: Option<ParseToOCSF>,
    #[serde(
        rename = "parsePostgres",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub parse_postgres: Option<ParsePostgres>,
    #[serde(rename = "parseVPC", default, skip_serializing_if = "Option::is_none")]
    pub parse_vpc: Option<ParseVPC>,
    #[serde(rename = "parseWAF", default, skip_serializing_if = "Option::is_none")]
    pub parse_waf: Option<ParseWAF>,
    #[serde(
        rename = "renameKeys",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub rename_keys: Option<RenameKeys>,
    #[serde(
        rename = "splitString",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub split_string: Option<SplitString>,
    #[serde(
        rename = "substituteString",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub substitute_string: Option<SubstituteString>,
    #[serde(
        rename = "trimString",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub trim_string: Option<TrimString>,
    #[serde(
        rename = "typeConverter",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub type_converter: Option<TypeConverter>,
    #[serde(
        rename = "upperCaseString",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub upper_case_string: Option<UpperCaseString>,
}

/// Wire structure `PutAccountPolicyRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PutAccountPolicyRequest {
    #[serde(rename = "policyName")]
    pub policy_name: String,
    #[serde(rename = "policyDocument")]
    pub policy_document: String,
    #[serde(rename = "policyType")]
    pub policy_type: PolicyType,
    #[serde(rename = "scope", default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<Scope>,
    #[serde(
        rename = "selectionCriteria",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub selection_criteria: Option<String>,
    #[serde(rename = "dryRun", default, skip_serializing_if = "Option::is_none")]
    pub dry_run: Option<bool>,
}

/// Wire structure `PutAccountPolicyResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PutAccountPolicyResponse {
    #[serde(
        rename = "accountPolicy",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub account_policy: Option<AccountPolicy>,
    #[serde(
        rename = "dryRunResult",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub dry_run_result: Option<DryRunResult>,
}

/// Wire structure `PutBearerTokenAuthenticationRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PutBearerTokenAuthenticationRequest {
    #[serde(rename = "logGroupIdentifier")]
    pub log_group_identifier: String,
    #[serde(rename = "bearerTokenAuthenticationEnabled")]
    pub bearer_token_authentication_enabled: bool,
}

/// Wire structure `PutDataProtectionPolicyRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PutDataProtectionPolicyRequest {
    #[serde(rename = "logGroupIdentifier")]
    pub log_group_identifier: String,
    #[serde(rename = "policyDocument")]
    pub policy_document: String,
}

/// Wire structure `PutDataProtectionPolicyResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PutDataProtectionPolicyResponse {
    #[serde(
        rename = "logGroupIdentifier",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub log_group_identifier: Option<String>,
    #[serde(
        rename = "policyDocument",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub policy_document: Option<String>,
    #[serde(
        rename = "lastUpdatedTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub last_updated_time: Option<i64>,
}

/// Wire structure `PutDeliveryDestinationPolicyRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PutDeliveryDestinationPolicyRequest {
    #[serde(rename = "deliveryDestinationName")]
    pub delivery_destination_name: String,
    #[serde(rename = "deliveryDestinationPolicy")]
    pub delivery_destination_policy: String,
}

/// Wire structure `PutDeliveryDestinationPolicyResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PutDeliveryDestinationPolicyResponse {
    #[serde(rename = "policy", default, skip_serializing_if = "Option::is_none")]
    pub policy: Option<Policy>,
}

/// Wire structure `PutDeliveryDestinationRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PutDeliveryDestinationRequest {
    #[serde(rename = "name")]
    pub name: String,
    #[serde(
        rename = "outputFormat",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub output_format: Option<OutputFormat>,
    #[serde(
        rename = "deliveryDestinationConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub delivery_destination_configuration: Option<DeliveryDestinationConfiguration>,
    #[serde(
        rename = "deliveryDestinationType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub delivery_destination_type: Option<DeliveryDestinationType>,
    #[serde(rename = "roleArn", default, skip_serializing_if = "Option::is_none")]
    pub role_arn: Option<String>,
    #[serde(rename = "tags", default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<BTreeMap<String, String>>,
}

/// Wire structure `PutDeliveryDestinationResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PutDeliveryDestinationResponse {
    #[serde(
        rename = "deliveryDestination",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub delivery_destination: Option<DeliveryDestination>,
}

/// Wire structure `PutDeliverySourceRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PutDeliverySourceRequest {
    #[serde(rename = "name")]
    pub name: String,
    #[serde(rename = "resourceArn")]
    pub resource_arn: String,
    #[serde(rename = "logType")]
    pub log_type: String,
    #[serde(rename = "tags", default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<BTreeMap<String, String>>,
    #[serde(
        rename = "deliverySourceConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub delivery_source_configuration: Option<BTreeMap<String, String>>,
}

/// Wire structure `PutDeliverySourceResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PutDeliverySourceResponse {
    #[serde(
        rename = "deliverySource",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub delivery_source: Option<DeliverySource>,
}

/// Wire structure `PutDestinationPolicyRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PutDestinationPolicyRequest {
    #[serde(rename = "destinationName")]
    pub destination_name: String,
    #[serde(rename = "accessPolicy")]
    pub access_policy: String,
    #[serde(
        rename = "forceUpdate",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub force_update: Option<bool>,
}

/// Wire structure `PutDestinationRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PutDestinationRequest {
    #[serde(rename = "destinationName")]
    pub destination_name: String,
    #[serde(rename = "targetArn")]
    pub target_arn: String,
    #[serde(rename = "roleArn")]
    pub role_arn: String,
    #[serde(rename = "tags", default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<BTreeMap<String, String>>,
}

/// Wire structure `PutDestinationResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PutDestinationResponse {
    #[serde(
        rename = "destination",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub destination: Option<Destination>,
}

/// Wire structure `PutIndexPolicyRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PutIndexPolicyRequest {
    #[serde(rename = "logGroupIdentifier")]
    pub log_group_identifier: String,
    #[serde(rename = "policyDocument")]
    pub policy_document: String,
}

/// Wire structure `PutIndexPolicyResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PutIndexPolicyResponse {
    #[serde(
        rename = "indexPolicy",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub index_policy: Option<IndexPolicy>,
}

/// Wire structure `PutIntegrationRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PutIntegrationRequest {
    #[serde(rename = "integrationName")]
    pub integration_name: String,
    #[serde(rename = "resourceConfig")]
    pub resource_config: ResourceConfig,
    #[serde(rename = "integrationType")]
    pub integration_type: IntegrationType,
}

/// Wire structure `PutIntegrationResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PutIntegrationResponse {
    #[serde(
        rename = "integrationName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub integration_name: Option<String>,
    #[serde(
        rename = "integrationStatus",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub integration_status: Option<IntegrationStatus>,
}

/// Wire structure `PutLogEventsRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PutLogEventsRequest {
    #[serde(rename = "logGroupName")]
    pub log_group_name: String,
    #[serde(rename = "logStreamName")]
    pub log_stream_name: String,
    #[serde(rename = "logEvents")]
    pub log_events: Vec<InputLogEvent>,
    #[serde(
        rename = "sequenceToken",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub sequence_token: Option<String>,
    #[serde(rename = "entity", default, skip_serializing_if = "Option::is_none")]
    pub entity: Option<Entity>,
}

/// Wire structure `PutLogEventsResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PutLogEventsResponse {
    #[serde(
        rename = "nextSequenceToken",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub next_sequence_token: Option<String>,
    #[serde(
        rename = "rejectedLogEventsInfo",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub rejected_log_events_info: Option<RejectedLogEventsInfo>,
    #[serde(
        rename = "rejectedEntityInfo",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub rejected_entity_info: Option<RejectedEntityInfo>,
}

/// Wire structure `PutLogGroupDeletionProtectionRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PutLogGroupDeletionProtectionRequest {
    #[serde(rename = "logGroupIdentifier")]
    pub log_group_identifier: String,
    #[serde(rename = "deletionProtectionEnabled")]
    pub deletion_protection_enabled: bool,
}

/// Wire structure `PutMetricFilterRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PutMetricFilterRequest {
    #[serde(rename = "logGroupName")]
    pub log_group_name: String,
    #[serde(rename = "filterName")]
    pub filter_name: String,
    #[serde(rename = "filterPattern")]
    pub filter_pattern: String,
    #[serde(rename = "metricTransformations")]
    pub metric_transformations: Vec<MetricTransformation>,
    #[serde(
        rename = "applyOnTransformedLogs",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub apply_on_transformed_logs: Option<bool>,
    #[serde(
        rename = "fieldSelectionCriteria",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub field_selection_criteria: Option<String>,
    #[serde(
        rename = "emitSystemFieldDimensions",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub emit_system_field_dimensions: Option<Vec<String>>,
}

/// Wire structure `PutQueryDefinitionRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PutQueryDefinitionRequest {
    #[serde(
        rename = "queryLanguage",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub query_language: Option<QueryLanguage>,
    #[serde(rename = "name")]
    pub name: String,
    #[serde(
        rename = "queryDefinitionId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub query_definition_id: Option<String>,
    #[serde(
        rename = "logGroupNames",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub log_group_names: Option<Vec<String>>,
    #[serde(rename = "queryString")]
    pub query_string: String,
    #[serde(
        rename = "clientToken",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub client_token: Option<String>,
    #[serde(
        rename = "parameters",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub parameters: Option<Vec<QueryParameter>>,
}

/// Wire structure `PutQueryDefinitionResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PutQueryDefinitionResponse {
    #[serde(
        rename = "queryDefinitionId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub query_definition_id: Option<String>,
}

/// Wire structure `PutResourcePolicyRequest`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PutResourcePolicyRequest {
    #[serde(
        rename = "policyName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub policy_name: Option<String>,
    #[serde(
        rename = "policyDocument",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub policy_document: Option<String>,
    #[serde(
        rename = "resourceArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub resource_arn: Option<String>,
    #[serde(
        rename = "expectedRevisionId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub expected_revision_id: Option<String>,
}

/// Wire structure `PutResourcePolicyResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PutResourcePolicyResponse {
    #[serde(
        rename = "resourcePolicy",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub resource_policy: Option<ResourcePolicy>,
    #[serde(
        rename = "revisionId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub revision_id: Option<String>,
}

/// Wire structure `PutRetentionPolicyRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PutRetentionPolicyRequest {
    #[serde(rename = "logGroupName")]
    pub log_group_name: String,
    #[serde(rename = "retentionInDays")]
    pub retention_in_days: i32,
}

/// Wire structure `PutStorageTierPolicyRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PutStorageTierPolicyRequest {
    #[serde(rename = "storageTier")]
    pub storage_tier: StorageTier,
}

/// Wire structure `PutStorageTierPolicyResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PutStorageTierPolicyResponse {
    #[serde(
        rename = "storageTier",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub storage_tier: Option<StorageTier>,
    #[serde(
        rename = "lastUpdatedTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub last_updated_time: Option<i64>,
}

/// Wire structure `PutSubscriptionFilterRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PutSubscriptionFilterRequest {
    #[serde(rename = "logGroupName")]
    pub log_group_name: String,
    #[serde(rename = "filterName")]
    pub filter_name: String,
    #[serde(rename = "filterPattern")]
    pub filter_pattern: String,
    #[serde(rename = "destinationArn")]
    pub destination_arn: String,
    #[serde(rename = "roleArn", default, skip_serializing_if = "Option::is_none")]
    pub role_arn: Option<String>,
    #[serde(
        rename = "distribution",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub distribution: Option<Distribution>,
    #[serde(
        rename = "applyOnTransformedLogs",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub apply_on_transformed_logs: Option<bool>,
    #[serde(
        rename = "fieldSelectionCriteria",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub field_selection_criteria: Option<String>,
    #[serde(
        rename = "emitSystemFields",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub emit_system_fields: Option<Vec<String>>,
}

/// Wire structure `PutSyslogConfigurationRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PutSyslogConfigurationRequest {
    #[serde(rename = "logGroupIdentifier")]
    pub log_group_identifier: String,
    #[serde(
        rename = "vpcEndpointId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub vpc_endpoint_id: Option<String>,
}

/// Wire structure `PutTransformerRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PutTransformerRequest {
    #[serde(rename = "logGroupIdentifier")]
    pub log_group_identifier: String,
    #[serde(rename = "transformerConfig")]
    pub transformer_config: Vec<Processor>,
}

/// Wire structure `QueryCompileError`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct QueryCompileError {
    #[serde(rename = "location", default, skip_serializing_if = "Option::is_none")]
    pub location: Option<QueryCompileErrorLocation>,
    #[serde(rename = "message", default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

/// Wire structure `QueryCompileErrorLocation`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct QueryCompileErrorLocation {
    #[serde(
        rename = "startCharOffset",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub start_char_offset: Option<i32>,
    #[serde(
        rename = "endCharOffset",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub end_char_offset: Option<i32>,
}

/// Wire structure `QueryDefinition`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct QueryDefinition {
    #[serde(
        rename = "queryLanguage",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub query_language: Option<QueryLanguage>,
    #[serde(
        rename = "queryDefinitionId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub query_definition_id: Option<String>,
    #[serde(rename = "name", default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(
        rename = "queryString",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub query_string: Option<String>,
    #[serde(
        rename = "lastModified",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub last_modified: Option<i64>,
    #[serde(
        rename = "logGroupNames",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub log_group_names: Option<Vec<String>>,
    #[serde(
        rename = "parameters",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub parameters: Option<Vec<QueryParameter>>,
}

/// Wire structure `QueryInfo`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct QueryInfo {
    #[serde(
        rename = "queryLanguage",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub query_language: Option<QueryLanguage>,
    #[serde(rename = "queryId", default, skip_serializing_if = "Option::is_none")]
    pub query_id: Option<String>,
    #[serde(
        rename = "queryString",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub query_string: Option<String>,
    #[serde(rename = "status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<QueryStatus>,
    #[serde(
        rename = "createTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub create_time: Option<i64>,
    #[serde(
        rename = "logGroupName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub log_group_name: Option<String>,
    #[serde(
        rename = "queryDuration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub query_duration: Option<i64>,
    #[serde(
        rename = "bytesScanned",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub bytes_scanned: Option<f64>,
    #[serde(
        rename = "userIdentity",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub user_identity: Option<String>,
}

/// Wire enum `QueryLanguage`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum QueryLanguage {
    #[serde(rename = "CWLI")]
    Cwli,
    #[serde(rename = "SQL")]
    Sql,
    #[serde(rename = "PPL")]
    Ppl,
}

impl QueryLanguage {
    /// Every value, in model order.
    pub const ALL: &'static [QueryLanguage] =
        &[QueryLanguage::Cwli, QueryLanguage::Sql, QueryLanguage::Ppl];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            QueryLanguage::Cwli => "CWLI",
            QueryLanguage::Sql => "SQL",
            QueryLanguage::Ppl => "PPL",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for QueryLanguage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire structure `QueryParameter`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QueryParameter {
    #[serde(rename = "name")]
    pub name: String,
    #[serde(
        rename = "defaultValue",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub default_value: Option<String>,
    #[serde(
        rename = "description",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub description: Option<String>,
}

/// Wire structure `QueryStatistics`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct QueryStatistics {
    #[serde(
        rename = "recordsMatched",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub records_matched: Option<f64>,
    #[serde(
        rename = "recordsScanned",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub records_scanned: Option<f64>,
    #[serde(
        rename = "estimatedRecordsSkipped",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub estimated_records_skipped: Option<f64>,
    #[serde(
        rename = "bytesScanned",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub bytes_scanned: Option<f64>,
    #[serde(
        rename = "estimatedBytesSkipped",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub estimated_bytes_skipped: Option<f64>,
    #[serde(
        rename = "logGroupsScanned",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub log_groups_scanned: Option<f64>,
    #[serde(
        rename = "resultCount",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub result_count: Option<f64>,
}

/// Wire enum `QueryStatus`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum QueryStatus {
    #[serde(rename = "Scheduled")]
    Scheduled,
    #[serde(rename = "Running")]
    Running,
    #[serde(rename = "Complete")]
    Complete,
    #[serde(rename = "Failed")]
    Failed,
    #[serde(rename = "Cancelled")]
    Cancelled,
    #[serde(rename = "Timeout")]
    Timeout,
    #[serde(rename = "Unknown")]
    Unknown,
}

impl QueryStatus {
    /// Every value, in model order.
    pub const ALL: &'static [QueryStatus] = &[
        QueryStatus::Scheduled,
        QueryStatus::Running,
        QueryStatus::Complete,
        QueryStatus::Failed,
        QueryStatus::Cancelled,
        QueryStatus::Timeout,
        QueryStatus::Unknown,
    ];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            QueryStatus::Scheduled => "Scheduled",
            QueryStatus::Running => "Running",
            QueryStatus::Complete => "Complete",
            QueryStatus::Failed => "Failed",
            QueryStatus::Cancelled => "Cancelled",
            QueryStatus::Timeout => "Timeout",
            QueryStatus::Unknown => "Unknown",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for QueryStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire structure `RecordField`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RecordField {
    #[serde(rename = "name", default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(rename = "mandatory", default, skip_serializing_if = "Option::is_none")]
    pub mandatory: Option<bool>,
}

/// Wire structure `RejectedEntityInfo`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RejectedEntityInfo {
    #[serde(rename = "errorType")]
    pub error_type: EntityRejectionErrorType,
}

/// Wire structure `RejectedLogEventsInfo`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RejectedLogEventsInfo {
    #[serde(
        rename = "tooNewLogEventStartIndex",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub too_new_log_event_start_index: Option<i32>,
    #[serde(
        rename = "tooOldLogEventEndIndex",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub too_old_log_event_end_index: Option<i32>,
    #[serde(
        rename = "expiredLogEventEndIndex",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub expired_log_event_end_index: Option<i32>,
}

/// Wire structure `RenameKeyEntry`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RenameKeyEntry {
    #[serde(rename = "key")]
    pub key: String,
    #[serde(rename = "renameTo")]
    pub rename_to: String,
    #[serde(
        rename = "overwriteIfExists",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub overwrite_if_exists: Option<bool>,
}

/// Wire structure `RenameKeys`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RenameKeys {
    #[serde(rename = "entries")]
    pub entries: Vec<RenameKeyEntry>,
}

/// Wire exception `ResourceAlreadyExistsException`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ResourceAlreadyExistsException {}

/// Wire union (at most one member set) `ResourceConfig`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ResourceConfig {
    #[serde(
        rename = "openSearchResourceConfig",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub open_search_resource_config: Option<OpenSearchResourceConfig>,
}

/// Wire exception `ResourceNotFoundException`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ResourceNotFoundException {}

/// Wire structure `ResourcePolicy`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ResourcePolicy {
    #[serde(
        rename = "policyName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub policy_name: Option<String>,
    #[serde(
        rename = "policyDocument",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub policy_document: Option<String>,
    #[serde(
        rename = "lastUpdatedTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub last_updated_time: Option<i64>,
    #[serde(
        rename = "policyScope",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub policy_scope: Option<PolicyScope>,
    #[serde(
        rename = "resourceArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub resource_arn: Option<String>,
    #[serde(
        rename = "revisionId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub revision_id: Option<String>,
}

/// Wire structure `ResultField`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ResultField {
    #[serde(rename = "field", default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    #[serde(rename = "value", default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
}

/// Wire structure `S3Configuration`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct S3Configuration {
    #[serde(rename = "destinationIdentifier")]
    pub destination_identifier: String,
    #[serde(rename = "roleArn")]
    pub role_arn: String,
    #[serde(
        rename = "ownerAccountId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub owner_account_id: Option<String>,
    #[serde(rename = "kmsKeyId", default, skip_serializing_if = "Option::is_none")]
    pub kms_key_id: Option<String>,
}

/// Wire structure `S3DeliveryConfiguration`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct S3DeliveryConfiguration {
    #[serde(
        rename = "suffixPath",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub suffix_path: Option<String>,
    #[serde(
        rename = "enableHiveCompatiblePath",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub enable_hive_compatible_path: Option<bool>,
}

/// Wire structure `S3TableIntegrationSource`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct S3TableIntegrationSource {
    #[serde(
        rename = "identifier",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub identifier: Option<String>,
    #[serde(
        rename = "dataSource",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub data_source: Option<DataSource>,
    #[serde(rename = "status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<S3TableIntegrationSourceStatus>,
    #[serde(
        rename = "statusReason",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub status_reason: Option<String>,
    #[serde(
        rename = "createdTimeStamp",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub created_time_stamp: Option<i64>,
    #[serde(
        rename = "parentSourceIdentifier",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub parent_source_identifier: Option<String>,
}

/// Wire enum `S3TableIntegrationSourceStatus`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum S3TableIntegrationSourceStatus {
    #[serde(rename = "ACTIVE")]
    Active,
    #[serde(rename = "UNHEALTHY")]
    Unhealthy,
    #[serde(rename = "FAILED")]
    Failed,
    #[serde(rename = "DATA_SOURCE_DELETE_IN_PROGRESS")]
    DataSourceDeleteInProgress,
}

impl S3TableIntegrationSourceStatus {
    /// Every value, in model order.
    pub const ALL: &'static [S3TableIntegrationSourceStatus] = &[
        S3TableIntegrationSourceStatus::Active,
        S3TableIntegrationSourceStatus::Unhealthy,
        S3TableIntegrationSourceStatus::Failed,
        S3TableIntegrationSourceStatus::DataSourceDeleteInProgress,
    ];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            S3TableIntegrationSourceStatus::Active => "ACTIVE",
            S3TableIntegrationSourceStatus::Unhealthy => "UNHEALTHY",
            S3TableIntegrationSourceStatus::Failed => "FAILED",
            S3TableIntegrationSourceStatus::DataSourceDeleteInProgress => {
                "DATA_SOURCE_DELETE_IN_PROGRESS"
            }
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for S3TableIntegrationSourceStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire structure `S3TablesIntegration`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct S3TablesIntegration {
    #[serde(
        rename = "datasourceName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub datasource_name: Option<String>,
    #[serde(
        rename = "datasourceType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub datasource_type: Option<String>,
}

/// Wire enum `ScheduleType`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ScheduleType {
    #[serde(rename = "CUSTOMER_MANAGED")]
    CustomerManaged,
    #[serde(rename = "AWS_MANAGED")]
    AwsManaged,
}

impl ScheduleType {
    /// Every value, in model order.
    pub const ALL: &'static [ScheduleType] =
        &[ScheduleType::CustomerManaged, ScheduleType::AwsManaged];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            ScheduleType::CustomerManaged => "CUSTOMER_MANAGED",
            ScheduleType::AwsManaged => "AWS_MANAGED",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for ScheduleType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire structure `ScheduledQueryDestination`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ScheduledQueryDestination {
    #[serde(
        rename = "destinationType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub destination_type: Option<ScheduledQueryDestinationType>,
    #[serde(
        rename = "destinationIdentifier",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub destination_identifier: Option<String>,
    #[serde(rename = "status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<ActionStatus>,
    #[serde(
        rename = "processedIdentifier",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub processed_identifier: Option<String>,
    #[serde(
        rename = "errorMessage",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub error_message: Option<String>,
}

/// Wire enum `ScheduledQueryDestinationType`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ScheduledQueryDestinationType {
    #[serde(rename = "S3")]
    S3,
    #[serde(rename = "LOOKUP_TABLE")]
    LookupTable,
}

impl ScheduledQueryDestinationType {
    /// Every value, in model order.
    pub const ALL: &'static [ScheduledQueryDestinationType] = &[
        ScheduledQueryDestinationType::S3,
        ScheduledQueryDestinationType::LookupTable,
    ];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            ScheduledQueryDestinationType::S3 => "S3",
            ScheduledQueryDestinationType::LookupTable => "LOOKUP_TABLE",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for ScheduledQueryDestinationType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire enum `ScheduledQueryState`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ScheduledQueryState {
    #[serde(rename = "ENABLED")]
    Enabled,
    #[serde(rename = "DISABLED")]
    Disabled,
}

impl ScheduledQueryState {
    /// Every value, in model order.
    pub const ALL: &'static [ScheduledQueryState] =
        &[ScheduledQueryState::Enabled, ScheduledQueryState::Disabled];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            ScheduledQueryState::Enabled => "ENABLED",
            ScheduledQueryState::Disabled => "DISABLED",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for ScheduledQueryState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire structure `ScheduledQuerySummary`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ScheduledQuerySummary {
    #[serde(
        rename = "scheduledQueryArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub scheduled_query_arn: Option<String>,
    #[serde(rename = "name", default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(rename = "state", default, skip_serializing_if = "Option::is_none")]
    pub state: Option<ScheduledQueryState>,
    #[serde(
        rename = "scheduleType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub schedule_type: Option<ScheduleType>,
    #[serde(
        rename = "lastTriggeredTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub last_triggered_time: Option<i64>,
    #[serde(
        rename = "lastExecutionStatus",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub last_execution_status: Option<ExecutionStatus>,
    #[serde(
        rename = "scheduleExpression",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub schedule_expression: Option<String>,
    #[serde(rename = "timezone", default, skip_serializing_if = "Option::is_none")]
    pub timezone: Option<String>,
    #[serde(
        rename = "destinationConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub destination_configuration: Option<DestinationConfiguration>,
    #[serde(
        rename = "creationTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub creation_time: Option<i64>,
    #[serde(
        rename = "lastUpdatedTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub last_updated_time: Option<i64>,
}

/// Wire enum `Scope`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Scope {
    #[serde(rename = "ALL")]
    All,
}

impl Scope {
    /// Every value, in model order.
    pub const ALL: &'static [Scope] = &[Scope::All];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            Scope::All => "ALL",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for Scope {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire structure `SearchedLogStream`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SearchedLogStream {
    #[serde(
        rename = "logStreamName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub log_stream_name: Option<String>,
    #[serde(
        rename = "searchedCompletely",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub searched_completely: Option<bool>,
}

/// Wire exception `ServiceQuotaExceededException`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ServiceQuotaExceededException {}

/// Wire exception `ServiceUnavailableException`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ServiceUnavailableException {}

/// Wire exception `SessionStreamingException`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SessionStreamingException {
    #[serde(rename = "message", default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

/// Wire exception `SessionTimeoutException`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SessionTimeoutException {
    #[serde(rename = "message", default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

/// Wire structure `SplitString`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SplitString {
    #[serde(rename = "entries")]
    pub entries: Vec<SplitStringEntry>,
}

/// Wire structure `SplitStringEntry`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SplitStringEntry {
    #[serde(rename = "source")]
    pub source: String,
    #[serde(rename = "delimiter")]
    pub delimiter: String,
}

/// Wire enum `StandardUnit`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum StandardUnit {
    #[serde(rename = "Seconds")]
    Seconds,
    #[serde(rename = "Microseconds")]
    Microseconds,
    #[serde(rename = "Milliseconds")]
    Milliseconds,
    #[serde(rename = "Bytes")]
    Bytes,
    #[serde(rename = "Kilobytes")]
    Kilobytes,
    #[serde(rename = "Megabytes")]
    Megabytes,
    #[serde(rename = "Gigabytes")]
    Gigabytes,
    #[serde(rename = "Terabytes")]
    Terabytes,
    #[serde(rename = "Bits")]
    Bits,
    #[serde(rename = "Kilobits")]
    Kilobits,
    #[serde(rename = "Megabits")]
    Megabits,
    #[serde(rename = "Gigabits")]
    Gigabits,
    #[serde(rename = "Terabits")]
    Terabits,
    #[serde(rename = "Percent")]
    Percent,
    #[serde(rename = "Count")]
    Count,
    #[serde(rename = "Bytes/Second")]
    BytesSecond,
    #[serde(rename = "Kilobytes/Second")]
    KilobytesSecond,
    #[serde(rename = "Megabytes/Second")]
    MegabytesSecond,
    #[serde(rename = "Gigabytes/Second")]
    GigabytesSecond,
    #[serde(rename = "Terabytes/Second")]
    TerabytesSecond,
    #[serde(rename = "Bits/Second")]
    BitsSecond,
    #[serde(rename = "Kilobits/Second")]
    KilobitsSecond,
    #[serde(rename = "Megabits/Second")]
    MegabitsSecond,
    #[serde(rename = "Gigabits/Second")]
    GigabitsSecond,
    #[serde(rename = "Terabits/Second")]
    TerabitsSecond,
    #[serde(rename = "Count/Second")]
    CountSecond,
    #[serde(rename = "None")]
    None,
}

impl StandardUnit {
    /// Every value, in model order.
    pub const ALL: &'static [StandardUnit] = &[
        StandardUnit::Seconds,
        StandardUnit::Microseconds,
        StandardUnit::Milliseconds,
        StandardUnit::Bytes,
        StandardUnit::Kilobytes,
        StandardUnit::Megabytes,
        StandardUnit::Gigabytes,
        StandardUnit::Terabytes,
        StandardUnit::Bits,
        StandardUnit::Kilobits,
        StandardUnit::Megabits,
        StandardUnit::Gigabits,
        StandardUnit::Terabits,
        StandardUnit::Percent,
        StandardUnit::Count,
        StandardUnit::BytesSecond,
        StandardUnit::KilobytesSecond,
        StandardUnit::MegabytesSecond,
        StandardUnit::GigabytesSecond,
        StandardUnit::TerabytesSecond,
        StandardUnit::BitsSecond,
        StandardUnit::KilobitsSecond,
        StandardUnit::MegabitsSecond,
        StandardUnit::GigabitsSecond,
        StandardUnit::TerabitsSecond,
        StandardUnit::CountSecond,
        StandardUnit::None,
    ];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            StandardUnit::Seconds => "Seconds",
            StandardUnit::Microseconds => "Microseconds",
            StandardUnit::Milliseconds => "Milliseconds",
            StandardUnit::Bytes => "Bytes",
            StandardUnit::Kilobytes => "Kilobytes",
            StandardUnit::Megabytes => "Megabytes",
            StandardUnit::Gigabytes => "Gigabytes",
            StandardUnit::Terabytes => "Terabytes",
            StandardUnit::Bits => "Bits",
            StandardUnit::Kilobits => "Kilobits",
            StandardUnit::Megabits => "Megabits",
            StandardUnit::Gigabits => "Gigabits",
            StandardUnit::Terabits => "Terabits",
            StandardUnit::Percent => "Percent",
            StandardUnit::Count => "Count",
            StandardUnit::BytesSecond => "Bytes/Second",
            StandardUnit::KilobytesSecond => "Kilobytes/Second",
            StandardUnit::MegabytesSecond => "Megabytes/Second",
            StandardUnit::GigabytesSecond => "Gigabytes/Second",
            StandardUnit::TerabytesSecond => "Terabytes/Second",
            StandardUnit::BitsSecond => "Bits/Second",
            StandardUnit::KilobitsSecond => "Kilobits/Second",
            StandardUnit::MegabitsSecond => "Megabits/Second",
            StandardUnit::GigabitsSecond => "Gigabits/Second",
            StandardUnit::TerabitsSecond => "Terabits/Second",
            StandardUnit::CountSecond => "Count/Second",
            StandardUnit::None => "None",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for StandardUnit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire structure `StartLiveTailRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StartLiveTailRequest {
    #[serde(rename = "logGroupIdentifiers")]
    pub log_group_identifiers: Vec<String>,
    #[serde(
        rename = "logStreamNames",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub log_stream_names: Option<Vec<String>>,
    #[serde(
        rename = "logStreamNamePrefixes",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub log_stream_name_prefixes: Option<Vec<String>>,
    #[serde(
        rename = "logEventFilterPattern",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub log_event_filter_pattern: Option<String>,
}

/// Wire structure `StartLiveTailResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct StartLiveTailResponse {
    #[serde(
        rename = "responseStream",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub response_stream: Option<StartLiveTailResponseStream>,
}

/// Wire structure `StartLiveTailResponseStream`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct StartLiveTailResponseStream {
    #[serde(
        rename = "sessionStart",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub session_start: Option<LiveTailSessionStart>,
    #[serde(
        rename = "sessionUpdate",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub session_update: Option<LiveTailSessionUpdate>,
    #[serde(
        rename = "SessionTimeoutException",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub session_timeout_exception: Option<SessionTimeoutException>,
    #[serde(
        rename = "SessionStreamingException",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub session_streaming_exception: Option<SessionStreamingException>,
}

/// Wire structure `StartQueryRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StartQueryRequest {
    #[serde(
        rename = "queryLanguage",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub query_language: Option<QueryLanguage>,
    #[serde(
        rename = "logGroupName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub log_group_name: Option<String>,
    #[serde(
        rename = "logGroupNames",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub log_group_names: Option<Vec<String>>,
    #[serde(
        rename = "logGroupIdentifiers",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub log_group_identifiers: Option<Vec<String>>,
    #[serde(rename = "startTime")]
    pub start_time: i64,
    #[serde(rename = "endTime")]
    pub end_time: i64,
    #[serde(rename = "queryString")]
    pub query_string: String,
    #[serde(rename = "limit", default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<i32>,
}

/// Wire structure `StartQueryResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct StartQueryResponse {
    #[serde(rename = "queryId", default, skip_serializing_if = "Option::is_none")]
    pub query_id: Option<String>,
}

/// Wire enum `State`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum State {
    #[serde(rename = "Active")]
    Active,
    #[serde(rename = "Suppressed")]
    Suppressed,
    #[serde(rename = "Baseline")]
    Baseline,
}

impl State {
    /// Every value, in model order.
    pub const ALL: &'static [State] = &[State::Active, State::Suppressed, State::Baseline];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            State::Active => "Active",
            State::Suppressed => "Suppressed",
            State::Baseline => "Baseline",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for State {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire structure `StopQueryRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StopQueryRequest {
    #[serde(rename = "queryId")]
    pub query_id: String,
}

/// Wire structure `StopQueryResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct StopQueryResponse {
    #[serde(rename = "success", default, skip_serializing_if = "Option::is_none")]
    pub success: Option<bool>,
}

/// Wire enum `StorageTier`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum StorageTier {
    #[serde(rename = "STANDARD")]
    Standard,
    #[serde(rename = "INTELLIGENT_TIERING")]
    IntelligentTiering,
}

impl StorageTier {
    /// Every value, in model order.
    pub const ALL: &'static [StorageTier] =
        &[StorageTier::Standard, StorageTier::IntelligentTiering];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            StorageTier::Standard => "STANDARD",
            StorageTier::IntelligentTiering => "INTELLIGENT_TIERING",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for StorageTier {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire structure `SubscriptionFilter`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SubscriptionFilter {
    #[serde(
        rename = "filterName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub filter_name: Option<String>,
    #[serde(
        rename = "logGroupName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub log_group_name: Option<String>,
    #[serde(
        rename = "filterPattern",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub filter_pattern: Option<String>,
    #[serde(
        rename = "destinationArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub destination_arn: Option<String>,
    #[serde(rename = "roleArn", default, skip_serializing_if = "Option::is_none")]
    pub role_arn: Option<String>,
    #[serde(
        rename = "distribution",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub distribution: Option<Distribution>,
    #[serde(
        rename = "applyOnTransformedLogs",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub apply_on_transformed_logs: Option<bool>,
    #[serde(
        rename = "creationTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub creation_time: Option<i64>,
    #[serde(
        rename = "fieldSelectionCriteria",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub field_selection_criteria: Option<String>,
    #[serde(
        rename = "emitSystemFields",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub emit_system_fields: Option<Vec<String>>,
}

/// Wire structure `SubstituteString`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SubstituteString {
    #[serde(rename = "entries")]
    pub entries: Vec<SubstituteStringEntry>,
}

/// Wire structure `SubstituteStringEntry`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SubstituteStringEntry {
    #[serde(rename = "source")]
    pub source: String,
    #[serde(rename = "from")]
    pub from: String,
    #[serde(rename = "to")]
    pub to: String,
}

/// Wire structure `SuppressionPeriod`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SuppressionPeriod {
    #[serde(rename = "value", default, skip_serializing_if = "Option::is_none")]
    pub value: Option<i32>,
    #[serde(
        rename = "suppressionUnit",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub suppression_unit: Option<SuppressionUnit>,
}

/// Wire enum `SuppressionState`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum SuppressionState {
    #[serde(rename = "SUPPRESSED")]
    Suppressed,
    #[serde(rename = "UNSUPPRESSED")]
    Unsuppressed,
}

impl SuppressionState {
    /// Every value, in model order.
    pub const ALL: &'static [SuppressionState] =
        &[SuppressionState::Suppressed, SuppressionState::Unsuppressed];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            SuppressionState::Suppressed => "SUPPRESSED",
            SuppressionState::Unsuppressed => "UNSUPPRESSED",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for SuppressionState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire enum `SuppressionType`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum SuppressionType {
    #[serde(rename = "LIMITED")]
    Limited,
    #[serde(rename = "INFINITE")]
    Infinite,
}

impl SuppressionType {
    /// Every value, in model order.
    pub const ALL: &'static [SuppressionType] =
        &[SuppressionType::Limited, SuppressionType::Infinite];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            SuppressionType::Limited => "LIMITED",
            SuppressionType::Infinite => "INFINITE",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for SuppressionType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire enum `SuppressionUnit`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum SuppressionUnit {
    #[serde(rename = "SECONDS")]
    Seconds,
    #[serde(rename = "MINUTES")]
    Minutes,
    #[serde(rename = "HOURS")]
    Hours,
}

impl SuppressionUnit {
    /// Every value, in model order.
    pub const ALL: &'static [SuppressionUnit] = &[
        SuppressionUnit::Seconds,
        SuppressionUnit::Minutes,
        SuppressionUnit::Hours,
    ];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            SuppressionUnit::Seconds => "SECONDS",
            SuppressionUnit::Minutes => "MINUTES",
            SuppressionUnit::Hours => "HOURS",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for SuppressionUnit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire structure `SyslogConfiguration`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SyslogConfiguration {
    #[serde(
        rename = "logGroupArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub log_group_arn: Option<String>,
    #[serde(
        rename = "sourceType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub source_type: Option<SyslogSourceType>,
    #[serde(
        rename = "vpcEndpointId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub vpc_endpoint_id: Option<String>,
    #[serde(rename = "createdAt", default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<i64>,
}

/// Wire enum `SyslogSourceType`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum SyslogSourceType {
    #[serde(rename = "VPCE")]
    Vpce,
}

impl SyslogSourceType {
    /// Every value, in model order.
    pub const ALL: &'static [SyslogSourceType] = &[SyslogSourceType::Vpce];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            SyslogSourceType::Vpce => "VPCE",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for SyslogSourceType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire structure `TagFilter`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TagFilter {
    #[serde(rename = "key")]
    pub key: String,
    #[serde(rename = "values", default, skip_serializing_if = "Option::is_none")]
    pub values: Option<Vec<String>>,
}

/// Wire structure `TagLogGroupRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TagLogGroupRequest {
    #[serde(rename = "logGroupName")]
    pub log_group_name: String,
    #[serde(rename = "tags")]
    pub tags: BTreeMap<String, String>,
}

/// Wire structure `TagResourceRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TagResourceRequest {
    #[serde(rename = "resourceArn")]
    pub resource_arn: String,
    #[serde(rename = "tags")]
    pub tags: BTreeMap<String, String>,
}

/// Wire structure `TestMetricFilterRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TestMetricFilterRequest {
    #[serde(rename = "filterPattern")]
    pub filter_pattern: String,
    #[serde(rename = "logEventMessages")]
    pub log_event_messages: Vec<String>,
}

/// Wire structure `TestMetricFilterResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TestMetricFilterResponse {
    #[serde(rename = "matches", default, skip_serializing_if = "Option::is_none")]
    pub matches: Option<Vec<MetricFilterMatchRecord>>,
}

/// Wire structure `TestTransformerRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TestTransformerRequest {
    #[serde(rename = "transformerConfig")]
    pub transformer_config: Vec<Processor>,
    #[serde(rename = "logEventMessages")]
    pub log_event_messages: Vec<String>,
}

/// Wire structure `TestTransformerResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TestTransformerResponse {
    #[serde(
        rename = "transformedLogs",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub transformed_logs: Option<Vec<TransformedLogRecord>>,
}

/// Wire exception `ThrottlingException`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ThrottlingException {}

/// Wire exception `TooManyTagsException`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TooManyTagsException {
    #[serde(rename = "message", default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    #[serde(
        rename = "resourceName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub resource_name: Option<String>,
}

/// Wire structure `TransformedLogRecord`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TransformedLogRecord {
    #[serde(
        rename = "eventNumber",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub event_number: Option<i64>,
    #[serde(
        rename = "eventMessage",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub event_message: Option<String>,
    #[serde(
        rename = "transformedEventMessage",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub transformed_event_message: Option<String>,
}

/// Wire structure `TriggerHistoryRecord`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TriggerHistoryRecord {
    #[serde(rename = "queryId", default, skip_serializing_if = "Option::is_none")]
    pub query_id: Option<String>,
    #[serde(
        rename = "executionStatus",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub execution_status: Option<ExecutionStatus>,
    #[serde(
        rename = "triggeredTimestamp",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub triggered_timestamp: Option<i64>,
    #[serde(
        rename = "errorMessage",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub error_message: Option<String>,
    #[serde(
        rename = "destinations",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub destinations: Option<Vec<ScheduledQueryDestination>>,
}

/// Wire structure `TrimString`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TrimString {
    #[serde(rename = "withKeys")]
    pub with_keys: Vec<String>,
}

/// Wire enum `Type`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Type {
    #[serde(rename = "boolean")]
    Boolean,
    #[serde(rename = "integer")]
    Integer,
    #[serde(rename = "double")]
    Double,
    #[serde(rename = "string")]
    String,
}

impl Type {
    /// Every value, in model order.
    pub const ALL: &'static [Type] = &[Type::Boolean, Type::Integer, Type::Double, Type::String];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            Type::Boolean => "boolean",
            Type::Integer => "integer",
            Type::Double => "double",
            Type::String => "string",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for Type {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire structure `TypeConverter`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TypeConverter {
    #[serde(rename = "entries")]
    pub entries: Vec<TypeConverterEntry>,
}

/// Wire structure `TypeConverterEntry`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TypeConverterEntry {
    #[serde(rename = "key")]
    pub key: String,
    #[serde(rename = "type")]
    pub r#type: Type,
}

/// Wire exception `UnrecognizedClientException`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UnrecognizedClientException {}

/// Wire structure `UntagLogGroupRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UntagLogGroupRequest {
    #[serde(rename = "logGroupName")]
    pub log_group_name: String,
    #[serde(rename = "tags")]
    pub tags: Vec<String>,
}

/// Wire structure `UntagResourceRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UntagResourceRequest {
    #[serde(rename = "resourceArn")]
    pub resource_arn: String,
    #[serde(rename = "tagKeys")]
    pub tag_keys: Vec<String>,
}

/// Wire structure `UpdateAnomalyRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UpdateAnomalyRequest {
    #[serde(rename = "anomalyId", default, skip_serializing_if = "Option::is_none")]
    pub anomaly_id: Option<String>,
    #[serde(rename = "patternId", default, skip_serializing_if = "Option::is_none")]
    pub pattern_id: Option<String>,
    #[serde(rename = "anomalyDetectorArn")]
    pub anomaly_detector_arn: String,
    #[serde(
        rename = "suppressionType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub suppression_type: Option<SuppressionType>,
    #[serde(
        rename = "suppressionPeriod",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub suppression_period: Option<SuppressionPeriod>,
    #[serde(rename = "baseline", default, skip_serializing_if = "Option::is_none")]
    pub baseline: Option<bool>,
}

/// Wire structure `UpdateDeliveryConfigurationRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UpdateDeliveryConfigurationRequest {
    #[serde(rename = "id")]
    pub id: String,
    #[serde(
        rename = "recordFields",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub record_fields: Option<Vec<String>>,
    #[serde(
        rename = "fieldDelimiter",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub field_delimiter: Option<String>,
    #[serde(
        rename = "s3DeliveryConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub s3_delivery_configuration: Option<S3DeliveryConfiguration>,
}

/// Wire structure `UpdateDeliveryConfigurationResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UpdateDeliveryConfigurationResponse {}

/// Wire structure `UpdateLogAnomalyDetectorRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UpdateLogAnomalyDetectorRequest {
    #[serde(rename = "anomalyDetectorArn")]
    pub anomaly_detector_arn: String,
    #[serde(
        rename = "evaluationFrequency",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub evaluation_frequency: Option<EvaluationFrequency>,
    #[serde(
        rename = "filterPattern",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub filter_pattern: Option<String>,
    #[serde(
        rename = "anomalyVisibilityTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub anomaly_visibility_time: Option<i64>,
    #[serde(rename = "enabled")]
    pub enabled: bool,
}

/// Wire structure `UpdateLookupTableRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UpdateLookupTableRequest {
    #[serde(rename = "lookupTableArn")]
    pub lookup_table_arn: String,
    #[serde(
        rename = "description",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub description: Option<String>,
    #[serde(rename = "tableBody", default, skip_serializing_if = "Option::is_none")]
    pub table_body: Option<String>,
    #[serde(rename = "queryId", default, skip_serializing_if = "Option::is_none")]
    pub query_id: Option<String>,
    #[serde(rename = "kmsKeyId", default, skip_serializing_if = "Option::is_none")]
    pub kms_key_id: Option<String>,
}

/// Wire structure `UpdateLookupTableResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UpdateLookupTableResponse {
    #[serde(
        rename = "lookupTableArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub lookup_table_arn: Option<String>,
    #[serde(
        rename = "lastUpdatedTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub last_updated_time: Option<i64>,
}

/// Wire structure `UpdateScheduledQueryRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UpdateScheduledQueryRequest {
    #[serde(rename = "identifier")]
    pub identifier: String,
    #[serde(
        rename = "description",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub description: Option<String>,
    #[serde(rename = "queryLanguage")]
    pub query_language: QueryLanguage,
    #[serde(rename = "queryString")]
    pub query_string: String,
    #[serde(
        rename = "logGroupIdentifiers",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub log_group_identifiers: Option<Vec<String>>,
    #[serde(rename = "scheduleExpression")]
    pub schedule_expression: String,
    #[serde(rename = "timezone", default, skip_serializing_if = "Option::is_none")]
    pub timezone: Option<String>,
    #[serde(
        rename = "startTimeOffset",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub start_time_offset: Option<i64>,
    #[serde(
        rename = "endTimeOffset",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub end_time_offset: Option<i64>,
    #[serde(
        rename = "destinationConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub destination_configuration: Option<DestinationConfiguration>,
    #[serde(
        rename = "scheduleStartTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub schedule_start_time: Option<i64>,
    #[serde(
        rename = "scheduleEndTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub schedule_end_time: Option<i64>,
    #[serde(rename = "executionRoleArn")]
    pub execution_role_arn: String,
    #[serde(rename = "state", default, skip_serializing_if = "Option::is_none")]
    pub state: Option<ScheduledQueryState>,
}

/// Wire structure `UpdateScheduledQueryResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UpdateScheduledQueryResponse {
    #[serde(
        rename = "scheduledQueryArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub scheduled_query_arn: Option<String>,
    #[serde(rename = "name", default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(
        rename = "description",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub description: Option<String>,
    #[serde(
        rename = "queryLanguage",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub query_language: Option<QueryLanguage>,
    #[serde(
        rename = "queryString",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub query_string: Option<String>,
    #[serde(
        rename = "logGroupIdentifiers",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub log_group_identifiers: Option<Vec<String>>,
    #[serde(
        rename = "scheduleExpression",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub schedule_expression: Option<String>,
    #[serde(rename = "timezone", default, skip_serializing_if = "Option::is_none")]
    pub timezone: Option<String>,
    #[serde(
        rename = "startTimeOffset",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub start_time_offset: Option<i64>,
    #[serde(
        rename = "endTimeOffset",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub end_time_offset: Option<i64>,
    #[serde(
        rename = "destinationConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub destination_configuration: Option<DestinationConfiguration>,
    #[serde(rename = "state", default, skip_serializing_if = "Option::is_none")]
    pub state: Option<ScheduledQueryState>,
    #[serde(
        rename = "scheduleType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub schedule_type: Option<ScheduleType>,
    #[serde(
        rename = "lastTriggeredTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub last_triggered_time: Option<i64>,
    #[serde(
        rename = "lastExecutionStatus",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub last_execution_status: Option<ExecutionStatus>,
    #[serde(
        rename = "scheduleStartTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub schedule_start_time: Option<i64>,
    #[serde(
        rename = "scheduleEndTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub schedule_end_time: Option<i64>,
    #[serde(
        rename = "executionRoleArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub execution_role_arn: Option<String>,
    #[serde(
        rename = "creationTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub creation_time: Option<i64>,
    #[serde(
        rename = "lastUpdatedTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub last_updated_time: Option<i64>,
}

/// Wire structure `UpperCaseString`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UpperCaseString {
    #[serde(rename = "withKeys")]
    pub with_keys: Vec<String>,
}

/// Wire exception `ValidationException`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ValidationException {}
