package dev.orathin.testkit.internal.ttcserver;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Oracle's data dictionary over H2's INFORMATION_SCHEMA: the ALL_ / USER_ / DBA_ views that
 * drivers' {@code DatabaseMetaData} and frameworks' Oracle dialects read, with Oracle's column
 * names and types, in H2 schema {@code SYS} (sessions find them unqualified through their search
 * path, and as {@code sys.all_tables}). Objects of H2's {@code PUBLIC} schema — where sessions
 * create theirs — are owned by the session's user; {@code SYS} and {@code INFORMATION_SCHEMA}
 * objects are not listed. H2 has no stored PL/SQL: the PROCEDURES / ARGUMENTS views are empty.
 */
final class DataDictionary {

    /** The schema the views live in. */
    static final String SCHEMA = "SYS";
    private static final String OWNER = "SYS.ORATHIN_OWNER";
    private static final String USER_SCHEMAS = " NOT IN ('INFORMATION_SCHEMA', 'SYS')";
    private static final String TS0 = "CAST(TIMESTAMP '2026-01-01 00:00:00' AS TIMESTAMP(0))";

    /** Oracle's type name of an H2 column (as Oracle's dictionary spells it). */
    private static final String DATA_TYPE = "CASE"
            + " WHEN c.DOMAIN_NAME = '" + VectorData.DOMAIN + "' THEN 'VECTOR'"
            + " WHEN c.DATA_TYPE IN ('NUMERIC', 'DECIMAL', 'DECFLOAT', 'INTEGER', 'BIGINT', 'SMALLINT', 'TINYINT') THEN 'NUMBER'"
            + " WHEN c.DATA_TYPE = 'CHARACTER VARYING' THEN 'VARCHAR2'"
            + " WHEN c.DATA_TYPE = 'CHARACTER' THEN 'CHAR'"
            + " WHEN c.DATA_TYPE = 'TIMESTAMP' AND c.DATETIME_PRECISION = 0 THEN 'DATE'"
            + " WHEN c.DATA_TYPE = 'DATE' THEN 'DATE'"
            + " WHEN c.DATA_TYPE = 'TIMESTAMP' THEN 'TIMESTAMP(' || c.DATETIME_PRECISION || ')'"
            + " WHEN c.DATA_TYPE = 'TIMESTAMP WITH TIME ZONE' THEN 'TIMESTAMP(' || c.DATETIME_PRECISION || ') WITH TIME ZONE'"
            + " WHEN c.DATA_TYPE = 'CHARACTER LARGE OBJECT' THEN 'CLOB'"
            + " WHEN c.DATA_TYPE = 'BINARY LARGE OBJECT' THEN 'BLOB'"
            + " WHEN c.DATA_TYPE IN ('BINARY VARYING', 'BINARY') THEN 'RAW'"
            + " WHEN c.DATA_TYPE = 'DOUBLE PRECISION' THEN 'BINARY_DOUBLE'"
            + " WHEN c.DATA_TYPE = 'REAL' THEN 'BINARY_FLOAT'"
            + " WHEN c.DATA_TYPE = 'INTERVAL' AND c.INTERVAL_TYPE LIKE 'YEAR%' THEN 'INTERVAL YEAR(2) TO MONTH'"
            + " WHEN c.DATA_TYPE = 'INTERVAL' THEN 'INTERVAL DAY(2) TO SECOND(6)'"
            + " ELSE c.DATA_TYPE END";

    private static final String DATA_LENGTH = "CASE"
            + " WHEN c.DOMAIN_NAME = '" + VectorData.DOMAIN + "' THEN 4000"
            + " WHEN c.DATA_TYPE IN ('NUMERIC', 'DECIMAL', 'DECFLOAT', 'INTEGER', 'BIGINT', 'SMALLINT', 'TINYINT') THEN 22"
            + " WHEN c.DATA_TYPE IN ('CHARACTER VARYING', 'CHARACTER', 'BINARY VARYING', 'BINARY') THEN c.CHARACTER_MAXIMUM_LENGTH"
            + " WHEN c.DATA_TYPE IN ('DATE') OR c.DATA_TYPE = 'TIMESTAMP' AND c.DATETIME_PRECISION = 0 THEN 7"
            + " WHEN c.DATA_TYPE = 'TIMESTAMP' THEN 11"
            + " WHEN c.DATA_TYPE = 'TIMESTAMP WITH TIME ZONE' THEN 13"
            + " WHEN c.DATA_TYPE IN ('CHARACTER LARGE OBJECT', 'BINARY LARGE OBJECT') THEN 4000"
            + " WHEN c.DATA_TYPE = 'DOUBLE PRECISION' THEN 8"
            + " WHEN c.DATA_TYPE = 'REAL' THEN 4"
            + " WHEN c.DATA_TYPE = 'BOOLEAN' THEN 1"
            + " WHEN c.DATA_TYPE = 'INTERVAL' AND c.INTERVAL_TYPE LIKE 'YEAR%' THEN 5"
            + " WHEN c.DATA_TYPE = 'INTERVAL' THEN 11"
            + " ELSE 4000 END";

    /**
     * An index as Oracle names it: the index H2 makes for a primary key or unique constraint takes the
     * constraint's name (Oracle's does); the ones H2 adds for foreign keys, which Oracle does not
     * create, are left out.
     */
    private static final String INDEX_NAME = "COALESCE(k.CONSTRAINT_NAME, i.INDEX_NAME)";
    private static final String INDEX_JOIN = " LEFT JOIN INFORMATION_SCHEMA.TABLE_CONSTRAINTS k ON i.IS_GENERATED"
            + " AND k.INDEX_SCHEMA = i.INDEX_SCHEMA AND k.INDEX_NAME = i.INDEX_NAME AND k.CONSTRAINT_TYPE IN ('PRIMARY KEY', 'UNIQUE')"
            + " WHERE i.INDEX_SCHEMA" + USER_SCHEMAS + " AND (NOT i.IS_GENERATED OR k.CONSTRAINT_NAME IS NOT NULL)";
    private static final String INDEX_FROM = " FROM INFORMATION_SCHEMA.INDEXES i" + INDEX_JOIN;

