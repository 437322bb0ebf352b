//! The package categories of the current Flow-Like revision
//! (`primary_category`, `secondary_category`).

use std::fmt;
use std::str::FromStr;

use serde::Serialize;

/// The domain a package belongs to, as the registry groups packages
/// (`primary_category`, `secondary_category`). Written in
/// SCREAMING_SNAKE_CASE in the manifest, and case-sensitive there.
///
/// Only the current Flow-Like revision reads these keys; it refuses the
/// whole manifest for a name that is not one of these.
///
/// ```
/// use wasm_manifests::flowlike::PackageCategory;
///
/// let category: PackageCategory = "AI_ML".parse().unwrap();
/// assert_eq!(category, PackageCategory::AiMl);
/// assert_eq!(PackageCategory::IotIndustrial.as_str(), "IOT_INDUSTRIAL");
/// assert!("ai_ml".parse::<PackageCategory>().is_err());
/// ```
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[non_exhaustive]
#[allow(missing_docs)] // the names say it
pub enum PackageCategory {
    DocumentProcessing,
    DataTransformation,
    WorkflowAutomation,
    Communication,
    AnalyticsReporting,
    FinanceBilling,
    ComplianceRegulatory,
    HrPeople,
    AiMl,
    IntegrationConnectors,
    SecurityIdentity,
    Devops,
    IotIndustrial,
    RoboticsPhysicalAi,
    GamingSimulation,
    Healthcare,
    Veterinary,
    Legal,
    Manufacturing,
    Agriculture,
    RealEstate,
    Logistics,
    Energy,
    ConstructionTrades,
    Education,
    GovernmentDefense,
    Ecommerce,
    Insurance,
    Telecom,
    ScientificEngineering,
    Geospatial,
    MediaContent,
    Other,
}

use PackageCategory as C;

/// Every category with its name, in Flow-Like's order.
const NAMES: [(PackageCategory, &str); 33] = [
    (C::DocumentProcessing, "DOCUMENT_PROCESSING"),
    (C::DataTransformation, "DATA_TRANSFORMATION"),
    (C::WorkflowAutomation, "WORKFLOW_AUTOMATION"),
    (C::Communication, "COMMUNICATION"),
    (C::AnalyticsReporting, "ANALYTICS_REPORTING"),
    (C::FinanceBilling, "FINANCE_BILLING"),
    (C::ComplianceRegulatory, "COMPLIANCE_REGULATORY"),
    (C::HrPeople, "HR_PEOPLE"),
    (C::AiMl, "AI_ML"),
    (C::IntegrationConnectors, "INTEGRATION_CONNECTORS"),
    (C::SecurityIdentity, "SECURITY_IDENTITY"),
    (C::Devops, "DEVOPS"),
    (C::IotIndustrial, "IOT_INDUSTRIAL"),
    (C::RoboticsPhysicalAi, "ROBOTICS_PHYSICAL_AI"),
    (C::GamingSimulation, "GAMING_SIMULATION"),
    (C::Healthcare, "HEALTHCARE"),
    (C::Veterinary, "VETERINARY"),
    (C::Legal, "LEGAL"),
    (C::Manufacturing, "MANUFACTURING"),
    (C::Agriculture, "AGRICULTURE"),
    (C::RealEstate, "REAL_ESTATE"),
    (C::Logistics, "LOGISTICS"),
    (C::Energy, "ENERGY"),
    (C::ConstructionTrades, "CONSTRUCTION_TRADES"),
    (C::Education, "EDUCATION"),
    (C::GovernmentDefense, "GOVERNMENT_DEFENSE"),
    (C::Ecommerce, "ECOMMERCE"),
    (C::Insurance, "INSURANCE"),
    (C::Telecom, "TELECOM"),
    (C::ScientificEngineering, "SCIENTIFIC_ENGINEERING"),
    (C::Geospatial, "GEOSPATIAL"),
    (C::MediaContent, "MEDIA_CONTENT"),
    (C::Other, "OTHER"),
];

impl PackageCategory {
    /// Every category, in Flow-Like's order.
    pub const ALL: [PackageCategory; 33] = {
        let mut all = [C::Other; 33];
        let mut i = 0;
        while i < NAMES.len() {
            all[i] = NAMES[i].0;
            i += 1;
        }
        all
    };

    /// The name used in the manifest (`AI_ML`).
    pub fn as_str(self) -> &'static str {
        NAMES
            .iter()
            .find(|(c, _)| *c == self)
            .map_or("OTHER", |(_, name)| name)
    }

    /// Every name, in Flow-Like's order.
    pub(crate) fn names() -> [&'static str; 33] {
        NAMES.map(|(_, name)| name)
    }
}

impl fmt::Display for PackageCategory {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A name that is not one of the package categories.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error(
    "unknown package category `{0}`; expected a SCREAMING_SNAKE_CASE name such as `DATA_TRANSFORMATION`"
)]
pub struct UnknownCategory(String);

impl FromStr for PackageCategory {
    type Err = UnknownCategory;

    /// Parses a category name exactly as the manifest writes it.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        NAMES
            .iter()
            .find(|(_, name)| *name == s)
            .map(|(c, _)| *c)
            .ok_or_else(|| UnknownCategory(s.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_match_the_serialized_form() {
        for category in PackageCategory::ALL {
            let json = serde_json::to_value(category).unwrap();
            assert_eq!(json, category.as_str());
            assert_eq!(category.as_str().parse::<PackageCategory>(), Ok(category));
        }
        let unique: std::collections::HashSet<_> = PackageCategory::ALL.iter().collect();
        assert_eq!(unique.len(), 33);
    }
}
