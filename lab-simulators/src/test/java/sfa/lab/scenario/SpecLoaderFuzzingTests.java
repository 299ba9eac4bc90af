package sfa.lab.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Coverage-guided fuzzing of the lab spec loader (docs/fuzzing.md), seeded with the shipped lab spec
 * files ({@code SpecLoaderFuzzingTestsInputs/}); without {@code JAZZER_FUZZ} only the seeds run.
 */
class SpecLoaderFuzzingTests {

    /**
     * Proves that any text given as a lab spec file is either a spec (assembled once and its test sequence
     * scheduled, as the loader promises) or refused with problems, each in English and Korean at a line and
     * column of the file (0 when unknown, never negative): the YAML reader, the objective parser and the
     * assembly never throw and never hang.
     */
    @FuzzTest
    void anyTextIsALabSpecOrItsProblems(byte[] input) {
        SpecLoader.Result r = SpecLoader.load(new String(input, StandardCharsets.UTF_8), "fuzz.yaml");
        assertThat(r).isNotNull();
        if (r.ok()) {
            assertThat(r.spec()).as("a spec without problems").isNotNull();
            assertThat(new SpecLab(r.spec()).addresses()).isNotNull();
            return;
        }
        for (Problem p : r.problems()) {
            assertThat(p.file()).isEqualTo("fuzz.yaml");
            assertThat(p.line()).as("line of %s", p.format()).isNotNegative();
            assertThat(p.column()).as("column of %s", p.format()).isNotNegative();
            assertThat(p.en()).as("English of %s", p.format()).isNotBlank();
            assertThat(p.ko()).as("Korean of %s", p.format()).isNotBlank();
        }
    }
}
