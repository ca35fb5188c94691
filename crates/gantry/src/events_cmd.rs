//! `gantry events`: the ECS event stream (task state changes, service
//! actions, deployment and container instance state changes) from the
//! control plane's `GET /gantry/v1/events` (Server-Sent Events, SigV4-signed
//! with service `ecs`). One line per event (time, type, resource, summary),
//! or the EventBridge JSON with `--json`; `--follow` keeps printing.

use anyhow::{bail, Context, Result};
use aws_credential_types::Credentials;
use aws_sigv4::http_request::{sign, SignableBody, SignableRequest, SigningSettings};
use aws_sigv4::sign::v4;
use clap::Args;
use serde_json::Value;
use std::io::Write;

#[derive(Args, Clone)]
pub struct EventsArgs {
    /// Only this cluster (name or ARN; default: every cluster).
    #[arg(long)]
    pub cluster: Option<String>,
    /// Keep the connection open and print events as they happen.
    #[arg(long, short = 'f')]
    pub follow: bool,
    /// Only events of the last period (e.g. 30s, 10m, 1h); default: all buffered.
    #[arg(long)]
    pub since: Option<String>,
    /// Print each event as its EventBridge JSON (one object per line).
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub endpoint: crate::fargate_cmd::Endpoint,
}

type Creds = (String, String, Option<String>);

fn now_ms() -> i64 {
    gantry_agent_api::client::system_time()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0)
}

