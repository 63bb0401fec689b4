package dev.orathin.testkit;

import java.time.Duration;

/**
 * A scripted misbehaviour for one connection to an {@link OracleTestServer}, like MockWebServer's
 * socket effects. Enqueue with {@link OracleTestServer#enqueueFault(Fault)}: each accepted
 * connection takes the next queued fault, or behaves normally when the queue is empty.
 */
public sealed interface Fault {

    /** Answer normally, but close the socket after {@code bytes} bytes of the server's output. */
    record CloseAfterBytes(int bytes) implements Fault {
    }

    /** Accept the TCP connection and never send anything (reads are drained until the server closes). */
    record NeverAnswer() implements Fault {
    }

    /** Answer normally, but wait {@code delay} before every packet the server writes. */
    record AnswerSlowly(Duration delay) implements Fault {
    }

    /** Answer the CONNECT (after TLS, if any) with these bytes instead of a TNS packet, then close. */
    record SendGarbage(byte[] bytes) implements Fault {
    }

    /** Read the start of the client's TLS ClientHello, then close the socket. */
    record DropMidTlsHandshake() implements Fault {
    }

    /** Fail the TLS handshake by rejecting whatever client certificate is presented. */
    record RejectClientCertificate() implements Fault {
    }

    /** Present a listener certificate whose DN and SAN do not match the host the client dials. */
    record WrongDnCertificate() implements Fault {
    }

    /** Present a listener certificate that expired yesterday. */
    record ExpiredCertificate() implements Fault {
    }

    /** Present a listener certificate issued by a CA the client does not trust. */
    record OtherCaCertificate() implements Fault {
    }

    /**
     * Answer normally, but with a small SDU drawn from {@code seed} (512..2048), so replies continue
     * across DATA packets at random message bytes (see {@link OracleTestServer.Builder#splitMessages(long)}
     * for every connection).
     */
    record SplitMessages(long seed) implements Fault {
    }
}
