package sfa.courseware;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import sfa.lab.scenario.Grade;
import sfa.lab.scenario.Grader;
import sfa.lab.scenario.SpecLab;
import sfa.lab.scenario.SpecLoader;
import sfa.lab.st.StCompiler;
import sfa.lab.st.StProgram;

/** The complete example of docs/labs.md loads, and grades a right and a wrong answer as it says. */
class LabGuideTests {

    private static SpecLab example() throws IOException {
        String guide = Files.readString(Path.of("../docs/labs.md"));
        int start = guide.indexOf("```yaml\nid: lamp-delay");
        String yaml = guide.substring(start + "```yaml\n".length(), guide.indexOf("```", start + 7));
        SpecLoader.Result r = SpecLoader.load(yaml, "lamp-delay.yaml");
        assertThat(r.problems()).isEmpty();
        return new SpecLab(r.spec());
    }

    private static Grade grade(SpecLab lab, String delay) {
        StProgram p = StCompiler.compile("""
                PROGRAM Main
                VAR START AT %IX0.0 : BOOL; STOP AT %IX0.1 : BOOL; LAMP AT %QX0.0 : BOOL; run : BOOL; t : TON; END_VAR
                run := (START OR run) AND STOP;
                t(IN := run, PT := DELAY);
                LAMP := t.Q;
                END_PROGRAM
                """.replace("DELAY", delay), StCompiler.Options.standalone()).program();
        return Grader.grade(lab, () -> {
            p.coldRestart();
            return p;
        }, List.of(), List.of(), null);
    }

    @Test
    void theGuidesExampleLabPassesItsModelAnswer() throws IOException {
        assertThat(grade(example(), "T#2s").passed()).isTrue();
    }

    @Test
    void theGuidesExampleLabCatchesAWrongDelayWithTheTeachersMessage() throws IOException {
        Grade g = grade(example(), "T#1s");

        assertThat(g.passed()).isFalse();
        assertThat(g.objectives().getFirst().ko()).contains("TON의 PT를 T#2s로 하세요");
    }
}
