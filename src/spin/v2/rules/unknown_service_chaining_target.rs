//! `spin/unknown-service-chaining-target`: `http://<id>.spin.internal`
//! where `<id>` is no HTTP-triggered component.

use crate::codes::{Category, Rule};
use crate::fix::Applicability;
use crate::read::Cx;
use crate::rules::suggest;
use crate::source::Node;
use crate::spin::v2::tree::App;

pub(crate) static RULE: Rule = Rule::warning("spin/unknown-service-chaining-target")
    .category(Category::Suspicious)
    .doc(
        "An `allowed_outbound_hosts` entry `http://<id>.spin.internal` where `<id>` is not a component with an HTTP trigger.",
        "Service chaining routes a request to the component with that id through its HTTP trigger (a private route is enough); for any other id every request fails with \"unknown routing destination\".",
        "allowed_outbound_hosts = [\"http://auth.spin.internal\"]\n# but no HTTP trigger runs `auth`",
        "Name a component that has an HTTP trigger (`route = { private = true }` makes it reachable only this way).",
    );

/// Chaining targets are HTTP-triggered components.
pub(crate) fn check(app: &App<'_, '_>, cx: &mut Cx) {
    let targets: std::collections::BTreeSet<&str> = app
        .triggers
        .iter()
        .filter(|t| t.kind == "http")
        .filter_map(|t| t.component.as_deref())
        .collect();
    for component in &app.components {
        let hosts = component
            .node
            .get("allowed_outbound_hosts")
            .map_or(&[][..], Node::items);
        for (i, host) in hosts.iter().enumerate() {
            let Some(text) = host.as_str() else { continue };
            let Some((scheme, rest)) = text.trim().split_once("://") else {
                continue;
            };
            let rest = rest.trim_end_matches('/');
            let host_part = rest.rsplit_once(':').map_or(rest, |(h, _)| h);
            let Some(id) = host_part.strip_suffix(".spin.internal") else {
                continue;
            };
            if id == "*" || id.contains("{{") || targets.contains(&id) {
                continue;
            }
            let pending = cx.report_at(
                &RULE,
                component
                    .path
                    .clone()
                    .key("allowed_outbound_hosts")
                    .index(i),
                format!("`{id}` is not a component with an HTTP trigger"),
            );
            // The id starts the host, after the scheme and any leading
            // spaces.
            let start = text.len() - text.trim_start().len() + scheme.len() + "://".len();
            pending.within(start..start + id.len());
            let list: Vec<&str> = targets.iter().copied().collect();
            match suggest::closest(id, &list) {
                // The fix lets the component reach another component than
                // the one written: likely meant, but a grant to look at.
                Some(best) => pending
                    .help(format!("did you mean `{best}`?"))
                    .fix_str(Applicability::NeedsReview, id, best),
                None => pending.help(format!("give `{id}` an HTTP trigger (`route = {{ private = true }}` keeps it internal), or correct the id")),
            };
            pending.note("service chaining reaches components through their HTTP trigger; other requests fail with \"unknown routing destination\"");
        }
    }
}
