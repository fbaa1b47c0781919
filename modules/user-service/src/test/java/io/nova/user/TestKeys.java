package io.nova.user;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** A fresh RSA key pair per test JVM, as the PEMs an operator would configure. */
public final class TestKeys {

    public static final KeyPair PAIR = generate();

    private TestKeys() {
    }

    public static String privatePem() {
        return pem("PRIVATE KEY", PAIR.getPrivate().getEncoded());
    }

    public static String publicPem() {
        return pem("PUBLIC KEY", PAIR.getPublic().getEncoded());
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
