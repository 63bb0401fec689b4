package dev.orathin.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shared bounded reader: limits hold even when the size seen first is wrong. */
class BoundedFilesTest {

    @TempDir
    Path tmp;

    /** An endless stream that counts what was taken from it, like a file growing while it is read. */
    static final class Endless extends InputStream {
        long served;

        @Override
        public int read() {
            served++;
            return 'x';
        }
    }

    @Test
    void aStreamThatNeverEndsIsCutAtLimitPlusOne() {
        Endless in = new Endless();
        InputLimitException e = assertThrows(InputLimitException.class, () -> BoundedFiles.read(in, 1000, "growing"));
        assertEquals(InputLimitException.Kind.TOO_LARGE, e.kind());
        assertEquals(1000, e.limit());
        assertEquals(1001, in.served);
        assertTrue(e.getMessage().startsWith("growing: expected at most 1000 bytes"), e.getMessage());
    }

    @Test
    void exactlyTheLimitIsAccepted() throws Exception {
        Path f = Files.write(tmp.resolve("f"), new byte[1000]);
        assertArrayEquals(new byte[1000], BoundedFiles.read(f, 1000));
        InputLimitException e = assertThrows(InputLimitException.class, () -> BoundedFiles.read(f, 999));
        assertTrue(e.getMessage().contains("1000 bytes"), e.getMessage());
    }

    @Test
    void aDirectoryIsNotARegularFile() {
        InputLimitException e = assertThrows(InputLimitException.class, () -> BoundedFiles.read(tmp, 10));
        assertEquals(InputLimitException.Kind.NOT_A_REGULAR_FILE, e.kind());
        assertTrue(e.getMessage().contains("a directory"), e.getMessage());
    }
}
