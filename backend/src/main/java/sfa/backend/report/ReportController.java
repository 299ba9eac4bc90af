package sfa.backend.report;

import sfa.backend.security.Role;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import sfa.backend.school.RequiresRole;
import sfa.backend.security.Caller;

/** Completion reports: a school's (teachers and administrators), the programme's (programme administrators). */
@RestController
class ReportController {

    static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

    private final CompletionReport report;
    private final CompletionCharts charts;

    ReportController(CompletionReport report, CompletionCharts charts) {
        this.report = report;
        this.charts = charts;
    }

    @RequiresRole(Role.TEACHER)
    @GetMapping("/api/schools/{school}/reports/completion")
    CompletionReport.SchoolSummary school(@PathVariable String school, Caller caller) {
        return report.summary(school);
    }

    @RequiresRole(Role.TEACHER)
    @GetMapping("/api/schools/{school}/reports/completion.csv")
    ResponseEntity<byte[]> schoolCsv(@PathVariable String school, Caller caller) {
        return csv(school, report.rows(school));
    }

    /** The figures of the school's charts: completions week by week, the share completed per unit and per track. */
    @RequiresRole(Role.TEACHER)
    @GetMapping("/api/schools/{school}/reports/completion/charts")
    CompletionCharts.SchoolCharts schoolCharts(@PathVariable String school, Caller caller) {
        return charts.of(school);
    }

    /** The three schools side by side. */
    @RequiresRole(Role.PROGRAM_ADMIN)
    @GetMapping("/api/reports/programme")
    List<CompletionReport.SchoolSummary> programme(Caller caller) {
        return report.schools().stream().map(report::summary).toList();
    }

    /** The three schools' charts, their weeks on one axis. */
    @RequiresRole(Role.PROGRAM_ADMIN)
    @GetMapping("/api/reports/programme/charts")
    List<CompletionCharts.SchoolCharts> programmeCharts(Caller caller) {
        return charts.programme();
    }

    @RequiresRole(Role.PROGRAM_ADMIN)
    @GetMapping("/api/reports/programme.csv")
    ResponseEntity<byte[]> programmeCsv(Caller caller) {
        List<CompletionRow> rows = new ArrayList<>();
        report.schools().forEach(s -> rows.addAll(report.rows(s)));
        return csv("programme", rows);
    }

    private static ResponseEntity<byte[]> csv(String name, List<CompletionRow> rows) {
        String file = "completion-" + name + "-" + LocalDate.now() + ".csv";
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file).build().toString())
                .body(CompletionCsv.write(rows));
    }
}
