//! The model of `[component.trigger]`: its shape depends on the
//! application trigger's type.

use serde::{Serialize, Serializer};

use super::{HttpExecutor, HttpRoute};

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
