//! `gantry usage` (the usage report) and `gantry spot reclaim` (a Spot
//! interruption of FARGATE_SPOT tasks), through the control plane's
//! `/gantry/v1/…` endpoints, SigV4-signed (service `ecs`) like every call.

use anyhow::{bail, Context, Result};
use aws_credential_types::Credentials;
use aws_sigv4::http_request::{sign, SignableBody, SignableRequest, SigningSettings};
use aws_sigv4::sign::v4;
use clap::{Args, Subcommand};
use serde_json::{json, Value};

#[derive(Args, Clone)]
pub struct Endpoint {
    /// The Gantry endpoint.
    #[arg(long, env = "GANTRY_ENDPOINT", default_value = "http://127.0.0.1:8080")]
    pub endpoint_url: String,
    #[arg(long, env = "AWS_DEFAULT_REGION", default_value = "us-east-1")]
    pub region: String,
}

#[derive(Args, Clone)]
pub struct UsageArgs {
    /// Only this cluster (default: every cluster).
    #[arg(long)]
    pub cluster: Option<String>,
    /// The period: from this long ago until now (e.g. 30s, 10m, 1h, 1d).
    #[arg(long, default_value = "1h")]
    pub since: String,
    /// Print the report as JSON.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub endpoint: Endpoint,
}

#[derive(Subcommand, Clone)]
pub enum SpotCommand {
    /// Interrupt FARGATE_SPOT tasks as if their capacity were reclaimed:
    /// SIGTERM now (stop code SpotInterruption), SIGKILL after the warning.
    Reclaim(ReclaimArgs),
}

#[derive(Args, Clone)]
pub struct ReclaimArgs {
    #[arg(long, default_value = "default")]
    pub cluster: String,
    /// This task (ARN or id).
    #[arg(long, conflicts_with = "count")]
    pub task: Option<String>,
    /// This many Spot tasks (oldest first).
    #[arg(long)]
    pub count: Option<u32>,
    #[command(flatten)]
    pub endpoint: Endpoint,
}

type Creds = (String, String, Option<String>);

fn now_epoch() -> f64 {
    gantry_agent_api::client::system_time()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs_f64())
        .unwrap_or(0.0)
}

