package dev.orathin.internal.ttc;

import dev.orathin.CoreErrorCode;
import dev.orathin.OrathinProtocolException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The PROTOCOL and DATA_TYPES exchanges that open every TTC session (protocol.md §5.1–5.2). */
public final class Negotiation {

    /** The name this driver gives in PROTOCOL (as python-oracledb gives "python-oracledb"). */
    public static final String DRIVER_NAME = "orathin";

    private static final int[][] DATA_TYPES = loadDataTypes();

    private Negotiation() {
    }

    /** PROTOCOL request: {@code 01 06 00} + driver name + NUL. */
    public static byte[] protocolRequest() {
        return new TtcWriter().ub1(TtcCodes.MSG_PROTOCOL).ub1(6).ub1(0).raw(DRIVER_NAME.getBytes(StandardCharsets.US_ASCII)).ub1(0).toByteArray();
    }

    /** Reads the PROTOCOL reply (after its type byte) into {@code caps}. */
    public static void readProtocolReply(TtcReader r, Capabilities caps) {
        int version = r.ub1();
        r.ub1(); // zero
        String banner = r.nulTerminated();
        int charset = r.uint16le();
        r.ub1(); // server flags
        int elements = r.uint16le();
        r.skip(5 * elements);
        int fdoLength = r.uint16be();
        byte[] fdo = r.raw(fdoLength);
        int ncharset = Capabilities.CHARSET_AL16UTF16;
        if (fdo.length >= 7) {
            int ix = 6 + (fdo[5] & 0xFF) + (fdo[6] & 0xFF);
            if (fdo.length >= ix + 5) {
                ncharset = ((fdo[ix + 3] & 0xFF) << 8) | (fdo[ix + 4] & 0xFF);
            }
        }
        byte[] compile = r.clr();
        byte[] runtime = r.clr();
        if (compile == null || compile.length < 8) {
            throw new OrathinProtocolException(CoreErrorCode.MALFORMED_MESSAGE, "PROTOCOL reply: expected at least 8 compile-time"
                    + " capability bytes but found " + (compile == null ? 0 : compile.length));
        }
        caps.server(version, banner, charset, ncharset);
        caps.adjust(compile, runtime);
    }

    /** DATA_TYPES request: charsets, encoding flags, capabilities, then the type table. */
    public static byte[] dataTypesRequest(Capabilities caps) {
        TtcWriter w = new TtcWriter().ub1(TtcCodes.MSG_DATA_TYPES).uint16le(Capabilities.CHARSET_AL32UTF8).uint16le(Capabilities.CHARSET_AL32UTF8)
                .ub1(0x03).clr(caps.compileCaps()).clr(caps.runtimeCaps());
        for (int[] t : DATA_TYPES) {
            w.uint16be(t[0]).uint16be(t[1]).uint16be(t[2]).uint16be(0);
        }
        return w.uint16be(0).toByteArray();
    }

    /** Reads the DATA_TYPES reply (after its type byte): a list ending with type 0. */
    public static void readDataTypesReply(TtcReader r) {
        for (int guard = 0; guard < 4096; guard++) {
            int dty = r.uint16be();
            if (dty == 0) {
                return;
            }
            int conv = r.uint16be();
            if (conv != 0) {
                r.skip(4);
            }
        }
        throw new OrathinProtocolException(CoreErrorCode.MALFORMED_MESSAGE, "DATA_TYPES reply: no terminating 0 within 4096 entries");
    }

    /** Number of entries of the type table (for tests). */
    static int dataTypeCount() {
        return DATA_TYPES.length;
    }

    private static int[][] loadDataTypes() {
        try (InputStream in = Negotiation.class.getResourceAsStream("data-types.txt")) {
            if (in == null) {
                throw new IllegalStateException("data-types.txt missing from the orathin-core jar");
            }
            List<int[]> out = new ArrayList<>();
            BufferedReader br = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            for (String line; (line = br.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] p = line.trim().split("\\s+");
                out.add(new int[] {Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2])});
            }
            return out.toArray(new int[0][]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
