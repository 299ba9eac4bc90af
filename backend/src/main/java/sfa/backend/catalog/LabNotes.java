package sfa.backend.catalog;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import sfa.backend.web.ApiProblem;
import sfa.courseware.LabUse;
import sfa.courseware.Text;

/**
 * A draft's own notes on one of its labs (Markdown, Korean and English): written to the files its
 * {@code unit.yaml} names, or, for a lab without notes yet, to {@code labs/<lab>.ko.md} and
 * {@code labs/<lab>.en.md}, which the lab's entry in {@code unit.yaml} then names.
 */
@Service
class LabNotes {

    private final UnitCatalog catalog;

    LabNotes(UnitCatalog catalog) {
        this.catalog = catalog;
    }

    void put(String school, String unit, int version, String lab, Text given) {
        Text notes = new Text(given.ko() == null ? "" : given.ko(), given.en() == null ? "" : given.en());
        UnitContent c = catalog.version(school, unit, version, true);
        LabUse use = c.unit().labs().stream().filter(l -> l.lab().equals(lab)).findFirst()
                .orElseThrow(() -> ApiProblem.notFound("version " + version + " of " + unit + " has no lab '" + lab + "'",
                        unit + " 단원의 " + version + "판에는 '" + lab + "' 실습이 없습니다"));
        String ko = relative(c, use.notesKo());
        String en = relative(c, use.notesEn());
        if (ko != null && en != null) {
            catalog.putFile(school, unit, version, ko, notes.ko());
            catalog.putFile(school, unit, version, en, notes.en());
            return;
        }
        if (use.notesKo() != null || use.notesEn() != null) {
            throw ApiProblem.badRequest("lab-notes-incomplete", "the notes of lab " + lab
                    + " in unit.yaml name only one file; name both (ko and en) in the file editor",
                    "unit.yaml에서 " + lab + " 실습 안내 파일이 하나만 적혀 있습니다. 파일 편집기에서 ko와 en을 모두 적으세요");
        }
        String unitYaml = c.files().getOrDefault(UnitFiles.key("unit.yaml"), "");
        ko = "labs/" + lab + ".ko.md";
        en = "labs/" + lab + ".en.md";
        String named = withNotes(unitYaml, lab, ko, en);
        catalog.putFile(school, unit, version, ko, notes.ko());
        catalog.putFile(school, unit, version, en, notes.en());
        catalog.putFile(school, unit, version, "unit.yaml", named);
    }

    private static @Nullable String relative(UnitContent c, @Nullable Path file) {
        if (file == null) {
            return null;
        }
        String rel = c.unit().folder().relativize(file).toString().replace('\\', '/');
        return rel.isEmpty() ? null : rel;
    }

    /** {@code unit.yaml} with a {@code notes:} line added to the entry {@code - lab: <lab>}. */
    static String withNotes(String unitYaml, String lab, String ko, String en) {
        Matcher m = Pattern.compile("(?m)^( *)- lab: *['\"]?" + Pattern.quote(lab) + "['\"]? *(#.*)?$").matcher(unitYaml);
        if (!m.find()) {
            throw ApiProblem.badRequest("lab-entry-not-found", "unit.yaml has no line '- lab: " + lab
                    + "' to add the notes to; add 'notes: {ko: " + ko + ", en: " + en + "}' in the file editor",
                    "unit.yaml에 '- lab: " + lab + "' 줄이 없어 안내를 붙일 수 없습니다. 파일 편집기에서 'notes: {ko: " + ko
                            + ", en: " + en + "}'를 넣으세요");
        }
        String line = "\n" + " ".repeat(m.group(1).length() + 2) + "notes: {ko: " + ko + ", en: " + en + "}";
        return unitYaml.substring(0, m.end()) + line + unitYaml.substring(m.end());
    }
}
