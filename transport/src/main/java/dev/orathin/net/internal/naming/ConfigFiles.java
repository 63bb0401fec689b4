package dev.orathin.net.internal.naming;

import dev.orathin.io.BoundedFiles;
import dev.orathin.io.InputLimitException;
import dev.orathin.net.Param;
import dev.orathin.net.naming.ConfigException;
import dev.orathin.net.naming.NamingErrorCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads tnsnames.ora (with IFILE) and sqlnet.ora into {@code name = value} entries with file:line,
 * tolerating a malformed entry elsewhere in a file: it is reported only when looked up, and as a
 * warning otherwise (connect-behaviour.md §3).
 */
public final class ConfigFiles {

    /** IFILE nesting accepted (the reference promises 3). */
    public static final int MAX_IFILE_DEPTH = 8;
    /** Largest configuration file (tnsnames.ora, sqlnet.ora, IFILE) read; checked before reading. */
    public static final long MAX_FILE_BYTES = 8L << 20;
    /** Longest text of one entry (all its lines); real descriptors are below 4 KB. */
    public static final int MAX_ENTRY_CHARS = NvParser.MAX_TEXT_CHARS;

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.$#-]+");
    private static final Pattern ENTRY_START = Pattern.compile("^[A-Za-z0-9_.$#,\\s-]+=.*");

    private ConfigFiles() {
    }

    /**
     * One {@code names = value} entry.
     *
     * @param names the names it defines (several for {@code a, b = ...})
     * @param value the value text (descriptor, Easy Connect, or plain)
     * @param source {@code file:line} of the entry
     * @param line the first line of the value (for positions inside it)
     * @param error the problem with this entry, or null
     */
    public record Entry(List<String> names, String value, String source, String file, int line, ConfigException error) {
    }

    /** Entries of a tnsnames.ora, IFILEs included, keyed by lower-case alias (last definition wins). */
    public static Map<String, Entry> tnsnames(Path file, String text, List<String> filesRead, List<String> warnings) {
        Map<String, Entry> out = new LinkedHashMap<>();
        read(file, text, new ArrayList<>(), filesRead, warnings, out, 0);
        return out;
    }

    private static void read(Path file, String text, List<String> chain, List<String> filesRead, List<String> warnings,
            Map<String, Entry> out, int depth) {
        chain.add(file.toString());
        filesRead.add(file.toString());
        for (Entry e : entries(file.toString(), text, warnings)) {
            if (e.names().size() == 1 && e.names().get(0).equalsIgnoreCase("IFILE") && e.error() == null) {
                Path inc = Path.of(unquote(e.value().strip()));
                if (!inc.isAbsolute()) {
                    // ojdbc: relative to the directory of the file holding the IFILE line
                    Path parent = file.toAbsolutePath().getParent();
                    inc = parent == null ? inc : parent.resolve(inc);
                }
                inc = inc.toAbsolutePath().normalize();
                if (chain.contains(inc.toString())) {
                    List<String> cycle = new ArrayList<>(chain);
                    cycle.add(inc.toString());
                    throw new ConfigException(NamingErrorCode.IFILE_CYCLE, e.source(), "IFILE includes form a cycle: "
                            + String.join(" -> ", cycle));
                }
                if (depth + 1 > MAX_IFILE_DEPTH) {
                    throw new ConfigException(NamingErrorCode.IFILE_TOO_DEEP, e.source(), "IFILE nested deeper than " + MAX_IFILE_DEPTH
                            + " levels: " + String.join(" -> ", chain));
                }
                read(inc, readText(inc, e.source()), chain, filesRead, warnings, out, depth + 1);
                continue;
            }
            for (String n : e.names()) {
                out.put(n.toLowerCase(Locale.ROOT), e);
            }
        }
        chain.remove(chain.size() - 1);
    }

    /** sqlnet.ora parameters (upper-case keys), with file:line sources. */
    public static Map<String, Param> sqlnet(String file, String text, List<String> warnings) {
        Map<String, Param> out = new LinkedHashMap<>();
        for (Entry e : entries(file, text, warnings)) {
            if (e.error() != null) {
                warnings.add(e.error().getMessage());
                continue;
            }
            for (String n : e.names()) {
                out.put(n.toUpperCase(Locale.ROOT), new Param(n, e.value().strip(), e.source()));
            }
        }
        return out;
    }

