package dev.orathin.net.internal.naming;

/** Renders name-value trees back to text. */
final class Render {

    private Render() {
    }

    /** The children of {@code n} as {@code (A=1)(B=(C=2))}. */
    static String children(NvNode n) {
        StringBuilder b = new StringBuilder();
        for (NvNode c : n.children()) {
            node(b, c);
        }
        return b.toString();
    }

    static void node(StringBuilder b, NvNode n) {
        b.append('(').append(n.name()).append('=');
        if (n.isValue()) {
            b.append(quoteIfNeeded(n.value()));
        } else {
            for (NvNode c : n.children()) {
                node(b, c);
            }
        }
        b.append(')');
    }

    /** Values holding parentheses, '=' or '#' are double-quoted so they parse back. */
    static String quoteIfNeeded(String v) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '(' || c == ')' || c == '=' || c == '#' || c == '"') {
                return "\"" + v.replace("\"", "") + "\"";
            }
        }
        return v;
    }
}
