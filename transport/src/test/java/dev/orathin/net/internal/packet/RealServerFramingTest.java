package dev.orathin.net.internal.packet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The TNS layer on real server bytes ({@code ../shared/real-packets}, read in place, skipped when
 * absent): each connection's server stream, cut into small pieces, goes through the
 * {@link TnsFrameDecoder} a session uses; every complete packet must come out exactly as the server
 * sent it (2-byte lengths, then 4-byte ones after an ACCEPT of version 315 or more; header flags
 * 0x04 and 0x20 accepted), and ACCEPT / REFUSE / REDIRECT bodies decode with {@link Packets}.
 */
class RealServerFramingTest {

    private record Block(String direction, boolean complete, byte[] bytes) {
    }

    private static Path folder() {
        String configured = System.getProperty("ORATHIN_REAL_PACKETS", System.getenv("ORATHIN_REAL_PACKETS"));
        Path dir = configured != null ? Path.of(configured) : Path.of("..", "..", "shared", "real-packets");
        assumeTrue(Files.isDirectory(dir), "real-packets folder not found at " + dir.toAbsolutePath().normalize()
                + " (set ORATHIN_REAL_PACKETS): skipping the TNS replay of real server bytes");
        return dir;
    }

    private static List<Block> blocks(Path file) throws IOException {
        List<Block> out = new ArrayList<>();
        String dir = null;
        boolean complete = false;
        ByteArrayOutputStream cur = null;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.startsWith("# dir=")) {
                if (cur != null) {
                    out.add(new Block(dir, complete, cur.toByteArray()));
                }
                dir = line.substring(6, line.indexOf(' ', 6));
                complete = line.matches("# dir=\\w+ TNS .*") && line.contains("complete") && !line.contains("FRAGMENT");
                cur = new ByteArrayOutputStream();
            } else if (cur != null && !line.startsWith("#") && !line.isBlank()) {
                cur.writeBytes(HexFormat.of().parseHex(line.replaceAll("\\s+", "")));
            }
        }
        if (cur != null) {
            out.add(new Block(dir, complete, cur.toByteArray()));
        }
        return out;
    }

    @Test
    void everyServerPacketFramesExactlyAsSent() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(folder())) {
            files = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        int packets = 0;
        int largeAfterAccept = 0;
        int flagged = 0;
        for (Path f : files) {
            TnsFrameDecoder decoder = null;
            EmbeddedChannel ch = null;
            int piece = 1;
            for (Block b : blocks(f)) {
                if (!b.complete()) {
                    continue;
                }
                if (b.direction().equals("client")) {
                    if ((b.bytes()[4] & 0xFF) == TnsPacket.CONNECT) {
                        decoder = new TnsFrameDecoder(); // a new connection (or the CONNECT repeated after RESEND)
                        ch = new EmbeddedChannel(decoder);
                    }
                    continue;
                }
                if (ch == null) {
                    decoder = new TnsFrameDecoder(); // a capture of server packets only
                    ch = new EmbeddedChannel(decoder);
                }
                boolean large = decoder.largeLengths();
                byte[] bytes = b.bytes();
                for (int off = 0; off < bytes.length; off += piece) {
                    int n = Math.min(piece, bytes.length - off);
                    ch.writeInbound(Unpooled.wrappedBuffer(bytes, off, n));
                }
                piece = piece % 7 + 1;
                TnsPacket p = ch.readInbound();
                org.junit.jupiter.api.Assertions.assertNotNull(p, f.getFileName() + ": no packet out of " + bytes.length + " bytes of type "
                        + bytes[4] + ", 4-byte lengths " + decoder.largeLengths());
                assertArrayEquals(bytes, p.bytes(), f.getFileName() + ": packet changed by framing");
                assertNull(ch.readInbound(), f.getFileName() + ": one packet in, one out");
                packets++;
                if (large) {
                    largeAfterAccept++;
                }
                if (p.flags() != 0) {
                    flagged++;
                }
                switch (p.type()) {
                    case TnsPacket.ACCEPT -> {
                        Packets.Accept a = Packets.Accept.decode(p);
                        assertTrue(a.version() >= 300 && a.version() <= 319, f.getFileName() + ": version " + a.version());
                        assertEquals(a.version() >= TnsFrameDecoder.MIN_LARGE_SDU_VERSION, decoder.largeLengths(), f.getFileName().toString());
                        assertTrue(a.sdu() >= 512, f.getFileName() + ": sdu " + a.sdu());
                    }
                    case TnsPacket.REFUSE -> Packets.Refuse.decode(p);
                    case TnsPacket.REDIRECT -> {
                        int len = p.u16(8);
                        if (p.length() >= 10 + len && len > 0) {
                            Packets.Redirect r = Packets.Redirect.parse(new String(p.tail(10), StandardCharsets.US_ASCII));
                            assertTrue(r.address().contains("ADDRESS"), r.address());
                        }
                    }
                    default -> {
                        // DATA, RESEND, MARKER: the header is all the TNS layer reads
                    }
                }
            }
            if (ch != null) {
                ch.finishAndReleaseAll();
            }
        }
        assertTrue(packets > 500, "server packets framed: " + packets);
        assertTrue(largeAfterAccept > 50, "packets framed with 4-byte lengths after ACCEPT >= 315: " + largeAfterAccept);
        assertTrue(flagged > 0, "packets with header flags (0x04 on 9.2, 0x20 on MARKER and ANO)");
    }

    /** CONNECT header fields (protocol.md §2.1) by offset, length and name. */
    private static final Object[][] CONNECT_FIELDS = {{8, 2, "version"}, {10, 2, "lowest version"}, {12, 2, "global service options"},
        {14, 2, "SDU 16-bit"}, {16, 2, "TDU 16-bit"}, {18, 2, "NT characteristics"}, {20, 2, "line turnaround"}, {22, 2, "value of 1"},
        {26, 2, "connect data offset"}, {28, 4, "max receivable connect data"}, {32, 1, "NSI flags 0"}, {33, 1, "NSI flags 1"},
        {58, 4, "SDU 32-bit"}, {62, 4, "TDU 32-bit"}, {66, 4, "connect flags 1"}, {70, 4, "connect flags 2"}};

    /** Differences to python-oracledb 4.0.1's CONNECT that a 23.26.1 listener accepted, and why each is safe. */
    private static final java.util.Map<String, String> CONNECT_EXPLAINED = java.util.Map.of(
            "global service options", "python adds 0x0400 CAN_RECV_ATTENTION because it uses out-of-band breaks; orathin does not"
                    + " (it interrupts with in-band MARKERs), so it does not claim it — 0x0001 alone is what python itself sends when OOB"
                    + " is unusable",
            "connect flags 2", "0x00000001 TNS_CHECK_OOB goes with CAN_RECV_ATTENTION (see global service options); 0 without OOB");

    @Test
    void connectAgainstTheOneA23aiListenerAcceptedFromPythonOracledb() throws IOException {
        Path f = folder().resolve("muhdur-fetch_df.txt");
        assumeTrue(Files.isRegularFile(f), f + " absent");
        Block python = blocks(f).stream().filter(b -> b.direction().equals("client") && (b.bytes()[4] & 0xFF) == TnsPacket.CONNECT)
                .findFirst().orElseThrow();
        Block data = blocks(f).get(1);
        String connectData = new String(data.bytes(), 10, data.bytes().length - 10, StandardCharsets.US_ASCII);
        // no SECURITY section, no client-only parameters (wallet, password, ...) in what python-oracledb sent over TCP
        assertTrue(!connectData.contains("SECURITY") && !connectData.toUpperCase(java.util.Locale.ROOT).contains("WALLET")
                && !connectData.toUpperCase(java.util.Locale.ROOT).contains("PASSWORD"), connectData);
        List<byte[]> ours = Packets.connect(connectData, 8192, false);
        assertEquals(2, ours.size(), "connect data over 230 bytes follows in a DATA packet, as python sent it");
        assertArrayEquals(data.bytes(), ours.get(1), "the DATA packet carrying the connect data is byte for byte python's");
        List<String> unexplained = new ArrayList<>();
        for (Object[] fd : CONNECT_FIELDS) {
            int off = (int) fd[0];
            int len = (int) fd[1];
            long a = value(python.bytes(), off, len);
            long b = value(ours.get(0), off, len);
            if (a != b && !CONNECT_EXPLAINED.containsKey((String) fd[2])) {
                unexplained.add(fd[2] + ": python 0x" + Long.toHexString(a) + ", orathin 0x" + Long.toHexString(b));
            }
        }
        assertEquals(python.bytes().length, ours.get(0).length, "CONNECT length");
        assertTrue(unexplained.isEmpty(), String.join("\n", unexplained));
    }

    private static long value(byte[] b, int off, int len) {
        long v = 0;
        for (int i = 0; i < len; i++) {
            v = (v << 8) | (b[off + i] & 0xFF);
        }
        return v;
    }
}
