package sfa.lab.plant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import sfa.lab.plant.Scene.BinView;
import sfa.lab.plant.Scene.CylinderView;
import sfa.lab.plant.Scene.PartView;
import sfa.lab.plant.Scene.SensorView;
import sfa.lab.plc.ManualSource;
import sfa.lab.scenario.Catalog;
import sfa.lab.scenario.SpecLab;

class SceneTests {

    private static Plant manual(String lab, String forces) {
        Plant plant = Labs.create(Catalog.lab(lab), 3, new ManualSource());
        if (!forces.isEmpty()) {
            plant.scheduleAll(CommandScript.forces(forces));
        }
        return plant;
    }

    private static <T> T named(List<T> views, Function<T, String> name, String wanted) {
        return views.stream().filter(v -> name.apply(v).equals(wanted)).findFirst().orElseThrow(
                () -> new AssertionError("no " + wanted + " in " + views));
    }

    private static SensorView sensor(Scene s, String name) {
        return named(s.sensors(), SensorView::name, name);
    }

    private static CylinderView cylinder(Scene s, String name) {
        return named(s.cylinders(), CylinderView::name, name);
    }

    private static Optional<PartView> part(Scene s, int id) {
        return s.parts().stream().filter(p -> p.id() == id).findFirst();
    }

    private static List<PartView> onBelt(Scene s) {
        return s.parts().stream().filter(p -> p.where().equals(Scene.ON_BELT)).toList();
    }

    @Test
    void theSortingStationsSceneHasTheCataloguesGeometry() {
        Scene s = manual("sorting-metal", "").scene();

        assertThat(s.lab()).isEqualTo("sorting-metal");
        assertThat(s.belts()).singleElement().satisfies(b -> {
            assertThat(b.name()).isEqualTo("CONVEYOR");
            assertThat(b.length()).isEqualTo(2.0);
            assertThat(b.speed()).isEqualTo(0.2);
            assertThat(b.running()).isFalse();
        });
        assertThat(sensor(s, "METAL")).extracting(SensorView::kind, SensorView::mount, SensorView::x)
                .containsExactly("inductive", "CONVEYOR", 1.2);
        assertThat(sensor(s, "AT_PUSHER")).extracting(SensorView::kind, SensorView::mount, SensorView::x)
                .containsExactly("photoelectric", "CONVEYOR", 1.4);
        assertThat(sensor(s, "CYL_HOME")).extracting(SensorView::kind, SensorView::mount, SensorView::x)
                .containsExactly("reed", "PUSHER_CYL", 0.0);
        assertThat(cylinder(s, "PUSHER_CYL")).extracting(CylinderView::acting, CylinderView::mount,
                CylinderView::direction, CylinderView::x, CylinderView::stroke, CylinderView::extendSeconds)
                .containsExactly("single", "CONVEYOR", "across", 1.4, 0.0, 0.3);
        assertThat(s.bins()).extracting(BinView::name, BinView::mount, BinView::side, BinView::x).containsExactly(
                org.assertj.core.groups.Tuple.tuple("BIN_A", "CONVEYOR", "side", 1.4),
                org.assertj.core.groups.Tuple.tuple("BIN_B", "CONVEYOR", "end", 2.0));
        assertThat(s.lamps()).singleElement().satisfies(l -> {
            assertThat(l.name()).isEqualTo("LAMP_RUN");
            assertThat(l.colour()).isEqualTo("green");
        });
        assertThat(s.buttons()).extracting(Scene.ButtonView::name, Scene.ButtonView::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("START", "NO"),
                        org.assertj.core.groups.Tuple.tuple("STOP", "NC"));
        assertThat(s.parts()).isEmpty();
    }

    @Test
    void aPartMovesAlongTheBeltWhileItRunsAndStandsStillWhenItStops() {
        Plant plant = manual("sorting-metal", "CONVEYOR=1@0.5,CONVEYOR=0@3.0");
        plant.scheduleAll(CommandScript.presses("START@0.5"));

        plant.runUntil(1_000, null);
        Scene early = plant.scene();
        PartView first = onBelt(early).getFirst();
        // placed at 0.5 s with its front at 0.1 m, then carried at 0.2 m/s
        assertThat(first.front()).isCloseTo(0.1 + 0.2 * 0.5, within(0.005));
        assertThat(first.size()).isEqualTo(0.1);
        assertThat(first.holder()).isEqualTo("CONVEYOR");
        assertThat(first.material()).isIn("metal", "plastic");

        plant.runUntil(2_000, null);
        PartView later = part(plant.scene(), first.id()).orElseThrow();
        assertThat(later.front()).isCloseTo(first.front() + 0.2, within(1e-9));
        assertThat(later.material()).isEqualTo(first.material());

        plant.runUntil(3_500, null);
        Scene stopped = plant.scene();
        plant.runUntil(5_000, null);
        Scene stillStopped = plant.scene();
        assertThat(stillStopped.belts().getFirst().running()).isFalse();
        assertThat(part(stillStopped, first.id()).orElseThrow().front())
                .isEqualTo(part(stopped, first.id()).orElseThrow().front());
        assertThat(stillStopped.timeMs()).isEqualTo(5_000);
    }

