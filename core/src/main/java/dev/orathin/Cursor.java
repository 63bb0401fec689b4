package dev.orathin;

import dev.orathin.internal.sql.Response;
import dev.orathin.internal.sql.Statement;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The result of {@link OracleConnection#execute}: rows of a query (fetched in batches of
 * {@link #arraySize(int)} rows per round trip), the row count of DML, or the OUT values of a
 * PL/SQL block. Single-threaded; close it to return the parsed statement to the connection's
 * cache. Column indexes are 1-based, as in JDBC.
 *
 * <p>Default Java types: NUMBER(p,0) with p &lt;= 18 → Long, other NUMBER → BigDecimal,
 * BINARY_FLOAT → Float, BINARY_DOUBLE → Double, character types and CLOB/NCLOB → String,
 * RAW/BLOB → byte[], DATE/TIMESTAMP/TIMESTAMP WITH LOCAL TIME ZONE → LocalDateTime, TIMESTAMP
 * WITH TIME ZONE → OffsetDateTime, INTERVAL DAY TO SECOND → Duration, INTERVAL YEAR TO MONTH →
 * Period, BOOLEAN → Boolean, ROWID → String, VECTOR → float[] (FLOAT32), double[] (FLOAT64), byte[]
 * (INT8; BINARY packed eight dimensions per byte) or {@link SparseVector}, JSON →
 * {@link dev.orathin.json.JsonValue}. LOB columns are fetched inline by default (defined as LONG /
 * LONG RAW), so each value must fit in memory and below 2 GB (the LONG limit); with
 * {@link OracleConnection#fetchLobs(boolean) fetchLobs(true)} they come as {@link Blob} /
 * {@link Clob} locators that stream values of any size ({@code getString} / {@code getBytes}
 * still read a locator's value whole).
 *
 * <p>Getters take a 1-based index or a column label (case-insensitive, as JDBC). Integral getters
 * truncate toward zero and throw OTN-5043 when the value does not fit; primitive getters return 0
 * / false for NULL and {@link #wasNull()} tells. Rows can also be iterated or streamed:
 * <pre>{@code
 * try (Cursor c = conn.execute("select id, name from emp")) {
 *     c.stream().map(row -> row[1]).forEach(System.out::println);
 * }
 * }</pre>
 */
public final class Cursor implements AutoCloseable, Iterable<Object[]> {

    private static final int MAX_ROWS = 100_000;

    private final OracleConnection conn;
    private final Statement statement;
    private final List<Column> columns;
    private List<Object[]> buffer;
    private int index = -1;
    private Object[] current;
    private Object[] previousRow;
    private boolean moreRows;
    private long rowCount;
    private final Object[] outValues;
    private int arraySize;
    private boolean wasNull;
    /** The statement went back to the connection (after the last row, or on close). */
    private boolean closed;
    /** {@link #close()} was called: every further use is refused. */
    private boolean closedByUser;

    Cursor(OracleConnection conn, Statement statement, List<Column> columns, List<Object[]> firstRows, Object[] previousRow,
            boolean moreRows, long rowCount, Object[] outValues, int arraySize) {
        this.conn = conn;
        this.statement = statement;
        this.columns = columns;
        this.buffer = firstRows;
        this.previousRow = previousRow;
        this.moreRows = moreRows;
        this.rowCount = statement.text.isQuery() ? 0 : rowCount;
        this.outValues = outValues;
        this.arraySize = arraySize;
        if (!statement.text.isQuery()) {
            release();
        }
    }

    static int checkRows(int rows, int min, String what) {
        if (rows < min || rows > MAX_ROWS) {
            throw new IllegalArgumentException(what + " must be " + min + ".." + MAX_ROWS + ", was " + rows);
        }
        return rows;
    }

    /** The result columns (empty when the statement is not a query). */
    public List<Column> columns() {
        return columns;
    }

    /** True when the statement was a query. */
    public boolean isQuery() {
        return statement.text.isQuery();
    }

    /** Sets the rows fetched per round trip from now on (1..100000). */
    public Cursor arraySize(int rows) {
        this.arraySize = checkRows(rows, 1, "arraySize");
        return this;
    }

    /**
     * Sets how many rows the database returns with the execute itself. The statement has already
     * run, so this applies to the connection's later executes ({@link OracleConnection#prefetchRows(int)}).
     */
    public Cursor prefetchRows(int rows) {
        conn.prefetchRows(rows);
        return this;
    }

    /** DML: rows affected. Queries: rows returned by {@link #next()} and the fetch methods so far. */
    public long rowCount() {
        return rowCount;
    }

    /** The rows the execute itself brought (a query's prefetched rows) or changed (DML): what the call listener reports. */
    long rowsOfTheExecute() {
        return statement.text.isQuery() ? (buffer == null ? 0 : buffer.size()) : rowCount;
    }

    /**
     * Moves to the next row, fetching another batch when the buffered rows are used up.
     *
     * @return false after the last row
     */
    public boolean next() {
        ensureOpen();
        ensureQuery();
        while (true) {
            if (buffer != null && index + 1 < buffer.size()) {
                index++;
                current = buffer.get(index);
                rowCount++;
                return true;
            }
            if (!moreRows || closed) {
                current = null;
                release();
                return false;
            }
            fetchBatch(arraySize);
        }
    }

    private void fetchBatch(int rows) {
        Response r = conn.fetch(statement, rows, previousRow);
        buffer = r.rows();
        index = -1;
        previousRow = r.previousRow();
        moreRows = r.error() == null || r.error().number() != Response.ORA_NO_DATA_FOUND;
        if (buffer.isEmpty() && moreRows) {
            throw new OrathinProtocolException(CoreErrorCode.UNEXPECTED_MESSAGE, "FETCH returned no rows and no end-of-fetch (ORA-01403)");
        }
    }

    /** Up to {@code n} more rows as arrays of column values (0-based arrays), fewer at the end. */
    public List<Object[]> fetchMany(int n) {
        ensureOpen();
        ensureQuery();
        List<Object[]> out = new ArrayList<>(Math.min(n, 10_000));
        while (out.size() < n && next()) {
            out.add(current); // rows are fresh arrays per row, never reused
        }
        return out;
    }

    /** All remaining rows. */
    public List<Object[]> fetchAll() {
        return fetchMany(Integer.MAX_VALUE);
    }

    /**
     * Maps every remaining row with {@code mapper}, which reads the current row through this
     * cursor's getters (by index or label, {@link #wasNull()} included), then closes the cursor.
     *
     * <pre>{@code
     * List<Item> items = c.execute("select id, name from items").map(r -> new Item(r.getLong("ID"), r.getString("NAME")));
     * }</pre>
     */
    public <T> List<T> map(java.util.function.Function<? super Cursor, ? extends T> mapper) {
        java.util.Objects.requireNonNull(mapper, "mapper");
        try {
            List<T> out = new ArrayList<>();
            while (next()) {
                out.add(mapper.apply(this));
            }
            return out;
        } finally {
            close();
        }
    }

    /** True when the last value read was SQL NULL. */
    public boolean wasNull() {
        return wasNull;
    }

    /** The value of column {@code column} (1-based) in its default Java type, or null. */
    public Object getObject(int column) {
        ensureOpen();
        if (current == null) {
            throw state(isQuery() ? "no current row: call next() first (and check that it returned true)" : "the statement was not a query");
        }
        if (column < 1 || column > current.length) {
            throw state("column index " + column + " is out of range 1.." + current.length);
        }
        Object v = current[column - 1];
        wasNull = v == null;
        return v;
    }

    /**
     * The value converted to {@code type}: String, BigDecimal, BigInteger, Long, Integer, Short,
     * Double, Float, byte[], Boolean, LocalDateTime, LocalDate, OffsetDateTime, Instant, Duration,
     * Period, or Object.
     */
    public <T> T getObject(int column, Class<T> type) {
        return convert(getObject(column), type, column);
    }

    /**
     * The 1-based index of the column labelled {@code label} (case-insensitive; the first match).
     *
     * @throws OrathinProtocolException OTN-5044 naming the labels the query has
     */
    public int columnIndex(String label) {
        ensureOpen();
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equalsIgnoreCase(label)) {
                return i + 1;
            }
        }
        throw new OrathinProtocolException(CoreErrorCode.NO_SUCH_COLUMN, "no column labelled \"" + label + "\"; the "
                + (isQuery() ? "query has " + columns.stream().map(Column::name).toList() : "statement was not a query"));
    }

    /** The value of the column labelled {@code label} in its default Java type, or null. */
    public Object getObject(String label) {
        return getObject(columnIndex(label));
    }

    /** The value of the column labelled {@code label} converted to {@code type} (see {@link #getObject(int, Class)}). */
    public <T> T getObject(String label, Class<T> type) {
        return getObject(columnIndex(label), type);
    }

    /** The value of the column labelled {@code label} as text. */
    public String getString(String label) {
        return getString(columnIndex(label));
    }

    /** The value of the column labelled {@code label} as a BigDecimal. */
    public BigDecimal getBigDecimal(String label) {
        return getBigDecimal(columnIndex(label));
    }

    /** The value of the column labelled {@code label} as a long (truncated; 0 for NULL). */
    public long getLong(String label) {
        return getLong(columnIndex(label));
    }

    /** The value of the column labelled {@code label} as an int (truncated; 0 for NULL). */
    public int getInt(String label) {
        return getInt(columnIndex(label));
    }

    /** The value of the column labelled {@code label} as a double (0 for NULL). */
    public double getDouble(String label) {
        return getDouble(columnIndex(label));
    }

    /** The value of the column labelled {@code label} as a LocalDateTime. */
    public LocalDateTime getLocalDateTime(String label) {
        return getLocalDateTime(columnIndex(label));
    }

    /**
     * The remaining rows, one array of column values each (0-based), fetched as the iteration
     * advances. Single use, like the cursor itself.
     */
    @Override
    public Iterator<Object[]> iterator() {
        ensureOpen();
        ensureQuery();
        return new Iterator<>() {
            private Object[] ahead;

            @Override
            public boolean hasNext() {
                if (ahead == null && Cursor.this.next()) {
                    ahead = current;
                }
                return ahead != null;
            }

            @Override
            public Object[] next() {
                if (!hasNext()) {
                    throw new NoSuchElementException("no more rows");
                }
                Object[] row = ahead;
                ahead = null;
                return row;
            }
        };
    }

    /** The remaining rows as a sequential, lazily fetched stream; closing the stream closes the cursor. */
    public Stream<Object[]> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL), false)
                .onClose(this::close);
    }

    /** The value as text (numbers in plain notation, RAW as hex). */
    public String getString(int column) {
        return getObject(column, String.class);
    }

    /** The value as a BigDecimal. */
    public BigDecimal getBigDecimal(int column) {
        return getObject(column, BigDecimal.class);
    }

    /**
     * The value as a long, truncated toward zero (2.75 → 2, as ojdbc); 0 for NULL (check
     * {@link #wasNull()}).
     *
     * @throws OrathinUsageException OTN-5043 when the value is outside the long range
     */
    public long getLong(int column) {
        Long v = getObject(column, Long.class);
        return v == null ? 0 : v;
    }

    /** The value as an int, truncated toward zero; 0 for NULL; OTN-5043 when it does not fit. */
    public int getInt(int column) {
        Integer v = getObject(column, Integer.class);
        return v == null ? 0 : v;
    }

    /** The value as a short, truncated toward zero; 0 for NULL; OTN-5043 when it does not fit. */
    public short getShort(int column) {
        Short v = getObject(column, Short.class);
        return v == null ? 0 : v;
    }

    /** The value as a byte, truncated toward zero; 0 for NULL; OTN-5043 when it does not fit. */
    public byte getByte(int column) {
        Byte v = getObject(column, Byte.class);
        return v == null ? 0 : v;
    }

    /** The value as a double; 0 for NULL. */
    public double getDouble(int column) {
        Double v = getObject(column, Double.class);
        return v == null ? 0 : v;
    }

    /** The value as bytes (RAW, BLOB, LONG RAW). */
    public byte[] getBytes(int column) {
        return getObject(column, byte[].class);
    }

    /** The locator of a BLOB column (with {@link OracleConnection#fetchLobs(boolean) fetchLobs(true)}), or null. */
    public Blob getBlob(int column) {
        return getObject(column, Blob.class);
    }

    /** The locator of a CLOB / NCLOB column (with {@link OracleConnection#fetchLobs(boolean) fetchLobs(true)}), or null. */
    public Clob getClob(int column) {
        return getObject(column, Clob.class);
    }

    /** The value as a LocalDateTime (DATE, TIMESTAMP). */
    public LocalDateTime getLocalDateTime(int column) {
        return getObject(column, LocalDateTime.class);
    }

    /** The value as an OffsetDateTime (TIMESTAMP WITH TIME ZONE; others at UTC). */
    public OffsetDateTime getOffsetDateTime(int column) {
        return getObject(column, OffsetDateTime.class);
    }

    /** The value as a Boolean (BOOLEAN, or a number: 0 false, else true), null for NULL. */
    public Boolean getBoolean(int column) {
        return getObject(column, Boolean.class);
    }

    /**
     * The value of the PL/SQL OUT or IN OUT bind at {@code bindPosition} (1-based, counting the
     * statement's placeholders in order). For a DML {@code RETURNING ... INTO} bind: a
     * {@code List} with one value per row the statement changed.
     */
    public Object outValue(int bindPosition) {
        ensureOpen();
        if (!statement.text.isPlsql() && !statement.text.hasReturnBinds()) {
            throw state("outValue is for PL/SQL blocks with OutParam binds and DML with RETURNING ... INTO");
        }
        int n = statement.text.bindNames().size();
        if (bindPosition < 1 || bindPosition > n) {
            throw state("bind position " + bindPosition + " is out of range 1.." + n);
        }
        Object v = outValues == null ? null : outValues[bindPosition - 1];
        wasNull = v == null;
        return v;
    }

    /**
     * Releases the statement to the connection's cache; the server cursor stays open for reuse.
     * Idempotent. Afterwards every method except {@code close}, {@link #columns()} and
     * {@link #toString()} throws OTN-5041, even when rows were still buffered.
     */
    @Override
    public void close() {
        closedByUser = true;
        if (!closed) {
            release();
        }
    }

    /** True after {@link #close()}. */
    public boolean isClosed() {
        return closedByUser;
    }

    private void ensureOpen() {
        if (closedByUser) {
            throw state("the cursor is closed");
        }
    }

    private void release() {
        if (!closed) {
            closed = true;
            conn.release(statement);
        }
    }

    private void ensureQuery() {
        if (!isQuery()) {
            throw state("the statement was not a query (" + statement.text.kind() + "); use rowCount() or outValue()");
        }
    }

    private static OrathinProtocolException state(String what) {
        return new OrathinProtocolException(CoreErrorCode.CURSOR_STATE, what);
    }

    @SuppressWarnings("unchecked")
    private <T> T convert(Object v, Class<T> type, int column) {
        if (v == null) {
            return null;
        }
        if (type.isInstance(v)) {
            return (T) v;
        }
        if (v instanceof Lob lob && (type == String.class && lob instanceof Clob || type == byte[].class && lob instanceof Blob)) {
            return (T) lob.materialise(); // a locator read whole when text / bytes are asked for
        }
        Object out = null;
        if (v instanceof dev.orathin.json.JsonValue j && type != String.class) {
            // JSON as plain Java (Map, List, String, BigDecimal, ...) when that is what is asked for
            Object java = j.toJava();
            if (java == null || type.isInstance(java)) {
                return (T) java;
            }
            throw new OrathinUsageException(CoreErrorCode.VALUE_CONVERSION, where(column) + " holds JSON "
                    + j.getClass().getSimpleName() + ", which cannot be read as " + type.getSimpleName());
        }
        if (type == String.class) {
            // JSON as its text, vectors in Oracle's text form ([1.5,2.0]); never an array's identity string
            out = v instanceof BigDecimal d ? d.toPlainString() : v instanceof byte[] b ? HexFormat.of().withUpperCase().formatHex(b)
                    : v instanceof dev.orathin.json.JsonValue j ? j.toJson()
                    : v instanceof float[] || v instanceof double[] || v instanceof SparseVector ? new dev.orathin.json.JsonValue.JsonVector(v).toJson()
                    : v.toString();
        } else if (v instanceof Number num) {
            out = number(num, type, column);
        } else if (v instanceof Boolean b) {
            out = number(b ? 1L : 0L, type, column);
        } else if (v instanceof String s && Number.class.isAssignableFrom(type) || v instanceof String && type == BigDecimal.class) {
            BigDecimal parsed;
            try {
                parsed = new BigDecimal(((String) v).trim());
            } catch (NumberFormatException e) {
                throw new OrathinUsageException(CoreErrorCode.VALUE_CONVERSION, where(column) + " holds text that is not a number, so it"
                        + " cannot be read as " + type.getSimpleName());
            }
            out = number(parsed, type, column);
        } else if (v instanceof LocalDateTime t) {
            if (type == LocalDate.class) {
                out = t.toLocalDate();
            } else if (type == OffsetDateTime.class) {
                out = t.atOffset(ZoneOffset.UTC);
            } else if (type == Instant.class) {
                out = t.toInstant(ZoneOffset.UTC);
            }
        } else if (v instanceof OffsetDateTime t) {
            if (type == LocalDateTime.class) {
                out = t.toLocalDateTime();
            } else if (type == Instant.class) {
                out = t.toInstant();
            } else if (type == LocalDate.class) {
                out = t.toLocalDate();
            }
        }
        if (out == null && type == Object.class) {
            out = v;
        }
        if (out == null) {
            throw new OrathinUsageException(CoreErrorCode.VALUE_CONVERSION, where(column) + " holds a " + v.getClass().getSimpleName()
                    + " which cannot be read as " + type.getSimpleName());
        }
        return (T) out;
    }

    /** "column 2 (PRICE, NUMBER)": the index and, for queries, the label and type. */
    private String where(int column) {
        Column c = column >= 1 && column <= columns.size() ? columns.get(column - 1) : null;
        return "column " + column + (c == null ? "" : " (" + c.name() + ", " + c.type() + ")");
    }

    /** Integral types truncate toward zero (ojdbc's rule) and must fit; others convert as Java does. */
    private Object number(Number n, Class<?> type, int column) {
        boolean floating = n instanceof Double || n instanceof Float;
        if (floating && (Double.isNaN(n.doubleValue()) || Double.isInfinite(n.doubleValue())) && type != Double.class
                && type != Float.class && type != Boolean.class) {
            throw new OrathinUsageException(CoreErrorCode.NUMERIC_OVERFLOW, where(column) + " holds " + n + ", which has no "
                    + type.getSimpleName() + " value; read it as Double");
        }
        if (floating && (type == Double.class || type == Float.class || type == Boolean.class)) {
            return type == Double.class ? (Object) n.doubleValue() : type == Float.class ? (Object) n.floatValue()
                    : (Object) (n.doubleValue() != 0);
        }
        BigDecimal d = n instanceof BigDecimal b ? b : floating ? BigDecimal.valueOf(n.doubleValue()) : BigDecimal.valueOf(n.longValue());
        if (type == BigDecimal.class) {
            return d;
        }
        long min;
        long max;
        if (type == Long.class) {
            min = Long.MIN_VALUE;
            max = Long.MAX_VALUE;
        } else if (type == Integer.class) {
            min = Integer.MIN_VALUE;
            max = Integer.MAX_VALUE;
        } else if (type == Short.class) {
            min = Short.MIN_VALUE;
            max = Short.MAX_VALUE;
        } else if (type == Byte.class) {
            min = Byte.MIN_VALUE;
            max = Byte.MAX_VALUE;
        } else if (type == BigInteger.class) {
            return d.setScale(0, RoundingMode.DOWN).toBigInteger();
        } else {
            min = 0;
            max = -1; // not integral
        }
        if (min <= max) {
            BigDecimal t = d.setScale(0, RoundingMode.DOWN);
            if (t.compareTo(BigDecimal.valueOf(min)) < 0 || t.compareTo(BigDecimal.valueOf(max)) > 0) {
                String shown = d.toString();
                throw new OrathinUsageException(CoreErrorCode.NUMERIC_OVERFLOW, where(column) + ": value "
                        + (shown.length() > 60 ? shown.substring(0, 57) + "..." : shown) + " is outside the range of " + type.getSimpleName()
                        + " (" + min + ".." + max + "); read it as BigDecimal or a wider type");
            }
            long x = t.longValue();
            return type == Long.class ? (Object) x : type == Integer.class ? (Object) (int) x : type == Short.class ? (Object) (short) x
                    : (Object) (byte) x;
        }
        if (type == Double.class || type == double.class) {
            return n.doubleValue();
        }
        if (type == Float.class || type == float.class) {
            return n.floatValue();
        }
        if (type == Boolean.class) {
            return d.signum() != 0;
        }
        return null;
    }

    @Override
    public String toString() {
        return "Cursor[" + statement.text.kind() + ", columns=" + columns.size() + ", rowCount=" + rowCount + (closed ? ", closed" : "") + "]";
    }
}
