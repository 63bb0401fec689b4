package dev.orathin.wallet.internal;

import dev.orathin.wallet.WalletErrorCode;
import dev.orathin.wallet.WalletException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.pkcs.AuthenticatedSafe;
import org.bouncycastle.asn1.pkcs.ContentInfo;
import org.bouncycastle.asn1.pkcs.EncryptedData;
import org.bouncycastle.asn1.pkcs.EncryptedPrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.MacData;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.Pfx;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;

/**
 * Reads a PKCS#12 PFX ourselves (never through {@code KeyStore.getInstance("PKCS12")}, which loses
 * Oracle's unshrouded key bags and trusted certificates: wallets.md §2.4).
 *
 * <p>Verifies the MAC first, so a wrong password is reported as such and not as a padding error
 * (wallets.md §5 trap 15); then decrypts every safe and reads key bags, shrouded key bags,
 * X.509 certificate bags and the Secure External Password Store secret bags (wallets.md §2.2).
 */
public final class Pkcs12Reader {

    /** secretBag type of Oracle's Secure External Password Store entries (wallets.md §2.2). */
    static final String SEPS_SECRET = "1.2.840.113549.1.16.12.12";
    private static final String FRIENDLY_NAME = "1.2.840.113549.1.9.20";
    private static final String LOCAL_KEY_ID = "1.2.840.113549.1.9.21";
    private static final String X509_CERT = "1.2.840.113549.1.9.22.1";
    private static final int MAX_DEPTH = 4;

    private Pkcs12Reader() {
    }

    /** True when {@code bytes} start like a DER PFX (SEQUENCE, INTEGER 3). */
    public static boolean looksLikePkcs12(byte[] bytes) {
        if (bytes.length < 8 || bytes[0] != 0x30) {
            return false;
        }
        int i = 1;
        int len = bytes[i] & 0xFF;
        i += len < 0x80 ? 1 : 1 + (len & 0x7F);
        return i + 2 < bytes.length && bytes[i] == 0x02 && bytes[i + 1] == 0x01 && bytes[i + 2] == 0x03;
    }

    /**
     * Parses a PFX.
     *
     * @param where the file name for messages (for example {@code /w/ewallet.p12})
     * @param password the password; {@code null} means none was given
     */
    public static ParsedWallet read(byte[] bytes, char[] password, String where) {
        Pfx pfx;
        try {
            pfx = Pfx.getInstance(Pbe.der(bytes, where, "PKCS#12 file"));
        } catch (WalletException e) {
            throw e;
        } catch (RuntimeException e) {
            throw Pbe.corrupt(where, "PKCS#12 structure is broken (" + e.getClass().getSimpleName() + ")");
        }
        ContentInfo auth = pfx.getAuthSafe();
        if (!PKCSObjectIdentifiers.data.equals(auth.getContentType())) {
            throw Pbe.unsupported(where, "PKCS#12 authSafe content type " + auth.getContentType().getId()
                    + " (public-key integrity mode)");
        }
        byte[] authBytes = ASN1OctetString.getInstance(auth.getContent()).getOctets();
        MacData mac = pfx.getMacData();
        if (password == null) {
            throw new WalletException(WalletErrorCode.PASSWORD_REQUIRED,
                    where + ": PKCS#12 wallet is password-protected and no wallet password was given");
        }
        ParsedWallet out = new ParsedWallet();
        if (mac != null) {
            byte[] expected = mac.getMac().getDigest();
            byte[] actual = Pbe.pkcs12Mac(mac.getMac().getAlgorithmId().getAlgorithm(), mac.getSalt(),
                    mac.getIterationCount().longValueExact(), password, authBytes, where);
            if (!MessageDigest.isEqual(expected, actual)) {
                throw new WalletException(WalletErrorCode.WRONG_PASSWORD, where
                        + ": wrong password (the PKCS#12 integrity MAC does not verify with the given password;"
                        + " if the password is right, the file was modified)");
            }
        } else {
            out.notes.add("no integrity MAC");
        }
        ASN1Sequence safes = ASN1Sequence.getInstance(Pbe.der(authBytes, where, "PKCS#12 authenticated safe"));
        for (ContentInfo ci : AuthenticatedSafe.getInstance(safes).getContentInfo()) {
            byte[] safeContents;
            if (PKCSObjectIdentifiers.data.equals(ci.getContentType())) {
                safeContents = ASN1OctetString.getInstance(ci.getContent()).getOctets();
            } else if (PKCSObjectIdentifiers.encryptedData.equals(ci.getContentType())) {
                EncryptedData ed = EncryptedData.getInstance(ci.getContent());
                out.algorithms.add(Pbe.label(ed.getEncryptionAlgorithm()));
                if (ed.getContent() == null) {
                    throw Pbe.corrupt(where, "encrypted safe has no content");
                }
                safeContents = decrypt(ed.getEncryptionAlgorithm(), ed.getContent().getOctets(), password,
                        where + " (encrypted safe)", mac != null);
            } else {
                throw Pbe.unsupported(where, "PKCS#12 safe content type " + ci.getContentType().getId()
                        + " (public-key privacy mode)");
            }
            readSafeContents(ASN1Sequence.getInstance(Pbe.der(safeContents, where, "PKCS#12 safe contents")),
                    password, where, out, 0, mac != null);
        }
        return out;
    }

