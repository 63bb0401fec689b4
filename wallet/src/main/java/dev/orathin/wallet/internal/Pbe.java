package dev.orathin.wallet.internal;

import dev.orathin.wallet.WalletErrorCode;
import dev.orathin.wallet.WalletException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PBES2Parameters;
import org.bouncycastle.asn1.pkcs.PBKDF2Params;
import org.bouncycastle.asn1.pkcs.PKCS12PBEParams;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.crypto.BlockCipher;
import org.bouncycastle.crypto.CipherParameters;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.PBEParametersGenerator;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.crypto.digests.SHA224Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA384Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.engines.DESedeEngine;
import org.bouncycastle.crypto.engines.RC2Engine;
import org.bouncycastle.crypto.generators.PKCS12ParametersGenerator;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.modes.CBCBlockCipher;
import org.bouncycastle.crypto.paddings.PaddedBufferedBlockCipher;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;
import org.bouncycastle.crypto.params.RC2Parameters;

/**
 * Password-based decryption and MAC for PKCS#12 and PKCS#8, done with BouncyCastle's lightweight
 * API rather than JCE {@code PBE} key factories, because those refuse the control characters of
 * cwallet.sso passwords and non-ASCII passwords (wallets.md §3.2, §5 trap 8).
 *
 * <p>Password encodings: PKCS#12 KDF takes the BMPString (UTF-16BE) plus two zero bytes; PBKDF2
 * takes the UTF-8 bytes (wallets.md §2.1, RFC 7292 B.1, RFC 8018).
 */
public final class Pbe {

    /** Raised when decryption fails in a way that usually means a wrong password (bad padding). */
    public static final class BadPaddingSignal extends Exception {
        private static final long serialVersionUID = 1L;

        BadPaddingSignal() {
            super("bad padding", null, false, false);
        }
    }

    private Pbe() {
    }

    /** Upper bound on iteration counts: higher values in a file are a denial-of-service, not a wallet. */
    static final int MAX_ITERATIONS = 2_000_000;

    /** A short algorithm label for descriptions, e.g. {@code PBES2/PBKDF2-HmacSHA256/AES-256-CBC}. */
    public static String label(AlgorithmIdentifier alg) {
        ASN1ObjectIdentifier oid = alg.getAlgorithm();
        if (oid.equals(PKCSObjectIdentifiers.id_PBES2)) {
            try {
                PBES2Parameters p = PBES2Parameters.getInstance(alg.getParameters());
                PBKDF2Params kdf = PBKDF2Params.getInstance(p.getKeyDerivationFunc().getParameters());
                return "PBES2/PBKDF2-" + prfName(kdf.getPrf().getAlgorithm()) + "/"
                        + cipherName(p.getEncryptionScheme().getAlgorithm());
            } catch (RuntimeException e) {
                return "PBES2";
            }
        }
        if (oid.equals(PKCSObjectIdentifiers.pbeWithSHAAnd3_KeyTripleDES_CBC)) {
            return "PBE-SHA1-3DES";
        }
        if (oid.equals(PKCSObjectIdentifiers.pbeWithSHAAnd40BitRC2_CBC)) {
            return "PBE-SHA1-RC2-40";
        }
        if (oid.equals(PKCSObjectIdentifiers.pbeWithSHAAnd128BitRC2_CBC)) {
            return "PBE-SHA1-RC2-128";
        }
        return oid.getId();
    }

