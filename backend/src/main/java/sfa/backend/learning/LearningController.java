package sfa.backend.learning;

import sfa.backend.security.Role;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import sfa.backend.catalog.LessonText;
import sfa.backend.catalog.UnitView;
import sfa.backend.lab.LabAttempt;
import sfa.backend.lab.LabAttempts;
import sfa.backend.school.RequiresRole;
import sfa.backend.security.Caller;
import sfa.backend.web.ApiProblem;

/**
 * A student's own learning ({@code /my/…}) and a teacher's look at one student's. Answers reach the
 * browser only in the feedback to a submitted attempt.
 */
@RestController
class LearningController {

    private final Learning learning;
    private final Enrollments enrollments;
    private final LabAttempts labAttempts;
    private final sfa.backend.catalog.UnitCatalog catalog;
    private final sfa.backend.lab.LiveLabs liveLabs;

    LearningController(Learning learning, Enrollments enrollments, LabAttempts labAttempts,
            sfa.backend.catalog.UnitCatalog catalog, sfa.backend.lab.LiveLabs liveLabs) {
        this.catalog = catalog;
        this.liveLabs = liveLabs;
        this.learning = learning;
        this.enrollments = enrollments;
        this.labAttempts = labAttempts;
    }

    record Started(UnitView unit, Progress progress) {
    }

    record QuizSubmission(@NotNull @Size(max = 200) Map<String, @Nullable Object> responses) {
    }

    record LabSubmission(@Size(max = 70_000) String program, @Size(max = 70_000) String wiring) {
        LabSubmission {
            program = program == null ? "" : program;
            wiring = wiring == null ? "" : wiring;
        }
    }

    record AttemptSummary(String id, String lab, int version, java.time.Instant at, boolean passed, int score,
            Map<String, Object> grade) {
        static AttemptSummary of(LabAttempt a) {
            return new AttemptSummary(a.id(), a.lab(), a.version(), a.at(), a.passed(), a.score(), a.grade());
        }
    }

    @GetMapping("/api/schools/{school}/my/units")
    List<Progress> myUnits(@PathVariable String school, Caller caller) {
        return enrollments.of(school, caller.username(), catalog.unitIds()).stream().map(learning::progress).toList();
    }

    /** Starts the unit (at the newest published version) or continues it (at the version started). */
    @PostMapping("/api/schools/{school}/my/units/{unit}")
    Started start(@PathVariable String school, @PathVariable String unit, Caller caller) {
        Enrollment e = learning.start(school, caller, unit);
        return new Started(catalog.view(learning.content(e)), learning.progress(e));
    }

    /** The unit as the student sees it; before they start it (POST) at the newest version, nothing stored. */
    @GetMapping("/api/schools/{school}/my/units/{unit}")
    Started myUnit(@PathVariable String school, @PathVariable String unit, Caller caller) {
        Enrollment e = learning.current(school, caller, unit);
        return new Started(catalog.view(learning.content(e)), learning.progress(e));
    }

    @GetMapping("/api/schools/{school}/my/units/{unit}/lessons/{lesson}")
    LessonText lesson(@PathVariable String school, @PathVariable String unit, @PathVariable String lesson,
            @RequestParam(defaultValue = "ko") String lang, Caller caller) {
        return LessonText.of(learning.viewing(school, caller, unit), lesson, lang);
    }

    @PostMapping("/api/schools/{school}/my/units/{unit}/lessons/{lesson}/read")
    Progress read(@PathVariable String school, @PathVariable String unit, @PathVariable String lesson, Caller caller) {
        return learning.progress(learning.lessonRead(school, caller, unit, lesson));
    }

    @PostMapping("/api/schools/{school}/my/units/{unit}/quiz/attempts")
    Learning.QuizFeedback quiz(@PathVariable String school, @PathVariable String unit,
            @Valid @RequestBody QuizSubmission submission, Caller caller,
            @org.springframework.web.bind.annotation.RequestHeader(value = sfa.backend.web.Idempotency.HEADER, required = false) @Nullable String key) {
        return learning.submitQuiz(school, caller, unit, submission.responses(), key);
    }

    @PostMapping("/api/schools/{school}/my/units/{unit}/labs/{lab}/attempts")
    Learning.LabFeedback lab(@PathVariable String school, @PathVariable String unit, @PathVariable String lab,
            @Valid @RequestBody LabSubmission submission, Caller caller,
            @org.springframework.web.bind.annotation.RequestHeader(value = sfa.backend.web.Idempotency.HEADER, required = false) @Nullable String key) {
        return learning.submitLab(school, caller, unit, lab, submission.program(), submission.wiring(), key);
    }

