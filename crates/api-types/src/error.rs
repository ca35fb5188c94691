//! The one external error type: an AWS error code, its HTTP status, and the
//! message the client sees.

use serde::Serialize;

/// An error as it goes on the wire: `{"__type": code, "message": message}`
/// with HTTP `status` and header `x-amzn-ErrorType: code`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    /// Bare AWS error code, e.g. `ClientException`.
    pub code: &'static str,
    pub message: String,
    pub status: u16,
    /// Extra members some errors carry (e.g. `ConflictException.resourceIds`).
    pub extra: Option<serde_json::Map<String, serde_json::Value>>,
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.code, self.message)
    }
}

impl std::error::Error for ApiError {}

#[derive(Serialize)]
struct Body<'a> {
    #[serde(rename = "__type")]
    code: &'a str,
    message: &'a str,
}

impl ApiError {
    pub fn new(code: &'static str, status: u16, message: impl Into<String>) -> Self {
        ApiError {
            code,
            message: message.into(),
            status,
            extra: None,
        }
    }
    /// 400 with the given code.
    pub fn client(code: &'static str, message: impl Into<String>) -> Self {
        Self::new(code, 400, message)
    }
    pub fn client_exception(message: impl Into<String>) -> Self {
        Self::client("ClientException", message)
    }
    pub fn invalid_parameter(message: impl Into<String>) -> Self {
        Self::client("InvalidParameterException", message)
    }
    pub fn cluster_not_found() -> Self {
        Self::client("ClusterNotFoundException", "Cluster not found.")
    }
    pub fn serialization(message: impl Into<String>) -> Self {
        Self::client("SerializationException", message)
    }
    pub fn server(message: impl Into<String>) -> Self {
        Self::new("ServerException", 500, message)
    }
    pub fn with_extra(mut self, key: &str, value: serde_json::Value) -> Self {
        self.extra
            .get_or_insert_with(Default::default)
            .insert(key.to_string(), value);
        self
    }
    /// The JSON body.
    pub fn body(&self) -> Vec<u8> {
        let mut v = serde_json::to_value(Body {
            code: self.code,
            message: &self.message,
        })
        .expect("error body serialises");
        if let (Some(extra), Some(obj)) = (&self.extra, v.as_object_mut()) {
            for (k, val) in extra {
                obj.insert(k.clone(), val.clone());
            }
        }
        serde_json::to_vec(&v).expect("error body serialises")
    }
}
