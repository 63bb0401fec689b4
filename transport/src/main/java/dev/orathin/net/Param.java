package dev.orathin.net;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * One parameter of a connect descriptor with its provenance.
 *
 * @param name the keyword, upper case (keywords are case-insensitive)
 * @param value the value as written (quotes removed; values keep their case)
 * @param source where it came from: {@code file:line:col}, {@code dsn}, {@code argument}, {@code sqlnet.ora:line}, {@code default}
 */
public record Param(String name, String value, String source) {

    /** Parameters whose values are never shown (explain, logs). */
    private static final Set<String> SECRET = Set.of("WALLET_PASSWORD", "PASSWORD", "HTTPS_PROXY_PASSWORD", "TOKEN", "TOKEN_AUTH");

    /** Normalises the name. */
    public Param {
        name = Objects.requireNonNull(name, "name").toUpperCase(Locale.ROOT);
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(source, "source");
    }

    /** True when the value is a secret and must be redacted. */
    public boolean secret() {
        return SECRET.contains(name);
    }

    /**
     * The value as it may be shown: secrets as {@code ******}, and credentials written into a value
     * ({@code https_proxy=user:password@host}) with the password part redacted.
     */
    public String shown() {
        if (secret()) {
            return "******";
        }
        int at = value.lastIndexOf('@');
        int colon = value.indexOf(':');
        if (at > 0 && colon >= 0 && colon < at && !value.startsWith("(")) {
            int scheme = value.indexOf("://");
            int userStart = scheme >= 0 && scheme < at ? scheme + 3 : 0;
            int sep = value.indexOf(':', userStart);
            if (sep >= 0 && sep < at) {
                return value.substring(0, sep + 1) + "******" + value.substring(at);
            }
        }
        return value;
    }

    /** {@code NAME=value (source)}, secrets redacted. */
    @Override
    public String toString() {
        return name + "=" + shown() + " (" + source + ")";
    }
}
