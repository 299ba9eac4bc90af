package sfa.courseware;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import sfa.lab.plant.IoPoint;
import sfa.lab.plant.Labs;
import sfa.lab.plc.Address;
import sfa.lab.plc.ManualSource;
import sfa.lab.plc.ProgramSource;
import sfa.lab.scenario.Catalog;
import sfa.lab.scenario.Grade;
import sfa.lab.scenario.Grader;
import sfa.lab.scenario.ObjectiveSpec;
import sfa.lab.scenario.SpecLab;
import sfa.lab.scenario.Verdict;
import sfa.lab.st.StCompiler;
import sfa.lab.st.StProgram;
import sfa.lab.wiring.Wire;
import sfa.lab.wiring.WiringFile;

/**
 * The grader fails typical wrong student solutions with the objectives a teacher expects, and passes
 * every correct one: the model answers in {@code courseware/solutions} under seeds 1 to 10, and other
 * correct wirings in {@code solutions/alternatives} ("any wiring that works passes").
 *
 * <p>Each file in {@code solutions/wrong/<lab-id>/} starts with {@code (* expect-fail: a, b *)} (a
 * program) or {@code # expect-fail: a, b} (a wiring): exactly the ids of the objectives it must fail.
 */
class WrongSolutionsTests {

    private static final Path SOLUTIONS = Path.of("solutions");
    private static final Path WRONG = SOLUTIONS.resolve("wrong");
    private static final Path ALTERNATIVES = SOLUTIONS.resolve("alternatives");
    private static final List<Long> TEN_SEEDS = LongStream.rangeClosed(1, 10).boxed().toList();

    /** The first line of a wrong solution: {@code (* expect-fail: a, b *)} or {@code # expect-fail: a, b}. */
    private static final Pattern EXPECT_FAIL = Pattern
            .compile("^(?:\\(\\*|#)\\s*expect-fail:\\s*([A-Za-z0-9_-]+(?:\\s*,\\s*[A-Za-z0-9_-]+)*)\\s*(?:\\*\\))?\\s*$");

    /** A check of the temporal language that looks at one moment only: {@code C by 60s} or {@code C when W}. */
    private static final Pattern MOMENT_CHECK = Pattern.compile("\\bwhen\\b|\\bby\\s+[0-9.]+\\s*(?:ms|s|min)\\s*$",
            Pattern.CASE_INSENSITIVE);

    // --- (a) wrong solutions ----------------------------------------------------------------

    @TestFactory
    Stream<DynamicNode> everyWrongSolutionFailsExactlyTheObjectivesItsFirstLineNames() throws IOException {
        List<DynamicNode> labs = new ArrayList<>();
        for (Path labDir : sorted(WRONG)) {
            String labId = labDir.getFileName().toString();
            List<DynamicTest> tests = new ArrayList<>();
            for (Path file : sorted(labDir)) {
                tests.add(DynamicTest.dynamicTest(file.getFileName().toString(), file.toUri(),
                        () -> failsAsExpected(labId, file)));
            }
            labs.add(DynamicContainer.dynamicContainer(labId, labDir.toUri(), tests.stream()));
        }
        assertThat(labs).as("lab folders in %s", WRONG).isNotEmpty();
        return labs.stream();
    }

    @Test
    void everyLabOfTheCatalogueHasAtLeastThreeWrongSolutions() throws IOException {
        for (SpecLab lab : Catalog.standard().labs()) {
            Path dir = WRONG.resolve(lab.id());
            assertThat(dir).as("wrong solutions of %s", lab.id()).isDirectory();
            String extension = lab.spec().standardPanel() ? ".st" : ".wiring";
            assertThat(sorted(dir)).as("wrong solutions of %s", lab.id())
                    .filteredOn(p -> p.getFileName().toString().endsWith(extension))
                    .hasSizeGreaterThanOrEqualTo(3);
        }
    }

    private static void failsAsExpected(String labId, Path file) throws IOException {
        SpecLab lab = Catalog.lab(labId);
        Set<String> expected = expectedFailures(file);
        Set<String> ids = lab.spec().objectives().stream().map(ObjectiveSpec::id).collect(Collectors.toSet());
        assertThat(ids).as("objective ids of %s named in %s", labId, file).containsAll(expected);

        Grade grade = grade(lab, file, List.of());

        Set<String> failed = grade.objectives().stream().filter(v -> !v.passed()).map(Verdict::id)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(grade.passed()).as("%s passed the grade of %s: %s", file, labId, describe(grade)).isFalse();
        assertThat(failed).as("failed objectives of %s: %s", file, describe(grade)).isEqualTo(expected);
        for (Verdict v : grade.objectives()) {
            if (v.passed() || momentOnly(lab, v.id())) {
                continue;
            }
            assertThat(v.ko()).as("Korean message of %s for %s names the moment", v.id(), file).contains("t=");
            assertThat(v.en()).as("English message of %s for %s names the moment", v.id(), file).contains("t=");
        }
    }

