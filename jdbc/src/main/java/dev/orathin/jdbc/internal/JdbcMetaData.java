package dev.orathin.jdbc.internal;

import dev.orathin.Column;
import dev.orathin.OracleType;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Types;
import java.util.List;

/** {@link DatabaseMetaData} (the basics tools and pools call) and {@link ResultSetMetaData}. */
final class JdbcMetaData {

    private JdbcMetaData() {
    }

    static DatabaseMetaData database(JdbcConnection conn) {
        return Proxies.create(DatabaseMetaData.class, new Proxies.Handler(null) {
            @Override
            Object handle(String name, Method m, Object[] a) {
                String version = conn.oc.serverVersion();
                String[] parts = version.split("\\.");
                switch (name) {
                    case "getDatabaseProductName":
                        return "Oracle";
                    case "getDatabaseProductVersion":
                        return conn.oc.banner() + " " + version;
                    case "getDatabaseMajorVersion":
                        return Integer.parseInt(parts[0]);
                    case "getDatabaseMinorVersion":
                        return parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
                    case "getDriverName":
                        return "orathin";
                    case "getDriverVersion":
                        return dev.orathin.Orathin.DRIVER_NAME.replace("orathin ", "");
                    case "getDriverMajorVersion":
                        return 0;
                    case "getDriverMinorVersion":
                        return 1;
                    case "getJDBCMajorVersion":
                        return 4;
                    case "getJDBCMinorVersion":
                        return 2;
                    case "getURL":
                        return conn.url;
                    case "getUserName":
                        return conn.user;
                    case "getConnection":
                        return conn.self;
                    case "getIdentifierQuoteString":
                        return "\"";
                    case "getCatalogSeparator":
                        return ".";
                    case "getSchemaTerm":
                        return "schema";
                    case "getCatalogTerm":
                        return "";
                    case "getProcedureTerm":
                        return "procedure";
                    case "getSQLKeywords":
                        return "";
                    case "supportsTransactions":
                    case "supportsBatchUpdates":
                    case "supportsMixedCaseQuotedIdentifiers":
                    case "storesUpperCaseIdentifiers":
                    case "supportsSchemasInDataManipulation":
                    case "supportsSchemasInTableDefinitions":
                        return true;
                    case "supportsSavepoints":
                    case "supportsGetGeneratedKeys":
                    case "supportsNamedParameters":
                    case "supportsMultipleOpenResults":
                    case "supportsCatalogsInDataManipulation":
                    case "storesLowerCaseIdentifiers":
                    case "storesMixedCaseIdentifiers":
                    case "isReadOnly":
                    case "supportsStoredProcedures":
                        return false;
                    case "getDefaultTransactionIsolation":
                        return Connection.TRANSACTION_READ_COMMITTED;
                    case "supportsTransactionIsolationLevel":
                        return (Integer) a[0] == Connection.TRANSACTION_READ_COMMITTED || (Integer) a[0] == Connection.TRANSACTION_SERIALIZABLE;
                    case "supportsResultSetType":
                        return (Integer) a[0] == ResultSet.TYPE_FORWARD_ONLY;
                    case "supportsResultSetConcurrency":
                        return (Integer) a[0] == ResultSet.TYPE_FORWARD_ONLY && (Integer) a[1] == ResultSet.CONCUR_READ_ONLY;
                    case "getResultSetHoldability":
                        return ResultSet.CLOSE_CURSORS_AT_COMMIT;
                    case "getMaxStatementLength":
                    case "getMaxConnections":
                        return 0;
                    default:
                        return Proxies.UNHANDLED;
                }
            }
        });
    }

    static ResultSetMetaData resultSet(List<Column> columns) {
        return Proxies.create(ResultSetMetaData.class, new Proxies.Handler(null) {
            @Override
            Object handle(String name, Method m, Object[] a) throws java.sql.SQLException {
                if (name.equals("getColumnCount")) {
                    return columns.size();
                }
                if (a.length != 1 || !(a[0] instanceof Integer)) {
                    return Proxies.UNHANDLED;
                }
                int i = (Integer) a[0];
                if (i < 1 || i > columns.size()) {
                    throw Errors.error(dev.orathin.jdbc.JdbcErrorCode.INDEX_OUT_OF_RANGE, "column index " + i + " is out of range 1.." + columns.size());
                }
                Column c = columns.get(i - 1);
                switch (name) {
                    case "getColumnName":
                    case "getColumnLabel":
                        return c.name();
                    case "getColumnType":
                        return jdbcType(c);
                    case "getColumnTypeName":
                        return c.type().name().replace('_', ' ').replace("TIMESTAMP TZ", "TIMESTAMP WITH TIME ZONE")
                                .replace("TIMESTAMP LTZ", "TIMESTAMP WITH LOCAL TIME ZONE").replace("LONG RAW", "LONG RAW");
                    case "getColumnClassName":
                        return javaClass(c).getName();
                    case "getPrecision":
                        return c.type() == OracleType.NUMBER ? c.precision() : c.maxSize();
                    case "getScale":
                        return c.type() == OracleType.NUMBER ? Math.max(0, c.scale()) : 0;
                    case "isNullable":
                        return c.nullable() ? ResultSetMetaData.columnNullable : ResultSetMetaData.columnNoNulls;
                    case "getColumnDisplaySize":
                        return Math.max(c.maxSize(), c.precision() + 2);
                    case "isSigned":
                        return c.type() == OracleType.NUMBER || c.type() == OracleType.BINARY_FLOAT || c.type() == OracleType.BINARY_DOUBLE;
                    case "isAutoIncrement":
                    case "isCurrency":
                    case "isWritable":
                    case "isDefinitelyWritable":
                        return false;
                    case "isReadOnly":
                    case "isSearchable":
                    case "isCaseSensitive":
                        return true;
                    case "getSchemaName":
                    case "getTableName":
                    case "getCatalogName":
                        return "";
                    default:
                        return Proxies.UNHANDLED;
                }
            }
        });
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
