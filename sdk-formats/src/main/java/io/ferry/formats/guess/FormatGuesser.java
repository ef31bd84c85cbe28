package io.ferry.formats.guess;

import io.ferry.core.FerryConfigException;
import io.ferry.core.FerryDataException;
import io.ferry.formats.Newline;
import io.ferry.formats.decode.Decoder;
import io.ferry.formats.guess.internal.CharsetGuess;
import io.ferry.formats.guess.internal.CsvGuess;
import io.ferry.formats.guess.internal.JsonGuess;
import io.ferry.formats.guess.internal.Sample;
import java.nio.charset.Charset;

/**
 * Infers how to read a file from its first bytes: decoder (magic bytes), charset, newline,
 * layout (CSV, TSV, JSON Lines, JSON), delimiter, quote, escape, null string, comment marker,
 * header lines, column names and types with timestamp formats. Stateless and thread-safe.
 *
 * <p>It reads at most {@link #SAMPLE_BYTES} decoded bytes and needs one complete row; one column
 * is fine. A sample cut in the middle of a compressed stream or of a quoted value is fine: the
 * partial last row is dropped. The result says how sure the guess was: the rows it saw, each
 * choice with its runner-up, and per column the types rejected with the value that ruled each
 * out; a caller can check those before trusting a guess from a small sample.
 *
 * <pre>{@code
 * byte[] head = firstMegabyteOf("logs/a.csv.gz");
 * GuessResult g = FormatGuesser.guess("logs/a.csv.gz", head, false);
 * ParserConfig parser = g.parser();
 * }</pre>
 */
public final class FormatGuesser {
    /** The most decoded bytes a guess looks at: 32 KB. */
    public static final int SAMPLE_BYTES = 32 * 1024;

    private FormatGuesser() {
    }

    /**
     * Guesses from the first bytes of a file.
     *
     * @param name     the file name or object key (for the decoder suffix and error messages)
     * @param raw      the file's first bytes, compressed as stored
     * @param complete whether {@code raw} is the whole file
     * @return the guessed parser config and the sample it came from
     * @throws FerryDataException if the sample holds no complete row
     */
    public static GuessResult guess(String name, byte[] raw, boolean complete) {
        FerryConfigException.requireNonNull(name, "name");
        FerryConfigException.requireNonNull(raw, "raw");
        Sample sample = Sample.read(name, Decoder.AUTO, raw, complete, SAMPLE_BYTES);
        Charset charset = CharsetGuess.guess(sample.bytes(), sample.truncated());
        String text = CharsetGuess.decode(sample.bytes(), charset);
        Newline newline = newline(text);
        CsvGuess.Guessed g = JsonGuess.guess(text, sample.truncated());
        if (g == null) {
            g = CsvGuess.guess(text, sample.truncated(), newline);
        }
        if (g == null || g.rows() == 0) {
            throw new FerryDataException(name, 0, null, "cannot guess the format: the sample ("
                    + sample.bytes().length + " bytes after decoding) holds no complete row; guess from a larger"
                    + " part of the file, or give the parser config explicitly instead (parser(...))");
        }
        return GuessResult.builder()
                .decoder(sample.decoder())
                .parser(g.config().charset(charset).newline(newline).build())
                .sampleRows(g.rows())
                .choices(g.choices())
                .columns(g.columns())
                .build();
    }

    /** The most frequent line terminator of {@code text}; CRLF when there is none. */
    static Newline newline(String text) {
        int crlf = 0;
        int lf = 0;
        int cr = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r') {
                if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    crlf++;
                    i++;
                } else {
                    cr++;
                }
            } else if (c == '\n') {
                lf++;
            }
        }
        if (lf > crlf && lf >= cr) {
            return Newline.LF;
        }
        if (cr > crlf && cr > lf) {
            return Newline.CR;
        }
        return Newline.CRLF;
    }
}
