/** Implementation of the JSON Lines writer. Not API; may change in any release. */
package io.ferry.formats.json.internal;
