//! Who the server is (account id, region) and the account's root credentials.
//!
//! Root credentials come, in order, from:
//! 1. `GANTRY_ROOT_ACCESS_KEY_ID` + `GANTRY_ROOT_SECRET_ACCESS_KEY` (both, or
//!    neither: setting only one is an error rather than silently ignored);
//! 2. `DATA_DIR/credentials`, in the AWS shared-credentials format;
//! 3. freshly generated from the OS-seeded CSPRNG and written to
//!    `DATA_DIR/credentials` (mode 0600), so the binary can print them once.
//!
//! The account id defaults to [`DEFAULT_ACCOUNT_ID`] (`123456789012`, the
//! placeholder used throughout the AWS documentation, so example ARNs line
//! up); override with `GANTRY_ACCOUNT_ID`. The region defaults to
//! [`DEFAULT_REGION`]; override with `GANTRY_REGION`.

use std::io::Write;
use std::path::{Path, PathBuf};

use rand::Rng;

/// Account id used when `GANTRY_ACCOUNT_ID` is unset.
pub const DEFAULT_ACCOUNT_ID: &str = "123456789012";
/// Region used when `GANTRY_REGION` is unset.
pub const DEFAULT_REGION: &str = "us-east-1";
/// File name of the root credentials inside the data directory.
pub const CREDENTIALS_FILE: &str = "credentials";

pub const ENV_ACCOUNT_ID: &str = "GANTRY_ACCOUNT_ID";
pub const ENV_REGION: &str = "GANTRY_REGION";
pub const ENV_ROOT_ACCESS_KEY_ID: &str = "GANTRY_ROOT_ACCESS_KEY_ID";
pub const ENV_ROOT_SECRET_ACCESS_KEY: &str = "GANTRY_ROOT_SECRET_ACCESS_KEY";

/// Length of every secret access key (AWS's, and the verifier's requirement).
pub const SECRET_KEY_LEN: usize = 40;

#[derive(Debug, thiserror::Error)]
pub enum CredentialsError {
    #[error("account id {value:?} must be exactly 12 digits")]
    InvalidAccountId { value: String },
    #[error("region {value:?} must be non-empty lowercase letters, digits and '-'")]
    InvalidRegion { value: String },
    #[error("{set} is set but {missing} is not; set both or neither")]
    HalfSetEnvironment {
        set: &'static str,
        missing: &'static str,
    },
    #[error("access key id from {origin} must be 16-128 uppercase letters or digits")]
    InvalidAccessKeyId { origin: String },
    #[error(
        "secret access key from {origin} must be {SECRET_KEY_LEN} characters of A-Z a-z 0-9 + /"
    )]
    InvalidSecret { origin: String },
    #[error("{path}: no [default] profile with aws_access_key_id and aws_secret_access_key")]
    Incomplete { path: PathBuf },
    #[error("cannot read {path}")]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("cannot write {path}")]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

/// The account and region this server pretends to be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServerIdentity {
    /// 12 digits.
    pub account_id: String,
    /// E.g. `us-east-1`; the only region accepted in credential scopes.
    pub region: String,
}

impl ServerIdentity {
    /// Validates both values.
    pub fn new(
        account_id: impl Into<String>,
        region: impl Into<String>,
    ) -> Result<Self, CredentialsError> {
        let account_id = account_id.into();
        let region = region.into();
        if account_id.len() != 12 || !account_id.bytes().all(|b| b.is_ascii_digit()) {
            return Err(CredentialsError::InvalidAccountId { value: account_id });
        }
        let region_ok = !region.is_empty()
            && region
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && !region.starts_with('-')
            && !region.ends_with('-');
        if !region_ok {
            return Err(CredentialsError::InvalidRegion { value: region });
        }
        Ok(ServerIdentity { account_id, region })
    }

    /// From `GANTRY_ACCOUNT_ID` / `GANTRY_REGION`, with the defaults.
    pub fn from_env() -> Result<Self, CredentialsError> {
        Self::from_lookup(|k| std::env::var(k).ok())
    }

    /// Like [`ServerIdentity::from_env`] with an injectable environment.
    pub fn from_lookup(env: impl Fn(&str) -> Option<String>) -> Result<Self, CredentialsError> {
        let account = env(ENV_ACCOUNT_ID).filter(|v| !v.is_empty());
        let region = env(ENV_REGION).filter(|v| !v.is_empty());
        Self::new(
            account.unwrap_or_else(|| DEFAULT_ACCOUNT_ID.to_string()),
            region.unwrap_or_else(|| DEFAULT_REGION.to_string()),
        )
    }
}

/// The root access key pair.
#[derive(Clone, PartialEq, Eq)]
pub struct RootCredentials {
    pub access_key_id: String,
    pub secret_access_key: String,
}

impl std::fmt::Debug for RootCredentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RootCredentials")
            .field("access_key_id", &self.access_key_id)
            .field("secret_access_key", &"<redacted>")
            .finish()
    }
}

