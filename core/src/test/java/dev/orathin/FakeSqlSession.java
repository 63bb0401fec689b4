package dev.orathin;

import dev.orathin.internal.ttc.Capabilities;
import dev.orathin.internal.ttc.Login;
import dev.orathin.net.ConnectTrace;
import dev.orathin.net.NetErrorCode;
import dev.orathin.net.NetException;
import dev.orathin.net.NetPacket;
import dev.orathin.net.NetSession;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A scripted server at the NetSession level: each request is answered by the script (byte
 * arrays become DATA packets, split at 90 bytes so reads cross packet boundaries); markers sent by
 * the client go to {@link #onMarker}. Waits are real and bounded, so timeouts can be tested.
 */
final class FakeSqlSession implements NetSession {

    /** A marker packet of the given type. */
    static NetPacket marker(int type) {
        return new NetPacket(NetPacket.TYPE_MARKER, 0, 0, new byte[] {1, 0, (byte) type});
    }

    final LinkedBlockingQueue<NetPacket> inbound = new LinkedBlockingQueue<>();
    final List<byte[]> requests = new CopyOnWriteArrayList<>();
    final List<Integer> markers = new CopyOnWriteArrayList<>();
    volatile Function<byte[], List<byte[]>> script;
    volatile Function<Integer, List<NetPacket>> onMarker = m -> List.of();
    volatile boolean open = true;

    FakeSqlSession(Function<byte[], List<byte[]>> script) {
        this.script = script;
    }

    /** An OracleConnection over this session (field version 13, end-of-call status in ERROR). */
    OracleConnection connection(Duration callTimeout) {
        Login.Session s = new Login.Session(new Capabilities(), 42, 7, 0x17400000L, Map.of(), 4);
        return new OracleConnection(this, s, callTimeout);
    }

    void queue(byte[] reply) {
        for (int off = 0; off < reply.length; off += 90) {
            inbound.add(new NetPacket(NetPacket.TYPE_DATA, 0, 0, Arrays.copyOfRange(reply, off, Math.min(reply.length, off + 90))));
        }
    }

    @Override
    public void send(byte[] payload, int dataFlags) {
        requests.add(payload);
        for (byte[] reply : script.apply(payload)) {
            queue(reply);
        }
    }

    @Override
    public NetPacket receive(Duration timeout) {
        try {
            NetPacket p = inbound.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
            if (p == null) {
                throw new NetException(NetErrorCode.RECV_TIMEOUT, "fake: no answer within " + timeout.toMillis() + " ms");
            }
            return p;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NetException(NetErrorCode.IO_ERROR, "interrupted");
        }
    }

    @Override
    public void sendMarker(int markerType) {
        markers.add(markerType);
        inbound.addAll(onMarker.apply(markerType));
    }

    /** Function codes of the requests so far (byte 1 of each; piggybacks show as 17 then the code after them). */
    List<Integer> functions() {
        List<Integer> out = new ArrayList<>();
        for (byte[] r : requests) {
            out.add(r[0] == 17 ? 1000 + (r[1] & 0xFF) : r[1] & 0xFF);
        }
        return out;
    }

    public int protocolVersion() { return 319; }
    public int sdu() { return 8192; }
    public boolean fastAuthSupported() { return false; }
    public boolean endOfResponseSupported() { return false; }
    public boolean oobSupported() { return false; }
    public ConnectTrace trace() { return null; }
    public boolean isOpen() { return open; }
    public void close() { open = false; }
    public void abort() { open = false; }
}
