package io.ferry.samples;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.core.FerryException;
import io.ferry.core.credentials.Credentials;
import io.ferry.core.cron.CronExpression;
import io.ferry.core.filter.Filters;
import io.ferry.core.filter.JsonField;
import io.ferry.core.incremental.IncrementalState;
import io.ferry.core.record.Column;
import io.ferry.core.record.ColumnType;
import io.ferry.core.record.Record;
import io.ferry.core.record.Schema;
import io.ferry.core.schedule.CronScheduler;
import io.ferry.core.sink.CollectingSink;
import io.ferry.core.template.KeyContext;
import io.ferry.core.template.KeyTemplate;
import io.ferry.formats.Compression;
import io.ferry.formats.csv.CsvFormat;
import io.ferry.formats.guess.FormatGuesser;
import io.ferry.formats.read.ParserConfig;
import io.ferry.formats.sink.FormatSink;
import io.ferry.s3.export.ExportWriter;
import io.ferry.s3.export.S3Export;
import io.ferry.s3.imports.ImportListener;
import io.ferry.s3.imports.S3Import;
import io.ferry.td.TdWriteListener;
import io.ferry.td.TdWriteMode;
import io.ferry.td.TdWriter;
import io.ferry.td.testing.LocalTdServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The error contract, proven by walking the library: every public constructor and method of
 * every public class in the public (non-{@code internal}) packages of sdk-core, sdk-formats,
 * sdk-s3 and sdk-td is called with null for each reference parameter in turn (the others get
 * ordinary values), and may only return normally or throw a {@link FerryException}. No network
 * is reached: the S3 and TD instances point at a closed port on 127.0.0.1 (the staged TD task's
 * temporary table is made on a local TD server that stops before the walk).
 *
 * <p>sdk-td-testing is left out on purpose: it is a test fixture without a dependency on
 * sdk-core, and throws the JDK's exceptions for misuse (documented in docs/errors.md).
 */
class NullArgumentContractTest {
    /** Methods whose contract is not "FerryException only", with the reason; matched by prefix. */
    private static final Map<String, String> ALLOWED = Map.of();

    private static final Set<String> FACTORY_BLOCKLIST = Set.of("start", "main");
    private static final String CLOSED_ENDPOINT = "http://127.0.0.1:9";

    @TempDir
    static Path dir;

    private static final List<Object> POOL = new ArrayList<>();
    private static CronScheduler scheduler;
    private static ExportWriter exportWriter;
    private static ExecutorService runner;

