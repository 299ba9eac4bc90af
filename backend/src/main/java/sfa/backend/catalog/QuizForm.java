package sfa.backend.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import sfa.backend.web.ApiProblem;
import sfa.courseware.Text;
import sfa.courseware.quiz.Choice;
import sfa.courseware.quiz.Quiz;
import sfa.courseware.quiz.QuizItem;
import sfa.courseware.quiz.QuizLoader;
import sfa.lab.scenario.Problem;
import sfa.lab.scenario.SpecNode;

/**
 * A quiz as the authoring form edits it, answers and explanations included, one shape for every item
 * type. It is read from a {@code quiz.yaml} with the courseware's own loader and written back as YAML in
 * the courseware format, so what the form saves is exactly what the validator and the students get.
 */
public record QuizForm(Text title, int passPercent, List<Item> items) {

    public QuizForm {
        title = title == null ? new Text("", "") : title;
        items = items == null ? List.of() : List.copyOf(items);
    }

    /**
     * One item; the fields a type does not use are empty.
     *
     * @param type single, multiple, true_false, numeric, ordering or matching
     * @param choices the choices, the entries to put in order, or the left-hand entries of a matching
     * @param right the right-hand entries of a matching
     * @param answer the correct choice (single), choices (multiple), "true" or "false", or the entry ids in order
     * @param pairs a matching's answer: the right-hand id of each left-hand id
     * @param partial whether a multiple choice scores each choice (otherwise all or nothing)
     * @param value a numeric answer, right within {@code tolerance}, in {@code unit}
     */
    public record Item(String id, String type, Text prompt, Text explanation, int points, List<Choice> choices,
            List<Choice> right, List<String> answer, Map<String, String> pairs, boolean partial, @Nullable Double value,
            @Nullable Double tolerance, @Nullable String unit) {

        public Item {
            id = id == null ? "" : id;
            type = type == null ? "" : type;
            prompt = prompt == null ? new Text("", "") : prompt;
            explanation = explanation == null ? new Text("", "") : explanation;
            choices = choices == null ? List.of() : List.copyOf(choices);
            right = right == null ? List.of() : List.copyOf(right);
            answer = answer == null ? List.of() : List.copyOf(answer);
            pairs = pairs == null ? Map.of() : new LinkedHashMap<>(pairs);
        }
    }

    /** A quiz file read into the form, with the validator's problems (the form is null when the file is not a quiz). */
    public record Read(@Nullable QuizForm form, List<Problem> problems) {
    }

    static final List<String> TYPES = List.of("single", "multiple", "true_false", "numeric", "ordering", "matching");

    /** Reads {@code yaml} (the file {@code file}) with the courseware's quiz loader. */
    public static Read read(String yaml, String file) {
        List<Problem> problems = new ArrayList<>();
        SpecNode root = SpecNode.parse(yaml, file, problems);
        Quiz quiz = root == null || !root.isMap() ? null : QuizLoader.load(root);
        if (root != null && !root.isMap()) {
            root.problem("a quiz file holds 'title', 'pass_percent' and 'items'", "퀴즈 파일에는 title, pass_percent, items가 있어야 합니다");
        }
        return new Read(quiz == null ? null : of(quiz), List.copyOf(problems));
    }

    public static QuizForm of(Quiz quiz) {
        return new QuizForm(quiz.title(), quiz.passPercent(), quiz.items().stream().map(QuizForm::item).toList());
    }

    private static Item item(QuizItem q) {
        return switch (q) {
            case QuizItem.Single s -> new Item(s.id(), "single", s.prompt(), s.explanation(), s.points(), s.choices(),
                    null, List.of(s.answer()), null, false, null, null, null);
            case QuizItem.Multiple m -> new Item(m.id(), "multiple", m.prompt(), m.explanation(), m.points(), m.choices(),
                    null, List.copyOf(m.answer()), null, m.partial(), null, null, null);
            case QuizItem.TrueFalse t -> new Item(t.id(), "true_false", t.prompt(), t.explanation(), t.points(), null,
                    null, List.of(String.valueOf(t.answer())), null, false, null, null, null);
            case QuizItem.Numeric n -> new Item(n.id(), "numeric", n.prompt(), n.explanation(), n.points(), null, null,
                    null, null, false, n.answer(), n.tolerance(), n.unit());
            case QuizItem.Ordering o -> new Item(o.id(), "ordering", o.prompt(), o.explanation(), o.points(), o.entries(),
                    null, o.answer(), null, false, null, null, null);
            case QuizItem.Matching m -> new Item(m.id(), "matching", m.prompt(), m.explanation(), m.points(), m.left(),
                    m.right(), null, m.answer(), false, null, null, null);
        };
    }

