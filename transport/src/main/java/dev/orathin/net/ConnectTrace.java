package dev.orathin.net;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How an open session was reached: the route that succeeded, the time spent in each phase, the
 * Oracle Net round trips of the connect phase and the attempts made before (failed ones included).
 *
 * @param route the route that succeeded
 * @param phases time per phase of the successful attempt (DNS, TCP, PROXY, TLS, NS, TLS2)
 * @param roundTrips request/response turns of the connect phase (proxy CONNECT, CONNECT/RESEND/ACCEPT)
 * @param attempts every attempt, the successful one last
 */
public record ConnectTrace(String route, Map<ConnectAttempt.Phase, Duration> phases, int roundTrips, List<ConnectAttempt> attempts) {

    /** Copies the collections. */
    public ConnectTrace {
        phases = Map.copyOf(phases);
        attempts = List.copyOf(attempts);
    }
}
