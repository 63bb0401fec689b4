package dev.orathin.jdbc.internal;

import dev.orathin.jdbc.JdbcErrorCode;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The {@link java.sql.DatabaseMetaData} catalog queries, answered as ojdbc11 answers them: one
 * query over Oracle's data dictionary ({@code SYS.ALL_OBJECTS}, {@code ALL_TAB_COLS},
 * {@code ALL_CONSTRAINTS}, ...) per call, with ojdbc's result columns (names, order, the
 * {@code java.sql.Types} codes it reports) and ordering. Patterns use {@code /} as the escape
 * ({@code getSearchStringEscape}); a {@code null} pattern matches everything; the catalog argument
 * is ignored (Oracle has none). The queries are orathin's own (ANSI joins), the rows ojdbc's —
 * {@code CatalogDifferentialTest} runs both drivers over the same testkit.
 */
abstract class CatalogMetaData extends DatabaseMetaDataDefaults {

    private static final Pattern TYPE_NAME = Pattern.compile("[A-Za-z][A-Za-z ]{0,30}");

    /** Oracle type names as {@code java.sql.Types} codes (ojdbc's mapping; DATE as TIMESTAMP, ojdbc's default). */
    private static final String JDBC_TYPE = "DECODE(SUBSTR(t.data_type, 1, 9),"
            + " 'TIMESTAMP', CASE WHEN t.data_type LIKE '%LOCAL TIME ZONE' THEN -102 WHEN t.data_type LIKE '%TIME ZONE' THEN -101 ELSE 93 END,"
            + " 'INTERVAL ', CASE WHEN t.data_type LIKE 'INTERVAL DAY%' THEN -104 ELSE -103 END,"
            + " DECODE(t.data_type, 'BINARY_DOUBLE', 101, 'BINARY_FLOAT', 100, 'BFILE', -13, 'BLOB', 2004, 'CHAR', 1, 'CLOB', 2005,"
            + " 'DATE', 93, 'FLOAT', 6, 'LONG', -1, 'LONG RAW', -4, 'NCHAR', -15, 'NCLOB', 2011, 'NUMBER', 2, 'NVARCHAR2', -9,"
            + " 'RAW', -3, 'ROWID', -8, 'UROWID', -8, 'VARCHAR2', 12, 'XMLTYPE', 2009, 'BOOLEAN', 16, 'JSON', 2016, 'VECTOR', -105, 1111))";

    private static final String CHAR_SIZE = "DECODE(t.data_type, 'CHAR', t.char_length, 'VARCHAR', t.char_length, 'VARCHAR2', t.char_length,"
            + " 'NVARCHAR2', t.char_length, 'NCHAR', t.char_length, 'NUMBER', 0, t.data_length)";

    private static final String KEYS = "SELECT NULL AS pktable_cat, p.owner AS pktable_schem, p.table_name AS pktable_name,"
            + " pc.column_name AS pkcolumn_name, NULL AS fktable_cat, f.owner AS fktable_schem, f.table_name AS fktable_name,"
            + " fc.column_name AS fkcolumn_name, fc.position AS key_seq, NULL AS update_rule,"
            + " DECODE(f.delete_rule, 'CASCADE', 0, 'SET NULL', 2, 1) AS delete_rule, f.constraint_name AS fk_name,"
            + " p.constraint_name AS pk_name, DECODE(f.deferrable, 'DEFERRABLE', 5, 'NOT DEFERRABLE', 7, 'DEFERRED', 6) AS deferrability"
            + " FROM sys.all_constraints f"
            + " JOIN sys.all_constraints p ON p.owner = f.r_owner AND p.constraint_name = f.r_constraint_name AND p.constraint_type = 'P'"
            + " JOIN sys.all_cons_columns pc ON pc.owner = p.owner AND pc.constraint_name = p.constraint_name AND pc.table_name = p.table_name"
            + " JOIN sys.all_cons_columns fc ON fc.owner = f.owner AND fc.constraint_name = f.constraint_name"
            + " AND fc.table_name = f.table_name AND fc.position = pc.position"
            + " WHERE f.constraint_type = 'R'";

