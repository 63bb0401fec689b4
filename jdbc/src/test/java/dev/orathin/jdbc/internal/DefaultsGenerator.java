package dev.orathin.jdbc.internal;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Wrapper;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Writes the {@code *Defaults} base classes of {@code dev.orathin.jdbc.internal}: one method per
 * method of a {@code java.sql} interface, each throwing {@code SQLFeatureNotSupportedException}
 * (HYC00) naming itself, so the concrete classes only write what orathin supports and nothing
 * silently does nothing. {@code DefaultsGeneratedTest} keeps the checked-in files equal to this
 * output; run {@code main} with the source directory to rewrite them after a JDK adds methods.
 */
public final class DefaultsGenerator {

    /** One base class: the interface, its name, the class it extends (null: Object) and whether inherited methods are included. */
    record Spec(Class<?> api, String name, String superclass, boolean inherited) {
    }

    static final List<Spec> SPECS = List.of(
            new Spec(Connection.class, "ConnectionDefaults", null, true),
            new Spec(Statement.class, "StatementDefaults", null, true),
            new Spec(PreparedStatement.class, "PreparedStatementDefaults", "JdbcStatement", false),
            new Spec(CallableStatement.class, "CallableStatementDefaults", "JdbcPreparedStatement", false),
            new Spec(ResultSet.class, "ResultSetDefaults", null, true),
            new Spec(DatabaseMetaData.class, "DatabaseMetaDataDefaults", null, true));

    /** JDK default methods that are right as they are (quoting helpers, request demarcation hints). */
    static final Set<String> KEEP_DEFAULTS = Set.of("enquoteLiteral", "enquoteIdentifier", "isSimpleIdentifier", "enquoteNCharLiteral",
            "beginRequest", "endRequest");

    private DefaultsGenerator() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0], "dev/orathin/jdbc/internal");
        for (Spec s : SPECS) {
            Files.writeString(dir.resolve(s.name() + ".java"), generate(s));
        }
    }

    static String generate(Spec s) {
        Set<String> imports = new TreeSet<>();
        imports.add(s.api().getName());
        imports.add(SQLException.class.getName());
        List<Method> methods = Arrays.stream(s.inherited() ? s.api().getMethods() : s.api().getDeclaredMethods())
                .filter(m -> !Modifier.isStatic(m.getModifiers()))
                .filter(m -> m.getDeclaringClass() != Wrapper.class)
                .filter(m -> !(m.isDefault() && KEEP_DEFAULTS.contains(m.getName())))
                // setClientInfo throws SQLClientInfoException only: the concrete class writes it
                .filter(m -> Arrays.asList(m.getExceptionTypes()).contains(SQLException.class))
                .sorted(Comparator.comparing(Method::getName).thenComparing(m -> Arrays.toString(m.getParameterTypes())))
                .toList();
        StringBuilder body = new StringBuilder();
        for (Method m : methods) {
            body.append("\n    @Override\n    public ");
            TypeVariable<Method>[] tv = m.getTypeParameters();
            if (tv.length > 0) {
                body.append('<').append(Arrays.stream(tv).map(TypeVariable::getName).collect(Collectors.joining(", "))).append("> ");
            }
            body.append(render(m.getGenericReturnType(), imports)).append(' ').append(m.getName()).append('(');
            Type[] p = m.getGenericParameterTypes();
            for (int i = 0; i < p.length; i++) {
                body.append(i == 0 ? "" : ", ").append(render(p[i], imports)).append(" p").append(i + 1);
            }
            body.append(") throws SQLException {\n        throw unsupported(\"")
                    .append(m.getDeclaringClass().getSimpleName()).append('.').append(m.getName()).append("\");\n    }\n");
        }
        StringBuilder out = new StringBuilder("package dev.orathin.jdbc.internal;\n\n");
        for (String i : imports) {
            if (!i.startsWith("java.lang.") || i.lastIndexOf('.') > "java.lang".length()) {
                out.append("import ").append(i).append(";\n");
            }
        }
        String api = s.api().getSimpleName();
        out.append("\n/**\n * Every {@link ").append(api).append("} method").append(s.inherited() ? "" : " declared there")
                .append(" refused with {@code SQLFeatureNotSupportedException} (HYC00)\n * naming itself; the concrete class overrides what orathin supports. Generated by\n")
                .append(" * {@code DefaultsGenerator} (jdbc tests) from the JDK's interface; do not edit by hand.\n */\n");
        out.append("abstract class ").append(s.name()).append(s.superclass() == null ? "" : " extends " + s.superclass())
                .append(" implements ").append(api).append(" {\n");
        if (s.superclass() != null) {
            out.append("\n    ").append(s.name()).append("(JdbcConnection conn, String sql, boolean callable) {\n")
                    .append("        super(conn, sql, callable);\n    }\n");
        } else {
            out.append("""

                        /** The failure for a method orathin does not implement; a closable object refuses every call once closed first. */
                        SQLException unsupported(String method) throws SQLException {
                            return Errors.notSupported(method);
                        }

                        /** The orathin object this one wraps for {@code unwrap} / {@code isWrapperFor}, or null. */
                        Object wrapped() {
                            return null;
                        }

                        @Override
                        public final <T> T unwrap(Class<T> type) throws SQLException {
                            return Wrappers.unwrap(this, wrapped(), type);
                        }

                        @Override
                        public final boolean isWrapperFor(Class<?> type) {
                            return Wrappers.isWrapperFor(this, wrapped(), type);
                        }
                    """);
        }
        out.append(body).append("}\n");
        return out.toString();
    }

    private static String render(Type t, Set<String> imports) {
        if (t instanceof Class<?> c) {
            if (c.isArray()) {
                return render(c.getComponentType(), imports) + "[]";
            }
            if (!c.isPrimitive()) {
                imports.add(c.getName());
            }
            return c.getSimpleName();
        }
        if (t instanceof ParameterizedType p) {
            return render(p.getRawType(), imports) + Arrays.stream(p.getActualTypeArguments()).map(a -> render(a, imports))
                    .collect(Collectors.joining(", ", "<", ">"));
        }
        if (t instanceof WildcardType w) {
            if (w.getLowerBounds().length > 0) {
                return "? super " + render(w.getLowerBounds()[0], imports);
            }
            Type[] up = w.getUpperBounds();
            return up.length == 0 || up[0] == Object.class ? "?" : "? extends " + render(up[0], imports);
        }
        if (t instanceof TypeVariable<?> v) {
            return v.getName();
        }
        if (t instanceof GenericArrayType g) {
            return render(g.getGenericComponentType(), imports) + "[]";
        }
        throw new IllegalArgumentException(t.toString());
    }
}