    @Test
    void theSensorsLedsAgreeWithThePartsDrawnUnderThem() {
        Plant plant = manual("sorting-metal", "CONVEYOR=1@0.5");
        plant.scheduleAll(CommandScript.presses("START@0.5"));
        int metalSeen = 0;
        int photoSeen = 0;
        for (long t = 10; t <= 40_000; t += 10) {
            plant.runUntil(t, null);
            Scene s = plant.scene();
            // the LED shows the output as the circuit was last solved, one step (0.002 m of belt) behind
            // the parts: frames with an edge that close to a sensor are left out
            if (!edgeNear(s, 1.2) && !edgeNear(s, 1.4)) {
                boolean metalAt = onBelt(s).stream().anyMatch(p -> p.material().equals("metal") && covers(p, 1.2));
                boolean anyAt = onBelt(s).stream().anyMatch(p -> covers(p, 1.4));
                assertThat(sensor(s, "METAL").on()).as("METAL at t=%d ms", t).isEqualTo(metalAt);
                assertThat(sensor(s, "METAL").target()).as("METAL's target at t=%d ms", t).isEqualTo(metalAt);
                assertThat(sensor(s, "AT_PUSHER").on()).as("AT_PUSHER at t=%d ms", t).isEqualTo(anyAt);
                metalSeen += metalAt ? 1 : 0;
                photoSeen += anyAt ? 1 : 0;
            }
        }
        assertThat(metalSeen).isPositive();
        assertThat(photoSeen).isGreaterThan(metalSeen);
    }

    private static boolean covers(PartView p, double x) {
        return p.front() >= x && p.front() - p.size() <= x;
    }

    private static boolean edgeNear(Scene s, double x) {
        return onBelt(s).stream().anyMatch(p -> Math.abs(p.front() - x) < 0.005 || Math.abs(p.front() - p.size() - x) < 0.005);
    }

    @Test
    void thePushersStrokeGoesFromZeroToOneInThreeTenthsOfASecondAndBackOnItsSpring() {
        Plant plant = manual("sorting-metal", "PUSHER=1@1.0,PUSHER=0@2.0");

        plant.runUntil(1_000, null);
        assertThat(cylinder(plant.scene(), "PUSHER_CYL").stroke()).isZero();
        plant.runUntil(1_150, null);
        CylinderView half = cylinder(plant.scene(), "PUSHER_CYL");
        assertThat(half.stroke()).isCloseTo(0.5, within(0.001));
        assertThat(half.extending()).isTrue();
        assertThat(sensor(plant.scene(), "CYL_HOME").on()).isFalse();
        plant.runUntil(1_300, null);
        assertThat(cylinder(plant.scene(), "PUSHER_CYL").stroke()).isEqualTo(1.0);
        assertThat(sensor(plant.scene(), "CYL_OUT").on()).isTrue();

        plant.runUntil(2_150, null);
        CylinderView back = cylinder(plant.scene(), "PUSHER_CYL");
        assertThat(back.stroke()).isCloseTo(0.5, within(0.001));
        assertThat(back.extending()).isFalse();
        plant.runUntil(2_300, null);
        assertThat(cylinder(plant.scene(), "PUSHER_CYL").stroke()).isZero();
    }

    @Test
    void aPartThatFallsOffTheBeltIsDrawnInTheEndBinWithItsIdAndMaterial() {
        Plant plant = manual("sorting-metal", "CONVEYOR=1@0.5");
        plant.scheduleAll(CommandScript.presses("START@0.5"));
        plant.runUntil(1_000, null);
        PartView first = onBelt(plant.scene()).getFirst();

        // its back edge passes 2.0 m after 2.0 m of travel: 10 s after it was placed
        plant.runUntil(10_600, null);
        Scene s = plant.scene();
        assertThat(named(s.bins(), BinView::name, "BIN_B").lastPartId()).isEqualTo(first.id());
        PartView inBin = part(s, first.id()).orElseThrow();
        assertThat(inBin.where()).isEqualTo(Scene.IN_BIN);
        assertThat(inBin.holder()).isEqualTo("BIN_B");
        assertThat(inBin.material()).isEqualTo(first.material());
        assertThat(inBin.front()).isEqualTo(2.0);
        BinView b = named(s.bins(), BinView::name, "BIN_B");
        assertThat(b.metal() + b.plastic()).isEqualTo(1);
    }

