package sfa.courseware;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import sfa.courseware.quiz.Quiz;
import sfa.courseware.quiz.QuizLoader;
import sfa.courseware.school.School;
import sfa.courseware.school.SchoolLoader;
import sfa.lab.scenario.Catalog;
import sfa.lab.scenario.LabSpec;
import sfa.lab.scenario.Problem;
import sfa.lab.scenario.SpecLab;
import sfa.lab.scenario.SpecNode;

/**
 * All course content of a checkout: the units under {@code courseware/units/} and the schools under
 * {@code schools/}, loaded and checked together. Every problem of every file is reported at once, with
 * its file and line, in English and Korean; nothing with a problem is trusted.
 */
public final class Courseware {

    /** What loading found: the units and schools, and every problem. */
    public record Result(Map<String, Unit> units, List<School> schools, List<Problem> problems) {

        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Pattern LINK = Pattern.compile("\\[[^\\]]*\\]\\(([^)\\s]+)\\)");

    private final Path root;
    private final Catalog labs;
    private final List<Problem> problems = new ArrayList<>();

    private Courseware(Path root, Catalog labs) {
        this.root = root;
        this.labs = labs;
    }

    /**
     * Loads {@code <root>/courseware/units/*} and {@code <root>/schools/*}, checking them against the lab
     * catalogue.
     */
    public static Result load(Path root, Catalog labs) {
        return new Courseware(root, labs).run();
    }

    /**
     * Loads one unit folder on its own (a teacher's draft), with the same checks as {@link #load}; file
     * names in problems are relative to the folder ({@code unit.yaml}, {@code lessons/01-x.ko.md}).
     *
     * @param otherUnits the ids a prerequisite or a {@code unit:} link may name
     */
    public static Result loadUnit(Path dir, Set<String> otherUnits, Catalog labs) {
        return new Courseware(dir, labs).runOne(dir, otherUnits);
    }

    private Result runOne(Path dir, Set<String> otherUnits) {
        SpecNode node = parse(dir.resolve("unit.yaml"));
        Map<String, Unit> units = new TreeMap<>();
        if (node != null) {
            Unit u = unit(node, dir);
            if (u != null) {
                Set<String> known = new HashSet<>(otherUnits);
                known.add(u.id());
                check(u, node, known);
                units.put(u.id(), u);
            }
        }
        return new Result(units, List.of(), List.copyOf(problems));
    }

    private void check(Unit u, SpecNode node, Set<String> unitIds) {
        SpecNode pre = node.optional("prerequisites");
        for (String p : u.prerequisites()) {
            if (!unitIds.contains(p)) {
                (pre == null ? node : pre).problem("unknown unit id '" + p + "' in prerequisites",
                        "선수 단원에 알 수 없는 단원 id '" + p + "'이(가) 있습니다");
            }
        }
        for (Lesson l : u.lessons()) {
            links(l.ko(), u, unitIds);
            links(l.en(), u, unitIds);
        }
    }

    private Result run() {
        Map<String, Unit> units = new TreeMap<>();
        Map<String, SpecNode> unitNodes = new HashMap<>();
        Path unitsDir = root.resolve("courseware").resolve("units");
        for (Path dir : folders(unitsDir)) {
            Path file = dir.resolve("unit.yaml");
            SpecNode node = parse(file);
            if (node == null) {
                continue;
            }
            Unit u = unit(node, dir);
            if (u != null) {
                units.put(u.id(), u);
                unitNodes.put(u.id(), node);
            }
        }
        for (Unit u : units.values()) {
            check(u, unitNodes.get(u.id()), units.keySet());
        }
        List<School> schools = new ArrayList<>();
        for (Path dir : folders(root.resolve("schools"))) {
            Path file = dir.resolve("school.yaml");
            if (!Files.exists(file)) {
                continue;
            }
            SpecNode node = parse(file);
            if (node != null) {
                School s = SchoolLoader.load(node, dir.getFileName().toString(), units);
                if (s != null) {
                    schools.add(s);
                }
            }
        }
        return new Result(units, schools, List.copyOf(problems));
    }

    private List<Path> folders(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            problems.add(new Problem(dir.toString(), 0, 0, "cannot read the folder: " + e.getMessage(),
                    "폴더를 읽을 수 없습니다: " + e.getMessage()));
            return List.of();
        }
    }

    private String name(Path file) {
        return root.relativize(file).toString();
    }

    private @Nullable SpecNode parse(Path file) {
        if (!Files.exists(file)) {
            problems.add(new Problem(name(file), 0, 0, "missing file", "파일이 없습니다"));
            return null;
        }
        try {
            return SpecNode.parse(Files.readString(file, StandardCharsets.UTF_8), name(file), problems);
        } catch (IOException e) {
            problems.add(new Problem(name(file), 0, 0, "cannot read: " + e.getMessage(), "읽을 수 없습니다: " + e.getMessage()));
            return null;
        }
    }


