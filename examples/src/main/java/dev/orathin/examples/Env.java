package dev.orathin.examples;

/** Reads passwords of the example programs from the environment (never from the command line). */
final class Env {

    private Env() {
    }

    /** The variable's value as a char array, or {@code null} when unset. */
    static char[] password(String name) {
        String v = System.getenv(name);
        return v == null ? null : v.toCharArray();
    }
}
