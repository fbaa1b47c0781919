package io.nova.kernel.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;

import java.security.KeyFactory;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The RSA public keys tokens may be signed with, by key id. The key id is the key's RFC 7638 thumbprint, so the
 * issuer and every verifier derive the same {@code kid} from the key itself — no separate id to configure.
 */
public final class PublicKeys implements VerificationKeys {

    private static final Pattern PEM_BLOCK =
            Pattern.compile("-----BEGIN PUBLIC KEY-----.*?-----END PUBLIC KEY-----", Pattern.DOTALL);

    private final Map<String, RSAKey> byId;
    /** Converted once: {@link #find} runs for every request, and converting decodes and rebuilds the key. */
    private final Map<String, Optional<RSAPublicKey>> publicKeyById;

    private PublicKeys(Map<String, RSAKey> byId) {
        this.byId = Map.copyOf(byId);
        Map<String, Optional<RSAPublicKey>> converted = new LinkedHashMap<>();
        byId.forEach((id, key) -> converted.put(id, Optional.of(toPublicKey(key))));
        this.publicKeyById = Map.copyOf(converted);
    }

    /** Every PEM public-key block in {@code pem}; non-RSA keys are refused. */
    public static PublicKeys fromPem(String pem) {
        Map<String, RSAKey> keys = new LinkedHashMap<>();
        Matcher blocks = PEM_BLOCK.matcher(pem == null ? "" : pem);
        while (blocks.find()) {
            RSAKey key = withThumbprintId(parse(blocks.group()));
            keys.put(key.getKeyID(), key);
        }
        return new PublicKeys(keys);
    }

    public static PublicKeys of(List<RSAPublicKey> publicKeys) {
        Map<String, RSAKey> keys = new LinkedHashMap<>();
        for (RSAPublicKey publicKey : publicKeys) {
            RSAKey key = withThumbprintId(new RSAKey.Builder(publicKey).build());
            keys.put(key.getKeyID(), key);
        }
        return new PublicKeys(keys);
    }

    /** The key id a token signed with {@code key} carries. */
    public static String keyId(RSAPublicKey key) {
        return withThumbprintId(new RSAKey.Builder(key).build()).getKeyID();
    }

    @Override
    public Optional<RSAPublicKey> find(String keyId) {
        return keyId == null ? Optional.empty() : publicKeyById.getOrDefault(keyId, Optional.empty());
    }

    private static RSAPublicKey toPublicKey(RSAKey key) {
        try {
            return key.toRSAPublicKey();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean isEmpty() {
        return byId.isEmpty();
    }

    /** The public JWK Set document (for {@code /.well-known/jwks.json}). */
    public JWKSet toJwkSet() {
        List<JWK> keys = new ArrayList<>();
        for (RSAKey key : byId.values()) {
            keys.add(new RSAKey.Builder(key).keyUse(com.nimbusds.jose.jwk.KeyUse.SIGNATURE)
                    .algorithm(com.nimbusds.jose.JWSAlgorithm.RS256).build());
        }
        return new JWKSet(keys);
    }

    /** X.509 SubjectPublicKeyInfo in PEM, read with the JDK alone. */
    private static RSAKey parse(String pem) {
        String base64 = pem.replace("-----BEGIN PUBLIC KEY-----", "")
                .replace("-----END PUBLIC KEY-----", "")
                .replaceAll("\\s", "");
        byte[] der;
        try {
            der = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("JWT public key is not valid PEM (bad base64)", e);
        }
        try {
            PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
            return new RSAKey.Builder((RSAPublicKey) key).build();
        } catch (InvalidKeySpecException e) {
            throw new IllegalArgumentException("JWT public keys must be RSA public keys", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey withThumbprintId(RSAKey key) {
        try {
            return new RSAKey.Builder(key.toRSAPublicKey()).keyIDFromThumbprint().build();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
