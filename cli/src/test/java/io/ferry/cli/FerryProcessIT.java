package io.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ferry.embedded.s3.EmbeddedS3Proxy;
import io.ferry.td.testing.LocalTdServer;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The built jar ({@code target/ferry.jar}, made in {@code package}) run as a real process against
 * S3Proxy (which checks request signatures, so the credentials must come from the environment)
 * and the local Treasure Data server: outputs, exit codes, and no secret in any output.
 */
class FerryProcessIT {
    /** Distinctive values: any of them in stdout or stderr fails the run. */
    private static final String AWS_SECRET = "FerryProcessItSecretKey/9f8e7d6c5b4a";
    private static final String AWS_KEY_ID = "AKIAFERRYPROCESSIT01";
    private static final String TD_KEY = LocalTdServer.MASTER_KEY;
    private static final String IN = "ferry-in";
    private static final String OUT = "ferry-out";
    private static final String[] QUICK_START = {"-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"};

    private static EmbeddedS3Proxy s3;
    private static S3Client client;
    private static LocalTdServer td;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        // S3Proxy checks signatures: a run that did not sign with the environment's key pair fails
        s3 = EmbeddedS3Proxy.start(AWS_KEY_ID, AWS_SECRET, IN, OUT);
        client = S3Client.builder().endpointOverride(s3.endpoint()).forcePathStyle(true).region(Region.US_EAST_1)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(AWS_KEY_ID,
                        AWS_SECRET)))
                .build();
        upload("logs/2024-01-01.csv", 1);
        upload("logs/2024-01-02.csv", 6);
        td = LocalTdServer.start();
        td.createDatabase("analytics");
    }

    @AfterAll
    static void stop() {
        client.close();
        s3.close();
        td.close();
    }

    @Test
    void guessThenImport_toFilesWithState_andToTd() throws IOException {
        Result guess = ferry("guess", "s3://" + IN + "/logs/", "--endpoint", endpoint(), "--path-style");
        assertThat(guess.code()).as(guess.err()).isZero();
        ObjectNode config = (ObjectNode) Json.parse(guess.out(), "guess");
        assertThat(config.get("in").get("bucket").asText()).isEqualTo(IN);
        assertThat(config.get("parser").get("columns").findValuesAsText("name")).containsExactly("id", "name", "score");
        config.putArray("filters").addObject().put("type", "remove_columns").putArray("remove").add("score");
        Path load = dir.resolve("load.json");
        Files.writeString(load, Json.pretty(config));
        Path state = dir.resolve("state.json");

        Result preview = ferry("preview", "--config", load.toString(), "-n", "2", "--json");

        Result first = ferry("import", "--config", load.toString(), "--to", dir.resolve("first.csv").toString(),
                "--state", state.toString(), "--json");
        upload("logs/2024-01-03.csv", 11);
        Result second = ferry("import", "--config", load.toString(), "--to", dir.resolve("second.jsonl").toString(),
                "--state", state.toString(), "--json");
        Result toTd = ferry("import", "--config", load.toString(), "--to", "td://@/analytics/events?mode=replace",
                "--td-endpoint", td.endpoint(), "--quiet");

        assertThat(preview.code()).as(preview.err()).isZero();
        String[] previewed = preview.out().split("\r?\n");
        assertThat(previewed).hasSize(2);
        assertThat(Json.parse(previewed[1], "row").get("id").asLong()).isEqualTo(2);
        assertThat(first.code()).as(first.err()).isZero();
        JsonNode r1 = Json.parse(first.out(), "result");
        assertThat(r1.get("rows").asLong()).isEqualTo(10);
        assertThat(r1.get("objects").asInt()).isEqualTo(2);
        List<String> csv = Files.readAllLines(dir.resolve("first.csv"));
        assertThat(csv).hasSize(11);
        assertThat(csv.get(0)).isEqualTo("id,name");
        assertThat(csv.get(10)).isEqualTo("10,name-10");
        assertThat(second.code()).as(second.err()).isZero();
        JsonNode r2 = Json.parse(second.out(), "result");
        assertThat(r2.get("rows").asLong()).isEqualTo(5);
        assertThat(r2.get("keys").findValuesAsText("")).isEmpty();
        assertThat(r2.get("keys").get(0).asText()).isEqualTo("logs/2024-01-03.csv");
        List<String> jsonl = Files.readAllLines(dir.resolve("second.jsonl"));
        assertThat(jsonl).hasSize(5);
        assertThat(Json.parse(jsonl.get(0), "row").get("id").asLong()).isEqualTo(11);
        assertThat(Json.parse(jsonl.get(0), "row").has("score")).isFalse();
        assertThat(Files.readString(state)).contains("logs/2024-01-03.csv");
        assertThat(toTd.code()).as(toTd.err()).isZero();
        assertThat(toTd.out()).isEmpty();
        List<Map<String, Object>> rows = td.rows("analytics", "events");
        assertThat(rows).hasSize(15);
        assertThat(rows).allSatisfy(r -> assertThat(r).containsKeys("id", "name", "time").doesNotContainKey("score"));
    }

    @Test
    void preview_notATerminal_printsTsv() {
        Result r = ferry("preview", "s3://" + IN + "/logs/2024-01-01", "-n", "3", "--endpoint", endpoint(),
                "--path-style");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out().split("\r?\n")).containsExactly("id\tname\tscore", "1\tname-1\t0.5", "2\tname-2\t1.0",
                "3\tname-3\t1.5");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void export_fromFileAndStdin_toS3() throws IOException {
        Path csv = dir.resolve("scores.csv");
        Files.writeString(csv, "id,name,score\n1,a,0.5\n2,b,1.0\n3,c,1.5\n4,d,2.0\n5,e,2.5\n");
        Path result = resultJson("exports/{{TABLE}}.csv");

        Result file = ferry("export", "--config", result.toString(), "--from", csv.toString(), "--path-style", "--json");
        Result stdin = ferryWithInput("{\"k\":\"x\",\"v\":1}\n{\"k\":\"y\",\"v\":2}\n{\"k\":\"z\",\"v\":3}\n"
                + "{\"k\":\"w\",\"v\":4}\n", "export", "--config", result.toString(), "--from", "-", "--from-format",
                "jsonl", "--table", "piped", "--path-style");

        assertThat(file.code()).as(file.err()).isZero();
        JsonNode r = Json.parse(file.out(), "result");
        assertThat(r.get("rows").asLong()).isEqualTo(5);
        assertThat(r.get("uris").get(0).asText()).isEqualTo("s3://" + OUT + "/exports/scores.csv");
        assertThat(object("exports/scores.csv")).startsWith("id,name,score").contains("5,e,2.5");
        assertThat(stdin.code()).as(stdin.err()).isZero();
        assertThat(stdin.out()).startsWith("exported 4 rows into 1 objects");
        assertThat(object("exports/piped.csv").split("\r?\n")).hasSize(5);
    }

    @Test
    void export_fromJdbc_throughTheLauncherScriptWithTheDriverOnFerryClasspath() {
        Path result = resultJson("jdbc/{{TABLE}}.jsonl");
        String duckdb = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(p -> p.contains("duckdb_jdbc")).findFirst().orElseThrow();

        Result r = run(List.of("sh", Path.of("bin", "ferry").toString(), "export", "--config", result.toString(),
                "--jdbc-url", "jdbc:duckdb:", "--query", "select range as id, 'n' || range as name from range(7)",
                "--table", "numbers", "--path-style", "--json"), "", Map.of("FERRY_CLASSPATH", duckdb));

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Json.parse(r.out(), "result").get("rows").asLong()).isEqualTo(7);
        assertThat(object("jdbc/numbers.jsonl").split("\r?\n")).hasSize(7);
    }

    @Test
    void failures_exitCodesScriptsCanBranchOn_andNoSecretEvenVerbose() throws IOException {
        Path load = dir.resolve("bad-load.json");
        Files.writeString(load, "{\"in\":{\"bucket\":\"" + IN + "\",\"endpoint\":\"" + endpoint() + "\","
                + "\"path_style\":true,\"secret\":\"" + AWS_SECRET + "\"}}");
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }

        Path good = dir.resolve("good-load.json");
        Files.writeString(good, "{\"in\":{\"bucket\":\"" + IN + "\",\"endpoint\":\"" + endpoint() + "\","
                + "\"path_style\":true}}");

        Result config = ferry("import", "--config", load.toString());
        Result keyInUri = ferry("import", "--config", good.toString(), "--to", "td://" + TD_KEY + "@/analytics/events_t");
        Result io = ferry("preview", "s3://" + IN + "/logs/", "--endpoint", "http://127.0.0.1:" + closedPort,
                "--verbose");
        Result data = ferry("guess", "s3://" + IN + "/nothing-here/", "--endpoint", endpoint(), "--path-style");

        assertThat(config.code()).isEqualTo(3);
        assertThat(config.err()).startsWith("ferry: unknown key 'in.secret' in the import config");
        assertThat(keyInUri.code()).isEqualTo(3);
        assertThat(keyInUri.err()).contains("set TD_API_KEY and write td://@/analytics/events_t");
        assertThat(io.code()).isEqualTo(5);
        // --verbose: Ferry's log (the retries) and the stack trace come with the message
        assertThat(io.err()).contains("\nferry: cannot list s3://" + IN + "/logs/ after 5 ListObjectsV2 attempts")
                .contains("ObjectLister").contains("\tat ");
        assertThat(data.code()).as(data.err()).isEqualTo(4);
    }

    @Test
    void cronNext_usageError_exitCodes() {
        Result cron = ferry("cron", "next", "0 * * * *", "--zone", "Asia/Tokyo", "-n", "2", "--after",
                "2024-03-10T01:30:00Z");
        Result usage = ferry("import", "--to", "out.csv");

        assertThat(cron.code()).isZero();
        assertThat(cron.out()).isEqualTo("2024-03-10T11:00:00+09:00\n2024-03-10T12:00:00+09:00\n");
        assertThat(usage.code()).isEqualTo(2);
        assertThat(usage.err()).startsWith("Missing required option: '--config=FILE'");
    }

    private static Path resultJson(String path) {
        Path file = dir.resolve("result-" + path.hashCode() + ".json");
        try {
            Files.writeString(file, "{\"type\":\"s3_v2\",\"auth_method\":\"default\",\"endpoint\":\"" + endpoint()
                    + "\",\"bucket\":\"" + OUT + "\",\"path\":\"" + path + "\",\"format\":\"" + (path.endsWith("jsonl")
                    ? "jsonl" : "csv") + "\",\"header\":true,\"newline\":\"LF\"}");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return file;
    }

    private static String endpoint() {
        return s3.endpoint().toString();
    }

    private static void upload(String key, int firstId) {
        StringBuilder sb = new StringBuilder("id,name,score\n");
        for (int i = firstId; i < firstId + 5; i++) {
            sb.append(i).append(",name-").append(i).append(',').append(i * 0.5).append('\n');
        }
        client.putObject(b -> b.bucket(IN).key(key), RequestBody.fromString(sb.toString()));
    }

    private static String object(String key) {
        return client.getObjectAsBytes(b -> b.bucket(OUT).key(key)).asUtf8String();
    }

    record Result(int code, String out, String err) {
    }

    private static Result ferry(String... args) {
        return ferryWithInput("", args);
    }

    private static Result ferryWithInput(String stdin, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                QUICK_START[0], QUICK_START[1], "-jar", System.getProperty("ferry.jar", "target/ferry.jar")));
        command.addAll(List.of(args));
        return run(command, stdin, Map.of());
    }

    /** Runs a command with the test credentials in its environment; checks that no secret was printed. */
    private static Result run(List<String> command, String stdin, Map<String, String> extraEnv) {
        try {
            ProcessBuilder pb = new ProcessBuilder(command);
            Map<String, String> env = pb.environment();
            env.keySet().removeIf(k -> k.startsWith("AWS_") || k.startsWith("TD_") || k.startsWith("FERRY_"));
            env.put("HOME", dir.toString());
            env.put("AWS_ACCESS_KEY_ID", AWS_KEY_ID);
            env.put("AWS_SECRET_ACCESS_KEY", AWS_SECRET);
            env.put("AWS_REGION", "us-east-1");
            env.put("TD_API_KEY", TD_KEY);
            // short runs: the C1 compiler only halves the start-up time
            env.put("JAVA_OPTS", String.join(" ", QUICK_START));
            env.putAll(extraEnv);
            Path out = Files.createTempFile(dir, "out", ".txt");
            Path err = Files.createTempFile(dir, "err", ".txt");
            Path in = Files.createTempFile(dir, "in", ".txt");
            Files.writeString(in, stdin);
            Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(in.toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("ferry did not finish in 120 s: " + command);
            }
            Result r = new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
            for (String secret : List.of(AWS_SECRET, TD_KEY, TD_KEY.substring(2))) {
                assertThat(r.out() + r.err()).as("output of " + command).doesNotContain(secret);
            }
            return r;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
