package sfa.backend.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jspecify.annotations.Nullable;
import sfa.courseware.Text;
import sfa.courseware.quiz.Choice;
import sfa.courseware.quiz.Quiz;
import sfa.courseware.quiz.QuizItem;

/**
 * A quiz as the browser sees it before submission: the questions and their choices, never the answers
 * or explanations. Entries to put in order and right-hand matching entries come shuffled (the same way
 * for everyone), since the file lists them in the correct order.
 */
public record QuizView(Text title, int passPercent, List<Item> items) {

    /**
     * @param type single, multiple, true_false, numeric, ordering or matching
     * @param choices the choices, entries to order or left-hand entries
     * @param right the right-hand entries of a matching item
     * @param unit the unit a numeric answer is in
     */
    public record Item(String id, String type, Text prompt, int points, List<Choice> choices,
            @Nullable List<Choice> right, @Nullable String unit) {
    }

    public static QuizView of(Quiz quiz) {
        List<Item> items = new ArrayList<>();
        for (QuizItem q : quiz.items()) {
            items.add(switch (q) {
                case QuizItem.Single s -> new Item(s.id(), "single", s.prompt(), s.points(), s.choices(), null, null);
                case QuizItem.Multiple m -> new Item(m.id(), "multiple", m.prompt(), m.points(), m.choices(), null, null);
                case QuizItem.TrueFalse t -> new Item(t.id(), "true_false", t.prompt(), t.points(), List.of(), null, null);
                case QuizItem.Numeric n -> new Item(n.id(), "numeric", n.prompt(), n.points(), List.of(), null, n.unit());
                case QuizItem.Ordering o -> new Item(o.id(), "ordering", o.prompt(), o.points(), shuffled(o.id(), o.entries()),
                        null, null);
                case QuizItem.Matching m -> new Item(m.id(), "matching", m.prompt(), m.points(), m.left(),
                        shuffled(m.id(), m.right()), null);
            });
        }
        return new QuizView(quiz.title(), quiz.passPercent(), items);
    }

    /** A fixed shuffle that never leaves the entries in their given order. */
    static List<Choice> shuffled(String seed, List<Choice> entries) {
        List<Choice> out = new ArrayList<>(entries);
        if (out.size() < 2) {
            return out;
        }
        java.util.Collections.shuffle(out, new Random(seed.hashCode()));
        if (out.equals(entries)) {
            java.util.Collections.rotate(out, 1);
        }
        return out;
    }

    /**
     * A response from JSON in the shape the item scores: a set of ids for a multiple choice, a list for
     * an ordering, a map for a matching; anything else as it came.
     */
    public static @Nullable Object response(QuizItem item, @Nullable Object json) {
        return switch (item) {
            case QuizItem.Multiple m when json instanceof List<?> l -> new java.util.HashSet<>(l);
            case QuizItem.Numeric n when json instanceof String s -> number(s);
            case QuizItem.Matching m when json instanceof Map<?, ?> map -> map;
            default -> json;
        };
    }

    private static @Nullable Object number(String s) {
        try {
            return Double.parseDouble(s.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            return s;
        }
    }
}
