package dev.orathin.net;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One entry of the connect-parameter catalogue: everything orathin knows about a parameter in one
 * place — where it lives in a descriptor, whether it travels to the listener, whether it is a
 * secret, its value kind and default, and the names users write it under (API / python-oracledb,
 * ojdbc, Easy Connect, sqlnet.ora). The parsers, the precedence rules, the wire form sent in
 * CONNECT, {@code explain}, redaction and the parameter tables in the docs all read this catalogue
 * ({@link #all()}), so a new parameter is one entry here plus its behaviour.
 *
 * <p>Two rules protect secrets. A <em>client-only</em> parameter ({@code wire == false}) never
 * goes into the descriptor sent to the listener (the listener logs every CONNECT it receives);
 * only the address being tried, CONNECT_DATA and the few DESCRIPTION keys a listener acts on
 * travel. A <em>secret</em> parameter is never shown: every printed form shows {@code ******}.
 * Names that are not in the catalogue but look like secrets ({@link #looksSecret(String)}) get
 * the same treatment.
 *
 * @param keyword the descriptor keyword, upper case
 * @param home where the parameter belongs when it comes from Easy Connect or the API
 * @param levels every level it is understood at in a descriptor
 * @param kind the value kind
 * @param defaultValue the default as text with its unit, or null when there is none
 * @param wire true when it goes to the listener in CONNECT
 * @param secret true when its value is never shown
 * @param supported true when orathin acts on it (false: parsed, kept and reported "not supported yet")
 * @param apiNames lower-case names accepted in {@code ConnectParams}/Easy Connect/JDBC properties
 *     (python-oracledb and ojdbc spellings); the first is the canonical one
 * @param sqlnetName the sqlnet.ora key supplying a default, or null
 * @param summary one line for the docs
 */
public record ConnectParameter(String keyword, Level home, Set<Level> levels, Kind kind, String defaultValue, boolean wire,
        boolean secret, boolean supported, List<String> apiNames, String sqlnetName, String summary) {

    /** Where a parameter lives. */
    public enum Level {
        /** DESCRIPTION_LIST. */
        DESCRIPTION_LIST,
        /** DESCRIPTION. */
        DESCRIPTION,
        /** ADDRESS_LIST. */
        ADDRESS_LIST,
        /** ADDRESS. */
        ADDRESS,
        /** CONNECT_DATA: the listener's section. */
        CONNECT_DATA,
        /** SECURITY: client-side TLS, wallet and authentication settings. */
        SECURITY
    }

    /** The value kinds. */
    public enum Kind {
        /** yes/no/on/off/true/false. */
        BOOLEAN,
        /** A whole number. */
        INTEGER,
        /** A duration with an optional unit. */
        DURATION,
        /** Text. */
        TEXT,
        /** Nested name-value pairs. */
        NESTED
    }

    /** Validates and copies. */
    public ConnectParameter {
        Objects.requireNonNull(keyword, "keyword");
        Objects.requireNonNull(home, "home");
        levels = Set.copyOf(levels);
        Objects.requireNonNull(kind, "kind");
        apiNames = List.copyOf(apiNames);
        Objects.requireNonNull(summary, "summary");
    }

    /** Indexes over the catalogue, built on first use (the catalogue's rows are instances of this record). */
    private static final class Index {
        static final Map<String, ConnectParameter> BY_KEYWORD;
        static final Map<String, ConnectParameter> BY_API_NAME;
        static final Map<String, ConnectParameter> BY_SQLNET_NAME;

        static {
            Map<String, ConnectParameter> k = new LinkedHashMap<>();
            Map<String, ConnectParameter> a = new LinkedHashMap<>();
            Map<String, ConnectParameter> s = new LinkedHashMap<>();
            for (ConnectParameter p : Catalogue.ENTRIES) {
                if (k.put(p.keyword(), p) != null) {
                    throw new IllegalStateException("catalogue lists " + p.keyword() + " twice");
                }
                for (String n : p.apiNames()) {
                    if (a.put(n, p) != null) {
                        throw new IllegalStateException("catalogue gives the name " + n + " twice");
                    }
                }
                if (p.sqlnetName() != null) {
                    s.put(p.sqlnetName(), p);
                }
            }
            BY_KEYWORD = Collections.unmodifiableMap(k);
            BY_API_NAME = Collections.unmodifiableMap(a);
            BY_SQLNET_NAME = Collections.unmodifiableMap(s);
        }

        private Index() {
        }
    }

    /** Every catalogued parameter, in documentation order. */
    public static List<ConnectParameter> all() {
        return Catalogue.ENTRIES;
    }

    /** The parameter with this descriptor keyword (any case). */
    public static Optional<ConnectParameter> byKeyword(String keyword) {
        return Optional.ofNullable(Index.BY_KEYWORD.get(keyword.toUpperCase(Locale.ROOT)));
    }

    /**
     * The parameter with this API / Easy Connect name (any case; an {@code oracle.net.} prefix is
     * ignored); the descriptor keyword itself is accepted too.
     */
    public static Optional<ConnectParameter> byApiName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.startsWith("oracle.net.")) {
            n = n.substring("oracle.net.".length());
        }
        ConnectParameter p = Index.BY_API_NAME.get(n);
        return p != null ? Optional.of(p) : byKeyword(n);
    }

    /** The parameter a sqlnet.ora key sets (upper case key). */
    public static Optional<ConnectParameter> bySqlnetName(String key) {
        return Optional.ofNullable(Index.BY_SQLNET_NAME.get(key.toUpperCase(Locale.ROOT)));
    }

    /**
     * True when a value under this name must never be shown: a catalogued secret, or a name that
     * looks like one (contains PASSWORD, PASSWD, PWD, TOKEN, SECRET or CREDENTIAL).
     */
    public static boolean isSecret(String name) {
        ConnectParameter p = Index.BY_KEYWORD.get(name.toUpperCase(Locale.ROOT));
        if (p == null) {
            p = Index.BY_API_NAME.get(name.toLowerCase(Locale.ROOT));
        }
        return p != null ? p.secret() : looksSecret(name);
    }

    /** Names that look like secrets, catalogued or not. */
    public static boolean looksSecret(String name) {
        String n = name.toUpperCase(Locale.ROOT);
        return n.contains("PASSWORD") || n.contains("PASSWD") || n.contains("PWD") || n.contains("TOKEN") || n.contains("SECRET")
                || n.contains("CREDENTIAL");
    }

    /**
     * Whether a parameter found at {@code level} goes to the listener: catalogued parameters by
     * their {@code wire} flag; uncatalogued ones only inside CONNECT_DATA (the listener's own
     * section, which servers extend) and never when the name looks secret.
     */
    public static boolean sentToListener(Level level, String name) {
        ConnectParameter p = Index.BY_KEYWORD.get(name.toUpperCase(Locale.ROOT));
        if (p != null) {
            return p.wire() && !p.secret();
        }
        return level == Level.CONNECT_DATA && !looksSecret(name);
    }

    /** True when this parameter is understood at {@code level}. */
    public boolean at(Level level) {
        return levels.contains(level);
    }

    /** The canonical API name (python-oracledb spelling), or the keyword in lower case. */
    public String apiName() {
        return apiNames.isEmpty() ? keyword.toLowerCase(Locale.ROOT) : apiNames.get(0);
    }
}
