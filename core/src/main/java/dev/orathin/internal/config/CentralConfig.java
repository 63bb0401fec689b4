package dev.orathin.internal.config;

import dev.orathin.ConfigurationProvider;
import dev.orathin.ConnectParams;
import dev.orathin.CoreErrorCode;
import dev.orathin.OrathinUsageException;
import dev.orathin.errors.OrathinException;
import dev.orathin.io.BoundedFiles;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Function;

/**
 * Expands a {@code config-<scheme>://} connect string into the parameters its JSON document
 * holds (see {@link ConfigurationProvider} for the format), before anything else of a connect
 * happens. Secrets are read only here, and never appear in a message.
 */
public final class CentralConfig {

    /** Largest configuration document or password file read. */
    public static final int MAX_DOCUMENT = 1 << 20;

    private static final System.Logger LOG = System.getLogger("dev.orathin.connect");
    private static final List<String> PROPERTY_SECTIONS = List.of("orathin", "pyo", "jdbc");

    /** Environment lookup (replaceable in tests). */
    static Function<String, String> env = System::getenv;

    private CentralConfig() {
    }

    /** True when the dsn names a configuration source. */
    public static boolean applies(String dsn) {
        return dsn != null && dsn.regionMatches(true, 0, "config-", 0, 7) && dsn.indexOf("://") > 7;
    }

    /**
     * The parameters after expansion, and where their values came from (null without a
     * configuration source): what the doctor and explain show, never a secret.
     */
    public record Expanded(ConnectParams params, String origin) {
    }

    /** The parameters with the document's values filled in; {@code p} itself when its dsn is not a configuration source. */
    public static ConnectParams expand(ConnectParams p) {
        return expandWithOrigin(p).params();
    }

