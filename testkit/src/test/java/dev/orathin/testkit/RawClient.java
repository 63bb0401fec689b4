package dev.orathin.testkit;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** A minimal hand-written Oracle Net client for testing the listener byte by byte. */
final class RawClient {

    InputStream in;
    OutputStream out;
    boolean large;

    RawClient(Socket s) throws IOException {
        this(s.getInputStream(), s.getOutputStream());
    }

    RawClient(InputStream in, OutputStream out) {
        this.in = in;
        this.out = out;
    }

    /** CONNECT as python-oracledb builds it (protocol.md §2.1); data inline when <= 230 bytes. */
    static byte[] connectPacket(String data) {
        byte[] d = data.getBytes(StandardCharsets.US_ASCII);
        boolean inline = d.length <= 230;
        ByteBuffer b = ByteBuffer.allocate(74 + (inline ? d.length : 0));
        b.putShort((short) b.capacity()).putShort((short) 0).put((byte) 1).put((byte) 0).putShort((short) 0);
        b.putShort((short) 319).putShort((short) 300).putShort((short) 1).putShort((short) 8192).putShort((short) 8192);
        b.putShort((short) 0x4F98).putShort((short) 0).putShort((short) 1).putShort((short) d.length).putShort((short) 74);
        b.putInt(0).put((byte) 0x84).put((byte) 0x84).put(new byte[24]).putInt(8192).putInt(8192).putInt(0).putInt(0);
        if (inline) {
            b.put(d);
        }
        return b.array();
    }

    void sendConnect(String data) throws IOException {
        out.write(connectPacket(data));
        byte[] d = data.getBytes(StandardCharsets.US_ASCII);
        if (d.length > 230) {
            sendData(0, d);
        }
        out.flush();
    }

    void sendData(int dataFlags, byte[] payload) throws IOException {
        int len = 10 + payload.length;
        ByteBuffer b = ByteBuffer.allocate(len);
        if (large) {
            b.putInt(len);
        } else {
            b.putShort((short) len).putShort((short) 0);
        }
        b.put((byte) 6).put((byte) 0).putShort((short) 0).putShort((short) dataFlags).put(payload);
        out.write(b.array());
        out.flush();
    }

    /** Reads one packet (whole, header included). */
    byte[] read() throws IOException {
        DataInputStream d = new DataInputStream(in);
        byte[] h = new byte[8];
        d.readFully(h);
        ByteBuffer hb = ByteBuffer.wrap(h);
        int len = large ? hb.getInt() : hb.getShort() & 0xFFFF;
        if (len < 8) {
            throw new EOFException("bad length " + len);
        }
        byte[] p = new byte[len];
        System.arraycopy(h, 0, p, 0, 8);
        d.readFully(p, 8, len - 8);
        return p;
    }

    static int u16(byte[] p, int off) {
        return ((p[off] & 0xFF) << 8) | (p[off + 1] & 0xFF);
    }

    static String descriptor(int port, String service) {
        return "(DESCRIPTION=(ADDRESS=(PROTOCOL=tcp)(HOST=localhost)(PORT=" + port + "))(CONNECT_DATA=(SERVICE_NAME=" + service
                + ")(CID=(PROGRAM=test)(HOST=box)(USER=me))))";
    }
}
