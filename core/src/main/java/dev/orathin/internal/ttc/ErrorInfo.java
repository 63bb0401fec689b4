package dev.orathin.internal.ttc;

import dev.orathin.OracleDatabaseException;

/**
 * The ERROR message (type 4) that ends a call: status, cursor, row count and, when the number is
 * not 0, the ORA error (layout per python-oracledb's {@code _process_error_info}; fields added in
 * 20c only when the field version is >= 14).
 *
 * @param callStatus end-of-call status
 * @param cursorId cursor id of a query
 * @param errorPosition offset of the error in the statement
 * @param rowCount rows processed
 * @param number ORA number, 0 when the call succeeded
 * @param message the server's message, null when number is 0
 */
public record ErrorInfo(long callStatus, int cursorId, int errorPosition, long rowCount, int number, String message) {

    /** Field version from which the ERROR message carries two more ub4 (sql type, checksum). */
    static final int FIELD_VERSION_20_1 = 14;

    /** Reads the message body (after the type byte) with the negotiated capabilities. */
    public static ErrorInfo read(TtcReader r, Capabilities caps) {
        return read(r, caps.fieldVersion(), caps.endOfCallStatus());
    }

    /** Reads the message body (after the type byte). */
    public static ErrorInfo read(TtcReader r, int fieldVersion, boolean endOfCallStatus) {
        long callStatus = endOfCallStatus ? r.ub() : 0;
        r.ub(); // end-to-end sequence number
        r.ub(); // current row number
        r.ub(); // error number
        r.ub(); // array element error
        r.ub(); // array element error
        int cursorId = (int) r.ub();
        int pos = (int) r.sb();
        r.skip(5); // sql type, fatal, flags, user cursor options, UPI parameter
        r.ub1(); // warning flags
        r.ub();
        r.ub();
        r.ub1();
        r.ub();
        r.ub(); // rowid: rba, partition, skip, block, slot
        r.ub(); // OS error
        r.ub1(); // statement number
        r.ub1(); // call number
        r.ub(); // padding
        r.ub(); // success iterations
        r.twoLengthsSkip(); // oerrdd
        int batchErrors = (int) r.ub();
        if (batchErrors > 0) {
            int first = r.ub1();
            for (int i = 0; i < batchErrors; i++) {
                if (first == TtcWriter.LONG_LENGTH_INDICATOR) {
                    r.ub();
                }
                r.ub();
            }
            if (first == TtcWriter.LONG_LENGTH_INDICATOR) {
                r.skip(1);
            }
        }
        long offsets = r.ub();
        if (offsets > 0) {
            int first = r.ub1();
            for (long i = 0; i < offsets; i++) {
                if (first == TtcWriter.LONG_LENGTH_INDICATOR) {
                    r.ub();
                }
                r.ub();
            }
            if (first == TtcWriter.LONG_LENGTH_INDICATOR) {
                r.skip(1);
            }
        }
        int messages = (int) r.ub();
        if (messages > 0) {
            r.skip(1);
            for (int i = 0; i < messages; i++) {
                r.ub();
                r.clr();
                r.skip(2);
            }
        }
        int number = (int) r.ub();
        long rowCount = r.ub();
        if (fieldVersion >= FIELD_VERSION_20_1) {
            r.ub();
            r.ub();
        }
        String message = number != 0 ? r.str() : null;
        return new ErrorInfo(callStatus, cursorId, pos, rowCount, number, message == null ? null : message.strip());
    }

    /** Throws the database error if there is one. */
    public ErrorInfo throwIfError() {
        if (number != 0) {
            throw new OracleDatabaseException(number, message, errorPosition);
        }
        return this;
    }
}
