package sfa.lab.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import sfa.lab.plant.Labs;
import sfa.lab.plant.Plant;
import sfa.lab.plc.ManualSource;
import sfa.lab.scenario.Catalog;

/**
 * Coverage-guided fuzzing of the wiring file reader and the board it wires (docs/fuzzing.md), seeded with
 * the shipped wiring answers ({@code WiringFileFuzzingTestsInputs/}); without {@code JAZZER_FUZZ} only the
 * seeds run.
 */
class WiringFileFuzzingTests {

    /**
     * Proves that any text given as a wiring file is either a list of wires or one {@link WiringException}
     * naming the bad lines, and that every wire read can be tried on the bare board of the wiring lab: a wire
     * the board cannot take is a {@link WiringException}, and the circuit that results (shorts, blown fuses
     * and all) simulates a few steps without throwing.
     */
    @FuzzTest
    void anyTextIsWiresOrAWiringException(byte[] input) {
        List<Wire> wires;
        try {
            wires = WiringFile.parse(new String(input, StandardCharsets.UTF_8));
        } catch (WiringException e) {
            assertThat(e.english()).startsWith("line ");
            assertThat(e.korean()).isNotBlank();
            return;
        }
        Plant plant = Labs.create(Catalog.lab("wiring-sensors"), 1, new ManualSource());
        for (Wire w : wires) {
            try {
                plant.addWire(w);
            } catch (WiringException e) {
                assertThat(e.english()).isNotBlank();
                assertThat(e.korean()).isNotBlank();
            }
        }
        for (int step = 0; step < 5; step++) {
            plant.step();
        }
    }
}
