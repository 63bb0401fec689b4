package dev.orathin.testkit.internal.ttcserver;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;

/**
 * LOB values a session has handed out locators for, so that LOB operations (length, read) can
 * serve them. A testkit locator is 40 bytes: a marker, the kind, and a per-session number.
 */
final class LobStore {

    private static final int LOCATOR_LENGTH = 40;
    /** The chunk size reported for every LOB (a typical 8 KB block less overhead). */
    static final int CHUNK_SIZE = 8132;
    private final Map<Long, byte[]> values = new HashMap<>();
    private final Map<Long, Boolean> character = new HashMap<>();
    private long next = 1;

    byte[] locator(byte[] value, boolean clob) {
        long id = next++;
        values.put(id, value);
        character.put(id, clob);
        ByteBuffer b = ByteBuffer.allocate(LOCATOR_LENGTH);
        b.put((byte) 0).put((byte) 0x54).put((byte) 0x4B).put((byte) (clob ? 'C' : 'B')).putLong(id);
        return b.array();
    }

    /** The value a locator names, or {@code null}. */
    byte[] value(byte[] locator) {
        return locator == null || locator.length < 12 ? null : values.get(ByteBuffer.wrap(locator, 4, 8).getLong());
    }

    boolean isCharacter(byte[] locator) {
        return locator != null && locator.length >= 4 && locator[3] == 'C';
    }

    void clear() {
        values.clear();
        character.clear();
    }
}
