package dev.orathin.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.asn1.DERBMPString;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.OutputEncryptor;
import org.bouncycastle.pkcs.PKCS12PfxPduBuilder;
import org.bouncycastle.pkcs.PKCS12SafeBag;
import org.bouncycastle.pkcs.PKCS12SafeBagBuilder;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.jcajce.JcaPKCS12SafeBagBuilder;
import org.bouncycastle.pkcs.jcajce.JcePKCS12MacCalculatorBuilder;
import org.bouncycastle.pkcs.jcajce.JcePKCSPBEOutputEncryptorBuilder;

/**
 * Writes the client side of a test deployment the way an ADB "Download client credentials" zip
 * looks (wallets.md §1): tnsnames.ora, sqlnet.ora, ewallet.pem, ewallet.p12, cwallet.sso,
 * keystore.jks, truststore.jks, ojdbc.properties and README — all holding the same client key.
 *
 * <p>The wallet encoders here are the testkit's own (BouncyCastle), independent of the client's
 * wallet readers, so reading them back in the wallet module is a real cross-check.
 */
final class ClientConfig {

    private static final BouncyCastleProvider BC = new BouncyCastleProvider();

    /** Fixed IV of the cwallet.sso AES variant (wallets.md §3.1). */
    private static final byte[] SSO_IV = hex("c034d8311c02cef851f0144b81ed4bf2");

    private ClientConfig() {
    }

    /** ADB-style descriptor for one service of the server (retry_count 20, retry_delay 3, DN match on TCPS). */
    static String descriptor(OracleTestServer server, String service) {
        if (server.isTcps()) {
            return "(description= (retry_count=20)(retry_delay=3)(address=(protocol=tcps)(port=" + server.port() + ")(host="
                    + server.host() + "))(connect_data=(service_name=" + service + "))(security=(ssl_server_dn_match=yes)))";
        }
        return "(description=(address=(protocol=tcp)(port=" + server.port() + ")(host=" + server.host()
                + "))(connect_data=(service_name=" + service + ")))";
    }

