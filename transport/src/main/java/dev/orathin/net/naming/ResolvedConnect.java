package dev.orathin.net.naming;

import dev.orathin.net.AddressList;
import dev.orathin.net.Description;
import dev.orathin.net.DescriptionList;
import dev.orathin.net.Param;
import dev.orathin.net.internal.naming.ModelBuilder;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A fully resolved connect target, before any network I/O: the descriptor model with every
 * parameter's provenance, the files read, the sqlnet.ora settings and warnings.
 *
 * @param descriptions the model
 * @param kind how the dsn was read
 * @param alias the alias when {@code kind} is ALIAS
 * @param configSource the configuration directory or zip used, if any
 * @param filesRead tnsnames.ora and IFILEs read, in order
 * @param sqlnet the sqlnet.ora parameters (upper-case keys)
 * @param warnings unknown parameters, malformed entries elsewhere, defaults chosen
 */
public record ResolvedConnect(DescriptionList descriptions, Kind kind, String alias, String configSource, List<String> filesRead,
        Map<String, Param> sqlnet, List<String> warnings) {

    /** The dsn forms. */
    public enum Kind {
        /** A net service name from tnsnames.ora. */
        ALIAS,
        /** An Easy Connect (Plus) string. */
        EASY_CONNECT,
        /** A full connect descriptor. */
        DESCRIPTOR
    }

    /** Copies. */
    public ResolvedConnect {
        filesRead = List.copyOf(filesRead);
        sqlnet = Map.copyOf(sqlnet);
        warnings = List.copyOf(warnings);
    }

    /** The wallet location from the descriptor's SECURITY or sqlnet.ora, if any (first description). */
    public Optional<String> walletLocation() {
        return descriptions.descriptions().get(0).security().walletLocation();
    }

    /**
     * Every effective parameter with where it came from (file:line, dsn, argument, sqlnet.ora,
     * default), secrets redacted, and the ones kept but not acted on marked "not supported yet".
     */
    public String explain() {
        StringBuilder b = new StringBuilder();
        b.append("dsn kind: ").append(kind).append(alias != null ? " (" + alias + ")" : "").append('\n');
        if (configSource != null) {
            b.append("config: ").append(configSource).append('\n');
        }
        if (!filesRead.isEmpty()) {
            b.append("files: ").append(String.join(" -> ", filesRead)).append('\n');
        }
        params(b, "DESCRIPTION_LIST", descriptions.params());
        int i = 1;
        for (Description d : descriptions.descriptions()) {
            String p = descriptions.descriptions().size() > 1 ? "DESCRIPTION[" + i++ + "]" : "DESCRIPTION";
            params(b, p, d.params());
            defaults(b, p, d);
            list(b, p, d.addresses());
            params(b, p + ".CONNECT_DATA", d.connectData().params());
            params(b, p + ".SECURITY", d.security().params());
            if (d.security().sslServerDnMatch().isEmpty()) {
                b.append("  ").append(p).append(".SECURITY.SSL_SERVER_DN_MATCH = yes (default)\n");
            }
        }
        for (String w : warnings) {
            b.append("warning: ").append(w).append('\n');
        }
        return b.toString();
    }

    private static void list(StringBuilder b, String prefix, AddressList l) {
        params(b, prefix + ".ADDRESS_LIST", l.params());
        int i = 1;
        for (var n : l.entries()) {
            if (n instanceof AddressList nested) {
                list(b, prefix + ".ADDRESS_LIST[" + i++ + "]", nested);
            } else {
                params(b, prefix + ".ADDRESS[" + i++ + "]", ((dev.orathin.net.Address) n).params());
            }
        }
    }

    private static void defaults(StringBuilder b, String p, Description d) {
        if (!d.params().containsKey("TRANSPORT_CONNECT_TIMEOUT")) {
            b.append("  ").append(p).append(".TRANSPORT_CONNECT_TIMEOUT = ").append(d.transportConnectTimeout().toSeconds()).append(" sec (default)\n");
        }
        if (!d.params().containsKey("SDU")) {
            b.append("  ").append(p).append(".SDU = ").append(d.sdu()).append(" (default)\n");
        }
        if (!d.params().containsKey("RETRY_COUNT")) {
            b.append("  ").append(p).append(".RETRY_COUNT = 0 (default)\n");
        }
    }

    private static void params(StringBuilder b, String prefix, Map<String, Param> params) {
        for (Param p : params.values()) {
            b.append("  ").append(prefix).append('.').append(p.name()).append(" = ").append(p.shown())
                    .append("  [").append(p.source()).append(']');
            if (ModelBuilder.NOT_SUPPORTED_YET.contains(p.name())) {
                b.append(" (not supported yet)");
            }
            b.append('\n');
        }
    }
}
