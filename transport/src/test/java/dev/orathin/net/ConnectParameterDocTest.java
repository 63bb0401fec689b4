package dev.orathin.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * docs/connect-parameters.md is generated from the catalogue: this test fails when the two differ.
 * Regenerate with {@code mvn -pl transport test -Dtest=ConnectParameterDocTest -Dorathin.regenerate=true}.
 */
class ConnectParameterDocTest {

    static String table() {
        StringBuilder b = new StringBuilder();
        b.append("# Connect parameters\n\n");
        b.append("Generated from the parameter catalogue (`transport/src/main/java/dev/orathin/net/Catalogue.java`) by\n");
        b.append("`mvn -pl transport test -Dtest=ConnectParameterDocTest -Dorathin.regenerate=true`; a test fails when this file and the\n");
        b.append("catalogue differ. **Sent** says whether the parameter travels to the listener in the CONNECT descriptor: client-only\n");
        b.append("parameters never do (the listener logs every CONNECT). Unknown keys are kept for `explain` and sent only inside\n");
        b.append("CONNECT_DATA, never when the name looks secret (PASSWORD, PWD, TOKEN, SECRET, CREDENTIAL). **Secret** values are\n");
        b.append("shown as `******` everywhere (explain, resolve, doctor, errors, logs, `toString`).\n\n");
        b.append("| keyword | level | kind | default | sent | secret | acted on | API / Easy Connect names | sqlnet.ora | what |\n");
        b.append("|---|---|---|---|---|---|---|---|---|---|\n");
        for (ConnectParameter p : ConnectParameter.all()) {
            String levels = p.levels().stream().map(Enum::name).sorted().collect(Collectors.joining(", "));
            b.append("| ").append(p.keyword()).append(" | ").append(levels).append(" | ").append(p.kind().name().toLowerCase())
                    .append(" | ").append(p.defaultValue() == null ? "" : p.defaultValue()).append(" | ").append(p.wire() ? "yes" : "no")
                    .append(" | ").append(p.secret() ? "yes" : "").append(" | ").append(p.supported() ? "yes" : "not yet")
                    .append(" | ").append(String.join(", ", p.apiNames())).append(" | ").append(p.sqlnetName() == null ? "" : p.sqlnetName())
                    .append(" | ").append(p.summary()).append(" |\n");
        }
        return b.toString();
    }

    @Test
    void docsTableMatchesTheCatalogue() throws Exception {
        Path doc = Path.of("..", "docs", "connect-parameters.md");
        String expected = table();
        if (Boolean.getBoolean("orathin.regenerate")) {
            Files.writeString(doc, expected, StandardCharsets.UTF_8);
        }
        assertEquals(expected, Files.readString(doc, StandardCharsets.UTF_8), "docs/connect-parameters.md is stale: regenerate it");
    }
}
