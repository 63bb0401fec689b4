package dev.orathin.jdbc.internal;

import dev.orathin.Column;
import dev.orathin.Cursor;
import dev.orathin.errors.OrathinException;
import dev.orathin.jdbc.JdbcErrorCode;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A forward-only, read-only {@link ResultSet} over a {@link Cursor}. Each getter reads the
 * cursor's decoded value and converts it with {@link Values}' typed methods: no reflection, no
 * argument arrays, and primitive getters return without boxing.
 */
final class JdbcResultSet extends LobResultSet implements Values.Place {

    private final RowSource cursor;
    private final Statement statement;
    private final long maxRows;
    private final List<Column> columns;
    private final int columnCount;
    private long row;
    private boolean afterLast;
    private boolean wasNull;
    private boolean closed;

    JdbcResultSet(Cursor cursor, Statement statement, long maxRows) {
        this(RowSource.of(cursor), statement, maxRows);
    }

    JdbcResultSet(RowSource cursor, Statement statement, long maxRows) {
        this.cursor = cursor;
        this.statement = statement;
        this.maxRows = maxRows;
        this.columns = cursor.columns();
        this.columnCount = columns.size();
    }

    @Override
    Object typeName(int i) {
        return columns.get(i - 1).type();
    }

    @Override
    public String describe(int index) {
        return "column " + index + " (" + columns.get(index - 1).name() + ")";
    }

    private void checkOpen() throws SQLException {
        if (closed) {
            throw Errors.error(JdbcErrorCode.OBJECT_CLOSED, "the result set is closed");
        }
    }

    @Override
    SQLException unsupported(String method) throws SQLException {
        checkOpen();
        return super.unsupported(method);
    }

    @Override
    Object wrapped() {
        return cursor.wrapped();
    }

