//! Resource demand of a task: CPU units, memory MiB and static host ports.

use gantry_api_types::ecs::{ContainerDefinition, NetworkMode, TransportProtocol};

/// What one task needs from a host.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Demand {
    /// CPU units (1024 = 1 vCPU).
    pub cpu: i64,
    /// Memory in MiB.
    pub memory: i64,
    /// Static TCP host ports.
    pub tcp_ports: Vec<u16>,
    /// Static UDP host ports.
    pub udp_ports: Vec<u16>,
}

/// Parses a normalised task-level cpu/memory string (`"1024"`).
fn parse_units(s: Option<&str>) -> Option<i64> {
    s.and_then(|s| s.trim().parse::<i64>().ok())
}

/// Task cpu if set, else Σ container cpu; task memory if set, else Σ
/// (memoryReservation or memory). Static ports are host ports that are fixed:
/// `hostPort` > 0, or `containerPort` in `host`/`awsvpc` mode.
pub fn demand(
    task_cpu: Option<&str>,
    task_memory: Option<&str>,
    network_mode: Option<NetworkMode>,
    containers: &[ContainerDefinition],
) -> Demand {
    let cpu = parse_units(task_cpu).unwrap_or_else(|| {
        containers
            .iter()
            .map(|c| i64::from(c.cpu.unwrap_or(0)))
            .sum()
    });
    let memory = parse_units(task_memory).unwrap_or_else(|| {
        containers
            .iter()
            .map(|c| i64::from(c.memory_reservation.or(c.memory).unwrap_or(0)))
            .sum()
    });
    let fixed_mode = matches!(network_mode, Some(NetworkMode::Host | NetworkMode::Awsvpc));
    let mut tcp_ports = Vec::new();
    let mut udp_ports = Vec::new();
    for pm in containers
        .iter()
        .flat_map(|c| c.port_mappings.iter().flatten())
    {
        let host = match (pm.host_port, pm.container_port) {
            (Some(h), _) if h > 0 => Some(h),
            (_, Some(c)) if fixed_mode && c > 0 => Some(c),
            _ => None,
        };
        let Some(port) = host.and_then(|p| u16::try_from(p).ok()) else {
            continue;
        };
        match pm.protocol.unwrap_or(TransportProtocol::Tcp) {
            TransportProtocol::Tcp => tcp_ports.push(port),
            TransportProtocol::Udp => udp_ports.push(port),
        }
    }
    tcp_ports.sort_unstable();
    tcp_ports.dedup();
    udp_ports.sort_unstable();
    udp_ports.dedup();
    Demand {
        cpu,
        memory,
        tcp_ports,
        udp_ports,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use gantry_api_types::ecs::PortMapping;

    fn c(
        cpu: i32,
        mem: Option<i32>,
        res: Option<i32>,
        ports: Vec<PortMapping>,
    ) -> ContainerDefinition {
        ContainerDefinition {
            cpu: Some(cpu),
            memory: mem,
            memory_reservation: res,
            port_mappings: Some(ports),
            ..Default::default()
        }
    }

    fn pm(container: i32, host: Option<i32>, udp: bool) -> PortMapping {
        PortMapping {
            container_port: Some(container),
            host_port: host,
            protocol: Some(if udp {
                TransportProtocol::Udp
            } else {
                TransportProtocol::Tcp
            }),
            ..Default::default()
        }
    }

    #[test]
    fn sums_containers_when_task_level_absent() {
        let cs = vec![
            c(256, Some(512), None, vec![pm(80, Some(8080), false)]),
            c(
                128,
                Some(512),
                Some(128),
                vec![pm(53, Some(53), true), pm(81, Some(0), false)],
            ),
        ];
        let d = demand(None, None, Some(NetworkMode::Bridge), &cs);
        assert_eq!(d.cpu, 384);
        assert_eq!(d.memory, 640);
        assert_eq!(d.tcp_ports, vec![8080]);
        assert_eq!(d.udp_ports, vec![53]);
    }

    #[test]
    fn task_level_wins_and_awsvpc_ports_are_static() {
        let cs = vec![c(0, None, None, vec![pm(80, None, false)])];
        let d = demand(Some("1024"), Some("2048"), Some(NetworkMode::Awsvpc), &cs);
        assert_eq!((d.cpu, d.memory), (1024, 2048));
        assert_eq!(d.tcp_ports, vec![80]);
        let d = demand(None, None, None, &cs);
        assert!(d.tcp_ports.is_empty());
    }
}
