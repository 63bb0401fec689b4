package dev.orathin;

import java.util.Objects;

/**
 * A warning the database sent with a successful call, such as ORA-28002 ("the password will
 * expire within n days") in the login reply: the call succeeded, the warning is informational.
 *
 * @param number the ORA number (28002)
 * @param message the server's text, e.g. {@code ORA-28002: the password will expire within 7 days}
 */
public record ServerWarning(int number, String message) {

    /** Validates the fields. */
    public ServerWarning {
        if (number <= 0) {
            throw new IllegalArgumentException("warning number must be positive, was " + number);
        }
        Objects.requireNonNull(message, "message");
    }

    /** {@code ORA-nnnnn}. */
    public String code() {
        return String.format("ORA-%05d", number);
    }
}
