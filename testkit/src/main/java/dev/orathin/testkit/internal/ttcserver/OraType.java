package dev.orathin.testkit.internal.ttcserver;

/** Oracle type numbers the testkit sends and accepts (protocol.md §8). */
final class OraType {

    static final int VARCHAR = 1;
    static final int NUMBER = 2;
    static final int BINARY_INTEGER = 3;
    static final int LONG = 8;
    static final int ROWID = 11;
    static final int DATE = 12;
    static final int RAW = 23;
    static final int LONG_RAW = 24;
    static final int CHAR = 96;
    static final int BINARY_FLOAT = 100;
    static final int BINARY_DOUBLE = 101;
    static final int CURSOR = 102;
    static final int CLOB = 112;
    static final int BLOB = 113;
    static final int TIMESTAMP = 180;
    static final int TIMESTAMP_TZ = 181;
    static final int INTERVAL_YM = 182;
    static final int INTERVAL_DS = 183;
    static final int UROWID = 208;
    static final int TIMESTAMP_LTZ = 231;
    static final int BOOLEAN = 252;
    static final int VECTOR = 127;
    static final int JSON = 119;

    /** Charset form: 1 implicit (AL32UTF8), 2 national (AL16UTF16). */
    static final int CSFRM_IMPLICIT = 1;
    static final int CSFRM_NCHAR = 2;
    static final int AL32UTF8 = 873;
    static final int AL16UTF16 = 2000;

    private OraType() {
    }

    static boolean isCharacter(int type) {
        return type == VARCHAR || type == CHAR || type == LONG || type == CLOB;
    }

    static String name(int type) {
        switch (type) {
            case VARCHAR: return "VARCHAR2";
            case NUMBER: return "NUMBER";
            case LONG: return "LONG";
            case DATE: return "DATE";
            case RAW: return "RAW";
            case LONG_RAW: return "LONG RAW";
            case CHAR: return "CHAR";
            case BINARY_FLOAT: return "BINARY_FLOAT";
            case BINARY_DOUBLE: return "BINARY_DOUBLE";
            case CLOB: return "CLOB";
            case BLOB: return "BLOB";
            case TIMESTAMP: return "TIMESTAMP";
            case TIMESTAMP_TZ: return "TIMESTAMP WITH TIME ZONE";
            case TIMESTAMP_LTZ: return "TIMESTAMP WITH LOCAL TIME ZONE";
            case INTERVAL_YM: return "INTERVAL YEAR TO MONTH";
            case INTERVAL_DS: return "INTERVAL DAY TO SECOND";
            case BOOLEAN: return "BOOLEAN";
            case VECTOR: return "VECTOR";
            case JSON: return "JSON";
            default: return "type " + type;
        }
    }
}