    private static final String DATA_PRECISION = "CASE WHEN c.DATA_TYPE IN ('NUMERIC', 'DECIMAL') THEN c.NUMERIC_PRECISION END";
    private static final String DATA_SCALE = "CASE WHEN c.DATA_TYPE IN ('NUMERIC', 'DECIMAL') THEN c.NUMERIC_SCALE"
            + " WHEN c.DATA_TYPE IN ('INTEGER', 'BIGINT', 'SMALLINT', 'TINYINT') THEN 0"
            + " WHEN c.DATA_TYPE LIKE 'TIMESTAMP%' AND c.DATETIME_PRECISION > 0 THEN c.DATETIME_PRECISION END";
    private static final String CHAR_LENGTH = "CASE WHEN c.DATA_TYPE IN ('CHARACTER VARYING', 'CHARACTER')"
            + " THEN c.CHARACTER_MAXIMUM_LENGTH ELSE 0 END";

    private static final List<String> VIEWS = List.of(
            "CREATE TABLE IF NOT EXISTS SYS.ORATHIN$USERS (USERNAME VARCHAR(128) PRIMARY KEY, USER_ID NUMBER(10),"
                    + " ACCOUNT_STATUS VARCHAR(32), ORACLE_MAINTAINED VARCHAR(1))",

            "CREATE OR REPLACE VIEW SYS.ALL_USERS AS SELECT USERNAME, USER_ID, " + TS0 + " AS CREATED, CAST('NO' AS VARCHAR(3)) AS COMMON,"
                    + " ORACLE_MAINTAINED, CAST('N' AS VARCHAR(1)) AS INHERITED, CAST('USING_NLS_COMP' AS VARCHAR(100)) AS DEFAULT_COLLATION,"
                    + " CAST('N' AS VARCHAR(1)) AS IMPLICIT, CAST('N' AS VARCHAR(1)) AS ALL_SHARD FROM SYS.ORATHIN$USERS",
            "CREATE OR REPLACE VIEW SYS.DBA_USERS AS SELECT USERNAME, USER_ID, ACCOUNT_STATUS, CAST(NULL AS TIMESTAMP(0)) AS LOCK_DATE,"
                    + " CAST(NULL AS TIMESTAMP(0)) AS EXPIRY_DATE, CAST('USERS' AS VARCHAR(30)) AS DEFAULT_TABLESPACE,"
                    + " CAST('TEMP' AS VARCHAR(30)) AS TEMPORARY_TABLESPACE, " + TS0 + " AS CREATED, CAST('DEFAULT' AS VARCHAR(128)) AS PROFILE,"
                    + " CAST('NO' AS VARCHAR(3)) AS COMMON, ORACLE_MAINTAINED FROM SYS.ORATHIN$USERS",
            "CREATE OR REPLACE VIEW SYS.USER_USERS AS SELECT USERNAME, USER_ID, ACCOUNT_STATUS, CAST(NULL AS TIMESTAMP(0)) AS LOCK_DATE,"
                    + " CAST(NULL AS TIMESTAMP(0)) AS EXPIRY_DATE, CAST('USERS' AS VARCHAR(30)) AS DEFAULT_TABLESPACE,"
                    + " CAST('TEMP' AS VARCHAR(30)) AS TEMPORARY_TABLESPACE, " + TS0 + " AS CREATED"
                    + " FROM SYS.ORATHIN$USERS WHERE USERNAME = SYS.ORATHIN_USER()",

            "CREATE OR REPLACE VIEW SYS.ALL_OBJECTS AS"
                    + " SELECT " + OWNER + "(t.TABLE_SCHEMA) AS OWNER, t.TABLE_NAME AS OBJECT_NAME, CAST(NULL AS VARCHAR(128)) AS SUBOBJECT_NAME,"
                    + " ORA_HASH(t.TABLE_SCHEMA || '.' || t.TABLE_NAME) AS OBJECT_ID, ORA_HASH(t.TABLE_SCHEMA || '.' || t.TABLE_NAME) AS DATA_OBJECT_ID,"
                    + " CAST(CASE t.TABLE_TYPE WHEN 'VIEW' THEN 'VIEW' ELSE 'TABLE' END AS VARCHAR(23)) AS OBJECT_TYPE,"
                    + " " + TS0 + " AS CREATED, " + TS0 + " AS LAST_DDL_TIME, CAST('2026-01-01:00:00:00' AS VARCHAR(19)) AS \"TIMESTAMP\","
                    + " CAST('VALID' AS VARCHAR(7)) AS STATUS, CAST(CASE WHEN t.TABLE_TYPE LIKE '%TEMPORARY%' THEN 'Y' ELSE 'N' END AS VARCHAR(1)) AS TEMPORARY,"
                    + " CAST('N' AS VARCHAR(1)) AS GENERATED, CAST('N' AS VARCHAR(1)) AS SECONDARY, 1 AS NAMESPACE, CAST(NULL AS VARCHAR(128)) AS EDITION_NAME"
                    + " FROM INFORMATION_SCHEMA.TABLES t WHERE t.TABLE_SCHEMA" + USER_SCHEMAS
                    + " UNION ALL SELECT " + OWNER + "(i.INDEX_SCHEMA), " + INDEX_NAME + ", NULL, ORA_HASH(i.INDEX_SCHEMA || '.' || i.INDEX_NAME),"
                    + " ORA_HASH(i.INDEX_SCHEMA || '.' || i.INDEX_NAME), 'INDEX', " + TS0 + ", " + TS0 + ", '2026-01-01:00:00:00', 'VALID', 'N',"
                    + " CASE WHEN i.IS_GENERATED THEN 'Y' ELSE 'N' END, 'N', 4, NULL" + INDEX_FROM
                    + " UNION ALL SELECT " + OWNER + "(s.SEQUENCE_SCHEMA), s.SEQUENCE_NAME, NULL, ORA_HASH(s.SEQUENCE_SCHEMA || '.' || s.SEQUENCE_NAME),"
                    + " NULL, 'SEQUENCE', " + TS0 + ", " + TS0 + ", '2026-01-01:00:00:00', 'VALID', 'N', 'N', 'N', 1, NULL"
                    + " FROM INFORMATION_SCHEMA.SEQUENCES s WHERE s.SEQUENCE_SCHEMA" + USER_SCHEMAS
                    + " UNION ALL SELECT " + OWNER + "(y.SYNONYM_SCHEMA), y.SYNONYM_NAME, NULL, ORA_HASH(y.SYNONYM_SCHEMA || '.' || y.SYNONYM_NAME),"
                    + " NULL, 'SYNONYM', " + TS0 + ", " + TS0 + ", '2026-01-01:00:00:00', 'VALID', 'N', 'N', 'N', 1, NULL"
                    + " FROM INFORMATION_SCHEMA.SYNONYMS y WHERE y.SYNONYM_SCHEMA" + USER_SCHEMAS,

            "CREATE OR REPLACE VIEW SYS.ALL_TABLES AS SELECT " + OWNER + "(t.TABLE_SCHEMA) AS OWNER, t.TABLE_NAME,"
                    + " CAST(CASE WHEN t.TABLE_TYPE LIKE '%TEMPORARY%' THEN NULL ELSE 'USERS' END AS VARCHAR(30)) AS TABLESPACE_NAME,"
                    + " CAST(NULL AS VARCHAR(128)) AS CLUSTER_NAME, CAST(NULL AS VARCHAR(128)) AS IOT_NAME, CAST('VALID' AS VARCHAR(8)) AS STATUS,"
                    + " CAST(10 AS NUMBER) AS PCT_FREE, CAST(t.ROW_COUNT_ESTIMATE AS NUMBER) AS NUM_ROWS, CAST(NULL AS NUMBER) AS BLOCKS,"
                    + " CAST(NULL AS TIMESTAMP(0)) AS LAST_ANALYZED, CAST('NO' AS VARCHAR(3)) AS PARTITIONED, CAST(NULL AS VARCHAR(12)) AS IOT_TYPE,"
                    + " CAST(CASE WHEN t.TABLE_TYPE LIKE '%TEMPORARY%' THEN 'Y' ELSE 'N' END AS VARCHAR(1)) AS TEMPORARY,"
                    + " CAST('N' AS VARCHAR(1)) AS SECONDARY, CAST('NO' AS VARCHAR(3)) AS NESTED, CAST('NO' AS VARCHAR(3)) AS DROPPED,"
                    + " CAST('NO' AS VARCHAR(3)) AS READ_ONLY, CAST(CASE t.COMMIT_ACTION WHEN 'DELETE' THEN 'SYS$TRANSACTION'"
                    + " WHEN 'PRESERVE' THEN 'SYS$SESSION' END AS VARCHAR(15)) AS DURATION"
                    + " FROM INFORMATION_SCHEMA.TABLES t WHERE t.TABLE_TYPE <> 'VIEW' AND t.TABLE_SCHEMA" + USER_SCHEMAS,

            "CREATE OR REPLACE VIEW SYS.ALL_VIEWS AS SELECT " + OWNER + "(v.TABLE_SCHEMA) AS OWNER, v.TABLE_NAME AS VIEW_NAME,"
                    + " CAST(LENGTH(v.VIEW_DEFINITION) AS NUMBER) AS TEXT_LENGTH, v.VIEW_DEFINITION AS TEXT, CAST('N' AS VARCHAR(1)) AS READ_ONLY"
                    + " FROM INFORMATION_SCHEMA.VIEWS v WHERE v.TABLE_SCHEMA" + USER_SCHEMAS,

            "CREATE OR REPLACE VIEW SYS.ALL_TAB_COLS AS SELECT " + OWNER + "(c.TABLE_SCHEMA) AS OWNER, c.TABLE_NAME, c.COLUMN_NAME,"
                    + " CAST(" + DATA_TYPE + " AS VARCHAR(128)) AS DATA_TYPE, CAST(NULL AS VARCHAR(3)) AS DATA_TYPE_MOD,"
                    + " CAST(NULL AS VARCHAR(128)) AS DATA_TYPE_OWNER, CAST(" + DATA_LENGTH + " AS NUMBER) AS DATA_LENGTH,"
                    + " CAST(" + DATA_PRECISION + " AS NUMBER) AS DATA_PRECISION, CAST(" + DATA_SCALE + " AS NUMBER) AS DATA_SCALE,"
                    + " CAST(CASE c.IS_NULLABLE WHEN 'NO' THEN 'N' ELSE 'Y' END AS VARCHAR(1)) AS NULLABLE,"
                    + " CAST(c.ORDINAL_POSITION AS NUMBER) AS COLUMN_ID, CAST(LENGTH(c.COLUMN_DEFAULT) AS NUMBER) AS DEFAULT_LENGTH,"
                    + " c.COLUMN_DEFAULT AS DATA_DEFAULT, CAST(NULL AS NUMBER) AS NUM_DISTINCT,"
                    + " CAST(" + CHAR_LENGTH + " AS NUMBER) AS CHAR_COL_DECL_LENGTH, CAST(" + CHAR_LENGTH + " AS NUMBER) AS CHAR_LENGTH,"
                    + " CAST(CASE WHEN c.DATA_TYPE IN ('CHARACTER VARYING', 'CHARACTER') THEN 'B' END AS VARCHAR(1)) AS CHAR_USED,"
                    + " CAST(CASE WHEN c.IS_GENERATED = 'ALWAYS' THEN 'YES' ELSE 'NO' END AS VARCHAR(3)) AS VIRTUAL_COLUMN,"
                    + " CAST('NO' AS VARCHAR(3)) AS HIDDEN_COLUMN, CAST('YES' AS VARCHAR(3)) AS USER_GENERATED,"
                    + " CAST(c.ORDINAL_POSITION AS NUMBER) AS SEGMENT_COLUMN_ID, CAST(c.ORDINAL_POSITION AS NUMBER) AS INTERNAL_COLUMN_ID,"
                    + " CAST(CASE c.IS_IDENTITY WHEN 'YES' THEN 'YES' ELSE 'NO' END AS VARCHAR(3)) AS IDENTITY_COLUMN,"
                    + " CAST('NO' AS VARCHAR(3)) AS DEFAULT_ON_NULL"
                    + " FROM INFORMATION_SCHEMA.COLUMNS c WHERE c.TABLE_SCHEMA" + USER_SCHEMAS,
            "CREATE OR REPLACE VIEW SYS.ALL_TAB_COLUMNS AS SELECT * EXCEPT (VIRTUAL_COLUMN, HIDDEN_COLUMN, USER_GENERATED,"
                    + " SEGMENT_COLUMN_ID, INTERNAL_COLUMN_ID, CHAR_COL_DECL_LENGTH) FROM SYS.ALL_TAB_COLS",

            "CREATE OR REPLACE VIEW SYS.ALL_TAB_COMMENTS AS SELECT " + OWNER + "(t.TABLE_SCHEMA) AS OWNER, t.TABLE_NAME,"
                    + " CAST(CASE t.TABLE_TYPE WHEN 'VIEW' THEN 'VIEW' ELSE 'TABLE' END AS VARCHAR(11)) AS TABLE_TYPE, t.REMARKS AS COMMENTS"
                    + " FROM INFORMATION_SCHEMA.TABLES t WHERE t.TABLE_SCHEMA" + USER_SCHEMAS,
            "CREATE OR REPLACE VIEW SYS.ALL_COL_COMMENTS AS SELECT " + OWNER + "(c.TABLE_SCHEMA) AS OWNER, c.TABLE_NAME, c.COLUMN_NAME,"
                    + " c.REMARKS AS COMMENTS FROM INFORMATION_SCHEMA.COLUMNS c WHERE c.TABLE_SCHEMA" + USER_SCHEMAS,

            "CREATE OR REPLACE VIEW SYS.ALL_CONSTRAINTS AS SELECT " + OWNER + "(k.CONSTRAINT_SCHEMA) AS OWNER, k.CONSTRAINT_NAME,"
                    + " CAST(CASE k.CONSTRAINT_TYPE WHEN 'PRIMARY KEY' THEN 'P' WHEN 'UNIQUE' THEN 'U' WHEN 'FOREIGN KEY' THEN 'R' ELSE 'C' END"
                    + " AS VARCHAR(1)) AS CONSTRAINT_TYPE, k.TABLE_NAME, ck.CHECK_CLAUSE AS SEARCH_CONDITION,"
                    + " CASE WHEN r.UNIQUE_CONSTRAINT_SCHEMA IS NOT NULL THEN " + OWNER + "(r.UNIQUE_CONSTRAINT_SCHEMA) END AS R_OWNER,"
                    + " r.UNIQUE_CONSTRAINT_NAME AS R_CONSTRAINT_NAME,"
                    + " CAST(CASE WHEN r.DELETE_RULE IS NULL THEN NULL WHEN r.DELETE_RULE IN ('CASCADE', 'SET NULL') THEN r.DELETE_RULE"
                    + " ELSE 'NO ACTION' END AS VARCHAR(9)) AS DELETE_RULE, CAST('ENABLED' AS VARCHAR(8)) AS STATUS,"
                    + " CAST(CASE k.IS_DEFERRABLE WHEN 'YES' THEN 'DEFERRABLE' ELSE 'NOT DEFERRABLE' END AS VARCHAR(14)) AS DEFERRABLE,"
                    + " CAST(CASE k.INITIALLY_DEFERRED WHEN 'YES' THEN 'DEFERRED' ELSE 'IMMEDIATE' END AS VARCHAR(9)) AS DEFERRED,"
                    + " CAST('VALIDATED' AS VARCHAR(13)) AS VALIDATED,"
                    + " CAST(CASE WHEN k.CONSTRAINT_NAME LIKE 'CONSTRAINT\\_%' ESCAPE '\\' THEN 'GENERATED NAME' ELSE 'USER NAME' END AS VARCHAR(14))"
                    + " AS GENERATED, " + TS0 + " AS LAST_CHANGE,"
                    + " CASE WHEN k.INDEX_NAME IS NOT NULL AND k.CONSTRAINT_TYPE IN ('PRIMARY KEY', 'UNIQUE') THEN " + OWNER + "(k.INDEX_SCHEMA) END"
                    + " AS INDEX_OWNER, CASE WHEN k.CONSTRAINT_TYPE IN ('PRIMARY KEY', 'UNIQUE') THEN k.CONSTRAINT_NAME END AS INDEX_NAME"
                    + " FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS k"
                    + " LEFT JOIN INFORMATION_SCHEMA.REFERENTIAL_CONSTRAINTS r"
                    + " ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME"
                    + " LEFT JOIN INFORMATION_SCHEMA.CHECK_CONSTRAINTS ck"
                    + " ON ck.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA AND ck.CONSTRAINT_NAME = k.CONSTRAINT_NAME"
                    + " WHERE k.CONSTRAINT_SCHEMA" + USER_SCHEMAS,
            "CREATE OR REPLACE VIEW SYS.ALL_CONS_COLUMNS AS SELECT " + OWNER + "(u.CONSTRAINT_SCHEMA) AS OWNER, u.CONSTRAINT_NAME,"
                    + " u.TABLE_NAME, u.COLUMN_NAME, CAST(u.ORDINAL_POSITION AS NUMBER) AS POSITION"
                    + " FROM INFORMATION_SCHEMA.KEY_COLUMN_USAGE u WHERE u.CONSTRAINT_SCHEMA" + USER_SCHEMAS,

            "CREATE OR REPLACE VIEW SYS.ALL_INDEXES AS SELECT " + OWNER + "(i.INDEX_SCHEMA) AS OWNER, " + INDEX_NAME + " AS INDEX_NAME,"
                    + " CAST('NORMAL' AS VARCHAR(27)) AS INDEX_TYPE, " + OWNER + "(i.TABLE_SCHEMA) AS TABLE_OWNER, i.TABLE_NAME,"
                    + " CAST('TABLE' AS VARCHAR(11)) AS TABLE_TYPE,"
                    + " CAST(CASE WHEN i.INDEX_TYPE_NAME IN ('PRIMARY KEY', 'UNIQUE INDEX') THEN 'UNIQUE' ELSE 'NONUNIQUE' END AS VARCHAR(9))"
                    + " AS UNIQUENESS, CAST('DISABLED' AS VARCHAR(8)) AS COMPRESSION, CAST('USERS' AS VARCHAR(30)) AS TABLESPACE_NAME,"
                    + " CAST(0 AS NUMBER) AS BLEVEL, CAST(NULL AS NUMBER) AS LEAF_BLOCKS, CAST(NULL AS NUMBER) AS DISTINCT_KEYS,"
                    + " CAST(NULL AS NUMBER) AS CLUSTERING_FACTOR, CAST('VALID' AS VARCHAR(8)) AS STATUS, CAST(NULL AS NUMBER) AS NUM_ROWS,"
                    + " CAST(NULL AS TIMESTAMP(0)) AS LAST_ANALYZED, CAST('NO' AS VARCHAR(3)) AS PARTITIONED, CAST('N' AS VARCHAR(1)) AS TEMPORARY,"
                    + " CAST(CASE WHEN i.IS_GENERATED THEN 'Y' ELSE 'N' END AS VARCHAR(1)) AS GENERATED, CAST('NO' AS VARCHAR(3)) AS DROPPED,"
                    + " CAST('VISIBLE' AS VARCHAR(9)) AS VISIBILITY"
                    + INDEX_FROM,
            "CREATE OR REPLACE VIEW SYS.ALL_IND_COLUMNS AS SELECT " + OWNER + "(x.INDEX_SCHEMA) AS INDEX_OWNER, " + INDEX_NAME + " AS INDEX_NAME,"
                    + " " + OWNER + "(x.TABLE_SCHEMA) AS TABLE_OWNER, x.TABLE_NAME, x.COLUMN_NAME,"
                    + " CAST(x.ORDINAL_POSITION AS NUMBER) AS COLUMN_POSITION,"
                    + " CAST(COALESCE(c.CHARACTER_MAXIMUM_LENGTH, 22) AS NUMBER) AS COLUMN_LENGTH,"
                    + " CAST(CASE WHEN c.DATA_TYPE IN ('CHARACTER VARYING', 'CHARACTER') THEN c.CHARACTER_MAXIMUM_LENGTH ELSE 0 END AS NUMBER)"
                    + " AS CHAR_LENGTH, CAST(CASE x.ORDERING_SPECIFICATION WHEN 'DESC' THEN 'DESC' ELSE 'ASC' END AS VARCHAR(4)) AS DESCEND,"
                    + " CAST(NULL AS NUMBER) AS COLLATED_COLUMN_ID"
                    + " FROM INFORMATION_SCHEMA.INDEX_COLUMNS x JOIN INFORMATION_SCHEMA.COLUMNS c"
                    + " ON c.TABLE_SCHEMA = x.TABLE_SCHEMA AND c.TABLE_NAME = x.TABLE_NAME AND c.COLUMN_NAME = x.COLUMN_NAME"
                    + " JOIN INFORMATION_SCHEMA.INDEXES i ON i.INDEX_SCHEMA = x.INDEX_SCHEMA AND i.INDEX_NAME = x.INDEX_NAME"
                    + INDEX_JOIN,

            "CREATE OR REPLACE VIEW SYS.ALL_SEQUENCES AS SELECT " + OWNER + "(s.SEQUENCE_SCHEMA) AS SEQUENCE_OWNER, s.SEQUENCE_NAME,"
                    + " CAST(s.MINIMUM_VALUE AS NUMBER) AS MIN_VALUE, CAST(s.MAXIMUM_VALUE AS NUMBER) AS MAX_VALUE,"
                    + " CAST(s.\"INCREMENT\" AS NUMBER) AS INCREMENT_BY, CAST(CASE s.CYCLE_OPTION WHEN 'YES' THEN 'Y' ELSE 'N' END AS VARCHAR(1))"
                    + " AS CYCLE_FLAG, CAST('N' AS VARCHAR(1)) AS ORDER_FLAG, CAST(s.CACHE AS NUMBER) AS CACHE_SIZE,"
                    + " CAST(s.BASE_VALUE AS NUMBER) AS LAST_NUMBER, CAST('N' AS VARCHAR(1)) AS SCALE_FLAG,"
                    + " CAST('N' AS VARCHAR(1)) AS EXTEND_FLAG, CAST('N' AS VARCHAR(1)) AS SHARDED_FLAG, CAST('N' AS VARCHAR(1)) AS SESSION_FLAG,"
                    + " CAST('N' AS VARCHAR(1)) AS KEEP_VALUE"
                    + " FROM INFORMATION_SCHEMA.SEQUENCES s WHERE s.SEQUENCE_SCHEMA" + USER_SCHEMAS,

            "CREATE OR REPLACE VIEW SYS.ALL_SYNONYMS AS SELECT " + OWNER + "(y.SYNONYM_SCHEMA) AS OWNER, y.SYNONYM_NAME,"
                    + " " + OWNER + "(y.SYNONYM_FOR_SCHEMA) AS TABLE_OWNER, y.SYNONYM_FOR AS TABLE_NAME, CAST(NULL AS VARCHAR(128)) AS DB_LINK,"
                    + " CAST(0 AS NUMBER) AS ORIGIN_CON_ID FROM INFORMATION_SCHEMA.SYNONYMS y WHERE y.SYNONYM_SCHEMA" + USER_SCHEMAS,

            // no stored PL/SQL in H2: the views exist (with Oracle's columns) and are empty
            "CREATE OR REPLACE VIEW SYS.ALL_PROCEDURES AS SELECT CAST(NULL AS VARCHAR(128)) AS OWNER, CAST(NULL AS VARCHAR(128)) AS OBJECT_NAME,"
                    + " CAST(NULL AS VARCHAR(128)) AS PROCEDURE_NAME, CAST(NULL AS NUMBER) AS OBJECT_ID, CAST(NULL AS NUMBER) AS SUBPROGRAM_ID,"
                    + " CAST(NULL AS VARCHAR(40)) AS OVERLOAD, CAST(NULL AS VARCHAR(23)) AS OBJECT_TYPE, CAST(NULL AS VARCHAR(3)) AS AGGREGATE,"
                    + " CAST(NULL AS VARCHAR(3)) AS PIPELINED, CAST(NULL AS VARCHAR(3)) AS DETERMINISTIC, CAST(NULL AS VARCHAR(12)) AS AUTHID"
                    + " FROM SYS.DUAL WHERE 1 = 0",
            "CREATE OR REPLACE VIEW SYS.ALL_ARGUMENTS AS SELECT CAST(NULL AS VARCHAR(128)) AS OWNER, CAST(NULL AS VARCHAR(128)) AS OBJECT_NAME,"
                    + " CAST(NULL AS VARCHAR(128)) AS PACKAGE_NAME, CAST(NULL AS NUMBER) AS OBJECT_ID, CAST(NULL AS VARCHAR(40)) AS OVERLOAD,"
                    + " CAST(NULL AS NUMBER) AS SUBPROGRAM_ID, CAST(NULL AS VARCHAR(128)) AS ARGUMENT_NAME, CAST(NULL AS NUMBER) AS POSITION,"
                    + " CAST(NULL AS NUMBER) AS SEQUENCE, CAST(NULL AS NUMBER) AS DATA_LEVEL, CAST(NULL AS VARCHAR(30)) AS DATA_TYPE,"
                    + " CAST(NULL AS VARCHAR(1)) AS DEFAULTED, CAST(NULL AS NUMBER) AS DEFAULT_LENGTH, CAST(NULL AS VARCHAR(9)) AS IN_OUT,"
                    + " CAST(NULL AS NUMBER) AS DATA_LENGTH, CAST(NULL AS NUMBER) AS DATA_PRECISION, CAST(NULL AS NUMBER) AS DATA_SCALE,"
                    + " CAST(NULL AS NUMBER) AS RADIX, CAST(NULL AS VARCHAR(44)) AS CHARACTER_SET_NAME, CAST(NULL AS VARCHAR(128)) AS TYPE_OWNER,"
                    + " CAST(NULL AS VARCHAR(128)) AS TYPE_NAME, CAST(NULL AS VARCHAR(128)) AS TYPE_SUBNAME, CAST(NULL AS VARCHAR(30)) AS PLS_TYPE,"
                    + " CAST(NULL AS NUMBER) AS CHAR_LENGTH, CAST(NULL AS VARCHAR(1)) AS CHAR_USED FROM SYS.DUAL WHERE 1 = 0",
            "CREATE OR REPLACE VIEW SYS.ALL_SOURCE AS SELECT CAST(NULL AS VARCHAR(128)) AS OWNER, CAST(NULL AS VARCHAR(128)) AS NAME,"
                    + " CAST(NULL AS VARCHAR(12)) AS TYPE, CAST(NULL AS NUMBER) AS LINE, CAST(NULL AS VARCHAR(4000)) AS TEXT FROM SYS.DUAL WHERE 1 = 0",

            "CREATE OR REPLACE VIEW SYS.V$VERSION AS SELECT CAST(? AS VARCHAR(80)) AS BANNER, CAST(? AS VARCHAR(160)) AS BANNER_FULL,"
                    + " CAST(? AS VARCHAR(80)) AS BANNER_LEGACY, CAST(0 AS NUMBER) AS CON_ID FROM SYS.DUAL",
            "CREATE OR REPLACE VIEW SYS.GLOBAL_NAME AS SELECT CAST('ORATHIN' AS VARCHAR(4000)) AS GLOBAL_NAME, CAST(0 AS NUMBER) AS CON_ID"
                    + " FROM SYS.DUAL",
            "CREATE OR REPLACE VIEW SYS.PRODUCT_COMPONENT_VERSION AS SELECT CAST('Oracle Database 23ai Free' AS VARCHAR(80)) AS PRODUCT,"
                    + " CAST('23.0.0.0.0' AS VARCHAR(80)) AS VERSION, CAST('23.4.0.24.05' AS VARCHAR(80)) AS VERSION_FULL,"
                    + " CAST('Develop, Learn, and Run for Free' AS VARCHAR(80)) AS STATUS FROM SYS.DUAL",
            "CREATE OR REPLACE VIEW SYS.NLS_SESSION_PARAMETERS AS SELECT CAST(P AS VARCHAR(128)) AS PARAMETER, CAST(V AS VARCHAR(64)) AS \"VALUE\""
                    + " FROM (VALUES " + nls(false) + ") AS N(P, V)",
            "CREATE OR REPLACE VIEW SYS.NLS_DATABASE_PARAMETERS AS SELECT CAST(P AS VARCHAR(128)) AS PARAMETER, CAST(V AS VARCHAR(64)) AS \"VALUE\""
                    + " FROM (VALUES " + nls(true) + ") AS N(P, V)",
            "CREATE OR REPLACE VIEW SYS.NLS_INSTANCE_PARAMETERS AS SELECT * FROM SYS.NLS_SESSION_PARAMETERS",
            "CREATE OR REPLACE VIEW SYS.V$NLS_PARAMETERS AS SELECT PARAMETER, \"VALUE\", CAST(0 AS NUMBER) AS CON_ID FROM SYS.NLS_DATABASE_PARAMETERS");

