package dev.orathin.net.naming;

import dev.orathin.errors.OrathinException;
import java.util.Optional;

/**
 * A configuration or naming error: where (file:line:column, "dsn", "argument"), what was expected
 * and what was found.
 */
public final class ConfigException extends OrathinException {

    private static final long serialVersionUID = 1L;

    private final String location;

    /**
     * @param location where the problem is (e.g. {@code /cfg/tnsnames.ora:12:5}), or null
     * @param detail what was expected and what was found
     */
    public ConfigException(NamingErrorCode code, String location, String detail) {
        this(code, location, detail, null);
    }

    /** With a cause. */
    public ConfigException(NamingErrorCode code, String location, String detail, Throwable cause) {
        super(code, (location == null ? "" : location + ": ") + detail, cause);
        this.location = location;
    }

    /** Where the problem is, if known. */
    public Optional<String> location() {
        return Optional.ofNullable(location);
    }
}
