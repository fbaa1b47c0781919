package io.nova.user.core;

import io.nova.user.AuthConfig;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordHasherTest {

    private static final PasswordHasher PRODUCTION = new PasswordHasher(new AuthConfig().getArgon2MemoryKib(),
            new AuthConfig().getArgon2Iterations(), new AuthConfig().getArgon2Parallelism());

    @Test
    void productionDefaultsAreOwaspsLowMemoryArgon2idParameters() {
        AuthConfig defaults = new AuthConfig();
        assertThat(defaults.getArgon2MemoryKib()).isEqualTo(7168);
        assertThat(defaults.getArgon2Iterations()).isEqualTo(5);
        assertThat(defaults.getArgon2Parallelism()).isEqualTo(1);
    }

    @Test
    void hashesArePhcStringsThatVerify() {
        long start = System.nanoTime();
        String hash = PRODUCTION.hash("correct horse battery");
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("argon2id m=7168,t=5,p=1: %d ms per hash%n", millis);
        assertThat(hash).matches("^\\$argon2id\\$v=19\\$m=7168,t=5,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}$");
        assertThat(PRODUCTION.verify("correct horse battery", hash)).isTrue();
        assertThat(PRODUCTION.verify("correct horse batterY", hash)).isFalse();
        assertThat(PRODUCTION.verify("", hash)).isFalse();
    }

    @Test
    void eachHashHasItsOwnSalt() {
        assertThat(PRODUCTION.hash("same password here")).isNotEqualTo(PRODUCTION.hash("same password here"));
    }

    @Test
    void parametersTravelWithTheHash() {
        String cheap = new PasswordHasher(1024, 1, 1).hash("correct horse battery");
        assertThat(cheap).startsWith("$argon2id$v=19$m=1024,t=1,p=1$");
        assertThat(PRODUCTION.verify("correct horse battery", cheap)).isTrue();
        // Accounts hashed under the earlier default (m=19 MiB, t=2) still sign in.
        String earlier = new PasswordHasher(19456, 2, 1).hash("correct horse battery");
        assertThat(PRODUCTION.verify("correct horse battery", earlier)).isTrue();
        assertThat(PRODUCTION.verify("correct horse batterY", earlier)).isFalse();
    }

    /** Values from the reference implementation (libargon2's argon2id_hash_encoded), not from this code. */
    @Test
    void agreesWithTheReferenceImplementation() {
        PasswordHasher any = new PasswordHasher(64, 1, 1);
        assertThat(any.verify("password",
                "$argon2id$v=19$m=1024,t=2,p=1$c29tZXNhbHQ$7FfsnA6vUe7qLpL/3Kqc3uR48ZJyFbUVt7jWZlf0Htk")).isTrue();
        assertThat(any.verify("p\u00e4ssw\u00f6rd \uD83D\uDD11",
                "$argon2id$v=19$m=64,t=1,p=1$MDEyMzQ1Njc4OWFiY2RlZg$mRpwjTAX6JXHPJRy9pGDGfRv/7KAw4UfIvc4h2q9f3Q"))
                .as("UTF-8 bytes of a non-ASCII password").isTrue();
    }

    @Test
    void anythingButAnArgon2idPhcStringIsRefused() {
        String hash = new PasswordHasher(1024, 1, 1).hash("correct horse battery");
        assertThat(PRODUCTION.verify("correct horse battery", null)).isFalse();
        assertThat(PRODUCTION.verify("correct horse battery", "")).isFalse();
        assertThat(PRODUCTION.verify("correct horse battery", hash.replace("argon2id", "argon2i"))).isFalse();
        assertThat(PRODUCTION.verify("correct horse battery", hash.replace("v=19", "v=16"))).isFalse();
        assertThat(PRODUCTION.verify("correct horse battery", hash.substring(0, hash.length() - 4))).isFalse();
        assertThat(PRODUCTION.verify("correct horse battery", hash + "$extra")).isFalse();
    }
}
