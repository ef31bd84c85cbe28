package io.ferry.testkit;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The HTTP/1.1 framing {@link FaultProxy} reads and forwards: heads, bodies, chunks, error answers. */
final class HttpWire {
    private static final int MAX_HEAD_BYTES = 64 * 1024;

    private HttpWire() {
    }

    /** The whole body of a message with its framing (chunk sizes and trailers stay as sent). */
    static byte[] readBody(InputStream in, Head head, boolean request) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        if (head.chunked()) {
            copyChunked(in, buffer);
        } else if (head.contentLength() >= 0) {
            copyExactly(in, buffer, head.contentLength());
        } else if (!request) {
            in.transferTo(buffer);
        }
        return buffer.toByteArray();
    }

    static void copyBody(InputStream in, OutputStream out, Head head) throws IOException {
        if (head.chunked()) {
            copyChunked(in, out);
        } else if (head.contentLength() >= 0) {
            copyExactly(in, out, head.contentLength());
        } else {
            in.transferTo(out);
        }
    }

    static void copyChunked(InputStream in, OutputStream out) throws IOException {
        while (true) {
            String sizeLine = readLine(in);
            out.write((sizeLine + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            int semi = sizeLine.indexOf(';');
            long size = Long.parseLong((semi < 0 ? sizeLine : sizeLine.substring(0, semi)).trim(), 16);
            if (size == 0) {
                String trailer;
                do {
                    trailer = readLine(in);
                    out.write((trailer + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                } while (!trailer.isEmpty());
                return;
            }
            copyExactly(in, out, size);
            String end = readLine(in);
            out.write((end + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        }
    }

    static void copyExactly(InputStream in, OutputStream out, long n) throws IOException {
        byte[] buf = new byte[64 * 1024];
        long left = n;
        while (left > 0) {
            int r = in.read(buf, 0, (int) Math.min(buf.length, left));
            if (r < 0) {
                throw new EOFException("body ended " + left + " bytes early");
            }
            out.write(buf, 0, r);
            left -= r;
        }
    }

    static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        while (true) {
            int c = in.read();
            if (c < 0) {
                throw new EOFException("connection ended inside a line");
            }
            if (c == '\n') {
                int len = line.length();
                return len > 0 && line.charAt(len - 1) == '\r' ? line.substring(0, len - 1) : line.toString();
            }
            if (line.length() > MAX_HEAD_BYTES) {
                throw new IOException("line too long");
            }
            line.append((char) c);
        }
    }

    static void writeError(OutputStream out, int status) throws IOException {
        String code = status == 500 ? "InternalError" : "SlowDown";
        String reason = status == 500 ? "Internal Server Error" : "Service Unavailable";
        byte[] body = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code
                + "</Code><Message>injected by FaultProxy</Message></Error>").getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + status + " " + reason + "\r\nContent-Type: application/xml\r\nContent-Length: "
                + body.length + "\r\nConnection: close\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
    }

    /** The start line and headers of a request or response, with the raw header lines kept for forwarding. */
    record Head(String startLine, List<String> lines, Map<String, String> headers) {
        static Head read(InputStream in) throws IOException {
            String start;
            try {
                start = readLine(in);
            } catch (EOFException e) {
                return null;
            }
            if (start.isEmpty()) {
                // a stray CRLF between messages
                return read(in);
            }
            List<String> lines = new ArrayList<>();
            Map<String, String> headers = new LinkedHashMap<>();
            int total = start.length();
            while (true) {
                String line = readLine(in);
                if (line.isEmpty()) {
                    break;
                }
                total += line.length();
                if (total > MAX_HEAD_BYTES) {
                    throw new IOException("header too large");
                }
                lines.add(line);
                int colon = line.indexOf(':');
                if (colon > 0) {
                    headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
                }
            }
            return new Head(start, lines, headers);
        }

        String method() {
            return startLine.substring(0, startLine.indexOf(' '));
        }

        String target() {
            String[] parts = startLine.split(" ");
            return parts.length > 1 ? parts[1] : "";
        }

        int status() {
            String[] parts = startLine.split(" ");
            return parts.length > 1 ? Integer.parseInt(parts[1]) : -1;
        }

        boolean chunked() {
            String te = headers.get("transfer-encoding");
            return te != null && te.toLowerCase(Locale.ROOT).contains("chunked");
        }

        long contentLength() {
            String cl = headers.get("content-length");
            return cl == null || chunked() ? -1 : Long.parseLong(cl);
        }

        boolean framed() {
            return chunked() || contentLength() >= 0;
        }

        boolean closes() {
            return "close".equalsIgnoreCase(headers.get("connection"));
        }

        byte[] bytesWithout(String header) {
            StringBuilder s = new StringBuilder(startLine).append("\r\n");
            for (String line : lines) {
                int colon = line.indexOf(':');
                if (header != null && colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(header)) {
                    continue;
                }
                s.append(line).append("\r\n");
            }
            return s.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
        }
    }
}
