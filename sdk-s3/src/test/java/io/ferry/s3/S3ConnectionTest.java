package io.ferry.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.core.FerryConfigException;
import io.ferry.s3.internal.S3ClientLease;
import io.ferry.s3.testing.SharedS3Mock;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.util.Collections;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

class S3ConnectionTest {

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 65})
    void maxConcurrency_outOfRange_throws(int value) {
        assertThatThrownBy(() -> S3Connection.builder().maxConcurrency(value))
                .isInstanceOf(FerryConfigException.class)
                .hasMessage("maxConcurrency must be between 1 and 64, was " + value + " (maxConcurrency)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://host", "not a uri", "/relative"})
    void endpoint_notHttp_throws(String value) {
        assertThatThrownBy(() -> S3Connection.builder().endpoint(value))
                .isInstanceOf(FerryConfigException.class)
                .hasMessageContaining("'" + value + "'")
                .hasMessageEndingWith("(endpoint)");
    }

    @Test
    void build_clientWithEndpoint_throws() {
        S3Client client = SharedS3Mock.get().client();
        assertThatThrownBy(() -> S3Connection.builder().client(client).endpoint("http://x").build())
                .isInstanceOf(FerryConfigException.class)
                .hasMessageEndingWith("(client)");
    }

    @Test
    void lease_givenClient_isNotClosed() {
        SharedS3Mock s3 = SharedS3Mock.get();
        String bucket = s3.newBucket("lease");
        try (S3ClientLease lease = S3ClientLease.open(S3Connection.builder().client(s3.client()).build())) {
            assertThat(lease.client()).isSameAs(s3.client());
        }
        s3.client().putObject(b -> b.bucket(bucket).key("still-open"), RequestBody.fromString("x"));
        assertThat(s3.client().headObject(b -> b.bucket(bucket).key("still-open")).contentLength()).isEqualTo(1);
    }

    @Test
    void lease_builtFromOptions_talksToEndpoint() {
        SharedS3Mock s3 = SharedS3Mock.get();
        String bucket = s3.newBucket("built");
        S3Connection c = S3Connection.builder()
                .region("eu-west-1")
                .endpoint(s3.endpoint())
                .pathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")))
                .build();
        try (S3ClientLease lease = S3ClientLease.open(c)) {
            lease.client().putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString("hello"));
        }
        assertThat(s3.client().getObjectAsBytes(b -> b.bucket(bucket).key("k")).asUtf8String()).isEqualTo("hello");
    }

    @Test
    void sharedS3Mock_listensOnLoopbackOnly() throws IOException {
        int port = SharedS3Mock.get().endpoint().getPort();
        Optional<InetAddress> external = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .flatMap(i -> Collections.list(i.getInetAddresses()).stream())
                .filter(a -> !a.isLoopbackAddress() && a instanceof java.net.Inet4Address)
                .findFirst();
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            assertThat(s.isConnected()).isTrue();
        }
        if (external.isPresent()) {
            assertThatThrownBy(() -> {
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress(external.get(), port), 2000);
                }
            }).isInstanceOf(IOException.class);
        }
    }

    @Test
    void toString_namesCredentialSourceOnly() {
        S3Connection c = S3Connection.builder()
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIA1", "topsecret")))
                .build();
        assertThat(c.toString()).doesNotContain("topsecret").contains("StaticCredentialsProvider");
    }
}
