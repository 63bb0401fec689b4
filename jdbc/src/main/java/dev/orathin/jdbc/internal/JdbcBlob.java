package dev.orathin.jdbc.internal;

import java.io.InputStream;
import java.io.OutputStream;
import java.sql.Blob;
import java.sql.SQLException;

/**
 * {@link Blob} over an orathin {@link dev.orathin.Blob} locator: every call is a LOB operation on
 * the server, streams move whole chunks. Positions are 1-based. {@code position} (search) is not
 * supported (HYC00).
 */
final class JdbcBlob extends JdbcLob<dev.orathin.Blob> implements Blob {

    JdbcBlob(dev.orathin.Blob lob) {
        super(lob);
    }

    @Override
    public byte[] getBytes(long pos, int length) throws SQLException {
        return JdbcLobs.call(() -> lob.read(pos, length));
    }

    @Override
    public InputStream getBinaryStream() throws SQLException {
        return JdbcLobs.io(JdbcLobs.call(() -> lob.inputStream()));
    }

    @Override
    public InputStream getBinaryStream(long pos, long length) throws SQLException {
        return JdbcLobs.limit(JdbcLobs.io(JdbcLobs.call(() -> lob.inputStream(pos))), length, "Blob.getBinaryStream");
    }

    @Override
    public long position(byte[] pattern, long start) throws SQLException {
        throw Errors.notSupported("Blob.position");
    }

    @Override
    public long position(Blob pattern, long start) throws SQLException {
        throw Errors.notSupported("Blob.position");
    }

    @Override
    public int setBytes(long pos, byte[] bytes) throws SQLException {
        JdbcLobs.call(() -> {
            lob.write(pos, bytes);
            return null;
        });
        return bytes.length;
    }

    @Override
    public int setBytes(long pos, byte[] bytes, int offset, int len) throws SQLException {
        if (offset < 0 || len < 0 || offset + len > bytes.length) {
            throw Errors.error(dev.orathin.jdbc.JdbcErrorCode.INVALID_ARGUMENT, "Blob.setBytes: offset " + offset + " and length " + len
                    + " outside the array of " + bytes.length);
        }
        return setBytes(pos, java.util.Arrays.copyOfRange(bytes, offset, offset + len));
    }

    @Override
    public OutputStream setBinaryStream(long pos) throws SQLException {
        return JdbcLobs.call(() -> lob.outputStream(pos));
    }
}