    /** Grades the student's live session of one of the unit's labs, and counts it as an attempt in the unit. */
    @PostMapping("/api/schools/{school}/my/units/{unit}/labs/{lab}/live-grades")
    Learning.LabFeedback liveGrade(@PathVariable String school, @PathVariable String unit, @PathVariable String lab,
            @RequestParam String session, Caller caller,
            @org.springframework.web.bind.annotation.RequestHeader(value = sfa.backend.web.Idempotency.HEADER, required = false) @Nullable String key) {
        sfa.backend.lab.LiveLabs.Graded g = liveLabs.grade(school, caller, session);
        if (!g.lab().lab().equals(lab)) {
            throw ApiProblem.badRequest("wrong-lab", "session " + session + " runs lab " + g.lab().lab() + ", not " + lab,
                    session + " 세션은 " + lab + "이(가) 아니라 " + g.lab().lab() + " 실습입니다");
        }
        return learning.recordLiveGrade(school, caller, unit, lab, g.grade(), g.lab().program() == null ? "" : g.lab().program(),
                key);
    }

    @GetMapping("/api/schools/{school}/my/units/{unit}/labs/attempts")
    List<AttemptSummary> myAttempts(@PathVariable String school, @PathVariable String unit, Caller caller) {
        return labAttempts.of(school, caller.username(), unit).stream().map(AttemptSummary::of).toList();
    }

    @GetMapping(path = "/api/schools/{school}/my/lab-attempts/{attempt}/trace", produces = "text/csv")
    ResponseEntity<byte[]> myTrace(@PathVariable String school, @PathVariable String attempt, Caller caller) {
        return trace(school, caller.username(), attempt);
    }

    /**
     * A teacher's view of one student in one unit: progress and every attempt (the newest quiz attempts in full; the
     * counts cover all of them).
     */
    record StudentUnit(String username, Progress progress, int quizAttemptCount, List<Enrollment.QuizAttempt> quizAttempts,
            int labAttemptCount, List<AttemptSummary> labAttempts) {
    }

    @RequiresRole(Role.TEACHER)
    @GetMapping("/api/schools/{school}/students/{username}/units/{unit}")
    StudentUnit studentUnit(@PathVariable String school, @PathVariable String username, @PathVariable String unit,
            Caller caller) {
        Enrollment e = enrollments.find(school, username, unit).orElseThrow(() -> ApiProblem.notFound(
                username + " has not started unit " + unit, username + " 학생은 " + unit + " 단원을 시작하지 않았습니다"));
        return new StudentUnit(username, learning.progress(e), e.quizAttemptCount(), e.quizAttempts(), e.labAttemptCount(),
                labAttempts.of(school, username, unit).stream().map(AttemptSummary::of).toList());
    }

    /** One graded attempt as the student submitted it: the program (or wiring) and the verdict, for a replay. */
    record AttemptDetail(String id, String username, String unit, String lab, int version, java.time.Instant at,
            boolean passed, int score, Map<String, Object> grade, String program, String wiring) {
    }

    @RequiresRole(Role.TEACHER)
    @GetMapping("/api/schools/{school}/students/{username}/lab-attempts/{attempt}")
    AttemptDetail studentAttempt(@PathVariable String school, @PathVariable String username,
            @PathVariable String attempt, Caller caller) {
        LabAttempt a = attempt(school, username, attempt);
        return new AttemptDetail(a.id(), a.username(), a.unit(), a.lab(), a.version(), a.at(), a.passed(), a.score(),
                a.grade(), a.program(), a.wiring());
    }

    @RequiresRole(Role.TEACHER)
    @GetMapping(path = "/api/schools/{school}/students/{username}/lab-attempts/{attempt}/trace", produces = "text/csv")
    ResponseEntity<byte[]> studentTrace(@PathVariable String school, @PathVariable String username,
            @PathVariable String attempt, Caller caller) {
        return trace(school, username, attempt);
    }

    private LabAttempt attempt(String school, String username, String attempt) {
        return labAttempts.find(school, username, attempt).orElseThrow(() -> ApiProblem.notFound(
                "no lab attempt '" + attempt + "'", "'" + attempt + "' 실습 시도가 없습니다"));
    }

    private ResponseEntity<byte[]> trace(String school, String username, String attempt) {
        LabAttempt a = attempt(school, username, attempt);
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_ENCODING, "gzip")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8)).body(a.traceGzip());
    }
}
