package dev.orathin.internal.ttc;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.orathin.testkit.Mutations;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.orathin.errors.OrathinException;
import dev.orathin.internal.sql.Response;
import dev.orathin.net.NetErrorCode;
import dev.orathin.net.NetException;
import dev.orathin.net.NetPacket;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Coverage-guided fuzz target for the TTC decoders (Jazzer): a server reply (ROW_HEADER, DESCRIBE,
 * ROW_DATA, ERROR, STATUS, PARAMETER, ... messages) split into DATA packets and read by
 * {@link Response} through {@link TtcReader}. The only allowed failure is an
 * {@link OrathinException} (malformed reply, or the end of the input, which stands for the read
 * timeout of a real session); anything else is a finding.
 *
 * <p>Long run: {@code JAZZER_FUZZ=1 mvn -B -pl core -am test -Dsurefire.failIfNoSpecifiedTests=false
 * -Dtest=TtcFuzzTests#response}.
 */
class TtcFuzzTests {

    /** Inputs in the CI run. */
    static final int CI_INPUTS = 5_000;

    /** The first byte picks the packet size (replies cross packet boundaries), the rest is the reply. */
    static void checkResponse(byte[] data) {
        if (data.length == 0) {
            return;
        }
        int size = 1 + (data[0] & 0xFF) * 32;
        Deque<NetPacket> q = new ArrayDeque<>();
        for (int off = 1; off < data.length; off += size) {
            q.add(new NetPacket(NetPacket.TYPE_DATA, 0, 0, Arrays.copyOfRange(data, off, Math.min(data.length, off + size))));
        }
        TtcReader r = new TtcReader(() -> {
            if (q.isEmpty()) {
                throw new NetException(NetErrorCode.RECV_TIMEOUT, "end of the fuzz input");
            }
            return q.remove();
        });
        try {
            Response resp = new Response(new Capabilities(), null, null, false, List.of(), false);
            resp.read(r, (data[0] & 1) == 1);
        } catch (OrathinException expected) {
            // the typed failure
        }
    }

    @FuzzTest(maxDuration = "5m", maxExecutions = 1_000_000)
    void response(byte[] data) {
        checkResponse(data);
    }

    @Test
    void ciRun() {
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            for (byte[] in : Mutations.of(Mutations.seeds(TtcFuzzTests.class, "response"), CI_INPUTS, 5)) {
                checkResponse(in);
            }
        });
    }
}
