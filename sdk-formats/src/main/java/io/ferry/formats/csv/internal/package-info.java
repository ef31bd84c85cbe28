/** Implementation of the CSV/TSV writer: field encoding and the writer. Not API; may change in any release. */
package io.ferry.formats.csv.internal;
