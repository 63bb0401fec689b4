package dev.orathin.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue #19 item 5: facts travel as fields (detail, timeout), not as message text other layers parse. */
class NetExceptionFieldsTest {

    @Test
    void detailAndTimeoutSurviveTheAttemptLogAndConnectionId() {
        NetException e = new NetException(NetErrorCode.RECV_TIMEOUT, "tcp://h:1: no answer within 500 ms (RECV_TIMEOUT)", null, List.of(),
                12609).withTimeout("RECV_TIMEOUT", Duration.ofMillis(500));
        assertEquals("tcp://h:1: no answer within 500 ms (RECV_TIMEOUT) (ORA-12609)", e.detail());
        assertTrue(e.getMessage().startsWith("OTN-3006: "));
        NetException logged = e.withAttempts(List.of(), "abc==", "; the overall connect timeout was reached");
        assertEquals(new NetException.Timeout("RECV_TIMEOUT", Duration.ofMillis(500)), logged.timeout().orElseThrow());
        assertTrue(logged.detail().startsWith("tcp://h:1: no answer within 500 ms (RECV_TIMEOUT); the overall connect timeout was reached"
                + " (CONNECTION_ID=abc==)"), logged.detail());
        assertEquals(1, logged.getMessage().split("ORA-12609", -1).length - 1, "the ORA number once: " + logged.getMessage());
        assertFalse(new NetException(NetErrorCode.IO_ERROR, "x").timeout().isPresent());
    }
}
