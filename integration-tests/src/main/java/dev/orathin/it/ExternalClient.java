package dev.orathin.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs a real Oracle client that lives outside the JVM (node-oracledb thin, python-oracledb thin)
 * against a test server: writes the driver script, starts it with a hard time limit and returns
 * the one JSON line it prints.
 */
public final class ExternalClient {

    /** Which external client. */
    public enum Kind {
        /** node-oracledb in thin mode (npm {@code oracledb}). */
        NODE,
        /** python-oracledb in thin mode (Debian's {@code python3-oracledb}). */
        PYTHON
    }

    /**
     * What the client printed.
     *
     * @param ok true if it connected (and ran the statement, if any)
     * @param json the whole JSON line
     * @param exitCode process exit code (-1 if killed at the time limit)
     */
    public record Result(boolean ok, String json, int exitCode) {
        /** The error code the client reported ({@code DPY-6001}, {@code NJS-518}, {@code ORA-12514}...), if any. */
        public Optional<String> code() {
            return field("code");
        }

        /** A string field of the JSON line. */
        public Optional<String> field(String name) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"" + name + "\":\\s*\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(json);
            return m.find() ? Optional.of(m.group(1)) : Optional.empty();
        }
    }

    private final Kind kind;
    private final List<String> command;
    private final Map<String, String> env;
    private final Path script;

    private ExternalClient(Kind kind, List<String> command, Map<String, String> env, Path script) {
        this.kind = kind;
        this.command = command;
        this.env = env;
        this.script = script;
    }

    /**
     * node-oracledb with its modules under {@code nodeModules}, or empty with the reason it is not
     * usable here.
     */
    public static Optional<ExternalClient> node(Path nodeModules, Path workDir) {
        if (!Files.isDirectory(nodeModules.resolve("oracledb"))) {
            return Optional.empty();
        }
        return Optional.of(new ExternalClient(Kind.NODE, List.of("node"), Map.of("ORATHIN_NODE_MODULES", nodeModules.toString()),
                copyScript("connect.js", workDir)));
    }

    /** python-oracledb through {@code python}, if {@code import oracledb} works there. */
    public static Optional<ExternalClient> python(String python, Path workDir) {
        try {
            Process p = new ProcessBuilder(python, "-c", "import oracledb").redirectErrorStream(true).start();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                return Optional.empty();
            }
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        return Optional.of(new ExternalClient(Kind.PYTHON, List.of(python), Map.of(), copyScript("connect.py", workDir)));
    }

    /** The same client running another of the bundled scripts ({@code scenarios.py}, {@code scenarios.js}). */
    public ExternalClient withScript(String resource) {
        return new ExternalClient(kind, command, env, copyScript(resource, script.getParent()));
    }

    /** Which client this is. */
    public Kind kind() {
        return kind;
    }

    /** Runs the client with these options (a JSON object text) and waits at most {@code limit}. */
    public Result run(String jsonOptions, Duration limit) {
        List<String> cmd = new ArrayList<>(command);
        cmd.add(script.toString());
        cmd.add(jsonOptions);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(env);
        try {
            Process p = pb.start();
            byte[][] out = new byte[1][];
            Thread reader = new Thread(() -> {
                try (InputStream in = p.getInputStream()) {
                    out[0] = in.readAllBytes();
                } catch (IOException e) {
                    out[0] = new byte[0];
                }
            });
            reader.setDaemon(true);
            reader.start();
            if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                reader.join(5000);
                return new Result(false, "{\"ok\":false,\"code\":\"TIMEOUT\",\"message\":\"killed after " + limit + "\"}", -1);
            }
            reader.join(5000);
            String text = out[0] == null ? "" : new String(out[0], StandardCharsets.UTF_8);
            String line = text.lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b)
                    .orElse("{\"ok\":false,\"code\":\"NO_OUTPUT\",\"message\":\"" + text.replace('"', '\'').replace('\n', ' ') + "\"}");
            return new Result(line.contains("\"ok\":true") || line.contains("\"ok\": true"), line, p.exitValue());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + kind + " client", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + kind + " client", e);
        }
    }

    private static Path copyScript(String name, Path workDir) {
        try (InputStream in = ExternalClient.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            Files.createDirectories(workDir);
            Path target = workDir.resolve(name);
            Files.write(target, in.readAllBytes());
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write client script " + name, e);
        }
    }

    /** JSON string literal for {@code s}. */
    public static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                default -> b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
