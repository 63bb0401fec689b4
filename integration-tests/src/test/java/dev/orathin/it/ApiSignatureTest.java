package dev.orathin.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The public API of every published module, as committed in {@code api/<module>.txt}: the packages
 * its module-info exports (unqualified), and in them every public type with its public and
 * protected members. An accidental public change fails the build; an intended one is committed by
 * regenerating the files ({@code -Dorathin.regenerate=true}) and reviewing their diff (issue #19:
 * a signature check in CI). Exported {@code internal} packages are listed by name only: they are
 * not API, and a new one shows in the diff.
 */
class ApiSignatureTest {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @ParameterizedTest
    @ValueSource(strings = {"wallet", "transport", "core", "jdbc", "testkit", "micrometer", "opentelemetry"})
    void thePublicApiIsTheCommittedOne(String module) throws Exception {
        Path classes = ROOT.resolve(module).resolve("target/classes");
        assertTrue(Files.isDirectory(classes), "build " + module + " first: " + classes);
        String actual = signature(classes);
        Path file = ROOT.resolve("api").resolve(module + ".txt");
        if (Boolean.getBoolean("orathin.regenerate")) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, actual, StandardCharsets.UTF_8);
        }
        assertTrue(Files.exists(file), file + " is missing: run with -Dorathin.regenerate=true and commit it");
        String expected = Files.readString(file, StandardCharsets.UTF_8);
        if (!expected.equals(actual)) {
            List<String> gone = new ArrayList<>(new TreeSet<>(expected.lines().toList()));
            gone.removeAll(actual.lines().toList());
            List<String> added = new ArrayList<>(new TreeSet<>(actual.lines().toList()));
            added.removeAll(expected.lines().toList());
            assertEquals(expected, actual, "the public API of " + module + " changed; if intended, regenerate api/" + module
                    + ".txt (-Dorathin.regenerate=true) and commit it.\nremoved: " + gone + "\nadded: " + added);
        }
    }

    static String signature(Path classes) throws IOException, ClassNotFoundException {
        ModuleReference ref = ModuleFinder.of(classes).findAll().iterator().next();
        ModuleDescriptor d = ref.descriptor();
        StringBuilder out = new StringBuilder("module " + d.name() + "\n");
        TreeSet<String> packages = new TreeSet<>();
        for (ModuleDescriptor.Exports e : d.exports()) {
            if (!e.isQualified()) {
                packages.add(e.source());
            }
        }
        for (String pkg : packages) {
            if (pkg.contains(".internal")) {
                out.append("exports ").append(pkg).append(" (internal: not API)\n");
                continue;
            }
            out.append("exports ").append(pkg).append('\n');
            Path dir = classes.resolve(pkg.replace('.', '/'));
            List<String> names;
            try (Stream<Path> s = Files.list(dir)) {
                names = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".class") && !n.equals("package-info.class"))
                        .map(n -> pkg + "." + n.substring(0, n.length() - ".class".length())).sorted().toList();
            }
            for (String name : names) {
                Class<?> c = load(name);
                if (c == null || !visible(c)) {
                    continue;
                }
                out.append(type(c));
            }
        }
        return out.toString();
    }

    private static Class<?> load(String binaryName) throws ClassNotFoundException {
        return Class.forName(binaryName, false, ApiSignatureTest.class.getClassLoader());
    }

    /** Public, and every enclosing type public too; anonymous and local classes are never API. */
    private static boolean visible(Class<?> c) {
        for (Class<?> k = c; k != null; k = k.getEnclosingClass()) {
            if (!Modifier.isPublic(k.getModifiers()) || k.isAnonymousClass() || k.isLocalClass() || k.isSynthetic()) {
                return false;
            }
        }
        return true;
    }

    private static String type(Class<?> c) {
        StringBuilder s = new StringBuilder("  ").append(c.toGenericString());
        if (c.getGenericSuperclass() != null && c.getSuperclass() != Object.class && c.getSuperclass() != Record.class
                && c.getSuperclass() != Enum.class) {
            s.append(" extends ").append(c.getGenericSuperclass().getTypeName());
        }
        if (c.getGenericInterfaces().length > 0) {
            s.append(c.isInterface() ? " extends " : " implements ");
            s.append(String.join(", ", Arrays.stream(c.getGenericInterfaces()).map(t -> t.getTypeName()).toList()));
        }
        if (c.isSealed()) {
            s.append(" permits ").append(String.join(", ", Arrays.stream(c.getPermittedSubclasses()).map(Class::getName).sorted().toList()));
        }
        s.append('\n');
        TreeSet<String> members = new TreeSet<>();
        for (Field f : c.getDeclaredFields()) {
            if (api(f.getModifiers()) && !f.isSynthetic()) {
                members.add("    field " + Modifier.toString(f.getModifiers()) + " " + f.getGenericType().getTypeName() + " " + f.getName());
            }
        }
        for (Constructor<?> k : c.getDeclaredConstructors()) {
            if (api(k.getModifiers()) && !k.isSynthetic()) {
                members.add("    " + k.toGenericString());
            }
        }
        for (Method m : c.getDeclaredMethods()) {
            if (api(m.getModifiers()) && !m.isSynthetic() && !m.isBridge()) {
                members.add("    " + m.toGenericString());
            }
        }
        members.forEach(m -> s.append(m).append('\n'));
        return s.toString();
    }

    private static boolean api(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }
}
