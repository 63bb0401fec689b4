package dev.orathin.internal.trace;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Locates {@code ../shared/real-packets} (packets real Oracle servers sent, published by others) in
 * place: the system property or environment variable {@code ORATHIN_REAL_PACKETS}, else
 * {@code ../../shared/real-packets} from the module directory. Tests that need it are skipped
 * with the reason when it is absent; nothing from it is copied into the repository.
 */
final class RealPackets {

    static final String PROPERTY = "ORATHIN_REAL_PACKETS";

    private RealPackets() {
    }

    /** The folder, or the test is skipped saying where it was looked for. */
    static Path folder() {
        String configured = System.getProperty(PROPERTY, System.getenv(PROPERTY));
        Path dir = configured != null ? Path.of(configured) : Path.of("..", "..", "shared", "real-packets");
        assumeTrue(Files.isDirectory(dir), "real-packets folder not found at " + dir.toAbsolutePath().normalize()
                + " (set -D" + PROPERTY + "=DIR or the environment variable " + PROPERTY + "): skipping the replay of real server bytes");
        return dir;
    }

    /** Every {@code *.txt} capture in the folder, sorted by name. */
    static List<Path> files(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".txt")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses one capture file. */
    static List<TracePacket> read(Path file) {
        try {
            return TraceFile.parse(Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One capture by name, or the test is skipped. */
    static List<TracePacket> read(String name) {
        Path f = folder().resolve(name);
        assumeTrue(Files.isRegularFile(f), name + " not in " + f.getParent());
        return read(f);
    }
}
