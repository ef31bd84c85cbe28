package io.ferry.formats.guess;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.ferry.core.FerryConfigException;
import io.ferry.formats.decode.Decoder;
import io.ferry.formats.read.ParserConfig;
import io.ferry.formats.internal.ParserConfigJson;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Objects;

/**
 * What a guess inferred: the decoder and the parser config (charset, newline, layout, columns
 * with types and timestamp formats). Read it, edit it ({@link #toBuilder()} or the JSON), save it
 * ({@link #toJson()}) and pass {@link #parser()} back to an import. Immutable.
 *
 * <pre>{@code
 * GuessResult g = FormatGuesser.guess("data.csv.gz", bytes, true);
 * Files.writeString(path, g.toJson());
 * GuessResult again = GuessResult.fromJson(Files.readString(path));
 * }</pre>
 */
public final class GuessResult {
    private static final JsonFactory JSON = new JsonFactory();

    private final Decoder decoder;
    private final ParserConfig parser;
    private final int sampleRows;

    private GuessResult(Builder b) {
        this.decoder = b.decoder;
        this.parser = b.parser;
        this.sampleRows = b.sampleRows;
    }

    /** {@return a new builder; the parser is required, the decoder defaults to AUTO} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder holding this result's values} */
    public Builder toBuilder() {
        return new Builder().decoder(decoder).parser(parser).sampleRows(sampleRows);
    }

    /** {@return the decoder the sample needed (NONE, GZIP, ...), or AUTO when not known} */
    public Decoder decoder() {
        return decoder;
    }

    /** {@return the inferred parser config} */
    public ParserConfig parser() {
        return parser;
    }

    /** {@return how many data rows the sample held} */
    public int sampleRows() {
        return sampleRows;
    }

    /** {@return this result as JSON: {@code {"decoder": "gzip", "sample_rows": 5, "parser": {...}}}} */
    public String toJson() {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(w)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("decoder", decoder.name().toLowerCase(Locale.ROOT));
            g.writeNumberField("sample_rows", sampleRows);
            g.writeFieldName("parser");
            ParserConfigJson.write(g, parser);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    /**
     * Reads a result written by {@link #toJson()}.
     *
     * @param json the JSON text
     * @return the result
     * @throws FerryConfigException naming the key at fault
     */
    public static GuessResult fromJson(String json) {
        FerryConfigException.requireNonNull(json, "json");
        Builder b = builder();
        try (JsonParser p = JSON.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new FerryConfigException("guess", "a guess result must be a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                JsonToken t = p.nextToken();
                switch (key) {
                    case "decoder":
                        b.decoder(Decoder.parse(p.getText()));
                        break;
                    case "sample_rows":
                        if (t != JsonToken.VALUE_NUMBER_INT) {
                            throw new FerryConfigException(key, "expected a whole number");
                        }
                        b.sampleRows(p.getIntValue());
                        break;
                    case "parser":
                        b.parser(ParserConfigJson.read(p));
                        break;
                    default:
                        throw new FerryConfigException(key, "unknown key '" + key
                                + "' in a guess result; the keys are decoder, sample_rows and parser");
                }
            }
        } catch (IOException e) {
            throw new FerryConfigException("guess", "the guess result is not valid JSON: " + e.getMessage(), e);
        }
        return b.build();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GuessResult other && other.decoder == decoder
                && other.parser.equals(parser) && other.sampleRows == sampleRows;
    }

    @Override
    public int hashCode() {
        return Objects.hash(decoder, parser, sampleRows);
    }

    @Override
    public String toString() {
        return toJson();
    }

    /** Builds a {@link GuessResult}. Not thread-safe. */
    public static final class Builder {
        private Decoder decoder = Decoder.AUTO;
        private ParserConfig parser;
        private int sampleRows;

        private Builder() {
        }

        /**
         * The decoder; default AUTO.
         *
         * @param decoder the decoder
         * @return this builder
         */
        public Builder decoder(Decoder decoder) {
            this.decoder = FerryConfigException.requireNonNull(decoder, "decoder");
            return this;
        }

        /**
         * The parser config; required.
         *
         * @param parser the parser config
         * @return this builder
         */
        public Builder parser(ParserConfig parser) {
            this.parser = FerryConfigException.requireNonNull(parser, "parser");
            return this;
        }

        /**
         * The number of data rows in the sample; 0 or more.
         *
         * @param rows the number of data rows in the sample
         * @return this builder
         */
        public Builder sampleRows(int rows) {
            if (rows < 0) {
                throw new FerryConfigException("sample_rows", "must be 0 or more, was " + rows);
            }
            this.sampleRows = rows;
            return this;
        }

        /**
         * @return the result
         * @throws FerryConfigException if the parser is missing
         */
        public GuessResult build() {
            if (parser == null) {
                throw new FerryConfigException("parser", "a guess result needs a parser config");
            }
            return new GuessResult(this);
        }
    }
}
