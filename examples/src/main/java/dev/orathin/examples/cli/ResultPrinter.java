package dev.orathin.examples.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Prints query results as an aligned table, CSV (RFC 4180) or JSON (an array of objects per statement). */
final class ResultPrinter {

    /** Output formats of {@code sql}. */
    enum Format { TABLE, CSV, JSON }

    /**
     * One statement's result.
     *
     * @param sql the statement
     * @param columns column names, empty for DML/DDL
     * @param rows the rows (values as returned by the driver)
     * @param rowCount rows affected (DML) or fetched (queries)
     */
    record Result(String sql, List<String> columns, List<Object[]> rows, long rowCount) {
        boolean isQuery() {
            return !columns.isEmpty();
        }
    }

    private ResultPrinter() {
    }

    static void print(List<Result> results, Format format, PrintWriter out) {
        switch (format) {
            case TABLE -> results.forEach(r -> table(r, out));
            case CSV -> results.forEach(r -> csv(r, out));
            case JSON -> json(results, out);
        }
        out.flush();
    }

    static String text(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof byte[] b) {
            return HexFormat.of().withUpperCase().formatHex(b);
        }
        return v.toString();
    }

    static void table(Result r, PrintWriter out) {
        if (!r.isQuery()) {
            out.println(r.rowCount() + " row(s) affected");
            return;
        }
        int n = r.columns().size();
        int[] width = new int[n];
        for (int i = 0; i < n; i++) {
            width[i] = r.columns().get(i).length();
        }
        for (Object[] row : r.rows()) {
            for (int i = 0; i < n; i++) {
                width[i] = Math.max(width[i], text(row[i]).length());
            }
        }
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < n; i++) {
            line.append(i == 0 ? "" : " | ").append(pad(r.columns().get(i), width[i], false));
        }
        out.println(line.toString().stripTrailing());
        line.setLength(0);
        for (int i = 0; i < n; i++) {
            line.append(i == 0 ? "" : "-+-").append("-".repeat(width[i]));
        }
        out.println(line);
        for (Object[] row : r.rows()) {
            line.setLength(0);
            for (int i = 0; i < n; i++) {
                line.append(i == 0 ? "" : " | ").append(pad(row[i] == null ? "" : text(row[i]), width[i], row[i] instanceof Number));
            }
            out.println(line.toString().stripTrailing());
        }
        out.println("(" + r.rows().size() + " row" + (r.rows().size() == 1 ? "" : "s") + ")");
    }

    private static String pad(String s, int w, boolean right) {
        String fill = " ".repeat(Math.max(0, w - s.length()));
        return right ? fill + s : s + fill;
    }

    static void csv(Result r, PrintWriter out) {
        if (!r.isQuery()) {
            out.println("rows_affected");
            out.println(r.rowCount());
            return;
        }
        out.println(String.join(",", r.columns().stream().map(ResultPrinter::csvField).toList()));
        for (Object[] row : r.rows()) {
            List<String> f = new ArrayList<>();
            for (Object v : row) {
                f.add(v == null ? "" : csvField(text(v)));
            }
            out.println(String.join(",", f));
        }
    }

    private static String csvField(String s) {
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }

    static void json(List<Result> results, PrintWriter out) {
        List<Object> docs = new ArrayList<>();
        for (Result r : results) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("statement", r.sql());
            if (r.isQuery()) {
                m.put("columns", r.columns());
                List<Object> rows = new ArrayList<>();
                for (Object[] row : r.rows()) {
                    Map<String, Object> o = new LinkedHashMap<>();
                    for (int i = 0; i < row.length; i++) {
                        o.put(r.columns().get(i), jsonValue(row[i]));
                    }
                    rows.add(o);
                }
                m.put("rows", rows);
            } else {
                m.put("rowsAffected", r.rowCount());
            }
            docs.add(m);
        }
        out.println(Json.write(docs));
    }

    private static Object jsonValue(Object v) {
        if (v == null || v instanceof Boolean || v instanceof Long || v instanceof Integer || v instanceof String) {
            return v;
        }
        if (v instanceof java.math.BigDecimal || v instanceof Double || v instanceof Float) {
            return v;
        }
        if (v instanceof byte[] b) {
            return Base64.getEncoder().encodeToString(b);
        }
        return v.toString();
    }
}
