package io.ferry.core.testing;

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

/**
 * The fuzz runner and contract, shared by the fuzz tests of every module: a call on any input
 * returns or throws a {@code FerryException}; any other throwable, or no answer within
 * {@link #BOUND}, fails the test with the input shown as a Java literal, the seed and the try
 * number. A property is a plain JUnit test that calls {@link #forAll}: a seeded loop of
 * {@link #TRIES} tries, each drawing its inputs from its own {@code java.util.Random}.
 *
 * <p>Knobs (system properties, passed on by Surefire from {@code -D...}):
 * {@code ferry.fuzz.tries} (tries per property, default 300: the build's slice),
 * {@code ferry.fuzz.batch} (inputs per weight unit and try, default 1),
 * {@code ferry.fuzz.salt} (other inputs than the fixed seed's, default 0),
 * {@code ferry.fuzz.try} (replay only that try of a failure, whatever the tries) and
 * {@code ferry.fuzz.bound.seconds} (the longest a call may take, default 30).
 *
 * <p>Makes inputs too: random bytes and mutations of valid seeds ({@link #mutatedBytes}).
 * Not thread-safe: properties run one at a time, each call on one worker thread.
 */
public final class Fuzz {
    /** The fixed seed of every property, so the build's slice is the same in every run. */
    public static final long SEED = 20261206L;
    /** Tries per property: {@code -Dferry.fuzz.tries}, default 300. */
    public static final int TRIES = Integer.getInteger("ferry.fuzz.tries", 300);
    /** The longest a single call may take: {@code -Dferry.fuzz.bound.seconds}, default 30. */
    public static final Duration BOUND = Duration.ofSeconds(Long.getLong("ferry.fuzz.bound.seconds", 30));
    private static final long SALT = Long.getLong("ferry.fuzz.salt", 0);
    /** Inputs per weight unit and try: a long run sets it high so the hand-offs between threads stay few. */
    private static final int BATCH = Integer.getInteger("ferry.fuzz.batch", 1);
    /** Replays only this try (-1: all). */
    private static final int ONLY_TRY = Integer.getInteger("ferry.fuzz.try", -1);
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

    /**
     * The calls checked so far in this JVM.
     *
     * @return the count of inputs handed to a call, over all properties
     */
    public static long calls() {
        return CALLS.get();
    }

    /**
     * Checks a property: {@link #TRIES} tries, each of {@code weight} times {@code ferry.fuzz.batch}
     * inputs drawn by {@code gen} from a Random whose seed comes from a Random seeded with
     * {@link #SEED} xor the salt; cheap targets take a larger weight so one tries setting gives
     * every target a fair share. Fails on the first input that breaks the contract.
     *
     * @param weight inputs per try (times the batch), at least 1
     * @param gen draws one input; its {@code toString} (or {@link #show}) must show the whole input
     * @param call the code under test; returning or throwing a {@code FerryException} passes
     * @param <T> the input type
     * @throws AssertionError naming the input, the seed, the try and how to replay it
     */
    public static <T> void forAll(int weight, Function<Random, T> gen, Consumer<T> call) {
        StackWalker.StackFrame caller = StackWalker.getInstance().walk(s -> s.skip(1).findFirst()).orElseThrow();
        String method = caller.getMethodName();
        if (method.startsWith("lambda$")) {
            // called from a lambda in the test method: javac names it lambda$<method>$<n>
            method = method.substring(7, Math.max(7, method.indexOf('$', 7)));
        }
        String test = caller.getClassName().substring(caller.getClassName().lastIndexOf('.') + 1) + "#" + method;
        Random seeds = new Random(SEED ^ SALT);
        int tries = ONLY_TRY < 0 ? TRIES : Math.max(TRIES, ONLY_TRY + 1);
        for (int t = 0; t < tries; t++) {
            long seed = seeds.nextLong();
            if (ONLY_TRY < 0 || ONLY_TRY == t) {
                checkTry(test, t, seed, weight, gen, call);
            }
        }
    }

    private static <T> void checkTry(String test, int attempt, long seed, int weight, Function<Random, T> gen,
            Consumer<T> call) {
        Random r = new Random(seed);
        AtomicReference<Object> current = new AtomicReference<>();
        AtomicLong index = new AtomicLong();
        AtomicLong started = new AtomicLong(System.nanoTime());
        Future<?> f = worker.submit(() -> {
            for (int i = 0; i < weight * BATCH; i++) {
                T input = gen.apply(r);
                current.set(input);
                index.set(i);
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
            throw new AssertionError("not a FerryException: " + e.getCause() + "\n"
                    + where(test, attempt, seed, index.get()) + "\ninput: " + show(current.get()), e.getCause());
        } catch (TimeoutException e) {
            f.cancel(true);
            worker.shutdownNow();
            worker = newWorker();
            throw new AssertionError("no answer within " + BOUND + "\n" + where(test, attempt, seed, index.get())
                    + "\ninput: " + show(current.get()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static String where(String test, int attempt, long seed, long index) {
        return "seed " + SEED + ", salt " + SALT + ", batch " + BATCH + ", try " + attempt + " (its seed " + seed
                + "L), input " + index + " of the try; replay with -Dtest='" + test + "' -Dferry.fuzz.salt=" + SALT
                + " -Dferry.fuzz.batch=" + BATCH + " -Dferry.fuzz.try=" + attempt;
    }

    /**
     * A Java literal of the input (bytes as ISO-8859-1 text with escapes), cut after 3000 characters.
     *
     * @param input a {@code byte[]}, a {@code String}, an {@code Object[]} of them, or any object (its toString)
     * @return the literal, never null
     */
    public static String show(Object input) {
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
     * The UTF-8 bytes of each seed text.
     *
     * @param seeds valid inputs
     * @return their bytes, in order
     */
    public static List<byte[]> utf8(List<String> seeds) {
        return seeds.stream().map(x -> x.getBytes(StandardCharsets.UTF_8)).toList();
    }

    /**
     * A seed mutated, or (one time in four) random text or bytes, read as UTF-8.
     *
     * @param seeds valid inputs, not empty
     * @param r the try's Random
     * @return the input
     */
    public static String mutatedText(List<byte[]> seeds, Random r) {
        return new String(mutatedBytes(seeds, r), StandardCharsets.UTF_8);
    }

    /**
     * A seed mutated (1 to 8 edits: bit flips, byte changes, token and random inserts, deletes,
     * 2,000-fold repeats, cuts, splices, swaps), or (one time in four) random text or bytes.
     *
     * @param seeds valid inputs, not empty
     * @param r the try's Random
     * @return the input, at most 200,000 bytes
     */
    public static byte[] mutatedBytes(List<byte[]> seeds, Random r) {
        return r.nextInt(4) == 0 ? randomBytes(r) : mutate(seeds.get(r.nextInt(seeds.size())), seeds, r);
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
    private static byte[] mutate(byte[] seed, List<byte[]> seeds, Random r) {
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
