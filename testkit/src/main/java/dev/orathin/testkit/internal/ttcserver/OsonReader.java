package dev.orathin.testkit.internal.ttcserver;

import dev.orathin.testkit.internal.ttcserver.OraErrors.OraException;
import java.math.BigDecimal;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * The testkit's own OSON → JSON text decoder, for JSON binds (clients send OSON): the header and
 * field-name dictionaries of versions 1 and 3, containers with two- or four-byte offsets (relative
 * to the container when the document says so, and objects sharing another object's field ids), and
 * the scalars. Oracle's extended scalars become JSON text as {@code JSON_SERIALIZE} writes them
 * (dates and timestamps as ISO strings, binary as hex, BINARY_FLOAT/DOUBLE as numbers). Malformed
 * input is ORA-40441.
 */
final class OsonReader {

    private final ByteBuffer in;
    private int treeStart;
    private boolean relative;
    private int idWidth;
    private String[] names = new String[0];

    private OsonReader(byte[] image) {
        this.in = ByteBuffer.wrap(image);
    }

    /** The JSON text of an OSON image. */
    static String toJson(byte[] image) {
        try {
            return new OsonReader(image).read();
        } catch (BufferUnderflowException | IndexOutOfBoundsException | IllegalArgumentException e) {
            throw bad("image ends early or points outside itself");
        }
    }

    private String read() {
        if ((in.get() & 0xFF) != 0xFF || in.get() != 'J' || in.get() != 'Z') {
            throw bad("magic bytes");
        }
        int version = in.get() & 0xFF;
        if (version != 1 && version != 3) {
            throw bad("version " + version);
        }
        int flags = in.getShort() & 0xFFFF;
        relative = (flags & 0x01) != 0;
        boolean wideTree = (flags & 0x1000) != 0;
        StringBuilder out = new StringBuilder();
        if ((flags & 0x10) != 0) {
            skip(wideTree ? 4 : 2);
            treeStart = in.position();
            node(out, 0);
            return out.toString();
        }
        idWidth = (flags & 0x08) != 0 ? 4 : (flags & 0x0400) != 0 ? 2 : 1;
        int shortCount = (int) uint(idWidth);
        int shortOffsetWidth = (flags & 0x0800) != 0 ? 4 : 2;
        int shortSeg = (int) uint(shortOffsetWidth);
        int longCount = 0;
        int longSeg = 0;
        int longOffsetWidth = 4;
        if (version == 3) {
            longOffsetWidth = (in.getShort() & 0x0100) != 0 ? 2 : 4;
            longCount = in.getInt();
            longSeg = in.getInt();
        }
        skip(wideTree ? 4 : 2); // tree size
        skip(2); // tiny nodes
        names = new String[shortCount + longCount];
        names(0, shortCount, 1, shortOffsetWidth, shortSeg);
        names(shortCount, longCount, 2, longOffsetWidth, longSeg);
        treeStart = in.position();
        node(out, 0);
        return out.toString();
    }

    private void names(int first, int count, int width, int offsetWidth, int segSize) {
        skip(count * width); // hash ids
        int offsets = in.position();
        int seg = offsets + count * offsetWidth;
        for (int i = 0; i < count; i++) {
            in.position(offsets + i * offsetWidth);
            int at = seg + (int) uint(offsetWidth);
            in.position(at);
            int len = (int) uint(width);
            byte[] b = new byte[len];
            in.get(b);
            names[first + i] = new String(b, StandardCharsets.UTF_8);
        }
        in.position(seg + segSize);
    }

    private void node(StringBuilder out, int depth) {
        if (depth > 1000) {
            throw bad("nesting deeper than 1000");
        }
        int at = in.position() - treeStart;
        int t = in.get() & 0xFF;
        if ((t & 0x80) != 0) {
            container(out, t, at, depth);
            return;
        }
        switch (t) {
            case 0x30 -> out.append("null");
            case 0x31 -> out.append("true");
            case 0x32 -> out.append("false");
            case 0x33 -> text(out, (int) uint(1));
            case 0x37 -> text(out, (int) uint(2));
            case 0x38 -> text(out, (int) uint(4));
            case 0x34 -> number(out, (int) uint(1));
            case 0x36 -> out.append(finite(Values.binaryDouble(bytes(8))));
            case 0x7F -> out.append(finite(Values.binaryFloat(bytes(4))));
            case 0x3C, 0x7D -> quoted(out, Values.dateTime(bytes(7)).toString());
            case 0x39 -> quoted(out, Values.dateTime(bytes(11)).toString());
            case 0x7C -> quoted(out, Values.dateTime(bytes(13)).toString());
            case 0x3D -> quoted(out, Values.intervalYm(bytes(5)).toString());
            case 0x3E -> quoted(out, Values.intervalDs(bytes(11)).toString());
            case 0x3A -> quoted(out, HexFormat.of().withUpperCase().formatHex(bytes((int) uint(2))));
            case 0x3B -> quoted(out, HexFormat.of().withUpperCase().formatHex(bytes((int) uint(4))));
            case 0x7E -> quoted(out, HexFormat.of().withUpperCase().formatHex(bytes((int) uint(1))));
            case 0x7B -> {
                if ((in.get() & 0xFF) != 0x01) {
                    throw bad("extended type other than VECTOR");
                }
                out.append(VectorData.parse(bytes(in.getInt())).text());
            }
            default -> {
                if ((t & 0xF0) == 0x20 || (t & 0xF0) == 0x60) {
                    number(out, (t & 0x0F) + 1);
                } else if ((t & 0xF0) == 0x40 || (t & 0xF0) == 0x50) {
                    number(out, t & 0x0F);
                } else if ((t & 0xE0) == 0) {
                    text(out, t);
                } else {
                    throw bad(String.format("node type 0x%02X", t));
                }
            }
        }
    }

    private void container(StringBuilder out, int t, int at, int depth) {
        boolean array = (t & 0x40) != 0;
        int offsetWidth = (t & 0x20) != 0 ? 4 : 2;
        int count;
        int ids;
        int offsets;
        if ((t & 0x18) == 0x18) {
            long shared = uint(offsetWidth);
            offsets = in.position();
            in.position(treeStart + (int) shared);
            int st = in.get() & 0xFF;
            count = children(st);
            ids = in.position();
        } else {
            count = children(t);
            ids = in.position();
            offsets = array ? ids : ids + count * idWidth;
        }
        out.append(array ? '[' : '{');
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                out.append(',');
            }
            if (!array) {
                in.position(ids + i * idWidth);
                int id = (int) uint(idWidth);
                if (id < 1 || id > names.length) {
                    throw bad("field id " + id);
                }
                quoted(out, names[id - 1]);
                out.append(':');
            }
            in.position(offsets + i * offsetWidth);
            long off = uint(offsetWidth) + (relative ? at : 0);
            in.position(treeStart + (int) off);
            node(out, depth + 1);
        }
        out.append(array ? ']' : '}');
    }

    private int children(int t) {
        return switch (t & 0x18) {
            case 0x00 -> (int) uint(1);
            case 0x08 -> (int) uint(2);
            default -> (int) uint(4);
        };
    }

    private void number(StringBuilder out, int len) {
        BigDecimal d = Values.number(bytes(len));
        out.append(SqlSession.numberText(d).replaceFirst("^(-?)\\.", "$10."));
    }

    private static String finite(double d) {
        return Double.isNaN(d) || Double.isInfinite(d) ? "\"" + d + "\"" : Double.toString(d);
    }

    private void text(StringBuilder out, int len) {
        quoted(out, new String(bytes(len), StandardCharsets.UTF_8));
    }

    private static void quoted(StringBuilder out, String s) {
        out.append('"');
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        in.get(b);
        return b;
    }

    private long uint(int width) {
        return switch (width) {
            case 1 -> in.get() & 0xFF;
            case 2 -> in.getShort() & 0xFFFF;
            default -> in.getInt() & 0xFFFFFFFFL;
        };
    }

    private void skip(int n) {
        in.position(in.position() + n);
    }

    private static OraException bad(String what) {
        return new OraException(40441, "JSON syntax error (orathin testkit: OSON bind with " + what + ")");
    }
}
