package sfa.lab.plant;

import sfa.lab.scenario.Catalog;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import sfa.lab.equipment.AnalogInput;
import sfa.lab.equipment.ServoAxis;
import sfa.lab.equipment.Tank;
import sfa.lab.plc.ManualSource;

class ProcessTests {

    @Test
    void theTankFillsAtThePumpRateLessTheConsumerDraw() {
        Plant plant = Labs.create(Catalog.lab("tank-level"), 4, new ManualSource());
        plant.scheduleAll(CommandScript.forces("PUMP=1@0"));
        plant.runUntil(5_000, null);
        Tank tank = plant.equipment("TANK", Tank.class);

        assertThat(tank.consumer()).isBetween(0.005, 0.02);
        // the pump's output is refreshed at the first scan, so it runs from the first step
        assertThat(tank.level()).isCloseTo((0.05 - tank.consumer()) * 5.0, within(1e-9));
    }

    @Test
    void theLevelTransmitterReadsHalfScaleAtHalfTheTankHeight() {
        assertThat(AnalogInput.raw(AnalogInput.milliamps(0.5, 0.0, 1.0))).isEqualTo(8_000);
        assertThat(AnalogInput.raw(4.0)).isZero();
        assertThat(AnalogInput.raw(20.0)).isEqualTo(16_000);
        assertThat(AnalogInput.raw(12.0)).isEqualTo(8_000);
    }

    @Test
    void aBrokenTransmitterLoopReadsAsWireBreak() {
        Plant plant = Labs.create(Catalog.lab("tank-level"), 4, new ManualSource());
        plant.equipment("LEVEL", AnalogInput.class).setWireBroken(true);
        plant.runUntil(100, null);

        assertThat(plant.value("LEVEL")).isEqualTo(AnalogInput.WIRE_BREAK);
        assertThat(AnalogInput.raw(3.7)).isEqualTo(AnalogInput.WIRE_BREAK);
    }

    @Test
    void theConsumerDrawChangesEveryTenSecondsWithinItsRange() {
        Plant plant = Labs.create(Catalog.lab("tank-level"), 9, new ManualSource());
        Tank tank = plant.equipment("TANK", Tank.class);
        double previous = -1;
        for (int period = 0; period < 6; period++) {
            plant.runUntil(period * 10_000L + 5_000, null);
            assertThat(tank.consumer()).isBetween(0.005, 0.02).isNotEqualTo(previous);
            previous = tank.consumer();
        }
    }

    @Test
    void theServoDriveFollowsItsCommandWithAFiftyMillisecondLag() {
        Plant plant = Labs.create(Catalog.lab("servo-positioning"), 1, new ManualSource());
        plant.scheduleAll(CommandScript.forces("DRIVE_ON=1@0,SPEED=16000@0"));
        plant.runUntil(50, null); // refreshed at 0 ms, the drive has followed for five 10 ms steps
        ServoAxis axis = plant.equipment("AXIS", ServoAxis.class);

        assertThat(axis.speed()).isCloseTo(250.0 * (1 - Math.exp(-1)), within(1.0));
        plant.runUntil(1_000, null);
        assertThat(axis.speed()).isCloseTo(250.0, within(0.01));
    }

    @Test
    void aDisabledDriveCoastsToAStopInOneTenthOfASecond() {
        Plant plant = Labs.create(Catalog.lab("servo-positioning"), 1, new ManualSource());
        plant.scheduleAll(CommandScript.forces("DRIVE_ON=1@0,SPEED=8000@0,DRIVE_ON=0@1.0"));
        plant.runUntil(1_010, null);
        ServoAxis axis = plant.equipment("AXIS", ServoAxis.class);
        assertThat(axis.speed()).isGreaterThan(100.0);

        plant.runUntil(1_110, null);
        assertThat(axis.speed()).isZero();
    }

    @Test
    void thePositionTransmitterAndTheTargetDialShareOneScale() {
        Plant plant = Labs.create(Catalog.lab("servo-positioning"), 1, new ManualSource());
        plant.scheduleAll(CommandScript.settings("TARGET=250@0"));
        plant.runUntil(20, null);

        assertThat(plant.value("TARGET")).isEqualTo(8_000);
        assertThat(plant.value("POSITION")).isZero();
    }
}
