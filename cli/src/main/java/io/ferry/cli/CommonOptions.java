package io.ferry.cli;

import picocli.CommandLine.Option;

/** The options every command takes: how much to say, and in which form. */
final class CommonOptions {
    @Option(names = {"-q", "--quiet"}, description = "No progress and no summary; errors still go to stderr.")
    boolean quiet;

    @Option(names = {"-v", "--verbose"}, description = "Stack traces with errors, and Ferry's debug log on stderr.")
    boolean verbose;

    @Option(names = "--json", description = "Print the result as one JSON object on stdout, for scripts.")
    boolean json;
}
