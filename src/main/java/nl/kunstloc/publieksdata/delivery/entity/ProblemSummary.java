package nl.kunstloc.publieksdata.delivery.entity;

import java.util.List;

/**
 * How often one kind of problem occurred.
 *
 * @param count    rows with this problem
 * @param share    count ÷ data rows (accepted + rejected), 0..1
 * @param examples the first few rows, with the value that caused it (never a personal-data value)
 */
public record ProblemSummary(ProblemCode code, long count, double share, List<Example> examples) {

    public static final int MAX_EXAMPLES = 5;

    public ProblemSummary {
        examples = List.copyOf(examples);
        if (examples.size() > MAX_EXAMPLES) {
            throw new IllegalArgumentException("at most " + MAX_EXAMPLES + " examples");
        }
    }

    public String adviceKey() {
        return code.adviceKey();
    }

    /** @param value the offending value, shortened to what the user needs to find it */
    public record Example(long line, String value) {
    }
}
