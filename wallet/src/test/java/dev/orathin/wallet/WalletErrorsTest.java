package dev.orathin.wallet;

import static dev.orathin.wallet.TestSupport.assertWalletError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Error codes and the header checks that need no generated fixture. */
class WalletErrorsTest {

    @Test
    void codesAreUniqueAndInTheWalletBand() {
        Set<Integer> seen = new HashSet<>();
        for (WalletErrorCode c : WalletErrorCode.values()) {
            assertTrue(c.number() >= 2000 && c.number() <= 2999, c + " " + c.number());
            assertTrue(seen.add(c.number()), "duplicate " + c.number());
            assertEquals(String.format("OTN-%04d", c.number()), c.code());
            assertTrue(!c.summary().isBlank());
        }
    }

    private static byte[] sso(String hexHeader) {
        byte[] h = HexFormat.of().parseHex(hexHeader);
        return Arrays.copyOf(h, h.length + 64);
    }

    @Test
    void autoLoginHeaderVariants() {
        assertWalletError(WalletErrorCode.LOCAL_AUTO_LOGIN,
                () -> Wallets.fromBytes(sso("a1f84e38000000070000006400000013"), null), "bound to the machine");
        assertWalletError(WalletErrorCode.UNSUPPORTED_FORMAT,
                () -> Wallets.fromBytes(sso("a1f84e36000000050000002106"), null), "header version 5");
        assertWalletError(WalletErrorCode.UNSUPPORTED_FORMAT,
                () -> Wallets.fromBytes(sso("a1f84e36000000060000004135"), null), "kind 0x35");
        assertWalletError(WalletErrorCode.UNSUPPORTED_FORMAT,
                () -> Wallets.fromBytes(sso("a1f84e39000000060000002106"), null), "flavour 0x39");
        assertWalletError(WalletErrorCode.CORRUPT,
                () -> Wallets.fromBytes(HexFormat.of().parseHex("a1f84e3600000006"), null), "truncated");
    }

    @Test
    void unrecognisedContentSaysWhatWasSeen() {
        assertWalletError(WalletErrorCode.UNRECOGNISED_FORMAT, () -> Wallets.fromBytes("hello".getBytes(), null),
                "68 65 6c 6c 6f");
        assertWalletError(WalletErrorCode.UNRECOGNISED_FORMAT, () -> Wallets.fromBytes(new byte[0], null), "0 bytes");
        assertWalletError(WalletErrorCode.UNSUPPORTED_FORMAT,
                () -> Wallets.fromBytes(HexFormat.of().parseHex("feedfeed0000000200000001"), null), "JKS");
        assertWalletError(WalletErrorCode.CORRUPT, () -> Wallets.fromText(
                "-----BEGIN CERTIFICATE-----\nMIIB", null), "no '-----END CERTIFICATE-----'");
        assertWalletError(WalletErrorCode.PASSWORD_REQUIRED, () -> Wallets.fromText(
                "-----BEGIN ENCRYPTED PRIVATE KEY-----\nMAA=\n-----END ENCRYPTED PRIVATE KEY-----", null),
                "no wallet password");
    }

    @Test
    void inMemoryWalletHasNoSecretsInText() {
        Wallet w = Wallet.of(null, java.util.List.of(), java.util.List.of());
        assertEquals(WalletFormat.IN_MEMORY, w.format());
        assertTrue(w.privateKey().isEmpty());
        assertWalletError(WalletErrorCode.EMPTY_TRUST, w::trustManagerFactory, "no");
        assertTrue(w.toString().contains("no private key"));
    }
}
