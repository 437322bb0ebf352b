//! Network allow-lists of Spin components: the legacy `allowed_http_hosts`
//! and `allowed_outbound_hosts`.

use std::net::IpAddr;
use std::ops::Range;

use super::template::{self, Expression};

/// The legacy entry that allows every HTTP host.
pub(crate) const ALLOW_ALL: &str = "insecure:allow-all";

/// Why an allow-list entry is refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct HostProblem {
    pub message: String,
    pub help: String,
    /// The part of the entry at fault (byte range in the entry).
    pub range: Option<Range<usize>>,
}

impl HostProblem {
    /// Reports the problem of the entry at `path` under `rule`, pointing
    /// at the part at fault.
    pub(crate) fn report(
        self,
        cx: &mut crate::read::Cx,
        rule: &'static crate::codes::Rule,
        path: &crate::path::P<'_>,
    ) {
        let pending = cx.report(rule, path, self.message);
        if let Some(range) = self.range {
            pending.within(range);
        }
        pending.help(self.help);
    }
}

fn problem(message: String, help: String, range: Option<Range<usize>>) -> HostProblem {
    HostProblem {
        message,
        help,
        range,
    }
}

/// The byte offset of `inner` inside `outer`; `inner` must be a sub-slice
/// of `outer` (as returned by `split_once`, `trim`, ...).
fn offset_in(outer: &str, inner: &str) -> usize {
    (inner.as_ptr() as usize).saturating_sub(outer.as_ptr() as usize)
}

fn range_of(outer: &str, inner: &str) -> Range<usize> {
    let start = offset_in(outer, inner);
    start..start + inner.len()
}

// ---------------------------------------------------------------------------
// allowed_http_hosts

/// Checks one `allowed_http_hosts` entry (other than `insecure:allow-all`):
/// `host`, `host:port`, `http(s)://host[:port]` without a path, or `self`.
pub(crate) fn check_http_host(text: &str) -> Result<(), HostProblem> {
    // A plain `host:port` would parse as a URL whose scheme is the host, so
    // entries without `//` are read as hosts.
    if let Some(separator) = text.find("//") {
        let url = url::Url::parse(text).map_err(|e| {
            problem(
                format!("`{text}` is not a valid URL ({e})"),
                "write `https://host` or `https://host:port`, or just `host[:port]`".to_owned(),
                None,
            )
        })?;
        if !matches!(url.scheme(), "http" | "https") {
            let scheme = url.scheme();
            return Err(problem(
                format!("`{text}` uses the `{scheme}` scheme; this list only takes HTTP hosts"),
                format!(
                    "list non-HTTP addresses in `allowed_outbound_hosts` instead: `\"{text}\"`"
                ),
                Some(0..scheme.len()),
            ));
        }
        check_host_and_path(&url, text, separator + 2)
    } else {
        let url = url::Url::parse(&format!("http://{text}")).map_err(|e| {
            problem(
                format!("`{text}` is not a valid host or `host:port` ({e})"),
                "write a host name or an IP address, optionally followed by `:port`".to_owned(),
                None,
            )
        })?;
        check_host_and_path(&url, text, 0)
    }
}

