package dev.orathin;

import dev.orathin.errors.OrathinException;

/**
 * An error reported by the database (OTN-6000): carries the ORA number, the server's message and,
 * for SQL errors, the offset in the statement. The connection stays usable afterwards.
 */
public class OracleDatabaseException extends OrathinException {

    private static final long serialVersionUID = 1L;

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

    /** Position of the error in the SQL text, or 0. */
    public int offset() {
        return offset;
    }
}