    final JdbcConnection conn;

    CatalogMetaData(JdbcConnection conn) {
        this.conn = conn;
    }

    private static String pattern(String p) {
        return p == null ? "%" : p;
    }

    /** Runs a dictionary query; the result set closes its statement. */
    private ResultSet query(String sql, List<String> binds) throws SQLException {
        PreparedStatement ps = conn.prepareStatement(sql);
        try {
            for (int i = 0; i < binds.size(); i++) {
                ps.setString(i + 1, binds.get(i));
            }
            ResultSet rs = ps.executeQuery();
            ps.closeOnCompletion();
            return rs;
        } catch (SQLException | RuntimeException e) {
            ps.close();
            throw e;
        }
    }

    private static SQLException badArgument(String method, String what, Object found) {
        return Errors.error(JdbcErrorCode.INVALID_ARGUMENT, "DatabaseMetaData." + method + ": " + what + " expected, found " + found);
    }

    @Override
    public ResultSet getTables(String catalog, String schemaPattern, String tableNamePattern, String[] types) throws SQLException {
        StringBuilder in = new StringBuilder();
        for (String t : types == null ? new String[] {"TABLE", "SYNONYM", "VIEW"} : types) {
            if (t == null || !TYPE_NAME.matcher(t).matches()) {
                throw badArgument("getTables", "a table type (TABLE, VIEW, SYNONYM, ...)", t == null ? "null" : "'" + t + "'");
            }
            in.append(in.length() == 0 ? "" : ", ").append('\'').append(t).append('\'');
        }
        if (in.length() == 0) {
            in.append("'?'"); // no types: no rows
        }
        return query("SELECT NULL AS table_cat, o.owner AS table_schem, o.object_name AS table_name, o.object_type AS table_type,"
                + " NULL AS remarks FROM sys.all_objects o WHERE o.owner LIKE ? ESCAPE '/' AND o.object_name LIKE ? ESCAPE '/'"
                + " AND o.object_type IN (" + in + ") ORDER BY table_type, table_schem, table_name",
                List.of(pattern(schemaPattern), pattern(tableNamePattern)));
    }

    @Override
    public ResultSet getColumns(String catalog, String schemaPattern, String tableNamePattern, String columnNamePattern)
            throws SQLException {
        return query("SELECT NULL AS table_cat, t.owner AS table_schem, t.table_name AS table_name, t.column_name AS column_name,"
                + " " + JDBC_TYPE + " AS data_type, t.data_type AS type_name,"
                + " DECODE(t.data_precision, NULL, DECODE(t.data_type, 'NUMBER', DECODE(t.data_scale, NULL, 0, 38), " + CHAR_SIZE + "),"
                + " t.data_precision) AS column_size, 0 AS buffer_length,"
                + " DECODE(t.data_type, 'NUMBER', DECODE(t.data_precision, NULL, DECODE(t.data_scale, NULL, -127, t.data_scale),"
                + " t.data_scale), t.data_scale) AS decimal_digits, 10 AS num_prec_radix, DECODE(t.nullable, 'N', 0, 1) AS nullable,"
                + " NULL AS remarks, t.data_default AS column_def, 0 AS sql_data_type, 0 AS sql_datetime_sub,"
                + " t.data_length AS char_octet_length, t.column_id AS ordinal_position, DECODE(t.nullable, 'N', 'NO', 'YES') AS is_nullable,"
                + " NULL AS scope_catalog, NULL AS scope_schema, NULL AS scope_table, NULL AS source_data_type,"
                + " t.identity_column AS is_autoincrement, t.virtual_column AS is_generatedcolumn"
                + " FROM sys.all_tab_cols t WHERE t.owner LIKE ? ESCAPE '/' AND t.table_name LIKE ? ESCAPE '/'"
                + " AND t.column_name LIKE ? ESCAPE '/' AND t.user_generated = 'YES'"
                + " ORDER BY table_schem, table_name, ordinal_position",
                List.of(pattern(schemaPattern), pattern(tableNamePattern), pattern(columnNamePattern)));
    }

