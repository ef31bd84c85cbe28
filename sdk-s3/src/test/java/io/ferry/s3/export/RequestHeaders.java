package io.ferry.s3.export;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.SdkHttpRequest;

/** Records every request the client sends (operation name and headers), for assertions. */
final class RequestHeaders implements ExecutionInterceptor {
    /** One request as sent. */
    static final class Sent {
        final String operation;
        final SdkHttpRequest request;

        Sent(String operation, SdkHttpRequest request) {
            this.operation = operation;
            this.request = request;
        }

        String header(String name) {
            return request.firstMatchingHeader(name).orElse(null);
        }

        Map<String, List<String>> headers() {
            return request.headers();
        }
    }

    private final List<Sent> sent = new CopyOnWriteArrayList<>();

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        sent.add(new Sent(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME), context.httpRequest()));
    }

    /** The requests of one operation ({@code PutObject}, {@code CompleteMultipartUpload}...), in order. */
    List<Sent> of(String operation) {
        return sent.stream().filter(s -> s.operation.equals(operation)).collect(java.util.stream.Collectors.toList());
    }
}
