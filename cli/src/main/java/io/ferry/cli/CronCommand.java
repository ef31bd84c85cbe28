package io.ferry.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ferry.core.FerryConfigException;
import io.ferry.core.cron.CronExpression;
import io.ferry.core.cron.CronZones;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ferry cron}: cron expressions (five fields or a macro, as Ferry's scheduler reads them). */
@Command(name = "cron", mixinStandardHelpOptions = true, description = "Cron expressions as Ferry's scheduler reads them.",
        subcommands = CronCommand.Next.class)
final class CronCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing command: ferry cron next EXPR");
    }

    /** {@code ferry cron next EXPR}: the next fire times. */
    @Command(name = "next", mixinStandardHelpOptions = true,
            description = "Print the next fire times of a cron expression, one ISO-8601 time a line.")
    static final class Next implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "EXPR", description = "Five fields (\"0 * * * *\") or a macro (@daily).")
        String expression;

        @Option(names = "--zone", paramLabel = "ZONE", defaultValue = "UTC",
                description = "IANA time zone the fields are read in; default ${DEFAULT-VALUE}.")
        String zone;

        @Option(names = "-n", paramLabel = "COUNT", defaultValue = "5", description = "How many times; default ${DEFAULT-VALUE}.")
        int count;

        @Option(names = "--after", paramLabel = "TIME",
                description = "Start after this ISO-8601 time (2024-03-10T01:30:00-08:00); default now.")
        String after;

        @Mixin
        CommonOptions common;

        private final Io io;
        private final Clock clock;

        Next(Io io) {
            this(io, Clock.systemUTC());
        }

        Next(Io io, Clock clock) {
            this.io = io;
            this.clock = clock;
        }

        @Override
        public Integer call() {
            List<ZonedDateTime> times = times(expression, zone, after, count, clock);
            if (common.json) {
                ObjectNode o = Json.object();
                o.put("expression", CronExpression.parse(expression).expression());
                o.put("zone", CronZones.parse(zone).getId());
                ArrayNode a = o.putArray("times");
                times.forEach(t -> a.add(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t)));
                io.out().println(Json.line(o));
            } else {
                times.forEach(t -> io.out().println(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t)));
            }
            return ExitCodes.OK;
        }

        /** The first {@code count} fire times after {@code after} (or now), in {@code zone}. */
        static List<ZonedDateTime> times(String expression, String zone, String after, int count, Clock clock) {
            if (count < 1 || count > 10_000) {
                throw new FerryConfigException("n", "-n must be from 1 to 10000, was " + count);
            }
            CronExpression cron = CronExpression.parse(expression);
            ZoneId z = CronZones.parse(zone);
            ZonedDateTime start;
            try {
                start = after == null ? ZonedDateTime.now(clock.withZone(z))
                        : OffsetDateTime.parse(after).atZoneSameInstant(z);
            } catch (DateTimeParseException e) {
                throw new FerryConfigException("after", "--after must be an ISO-8601 time with an offset such as"
                        + " 2024-03-10T01:30:00-08:00 or 2024-03-10T09:30:00Z, was '" + after + "'", e);
            }
            return cron.nextTimes(start).limit(count).toList();
        }
    }
}
