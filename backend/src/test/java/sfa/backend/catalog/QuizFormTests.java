package sfa.backend.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import sfa.courseware.Text;
import sfa.courseware.quiz.Choice;
import sfa.courseware.quiz.Quiz;
import sfa.courseware.quiz.QuizLoader;
import sfa.lab.scenario.Problem;
import sfa.lab.scenario.SpecNode;

class QuizFormTests {

    static List<Path> shippedQuizzes() throws IOException {
        try (Stream<Path> units = Files.list(Path.of("..", "courseware", "units"))) {
            return units.map(u -> u.resolve("quiz.yaml")).filter(Files::isRegularFile).sorted().toList();
        }
    }

    static Quiz load(String yaml, List<Problem> problems) {
        return QuizLoader.load(SpecNode.parse(yaml, "quiz.yaml", problems));
    }

    @Test
    void everyShippedQuizComesBackFromTheFormWithTheSameItemsWhenTheCoursewareLoaderReadsIt() throws IOException {
        List<Path> files = shippedQuizzes();
        assertThat(files).hasSizeGreaterThan(10);
        java.util.Set<String> types = new java.util.TreeSet<>();
        for (Path file : files) {
            List<Problem> problems = new ArrayList<>();
            Quiz shipped = load(Files.readString(file), problems);
            assertThat(problems).as(file.toString()).isEmpty();

            QuizForm.Read read = QuizForm.read(Files.readString(file), "quiz.yaml");
            assertThat(read.problems()).isEmpty();
            read.form().items().forEach(i -> types.add(i.type()));
            Quiz again = load(read.form().yaml(), problems);

            assertThat(problems).as(file + "\n" + read.form().yaml()).isEmpty();
            assertThat(again).as(file.toString()).isEqualTo(shipped);
        }
        assertThat(types).containsExactlyInAnyOrderElementsOf(QuizForm.TYPES);
    }

    @Test
    void textsWithQuotesBackslashesNewlinesAndYamlLookalikesAreWrittenSoTheyReadBackUnchanged() {
        String tricky = "say \"no\": C:\\dir\n- not a list # nor a comment\t{x: [y]} 'z' & *a !tag %";
        var item = new QuizForm.Item("yes", "single", new Text(tricky, "true"), new Text("null", "1.5"), 2,
                List.of(new Choice("on", new Text(tricky, "- a")), new Choice("2", new Text("~", "@b"))), null,
                List.of("2"), null, false, null, null, null);
        var form = new QuizForm(new Text("제목: \"따옴표\"", "Title"), 70, List.of(item));

        List<Problem> problems = new ArrayList<>();
        Quiz quiz = load(form.yaml(), problems);

        assertThat(problems).isEmpty();
        assertThat(QuizForm.of(quiz)).isEqualTo(form);
    }

    @Test
    void aMatchingWithAnUnpairedLeftEntryIsWrittenAsItIsAndTheValidatorNamesTheEntry() {
        var matching = new QuizForm.Item("m", "matching", new Text("짝", "pair"), new Text("설명", "why"), 1,
                List.of(new Choice("l1", new Text("가", "a")), new Choice("l2", new Text("나", "b"))),
                List.of(new Choice("r1", new Text("다", "c")), new Choice("r2", new Text("라", "d"))), null,
                Map.of("l1", "r2"), false, null, null, null);
        var form = new QuizForm(new Text("퀴즈", "Quiz"), 60, List.of(matching));

        List<Problem> problems = new ArrayList<>();
        load(form.yaml(), problems);

        assertThat(problems).extracting(Problem::en).anyMatch(p -> p.contains("does not match 'l2'"));
    }
}
