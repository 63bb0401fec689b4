package dev.orathin.internal.sql;

import dev.orathin.CoreErrorCode;
import dev.orathin.OrathinProtocolException;
import dev.orathin.internal.ttc.TtcReader;
import java.util.ArrayList;
import java.util.List;

/**
 * The OUT binds of a PL/SQL call or of DML with RETURNING ... INTO: the IO_VECTOR message (type
 * 11: which binds the server returns) and the ROW_DATA that carries their values, read with the
 * types of the binds sent (python-oracledb {@code _process_io_vector}, {@code _process_row_data}).
 */
final class OutBinds {

    private final List<BindValue> binds;
    private List<Integer> outPositions;
    private Object[] outValues;

    /** @param binds the binds sent (their directions and OUT types), empty when none */
    OutBinds(List<BindValue> binds) {
        this.binds = binds;
    }

    /** Reads IO_VECTOR after its type byte. */
    void readIoVector(TtcReader r) {
        r.ub1(); // flag
        int requests = (int) r.ub(); // number of requests
        // the iteration field carries the high part of the bind count (python-oracledb: iters * 256 + requests)
        int n = (int) (r.ub() * 256 + requests);
        r.ub(); // number of iterations this time
        r.ub(); // uac buffer length
        int bv = (int) r.ub();
        if (bv > 0) {
            r.skip(bv);
        }
        int rowid = (int) r.ub();
        if (rowid > 0) {
            r.skip(rowid);
        }
        outPositions = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int dir = r.ub1();
            if (dir != BindValue.DIR_IN) {
                outPositions.add(i);
            }
        }
    }

    /** Reads the OUT bind values of a ROW_DATA after its type byte. */
    void read(TtcReader r) {
        if (binds.isEmpty()) {
            // neither columns nor binds to read the values with: reading nothing would misread every later byte
            // (real-packets muhdur-dbobject.txt op 11: rows of a REF CURSOR whose describe orathin never saw)
            throw new OrathinProtocolException(CoreErrorCode.UNEXPECTED_MESSAGE, "statement reply: row data with neither a describe"
                    + " nor OUT binds to read it with");
        }
        List<Integer> positions = outPositions;
        if (positions == null) {
            positions = new ArrayList<>();
            for (int i = 0; i < binds.size(); i++) {
                if (binds.get(i).direction() != BindValue.DIR_IN) {
                    positions.add(i);
                }
            }
        }
        if (outValues == null) {
            outValues = new Object[binds.size()];
        }
        for (int pos : positions) {
            if (pos >= binds.size()) {
                // the I/O vector comes from the server and may name more binds than were sent (found by TtcFuzzTests)
                throw new OrathinProtocolException(CoreErrorCode.MALFORMED_MESSAGE, "out bind " + (pos + 1) + " in the reply, but the"
                        + " statement has " + binds.size() + " bind(s)");
            }
            BindValue b = binds.get(pos);
            if (b.isReturnBind()) {
                // RETURNING ... INTO: a row count, then one value per affected row
                int n = r.ub4();
                List<Object> values = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    values.add(ValueCodec.read(r, b.typeNumber(), b.charsetForm(), b.bufferSize(), false, false, b.outType()));
                }
                outValues[pos] = java.util.Collections.unmodifiableList(values);
            } else {
                outValues[pos] = ValueCodec.read(r, b.typeNumber(), b.charsetForm(), b.bufferSize(),
                        b.outType() == dev.orathin.OracleType.BINARY_INTEGER, false, b.outType());
            }
        }
    }

    /** OUT bind values by bind position (null entries for IN binds), or null when none came. */
    Object[] values() {
        return outValues;
    }
}
