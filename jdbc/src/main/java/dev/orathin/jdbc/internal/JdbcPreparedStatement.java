package dev.orathin.jdbc.internal;

import dev.orathin.jdbc.JdbcErrorCode;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLType;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.Calendar;

/**
 * {@link PreparedStatement}: positional binds kept as core values ({@link Values#toBind}) until
 * execute. The Calendar variants bind the value as given, as before (the zone is not applied).
 */
class JdbcPreparedStatement extends PreparedStatementDefaults {

    JdbcPreparedStatement(JdbcConnection conn, String sql) {
        super(conn, sql, false);
    }

    JdbcPreparedStatement(JdbcConnection conn, String sql, boolean callable) {
        super(conn, sql, callable);
    }

    final int index(int parameterIndex) throws SQLException {
        if (parameterIndex < 1 || parameterIndex > binds.length) {
            throw Errors.error(JdbcErrorCode.INDEX_OUT_OF_RANGE, "parameter index " + parameterIndex + " is out of range 1.." + binds.length);
        }
        return parameterIndex - 1;
    }

    private void bind(int parameterIndex, Object value) throws SQLException {
        checkOpen();
        binds[index(parameterIndex)] = Values.toBind(value);
    }

    @Override
    public ResultSet executeQuery() throws SQLException {
        return query(sql, binds);
    }

    @Override
    public int executeUpdate() throws SQLException {
        return (int) update(sql, binds);
    }

    @Override
    public long executeLargeUpdate() throws SQLException {
        return update(sql, binds);
    }

    @Override
    public boolean execute() throws SQLException {
        return execute(sql, binds);
    }

    @Override
    public java.sql.ParameterMetaData getParameterMetaData() throws SQLException {
        checkOpen();
        return new JdbcParameterMetaData(binds.length);
    }

    @Override
    public void addBatch() throws SQLException {
        addBatchRow();
    }

    @Override
    public void clearParameters() throws SQLException {
        checkOpen();
        Arrays.fill(binds, Values.UNSET);
    }

    @Override
    public void setNull(int i, int sqlType) throws SQLException {
        checkOpen();
        binds[index(i)] = null;
    }

    @Override
    public void setNull(int i, int sqlType, String typeName) throws SQLException {
        setNull(i, sqlType);
    }

    @Override
    public void setBoolean(int i, boolean x) throws SQLException {
        bind(i, x);
    }

    @Override
    public void setByte(int i, byte x) throws SQLException {
        bind(i, x);
    }

    @Override
    public void setShort(int i, short x) throws SQLException {
        bind(i, x);
    }

    @Override
    public void setInt(int i, int x) throws SQLException {
        bind(i, x);
    }

    @Override
    public void setLong(int i, long x) throws SQLException {
        bind(i, x);
    }

    @Override
    public void setFloat(int i, float x) throws SQLException {
        bind(i, x);
    }

    @Override
    public void setDouble(int i, double x) throws SQLException {
        bind(i, x);
    }

    @Override
    public void setBigDecimal(int i, BigDecimal x) throws SQLException {
        bind(i, x);
    }

    @Override
    public void setString(int i, String x) throws SQLException {
        bind(i, x);
    }

    @Override
    public void setNString(int i, String x) throws SQLException {
        bind(i, x);
    }

    // LOBs and streams: a Blob / Clob binds its locator; a stream is copied into a temporary LOB chunk by chunk
    // when the statement runs (core OracleConnection binds InputStream / Reader so), then freed.

    @Override
    public void setBlob(int i, java.sql.Blob x) throws SQLException {
        bind(i, x);
    }

    @Override
    public void setBlob(int i, java.io.InputStream x) throws SQLException {
        bind(i, x);
    }

    @Override
    public void setBlob(int i, java.io.InputStream x, long length) throws SQLException {
        bind(i, x == null ? null : JdbcLobs.limit(x, length, "setBlob"));
    }

    @Override
    public void setBinaryStream(int i, java.io.InputStream x) throws SQLException {
        bind(i, x);
    }