/// Where [`load_root_credentials`] found the credentials.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CredentialSource {
    Environment,
    File(PathBuf),
    /// Newly generated and written to this file: print them to the operator.
    Generated(PathBuf),
}

#[derive(Debug, Clone)]
pub struct LoadedCredentials {
    pub credentials: RootCredentials,
    pub source: CredentialSource,
}

impl LoadedCredentials {
    /// True when the credentials were created just now.
    pub fn generated(&self) -> bool {
        matches!(self.source, CredentialSource::Generated(_))
    }
}

/// Environment, else `data_dir/credentials`, else generate and persist.
pub fn load_root_credentials(data_dir: &Path) -> Result<LoadedCredentials, CredentialsError> {
    load_root_credentials_with(data_dir, |k| std::env::var(k).ok())
}

/// Like [`load_root_credentials`] with an injectable environment.
pub fn load_root_credentials_with(
    data_dir: &Path,
    env: impl Fn(&str) -> Option<String>,
) -> Result<LoadedCredentials, CredentialsError> {
    let id = env(ENV_ROOT_ACCESS_KEY_ID).filter(|v| !v.is_empty());
    let secret = env(ENV_ROOT_SECRET_ACCESS_KEY).filter(|v| !v.is_empty());
    match (id, secret) {
        (Some(access_key_id), Some(secret_access_key)) => {
            let credentials = RootCredentials {
                access_key_id,
                secret_access_key,
            };
            validate(&credentials, "the environment")?;
            return Ok(LoadedCredentials {
                credentials,
                source: CredentialSource::Environment,
            });
        }
        (Some(_), None) => {
            return Err(CredentialsError::HalfSetEnvironment {
                set: ENV_ROOT_ACCESS_KEY_ID,
                missing: ENV_ROOT_SECRET_ACCESS_KEY,
            })
        }
        (None, Some(_)) => {
            return Err(CredentialsError::HalfSetEnvironment {
                set: ENV_ROOT_SECRET_ACCESS_KEY,
                missing: ENV_ROOT_ACCESS_KEY_ID,
            })
        }
        (None, None) => {}
    }

    let path = data_dir.join(CREDENTIALS_FILE);
    match std::fs::read_to_string(&path) {
        Ok(text) => {
            let credentials = parse_shared_credentials(&text)
                .ok_or_else(|| CredentialsError::Incomplete { path: path.clone() })?;
            validate(&credentials, &path.display().to_string())?;
            Ok(LoadedCredentials {
                credentials,
                source: CredentialSource::File(path),
            })
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            let credentials = generate();
            write_credentials_file(&path, &credentials)?;
            Ok(LoadedCredentials {
                credentials,
                source: CredentialSource::Generated(path),
            })
        }
        Err(source) => Err(CredentialsError::Read { path, source }),
    }
}

/// A new random root key pair: `AKIA` + 16 of `A-Z0-9`, and a 40-character
/// secret over `A-Za-z0-9+/`, from the thread-local CSPRNG.
pub fn generate() -> RootCredentials {
    const ID_CHARS: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    const SECRET_CHARS: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut rng = rand::rng();
    let mut pick = |set: &[u8], n: usize| -> String {
        (0..n)
            .map(|_| set[rng.random_range(0..set.len())] as char)
            .collect()
    };
    let access_key_id = format!("AKIA{}", pick(ID_CHARS, 16));
    let secret_access_key = pick(SECRET_CHARS, SECRET_KEY_LEN);
    RootCredentials {
        access_key_id,
        secret_access_key,
    }
}

/// The `[default]` profile of an AWS shared-credentials file.
pub fn render_shared_credentials(c: &RootCredentials) -> String {
    format!(
        "[default]\naws_access_key_id = {}\naws_secret_access_key = {}\n",
        c.access_key_id, c.secret_access_key
    )
}

/// Reads `aws_access_key_id` / `aws_secret_access_key` from the `[default]`
/// profile (comments with `#` or `;`, blank lines and other profiles ignored).
pub fn parse_shared_credentials(text: &str) -> Option<RootCredentials> {
    let mut in_default = false;
    let (mut id, mut secret) = (None, None);
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') || line.starts_with(';') {
            continue;
        }
        if let Some(section) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            in_default = section.trim() == "default";
            continue;
        }
        if !in_default {
            continue;
        }
        if let Some((k, v)) = line.split_once('=') {
            match k.trim() {
                "aws_access_key_id" => id = Some(v.trim().to_string()),
                "aws_secret_access_key" => secret = Some(v.trim().to_string()),
                _ => {}
            }
        }
    }
    Some(RootCredentials {
        access_key_id: id?,
        secret_access_key: secret?,
    })
}

