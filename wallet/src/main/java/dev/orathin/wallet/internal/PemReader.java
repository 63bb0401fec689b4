package dev.orathin.wallet.internal;

import dev.orathin.wallet.WalletErrorCode;
import dev.orathin.wallet.WalletException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.pkcs.EncryptedPrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.RSAPrivateKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/**
 * Reads PEM bundles ({@code ewallet.pem}, {@code cwallet.pem}, openssl exports).
 *
 * <p>Scans for {@code -----BEGIN}/{@code -----END} anywhere rather than line by line, because
 * orapki writes files without a trailing newline and concatenations glue blocks onto one line
 * (wallets.md §4.3). Text between blocks ("Bag Attributes" from openssl) is ignored.
 */
public final class PemReader {

    /** One PEM block: its label, header lines and decoded body. */
    public record Block(String label, boolean procTypeEncrypted, byte[] der, int line) {
    }

    private PemReader() {
    }

    /** True when the text contains at least one PEM BEGIN marker. */
    public static boolean looksLikePem(String text) {
        return text.contains("-----BEGIN ");
    }

    /** True when the bundle holds an encrypted private key (so a password is needed). */
    public static boolean hasEncryptedKey(String text) {
        return text.contains("-----BEGIN ENCRYPTED PRIVATE KEY-----") || text.contains("Proc-Type: 4,ENCRYPTED");
    }

    /** Splits text into blocks; CORRUPT for an unterminated block or bad Base64. */
    public static List<Block> blocks(String text, String where) {
        List<Block> out = new ArrayList<>();
        int pos = 0;
        int line = 1;
        int counted = 0;
        while (true) {
            int begin = text.indexOf("-----BEGIN ", pos);
            if (begin < 0) {
                return out;
            }
            for (; counted < begin; counted++) {
                if (text.charAt(counted) == '\n') {
                    line++;
                }
            }
            int labelEnd = text.indexOf("-----", begin + 11);
            if (labelEnd < 0) {
                throw Pbe.corrupt(where + ":" + line, "PEM BEGIN marker is not closed by '-----'");
            }
            String label = text.substring(begin + 11, labelEnd);
            String endMarker = "-----END " + label + "-----";
            int end = text.indexOf(endMarker, labelEnd + 5);
            if (end < 0) {
                throw Pbe.corrupt(where + ":" + line, "PEM block '" + label + "' has no '" + endMarker
                        + "' (file truncated?)");
            }
            String body = text.substring(labelEnd + 5, end);
            boolean encrypted = body.contains("Proc-Type: 4,ENCRYPTED");
            StringBuilder b64 = new StringBuilder();
            for (String l : body.split("\r?\n|\r")) {
                if (!l.contains(":")) {
                    b64.append(l.strip());
                }
            }
            byte[] der;
            try {
                der = Base64.getDecoder().decode(b64.toString());
            } catch (IllegalArgumentException e) {
                throw Pbe.corrupt(where + ":" + line, "PEM block '" + label + "' is not valid Base64");
            }
            out.add(new Block(label, encrypted, der, line));
            pos = end + endMarker.length();
        }
    }

    /**
     * Reads keys and certificates.
     *
     * @param password used for encrypted keys; {@code null} gives PASSWORD_REQUIRED if one is met
     */
    public static ParsedWallet read(String text, char[] password, String where) {
        ParsedWallet out = new ParsedWallet();
        List<Block> blocks = blocks(text, where);
        if (blocks.isEmpty()) {
            throw new WalletException(WalletErrorCode.UNRECOGNISED_FORMAT,
                    where + ": expected PEM blocks (-----BEGIN ...-----), found none");
        }
        for (Block b : blocks) {
            String at = where + ":" + b.line() + " (" + b.label() + ")";
            switch (b.label()) {
                case "ENCRYPTED PRIVATE KEY":
                    out.keys.add(new ParsedWallet.Key(decryptKey(b.der(), password, at, out), null, null));
                    break;
                case "PRIVATE KEY":
                    out.keys.add(new ParsedWallet.Key(Keys.privateKey(pkcs8(b.der(), at), at), null, null));
                    break;
                case "RSA PRIVATE KEY":
                case "EC PRIVATE KEY":
                    if (b.procTypeEncrypted()) {
                        throw Pbe.unsupported(at, "legacy OpenSSL key encryption (Proc-Type/DEK-Info); convert it"
                                + " with 'openssl pkcs8 -topk8 -v2 aes-256-cbc'");
                    }
                    out.keys.add(new ParsedWallet.Key(Keys.privateKey(traditional(b, at), at), null, null));
                    break;
                case "CERTIFICATE":
                case "X509 CERTIFICATE":
                    out.certs.addAll(certificates(b.der(), at));
                    break;
                default:
                    out.notes.add("skipped PEM block '" + b.label() + "' at line " + b.line());
            }
        }
        return out;
    }

