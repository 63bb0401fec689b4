package dev.orathin.testkit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files that hold secrets (wallets, auto-login keys, password files), written private from the
 * first byte: directories are created {@code 0700} and files {@code 0600} <em>before</em> anything
 * goes in (on file systems without POSIX permissions the platform default applies). Used by the
 * testkit's client configuration and by the CLI's {@code demo} and {@code testkit serve}.
 */
public final class PrivateFiles {

    private static final boolean POSIX = java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> DIR = PosixFilePermissions.fromString("rwx------");

    private PrivateFiles() {
    }

    /** Creates {@code dir} (and missing parents) as {@code 0700}; an existing directory is tightened to {@code 0700}. */
    public static Path directory(Path dir) throws IOException {
        if (Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            if (POSIX) {
                Files.setPosixFilePermissions(dir, DIR);
            }
            return dir;
        }
        Path parent = dir.toAbsolutePath().getParent();
        if (parent != null && !Files.exists(parent)) {
            Files.createDirectories(parent);
        }
        return POSIX ? Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(DIR)) : Files.createDirectory(dir);
    }

    /** A new private temporary directory ({@code 0700}). */
    public static Path temporaryDirectory(String prefix) throws IOException {
        return POSIX ? Files.createTempDirectory(prefix, PosixFilePermissions.asFileAttribute(DIR)) : Files.createTempDirectory(prefix);
    }

    /**
     * Writes {@code bytes} to {@code file}, replacing any earlier file: the new file is created
     * {@code 0600} before the first byte is written (a file left by someone else is removed, not
     * reused, so its permissions do not carry over).
     */
    public static Path write(Path file, byte[] bytes) throws IOException {
        Files.deleteIfExists(file);
        FileAttribute<?>[] attrs = POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)} : new FileAttribute<?>[0];
        Files.createFile(file, attrs);
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING,
                LinkOption.NOFOLLOW_LINKS)) {
            out.write(bytes);
        }
        return file;
    }

    /** Deletes a directory tree (no links followed); used for temporary directories on exit. */
    public static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes a) throws IOException {
                    Files.delete(f);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    Files.delete(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + dir, e);
        }
    }
}