    @Test
    void theTankLevelRisesWhileThePumpRunsAndFallsWhenItStops() {
        Plant plant = manual("tank-level", "PUMP=1@1.0,PUMP=0@9.0");

        plant.runUntil(3_000, null);
        Scene.TankView early = plant.scene().tanks().getFirst();
        plant.runUntil(8_000, null);
        Scene.TankView full = plant.scene().tanks().getFirst();
        plant.runUntil(12_000, null);
        Scene.TankView drained = plant.scene().tanks().getFirst();

        assertThat(early.name()).isEqualTo("TANK");
        assertThat(early.height()).isEqualTo(1.0);
        assertThat(early.pump()).isTrue();
        // the pump gives 0.05 m/s, the consumer draws 0.005…0.02 m/s
        assertThat(full.level() - early.level()).isBetween(5 * 0.03, 5 * 0.045);
        assertThat(drained.pump()).isFalse();
        assertThat(drained.level()).isLessThan(full.level());
        assertThat(named(plant.scene().lamps(), Scene.LampView::name, "LAMP_HIGH").colour()).isEmpty();
    }

    @Test
    void aPickAndPlacePartIsDrawnAtPickThenInTheGripperAsTheCellTakesIt() {
        Plant plant = manual("pick-and-place", "Z_LOWER=1@1.0,VACUUM=1@1.5,Z_LOWER=0@2.0");
        plant.scheduleAll(CommandScript.presses("START@0.5"));

        plant.runUntil(1_000, null);
        Scene waiting = plant.scene();
        assertThat(waiting.parts()).singleElement().satisfies(p -> {
            assertThat(p.id()).isEqualTo(1);
            assertThat(p.where()).isEqualTo(Scene.AT_PICK);
            assertThat(p.holder()).isEqualTo("CELL");
        });
        assertThat(sensor(waiting, "PART_AT_PICK").mount()).isEqualTo("CELL");
        assertThat(cylinder(waiting, "X_AXIS")).extracting(CylinderView::direction, CylinderView::acting)
                .containsExactly("horizontal", "double");
        assertThat(cylinder(waiting, "Z_AXIS")).extracting(CylinderView::direction, CylinderView::acting)
                .containsExactly("down", "single");

        plant.runUntil(1_800, null);
        Scene gripped = plant.scene();
        assertThat(gripped.parts()).singleElement().satisfies(p -> {
            assertThat(p.id()).isEqualTo(1);
            assertThat(p.where()).isEqualTo(Scene.IN_GRIPPER);
        });
        assertThat(sensor(gripped, "VAC_OK").on()).isTrue();
        assertThat(gripped.cells().getFirst().holding()).isTrue();

        plant.runUntil(2_500, null);
        Scene lifted = plant.scene();
        assertThat(cylinder(lifted, "Z_AXIS").stroke()).isZero();
        assertThat(lifted.parts()).singleElement().extracting(PartView::where).isEqualTo(Scene.IN_GRIPPER);
        assertThat(sensor(lifted, "PART_AT_PICK").target()).isFalse();
    }

    @Test
    void theServoAxisIsDrawnInMetresWithItsDial() {
        Plant plant = manual("servo-positioning", "DRIVE_ON=1@0.0,SPEED=16000@0.0");
        plant.runUntil(1_000, null);
        Scene s = plant.scene();

        assertThat(s.axes()).singleElement().satisfies(a -> {
            assertThat(a.name()).isEqualTo("AXIS");
            assertThat(a.min()).isZero();
            assertThat(a.max()).isEqualTo(0.5);
            assertThat(a.enabled()).isTrue();
            assertThat(a.speed()).isCloseTo(0.25, within(0.001));
            // 0.25 m/s after a 50 ms lag, for about a second
            assertThat(a.position()).isCloseTo(0.25 * 0.95, within(0.01));
        });
        assertThat(s.dials()).singleElement().satisfies(d -> {
            assertThat(d.name()).isEqualTo("TARGET_DIAL");
            assertThat(d.operatedAs()).isEqualTo("TARGET");
            assertThat(d.max()).isEqualTo(500);
        });
    }

    @Test
    void theTrafficLightsLampsHaveTheirColoursAndTheEStopShowsItsLatch() {
        Plant lights = manual("traffic-light", "GREEN=1@0.0");
        lights.runUntil(100, null);
        assertThat(lights.scene().lamps()).extracting(Scene.LampView::name, Scene.LampView::colour, Scene.LampView::on)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("RED", "red", false),
                        org.assertj.core.groups.Tuple.tuple("YELLOW", "yellow", false),
                        org.assertj.core.groups.Tuple.tuple("GREEN", "green", true));

