package sfa.backend.learning;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import sfa.backend.catalog.QuizView;
import sfa.backend.catalog.UnitCatalog;
import sfa.backend.catalog.UnitContent;
import sfa.backend.lab.LabAttempt;
import sfa.backend.lab.LabAttempts;
import sfa.backend.lab.LabGrader;
import sfa.backend.security.Caller;
import sfa.backend.web.ApiProblem;
import sfa.backend.web.Idempotency;
import sfa.courseware.Text;
import sfa.courseware.quiz.Quiz;
import sfa.courseware.quiz.QuizItem;

/**
 * A student working through a unit: starting it (at the newest published version, kept from then on),
 * reading lessons, quiz attempts graded here on the server, lab attempts graded by the lab engine, and
 * completion when the unit's rule is met.
 */
@Service
public class Learning {

    private final UnitCatalog catalog;
    private final Enrollments enrollments;
    private final LabGrader grader;
    private final LabAttempts labAttempts;
    private final java.util.Map<String, Integer> pinned = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int MAX_PINNED = 500_000;

    Learning(UnitCatalog catalog, Enrollments enrollments, LabGrader grader, LabAttempts labAttempts) {
        this.catalog = catalog;
        this.enrollments = enrollments;
        this.grader = grader;
        this.labAttempts = labAttempts;
    }

    /** The student's enrollment in the unit, started now at the newest published version if new. */
    public Enrollment start(String school, Caller student, String unit) {
        var existing = enrollments.find(school, student.username(), unit);
        Enrollment e = existing.isPresent() ? existing.get()
                : enrollments.start(school, student.username(), student.displayName(), unit, catalog.latest(school, unit).version());
        remember(e);
        return e;
    }

    /**
     * The unit as the student sees it, without starting it: their enrollment, or before they start one that is not
     * stored, at the newest published version. Reading (a GET) never starts a unit; the first action does.
     */
    public Enrollment current(String school, Caller student, String unit) {
        var existing = enrollments.find(school, student.username(), unit);
        if (existing.isPresent()) {
            remember(existing.get());
            return existing.get();
        }
        Instant now = Instant.now();
        return new Enrollment(Enrollment.id(school, student.username(), unit), school, student.username(),
                student.displayName(), unit, catalog.latest(school, unit).version(), now, now, List.of(), 0, 0, false,
                List.of(), 0, List.of(), null, List.of());
    }

    /** The version of the unit the student reads: the one they started, or the newest before they start. */
    public UnitContent viewing(String school, Caller student, String unit) {
        Integer version = pinned.get(Enrollment.id(school, student.username(), unit));
        return catalog.version(school, unit, version != null ? version : current(school, student, unit).version(), false);
    }

    /**
     * The version of the unit the student works on, started now if need be. A started version never
     * changes, so it is remembered here and most requests need no read of the store at all.
     */
    public UnitContent pinned(String school, Caller student, String unit) {
        Integer version = pinned.get(Enrollment.id(school, student.username(), unit));
        return catalog.version(school, unit, version != null ? version : start(school, student, unit).version(), false);
    }

    private void remember(Enrollment e) {
        if (pinned.size() > MAX_PINNED) {
            pinned.clear();
        }
        pinned.put(e.id(), e.version());
    }

    /** The version of the unit this student works on. */
    public UnitContent content(Enrollment e) {
        return catalog.version(e.school(), e.unit(), e.version(), false);
    }

    public Progress progress(Enrollment e) {
        return Progress.of(content(e).unit(), e.version(), e);
    }

    public Enrollment lessonRead(String school, Caller student, String unit, String lesson) {
        if (pinned(school, student, unit).lesson(lesson).isEmpty()) {
            throw ApiProblem.notFound("unit " + unit + " has no lesson '" + lesson + "'",
                    unit + " 단원에 '" + lesson + "' 수업이 없습니다");
        }
        return complete(enrollments.lessonRead(Enrollment.id(school, student.username(), unit), lesson));
    }

    /** An item's result as the student sees it after submitting: right or not, points, the explanation. */
    public record ItemFeedback(String item, boolean correct, double points, int maxPoints, Text explanation) {
    }

    public record QuizFeedback(String attempt, double points, int maxPoints, double percent, boolean passed,
            int passPercent, List<ItemFeedback> items, Progress progress) {
    }

    public QuizFeedback submitQuiz(String school, Caller student, String unit, Map<String, @Nullable Object> responses) {
        return submitQuiz(school, student, unit, responses, null);
    }

