package sfa.backend.learning;

import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import sfa.backend.catalog.UnitCatalog;
import sfa.backend.catalog.UnitContent;
import sfa.backend.school.SchoolScope;
import sfa.backend.security.Caller;
import sfa.backend.security.Role;
import sfa.backend.web.ApiProblem;
import sfa.backend.web.Markdown;
import sfa.backend.web.Texts;

/** A teacher previews any version of a unit (a draft too) exactly as a student will see it; nothing is recorded. */
@Controller
class PreviewPages {

    private final UnitCatalog catalog;
    private final Markdown markdown;
    private final Texts texts;

    PreviewPages(UnitCatalog catalog, Markdown markdown, Texts texts) {
        this.catalog = catalog;
        this.markdown = markdown;
        this.texts = texts;
    }

    private UnitContent content(Caller caller, String unit, int version) {
        return catalog.version(SchoolScope.schoolOf(caller, Role.TEACHER), unit, version, true);
    }

    @GetMapping("/authoring/{unit}/preview/{version}")
    String unit(@PathVariable String unit, @PathVariable int version, Caller caller, Model model) {
        UnitContent c = content(caller, unit, version);
        var view = catalog.view(c);
        model.addAttribute("caller", caller);
        model.addAttribute("unit", view);
        model.addAttribute("progress", Progress.of(c.unit(), version, null));
        model.addAttribute("read", Set.of());
        model.addAttribute("preview", version);
        model.addAttribute("title", texts.of(view.title()));
        return "learning/unit";
    }

    @GetMapping("/authoring/{unit}/preview/{version}/lessons/{lesson}")
    String lesson(@PathVariable String unit, @PathVariable int version, @PathVariable String lesson, Caller caller,
            Model model) {
        UnitContent c = content(caller, unit, version);
        var l = c.lesson(lesson).orElseThrow(() -> ApiProblem.notFound("unit " + unit + " has no lesson '" + lesson + "'",
                unit + " 단원에 '" + lesson + "' 수업이 없습니다"));
        model.addAttribute("caller", caller);
        model.addAttribute("unit", catalog.view(c));
        model.addAttribute("lesson", l);
        model.addAttribute("html", markdown.html(c.lessonText(lesson, texts.language()).orElse(""),
                address -> c.imageUrl(lesson, address)));
        model.addAttribute("preview", version);
        model.addAttribute("title", texts.of(l.title()));
        return "learning/lesson";
    }
}
