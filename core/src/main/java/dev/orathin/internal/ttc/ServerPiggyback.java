package dev.orathin.internal.ttc;

import dev.orathin.CoreErrorCode;
import dev.orathin.OrathinProtocolException;

/**
 * The SERVER_SIDE_PIGGYBACK message (type 23, protocol.md §7.2): session state the server pushes
 * inside any reply — statement replies and, as a 23ai server does, the authentication reply.
 * orathin reads past it; none of its opcodes changes what orathin does.
 */
public final class ServerPiggyback {

    private ServerPiggyback() {
    }

    /** Reads one piggyback after its type byte (opcode and body); an unknown opcode is a typed error. */
    public static void skip(TtcReader r) {
        int opcode = r.ub1();
        switch (opcode) {
            case 1, 3 -> {
                // query-cache invalidation, trace event: no body
            }
            case 2 -> {
                r.ub();
                r.clr();
            }
            case 4 -> {
                r.ub();
                r.ub1();
                int n = (int) r.ub();
                if (n > 0) {
                    r.ub1();
                    for (int i = 0; i < n; i++) {
                        r.twoLengths();
                        r.twoLengths();
                        r.ub();
                    }
                }
                r.ub(); // session flags
                r.ub(); // session id
                r.ub(); // serial number
            }
            case 5 -> {
                r.ub();
                r.ub1();
                int n = (int) r.ub();
                r.ub1();
                for (int i = 0; i < n; i++) {
                    r.twoLengths();
                    r.twoLengths();
                    r.ub();
                }
                r.ub();
            }
            case 7 -> r.twoLengths(); // LTXID
            case 8 -> {
                r.ub(); // number of DTYs
                r.ub1(); // length of DTYs
                r.ub(); // flags
                r.ub(); // error code
                r.ub1(); // queue
                r.twoLengths(); // replay context
            }
            case 9 -> {
                r.ub();
                r.ub1();
            }
            case 10 -> {
                r.ub(); // number of DTYs
                r.ub1(); // length of DTY
                r.ub(); // signature flags
                r.ub(); // client signature
                r.ub(); // server signature
            }
            default -> throw new OrathinProtocolException(CoreErrorCode.UNEXPECTED_MESSAGE, "server-side piggyback with unknown opcode "
                    + opcode);
        }
    }

}
