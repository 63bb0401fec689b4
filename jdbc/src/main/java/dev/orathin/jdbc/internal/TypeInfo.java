package dev.orathin.jdbc.internal;

/**
 * {@code DatabaseMetaData.getTypeInfo}: the types Oracle has, with the attributes ojdbc11 reports
 * for them (including its quirks, such as the local type name {@code nVARCHAR2}), as one query over
 * {@code SYS.DUAL}. Character precisions are those of {@code MAX_STRING_SIZE=STANDARD}.
 */
final class TypeInfo {

    // type name, java.sql.Types, precision, literal prefix, literal suffix, create params, case sensitive,
    // searchable, fixed precision/scale, local type name, minimum scale, maximum scale, radix
    private static final Object[][] ROWS = {
        {"NUMBER", 2, 38, null, null, null, 0, 3, 1, "NUMBER", -84, 127, 10},
        {"NUMBER", -7, 1, null, null, "(1)", 0, 3, 1, "NUMBER", -84, 127, 10},
        {"NUMBER", -6, 3, null, null, "(3)", 0, 3, 1, "NUMBER", -84, 127, 10},
        {"NUMBER", 5, 5, null, null, "(5)", 0, 3, 1, "NUMBER", -84, 127, 10},
        {"NUMBER", 4, 10, null, null, "(10)", 0, 3, 1, "NUMBER", -84, 127, 10},
        {"NUMBER", -5, 38, null, null, null, 0, 3, 1, "NUMBER", -84, 127, 10},
        {"FLOAT", 6, 63, null, null, null, 0, 3, 1, "FLOAT", -84, 127, 10},
        {"REAL", 7, 63, null, null, null, 0, 3, 1, "REAL", -84, 127, 10},
        {"VARCHAR2", 12, 4000, "'", "'", null, 1, 3, 0, "VARCHAR2", 0, 0, 10},
        {"NVARCHAR2", -9, 4000, "'", "'", null, 1, 3, 0, "nVARCHAR2", 0, 0, 10},
        {"CHAR", 1, 2000, "'", "'", null, 1, 3, 0, "CHAR", 0, 0, 10},
        {"NCHAR", -15, 2000, "'", "'", null, 1, 3, 0, "NCHAR", 0, 0, 10},
        {"LONG", -1, 2147483647, "'", "'", null, 1, 0, 0, "LONG", 0, 0, 10},
        {"DATE", 92, 7, "DATE '", "'", null, 0, 3, 0, "DATE", 0, 0, 10},
        {"DATE", 93, 7, "DATE '", "'", null, 0, 3, 0, "DATE", 0, 0, 10},
        {"TIMESTAMP", 93, 11, "TIMESTAMP '", "'", null, 0, 3, 0, "TIMESTAMP", 0, 0, 10},
        {"TIMESTAMP WITH TIME ZONE", -101, 13, "TIMESTAMP '", "'", null, 0, 3, 0, "TIMESTAMP WITH TIME ZONE", 0, 0, 10},
        {"TIMESTAMP WITH LOCAL TIME ZONE", -102, 11, "TIMESTAMP '", "'", null, 0, 3, 0, "TIMESTAMP WITH LOCAL TIME ZONE", 0, 0, 10},
        {"INTERVALYM", -103, 5, "INTERVAL '", "'", null, 0, 3, 0, "INTERVALYM", 0, 0, 10},
        {"INTERVALDS", -104, 4, "INTERVAL '", "'", null, 0, 3, 0, "INTERVALDS", 0, 0, 10},
        {"RAW", -3, 2000, "'", "'", null, 0, 3, 0, "RAW", 0, 0, 10},
        {"LONG RAW", -4, 2147483647, "'", "'", null, 0, 0, 0, "LONG RAW", 0, 0, 10},
        {"BLOB", 2004, -1, null, null, null, 0, 0, 0, "BLOB", 0, 0, 10},
        {"CLOB", 2005, -1, "'", "'", null, 1, 0, 0, "CLOB", 0, 0, 10},
        {"NCLOB", 2011, -1, "'", "'", null, 1, 0, 0, "NCLOB", 0, 0, 10},
        {"STRUCT", 2002, 0, "'", "'", null, 1, 0, 0, "STRUCT", 0, 0, 10},
        {"ARRAY", 2003, 0, "'", "'", null, 1, 0, 0, "ARRAY", 0, 0, 10},
        {"REF", 2006, 0, "'", "'", null, 1, 0, 0, "REF", 0, 0, 10},
        {"BOOLEAN", 16, 0, null, null, null, 0, 3, 1, "BOOLEAN", 0, 0, 10},
        {"JSON", 2016, -1, null, null, null, 0, 0, 0, "JSON", 0, 0, 10},
        {"VECTOR", -105, 0, "'", "'", null, 0, 0, 0, "VECTOR", 0, 0, null},
    };

    private TypeInfo() {
    }

    private static String literal(Object v) {
        if (v == null) {
            return "NULL";
        }
        return v instanceof String s ? "'" + s.replace("'", "''") + "'" : v.toString();
    }

    /** The query, ordered as ojdbc orders it (by JDBC type code, then name). */
    static String query() {
        StringBuilder b = new StringBuilder();
        for (Object[] r : ROWS) {
            b.append(b.length() == 0 ? "SELECT " : " UNION ALL SELECT ")
                    .append(literal(r[0])).append(" AS type_name, ").append(literal(r[1])).append(" AS data_type, ")
                    .append(literal(r[2])).append(" AS precision, ").append(literal(r[3])).append(" AS literal_prefix, ")
                    .append(literal(r[4])).append(" AS literal_suffix, ").append(literal(r[5])).append(" AS create_params, ")
                    .append("1 AS nullable, ").append(literal(r[6])).append(" AS case_sensitive, ").append(literal(r[7]))
                    .append(" AS searchable, 0 AS unsigned_attribute, ").append(literal(r[8])).append(" AS fixed_prec_scale, ")
                    .append("0 AS auto_increment, ").append(literal(r[9])).append(" AS local_type_name, ").append(literal(r[10]))
                    .append(" AS minimum_scale, ").append(literal(r[11])).append(" AS maximum_scale, NULL AS sql_data_type,")
                    .append(" NULL AS sql_datetime_sub, ").append(literal(r[12])).append(" AS num_prec_radix FROM sys.dual");
        }
        return b.append(" ORDER BY data_type, type_name").toString();
    }
}
