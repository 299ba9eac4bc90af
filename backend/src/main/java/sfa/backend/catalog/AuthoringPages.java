package sfa.backend.catalog;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import sfa.backend.school.SchoolScope;
import sfa.backend.security.Caller;
import sfa.backend.security.Role;
import sfa.backend.web.Texts;

/** A teacher's authoring page for one unit: its versions, a draft's files in an editor, check, preview, publish. */
@Controller
class AuthoringPages {

    private final UnitCatalog catalog;
    private final Texts texts;

    AuthoringPages(UnitCatalog catalog, Texts texts) {
        this.catalog = catalog;
        this.texts = texts;
    }

    @GetMapping("/authoring/{unit}")
    String unit(@PathVariable String unit, Caller caller, Model model) {
        String school = SchoolScope.schoolOf(caller, Role.TEACHER);
        var latest = catalog.view(catalog.latest(school, unit));
        var versions = catalog.versions(school, unit);
        model.addAttribute("caller", caller);
        model.addAttribute("school", school);
        model.addAttribute("unit", latest);
        model.addAttribute("versions", versions);
        model.addAttribute("draft", versions.stream().filter(v -> v.status() == UnitVersion.Status.DRAFT).findFirst()
                .map(UnitCatalog.VersionInfo::version).orElse(null));
        model.addAttribute("title", texts.of(latest.title()));
        return "catalog/authoring";
    }
}
