package io.ferry.s3.export;

/** What an export does when an object key already exists. */
public enum WriteStrategy {
    /**
     * Never overwrite (the default): when the key exists, a suffix {@code -1}, {@code -2}, ... is
     * added before the extension ({@code data.csv.gz} becomes {@code data-1.csv.gz}). The write
     * itself is conditional ({@code If-None-Match: *} on PutObject and CompleteMultipartUpload), so
     * an object created by someone else meanwhile is not overwritten either.
     */
    CREATE_NEW,
    /** Overwrite an existing object with the same key. */
    REPLACE
}
