//! The one integration-test binary of `gantry-control` (one binary, because
//! each test binary relinks the AWS SDK). Add new test modules here.

mod http_api;