    private static java.security.PrivateKey decryptKey(byte[] der, char[] password, String at, ParsedWallet out) {
        if (password == null) {
            throw new WalletException(WalletErrorCode.PASSWORD_REQUIRED,
                    at + ": the private key is encrypted and no wallet password was given");
        }
        EncryptedPrivateKeyInfo epki;
        try {
            epki = EncryptedPrivateKeyInfo.getInstance(Pbe.der(der, at, "encrypted key"));
        } catch (WalletException e) {
            throw e;
        } catch (RuntimeException e) {
            throw Pbe.corrupt(at, "not a PKCS#8 EncryptedPrivateKeyInfo");
        }
        out.algorithms.add(Pbe.label(epki.getEncryptionAlgorithm()));
        byte[] plain;
        try {
            plain = Pbe.decrypt(epki.getEncryptionAlgorithm(), epki.getEncryptedData(), password, at);
        } catch (Pbe.BadPaddingSignal e) {
            throw wrongPassword(at);
        }
        PrivateKeyInfo pki;
        try {
            pki = PrivateKeyInfo.getInstance(org.bouncycastle.asn1.ASN1Primitive.fromByteArray(plain));
            if (pki == null) {
                throw new IllegalArgumentException("empty");
            }
        } catch (java.io.IOException | RuntimeException e) {
            // No MAC in PKCS#8: garbage after a lucky padding check also means a wrong password.
            throw wrongPassword(at);
        }
        return Keys.privateKey(pki, at);
    }

    private static WalletException wrongPassword(String at) {
        return new WalletException(WalletErrorCode.WRONG_PASSWORD, at
                + ": wrong password (the decrypted private key is not valid; if the password is right, the key"
                + " block is damaged)");
    }

    private static PrivateKeyInfo pkcs8(byte[] der, String at) {
        try {
            PrivateKeyInfo p = PrivateKeyInfo.getInstance(Pbe.der(der, at, "private key"));
            if (p == null) {
                throw new IllegalArgumentException("empty");
            }
            return p;
        } catch (WalletException e) {
            throw e;
        } catch (RuntimeException e) {
            throw Pbe.corrupt(at, "not a PKCS#8 PrivateKeyInfo");
        }
    }

    /** PKCS#1 RSA or SEC1 EC keys wrapped into PKCS#8. */
    private static PrivateKeyInfo traditional(Block b, String at) {
        try {
            if (b.label().startsWith("RSA")) {
                RSAPrivateKey k = RSAPrivateKey.getInstance(Pbe.der(b.der(), at, "RSA key"));
                return new PrivateKeyInfo(new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE), k);
            }
            org.bouncycastle.asn1.sec.ECPrivateKey k =
                    org.bouncycastle.asn1.sec.ECPrivateKey.getInstance(Pbe.der(b.der(), at, "EC key"));
            if (k.getParametersObject() == null) {
                throw Pbe.unsupported(at, "SEC1 EC key without curve parameters");
            }
            // PKCS#8 carries the curve in the AlgorithmIdentifier; drop it from the inner SEC1
            // structure so the key encodes exactly as openssl's PKCS#8 form.
            int octets = org.bouncycastle.asn1.ASN1OctetString.getInstance(
                    org.bouncycastle.asn1.ASN1Sequence.getInstance(k).getObjectAt(1)).getOctets().length;
            org.bouncycastle.asn1.sec.ECPrivateKey inner = new org.bouncycastle.asn1.sec.ECPrivateKey(octets * 8,
                    k.getKey(), k.getPublicKey(), null);
            return new PrivateKeyInfo(new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey,
                    k.getParametersObject()), inner);
        } catch (WalletException e) {
            throw e;
        } catch (java.io.IOException | RuntimeException e) {
            throw Pbe.corrupt(at, "malformed " + b.label());
        }
    }

    /** One X.509 certificate, or the certificates of a PKCS#7 labelled CERTIFICATE (orapki export_trust_chain). */
    private static List<ParsedWallet.Cert> certificates(byte[] der, String at) {
        List<ParsedWallet.Cert> out = new ArrayList<>();
        try {
            CertificateFactory cf = CertificateFactory.getInstance("X.509");
            if (der.length > 20 && isPkcs7(der)) {
                for (Certificate c : cf.generateCertificates(new ByteArrayInputStream(der))) {
                    out.add(new ParsedWallet.Cert((X509Certificate) c, null, null));
                }
                return out;
            }
        } catch (java.security.cert.CertificateException | RuntimeException e) {
            throw Pbe.corrupt(at, "PKCS#7 certificate bundle is malformed");
        }
        out.add(new ParsedWallet.Cert(Keys.certificate(der, at), null, null));
        return out;
    }

    private static boolean isPkcs7(byte[] der) {
        byte[] signedData = {0x06, 0x09, 0x2A, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xF7, 0x0D, 0x01, 0x07, 0x02};
        for (int i = 0; i < Math.min(8, der.length - signedData.length); i++) {
            if (java.util.Arrays.equals(der, i, i + signedData.length, signedData, 0, signedData.length)) {
                return true;
            }
        }
        return false;
    }

    /** Decodes bytes as text for PEM detection (PEM is ASCII; other bytes become replacement chars). */
    public static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
