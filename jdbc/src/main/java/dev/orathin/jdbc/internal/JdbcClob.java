package dev.orathin.jdbc.internal;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;
import java.sql.Clob;
import java.sql.NClob;
import java.sql.SQLException;

/**
 * {@link Clob} and {@link NClob} over an orathin {@link dev.orathin.Clob} locator. Lengths and
 * positions count UTF-16 code units (as Java and Oracle do), 1-based. The ASCII views map
 * characters outside US-ASCII to '?' (reading) and bytes to Latin-1 characters (writing).
 * {@code position} (search) is not supported (HYC00).
 */
final class JdbcClob extends JdbcLob<dev.orathin.Clob> implements NClob {

    JdbcClob(dev.orathin.Clob lob) {
        super(lob);
    }

    @Override
    public String getSubString(long pos, int length) throws SQLException {
        return JdbcLobs.call(() -> lob.read(pos, length));
    }

    @Override
    public Reader getCharacterStream() throws SQLException {
        return JdbcLobs.io(JdbcLobs.call(() -> lob.reader()));
    }

    @Override
    public Reader getCharacterStream(long pos, long length) throws SQLException {
        return JdbcLobs.limit(JdbcLobs.io(JdbcLobs.call(() -> lob.reader(pos))), length, "Clob.getCharacterStream");
    }

    @Override
    public InputStream getAsciiStream() throws SQLException {
        return JdbcLobs.asciiStream(getCharacterStream());
    }

    @Override
    public long position(String pattern, long start) throws SQLException {
        throw Errors.notSupported("Clob.position");
    }

    @Override
    public long position(Clob pattern, long start) throws SQLException {
        throw Errors.notSupported("Clob.position");
    }

    @Override
    public int setString(long pos, String str) throws SQLException {
        JdbcLobs.call(() -> {
            lob.write(pos, str);
            return null;
        });
        return str.length();
    }

    @Override
    public int setString(long pos, String str, int offset, int len) throws SQLException {
        if (offset < 0 || len < 0 || offset + len > str.length()) {
            throw Errors.error(dev.orathin.jdbc.JdbcErrorCode.INVALID_ARGUMENT, "Clob.setString: offset " + offset + " and length " + len
                    + " outside the string of " + str.length());
        }
        return setString(pos, str.substring(offset, offset + len));
    }

    @Override
    public OutputStream setAsciiStream(long pos) throws SQLException {
        Writer w = setCharacterStream(pos);
        return new OutputStream() {
            @Override
            public void write(int b) throws java.io.IOException {
                w.write(b & 0xFF);
            }

            @Override
            public void flush() throws java.io.IOException {
                w.flush();
            }

            @Override
            public void close() throws java.io.IOException {
                w.close();
            }
        };
    }

    @Override
    public Writer setCharacterStream(long pos) throws SQLException {
        return JdbcLobs.call(() -> lob.writer(pos));
    }
}