fn pct_encode(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// The query string of the request.
fn query(args: &EventsArgs, now_ms: i64) -> Result<String> {
    let mut q = Vec::new();
    if let Some(c) = &args.cluster {
        q.push(format!("cluster={}", pct_encode(c)));
    }
    if let Some(s) = &args.since {
        let since = now_ms - crate::logs_cmd::parse_since(s)?;
        q.push(format!("since={:.3}", since as f64 / 1000.0));
    }
    if args.follow {
        q.push("follow=true".to_string());
    }
    Ok(q.join("&"))
}

/// One line for an event: time, type, resource, summary.
pub fn render(e: &Value) -> String {
    let d = &e["detail"];
    let kind = e["detail-type"].as_str().unwrap_or("?");
    let resource = e["resources"][0].as_str().unwrap_or("");
    let short = resource.rsplit(['/', ':']).next().unwrap_or(resource);
    let s = |v: &Value| v.as_str().unwrap_or("-").to_string();
    let summary = match kind {
        "ECS Task State Change" => {
            let mut out = format!(
                "{} (desired {})",
                s(&d["lastStatus"]),
                s(&d["desiredStatus"])
            );
            if let Some(r) = d["stoppedReason"].as_str() {
                out.push_str(&format!(": {r}"));
            }
            let exits: Vec<String> = d["containers"]
                .as_array()
                .map(|cs| {
                    cs.iter()
                        .filter_map(|c| {
                            Some(format!(
                                "{}={}",
                                c["name"].as_str()?,
                                c["exitCode"].as_i64()?
                            ))
                        })
                        .collect()
                })
                .unwrap_or_default();
            if !exits.is_empty() {
                out.push_str(&format!(" exit {}", exits.join(",")));
            }
            out
        }
        "ECS Container Instance State Change" => format!(
            "{} agentConnected={} running={}",
            s(&d["status"]),
            d["agentConnected"],
            d["runningTasksCount"]
        ),
        "ECS Deployment State Change" => format!(
            "{} {} {}",
            s(&d["eventName"]),
            s(&d["deploymentId"]),
            d["reason"].as_str().unwrap_or("")
        )
        .trim_end()
        .to_string(),
        _ => format!("{} {}", s(&d["eventType"]), s(&d["eventName"])),
    };
    let time = e["time"].as_str().unwrap_or("");
    format!("{time} {kind:<36} {short:<36} {summary}")
}

/// Signs a GET of `url` (service `ecs`) and returns the headers to send.
fn sign_get(url: &str, region: &str, creds: &Creds) -> Result<Vec<(String, String)>> {
    let host = url
        .split_once("://")
        .and_then(|(_, r)| r.split('/').next())
        .filter(|h| !h.is_empty())
        .with_context(|| format!("invalid endpoint {url}"))?
        .to_string();
    let mut headers: Vec<(String, String)> = vec![
        ("accept".into(), "text/event-stream".into()),
        ("host".into(), host),
    ];
    let identity = Credentials::new(
        creds.0.clone(),
        creds.1.clone(),
        creds.2.clone(),
        None,
        "gantry-cli",
    )
    .into();
    let params = v4::SigningParams::builder()
        .identity(&identity)
        .region(region)
        .name("ecs")
        .time(gantry_agent_api::client::system_time())
        .settings(SigningSettings::default())
        .build()?
        .into();
    let signable = SignableRequest::new(
        "GET",
        url,
        headers.iter().map(|(k, v)| (k.as_str(), v.as_str())),
        SignableBody::Bytes(&[]),
    )?;
    let (instructions, _) = sign(signable, &params)?.into_parts();
    let (extra, _) = instructions.into_parts();
    for h in extra {
        headers.push((h.name().to_string(), h.value().to_string()));
    }
    Ok(headers)
}

/// Splits complete SSE messages off `buf` and returns their `data` fields.
pub fn take_sse_data(buf: &mut String) -> Vec<String> {
    let mut out = Vec::new();
    while let Some(end) = buf.find("\n\n") {
        let block: String = buf.drain(..end + 2).collect();
        let data: Vec<&str> = block
            .lines()
            .filter_map(|l| l.strip_prefix("data:"))
            .map(|d| d.strip_prefix(' ').unwrap_or(d))
            .collect();
        if !data.is_empty() {
            out.push(data.join("\n"));
        }
    }
    out
}

pub async fn run(args: EventsArgs, creds: Creds) -> Result<()> {
    let q = query(&args, now_ms())?;
    let url = format!(
        "{}{}{}{}",
        args.endpoint.endpoint_url.trim_end_matches('/'),
        gantry_control::events::EVENTS_PATH,
        if q.is_empty() { "" } else { "?" },
        q
    );
    let headers = sign_get(&url, &args.endpoint.region, &creds)?;
    // reqwest is built without a default TLS crypto provider.
    let _ = rustls::crypto::ring::default_provider().install_default();
    let mut rb = reqwest::Client::new().get(&url);
    for (k, v) in headers {
        rb = rb.header(k, v);
    }
    let mut resp = rb
        .send()
        .await
        .with_context(|| format!("cannot reach {}", args.endpoint.endpoint_url))?;
    let status = resp.status();
    if !status.is_success() {
        let text = resp.text().await.unwrap_or_default();
        let v: Value = serde_json::from_str(&text).unwrap_or(Value::Null);
        bail!(
            "{}: {}",
            v["__type"].as_str().unwrap_or(status.as_str()),
            v["message"].as_str().unwrap_or(&text)
        );
    }
    let mut buf = String::new();
    let mut pending: Vec<u8> = Vec::new();
    let stdout = std::io::stdout();
    while let Some(chunk) = resp.chunk().await.context("event stream interrupted")? {
        pending.extend_from_slice(&chunk);
        // Keep an incomplete UTF-8 sequence for the next chunk.
        let valid = match std::str::from_utf8(&pending) {
            Ok(s) => s.len(),
            Err(e) => e.valid_up_to(),
        };
        buf.push_str(std::str::from_utf8(&pending[..valid]).unwrap_or_default());
        pending.drain(..valid);
        let mut out = stdout.lock();
        for data in take_sse_data(&mut buf) {
            if args.json {
                writeln!(out, "{data}")?;
            } else {
                let v: Value = serde_json::from_str(&data)
                    .with_context(|| format!("unexpected event: {data}"))?;
                writeln!(out, "{}", render(&v))?;
            }
        }
        out.flush()?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn sse_framing() {
        let mut buf = "id: 1\ndata: {\"a\":1}\n\n: keep-alive\n\nid: 2\ndata: {\"b\"".to_string();
        assert_eq!(take_sse_data(&mut buf), vec!["{\"a\":1}".to_string()]);
        assert_eq!(buf, "id: 2\ndata: {\"b\"");
        buf.push_str(":2}\n\n");
        assert_eq!(take_sse_data(&mut buf), vec!["{\"b\":2}".to_string()]);
        assert!(buf.is_empty());
    }

    #[test]
    fn renders_a_task_state_change() {
        let e = json!({
            "time": "2026-01-01T00:00:00Z",
            "detail-type": "ECS Task State Change",
            "resources": ["arn:aws:ecs:us-east-1:123456789012:task/default/abc"],
            "detail": {"lastStatus": "STOPPED", "desiredStatus": "STOPPED",
                       "stoppedReason": "Essential container in task exited",
                       "containers": [{"name": "app", "exitCode": 3}]},
        });
        let line = render(&e);
        assert!(line.starts_with("2026-01-01T00:00:00Z ECS Task State Change"));
        assert!(line.contains(" abc "));
        assert!(line
            .ends_with("STOPPED (desired STOPPED): Essential container in task exited exit app=3"));
    }
}