    /**
     * Grades a quiz submission and counts it; under an Idempotency-Key {@code key} a retry is counted once (the
     * attempt's id comes from the key).
     */
    public QuizFeedback submitQuiz(String school, Caller student, String unit, Map<String, @Nullable Object> responses,
            @Nullable String key) {
        Quiz quiz = pinned(school, student, unit).unit().quiz();
        if (quiz == null) {
            throw ApiProblem.notFound("unit " + unit + " has no quiz", unit + " 단원에는 확인 문제가 없습니다");
        }
        if (responses.size() > quiz.items().size() * 2 + 10) {
            throw ApiProblem.badRequest("too-many-responses", "more responses than the quiz has items",
                    "응답이 문항 수보다 많습니다");
        }
        Map<String, Object> shaped = new HashMap<>();
        List<ItemFeedback> feedback = new ArrayList<>();
        List<Enrollment.ItemResult> results = new ArrayList<>();
        for (QuizItem item : quiz.items()) {
            Object r = QuizView.response(item, responses.get(item.id()));
            if (r != null) {
                shaped.put(item.id(), r);
            }
            double pts = r == null ? 0 : item.score(r);
            feedback.add(new ItemFeedback(item.id(), pts >= item.points() - 1e-9, pts, item.points(), item.explanation()));
            results.add(new Enrollment.ItemResult(item.id(), pts, item.points()));
        }
        Quiz.Result result = quiz.score(shaped);
        double percent = result.maxPoints() == 0 ? 0 : Math.round(result.points() * 1000.0 / result.maxPoints()) / 10.0;
        Enrollment.QuizAttempt attempt = new Enrollment.QuizAttempt(Idempotency.attemptId(student.username(), key), Instant.now(),
                result.points(), result.maxPoints(), percent, result.passed(), results);
        Enrollment after = complete(enrollments.quizAttempt(Enrollment.id(school, student.username(), unit), attempt));
        return new QuizFeedback(attempt.id(), result.points(), result.maxPoints(), percent, result.passed(),
                quiz.passPercent(), feedback, progress(after));
    }

    public record LabFeedback(String attempt, Map<String, Object> grade, List<Map<String, Object>> warnings,
            Progress progress) {
    }

    /** Grades a program (and wiring) on one of the unit's labs and stores the attempt with its trace. */
    public LabFeedback submitLab(String school, Caller student, String unit, String lab, String program, String wiring,
            @Nullable String key) {
        UnitContent c = pinned(school, student, unit);
        if (c.unit().labs().stream().noneMatch(l -> l.lab().equals(lab))) {
            throw ApiProblem.notFound("unit " + unit + " has no lab '" + lab + "'", unit + " 단원에 '" + lab + "' 실습이 없습니다");
        }
        LabGrader.Graded g = grader.grade(student, lab, program, wiring);
        Map<String, Object> grade = g.grade().toMap();
        LabAttempt a = labAttempts.add(new LabAttempt(Idempotency.attemptId(student.username(), key), school,
                student.username(), unit, c.version(), lab, Instant.now(), g.grade().passed(), g.grade().score(), grade,
                program, wiring, g.traceGzip()));
        Enrollment after = complete(enrollments.labAttempt(Enrollment.id(school, student.username(), unit), lab,
                g.grade().passed(), a.id()));
        return new LabFeedback(a.id(), grade, LabGrader.json(g.warnings()), progress(after));
    }

    /**
     * Records a grade a live session gave (a program run live, or the student's own OPC UA client) as an
     * attempt at one of the unit's labs.
     */
    public LabFeedback recordLiveGrade(String school, Caller student, String unit, String lab,
            sfa.lab.scenario.Grade grade, String program, @Nullable String key) {
        Enrollment e = start(school, student, unit);
        if (content(e).unit().labs().stream().noneMatch(l -> l.lab().equals(lab))) {
            throw ApiProblem.notFound("unit " + unit + " has no lab '" + lab + "'", unit + " 단원에 '" + lab + "' 실습이 없습니다");
        }
        Map<String, Object> map = grade.toMap();
        LabAttempt a = labAttempts.add(new LabAttempt(Idempotency.attemptId(student.username(), key), school,
                student.username(), unit, e.version(), lab, Instant.now(), grade.passed(), grade.score(), map, program, "",
                new byte[0]));
        Enrollment after = complete(enrollments.labAttempt(e.id(), lab, grade.passed(), a.id()));
        return new LabFeedback(a.id(), map, List.of(), progress(after));
    }

    private Enrollment complete(Enrollment e) {
        if (e.completedAt() == null && Progress.of(content(e).unit(), e.version(), e).completed()) {
            return enrollments.completed(e, Instant.now());
        }
        return e;
    }
}
