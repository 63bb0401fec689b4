package dev.orathin.net.internal.naming;

import dev.orathin.net.naming.ConfigException;
import dev.orathin.net.naming.NamingErrorCode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Parses an Oracle Net name-value string such as a connect descriptor. Iterative (an explicit
 * stack, so hostile nesting cannot overflow the Java stack), linear in the input, and every error
 * names file:line:column with what was expected and what was found.
 */
public final class NvParser {

    /** Deepest nesting accepted; real descriptors stay below 8. */
    public static final int MAX_DEPTH = 64;
    /**
     * Longest descriptor text parsed (a dsn, or one tnsnames.ora entry): real ones are below 4 KB,
     * generated ones with thousands of addresses below 1 MiB.
     */
    public static final int MAX_TEXT_CHARS = 1 << 20;
    /** Longest keyword or value; the longest real values (SSL_SERVER_CERT_DN) are a few hundred characters. */
    public static final int MAX_VALUE_CHARS = 4096;

    private final String text;
    private final String source;
    private final int firstLine;
    private final int[] lineStarts;
    private int pos;

    private NvParser(String text, String source, int firstLine) {
        this.text = text;
        this.source = source;
        this.firstLine = firstLine;
        int lines = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lines++;
            }
        }
        lineStarts = new int[lines];
        for (int i = 0, l = 1; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lineStarts[l++] = i + 1;
            }
        }
    }

    /**
     * Parses one top-level node.
     *
     * @param source file name (then positions are {@code file:line:col}) or a label such as {@code dsn}
     * @param firstLine the line of the file where {@code text} starts (1-based), or 0 for a non-file source
     */
    public static NvNode parse(String text, String source, int firstLine) {
        if (text.length() > MAX_TEXT_CHARS) {
            throw new ConfigException(NamingErrorCode.TOO_LONG, firstLine > 0 ? source + ":" + firstLine : source,
                    "expected a descriptor of at most " + MAX_TEXT_CHARS + " characters but found " + text.length());
        }
        NvParser p = new NvParser(text, source, firstLine);
        NvNode node = p.parseNode();
        p.skipSpace();
        if (p.pos < text.length()) {
            throw p.error(NamingErrorCode.SYNTAX_ERROR, "end of the descriptor", "\"" + p.snippet() + "\"");
        }
        return node;
    }

    private static final class Frame {
        final String name;
        final String location;
        final List<NvNode> children = new ArrayList<>();

        Frame(String name, String location) {
            this.name = name;
            this.location = location;
        }
    }

    private NvNode parseNode() {
        Deque<Frame> stack = new ArrayDeque<>();
        skipSpace();
        expect('(');
        while (true) {
            // just consumed '(' : read NAME '='
            String loc = location(pos);
            String name = readName();
            skipSpace();
            if (pos >= text.length() || text.charAt(pos) != '=') {
                throw error(NamingErrorCode.MISSING_EQUALS, "'=' after \"" + name + "\"", found());
            }
            pos++;
            skipSpace();
            if (pos < text.length() && text.charAt(pos) == '(') {
                if (stack.size() >= MAX_DEPTH) {
                    throw error(NamingErrorCode.TOO_DEEP, "at most " + MAX_DEPTH + " levels of parentheses", "deeper nesting");
                }
                stack.push(new Frame(name, loc));
                pos++;
                continue;
            }
            String value = readValue(name);
            skipSpace();
            expect(')');
            NvNode leaf = new NvNode(name, value, List.of(), loc);
            // attach the leaf, then close every frame whose ')' follows
            NvNode done = leaf;
            while (true) {
                if (stack.isEmpty()) {
                    return done;
                }
                Frame top = stack.peek();
                top.children.add(done);
                skipSpace();
                if (pos >= text.length()) {
                    throw error(NamingErrorCode.UNBALANCED_PARENTHESES, "')' closing \"" + top.name + "\" opened at " + top.location,
                            "end of input");
                }
                char c = text.charAt(pos);
                if (c == '(') {
                    pos++;
                    break; // next child of top
                }
                if (c == ')') {
                    pos++;
                    stack.pop();
                    done = new NvNode(top.name, null, top.children, top.location);
                    continue;
                }
                throw error(NamingErrorCode.SYNTAX_ERROR, "'(' or ')' inside \"" + top.name + "\"", found());
            }
        }
    }

    private String readName() {
        skipSpace();
        int start = pos;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-') {
                pos++;
            } else {
                break;
            }
        }
        if (start == pos) {
            throw error(NamingErrorCode.SYNTAX_ERROR, "a keyword", found());
        }
        checkLength(start, pos, "keyword");
        return text.substring(start, pos);
    }

    private String readValue(String name) {
        if (pos < text.length() && text.charAt(pos) == '"') {
            int end = text.indexOf('"', pos + 1);
            if (end < 0) {
                throw error(NamingErrorCode.SYNTAX_ERROR, "closing '\"' of the value of " + name, "end of input");
            }
            checkLength(pos + 1, end, "value of " + name);
            String v = text.substring(pos + 1, end);
            pos = end + 1;
            return v;
        }
        int start = pos;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == ')' || c == '(') {
                break;
            }
            pos++;
        }
        if (pos >= text.length()) {
            throw error(NamingErrorCode.UNBALANCED_PARENTHESES, "')' after the value of " + name, "end of input");
        }
        if (text.charAt(pos) == '(') {
            throw error(NamingErrorCode.SYNTAX_ERROR, "')' after the value of " + name, "'('");
        }
        String v = text.substring(start, pos).strip();
        checkLength(start, start + v.length(), "value of " + name);
        if (v.isEmpty()) {
            throw error(NamingErrorCode.EMPTY_VALUE, "a value for " + name, "nothing");
        }
        return v;
    }

    private void checkLength(int start, int end, String what) {
        if (end - start > MAX_VALUE_CHARS) {
            throw new ConfigException(NamingErrorCode.TOO_LONG, location(start), "expected a " + what + " of at most "
                    + MAX_VALUE_CHARS + " characters but found " + (end - start));
        }
    }

    private void expect(char c) {
        skipSpace();
        if (pos >= text.length() || text.charAt(pos) != c) {
            throw error(c == ')' ? NamingErrorCode.UNBALANCED_PARENTHESES : NamingErrorCode.SYNTAX_ERROR, "'" + c + "'", found());
        }
        pos++;
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private String found() {
        return pos >= text.length() ? "end of input" : "\"" + snippet() + "\"";
    }

    private String snippet() {
        return text.substring(pos, Math.min(text.length(), pos + 20)).replace('\n', ' ');
    }

    private String location(int at) {
        int line = java.util.Arrays.binarySearch(lineStarts, at);
        if (line < 0) {
            line = -line - 2;
        }
        int col = at - lineStarts[line] + 1;
        return firstLine > 0 ? source + ":" + (firstLine + line) + ":" + col : source + ":" + col;
    }

    private ConfigException error(NamingErrorCode code, String expected, String found) {
        return new ConfigException(code, location(pos), "expected " + expected + " but found " + found);
    }
}
