package sfa.backend.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import sfa.backend.school.SchoolScope;
import sfa.backend.security.Caller;
import sfa.backend.security.Role;
import sfa.backend.web.ApiProblem;

/** Teachers' and administrators' pages: the school's completion, and one class student by student. */
@Controller
class ReportPages {

    private final CompletionReport report;
    private final CompletionCharts charts;

    ReportPages(CompletionReport report, CompletionCharts charts) {
        this.report = report;
        this.charts = charts;
    }

    @GetMapping("/reports")
    String completion(Caller caller, Model model) {
        if (caller.role() == Role.PROGRAM_ADMIN) {
            model.addAttribute("caller", caller);
            model.addAttribute("schools", report.schools().stream().map(report::summary).toList());
            model.addAttribute("charts", charts.programme());
            model.addAttribute("title", "programme");
            return "report/programme";
        }
        String school = SchoolScope.schoolOf(caller, Role.TEACHER);
        model.addAttribute("caller", caller);
        model.addAttribute("summary", report.summary(school));
        model.addAttribute("school", school);
        model.addAttribute("charts", charts.of(school));
        model.addAttribute("title", "completion");
        return "report/completion";
    }

    /** One class: each student's progress in each expected unit, who is stuck, when they were last active. */
    @GetMapping("/classes/{id}")
    String schoolClass(@PathVariable String id, Caller caller, Model model) {
        String school = SchoolScope.schoolOf(caller, Role.TEACHER);
        List<CompletionRow> rows = report.rows(school).stream().filter(r -> r.classId().equals(id)).toList();
        if (rows.isEmpty()) {
            throw ApiProblem.notFound("no class '" + id + "' with students and units in this school",
                    "이 학교에 학생과 단원이 있는 '" + id + "' 반이 없습니다");
        }
        Map<String, Map<String, CompletionRow>> byStudent = new LinkedHashMap<>();
        for (CompletionRow r : rows) {
            byStudent.computeIfAbsent(r.username(), k -> new LinkedHashMap<>()).put(r.unit(), r);
        }
        model.addAttribute("caller", caller);
        model.addAttribute("className", rows.getFirst().className());
        model.addAttribute("units", rows.stream().map(CompletionRow::unit).collect(Collectors.toCollection(TreeSet::new)));
        model.addAttribute("students", byStudent);
        model.addAttribute("title", rows.getFirst().className());
        return "report/class";
    }
}