fn check_host_and_path(url: &url::Url, text: &str, authority: usize) -> Result<(), HostProblem> {
    let Some(host) = url.host_str() else {
        return Err(problem(
            format!("`{text}` has no host name"),
            "write a host name or an IP address".to_owned(),
            None,
        ));
    };
    if url.path().len() > 1 {
        let port = url.port().map(|p| format!(":{p}")).unwrap_or_default();
        let path_start = text
            .get(authority..)
            .and_then(|rest| rest.find('/'))
            .map(|i| authority + i);
        return Err(problem(
            format!("`{text}` has a path; only a host and an optional port are allowed"),
            format!("remove the path: `\"{host}{port}\"`"),
            path_start.map(|start| start..text.len()),
        ));
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// allowed_outbound_hosts

/// What an `allowed_outbound_hosts` entry turned out to be.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Outbound<'t> {
    /// A literal `scheme://host[:port]`.
    Literal(Literal<'t>),
    /// A template; Spin checks it only once the variables are resolved.
    Template(Vec<Expression<'t>>),
}

/// A literal outbound address that Spin accepts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Literal<'t> {
    /// The host is `*`: every host is allowed.
    pub any_host: bool,
    /// Any scheme (`*`) and any port (`*`) too.
    pub any_scheme_and_port: bool,
    /// A port range that contains no port (its end is exclusive).
    pub empty_range: Option<&'t str>,
    /// The byte range of the host (or the empty port range) in the entry.
    pub range: Range<usize>,
}

/// Why an `allowed_outbound_hosts` entry is refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum OutboundProblem {
    /// A `{{` without `}}`, at this offset.
    Unclosed(usize),
    /// Anything else.
    Invalid(HostProblem),
}

impl From<HostProblem> for OutboundProblem {
    fn from(p: HostProblem) -> Self {
        OutboundProblem::Invalid(p)
    }
}

/// The port Spin assumes for a scheme when the entry has none.
pub(crate) fn default_port(scheme: &str) -> Option<u16> {
    match scheme {
        "http" => Some(80),
        "https" => Some(443),
        "postgres" => Some(5432),
        "mysql" => Some(3306),
        "redis" => Some(6379),
        "mqtt" => Some(1883),
        _ => None,
    }
}

/// Checks one `allowed_outbound_hosts` entry the way Spin reads it:
/// `scheme://host[:port]`, where the scheme is `*` or letters; the host is
/// `*`, `self`, `*.domain`, a CIDR range or a literal name or address; the
/// port is a number, `*` or a range `a..b`, and may be left out for
/// schemes with a default port. No path. Templates are accepted as long as
/// their braces are closed.
pub(crate) fn check_outbound_host(text: &str) -> Result<Outbound<'_>, OutboundProblem> {
    let expressions = template::parse(text).map_err(|u| OutboundProblem::Unclosed(u.0))?;
    if !expressions.is_empty() {
        return Ok(Outbound::Template(expressions));
    }
    let entry = text.trim();
    if entry == ALLOW_ALL {
        return Err(problem(
            format!("`{ALLOW_ALL}` is not accepted in `allowed_outbound_hosts`"),
            "write `\"*://*:*\"` to allow every connection, or better, list the hosts the component needs".to_owned(),
            None,
        )
        .into());
    }
    let Some((scheme, rest)) = entry.split_once("://") else {
        let example = if entry.contains(':') {
            format!("`\"https://{entry}\"`")
        } else {
            format!("`\"https://{entry}\"` or `\"*://{entry}:*\"`")
        };
        return Err(problem(
            format!("`{entry}` has no scheme"),
            format!("write `scheme://host[:port]`, e.g. {example}"),
            None,
        )
        .into());
    };
    check_scheme(text, scheme)?;

    // The port follows the last `:`; a `/` after it starts a path.
    let (host, port) = match rest.rsplit_once(':') {
        Some((host, port_and_path)) => {
            let port = match port_and_path.split_once('/') {
                Some((_, path)) if !path.is_empty() => {
                    let path_range = range_of(text, path);
                    return Err(problem(
                        format!("`{entry}` has a path; only `scheme://host[:port]` is allowed"),
                        format!("remove `/{path}`"),
                        Some(path_range.start.saturating_sub(1)..path_range.end),
                    )
                    .into());
                }
                Some((port, _)) => port,
                None => port_and_path,
            };
            (host, port)
        }
        None => (rest, ""),
    };
    if rest.starts_with('[') && rest.trim_end_matches('/').ends_with(']') {
        let default = default_port(scheme).map_or("*".to_owned(), |p| p.to_string());
        return Err(problem(
            format!("`{entry}` needs a port after the IPv6 address"),
            format!(
                "Spin reads the last `:` as the start of the port; write `\"{scheme}://{}:{default}\"`",
                rest.trim_end_matches('/')
            ),
            Some(range_of(text, rest)),
        )
        .into());
    }
    let any_host = check_host(text, entry, host)?;
    let host_range = range_of(text, host.trim());
    let empty_range = check_port(text, entry, scheme, port)?;
    Ok(Outbound::Literal(Literal {
        any_host,
        any_scheme_and_port: scheme == "*" && port == "*",
        empty_range,
        range: match empty_range {
            Some(range) => range_of(text, range),
            None => host_range,
        },
    }))
}

fn check_scheme(text: &str, scheme: &str) -> Result<(), HostProblem> {
    if scheme == "*" {
        return Ok(());
    }
    if scheme.starts_with('{') {
        return Err(problem(
            format!("scheme lists such as `{scheme}` are not supported"),
            "write one entry per scheme".to_owned(),
            Some(range_of(text, scheme)),
        ));
    }
    if let Some(bad) = scheme.chars().find(|c| !c.is_alphabetic()) {
        return Err(problem(
            format!("the scheme `{scheme}` contains `{bad}`; schemes are made of letters only"),
            "use a scheme such as `https`, `redis` or `postgres`, or `*` for any scheme".to_owned(),
            Some(range_of(text, scheme)),
        ));
    }
    Ok(())
}

