package sfa.backend.curriculum;

import sfa.backend.security.Role;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import sfa.backend.content.Content;
import sfa.backend.school.SchoolClass;
import sfa.backend.school.SchoolClasses;
import sfa.backend.school.RequiresRole;
import sfa.backend.security.Caller;
import sfa.backend.web.ApiProblem;
import sfa.courseware.Text;
import sfa.courseware.school.School;

/** The school's planned curriculum (from {@code schools/}) and the units teachers assign to classes. */
@RestController
class CurriculumController {

    private final Content content;
    private final SchoolClasses classes;
    private final Assignments assignments;
    private final MyAssignments myAssignments;

    CurriculumController(Content content, SchoolClasses classes, Assignments assignments, MyAssignments myAssignments) {
        this.content = content;
        this.classes = classes;
        this.assignments = assignments;
        this.myAssignments = myAssignments;
    }

    record PlannedUnit(String unit, int version, String weeks, Text title) {
    }

    record Plan(String department, int grade, List<PlannedUnit> units) {
    }

    record NewAssignment(@NotNull LocalDate due) {
    }

    @GetMapping("/api/schools/{school}/curriculum")
    List<Plan> curriculum(@PathVariable String school) {
        School s = content.school(school).orElseThrow();
        return s.curriculum().stream().map(c -> new Plan(c.department(), c.grade(), c.units().stream()
                .map(u -> new PlannedUnit(u.unit(), u.version(), u.weeks(), content.unit(u.unit()).orElseThrow().title()))
                .toList())).toList();
    }

    @GetMapping("/api/schools/{school}/classes/{classId}/assignments")
    List<Assignment> ofClass(@PathVariable String school, @PathVariable String classId, Caller caller) {
        SchoolClass c = classes.get(school, classId);
        if (caller.role() == Role.STUDENT && !c.students().contains(caller.username())) {
            throw noClass(classId);
        }
        return assignments.ofClasses(school, List.of(classId));
    }

    @RequiresRole(Role.TEACHER)
    @PutMapping("/api/schools/{school}/classes/{classId}/assignments/{unit}")
    Assignment assign(@PathVariable String school, @PathVariable String classId, @PathVariable String unit,
            @Valid @RequestBody NewAssignment a, Caller caller) {
        classes.get(school, classId);
        if (content.unit(unit).isEmpty()) {
            throw ApiProblem.notFound("there is no unit '" + unit + "'", "'" + unit + "' 단원이 없습니다");
        }
        if (a.due().isBefore(LocalDate.now().minusYears(1)) || a.due().isAfter(LocalDate.now().plusYears(2))) {
            throw ApiProblem.badRequest("invalid-due-date", "the due date " + a.due() + " is not within this school year",
                    "마감일 " + a.due() + "이(가) 학년도 범위를 벗어났습니다");
        }
        return assignments.assign(school, classId, unit, a.due(), caller.username());
    }

    @RequiresRole(Role.TEACHER)
    @DeleteMapping("/api/schools/{school}/classes/{classId}/assignments/{unit}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void unassign(@PathVariable String school, @PathVariable String classId, @PathVariable String unit, Caller caller) {
        if (!assignments.remove(school, classId, unit)) {
            throw ApiProblem.notFound("unit " + unit + " is not assigned to this class", unit + " 단원은 이 반에 배정되지 않았습니다");
        }
    }

    /** The student's assigned units across their classes, soonest due first, with their progress. */
    @GetMapping("/api/schools/{school}/my/assignments")
    List<MyAssignments.MyAssignment> mine(@PathVariable String school, Caller caller) {
        return myAssignments.of(school, caller);
    }

    static ApiProblem noClass(String id) {
        return SchoolClasses.notFound(id);
    }
}
