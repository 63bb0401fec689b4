package dev.orathin.wallet;

import dev.orathin.errors.ErrorCode;

/**
 * The stable 2xxx error codes of the wallet module: one per kind of bad wallet input, so a user
 * (or a support page) can tell from {@code OTN-2nnn} alone what went wrong.
 *
 * <p>Numbers never change meaning; retired numbers are not reused.
 */
public enum WalletErrorCode implements ErrorCode {
    /** No wallet file where one was expected; the message lists every path tried. */
    WALLET_NOT_FOUND(2001, "wallet file or directory not found"),
    /** The password does not open the wallet (PKCS#12 MAC or key decryption check failed). */
    WRONG_PASSWORD(2002, "wrong wallet password"),
    /** The chosen file is password-protected and no password was given. */
    PASSWORD_REQUIRED(2003, "wallet password required"),
    /** The content is not any wallet format orathin knows (the message says what was seen). */
    UNRECOGNISED_FORMAT(2004, "unrecognised wallet format"),
    /** A known format, but a variant, algorithm or key type orathin does not support. */
    UNSUPPORTED_FORMAT(2005, "unsupported wallet variant or algorithm"),
    /** A cwallet.sso made with {@code -auto_login_local}: it only opens on the machine/user that made it. */
    LOCAL_AUTO_LOGIN(2006, "local auto-login wallet is bound to the machine that created it"),
    /** A client key was needed but the wallet (for example a certificates-only PEM) has none. */
    NO_PRIVATE_KEY(2007, "wallet has no private key"),
    /** The private key does not belong to the certificate it is paired with. */
    KEY_CERTIFICATE_MISMATCH(2008, "private key does not match its certificate"),
    /** No trust anchor to verify the server with. */
    EMPTY_TRUST(2009, "wallet has no trusted certificates"),
    /** The file is truncated, tampered with or structurally broken. */
    CORRUPT(2010, "wallet file is truncated or corrupt"),
    /** A wallet.zip holds no ewallet.pem, ewallet.p12 or cwallet.sso. */
    ZIP_WITHOUT_WALLET(2011, "zip file holds no wallet"),
    /** Several private keys and no selection: choosing silently could present the wrong identity. */
    AMBIGUOUS_KEY(2012, "several private keys and none selected"),
    /** A certificate selector matched no key entry. */
    SELECTION_NOT_FOUND(2013, "no key entry matches the selection"),
    /** Reading the wallet failed at the operating-system level (permissions, I/O). */
    READ_FAILED(2014, "wallet could not be read"),
    /** The JSSE key or trust managers could not be built from the wallet material. */
    TLS_SETUP_FAILED(2015, "TLS managers could not be built from the wallet"),
    /** A wallet file, zip entry or a zip as a whole exceeds its documented limit (docs/security.md). */
    INPUT_TOO_LARGE(2016, "wallet input over its size or entry limit"),
    /** The wallet path is a directory where a file is needed, a device, a FIFO or a socket; it is never opened. */
    NOT_A_REGULAR_FILE(2017, "wallet path is not a regular file"),
    /** A zip holds two entries whose names differ only in case or directory: which one is meant is ambiguous. */
    ZIP_DUPLICATE_ENTRY(2018, "zip holds the same entry name twice");

    private final int number;
    private final String summary;

    WalletErrorCode(int number, String summary) {
        this.number = number;
        this.summary = summary;
    }

    @Override
    public int number() {
        return number;
    }

    @Override
    public String summary() {
        return summary;
    }
}
