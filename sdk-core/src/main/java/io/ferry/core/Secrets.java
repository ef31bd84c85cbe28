package io.ferry.core;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place where Ferry masks secrets. Every {@link FerryException} message (and the
 * messages of its causes) passes through {@link #redact(String)}, and so do the log lines Ferry
 * builds from remote error text. Two things are masked, each as {@value #MASK}:
 * <ul>
 *   <li>registered values: the secret access keys and session tokens of
 *       {@link io.ferry.core.credentials.Credentials}, the credentials the S3 module resolves
 *       from AWS providers, and Treasure Data API keys register themselves when they are
 *       created; callers may {@link #register} secrets of their own. Values shorter than
 *       {@value #MIN_LENGTH} characters are not registered (masking them would garble ordinary
 *       words); real AWS secret keys have 40 characters, TD keys more;</li>
 *   <li>well-known carriers, whatever their value: {@code X-Amz-Security-Token},
 *       {@code X-Amz-Signature} and {@code Signature=} of a SigV4 {@code Authorization} header,
 *       the value of any {@code Authorization} header, {@code TD1 <key>}, {@code apikey=} and
 *       {@code api_key=} parameters, {@code secret_access_key} / {@code session_token} keys, the
 *       password in a URI's user info ({@code https://user:password@host}) and the user part of a
 *       {@code td://KEY@host} URI.</li>
 * </ul>
 * The registry keeps the {@value #CAPACITY} most recently registered values (refreshing
 * temporary credentials registers a new token every hour). Thread-safe.
 */
public final class Secrets {
    /** What Ferry prints instead of a secret. */
    public static final String MASK = "****";
    /** Registered values shorter than this are ignored. */
    public static final int MIN_LENGTH = 8;
    /** How many registered values are kept, most recent first. */
    public static final int CAPACITY = 256;

    private static final String VALUE = "[^\\s&\"'<>,;}\\]]+";
    private static final Pattern[] CARRIERS = {
        // SigV4 query parameters and headers: X-Amz-Security-Token=..., x-amz-security-token: ...
        Pattern.compile("(?i)(x-amz-security-token|x-amz-signature)(\"?\\s*[:=]\\s*\"?)(" + VALUE + ")"),
        // the whole value of an Authorization header (AWS4-HMAC-SHA256 ..., TD1 ..., Bearer ...)
        Pattern.compile("(?i)(\\bauthorization)(\"?\\s*[:=]\\s*\"?)([^\\r\\n\"]+)"),
        // Signature=<hex> of a SigV4 Authorization header quoted without its name
        Pattern.compile("(?i)(\\bsignature)(\\s*=\\s*)([0-9a-f]{16,})"),
        // TD1 <key>
        Pattern.compile("(\\bTD1)(\\s+)(" + VALUE + ")"),
        // apikey=..., api_key: ..., "secret_access_key": "...", session_token=...
        Pattern.compile("(?i)(\\b(?:api[_-]?key|(?:aws_)?secret_access_key|secret_?key|(?:aws_)?session_token"
                + "|sessiontoken))(\"?\\s*[:=]\\s*\"?)(" + VALUE + ")"),
        // the password of a URI's user info: https://user:password@host
        Pattern.compile("(?i)(\\b[a-z][a-z0-9+.-]*://[^/\\s:@]+)(:)([^@\\s/]+)(?=@)"),
        // td://KEY@host; the key may hold '/' (1234/abcdef). One class after the first '/', not a loop
        // over segments: a loop recursed once per segment and overflowed the stack on long input
        Pattern.compile("(?i)(td://)()([^@\\s?#/\\[\\]]+(?:/[^@\\s?#]*)?)(?=@)"),
    };

    private static final Object LOCK = new Object();
    private static final Map<String, Boolean> REGISTERED = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > CAPACITY;
        }
    };
    private static volatile String[] known = new String[0];

    private Secrets() {
    }

    /**
     * Registers a secret value, so that no Ferry message or log line prints it. Its URL-encoded
     * form is registered too. Null, blank and values shorter than {@value #MIN_LENGTH}
     * characters are ignored.
     *
     * @param secret the value to mask; may be null
     */
    public static void register(String secret) {
        if (secret == null || secret.strip().length() < MIN_LENGTH) {
            return;
        }
        String encoded = URLEncoder.encode(secret, StandardCharsets.UTF_8);
        synchronized (LOCK) {
            boolean added = REGISTERED.put(secret, Boolean.TRUE) == null;
            if (!encoded.equals(secret)) {
                added |= REGISTERED.put(encoded, Boolean.TRUE) == null;
            }
            if (added || known.length != REGISTERED.size()) {
                // longest first, so a secret that contains another is masked whole
                known = REGISTERED.keySet().stream()
                        .sorted((a, b) -> Integer.compare(b.length(), a.length()))
                        .toArray(String[]::new);
            }
        }
    }

    /**
     * The text with every registered secret and every well-known secret carrier masked as
     * {@value #MASK}. Returns the same instance when nothing was masked.
     *
     * @param text any text; null gives null
     */
    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (String secret : known) {
            if (out.contains(secret)) {
                out = out.replace(secret, MASK);
            }
        }
        for (Pattern p : CARRIERS) {
            Matcher m = p.matcher(out);
            if (!m.find()) {
                continue;
            }
            StringBuilder sb = new StringBuilder(out.length());
            int last = 0;
            do {
                sb.append(out, last, m.start(3)).append(MASK);
                last = m.end(3);
            } while (m.find());
            out = sb.append(out, last, out.length()).toString();
        }
        return out.equals(text) ? text : out;
    }

    /**
     * The text with every occurrence of {@code secret} masked as {@value #MASK}, then
     * {@link #redact(String)}: for a secret that is not registered (too short, or held only by one
     * object).
     *
     * @param text   any text; null gives null
     * @param secret the value to mask; null or empty masks only what {@link #redact(String)} masks
     */
    public static String redact(String text, String secret) {
        if (text == null || secret == null || secret.isEmpty()) {
            return redact(text);
        }
        return redact(text.replace(secret, MASK));
    }

    /**
     * The URI with its user part printed as {@value #MASK}: everything between {@code ://} (or the
     * start, without a scheme) and the last {@code @} before any {@code ?}. For text that is meant
     * to be a URI but may be too malformed to parse, e.g. in the message saying it is malformed.
     * Text without a user part is returned as is.
     *
     * @param uri the text of a URI; not null
     * @throws FerryConfigException if {@code uri} is null
     */
    public static String maskUserInfo(String uri) {
        FerryConfigException.requireNonNull(uri, "uri");
        int start = uri.indexOf("://");
        start = start < 0 ? 0 : start + 3;
        int q = uri.indexOf('?', start);
        int at = uri.lastIndexOf('@', q < 0 ? uri.length() : q);
        if (at <= start) {
            return uri;
        }
        return uri.substring(0, start) + MASK + uri.substring(at);
    }

    /** Whether the text holds a registered value; for the test run's log scan, never for messages. */
    static boolean holdsRegistered(String text) {
        if (text == null) {
            return false;
        }
        for (String secret : known) {
            if (text.contains(secret)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A throwable whose messages are free of secrets: the same instance when no message in its
     * cause chain (and suppressed exceptions) holds one, else a {@link RedactedException} copy of
     * the chain with the same stack traces, the original class names and masked messages.
     *
     * @param t any throwable; null gives null
     */
    public static Throwable redact(Throwable t) {
        if (t == null || !holdsSecret(t, Collections.newSetFromMap(new IdentityHashMap<>()))) {
            return t;
        }
        return copy(t, new IdentityHashMap<>());
    }

    private static boolean holdsSecret(Throwable t, Set<Throwable> seen) {
        if (t == null || !seen.add(t)) {
            return false;
        }
        String m = t.getMessage();
        if (m != null && !Objects.equals(redact(m), m)) {
            return true;
        }
        for (Throwable s : t.getSuppressed()) {
            if (holdsSecret(s, seen)) {
                return true;
            }
        }
        return holdsSecret(t.getCause(), seen);
    }

    private static Throwable copy(Throwable t, Map<Throwable, Throwable> done) {
        if (t == null) {
            return null;
        }
        Throwable existing = done.get(t);
        if (existing != null) {
            return existing;
        }
        String m = redact(t.getMessage());
        RedactedException r = new RedactedException(t.getClass().getName(),
                t.getClass().getName() + (m == null ? "" : ": " + m));
        done.put(t, r);
        r.setStackTrace(t.getStackTrace());
        Throwable cause = t.getCause();
        if (cause != null && cause != t) {
            r.initCause(copy(cause, done));
        }
        for (Throwable s : t.getSuppressed()) {
            r.addSuppressed(copy(s, done));
        }
        return r;
    }

    /**
     * Stands in for an exception whose message held a secret: its message is the original's class
     * name and masked message ({@code software.amazon...S3Exception: ...}); it keeps the stack trace,
     * cause chain and suppressed exceptions, with every message masked.
     */
    public static final class RedactedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private final String originalClass;

        RedactedException(String originalClass, String message) {
            super(message);
            this.originalClass = originalClass;
        }

        /** The fully qualified class name of the exception this one replaces (also the start of the message). */
        public String originalClass() {
            return originalClass;
        }
    }
}
