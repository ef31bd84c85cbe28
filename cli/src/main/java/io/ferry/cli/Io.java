package io.ferry.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Map;

/**
 * What a command reads and writes besides its options: the three streams, the environment (read
 * once, here, at the edge) and whether stdout and stderr are terminals.
 *
 * @param in              standard input (rows for {@code export --from -})
 * @param out             standard output: results and data
 * @param err             standard error: progress, messages
 * @param env             the environment variables
 * @param outIsTerminal   stdout is a terminal (preview draws a table)
 * @param errIsTerminal   stderr is a terminal (progress draws one updating line)
 */
record Io(InputStream in, PrintStream out, PrintStream err, Map<String, String> env, boolean outIsTerminal,
        boolean errIsTerminal) {

    /** The process's own streams and environment; a console means both stdout and stderr are terminals. */
    static Io system() {
        boolean console = interactive(System.console());
        return new Io(System.in, System.out, System.err, System.getenv(), console, console);
    }

    /**
     * Whether the JVM talks to a terminal. Java 17 has a console only when stdin and stdout are a
     * terminal; from Java 22 there may be one regardless, and its {@code isTerminal()} says.
     */
    static boolean interactive(java.io.Console console) {
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (NoSuchMethodException e) {
            return true;
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }
}
