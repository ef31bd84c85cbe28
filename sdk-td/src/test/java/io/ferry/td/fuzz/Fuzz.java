package io.ferry.td.fuzz;

import io.ferry.core.FerryException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * The fuzz contract: a call on any input returns or throws a {@code FerryException}; any other
 * throwable, or no answer within {@link #BOUND}, fails with the input shown. Also makes inputs:
 * random bytes and mutations of valid seeds. The number of tries per property is jqwik's
 * {@code jqwik.tries.default}, set from {@code -Dferry.fuzz.tries} (see the parent pom);
 * {@code -Dferry.fuzz.salt=N} draws other inputs than the build's fixed seed.
 */
final class Fuzz {
    /** jqwik's seed for every property, so the build's slice is the same in every run. */
    static final String SEED = "20261206";
    /** The longest a single call may take. */
    static final Duration BOUND = Duration.ofSeconds(Long.getLong("ferry.fuzz.bound.seconds", 30));
    private static final long SALT = Long.getLong("ferry.fuzz.salt", 0);
    /** Inputs per weight unit and jqwik try: a long run sets it high so the hand-offs between threads stay few. */
    private static final int BATCH = Integer.getInteger("ferry.fuzz.batch", 1);
    private static final AtomicLong CALLS = new AtomicLong();
    private static ExecutorService worker = newWorker();

    private Fuzz() {
    }

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz-call");
            t.setDaemon(true);
            return t;
        });
    }

    /** The calls checked so far in this JVM. */
    static long calls() {
        return CALLS.get();
    }

    /** Runs {@code call}; fails unless it returns or throws a FerryException within the bound. */
    static void check(Object input, Runnable call) {
        CALLS.incrementAndGet();
        Future<?> f = worker.submit(call);
        try {
            f.get(BOUND.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable t = e.getCause();
            if (!(t instanceof FerryException)) {
                throw new AssertionError("not a FerryException: " + t + "\ninput: " + show(input), t);
            }
        } catch (TimeoutException e) {
            f.cancel(true);
            worker.shutdownNow();
            worker = newWorker();
            throw new AssertionError("no answer within " + BOUND + "\ninput: " + show(input));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** A Java literal of the input (bytes as ISO-8859-1 text with escapes), cut after 3000 characters. */
    static String show(Object input) {
        String text;
        if (input instanceof byte[]) {
            byte[] b = (byte[]) input;
            text = "bytes[" + b.length + "] " + literal(new String(b, StandardCharsets.ISO_8859_1));
        } else if (input instanceof Object[]) {
            StringBuilder sb = new StringBuilder();
            for (Object o : (Object[]) input) {
                sb.append(sb.length() == 0 ? "" : " | ").append(show(o));
            }
            text = sb.toString();
        } else if (input instanceof String) {
            text = literal((String) input);
        } else {
            text = String.valueOf(input);
        }
        return text.length() > 3000 ? text.substring(0, 3000) + "... (" + text.length() + " characters)" : text;
    }

    private static String literal(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length() && sb.length() < 3100; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || (c >= 0x7f && c < 0xa0) || c > 0xff && Character.isISOControl(c)) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    /**
     * Checks {@code weight} inputs drawn by {@code gen} from a Random seeded with {@code seed}, in one
     * hand-off to the worker (cheap targets take many inputs per jqwik try, so one tries setting
     * gives every target a fair share). Fails on the first input that breaks the contract, showing it.
     */
    static <T> void checkMany(long seed, int weight, Function<Random, T> gen, Consumer<T> call) {
        Random r = new Random(seed ^ SALT);
        AtomicReference<Object> current = new AtomicReference<>();
        AtomicLong started = new AtomicLong(System.nanoTime());
        Future<?> f = worker.submit(() -> {
            for (int i = 0; i < weight * BATCH; i++) {
                T input = gen.apply(r);
                current.set(input);
                started.set(System.nanoTime());
                if (CALLS.incrementAndGet() % 1_000_000 == 0) {
                    System.out.println("fuzz: " + CALLS.get() + " inputs so far in this JVM");
                }
                try {
                    call.accept(input);
                } catch (FerryException allowed) {
                    // the contract
                }
            }
        });
        try {
            while (true) {
                try {
                    f.get(100, TimeUnit.MILLISECONDS);
                    break;
                } catch (TimeoutException e) {
                    if (System.nanoTime() - started.get() > BOUND.toNanos()) {
                        throw e;
                    }
                }
            }
        } catch (ExecutionException e) {
            throw new AssertionError("not a FerryException: " + e.getCause() + "\ninput: " + show(current.get()),
                    e.getCause());
        } catch (TimeoutException e) {
            f.cancel(true);
            worker.shutdownNow();
            worker = newWorker();
            throw new AssertionError("no answer within " + BOUND + "\ninput: " + show(current.get()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** {@code seed} mutated, or (one time in four) random text or bytes, as text. */
    static String mutatedText(List<byte[]> seeds, Random r) {
        return new String(mutatedBytes(seeds, r), StandardCharsets.UTF_8);
    }

    /** A seed mutated, or (one time in four) random text or bytes. */
    static byte[] mutatedBytes(List<byte[]> seeds, Random r) {
        return r.nextInt(4) == 0 ? randomBytes(r) : mutate(seeds.get(r.nextInt(seeds.size())), seeds, r);
    }

    /** A Random for one try, from jqwik's (seeded) one and the salt. */
    static Random random(Random jqwik) {
        return new Random(jqwik.nextLong() ^ SALT);
    }

    /** Inputs: a third random bytes, two thirds mutations of the seeds. */
    static Arbitrary<byte[]> bytes(List<byte[]> seeds) {
        return Arbitraries.randomValue(jr -> {
            Random r = random(jr);
            return r.nextInt(3) == 0 ? randomBytes(r) : mutate(seeds.get(r.nextInt(seeds.size())), seeds, r);
        });
    }

    /** Inputs as text (mutated bytes read as UTF-8). */
    static Arbitrary<String> strings(List<String> seeds) {
        List<byte[]> b = seeds.stream().map(s -> s.getBytes(StandardCharsets.UTF_8)).toList();
        return bytes(b).map(x -> new String(x, StandardCharsets.UTF_8));
    }

    private static final byte[][] TOKENS = {
        ",".getBytes(), "\"".getBytes(), "\n".getBytes(), "\r\n".getBytes(), "\r".getBytes(), "\t".getBytes(),
        "\\".getBytes(), "{".getBytes(), "}".getBytes(), "[".getBytes(), "]".getBytes(), ":".getBytes(),
        "'".getBytes(), "\"\"".getBytes(), "null".getBytes(), "-".getBytes(), "*".getBytes(), "/".getBytes(),
        "%".getBytes(), "{{".getBytes(), "}}".getBytes(), "@".getBytes(), "?".getBytes(), "&".getBytes(),
        "=".getBytes(), "#".getBytes(), "L".getBytes(), "W".getBytes(), "99999999999999999999".getBytes(),
        "-9223372036854775808".getBytes(), "1e999".getBytes(), "NaN".getBytes(), "2024-02-30T25:61:61Z".getBytes(),
        "+18:00".getBytes(), "\u0000".getBytes(), {(byte) 0xef, (byte) 0xbb, (byte) 0xbf}, {(byte) 0xfe, (byte) 0xff},
        {(byte) 0xc3}, {(byte) 0xe3, (byte) 0x81}, {(byte) 0xff}, {(byte) 0x80},
    };

    private static byte[] randomBytes(Random r) {
        int n = r.nextInt(8) == 0 ? r.nextInt(20_000) : r.nextInt(300);
        byte[] b = new byte[n];
        if (r.nextBoolean()) {
            r.nextBytes(b);
        } else {
            // text-like: mostly printable with the characters parsers care about
            String alphabet = ",;|\t\"'\\\n\r{}[]:0123456789.-+eEaZTtfnul #/*?@%&=LW ";
            for (int i = 0; i < n; i++) {
                b[i] = (byte) alphabet.charAt(r.nextInt(alphabet.length()));
            }
        }
        return b;
    }

    /** {@code seed} with 1 to 8 random edits: bit flips, byte changes, inserts, deletes, repeats, cuts, splices. */
    static byte[] mutate(byte[] seed, List<byte[]> seeds, Random r) {
        byte[] b = seed.clone();
        int edits = 1 + r.nextInt(8);
        for (int e = 0; e < edits; e++) {
            int op = r.nextInt(9);
            int at = b.length == 0 ? 0 : r.nextInt(b.length + 1);
            switch (op) {
                case 0 -> {
                    if (b.length > 0) {
                        int i = r.nextInt(b.length);
                        b[i] ^= (byte) (1 << r.nextInt(8));
                    }
                }
                case 1 -> {
                    if (b.length > 0) {
                        b[r.nextInt(b.length)] = (byte) r.nextInt(256);
                    }
                }
                case 2 -> b = insert(b, at, TOKENS[r.nextInt(TOKENS.length)]);
                case 3 -> {
                    byte[] x = new byte[1 + r.nextInt(8)];
                    r.nextBytes(x);
                    b = insert(b, at, x);
                }
                case 4 -> {
                    int len = Math.min(b.length - Math.min(at, b.length), 1 + r.nextInt(16));
                    b = delete(b, Math.min(at, b.length), len);
                }
                case 5 -> {
                    // repeat a slice many times (long values, deep nesting)
                    int from = b.length == 0 ? 0 : r.nextInt(b.length);
                    int len = Math.min(b.length - from, 1 + r.nextInt(8));
                    byte[] slice = java.util.Arrays.copyOfRange(b, from, from + len);
                    int times = r.nextInt(4) == 0 ? 2000 : 1 + r.nextInt(20);
                    byte[] rep = new byte[slice.length * times];
                    for (int i = 0; i < times; i++) {
                        System.arraycopy(slice, 0, rep, i * slice.length, slice.length);
                    }
                    b = insert(b, at, rep);
                }
                case 6 -> b = java.util.Arrays.copyOf(b, Math.min(at, b.length));
                case 7 -> {
                    byte[] other = seeds.get(r.nextInt(seeds.size()));
                    int from = other.length == 0 ? 0 : r.nextInt(other.length);
                    b = insert(b, at, java.util.Arrays.copyOfRange(other, from, Math.min(other.length,
                            from + 1 + r.nextInt(64))));
                }
                default -> {
                    if (b.length > 1) {
                        int i = r.nextInt(b.length);
                        int j = r.nextInt(b.length);
                        byte t = b[i];
                        b[i] = b[j];
                        b[j] = t;
                    }
                }
            }
            if (b.length > 200_000) {
                b = java.util.Arrays.copyOf(b, 200_000);
            }
        }
        return b;
    }

    private static byte[] insert(byte[] b, int at, byte[] x) {
        at = Math.min(at, b.length);
        byte[] out = new byte[b.length + x.length];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(x, 0, out, at, x.length);
        System.arraycopy(b, at, out, at + x.length, b.length - at);
        return out;
    }

    private static byte[] delete(byte[] b, int at, int len) {
        if (len <= 0) {
            return b;
        }
        byte[] out = new byte[b.length - len];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(b, at + len, out, at, b.length - at - len);
        return out;
    }
}
