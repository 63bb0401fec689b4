package dev.orathin.wallet;

import dev.orathin.io.BoundedFiles;
import dev.orathin.io.InputLimitException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A {@code wallet.zip} as downloaded from the Autonomous Database console, read in place (never
 * unzipped to disk): the {@link Wallet} chosen by the directory rule of {@link Wallets}, and the
 * {@code tnsnames.ora} / {@code sqlnet.ora} texts for the naming layer.
 */
public final class WalletZip {

    /** Entry names read from the zip; everything else is listed but not loaded. */
    private static final Set<String> WANTED = Set.of("ewallet.pem", "ewallet.p12", "cwallet.sso", "cwallet.pem",
            "tnsnames.ora", "sqlnet.ora");
    /** Most entries in a wallet.zip (ADB downloads have about 10). */
    public static final int MAX_ENTRIES = 256;
    /** Largest uncompressed wallet, tnsnames.ora or sqlnet.ora entry read from a zip. */
    public static final long MAX_ENTRY_BYTES = Wallets.MAX_FILE_BYTES;
    /** Most uncompressed bytes of all entries together, skipped entries included (zip bombs). */
    public static final long MAX_TOTAL_BYTES = 16L * 1024 * 1024;
    /** The limits above, as the shared bounded zip reader takes them. */
    static final BoundedFiles.ZipLimits LIMITS = new BoundedFiles.ZipLimits(MAX_ENTRIES, MAX_ENTRY_BYTES, MAX_TOTAL_BYTES);

    private final Wallet wallet;
    private final String tnsnames;
    private final String sqlnet;
    private final List<String> entryNames;

    private WalletZip(Wallet wallet, String tnsnames, String sqlnet, List<String> entryNames) {
        this.wallet = wallet;
        this.tnsnames = tnsnames;
        this.sqlnet = sqlnet;
        this.entryNames = List.copyOf(entryNames);
    }

    /** Opens a wallet.zip holding an auto-login wallet (no password). */
    public static WalletZip open(Path zip) {
        return open(zip, null);
    }

    /** Opens a wallet.zip; with a password ewallet.pem / ewallet.p12 are preferred. */
    public static WalletZip open(Path zip, char[] password) {
        if (!Files.exists(zip)) {
            throw new WalletException(WalletErrorCode.WALLET_NOT_FOUND, zip.toAbsolutePath()
                    + ": expected a wallet.zip file, nothing is there");
        }
        // one bounded path for files and bytes: the file is at most MAX_FILE_BYTES, then read as bytes
        return read(Wallets.read(zip), password, zip.toString());
    }

    /** Reads a wallet.zip from bytes (auto-login wallet, no password). */
    public static WalletZip read(byte[] zip) {
        return read(zip, null, "in-memory wallet.zip");
    }

    /** Reads a wallet.zip from bytes with an optional wallet password. */
    public static WalletZip read(byte[] zip, char[] password) {
        return read(zip, password, "in-memory wallet.zip");
    }

    static WalletZip read(byte[] zip, char[] password, String where) {
        BoundedFiles.ZipContent content;
        try {
            content = BoundedFiles.readZip(zip, WANTED, LIMITS, where);
        } catch (InputLimitException e) {
            throw Wallets.limitError(e);
        } catch (IOException e) {
            throw new WalletException(WalletErrorCode.CORRUPT, where + ": detected a zip file, but it is truncated"
                    + " or malformed (" + e.getClass().getSimpleName() + ")", e);
        }
        if (content.entryNames().isEmpty()) {
            throw new WalletException(WalletErrorCode.CORRUPT, where + ": detected a zip file, but no entry could be read");
        }
        return of(content.files(), content.entryNames(), password, where);
    }

    private static WalletZip of(Map<String, byte[]> files, List<String> names, char[] password, String where) {
        Map<String, byte[]> lower = files; // keyed by lower-case base name, duplicates already refused
        if (!lower.containsKey("ewallet.pem") && !lower.containsKey("ewallet.p12") && !lower.containsKey("cwallet.sso")
                && !lower.containsKey("cwallet.pem")) {
            throw new WalletException(WalletErrorCode.ZIP_WITHOUT_WALLET, where + ": expected cwallet.sso, ewallet.p12 or"
                    + " ewallet.pem inside the zip, found " + (names.isEmpty() ? "no entries" : String.join(", ", names)));
        }
        Wallet w = Wallets.choose(lower::get, n -> where + "!/" + n, password, where, "zip");
        return new WalletZip(w, text(lower.get("tnsnames.ora")), text(lower.get("sqlnet.ora")), names);
    }

    private static String text(byte[] b) {
        return b == null ? null : new String(b, StandardCharsets.UTF_8);
    }

    static boolean looksLikeZip(byte[] b) {
        return b.length >= 4 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4;
    }

    /** The wallet inside the zip. */
    public Wallet wallet() {
        return wallet;
    }

    /** The text of {@code tnsnames.ora}, if the zip has one. */
    public Optional<String> tnsnames() {
        return Optional.ofNullable(tnsnames);
    }

    /** The text of {@code sqlnet.ora}, if the zip has one. */
    public Optional<String> sqlnet() {
        return Optional.ofNullable(sqlnet);
    }

    /** Every entry name in the zip, in order. */
    public List<String> entryNames() {
        return entryNames;
    }

    @Override
    public String toString() {
        return "WalletZip[" + wallet.description() + ", tnsnames.ora=" + (tnsnames != null) + ", sqlnet.ora="
                + (sqlnet != null) + "]";
    }
}