    /** The USER_ views: the ALL_ view's rows owned by the session's user, without the owner column. */
    private static final List<String[]> USER_VIEWS = List.of(
            new String[] {"OBJECTS", "OWNER"}, new String[] {"TABLES", "OWNER"}, new String[] {"VIEWS", "OWNER"},
            new String[] {"TAB_COLS", "OWNER"}, new String[] {"TAB_COLUMNS", "OWNER"}, new String[] {"TAB_COMMENTS", "OWNER"},
            new String[] {"COL_COMMENTS", "OWNER"}, new String[] {"CONSTRAINTS", "OWNER"}, new String[] {"CONS_COLUMNS", "OWNER"},
            new String[] {"INDEXES", "OWNER"}, new String[] {"IND_COLUMNS", "INDEX_OWNER"}, new String[] {"SEQUENCES", "SEQUENCE_OWNER"},
            new String[] {"SYNONYMS", "OWNER"}, new String[] {"PROCEDURES", "OWNER"}, new String[] {"ARGUMENTS", "OWNER"},
            new String[] {"SOURCE", "OWNER"});

    /**
     * Views of features H2 does not have (materialized view logs, queues, XML DB, spatial, data
     * mining, database links, flashback archives, privileges and roles beyond the session's login),
     * with Oracle's column names and no rows: tools such as Flyway read them to see whether a
     * schema is empty. Names only; every column is VARCHAR2(128).
     */
    private static final List<String> EMPTY_VIEWS = List.of(
            "ALL_MVIEW_LOGS(LOG_OWNER, MASTER, LOG_TABLE)", "ALL_MVIEWS(OWNER, MVIEW_NAME, CONTAINER_NAME)",
            "ALL_DIMENSIONS(OWNER, DIMENSION_NAME)", "ALL_QUEUE_TABLES(OWNER, QUEUE_TABLE, TYPE)",
            "ALL_QUEUES(OWNER, NAME, QUEUE_TABLE)", "ALL_DB_LINKS(OWNER, DB_LINK, USERNAME, HOST)",
            "DBA_DB_LINKS(OWNER, DB_LINK, USERNAME, HOST)", "ALL_XML_SCHEMAS(OWNER, SCHEMA_URL, QUAL_SCHEMA_URL, LOCAL)",
            "DBA_XML_SCHEMAS(OWNER, SCHEMA_URL, QUAL_SCHEMA_URL, LOCAL)", "ALL_XML_TABLES(OWNER, TABLE_NAME)",
            "ALL_CONTEXT(NAMESPACE, SCHEMA, PACKAGE)", "DBA_CONTEXT(NAMESPACE, SCHEMA, PACKAGE, TYPE)",
            "ALL_PART_TABLES(OWNER, TABLE_NAME, PARTITIONING_TYPE, REF_PTN_CONSTRAINT_NAME)",
            "ALL_SDO_GEOM_METADATA(OWNER, TABLE_NAME, COLUMN_NAME)", "USER_SDO_GEOM_METADATA(TABLE_NAME, COLUMN_NAME)",
            "DM_USER_MODELS(NAME)", "ALL_TAB_PRIVS(GRANTOR, GRANTEE, TABLE_SCHEMA, TABLE_NAME, PRIVILEGE, GRANTABLE, HIERARCHY)",
            "ALL_COL_PRIVS(GRANTOR, GRANTEE, TABLE_SCHEMA, TABLE_NAME, COLUMN_NAME, PRIVILEGE, GRANTABLE)",
            "SESSION_PRIVS(PRIVILEGE)", "SESSION_ROLES(ROLE)", "V$OPTION(PARAMETER, VALUE)", "DBA_REGISTRY(COMP_ID, SCHEMA, OTHER_SCHEMAS)",
            "ALL_CREDENTIALS(OWNER, CREDENTIAL_NAME, USERNAME)", "ALL_SCHEDULER_CREDENTIALS(OWNER, CREDENTIAL_NAME, USERNAME)",
            "ALL_FLASHBACK_ARCHIVE_TABLES(TABLE_NAME, OWNER_NAME, FLASHBACK_ARCHIVE_NAME, ARCHIVE_TABLE_NAME, STATUS)",
            "DBA_FLASHBACK_ARCHIVE_TABLES(TABLE_NAME, OWNER_NAME, FLASHBACK_ARCHIVE_NAME, ARCHIVE_TABLE_NAME, STATUS)",
            "USER_FLASHBACK_ARCHIVE_TABLES(TABLE_NAME, OWNER_NAME, FLASHBACK_ARCHIVE_NAME, ARCHIVE_TABLE_NAME, STATUS)",
            "ALL_TYPES(OWNER, TYPE_NAME, TYPECODE)", "ALL_JAVA_CLASSES(OWNER, NAME)", "ALL_SCHEDULER_JOBS(OWNER, JOB_NAME)",
            "ALL_SCHEDULER_PROGRAMS(OWNER, PROGRAM_NAME)", "ALL_SCHEDULER_CHAINS(OWNER, CHAIN_NAME)",
            "ALL_RULE_SETS(RULE_SET_OWNER, RULE_SET_NAME)", "ALL_RULES(RULE_OWNER, RULE_NAME)",
            "ALL_EVALUATION_CONTEXTS(EVALUATION_CONTEXT_OWNER, EVALUATION_CONTEXT_NAME)", "ALL_TRIGGERS(OWNER, TRIGGER_NAME, TABLE_NAME)",
            "ALL_POLICIES(OBJECT_OWNER, OBJECT_NAME, POLICY_NAME)", "ALL_RECYCLEBIN(OWNER, OBJECT_NAME, ORIGINAL_NAME, TYPE)",
            "USER_RECYCLEBIN(OBJECT_NAME, ORIGINAL_NAME, TYPE)");

