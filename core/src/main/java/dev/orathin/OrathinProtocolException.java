package dev.orathin;

import dev.orathin.errors.OrathinException;

/** A failure of the TTC protocol or of authentication between orathin and the database (5xxx, 9xxx). */
public class OrathinProtocolException extends OrathinException {

    private static final long serialVersionUID = 1L;

    /** With the code and a detail free of secrets. */
    public OrathinProtocolException(CoreErrorCode code, String detail) {
        super(code, detail, null);
    }

    /** With a cause. */
    public OrathinProtocolException(CoreErrorCode code, String detail, Throwable cause) {
        super(code, detail, cause);
    }
}
