package io.nova.kernel.grpc;

import com.google.protobuf.Any;
import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.ServiceDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.ServerCalls;
import io.nova.kernel.errors.DomainException;
import io.nova.kernel.errors.ErrorKind;
import io.nova.kernel.errors.Refusals;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Domain errors across a real gRPC hop: the server's interceptor turns each kind into its status with typed details,
 * and {@link GrpcCalls} turns that back into the same kind, code and details — whether the method threw the error
 * or passed it to {@code onError}. Anything else is INTERNAL on the wire and a 503 to the caller's caller.
 */
class GrpcErrorsTest {

    private static final String SERVICE = "nova.test.Refuser";
    private static final MethodDescriptor.Marshaller<String> TEXT = TextMarshaller.TEXT;
    private static final MethodDescriptor<String, String> THROW = method("Throw");
    private static final MethodDescriptor<String, String> ON_ERROR = method("OnError");
    private static final MethodDescriptor<String, String> BUG = method("Bug");

    private static Server server;
    private static ManagedChannel channel;

    private static MethodDescriptor<String, String> method(String name) {
        return MethodDescriptor.<String, String>newBuilder()
                .setType(MethodDescriptor.MethodType.UNARY)
                .setFullMethodName(MethodDescriptor.generateFullMethodName(SERVICE, name))
                .setRequestMarshaller(TEXT).setResponseMarshaller(TEXT).build();
    }