    @BeforeAll
    static void seed() throws IOException {
        runner = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "contract-runner");
            t.setDaemon(true);
            return t;
        });
        Schema schema = Schema.of(Column.of("abc", ColumnType.LONG));
        Path file = Files.writeString(dir.resolve("in.csv"), "abc\n1\n");
        scheduler = CronScheduler.builder().build();
        S3Export export = S3Export.builder().bucket("contract-bucket").path("k/{{UUID}}.csv").region("us-east-1")
                .endpoint(CLOSED_ENDPOINT).credentials(Credentials.basic("AKIACONTRACT", "contract-test-secret-1"))
                .testWrite(false).build();
        exportWriter = export.open("abc_def", schema);
        POOL.addAll(List.of("abc_def", schema, schema.column(0), Record.of(schema, 1L),
                Duration.ofSeconds(1), Instant.EPOCH, Clock.systemUTC(), ZoneOffset.UTC,
                ZonedDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneId.of("UTC")),
                new ByteArrayOutputStream(), new ByteArrayInputStream(new byte[0]), new byte[] {'a', '\n'},
                file, URI.create(CLOSED_ENDPOINT), StandardCharsets.UTF_8, List.of(), Set.of(), Map.of(),
                Optional.empty(), new String[] {"abc"}, Credentials.basic("AKIACONTRACT", "contract-test-secret-1"),
                CronExpression.parse("* * * * *"), KeyTemplate.parse("k/{{UUID}}.csv"),
                KeyTemplate.parse("k/{{UUID}}.csv").bind(schema, "csv", ""), KeyContext.builder().build(),
                ParserConfig.builder().column("abc", ColumnType.LONG).build(), new CollectingSink(), scheduler,
                Filters.addTime(Clock.systemUTC()), Filters.retain("abc"), Filters.drop("abc"), Filters.digest("abc"),
                Filters.add(Column.of("added", ColumnType.STRING), "x"),
                Filters.expandJson("abc", List.of(JsonField.of("/a", "a", ColumnType.LONG))),
                IncrementalState.afterPath("k/0"), IncrementalState.modifiedSince(Instant.EPOCH),
                FormatSink.toStream(CsvFormat.csv(), Compression.NONE, new ByteArrayOutputStream()),
                CsvFormat.csv().newWriter(schema, new ByteArrayOutputStream()), export, exportWriter,
                S3Import.builder().bucket("contract-bucket").region("us-east-1").endpoint(CLOSED_ENDPOINT)
                        .credentials(Credentials.basic("AKIACONTRACT", "contract-test-secret-1")).guess().build(),
                TdWriter.builder().endpoint(CLOSED_ENDPOINT).apiKey("1/contract-test-td-key").database("contract_db")
                        .table("contract_table").maxAttempts(1).build(),
                // REPLACE_ON_NEW_DATA sends no request before the first chunk, so begin works with no server
                TdWriter.builder().endpoint(CLOSED_ENDPOINT).apiKey("1/contract-test-td-key").database("contract_db")
                        .table("contract_table").mode(TdWriteMode.REPLACE_ON_NEW_DATA).maxAttempts(1).build()
                        .begin(schema),
                (Consumer<Object>) x -> { }, (Function<Object, Object>) x -> x, (Supplier<Object>) () -> null,
                (Predicate<Object>) x -> true, (BiConsumer<Object, Object>) (a, b) -> { }, (Runnable) () -> { }));
        // the listeners' no-op instances: their default methods take nulls without complaint
        POOL.addAll(List.of(ImportListener.NONE, TdWriteListener.NONE));
        POOL.add(FormatGuesser.guess("in.csv", "abc,def\n1,x\n".getBytes(StandardCharsets.UTF_8), true));
        // a staged write needs its temporary table: made on a local TD server that stops before the walk
        try (LocalTdServer td = LocalTdServer.start()) {
            td.createDatabase("contract_db");
            TdWriter staging = TdWriter.builder().endpoint(td.endpoint()).apiKey(LocalTdServer.MASTER_KEY)
                    .database("contract_db").table("contract_table").mode(TdWriteMode.REPLACE).maxAttempts(1)
                    .build();
            POOL.add(staging.openTask(staging.stage(schema), 0));
        }
    }

    @AfterAll
    static void close() {
        exportWriter.close();
        scheduler.close();
        runner.shutdownNow();
    }

    @Test
    void everyPublicMethod_nullArgument_throwsOnlyFerryExceptions() throws Exception {
        List<Class<?>> classes = publicClasses();
        assertThat(classes).as("public classes found").hasSizeGreaterThan(100);
        for (Class<?> c : classes) {
            addFactories(c);
        }
        addBuilt();
        List<String> violations = new ArrayList<>();
        Set<String> uncovered = new TreeSet<>();
        int calls = 0;
        for (Class<?> c : classes) {
            for (Executable e : executables(c)) {
                Object target = Modifier.isStatic(e.getModifiers()) || e instanceof Constructor ? null : instanceOf(c);
                if (target == null && e instanceof Method && !Modifier.isStatic(e.getModifiers())) {
                    if (Arrays.stream(e.getParameterTypes()).anyMatch(t -> !t.isPrimitive())) {
                        uncovered.add(c.getName());
                    }
                    continue;
                }
                Class<?>[] types = e.getParameterTypes();
                for (int i = 0; i < types.length; i++) {
                    if (types[i].isPrimitive()) {
                        continue;
                    }
                    calls++;
                    String failure = call(e, target, i);
                    if (failure != null && !allowed(e)) {
                        violations.add(signature(e) + " with null #" + (i + 1) + ": " + failure);
                    }
                }
            }
        }
        assertThat(calls).as("calls made").isGreaterThan(300);
        // callbacks the user implements (JobContext, ScheduledJob, listeners) have no Ferry instance to call
        assertThat(uncovered).as("classes with instance methods but no instance to call them on")
                .containsExactlyInAnyOrder("io.ferry.core.schedule.JobContext", "io.ferry.core.schedule.ScheduledJob",
                        "io.ferry.core.schedule.SchedulerListener", "io.ferry.s3.export.ExportListener");
        assertThat(violations).as("public methods that answer a null argument with a non-Ferry exception")
                .isEmpty();
    }

    /** Null for parameter {@code nullIndex}, pooled values for the others; the failure, or null when fine. */
    private static String call(Executable e, Object target, int nullIndex) throws Exception {
        Class<?>[] types = e.getParameterTypes();
        Object[] args = new Object[types.length];
        for (int j = 0; j < types.length; j++) {
            args[j] = j == nullIndex ? null : valueOf(types[j]);
        }
        if (!isPublic(e.getDeclaringClass())) {
            e.setAccessible(true);   // a public method inherited from a package-private base class
        }
        Future<Throwable> f = runner.submit(() -> {
            try {
                if (e instanceof Constructor) {
                    ((Constructor<?>) e).newInstance(args);
                } else {
                    ((Method) e).invoke(target, args);
                }
                return null;
            } catch (InvocationTargetException ite) {
                return ite.getCause();
            }
        });
        Throwable thrown;
        try {
            thrown = f.get(20, TimeUnit.SECONDS);
        } catch (TimeoutException te) {
            f.cancel(true);
            return "did not return within 20 s";
        }
        if (thrown == null || thrown instanceof FerryException) {
            return null;
        }
        return thrown.getClass().getName() + ": " + thrown.getMessage();
    }

    private static boolean allowed(Executable e) {
        String s = signature(e);
        return ALLOWED.keySet().stream().anyMatch(s::startsWith);
    }

    private static String signature(Executable e) {
        String name = e instanceof Constructor ? "" : "." + e.getName();
        return e.getDeclaringClass().getName() + name + "(" + Arrays.stream(e.getParameterTypes())
                .map(Class::getSimpleName).collect(Collectors.joining(", ")) + ")";
    }

    private static List<Executable> executables(Class<?> c) {
        List<Executable> list = new ArrayList<>();
        if (!Modifier.isAbstract(c.getModifiers())) {
            Arrays.stream(c.getDeclaredConstructors()).filter(k -> Modifier.isPublic(k.getModifiers()))
                    .forEach(list::add);
        }
        // declared here, or inherited from a package-private base class (public through this class only)
        Stream.concat(Arrays.stream(c.getDeclaredMethods()), Arrays.stream(c.getMethods())
                        .filter(m -> m.getDeclaringClass() != c && !isPublic(m.getDeclaringClass())))
                .filter(m -> Modifier.isPublic(m.getModifiers()) && !m.isSynthetic() && !m.isBridge())
                .filter(m -> !(m.getName().equals("equals") && m.getParameterCount() == 1))
                .filter(m -> !(m.getName().equals("valueOf") && c.isEnum()))
                .filter(m -> !FACTORY_BLOCKLIST.contains(m.getName()))
                .forEach(list::add);
        list.sort(Comparator.comparing(NullArgumentContractTest::signature));
        return list;
    }

    private static void addFactories(Class<?> c) {
        if (c.isEnum()) {
            POOL.addAll(Arrays.asList(c.getEnumConstants()));
            return;
        }
        for (Method m : c.getDeclaredMethods()) {
            if (Modifier.isPublic(m.getModifiers()) && Modifier.isStatic(m.getModifiers()) && m.getParameterCount() == 0
                    && m.getReturnType() != void.class && !FACTORY_BLOCKLIST.contains(m.getName())) {
                try {
                    Object o = m.invoke(null);
                    if (o != null) {
                        POOL.add(o);
                    }
                } catch (ReflectiveOperationException | RuntimeException ignored) {
                    // a factory that needs the environment (e.g. a default key) is not a seed
                }
            }
        }
    }

    /** What the pooled builders build without further settings (a scheduler is not built twice: it starts threads). */
    private static void addBuilt() {
        for (Object b : new ArrayList<>(POOL)) {
            if (b.getClass().getName().startsWith("io.ferry.core.schedule.CronScheduler")) {
                continue;
            }
            try {
                Method build = b.getClass().getMethod("build");
                if (build.getParameterCount() == 0) {
                    Object built = build.invoke(b);
                    if (built != null) {
                        POOL.add(built);
                    }
                }
            } catch (ReflectiveOperationException | RuntimeException ignored) {
                // not a builder, or one with required settings
            }
        }
    }

    private static Object instanceOf(Class<?> c) {
        return POOL.stream().filter(c::isInstance).findFirst().orElse(null);
    }

    private static Object valueOf(Class<?> type) {
        if (type == int.class || type == long.class || type == short.class || type == byte.class) {
            return convert(type, 1);
        }
        if (type == boolean.class) {
            return false;
        }
        if (type == double.class || type == float.class) {
            return type == double.class ? 1.0 : 1.0f;
        }
        if (type == char.class) {
            return 'x';
        }
        if (type == Object.class || type == CharSequence.class) {
            return "abc_def";
        }
        if (type == InputStream.class) {
            return new ByteArrayInputStream("abc\n1\n".getBytes(StandardCharsets.UTF_8));
        }
        if (type.isArray() && !type.getComponentType().isPrimitive()) {
            Object one = valueOf(type.getComponentType());
            Object array = java.lang.reflect.Array.newInstance(type.getComponentType(), one == null ? 0 : 1);
            if (one != null) {
                java.lang.reflect.Array.set(array, 0, one);
            }
            return array;
        }
        return instanceOf(type);
    }

    private static Object convert(Class<?> type, int v) {
        if (type == int.class) {
            return v;
        }
        if (type == long.class) {
            return (long) v;
        }
        return type == short.class ? (Object) (short) v : (Object) (byte) v;
    }

    /** Public top-level and nested classes of the library modules, outside internal packages. */
    private static List<Class<?>> publicClasses() throws IOException, URISyntaxException {
        Set<String> names = new TreeSet<>();
        for (Class<?> anchor : List.of(FerryException.class, CsvFormat.class, S3Export.class, TdWriter.class)) {
            Path location = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(location)) {
                try (Stream<Path> files = Files.walk(location)) {
                    files.map(p -> location.relativize(p).toString().replace('\\', '/')).forEach(names::add);
                }
            } else {
                try (JarFile jar = new JarFile(location.toFile())) {
                    jar.stream().map(j -> j.getName()).forEach(names::add);
                }
            }
        }
        List<Class<?>> classes = new ArrayList<>();
        for (String n : names) {
            if (!n.startsWith("io/ferry/") || !n.endsWith(".class") || n.contains("/internal/")
                    || n.matches(".*\\$\\d.*") || n.endsWith("package-info.class")) {
                continue;
            }
            try {
                Class<?> c = Class.forName(n.substring(0, n.length() - 6).replace('/', '.'), false,
                        NullArgumentContractTest.class.getClassLoader());
                if (isPublic(c)) {
                    classes.add(c);
                }
            } catch (ClassNotFoundException | LinkageError e) {
                throw new AssertionError("cannot load " + n, e);
            }
        }
        return classes;
    }

    private static boolean isPublic(Class<?> c) {
        for (Class<?> k = c; k != null; k = k.getEnclosingClass()) {
            if (!Modifier.isPublic(k.getModifiers())) {
                return false;
            }
        }
        return true;
    }
}
