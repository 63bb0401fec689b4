package dev.orathin.wallet;

import dev.orathin.errors.OrathinException;

/**
 * Thrown when a wallet cannot be found, opened or used; carries a {@link WalletErrorCode} and a
 * message saying where (path, entry), what was expected and what was found. Never contains a
 * password or key material.
 */
public final class WalletException extends OrathinException {

    private static final long serialVersionUID = 1L;

    /**
     * @param code the stable code
     * @param detail context-first detail, free of secrets
     */
    public WalletException(WalletErrorCode code, String detail) {
        super(code, detail, null);
    }

    /**
     * @param code the stable code
     * @param detail context-first detail, free of secrets
     * @param cause the underlying failure (its message must not carry secrets either)
     */
    public WalletException(WalletErrorCode code, String detail, Throwable cause) {
        super(code, detail, cause);
    }

    @Override
    public WalletErrorCode errorCode() {
        return (WalletErrorCode) super.errorCode();
    }
}
