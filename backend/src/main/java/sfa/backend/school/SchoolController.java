package sfa.backend.school;

import sfa.backend.security.Role;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import sfa.backend.content.Content;
import sfa.backend.security.Caller;
import sfa.backend.web.ApiProblem;
import sfa.courseware.school.School;

/** Schools with their departments, and the classes a school keeps. */
@RestController
class SchoolController {

    private final Content content;
    private final SchoolClasses classes;

    SchoolController(Content content, SchoolClasses classes) {
        this.content = content;
        this.classes = classes;
    }

    record SchoolView(String id, sfa.courseware.Text name, sfa.courseware.Text city, sfa.courseware.Text focus,
            List<School.Department> departments) {
        static SchoolView of(School s) {
            return new SchoolView(s.id(), s.name(), s.city(), s.focus(), s.departments());
        }
    }

    record NewClass(@NotBlank @Size(max = 64) String department, @Min(1) @Max(3) int grade,
            @NotBlank @Size(max = 60) String name, @NotBlank @Pattern(regexp = "\\d{4}-[12]",
                    message = "a term is the year and semester, e.g. 2026-2 / 학기는 2026-2처럼 씁니다") String term) {
    }

    /** The schools the caller may see: their own, or all three for a programme administrator. */
    @GetMapping("/api/schools")
    List<SchoolView> schools(Caller caller) {
        return content.schools().stream()
                .filter(s -> caller.role() == Role.PROGRAM_ADMIN || s.id().equals(caller.school()))
                .map(SchoolView::of).toList();
    }

    @GetMapping("/api/schools/{school}")
    SchoolView school(@PathVariable String school) {
        return SchoolView.of(content.school(school).orElseThrow());
    }

    /** A teacher sees all the school's classes; a student only their own. */
    @GetMapping("/api/schools/{school}/classes")
    List<SchoolClass> classes(@PathVariable String school, Caller caller) {
        return caller.role() == Role.STUDENT ? classes.withStudent(school, caller.username()) : classes.of(school);
    }

    @GetMapping("/api/schools/{school}/classes/{id}")
    SchoolClass schoolClass(@PathVariable String school, @PathVariable String id, Caller caller) {
        SchoolClass c = classes.get(school, id);
        if (caller.role() == Role.STUDENT && !c.students().contains(caller.username())) {
            throw noClass(id);
        }
        return c;
    }

    @RequiresRole(Role.TEACHER)
    @PostMapping("/api/schools/{school}/classes")
    @ResponseStatus(HttpStatus.CREATED)
    SchoolClass addClass(@PathVariable String school, @Valid @RequestBody NewClass c, Caller caller) {
        School s = content.school(school).orElseThrow();
        if (s.departments().stream().noneMatch(d -> d.id().equals(c.department()))) {
            throw ApiProblem.badRequest("unknown-department", "the school has no department '" + c.department() + "'; it has "
                    + String.join(", ", s.departments().stream().map(School.Department::id).toList()),
                    "학교에 '" + c.department() + "' 학과가 없습니다");
        }
        return classes.add(new SchoolClass(UUID.randomUUID().toString(), school, c.department(), c.grade(), c.name().strip(),
                c.term(), List.of(), caller.username()));
    }

    @RequiresRole(Role.TEACHER)
    @PutMapping("/api/schools/{school}/classes/{id}/students/{username}")
    SchoolClass addStudent(@PathVariable String school, @PathVariable String id, @PathVariable String username,
            Caller caller) {
        checkUsername(username);
        return classes.enroll(school, id, username, true).orElseThrow(() -> noClass(id));
    }

    @RequiresRole(Role.TEACHER)
    @DeleteMapping("/api/schools/{school}/classes/{id}/students/{username}")
    SchoolClass removeStudent(@PathVariable String school, @PathVariable String id, @PathVariable String username,
            Caller caller) {
        return classes.enroll(school, id, username, false).orElseThrow(() -> noClass(id));
    }

    static void checkUsername(String username) {
        if (!username.matches("[A-Za-z0-9._@-]{1,64}")) {
            throw ApiProblem.badRequest("invalid-username", "'" + username + "' is not a user name (letters, digits, . _ @ -)",
                    "'" + username + "'은(는) 사용자 이름 형식이 아닙니다 (영문, 숫자, . _ @ -)");
        }
    }

    static ApiProblem noClass(String id) {
        return SchoolClasses.notFound(id);
    }
}
