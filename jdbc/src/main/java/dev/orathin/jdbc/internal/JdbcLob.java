package dev.orathin.jdbc.internal;

import java.sql.SQLException;

/** What {@link JdbcBlob} and {@link JdbcClob} do alike over their orathin locator: length, truncate, free. */
abstract class JdbcLob<L extends dev.orathin.Lob> {

    final L lob;

    JdbcLob(L lob) {
        this.lob = lob;
    }

    L core() {
        return lob;
    }

    public long length() throws SQLException {
        return JdbcLobs.call(lob::length);
    }

    public void truncate(long len) throws SQLException {
        JdbcLobs.call(() -> {
            lob.trim(len);
            return null;
        });
    }

    public void free() throws SQLException {
        JdbcLobs.call(() -> {
            lob.free();
            return null;
        });
    }

    @Override
    public String toString() {
        return lob.toString();
    }
}
