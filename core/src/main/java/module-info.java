/**
 * The TTC protocol, authentication, SQL execution, types and the public {@code connect(...)} API.
 */
module dev.orathin.core {
    requires transitive dev.orathin.transport;

    exports dev.orathin;
    exports dev.orathin.json;
}
