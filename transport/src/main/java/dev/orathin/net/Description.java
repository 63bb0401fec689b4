package dev.orathin.net;

import dev.orathin.net.internal.naming.Params;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * One DESCRIPTION: its addresses, CONNECT_DATA, SECURITY and connect-time parameters, with the
 * defaults applied by the accessors (documented on each).
 *
 * @param addresses the implicit top-level address list (ADDRESS and ADDRESS_LIST children), governed by this description's flags
 * @param connectData CONNECT_DATA
 * @param security SECURITY
 * @param params the description's own parameters (RETRY_COUNT, CONNECT_TIMEOUT, ...)
 */
public record Description(AddressList addresses, ConnectData connectData, Security security, Map<String, Param> params) {

    /** Default SDU (python-oracledb, ojdbc). */
    public static final int DEFAULT_SDU = 8192;
    /** Default RETRY_DELAY when RETRY_COUNT is set (python, node). */
    public static final Duration DEFAULT_RETRY_DELAY = Duration.ofSeconds(1);
    /**
     * Default TRANSPORT_CONNECT_TIMEOUT: 20 s like python-oracledb and node thin (the reference
     * says 60 s for thick clients).
     */
    public static final Duration DEFAULT_TRANSPORT_CONNECT_TIMEOUT = Duration.ofSeconds(20);

    /** Copies. */
    public Description {
        params = Params.copy(params);
    }

    /** FAILOVER (default on). */
    public boolean failover() {
        return Params.bool(params, "FAILOVER").orElse(true);
    }

    /** LOAD_BALANCE (default off). */
    public boolean loadBalance() {
        return Params.bool(params, "LOAD_BALANCE").orElse(false);
    }

    /** SOURCE_ROUTE (default off). */
    public boolean sourceRoute() {
        return Params.bool(params, "SOURCE_ROUTE").orElse(false);
    }

    /** RETRY_COUNT (default 0). */
    public int retryCount() {
        return Params.integer(params, "RETRY_COUNT", 0, 1000).orElse(0);
    }

    /** RETRY_DELAY (default 1 s; bare numbers are seconds). */
    public Duration retryDelay() {
        return Params.duration(params, "RETRY_DELAY").orElse(DEFAULT_RETRY_DELAY);
    }

    /** CONNECT_TIMEOUT (per attempt: TCP + proxy + TLS + Oracle Net), if set. */
    public Optional<Duration> connectTimeout() {
        return Params.duration(params, "CONNECT_TIMEOUT");
    }

    /** TRANSPORT_CONNECT_TIMEOUT (TCP connect), default 20 s. */
    public Duration transportConnectTimeout() {
        return Params.duration(params, "TRANSPORT_CONNECT_TIMEOUT").orElse(DEFAULT_TRANSPORT_CONNECT_TIMEOUT);
    }

    /** RECV_TIMEOUT, if set. */
    public Optional<Duration> recvTimeout() {
        return Params.duration(params, "RECV_TIMEOUT");
    }

    /** EXPIRE_TIME (bare numbers are minutes), if set and positive. */
    public Optional<Duration> expireTime() {
        return Params.minutes(params, "EXPIRE_TIME").filter(d -> !d.isZero());
    }

    /** The smallest and largest SDU: a value outside is clamped, as python-oracledb and node-oracledb do. */
    public static final int MIN_SDU = 512, MAX_SDU = 2_097_152;

    /** {@code sdu} clamped to {@link #MIN_SDU}..{@link #MAX_SDU}. */
    public static int clampSdu(int sdu) {
        return Math.max(MIN_SDU, Math.min(MAX_SDU, sdu));
    }

    /** SDU (default 8192; a value outside 512..2097152 is clamped, with a warning from the naming layer). */
    public int sdu() {
        return Params.integer(params, "SDU", 0, Integer.MAX_VALUE).map(Description::clampSdu).orElse(DEFAULT_SDU);
    }

    /** USE_SNI (default off). */
    public boolean useSni() {
        return Params.bool(params, "USE_SNI").orElse(false);
    }
}
