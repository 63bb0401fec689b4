package dev.orathin.net;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.orathin.testkit.Mutations;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.orathin.net.internal.packet.Packets;
import dev.orathin.net.internal.packet.TnsFrameDecoder;
import dev.orathin.net.internal.packet.TnsPacket;
import dev.orathin.net.naming.ConfigException;
import dev.orathin.net.internal.naming.ConnectStringResolver;
import dev.orathin.net.internal.naming.NamingRequest;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/**
 * Coverage-guided fuzz targets for transport's parsers (Jazzer): connect strings (descriptors and
 * Easy Connect), tnsnames.ora/sqlnet.ora files, and the TNS frame decoder with the packet decoders
 * behind it. Allowed failures: {@link ConfigException} for naming, and for frames the decoder's
 * {@link TnsPacket.MalformedPacketException} (which the session turns into OTN-4001); anything else
 * is a finding.
 *
 * <p>Long run, one target per JVM: {@code JAZZER_FUZZ=1 mvn -B -pl transport -am test
 * -Dsurefire.failIfNoSpecifiedTests=false -Dtest=TransportFuzzTests#tnsnames}.
 */
class TransportFuzzTests {

    /** Inputs per target in the CI run. */
    static final int CI_INPUTS = 3_000;

    static void checkConnectString(byte[] data) {
        String dsn = new String(data, StandardCharsets.UTF_8);
        try {
            ConnectStringResolver.resolve(new NamingRequest(dsn, null, null, Map.of(), n -> null));
        } catch (ConfigException expected) {
            // the typed failure
        }
    }

    /** The input is tnsnames.ora (before the first NUL) and sqlnet.ora (after it); three aliases are resolved. */
    static void checkConfigFiles(byte[] data) {
        int nul = 0;
        while (nul < data.length && data[nul] != 0) {
            nul++;
        }
        byte[] zip = zip(java.util.Arrays.copyOf(data, nul),
                nul < data.length ? java.util.Arrays.copyOfRange(data, nul + 1, data.length) : new byte[0]);
        for (String alias : new String[] {"db", "a", "x_high"}) {
            try {
                ConnectStringResolver.resolve(new NamingRequest(alias, null, zip, Map.of(), n -> null));
            } catch (ConfigException expected) {
                // the typed failure
            }
        }
    }

    private static byte[] zip(byte[] tnsnames, byte[] sqlnet) {
        try {
            ByteArrayOutputStream bos = new ByteArrayOutputStream();
            try (ZipOutputStream z = new ZipOutputStream(bos)) {
                z.putNextEntry(new ZipEntry("tnsnames.ora"));
                z.write(tnsnames);
                z.putNextEntry(new ZipEntry("sqlnet.ora"));
                z.write(sqlnet);
            }
            return bos.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first byte picks the chunk size (split reads), the rest is the byte stream from the server. */
    static void checkFrames(byte[] data) {
        if (data.length == 0) {
            return;
        }
        int chunk = 1 + (data[0] & 0x3F);
        EmbeddedChannel ch = new EmbeddedChannel(new TnsFrameDecoder());
        try {
            for (int off = 1; off < data.length; off += chunk) {
                ch.writeInbound(Unpooled.wrappedBuffer(data, off, Math.min(chunk, data.length - off)));
                for (Object o; (o = ch.readInbound()) != null; ) {
                    decode((TnsPacket) o);
                }
            }
        } catch (DecoderException e) {
            if (!(e.getCause() instanceof TnsPacket.MalformedPacketException)) {
                throw e;
            }
        } catch (TnsPacket.MalformedPacketException expected) {
            // the typed failure of the packet decoders
        } finally {
            ch.finishAndReleaseAll();
        }
    }

    private static void decode(TnsPacket p) {
        switch (p.type()) {
            case TnsPacket.ACCEPT -> Packets.Accept.decode(p);
            case TnsPacket.REFUSE -> Packets.Refuse.decode(p);
            case TnsPacket.REDIRECT -> Packets.Redirect.parse(new String(p.tail(Math.min(p.length(), 10)), StandardCharsets.ISO_8859_1));
            default -> {
            }
        }
    }

    @FuzzTest(maxDuration = "5m", maxExecutions = 1_000_000)
    void connectString(byte[] data) {
        checkConnectString(data);
    }

    @FuzzTest(maxDuration = "5m", maxExecutions = 1_000_000)
    void tnsnames(byte[] data) {
        checkConfigFiles(data);
    }

    @FuzzTest(maxDuration = "5m", maxExecutions = 1_000_000)
    void frames(byte[] data) {
        checkFrames(data);
    }

    @Test
    void ciRun() {
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            for (byte[] in : Mutations.of(Mutations.seeds(TransportFuzzTests.class, "connectString"), CI_INPUTS, 1)) {
                checkConnectString(in);
            }
            for (byte[] in : Mutations.of(Mutations.seeds(TransportFuzzTests.class, "tnsnames"), CI_INPUTS, 2)) {
                checkConfigFiles(in);
            }
            for (byte[] in : Mutations.of(Mutations.seeds(TransportFuzzTests.class, "frames"), CI_INPUTS, 3)) {
                checkFrames(in);
            }
        });
    }
}
