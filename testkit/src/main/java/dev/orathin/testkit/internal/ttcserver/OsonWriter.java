package dev.orathin.testkit.internal.ttcserver;

import dev.orathin.testkit.internal.ttcserver.OraErrors.OraException;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The testkit's own JSON text → OSON encoder (Oracle's binary JSON, how a 21c+ server sends JSON
 * columns), written from the format description independently of the client: a small JSON parser,
 * a field-name dictionary sorted by FNV-1a hash byte, length and name, and a tree of containers with
 * four-byte offsets, object members in field-id order (so JSON member order is not kept, as in Oracle). Numbers become Oracle NUMBERs (exact), strings UTF-8.
 */
final class OsonWriter {

    /** JSON null in the parsed tree (a Java null would be ambiguous in maps). */
    static final Object NULL = new Object();

    private OsonWriter() {
    }

    // ---------------------------------------------------------------- text → tree

    /** Parses JSON text (RFC 8259) into LinkedHashMap / List / String / BigDecimal / Boolean / {@link #NULL}. */
    static Object parse(String text) {
        int[] at = {0};
        Object v = value(text, at, 0);
        skip(text, at);
        if (at[0] != text.length()) {
            throw bad(text, at[0]);
        }
        return v;
    }

    private static Object value(String s, int[] at, int depth) {
        if (depth > 1000) {
            throw new OraException(40644, "JSON nesting too deep (orathin testkit)");
        }
        skip(s, at);
        if (at[0] >= s.length()) {
            throw bad(s, at[0]);
        }
        char c = s.charAt(at[0]);
        if (c == '{') {
            at[0]++;
            Map<String, Object> m = new LinkedHashMap<>();
            skip(s, at);
            if (peek(s, at) == '}') {
                at[0]++;
                return m;
            }
            while (true) {
                skip(s, at);
                if (peek(s, at) != '"') {
                    throw bad(s, at[0]);
                }
                String k = string(s, at);
                skip(s, at);
                expect(s, at, ':');
                m.put(k, value(s, at, depth + 1));
                skip(s, at);
                if (peek(s, at) == ',') {
                    at[0]++;
                    continue;
                }
                expect(s, at, '}');
                return m;
            }
        }
        if (c == '[') {
            at[0]++;
            List<Object> l = new ArrayList<>();
            skip(s, at);
            if (peek(s, at) == ']') {
                at[0]++;
                return l;
            }
            while (true) {
                l.add(value(s, at, depth + 1));
                skip(s, at);
                if (peek(s, at) == ',') {
                    at[0]++;
                    continue;
                }
                expect(s, at, ']');
                return l;
            }
        }
        if (c == '"') {
            return string(s, at);
        }
        for (String word : new String[] {"true", "false", "null"}) {
            if (s.startsWith(word, at[0])) {
                at[0] += word.length();
                return word.equals("null") ? NULL : Boolean.valueOf(word);
            }
        }
        int start = at[0];
        while (at[0] < s.length() && "+-0123456789.eE".indexOf(s.charAt(at[0])) >= 0) {
            at[0]++;
        }
        try {
            return new BigDecimal(s.substring(start, at[0]));
        } catch (NumberFormatException e) {
            throw bad(s, start);
        }
    }

    private static String string(String s, int[] at) {
        StringBuilder sb = new StringBuilder();
        at[0]++; // opening quote
        while (true) {
            if (at[0] >= s.length()) {
                throw bad(s, at[0]);
            }
            char c = s.charAt(at[0]++);
            if (c == '"') {
                return sb.toString();
            }
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            char e = s.charAt(at[0]++);
            switch (e) {
                case 'n' -> sb.append('\n');
                case 't' -> sb.append('\t');
                case 'r' -> sb.append('\r');
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'u' -> {
                    sb.append((char) Integer.parseInt(s.substring(at[0], at[0] + 4), 16));
                    at[0] += 4;
                }
                default -> sb.append(e);
            }
        }
    }

    private static char peek(String s, int[] at) {
        return at[0] < s.length() ? s.charAt(at[0]) : '\0';
    }

