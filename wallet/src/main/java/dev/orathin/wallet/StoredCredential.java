package dev.orathin.wallet;

import java.util.Arrays;
import java.util.Objects;

/**
 * A database user name and password stored in a wallet's Secure External Password Store for one
 * connect string ({@code mkstore -createCredential}, {@code orapki secretstore create_credential}).
 *
 * <p>{@link #password()} returns a copy each time; {@link #toString()} never shows it.
 */
public final class StoredCredential {

    private final String connectString;
    private final String user;
    private final char[] password;

    /**
     * @param connectString the connect string the credential is stored for
     * @param user the database user
     * @param password the password (copied)
     */
    public StoredCredential(String connectString, String user, char[] password) {
        this.connectString = Objects.requireNonNull(connectString, "connectString");
        this.user = Objects.requireNonNull(user, "user");
        this.password = Objects.requireNonNull(password, "password").clone();
    }

    /** The connect string (alias or descriptor) this credential belongs to. */
    public String connectString() {
        return connectString;
    }

    /** The database user name. */
    public String user() {
        return user;
    }

    /** A fresh copy of the password; the caller should clear it after use. */
    public char[] password() {
        return password.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StoredCredential && ((StoredCredential) o).connectString.equals(connectString)
                && ((StoredCredential) o).user.equals(user) && Arrays.equals(((StoredCredential) o).password, password);
    }

    @Override
    public int hashCode() {
        return Objects.hash(connectString, user);
    }

    @Override
    public String toString() {
        return "StoredCredential[" + connectString + ", user=" + user + ", password=***]";
    }
}
