/** Internal: guards around codec streams. Not API; may change without notice. */
package io.ferry.formats.decode.internal;
