package dev.orathin;

import java.util.Map;

/**
 * A source of centralized connect configuration, for connect strings of the form
 * {@code config-<scheme>://<location>[?key=<name>&...]} (ojdbc's and python-oracledb's form). The
 * provider returns a JSON document; orathin reads it (see {@link Orathin#connect(ConnectParams)}):
 *
 * <pre>{@code
 * {
 *   "connect_descriptor": "(description=(address=(protocol=tcps)(host=adb.example.com)(port=1522))...)",
 *   "user": "app",
 *   "password": {"type": "env", "value": "APP_DB_PASSWORD"},
 *   "wallet_location": "/opt/wallet_mydb",
 *   "orathin": {"retry_count": "3", "call_timeout": "30000"}
 * }
 * }</pre>
 *
 * <p>With {@code ?key=name} the document holds several such objects and {@code name} picks one.
 * {@code password} (and {@code wallet_password}) is an object {@code {"type": T, "value": V}} with {@code T} one of
 * {@code env} (the environment variable named V), {@code file} (the first line of the file V),
 * {@code base64} (V encoded, as ojdbc and python-oracledb write it) or {@code text}; the strings
 * {@code "env:NAME"} and {@code "file:PATH"} are shorthands. Properties come from the
 * {@code orathin}, {@code pyo} (python-oracledb) or {@code jdbc} (ojdbc) member, under the names
 * {@link ConnectParams#fromMap} takes. Values given to the API win over the document.
 *
 * <p>{@code config-file://} and {@code config-https://} (a GET with the JDK's trust, plain HTTP
 * refused, 30 s and 1 MiB bounds) are built in. Other schemes (cloud object stores, vaults, app
 * configuration services) are add-on modules that implement this interface and declare it for
 * {@link java.util.ServiceLoader} ({@code provides dev.orathin.ConfigurationProvider with ...}), so
 * the driver itself gains no dependency.
 */
public interface ConfigurationProvider {

    /** The scheme after {@code config-} this provider serves, lower case ({@code file} for {@code config-file://}). */
    String scheme();

    /**
     * The JSON document at {@code location}.
     *
     * @param location what follows {@code config-<scheme>://}, without the query
     * @param options the query parameters ({@code key} and any the provider defines)
     * @return the document's text; a provider bounds its own waits and sizes
     * @throws RuntimeException an {@code OrathinException} with a stable code, or any other
     *     exception, which orathin reports as OTN-1074 naming the scheme and location
     */
    String load(String location, Map<String, String> options);
}
