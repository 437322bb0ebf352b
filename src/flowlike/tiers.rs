//! The resource tiers of `[permissions]`: memory and timeout, with their
//! sizes and durations.
//!
//! Flow-Like has two revisions of the tiers, both with
//! `manifest_version = 1`: the first knows five memory tiers (up to
//! `intensive`, 256 MiB) and four timeout tiers (up to `long_running`,
//! 5 minutes); the current one adds `large`, `huge`, `extreme` and
//! `maximum` (up to 4 GiB), and `very_long` and `maximum` (up to
//! 30 minutes). Versions of the first revision refuse a manifest that uses
//! the newer tiers; [`MemoryTier::is_extended`] and
//! [`TimeoutTier::is_extended`] tell them apart.

use std::fmt;
use std::str::FromStr;
use std::time::Duration;

use serde::Serialize;

const MIB: u64 = 1024 * 1024;

/// A memory limit tier (`permissions.memory`). Names are lower-case and
/// case-sensitive in the manifest.
///
/// ```
/// use wasm_manifests::flowlike::MemoryTier;
///
/// let tier: MemoryTier = "light".parse().unwrap();
/// assert_eq!(tier.bytes(), 32 * 1024 * 1024);
/// assert_eq!(MemoryTier::Maximum.bytes(), 4 * 1024 * 1024 * 1024);
/// assert!(MemoryTier::Huge.is_extended() && !MemoryTier::Intensive.is_extended());
/// let err = "Standard".parse::<MemoryTier>().unwrap_err();
/// assert!(err.to_string().contains("`standard`"));
/// ```
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum MemoryTier {
    /// 16 MiB.
    Minimal,
    /// 32 MiB.
    Light,
    /// 64 MiB (the default).
    #[default]
    Standard,
    /// 128 MiB.
    Heavy,
    /// 256 MiB.
    Intensive,
    /// 512 MiB (current revision only).
    Large,
    /// 1 GiB (current revision only).
    Huge,
    /// 2 GiB (current revision only).
    Extreme,
    /// 4 GiB, the most Flow-Like allows (current revision only).
    Maximum,
}

impl MemoryTier {
    /// Every tier, smallest first.
    pub const ALL: [MemoryTier; 9] = [
        MemoryTier::Minimal,
        MemoryTier::Light,
        MemoryTier::Standard,
        MemoryTier::Heavy,
        MemoryTier::Intensive,
        MemoryTier::Large,
        MemoryTier::Huge,
        MemoryTier::Extreme,
        MemoryTier::Maximum,
    ];

    /// The memory limit in bytes.
    pub fn bytes(self) -> u64 {
        match self {
            MemoryTier::Minimal => 16 * MIB,
            MemoryTier::Light => 32 * MIB,
            MemoryTier::Standard => 64 * MIB,
            MemoryTier::Heavy => 128 * MIB,
            MemoryTier::Intensive => 256 * MIB,
            MemoryTier::Large => 512 * MIB,
            MemoryTier::Huge => 1024 * MIB,
            MemoryTier::Extreme => 2048 * MIB,
            MemoryTier::Maximum => 4096 * MIB,
        }
    }

    /// The name used in the manifest.
    pub fn as_str(self) -> &'static str {
        match self {
            MemoryTier::Minimal => "minimal",
            MemoryTier::Light => "light",
            MemoryTier::Standard => "standard",
            MemoryTier::Heavy => "heavy",
            MemoryTier::Intensive => "intensive",
            MemoryTier::Large => "large",
            MemoryTier::Huge => "huge",
            MemoryTier::Extreme => "extreme",
            MemoryTier::Maximum => "maximum",
        }
    }

    /// Whether this tier was added by the current Flow-Like revision
    /// (`large` and above): earlier versions refuse a manifest that uses it.
    pub fn is_extended(self) -> bool {
        self > MemoryTier::Intensive
    }

    /// Whether this is the default tier (`standard`).
    pub fn is_default(&self) -> bool {
        *self == Self::default()
    }

    /// "`minimal` (16 MiB), ... or `maximum` (4 GiB)".
    pub(crate) fn list() -> String {
        let names: Vec<String> = Self::ALL
            .iter()
            .map(|t| match t.bytes() / MIB {
                mib if mib >= 1024 => format!("`{}` ({} GiB)", t.as_str(), mib / 1024),
                mib => format!("`{}` ({mib} MiB)", t.as_str()),
            })
            .collect();
        join_or(&names)
    }
}

