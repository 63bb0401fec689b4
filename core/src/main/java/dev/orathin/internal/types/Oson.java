package dev.orathin.internal.types;

import dev.orathin.CoreErrorCode;
import dev.orathin.OrathinProtocolException;
import dev.orathin.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes OSON, Oracle's binary JSON (21c+), as python-oracledb {@code oson.pyx} and node-oracledb
 * {@code oson.js} describe it: magic {@code FF 4A 5A}, version 1 (field names up to 255 bytes) or 3
 * (longer names in a second dictionary), primary flags, the field-name dictionary (count, segment
 * size, one hash id per name, offsets into the segment, length-prefixed UTF-8 names), the tree
 * segment size, then the tree: containers (0x80; 0x40 array; 0x20 four-byte offsets; 0x18 the
 * width of the child count, or a pointer to another object sharing its field ids) and scalars.
 * With the relative-offsets flag, child offsets count from their container.
 */
public final class Oson {

    static final int FLAG_REL_OFFSETS = 0x0001, FLAG_NUM_FNAMES_UINT32 = 0x0008, FLAG_IS_SCALAR = 0x0010,
            FLAG_NUM_FNAMES_UINT16 = 0x0400, FLAG_FNAMES_SEG_UINT32 = 0x0800, FLAG_TREE_SEG_UINT32 = 0x1000;
    static final int SEC_FLAG_FNAMES_SEG_UINT16 = 0x0100;
    static final int VERSION_FNAME_255 = 1, VERSION_FNAME_65535 = 3;
    /** Deeper nesting than Oracle allows (1000) is refused, so a cyclic offset cannot recurse forever. */
    static final int MAX_DEPTH = 1000;

    private final byte[] b;
    private int pos;
    private int tree;
    private boolean relative;
    private int fieldIdLength;
    private String[] names;

    private Oson(byte[] b) {
        this.b = b;
    }

    /** Decodes an OSON image. */
    public static JsonValue decode(byte[] image) {
        return new Oson(image).document();
    }

    // ------------------------------------------------------------------ encoding

    /** Longest field name a session at TTC field version below 23.1 may send (python / node: 255; version-3 OSON beyond). */
    public static final int MAX_FIELD_NAME = 255;

    /**
     * Encodes a value as version-1 OSON (what python-oracledb and node-oracledb send to servers before
     * 23.1): a dictionary of field names ordered by hash id (low byte of 32-bit FNV-1a), name length and
     * name, then the tree with four-byte child offsets. Field names over 255 bytes are refused
     * ({@link CoreErrorCode#UNSUPPORTED_OSON}): they need version 3, which orathin does not write yet.
     */
    public static byte[] encode(JsonValue value) {
        Map<String, byte[]> seen = new LinkedHashMap<>();
        collect(value, seen, 0);
        List<String> sorted = new ArrayList<>(seen.keySet());
        sorted.sort((x, y) -> {
            byte[] bx = seen.get(x);
            byte[] by = seen.get(y);
            int c = Integer.compare(hashId(bx), hashId(by));
            if (c == 0) {
                c = Integer.compare(bx.length, by.length);
            }
            return c != 0 ? c : x.compareTo(y);
        });
        Map<String, Integer> ids = new java.util.HashMap<>();
        for (String n : sorted) {
            ids.put(n, ids.size() + 1);
        }
        int idSize = ids.size() > 65535 ? 4 : ids.size() > 255 ? 2 : 1;
        boolean scalar = !(value instanceof JsonValue.JsonObject) && !(value instanceof JsonValue.JsonArray);
        Writer tree = new Writer();
        writeNode(tree, value, ids, idSize);
        Writer seg = new Writer();
        int[] offsets = new int[sorted.size()];
        for (int i = 0; i < sorted.size(); i++) {
            offsets[i] = seg.size();
            byte[] n = seen.get(sorted.get(i));
            seg.u8(n.length).raw(n);
        }
        int flags = 0x0002 | 0x0004; // inline leaf, length in pcode
        if (scalar) {
            flags |= FLAG_IS_SCALAR;
        } else {
            flags |= 0x0100 | 0x2000 | (idSize == 4 ? FLAG_NUM_FNAMES_UINT32 : idSize == 2 ? FLAG_NUM_FNAMES_UINT16 : 0);
            flags |= seg.size() > 65535 ? FLAG_FNAMES_SEG_UINT32 : 0;
        }
        flags |= tree.size() > 65535 ? FLAG_TREE_SEG_UINT32 : 0;
        Writer out = new Writer();
        out.u8(0xFF).u8(0x4A).u8(0x5A).u8(VERSION_FNAME_255).uint(flags, 2);
        if (!scalar) {
            out.uint(sorted.size(), idSize).uint(seg.size(), seg.size() > 65535 ? 4 : 2);
        }
        out.uint(tree.size(), tree.size() > 65535 ? 4 : 2);
        if (!scalar) {
            out.uint(0, 2); // tiny nodes
            for (String n : sorted) {
                out.u8(hashId(seen.get(n)));
            }
            for (int off : offsets) {
                out.uint(off, seg.size() > 65535 ? 4 : 2);
            }
            out.raw(seg.toByteArray());
        }
        return out.raw(tree.toByteArray()).toByteArray();
    }

