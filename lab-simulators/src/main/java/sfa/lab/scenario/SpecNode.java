package sfa.lab.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * A node of a YAML lab spec with its place in the file. Reading a value that is missing or of the
 * wrong kind adds a {@link Problem} naming the line and the key, and returns a harmless default, so
 * one pass reports every problem of a file. Used for lab specs here and for course units, quizzes and
 * school files in {@code courseware}.
 */
public final class SpecNode {

    private final Node node;
    private final String file;
    private final List<Problem> problems;

    private SpecNode(Node node, String file, List<Problem> problems) {
        this.node = node;
        this.file = file;
        this.problems = problems;
    }

    /** Lists and maps inside one another at most this deep; course files and lab specs use fewer than ten levels. */
    public static final int MAX_DEPTH = 64;

    /** At most this many aliases ({@code *name}) of lists or maps in a file; shipped files use none. */
    public static final int MAX_COLLECTION_ALIASES = 50;

    /** At most this many values (scalars, lists, maps) in a file, each alias counted as all it names. */
    public static final int MAX_VALUES = 200_000;

    /** At most this many characters in a file (the backend keeps a unit's file to 200,000). */
    public static final int MAX_CHARS = 1_000_000;

    /**
     * The document's root, or null (with a problem) when the text is not YAML or is past a limit above:
     * too long, nested too deep, or with aliases that stand for too much. Every problem names the line.
     */
    public static @Nullable SpecNode parse(String text, String file, List<Problem> problems) {
        if (text.length() > MAX_CHARS) {
            problems.add(new Problem(file, 1, 1, "the file has " + text.length() + " characters; a YAML file holds at most "
                    + MAX_CHARS, "파일이 " + text.length() + "자입니다. YAML 파일은 " + MAX_CHARS + "자까지입니다"));
            return null;
        }
        // the engine's own limits back up ours (which come first and name the line)
        LoadSettings settings = LoadSettings.builder().setLabel(file).setCodePointLimit(MAX_CHARS)
                .setMaxAliasesForCollections(MAX_COLLECTION_ALIASES).setAllowRecursiveKeys(false).build();
        try {
            Optional<Node> root = new Composer(settings, new BoundedEvents(new ParserImpl(settings,
                    new StreamReader(settings, text)))).getSingleNode();
            if (root.isEmpty()) {
                problems.add(new Problem(file, 1, 1, "the file is empty", "파일이 비어 있습니다"));
                return null;
            }
            return new SpecNode(root.get(), file, problems);
        } catch (BoundedEvents.Exceeded e) {
            Mark m = e.mark.orElse(null);
            problems.add(new Problem(file, m == null ? 0 : m.getLine() + 1, m == null ? 0 : m.getColumn() + 1, e.en, e.ko));
            return null;
        } catch (MarkedYamlEngineException e) {
            Mark m = e.getProblemMark().orElse(null);
            problems.add(new Problem(file, m == null ? 0 : m.getLine() + 1, m == null ? 0 : m.getColumn() + 1,
                    "not valid YAML: " + e.getProblem(), "YAML 형식이 아닙니다: " + e.getProblem()));
            return null;
        } catch (YamlEngineException e) {
            problems.add(new Problem(file, 0, 0, "not valid YAML: " + e.getMessage(), "YAML 형식이 아닙니다: " + e.getMessage()));
            return null;
        }
    }

    public String file() {
        return file;
    }

    public int line() {
        return node.getStartMark().map(m -> m.getLine() + 1).orElse(0);
    }

    public int column() {
        return node.getStartMark().map(m -> m.getColumn() + 1).orElse(0);
    }

    public void problem(String en, String ko) {
        problems.add(new Problem(file, line(), column(), en, ko));
    }

    public List<Problem> problems() {
        return problems;
    }

    public boolean isMap() {
        return node instanceof MappingNode;
    }

    public boolean isList() {
        return node instanceof SequenceNode;
    }

    public boolean isScalar() {
        return node instanceof ScalarNode;
    }

    /** Whether the scalar was written in quotes (its text then starts one column later). */
    public boolean quoted() {
        return node instanceof ScalarNode s && s.getScalarStyle() != org.snakeyaml.engine.v2.common.ScalarStyle.PLAIN;
    }

