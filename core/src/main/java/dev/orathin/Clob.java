package dev.orathin;

import dev.orathin.internal.lob.LobEncoding;
import dev.orathin.internal.lob.LobOp;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * A CLOB or NCLOB locator: text read and written piece by piece (see {@link Lob}). Lengths,
 * offsets and amounts count UTF-16 code units as Oracle does (a supplementary character counts
 * two). On the wire the data is in the encoding the locator announces — UTF-16 for NCLOB and for
 * CLOBs of an AL32UTF8 database, UTF-8 otherwise — and orathin converts it.
 */
public final class Clob extends Lob {

    Clob(OracleConnection connection, OracleType type, byte[] locator, long length, int chunkSize) {
        super(connection, type, locator, length, chunkSize);
    }

    private Charset charset() {
        return LobEncoding.of(locator, type == OracleType.NCLOB);
    }

    private boolean utf16() {
        return charset() != StandardCharsets.UTF_8;
    }

    /**
     * Up to {@code n} characters from the 1-based {@code offset}; fewer at the end, none past it.
     *
     * @throws OrathinUsageException OTN-5045 for an offset below 1 or a negative count
     */
    public String read(long offset, int n) {
        checkRange(offset, n, "read");
        if (n == 0) {
            return "";
        }
        Charset cs = charset();
        java.io.ByteArrayOutputStream raw = new java.io.ByteArrayOutputStream();
        call(LobOp.read(caps(), locator, offset, n, raw::writeBytes));
        return decode(raw.toByteArray(), cs);
    }

    /**
     * UTF-16 is turned into code units one by one, not through a decoder: a read that ends inside
     * a surrogate pair (amounts count code units) must keep the half, not replace it with U+FFFD.
     */
    static String decode(byte[] b, Charset cs) {
        if (cs == StandardCharsets.UTF_8) {
            return new String(b, cs);
        }
        if (b.length % 2 != 0) {
            throw new OrathinProtocolException(CoreErrorCode.MALFORMED_MESSAGE, "LOB data: " + b.length
                    + " bytes of UTF-16 text (expected an even count)");
        }
        boolean little = cs == StandardCharsets.UTF_16LE;
        char[] c = new char[b.length / 2];
        for (int i = 0; i < c.length; i++) {
            int hi = b[2 * i] & 0xFF;
            int lo = b[2 * i + 1] & 0xFF;
            c[i] = (char) (little ? lo << 8 | hi : hi << 8 | lo);
        }
        return new String(c);
    }

    /** Text in the LOB's encoding; UTF-16 code unit by code unit (see {@link #decode}). */
    static byte[] encode(String s, Charset cs) {
        if (cs == StandardCharsets.UTF_8) {
            return s.getBytes(cs);
        }
        boolean little = cs == StandardCharsets.UTF_16LE;
        byte[] b = new byte[s.length() * 2];
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b[2 * i] = (byte) (little ? c : c >> 8);
            b[2 * i + 1] = (byte) (little ? c >> 8 : c);
        }
        return b;
    }

    /** The whole value (at most 2^31 characters; stream larger ones with {@link #reader()}). */
    public String string() {
        long len = length();
        if (len > Integer.MAX_VALUE - 8) {
            throw usage("the " + type + " holds " + len + " characters, more than a Java String can; use reader()");
        }
        return read(1, (int) len);
    }

    /** Writes {@code text} at the 1-based {@code offset} (in characters), extending the LOB when needed. */
    public void write(long offset, String text) {
        checkRange(offset, text.length(), "write");
        int piece = streamAmount(utf16() ? 2 : 4);
        int at = 0;
        while (at < text.length()) {
            int end = Math.min(text.length(), at + piece);
            if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1)) && end - 1 > at) {
                end--; // never split a surrogate pair between two writes (UTF-8 could not encode the halves)
            }
            call(LobOp.write(caps(), locator, offset + at, encode(text.substring(at, end), charset())));
            at = end;
        }
        lengthChanged();
    }

    /** A reader of the text from the start, fetched in whole chunks as it is consumed. */
    public Reader reader() {
        return reader(1);
    }

    /** A reader of the text from the 1-based {@code offset} (in characters). */
    public Reader reader(long offset) {
        checkRange(offset, 0, "reader");
        return new Reader() {
            private long next = offset;
            private String buf = "";
            private int pos;
            private boolean eof;

            @Override
            public int read(char[] cbuf, int off, int len) {
                java.util.Objects.checkFromIndexSize(off, len, cbuf.length);
                if (len == 0) {
                    return 0;
                }
                if (pos == buf.length()) {
                    if (eof) {
                        return -1;
                    }
                    int amount = streamAmount(utf16() ? 2 : 4);
                    buf = Clob.this.read(next, amount);
                    pos = 0;
                    next += buf.length();
                    eof = buf.length() < amount;
                    if (buf.isEmpty()) {
                        return -1;
                    }
                }
                int n = Math.min(len, buf.length() - pos);
                buf.getChars(pos, pos + n, cbuf, off);
                pos += n;
                return n;
            }

            @Override
            public void close() {
                buf = "";
                pos = 0;
                eof = true;
            }
        };
    }

    /**
     * A writer from the 1-based {@code offset} (in characters) on, sending whole chunks;
     * {@code close()} (or {@code flush()}) sends what is buffered.
     */
    public Writer writer(long offset) {
        checkRange(offset, 0, "writer");
        return new Writer() {
            private final StringBuilder buf = new StringBuilder();
            private final int piece = streamAmount(utf16() ? 2 : 4);
            private long next = offset;

            @Override
            public void write(char[] cbuf, int off, int len) {
                java.util.Objects.checkFromIndexSize(off, len, cbuf.length);
                while (len > 0) {
                    int k = Math.min(len, piece - buf.length());
                    buf.append(cbuf, off, k);
                    off += k;
                    len -= k;
                    if (buf.length() >= piece) {
                        send(false);
                    }
                }
            }

            private void send(boolean all) {
                int n = buf.length();
                if (!all && n > 1 && Character.isHighSurrogate(buf.charAt(n - 1))) {
                    n--; // keep a pair's first half for the next piece
                }
                if (n == 0) {
                    return;
                }
                String s = buf.substring(0, n);
                call(LobOp.write(caps(), locator, next, encode(s, charset())));
                next += n;
                buf.delete(0, n);
                lengthChanged();
            }

            @Override
            public void flush() {
                send(true);
            }

            @Override
            public void close() {
                send(true);
            }
        };
    }

    @Override
    Object materialise() {
        return string();
    }
}