    private static void collect(JsonValue v, Map<String, byte[]> names, int depth) {
        if (depth > MAX_DEPTH) {
            throw new OrathinProtocolException(CoreErrorCode.UNSUPPORTED_OSON, "JSON nested deeper than " + MAX_DEPTH + " levels");
        }
        if (v instanceof JsonValue.JsonObject o) {
            for (Map.Entry<String, JsonValue> e : o.members().entrySet()) {
                byte[] n = e.getKey().getBytes(StandardCharsets.UTF_8);
                if (n.length > MAX_FIELD_NAME) {
                    throw new OrathinProtocolException(CoreErrorCode.UNSUPPORTED_OSON, "JSON field name of " + n.length
                            + " bytes: orathin writes OSON version 1, whose names are at most 255 bytes");
                }
                names.putIfAbsent(e.getKey(), n);
                collect(e.getValue(), names, depth + 1);
            }
        } else if (v instanceof JsonValue.JsonArray a) {
            for (JsonValue e : a.elements()) {
                collect(e, names, depth + 1);
            }
        }
    }

    /** The low byte of the 32-bit FNV-1a hash of the UTF-8 name. */
    static int hashId(byte[] name) {
        int h = 0x811C9DC5;
        for (byte x : name) {
            h = (h ^ (x & 0xFF)) * 0x01000193;
        }
        return h & 0xFF;
    }

    private static void writeNode(Writer w, JsonValue v, Map<String, Integer> ids, int idSize) {
        if (v instanceof JsonValue.JsonObject o) {
            int n = o.members().size();
            container(w, 0x84, n);
            int idsAt = w.size();
            int offsetsAt = idsAt + n * idSize;
            w.raw(new byte[n * (idSize + 4)]);
            int i = 0;
            for (Map.Entry<String, JsonValue> e : o.members().entrySet()) {
                w.put(idsAt + i * idSize, ids.get(e.getKey()), idSize);
                w.put(offsetsAt + 4 * i, w.size(), 4);
                writeNode(w, e.getValue(), ids, idSize);
                i++;
            }
        } else if (v instanceof JsonValue.JsonArray a) {
            int n = a.elements().size();
            container(w, 0xC0, n);
            int offsetsAt = w.size();
            w.raw(new byte[4 * n]);
            for (int i = 0; i < n; i++) {
                w.put(offsetsAt + 4 * i, w.size(), 4);
                writeNode(w, a.elements().get(i), ids, idSize);
            }
        } else if (v instanceof JsonValue.JsonNull) {
            w.u8(0x30);
        } else if (v instanceof JsonValue.JsonBoolean b) {
            w.u8(b.value() ? 0x31 : 0x32);
        } else if (v instanceof JsonValue.JsonString s) {
            byte[] b = s.value().getBytes(StandardCharsets.UTF_8);
            if (b.length <= 255) {
                w.u8(0x33).u8(b.length);
            } else if (b.length <= 65535) {
                w.u8(0x37).uint(b.length, 2);
            } else {
                w.u8(0x38).uint(b.length, 4);
            }
            w.raw(b);
        } else if (v instanceof JsonValue.JsonNumber num) {
            byte[] b = OracleNumber.encode(num.value());
            w.u8(0x34).u8(b.length).raw(b);
        } else if (v instanceof JsonValue.JsonFloat f) {
            w.u8(0x7F).raw(OracleDateTime.encodeFloat(f.value()));
        } else if (v instanceof JsonValue.JsonDouble d) {
            w.u8(0x36).raw(OracleDateTime.encodeDouble(d.value()));
        } else if (v instanceof JsonValue.JsonTimestamp t) {
            byte[] b = OracleDateTime.encodeTimestamp(t.value(), !t.date());
            w.u8(t.date() ? 0x3C : b.length == 7 ? 0x7D : 0x39).raw(b);
        } else if (v instanceof JsonValue.JsonTimestampTz t) {
            w.u8(0x7C).raw(OracleDateTime.encodeTimestampTz(t.value()));
        } else if (v instanceof JsonValue.JsonIntervalDs d) {
            w.u8(0x3E).raw(OracleDateTime.encodeIntervalDs(d.value()));
        } else if (v instanceof JsonValue.JsonIntervalYm p) {
            w.u8(0x3D).raw(OracleDateTime.encodeIntervalYm(p.value()));
        } else if (v instanceof JsonValue.JsonBinary b) {
            byte[] bytes = b.value();
            if (b.id()) {
                if (bytes.length > 255) {
                    throw new OrathinProtocolException(CoreErrorCode.UNSUPPORTED_OSON, "JSON document id of " + bytes.length
                            + " bytes (at most 255)");
                }
                w.u8(0x7E).u8(bytes.length);
            } else if (bytes.length <= 65535) {
                w.u8(0x3A).uint(bytes.length, 2);
            } else {
                w.u8(0x3B).uint(bytes.length, 4);
            }
            w.raw(bytes);
        } else if (v instanceof JsonValue.JsonVector vec) {
            byte[] image = VectorImage.encode(vec.value());
            w.u8(0x7B).u8(0x01).uint(image.length, 4).raw(image);
        }
    }