    /** {@link #expand} with a description of what the document supplied. */
    public static Expanded expandWithOrigin(ConnectParams p) {
        String dsn = p.dsn();
        if (!applies(dsn)) {
            return new Expanded(p, null);
        }
        int sep = dsn.indexOf("://");
        String scheme = dsn.substring(7, sep).toLowerCase(Locale.ROOT);
        String rest = dsn.substring(sep + 3);
        int q = rest.indexOf('?');
        String location = q < 0 ? rest : rest.substring(0, q);
        Map<String, String> options = query(q < 0 ? "" : rest.substring(q + 1));
        String where = "config-" + scheme + "://" + location;
        String text = load(scheme, location, options, where);
        Object doc;
        try {
            doc = JsonText.parse(text);
        } catch (JsonText.SyntaxException e) {
            throw invalid(where + ": not valid JSON: " + e.getMessage());
        }
        Map<String, Object> root = object(doc, where + ": the document");
        String key = options.get("key");
        if (key != null) {
            Object picked = root.get(key);
            if (picked == null) {
                throw invalid(where + ": expected a member \"" + key + "\" (from ?key=) but the document has " + root.keySet());
            }
            root = object(picked, where + ": member \"" + key + "\"");
            where = where + " key " + key;
        }
        Object descriptor = root.get("connect_descriptor");
        if (!(descriptor instanceof String d) || d.isBlank()) {
            throw invalid(where + ": expected \"connect_descriptor\" (a connect descriptor or Easy Connect string) but found "
                    + (descriptor == null ? "none" : "a " + kind(descriptor)));
        }
        if (applies(d)) {
            // one level only: a chain (or a cycle) of configuration documents would be read again by every prepare step
            throw invalid(where + ": expected \"connect_descriptor\" to be a connect descriptor, Easy Connect string or alias but it"
                    + " names another configuration source (" + d.substring(0, d.indexOf("://") + 3) + "...)");
        }
        Map<String, String> props = new LinkedHashMap<>();
        for (String section : PROPERTY_SECTIONS) {
            Object s = root.get(section);
            if (s != null) {
                for (Map.Entry<String, Object> e : object(s, where + ": \"" + section + "\"").entrySet()) {
                    props.put(e.getKey(), scalar(e.getValue(), where + ": " + section + "." + e.getKey()));
                }
            }
        }
        props.put("dsn", d);
        ConnectParams fromDoc = ConnectParams.fromMap(props);
        ConnectParams.Builder b = p.toBuilder().dsn(d);
        fromDoc.descriptorParams().forEach((k, v) -> {
            if (!p.descriptorParams().containsKey(k)) {
                b.param(k, v);
            }
        });
        if (p.connectTimeout().equals(ConnectParams.DEFAULT_CONNECT_TIMEOUT)) {
            b.connectTimeout(fromDoc.connectTimeout());
        }
        if (p.callTimeout().equals(ConnectParams.DEFAULT_CALL_TIMEOUT)) {
            b.callTimeout(fromDoc.callTimeout());
        }
        if (p.configDir() == null && fromDoc.configDir() != null) {
            b.configDir(fromDoc.configDir());
        }
        List<String> supplied = new java.util.ArrayList<>(List.of("connect_descriptor"));
        if (p.user() == null && root.get("user") != null) {
            b.user(scalar(root.get("user"), where + ": user"));
            supplied.add("user");
        }
        if (!p.hasPassword() && root.get("password") != null) {
            char[] pw = secret(root.get("password"), where + ": password");
            b.password(pw);
            java.util.Arrays.fill(pw, '\0');
            supplied.add("password (" + reference(root.get("password")) + ")");
        }
        if (p.walletPassword() == null) {
            char[] wpw = root.get("wallet_password") != null ? secret(root.get("wallet_password"), where + ": wallet_password")
                    : fromDoc.walletPassword();
            if (wpw != null) {
                b.walletPassword(wpw);
                java.util.Arrays.fill(wpw, '\0');
            }
        }
        if (p.walletLocation() == null && root.get("wallet_location") != null) {
            Object w = root.get("wallet_location");
            b.walletLocation(w instanceof Map<?, ?> m && m.get("value") != null ? scalar(m.get("value"), where + ": wallet_location.value")
                    : scalar(w, where + ": wallet_location"));
            supplied.add("wallet_location");
        }
        props.keySet().stream().filter(k -> !k.equals("dsn")).forEach(supplied::add);
        String origin = "connect configuration " + where + " supplied " + String.join(", ", supplied);
        LOG.log(System.Logger.Level.DEBUG, () -> origin);
        return new Expanded(b.build(), origin);
    }

