package nl.kunstloc.publieksdata.delivery.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.util.ArrayList;
import java.util.List;

/** One line of a stored validation report: a problem type with its count and first examples. */
@Embeddable
public class DeliveryProblem implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 40)
    private ProblemCode code;

    @Column(name = "row_count", nullable = false)
    private long count;

    @Column(nullable = false)
    private double share;

    /** "line TAB value" per line: the values are short and never personal data (see ProblemSummary). */
    @Column(nullable = false, length = 4000)
    private String examples;

    protected DeliveryProblem() {
    }

    public DeliveryProblem(ProblemSummary summary) {
        this.code = summary.code();
        this.count = summary.count();
        this.share = summary.share();
        StringBuilder text = new StringBuilder();
        for (ProblemSummary.Example e : summary.examples()) {
            String value = e.value() == null ? "" : e.value().replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
            text.append(e.line()).append('\t').append(value.length() > 200 ? value.substring(0, 200) : value).append('\n');
        }
        this.examples = text.toString();
    }

    public ProblemSummary summary() {
        List<ProblemSummary.Example> list = new ArrayList<>();
        for (String line : examples.split("\n")) {
            int tab = line.indexOf('\t');
            if (tab > 0) {
                list.add(new ProblemSummary.Example(Long.parseLong(line.substring(0, tab)), line.substring(tab + 1)));
            }
        }
        return new ProblemSummary(code, count, share, list);
    }

    public ProblemCode getCode() { return code; }
    public long getCount() { return count; }
    public double getShare() { return share; }
    public List<ProblemSummary.Example> getExamples() { return summary().examples(); }
}
