package io.ferry.formats.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.core.FerryException;
import io.ferry.core.record.ColumnType;
import io.ferry.core.record.Record;
import io.ferry.core.testing.Fuzz;
import io.ferry.core.testing.TestReport;
import io.ferry.formats.Compression;
import io.ferry.formats.Newline;
import io.ferry.formats.decode.DecodedInput;
import io.ferry.formats.decode.Decoder;
import io.ferry.formats.guess.FormatGuesser;
import io.ferry.formats.guess.GuessResult;
import io.ferry.formats.read.BadRowPolicy;
import io.ferry.formats.read.ColumnConfig;
import io.ferry.formats.read.EscapeMode;
import io.ferry.formats.read.InvalidStringEscapes;
import io.ferry.formats.read.NullRule;
import io.ferry.formats.read.ParserConfig;
import io.ferry.formats.read.ParserType;
import io.ferry.formats.read.QuotesInQuotedFields;
import io.ferry.formats.read.RecordReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Property: the readers, decoders, guess and config JSON of sdk-formats throw nothing but
 * FerryException subtypes, and answer in bounded time, on random and mutated input. See
 * {@link Fuzz} for the inputs and the knobs; reproducers of what it found are plain tests in
 * {@code FuzzRegressionTest}.
 */
class FormatsFuzzTest {
    static final List<String> TEXT_SEEDS = List.of(
            "id,company,customer,created_at\r\n11200,AA Inc.,David,2015-03-31 06:12:37\r\n"
                    + "20313,BB Imc.,Tom,2015-04-01 01:00:07\r\n32132,CC Inc.,Fernando,2015-04-01 10:33:41\r\n"
                    + "40133,DD Inc.,Cesar,2015-04-02 05:12:32\r\n93133,EE Inc.,Jake,2015-04-02 14:11:13\r\n",
            "# comment\nname;note;n\n\"a\";\"x;\ny\";1\n\"b\";\\N;2\n\"c\";\"say \"\"hi\"\"\";3\n\"d\";\\N;4\n",
            "code\tzip\ttime\tupdated_at\tscore\tok\n007\t02134\t1427782357\t1427782357000\t1.5\ttrue\n"
                    + "010\t10001\t1427782358\t1427782358000\t2\tfalse\n100\t94105\t1427782359\t1427782359000\t-3e2\tTRUE\n"
                    + "101\t60601\t1427782360\t1427782360000\t4.25\tFalse\n",
            "{\"id\":1,\"name\":\"a\",\"at\":\"2015-03-31T06:12:37Z\",\"tags\":[1]}\n"
                    + "{\"id\":2,\"name\":\"b\",\"at\":\"2015-03-31T06:12:38.5+09:00\",\"score\":1.5}\n"
                    + "{\"id\":3,\"name\":null,\"at\":\"2015-03-31 06:12:39\"}\n{\"id\":4,\"name\":\"\",\"at\":\"\"}\n",
            "[\n {\"id\": 1, \"ok\": true, \"j\": {\"k\": [1, 2]}},\n {\"id\": 2, \"ok\": false},\n"
                    + " {\"id\": 3, \"ok\": true}, {\"id\": 4, \"ok\": null}\n]\n",
            "{\"a\":1,\"b\":\"\"}\n{\"a\":1,\"b\":\"\"}\n{\"a\":1,\"b\":\"\"}\n{\"a\":1,\"b\":\"\"}\n{\"a\":1,\"b\":\"\"}\n",
            "\uFEFFa|b|c\n1|2024-01-01T00:00:00.157Z|x\n2|2024-01-01T00:21:04Z|y\n3|2024-01-01 00:00:00|\"q\"\"\"\n"
                    + "4|2024-01-01|'z'\n",
            "[".repeat(100_000),
            "{\"a\":".repeat(30_000),
            "a,b\n\"" + "x".repeat(5000) + "\n\n\",1\n");
    static final List<byte[]> SEEDS;
    static final List<byte[]> COMPRESSED;

