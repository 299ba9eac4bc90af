package sfa.lab.plant;

import sfa.lab.scenario.Catalog;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import sfa.lab.equipment.Bin;
import sfa.lab.equipment.Conveyor;
import sfa.lab.equipment.Material;
import sfa.lab.plc.ManualSource;

class SortingStationTests {

    private static Plant sorting(long seed) {
        return Labs.create(Catalog.lab("sorting-metal"), seed, new SortingController());
    }

    @Test
    void aPartOnTheBeltReachesThePhotoSensorWhenTheGeometryPredicts() {
        Plant plant = Labs.create(Catalog.lab("sorting-metal"), 3, new ManualSource());
        plant.scheduleAll(CommandScript.presses("START@0.5"));
        plant.scheduleAll(CommandScript.forces("CONVEYOR=1@0.5"));
        String trace = Traces.run(plant, 10_000);

        // placed at 0.5 s with its front at 0.1 m; the sensor is at 1.4 m; the belt runs 0.2 m/s:
        // the front arrives after 1.3 m / 0.2 m/s = 6.5 s, at 7.0 s, and the PLC sees it at the next scan
        long seen = Traces.firstTime(trace, row -> row.get("AT_PUSHER").equals("1"));
        assertThat(seen).isBetween(7_000L, 7_000L + 10);
    }

    @Test
    void aPartLeavesThePhotoSensorWhenItsBackEdgePasses() {
        Plant plant = Labs.create(Catalog.lab("sorting-metal"), 3, new ManualSource());
        plant.scheduleAll(CommandScript.presses("START@0.5"));
        plant.scheduleAll(CommandScript.forces("CONVEYOR=1@0.5"));
        String trace = Traces.run(plant, 10_000);

        // the 0.1 m cube covers the beam for 0.1 m / 0.2 m/s = 0.5 s
        List<Map<String, String>> rows = Traces.rows(trace);
        long on = Traces.firstTime(trace, row -> row.get("AT_PUSHER").equals("1"));
        long off = rows.stream().filter(r -> Long.parseLong(r.get("t_ms")) > on && r.get("AT_PUSHER").equals("0"))
                .mapToLong(r -> Long.parseLong(r.get("t_ms"))).findFirst().orElseThrow();
        assertThat(off - on).isBetween(500L, 510L);
    }

    @Test
    void theBeltStandsStillWhileItsMotorIsOff() {
        Plant plant = Labs.create(Catalog.lab("sorting-metal"), 3, new ManualSource());
        plant.scheduleAll(CommandScript.presses("START@0.5"));
        plant.runUntil(5_000, null);

        Conveyor belt = plant.equipment("CONVEYOR", Conveyor.class);
        assertThat(belt.travel()).isZero();
        assertThat(belt.partsOnBelt()).isEqualTo(1);
    }

    @Test
    void aCorrectControllerSortsMetalIntoBinAAndPlasticIntoBinB() {
        Plant plant = sorting(7);
        plant.scheduleAll(CommandScript.presses("START@0.5,STOP@30.0,START@32.0"));
        plant.runUntil(75_000, null);

        Bin a = plant.equipment("BIN_A", Bin.class);
        Bin b = plant.equipment("BIN_B", Bin.class);
        assertThat(a.count(Material.PLASTIC)).isZero();
        assertThat(b.count(Material.METAL)).isZero();
        assertThat(a.total() + b.total()).isGreaterThanOrEqualTo(10);
        assertThat(a.total()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void aPusherThatNeverMovesSendsEveryPartToBinB() {
        Plant plant = Labs.create(Catalog.lab("sorting-metal"), 7, new ManualSource());
        plant.scheduleAll(CommandScript.presses("START@0.5"));
        plant.scheduleAll(CommandScript.forces("CONVEYOR=1@0.5"));
        plant.runUntil(40_000, null);

        assertThat(plant.equipment("BIN_A", Bin.class).total()).isZero();
        assertThat(plant.equipment("BIN_B", Bin.class).count(Material.METAL)).isPositive();
    }

    @Test
    void everySeedsFirstTenPartsHoldAtLeastThreeOfEachMaterial() {
        for (long seed = 0; seed < 200; seed++) {
            Plant plant = Labs.create(Catalog.lab("sorting-metal"), seed, new ManualSource());
            plant.scheduleAll(CommandScript.presses("START@0.5"));
            plant.scheduleAll(CommandScript.forces("CONVEYOR=1@0.5"));
            plant.runUntil(50_000, null); // 10 parts 4 s apart, the last one off the belt by 50 s

            Bin b = plant.equipment("BIN_B", Bin.class);
            assertThat(b.count(Material.METAL)).as("metal parts, seed %d", seed).isGreaterThanOrEqualTo(3);
            assertThat(b.count(Material.PLASTIC)).as("plastic parts, seed %d", seed).isGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void differentSeedsGiveDifferentPartSequences() {
        Plant one = Labs.create(Catalog.lab("sorting-metal"), 1, new ManualSource());
        Plant two = Labs.create(Catalog.lab("sorting-metal"), 2, new ManualSource());
        for (Plant p : List.of(one, two)) {
            p.scheduleAll(CommandScript.presses("START@0.5"));
            p.scheduleAll(CommandScript.forces("CONVEYOR=1@0.5"));
        }
        assertThat(Traces.run(one, 60_000)).isNotEqualTo(Traces.run(two, 60_000));
    }

    @Test
    void stopHaltsTheBeltAtTheNextScanAndStartResumesIt() {
        Plant plant = sorting(7);
        plant.scheduleAll(CommandScript.presses("START@0.5,STOP@30.0,START@32.0"));
        String trace = Traces.run(plant, 40_000);

        long stopped = Traces.firstTime(trace, r -> Long.parseLong(r.get("t_ms")) >= 30_000 && r.get("CONVEYOR").equals("0"));
        long restarted = Traces.firstTime(trace, r -> Long.parseLong(r.get("t_ms")) >= 32_000 && r.get("CONVEYOR").equals("1"));
        assertThat(stopped).isBetween(30_000L, 30_100L);
        assertThat(restarted).isBetween(32_000L, 32_100L);
    }
}
