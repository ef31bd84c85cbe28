package io.ferry.formats.read;

import io.ferry.core.FerryConfigException;
import java.util.Locale;

/** The layout of a text file to import. */
public enum ParserType {
    /** Delimited text; the delimiter defaults to a comma. */
    CSV,
    /** Delimited text; the delimiter defaults to a tab. */
    TSV,
    /** One JSON object per line. */
    JSONL,
    /** A JSON array of objects, or JSON objects one after another. */
    JSON;

    /**
     * {@return the lower-case name used in parser config JSON: {@code csv}, {@code tsv}, {@code jsonl}, {@code json}}
     */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The type with this config name, case-insensitive.
     *
     * @param name a parser type name
     * @return the parser type
     * @throws FerryConfigException naming the allowed values if there is none
     */
    public static ParserType parse(String name) {
        for (ParserType t : values()) {
            if (t.name().equalsIgnoreCase(name)) {
                return t;
            }
        }
        throw new FerryConfigException("type", "unknown parser type '" + name + "'; use csv, tsv, jsonl or json");
    }

    /** {@return whether this is one of the delimited text types} */
    public boolean isDelimited() {
        return this == CSV || this == TSV;
    }
}
