package sfa.backend.curriculum;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import sfa.backend.content.Content;
import sfa.backend.learning.Enrollment;
import sfa.backend.learning.Enrollments;
import sfa.backend.learning.Learning;
import sfa.backend.learning.Progress;
import sfa.backend.school.SchoolClass;
import sfa.backend.school.SchoolClasses;
import sfa.backend.security.Caller;
import sfa.courseware.Text;

/** A student's assigned units across their classes, soonest due first, with their progress. */
@Component
public class MyAssignments {

    private final Content content;
    private final SchoolClasses classes;
    private final Assignments assignments;
    private final Enrollments enrollments;
    private final Learning learning;

    MyAssignments(Content content, SchoolClasses classes, Assignments assignments, Enrollments enrollments,
            Learning learning) {
        this.content = content;
        this.classes = classes;
        this.assignments = assignments;
        this.enrollments = enrollments;
        this.learning = learning;
    }

    /** An assignment with the student's progress in it (none before they start). */
    public record MyAssignment(String unit, Text title, String classId, String className, LocalDate due, boolean overdue,
            @Nullable Progress progress) {
    }

    public List<MyAssignment> of(String school, Caller caller) {
        List<SchoolClass> mine = classes.withStudent(school, caller.username());
        Map<String, String> names = mine.stream().collect(Collectors.toMap(SchoolClass::id, SchoolClass::name));
        Map<String, Enrollment> started = enrollments.of(school, caller.username(), content.units().keySet()).stream()
                .collect(Collectors.toMap(Enrollment::unit, e -> e));
        LocalDate today = LocalDate.now();
        return assignments.ofClasses(school, names.keySet()).stream().map(a -> {
            Enrollment e = started.get(a.unit());
            Progress p = e == null ? null : learning.progress(e);
            return new MyAssignment(a.unit(), content.unit(a.unit()).orElseThrow().title(), a.classId(),
                    names.get(a.classId()), a.due(), a.due().isBefore(today) && (p == null || !p.completed()), p);
        }).toList();
    }
}
