package dev.orathin;

import dev.orathin.errors.OrathinException;

/**
 * A mistake in how orathin was called, found before or without harming the session: an unknown
 * or malformed connect parameter, a missing password, a column value read as a type it does not
 * fit. Never transient: the same call fails the same way until it is changed. The message says
 * what was expected, what was found and where.
 */
public class OrathinUsageException extends OrathinException {

    private static final long serialVersionUID = 1L;

    /** With the code and a detail free of secrets. */
    public OrathinUsageException(CoreErrorCode code, String detail) {
        super(code, detail, null);
    }

    /** With a cause. */
    public OrathinUsageException(CoreErrorCode code, String detail, Throwable cause) {
        super(code, detail, cause);
    }
}
