package io.ferry.s3.testing;

import io.ferry.core.credentials.Credentials;
import io.ferry.s3.S3Connection;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * An S3 implementation the tests run against: {@link SharedS3Mock} (Adobe S3Mock) or
 * {@link SharedS3Proxy} (S3Proxy over an in-memory store). Both run in-process on 127.0.0.1 with a
 * random port, accept the same dummy credentials, and stop when the JVM exits.
 *
 * <p>Parameterize a test class over {@link #all()} to run it against both:
 *
 * <pre>{@code
 * @ParameterizedClass(name = "{0}")
 * @MethodSource("io.ferry.s3.testing.TestStore#all")
 * class MyTest {
 *     private final TestStore store;
 *
 *     MyTest(TestStore store) {
 *         this.store = store;
 *     }
 * }
 * }</pre>
 */
public interface TestStore {
    /** Access key id of the dummy credentials every test store accepts. */
    String ACCESS_KEY_ID = "ferry-test";
    /** Secret of the dummy credentials. */
    String SECRET_ACCESS_KEY = "ferry-test-secret";

    /** What one store does as S3 does, where S3 implementations differ (the table in docs/s3-compatibility.md). */
    enum Feature {
        /** {@code If-None-Match: *} on PutObject and CompleteMultipartUpload answers 412 when the key exists. */
        CONDITIONAL_WRITES,
        /** Flexible checksums: {@code aws-chunked} bodies with a checksum trailer, {@code x-amz-checksum-*} headers. */
        FLEXIBLE_CHECKSUMS,
        /** Server-side encryption headers ({@code x-amz-server-side-encryption}) are accepted and echoed. */
        ENCRYPTION_HEADERS,
        /** Canned ACL headers ({@code x-amz-acl}) are accepted. */
        ACL_HEADERS,
        /** The GLACIER storage class is kept and listed as GLACIER. */
        GLACIER_STORAGE_CLASS,
        /** Listings give LastModified to the millisecond. */
        MILLISECOND_LISTINGS,
        /**
         * ListMultipartUploads gives each upload's real initiation time and takes the paging
         * options ({@code max-uploads}, {@code delimiter}, markers).
         */
        MULTIPART_UPLOAD_LISTING
    }

    /** The stores every cross-store test runs against, each started on first use. */
    static List<TestStore> all() {
        return List.of(SharedS3Mock.get(), SharedS3Proxy.get());
    }

    /** A short name for test reports: {@code s3mock}, {@code s3proxy}. */
    String name();

    /** The plain-HTTP endpoint, {@code http://127.0.0.1:PORT}. */
    URI endpoint();

    /** Whether the store does {@code feature} as S3 does. */
    boolean supports(Feature feature);

    /** A client builder preset for this store (endpoint, path style, dummy credentials, checksum settings it accepts). */
    S3ClientBuilder clientBuilder();

    /** A client for setup and assertions. Shared; do not close. */
    S3Client client();

    /**
     * Points a Ferry connection at this store the way a user points Ferry at any S3-compatible
     * store: endpoint, path style, region and basic credentials. Checksums stay at Ferry's
     * default for an endpoint override.
     */
    default void connect(S3Connection.Builder c) {
        c.endpoint(endpoint()).pathStyle(true).region("us-east-1")
                .credentials(Credentials.basic(ACCESS_KEY_ID, SECRET_ACCESS_KEY));
    }

    /** Creates a bucket with a unique name that starts with {@code prefix}, and returns the name. */
    default String newBucket(String prefix) {
        String name = (prefix + "-" + BucketNames.NEXT.incrementAndGet() + "-" + System.nanoTime() % 100000)
                .toLowerCase(Locale.ROOT);
        client().createBucket(b -> b.bucket(name));
        return name;
    }

    /** Bucket name counter shared by the stores. */
    final class BucketNames {
        static final AtomicInteger NEXT = new AtomicInteger();

        private BucketNames() {
        }
    }
}
