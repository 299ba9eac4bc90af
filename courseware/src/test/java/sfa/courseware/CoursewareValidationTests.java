package sfa.courseware;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sfa.lab.scenario.Catalog;
import sfa.lab.scenario.Problem;

class CoursewareValidationTests {

    private static final String UNIT = """
            id: demo
            version: 2
            title: {ko: 데모, en: Demo}
            summary: {ko: 요약, en: Summary}
            track: control
            grades: [2]
            hours: 2
            ncs: []
            competency: {ko: PLC 제어, en: PLC control}
            prerequisites: []
            lessons:
              - id: one
                title: {ko: 첫 수업, en: First lesson}
                ko: lessons/01.ko.md
                en: lessons/01.en.md
            quiz: quiz.yaml
            labs:
              - lab: conveyor-self-hold
                focus: [START, MOTOR]
            """;

    private static final String QUIZ = """
            title: {ko: 확인, en: Check}
            pass_percent: 60
            items:
              - id: q1
                type: single
                prompt: {ko: 질문, en: Question}
                choices:
                  - {id: a, ko: 가, en: A}
                  - {id: b, ko: 나, en: B}
                answer: b
                explanation: {ko: 설명, en: Explanation}
              - id: q2
                type: true_false
                prompt: {ko: 질문, en: Question}
                answer: false
                explanation: {ko: 설명, en: Explanation}
            """;

    private static final String SCHOOL = """
            id: demo-school
            name: {ko: 데모고, en: Demo High School}
            city: {ko: 어딘가, en: Somewhere}
            focus: {ko: 로봇, en: robots}
            departments:
              - id: robots
                name: {ko: 로봇과, en: Robotics}
            curriculum:
              - department: robots
                grade: 2
                units:
                  - {unit: demo, version: 2, weeks: "1-2"}
            """;

    @TempDir
    Path root;

