package dev.orathin.testkit.internal.ttcserver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The testkit's opt-in byte trace never shows the authentication exchange (session keys, encrypted password). */
class TraceRedactionTest {

    @Test
    void authenticationRequestsAndTheirRepliesAreNotShown() {
        byte[] phaseTwo = {3, 0x73, 5, 'S', 'K'};
        byte[] reply = {8, 1, 2, 3};
        assertEquals("[5 bytes of authentication, not shown]", TtcDatabase.traced(phaseTwo, phaseTwo));
        assertEquals("[4 bytes of authentication, not shown]", TtcDatabase.traced(phaseTwo, reply));
        assertEquals("[3 bytes of authentication, not shown]", TtcDatabase.traced(new byte[] {34, 1, 1}, new byte[] {34, 1, 1}));
        assertEquals("[1 bytes of authentication, not shown]", TtcDatabase.traced(new byte[] {3, 0x76}, new byte[] {9}));
        assertEquals("035e01", TtcDatabase.traced(new byte[] {3, 0x5e, 1}, new byte[] {3, 0x5e, 1}), "an EXECUTE is shown");
    }
}
