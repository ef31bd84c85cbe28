package io.ferry.formats.guess;

import io.ferry.core.FerryConfigException;
import io.ferry.formats.decode.Decoder;
import io.ferry.formats.guess.internal.GuessResultJson;
import io.ferry.formats.read.ParserConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a guess inferred: the decoder and the parser config (charset, newline, layout, columns
 * with types and timestamp formats), and how sure it was: the rows it saw, each choice with its
 * evidence and runner-up ({@link #choices()}), and per column the type chosen and the types
 * rejected with the value that ruled each out ({@link #columns()}). Read it, edit it
 * ({@link #toBuilder()} or the JSON), save it ({@link #toJson()}) and pass {@link #parser()} back
 * to an import. Immutable.
 *
 * <pre>{@code
 * GuessResult g = FormatGuesser.guess("data.csv.gz", bytes, true);
 * if (g.sampleRows() < 10 || g.choice("quote").flatMap(GuessChoice::runnerUp).isPresent()) {
 *     g.choices().forEach(System.out::println);   // decide, or set the options yourself
 * }
 * Files.writeString(path, g.toJson());
 * GuessResult again = GuessResult.fromJson(Files.readString(path));
 * }</pre>
 */
public final class GuessResult {
    private final Decoder decoder;
    private final ParserConfig parser;
    private final int sampleRows;
    private final List<GuessChoice> choices;
    private final List<ColumnGuess> columns;

    private GuessResult(Builder b) {
        this.decoder = b.decoder;
        this.parser = b.parser;
        this.sampleRows = b.sampleRows;
        this.choices = List.copyOf(b.choices);
        this.columns = List.copyOf(b.columns);
    }

    /** {@return a new builder; the parser is required, the decoder defaults to AUTO} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder holding this result's values} */
    public Builder toBuilder() {
        return new Builder().decoder(decoder).parser(parser).sampleRows(sampleRows).choices(choices).columns(columns);
    }

    /** {@return the decoder the sample needed (NONE, GZIP, ...), or AUTO when not known} */
    public Decoder decoder() {
        return decoder;
    }

    /** {@return the inferred parser config} */
    public ParserConfig parser() {
        return parser;
    }

    /** {@return how many data rows the sample held (header and comment lines not counted)} */
    public int sampleRows() {
        return sampleRows;
    }

    /**
     * {@return the choices the guess made, each with its evidence and runner-up: {@code type} for
     * JSON; {@code delimiter}, {@code quote}, {@code escape} and {@code skip_header_lines} for
     * delimited text; empty for a result built by hand}
     */
    public List<GuessChoice> choices() {
        return choices;
    }

    /**
     * The choice made for one option.
     *
     * @param option a parser config key such as {@code quote}
     * @return the choice, or empty if the guess did not decide that option
     */
    public Optional<GuessChoice> choice(String option) {
        return choices.stream().filter(c -> c.option().equals(option)).findFirst();
    }

    /** {@return per column, in order, the type chosen and the types rejected; empty for a result built by hand} */
    public List<ColumnGuess> columns() {
        return columns;
    }

    /**
     * {@return this result as JSON: {@code {"decoder": "gzip", "sample_rows": 5, "parser": {...},
     * "choices": [...], "columns": [...]}}, where {@code parser} has the keys of a load.yml parser section}
     */
    public String toJson() {
        return GuessResultJson.write(this);
    }

    /**
     * Reads a result written by {@link #toJson()}; {@code choices} and {@code columns} may be left out.
     *
     * @param json the JSON text
     * @return the result
     * @throws FerryConfigException naming the key at fault
     */
    public static GuessResult fromJson(String json) {
        FerryConfigException.requireNonNull(json, "json");
        return GuessResultJson.read(json);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GuessResult other && other.decoder == decoder && other.parser.equals(parser)
                && other.sampleRows == sampleRows && other.choices.equals(choices) && other.columns.equals(columns);
    }

    @Override
    public int hashCode() {
        return Objects.hash(decoder, parser, sampleRows, choices, columns);
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
        private final List<GuessChoice> choices = new ArrayList<>();
        private final List<ColumnGuess> columns = new ArrayList<>();

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
         * Adds a choice to the report.
         *
         * @param choice the choice
         * @return this builder
         */
        public Builder choice(GuessChoice choice) {
            choices.add(FerryConfigException.requireNonNull(choice, "choices"));
            return this;
        }

        /**
         * Replaces the choices of the report.
         *
         * @param choices the choices, in order; none may be null
         * @return this builder
         */
        public Builder choices(List<GuessChoice> choices) {
            FerryConfigException.requireNonNull(choices, "choices");
            this.choices.clear();
            choices.forEach(this::choice);
            return this;
        }

        /**
         * Adds a column to the report.
         *
         * @param column the column guess
         * @return this builder
         */
        public Builder column(ColumnGuess column) {
            columns.add(FerryConfigException.requireNonNull(column, "columns"));
            return this;
        }

        /**
         * Replaces the columns of the report.
         *
         * @param columns the column guesses, in order; none may be null
         * @return this builder
         */
        public Builder columns(List<ColumnGuess> columns) {
            FerryConfigException.requireNonNull(columns, "columns");
            this.columns.clear();
            columns.forEach(this::column);
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
