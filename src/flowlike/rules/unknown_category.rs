//! `flow-like/unknown-category`: `primary_category` or `secondary_category` is not one of the package categories.

use crate::codes::{Category, Rule};
use crate::flowlike::PackageCategory;
use crate::path::P;
use crate::read::Cx;
use crate::rules::suggest;
use crate::source::Node;

pub(crate) static RULE: Rule = Rule::error("flow-like/unknown-category")
    .category(Category::Correctness)
    .shape()
    .doc(
        "`primary_category` or `secondary_category` is not one of Flow-Like's package categories (SCREAMING_SNAKE_CASE names such as `AI_ML`).",
        "The categories are an enumeration in the current Flow-Like's parser: any other value, a lower-case form such as `ai_ml` included, makes it refuse the whole manifest. Versions before the current revision have no package categories and ignore both keys.",
        "primary_category = \"ai-ml\"",
        "Use one of `DOCUMENT_PROCESSING`, `DATA_TRANSFORMATION`, `WORKFLOW_AUTOMATION`, `COMMUNICATION`, `ANALYTICS_REPORTING`, `FINANCE_BILLING`, `COMPLIANCE_REGULATORY`, `HR_PEOPLE`, `AI_ML`, `INTEGRATION_CONNECTORS`, `SECURITY_IDENTITY`, `DEVOPS`, `IOT_INDUSTRIAL`, `ROBOTICS_PHYSICAL_AI`, `GAMING_SIMULATION`, `HEALTHCARE`, `VETERINARY`, `LEGAL`, `MANUFACTURING`, `AGRICULTURE`, `REAL_ESTATE`, `LOGISTICS`, `ENERGY`, `CONSTRUCTION_TRADES`, `EDUCATION`, `GOVERNMENT_DEFENSE`, `ECOMMERCE`, `INSURANCE`, `TELECOM`, `SCIENTIFIC_ENGINEERING`, `GEOSPATIAL`, `MEDIA_CONTENT` or `OTHER`.",
    );

const NOTE: &str = "current Flow-Like refuses the whole manifest for any other name; versions before package categories ignore the key";

/// Reads `primary_category` or `secondary_category` (the key is `key`).
pub(crate) fn parse(
    cx: &mut Cx,
    node: &Node<'_>,
    path: &P<'_>,
    key: &str,
) -> Option<PackageCategory> {
    let Some(text) = node.as_str() else {
        cx.wrong_type(node, path, "a category name").help(format!(
            "write a category name in double quotes, e.g. `{key} = \"DATA_TRANSFORMATION\"`"
        ));
        return None;
    };
    if let Ok(category) = text.parse() {
        return Some(category);
    }
    let names = PackageCategory::names();
    let pending = cx.report(&RULE, path, format!("unknown package category `{text}`"));
    let spelled = text
        .trim()
        .to_ascii_uppercase()
        .replace(['-', ' ', '.'], "_");
    if names.contains(&spelled.as_str()) {
        pending.help(format!(
            "categories are written in SCREAMING_SNAKE_CASE: `{key} = \"{spelled}\"`"
        ));
    } else if let Some(best) = suggest::closest(text, &names) {
        pending.suggest_str(text, best, &names);
    } else if let Some(help) = by_word(&spelled, &names) {
        pending.help(help);
    } else {
        let quoted: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
        let quoted: Vec<&str> = quoted.iter().map(String::as_str).collect();
        pending.help(format!("use one of {}", suggest::join_plain(&quoted, "or")));
    }
    pending.note(NOTE);
    None
}

/// "did you mean `FINANCE_BILLING`?" for `finance`: the categories with a
/// word of the text.
fn by_word(spelled: &str, names: &[&'static str]) -> Option<String> {
    let words: Vec<&str> = spelled.split('_').filter(|w| w.len() > 1).collect();
    let found: Vec<&str> = names
        .iter()
        .copied()
        .filter(|name| name.split('_').any(|part| words.contains(&part)))
        .collect();
    (!found.is_empty() && found.len() <= 4)
        .then(|| format!("did you mean {}?", suggest::list(&found)))
}
