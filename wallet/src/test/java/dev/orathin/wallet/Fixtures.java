package dev.orathin.wallet;

import static dev.orathin.wallet.OraclePki.orapki;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Builds Oracle wallets with orapki at test time (wallets.md §7). Independent chains of orapki
 * runs go in parallel (two threads: the machine is shared) to keep the module's test time low.
 */
final class Fixtures {

    static final String PW = "Welcome1#orathin";
    static final String NON_ASCII_PW = "päss wörd1 ÄÖÜ€";
    static final String CA_DN = "CN=Test Root CA,O=Example,C=US";
    static final String CLIENT_DN = "CN=client,O=Example,C=US";
    static final String SERVER_DN = "CN=localhost,O=Example,C=US";

    final Path root;

    Fixtures(Path root) {
        this.root = root;
    }

    Path dir(String name) {
        return root.resolve(name);
    }

    /** A wallet with one self-signed key, made with {@code extra} options to {@code wallet add}. */
    private void selfSigned(String wallet, String pwd, List<String> createOpts, String dn, String... addOpts) {
        List<String> create = new ArrayList<>(List.of("wallet", "create", "-wallet", wallet, "-pwd", pwd));
        create.addAll(createOpts);
        orapki(root, create.toArray(new String[0]));
        List<String> add = new ArrayList<>(List.of("wallet", "add", "-wallet", wallet, "-dn", dn, "-self_signed",
                "-validity", "365", "-pwd", pwd));
        add.addAll(List.of(addOpts));
        orapki(root, add.toArray(new String[0]));
    }

