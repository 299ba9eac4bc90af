package sfa.lab.plant;

import sfa.lab.scenario.Catalog;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import sfa.lab.equipment.Cylinder;
import sfa.lab.equipment.PickAndPlace;
import sfa.lab.plc.ManualSource;

class PneumaticsTests {

    @Test
    void theSortingPusherReachesItsOutReedSwitchThreeTenthsOfASecondAfterItsValveOpens() {
        Plant plant = Labs.create(Catalog.lab("sorting-metal"), 1, new ManualSource());
        plant.scheduleAll(CommandScript.forces("PUSHER=1@1.0,PUSHER=0@2.0"));
        String trace = Traces.run(plant, 3_000);

        long out = Traces.firstTime(trace, r -> r.get("CYL_OUT").equals("1"));
        long leftHome = Traces.firstTime(trace, r -> r.get("CYL_HOME").equals("0"));
        long home = Traces.firstTime(trace, r -> Long.parseLong(r.get("t_ms")) > 2_000 && r.get("CYL_HOME").equals("1"));
        // the coil is powered at the 1.0 s output refresh and the rod moves from that step on;
        // the reed switches are read at the scan after they change
        assertThat(out).isEqualTo(1_300);
        assertThat(leftHome).isEqualTo(1_010);
        assertThat(home).isEqualTo(2_300);
    }

    @Test
    void aDoubleSolenoidValveKeepsItsPositionWithBothCoilsOff() {
        Plant plant = Labs.create(Catalog.lab("cylinder-sequence"), 1, new ManualSource());
        plant.scheduleAll(CommandScript.forces("A_EXTEND=1@1.0,A_EXTEND=0@1.1"));
        plant.runUntil(3_000, null);

        assertThat(plant.equipment("CYL_A", Cylinder.class).stroke()).isEqualTo(1.0);
        assertThat(plant.bit("A_OUT")).isTrue();
        assertThat(plant.bit("A_HOME")).isFalse();
    }

    @Test
    void aDoubleSolenoidValveWithBothCoilsOnDoesNotMove() {
        Plant plant = Labs.create(Catalog.lab("cylinder-sequence"), 1, new ManualSource());
        plant.scheduleAll(CommandScript.forces("B_EXTEND=1@1.0,B_RETRACT=1@1.0"));
        plant.runUntil(3_000, null);

        assertThat(plant.equipment("CYL_B", Cylinder.class).stroke()).isZero();
        assertThat(plant.bit("B_HOME")).isTrue();
    }

    @Test
    void aDoubleActingCylinderTakesHalfASecondEachWay() {
        Plant plant = Labs.create(Catalog.lab("cylinder-sequence"), 1, new ManualSource());
        plant.scheduleAll(CommandScript.forces("A_EXTEND=1@1.0,A_EXTEND=0@1.2,A_RETRACT=1@2.0"));
        String trace = Traces.run(plant, 3_000);

        assertThat(Traces.firstTime(trace, r -> r.get("A_OUT").equals("1"))).isEqualTo(1_500);
        assertThat(Traces.firstTime(trace, r -> Long.parseLong(r.get("t_ms")) > 2_000 && r.get("A_HOME").equals("1")))
                .isEqualTo(2_500);
    }

    @Test
    void aPartPickedAndReleasedOverThePlacePositionWithZDownIsPlaced() {
        Plant plant = Labs.create(Catalog.lab("pick-and-place"), 1, new ManualSource());
        plant.scheduleAll(CommandScript.presses("START@0.5"));
        plant.scheduleAll(CommandScript.forces(
                "Z_LOWER=1@1.0,VACUUM=1@1.4,Z_LOWER=0@1.6,X_TO_PLACE=1@2.0,X_TO_PLACE=0@2.7,"
                        + "Z_LOWER=1@3.0,VACUUM=0@3.4,Z_LOWER=0@3.5"));
        String trace = Traces.run(plant, 4_000);
        PickAndPlace cell = plant.equipment("CELL", PickAndPlace.class);

        assertThat(Traces.firstTime(trace, r -> r.get("PART_AT_PICK").equals("1"))).isBetween(500L, 520L);
        assertThat(Traces.firstTime(trace, r -> r.get("VAC_OK").equals("1"))).isBetween(1_500L, 1_520L);
        assertThat(cell.placed()).isEqualTo(1);
        assertThat(cell.lost()).isZero();
    }

    @Test
    void aPartReleasedWithZUpFallsAndIsLost() {
        Plant plant = Labs.create(Catalog.lab("pick-and-place"), 1, new ManualSource());
        plant.scheduleAll(CommandScript.presses("START@0.5"));
        plant.scheduleAll(CommandScript.forces("Z_LOWER=1@1.0,VACUUM=1@1.4,Z_LOWER=0@1.6,VACUUM=0@2.5"));
        plant.runUntil(3_000, null);
        PickAndPlace cell = plant.equipment("CELL", PickAndPlace.class);

        assertThat(cell.lost()).isEqualTo(1);
        assertThat(cell.placed()).isZero();
    }

    @Test
    void theNextPartArrivesFiveSecondsAfterThePreviousOneLeftThePickPosition() {
        Plant plant = Labs.create(Catalog.lab("pick-and-place"), 1, new ManualSource());
        plant.scheduleAll(CommandScript.presses("START@0.5"));
        plant.scheduleAll(CommandScript.forces("Z_LOWER=1@1.0,VACUUM=1@1.4,Z_LOWER=0@1.6"));
        String trace = Traces.run(plant, 8_000);

        long left = Traces.firstTime(trace, r -> Long.parseLong(r.get("t_ms")) > 1_000 && r.get("PART_AT_PICK").equals("0"));
        long next = Traces.firstTime(trace, r -> Long.parseLong(r.get("t_ms")) > left && r.get("PART_AT_PICK").equals("1"));
        assertThat(next - left).isBetween(5_000L, 5_010L);
    }
}
