package sfa.courseware;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import sfa.courseware.quiz.Choice;
import sfa.courseware.quiz.Quiz;
import sfa.courseware.quiz.QuizItem;

class QuizScoringTests {

    private static final Text T = new Text("문제", "question");

    private static List<Choice> choices(String... ids) {
        return java.util.Arrays.stream(ids).map(id -> new Choice(id, new Text(id, id))).toList();
    }

    @Test
    void aNumericAnswerCountsWithinItsToleranceOnly() {
        var item = new QuizItem.Numeric("q", T, 8000, 50, "raw", T, 2);

        assertThat(item.score(8049)).isEqualTo(2);
        assertThat(item.score(7950.0)).isEqualTo(2);
        assertThat(item.score(8051)).isZero();
        assertThat(item.score("8000")).as("text where a number is expected").isZero();
    }

    @Test
    void multipleChoiceIsAllOrNothingUnlessPartialWhereWrongChoicesTakeAway() {
        var strict = new QuizItem.Multiple("q", T, choices("a", "b", "c", "d"), Set.of("a", "c"), false, T, 2);
        var partial = new QuizItem.Multiple("q", T, choices("a", "b", "c", "d"), Set.of("a", "c"), true, T, 2);

        assertThat(strict.score(Set.of("a", "c"))).isEqualTo(2);
        assertThat(strict.score(Set.of("a"))).isZero();
        assertThat(partial.score(Set.of("a"))).isEqualTo(1);
        assertThat(partial.score(Set.of("a", "b"))).isZero();
        assertThat(partial.score(Set.of("b", "d"))).as("never below zero").isZero();
    }

    @Test
    void orderingMustBeExactAndMatchingSharesItsPointsAmongThePairs() {
        var ordering = new QuizItem.Ordering("q", T, choices("read", "run", "write"), List.of("read", "run", "write"), T, 1);
        var matching = new QuizItem.Matching("q", T, choices("brown", "blue", "black"), choices("plus", "zero", "signal"),
                Map.of("brown", "plus", "blue", "zero", "black", "signal"), T, 3);

        assertThat(ordering.score(List.of("read", "run", "write"))).isEqualTo(1);
        assertThat(ordering.score(List.of("run", "read", "write"))).isZero();
        assertThat(matching.score(Map.of("brown", "plus", "blue", "signal", "black", "zero"))).isEqualTo(1);
    }

    @Test
    void aQuizPassesAtItsPassPercentOfAllPointsAndUnansweredItemsEarnNothing() {
        Quiz quiz = new Quiz(T, 60, List.of(
                new QuizItem.Single("q1", T, choices("a", "b"), "b", T, 1),
                new QuizItem.TrueFalse("q2", T, false, T, 1),
                new QuizItem.Numeric("q3", T, 12, 0, "mA", T, 1)));

        assertThat(quiz.score(Map.of("q1", "b", "q2", false))).isEqualTo(new Quiz.Result(2, 3, true));
        assertThat(quiz.score(Map.of("q1", "b"))).isEqualTo(new Quiz.Result(1, 3, false));
    }
}
