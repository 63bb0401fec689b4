package dev.orathin.wallet;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * A {@code wallet.zip} as downloaded from the Autonomous Database console, read in place (never
 * unzipped to disk): the {@link Wallet} chosen by the directory rule of {@link Wallets}, and the
 * {@code tnsnames.ora} / {@code sqlnet.ora} texts for the naming layer.
 */
public final class WalletZip {

    /** Entry names read from the zip; everything else is listed but not loaded. */
    private static final Set<String> WANTED = Set.of("ewallet.pem", "ewallet.p12", "cwallet.sso", "cwallet.pem",
            "tnsnames.ora", "sqlnet.ora");
    private static final long MAX_ENTRY_BYTES = 16L * 1024 * 1024;
    private static final int MAX_ENTRIES = 1000;

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
        if (!Files.isRegularFile(zip)) {
            throw new WalletException(WalletErrorCode.WALLET_NOT_FOUND, zip.toAbsolutePath()
                    + ": expected a wallet.zip file, nothing (or a directory) is there");
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        try (ZipFile zf = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> en = zf.entries();
            while (en.hasMoreElements()) {
                ZipEntry e = en.nextElement();
                if (accept(e, names, zip.toString()) && !files.containsKey(baseName(e.getName()))) {
                    try (InputStream in = zf.getInputStream(e)) {
                        files.put(baseName(e.getName()), bounded(in, zip + "!/" + e.getName()));
                    }
                }
            }
        } catch (ZipException e) {
            throw new WalletException(WalletErrorCode.CORRUPT, zip + ": detected a zip file, but it is truncated or"
                    + " malformed (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new WalletException(WalletErrorCode.READ_FAILED, zip + ": cannot be read (" + e.getMessage() + ")", e);
        }
        return of(files, names, password, zip.toString());
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
        Map<String, byte[]> files = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                if (accept(e, names, where) && !files.containsKey(baseName(e.getName()))) {
                    files.put(baseName(e.getName()), bounded(in, where + "!/" + e.getName()));
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new WalletException(WalletErrorCode.CORRUPT, where + ": detected a zip file, but it is truncated"
                    + " or malformed (" + e.getClass().getSimpleName() + ")", e);
        }
        if (names.isEmpty()) {
            throw new WalletException(WalletErrorCode.CORRUPT, where + ": detected a zip file, but no entry could be read");
        }
        return of(files, names, password, where);
    }

    private static boolean accept(ZipEntry e, List<String> names, String where) {
        if (names.size() >= MAX_ENTRIES) {
            throw new WalletException(WalletErrorCode.CORRUPT, where + ": more than " + MAX_ENTRIES
                    + " entries; not a wallet.zip");
        }
        names.add(e.getName());
        return !e.isDirectory() && !e.getName().startsWith("__MACOSX/")
                && WANTED.contains(baseName(e.getName()).toLowerCase(Locale.ROOT));
    }

    private static WalletZip of(Map<String, byte[]> files, List<String> names, char[] password, String where) {
        Map<String, byte[]> lower = new LinkedHashMap<>();
        files.forEach((k, v) -> lower.putIfAbsent(k.toLowerCase(Locale.ROOT), v));
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

    private static String baseName(String n) {
        int i = Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\'));
        return n.substring(i + 1);
    }

    private static byte[] bounded(InputStream in, String where) throws IOException {
        byte[] b = in.readNBytes((int) MAX_ENTRY_BYTES + 1);
        if (b.length > MAX_ENTRY_BYTES) {
            throw new WalletException(WalletErrorCode.CORRUPT, where + ": entry larger than " + MAX_ENTRY_BYTES
                    + " bytes; not a wallet file");
        }
        return b;
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
