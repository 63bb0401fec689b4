package dev.orathin.examples.cli;

import dev.orathin.errors.ErrorCode;

/** Stable codes of the {@code orathin} command line tool's own failures (configuration band 1xxx, internal 9xxx). */
public enum CliErrorCode implements ErrorCode {
    /** A password is needed but no source was given and there is no terminal to prompt on. */
    PASSWORD_MISSING(1090, "no password source"),
    /** The password source named on the command line cannot be read. */
    PASSWORD_SOURCE_UNREADABLE(1091, "password source unreadable"),
    /** An input file or directory named on the command line cannot be read. */
    INPUT_UNREADABLE(1092, "input unreadable"),
    /** An unexpected failure inside the tool (a bug: please report it with --verbose output). */
    INTERNAL(9090, "internal error in the orathin tool");

    private final int number;
    private final String summary;

    CliErrorCode(int number, String summary) {
        this.number = number;
        this.summary = summary;
    }

    @Override
    public int number() {
        return number;
    }

    @Override
    public String summary() {
        return summary;
    }
}
