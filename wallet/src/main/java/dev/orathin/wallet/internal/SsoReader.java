package dev.orathin.wallet.internal;

import dev.orathin.wallet.WalletErrorCode;
import dev.orathin.wallet.WalletException;
import java.util.Arrays;
import java.util.HexFormat;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.CBCBlockCipher;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;

/**
 * Opens Oracle auto-login wallets ({@code cwallet.sso}): a small header that hides the PKCS#12
 * password, followed by the PKCS#12 itself (wallets.md §3.1).
 *
 * <p>Flavours '6' ({@code -auto_login}) and '7' ({@code -auto_login_only}) with the AES header
 * (kind 0x06) are read; '8' ({@code -auto_login_local}) is rejected because it is bound to the
 * host and OS user that created it (wallets.md §3.3).
 */
public final class SsoReader {

    private static final byte[] MAGIC = {(byte) 0xA1, (byte) 0xF8, 0x4E};
    /** Fixed AES-CBC IV of the kind-0x06 header (wallets.md §3.1). */
    private static final byte[] IV = HexFormat.of().parseHex("c034d8311c02cef851f0144b81ed4bf2");

    private SsoReader() {
    }

    /** True when the bytes start with the auto-login magic. */
    public static boolean looksLikeSso(byte[] b) {
        return b.length >= 3 && b[0] == MAGIC[0] && b[1] == MAGIC[1] && b[2] == MAGIC[2];
    }

    /** Parses a cwallet.sso; {@code where} names the file for messages. */
    public static ParsedWallet read(byte[] b, String where) {
        if (!looksLikeSso(b)) {
            throw new WalletException(WalletErrorCode.UNRECOGNISED_FORMAT, where
                    + ": expected the auto-login magic A1 F8 4E, found " + hex(b, 0, 3));
        }
        if (b.length < 12) {
            throw Pbe.corrupt(where, "auto-login header truncated at " + b.length + " bytes, expected at least 12");
        }
        int flavour = b[3] & 0xFF;
        int version = readInt(b, 4);
        if (flavour == '8') {
            throw new WalletException(WalletErrorCode.LOCAL_AUTO_LOGIN, where
                    + ": this is a local auto-login wallet (orapki -auto_login_local): it is bound to the machine and"
                    + " OS user that created it and cannot be opened elsewhere; use ewallet.p12 or ewallet.pem with"
                    + " the wallet password, or recreate it with -auto_login");
        }
        if (flavour != '6' && flavour != '7') {
            throw Pbe.unsupported(where, "auto-login flavour 0x" + Integer.toHexString(flavour)
                    + " (expected '6' auto_login or '7' auto_login_only)");
        }
        if (version != 6) {
            throw Pbe.unsupported(where, "auto-login header version " + version + " (expected 6)");
        }
        long size = readInt(b, 8) & 0xFFFFFFFFL;
        if (b.length < 13) {
            throw Pbe.corrupt(where, "auto-login header truncated before the password kind byte");
        }
        int kind = b[12] & 0xFF;
        if (kind != 0x06) {
            throw Pbe.unsupported(where, "auto-login password kind 0x" + Integer.toHexString(kind)
                    + " (only the AES kind 0x06 of 12c and later wallets is supported; 0x35 is the 11g DES kind)");
        }
        if (size != 33) {
            throw Pbe.corrupt(where, "AES auto-login header body of " + size + " bytes, expected 33");
        }
        if (b.length < 12 + size) {
            throw Pbe.corrupt(where, "file truncated inside the auto-login header (" + b.length + " bytes)");
        }
        byte[] key = Arrays.copyOfRange(b, 13, 29);
        byte[] ct = Arrays.copyOfRange(b, 29, 45);
        CBCBlockCipher aes = (CBCBlockCipher) CBCBlockCipher.newInstance(AESEngine.newInstance());
        aes.init(false, new ParametersWithIV(new KeyParameter(key), IV));
        byte[] plain = new byte[16];
        aes.processBlock(ct, 0, plain, 0);
        // The 16 bytes are the PKCS#12 password, one char per byte in 0x01..0x7F (wallets.md §3.2).
        char[] password = new char[16];
        for (int i = 0; i < 16; i++) {
            password[i] = (char) (plain[i] & 0x7F);
        }
        Arrays.fill(plain, (byte) 0);
        byte[] pfx = Arrays.copyOfRange(b, 45, b.length);
        if (pfx.length == 0) {
            throw Pbe.corrupt(where, "auto-login wallet has a header but no PKCS#12 content");
        }
        try {
            return Pkcs12Reader.read(pfx, password, where);
        } catch (WalletException e) {
            if (e.errorCode() == WalletErrorCode.WRONG_PASSWORD) {
                // No user password is involved: a MAC failure here means the file was altered.
                throw Pbe.corrupt(where, "the embedded PKCS#12 does not verify with the auto-login password:"
                        + " the file is damaged or tampered");
            }
            throw e;
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private static int readInt(byte[] b, int off) {
        return ((b[off] & 0xFF) << 24) | ((b[off + 1] & 0xFF) << 16) | ((b[off + 2] & 0xFF) << 8) | (b[off + 3] & 0xFF);
    }

    static String hex(byte[] b, int off, int len) {
        int n = Math.max(0, Math.min(len, b.length - off));
        return n == 0 ? "(nothing)" : HexFormat.ofDelimiter(" ").formatHex(b, off, off + n);
    }
}
