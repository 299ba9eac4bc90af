package sfa.lab.plant;

import sfa.lab.scenario.Catalog;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import sfa.lab.equipment.Conveyor;
import sfa.lab.equipment.Lamp;
import sfa.lab.plc.JavaProgram;
import sfa.lab.wiring.Supply;
import sfa.lab.wiring.Wire;

class ConveyorSelfHoldTests {

    /** MOTOR := (START OR MOTOR) AND STOP AND ESTOP_OK, lamps follow. */
    private static final JavaProgram SELF_HOLD = (io, ctx) -> {
        boolean motor = (io.input(0) || io.output(0)) && io.input(1) && io.input(2);
        io.setOutput(0, motor);
        io.setOutput(1, motor);
        io.setOutput(2, !motor);
    };

    private static Plant plant() {
        return Labs.create(Catalog.lab("conveyor-self-hold"), 1, SELF_HOLD);
    }

    private static boolean at(String trace, long millis, String column) {
        return Traces.at(trace, millis, column).equals("1");
    }

    @Test
    void aStartPressKeepsTheConveyorRunningAfterTheButtonIsReleased() {
        Plant plant = plant();
        plant.scheduleAll(CommandScript.presses("START@1.0"));
        String trace = Traces.run(plant, 3_000);

        assertThat(at(trace, 1_100, "MOTOR")).isTrue();
        assertThat(at(trace, 2_900, "START")).isFalse();
        assertThat(at(trace, 2_900, "MOTOR")).isTrue();
        assertThat(at(trace, 2_900, "MOTOR.running")).isTrue();
        assertThat(plant.equipment("LAMP_RUN", Lamp.class).lit()).isTrue();
        assertThat(plant.equipment("LAMP_STOP", Lamp.class).lit()).isFalse();
    }

    @Test
    void theStopButtonIsNormallyClosedSoItsInputIsOnUntilPressed() {
        Plant plant = plant();
        plant.scheduleAll(CommandScript.presses("STOP@1.0"));
        String trace = Traces.run(plant, 2_000);

        assertThat(at(trace, 500, "STOP")).isTrue();
        assertThat(at(trace, 1_100, "STOP")).isFalse();
        assertThat(at(trace, 1_500, "STOP")).isTrue();
    }

    @Test
    void aLatchedEmergencyStopStopsTheConveyorAndItStaysOffAfterReleaseUntilStart() {
        Plant plant = plant();
        plant.scheduleAll(CommandScript.presses("START@1.0,ESTOP@3.0-5.0,START@7.0"));
        String trace = Traces.run(plant, 8_000);

        assertThat(at(trace, 2_900, "MOTOR")).isTrue();
        assertThat(at(trace, 3_050, "MOTOR")).isFalse();
        assertThat(at(trace, 4_000, "ESTOP_OK")).isFalse();
        assertThat(at(trace, 6_000, "ESTOP_OK")).isTrue();
        assertThat(at(trace, 6_000, "MOTOR")).isFalse();
        assertThat(at(trace, 7_100, "MOTOR")).isTrue();
    }

    @Test
    void aShortedSupplyBlowsTheFuseAndNothingElseMoves() {
        Plant plant = plant();
        plant.addWire(Wire.parse("PSU.+24V - PSU.0V"));
        plant.scheduleAll(CommandScript.presses("START@1.0"));
        String trace = Traces.run(plant, 3_000);

        assertThat(((Supply) plant.board().component("PSU")).fuseBlown()).isTrue();
        assertThat(at(trace, 2_000, "STOP")).as("the NC STOP input is dark without supply").isFalse();
        assertThat(at(trace, 2_000, "MOTOR")).isFalse();
        assertThat(plant.equipment("MOTOR", Conveyor.class).travel()).isZero();
        assertThat(plant.equipment("LAMP_STOP", Lamp.class).lit()).isFalse();
        assertThat(plant.circuit().diagnose().findings()).extracting(f -> f.code()).containsExactly("FUSE_BLOWN");
    }

    @Test
    void aReplacedFuseBringsThePanelBackWhenTheShortIsGone() {
        Plant plant = plant();
        plant.addWire(Wire.parse("OUT.Y0 - PSU.0V")); // the motor output shorted to 0 V
        plant.scheduleAll(CommandScript.presses("START@1.0"));
        plant.runUntil(2_000, null);
        Supply psu = (Supply) plant.board().component("PSU");
        assertThat(psu.fuseBlown()).as("blown when the output switched +24 V onto 0 V").isTrue();

        assertThat(plant.removeWire(Wire.parse("PSU.0V - OUT.Y0"))).isTrue();
        psu.replaceFuse();
        plant.runUntil(2_100, null);
        assertThat(psu.fuseBlown()).isFalse();
        assertThat(plant.bit("STOP")).isTrue();
    }
}
