//! Subnets and private IPv4 addresses of awsvpc tasks.
//!
//! Operators map subnet ids to CIDRs (`--subnet subnet-abc=10.201.0.0/24`);
//! `subnet-default` = `10.200.0.0/16` always exists unless redefined. The
//! network address is the subnet itself, the first host address (`.1`) is
//! the gateway, the last one the broadcast: tasks get the lowest free address
//! from `.2` on, so allocation is deterministic for a given store state.
//!
//! A lease is the store key `ipam/{subnet}/{ip}` holding the task's ARN,
//! written in the same transaction as the task record (compare-and-put on
//! its absence, so two placements can never share an address) and deleted
//! when the task reaches STOPPED. A lease whose task is STOPPED or gone is
//! free as well, so a missed release never leaks an address.

use crate::state::{ipam_key, ipam_prefix, Versioned};
use gantry_api_types::ApiError;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::net::Ipv4Addr;

/// The subnet every Gantry has (docker0 is 172.17.0.0/16: no overlap).
pub const DEFAULT_SUBNET_ID: &str = "subnet-default";
pub const DEFAULT_SUBNET_CIDR: &str = "10.200.0.0/16";

/// An IPv4 CIDR block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cidr {
    pub network: Ipv4Addr,
    pub prefix: u8,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SubnetError {
    #[error("'{0}' is not SUBNET_ID=CIDR")]
    Syntax(String),
    #[error("'{0}' is not a subnet id (subnet-[0-9a-zA-Z-]+)")]
    Id(String),
    #[error("'{0}' is not an IPv4 CIDR with a prefix between /8 and /28")]
    Cidr(String),
    #[error("{0} and {1} overlap")]
    Overlap(String, String),
}

impl Cidr {
    pub fn parse(s: &str) -> Result<Cidr, SubnetError> {
        let bad = || SubnetError::Cidr(s.to_string());
        let (ip, prefix) = s.split_once('/').ok_or_else(bad)?;
        let ip: Ipv4Addr = ip.parse().map_err(|_| bad())?;
        let prefix: u8 = prefix.parse().map_err(|_| bad())?;
        if !(8..=28).contains(&prefix) {
            return Err(bad());
        }
        let mask = u32::MAX << (32 - prefix);
        if u32::from(ip) & !mask != 0 {
            return Err(bad());
        }
        Ok(Cidr {
            network: ip,
            prefix,
        })
    }
    fn mask(&self) -> u32 {
        u32::MAX << (32 - self.prefix)
    }
    pub fn contains(&self, ip: Ipv4Addr) -> bool {
        u32::from(ip) & self.mask() == u32::from(self.network)
    }
    pub fn overlaps(&self, other: &Cidr) -> bool {
        self.contains(other.network) || other.contains(self.network)
    }
    /// The first host address.
    pub fn gateway(&self) -> Ipv4Addr {
        Ipv4Addr::from(u32::from(self.network) + 1)
    }
    /// Addresses tasks may get: `.2` up to the one before the broadcast.
    pub fn task_addresses(&self) -> impl Iterator<Item = Ipv4Addr> {
        let net = u32::from(self.network);
        let broadcast = net | !self.mask();
        (net + 2..broadcast).map(Ipv4Addr::from)
    }
}

impl std::fmt::Display for Cidr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}/{}", self.network, self.prefix)
    }
}

/// The operator's subnets, by id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Subnets(pub BTreeMap<String, Cidr>);

impl Default for Subnets {
    fn default() -> Self {
        Subnets::parse(&[]).expect("the default subnet is valid")
    }
}

impl Subnets {
    /// `subnet-id=CIDR` entries (plus `subnet-default` unless redefined);
    /// overlapping CIDRs are refused.
    pub fn parse(entries: &[String]) -> Result<Subnets, SubnetError> {
        let mut map = BTreeMap::new();
        for e in entries {
            let (id, cidr) = e
                .split_once('=')
                .ok_or_else(|| SubnetError::Syntax(e.clone()))?;
            let (id, cidr) = (id.trim(), cidr.trim());
            let ok_id = id.strip_prefix("subnet-").is_some_and(|rest| {
                !rest.is_empty()
                    && rest.len() <= 64
                    && rest.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
            });
            if !ok_id {
                return Err(SubnetError::Id(id.to_string()));
            }
            map.insert(id.to_string(), Cidr::parse(cidr)?);
        }
        map.entry(DEFAULT_SUBNET_ID.to_string())
            .or_insert_with(|| Cidr::parse(DEFAULT_SUBNET_CIDR).expect("valid"));
        let list: Vec<(&String, &Cidr)> = map.iter().collect();
        for (i, (a, ca)) in list.iter().enumerate() {
            for (b, cb) in &list[i + 1..] {
                if ca.overlaps(cb) {
                    return Err(SubnetError::Overlap(a.to_string(), b.to_string()));
                }
            }
        }
        Ok(Subnets(map))
    }

    pub fn get(&self, id: &str) -> Option<&Cidr> {
        self.0.get(id)
    }
}

/// A stored address lease.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct IpLease {
    pub ip: String,
    pub task_arn: String,
    pub cluster: String,
    pub task_id: String,
}

/// A lease to write with the task (compare on `expect_rev`, 0 = absent).
#[derive(Debug, Clone)]
pub struct LeaseWrite {
    pub key: String,
    pub expect_rev: u64,
    pub lease: IpLease,
    pub ip: Ipv4Addr,
}