    private DataDictionary() {
    }

    private static String emptyView(String spec) {
        String name = spec.substring(0, spec.indexOf('('));
        StringBuilder cols = new StringBuilder();
        for (String c : spec.substring(spec.indexOf('(') + 1, spec.length() - 1).split(",\\s*")) {
            cols.append(cols.length() == 0 ? "" : ", ").append("CAST(NULL AS VARCHAR(128)) AS \"").append(c).append('"');
        }
        return "CREATE OR REPLACE VIEW SYS." + name + " AS SELECT " + cols + " FROM SYS.DUAL WHERE 1 = 0";
    }

    private static String nls(boolean database) {
        String[][] p = {
            {"NLS_LANGUAGE", "AMERICAN"}, {"NLS_TERRITORY", "AMERICA"}, {"NLS_CURRENCY", "$"}, {"NLS_ISO_CURRENCY", "AMERICA"},
            {"NLS_NUMERIC_CHARACTERS", ".,"}, {"NLS_CALENDAR", "GREGORIAN"}, {"NLS_DATE_FORMAT", "DD-MON-RR"},
            {"NLS_DATE_LANGUAGE", "AMERICAN"}, {"NLS_SORT", "BINARY"}, {"NLS_TIME_FORMAT", "HH.MI.SSXFF AM"},
            {"NLS_TIMESTAMP_FORMAT", "DD-MON-RR HH.MI.SSXFF AM"}, {"NLS_TIME_TZ_FORMAT", "HH.MI.SSXFF AM TZR"},
            {"NLS_TIMESTAMP_TZ_FORMAT", "DD-MON-RR HH.MI.SSXFF AM TZR"}, {"NLS_DUAL_CURRENCY", "$"}, {"NLS_COMP", "BINARY"},
            {"NLS_LENGTH_SEMANTICS", "BYTE"}, {"NLS_NCHAR_CONV_EXCP", "FALSE"}};
        StringBuilder b = new StringBuilder();
        for (String[] kv : p) {
            b.append(b.length() == 0 ? "" : ", ").append("('").append(kv[0]).append("', '").append(kv[1]).append("')");
        }
        if (database) {
            b.append(", ('NLS_CHARACTERSET', 'AL32UTF8'), ('NLS_NCHAR_CHARACTERSET', 'AL16UTF16'), ('NLS_RDBMS_VERSION', '23.0.0.0.0')");
        }
        return b.toString();
    }

