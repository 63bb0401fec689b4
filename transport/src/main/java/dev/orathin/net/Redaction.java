package dev.orathin.net;

/**
 * The one redaction of orathin for text that may carry secrets: connect strings (descriptors,
 * Easy Connect, tnsnames values), JDBC URLs and property values. Which names are secret comes
 * from the parameter catalogue ({@link ConnectParameter#isSecret(String)}, which also covers names
 * that merely look secret); proxy credentials written into an {@code https_proxy} value
 * ({@code [scheme://]user:password@host}) lose their password part whatever characters it holds.
 *
 * <p>Works on text that does not parse, since it is used in the messages that report such text,
 * and runs in linear time: each character is looked at a bounded number of times.
 *
 * <p>Where the parsed model is at hand, show {@link Param#shown()} instead; this class is for the
 * places that have only text.
 */
public final class Redaction {

    /** What a redacted value is shown as. */
    public static final String MASK = "******";

    private Redaction() {
    }

    /**
     * A connect string with every secret value and every proxy password replaced by
     * {@link #MASK}. Handles {@code (KEY=value)}, {@code key=value&...} and
     * {@code key="quoted value"} forms, with values holding {@code / ) @ " ' =}.
     */
    public static String connectString(String s) {
        if (s == null) {
            return null;
        }
        int n = s.length();
        StringBuilder out = new StringBuilder(n);
        int i = 0;
        int depth = 0; // inside parentheses: descriptor rules; outside: Easy Connect / URL query rules
        while (i < n) {
            char c = s.charAt(i);
            if (!isNameChar(c) || i > 0 && isNameChar(s.charAt(i - 1))) {
                depth += c == '(' ? 1 : c == ')' && depth > 0 ? -1 : 0;
                out.append(c);
                i++;
                continue;
            }
            int nameEnd = i;
            while (nameEnd < n && isNameChar(s.charAt(nameEnd))) {
                nameEnd++;
            }
            int eq = nameEnd;
            while (eq < n && s.charAt(eq) == ' ') {
                eq++;
            }
            out.append(s, i, nameEnd);
            if (eq >= n || s.charAt(eq) != '=') {
                i = nameEnd;
                continue;
            }
            String name = s.substring(i, nameEnd);
            String key = name.regionMatches(true, 0, "oracle.net.", 0, 11) ? name.substring(11) : name;
            out.append(s, nameEnd, eq + 1);
            int start = eq + 1;
            while (start < n && s.charAt(start) == ' ') {
                out.append(' ');
                start++;
            }
            if (ConnectParameter.isSecret(key)) {
                int end = start < n && s.charAt(start) == '(' ? balanced(s, start) : valueEnd(s, start, depth > 0);
                out.append(end > start ? MASK : "");
                i = end;
            } else if (isProxy(key)) {
                int end = valueEnd(s, start, depth > 0);
                out.append(proxy(s.substring(start, end)));
                i = end;
            } else {
                i = start; // not a secret: copied as the scan goes on (nested pairs may hold secrets)
            }
        }
        return out.toString();
    }

    /**
     * A JDBC URL: the connect string part as {@link #connectString(String)} and an ojdbc-style
     * {@code user/password@} in front of it.
     */
    public static String jdbcUrl(String url) {
        if (url == null) {
            return null;
        }
        int paren = url.indexOf('(');
        int query = url.indexOf('?');
        int limit = Math.min(paren < 0 ? url.length() : paren, query < 0 ? url.length() : query);
        int at = limit == 0 ? -1 : url.lastIndexOf('@', limit - 1); // a password may hold '@': the connect string follows the last
        if (at > 0) {
            String head = url.substring(0, at);
            int slash = head.lastIndexOf('/');
            int colon = head.lastIndexOf(':');
            if (slash > colon && slash > 0 && head.charAt(slash - 1) != '/') {
                head = head.substring(0, slash + 1) + MASK;
            }
            return head + "@" + connectString(url.substring(at + 1));
        }
        return connectString(url);
    }

    /** {@code [scheme://]user:password@host} with the password masked; other values unchanged. */
    public static String proxy(String value) {
        int at = value.lastIndexOf('@');
        if (at < 0) {
            return value;
        }
        int scheme = value.indexOf("://");
        int userStart = scheme >= 0 && scheme < at ? scheme + 3 : 0;
        int sep = value.indexOf(':', userStart);
        if (sep < 0 || sep > at) {
            return value;
        }
        return value.substring(0, sep + 1) + MASK + value.substring(at);
    }

    private static boolean isProxy(String key) {
        return key.equalsIgnoreCase("HTTPS_PROXY") || key.equalsIgnoreCase("httpsProxyHost");
    }

    /**
     * Where a value starting at {@code start} ends: the closing quote of a quoted value; else, in a
     * query ({@code ?k=v&...}), the next {@code &} or line end; inside a descriptor, the first
     * {@code )} that closes the pair (one after at least one character and followed by
     * {@code (}, {@code )}, white space or the end). A {@code )} inside an unquoted password
     * therefore stays inside the value.
     */
    private static int valueEnd(String s, int start, boolean descriptor) {
        int n = s.length();
        if (start < n && (s.charAt(start) == '"' || s.charAt(start) == '\'')) {
            int close = s.indexOf(s.charAt(start), start + 1);
            return close < 0 ? n : close + 1;
        }
        if (start < n && s.charAt(start) == '(') {
            return start; // nested pairs: scanned on
        }
        int i = start;
        while (i < n) {
            char c = s.charAt(i);
            if (c == '&' || c == '\n' || c == '\r') {
                return i;
            }
            if (c == ')' && descriptor && i > start) {
                int next = i + 1;
                if (next >= n || s.charAt(next) == '(' || s.charAt(next) == ')' || Character.isWhitespace(s.charAt(next))) {
                    return i;
                }
            }
            i++;
        }
        return n;
    }

    /** The end of the balanced group opening at {@code start} (or the end of the text). */
    private static int balanced(String s, int start) {
        int depth = 0;
        for (int i = start; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i + 1;
            }
        }
        return s.length();
    }

    private static boolean isNameChar(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '.';
    }
}
