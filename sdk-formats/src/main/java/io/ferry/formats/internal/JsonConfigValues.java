package io.ferry.formats.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.ferry.core.FerryConfigException;
import io.ferry.formats.Newline;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.time.DateTimeException;
import java.time.ZoneId;

/** Reads the typed values of config JSON, with errors that name the key. */
final class JsonConfigValues {
    private JsonConfigValues() {
    }

    static void expect(JsonParser p, JsonToken expected, String key) {
        if (p.currentToken() != expected) {
            throw new FerryConfigException(key, "expected " + expected.asString() + " but found " + p.currentToken());
        }
    }

    static String text(JsonParser p, String key) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            throw new FerryConfigException(key, "expected a string but found " + p.getText());
        }
        return p.getText();
    }

    /** The string value, or null for a JSON null. */
    static String textOrNull(JsonParser p, String key) throws IOException {
        return p.currentToken() == JsonToken.VALUE_NULL ? null : text(p, key);
    }

    static int number(JsonParser p, String key) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_NUMBER_INT || p.getNumberType() != JsonParser.NumberType.INT) {
            throw new FerryConfigException(key, "expected a whole number up to " + Integer.MAX_VALUE + " but found "
                    + p.getText());
        }
        return p.getIntValue();
    }

    static boolean bool(JsonParser p, String key) {
        JsonToken t = p.currentToken();
        if (t == null || !t.isBoolean()) {
            throw new FerryConfigException(key, "expected true or false");
        }
        return t == JsonToken.VALUE_TRUE;
    }

    static char oneChar(String s, String key) {
        if (s.length() != 1) {
            throw new FerryConfigException(key, "expected one character but found '" + s + "'");
        }
        return s.charAt(0);
    }

    static Charset charset(String name) {
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new FerryConfigException("charset", "unknown charset '" + name + "'; use e.g. UTF-8, UTF-16,"
                    + " windows-1252 or Shift_JIS");
        }
    }

    static Newline newline(String name) {
        for (Newline n : Newline.values()) {
            if (n.name().equalsIgnoreCase(name)) {
                return n;
            }
        }
        throw new FerryConfigException("newline", "unknown newline '" + name + "'; use CRLF, LF or CR");
    }

    static ZoneId zone(String id, String key) {
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            throw new FerryConfigException(key, "unknown time zone '" + id + "'; use e.g. UTC or Asia/Tokyo");
        }
    }
}