    @Override
    public ResultSet getPrimaryKeys(String catalog, String schema, String table) throws SQLException {
        if (table == null) {
            throw badArgument("getPrimaryKeys", "a table name", "null");
        }
        return query("SELECT NULL AS table_cat, c.owner AS table_schem, c.table_name, c.column_name, c.position AS key_seq,"
                + " c.constraint_name AS pk_name FROM sys.all_cons_columns c JOIN sys.all_constraints k"
                + " ON k.owner = c.owner AND k.constraint_name = c.constraint_name AND k.table_name = c.table_name"
                + " WHERE k.constraint_type = 'P' AND k.table_name = ? AND k.owner LIKE ? ESCAPE '/' ORDER BY column_name",
                List.of(table, pattern(schema)));
    }

    /** The foreign keys between a primary-key table and a foreign-key table; a null argument does not filter. */
    private ResultSet keys(String pkSchema, String pkTable, String fkSchema, String fkTable, String order) throws SQLException {
        StringBuilder sql = new StringBuilder(KEYS);
        List<String> binds = new ArrayList<>();
        String[][] filters = {{" AND p.table_name = ?", pkTable}, {" AND f.table_name = ?", fkTable}, {" AND p.owner = ?", pkSchema},
            {" AND f.owner = ?", fkSchema}};
        for (String[] f : filters) {
            if (f[1] != null && !f[1].isEmpty()) {
                sql.append(f[0]);
                binds.add(f[1]);
            }
        }
        return query(sql.append(" ORDER BY ").append(order).toString(), binds);
    }

    @Override
    public ResultSet getImportedKeys(String catalog, String schema, String table) throws SQLException {
        return keys(null, null, schema, table, "pktable_schem, pktable_name, key_seq");
    }

    @Override
    public ResultSet getExportedKeys(String catalog, String schema, String table) throws SQLException {
        return keys(schema, table, null, null, "fktable_schem, fktable_name, key_seq");
    }

    @Override
    public ResultSet getCrossReference(String parentCatalog, String parentSchema, String parentTable, String foreignCatalog,
            String foreignSchema, String foreignTable) throws SQLException {
        return keys(parentSchema, parentTable, foreignSchema, foreignTable, "fktable_schem, fktable_name, key_seq");
    }

