package sfa.backend.catalog;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import sfa.backend.content.Content;
import sfa.backend.security.Caller;
import sfa.backend.web.ApiProblem;
import sfa.courseware.Courseware;
import sfa.courseware.Unit;
import sfa.lab.scenario.Problem;

/**
 * The units a school can teach, in versions. Version 1 of each unit is the shipped courseware; a
 * teacher makes a draft of the next version, edits its files, validates it with the courseware's own
 * checks and publishes it. A published version never changes, so a student who started one keeps it.
 */
@Service
public class UnitCatalog {

    private final Content content;
    private final MongoTemplate mongo;
    private final Map<String, UnitContent> published = new ConcurrentHashMap<>();
    private final Map<String, UnitView> views = new ConcurrentHashMap<>();

    /**
     * The newest published version of each unit, as looked up lately: every student who opens a unit asks
     * for it. This node forgets it when it publishes; other nodes of a cluster see a new version within
     * {@link #NEWEST_FOR_NANOS}.
     */
    private final Map<String, Newest> newest = new ConcurrentHashMap<>();
    private static final long NEWEST_FOR_NANOS = 10_000_000_000L;

    private record Newest(UnitContent content, long at) {
    }
    private final Map<String, Map<String, String>> shippedFiles = new ConcurrentHashMap<>();
    private final Path scratch;

    UnitCatalog(Content content, MongoTemplate mongo) throws IOException {
        this.content = content;
        this.mongo = mongo;
        this.scratch = Files.createTempDirectory("sfa-units");
    }

