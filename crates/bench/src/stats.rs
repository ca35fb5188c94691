//! Latency and throughput summaries.

use serde::Serialize;
use std::time::Duration;

/// A summary of a set of latency samples, in milliseconds.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Summary {
    /// Number of samples.
    pub n: usize,
    pub min_ms: f64,
    pub p50_ms: f64,
    pub p90_ms: f64,
    pub p99_ms: f64,
    pub max_ms: f64,
    pub mean_ms: f64,
}

/// The `p`-th percentile (0–100) of sorted samples, nearest-rank method.
/// `NaN` for no samples.
pub fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

impl Summary {
    /// Summarises durations.
    pub fn of(samples: &[Duration]) -> Summary {
        let ms: Vec<f64> = samples.iter().map(|d| d.as_secs_f64() * 1e3).collect();
        Summary::of_ms(ms)
    }

    /// Summarises samples already in milliseconds.
    pub fn of_ms(mut ms: Vec<f64>) -> Summary {
        ms.sort_by(f64::total_cmp);
        let n = ms.len();
        let mean = if n == 0 {
            f64::NAN
        } else {
            ms.iter().sum::<f64>() / n as f64
        };
        Summary {
            n,
            min_ms: ms.first().copied().unwrap_or(f64::NAN),
            p50_ms: percentile(&ms, 50.0),
            p90_ms: percentile(&ms, 90.0),
            p99_ms: percentile(&ms, 99.0),
            max_ms: ms.last().copied().unwrap_or(f64::NAN),
            mean_ms: mean,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_rank_percentiles() {
        let v: Vec<f64> = (1..=100).map(f64::from).collect();
        assert_eq!(percentile(&v, 50.0), 50.0);
        assert_eq!(percentile(&v, 99.0), 99.0);
        assert_eq!(percentile(&v, 100.0), 100.0);
        assert_eq!(percentile(&v, 0.0), 1.0);
        assert_eq!(percentile(&[7.0], 99.0), 7.0);
        assert!(percentile(&[], 50.0).is_nan());
    }

    #[test]
    fn summary_sorts_and_averages() {
        let s = Summary::of_ms(vec![3.0, 1.0, 2.0]);
        assert_eq!(s.n, 3);
        assert_eq!(s.min_ms, 1.0);
        assert_eq!(s.max_ms, 3.0);
        assert_eq!(s.p50_ms, 2.0);
        assert_eq!(s.mean_ms, 2.0);
    }
}
