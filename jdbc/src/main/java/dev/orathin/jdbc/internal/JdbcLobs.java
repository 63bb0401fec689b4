package dev.orathin.jdbc.internal;

import dev.orathin.errors.OrathinException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.sql.SQLException;

/**
 * Helpers shared by {@link JdbcBlob} and {@link JdbcClob}: JDBC's length-bounded stream binds, the
 * ASCII view of text, streams whose orathin failures surface as {@link IOException} (the stream
 * contract), and the conversion of JDBC LOB parameters to what core binds.
 */
final class JdbcLobs {

    private JdbcLobs() {
    }

    /** A JDBC LOB or stream parameter as core binds it: a core locator, an InputStream or a Reader; null when {@code v} is none of these. */
    static Object toBind(Object v) throws SQLException {
        if (v instanceof JdbcBlob b) {
            return b.core();
        }
        if (v instanceof JdbcClob c) {
            return c.core();
        }
        if (v instanceof java.sql.Blob b) {
            return b.getBinaryStream();
        }
        if (v instanceof java.sql.Clob c) {
            return c.getCharacterStream();
        }
        return null;
    }

    /** At most {@code length} bytes of {@code in} (JDBC's setBinaryStream(i, in, length)); a negative length is refused. */
    static InputStream limit(InputStream in, long length, String method) throws SQLException {
        checkLength(length, method);
        return new InputStream() {
            private long left = length;

            @Override
            public int read() throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int b = in.read();
                if (b >= 0) {
                    left--;
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int n = in.read(b, off, (int) Math.min(len, left));
                if (n > 0) {
                    left -= n;
                }
                return n;
            }
        };
    }

    /** At most {@code length} characters of {@code in}. */
    static Reader limit(Reader in, long length, String method) throws SQLException {
        checkLength(length, method);
        return new Reader() {
            private long left = length;

            @Override
            public int read(char[] c, int off, int len) throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int n = in.read(c, off, (int) Math.min(len, left));
                if (n > 0) {
                    left -= n;
                }
                return n;
            }

            @Override
            public void close() throws IOException {
                in.close();
            }
        };
    }

    private static void checkLength(long length, String method) throws SQLException {
        if (length < 0) {
            throw Errors.error(dev.orathin.jdbc.JdbcErrorCode.INVALID_ARGUMENT, method + ": length " + length + " (must be 0 or more)");
        }
    }

    /** ASCII bytes as text (setAsciiStream): each byte one character. */
    static Reader asciiReader(InputStream in) {
        return new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /** Text as ASCII bytes (getAsciiStream): characters outside US-ASCII become '?', as ojdbc. */
    static InputStream asciiStream(Reader r) {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                int c = r.read();
                return c < 0 ? -1 : c < 128 ? c : '?';
            }

            @Override
            public void close() throws IOException {
                r.close();
            }
        };
    }

    /** An orathin LOB stream whose failures come out as IOException with the SQLException as cause. */
    static InputStream io(InputStream in) {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                try {
                    return in.read();
                } catch (OrathinException e) {
                    throw new IOException(Errors.translate(e));
                }
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                try {
                    return in.read(b, off, len);
                } catch (OrathinException e) {
                    throw new IOException(Errors.translate(e));
                }
            }
        };
    }

    /** See {@link #io(InputStream)}. */
    static Reader io(Reader in) {
        return new Reader() {
            @Override
            public int read(char[] c, int off, int len) throws IOException {
                try {
                    return in.read(c, off, len);
                } catch (OrathinException e) {
                    throw new IOException(Errors.translate(e));
                }
            }

            @Override
            public void close() throws IOException {
                in.close();
            }
        };
    }

    /** Runs a core call, translating its failure. */
    static <T> T call(java.util.concurrent.Callable<? extends T> c) throws SQLException {
        try {
            return c.call();
        } catch (OrathinException e) {
            throw Errors.translate(e);
        } catch (UncheckedIOException e) {
            throw Errors.error(dev.orathin.jdbc.JdbcErrorCode.INVALID_ARGUMENT, "stream failed: " + e.getMessage(), e);
        } catch (SQLException e) {
            throw e;
        } catch (Exception e) {
            throw Errors.error(dev.orathin.jdbc.JdbcErrorCode.INVALID_ARGUMENT, e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }
}
