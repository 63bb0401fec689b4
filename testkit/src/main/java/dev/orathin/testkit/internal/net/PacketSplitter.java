package dev.orathin.testkit.internal.net;

import java.util.Random;

/**
 * Cuts one server response into DATA packet bodies at random boundaries, for the fault that splits
 * server messages across packets: a message may then continue in the next packet at any byte, as
 * it does on a real server when a reply is larger than the SDU (real-packets
 * {@code pcap-wireshark-sqldeveloper*-2016.txt}: DATA_TYPES split by a 2048-byte SDU). Seeded, so a
 * failing run can be replayed.
 */
public final class PacketSplitter {

    private final Random random;

    /** A splitter drawing its cut points from {@code seed}. */
    public PacketSplitter(long seed) {
        this.random = new Random(seed);
    }

    /**
     * The size of the next packet body for a response with {@code remaining} bytes left, at most
     * {@code max}: uniform in 1..min(max, remaining), so every boundary position can occur.
     */
    public int next(int remaining, int max) {
        if (remaining <= 0 || max <= 0) {
            throw new IllegalArgumentException("remaining " + remaining + " and max " + max + " must be positive");
        }
        return 1 + random.nextInt(Math.min(max, remaining));
    }
}
