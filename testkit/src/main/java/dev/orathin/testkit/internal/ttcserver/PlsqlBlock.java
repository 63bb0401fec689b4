package dev.orathin.testkit.internal.ttcserver;

import dev.orathin.testkit.internal.ttcserver.OraErrors.OraException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PL/SQL the testkit runs, since H2 has no PL/SQL: an anonymous {@code BEGIN ... END;} block
 * (or a {@code CALL}) whose statements are assignments to binds ({@code :x := expr}), SQL
 * statements, procedure calls, {@code NULL}, {@code dbms_session.sleep(n)} and
 * {@code raise_application_error(n, 'text')}. Anything else is refused with ORA-06550.
 */
final class PlsqlBlock {

    static final int OUT = 16;
    static final int IN = 32;
    static final int IN_OUT = 48;

    private static final Pattern ASSIGN = Pattern.compile("(?is)^:\\s*\"?([A-Za-z0-9_$#]+)\"?\\s*:=\\s*(.+)$");
    private static final Pattern SLEEP = Pattern.compile("(?is)^dbms_(?:session|lock)\\.sleep\\s*\\((.+)\\)$");
    /** {@code DBMS_STATS.GATHER_TABLE_STATS(owner, table)} (ojdbc's exact getIndexInfo): accepted, H2 keeps its own statistics. */
    private static final Pattern GATHER_STATS = Pattern.compile("(?is)^(?:sys\\.)?dbms_stats\\.gather_table_stats\\s*\\(([^,]+),([^,]+)\\)$");
    private static final Pattern RAISE = Pattern.compile("(?is)^raise_application_error\\s*\\(\\s*(-?\\d+)\\s*,\\s*'((?:[^']|'')*)'\\s*\\)$");
    private static final Pattern CALL = Pattern.compile("(?is)^([A-Za-z_][A-Za-z0-9_$#.]*)\\s*(\\(.*\\))?$");
    private static final Pattern BLOCK = Pattern.compile("(?is)^\\s*begin\\s+(.*?)\\s*end\\s*;?\\s*$");

    private sealed interface Step permits Assign, Run, Raise {
    }

    private record Assign(String target, SqlText.Parsed expr) implements Step {
    }

    private record Run(SqlText.Parsed sql, boolean changes) implements Step {
    }

    private record Raise(int number, String text) implements Step {
    }

    private final List<Step> steps;
    private final List<String> bindNames;
    private final Set<String> targets;
    private final Set<String> read;

    private PlsqlBlock(List<Step> steps, List<String> bindNames, Set<String> targets, Set<String> read) {
        this.steps = steps;
        this.bindNames = bindNames;
        this.targets = targets;
        this.read = read;
    }

