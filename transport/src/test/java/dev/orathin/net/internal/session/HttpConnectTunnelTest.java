package dev.orathin.net.internal.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The HTTP CONNECT exchange byte by byte: request form, Basic credentials, answers split anywhere, refusals, bounds. */
class HttpConnectTunnelTest {

    private static EmbeddedChannel channel(HttpConnectTunnel t) throws Exception {
        EmbeddedChannel ch = new EmbeddedChannel(false, false, t);
        ch.register();
        ch.connect(InetSocketAddress.createUnresolved("db.example.com", 1522));
        return ch;
    }

    private static String written(EmbeddedChannel ch) {
        ByteBuf b = ch.readOutbound();
        try {
            return b.toString(StandardCharsets.US_ASCII);
        } finally {
            b.release();
        }
    }

    @Test
    void sendsConnectWithBasicCredentialsAndOpensOnA2xxSplitAtEveryByte() throws Exception {
        String answer = "HTTP/1.1 200 Connection established\r\nVia: test\r\n\r\n";
        for (int split = 1; split < answer.length(); split++) {
            HttpConnectTunnel t = new HttpConnectTunnel(new InetSocketAddress("127.0.0.1", 3128), "scott", "t:ig@er".toCharArray(), 10_000);
            EmbeddedChannel ch = channel(t);
            String req = written(ch);
            assertTrue(req.startsWith("CONNECT db.example.com:1522 HTTP/1.1\r\nHost: db.example.com:1522\r\n"), req);
            String basic = Base64.getEncoder().encodeToString("scott:t:ig@er".getBytes(StandardCharsets.UTF_8));
            assertTrue(req.contains("Proxy-Authorization: Basic " + basic + "\r\n\r\n"), req);
            ch.writeInbound(Unpooled.copiedBuffer(answer.substring(0, split), StandardCharsets.US_ASCII));
            assertFalse(t.tunnel().isDone(), "not before the blank line");
            ch.writeInbound(Unpooled.copiedBuffer(answer.substring(split) + "TLS", StandardCharsets.US_ASCII));
            assertTrue(t.tunnel().isSuccess());
            assertEquals("HTTP/1.1 200 Connection established", t.statusLine());
            assertTrue(ch.pipeline().get(HttpConnectTunnel.class) == null, "removed once open");
            ByteBuf after = ch.readInbound();
            assertEquals("TLS", after.toString(StandardCharsets.US_ASCII), "bytes after the header pass on");
            after.release();
            ch.finishAndReleaseAll();
        }
    }

    @Test
    void refusalsCloseAndOverlongAnswersAreBounded() throws Exception {
        HttpConnectTunnel t = new HttpConnectTunnel(new InetSocketAddress("127.0.0.1", 3128), null, null, 10_000);
        EmbeddedChannel ch = channel(t);
        assertFalse(written(ch).contains("Proxy-Authorization"), "no credentials, no header");
        ch.writeInbound(Unpooled.copiedBuffer("HTTP/1.1 403 Forbidden\r\n\r\n", StandardCharsets.US_ASCII));
        HttpConnectTunnel.TunnelException e = (HttpConnectTunnel.TunnelException) t.tunnel().cause();
        assertEquals("HTTP/1.1 403 Forbidden", e.statusLine());
        assertFalse(ch.isOpen());

        HttpConnectTunnel big = new HttpConnectTunnel(new InetSocketAddress("127.0.0.1", 3128), null, null, 10_000);
        EmbeddedChannel ch2 = channel(big);
        written(ch2);
        ch2.writeInbound(Unpooled.wrappedBuffer(new byte[HttpConnectTunnel.MAX_HEADER + 10]));
        assertTrue(big.tunnel().cause().getMessage().contains("longer than"), big.tunnel().cause().getMessage());

        HttpConnectTunnel closed = new HttpConnectTunnel(new InetSocketAddress("127.0.0.1", 3128), null, null, 10_000);
        EmbeddedChannel ch3 = channel(closed);
        written(ch3);
        ch3.writeInbound(Unpooled.copiedBuffer("HTTP/1.1 200", StandardCharsets.US_ASCII));
        ch3.close();
        assertTrue(closed.tunnel().cause().getMessage().contains("closed the connection"), closed.tunnel().cause().getMessage());
    }
}
