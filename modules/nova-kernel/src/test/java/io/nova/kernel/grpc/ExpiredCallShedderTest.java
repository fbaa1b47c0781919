package io.nova.kernel.grpc;

import com.codahale.metrics.MetricRegistry;
import io.grpc.BindableService;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.ServerServiceDefinition;
import io.grpc.ServiceDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.ServerCalls;
import io.nova.kernel.config.GrpcConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Overload on a real gRPC server with one thread: a call that waited for the thread longer than its caller's
 * deadline is dropped unserved, and counted; calls still wanted are served.
 */
class ExpiredCallShedderTest {

    private static final MethodDescriptor.Marshaller<String> TEXT = TextMarshaller.TEXT;
    private static final MethodDescriptor<String, String> WORK = MethodDescriptor.<String, String>newBuilder()
            .setType(MethodDescriptor.MethodType.UNARY)
            .setFullMethodName(MethodDescriptor.generateFullMethodName("nova.test.Busy", "Work"))
            .setRequestMarshaller(TEXT).setResponseMarshaller(TEXT).build();

    private final MetricRegistry metrics = new MetricRegistry();
    private final AtomicInteger served = new AtomicInteger();
    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch busy = new CountDownLatch(1);
    private ManagedGrpcServer server;
    private ManagedChannel channel;

    @BeforeEach
    void start() throws IOException {
        GrpcConfig config = new GrpcConfig();
        config.setBindHost("127.0.0.1");
        config.setMaxThreads(1);
        config.setShutdownTimeout(io.dropwizard.util.Duration.seconds(2));
        server = new ManagedGrpcServer(config, metrics);
        ServerServiceDefinition busyService = ServerServiceDefinition.builder(
                        ServiceDescriptor.newBuilder("nova.test.Busy").addMethod(WORK).build())
                .addMethod(WORK, ServerCalls.asyncUnaryCall((request, response) -> {
                    served.incrementAndGet();
                    if (request.equals("hold")) {
                        busy.countDown();
                        await(release);
                    }
                    response.onNext("done " + request);
                    response.onCompleted();
                }))
                .build();
        BindableService bindable = () -> busyService;
        server.addService(bindable);
        server.start();
        channel = NettyChannelBuilder.forAddress("127.0.0.1", server.port()).usePlaintext().build();
    }

    @AfterEach
    void stop() throws Exception {
        release.countDown();
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        server.stop();
    }

    @Test
    void aCallWhoseCallerGaveUpWhileQueuedIsNeverServed() throws Exception {
        CompletableFuture<String> holder = CompletableFuture.supplyAsync(() -> call("hold", 10_000));
        assertThat(busy.await(5, TimeUnit.SECONDS)).isTrue();

        StatusRuntimeException expired = catchThrowableOfType(StatusRuntimeException.class, () -> call("late", 200));
        assertThat(expired.getStatus().getCode()).isEqualTo(Status.Code.DEADLINE_EXCEEDED);
        Thread.sleep(300);  // well past the late call's deadline, still queued behind "hold"
        release.countDown();
        assertThat(holder.get(5, TimeUnit.SECONDS)).isEqualTo("done hold");

        assertThat(call("after", 5_000)).isEqualTo("done after");
        assertThat(served).as("hold and after served; late dropped unserved").hasValue(2);
        assertThat(metrics.meter("grpc.server.shed").getCount()).isEqualTo(1);
    }

    private String call(String request, long deadlineMillis) {
        return ClientCalls.blockingUnaryCall(channel, WORK,
                CallOptions.DEFAULT.withDeadlineAfter(deadlineMillis, TimeUnit.MILLISECONDS), request);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
