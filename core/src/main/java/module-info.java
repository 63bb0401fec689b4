/**
 * The TTC protocol, authentication, SQL execution, types and the public {@code connect(...)} API.
 */
module dev.orathin.core {
    requires transitive dev.orathin.transport;
    // config-https:// connect configuration (the JDK's own HTTP client)
    requires java.net.http;

    exports dev.orathin;
    // the packet-trace decoder behind `orathin trace decode`
    exports dev.orathin.internal.trace to dev.orathin.examples;
    exports dev.orathin.json;
    // where a config-<scheme>:// dsn's values came from, for the CLI's doctor
    exports dev.orathin.internal.config to dev.orathin.examples;

    // config-<scheme>:// sources beyond the built-in config-file:// come from add-on modules
    uses dev.orathin.ConfigurationProvider;
}
