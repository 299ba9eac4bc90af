package sfa.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import sfa.courseware.Courseware;
import sfa.courseware.LabUse;
import sfa.courseware.Lesson;
import sfa.courseware.Unit;
import sfa.courseware.quiz.Choice;
import sfa.courseware.quiz.Quiz;
import sfa.courseware.quiz.QuizItem;
import sfa.lab.scenario.Catalog;

/**
 * The shipped units as the load client's students know them: lesson ids, the quiz with its answers (so a
 * student can answer right or wrong on purpose) and, for labs graded on a Structured Text program, the
 * model answer and the wrong programs of {@code courseware/solutions}.
 */
record Course(List<CourseUnit> units) {

    /** A unit; {@code lab} is its first lab with a model answer in Structured Text, if any. */
    record CourseUnit(String id, List<String> lessons, @Nullable Quiz quiz, @Nullable LabPrograms lab) {
    }

    record LabPrograms(String lab, String modelAnswer, List<String> wrong) {
    }

    static Course load(Path root) {
        Courseware.Result r = Courseware.load(root, Catalog.standard());
        if (!r.ok()) {
            throw new IllegalStateException("the courseware under " + root + " has problems: " + r.problems());
        }
        Path solutions = root.resolve("courseware").resolve("solutions");
        List<CourseUnit> units = new ArrayList<>();
        for (Unit u : r.units().values()) {
            LabPrograms lab = null;
            for (LabUse use : u.labs()) {
                Path model = solutions.resolve(use.lab() + ".st");
                if (Files.isRegularFile(model)) {
                    lab = new LabPrograms(use.lab(), read(model), wrong(solutions.resolve("wrong").resolve(use.lab())));
                    break;
                }
            }
            units.add(new CourseUnit(u.id(), u.lessons().stream().map(Lesson::id).toList(), u.quiz(), lab));
        }
        return new Course(List.copyOf(units));
    }

    /** Quiz responses as the API takes them: each item answered right with probability {@code right}. */
    static Map<String, Object> responses(Quiz quiz, double right, Random random) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (QuizItem item : quiz.items()) {
            out.put(item.id(), answer(item, random.nextDouble() < right, random));
        }
        return out;
    }

    private static Object answer(QuizItem item, boolean right, Random random) {
        return switch (item) {
            case QuizItem.Single s -> right ? s.answer() : other(s.choices(), s.answer(), random);
            case QuizItem.Multiple m -> right ? List.copyOf(m.answer())
                    : List.of(other(m.choices(), m.answer().iterator().next(), random));
            case QuizItem.TrueFalse t -> right == t.answer();
            case QuizItem.Numeric n -> right ? n.answer() : n.answer() + n.tolerance() + 1 + random.nextInt(10);
            case QuizItem.Ordering o -> right ? o.answer() : o.answer().reversed();
            case QuizItem.Matching m -> {
                if (right) {
                    yield m.answer();
                }
                // every left entry paired with the right-hand entry of the next one
                List<String> keys = List.copyOf(m.answer().keySet());
                Map<String, String> shifted = new LinkedHashMap<>();
                for (int i = 0; i < keys.size(); i++) {
                    shifted.put(keys.get(i), m.answer().get(keys.get((i + 1) % keys.size())));
                }
                yield shifted;
            }
        };
    }

    private static String other(List<Choice> choices, String not, Random random) {
        List<String> ids = choices.stream().map(Choice::id).filter(id -> !id.equals(not)).toList();
        return ids.isEmpty() ? not : ids.get(random.nextInt(ids.size()));
    }

    private static List<String> wrong(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".st")).sorted().map(Course::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
