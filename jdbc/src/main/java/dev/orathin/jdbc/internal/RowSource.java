package dev.orathin.jdbc.internal;

import dev.orathin.Column;
import dev.orathin.Cursor;
import java.util.List;

/**
 * Where a {@link JdbcResultSet}'s rows come from: a core {@link Cursor} (queries), or rows already
 * in memory (generated keys returned by {@code RETURNING ... INTO}).
 */
interface RowSource {

    List<Column> columns();

    /** Moves to the next row; false after the last. */
    boolean next();

    /** The decoded value of column {@code i} (1-based) on the current row. */
    Object getObject(int i);

    void close();

    /** The orathin object to unwrap to, or null. */
    Object wrapped();

    /** Sets the fetch array size where there is one to set. */
    default void arraySize(int rows) {
    }

    static RowSource of(Cursor c) {
        return new RowSource() {
            @Override
            public List<Column> columns() {
                return c.columns();
            }

            @Override
            public boolean next() {
                return c.next();
            }

            @Override
            public Object getObject(int i) {
                return c.getObject(i);
            }

            @Override
            public void close() {
                c.close();
            }

            @Override
            public Object wrapped() {
                return c;
            }

            @Override
            public void arraySize(int rows) {
                c.arraySize(rows);
            }
        };
    }

    /** Rows held in memory: {@code values.get(c)} is column c's list of values, one per row. */
    static RowSource of(List<Column> columns, List<List<Object>> values) {
        int rows = values.isEmpty() ? 0 : values.get(0).size();
        return new RowSource() {
            private int row = -1;

            @Override
            public List<Column> columns() {
                return columns;
            }

            @Override
            public boolean next() {
                return ++row < rows;
            }

            @Override
            public Object getObject(int i) {
                return values.get(i - 1).get(row);
            }

            @Override
            public void close() {
                row = rows;
            }

            @Override
            public Object wrapped() {
                return null;
            }
        };
    }
}