    /**
     * The table's statistics row, then one row per index column. Unlike ojdbc with
     * {@code approximate=false}, orathin does not run {@code DBMS_STATS.GATHER_TABLE_STATS} first:
     * the cardinalities are the dictionary's current statistics.
     */
    @Override
    public ResultSet getIndexInfo(String catalog, String schema, String table, boolean unique, boolean approximate) throws SQLException {
        if (table == null) {
            throw badArgument("getIndexInfo", "a table name", "null");
        }
        List<String> binds = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT NULL AS table_cat, owner AS table_schem, table_name, 0 AS non_unique,"
                + " NULL AS index_qualifier, NULL AS index_name, 0 AS type, 0 AS ordinal_position, NULL AS column_name,"
                + " NULL AS asc_or_desc, num_rows AS cardinality, blocks AS pages, NULL AS filter_condition"
                + " FROM sys.all_tables WHERE table_name = ?");
        binds.add(table);
        if (schema != null) {
            sql.append(" AND owner = ?");
            binds.add(schema);
        }
        sql.append(" UNION SELECT NULL, i.owner, i.table_name, DECODE(i.uniqueness, 'UNIQUE', 0, 1), NULL, i.index_name, 1,"
                + " c.column_position, c.column_name, NULL, i.distinct_keys, i.leaf_blocks, NULL"
                + " FROM sys.all_indexes i JOIN sys.all_ind_columns c ON i.index_name = c.index_name AND i.table_owner = c.table_owner"
                + " AND i.table_name = c.table_name AND i.owner = c.index_owner WHERE i.table_name = ?");
        binds.add(table);
        if (schema != null) {
            sql.append(" AND i.owner = ?");
            binds.add(schema);
        }
        if (unique) {
            sql.append(" AND i.uniqueness = 'UNIQUE'");
        }
        return query(sql.append(" ORDER BY non_unique, type, index_name, ordinal_position").toString(), binds);
    }

    @Override
    public ResultSet getSchemas() throws SQLException {
        return query("SELECT username AS table_schem, NULL AS table_catalog FROM sys.all_users ORDER BY table_schem", List.of());
    }

    @Override
    public ResultSet getSchemas(String catalog, String schemaPattern) throws SQLException {
        if (schemaPattern == null) {
            return getSchemas();
        }
        return query("SELECT username AS table_schem, NULL AS table_catalog FROM sys.all_users WHERE username LIKE ?"
                + " ORDER BY table_schem", List.of(schemaPattern));
    }

    @Override
    public ResultSet getCatalogs() throws SQLException {
        return query("SELECT 'nothing' AS table_cat FROM sys.dual WHERE 1 = 2", List.of());
    }

    @Override
    public ResultSet getTableTypes() throws SQLException {
        return query("SELECT 'TABLE' AS table_type FROM sys.dual UNION SELECT 'VIEW' FROM sys.dual"
                + " UNION SELECT 'SYNONYM' FROM sys.dual ORDER BY table_type", List.of());
    }

    @Override
    public ResultSet getTypeInfo() throws SQLException {
        return query(TypeInfo.query(), List.of());
    }

    /** Standalone procedures and functions, then packaged procedures (a catalog is a package name; "" means none). */
    @Override
    public ResultSet getProcedures(String catalog, String schemaPattern, String procedureNamePattern) throws SQLException {
        String owner = pattern(schemaPattern);
        String name = pattern(procedureNamePattern);
        String sql = "SELECT NULL AS procedure_cat, owner AS procedure_schem, object_name AS procedure_name, NULL, NULL, NULL,"
                + " 'Standalone procedure or function' AS remarks, DECODE(object_type, 'PROCEDURE', 1, 'FUNCTION', 2, 0) AS procedure_type,"
                + " NULL AS specific_name FROM sys.all_objects WHERE (object_type = 'PROCEDURE' OR object_type = 'FUNCTION')"
                + " AND owner LIKE ? ESCAPE '/' AND object_name LIKE ? ESCAPE '/'";
        if ("".equals(catalog)) {
            return query(sql + " ORDER BY procedure_schem, procedure_name", List.of(owner, name));
        }
        return query(sql + " UNION ALL SELECT object_name, owner, procedure_name, NULL, NULL, NULL, 'Packaged procedure', 1, NULL"
                + " FROM sys.all_procedures WHERE procedure_name IS NOT NULL AND object_name LIKE ? ESCAPE '/'"
                + " AND owner LIKE ? ESCAPE '/' AND procedure_name LIKE ? ESCAPE '/' ORDER BY procedure_schem, procedure_name",
                List.of(owner, name, pattern(catalog), owner, name));
    }

    @Override
    public ResultSet getFunctions(String catalog, String schemaPattern, String functionNamePattern) throws SQLException {
        String owner = pattern(schemaPattern);
        String name = pattern(functionNamePattern);
        return query("SELECT NULL AS function_cat, owner AS function_schem, object_name AS function_name,"
                + " 'Standalone function' AS remarks, 0 AS function_type, NULL AS specific_name FROM sys.all_objects"
                + " WHERE object_type = 'FUNCTION' AND owner LIKE ? ESCAPE '/' AND object_name LIKE ? ESCAPE '/'"
                + " UNION ALL SELECT package_name, owner, object_name, 'Packaged function',"
                + " DECODE(data_type, 'TABLE', 2, 'PL/SQL TABLE', 2, 1), NULL FROM sys.all_arguments"
                + " WHERE argument_name IS NULL AND in_out = 'OUT' AND data_level = 0 AND package_name LIKE ? ESCAPE '/'"
                + " AND owner LIKE ? ESCAPE '/' AND object_name LIKE ? ESCAPE '/'"
                + " ORDER BY function_schem, function_name",
                List.of(owner, name, catalog == null ? "%" : catalog, owner, name));
    }
}