    private @Nullable Unit unit(SpecNode n, Path dir) {
        n.allowOnly("a unit", "id", "version", "title", "summary", "track", "grades", "hours", "ncs", "competency",
                "prerequisites", "lessons", "quiz", "labs");
        String id = n.string("id");
        if (!id.equals(dir.getFileName().toString())) {
            n.problem("the unit id '" + id + "' must be its folder's name '" + dir.getFileName() + "'",
                    "단원 id '" + id + "'은(는) 폴더 이름 '" + dir.getFileName() + "'과 같아야 합니다");
        } else if (!ID.matcher(id).matches()) {
            n.problem("a unit id is lower-case letters, digits and '-', not '" + id + "'",
                    "단원 id는 영문 소문자, 숫자, '-'로 씁니다 (지금 '" + id + "')");
        }
        int version = (int) n.number("version", 1, 10_000);
        Track track = null;
        String t = n.string("track");
        for (Track k : Track.values()) {
            if (k.name().toLowerCase(java.util.Locale.ROOT).equals(t)) {
                track = k;
            }
        }
        if (track == null) {
            n.problem("unknown track '" + t + "'; use operations, sensors, control or ai",
                    "알 수 없는 트랙 '" + t + "': operations, sensors, control, ai 중 하나입니다");
            track = Track.CONTROL;
        }
        List<Integer> grades = new ArrayList<>();
        SpecNode g = n.required("grades");
        if (g != null) {
            for (SpecNode x : g.items()) {
                grades.add((int) x.asNumber("grades", 1, 3));
            }
        }
        int hours = (int) n.number("hours", 1, 200);
        List<String> ncs = strings(n.optional("ncs"));
        SpecNode ncsNode = n.optional("ncs");
        for (String code : ncs) {
            if (!code.matches("\\d{10}_\\d{2}v\\d+")) {
                (ncsNode == null ? n : ncsNode).problem("'" + code + "' is not an NCS competency unit code (ten digits and a version, e.g. 0101010101_17v2)",
                        "'" + code + "'은(는) NCS 능력단위 코드 형식이 아닙니다 (예: 0101010101_17v2)");
            }
        }
        List<Lesson> lessons = new ArrayList<>();
        SpecNode ls = n.required("lessons");
        Set<String> lessonIds = new HashSet<>();
        if (ls != null) {
            for (SpecNode l : ls.items()) {
                l.allowOnly("a lesson", "id", "title", "ko", "en");
                String lid = l.string("id");
                if (!lessonIds.add(lid)) {
                    l.problem("lesson id '" + lid + "' is used twice", "수업 id '" + lid + "'이(가) 두 번 쓰였습니다");
                }
                Path ko = fileOf(dir, l, "ko", "the lesson file", "수업 파일");
                Path en = fileOf(dir, l, "en", "the lesson file", "수업 파일");
                lessons.add(new Lesson(lid, Text.of(l, "title"), ko, en));
            }
            if (lessons.isEmpty()) {
                ls.problem("a unit needs at least one lesson", "단원에는 수업이 하나 이상 있어야 합니다");
            }
        }
        Quiz quiz = null;
        String quizFile = n.string("quiz", "");
        if (!quizFile.isEmpty()) {
            Path quizPath = inside(dir, quizFile);
            SpecNode q = null;
            if (quizPath == null) {
                SpecNode at = n.optional("quiz");
                (at == null ? n : at).problem(outside("the quiz file", quizFile), outsideKo("퀴즈 파일", quizFile));
            } else {
                q = parse(quizPath);
            }
            if (q != null) {
                quiz = QuizLoader.load(q);
            }
        }
        List<LabUse> labUses = new ArrayList<>();
        SpecNode lb = n.optional("labs");
        if (lb != null) {
            for (SpecNode l : lb.items()) {
                l.allowOnly("a lab", "lab", "focus", "notes");
                String labId = l.string("lab");
                List<String> focus = strings(l.optional("focus"));
                SpecLab lab = labs.find(labId).orElse(null);
                if (lab == null) {
                    l.problem("unknown lab '" + labId + "'; the catalogue has "
                            + String.join(", ", labs.labs().stream().map(SpecLab::id).toList()),
                            "알 수 없는 실습 '" + labId + "'");
                } else {
                    Set<String> io = new HashSet<>();
                    for (LabSpec.Io p : lab.spec().io()) {
                        io.add(p.name());
                    }
                    for (String f : focus) {
                        if (!io.contains(f)) {
                            SpecNode at = l.optional("focus");
                            (at == null ? l : at).problem("lab " + labId + " has no I/O named '" + f + "'; it has "
                                    + String.join(", ", new java.util.TreeSet<>(io)),
                                    "실습 " + labId + "에는 '" + f + "'이라는 입출력이 없습니다");
                        }
                    }
                }
                Path notesKo = null;
                Path notesEn = null;
                SpecNode notes = l.optional("notes");
                if (notes != null) {
                    notes.allowOnly("a lab's notes", "ko", "en");
                    for (String key : new String[] {"ko", "en"}) {
                        Path p = fileOf(dir, notes, key, "the lab notes file", "실습 안내 파일");
                        if (key.equals("ko")) {
                            notesKo = p;
                        } else {
                            notesEn = p;
                        }
                    }
                }
                labUses.add(new LabUse(labId, focus, notesKo, notesEn));
            }
        }
        return new Unit(id, version, Text.of(n, "title"), Text.of(n, "summary"), track, grades, hours, ncs,
                Text.of(n, "competency"), strings(n.optional("prerequisites")), lessons, quiz, labUses, dir);
    }