    private static byte[] decrypt(org.bouncycastle.asn1.x509.AlgorithmIdentifier alg, byte[] data,
            char[] password, String where, boolean macVerified) {
        try {
            return Pbe.decrypt(alg, data, password, where);
        } catch (Pbe.BadPaddingSignal e) {
            if (macVerified) {
                throw Pbe.corrupt(where, "decryption failed although the integrity MAC verified: the file is tampered");
            }
            throw new WalletException(WalletErrorCode.WRONG_PASSWORD,
                    where + ": wrong password (decryption gives bad padding; the file has no MAC to tell a"
                            + " wrong password from a damaged file)");
        }
    }

    private static void readSafeContents(ASN1Sequence bags, char[] password, String where, ParsedWallet out,
            int depth, boolean macVerified) {
        if (depth > MAX_DEPTH) {
            throw Pbe.corrupt(where, "safe contents nested deeper than " + MAX_DEPTH);
        }
        for (ASN1Encodable e : bags) {
            ASN1Sequence bag = ASN1Sequence.getInstance(e);
            if (bag.size() < 2) {
                throw Pbe.corrupt(where, "SafeBag with " + bag.size() + " fields, expected 2 or 3");
            }
            String bagId = ASN1ObjectIdentifier.getInstance(bag.getObjectAt(0)).getId();
            ASN1Primitive value = ASN1TaggedObject.getInstance(bag.getObjectAt(1)).getExplicitBaseObject()
                    .toASN1Primitive();
            String friendly = null;
            byte[] localKeyId = null;
            if (bag.size() > 2) {
                for (ASN1Encodable a : ASN1Set.getInstance(bag.getObjectAt(2))) {
                    ASN1Sequence attr = ASN1Sequence.getInstance(a);
                    String type = ASN1ObjectIdentifier.getInstance(attr.getObjectAt(0)).getId();
                    ASN1Set vals = ASN1Set.getInstance(attr.getObjectAt(1));
                    if (vals.size() == 0) {
                        continue;
                    }
                    if (FRIENDLY_NAME.equals(type) && vals.getObjectAt(0) instanceof ASN1String) {
                        friendly = ((ASN1String) vals.getObjectAt(0)).getString();
                    } else if (LOCAL_KEY_ID.equals(type)) {
                        localKeyId = ASN1OctetString.getInstance(vals.getObjectAt(0)).getOctets();
                    }
                }
            }
            String entry = where + " (bag " + (friendly == null ? bagId : "'" + friendly + "'") + ")";
            switch (bagId) {
                case "1.2.840.113549.1.12.10.1.1": // keyBag: Oracle stores keys unshrouded inside the encrypted safe
                    out.keys.add(new ParsedWallet.Key(Keys.privateKey(PrivateKeyInfo.getInstance(value), entry),
                            friendly, localKeyId));
                    break;
                case "1.2.840.113549.1.12.10.1.2": { // pkcs8ShroudedKeyBag
                    EncryptedPrivateKeyInfo epki = EncryptedPrivateKeyInfo.getInstance(value);
                    out.algorithms.add(Pbe.label(epki.getEncryptionAlgorithm()));
                    byte[] plain = decrypt(epki.getEncryptionAlgorithm(), epki.getEncryptedData(), password, entry,
                            macVerified);
                    PrivateKeyInfo pki;
                    try {
                        pki = PrivateKeyInfo.getInstance(Pbe.der(plain, entry, "decrypted key"));
                    } catch (RuntimeException ex) {
                        throw Pbe.corrupt(entry, "decrypted key is not a PKCS#8 PrivateKeyInfo");
                    }
                    out.keys.add(new ParsedWallet.Key(Keys.privateKey(pki, entry), friendly, localKeyId));
                    break;
                }
                case "1.2.840.113549.1.12.10.1.3": { // certBag
                    ASN1Sequence cb = ASN1Sequence.getInstance(value);
                    String certType = ASN1ObjectIdentifier.getInstance(cb.getObjectAt(0)).getId();
                    if (!X509_CERT.equals(certType)) {
                        out.notes.add("skipped certificate bag of type " + certType);
                        break;
                    }
                    byte[] der = ASN1OctetString.getInstance(
                            ASN1TaggedObject.getInstance(cb.getObjectAt(1)).getExplicitBaseObject()).getOctets();
                    out.certs.add(new ParsedWallet.Cert(Keys.certificate(der, entry), friendly, localKeyId));
                    break;
                }
                case "1.2.840.113549.1.12.10.1.5": // secretBag: SEPS entries, CSRs, wallet flags
                    readSecret(value, out);
                    break;
                case "1.2.840.113549.1.12.10.1.6": // safeContentsBag
                    readSafeContents(ASN1Sequence.getInstance(value), password, where, out, depth + 1, macVerified);
                    break;
                default:
                    out.notes.add("skipped bag of type " + bagId);
            }
        }
    }

