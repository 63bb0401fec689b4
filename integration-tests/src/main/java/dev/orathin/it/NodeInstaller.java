package dev.orathin.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Installs node-oracledb into a folder of the build (for example {@code target/node}) with npm,
 * once; the interop suite uses it as a real thin client.
 */
public final class NodeInstaller {

    /** Upper bound for {@code npm install}: the registry is the only network this build reaches. */
    public static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(5);

    private NodeInstaller() {
    }

    /**
     * Ensures {@code prefix/node_modules/oracledb} exists at {@code version}.
     *
     * @return the node_modules folder
     * @throws IllegalStateException with npm's output when the install fails
     */
    public static Path ensure(Path prefix, String version) throws IOException, InterruptedException {
        Path modules = prefix.resolve("node_modules");
        Path pkg = modules.resolve("oracledb/package.json");
        if (Files.exists(pkg) && Files.readString(pkg).contains("\"version\": \"" + version + "\"")) {
            return modules;
        }
        Files.createDirectories(prefix);
        Path log = prefix.resolve("npm-install.log");
        Process p = new ProcessBuilder("npm", "install", "--no-audit", "--no-fund", "--no-save", "--prefix", prefix.toString(),
                "oracledb@" + version).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(INSTALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("npm install oracledb@" + version + " did not finish within " + INSTALL_TIMEOUT);
        }
        if (p.exitValue() != 0 || !Files.exists(pkg)) {
            throw new IllegalStateException("npm install oracledb@" + version + " failed (exit " + p.exitValue() + "): "
                    + Files.readString(log));
        }
        return modules;
    }

    /** True if an executable called {@code name} is on the PATH. */
    public static boolean onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, name))) {
                return true;
            }
        }
        return false;
    }
}