        Plant selfHold = manual("conveyor-self-hold", "");
        selfHold.scheduleAll(List.of(new Command(0, "ESTOP", Command.Action.PRESS, 0)));
        selfHold.runUntil(100, null);
        assertThat(named(selfHold.scene().buttons(), Scene.ButtonView::name, "ESTOP"))
                .extracting(Scene.ButtonView::kind, Scene.ButtonView::pressed).containsExactly("estop", true);
        assertThat(selfHold.scene().lamps()).extracting(Scene.LampView::colour).containsExactly("green", "red");
    }

    @Test
    void aSceneIsDrawnForEveryLabOfTheCatalogueAndNamesOnlyItsEquipment() {
        for (SpecLab lab : Catalog.standard().labs()) {
            Plant plant = Labs.create(lab, 1, new ManualSource());
            if (plant.operableNames().contains("START")) {
                plant.scheduleAll(CommandScript.presses("START@0.5"));
            }
            plant.runUntil(2_000, null);
            Scene s = plant.scene();

            assertThat(s.lab()).isEqualTo(lab.id());
            assertThat(s.timeMs()).isEqualTo(2_000);
            List<String> names = new java.util.ArrayList<>();
            s.belts().forEach(v -> names.add(v.name()));
            s.cylinders().forEach(v -> names.add(v.name()));
            s.tanks().forEach(v -> names.add(v.name()));
            s.lamps().forEach(v -> names.add(v.name()));
            s.bins().forEach(v -> names.add(v.name()));
            s.axes().forEach(v -> names.add(v.name()));
            s.cells().forEach(v -> names.add(v.name()));
            s.buttons().forEach(v -> names.add(v.name()));
            s.sensors().forEach(v -> names.add(v.name()));
            assertThat(names).as(lab.id()).isNotEmpty().doesNotHaveDuplicates();
            for (Scene.CylinderView c : s.cylinders()) {
                assertThat(c.stroke()).as("%s %s", lab.id(), c.name()).isBetween(0.0, 1.0);
            }
        }
    }

    @Test
    void theWiringBoardsSensorsStandOnTheirOwnAndLightOnlyWhenWired() {
        Plant plant = Labs.create(Catalog.lab("wiring-sensors"), 1, new ManualSource());
        plant.scheduleAll(List.of(new Command(0, "S1", Command.Action.PRESS, 0)));
        plant.runUntil(100, null);
        Scene s = plant.scene();

        assertThat(sensor(s, "S1")).extracting(SensorView::kind, SensorView::mount, SensorView::target, SensorView::on)
                .containsExactly("photoelectric", "", true, false);
        assertThat(sensor(s, "S2")).extracting(SensorView::kind, SensorView::target).containsExactly("inductive", false);
    }

    @Test
    void readingTheSceneEveryStepLeavesTheRunBitForBitTheSame() {
        Plant watched = Labs.create(Catalog.lab("sorting-metal"), 7, new SortingController());
        Plant alone = Labs.create(Catalog.lab("sorting-metal"), 7, new SortingController());
        for (Plant p : List.of(watched, alone)) {
            p.scheduleAll(CommandScript.presses("START@0.5"));
        }
        StringBuilder a = new StringBuilder();
        StringBuilder b = new StringBuilder();
        CsvTrace traceA = new CsvTrace(a);
        for (long t = 10; t <= 20_000; t += 10) {
            watched.runUntil(t, traceA);
            watched.scene();
        }
        alone.runUntil(20_000, new CsvTrace(b));
        assertThat(a.toString()).isEqualTo(b.toString());
        assertThat(watched.snapshot()).isEqualTo(alone.snapshot());
    }

    @Test
    void everyRecordOfTheSceneHoldsOnlyNumbersStringsBooleansAndListsOfRecordsSoItIsPlainJson() {
        assertPlain(Scene.class);
    }

    private static void assertPlain(Class<?> record) {
        for (RecordComponent c : record.getRecordComponents()) {
            Class<?> type = c.getType();
            if (type == List.class) {
                Class<?> element = (Class<?>) ((ParameterizedType) c.getGenericType()).getActualTypeArguments()[0];
                assertThat(element.isRecord()).as("%s.%s", record.getSimpleName(), c.getName()).isTrue();
                assertThat(element.getEnclosingClass()).isEqualTo(Scene.class);
                assertPlain(element);
            } else {
                assertThat(type.isPrimitive() || type == String.class).as("%s.%s is %s", record.getSimpleName(), c.getName(), type)
                        .isTrue();
            }
        }
    }
}