    /** Splits a file into entries. Comments run from '#' to the end of the line. */
    static List<Entry> entries(String file, String text, List<String> warnings) {
        List<Entry> out = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        int i = 0;
        while (i < lines.length) {
            String line = stripComment(lines[i]);
            if (line.isBlank()) {
                i++;
                continue;
            }
            int start = i;
            int eq = line.indexOf('=');
            String src = file + ":" + (start + 1);
            String leadingNames = "";
            if (eq < 0 && line.strip().endsWith(",")) {
                // an alias list spread over lines ("a,\n b,\n c = ..."), read as python-oracledb and node-oracledb read it
                StringBuilder names = new StringBuilder(line.strip());
                int j = i;
                while (j + 1 < lines.length && !stripComment(lines[j + 1]).isBlank() && names.charAt(names.length() - 1) == ','
                        && stripComment(lines[j + 1]).indexOf('(') < 0) {
                    j++;
                    String next = stripComment(lines[j]);
                    int e = next.indexOf('=');
                    if (e >= 0) {
                        leadingNames = names.toString();
                        i = j;
                        line = next;
                        eq = e;
                        break;
                    }
                    names.append(next.strip());
                }
            }
            if (eq < 0) {
                warnings.add(src + ": expected 'name = value' but found \"" + line.strip() + "\"; line ignored");
                out.add(new Entry(List.of(), line, src, file, start + 1, null));
                i++;
                continue;
            }
            List<String> names = new ArrayList<>();
            boolean namesOk = true;
            for (String n : (leadingNames + line.substring(0, eq)).split(",")) {
                String t = n.strip();
                if (!NAME.matcher(t).matches()) {
                    namesOk = false;
                }
                names.add(t);
            }
            String first = line.substring(eq + 1);
            // pad so columns inside the value are the file's columns
            StringBuilder value = new StringBuilder(" ".repeat(eq + 1)).append(first);
            int valueLine = i + 1;
            if (first.isBlank()) {
                // the value starts on a following line
                while (i + 1 < lines.length && stripComment(lines[i + 1]).isBlank()) {
                    i++;
                }
                if (i + 1 < lines.length && stripComment(lines[i + 1]).strip().startsWith("(")) {
                    i++;
                    valueLine = i + 1;
                    value = new StringBuilder(stripComment(lines[i]));
                }
            }
            ConfigException error = null;
            if (value.toString().strip().startsWith("(")) {
                // the balance is carried line by line: rescanning the whole value for every added line
                // made a long unbalanced entry quadratic (300,000 lines took minutes)
                Balance balance = new Balance();
                int depth = balance.add(value).depth();
                while (depth > 0 && i + 1 < lines.length) {
                    String next = stripComment(lines[i + 1]);
                    if (!next.isEmpty() && !Character.isWhitespace(next.charAt(0)) && ENTRY_START.matcher(next).matches()) {
                        break; // a new entry starts at column 1: the previous one is unbalanced
                    }
                    i++;
                    value.append('\n').append(next);
                    depth = balance.add(next).depth();
                }
                if (value.length() > MAX_ENTRY_CHARS) {
                    error = new ConfigException(NamingErrorCode.TOO_LONG, src, "entry " + String.join(", ", names)
                            + ": expected at most " + MAX_ENTRY_CHARS + " characters but found " + value.length());
                } else if (depth != 0) {
                    error = new ConfigException(NamingErrorCode.UNBALANCED_PARENTHESES, src, "entry " + String.join(", ", names)
                            + ": expected balanced parentheses but " + (depth > 0 ? depth + " '(' remain open" : "found an extra ')'"));
                }
            }
            if (!namesOk) {
                error = new ConfigException(NamingErrorCode.SYNTAX_ERROR, src, "expected net service names before '=' but found \""
                        + (leadingNames + line.substring(0, eq)).strip() + "\"");
            }
            if (value.toString().isBlank() && error == null) {
                error = new ConfigException(NamingErrorCode.EMPTY_VALUE, src, "entry " + String.join(", ", names)
                        + ": expected a descriptor or Easy Connect string but found nothing");
            }
            if (error != null) {
                warnings.add(error.getMessage());
            }
            out.add(new Entry(names, value.toString(), src, file, valueLine, error));
            i++;
        }
        return out;
    }

    /** Parenthesis depth of text fed piece by piece (quotes respected); -1 once a ')' closes nothing. */
    private static final class Balance {
        private int depth;
        private boolean quoted;

        Balance add(CharSequence s) {
            for (int k = 0; k < s.length() && depth >= 0; k++) {
                char c = s.charAt(k);
                if (c == '"') {
                    quoted = !quoted;
                } else if (!quoted && c == '(') {
                    depth++;
                } else if (!quoted && c == ')') {
                    depth--;
                }
            }
            return this;
        }

        int depth() {
            return depth;
        }
    }

    private static String stripComment(String line) {
        boolean quoted = false;
        for (int k = 0; k < line.length(); k++) {
            char c = line.charAt(k);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '#' && !quoted) {
                return line.substring(0, k);
            }
        }
        return line;
    }

    static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }

    /** Reads a configuration file as text, with typed errors for missing, unreadable and binary files. */
    public static String readText(Path file, String referencedFrom) {
        return text(readBytes(file, referencedFrom, MAX_FILE_BYTES), file.toString());
    }

    /**
     * Reads a configuration file of at most {@code limit} bytes: a regular file checked before it is
     * opened (FIFOs and devices are refused unopened), then at most {@code limit + 1} bytes read.
     */
    public static byte[] readBytes(Path file, String referencedFrom, long limit) {
        try {
            if (!Files.exists(file)) {
                throw new ConfigException(NamingErrorCode.UNREADABLE_FILE, referencedFrom, "expected a file at " + file
                        + " but found nothing");
            }
            return BoundedFiles.read(file, limit);
        } catch (InputLimitException e) {
            throw new ConfigException(e.kind() == InputLimitException.Kind.NOT_A_REGULAR_FILE ? NamingErrorCode.NOT_A_REGULAR_FILE
                    : NamingErrorCode.FILE_TOO_LARGE, referencedFrom, e.getMessage(), e);
        } catch (IOException e) {
            throw new ConfigException(NamingErrorCode.UNREADABLE_FILE, file.toString(), "cannot read: " + e.getMessage(), e);
        }
    }

    /** Decodes configuration text; NUL bytes or invalid UTF-8 mean the file is not text. */
    public static String text(byte[] bytes, String where) {
        for (byte b : bytes) {
            if (b == 0) {
                throw new ConfigException(NamingErrorCode.NOT_TEXT, where, "expected a text file but found binary content (NUL bytes)");
            }
        }
        String s = new String(bytes, StandardCharsets.UTF_8);
        if (s.indexOf('\uFFFD') >= 0) {
            s = new String(bytes, StandardCharsets.ISO_8859_1);
        }
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }
}
