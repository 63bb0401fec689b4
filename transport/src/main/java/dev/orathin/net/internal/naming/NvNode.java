package dev.orathin.net.internal.naming;

import java.util.List;
import java.util.Locale;

/**
 * One {@code (NAME=value)} or {@code (NAME=(child)(child))} node of an Oracle Net name-value
 * string, with where it was written.
 *
 * @param name the keyword as written
 * @param value the value (quotes removed), or null when the node has children
 * @param children child nodes (empty for a value node)
 * @param location {@code file:line:column} or {@code dsn:column}
 */
public record NvNode(String name, String value, List<NvNode> children, String location) {

    /** Copies children. */
    public NvNode {
        children = List.copyOf(children);
    }

    /** The keyword upper-cased (keywords are case-insensitive). */
    public String key() {
        return name.toUpperCase(Locale.ROOT);
    }

    /** True when the node holds a value rather than children. */
    public boolean isValue() {
        return value != null;
    }
}