    private static void container(Writer w, int type, int n) {
        type |= 0x20; // four-byte offsets
        type |= n > 65535 ? 0x10 : n > 255 ? 0x08 : 0;
        w.u8(type).uint(n, n > 65535 ? 4 : n > 255 ? 2 : 1);
    }

    /** A growable big-endian writer that can patch earlier bytes (child offsets). */
    private static final class Writer extends java.io.ByteArrayOutputStream {
        Writer u8(int v) {
            write(v);
            return this;
        }

        Writer uint(long v, int size) {
            for (int i = size - 1; i >= 0; i--) {
                write((int) (v >>> (8 * i)));
            }
            return this;
        }

        Writer raw(byte[] b) {
            write(b, 0, b.length);
            return this;
        }

        void put(int at, long v, int size) {
            for (int i = 0; i < size; i++) {
                buf[at + i] = (byte) (v >>> (8 * (size - 1 - i)));
            }
        }
    }

    // ------------------------------------------------------------------ decoding

    private JsonValue document() {
        if (b.length < 6 || (b[0] & 0xFF) != 0xFF || b[1] != 0x4A || b[2] != 0x5A) {
            throw malformed("expected magic bytes FF 4A 5A at offset 0");
        }
        int version = b[3] & 0xFF;
        if (version != VERSION_FNAME_255 && version != VERSION_FNAME_65535) {
            throw new OrathinProtocolException(CoreErrorCode.UNSUPPORTED_OSON, "OSON version " + version
                    + " (orathin reads versions 1 and 3)");
        }
        pos = 4;
        int flags = u16();
        relative = (flags & FLAG_REL_OFFSETS) != 0;
        boolean wideTree = (flags & FLAG_TREE_SEG_UINT32) != 0;
        if ((flags & FLAG_IS_SCALAR) != 0) {
            long treeSize = wideTree ? u32() : u16();
            tree = pos;
            checkSize(treeSize);
            return node(0);
        }
        int shortCount;
        if ((flags & FLAG_NUM_FNAMES_UINT32) != 0) {
            shortCount = count(u32());
            fieldIdLength = 4;
        } else if ((flags & FLAG_NUM_FNAMES_UINT16) != 0) {
            shortCount = u16();
            fieldIdLength = 2;
        } else {
            shortCount = u8();
            fieldIdLength = 1;
        }
        boolean wideShortSeg = (flags & FLAG_FNAMES_SEG_UINT32) != 0;
        int shortSegSize = count(wideShortSeg ? u32() : u16());
        int longCount = 0;
        int longSegSize = 0;
        int longOffsetSize = 4;
        if (version == VERSION_FNAME_65535) {
            int secondary = u16();
            longOffsetSize = (secondary & SEC_FLAG_FNAMES_SEG_UINT16) != 0 ? 2 : 4;
            longCount = count(u32());
            longSegSize = count(u32());
        }
        long treeSize = wideTree ? u32() : u16();
        u16(); // number of tiny nodes (a statistic)
        names = new String[checkCount((long) shortCount + longCount)];
        dictionary(0, shortCount, 1, wideShortSeg ? 4 : 2, shortSegSize, 1);
        dictionary(shortCount, longCount, 2, longOffsetSize, longSegSize, 2);
        tree = pos;
        checkSize(treeSize);
        return node(0);
    }

