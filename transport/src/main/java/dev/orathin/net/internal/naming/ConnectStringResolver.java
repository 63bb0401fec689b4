package dev.orathin.net.internal.naming;

import dev.orathin.net.naming.ConfigException;
import dev.orathin.net.naming.NamingErrorCode;
import dev.orathin.net.naming.ResolvedConnect;

import dev.orathin.net.Address;
import dev.orathin.net.AddressList;
import dev.orathin.net.AddressNode;
import dev.orathin.net.ConnectParameter;
import dev.orathin.net.Description;
import dev.orathin.net.DescriptionList;
import dev.orathin.net.Param;
import dev.orathin.net.internal.naming.ConfigFiles;
import dev.orathin.net.internal.naming.EasyConnect;
import dev.orathin.net.internal.naming.ModelBuilder;
import dev.orathin.net.internal.naming.NvParser;
import dev.orathin.io.BoundedFiles;
import dev.orathin.io.InputLimitException;
import dev.orathin.wallet.WalletZip;
import dev.orathin.wallet.Wallets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves {@code (configDir, dsn, parameters)} into a {@link ResolvedConnect}, before any network
 * I/O.
 *
 * <p>Dsn forms (connect-behaviour.md §1): a string starting with {@code (} is a descriptor; a name
 * defined in tnsnames.ora is an alias; anything else that looks like Easy Connect (has {@code /},
 * {@code ://}, {@code :port} or {@code ?}) is Easy Connect; otherwise "alias not found".
 *
 * <p>Config lookup: the explicit directory (or wallet.zip), else {@code oracle.net.tns_admin}
 * (system property), else {@code TNS_ADMIN}, else {@code $ORACLE_HOME/network/admin}.
 *
 * <p>Precedence: explicit API parameters, then the dsn/descriptor, then sqlnet.ora, then defaults.
 */
public final class ConnectStringResolver {

    /** Largest wallet.zip read as a configuration source (same as a wallet.zip read as a wallet). */
    public static final long MAX_CONFIG_ZIP_BYTES = Wallets.MAX_FILE_BYTES;
    /**
     * Entry limits of a configuration wallet.zip: the wallet module's, with tnsnames.ora and
     * sqlnet.ora entries up to the configuration file limit.
     */
    private static final BoundedFiles.ZipLimits ZIP_LIMITS = new BoundedFiles.ZipLimits(WalletZip.MAX_ENTRIES,
            ConfigFiles.MAX_FILE_BYTES, WalletZip.MAX_TOTAL_BYTES);

    private ConnectStringResolver() {
    }

    /** Resolves the request. */
    public static ResolvedConnect resolve(NamingRequest req) {
        List<String> warnings = new ArrayList<>();
        Config cfg = config(req);
        Map<String, Param> sqlnet = cfg.sqlnet == null ? Map.of() : ConfigFiles.sqlnet(cfg.sqlnetName, cfg.sqlnet, warnings);
        String dsn = req.dsn().strip();
        if (dsn.isEmpty()) {
            throw new ConfigException(NamingErrorCode.EMPTY_VALUE, "dsn", "expected an alias, Easy Connect string or descriptor but found nothing");
        }
        ResolvedConnect.Kind kind;
        String alias = null;
        String descriptorText;
        String source;
        int firstLine = 0;
        List<String> files = new ArrayList<>();
        if (dsn.startsWith("(")) {
            kind = ResolvedConnect.Kind.DESCRIPTOR;
            descriptorText = dsn;
            source = "dsn";
        } else {
            Map<String, ConfigFiles.Entry> tns = cfg.tnsnames == null ? Map.of()
                    : ConfigFiles.tnsnames(cfg.tnsnamesPath, cfg.tnsnames, files, new ArrayList<>());
            ConfigFiles.Entry e = tns.get(dsn.toLowerCase(Locale.ROOT));
            if (e != null) {
                if (e.error() != null) {
                    throw e.error();
                }
                kind = ResolvedConnect.Kind.ALIAS;
                alias = dsn;
                String v = e.value().strip();
                if (v.startsWith("(")) {
                    descriptorText = e.value();
                    source = e.file();
                    firstLine = e.line();
                } else {
                    descriptorText = EasyConnect.toDescriptor(v, e.source(), warnings);
                    source = e.source() + " (Easy Connect)";
                }
            } else if (EasyConnect.looks(dsn)) {
                kind = ResolvedConnect.Kind.EASY_CONNECT;
                descriptorText = EasyConnect.toDescriptor(dsn, "dsn", warnings);
                source = "dsn";
            } else if (cfg.source == null) {
                throw new ConfigException(NamingErrorCode.NO_CONFIG_DIR, "dsn", "\"" + dsn + "\" is an alias, so a tnsnames.ora is needed, "
                        + "but no configuration directory was given and neither TNS_ADMIN nor ORACLE_HOME is set");
            } else if (cfg.tnsnames == null) {
                throw new ConfigException(NamingErrorCode.NO_TNSNAMES, cfg.source, "expected tnsnames.ora defining \"" + dsn
                        + "\" but the configuration source has no tnsnames.ora");
            } else {
                throw new ConfigException(NamingErrorCode.ALIAS_NOT_FOUND, String.join(" -> ", files), "alias \"" + dsn
                        + "\" is not defined" + closeMatches(dsn, tns.keySet()));
            }
        }
        DescriptionList model = new ModelBuilder(warnings).build(NvParser.parse(descriptorText, source, firstLine));
        model = applyPrecedence(model, overrides(req.parameters()), sqlnet, warnings);
        return new ResolvedConnect(model, kind, alias, cfg.source, files, sqlnet, warnings);
    }

    private static String closeMatches(String dsn, java.util.Set<String> names) {
        String d = dsn.toLowerCase(Locale.ROOT);
        List<String> close = names.stream().filter(n -> n.startsWith(d) || d.startsWith(n) || editDistance(n, d) <= 2).sorted().limit(5).toList();
        return close.isEmpty() ? "; defined aliases: " + names.stream().sorted().limit(10).toList() : "; did you mean " + close + "?";
    }

    /** Levenshtein distance, for "did you mean" suggestions on names (aliases here, parameter names in core). */
    public static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int[] cur = new int[b.length() + 1];
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            }
            prev = cur;
        }
        return prev[b.length()];
    }

    private static Map<String, Param> overrides(Map<String, String> parameters) {
        Map<String, Param> out = new LinkedHashMap<>();
        parameters.forEach((k, v) -> {
            ConnectParameter p = ConnectParameter.byApiName(k).filter(c -> !c.apiNames().isEmpty()).orElse(null);
            if (p != null && v != null) {
                out.put(p.keyword(), new Param(p.keyword(), v, "argument " + k));
            }
        });
        return out;
    }

    /** Explicit parameters replace, sqlnet.ora fills gaps, each at the level it belongs to. */
    private static DescriptionList applyPrecedence(DescriptionList list, Map<String, Param> api, Map<String, Param> sqlnet,
            List<String> warnings) {
        Map<String, Param> fromSqlnet = new LinkedHashMap<>();
        sqlnet.forEach((k, p) -> {
            String key = ConnectParameter.bySqlnetName(k).map(ConnectParameter::keyword).orElse(null);
            if (key != null) {
                String value = key.equals("WALLET_LOCATION") ? walletDirectory(p.value()) : p.value();
                fromSqlnet.put(key, new Param(key, value, p.source()));
            }
        });
        boolean sqlnetProxy = Optional.ofNullable(sqlnet.get("SQLNET.USE_HTTPS_PROXY")).map(dev.orathin.net.internal.naming.Params::parseBool).orElse(false);
        if (sqlnetProxy) {
            Optional.ofNullable(sqlnet.get("HTTPS_PROXY")).ifPresent(p -> fromSqlnet.put("HTTPS_PROXY", p));
            Optional.ofNullable(sqlnet.get("HTTPS_PROXY_PORT")).ifPresent(p -> fromSqlnet.put("HTTPS_PROXY_PORT", p));
        }
        if (api.isEmpty() && fromSqlnet.isEmpty()) {
            return list;
        }
        List<Description> ds = new ArrayList<>();
        for (Description d : list.descriptions()) {
            Map<String, Param> params = merge(d.params(), api, fromSqlnet, k -> !isSecurity(k) && !isAddress(k) && !isConnectData(k));
            Map<String, Param> sec = merge(d.security().params(), api, fromSqlnet, ConnectStringResolver::isSecurity);
            Map<String, Param> cd = merge(d.connectData().params(), api, Map.of(), ConnectStringResolver::isConnectData);
            Description nd = new Description(addresses(d.addresses(), api, fromSqlnet), new dev.orathin.net.ConnectData(cd),
                    new dev.orathin.net.Security(sec), params);
            ModelBuilder.validate(nd);
            ds.add(nd);
        }
        return new DescriptionList(ds, merge(list.params(), api, Map.of(), k -> k.equals("FAILOVER") || k.equals("LOAD_BALANCE")));
    }

    private static AddressList addresses(AddressList l, Map<String, Param> api, Map<String, Param> sqlnet) {
        List<AddressNode> entries = new ArrayList<>();
        for (AddressNode n : l.entries()) {
            if (n instanceof AddressList nested) {
                entries.add(addresses(nested, api, sqlnet));
            } else {
                Address a = (Address) n;
                // a proxy applies to TCPS addresses only (it cannot tunnel plain TCP)
                Map<String, Param> p = a.protocol().equals("tcps") ? merge(a.params(), api, sqlnet, ConnectStringResolver::isAddress) : a.params();
                dev.orathin.net.internal.naming.Params.integer(p, "HTTPS_PROXY_PORT", 1, 65535);
                entries.add(new Address(a.protocol(), a.host(), a.port(), p));
            }
        }
        return new AddressList(entries, merge(l.params(), api, Map.of(), k -> false));
    }

    private static Map<String, Param> merge(Map<String, Param> own, Map<String, Param> api, Map<String, Param> defaults,
            java.util.function.Predicate<String> belongs) {
        Map<String, Param> out = new LinkedHashMap<>(own);
        defaults.forEach((k, p) -> {
            if (belongs.test(k)) {
                out.putIfAbsent(k, p);
            }
        });
        api.forEach((k, p) -> {
            if (belongs.test(k)) {
                out.put(k, p);
            }
        });
        return out;
    }

    private static boolean isSecurity(String k) {
        return home(k) == ConnectParameter.Level.SECURITY;
    }

    private static boolean isAddress(String k) {
        return home(k) == ConnectParameter.Level.ADDRESS;
    }

    private static boolean isConnectData(String k) {
        return home(k) == ConnectParameter.Level.CONNECT_DATA;
    }

    private static ConnectParameter.Level home(String keyword) {
        return ConnectParameter.byKeyword(keyword).map(ConnectParameter::home).orElse(ConnectParameter.Level.DESCRIPTION);
    }

    /** {@code (SOURCE=(METHOD=file)(METHOD_DATA=(DIRECTORY=x)))} → {@code x}; a plain value stays. */
    static String walletDirectory(String value) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\(\\s*DIRECTORY\\s*=\\s*\"?([^\")]*)\"?\\s*\\)",
                java.util.regex.Pattern.CASE_INSENSITIVE).matcher(value);
        return m.find() ? m.group(1).strip() : value;
    }

    private static final class Config {
        String source;
        Path tnsnamesPath;
        String tnsnames;
        String sqlnetName;
        String sqlnet;
    }

    private static Config config(NamingRequest req) {
        Config c = new Config();
        if (req.configZip() != null) {
            zip(c, req.configZip(), "wallet.zip (bytes)");
            return c;
        }
        Path dir = req.configDir();
        String origin = "argument";
        if (dir == null) {
            String v = req.environment().apply("oracle.net.tns_admin");
            origin = "oracle.net.tns_admin";
            if (v == null || v.isBlank()) {
                v = req.environment().apply("TNS_ADMIN");
                origin = "TNS_ADMIN";
            }
            if ((v == null || v.isBlank()) && req.environment().apply("ORACLE_HOME") != null) {
                v = Path.of(req.environment().apply("ORACLE_HOME"), "network", "admin").toString();
                origin = "ORACLE_HOME";
            }
            if (v == null || v.isBlank()) {
                return c;
            }
            dir = Path.of(v);
        }
        if (!Files.isDirectory(dir) && Files.exists(dir) && dir.getFileName() != null
                && dir.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip")) {
            // checked before reading: a FIFO or device named *.zip is refused unopened, a file over the limit unread
            zip(c, ConfigFiles.readBytes(dir, origin, MAX_CONFIG_ZIP_BYTES), dir.toString());
            return c;
        }
        if (!Files.isDirectory(dir)) {
            throw new ConfigException(NamingErrorCode.NO_CONFIG_DIR, origin, "expected a configuration directory at " + dir + " but found "
                    + (Files.exists(dir) ? "a file" : "nothing"));
        }
        c.source = dir.toString();
        Path tns = dir.resolve("tnsnames.ora");
        if (Files.exists(tns)) {
            c.tnsnamesPath = tns;
            c.tnsnames = ConfigFiles.readText(tns, origin);
        }
        Path sql = dir.resolve("sqlnet.ora");
        if (Files.exists(sql)) {
            c.sqlnetName = sql.toString();
            c.sqlnet = ConfigFiles.readText(sql, origin);
        }
        return c;
    }

    private static void zip(Config c, byte[] bytes, String where) {
        c.source = where;
        if (bytes.length > MAX_CONFIG_ZIP_BYTES) {
            throw new ConfigException(NamingErrorCode.FILE_TOO_LARGE, where, "expected a wallet.zip of at most "
                    + MAX_CONFIG_ZIP_BYTES + " bytes but found " + bytes.length);
        }
        BoundedFiles.ZipContent content;
        try {
            content = BoundedFiles.readZip(bytes, Set.of("tnsnames.ora", "sqlnet.ora"), ZIP_LIMITS, where);
        } catch (InputLimitException e) {
            throw new ConfigException(NamingErrorCode.CONFIG_ZIP_LIMIT, where, e.getMessage(), e);
        } catch (IOException e) {
            throw new ConfigException(NamingErrorCode.BAD_CONFIG_ZIP, where, "expected a readable zip archive: " + e.getMessage(), e);
        }
        if (content.entryNames().isEmpty()) {
            throw new ConfigException(NamingErrorCode.BAD_CONFIG_ZIP, where, "expected a zip archive (wallet.zip) but found no entries");
        }
        byte[] tns = content.files().get("tnsnames.ora");
        if (tns != null) {
            c.tnsnamesPath = Path.of(where + "!tnsnames.ora");
            c.tnsnames = ConfigFiles.text(tns, where + "!tnsnames.ora");
        }
        byte[] sql = content.files().get("sqlnet.ora");
        if (sql != null) {
            c.sqlnetName = where + "!sqlnet.ora";
            c.sqlnet = ConfigFiles.text(sql, where + "!sqlnet.ora");
        }
    }
}
