package dev.orathin;

import dev.orathin.errors.OrathinException;
import java.util.Set;

/**
 * An error reported by the database (OTN-6000): carries the ORA number, the server's message and,
 * for SQL errors, the offset in the statement. The connection stays usable afterwards.
 */
public class OracleDatabaseException extends OrathinException {

    private static final long serialVersionUID = 1L;

    /**
     * ORA errors that may pass when the operation is retried (on a new connection when the session
     * is gone): deadlock and serialisation failures, busy resources, cancellation, a lost or
     * killed session, an instance starting or stopping, a listener without free handlers.
     */
    private static final Set<Integer> TRANSIENT = Set.of(18, 20, 28, 54, 60, 1012, 1013, 1033, 1034, 1089, 1090, 1092, 3113, 3114,
            3135, 4068, 8177, 12514, 12516, 12519, 12520, 12521, 12528, 12537);

    private final int oraCode;
    private final int offset;

    /**
     * @param oraCode the ORA number (e.g. 1017)
     * @param serverMessage the message as the server sent it (starts with ORA-nnnnn)
     * @param offset position of the error in the statement, or 0
     */
    public OracleDatabaseException(int oraCode, String serverMessage, int offset) {
        super(CoreErrorCode.DATABASE_ERROR, serverMessage == null || serverMessage.isBlank() ? String.format("ORA-%05d", oraCode)
                : serverMessage.strip() + (offset > 0 ? " (at offset " + offset + ")" : ""), null);
        this.oraCode = oraCode;
        this.offset = offset;
    }

    /** The ORA error number. */
    public int oraCode() {
        return oraCode;
    }

    /** True for the ORA errors a plain retry may get past (see {@link dev.orathin.errors.ErrorCode#isTransient()}). */
    @Override
    public boolean isTransient() {
        return TRANSIENT.contains(oraCode);
    }

    /** Position of the error in the SQL text, or 0. */
    public int offset() {
        return offset;
    }
}
