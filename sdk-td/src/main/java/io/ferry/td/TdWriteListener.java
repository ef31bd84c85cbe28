package io.ferry.td;

/**
 * Receives a Treasure Data write's progress: each chunk once it is imported, and snapshots of the
 * counters. Every method has an empty default; implement the ones you need. Called on the thread
 * that writes the records (chunks are uploaded on it), one event after another; keep it quick.
 * An exception thrown here fails the write: it is aborted as after any failure (the temporary
 * table of a replace is deleted; chunks an APPEND already imported stay) and the exception reaches
 * the caller unchanged.
 *
 * <pre>{@code
 * TdWriteListener log = new TdWriteListener() {
 *     public void chunkUploaded(String table, int chunk, long rows, long bytes) {
 *         System.out.printf("chunk %d: %,d rows, %,d bytes into %s%n", chunk, rows, bytes, table);
 *     }
 * };
 * TdWriter w = TdWriter.builder().database("db").table("events").listener(log).build();
 * }</pre>
 */
public interface TdWriteListener {
    /** A listener that ignores everything. */
    TdWriteListener NONE = new TdWriteListener() { };

    /**
     * A chunk was imported.
     *
     * @param table the table it went into, as {@code db.table} (the temporary table of a replace)
     * @param chunk its number in this write, from 1
     * @param rows  the rows it holds
     * @param bytes its size as uploaded (gzip-compressed)
     */
    default void chunkUploaded(String table, int chunk, long rows, long bytes) {
    }

    /**
     * Progress: called every 10,000 rows and after each chunk.
     *
     * @param progress the figures so far
     */
    default void progress(TdWriteProgress progress) {
    }
}
