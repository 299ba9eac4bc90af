package sfa.lab.plant;

import sfa.lab.scenario.Catalog;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import sfa.lab.plc.ManualSource;
import sfa.lab.wiring.Finding;
import sfa.lab.wiring.Supply;
import sfa.lab.wiring.WiringException;
import sfa.lab.wiring.WiringFile;

/** The wiring-sensors board, wired as students do it, right and wrong. */
class WiringBoardTests {

    private static Plant board(String wiring) {
        Plant plant = Labs.create(Catalog.lab("wiring-sensors"), 1, new ManualSource());
        WiringFile.parse(wiring).forEach(plant::addWire);
        return plant;
    }

    /** Runs with a target in front of S1 from 1 s to 2 s and in front of S2 from 3 s to 4 s. */
    private static String exercise(Plant plant) {
        plant.scheduleAll(CommandScript.presses("S1@1.0-2.0,S2@3.0-4.0"));
        return Traces.run(plant, 5_000);
    }

    private static boolean litAt(String trace, String input, long millis) {
        return Traces.at(trace, millis, input).equals("1");
    }

    private static final String PNP_ON_X0 = """
            PSU.+24V - S1.BN
            PSU.0V - S1.BU
            S1.BK - IN.X0
            IN.COM - PSU.0V
            """;

    @Test
    void aPnpSensorOnACommonToZeroVoltInputLightsItOnlyWhileATargetIsPresent() {
        String trace = exercise(board(PNP_ON_X0));

        assertThat(litAt(trace, "X0", 500)).isFalse();
        assertThat(litAt(trace, "X0", 1_500)).isTrue();
        assertThat(litAt(trace, "X0", 2_500)).isFalse();
    }

    @Test
    void anNpnSensorOnACommonToZeroVoltInputLeavesItDark() {
        Plant plant = board("""
                PSU.+24V - S2.BN
                PSU.0V - S2.BU
                S2.BK - IN.X1
                IN.COM - PSU.0V
                """);
        String trace = exercise(plant);

        assertThat(litAt(trace, "X1", 3_500)).isFalse();
        Finding finding = plant.circuit().diagnose().findings().getFirst();
        assertThat(finding.code()).isEqualTo("OUTPUT_COMMON_MISMATCH");
        assertThat(finding.net().label()).isEqualTo("{IN.X1, S2.BK}");
        assertThat(finding.en()).contains("S2", "NPN", "IN.COM", "interposing relay");
        assertThat(finding.ko()).contains("S2", "NPN", "중계 릴레이");
    }

    @Test
    void anNpnSensorOnACommonToPlusTwentyFourLightsItsInput() {
        String trace = exercise(board("""
                PSU.+24V - S2.BN
                PSU.0V - S2.BU
                S2.BK - IN.X1
                IN.COM - PSU.+24V
                """));

        assertThat(litAt(trace, "X1", 3_500)).isTrue();
        assertThat(litAt(trace, "X1", 4_500)).isFalse();
    }

    @Test
    void bothSensorsWorkOnOneCommonWhenTheNpnSensorDrivesTheInterposingRelay() {
        Plant plant = board(PNP_ON_X0 + """
                PSU.+24V - S2.BN
                PSU.0V - S2.BU
                PSU.+24V - K1.A1
                S2.BK - K1.A2
                PSU.+24V - K1.11
                K1.14 - IN.X1
                """);
        String trace = exercise(plant);

        assertThat(litAt(trace, "X0", 1_500)).isTrue();
        assertThat(litAt(trace, "X1", 1_500)).isFalse();
        assertThat(litAt(trace, "X1", 3_500)).isTrue();
        assertThat(litAt(trace, "X0", 3_500)).isFalse();
        assertThat(plant.circuit().diagnose().ok()).isTrue();
    }

    @Test
    void aSensorWithReversedPolarityLeavesItsInputDarkAndIsNamed() {
        Plant plant = board("""
                PSU.0V - S1.BN
                PSU.+24V - S1.BU
                S1.BK - IN.X0
                IN.COM - PSU.0V
                """);
        String trace = exercise(plant);

        assertThat(litAt(trace, "X0", 1_500)).isFalse();
        assertThat(plant.circuit().diagnose().has("SENSOR_REVERSED")).isTrue();
        assertThat(plant.circuit().diagnose().findings().getFirst().en()).contains("S1", "reversed");
    }

