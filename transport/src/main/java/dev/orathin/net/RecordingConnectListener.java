package dev.orathin.net;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@link ConnectListener} that keeps every event in order, for tests and diagnostics (the
 * doctor): {@code events()} for all of them, {@code events(TlsHandshakeDone.class)} for one kind.
 * Thread-safe.
 */
public final class RecordingConnectListener implements ConnectListener {

    private final List<ConnectEvent> events = new ArrayList<>();

    @Override
    public synchronized void event(ConnectEvent e) {
        events.add(e);
    }

    /** Every event so far, in order. */
    public synchronized List<ConnectEvent> events() {
        return List.copyOf(events);
    }

    /** The events of one kind, in order. */
    public synchronized <T extends ConnectEvent> List<T> events(Class<T> kind) {
        List<T> out = new ArrayList<>();
        for (ConnectEvent e : events) {
            if (kind.isInstance(e)) {
                out.add(kind.cast(e));
            }
        }
        return out;
    }

    /** The simple class names of the events, in order (compact for assertions and printing). */
    public synchronized List<String> names() {
        List<String> out = new ArrayList<>();
        for (ConnectEvent e : events) {
            out.add(e.getClass().getSimpleName());
        }
        return out;
    }
}
