package dev.orathin.io;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The one way orathin reads an untrusted file or zip: the file's attributes are checked first (a
 * regular file no larger than the limit; FIFOs and devices are never opened, since opening a FIFO
 * blocks), then at most {@code limit + 1} bytes are read, so a file that grows after the check, or
 * a device that reports size 0, is still refused.
 *
 * <p>Known gap: a path swapped for a FIFO between the attribute check and the open can still block
 * the open; the JDK offers no non-blocking open. The check is on the path as given (symbolic links
 * are followed, so a link to {@code /dev/zero} is refused like {@code /dev/zero}).
 */
public final class BoundedFiles {

    private BoundedFiles() {
    }

    /**
     * Limits of one zip archive.
     *
     * @param maxEntries most entries (of any kind, directories included)
     * @param maxEntryBytes most uncompressed bytes of one entry that is read
     * @param maxTotalBytes most uncompressed bytes of all entries together (skipped ones included,
     *     so a zip bomb costs at most this much inflation work)
     */
    public record ZipLimits(int maxEntries, long maxEntryBytes, long maxTotalBytes) {
        /** Validates that every limit is positive and fits a Java array. */
        public ZipLimits {
            if (maxEntries <= 0 || maxEntryBytes <= 0 || maxTotalBytes <= 0 || maxEntryBytes >= Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("zip limits must be positive and below 2 GiB");
            }
        }
    }

    /**
     * The wanted entries of a zip and the names of all its entries.
     *
     * @param files wanted entries by lower-case base name (directories dropped)
     * @param entryNames every entry name, in archive order
     */
    public record ZipContent(Map<String, byte[]> files, List<String> entryNames) {
    }

    /**
     * Reads a whole regular file of at most {@code limit} bytes.
     *
     * @throws InputLimitException when the path is not a regular file or is larger than the limit
     * @throws IOException when it cannot be read (missing: {@link java.nio.file.NoSuchFileException})
     */
    public static byte[] read(Path file, long limit) throws IOException {
        checkLimit(limit);
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        String where = file.toString();
        if (!a.isRegularFile()) {
            throw new InputLimitException(InputLimitException.Kind.NOT_A_REGULAR_FILE, where, -1,
                    "expected a regular file but found " + (a.isDirectory() ? "a directory"
                            : "a device, FIFO or socket") + "; it was not opened");
        }
        if (a.size() > limit) {
            throw tooLarge(where, limit, a.size() + " bytes");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, limit, where);
        }
    }

    /**
     * Reads a stream to its end, refusing more than {@code limit} bytes (reads at most
     * {@code limit + 1}).
     *
     * @param where the name used in the error
     */
    public static byte[] read(InputStream in, long limit, String where) throws IOException {
        checkLimit(limit);
        byte[] b = in.readNBytes((int) limit + 1);
        if (b.length > limit) {
            throw tooLarge(where, limit, "more than " + limit + " bytes");
        }
        return b;
    }

    /**
     * Reads the wanted entries of a zip held in memory, enforcing {@code limits} on every entry
     * (wanted or not) and refusing names that occur twice ignoring case and directories among the
     * wanted ones, or ignoring case among all entries.
     *
     * @param wanted lower-case base names to return ({@code cwallet.sso}); directory parts ignored
     * @param where the archive's name for errors
     * @throws InputLimitException on a limit or a duplicate
     * @throws java.util.zip.ZipException when the archive is malformed
     */
    public static ZipContent readZip(byte[] zip, Set<String> wanted, ZipLimits limits, String where) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        long total = 0;
        byte[] skip = new byte[8192];
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                String name = e.getName();
                if (names.size() >= limits.maxEntries()) {
                    throw new InputLimitException(InputLimitException.Kind.TOO_MANY_ENTRIES, where, limits.maxEntries(),
                            "expected at most " + limits.maxEntries() + " entries but found more");
                }
                names.add(name);
                String lower = name.toLowerCase(Locale.ROOT);
                String earlier = seen.putIfAbsent(lower, name);
                if (earlier != null) {
                    throw duplicate(where, earlier, name);
                }
                String base = baseName(lower);
                boolean read = !e.isDirectory() && !lower.startsWith("__macosx/") && wanted.contains(base);
                if (read) {
                    long remaining = limits.maxTotalBytes() - total;
                    byte[] data;
                    if (limits.maxEntryBytes() <= remaining) {
                        data = read(in, limits.maxEntryBytes(), where + "!/" + name);
                    } else {
                        data = in.readNBytes((int) remaining + 1);
                    }
                    total += data.length;
                    byte[] before = files.putIfAbsent(base, data);
                    if (before != null) {
                        throw duplicate(where, firstWith(names, base, name), name);
                    }
                } else {
                    for (int n; (n = in.read(skip)) > 0; ) {
                        total += n;
                        if (total > limits.maxTotalBytes()) {
                            break;
                        }
                    }
                }
                if (total > limits.maxTotalBytes()) {
                    throw tooLarge(where, limits.maxTotalBytes(), "more than " + limits.maxTotalBytes()
                            + " uncompressed bytes in its entries together");
                }
            }
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            // ZipInputStream reports some malformed headers (bad name encoding, bad extra fields) this way
            throw new java.util.zip.ZipException("malformed zip (" + e.getClass().getSimpleName() + ")");
        }
        return new ZipContent(files, List.copyOf(names));
    }

    private static String firstWith(List<String> names, String base, String not) {
        for (String n : names) {
            if (!n.equals(not) && baseName(n.toLowerCase(Locale.ROOT)).equals(base)) {
                return n;
            }
        }
        return base;
    }

    private static InputLimitException duplicate(String where, String earlier, String name) {
        return new InputLimitException(InputLimitException.Kind.DUPLICATE_ENTRY, where, -1, "expected each entry name once"
                + " (ignoring case and directories) but found \"" + earlier + "\" and \"" + name + "\"");
    }

    private static InputLimitException tooLarge(String where, long limit, String found) {
        return new InputLimitException(InputLimitException.Kind.TOO_LARGE, where, limit, "expected at most " + limit
                + " bytes but found " + found);
    }

    private static void checkLimit(long limit) {
        if (limit < 0 || limit >= Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("limit must be between 0 and 2 GiB: " + limit);
        }
    }

    /** The part after the last {@code /} or {@code \}. */
    public static String baseName(String name) {
        int i = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        return name.substring(i + 1);
    }
}
