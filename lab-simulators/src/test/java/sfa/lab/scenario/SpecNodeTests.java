package sfa.lab.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpecNodeTests {

    private final List<Problem> problems = new ArrayList<>();

    private SpecNode parse(String text) {
        return SpecNode.parse(text, "quiz.yaml", problems);
    }

    // #15: 20,000 nested '[' overflowed the composer's stack; the StackOverflowError was a 500 on every read of the draft
    @Test
    void listsNestedTwentyThousandDeepAreAProblemOfTheirLineNotACrash() {
        SpecNode root = parse("title: {ko: 확인, en: Check}\nitems: " + "[".repeat(20_000) + "]".repeat(20_000) + "\n");

        assertThat(root).isNull();
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.format()).startsWith("quiz.yaml:2:").contains("nest more than " + SpecNode.MAX_DEPTH + " deep");
            assertThat(p.ko()).contains(SpecNode.MAX_DEPTH + "단계");
        });
    }

    // #15
    @Test
    void mapsNestedTooDeepInBlocksAreAProblemOfTheirLine() {
        StringBuilder yaml = new StringBuilder();
        for (int depth = 0; depth <= SpecNode.MAX_DEPTH; depth++) {
            yaml.append("  ".repeat(depth)).append("k").append(depth).append(":\n");
        }
        yaml.append("  ".repeat(SpecNode.MAX_DEPTH + 1)).append("v\n");

        assertThat(parse(yaml.toString())).isNull();
        assertThat(problems).extracting(Problem::format).singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .startsWith("quiz.yaml:" + (SpecNode.MAX_DEPTH + 1) + ":").contains("deep");
    }

    @Test
    void listsNestedAsDeepAsTheLimitStillLoad() {
        SpecNode root = parse("[".repeat(SpecNode.MAX_DEPTH) + "x" + "]".repeat(SpecNode.MAX_DEPTH));

        assertThat(problems).isEmpty();
        assertThat(root).isNotNull();
        assertThat(root.items()).singleElement().satisfies(n -> assertThat(n.isList()).isTrue());
    }

    // #15: a "billion laughs": each line names the one before ten times
    @Test
    void aliasesThatStandForTooManyValuesAreAProblemOfTheirLineNotAnExpansion() {
        StringBuilder yaml = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 9; i++) {
            yaml.append("a").append(i).append(": &a").append(i).append(" [")
                    .append(String.join(", ", java.util.Collections.nCopies(10, "*a" + (i - 1)))).append("]\n");
        }

        assertThat(parse(yaml.toString())).isNull();
        assertThat(problems).extracting(Problem::format).singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .matches("quiz\\.yaml:[2-9]:\\d+: .*")
                .contains("holds more than " + SpecNode.MAX_VALUES + " values");
    }

    // #15
    @Test
    void tooManyAliasesOfListsAreAProblemOfTheAliasOverTheLimit() {
        StringBuilder yaml = new StringBuilder("base: &b [x]\nuses:\n");
        for (int i = 0; i <= SpecNode.MAX_COLLECTION_ALIASES; i++) {
            yaml.append("  - *b\n");
        }

        assertThat(parse(yaml.toString())).isNull();
        assertThat(problems).extracting(Problem::format).singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .startsWith("quiz.yaml:" + (SpecNode.MAX_COLLECTION_ALIASES + 3) + ":5: ")
                .contains("more than " + SpecNode.MAX_COLLECTION_ALIASES + " aliases");
    }

    @Test
    void aFewAliasesOfListsStillLoad() {
        SpecNode root = parse("base: &b [x, y]\nuses: [*b, *b]\n");

        assertThat(problems).isEmpty();
        assertThat(root.entries().get("uses").items()).allSatisfy(n -> assertThat(n.items()).hasSize(2));
    }

    // #15: a list holding itself would make anything that walks it walk forever
    @Test
    void anAliasInsideTheListItNamesIsAProblemOfItsLine() {
        assertThat(parse("a: 1\nloop: &l [x, *l]\n")).isNull();
        assertThat(problems).extracting(Problem::format)
                .containsExactly("quiz.yaml:2:14: the alias *l is used inside the list or map it names");
    }

    // #15
    @Test
    void aFileLongerThanTheLimitIsAProblemOfTheFileNotParsed() {
        String text = "title: \"" + "가".repeat(SpecNode.MAX_CHARS) + "\"\n";

        assertThat(parse(text)).isNull();
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.format()).startsWith("quiz.yaml:1:1: ").contains(String.valueOf(text.length()), "at most " + SpecNode.MAX_CHARS);
            assertThat(p.ko()).contains(SpecNode.MAX_CHARS + "자");
        });
    }
}
