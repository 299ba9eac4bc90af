package sfa.backend.learning;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import sfa.backend.catalog.UnitCatalog;
import sfa.backend.catalog.UnitContent;
import sfa.backend.school.SchoolScope;
import sfa.backend.security.Caller;
import sfa.backend.security.Role;
import sfa.backend.web.ApiProblem;
import sfa.backend.web.Markdown;
import sfa.backend.web.Texts;
import sfa.courseware.quiz.QuizItem;

/** A unit in the browser: its lessons (Markdown), its quiz with feedback after submitting, its labs. */
@Controller
class UnitPages {

    private final Learning learning;
    private final UnitCatalog catalog;
    private final Markdown markdown;
    private final Texts texts;
    private final sfa.backend.lab.LabGrader grader;
    private final sfa.backend.lab.LabAttempts labAttempts;

    UnitPages(Learning learning, UnitCatalog catalog, Markdown markdown, Texts texts, sfa.backend.lab.LabGrader grader,
            sfa.backend.lab.LabAttempts labAttempts) {
        this.grader = grader;
        this.labAttempts = labAttempts;
        this.learning = learning;
        this.catalog = catalog;
        this.markdown = markdown;
        this.texts = texts;
    }


    @GetMapping("/units/{unit}")
    String unit(@PathVariable String unit, Caller caller, Model model) {
        Enrollment e = learning.current(SchoolScope.schoolOf(caller, Role.STUDENT), caller, unit);
        model.addAttribute("caller", caller);
        var view = catalog.view(learning.content(e));
        model.addAttribute("unit", view);
        model.addAttribute("title", texts.of(view.title()));
        model.addAttribute("progress", learning.progress(e));
        model.addAttribute("read", new HashSet<>(e.lessonsRead()));
        return "learning/unit";
    }

    @GetMapping("/units/{unit}/lessons/{lesson}")
    String lesson(@PathVariable String unit, @PathVariable String lesson, Caller caller, Model model) {
        UnitContent c = learning.viewing(SchoolScope.schoolOf(caller, Role.STUDENT), caller, unit);
        var l = c.lesson(lesson).orElseThrow(() -> ApiProblem.notFound("unit " + unit + " has no lesson '" + lesson + "'",
                unit + " 단원에 '" + lesson + "' 수업이 없습니다"));
        model.addAttribute("caller", caller);
        model.addAttribute("unit", catalog.view(c));
        model.addAttribute("lesson", l);
        model.addAttribute("title", texts.of(l.title()));
        model.addAttribute("html", markdown.html(c.lessonText(lesson, texts.language()).orElse(""),
                address -> c.imageUrl(lesson, address)));
        return "learning/lesson";
    }

    /** One I/O point for the workbench: its name, address, whether it is an input, and its meaning. */
    record Point(String name, String address, boolean input, boolean bit, sfa.courseware.Text meaning) {

        /** The lab's I/O map as the workbench's board lists it. */
        static List<Point> of(sfa.lab.scenario.LabSpec spec) {
            return spec.io().stream().map(io -> {
                var a = sfa.lab.plc.Address.parse(io.address());
                return new Point(io.name(), io.address(), a.area().isInput(), a.area().isBit(),
                        new sfa.courseware.Text(io.ko(), io.en()));
            }).toList();
        }
    }

