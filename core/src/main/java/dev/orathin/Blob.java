package dev.orathin;

import dev.orathin.internal.lob.LobOp;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * A BLOB locator: bytes read and written piece by piece (see {@link Lob}). {@link #inputStream()}
 * and {@link #outputStream(long)} move whole chunks of about 64 KB per round trip, so a value far
 * larger than the heap streams through a small buffer.
 */
public final class Blob extends Lob {

    Blob(OracleConnection connection, byte[] locator, long length, int chunkSize) {
        super(connection, OracleType.BLOB, locator, length, chunkSize);
    }

    /**
     * Up to {@code n} bytes from the 1-based {@code offset}; fewer at the end, none past it.
     *
     * @throws OrathinUsageException OTN-5045 for an offset below 1 or a negative count
     */
    public byte[] read(long offset, int n) {
        checkRange(offset, n, "read");
        if (n == 0) {
            return new byte[0];
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(n, STREAM_BUFFER));
        call(LobOp.read(caps(), locator, offset, n, b -> out.write(b, 0, b.length)));
        return out.toByteArray();
    }

    /** The whole value (at most 2 GB; stream larger ones with {@link #inputStream()}). */
    public byte[] bytes() {
        long len = length();
        if (len > Integer.MAX_VALUE - 8) {
            throw usage("the BLOB holds " + len + " bytes, more than a Java array can; use inputStream()");
        }
        return read(1, (int) len);
    }

    /**
     * Writes {@code data} at the 1-based {@code offset}, extending the BLOB when needed (a gap is
     * filled with zero bytes by the database).
     */
    public void write(long offset, byte[] data) {
        checkRange(offset, data.length, "write");
        int piece = streamAmount(1);
        for (int at = 0; at < data.length; at += piece) {
            int n = Math.min(piece, data.length - at);
            call(LobOp.write(caps(), locator, offset + at, Arrays.copyOfRange(data, at, at + n)));
        }
        lengthChanged();
    }

    /** A stream of the bytes from the start, read in whole chunks as it is consumed. */
    public InputStream inputStream() {
        return inputStream(1);
    }

    /** A stream of the bytes from the 1-based {@code offset}. */
    public InputStream inputStream(long offset) {
        checkRange(offset, 0, "inputStream");
        return new InputStream() {
            private long next = offset;
            private byte[] buf = new byte[0];
            private int pos;
            private boolean eof;

            @Override
            public int read() throws IOException {
                if (!fill()) {
                    return -1;
                }
                return buf[pos++] & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                java.util.Objects.checkFromIndexSize(off, len, b.length);
                if (len == 0) {
                    return 0;
                }
                if (!fill()) {
                    return -1;
                }
                int n = Math.min(len, buf.length - pos);
                System.arraycopy(buf, pos, b, off, n);
                pos += n;
                return n;
            }

            @Override
            public int available() {
                return buf.length - pos;
            }

            private boolean fill() {
                if (pos < buf.length) {
                    return true;
                }
                if (eof) {
                    return false;
                }
                int amount = streamAmount(1);
                buf = Blob.this.read(next, amount);
                pos = 0;
                next += buf.length;
                eof = buf.length < amount;
                return buf.length > 0;
            }
        };
    }

    /**
     * A stream that writes from the 1-based {@code offset} on, in whole chunks; {@code close()}
     * (or {@code flush()}) sends what is buffered.
     */
    public OutputStream outputStream(long offset) {
        checkRange(offset, 0, "outputStream");
        return new OutputStream() {
            private final byte[] buf = new byte[streamAmount(1)];
            private int n;
            private long next = offset;

            @Override
            public void write(int b) {
                if (n == buf.length) {
                    flush();
                }
                buf[n++] = (byte) b;
            }

            @Override
            public void write(byte[] b, int off, int len) {
                java.util.Objects.checkFromIndexSize(off, len, b.length);
                while (len > 0) {
                    if (n == buf.length) {
                        flush();
                    }
                    int k = Math.min(len, buf.length - n);
                    System.arraycopy(b, off, buf, n, k);
                    n += k;
                    off += k;
                    len -= k;
                }
            }

            @Override
            public void flush() {
                if (n > 0) {
                    call(LobOp.write(caps(), locator, next, Arrays.copyOf(buf, n)));
                    next += n;
                    n = 0;
                    lengthChanged();
                }
            }

            @Override
            public void close() {
                flush();
            }
        };
    }

    @Override
    Object materialise() {
        return bytes();
    }
}
