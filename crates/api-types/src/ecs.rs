//! ECS wire types, generated from botocore's `service-2.json` (API 2014-11-13).
//!
//! DO NOT EDIT. Regenerate from the repository root with
//! `python3 tools/gen_api_types.py ../shared/aws-models/ecs/service-2.json <this file>`.
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
pub const TARGET_PREFIX: &str = "AmazonEC2ContainerServiceV20141113";
/// Model `apiVersion`.
pub const API_VERSION: &str = "2014-11-13";
/// SigV4 signing name.
pub const SIGNING_NAME: &str = "ecs";

/// Every operation name in the model.
pub const OPERATIONS: &[&str] = &[
    "AssociateGatewayWithCluster",
    "ContinueServiceDeployment",
    "CreateCapacityProvider",
    "CreateCluster",
    "CreateDaemon",
    "CreateExpressGatewayService",
    "CreateGateway",
    "CreateService",
    "CreateTaskSet",
    "DeleteAccountSetting",
    "DeleteAttributes",
    "DeleteCapacityProvider",
    "DeleteCluster",
    "DeleteDaemon",
    "DeleteDaemonTaskDefinition",
    "DeleteExpressGatewayService",
    "DeleteGateway",
    "DeleteService",
    "DeleteTaskDefinitions",
    "DeleteTaskSet",
    "DeregisterContainerInstance",
    "DeregisterTaskDefinition",
    "DescribeCapacityProviders",
    "DescribeClusters",
    "DescribeContainerInstances",
    "DescribeDaemon",
    "DescribeDaemonDeployments",
    "DescribeDaemonRevisions",
    "DescribeDaemonTaskDefinition",
    "DescribeExpressGatewayService",
    "DescribeGateway",
    "DescribeGatewayResources",
    "DescribeGatewayRoute",
    "DescribeServiceDeployments",
    "DescribeServiceRevisions",
    "DescribeServices",
    "DescribeTaskDefinition",
    "DescribeTaskSets",
    "DescribeTasks",
    "DisassociateGatewayFromCluster",
    "DiscoverPollEndpoint",
    "ExecuteCommand",
    "GetTaskProtection",
    "ListAccountSettings",
    "ListAttributes",
    "ListClusters",
    "ListContainerInstances",
    "ListDaemonDeployments",
    "ListDaemonTaskDefinitions",
    "ListDaemons",
    "ListGatewayClusterAssociations",
    "ListGatewayRoutes",
    "ListGateways",
    "ListServiceDeployments",
    "ListServices",
    "ListServicesByNamespace",
    "ListTagsForResource",
    "ListTaskDefinitionFamilies",
    "ListTaskDefinitions",
    "ListTasks",
    "PutAccountSetting",
    "PutAccountSettingDefault",
    "PutAttributes",
    "PutClusterCapacityProviders",
    "RegisterContainerInstance",
    "RegisterDaemonTaskDefinition",
    "RegisterTaskDefinition",
    "RunTask",
    "StartTask",
    "StopServiceDeployment",
    "StopTask",
    "SubmitAttachmentStateChanges",
    "SubmitContainerStateChange",
    "SubmitTaskStateChange",
    "TagResource",
    "UntagResource",
    "UpdateCapacityProvider",
    "UpdateCluster",
    "UpdateClusterSettings",
    "UpdateContainerAgent",
    "UpdateContainerInstancesState",
    "UpdateDaemon",
    "UpdateExpressGatewayService",
    "UpdateGateway",
    "UpdateService",
    "UpdateServicePrimaryTaskSet",
    "UpdateTaskProtection",
    "UpdateTaskSet",
];

/// One operation of the model, keyed by the `X-Amz-Target` suffix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Operation {
    AssociateGatewayWithCluster,
    ContinueServiceDeployment,
    CreateCapacityProvider,
    CreateCluster,
    CreateDaemon,
    CreateExpressGatewayService,
    CreateGateway,
    CreateService,
    CreateTaskSet,
    DeleteAccountSetting,
    DeleteAttributes,
    DeleteCapacityProvider,
    DeleteCluster,
    DeleteDaemon,
    DeleteDaemonTaskDefinition,
    DeleteExpressGatewayService,
    DeleteGateway,
    DeleteService,
    DeleteTaskDefinitions,
    DeleteTaskSet,
    DeregisterContainerInstance,
    DeregisterTaskDefinition,
    DescribeCapacityProviders,
    DescribeClusters,
    DescribeContainerInstances,
    DescribeDaemon,
    DescribeDaemonDeployments,
    DescribeDaemonRevisions,
    DescribeDaemonTaskDefinition,
    DescribeExpressGatewayService,
    DescribeGateway,
    DescribeGatewayResources,
    DescribeGatewayRoute,
    DescribeServiceDeployments,
    DescribeServiceRevisions,
    DescribeServices,
    DescribeTaskDefinition,
    DescribeTaskSets,
    DescribeTasks,
    DisassociateGatewayFromCluster,
    DiscoverPollEndpoint,
    ExecuteCommand,
    GetTaskProtection,
    ListAccountSettings,
    ListAttributes,
    ListClusters,
    ListContainerInstances,
    ListDaemonDeployments,
    ListDaemonTaskDefinitions,
    ListDaemons,
    ListGatewayClusterAssociations,
    ListGatewayRoutes,
    ListGateways,
    ListServiceDeployments,
    ListServices,
    ListServicesByNamespace,
    ListTagsForResource,
    ListTaskDefinitionFamilies,
    ListTaskDefinitions,
    ListTasks,
    PutAccountSetting,
    PutAccountSettingDefault,
    PutAttributes,
    PutClusterCapacityProviders,
    RegisterContainerInstance,
    RegisterDaemonTaskDefinition,
    RegisterTaskDefinition,
    RunTask,
    StartTask,
    StopServiceDeployment,
    StopTask,
    SubmitAttachmentStateChanges,
    SubmitContainerStateChange,
    SubmitTaskStateChange,
    TagResource,
    UntagResource,
    UpdateCapacityProvider,
    UpdateCluster,
    UpdateClusterSettings,
    UpdateContainerAgent,
    UpdateContainerInstancesState,
    UpdateDaemon,
    UpdateExpressGatewayService,
    UpdateGateway,
    UpdateService,
    UpdateServicePrimaryTaskSet,
    UpdateTaskProtection,
    UpdateTaskSet,
}

impl Operation {
    /// Every operation, sorted by name.
    pub const ALL: &'static [Operation] = &[
        Operation::AssociateGatewayWithCluster,
        Operation::ContinueServiceDeployment,
        Operation::CreateCapacityProvider,
        Operation::CreateCluster,
        Operation::CreateDaemon,
        Operation::CreateExpressGatewayService,
        Operation::CreateGateway,
        Operation::CreateService,
        Operation::CreateTaskSet,
        Operation::DeleteAccountSetting,
        Operation::DeleteAttributes,
        Operation::DeleteCapacityProvider,
        Operation::DeleteCluster,
        Operation::DeleteDaemon,
        Operation::DeleteDaemonTaskDefinition,
        Operation::DeleteExpressGatewayService,
        Operation::DeleteGateway,
        Operation::DeleteService,
        Operation::DeleteTaskDefinitions,
        Operation::DeleteTaskSet,
        Operation::DeregisterContainerInstance,
        Operation::DeregisterTaskDefinition,
        Operation::DescribeCapacityProviders,
        Operation::DescribeClusters,
        Operation::DescribeContainerInstances,
        Operation::DescribeDaemon,
        Operation::DescribeDaemonDeployments,
        Operation::DescribeDaemonRevisions,
        Operation::DescribeDaemonTaskDefinition,
        Operation::DescribeExpressGatewayService,
        Operation::DescribeGateway,
        Operation::DescribeGatewayResources,
        Operation::DescribeGatewayRoute,
        Operation::DescribeServiceDeployments,
        Operation::DescribeServiceRevisions,
        Operation::DescribeServices,
        Operation::DescribeTaskDefinition,
        Operation::DescribeTaskSets,
        Operation::DescribeTasks,
        Operation::DisassociateGatewayFromCluster,
        Operation::DiscoverPollEndpoint,
        Operation::ExecuteCommand,
        Operation::GetTaskProtection,
        Operation::ListAccountSettings,
        Operation::ListAttributes,
        Operation::ListClusters,
        Operation::ListContainerInstances,
        Operation::ListDaemonDeployments,
        Operation::ListDaemonTaskDefinitions,
        Operation::ListDaemons,
        Operation::ListGatewayClusterAssociations,
        Operation::ListGatewayRoutes,
        Operation::ListGateways,
        Operation::ListServiceDeployments,
        Operation::ListServices,
        Operation::ListServicesByNamespace,
        Operation::ListTagsForResource,
        Operation::ListTaskDefinitionFamilies,
        Operation::ListTaskDefinitions,
        Operation::ListTasks,
        Operation::PutAccountSetting,
        Operation::PutAccountSettingDefault,
        Operation::PutAttributes,
        Operation::PutClusterCapacityProviders,
        Operation::RegisterContainerInstance,
        Operation::RegisterDaemonTaskDefinition,
        Operation::RegisterTaskDefinition,
        Operation::RunTask,
        Operation::StartTask,
        Operation::StopServiceDeployment,
        Operation::StopTask,
        Operation::SubmitAttachmentStateChanges,
        Operation::SubmitContainerStateChange,
        Operation::SubmitTaskStateChange,
        Operation::TagResource,
        Operation::UntagResource,
        Operation::UpdateCapacityProvider,
        Operation::UpdateCluster,
        Operation::UpdateClusterSettings,
        Operation::UpdateContainerAgent,
        Operation::UpdateContainerInstancesState,
        Operation::UpdateDaemon,
        Operation::UpdateExpressGatewayService,
        Operation::UpdateGateway,
        Operation::UpdateService,
        Operation::UpdateServicePrimaryTaskSet,
        Operation::UpdateTaskProtection,
        Operation::UpdateTaskSet,
    ];

    /// The operation name (`X-Amz-Target` suffix).
    pub fn name(&self) -> &'static str {
        match self {
            Operation::AssociateGatewayWithCluster => "AssociateGatewayWithCluster",
            Operation::ContinueServiceDeployment => "ContinueServiceDeployment",
            Operation::CreateCapacityProvider => "CreateCapacityProvider",
            Operation::CreateCluster => "CreateCluster",
            Operation::CreateDaemon => "CreateDaemon",
            Operation::CreateExpressGatewayService => "CreateExpressGatewayService",
            Operation::CreateGateway => "CreateGateway",
            Operation::CreateService => "CreateService",
            Operation::CreateTaskSet => "CreateTaskSet",
            Operation::DeleteAccountSetting => "DeleteAccountSetting",
            Operation::DeleteAttributes => "DeleteAttributes",
            Operation::DeleteCapacityProvider => "DeleteCapacityProvider",
            Operation::DeleteCluster => "DeleteCluster",
            Operation::DeleteDaemon => "DeleteDaemon",
            Operation::DeleteDaemonTaskDefinition => "DeleteDaemonTaskDefinition",
            Operation::DeleteExpressGatewayService => "DeleteExpressGatewayService",
            Operation::DeleteGateway => "DeleteGateway",
            Operation::DeleteService => "DeleteService",
            Operation::DeleteTaskDefinitions => "DeleteTaskDefinitions",
            Operation::DeleteTaskSet => "DeleteTaskSet",
            Operation::DeregisterContainerInstance => "DeregisterContainerInstance",
            Operation::DeregisterTaskDefinition => "DeregisterTaskDefinition",
            Operation::DescribeCapacityProviders => "DescribeCapacityProviders",
            Operation::DescribeClusters => "DescribeClusters",
            Operation::DescribeContainerInstances => "DescribeContainerInstances",
            Operation::DescribeDaemon => "DescribeDaemon",
            Operation::DescribeDaemonDeployments => "DescribeDaemonDeployments",
            Operation::DescribeDaemonRevisions => "DescribeDaemonRevisions",
            Operation::DescribeDaemonTaskDefinition => "DescribeDaemonTaskDefinition",
            Operation::DescribeExpressGatewayService => "DescribeExpressGatewayService",
            Operation::DescribeGateway => "DescribeGateway",
            Operation::DescribeGatewayResources => "DescribeGatewayResources",
            Operation::DescribeGatewayRoute => "DescribeGatewayRoute",
            Operation::DescribeServiceDeployments => "DescribeServiceDeployments",
            Operation::DescribeServiceRevisions => "DescribeServiceRevisions",
            Operation::DescribeServices => "DescribeServices",
            Operation::DescribeTaskDefinition => "DescribeTaskDefinition",
            Operation::DescribeTaskSets => "DescribeTaskSets",
            Operation::DescribeTasks => "DescribeTasks",
            Operation::DisassociateGatewayFromCluster => "DisassociateGatewayFromCluster",
            Operation::DiscoverPollEndpoint => "DiscoverPollEndpoint",
            Operation::ExecuteCommand => "ExecuteCommand",
            Operation::GetTaskProtection => "GetTaskProtection",
            Operation::ListAccountSettings => "ListAccountSettings",
            Operation::ListAttributes => "ListAttributes",
            Operation::ListClusters => "ListClusters",
            Operation::ListContainerInstances => "ListContainerInstances",
            Operation::ListDaemonDeployments => "ListDaemonDeployments",
            Operation::ListDaemonTaskDefinitions => "ListDaemonTaskDefinitions",
            Operation::ListDaemons => "ListDaemons",
            Operation::ListGatewayClusterAssociations => "ListGatewayClusterAssociations",
            Operation::ListGatewayRoutes => "ListGatewayRoutes",
            Operation::ListGateways => "ListGateways",
            Operation::ListServiceDeployments => "ListServiceDeployments",
            Operation::ListServices => "ListServices",
            Operation::ListServicesByNamespace => "ListServicesByNamespace",
            Operation::ListTagsForResource => "ListTagsForResource",
            Operation::ListTaskDefinitionFamilies => "ListTaskDefinitionFamilies",
            Operation::ListTaskDefinitions => "ListTaskDefinitions",
            Operation::ListTasks => "ListTasks",
            Operation::PutAccountSetting => "PutAccountSetting",
            Operation::PutAccountSettingDefault => "PutAccountSettingDefault",
            Operation::PutAttributes => "PutAttributes",
            Operation::PutClusterCapacityProviders => "PutClusterCapacityProviders",
            Operation::RegisterContainerInstance => "RegisterContainerInstance",
            Operation::RegisterDaemonTaskDefinition => "RegisterDaemonTaskDefinition",
            Operation::RegisterTaskDefinition => "RegisterTaskDefinition",
            Operation::RunTask => "RunTask",
            Operation::StartTask => "StartTask",
            Operation::StopServiceDeployment => "StopServiceDeployment",
            Operation::StopTask => "StopTask",
            Operation::SubmitAttachmentStateChanges => "SubmitAttachmentStateChanges",
            Operation::SubmitContainerStateChange => "SubmitContainerStateChange",
            Operation::SubmitTaskStateChange => "SubmitTaskStateChange",
            Operation::TagResource => "TagResource",
            Operation::UntagResource => "UntagResource",
            Operation::UpdateCapacityProvider => "UpdateCapacityProvider",
            Operation::UpdateCluster => "UpdateCluster",
            Operation::UpdateClusterSettings => "UpdateClusterSettings",
            Operation::UpdateContainerAgent => "UpdateContainerAgent",
            Operation::UpdateContainerInstancesState => "UpdateContainerInstancesState",
            Operation::UpdateDaemon => "UpdateDaemon",
            Operation::UpdateExpressGatewayService => "UpdateExpressGatewayService",
            Operation::UpdateGateway => "UpdateGateway",
            Operation::UpdateService => "UpdateService",
            Operation::UpdateServicePrimaryTaskSet => "UpdateServicePrimaryTaskSet",
            Operation::UpdateTaskProtection => "UpdateTaskProtection",
            Operation::UpdateTaskSet => "UpdateTaskSet",
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
            Operation::AssociateGatewayWithCluster => Some("AssociateGatewayWithClusterRequest"),
            Operation::ContinueServiceDeployment => Some("ContinueServiceDeploymentRequest"),
            Operation::CreateCapacityProvider => Some("CreateCapacityProviderRequest"),
            Operation::CreateCluster => Some("CreateClusterRequest"),
            Operation::CreateDaemon => Some("CreateDaemonRequest"),
            Operation::CreateExpressGatewayService => Some("CreateExpressGatewayServiceRequest"),
            Operation::CreateGateway => Some("CreateGatewayRequest"),
            Operation::CreateService => Some("CreateServiceRequest"),
            Operation::CreateTaskSet => Some("CreateTaskSetRequest"),
            Operation::DeleteAccountSetting => Some("DeleteAccountSettingRequest"),
            Operation::DeleteAttributes => Some("DeleteAttributesRequest"),
            Operation::DeleteCapacityProvider => Some("DeleteCapacityProviderRequest"),
            Operation::DeleteCluster => Some("DeleteClusterRequest"),
            Operation::DeleteDaemon => Some("DeleteDaemonRequest"),
            Operation::DeleteDaemonTaskDefinition => Some("DeleteDaemonTaskDefinitionRequest"),
            Operation::DeleteExpressGatewayService => Some("DeleteExpressGatewayServiceRequest"),
            Operation::DeleteGateway => Some("DeleteGatewayRequest"),
            Operation::DeleteService => Some("DeleteServiceRequest"),
            Operation::DeleteTaskDefinitions => Some("DeleteTaskDefinitionsRequest"),
            Operation::DeleteTaskSet => Some("DeleteTaskSetRequest"),
            Operation::DeregisterContainerInstance => Some("DeregisterContainerInstanceRequest"),
            Operation::DeregisterTaskDefinition => Some("DeregisterTaskDefinitionRequest"),
            Operation::DescribeCapacityProviders => Some("DescribeCapacityProvidersRequest"),
            Operation::DescribeClusters => Some("DescribeClustersRequest"),
            Operation::DescribeContainerInstances => Some("DescribeContainerInstancesRequest"),
            Operation::DescribeDaemon => Some("DescribeDaemonRequest"),
            Operation::DescribeDaemonDeployments => Some("DescribeDaemonDeploymentsRequest"),
            Operation::DescribeDaemonRevisions => Some("DescribeDaemonRevisionsRequest"),
            Operation::DescribeDaemonTaskDefinition => Some("DescribeDaemonTaskDefinitionRequest"),
            Operation::DescribeExpressGatewayService => {
                Some("DescribeExpressGatewayServiceRequest")
            }
            Operation::DescribeGateway => Some("DescribeGatewayRequest"),
            Operation::DescribeGatewayResources => Some("DescribeGatewayResourcesRequest"),
            Operation::DescribeGatewayRoute => Some("DescribeGatewayRouteRequest"),
            Operation::DescribeServiceDeployments => Some("DescribeServiceDeploymentsRequest"),
            Operation::DescribeServiceRevisions => Some("DescribeServiceRevisionsRequest"),
            Operation::DescribeServices => Some("DescribeServicesRequest"),
            Operation::DescribeTaskDefinition => Some("DescribeTaskDefinitionRequest"),
            Operation::DescribeTaskSets => Some("DescribeTaskSetsRequest"),
            Operation::DescribeTasks => Some("DescribeTasksRequest"),
            Operation::DisassociateGatewayFromCluster => {
                Some("DisassociateGatewayFromClusterRequest")
            }
            Operation::DiscoverPollEndpoint => Some("DiscoverPollEndpointRequest"),
            Operation::ExecuteCommand => Some("ExecuteCommandRequest"),
            Operation::GetTaskProtection => Some("GetTaskProtectionRequest"),
            Operation::ListAccountSettings => Some("ListAccountSettingsRequest"),
            Operation::ListAttributes => Some("ListAttributesRequest"),
            Operation::ListClusters => Some("ListClustersRequest"),
            Operation::ListContainerInstances => Some("ListContainerInstancesRequest"),
            Operation::ListDaemonDeployments => Some("ListDaemonDeploymentsRequest"),
            Operation::ListDaemonTaskDefinitions => Some("ListDaemonTaskDefinitionsRequest"),
            Operation::ListDaemons => Some("ListDaemonsRequest"),
            Operation::ListGatewayClusterAssociations => {
                Some("ListGatewayClusterAssociationsRequest")
            }
            Operation::ListGatewayRoutes => Some("ListGatewayRoutesRequest"),
            Operation::ListGateways => Some("ListGatewaysRequest"),
            Operation::ListServiceDeployments => Some("ListServiceDeploymentsRequest"),
            Operation::ListServices => Some("ListServicesRequest"),
            Operation::ListServicesByNamespace => Some("ListServicesByNamespaceRequest"),
            Operation::ListTagsForResource => Some("ListTagsForResourceRequest"),
            Operation::ListTaskDefinitionFamilies => Some("ListTaskDefinitionFamiliesRequest"),
            Operation::ListTaskDefinitions => Some("ListTaskDefinitionsRequest"),
            Operation::ListTasks => Some("ListTasksRequest"),
            Operation::PutAccountSetting => Some("PutAccountSettingRequest"),
            Operation::PutAccountSettingDefault => Some("PutAccountSettingDefaultRequest"),
            Operation::PutAttributes => Some("PutAttributesRequest"),
            Operation::PutClusterCapacityProviders => Some("PutClusterCapacityProvidersRequest"),
            Operation::RegisterContainerInstance => Some("RegisterContainerInstanceRequest"),
            Operation::RegisterDaemonTaskDefinition => Some("RegisterDaemonTaskDefinitionRequest"),
            Operation::RegisterTaskDefinition => Some("RegisterTaskDefinitionRequest"),
            Operation::RunTask => Some("RunTaskRequest"),
            Operation::StartTask => Some("StartTaskRequest"),
            Operation::StopServiceDeployment => Some("StopServiceDeploymentRequest"),
            Operation::StopTask => Some("StopTaskRequest"),
            Operation::SubmitAttachmentStateChanges => Some("SubmitAttachmentStateChangesRequest"),
            Operation::SubmitContainerStateChange => Some("SubmitContainerStateChangeRequest"),
            Operation::SubmitTaskStateChange => Some("SubmitTaskStateChangeRequest"),
            Operation::TagResource => Some("TagResourceRequest"),
            Operation::UntagResource => Some("UntagResourceRequest"),
            Operation::UpdateCapacityProvider => Some("UpdateCapacityProviderRequest"),
            Operation::UpdateCluster => Some("UpdateClusterRequest"),
            Operation::UpdateClusterSettings => Some("UpdateClusterSettingsRequest"),
            Operation::UpdateContainerAgent => Some("UpdateContainerAgentRequest"),
            Operation::UpdateContainerInstancesState => {
                Some("UpdateContainerInstancesStateRequest")
            }
            Operation::UpdateDaemon => Some("UpdateDaemonRequest"),
            Operation::UpdateExpressGatewayService => Some("UpdateExpressGatewayServiceRequest"),
            Operation::UpdateGateway => Some("UpdateGatewayRequest"),
            Operation::UpdateService => Some("UpdateServiceRequest"),
            Operation::UpdateServicePrimaryTaskSet => Some("UpdateServicePrimaryTaskSetRequest"),
            Operation::UpdateTaskProtection => Some("UpdateTaskProtectionRequest"),
            Operation::UpdateTaskSet => Some("UpdateTaskSetRequest"),
        }
    }

    /// Output shape name; `None` means the response body is `{}`.
    pub fn output_shape(&self) -> Option<&'static str> {
        match self {
            Operation::AssociateGatewayWithCluster => Some("AssociateGatewayWithClusterResponse"),
            Operation::ContinueServiceDeployment => Some("ContinueServiceDeploymentResponse"),
            Operation::CreateCapacityProvider => Some("CreateCapacityProviderResponse"),
            Operation::CreateCluster => Some("CreateClusterResponse"),
            Operation::CreateDaemon => Some("CreateDaemonResponse"),
            Operation::CreateExpressGatewayService => Some("CreateExpressGatewayServiceResponse"),
            Operation::CreateGateway => Some("CreateGatewayResponse"),
            Operation::CreateService => Some("CreateServiceResponse"),
            Operation::CreateTaskSet => Some("CreateTaskSetResponse"),
            Operation::DeleteAccountSetting => Some("DeleteAccountSettingResponse"),
            Operation::DeleteAttributes => Some("DeleteAttributesResponse"),
            Operation::DeleteCapacityProvider => Some("DeleteCapacityProviderResponse"),
            Operation::DeleteCluster => Some("DeleteClusterResponse"),
            Operation::DeleteDaemon => Some("DeleteDaemonResponse"),
            Operation::DeleteDaemonTaskDefinition => Some("DeleteDaemonTaskDefinitionResponse"),
            Operation::DeleteExpressGatewayService => Some("DeleteExpressGatewayServiceResponse"),
            Operation::DeleteGateway => Some("DeleteGatewayResponse"),
            Operation::DeleteService => Some("DeleteServiceResponse"),
            Operation::DeleteTaskDefinitions => Some("DeleteTaskDefinitionsResponse"),
            Operation::DeleteTaskSet => Some("DeleteTaskSetResponse"),
            Operation::DeregisterContainerInstance => Some("DeregisterContainerInstanceResponse"),
            Operation::DeregisterTaskDefinition => Some("DeregisterTaskDefinitionResponse"),
            Operation::DescribeCapacityProviders => Some("DescribeCapacityProvidersResponse"),
            Operation::DescribeClusters => Some("DescribeClustersResponse"),
            Operation::DescribeContainerInstances => Some("DescribeContainerInstancesResponse"),
            Operation::DescribeDaemon => Some("DescribeDaemonResponse"),
            Operation::DescribeDaemonDeployments => Some("DescribeDaemonDeploymentsResponse"),
            Operation::DescribeDaemonRevisions => Some("DescribeDaemonRevisionsResponse"),
            Operation::DescribeDaemonTaskDefinition => Some("DescribeDaemonTaskDefinitionResponse"),
            Operation::DescribeExpressGatewayService => {
                Some("DescribeExpressGatewayServiceResponse")
            }
            Operation::DescribeGateway => Some("DescribeGatewayResponse"),
            Operation::DescribeGatewayResources => Some("DescribeGatewayResourcesResponse"),
            Operation::DescribeGatewayRoute => Some("DescribeGatewayRouteResponse"),
            Operation::DescribeServiceDeployments => Some("DescribeServiceDeploymentsResponse"),
            Operation::DescribeServiceRevisions => Some("DescribeServiceRevisionsResponse"),
            Operation::DescribeServices => Some("DescribeServicesResponse"),
            Operation::DescribeTaskDefinition => Some("DescribeTaskDefinitionResponse"),
            Operation::DescribeTaskSets => Some("DescribeTaskSetsResponse"),
            Operation::DescribeTasks => Some("DescribeTasksResponse"),
            Operation::DisassociateGatewayFromCluster => {
                Some("DisassociateGatewayFromClusterResponse")
            }
            Operation::DiscoverPollEndpoint => Some("DiscoverPollEndpointResponse"),
            Operation::ExecuteCommand => Some("ExecuteCommandResponse"),
            Operation::GetTaskProtection => Some("GetTaskProtectionResponse"),
            Operation::ListAccountSettings => Some("ListAccountSettingsResponse"),
            Operation::ListAttributes => Some("ListAttributesResponse"),
            Operation::ListClusters => Some("ListClustersResponse"),
            Operation::ListContainerInstances => Some("ListContainerInstancesResponse"),
            Operation::ListDaemonDeployments => Some("ListDaemonDeploymentsResponse"),
            Operation::ListDaemonTaskDefinitions => Some("ListDaemonTaskDefinitionsResponse"),
            Operation::ListDaemons => Some("ListDaemonsResponse"),
            Operation::ListGatewayClusterAssociations => {
                Some("ListGatewayClusterAssociationsResponse")
            }
            Operation::ListGatewayRoutes => Some("ListGatewayRoutesResponse"),
            Operation::ListGateways => Some("ListGatewaysResponse"),
            Operation::ListServiceDeployments => Some("ListServiceDeploymentsResponse"),
            Operation::ListServices => Some("ListServicesResponse"),
            Operation::ListServicesByNamespace => Some("ListServicesByNamespaceResponse"),
            Operation::ListTagsForResource => Some("ListTagsForResourceResponse"),
            Operation::ListTaskDefinitionFamilies => Some("ListTaskDefinitionFamiliesResponse"),
            Operation::ListTaskDefinitions => Some("ListTaskDefinitionsResponse"),
            Operation::ListTasks => Some("ListTasksResponse"),
            Operation::PutAccountSetting => Some("PutAccountSettingResponse"),
            Operation::PutAccountSettingDefault => Some("PutAccountSettingDefaultResponse"),
            Operation::PutAttributes => Some("PutAttributesResponse"),
            Operation::PutClusterCapacityProviders => Some("PutClusterCapacityProvidersResponse"),
            Operation::RegisterContainerInstance => Some("RegisterContainerInstanceResponse"),
            Operation::RegisterDaemonTaskDefinition => Some("RegisterDaemonTaskDefinitionResponse"),
            Operation::RegisterTaskDefinition => Some("RegisterTaskDefinitionResponse"),
            Operation::RunTask => Some("RunTaskResponse"),
            Operation::StartTask => Some("StartTaskResponse"),
            Operation::StopServiceDeployment => Some("StopServiceDeploymentResponse"),
            Operation::StopTask => Some("StopTaskResponse"),
            Operation::SubmitAttachmentStateChanges => Some("SubmitAttachmentStateChangesResponse"),
            Operation::SubmitContainerStateChange => Some("SubmitContainerStateChangeResponse"),
            Operation::SubmitTaskStateChange => Some("SubmitTaskStateChangeResponse"),
            Operation::TagResource => Some("TagResourceResponse"),
            Operation::UntagResource => Some("UntagResourceResponse"),
            Operation::UpdateCapacityProvider => Some("UpdateCapacityProviderResponse"),
            Operation::UpdateCluster => Some("UpdateClusterResponse"),
            Operation::UpdateClusterSettings => Some("UpdateClusterSettingsResponse"),
            Operation::UpdateContainerAgent => Some("UpdateContainerAgentResponse"),
            Operation::UpdateContainerInstancesState => {
                Some("UpdateContainerInstancesStateResponse")
            }
            Operation::UpdateDaemon => Some("UpdateDaemonResponse"),
            Operation::UpdateExpressGatewayService => Some("UpdateExpressGatewayServiceResponse"),
            Operation::UpdateGateway => Some("UpdateGatewayResponse"),
            Operation::UpdateService => Some("UpdateServiceResponse"),
            Operation::UpdateServicePrimaryTaskSet => Some("UpdateServicePrimaryTaskSetResponse"),
            Operation::UpdateTaskProtection => Some("UpdateTaskProtectionResponse"),
            Operation::UpdateTaskSet => Some("UpdateTaskSetResponse"),
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

/// Wire structure `AcceleratorCountRequest`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct AcceleratorCountRequest {
    #[serde(rename = "min", default, skip_serializing_if = "Option::is_none")]
    pub min: Option<i32>,
    #[serde(rename = "max", default, skip_serializing_if = "Option::is_none")]
    pub max: Option<i32>,
}

/// Wire enum `AcceleratorManufacturer`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum AcceleratorManufacturer {
    #[serde(rename = "amazon-web-services")]
    AmazonWebServices,
    #[serde(rename = "amd")]
    Amd,
    #[serde(rename = "nvidia")]
    Nvidia,
    #[serde(rename = "xilinx")]
    Xilinx,
    #[serde(rename = "habana")]
    Habana,
}

impl AcceleratorManufacturer {
    /// Every value, in model order.
    pub const ALL: &'static [AcceleratorManufacturer] = &[
        AcceleratorManufacturer::AmazonWebServices,
        AcceleratorManufacturer::Amd,
        AcceleratorManufacturer::Nvidia,
        AcceleratorManufacturer::Xilinx,
        AcceleratorManufacturer::Habana,
    ];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            AcceleratorManufacturer::AmazonWebServices => "amazon-web-services",
            AcceleratorManufacturer::Amd => "amd",
            AcceleratorManufacturer::Nvidia => "nvidia",
            AcceleratorManufacturer::Xilinx => "xilinx",
            AcceleratorManufacturer::Habana => "habana",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for AcceleratorManufacturer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire enum `AcceleratorName`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum AcceleratorName {
    #[serde(rename = "a100")]
    A100,
    #[serde(rename = "inferentia")]
    Inferentia,
    #[serde(rename = "k520")]
    K520,
    #[serde(rename = "k80")]
    K80,
    #[serde(rename = "m60")]
    M60,
    #[serde(rename = "radeon-pro-v520")]
    RadeonProV520,
    #[serde(rename = "t4")]
    T4,
    #[serde(rename = "vu9p")]
    Vu9p,
    #[serde(rename = "v100")]
    V100,
    #[serde(rename = "a10g")]
    A10g,
    #[serde(rename = "h100")]
    H100,
    #[serde(rename = "t4g")]
    T4g,
    #[serde(rename = "l40s")]
    L40s,
    #[serde(rename = "l4")]
    L4,
}

impl AcceleratorName {
    /// Every value, in model order.
    pub const ALL: &'static [AcceleratorName] = &[
        AcceleratorName::A100,
        AcceleratorName::Inferentia,
        AcceleratorName::K520,
        AcceleratorName::K80,
        AcceleratorName::M60,
        AcceleratorName::RadeonProV520,
        AcceleratorName::T4,
        AcceleratorName::Vu9p,
        AcceleratorName::V100,
        AcceleratorName::A10g,
        AcceleratorName::H100,
        AcceleratorName::T4g,
        AcceleratorName::L40s,
        AcceleratorName::L4,
    ];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            AcceleratorName::A100 => "a100",
            AcceleratorName::Inferentia => "inferentia",
            AcceleratorName::K520 => "k520",
            AcceleratorName::K80 => "k80",
            AcceleratorName::M60 => "m60",
            AcceleratorName::RadeonProV520 => "radeon-pro-v520",
            AcceleratorName::T4 => "t4",
            AcceleratorName::Vu9p => "vu9p",
            AcceleratorName::V100 => "v100",
            AcceleratorName::A10g => "a10g",
            AcceleratorName::H100 => "h100",
            AcceleratorName::T4g => "t4g",
            AcceleratorName::L40s => "l40s",
            AcceleratorName::L4 => "l4",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for AcceleratorName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire structure `AcceleratorTotalMemoryMiBRequest`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct AcceleratorTotalMemoryMiBRequest {
    #[serde(rename = "min", default, skip_serializing_if = "Option::is_none")]
    pub min: Option<i32>,
    #[serde(rename = "max", default, skip_serializing_if = "Option::is_none")]
    pub max: Option<i32>,
}

/// Wire enum `AcceleratorType`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum AcceleratorType {
    #[serde(rename = "gpu")]
    Gpu,
    #[serde(rename = "fpga")]
    Fpga,
    #[serde(rename = "inference")]
    Inference,
}

impl AcceleratorType {
    /// Every value, in model order.
    pub const ALL: &'static [AcceleratorType] = &[
        AcceleratorType::Gpu,
        AcceleratorType::Fpga,
        AcceleratorType::Inference,
    ];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            AcceleratorType::Gpu => "gpu",
            AcceleratorType::Fpga => "fpga",
            AcceleratorType::Inference => "inference",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for AcceleratorType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire exception `AccessDeniedException`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct AccessDeniedException {
    #[serde(rename = "message", default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

/// Wire enum `AccessType`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum AccessType {
    #[serde(rename = "PUBLIC")]
    Public,
    #[serde(rename = "PRIVATE")]
    Private,
}

impl AccessType {
    /// Every value, in model order.
    pub const ALL: &'static [AccessType] = &[AccessType::Public, AccessType::Private];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            AccessType::Public => "PUBLIC",
            AccessType::Private => "PRIVATE",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for AccessType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire structure `AdvancedConfiguration`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct AdvancedConfiguration {
    #[serde(
        rename = "alternateTargetGroupArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub alternate_target_group_arn: Option<String>,
    #[serde(
        rename = "productionListenerRule",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub production_listener_rule: Option<String>,
    #[serde(
        rename = "testListenerRule",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub test_listener_rule: Option<String>,
    #[serde(rename = "roleArn", default, skip_serializing_if = "Option::is_none")]
    pub role_arn: Option<String>,
}

/// Wire enum `AgentUpdateStatus`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum AgentUpdateStatus {
    #[serde(rename = "PENDING")]
    Pending,
    #[serde(rename = "STAGING")]
    Staging,
    #[serde(rename = "STAGED")]
    Staged,
    #[serde(rename = "UPDATING")]
    Updating,
    #[serde(rename = "UPDATED")]
    Updated,
    #[serde(rename = "FAILED")]
    Failed,
}

impl AgentUpdateStatus {
    /// Every value, in model order.
    pub const ALL: &'static [AgentUpdateStatus] = &[
        AgentUpdateStatus::Pending,
        AgentUpdateStatus::Staging,
        AgentUpdateStatus::Staged,
        AgentUpdateStatus::Updating,
        AgentUpdateStatus::Updated,
        AgentUpdateStatus::Failed,
    ];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            AgentUpdateStatus::Pending => "PENDING",
            AgentUpdateStatus::Staging => "STAGING",
            AgentUpdateStatus::Staged => "STAGED",
            AgentUpdateStatus::Updating => "UPDATING",
            AgentUpdateStatus::Updated => "UPDATED",
            AgentUpdateStatus::Failed => "FAILED",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for AgentUpdateStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire enum `ApplicationProtocol`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ApplicationProtocol {
    #[serde(rename = "http")]
    Http,
    #[serde(rename = "http2")]
    Http2,
    #[serde(rename = "grpc")]
    Grpc,
}

impl ApplicationProtocol {
    /// Every value, in model order.
    pub const ALL: &'static [ApplicationProtocol] = &[
        ApplicationProtocol::Http,
        ApplicationProtocol::Http2,
        ApplicationProtocol::Grpc,
    ];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            ApplicationProtocol::Http => "http",
            ApplicationProtocol::Http2 => "http2",
            ApplicationProtocol::Grpc => "grpc",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for ApplicationProtocol {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire enum `AssignPublicIp`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum AssignPublicIp {
    #[serde(rename = "ENABLED")]
    Enabled,
    #[serde(rename = "DISABLED")]
    Disabled,
}

impl AssignPublicIp {
    /// Every value, in model order.
    pub const ALL: &'static [AssignPublicIp] = &[AssignPublicIp::Enabled, AssignPublicIp::Disabled];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            AssignPublicIp::Enabled => "ENABLED",
            AssignPublicIp::Disabled => "DISABLED",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for AssignPublicIp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire structure `AssociateGatewayWithClusterRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AssociateGatewayWithClusterRequest {
    #[serde(rename = "gateway")]
    pub gateway: String,
    #[serde(rename = "cluster")]
    pub cluster: String,
}

/// Wire structure `AssociateGatewayWithClusterResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct AssociateGatewayWithClusterResponse {
    #[serde(
        rename = "gatewayArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub gateway_arn: Option<String>,
    #[serde(
        rename = "clusterArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub cluster_arn: Option<String>,
    #[serde(rename = "status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<GatewayClusterAssociationStatus>,
}

/// Wire structure `Attachment`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Attachment {
    #[serde(rename = "id", default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub r#type: Option<String>,
    #[serde(rename = "status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    #[serde(rename = "details", default, skip_serializing_if = "Option::is_none")]
    pub details: Option<Vec<KeyValuePair>>,
}

/// Wire structure `AttachmentStateChange`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AttachmentStateChange {
    #[serde(rename = "attachmentArn")]
    pub attachment_arn: String,
    #[serde(rename = "status")]
    pub status: String,
}

/// Wire enum `AttestationPolicyStatus`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum AttestationPolicyStatus {
    #[serde(rename = "CONFIGURED")]
    Configured,
}

impl AttestationPolicyStatus {
    /// Every value, in model order.
    pub const ALL: &'static [AttestationPolicyStatus] = &[AttestationPolicyStatus::Configured];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            AttestationPolicyStatus::Configured => "CONFIGURED",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for AttestationPolicyStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire structure `Attribute`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Attribute {
    #[serde(rename = "name")]
    pub name: String,
    #[serde(rename = "value", default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    #[serde(
        rename = "targetType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub target_type: Option<TargetType>,
    #[serde(rename = "targetId", default, skip_serializing_if = "Option::is_none")]
    pub target_id: Option<String>,
}

/// Wire exception `AttributeLimitExceededException`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct AttributeLimitExceededException {
    #[serde(rename = "message", default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

/// Wire enum `AutoRepairActionsStatus`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum AutoRepairActionsStatus {
    #[serde(rename = "ENABLED")]
    Enabled,
    #[serde(rename = "DISABLED")]
    Disabled,
}

impl AutoRepairActionsStatus {
    /// Every value, in model order.
    pub const ALL: &'static [AutoRepairActionsStatus] = &[
        AutoRepairActionsStatus::Enabled,
        AutoRepairActionsStatus::Disabled,
    ];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            AutoRepairActionsStatus::Enabled => "ENABLED",
            AutoRepairActionsStatus::Disabled => "DISABLED",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for AutoRepairActionsStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire structure `AutoRepairConfiguration`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct AutoRepairConfiguration {
    #[serde(
        rename = "actionsStatus",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub actions_status: Option<AutoRepairActionsStatus>,
}

/// Wire structure `AutoScalingGroupProvider`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AutoScalingGroupProvider {
    #[serde(rename = "autoScalingGroupArn")]
    pub auto_scaling_group_arn: String,
    #[serde(
        rename = "managedScaling",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub managed_scaling: Option<ManagedScaling>,
    #[serde(
        rename = "managedTerminationProtection",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub managed_termination_protection: Option<ManagedTerminationProtection>,
    #[serde(
        rename = "managedDraining",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub managed_draining: Option<ManagedDraining>,
}

/// Wire structure `AutoScalingGroupProviderUpdate`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct AutoScalingGroupProviderUpdate {
    #[serde(
        rename = "managedScaling",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub managed_scaling: Option<ManagedScaling>,
    #[serde(
        rename = "managedTerminationProtection",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub managed_termination_protection: Option<ManagedTerminationProtection>,
    #[serde(
        rename = "managedDraining",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub managed_draining: Option<ManagedDraining>,
}

/// Wire enum `AvailabilityZoneRebalancing`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum AvailabilityZoneRebalancing {
    #[serde(rename = "ENABLED")]
    Enabled,
    #[serde(rename = "DISABLED")]
    Disabled,
}

impl AvailabilityZoneRebalancing {
    /// Every value, in model order.
    pub const ALL: &'static [AvailabilityZoneRebalancing] = &[
        AvailabilityZoneRebalancing::Enabled,
        AvailabilityZoneRebalancing::Disabled,
    ];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            AvailabilityZoneRebalancing::Enabled => "ENABLED",
            AvailabilityZoneRebalancing::Disabled => "DISABLED",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for AvailabilityZoneRebalancing {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire structure `AwsVpcConfiguration`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AwsVpcConfiguration {
    #[serde(rename = "subnets")]
    pub subnets: Vec<String>,
    #[serde(
        rename = "securityGroups",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub security_groups: Option<Vec<String>>,
    #[serde(
        rename = "assignPublicIp",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub assign_public_ip: Option<AssignPublicIp>,
}

/// Wire enum `BareMetal`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum BareMetal {
    #[serde(rename = "included")]
    Included,
    #[serde(rename = "required")]
    Required,
    #[serde(rename = "excluded")]
    Excluded,
}

impl BareMetal {
    /// Every value, in model order.
    pub const ALL: &'static [BareMetal] = &[
        BareMetal::Included,
        BareMetal::Required,
        BareMetal::Excluded,
    ];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            BareMetal::Included => "included",
            BareMetal::Required => "required",
            BareMetal::Excluded => "excluded",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for BareMetal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire structure `BaselineEbsBandwidthMbpsRequest`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct BaselineEbsBandwidthMbpsRequest {
    #[serde(rename = "min", default, skip_serializing_if = "Option::is_none")]
    pub min: Option<i32>,
    #[serde(rename = "max", default, skip_serializing_if = "Option::is_none")]
    pub max: Option<i32>,
}

/// Wire exception `BlockedException`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct BlockedException {
    #[serde(rename = "message", default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

/// Wire enum `BurstablePerformance`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum BurstablePerformance {
    #[serde(rename = "included")]
    Included,
    #[serde(rename = "required")]
    Required,
    #[serde(rename = "excluded")]
    Excluded,
}

impl BurstablePerformance {
    /// Every value, in model order.
    pub const ALL: &'static [BurstablePerformance] = &[
        BurstablePerformance::Included,
        BurstablePerformance::Required,
        BurstablePerformance::Excluded,
    ];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            BurstablePerformance::Included => "included",
            BurstablePerformance::Required => "required",
            BurstablePerformance::Excluded => "excluded",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for BurstablePerformance {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire enum `CPUArchitecture`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum CPUArchitecture {
    #[serde(rename = "X86_64")]
    X8664,
    #[serde(rename = "ARM64")]
    Arm64,
}

impl CPUArchitecture {
    /// Every value, in model order.
    pub const ALL: &'static [CPUArchitecture] = &[CPUArchitecture::X8664, CPUArchitecture::Arm64];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            CPUArchitecture::X8664 => "X86_64",
            CPUArchitecture::Arm64 => "ARM64",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for CPUArchitecture {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire structure `CanaryConfiguration`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CanaryConfiguration {
    #[serde(
        rename = "canaryPercent",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub canary_percent: Option<f64>,
    #[serde(
        rename = "canaryBakeTimeInMinutes",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub canary_bake_time_in_minutes: Option<i32>,
}

/// Wire enum `CapacityOptionType`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum CapacityOptionType {
    #[serde(rename = "ON_DEMAND")]
    OnDemand,
    #[serde(rename = "SPOT")]
    Spot,
    #[serde(rename = "RESERVED")]
    Reserved,
}

impl CapacityOptionType {
    /// Every value, in model order.
    pub const ALL: &'static [CapacityOptionType] = &[
        CapacityOptionType::OnDemand,
        CapacityOptionType::Spot,
        CapacityOptionType::Reserved,
    ];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            CapacityOptionType::OnDemand => "ON_DEMAND",
            CapacityOptionType::Spot => "SPOT",
            CapacityOptionType::Reserved => "RESERVED",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for CapacityOptionType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire structure `CapacityProvider`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CapacityProvider {
    #[serde(
        rename = "capacityProviderArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub capacity_provider_arn: Option<String>,
    #[serde(rename = "name", default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(rename = "cluster", default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<String>,
    #[serde(rename = "status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<CapacityProviderStatus>,
    #[serde(
        rename = "autoScalingGroupProvider",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub auto_scaling_group_provider: Option<AutoScalingGroupProvider>,
    #[serde(
        rename = "managedInstancesProvider",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub managed_instances_provider: Option<ManagedInstancesProvider>,
    #[serde(
        rename = "updateStatus",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub update_status: Option<CapacityProviderUpdateStatus>,
    #[serde(
        rename = "updateStatusReason",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub update_status_reason: Option<String>,
    #[serde(rename = "tags", default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<Tag>>,
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub r#type: Option<CapacityProviderType>,
}

/// Wire enum `CapacityProviderField`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum CapacityProviderField {
    #[serde(rename = "TAGS")]
    Tags,
}

impl CapacityProviderField {
    /// Every value, in model order.
    pub const ALL: &'static [CapacityProviderField] = &[CapacityProviderField::Tags];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            CapacityProviderField::Tags => "TAGS",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for CapacityProviderField {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire enum `CapacityProviderStatus`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum CapacityProviderStatus {
    #[serde(rename = "PROVISIONING")]
    Provisioning,
    #[serde(rename = "ACTIVE")]
    Active,
    #[serde(rename = "DEPROVISIONING")]
    Deprovisioning,
    #[serde(rename = "INACTIVE")]
    Inactive,
}

impl CapacityProviderStatus {
    /// Every value, in model order.
    pub const ALL: &'static [CapacityProviderStatus] = &[
        CapacityProviderStatus::Provisioning,
        CapacityProviderStatus::Active,
        CapacityProviderStatus::Deprovisioning,
        CapacityProviderStatus::Inactive,
    ];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            CapacityProviderStatus::Provisioning => "PROVISIONING",
            CapacityProviderStatus::Active => "ACTIVE",
            CapacityProviderStatus::Deprovisioning => "DEPROVISIONING",
            CapacityProviderStatus::Inactive => "INACTIVE",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for CapacityProviderStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire structure `CapacityProviderStrategyItem`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CapacityProviderStrategyItem {
    #[serde(rename = "capacityProvider")]
    pub capacity_provider: String,
    #[serde(rename = "weight", default, skip_serializing_if = "Option::is_none")]
    pub weight: Option<i32>,
    #[serde(rename = "base", default, skip_serializing_if = "Option::is_none")]
    pub base: Option<i32>,
}

/// Wire enum `CapacityProviderType`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum CapacityProviderType {
    #[serde(rename = "EC2_AUTOSCALING")]
    Ec2Autoscaling,
    #[serde(rename = "MANAGED_INSTANCES")]
    ManagedInstances,
    #[serde(rename = "FARGATE")]
    Fargate,
    #[serde(rename = "FARGATE_SPOT")]
    FargateSpot,
}

impl CapacityProviderType {
    /// Every value, in model order.
    pub const ALL: &'static [CapacityProviderType] = &[
        CapacityProviderType::Ec2Autoscaling,
        CapacityProviderType::ManagedInstances,
        CapacityProviderType::Fargate,
        CapacityProviderType::FargateSpot,
    ];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            CapacityProviderType::Ec2Autoscaling => "EC2_AUTOSCALING",
            CapacityProviderType::ManagedInstances => "MANAGED_INSTANCES",
            CapacityProviderType::Fargate => "FARGATE",
            CapacityProviderType::FargateSpot => "FARGATE_SPOT",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for CapacityProviderType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire enum `CapacityProviderUpdateStatus`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum CapacityProviderUpdateStatus {
    #[serde(rename = "CREATE_IN_PROGRESS")]
    CreateInProgress,
    #[serde(rename = "CREATE_COMPLETE")]
    CreateComplete,
    #[serde(rename = "CREATE_FAILED")]
    CreateFailed,
    #[serde(rename = "DELETE_IN_PROGRESS")]
    DeleteInProgress,
    #[serde(rename = "DELETE_COMPLETE")]
    DeleteComplete,
    #[serde(rename = "DELETE_FAILED")]
    DeleteFailed,
    #[serde(rename = "UPDATE_IN_PROGRESS")]
    UpdateInProgress,
    #[serde(rename = "UPDATE_COMPLETE")]
    UpdateComplete,
    #[serde(rename = "UPDATE_FAILED")]
    UpdateFailed,
}

impl CapacityProviderUpdateStatus {
    /// Every value, in model order.
    pub const ALL: &'static [CapacityProviderUpdateStatus] = &[
        CapacityProviderUpdateStatus::CreateInProgress,
        CapacityProviderUpdateStatus::CreateComplete,
        CapacityProviderUpdateStatus::CreateFailed,
        CapacityProviderUpdateStatus::DeleteInProgress,
        CapacityProviderUpdateStatus::DeleteComplete,
        CapacityProviderUpdateStatus::DeleteFailed,
        CapacityProviderUpdateStatus::UpdateInProgress,
        CapacityProviderUpdateStatus::UpdateComplete,
        CapacityProviderUpdateStatus::UpdateFailed,
    ];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            CapacityProviderUpdateStatus::CreateInProgress => "CREATE_IN_PROGRESS",
            CapacityProviderUpdateStatus::CreateComplete => "CREATE_COMPLETE",
            CapacityProviderUpdateStatus::CreateFailed => "CREATE_FAILED",
            CapacityProviderUpdateStatus::DeleteInProgress => "DELETE_IN_PROGRESS",
            CapacityProviderUpdateStatus::DeleteComplete => "DELETE_COMPLETE",
            CapacityProviderUpdateStatus::DeleteFailed => "DELETE_FAILED",
            CapacityProviderUpdateStatus::UpdateInProgress => "UPDATE_IN_PROGRESS",
            CapacityProviderUpdateStatus::UpdateComplete => "UPDATE_COMPLETE",
            CapacityProviderUpdateStatus::UpdateFailed => "UPDATE_FAILED",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for CapacityProviderUpdateStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire enum `CapacityReservationPreference`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum CapacityReservationPreference {
    #[serde(rename = "RESERVATIONS_ONLY")]
    ReservationsOnly,
    #[serde(rename = "RESERVATIONS_FIRST")]
    ReservationsFirst,
    #[serde(rename = "RESERVATIONS_EXCLUDED")]
    ReservationsExcluded,
}

impl CapacityReservationPreference {
    /// Every value, in model order.
    pub const ALL: &'static [CapacityReservationPreference] = &[
        CapacityReservationPreference::ReservationsOnly,
        CapacityReservationPreference::ReservationsFirst,
        CapacityReservationPreference::ReservationsExcluded,
    ];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            CapacityReservationPreference::ReservationsOnly => "RESERVATIONS_ONLY",
            CapacityReservationPreference::ReservationsFirst => "RESERVATIONS_FIRST",
            CapacityReservationPreference::ReservationsExcluded => "RESERVATIONS_EXCLUDED",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for CapacityReservationPreference {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire structure `CapacityReservationRequest`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CapacityReservationRequest {
    #[serde(
        rename = "reservationGroupArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub reservation_group_arn: Option<String>,
    #[serde(
        rename = "reservationPreference",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub reservation_preference: Option<CapacityReservationPreference>,
}

/// Wire exception `ClientException`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ClientException {
    #[serde(rename = "message", default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

/// Wire structure `Cluster`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Cluster {
    #[serde(
        rename = "clusterArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub cluster_arn: Option<String>,
    #[serde(
        rename = "clusterName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub cluster_name: Option<String>,
    #[serde(
        rename = "configuration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub configuration: Option<ClusterConfiguration>,
    #[serde(rename = "status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    #[serde(
        rename = "registeredContainerInstancesCount",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub registered_container_instances_count: Option<i32>,
    #[serde(
        rename = "runningTasksCount",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub running_tasks_count: Option<i32>,
    #[serde(
        rename = "pendingTasksCount",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub pending_tasks_count: Option<i32>,
    #[serde(
        rename = "activeServicesCount",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub active_services_count: Option<i32>,
    #[serde(
        rename = "statistics",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub statistics: Option<Vec<KeyValuePair>>,
    #[serde(rename = "tags", default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<Tag>>,
    #[serde(rename = "settings", default, skip_serializing_if = "Option::is_none")]
    pub settings: Option<Vec<ClusterSetting>>,
    #[serde(
        rename = "capacityProviders",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub capacity_providers: Option<Vec<String>>,
    #[serde(
        rename = "defaultCapacityProviderStrategy",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub default_capacity_provider_strategy: Option<Vec<CapacityProviderStrategyItem>>,
    #[serde(
        rename = "attachments",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub attachments: Option<Vec<Attachment>>,
    #[serde(
        rename = "attachmentsStatus",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub attachments_status: Option<String>,
    #[serde(
        rename = "serviceConnectDefaults",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub service_connect_defaults: Option<ClusterServiceConnectDefaults>,
}

/// Wire structure `ClusterConfiguration`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ClusterConfiguration {
    #[serde(
        rename = "executeCommandConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub execute_command_configuration: Option<ExecuteCommandConfiguration>,
    #[serde(
        rename = "managedStorageConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub managed_storage_configuration: Option<ManagedStorageConfiguration>,
}

/// Wire exception `ClusterContainsCapacityProviderException`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ClusterContainsCapacityProviderException {
    #[serde(rename = "message", default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

/// Wire exception `ClusterContainsContainerInstancesException`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ClusterContainsContainerInstancesException {
    #[serde(rename = "message", default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

/// Wire exception `ClusterContainsServicesException`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ClusterContainsServicesException {
    #[serde(rename = "message", default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

/// Wire exception `ClusterContainsTasksException`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ClusterContainsTasksException {
    #[serde(rename = "message", default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

/// Wire enum `ClusterField`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ClusterField {
    #[serde(rename = "ATTACHMENTS")]
    Attachments,
    #[serde(rename = "CONFIGURATIONS")]
    Configurations,
    #[serde(rename = "SETTINGS")]
    Settings,
    #[serde(rename = "STATISTICS")]
    Statistics,
    #[serde(rename = "TAGS")]
    Tags,
}

impl ClusterField {
    /// Every value, in model order.
    pub const ALL: &'static [ClusterField] = &[
        ClusterField::Attachments,
        ClusterField::Configurations,
        ClusterField::Settings,
        ClusterField::Statistics,
        ClusterField::Tags,
    ];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            ClusterField::Attachments => "ATTACHMENTS",
            ClusterField::Configurations => "CONFIGURATIONS",
            ClusterField::Settings => "SETTINGS",
            ClusterField::Statistics => "STATISTICS",
            ClusterField::Tags => "TAGS",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for ClusterField {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire exception `ClusterNotFoundException`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ClusterNotFoundException {
    #[serde(rename = "message", default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

/// Wire structure `ClusterServiceConnectDefaults`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ClusterServiceConnectDefaults {
    #[serde(rename = "namespace", default, skip_serializing_if = "Option::is_none")]
    pub namespace: Option<String>,
}

/// Wire structure `ClusterServiceConnectDefaultsRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClusterServiceConnectDefaultsRequest {
    #[serde(rename = "namespace")]
    pub namespace: String,
}

/// Wire structure `ClusterSetting`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ClusterSetting {
    #[serde(rename = "name", default, skip_serializing_if = "Option::is_none")]
    pub name: Option<ClusterSettingName>,
    #[serde(rename = "value", default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
}

/// Wire enum `ClusterSettingName`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ClusterSettingName {
    #[serde(rename = "containerInsights")]
    ContainerInsights,
}

impl ClusterSettingName {
    /// Every value, in model order.
    pub const ALL: &'static [ClusterSettingName] = &[ClusterSettingName::ContainerInsights];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            ClusterSettingName::ContainerInsights => "containerInsights",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for ClusterSettingName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire enum `Compatibility`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Compatibility {
    #[serde(rename = "EC2")]
    Ec2,
    #[serde(rename = "FARGATE")]
    Fargate,
    #[serde(rename = "EXTERNAL")]
    External,
    #[serde(rename = "MANAGED_INSTANCES")]
    ManagedInstances,
}

impl Compatibility {
    /// Every value, in model order.
    pub const ALL: &'static [Compatibility] = &[
        Compatibility::Ec2,
        Compatibility::Fargate,
        Compatibility::External,
        Compatibility::ManagedInstances,
    ];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            Compatibility::Ec2 => "EC2",
            Compatibility::Fargate => "FARGATE",
            Compatibility::External => "EXTERNAL",
            Compatibility::ManagedInstances => "MANAGED_INSTANCES",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for Compatibility {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire exception `ConflictException`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ConflictException {
    #[serde(
        rename = "resourceIds",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub resource_ids: Option<Vec<String>>,
    #[serde(rename = "message", default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

/// Wire enum `Connectivity`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Connectivity {
    #[serde(rename = "CONNECTED")]
    Connected,
    #[serde(rename = "DISCONNECTED")]
    Disconnected,
}

impl Connectivity {
    /// Every value, in model order.
    pub const ALL: &'static [Connectivity] = &[Connectivity::Connected, Connectivity::Disconnected];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            Connectivity::Connected => "CONNECTED",
            Connectivity::Disconnected => "DISCONNECTED",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for Connectivity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire structure `Container`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Container {
    #[serde(
        rename = "containerArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub container_arn: Option<String>,
    #[serde(rename = "taskArn", default, skip_serializing_if = "Option::is_none")]
    pub task_arn: Option<String>,
    #[serde(rename = "name", default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(rename = "image", default, skip_serializing_if = "Option::is_none")]
    pub image: Option<String>,
    #[serde(
        rename = "imageDigest",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub image_digest: Option<String>,
    #[serde(rename = "runtimeId", default, skip_serializing_if = "Option::is_none")]
    pub runtime_id: Option<String>,
    #[serde(
        rename = "lastStatus",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub last_status: Option<String>,
    #[serde(rename = "exitCode", default, skip_serializing_if = "Option::is_none")]
    pub exit_code: Option<i32>,
    #[serde(rename = "reason", default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    #[serde(
        rename = "networkBindings",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub network_bindings: Option<Vec<NetworkBinding>>,
    #[serde(
        rename = "networkInterfaces",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub network_interfaces: Option<Vec<NetworkInterface>>,
    #[serde(
        rename = "healthStatus",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub health_status: Option<HealthStatus>,
    #[serde(
        rename = "managedAgents",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub managed_agents: Option<Vec<ManagedAgent>>,
    #[serde(rename = "cpu", default, skip_serializing_if = "Option::is_none")]
    pub cpu: Option<String>,
    #[serde(rename = "memory", default, skip_serializing_if = "Option::is_none")]
    pub memory: Option<String>,
    #[serde(
        rename = "memoryReservation",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub memory_reservation: Option<String>,
    #[serde(rename = "gpuIds", default, skip_serializing_if = "Option::is_none")]
    pub gpu_ids: Option<Vec<String>>,
    #[serde(
        rename = "neuronDeviceIds",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub neuron_device_ids: Option<Vec<String>>,
    #[serde(
        rename = "gpuSharingStrategy",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub gpu_sharing_strategy: Option<SharingStrategy>,
}

/// Wire enum `ContainerCondition`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ContainerCondition {
    #[serde(rename = "START")]
    Start,
    #[serde(rename = "COMPLETE")]
    Complete,
    #[serde(rename = "SUCCESS")]
    Success,
    #[serde(rename = "HEALTHY")]
    Healthy,
}

impl ContainerCondition {
    /// Every value, in model order.
    pub const ALL: &'static [ContainerCondition] = &[
        ContainerCondition::Start,
        ContainerCondition::Complete,
        ContainerCondition::Success,
        ContainerCondition::Healthy,
    ];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            ContainerCondition::Start => "START",
            ContainerCondition::Complete => "COMPLETE",
            ContainerCondition::Success => "SUCCESS",
            ContainerCondition::Healthy => "HEALTHY",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for ContainerCondition {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire structure `ContainerDefinition`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ContainerDefinition {
    #[serde(rename = "name", default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(rename = "image", default, skip_serializing_if = "Option::is_none")]
    pub image: Option<String>,
    #[serde(
        rename = "repositoryCredentials",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub repository_credentials: Option<RepositoryCredentials>,
    #[serde(rename = "cpu", default, skip_serializing_if = "Option::is_none")]
    pub cpu: Option<i32>,
    #[serde(rename = "memory", default, skip_serializing_if = "Option::is_none")]
    pub memory: Option<i32>,
    #[serde(
        rename = "memoryReservation",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub memory_reservation: Option<i32>,
    #[serde(rename = "links", default, skip_serializing_if = "Option::is_none")]
    pub links: Option<Vec<String>>,
    #[serde(
        rename = "portMappings",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub port_mappings: Option<Vec<PortMapping>>,
    #[serde(rename = "essential", default, skip_serializing_if = "Option::is_none")]
    pub essential: Option<bool>,
    #[serde(
        rename = "restartPolicy",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub restart_policy: Option<ContainerRestartPolicy>,
    #[serde(
        rename = "entryPoint",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub entry_point: Option<Vec<String>>,
    #[serde(rename = "command", default, skip_serializing_if = "Option::is_none")]
    pub command: Option<Vec<String>>,
    #[serde(
        rename = "environment",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub environment: Option<Vec<KeyValuePair>>,
    #[serde(
        rename = "environmentFiles",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub environment_files: Option<Vec<EnvironmentFile>>,
    #[serde(
        rename = "mountPoints",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub mount_points: Option<Vec<MountPoint>>,
    #[serde(
        rename = "volumesFrom",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub volumes_from: Option<Vec<VolumeFrom>>,
    #[serde(
        rename = "linuxParameters",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub linux_parameters: Option<LinuxParameters>,
    #[serde(rename = "secrets", default, skip_serializing_if = "Option::is_none")]
    pub secrets: Option<Vec<Secret>>,
    #[serde(rename = "dependsOn", default, skip_serializing_if = "Option::is_none")]
    pub depends_on: Option<Vec<ContainerDependency>>,
    #[serde(
        rename = "startTimeout",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub start_timeout: Option<i32>,
    #[serde(
        rename = "stopTimeout",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub stop_timeout: Option<i32>,
    #[serde(
        rename = "versionConsistency",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub version_consistency: Option<VersionConsistency>,
    #[serde(rename = "hostname", default, skip_serializing_if = "Option::is_none")]
    pub hostname: Option<String>,
    #[serde(rename = "user", default, skip_serializing_if = "Option::is_none")]
    pub user: Option<String>,
    #[serde(
        rename = "workingDirectory",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub working_directory: Option<String>,
    #[serde(
        rename = "disableNetworking",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub disable_networking: Option<bool>,
    #[serde(
        rename = "privileged",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub privileged: Option<bool>,
    #[serde(
        rename = "readonlyRootFilesystem",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub readonly_root_filesystem: Option<bool>,
    #[serde(
        rename = "dnsServers",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub dns_servers: Option<Vec<String>>,
    #[serde(
        rename = "dnsSearchDomains",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub dns_search_domains: Option<Vec<String>>,
    #[serde(
        rename = "extraHosts",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub extra_hosts: Option<Vec<HostEntry>>,
    #[serde(
        rename = "dockerSecurityOptions",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub docker_security_options: Option<Vec<String>>,
    #[serde(
        rename = "interactive",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub interactive: Option<bool>,
    #[serde(
        rename = "pseudoTerminal",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub pseudo_terminal: Option<bool>,
    #[serde(
        rename = "dockerLabels",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub docker_labels: Option<BTreeMap<String, String>>,
    #[serde(rename = "ulimits", default, skip_serializing_if = "Option::is_none")]
    pub ulimits: Option<Vec<Ulimit>>,
    #[serde(
        rename = "logConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub log_configuration: Option<LogConfiguration>,
    #[serde(
        rename = "healthCheck",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub health_check: Option<HealthCheck>,
    #[serde(
        rename = "systemControls",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub system_controls: Option<Vec<SystemControl>>,
    #[serde(
        rename = "resourceRequirements",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub resource_requirements: Option<Vec<ResourceRequirement>>,
    #[serde(
        rename = "firelensConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub firelens_configuration: Option<FirelensConfiguration>,
    #[serde(
        rename = "credentialSpecs",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub credential_specs: Option<Vec<String>>,
}

/// Wire structure `ContainerDependency`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ContainerDependency {
    #[serde(rename = "containerName")]
    pub container_name: String,
    #[serde(rename = "condition")]
    pub condition: ContainerCondition,
}

/// Wire structure `ContainerImage`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ContainerImage {
    #[serde(
        rename = "containerName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub container_name: Option<String>,
    #[serde(
        rename = "imageDigest",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub image_digest: Option<String>,
    #[serde(rename = "image", default, skip_serializing_if = "Option::is_none")]
    pub image: Option<String>,
}

/// Wire structure `ContainerInstance`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ContainerInstance {
    #[serde(
        rename = "containerInstanceArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub container_instance_arn: Option<String>,
    #[serde(
        rename = "ec2InstanceId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub ec2_instance_id: Option<String>,
    #[serde(
        rename = "capacityProviderName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub capacity_provider_name: Option<String>,
    #[serde(rename = "version", default, skip_serializing_if = "Option::is_none")]
    pub version: Option<i64>,
    #[serde(
        rename = "versionInfo",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub version_info: Option<VersionInfo>,
    #[serde(
        rename = "remainingResources",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub remaining_resources: Option<Vec<Resource>>,
    #[serde(
        rename = "registeredResources",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub registered_resources: Option<Vec<Resource>>,
    #[serde(rename = "status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    #[serde(
        rename = "statusReason",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub status_reason: Option<String>,
    #[serde(
        rename = "agentConnected",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub agent_connected: Option<bool>,
    #[serde(
        rename = "runningTasksCount",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub running_tasks_count: Option<i32>,
    #[serde(
        rename = "pendingTasksCount",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub pending_tasks_count: Option<i32>,
    #[serde(
        rename = "agentUpdateStatus",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub agent_update_status: Option<AgentUpdateStatus>,
    #[serde(
        rename = "attributes",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub attributes: Option<Vec<Attribute>>,
    /// Timestamp: epoch seconds as a JSON number.
    #[serde(
        rename = "registeredAt",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub registered_at: Option<f64>,
    #[serde(
        rename = "attachments",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub attachments: Option<Vec<Attachment>>,
    #[serde(rename = "tags", default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<Tag>>,
    #[serde(
        rename = "healthStatus",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub health_status: Option<ContainerInstanceHealthStatus>,
    #[serde(
        rename = "gpuDevices",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub gpu_devices: Option<Vec<GpuDevice>>,
}

/// Wire enum `ContainerInstanceField`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ContainerInstanceField {
    #[serde(rename = "TAGS")]
    Tags,
    #[serde(rename = "CONTAINER_INSTANCE_HEALTH")]
    ContainerInstanceHealth,
}

impl ContainerInstanceField {
    /// Every value, in model order.
    pub const ALL: &'static [ContainerInstanceField] = &[
        ContainerInstanceField::Tags,
        ContainerInstanceField::ContainerInstanceHealth,
    ];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            ContainerInstanceField::Tags => "TAGS",
            ContainerInstanceField::ContainerInstanceHealth => "CONTAINER_INSTANCE_HEALTH",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for ContainerInstanceField {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire structure `ContainerInstanceHealthStatus`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ContainerInstanceHealthStatus {
    #[serde(
        rename = "overallStatus",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub overall_status: Option<InstanceHealthCheckState>,
    #[serde(rename = "details", default, skip_serializing_if = "Option::is_none")]
    pub details: Option<Vec<InstanceHealthCheckResult>>,
}

/// Wire enum `ContainerInstanceStatus`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ContainerInstanceStatus {
    #[serde(rename = "ACTIVE")]
    Active,
    #[serde(rename = "DRAINING")]
    Draining,
    #[serde(rename = "REGISTERING")]
    Registering,
    #[serde(rename = "DEREGISTERING")]
    Deregistering,
    #[serde(rename = "REGISTRATION_FAILED")]
    RegistrationFailed,
}

impl ContainerInstanceStatus {
    /// Every value, in model order.
    pub const ALL: &'static [ContainerInstanceStatus] = &[
        ContainerInstanceStatus::Active,
        ContainerInstanceStatus::Draining,
        ContainerInstanceStatus::Registering,
        ContainerInstanceStatus::Deregistering,
        ContainerInstanceStatus::RegistrationFailed,
    ];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            ContainerInstanceStatus::Active => "ACTIVE",
            ContainerInstanceStatus::Draining => "DRAINING",
            ContainerInstanceStatus::Registering => "REGISTERING",
            ContainerInstanceStatus::Deregistering => "DEREGISTERING",
            ContainerInstanceStatus::RegistrationFailed => "REGISTRATION_FAILED",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for ContainerInstanceStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire structure `ContainerOverride`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ContainerOverride {
    #[serde(rename = "name", default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(rename = "command", default, skip_serializing_if = "Option::is_none")]
    pub command: Option<Vec<String>>,
    #[serde(
        rename = "environment",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub environment: Option<Vec<KeyValuePair>>,
    #[serde(
        rename = "environmentFiles",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub environment_files: Option<Vec<EnvironmentFile>>,
    #[serde(rename = "cpu", default, skip_serializing_if = "Option::is_none")]
    pub cpu: Option<i32>,
    #[serde(rename = "memory", default, skip_serializing_if = "Option::is_none")]
    pub memory: Option<i32>,
    #[serde(
        rename = "memoryReservation",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub memory_reservation: Option<i32>,
    #[serde(
        rename = "resourceRequirements",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub resource_requirements: Option<Vec<ResourceRequirement>>,
}

/// Wire structure `ContainerRestartPolicy`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ContainerRestartPolicy {
    #[serde(rename = "enabled")]
    pub enabled: bool,
    #[serde(
        rename = "ignoredExitCodes",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub ignored_exit_codes: Option<Vec<i32>>,
    #[serde(
        rename = "restartAttemptPeriod",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub restart_attempt_period: Option<i32>,
}

/// Wire structure `ContainerStateChange`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ContainerStateChange {
    #[serde(
        rename = "containerName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub container_name: Option<String>,
    #[serde(
        rename = "imageDigest",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub image_digest: Option<String>,
    #[serde(rename = "runtimeId", default, skip_serializing_if = "Option::is_none")]
    pub runtime_id: Option<String>,
    #[serde(rename = "exitCode", default, skip_serializing_if = "Option::is_none")]
    pub exit_code: Option<i32>,
    #[serde(
        rename = "networkBindings",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub network_bindings: Option<Vec<NetworkBinding>>,
    #[serde(rename = "reason", default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    #[serde(rename = "status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
}

/// Wire structure `ContinueServiceDeploymentRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ContinueServiceDeploymentRequest {
    #[serde(rename = "serviceDeploymentArn")]
    pub service_deployment_arn: String,
    #[serde(rename = "hookId")]
    pub hook_id: String,
    #[serde(rename = "action", default, skip_serializing_if = "Option::is_none")]
    pub action: Option<DeploymentLifecycleHookAction>,
}

/// Wire structure `ContinueServiceDeploymentResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ContinueServiceDeploymentResponse {
    #[serde(
        rename = "serviceDeploymentArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub service_deployment_arn: Option<String>,
}

/// Wire enum `CpuManufacturer`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum CpuManufacturer {
    #[serde(rename = "intel")]
    Intel,
    #[serde(rename = "amd")]
    Amd,
    #[serde(rename = "amazon-web-services")]
    AmazonWebServices,
}

impl CpuManufacturer {
    /// Every value, in model order.
    pub const ALL: &'static [CpuManufacturer] = &[
        CpuManufacturer::Intel,
        CpuManufacturer::Amd,
        CpuManufacturer::AmazonWebServices,
    ];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            CpuManufacturer::Intel => "intel",
            CpuManufacturer::Amd => "amd",
            CpuManufacturer::AmazonWebServices => "amazon-web-services",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for CpuManufacturer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire structure `CreateCapacityProviderRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CreateCapacityProviderRequest {
    #[serde(rename = "name")]
    pub name: String,
    #[serde(rename = "cluster", default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<String>,
    #[serde(
        rename = "autoScalingGroupProvider",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub auto_scaling_group_provider: Option<AutoScalingGroupProvider>,
    #[serde(
        rename = "managedInstancesProvider",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub managed_instances_provider: Option<CreateManagedInstancesProviderConfiguration>,
    #[serde(rename = "tags", default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<Tag>>,
}

/// Wire structure `CreateCapacityProviderResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateCapacityProviderResponse {
    #[serde(
        rename = "capacityProvider",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub capacity_provider: Option<CapacityProvider>,
}

/// Wire structure `CreateClusterRequest`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateClusterRequest {
    #[serde(
        rename = "clusterName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub cluster_name: Option<String>,
    #[serde(rename = "tags", default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<Tag>>,
    #[serde(rename = "settings", default, skip_serializing_if = "Option::is_none")]
    pub settings: Option<Vec<ClusterSetting>>,
    #[serde(
        rename = "configuration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub configuration: Option<ClusterConfiguration>,
    #[serde(
        rename = "capacityProviders",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub capacity_providers: Option<Vec<String>>,
    #[serde(
        rename = "defaultCapacityProviderStrategy",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub default_capacity_provider_strategy: Option<Vec<CapacityProviderStrategyItem>>,
    #[serde(
        rename = "serviceConnectDefaults",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub service_connect_defaults: Option<ClusterServiceConnectDefaultsRequest>,
}

/// Wire structure `CreateClusterResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateClusterResponse {
    #[serde(rename = "cluster", default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<Cluster>,
}

/// Wire structure `CreateDaemonRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CreateDaemonRequest {
    #[serde(rename = "daemonName")]
    pub daemon_name: String,
    #[serde(
        rename = "clusterArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub cluster_arn: Option<String>,
    #[serde(rename = "daemonTaskDefinitionArn")]
    pub daemon_task_definition_arn: String,
    #[serde(rename = "capacityProviderArns")]
    pub capacity_provider_arns: Vec<String>,
    #[serde(
        rename = "deploymentConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub deployment_configuration: Option<DaemonDeploymentConfiguration>,
    #[serde(rename = "tags", default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<Tag>>,
    #[serde(
        rename = "propagateTags",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub propagate_tags: Option<DaemonPropagateTags>,
    #[serde(
        rename = "enableECSManagedTags",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub enable_ecs_managed_tags: Option<bool>,
    #[serde(
        rename = "enableExecuteCommand",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub enable_execute_command: Option<bool>,
    #[serde(
        rename = "clientToken",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub client_token: Option<String>,
    #[serde(rename = "critical", default, skip_serializing_if = "Option::is_none")]
    pub critical: Option<bool>,
}

/// Wire structure `CreateDaemonResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateDaemonResponse {
    #[serde(rename = "daemonArn", default, skip_serializing_if = "Option::is_none")]
    pub daemon_arn: Option<String>,
    #[serde(rename = "status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<DaemonStatus>,
    /// Timestamp: epoch seconds as a JSON number.
    #[serde(rename = "createdAt", default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<f64>,
    #[serde(
        rename = "deploymentArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub deployment_arn: Option<String>,
}

/// Wire structure `CreateExpressGatewayServiceRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CreateExpressGatewayServiceRequest {
    #[serde(
        rename = "executionRoleArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub execution_role_arn: Option<String>,
    #[serde(rename = "infrastructureRoleArn")]
    pub infrastructure_role_arn: String,
    #[serde(
        rename = "serviceName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub service_name: Option<String>,
    #[serde(rename = "cluster", default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<String>,
    #[serde(
        rename = "healthCheckPath",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub health_check_path: Option<String>,
    #[serde(
        rename = "primaryContainer",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub primary_container: Option<ExpressGatewayContainer>,
    #[serde(
        rename = "taskRoleArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub task_role_arn: Option<String>,
    #[serde(
        rename = "networkConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub network_configuration: Option<ExpressGatewayServiceNetworkConfiguration>,
    #[serde(rename = "cpu", default, skip_serializing_if = "Option::is_none")]
    pub cpu: Option<String>,
    #[serde(rename = "memory", default, skip_serializing_if = "Option::is_none")]
    pub memory: Option<String>,
    #[serde(
        rename = "cpuArchitecture",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub cpu_architecture: Option<ExpressCpuArchitecture>,
    #[serde(
        rename = "scalingTarget",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub scaling_target: Option<ExpressGatewayScalingTarget>,
    #[serde(rename = "tags", default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<Tag>>,
    #[serde(
        rename = "taskDefinitionArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub task_definition_arn: Option<String>,
}

/// Wire structure `CreateExpressGatewayServiceResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateExpressGatewayServiceResponse {
    #[serde(rename = "service", default, skip_serializing_if = "Option::is_none")]
    pub service: Option<ECSExpressGatewayService>,
}

/// Wire structure `CreateGatewayRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CreateGatewayRequest {
    #[serde(rename = "name")]
    pub name: String,
    #[serde(rename = "infrastructureRoleArn")]
    pub infrastructure_role_arn: String,
    #[serde(
        rename = "clientToken",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub client_token: Option<String>,
    #[serde(
        rename = "deletionProtection",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub deletion_protection: Option<bool>,
    #[serde(rename = "configuration")]
    pub configuration: GatewayConfiguration,
    #[serde(rename = "tags", default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<Tag>>,
    #[serde(
        rename = "propagateTags",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub propagate_tags: Option<PropagateGatewayTags>,
}

/// Wire structure `CreateGatewayResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateGatewayResponse {
    #[serde(
        rename = "gatewayArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub gateway_arn: Option<String>,
    #[serde(rename = "name", default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(rename = "status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<GatewayStatus>,
}

/// Wire structure `CreateManagedInstancesProviderConfiguration`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CreateManagedInstancesProviderConfiguration {
    #[serde(rename = "infrastructureRoleArn")]
    pub infrastructure_role_arn: String,
    #[serde(rename = "instanceLaunchTemplate")]
    pub instance_launch_template: InstanceLaunchTemplate,
    #[serde(
        rename = "propagateTags",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub propagate_tags: Option<PropagateMITags>,
    #[serde(
        rename = "infrastructureOptimization",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub infrastructure_optimization: Option<InfrastructureOptimization>,
    #[serde(
        rename = "autoRepairConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub auto_repair_configuration: Option<AutoRepairConfiguration>,
}

/// Wire structure `CreateServiceRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CreateServiceRequest {
    #[serde(rename = "cluster", default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<String>,
    #[serde(rename = "serviceName")]
    pub service_name: String,
    #[serde(
        rename = "taskDefinition",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub task_definition: Option<String>,
    #[serde(
        rename = "availabilityZoneRebalancing",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub availability_zone_rebalancing: Option<AvailabilityZoneRebalancing>,
    #[serde(
        rename = "loadBalancers",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub load_balancers: Option<Vec<LoadBalancer>>,
    #[serde(
        rename = "serviceRegistries",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub service_registries: Option<Vec<ServiceRegistry>>,
    #[serde(
        rename = "desiredCount",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub desired_count: Option<i32>,
    #[serde(
        rename = "clientToken",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub client_token: Option<String>,
    #[serde(
        rename = "launchType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub launch_type: Option<LaunchType>,
    #[serde(
        rename = "capacityProviderStrategy",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub capacity_provider_strategy: Option<Vec<CapacityProviderStrategyItem>>,
    #[serde(
        rename = "platformVersion",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub platform_version: Option<String>,
    #[serde(rename = "role", default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    #[serde(
        rename = "deploymentConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub deployment_configuration: Option<DeploymentConfiguration>,
    #[serde(
        rename = "placementConstraints",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub placement_constraints: Option<Vec<PlacementConstraint>>,
    #[serde(
        rename = "placementStrategy",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub placement_strategy: Option<Vec<PlacementStrategy>>,
    #[serde(
        rename = "networkConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub network_configuration: Option<NetworkConfiguration>,
    #[serde(
        rename = "healthCheckGracePeriodSeconds",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub health_check_grace_period_seconds: Option<i32>,
    #[serde(
        rename = "schedulingStrategy",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub scheduling_strategy: Option<SchedulingStrategy>,
    #[serde(
        rename = "deploymentController",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub deployment_controller: Option<DeploymentController>,
    #[serde(rename = "tags", default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<Tag>>,
    #[serde(
        rename = "enableECSManagedTags",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub enable_ecs_managed_tags: Option<bool>,
    #[serde(
        rename = "propagateTags",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub propagate_tags: Option<PropagateTags>,
    #[serde(
        rename = "enableExecuteCommand",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub enable_execute_command: Option<bool>,
    #[serde(
        rename = "serviceConnectConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub service_connect_configuration: Option<ServiceConnectConfiguration>,
    #[serde(
        rename = "volumeConfigurations",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub volume_configurations: Option<Vec<ServiceVolumeConfiguration>>,
    #[serde(
        rename = "vpcLatticeConfigurations",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub vpc_lattice_configurations: Option<Vec<VpcLatticeConfiguration>>,
    #[serde(
        rename = "gatewayConnectors",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub gateway_connectors: Option<Vec<GatewayConnector>>,
    #[serde(
        rename = "monitoring",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub monitoring: Option<MonitoringConfiguration>,
}

/// Wire structure `CreateServiceResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateServiceResponse {
    #[serde(rename = "service", default, skip_serializing_if = "Option::is_none")]
    pub service: Option<Service>,
}

/// Wire structure `CreateTaskSetRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CreateTaskSetRequest {
    #[serde(rename = "service")]
    pub service: String,
    #[serde(rename = "cluster")]
    pub cluster: String,
    #[serde(
        rename = "externalId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub external_id: Option<String>,
    #[serde(rename = "taskDefinition")]
    pub task_definition: String,
    #[serde(
        rename = "networkConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub network_configuration: Option<NetworkConfiguration>,
    #[serde(
        rename = "loadBalancers",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub load_balancers: Option<Vec<LoadBalancer>>,
    #[serde(
        rename = "serviceRegistries",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub service_registries: Option<Vec<ServiceRegistry>>,
    #[serde(
        rename = "launchType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub launch_type: Option<LaunchType>,
    #[serde(
        rename = "capacityProviderStrategy",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub capacity_provider_strategy: Option<Vec<CapacityProviderStrategyItem>>,
    #[serde(
        rename = "platformVersion",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub platform_version: Option<String>,
    #[serde(rename = "scale", default, skip_serializing_if = "Option::is_none")]
    pub scale: Option<Scale>,
    #[serde(
        rename = "clientToken",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub client_token: Option<String>,
    #[serde(rename = "tags", default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<Tag>>,
}

/// Wire structure `CreateTaskSetResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateTaskSetResponse {
    #[serde(rename = "taskSet", default, skip_serializing_if = "Option::is_none")]
    pub task_set: Option<TaskSet>,
}

/// Wire structure `CreatedAt`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreatedAt {
    /// Timestamp: epoch seconds as a JSON number.
    #[serde(rename = "before", default, skip_serializing_if = "Option::is_none")]
    pub before: Option<f64>,
    /// Timestamp: epoch seconds as a JSON number.
    #[serde(rename = "after", default, skip_serializing_if = "Option::is_none")]
    pub after: Option<f64>,
}

/// Wire structure `DaemonAlarmConfiguration`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DaemonAlarmConfiguration {
    #[serde(
        rename = "alarmNames",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub alarm_names: Option<Vec<String>>,
    #[serde(rename = "enable", default, skip_serializing_if = "Option::is_none")]
    pub enable: Option<bool>,
}

/// Wire structure `DaemonCapacityProvider`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DaemonCapacityProvider {
    #[serde(rename = "arn", default, skip_serializing_if = "Option::is_none")]
    pub arn: Option<String>,
    #[serde(
        rename = "runningCount",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub running_count: Option<i32>,
    #[serde(
        rename = "withoutDaemonCount",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub without_daemon_count: Option<i32>,
}

/// Wire structure `DaemonCircuitBreaker`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DaemonCircuitBreaker {
    #[serde(
        rename = "failureCount",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub failure_count: Option<i32>,
    #[serde(rename = "status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<DaemonDeploymentRollbackMonitorsStatus>,
    #[serde(rename = "threshold", default, skip_serializing_if = "Option::is_none")]
    pub threshold: Option<i32>,
}

/// Wire structure `DaemonContainerDefinition`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DaemonContainerDefinition {
    #[serde(rename = "name", default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(rename = "image")]
    pub image: String,
    #[serde(rename = "memory", default, skip_serializing_if = "Option::is_none")]
    pub memory: Option<i32>,
    #[serde(
        rename = "memoryReservation",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub memory_reservation: Option<i32>,
    #[serde(
        rename = "repositoryCredentials",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub repository_credentials: Option<RepositoryCredentials>,
    #[serde(
        rename = "healthCheck",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub health_check: Option<HealthCheck>,
    #[serde(rename = "cpu", default, skip_serializing_if = "Option::is_none")]
    pub cpu: Option<i32>,
    #[serde(rename = "essential", default, skip_serializing_if = "Option::is_none")]
    pub essential: Option<bool>,
    #[serde(
        rename = "entryPoint",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub entry_point: Option<Vec<String>>,
    #[serde(rename = "command", default, skip_serializing_if = "Option::is_none")]
    pub command: Option<Vec<String>>,
    #[serde(
        rename = "workingDirectory",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub working_directory: Option<String>,
    #[serde(
        rename = "environmentFiles",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub environment_files: Option<Vec<EnvironmentFile>>,
    #[serde(
        rename = "environment",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub environment: Option<Vec<KeyValuePair>>,
    #[serde(rename = "secrets", default, skip_serializing_if = "Option::is_none")]
    pub secrets: Option<Vec<Secret>>,
    #[serde(
        rename = "readonlyRootFilesystem",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub readonly_root_filesystem: Option<bool>,
    #[serde(
        rename = "mountPoints",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub mount_points: Option<Vec<MountPoint>>,
    #[serde(
        rename = "logConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub log_configuration: Option<LogConfiguration>,
    #[serde(
        rename = "firelensConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub firelens_configuration: Option<FirelensConfiguration>,
    #[serde(
        rename = "privileged",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub privileged: Option<bool>,
    #[serde(rename = "user", default, skip_serializing_if = "Option::is_none")]
    pub user: Option<String>,
    #[serde(rename = "ulimits", default, skip_serializing_if = "Option::is_none")]
    pub ulimits: Option<Vec<Ulimit>>,
    #[serde(
        rename = "linuxParameters",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub linux_parameters: Option<DaemonLinuxParameters>,
    #[serde(rename = "dependsOn", default, skip_serializing_if = "Option::is_none")]
    pub depends_on: Option<Vec<ContainerDependency>>,
    #[serde(
        rename = "startTimeout",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub start_timeout: Option<i32>,
    #[serde(
        rename = "stopTimeout",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub stop_timeout: Option<i32>,
    #[serde(
        rename = "systemControls",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub system_controls: Option<Vec<SystemControl>>,
    #[serde(
        rename = "interactive",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub interactive: Option<bool>,
    #[serde(
        rename = "pseudoTerminal",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub pseudo_terminal: Option<bool>,
    #[serde(
        rename = "restartPolicy",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub restart_policy: Option<ContainerRestartPolicy>,
}

/// Wire structure `DaemonContainerImage`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DaemonContainerImage {
    #[serde(
        rename = "containerName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub container_name: Option<String>,
    #[serde(
        rename = "imageDigest",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub image_digest: Option<String>,
    #[serde(rename = "image", default, skip_serializing_if = "Option::is_none")]
    pub image: Option<String>,
}

/// Wire structure `DaemonDeployment`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DaemonDeployment {
    #[serde(
        rename = "daemonDeploymentArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub daemon_deployment_arn: Option<String>,
    #[serde(
        rename = "clusterArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub cluster_arn: Option<String>,
    #[serde(rename = "status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<DaemonDeploymentStatus>,
    #[serde(
        rename = "statusReason",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub status_reason: Option<String>,
    #[serde(
        rename = "targetDaemonRevision",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub target_daemon_revision: Option<DaemonDeploymentRevisionDetail>,
    #[serde(
        rename = "sourceDaemonRevisions",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub source_daemon_revisions: Option<Vec<DaemonDeploymentRevisionDetail>>,
    #[serde(
        rename = "circuitBreaker",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub circuit_breaker: Option<DaemonCircuitBreaker>,
    #[serde(rename = "alarms", default, skip_serializing_if = "Option::is_none")]
    pub alarms: Option<DaemonDeploymentAlarms>,
    #[serde(rename = "rollback", default, skip_serializing_if = "Option::is_none")]
    pub rollback: Option<DaemonRollback>,
    #[serde(
        rename = "deploymentConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub deployment_configuration: Option<DaemonDeploymentConfiguration>,
    /// Timestamp: epoch seconds as a JSON number.
    #[serde(rename = "createdAt", default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<f64>,
    /// Timestamp: epoch seconds as a JSON number.
    #[serde(rename = "startedAt", default, skip_serializing_if = "Option::is_none")]
    pub started_at: Option<f64>,
    /// Timestamp: epoch seconds as a JSON number.
    #[serde(rename = "stoppedAt", default, skip_serializing_if = "Option::is_none")]
    pub stopped_at: Option<f64>,
    /// Timestamp: epoch seconds as a JSON number.
    #[serde(
        rename = "finishedAt",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub finished_at: Option<f64>,
}

/// Wire structure `DaemonDeploymentAlarms`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DaemonDeploymentAlarms {
    #[serde(rename = "status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<DaemonDeploymentRollbackMonitorsStatus>,
    #[serde(
        rename = "alarmNames",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub alarm_names: Option<Vec<String>>,
    #[serde(
        rename = "triggeredAlarmNames",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub triggered_alarm_names: Option<Vec<String>>,
}

/// Wire structure `DaemonDeploymentCapacityProvider`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DaemonDeploymentCapacityProvider {
    #[serde(rename = "arn", default, skip_serializing_if = "Option::is_none")]
    pub arn: Option<String>,
    #[serde(
        rename = "runningInstanceCount",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub running_instance_count: Option<i32>,
    #[serde(
        rename = "withoutDaemonInstanceCount",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub without_daemon_instance_count: Option<i32>,
    #[serde(
        rename = "drainingInstanceCount",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub draining_instance_count: Option<i32>,
}

/// Wire structure `DaemonDeploymentConfiguration`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DaemonDeploymentConfiguration {
    #[serde(
        rename = "drainPercent",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub drain_percent: Option<f64>,
    #[serde(rename = "alarms", default, skip_serializing_if = "Option::is_none")]
    pub alarms: Option<DaemonAlarmConfiguration>,
    #[serde(
        rename = "bakeTimeInMinutes",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub bake_time_in_minutes: Option<i32>,
}

/// Wire structure `DaemonDeploymentRevisionDetail`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DaemonDeploymentRevisionDetail {
    #[serde(rename = "arn", default, skip_serializing_if = "Option::is_none")]
    pub arn: Option<String>,
    #[serde(
        rename = "capacityProviders",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub capacity_providers: Option<Vec<DaemonDeploymentCapacityProvider>>,
    #[serde(
        rename = "totalRunningInstanceCount",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub total_running_instance_count: Option<i32>,
    #[serde(
        rename = "totalWithoutDaemonInstanceCount",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub total_without_daemon_instance_count: Option<i32>,
    #[serde(
        rename = "totalDrainingInstanceCount",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub total_draining_instance_count: Option<i32>,
}

/// Wire enum `DaemonDeploymentRollbackMonitorsStatus`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum DaemonDeploymentRollbackMonitorsStatus {
    #[serde(rename = "TRIGGERED")]
    Triggered,
    #[serde(rename = "MONITORING")]
    Monitoring,
    #[serde(rename = "MONITORING_COMPLETE")]
    MonitoringComplete,
    #[serde(rename = "DISABLED")]
    Disabled,
}

impl DaemonDeploymentRollbackMonitorsStatus {
    /// Every value, in model order.
    pub const ALL: &'static [DaemonDeploymentRollbackMonitorsStatus] = &[
        DaemonDeploymentRollbackMonitorsStatus::Triggered,
        DaemonDeploymentRollbackMonitorsStatus::Monitoring,
        DaemonDeploymentRollbackMonitorsStatus::MonitoringComplete,
        DaemonDeploymentRollbackMonitorsStatus::Disabled,
    ];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            DaemonDeploymentRollbackMonitorsStatus::Triggered => "TRIGGERED",
            DaemonDeploymentRollbackMonitorsStatus::Monitoring => "MONITORING",
            DaemonDeploymentRollbackMonitorsStatus::MonitoringComplete => "MONITORING_COMPLETE",
            DaemonDeploymentRollbackMonitorsStatus::Disabled => "DISABLED",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for DaemonDeploymentRollbackMonitorsStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire enum `DaemonDeploymentStatus`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum DaemonDeploymentStatus {
    #[serde(rename = "PENDING")]
    Pending,
    #[serde(rename = "SUCCESSFUL")]
    Successful,
    #[serde(rename = "STOPPED")]
    Stopped,
    #[serde(rename = "STOP_REQUESTED")]
    StopRequested,
    #[serde(rename = "IN_PROGRESS")]
    InProgress,
    #[serde(rename = "ROLLBACK_IN_PROGRESS")]
    RollbackInProgress,
    #[serde(rename = "ROLLBACK_SUCCESSFUL")]
    RollbackSuccessful,
    #[serde(rename = "ROLLBACK_FAILED")]
    RollbackFailed,
}

impl DaemonDeploymentStatus {
    /// Every value, in model order.
    pub const ALL: &'static [DaemonDeploymentStatus] = &[
        DaemonDeploymentStatus::Pending,
        DaemonDeploymentStatus::Successful,
        DaemonDeploymentStatus::Stopped,
        DaemonDeploymentStatus::StopRequested,
        DaemonDeploymentStatus::InProgress,
        DaemonDeploymentStatus::RollbackInProgress,
        DaemonDeploymentStatus::RollbackSuccessful,
        DaemonDeploymentStatus::RollbackFailed,
    ];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            DaemonDeploymentStatus::Pending => "PENDING",
            DaemonDeploymentStatus::Successful => "SUCCESSFUL",
            DaemonDeploymentStatus::Stopped => "STOPPED",
            DaemonDeploymentStatus::StopRequested => "STOP_REQUESTED",
            DaemonDeploymentStatus::InProgress => "IN_PROGRESS",
            DaemonDeploymentStatus::RollbackInProgress => "ROLLBACK_IN_PROGRESS",
            DaemonDeploymentStatus::RollbackSuccessful => "ROLLBACK_SUCCESSFUL",
            DaemonDeploymentStatus::RollbackFailed => "ROLLBACK_FAILED",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for DaemonDeploymentStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire structure `DaemonDeploymentSummary`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DaemonDeploymentSummary {
    #[serde(
        rename = "daemonDeploymentArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub daemon_deployment_arn: Option<String>,
    #[serde(rename = "daemonArn", default, skip_serializing_if = "Option::is_none")]
    pub daemon_arn: Option<String>,
    #[serde(
        rename = "clusterArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub cluster_arn: Option<String>,
    #[serde(rename = "status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<DaemonDeploymentStatus>,
    #[serde(
        rename = "statusReason",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub status_reason: Option<String>,
    #[serde(
        rename = "targetDaemonRevisionArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub target_daemon_revision_arn: Option<String>,
    /// Timestamp: epoch seconds as a JSON number.
    #[serde(rename = "createdAt", default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<f64>,
    /// Timestamp: epoch seconds as a JSON number.
    #[serde(rename = "startedAt", default, skip_serializing_if = "Option::is_none")]
    pub started_at: Option<f64>,
    /// Timestamp: epoch seconds as a JSON number.
    #[serde(rename = "stoppedAt", default, skip_serializing_if = "Option::is_none")]
    pub stopped_at: Option<f64>,
    /// Timestamp: epoch seconds as a JSON number.
    #[serde(
        rename = "finishedAt",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub finished_at: Option<f64>,
}

/// Wire structure `DaemonDetail`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DaemonDetail {
    #[serde(rename = "daemonArn", default, skip_serializing_if = "Option::is_none")]
    pub daemon_arn: Option<String>,
    #[serde(
        rename = "clusterArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub cluster_arn: Option<String>,
    #[serde(rename = "status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<DaemonStatus>,
    #[serde(
        rename = "currentRevisions",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub current_revisions: Option<Vec<DaemonRevisionDetail>>,
    #[serde(
        rename = "deploymentArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub deployment_arn: Option<String>,
    /// Timestamp: epoch seconds as a JSON number.
    #[serde(rename = "createdAt", default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<f64>,
    /// Timestamp: epoch seconds as a JSON number.
    #[serde(rename = "updatedAt", default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<f64>,
}

/// Wire enum `DaemonIpcMode`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum DaemonIpcMode {
    #[serde(rename = "none")]
    None,
    #[serde(rename = "shared")]
    Shared,
}

impl DaemonIpcMode {
    /// Every value, in model order.
    pub const ALL: &'static [DaemonIpcMode] = &[DaemonIpcMode::None, DaemonIpcMode::Shared];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            DaemonIpcMode::None => "none",
            DaemonIpcMode::Shared => "shared",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for DaemonIpcMode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire structure `DaemonLinuxParameters`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DaemonLinuxParameters {
    #[serde(
        rename = "capabilities",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub capabilities: Option<KernelCapabilities>,
    #[serde(rename = "devices", default, skip_serializing_if = "Option::is_none")]
    pub devices: Option<Vec<Device>>,
    #[serde(
        rename = "initProcessEnabled",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub init_process_enabled: Option<bool>,
    #[serde(rename = "tmpfs", default, skip_serializing_if = "Option::is_none")]
    pub tmpfs: Option<Vec<Tmpfs>>,
}

/// Wire exception `DaemonNotActiveException`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DaemonNotActiveException {
    #[serde(rename = "message", default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

/// Wire exception `DaemonNotFoundException`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DaemonNotFoundException {
    #[serde(rename = "message", default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

/// Wire enum `DaemonPidMode`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum DaemonPidMode {
    #[serde(rename = "none")]
    None,
    #[serde(rename = "shared")]
    Shared,
}

impl DaemonPidMode {
    /// Every value, in model order.
    pub const ALL: &'static [DaemonPidMode] = &[DaemonPidMode::None, DaemonPidMode::Shared];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            DaemonPidMode::None => "none",
            DaemonPidMode::Shared => "shared",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for DaemonPidMode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire enum `DaemonPropagateTags`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum DaemonPropagateTags {
    #[serde(rename = "DAEMON")]
    Daemon,
    #[serde(rename = "NONE")]
    None,
}

impl DaemonPropagateTags {
    /// Every value, in model order.
    pub const ALL: &'static [DaemonPropagateTags] =
        &[DaemonPropagateTags::Daemon, DaemonPropagateTags::None];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            DaemonPropagateTags::Daemon => "DAEMON",
            DaemonPropagateTags::None => "NONE",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for DaemonPropagateTags {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire structure `DaemonRevision`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DaemonRevision {
    #[serde(
        rename = "daemonRevisionArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub daemon_revision_arn: Option<String>,
    #[serde(
        rename = "clusterArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub cluster_arn: Option<String>,
    #[serde(rename = "daemonArn", default, skip_serializing_if = "Option::is_none")]
    pub daemon_arn: Option<String>,
    #[serde(
        rename = "daemonTaskDefinitionArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub daemon_task_definition_arn: Option<String>,
    /// Timestamp: epoch seconds as a JSON number.
    #[serde(rename = "createdAt", default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<f64>,
    #[serde(
        rename = "containerImages",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub container_images: Option<Vec<DaemonContainerImage>>,
    #[serde(
        rename = "propagateTags",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub propagate_tags: Option<DaemonPropagateTags>,
    #[serde(
        rename = "enableECSManagedTags",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub enable_ecs_managed_tags: Option<bool>,
    #[serde(
        rename = "enableExecuteCommand",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub enable_execute_command: Option<bool>,
    #[serde(rename = "critical", default, skip_serializing_if = "Option::is_none")]
    pub critical: Option<bool>,
}

/// Wire structure `DaemonRevisionDetail`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DaemonRevisionDetail {
    #[serde(rename = "arn", default, skip_serializing_if = "Option::is_none")]
    pub arn: Option<String>,
    #[serde(
        rename = "capacityProviders",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub capacity_providers: Option<Vec<DaemonCapacityProvider>>,
    #[serde(
        rename = "totalRunningCount",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub total_running_count: Option<i32>,
    #[serde(
        rename = "totalWithoutDaemonCount",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub total_without_daemon_count: Option<i32>,
}

/// Wire structure `DaemonRollback`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DaemonRollback {
    #[serde(rename = "reason", default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// Timestamp: epoch seconds as a JSON number.
    #[serde(rename = "startedAt", default, skip_serializing_if = "Option::is_none")]
    pub started_at: Option<f64>,
    #[serde(
        rename = "rollbackTargetDaemonRevisionArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub rollback_target_daemon_revision_arn: Option<String>,
    #[serde(
        rename = "rollbackCapacityProviders",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub rollback_capacity_providers: Option<Vec<String>>,
}

/// Wire enum `DaemonStatus`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum DaemonStatus {
    #[serde(rename = "ACTIVE")]
    Active,
    #[serde(rename = "DELETE_IN_PROGRESS")]
    DeleteInProgress,
}

impl DaemonStatus {
    /// Every value, in model order.
    pub const ALL: &'static [DaemonStatus] =
        &[DaemonStatus::Active, DaemonStatus::DeleteInProgress];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            DaemonStatus::Active => "ACTIVE",
            DaemonStatus::DeleteInProgress => "DELETE_IN_PROGRESS",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for DaemonStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire structure `DaemonSummary`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DaemonSummary {
    #[serde(rename = "daemonArn", default, skip_serializing_if = "Option::is_none")]
    pub daemon_arn: Option<String>,
    #[serde(rename = "status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<DaemonStatus>,
    /// Timestamp: epoch seconds as a JSON number.
    #[serde(rename = "createdAt", default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<f64>,
    /// Timestamp: epoch seconds as a JSON number.
    #[serde(rename = "updatedAt", default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<f64>,
}

/// Wire structure `DaemonTaskDefinition`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DaemonTaskDefinition {
    #[serde(
        rename = "daemonTaskDefinitionArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub daemon_task_definition_arn: Option<String>,
    #[serde(rename = "family", default, skip_serializing_if = "Option::is_none")]
    pub family: Option<String>,
    #[serde(rename = "revision", default, skip_serializing_if = "Option::is_none")]
    pub revision: Option<i32>,
    #[serde(
        rename = "taskRoleArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub task_role_arn: Option<String>,
    #[serde(
        rename = "executionRoleArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub execution_role_arn: Option<String>,
    #[serde(
        rename = "containerDefinitions",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub container_definitions: Option<Vec<DaemonContainerDefinition>>,
    #[serde(rename = "volumes", default, skip_serializing_if = "Option::is_none")]
    pub volumes: Option<Vec<DaemonVolume>>,
    #[serde(rename = "cpu", default, skip_serializing_if = "Option::is_none")]
    pub cpu: Option<String>,
    #[serde(rename = "memory", default, skip_serializing_if = "Option::is_none")]
    pub memory: Option<String>,
    #[serde(rename = "status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<DaemonTaskDefinitionStatus>,
    /// Timestamp: epoch seconds as a JSON number.
    #[serde(
        rename = "registeredAt",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub registered_at: Option<f64>,
    /// Timestamp: epoch seconds as a JSON number.
    #[serde(
        rename = "deleteRequestedAt",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub delete_requested_at: Option<f64>,
    #[serde(
        rename = "registeredBy",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub registered_by: Option<String>,
    #[serde(rename = "pidMode", default, skip_serializing_if = "Option::is_none")]
    pub pid_mode: Option<DaemonPidMode>,
    #[serde(rename = "ipcMode", default, skip_serializing_if = "Option::is_none")]
    pub ipc_mode: Option<DaemonIpcMode>,
}

/// Wire enum `DaemonTaskDefinitionRevisionFilter`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum DaemonTaskDefinitionRevisionFilter {
    #[serde(rename = "LAST_REGISTERED")]
    LastRegistered,
}

impl DaemonTaskDefinitionRevisionFilter {
    /// Every value, in model order.
    pub const ALL: &'static [DaemonTaskDefinitionRevisionFilter] =
        &[DaemonTaskDefinitionRevisionFilter::LastRegistered];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            DaemonTaskDefinitionRevisionFilter::LastRegistered => "LAST_REGISTERED",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for DaemonTaskDefinitionRevisionFilter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire enum `DaemonTaskDefinitionStatus`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum DaemonTaskDefinitionStatus {
    #[serde(rename = "ACTIVE")]
    Active,
    #[serde(rename = "DELETE_IN_PROGRESS")]
    DeleteInProgress,
    #[serde(rename = "DELETED")]
    Deleted,
}

impl DaemonTaskDefinitionStatus {
    /// Every value, in model order.
    pub const ALL: &'static [DaemonTaskDefinitionStatus] = &[
        DaemonTaskDefinitionStatus::Active,
        DaemonTaskDefinitionStatus::DeleteInProgress,
        DaemonTaskDefinitionStatus::Deleted,
    ];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            DaemonTaskDefinitionStatus::Active => "ACTIVE",
            DaemonTaskDefinitionStatus::DeleteInProgress => "DELETE_IN_PROGRESS",
            DaemonTaskDefinitionStatus::Deleted => "DELETED",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for DaemonTaskDefinitionStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire enum `DaemonTaskDefinitionStatusFilter`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum DaemonTaskDefinitionStatusFilter {
    #[serde(rename = "ACTIVE")]
    Active,
    #[serde(rename = "DELETE_IN_PROGRESS")]
    DeleteInProgress,
    #[serde(rename = "ALL")]
    All,
}

impl DaemonTaskDefinitionStatusFilter {
    /// Every value, in model order.
    pub const ALL: &'static [DaemonTaskDefinitionStatusFilter] = &[
        DaemonTaskDefinitionStatusFilter::Active,
        DaemonTaskDefinitionStatusFilter::DeleteInProgress,
        DaemonTaskDefinitionStatusFilter::All,
    ];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            DaemonTaskDefinitionStatusFilter::Active => "ACTIVE",
            DaemonTaskDefinitionStatusFilter::DeleteInProgress => "DELETE_IN_PROGRESS",
            DaemonTaskDefinitionStatusFilter::All => "ALL",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for DaemonTaskDefinitionStatusFilter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire structure `DaemonTaskDefinitionSummary`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DaemonTaskDefinitionSummary {
    #[serde(rename = "arn", default, skip_serializing_if = "Option::is_none")]
    pub arn: Option<String>,
    /// Timestamp: epoch seconds as a JSON number.
    #[serde(
        rename = "registeredAt",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub registered_at: Option<f64>,
    #[serde(
        rename = "registeredBy",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub registered_by: Option<String>,
    /// Timestamp: epoch seconds as a JSON number.
    #[serde(
        rename = "deleteRequestedAt",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub delete_requested_at: Option<f64>,
    #[serde(rename = "status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<DaemonTaskDefinitionStatus>,
}

/// Wire structure `DaemonVolume`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DaemonVolume {
    #[serde(rename = "name", default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(rename = "host", default, skip_serializing_if = "Option::is_none")]
    pub host: Option<HostVolumeProperties>,
    #[serde(
        rename = "logDriverVolumeConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub log_driver_volume_configuration: Option<LogDriverVolumeConfiguration>,
}

/// Wire structure `DeleteAccountSettingRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DeleteAccountSettingRequest {
    #[serde(rename = "name")]
    pub name: SettingName,
    #[serde(
        rename = "principalArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub principal_arn: Option<String>,
}

/// Wire structure `DeleteAccountSettingResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DeleteAccountSettingResponse {
    #[serde(rename = "setting", default, skip_serializing_if = "Option::is_none")]
    pub setting: Option<Setting>,
}

/// Wire structure `DeleteAttributesRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DeleteAttributesRequest {
    #[serde(rename = "cluster", default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<String>,
    #[serde(rename = "attributes")]
    pub attributes: Vec<Attribute>,
}

/// Wire structure `DeleteAttributesResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DeleteAttributesResponse {
    #[serde(
        rename = "attributes",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub attributes: Option<Vec<Attribute>>,
}

/// Wire structure `DeleteCapacityProviderRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DeleteCapacityProviderRequest {
    #[serde(rename = "capacityProvider")]
    pub capacity_provider: String,
    #[serde(rename = "cluster", default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<String>,
}

/// Wire structure `DeleteCapacityProviderResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DeleteCapacityProviderResponse {
    #[serde(
        rename = "capacityProvider",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub capacity_provider: Option<CapacityProvider>,
}

/// Wire structure `DeleteClusterRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DeleteClusterRequest {
    #[serde(rename = "cluster")]
    pub cluster: String,
}

/// Wire structure `DeleteClusterResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DeleteClusterResponse {
    #[serde(rename = "cluster", default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<Cluster>,
}

/// Wire structure `DeleteDaemonRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DeleteDaemonRequest {
    #[serde(rename = "daemonArn")]
    pub daemon_arn: String,
}

/// Wire structure `DeleteDaemonResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DeleteDaemonResponse {
    #[serde(rename = "daemonArn", default, skip_serializing_if = "Option::is_none")]
    pub daemon_arn: Option<String>,
    #[serde(rename = "status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<DaemonStatus>,
    /// Timestamp: epoch seconds as a JSON number.
    #[serde(rename = "createdAt", default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<f64>,
    /// Timestamp: epoch seconds as a JSON number.
    #[serde(rename = "updatedAt", default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<f64>,
    #[serde(
        rename = "deploymentArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub deployment_arn: Option<String>,
}

/// Wire structure `DeleteDaemonTaskDefinitionRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DeleteDaemonTaskDefinitionRequest {
    #[serde(rename = "daemonTaskDefinition")]
    pub daemon_task_definition: String,
}

/// Wire structure `DeleteDaemonTaskDefinitionResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DeleteDaemonTaskDefinitionResponse {
    #[serde(
        rename = "daemonTaskDefinitionArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub daemon_task_definition_arn: Option<String>,
}

/// Wire structure `DeleteExpressGatewayServiceRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DeleteExpressGatewayServiceRequest {
    #[serde(rename = "serviceArn")]
    pub service_arn: String,
}

/// Wire structure `DeleteExpressGatewayServiceResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DeleteExpressGatewayServiceResponse {
    #[serde(rename = "service", default, skip_serializing_if = "Option::is_none")]
    pub service: Option<ECSExpressGatewayService>,
}

/// Wire structure `DeleteGatewayRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DeleteGatewayRequest {
    #[serde(rename = "gateway")]
    pub gateway: String,
}

/// Wire structure `DeleteGatewayResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DeleteGatewayResponse {
    #[serde(
        rename = "gatewayArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub gateway_arn: Option<String>,
    #[serde(rename = "name", default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(rename = "status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<GatewayStatus>,
}

/// Wire structure `DeleteServiceRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DeleteServiceRequest {
    #[serde(rename = "cluster", default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<String>,
    #[serde(rename = "service")]
    pub service: String,
    #[serde(rename = "force", default, skip_serializing_if = "Option::is_none")]
    pub force: Option<bool>,
}

/// Wire structure `DeleteServiceResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DeleteServiceResponse {
    #[serde(rename = "service", default, skip_serializing_if = "Option::is_none")]
    pub service: Option<Service>,
}

/// Wire structure `DeleteTaskDefinitionsRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DeleteTaskDefinitionsRequest {
    #[serde(rename = "taskDefinitions")]
    pub task_definitions: Vec<String>,
}

/// Wire structure `DeleteTaskDefinitionsResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DeleteTaskDefinitionsResponse {
    #[serde(
        rename = "taskDefinitions",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub task_definitions: Option<Vec<TaskDefinition>>,
    #[serde(rename = "failures", default, skip_serializing_if = "Option::is_none")]
    pub failures: Option<Vec<Failure>>,
}

/// Wire structure `DeleteTaskSetRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DeleteTaskSetRequest {
    #[serde(rename = "cluster")]
    pub cluster: String,
    #[serde(rename = "service")]
    pub service: String,
    #[serde(rename = "taskSet")]
    pub task_set: String,
    #[serde(rename = "force", default, skip_serializing_if = "Option::is_none")]
    pub force: Option<bool>,
}

/// Wire structure `DeleteTaskSetResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DeleteTaskSetResponse {
    #[serde(rename = "taskSet", default, skip_serializing_if = "Option::is_none")]
    pub task_set: Option<TaskSet>,
}

/// Wire structure `Deployment`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Deployment {
    #[serde(rename = "id", default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(rename = "status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    #[serde(
        rename = "taskDefinition",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub task_definition: Option<String>,
    #[serde(
        rename = "desiredCount",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub desired_count: Option<i32>,
    #[serde(
        rename = "pendingCount",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub pending_count: Option<i32>,
    #[serde(
        rename = "runningCount",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub running_count: Option<i32>,
    #[serde(
        rename = "failedTasks",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub failed_tasks: Option<i32>,
    /// Timestamp: epoch seconds as a JSON number.
    #[serde(rename = "createdAt", default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<f64>,
    /// Timestamp: epoch seconds as a JSON number.
    #[serde(rename = "updatedAt", default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<f64>,
    #[serde(
        rename = "capacityProviderStrategy",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub capacity_provider_strategy: Option<Vec<CapacityProviderStrategyItem>>,
    #[serde(
        rename = "launchType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub launch_type: Option<LaunchType>,
    #[serde(
        rename = "platformVersion",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub platform_version: Option<String>,
    #[serde(
        rename = "platformFamily",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub platform_family: Option<String>,
    #[serde(
        rename = "networkConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub network_configuration: Option<NetworkConfiguration>,
    #[serde(
        rename = "rolloutState",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub rollout_state: Option<DeploymentRolloutState>,
    #[serde(
        rename = "rolloutStateReason",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub rollout_state_reason: Option<String>,
    #[serde(
        rename = "serviceConnectConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub service_connect_configuration: Option<ServiceConnectConfiguration>,
    #[serde(
        rename = "serviceConnectResources",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub service_connect_resources: Option<Vec<ServiceConnectServiceResource>>,
    #[serde(
        rename = "volumeConfigurations",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub volume_configurations: Option<Vec<ServiceVolumeConfiguration>>,
    #[serde(
        rename = "fargateEphemeralStorage",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub fargate_ephemeral_storage: Option<DeploymentEphemeralStorage>,
    #[serde(
        rename = "vpcLatticeConfigurations",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub vpc_lattice_configurations: Option<Vec<VpcLatticeConfiguration>>,
}

/// Wire structure `DeploymentAlarms`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DeploymentAlarms {
    #[serde(rename = "alarmNames")]
    pub alarm_names: Vec<String>,
    #[serde(rename = "rollback")]
    pub rollback: bool,
    #[serde(rename = "enable")]
    pub enable: bool,
}

/// Wire structure `DeploymentCircuitBreaker`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DeploymentCircuitBreaker {
    #[serde(rename = "enable")]
    pub enable: bool,
    #[serde(rename = "rollback")]
    pub rollback: bool,
    #[serde(
        rename = "resetOnHealthyTask",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub reset_on_healthy_task: Option<bool>,
    #[serde(
        rename = "thresholdConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub threshold_configuration: Option<ThresholdConfiguration>,
}

/// Wire structure `DeploymentConfiguration`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DeploymentConfiguration {
    #[serde(
        rename = "deploymentCircuitBreaker",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub deployment_circuit_breaker: Option<DeploymentCircuitBreaker>,
    #[serde(
        rename = "maximumPercent",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub maximum_percent: Option<i32>,
    #[serde(
        rename = "minimumHealthyPercent",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub minimum_healthy_percent: Option<i32>,
    #[serde(rename = "alarms", default, skip_serializing_if = "Option::is_none")]
    pub alarms: Option<DeploymentAlarms>,
    #[serde(rename = "strategy", default, skip_serializing_if = "Option::is_none")]
    pub strategy: Option<DeploymentStrategy>,
    #[serde(
        rename = "bakeTimeInMinutes",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub bake_time_in_minutes: Option<i32>,
    #[serde(
        rename = "lifecycleHooks",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub lifecycle_hooks: Option<Vec<DeploymentLifecycleHook>>,
    #[serde(
        rename = "linearConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub linear_configuration: Option<LinearConfiguration>,
    #[serde(
        rename = "canaryConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub canary_configuration: Option<CanaryConfiguration>,
    #[serde(
        rename = "earlySuccessCriteria",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub early_success_criteria: Option<DeploymentEarlySuccessCriteria>,
}

/// Wire structure `DeploymentController`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DeploymentController {
    #[serde(rename = "type")]
    pub r#type: DeploymentControllerType,
}

/// Wire enum `DeploymentControllerType`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum DeploymentControllerType {
    #[serde(rename = "ECS")]
    Ecs,
    #[serde(rename = "CODE_DEPLOY")]
    CodeDeploy,
    #[serde(rename = "EXTERNAL")]
    External,
}

impl DeploymentControllerType {
    /// Every value, in model order.
    pub const ALL: &'static [DeploymentControllerType] = &[
        DeploymentControllerType::Ecs,
        DeploymentControllerType::CodeDeploy,
        DeploymentControllerType::External,
    ];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            DeploymentControllerType::Ecs => "ECS",
            DeploymentControllerType::CodeDeploy => "CODE_DEPLOY",
            DeploymentControllerType::External => "EXTERNAL",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for DeploymentControllerType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire structure `DeploymentEarlySuccessCriteria`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DeploymentEarlySuccessCriteria {
    #[serde(rename = "enable")]
    pub enable: bool,
    #[serde(
        rename = "healthyPercent",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub healthy_percent: Option<i32>,
    #[serde(
        rename = "sourceServiceRevisionCleanup",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub source_service_revision_cleanup: Option<ServiceRevisionCleanup>,
}

/// Wire structure `DeploymentEphemeralStorage`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DeploymentEphemeralStorage {
    #[serde(rename = "kmsKeyId", default, skip_serializing_if = "Option::is_none")]
    pub kms_key_id: Option<String>,
}

/// Wire structure `DeploymentLifecycleHook`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DeploymentLifecycleHook {
    #[serde(
        rename = "targetType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub target_type: Option<DeploymentLifecycleHookTargetType>,
    #[serde(
        rename = "hookTargetArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub hook_target_arn: Option<String>,
    #[serde(rename = "roleArn", default, skip_serializing_if = "Option::is_none")]
    pub role_arn: Option<String>,
    #[serde(
        rename = "lifecycleStages",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub lifecycle_stages: Option<Vec<DeploymentLifecycleHookStage>>,
    #[serde(
        rename = "hookDetails",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub hook_details: Option<serde_json::Value>,
    #[serde(
        rename = "timeoutConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub timeout_configuration: Option<DeploymentLifecycleHookTimeoutConfiguration>,
}

/// Wire enum `DeploymentLifecycleHookAction`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum DeploymentLifecycleHookAction {
    #[serde(rename = "ROLLBACK")]
    Rollback,
    #[serde(rename = "CONTINUE")]
    Continue,
}

impl DeploymentLifecycleHookAction {
    /// Every value, in model order.
    pub const ALL: &'static [DeploymentLifecycleHookAction] = &[
        DeploymentLifecycleHookAction::Rollback,
        DeploymentLifecycleHookAction::Continue,
    ];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            DeploymentLifecycleHookAction::Rollback => "ROLLBACK",
            DeploymentLifecycleHookAction::Continue => "CONTINUE",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for DeploymentLifecycleHookAction {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire structure `DeploymentLifecycleHookDetail`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DeploymentLifecycleHookDetail {
    #[serde(rename = "hookId", default, skip_serializing_if = "Option::is_none")]
    pub hook_id: Option<String>,
    #[serde(
        rename = "targetType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub target_type: Option<DeploymentLifecycleHookTargetType>,
    #[serde(rename = "targetArn", default, skip_serializing_if = "Option::is_none")]
    pub target_arn: Option<String>,
    #[serde(rename = "status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<DeploymentLifecycleHookStatus>,
    /// Timestamp: epoch seconds as a JSON number.
    #[serde(rename = "expiresAt", default, skip_serializing_if = "Option::is_none")]
    pub expires_at: Option<f64>,
    #[serde(
        rename = "timeoutAction",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub timeout_action: Option<DeploymentLifecycleHookAction>,
}

/// Wire enum `DeploymentLifecycleHookStage`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum DeploymentLifecycleHookStage {
    #[serde(rename = "RECONCILE_SERVICE")]
    ReconcileService,
    #[serde(rename = "PRE_SCALE_UP")]
    PreScaleUp,
    #[serde(rename = "POST_SCALE_UP")]
    PostScaleUp,
    #[serde(rename = "TEST_TRAFFIC_SHIFT")]
    TestTrafficShift,
    #[serde(rename = "POST_TEST_TRAFFIC_SHIFT")]
    PostTestTrafficShift,
    #[serde(rename = "PRE_PRODUCTION_TRAFFIC_SHIFT")]
    PreProductionTrafficShift,
    #[serde(rename = "PRODUCTION_TRAFFIC_SHIFT")]
    ProductionTrafficShift,
    #[serde(rename = "POST_PRODUCTION_TRAFFIC_SHIFT")]
    PostProductionTrafficShift,
}

impl DeploymentLifecycleHookStage {
    /// Every value, in model order.
    pub const ALL: &'static [DeploymentLifecycleHookStage] = &[
        DeploymentLifecycleHookStage::ReconcileService,
        DeploymentLifecycleHookStage::PreScaleUp,
        DeploymentLifecycleHookStage::PostScaleUp,
        DeploymentLifecycleHookStage::TestTrafficShift,
        DeploymentLifecycleHookStage::PostTestTrafficShift,
        DeploymentLifecycleHookStage::PreProductionTrafficShift,
        DeploymentLifecycleHookStage::ProductionTrafficShift,
        DeploymentLifecycleHookStage::PostProductionTrafficShift,
    ];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            DeploymentLifecycleHookStage::ReconcileService => "RECONCILE_SERVICE",
            DeploymentLifecycleHookStage::PreScaleUp => "PRE_SCALE_UP",
            DeploymentLifecycleHookStage::PostScaleUp => "POST_SCALE_UP",
            DeploymentLifecycleHookStage::TestTrafficShift => "TEST_TRAFFIC_SHIFT",
            DeploymentLifecycleHookStage::PostTestTrafficShift => "POST_TEST_TRAFFIC_SHIFT",
            DeploymentLifecycleHookStage::PreProductionTrafficShift => {
                "PRE_PRODUCTION_TRAFFIC_SHIFT"
            }
            DeploymentLifecycleHookStage::ProductionTrafficShift => "PRODUCTION_TRAFFIC_SHIFT",
            DeploymentLifecycleHookStage::PostProductionTrafficShift => {
                "POST_PRODUCTION_TRAFFIC_SHIFT"
            }
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for DeploymentLifecycleHookStage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire enum `DeploymentLifecycleHookStatus`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum DeploymentLifecycleHookStatus {
    #[serde(rename = "AWAITING_ACTION")]
    AwaitingAction,
    #[serde(rename = "IN_PROGRESS")]
    InProgress,
    #[serde(rename = "SUCCEEDED")]
    Succeeded,
    #[serde(rename = "FAILED")]
    Failed,
    #[serde(rename = "TIMED_OUT")]
    TimedOut,
}

impl DeploymentLifecycleHookStatus {
    /// Every value, in model order.
    pub const ALL: &'static [DeploymentLifecycleHookStatus] = &[
        DeploymentLifecycleHookStatus::AwaitingAction,
        DeploymentLifecycleHookStatus::InProgress,
        DeploymentLifecycleHookStatus::Succeeded,
        DeploymentLifecycleHookStatus::Failed,
        DeploymentLifecycleHookStatus::TimedOut,
    ];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            DeploymentLifecycleHookStatus::AwaitingAction => "AWAITING_ACTION",
            DeploymentLifecycleHookStatus::InProgress => "IN_PROGRESS",
            DeploymentLifecycleHookStatus::Succeeded => "SUCCEEDED",
            DeploymentLifecycleHookStatus::Failed => "FAILED",
            DeploymentLifecycleHookStatus::TimedOut => "TIMED_OUT",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for DeploymentLifecycleHookStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire enum `DeploymentLifecycleHookTargetType`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum DeploymentLifecycleHookTargetType {
    #[serde(rename = "AWS_LAMBDA")]
    AwsLambda,
    #[serde(rename = "PAUSE")]
    Pause,
}

impl DeploymentLifecycleHookTargetType {
    /// Every value, in model order.
    pub const ALL: &'static [DeploymentLifecycleHookTargetType] = &[
        DeploymentLifecycleHookTargetType::AwsLambda,
        DeploymentLifecycleHookTargetType::Pause,
    ];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            DeploymentLifecycleHookTargetType::AwsLambda => "AWS_LAMBDA",
            DeploymentLifecycleHookTargetType::Pause => "PAUSE",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for DeploymentLifecycleHookTargetType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire structure `DeploymentLifecycleHookTimeoutConfiguration`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DeploymentLifecycleHookTimeoutConfiguration {
    #[serde(
        rename = "timeoutInMinutes",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub timeout_in_minutes: Option<i32>,
    #[serde(rename = "action", default, skip_serializing_if = "Option::is_none")]
    pub action: Option<DeploymentLifecycleHookAction>,
}

/// Wire enum `DeploymentRolloutState`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum DeploymentRolloutState {
    #[serde(rename = "COMPLETED")]
    Completed,
    #[serde(rename = "FAILED")]
    Failed,
    #[serde(rename = "IN_PROGRESS")]
    InProgress,
}

impl DeploymentRolloutState {
    /// Every value, in model order.
    pub const ALL: &'static [DeploymentRolloutState] = &[
        DeploymentRolloutState::Completed,
        DeploymentRolloutState::Failed,
        DeploymentRolloutState::InProgress,
    ];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            DeploymentRolloutState::Completed => "COMPLETED",
            DeploymentRolloutState::Failed => "FAILED",
            DeploymentRolloutState::InProgress => "IN_PROGRESS",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for DeploymentRolloutState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire enum `DeploymentStrategy`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum DeploymentStrategy {
    #[serde(rename = "ROLLING")]
    Rolling,
    #[serde(rename = "BLUE_GREEN")]
    BlueGreen,
    #[serde(rename = "LINEAR")]
    Linear,
    #[serde(rename = "CANARY")]
    Canary,
}

impl DeploymentStrategy {
    /// Every value, in model order.
    pub const ALL: &'static [DeploymentStrategy] = &[
        DeploymentStrategy::Rolling,
        DeploymentStrategy::BlueGreen,
        DeploymentStrategy::Linear,
        DeploymentStrategy::Canary,
    ];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            DeploymentStrategy::Rolling => "ROLLING",
            DeploymentStrategy::BlueGreen => "BLUE_GREEN",
            DeploymentStrategy::Linear => "LINEAR",
            DeploymentStrategy::Canary => "CANARY",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for DeploymentStrategy {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire structure `DeregisterContainerInstanceRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DeregisterContainerInstanceRequest {
    #[serde(rename = "cluster", default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<String>,
    #[serde(rename = "containerInstance")]
    pub container_instance: String,
    #[serde(rename = "force", default, skip_serializing_if = "Option::is_none")]
    pub force: Option<bool>,
}

/// Wire structure `DeregisterContainerInstanceResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DeregisterContainerInstanceResponse {
    #[serde(
        rename = "containerInstance",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub container_instance: Option<ContainerInstance>,
}

/// Wire structure `DeregisterTaskDefinitionRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DeregisterTaskDefinitionRequest {
    #[serde(rename = "taskDefinition")]
    pub task_definition: String,
}

/// Wire structure `DeregisterTaskDefinitionResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DeregisterTaskDefinitionResponse {
    #[serde(
        rename = "taskDefinition",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub task_definition: Option<TaskDefinition>,
}

/// Wire structure `DescribeCapacityProvidersRequest`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DescribeCapacityProvidersRequest {
    #[serde(
        rename = "capacityProviders",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub capacity_providers: Option<Vec<String>>,
    #[serde(rename = "cluster", default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<String>,
    #[serde(rename = "include", default, skip_serializing_if = "Option::is_none")]
    pub include: Option<Vec<CapacityProviderField>>,
    #[serde(
        rename = "maxResults",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub max_results: Option<i32>,
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

/// Wire structure `DescribeCapacityProvidersResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DescribeCapacityProvidersResponse {
    #[serde(
        rename = "capacityProviders",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub capacity_providers: Option<Vec<CapacityProvider>>,
    #[serde(rename = "failures", default, skip_serializing_if = "Option::is_none")]
    pub failures: Option<Vec<Failure>>,
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

/// Wire structure `DescribeClustersRequest`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DescribeClustersRequest {
    #[serde(rename = "clusters", default, skip_serializing_if = "Option::is_none")]
    pub clusters: Option<Vec<String>>,
    #[serde(rename = "include", default, skip_serializing_if = "Option::is_none")]
    pub include: Option<Vec<ClusterField>>,
}

/// Wire structure `DescribeClustersResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DescribeClustersResponse {
    #[serde(rename = "clusters", default, skip_serializing_if = "Option::is_none")]
    pub clusters: Option<Vec<Cluster>>,
    #[serde(rename = "failures", default, skip_serializing_if = "Option::is_none")]
    pub failures: Option<Vec<Failure>>,
}

/// Wire structure `DescribeContainerInstancesRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DescribeContainerInstancesRequest {
    #[serde(rename = "cluster", default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<String>,
    #[serde(rename = "containerInstances")]
    pub container_instances: Vec<String>,
    #[serde(rename = "include", default, skip_serializing_if = "Option::is_none")]
    pub include: Option<Vec<ContainerInstanceField>>,
}

/// Wire structure `DescribeContainerInstancesResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DescribeContainerInstancesResponse {
    #[serde(
        rename = "containerInstances",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub container_instances: Option<Vec<ContainerInstance>>,
    #[serde(rename = "failures", default, skip_serializing_if = "Option::is_none")]
    pub failures: Option<Vec<Failure>>,
}

/// Wire structure `DescribeDaemonDeploymentsRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DescribeDaemonDeploymentsRequest {
    #[serde(rename = "daemonDeploymentArns")]
    pub daemon_deployment_arns: Vec<String>,
}

/// Wire structure `DescribeDaemonDeploymentsResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DescribeDaemonDeploymentsResponse {
    #[serde(rename = "failures", default, skip_serializing_if = "Option::is_none")]
    pub failures: Option<Vec<Failure>>,
    #[serde(
        rename = "daemonDeployments",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub daemon_deployments: Option<Vec<DaemonDeployment>>,
}

/// Wire structure `DescribeDaemonRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DescribeDaemonRequest {
    #[serde(rename = "daemonArn")]
    pub daemon_arn: String,
}

/// Wire structure `DescribeDaemonResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DescribeDaemonResponse {
    #[serde(rename = "daemon", default, skip_serializing_if = "Option::is_none")]
    pub daemon: Option<DaemonDetail>,
}

/// Wire structure `DescribeDaemonRevisionsRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DescribeDaemonRevisionsRequest {
    #[serde(rename = "daemonRevisionArns")]
    pub daemon_revision_arns: Vec<String>,
}

/// Wire structure `DescribeDaemonRevisionsResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DescribeDaemonRevisionsResponse {
    #[serde(
        rename = "daemonRevisions",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub daemon_revisions: Option<Vec<DaemonRevision>>,
    #[serde(rename = "failures", default, skip_serializing_if = "Option::is_none")]
    pub failures: Option<Vec<Failure>>,
}

/// Wire structure `DescribeDaemonTaskDefinitionRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DescribeDaemonTaskDefinitionRequest {
    #[serde(rename = "daemonTaskDefinition")]
    pub daemon_task_definition: String,
}

/// Wire structure `DescribeDaemonTaskDefinitionResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DescribeDaemonTaskDefinitionResponse {
    #[serde(
        rename = "daemonTaskDefinition",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub daemon_task_definition: Option<DaemonTaskDefinition>,
}

/// Wire structure `DescribeExpressGatewayServiceRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DescribeExpressGatewayServiceRequest {
    #[serde(rename = "serviceArn")]
    pub service_arn: String,
    #[serde(rename = "include", default, skip_serializing_if = "Option::is_none")]
    pub include: Option<Vec<ExpressGatewayServiceInclude>>,
}

/// Wire structure `DescribeExpressGatewayServiceResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DescribeExpressGatewayServiceResponse {
    #[serde(rename = "service", default, skip_serializing_if = "Option::is_none")]
    pub service: Option<ECSExpressGatewayService>,
}

/// Wire structure `DescribeGatewayAlbConfiguration`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DescribeGatewayAlbConfiguration {
    #[serde(
        rename = "networkConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub network_configuration: Option<GatewayElbNetworkConfiguration>,
    #[serde(rename = "scheme", default, skip_serializing_if = "Option::is_none")]
    pub scheme: Option<GatewayElbScheme>,
    #[serde(
        rename = "accessLogs",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub access_logs: Option<GatewayElbAccessLogConfiguration>,
    #[serde(rename = "webACLArn", default, skip_serializing_if = "Option::is_none")]
    pub web_acl_arn: Option<String>,
    #[serde(rename = "port", default, skip_serializing_if = "Option::is_none")]
    pub port: Option<i32>,
    #[serde(rename = "protocol", default, skip_serializing_if = "Option::is_none")]
    pub protocol: Option<GatewayAlbProtocol>,
    #[serde(
        rename = "maxAlbCount",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub max_alb_count: Option<i32>,
    #[serde(
        rename = "currentAlbCount",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub current_alb_count: Option<i32>,
    #[serde(
        rename = "httpDesync",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub http_desync: Option<GatewayAlbDesyncMitigationMode>,
    #[serde(
        rename = "testTrafficRules",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub test_traffic_rules: Option<GatewayAlbTestTrafficRules>,
}

/// Wire union (at most one member set) `DescribeGatewayConfiguration`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DescribeGatewayConfiguration {
    #[serde(
        rename = "hostSharedAlb",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub host_shared_alb: Option<DescribeGatewayAlbConfiguration>,
}

/// Wire structure `DescribeGatewayRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DescribeGatewayRequest {
    #[serde(rename = "gateway")]
    pub gateway: String,
}

/// Wire structure `DescribeGatewayResourcesRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DescribeGatewayResourcesRequest {
    #[serde(rename = "gateway")]
    pub gateway: String,
    #[serde(
        rename = "maxResults",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub max_results: Option<i32>,
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

/// Wire structure `DescribeGatewayResourcesResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DescribeGatewayResourcesResponse {
    #[serde(
        rename = "gatewayResources",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub gateway_resources: Option<GatewayResources>,
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

/// Wire structure `DescribeGatewayResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DescribeGatewayResponse {
    #[serde(rename = "gateway", default, skip_serializing_if = "Option::is_none")]
    pub gateway: Option<Gateway>,
}

/// Wire structure `DescribeGatewayRouteRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DescribeGatewayRouteRequest {
    #[serde(rename = "gatewayRouteArn")]
    pub gateway_route_arn: String,
}

/// Wire structure `DescribeGatewayRouteResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DescribeGatewayRouteResponse {
    #[serde(
        rename = "gatewayRoute",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub gateway_route: Option<GatewayRoute>,
}

/// Wire structure `DescribeServiceDeploymentsRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DescribeServiceDeploymentsRequest {
    #[serde(rename = "serviceDeploymentArns")]
    pub service_deployment_arns: Vec<String>,
}

/// Wire structure `DescribeServiceDeploymentsResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DescribeServiceDeploymentsResponse {
    #[serde(
        rename = "serviceDeployments",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub service_deployments: Option<Vec<ServiceDeployment>>,
    #[serde(rename = "failures", default, skip_serializing_if = "Option::is_none")]
    pub failures: Option<Vec<Failure>>,
}

/// Wire structure `DescribeServiceRevisionsRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DescribeServiceRevisionsRequest {
    #[serde(rename = "serviceRevisionArns")]
    pub service_revision_arns: Vec<String>,
}

/// Wire structure `DescribeServiceRevisionsResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DescribeServiceRevisionsResponse {
    #[serde(
        rename = "serviceRevisions",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub service_revisions: Option<Vec<ServiceRevision>>,
    #[serde(rename = "failures", default, skip_serializing_if = "Option::is_none")]
    pub failures: Option<Vec<Failure>>,
}

/// Wire structure `DescribeServicesRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DescribeServicesRequest {
    #[serde(rename = "cluster", default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<String>,
    #[serde(rename = "services")]
    pub services: Vec<String>,
    #[serde(rename = "include", default, skip_serializing_if = "Option::is_none")]
    pub include: Option<Vec<ServiceField>>,
}

/// Wire structure `DescribeServicesResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DescribeServicesResponse {
    #[serde(rename = "services", default, skip_serializing_if = "Option::is_none")]
    pub services: Option<Vec<Service>>,
    #[serde(rename = "failures", default, skip_serializing_if = "Option::is_none")]
    pub failures: Option<Vec<Failure>>,
}

/// Wire structure `DescribeTaskDefinitionRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DescribeTaskDefinitionRequest {
    #[serde(rename = "taskDefinition")]
    pub task_definition: String,
    #[serde(rename = "include", default, skip_serializing_if = "Option::is_none")]
    pub include: Option<Vec<TaskDefinitionField>>,
}

/// Wire structure `DescribeTaskDefinitionResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DescribeTaskDefinitionResponse {
    #[serde(
        rename = "taskDefinition",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub task_definition: Option<TaskDefinition>,
    #[serde(rename = "tags", default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<Tag>>,
}

/// Wire structure `DescribeTaskSetsRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DescribeTaskSetsRequest {
    #[serde(rename = "cluster")]
    pub cluster: String,
    #[serde(rename = "service")]
    pub service: String,
    #[serde(rename = "taskSets", default, skip_serializing_if = "Option::is_none")]
    pub task_sets: Option<Vec<String>>,
    #[serde(rename = "include", default, skip_serializing_if = "Option::is_none")]
    pub include: Option<Vec<TaskSetField>>,
}

/// Wire structure `DescribeTaskSetsResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DescribeTaskSetsResponse {
    #[serde(rename = "taskSets", default, skip_serializing_if = "Option::is_none")]
    pub task_sets: Option<Vec<TaskSet>>,
    #[serde(rename = "failures", default, skip_serializing_if = "Option::is_none")]
    pub failures: Option<Vec<Failure>>,
}

/// Wire structure `DescribeTasksRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DescribeTasksRequest {
    #[serde(rename = "cluster", default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<String>,
    #[serde(rename = "tasks")]
    pub tasks: Vec<String>,
    #[serde(rename = "include", default, skip_serializing_if = "Option::is_none")]
    pub include: Option<Vec<TaskField>>,
}

/// Wire structure `DescribeTasksResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DescribeTasksResponse {
    #[serde(rename = "tasks", default, skip_serializing_if = "Option::is_none")]
    pub tasks: Option<Vec<Task>>,
    #[serde(rename = "failures", default, skip_serializing_if = "Option::is_none")]
    pub failures: Option<Vec<Failure>>,
}

/// Wire enum `DesiredStatus`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum DesiredStatus {
    #[serde(rename = "RUNNING")]
    Running,
    #[serde(rename = "PENDING")]
    Pending,
    #[serde(rename = "STOPPED")]
    Stopped,
}

impl DesiredStatus {
    /// Every value, in model order.
    pub const ALL: &'static [DesiredStatus] = &[
        DesiredStatus::Running,
        DesiredStatus::Pending,
        DesiredStatus::Stopped,
    ];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            DesiredStatus::Running => "RUNNING",
            DesiredStatus::Pending => "PENDING",
            DesiredStatus::Stopped => "STOPPED",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for DesiredStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire structure `Device`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Device {
    #[serde(rename = "hostPath")]
    pub host_path: String,
    #[serde(
        rename = "containerPath",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub container_path: Option<String>,
    #[serde(
        rename = "permissions",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub permissions: Option<Vec<DeviceCgroupPermission>>,
}

/// Wire enum `DeviceCgroupPermission`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum DeviceCgroupPermission {
    #[serde(rename = "read")]
    Read,
    #[serde(rename = "write")]
    Write,
    #[serde(rename = "mknod")]
    Mknod,
}

impl DeviceCgroupPermission {
    /// Every value, in model order.
    pub const ALL: &'static [DeviceCgroupPermission] = &[
        DeviceCgroupPermission::Read,
        DeviceCgroupPermission::Write,
        DeviceCgroupPermission::Mknod,
    ];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            DeviceCgroupPermission::Read => "read",
            DeviceCgroupPermission::Write => "write",
            DeviceCgroupPermission::Mknod => "mknod",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for DeviceCgroupPermission {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire structure `DisassociateGatewayFromClusterRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DisassociateGatewayFromClusterRequest {
    #[serde(rename = "gateway")]
    pub gateway: String,
    #[serde(rename = "cluster")]
    pub cluster: String,
}

/// Wire structure `DisassociateGatewayFromClusterResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DisassociateGatewayFromClusterResponse {
    #[serde(
        rename = "gatewayArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub gateway_arn: Option<String>,
    #[serde(
        rename = "clusterArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub cluster_arn: Option<String>,
    #[serde(rename = "status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<GatewayClusterAssociationStatus>,
}

/// Wire structure `DiscoverPollEndpointRequest`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DiscoverPollEndpointRequest {
    #[serde(
        rename = "containerInstance",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub container_instance: Option<String>,
    #[serde(rename = "cluster", default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<String>,
}

/// Wire structure `DiscoverPollEndpointResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DiscoverPollEndpointResponse {
    #[serde(rename = "endpoint", default, skip_serializing_if = "Option::is_none")]
    pub endpoint: Option<String>,
    #[serde(
        rename = "telemetryEndpoint",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub telemetry_endpoint: Option<String>,
    #[serde(
        rename = "serviceConnectEndpoint",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub service_connect_endpoint: Option<String>,
}

/// Wire structure `DockerVolumeConfiguration`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DockerVolumeConfiguration {
    #[serde(rename = "scope", default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<Scope>,
    #[serde(
        rename = "autoprovision",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub autoprovision: Option<bool>,
    #[serde(rename = "driver", default, skip_serializing_if = "Option::is_none")]
    pub driver: Option<String>,
    #[serde(
        rename = "driverOpts",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub driver_opts: Option<BTreeMap<String, String>>,
    #[serde(rename = "labels", default, skip_serializing_if = "Option::is_none")]
    pub labels: Option<BTreeMap<String, String>>,
}

/// Wire enum `EBSResourceType`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum EBSResourceType {
    #[serde(rename = "volume")]
    Volume,
}

impl EBSResourceType {
    /// Every value, in model order.
    pub const ALL: &'static [EBSResourceType] = &[EBSResourceType::Volume];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            EBSResourceType::Volume => "volume",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for EBSResourceType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire structure `EBSTagSpecification`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EBSTagSpecification {
    #[serde(rename = "resourceType")]
    pub resource_type: EBSResourceType,
    #[serde(rename = "tags", default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<Tag>>,
    #[serde(
        rename = "propagateTags",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub propagate_tags: Option<PropagateTags>,
}

/// Wire structure `ECSExpressGatewayService`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ECSExpressGatewayService {
    #[serde(rename = "cluster", default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<String>,
    #[serde(
        rename = "serviceName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub service_name: Option<String>,
    #[serde(
        rename = "serviceArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub service_arn: Option<String>,
    #[serde(
        rename = "infrastructureRoleArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub infrastructure_role_arn: Option<String>,
    #[serde(rename = "status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<ExpressGatewayServiceStatus>,
    #[serde(
        rename = "currentDeployment",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub current_deployment: Option<String>,
    #[serde(
        rename = "activeConfigurations",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub active_configurations: Option<Vec<ExpressGatewayServiceConfiguration>>,
    #[serde(rename = "tags", default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<Tag>>,
    /// Timestamp: epoch seconds as a JSON number.
    #[serde(rename = "createdAt", default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<f64>,
    /// Timestamp: epoch seconds as a JSON number.
    #[serde(rename = "updatedAt", default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<f64>,
}

/// Wire structure `ECSManagedResources`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ECSManagedResources {
    #[serde(
        rename = "ingressPaths",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub ingress_paths: Option<Vec<ManagedIngressPath>>,
    #[serde(
        rename = "autoScaling",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub auto_scaling: Option<ManagedAutoScaling>,
    #[serde(
        rename = "metricAlarms",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub metric_alarms: Option<Vec<ManagedMetricAlarm>>,
    #[serde(
        rename = "serviceSecurityGroups",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub service_security_groups: Option<Vec<ManagedSecurityGroup>>,
    #[serde(rename = "logGroups", default, skip_serializing_if = "Option::is_none")]
    pub log_groups: Option<Vec<ManagedLogGroup>>,
    #[serde(
        rename = "gatewayConnections",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub gateway_connections: Option<Vec<GatewayConnection>>,
}

/// Wire structure `EFSAuthorizationConfig`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct EFSAuthorizationConfig {
    #[serde(
        rename = "accessPointId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub access_point_id: Option<String>,
    #[serde(rename = "iam", default, skip_serializing_if = "Option::is_none")]
    pub iam: Option<EFSAuthorizationConfigIAM>,
}

/// Wire enum `EFSAuthorizationConfigIAM`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum EFSAuthorizationConfigIAM {
    #[serde(rename = "ENABLED")]
    Enabled,
    #[serde(rename = "DISABLED")]
    Disabled,
}

impl EFSAuthorizationConfigIAM {
    /// Every value, in model order.
    pub const ALL: &'static [EFSAuthorizationConfigIAM] = &[
        EFSAuthorizationConfigIAM::Enabled,
        EFSAuthorizationConfigIAM::Disabled,
    ];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            EFSAuthorizationConfigIAM::Enabled => "ENABLED",
            EFSAuthorizationConfigIAM::Disabled => "DISABLED",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for EFSAuthorizationConfigIAM {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire enum `EFSTransitEncryption`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum EFSTransitEncryption {
    #[serde(rename = "ENABLED")]
    Enabled,
    #[serde(rename = "DISABLED")]
    Disabled,
}

impl EFSTransitEncryption {
    /// Every value, in model order.
    pub const ALL: &'static [EFSTransitEncryption] = &[
        EFSTransitEncryption::Enabled,
        EFSTransitEncryption::Disabled,
    ];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            EFSTransitEncryption::Enabled => "ENABLED",
            EFSTransitEncryption::Disabled => "DISABLED",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for EFSTransitEncryption {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire structure `EFSVolumeConfiguration`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EFSVolumeConfiguration {
    #[serde(rename = "fileSystemId")]
    pub file_system_id: String,
    #[serde(
        rename = "rootDirectory",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub root_directory: Option<String>,
    #[serde(
        rename = "transitEncryption",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub transit_encryption: Option<EFSTransitEncryption>,
    #[serde(
        rename = "transitEncryptionPort",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub transit_encryption_port: Option<i32>,
    #[serde(
        rename = "authorizationConfig",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub authorization_config: Option<EFSAuthorizationConfig>,
}

/// Wire structure `ElbGatewayResources`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ElbGatewayResources {
    #[serde(
        rename = "loadBalancerArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub load_balancer_arn: Option<String>,
    #[serde(
        rename = "listenerArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub listener_arn: Option<String>,
    #[serde(
        rename = "securityGroup",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub security_group: Option<String>,
    #[serde(
        rename = "gatewayRouteArns",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub gateway_route_arns: Option<Vec<String>>,
}

/// Wire structure `EnvironmentFile`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EnvironmentFile {
    #[serde(rename = "value")]
    pub value: String,
    #[serde(rename = "type")]
    pub r#type: EnvironmentFileType,
}

/// Wire enum `EnvironmentFileType`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum EnvironmentFileType {
    #[serde(rename = "s3")]
    S3,
}

impl EnvironmentFileType {
    /// Every value, in model order.
    pub const ALL: &'static [EnvironmentFileType] = &[EnvironmentFileType::S3];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            EnvironmentFileType::S3 => "s3",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for EnvironmentFileType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire structure `EphemeralStorage`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EphemeralStorage {
    #[serde(rename = "sizeInGiB")]
    pub size_in_gi_b: i32,
}

/// Wire structure `ExecuteCommandConfiguration`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ExecuteCommandConfiguration {
    #[serde(rename = "kmsKeyId", default, skip_serializing_if = "Option::is_none")]
    pub kms_key_id: Option<String>,
    #[serde(rename = "logging", default, skip_serializing_if = "Option::is_none")]
    pub logging: Option<ExecuteCommandLogging>,
    #[serde(
        rename = "logConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub log_configuration: Option<ExecuteCommandLogConfiguration>,
}

/// Wire structure `ExecuteCommandLogConfiguration`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ExecuteCommandLogConfiguration {
    #[serde(
        rename = "cloudWatchLogGroupName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub cloud_watch_log_group_name: Option<String>,
    #[serde(
        rename = "cloudWatchEncryptionEnabled",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub cloud_watch_encryption_enabled: Option<bool>,
    #[serde(
        rename = "s3BucketName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub s3_bucket_name: Option<String>,
    #[serde(
        rename = "s3EncryptionEnabled",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub s3_encryption_enabled: Option<bool>,
    #[serde(
        rename = "s3KeyPrefix",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub s3_key_prefix: Option<String>,
}

/// Wire enum `ExecuteCommandLogging`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ExecuteCommandLogging {
    #[serde(rename = "NONE")]
    None,
    #[serde(rename = "DEFAULT")]
    Default,
    #[serde(rename = "OVERRIDE")]
    Override,
}

impl ExecuteCommandLogging {
    /// Every value, in model order.
    pub const ALL: &'static [ExecuteCommandLogging] = &[
        ExecuteCommandLogging::None,
        ExecuteCommandLogging::Default,
        ExecuteCommandLogging::Override,
    ];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            ExecuteCommandLogging::None => "NONE",
            ExecuteCommandLogging::Default => "DEFAULT",
            ExecuteCommandLogging::Override => "OVERRIDE",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for ExecuteCommandLogging {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire structure `ExecuteCommandRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExecuteCommandRequest {
    #[serde(rename = "cluster", default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<String>,
    #[serde(rename = "container", default, skip_serializing_if = "Option::is_none")]
    pub container: Option<String>,
    #[serde(rename = "command")]
    pub command: String,
    #[serde(rename = "interactive")]
    pub interactive: bool,
    #[serde(rename = "task")]
    pub task: String,
}

/// Wire structure `ExecuteCommandResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ExecuteCommandResponse {
    #[serde(
        rename = "clusterArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub cluster_arn: Option<String>,
    #[serde(
        rename = "containerArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub container_arn: Option<String>,
    #[serde(
        rename = "containerName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub container_name: Option<String>,
    #[serde(
        rename = "interactive",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub interactive: Option<bool>,
    #[serde(rename = "session", default, skip_serializing_if = "Option::is_none")]
    pub session: Option<Session>,
    #[serde(rename = "taskArn", default, skip_serializing_if = "Option::is_none")]
    pub task_arn: Option<String>,
}

/// Wire enum `ExpressCpuArchitecture`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ExpressCpuArchitecture {
    #[serde(rename = "X86_64")]
    X8664,
    #[serde(rename = "ARM64")]
    Arm64,
}

impl ExpressCpuArchitecture {
    /// Every value, in model order.
    pub const ALL: &'static [ExpressCpuArchitecture] =
        &[ExpressCpuArchitecture::X8664, ExpressCpuArchitecture::Arm64];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            ExpressCpuArchitecture::X8664 => "X86_64",
            ExpressCpuArchitecture::Arm64 => "ARM64",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for ExpressCpuArchitecture {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire structure `ExpressGatewayContainer`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExpressGatewayContainer {
    #[serde(rename = "image")]
    pub image: String,
    #[serde(
        rename = "containerPort",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub container_port: Option<i32>,
    #[serde(
        rename = "awsLogsConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub aws_logs_configuration: Option<ExpressGatewayServiceAwsLogsConfiguration>,
    #[serde(
        rename = "repositoryCredentials",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub repository_credentials: Option<ExpressGatewayRepositoryCredentials>,
    #[serde(rename = "command", default, skip_serializing_if = "Option::is_none")]
    pub command: Option<Vec<String>>,
    #[serde(
        rename = "environment",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub environment: Option<Vec<KeyValuePair>>,
    #[serde(rename = "secrets", default, skip_serializing_if = "Option::is_none")]
    pub secrets: Option<Vec<Secret>>,
}

/// Wire structure `ExpressGatewayRepositoryCredentials`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ExpressGatewayRepositoryCredentials {
    #[serde(
        rename = "credentialsParameter",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub credentials_parameter: Option<String>,
}

/// Wire structure `ExpressGatewayScalingTarget`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ExpressGatewayScalingTarget {
    #[serde(
        rename = "minTaskCount",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub min_task_count: Option<i32>,
    #[serde(
        rename = "maxTaskCount",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub max_task_count: Option<i32>,
    #[serde(
        rename = "autoScalingMetric",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub auto_scaling_metric: Option<ExpressGatewayServiceScalingMetric>,
    #[serde(
        rename = "autoScalingTargetValue",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub auto_scaling_target_value: Option<i32>,
}

/// Wire structure `ExpressGatewayServiceAwsLogsConfiguration`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExpressGatewayServiceAwsLogsConfiguration {
    #[serde(rename = "logGroup")]
    pub log_group: String,
    #[serde(rename = "logStreamPrefix")]
    pub log_stream_prefix: String,
}

/// Wire structure `ExpressGatewayServiceConfiguration`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ExpressGatewayServiceConfiguration {
    #[serde(
        rename = "serviceRevisionArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub service_revision_arn: Option<String>,
    #[serde(
        rename = "executionRoleArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub execution_role_arn: Option<String>,
    #[serde(
        rename = "taskRoleArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub task_role_arn: Option<String>,
    #[serde(
        rename = "taskDefinitionArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub task_definition_arn: Option<String>,
    #[serde(rename = "cpu", default, skip_serializing_if = "Option::is_none")]
    pub cpu: Option<String>,
    #[serde(rename = "memory", default, skip_serializing_if = "Option::is_none")]
    pub memory: Option<String>,
    #[serde(
        rename = "cpuArchitecture",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub cpu_architecture: Option<ExpressCpuArchitecture>,
    #[serde(
        rename = "networkConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub network_configuration: Option<ExpressGatewayServiceNetworkConfiguration>,
    #[serde(
        rename = "healthCheckPath",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub health_check_path: Option<String>,
    #[serde(
        rename = "primaryContainer",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub primary_container: Option<ExpressGatewayContainer>,
    #[serde(
        rename = "scalingTarget",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub scaling_target: Option<ExpressGatewayScalingTarget>,
    #[serde(
        rename = "ingressPaths",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub ingress_paths: Option<Vec<IngressPathSummary>>,
    /// Timestamp: epoch seconds as a JSON number.
    #[serde(rename = "createdAt", default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<f64>,
}

/// Wire enum `ExpressGatewayServiceInclude`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ExpressGatewayServiceInclude {
    #[serde(rename = "TAGS")]
    Tags,
}

impl ExpressGatewayServiceInclude {
    /// Every value, in model order.
    pub const ALL: &'static [ExpressGatewayServiceInclude] = &[ExpressGatewayServiceInclude::Tags];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            ExpressGatewayServiceInclude::Tags => "TAGS",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for ExpressGatewayServiceInclude {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire structure `ExpressGatewayServiceNetworkConfiguration`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ExpressGatewayServiceNetworkConfiguration {
    #[serde(
        rename = "securityGroups",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub security_groups: Option<Vec<String>>,
    #[serde(rename = "subnets", default, skip_serializing_if = "Option::is_none")]
    pub subnets: Option<Vec<String>>,
}

/// Wire enum `ExpressGatewayServiceScalingMetric`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ExpressGatewayServiceScalingMetric {
    #[serde(rename = "AVERAGE_CPU")]
    AverageCpu,
    #[serde(rename = "AVERAGE_MEMORY")]
    AverageMemory,
    #[serde(rename = "REQUEST_COUNT_PER_TARGET")]
    RequestCountPerTarget,
}

impl ExpressGatewayServiceScalingMetric {
    /// Every value, in model order.
    pub const ALL: &'static [ExpressGatewayServiceScalingMetric] = &[
        ExpressGatewayServiceScalingMetric::AverageCpu,
        ExpressGatewayServiceScalingMetric::AverageMemory,
        ExpressGatewayServiceScalingMetric::RequestCountPerTarget,
    ];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            ExpressGatewayServiceScalingMetric::AverageCpu => "AVERAGE_CPU",
            ExpressGatewayServiceScalingMetric::AverageMemory => "AVERAGE_MEMORY",
            ExpressGatewayServiceScalingMetric::RequestCountPerTarget => "REQUEST_COUNT_PER_TARGET",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for ExpressGatewayServiceScalingMetric {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire structure `ExpressGatewayServiceStatus`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ExpressGatewayServiceStatus {
    #[serde(
        rename = "statusCode",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub status_code: Option<ExpressGatewayServiceStatusCode>,
    #[serde(
        rename = "statusReason",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub status_reason: Option<String>,
}

/// Wire enum `ExpressGatewayServiceStatusCode`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ExpressGatewayServiceStatusCode {
    #[serde(rename = "ACTIVE")]
    Active,
    #[serde(rename = "DRAINING")]
    Draining,
    #[serde(rename = "INACTIVE")]
    Inactive,
}

impl ExpressGatewayServiceStatusCode {
    /// Every value, in model order.
    pub const ALL: &'static [ExpressGatewayServiceStatusCode] = &[
        ExpressGatewayServiceStatusCode::Active,
        ExpressGatewayServiceStatusCode::Draining,
        ExpressGatewayServiceStatusCode::Inactive,
    ];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            ExpressGatewayServiceStatusCode::Active => "ACTIVE",
            ExpressGatewayServiceStatusCode::Draining => "DRAINING",
            ExpressGatewayServiceStatusCode::Inactive => "INACTIVE",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for ExpressGatewayServiceStatusCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire structure `FSxWindowsFileServerAuthorizationConfig`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FSxWindowsFileServerAuthorizationConfig {
    #[serde(rename = "credentialsParameter")]
    pub credentials_parameter: String,
    #[serde(rename = "domain")]
    pub domain: String,
}

/// Wire structure `FSxWindowsFileServerVolumeConfiguration`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FSxWindowsFileServerVolumeConfiguration {
    #[serde(rename = "fileSystemId")]
    pub file_system_id: String,
    #[serde(rename = "rootDirectory")]
    pub root_directory: String,
    #[serde(rename = "authorizationConfig")]
    pub authorization_config: FSxWindowsFileServerAuthorizationConfig,
}

/// Wire structure `Failure`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Failure {
    #[serde(rename = "arn", default, skip_serializing_if = "Option::is_none")]
    pub arn: Option<String>,
    #[serde(rename = "reason", default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    #[serde(rename = "detail", default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
}

/// Wire structure `FirelensConfiguration`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FirelensConfiguration {
    #[serde(rename = "type")]
    pub r#type: FirelensConfigurationType,
    #[serde(rename = "options", default, skip_serializing_if = "Option::is_none")]
    pub options: Option<BTreeMap<String, String>>,
}

/// Wire enum `FirelensConfigurationType`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum FirelensConfigurationType {
    #[serde(rename = "fluentd")]
    Fluentd,
    #[serde(rename = "fluentbit")]
    Fluentbit,
}

impl FirelensConfigurationType {
    /// Every value, in model order.
    pub const ALL: &'static [FirelensConfigurationType] = &[
        FirelensConfigurationType::Fluentd,
        FirelensConfigurationType::Fluentbit,
    ];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            FirelensConfigurationType::Fluentd => "fluentd",
            FirelensConfigurationType::Fluentbit => "fluentbit",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for FirelensConfigurationType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire structure `Gateway`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Gateway {
    #[serde(
        rename = "gatewayArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub gateway_arn: Option<String>,
    #[serde(rename = "name", default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(rename = "status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<GatewayStatus>,
    #[serde(
        rename = "statusReason",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub status_reason: Option<String>,
    #[serde(rename = "failures", default, skip_serializing_if = "Option::is_none")]
    pub failures: Option<Vec<GatewayResourceFailure>>,
    #[serde(
        rename = "infrastructureRoleArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub infrastructure_role_arn: Option<String>,
    #[serde(
        rename = "deletionProtection",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub deletion_protection: Option<bool>,
    #[serde(
        rename = "configuration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub configuration: Option<DescribeGatewayConfiguration>,
    #[serde(
        rename = "accessType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub access_type: Option<AccessType>,
    #[serde(
        rename = "propagateTags",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub propagate_tags: Option<PropagateGatewayTags>,
    #[serde(rename = "tags", default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<Tag>>,
    /// Timestamp: epoch seconds as a JSON number.
    #[serde(rename = "createdAt", default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<f64>,
    /// Timestamp: epoch seconds as a JSON number.
    #[serde(rename = "updatedAt", default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<f64>,
}

/// Wire enum `GatewayAlbDesyncMitigationMode`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum GatewayAlbDesyncMitigationMode {
    #[serde(rename = "monitor")]
    Monitor,
    #[serde(rename = "defensive")]
    Defensive,
    #[serde(rename = "strictest")]
    Strictest,
}

impl GatewayAlbDesyncMitigationMode {
    /// Every value, in model order.
    pub const ALL: &'static [GatewayAlbDesyncMitigationMode] = &[
        GatewayAlbDesyncMitigationMode::Monitor,
        GatewayAlbDesyncMitigationMode::Defensive,
        GatewayAlbDesyncMitigationMode::Strictest,
    ];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            GatewayAlbDesyncMitigationMode::Monitor => "monitor",
            GatewayAlbDesyncMitigationMode::Defensive => "defensive",
            GatewayAlbDesyncMitigationMode::Strictest => "strictest",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for GatewayAlbDesyncMitigationMode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire enum `GatewayAlbProtocol`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum GatewayAlbProtocol {
    #[serde(rename = "HTTP")]
    Http,
    #[serde(rename = "HTTPS")]
    Https,
}

impl GatewayAlbProtocol {
    /// Every value, in model order.
    pub const ALL: &'static [GatewayAlbProtocol] =
        &[GatewayAlbProtocol::Http, GatewayAlbProtocol::Https];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            GatewayAlbProtocol::Http => "HTTP",
            GatewayAlbProtocol::Https => "HTTPS",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for GatewayAlbProtocol {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire structure `GatewayAlbTestTrafficRules`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GatewayAlbTestTrafficRules {
    #[serde(rename = "header", default, skip_serializing_if = "Option::is_none")]
    pub header: Option<GatewayTestTrafficHeader>,
}

/// Wire enum `GatewayClusterAssociationStatus`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum GatewayClusterAssociationStatus {
    #[serde(rename = "ACTIVE")]
    Active,
    #[serde(rename = "DISASSOCIATING")]
    Disassociating,
    #[serde(rename = "INACTIVE")]
    Inactive,
}

impl GatewayClusterAssociationStatus {
    /// Every value, in model order.
    pub const ALL: &'static [GatewayClusterAssociationStatus] = &[
        GatewayClusterAssociationStatus::Active,
        GatewayClusterAssociationStatus::Disassociating,
        GatewayClusterAssociationStatus::Inactive,
    ];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            GatewayClusterAssociationStatus::Active => "ACTIVE",
            GatewayClusterAssociationStatus::Disassociating => "DISASSOCIATING",
            GatewayClusterAssociationStatus::Inactive => "INACTIVE",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for GatewayClusterAssociationStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire structure `GatewayClusterAssociationSummary`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GatewayClusterAssociationSummary {
    #[serde(
        rename = "gatewayArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub gateway_arn: Option<String>,
    #[serde(
        rename = "clusterArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub cluster_arn: Option<String>,
    #[serde(rename = "status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<GatewayClusterAssociationStatus>,
}

/// Wire union (at most one member set) `GatewayConfiguration`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GatewayConfiguration {
    #[serde(
        rename = "hostSharedAlb",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub host_shared_alb: Option<HostSharedAlbConfiguration>,
}

/// Wire structure `GatewayConnection`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GatewayConnection {
    #[serde(
        rename = "gatewayArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub gateway_arn: Option<String>,
    #[serde(
        rename = "gatewayRouteArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub gateway_route_arn: Option<String>,
    #[serde(rename = "portName", default, skip_serializing_if = "Option::is_none")]
    pub port_name: Option<String>,
    #[serde(
        rename = "serviceUrl",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub service_url: Option<String>,
    #[serde(
        rename = "accessType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub access_type: Option<AccessType>,
    #[serde(rename = "status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<GatewayRouteStatus>,
    #[serde(rename = "resources", default, skip_serializing_if = "Option::is_none")]
    pub resources: Option<GatewayConnectionResources>,
}

/// Wire structure `GatewayConnectionAlbResources`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GatewayConnectionAlbResources {
    #[serde(
        rename = "acmCertificateArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub acm_certificate_arn: Option<String>,
    #[serde(
        rename = "loadBalancerArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub load_balancer_arn: Option<String>,
    #[serde(
        rename = "loadBalancerSecurityGroupArns",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub load_balancer_security_group_arns: Option<Vec<String>>,
    #[serde(
        rename = "listenerArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub listener_arn: Option<String>,
    #[serde(
        rename = "listenerRuleArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub listener_rule_arn: Option<String>,
    #[serde(
        rename = "testListenerRuleArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub test_listener_rule_arn: Option<String>,
    #[serde(
        rename = "targetGroupArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub target_group_arn: Option<String>,
    #[serde(
        rename = "alternateTargetGroupArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub alternate_target_group_arn: Option<String>,
}

/// Wire union (at most one member set) `GatewayConnectionResources`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GatewayConnectionResources {
    #[serde(
        rename = "hostSharedAlb",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub host_shared_alb: Option<Vec<GatewayConnectionAlbResources>>,
}

/// Wire structure `GatewayConnector`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GatewayConnector {
    #[serde(rename = "portName")]
    pub port_name: String,
    #[serde(
        rename = "healthCheck",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub health_check: Option<GatewayConnectorHealthCheck>,
    #[serde(rename = "filters", default, skip_serializing_if = "Option::is_none")]
    pub filters: Option<GatewayConnectorFilters>,
    #[serde(
        rename = "deregistrationDelay",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub deregistration_delay: Option<GatewayConnectorDeregistrationDelay>,
}

/// Wire structure `GatewayConnectorDeregistrationDelay`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GatewayConnectorDeregistrationDelay {
    #[serde(
        rename = "timeoutSeconds",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub timeout_seconds: Option<i32>,
}

/// Wire structure `GatewayConnectorFilters`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GatewayConnectorFilters {
    #[serde(
        rename = "accessTypes",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub access_types: Option<Vec<AccessType>>,
}

/// Wire structure `GatewayConnectorHealthCheck`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GatewayConnectorHealthCheck {
    #[serde(
        rename = "healthCheckProtocol",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub health_check_protocol: Option<GatewayConnectorHealthCheckProtocol>,
    #[serde(
        rename = "healthCheckPort",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub health_check_port: Option<i32>,
    #[serde(
        rename = "healthCheckPath",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub health_check_path: Option<String>,
    #[serde(
        rename = "healthCheckTimeoutSeconds",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub health_check_timeout_seconds: Option<i32>,
    #[serde(
        rename = "healthCheckIntervalSeconds",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub health_check_interval_seconds: Option<i32>,
    #[serde(
        rename = "healthyThresholdCount",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub healthy_threshold_count: Option<i32>,
    #[serde(
        rename = "unhealthyThresholdCount",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub unhealthy_threshold_count: Option<i32>,
    #[serde(rename = "matcher", default, skip_serializing_if = "Option::is_none")]
    pub matcher: Option<GatewayConnectorHealthCheckMatcher>,
}

/// Wire structure `GatewayConnectorHealthCheckMatcher`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GatewayConnectorHealthCheckMatcher {
    #[serde(rename = "httpCode", default, skip_serializing_if = "Option::is_none")]
    pub http_code: Option<String>,
    #[serde(rename = "grpcCode", default, skip_serializing_if = "Option::is_none")]
    pub grpc_code: Option<String>,
}

/// Wire enum `GatewayConnectorHealthCheckProtocol`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum GatewayConnectorHealthCheckProtocol {
    #[serde(rename = "HTTP")]
    Http,
    #[serde(rename = "HTTPS")]
    Https,
}

impl GatewayConnectorHealthCheckProtocol {
    /// Every value, in model order.
    pub const ALL: &'static [GatewayConnectorHealthCheckProtocol] = &[
        GatewayConnectorHealthCheckProtocol::Http,
        GatewayConnectorHealthCheckProtocol::Https,
    ];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            GatewayConnectorHealthCheckProtocol::Http => "HTTP",
            GatewayConnectorHealthCheckProtocol::Https => "HTTPS",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for GatewayConnectorHealthCheckProtocol {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire structure `GatewayElbAccessLogConfiguration`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GatewayElbAccessLogConfiguration {
    #[serde(
        rename = "destination",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub destination: Option<GatewayElbAccessLogDestination>,
}

/// Wire union (at most one member set) `GatewayElbAccessLogDestination`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GatewayElbAccessLogDestination {
    #[serde(rename = "s3", default, skip_serializing_if = "Option::is_none")]
    pub s3: Option<GatewayElbAccessLogS3Destination>,
}

/// Wire structure `GatewayElbAccessLogS3Destination`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GatewayElbAccessLogS3Destination {
    #[serde(rename = "bucket")]
    pub bucket: String,
    #[serde(rename = "prefix", default, skip_serializing_if = "Option::is_none")]
    pub prefix: Option<String>,
}

/// Wire enum `GatewayElbIpAddressType`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum GatewayElbIpAddressType {
    #[serde(rename = "ipv4")]
    Ipv4,
    #[serde(rename = "dualstack")]
    Dualstack,
    #[serde(rename = "dualstack-without-public-ipv4")]
    DualstackWithoutPublicIpv4,
}

impl GatewayElbIpAddressType {
    /// Every value, in model order.
    pub const ALL: &'static [GatewayElbIpAddressType] = &[
        GatewayElbIpAddressType::Ipv4,
        GatewayElbIpAddressType::Dualstack,
        GatewayElbIpAddressType::DualstackWithoutPublicIpv4,
    ];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            GatewayElbIpAddressType::Ipv4 => "ipv4",
            GatewayElbIpAddressType::Dualstack => "dualstack",
            GatewayElbIpAddressType::DualstackWithoutPublicIpv4 => "dualstack-without-public-ipv4",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for GatewayElbIpAddressType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire structure `GatewayElbNetworkConfiguration`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GatewayElbNetworkConfiguration {
    #[serde(
        rename = "inboundSecurityGroup",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub inbound_security_group: Option<String>,
    #[serde(rename = "subnets", default, skip_serializing_if = "Option::is_none")]
    pub subnets: Option<Vec<String>>,
    #[serde(
        rename = "ipAddressType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub ip_address_type: Option<GatewayElbIpAddressType>,
}

/// Wire enum `GatewayElbScheme`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum GatewayElbScheme {
    #[serde(rename = "internet-facing")]
    InternetFacing,
    #[serde(rename = "internal")]
    Internal,
}

impl GatewayElbScheme {
    /// Every value, in model order.
    pub const ALL: &'static [GatewayElbScheme] =
        &[GatewayElbScheme::InternetFacing, GatewayElbScheme::Internal];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            GatewayElbScheme::InternetFacing => "internet-facing",
            GatewayElbScheme::Internal => "internal",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for GatewayElbScheme {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire union (at most one member set) `GatewayInfrastructureResources`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GatewayInfrastructureResources {
    #[serde(
        rename = "hostSharedAlb",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub host_shared_alb: Option<Vec<ElbGatewayResources>>,
}

/// Wire exception `GatewayNotFoundException`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GatewayNotFoundException {
    #[serde(rename = "message", default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

/// Wire structure `GatewayOperationError`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GatewayOperationError {
    #[serde(rename = "operation", default, skip_serializing_if = "Option::is_none")]
    pub operation: Option<String>,
    #[serde(rename = "code", default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    #[serde(rename = "message", default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

/// Wire structure `GatewayResourceFailure`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GatewayResourceFailure {
    #[serde(rename = "arn", default, skip_serializing_if = "Option::is_none")]
    pub arn: Option<String>,
    #[serde(rename = "errors", default, skip_serializing_if = "Option::is_none")]
    pub errors: Option<Vec<GatewayOperationError>>,
}

/// Wire structure `GatewayResources`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GatewayResources {
    #[serde(
        rename = "gatewayArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub gateway_arn: Option<String>,
    #[serde(rename = "resources", default, skip_serializing_if = "Option::is_none")]
    pub resources: Option<GatewayInfrastructureResources>,
}

/// Wire structure `GatewayRoute`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GatewayRoute {
    #[serde(
        rename = "gatewayRouteArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub gateway_route_arn: Option<String>,
    #[serde(
        rename = "serviceArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub service_arn: Option<String>,
    #[serde(
        rename = "serviceContainerPortName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub service_container_port_name: Option<String>,
    #[serde(rename = "status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<GatewayRouteStatus>,
    #[serde(
        rename = "serviceUrl",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub service_url: Option<String>,
    #[serde(rename = "resources", default, skip_serializing_if = "Option::is_none")]
    pub resources: Option<GatewayRouteResources>,
}

/// Wire structure `GatewayRouteAlbResources`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GatewayRouteAlbResources {
    #[serde(
        rename = "acmCertificateArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub acm_certificate_arn: Option<String>,
    #[serde(
        rename = "loadBalancerArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub load_balancer_arn: Option<String>,
    #[serde(
        rename = "listenerArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub listener_arn: Option<String>,
    #[serde(
        rename = "listenerRuleArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub listener_rule_arn: Option<String>,
    #[serde(
        rename = "testListenerRuleArns",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub test_listener_rule_arns: Option<Vec<String>>,
    #[serde(
        rename = "loadBalancerSecurityGroups",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub load_balancer_security_groups: Option<Vec<GatewayRouteLoadBalancerSecurityGroup>>,
    #[serde(
        rename = "serviceSecurityGroupArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub service_security_group_arn: Option<String>,
}

/// Wire structure `GatewayRouteLoadBalancerSecurityGroup`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GatewayRouteLoadBalancerSecurityGroup {
    #[serde(rename = "arn", default, skip_serializing_if = "Option::is_none")]
    pub arn: Option<String>,
    #[serde(rename = "ruleArns", default, skip_serializing_if = "Option::is_none")]
    pub rule_arns: Option<Vec<String>>,
}

/// Wire union (at most one member set) `GatewayRouteResources`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GatewayRouteResources {
    #[serde(
        rename = "hostSharedAlb",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub host_shared_alb: Option<Vec<GatewayRouteAlbResources>>,
}

/// Wire enum `GatewayRouteStatus`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum GatewayRouteStatus {
    #[serde(rename = "ACTIVE")]
    Active,
    #[serde(rename = "CREATE_IN_PROGRESS")]
    CreateInProgress,
    #[serde(rename = "CREATE_FAILED")]
    CreateFailed,
    #[serde(rename = "UPDATE_IN_PROGRESS")]
    UpdateInProgress,
    #[serde(rename = "UPDATE_FAILED")]
    UpdateFailed,
    #[serde(rename = "DELETE_IN_PROGRESS")]
    DeleteInProgress,
    #[serde(rename = "DELETE_FAILED")]
    DeleteFailed,
}

impl GatewayRouteStatus {
    /// Every value, in model order.
    pub const ALL: &'static [GatewayRouteStatus] = &[
        GatewayRouteStatus::Active,
        GatewayRouteStatus::CreateInProgress,
        GatewayRouteStatus::CreateFailed,
        GatewayRouteStatus::UpdateInProgress,
        GatewayRouteStatus::UpdateFailed,
        GatewayRouteStatus::DeleteInProgress,
        GatewayRouteStatus::DeleteFailed,
    ];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            GatewayRouteStatus::Active => "ACTIVE",
            GatewayRouteStatus::CreateInProgress => "CREATE_IN_PROGRESS",
            GatewayRouteStatus::CreateFailed => "CREATE_FAILED",
            GatewayRouteStatus::UpdateInProgress => "UPDATE_IN_PROGRESS",
            GatewayRouteStatus::UpdateFailed => "UPDATE_FAILED",
            GatewayRouteStatus::DeleteInProgress => "DELETE_IN_PROGRESS",
            GatewayRouteStatus::DeleteFailed => "DELETE_FAILED",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for GatewayRouteStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire structure `GatewayRouteSummary`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GatewayRouteSummary {
    #[serde(
        rename = "gatewayRouteArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub gateway_route_arn: Option<String>,
    #[serde(
        rename = "gatewayArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub gateway_arn: Option<String>,
    #[serde(
        rename = "clusterArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub cluster_arn: Option<String>,
    #[serde(
        rename = "serviceArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub service_arn: Option<String>,
    #[serde(
        rename = "serviceContainerPortName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub service_container_port_name: Option<String>,
    #[serde(rename = "status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<GatewayRouteStatus>,
}

/// Wire enum `GatewayStatus`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum GatewayStatus {
    #[serde(rename = "ACTIVE")]
    Active,
    #[serde(rename = "UPDATE_IN_PROGRESS")]
    UpdateInProgress,
    #[serde(rename = "UPDATE_COMPLETE")]
    UpdateComplete,
    #[serde(rename = "UPDATE_FAILED")]
    UpdateFailed,
    #[serde(rename = "DELETED")]
    Deleted,
}

impl GatewayStatus {
    /// Every value, in model order.
    pub const ALL: &'static [GatewayStatus] = &[
        GatewayStatus::Active,
        GatewayStatus::UpdateInProgress,
        GatewayStatus::UpdateComplete,
        GatewayStatus::UpdateFailed,
        GatewayStatus::Deleted,
    ];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            GatewayStatus::Active => "ACTIVE",
            GatewayStatus::UpdateInProgress => "UPDATE_IN_PROGRESS",
            GatewayStatus::UpdateComplete => "UPDATE_COMPLETE",
            GatewayStatus::UpdateFailed => "UPDATE_FAILED",
            GatewayStatus::Deleted => "DELETED",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for GatewayStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire structure `GatewaySummary`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GatewaySummary {
    #[serde(
        rename = "gatewayArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub gateway_arn: Option<String>,
    #[serde(rename = "name", default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(rename = "status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<GatewayStatus>,
    /// Timestamp: epoch seconds as a JSON number.
    #[serde(rename = "createdAt", default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<f64>,
}

/// Wire structure `GatewayTestTrafficHeader`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GatewayTestTrafficHeader {
    #[serde(rename = "name")]
    pub name: String,
    #[serde(rename = "values")]
    pub values: Vec<String>,
}

/// Wire structure `GetTaskProtectionRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GetTaskProtectionRequest {
    #[serde(rename = "cluster")]
    pub cluster: String,
    #[serde(rename = "tasks", default, skip_serializing_if = "Option::is_none")]
    pub tasks: Option<Vec<String>>,
}

/// Wire structure `GetTaskProtectionResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GetTaskProtectionResponse {
    #[serde(
        rename = "protectedTasks",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub protected_tasks: Option<Vec<ProtectedTask>>,
    #[serde(rename = "failures", default, skip_serializing_if = "Option::is_none")]
    pub failures: Option<Vec<Failure>>,
}

/// Wire structure `GpuDevice`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GpuDevice {
    #[serde(rename = "gpuId", default, skip_serializing_if = "Option::is_none")]
    pub gpu_id: Option<String>,
    #[serde(
        rename = "sharingMode",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub sharing_mode: Option<GpuSharingMode>,
    #[serde(
        rename = "totalMemoryInMiB",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub total_memory_in_mi_b: Option<i32>,
    #[serde(
        rename = "remainingMemoryInMiB",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub remaining_memory_in_mi_b: Option<i32>,
    #[serde(
        rename = "containerCount",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub container_count: Option<i32>,
}

/// Wire enum `GpuSharingMode`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum GpuSharingMode {
    #[serde(rename = "IDLE")]
    Idle,
    #[serde(rename = "NVIDIA_MPS")]
    NvidiaMps,
    #[serde(rename = "DEDICATED")]
    Dedicated,
}

impl GpuSharingMode {
    /// Every value, in model order.
    pub const ALL: &'static [GpuSharingMode] = &[
        GpuSharingMode::Idle,
        GpuSharingMode::NvidiaMps,
        GpuSharingMode::Dedicated,
    ];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            GpuSharingMode::Idle => "IDLE",
            GpuSharingMode::NvidiaMps => "NVIDIA_MPS",
            GpuSharingMode::Dedicated => "DEDICATED",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for GpuSharingMode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire structure `HealthCheck`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HealthCheck {
    #[serde(rename = "command")]
    pub command: Vec<String>,
    #[serde(rename = "interval", default, skip_serializing_if = "Option::is_none")]
    pub interval: Option<i32>,
    #[serde(rename = "timeout", default, skip_serializing_if = "Option::is_none")]
    pub timeout: Option<i32>,
    #[serde(rename = "retries", default, skip_serializing_if = "Option::is_none")]
    pub retries: Option<i32>,
    #[serde(
        rename = "startPeriod",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub start_period: Option<i32>,
}

/// Wire enum `HealthStatus`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum HealthStatus {
    #[serde(rename = "HEALTHY")]
    Healthy,
    #[serde(rename = "UNHEALTHY")]
    Unhealthy,
    #[serde(rename = "UNKNOWN")]
    Unknown,
}

impl HealthStatus {
    /// Every value, in model order.
    pub const ALL: &'static [HealthStatus] = &[
        HealthStatus::Healthy,
        HealthStatus::Unhealthy,
        HealthStatus::Unknown,
    ];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            HealthStatus::Healthy => "HEALTHY",
            HealthStatus::Unhealthy => "UNHEALTHY",
            HealthStatus::Unknown => "UNKNOWN",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for HealthStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire structure `HostEntry`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HostEntry {
    #[serde(rename = "hostname")]
    pub hostname: String,
    #[serde(rename = "ipAddress")]
    pub ip_address: String,
}

/// Wire structure `HostSharedAlbConfiguration`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct HostSharedAlbConfiguration {
    #[serde(
        rename = "networkConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub network_configuration: Option<GatewayElbNetworkConfiguration>,
    #[serde(rename = "scheme", default, skip_serializing_if = "Option::is_none")]
    pub scheme: Option<GatewayElbScheme>,
    #[serde(rename = "webACLArn", default, skip_serializing_if = "Option::is_none")]
    pub web_acl_arn: Option<String>,
    #[serde(
        rename = "accessLogs",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub access_logs: Option<GatewayElbAccessLogConfiguration>,
    #[serde(rename = "port", default, skip_serializing_if = "Option::is_none")]
    pub port: Option<i32>,
    #[serde(rename = "protocol", default, skip_serializing_if = "Option::is_none")]
    pub protocol: Option<GatewayAlbProtocol>,
    #[serde(
        rename = "maxAlbCount",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub max_alb_count: Option<i32>,
    #[serde(
        rename = "httpDesync",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub http_desync: Option<GatewayAlbDesyncMitigationMode>,
    #[serde(
        rename = "testTrafficRules",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub test_traffic_rules: Option<GatewayAlbTestTrafficRules>,
}

/// Wire structure `HostVolumeProperties`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct HostVolumeProperties {
    #[serde(
        rename = "sourcePath",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub source_path: Option<String>,
}

/// Wire structure `InferenceAccelerator`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InferenceAccelerator {
    #[serde(rename = "deviceName")]
    pub device_name: String,
    #[serde(rename = "deviceType")]
    pub device_type: String,
}

/// Wire structure `InferenceAcceleratorOverride`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct InferenceAcceleratorOverride {
    #[serde(
        rename = "deviceName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub device_name: Option<String>,
    #[serde(
        rename = "deviceType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub device_type: Option<String>,
}

/// Wire structure `InfrastructureOptimization`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct InfrastructureOptimization {
    #[serde(
        rename = "scaleInAfter",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub scale_in_after: Option<i32>,
}

/// Wire structure `IngressPathSummary`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IngressPathSummary {
    #[serde(rename = "accessType")]
    pub access_type: AccessType,
    #[serde(rename = "endpoint")]
    pub endpoint: String,
}

/// Wire enum `InstanceGeneration`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum InstanceGeneration {
    #[serde(rename = "current")]
    Current,
    #[serde(rename = "previous")]
    Previous,
}

impl InstanceGeneration {
    /// Every value, in model order.
    pub const ALL: &'static [InstanceGeneration] =
        &[InstanceGeneration::Current, InstanceGeneration::Previous];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            InstanceGeneration::Current => "current",
            InstanceGeneration::Previous => "previous",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for InstanceGeneration {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire structure `InstanceHealthCheckResult`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct InstanceHealthCheckResult {
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub r#type: Option<InstanceHealthCheckType>,
    #[serde(rename = "status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<InstanceHealthCheckState>,
    #[serde(
        rename = "statusReason",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub status_reason: Option<String>,
    /// Timestamp: epoch seconds as a JSON number.
    #[serde(
        rename = "lastUpdated",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub last_updated: Option<f64>,
    /// Timestamp: epoch seconds as a JSON number.
    #[serde(
        rename = "lastStatusChange",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub last_status_change: Option<f64>,
}

/// Wire enum `InstanceHealthCheckState`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum InstanceHealthCheckState {
    #[serde(rename = "OK")]
    Ok,
    #[serde(rename = "IMPAIRED")]
    Impaired,
    #[serde(rename = "INSUFFICIENT_DATA")]
    InsufficientData,
    #[serde(rename = "INITIALIZING")]
    Initializing,
}

impl InstanceHealthCheckState {
    /// Every value, in model order.
    pub const ALL: &'static [InstanceHealthCheckState] = &[
        InstanceHealthCheckState::Ok,
        InstanceHealthCheckState::Impaired,
        InstanceHealthCheckState::InsufficientData,
        InstanceHealthCheckState::Initializing,
    ];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            InstanceHealthCheckState::Ok => "OK",
            InstanceHealthCheckState::Impaired => "IMPAIRED",
            InstanceHealthCheckState::InsufficientData => "INSUFFICIENT_DATA",
            InstanceHealthCheckState::Initializing => "INITIALIZING",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for InstanceHealthCheckState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire enum `InstanceHealthCheckType`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum InstanceHealthCheckType {
    #[serde(rename = "CONTAINER_RUNTIME")]
    ContainerRuntime,
    #[serde(rename = "ACCELERATED_COMPUTE")]
    AcceleratedCompute,
    #[serde(rename = "DAEMON")]
    Daemon,
    #[serde(rename = "AGENT_CONNECTIVITY")]
    AgentConnectivity,
}

impl InstanceHealthCheckType {
    /// Every value, in model order.
    pub const ALL: &'static [InstanceHealthCheckType] = &[
        InstanceHealthCheckType::ContainerRuntime,
        InstanceHealthCheckType::AcceleratedCompute,
        InstanceHealthCheckType::Daemon,
        InstanceHealthCheckType::AgentConnectivity,
    ];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            InstanceHealthCheckType::ContainerRuntime => "CONTAINER_RUNTIME",
            InstanceHealthCheckType::AcceleratedCompute => "ACCELERATED_COMPUTE",
            InstanceHealthCheckType::Daemon => "DAEMON",
            InstanceHealthCheckType::AgentConnectivity => "AGENT_CONNECTIVITY",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for InstanceHealthCheckType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire structure `InstanceLaunchTemplate`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InstanceLaunchTemplate {
    #[serde(rename = "ec2InstanceProfileArn")]
    pub ec2_instance_profile_arn: String,
    #[serde(rename = "networkConfiguration")]
    pub network_configuration: ManagedInstancesNetworkConfiguration,
    #[serde(
        rename = "storageConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub storage_configuration: Option<ManagedInstancesStorageConfiguration>,
    #[serde(
        rename = "localStorageConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub local_storage_configuration: Option<ManagedInstancesLocalStorageConfiguration>,
    #[serde(
        rename = "monitoring",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub monitoring: Option<ManagedInstancesMonitoringOptions>,
    #[serde(
        rename = "capacityOptionType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub capacity_option_type: Option<CapacityOptionType>,
    #[serde(
        rename = "instanceMetadataTagsPropagation",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub instance_metadata_tags_propagation: Option<bool>,
    #[serde(
        rename = "instanceRequirements",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub instance_requirements: Option<InstanceRequirementsRequest>,
    #[serde(
        rename = "fipsEnabled",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub fips_enabled: Option<bool>,
    #[serde(
        rename = "capacityReservations",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub capacity_reservations: Option<CapacityReservationRequest>,
    #[serde(
        rename = "nitroEnclavesEnabled",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub nitro_enclaves_enabled: Option<bool>,
}

/// Wire structure `InstanceLaunchTemplateUpdate`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct InstanceLaunchTemplateUpdate {
    #[serde(
        rename = "ec2InstanceProfileArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub ec2_instance_profile_arn: Option<String>,
    #[serde(
        rename = "networkConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub network_configuration: Option<ManagedInstancesNetworkConfiguration>,
    #[serde(
        rename = "storageConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub storage_configuration: Option<ManagedInstancesStorageConfiguration>,
    #[serde(
        rename = "instanceMetadataTagsPropagation",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub instance_metadata_tags_propagation: Option<bool>,
    #[serde(
        rename = "localStorageConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub local_storage_configuration: Option<ManagedInstancesLocalStorageConfiguration>,
    #[serde(
        rename = "monitoring",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub monitoring: Option<ManagedInstancesMonitoringOptions>,
    #[serde(
        rename = "instanceRequirements",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub instance_requirements: Option<InstanceRequirementsRequest>,
    #[serde(
        rename = "capacityReservations",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub capacity_reservations: Option<CapacityReservationRequest>,
}

/// Wire structure `InstanceRequirementsRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InstanceRequirementsRequest {
    #[serde(rename = "vCpuCount")]
    pub v_cpu_count: VCpuCountRangeRequest,
    #[serde(rename = "memoryMiB")]
    pub memory_mi_b: MemoryMiBRequest,
    #[serde(
        rename = "cpuManufacturers",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub cpu_manufacturers: Option<Vec<CpuManufacturer>>,
    #[serde(
        rename = "memoryGiBPerVCpu",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub memory_gi_b_per_v_cpu: Option<MemoryGiBPerVCpuRequest>,
    #[serde(
        rename = "excludedInstanceTypes",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub excluded_instance_types: Option<Vec<String>>,
    #[serde(
        rename = "instanceGenerations",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub instance_generations: Option<Vec<InstanceGeneration>>,
    #[serde(
        rename = "spotMaxPricePercentageOverLowestPrice",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub spot_max_price_percentage_over_lowest_price: Option<i32>,
    #[serde(
        rename = "onDemandMaxPricePercentageOverLowestPrice",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub on_demand_max_price_percentage_over_lowest_price: Option<i32>,
    #[serde(rename = "bareMetal", default, skip_serializing_if = "Option::is_none")]
    pub bare_metal: Option<BareMetal>,
    #[serde(
        rename = "burstablePerformance",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub burstable_performance: Option<BurstablePerformance>,
    #[serde(
        rename = "requireHibernateSupport",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub require_hibernate_support: Option<bool>,
    #[serde(
        rename = "networkInterfaceCount",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub network_interface_count: Option<NetworkInterfaceCountRequest>,
    #[serde(
        rename = "localStorage",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub local_storage: Option<LocalStorage>,
    #[serde(
        rename = "localStorageTypes",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub local_storage_types: Option<Vec<LocalStorageType>>,
    #[serde(
        rename = "totalLocalStorageGB",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub total_local_storage_gb: Option<TotalLocalStorageGBRequest>,
    #[serde(
        rename = "baselineEbsBandwidthMbps",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub baseline_ebs_bandwidth_mbps: Option<BaselineEbsBandwidthMbpsRequest>,
    #[serde(
        rename = "acceleratorTypes",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub accelerator_types: Option<Vec<AcceleratorType>>,
    #[serde(
        rename = "acceleratorCount",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub accelerator_count: Option<AcceleratorCountRequest>,
    #[serde(
        rename = "acceleratorManufacturers",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub accelerator_manufacturers: Option<Vec<AcceleratorManufacturer>>,
    #[serde(
        rename = "acceleratorNames",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub accelerator_names: Option<Vec<AcceleratorName>>,
    #[serde(
        rename = "acceleratorTotalMemoryMiB",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub accelerator_total_memory_mi_b: Option<AcceleratorTotalMemoryMiBRequest>,
    #[serde(
        rename = "networkBandwidthGbps",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub network_bandwidth_gbps: Option<NetworkBandwidthGbpsRequest>,
    #[serde(
        rename = "allowedInstanceTypes",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub allowed_instance_types: Option<Vec<String>>,
    #[serde(
        rename = "maxSpotPriceAsPercentageOfOptimalOnDemandPrice",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub max_spot_price_as_percentage_of_optimal_on_demand_price: Option<i32>,
}

/// Wire exception `InvalidParameterException`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct InvalidParameterException {
    #[serde(rename = "message", default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

/// Wire enum `IpcMode`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum IpcMode {
    #[serde(rename = "host")]
    Host,
    #[serde(rename = "task")]
    Task,
    #[serde(rename = "none")]
    None,
}

impl IpcMode {
    /// Every value, in model order.
    pub const ALL: &'static [IpcMode] = &[IpcMode::Host, IpcMode::Task, IpcMode::None];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            IpcMode::Host => "host",
            IpcMode::Task => "task",
            IpcMode::None => "none",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for IpcMode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire enum `IsolationMode`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum IsolationMode {
    #[serde(rename = "SHARED")]
    Shared,
    #[serde(rename = "ISOLATED_SANDBOX")]
    IsolatedSandbox,
    #[serde(rename = "CONFIDENTIAL_SANDBOX")]
    ConfidentialSandbox,
}

impl IsolationMode {
    /// Every value, in model order.
    pub const ALL: &'static [IsolationMode] = &[
        IsolationMode::Shared,
        IsolationMode::IsolatedSandbox,
        IsolationMode::ConfidentialSandbox,
    ];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            IsolationMode::Shared => "SHARED",
            IsolationMode::IsolatedSandbox => "ISOLATED_SANDBOX",
            IsolationMode::ConfidentialSandbox => "CONFIDENTIAL_SANDBOX",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for IsolationMode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire structure `KernelCapabilities`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct KernelCapabilities {
    #[serde(rename = "add", default, skip_serializing_if = "Option::is_none")]
    pub add: Option<Vec<String>>,
    #[serde(rename = "drop", default, skip_serializing_if = "Option::is_none")]
    pub drop: Option<Vec<String>>,
}

/// Wire structure `KeyValuePair`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct KeyValuePair {
    #[serde(rename = "name", default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(rename = "value", default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
}

/// Wire enum `LaunchType`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum LaunchType {
    #[serde(rename = "EC2")]
    Ec2,
    #[serde(rename = "FARGATE")]
    Fargate,
    #[serde(rename = "EXTERNAL")]
    External,
    #[serde(rename = "MANAGED_INSTANCES")]
    ManagedInstances,
}

impl LaunchType {
    /// Every value, in model order.
    pub const ALL: &'static [LaunchType] = &[
        LaunchType::Ec2,
        LaunchType::Fargate,
        LaunchType::External,
        LaunchType::ManagedInstances,
    ];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            LaunchType::Ec2 => "EC2",
            LaunchType::Fargate => "FARGATE",
            LaunchType::External => "EXTERNAL",
            LaunchType::ManagedInstances => "MANAGED_INSTANCES",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for LaunchType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire exception `LimitExceededException`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct LimitExceededException {
    #[serde(rename = "message", default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

/// Wire structure `LinearConfiguration`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct LinearConfiguration {
    #[serde(
        rename = "stepPercent",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub step_percent: Option<f64>,
    #[serde(
        rename = "stepBakeTimeInMinutes",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub step_bake_time_in_minutes: Option<i32>,
}

/// Wire structure `LinuxParameters`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct LinuxParameters {
    #[serde(
        rename = "capabilities",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub capabilities: Option<KernelCapabilities>,
    #[serde(rename = "devices", default, skip_serializing_if = "Option::is_none")]
    pub devices: Option<Vec<Device>>,
    #[serde(
        rename = "initProcessEnabled",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub init_process_enabled: Option<bool>,
    #[serde(
        rename = "sharedMemorySize",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub shared_memory_size: Option<i32>,
    #[serde(rename = "tmpfs", default, skip_serializing_if = "Option::is_none")]
    pub tmpfs: Option<Vec<Tmpfs>>,
    #[serde(rename = "maxSwap", default, skip_serializing_if = "Option::is_none")]
    pub max_swap: Option<i32>,
    #[serde(
        rename = "swappiness",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub swappiness: Option<i32>,
}

/// Wire structure `ListAccountSettingsRequest`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListAccountSettingsRequest {
    #[serde(rename = "name", default, skip_serializing_if = "Option::is_none")]
    pub name: Option<SettingName>,
    #[serde(rename = "value", default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    #[serde(
        rename = "principalArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub principal_arn: Option<String>,
    #[serde(
        rename = "effectiveSettings",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub effective_settings: Option<bool>,
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
    #[serde(
        rename = "maxResults",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub max_results: Option<i32>,
}

/// Wire structure `ListAccountSettingsResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListAccountSettingsResponse {
    #[serde(rename = "settings", default, skip_serializing_if = "Option::is_none")]
    pub settings: Option<Vec<Setting>>,
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

/// Wire structure `ListAttributesRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ListAttributesRequest {
    #[serde(rename = "cluster", default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<String>,
    #[serde(rename = "targetType")]
    pub target_type: TargetType,
    #[serde(
        rename = "attributeName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub attribute_name: Option<String>,
    #[serde(
        rename = "attributeValue",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub attribute_value: Option<String>,
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
    #[serde(
        rename = "maxResults",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub max_results: Option<i32>,
}

/// Wire structure `ListAttributesResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListAttributesResponse {
    #[serde(
        rename = "attributes",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub attributes: Option<Vec<Attribute>>,
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

/// Wire structure `ListClustersRequest`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListClustersRequest {
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
    #[serde(
        rename = "maxResults",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub max_results: Option<i32>,
}

/// Wire structure `ListClustersResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListClustersResponse {
    #[serde(
        rename = "clusterArns",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub cluster_arns: Option<Vec<String>>,
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

/// Wire structure `ListContainerInstancesRequest`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListContainerInstancesRequest {
    #[serde(rename = "cluster", default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<String>,
    #[serde(rename = "filter", default, skip_serializing_if = "Option::is_none")]
    pub filter: Option<String>,
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
    #[serde(
        rename = "maxResults",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub max_results: Option<i32>,
    #[serde(rename = "status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<ContainerInstanceStatus>,
}

/// Wire structure `ListContainerInstancesResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListContainerInstancesResponse {
    #[serde(
        rename = "containerInstanceArns",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub container_instance_arns: Option<Vec<String>>,
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

/// Wire structure `ListDaemonDeploymentsRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ListDaemonDeploymentsRequest {
    #[serde(rename = "daemonArn")]
    pub daemon_arn: String,
    #[serde(rename = "status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<Vec<DaemonDeploymentStatus>>,
    #[serde(rename = "createdAt", default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<CreatedAt>,
    #[serde(
        rename = "maxResults",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub max_results: Option<i32>,
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

/// Wire structure `ListDaemonDeploymentsResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListDaemonDeploymentsResponse {
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
    #[serde(
        rename = "daemonDeployments",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub daemon_deployments: Option<Vec<DaemonDeploymentSummary>>,
}

/// Wire structure `ListDaemonTaskDefinitionsRequest`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListDaemonTaskDefinitionsRequest {
    #[serde(
        rename = "familyPrefix",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub family_prefix: Option<String>,
    #[serde(rename = "family", default, skip_serializing_if = "Option::is_none")]
    pub family: Option<String>,
    #[serde(rename = "revision", default, skip_serializing_if = "Option::is_none")]
    pub revision: Option<DaemonTaskDefinitionRevisionFilter>,
    #[serde(rename = "status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<DaemonTaskDefinitionStatusFilter>,
    #[serde(rename = "sort", default, skip_serializing_if = "Option::is_none")]
    pub sort: Option<SortOrder>,
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
    #[serde(
        rename = "maxResults",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub max_results: Option<i32>,
}

/// Wire structure `ListDaemonTaskDefinitionsResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListDaemonTaskDefinitionsResponse {
    #[serde(
        rename = "daemonTaskDefinitions",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub daemon_task_definitions: Option<Vec<DaemonTaskDefinitionSummary>>,
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

/// Wire structure `ListDaemonsRequest`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListDaemonsRequest {
    #[serde(
        rename = "clusterArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub cluster_arn: Option<String>,
    #[serde(
        rename = "capacityProviderArns",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub capacity_provider_arns: Option<Vec<String>>,
    #[serde(
        rename = "maxResults",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub max_results: Option<i32>,
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

/// Wire structure `ListDaemonsResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListDaemonsResponse {
    #[serde(
        rename = "daemonSummariesList",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub daemon_summaries_list: Option<Vec<DaemonSummary>>,
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

/// Wire structure `ListGatewayClusterAssociationsRequest`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListGatewayClusterAssociationsRequest {
    #[serde(rename = "gateway", default, skip_serializing_if = "Option::is_none")]
    pub gateway: Option<String>,
    #[serde(rename = "cluster", default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<String>,
    #[serde(rename = "status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<Vec<GatewayClusterAssociationStatus>>,
    #[serde(
        rename = "maxResults",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub max_results: Option<i32>,
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

/// Wire structure `ListGatewayClusterAssociationsResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListGatewayClusterAssociationsResponse {
    #[serde(
        rename = "gatewayClusterAssociations",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub gateway_cluster_associations: Option<Vec<GatewayClusterAssociationSummary>>,
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

/// Wire structure `ListGatewayRoutesRequest`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListGatewayRoutesRequest {
    #[serde(rename = "gateway", default, skip_serializing_if = "Option::is_none")]
    pub gateway: Option<String>,
    #[serde(rename = "cluster", default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<String>,
    #[serde(rename = "service", default, skip_serializing_if = "Option::is_none")]
    pub service: Option<String>,
    #[serde(
        rename = "serviceContainerPortName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub service_container_port_name: Option<String>,
    #[serde(rename = "status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<Vec<GatewayRouteStatus>>,
    #[serde(
        rename = "maxResults",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub max_results: Option<i32>,
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

/// Wire structure `ListGatewayRoutesResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListGatewayRoutesResponse {
    #[serde(
        rename = "gatewayRoutes",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub gateway_routes: Option<Vec<GatewayRouteSummary>>,
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

/// Wire structure `ListGatewaysRequest`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListGatewaysRequest {
    #[serde(rename = "names", default, skip_serializing_if = "Option::is_none")]
    pub names: Option<Vec<String>>,
    #[serde(rename = "status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<Vec<GatewayStatus>>,
    #[serde(
        rename = "maxResults",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub max_results: Option<i32>,
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

/// Wire structure `ListGatewaysResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListGatewaysResponse {
    #[serde(rename = "gateways", default, skip_serializing_if = "Option::is_none")]
    pub gateways: Option<Vec<GatewaySummary>>,
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

/// Wire structure `ListServiceDeploymentsRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ListServiceDeploymentsRequest {
    #[serde(rename = "service")]
    pub service: String,
    #[serde(rename = "cluster", default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<String>,
    #[serde(rename = "status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<Vec<ServiceDeploymentStatus>>,
    #[serde(rename = "createdAt", default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<CreatedAt>,
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
    #[serde(
        rename = "maxResults",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub max_results: Option<i32>,
}

/// Wire structure `ListServiceDeploymentsResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListServiceDeploymentsResponse {
    #[serde(
        rename = "serviceDeployments",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub service_deployments: Option<Vec<ServiceDeploymentBrief>>,
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

/// Wire structure `ListServicesByNamespaceRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ListServicesByNamespaceRequest {
    #[serde(rename = "namespace")]
    pub namespace: String,
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
    #[serde(
        rename = "maxResults",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub max_results: Option<i32>,
}

/// Wire structure `ListServicesByNamespaceResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListServicesByNamespaceResponse {
    #[serde(
        rename = "serviceArns",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub service_arns: Option<Vec<String>>,
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

/// Wire structure `ListServicesRequest`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListServicesRequest {
    #[serde(rename = "cluster", default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<String>,
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
    #[serde(
        rename = "maxResults",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub max_results: Option<i32>,
    #[serde(
        rename = "launchType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub launch_type: Option<LaunchType>,
    #[serde(
        rename = "schedulingStrategy",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub scheduling_strategy: Option<SchedulingStrategy>,
    #[serde(
        rename = "resourceManagementType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub resource_management_type: Option<ResourceManagementType>,
}

/// Wire structure `ListServicesResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListServicesResponse {
    #[serde(
        rename = "serviceArns",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub service_arns: Option<Vec<String>>,
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
    pub tags: Option<Vec<Tag>>,
}

/// Wire structure `ListTaskDefinitionFamiliesRequest`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListTaskDefinitionFamiliesRequest {
    #[serde(
        rename = "familyPrefix",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub family_prefix: Option<String>,
    #[serde(rename = "status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<TaskDefinitionFamilyStatus>,
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
    #[serde(
        rename = "maxResults",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub max_results: Option<i32>,
}

/// Wire structure `ListTaskDefinitionFamiliesResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListTaskDefinitionFamiliesResponse {
    #[serde(rename = "families", default, skip_serializing_if = "Option::is_none")]
    pub families: Option<Vec<String>>,
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

/// Wire structure `ListTaskDefinitionsRequest`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListTaskDefinitionsRequest {
    #[serde(
        rename = "familyPrefix",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub family_prefix: Option<String>,
    #[serde(rename = "status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<TaskDefinitionStatus>,
    #[serde(rename = "sort", default, skip_serializing_if = "Option::is_none")]
    pub sort: Option<SortOrder>,
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
    #[serde(
        rename = "maxResults",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub max_results: Option<i32>,
}

/// Wire structure `ListTaskDefinitionsResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListTaskDefinitionsResponse {
    #[serde(
        rename = "taskDefinitionArns",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub task_definition_arns: Option<Vec<String>>,
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

/// Wire structure `ListTasksRequest`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListTasksRequest {
    #[serde(rename = "cluster", default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<String>,
    #[serde(
        rename = "containerInstance",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub container_instance: Option<String>,
    #[serde(rename = "family", default, skip_serializing_if = "Option::is_none")]
    pub family: Option<String>,
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
    #[serde(
        rename = "maxResults",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub max_results: Option<i32>,
    #[serde(rename = "startedBy", default, skip_serializing_if = "Option::is_none")]
    pub started_by: Option<String>,
    #[serde(
        rename = "serviceName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub service_name: Option<String>,
    #[serde(
        rename = "desiredStatus",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub desired_status: Option<DesiredStatus>,
    #[serde(
        rename = "launchType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub launch_type: Option<LaunchType>,
    #[serde(
        rename = "daemonName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub daemon_name: Option<String>,
}

/// Wire structure `ListTasksResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListTasksResponse {
    #[serde(rename = "taskArns", default, skip_serializing_if = "Option::is_none")]
    pub task_arns: Option<Vec<String>>,
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

/// Wire structure `LoadBalancer`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct LoadBalancer {
    #[serde(
        rename = "targetGroupArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub target_group_arn: Option<String>,
    #[serde(
        rename = "loadBalancerName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub load_balancer_name: Option<String>,
    #[serde(
        rename = "containerName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub container_name: Option<String>,
    #[serde(
        rename = "containerPort",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub container_port: Option<i32>,
    #[serde(
        rename = "advancedConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub advanced_configuration: Option<AdvancedConfiguration>,
}

/// Wire enum `LocalStorage`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum LocalStorage {
    #[serde(rename = "included")]
    Included,
    #[serde(rename = "required")]
    Required,
    #[serde(rename = "excluded")]
    Excluded,
}

impl LocalStorage {
    /// Every value, in model order.
    pub const ALL: &'static [LocalStorage] = &[
        LocalStorage::Included,
        LocalStorage::Required,
        LocalStorage::Excluded,
    ];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            LocalStorage::Included => "included",
            LocalStorage::Required => "required",
            LocalStorage::Excluded => "excluded",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for LocalStorage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire enum `LocalStorageType`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum LocalStorageType {
    #[serde(rename = "hdd")]
    Hdd,
    #[serde(rename = "ssd")]
    Ssd,
}

impl LocalStorageType {
    /// Every value, in model order.
    pub const ALL: &'static [LocalStorageType] = &[LocalStorageType::Hdd, LocalStorageType::Ssd];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            LocalStorageType::Hdd => "hdd",
            LocalStorageType::Ssd => "ssd",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for LocalStorageType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire structure `LogConfiguration`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LogConfiguration {
    #[serde(rename = "logDriver")]
    pub log_driver: LogDriver,
    #[serde(rename = "options", default, skip_serializing_if = "Option::is_none")]
    pub options: Option<BTreeMap<String, String>>,
    #[serde(
        rename = "secretOptions",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub secret_options: Option<Vec<Secret>>,
}

/// Wire enum `LogDriver`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum LogDriver {
    #[serde(rename = "json-file")]
    JsonFile,
    #[serde(rename = "syslog")]
    Syslog,
    #[serde(rename = "journald")]
    Journald,
    #[serde(rename = "gelf")]
    Gelf,
    #[serde(rename = "fluentd")]
    Fluentd,
    #[serde(rename = "awslogs")]
    Awslogs,
    #[serde(rename = "splunk")]
    Splunk,
    #[serde(rename = "awsfirelens")]
    Awsfirelens,
}

impl LogDriver {
    /// Every value, in model order.
    pub const ALL: &'static [LogDriver] = &[
        LogDriver::JsonFile,
        LogDriver::Syslog,
        LogDriver::Journald,
        LogDriver::Gelf,
        LogDriver::Fluentd,
        LogDriver::Awslogs,
        LogDriver::Splunk,
        LogDriver::Awsfirelens,
    ];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            LogDriver::JsonFile => "json-file",
            LogDriver::Syslog => "syslog",
            LogDriver::Journald => "journald",
            LogDriver::Gelf => "gelf",
            LogDriver::Fluentd => "fluentd",
            LogDriver::Awslogs => "awslogs",
            LogDriver::Splunk => "splunk",
            LogDriver::Awsfirelens => "awsfirelens",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for LogDriver {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire structure `LogDriverVolumeConfiguration`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LogDriverVolumeConfiguration {
    #[serde(rename = "driver")]
    pub driver: LogDriver,
}

/// Wire structure `ManagedAgent`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ManagedAgent {
    /// Timestamp: epoch seconds as a JSON number.
    #[serde(
        rename = "lastStartedAt",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub last_started_at: Option<f64>,
    #[serde(rename = "name", default, skip_serializing_if = "Option::is_none")]
    pub name: Option<ManagedAgentName>,
    #[serde(rename = "reason", default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    #[serde(
        rename = "lastStatus",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub last_status: Option<String>,
}

/// Wire enum `ManagedAgentName`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ManagedAgentName {
    #[serde(rename = "ExecuteCommandAgent")]
    ExecuteCommandAgent,
}

impl ManagedAgentName {
    /// Every value, in model order.
    pub const ALL: &'static [ManagedAgentName] = &[ManagedAgentName::ExecuteCommandAgent];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            ManagedAgentName::ExecuteCommandAgent => "ExecuteCommandAgent",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for ManagedAgentName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire structure `ManagedAgentStateChange`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ManagedAgentStateChange {
    #[serde(rename = "containerName")]
    pub container_name: String,
    #[serde(rename = "managedAgentName")]
    pub managed_agent_name: ManagedAgentName,
    #[serde(rename = "status")]
    pub status: String,
    #[serde(rename = "reason", default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// Wire structure `ManagedApplicationAutoScalingPolicy`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ManagedApplicationAutoScalingPolicy {
    #[serde(rename = "arn", default, skip_serializing_if = "Option::is_none")]
    pub arn: Option<String>,
    #[serde(rename = "status")]
    pub status: ManagedResourceStatus,
    #[serde(
        rename = "statusReason",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub status_reason: Option<String>,
    /// Timestamp: epoch seconds as a JSON number.
    #[serde(rename = "updatedAt")]
    pub updated_at: f64,
    #[serde(rename = "policyType")]
    pub policy_type: String,
    #[serde(rename = "targetValue")]
    pub target_value: f64,
    #[serde(rename = "metric")]
    pub metric: String,
}

/// Wire structure `ManagedAutoScaling`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ManagedAutoScaling {
    #[serde(
        rename = "scalableTarget",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub scalable_target: Option<ManagedScalableTarget>,
    #[serde(
        rename = "applicationAutoScalingPolicies",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub application_auto_scaling_policies: Option<Vec<ManagedApplicationAutoScalingPolicy>>,
}

/// Wire structure `ManagedCertificate`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ManagedCertificate {
    #[serde(rename = "arn", default, skip_serializing_if = "Option::is_none")]
    pub arn: Option<String>,
    #[serde(rename = "status")]
    pub status: ManagedResourceStatus,
    #[serde(
        rename = "statusReason",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub status_reason: Option<String>,
    /// Timestamp: epoch seconds as a JSON number.
    #[serde(rename = "updatedAt")]
    pub updated_at: f64,
    #[serde(rename = "domainName")]
    pub domain_name: String,
}

/// Wire enum `ManagedDraining`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ManagedDraining {
    #[serde(rename = "ENABLED")]
    Enabled,
    #[serde(rename = "DISABLED")]
    Disabled,
}

impl ManagedDraining {
    /// Every value, in model order.
    pub const ALL: &'static [ManagedDraining] =
        &[ManagedDraining::Enabled, ManagedDraining::Disabled];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            ManagedDraining::Enabled => "ENABLED",
            ManagedDraining::Disabled => "DISABLED",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for ManagedDraining {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire structure `ManagedIngressPath`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ManagedIngressPath {
    #[serde(rename = "accessType")]
    pub access_type: AccessType,
    #[serde(rename = "endpoint")]
    pub endpoint: String,
    #[serde(
        rename = "loadBalancer",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub load_balancer: Option<ManagedLoadBalancer>,
    #[serde(
        rename = "loadBalancerSecurityGroups",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub load_balancer_security_groups: Option<Vec<ManagedSecurityGroup>>,
    #[serde(
        rename = "certificate",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub certificate: Option<ManagedCertificate>,
    #[serde(rename = "listener", default, skip_serializing_if = "Option::is_none")]
    pub listener: Option<ManagedListener>,
    #[serde(rename = "rule", default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<ManagedListenerRule>,
    #[serde(
        rename = "targetGroups",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub target_groups: Option<Vec<ManagedTargetGroup>>,
}

/// Wire structure `ManagedInstancesLocalStorageConfiguration`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ManagedInstancesLocalStorageConfiguration {
    #[serde(
        rename = "useLocalStorage",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub use_local_storage: Option<bool>,
}

/// Wire enum `ManagedInstancesMonitoringOptions`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ManagedInstancesMonitoringOptions {
    #[serde(rename = "BASIC")]
    Basic,
    #[serde(rename = "DETAILED")]
    Detailed,
}

impl ManagedInstancesMonitoringOptions {
    /// Every value, in model order.
    pub const ALL: &'static [ManagedInstancesMonitoringOptions] = &[
        ManagedInstancesMonitoringOptions::Basic,
        ManagedInstancesMonitoringOptions::Detailed,
    ];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            ManagedInstancesMonitoringOptions::Basic => "BASIC",
            ManagedInstancesMonitoringOptions::Detailed => "DETAILED",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for ManagedInstancesMonitoringOptions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire structure `ManagedInstancesNetworkConfiguration`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ManagedInstancesNetworkConfiguration {
    #[serde(rename = "subnets", default, skip_serializing_if = "Option::is_none")]
    pub subnets: Option<Vec<String>>,
    #[serde(
        rename = "securityGroups",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub security_groups: Option<Vec<String>>,
}

/// Wire structure `ManagedInstancesProvider`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ManagedInstancesProvider {
    #[serde(
        rename = "infrastructureRoleArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub infrastructure_role_arn: Option<String>,
    #[serde(
        rename = "instanceLaunchTemplate",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub instance_launch_template: Option<InstanceLaunchTemplate>,
    #[serde(
        rename = "propagateTags",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub propagate_tags: Option<PropagateMITags>,
    #[serde(
        rename = "infrastructureOptimization",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub infrastructure_optimization: Option<InfrastructureOptimization>,
    #[serde(
        rename = "autoRepairConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub auto_repair_configuration: Option<AutoRepairConfiguration>,
}

/// Wire structure `ManagedInstancesStorageConfiguration`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ManagedInstancesStorageConfiguration {
    #[serde(
        rename = "storageSizeGiB",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub storage_size_gi_b: Option<i32>,
}

/// Wire structure `ManagedListener`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ManagedListener {
    #[serde(rename = "arn", default, skip_serializing_if = "Option::is_none")]
    pub arn: Option<String>,
    #[serde(rename = "status")]
    pub status: ManagedResourceStatus,
    #[serde(
        rename = "statusReason",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub status_reason: Option<String>,
    /// Timestamp: epoch seconds as a JSON number.
    #[serde(rename = "updatedAt")]
    pub updated_at: f64,
}

/// Wire structure `ManagedListenerRule`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ManagedListenerRule {
    #[serde(rename = "arn", default, skip_serializing_if = "Option::is_none")]
    pub arn: Option<String>,
    #[serde(rename = "status")]
    pub status: ManagedResourceStatus,
    #[serde(
        rename = "statusReason",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub status_reason: Option<String>,
    /// Timestamp: epoch seconds as a JSON number.
    #[serde(rename = "updatedAt")]
    pub updated_at: f64,
}

/// Wire structure `ManagedLoadBalancer`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ManagedLoadBalancer {
    #[serde(rename = "arn", default, skip_serializing_if = "Option::is_none")]
    pub arn: Option<String>,
    #[serde(rename = "status")]
    pub status: ManagedResourceStatus,
    #[serde(
        rename = "statusReason",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub status_reason: Option<String>,
    /// Timestamp: epoch seconds as a JSON number.
    #[serde(rename = "updatedAt")]
    pub updated_at: f64,
    #[serde(rename = "scheme")]
    pub scheme: String,
    #[serde(rename = "subnetIds", default, skip_serializing_if = "Option::is_none")]
    pub subnet_ids: Option<Vec<String>>,
    #[serde(
        rename = "securityGroupIds",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub security_group_ids: Option<Vec<String>>,
}

/// Wire structure `ManagedLogGroup`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ManagedLogGroup {
    #[serde(rename = "arn", default, skip_serializing_if = "Option::is_none")]
    pub arn: Option<String>,
    #[serde(rename = "status")]
    pub status: ManagedResourceStatus,
    #[serde(
        rename = "statusReason",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub status_reason: Option<String>,
    /// Timestamp: epoch seconds as a JSON number.
    #[serde(rename = "updatedAt")]
    pub updated_at: f64,
    #[serde(rename = "logGroupName")]
    pub log_group_name: String,
}

/// Wire structure `ManagedMetricAlarm`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ManagedMetricAlarm {
    #[serde(rename = "arn", default, skip_serializing_if = "Option::is_none")]
    pub arn: Option<String>,
    #[serde(rename = "status")]
    pub status: ManagedResourceStatus,
    #[serde(
        rename = "statusReason",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub status_reason: Option<String>,
    /// Timestamp: epoch seconds as a JSON number.
    #[serde(rename = "updatedAt")]
    pub updated_at: f64,
}

/// Wire enum `ManagedResourceStatus`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ManagedResourceStatus {
    #[serde(rename = "PROVISIONING")]
    Provisioning,
    #[serde(rename = "ACTIVE")]
    Active,
    #[serde(rename = "DEPROVISIONING")]
    Deprovisioning,
    #[serde(rename = "DELETED")]
    Deleted,
    #[serde(rename = "FAILED")]
    Failed,
}

impl ManagedResourceStatus {
    /// Every value, in model order.
    pub const ALL: &'static [ManagedResourceStatus] = &[
        ManagedResourceStatus::Provisioning,
        ManagedResourceStatus::Active,
        ManagedResourceStatus::Deprovisioning,
        ManagedResourceStatus::Deleted,
        ManagedResourceStatus::Failed,
    ];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            ManagedResourceStatus::Provisioning => "PROVISIONING",
            ManagedResourceStatus::Active => "ACTIVE",
            ManagedResourceStatus::Deprovisioning => "DEPROVISIONING",
            ManagedResourceStatus::Deleted => "DELETED",
            ManagedResourceStatus::Failed => "FAILED",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for ManagedResourceStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire structure `ManagedScalableTarget`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ManagedScalableTarget {
    #[serde(rename = "arn", default, skip_serializing_if = "Option::is_none")]
    pub arn: Option<String>,
    #[serde(rename = "status")]
    pub status: ManagedResourceStatus,
    #[serde(
        rename = "statusReason",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub status_reason: Option<String>,
    /// Timestamp: epoch seconds as a JSON number.
    #[serde(rename = "updatedAt")]
    pub updated_at: f64,
    #[serde(rename = "minCapacity")]
    pub min_capacity: i32,
    #[serde(rename = "maxCapacity")]
    pub max_capacity: i32,
}

/// Wire structure `ManagedScaling`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ManagedScaling {
    #[serde(rename = "status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<ManagedScalingStatus>,
    #[serde(
        rename = "targetCapacity",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub target_capacity: Option<i32>,
    #[serde(
        rename = "minimumScalingStepSize",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub minimum_scaling_step_size: Option<i32>,
    #[serde(
        rename = "maximumScalingStepSize",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub maximum_scaling_step_size: Option<i32>,
    #[serde(
        rename = "instanceWarmupPeriod",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub instance_warmup_period: Option<i32>,
}

/// Wire enum `ManagedScalingStatus`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ManagedScalingStatus {
    #[serde(rename = "ENABLED")]
    Enabled,
    #[serde(rename = "DISABLED")]
    Disabled,
}

impl ManagedScalingStatus {
    /// Every value, in model order.
    pub const ALL: &'static [ManagedScalingStatus] = &[
        ManagedScalingStatus::Enabled,
        ManagedScalingStatus::Disabled,
    ];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            ManagedScalingStatus::Enabled => "ENABLED",
            ManagedScalingStatus::Disabled => "DISABLED",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for ManagedScalingStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire structure `ManagedSecurityGroup`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ManagedSecurityGroup {
    #[serde(rename = "arn", default, skip_serializing_if = "Option::is_none")]
    pub arn: Option<String>,
    #[serde(rename = "status")]
    pub status: ManagedResourceStatus,
    #[serde(
        rename = "statusReason",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub status_reason: Option<String>,
    /// Timestamp: epoch seconds as a JSON number.
    #[serde(rename = "updatedAt")]
    pub updated_at: f64,
}

/// Wire structure `ManagedStorageConfiguration`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ManagedStorageConfiguration {
    #[serde(rename = "kmsKeyId", default, skip_serializing_if = "Option::is_none")]
    pub kms_key_id: Option<String>,
    #[serde(
        rename = "fargateEphemeralStorageKmsKeyId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub fargate_ephemeral_storage_kms_key_id: Option<String>,
}

/// Wire structure `ManagedTargetGroup`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ManagedTargetGroup {
    #[serde(rename = "arn", default, skip_serializing_if = "Option::is_none")]
    pub arn: Option<String>,
    #[serde(rename = "status")]
    pub status: ManagedResourceStatus,
    #[serde(
        rename = "statusReason",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub status_reason: Option<String>,
    /// Timestamp: epoch seconds as a JSON number.
    #[serde(rename = "updatedAt")]
    pub updated_at: f64,
    #[serde(rename = "healthCheckPath")]
    pub health_check_path: String,
    #[serde(rename = "healthCheckPort")]
    pub health_check_port: i32,
    #[serde(rename = "port")]
    pub port: i32,
}

/// Wire enum `ManagedTerminationProtection`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ManagedTerminationProtection {
    #[serde(rename = "ENABLED")]
    Enabled,
    #[serde(rename = "DISABLED")]
    Disabled,
}

impl ManagedTerminationProtection {
    /// Every value, in model order.
    pub const ALL: &'static [ManagedTerminationProtection] = &[
        ManagedTerminationProtection::Enabled,
        ManagedTerminationProtection::Disabled,
    ];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            ManagedTerminationProtection::Enabled => "ENABLED",
            ManagedTerminationProtection::Disabled => "DISABLED",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for ManagedTerminationProtection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire structure `MemoryGiBPerVCpuRequest`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct MemoryGiBPerVCpuRequest {
    #[serde(rename = "min", default, skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
    #[serde(rename = "max", default, skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
}

/// Wire structure `MemoryMiBRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MemoryMiBRequest {
    #[serde(rename = "min")]
    pub min: i32,
    #[serde(rename = "max", default, skip_serializing_if = "Option::is_none")]
    pub max: Option<i32>,
}

/// Wire structure `MetricConfiguration`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MetricConfiguration {
    #[serde(rename = "metricNames")]
    pub metric_names: Vec<String>,
    #[serde(rename = "resolutionSeconds")]
    pub resolution_seconds: i32,
}

/// Wire exception `MissingVersionException`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct MissingVersionException {
    #[serde(rename = "message", default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

/// Wire structure `MonitoringConfiguration`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct MonitoringConfiguration {
    #[serde(
        rename = "metricConfigurations",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub metric_configurations: Option<Vec<MetricConfiguration>>,
}

/// Wire structure `MountPoint`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct MountPoint {
    #[serde(
        rename = "sourceVolume",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub source_volume: Option<String>,
    #[serde(
        rename = "containerPath",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub container_path: Option<String>,
    #[serde(rename = "readOnly", default, skip_serializing_if = "Option::is_none")]
    pub read_only: Option<bool>,
}

/// Wire exception `NamespaceNotFoundException`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct NamespaceNotFoundException {
    #[serde(rename = "message", default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

/// Wire structure `NetworkBandwidthGbpsRequest`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct NetworkBandwidthGbpsRequest {
    #[serde(rename = "min", default, skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
    #[serde(rename = "max", default, skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
}

/// Wire structure `NetworkBinding`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct NetworkBinding {
    #[serde(rename = "bindIP", default, skip_serializing_if = "Option::is_none")]
    pub bind_ip: Option<String>,
    #[serde(
        rename = "containerPort",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub container_port: Option<i32>,
    #[serde(rename = "hostPort", default, skip_serializing_if = "Option::is_none")]
    pub host_port: Option<i32>,
    #[serde(rename = "protocol", default, skip_serializing_if = "Option::is_none")]
    pub protocol: Option<TransportProtocol>,
    #[serde(
        rename = "containerPortRange",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub container_port_range: Option<String>,
    #[serde(
        rename = "hostPortRange",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub host_port_range: Option<String>,
}

/// Wire structure `NetworkConfiguration`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct NetworkConfiguration {
    #[serde(
        rename = "awsvpcConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub awsvpc_configuration: Option<AwsVpcConfiguration>,
}

/// Wire structure `NetworkInterface`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct NetworkInterface {
    #[serde(
        rename = "attachmentId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub attachment_id: Option<String>,
    #[serde(
        rename = "privateIpv4Address",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub private_ipv4_address: Option<String>,
    #[serde(
        rename = "ipv6Address",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub ipv6_address: Option<String>,
}

/// Wire structure `NetworkInterfaceCountRequest`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct NetworkInterfaceCountRequest {
    #[serde(rename = "min", default, skip_serializing_if = "Option::is_none")]
    pub min: Option<i32>,
    #[serde(rename = "max", default, skip_serializing_if = "Option::is_none")]
    pub max: Option<i32>,
}

/// Wire enum `NetworkMode`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum NetworkMode {
    #[serde(rename = "bridge")]
    Bridge,
    #[serde(rename = "host")]
    Host,
    #[serde(rename = "awsvpc")]
    Awsvpc,
    #[serde(rename = "none")]
    None,
}

impl NetworkMode {
    /// Every value, in model order.
    pub const ALL: &'static [NetworkMode] = &[
        NetworkMode::Bridge,
        NetworkMode::Host,
        NetworkMode::Awsvpc,
        NetworkMode::None,
    ];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            NetworkMode::Bridge => "bridge",
            NetworkMode::Host => "host",
            NetworkMode::Awsvpc => "awsvpc",
            NetworkMode::None => "none",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for NetworkMode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire exception `NoUpdateAvailableException`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct NoUpdateAvailableException {
    #[serde(rename = "message", default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

/// Wire structure `NvidiaMpsAllocation`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NvidiaMpsAllocation {
    #[serde(rename = "memory")]
    pub memory: i32,
    #[serde(
        rename = "maxComputePercent",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub max_compute_percent: Option<i32>,
}

/// Wire enum `OSFamily`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum OSFamily {
    #[serde(rename = "WINDOWS_SERVER_2019_FULL")]
    WindowsServer2019Full,
    #[serde(rename = "WINDOWS_SERVER_2019_CORE")]
    WindowsServer2019Core,
    #[serde(rename = "WINDOWS_SERVER_2016_FULL")]
    WindowsServer2016Full,
    #[serde(rename = "WINDOWS_SERVER_2004_CORE")]
    WindowsServer2004Core,
    #[serde(rename = "WINDOWS_SERVER_2022_CORE")]
    WindowsServer2022Core,
    #[serde(rename = "WINDOWS_SERVER_2022_FULL")]
    WindowsServer2022Full,
    #[serde(rename = "WINDOWS_SERVER_2025_CORE")]
    WindowsServer2025Core,
    #[serde(rename = "WINDOWS_SERVER_2025_FULL")]
    WindowsServer2025Full,
    #[serde(rename = "WINDOWS_SERVER_20H2_CORE")]
    WindowsServer20h2Core,
    #[serde(rename = "LINUX")]
    Linux,
}

impl OSFamily {
    /// Every value, in model order.
    pub const ALL: &'static [OSFamily] = &[
        OSFamily::WindowsServer2019Full,
        OSFamily::WindowsServer2019Core,
        OSFamily::WindowsServer2016Full,
        OSFamily::WindowsServer2004Core,
        OSFamily::WindowsServer2022Core,
        OSFamily::WindowsServer2022Full,
        OSFamily::WindowsServer2025Core,
        OSFamily::WindowsServer2025Full,
        OSFamily::WindowsServer20h2Core,
        OSFamily::Linux,
    ];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            OSFamily::WindowsServer2019Full => "WINDOWS_SERVER_2019_FULL",
            OSFamily::WindowsServer2019Core => "WINDOWS_SERVER_2019_CORE",
            OSFamily::WindowsServer2016Full => "WINDOWS_SERVER_2016_FULL",
            OSFamily::WindowsServer2004Core => "WINDOWS_SERVER_2004_CORE",
            OSFamily::WindowsServer2022Core => "WINDOWS_SERVER_2022_CORE",
            OSFamily::WindowsServer2022Full => "WINDOWS_SERVER_2022_FULL",
            OSFamily::WindowsServer2025Core => "WINDOWS_SERVER_2025_CORE",
            OSFamily::WindowsServer2025Full => "WINDOWS_SERVER_2025_FULL",
            OSFamily::WindowsServer20h2Core => "WINDOWS_SERVER_20H2_CORE",
            OSFamily::Linux => "LINUX",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for OSFamily {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire enum `PidMode`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum PidMode {
    #[serde(rename = "host")]
    Host,
    #[serde(rename = "task")]
    Task,
}

impl PidMode {
    /// Every value, in model order.
    pub const ALL: &'static [PidMode] = &[PidMode::Host, PidMode::Task];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            PidMode::Host => "host",
            PidMode::Task => "task",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for PidMode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire structure `PlacementConstraint`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PlacementConstraint {
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub r#type: Option<PlacementConstraintType>,
    #[serde(
        rename = "expression",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub expression: Option<String>,
}

/// Wire enum `PlacementConstraintType`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum PlacementConstraintType {
    #[serde(rename = "distinctInstance")]
    DistinctInstance,
    #[serde(rename = "memberOf")]
    MemberOf,
}

impl PlacementConstraintType {
    /// Every value, in model order.
    pub const ALL: &'static [PlacementConstraintType] = &[
        PlacementConstraintType::DistinctInstance,
        PlacementConstraintType::MemberOf,
    ];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            PlacementConstraintType::DistinctInstance => "distinctInstance",
            PlacementConstraintType::MemberOf => "memberOf",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for PlacementConstraintType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire structure `PlacementStrategy`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PlacementStrategy {
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub r#type: Option<PlacementStrategyType>,
    #[serde(rename = "field", default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
}

/// Wire enum `PlacementStrategyType`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum PlacementStrategyType {
    #[serde(rename = "random")]
    Random,
    #[serde(rename = "spread")]
    Spread,
    #[serde(rename = "binpack")]
    Binpack,
}

impl PlacementStrategyType {
    /// Every value, in model order.
    pub const ALL: &'static [PlacementStrategyType] = &[
        PlacementStrategyType::Random,
        PlacementStrategyType::Spread,
        PlacementStrategyType::Binpack,
    ];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            PlacementStrategyType::Random => "random",
            PlacementStrategyType::Spread => "spread",
            PlacementStrategyType::Binpack => "binpack",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for PlacementStrategyType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire structure `PlatformDevice`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlatformDevice {
    #[serde(rename = "id")]
    pub id: String,
    #[serde(rename = "type")]
    pub r#type: PlatformDeviceType,
}

/// Wire enum `PlatformDeviceType`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum PlatformDeviceType {
    #[serde(rename = "GPU")]
    Gpu,
    #[serde(rename = "NEURON_DEVICE")]
    NeuronDevice,
}

impl PlatformDeviceType {
    /// Every value, in model order.
    pub const ALL: &'static [PlatformDeviceType] =
        &[PlatformDeviceType::Gpu, PlatformDeviceType::NeuronDevice];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            PlatformDeviceType::Gpu => "GPU",
            PlatformDeviceType::NeuronDevice => "NEURON_DEVICE",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for PlatformDeviceType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire exception `PlatformTaskDefinitionIncompatibilityException`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PlatformTaskDefinitionIncompatibilityException {
    #[serde(rename = "message", default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

/// Wire exception `PlatformUnknownException`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PlatformUnknownException {
    #[serde(rename = "message", default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

/// Wire structure `PortMapping`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PortMapping {
    #[serde(
        rename = "containerPort",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub container_port: Option<i32>,
    #[serde(rename = "hostPort", default, skip_serializing_if = "Option::is_none")]
    pub host_port: Option<i32>,
    #[serde(rename = "protocol", default, skip_serializing_if = "Option::is_none")]
    pub protocol: Option<TransportProtocol>,
    #[serde(rename = "name", default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(
        rename = "appProtocol",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub app_protocol: Option<ApplicationProtocol>,
    #[serde(
        rename = "containerPortRange",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub container_port_range: Option<String>,
}

/// Wire enum `PropagateGatewayTags`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum PropagateGatewayTags {
    #[serde(rename = "NONE")]
    None,
    #[serde(rename = "GATEWAY")]
    Gateway,
}

impl PropagateGatewayTags {
    /// Every value, in model order.
    pub const ALL: &'static [PropagateGatewayTags] =
        &[PropagateGatewayTags::None, PropagateGatewayTags::Gateway];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            PropagateGatewayTags::None => "NONE",
            PropagateGatewayTags::Gateway => "GATEWAY",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for PropagateGatewayTags {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire enum `PropagateMITags`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum PropagateMITags {
    #[serde(rename = "CAPACITY_PROVIDER")]
    CapacityProvider,
    #[serde(rename = "NONE")]
    None,
}

impl PropagateMITags {
    /// Every value, in model order.
    pub const ALL: &'static [PropagateMITags] =
        &[PropagateMITags::CapacityProvider, PropagateMITags::None];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            PropagateMITags::CapacityProvider => "CAPACITY_PROVIDER",
            PropagateMITags::None => "NONE",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for PropagateMITags {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire enum `PropagateTags`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum PropagateTags {
    #[serde(rename = "TASK_DEFINITION")]
    TaskDefinition,
    #[serde(rename = "SERVICE")]
    Service,
    #[serde(rename = "NONE")]
    None,
}

impl PropagateTags {
    /// Every value, in model order.
    pub const ALL: &'static [PropagateTags] = &[
        PropagateTags::TaskDefinition,
        PropagateTags::Service,
        PropagateTags::None,
    ];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            PropagateTags::TaskDefinition => "TASK_DEFINITION",
            PropagateTags::Service => "SERVICE",
            PropagateTags::None => "NONE",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for PropagateTags {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire structure `ProtectedTask`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ProtectedTask {
    #[serde(rename = "taskArn", default, skip_serializing_if = "Option::is_none")]
    pub task_arn: Option<String>,
    #[serde(
        rename = "protectionEnabled",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub protection_enabled: Option<bool>,
    /// Timestamp: epoch seconds as a JSON number.
    #[serde(
        rename = "expirationDate",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub expiration_date: Option<f64>,
}

/// Wire structure `ProxyConfiguration`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProxyConfiguration {
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub r#type: Option<ProxyConfigurationType>,
    #[serde(rename = "containerName")]
    pub container_name: String,
    #[serde(
        rename = "properties",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub properties: Option<Vec<KeyValuePair>>,
}

/// Wire enum `ProxyConfigurationType`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ProxyConfigurationType {
    #[serde(rename = "APPMESH")]
    Appmesh,
}

impl ProxyConfigurationType {
    /// Every value, in model order.
    pub const ALL: &'static [ProxyConfigurationType] = &[ProxyConfigurationType::Appmesh];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            ProxyConfigurationType::Appmesh => "APPMESH",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for ProxyConfigurationType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire structure `PutAccountSettingDefaultRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PutAccountSettingDefaultRequest {
    #[serde(rename = "name")]
    pub name: SettingName,
    #[serde(rename = "value")]
    pub value: String,
}

/// Wire structure `PutAccountSettingDefaultResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PutAccountSettingDefaultResponse {
    #[serde(rename = "setting", default, skip_serializing_if = "Option::is_none")]
    pub setting: Option<Setting>,
}

/// Wire structure `PutAccountSettingRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PutAccountSettingRequest {
    #[serde(rename = "name")]
    pub name: SettingName,
    #[serde(rename = "value")]
    pub value: String,
    #[serde(
        rename = "principalArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub principal_arn: Option<String>,
}

/// Wire structure `PutAccountSettingResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PutAccountSettingResponse {
    #[serde(rename = "setting", default, skip_serializing_if = "Option::is_none")]
    pub setting: Option<Setting>,
}

/// Wire structure `PutAttributesRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PutAttributesRequest {
    #[serde(rename = "cluster", default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<String>,
    #[serde(rename = "attributes")]
    pub attributes: Vec<Attribute>,
}

/// Wire structure `PutAttributesResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PutAttributesResponse {
    #[serde(
        rename = "attributes",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub attributes: Option<Vec<Attribute>>,
}

/// Wire structure `PutClusterCapacityProvidersRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PutClusterCapacityProvidersRequest {
    #[serde(rename = "cluster")]
    pub cluster: String,
    #[serde(rename = "capacityProviders")]
    pub capacity_providers: Vec<String>,
    #[serde(rename = "defaultCapacityProviderStrategy")]
    pub default_capacity_provider_strategy: Vec<CapacityProviderStrategyItem>,
}

/// Wire structure `PutClusterCapacityProvidersResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PutClusterCapacityProvidersResponse {
    #[serde(rename = "cluster", default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<Cluster>,
}

/// Wire structure `RegisterContainerInstanceRequest`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RegisterContainerInstanceRequest {
    #[serde(rename = "cluster", default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<String>,
    #[serde(
        rename = "instanceIdentityDocument",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub instance_identity_document: Option<String>,
    #[serde(
        rename = "instanceIdentityDocumentSignature",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub instance_identity_document_signature: Option<String>,
    #[serde(
        rename = "totalResources",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub total_resources: Option<Vec<Resource>>,
    #[serde(
        rename = "versionInfo",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub version_info: Option<VersionInfo>,
    #[serde(
        rename = "containerInstanceArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub container_instance_arn: Option<String>,
    #[serde(
        rename = "attributes",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub attributes: Option<Vec<Attribute>>,
    #[serde(
        rename = "platformDevices",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub platform_devices: Option<Vec<PlatformDevice>>,
    #[serde(rename = "tags", default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<Tag>>,
}

/// Wire structure `RegisterContainerInstanceResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RegisterContainerInstanceResponse {
    #[serde(
        rename = "containerInstance",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub container_instance: Option<ContainerInstance>,
}

/// Wire structure `RegisterDaemonTaskDefinitionRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RegisterDaemonTaskDefinitionRequest {
    #[serde(rename = "family")]
    pub family: String,
    #[serde(
        rename = "taskRoleArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub task_role_arn: Option<String>,
    #[serde(
        rename = "executionRoleArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub execution_role_arn: Option<String>,
    #[serde(rename = "containerDefinitions")]
    pub container_definitions: Vec<DaemonContainerDefinition>,
    #[serde(rename = "cpu", default, skip_serializing_if = "Option::is_none")]
    pub cpu: Option<String>,
    #[serde(rename = "memory", default, skip_serializing_if = "Option::is_none")]
    pub memory: Option<String>,
    #[serde(rename = "volumes", default, skip_serializing_if = "Option::is_none")]
    pub volumes: Option<Vec<DaemonVolume>>,
    #[serde(rename = "tags", default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<Tag>>,
    #[serde(rename = "pidMode", default, skip_serializing_if = "Option::is_none")]
    pub pid_mode: Option<DaemonPidMode>,
    #[serde(rename = "ipcMode", default, skip_serializing_if = "Option::is_none")]
    pub ipc_mode: Option<DaemonIpcMode>,
}

/// Wire structure `RegisterDaemonTaskDefinitionResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RegisterDaemonTaskDefinitionResponse {
    #[serde(
        rename = "daemonTaskDefinitionArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub daemon_task_definition_arn: Option<String>,
}

/// Wire structure `RegisterTaskDefinitionRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RegisterTaskDefinitionRequest {
    #[serde(rename = "family")]
    pub family: String,
    #[serde(
        rename = "taskRoleArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub task_role_arn: Option<String>,
    #[serde(
        rename = "executionRoleArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub execution_role_arn: Option<String>,
    #[serde(
        rename = "networkMode",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub network_mode: Option<NetworkMode>,
    #[serde(rename = "containerDefinitions")]
    pub container_definitions: Vec<ContainerDefinition>,
    #[serde(rename = "volumes", default, skip_serializing_if = "Option::is_none")]
    pub volumes: Option<Vec<Volume>>,
    #[serde(
        rename = "placementConstraints",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub placement_constraints: Option<Vec<TaskDefinitionPlacementConstraint>>,
    #[serde(
        rename = "requiresCompatibilities",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub requires_compatibilities: Option<Vec<Compatibility>>,
    #[serde(rename = "cpu", default, skip_serializing_if = "Option::is_none")]
    pub cpu: Option<String>,
    #[serde(rename = "memory", default, skip_serializing_if = "Option::is_none")]
    pub memory: Option<String>,
    #[serde(rename = "tags", default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<Tag>>,
    #[serde(rename = "pidMode", default, skip_serializing_if = "Option::is_none")]
    pub pid_mode: Option<PidMode>,
    #[serde(rename = "ipcMode", default, skip_serializing_if = "Option::is_none")]
    pub ipc_mode: Option<IpcMode>,
    #[serde(
        rename = "proxyConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub proxy_configuration: Option<ProxyConfiguration>,
    #[serde(
        rename = "inferenceAccelerators",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub inference_accelerators: Option<Vec<InferenceAccelerator>>,
    #[serde(
        rename = "ephemeralStorage",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub ephemeral_storage: Option<EphemeralStorage>,
    #[serde(
        rename = "runtimePlatform",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub runtime_platform: Option<RuntimePlatform>,
    #[serde(
        rename = "enableFaultInjection",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub enable_fault_injection: Option<bool>,
    #[serde(
        rename = "trustedExecutionConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub trusted_execution_configuration: Option<TrustedExecutionConfiguration>,
}

/// Wire structure `RegisterTaskDefinitionResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RegisterTaskDefinitionResponse {
    #[serde(
        rename = "taskDefinition",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub task_definition: Option<TaskDefinition>,
    #[serde(rename = "tags", default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<Tag>>,
}

/// Wire structure `RepositoryCredentials`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RepositoryCredentials {
    #[serde(rename = "credentialsParameter")]
    pub credentials_parameter: String,
}

/// Wire structure `ResolvedConfiguration`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ResolvedConfiguration {
    #[serde(
        rename = "loadBalancers",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub load_balancers: Option<Vec<ServiceRevisionLoadBalancer>>,
    #[serde(
        rename = "vpcLatticeConfigurations",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub vpc_lattice_configurations: Option<Vec<ServiceRevisionVpcLatticeConfiguration>>,
}

/// Wire structure `Resource`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Resource {
    #[serde(rename = "name", default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub r#type: Option<String>,
    #[serde(
        rename = "doubleValue",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub double_value: Option<f64>,
    #[serde(rename = "longValue", default, skip_serializing_if = "Option::is_none")]
    pub long_value: Option<i64>,
    #[serde(
        rename = "integerValue",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub integer_value: Option<i32>,
    #[serde(
        rename = "stringSetValue",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub string_set_value: Option<Vec<String>>,
}

/// Wire exception `ResourceInUseException`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ResourceInUseException {
    #[serde(rename = "message", default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

/// Wire enum `ResourceManagementType`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ResourceManagementType {
    #[serde(rename = "CUSTOMER")]
    Customer,
    #[serde(rename = "ECS")]
    Ecs,
}

impl ResourceManagementType {
    /// Every value, in model order.
    pub const ALL: &'static [ResourceManagementType] = &[
        ResourceManagementType::Customer,
        ResourceManagementType::Ecs,
    ];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            ResourceManagementType::Customer => "CUSTOMER",
            ResourceManagementType::Ecs => "ECS",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for ResourceManagementType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire exception `ResourceNotFoundException`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ResourceNotFoundException {
    #[serde(rename = "message", default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

/// Wire structure `ResourceRequirement`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ResourceRequirement {
    #[serde(rename = "value", default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    #[serde(rename = "type")]
    pub r#type: ResourceType,
    #[serde(
        rename = "sharingStrategy",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub sharing_strategy: Option<SharingStrategy>,
}

/// Wire enum `ResourceType`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ResourceType {
    #[serde(rename = "GPU")]
    Gpu,
    #[serde(rename = "InferenceAccelerator")]
    InferenceAccelerator,
    #[serde(rename = "NeuronDevice")]
    NeuronDevice,
}

impl ResourceType {
    /// Every value, in model order.
    pub const ALL: &'static [ResourceType] = &[
        ResourceType::Gpu,
        ResourceType::InferenceAccelerator,
        ResourceType::NeuronDevice,
    ];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            ResourceType::Gpu => "GPU",
            ResourceType::InferenceAccelerator => "InferenceAccelerator",
            ResourceType::NeuronDevice => "NeuronDevice",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for ResourceType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire structure `Rollback`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Rollback {
    #[serde(rename = "reason", default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// Timestamp: epoch seconds as a JSON number.
    #[serde(rename = "startedAt", default, skip_serializing_if = "Option::is_none")]
    pub started_at: Option<f64>,
    #[serde(
        rename = "serviceRevisionArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub service_revision_arn: Option<String>,
}

/// Wire structure `RunTaskRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RunTaskRequest {
    #[serde(
        rename = "capacityProviderStrategy",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub capacity_provider_strategy: Option<Vec<CapacityProviderStrategyItem>>,
    #[serde(rename = "cluster", default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<String>,
    #[serde(rename = "count", default, skip_serializing_if = "Option::is_none")]
    pub count: Option<i32>,
    #[serde(
        rename = "enableECSManagedTags",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub enable_ecs_managed_tags: Option<bool>,
    #[serde(
        rename = "enableExecuteCommand",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub enable_execute_command: Option<bool>,
    #[serde(rename = "group", default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    #[serde(
        rename = "launchType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub launch_type: Option<LaunchType>,
    #[serde(
        rename = "networkConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub network_configuration: Option<NetworkConfiguration>,
    #[serde(rename = "overrides", default, skip_serializing_if = "Option::is_none")]
    pub overrides: Option<TaskOverride>,
    #[serde(
        rename = "placementConstraints",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub placement_constraints: Option<Vec<PlacementConstraint>>,
    #[serde(
        rename = "placementStrategy",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub placement_strategy: Option<Vec<PlacementStrategy>>,
    #[serde(
        rename = "platformVersion",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub platform_version: Option<String>,
    #[serde(
        rename = "propagateTags",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub propagate_tags: Option<PropagateTags>,
    #[serde(
        rename = "referenceId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub reference_id: Option<String>,
    #[serde(rename = "startedBy", default, skip_serializing_if = "Option::is_none")]
    pub started_by: Option<String>,
    #[serde(rename = "tags", default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<Tag>>,
    #[serde(rename = "taskDefinition")]
    pub task_definition: String,
    #[serde(
        rename = "clientToken",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub client_token: Option<String>,
    #[serde(
        rename = "volumeConfigurations",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub volume_configurations: Option<Vec<TaskVolumeConfiguration>>,
}

/// Wire structure `RunTaskResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RunTaskResponse {
    #[serde(rename = "tasks", default, skip_serializing_if = "Option::is_none")]
    pub tasks: Option<Vec<Task>>,
    #[serde(rename = "failures", default, skip_serializing_if = "Option::is_none")]
    pub failures: Option<Vec<Failure>>,
}

/// Wire structure `RuntimePlatform`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RuntimePlatform {
    #[serde(
        rename = "cpuArchitecture",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub cpu_architecture: Option<CPUArchitecture>,
    #[serde(
        rename = "operatingSystemFamily",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub operating_system_family: Option<OSFamily>,
}

/// Wire structure `RuntimePlatformOverride`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RuntimePlatformOverride {
    #[serde(
        rename = "cpuArchitecture",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub cpu_architecture: Option<String>,
}

/// Wire structure `S3FilesVolumeConfiguration`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct S3FilesVolumeConfiguration {
    #[serde(rename = "fileSystemArn")]
    pub file_system_arn: String,
    #[serde(
        rename = "rootDirectory",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub root_directory: Option<String>,
    #[serde(
        rename = "transitEncryptionPort",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub transit_encryption_port: Option<i32>,
    #[serde(
        rename = "accessPointArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub access_point_arn: Option<String>,
}

/// Wire structure `Scale`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Scale {
    #[serde(rename = "value", default, skip_serializing_if = "Option::is_none")]
    pub value: Option<f64>,
    #[serde(rename = "unit", default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<ScaleUnit>,
}

/// Wire enum `ScaleUnit`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ScaleUnit {
    #[serde(rename = "PERCENT")]
    Percent,
}

impl ScaleUnit {
    /// Every value, in model order.
    pub const ALL: &'static [ScaleUnit] = &[ScaleUnit::Percent];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            ScaleUnit::Percent => "PERCENT",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for ScaleUnit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire enum `SchedulingStrategy`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum SchedulingStrategy {
    #[serde(rename = "REPLICA")]
    Replica,
    #[serde(rename = "DAEMON")]
    Daemon,
}

impl SchedulingStrategy {
    /// Every value, in model order.
    pub const ALL: &'static [SchedulingStrategy] =
        &[SchedulingStrategy::Replica, SchedulingStrategy::Daemon];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            SchedulingStrategy::Replica => "REPLICA",
            SchedulingStrategy::Daemon => "DAEMON",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for SchedulingStrategy {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire enum `Scope`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Scope {
    #[serde(rename = "task")]
    Task,
    #[serde(rename = "shared")]
    Shared,
}

impl Scope {
    /// Every value, in model order.
    pub const ALL: &'static [Scope] = &[Scope::Task, Scope::Shared];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            Scope::Task => "task",
            Scope::Shared => "shared",
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

/// Wire structure `Secret`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Secret {
    #[serde(rename = "name")]
    pub name: String,
    #[serde(rename = "valueFrom")]
    pub value_from: String,
}

/// Wire exception `ServerException`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ServerException {
    #[serde(rename = "message", default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

/// Wire structure `Service`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Service {
    #[serde(
        rename = "serviceArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub service_arn: Option<String>,
    #[serde(
        rename = "serviceName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub service_name: Option<String>,
    #[serde(
        rename = "clusterArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub cluster_arn: Option<String>,
    #[serde(
        rename = "loadBalancers",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub load_balancers: Option<Vec<LoadBalancer>>,
    #[serde(
        rename = "serviceRegistries",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub service_registries: Option<Vec<ServiceRegistry>>,
    #[serde(rename = "status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    #[serde(
        rename = "desiredCount",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub desired_count: Option<i32>,
    #[serde(
        rename = "runningCount",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub running_count: Option<i32>,
    #[serde(
        rename = "pendingCount",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub pending_count: Option<i32>,
    #[serde(
        rename = "launchType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub launch_type: Option<LaunchType>,
    #[serde(
        rename = "capacityProviderStrategy",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub capacity_provider_strategy: Option<Vec<CapacityProviderStrategyItem>>,
    #[serde(
        rename = "platformVersion",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub platform_version: Option<String>,
    #[serde(
        rename = "platformFamily",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub platform_family: Option<String>,
    #[serde(
        rename = "taskDefinition",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub task_definition: Option<String>,
    #[serde(
        rename = "deploymentConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub deployment_configuration: Option<DeploymentConfiguration>,
    #[serde(rename = "taskSets", default, skip_serializing_if = "Option::is_none")]
    pub task_sets: Option<Vec<TaskSet>>,
    #[serde(
        rename = "deployments",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub deployments: Option<Vec<Deployment>>,
    #[serde(rename = "roleArn", default, skip_serializing_if = "Option::is_none")]
    pub role_arn: Option<String>,
    #[serde(rename = "events", default, skip_serializing_if = "Option::is_none")]
    pub events: Option<Vec<ServiceEvent>>,
    /// Timestamp: epoch seconds as a JSON number.
    #[serde(rename = "createdAt", default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<f64>,
    #[serde(
        rename = "currentServiceDeployment",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub current_service_deployment: Option<String>,
    #[serde(
        rename = "currentServiceRevisions",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub current_service_revisions: Option<Vec<ServiceCurrentRevisionSummary>>,
    #[serde(
        rename = "placementConstraints",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub placement_constraints: Option<Vec<PlacementConstraint>>,
    #[serde(
        rename = "placementStrategy",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub placement_strategy: Option<Vec<PlacementStrategy>>,
    #[serde(
        rename = "networkConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub network_configuration: Option<NetworkConfiguration>,
    #[serde(
        rename = "healthCheckGracePeriodSeconds",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub health_check_grace_period_seconds: Option<i32>,
    #[serde(
        rename = "schedulingStrategy",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub scheduling_strategy: Option<SchedulingStrategy>,
    #[serde(
        rename = "deploymentController",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub deployment_controller: Option<DeploymentController>,
    #[serde(rename = "tags", default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<Tag>>,
    #[serde(rename = "createdBy", default, skip_serializing_if = "Option::is_none")]
    pub created_by: Option<String>,
    #[serde(
        rename = "enableECSManagedTags",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub enable_ecs_managed_tags: Option<bool>,
    #[serde(
        rename = "propagateTags",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub propagate_tags: Option<PropagateTags>,
    #[serde(
        rename = "enableExecuteCommand",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub enable_execute_command: Option<bool>,
    #[serde(
        rename = "availabilityZoneRebalancing",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub availability_zone_rebalancing: Option<AvailabilityZoneRebalancing>,
    #[serde(
        rename = "resourceManagementType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub resource_management_type: Option<ResourceManagementType>,
}

/// Wire structure `ServiceConnectAccessLogConfiguration`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ServiceConnectAccessLogConfiguration {
    #[serde(rename = "format")]
    pub format: ServiceConnectAccessLoggingFormat,
    #[serde(
        rename = "includeQueryParameters",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub include_query_parameters: Option<ServiceConnectIncludeQueryParameters>,
}

/// Wire enum `ServiceConnectAccessLoggingFormat`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ServiceConnectAccessLoggingFormat {
    #[serde(rename = "TEXT")]
    Text,
    #[serde(rename = "JSON")]
    Json,
}

impl ServiceConnectAccessLoggingFormat {
    /// Every value, in model order.
    pub const ALL: &'static [ServiceConnectAccessLoggingFormat] = &[
        ServiceConnectAccessLoggingFormat::Text,
        ServiceConnectAccessLoggingFormat::Json,
    ];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            ServiceConnectAccessLoggingFormat::Text => "TEXT",
            ServiceConnectAccessLoggingFormat::Json => "JSON",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for ServiceConnectAccessLoggingFormat {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire structure `ServiceConnectClientAlias`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ServiceConnectClientAlias {
    #[serde(rename = "port")]
    pub port: i32,
    #[serde(rename = "dnsName", default, skip_serializing_if = "Option::is_none")]
    pub dns_name: Option<String>,
    #[serde(
        rename = "testTrafficRules",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub test_traffic_rules: Option<ServiceConnectTestTrafficRules>,
}

/// Wire structure `ServiceConnectConfiguration`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ServiceConnectConfiguration {
    #[serde(rename = "enabled")]
    pub enabled: bool,
    #[serde(rename = "namespace", default, skip_serializing_if = "Option::is_none")]
    pub namespace: Option<String>,
    #[serde(rename = "services", default, skip_serializing_if = "Option::is_none")]
    pub services: Option<Vec<ServiceConnectService>>,
    #[serde(
        rename = "logConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub log_configuration: Option<LogConfiguration>,
    #[serde(
        rename = "accessLogConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub access_log_configuration: Option<ServiceConnectAccessLogConfiguration>,
    #[serde(
        rename = "containerConfigurations",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub container_configurations: Option<Vec<ServiceConnectContainerConfiguration>>,
}

/// Wire union (at most one member set) `ServiceConnectContainerConfiguration`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ServiceConnectContainerConfiguration {
    #[serde(rename = "logLevel", default, skip_serializing_if = "Option::is_none")]
    pub log_level: Option<ServiceConnectContainerLogLevel>,
}

/// Wire enum `ServiceConnectContainerLogLevel`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ServiceConnectContainerLogLevel {
    #[serde(rename = "debug")]
    Debug,
    #[serde(rename = "info")]
    Info,
}

impl ServiceConnectContainerLogLevel {
    /// Every value, in model order.
    pub const ALL: &'static [ServiceConnectContainerLogLevel] = &[
        ServiceConnectContainerLogLevel::Debug,
        ServiceConnectContainerLogLevel::Info,
    ];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            ServiceConnectContainerLogLevel::Debug => "debug",
            ServiceConnectContainerLogLevel::Info => "info",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for ServiceConnectContainerLogLevel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire enum `ServiceConnectIncludeQueryParameters`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ServiceConnectIncludeQueryParameters {
    #[serde(rename = "DISABLED")]
    Disabled,
    #[serde(rename = "ENABLED")]
    Enabled,
}

impl ServiceConnectIncludeQueryParameters {
    /// Every value, in model order.
    pub const ALL: &'static [ServiceConnectIncludeQueryParameters] = &[
        ServiceConnectIncludeQueryParameters::Disabled,
        ServiceConnectIncludeQueryParameters::Enabled,
    ];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            ServiceConnectIncludeQueryParameters::Disabled => "DISABLED",
            ServiceConnectIncludeQueryParameters::Enabled => "ENABLED",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for ServiceConnectIncludeQueryParameters {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire structure `ServiceConnectService`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ServiceConnectService {
    #[serde(rename = "portName")]
    pub port_name: String,
    #[serde(
        rename = "discoveryName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub discovery_name: Option<String>,
    #[serde(
        rename = "clientAliases",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub client_aliases: Option<Vec<ServiceConnectClientAlias>>,
    #[serde(
        rename = "ingressPortOverride",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub ingress_port_override: Option<i32>,
    #[serde(rename = "timeout", default, skip_serializing_if = "Option::is_none")]
    pub timeout: Option<TimeoutConfiguration>,
    #[serde(rename = "tls", default, skip_serializing_if = "Option::is_none")]
    pub tls: Option<ServiceConnectTlsConfiguration>,
}

/// Wire structure `ServiceConnectServiceResource`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ServiceConnectServiceResource {
    #[serde(
        rename = "discoveryName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub discovery_name: Option<String>,
    #[serde(
        rename = "discoveryArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub discovery_arn: Option<String>,
}

/// Wire structure `ServiceConnectTestTrafficHeaderMatchRules`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ServiceConnectTestTrafficHeaderMatchRules {
    #[serde(rename = "exact")]
    pub exact: String,
}

/// Wire structure `ServiceConnectTestTrafficHeaderRules`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ServiceConnectTestTrafficHeaderRules {
    #[serde(rename = "name")]
    pub name: String,
    #[serde(rename = "value", default, skip_serializing_if = "Option::is_none")]
    pub value: Option<ServiceConnectTestTrafficHeaderMatchRules>,
}

/// Wire structure `ServiceConnectTestTrafficRules`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ServiceConnectTestTrafficRules {
    #[serde(rename = "header")]
    pub header: ServiceConnectTestTrafficHeaderRules,
}

/// Wire structure `ServiceConnectTlsCertificateAuthority`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ServiceConnectTlsCertificateAuthority {
    #[serde(
        rename = "awsPcaAuthorityArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub aws_pca_authority_arn: Option<String>,
}

/// Wire structure `ServiceConnectTlsConfiguration`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ServiceConnectTlsConfiguration {
    #[serde(rename = "issuerCertificateAuthority")]
    pub issuer_certificate_authority: ServiceConnectTlsCertificateAuthority,
    #[serde(rename = "kmsKey", default, skip_serializing_if = "Option::is_none")]
    pub kms_key: Option<String>,
    #[serde(rename = "roleArn", default, skip_serializing_if = "Option::is_none")]
    pub role_arn: Option<String>,
}

/// Wire structure `ServiceCurrentRevisionSummary`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ServiceCurrentRevisionSummary {
    #[serde(rename = "arn", default, skip_serializing_if = "Option::is_none")]
    pub arn: Option<String>,
    #[serde(
        rename = "requestedTaskCount",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub requested_task_count: Option<i32>,
    #[serde(
        rename = "runningTaskCount",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub running_task_count: Option<i32>,
    #[serde(
        rename = "pendingTaskCount",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub pending_task_count: Option<i32>,
}

/// Wire structure `ServiceDeployment`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ServiceDeployment {
    #[serde(
        rename = "serviceDeploymentArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub service_deployment_arn: Option<String>,
    #[serde(
        rename = "serviceArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub service_arn: Option<String>,
    #[serde(
        rename = "clusterArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub cluster_arn: Option<String>,
    /// Timestamp: epoch seconds as a JSON number.
    #[serde(rename = "createdAt", default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<f64>,
    /// Timestamp: epoch seconds as a JSON number.
    #[serde(rename = "startedAt", default, skip_serializing_if = "Option::is_none")]
    pub started_at: Option<f64>,
    /// Timestamp: epoch seconds as a JSON number.
    #[serde(
        rename = "finishedAt",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub finished_at: Option<f64>,
    /// Timestamp: epoch seconds as a JSON number.
    #[serde(rename = "stoppedAt", default, skip_serializing_if = "Option::is_none")]
    pub stopped_at: Option<f64>,
    /// Timestamp: epoch seconds as a JSON number.
    #[serde(rename = "updatedAt", default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<f64>,
    #[serde(
        rename = "sourceServiceRevisions",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub source_service_revisions: Option<Vec<ServiceRevisionSummary>>,
    #[serde(
        rename = "targetServiceRevision",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub target_service_revision: Option<ServiceRevisionSummary>,
    #[serde(rename = "status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<ServiceDeploymentStatus>,
    #[serde(
        rename = "statusReason",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub status_reason: Option<String>,
    #[serde(
        rename = "lifecycleStage",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub lifecycle_stage: Option<ServiceDeploymentLifecycleStage>,
    #[serde(
        rename = "lifecycleHookDetails",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub lifecycle_hook_details: Option<Vec<DeploymentLifecycleHookDetail>>,
    #[serde(
        rename = "deploymentConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub deployment_configuration: Option<DeploymentConfiguration>,
    #[serde(rename = "rollback", default, skip_serializing_if = "Option::is_none")]
    pub rollback: Option<Rollback>,
    #[serde(
        rename = "deploymentCircuitBreaker",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub deployment_circuit_breaker: Option<ServiceDeploymentCircuitBreaker>,
    #[serde(rename = "alarms", default, skip_serializing_if = "Option::is_none")]
    pub alarms: Option<ServiceDeploymentAlarms>,
}

/// Wire structure `ServiceDeploymentAlarms`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ServiceDeploymentAlarms {
    #[serde(rename = "status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<ServiceDeploymentRollbackMonitorsStatus>,
    #[serde(
        rename = "alarmNames",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub alarm_names: Option<Vec<String>>,
    #[serde(
        rename = "triggeredAlarmNames",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub triggered_alarm_names: Option<Vec<String>>,
}

/// Wire structure `ServiceDeploymentBrief`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ServiceDeploymentBrief {
    #[serde(
        rename = "serviceDeploymentArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub service_deployment_arn: Option<String>,
    #[serde(
        rename = "serviceArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub service_arn: Option<String>,
    #[serde(
        rename = "clusterArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub cluster_arn: Option<String>,
    /// Timestamp: epoch seconds as a JSON number.
    #[serde(rename = "startedAt", default, skip_serializing_if = "Option::is_none")]
    pub started_at: Option<f64>,
    /// Timestamp: epoch seconds as a JSON number.
    #[serde(rename = "createdAt", default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<f64>,
    /// Timestamp: epoch seconds as a JSON number.
    #[serde(
        rename = "finishedAt",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub finished_at: Option<f64>,
    #[serde(
        rename = "targetServiceRevisionArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub target_service_revision_arn: Option<String>,
    #[serde(rename = "status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<ServiceDeploymentStatus>,
    #[serde(
        rename = "statusReason",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub status_reason: Option<String>,
}

/// Wire structure `ServiceDeploymentCircuitBreaker`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ServiceDeploymentCircuitBreaker {
    #[serde(rename = "status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<ServiceDeploymentRollbackMonitorsStatus>,
    #[serde(
        rename = "failureCount",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub failure_count: Option<i32>,
    #[serde(rename = "threshold", default, skip_serializing_if = "Option::is_none")]
    pub threshold: Option<i32>,
}

/// Wire enum `ServiceDeploymentLifecycleStage`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ServiceDeploymentLifecycleStage {
    #[serde(rename = "RECONCILE_SERVICE")]
    ReconcileService,
    #[serde(rename = "PRE_SCALE_UP")]
    PreScaleUp,
    #[serde(rename = "SCALE_UP")]
    ScaleUp,
    #[serde(rename = "POST_SCALE_UP")]
    PostScaleUp,
    #[serde(rename = "TEST_TRAFFIC_SHIFT")]
    TestTrafficShift,
    #[serde(rename = "POST_TEST_TRAFFIC_SHIFT")]
    PostTestTrafficShift,
    #[serde(rename = "PRODUCTION_TRAFFIC_SHIFT")]
    ProductionTrafficShift,
    #[serde(rename = "POST_PRODUCTION_TRAFFIC_SHIFT")]
    PostProductionTrafficShift,
    #[serde(rename = "BAKE_TIME")]
    BakeTime,
    #[serde(rename = "CLEAN_UP")]
    CleanUp,
}

impl ServiceDeploymentLifecycleStage {
    /// Every value, in model order.
    pub const ALL: &'static [ServiceDeploymentLifecycleStage] = &[
        ServiceDeploymentLifecycleStage::ReconcileService,
        ServiceDeploymentLifecycleStage::PreScaleUp,
        ServiceDeploymentLifecycleStage::ScaleUp,
        ServiceDeploymentLifecycleStage::PostScaleUp,
        ServiceDeploymentLifecycleStage::TestTrafficShift,
        ServiceDeploymentLifecycleStage::PostTestTrafficShift,
        ServiceDeploymentLifecycleStage::ProductionTrafficShift,
        ServiceDeploymentLifecycleStage::PostProductionTrafficShift,
        ServiceDeploymentLifecycleStage::BakeTime,
        ServiceDeploymentLifecycleStage::CleanUp,
    ];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            ServiceDeploymentLifecycleStage::ReconcileService => "RECONCILE_SERVICE",
            ServiceDeploymentLifecycleStage::PreScaleUp => "PRE_SCALE_UP",
            ServiceDeploymentLifecycleStage::ScaleUp => "SCALE_UP",
            ServiceDeploymentLifecycleStage::PostScaleUp => "POST_SCALE_UP",
            ServiceDeploymentLifecycleStage::TestTrafficShift => "TEST_TRAFFIC_SHIFT",
            ServiceDeploymentLifecycleStage::PostTestTrafficShift => "POST_TEST_TRAFFIC_SHIFT",
            ServiceDeploymentLifecycleStage::ProductionTrafficShift => "PRODUCTION_TRAFFIC_SHIFT",
            ServiceDeploymentLifecycleStage::PostProductionTrafficShift => {
                "POST_PRODUCTION_TRAFFIC_SHIFT"
            }
            ServiceDeploymentLifecycleStage::BakeTime => "BAKE_TIME",
            ServiceDeploymentLifecycleStage::CleanUp => "CLEAN_UP",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for ServiceDeploymentLifecycleStage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire exception `ServiceDeploymentNotFoundException`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ServiceDeploymentNotFoundException {
    #[serde(rename = "message", default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

/// Wire enum `ServiceDeploymentRollbackMonitorsStatus`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ServiceDeploymentRollbackMonitorsStatus {
    #[serde(rename = "TRIGGERED")]
    Triggered,
    #[serde(rename = "MONITORING")]
    Monitoring,
    #[serde(rename = "MONITORING_COMPLETE")]
    MonitoringComplete,
    #[serde(rename = "DISABLED")]
    Disabled,
}

impl ServiceDeploymentRollbackMonitorsStatus {
    /// Every value, in model order.
    pub const ALL: &'static [ServiceDeploymentRollbackMonitorsStatus] = &[
        ServiceDeploymentRollbackMonitorsStatus::Triggered,
        ServiceDeploymentRollbackMonitorsStatus::Monitoring,
        ServiceDeploymentRollbackMonitorsStatus::MonitoringComplete,
        ServiceDeploymentRollbackMonitorsStatus::Disabled,
    ];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            ServiceDeploymentRollbackMonitorsStatus::Triggered => "TRIGGERED",
            ServiceDeploymentRollbackMonitorsStatus::Monitoring => "MONITORING",
            ServiceDeploymentRollbackMonitorsStatus::MonitoringComplete => "MONITORING_COMPLETE",
            ServiceDeploymentRollbackMonitorsStatus::Disabled => "DISABLED",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for ServiceDeploymentRollbackMonitorsStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire enum `ServiceDeploymentStatus`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ServiceDeploymentStatus {
    #[serde(rename = "PENDING")]
    Pending,
    #[serde(rename = "SUCCESSFUL")]
    Successful,
    #[serde(rename = "STOPPED")]
    Stopped,
    #[serde(rename = "STOP_REQUESTED")]
    StopRequested,
    #[serde(rename = "IN_PROGRESS")]
    InProgress,
    #[serde(rename = "ROLLBACK_REQUESTED")]
    RollbackRequested,
    #[serde(rename = "ROLLBACK_IN_PROGRESS")]
    RollbackInProgress,
    #[serde(rename = "ROLLBACK_SUCCESSFUL")]
    RollbackSuccessful,
    #[serde(rename = "ROLLBACK_FAILED")]
    RollbackFailed,
}

impl ServiceDeploymentStatus {
    /// Every value, in model order.
    pub const ALL: &'static [ServiceDeploymentStatus] = &[
        ServiceDeploymentStatus::Pending,
        ServiceDeploymentStatus::Successful,
        ServiceDeploymentStatus::Stopped,
        ServiceDeploymentStatus::StopRequested,
        ServiceDeploymentStatus::InProgress,
        ServiceDeploymentStatus::RollbackRequested,
        ServiceDeploymentStatus::RollbackInProgress,
        ServiceDeploymentStatus::RollbackSuccessful,
        ServiceDeploymentStatus::RollbackFailed,
    ];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            ServiceDeploymentStatus::Pending => "PENDING",
            ServiceDeploymentStatus::Successful => "SUCCESSFUL",
            ServiceDeploymentStatus::Stopped => "STOPPED",
            ServiceDeploymentStatus::StopRequested => "STOP_REQUESTED",
            ServiceDeploymentStatus::InProgress => "IN_PROGRESS",
            ServiceDeploymentStatus::RollbackRequested => "ROLLBACK_REQUESTED",
            ServiceDeploymentStatus::RollbackInProgress => "ROLLBACK_IN_PROGRESS",
            ServiceDeploymentStatus::RollbackSuccessful => "ROLLBACK_SUCCESSFUL",
            ServiceDeploymentStatus::RollbackFailed => "ROLLBACK_FAILED",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for ServiceDeploymentStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire structure `ServiceEvent`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ServiceEvent {
    #[serde(rename = "id", default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Timestamp: epoch seconds as a JSON number.
    #[serde(rename = "createdAt", default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<f64>,
    #[serde(rename = "message", default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

/// Wire enum `ServiceField`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ServiceField {
    #[serde(rename = "TAGS")]
    Tags,
}

impl ServiceField {
    /// Every value, in model order.
    pub const ALL: &'static [ServiceField] = &[ServiceField::Tags];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            ServiceField::Tags => "TAGS",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for ServiceField {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire structure `ServiceManagedEBSVolumeConfiguration`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ServiceManagedEBSVolumeConfiguration {
    #[serde(rename = "encrypted", default, skip_serializing_if = "Option::is_none")]
    pub encrypted: Option<bool>,
    #[serde(rename = "kmsKeyId", default, skip_serializing_if = "Option::is_none")]
    pub kms_key_id: Option<String>,
    #[serde(
        rename = "volumeType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub volume_type: Option<String>,
    #[serde(rename = "sizeInGiB", default, skip_serializing_if = "Option::is_none")]
    pub size_in_gi_b: Option<i32>,
    #[serde(
        rename = "snapshotId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub snapshot_id: Option<String>,
    #[serde(
        rename = "volumeInitializationRate",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub volume_initialization_rate: Option<i32>,
    #[serde(rename = "iops", default, skip_serializing_if = "Option::is_none")]
    pub iops: Option<i32>,
    #[serde(
        rename = "throughput",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub throughput: Option<i32>,
    #[serde(
        rename = "tagSpecifications",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub tag_specifications: Option<Vec<EBSTagSpecification>>,
    #[serde(rename = "roleArn")]
    pub role_arn: String,
    #[serde(
        rename = "filesystemType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub filesystem_type: Option<TaskFilesystemType>,
}

/// Wire exception `ServiceNotActiveException`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ServiceNotActiveException {
    #[serde(rename = "message", default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

/// Wire exception `ServiceNotFoundException`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ServiceNotFoundException {
    #[serde(rename = "message", default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

/// Wire structure `ServiceRegistry`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ServiceRegistry {
    #[serde(
        rename = "registryArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub registry_arn: Option<String>,
    #[serde(rename = "port", default, skip_serializing_if = "Option::is_none")]
    pub port: Option<i32>,
    #[serde(
        rename = "containerName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub container_name: Option<String>,
    #[serde(
        rename = "containerPort",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub container_port: Option<i32>,
}

/// Wire structure `ServiceRevision`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ServiceRevision {
    #[serde(
        rename = "serviceRevisionArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub service_revision_arn: Option<String>,
    #[serde(
        rename = "serviceArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub service_arn: Option<String>,
    #[serde(
        rename = "clusterArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub cluster_arn: Option<String>,
    #[serde(
        rename = "taskDefinition",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub task_definition: Option<String>,
    #[serde(
        rename = "capacityProviderStrategy",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub capacity_provider_strategy: Option<Vec<CapacityProviderStrategyItem>>,
    #[serde(
        rename = "launchType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub launch_type: Option<LaunchType>,
    #[serde(
        rename = "platformVersion",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub platform_version: Option<String>,
    #[serde(
        rename = "platformFamily",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub platform_family: Option<String>,
    #[serde(
        rename = "loadBalancers",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub load_balancers: Option<Vec<LoadBalancer>>,
    #[serde(
        rename = "serviceRegistries",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub service_registries: Option<Vec<ServiceRegistry>>,
    #[serde(
        rename = "networkConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub network_configuration: Option<NetworkConfiguration>,
    #[serde(
        rename = "containerImages",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub container_images: Option<Vec<ContainerImage>>,
    #[serde(
        rename = "guardDutyEnabled",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub guard_duty_enabled: Option<bool>,
    #[serde(
        rename = "serviceConnectConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub service_connect_configuration: Option<ServiceConnectConfiguration>,
    #[serde(
        rename = "volumeConfigurations",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub volume_configurations: Option<Vec<ServiceVolumeConfiguration>>,
    #[serde(
        rename = "fargateEphemeralStorage",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub fargate_ephemeral_storage: Option<DeploymentEphemeralStorage>,
    /// Timestamp: epoch seconds as a JSON number.
    #[serde(rename = "createdAt", default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<f64>,
    #[serde(
        rename = "vpcLatticeConfigurations",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub vpc_lattice_configurations: Option<Vec<VpcLatticeConfiguration>>,
    #[serde(
        rename = "resolvedConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub resolved_configuration: Option<ResolvedConfiguration>,
    #[serde(
        rename = "ecsManagedResources",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub ecs_managed_resources: Option<ECSManagedResources>,
    #[serde(rename = "overrides", default, skip_serializing_if = "Option::is_none")]
    pub overrides: Option<ServiceRevisionOverrides>,
    #[serde(
        rename = "gatewayConnectors",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub gateway_connectors: Option<Vec<GatewayConnector>>,
    #[serde(
        rename = "monitoring",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub monitoring: Option<MonitoringConfiguration>,
}

/// Wire enum `ServiceRevisionCleanup`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ServiceRevisionCleanup {
    #[serde(rename = "BLOCKING")]
    Blocking,
    #[serde(rename = "DEFERRED")]
    Deferred,
}

impl ServiceRevisionCleanup {
    /// Every value, in model order.
    pub const ALL: &'static [ServiceRevisionCleanup] = &[
        ServiceRevisionCleanup::Blocking,
        ServiceRevisionCleanup::Deferred,
    ];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            ServiceRevisionCleanup::Blocking => "BLOCKING",
            ServiceRevisionCleanup::Deferred => "DEFERRED",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for ServiceRevisionCleanup {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire structure `ServiceRevisionLoadBalancer`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ServiceRevisionLoadBalancer {
    #[serde(
        rename = "targetGroupArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub target_group_arn: Option<String>,
    #[serde(
        rename = "productionListenerRule",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub production_listener_rule: Option<String>,
}

/// Wire structure `ServiceRevisionOverrides`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ServiceRevisionOverrides {
    #[serde(
        rename = "runtimePlatform",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub runtime_platform: Option<RuntimePlatformOverride>,
}

/// Wire structure `ServiceRevisionSummary`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ServiceRevisionSummary {
    #[serde(rename = "arn", default, skip_serializing_if = "Option::is_none")]
    pub arn: Option<String>,
    #[serde(
        rename = "requestedTaskCount",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub requested_task_count: Option<i32>,
    #[serde(
        rename = "runningTaskCount",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub running_task_count: Option<i32>,
    #[serde(
        rename = "pendingTaskCount",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub pending_task_count: Option<i32>,
    #[serde(
        rename = "requestedTestTrafficWeight",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub requested_test_traffic_weight: Option<f64>,
    #[serde(
        rename = "requestedProductionTrafficWeight",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub requested_production_traffic_weight: Option<f64>,
}

/// Wire structure `ServiceRevisionVpcLatticeConfiguration`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ServiceRevisionVpcLatticeConfiguration {
    #[serde(
        rename = "targetGroupArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub target_group_arn: Option<String>,
    #[serde(
        rename = "productionListenerRule",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub production_listener_rule: Option<String>,
}

/// Wire structure `ServiceVolumeConfiguration`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ServiceVolumeConfiguration {
    #[serde(rename = "name")]
    pub name: String,
    #[serde(
        rename = "managedEBSVolume",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub managed_ebs_volume: Option<ServiceManagedEBSVolumeConfiguration>,
}

/// Wire structure `Session`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Session {
    #[serde(rename = "sessionId", default, skip_serializing_if = "Option::is_none")]
    pub session_id: Option<String>,
    #[serde(rename = "streamUrl", default, skip_serializing_if = "Option::is_none")]
    pub stream_url: Option<String>,
    #[serde(
        rename = "tokenValue",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub token_value: Option<String>,
}

/// Wire structure `Setting`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Setting {
    #[serde(rename = "name", default, skip_serializing_if = "Option::is_none")]
    pub name: Option<SettingName>,
    #[serde(rename = "value", default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    #[serde(
        rename = "principalArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub principal_arn: Option<String>,
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub r#type: Option<SettingType>,
}

/// Wire enum `SettingName`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum SettingName {
    #[serde(rename = "serviceLongArnFormat")]
    ServiceLongArnFormat,
    #[serde(rename = "taskLongArnFormat")]
    TaskLongArnFormat,
    #[serde(rename = "containerInstanceLongArnFormat")]
    ContainerInstanceLongArnFormat,
    #[serde(rename = "awsvpcTrunking")]
    AwsvpcTrunking,
    #[serde(rename = "containerInsights")]
    ContainerInsights,
    #[serde(rename = "fargateFIPSMode")]
    FargateFIPSMode,
    #[serde(rename = "tagResourceAuthorization")]
    TagResourceAuthorization,
    #[serde(rename = "fargateTaskRetirementWaitPeriod")]
    FargateTaskRetirementWaitPeriod,
    #[serde(rename = "guardDutyActivate")]
    GuardDutyActivate,
    #[serde(rename = "defaultLogDriverMode")]
    DefaultLogDriverMode,
    #[serde(rename = "fargateEventWindows")]
    FargateEventWindows,
}

impl SettingName {
    /// Every value, in model order.
    pub const ALL: &'static [SettingName] = &[
        SettingName::ServiceLongArnFormat,
        SettingName::TaskLongArnFormat,
        SettingName::ContainerInstanceLongArnFormat,
        SettingName::AwsvpcTrunking,
        SettingName::ContainerInsights,
        SettingName::FargateFIPSMode,
        SettingName::TagResourceAuthorization,
        SettingName::FargateTaskRetirementWaitPeriod,
        SettingName::GuardDutyActivate,
        SettingName::DefaultLogDriverMode,
        SettingName::FargateEventWindows,
    ];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            SettingName::ServiceLongArnFormat => "serviceLongArnFormat",
            SettingName::TaskLongArnFormat => "taskLongArnFormat",
            SettingName::ContainerInstanceLongArnFormat => "containerInstanceLongArnFormat",
            SettingName::AwsvpcTrunking => "awsvpcTrunking",
            SettingName::ContainerInsights => "containerInsights",
            SettingName::FargateFIPSMode => "fargateFIPSMode",
            SettingName::TagResourceAuthorization => "tagResourceAuthorization",
            SettingName::FargateTaskRetirementWaitPeriod => "fargateTaskRetirementWaitPeriod",
            SettingName::GuardDutyActivate => "guardDutyActivate",
            SettingName::DefaultLogDriverMode => "defaultLogDriverMode",
            SettingName::FargateEventWindows => "fargateEventWindows",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for SettingName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire enum `SettingType`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum SettingType {
    #[serde(rename = "user")]
    User,
    #[serde(rename = "aws_managed")]
    AwsManaged,
}

impl SettingType {
    /// Every value, in model order.
    pub const ALL: &'static [SettingType] = &[SettingType::User, SettingType::AwsManaged];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            SettingType::User => "user",
            SettingType::AwsManaged => "aws_managed",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for SettingType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire union (at most one member set) `SharingStrategy`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SharingStrategy {
    #[serde(rename = "nvidiaMps", default, skip_serializing_if = "Option::is_none")]
    pub nvidia_mps: Option<NvidiaMpsAllocation>,
}

/// Wire enum `SortOrder`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum SortOrder {
    #[serde(rename = "ASC")]
    Asc,
    #[serde(rename = "DESC")]
    Desc,
}

impl SortOrder {
    /// Every value, in model order.
    pub const ALL: &'static [SortOrder] = &[SortOrder::Asc, SortOrder::Desc];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            SortOrder::Asc => "ASC",
            SortOrder::Desc => "DESC",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for SortOrder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire enum `StabilityStatus`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum StabilityStatus {
    #[serde(rename = "STEADY_STATE")]
    SteadyState,
    #[serde(rename = "STABILIZING")]
    Stabilizing,
}

impl StabilityStatus {
    /// Every value, in model order.
    pub const ALL: &'static [StabilityStatus] =
        &[StabilityStatus::SteadyState, StabilityStatus::Stabilizing];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            StabilityStatus::SteadyState => "STEADY_STATE",
            StabilityStatus::Stabilizing => "STABILIZING",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for StabilityStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire structure `StartTaskRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StartTaskRequest {
    #[serde(rename = "cluster", default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<String>,
    #[serde(rename = "containerInstances")]
    pub container_instances: Vec<String>,
    #[serde(
        rename = "enableECSManagedTags",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub enable_ecs_managed_tags: Option<bool>,
    #[serde(
        rename = "enableExecuteCommand",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub enable_execute_command: Option<bool>,
    #[serde(rename = "group", default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    #[serde(
        rename = "networkConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub network_configuration: Option<NetworkConfiguration>,
    #[serde(rename = "overrides", default, skip_serializing_if = "Option::is_none")]
    pub overrides: Option<TaskOverride>,
    #[serde(
        rename = "propagateTags",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub propagate_tags: Option<PropagateTags>,
    #[serde(
        rename = "referenceId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub reference_id: Option<String>,
    #[serde(rename = "startedBy", default, skip_serializing_if = "Option::is_none")]
    pub started_by: Option<String>,
    #[serde(rename = "tags", default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<Tag>>,
    #[serde(rename = "taskDefinition")]
    pub task_definition: String,
    #[serde(
        rename = "volumeConfigurations",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub volume_configurations: Option<Vec<TaskVolumeConfiguration>>,
}

/// Wire structure `StartTaskResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct StartTaskResponse {
    #[serde(rename = "tasks", default, skip_serializing_if = "Option::is_none")]
    pub tasks: Option<Vec<Task>>,
    #[serde(rename = "failures", default, skip_serializing_if = "Option::is_none")]
    pub failures: Option<Vec<Failure>>,
}

/// Wire structure `StopServiceDeploymentRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StopServiceDeploymentRequest {
    #[serde(rename = "serviceDeploymentArn")]
    pub service_deployment_arn: String,
    #[serde(rename = "stopType", default, skip_serializing_if = "Option::is_none")]
    pub stop_type: Option<StopServiceDeploymentStopType>,
}

/// Wire structure `StopServiceDeploymentResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct StopServiceDeploymentResponse {
    #[serde(
        rename = "serviceDeploymentArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub service_deployment_arn: Option<String>,
}

/// Wire enum `StopServiceDeploymentStopType`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum StopServiceDeploymentStopType {
    #[serde(rename = "ABORT")]
    Abort,
    #[serde(rename = "ROLLBACK")]
    Rollback,
}

impl StopServiceDeploymentStopType {
    /// Every value, in model order.
    pub const ALL: &'static [StopServiceDeploymentStopType] = &[
        StopServiceDeploymentStopType::Abort,
        StopServiceDeploymentStopType::Rollback,
    ];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            StopServiceDeploymentStopType::Abort => "ABORT",
            StopServiceDeploymentStopType::Rollback => "ROLLBACK",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for StopServiceDeploymentStopType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire structure `StopTaskRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StopTaskRequest {
    #[serde(rename = "cluster", default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<String>,
    #[serde(rename = "task")]
    pub task: String,
    #[serde(rename = "reason", default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// Wire structure `StopTaskResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct StopTaskResponse {
    #[serde(rename = "task", default, skip_serializing_if = "Option::is_none")]
    pub task: Option<Task>,
}

/// Wire structure `SubmitAttachmentStateChangesRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SubmitAttachmentStateChangesRequest {
    #[serde(rename = "cluster", default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<String>,
    #[serde(rename = "attachments")]
    pub attachments: Vec<AttachmentStateChange>,
}

/// Wire structure `SubmitAttachmentStateChangesResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SubmitAttachmentStateChangesResponse {
    #[serde(
        rename = "acknowledgment",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub acknowledgment: Option<String>,
}

/// Wire structure `SubmitContainerStateChangeRequest`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SubmitContainerStateChangeRequest {
    #[serde(rename = "cluster", default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<String>,
    #[serde(rename = "task", default, skip_serializing_if = "Option::is_none")]
    pub task: Option<String>,
    #[serde(
        rename = "containerName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub container_name: Option<String>,
    #[serde(rename = "runtimeId", default, skip_serializing_if = "Option::is_none")]
    pub runtime_id: Option<String>,
    #[serde(rename = "status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    #[serde(rename = "exitCode", default, skip_serializing_if = "Option::is_none")]
    pub exit_code: Option<i32>,
    #[serde(rename = "reason", default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    #[serde(
        rename = "networkBindings",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub network_bindings: Option<Vec<NetworkBinding>>,
}

/// Wire structure `SubmitContainerStateChangeResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SubmitContainerStateChangeResponse {
    #[serde(
        rename = "acknowledgment",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub acknowledgment: Option<String>,
}

/// Wire structure `SubmitTaskStateChangeRequest`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SubmitTaskStateChangeRequest {
    #[serde(rename = "cluster", default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<String>,
    #[serde(rename = "task", default, skip_serializing_if = "Option::is_none")]
    pub task: Option<String>,
    #[serde(rename = "status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    #[serde(rename = "reason", default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    #[serde(
        rename = "containers",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub containers: Option<Vec<ContainerStateChange>>,
    #[serde(
        rename = "attachments",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub attachments: Option<Vec<AttachmentStateChange>>,
    #[serde(
        rename = "managedAgents",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub managed_agents: Option<Vec<ManagedAgentStateChange>>,
    /// Timestamp: epoch seconds as a JSON number.
    #[serde(
        rename = "pullStartedAt",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub pull_started_at: Option<f64>,
    /// Timestamp: epoch seconds as a JSON number.
    #[serde(
        rename = "pullStoppedAt",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub pull_stopped_at: Option<f64>,
    /// Timestamp: epoch seconds as a JSON number.
    #[serde(
        rename = "executionStoppedAt",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub execution_stopped_at: Option<f64>,
}

/// Wire structure `SubmitTaskStateChangeResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SubmitTaskStateChangeResponse {
    #[serde(
        rename = "acknowledgment",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub acknowledgment: Option<String>,
}

/// Wire structure `SystemControl`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SystemControl {
    #[serde(rename = "namespace", default, skip_serializing_if = "Option::is_none")]
    pub namespace: Option<String>,
    #[serde(rename = "value", default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
}

/// Wire structure `Tag`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Tag {
    #[serde(rename = "key", default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    #[serde(rename = "value", default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
}

/// Wire structure `TagResourceRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TagResourceRequest {
    #[serde(rename = "resourceArn")]
    pub resource_arn: String,
    #[serde(rename = "tags")]
    pub tags: Vec<Tag>,
}

/// Wire structure `TagResourceResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TagResourceResponse {}

/// Wire exception `TargetNotConnectedException`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TargetNotConnectedException {
    #[serde(rename = "message", default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

/// Wire exception `TargetNotFoundException`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TargetNotFoundException {
    #[serde(rename = "message", default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

/// Wire enum `TargetType`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum TargetType {
    #[serde(rename = "container-instance")]
    ContainerInstance,
}

impl TargetType {
    /// Every value, in model order.
    pub const ALL: &'static [TargetType] = &[TargetType::ContainerInstance];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            TargetType::ContainerInstance => "container-instance",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for TargetType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire structure `Task`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Task {
    #[serde(
        rename = "attachments",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub attachments: Option<Vec<Attachment>>,
    #[serde(
        rename = "attributes",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub attributes: Option<Vec<Attribute>>,
    #[serde(
        rename = "availabilityZone",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub availability_zone: Option<String>,
    #[serde(
        rename = "capacityProviderName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub capacity_provider_name: Option<String>,
    #[serde(
        rename = "clusterArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub cluster_arn: Option<String>,
    #[serde(
        rename = "connectivity",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub connectivity: Option<Connectivity>,
    /// Timestamp: epoch seconds as a JSON number.
    #[serde(
        rename = "connectivityAt",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub connectivity_at: Option<f64>,
    #[serde(
        rename = "containerInstanceArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub container_instance_arn: Option<String>,
    #[serde(
        rename = "containers",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub containers: Option<Vec<Container>>,
    #[serde(rename = "cpu", default, skip_serializing_if = "Option::is_none")]
    pub cpu: Option<String>,
    /// Timestamp: epoch seconds as a JSON number.
    #[serde(rename = "createdAt", default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<f64>,
    #[serde(
        rename = "desiredStatus",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub desired_status: Option<String>,
    #[serde(
        rename = "enableExecuteCommand",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub enable_execute_command: Option<bool>,
    /// Timestamp: epoch seconds as a JSON number.
    #[serde(
        rename = "executionStoppedAt",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub execution_stopped_at: Option<f64>,
    #[serde(rename = "group", default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    #[serde(
        rename = "healthStatus",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub health_status: Option<HealthStatus>,
    #[serde(
        rename = "inferenceAccelerators",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub inference_accelerators: Option<Vec<InferenceAccelerator>>,
    #[serde(
        rename = "lastStatus",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub last_status: Option<String>,
    #[serde(
        rename = "launchType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub launch_type: Option<LaunchType>,
    #[serde(rename = "memory", default, skip_serializing_if = "Option::is_none")]
    pub memory: Option<String>,
    #[serde(rename = "overrides", default, skip_serializing_if = "Option::is_none")]
    pub overrides: Option<TaskOverride>,
    #[serde(
        rename = "platformVersion",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub platform_version: Option<String>,
    #[serde(
        rename = "platformFamily",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub platform_family: Option<String>,
    /// Timestamp: epoch seconds as a JSON number.
    #[serde(
        rename = "pullStartedAt",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub pull_started_at: Option<f64>,
    /// Timestamp: epoch seconds as a JSON number.
    #[serde(
        rename = "pullStoppedAt",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub pull_stopped_at: Option<f64>,
    /// Timestamp: epoch seconds as a JSON number.
    #[serde(rename = "startedAt", default, skip_serializing_if = "Option::is_none")]
    pub started_at: Option<f64>,
    #[serde(rename = "startedBy", default, skip_serializing_if = "Option::is_none")]
    pub started_by: Option<String>,
    #[serde(rename = "stopCode", default, skip_serializing_if = "Option::is_none")]
    pub stop_code: Option<TaskStopCode>,
    /// Timestamp: epoch seconds as a JSON number.
    #[serde(rename = "stoppedAt", default, skip_serializing_if = "Option::is_none")]
    pub stopped_at: Option<f64>,
    #[serde(
        rename = "stoppedReason",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub stopped_reason: Option<String>,
    /// Timestamp: epoch seconds as a JSON number.
    #[serde(
        rename = "stoppingAt",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub stopping_at: Option<f64>,
    #[serde(rename = "tags", default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<Tag>>,
    #[serde(rename = "taskArn", default, skip_serializing_if = "Option::is_none")]
    pub task_arn: Option<String>,
    #[serde(
        rename = "taskDefinitionArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub task_definition_arn: Option<String>,
    #[serde(rename = "version", default, skip_serializing_if = "Option::is_none")]
    pub version: Option<i64>,
    #[serde(
        rename = "ephemeralStorage",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub ephemeral_storage: Option<EphemeralStorage>,
    #[serde(
        rename = "fargateEphemeralStorage",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub fargate_ephemeral_storage: Option<TaskEphemeralStorage>,
    #[serde(
        rename = "trustedExecutionSummary",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub trusted_execution_summary: Option<TrustedExecutionSummary>,
}

/// Wire structure `TaskDefinition`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TaskDefinition {
    #[serde(
        rename = "taskDefinitionArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub task_definition_arn: Option<String>,
    #[serde(
        rename = "containerDefinitions",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub container_definitions: Option<Vec<ContainerDefinition>>,
    #[serde(rename = "family", default, skip_serializing_if = "Option::is_none")]
    pub family: Option<String>,
    #[serde(
        rename = "taskRoleArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub task_role_arn: Option<String>,
    #[serde(
        rename = "executionRoleArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub execution_role_arn: Option<String>,
    #[serde(
        rename = "networkMode",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub network_mode: Option<NetworkMode>,
    #[serde(rename = "revision", default, skip_serializing_if = "Option::is_none")]
    pub revision: Option<i32>,
    #[serde(rename = "volumes", default, skip_serializing_if = "Option::is_none")]
    pub volumes: Option<Vec<Volume>>,
    #[serde(rename = "status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<TaskDefinitionStatus>,
    #[serde(
        rename = "requiresAttributes",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub requires_attributes: Option<Vec<Attribute>>,
    #[serde(
        rename = "placementConstraints",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub placement_constraints: Option<Vec<TaskDefinitionPlacementConstraint>>,
    #[serde(
        rename = "compatibilities",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub compatibilities: Option<Vec<Compatibility>>,
    #[serde(
        rename = "runtimePlatform",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub runtime_platform: Option<RuntimePlatform>,
    #[serde(
        rename = "requiresCompatibilities",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub requires_compatibilities: Option<Vec<Compatibility>>,
    #[serde(rename = "cpu", default, skip_serializing_if = "Option::is_none")]
    pub cpu: Option<String>,
    #[serde(rename = "memory", default, skip_serializing_if = "Option::is_none")]
    pub memory: Option<String>,
    #[serde(
        rename = "inferenceAccelerators",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub inference_accelerators: Option<Vec<InferenceAccelerator>>,
    #[serde(rename = "pidMode", default, skip_serializing_if = "Option::is_none")]
    pub pid_mode: Option<PidMode>,
    #[serde(rename = "ipcMode", default, skip_serializing_if = "Option::is_none")]
    pub ipc_mode: Option<IpcMode>,
    #[serde(
        rename = "proxyConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub proxy_configuration: Option<ProxyConfiguration>,
    /// Timestamp: epoch seconds as a JSON number.
    #[serde(
        rename = "registeredAt",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub registered_at: Option<f64>,
    /// Timestamp: epoch seconds as a JSON number.
    #[serde(
        rename = "deregisteredAt",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub deregistered_at: Option<f64>,
    /// Timestamp: epoch seconds as a JSON number.
    #[serde(
        rename = "deleteRequestedAt",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub delete_requested_at: Option<f64>,
    #[serde(
        rename = "registeredBy",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub registered_by: Option<String>,
    #[serde(
        rename = "ephemeralStorage",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub ephemeral_storage: Option<EphemeralStorage>,
    #[serde(
        rename = "enableFaultInjection",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub enable_fault_injection: Option<bool>,
    #[serde(
        rename = "trustedExecutionConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub trusted_execution_configuration: Option<TrustedExecutionConfiguration>,
}

/// Wire enum `TaskDefinitionFamilyStatus`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum TaskDefinitionFamilyStatus {
    #[serde(rename = "ACTIVE")]
    Active,
    #[serde(rename = "INACTIVE")]
    Inactive,
    #[serde(rename = "ALL")]
    All,
}

impl TaskDefinitionFamilyStatus {
    /// Every value, in model order.
    pub const ALL: &'static [TaskDefinitionFamilyStatus] = &[
        TaskDefinitionFamilyStatus::Active,
        TaskDefinitionFamilyStatus::Inactive,
        TaskDefinitionFamilyStatus::All,
    ];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            TaskDefinitionFamilyStatus::Active => "ACTIVE",
            TaskDefinitionFamilyStatus::Inactive => "INACTIVE",
            TaskDefinitionFamilyStatus::All => "ALL",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for TaskDefinitionFamilyStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire enum `TaskDefinitionField`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum TaskDefinitionField {
    #[serde(rename = "TAGS")]
    Tags,
}

impl TaskDefinitionField {
    /// Every value, in model order.
    pub const ALL: &'static [TaskDefinitionField] = &[TaskDefinitionField::Tags];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            TaskDefinitionField::Tags => "TAGS",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for TaskDefinitionField {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire structure `TaskDefinitionPlacementConstraint`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TaskDefinitionPlacementConstraint {
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub r#type: Option<TaskDefinitionPlacementConstraintType>,
    #[serde(
        rename = "expression",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub expression: Option<String>,
}

/// Wire enum `TaskDefinitionPlacementConstraintType`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum TaskDefinitionPlacementConstraintType {
    #[serde(rename = "memberOf")]
    MemberOf,
}

impl TaskDefinitionPlacementConstraintType {
    /// Every value, in model order.
    pub const ALL: &'static [TaskDefinitionPlacementConstraintType] =
        &[TaskDefinitionPlacementConstraintType::MemberOf];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            TaskDefinitionPlacementConstraintType::MemberOf => "memberOf",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for TaskDefinitionPlacementConstraintType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire enum `TaskDefinitionStatus`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum TaskDefinitionStatus {
    #[serde(rename = "ACTIVE")]
    Active,
    #[serde(rename = "INACTIVE")]
    Inactive,
    #[serde(rename = "DELETE_IN_PROGRESS")]
    DeleteInProgress,
}

impl TaskDefinitionStatus {
    /// Every value, in model order.
    pub const ALL: &'static [TaskDefinitionStatus] = &[
        TaskDefinitionStatus::Active,
        TaskDefinitionStatus::Inactive,
        TaskDefinitionStatus::DeleteInProgress,
    ];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            TaskDefinitionStatus::Active => "ACTIVE",
            TaskDefinitionStatus::Inactive => "INACTIVE",
            TaskDefinitionStatus::DeleteInProgress => "DELETE_IN_PROGRESS",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for TaskDefinitionStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire structure `TaskEphemeralStorage`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TaskEphemeralStorage {
    #[serde(rename = "sizeInGiB", default, skip_serializing_if = "Option::is_none")]
    pub size_in_gi_b: Option<i32>,
    #[serde(rename = "kmsKeyId", default, skip_serializing_if = "Option::is_none")]
    pub kms_key_id: Option<String>,
}

/// Wire enum `TaskField`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum TaskField {
    #[serde(rename = "TAGS")]
    Tags,
}

impl TaskField {
    /// Every value, in model order.
    pub const ALL: &'static [TaskField] = &[TaskField::Tags];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            TaskField::Tags => "TAGS",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for TaskField {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire enum `TaskFilesystemType`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum TaskFilesystemType {
    #[serde(rename = "ext3")]
    Ext3,
    #[serde(rename = "ext4")]
    Ext4,
    #[serde(rename = "xfs")]
    Xfs,
    #[serde(rename = "ntfs")]
    Ntfs,
}

impl TaskFilesystemType {
    /// Every value, in model order.
    pub const ALL: &'static [TaskFilesystemType] = &[
        TaskFilesystemType::Ext3,
        TaskFilesystemType::Ext4,
        TaskFilesystemType::Xfs,
        TaskFilesystemType::Ntfs,
    ];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            TaskFilesystemType::Ext3 => "ext3",
            TaskFilesystemType::Ext4 => "ext4",
            TaskFilesystemType::Xfs => "xfs",
            TaskFilesystemType::Ntfs => "ntfs",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for TaskFilesystemType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire structure `TaskManagedEBSVolumeConfiguration`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TaskManagedEBSVolumeConfiguration {
    #[serde(rename = "encrypted", default, skip_serializing_if = "Option::is_none")]
    pub encrypted: Option<bool>,
    #[serde(rename = "kmsKeyId", default, skip_serializing_if = "Option::is_none")]
    pub kms_key_id: Option<String>,
    #[serde(
        rename = "volumeType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub volume_type: Option<String>,
    #[serde(rename = "sizeInGiB", default, skip_serializing_if = "Option::is_none")]
    pub size_in_gi_b: Option<i32>,
    #[serde(
        rename = "snapshotId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub snapshot_id: Option<String>,
    #[serde(
        rename = "volumeInitializationRate",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub volume_initialization_rate: Option<i32>,
    #[serde(rename = "iops", default, skip_serializing_if = "Option::is_none")]
    pub iops: Option<i32>,
    #[serde(
        rename = "throughput",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub throughput: Option<i32>,
    #[serde(
        rename = "tagSpecifications",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub tag_specifications: Option<Vec<EBSTagSpecification>>,
    #[serde(rename = "roleArn")]
    pub role_arn: String,
    #[serde(
        rename = "terminationPolicy",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub termination_policy: Option<TaskManagedEBSVolumeTerminationPolicy>,
    #[serde(
        rename = "filesystemType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub filesystem_type: Option<TaskFilesystemType>,
}

/// Wire structure `TaskManagedEBSVolumeTerminationPolicy`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TaskManagedEBSVolumeTerminationPolicy {
    #[serde(rename = "deleteOnTermination")]
    pub delete_on_termination: bool,
}

/// Wire structure `TaskOverride`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TaskOverride {
    #[serde(
        rename = "containerOverrides",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub container_overrides: Option<Vec<ContainerOverride>>,
    #[serde(rename = "cpu", default, skip_serializing_if = "Option::is_none")]
    pub cpu: Option<String>,
    #[serde(
        rename = "inferenceAcceleratorOverrides",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub inference_accelerator_overrides: Option<Vec<InferenceAcceleratorOverride>>,
    #[serde(
        rename = "executionRoleArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub execution_role_arn: Option<String>,
    #[serde(rename = "memory", default, skip_serializing_if = "Option::is_none")]
    pub memory: Option<String>,
    #[serde(
        rename = "taskRoleArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub task_role_arn: Option<String>,
    #[serde(
        rename = "ephemeralStorage",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub ephemeral_storage: Option<EphemeralStorage>,
}

/// Wire structure `TaskSet`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TaskSet {
    #[serde(rename = "id", default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(
        rename = "taskSetArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub task_set_arn: Option<String>,
    #[serde(
        rename = "serviceArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub service_arn: Option<String>,
    #[serde(
        rename = "clusterArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub cluster_arn: Option<String>,
    #[serde(rename = "startedBy", default, skip_serializing_if = "Option::is_none")]
    pub started_by: Option<String>,
    #[serde(
        rename = "externalId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub external_id: Option<String>,
    #[serde(rename = "status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    #[serde(
        rename = "taskDefinition",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub task_definition: Option<String>,
    #[serde(
        rename = "computedDesiredCount",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub computed_desired_count: Option<i32>,
    #[serde(
        rename = "pendingCount",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub pending_count: Option<i32>,
    #[serde(
        rename = "runningCount",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub running_count: Option<i32>,
    /// Timestamp: epoch seconds as a JSON number.
    #[serde(rename = "createdAt", default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<f64>,
    /// Timestamp: epoch seconds as a JSON number.
    #[serde(rename = "updatedAt", default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<f64>,
    #[serde(
        rename = "launchType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub launch_type: Option<LaunchType>,
    #[serde(
        rename = "capacityProviderStrategy",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub capacity_provider_strategy: Option<Vec<CapacityProviderStrategyItem>>,
    #[serde(
        rename = "platformVersion",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub platform_version: Option<String>,
    #[serde(
        rename = "platformFamily",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub platform_family: Option<String>,
    #[serde(
        rename = "networkConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub network_configuration: Option<NetworkConfiguration>,
    #[serde(
        rename = "loadBalancers",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub load_balancers: Option<Vec<LoadBalancer>>,
    #[serde(
        rename = "serviceRegistries",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub service_registries: Option<Vec<ServiceRegistry>>,
    #[serde(rename = "scale", default, skip_serializing_if = "Option::is_none")]
    pub scale: Option<Scale>,
    #[serde(
        rename = "stabilityStatus",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub stability_status: Option<StabilityStatus>,
    /// Timestamp: epoch seconds as a JSON number.
    #[serde(
        rename = "stabilityStatusAt",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub stability_status_at: Option<f64>,
    #[serde(rename = "tags", default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<Tag>>,
    #[serde(
        rename = "fargateEphemeralStorage",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub fargate_ephemeral_storage: Option<DeploymentEphemeralStorage>,
}

/// Wire enum `TaskSetField`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum TaskSetField {
    #[serde(rename = "TAGS")]
    Tags,
}

impl TaskSetField {
    /// Every value, in model order.
    pub const ALL: &'static [TaskSetField] = &[TaskSetField::Tags];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            TaskSetField::Tags => "TAGS",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for TaskSetField {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire exception `TaskSetNotFoundException`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TaskSetNotFoundException {
    #[serde(rename = "message", default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

/// Wire enum `TaskStopCode`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum TaskStopCode {
    #[serde(rename = "TaskFailedToStart")]
    TaskFailedToStart,
    #[serde(rename = "EssentialContainerExited")]
    EssentialContainerExited,
    #[serde(rename = "UserInitiated")]
    UserInitiated,
    #[serde(rename = "ServiceSchedulerInitiated")]
    ServiceSchedulerInitiated,
    #[serde(rename = "SpotInterruption")]
    SpotInterruption,
    #[serde(rename = "TerminationNotice")]
    TerminationNotice,
    #[serde(rename = "InfrastructureHealth")]
    InfrastructureHealth,
}

impl TaskStopCode {
    /// Every value, in model order.
    pub const ALL: &'static [TaskStopCode] = &[
        TaskStopCode::TaskFailedToStart,
        TaskStopCode::EssentialContainerExited,
        TaskStopCode::UserInitiated,
        TaskStopCode::ServiceSchedulerInitiated,
        TaskStopCode::SpotInterruption,
        TaskStopCode::TerminationNotice,
        TaskStopCode::InfrastructureHealth,
    ];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            TaskStopCode::TaskFailedToStart => "TaskFailedToStart",
            TaskStopCode::EssentialContainerExited => "EssentialContainerExited",
            TaskStopCode::UserInitiated => "UserInitiated",
            TaskStopCode::ServiceSchedulerInitiated => "ServiceSchedulerInitiated",
            TaskStopCode::SpotInterruption => "SpotInterruption",
            TaskStopCode::TerminationNotice => "TerminationNotice",
            TaskStopCode::InfrastructureHealth => "InfrastructureHealth",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for TaskStopCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire structure `TaskVolumeConfiguration`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TaskVolumeConfiguration {
    #[serde(rename = "name")]
    pub name: String,
    #[serde(
        rename = "managedEBSVolume",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub managed_ebs_volume: Option<TaskManagedEBSVolumeConfiguration>,
}

/// Wire structure `ThresholdConfiguration`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ThresholdConfiguration {
    #[serde(rename = "type")]
    pub r#type: ThresholdType,
    #[serde(rename = "value")]
    pub value: i32,
}

/// Wire enum `ThresholdType`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ThresholdType {
    #[serde(rename = "COUNT")]
    Count,
    #[serde(rename = "BOUNDED_PERCENT")]
    BoundedPercent,
    #[serde(rename = "UNBOUNDED_PERCENT")]
    UnboundedPercent,
}

impl ThresholdType {
    /// Every value, in model order.
    pub const ALL: &'static [ThresholdType] = &[
        ThresholdType::Count,
        ThresholdType::BoundedPercent,
        ThresholdType::UnboundedPercent,
    ];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            ThresholdType::Count => "COUNT",
            ThresholdType::BoundedPercent => "BOUNDED_PERCENT",
            ThresholdType::UnboundedPercent => "UNBOUNDED_PERCENT",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for ThresholdType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire structure `TimeoutConfiguration`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TimeoutConfiguration {
    #[serde(
        rename = "idleTimeoutSeconds",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub idle_timeout_seconds: Option<i32>,
    #[serde(
        rename = "perRequestTimeoutSeconds",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub per_request_timeout_seconds: Option<i32>,
}

/// Wire structure `Tmpfs`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Tmpfs {
    #[serde(rename = "containerPath")]
    pub container_path: String,
    #[serde(rename = "size")]
    pub size: i32,
    #[serde(
        rename = "mountOptions",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub mount_options: Option<Vec<String>>,
}

/// Wire structure `TotalLocalStorageGBRequest`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TotalLocalStorageGBRequest {
    #[serde(rename = "min", default, skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
    #[serde(rename = "max", default, skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
}

/// Wire enum `TransportProtocol`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum TransportProtocol {
    #[serde(rename = "tcp")]
    Tcp,
    #[serde(rename = "udp")]
    Udp,
}

impl TransportProtocol {
    /// Every value, in model order.
    pub const ALL: &'static [TransportProtocol] = &[TransportProtocol::Tcp, TransportProtocol::Udp];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            TransportProtocol::Tcp => "tcp",
            TransportProtocol::Udp => "udp",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for TransportProtocol {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire structure `TrustedExecutionConfiguration`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TrustedExecutionConfiguration {
    #[serde(rename = "isolationMode")]
    pub isolation_mode: IsolationMode,
    #[serde(
        rename = "attestationPolicy",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub attestation_policy: Option<String>,
}

/// Wire structure `TrustedExecutionSummary`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TrustedExecutionSummary {
    #[serde(rename = "isolationMode")]
    pub isolation_mode: IsolationMode,
    #[serde(
        rename = "attestationPolicyStatus",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub attestation_policy_status: Option<AttestationPolicyStatus>,
}

/// Wire structure `Ulimit`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Ulimit {
    #[serde(rename = "name")]
    pub name: UlimitName,
    #[serde(rename = "softLimit")]
    pub soft_limit: i32,
    #[serde(rename = "hardLimit")]
    pub hard_limit: i32,
}

/// Wire enum `UlimitName`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum UlimitName {
    #[serde(rename = "core")]
    Core,
    #[serde(rename = "cpu")]
    Cpu,
    #[serde(rename = "data")]
    Data,
    #[serde(rename = "fsize")]
    Fsize,
    #[serde(rename = "locks")]
    Locks,
    #[serde(rename = "memlock")]
    Memlock,
    #[serde(rename = "msgqueue")]
    Msgqueue,
    #[serde(rename = "nice")]
    Nice,
    #[serde(rename = "nofile")]
    Nofile,
    #[serde(rename = "nproc")]
    Nproc,
    #[serde(rename = "rss")]
    Rss,
    #[serde(rename = "rtprio")]
    Rtprio,
    #[serde(rename = "rttime")]
    Rttime,
    #[serde(rename = "sigpending")]
    Sigpending,
    #[serde(rename = "stack")]
    Stack,
}

impl UlimitName {
    /// Every value, in model order.
    pub const ALL: &'static [UlimitName] = &[
        UlimitName::Core,
        UlimitName::Cpu,
        UlimitName::Data,
        UlimitName::Fsize,
        UlimitName::Locks,
        UlimitName::Memlock,
        UlimitName::Msgqueue,
        UlimitName::Nice,
        UlimitName::Nofile,
        UlimitName::Nproc,
        UlimitName::Rss,
        UlimitName::Rtprio,
        UlimitName::Rttime,
        UlimitName::Sigpending,
        UlimitName::Stack,
    ];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            UlimitName::Core => "core",
            UlimitName::Cpu => "cpu",
            UlimitName::Data => "data",
            UlimitName::Fsize => "fsize",
            UlimitName::Locks => "locks",
            UlimitName::Memlock => "memlock",
            UlimitName::Msgqueue => "msgqueue",
            UlimitName::Nice => "nice",
            UlimitName::Nofile => "nofile",
            UlimitName::Nproc => "nproc",
            UlimitName::Rss => "rss",
            UlimitName::Rtprio => "rtprio",
            UlimitName::Rttime => "rttime",
            UlimitName::Sigpending => "sigpending",
            UlimitName::Stack => "stack",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for UlimitName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire exception `UnsupportedFeatureException`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UnsupportedFeatureException {
    #[serde(rename = "message", default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

/// Wire structure `UntagResourceRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UntagResourceRequest {
    #[serde(rename = "resourceArn")]
    pub resource_arn: String,
    #[serde(rename = "tagKeys")]
    pub tag_keys: Vec<String>,
}

/// Wire structure `UntagResourceResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UntagResourceResponse {}

/// Wire structure `UpdateCapacityProviderRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UpdateCapacityProviderRequest {
    #[serde(rename = "name")]
    pub name: String,
    #[serde(rename = "cluster", default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<String>,
    #[serde(
        rename = "autoScalingGroupProvider",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub auto_scaling_group_provider: Option<AutoScalingGroupProviderUpdate>,
    #[serde(
        rename = "managedInstancesProvider",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub managed_instances_provider: Option<UpdateManagedInstancesProviderConfiguration>,
}

/// Wire structure `UpdateCapacityProviderResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UpdateCapacityProviderResponse {
    #[serde(
        rename = "capacityProvider",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub capacity_provider: Option<CapacityProvider>,
}

/// Wire structure `UpdateClusterRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UpdateClusterRequest {
    #[serde(rename = "cluster")]
    pub cluster: String,
    #[serde(rename = "settings", default, skip_serializing_if = "Option::is_none")]
    pub settings: Option<Vec<ClusterSetting>>,
    #[serde(
        rename = "configuration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub configuration: Option<ClusterConfiguration>,
    #[serde(
        rename = "serviceConnectDefaults",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub service_connect_defaults: Option<ClusterServiceConnectDefaultsRequest>,
}

/// Wire structure `UpdateClusterResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UpdateClusterResponse {
    #[serde(rename = "cluster", default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<Cluster>,
}

/// Wire structure `UpdateClusterSettingsRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UpdateClusterSettingsRequest {
    #[serde(rename = "cluster")]
    pub cluster: String,
    #[serde(rename = "settings")]
    pub settings: Vec<ClusterSetting>,
}

/// Wire structure `UpdateClusterSettingsResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UpdateClusterSettingsResponse {
    #[serde(rename = "cluster", default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<Cluster>,
}

/// Wire structure `UpdateContainerAgentRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UpdateContainerAgentRequest {
    #[serde(rename = "cluster", default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<String>,
    #[serde(rename = "containerInstance")]
    pub container_instance: String,
}

/// Wire structure `UpdateContainerAgentResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UpdateContainerAgentResponse {
    #[serde(
        rename = "containerInstance",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub container_instance: Option<ContainerInstance>,
}

/// Wire structure `UpdateContainerInstancesStateRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UpdateContainerInstancesStateRequest {
    #[serde(rename = "cluster", default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<String>,
    #[serde(rename = "containerInstances")]
    pub container_instances: Vec<String>,
    #[serde(rename = "status")]
    pub status: ContainerInstanceStatus,
}

/// Wire structure `UpdateContainerInstancesStateResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UpdateContainerInstancesStateResponse {
    #[serde(
        rename = "containerInstances",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub container_instances: Option<Vec<ContainerInstance>>,
    #[serde(rename = "failures", default, skip_serializing_if = "Option::is_none")]
    pub failures: Option<Vec<Failure>>,
}

/// Wire structure `UpdateDaemonRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UpdateDaemonRequest {
    #[serde(rename = "daemonArn")]
    pub daemon_arn: String,
    #[serde(rename = "daemonTaskDefinitionArn")]
    pub daemon_task_definition_arn: String,
    #[serde(rename = "capacityProviderArns")]
    pub capacity_provider_arns: Vec<String>,
    #[serde(
        rename = "deploymentConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub deployment_configuration: Option<DaemonDeploymentConfiguration>,
    #[serde(
        rename = "propagateTags",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub propagate_tags: Option<DaemonPropagateTags>,
    #[serde(
        rename = "enableECSManagedTags",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub enable_ecs_managed_tags: Option<bool>,
    #[serde(
        rename = "enableExecuteCommand",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub enable_execute_command: Option<bool>,
    #[serde(rename = "critical", default, skip_serializing_if = "Option::is_none")]
    pub critical: Option<bool>,
}

/// Wire structure `UpdateDaemonResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UpdateDaemonResponse {
    #[serde(rename = "daemonArn", default, skip_serializing_if = "Option::is_none")]
    pub daemon_arn: Option<String>,
    #[serde(rename = "status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<DaemonStatus>,
    /// Timestamp: epoch seconds as a JSON number.
    #[serde(rename = "createdAt", default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<f64>,
    /// Timestamp: epoch seconds as a JSON number.
    #[serde(rename = "updatedAt", default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<f64>,
    #[serde(
        rename = "deploymentArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub deployment_arn: Option<String>,
}

/// Wire structure `UpdateExpressGatewayServiceRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UpdateExpressGatewayServiceRequest {
    #[serde(rename = "serviceArn")]
    pub service_arn: String,
    #[serde(
        rename = "executionRoleArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub execution_role_arn: Option<String>,
    #[serde(
        rename = "healthCheckPath",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub health_check_path: Option<String>,
    #[serde(
        rename = "primaryContainer",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub primary_container: Option<ExpressGatewayContainer>,
    #[serde(
        rename = "taskRoleArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub task_role_arn: Option<String>,
    #[serde(
        rename = "networkConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub network_configuration: Option<ExpressGatewayServiceNetworkConfiguration>,
    #[serde(rename = "cpu", default, skip_serializing_if = "Option::is_none")]
    pub cpu: Option<String>,
    #[serde(rename = "memory", default, skip_serializing_if = "Option::is_none")]
    pub memory: Option<String>,
    #[serde(
        rename = "cpuArchitecture",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub cpu_architecture: Option<ExpressCpuArchitecture>,
    #[serde(
        rename = "scalingTarget",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub scaling_target: Option<ExpressGatewayScalingTarget>,
    #[serde(
        rename = "taskDefinitionArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub task_definition_arn: Option<String>,
}

/// Wire structure `UpdateExpressGatewayServiceResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UpdateExpressGatewayServiceResponse {
    #[serde(rename = "service", default, skip_serializing_if = "Option::is_none")]
    pub service: Option<UpdatedExpressGatewayService>,
}

/// Wire structure `UpdateGatewayAlbConfiguration`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UpdateGatewayAlbConfiguration {
    #[serde(
        rename = "networkConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub network_configuration: Option<UpdateGatewayNetworkConfiguration>,
    #[serde(
        rename = "maxAlbCount",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub max_alb_count: Option<i32>,
    #[serde(rename = "webACLArn", default, skip_serializing_if = "Option::is_none")]
    pub web_acl_arn: Option<String>,
    #[serde(
        rename = "accessLogs",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub access_logs: Option<GatewayElbAccessLogConfiguration>,
    #[serde(
        rename = "httpDesync",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub http_desync: Option<GatewayAlbDesyncMitigationMode>,
    #[serde(
        rename = "testTrafficRules",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub test_traffic_rules: Option<GatewayAlbTestTrafficRules>,
}

/// Wire union (at most one member set) `UpdateGatewayConfiguration`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UpdateGatewayConfiguration {
    #[serde(
        rename = "hostSharedAlb",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub host_shared_alb: Option<UpdateGatewayAlbConfiguration>,
}

/// Wire structure `UpdateGatewayNetworkConfiguration`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UpdateGatewayNetworkConfiguration {
    #[serde(
        rename = "inboundSecurityGroup",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub inbound_security_group: Option<String>,
}

/// Wire structure `UpdateGatewayRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UpdateGatewayRequest {
    #[serde(rename = "gateway")]
    pub gateway: String,
    #[serde(
        rename = "infrastructureRoleArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub infrastructure_role_arn: Option<String>,
    #[serde(
        rename = "deletionProtection",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub deletion_protection: Option<bool>,
    #[serde(
        rename = "configuration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub configuration: Option<UpdateGatewayConfiguration>,
    #[serde(
        rename = "propagateTags",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub propagate_tags: Option<PropagateGatewayTags>,
}

/// Wire structure `UpdateGatewayResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UpdateGatewayResponse {
    #[serde(
        rename = "gatewayArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub gateway_arn: Option<String>,
    #[serde(rename = "name", default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(rename = "status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<GatewayStatus>,
}

/// Wire exception `UpdateInProgressException`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UpdateInProgressException {
    #[serde(rename = "message", default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

/// Wire structure `UpdateManagedInstancesProviderConfiguration`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UpdateManagedInstancesProviderConfiguration {
    #[serde(rename = "infrastructureRoleArn")]
    pub infrastructure_role_arn: String,
    #[serde(rename = "instanceLaunchTemplate")]
    pub instance_launch_template: InstanceLaunchTemplateUpdate,
    #[serde(
        rename = "propagateTags",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub propagate_tags: Option<PropagateMITags>,
    #[serde(
        rename = "infrastructureOptimization",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub infrastructure_optimization: Option<InfrastructureOptimization>,
    #[serde(
        rename = "autoRepairConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub auto_repair_configuration: Option<AutoRepairConfiguration>,
}

/// Wire structure `UpdateServicePrimaryTaskSetRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UpdateServicePrimaryTaskSetRequest {
    #[serde(rename = "cluster")]
    pub cluster: String,
    #[serde(rename = "service")]
    pub service: String,
    #[serde(rename = "primaryTaskSet")]
    pub primary_task_set: String,
}

/// Wire structure `UpdateServicePrimaryTaskSetResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UpdateServicePrimaryTaskSetResponse {
    #[serde(rename = "taskSet", default, skip_serializing_if = "Option::is_none")]
    pub task_set: Option<TaskSet>,
}

/// Wire structure `UpdateServiceRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UpdateServiceRequest {
    #[serde(rename = "cluster", default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<String>,
    #[serde(rename = "service")]
    pub service: String,
    #[serde(
        rename = "desiredCount",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub desired_count: Option<i32>,
    #[serde(
        rename = "taskDefinition",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub task_definition: Option<String>,
    #[serde(
        rename = "capacityProviderStrategy",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub capacity_provider_strategy: Option<Vec<CapacityProviderStrategyItem>>,
    #[serde(
        rename = "deploymentConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub deployment_configuration: Option<DeploymentConfiguration>,
    #[serde(
        rename = "availabilityZoneRebalancing",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub availability_zone_rebalancing: Option<AvailabilityZoneRebalancing>,
    #[serde(
        rename = "networkConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub network_configuration: Option<NetworkConfiguration>,
    #[serde(
        rename = "placementConstraints",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub placement_constraints: Option<Vec<PlacementConstraint>>,
    #[serde(
        rename = "placementStrategy",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub placement_strategy: Option<Vec<PlacementStrategy>>,
    #[serde(
        rename = "platformVersion",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub platform_version: Option<String>,
    #[serde(
        rename = "forceNewDeployment",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub force_new_deployment: Option<bool>,
    #[serde(
        rename = "healthCheckGracePeriodSeconds",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub health_check_grace_period_seconds: Option<i32>,
    #[serde(
        rename = "deploymentController",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub deployment_controller: Option<DeploymentController>,
    #[serde(
        rename = "enableExecuteCommand",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub enable_execute_command: Option<bool>,
    #[serde(
        rename = "enableECSManagedTags",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub enable_ecs_managed_tags: Option<bool>,
    #[serde(
        rename = "loadBalancers",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub load_balancers: Option<Vec<LoadBalancer>>,
    #[serde(
        rename = "propagateTags",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub propagate_tags: Option<PropagateTags>,
    #[serde(
        rename = "serviceRegistries",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub service_registries: Option<Vec<ServiceRegistry>>,
    #[serde(
        rename = "serviceConnectConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub service_connect_configuration: Option<ServiceConnectConfiguration>,
    #[serde(
        rename = "volumeConfigurations",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub volume_configurations: Option<Vec<ServiceVolumeConfiguration>>,
    #[serde(
        rename = "vpcLatticeConfigurations",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub vpc_lattice_configurations: Option<Vec<VpcLatticeConfiguration>>,
    #[serde(
        rename = "gatewayConnectors",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub gateway_connectors: Option<Vec<GatewayConnector>>,
    #[serde(
        rename = "monitoring",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub monitoring: Option<MonitoringConfiguration>,
}

/// Wire structure `UpdateServiceResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UpdateServiceResponse {
    #[serde(rename = "service", default, skip_serializing_if = "Option::is_none")]
    pub service: Option<Service>,
}

/// Wire structure `UpdateTaskProtectionRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UpdateTaskProtectionRequest {
    #[serde(rename = "cluster")]
    pub cluster: String,
    #[serde(rename = "tasks")]
    pub tasks: Vec<String>,
    #[serde(rename = "protectionEnabled")]
    pub protection_enabled: bool,
    #[serde(
        rename = "expiresInMinutes",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub expires_in_minutes: Option<i32>,
}

/// Wire structure `UpdateTaskProtectionResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UpdateTaskProtectionResponse {
    #[serde(
        rename = "protectedTasks",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub protected_tasks: Option<Vec<ProtectedTask>>,
    #[serde(rename = "failures", default, skip_serializing_if = "Option::is_none")]
    pub failures: Option<Vec<Failure>>,
}

/// Wire structure `UpdateTaskSetRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UpdateTaskSetRequest {
    #[serde(rename = "cluster")]
    pub cluster: String,
    #[serde(rename = "service")]
    pub service: String,
    #[serde(rename = "taskSet")]
    pub task_set: String,
    #[serde(rename = "scale")]
    pub scale: Scale,
}

/// Wire structure `UpdateTaskSetResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UpdateTaskSetResponse {
    #[serde(rename = "taskSet", default, skip_serializing_if = "Option::is_none")]
    pub task_set: Option<TaskSet>,
}

/// Wire structure `UpdatedExpressGatewayService`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UpdatedExpressGatewayService {
    #[serde(
        rename = "serviceArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub service_arn: Option<String>,
    #[serde(rename = "cluster", default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<String>,
    #[serde(
        rename = "serviceName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub service_name: Option<String>,
    #[serde(rename = "status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<ExpressGatewayServiceStatus>,
    #[serde(
        rename = "targetConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub target_configuration: Option<ExpressGatewayServiceConfiguration>,
    /// Timestamp: epoch seconds as a JSON number.
    #[serde(rename = "createdAt", default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<f64>,
    /// Timestamp: epoch seconds as a JSON number.
    #[serde(rename = "updatedAt", default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<f64>,
}

/// Wire structure `VCpuCountRangeRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VCpuCountRangeRequest {
    #[serde(rename = "min")]
    pub min: i32,
    #[serde(rename = "max", default, skip_serializing_if = "Option::is_none")]
    pub max: Option<i32>,
}

/// Wire enum `VersionConsistency`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum VersionConsistency {
    #[serde(rename = "enabled")]
    Enabled,
    #[serde(rename = "disabled")]
    Disabled,
}

impl VersionConsistency {
    /// Every value, in model order.
    pub const ALL: &'static [VersionConsistency] =
        &[VersionConsistency::Enabled, VersionConsistency::Disabled];

    /// The exact wire value.
    pub fn as_str(&self) -> &'static str {
        match self {
            VersionConsistency::Enabled => "enabled",
            VersionConsistency::Disabled => "disabled",
        }
    }

    /// Parses the exact wire value.
    pub fn from_wire(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl std::fmt::Display for VersionConsistency {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wire structure `VersionInfo`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct VersionInfo {
    #[serde(
        rename = "agentVersion",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub agent_version: Option<String>,
    #[serde(rename = "agentHash", default, skip_serializing_if = "Option::is_none")]
    pub agent_hash: Option<String>,
    #[serde(
        rename = "dockerVersion",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub docker_version: Option<String>,
}

/// Wire structure `Volume`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Volume {
    #[serde(rename = "name", default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(rename = "host", default, skip_serializing_if = "Option::is_none")]
    pub host: Option<HostVolumeProperties>,
    #[serde(
        rename = "dockerVolumeConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub docker_volume_configuration: Option<DockerVolumeConfiguration>,
    #[serde(
        rename = "efsVolumeConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub efs_volume_configuration: Option<EFSVolumeConfiguration>,
    #[serde(
        rename = "s3filesVolumeConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub s3files_volume_configuration: Option<S3FilesVolumeConfiguration>,
    #[serde(
        rename = "fsxWindowsFileServerVolumeConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub fsx_windows_file_server_volume_configuration:
        Option<FSxWindowsFileServerVolumeConfiguration>,
    #[serde(
        rename = "configuredAtLaunch",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub configured_at_launch: Option<bool>,
}

/// Wire structure `VolumeFrom`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct VolumeFrom {
    #[serde(
        rename = "sourceContainer",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub source_container: Option<String>,
    #[serde(rename = "readOnly", default, skip_serializing_if = "Option::is_none")]
    pub read_only: Option<bool>,
}

/// Wire structure `VpcLatticeAdvancedConfiguration`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct VpcLatticeAdvancedConfiguration {
    #[serde(
        rename = "alternateTargetGroupArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub alternate_target_group_arn: Option<String>,
    #[serde(
        rename = "productionListenerRule",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub production_listener_rule: Option<String>,
    #[serde(
        rename = "testListenerRule",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub test_listener_rule: Option<String>,
}

/// Wire structure `VpcLatticeConfiguration`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VpcLatticeConfiguration {
    #[serde(rename = "roleArn")]
    pub role_arn: String,
    #[serde(rename = "targetGroupArn")]
    pub target_group_arn: String,
    #[serde(rename = "portName")]
    pub port_name: String,
    #[serde(
        rename = "advancedConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub advanced_configuration: Option<VpcLatticeAdvancedConfiguration>,
}
