package io.nova.kernel;

import com.nimbusds.jwt.JWTClaimsSet;
import io.nova.kernel.auth.TokenTypes;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;

import static org.assertj.core.api.Assertions.assertThat;

/** Only a valid, unrevoked RS256 access token from our issuer for our audience gets in. */
class BearerAuthTest extends RunningKernelApp {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private HttpResponse<String> me(String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + app.getLocalPort() + "/probe/me"));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private void assertRefused(String authorization) throws Exception {
        HttpResponse<String> response = me(authorization);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                value -> assertThat(value).startsWith("Bearer"));
        assertThat(response.body()).contains("\"error\":\"unauthorized\"");
    }

    @Test
    void aValidAccessTokenIdentifiesTheCaller() throws Exception {
        HttpResponse<String> response = me("Bearer " + TestTokens.access("user-42"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"user_id\":\"user-42\"");
    }

    @Test
    void noOrMalformedCredentials() throws Exception {
        assertRefused(null);
        assertRefused("Bearer");
        assertRefused("Bearer not.a.jwt");
        assertRefused("Basic dXNlcjpwYXNz");
    }

    @Test
    void forgedSignature() throws Exception {
        assertRefused("Bearer " + TestTokens.forged("user-42"));
    }

    @Test
    void algorithmNoneAndHmacConfusion() throws Exception {
        assertRefused("Bearer " + TestTokens.unsigned("user-42"));
        assertRefused("Bearer " + TestTokens.hmacWithPublicKey("user-42"));
    }

    @Test
    void expiredBeyondTheSkewButNotWithinIt() throws Exception {
        assertRefused("Bearer " + TestTokens.with("user-42",
                claims -> claims.expirationTime(Date.from(Instant.now().minusSeconds(60)))));
        assertThat(me("Bearer " + TestTokens.with("user-42",
                claims -> claims.expirationTime(Date.from(Instant.now().minusSeconds(5))))).statusCode())
                .isEqualTo(200);
        assertRefused("Bearer " + TestTokens.with("user-42",
                claims -> claims.notBeforeTime(Date.from(Instant.now().plusSeconds(120)))));
    }

    @Test
    void wrongAudienceOrIssuer() throws Exception {
        assertRefused("Bearer " + TestTokens.with("user-42", claims -> claims.audience("someone-else")));
        assertRefused("Bearer " + TestTokens.with("user-42", claims -> claims.issuer("evil")));
    }

    @Test
    void aRefreshTokenIsNotAnAccessToken() throws Exception {
        assertRefused("Bearer " + TestTokens.with("user-42", claims -> claims.claim(TokenTypes.CLAIM, TokenTypes.REFRESH)));
        assertRefused("Bearer " + TestTokens.with("user-42", claims -> claims.claim(TokenTypes.CLAIM, null)));
    }

    @Test
    void aRevokedTokenIsRefused() throws Exception {
        JWTClaimsSet claims = TestTokens.validClaims("user-7").build();
        String token = TestTokens.with("user-7", builder -> builder.jwtID(claims.getJWTID()));
        assertThat(me("Bearer " + token).statusCode()).isEqualTo(200);
        KernelTestApplication.context.revokedTokens().revoke(claims.getJWTID(), claims.getExpirationTime().toInstant());
        assertRefused("Bearer " + token);
    }
}
