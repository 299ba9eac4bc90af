package sfa.lab.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SpecLoaderTests {

    private static final String MINIMAL = """
            id: lamp-test
            version: 1
            title: {ko: 램프, en: Lamp}
            instructions: {ko: 켜세요, en: Light it}
            equipment:
              - {type: push_button, name: START, contact: NO}
              - {type: lamp, name: LAMP}
            io:
              - {address: "%IX0.0", name: START, ko: 버튼, en: button}
              - {address: "%QX0.0", name: LAMP, ko: 램프, en: lamp}
            sequence:
              seconds: 2
              events: ["START@0.5"]
            objectives:
              - id: lit
                check: after rise(START) within 100ms LAMP
                ko: 켜집니다
                en: it lights
            """;

    @Test
    void aValidSpecLoadsAndRuns() {
        SpecLoader.Result r = SpecLoader.load(MINIMAL, "lamp-test.yaml");

        assertThat(r.problems()).isEmpty();
        assertThat(r.spec().id()).isEqualTo("lamp-test");
        assertThat(r.spec().seeds()).containsExactly(1L);
        assertThat(r.spec().objectives().getFirst().checks()).hasSize(1);
    }

    // #issue 10: found by SpecLoaderFuzzingTests; the press time overflowed a long and threw ArithmeticException
    @Test
    void aPressTimeTooLargeForAnyClockIsAProblemOfItsLineNotACrash() {
        SpecLoader.Result r = SpecLoader.load(MINIMAL.replace("\"START@0.5\"", "\"START@0.5\", \"START@2311111111111111111111.0\""),
                "lamp-test.yaml");

        assertThat(r.ok()).isFalse();
        assertThat(r.problems()).extracting(Problem::format)
                .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .startsWith("lamp-test.yaml:13:").contains("too late");
    }

    // #issue 10: found by SpecLoaderFuzzingTests; the second part without a name was taken for a clash of
    // names, whose problem was then put on the missing name node (NullPointerException)
    @Test
    void partsAndObjectivesWithoutNamesAreEachAProblemNotAClashOfNames() {
        SpecLoader.Result r = SpecLoader.load(MINIMAL
                .replace("{type: lamp, name: LAMP}", "{type: lamp}\n  - {type: lamp}\n  - {type: lamp, name: LAMP}")
                .replace("  - id: lit\n", "  - check: after rise(START) within 100ms LAMP\n    ko: 켜집니다\n    en: it lights\n  - check: LAMP\n"),
                "lamp-test.yaml");

        assertThat(r.ok()).isFalse();
        assertThat(r.problems()).extracting(Problem::format)
                .anySatisfy(p -> assertThat(p).startsWith("lamp-test.yaml:7:").contains("missing 'name'"))
                .anySatisfy(p -> assertThat(p).startsWith("lamp-test.yaml:8:").contains("missing 'name'"))
                .anySatisfy(p -> assertThat(p).contains("missing 'id'"))
                .noneSatisfy(p -> assertThat(p).contains("two "));
    }

    // #issue 10: found by SpecLoaderFuzzingTests; the first scan of the check run threw ArrayIndexOutOfBoundsException
    @Test
    void aBareBoardInputPastTheInputModulesLastPointIsAProblemOfItsLine() throws java.io.IOException {
        String wiring;
        try (var in = SpecLoaderTests.class.getResourceAsStream("/labs/wiring-sensors.yaml")) {
            wiring = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        SpecLoader.Result r = SpecLoader.load(wiring.replace("{type: input_module, name: IN, points: 8}",
                "{type: input_module, name: IN, points: 1}"), "wiring-sensors.yaml");

        assertThat(r.ok()).isFalse();
        assertThat(r.problems()).extracting(Problem::format)
                .anySatisfy(p -> assertThat(p).startsWith("wiring-sensors.yaml:28:").contains("IN has the inputs X0 to X0, not X1"));
    }

    @Test
    void everyProblemOfABrokenSpecIsListedWithItsLineAndNothingIsLoaded() {
        String broken = MINIMAL
                .replace("{type: lamp, name: LAMP}", "{type: lamps, name: LAMP}")
                .replace("\"%QX0.0\"", "\"%QX9.0\"")
                .replace("within 100ms LAMP", "within 100ms LMAP")
                .replace("seconds: 2", "seconds: two");
        SpecLoader.Result r = SpecLoader.load(broken, "lamp-test.yaml");

        assertThat(r.ok()).isFalse();
        assertThat(r.spec()).isNull();
        assertThat(r.problems()).extracting(Problem::format)
                .anySatisfy(p -> assertThat(p).startsWith("lamp-test.yaml:7:").contains("unknown equipment type 'lamps'"))
                .anySatisfy(p -> assertThat(p).startsWith("lamp-test.yaml:10:").contains("%QX9.0"))
                .anySatisfy(p -> assertThat(p).startsWith("lamp-test.yaml:12:").contains("'seconds' must be a number"));
        assertThat(r.problems()).allSatisfy(p -> assertThat(p.ko()).isNotBlank());
    }

    @Test
    void anObjectiveNamingASignalTheLabDoesNotHaveIsRefusedWithASuggestion() {
        SpecLoader.Result r = SpecLoader.load(MINIMAL.replace("within 100ms LAMP", "within 100ms LMAP"), "lamp-test.yaml");

        assertThat(r.problems()).hasSize(1);
        Problem p = r.problems().getFirst();
        assertThat(p.line()).isEqualTo(16);
        assertThat(p.column()).isEqualTo(43);
        assertThat(p.en()).contains("no signal 'LMAP'", "did you mean 'LAMP'");
        assertThat(p.ko()).contains("'LMAP' 신호가 없습니다");
    }

    @Test
    void anAnalogScaleIsReadWithItsUnitAndAScaleOnABitOrWithAnUnknownUnitIsRefused() {
        SpecLoader.Result tank = SpecLoader.load(read("labs/tank-level.yaml"), "tank-level.yaml");
        LabSpec.Scale level = tank.spec().io().stream().filter(io -> io.name().equals("LEVEL")).findFirst().orElseThrow()
                .scale();
        assertThat(level.unit()).isEqualTo(LabSpec.Unit.MTR);
        assertThat(level.apply(8000)).isEqualTo(0.5);

        SpecLoader.Result onBit = SpecLoader.load(MINIMAL.replace("name: LAMP, ko:",
                "name: LAMP, scale: {raw_min: 0, raw_max: 1, min: 0, max: 1, unit: MTR}, ko:"), "lamp-test.yaml");
        assertThat(onBit.problems()).extracting(Problem::en)
                .anySatisfy(e -> assertThat(e).contains("only analog points (%IW, %QW) have a scale"));

        SpecLoader.Result badUnit = SpecLoader.load(read("labs/tank-level.yaml").replace("unit: MTR", "unit: metres"),
                "tank-level.yaml");
        assertThat(badUnit.problems()).extracting(Problem::en)
                .anySatisfy(e -> assertThat(e).contains("unknown unit 'metres'").contains("MTR"));
    }

    private static String read(String resource) {
        try (var in = Catalog.class.getClassLoader().getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aMisspeltKeyIsReportedInsteadOfIgnored() {
        SpecLoader.Result r = SpecLoader.load(MINIMAL.replace("contact: NO", "contakt: NO"), "lamp-test.yaml");

        assertThat(r.problems()).extracting(Problem::en)
                .anySatisfy(e -> assertThat(e).contains("unknown key 'contakt'"));
    }

    @Test
    void aReferenceToAPartNotDeclaredAboveIsNamed() {
        String spec = MINIMAL.replace("  - {type: lamp, name: LAMP}", "  - {type: lamp, name: LAMP}\n"
                + "  - {type: conveyor, name: BELT, length_m: 2, speed_mps: 0.2, end_bin: BIN}");
        SpecLoader.Result r = SpecLoader.load(spec, "lamp-test.yaml");

        assertThat(r.problems()).extracting(Problem::en)
                .anySatisfy(e -> assertThat(e).contains("'BIN' is not a bin declared above"));
    }

    @Test
    void textThatIsNotYamlIsRefusedWithItsPosition() {
        SpecLoader.Result r = SpecLoader.load("id: [unclosed\n", "bad.yaml");

        assertThat(r.problems().getFirst().en()).startsWith("not valid YAML");
        assertThat(r.problems().getFirst().line()).isPositive();
    }

    @Test
    void everyLabOfTheCatalogueLoads() {
        assertThat(Catalog.standard().labs()).extracting(SpecLab::id).containsExactly("conveyor-self-hold", "sorting-metal",
                "tank-level", "cylinder-sequence", "wiring-sensors", "traffic-light", "pick-and-place", "servo-positioning");
    }
}
