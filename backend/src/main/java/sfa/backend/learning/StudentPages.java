package sfa.backend.learning;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import sfa.backend.lab.LabAttempts;
import sfa.backend.school.SchoolScope;
import sfa.backend.security.Caller;
import sfa.backend.security.Role;
import sfa.backend.web.ApiProblem;

/** A teacher's look at one student in one unit: progress, every quiz attempt, every graded lab run replayed. */
@Controller
class StudentPages {

    private final Enrollments enrollments;
    private final Learning learning;
    private final LabAttempts labAttempts;
    private final sfa.backend.lab.LabGrader grader;

    StudentPages(Enrollments enrollments, Learning learning, LabAttempts labAttempts, sfa.backend.lab.LabGrader grader) {
        this.grader = grader;
        this.enrollments = enrollments;
        this.learning = learning;
        this.labAttempts = labAttempts;
    }

    @GetMapping("/students/{username}/units/{unit}")
    String student(@PathVariable String username, @PathVariable String unit, Caller caller, Model model) {
        String school = SchoolScope.schoolOf(caller, Role.TEACHER);
        Enrollment e = enrollments.find(school, username, unit).orElseThrow(() -> ApiProblem.notFound(
                username + " has not started unit " + unit, username + " 학생은 " + unit + " 단원을 시작하지 않았습니다"));
        model.addAttribute("caller", caller);
        model.addAttribute("school", school);
        model.addAttribute("enrollment", e);
        model.addAttribute("progress", learning.progress(e));
        model.addAttribute("labAttempts", labAttempts.of(school, username, unit));
        model.addAttribute("title", e.displayName() + " · " + unit);
        return "learning/student";
    }

    /** A graded attempt replayed read-only: the program or wiring, the verdict, the timing diagram, the run again. */
    @GetMapping("/students/{username}/units/{unit}/lab-attempts/{attempt}")
    String replay(@PathVariable String username, @PathVariable String unit, @PathVariable String attempt, Caller caller,
            Model model) {
        String school = SchoolScope.schoolOf(caller, Role.TEACHER);
        sfa.backend.lab.LabAttempt a = labAttempts.find(school, username, attempt).filter(x -> x.unit().equals(unit))
                .orElseThrow(() -> ApiProblem.notFound("no lab attempt '" + attempt + "' of " + username + " in " + unit,
                        username + " 학생의 " + unit + " 단원에 '" + attempt + "' 실습 시도가 없습니다"));
        model.addAttribute("caller", caller);
        model.addAttribute("school", school);
        model.addAttribute("attempt", a);
        model.addAttribute("points", UnitPages.Point.of(grader.lab(a.lab()).spec()));
        model.addAttribute("title", username + " · " + a.lab());
        return "learning/replay";
    }
}
