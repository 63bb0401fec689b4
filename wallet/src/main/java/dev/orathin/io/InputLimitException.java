package dev.orathin.io;

import java.io.IOException;

/**
 * An input was refused before (or while) reading it because it is not a regular file or exceeds
 * a documented limit. Callers map it to their module's typed error; {@link #getMessage()} already
 * says where, what limit and what was found, and never contains file content.
 */
public final class InputLimitException extends IOException {

    private static final long serialVersionUID = 1L;

    /** Which rule refused the input. */
    public enum Kind {
        /** A directory, device, FIFO or socket where a regular file was expected (never opened). */
        NOT_A_REGULAR_FILE,
        /** A file, zip entry or the sum of a zip's entries is larger than its limit. */
        TOO_LARGE,
        /** A zip holds more entries than its limit. */
        TOO_MANY_ENTRIES,
        /** A zip holds two entries whose names differ only in case or directory. */
        DUPLICATE_ENTRY
    }

    private final Kind kind;
    private final String where;
    private final long limit;

    /**
     * @param kind the rule
     * @param where the file or {@code zip!/entry}
     * @param limit the limit that applied (bytes or entries), or -1
     * @param detail what was expected and found
     */
    public InputLimitException(Kind kind, String where, long limit, String detail) {
        super(where + ": " + detail);
        this.kind = kind;
        this.where = where;
        this.limit = limit;
    }

    /** Which rule refused the input. */
    public Kind kind() {
        return kind;
    }

    /** The file or {@code zip!/entry}. */
    public String where() {
        return where;
    }

    /** The limit that applied (bytes or entries), or -1 when none (not a regular file, duplicate). */
    public long limit() {
        return limit;
    }
}
