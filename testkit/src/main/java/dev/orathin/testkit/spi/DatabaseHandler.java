package dev.orathin.testkit.spi;

import java.io.IOException;

/**
 * The database half of the testkit: serves TTC on a session the listener half has accepted. Runs on
 * the connection's own thread and returns when the client logs off or the connection ends.
 */
@FunctionalInterface
public interface DatabaseHandler {

    /** Serves one session until it ends. */
    void serve(ServerNetSession session) throws IOException;
}