    @BeforeEach
    void aCheckoutWithOneUnitAndOneSchool() throws IOException {
        Path labs = Files.createDirectories(root.resolve("courseware/labs"));
        Path source = Path.of("labs");
        try (var files = Files.list(source)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.copy(f, labs.resolve(f.getFileName()));
            }
        }
        write("courseware/units/demo/unit.yaml", UNIT);
        write("courseware/units/demo/quiz.yaml", QUIZ);
        write("courseware/units/demo/lessons/01.ko.md", "# 첫 수업\n\n[자기유지 실습](lab:conveyor-self-hold)\n");
        write("courseware/units/demo/lessons/01.en.md", "# First lesson\n\n[the self-hold lab](lab:conveyor-self-hold)\n");
        write("schools/demo-school/school.yaml", SCHOOL);
    }

    private void write(String path, String text) throws IOException {
        Path p = root.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private Courseware.Result load() {
        return Courseware.load(root, Catalog.fromDirectory(root.resolve("courseware/labs")));
    }

    @Test
    void aValidUnitAndSchoolLoadWithoutAProblem() {
        Courseware.Result r = load();

        assertThat(r.problems()).isEmpty();
        assertThat(r.units()).containsOnlyKeys("demo");
        assertThat(r.units().get("demo").quiz().items()).hasSize(2);
        assertThat(r.schools()).singleElement().satisfies(s -> assertThat(s.curriculum()).hasSize(1));
    }

    @Test
    void aSingleUnitFolderIsCheckedAloneWithItsFileNamesRelativeToTheFolder() throws IOException {
        write("courseware/units/demo/unit.yaml", UNIT.replace("prerequisites: []", "prerequisites: [self-hold, plc-basics]"));
        Path dir = root.resolve("courseware/units/demo");

        Courseware.Result r = Courseware.loadUnit(dir, java.util.Set.of("self-hold"),
                Catalog.fromDirectory(root.resolve("courseware/labs")));

        assertThat(r.problems()).extracting(Problem::format)
                .containsExactly("unit.yaml:10:16: unknown unit id 'plc-basics' in prerequisites");
        assertThat(r.units()).containsOnlyKeys("demo");
    }

    @Test
    void aLabsNotesMustBeFilesOfTheUnit() throws IOException {
        write("courseware/units/demo/unit.yaml", UNIT.replace("focus: [START, MOTOR]",
                "focus: [START, MOTOR]\n    notes: {ko: labs/hold.ko.md, en: labs/hold.en.md}"));
        write("courseware/units/demo/labs/hold.ko.md", "# 이 반의 안내\n");

        assertThat(load().problems()).extracting(Problem::format).containsExactly(
                "courseware/units/demo/unit.yaml:20:38: the lab notes file labs/hold.en.md does not exist");

        write("courseware/units/demo/labs/hold.en.md", "# Notes for this class\n");
        Courseware.Result r = load();
        assertThat(r.problems()).isEmpty();
        assertThat(r.units().get("demo").labs().getFirst().notesEn()).hasFileName("hold.en.md");
    }

    // #issue 10: found by UnitFolderFuzzingTests; a NUL in a link threw InvalidPathException out of the loader
    @Test
    void aLinkThatIsNoFileNameAtAllIsABrokenLinkNotACrash() throws IOException {
        write("courseware/units/demo/lessons/01.en.md", "# First\n\nSee [the picture](img/a\u0000b.svg).\n");

        assertThat(load().problems()).extracting(Problem::format)
                .containsExactly("courseware/units/demo/lessons/01.en.md:3:5: broken link (img/a\u0000b.svg): no file img/a\u0000b.svg beside the lesson");
    }

    // #issue 10: a teacher's draft could make the loader read any file of the server as its quiz or lessons
    @Test
    void aLessonOrQuizFileOutsideTheUnitFolderIsRefusedAndNeverRead() throws IOException {
        write("courseware/units/secret.yaml", QUIZ);
        write("courseware/units/demo/unit.yaml", UNIT.replace("quiz: quiz.yaml", "quiz: ../secret.yaml")
                .replace("ko: lessons/01.ko.md", "ko: /etc/hostname").replace("en: lessons/01.en.md", "en: \"lessons/\\0.md\""));
        Path dir = root.resolve("courseware/units/demo");

        Courseware.Result r = Courseware.loadUnit(dir, java.util.Set.of(), Catalog.fromDirectory(root.resolve("courseware/labs")));

        assertThat(r.problems()).extracting(Problem::format).containsExactly(
                "unit.yaml:14:9: the lesson file /etc/hostname is not a file of the unit's folder: name it relative to unit.yaml, without '..'",
                "unit.yaml:15:9: the lesson file lessons/\u0000.md is not a file of the unit's folder: name it relative to unit.yaml, without '..'",
                "unit.yaml:16:7: the quiz file ../secret.yaml is not a file of the unit's folder: name it relative to unit.yaml, without '..'");
        assertThat(r.units().get("demo").quiz()).isNull();
    }

    // #15: a quiz nested 20,000 deep overflowed the loader's stack, and the draft holding it could no longer be read
    @Test
    void aQuizNestedTooDeepIsAProblemOfItsFileAndLineAndTheUnitStillLoads() throws IOException {
        write("courseware/units/demo/quiz.yaml", QUIZ.replace("answer: b", "answer: " + "[".repeat(20_000)));
        Path dir = root.resolve("courseware/units/demo");

        Courseware.Result r = Courseware.loadUnit(dir, java.util.Set.of(), Catalog.fromDirectory(root.resolve("courseware/labs")));

        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.format()).startsWith("quiz.yaml:10:").contains("nest more than");
            assertThat(p.ko()).contains("깊게");
        });
        assertThat(r.units().get("demo").quiz()).isNull();
        assertThat(r.units().get("demo").lessons()).hasSize(1);
    }

    @Test
    void anUnknownPrerequisiteIsNamedWithItsFileAndLine() throws IOException {
        write("courseware/units/demo/unit.yaml", UNIT.replace("prerequisites: []", "prerequisites: [self-hld]"));

        assertThat(load().problems()).extracting(Problem::format)
                .containsExactly("courseware/units/demo/unit.yaml:10:16: unknown unit id 'self-hld' in prerequisites");
    }

    @Test
    void aBrokenLessonLinkIsNamedWithItsLineAndColumn() throws IOException {
        write("courseware/units/demo/lessons/01.en.md", "# First\n\nSee [the next lesson](02.en.md).\n");

        assertThat(load().problems()).extracting(Problem::format)
                .containsExactly("courseware/units/demo/lessons/01.en.md:3:5: broken link (02.en.md): no file 02.en.md beside the lesson");
    }

    @Test
    void aQuizItemWithoutACorrectAnswerIsReported() throws IOException {
        write("courseware/units/demo/quiz.yaml", QUIZ.replace("answer: b", "answer: c"));

        assertThat(load().problems()).extracting(Problem::format).containsExactly(
                "courseware/units/demo/quiz.yaml:10:13: the item has no correct answer: 'c' is not one of its choices");
    }

    @Test
    void aLabFocusOnAnIoNameTheLabDoesNotHaveIsReported() throws IOException {
        write("courseware/units/demo/unit.yaml", UNIT.replace("focus: [START, MOTOR]", "focus: [START, MOTR]"));

        assertThat(load().problems()).extracting(Problem::en).containsExactly(
                "lab conveyor-self-hold has no I/O named 'MOTR'; it has ESTOP_OK, LAMP_RUN, LAMP_STOP, MOTOR, START, STOP");
    }

    @Test
    void aCurriculumPinningAVersionThatDoesNotExistIsReported() throws IOException {
        write("schools/demo-school/school.yaml", SCHOOL.replace("version: 2", "version: 1"));

        assertThat(load().problems()).extracting(Problem::format).containsExactly(
                "schools/demo-school/school.yaml:12:9: unit demo has no version 1 (its version is 2)");
    }

    @Test
    void aCurriculumNamingAnUnknownUnitIsReported() throws IOException {
        write("schools/demo-school/school.yaml", SCHOOL.replace("unit: demo,", "unit: demos,"));

        assertThat(load().problems()).extracting(Problem::format)
                .containsExactly("schools/demo-school/school.yaml:12:9: unknown unit id 'demos'");
    }

    @Test
    void everyProblemOfEveryFileIsReportedAtOnceInBothLanguages() throws IOException {
        write("courseware/units/demo/unit.yaml", UNIT.replace("track: control", "track: robots")
                .replace("prerequisites: []", "prerequisites: [nothing]"));
        write("courseware/units/demo/quiz.yaml", QUIZ.replace("type: true_false", "type: yes_no"));
        write("schools/demo-school/school.yaml", SCHOOL.replace("department: robots", "department: robotics"));

        Courseware.Result r = load();

        assertThat(r.ok()).isFalse();
        assertThat(r.problems()).extracting(Problem::en).containsExactlyInAnyOrder(
                "unknown track 'robots'; use operations, sensors, control or ai",
                "unknown unit id 'nothing' in prerequisites",
                "unknown quiz item type 'yes_no'; use single, multiple, true_false, numeric, ordering or matching",
                "unknown department 'robotics'; the school has [robots]");
        assertThat(r.problems()).allSatisfy(p -> assertThat(p.ko()).isNotBlank());
    }
}
