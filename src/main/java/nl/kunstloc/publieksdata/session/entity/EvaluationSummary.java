package nl.kunstloc.publieksdata.session.entity;

import java.io.Serializable;
import java.util.List;

/** What the evaluations of a session say together: how many, the average, how the ratings spread, the comments. */
public record EvaluationSummary(int count, double average, int[] perRating, List<String> comments) implements Serializable {

    public static EvaluationSummary of(List<Evaluation> evaluations) {
        int[] per = new int[5];
        int sum = 0;
        for (Evaluation e : evaluations) {
            per[e.getRating() - 1]++;
            sum += e.getRating();
        }
        double average = evaluations.isEmpty() ? 0 : Math.round(10.0 * sum / evaluations.size()) / 10.0;
        List<String> comments = evaluations.stream().map(Evaluation::getComments).filter(c -> c != null).toList();
        return new EvaluationSummary(evaluations.size(), average, per, comments);
    }

    public int getCount() { return count; }
    public double getAverage() { return average; }
    public List<String> getComments() { return comments; }

    /** For pages: how many gave this rating (1–5). */
    public int times(int rating) {
        return perRating[rating - 1];
    }
}
