package io.ferry.cli;

import io.ferry.core.Secrets;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * The {@code ferry} command: Ferry's import, export, guess, preview and cron from a shell.
 *
 * <pre>{@code
 * java -jar ferry.jar cron next "0 * * * *" --zone Asia/Tokyo -n 5
 * }</pre>
 *
 * Exit codes: 0 done, 1 unexpected failure, 2 usage, 3 configuration, 4 data, 5 I/O.
 */
@Command(name = "ferry", mixinStandardHelpOptions = true, versionProvider = Ferry.Version.class,
        description = "Move tabular data between files, databases, Amazon S3 and Treasure Data.",
        subcommands = {CronCommand.class, GuessCommand.class, PreviewCommand.class, ImportCommand.class,
            ExportCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:unexpected failure", "2:usage error (bad option or argument)",
            "3:configuration error (fix the config or options)", "4:data error (fix the input)",
            "5:I/O error (S3, Treasure Data, a file; may be retried)"},
        footer = {"", "Credentials come from the environment, never from arguments: the AWS default chain"
            + " (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN, AWS_PROFILE, ~/.aws) and TD_API_KEY."})
public final class Ferry implements Runnable {
    /** Environment variables whose values are secrets: registered so no message can print them. */
    static final String[] SECRET_ENV = {"AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "TD_API_KEY",
        ExportCommand.JDBC_PASSWORD_ENV};

    @Spec
    CommandSpec spec;

    private Ferry() {
    }

    /** Without a command: usage error. */
    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: give one of cron, guess, preview,"
                + " import, export (ferry help COMMAND for its options)");
    }

    /**
     * Runs the command line and exits with its code.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        for (String a : args) {
            if (a.equals("--verbose") || a.equals("-v")) {
                // before the first logger exists; only Ferry's own loggers, never the HTTP wire
                System.setProperty("org.slf4j.simpleLogger.log.io.ferry", "debug");
            }
        }
        System.exit(run(Io.system(), args));
    }

    /** Runs {@code args} against {@code io}; returns the exit code. */
    static int run(Io io, String... args) {
        for (String name : SECRET_ENV) {
            Secrets.register(io.env().get(name));
        }
        return commandLine(io).execute(args);
    }

    /** The command line wired to {@code io}: its streams, its environment, Ferry's exit codes and error messages. */
    static CommandLine commandLine(Io io) {
        CommandLine cl = new CommandLine(new Ferry(), new Factory(io));
        cl.setOut(new PrintWriter(io.out(), true));
        cl.setErr(new PrintWriter(io.err(), true));
        cl.setExecutionExceptionHandler((e, cmd, parseResult) -> report(e, verbose(parseResult), io));
        return cl;
    }

    /** Prints a failure on stderr, secrets masked, and returns its exit code. */
    static int report(Exception e, boolean verbose, Io io) {
        Throwable t = e;
        String message = t.getMessage() == null ? t.getClass().getName() : t.getMessage();
        if (!(t instanceof io.ferry.core.FerryException)) {
            message = t.getClass().getSimpleName() + ": " + message;
        }
        io.err().println("ferry: " + Secrets.redact(message));
        if (verbose) {
            Secrets.redact(t).printStackTrace(io.err());
        } else if (ExitCodes.of(t) == ExitCodes.FAILURE) {
            io.err().println("ferry: run with --verbose for the stack trace");
        }
        io.err().flush();
        return ExitCodes.of(t);
    }

    private static boolean verbose(ParseResult parseResult) {
        for (ParseResult pr = parseResult; pr != null; pr = pr.subcommand()) {
            if (pr.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }

    /** Builds commands, handing {@link Io} to those whose constructor takes it. */
    private static final class Factory implements CommandLine.IFactory {
        private final Io io;

        Factory(Io io) {
            this.io = io;
        }

        @Override
        public <K> K create(Class<K> cls) throws Exception {
            try {
                Constructor<K> c = cls.getDeclaredConstructor(Io.class);
                c.setAccessible(true);
                return c.newInstance(io);
            } catch (NoSuchMethodException e) {
                return CommandLine.defaultFactory().create(cls);
            }
        }
    }

    /** The version from the build (ferry-version.properties). */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"ferry " + version(), "Java " + System.getProperty("java.version") + " ("
                + System.getProperty("java.vendor") + ")"};
        }

        static String version() {
            try (InputStream in = Ferry.class.getResourceAsStream("/ferry-version.properties")) {
                Properties p = new Properties();
                if (in != null) {
                    p.load(in);
                }
                return p.getProperty("version", "unknown");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