    /** The ids on the first line, in order of their names. */
    private static Set<String> expectedFailures(Path file) throws IOException {
        String first = Files.readAllLines(file).stream().findFirst().orElse("");
        Matcher m = EXPECT_FAIL.matcher(first);
        assertThat(m.matches()).as("first line of %s is an expect-fail comment: %s", file, first).isTrue();
        return Arrays.stream(m.group(1).split(",")).map(String::strip)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Whether every check of the objective is a 'C by T' or 'C when W' (no single counterexample moment). */
    private static boolean momentOnly(SpecLab lab, String id) {
        ObjectiveSpec o = lab.spec().objectives().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
        return o.texts().stream().allMatch(t -> MOMENT_CHECK.matcher(t.strip()).find());
    }

    // --- (b) model answers ------------------------------------------------------------------

    @TestFactory
    Stream<DynamicTest> everyModelAnswerPassesUnderSeedsOneToTen() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path file : sorted(SOLUTIONS)) {
            String name = file.getFileName().toString();
            if (!Files.isRegularFile(file) || !(name.endsWith(".st") || name.endsWith(".wiring"))) {
                continue;
            }
            String labId = name.substring(0, name.lastIndexOf('.'));
            tests.add(DynamicTest.dynamicTest(name, file.toUri(), () -> passes(Catalog.lab(labId), file, TEN_SEEDS)));
        }
        assertThat(tests).as("model answers in %s", SOLUTIONS).hasSizeGreaterThanOrEqualTo(8);
        return tests.stream();
    }

    // --- (c) other correct wirings ----------------------------------------------------------

    @TestFactory
    Stream<DynamicTest> everyAlternativeCorrectWiringPasses() throws IOException {
        List<String> ids = Catalog.standard().labs().stream().map(SpecLab::id).toList();
        List<DynamicTest> tests = new ArrayList<>();
        for (Path file : sorted(ALTERNATIVES)) {
            String name = file.getFileName().toString();
            // solutions/alternatives/<lab-id>-<what differs>.wiring
            String labId = ids.stream().filter(id -> name.startsWith(id + "-")).findFirst().orElseThrow(
                    () -> new AssertionError(file + " does not start with a lab id"));
            tests.add(DynamicTest.dynamicTest(name, file.toUri(), () -> passes(Catalog.lab(labId), file, TEN_SEEDS)));
        }
        assertThat(tests).as("alternative wirings in %s", ALTERNATIVES).hasSizeGreaterThanOrEqualTo(2);
        return tests.stream();
    }

    private static void passes(SpecLab lab, Path file, List<Long> seeds) throws IOException {
        Grade grade = grade(lab, file, seeds);
        assertThat(grade.seeds()).isEqualTo(seeds);
        assertThat(grade.passed()).as("%s on %s: %s", file, lab.id(), describe(grade)).isTrue();
        assertThat(grade.wiring()).as("wiring findings for %s", file).isEmpty();
        assertThat(grade.faultEn()).as("PLC fault with %s", file).isNull();
    }

    // --- grading, as labsim grade does it ---------------------------------------------------

    /** Grades a program (.st, compiled for the lab's I/O map) or a wiring (.wiring) on the lab's test sequence. */
    private static Grade grade(SpecLab lab, Path file, List<Long> seeds) throws IOException {
        String text = Files.readString(file);
        if (file.getFileName().toString().endsWith(".wiring")) {
            List<Wire> wiring = WiringFile.parse(text);
            return Grader.grade(lab, ManualSource::new, wiring, seeds, null);
        }
        List<Address> addresses = Labs.create(lab, 1, new ManualSource()).ioMap().stream().map(IoPoint::address)
                .toList();
        StCompiler.Compilation c = StCompiler.compile(text, StCompiler.Options.forLab(addresses));
        assertThat(c.errors()).as("%s compiles for %s", file, lab.id()).isEmpty();
        StProgram compiled = Objects.requireNonNull(c.program());
        Supplier<ProgramSource> program = () -> {
            compiled.coldRestart();
            return compiled;
        };
        return Grader.grade(lab, program, List.of(), seeds, null);
    }

    private static String describe(Grade g) {
        return g.objectives().stream().map(v -> (v.passed() ? "✓ " : "✗ ") + v.id() + (v.passed() ? "" : ": " + v.en()))
                .collect(Collectors.joining("; ", "[", "]"));
    }

    private static List<Path> sorted(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