    static {
        List<byte[]> text = new ArrayList<>();
        for (String s : TEXT_SEEDS) {
            text.add(s.getBytes(StandardCharsets.UTF_8));
        }
        text.add(TEXT_SEEDS.get(0).getBytes(StandardCharsets.UTF_16));
        text.add("a,b\n\u00e9,\u00fc\n".getBytes(Charset.forName("windows-1252")));
        text.add("a,b\n\u3042,\u3044\n".getBytes(Charset.forName("Shift_JIS")));
        List<byte[]> compressed = new ArrayList<>();
        for (String s : List.of(TEXT_SEEDS.get(0), TEXT_SEEDS.get(3), TEXT_SEEDS.get(4))) {
            for (Compression c : List.of(Compression.GZIP, Compression.BZIP2, Compression.ZSTD, Compression.XZ)) {
                compressed.add(compress(c, s));
            }
            compressed.add(zip(s));
        }
        SEEDS = List.copyOf(text);
        COMPRESSED = List.copyOf(compressed);
    }

    static byte[] compress(Compression c, String s) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = c.wrap(bytes)) {
            out.write(s.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static byte[] zip(String s) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            z.putNextEntry(new ZipEntry("a.csv"));
            z.write(s.getBytes(StandardCharsets.UTF_8));
            z.putNextEntry(new ZipEntry("dir/"));
            z.putNextEntry(new ZipEntry("b.csv"));
            z.write(s.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A random reader config of {@code type} (null: any), valid by construction. */
    static ParserConfig config(ParserType type, Random r) {
        ParserType t = type != null ? type : ParserType.values()[r.nextInt(ParserType.values().length)];
        ParserConfig.Builder b = ParserConfig.builder().type(t);
        char delimiter = t == ParserType.TSV ? '\t' : ",;|".charAt(r.nextInt(3));
        b.delimiter(delimiter);
        switch (r.nextInt(4)) {
            case 0 -> b.noQuote();
            case 1 -> b.quote('\'');
            default -> b.quote('"');
        }
        if (r.nextInt(3) == 0) {
            b.escape(r.nextBoolean() ? '\\' : '"');
        }
        b.newline(Newline.values()[r.nextInt(Newline.values().length)]);
        b.skipHeaderLines(r.nextInt(3));
        if (r.nextBoolean()) {
            b.nullString(r.nextBoolean() ? "\\N" : "");
        }
        if (r.nextInt(3) == 0) {
            b.commentLineMarker(r.nextBoolean() ? "#" : "//");
        }
        boolean trim = r.nextBoolean();
        b.trimIfNotQuoted(trim).allowOptionalColumns(r.nextBoolean()).allowExtraColumns(r.nextBoolean());
        b.csv(c -> {
            c.escapeMode(EscapeMode.values()[r.nextInt(EscapeMode.values().length)]);
            c.nullRule(NullRule.values()[r.nextInt(NullRule.values().length)]);
            if (!trim && r.nextBoolean()) {
                c.quotesInQuotedFields(QuotesInQuotedFields.ACCEPT_STRAY_QUOTES_ASSUMING_NO_DELIMITERS_IN_FIELDS);
            }
            if (r.nextBoolean()) {
                c.maxQuotedSize(1 + r.nextInt(r.nextBoolean() ? 16 : 200_000));
            }
        });
        b.json(j -> j.root(List.of("", "/data", "/0", "/a/b", "/d/items").get(r.nextInt(5)))
                .flattenJsonArray(r.nextInt(4) == 0)
                .invalidStringEscapes(InvalidStringEscapes.values()[r.nextInt(InvalidStringEscapes.values().length)]));
        b.badRows(r.nextBoolean() ? BadRowPolicy.SKIP : BadRowPolicy.FAIL);
        if (r.nextBoolean()) {
            b.maxRecordSize(1 + r.nextInt(r.nextBoolean() ? 64 : 5000));
        }
        b.charset(List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_8, StandardCharsets.UTF_16,
                Charset.forName("windows-1252"), Charset.forName("Shift_JIS")).get(r.nextInt(5)));
        b.defaultTimeZone(r.nextBoolean() ? ZoneId.of("UTC") : ZoneId.of("Asia/Tokyo"));
        String[] names = {"id", "a", "b", "c", "name", "at", "tags", "ok", "score", "j"};
        boolean json = !t.isDelimited();
        int n = json && r.nextInt(5) == 0 ? 0 : 1 + r.nextInt(5);
        for (int i = 0; i < n; i++) {
            String name = names[(i + r.nextInt(names.length)) % names.length] + (i == 0 ? "" : "_" + i);
            if (json && r.nextInt(3) == 0) {
                String pointer = List.of("", "/a", "/tags/0", "/a/b", "/id", "/j/~1x").get(r.nextInt(6));
                b.column(c -> c.name(name).type(r.nextBoolean() ? ColumnType.JSON : ColumnType.STRING)
                        .elementAt(pointer));
                continue;
            }
            b.column(switch (r.nextInt(9)) {
                case 0 -> ColumnConfig.of(name, ColumnType.LONG);
                case 1 -> ColumnConfig.of(name, ColumnType.DOUBLE);
                case 2 -> ColumnConfig.of(name, ColumnType.BOOLEAN);
                case 3 -> ColumnConfig.of(name, ColumnType.JSON);
                case 4 -> ColumnConfig.of(name, ColumnType.TIMESTAMP);
                case 5 -> ColumnConfig.timestamp(name, "%Y-%m-%d %H:%M:%S");
                case 6 -> ColumnConfig.timestamp(name, r.nextBoolean() ? "%s" : "%Q");
                case 7 -> ColumnConfig.timestamp(name, "%d/%b/%Y:%H:%M:%S %z");
                default -> ColumnConfig.of(name, ColumnType.STRING);
            });
        }
        return b.build();
    }

    /** Reads every record (at most 100,000) of {@code in} and every value of them. */
    static void readAll(ParserConfig config, String source, InputStream in) {
        try (RecordReader r = config.newReader(source, in)) {
            int n = 0;
            for (Record rec = r.read(); rec != null && n < 100_000; rec = r.read()) {
                for (int i = 0; i < rec.schema().size(); i++) {
                    String.valueOf(rec.get(i));
                }
                r.line();
                n++;
            }
            r.skippedRows();
            r.badRows();
        }
    }

    /** Decodes every part (at most 4 MB each) and reads it with {@code config}, or drains it when config is null. */
    static void decodeAll(Decoder decoder, String name, byte[] raw, ParserConfig config) {
        try (DecodedInput in = DecodedInput.open(decoder, name, new ByteArrayInputStream(raw))) {
            int parts = 0;
            while (in.nextPart() && parts++ < 100) {
                if (config != null) {
                    readAll(config, in.partName(), in.part());
                } else {
                    byte[] buf = new byte[8192];
                    long total = 0;
                    int n;
                    while (total < 4_000_000 && (n = in.part().read(buf)) >= 0) {
                        total += n;
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Seeds for the decoders: compressed data and some plain text. */
    static final List<byte[]> DECODER_SEEDS;

    static {
        List<byte[]> all = new ArrayList<>(COMPRESSED);
        all.addAll(SEEDS.subList(0, 3));
        DECODER_SEEDS = List.copyOf(all);
    }

    /** One reader case: a random config and mutated text. */
    record ReaderCase(ParserConfig config, byte[] input) {
        @Override
        public String toString() {
            return config.toJson() + "\n" + Fuzz.show(input);
        }
    }

    @Test
    void csvAndTsvReaders_throwOnlyFerryExceptions() {
        Fuzz.forAll(1,
                r -> new ReaderCase(config(r.nextBoolean() ? ParserType.CSV : ParserType.TSV, r), Fuzz.mutatedBytes(SEEDS, r)),
                c -> readAll(c.config(), "fuzz.csv", new ByteArrayInputStream(c.input())));
    }

    @Test
    void jsonReaders_throwOnlyFerryExceptions() {
        Fuzz.forAll(1,
                r -> new ReaderCase(config(r.nextBoolean() ? ParserType.JSONL : ParserType.JSON, r), Fuzz.mutatedBytes(SEEDS, r)),
                c -> readAll(c.config(), "fuzz.json", new ByteArrayInputStream(c.input())));
    }

    /** One decoder case: the decoder, the name, a config (null: drain the bytes) and mutated bytes. */
    record DecoderCase(Decoder decoder, String name, ParserConfig config, byte[] input) {
        @Override
        public String toString() {
            return decoder + " " + name + " " + (config == null ? "drain" : config.toJson()) + "\n" + Fuzz.show(input);
        }
    }

    @Test
    void decoders_throwOnlyFerryExceptions() {
        Fuzz.forAll(1, r -> new DecoderCase(
                        r.nextInt(3) == 0 ? Decoder.values()[r.nextInt(Decoder.values().length)] : Decoder.AUTO,
                        List.of("in/data.csv", "in/data.csv.gz", "in/a.zip", "in/b.bz2", "in/c.zst", "in/d.xz", "x")
                                .get(r.nextInt(7)),
                        r.nextBoolean() ? null : config(null, r), Fuzz.mutatedBytes(DECODER_SEEDS, r)),
                c -> decodeAll(c.decoder(), c.name(), c.input(), c.config()));
    }

    /** One guess case: the name, whether the bytes are the whole file, and the bytes. */
    record GuessCase(String name, boolean complete, byte[] input) {
        @Override
        public String toString() {
            return name + " complete=" + complete + "\n" + Fuzz.show(input);
        }
    }

    @Test
    void guess_throwsOnlyFerryExceptionsAndItsConfigReadsTheSample() {
        Fuzz.forAll(1, r -> new GuessCase(List.of("x.csv", "x.json", "x.tsv", "x.csv.gz", "x").get(r.nextInt(5)),
                        r.nextBoolean(), Fuzz.mutatedBytes(r.nextInt(4) == 0 ? DECODER_SEEDS : SEEDS, r)),
                c -> {
                    GuessResult g = FormatGuesser.guess(c.name(), c.input(), c.complete());
                    GuessResult.fromJson(g.toJson());
                    decodeAll(g.decoder(), c.name(), c.input(), g.parser());
                });
    }

    static final List<byte[]> CONFIG_JSON_SEEDS;

    static {
        Random r = new Random(7);
        List<byte[]> seeds = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            seeds.add(config(null, r).toJson().getBytes(StandardCharsets.UTF_8));
        }
        for (GuessResult g : List.of(FormatGuesser.guess("s.csv", SEEDS.get(0), true),
                FormatGuesser.guess("s.json", SEEDS.get(3), true), FormatGuesser.guess("s.gz", COMPRESSED.get(0), true))) {
            seeds.add(g.toJson().getBytes(StandardCharsets.UTF_8));
        }
        seeds.add(("{\"type\":\"csv\",\"quotes_in_quoted_fields\":\"ACCEPT_STRAY_QUOTES_ASSUMING_NO_DELIMITERS_IN_FIELDS\","
                + "\"max_quoted_size_limit\":16,\"header_line\":true,\"stop_on_invalid_record\":false,"
                + "\"null_string\":\"\\\\N\",\"default_timestamp_format\":\"%Y-%m-%d\",\"columns\":[{\"name\":\"a\","
                + "\"type\":\"timestamp\"}]}").getBytes(StandardCharsets.UTF_8));
        seeds.add(("{\"type\":\"json\",\"root\":\"/data/0\",\"flatten_json_array\":true,"
                + "\"invalid_string_escapes\":\"UNESCAPE\",\"columns\":[{\"name\":\"a\",\"type\":\"string\","
                + "\"element_at\":\"/x/~1y\"}]}").getBytes(StandardCharsets.UTF_8));
        CONFIG_JSON_SEEDS = List.copyOf(seeds);
    }

    @Test
    void parserConfigAndGuessResultJson_throwOnlyFerryExceptions() {
        Fuzz.forAll(10, r -> Fuzz.mutatedText(CONFIG_JSON_SEEDS, r), json -> {
            try {
                ParserConfig.fromJson(json).toJson();
            } catch (FerryException allowed) {
                // the contract; go on to the second reader of the same text
            }
            GuessResult.fromJson(json).toJson();
        });
    }

    @AfterAll
    static void report() {
        TestReport.line("FormatsFuzzTest", "checked " + Fuzz.calls() + " inputs");
        assertThat(Fuzz.calls()).as("inputs the runner handed to the code under test").isPositive();
    }
}
