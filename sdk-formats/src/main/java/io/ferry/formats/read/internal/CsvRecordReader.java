package io.ferry.formats.read.internal;

import io.ferry.core.record.ColumnType;
import io.ferry.core.record.Record;
import io.ferry.formats.read.ColumnConfig;
import io.ferry.formats.read.CsvOptions;
import io.ferry.formats.read.EscapeMode;
import io.ferry.formats.read.NullRule;
import io.ferry.formats.read.QuotesInQuotedFields;
import io.ferry.formats.read.ParserConfig;
import io.ferry.formats.text.internal.BadValueException;
import io.ferry.formats.text.internal.CsvSyntax;
import io.ferry.formats.text.internal.CsvTokenizer;
import io.ferry.formats.text.internal.RecordTooLargeException;
import io.ferry.formats.text.internal.CsvSyntaxException;
import io.ferry.formats.text.internal.ValueConverter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.util.List;

/** Reads CSV and TSV records with a {@link CsvTokenizer}; see {@link ParserConfig} for the options. */
public final class CsvRecordReader extends AbstractRecordReader {
    private final CsvTokenizer tokenizer;
    private final String[] names;
    private final String nullString;
    private final boolean nullStringOnly;
    private boolean headerSkipped;

    /** A reader of {@code in} under {@code config}; {@code source} names the data in errors. */
    public CsvRecordReader(ParserConfig config, String source, InputStream in) {
        this(config, source, in, 0);
    }

    /**
     * A reader of a part of a file that starts after {@code lineOffset} lines: every line it reports
     * (records, bad rows, errors) is a line of the whole file.
     */
    public CsvRecordReader(ParserConfig config, String source, InputStream in, long lineOffset) {
        super(config, source, lineOffset);
        this.tokenizer = new CsvTokenizer(new InputStreamReader(in, config.charset().newDecoder()), syntax(config),
                bufferSize(in), config.maxRecordSize());
        this.names = config.columns().stream().map(ColumnConfig::name).toArray(String[]::new);
        this.nullString = config.nullString().orElse(null);
        this.nullStringOnly = config.csv().nullRule() == NullRule.NULL_STRING_ONLY && nullString != null;
    }

    /** The tokenizer's view of the config's CSV options. */
    public static CsvSyntax syntax(ParserConfig config) {
        CsvOptions csv = config.csv();
        return new CsvSyntax(config.delimiter(), csv.quote().map(c -> (int) c).orElse(-1),
                csv.escape().map(c -> (int) c).orElse(-1), csv.escapeMode() == EscapeMode.QUOTE_AND_ESCAPE_IN_QUOTES,
                csv.quotesInQuotedFields() == QuotesInQuotedFields.ACCEPT_STRAY_QUOTES_ASSUMING_NO_DELIMITERS_IN_FIELDS,
                config.newline(), csv.trimIfNotQuoted(), csv.commentLineMarker().orElse(null),
                csv.maxQuotedSize().isPresent() ? csv.maxQuotedSize().getAsInt() : Long.MAX_VALUE);
    }

    /** Small in-memory inputs (many small objects) get a small buffer; streams get 64 K characters. */
    private static int bufferSize(InputStream in) {
        if (in instanceof ByteArrayInputStream bytes) {
            // ByteArrayInputStream.available() never throws; it is declared on InputStream
            return Math.max(256, Math.min(bytes.available() + 1, 1 << 16));
        }
        return 1 << 16;
    }

    @Override
    public Record read() {
        try {
            if (!headerSkipped) {
                headerSkipped = true;
                for (int i = 0; i < config.skipHeaderLines() && tokenizer.skipLine(); i++) {
                    // header lines are physical lines, skipped as raw text
                }
            }
            while (true) {
                try {
                    if (!tokenizer.next()) {
                        return null;
                    }
                } catch (CsvSyntaxException e) {
                    bad.report(source, e.line(), null, e.getMessage());
                    tokenizer.skipBadRecord();
                    continue;
                } catch (RecordTooLargeException e) {
                    int i = e.valueIndex();
                    bad.report(source, e.line(), i >= 0 && i < names.length ? names[i] : null,
                            RecordLimits.tooLarge(config, e.getMessage()));
                    continue;
                }
                Object[] values = toValues();
                if (values != null) {
                    return record(tokenizer.recordLine(), values);
                }
            }
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new io.ferry.core.FerryDataException(source, tokenizer.line() + lineOffset, null, "the bytes are not valid "
                    + config.charset().name() + " text (" + e.getMessage() + "); set the charset option to the"
                    + " file's encoding", e);
        } catch (IOException e) {
            throw readFailure(e);
        }
    }

    /** The converted values of the current row, or null if it was bad and skipped. */
    private Object[] toValues() {
        int n = converters.length;
        int got = tokenizer.count();
        if (got < n && !config.allowOptionalColumns()) {
            bad.report(source, tokenizer.recordLine(), null, "the row has " + got + " values but there are " + n
                    + " columns " + List.of(names) + "; set allowOptionalColumns(true) to read missing values as null");
            return null;
        }
        if (got > n && !config.allowExtraColumns()) {
            bad.report(source, tokenizer.recordLine(), null, "the row has " + got + " values but there are only " + n
                    + " columns " + List.of(names) + "; add columns or set allowExtraColumns(true) to ignore the rest");
            return null;
        }
        Object[] values = new Object[n];
        for (int i = 0; i < n && i < got; i++) {
            String text = tokenizer.field(i);
            boolean wasQuoted = tokenizer.quoted(i);
            if (nullStringOnly ? text.equals(nullString) : !wasQuoted && (text.isEmpty() || text.equals(nullString))) {
                continue;
            }
            ValueConverter c = converters[i];
            if (text.isEmpty() && c.type() != ColumnType.STRING) {
                continue;
            }
            try {
                values[i] = c.convert(text);
            } catch (BadValueException e) {
                bad.report(source, tokenizer.recordLine(), names[i], e.getMessage());
                return null;
            }
        }
        return values;
    }

    @Override
    void closeInput() throws IOException {
        tokenizer.close();
    }
}
