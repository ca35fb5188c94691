//! The pause image: a static binary that holds an awsvpc task's network
//! namespace (`pause/pause.c`, compiled by `build.rs`), packed with a
//! `FROM scratch` Dockerfile into a build context made in memory, so the
//! agent can build `gantry/pause:<version>` itself without a registry.

/// Reference of the pause image this agent builds and uses.
pub const PAUSE_IMAGE: &str = concat!("gantry/pause:", env!("CARGO_PKG_VERSION"));

/// The static pause executable for this target.
pub const PAUSE_BINARY: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/pause"));

const DOCKERFILE: &str =
    "FROM scratch\nCOPY pause /pause\nENTRYPOINT [\"/pause\"]\nLABEL io.gantry.managed=true\n";

/// The build context: a tar holding `Dockerfile` and `pause`.
pub fn build_context() -> Vec<u8> {
    let mut tar = Vec::new();
    append(&mut tar, "Dockerfile", 0o644, DOCKERFILE.as_bytes());
    append(&mut tar, "pause", 0o755, PAUSE_BINARY);
    // End of archive: two zero blocks.
    tar.extend_from_slice(&[0u8; 1024]);
    tar
}

/// Appends one regular file as a ustar entry.
fn append(tar: &mut Vec<u8>, name: &str, mode: u32, data: &[u8]) {
    let mut h = [0u8; 512];
    let field = |h: &mut [u8; 512], at: usize, len: usize, value: &[u8]| {
        h[at..at + value.len().min(len)].copy_from_slice(&value[..value.len().min(len)]);
    };
    field(&mut h, 0, 100, name.as_bytes());
    field(&mut h, 100, 8, format!("{mode:07o}\0").as_bytes());
    field(&mut h, 108, 8, b"0000000\0"); // uid
    field(&mut h, 116, 8, b"0000000\0"); // gid
    field(&mut h, 124, 12, format!("{:011o}\0", data.len()).as_bytes());
    field(&mut h, 136, 12, b"00000000000\0"); // mtime
    field(&mut h, 148, 8, b"        "); // checksum placeholder
    h[156] = b'0'; // regular file
    field(&mut h, 257, 6, b"ustar\0");
    field(&mut h, 263, 2, b"00");
    let sum: u32 = h.iter().map(|b| u32::from(*b)).sum();
    field(&mut h, 148, 8, format!("{sum:06o}\0 ").as_bytes());
    tar.extend_from_slice(&h);
    tar.extend_from_slice(data);
    let pad = (512 - data.len() % 512) % 512;
    tar.resize(tar.len() + pad, 0);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn context_is_a_valid_tar_with_the_static_binary() {
        let tar = build_context();
        assert_eq!(tar.len() % 512, 0);
        assert_eq!(&tar[0..10], b"Dockerfile");
        assert_eq!(&tar[257..262], b"ustar");
        // Header checksum: sum of the header with the checksum field as spaces.
        let mut h = tar[0..512].to_vec();
        let stored =
            u32::from_str_radix(std::str::from_utf8(&h[148..154]).unwrap().trim(), 8).unwrap();
        h[148..156].copy_from_slice(b"        ");
        assert_eq!(stored, h.iter().map(|b| u32::from(*b)).sum::<u32>());
        // The binary is an ELF executable.
        assert_eq!(&PAUSE_BINARY[0..4], b"\x7fELF");
        assert!(tar
            .windows(PAUSE_BINARY.len().min(64))
            .any(|w| w == &PAUSE_BINARY[..64]));
    }
}
