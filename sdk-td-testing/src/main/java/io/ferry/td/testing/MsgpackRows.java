package io.ferry.td.testing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.value.ArrayValue;
import org.msgpack.value.IntegerValue;
import org.msgpack.value.MapValue;
import org.msgpack.value.Value;

/** Decodes a Treasure Data import body, concatenated msgpack maps gzip-compressed, into Java rows. */
public final class MsgpackRows {
    private MsgpackRows() {
    }

    /**
     * The rows of a {@code msgpack.gz} body, each a map with String keys and Java values
     * (Long, Double, String, Boolean, byte[], List, Map, null).
     *
     * @param msgpackGz the gzipped msgpack body
     * @return the rows
     * @throws IllegalArgumentException if a value is not a map or has no integer {@code time}
     * @throws IOException if the body is not gzip or not msgpack
     */
    public static List<Map<String, Object>> decode(byte[] msgpackGz) throws IOException {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (MessageUnpacker unpacker = MessagePack.newDefaultUnpacker(
                new GZIPInputStream(new ByteArrayInputStream(msgpackGz)))) {
            while (unpacker.hasNext()) {
                Value v = unpacker.unpackValue();
                if (!v.isMapValue()) {
                    throw new IllegalArgumentException("row " + (rows.size() + 1) + " is a " + v.getValueType()
                            + ", not a map");
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> row = (Map<String, Object>) toJava(v);
                if (!(row.get("time") instanceof Long)) {
                    throw new IllegalArgumentException("row " + (rows.size() + 1) + " has no integer 'time': " + row);
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static Object toJava(Value v) {
        switch (v.getValueType()) {
            case NIL:
                return null;
            case BOOLEAN:
                return v.asBooleanValue().getBoolean();
            case INTEGER:
                IntegerValue i = v.asIntegerValue();
                return i.isInLongRange() ? (Object) i.toLong() : i.toBigInteger();
            case FLOAT:
                return v.asFloatValue().toDouble();
            case STRING:
                return v.asStringValue().asString();
            case BINARY:
                return v.asBinaryValue().asByteArray();
            case ARRAY:
                ArrayValue a = v.asArrayValue();
                List<Object> list = new ArrayList<>(a.size());
                a.forEach(e -> list.add(toJava(e)));
                return list;
            case MAP:
                MapValue m = v.asMapValue();
                Map<String, Object> map = new LinkedHashMap<>();
                m.entrySet().forEach(e -> map.put(e.getKey().toString(), toJava(e.getValue())));
                return map;
            default:
                throw new IllegalArgumentException("unsupported msgpack value " + v.getValueType());
        }
    }
}
