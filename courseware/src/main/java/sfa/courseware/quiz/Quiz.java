package sfa.courseware.quiz;

import java.util.List;
import java.util.Map;
import sfa.courseware.Text;

/** A unit's quiz: its items and the share of points that passes. */
public record Quiz(Text title, int passPercent, List<QuizItem> items) {

    public Quiz {
        items = List.copyOf(items);
    }

    /** The result of one attempt. */
    public record Result(double points, int maxPoints, boolean passed) {
    }

    /** Scores an attempt: the response to each item by its id (an unanswered item earns 0). */
    public Result score(Map<String, Object> responses) {
        double points = 0;
        int max = 0;
        for (QuizItem item : items) {
            max += item.points();
            Object r = responses.get(item.id());
            if (r != null) {
                points += item.score(r);
            }
        }
        return new Result(points, max, max > 0 && points * 100 >= passPercent * (double) max);
    }
}
