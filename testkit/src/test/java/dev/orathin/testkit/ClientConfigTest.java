package dev.orathin.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.pkcs.PKCS12PfxPdu;
import org.bouncycastle.pkcs.PKCS12SafeBag;
import org.bouncycastle.pkcs.PKCS12SafeBagFactory;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.jcajce.JcePKCS12MacCalculatorBuilderProvider;
import org.bouncycastle.pkcs.jcajce.JcePKCSPBEInputDecryptorProviderBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ADB-style client files the testkit writes are well-formed and hold the client key and CA. */
class ClientConfigTest {

    static final char[] PW = "Welcome1#Wallet".toCharArray();
    static final BouncyCastleProvider BC = new BouncyCastleProvider();

    @Test
    void writesAnAdbStyleConfigDirectory(@TempDir Path dir) throws Exception {
        try (OracleTestServer server = OracleTestServer.builder().tcps().service("demo_high", "demo_low").build().start()) {
            server.writeClientConfig(dir, PW);
            String tns = Files.readString(dir.resolve("tnsnames.ora"));
            assertTrue(tns.contains("demo_high = (description= (retry_count=20)(retry_delay=3)(address=(protocol=tcps)(port="
                    + server.port() + ")(host=localhost))(connect_data=(service_name=demo_high))(security=(ssl_server_dn_match=yes)))"), tns);
            assertTrue(tns.contains("demo_low = "));
            assertTrue(Files.readString(dir.resolve("sqlnet.ora")).contains("SSL_SERVER_DN_MATCH=yes"));
            assertTrue(Files.readString(dir.resolve("ojdbc.properties")).contains("oracle.net.wallet_location="));

            TestPki pki = server.pki();
            // ewallet.pem: encrypted PKCS#8 (PBE-SHA1-3DES, which JDK 17 decrypts for ojdbc's PEMKeyStore), client certificate, CA
            try (PEMParser pem = new PEMParser(new StringReader(Files.readString(dir.resolve("ewallet.pem"))))) {
                PKCS8EncryptedPrivateKeyInfo enc = (PKCS8EncryptedPrivateKeyInfo) pem.readObject();
                assertEquals("1.2.840.113549.1.12.1.3", enc.getEncryptionAlgorithm().getAlgorithm().getId(), "pbeWithSHAAnd3-KeyTripleDES-CBC");
                javax.crypto.EncryptedPrivateKeyInfo jdk = new javax.crypto.EncryptedPrivateKeyInfo(enc.getEncoded());
                // what ojdbc's PEMKeyStore does: a SecretKeyFactory named by getAlgName
                javax.crypto.SecretKey k = javax.crypto.SecretKeyFactory.getInstance(jdk.getAlgName())
                        .generateSecret(new javax.crypto.spec.PBEKeySpec(PW));
                assertEquals("RSA", jdk.getKeySpec(k).getAlgorithm());
                PrivateKeyInfo info = enc.decryptPrivateKeyInfo(new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(BC).build(PW));
                assertSignsFor(new JcaPEMKeyConverter().getPrivateKey(info), pki.client().certificate());
                assertEquals(pki.client().certificate(), cert(pem.readObject()));
                assertEquals(pki.ca().certificate(), cert(pem.readObject()));
            }
            // ewallet.p12: MAC verifies with the wallet password; key bag + CA + user certificate (Oracle's profile)
            assertP12(Files.readAllBytes(dir.resolve("ewallet.p12")), PW, pki);
            // cwallet.sso: header, then the obfuscated password opens the PKCS#12 that follows
            byte[] sso = Files.readAllBytes(dir.resolve("cwallet.sso"));
            assertArrayEquals(new byte[] {(byte) 0xA1, (byte) 0xF8, 0x4E, 0x36, 0, 0, 0, 6, 0, 0, 0, 33, 6}, Arrays.copyOf(sso, 13));
            Cipher aes = Cipher.getInstance("AES/CBC/NoPadding");
            aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(sso, 13, 16, "AES"),
                    new IvParameterSpec(new byte[] {(byte) 0xc0, 0x34, (byte) 0xd8, 0x31, 0x1c, 0x02, (byte) 0xce, (byte) 0xf8, 0x51,
                        (byte) 0xf0, 0x14, 0x4b, (byte) 0x81, (byte) 0xed, 0x4b, (byte) 0xf2}));
            byte[] secret = aes.doFinal(sso, 29, 16);
            char[] derived = new char[16];
            for (int i = 0; i < 16; i++) {
                assertTrue(secret[i] >= 1 && secret[i] <= 0x7F, "derived password characters are 0x01..0x7F");
                derived[i] = (char) secret[i];
            }
            assertP12(Arrays.copyOfRange(sso, 45, sso.length), derived, pki);
            // JKS stores
            KeyStore ks = KeyStore.getInstance("JKS");
            ks.load(Files.newInputStream(dir.resolve("keystore.jks")), PW);
            assertEquals(pki.client().certificate(), ks.getCertificate("orakey"));
            KeyStore ts = KeyStore.getInstance("JKS");
            ts.load(Files.newInputStream(dir.resolve("truststore.jks")), PW);
            assertEquals(pki.ca().certificate(), ts.getCertificate(ts.aliases().nextElement()));

            // wallet.zip holds the same set of files
            Set<String> names = new HashSet<>();
            try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(server.walletZip(PW)))) {
                for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                    names.add(e.getName());
                }
            }
            try (var files = Files.list(dir)) {
                assertEquals(files.map(p -> p.getFileName().toString()).collect(java.util.stream.Collectors.toSet()), names);
            }
        }
    }

    private static void assertP12(byte[] der, char[] password, TestPki pki) throws Exception {
        PKCS12PfxPdu pfx = new PKCS12PfxPdu(der);
        assertTrue(pfx.isMacValid(new JcePKCS12MacCalculatorBuilderProvider().setProvider(BC), password), "PKCS#12 MAC");
        assertEquals(1, pfx.getContentInfos().length, "Oracle profile: one encrypted safe");
        PKCS12SafeBagFactory f = new PKCS12SafeBagFactory(pfx.getContentInfos()[0],
                new JcePKCSPBEInputDecryptorProviderBuilder().setProvider(BC).build(password));
        PKCS12SafeBag[] bags = f.getSafeBags();
        assertEquals(3, bags.length);
        PrivateKeyInfo key = (PrivateKeyInfo) bags[0].getBagValue();
        assertSignsFor(new JcaPEMKeyConverter().getPrivateKey(key), pki.client().certificate());
        assertEquals(pki.ca().certificate(), cert(bags[1].getBagValue()));
        assertEquals(pki.client().certificate(), cert(bags[2].getBagValue()));
    }

    private static X509Certificate cert(Object holder) throws Exception {
        return new org.bouncycastle.cert.jcajce.JcaX509CertificateConverter()
                .getCertificate((org.bouncycastle.cert.X509CertificateHolder) holder);
    }

    private static void assertSignsFor(PrivateKey key, X509Certificate cert) throws Exception {
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initSign(key);
        s.update(new byte[] {1, 2, 3});
        byte[] sig = s.sign();
        s.initVerify(cert);
        s.update(new byte[] {1, 2, 3});
        assertTrue(s.verify(sig), "the key matches the certificate");
    }
}
