package dev.orathin.net;

import java.util.Locale;
import java.util.Objects;

/**
 * One parameter of a connect descriptor with its provenance.
 *
 * @param name the keyword, upper case (keywords are case-insensitive)
 * @param value the value as written (quotes removed; values keep their case)
 * @param source where it came from: {@code file:line:col}, {@code dsn}, {@code argument}, {@code sqlnet.ora:line}, {@code default}
 */
public record Param(String name, String value, String source) {

    /** Normalises the name. */
    public Param {
        name = Objects.requireNonNull(name, "name").toUpperCase(Locale.ROOT);
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(source, "source");
    }

    /** True when the value is a secret and must be redacted ({@link ConnectParameter#isSecret(String)}). */
    public boolean secret() {
        return ConnectParameter.isSecret(name);
    }

    /**
     * The value as it may be shown: secrets as {@code ******}, and credentials written into a value
     * ({@code https_proxy=user:password@host}) with the password part redacted.
     */
    public String shown() {
        if (secret()) {
            return Redaction.MASK;
        }
        return value.startsWith("(") ? Redaction.connectString(value) : Redaction.proxy(value);
    }

    /** {@code NAME=value (source)}, secrets redacted. */
    @Override
    public String toString() {
        return name + "=" + shown() + " (" + source + ")";
    }
}