    private static void expect(String s, int[] at, char c) {
        if (peek(s, at) != c) {
            throw bad(s, at[0]);
        }
        at[0]++;
    }

    private static void skip(String s, int[] at) {
        while (at[0] < s.length() && Character.isWhitespace(s.charAt(at[0]))) {
            at[0]++;
        }
    }

    private static OraException bad(String s, int at) {
        return new OraException(40441, "JSON syntax error (orathin testkit: at character " + at + ")");
    }

    // ---------------------------------------------------------------- tree → OSON

    /** One dictionary entry. */
    private record Name(String name, byte[] utf8, int hash) {
    }

    /** Encodes a parsed tree as an OSON image. */
    static byte[] oson(Object root) {
        Map<String, Name> names = new LinkedHashMap<>();
        collect(root, names);
        List<Name> sorted = new ArrayList<>(names.values());
        Comparator<Name> order = Comparator.comparingInt(Name::hash).thenComparingInt(n -> n.utf8().length)
                .thenComparing(Name::name);
        List<Name> shortNames = new ArrayList<>(sorted.stream().filter(n -> n.utf8().length <= 255).sorted(order).toList());
        List<Name> longNames = new ArrayList<>(sorted.stream().filter(n -> n.utf8().length > 255).sorted(order).toList());
        Map<String, Integer> ids = new LinkedHashMap<>();
        for (Name n : shortNames) {
            ids.put(n.name(), ids.size() + 1);
        }
        for (Name n : longNames) {
            ids.put(n.name(), ids.size() + 1);
        }
        int idSize = ids.size() > 65535 ? 4 : ids.size() > 255 ? 2 : 1;
        boolean scalar = !(root instanceof Map) && !(root instanceof List);
        Tree tree = new Tree(ids, idSize);
        tree.node(root);
        byte[] treeBytes = tree.out.toByteArray();
        int flags = 0x0002 | 0x0004; // inline leaf, length in pcode
        Out out = new Out();
        if (scalar) {
            flags |= 0x0010;
        } else {
            flags |= 0x0100 | 0x2000; // one-byte hash ids, tiny-nodes statistic present
            flags |= idSize == 4 ? 0x0008 : idSize == 2 ? 0x0400 : 0;
        }
        byte[] shortSeg = segment(shortNames, 1);
        byte[] longSeg = segment(longNames, 2);
        if (shortSeg.length > 65535) {
            flags |= 0x0800;
        }
        if (treeBytes.length > 65535) {
            flags |= 0x1000;
        }
        out.u8(0xFF).u8(0x4A).u8(0x5A).u8(longNames.isEmpty() ? 1 : 3).u16(flags);
        if (!scalar) {
            out.uint(shortNames.size(), idSize);
            out.uint(shortSeg.length, shortSeg.length > 65535 ? 4 : 2);
            if (!longNames.isEmpty()) {
                out.u16(longSeg.length <= 65535 ? 0x0100 : 0).uint(longNames.size(), 4).uint(longSeg.length, 4);
            }
        }
        out.uint(treeBytes.length, treeBytes.length > 65535 ? 4 : 2);
        if (!scalar) {
            out.u16(0); // tiny nodes
            dictionary(out, shortNames, shortSeg, 1, shortSeg.length > 65535 ? 4 : 2);
            dictionary(out, longNames, longSeg, 2, longSeg.length <= 65535 ? 2 : 4);
        }
        out.raw(treeBytes);
        return out.toByteArray();
    }

