package dev.orathin;

import dev.orathin.internal.lob.LobEncoding;
import dev.orathin.internal.lob.LobOp;
import dev.orathin.internal.ttc.Capabilities;

/**
 * A LOB locator: a reference to a CLOB, NCLOB or BLOB value held by the database, read and written
 * piece by piece with LOB operations (TTC function 96) instead of being fetched whole. A
 * {@link Blob} counts bytes; a {@link Clob} (CLOB or NCLOB) counts characters as Oracle does, in
 * UTF-16 code units (a supplementary character is two). Offsets are 1-based, as in SQL and JDBC.
 *
 * <p>Locators come from queries when {@link OracleConnection#fetchLobs(boolean)} is on, or are
 * created empty with {@link OracleConnection#createBlob()} / {@link OracleConnection#createClob()}
 * / {@link OracleConnection#createNClob()} (temporary LOBs, freed with {@link #free()} or at the
 * end of the session). Both kinds bind as values. A locator belongs to its connection and is used
 * from one thread at a time; each operation is one round trip, serialised with the connection's
 * other calls. A locator from a query stays valid while the session lasts (read-consistent with
 * the query); writing to one needs a row locked for update, as with any Oracle client.
 */
public abstract sealed class Lob permits Blob, Clob {

    /** Bytes asked for per read round trip, rounded down to whole chunks (at least one chunk). */
    static final int STREAM_BUFFER = 64 * 1024;

    final OracleConnection connection;
    final OracleType type;
    byte[] locator;
    private long length;
    private int chunkSize;
    private boolean freed;

    Lob(OracleConnection connection, OracleType type, byte[] locator, long length, int chunkSize) {
        this.connection = connection;
        this.type = type;
        this.locator = locator;
        this.length = length;
        this.chunkSize = chunkSize;
    }

    /** {@link OracleType#BLOB}, {@link OracleType#CLOB} or {@link OracleType#NCLOB}. */
    public OracleType type() {
        return type;
    }

    /** The length: bytes for a BLOB, characters (UTF-16 code units) for a CLOB / NCLOB. */
    public long length() {
        ensureUsable();
        if (length < 0) {
            length = call(LobOp.length(caps(), locator)).amount();
        }
        return length;
    }

    /** The LOB's chunk size in bytes: reads and writes of whole chunks are the most efficient. */
    public int chunkSize() {
        ensureUsable();
        if (chunkSize <= 0) {
            chunkSize = (int) call(LobOp.chunkSize(caps(), locator)).amount();
        }
        return chunkSize;
    }

    /**
     * Cuts the LOB to {@code newLength} bytes / characters.
     *
     * @throws OrathinUsageException OTN-5045 when {@code newLength} is negative
     */
    public void trim(long newLength) {
        if (newLength < 0) {
            throw usage("trim(" + newLength + "): the new length must be 0 or more");
        }
        call(LobOp.trim(caps(), locator, newLength));
        length = -1;
    }

    /** Opens the LOB read/write: until {@link #close()}, index maintenance and triggers wait (Oracle's LOB open). */
    public void open() {
        call(LobOp.open(caps(), locator));
    }

    /** Closes a LOB opened with {@link #open()}. */
    public void close() {
        call(LobOp.close(caps(), locator));
    }

    /** True while the LOB is open (see {@link #open()}). */
    public boolean isOpen() {
        return call(LobOp.isOpen(caps(), locator)).flag();
    }

    /** True for a temporary LOB (created by the client or by SQL such as {@code TO_CLOB}). */
    public boolean isTemporary() {
        return LobEncoding.isTemporary(locator);
    }

    /**
     * Frees a temporary LOB on the server now (otherwise at the end of the session); for other
     * LOBs it only makes this object unusable. Idempotent.
     */
    public void free() {
        if (freed) {
            return;
        }
        if (isTemporary() && !connection.isClosed()) {
            call(LobOp.freeTemporary(caps(), locator));
        }
        freed = true;
    }

    /** The value of a fetched locator: a Blob for BLOB columns, a Clob for CLOB / NCLOB. */
    static Lob of(OracleConnection connection, dev.orathin.internal.sql.ColumnInfo column, byte[] locator, long length, int chunkSize) {
        if (column.typeNumber() == 113) {
            return new Blob(connection, locator, length, chunkSize);
        }
        return new Clob(connection, column.charsetForm() == 2 ? OracleType.NCLOB : OracleType.CLOB, locator, length, chunkSize);
    }

