package io.nova.user.core;

import io.nova.kernel.errors.DomainException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * What a new password must be: 10 to 128 characters (long enough to resist guessing, short enough that nobody
 * pastes a novel into the hasher), not the username or email, and not one of the passwords attackers try first
 * ({@code common-passwords.txt}). Violations are 422 {@code weak_password} naming the rule.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 128;
    static final String COMMON_PASSWORDS = "/common-passwords.txt";

    private final Set<String> common;

    private PasswordPolicy(Set<String> common) {
        this.common = Set.copyOf(common);
    }

    public static PasswordPolicy load() {
        Set<String> common = new HashSet<>();
        try (InputStream in = PasswordPolicy.class.getResourceAsStream(COMMON_PASSWORDS)) {
            if (in == null) {
                throw new IllegalStateException(COMMON_PASSWORDS + " is not on the classpath");
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String word = line.strip();
                if (!word.isEmpty() && !word.startsWith("#")) {
                    common.add(word.toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + COMMON_PASSWORDS, e);
        }
        return new PasswordPolicy(common);
    }

    public int size() {
        return common.size();
    }

    /** Throws 422 weak_password when {@code password} may not be used by this user. */
    public void check(String password, String username, String email) {
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            throw weak("The password must have at least " + MIN_LENGTH + " characters");
        }
        if (length > MAX_LENGTH) {
            throw weak("The password must have at most " + MAX_LENGTH + " characters");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (lower.equals(username.toLowerCase(Locale.ROOT)) || lower.equals(email.toLowerCase(Locale.ROOT))) {
            throw weak("The password must not be the username or the email address");
        }
        if (common.contains(lower)) {
            throw weak("This password is one of the most common ones; choose another");
        }
    }

    private static DomainException weak(String message) {
        return DomainException.unprocessable("weak_password", message);
    }
}
