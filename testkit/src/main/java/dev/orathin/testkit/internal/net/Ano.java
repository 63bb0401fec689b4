package dev.orathin.testkit.internal.net;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

/**
 * The listener's answer to an advanced-negotiation (ANO) request (protocol.md §4): every service
 * declined — supervisor status 31, no authentication service (0xFBFF), no encryption, no data
 * integrity. Clients that always send ANO (python-oracledb 1.x, ojdbc when NA is left enabled)
 * then go on with TTC.
 */
public final class Ano {

    /** First four bytes of every ANO message. */
    public static final int MAGIC = 0xDEADBEEF;

    private static final int SERVICE_AUTH = 1, SERVICE_ENCRYPTION = 2, SERVICE_INTEGRITY = 3, SERVICE_SUPERVISOR = 4;
    private static final int TYPE_RAW = 1, TYPE_UB1 = 2, TYPE_VERSION = 5, TYPE_STATUS = 6;
    /** Version the server reports in each service (23.x style). */
    private static final int SERVER_VERSION = 0x17400000;

    private Ano() {
    }

    /** True when a DATA payload (after the data flags) is an ANO request. */
    public static boolean isRequest(byte[] payload) {
        return payload.length >= 13 && ByteBuffer.wrap(payload).getInt() == MAGIC;
    }

    /**
     * Builds the reply to {@code request}, answering its services in the order it listed them.
     * Malformed requests get a reply for the four standard services.
     */
    public static byte[] reply(byte[] request) {
        int[] order = servicesOf(request);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int service : order) {
            ByteBuffer b = ByteBuffer.allocate(64);
            int subPackets = service == SERVICE_SUPERVISOR ? 3 : 2;
            b.putShort((short) service).putShort((short) subPackets).putInt(0);
            b.putShort((short) 4).putShort((short) TYPE_VERSION).putInt(SERVER_VERSION);
            switch (service) {
                case SERVICE_SUPERVISOR -> {
                    b.putShort((short) 2).putShort((short) TYPE_STATUS).putShort((short) 31);
                    // ub2 array of the services the server runs: DEADBEEF, 3, count, values
                    b.putShort((short) 14).putShort((short) TYPE_RAW).putInt(MAGIC).putShort((short) 3).putInt(2)
                            .putShort((short) SERVICE_SUPERVISOR).putShort((short) SERVICE_AUTH);
                }
                case SERVICE_AUTH -> b.putShort((short) 2).putShort((short) TYPE_STATUS).putShort((short) 0xFBFF);
                default -> b.putShort((short) 1).putShort((short) TYPE_UB1).put((byte) 0);
            }
            body.write(b.array(), 0, b.position());
        }
        ByteBuffer out = ByteBuffer.allocate(13 + body.size());
        out.putInt(MAGIC).putShort((short) (13 + body.size())).putInt(SERVER_VERSION).putShort((short) order.length).put((byte) 0);
        out.put(body.toByteArray());
        return out.array();
    }

    private static int[] servicesOf(byte[] request) {
        try {
            ByteBuffer b = ByteBuffer.wrap(request);
            b.position(10);
            int count = b.getShort() & 0xFFFF;
            b.get();
            if (count < 1 || count > 8) {
                throw new IllegalArgumentException("service count " + count);
            }
            int[] order = new int[count];
            for (int i = 0; i < count; i++) {
                order[i] = b.getShort() & 0xFFFF;
                int subs = b.getShort() & 0xFFFF;
                b.getInt();
                for (int j = 0; j < subs; j++) {
                    int len = b.getShort() & 0xFFFF;
                    b.getShort();
                    b.position(b.position() + len);
                }
                if (order[i] < 1 || order[i] > 4) {
                    throw new IllegalArgumentException("service " + order[i]);
                }
            }
            return order;
        } catch (RuntimeException e) {
            return new int[] {SERVICE_SUPERVISOR, SERVICE_AUTH, SERVICE_ENCRYPTION, SERVICE_INTEGRITY};
        }
    }
}
