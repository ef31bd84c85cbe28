package io.ferry.formats.read.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import io.ferry.core.FerryDataException;
import io.ferry.core.record.Record;
import io.ferry.formats.read.ParserConfig;
import io.ferry.formats.read.ParserType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;

/**
 * Reads JSON Lines (one document per physical line; a bad line can be skipped) and JSON
 * (documents one after another, such as one array of objects; a syntax error ends the file).
 * {@link JsonDocuments} finds the records inside each document (root, arrays), and
 * {@link ColumnPointers} takes the columns out of each record; missing values are null.
 */
public final class JsonRecordReader extends AbstractRecordReader {
    private final Reader text;
    private final LineReader lines;
    private final BufferedReader reader;
    private final JsonFactory json;
    private final ColumnPointers pointers;
    private JsonDocuments stream;
    private JsonDocuments line;
    private JsonParser lineParser;
    private long physicalLine;

    /** A reader of {@code in} under {@code config}; {@code source} names the data in errors. */
    public JsonRecordReader(ParserConfig config, String source, InputStream in) {
        super(config, source);
        this.text = InvalidEscapeReader.of(new InputStreamReader(in, config.charset().newDecoder()),
                config.json().invalidStringEscapes());
        this.lines = config.type() == ParserType.JSONL ? new LineReader(text, config.maxRecordSize()) : null;
        this.reader = lines == null ? new BufferedReader(text, 1 << 16) : null;
        this.json = RecordLimits.json(config);
        this.pointers = new ColumnPointers(config, converters, json);
    }

    @Override
    public Record read() {
        try {
            return config.type() == ParserType.JSONL ? readLine() : readStream();
        } catch (CharacterCodingException e) {
            throw new FerryDataException(source, physicalLine + 1, null, "the bytes are not valid "
                    + config.charset().name() + " text; set the charset option to the file's encoding", e);
        } catch (IOException e) {
            throw readFailure(e);
        }
    }

    private Record readLine() throws IOException {
        while (true) {
            if (line != null) {
                try {
                    if (line.next()) {
                        Object[] values = pointers.read(lineParser, -1);
                        if (values != null) {
                            return record(physicalLine, values);
                        }
                        bad.report(source, physicalLine, pointers.badColumn(), pointers.reason());
                        continue;
                    }
                    if (lineParser.nextToken() != null) {
                        bad.report(source, physicalLine, null, "the line holds more than one JSON value");
                    }
                } catch (JsonProcessingException e) {
                    bad.report(source, physicalLine, null, "invalid JSON: " + e.getOriginalMessage());
                }
                lineParser.close();
                lineParser = null;
                line = null;
            }
            String s = lines.readLine();
            if (s == null) {
                return null;
            }
            physicalLine++;
            if (lines.lastTooLong()) {
                bad.report(source, physicalLine, null,
                        RecordLimits.tooLarge(config, "the line is " + lines.lastLength() + " characters long"));
                continue;
            }
            if (physicalLine == 1 && !s.isEmpty() && s.charAt(0) == '\uFEFF') {
                s = s.substring(1);
            }
            if (s.isBlank()) {
                continue;
            }
            lineParser = json.createParser(s);
            line = new JsonDocuments(lineParser, config.json(), (at, reason) -> bad.report(source, physicalLine, null,
                    reason), true);
        }
    }

    private Record readStream() throws IOException {
        if (stream == null) {
            reader.mark(1);
            if (reader.read() != '\uFEFF') {
                reader.reset();
            }
            JsonParser p = json.createParser(reader);
            stream = new JsonDocuments(p, config.json(), (at, reason) -> bad.report(source, at, null, reason), false);
        }
        JsonParser p = stream.parser();
        try {
            while (stream.next()) {
                JsonLocation where = p.currentTokenLocation();
                long at = where.getLineNr();
                Object[] values = pointers.read(p, where.getCharOffset());
                if (values != null) {
                    return record(at, values);
                }
                bad.report(source, at, pointers.badColumn(), pointers.reason());
            }
            return null;
        } catch (JsonProcessingException e) {
            long at = e.getLocation() == null ? p.currentTokenLocation().getLineNr() : e.getLocation().getLineNr();
            if (e instanceof StreamConstraintsException && e.getOriginalMessage().startsWith("String value length")) {
                throw new FerryDataException(source, at, null, RecordLimits.tooLarge(config, "a JSON value is too"
                        + " large (" + e.getOriginalMessage() + ")") + "; the rest of the file cannot be read", e);
            }
            throw new FerryDataException(source, at, null, "invalid JSON, the rest of the file cannot be read: "
                    + e.getOriginalMessage(), e);
        }
    }

    @Override
    void closeInput() throws IOException {
        if (stream != null) {
            stream.parser().close();
        }
        if (lineParser != null) {
            lineParser.close();
        }
        text.close();
    }
}