/// Checks the host part; returns whether it allows every host.
fn check_host(text: &str, entry: &str, host: &str) -> Result<bool, HostProblem> {
    let host = host.trim();
    let range = Some(range_of(text, host));
    match host {
        "*" => return Ok(true),
        "self" => return Ok(false),
        _ => {}
    }
    if host.starts_with('{') {
        return Err(problem(
            format!("host lists such as `{host}` are not supported"),
            "write one entry per host".to_owned(),
            range,
        ));
    }
    if let Some((address, prefix)) = host.split_once('/') {
        if let Ok(ip) = address.parse::<IpAddr>() {
            let max = if ip.is_ipv4() { 32 } else { 128 };
            return match prefix.parse::<u8>() {
                Ok(length) if length <= max => Ok(false),
                _ => Err(problem(
                    format!("`{host}` is not a valid CIDR range"),
                    format!("the prefix length after `/` is a number from 0 to {max}"),
                    range,
                )),
            };
        }
        if !prefix.is_empty() {
            let path_start = offset_in(text, prefix);
            return Err(problem(
                format!("`{entry}` has a path; only `scheme://host[:port]` is allowed"),
                format!("remove `/{prefix}`"),
                Some(path_start.saturating_sub(1)..path_start + prefix.len()),
            ));
        }
    }
    if let Some(domain) = host.strip_prefix("*.") {
        if domain.contains('*') {
            return Err(problem(
                format!("`{host}` has a wildcard after the first label"),
                "a wildcard can only stand for the leading labels, as in `*.example.com`"
                    .to_owned(),
                range,
            ));
        }
        return Ok(false);
    }
    if host.contains('*') {
        return Err(problem(
            format!("`{host}` uses `*` inside a label"),
            "a wildcard must be a whole leading label, as in `*.example.com`, or the whole host, `*`".to_owned(),
            range,
        ));
    }
    Ok(false)
}

/// Checks the port part; returns an empty port range, if that is what it
/// is.
fn check_port<'t>(
    text: &'t str,
    entry: &str,
    scheme: &str,
    port: &'t str,
) -> Result<Option<&'t str>, HostProblem> {
    if port.is_empty() {
        if default_port(scheme).is_some() {
            return Ok(None);
        }
        let help = if scheme == "*" {
            format!(
                "with any scheme (`*`) the port must be given: `\"{entry}:*\"` for any port, or a number"
            )
        } else {
            format!(
                "add the port, e.g. `\"{}:*\"` for any port; only http, https, postgres, mysql, redis and mqtt have a default",
                entry.trim_end_matches('/')
            )
        };
        return Err(problem(
            format!("`{entry}` has no port, and the scheme `{scheme}` has no default port"),
            help,
            None,
        ));
    }
    let range = Some(range_of(text, port));
    if port == "*" {
        return Ok(None);
    }
    if port.starts_with('{') {
        return Err(problem(
            format!("port lists such as `{port}` are not supported"),
            "write one entry per port, or a range such as `8000..8100`".to_owned(),
            range,
        ));
    }
    if let Some((start, end)) = port.split_once("..") {
        return match (start.parse::<u16>(), end.parse::<u16>()) {
            (Ok(start), Ok(end)) => Ok((start >= end).then_some(port)),
            _ => Err(problem(
                format!("the port range `{port}` is not two port numbers"),
                "write a range as `start..end`, e.g. `8000..8100` (the end is excluded)".to_owned(),
                range,
            )),
        };
    }
    match port.parse::<u16>() {
        Ok(_) => Ok(None),
        Err(_) => Err(problem(
            format!("the port `{port}` is not a number from 0 to 65535"),
            "write a port number, `*` for any port, or a range such as `8000..8100`".to_owned(),
            range,
        )),
    }
}

/// [`check_outbound_host`] as Spin 4.1 reads it in version 2 manifests:
/// an IPv6 address without a port (`http://[::1]`) takes the scheme's
/// default port.
pub(crate) fn check_outbound_host_v2(text: &str) -> Result<Outbound<'_>, OutboundProblem> {
    let entry = text.trim();
    if let Some((scheme, rest)) = entry.split_once("://") {
        let address = rest.trim_end_matches('/');
        let bracketed = address.starts_with('[') && address.ends_with(']');
        if bracketed
            && default_port(scheme).is_some()
            && address[1..address.len() - 1]
                .parse::<std::net::Ipv6Addr>()
                .is_ok()
        {
            return Ok(Outbound::Literal(Literal {
                any_host: false,
                any_scheme_and_port: false,
                empty_range: None,
                range: range_of(text, address),
            }));
        }
    }
    check_outbound_host(text)
}

