package dev.orathin.testkit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * A small seeded mutator for the CI run of the fuzz targets: a few thousand inputs per target
 * derived from the checked-in seeds (bit flips, byte changes, insertions, deletions, truncations,
 * splices and interesting length bytes), deterministic so a failure reproduces. The coverage-guided
 * long run is Jazzer's (docs/security.md, "Fuzzing"). Shared by the fuzz tests of every module.
 */
public final class Mutations {

    private static final byte[] INTERESTING = {0, 1, 0x7F, (byte) 0x80, (byte) 0xFF, (byte) 0xFE, 0x40, 0x10};

    private Mutations() {
    }

    /** {@code count} inputs: the seeds themselves, then mutations of random seeds. */
    public static List<byte[]> of(List<byte[]> seeds, int count, long seed) {
        Random r = new Random(seed);
        List<byte[]> out = new ArrayList<>(seeds);
        while (out.size() < count) {
            byte[] b = seeds.get(r.nextInt(seeds.size())).clone();
            for (int k = 1 + r.nextInt(4); k > 0; k--) {
                b = mutate(b, r, seeds);
            }
            out.add(b);
        }
        return out;
    }

    private static byte[] mutate(byte[] b, Random r, List<byte[]> seeds) {
        if (b.length == 0) {
            return new byte[] {(byte) r.nextInt(256)};
        }
        // half of the edits land in the first 64 bytes, where headers and lengths decide the structure
        int at = r.nextBoolean() ? r.nextInt(Math.min(64, b.length)) : r.nextInt(b.length);
        switch (r.nextInt(7)) {
            case 0:
                b[at] ^= (byte) (1 << r.nextInt(8));
                return b;
            case 1:
                b[at] = INTERESTING[r.nextInt(INTERESTING.length)];
                return b;
            case 2: {
                byte[] c = new byte[b.length + 1];
                System.arraycopy(b, 0, c, 0, at);
                c[at] = (byte) r.nextInt(256);
                System.arraycopy(b, at, c, at + 1, b.length - at);
                return c;
            }
            case 3: {
                byte[] c = new byte[b.length - 1];
                System.arraycopy(b, 0, c, 0, at);
                System.arraycopy(b, at + 1, c, at, b.length - at - 1);
                return c;
            }
            case 4:
                return Arrays.copyOf(b, at);
            case 5: {
                byte[] other = seeds.get(r.nextInt(seeds.size()));
                int from = other.length == 0 ? 0 : r.nextInt(other.length);
                byte[] c = Arrays.copyOf(b, at + other.length - from);
                System.arraycopy(other, from, c, at, other.length - from);
                return c;
            }
            default:
                b[at] = (byte) r.nextInt(256);
                return b;
        }
    }

    /** The seed files of one Jazzer target ({@code <Class>Inputs/<method>/} in the test resources), sorted by name. */
    public static List<byte[]> seeds(Class<?> targets, String method) {
        String dir = targets.getSimpleName() + "Inputs/" + method;
        java.net.URL url = targets.getResource(dir);
        if (url == null) {
            throw new IllegalStateException("no seed directory " + dir);
        }
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(java.nio.file.Path.of(url.toURI()))) {
            List<byte[]> out = new ArrayList<>();
            for (java.nio.file.Path f : files.sorted().toList()) {
                out.add(java.nio.file.Files.readAllBytes(f));
            }
            return out;
        } catch (java.io.IOException | java.net.URISyntaxException e) {
            throw new IllegalStateException("cannot read the seeds in " + dir, e);
        }
    }
}