    @Test
    void aSensorWithoutZeroVoltIsDead() {
        Plant plant = board("""
                PSU.+24V - S1.BN
                S1.BK - IN.X0
                IN.COM - PSU.0V
                """);
        String trace = exercise(plant);

        assertThat(litAt(trace, "X0", 1_500)).isFalse();
        Finding finding = plant.circuit().diagnose().findings().getFirst();
        assertThat(finding.code()).isEqualTo("SENSOR_NO_ZERO");
        assertThat(finding.net().label()).isEqualTo("{S1.BU}");
    }

    @Test
    void aLooseCommonIsNamed() {
        Plant plant = board("""
                PSU.+24V - S1.BN
                PSU.0V - S1.BU
                S1.BK - IN.X0
                """);
        exercise(plant);

        assertThat(plant.circuit().diagnose().has("COMMON_NOT_CONNECTED")).isTrue();
    }

    @Test
    void aShortedSupplyBlowsTheFuseAndNothingIsPoweredAfterwards() {
        Plant plant = board(PNP_ON_X0 + "PSU.+24V - PSU.0V\n");
        String trace = exercise(plant);

        Supply psu = (Supply) plant.board().component("PSU");
        assertThat(psu.fuseBlown()).isTrue();
        assertThat(litAt(trace, "X0", 1_500)).isFalse();
        assertThat(plant.circuit().diagnose().findings().getFirst().code()).isEqualTo("FUSE_BLOWN");
    }

    @Test
    void aPnpOutputWiredStraightToZeroVoltBlowsTheFuseWhenItSwitchesOn() {
        Plant plant = board("""
                PSU.+24V - S1.BN
                PSU.0V - S1.BU
                S1.BK - PSU.0V
                """);
        plant.scheduleAll(CommandScript.presses("S1@1.0-2.0"));
        plant.runUntil(900, null);
        Supply psu = (Supply) plant.board().component("PSU");
        assertThat(psu.fuseBlown()).isFalse();

        plant.runUntil(1_100, null);
        assertThat(psu.fuseBlown()).isTrue();
        assertThat(plant.circuit().diagnose().findings().getFirst().en()).contains("S1.BN–S1.BK");
    }

    @Test
    void aWireToATerminalThatDoesNotExistIsRefusedByName() {
        Plant plant = Labs.create(Catalog.lab("wiring-sensors"), 1, new ManualSource());

        assertThatThrownBy(() -> WiringFile.parse("PSU.+24V - S1.XX").forEach(plant::addWire))
                .isInstanceOf(WiringException.class)
                .hasMessageContaining("S1").hasMessageContaining("no terminal XX").hasMessageContaining("BN, BU, BK");
    }

    @Test
    void everyMalformedLineOfAWiringFileIsReportedWithItsNumber() {
        assertThatThrownBy(() -> WiringFile.parse("""
                # my wiring
                PSU.+24V - S1.BN
                PSU.0V S1.BU
                S1.BK -
                """))
                .isInstanceOf(WiringException.class)
                .hasMessageContaining("line 3").hasMessageContaining("line 4");
    }

    @Test
    void aShortIsExplainedWhereverItsWireStandsInTheFile() {
        Plant plant = board("""
                IN.COM - PSU.0V
                PSU.+24V - IN.COM
                PSU.+24V - S1.BN
                PSU.0V - S1.BU
                """);

        Finding finding = plant.circuit().diagnose().findings().getFirst();
        assertThat(finding.code()).isEqualTo("FUSE_BLOWN");
        assertThat(finding.en()).contains("PSU.+24V", "PSU.0V");
    }

    @Test
    void aShortNamesOnlyTheSwitchesOnItsPath() {
        Plant plant = board("""
                PSU.+24V - S1.BN
                PSU.0V - S1.BU
                PSU.+24V - K1.11
                S1.BK - PSU.0V
                """);
        plant.scheduleAll(CommandScript.presses("S1@1.0-2.0"));
        plant.runUntil(1_100, null);

        String en = plant.circuit().diagnose().findings().getFirst().en();
        assertThat(en).contains("(through S1.BN–S1.BK)").doesNotContain("K1.11–K1.12");
    }
}
