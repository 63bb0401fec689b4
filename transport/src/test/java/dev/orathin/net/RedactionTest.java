package dev.orathin.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orathin.net.internal.naming.ConnectStringResolver;
import dev.orathin.net.internal.naming.NamingRequest;
import dev.orathin.net.naming.ResolvedConnect;
import dev.orathin.net.internal.plan.WireDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One redaction for every printed form, driven by the catalogue; passwords with / ) @ " ' = in every input form. */
class RedactionTest {

    /** Passwords that broke the old regular expressions (9 of 9 leaked in the audit). */
    static final List<String> PASSWORDS = List.of("a/b", "a)b", "a@b", "a\"b", "a'b", "a=b", "p/w)d@x'y=z", "x@@y", "))((");

    @Test
    void everyInputFormRedactsEverySecret() {
        int checked = 0;
        for (String pw : PASSWORDS) {
            String quotable = pw.replace("\"", "");
            List<String> forms = new ArrayList<>();
            forms.add("tcps://h:1522/svc?wallet_password=" + pw + "&retry_count=3");
            forms.add("tcps://h:1522/svc?retry_count=3&password=" + pw);
            forms.add("tcps://h:1522/svc?https_proxy=user:" + pw + "@proxy.corp&https_proxy_port=80");
            forms.add("tcps://h:1522/svc?token=\"" + quotable + "\"");
            forms.add("(DESCRIPTION=(ADDRESS=(PROTOCOL=tcps)(HOST=h)(PORT=1))(SECURITY=(WALLET_PASSWORD=\"" + quotable + "\")))");
            forms.add("(DESCRIPTION=(ADDRESS=(PROTOCOL=tcps)(HOST=h)(PORT=1)(HTTPS_PROXY=\"http://u:" + quotable + "@p\"))(X=1))");
            forms.add("(DESCRIPTION=(ADDRESS=(HOST=h))(CONNECT_DATA=(MY_DB_PWD=" + pw + ")(SERVICE_NAME=s)))");
            forms.add("jdbc:orathin:@tcps://h:1522/svc?oracle.net.wallet_password=" + pw);
            forms.add("user=scott&password=" + pw + "&dsn=x");
            for (String f : forms) {
                String shown = f.startsWith("jdbc:") ? Redaction.jdbcUrl(f) : Redaction.connectString(f);
                assertFalse(shown.contains(quotable.length() > 2 ? quotable : "\u0000"), "leaked in " + shown);
                assertSecretGone(pw, shown);
                assertTrue(shown.contains(Redaction.MASK), shown);
                checked++;
            }
        }
        assertEquals(PASSWORDS.size() * 9, checked);
        assertEquals("jdbc:oracle:thin:scott/******@//h:1521/s", Redaction.jdbcUrl("jdbc:oracle:thin:scott/tig)e@r@//h:1521/s"));
        assertEquals("(A=1)(HOST=h)", Redaction.connectString("(A=1)(HOST=h)"), "nothing secret: unchanged");
    }

    /** The distinctive part of each test password must not survive (single characters are everywhere). */
    private static void assertSecretGone(String pw, String shown) {
        if (pw.length() >= 3) {
            assertFalse(shown.contains(pw), pw + " in " + shown);
        }
    }

    @Test
    void resolvedModelShowsSecretsMaskedStructurally() {
        String pw = "p/w)d@x'y=z";
        ResolvedConnect r = ConnectStringResolver.resolve(new NamingRequest("tcps://h:1522/svc?wallet_password=" + pw
                + "&https_proxy=user:" + pw + "@proxy&https_proxy_port=80&whatever_key=1", null, null, Map.of(), n -> null));
        for (String text : List.of(WireDescriptor.shown(r.descriptions()), r.explain(), r.descriptions().toString())) {
            assertFalse(text.contains(pw), text);
        }
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("whatever_key") && w.contains("ignored")), r.warnings().toString());
        assertFalse(WireDescriptor.canonical(r.descriptions()).contains("WHATEVER"), "unknown Easy Connect parameters are not rendered");
    }

    @Test
    void linearOnLargeInput() {
        // 1 MiB of pairs: a quadratic scan would not finish in the surefire timeout; the result is checked, not the time
        StringBuilder b = new StringBuilder("tcps://h:1522/svc?");
        while (b.length() < 1 << 20) {
            b.append("password=").append("x)y@z/").append("&retry_count=1&");
        }
        String shown = Redaction.connectString(b.toString());
        assertFalse(shown.contains("x)y@z/"));
    }

    @Test
    void catalogueIsConsistent() {
        for (ConnectParameter p : ConnectParameter.all()) {
            assertTrue(p.at(p.home()) || p.home() == ConnectParameter.Level.ADDRESS && p.at(ConnectParameter.Level.DESCRIPTION),
                    p.keyword() + " is understood at its home level");
            assertFalse(p.secret() && p.wire(), p.keyword() + ": a secret never goes on the wire");
            assertEquals(p.keyword(), p.keyword().toUpperCase(), p.keyword());
            p.apiNames().forEach(n -> assertEquals(n, n.toLowerCase(), n));
            assertTrue(ConnectParameter.byKeyword(p.keyword()).isPresent());
        }
        assertTrue(ConnectParameter.isSecret("WALLET_PASSWORD") && ConnectParameter.isSecret("oracle_db_pwd")
                && ConnectParameter.isSecret("ACCESS_TOKEN") && !ConnectParameter.isSecret("HOST"));
        assertFalse(ConnectParameter.sentToListener(ConnectParameter.Level.CONNECT_DATA, "MY_PASSWORD"));
        assertTrue(ConnectParameter.sentToListener(ConnectParameter.Level.CONNECT_DATA, "UR"), "unknown CONNECT_DATA keys travel");
        assertFalse(ConnectParameter.sentToListener(ConnectParameter.Level.DESCRIPTION, "MY_KEY"));
        assertEquals("TRANSPORT_CONNECT_TIMEOUT", ConnectParameter.byApiName("tcp_connect_timeout").orElseThrow().keyword());
        assertEquals("CONNECT_TIMEOUT", ConnectParameter.bySqlnetName("sqlnet.outbound_connect_timeout").orElseThrow().keyword());
    }
}
