package sfa.backend.content;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import sfa.courseware.Courseware;
import sfa.courseware.Unit;
import sfa.courseware.school.School;
import sfa.lab.scenario.Catalog;
import sfa.lab.scenario.Problem;

/**
 * The content shipped with this checkout: the lab catalogue, the course units of {@code courseware/}
 * and the schools of {@code schools/}, loaded and validated once at start. A problem in any file stops
 * the start with the file and line, so a broken edit never reaches students.
 */
@Component
public class Content {

    private final Path root;
    private final Catalog labs;
    private final Map<String, Unit> units;
    private final List<School> schools;

    public Content(@Value("${sfa.content-dir:}") String contentDir) {
        this.root = contentDir.isBlank() ? findRoot(Path.of("").toAbsolutePath()) : Path.of(contentDir).toAbsolutePath();
        this.labs = Catalog.standard();
        Courseware.Result r = Courseware.load(root, labs);
        if (!r.ok()) {
            StringBuilder b = new StringBuilder("the course content under " + root + " has problems:");
            for (Problem p : r.problems()) {
                b.append("\n  ").append(p.format());
            }
            throw new IllegalStateException(b.toString());
        }
        this.units = r.units();
        this.schools = r.schools();
    }

    /** The checkout's root: the nearest folder at or above {@code from} with {@code courseware/units}. */
    static Path findRoot(Path from) {
        for (Path p = from; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("courseware").resolve("units"))) {
                return p;
            }
        }
        throw new IllegalStateException("no courseware/units folder at or above " + from
                + "; start the platform from its checkout or set sfa.content-dir (SFA_CONTENT_DIR)");
    }

    public Path root() {
        return root;
    }

    public Catalog labs() {
        return labs;
    }

    public Map<String, Unit> units() {
        return units;
    }

    public Optional<Unit> unit(String id) {
        return Optional.ofNullable(units.get(id));
    }

    public List<School> schools() {
        return schools;
    }

    public Optional<School> school(String id) {
        return schools.stream().filter(s -> s.id().equals(id)).findFirst();
    }
}