    private static String load(String scheme, String location, Map<String, String> options, String where) {
        ConfigurationProvider provider = provider(scheme, where);
        try {
            String text = provider.load(location, options);
            if (text == null) {
                throw new OrathinUsageException(CoreErrorCode.CONFIG_SOURCE, where + ": the provider returned no document");
            }
            return text;
        } catch (OrathinException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new OrathinUsageException(CoreErrorCode.CONFIG_SOURCE, where + ": the " + scheme + " provider failed: "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }

    private static ConfigurationProvider provider(String scheme, String where) {
        if (scheme.equals("file")) {
            return new FileProvider();
        }
        if (scheme.equals("https")) {
            return new HttpsProvider();
        }
        List<String> known = new java.util.ArrayList<>(List.of("file", "https"));
        for (ConfigurationProvider cp : ServiceLoader.load(ConfigurationProvider.class, CentralConfig.class.getClassLoader())) {
            if (cp.scheme().equalsIgnoreCase(scheme)) {
                return cp;
            }
            known.add(cp.scheme());
        }
        throw new OrathinUsageException(CoreErrorCode.CONFIG_SOURCE, where + ": no configuration provider for config-" + scheme
                + "://; available: " + known.stream().map(s -> "config-" + s + "://").toList() + " (other sources come as add-on"
                + " modules implementing dev.orathin.ConfigurationProvider)");
    }

    /** {@code config-file://PATH}: the file, read with a size bound. */
    static final class FileProvider implements ConfigurationProvider {
        @Override
        public String scheme() {
            return "file";
        }

        @Override
        public String load(String location, Map<String, String> options) {
            try {
                return new String(BoundedFiles.read(Path.of(location), MAX_DOCUMENT), StandardCharsets.UTF_8);
            } catch (IOException | java.nio.file.InvalidPathException e) {
                throw new OrathinUsageException(CoreErrorCode.CONFIG_SOURCE, "config-file://" + location + ": cannot read the file ("
                        + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
            }
        }
    }

    /** A secret: {@code {"type": "env"|"file"|"base64"|"text", "value": V}} or the shorthands {@code "env:NAME"} / {@code "file:PATH"}. */
    static char[] secret(Object v, String where) {
        String type;
        String value;
        if (v instanceof String s && (s.startsWith("env:") || s.startsWith("file:"))) {
            type = s.substring(0, s.indexOf(':'));
            value = s.substring(s.indexOf(':') + 1);
        } else if (v instanceof Map<?, ?> m && m.get("type") instanceof String t && m.get("value") instanceof String val) {
            type = t.toLowerCase(Locale.ROOT);
            value = val;
        } else {
            throw new OrathinUsageException(CoreErrorCode.CONFIG_SECRET, where + ": expected {\"type\": \"env\"|\"file\"|\"base64\"|\"text\","
                    + " \"value\": ...} or \"env:NAME\" / \"file:PATH\", found a " + kind(v) + " (the value is not shown)");
        }
        switch (type) {
            case "env" -> {
                String s = env.apply(value);
                if (s == null) {
                    throw new OrathinUsageException(CoreErrorCode.CONFIG_SECRET, where + ": environment variable " + value + " is not set");
                }
                return s.toCharArray();
            }
            case "file" -> {
                try {
                    String s = new String(BoundedFiles.read(Path.of(value), 64 * 1024), StandardCharsets.UTF_8);
                    int eol = s.indexOf('\n');
                    return (eol < 0 ? s : s.substring(0, eol)).replace("\r", "").toCharArray();
                } catch (IOException | java.nio.file.InvalidPathException e) {
                    throw new OrathinUsageException(CoreErrorCode.CONFIG_SECRET, where + ": cannot read the password file " + value + " ("
                            + e.getClass().getSimpleName() + ")");
                }
            }
            case "base64" -> {
                try {
                    return new String(Base64.getDecoder().decode(value.strip()), StandardCharsets.UTF_8).toCharArray();
                } catch (IllegalArgumentException e) {
                    throw new OrathinUsageException(CoreErrorCode.CONFIG_SECRET, where + ": expected Base64 text (the value is not shown)");
                }
            }
            case "text" -> {
                return value.toCharArray();
            }
            default -> throw new OrathinUsageException(CoreErrorCode.CONFIG_SECRET, where + ": password type \"" + type + "\" is not"
                    + " supported (built in: env, file, base64, text; vault types need an add-on provider)");
        }
    }

    /** How a secret was given, for the log (never the value). */
    private static String reference(Object v) {
        if (v instanceof String s) {
            return s.startsWith("env:") ? s : "file";
        }
        Object t = ((Map<?, ?>) v).get("type");
        return "env".equals(t) ? "env:" + ((Map<?, ?>) v).get("value") : String.valueOf(t);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object v, String what) {
        if (v instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        throw invalid(what + ": expected a JSON object but found a " + kind(v));
    }

    private static String scalar(Object v, String what) {
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof java.math.BigDecimal || v instanceof Boolean) {
            return v.toString();
        }
        throw invalid(what + ": expected a string, number or boolean but found a " + kind(v));
    }

    private static String kind(Object v) {
        return v == null ? "null" : v instanceof Map ? "JSON object" : v instanceof List ? "JSON array" : v instanceof String ? "string"
                : v instanceof Boolean ? "boolean" : "number";
    }

    private static OrathinUsageException invalid(String message) {
        return new OrathinUsageException(CoreErrorCode.CONFIG_INVALID, message);
    }

    private static Map<String, String> query(String q) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String kv : q.split("&")) {
            int eq = kv.indexOf('=');
            if (eq > 0) {
                m.put(URLDecoder.decode(kv.substring(0, eq), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT),
                        URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return m;
    }
}
