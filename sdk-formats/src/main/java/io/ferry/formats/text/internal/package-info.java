/**
 * Text primitives that several features share: number and timestamp text for the CSV and JSON
 * writers; the CSV tokenizer, timestamp parser and value converter for the readers and for guess.
 * Not API; may change in any release.
 */
package io.ferry.formats.text.internal;