    /**
     * Decrypts {@code data} encrypted under {@code alg} with {@code password}.
     *
     * @throws BadPaddingSignal when the padding check fails (wrong password or tampered data)
     * @throws WalletException UNSUPPORTED_FORMAT for an unknown algorithm, CORRUPT for bad parameters
     */
    public static byte[] decrypt(AlgorithmIdentifier alg, byte[] data, char[] password, String where)
            throws BadPaddingSignal {
        ASN1ObjectIdentifier oid = alg.getAlgorithm();
        BlockCipher engine;
        CipherParameters params;
        if (oid.equals(PKCSObjectIdentifiers.id_PBES2)) {
            PBES2Parameters p = PBES2Parameters.getInstance(alg.getParameters());
            if (!p.getKeyDerivationFunc().getAlgorithm().equals(PKCSObjectIdentifiers.id_PBKDF2)) {
                throw unsupported(where, "key derivation " + p.getKeyDerivationFunc().getAlgorithm().getId());
            }
            PBKDF2Params kdf = PBKDF2Params.getInstance(p.getKeyDerivationFunc().getParameters());
            org.bouncycastle.asn1.pkcs.EncryptionScheme enc = p.getEncryptionScheme();
            ASN1ObjectIdentifier c = enc.getAlgorithm();
            int keyBytes;
            if (c.equals(NISTObjectIdentifiers.id_aes128_CBC)) {
                engine = AESEngine.newInstance();
                keyBytes = 16;
            } else if (c.equals(NISTObjectIdentifiers.id_aes192_CBC)) {
                engine = AESEngine.newInstance();
                keyBytes = 24;
            } else if (c.equals(NISTObjectIdentifiers.id_aes256_CBC)) {
                engine = AESEngine.newInstance();
                keyBytes = 32;
            } else if (c.equals(PKCSObjectIdentifiers.des_EDE3_CBC)) {
                engine = new DESedeEngine();
                keyBytes = 24;
            } else {
                throw unsupported(where, "PBES2 cipher " + c.getId());
            }
            byte[] iv = ASN1OctetString.getInstance(enc.getParameters()).getOctets();
            if (iv.length != engine.getBlockSize()) {
                throw corrupt(where, "PBES2 IV of " + iv.length + " bytes, expected " + engine.getBlockSize());
            }
            PKCS5S2ParametersGenerator gen = new PKCS5S2ParametersGenerator(digest(kdf.getPrf().getAlgorithm(), where));
            gen.init(utf8(password), kdf.getSalt(), iterations(kdf.getIterationCount().longValueExact(), where));
            KeyParameter key = (KeyParameter) gen.generateDerivedParameters(keyBytes * 8);
            params = new ParametersWithIV(key, iv);
        } else {
            int keyBits;
            boolean rc2 = false;
            if (oid.equals(PKCSObjectIdentifiers.pbeWithSHAAnd3_KeyTripleDES_CBC)) {
                engine = new DESedeEngine();
                keyBits = 192;
            } else if (oid.equals(PKCSObjectIdentifiers.pbeWithSHAAnd2_KeyTripleDES_CBC)) {
                engine = new DESedeEngine();
                keyBits = 128;
            } else if (oid.equals(PKCSObjectIdentifiers.pbeWithSHAAnd40BitRC2_CBC)) {
                engine = new RC2Engine();
                keyBits = 40;
                rc2 = true;
            } else if (oid.equals(PKCSObjectIdentifiers.pbeWithSHAAnd128BitRC2_CBC)) {
                engine = new RC2Engine();
                keyBits = 128;
                rc2 = true;
            } else {
                throw unsupported(where, "encryption algorithm " + oid.getId());
            }
            PKCS12PBEParams p = PKCS12PBEParams.getInstance(alg.getParameters());
            PKCS12ParametersGenerator gen = new PKCS12ParametersGenerator(new SHA1Digest());
            gen.init(bmp(password), p.getIV(), iterations(p.getIterations().longValueExact(), where));
            ParametersWithIV piv = (ParametersWithIV) gen.generateDerivedParameters(keyBits, 64);
            if (rc2) {
                byte[] k = ((KeyParameter) piv.getParameters()).getKey();
                params = new ParametersWithIV(new RC2Parameters(k, keyBits), piv.getIV());
            } else {
                params = piv;
            }
        }
        if (data.length == 0 || data.length % engine.getBlockSize() != 0) {
            throw corrupt(where, "encrypted data of " + data.length + " bytes, not a multiple of the "
                    + engine.getBlockSize() + "-byte cipher block");
        }
        PaddedBufferedBlockCipher cipher = new PaddedBufferedBlockCipher(CBCBlockCipher.newInstance(engine));
        cipher.init(false, params);
        byte[] out = new byte[cipher.getOutputSize(data.length)];
        int n = cipher.processBytes(data, 0, data.length, out, 0);
        try {
            n += cipher.doFinal(out, n);
        } catch (InvalidCipherTextException e) {
            throw new BadPaddingSignal();
        }
        return Arrays.copyOf(out, n);
    }