    /** The lab workbench: the plant live, the operator panel, the Structured Text editor, grading. */
    @GetMapping("/units/{unit}/labs/{lab}")
    String workbench(@PathVariable String unit, @PathVariable String lab, Caller caller, Model model) {
        String school = SchoolScope.schoolOf(caller, Role.STUDENT);
        UnitContent c = learning.viewing(school, caller, unit);
        var view = catalog.view(c);
        var labView = view.labs().stream().filter(l -> l.lab().equals(lab)).findFirst().orElseThrow(() -> ApiProblem.notFound(
                "unit " + unit + " has no lab '" + lab + "'", unit + " 단원에 '" + lab + "' 실습이 없습니다"));
        var spec = grader.lab(lab).spec();
        List<Point> points = Point.of(spec);
        StringBuilder starter = new StringBuilder("PROGRAM Main\nVAR\n");
        for (Point p : points) {
            starter.append("    ").append(p.name()).append(" AT ").append(p.address()).append(" : ")
                    .append(p.bit() ? "BOOL" : "INT").append(";\n");
        }
        starter.append("END_VAR\n\n(* ").append(texts.of(new sfa.courseware.Text("여기에 프로그램을 쓰세요", "write the program here")))
                .append(" *)\n\nEND_PROGRAM\n");
        model.addAttribute("caller", caller);
        model.addAttribute("school", school);
        model.addAttribute("unit", view);
        model.addAttribute("lab", labView);
        model.addAttribute("points", points);
        model.addAttribute("starter", starter.toString());
        model.addAttribute("wiring", !spec.standardPanel());
        model.addAttribute("title", texts.of(labView.title()));
        List<sfa.backend.lab.LabAttempt> attempts = labAttempts.of(school, caller.username(), unit).stream()
                .filter(a -> a.lab().equals(lab)).toList();
        model.addAttribute("attempts", attempts);
        model.addAttribute("best", attempts.stream().mapToInt(sfa.backend.lab.LabAttempt::score).max().orElse(-1));
        return "learning/workbench";
    }

    /** htmx: marks the lesson read and answers the button's replacement. */
    @PostMapping("/units/{unit}/lessons/{lesson}/read")
    String read(@PathVariable String unit, @PathVariable String lesson, Caller caller, Model model) {
        model.addAttribute("progress", learning.progress(learning.lessonRead(SchoolScope.schoolOf(caller, Role.STUDENT), caller, unit, lesson)));
        return "learning/lesson :: read";
    }

    /** htmx: grades the quiz form and answers the feedback. */
    @PostMapping(path = "/units/{unit}/quiz", consumes = "application/x-www-form-urlencoded")
    String quiz(@PathVariable String unit, @RequestBody MultiValueMap<String, String> form, Caller caller, Model model) {
        String school = SchoolScope.schoolOf(caller, Role.STUDENT);
        var quiz = learning.pinned(school, caller, unit).unit().quiz();
        if (quiz == null) {
            throw ApiProblem.notFound("unit " + unit + " has no quiz", unit + " 단원에는 확인 문제가 없습니다");
        }
        model.addAttribute("feedback", learning.submitQuiz(school, caller, unit, responses(quiz.items(), form)));
        return "learning/unit :: feedback";
    }

    /** The form's fields as the responses the quiz scores (see learning/unit.html for the field names). */
    static Map<String, Object> responses(List<QuizItem> items, MultiValueMap<String, String> form) {
        Map<String, Object> out = new HashMap<>();
        for (QuizItem item : items) {
            String id = item.id();
            switch (item) {
                case QuizItem.Multiple m -> out.put(id, form.getOrDefault(id, List.of()));
                case QuizItem.TrueFalse t -> {
                    String v = form.getFirst(id);
                    if (v != null) {
                        out.put(id, Boolean.parseBoolean(v));
                    }
                }
                case QuizItem.Ordering o -> {
                    List<String> ordered = new ArrayList<>(java.util.Collections.nCopies(o.entries().size(), ""));
                    for (var entry : o.entries()) {
                        String pos = form.getFirst(id + "." + entry.id());
                        if (pos != null && pos.matches("\\d+") && Integer.parseInt(pos) >= 1
                                && Integer.parseInt(pos) <= ordered.size()) {
                            ordered.set(Integer.parseInt(pos) - 1, entry.id());
                        }
                    }
                    out.put(id, ordered);
                }
                case QuizItem.Matching m -> {
                    Map<String, String> pairs = new HashMap<>();
                    for (var left : m.left()) {
                        String right = form.getFirst(id + "." + left.id());
                        if (right != null && !right.isBlank()) {
                            pairs.put(left.id(), right);
                        }
                    }
                    out.put(id, pairs);
                }
                default -> {
                    String v = form.getFirst(id);
                    if (v != null) {
                        out.put(id, v);
                    }
                }
            }
        }
        return out;
    }
}
