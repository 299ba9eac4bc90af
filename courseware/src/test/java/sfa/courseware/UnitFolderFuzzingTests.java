package sfa.courseware;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import sfa.lab.scenario.Catalog;
import sfa.lab.scenario.Problem;

/**
 * Coverage-guided fuzzing of the unit loader and validator (docs/fuzzing.md), the one a teacher's draft
 * goes through. An input is a unit folder as text: sections headed {@code === <path>} (the first is
 * {@code unit.yaml} when it has no header), each written to that path of a fresh folder. The seeds
 * ({@code UnitFolderFuzzingTestsInputs/}) are the shipped units, each with its quiz and lessons.
 */
class UnitFolderFuzzingTests {

    private static final Pattern HEADER = Pattern.compile("(?m)^=== ([A-Za-z0-9._-]+(?:/[A-Za-z0-9._-]+)?)\\n");
    private static final Catalog LABS = Catalog.standard();
    private static final Set<String> OTHER_UNITS = Set.of("plc-scan-cycle", "self-hold", "sensor-types", "timers-counters");

    /**
     * Proves that whatever files a unit folder holds (a fuzzed {@code unit.yaml}, {@code quiz.yaml} and
     * lesson texts), {@link Courseware#loadUnit} returns the unit or its problems, each in English and Korean
     * at a line and column (0 when unknown) of a file of the folder, and never throws nor hangs.
     */
    @FuzzTest
    void anyUnitFolderLoadsOrListsItsProblems(byte[] input) throws IOException {
        Path dir = Files.createTempDirectory("fuzz-unit");
        try {
            for (Map.Entry<String, String> f : files(new String(input, StandardCharsets.UTF_8)).entrySet()) {
                Path file = dir.resolve(f.getKey());
                Files.createDirectories(file.getParent());
                Files.writeString(file, f.getValue(), StandardCharsets.UTF_8);
            }
            Courseware.Result r = Courseware.loadUnit(dir, OTHER_UNITS, LABS);
            assertThat(r.units().size()).isLessThanOrEqualTo(1);
            for (Problem p : r.problems()) {
                assertThat(p.line()).as("line of %s", p.format()).isNotNegative();
                assertThat(p.column()).as("column of %s", p.format()).isNotNegative();
                assertThat(p.en()).as("English of %s", p.format()).isNotBlank();
                assertThat(p.ko()).as("Korean of %s", p.format()).isNotBlank();
            }
        } finally {
            try (Stream<Path> all = Files.walk(dir)) {
                all.sorted(Comparator.reverseOrder()).forEach(p -> {
                    try {
                        Files.delete(p);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        }
    }

    /** The sections of an input by path; text before the first header is {@code unit.yaml}. */
    static Map<String, String> files(String text) {
        Map<String, String> files = new LinkedHashMap<>();
        var m = HEADER.matcher(text);
        String path = "unit.yaml";
        int from = 0;
        while (m.find()) {
            files.merge(path, text.substring(from, m.start()), String::concat);
            path = m.group(1);
            from = m.end();
        }
        files.merge(path, text.substring(from), String::concat);
        files.keySet().removeIf(p -> p.equals(".") || p.equals("..") || p.startsWith("../") || p.endsWith("/..")
                || p.endsWith("/.") || p.startsWith("./"));
        return files;
    }
}
