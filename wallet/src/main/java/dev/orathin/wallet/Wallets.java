package dev.orathin.wallet;

import dev.orathin.io.BoundedFiles;
import dev.orathin.io.InputLimitException;
import dev.orathin.wallet.internal.ParsedWallet;
import dev.orathin.wallet.internal.PemReader;
import dev.orathin.wallet.internal.Pkcs12Reader;
import dev.orathin.wallet.internal.SsoReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Loads {@link Wallet}s from a directory, a file, bytes, Base64 text or the JDK trust store. The
 * format is detected from the content, never from the file name.
 *
 * <p>Directory rule: with a password, {@code ewallet.pem}, then {@code ewallet.p12}, then
 * {@code cwallet.sso}; without one, {@code cwallet.sso}, then {@code cwallet.pem}, then
 * {@code ewallet.pem} when its key is not encrypted (or it holds certificates only). The chosen
 * file is reported by {@link Wallet#source()} and {@link Wallet#description()}.
 */
public final class Wallets {

    /**
     * Largest wallet file (and wallet.zip file, and in-memory wallet) read: ADB wallets are a few
     * KB, a PEM with a large CA bundle a few hundred KB. Checked before reading (docs/security.md).
     */
    public static final long MAX_FILE_BYTES = 4L * 1024 * 1024;

    /**
     * The wallet files that make a directory a wallet directory, in the order a connect looks for
     * them in a configuration directory (one list for the driver, the cache and the CLI).
     */
    public static final List<String> FILES_IN_ORDER = List.of("cwallet.sso", "ewallet.pem", "ewallet.p12");

    private static final List<String> WITH_PASSWORD = List.of("ewallet.pem", "ewallet.p12", "cwallet.sso");
    private static final List<String> WITHOUT_PASSWORD = List.of("cwallet.sso", "cwallet.pem", "ewallet.pem");

    private Wallets() {
    }

    /**
     * Loads a wallet from a directory (see the class comment for which file is chosen), a wallet
     * file ({@code ewallet.pem}, {@code ewallet.p12}, {@code cwallet.sso}) or a {@code wallet.zip}.
     *
     * @param fileOrDirectory where the wallet is
     * @param password the wallet password, or {@code null} for auto-login / unencrypted wallets
     * @throws WalletException with a {@link WalletErrorCode} for every failure
     */
    public static Wallet load(Path fileOrDirectory, char[] password) {
        if (Files.isDirectory(fileOrDirectory)) {
            return fromDirectory(fileOrDirectory, password);
        }
        if (!Files.exists(fileOrDirectory)) {
            throw new WalletException(WalletErrorCode.WALLET_NOT_FOUND, fileOrDirectory.toAbsolutePath()
                    + ": expected a wallet directory, wallet file or wallet.zip; nothing exists at this path");
        }
        return decode(read(fileOrDirectory), password, fileOrDirectory.toString());
    }

    /**
     * {@link #load(Path, char[])}, answered from a small per-process cache (16 wallets) while the
     * wallet files keep their size and modification time and the same password is given — what
     * {@code Orathin.connect} uses, so a service does not decrypt its wallet on every connect. The
     * cache keys hold an HMAC of the password under a per-process random key, never the password;
     * a wrong password is never answered from the cache.
     */
    public static Wallet loadCached(Path fileOrDirectory, char[] password) {
        return dev.orathin.wallet.internal.WalletCache.load(fileOrDirectory, password);
    }

    /** Loads a wallet from the bytes of any supported format (PEM, PKCS#12, cwallet.sso, wallet.zip). */
    public static Wallet fromBytes(byte[] bytes, char[] password) {
        checkSize(bytes.length, "in-memory wallet");
        return decode(bytes.clone(), password, "in-memory wallet");
    }

    /**
     * Loads a wallet from text: PEM, Base64 of any supported format, or a
     * {@code data:[<mediatype>];base64,<data>} URI.
     */
    public static Wallet fromText(String text, char[] password) {
        // Base64 is 4/3 of the bytes it holds; anything longer cannot be a wallet within the limit
        checkSize(text.length() / 4 * 3, "in-memory wallet text");
        String t = text.strip();
        if (PemReader.looksLikePem(t)) {
            return decode(t.getBytes(StandardCharsets.UTF_8), password, "in-memory PEM");
        }
        String where = "in-memory Base64 wallet";
        if (t.regionMatches(true, 0, "data:", 0, 5)) {
            int comma = t.indexOf(',');
            if (comma < 0 || !t.substring(0, comma).toLowerCase(java.util.Locale.ROOT).endsWith(";base64")) {
                throw new WalletException(WalletErrorCode.UNRECOGNISED_FORMAT,
                        "in-memory data URI: expected 'data:[<mediatype>];base64,<data>', found no ';base64,' part");
            }
            t = t.substring(comma + 1);
            where = "in-memory data URI wallet";
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(t.replaceAll("\\s+", ""));
        } catch (IllegalArgumentException e) {
            try {
                bytes = Base64.getUrlDecoder().decode(t.replaceAll("\\s+", ""));
            } catch (IllegalArgumentException e2) {
                throw new WalletException(WalletErrorCode.UNRECOGNISED_FORMAT, where
                        + ": expected PEM text, Base64 or a data: URI, found text that is none of these ("
                        + t.length() + " characters)");
            }
        }
        return decode(bytes, password, where);
    }

    /** The JDK's default trust store (one-way TLS, no client key). */
    public static Wallet system() {
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init((KeyStore) null);
            List<X509Certificate> trust = new ArrayList<>();
            for (TrustManager tm : tmf.getTrustManagers()) {
                if (tm instanceof X509TrustManager) {
                    trust.addAll(List.of(((X509TrustManager) tm).getAcceptedIssuers()));
                }
            }
            return new Wallet(List.of(), -1, trust, Map.of(), WalletFormat.SYSTEM, "system",
                    List.of("JDK default trust store"));
        } catch (GeneralSecurityException e) {
            throw new WalletException(WalletErrorCode.TLS_SETUP_FAILED, "system trust store: cannot be loaded ("
                    + e.getClass().getSimpleName() + ")", e);
        }
    }

    private static Wallet fromDirectory(Path dir, char[] password) {
        return choose(name -> {
            Path p = dir.resolve(name);
            // a FIFO or device under a wallet name is an error, not "absent": read() refuses it unopened
            return Files.exists(p) ? read(p) : null;
        }, name -> dir.resolve(name).toString(), password, dir.toString(), "directory");
    }

    /**
     * The directory rule, shared by directories and zips.
     *
     * @param lookup file name to bytes, or null when absent
     * @param location file name to a display location
     */
    static Wallet choose(Function<String, byte[]> lookup, Function<String, String> location, char[] password,
            String container, String containerKind) {
        List<String> order = password != null ? WITH_PASSWORD : WITHOUT_PASSWORD;
        List<String> tried = new ArrayList<>();
        String needsPassword = null;
        for (String name : order) {
            byte[] bytes = lookup.apply(name);
            tried.add(location.apply(name));
            if (bytes == null) {
                continue;
            }
            if (password == null && name.equals("ewallet.pem")
                    && PemReader.hasEncryptedKey(PemReader.text(bytes))) {
                needsPassword = location.apply(name);
                continue;
            }
            return decode(bytes, password, location.apply(name));
        }
        if (password == null) {
            String p12 = location.apply("ewallet.p12");
            if (needsPassword == null && lookup.apply("ewallet.p12") != null) {
                needsPassword = p12;
            }
            if (needsPassword != null) {
                throw new WalletException(WalletErrorCode.PASSWORD_REQUIRED, containerKind + " " + container
                        + ": no auto-login wallet (tried " + String.join(", ", tried) + "); " + needsPassword
                        + " is password-protected: give the wallet password");
            }
        }
        throw new WalletException(WalletErrorCode.WALLET_NOT_FOUND, containerKind + " " + container
                + ": expected a wallet file " + (password != null ? "(a password was given)" : "(no password given)")
                + ", found none; tried " + String.join(", ", tried));
    }

    static byte[] read(Path p) {
        try {
            return BoundedFiles.read(p, MAX_FILE_BYTES);
        } catch (InputLimitException e) {
            throw limitError(e);
        } catch (NoSuchFileException e) {
            throw new WalletException(WalletErrorCode.WALLET_NOT_FOUND, p + ": file does not exist");
        } catch (IOException e) {
            throw new WalletException(WalletErrorCode.READ_FAILED, p + ": cannot be read (" + e.getClass().getSimpleName()
                    + ": " + e.getMessage() + ")", e);
        }
    }

    private static void checkSize(long size, String where) {
        if (size > MAX_FILE_BYTES) {
            throw new WalletException(WalletErrorCode.INPUT_TOO_LARGE, where + ": expected at most " + MAX_FILE_BYTES
                    + " bytes but found " + size);
        }
    }

    /** Maps a refused input to the wallet error of the same kind; the message names the file and the limit. */
    static WalletException limitError(InputLimitException e) {
        WalletErrorCode code = switch (e.kind()) {
            case NOT_A_REGULAR_FILE -> WalletErrorCode.NOT_A_REGULAR_FILE;
            case DUPLICATE_ENTRY -> WalletErrorCode.ZIP_DUPLICATE_ENTRY;
            case TOO_LARGE, TOO_MANY_ENTRIES -> WalletErrorCode.INPUT_TOO_LARGE;
        };
        return new WalletException(code, e.getMessage(), e);
    }

    /** Detects the format from the content and reads it; anything unexpected becomes a WalletException. */
    static Wallet decode(byte[] bytes, char[] password, String where) {
        String detected = "unknown";
        try {
            if (bytes.length == 0) {
                throw new WalletException(WalletErrorCode.UNRECOGNISED_FORMAT, where + ": expected a wallet, found 0 bytes");
            }
            if (SsoReader.looksLikeSso(bytes)) {
                detected = "Oracle auto-login (cwallet.sso)";
                return Assembly.build(SsoReader.read(bytes, where), WalletFormat.SSO, where);
            }
            if (WalletZip.looksLikeZip(bytes)) {
                detected = "zip";
                return WalletZip.read(bytes, password, where).wallet();
            }
            if (bytes.length >= 4 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xED
                    && (bytes[2] & 0xFF) == 0xFE && (bytes[3] & 0xFF) == 0xED) {
                throw new WalletException(WalletErrorCode.UNSUPPORTED_FORMAT, where + ": detected a Java KeyStore (JKS);"
                        + " use ewallet.p12, ewallet.pem or cwallet.sso from the same wallet instead");
            }
            if (Pkcs12Reader.looksLikePkcs12(bytes)) {
                detected = "PKCS#12";
                return Assembly.build(Pkcs12Reader.read(bytes, password, where), WalletFormat.PKCS12, where);
            }
            String text = PemReader.text(bytes);
            if (PemReader.looksLikePem(text)) {
                detected = "PEM";
                ParsedWallet p = PemReader.read(text, password, where);
                return Assembly.build(p, WalletFormat.PEM, where);
            }
            throw new WalletException(WalletErrorCode.UNRECOGNISED_FORMAT, where + ": expected PEM text, a PKCS#12"
                    + " file (DER, version 3), an auto-login wallet (A1 F8 4E) or a zip; found " + bytes.length
                    + " bytes starting " + HexFormat.ofDelimiter(" ").formatHex(bytes, 0, Math.min(8, bytes.length))
                    + (bytes[0] == 0x30 ? " (DER, but not a PKCS#12 PFX)" : ""));
        } catch (WalletException e) {
            throw e;
        } catch (RuntimeException e) {
            // BouncyCastle's ASN.1 classes signal malformed input with assorted runtime exceptions.
            throw new WalletException(WalletErrorCode.CORRUPT, where + ": detected " + detected
                    + " content, but it is truncated or malformed (" + e.getClass().getSimpleName() + ")");
        }
    }
}
