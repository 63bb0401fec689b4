package dev.orathin.net.internal.naming;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * What to resolve: the dsn, where configuration lives and the explicit parameters from the API.
 *
 * @param dsn an alias, an Easy Connect string or a full descriptor
 * @param configDir the configuration directory, or a wallet.zip file, or null (then TNS_ADMIN, then ORACLE_HOME/network/admin)
 * @param configZip wallet.zip bytes used as configuration source, or null
 * @param parameters explicit parameters (python-oracledb names such as {@code retry_count}, {@code https_proxy}); they win over everything
 * @param environment lookup of {@code TNS_ADMIN}, {@code ORACLE_HOME} and the system property {@code oracle.net.tns_admin} (injectable for tests)
 */
public record NamingRequest(String dsn, Path configDir, byte[] configZip, Map<String, String> parameters, UnaryOperator<String> environment) {

    /** Validates and fills defaults. */
    public NamingRequest {
        Objects.requireNonNull(dsn, "dsn");
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
        environment = environment == null ? NamingRequest::systemLookup : environment;
    }

    /** A request for {@code dsn} with an optional config directory and no extra parameters. */
    public static NamingRequest of(String dsn, Path configDir) {
        return new NamingRequest(dsn, configDir, null, Map.of(), null);
    }

    /** The real environment: system property first for {@code oracle.net.tns_admin}, then environment variables. */
    public static String systemLookup(String name) {
        if (name.equals("oracle.net.tns_admin")) {
            return System.getProperty(name);
        }
        return System.getenv(name);
    }

    /** Shows the dsn and config source only. */
    @Override
    public String toString() {
        return "NamingRequest[dsn=" + dsn + ", configDir=" + configDir + (configZip != null ? ", wallet.zip bytes" : "") + "]";
    }
}
