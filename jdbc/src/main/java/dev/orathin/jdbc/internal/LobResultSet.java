package dev.orathin.jdbc.internal;

import dev.orathin.jdbc.JdbcErrorCode;
import java.sql.SQLException;

/**
 * The LOB getters of {@link JdbcResultSet}: {@code getBlob} / {@code getClob} / {@code getNClob}
 * over orathin locators, and the stream getters, which stream a LOB column through its locator
 * and serve other columns from their value in memory (see jdbc/README "LOBs").
 */
abstract class LobResultSet extends ResultSetDefaults {

    /** The value as the cursor holds it (LOB columns as orathin locators), with the row and index checks. */
    abstract Object rawValue(int i) throws SQLException;

    /** The value with LOB locators read whole (for the non-LOB getters). */
    abstract Object value(int i) throws SQLException;

    /** "column 2 (NAME)" for messages. */
    abstract String describe(int i);

    /** The Oracle type of column {@code i}, for messages. */
    abstract Object typeName(int i);

    static Object wrap(dev.orathin.Lob lob) {
        return lob instanceof dev.orathin.Blob b ? new JdbcBlob(b) : new JdbcClob((dev.orathin.Clob) lob);
    }

    /** The locator of a LOB column, or SQLDataException 22018 for other columns; null for NULL. */
    private dev.orathin.Lob lob(int i, Class<? extends dev.orathin.Lob> kind, String getter) throws SQLException {
        Object v = rawValue(i);
        if (v == null) {
            return null;
        }
        if (!kind.isInstance(v)) {
            throw Errors.error(JdbcErrorCode.CONVERSION, getter + ": " + describe(i) + " is " + typeName(i)
                    + ", not a " + (kind == dev.orathin.Blob.class ? "BLOB" : "CLOB / NCLOB"));
        }
        return (dev.orathin.Lob) v;
    }

    @Override
    public java.sql.Blob getBlob(int i) throws SQLException {
        dev.orathin.Lob l = lob(i, dev.orathin.Blob.class, "getBlob");
        return l == null ? null : new JdbcBlob((dev.orathin.Blob) l);
    }

    @Override
    public java.sql.Blob getBlob(String label) throws SQLException {
        return getBlob(findColumn(label));
    }

    @Override
    public java.sql.Clob getClob(int i) throws SQLException {
        return getNClob(i);
    }

    @Override
    public java.sql.Clob getClob(String label) throws SQLException {
        return getClob(findColumn(label));
    }

    @Override
    public java.sql.NClob getNClob(int i) throws SQLException {
        dev.orathin.Lob l = lob(i, dev.orathin.Clob.class, "getClob");
        return l == null ? null : new JdbcClob((dev.orathin.Clob) l);
    }

    @Override
    public java.sql.NClob getNClob(String label) throws SQLException {
        return getNClob(findColumn(label));
    }

    /** BLOB columns stream through the locator; RAW / LONG RAW values (whole already) from memory. */
    @Override
    public java.io.InputStream getBinaryStream(int i) throws SQLException {
        Object v = rawValue(i);
        if (v == null) {
            return null;
        }
        if (v instanceof dev.orathin.Blob b) {
            return new JdbcBlob(b).getBinaryStream();
        }
        if (v instanceof byte[] bytes) {
            return new java.io.ByteArrayInputStream(bytes);
        }
        throw Errors.error(JdbcErrorCode.CONVERSION, "getBinaryStream: " + describe(i) + " is " + typeName(i)
                + ", not binary (BLOB, RAW, LONG RAW)");
    }

    @Override
    public java.io.InputStream getBinaryStream(String label) throws SQLException {
        return getBinaryStream(findColumn(label));
    }

    /** CLOB / NCLOB columns stream through the locator; other values as their text. */
    @Override
    public java.io.Reader getCharacterStream(int i) throws SQLException {
        Object v = rawValue(i);
        if (v == null) {
            return null;
        }
        if (v instanceof dev.orathin.Clob c) {
            return new JdbcClob(c).getCharacterStream();
        }
        return new java.io.StringReader(Values.string(value(i)));
    }

    @Override
    public java.io.Reader getCharacterStream(String label) throws SQLException {
        return getCharacterStream(findColumn(label));
    }

    @Override
    public java.io.Reader getNCharacterStream(int i) throws SQLException {
        return getCharacterStream(i);
    }

    @Override
    public java.io.Reader getNCharacterStream(String label) throws SQLException {
        return getCharacterStream(findColumn(label));
    }

    @Override
    public java.io.InputStream getAsciiStream(int i) throws SQLException {
        java.io.Reader r = getCharacterStream(i);
        return r == null ? null : JdbcLobs.asciiStream(r);
    }

    @Override
    public java.io.InputStream getAsciiStream(String label) throws SQLException {
        return getAsciiStream(findColumn(label));
    }
}
