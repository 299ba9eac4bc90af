package sfa.courseware.quiz;

import java.util.List;
import java.util.Map;
import java.util.Set;
import sfa.courseware.Text;

/**
 * One question. Each type knows how to score a student's response: the points it earns, from 0 to
 * {@link #points()}. A response of the wrong shape (a text where a number is expected) earns 0.
 */
public sealed interface QuizItem {

    String id();

    Text prompt();

    Text explanation();

    int points();

    /** The points {@code response} earns. */
    double score(Object response);

    /** One correct choice; the response is the chosen id. */
    record Single(String id, Text prompt, List<Choice> choices, String answer, Text explanation, int points)
            implements QuizItem {
        @Override
        public double score(Object response) {
            return answer.equals(response) ? points : 0;
        }
    }

    /**
     * Several correct choices; the response is the set of chosen ids. All or nothing, or with
     * {@code partial} each right choice adds and each wrong one takes away (never below 0).
     */
    record Multiple(String id, Text prompt, List<Choice> choices, Set<String> answer, boolean partial, Text explanation,
            int points) implements QuizItem {
        @Override
        public double score(Object response) {
            if (!(response instanceof Set<?> chosen)) {
                return 0;
            }
            if (!partial) {
                return chosen.equals(answer) ? points : 0;
            }
            int right = 0;
            int wrong = 0;
            for (Object c : chosen) {
                if (answer.contains(c)) {
                    right++;
                } else {
                    wrong++;
                }
            }
            return Math.max(0, points * (right - wrong) / (double) answer.size());
        }
    }

    record TrueFalse(String id, Text prompt, boolean answer, Text explanation, int points) implements QuizItem {
        @Override
        public double score(Object response) {
            return response instanceof Boolean b && b == answer ? points : 0;
        }
    }

    /** A number, right within {@code tolerance}, in {@code unit} (shown to the student). */
    record Numeric(String id, Text prompt, double answer, double tolerance, String unit, Text explanation, int points)
            implements QuizItem {
        @Override
        public double score(Object response) {
            return response instanceof Number n && Math.abs(n.doubleValue() - answer) <= tolerance + 1e-9 ? points : 0;
        }
    }

    /** Entries to put in order; the response is the ids in the student's order. */
    record Ordering(String id, Text prompt, List<Choice> entries, List<String> answer, Text explanation, int points)
            implements QuizItem {
        @Override
        public double score(Object response) {
            return answer.equals(response) ? points : 0;
        }
    }

    /** Each left entry matched with one right entry; points shared equally among the pairs. */
    record Matching(String id, Text prompt, List<Choice> left, List<Choice> right, Map<String, String> answer,
            Text explanation, int points) implements QuizItem {
        @Override
        public double score(Object response) {
            if (!(response instanceof Map<?, ?> pairs)) {
                return 0;
            }
            long right = answer.entrySet().stream().filter(e -> e.getValue().equals(pairs.get(e.getKey()))).count();
            return points * right / (double) answer.size();
        }
    }
}
