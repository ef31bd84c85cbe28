package io.ferry.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ferry.formats.guess.GuessResult;
import io.ferry.s3.imports.S3Import;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ferry guess s3://bucket/prefix}: how to read the objects, as a load.json for {@code ferry import}. */
@Command(name = "guess", mixinStandardHelpOptions = true,
        description = {"Guess how to read the objects under an S3 prefix (decoder, format, columns, types) from the"
            + " first 1 MB of the first object.", "Prints a load.json (in + parser) to edit and pass to ferry import"
            + " --config."})
final class GuessCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "s3://BUCKET/PREFIX")
    String location;

    @Option(names = "--path-match-pattern", paramLabel = "REGEX", description = "Only keys matching this regex.")
    String pathMatchPattern;

    @Mixin
    S3Options s3;

    @Mixin
    CommonOptions common;

    private final Io io;

    GuessCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        S3Location loc = S3Location.parse(location);
        S3Import imp = importFor(loc, pathMatchPattern, s3).build();
        GuessResult guess = imp.guess();
        ObjectNode config = ImportConfig.skeleton(loc, pathMatchPattern, s3, guess.parser());
        io.out().println(common.json ? Json.line(config) : Json.pretty(config));
        return ExitCodes.OK;
    }

    /** An import builder for a location, a key pattern (may be null) and the S3 options. */
    static S3Import.Builder importFor(S3Location loc, String pathMatchPattern, S3Options s3) {
        S3Import.Builder b = S3Import.builder().bucket(loc.bucket()).pathPrefix(loc.prefix());
        if (pathMatchPattern != null) {
            b.pathMatchPattern(pathMatchPattern);
        }
        return s3.applyTo(b);
    }
}
