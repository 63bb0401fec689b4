package dev.orathin.internal.ttc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orathin.OrathinProtocolException;
import dev.orathin.net.NetPacket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * The login reply forms the testkit's server profiles send (ProfileInteropIT proves them against
 * Oracle's clients): a WARNING (ORA-28002) before the ERROR, and END_OF_RESPONSE arriving in a
 * packet of its own after the ERROR.
 */
class LoginReplyTest {

    static final String LAST_PAIR = "08 01 01 01 10 10 41 55 54 48 5f 53 45 52 56 45 52 5f 54 59 50 45 01 01 01 31 00";
    /** A 23.26.1 ERROR message with number 0 (real-packets muhdur-fetch_df.txt, see RealServerBytesTest). */
    static final String ERROR = "04 01 01 01 3e 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 02 00 00 00 00 00 00 00 00 00 00";

    private static TtcReader reader(String... packets) {
        Deque<byte[]> q = new ArrayDeque<>();
        for (String p : packets) {
            q.add(HexFormat.ofDelimiter(" ").parseHex(p));
        }
        return new TtcReader(() -> {
            byte[] b = q.poll();
            if (b == null) {
                throw new IllegalStateException("read past the last packet");
            }
            return new NetPacket(NetPacket.TYPE_DATA, 0, q.isEmpty() ? 0x2000 : 0, b);
        });
    }

    private static String warning(int number, String text) {
        byte[] t = text.getBytes(StandardCharsets.UTF_8);
        return String.format("0f 02 %02x %02x 01 %02x 00 %02x ", number >> 8 & 0xFF, number & 0xFF, t.length, t.length)
                + HexFormat.ofDelimiter(" ").formatHex(t);
    }

    @Test
    void warningBeforeTheErrorIsKeptAndTheLoginSucceeds() {
        String text = "ORA-28002: the password will expire within 7 days";
        TtcReader r = reader(LAST_PAIR + " " + warning(28002, text) + " " + ERROR + " 1d");
        AuthExchange.Reply reply = AuthExchange.readReply(r, new Capabilities(24), true);
        assertEquals(0, reply.end().number());
        assertEquals(28002, reply.warning().number());
        assertEquals(text, reply.warning().message());
        assertEquals("ORA-28002", reply.warning().code());
        assertTrue(r.exhausted(), "END_OF_RESPONSE consumed");
    }

    @Test
    void endOfResponseInALaterPacketIsReadWhenNegotiated() {
        // the split-messages fault: the ERROR ends one packet, message 29 comes in the next
        TtcReader r = reader(LAST_PAIR + " " + ERROR, "1d");
        AuthExchange.Reply reply = AuthExchange.readReply(r, new Capabilities(24), true);
        assertNull(reply.warning());
        assertTrue(r.exhausted(), "the 29 of the next packet belongs to this reply");
        // without END_OF_RESPONSE negotiated the reply ends at the ERROR and the next packet is not read
        TtcReader classic = reader(LAST_PAIR + " " + ERROR, "1d");
        AuthExchange.readReply(classic, new Capabilities(24), false);
        assertEquals(29, classic.ub1(), "left for the next reader");
    }

    @Test
    void anythingButPiggybacksAfterTheErrorIsATypedError() {
        TtcReader r = reader(LAST_PAIR + " " + ERROR + " 08");
        OrathinProtocolException e = assertThrows(OrathinProtocolException.class,
                () -> AuthExchange.readReply(r, new Capabilities(24), true));
        assertTrue(e.getMessage().contains("after the ERROR"), e.getMessage());
    }
}
