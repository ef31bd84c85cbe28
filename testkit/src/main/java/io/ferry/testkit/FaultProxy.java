package io.ferry.testkit;

import io.ferry.testkit.HttpWire.Head;
import java.io.BufferedInputStream;
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
import java.util.List;
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
                byte[] body = HttpWire.readBody(in, head, true);
                if (fault == Fault.ERROR_500 || fault == Fault.ERROR_503) {
                    int status = fault == Fault.ERROR_500 ? 500 : 503;
                    // logged before the answer goes out, so a client that has its answer finds the exchange logged
                    log(request, fault, status);
                    HttpWire.writeError(out, status);
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
                        HttpWire.readBody(upIn, response, false);
                    }
                    log(request, fault, -1);
                    reset(client);
                    return;
                }
                log(request, fault, response.status());
                out.write(response.bytesWithout(null));
                if (fault == Fault.RESET_RESPONSE_BODY) {
                    if (!bodiless) {
                        byte[] full = HttpWire.readBody(upIn, response, false);
                        long cut = plan.cutAfterBytes();
                        out.write(full, 0, cut < 0 ? full.length / 2 : (int) Math.min(cut, full.length));
                    }
                    out.flush();
                    reset(client);
                    return;
                }
                if (!bodiless) {
                    HttpWire.copyBody(upIn, out, response);
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

}
