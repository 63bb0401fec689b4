package dev.orathin.jdbc.internal;

import dev.orathin.Column;
import dev.orathin.OracleType;
import dev.orathin.jdbc.JdbcErrorCode;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

/** {@link ResultSetMetaData} from the columns the execute described: JDBC types, precision, scale, nullability, class names. */
final class JdbcResultSetMetaData implements ResultSetMetaData {

    private final List<Column> columns;

    JdbcResultSetMetaData(List<Column> columns) {
        this.columns = columns;
    }

    private Column column(int i) throws SQLException {
        if (i < 1 || i > columns.size()) {
            throw Errors.error(JdbcErrorCode.INDEX_OUT_OF_RANGE, "column index " + i + " is out of range 1.." + columns.size());
        }
        return columns.get(i - 1);
    }

    @Override
    public int getColumnCount() {
        return columns.size();
    }

    @Override
    public String getColumnName(int i) throws SQLException {
        return column(i).name();
    }

    @Override
    public String getColumnLabel(int i) throws SQLException {
        return column(i).name();
    }

    @Override
    public int getColumnType(int i) throws SQLException {
        return jdbcType(column(i));
    }

    @Override
    public String getColumnTypeName(int i) throws SQLException {
        return column(i).type().name().replace('_', ' ').replace("TIMESTAMP TZ", "TIMESTAMP WITH TIME ZONE")
                .replace("TIMESTAMP LTZ", "TIMESTAMP WITH LOCAL TIME ZONE");
    }

    @Override
    public String getColumnClassName(int i) throws SQLException {
        return javaClass(column(i)).getName();
    }

    @Override
    public int getPrecision(int i) throws SQLException {
        Column c = column(i);
        return c.type() == OracleType.NUMBER ? c.precision() : c.maxSize();
    }

    @Override
    public int getScale(int i) throws SQLException {
        Column c = column(i);
        return c.type() == OracleType.NUMBER ? Math.max(0, c.scale()) : 0;
    }

    @Override
    public int isNullable(int i) throws SQLException {
        return column(i).nullable() ? ResultSetMetaData.columnNullable : ResultSetMetaData.columnNoNulls;
    }

    @Override
    public int getColumnDisplaySize(int i) throws SQLException {
        Column c = column(i);
        return Math.max(c.maxSize(), c.precision() + 2);
    }

    @Override
    public boolean isSigned(int i) throws SQLException {
        OracleType t = column(i).type();
        return t == OracleType.NUMBER || t == OracleType.BINARY_FLOAT || t == OracleType.BINARY_DOUBLE;
    }

    @Override
    public boolean isAutoIncrement(int i) throws SQLException {
        column(i);
        return false;
    }

    @Override
    public boolean isCurrency(int i) throws SQLException {
        column(i);
        return false;
    }

    @Override
    public boolean isWritable(int i) throws SQLException {
        column(i);
        return false;
    }

    @Override
    public boolean isDefinitelyWritable(int i) throws SQLException {
        column(i);
        return false;
    }

    @Override
    public boolean isReadOnly(int i) throws SQLException {
        column(i);
        return true;
    }

    @Override
    public boolean isSearchable(int i) throws SQLException {
        column(i);
        return true;
    }

    @Override
    public boolean isCaseSensitive(int i) throws SQLException {
        column(i);
        return true;
    }

    @Override
    public String getSchemaName(int i) throws SQLException {
        column(i);
        return "";
    }

    @Override
    public String getTableName(int i) throws SQLException {
        column(i);
        return "";
    }

    @Override
    public String getCatalogName(int i) throws SQLException {
        column(i);
        return "";
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return Wrappers.unwrap(this, null, type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return Wrappers.isWrapperFor(this, null, type);
    }

    static int jdbcType(Column c) {
        switch (c.type()) {
            case NUMBER:
            case BINARY_INTEGER:
                return Types.NUMERIC;
            case BINARY_FLOAT:
                return Types.REAL;
            case BINARY_DOUBLE:
                return Types.DOUBLE;
            case VARCHAR2:
                return Types.VARCHAR;
            case NVARCHAR2:
                return Types.NVARCHAR;
            case CHAR:
                return Types.CHAR;
            case NCHAR:
                return Types.NCHAR;
            case LONG:
                return Types.LONGVARCHAR;
            case DATE:
            case TIMESTAMP:
            case TIMESTAMP_LTZ:
                return Types.TIMESTAMP;
            case TIMESTAMP_TZ:
                return Types.TIMESTAMP_WITH_TIMEZONE;
            case RAW:
                return Types.VARBINARY;
            case LONG_RAW:
                return Types.LONGVARBINARY;
            case CLOB:
                return Types.CLOB;
            case NCLOB:
                return Types.NCLOB;
            case BLOB:
                return Types.BLOB;
            case BOOLEAN:
                return Types.BOOLEAN;
            case ROWID:
            case UROWID:
                return Types.ROWID;
            default:
                return Types.OTHER;
        }
    }

    private static Class<?> javaClass(Column c) {
        switch (c.type()) {
            case NUMBER:
            case BINARY_INTEGER:
                return java.math.BigDecimal.class;
            case DATE:
            case TIMESTAMP:
            case TIMESTAMP_LTZ:
                return java.sql.Timestamp.class;
            default:
                return c.type().javaType();
        }
    }
}
