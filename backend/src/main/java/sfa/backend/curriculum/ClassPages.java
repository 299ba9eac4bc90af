package sfa.backend.curriculum;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import sfa.backend.catalog.UnitCatalog;
import sfa.backend.content.Content;
import sfa.backend.school.SchoolClass;
import sfa.backend.school.SchoolClasses;
import sfa.backend.school.SchoolScope;
import sfa.backend.security.Caller;
import sfa.backend.security.Role;
import sfa.backend.web.ApiProblem;
import sfa.backend.web.Texts;

/** A teacher's classes: make a class, add students by user name, assign units with due dates. */
@Controller
class ClassPages {

    private final SchoolClasses classes;
    private final Assignments assignments;
    private final Content content;
    private final UnitCatalog catalog;
    private final Texts texts;

    ClassPages(SchoolClasses classes, Assignments assignments, Content content, UnitCatalog catalog, Texts texts) {
        this.classes = classes;
        this.assignments = assignments;
        this.content = content;
        this.catalog = catalog;
        this.texts = texts;
    }


    record ClassRow(SchoolClass schoolClass, List<Assignment> assignments) {
    }

    @GetMapping("/classes")
    String list(Caller caller, Model model) {
        String school = SchoolScope.schoolOf(caller, Role.TEACHER);
        List<SchoolClass> all = classes.of(school);
        model.addAttribute("caller", caller);
        model.addAttribute("rows", all.stream().map(c -> new ClassRow(c, assignments.ofClasses(school, List.of(c.id())))).toList());
        model.addAttribute("departments", content.school(school).orElseThrow().departments());
        model.addAttribute("units", catalog.unitIds().stream().map(id -> content.unit(id).orElseThrow()).toList());
        model.addAttribute("title", texts.of(new sfa.courseware.Text("반 관리", "Classes")));
        return "curriculum/classes";
    }

    @PostMapping("/classes")
    String create(@RequestParam String department, @RequestParam int grade, @RequestParam String name,
            @RequestParam String term, Caller caller) {
        String school = SchoolScope.schoolOf(caller, Role.TEACHER);
        if (content.school(school).orElseThrow().departments().stream().noneMatch(d -> d.id().equals(department))
                || grade < 1 || grade > 3 || name.isBlank() || name.length() > 60 || !term.matches("\\d{4}-[12]")) {
            throw ApiProblem.badRequest("invalid-class", "a class needs one of the school's departments, a grade 1-3, a name"
                    + " and a term like 2026-2", "반에는 학교의 학과, 1~3학년, 이름, 2026-2 같은 학기가 필요합니다");
        }
        classes.add(new SchoolClass(UUID.randomUUID().toString(), school, department, grade, name.strip(), term, List.of(),
                caller.username()));
        return "redirect:/classes";
    }

    @PostMapping("/classes/{id}/students")
    String addStudent(@PathVariable String id, @RequestParam String username, Caller caller) {
        String school = SchoolScope.schoolOf(caller, Role.TEACHER);
        if (!username.matches("[A-Za-z0-9._@-]{1,64}")) {
            throw ApiProblem.badRequest("invalid-username", "'" + username + "' is not a user name",
                    "'" + username + "'은(는) 사용자 이름 형식이 아닙니다");
        }
        classes.enroll(school, id, username.strip(), true).orElseThrow(() -> SchoolClasses.notFound(id));
        return "redirect:/classes";
    }

    @PostMapping("/classes/{id}/assignments")
    String assign(@PathVariable String id, @RequestParam String unit, @RequestParam LocalDate due, Caller caller) {
        String school = SchoolScope.schoolOf(caller, Role.TEACHER);
        classes.get(school, id);
        content.unit(unit).orElseThrow(() -> ApiProblem.notFound("no unit " + unit, unit + " 단원이 없습니다"));
        assignments.assign(school, id, unit, due, caller.username());
        return "redirect:/classes";
    }
}
