package dev.orathin.internal.sql;

import dev.orathin.CoreErrorCode;
import dev.orathin.OrathinProtocolException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The values of a statement's placeholders in the order they are sent (order of appearance in
 * the SQL), from the application's positional array or map by name; a count or a name that does
 * not fit is an OTN-5040 bind error naming what the statement uses.
 */
public final class BindOrder {

    private BindOrder() {
    }

    /** Positional values, one per placeholder; a null array binds one NULL. */
    public static List<Object> positional(SqlText text, Object[] binds) {
        Object[] values = binds == null ? new Object[] {null} : binds;
        if (values.length != text.bindNames().size()) {
            throw new OrathinProtocolException(CoreErrorCode.BIND_ERROR, "the statement has " + text.bindNames().size()
                    + " bind placeholder(s) " + text.bindNames() + " but " + values.length + " value(s) were given");
        }
        return Collections.unmodifiableList(Arrays.asList(values)); // NULL binds allowed
    }

    /**
     * Values by name: every {@code :name} takes the map's value (a leading colon in a key is
     * ignored; unquoted names match case-insensitively); every key must be used.
     */
    public static List<Object> named(SqlText text, Map<String, ?> namedBinds) {
        Objects.requireNonNull(namedBinds, "namedBinds");
        Map<String, Object> byName = new LinkedHashMap<>();
        for (Map.Entry<String, ?> e : namedBinds.entrySet()) {
            String k = e.getKey().startsWith(":") ? e.getKey().substring(1) : e.getKey();
            byName.put(k, e.getValue());
        }
        List<Object> values = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (String name : text.bindNames()) {
            String key = byName.containsKey(name) ? name : byName.keySet().stream().filter(k -> k.toUpperCase(Locale.ROOT).equals(name))
                    .findFirst().orElse(null);
            if (key == null) {
                missing.add(name);
            } else {
                used.add(key);
                values.add(byName.get(key));
            }
        }
        if (!missing.isEmpty()) {
            throw new OrathinProtocolException(CoreErrorCode.BIND_ERROR, "no value for bind name(s) " + missing + "; the statement uses "
                    + text.distinctNames() + " and the map has " + byName.keySet());
        }
        if (used.size() != byName.size()) {
            List<String> extra = new ArrayList<>(byName.keySet());
            extra.removeAll(used);
            throw new OrathinProtocolException(CoreErrorCode.BIND_ERROR, "bind name(s) " + extra + " do not appear in the statement"
                    + " (it uses " + text.distinctNames() + ")");
        }
        return values;
    }
}
