package sfa.backend.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import sfa.courseware.Courseware;
import sfa.courseware.Text;
import sfa.courseware.Unit;
import sfa.courseware.quiz.Choice;
import sfa.courseware.quiz.QuizItem;
import sfa.lab.scenario.Catalog;

class QuizViewTests {

    static final List<Unit> UNITS = List.copyOf(Courseware.load(Path.of("..").toAbsolutePath().normalize(),
            Catalog.standard()).units().values());

    @Test
    void noShippedQuizShowsAnOrderingInItsCorrectOrderOrAMatchingInItsAnswerOrder() {
        int orderings = 0;
        for (Unit u : UNITS) {
            for (QuizItem item : u.quiz().items()) {
                if (item instanceof QuizItem.Ordering o) {
                    orderings++;
                    List<String> shown = QuizView.shuffled(o.id(), o.entries()).stream().map(Choice::id).toList();
                    assertThat(shown).as(u.id() + " " + o.id()).containsExactlyInAnyOrderElementsOf(o.answer())
                            .isNotEqualTo(o.answer());
                }
                if (item instanceof QuizItem.Matching m) {
                    assertThat(QuizView.shuffled(m.id(), m.right())).as(u.id() + " " + m.id()).isNotEqualTo(m.right());
                }
            }
        }
        assertThat(orderings).isPositive();
    }

    @Test
    void aResponseFromJsonTakesTheShapeItsItemScores() {
        var multiple = new QuizItem.Multiple("q", new Text("", ""), List.of(), Set.of("a", "c"), false, new Text("", ""), 2);
        var numeric = new QuizItem.Numeric("n", new Text("", ""), 0.4, 0.001, "m", new Text("", ""), 1);

        assertThat(multiple.score(QuizView.response(multiple, List.of("c", "a")))).isEqualTo(2);
        assertThat(numeric.score(QuizView.response(numeric, "0,4"))).as("a comma as the decimal mark").isEqualTo(1);
        assertThat(numeric.score(QuizView.response(numeric, "forty"))).isZero();
    }
}