    /** One dictionary: hash ids (skipped: names are found by field id), offsets, then the names segment. */
    private void dictionary(int first, int count, int hashSize, int offsetSize, int segSize, int lengthSize) {
        need((long) count * (hashSize + offsetSize) + segSize, "field-name dictionary of " + count + " names");
        pos += count * hashSize;
        int offsets = pos;
        int seg = pos + count * offsetSize;
        for (int i = 0; i < count; i++) {
            pos = offsets + i * offsetSize;
            long off = offsetSize == 2 ? u16() : u32();
            if (off + lengthSize > segSize) {
                throw malformed("field name " + (first + i + 1) + " at offset " + off + " outside its " + segSize + "-byte segment");
            }
            pos = seg + (int) off;
            int len = lengthSize == 1 ? u8() : u16();
            if (off + lengthSize + len > segSize) {
                throw malformed("field name " + (first + i + 1) + " of " + len + " bytes runs past its segment");
            }
            names[first + i] = new String(b, pos, len, StandardCharsets.UTF_8);
        }
        pos = seg + segSize;
    }

    private JsonValue node(int depth) {
        if (depth > MAX_DEPTH) {
            throw malformed("nesting deeper than " + MAX_DEPTH + " levels (or an offset cycle)");
        }
        int at = pos;
        int type = u8();
        if ((type & 0x80) != 0) {
            return container(type, at - tree, depth);
        }
        switch (type) {
            case 0x30:
                return JsonValue.JsonNull.INSTANCE;
            case 0x31:
                return new JsonValue.JsonBoolean(true);
            case 0x32:
                return new JsonValue.JsonBoolean(false);
            case 0x33:
                return string(u8());
            case 0x37:
                return string(u16());
            case 0x38:
                return string(count(u32()));
            case 0x34:
                return number(u8());
            case 0x36:
                return new JsonValue.JsonDouble(OracleDateTime.decodeDouble(bytes(8)));
            case 0x7F:
                return new JsonValue.JsonFloat(OracleDateTime.decodeFloat(bytes(4)));
            case 0x3C:
                return new JsonValue.JsonTimestamp(OracleDateTime.decodeTimestamp(bytes(7)), true);
            case 0x7D:
                return new JsonValue.JsonTimestamp(OracleDateTime.decodeTimestamp(bytes(7)), false);
            case 0x39:
                return new JsonValue.JsonTimestamp(OracleDateTime.decodeTimestamp(bytes(11)), false);
            case 0x7C:
                return new JsonValue.JsonTimestampTz(OracleDateTime.decodeTimestampTz(bytes(13)));
            case 0x3D:
                return new JsonValue.JsonIntervalYm(OracleDateTime.decodeIntervalYm(bytes(5)));
            case 0x3E:
                return new JsonValue.JsonIntervalDs(OracleDateTime.decodeIntervalDs(bytes(11)));
            case 0x3A:
                return new JsonValue.JsonBinary(bytes(u16()), false);
            case 0x3B:
                return new JsonValue.JsonBinary(bytes(count(u32())), false);
            case 0x7E:
                return new JsonValue.JsonBinary(bytes(u8()), true);
            case 0x7B: {
                int ext = u8();
                if (ext != 0x01) {
                    throw new OrathinProtocolException(CoreErrorCode.UNSUPPORTED_OSON, String.format("OSON extended type 0x%02X at"
                            + " offset %d (orathin reads VECTOR, 0x01)", ext, pos - 1));
                }
                return new JsonValue.JsonVector(VectorImage.decode(bytes(count(u32()))));
            }
            default:
                break;
        }
        int high = type & 0xF0;
        if (high == 0x20 || high == 0x60) {
            return number((type & 0x0F) + 1);
        }
        if (high == 0x40 || high == 0x50) {
            return number(type & 0x0F);
        }
        if ((type & 0xE0) == 0) {
            return string(type);
        }
        throw new OrathinProtocolException(CoreErrorCode.UNSUPPORTED_OSON, String.format("OSON node type 0x%02X at offset %d",
                type, at));
    }

