package dev.orathin.internal.types;

import dev.orathin.CoreErrorCode;
import dev.orathin.OrathinProtocolException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Oracle NUMBER wire format (protocol.md §8.1): an exponent byte (base 100, offset 192, complemented
 * for negatives) and up to 20 base-100 mantissa digits (digit + 1, or 101 − digit for negatives,
 * with a 102 terminator when shorter than 20). Zero is {@code 80}.
 */
public final class OracleNumber {

    /** Most significant decimal digits a NUMBER holds. */
    public static final int MAX_DIGITS = 40;
    private static final BigInteger HUNDRED = BigInteger.valueOf(100);

    private OracleNumber() {
    }

    /** Decodes a NUMBER. */
    public static BigDecimal decode(byte[] b) {
        if (b == null || b.length == 0) {
            throw malformed("empty NUMBER");
        }
        int first = b[0] & 0xFF;
        if (first == 0x80 && b.length == 1) {
            return BigDecimal.ZERO;
        }
        boolean positive = (first & 0x80) != 0;
        if (!positive && b.length == 1 || positive && b.length == 2 && first == 0xFF && (b[1] & 0xFF) == 101) {
            throw new OrathinProtocolException(CoreErrorCode.NOT_SUPPORTED, "NUMBER " + (positive ? "+" : "-")
                    + "infinity cannot be represented as a decimal");
        }
        int exponent = (positive ? first : ~first & 0xFF) - 192;
        int n = b.length - 1;
        if (!positive && (b[b.length - 1] & 0xFF) == 102) {
            n--;
        }
        if (n > 20) {
            throw malformed("NUMBER with " + n + " mantissa bytes (at most 20)");
        }
        // up to 9 base-100 digits (18 decimal digits) fit a long: no BigInteger arithmetic on the common path
        long small = 0;
        BigInteger unscaled = null;
        for (int i = 1; i <= n; i++) {
            int d = positive ? (b[i] & 0xFF) - 1 : 101 - (b[i] & 0xFF);
            if (d < 0 || d > 99) {
                throw malformed("NUMBER mantissa byte " + (b[i] & 0xFF) + " out of range");
            }
            if (i <= 9) {
                small = small * 100 + d;
                if (i == 9 && n > 9) {
                    unscaled = BigInteger.valueOf(small);
                }
            } else {
                unscaled = unscaled.multiply(HUNDRED).add(BigInteger.valueOf(d));
            }
        }
        // value = 0.d1d2... (base 100) * 100^exponent
        BigDecimal v = unscaled == null ? BigDecimal.valueOf(small, 2 * (n - exponent)) : new BigDecimal(unscaled, 2 * (n - exponent));
        v = v.stripTrailingZeros();
        if (v.scale() < 0) {
            v = v.setScale(0);
        }
        return positive ? v : v.negate();
    }

    /**
     * Fast path for integral columns: the value as a long when it is an integer of at most 18
     * digits, else {@link Long#MIN_VALUE} as "not representable, use {@link #decode}".
     */
    public static long decodeLongOrMin(byte[] b) {
        if (b == null || b.length == 0) {
            return Long.MIN_VALUE;
        }
        int first = b[0] & 0xFF;
        if (first == 0x80 && b.length == 1) {
            return 0;
        }
        boolean positive = (first & 0x80) != 0;
        int exponent = (positive ? first : ~first & 0xFF) - 192;
        int n = b.length - 1;
        if (!positive && n > 0 && (b[b.length - 1] & 0xFF) == 102) {
            n--;
        }
        if (n < 1 || n > exponent || exponent > 9) {
            return Long.MIN_VALUE; // a fraction, or more than 18 digits
        }
        long v = 0;
        for (int i = 1; i <= n; i++) {
            int d = positive ? (b[i] & 0xFF) - 1 : 101 - (b[i] & 0xFF);
            if (d < 0 || d > 99) {
                return Long.MIN_VALUE;
            }
            v = v * 100 + d;
        }
        for (int i = n; i < exponent; i++) {
            v *= 100;
        }
        return positive ? v : -v;
    }

    /** Encodes a decimal, rounding to 40 significant digits; out-of-range magnitudes are rejected. */
    public static byte[] encode(BigDecimal value) {
        if (value.signum() == 0) {
            return new byte[] {(byte) 0x80};
        }
        boolean positive = value.signum() > 0;
        BigDecimal abs = value.abs().round(new MathContext(MAX_DIGITS, RoundingMode.HALF_UP));
        int[] pairs;
        int exponent;
        while (true) {
            String plain = abs.stripTrailingZeros().toPlainString();
            int dot = plain.indexOf('.');
            String ip = dot < 0 ? plain : plain.substring(0, dot);
            String fp = dot < 0 ? "" : plain.substring(dot + 1);
            if (ip.equals("0")) {
                ip = "";
            }
            if (ip.length() % 2 == 1) {
                ip = "0" + ip;
            }
            if (fp.length() % 2 == 1) {
                fp = fp + "0";
            }
            String digits = ip + fp;
            exponent = ip.length() / 2;
            int start = 0;
            while (start + 2 <= digits.length() && digits.startsWith("00", start)) {
                start += 2;
                exponent--;
            }
            int end = digits.length();
            while (end - 2 >= start && digits.startsWith("00", end - 2)) {
                end -= 2;
            }
            int count = (end - start) / 2;
            if (count > 20) {
                // alignment needed a 41st digit: one digit less
                abs = abs.round(new MathContext(MAX_DIGITS - 1, RoundingMode.HALF_UP));
                continue;
            }
            pairs = new int[count];
            for (int i = 0; i < count; i++) {
                pairs[i] = Integer.parseInt(digits.substring(start + 2 * i, start + 2 * i + 2));
            }
            break;
        }
        if (exponent > 63) {
            throw new OrathinProtocolException(CoreErrorCode.NOT_SUPPORTED, "value " + value.toEngineeringString()
                    + " is beyond NUMBER's range (below 1E126 in magnitude)");
        }
        if (exponent < -64) {
            return new byte[] {(byte) 0x80}; // below 1E-130: NUMBER rounds to zero
        }
        int size = 1 + pairs.length + (!positive && pairs.length < 20 ? 1 : 0);
        byte[] out = new byte[size];
        out[0] = (byte) (positive ? 192 + exponent : ~(192 + exponent));
        for (int i = 0; i < pairs.length; i++) {
            out[1 + i] = (byte) (positive ? pairs[i] + 1 : 101 - pairs[i]);
        }
        if (!positive && pairs.length < 20) {
            out[size - 1] = 102;
        }
        return out;
    }

    private static OrathinProtocolException malformed(String what) {
        return new OrathinProtocolException(CoreErrorCode.MALFORMED_MESSAGE, what);
    }
}