fn validate(c: &RootCredentials, origin: &str) -> Result<(), CredentialsError> {
    let id_ok = (16..=128).contains(&c.access_key_id.len())
        && c.access_key_id
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit());
    if !id_ok {
        return Err(CredentialsError::InvalidAccessKeyId {
            origin: origin.to_string(),
        });
    }
    let secret_ok = c.secret_access_key.len() == SECRET_KEY_LEN
        && c.secret_access_key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'+' || b == b'/');
    if !secret_ok {
        return Err(CredentialsError::InvalidSecret {
            origin: origin.to_string(),
        });
    }
    Ok(())
}

/// Writes the file with mode 0600 (via a temporary file and a rename, so a
/// crash never leaves a half-written file).
fn write_credentials_file(path: &Path, c: &RootCredentials) -> Result<(), CredentialsError> {
    let write_err = |source| CredentialsError::Write {
        path: path.to_path_buf(),
        source,
    };
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(write_err)?;
    }
    let tmp = path.with_extension("tmp");
    let _ = std::fs::remove_file(&tmp);
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options.open(&tmp).map_err(write_err)?;
    file.write_all(render_shared_credentials(c).as_bytes())
        .map_err(write_err)?;
    file.sync_all().map_err(write_err)?;
    drop(file);
    std::fs::rename(&tmp, path).map_err(write_err)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn no_env(_: &str) -> Option<String> {
        None
    }

    #[test]
    fn identity_defaults_and_validation() {
        let id = ServerIdentity::from_lookup(no_env).unwrap();
        assert_eq!(id.account_id, DEFAULT_ACCOUNT_ID);
        assert_eq!(id.region, DEFAULT_REGION);
        assert!(matches!(
            ServerIdentity::new("12345", "us-east-1"),
            Err(CredentialsError::InvalidAccountId { .. })
        ));
        assert!(matches!(
            ServerIdentity::new("12345678901a", "us-east-1"),
            Err(CredentialsError::InvalidAccountId { .. })
        ));
        assert!(matches!(
            ServerIdentity::new("000000000000", "US_EAST"),
            Err(CredentialsError::InvalidRegion { .. })
        ));
        let id = ServerIdentity::from_lookup(|k| match k {
            ENV_ACCOUNT_ID => Some("000000000001".into()),
            ENV_REGION => Some("eu-west-1".into()),
            _ => None,
        })
        .unwrap();
        assert_eq!(
            (id.account_id.as_str(), id.region.as_str()),
            ("000000000001", "eu-west-1")
        );
    }

    #[test]
    fn generated_keys_have_aws_shape() {
        let c = generate();
        assert!(c.access_key_id.starts_with("AKIA"));
        assert_eq!(c.access_key_id.len(), 20);
        validate(&c, "test").unwrap();
        assert_ne!(generate(), c);
    }

    #[test]
    fn generate_then_reload_from_file() {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data");
        let first = load_root_credentials_with(&data, no_env).unwrap();
        assert!(first.generated());
        let path = data.join(CREDENTIALS_FILE);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.starts_with("[default]\naws_access_key_id = AKIA"));
        let second = load_root_credentials_with(&data, no_env).unwrap();
        assert!(!second.generated());
        assert_eq!(second.source, CredentialSource::File(path));
        assert_eq!(second.credentials, first.credentials);
    }

    #[test]
    fn environment_wins_and_half_set_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let env = |k: &str| match k {
            ENV_ROOT_ACCESS_KEY_ID => Some("AKIAIOSFODNN7EXAMPLE".to_string()),
            ENV_ROOT_SECRET_ACCESS_KEY => {
                Some("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY".to_string())
            }
            _ => None,
        };
        let c = load_root_credentials_with(dir.path(), env).unwrap();
        assert_eq!(c.source, CredentialSource::Environment);
        assert!(!dir.path().join(CREDENTIALS_FILE).exists());
        let half =
            |k: &str| (k == ENV_ROOT_ACCESS_KEY_ID).then(|| "AKIAIOSFODNN7EXAMPLE".to_string());
        assert!(matches!(
            load_root_credentials_with(dir.path(), half),
            Err(CredentialsError::HalfSetEnvironment { .. })
        ));
        let short = |k: &str| match k {
            ENV_ROOT_ACCESS_KEY_ID => Some("AKIAIOSFODNN7EXAMPLE".to_string()),
            ENV_ROOT_SECRET_ACCESS_KEY => Some("short".to_string()),
            _ => None,
        };
        assert!(matches!(
            load_root_credentials_with(dir.path(), short),
            Err(CredentialsError::InvalidSecret { .. })
        ));
    }

    #[test]
    fn parses_profiles_and_comments() {
        let text = "# c\n[other]\naws_access_key_id = X\n[default]\n; c\naws_secret_access_key=S\naws_access_key_id =  ID \n";
        let c = parse_shared_credentials(text).unwrap();
        assert_eq!(
            (c.access_key_id.as_str(), c.secret_access_key.as_str()),
            ("ID", "S")
        );
        assert!(parse_shared_credentials("[default]\naws_access_key_id = X\n").is_none());
    }
}