    @Override
    public void close() {
        if (!closed) {
            cursor.close();
            closed = true;
            if (statement instanceof JdbcStatement s && s.closeOnCompletion) {
                s.close();
            }
        }
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public boolean next() throws SQLException {
        checkOpen();
        try {
            if (afterLast || maxRows > 0 && row >= maxRows || !cursor.next()) {
                afterLast = true;
                return false;
            }
        } catch (OrathinException e) {
            throw Errors.translate(e);
        }
        row++;
        return true;
    }

    /**
     * The value of column {@code i} on the current row, remembered for {@link #wasNull()}: the
     * closed, current-row and index checks of every getter.
     */
    @Override
    Object value(int i) throws SQLException {
        Object v = rawValue(i);
        if (v instanceof dev.orathin.Lob) {
            // LOB columns come as locators (see jdbc/README "LOBs"): getString / getBytes / getObject(i, String.class) read them whole
            try {
                v = v instanceof dev.orathin.Clob c ? c.string() : ((dev.orathin.Blob) v).bytes();
            } catch (OrathinException e) {
                throw Errors.translate(e);
            }
        }
        return v;
    }

    /** The value as the cursor holds it: LOB columns as orathin locators. */
    @Override
    Object rawValue(int i) throws SQLException {
        checkOpen();
        if (row == 0 || afterLast) {
            throw Errors.error(JdbcErrorCode.NO_CURRENT_ROW, "no current row (call next() first and check that it returned true)");
        }
        if (i < 1 || i > columnCount) {
            throw Errors.error(JdbcErrorCode.INDEX_OUT_OF_RANGE, "column index " + i + " is out of range 1.." + columnCount);
        }
        Object v;
        try {
            v = cursor.getObject(i);
        } catch (OrathinException e) {
            throw Errors.translate(e);
        }
        wasNull = v == null;
        return v;
    }

    @Override
    public boolean wasNull() throws SQLException {
        checkOpen();
        return wasNull;
    }

    @Override
    public int findColumn(String label) throws SQLException {
        checkOpen();
        for (int i = 0; i < columnCount; i++) {
            if (columns.get(i).name().equalsIgnoreCase(label)) {
                return i + 1;
            }
        }
        throw Errors.error(JdbcErrorCode.NO_SUCH_COLUMN, "no column named " + label + " (columns: "
                + columns.stream().map(Column::name).toList() + ")");
    }

    @Override
    public String getString(int i) throws SQLException {
        return Values.string(value(i));
    }

    @Override
    public String getNString(int i) throws SQLException {
        return Values.string(value(i));
    }

    @Override
    public boolean getBoolean(int i) throws SQLException {
        return Values.bool(value(i), this, i);
    }

    @Override
    public byte getByte(int i) throws SQLException {
        return (byte) Values.integral(value(i), Byte.MIN_VALUE, Byte.MAX_VALUE, "byte", this, i);
    }

    @Override
    public short getShort(int i) throws SQLException {
        return (short) Values.integral(value(i), Short.MIN_VALUE, Short.MAX_VALUE, "short", this, i);
    }

    @Override
    public int getInt(int i) throws SQLException {
        return (int) Values.integral(value(i), Integer.MIN_VALUE, Integer.MAX_VALUE, "int", this, i);
    }

    @Override
    public long getLong(int i) throws SQLException {
        return Values.integral(value(i), Long.MIN_VALUE, Long.MAX_VALUE, "long", this, i);
    }

    @Override
    public float getFloat(int i) throws SQLException {
        return Values.toFloat(value(i), this, i);
    }

    @Override
    public double getDouble(int i) throws SQLException {
        return Values.toDouble(value(i), this, i);
    }

    @Override
    public BigDecimal getBigDecimal(int i) throws SQLException {
        return Values.bigDecimal(value(i), this, i);
    }

    @Override
    @Deprecated
    public BigDecimal getBigDecimal(int i, int scale) throws SQLException {
        throw unsupported("ResultSet.getBigDecimal(int, int) (deprecated)");
    }

    @Override
    public byte[] getBytes(int i) throws SQLException {
        return (byte[]) Values.convert(value(i), "getBytes", null, null);
    }

    @Override
    public Date getDate(int i) throws SQLException {
        return Values.date(value(i), this, i);
    }

    @Override
    public Date getDate(int i, Calendar cal) throws SQLException {
        return getDate(i);
    }

    @Override
    public Time getTime(int i) throws SQLException {
        return Values.time(value(i), this, i);
    }

    @Override
    public Time getTime(int i, Calendar cal) throws SQLException {
        return getTime(i);
    }

    @Override
    public Timestamp getTimestamp(int i) throws SQLException {
        return Values.timestamp(value(i), this, i);
    }

    @Override
    public Timestamp getTimestamp(int i, Calendar cal) throws SQLException {
        return getTimestamp(i);
    }

    @Override
    public Object getObject(int i) throws SQLException {
        Object v = rawValue(i);
        if (v instanceof dev.orathin.Lob lob) {
            return wrap(lob); // as ojdbc: a CLOB column's getObject is a java.sql.Clob
        }
        return Values.jdbcObject(v);
    }


    @Override
    public Object getObject(int i, Map<String, Class<?>> map) throws SQLException {
        return getObject(i);
    }

    @Override
    public <T> T getObject(int i, Class<T> type) throws SQLException {
        if (type == java.sql.Blob.class) {
            return type.cast(getBlob(i));
        }
        if (type == java.sql.Clob.class || type == java.sql.NClob.class) {
            return type.cast(getNClob(i));
        }
        Object v = value(i);
        @SuppressWarnings("unchecked")
        T t = (T) Values.convert(v, "getObject", type, describe(i));
        return t;
    }

    // By label: findColumn, then the index getter.

    @Override
    public String getString(String label) throws SQLException {
        return getString(findColumn(label));
    }

    @Override
    public String getNString(String label) throws SQLException {
        return getNString(findColumn(label));
    }

    @Override
    public boolean getBoolean(String label) throws SQLException {
        return getBoolean(findColumn(label));
    }

    @Override
    public byte getByte(String label) throws SQLException {
        return getByte(findColumn(label));
    }

    @Override
    public short getShort(String label) throws SQLException {
        return getShort(findColumn(label));
    }

    @Override
    public int getInt(String label) throws SQLException {
        return getInt(findColumn(label));
    }

    @Override
    public long getLong(String label) throws SQLException {
        return getLong(findColumn(label));
    }

    @Override
    public float getFloat(String label) throws SQLException {
        return getFloat(findColumn(label));
    }

    @Override
    public double getDouble(String label) throws SQLException {
        return getDouble(findColumn(label));
    }

    @Override
    public BigDecimal getBigDecimal(String label) throws SQLException {
        return getBigDecimal(findColumn(label));
    }

    @Override
    @Deprecated
    public BigDecimal getBigDecimal(String label, int scale) throws SQLException {
        throw unsupported("ResultSet.getBigDecimal(String, int) (deprecated)");
    }

    @Override
    public byte[] getBytes(String label) throws SQLException {
        return getBytes(findColumn(label));
    }

    @Override
    public Date getDate(String label) throws SQLException {
        return getDate(findColumn(label));
    }

    @Override
    public Date getDate(String label, Calendar cal) throws SQLException {
        return getDate(findColumn(label));
    }

    @Override
    public Time getTime(String label) throws SQLException {
        return getTime(findColumn(label));
    }

    @Override
    public Time getTime(String label, Calendar cal) throws SQLException {
        return getTime(findColumn(label));
    }

    @Override
    public Timestamp getTimestamp(String label) throws SQLException {
        return getTimestamp(findColumn(label));
    }

    @Override
    public Timestamp getTimestamp(String label, Calendar cal) throws SQLException {
        return getTimestamp(findColumn(label));
    }

    @Override
    public Object getObject(String label) throws SQLException {
        return getObject(findColumn(label));
    }

    @Override
    public Object getObject(String label, Map<String, Class<?>> map) throws SQLException {
        return getObject(findColumn(label));
    }

    @Override
    public <T> T getObject(String label, Class<T> type) throws SQLException {
        return getObject(findColumn(label), type);
    }

    @Override
    public ResultSetMetaData getMetaData() throws SQLException {
        checkOpen();
        return new JdbcResultSetMetaData(columns);
    }

    @Override
    public Statement getStatement() throws SQLException {
        checkOpen();
        return statement;
    }

    @Override
    public int getRow() throws SQLException {
        checkOpen();
        return afterLast ? 0 : (int) row;
    }

    @Override
    public boolean isBeforeFirst() throws SQLException {
        checkOpen();
        return row == 0 && !afterLast;
    }

    @Override
    public boolean isAfterLast() throws SQLException {
        checkOpen();
        return afterLast;
    }

    @Override
    public boolean isFirst() throws SQLException {
        checkOpen();
        return row == 1 && !afterLast;
    }

    @Override
    public int getType() throws SQLException {
        checkOpen();
        return ResultSet.TYPE_FORWARD_ONLY;
    }

    @Override
    public int getConcurrency() throws SQLException {
        checkOpen();
        return ResultSet.CONCUR_READ_ONLY;
    }

    @Override
    public int getHoldability() throws SQLException {
        checkOpen();
        return ResultSet.CLOSE_CURSORS_AT_COMMIT;
    }

    @Override
    public int getFetchDirection() throws SQLException {
        checkOpen();
        return ResultSet.FETCH_FORWARD;
    }

    @Override
    public void setFetchSize(int rows) throws SQLException {
        checkOpen();
        if (rows > 0) {
            cursor.arraySize(rows);
        }
    }

    @Override
    public int getFetchSize() throws SQLException {
        checkOpen();
        return 0;
    }

    @Override
    public SQLWarning getWarnings() throws SQLException {
        checkOpen();
        return null;
    }

    @Override
    public void clearWarnings() throws SQLException {
        checkOpen();
    }

    @Override
    public String toString() {
        return "ResultSet" + columns.stream().map(c -> c.name().toLowerCase(Locale.ROOT)).toList();
    }
}
