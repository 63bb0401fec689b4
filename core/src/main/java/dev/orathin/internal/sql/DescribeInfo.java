package dev.orathin.internal.sql;

import dev.orathin.CoreErrorCode;
import dev.orathin.OrathinProtocolException;
import dev.orathin.internal.ttc.Capabilities;
import dev.orathin.internal.ttc.TtcReader;
import java.util.ArrayList;
import java.util.List;

/**
 * The DESCRIBE_INFO message (type 16, protocol.md §7.2, python-oracledb
 * {@code _process_describe_info}): the select list of a query, at most {@link Response#MAX_COLUMNS}
 * columns, each read by {@link ColumnInfo#read}.
 */
final class DescribeInfo {

    private DescribeInfo() {
    }

    /** Reads DESCRIBE_INFO after its type byte: the select list. */
    static List<ColumnInfo> read(TtcReader r, Capabilities caps) {
        r.clr(); // describe blob, skipped (python skip_raw_bytes_chunked)
        r.ub(); // max row size
        int n = r.ub4();
        if (n > 0) {
            r.ub1();
        }
        if (n > Response.MAX_COLUMNS) {
            throw new OrathinProtocolException(CoreErrorCode.MALFORMED_MESSAGE, "describe info: " + n + " columns (at most "
                    + Response.MAX_COLUMNS + ")");
        }
        List<ColumnInfo> cols = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            cols.add(ColumnInfo.read(r, caps.fieldVersion()));
        }
        r.twoLengths(); // current date
        r.ub(); // dcbflag
        r.ub(); // dcbmdbz
        r.ub(); // dcbmnpr
        r.ub(); // dcbmxpr
        r.twoLengths(); // dcbqcky
        return List.copyOf(cols);
    }

    /**
     * Refuses a select list with a column of a type orathin does not support (OTN-5xxx naming the
     * column and the way out); called once the reply has taken the columns.
     */
    static void requireSupported(List<ColumnInfo> columns) {
        for (ColumnInfo c : columns) {
            if (c.type() == null) {
                throw new OrathinProtocolException(CoreErrorCode.UNSUPPORTED_TYPE, "column " + c.name() + " has Oracle type number "
                        + c.typeNumber() + ", which orathin does not support (supported: character, NUMBER, BINARY_FLOAT/DOUBLE,"
                        + " DATE, TIMESTAMP [WITH [LOCAL] TIME ZONE], INTERVAL, RAW, LONG [RAW], CLOB/NCLOB/BLOB, ROWID, BOOLEAN, VECTOR, JSON);"
                        + " select it converted, e.g. TO_CHAR(" + c.name() + ")");
            }
        }
    }
}
