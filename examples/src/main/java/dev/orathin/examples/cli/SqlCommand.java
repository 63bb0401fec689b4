package dev.orathin.examples.cli;

import dev.orathin.OracleConnection;
import dev.orathin.Orathin;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code orathin sql}: connect and run statements from the arguments or, without arguments, from
 * stdin (statements end with {@code ;} or a line holding only {@code /}).
 */
@Command(name = "sql", mixinStandardHelpOptions = true,
        description = {"Connect and run SQL statements (arguments, or stdin); print rows as a table, CSV or JSON.",
            "When every statement succeeds the work is committed at the end (as SQL*Plus); on a failure it is rolled back."})
public final class SqlCommand implements Callable<Integer> {

    @ParentCommand
    OrathinCli root;

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectOptions conn;

    @Option(names = {"-f", "--format"}, defaultValue = "table", paramLabel = "FORMAT",
            description = "table, csv or json (default: ${DEFAULT-VALUE}).", converter = FormatConverter.class)
    ResultPrinter.Format format;

    @Parameters(paramLabel = "SQL", arity = "0..*", description = "Statements to run, in order; without any, read from stdin.")
    List<String> statements = new ArrayList<>();

    /** Case-insensitive format names. */
    static final class FormatConverter implements picocli.CommandLine.ITypeConverter<ResultPrinter.Format> {
        @Override
        public ResultPrinter.Format convert(String value) {
            return ResultPrinter.Format.valueOf(value.toUpperCase(java.util.Locale.ROOT));
        }
    }

    @Override
    public Integer call() throws IOException {
        OrathinCli.Io io = root.io();
        List<String> sql = statements == null || statements.isEmpty()
                ? split(new String(io.in().readAllBytes(), StandardCharsets.UTF_8)) : statements.stream().map(SqlCommand::trimEnd).toList();
        try (OracleConnection c = Orathin.connect(conn.connectParams(io))) {
            List<ResultPrinter.Result> results = new ArrayList<>();
            for (String s : sql) {
                results.add(SqlRunner.execute(c, s));
                if (format == ResultPrinter.Format.TABLE) {
                    ResultPrinter.print(List.of(results.remove(0)), format, spec.commandLine().getOut());
                }
            }
            if (format != ResultPrinter.Format.TABLE) {
                ResultPrinter.print(results, format, spec.commandLine().getOut());
            }
            // as SQL*Plus (EXITCOMMIT): work of a run that succeeded is committed; a failure rolls back on close
            c.commit();
        }
        return OrathinCli.EXIT_OK;
    }

    private static String trimEnd(String s) {
        String t = s.strip();
        return t.endsWith(";") && !t.regionMatches(true, 0, "begin", 0, 5) && !t.regionMatches(true, 0, "declare", 0, 7)
                ? t.substring(0, t.length() - 1).strip() : t;
    }

    /**
     * Splits a script: a line holding only {@code /} ends a PL/SQL block; otherwise {@code ;} at
     * the end of a line ends a statement. Quoted semicolons inside a line are left alone.
     */
    static List<String> split(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean plsql = false;
        for (String line : script.split("\r?\n", -1)) {
            String t = line.strip();
            if (cur.length() == 0) {
                if (t.isEmpty() || t.startsWith("--")) {
                    continue;
                }
                String lower = t.toLowerCase(java.util.Locale.ROOT);
                plsql = lower.startsWith("begin") || lower.startsWith("declare") || lower.startsWith("create or replace")
                        && (lower.contains("procedure") || lower.contains("function") || lower.contains("package") || lower.contains("trigger"));
            }
            if (t.equals("/")) {
                add(out, cur.toString(), plsql);
                cur.setLength(0);
                continue;
            }
            cur.append(line).append('\n');
            if (!plsql && t.endsWith(";")) {
                add(out, cur.toString(), false);
                cur.setLength(0);
            }
        }
        add(out, cur.toString(), plsql);
        return out;
    }

    private static void add(List<String> out, String stmt, boolean plsql) {
        String s = stmt.strip();
        if (s.isEmpty()) {
            return;
        }
        out.add(plsql ? s : trimEnd(s));
    }
}
