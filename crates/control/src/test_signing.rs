//! Test support: requests signed the way the AWS SDKs sign them
//! (`aws-sigv4`), for the verifiers' tests.

use chrono::{DateTime, Utc};

/// What a request is signed with, and the headers it carries besides
/// `host` (always `localhost:8080`).
#[derive(Clone)]
pub(crate) struct Signing<'a> {
    pub key: &'a str,
    pub secret: &'a str,
    pub token: Option<&'a str>,
    pub region: &'a str,
    pub service: &'a str,
    pub at: DateTime<Utc>,
    pub headers: &'a [(&'a str, &'a str)],
}

impl Signing<'_> {
    /// A `POST` of `body` to `uri`, signed.
    pub(crate) fn sign(
        &self,
        uri: &str,
        body: &'static [u8],
    ) -> (http::request::Parts, bytes::Bytes) {
        let body = bytes::Bytes::from_static(body);
        let mut builder = http::Request::builder()
            .method("POST")
            .uri(uri)
            .header("host", "localhost:8080");
        for (k, v) in self.headers {
            builder = builder.header(*k, *v);
        }
        let mut req = builder.body(body.clone()).unwrap();
        let creds = aws_credential_types::Credentials::new(
            self.key,
            self.secret,
            self.token.map(str::to_string),
            None,
            "t",
        );
        let identity = creds.into();
        let params = aws_sigv4::sign::v4::SigningParams::builder()
            .identity(&identity)
            .region(self.region)
            .name(self.service)
            .time(self.at.into())
            .settings(aws_sigv4::http_request::SigningSettings::default())
            .build()
            .unwrap()
            .into();
        let signable = aws_sigv4::http_request::SignableRequest::new(
            "POST",
            uri,
            req.headers()
                .iter()
                .map(|(k, v)| (k.as_str(), v.to_str().unwrap())),
            aws_sigv4::http_request::SignableBody::Bytes(&body),
        )
        .unwrap();
        let (instructions, _) = aws_sigv4::http_request::sign(signable, &params)
            .unwrap()
            .into_parts();
        instructions.apply_to_request_http1x(&mut req);
        req.into_parts()
    }
}
