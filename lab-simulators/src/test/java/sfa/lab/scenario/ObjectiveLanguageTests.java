package sfa.lab.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ObjectiveLanguageTests {

    private final List<Problem> problems = new ArrayList<>();

    private Objective parse(String text) {
        return ObjectiveParser.parse(text, "lab.yaml", 10, 12, problems);
    }

    /** A trace of two signals sampled every 10 ms. */
    private static TraceTable trace(int[] a, int[] b) {
        TraceTable t = new TraceTable(a.length);
        for (int i = 0; i < a.length; i++) {
            t.value("t_ms", (long) i * 10);
            t.value("A", a[i] != 0);
            t.value("B", b[i] != 0);
            t.endRow();
        }
        return t;
    }

    private static Verdict judge(String check, TraceTable t) {
        List<Problem> p = new ArrayList<>();
        Objective o = ObjectiveParser.parse(check, "x.yaml", 1, 1, p);
        assertThat(p).isEmpty();
        ObjectiveSpec spec = new ObjectiveSpec("x", List.of(check), List.of(o), "기대", "expected", null, null, 1, false, null);
        return Judge.judge(spec, t, 10, Long.MIN_VALUE);
    }

    @Test
    void theFormsATeacherWritesAllParse() {
        assertThat(parse("always not (A_EXTEND and A_RETRACT)")).isInstanceOf(Objective.Always.class);
        assertThat(parse("after rise(START) within 100ms MOTOR")).isInstanceOf(Objective.After.class);
        assertThat(parse("count(rise(BIN_A.metal)) >= 10 by 60s")).isInstanceOf(Objective.At.class);
        assertThat(parse("never BIN_A.plastic > 0")).isInstanceOf(Objective.Always.class);
        assertThat(parse("whenever rise(PUSHER) then CYL_HOME")).isInstanceOf(Objective.Whenever.class);
        assertThat(parse("always 0.35 <= L <= 0.65 from L >= 0.4 until fall(STOP) while RUN")).isInstanceOf(Objective.Always.class);
        assertThat(problems).isEmpty();
    }

    @Test
    void aSyntaxErrorNamesItsLineAndColumnInTheSpecFile() {
        assertThat(parse("after rise(START within 100ms MOTOR")).isNull();
        Problem p = problems.getFirst();
        assertThat(p.line()).isEqualTo(10);
        assertThat(p.column()).isEqualTo(12 + "after rise(START ".length());
        assertThat(p.en()).contains("expected ')'", "'within'");
        assertThat(p.ko()).contains("')'");
    }

    @Test
    void anUnknownUnitOrFunctionIsNamed() {
        parse("after rise(START) within 100 ms MOTOR");
        parse("always ramp(A)");
        parse("always held(A)");
        assertThat(problems).extracting(Problem::en).anySatisfy(e -> assertThat(e).contains("a duration such as 100ms"))
                .anySatisfy(e -> assertThat(e).contains("unknown function 'ramp'"))
                .anySatisfy(e -> assertThat(e).contains("held takes 2 arguments, not 1"));
    }

    @Test
    void afterWithinFailsAtTheEventWithTheDeadline() {
        // A rises at 20 ms; B only comes at 70 ms, later than 30 ms (3 scans) after it
        TraceTable t = trace(new int[] {0, 0, 1, 1, 1, 1, 1, 1, 1, 1}, new int[] {0, 0, 0, 0, 0, 0, 0, 1, 1, 1});
        Verdict v = judge("after rise(A) within 30ms B", t);

        assertThat(v.passed()).isFalse();
        assertThat(v.atMillis()).isEqualTo(20);
        assertThat(v.en()).startsWith("t=0.02 s: after `rise(A)`, `B` was still not true at t=0.05 s");
        assertThat(v.ko()).startsWith("t=0.02 s: `rise(A)` 뒤 t=0.05 s까지 `B`");
        assertThat(judge("after rise(A) within 60ms B", t).passed()).isTrue();
    }

    @Test
    void withinIsNeverShorterThanThreeScans() {
        TraceTable t = trace(new int[] {0, 1, 1, 1, 1, 1}, new int[] {0, 0, 0, 1, 1, 1});

        assertThat(judge("after rise(A) within 10ms B", t).passed()).isTrue();
    }

    @Test
    void heldAndHappenedLookBackInTime() {
        TraceTable t = trace(new int[] {1, 1, 1, 1, 0, 0, 0, 0, 0, 0}, new int[] {0, 0, 0, 0, 0, 0, 0, 1, 0, 0});

        assertThat(judge("never held(A, 20ms)", t).passed()).isFalse();
        assertThat(judge("never held(A, 30ms)", t).passed()).isTrue();
        assertThat(judge("whenever rise(B) then happened(fall(A), 20ms)", t).passed()).isFalse();
        assertThat(judge("whenever rise(B) then happened(fall(A), 20ms) or happened(fall(A), 30ms)", t).passed()).isTrue();
    }

    @Test
    void sinceMeasuresFromThePreviousOccurrence() {
        TraceTable t = trace(new int[] {0, 1, 0, 0, 1, 0, 1, 0, 0, 0}, new int[10]);

        assertThat(judge("whenever rise(A) then since(rise(A)) >= 30ms", t).passed()).isFalse();
        Verdict v = judge("whenever rise(A) then since(rise(A)) >= 20ms", t);
        assertThat(v.passed()).isTrue();
    }

    @Test
    void byAndWhenCheckOneMoment() {
        TraceTable t = trace(new int[] {0, 1, 1, 0, 1, 1, 0, 1, 0, 0}, new int[] {0, 0, 0, 0, 0, 1, 1, 1, 1, 1});

        assertThat(judge("count(rise(A)) >= 3 by 90ms", t).passed()).isTrue();
        assertThat(judge("count(rise(A)) >= 3 by 50ms", t).passed()).isFalse();
        assertThat(judge("count(rise(A)) == 2 when B", t).passed()).isTrue();
        assertThat(judge("A when clock(B) >= 30ms", t).passed()).isFalse();
    }

    @Test
    void latchAndClockFollowTheRunningState() {
        TraceTable t = trace(new int[] {0, 1, 0, 0, 0, 0, 0, 0, 0, 0}, new int[] {0, 0, 0, 0, 1, 0, 0, 0, 0, 0});

        assertThat(judge("always latch(rise(A), rise(B)) == (time >= 10 and time < 40)", t).passed()).isTrue();
        assertThat(judge("clock(latch(rise(A), rise(B))) == 30 by 90ms", t).passed()).isTrue();
    }

    @Test
    void scopesLimitWhereAnAlwaysLooks() {
        TraceTable t = trace(new int[] {0, 0, 1, 1, 1, 1, 0, 0, 0, 0}, new int[] {0, 0, 0, 0, 0, 0, 1, 1, 1, 1});

        assertThat(judge("always A from 20ms until B", t).passed()).isTrue();
        assertThat(judge("always A from 10ms until B", t).passed()).isFalse();
        assertThat(judge("always A while not B and time >= 20", t).passed()).isTrue();
    }
}
