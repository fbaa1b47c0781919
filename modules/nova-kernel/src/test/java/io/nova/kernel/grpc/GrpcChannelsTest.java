package io.nova.kernel.grpc;

import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.ServiceDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.ServerCalls;
import io.nova.kernel.TestTokens;
import io.nova.kernel.auth.AccessTokenVerifier;
import io.nova.kernel.auth.NovaPrincipal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Deadlines, retries of idempotent methods only, and the caller's identity across a real gRPC hop. */
class GrpcChannelsTest {

    private static final String SERVICE = "nova.test.Probe";
    private static final MethodDescriptor.Marshaller<String> TEXT = TextMarshaller.TEXT;

    private static final MethodDescriptor<String, String> WHO = method("Who", true);
    private static final MethodDescriptor<String, String> READ = method("FlakyRead", true);
    private static final MethodDescriptor<String, String> CREATE = method("FlakyCreate", false);
    private static final MethodDescriptor<String, String> SLOW = method("Slow", true);
    private static final ServiceDescriptor DESCRIPTOR = ServiceDescriptor.newBuilder(SERVICE)
            .addMethod(WHO).addMethod(READ).addMethod(CREATE).addMethod(SLOW).build();

    private static final AtomicInteger READ_ATTEMPTS = new AtomicInteger();
    private static final AtomicInteger CREATE_ATTEMPTS = new AtomicInteger();

    private static Server server;
    private static ManagedChannel channel;

    private static MethodDescriptor<String, String> method(String name, boolean idempotent) {
        return MethodDescriptor.<String, String>newBuilder()
                .setType(MethodDescriptor.MethodType.UNARY)
                .setFullMethodName(MethodDescriptor.generateFullMethodName(SERVICE, name))
                .setRequestMarshaller(TEXT)
                .setResponseMarshaller(TEXT)
                .setIdempotent(idempotent)
                .build();
    }

    @BeforeAll
    static void start() throws IOException {
        ServerServiceDefinition probe = ServerServiceDefinition.builder(DESCRIPTOR)
                .addMethod(WHO, ServerCalls.asyncUnaryCall((request, response) -> {
                    response.onNext(GrpcIdentity.caller().map(NovaPrincipal::userId).orElse("(service)"));
                    response.onCompleted();
                }))
                .addMethod(READ, ServerCalls.asyncUnaryCall((request, response) -> {
                    if (READ_ATTEMPTS.incrementAndGet() < 3) {
                        response.onError(Status.UNAVAILABLE.asRuntimeException());
                    } else {
                        response.onNext("read");
                        response.onCompleted();
                    }
                }))
                .addMethod(CREATE, ServerCalls.asyncUnaryCall((request, response) -> {
                    CREATE_ATTEMPTS.incrementAndGet();
                    response.onError(Status.UNAVAILABLE.asRuntimeException());
                }))
                .addMethod(SLOW, ServerCalls.asyncUnaryCall((request, response) -> {
                    try {
                        Thread.sleep(10_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    response.onNext("late");
                    response.onCompleted();
                }))
                .build();
        AccessTokenVerifier verifier = new AccessTokenVerifier(TestTokens.trustedKeys(), "nova", "nova-api",
                Duration.ofMinutes(15), Duration.ofSeconds(30), tokenId -> false, Clock.systemUTC());
        server = NettyServerBuilder.forPort(0)
                .addService(io.grpc.ServerInterceptors.intercept(probe, new CallerInterceptor(verifier)))
                .build().start();
        // Long enough for any call on a loaded machine, far shorter than SLOW: only SLOW may hit the deadline.
        channel = GrpcChannels.open("127.0.0.1:" + server.getPort(), Duration.ofSeconds(3), DESCRIPTOR);
    }

    @AfterAll
    static void stop() {
        channel.shutdownNow();
        server.shutdownNow();
    }

    @BeforeEach
    void reset() {
        READ_ATTEMPTS.set(0);
        CREATE_ATTEMPTS.set(0);
    }

    private static String call(MethodDescriptor<String, String> method, io.grpc.CallOptions options) {
        return ClientCalls.blockingUnaryCall(channel, method, options, "");
    }

    @Test
    void idempotentMethodsAreRetriedOnUnavailable() {
        assertThat(call(READ, io.grpc.CallOptions.DEFAULT)).isEqualTo("read");
        assertThat(READ_ATTEMPTS.get()).isEqualTo(3);
    }

    @Test
    void otherMethodsAreNot() {
        assertThatThrownBy(() -> call(CREATE, io.grpc.CallOptions.DEFAULT))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE));
        assertThat(CREATE_ATTEMPTS.get()).isEqualTo(1);
    }

    @Test
    void everyCallHasADeadline() {
        assertThatThrownBy(() -> call(SLOW, io.grpc.CallOptions.DEFAULT))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.DEADLINE_EXCEEDED));
    }

    @Test
    void theCallerTravelsWithTheCall() {
        NovaPrincipal alice = new NovaPrincipal("alice", "t1", Instant.now().plusSeconds(60), TestTokens.access("alice"));
        assertThat(call(WHO, io.grpc.CallOptions.DEFAULT.withCallCredentials(GrpcIdentity.onBehalfOf(alice))))
                .isEqualTo("alice");
        assertThat(call(WHO, io.grpc.CallOptions.DEFAULT)).isEqualTo("(service)");
    }

    @Test
    void aForgedCallerIsRefused() {
        NovaPrincipal mallory = new NovaPrincipal("alice", "t2", Instant.now().plusSeconds(60),
                TestTokens.forged("alice"));
        assertThatThrownBy(() -> call(WHO, io.grpc.CallOptions.DEFAULT
                .withCallCredentials(GrpcIdentity.onBehalfOf(mallory))))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED));
    }
}
