package dev.orathin.examples.cli;

import dev.orathin.errors.OrathinException;

/** A failure of the command line tool itself (missing password source, unreadable input); exit code 1. */
public final class CliException extends OrathinException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception; {@code detail} must not contain secrets. */
    public CliException(CliErrorCode code, String detail) {
        super(code, detail, null);
    }

    /** Creates the exception with its cause; {@code detail} must not contain secrets. */
    public CliException(CliErrorCode code, String detail, Throwable cause) {
        super(code, detail, cause);
    }
}