    @BeforeAll
    static void start() throws IOException {
        ServerServiceDefinition refuser = ServerServiceDefinition.builder(ServiceDescriptor.newBuilder(SERVICE)
                        .addMethod(THROW).addMethod(ON_ERROR).addMethod(BUG).build())
                .addMethod(THROW, ServerCalls.asyncUnaryCall((kind, response) -> {
                    throw Refusals.of(ErrorKind.valueOf(kind));
                }))
                .addMethod(ON_ERROR, ServerCalls.asyncUnaryCall((kind, response) ->
                        response.onError(Refusals.of(ErrorKind.valueOf(kind)))))
                .addMethod(BUG, ServerCalls.asyncUnaryCall((request, response) -> {
                    throw new IllegalStateException("secret internal detail");
                }))
                .build();
        server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
                .addService(ServerInterceptors.intercept(refuser, new DomainErrorInterceptor()))
                .build().start();
        channel = NettyChannelBuilder.forAddress("127.0.0.1", server.getPort()).usePlaintext().build();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    private static String call(MethodDescriptor<String, String> method, String request) {
        return ClientCalls.blockingUnaryCall(channel, method,
                io.grpc.CallOptions.DEFAULT.withDeadlineAfter(10, TimeUnit.SECONDS), request);
    }

    @ParameterizedTest
    @EnumSource(ErrorKind.class)
    void aThrownKindTravelsAsItsStatusWithTypedDetails(ErrorKind kind) throws Exception {
        StatusRuntimeException wire = catchThrowableOfType(StatusRuntimeException.class,
                () -> call(THROW, kind.name()));

        assertThat(wire.getStatus().getCode()).isEqualTo(kind.grpcCode());
        assertThat(wire.getStatus().getDescription()).isEqualTo("Refused as " + kind);
        com.google.rpc.Status status = StatusProto.fromThrowable(wire);
        assertThat(status).isNotNull();
        ErrorInfo info = status.getDetailsList().stream().filter(any -> any.is(ErrorInfo.class)).findFirst()
                .orElseThrow().unpack(ErrorInfo.class);
        assertThat(info.getDomain()).isEqualTo(GrpcErrors.DOMAIN);
        assertThat(info.getReason()).isEqualTo("probe_" + kind.name().toLowerCase(java.util.Locale.ROOT));
        assertThat(info.getMetadataMap()).containsEntry("field", "probe").containsEntry("limit", "7");
        boolean badRequest = status.getDetailsList().stream().anyMatch(any -> any.is(BadRequest.class));
        assertThat(badRequest).isEqualTo(kind == ErrorKind.INVALID);
        if (badRequest) {
            Any detail = status.getDetailsList().stream().filter(any -> any.is(BadRequest.class)).findFirst()
                    .orElseThrow();
            assertThat(detail.unpack(BadRequest.class).getFieldViolations(0).getField()).isEqualTo("probe");
        }
    }

    @ParameterizedTest
    @EnumSource(ErrorKind.class)
    void theCallerGetsTheSameKindCodeAndDetailsBack(ErrorKind kind) {
        for (MethodDescriptor<String, String> method : java.util.List.of(THROW, ON_ERROR)) {
            DomainException back = catchThrowableOfType(DomainException.class,
                    () -> GrpcCalls.call("refuser", () -> call(method, kind.name())));

            assertThat(back.kind()).isEqualTo(kind);
            assertThat(back.code()).isEqualTo("probe_" + kind.name().toLowerCase(java.util.Locale.ROOT));
            assertThat(back.getMessage()).isEqualTo("Refused as " + kind);
            assertThat(back.details()).containsEntry("field", "probe").containsEntry("limit", "7");
            assertThat(back.retryAfter()).isEqualTo(kind == ErrorKind.RATE_LIMITED ? Duration.ofSeconds(9) : null);
        }
    }

    @Test
    void aBugIsInternalWithAReferenceAndNoInternalsAndA503ToTheCallersCaller() {
        StatusRuntimeException wire = catchThrowableOfType(StatusRuntimeException.class, () -> call(BUG, "x"));
        assertThat(wire.getStatus().getCode()).isEqualTo(Status.Code.INTERNAL);
        assertThat(wire.getStatus().getDescription()).startsWith("internal error, reference ")
                .doesNotContain("secret");

        DomainException back = catchThrowableOfType(DomainException.class,
                () -> GrpcCalls.call("refuser", () -> call(BUG, "x")));
        assertThat(back.kind()).isEqualTo(ErrorKind.UNAVAILABLE);
        assertThat(back.code()).isEqualTo("dependency_unavailable");
        assertThat(back.getMessage()).isEqualTo("refuser did not answer; retry shortly");
    }

    @Test
    void anUnreachablePeerIsA503AndSoIsAMissedDeadline() throws Exception {
        ManagedChannel nowhere = NettyChannelBuilder.forAddress("127.0.0.1", 1).usePlaintext().build();
        try {
            assertThatThrownBy(() -> GrpcCalls.call("nowhere", () -> ClientCalls.blockingUnaryCall(nowhere, THROW,
                    io.grpc.CallOptions.DEFAULT.withDeadlineAfter(2, TimeUnit.SECONDS), "INVALID")))
                    .isInstanceOfSatisfying(DomainException.class, e -> {
                        assertThat(e.kind()).isEqualTo(ErrorKind.UNAVAILABLE);
                        assertThat(e.code()).isEqualTo("dependency_unavailable");
                    });
        } finally {
            nowhere.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
        assertThatThrownBy(() -> GrpcCalls.await("refuser", io.grpc.stub.ClientCalls.futureUnaryCall(
                channel.newCall(THROW, io.grpc.CallOptions.DEFAULT.withDeadlineAfter(10, TimeUnit.SECONDS)),
                "NOT_FOUND")))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.kind())
                        .isEqualTo(ErrorKind.NOT_FOUND));
    }

    @Test
    void aStatusFromSomethingThatIsNotNovaKeepsItsKindWithAGenericCode() {
        DomainException back = GrpcErrors.fromStatus("other", Status.PERMISSION_DENIED
                .withDescription("no").asRuntimeException());
        assertThat(back.kind()).isEqualTo(ErrorKind.FORBIDDEN);
        assertThat(back.code()).isEqualTo("forbidden");
        assertThat(back.getMessage()).isEqualTo("no");
    }
}
