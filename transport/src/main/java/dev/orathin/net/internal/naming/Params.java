package dev.orathin.net.internal.naming;

import dev.orathin.net.Param;

import dev.orathin.net.naming.ConfigException;
import dev.orathin.net.naming.NamingErrorCode;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The value rules of Oracle Net parameters, shared by the model's accessors and the validators:
 * booleans ({@code yes|no|on|off|true|false|1|0}, any case), integers with ranges, and durations
 * with the reference's units ({@code ms}/{@code msec}, {@code sec}, {@code min}, {@code hr};
 * optional space; fractions allowed; a bare number is in the parameter's default unit).
 * A value that breaks a rule raises {@link ConfigException} OTN-1020 naming the parameter, the
 * value, the allowed form and where it came from.
 */
public final class Params {

    /** Longest duration accepted anywhere (longer is taken as a typo). */
    public static final Duration MAX_DURATION = Duration.ofDays(30);

    private static final Pattern DURATION = Pattern.compile("^\\s*(\\d{1,12}(?:\\.\\d{1,9})?)\\s*(ms|msec|sec|s|min|hr|h)?\\s*$",
            Pattern.CASE_INSENSITIVE);

    private Params() {
    }

    /** An unmodifiable copy keeping order. */
    public static Map<String, Param> copy(Map<String, Param> params) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** The value of {@code key}, if present. */
    public static Optional<String> text(Map<String, Param> params, String key) {
        Param p = params.get(key);
        return p == null ? Optional.empty() : Optional.of(p.value());
    }

    /** A boolean parameter. */
    public static Optional<Boolean> bool(Map<String, Param> params, String key) {
        Param p = params.get(key);
        return p == null ? Optional.empty() : Optional.of(parseBool(p));
    }

    /** Parses a boolean value. */
    public static boolean parseBool(Param p) {
        switch (p.value().strip().toLowerCase(Locale.ROOT)) {
            case "yes", "on", "true", "1":
                return true;
            case "no", "off", "false", "0":
                return false;
            default:
                throw invalid(p, "yes, no, on, off, true or false");
        }
    }

    /** An integer parameter within [min, max]. */
    public static Optional<Integer> integer(Map<String, Param> params, String key, int min, int max) {
        Param p = params.get(key);
        return p == null ? Optional.empty() : Optional.of(parseInt(p, min, max));
    }

    /** Parses an integer within [min, max]. */
    public static int parseInt(Param p, int min, int max) {
        String v = p.value().strip();
        if (!v.matches("\\d{1,10}")) {
            throw invalid(p, "a whole number from " + min + " to " + max);
        }
        long n = Long.parseLong(v);
        if (n < min || n > max) {
            throw invalid(p, "a whole number from " + min + " to " + max);
        }
        return (int) n;
    }

    /** A duration whose bare numbers are seconds. */
    public static Optional<Duration> duration(Map<String, Param> params, String key) {
        Param p = params.get(key);
        return p == null ? Optional.empty() : Optional.of(parseDuration(p, "sec"));
    }

    /** A duration whose bare numbers are minutes (EXPIRE_TIME). */
    public static Optional<Duration> minutes(Map<String, Param> params, String key) {
        Param p = params.get(key);
        return p == null ? Optional.empty() : Optional.of(parseDuration(p, "min"));
    }

    /** Parses a duration; {@code defaultUnit} applies to bare numbers. */
    public static Duration parseDuration(Param p, String defaultUnit) {
        Matcher m = DURATION.matcher(p.value());
        if (!m.matches()) {
            throw invalid(p, "a duration such as 10, 500ms, 20 sec or 2min (a bare number is in " + defaultUnit + ")");
        }
        String unit = m.group(2) == null ? defaultUnit : m.group(2).toLowerCase(Locale.ROOT);
        double n = Double.parseDouble(m.group(1));
        double millis = switch (unit) {
            case "ms", "msec" -> n;
            case "min" -> n * 60_000;
            case "hr", "h" -> n * 3_600_000;
            default -> n * 1000;
        };
        if (millis > MAX_DURATION.toMillis()) {
            throw invalid(p, "a duration up to " + MAX_DURATION.toDays() + " days");
        }
        return Duration.ofNanos(Math.round(millis * 1_000_000));
    }

    /** SSL_VERSION normalised: TLSv1.2, TLSv1.3, or "" for undetermined / both. */
    public static String tlsVersion(String v) {
        String s = v.strip().replace(" ", "").toLowerCase(Locale.ROOT);
        return switch (s) {
            case "tlsv1.2", "1.2" -> "TLSv1.2";
            case "tlsv1.3", "1.3" -> "TLSv1.3";
            default -> "";
        };
    }

    /** Validates SSL_VERSION. */
    public static void checkTlsVersion(Param p) {
        String s = p.value().strip().replace(" ", "").toLowerCase(Locale.ROOT);
        if (!s.matches("undetermined|((tlsv)?1\\.[23])(,(tlsv)?1\\.[23])*")) {
            throw invalid(p, "undetermined, TLSv1.2, TLSv1.3 or TLSv1.2,TLSv1.3 (TLS 1.0/1.1 and SSLv3 are not supported)");
        }
    }

    /** The OTN-1020 error for a value. */
    public static ConfigException invalid(Param p, String expected) {
        return new ConfigException(NamingErrorCode.INVALID_VALUE, p.source(), p.name() + ": expected " + expected + " but found \""
                + p.shown() + "\"");
    }
}