    @Override
    public void setBinaryStream(int i, java.io.InputStream x, int length) throws SQLException {
        setBinaryStream(i, x, (long) length);
    }

    @Override
    public void setBinaryStream(int i, java.io.InputStream x, long length) throws SQLException {
        bind(i, x == null ? null : JdbcLobs.limit(x, length, "setBinaryStream"));
    }

    @Override
    public void setClob(int i, java.sql.Clob x) throws SQLException {
        bind(i, x);
    }

    @Override
    public void setClob(int i, java.io.Reader x) throws SQLException {
        bind(i, x);
    }

    @Override
    public void setClob(int i, java.io.Reader x, long length) throws SQLException {
        bind(i, x == null ? null : JdbcLobs.limit(x, length, "setClob"));
    }

    @Override
    public void setNClob(int i, java.sql.NClob x) throws SQLException {
        bind(i, x);
    }

    @Override
    public void setNClob(int i, java.io.Reader x) throws SQLException {
        bind(i, x);
    }

    @Override
    public void setNClob(int i, java.io.Reader x, long length) throws SQLException {
        bind(i, x == null ? null : JdbcLobs.limit(x, length, "setNClob"));
    }

    @Override
    public void setCharacterStream(int i, java.io.Reader x) throws SQLException {
        bind(i, x);
    }

    @Override
    public void setCharacterStream(int i, java.io.Reader x, int length) throws SQLException {
        setCharacterStream(i, x, (long) length);
    }

    @Override
    public void setCharacterStream(int i, java.io.Reader x, long length) throws SQLException {
        bind(i, x == null ? null : JdbcLobs.limit(x, length, "setCharacterStream"));
    }

    @Override
    public void setNCharacterStream(int i, java.io.Reader x) throws SQLException {
        bind(i, x);
    }

    @Override
    public void setNCharacterStream(int i, java.io.Reader x, long length) throws SQLException {
        bind(i, x == null ? null : JdbcLobs.limit(x, length, "setNCharacterStream"));
    }

    @Override
    public void setAsciiStream(int i, java.io.InputStream x) throws SQLException {
        bind(i, x == null ? null : JdbcLobs.asciiReader(x));
    }

    @Override
    public void setAsciiStream(int i, java.io.InputStream x, int length) throws SQLException {
        setAsciiStream(i, x, (long) length);
    }

    @Override
    public void setAsciiStream(int i, java.io.InputStream x, long length) throws SQLException {
        bind(i, x == null ? null : JdbcLobs.asciiReader(JdbcLobs.limit(x, length, "setAsciiStream")));
    }

    @Override
    public void setBytes(int i, byte[] x) throws SQLException {
        bind(i, x);
    }

    @Override
    public void setDate(int i, Date x) throws SQLException {
        bind(i, x);
    }

    @Override
    public void setDate(int i, Date x, Calendar cal) throws SQLException {
        bind(i, x);
    }

    @Override
    public void setTime(int i, Time x) throws SQLException {
        bind(i, x);
    }

    @Override
    public void setTime(int i, Time x, Calendar cal) throws SQLException {
        bind(i, x);
    }

    @Override
    public void setTimestamp(int i, Timestamp x) throws SQLException {
        bind(i, x);
    }

    @Override
    public void setTimestamp(int i, Timestamp x, Calendar cal) throws SQLException {
        bind(i, x);
    }

    @Override
    public void setObject(int i, Object x) throws SQLException {
        bind(i, x);
    }

    @Override
    public void setObject(int i, Object x, int targetSqlType) throws SQLException {
        bind(i, x);
    }

    @Override
    public void setObject(int i, Object x, int targetSqlType, int scaleOrLength) throws SQLException {
        bind(i, x);
    }

    @Override
    public void setObject(int i, Object x, SQLType targetSqlType) throws SQLException {
        bind(i, x);
    }

    @Override
    public void setObject(int i, Object x, SQLType targetSqlType, int scaleOrLength) throws SQLException {
        bind(i, x);
    }
}
