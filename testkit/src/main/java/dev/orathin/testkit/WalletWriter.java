package dev.orathin.testkit;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.operator.OperatorCreationException;

/**
 * {@code ewallet.pem} in the form ojdbc11 reads: its {@code PEMKeyStore} decrypts the key with
 * {@code SecretKeyFactory.getInstance(EncryptedPrivateKeyInfo.getAlgName())}; on JDK 17 that name
 * is "PBES2" for a PBES2 key, which no provider has (ORA-17971 "Unable to parse the given PEM
 * file"). PBES1 pbeWithSHAAnd3-KeyTripleDES-CBC is named "PBEWithSHA1AndDESede", which SunJCE has.
 * orathin's wallet module, python-oracledb and node-oracledb read it as well (WalletFormsIT).
 *
 * <p>{@code ewallet.p12} stays in Oracle's profile ({@link ClientConfig}): ojdbc11 opens a
 * password-protected ewallet.p12 with the JDK's {@code PKCS12} KeyStore, which ignores unshrouded
 * key bags and trusted certificates without the trusted-key-usage attribute — it fails the same
 * way with a wallet orapki wrote — while a JDK-readable file (shrouded key bag) is one orapki and
 * mkstore can no longer modify ("Private key or password is null"), which breaks adding a stored
 * credential to the downloaded wallet (WalletCredentialIT).
 */
final class WalletWriter {

    private static final BouncyCastleProvider BC = new BouncyCastleProvider();
    private static final int ITERATIONS = 10_000;

    private WalletWriter() {
    }

    /** ewallet.pem: the client key (PKCS#8, PBE-SHA1-3DES), then the client certificate, then the CA. */
    static byte[] pem(TestPki pki, char[] password) {
        try {
            JceOpenSSLPKCS8EncryptorBuilder eb = new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.PBE_SHA1_3DES);
            eb.setProvider(BC);
            eb.setIterationCount(ITERATIONS);
            eb.setPassword(password);
            StringWriter out = new StringWriter();
            try (JcaPEMWriter w = new JcaPEMWriter(out)) {
                w.writeObject(new JcaPKCS8Generator(pki.client().privateKey(), eb.build()));
                for (X509Certificate c : pki.client().chain()) {
                    w.writeObject(c);
                }
            }
            return out.toString().getBytes(StandardCharsets.US_ASCII);
        } catch (IOException | OperatorCreationException e) {
            throw new IllegalStateException("cannot write ewallet.pem", e);
        }
    }

}
