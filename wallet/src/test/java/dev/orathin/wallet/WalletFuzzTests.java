package dev.orathin.wallet;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.orathin.testkit.Mutations;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Coverage-guided fuzz targets for every wallet reader (Jazzer). The only allowed failure is a
 * {@link WalletException}; anything else (another exception, an Error, a hang) is a finding.
 *
 * <p>Every build runs the targets in regression mode (the checked-in seeds and findings under
 * {@code src/test/resources/dev/orathin/wallet/WalletFuzzTestsInputs/<target>/}) and
 * {@link #ciRun()} feeds each target a few thousand seeded mutations. The long coverage-guided run
 * is one target per JVM:
 * {@code JAZZER_FUZZ=1 mvn -B -pl wallet -am test -Dsurefire.failIfNoSpecifiedTests=false -Dtest=WalletFuzzTests#pkcs12};
 * a finding is written next to the seeds and stays a regression test once committed.
 */
class WalletFuzzTests {

    /** Inputs per target in the CI run (about 25 s for the four targets on a busy 2-core machine: PKCS#12 key derivation dominates). */
    static final int CI_INPUTS = 2_000;
    static final char[] PW = "fuzzFuzz#1".toCharArray();

    /** Any wallet bytes, with and without a password: format detection, then the reader. */
    static void checkWallet(byte[] data) {
        for (char[] pw : new char[][] {PW, null}) {
            try {
                Wallets.fromBytes(data, pw);
            } catch (WalletException expected) {
                // the typed failure
            }
        }
    }

    /** A wallet.zip: entry limits, duplicates, then the wallet inside. */
    static void checkZip(byte[] data) {
        try {
            WalletZip.read(data, PW);
        } catch (WalletException expected) {
            // the typed failure
        }
    }

    @FuzzTest(maxDuration = "5m", maxExecutions = 1_000_000)
    void pem(byte[] data) {
        checkWallet(data);
    }

    @FuzzTest(maxDuration = "5m", maxExecutions = 1_000_000)
    void pkcs12(byte[] data) {
        checkWallet(data);
    }

    @FuzzTest(maxDuration = "5m", maxExecutions = 1_000_000)
    void sso(byte[] data) {
        checkWallet(data);
    }

    @FuzzTest(maxDuration = "5m", maxExecutions = 1_000_000)
    void zip(byte[] data) {
        checkZip(data);
    }

    @Test
    void ciRun() {
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            for (String target : new String[] {"pem", "pkcs12", "sso"}) {
                for (byte[] input : Mutations.of(Mutations.seeds(WalletFuzzTests.class, target), CI_INPUTS, target.hashCode())) {
                    checkWallet(input);
                }
            }
            for (byte[] input : Mutations.of(Mutations.seeds(WalletFuzzTests.class, "zip"), CI_INPUTS, 22)) {
                checkZip(input);
            }
        });
    }
}
