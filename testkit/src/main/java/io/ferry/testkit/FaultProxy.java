package io.ferry.testkit;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An HTTP/1.1 proxy on 127.0.0.1 that sits between a client and a loopback server and injects
 * the {@link Fault}s its {@link FaultPlan} picks, request by request: resets before or after the
 * server acted, 500/503 answers, truncated bodies, stalls. It understands just enough HTTP to
 * find message boundaries (Content-Length, chunked, bodiless responses), answers
 * {@code Expect: 100-continue} itself, and forwards everything else byte for byte.
 *
 * <p>Bounded so a test cannot leave it running: at most 256 connections at once, a 60 s read
 * timeout on every socket, and it closes itself after its lifetime (10 minutes unless given).
 * Thread-safe; {@link #close()} is idempotent.
 *
 * <pre>{@code
 * try (FaultProxy proxy = FaultProxy.start(s3Port, FaultPlan.nth(
 *         r -> S3Operation.of(r) == S3Operation.COMPLETE_MULTIPART_UPLOAD, 1, Fault.DROP_RESPONSE))) {
 *     S3Client client = ...endpointOverride(proxy.endpoint())...;
 * }
 * }</pre>
 */
public final class FaultProxy implements AutoCloseable {
    private static final int MAX_CONNECTIONS = 256;
    private static final int IO_TIMEOUT_MILLIS = 60_000;
    private static final int MAX_HEAD_BYTES = 64 * 1024;
    private static final int MAX_LOGGED_EXCHANGES = 100_000;
    private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final AtomicInteger PROXIES = new AtomicInteger();

    private final InetSocketAddress upstream;
    private final FaultPlan plan;
    private final ServerSocket server;
    private final ExecutorService connections;
    private final ScheduledExecutorService lifetime;
    private final Semaphore slots = new Semaphore(MAX_CONNECTIONS);
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final AtomicLong sequence = new AtomicLong();
    private final List<Exchange> exchanges = new ArrayList<>();
    private volatile boolean closed;

    /** One request and what the proxy did with it; {@code status} is the status the client was sent, or -1. */
    public record Exchange(ProxiedRequest request, Fault fault, int status) {
    }

    private FaultProxy(InetSocketAddress upstream, FaultPlan plan, Duration maxLifetime) throws IOException {
        this.upstream = upstream;
        this.plan = plan;
        this.server = new ServerSocket(0, 128, InetAddress.getLoopbackAddress());
        int id = PROXIES.incrementAndGet();
        AtomicInteger n = new AtomicInteger();
        this.connections = Executors.newCachedThreadPool(r -> daemon(r, "fault-proxy-" + id + "-" + n.incrementAndGet()));
        this.lifetime = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "fault-proxy-" + id + "-lifetime"));
        lifetime.schedule(this::close, maxLifetime.toMillis(), TimeUnit.MILLISECONDS);
        Thread acceptor = daemon(this::acceptLoop, "fault-proxy-" + id + "-accept");
        acceptor.start();
    }

    /** A proxy on a free port of 127.0.0.1 in front of {@code 127.0.0.1:upstreamPort}, closing itself after 10 minutes. */
    public static FaultProxy start(int upstreamPort, FaultPlan plan) {
        return start(new InetSocketAddress(InetAddress.getLoopbackAddress(), upstreamPort), plan, Duration.ofMinutes(10));
    }

    /** A proxy on a free port of 127.0.0.1 in front of {@code upstream}, closing itself after {@code maxLifetime}. */
    public static FaultProxy start(InetSocketAddress upstream, FaultPlan plan, Duration maxLifetime) {
        if (!upstream.getAddress().isLoopbackAddress()) {
            throw new IllegalArgumentException("FaultProxy only fronts loopback servers, not " + upstream);
        }
        try {
            return new FaultProxy(upstream, plan, maxLifetime);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The port the proxy listens on (127.0.0.1). */
    public int port() {
        return server.getLocalPort();
    }

    /** {@code http://127.0.0.1:port}. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port());
    }

    /**
     * Every exchange so far, in the order the proxy answered them (the first 100,000). An
     * exchange is logged before its answer (or reset) reaches the client, so a client that has
     * its answer always finds the exchange here.
     */
    public List<Exchange> exchanges() {
        synchronized (exchanges) {
            return List.copyOf(exchanges);
        }
    }

    /** How many exchanges got a fault other than {@link Fault#NONE}. */
    public long faultsInjected() {
        return exchanges().stream().filter(e -> e.fault() != Fault.NONE).count();
    }

    /** Stops accepting and resets every open connection. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (Socket s : sockets) {
            closeQuietly(s);
        }
        connections.shutdownNow();
        lifetime.shutdownNow();
    }

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                return;
            }
            if (!slots.tryAcquire()) {
                closeQuietly(client);
                continue;
            }
            sockets.add(client);
            try {
                connections.execute(() -> {
                    try {
                        serve(client);
                    } finally {
                        sockets.remove(client);
                        slots.release();
                    }
                });
            } catch (RuntimeException e) {
                sockets.remove(client);
                slots.release();
                closeQuietly(client);
            }
        }
    }

    private void serve(Socket client) {
        Socket up = null;
        try {
            client.setSoTimeout(IO_TIMEOUT_MILLIS);
            // head and body go out in separate writes: with Nagle's algorithm each exchange would
            // wait for the peer's delayed ACK (about 40 ms on Linux)
            client.setTcpNoDelay(true);
            InputStream in = new BufferedInputStream(client.getInputStream());
            OutputStream out = client.getOutputStream();
            InputStream upIn = null;
            OutputStream upOut = null;
            while (!closed) {
                Head head = Head.read(in);
                if (head == null) {
                    return;
                }
                ProxiedRequest request = new ProxiedRequest(sequence.incrementAndGet(), head.method(),
                        head.target(), head.headers());
                Fault fault = plan.faultFor(request);
                boolean expectContinue = "100-continue".equalsIgnoreCase(request.header("expect"));
                long length = head.contentLength();
                if (fault == Fault.RESET_REQUEST) {
                    if (expectContinue) {
                        out.write(CONTINUE);
                        out.flush();
                    }
                    if (length > 0) {
                        in.readNBytes((int) Math.min(length / 2, Integer.MAX_VALUE));
                    }
                    log(request, fault, -1);
                    reset(client);
                    return;
                }
                if (expectContinue) {
                    out.write(CONTINUE);
                    out.flush();
                }
                byte[] body = readBody(in, head, true);
                if (fault == Fault.ERROR_500 || fault == Fault.ERROR_503) {
                    int status = fault == Fault.ERROR_500 ? 500 : 503;
                    // logged before the answer goes out, so a client that has its answer finds the exchange logged
                    log(request, fault, status);
                    writeError(out, status);
                    closeQuietly(client);
                    return;
                }
                if (fault == Fault.STALL) {
                    Thread.sleep(plan.stall().toMillis());
                }
                if (up == null) {
                    up = new Socket();
                    sockets.add(up);
                    up.connect(upstream, IO_TIMEOUT_MILLIS);
                    up.setSoTimeout(IO_TIMEOUT_MILLIS);
                    up.setTcpNoDelay(true);
                    upIn = new BufferedInputStream(up.getInputStream());
                    upOut = up.getOutputStream();
                }
                upOut.write(head.bytesWithout("expect"));
                upOut.write(body);
                upOut.flush();
                Head response;
                do {
                    response = Head.read(upIn);
                    if (response == null) {
                        throw new EOFException("upstream closed before answering");
                    }
                } while (response.status() >= 100 && response.status() < 200);
                boolean bodiless = head.method().equals("HEAD") || response.status() == 204
                        || response.status() == 304;
                if (fault == Fault.DROP_RESPONSE) {
                    if (!bodiless) {
                        readBody(upIn, response, false);
                    }
                    log(request, fault, -1);
                    reset(client);
                    return;
                }
                log(request, fault, response.status());
                out.write(response.bytesWithout(null));
                if (fault == Fault.RESET_RESPONSE_BODY) {
                    if (!bodiless) {
                        byte[] full = readBody(upIn, response, false);
                        long cut = plan.cutAfterBytes();
                        out.write(full, 0, cut < 0 ? full.length / 2 : (int) Math.min(cut, full.length));
                    }
                    out.flush();
                    reset(client);
                    return;
                }
                if (!bodiless) {
                    copyBody(upIn, out, response);
                }
                out.flush();
                if (response.closes() || head.closes() || (!bodiless && !response.framed())) {
                    return;
                }
            }
        } catch (IOException e) {
            // the client or the server went away: end this connection
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeQuietly(client);
            if (up != null) {
                sockets.remove(up);
                closeQuietly(up);
            }
        }
    }

    private void log(ProxiedRequest request, Fault fault, int status) {
        synchronized (exchanges) {
            if (exchanges.size() < MAX_LOGGED_EXCHANGES) {
                exchanges.add(new Exchange(request, fault, status));
            }
        }
    }

    /** The whole body of a message with its framing (chunk sizes and trailers stay as sent). */
    private static byte[] readBody(InputStream in, Head head, boolean request) throws IOException {
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

    private static void copyBody(InputStream in, OutputStream out, Head head) throws IOException {
        if (head.chunked()) {
            copyChunked(in, out);
        } else if (head.contentLength() >= 0) {
            copyExactly(in, out, head.contentLength());
        } else {
            in.transferTo(out);
        }
    }

    private static void copyChunked(InputStream in, OutputStream out) throws IOException {
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

    private static void copyExactly(InputStream in, OutputStream out, long n) throws IOException {
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

    private static String readLine(InputStream in) throws IOException {
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

    private static void writeError(OutputStream out, int status) throws IOException {
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

    private static void reset(Socket socket) {
        try {
            socket.setSoLinger(true, 0);
        } catch (SocketException ignored) {
            // closing anyway
        }
        closeQuietly(socket);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing to do
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** The start line and headers of a request or response, with the raw header lines kept for forwarding. */
    private record Head(String startLine, List<String> lines, Map<String, String> headers) {
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
