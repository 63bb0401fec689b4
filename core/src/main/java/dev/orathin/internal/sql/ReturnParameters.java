package dev.orathin.internal.sql;

import dev.orathin.internal.ttc.TtcReader;

/**
 * The PARAMETER message (type 8) of a statement reply (python-oracledb
 * {@code _process_return_parameters}): al8o4 values, transaction context, key/value pairs and a
 * registration, all skipped, then the per-row DML counts when they were requested.
 */
final class ReturnParameters {

    private ReturnParameters() {
    }

    /**
     * Reads PARAMETER after its type byte; returns the per-row DML counts when {@code dmlRowCounts}
     * (they were requested and close the message), else null.
     */
    static long[] read(TtcReader r, boolean dmlRowCounts) {
        int n = (int) r.ub(); // al8o4l
        for (int i = 0; i < n; i++) {
            r.ub();
        }
        int len = (int) r.ub(); // al8txl
        if (len > 0) {
            r.skip(len);
        }
        int pairs = (int) r.ub();
        for (int i = 0; i < pairs; i++) {
            r.twoLengths();
            r.twoLengths();
            r.ub(); // keyword number
        }
        int reg = (int) r.ub(); // registration
        if (reg > 0) {
            r.skip(reg);
        }
        if (!dmlRowCounts) {
            return null;
        }
        int rowsN = r.ub4();
        long[] rowCounts = new long[rowsN];
        for (int i = 0; i < rowsN; i++) {
            rowCounts[i] = r.ub();
        }
        return rowCounts;
    }
}
