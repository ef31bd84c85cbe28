package io.ferry.s3.imports.internal;

import io.ferry.core.FerryIoException;
import io.ferry.s3.internal.S3Errors;
import java.io.IOException;
import java.io.InputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.Abortable;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The bytes of one S3 object, read with GetObject. When the connection breaks in the middle of
 * the body (a reset, or a body that ends before its Content-Length), it continues with a ranged
 * GET ({@code Range: bytes=N-}) from the first byte not yet returned, pinned to the ETag of the
 * first response with {@code If-Match}, so the bytes handed out form one unbroken copy of one
 * version of the object: the reader above never sees the break and nothing is read twice.
 *
 * <p>At most {@code attempts} GetObject calls per object (each one may be retried by the AWS SDK
 * itself before a body arrives), with a short doubling pause between them. A 412 means the object
 * was replaced while it was being read and fails at once, as does any error that a repeat cannot
 * fix (403, 404). Every failure is a {@link FerryIoException} naming the key and the byte offset,
 * thrown from {@code read}. One reader thread; {@link #abort()} and {@link #close()} may come from
 * another.
 */
final class ResumableObjectStream extends InputStream implements Abortable {
    private static final Logger LOG = LoggerFactory.getLogger(ResumableObjectStream.class);

    private final S3Client client;
    private final String bucket;
    private final String key;
    private final int attempts;
    private int used;
    private String eTag;
    private long length = -1;
    private long position;
    private volatile ResponseInputStream<GetObjectResponse> current;
    private volatile boolean closed;

    /**
     * Sends the first GetObject (repeating it like a resume if it fails in a way a repeat may fix).
     *
     * @param attempts the most GetObject calls for this object, 1 or more
     * @throws FerryIoException naming the key if the object cannot be opened
     */
    ResumableObjectStream(S3Client client, String bucket, String key, int attempts) {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be 1 or more, was " + attempts);
        }
        this.client = client;
        this.bucket = bucket;
        this.key = key;
        this.attempts = attempts;
        open();
    }

    /** Reads the whole object into memory, resuming as needed. */
    static byte[] readAll(S3Client client, String bucket, String key, int attempts) {
        try (ResumableObjectStream in = new ResumableObjectStream(client, bucket, key, attempts)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw S3Errors.cannot("read", bucket, key, e.toString(), e, true);
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (true) {
            if (closed) {
                throw new IOException("s3://" + bucket + "/" + key + " was closed");
            }
            if (length >= 0 && position >= length) {
                return -1;
            }
            Exception broken;
            try {
                int n = current.read(b, off, len);
                if (n > 0) {
                    position += n;
                    return n;
                }
                if (n < 0 && (length < 0 || position >= length)) {
                    return -1;
                }
                broken = new IOException("the body ended at byte " + position + " of " + length);
            } catch (IOException | SdkClientException e) {
                if (closed) {
                    throw e;
                }
                broken = e;
            }
            resume(broken);
        }
    }

    /** Drops the broken response and opens the rest of the object, or throws once the attempts are used up. */
    private void resume(Exception broken) {
        abortCurrent();
        if (used >= attempts) {
            throw S3Errors.cannot("read", bucket, key, "the connection broke at byte " + position + " of " + length
                    + " and " + attempts + " GetObject attempt(s) did not get the rest (" + S3Errors.describe(broken)
                    + "); run the import again, or raise readAttempts if the network is this unreliable", broken, true);
        }
        LOG.info("s3://{}/{}: the connection broke at byte {} of {} ({}); resuming from there", bucket, key,
                position, length, broken.toString());
        open();
    }

    /** Opens the object from {@link #position}: a plain GET first, then ranged GETs pinned to the ETag. */
    private void open() {
        while (true) {
            if (used > 0) {
                ReadRetries.pause(used, "s3://" + bucket + "/" + key + " at byte " + position);
            }
            used++;
            GetObjectRequest.Builder request = GetObjectRequest.builder().bucket(bucket).key(key);
            boolean ranged = eTag != null || position > 0;
            if (ranged) {
                request.range("bytes=" + position + "-");
                if (eTag != null) {
                    request.ifMatch(eTag);
                }
            }
            try {
                ResponseInputStream<GetObjectResponse> in = client.getObject(request.build());
                accept(in, ranged);
                return;
            } catch (SdkException e) {
                if (e instanceof S3Exception s3 && s3.statusCode() == 412) {
                    throw new FerryIoException("s3://" + bucket + "/" + key + " was replaced while it was being"
                            + " read: its ETag is no longer " + eTag + " (HTTP 412 on the GetObject resuming at byte "
                            + position + "); the run was aborted so no row is read twice or from two versions;"
                            + " run the import again", e, true);
                }
                if (!ReadRetries.isTransient(e) || used >= attempts) {
                    String tried = used > 1 ? " after " + used + " GetObject attempts" : "";
                    throw S3Errors.cannot("read", bucket, key + (position > 0 ? " from byte " + position : "") + tried,
                            S3Errors.describe(e), e, S3Errors.retryable(e) || ReadRetries.isTransient(e));
                }
                LOG.info("s3://{}/{}: GetObject from byte {} failed ({}); trying again", bucket, key, position,
                        S3Errors.describe(e));
            }
        }
    }

    private void accept(ResponseInputStream<GetObjectResponse> in, boolean ranged) {
        GetObjectResponse r = in.response();
        if (!ranged) {
            eTag = r.eTag();
            length = r.contentLength() == null ? -1 : r.contentLength();
            current = in;
            return;
        }
        String range = r.contentRange();
        if (range == null && position > 0) {
            // a store that ignores Range sends the whole object again: skip what was already returned
            try {
                in.skipNBytes(position);
            } catch (IOException e) {
                in.abort();
                throw S3Errors.cannot("read", bucket, key + " from byte " + position,
                        "the store ignored the Range header and the full body broke too: " + e, e, true);
            }
        } else if (range != null && !range.startsWith("bytes " + position + "-")) {
            in.abort();
            throw S3Errors.cannot("resume", bucket, key + " at byte " + position,
                    "the store answered with Content-Range '" + range + "'", null, false);
        }
        current = in;
    }

    private void abortCurrent() {
        ResponseInputStream<GetObjectResponse> in = current;
        if (in != null) {
            in.abort();
        }
    }

    /** Drops the open response without reading the rest of it. */
    @Override
    public void abort() {
        closed = true;
        abortCurrent();
    }

    /** Closes the response, dropping the connection instead of draining it when the body was not read to its end. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        ResponseInputStream<GetObjectResponse> in = current;
        if (in == null) {
            return;
        }
        if (length >= 0 && position >= length) {
            in.close();
        } else {
            in.abort();
        }
    }
}
