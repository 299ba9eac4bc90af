package sfa.backend.curriculum;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import sfa.backend.catalog.UnitCatalog;
import sfa.backend.learning.Enrollments;
import sfa.backend.learning.Learning;
import sfa.backend.security.Caller;

/** The start page: the units assigned to me with due dates and my progress, and the school's units. */
@Controller
class HomePage {

    private final MyAssignments assignments;
    private final UnitCatalog catalog;
    private final Enrollments enrollments;
    private final Learning learning;

    HomePage(MyAssignments assignments, UnitCatalog catalog, Enrollments enrollments, Learning learning) {
        this.assignments = assignments;
        this.catalog = catalog;
        this.enrollments = enrollments;
        this.learning = learning;
    }

    @GetMapping("/")
    String home(Caller caller, Model model) {
        model.addAttribute("caller", caller);
        String school = caller.school();
        if (school == null) {
            return "curriculum/no-school";
        }
        model.addAttribute("assignments", assignments.of(school, caller));
        var progress = new java.util.HashMap<String, sfa.backend.learning.Progress>();
        enrollments.of(school, caller.username(), catalog.unitIds()).forEach(e -> progress.put(e.unit(), learning.progress(e)));
        model.addAttribute("progress", progress);
        model.addAttribute("units", catalog.unitIds().stream().map(id -> catalog.latest(school, id).unit()).toList());
        return "curriculum/home";
    }
}