    /**
     * The file that {@code key} of {@code n} names in the unit folder; a name that does not exist, or that is
     * no file of the folder (an absolute path, a way out with {@code ..}, a NUL), is a problem of its line,
     * and then the folder itself stands for it (never a regular file, so nothing reads it).
     */
    private static Path fileOf(Path dir, SpecNode n, String key, String what, String whatKo) {
        String file = n.string(key);
        Path p = inside(dir, file);
        SpecNode at = n.optional(key);
        if (p == null) {
            (at == null ? n : at).problem(outside(what, file), outsideKo(whatKo, file));
            return dir;
        }
        if (!file.isEmpty() && !Files.isRegularFile(p)) {
            (at == null ? n : at).problem(what + " " + file + " does not exist", whatKo + " " + file + "이(가) 없습니다");
        }
        return p;
    }

    /** {@code file} resolved in {@code dir}, or null when it is not a name of a file under {@code dir}. */
    private static @Nullable Path inside(Path dir, String file) {
        try {
            Path p = dir.resolve(file).normalize();
            return p.startsWith(dir.normalize()) ? p : null;
        } catch (InvalidPathException e) {
            return null;
        }
    }

    private static String outside(String what, String file) {
        return what + " " + file + " is not a file of the unit's folder: name it relative to unit.yaml, without '..'";
    }

    private static String outsideKo(String whatKo, String file) {
        return whatKo + " " + file + "은(는) 단원 폴더의 파일이 아닙니다: unit.yaml 기준 상대 경로로, '..' 없이 쓰세요";
    }

    private static List<String> strings(@Nullable SpecNode n) {
        List<String> out = new ArrayList<>();
        if (n != null) {
            if (n.isList()) {
                n.items().forEach(i -> out.add(i.text()));
            } else {
                n.problem("expected a list here, e.g. [a, b]", "여기에는 [a, b] 같은 목록이 와야 합니다");
            }
        }
        return out;
    }

    /** Every Markdown link of a lesson must lead somewhere: a file of the unit, {@code unit:<id>}, {@code lab:<id>} or a web address. */
    private void links(Path lesson, Unit unit, Set<String> unitIds) {
        if (!Files.isRegularFile(lesson)) {
            return;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(lesson, StandardCharsets.UTF_8);
        } catch (IOException e) {
            problems.add(new Problem(name(lesson), 0, 0, "cannot read: " + e.getMessage(), "읽을 수 없습니다: " + e.getMessage()));
            return;
        }
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = LINK.matcher(lines.get(i));
            while (m.find()) {
                String target = m.group(1);
                String broken = null;
                if (target.startsWith("unit:")) {
                    if (!unitIds.contains(target.substring(5))) {
                        broken = "no unit '" + target.substring(5) + "'";
                    }
                } else if (target.startsWith("lab:")) {
                    if (labs.find(target.substring(4)).isEmpty()) {
                        broken = "no lab '" + target.substring(4) + "' in the catalogue";
                    }
                } else if (!target.startsWith("http://") && !target.startsWith("https://") && !target.startsWith("#")) {
                    String path = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
                    Path file;
                    try {
                        file = lesson.getParent().resolve(path).normalize();
                    } catch (InvalidPathException e) {
                        file = null;
                    }
                    if (file == null || !Files.isRegularFile(file)) {
                        broken = "no file " + path + " beside the lesson";
                    }
                }
                if (broken != null) {
                    problems.add(new Problem(name(lesson), i + 1, m.start() + 1, "broken link (" + target + "): " + broken,
                            "깨진 링크 (" + target + "): " + broken));
                }
            }
        }
    }
}
