package sfa.courseware.quiz;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import sfa.courseware.Text;
import sfa.lab.scenario.SpecNode;

/** Reads a {@code quiz.yaml}; every problem (an item without a correct answer, say) is reported with its line. */
public final class QuizLoader {

    private QuizLoader() {
    }

    public static @Nullable Quiz load(SpecNode root) {
        root.allowOnly("a quiz", "title", "pass_percent", "items");
        int pass = (int) root.number("pass_percent", 60, 1, 100);
        List<QuizItem> items = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        SpecNode list = root.required("items");
        if (list != null) {
            for (SpecNode n : list.items()) {
                QuizItem item = item(n);
                if (item != null) {
                    if (!ids.add(item.id())) {
                        n.problem("quiz item id '" + item.id() + "' is used twice", "문항 id '" + item.id() + "'이(가) 두 번 쓰였습니다");
                    }
                    items.add(item);
                }
            }
        }
        return new Quiz(Text.of(root, "title"), pass, items);
    }


    private static @Nullable QuizItem item(SpecNode n) {
        String type = n.string("type");
        String id = n.string("id");
        int points = (int) n.number("points", 1, 1, 100);
        switch (type) {
            case "single" -> {
                n.allowOnly("a single-choice item", "id", "type", "prompt", "choices", "answer", "explanation", "points");
                List<Choice> choices = choices(n, "choices");
                String answer = n.string("answer");
                requireChoice(n, answer, choices);
                return new QuizItem.Single(id, Text.of(n, "prompt"), choices, answer, Text.of(n, "explanation"), points);
            }
            case "multiple" -> {
                n.allowOnly("a multiple-choice item", "id", "type", "prompt", "choices", "answer", "scoring", "explanation",
                        "points");
                List<Choice> choices = choices(n, "choices");
                Set<String> answer = new LinkedHashSet<>(strings(n, "answer"));
                if (answer.isEmpty()) {
                    noAnswer(n);
                }
                for (String a : answer) {
                    requireChoice(n, a, choices);
                }
                String scoring = n.string("scoring", "all-or-nothing");
                if (!scoring.equals("all-or-nothing") && !scoring.equals("partial")) {
                    n.problem("scoring is all-or-nothing or partial, not '" + scoring + "'",
                            "scoring은 all-or-nothing 또는 partial입니다 (지금 '" + scoring + "')");
                }
                return new QuizItem.Multiple(id, Text.of(n, "prompt"), choices, answer, scoring.equals("partial"),
                        Text.of(n, "explanation"), points);
            }
            case "true_false" -> {
                n.allowOnly("a true/false item", "id", "type", "prompt", "answer", "explanation", "points");
                String a = n.string("answer");
                if (!a.equals("true") && !a.equals("false")) {
                    noAnswer(n);
                }
                return new QuizItem.TrueFalse(id, Text.of(n, "prompt"), a.equals("true"), Text.of(n, "explanation"), points);
            }
            case "numeric" -> {
                n.allowOnly("a numeric item", "id", "type", "prompt", "answer", "explanation", "points");
                SpecNode a = n.required("answer");
                if (a == null) {
                    return null;
                }
                a.allowOnly("a numeric answer", "value", "tolerance", "unit");
                double value = a.number("value", -1e12, 1e12);
                double tolerance = a.number("tolerance", 0, 0, 1e12);
                return new QuizItem.Numeric(id, Text.of(n, "prompt"), value, tolerance, a.string("unit"),
                        Text.of(n, "explanation"), points);
            }
            case "ordering" -> {
                n.allowOnly("an ordering item", "id", "type", "prompt", "items", "answer", "explanation", "points");
                List<Choice> entries = choices(n, "items");
                List<String> answer = strings(n, "answer");
                Set<String> known = new HashSet<>();
                entries.forEach(c -> known.add(c.id()));
                if (!new HashSet<>(answer).equals(known) || answer.size() != entries.size()) {
                    n.problem("the answer of an ordering item must list every entry once: " + known,
                            "순서 문항의 정답에는 모든 항목이 한 번씩 있어야 합니다: " + known);
                }
                return new QuizItem.Ordering(id, Text.of(n, "prompt"), entries, answer, Text.of(n, "explanation"), points);
            }
            case "matching" -> {
                n.allowOnly("a matching item", "id", "type", "prompt", "left", "right", "answer", "explanation", "points");
                List<Choice> left = choices(n, "left");
                List<Choice> right = choices(n, "right");
                Map<String, String> answer = new LinkedHashMap<>();
                SpecNode a = n.required("answer");
                if (a != null && a.isMap()) {
                    a.entries().forEach((k, v) -> answer.put(k, v.text()));
                }
                for (Choice l : left) {
                    String r = answer.get(l.id());
                    if (r == null) {
                        n.problem("the answer does not match '" + l.id() + "' with anything",
                                "정답에 '" + l.id() + "'의 짝이 없습니다");
                    } else if (right.stream().noneMatch(c -> c.id().equals(r))) {
                        n.problem("'" + r + "' is not an entry on the right", "'" + r + "'은(는) 오른쪽 항목이 아닙니다");
                    }
                }
                return new QuizItem.Matching(id, Text.of(n, "prompt"), left, right, answer, Text.of(n, "explanation"), points);
            }
            default -> {
                n.problem("unknown quiz item type '" + type + "'; use single, multiple, true_false, numeric, ordering or matching",
                        "알 수 없는 문항 유형 '" + type + "'");
                return null;
            }
        }
    }

    private static void noAnswer(SpecNode n) {
        n.problem("the item has no correct answer", "이 문항에는 정답이 없습니다");
    }

    private static void requireChoice(SpecNode n, String answer, List<Choice> choices) {
        if (answer.isEmpty() || choices.stream().noneMatch(c -> c.id().equals(answer))) {
            SpecNode at = n.optional("answer");
            (at == null ? n : at).problem("the item has no correct answer: '" + answer + "' is not one of its choices",
                    "이 문항에는 정답이 없습니다: '" + answer + "'은(는) 보기에 없습니다");
        }
    }

    private static List<Choice> choices(SpecNode n, String key) {
        List<Choice> out = new ArrayList<>();
        SpecNode list = n.required(key);
        if (list == null) {
            return out;
        }
        for (SpecNode c : list.items()) {
            c.allowOnly("a choice", "id", "ko", "en");
            out.add(new Choice(c.string("id"), new Text(c.string("ko"), c.string("en"))));
        }
        if (out.size() < 2) {
            list.problem("'" + key + "' needs at least two entries", "'" + key + "'에는 항목이 둘 이상 있어야 합니다");
        }
        return out;
    }

    private static List<String> strings(SpecNode n, String key) {
        List<String> out = new ArrayList<>();
        SpecNode v = n.required(key);
        if (v == null) {
            return out;
        }
        if (v.isList()) {
            v.items().forEach(i -> out.add(i.text()));
        } else {
            out.add(v.text());
        }
        return out;
    }
}
