package io.nova.kernel.grpc;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.nova.kernel.auth.AccessTokenVerifier;
import io.nova.kernel.auth.InvalidTokenException;
import io.nova.kernel.auth.NovaPrincipal;

/** Verifies the caller's token on incoming gRPC calls; a bad one ends the call with UNAUTHENTICATED. */
public final class CallerInterceptor implements ServerInterceptor {

    private static final String BEARER = "Bearer ";

    private final AccessTokenVerifier verifier;

    public CallerInterceptor(AccessTokenVerifier verifier) {
        this.verifier = verifier;
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                                                        ServerCallHandler<Q, R> next) {
        String authorization = headers.get(GrpcIdentity.AUTHORIZATION);
        if (authorization == null) {
            return next.startCall(call, headers);
        }
        NovaPrincipal caller;
        try {
            if (!authorization.startsWith(BEARER)) {
                throw new InvalidTokenException("not a bearer token");
            }
            caller = verifier.verify(authorization.substring(BEARER.length()).trim());
        } catch (InvalidTokenException e) {
            call.close(Status.UNAUTHENTICATED.withDescription("invalid access token"), new Metadata());
            return new ServerCall.Listener<>() { };
        }
        return Contexts.interceptCall(Context.current().withValue(GrpcIdentity.CALLER, caller), call, headers, next);
    }
}