    /** Creates the dictionary in H2 (once per database) and registers its accounts as ALL_USERS rows. */
    static void install(java.sql.Connection h2, String versionBanner, Collection<String> users) throws SQLException {
        try (Statement s = h2.createStatement()) {
            s.execute("CREATE SCHEMA IF NOT EXISTS SYS");
            s.execute("CREATE ALIAS IF NOT EXISTS SYS.ORATHIN_OWNER FOR \"" + TestkitFunctions.class.getName() + ".owner\"");
            s.execute("CREATE ALIAS IF NOT EXISTS SYS.ORATHIN_USER FOR \"" + TestkitFunctions.class.getName() + ".sessionUser\"");
            s.execute("CREATE ALIAS IF NOT EXISTS SYS.ORATHIN_GATHER_STATS FOR \"" + TestkitFunctions.class.getName() + ".gatherStats\"");
            s.execute("CREATE OR REPLACE VIEW SYS.DUAL AS SELECT CAST('X' AS VARCHAR(1)) AS DUMMY");
            for (String v : VIEWS) {
                if (v.contains("V$VERSION")) {
                    String banner = versionBanner.lines().findFirst().orElse(versionBanner);
                    String sql = v.replaceFirst("\\?", "'" + banner.replace("'", "''") + "'")
                            .replaceFirst("\\?", "'" + versionBanner.replace("'", "''") + "'")
                            .replaceFirst("\\?", "'" + banner.replace("'", "''") + "'");
                    s.execute(sql);
                } else {
                    s.execute(v);
                }
            }
            for (String v : EMPTY_VIEWS) {
                s.execute(emptyView(v));
            }
            for (String[] u : USER_VIEWS) {
                s.execute("CREATE OR REPLACE VIEW SYS.USER_" + u[0] + " AS SELECT * EXCEPT (" + u[1] + ") FROM SYS.ALL_" + u[0]
                        + " WHERE " + u[1] + " = SYS.ORATHIN_USER()");
                s.execute("CREATE OR REPLACE VIEW SYS.DBA_" + u[0] + " AS SELECT * FROM SYS.ALL_" + u[0]);
            }
        }
        try (PreparedStatement p = h2.prepareStatement("MERGE INTO SYS.ORATHIN$USERS KEY (USERNAME) VALUES (?, ?, ?, ?)")) {
            int id = 0;
            for (String builtin : List.of("SYS", "SYSTEM")) {
                p.setString(1, builtin);
                p.setInt(2, id++);
                p.setString(3, "OPEN");
                p.setString(4, "Y");
                p.executeUpdate();
            }
            id = 100;
            for (String u : users.stream().sorted().toList()) {
                p.setString(1, u.toUpperCase(Locale.ROOT));
                p.setInt(2, id++);
                p.setString(3, "OPEN");
                p.setString(4, "N");
                p.executeUpdate();
            }
        }
    }

    /** The session's schema search path: its own objects first, then the dictionary. */
    static String searchPath() {
        return "SET SCHEMA_SEARCH_PATH PUBLIC, " + SCHEMA;
    }
}
