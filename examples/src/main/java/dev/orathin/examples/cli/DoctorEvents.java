package dev.orathin.examples.cli;

import dev.orathin.net.ConnectAttempt;
import dev.orathin.net.ConnectEvent;
import dev.orathin.net.ConnectListener;
import dev.orathin.net.IdentityVerdict;
import dev.orathin.net.NetErrorCode;
import dev.orathin.net.Route;
import java.util.ArrayList;
import java.util.List;

/** The driver's connect events as the doctor reads them: arrival times, and which failure or hop an event belongs to. */
final class DoctorEvents {

    private DoctorEvents() {
    }

    /** An event of the driver's connect with the time it arrived (NetAnswer and AttemptFailed carry no duration of their own). */
    record Timed(long nanos, ConnectEvent event) {
    }

    /** Keeps the driver's connect events in order, with their arrival times. */
    static final class Recorder implements ConnectListener {
        private final List<Timed> events = new ArrayList<>();

        @Override
        public synchronized void event(ConnectEvent e) {
            events.add(new Timed(System.nanoTime(), e));
        }

        synchronized List<Timed> events() {
            return List.copyOf(events);
        }
    }

    /** True when the attempt's failure is the server rejecting our certificate after the handshake at {@code i} completed. */
    static boolean lateRejection(List<Timed> events, int i) {
        ConnectEvent.AttemptFailed f = failure(events, i);
        if (f == null || f.error().errorCode() != NetErrorCode.TLS_CLIENT_REJECTED || f.phase() != ConnectAttempt.Phase.NS) {
            return false;
        }
        for (int j = i + 1; j < events.size() && events.get(j).event() != f; j++) {
            if (events.get(j).event() instanceof ConnectEvent.TlsHandshakeDone) {
                return false; // a later handshake is the one that was rejected
            }
        }
        return true;
    }

    /** The failure that ends the attempt the event at {@code i} belongs to, or null when that attempt succeeded. */
    static ConnectEvent.AttemptFailed failure(List<Timed> events, int i) {
        for (int j = i + 1; j < events.size(); j++) {
            ConnectEvent e = events.get(j).event();
            if (e instanceof ConnectEvent.AttemptFailed f) {
                return f;
            }
            if (e instanceof ConnectEvent.AttemptEnded) {
                return null;
            }
        }
        return null;
    }

    /** The route of the hop after a REDIRECT, as the driver reports it. */
    static Route nextRoute(List<Timed> events, int i, Route from) {
        for (int j = i + 1; j < events.size(); j++) {
            ConnectEvent e = events.get(j).event();
            Route r = e instanceof ConnectEvent.TcpConnected c ? c.route() : e instanceof ConnectEvent.AttemptFailed f ? f.route() : null;
            if (r != null && !r.equals(from)) {
                return r;
            }
        }
        return null;
    }

    static String identity(IdentityVerdict v) {
        return switch (v.mode()) {
            case CERT_DN -> "expected DN \"" + v.expected() + "\"" + (v.ok() ? " = certificate " : " but certificate ") + v.actual();
            case HOST -> "expected host " + v.expected() + (v.ok() ? " matches certificate " : " but certificate ") + v.actual();
            case WEAK_SERVICE -> "service " + v.expected() + " equals the certificate CN (weak DN match); certificate " + v.actual();
            case OFF -> "SSL_SERVER_DN_MATCH=no: not checked (certificate " + v.actual() + ")";
        };
    }

    static String target(Route route) {
        return (route.host().contains(":") ? "[" + route.host() + "]" : route.host()) + ":" + route.port();
    }

}