    /**
     * A secretBag is {@code SEQUENCE { secretTypeId, [0] EXPLICIT value }}. Only the SEPS type is
     * read; the CSR bag uses a malformed type OID (wallets.md §2.2), so this compares raw bytes
     * and never fails on unknown secrets (wallets.md §5 trap 6).
     */
    private static void readSecret(ASN1Primitive value, ParsedWallet out) {
        if (!(value instanceof ASN1Sequence) || ((ASN1Sequence) value).size() < 2) {
            out.notes.add("skipped malformed secret bag");
            return;
        }
        ASN1Sequence s = (ASN1Sequence) value;
        String type;
        try {
            type = ASN1ObjectIdentifier.getInstance(s.getObjectAt(0)).getId();
        } catch (RuntimeException e) {
            out.notes.add("skipped secret bag with non-standard type");
            return;
        }
        if (!SEPS_SECRET.equals(type)) {
            return;
        }
        List<String> strings = new ArrayList<>();
        collectStrings(s.getObjectAt(1).toASN1Primitive(), strings, 0);
        if (strings.size() >= 2) {
            out.secrets.put(strings.get(0), strings.get(1).toCharArray());
        } else {
            out.notes.add("skipped unreadable secret-store entry");
        }
    }

    private static void collectStrings(ASN1Primitive p, List<String> strings, int depth) {
        if (depth > 6) {
            return;
        }
        if (p instanceof ASN1String) {
            strings.add(((ASN1String) p).getString());
        } else if (p instanceof ASN1TaggedObject) {
            collectStrings(((ASN1TaggedObject) p).getBaseObject().toASN1Primitive(), strings, depth + 1);
        } else if (p instanceof ASN1Sequence) {
            for (ASN1Encodable e : (ASN1Sequence) p) {
                collectStrings(e.toASN1Primitive(), strings, depth + 1);
            }
        } else if (p instanceof ASN1OctetString) {
            byte[] b = ((ASN1OctetString) p).getOctets();
            try {
                collectStrings(ASN1Primitive.fromByteArray(b), strings, depth + 1);
            } catch (java.io.IOException | RuntimeException e) {
                strings.add(new String(b, java.nio.charset.StandardCharsets.UTF_8));
            }
        }
    }
}
