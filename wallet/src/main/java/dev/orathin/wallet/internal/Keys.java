package dev.orathin.wallet.internal;

import dev.orathin.wallet.WalletErrorCode;
import dev.orathin.wallet.WalletException;
import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/** Conversions between encoded keys/certificates and JDK objects, plus key/certificate matching. */
public final class Keys {

    private Keys() {
    }

    /**
     * A JDK private key from a PKCS#8 PrivateKeyInfo. RSA and EC only: those are what Oracle
     * wallets hold (wallets.md §5 trap 14) and what JSSE client authentication uses.
     */
    public static PrivateKey privateKey(PrivateKeyInfo info, String where) {
        ASN1ObjectIdentifier alg = info.getPrivateKeyAlgorithm().getAlgorithm();
        String jdkName;
        if (alg.equals(PKCSObjectIdentifiers.rsaEncryption) || alg.equals(PKCSObjectIdentifiers.id_RSASSA_PSS)) {
            jdkName = alg.equals(PKCSObjectIdentifiers.rsaEncryption) ? "RSA" : "RSASSA-PSS";
        } else if (alg.equals(X9ObjectIdentifiers.id_ecPublicKey)) {
            jdkName = "EC";
        } else {
            throw new WalletException(WalletErrorCode.UNSUPPORTED_FORMAT,
                    where + ": unsupported private key algorithm " + alg.getId() + " (RSA and EC are supported)");
        }
        try {
            return KeyFactory.getInstance(jdkName).generatePrivate(new PKCS8EncodedKeySpec(info.getEncoded()));
        } catch (GeneralSecurityException | java.io.IOException | RuntimeException e) {
            throw new WalletException(WalletErrorCode.CORRUPT,
                    where + ": " + jdkName + " private key is malformed (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** Parses one DER X.509 certificate; CORRUPT on failure. */
    public static X509Certificate certificate(byte[] der, String where) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException | RuntimeException e) {
            throw new WalletException(WalletErrorCode.CORRUPT, where + ": certificate is malformed ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    /** True when {@code pub} is the public half of {@code key} (compares RSA modulus / EC point). */
    public static boolean matches(PrivateKey key, PublicKey pub) {
        if (key instanceof RSAKey && pub instanceof RSAPublicKey) {
            RSAPublicKey rp = (RSAPublicKey) pub;
            if (!((RSAKey) key).getModulus().equals(rp.getModulus())) {
                return false;
            }
            return !(key instanceof RSAPrivateCrtKey)
                    || ((RSAPrivateCrtKey) key).getPublicExponent().equals(rp.getPublicExponent());
        }
        if (key instanceof ECPrivateKey && pub instanceof ECPublicKey) {
            // Sign and verify a fixed message: simpler and curve-independent compared with
            // recomputing the public point.
            try {
                byte[] msg = "orathin key match".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                Signature s = Signature.getInstance("SHA256withECDSA");
                s.initSign(key);
                s.update(msg);
                byte[] sig = s.sign();
                Signature v = Signature.getInstance("SHA256withECDSA");
                v.initVerify(pub);
                v.update(msg);
                return v.verify(sig);
            } catch (GeneralSecurityException | RuntimeException e) {
                return false;
            }
        }
        return false;
    }

    /** Key algorithm and size, e.g. {@code RSA 2048} or {@code EC 256}. */
    public static String typeAndSize(java.security.Key key) {
        return key.getAlgorithm() + " " + size(key);
    }

    /** Key size in bits (RSA modulus, EC field order), 0 when unknown. */
    public static int size(java.security.Key key) {
        if (key instanceof RSAKey) {
            return ((RSAKey) key).getModulus().bitLength();
        }
        if (key instanceof ECKey) {
            return ((ECKey) key).getParams().getOrder().bitLength();
        }
        return 0;
    }
}
