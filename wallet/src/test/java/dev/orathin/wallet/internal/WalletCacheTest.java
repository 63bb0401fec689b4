package dev.orathin.wallet.internal;

import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.orathin.errors.OrathinException;
import dev.orathin.testkit.OracleTestServer;
import dev.orathin.wallet.Wallet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The wallet cache answers only for unchanged files and the same password. */
class WalletCacheTest {

    @Test
    void reusedWhileUnchangedReloadedWhenTheFileChangesAndPasswordsStillChecked(@TempDir Path dir) throws Exception {
        WalletCache.clear();
        try (OracleTestServer server = OracleTestServer.builder().tcps().service("s").build().start()) {
            server.writeClientConfig(dir, "Welcome1#Wallet".toCharArray());
        }
        Path pem = dir.resolve("ewallet.pem");
        Wallet first = WalletCache.load(pem, "Welcome1#Wallet".toCharArray());
        assertSame(first, WalletCache.load(pem, "Welcome1#Wallet".toCharArray()), "same file, same password: cached");
        assertThrows(OrathinException.class, () -> WalletCache.load(pem, "wrong".toCharArray()), "a wrong password is never answered from the cache");
        Files.setLastModifiedTime(pem, FileTime.from(Instant.now().plusSeconds(60)));
        assertNotSame(first, WalletCache.load(pem, "Welcome1#Wallet".toCharArray()), "a changed file is read again");
        Wallet d = WalletCache.load(dir, "Welcome1#Wallet".toCharArray());
        assertSame(d, WalletCache.load(dir, "Welcome1#Wallet".toCharArray()));
    }
}
