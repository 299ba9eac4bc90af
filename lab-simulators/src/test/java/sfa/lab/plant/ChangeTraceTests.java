package sfa.lab.plant;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import sfa.lab.scenario.Catalog;
import sfa.lab.scenario.Grader;
import sfa.lab.scenario.SpecLab;
import sfa.lab.st.StCompiler;
import sfa.lab.st.StProgram;

class ChangeTraceTests {

    static String traceOf(String labId, long wordMillis) throws Exception {
        SpecLab lab = Catalog.lab(labId);
        String source = Files.readString(Path.of("../courseware/solutions/" + labId + ".st"));
        StProgram p = StCompiler.compile(source, StCompiler.Options.forLab(lab.addresses())).program();
        StringBuilder out = new StringBuilder();
        ChangeTrace trace = new ChangeTrace(out, wordMillis);
        Grader.grade(lab, () -> {
            p.coldRestart();
            return p;
        }, List.of(), List.of(), trace);
        trace.finish();
        return out.toString();
    }

    @Test
    void aButtonPressAndTheMotorItStartsAreEachOneLineAtTheirMoment() throws Exception {
        List<String> lines = Arrays.asList(traceOf("conveyor-self-hold", 100).split("\n"));

        assertThat(lines.getFirst()).isEqualTo("t_ms,signal,value");
        assertThat(lines).contains("0,START,0", "0,MOTOR,0");
        String pressed = lines.stream().filter(l -> l.endsWith(",START,1")).findFirst().orElseThrow();
        long at = Long.parseLong(pressed.split(",")[0]);
        assertThat(at).isBetween(1_000L, 1_020L);
        assertThat(lines).anySatisfy(l -> assertThat(l).matches("10[0-3]\\d,MOTOR,1"));
        assertThat(lines.size()).as("only changes").isLessThan(150);
    }

    @Test
    void aNoisyAnalogInputIsWrittenAtMostEveryWordIntervalAndItsLastValueAtTheEnd() throws Exception {
        List<String[]> level = Arrays.stream(traceOf("tank-level", 200).split("\n")).skip(1).map(l -> l.split(","))
                .filter(f -> f[1].equals("LEVEL")).toList();

        assertThat(level.size()).isGreaterThan(10);
        for (int i = 1; i < level.size() - 1; i++) {
            assertThat(Long.parseLong(level.get(i)[0]) - Long.parseLong(level.get(i - 1)[0])).isGreaterThanOrEqualTo(200);
        }
    }

    @Test
    void theSortingRunIsAFewKilobytesInsteadOfAHundred() throws Exception {
        assertThat(traceOf("sorting-metal", 100).length()).isLessThan(20_000);
    }

    @Test
    void signalsThatComeInAnotherOrderThanInTheRowBeforeAreStillTracedByName() { // #16
        StringBuilder out = new StringBuilder();
        ChangeTrace trace = new ChangeTrace(out, 0);
        trace.value("t_ms", 0L);
        trace.value("A", false);
        trace.value("B", true);
        trace.endRow();
        trace.value("t_ms", 10L);
        trace.value("B", true);
        trace.value("A", true);
        trace.endRow();
        trace.value("t_ms", 20L);
        trace.value("A", true);
        trace.value("B", false);
        trace.value("C", true);
        trace.endRow();

        assertThat(out.toString()).isEqualTo("t_ms,signal,value\n0,A,0\n0,B,1\n10,A,1\n20,B,0\n20,C,1\n");
    }
}