    /** Creates a temporary LOB of {@code type} (BLOB, CLOB or NCLOB) on the server. */
    static Lob createTemporary(OracleConnection connection, OracleType type) {
        int typeNumber = type == OracleType.BLOB ? 113 : 112;
        int form = type == OracleType.BLOB ? 0 : type == OracleType.NCLOB ? 2 : 1;
        byte[] locator = connection.lobCall(LobOp.createTemporary(connection.capabilities(), typeNumber, form)).locator();
        return type == OracleType.BLOB ? new Blob(connection, locator, 0, 0) : new Clob(connection, type, locator, 0, 0);
    }

    /**
     * The bind of a LOB-like value, or null for other values: a {@link Lob} binds its locator; an
     * {@link java.io.InputStream} / {@link java.io.Reader} is copied into a new temporary BLOB /
     * CLOB chunk by chunk (the heap holds one chunk), which {@code temps} collects to be freed
     * when the call ends.
     */
    static dev.orathin.internal.sql.BindValue bindValue(OracleConnection connection, Object v, java.util.List<Lob> temps, String where) {
        Lob lob;
        if (v instanceof Lob l) {
            if (l.connection != connection) {
                throw new OrathinUsageException(CoreErrorCode.BIND_ERROR, "bind " + where + ": the " + l.type + " belongs to another"
                        + " connection; a locator is valid only in its own session");
            }
            lob = l;
        } else if (v instanceof java.io.InputStream in) {
            lob = createTemporary(connection, OracleType.BLOB);
            temps.add(lob);
            copy(() -> {
                try (java.io.OutputStream o = ((Blob) lob).outputStream(1)) {
                    in.transferTo(o);
                }
                return 0L;
            }, where);
        } else if (v instanceof java.io.Reader reader) {
            lob = createTemporary(connection, OracleType.CLOB);
            temps.add(lob);
            copy(() -> {
                try (java.io.Writer w = ((Clob) lob).writer(1)) {
                    reader.transferTo(w);
                }
                return 0L;
            }, where);
        } else {
            return null;
        }
        int form = lob.type == OracleType.BLOB ? 0 : lob.type == OracleType.NCLOB ? 2 : 1;
        return dev.orathin.internal.sql.BindValue.lobLocator(lob.type == OracleType.BLOB ? 113 : 112, form, lob.locator());
    }

    private interface Copy {
        long run() throws java.io.IOException;
    }

    private static void copy(Copy c, String where) {
        try {
            c.run();
        } catch (java.io.IOException e) {
            throw new OrathinUsageException(CoreErrorCode.BIND_ERROR, "bind " + where + ": reading the stream failed ("
                    + e.getClass().getSimpleName() + ")", e);
        }
    }

    /** Frees the temporary LOBs and empties the list; a failure to free one is not the caller's failure. */
    static void freeAll(java.util.List<Lob> temps) {
        for (Lob l : temps) {
            try {
                l.free();
            } catch (RuntimeException ignored) {
                // the session ends them at logoff anyway
            }
        }
        temps.clear();
    }

    /** The locator bytes (for binding). */
    byte[] locator() {
        ensureUsable();
        return locator;
    }

    /** Whole chunks of about {@link #STREAM_BUFFER} bytes: the amount a stream asks for per round trip. */
    int streamAmount(int bytesPerUnit) {
        int chunk = Math.max(1, chunkSize());
        int chunks = Math.max(1, STREAM_BUFFER / chunk);
        return Math.max(1, chunks * chunk / bytesPerUnit);
    }

    /** The whole value (a String or byte[]); for the cursor's getString / getBytes. */
    abstract Object materialise();

    LobOp call(LobOp op) {
        ensureUsable();
        LobOp done = connection.lobCall(op);
        locator = done.locator();
        return done;
    }

    void lengthChanged() {
        length = -1;
    }

    Capabilities caps() {
        return connection.capabilities();
    }

    void ensureUsable() {
        if (freed) {
            throw usage("the " + type + " was freed");
        }
    }

    static void checkRange(long offset, long amount, String what) {
        if (offset < 1) {
            throw usage(what + ": offset " + offset + " (LOB offsets start at 1)");
        }
        if (amount < 0) {
            throw usage(what + ": amount " + amount + " (must be 0 or more)");
        }
    }

    static OrathinUsageException usage(String detail) {
        return new OrathinUsageException(CoreErrorCode.LOB_STATE, detail);
    }

    @Override
    public String toString() {
        return type + "[" + (freed ? "freed" : isTemporary() ? "temporary" : "locator") + "]";
    }
}