    @PreDestroy
    void removeScratch() throws IOException {
        try (Stream<Path> walk = Files.walk(scratch)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    public record VersionInfo(int version, UnitVersion.Status status, boolean shipped, String createdBy,
            Instant createdAt, Instant publishedAt) {
    }

    /** A version as a student sees it, with its labs' catalogue texts. */
    public UnitView view(UnitContent c) {
        if (c.status() != UnitVersion.Status.PUBLISHED) {
            return UnitView.of(c, content.labs());
        }
        // a published version never changes, nor does its view
        return views.computeIfAbsent(c.school() + "/" + c.unit().id() + "/" + c.version(), k -> UnitView.of(c, content.labs()));
    }

    /** The unit ids of the catalogue. */
    public List<String> unitIds() {
        return List.copyOf(content.units().keySet());
    }

    /** The newest published version of a unit for a school: what a student who starts it now gets. */
    public UnitContent latest(String school, String unit) {
        String key = school + "/" + unit;
        Newest known = newest.get(key);
        long now = System.nanoTime();
        if (known != null && now - known.at() < NEWEST_FOR_NANOS) {
            return known.content();
        }
        UnitContent c = findLatest(school, unit);
        newest.put(key, new Newest(c, now));
        return c;
    }

    private UnitContent findLatest(String school, String unit) {
        Unit shipped = shipped(unit);
        UnitVersion v = mongo.findOne(Query.query(where("school").is(school).and("unit").is(unit)
                .and("status").is(UnitVersion.Status.PUBLISHED)).with(Sort.by(Sort.Direction.DESC, "version")).limit(1),
                UnitVersion.class);
        return v == null ? shippedContent(school, shipped) : content(v);
    }

    /** A published version (for students) or any version (for teachers, {@code drafts} true). */
    public UnitContent version(String school, String unit, int version, boolean drafts) {
        Unit shipped = shipped(unit);
        if (version == shipped.version()) {
            return shippedContent(school, shipped);
        }
        UnitVersion v = mongo.findById(UnitVersion.id(school, unit, version), UnitVersion.class);
        if (v == null || v.status() == UnitVersion.Status.DRAFT && !drafts) {
            throw noVersion(unit, version);
        }
        return content(v);
    }

    public List<VersionInfo> versions(String school, String unit) {
        Unit shipped = shipped(unit);
        List<VersionInfo> out = new ArrayList<>();
        out.add(new VersionInfo(shipped.version(), UnitVersion.Status.PUBLISHED, true, "courseware", null, null));
        for (UnitVersion v : mongo.find(Query.query(where("school").is(school).and("unit").is(unit))
                .with(Sort.by("version")), UnitVersion.class)) {
            out.add(new VersionInfo(v.version(), v.status(), false, v.createdBy(), v.createdAt(), v.publishedAt()));
        }
        return out;
    }

    /**
     * A draft of the next version, copied from the newest published one. One draft at a time per unit
     * and school: a second request gets a conflict naming the open draft.
     */
    public UnitVersion createDraft(String school, String unit, Caller caller) {
        UnitVersion open = mongo.findOne(Query.query(where("school").is(school).and("unit").is(unit)
                .and("status").is(UnitVersion.Status.DRAFT)), UnitVersion.class);
        if (open != null) {
            throw draftOpen(unit, open.version());
        }
        int newest = versions(school, unit).stream().mapToInt(VersionInfo::version).max().orElse(1);
        UnitContent base = latest(school, unit);
        Map<String, String> files = new java.util.TreeMap<>(base.files());
        String yaml = UnitFiles.key("unit.yaml");
        files.put(yaml, UnitFiles.withVersion(files.getOrDefault(yaml, ""), newest + 1));
        UnitVersion draft = new UnitVersion(UnitVersion.id(school, unit, newest + 1), school, unit, newest + 1,
                UnitVersion.Status.DRAFT, files, caller.username(), Instant.now(), null);
        try {
            return mongo.insert(draft);
        } catch (DuplicateKeyException e) {
            throw draftOpen(unit, newest + 1);
        }
    }

    /**
     * The files of a version by path, as stored: they are not loaded, so a draft whose files do not load
     * (a unit.yaml that is not YAML, say) still gives them to the editor that fixes them.
     */
    public Map<String, String> files(String school, String unit, int version) {
        Unit shipped = shipped(unit);
        Map<String, String> stored;
        if (version == shipped.version()) {
            stored = shippedContent(school, shipped).files();
        } else {
            UnitVersion v = mongo.findById(UnitVersion.id(school, unit, version), UnitVersion.class);
            if (v == null) {
                throw noVersion(unit, version);
            }
            stored = v.files();
        }
        Map<String, String> out = new java.util.TreeMap<>();
        stored.forEach((k, v) -> out.put(UnitFiles.path(k), v));
        return out;
    }

    /** Sets one file of a draft (one atomic update, refused once the version is published). */
    public void putFile(String school, String unit, int version, String path, String text) {
        UnitFiles.checkPath(path);
        UnitFiles.checkText(path, text);
        Map<String, String> files = draft(school, unit, version).files();
        if (!files.containsKey(UnitFiles.key(path)) && files.size() >= UnitFiles.MAX_FILES) {
            throw ApiProblem.badRequest("too-many-files", "a unit holds at most " + UnitFiles.MAX_FILES + " files",
                    "단원에는 파일을 " + UnitFiles.MAX_FILES + "개까지 둘 수 있습니다");
        }
        if (path.equals("unit.yaml")) {
            text = UnitFiles.withVersion(text, version);
        }
        update(school, unit, version, new Update().set("files." + UnitFiles.key(path), text));
    }

    public void deleteFile(String school, String unit, int version, String path) {
        UnitFiles.checkPath(path);
        if (path.equals("unit.yaml")) {
            throw ApiProblem.badRequest("unit-yaml-needed", "a unit cannot lose its unit.yaml", "unit.yaml은 지울 수 없습니다");
        }
        draft(school, unit, version);
        update(school, unit, version, new Update().unset("files." + UnitFiles.key(path)));
    }

    /** The problems of a version, with the courseware validator's file:line:column. */
    public List<Problem> validate(String school, String unit, int version) {
        UnitVersion v = mongo.findById(UnitVersion.id(school, unit, version), UnitVersion.class);
        if (v == null) {
            shipped(unit);
            if (version == shipped(unit).version()) {
                return List.of();
            }
            throw noVersion(unit, version);
        }
        return parse(v).problems();
    }

    /** Publishes a draft that has no problem; from then on it never changes. */
    public UnitVersion publish(String school, String unit, int version, Caller caller) {
        List<Problem> problems = validate(school, unit, version);
        if (!problems.isEmpty()) {
            ApiProblem p = ApiProblem.badRequest("draft-has-problems", "the draft has " + problems.size()
                    + " problem(s); the first: " + problems.getFirst().format(), "초안에 문제가 " + problems.size()
                    + "개 있습니다. 첫 번째: " + problems.getFirst().file() + ":" + problems.getFirst().line() + " "
                    + problems.getFirst().ko());
            throw p;
        }
        UnitVersion done = mongo.findAndModify(draftQuery(school, unit, version),
                new Update().set("status", UnitVersion.Status.PUBLISHED).set("publishedAt", Instant.now()),
                FindAndModifyOptions.options().returnNew(true), UnitVersion.class);
        if (done == null) {
            throw notDraft(unit, version);
        }
        newest.remove(school + "/" + unit);
        return done;
    }

    private UnitVersion draft(String school, String unit, int version) {
        shipped(unit);
        UnitVersion v = mongo.findById(UnitVersion.id(school, unit, version), UnitVersion.class);
        if (v == null || !v.school().equals(school)) {
            throw noVersion(unit, version);
        }
        if (v.status() != UnitVersion.Status.DRAFT) {
            throw notDraft(unit, version);
        }
        return v;
    }

    private void update(String school, String unit, int version, Update u) {
        if (mongo.updateFirst(draftQuery(school, unit, version), u, UnitVersion.class).getMatchedCount() == 0) {
            throw notDraft(unit, version);
        }
    }

    private static Query draftQuery(String school, String unit, int version) {
        return Query.query(where("_id").is(UnitVersion.id(school, unit, version)).and("school").is(school)
                .and("status").is(UnitVersion.Status.DRAFT));
    }

    private Unit shipped(String unit) {
        return content.unit(unit).orElseThrow(() -> ApiProblem.notFound("there is no unit '" + unit + "'",
                "'" + unit + "' 단원이 없습니다"));
    }

    private UnitContent shippedContent(String school, Unit u) {
        Map<String, String> files = shippedFiles.computeIfAbsent(u.id(), id -> UnitFiles.read(u.folder()));
        return new UnitContent(school, u, u.version(), UnitVersion.Status.PUBLISHED, true, files);
    }

    private UnitContent content(UnitVersion v) {
        if (v.status() == UnitVersion.Status.PUBLISHED) {
            UnitContent c = published.get(v.id());
            if (c != null) {
                return c;
            }
        }
        Courseware.Result r = parse(v);
        Unit u = r.units().get(v.unit());
        if (u == null) {
            throw ApiProblem.conflict("version-broken", "version " + v.version() + " of " + v.unit() + " does not load: "
                    + (r.problems().isEmpty() ? "no unit.yaml" : r.problems().getFirst().format()),
                    v.unit() + " 단원의 " + v.version() + "판을 읽을 수 없습니다");
        }
        UnitContent c = new UnitContent(v.school(), u, v.version(), v.status(), false, v.files());
        if (v.status() == UnitVersion.Status.PUBLISHED) {
            published.put(v.id(), c);
        }
        return c;
    }

    private Courseware.Result parse(UnitVersion v) {
        Path dir;
        try {
            dir = Files.createTempDirectory(scratch, "v").resolve(v.unit());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        UnitFiles.write(v.files(), dir);
        java.util.Set<String> others = content.units().keySet();
        try {
            return Courseware.loadUnit(dir, others, content.labs());
        } finally {
            try (Stream<Path> walk = Files.walk(dir.getParent())) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            } catch (IOException ignored) {
                // scratch space; removed at shutdown anyway
            }
        }
    }

    private static ApiProblem noVersion(String unit, int version) {
        return ApiProblem.notFound("unit " + unit + " has no version " + version, unit + " 단원에 " + version + "판이 없습니다");
    }

    private static ApiProblem notDraft(String unit, int version) {
        return ApiProblem.conflict("draft-only", "version " + version + " of " + unit
                + " is published and never changes; make a new draft to edit it",
                unit + " 단원의 " + version + "판은 이미 게시되어 바뀌지 않습니다. 고치려면 새 초안을 만드세요");
    }

    private static ApiProblem draftOpen(String unit, int version) {
        return ApiProblem.conflict("draft-open", "unit " + unit + " already has a draft: version " + version,
                unit + " 단원에는 이미 초안(" + version + "판)이 있습니다");
    }
}