    private JsonValue container(int type, int containerOffset, int depth) {
        boolean array = (type & 0x40) != 0;
        boolean wideOffsets = (type & 0x20) != 0;
        int n;
        int ids;
        int offsets;
        if ((type & 0x18) == 0x18) {
            // shares the field ids of another object: a pointer to it, then this object's own offsets
            if (array) {
                throw malformed("array node with a shared field-id pointer at offset " + (tree + containerOffset));
            }
            long shared = wideOffsets ? u32() : u16();
            offsets = pos;
            pos = target(shared, "shared field ids");
            int sharedType = u8();
            if ((sharedType & 0x80) == 0 || (sharedType & 0x40) != 0 || (sharedType & 0x18) == 0x18) {
                throw malformed(String.format("shared field ids point to node type 0x%02X, not an object", sharedType));
            }
            n = children(sharedType);
            ids = pos;
        } else {
            n = children(type);
            ids = pos;
            offsets = array ? pos : pos + n * fieldIdLength;
        }
        int offsetSize = wideOffsets ? 4 : 2;
        List<JsonValue> elements = array ? new ArrayList<>(Math.min(n, 1024)) : null;
        Map<String, JsonValue> members = array ? null : new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            String name = null;
            if (!array) {
                pos = ids + i * fieldIdLength;
                long id = fieldIdLength == 1 ? u8() : fieldIdLength == 2 ? u16() : u32();
                if (names == null || id < 1 || id > names.length) {
                    throw malformed("field id " + id + " outside the dictionary of " + (names == null ? 0 : names.length) + " names");
                }
                name = names[(int) id - 1];
            }
            pos = offsets + i * offsetSize;
            long off = wideOffsets ? u32() : u16();
            if (relative) {
                off += containerOffset;
            }
            pos = target(off, "child " + i);
            JsonValue v = node(depth + 1);
            if (array) {
                elements.add(v);
            } else {
                members.put(name, v);
            }
        }
        return array ? new JsonValue.JsonArray(elements) : new JsonValue.JsonObject(members);
    }

    private int children(int type) {
        return switch (type & 0x18) {
            case 0x00 -> u8();
            case 0x08 -> u16();
            default -> count(u32());
        };
    }

    private int target(long offset, String what) {
        if (offset < 0 || tree + offset >= b.length) {
            throw malformed(what + ": tree offset " + offset + " outside the " + (b.length - tree) + "-byte tree segment");
        }
        return tree + (int) offset;
    }

    private JsonValue string(int n) {
        return new JsonValue.JsonString(new String(bytes(n), StandardCharsets.UTF_8));
    }

    private JsonValue number(int n) {
        byte[] num = bytes(n);
        if (n == 0) {
            throw malformed("empty NUMBER at offset " + (pos - 1));
        }
        return new JsonValue.JsonNumber(OracleNumber.decode(num));
    }

    private void checkSize(long treeSize) {
        if (tree + treeSize > b.length) {
            throw malformed("tree segment of " + treeSize + " bytes but " + (b.length - tree) + " remain");
        }
    }

    private static int checkCount(long n) {
        if (n > Integer.MAX_VALUE / 8) {
            throw malformed(n + " field names");
        }
        return (int) n;
    }

    private static int count(long n) {
        if (n > Integer.MAX_VALUE) {
            throw malformed("length " + n + " beyond 2 GB");
        }
        return (int) n;
    }

    private void need(long n, String what) {
        if (pos + n > b.length) {
            throw malformed(what + " needs " + n + " bytes at offset " + pos + " but " + (b.length - pos) + " remain");
        }
    }

    private byte[] bytes(int n) {
        need(n, "value");
        byte[] out = Arrays.copyOfRange(b, pos, pos + n);
        pos += n;
        return out;
    }

    private int u8() {
        need(1, "byte");
        return b[pos++] & 0xFF;
    }

    private int u16() {
        need(2, "uint16");
        int v = ((b[pos] & 0xFF) << 8) | (b[pos + 1] & 0xFF);
        pos += 2;
        return v;
    }

    private long u32() {
        need(4, "uint32");
        long v = ((long) (b[pos] & 0xFF) << 24) | ((b[pos + 1] & 0xFF) << 16) | ((b[pos + 2] & 0xFF) << 8) | (b[pos + 3] & 0xFF);
        pos += 4;
        return v;
    }

    private static OrathinProtocolException malformed(String what) {
        return new OrathinProtocolException(CoreErrorCode.MALFORMED_OSON, "OSON image: " + what);
    }
}