    /** A wallet whose key is certified by the test CA, with the CA as trusted certificate. */
    private void issued(String wallet, String dn, int serial) {
        orapki(root, "wallet", "create", "-wallet", wallet, "-pwd", PW, "-auto_login");
        orapki(root, "wallet", "add", "-wallet", wallet, "-dn", dn, "-keysize", "2048", "-sign_alg", "sha256", "-pwd", PW);
        orapki(root, "wallet", "export", "-wallet", wallet, "-dn", dn, "-request", wallet + ".csr", "-pwd", PW);
        caReady();
        orapki(root, "cert", "create", "-wallet", "ca", "-request", wallet + ".csr", "-cert", wallet + ".crt",
                "-validity", "365", "-serial_num", Integer.toString(serial), "-sign_alg", "sha256", "-pwd", PW);
        orapki(root, "wallet", "add", "-wallet", wallet, "-trusted_cert", "-cert", "root_ca.crt", "-pwd", PW);
        orapki(root, "wallet", "add", "-wallet", wallet, "-user_cert", "-cert", wallet + ".crt", "-pwd", PW);
        orapki(root, "wallet", "export_private_key", "-wallet", wallet, "-pwd", PW, "-alias", "orakey",
                "-pvtkeyfile", wallet + "-key.pem", "-pvtkeypwd", PW);
        // ADB layout: encrypted key, leaf, CA; orapki writes no trailing newline (wallets.md §4.1, §4.3).
        try {
            String pem = Files.readString(root.resolve(wallet + "-key.pem")) + "\n"
                    + Files.readString(root.resolve(wallet + ".crt")) + "\n" + Files.readString(root.resolve("root_ca.crt"));
            Files.writeString(dir(wallet).resolve("ewallet.pem"), pem);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private final java.util.concurrent.CountDownLatch ca = new java.util.concurrent.CountDownLatch(1);

    private void caReady() {
        try {
            if (!ca.await(OraclePki.TIMEOUT_SECONDS * 3, TimeUnit.SECONDS)) {
                throw new IllegalStateException("CA fixture not ready");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Generates the full set; about 40 orapki runs. */
    Fixtures generateAll() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<?>> jobs = new ArrayList<>();
        jobs.add(pool.submit(() -> {
            orapki(root, "wallet", "create", "-wallet", "ca", "-pwd", PW);
            orapki(root, "wallet", "add", "-wallet", "ca", "-dn", CA_DN, "-keysize", "2048", "-self_signed",
                    "-validity", "3650", "-addext_basic_cons", "CA", "-addext_ku", "keyCertSign,cRLSign",
                    "-addext_ski", "-sign_alg", "sha256", "-pwd", PW);
            orapki(root, "wallet", "export", "-wallet", "ca", "-dn", CA_DN, "-cert", "root_ca.crt", "-pwd", PW);
            ca.countDown();
            orapki(root, "wallet", "create", "-wallet", "trustonly", "-pwd", PW, "-auto_login");
            orapki(root, "wallet", "add", "-wallet", "trustonly", "-trusted_cert", "-cert", "root_ca.crt", "-pwd", PW);
            issued("server", SERVER_DN, 200);
            return null;
        }));
        jobs.add(pool.submit(() -> {
            issued("client", CLIENT_DN, 100);
            orapki(root, "secretstore", "create_credential", "-wallet", "client", "-pwd", PW, "-connect_string",
                    "mydb_high", "-username", "scott", "-password", "tiger#Secret1");
            // Flavour '7' (auto_login_only): cwallet.sso without an ewallet.p12 (wallets.md §3.3).
            orapki(root, "wallet", "create", "-wallet", "alo", "-auto_login_only");
            orapki(root, "wallet", "import_pkcs12", "-wallet", "alo", "-auto_login_only", "-pkcs12file",
                    "client/ewallet.p12", "-pkcs12pwd", PW);
            return null;
        }));
        jobs.add(pool.submit(() -> {
            selfSigned("ec256", PW, List.of("-auto_login"), "CN=ec256", "-asym_alg", "ECC", "-eccurve", "p256",
                    "-sign_alg", "ecdsasha256");
            selfSigned("ec384", PW, List.of("-auto_login"), "CN=ec384", "-asym_alg", "ECC", "-eccurve", "p384",
                    "-sign_alg", "ecdsasha384");
            selfSigned("rsa4096", PW, List.of("-auto_login"), "CN=rsa4096", "-keysize", "4096", "-sign_alg", "sha256");
            return null;
        }));
        jobs.add(pool.submit(() -> {
            selfSigned("multi", PW, List.of("-auto_login"), "CN=first", "-keysize", "2048");
            orapki(root, "wallet", "add", "-wallet", "multi", "-dn", "CN=second", "-self_signed", "-validity", "365",
                    "-keysize", "2048", "-pwd", PW);
            selfSigned("compat", PW, List.of("-auto_login", "-compat_v12"), "CN=compat", "-keysize", "2048");
            selfSigned("local", PW, List.of("-auto_login_local"), "CN=local", "-keysize", "2048");
            selfSigned("nonascii", NON_ASCII_PW, List.of("-auto_login"), "CN=nonascii", "-keysize", "2048");
            return null;
        }));
        pool.shutdown();
        for (Future<?> f : jobs) {
            f.get(10, TimeUnit.MINUTES);
        }
        for (String w : List.of("ca", "client", "server", "trustonly", "ec256", "ec384", "rsa4096", "multi", "compat",
                "local", "nonascii", "alo")) {
            try (var s = Files.list(dir(w))) {
                for (Path p : s.filter(p -> p.toString().endsWith(".lck")).toList()) {
                    Files.delete(p);
                }
            }
        }
        return this;
    }

    /** An ADB-style wallet.zip made from the client wallet. */
    byte[] adbZip() throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bos)) {
            for (String f : List.of("cwallet.sso", "ewallet.p12", "ewallet.pem")) {
                z.putNextEntry(new ZipEntry(f));
                z.write(Files.readAllBytes(dir("client").resolve(f)));
                z.closeEntry();
            }
            z.putNextEntry(new ZipEntry("tnsnames.ora"));
            z.write(("mydb_high = (description=(address=(protocol=tcps)(port=1522)(host=adb.example.com))"
                    + "(connect_data=(service_name=x_high.adb.oraclecloud.com))(security=(ssl_server_dn_match=yes)))\n")
                    .getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
            z.putNextEntry(new ZipEntry("sqlnet.ora"));
            z.write("WALLET_LOCATION = (SOURCE = (METHOD = file) (METHOD_DATA = (DIRECTORY=\"?/network/admin\")))\n"
                    .getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
            z.putNextEntry(new ZipEntry("README"));
            z.write("test wallet\n".getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
        return bos.toByteArray();
    }
}
