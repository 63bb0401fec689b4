package dev.orathin.jdbc.internal;

import dev.orathin.Column;
import dev.orathin.Cursor;
import dev.orathin.jdbc.JdbcErrorCode;
import java.lang.reflect.Method;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;

/** A forward-only, read-only {@link ResultSet} over a {@link Cursor}. */
final class JdbcResultSet extends Proxies.ClosableHandler {

    private final Cursor cursor;
    private final Statement statement;
    private final long maxRows;
    private final List<Column> columns;
    private long row;
    private boolean afterLast;
    private Object last;

    private JdbcResultSet(Cursor cursor, Statement statement, long maxRows) {
        super(cursor, "result set");
        this.cursor = cursor;
        this.statement = statement;
        this.maxRows = maxRows;
        this.columns = cursor.columns();
    }

    static ResultSet create(Cursor cursor, Object statement, long maxRows) {
        return Proxies.create(ResultSet.class, new JdbcResultSet(cursor, (Statement) statement, maxRows));
    }

    int findColumn(String label) throws SQLException {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equalsIgnoreCase(label)) {
                return i + 1;
            }
        }
        throw Errors.error(JdbcErrorCode.NO_SUCH_COLUMN, "no column named " + label + " (columns: "
                + columns.stream().map(Column::name).toList() + ")");
    }

    @Override
    void onClose() {
        cursor.close();
    }

    @Override
    Object dispatch(String name, Method m, Object[] a) throws SQLException {
        switch (name) {
            case "next":
                if (afterLast || maxRows > 0 && row >= maxRows || !cursor.next()) {
                    afterLast = true;
                    return false;
                }
                row++;
                return true;
            case "wasNull":
                return last == null;
            case "findColumn":
                return findColumn((String) a[0]);
            case "getMetaData":
                return JdbcMetaData.resultSet(columns);
            case "getStatement":
                return statement;
            case "getRow":
                return afterLast ? 0 : (int) row;
            case "isBeforeFirst":
                return row == 0 && !afterLast;
            case "isAfterLast":
                return afterLast;
            case "isFirst":
                return row == 1 && !afterLast;
            case "getType":
                return ResultSet.TYPE_FORWARD_ONLY;
            case "getConcurrency":
                return ResultSet.CONCUR_READ_ONLY;
            case "getHoldability":
                return ResultSet.CLOSE_CURSORS_AT_COMMIT;
            case "getFetchDirection":
                return ResultSet.FETCH_FORWARD;
            case "setFetchSize":
                if ((Integer) a[0] > 0) {
                    cursor.arraySize((Integer) a[0]);
                }
                return null;
            case "getFetchSize":
                return 0;
            case "getWarnings":
                return null;
            case "clearWarnings":
                return null;
            default:
                break;
        }
        if (name.startsWith("get") && a.length >= 1 && (a[0] instanceof Integer || a[0] instanceof String)) {
            if (row == 0 || afterLast) {
                throw Errors.error(JdbcErrorCode.NO_CURRENT_ROW, name + " with no current row (call next() first and check that it returned true)");
            }
            int i = a[0] instanceof Integer n ? n : findColumn((String) a[0]);
            if (i < 1 || i > columns.size()) {
                throw Errors.error(JdbcErrorCode.INDEX_OUT_OF_RANGE, "column index " + i + " is out of range 1.." + columns.size());
            }
            if (name.equals("getBigDecimal") && a.length == 2 && a[1] instanceof Integer) {
                throw Errors.notSupported("ResultSet.getBigDecimal(int, int) (deprecated)");
            }
            last = cursor.getObject(i);
            return Values.convert(last, name, a.length > 1 && a[1] instanceof Class<?> c ? c : null, "column " + i + " (" + columns.get(i - 1).name() + ")");
        }
        return Proxies.UNHANDLED;
    }

    @Override
    public String toString() {
        return "ResultSet" + columns.stream().map(c -> c.name().toLowerCase(Locale.ROOT)).toList();
    }
}