/// The lowest task address of `cidr` that is not in `taken`.
pub fn lowest_free(cidr: &Cidr, taken: &dyn Fn(Ipv4Addr) -> bool) -> Option<Ipv4Addr> {
    cidr.task_addresses().find(|ip| !taken(*ip))
}

/// `eni-` and 17 hex digits, derived from the task id (unique per task).
pub fn eni_id(task_id: &str) -> String {
    let hex: String = task_id
        .chars()
        .filter(|c| c.is_ascii_hexdigit())
        .take(17)
        .collect();
    format!("eni-{hex:0<17}")
}

impl super::EcsService {
    /// Pick a free address of `subnet` for `lease`, skipping `pending`
    /// (addresses already chosen earlier in the same request).
    pub(crate) async fn allocate_ip(
        &self,
        subnet: &str,
        cidr: &Cidr,
        lease: IpLease,
        pending: &[LeaseWrite],
    ) -> Result<Option<LeaseWrite>, ApiError> {
        let held: Vec<Versioned<IpLease>> = self.repo.list(&ipam_prefix(subnet)).await?;
        let mut by_ip: BTreeMap<Ipv4Addr, Versioned<IpLease>> = BTreeMap::new();
        for h in held {
            if let Ok(ip) = h.value.ip.parse::<Ipv4Addr>() {
                by_ip.insert(ip, h);
            }
        }
        let mut stale: BTreeMap<Ipv4Addr, u64> = BTreeMap::new();
        for (ip, h) in &by_ip {
            if self.lease_is_stale(&h.value).await? {
                stale.insert(*ip, h.mod_revision);
            }
        }
        let taken = |ip: Ipv4Addr| {
            pending.iter().any(|p| p.ip == ip)
                || (by_ip.contains_key(&ip) && !stale.contains_key(&ip))
        };
        Ok(lowest_free(cidr, &taken).map(|ip| LeaseWrite {
            key: ipam_key(subnet, &ip.to_string()),
            expect_rev: stale.get(&ip).copied().unwrap_or(0),
            lease: IpLease {
                ip: ip.to_string(),
                ..lease
            },
            ip,
        }))
    }

    async fn lease_is_stale(&self, lease: &IpLease) -> Result<bool, ApiError> {
        let rec: Option<Versioned<crate::state::TaskRecord>> = self
            .repo
            .get(&crate::state::task_key(&lease.cluster, &lease.task_id))
            .await?;
        Ok(match rec {
            None => true,
            Some(r) => r.value.task.last_status.as_deref() == Some("STOPPED"),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cidrs_parse_and_bound() {
        let c = Cidr::parse("10.201.0.0/24").unwrap();
        assert_eq!(c.gateway(), Ipv4Addr::new(10, 201, 0, 1));
        let all: Vec<_> = c.task_addresses().collect();
        assert_eq!(all.first(), Some(&Ipv4Addr::new(10, 201, 0, 2)));
        assert_eq!(all.last(), Some(&Ipv4Addr::new(10, 201, 0, 254)));
        assert_eq!(all.len(), 253);
        assert!(Cidr::parse("10.201.0.1/24").is_err(), "host bits set");
        assert!(Cidr::parse("10.201.0.0/30").is_err());
        assert!(Cidr::parse("10.201.0.0").is_err());
        assert!(Cidr::parse("300.1.0.0/16").is_err());
    }

    #[test]
    fn subnets_default_and_overlap() {
        let s = Subnets::parse(&[]).unwrap();
        assert_eq!(
            s.get("subnet-default").unwrap().to_string(),
            "10.200.0.0/16"
        );
        let docker0 = Cidr::parse("172.17.0.0/16").unwrap();
        assert!(!s.get("subnet-default").unwrap().overlaps(&docker0));
        let s = Subnets::parse(&["subnet-abc=10.201.0.0/24".into()]).unwrap();
        assert_eq!(s.0.len(), 2);
        assert_eq!(
            Subnets::parse(&["subnet-a=10.200.5.0/24".into()]),
            Err(SubnetError::Overlap(
                "subnet-a".into(),
                "subnet-default".into()
            ))
        );
        assert!(matches!(
            Subnets::parse(&["abc=10.1.0.0/24".into()]),
            Err(SubnetError::Id(_))
        ));
        assert!(matches!(
            Subnets::parse(&["subnet-x".into()]),
            Err(SubnetError::Syntax(_))
        ));
        // Redefining the default subnet replaces it.
        let s = Subnets::parse(&["subnet-default=10.9.0.0/24".into()]).unwrap();
        assert_eq!(s.get("subnet-default").unwrap().to_string(), "10.9.0.0/24");
    }

    #[test]
    fn lowest_free_is_deterministic_and_skips_taken() {
        let c = Cidr::parse("10.201.0.0/28").unwrap();
        let taken = |ip: Ipv4Addr| ip == Ipv4Addr::new(10, 201, 0, 2);
        assert_eq!(lowest_free(&c, &taken), Some(Ipv4Addr::new(10, 201, 0, 3)));
        let full = |_ip: Ipv4Addr| true;
        assert_eq!(lowest_free(&c, &full), None);
    }

    #[test]
    fn eni_ids_have_17_hex_digits() {
        let id = eni_id("0123456789abcdef0123456789abcdef");
        assert_eq!(id, "eni-0123456789abcdef0");
        assert_eq!(id.len(), 4 + 17);
    }
}
