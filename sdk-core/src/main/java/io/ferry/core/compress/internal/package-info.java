/**
 * Parallel gzip, shared by the Ferry modules that write gzip (sdk-s3's export objects, sdk-td's
 * msgpack.gz chunks): a pool of deflate threads and an output stream that compresses blocks on
 * it. Pure JDK. Not API: may change in any release; applications should not use it.
 */
package io.ferry.core.compress.internal;
