package dev.orathin.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orathin.errors.ErrorCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every {@code OTN-nnnn} number is used once across all modules. The enums are found by scanning
 * every module's sources for {@code enum ... implements ErrorCode}, so a new module's enum cannot
 * be forgotten; those on this module's class path are read by reflection, the others (the CLI's)
 * from their source.
 */
class ErrorCodesUniqueTest {

    private static final Pattern ENUM = Pattern.compile("\\benum\\s+(\\w+)\\s+implements\\s+(?:dev\\.orathin\\.errors\\.)?ErrorCode\\b");
    private static final Pattern PACKAGE = Pattern.compile("(?m)^package\\s+([\\w.]+);");
    private static final Pattern CONSTANT = Pattern.compile("(?m)^\\s+([A-Z][A-Z0-9_]*)\\((\\d+),");

    @Test
    void everyOtnNumberIsUniqueAndInABand() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent();
        Map<Integer, String> owners = new TreeMap<>();
        List<String> enums = new ArrayList<>();
        List<String> duplicates = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root, 12)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java") && p.toString().contains("/src/main/java/")
                    && !p.toString().contains("/target/")).toList()) {
                String src = Files.readString(f, StandardCharsets.UTF_8);
                Matcher m = ENUM.matcher(src);
                if (!m.find()) {
                    continue;
                }
                Matcher pkg = PACKAGE.matcher(src);
                String name = (pkg.find() ? pkg.group(1) + "." : "") + m.group(1);
                enums.add(name);
                for (Map.Entry<Integer, String> e : constants(name, src).entrySet()) {
                    String previous = owners.put(e.getKey(), e.getValue());
                    if (previous != null) {
                        duplicates.add(ErrorCode.format(e.getKey()) + ": " + previous + " and " + e.getValue());
                    }
                    assertNotEquals(ErrorCode.Band.UNKNOWN, ErrorCode.Band.of(e.getKey()), e.getValue() + " is outside every band");
                }
            }
        }
        assertTrue(enums.size() >= 6, "the scan found the code enums of wallet, naming, transport, core, jdbc and the CLI: " + enums);
        assertEquals(List.of(), duplicates);
    }

    /** number → enum.CONSTANT, by reflection when the class is on the class path, else from the source. */
    private static Map<Integer, String> constants(String className, String src) {
        Map<Integer, String> out = new TreeMap<>();
        try {
            Class<?> c = Class.forName(className);
            for (Object o : c.getEnumConstants()) {
                ErrorCode code = (ErrorCode) o;
                out.put(code.number(), c.getSimpleName() + "." + o);
            }
            Matcher m = CONSTANT.matcher(src);
            int parsed = 0;
            while (m.find()) {
                parsed++;
            }
            assertEquals(out.size(), parsed, className + ": the source parser must see what reflection sees");
        } catch (ClassNotFoundException e) {
            Matcher m = CONSTANT.matcher(src);
            while (m.find()) {
                String simple = className.substring(className.lastIndexOf('.') + 1);
                String previous = out.put(Integer.parseInt(m.group(2)), simple + "." + m.group(1));
                assertEquals(null, previous, "number used twice within " + className);
            }
        }
        return out;
    }
}
