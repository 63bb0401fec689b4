package dev.orathin.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/security.md's limits table states the value of every input limit constant, and names no other. */
class SecurityDocTest {

    /** Every documented limit: {@code Simple.NAME} as written in the doc, to the class holding it. */
    static final Map<String, String> LIMITS = new LinkedHashMap<>();

    static {
        for (String f : List.of("dev.orathin.wallet.Wallets.MAX_FILE_BYTES", "dev.orathin.wallet.WalletZip.MAX_ENTRIES",
                "dev.orathin.wallet.WalletZip.MAX_ENTRY_BYTES", "dev.orathin.wallet.WalletZip.MAX_TOTAL_BYTES",
                "dev.orathin.wallet.internal.Pbe.MAX_ITERATIONS", "dev.orathin.net.internal.naming.ConfigFiles.MAX_FILE_BYTES",
                "dev.orathin.net.internal.naming.ConnectStringResolver.MAX_CONFIG_ZIP_BYTES",
                "dev.orathin.net.internal.naming.ConfigFiles.MAX_IFILE_DEPTH", "dev.orathin.net.internal.naming.ConfigFiles.MAX_ENTRY_CHARS",
                "dev.orathin.net.internal.naming.NvParser.MAX_TEXT_CHARS", "dev.orathin.net.internal.naming.NvParser.MAX_VALUE_CHARS",
                "dev.orathin.net.internal.naming.NvParser.MAX_DEPTH", "dev.orathin.examples.cli.Secrets.MAX_PASSWORD_FILE_BYTES",
                "dev.orathin.net.internal.packet.TnsFrameDecoder.MAX_PACKET", "dev.orathin.internal.sql.Response.MAX_COLUMNS")) {
            int dot = f.lastIndexOf('.');
            String cls = f.substring(0, dot);
            LIMITS.put(cls.substring(cls.lastIndexOf('.') + 1) + f.substring(dot), f);
        }
    }

    static long value(String qualified) throws ReflectiveOperationException {
        int dot = qualified.lastIndexOf('.');
        Field f = Class.forName(qualified.substring(0, dot)).getDeclaredField(qualified.substring(dot + 1));
        f.setAccessible(true);
        return ((Number) f.get(null)).longValue();
    }

    /** The lines of the "## Limits" section. */
    static List<String> limitsSection() throws java.io.IOException {
        List<String> all = Files.readAllLines(Path.of("..", "docs", "security.md"));
        int from = all.indexOf("## Limits");
        assertTrue(from >= 0, "docs/security.md has a '## Limits' section");
        int to = from + 1;
        while (to < all.size() && !all.get(to).startsWith("## ")) {
            to++;
        }
        return all.subList(from, to);
    }

    @Test
    void everyLimitRowStatesTheConstantsValue() throws Exception {
        List<String> doc = limitsSection();
        for (Map.Entry<String, String> e : LIMITS.entrySet()) {
            String name = "`" + e.getKey() + "`";
            List<String> rows = doc.stream().filter(l -> l.startsWith("|") && l.contains(name)).toList();
            assertEquals(1, rows.size(), "one limits row names " + name);
            String expected = String.format("%,d", value(e.getValue()));
            assertTrue(rows.get(0).matches(".*\\| " + Pattern.quote(expected) + "( [^|]*)? \\|.*"),
                    name + " is " + expected + " in the code, but the row says: " + rows.get(0));
        }
    }

    @Test
    void theLimitsTableNamesNoUnknownConstant() throws Exception {
        Set<String> named = new TreeSet<>();
        Matcher m = Pattern.compile("`(\\w+\\.MAX_\\w+)`").matcher(String.join("\n", limitsSection()));
        while (m.find()) {
            named.add(m.group(1));
        }
        named.removeAll(LIMITS.keySet());
        assertTrue(named.isEmpty(), "documented but not checked here (add them to LIMITS): " + named);
    }
}