    static Path write(OracleTestServer server, Path dir, char[] password) {
        try {
            PrivateFiles.directory(dir);
            for (Map.Entry<String, byte[]> e : files(server, password).entrySet()) {
                PrivateFiles.write(dir.resolve(e.getKey()), e.getValue()); // 0600: wallets and auto-login keys
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write testkit client config to " + dir, e);
        }
    }

    static byte[] zip(OracleTestServer server, char[] password) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
                for (Map.Entry<String, byte[]> e : files(server, password).entrySet()) {
                    zip.putNextEntry(new ZipEntry(e.getKey()));
                    zip.write(e.getValue());
                    zip.closeEntry();
                }
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build wallet.zip", e);
        }
    }

    private static Map<String, byte[]> files(OracleTestServer server, char[] password) {
        TestPki pki = server.pki();
        Map<String, byte[]> f = new LinkedHashMap<>();
        StringBuilder tns = new StringBuilder();
        for (String s : server.services()) {
            tns.append(s).append(" = ").append(descriptor(server, s)).append("\n\n");
        }
        f.put("tnsnames.ora", ascii(tns.toString()));
        f.put("sqlnet.ora", ascii("WALLET_LOCATION = (SOURCE = (METHOD = file) (METHOD_DATA = (DIRECTORY=\"?/network/admin\")))\n"
                + "SSL_SERVER_DN_MATCH=yes\n"));
        f.put("ewallet.pem", WalletWriter.pem(pki, password)); // the key form ojdbc's PEM reader takes: see WalletWriter
        f.put("ewallet.p12", pkcs12(pki, password));
        f.put("cwallet.sso", sso(pki));
        f.put("keystore.jks", jks(pki, password, true));
        f.put("truststore.jks", jks(pki, password, false));
        f.put("ojdbc.properties", ascii("# Connection property while using Oracle wallets.\n"
                + "oracle.net.wallet_location=(SOURCE=(METHOD=FILE)(METHOD_DATA=(DIRECTORY=${TNS_ADMIN})))\n"
                + "# FOLLOW THESE STEPS FOR USING JKS\n"
                + "# (1) Uncomment the following properties to use JKS.\n"
                + "# (2) Comment out the oracle.net.wallet_location property above\n"
                + "# (3) Set the correct password for both trustStorePassword and keyStorePassword.\n"
                + "#javax.net.ssl.trustStore=${TNS_ADMIN}/truststore.jks\n"
                + "#javax.net.ssl.trustStorePassword=<password_from_console>\n"
                + "#javax.net.ssl.keyStore=${TNS_ADMIN}/keystore.jks\n"
                + "#javax.net.ssl.keyStorePassword=<password_from_console>\n"));
        f.put("README", ascii("Wallet generated by the orathin testkit on " + LocalDate.now() + ".\n"
                + "Client certificate expires on " + pki.client().certificate().getNotAfter() + ".\n"
                + "Not for production use.\n"));
        return f;
    }

    /**
     * ewallet.p12 (and the PKCS#12 inside cwallet.sso) in Oracle's profile (wallets.md §2): one
     * PBES2/AES-256 encrypted safe holding an unshrouded keyBag {@code orakey}, the trusted CA certBag
     * and the user certBag; SHA-1 MAC — what orapki writes and can modify (see {@link WalletWriter}
     * for why ojdbc11 cannot use it with a password).
     */
    static byte[] pkcs12(TestPki pki, char[] password) {
        try {
            X509Certificate user = pki.client().certificate();
            byte[] keyId = localKeyId(1, 1, 1);
            PKCS12SafeBagBuilder key = new PKCS12SafeBagBuilder(PrivateKeyInfo.getInstance(pki.client().privateKey().getEncoded()));
            key.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_friendlyName, new DERBMPString("orakey"));
            key.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_localKeyId, new DEROctetString(keyId));
            List<PKCS12SafeBag> bags = new ArrayList<>();
            bags.add(key.build());
            int i = 1;
            for (X509Certificate c : pki.client().chain().subList(1, pki.client().chain().size())) {
                JcaPKCS12SafeBagBuilder trusted = new JcaPKCS12SafeBagBuilder(c);
                trusted.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_localKeyId, new DEROctetString(localKeyId(3, i++, 4)));
                bags.add(trusted.build());
            }
            JcaPKCS12SafeBagBuilder userBag = new JcaPKCS12SafeBagBuilder(user);
            userBag.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_friendlyName, new DERBMPString("orakey"));
            userBag.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_localKeyId, new DEROctetString(keyId));
            bags.add(userBag.build());
            OutputEncryptor enc = new JcePKCSPBEOutputEncryptorBuilder(NISTObjectIdentifiers.id_aes256_CBC)
                    .setProvider(BC)
                    .setPRF(new AlgorithmIdentifier(PKCSObjectIdentifiers.id_hmacWithSHA256, DERNull.INSTANCE))
                    .setIterationCount(10_000)
                    .build(password);
            PKCS12PfxPduBuilder pfx = new PKCS12PfxPduBuilder();
            pfx.addEncryptedData(enc, bags.toArray(new PKCS12SafeBag[0]));
            return pfx.build(new JcePKCS12MacCalculatorBuilder(OIWObjectIdentifiers.idSHA1).setProvider(BC).setIterationCount(10_000),
                    password).getEncoded();
        } catch (IOException | OperatorCreationException | PKCSException e) {
            throw new IllegalStateException("cannot write ewallet.p12", e);
        }
    }

    /**
     * cwallet.sso, flavour '6' / header version 6 / AES kind (wallets.md §3.1): a random AES-128
     * key in clear, the obfuscated 16-character password (characters 0x01..0x7F) encrypted with it
     * under the fixed IV, then a PKCS#12 of the same wallet under that password.
     */
    static byte[] sso(TestPki pki) {
        try {
            SecureRandom random = new SecureRandom();
            byte[] aesKey = new byte[16];
            random.nextBytes(aesKey);
            byte[] secret = new byte[16];
            char[] password = new char[16];
            for (int i = 0; i < 16; i++) {
                secret[i] = (byte) (1 + random.nextInt(0x7F));
                password[i] = (char) secret[i];
            }
            Cipher c = Cipher.getInstance("AES/CBC/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(aesKey, "AES"), new IvParameterSpec(SSO_IV));
            byte[] encrypted = c.doFinal(secret);
            byte[] p12 = pkcs12(pki, password);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(new byte[] {(byte) 0xA1, (byte) 0xF8, 0x4E, 0x36}); // magic + flavour '6'
            out.write(new byte[] {0, 0, 0, 6}); // header version 6
            out.write(new byte[] {0, 0, 0, 33}); // header body size: kind + key + ciphertext
            out.write(0x06); // password kind: AES
            out.write(aesKey);
            out.write(encrypted);
            out.write(p12);
            return out.toByteArray();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot write cwallet.sso", e);
        }
    }

    /** keystore.jks (PrivateKeyEntry {@code orakey}) or truststore.jks (the CA chain). */
    static byte[] jks(TestPki pki, char[] password, boolean withKey) {
        try {
            KeyStore ks = KeyStore.getInstance("JKS");
            ks.load(null, null);
            List<X509Certificate> chain = pki.client().chain();
            if (withKey) {
                ks.setKeyEntry("orakey", pki.client().privateKey(), password, chain.toArray(new X509Certificate[0]));
            } else {
                for (int i = 1; i < chain.size(); i++) {
                    ks.setCertificateEntry("trusted" + i, chain.get(i));
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ks.store(out, password);
            return out.toByteArray();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot write " + (withKey ? "keystore" : "truststore") + ".jks", e);
        }
    }

    /** Oracle-style 24-byte localKeyId (wallets.md §2.3): E6B652DD 4 0 type index link. */
    static byte[] localKeyId(int type, int index, int link) {
        int[] words = {0xE6B652DD, 4, 0, type, index, link};
        byte[] b = new byte[24];
        for (int i = 0; i < 6; i++) {
            b[4 * i] = (byte) (words[i] >>> 24);
            b[4 * i + 1] = (byte) (words[i] >>> 16);
            b[4 * i + 2] = (byte) (words[i] >>> 8);
            b[4 * i + 3] = (byte) words[i];
        }
        return b;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] hex(String s) {
        byte[] b = new byte[s.length() / 2];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) Integer.parseInt(s.substring(2 * i, 2 * i + 2), 16);
        }
        return b;
    }
}
