package dev.orathin.net;

import dev.orathin.net.internal.naming.Params;
import java.util.Map;
import java.util.Optional;

/**
 * CONNECT_DATA: the service (SERVICE_NAME or SID), INSTANCE_NAME, SERVER and every other key
 * (pooling, sharding, FAILOVER_MODE...), passed to the listener as written.
 *
 * @param params the keys, in written order
 */
public record ConnectData(Map<String, Param> params) {

    /** Copies. */
    public ConnectData {
        params = Params.copy(params);
    }

    /** SERVICE_NAME. */
    public Optional<String> serviceName() {
        return Params.text(params, "SERVICE_NAME");
    }

    /** SID. */
    public Optional<String> sid() {
        return Params.text(params, "SID");
    }

    /** INSTANCE_NAME. */
    public Optional<String> instanceName() {
        return Params.text(params, "INSTANCE_NAME");
    }

    /** SERVER (dedicated, shared, pooled). */
    public Optional<String> server() {
        return Params.text(params, "SERVER");
    }
}