/// The `allowed_outbound_hosts` entries Spin makes of one
/// `allowed_http_hosts` entry: `http://` and `https://` for a bare host,
/// the entry itself when it has a scheme, `http://self` for `self`, and
/// any host over both schemes plus the application for
/// `insecure:allow-all`.
pub(crate) fn http_host_as_outbound(entry: &str) -> Vec<String> {
    match entry {
        ALLOW_ALL => vec![
            "http://*:*".to_owned(),
            "https://*:*".to_owned(),
            "http://self".to_owned(),
        ],
        "self" => vec!["http://self".to_owned()],
        _ => {
            let host = entry
                .split_once("://")
                .map_or(entry, |(_, rest)| rest)
                .trim_end_matches('/');
            vec![format!("http://{host}"), format!("https://{host}")]
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outbound_ok(text: &str) -> Literal<'_> {
        match check_outbound_host(text) {
            Ok(Outbound::Literal(literal)) => literal,
            other => panic!("{text}: {other:?}"),
        }
    }

    fn outbound_err(text: &str) -> HostProblem {
        match check_outbound_host(text) {
            Err(OutboundProblem::Invalid(p)) => p,
            other => panic!("{text}: {other:?}"),
        }
    }

    #[test]
    fn http_hosts() {
        for ok in [
            "example.com",
            "example.com:8080",
            "https://example.com",
            "http://localhost:3000/",
            "self",
            "192.168.1.1:3002",
            "[::1]",
            "*.example.com",
        ] {
            assert_eq!(check_http_host(ok), Ok(()), "{ok}");
        }
        let p = check_http_host("example.com/wib/wob").unwrap_err();
        assert!(p.message.contains("has a path"));
        assert_eq!(p.range, Some(11..19));
        assert!(p.help.contains("\"example.com\""));
        let p = check_http_host("ftp://random.example").unwrap_err();
        assert!(p.message.contains("`ftp` scheme"));
        assert!(check_http_host("exa mple.com").is_err());
        assert!(check_http_host("example.com:99999").is_err());
    }

    #[test]
    fn outbound_hosts_accepted() {
        for ok in [
            "postgres://postgres",
            "https://example.com",
            "https://example.com/",
            "*://example.com:*",
            "http://self",
            "https://*.example.com",
            "redis://10.0.0.0/8:6379",
            "mysql://[::1]:3306",
            "http://localhost:8000..8010",
            "mqtt://broker",
        ] {
            let literal = outbound_ok(ok);
            assert!(!literal.any_host, "{ok}");
        }
        let all = outbound_ok("*://*:*");
        assert!(all.any_host && all.any_scheme_and_port);
        let any_host = outbound_ok("https://*");
        assert!(any_host.any_host && !any_host.any_scheme_and_port);
        assert_eq!(outbound_ok("http://a:90..80").empty_range, Some("90..80"));
    }

    #[test]
    fn outbound_hosts_refused() {
        assert!(outbound_err("example.com").message.contains("no scheme"));
        assert!(outbound_err("insecure:allow-all").help.contains("*://*:*"));
        assert!(
            outbound_err("https://example.com/api")
                .message
                .contains("path")
        );
        assert!(
            outbound_err("https://example.com:443/api")
                .message
                .contains("path")
        );
        assert!(
            outbound_err("ftp://example.com")
                .message
                .contains("no default port")
        );
        assert!(outbound_err("*://example.com").help.contains(":*"));
        assert!(outbound_err("h2c://example.com:80").message.contains("`2`"));
        assert!(
            outbound_err("https://ex*ample.com")
                .message
                .contains("inside a label")
        );
        assert!(
            outbound_err("https://*.ex*.com")
                .message
                .contains("after the first")
        );
        assert!(
            outbound_err("https://example.com:http")
                .message
                .contains("not a number")
        );
        assert!(
            outbound_err("https://example.com:1..x")
                .message
                .contains("range")
        );
        assert!(outbound_err("https://[::1]").message.contains("IPv6"));
        assert!(outbound_err("https://10.0.0.0/33").message.contains("CIDR"));
        let p = outbound_err("https://example.com:99999");
        assert_eq!(p.range, Some(20..25));
    }

    #[test]
    fn outbound_templates() {
        match check_outbound_host("https://{{ host }}") {
            Ok(Outbound::Template(expressions)) => assert_eq!(expressions[0].name, "host"),
            other => panic!("{other:?}"),
        }
        assert_eq!(
            check_outbound_host("https://{{ host"),
            Err(OutboundProblem::Unclosed(8))
        );
    }
}
