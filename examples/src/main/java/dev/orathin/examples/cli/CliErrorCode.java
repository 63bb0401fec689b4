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
    /** A file named on the command line (a password file) is larger than its documented limit. */
    INPUT_TOO_LARGE(1093, "input file over its size limit"),
    /** A path named on the command line is a directory, device, FIFO or socket; it is never opened. */
    INPUT_NOT_A_FILE(1094, "input path is not a regular file"),
    /** An unexpected failure inside the tool (a bug: please report it with --verbose output). */
    INTERNAL(9090, "internal error in the orathin tool"),
    /** The tool ran out of memory or stack (an input that escaped a limit: please report it). */
    RESOURCE_EXHAUSTED(9091, "the orathin tool ran out of memory or stack");

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
