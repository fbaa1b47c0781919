package io.nova.testing;

import io.grpc.ManagedChannel;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;

import java.util.concurrent.TimeUnit;

/** Asks a gRPC server's standard health service, as a Kubernetes gRPC probe or a client would. */
public final class GrpcHealthProbe {

    private GrpcHealthProbe() {
    }

    /** The serving status of {@code service} ("" for the server as a whole). */
    public static HealthCheckResponse.ServingStatus check(int port, String service) {
        ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
        try {
            return HealthGrpc.newBlockingStub(channel)
                    .withDeadlineAfter(5, TimeUnit.SECONDS)
                    .check(HealthCheckRequest.newBuilder().setService(service).build())
                    .getStatus();
        } finally {
            channel.shutdownNow();
        }
    }
}
