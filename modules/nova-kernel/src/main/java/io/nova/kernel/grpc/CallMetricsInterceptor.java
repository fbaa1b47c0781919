package io.nova.kernel.grpc;

import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Timer;
import io.grpc.ForwardingServerCall.SimpleForwardingServerCall;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;

/** A timer per gRPC method and a counter per method and status code, next to the HTTP resource timers. */
final class CallMetricsInterceptor implements ServerInterceptor {

    private final MetricRegistry metrics;

    CallMetricsInterceptor(MetricRegistry metrics) {
        this.metrics = metrics;
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                                                        ServerCallHandler<Q, R> next) {
        String method = call.getMethodDescriptor().getFullMethodName().replace('/', '.');
        Timer.Context timing = metrics.timer(MetricRegistry.name("grpc.server", method)).time();
        return next.startCall(new SimpleForwardingServerCall<>(call) {
            @Override
            public void close(Status status, Metadata trailers) {
                timing.stop();
                metrics.counter(MetricRegistry.name("grpc.server", method, status.getCode().name())).inc();
                super.close(status, trailers);
            }
        }, headers);
    }
}
