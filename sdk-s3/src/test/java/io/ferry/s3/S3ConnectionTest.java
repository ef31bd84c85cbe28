package io.ferry.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.core.FerryConfigException;
import io.ferry.s3.internal.S3ClientLease;
import io.ferry.s3.testing.SharedS3Mock;
import io.ferry.s3.testing.SharedS3Proxy;
import io.ferry.s3.testing.TestStore;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.util.Collections;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
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

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.ferry.s3.testing.TestStore#all")
    void testStore_listensOnLoopbackOnly(TestStore store) throws IOException {
        int port = store.endpoint().getPort();
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

    /** Ferry's checksum policy: the option, else a ready client's own setting, else by endpoint. */
    @ParameterizedTest(name = "option {0}, endpoint {1}, client {2} -> {3}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "-              | false | -              | WHEN_SUPPORTED",
        "-              | true  | -              | WHEN_REQUIRED",
        "WHEN_SUPPORTED | true  | -              | WHEN_SUPPORTED",
        "WHEN_REQUIRED  | false | -              | WHEN_REQUIRED",
        "-              | false | WHEN_SUPPORTED | WHEN_SUPPORTED",
        "-              | false | WHEN_REQUIRED  | WHEN_REQUIRED",
        "WHEN_REQUIRED  | false | WHEN_SUPPORTED | WHEN_REQUIRED",
        "WHEN_SUPPORTED | false | WHEN_REQUIRED  | WHEN_SUPPORTED",
    })
    void requestChecksums_resolvedFromOptionClientOrEndpoint(RequestChecksums option, boolean endpoint,
                                                             RequestChecksumCalculation client, RequestChecksums expected) {
        S3Connection.Builder b = S3Connection.builder();
        if (option != null) {
            b.requestChecksums(option);
        }
        if (endpoint) {
            b.endpoint("http://127.0.0.1:9000");
        }
        S3Client own = client == null ? null : S3Client.builder().region(Region.US_EAST_1)
                .credentialsProvider(AnonymousCredentialsProvider.create()).requestChecksumCalculation(client).build();
        try {
            if (own != null) {
                b.client(own);
            }
            assertThat(S3ClientLease.requestChecksums(b.build())).isEqualTo(expected);
        } finally {
            if (own != null) {
                own.close();
            }
        }
    }

    @Test
    void lease_endpointWithoutOption_buildsClientWithChecksumsWhenRequired() {
        S3Connection withEndpoint = S3Connection.builder().endpoint(SharedS3Proxy.get().endpoint()).build();
        S3Connection aws = S3Connection.builder().region("us-east-1")
                .credentials(io.ferry.core.credentials.Credentials.basic("a", "b")).build();
        try (S3ClientLease lease = S3ClientLease.open(withEndpoint); S3ClientLease plain = S3ClientLease.open(aws);
             S3Client sdkDefault = S3Client.builder().region(Region.US_EAST_1)
                     .credentialsProvider(AnonymousCredentialsProvider.create()).build()) {
            assertThat(lease.client().serviceClientConfiguration().requestChecksumCalculation())
                    .isEqualTo(RequestChecksumCalculation.WHEN_REQUIRED);
            assertThat(lease.client().serviceClientConfiguration().responseChecksumValidation())
                    .isEqualTo(ResponseChecksumValidation.WHEN_REQUIRED);
            // for Amazon S3 the AWS SDK's own default (and its environment variable) is left alone
            assertThat(plain.client().serviceClientConfiguration().requestChecksumCalculation())
                    .isEqualTo(sdkDefault.serviceClientConfiguration().requestChecksumCalculation());
        }
    }

    @Test
    void requestChecksums_keptByToBuilderAndShownByToString() {
        S3Connection c = S3Connection.builder().requestChecksums(RequestChecksums.WHEN_REQUIRED).build();
        assertThat(c.toBuilder().build().requestChecksums()).contains(RequestChecksums.WHEN_REQUIRED);
        assertThat(c.toString()).endsWith(", requestChecksums=WHEN_REQUIRED}");
        assertThat(S3Connection.builder().build().requestChecksums()).isEmpty();
    }

    @Test
    void toString_namesCredentialSourceOnly() {
        S3Connection c = S3Connection.builder()
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIA1", "topsecret")))
                .build();
        assertThat(c.toString()).doesNotContain("topsecret").contains("StaticCredentialsProvider");
    }
}
