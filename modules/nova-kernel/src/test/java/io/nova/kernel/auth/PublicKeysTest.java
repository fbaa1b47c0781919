package io.nova.kernel.auth;

import io.nova.kernel.TestTokens;
import org.junit.jupiter.api.Test;

import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PublicKeysTest {

    private static String pem(PublicKey key) {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(key.getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    @Test
    void bothKeysOfARotationAreFoundByTheirThumbprint() {
        RSAPublicKey current = (RSAPublicKey) TestTokens.ISSUER_KEY.getPublic();
        RSAPublicKey next = (RSAPublicKey) TestTokens.OTHER_KEY.getPublic();
        PublicKeys keys = PublicKeys.fromPem(pem(current) + pem(next));
        assertThat(keys.find(PublicKeys.keyId(current))).contains(current);
        assertThat(keys.find(PublicKeys.keyId(next))).contains(next);
        assertThat(keys.find("unknown")).isEmpty();
        assertThat(keys.toJwkSet().getKeys()).hasSize(2)
                .allSatisfy(jwk -> assertThat(jwk.isPrivate()).isFalse());
    }

    @Test
    void noPemMeansNoKeys() {
        assertThat(PublicKeys.fromPem("").isEmpty()).isTrue();
        assertThat(PublicKeys.fromPem(null).isEmpty()).isTrue();
    }

    @Test
    void nonRsaKeysAreRefused() throws Exception {
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(256);
        assertThatThrownBy(() -> PublicKeys.fromPem(pem(ec.generateKeyPair().getPublic())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("RSA");
    }
}
