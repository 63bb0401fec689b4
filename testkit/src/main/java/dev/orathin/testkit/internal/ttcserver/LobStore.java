package dev.orathin.testkit.internal.ttcserver;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The LOBs a session has handed out locators for — values fetched from tables and temporary LOBs
 * the client created — served by LOB_OP (function 96): length, chunk size, read, write, trim,
 * open/close, create and free temporary.
 *
 * <p>A testkit locator is 40 bytes laid out as Oracle's (python-oracledb constants
 * {@code TNS_LOB_LOC_*}): bytes 0-1 the length less two (38), 2-3 the version (4), byte 4 flags
 * (0x01 BLOB), byte 5 flags (0x08 initialised), byte 6 flags (0x80 variable-width character set:
 * CLOB data travels as AL16UTF16, as a real AL32UTF8 database sends it), byte 7 flags (0x01
 * temporary); bytes 8-9 "TK" and 10-17 the session's LOB number. CLOB lengths, offsets and amounts
 * count UTF-16 code units, BLOB ones bytes.
 */
final class LobStore {

    private static final int LOCATOR_LENGTH = 40;
    /** The chunk size reported for every LOB (a typical 8 KB block less overhead). */
    static final int CHUNK_SIZE = 8132;
    private final Map<Long, Entry> entries = new HashMap<>();
    private long next = 1;

    /** One LOB's contents: bytes for a BLOB, UTF-16 code units for a CLOB, growing as it is written. */
    static final class Entry {
        final boolean clob;
        final boolean temporary;
        boolean open;
        private byte[] bytes;
        private char[] chars;
        private int length;

        Entry(boolean clob, boolean temporary) {
            this.clob = clob;
            this.temporary = temporary;
            this.bytes = clob ? null : new byte[0];
            this.chars = clob ? new char[0] : null;
        }

        long length() {
            return length;
        }

        /** Up to {@code amount} units from the 1-based {@code offset}, encoded for the wire (UTF-16BE for a CLOB). */
        byte[] read(long offset, long amount) {
            int from = (int) Math.min(length, Math.max(0, offset - 1));
            int to = (int) Math.min(length, from + Math.max(0, Math.min(amount, Integer.MAX_VALUE)));
            if (!clob) {
                return Arrays.copyOfRange(bytes, from, to);
            }
            byte[] out = new byte[(to - from) * 2];
            for (int i = from; i < to; i++) {
                out[2 * (i - from)] = (byte) (chars[i] >> 8);
                out[2 * (i - from) + 1] = (byte) chars[i];
            }
            return out;
        }

        /** Writes wire data (UTF-16BE for a CLOB) at the 1-based offset; a gap fills with zeros / spaces. Returns units written. */
        long write(long offset, byte[] data) {
            int at = (int) (offset - 1);
            if (!clob) {
                ensure(at + data.length);
                System.arraycopy(data, 0, bytes, at, data.length);
                length = Math.max(length, at + data.length);
                return data.length;
            }
            int n = data.length / 2;
            int oldLength = length;
            ensure(at + n);
            Arrays.fill(chars, Math.min(oldLength, at), Math.max(oldLength, at), ' ');
            for (int i = 0; i < n; i++) {
                chars[at + i] = (char) ((data[2 * i] & 0xFF) << 8 | data[2 * i + 1] & 0xFF);
            }
            length = Math.max(length, at + n);
            return n;
        }

        void trim(long newLength) {
            length = (int) Math.min(length, Math.max(0, newLength));
        }

        private void ensure(int size) {
            int capacity = clob ? chars.length : bytes.length;
            if (size <= capacity) {
                return;
            }
            int grown = (int) Math.min(Integer.MAX_VALUE - 8, Math.max(size, capacity * 2L));
            if (clob) {
                chars = Arrays.copyOf(chars, grown);
            } else {
                bytes = Arrays.copyOf(bytes, grown);
            }
        }

        /** The value to hand to H2 when the locator is bound: a String or byte[]. */
        Object value() {
            return clob ? new String(chars, 0, length) : Arrays.copyOf(bytes, length);
        }
    }

    /** A locator for a fetched value (a CLOB as its text, a BLOB as its bytes). */
    byte[] locator(Object value, boolean clob) {
        Entry e = new Entry(clob, false);
        if (clob) {
            String s = (String) value;
            e.chars = s.toCharArray();
            e.length = s.length();
        } else {
            e.bytes = (byte[]) value;
            e.length = e.bytes.length;
        }
        return register(e);
    }

    /** A new, empty temporary LOB and its locator. */
    byte[] createTemporary(boolean clob) {
        return register(new Entry(clob, true));
    }

    private byte[] register(Entry e) {
        long id = next++;
        entries.put(id, e);
        ByteBuffer b = ByteBuffer.allocate(LOCATOR_LENGTH);
        b.put((byte) 0).put((byte) (LOCATOR_LENGTH - 2)).put((byte) 0).put((byte) 4);
        b.put((byte) (e.clob ? 0 : 0x01)).put((byte) 0x08).put((byte) (e.clob ? 0x80 : 0)).put((byte) (e.temporary ? 0x01 : 0));
        b.put((byte) 'T').put((byte) 'K').putLong(id);
        return b.array();
    }

    /** The LOB a locator names, or {@code null} (not a testkit locator, or freed). */
    Entry entry(byte[] locator) {
        if (locator == null || locator.length < 18 || locator[8] != 'T' || locator[9] != 'K') {
            return null;
        }
        return entries.get(ByteBuffer.wrap(locator, 10, 8).getLong());
    }

    /** Frees a temporary LOB; false when the locator names none. */
    boolean free(byte[] locator) {
        Entry e = entry(locator);
        if (e == null) {
            return false;
        }
        entries.remove(ByteBuffer.wrap(locator, 10, 8).getLong());
        return true;
    }

    void clear() {
        entries.clear();
    }
}