    /** Computes the PKCS#12 MAC (RFC 7292 B.2, ID 3) over {@code data}. */
    public static byte[] pkcs12Mac(ASN1ObjectIdentifier digestOid, byte[] salt, long iterations, char[] password,
            byte[] data, String where) {
        Digest d = digest(digestOid, where);
        PKCS12ParametersGenerator gen = new PKCS12ParametersGenerator(d);
        gen.init(bmp(password), salt, iterations(iterations, where));
        KeyParameter key = (KeyParameter) gen.generateDerivedMacParameters(d.getDigestSize() * 8);
        HMac mac = new HMac(digest(digestOid, where));
        mac.init(key);
        mac.update(data, 0, data.length);
        byte[] out = new byte[mac.getMacSize()];
        mac.doFinal(out, 0);
        return out;
    }

    private static int iterations(long n, String where) {
        if (n < 1 || n > MAX_ITERATIONS) {
            throw corrupt(where, "iteration count " + n + ", expected 1.." + MAX_ITERATIONS);
        }
        return (int) n;
    }

    private static Digest digest(ASN1ObjectIdentifier oid, String where) {
        String id = oid.getId();
        switch (id) {
            case "1.3.14.3.2.26":           // sha1
            case "1.2.840.113549.2.7":      // hmacWithSHA1
                return new SHA1Digest();
            case "2.16.840.1.101.3.4.2.4":
            case "1.2.840.113549.2.8":
                return new SHA224Digest();
            case "2.16.840.1.101.3.4.2.1":
            case "1.2.840.113549.2.9":
                return new SHA256Digest();
            case "2.16.840.1.101.3.4.2.2":
            case "1.2.840.113549.2.10":
                return new SHA384Digest();
            case "2.16.840.1.101.3.4.2.3":
            case "1.2.840.113549.2.11":
                return new SHA512Digest();
            default:
                throw unsupported(where, "digest " + id);
        }
    }

    private static String prfName(ASN1ObjectIdentifier oid) {
        switch (oid.getId()) {
            case "1.2.840.113549.2.7": return "HmacSHA1";
            case "1.2.840.113549.2.9": return "HmacSHA256";
            case "1.2.840.113549.2.10": return "HmacSHA384";
            case "1.2.840.113549.2.11": return "HmacSHA512";
            default: return oid.getId();
        }
    }

    private static String cipherName(ASN1ObjectIdentifier oid) {
        if (oid.equals(NISTObjectIdentifiers.id_aes128_CBC)) {
            return "AES-128-CBC";
        }
        if (oid.equals(NISTObjectIdentifiers.id_aes192_CBC)) {
            return "AES-192-CBC";
        }
        if (oid.equals(NISTObjectIdentifiers.id_aes256_CBC)) {
            return "AES-256-CBC";
        }
        if (oid.equals(PKCSObjectIdentifiers.des_EDE3_CBC)) {
            return "DES-EDE3-CBC";
        }
        return oid.getId();
    }

    /** BMPString bytes plus the two-byte terminator (RFC 7292 B.1); empty password gives empty bytes. */
    static byte[] bmp(char[] password) {
        return PBEParametersGenerator.PKCS12PasswordToBytes(password);
    }

    static byte[] utf8(char[] password) {
        ByteBuffer b = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] out = new byte[b.remaining()];
        b.get(out);
        Arrays.fill(b.array(), (byte) 0);
        return out;
    }

    static WalletException unsupported(String where, String what) {
        return new WalletException(WalletErrorCode.UNSUPPORTED_FORMAT, where + ": unsupported " + what);
    }

    static WalletException corrupt(String where, String what) {
        return new WalletException(WalletErrorCode.CORRUPT, where + ": " + what);
    }

    /** Parses DER, mapping every parse failure to CORRUPT. */
    static ASN1Primitive der(byte[] bytes, String where, String what) {
        try {
            return ASN1Primitive.fromByteArray(bytes);
        } catch (java.io.IOException | RuntimeException e) {
            throw corrupt(where, what + " is not valid DER (" + e.getClass().getSimpleName() + ")");
        }
    }
}
