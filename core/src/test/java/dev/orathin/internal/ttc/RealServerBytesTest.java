package dev.orathin.internal.ttc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orathin.net.NetPacket;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Regression vectors: the few bytes of real server packets that orathin's decoders once misread. */
class RealServerBytesTest {

    private static TtcReader reader(String hex) {
        byte[] b = HexFormat.ofDelimiter(" ").parseHex(hex);
        boolean[] given = {false};
        return new TtcReader(() -> {
            if (given[0]) {
                throw new IllegalStateException("read past the vector");
            }
            given[0] = true;
            return new NetPacket(NetPacket.TYPE_DATA, 0, 0x2000, b);
        });
    }

    /**
     * A 23.26.1 server's AUTH phase-two reply ends with its last PARAMETER pair, then a
     * SERVER_SIDE_PIGGYBACK (23) opcode 5 (session-state sync, three elements), then ERROR and
     * END_OF_RESPONSE. Source: real-packets muhdur-fetch_df.txt, block "op 7" (server DATA len=1960),
     * payload bytes 1896..1949; the PARAMETER header here is shortened to that last pair
     * (AUTH_SERVER_TYPE = "1"). orathin's auth reader stopped at the piggyback with OTN-5002.
     */
    @Test
    void authReplyWithSessionStateSyncPiggyback() {
        String lastPair = "08 01 01 01 10 10 41 55 54 48 5f 53 45 52 56 45 52 5f 54 59 50 45 01 01 01 31 00";
        String piggyback = "17 05 01 01 10 01 03 16 00 01 0b 0b 80 00 00 00 3c 3c 3c 80 00 00 00 01 a3 00 01 08 08 00 00 00 01 00 00"
                + " 00 89 01 aa 01 06 06 4e 4f 4e 45 00 00 00 01 c7 00";
        String error = "04 01 01 01 3e 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 02 00 00 00 00 00 00 00 00 00 00";
        TtcReader r = reader(lastPair + " " + piggyback + " " + error + " 1d");
        Capabilities caps = new Capabilities(24);
        AuthExchange.Reply reply = AuthExchange.readReply(r, caps);
        assertEquals("1", reply.values().get("AUTH_SERVER_TYPE"));
        assertEquals(0, reply.end().number());
        assertEquals(29, r.ub1(), "END_OF_RESPONSE follows the ERROR");
        assertTrue(r.exhausted());
    }
}
