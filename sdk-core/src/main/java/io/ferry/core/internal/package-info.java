/**
 * Small helpers that several Ferry modules share (sdk-s3, sdk-td). Not API: may change in any
 * release; applications should not use it.
 */
package io.ferry.core.internal;
