package sfa.backend.catalog;

import sfa.backend.security.Role;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import sfa.backend.school.RequiresRole;
import sfa.backend.security.Caller;
import sfa.backend.web.ApiProblem;
import sfa.courseware.Text;
import sfa.lab.scenario.Problem;

/** The school's unit catalogue, and authoring: drafts, their files, validation, preview, publishing. */
@RestController
class CatalogController {

    private final UnitCatalog catalog;

    CatalogController(UnitCatalog catalog) {
        this.catalog = catalog;
    }

    record UnitSummary(String id, int version, Text title, Text summary, Text track, List<Integer> grades, int hours) {
    }

    record Validation(boolean ok, List<Problem> problems) {
    }

    @GetMapping("/api/schools/{school}/units")
    List<UnitSummary> units(@PathVariable String school) {
        return catalog.unitIds().stream().map(id -> catalog.latest(school, id)).map(c -> new UnitSummary(c.unit().id(),
                c.version(), c.unit().title(), c.unit().summary(), c.unit().track().label(), c.unit().grades(),
                c.unit().hours())).toList();
    }

    /** The newest published version, as a student who starts it now gets it. */
    @GetMapping("/api/schools/{school}/units/{unit}")
    UnitView unit(@PathVariable String school, @PathVariable String unit) {
        return catalog.view(catalog.latest(school, unit));
    }

    @RequiresRole(Role.TEACHER)
    @GetMapping("/api/schools/{school}/units/{unit}/versions")
    List<UnitCatalog.VersionInfo> versions(@PathVariable String school, @PathVariable String unit, Caller caller) {
        return catalog.versions(school, unit);
    }

    @RequiresRole(Role.TEACHER)
    @PostMapping("/api/schools/{school}/units/{unit}/drafts")
    @ResponseStatus(HttpStatus.CREATED)
    UnitCatalog.VersionInfo draft(@PathVariable String school, @PathVariable String unit, Caller caller) {
        UnitVersion v = catalog.createDraft(school, unit, caller);
        return new UnitCatalog.VersionInfo(v.version(), v.status(), false, v.createdBy(), v.createdAt(), null);
    }

    @RequiresRole(Role.TEACHER)
    @GetMapping("/api/schools/{school}/units/{unit}/versions/{version}/files")
    Map<String, String> files(@PathVariable String school, @PathVariable String unit, @PathVariable int version,
            Caller caller) {
        return catalog.files(school, unit, version);
    }

    @RequiresRole(Role.TEACHER)
    @PutMapping(path = "/api/schools/{school}/units/{unit}/versions/{version}/files", consumes = MediaType.TEXT_PLAIN_VALUE)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void putFile(@PathVariable String school, @PathVariable String unit, @PathVariable int version,
            @RequestParam String path, @RequestBody String text, Caller caller) {
        catalog.putFile(school, unit, version, path, text);
    }

    @RequiresRole(Role.TEACHER)
    @DeleteMapping("/api/schools/{school}/units/{unit}/versions/{version}/files")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteFile(@PathVariable String school, @PathVariable String unit, @PathVariable int version,
            @RequestParam String path, Caller caller) {
        catalog.deleteFile(school, unit, version, path);
    }

    @RequiresRole(Role.TEACHER)
    @PostMapping("/api/schools/{school}/units/{unit}/versions/{version}/validate")
    Validation validate(@PathVariable String school, @PathVariable String unit, @PathVariable int version, Caller caller) {
        List<Problem> problems = catalog.validate(school, unit, version);
        return new Validation(problems.isEmpty(), problems);
    }

    /** The version as a student would see it (drafts too, for their author's preview). */
    @RequiresRole(Role.TEACHER)
    @GetMapping("/api/schools/{school}/units/{unit}/versions/{version}")
    UnitView preview(@PathVariable String school, @PathVariable String unit, @PathVariable int version, Caller caller) {
        return catalog.view(catalog.version(school, unit, version, true));
    }

    @RequiresRole(Role.TEACHER)
    @GetMapping("/api/schools/{school}/units/{unit}/versions/{version}/lessons/{lesson}")
    LessonText previewLesson(@PathVariable String school, @PathVariable String unit, @PathVariable int version,
            @PathVariable String lesson, @RequestParam(defaultValue = "ko") String lang, Caller caller) {
        return LessonText.of(catalog.version(school, unit, version, true), lesson, lang);
    }

    @RequiresRole(Role.TEACHER)
    @PostMapping("/api/schools/{school}/units/{unit}/versions/{version}/publish")
    UnitCatalog.VersionInfo publish(@PathVariable String school, @PathVariable String unit, @PathVariable int version,
            Caller caller) {
        UnitVersion v = catalog.publish(school, unit, version, caller);
        return new UnitCatalog.VersionInfo(v.version(), v.status(), false, v.createdBy(), v.createdAt(), v.publishedAt());
    }
}
