package io.ferry.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ferry.core.FerryConfigException;
import io.ferry.core.FerryIoException;
import io.ferry.s3.export.ExportListener;
import io.ferry.s3.export.ExportProgress;
import io.ferry.s3.export.ExportResult;
import io.ferry.s3.export.ExportedObject;
import io.ferry.s3.export.S3Export;
import io.ferry.s3.export.S3ExportConfig;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLSyntaxErrorException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ferry export --config result.json}: rows from a query or a file into S3, as TD's S3 v2 result output. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Export rows from a JDBC query, a CSV/TSV/JSON Lines file or stdin to S3, configured by the"
            + " JSON of Treasure Data's S3 v2 result output (type, bucket, path, format, compression, ...).",
            "A JDBC driver must be on the class path: put its jar in FERRY_CLASSPATH for the ferry script."})
final class ExportCommand implements Callable<Integer> {
    /** The environment variable holding the JDBC password (never an argument). */
    static final String JDBC_PASSWORD_ENV = "FERRY_JDBC_PASSWORD";
    /** The environment variable holding the JDBC user, when --jdbc-user is not given. */
    static final String JDBC_USER_ENV = "FERRY_JDBC_USER";

    @Option(names = "--config", paramLabel = "FILE", required = true,
            description = "The TD result-output JSON (S3 v2). auth_method default or profile takes the credentials"
                + " from the environment or ~/.aws instead of the file.")
    Path config;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    /** Where the rows come from: a query, or a file / stdin. */
    static final class Source {
        @ArgGroup(exclusive = false)
        Jdbc jdbc;

        @Option(names = "--from", paramLabel = "FILE", description = "A CSV, TSV or JSON Lines file (.gz, .zst, .bz2,"
                + " .xz read too), or - for stdin; read with a guessed parser unless --parser is given.")
        String from;
    }

    /** A JDBC query. */
    static final class Jdbc {
        @Option(names = "--jdbc-url", paramLabel = "URL", required = true,
                description = "A JDBC URL without a password; the password comes from " + JDBC_PASSWORD_ENV + ".")
        String url;

        @Option(names = "--query", paramLabel = "SQL", required = true, description = "The query whose rows to export.")
        String query;

        @Option(names = "--jdbc-user", paramLabel = "USER", description = "The database user; default "
                + JDBC_USER_ENV + ".")
        String user;
    }

    @Option(names = "--from-format", paramLabel = "FORMAT", description = "csv, tsv or jsonl: what --from holds"
            + " (checked against the guess); default: the file name, else guessed.")
    String fromFormat;

    @Option(names = "--parser", paramLabel = "FILE", description = "A parser config (the \"parser\" object ferry"
            + " guess prints) for --from, instead of guessing.")
    Path parser;

    @Option(names = "--table", paramLabel = "NAME", description = "The table name for the path's table"
            + " placeholder; default: the file's base name, or \"query\" / \"stdin\".")
    String table;

    @Mixin
    S3Options s3;

    @Mixin
    CommonOptions common;

    private final Io io;

    ExportCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        S3Export.Builder b = s3.applyTo(S3ExportConfig.fromTdResult(ImportCommand.read(config, "config")));
        ExportResult result;
        try (Progress progress = new Progress(io.err(), Progress.style(common, io), System::nanoTime)) {
            b.listener(new ExportListener() {
                @Override
                public void progress(ExportProgress p) {
                    progress.update(p.objectsStarted(), p.rows(), p.bytes());
                }
            });
            S3Export export = b.build();
            if (source.jdbc != null) {
                result = fromQuery(export, source.jdbc);
            } else {
                String name = table != null ? table : FileRows.tableName(source.from);
                try (FileRows rows = FileRows.open(source.from, fromFormat, parser, io.in())) {
                    result = export.write(name, rows);
                }
            }
        }
        report(result);
        return ExitCodes.OK;
    }

    private ExportResult fromQuery(S3Export export, Jdbc jdbc) {
        String user = jdbc.user != null ? jdbc.user : io.env().get(JDBC_USER_ENV);
        String password = io.env().get(JDBC_PASSWORD_ENV);
        // the URL is not quoted in messages: it may carry a password after all
        String scheme = jdbc.url.indexOf(':', 5) > 0 ? jdbc.url.substring(0, jdbc.url.indexOf(':', 5)) : "jdbc";
        try {
            DriverManager.getDriver(jdbc.url);
        } catch (SQLException e) {
            throw new FerryConfigException("jdbc-url", "no JDBC driver on the class path accepts the " + scheme
                    + ": URL; put the driver's jar in FERRY_CLASSPATH (the ferry script adds it to the class path)");
        }
        try (Connection c = user == null ? DriverManager.getConnection(jdbc.url)
                : DriverManager.getConnection(jdbc.url, user, password);
             Statement st = c.createStatement()) {
            st.setFetchSize(1000);
            try (ResultSet rs = st.executeQuery(jdbc.query)) {
                return export.write(table != null ? table : "query", rs);
            }
        } catch (SQLSyntaxErrorException e) {
            throw new FerryConfigException("query", "the database rejected the query: " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new FerryIoException("the " + scheme + " database failed: " + e.getMessage()
                    + (e.getSQLState() == null ? "" : " (SQLState " + e.getSQLState() + ")"), e);
        }
    }

    private void report(ExportResult r) {
        if (common.json) {
            ObjectNode o = Json.object();
            o.put("command", "export");
            o.put("objects", r.objectCount());
            o.put("rows", r.rows());
            o.put("bytes", r.bytes());
            o.put("duration_ms", r.duration().toMillis());
            o.putArray("uris").addAll(r.objects().stream()
                    .map(x -> (com.fasterxml.jackson.databind.JsonNode) Json.MAPPER.getNodeFactory().textNode(x.uri()))
                    .toList());
            io.out().println(Json.line(o));
        } else if (!common.quiet) {
            io.out().printf(Locale.ROOT, "exported %,d rows into %,d objects (%s) in %.1f s%n", r.rows(),
                    r.objectCount(), Progress.bytes(r.bytes()), r.duration().toMillis() / 1000.0);
            for (ExportedObject o : r.objects()) {
                io.out().println("  " + o.uri());
            }
        }
    }
}
