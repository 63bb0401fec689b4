package dev.orathin.jdbc.internal;

import dev.orathin.OracleType;
import dev.orathin.OutParam;
import dev.orathin.errors.OrathinException;
import dev.orathin.jdbc.JdbcErrorCode;
import java.math.BigDecimal;
import java.sql.CallableStatement;
import java.sql.Date;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.Calendar;
import java.util.Map;

/** {@link CallableStatement}: {@code registerOutParameter} turns a bind into an {@link OutParam}; getters read its value. */
final class JdbcCallableStatement extends CallableStatementDefaults implements Values.Place {

    private Object lastOut;

    JdbcCallableStatement(JdbcConnection conn, String sql) {
        super(conn, sql, true);
    }

    @Override
    public String describe(int index) {
        return "OUT parameter " + index;
    }

    @Override
    public void registerOutParameter(int i, int sqlType) throws SQLException {
        checkOpen();
        int at = index(i);
        OracleType type = oracleType(sqlType);
        Object in = binds[at];
        if (in instanceof BigDecimal d && (type == OracleType.BINARY_DOUBLE || type == OracleType.BINARY_FLOAT)) {
            // setDouble binds NUMBER (as ojdbc); an IN OUT BINARY_DOUBLE / FLOAT sends its IN value in the OUT type
            in = type == OracleType.BINARY_DOUBLE ? (Object) d.doubleValue() : (Object) d.floatValue();
        }
        binds[at] = in == Values.UNSET || in instanceof OutParam ? OutParam.of(type) : OutParam.inOut(type, in);
    }

    @Override
    public void registerOutParameter(int i, int sqlType, int scale) throws SQLException {
        registerOutParameter(i, sqlType);
    }

    @Override
    public void registerOutParameter(int i, int sqlType, String typeName) throws SQLException {
        registerOutParameter(i, sqlType);
    }

    @Override
    public boolean wasNull() throws SQLException {
        checkOpen();
        return lastOut == null;
    }

    /** The OUT value at {@code i}, remembered for {@link #wasNull()}. */
    private Object out(int i) throws SQLException {
        checkOpen();
        if (cursor == null) {
            throw Errors.error(JdbcErrorCode.FUNCTION_SEQUENCE, "no OUT values: the statement has not been executed");
        }
        try {
            lastOut = cursor.outValue(i);
        } catch (OrathinException e) {
            throw Errors.translate(e);
        }
        return lastOut;
    }

    @Override
    public String getString(int i) throws SQLException {
        return Values.string(out(i));
    }

    @Override
    public String getNString(int i) throws SQLException {
        return Values.string(out(i));
    }

    @Override
    public boolean getBoolean(int i) throws SQLException {
        return Values.bool(out(i), this, i);
    }

    @Override
    public byte getByte(int i) throws SQLException {
        return (byte) Values.integral(out(i), Byte.MIN_VALUE, Byte.MAX_VALUE, "byte", this, i);
    }

    @Override
    public short getShort(int i) throws SQLException {
        return (short) Values.integral(out(i), Short.MIN_VALUE, Short.MAX_VALUE, "short", this, i);
    }

    @Override
    public int getInt(int i) throws SQLException {
        return (int) Values.integral(out(i), Integer.MIN_VALUE, Integer.MAX_VALUE, "int", this, i);
    }

    @Override
    public long getLong(int i) throws SQLException {
        return Values.integral(out(i), Long.MIN_VALUE, Long.MAX_VALUE, "long", this, i);
    }

    @Override
    public float getFloat(int i) throws SQLException {
        return Values.toFloat(out(i), this, i);
    }

    @Override
    public double getDouble(int i) throws SQLException {
        return Values.toDouble(out(i), this, i);
    }

    @Override
    public BigDecimal getBigDecimal(int i) throws SQLException {
        return Values.bigDecimal(out(i), this, i);
    }

    @Override
    @SuppressWarnings("deprecation")
    public BigDecimal getBigDecimal(int i, int scale) throws SQLException {
        return Values.bigDecimal(out(i), this, i);
    }

    @Override
    public byte[] getBytes(int i) throws SQLException {
        return (byte[]) Values.convert(out(i), "getBytes", null, describe(i));
    }

    @Override
    public Date getDate(int i) throws SQLException {
        return Values.date(out(i), this, i);
    }

    @Override
    public Date getDate(int i, Calendar cal) throws SQLException {
        return getDate(i);
    }

    @Override
    public Time getTime(int i) throws SQLException {
        return Values.time(out(i), this, i);
    }

    @Override
    public Time getTime(int i, Calendar cal) throws SQLException {
        return getTime(i);
    }

    @Override
    public Timestamp getTimestamp(int i) throws SQLException {
        return Values.timestamp(out(i), this, i);
    }

    @Override
    public Timestamp getTimestamp(int i, Calendar cal) throws SQLException {
        return getTimestamp(i);
    }

    @Override
    public Object getObject(int i) throws SQLException {
        return Values.jdbcObject(out(i));
    }

    @Override
    public Object getObject(int i, Map<String, Class<?>> map) throws SQLException {
        return getObject(i);
    }

    @Override
    public <T> T getObject(int i, Class<T> type) throws SQLException {
        Object v = out(i);
        @SuppressWarnings("unchecked")
        T t = (T) Values.convert(v, "getObject", type, describe(i));
        return t;
    }

    /** The Oracle type for an OUT parameter's JDBC type. */
    static OracleType oracleType(int sqlType) throws SQLException {
        switch (sqlType) {
            case Types.NUMERIC:
            case Types.DECIMAL:
            case Types.INTEGER:
            case Types.BIGINT:
            case Types.SMALLINT:
            case Types.TINYINT:
                return OracleType.NUMBER;
            case Types.DOUBLE:
            case Types.FLOAT:
                return OracleType.BINARY_DOUBLE;
            case Types.REAL:
                return OracleType.BINARY_FLOAT;
            case Types.VARCHAR:
            case Types.CHAR:
            case Types.LONGVARCHAR:
                return OracleType.VARCHAR2;
            case Types.NVARCHAR:
            case Types.NCHAR:
                return OracleType.NVARCHAR2;
            case Types.DATE:
                return OracleType.DATE;
            case Types.TIMESTAMP:
                return OracleType.TIMESTAMP;
            case Types.TIMESTAMP_WITH_TIMEZONE:
                return OracleType.TIMESTAMP_TZ;
            case Types.VARBINARY:
            case Types.BINARY:
                return OracleType.RAW;
            case Types.BOOLEAN:
            case Types.BIT:
                return OracleType.BOOLEAN;
            default:
                throw Errors.notSupported("OUT parameters of JDBC type " + sqlType);
        }
    }
}
