package dev.orathin.testkit.internal.net;

import java.util.Random;

/**
 * Picks the SDU for the fault that splits server messages across packets: a small SDU drawn from
 * a seed (512..2048 bytes), so every reply longer than it continues in the next packet at whatever
 * byte the boundary falls on — a row, a column value, a length prefix — as on a real server with a
 * small SDU (real-packets {@code pcap-wireshark-sqldeveloper*-2016.txt}: DATA_TYPES split by a
 * 2048-byte SDU). Packets stay full up to the last of each reply, as real servers send them:
 * python-oracledb 1.2.1 and node-oracledb end a DATA_TYPES reply at the end of a packet, so a
 * short packet in the middle of a reply is something no real server sends and these clients
 * reject.
 */
public final class PacketSplitter {

    /** Smallest and largest SDU the fault picks (512 is the smallest SDU Oracle Net allows). */
    static final int MIN_SDU = 512, MAX_SDU = 2048;

    private PacketSplitter() {
    }

    /** The SDU for one connection, from the fault's seed and the connection's number. */
    public static int sdu(long seed, int connection) {
        Random random = new Random(seed ^ ((long) connection << 32));
        return MIN_SDU + random.nextInt(MAX_SDU - MIN_SDU + 1);
    }
}
