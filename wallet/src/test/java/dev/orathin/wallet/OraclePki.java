package dev.orathin.wallet;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs Oracle's orapki ({@code oracle.security.pki.textui.OraclePKITextUI} from the test-scope
 * oraclepki jar) as a black box in a separate JVM, to produce fixtures (wallets.md §7). Also runs
 * other command-line tools (openssl, keytool) with the same bounded process handling.
 */
final class OraclePki {

    /** Bound on one orapki run; RSA 4096 key generation on a busy machine is the slowest step. */
    static final long TIMEOUT_SECONDS = 120;

    private OraclePki() {
    }

    static String jar() {
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (e.contains("oraclepki")) {
                return e;
            }
        }
        throw new IllegalStateException("oraclepki jar not on the test class path");
    }

    /** Runs orapki with {@code args} (plus -nologo) in {@code dir}; returns its output, fails on a non-zero exit. */
    static String orapki(Path dir, String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Dfile.encoding=UTF-8", "-Dsun.jnu.encoding=UTF-8",
                "-cp", jar(), "oracle.security.pki.textui.OraclePKITextUI"));
        cmd.addAll(List.of(args));
        cmd.add("-nologo");
        return run(dir, cmd);
    }

    /** Runs a command in {@code dir} with a bounded wait; returns stdout+stderr; fails on a non-zero exit. */
    static String run(Path dir, List<String> cmd) {
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
            pb.environment().put("LC_ALL", "C.UTF-8");
            pb.environment().put("LANG", "C.UTF-8");
            Path out = Files.createTempFile(dir, "out", ".txt");
            pb.redirectOutput(out.toFile());
            Process p = pb.start();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("timed out after " + TIMEOUT_SECONDS + " s: " + cmd);
            }
            String text = Files.readString(out, StandardCharsets.UTF_8);
            Files.delete(out);
            if (p.exitValue() != 0 || text.contains("PKI-0")) {
                throw new IllegalStateException("exit " + p.exitValue() + " from " + cmd + ":\n" + text);
            }
            return text;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + cmd.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** True when {@code tool} can be started (for Assumptions). */
    static boolean available(String tool) {
        try {
            Process p = new ProcessBuilder(tool, "-help").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
            return true;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** SHA-256 digests orapki reports under "User Certificates:" and "Trusted Certificates:". */
    record Display(List<String> user, List<String> trusted) {
    }

    static Display display(Path dir, String wallet, String pwd) {
        List<String> args = new ArrayList<>(List.of("wallet", "display", "-wallet", wallet, "-complete"));
        if (pwd != null) {
            args.add("-pwd");
            args.add(pwd);
        }
        String text = orapki(dir, args.toArray(new String[0]));
        List<String> user = new ArrayList<>();
        List<String> trusted = new ArrayList<>();
        List<String> current = null;
        for (String line : text.split("\n")) {
            if (line.startsWith("User Certificates:")) {
                current = user;
            } else if (line.startsWith("Trusted Certificates:")) {
                current = trusted;
            } else if (line.startsWith("Requested Certificates:")) {
                current = null;
            } else if (line.startsWith("SHA-256 digest:") && current != null) {
                current.add(line.substring("SHA-256 digest:".length()).strip());
            }
        }
        return new Display(user, trusted);
    }
}
