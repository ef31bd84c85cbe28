package io.ferry.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import io.ferry.core.record.Column;
import io.ferry.core.record.Schema;
import io.ferry.formats.parquet.internal.PageCodecFactory;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.LogicalTypes;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;

/**
 * The raw libraries' side of {@link FormatsBench}: what a user of FastCSV, commons-csv, jackson-core
 * or parquet-avro alone would write for the same rows. Values become text through
 * {@code toString()} (so timestamps as ISO-8601), as such a user would do.
 */
final class FormatPeers {
    private final Schema schema;
    private final Object[][] values;
    private final int rows;

    FormatPeers(Schema schema, Object[][] values, int rows) {
        this.schema = schema;
        this.values = values;
        this.rows = rows;
    }

    /** FastCSV: RFC 4180, CRLF, quotes where needed, header, UTF-8 onto the stream, fields one by one. */
    void fastCsv(OutputStream out) {
        try (CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.CRLF).build(out)) {
            csv.writeRecord(schema.names());
            for (int i = 0; i < rows; i++) {
                Object[] row = values[i % values.length];
                CsvWriter.CsvWriterRecord r = csv.writeRecord();
                for (Object v : row) {
                    r.writeField(v == null ? null : v.toString());
                }
                r.endRecord();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** commons-csv: RFC 4180, CRLF, header, buffered UTF-8. */
    void commonsCsv(OutputStream out) {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader(schema.names().toArray(new String[0])).get();
        try (CSVPrinter printer = new CSVPrinter(new BufferedWriter(new OutputStreamWriter(out,
                StandardCharsets.UTF_8)), format)) {
            for (int i = 0; i < rows; i++) {
                printer.printRecord(values[i % values.length]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** jackson-core: one compact object per line, keys pre-serialized ({@link SerializableString}). */
    void jackson(OutputStream out) {
        SerializableString[] keys = schema.names().stream().map(SerializedString::new)
                .toArray(SerializableString[]::new);
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            for (int i = 0; i < rows; i++) {
                Object[] row = values[i % values.length];
                g.writeStartObject();
                for (int c = 0; c < row.length; c++) {
                    g.writeFieldName(keys[c]);
                    Object v = row[c];
                    if (v == null) {
                        g.writeNull();
                    } else if (v instanceof Long l) {
                        g.writeNumber(l);
                    } else if (v instanceof Double d) {
                        g.writeNumber(d);
                    } else if (v instanceof Boolean b) {
                        g.writeBoolean(b);
                    } else {
                        g.writeString(v.toString());
                    }
                }
                g.writeEndObject();
                g.writeRaw("\r\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * parquet-avro: a new {@code GenericData.Record} per row, nullable fields, timestamps as
     * timestamp-micros; {@code codecFactory} is the same page codec code as Ferry's, so that only
     * the record path differs.
     */
    void parquetAvro(OutputStream out, CompressionCodecName codec, long rowGroupSize, boolean dictionary) {
        org.apache.avro.Schema avro = avroSchema();
        try (ParquetWriter<GenericRecord> w = AvroParquetWriter.<GenericRecord>builder(new NullOutputFile(out))
                .withSchema(avro)
                .withDataModel(GenericData.get())
                .withConf(new PlainParquetConfiguration())
                .withCodecFactory(new PageCodecFactory())
                .withCompressionCodec(codec)
                .withRowGroupSize(rowGroupSize)
                .withDictionaryEncoding(dictionary)
                .withWriteMode(ParquetFileWriter.Mode.CREATE)
                .build()) {
            for (int i = 0; i < rows; i++) {
                Object[] row = values[i % values.length];
                GenericData.Record r = new GenericData.Record(avro);
                for (int c = 0; c < row.length; c++) {
                    Object v = row[c];
                    r.put(c, v instanceof Instant t ? t.getEpochSecond() * 1_000_000L + t.getNano() / 1_000 : v);
                }
                w.write(r);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private org.apache.avro.Schema avroSchema() {
        org.apache.avro.Schema nul = org.apache.avro.Schema.create(org.apache.avro.Schema.Type.NULL);
        List<org.apache.avro.Schema.Field> fields = new ArrayList<>();
        for (Column c : schema.columns()) {
            org.apache.avro.Schema t;
            switch (c.type()) {
                case LONG:
                    t = org.apache.avro.Schema.create(org.apache.avro.Schema.Type.LONG);
                    break;
                case DOUBLE:
                    t = org.apache.avro.Schema.create(org.apache.avro.Schema.Type.DOUBLE);
                    break;
                case BOOLEAN:
                    t = org.apache.avro.Schema.create(org.apache.avro.Schema.Type.BOOLEAN);
                    break;
                case TIMESTAMP:
                    t = LogicalTypes.timestampMicros().addToSchema(
                            org.apache.avro.Schema.create(org.apache.avro.Schema.Type.LONG));
                    break;
                default:
                    t = org.apache.avro.Schema.create(org.apache.avro.Schema.Type.STRING);
            }
            fields.add(new org.apache.avro.Schema.Field(c.name(), org.apache.avro.Schema.createUnion(nul, t), null,
                    org.apache.avro.Schema.Field.NULL_DEFAULT_VALUE));
        }
        return org.apache.avro.Schema.createRecord("row", null, null, false, fields);
    }

    /** A Parquet output file over a stream, counting the position. */
    private static final class NullOutputFile implements OutputFile {
        private final OutputStream out;

        NullOutputFile(OutputStream out) {
            this.out = out;
        }

        @Override
        public PositionOutputStream create(long blockSizeHint) {
            return new PositionOutputStream() {
                private long pos;

                @Override
                public long getPos() {
                    return pos;
                }

                @Override
                public void write(int b) throws IOException {
                    out.write(b);
                    pos++;
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                    pos += len;
                }

                @Override
                public void close() throws IOException {
                    out.close();
                }
            };
        }

        @Override
        public PositionOutputStream createOrOverwrite(long blockSizeHint) {
            return create(blockSizeHint);
        }

        @Override
        public boolean supportsBlockSize() {
            return false;
        }

        @Override
        public long defaultBlockSize() {
            return 0;
        }

        @Override
        public String getPath() {
            return "null";
        }
    }
}