    /** The quiz as a {@code quiz.yaml} in the courseware format (every text quoted, so any text is safe). */
    public String yaml() {
        StringBuilder y = new StringBuilder();
        y.append("title: ").append(text(title)).append('\n');
        y.append("pass_percent: ").append(passPercent).append('\n');
        y.append("items:\n");
        for (Item i : items) {
            if (!TYPES.contains(i.type())) {
                throw ApiProblem.badRequest("unknown-item-type", "unknown quiz item type '" + i.type() + "'; use "
                        + String.join(", ", TYPES), "알 수 없는 문항 유형 '" + i.type() + "'; 쓸 수 있는 유형: " + String.join(", ", TYPES));
            }
            y.append("  - id: ").append(scalar(i.id())).append('\n');
            y.append("    type: ").append(i.type()).append('\n');
            y.append("    prompt:\n").append(bilingual(i.prompt()));
            switch (i.type()) {
                case "single" -> y.append(choices("choices", i.choices()))
                        .append("    answer: ").append(scalar(i.answer().isEmpty() ? "" : i.answer().getFirst())).append('\n');
                case "multiple" -> {
                    y.append(choices("choices", i.choices())).append("    answer: ").append(list(i.answer())).append('\n');
                    if (i.partial()) {
                        y.append("    scoring: partial\n");
                    }
                }
                case "true_false" -> y.append("    answer: ").append(i.answer().equals(List.of("true"))
                        || i.answer().equals(List.of("false")) ? i.answer().getFirst() : "\"\"").append('\n');
                case "numeric" -> y.append("    answer: {value: ").append(number(i.value())).append(", tolerance: ")
                        .append(number(i.tolerance() == null ? 0.0 : i.tolerance())).append(", unit: ")
                        .append(quoted(i.unit() == null ? "" : i.unit())).append("}\n");
                case "ordering" -> y.append(choices("items", i.choices()))
                        .append("    answer: ").append(list(i.answer())).append('\n');
                default -> {
                    y.append(choices("left", i.choices())).append(choices("right", i.right())).append("    answer: {");
                    List<String> pairs = new ArrayList<>();
                    i.pairs().forEach((l, r) -> pairs.add(scalar(l) + ": " + scalar(r)));
                    y.append(String.join(", ", pairs)).append("}\n");
                }
            }
            if (i.points() != 1) {
                y.append("    points: ").append(i.points()).append('\n');
            }
            y.append("    explanation:\n").append(bilingual(i.explanation()));
        }
        return y.toString();
    }

    private static String bilingual(Text t) {
        return "      ko: " + quoted(t.ko()) + "\n      en: " + quoted(t.en()) + "\n";
    }

    private static String text(Text t) {
        return "{ko: " + quoted(t.ko()) + ", en: " + quoted(t.en()) + "}";
    }

    private static String choices(String key, List<Choice> choices) {
        StringBuilder y = new StringBuilder("    ").append(key).append(":");
        if (choices.isEmpty()) {
            return y.append(" []\n").toString();
        }
        y.append('\n');
        for (Choice c : choices) {
            Text t = c.text() == null ? new Text("", "") : c.text();
            y.append("      - {id: ").append(scalar(c.id())).append(", ko: ").append(quoted(t.ko())).append(", en: ")
                    .append(quoted(t.en())).append("}\n");
        }
        return y.toString();
    }

    private static String list(List<String> ids) {
        return "[" + String.join(", ", ids.stream().map(QuizForm::scalar).toList()) + "]";
    }

    private static String number(@Nullable Double d) {
        if (d == null || d.isNaN() || d.isInfinite()) {
            return "\"\"";
        }
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf(d.longValue()) : String.valueOf(d);
    }

    /** An id as it is, where YAML would read it as that string; quoted otherwise. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");
    private static final List<String> RESERVED = List.of("true", "false", "null", "yes", "no", "on", "off", "y", "n");

    private static String scalar(@Nullable String s) {
        return s == null ? "\"\"" : PLAIN.matcher(s).matches() && !RESERVED.contains(s.toLowerCase(java.util.Locale.ROOT)) ? s : quoted(s);
    }

    /** A YAML double-quoted scalar: backslash, quote and control characters escaped. */
    static String quoted(@Nullable String s) {
        if (s == null) {
            return "\"\"";
        }
        StringBuilder q = new StringBuilder("\"");
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            switch (c) {
                case '"' -> q.append("\\\"");
                case '\\' -> q.append("\\\\");
                case '\n' -> q.append("\\n");
                case '\t' -> q.append("\\t");
                case '\r' -> q.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f || c == '\u0085' || c == '\u2028' || c == '\u2029' || c == '\ufeff') {
                        q.append(String.format("\\u%04x", (int) c));
                    } else {
                        q.append(c);
                    }
                }
            }
        }
        return q.append('"').toString();
    }
}