    private static void collect(Object v, Map<String, Name> names) {
        if (v instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                String k = (String) e.getKey();
                names.computeIfAbsent(k, key -> {
                    byte[] b = key.getBytes(StandardCharsets.UTF_8);
                    if (b.length > 65535) {
                        throw new OraException(40473, "JSON field name longer than 65535 bytes (orathin testkit)");
                    }
                    return new Name(key, b, fnv1a(b) & 0xFF);
                });
                collect(e.getValue(), names);
            }
        } else if (v instanceof List<?> l) {
            l.forEach(x -> collect(x, names));
        }
    }

    /** 32-bit FNV-1a of the UTF-8 name; OSON keeps its low byte as the hash id. */
    static int fnv1a(byte[] b) {
        int h = 0x811C9DC5;
        for (byte x : b) {
            h ^= x & 0xFF;
            h *= 16777619;
        }
        return h;
    }

    private static byte[] segment(List<Name> names, int lengthSize) {
        Out seg = new Out();
        for (Name n : names) {
            seg.uint(n.utf8().length, lengthSize).raw(n.utf8());
        }
        return seg.toByteArray();
    }

    private static void dictionary(Out out, List<Name> names, byte[] seg, int hashSize, int offsetSize) {
        for (Name n : names) {
            out.uint(n.hash(), hashSize);
        }
        int off = 0;
        for (Name n : names) {
            out.uint(off, offsetSize);
            off += hashSize + n.utf8().length; // hashSize equals the name's length-prefix size
        }
        out.raw(seg);
    }

    /** The tree segment: offsets are from its start. */
    private static final class Tree {
        final Out out = new Out();
        final Map<String, Integer> ids;
        final int idSize;

        Tree(Map<String, Integer> ids, int idSize) {
            this.ids = ids;
            this.idSize = idSize;
        }

        void node(Object v) {
            if (v instanceof Map<?, ?> m) {
                container(0x84, m.size());
                int idsAt = out.size();
                int offsetsAt = idsAt + m.size() * idSize;
                out.raw(new byte[m.size() * (idSize + 4)]);
                // members in field-id order, as Oracle stores them: readers (ojdbc) look names up by binary search
                List<Map.Entry<?, ?>> members = new ArrayList<>(m.entrySet());
                members.sort(Comparator.comparingInt(e -> ids.get((String) e.getKey())));
                int i = 0;
                for (Map.Entry<?, ?> e : members) {
                    out.put(idsAt + i * idSize, ids.get((String) e.getKey()), idSize);
                    out.put(offsetsAt + i * 4, out.size(), 4);
                    node(e.getValue());
                    i++;
                }
            } else if (v instanceof List<?> l) {
                container(0xC0, l.size());
                int offsetsAt = out.size();
                out.raw(new byte[l.size() * 4]);
                for (int i = 0; i < l.size(); i++) {
                    out.put(offsetsAt + i * 4, out.size(), 4);
                    node(l.get(i));
                }
            } else if (v == NULL || v == null) {
                out.u8(0x30);
            } else if (v instanceof Boolean b) {
                out.u8(b ? 0x31 : 0x32);
            } else if (v instanceof BigDecimal d) {
                byte[] n = Values.number(d);
                out.u8(0x34).u8(n.length).raw(n);
            } else if (v instanceof String s) {
                byte[] b = s.getBytes(StandardCharsets.UTF_8);
                if (b.length <= 255) {
                    out.u8(0x33).u8(b.length);
                } else if (b.length <= 65535) {
                    out.u8(0x37).u16(b.length);
                } else {
                    out.u8(0x38).uint(b.length, 4);
                }
                out.raw(b);
            } else {
                throw new OraException(40441, "JSON value of " + v.getClass().getSimpleName() + " (orathin testkit)");
            }
        }

        private void container(int type, int n) {
            type |= 0x20; // four-byte offsets
            type |= n > 65535 ? 0x10 : n > 255 ? 0x08 : 0;
            out.u8(type).uint(n, n > 65535 ? 4 : n > 255 ? 2 : 1);
        }
    }

    /** A growable big-endian writer with back-patching. */
    private static final class Out extends ByteArrayOutputStream {
        Out u8(int v) {
            write(v);
            return this;
        }

        Out u16(int v) {
            return uint(v, 2);
        }

        Out uint(long v, int size) {
            for (int i = size - 1; i >= 0; i--) {
                write((int) (v >>> (8 * i)));
            }
            return this;
        }

        Out raw(byte[] b) {
            write(b, 0, b.length);
            return this;
        }

        void put(int at, long v, int size) {
            for (int i = 0; i < size; i++) {
                buf[at + i] = (byte) (v >>> (8 * (size - 1 - i)));
            }
        }

        @Override
        public synchronized byte[] toByteArray() {
            return Arrays.copyOf(buf, count);
        }
    }
}
