package dev.orathin.wallet;

/** The container a {@link Wallet} was read from. */
public enum WalletFormat {
    /** PEM bundle ({@code ewallet.pem}, {@code cwallet.pem}): keys and certificates as text blocks. */
    PEM,
    /** PKCS#12 ({@code ewallet.p12}), Oracle's profile or any standard one. */
    PKCS12,
    /** Oracle auto-login wallet ({@code cwallet.sso}): a PKCS#12 with an obfuscated password. */
    SSO,
    /** The JDK's default trust store; no client key. */
    SYSTEM,
    /** Built in code with {@link Wallet#of}. */
    IN_MEMORY
}
