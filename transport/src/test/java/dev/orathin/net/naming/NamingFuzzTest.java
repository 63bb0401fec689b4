package dev.orathin.net.naming;

import dev.orathin.net.internal.naming.NamingRequest;
import dev.orathin.net.internal.naming.ConnectStringResolver;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Random and mutated connect strings and tnsnames files only ever give a model or a ConfigException. */
class NamingFuzzTest {

    static final String[] SEEDS = {
        "(DESCRIPTION=(RETRY_COUNT=20)(RETRY_DELAY=3)(ADDRESS=(PROTOCOL=tcps)(PORT=1522)(HOST=adb.example.com))"
            + "(CONNECT_DATA=(SERVICE_NAME=x_high.adb.oraclecloud.com))(SECURITY=(SSL_SERVER_DN_MATCH=yes)))",
        "tcps://h1:1522,h2:1523;[::1]:1600/svc:dedicated/inst?retry_count=2&https_proxy=p&https_proxy_port=8080&wallet_location=\"/w\"",
        "(DESCRIPTION_LIST=(DESCRIPTION=(ADDRESS_LIST=(LOAD_BALANCE=on)(ADDRESS=(HOST=a)(PORT=1))(ADDRESS=(HOST=b)(PORT=2)))"
            + "(CONNECT_DATA=(SID=x))))",
    };
    static final String ALPHABET = "()=\"#,;:/?&[] \n\tabcDESCRIPTIONADDRESS0123456789.-_";

    static void check(String dsn, Path dir) {
        try {
            ConnectStringResolver.resolve(new NamingRequest(dsn, dir, null, Map.of(), n -> null));
        } catch (ConfigException expected) {
            assertTrue(expected.getMessage().startsWith("OTN-1"), expected.getMessage());
        } catch (RuntimeException e) {
            fail("input " + dsn.replace("\n", "\\n") + " raised " + e, e);
        }
    }

    @Test
    void mutatedAndRandomDsns() {
        Random r = new Random(20261125);
        for (int i = 0; i < 4000; i++) {
            String s = SEEDS[r.nextInt(SEEDS.length)];
            StringBuilder b = new StringBuilder(s);
            int edits = 1 + r.nextInt(4);
            for (int k = 0; k < edits && b.length() > 0; k++) {
                int at = r.nextInt(b.length());
                switch (r.nextInt(3)) {
                    case 0 -> b.deleteCharAt(at);
                    case 1 -> b.insert(at, ALPHABET.charAt(r.nextInt(ALPHABET.length())));
                    default -> b.setCharAt(at, ALPHABET.charAt(r.nextInt(ALPHABET.length())));
                }
            }
            check(b.toString(), null);
            StringBuilder rnd = new StringBuilder();
            for (int k = r.nextInt(60); k > 0; k--) {
                rnd.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
            }
            check(rnd.toString(), null);
        }
    }

    @Test
    void mutatedTnsnamesFiles(@TempDir Path dir) throws Exception {
        Random r = new Random(7);
        String base = "a = " + SEEDS[0] + "\nb, c = " + SEEDS[1] + "\n# comment\nd = " + SEEDS[2] + "\n";
        for (int i = 0; i < 500; i++) {
            StringBuilder b = new StringBuilder(base);
            for (int k = 0; k < 3; k++) {
                b.setCharAt(r.nextInt(b.length()), ALPHABET.charAt(r.nextInt(ALPHABET.length())));
            }
            Files.writeString(dir.resolve("tnsnames.ora"), b);
            for (String alias : new String[] {"a", "b", "c", "d", "zz"}) {
                check(alias, dir);
            }
        }
    }

    @Test
    void hostileNestingIsRejectedWithoutStackOverflowInLinearTime() {
        String deep = "(A=".repeat(100_000) + "x" + ")".repeat(100_000);
        ConfigException e = org.junit.jupiter.api.Assertions.assertThrows(ConfigException.class,
                () -> ConnectStringResolver.resolve(new NamingRequest(deep, null, null, Map.of(), n -> null)));
        assertEquals(NamingErrorCode.TOO_DEEP, e.errorCode());
        // a long flat descriptor parses; linear work (no timing assertion: bounded by the test timeout)
        StringBuilder flat = new StringBuilder("(DESCRIPTION=");
        for (int i = 0; i < 20_000; i++) {
            flat.append("(ADDRESS=(PROTOCOL=tcp)(HOST=h").append(i).append(")(PORT=1521))");
        }
        flat.append("(CONNECT_DATA=(SERVICE_NAME=s)))");
        assertEquals(20_000, ConnectStringResolver.resolve(new NamingRequest(flat.toString(), null, null, Map.of(), n -> null))
                .descriptions().descriptions().get(0).addresses().addresses().size());
    }
}
