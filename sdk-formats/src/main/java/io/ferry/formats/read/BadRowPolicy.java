package io.ferry.formats.read;

/** What a reader does with a row it cannot parse or convert. */
public enum BadRowPolicy {
    /** Stop at the first bad row with a {@link io.ferry.core.FerryDataException} naming its location. The default. */
    FAIL,
    /** Skip the row, count it and keep the first few locations (see {@link ParserConfig#badRowSamples()}). */
    SKIP
}
