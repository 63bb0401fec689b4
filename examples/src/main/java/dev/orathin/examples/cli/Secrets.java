package dev.orathin.examples.cli;

import dev.orathin.io.BoundedFiles;
import dev.orathin.io.InputLimitException;
import java.io.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Where a password comes from: an environment variable, a file (first line), or a prompt on the
 * terminal. Never from the command line, where other users of the machine can read it.
 */
final class Secrets {

    /** Largest password file read (only its first line is used); checked before reading. */
    static final long MAX_PASSWORD_FILE_BYTES = 64 * 1024;

    private Secrets() {
    }

    /**
     * Reads one password.
     *
     * @param what what is asked for ("database password"), for the prompt and errors
     * @param envName the environment variable, or null
     * @param file the file, or null
     * @param required whether to fail (rather than return null) when no source is available
     */
    static char[] read(OrathinCli.Io io, String what, String envName, Path file, boolean required) {
        if (envName != null) {
            String v = io.env().apply(envName);
            if (v == null) {
                throw new CliException(CliErrorCode.PASSWORD_SOURCE_UNREADABLE, what + ": environment variable " + envName + " is not set");
            }
            return v.toCharArray();
        }
        if (file != null) {
            try {
                // a FIFO or device (/dev/zero) is refused unopened; a file over the limit is not read
                String text = new String(BoundedFiles.read(file, MAX_PASSWORD_FILE_BYTES), StandardCharsets.UTF_8);
                int nl = text.indexOf('\n');
                String line = nl < 0 ? text : text.substring(0, nl);
                return (line.endsWith("\r") ? line.substring(0, line.length() - 1) : line).toCharArray();
            } catch (InputLimitException e) {
                throw new CliException(e.kind() == InputLimitException.Kind.NOT_A_REGULAR_FILE ? CliErrorCode.INPUT_NOT_A_FILE
                        : CliErrorCode.INPUT_TOO_LARGE, what + ": password file " + e.getMessage());
            } catch (IOException e) {
                throw new CliException(CliErrorCode.PASSWORD_SOURCE_UNREADABLE, what + ": cannot read password file " + file + ": "
                        + e.getClass().getSimpleName());
            }
        }
        Console console = io.interactive() ? System.console() : null;
        if (console != null) {
            char[] pw = console.readPassword("%s: ", what);
            if (pw != null) {
                return pw;
            }
        }
        if (required) {
            throw new CliException(CliErrorCode.PASSWORD_MISSING, what + " needed: no terminal to prompt on; use --password-env NAME"
                    + " or --password-file PATH (passwords are never taken from the command line)");
        }
        return null;
    }
}
