package dev.orathin.it.db;

import dev.orathin.Blob;
import dev.orathin.Clob;
import dev.orathin.ConnectParams;
import dev.orathin.Cursor;
import dev.orathin.OracleConnection;
import dev.orathin.Orathin;
import java.io.InputStream;
import java.io.Reader;
import java.util.zip.CRC32;

/**
 * The client of {@link LobHeapIT}, run with a small heap: writes a BLOB and a CLOB several times
 * larger than its heap from generated streams (stream binds become temporary LOBs written chunk by
 * chunk), reads them back through locator streams and checks every byte / character against the
 * generator. Prints {@code OK <bytes> <chars> <crc> <peak heap MB>} or {@code ERR <message>}.
 */
public final class LobHeapClientMain {

    private LobHeapClientMain() {
    }

    /** The byte at {@code i} of the generated BLOB. */
    static int byteAt(long i) {
        return (int) ((i * 31 + (i >>> 13)) & 0xFF);
    }

    /** The UTF-16 unit at {@code i} of the generated CLOB: ASCII, Latin-1 and CJK characters. */
    static char charAt(long i) {
        long k = i % 7;
        return k == 3 ? 'é' : k == 5 ? '漢' : (char) ('a' + (i % 26));
    }

    /** Arguments: host, port, service, user, BLOB bytes, CLOB characters; the password in ORATHIN_IT_PASSWORD. */
    public static void main(String[] args) {
        try {
            long blobBytes = Long.parseLong(args[4]);
            long clobChars = Long.parseLong(args[5]);
            Runtime rt = Runtime.getRuntime();
            long[] peak = {0};
            Thread sampler = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    peak[0] = Math.max(peak[0], rt.totalMemory() - rt.freeMemory());
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            sampler.setDaemon(true);
            sampler.start();
            CRC32 crc = new CRC32();
            try (OracleConnection c = Orathin.connect(ConnectParams.builder().dsn("//" + args[0] + ":" + args[1] + "/" + args[2]).user(args[3])
                    .password(System.getenv("ORATHIN_IT_PASSWORD").toCharArray()).build())) {
                c.fetchLobs(true);
                c.executeUpdate("insert into big_lob values (1, :1, :2)", generatedBytes(blobBytes), generatedChars(clobChars));
                c.commit();
                try (Cursor cur = c.execute("select b, c from big_lob where id = 1")) {
                    if (!cur.next()) {
                        throw new IllegalStateException("no row");
                    }
                    Blob b = cur.getBlob(1);
                    Clob cl = cur.getClob(2);
                    if (b.length() != blobBytes || cl.length() != clobChars) {
                        throw new IllegalStateException("lengths " + b.length() + " / " + cl.length());
                    }
                    long i = 0;
                    byte[] buf = new byte[65536];
                    try (InputStream in = b.inputStream()) {
                        for (int n; (n = in.read(buf)) > 0;) {
                            for (int k = 0; k < n; k++, i++) {
                                if ((buf[k] & 0xFF) != byteAt(i)) {
                                    throw new IllegalStateException("BLOB byte " + i + " differs");
                                }
                            }
                            crc.update(buf, 0, n);
                        }
                    }
                    if (i != blobBytes) {
                        throw new IllegalStateException("BLOB stream ended after " + i + " bytes");
                    }
                    long j = 0;
                    char[] cbuf = new char[32768];
                    try (Reader r = cl.reader()) {
                        for (int n; (n = r.read(cbuf)) > 0;) {
                            for (int k = 0; k < n; k++, j++) {
                                if (cbuf[k] != charAt(j)) {
                                    throw new IllegalStateException("CLOB character " + j + " differs");
                                }
                            }
                        }
                    }
                    if (j != clobChars) {
                        throw new IllegalStateException("CLOB reader ended after " + j + " characters");
                    }
                }
            }
            sampler.interrupt();
            System.out.println("OK " + blobBytes + " " + clobChars + " " + crc.getValue() + " " + peak[0] / (1024 * 1024));
        } catch (Throwable e) {
            System.out.println("ERR " + e);
        }
    }

    static InputStream generatedBytes(long n) {
        return new InputStream() {
            private long i;

            @Override
            public int read() {
                return i < n ? byteAt(i++) : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (i >= n) {
                    return -1;
                }
                int k = (int) Math.min(len, n - i);
                for (int x = 0; x < k; x++) {
                    b[off + x] = (byte) byteAt(i++);
                }
                return k;
            }
        };
    }

    static Reader generatedChars(long n) {
        return new Reader() {
            private long i;

            @Override
            public int read(char[] c, int off, int len) {
                if (i >= n) {
                    return -1;
                }
                int k = (int) Math.min(len, n - i);
                for (int x = 0; x < k; x++) {
                    c[off + x] = charAt(i++);
                }
                return k;
            }

            @Override
            public void close() {
            }
        };
    }
}