    /** The scalar's text (the empty string for a map or list, with a problem). */
    public String text() {
        if (node instanceof ScalarNode s) {
            return s.getValue();
        }
        problem("expected a single value here", "여기에는 값 하나가 와야 합니다");
        return "";
    }

    /** The entries of a map, in file order (empty, with a problem, for anything else). */
    public Map<String, SpecNode> entries() {
        Map<String, SpecNode> out = new LinkedHashMap<>();
        if (!(node instanceof MappingNode m)) {
            problem("expected 'key: value' entries here", "여기에는 '키: 값' 항목이 와야 합니다");
            return out;
        }
        for (NodeTuple t : m.getValue()) {
            SpecNode key = new SpecNode(t.getKeyNode(), file, problems);
            String k = key.text();
            if (out.containsKey(k)) {
                key.problem("'" + k + "' is given twice", "'" + k + "'이(가) 두 번 있습니다");
            }
            out.put(k, new SpecNode(t.getValueNode(), file, problems));
        }
        return out;
    }

    /** The items of a list (empty, with a problem, for anything else). */
    public List<SpecNode> items() {
        List<SpecNode> out = new ArrayList<>();
        if (!(node instanceof SequenceNode s)) {
            problem("expected a list ('- item' lines) here", "여기에는 목록('- 항목' 줄)이 와야 합니다");
            return out;
        }
        for (Node n : s.getValue()) {
            out.add(new SpecNode(n, file, problems));
        }
        return out;
    }

    /** A value of this map, or null (with a problem naming the key) when it is missing. */
    public @Nullable SpecNode required(String key) {
        SpecNode v = entries().get(key);
        if (v == null) {
            problem("missing '" + key + "'", "'" + key + "' 항목이 없습니다");
        }
        return v;
    }

    public @Nullable SpecNode optional(String key) {
        return node instanceof MappingNode ? entries().get(key) : null;
    }

    public String string(String key) {
        SpecNode v = required(key);
        return v == null ? "" : v.text();
    }

    public String string(String key, String fallback) {
        SpecNode v = optional(key);
        return v == null ? fallback : v.text();
    }

    public double number(String key, double min, double max) {
        SpecNode v = required(key);
        return v == null ? min : v.asNumber(key, min, max);
    }

    public double number(String key, double fallback, double min, double max) {
        SpecNode v = optional(key);
        return v == null ? fallback : v.asNumber(key, min, max);
    }

    public double asNumber(String what, double min, double max) {
        String t = text();
        try {
            double d = Double.parseDouble(t);
            if (d < min || d > max) {
                problem("'" + what + "' must be between " + plain(min) + " and " + plain(max) + ", not " + t,
                        "'" + what + "'은(는) " + plain(min) + "에서 " + plain(max) + " 사이여야 합니다 (지금 " + t + ")");
            }
            return d;
        } catch (NumberFormatException e) {
            problem("'" + what + "' must be a number, not '" + t + "'", "'" + what + "'은(는) 숫자여야 합니다 (지금 '" + t + "')");
            return min;
        }
    }

    private static String plain(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d) : String.valueOf(d);
    }

    /** Checks that a map has only the keys it may have; every other key is a problem (a typo, usually). */
    public void allowOnly(String what, String... keys) {
        if (!(node instanceof MappingNode m)) {
            return;
        }
        List<String> allowed = List.of(keys);
        for (NodeTuple t : m.getValue()) {
            SpecNode key = new SpecNode(t.getKeyNode(), file, problems);
            if (key.isScalar() && !allowed.contains(((ScalarNode) t.getKeyNode()).getValue())) {
                String k = ((ScalarNode) t.getKeyNode()).getValue();
                key.problem("unknown key '" + k + "' in " + what + "; it takes " + String.join(", ", allowed),
                        what + "에 알 수 없는 항목 '" + k + "'; 쓸 수 있는 항목: " + String.join(", ", allowed));
            }
        }
    }

    /** Korean and English text given as {@code {ko: …, en: …}}. */
    public String[] bilingual(String key) {
        SpecNode v = required(key);
        if (v == null) {
            return new String[] {"", ""};
        }
        v.allowOnly(key, "ko", "en");
        return new String[] {v.string("ko").strip(), v.string("en").strip()};
    }
}