    static PlsqlBlock parse(String sql) {
        String body;
        String first = SqlText.firstWord(sql);
        if (first.equals("CALL")) {
            body = sql.strip().replaceFirst("(?is)^call\\s+", "");
        } else {
            Matcher m = BLOCK.matcher(sql);
            if (!m.matches()) {
                throw unsupported(sql);
            }
            body = m.group(1);
        }
        List<Step> steps = new ArrayList<>();
        Set<String> targets = new LinkedHashSet<>();
        Set<String> read = new LinkedHashSet<>();
        Set<String> names = new LinkedHashSet<>();
        for (String raw : split(body)) {
            String s = raw.strip();
            if (s.isEmpty() || s.equalsIgnoreCase("null")) {
                continue;
            }
            Matcher m;
            if ((m = ASSIGN.matcher(s)).matches()) {
                String target = m.group(1).toUpperCase(Locale.ROOT);
                names.add(target);
                targets.add(target);
                SqlText.Parsed expr = SqlText.binds("SELECT " + m.group(2) + " FROM DUAL");
                names.addAll(expr.bindNames());
                read.addAll(expr.bindNames());
                steps.add(new Assign(target, expr));
            } else if ((m = RAISE.matcher(s)).matches()) {
                steps.add(new Raise(-Integer.parseInt(m.group(1)), m.group(2).replace("''", "'")));
            } else if ((m = GATHER_STATS.matcher(s)).matches()) {
                SqlText.Parsed p = SqlText.binds("CALL SYS.ORATHIN_GATHER_STATS(" + m.group(1) + ", " + m.group(2) + ")");
                names.addAll(p.bindNames());
                read.addAll(p.bindNames());
                steps.add(new Run(p, false));
            } else if ((m = SLEEP.matcher(s)).matches()) {
                SqlText.Parsed p = SqlText.binds("CALL ORATHIN_SLEEP(" + m.group(1) + ")");
                names.addAll(p.bindNames());
                read.addAll(p.bindNames());
                steps.add(new Run(p, false));
            } else {
                SqlText.Kind kind = SqlText.kind(s);
                String text;
                if (kind == SqlText.Kind.DML) {
                    text = s;
                } else if ((m = CALL.matcher(s)).matches() && !isKeyword(SqlText.firstWord(s))) {
                    text = "CALL " + m.group(1) + (m.group(2) == null ? "()" : m.group(2));
                } else {
                    throw unsupported(s);
                }
                SqlText.Parsed p = SqlText.binds(text);
                names.addAll(p.bindNames());
                read.addAll(p.bindNames());
                steps.add(new Run(p, kind == SqlText.Kind.DML));
            }
        }
        return new PlsqlBlock(steps, List.copyOf(names), targets, read);
    }

    private static boolean isKeyword(String w) {
        return Set.of("SELECT", "DECLARE", "IF", "FOR", "LOOP", "WHILE", "CREATE", "EXECUTE", "OPEN", "FETCH", "CLOSE", "RETURN",
                "EXCEPTION", "CASE", "GOTO", "EXIT").contains(w);
    }

    private static OraException unsupported(String what) {
        String line = what.length() > 60 ? what.substring(0, 60) + "..." : what;
        return new OraException(6550, "line 1, column 1:\nPLS-00103: the orathin testkit runs only anonymous blocks of "
                + "assignments to binds, SQL statements, procedure calls, NULL, dbms_session.sleep and raise_application_error; "
                + "cannot run: " + line);
    }

    /** Splits statements on semicolons outside quotes. */
    private static List<String> split(String body) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == ';') {
                out.add(cur.toString());
                cur.setLength(0);
                continue;
            }
            cur.append(c);
        }
        out.add(cur.toString());
        return out;
    }

    /** Unique bind names in order of first appearance (PL/SQL binds by name). */
    List<String> bindNames() {
        return bindNames;
    }

    int direction(String name) {
        if (!targets.contains(name)) {
            return IN;
        }
        return read.contains(name) ? IN_OUT : OUT;
    }

    /** Runs the steps; assignments update {@code values}. Returns whether data was changed. */
    boolean run(Connection h2, Map<String, Object> values, Consumer<Statement> running) throws SQLException {
        boolean changed = false;
        for (Step step : steps) {
            if (step instanceof Raise r) {
                if (r.number() < 20000 || r.number() > 20999) {
                    throw new OraException(21000, "error number argument to raise_application_error of " + (-r.number())
                            + " is out of range");
                }
                throw new OraException(r.number(), r.text());
            }
            SqlText.Parsed p = step instanceof Assign a ? a.expr() : ((Run) step).sql();
            try (PreparedStatement ps = h2.prepareStatement(p.h2Sql())) {
                running.accept(ps);
                for (int i = 0; i < p.bindNames().size(); i++) {
                    ps.setObject(i + 1, values.get(p.bindNames().get(i)));
                }
                if (step instanceof Assign a) {
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        values.put(a.target(), rs.getObject(1));
                    }
                } else {
                    ps.execute();
                    changed |= ((Run) step).changes();
                }
            }
        }
        return changed;
    }
}
