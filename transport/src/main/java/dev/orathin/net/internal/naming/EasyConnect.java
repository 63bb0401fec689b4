package dev.orathin.net.internal.naming;

import dev.orathin.net.ConnectParameter;
import dev.orathin.net.Redaction;
import dev.orathin.net.naming.ConfigException;
import dev.orathin.net.naming.NamingErrorCode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Easy Connect Plus (connect-behaviour.md §4):
 * {@code [proto://]host[:port][,host[:port]...][;host...][/[service][:server][/instance]][?k=v&...]}
 * converted to the equivalent descriptor text, so one model serves every dsn form.
 *
 * <p>A host list is load-balanced unless {@code load_balance=off} (ojdbc and node; python keeps
 * the order). Parameters are placed where the parameter catalogue ({@link ConnectParameter}) says
 * they belong: ADDRESS (https_proxy...), SECURITY (ssl_*, wallet_location, wallet_password...),
 * CONNECT_DATA (pool_*...) or DESCRIPTION (retries, timeouts...). Parameters the catalogue does
 * not know are ignored with a warning, as python-oracledb and node-oracledb ignore them: they are
 * neither rendered nor sent.
 */
public final class EasyConnect {

    private EasyConnect() {
    }

    /** True when {@code dsn} looks like Easy Connect rather than an alias (connect-behaviour.md §1). */
    public static boolean looks(String dsn) {
        return dsn.contains("/") || dsn.contains("://") || dsn.matches(".*:\\d+.*") || dsn.contains("?");
    }

    /** Converts an Easy Connect string to descriptor text; errors name the column. */
    public static String toDescriptor(String ez, String source) {
        return toDescriptor(ez, source, new ArrayList<>());
    }

    /** As {@link #toDescriptor(String, String)}, adding a warning per ignored parameter to {@code warnings}. */
    public static String toDescriptor(String ez, String source, List<String> warnings) {
        String s = ez.strip();
        int q = s.indexOf('?');
        String params = q < 0 ? "" : s.substring(q + 1);
        String main = q < 0 ? s : s.substring(0, q);
        String protocol = "tcp";
        int proto = main.indexOf("://");
        if (proto >= 0) {
            protocol = main.substring(0, proto).toLowerCase(Locale.ROOT);
            if (!protocol.equals("tcp") && !protocol.equals("tcps")) {
                throw new ConfigException(NamingErrorCode.UNSUPPORTED_PROTOCOL, source + ":1", "expected tcp:// or tcps:// but found \""
                        + protocol + "://\"");
            }
            main = main.substring(proto + 3);
        } else if (main.startsWith("//")) {
            main = main.substring(2);
        }
        // split host part from service part at the first '/' outside brackets
        int slash = -1;
        int depth = 0;
        for (int i = 0; i < main.length(); i++) {
            char c = main.charAt(i);
            if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth--;
            } else if (c == '/' && depth == 0) {
                slash = i;
                break;
            }
        }
        String hosts = slash < 0 ? main : main.substring(0, slash);
        String service = null;
        String server = null;
        String instance = null;
        if (slash >= 0) {
            String rest = main.substring(slash + 1);
            int slash2 = rest.indexOf('/');
            if (slash2 >= 0) {
                instance = rest.substring(slash2 + 1);
                rest = rest.substring(0, slash2);
            }
            int colon = rest.indexOf(':');
            if (colon >= 0) {
                server = rest.substring(colon + 1).toLowerCase(Locale.ROOT);
                rest = rest.substring(0, colon);
                if (!Set.of("dedicated", "shared", "pooled").contains(server)) {
                    throw bad(source, ez, "server type dedicated, shared or pooled", server);
                }
            }
            service = rest.isEmpty() ? null : rest;
            if (service != null && !service.matches("[A-Za-z0-9_.$#-]+")) {
                throw bad(source, ez, "a service name of letters, digits, '_', '-', '.'", service);
            }
            if (instance != null && !instance.matches("[A-Za-z0-9_.$#-]+")) {
                throw bad(source, ez, "an instance name of letters, digits, '_', '-', '.'", instance);
            }
        }
        Map<String, ConnectParameter.Level> placed = new LinkedHashMap<>();
        Map<String, String> kv = new LinkedHashMap<>();
        parameters(params, source, ez).forEach((k, v) -> {
            java.util.Optional<ConnectParameter> p = ConnectParameter.byApiName(k);
            if (p.isEmpty()) {
                warnings.add(source + ": Easy Connect parameter " + k.toLowerCase(Locale.ROOT) + " is not known; ignored (not sent)");
            } else if (kv.put(p.get().keyword(), v) != null) {
                throw new ConfigException(NamingErrorCode.DUPLICATE_KEY, source, "Easy Connect parameter " + p.get().keyword()
                        + " is given twice (under two names)");
            } else {
                placed.put(p.get().keyword(), p.get().home());
            }
        });
        java.util.function.BiPredicate<String, ConnectParameter.Level> at = (k, level) -> placed.get(k) == level;
        boolean multiHost = hosts.contains(",") || hosts.contains(";");
        StringBuilder addr = new StringBuilder();
        List<String> lists = List.of(hosts.split(";", -1));
        for (String list : lists) {
            List<String[]> hp = hostsOf(list, source, ez);
            StringBuilder one = new StringBuilder();
            for (String[] h : hp) {
                one.append("(ADDRESS=(PROTOCOL=").append(protocol).append(")(HOST=").append(h[0]).append(")(PORT=").append(h[1]).append(')');
                for (Map.Entry<String, String> e : kv.entrySet()) {
                    if (at.test(e.getKey(), ConnectParameter.Level.ADDRESS)) {
                        one.append('(').append(e.getKey()).append('=').append(Render.quoteIfNeeded(e.getValue())).append(')');
                    }
                }
                one.append(')');
            }
            addr.append(lists.size() > 1 ? "(ADDRESS_LIST=" + one + ")" : one);
        }
        StringBuilder d = new StringBuilder("(DESCRIPTION=");
        if (multiHost && !kv.containsKey("LOAD_BALANCE")) {
            d.append("(LOAD_BALANCE=on)"); // Easy Connect host lists are load-balanced by default (ojdbc, node)
        }
        for (Map.Entry<String, String> e : kv.entrySet()) {
            String k = e.getKey();
            if (at.test(k, ConnectParameter.Level.DESCRIPTION)) {
                d.append('(').append(k).append('=').append(Render.quoteIfNeeded(e.getValue())).append(')');
            }
        }
        d.append(addr).append("(CONNECT_DATA=");
        if (service != null) {
            d.append("(SERVICE_NAME=").append(service).append(')');
        }
        if (server != null) {
            d.append("(SERVER=").append(server).append(')');
        }
        if (instance != null) {
            d.append("(INSTANCE_NAME=").append(instance).append(')');
        }
        kv.forEach((k, v) -> {
            if (at.test(k, ConnectParameter.Level.CONNECT_DATA)) {
                d.append('(').append(k).append('=').append(Render.quoteIfNeeded(v)).append(')');
            }
        });
        d.append(')');
        StringBuilder sec = new StringBuilder();
        kv.forEach((k, v) -> {
            if (at.test(k, ConnectParameter.Level.SECURITY)) {
                sec.append('(').append(k).append('=').append(Render.quoteIfNeeded(v)).append(')');
            }
        });
        if (sec.length() > 0) {
            d.append("(SECURITY=").append(sec).append(')');
        }
        return d.append(')').toString();
    }

    private static List<String[]> hostsOf(String list, String source, String ez) {
        List<String[]> out = new ArrayList<>();
        List<Integer> pending = new ArrayList<>();
        for (String h : list.split(",", -1)) {
            String host;
            String port = null;
            h = h.strip();
            if (h.startsWith("[")) {
                int end = h.indexOf(']');
                if (end < 0) {
                    throw bad(source, ez, "']' closing the IPv6 address", h);
                }
                host = h.substring(1, end);
                if (end + 1 < h.length()) {
                    if (h.charAt(end + 1) != ':') {
                        throw bad(source, ez, "':port' after the IPv6 address", h.substring(end + 1));
                    }
                    port = h.substring(end + 2);
                }
            } else {
                int colon = h.indexOf(':');
                host = colon < 0 ? h : h.substring(0, colon);
                port = colon < 0 ? null : h.substring(colon + 1);
                if (!host.matches("[A-Za-z0-9_.-]+")) {
                    throw bad(source, ez, "a host name of letters, digits, '-', '_', '.'", host.isEmpty() ? "nothing" : host);
                }
            }
            if (port != null && !port.matches("\\d{1,5}")) {
                throw bad(source, ez, "a port number", port.isEmpty() ? "nothing" : port);
            }
            out.add(new String[] {host, port});
            if (port == null) {
                pending.add(out.size() - 1);
            } else {
                // a port applies to the earlier hosts of the list that had none
                for (int i : pending) {
                    out.get(i)[1] = port;
                }
                pending.clear();
            }
        }
        for (int i : pending) {
            out.get(i)[1] = "1521";
        }
        return out;
    }

    private static Map<String, String> parameters(String params, String source, String ez) {
        Map<String, String> kv = new LinkedHashMap<>();
        if (params.isEmpty()) {
            return kv;
        }
        int i = 0;
        while (i < params.length()) {
            int eq = params.indexOf('=', i);
            if (eq < 0) {
                throw bad(source, ez, "key=value after '?'", params.substring(i));
            }
            String key = params.substring(i, eq).strip().toUpperCase(Locale.ROOT);
            if (!key.matches("[A-Z0-9_.]+")) {
                throw bad(source, ez, "a parameter name", key.isEmpty() ? "nothing" : key);
            }
            if (key.startsWith("ORACLE.NET.")) {
                key = key.substring("ORACLE.NET.".length());
            }
            String value;
            int next;
            if (eq + 1 < params.length() && params.charAt(eq + 1) == '"') {
                int close = params.indexOf('"', eq + 2);
                if (close < 0) {
                    throw bad(source, ez, "closing '\"'", params.substring(eq + 1));
                }
                value = params.substring(eq + 2, close);
                next = params.indexOf('&', close);
            } else {
                next = params.indexOf('&', eq + 1);
                value = params.substring(eq + 1, next < 0 ? params.length() : next).strip();
            }
            if (value.isEmpty()) {
                throw new ConfigException(NamingErrorCode.EMPTY_VALUE, source, "Easy Connect parameter " + key + ": expected a value but found nothing");
            }
            if (kv.put(key, value) != null) {
                throw new ConfigException(NamingErrorCode.DUPLICATE_KEY, source, "Easy Connect parameter " + key + " is given twice");
            }
            i = next < 0 ? params.length() : next + 1;
        }
        return kv;
    }

    private static ConfigException bad(String source, String ez, String expected, String found) {
        return new ConfigException(NamingErrorCode.BAD_EASY_CONNECT, source, "in Easy Connect \"" + redact(ez) + "\": expected " + expected
                + " but found \"" + redact(found) + "\"");
    }

    /** Hides credentials a connect string may carry ({@link Redaction#connectString(String)}). */
    static String redact(String s) {
        return Redaction.connectString(s);
    }
}
