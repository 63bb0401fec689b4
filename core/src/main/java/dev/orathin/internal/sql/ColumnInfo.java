package dev.orathin.internal.sql;

import dev.orathin.Column;
import dev.orathin.OracleType;
import dev.orathin.internal.ttc.TtcReader;
import java.nio.charset.StandardCharsets;

/**
 * A column as described by DESCRIBE_INFO (protocol.md §7.2, python-oracledb
 * {@code _process_column_info}; field version 13 layout: oaccolid present, no domain/annotation/
 * vector fields).
 *
 * @param typeNumber Oracle type number
 * @param charsetForm 1 implicit, 2 national, 0 none
 * @param precision precision (signed byte)
 * @param scale scale (signed byte)
 * @param bufferSize buffer size; 0 means the column is always NULL (e.g. {@code select null})
 * @param maxSize max size in characters (RAW: the buffer size)
 * @param nullable nulls allowed
 * @param name column name
 * @param type the public type, or null when orathin does not support the type
 */
public record ColumnInfo(int typeNumber, int charsetForm, int precision, int scale, int bufferSize, int maxSize, boolean nullable,
        String name, OracleType type, int vectorDimensions, int vectorFormat, int vectorFlags) {

    /** Column metadata without VECTOR details. */
    public ColumnInfo(int typeNumber, int charsetForm, int precision, int scale, int bufferSize, int maxSize, boolean nullable,
            String name, OracleType type) {
        this(typeNumber, charsetForm, precision, scale, bufferSize, maxSize, nullable, name, type, 0, 0, 0);
    }

    /** Oracle type numbers of VECTOR and JSON. */
    public static final int VECTOR = 127, JSON = 119;
    /** Column metadata vector flag: SPARSE (python VECTOR_META_FLAG_SPARSE_VECTOR). */
    static final int VECTOR_FLAG_SPARSE = 0x02;

    /** Field version from which column metadata carries oaccolid (python TNS_CCAP_FIELD_VERSION_12_2). */
    static final int FV_12_2 = 8;

    /** Reads one column's metadata. */
    public static ColumnInfo read(TtcReader r, int fieldVersion) {
        int type = r.ub1();
        r.ub1(); // flags
        int precision = (byte) r.ub1();
        int scale = (byte) r.ub1();
        int bufferSize = r.ub4();
        r.ub(); // max number of array elements
        r.ub(); // cont flags
        r.twoLengths(); // OID
        r.ub(); // version
        r.ub(); // character set id
        int csfrm = r.ub1();
        int maxSize = r.ub4();
        if (type == 23) {
            maxSize = bufferSize;
        }
        if (fieldVersion >= FV_12_2) {
            r.ub(); // oaccolid
        }
        boolean nullable = r.ub1() != 0;
        r.ub1(); // v7 length of name
        byte[] name = r.twoLengths();
        r.twoLengths(); // schema
        r.twoLengths(); // type name
        r.ub(); // column position
        r.ub(); // UDS flags
        if (fieldVersion >= 17) {
            r.twoLengths(); // domain schema
            r.twoLengths(); // domain name
        }
        if (fieldVersion >= 20) {
            int annotations = r.ub4();
            if (annotations > 0) {
                r.ub1();
                int n = r.ub4();
                r.ub1();
                for (int i = 0; i < n; i++) {
                    r.twoLengths();
                    r.twoLengths();
                    r.ub();
                }
                r.ub();
            }
        }
        int vectorDimensions = 0;
        int vectorFormat = 0;
        int vectorFlags = 0;
        if (fieldVersion >= 24) {
            vectorDimensions = r.ub4();
            vectorFormat = r.ub1();
            vectorFlags = r.ub1();
        }
        String n = name == null ? "" : new String(name, StandardCharsets.UTF_8);
        return new ColumnInfo(type, csfrm, precision, scale, bufferSize, maxSize, nullable, n, OracleType.of(type, csfrm),
                vectorDimensions, vectorFormat, vectorFlags);
    }

    /** The public view; only for supported types. */
    public Column toColumn() {
        if (typeNumber == VECTOR) {
            return new Column(name, type, precision, scale, maxSize, nullable, vectorDimensions, dev.orathin.VectorFormat.of(vectorFormat),
                    (vectorFlags & VECTOR_FLAG_SPARSE) != 0);
        }
        return new Column(name, type, precision, scale, maxSize, nullable);
    }

    /** NUMBER(p, 0) with 1 <= p <= 18: returned as Long. */
    public boolean toColumnIntegral() {
        return typeNumber == 2 && scale == 0 && precision > 0 && precision <= 18;
    }

    /** True for CLOB / NCLOB / BLOB: these are defined as LONG / LONG RAW to come inline. */
    public boolean isLob() {
        return typeNumber == 112 || typeNumber == 113;
    }

    /** True for VECTOR and JSON: their values come as a LOB locator with the data prefetched, once defined so. */
    public boolean isPrefetchedLob() {
        return typeNumber == VECTOR || typeNumber == JSON;
    }

    /** The type the data arrives as once defined: LONG for CLOB/NCLOB, LONG RAW for BLOB, else the column's type. */
    public int definedType() {
        return typeNumber == 112 ? 8 : typeNumber == 113 ? 24 : typeNumber;
    }
}
