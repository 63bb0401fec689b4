package dev.orathin.wallet.internal;

import dev.orathin.wallet.Wallet;
import dev.orathin.wallet.Wallets;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Wallets already loaded in this process, so that every connect does not decrypt the same wallet
 * again (7–11 ms each for PBES2 PEM, PKCS#12 or SSO). An entry is used only while the wallet files
 * keep their size and modification time and only for the same password: the key holds an HMAC of
 * the password under a per-process random key, never the password. At most 16 entries.
 */
public final class WalletCache {

    private static final int MAX_ENTRIES = 16;
    private static final List<String> FILES = Wallets.FILES_IN_ORDER;
    private static final byte[] HMAC_KEY = new byte[32];
    private static final Map<String, Wallet> CACHE = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Wallet> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    static {
        new SecureRandom().nextBytes(HMAC_KEY);
    }

    private WalletCache() {
    }

    /** {@link Wallets#load(Path, char[])}, answered from the cache while the files are unchanged. */
    public static Wallet load(Path location, char[] password) {
        String key = key(location, password);
        if (key == null) {
            return Wallets.load(location, password);
        }
        synchronized (CACHE) {
            Wallet w = CACHE.get(key);
            if (w != null) {
                return w;
            }
        }
        Wallet w = Wallets.load(location, password);
        synchronized (CACHE) {
            CACHE.put(key, w);
        }
        return w;
    }

    /** Location, each wallet file's size and time, and the password's HMAC; null when the files cannot be read. */
    private static String key(Path location, char[] password) {
        try {
            Path abs = location.toAbsolutePath().normalize();
            List<Path> files = new ArrayList<>();
            if (Files.isDirectory(abs)) {
                for (String f : FILES) {
                    if (Files.exists(abs.resolve(f))) {
                        files.add(abs.resolve(f));
                    }
                }
            } else {
                files.add(abs);
            }
            StringBuilder k = new StringBuilder(abs.toString());
            for (Path f : files) {
                BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
                k.append('|').append(f.getFileName()).append(':').append(a.size()).append(':').append(a.lastModifiedTime().toMillis());
            }
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(HMAC_KEY, "HmacSHA256"));
            // encoded straight from the char[]: no String copy of the password is made
            java.nio.ByteBuffer encoded = StandardCharsets.UTF_8.encode(java.nio.CharBuffer.wrap(password == null ? new char[0] : password));
            byte[] pw = new byte[encoded.remaining()];
            encoded.get(pw);
            Arrays.fill(encoded.array(), (byte) 0);
            k.append('|').append(java.util.HexFormat.of().formatHex(mac.doFinal(pw)));
            Arrays.fill(pw, (byte) 0);
            return k.toString();
        } catch (IOException | GeneralSecurityException e) {
            return null; // let the loader report what is wrong with the files
        }
    }

    /** Drops every entry (tests). */
    static void clear() {
        synchronized (CACHE) {
            CACHE.clear();
        }
    }
}
