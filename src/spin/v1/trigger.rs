//! The model of `[component.trigger]`: its shape depends on the
//! application trigger's type.

use std::fmt;

use serde::{Serialize, Serializer};

/// `[component.trigger]`: its shape depends on the application trigger.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum ComponentTrigger {
    /// For an HTTP application.
    Http(HttpTrigger),
    /// For a Redis application.
    Redis(RedisTrigger),
    /// For a plugin trigger: the table verbatim.
    Plugin(toml::Table),
}

impl Serialize for ComponentTrigger {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            ComponentTrigger::Http(http) => http.serialize(serializer),
            ComponentTrigger::Redis(redis) => redis.serialize(serializer),
            ComponentTrigger::Plugin(table) => table.serialize(serializer),
        }
    }
}

/// The trigger of a component in an HTTP application.
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "json-schema", schemars(deny_unknown_fields))]
#[cfg_attr(feature = "json-schema", schemars(transform = super::schema::http_trigger))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct HttpTrigger {
    /// The route the component handles.
    pub route: HttpRoute,
    /// How Spin calls the component; [`HttpExecutor::Spin`] when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(
        feature = "json-schema",
        schemars(description = "How Spin calls the component; `{ type = \"spin\" }` when absent.")
    )]
    pub executor: Option<HttpExecutor>,
}

impl HttpTrigger {
    /// A trigger for `route` with the default executor.
    pub fn new(route: impl Into<String>) -> Self {
        Self {
            route: HttpRoute::Path(route.into()),
            executor: None,
        }
    }
}

/// An HTTP route.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum HttpRoute {
    /// An exact route (`/hello`) or a wildcard route ending in `/...`.
    Path(String),
    /// `route = { private = true }`: reachable only from other components
    /// (accepted by Spin 2 and later).
    Private,
}

impl fmt::Display for HttpRoute {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            HttpRoute::Path(path) => f.write_str(path),
            HttpRoute::Private => f.write_str("{ private = true }"),
        }
    }
}

impl Serialize for HttpRoute {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        match self {
            HttpRoute::Path(path) => path.serialize(serializer),
            HttpRoute::Private => {
                let mut map = serializer.serialize_map(Some(1))?;
                map.serialize_entry("private", &true)?;
                map.end()
            }
        }
    }
}

/// `executor = { type = "..." }`: how Spin calls an HTTP component.
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "lowercase")]
#[non_exhaustive]
pub enum HttpExecutor {
    /// `{ type = "spin" }`: the component implements Spin's HTTP interface
    /// (the default).
    #[default]
    Spin,
    /// `{ type = "http" }`: the same as `spin`, as later Spin versions
    /// spell it.
    Http,
    /// `{ type = "wagi", ... }`: the module is run like a CGI program.
    Wagi(WagiExecutor),
}

/// The settings of the Wagi executor.
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "json-schema", schemars(deny_unknown_fields))]
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct WagiExecutor {
    /// The command line passed to the module; `${SCRIPT_NAME} ${ARGS}`
    /// when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub argv: Option<String>,
    /// The function to call; `_start` when absent. Spin 3 and later
    /// refuse any other value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "json-schema", schemars(extend("const" = "_start")))]
    pub entrypoint: Option<String>,
}

/// The trigger of a component in a Redis application.
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "json-schema", schemars(deny_unknown_fields))]
#[cfg_attr(feature = "json-schema", schemars(transform = super::schema::redis_trigger))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct RedisTrigger {
    /// The channel whose messages the component handles.
    pub channel: String,
    /// Another Redis server for this component (accepted by Spin 2 and
    /// later).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
}

impl RedisTrigger {
    /// A trigger for `channel` on the application's Redis server.
    pub fn new(channel: impl Into<String>) -> Self {
        Self {
            channel: channel.into(),
            address: None,
        }
    }
}