/// A SigV4-signed request (service `ecs`) and its JSON answer.
async fn signed(
    method: &str,
    ep: &Endpoint,
    path_and_query: &str,
    body: Vec<u8>,
    creds: &Creds,
) -> Result<Value> {
    let url = format!(
        "{}{}",
        ep.endpoint_url.trim_end_matches('/'),
        path_and_query
    );
    let host = url
        .split_once("://")
        .and_then(|(_, r)| r.split('/').next())
        .filter(|h| !h.is_empty())
        .with_context(|| format!("invalid endpoint {}", ep.endpoint_url))?
        .to_string();
    let mut headers: Vec<(String, String)> = vec![
        ("content-type".into(), "application/json".into()),
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
        .region(&ep.region)
        .name("ecs")
        .time(gantry_agent_api::client::system_time())
        .settings(SigningSettings::default())
        .build()?
        .into();
    let signable = SignableRequest::new(
        method,
        &url,
        headers.iter().map(|(k, v)| (k.as_str(), v.as_str())),
        SignableBody::Bytes(&body),
    )?;
    let (instructions, _) = sign(signable, &params)?.into_parts();
    let (extra, _) = instructions.into_parts();
    for h in extra {
        headers.push((h.name().to_string(), h.value().to_string()));
    }
    // reqwest is built without a default TLS crypto provider.
    let _ = rustls::crypto::ring::default_provider().install_default();
    let client = reqwest::Client::new();
    let mut rb = match method {
        "GET" => client.get(&url),
        _ => client.post(&url).body(body),
    };
    for (k, v) in headers {
        rb = rb.header(k, v);
    }
    let resp = rb
        .send()
        .await
        .with_context(|| format!("cannot reach {}", ep.endpoint_url))?;
    let status = resp.status();
    let text = resp.text().await?;
    let value: Value = serde_json::from_str(&text)
        .with_context(|| format!("unexpected answer ({status}): {text}"))?;
    if !status.is_success() {
        bail!(
            "{}: {}",
            value["__type"].as_str().unwrap_or("error"),
            value["message"].as_str().unwrap_or(&text)
        );
    }
    Ok(value)
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

/// The usage report as a table.
pub fn render_table(r: &Value) -> String {
    let f = |v: &Value| v.as_f64().unwrap_or(0.0);
    let mut out = String::new();
    out.push_str(&format!(
        "{:<14} {:>7} {:>16} {:>16} {:>14} {:>12}\n",
        "KIND", "COUNT", "VCPU-SECONDS", "GB-SECONDS", "SECONDS", "COST (USD)"
    ));
    for (label, key) in [("FARGATE", "fargate"), ("FARGATE_SPOT", "fargateSpot")] {
        let t = &r[key];
        out.push_str(&format!(
            "{:<14} {:>7} {:>16.3} {:>16.3} {:>14} {:>12.6}\n",
            label,
            t["tasks"].as_u64().unwrap_or(0),
            f(&t["vcpuSeconds"]),
            f(&t["gbSeconds"]),
            "-",
            f(&t["cost"])
        ));
    }
    let i = &r["instances"];
    out.push_str(&format!(
        "{:<14} {:>7} {:>16} {:>16} {:>14.1} {:>12.6}\n",
        "EC2_INSTANCE",
        i["instances"].as_u64().unwrap_or(0),
        "-",
        "-",
        f(&i["seconds"]),
        f(&i["cost"])
    ));
    out.push_str(&format!(
        "{:<14} {:>7} {:>16} {:>16} {:>14} {:>12.6}\n",
        "TOTAL",
        "",
        "",
        "",
        "",
        f(&r["totalCost"])
    ));
    out
}

pub async fn usage(args: UsageArgs, creds: Creds) -> Result<()> {
    let since_ms = crate::logs_cmd::parse_since(&args.since)?;
    let end = now_epoch();
    let start = end - since_ms as f64 / 1000.0;
    let mut q = format!("start={start:.3}&end={end:.3}");
    if let Some(c) = &args.cluster {
        q.push_str(&format!("&cluster={}", pct_encode(c)));
    }
    let r = signed(
        "GET",
        &args.endpoint,
        &format!("/gantry/v1/usage?{q}"),
        vec![],
        &creds,
    )
    .await?;
    if args.json {
        println!("{}", serde_json::to_string_pretty(&r)?);
    } else {
        print!("{}", render_table(&r));
    }
    Ok(())
}

pub async fn spot(cmd: SpotCommand, creds: Creds) -> Result<()> {
    match cmd {
        SpotCommand::Reclaim(a) => {
            let body = json!({"cluster": a.cluster, "task": a.task, "count": a.count});
            let r = signed(
                "POST",
                &a.endpoint,
                "/gantry/v1/spot/reclaim",
                serde_json::to_vec(&body)?,
                &creds,
            )
            .await?;
            let tasks = r["tasks"].as_array().cloned().unwrap_or_default();
            if tasks.is_empty() {
                println!("no running FARGATE_SPOT task to interrupt");
            }
            for t in tasks {
                println!(
                    "{}  {}",
                    t["taskArn"].as_str().unwrap_or(""),
                    t["stoppedReason"].as_str().unwrap_or("")
                );
            }
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_shows_every_kind() {
        let r = json!({"fargate": {"tasks": 1, "vcpuSeconds": 2.5, "gbSeconds": 5.0, "cost": 0.000035},
            "fargateSpot": {"tasks": 0, "vcpuSeconds": 0.0, "gbSeconds": 0.0, "cost": 0.0},
            "instances": {"instances": 1, "seconds": 60.0, "cost": 0.0016},
            "totalCost": 0.001635});
        let t = render_table(&r);
        assert!(t.contains("FARGATE ") && t.contains("2.500") && t.contains("5.000"));
        assert!(t.contains("EC2_INSTANCE") && t.contains("60.0"));
        assert!(t.lines().last().unwrap().contains("0.001635"));
    }

    #[test]
    fn query_values_are_encoded() {
        assert_eq!(pct_encode("a b/c"), "a%20b%2Fc");
    }
}
