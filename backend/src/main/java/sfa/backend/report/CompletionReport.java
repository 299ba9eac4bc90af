package sfa.backend.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import sfa.backend.catalog.UnitCatalog;
import sfa.backend.content.Content;
import sfa.backend.curriculum.Assignment;
import sfa.backend.curriculum.Assignments;
import sfa.backend.learning.Enrollment;
import sfa.backend.learning.Enrollments;
import sfa.backend.learning.Learning;
import sfa.backend.learning.Progress;
import sfa.backend.school.SchoolClass;
import sfa.backend.school.SchoolClasses;
import sfa.courseware.Text;
import sfa.courseware.school.School;

/**
 * Completion of a school: for every class, every student and every unit the class is expected to do —
 * the units assigned to it, or, while none is assigned, the school's curriculum for its department and
 * grade — whether the student has completed it, and how far they are.
 */
@Service
public class CompletionReport {

    private final Content content;
    private final SchoolClasses classes;
    private final Assignments assignments;
    private final Enrollments enrollments;
    private final Learning learning;
    private final UnitCatalog catalog;

    CompletionReport(Content content, SchoolClasses classes, Assignments assignments, Enrollments enrollments,
            Learning learning, UnitCatalog catalog) {
        this.content = content;
        this.classes = classes;
        this.assignments = assignments;
        this.enrollments = enrollments;
        this.learning = learning;
        this.catalog = catalog;
    }

    public List<CompletionRow> rows(String school) {
        School s = content.school(school).orElseThrow();
        List<SchoolClass> all = classes.of(school);
        Map<String, List<Assignment>> assigned = assignments.ofClasses(school, all.stream().map(SchoolClass::id).toList())
                .stream().collect(Collectors.groupingBy(Assignment::classId));
        Map<String, Enrollment> started = enrollments.ofSchool(school).stream()
                .collect(Collectors.toMap(e -> e.username() + "|" + e.unit(), Function.identity()));
        List<CompletionRow> rows = new ArrayList<>();
        Map<String, sfa.courseware.Unit> latest = new java.util.HashMap<>();
        for (SchoolClass c : all) {
            Map<String, Assignment> units = new LinkedHashMap<>();
            for (Assignment a : assigned.getOrDefault(c.id(), List.of())) {
                units.put(a.unit(), a);
            }
            if (units.isEmpty()) {
                s.curriculum().stream().filter(p -> p.department().equals(c.department()) && p.grade() == c.grade())
                        .flatMap(p -> p.units().stream()).forEach(u -> units.putIfAbsent(u.unit(), null));
            }
            for (String student : c.students()) {
                for (Map.Entry<String, Assignment> u : units.entrySet()) {
                    Enrollment e = started.get(student + "|" + u.getKey());
                    Progress p = e == null ? Progress.of(latest.computeIfAbsent(u.getKey(),
                            id -> catalog.latest(school, id).unit()), 0, null) : learning.progress(e);
                    rows.add(new CompletionRow(school, c.department(), c.id(), c.name(), c.grade(), c.term(), student,
                            e == null ? student : e.displayName(), u.getKey(), e == null ? 0 : e.version(), p.percent(),
                            p.lessonsRead(), p.lessons(), p.bestQuizPercent(), p.quizPassed(), p.labsPassed(), p.labs(),
                            p.completed(), p.completedAt(), u.getValue() == null ? null : u.getValue().due(),
                            e == null ? 0 : e.quizAttemptCount(), e == null ? 0 : e.labAttemptCount(),
                            e == null ? null : e.lastActivity()));
                }
            }
        }
        return rows;
    }

    /** Completed and expected units of a group of rows, and the share completed (0–100, one decimal). */
    public record Tally(int completed, int expected, double rate) {
        static Tally of(List<CompletionRow> rows) {
            int done = (int) rows.stream().filter(CompletionRow::completed).count();
            return new Tally(done, rows.size(), rows.isEmpty() ? 0 : Math.round(done * 1000.0 / rows.size()) / 10.0);
        }
    }

    public record StudentSummary(String username, String displayName, Tally tally) {
    }

    public record ClassSummary(String id, String name, int grade, String term, Tally tally, List<StudentSummary> students) {
    }

    public record DepartmentSummary(String id, Text name, Tally tally, List<ClassSummary> classes) {
    }

    public record UnitSummary(String unit, Tally tally) {
    }

    public record SchoolSummary(String school, Text name, Tally tally, List<DepartmentSummary> departments,
            List<UnitSummary> units) {
    }

    /** The school by department, class and student, and by unit (for charts). */
    public SchoolSummary summary(String school) {
        School s = content.school(school).orElseThrow();
        List<CompletionRow> rows = rows(school);
        List<DepartmentSummary> departments = new ArrayList<>();
        for (School.Department d : s.departments()) {
            List<CompletionRow> dr = rows.stream().filter(r -> r.department().equals(d.id())).toList();
            List<ClassSummary> cs = new ArrayList<>();
            for (var c : dr.stream().collect(Collectors.groupingBy(CompletionRow::classId, LinkedHashMap::new,
                    Collectors.toList())).values()) {
                CompletionRow first = c.getFirst();
                List<StudentSummary> students = c.stream().collect(Collectors.groupingBy(CompletionRow::username,
                        LinkedHashMap::new, Collectors.toList())).values().stream()
                        .map(sr -> new StudentSummary(sr.getFirst().username(), sr.getFirst().displayName(), Tally.of(sr)))
                        .toList();
                cs.add(new ClassSummary(first.classId(), first.className(), first.grade(), first.term(), Tally.of(c), students));
            }
            departments.add(new DepartmentSummary(d.id(), d.name(), Tally.of(dr), cs));
        }
        List<UnitSummary> units = rows.stream().collect(Collectors.groupingBy(CompletionRow::unit, java.util.TreeMap::new,
                Collectors.toList())).entrySet().stream().map(e -> new UnitSummary(e.getKey(), Tally.of(e.getValue()))).toList();
        return new SchoolSummary(school, s.name(), Tally.of(rows), departments, units);
    }

    public List<String> schools() {
        return content.schools().stream().map(School::id).toList();
    }
}