/// An execution time limit tier (`permissions.timeout`). Names are
/// lower-case and case-sensitive in the manifest.
///
/// ```
/// use std::time::Duration;
/// use wasm_manifests::flowlike::TimeoutTier;
///
/// let tier: TimeoutTier = "long_running".parse().unwrap();
/// assert_eq!(tier.duration(), Duration::from_secs(300));
/// assert_eq!(TimeoutTier::VeryLong.duration(), Duration::from_secs(600));
/// assert!(TimeoutTier::Maximum.is_extended());
/// ```
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum TimeoutTier {
    /// 5 seconds.
    Quick,
    /// 30 seconds (the default).
    #[default]
    Standard,
    /// 60 seconds.
    Extended,
    /// 5 minutes.
    LongRunning,
    /// 10 minutes (current revision only).
    VeryLong,
    /// 30 minutes, the most Flow-Like allows (current revision only).
    Maximum,
}

impl TimeoutTier {
    /// Every tier, shortest first.
    pub const ALL: [TimeoutTier; 6] = [
        TimeoutTier::Quick,
        TimeoutTier::Standard,
        TimeoutTier::Extended,
        TimeoutTier::LongRunning,
        TimeoutTier::VeryLong,
        TimeoutTier::Maximum,
    ];

    /// The time limit.
    pub fn duration(self) -> Duration {
        Duration::from_secs(match self {
            TimeoutTier::Quick => 5,
            TimeoutTier::Standard => 30,
            TimeoutTier::Extended => 60,
            TimeoutTier::LongRunning => 300,
            TimeoutTier::VeryLong => 600,
            TimeoutTier::Maximum => 1800,
        })
    }

    /// The name used in the manifest.
    pub fn as_str(self) -> &'static str {
        match self {
            TimeoutTier::Quick => "quick",
            TimeoutTier::Standard => "standard",
            TimeoutTier::Extended => "extended",
            TimeoutTier::LongRunning => "long_running",
            TimeoutTier::VeryLong => "very_long",
            TimeoutTier::Maximum => "maximum",
        }
    }

    /// Whether this tier was added by the current Flow-Like revision
    /// (`very_long` and `maximum`): earlier versions refuse a manifest that
    /// uses it.
    pub fn is_extended(self) -> bool {
        self > TimeoutTier::LongRunning
    }

    /// Whether this is the default tier (`standard`).
    pub fn is_default(&self) -> bool {
        *self == Self::default()
    }

    /// "`quick` (5 s), ... or `maximum` (30 min)".
    pub(crate) fn list() -> String {
        let names: Vec<String> = Self::ALL
            .iter()
            .map(|t| match t.duration().as_secs() {
                secs if secs >= 120 && secs % 60 == 0 => {
                    format!("`{}` ({} min)", t.as_str(), secs / 60)
                }
                secs => format!("`{}` ({secs} s)", t.as_str()),
            })
            .collect();
        join_or(&names)
    }
}

fn join_or(items: &[String]) -> String {
    let items: Vec<&str> = items.iter().map(String::as_str).collect();
    crate::rules::suggest::join_plain(&items, "or")
}

impl fmt::Display for MemoryTier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Display for TimeoutTier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A tier name that is not one of the tiers; displays the valid ones.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown {kind} tier `{name}`; expected one of {expected}")]
pub struct UnknownTier {
    kind: &'static str,
    name: String,
    expected: String,
}

impl FromStr for MemoryTier {
    type Err = UnknownTier;

    /// Parses a tier name exactly as the manifest writes it.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|t| t.as_str() == s)
            .ok_or_else(|| UnknownTier {
                kind: "memory",
                name: s.to_owned(),
                expected: Self::list(),
            })
    }
}

impl FromStr for TimeoutTier {
    type Err = UnknownTier;

    /// Parses a tier name exactly as the manifest writes it.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|t| t.as_str() == s)
            .ok_or_else(|| UnknownTier {
                kind: "timeout",
                name: s.to_owned(),
                expected: Self::list(),
            })
    }
}
