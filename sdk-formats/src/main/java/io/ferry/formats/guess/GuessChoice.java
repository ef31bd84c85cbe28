package io.ferry.formats.guess;

import io.ferry.core.FerryConfigException;
import java.util.Objects;
import java.util.Optional;

/**
 * One decision of a guess and how sure it was: the option ({@code delimiter}, {@code quote},
 * {@code escape}, {@code skip_header_lines}, ...), the value chosen, what in the sample supports
 * it, and the best value not chosen with what the sample showed for that one. A caller can
 * compare the two and decide whether to trust the guess or to set the option itself. Immutable.
 *
 * <pre>{@code
 * GuessChoice q = result.choice("quote").orElseThrow();
 * // chosen "'", evidence "8 values quoted, 0 malformed rows, 4 of 4 rows have 3 columns",
 * // runner-up "\"", its evidence "0 values quoted, 0 malformed rows, 4 of 4 rows have 3 columns"
 * }</pre>
 */
public final class GuessChoice {
    private final String option;
    private final String chosen;
    private final String evidence;
    private final String runnerUp;
    private final String runnerUpEvidence;

    private GuessChoice(Builder b) {
        this.option = b.option;
        this.chosen = b.chosen;
        this.evidence = b.evidence;
        this.runnerUp = b.runnerUp;
        this.runnerUpEvidence = b.runnerUp == null ? null : b.runnerUpEvidence;
    }

    /** {@return a new builder; option, chosen and evidence are required} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder holding this choice's values} */
    public Builder toBuilder() {
        return new Builder().option(option).chosen(chosen).evidence(evidence).runnerUp(runnerUp, runnerUpEvidence);
    }

    /** {@return the option decided, a parser config key such as {@code delimiter} or {@code quote}} */
    public String option() {
        return option;
    }

    /** {@return the value chosen, as the parser config JSON writes it; {@code ""} means none} */
    public String chosen() {
        return chosen;
    }

    /** {@return what in the sample supports the chosen value} */
    public String evidence() {
        return evidence;
    }

    /** {@return the best value not chosen, if there was another candidate} */
    public Optional<String> runnerUp() {
        return Optional.ofNullable(runnerUp);
    }

    /** {@return what the sample showed for the runner-up, if there was one} */
    public Optional<String> runnerUpEvidence() {
        return Optional.ofNullable(runnerUpEvidence);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GuessChoice c && c.option.equals(option) && c.chosen.equals(chosen)
                && c.evidence.equals(evidence) && Objects.equals(c.runnerUp, runnerUp)
                && Objects.equals(c.runnerUpEvidence, runnerUpEvidence);
    }

    @Override
    public int hashCode() {
        return Objects.hash(option, chosen, evidence, runnerUp, runnerUpEvidence);
    }

    @Override
    public String toString() {
        return option + ": '" + chosen + "' (" + evidence + ")"
                + (runnerUp == null ? "" : " over '" + runnerUp + "' (" + runnerUpEvidence + ")");
    }

    /** Builds a {@link GuessChoice}. Not thread-safe. */
    public static final class Builder {
        private String option;
        private String chosen;
        private String evidence;
        private String runnerUp;
        private String runnerUpEvidence;

        private Builder() {
        }

        /**
         * The option decided; required, not empty.
         *
         * @param option a parser config key such as {@code delimiter}
         * @return this builder
         */
        public Builder option(String option) {
            FerryConfigException.requireNonNull(option, "choices.option");
            if (option.isEmpty()) {
                throw new FerryConfigException("choices.option", "the option of a guess choice must not be empty;"
                        + " name a parser config key such as delimiter");
            }
            this.option = option;
            return this;
        }

        /**
         * The value chosen; required ({@code ""} for none).
         *
         * @param chosen the value chosen
         * @return this builder
         */
        public Builder chosen(String chosen) {
            this.chosen = FerryConfigException.requireNonNull(chosen, "choices.chosen");
            return this;
        }

        /**
         * What supports the chosen value; required.
         *
         * @param evidence what in the sample supports the chosen value
         * @return this builder
         */
        public Builder evidence(String evidence) {
            this.evidence = FerryConfigException.requireNonNull(evidence, "choices.evidence");
            return this;
        }

        /**
         * The best value not chosen and what the sample showed for it; a null value clears both.
         *
         * @param value    the runner-up value, or null for none
         * @param evidence what the sample showed for it; required with a value
         * @return this builder
         */
        public Builder runnerUp(String value, String evidence) {
            if (value != null) {
                FerryConfigException.requireNonNull(evidence, "choices.runner_up_evidence");
            }
            this.runnerUp = value;
            this.runnerUpEvidence = value == null ? null : evidence;
            return this;
        }

        /**
         * @return the choice
         * @throws FerryConfigException if option, chosen or evidence is missing
         */
        public GuessChoice build() {
            if (option == null || chosen == null || evidence == null) {
                throw new FerryConfigException("choices", "a guess choice needs option, chosen and evidence, was "
                        + "option=" + option + ", chosen=" + chosen + ", evidence=" + evidence);
            }
            return new GuessChoice(this);
        }
    }
}
