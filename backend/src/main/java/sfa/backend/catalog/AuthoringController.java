package sfa.backend.catalog;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import sfa.backend.school.RequiresRole;
import sfa.backend.security.Caller;
import sfa.backend.security.Role;
import sfa.backend.web.ApiProblem;
import sfa.backend.web.Markdown;
import sfa.courseware.Text;

/**
 * The authoring page's helpers, for teachers: a lesson's Markdown rendered as students get it while it
 * is typed, a quiz file to the structured form and back, and a draft's notes on its labs.
 */
@RestController
class AuthoringController {

    private final UnitCatalog catalog;
    private final Markdown markdown;
    private final LabNotes labNotes;

    AuthoringController(UnitCatalog catalog, Markdown markdown, LabNotes labNotes) {
        this.catalog = catalog;
        this.markdown = markdown;
        this.labNotes = labNotes;
    }

    record Html(String html) {
    }

    /** Markdown as the student's lesson page renders it: raw HTML shown as text, unsafe links dropped. */
    @RequiresRole(Role.TEACHER)
    @PostMapping(path = "/api/schools/{school}/units/{unit}/preview-markdown", consumes = MediaType.TEXT_PLAIN_VALUE)
    Html previewMarkdown(@PathVariable String school, @PathVariable String unit,
            @RequestBody(required = false) @Nullable String text,
            @org.springframework.web.bind.annotation.RequestParam(required = false) @Nullable Integer version,
            @org.springframework.web.bind.annotation.RequestParam(required = false) @Nullable String path, Caller caller) {
        teacherOn(unit, caller);
        String md = text == null ? "" : text;
        UnitFiles.checkText("preview", md);
        if (version == null || path == null) {
            return new Html(markdown.html(md));
        }
        // the lesson's own images, from the version being edited, addressed relative to the lesson's file
        java.nio.file.Path folder;
        try {
            folder = java.nio.file.Path.of(path).getParent();
        } catch (java.nio.file.InvalidPathException e) {
            throw ApiProblem.badRequest("invalid-path", "'" + path + "' is not a file name of the unit",
                    "'" + path + "'은(는) 단원의 파일 이름이 아닙니다");
        }
        return new Html(markdown.html(md, address -> {
            java.nio.file.Path target;
            try {
                target = (folder == null ? java.nio.file.Path.of(address) : folder.resolve(address)).normalize();
            } catch (java.nio.file.InvalidPathException e) {
                return ""; // no file name at all: shown without its image, as one outside the unit is
            }
            return target.startsWith("..") ? "" : UnitImages.address(unit, version, target.toString().replace('\\', '/'));
        }));
    }

    /** A quiz file read into the form, with the courseware validator's problems (file:line). */
    @RequiresRole(Role.TEACHER)
    @PostMapping(path = "/api/schools/{school}/units/{unit}/quiz-form", consumes = MediaType.TEXT_PLAIN_VALUE)
    QuizForm.Read quizForm(@PathVariable String school, @PathVariable String unit,
            @RequestBody(required = false) @Nullable String yaml, Caller caller) {
        teacherOn(unit, caller);
        String text = yaml == null ? "" : yaml;
        UnitFiles.checkText("quiz.yaml", text);
        return QuizForm.read(text, "quiz.yaml");
    }

    /** The form as a quiz file in the courseware format, to save with the file API. */
    @RequiresRole(Role.TEACHER)
    @PostMapping(path = "/api/schools/{school}/units/{unit}/quiz-yaml", produces = MediaType.TEXT_PLAIN_VALUE)
    String quizYaml(@PathVariable String school, @PathVariable String unit, @RequestBody QuizForm form, Caller caller) {
        teacherOn(unit, caller);
        return form.yaml();
    }

    /** Sets a draft's notes on one of its labs (Markdown in both languages). */
    @RequiresRole(Role.TEACHER)
    @PutMapping("/api/schools/{school}/units/{unit}/versions/{version}/labs/{lab}/notes")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void labNotes(@PathVariable String school, @PathVariable String unit, @PathVariable int version,
            @PathVariable String lab, @RequestBody Text notes, Caller caller) {
        labNotes.put(school, unit, version, lab, notes);
    }

    /** Authoring helpers answer only for a unit that exists (the role is checked by {@link RequiresRole}). */
    private void teacherOn(String unit, Caller caller) {
        if (!catalog.unitIds().contains(unit)) {
            throw ApiProblem.notFound("there is no unit '" + unit + "'", "'" + unit + "' 단원이 없습니다");
        }
    }
}
