//! Secrets at rest and session-token signatures.
//!
//! One 32-byte master key per control plane: in `DATA_DIR/iam.key` (mode
//! 0600, created at first start) when a data directory is configured,
//! otherwise (tests, in-memory stores) generated for the process. From it:
//!
//! * secret access keys of IAM users are stored AES-256-GCM encrypted
//!   (random 96-bit nonce, `base64(nonce || ciphertext)`); they cannot be
//!   hashed because SigV4 verification needs the secret itself;
//! * session tokens are `base64url(payload) "." base64url(HMAC-SHA256)`
//!   under a key derived from the master key, so they are verified without
//!   trusting the client and nothing per session is stored;
//! * the secret of a temporary access key is `HMAC(master, key id)`, so it
//!   is recomputed rather than stored.

use std::io::Write;
use std::path::Path;

use aes_gcm::aead::{Aead, KeyInit};
use aes_gcm::{Aes256Gcm, Nonce};
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use base64::Engine;
use hmac::{Hmac, Mac};
use rand::RngCore;
use sha2::Sha256;

type HmacSha256 = Hmac<Sha256>;

/// File name of the master key inside the data directory.
pub const KEY_FILE: &str = "iam.key";

#[derive(Debug, thiserror::Error)]
pub enum KeyError {
    #[error("cannot read or write the IAM key file {path}")]
    Io {
        path: std::path::PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("the IAM key file {path} is corrupt (expected 64 hex digits)")]
    Corrupt { path: std::path::PathBuf },
}

/// The master key and what is derived from it.
#[derive(Clone)]
pub struct Keys {
    master: [u8; 32],
}

impl std::fmt::Debug for Keys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Keys(<redacted>)")
    }
}

impl Keys {
    /// A fresh random key (not persisted).
    pub fn generate() -> Keys {
        let mut master = [0u8; 32];
        rand::rng().fill_bytes(&mut master);
        Keys { master }
    }

    /// Loads `dir/iam.key`, creating it (0600) on first use.
    pub fn load_or_create(dir: &Path) -> Result<Keys, KeyError> {
        let path = dir.join(KEY_FILE);
        let io = |source| KeyError::Io {
            path: path.clone(),
            source,
        };
        match std::fs::read_to_string(&path) {
            Ok(text) => {
                let bytes = hex_decode(text.trim())
                    .filter(|b| b.len() == 32)
                    .ok_or_else(|| KeyError::Corrupt { path: path.clone() })?;
                let mut master = [0u8; 32];
                master.copy_from_slice(&bytes);
                Ok(Keys { master })
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                let keys = Keys::generate();
                std::fs::create_dir_all(dir).map_err(io)?;
                let tmp = path.with_extension("tmp");
                let _ = std::fs::remove_file(&tmp);
                let mut options = std::fs::OpenOptions::new();
                options.write(true).create_new(true);
                #[cfg(unix)]
                {
                    use std::os::unix::fs::OpenOptionsExt;
                    options.mode(0o600);
                }
                let mut file = options.open(&tmp).map_err(io)?;
                file.write_all(hex_encode(&keys.master).as_bytes())
                    .map_err(io)?;
                file.sync_all().map_err(io)?;
                drop(file);
                std::fs::rename(&tmp, &path).map_err(io)?;
                Ok(keys)
            }
            Err(e) => Err(io(e)),
        }
    }

    fn mac(&self, label: &str, data: &[u8]) -> [u8; 32] {
        let mut mac =
            <HmacSha256 as Mac>::new_from_slice(&self.master).expect("HMAC takes any key size");
        mac.update(label.as_bytes());
        mac.update(&[0]);
        mac.update(data);
        mac.finalize().into_bytes().into()
    }

    fn cipher(&self) -> Aes256Gcm {
        Aes256Gcm::new_from_slice(&self.mac("gantry-iam-secret-at-rest-v1", b""))
            .expect("32-byte key")
    }

    /// Encrypts a secret for storage.
    pub fn seal(&self, plaintext: &str) -> String {
        let mut nonce = [0u8; 12];
        rand::rng().fill_bytes(&mut nonce);
        let ct = self
            .cipher()
            .encrypt(Nonce::from_slice(&nonce), plaintext.as_bytes())
            .expect("AES-GCM encryption of a short secret cannot fail");
        let mut out = nonce.to_vec();
        out.extend_from_slice(&ct);
        STANDARD.encode(out)
    }

    /// Decrypts a stored secret; `None` if it was not sealed by this key.
    pub fn open(&self, sealed: &str) -> Option<String> {
        let raw = STANDARD.decode(sealed).ok()?;
        if raw.len() < 12 {
            return None;
        }
        let (nonce, ct) = raw.split_at(12);
        let pt = self.cipher().decrypt(Nonce::from_slice(nonce), ct).ok()?;
        String::from_utf8(pt).ok()
    }

    /// The 40-character secret of a temporary access key.
    pub fn session_secret(&self, access_key_id: &str) -> String {
        let mac = self.mac("gantry-sts-secret-v1", access_key_id.as_bytes());
        STANDARD.encode(&mac[..30])
    }

    /// Signs `payload` into a session token.
    pub fn sign_token(&self, payload: &[u8]) -> String {
        let sig = self.mac("gantry-sts-token-v1", payload);
        format!(
            "{}.{}",
            URL_SAFE_NO_PAD.encode(payload),
            URL_SAFE_NO_PAD.encode(sig)
        )
    }

    /// The payload of a token whose signature verifies (constant time).
    pub fn verify_token(&self, token: &str) -> Option<Vec<u8>> {
        let (payload, sig) = token.split_once('.')?;
        let payload = URL_SAFE_NO_PAD.decode(payload).ok()?;
        let sig = URL_SAFE_NO_PAD.decode(sig).ok()?;
        let mut mac =
            <HmacSha256 as Mac>::new_from_slice(&self.master).expect("HMAC takes any key size");
        mac.update(b"gantry-sts-token-v1");
        mac.update(&[0]);
        mac.update(&payload);
        mac.verify_slice(&sig).ok()?;
        Some(payload)
    }
}

fn hex_encode(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn hex_decode(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(text.get(i..i + 2)?, 16).ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seal_open_and_tamper() {
        let k = Keys::generate();
        let sealed = k.seal("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
        assert!(!sealed.contains("wJalr"));
        assert_eq!(
            k.open(&sealed).as_deref(),
            Some("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")
        );
        assert_eq!(Keys::generate().open(&sealed), None);
    }

    #[test]
    fn tokens_verify_only_unmodified() {
        let k = Keys::generate();
        let t = k.sign_token(br#"{"k":"ASIA"}"#);
        assert_eq!(k.verify_token(&t).unwrap(), br#"{"k":"ASIA"}"#);
        let forged = format!(
            "{}.{}",
            URL_SAFE_NO_PAD.encode(br#"{"k":"ASIB"}"#),
            t.split_once('.').unwrap().1
        );
        assert_eq!(k.verify_token(&forged), None);
        assert_eq!(Keys::generate().verify_token(&t), None);
        let s = k.session_secret("ASIAEXAMPLE");
        assert_eq!(s.len(), 40);
        assert_eq!(s, k.session_secret("ASIAEXAMPLE"));
    }

    #[test]
    fn key_file_is_private_and_stable() {
        let dir = tempfile::tempdir().unwrap();
        let a = Keys::load_or_create(dir.path()).unwrap();
        let b = Keys::load_or_create(dir.path()).unwrap();
        assert_eq!(a.master, b.master);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(dir.path().join(KEY_FILE))
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o600);
        }
    }
}
