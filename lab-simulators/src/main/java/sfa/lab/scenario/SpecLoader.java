package sfa.lab.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import org.jspecify.annotations.Nullable;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import sfa.lab.plant.Command;
import sfa.lab.plant.CommandScript;
import sfa.lab.plant.Labs;
import sfa.lab.plant.Plant;
import sfa.lab.plc.Address;
import sfa.lab.plc.ManualSource;

/**
 * Reads and validates a lab spec file. A spec with any problem is refused whole, with every problem
 * listed (file:line, what is wrong, in English and Korean); a valid one has been assembled once, its
 * test sequence scheduled and every signal its objectives name found in the plant's trace.
 */
public final class SpecLoader {

    /** The outcome: a spec, or the problems that refused it. */
    public record Result(LabSpec spec, List<Problem> problems) {

        public Result {
            problems = List.copyOf(problems);
        }

        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private SpecLoader() {
    }

    private static final String[] TOP = {"id", "version", "title", "instructions", "scan_ms", "panel", "equipment", "io",
            "sequence", "seeds", "objectives"};

    public static Result load(String text, String file) {
        List<Problem> problems = new ArrayList<>();
        SpecNode root = SpecNode.parse(text, file, problems);
        if (root == null) {
            return new Result(null, problems);
        }
        if (!root.isMap()) {
            root.problem("a lab spec is a map of 'key: value' entries", "실습 명세는 '키: 값' 항목들이어야 합니다");
            return new Result(null, problems);
        }
        root.allowOnly("the lab spec", TOP);
        String id = root.string("id");
        if (!id.isEmpty() && !id.matches("[a-z][a-z0-9-]*")) {
            root.required("id").problem("the id '" + id + "' must be lower case letters, digits and '-'",
                    "id '" + id + "'는 소문자, 숫자, '-'만 쓸 수 있습니다");
        }
        int version = (int) root.number("version", 1, 1, 1_000_000);
        String[] title = root.bilingual("title");
        String[] instructions = root.bilingual("instructions");
        int scan = (int) root.number("scan_ms", 10, 1, 100);
        String panel = root.string("panel", "standard");
        if (!panel.equals("standard") && !panel.equals("none")) {
            root.required("panel").problem("panel is 'standard' (pre-wired) or 'none' (a bare board), not '" + panel + "'",
                    "panel은 'standard'(배선됨) 또는 'none'(빈 보드)이어야 합니다 (지금 '" + panel + "')");
        }
        List<LabSpec.Part> parts = parts(root);
        if (panel.equals("standard")) {
            for (LabSpec.Part p : parts) {
                if (Set.of("PSU", "IN", "OUT").contains(p.name().toUpperCase(Locale.ROOT))) {
                    problems.add(new Problem(file, p.line(), p.column(), "the name " + p.name()
                            + " is the standard panel's (PSU supply, IN input module, OUT output module): choose another",
                            "이름 " + p.name() + "은(는) 표준 패널이 씁니다 (PSU 전원, IN 입력 모듈, OUT 출력 모듈): 다른 이름을 쓰세요"));
                }
            }
        }
        List<LabSpec.Io> io = io(root);
        SpecNode sequence = root.required("sequence");
        long millis = 0;
        List<Command> events = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        if (sequence != null) {
            sequence.allowOnly("sequence", "seconds", "events", "faults");
            millis = Math.round(sequence.number("seconds", 0.01, 86_400) * 1000);
            events(sequence, events, lines);
            faults(sequence, events, lines);
        }
        List<Long> seeds = seeds(root);
        List<ObjectiveSpec> objectives = objectives(root, seeds.size() > 1);
        LabSpec spec = new LabSpec(id, version, title[0], title[1], instructions[0], instructions[1], scan,
                panel.equals("standard"), parts, io, millis, events, lines, seeds, objectives, file);
        if (problems.isEmpty()) {
            check(spec, problems);
        }
        return problems.isEmpty() ? new Result(spec, problems) : new Result(null, problems);
    }

    private static List<LabSpec.Part> parts(SpecNode root) {
        List<LabSpec.Part> out = new ArrayList<>();
        SpecNode list = root.required("equipment");
        if (list == null) {
            return out;
        }
        Set<String> names = new LinkedHashSet<>();
        for (SpecNode item : list.items()) {
            Map<String, SpecNode> e = item.entries();
            String type = item.string("type");
            String name = item.string("name");
            List<String> allowed = SpecAssembly.TYPES.get(type);
            if (allowed == null) {
                if (!type.isEmpty()) {
                    item.required("type").problem("unknown equipment type '" + type + "'; the types are "
                            + String.join(", ", new java.util.TreeSet<>(SpecAssembly.TYPES.keySet())),
                            "알 수 없는 장비 종류 '" + type + "'; 쓸 수 있는 종류: "
                                    + String.join(", ", new java.util.TreeSet<>(SpecAssembly.TYPES.keySet())));
                }
                continue;
            }
            List<String> keys = new ArrayList<>(List.of("type", "name"));
            keys.addAll(allowed);
            item.allowOnly(type + " " + name, keys.toArray(String[]::new));
            if (!name.isEmpty() && !name.matches("[A-Za-z][A-Za-z0-9_]*")) {
                item.required("name").problem("the name '" + name + "' must be letters, digits and '_'",
                        "이름 '" + name + "'에는 영문자, 숫자, '_'만 쓸 수 있습니다");
            }
            // a part without a name is already a problem ('missing name'); only named parts can clash
            if (!name.isEmpty() && !names.add(name.toUpperCase(Locale.ROOT))) {
                item.required("name").problem("two parts are named " + name, name + " 이름이 두 번 쓰였습니다");
            }
            Map<String, LabSpec.Value> params = new LinkedHashMap<>();
            for (Map.Entry<String, SpecNode> p : e.entrySet()) {
                if (!p.getKey().equals("type") && !p.getKey().equals("name")) {
                    SpecNode v = p.getValue();
                    params.put(p.getKey(), new LabSpec.Value(v.isScalar() ? v.text() : "", v.line(), v.column()));
                }
            }
            out.add(new LabSpec.Part(type, name, params, item.line(), item.column()));
        }
        return out;
    }

    private static List<LabSpec.Io> io(SpecNode root) {
        List<LabSpec.Io> out = new ArrayList<>();
        SpecNode list = root.required("io");
        if (list == null) {
            return out;
        }
        for (SpecNode item : list.items()) {
            item.allowOnly("an I/O point", "address", "name", "device", "ko", "en", "scale");
            String address = item.string("address");
            try {
                Address.parse(address);
            } catch (IllegalArgumentException e) {
                if (!address.isEmpty()) {
                    item.required("address").problem(e.getMessage(), "'" + address + "'은(는) 입출력 주소가 아닙니다: %IX0.0, %QX0.0, %IW0, %QW0 형식으로 쓰세요");
                }
            }
            String name = item.string("name");
            out.add(new LabSpec.Io(address, name, item.string("device", name), item.string("ko"), item.string("en"),
                    scale(item, address), item.line(), item.column()));
        }
        return out;
    }

    /** {@code scale: {raw_min: 0, raw_max: 16000, min: 0, max: 1.0, unit: MTR}} on an analog point. */
    private static LabSpec.@Nullable Scale scale(SpecNode item, String address) {
        SpecNode s = item.optional("scale");
        if (s == null) {
            return null;
        }
        if (!address.startsWith("%IW") && !address.startsWith("%QW")) {
            s.problem("only analog points (%IW, %QW) have a scale", "아날로그 점(%IW, %QW)만 scale을 가질 수 있습니다");
            return null;
        }
        s.allowOnly("a scale", "raw_min", "raw_max", "min", "max", "unit");
        int rawMin = (int) s.number("raw_min", Short.MIN_VALUE, Short.MAX_VALUE);
        int rawMax = (int) s.number("raw_max", Short.MIN_VALUE, Short.MAX_VALUE);
        double min = s.number("min", -1e9, 1e9);
        double max = s.number("max", -1e9, 1e9);
        String code = s.string("unit");
        LabSpec.Unit unit = null;
        for (LabSpec.Unit u : LabSpec.Unit.values()) {
            if (u.name().equals(code)) {
                unit = u;
            }
        }
        if (unit == null) {
            SpecNode at = s.optional("unit");
            (at == null ? s : at).problem("unknown unit '" + code + "'; a scale takes "
                    + java.util.Arrays.toString(LabSpec.Unit.values()) + " (UNECE Rec. 20 codes)",
                    "'" + code + "'은(는) 알 수 없는 단위입니다");
            return null;
        }
        if (rawMin >= rawMax) {
            s.problem("raw_min must be less than raw_max", "raw_min은 raw_max보다 작아야 합니다");
            return null;
        }
        return new LabSpec.Scale(rawMin, rawMax, min, max, unit);
    }

    private static void events(SpecNode sequence, List<Command> into, List<Integer> lines) {
        SpecNode list = sequence.optional("events");
        if (list == null) {
            return;
        }
        for (SpecNode item : list.items()) {
            String text = item.text();
            try {
                List<Command> cs = text.contains("=") ? CommandScript.settings(text) : CommandScript.presses(text);
                into.addAll(cs);
                cs.forEach(c -> lines.add(item.line()));
            } catch (IllegalArgumentException e) {
                item.problem(e.getMessage(), "잘못된 조작 '" + text + "': NAME@초 또는 NAME@시작-끝, 값은 NAME=값@초로 쓰세요");
            }
        }
    }

    /** Scheduled faults: {@code {at: 12, until: 14, stuck_on: METAL}}, jam, broken_wire, noise. */
    private static void faults(SpecNode sequence, List<Command> into, List<Integer> lines) {
        SpecNode list = sequence.optional("faults");
        if (list == null) {
            return;
        }
        for (SpecNode item : list.items()) {
            item.allowOnly("a fault", "at", "until", "stuck_on", "stuck_off", "jam", "broken_wire", "noise", "amplitude_ma");
            long at = Math.round(item.number("at", 0, 86_400) * 1000);
            SpecNode untilNode = item.optional("until");
            long until = untilNode == null ? -1 : Math.round(untilNode.asNumber("until", 0, 86_400) * 1000);
            if (untilNode != null && until <= at) {
                untilNode.problem("'until' must come after 'at'", "'until'은 'at'보다 뒤여야 합니다");
            }
            Map<String, SpecNode> e = item.entries();
            if (e.containsKey("stuck_on") || e.containsKey("stuck_off")) {
                boolean on = e.containsKey("stuck_on");
                String target = item.string(on ? "stuck_on" : "stuck_off");
                into.add(new Command(at, target, Command.Action.STUCK, on ? 1 : 0));
                if (until >= 0) {
                    into.add(new Command(until, target, Command.Action.STUCK, -1));
                }
            } else if (e.containsKey("jam")) {
                into.add(new Command(at, item.string("jam"), Command.Action.JAM, 1));
                if (until >= 0) {
                    into.add(new Command(until, item.string("jam"), Command.Action.JAM, 0));
                }
            } else if (e.containsKey("broken_wire")) {
                into.add(new Command(at, item.string("broken_wire"), Command.Action.BREAK_WIRE, 1));
                if (until >= 0) {
                    into.add(new Command(until, item.string("broken_wire"), Command.Action.BREAK_WIRE, 0));
                }
            } else if (e.containsKey("noise")) {
                into.add(new Command(at, item.string("noise"), Command.Action.NOISE, item.number("amplitude_ma", 0.001, 16)));
                if (until >= 0) {
                    into.add(new Command(until, item.string("noise"), Command.Action.NOISE, 0));
                }
            } else {
                item.problem("a fault is one of stuck_on, stuck_off, jam, broken_wire or noise",
                        "고장은 stuck_on, stuck_off, jam, broken_wire, noise 중 하나여야 합니다");
            }
            while (lines.size() < into.size()) {
                lines.add(item.line());
            }
        }
    }

    private static List<Long> seeds(SpecNode root) {
        List<Long> out = new ArrayList<>();
        SpecNode list = root.optional("seeds");
        if (list == null) {
            out.add(1L);
            return out;
        }
        for (SpecNode item : list.items()) {
            out.add((long) item.asNumber("a seed", 0, 1e15));
        }
        if (out.isEmpty()) {
            list.problem("give at least one seed", "시드를 하나 이상 주세요");
        }
        return out;
    }

    private static List<ObjectiveSpec> objectives(SpecNode root, boolean manySeeds) {
        List<ObjectiveSpec> out = new ArrayList<>();
        SpecNode list = root.required("objectives");
        if (list == null) {
            return out;
        }
        Set<String> ids = new LinkedHashSet<>();
        for (SpecNode item : list.items()) {
            item.allowOnly("an objective", "id", "check", "ko", "en", "fail", "weight", "show");
            String id = item.string("id");
            if (!id.isEmpty() && !ids.add(id)) {
                item.required("id").problem("two objectives have the id '" + id + "'", "목표 id '" + id + "'가 두 번 쓰였습니다");
            }
            SpecNode check = item.required("check");
            List<Objective> checks = new ArrayList<>();
            List<String> texts = new ArrayList<>();
            boolean parsed = check != null;
            if (check != null) {
                for (SpecNode c : check.isList() ? check.items() : List.of(check)) {
                    Objective o = ObjectiveParser.parse(c.text(), root.file(), c.line(), c.column() + quoteOffset(c),
                            root.problems());
                    parsed &= o != null;
                    if (o != null) {
                        checks.add(o);
                        texts.add(c.text());
                    }
                }
            }
            String failKo = null;
            String failEn = null;
            if (item.optional("fail") != null) {
                String[] fail = item.bilingual("fail");
                failKo = fail[0];
                failEn = fail[1];
            }
            int weight = (int) item.number("weight", 1, 1, 100);
            SpecNode showNode = item.optional("show");
            Expr show = showNode == null ? null : ObjectiveParser.parseExpr(showNode.text(), root.file(), showNode.line(),
                    showNode.column() + quoteOffset(showNode), root.problems());
            if (parsed && !checks.isEmpty()) {
                out.add(new ObjectiveSpec(id, texts, checks, item.string("ko").strip(), item.string("en").strip(), failKo,
                        failEn, weight, manySeeds, show));
            }
        }
        if (out.isEmpty() && root.problems().isEmpty()) {
            list.problem("a lab needs at least one objective", "실습에는 목표가 하나 이상 있어야 합니다");
        }
        return out;
    }

    /** A quoted scalar's text starts one column after its mark. */
    private static int quoteOffset(SpecNode n) {
        return n.quoted() ? 1 : 0;
    }

    /** Assembles the lab once, schedules its sequence and looks up every signal the objectives name. */
    private static void check(LabSpec spec, List<Problem> problems) {
        SpecLab lab = new SpecLab(spec);
        List<Problem> assembly = new ArrayList<>();
        Plant plant;
        try {
            plant = Labs.create(new SpecLab(spec, assembly), spec.seeds().getFirst(), spec.scanMillis(), new ManualSource());
        } catch (RuntimeException e) {
            problems.addAll(assembly);
            if (assembly.isEmpty()) {
                problems.add(new Problem(spec.file(), 0, 0, "the lab cannot be assembled: " + e.getMessage(),
                        "실습 장비를 구성할 수 없습니다: " + e.getMessage()));
            }
            return;
        }
        if (!assembly.isEmpty()) {
            problems.addAll(assembly);
            return;
        }
        for (int i = 0; i < spec.events().size(); i++) {
            try {
                plant.schedule(spec.events().get(i));
            } catch (sfa.lab.wiring.WiringException e) {
                problems.add(new Problem(spec.file(), spec.eventLines().get(i), 1, "in the sequence: " + e.english(),
                        "조작 순서에 문제가 있습니다: " + e.korean()));
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(spec.file(), spec.eventLines().get(i), 1, "in the sequence: " + e.getMessage(),
                        "조작 순서에 문제가 있습니다: " + e.getMessage()));
            }
        }
        TraceTable trace = new TraceTable(2);
        plant.step(trace);
        for (ObjectiveSpec o : spec.objectives()) {
            for (Objective c : o.checks()) {
                signals(c, trace, spec.file(), o.id(), problems);
            }
            if (o.show() != null) {
                walk(o.show(), trace, spec.file(), o.id(), problems);
            }
        }
        if (lab.id().isEmpty()) {
            problems.add(new Problem(spec.file(), 1, 1, "the lab has no id", "실습에 id가 없습니다"));
        }
    }

    private static void signals(Objective o, TraceTable trace, String file, String id, List<Problem> problems) {
        List<Expr> exprs = new ArrayList<>();
        switch (o) {
            case Objective.Always a -> {
                exprs.add(a.condition());
                scope(a.scope(), exprs);
            }
            case Objective.After a -> {
                exprs.add(a.event());
                exprs.add(a.condition());
                scope(a.scope(), exprs);
            }
            case Objective.Whenever w -> {
                exprs.add(w.event());
                exprs.add(w.condition());
                scope(w.scope(), exprs);
            }
            case Objective.At a -> {
                exprs.add(a.condition());
                exprs.add(a.at());
            }
        }
        for (Expr e : exprs) {
            walk(e, trace, file, id, problems);
        }
    }

    private static void scope(Objective.Scope s, List<Expr> into) {
        if (s.from() != null) {
            into.add(s.from());
        }
        if (s.until() != null) {
            into.add(s.until());
        }
        if (s.during() != null) {
            into.add(s.during());
        }
    }

    private static void walk(Expr e, TraceTable trace, String file, String id, List<Problem> problems) {
        switch (e) {
            case Expr.Signal s -> {
                if (trace.column(s.name()) == null) {
                    List<String> close = closest(s.name(), trace.names());
                    String hint = close.isEmpty() ? "" : " — did you mean " + String.join(" or ", close) + "?";
                    String hintKo = close.isEmpty() ? "" : " — " + String.join(" 또는 ", close) + "을(를) 쓰려던 것인가요?";
                    problems.add(new Problem(file, s.line(), s.column(), "objective '" + id + "': this lab has no signal '"
                            + s.name() + "'" + hint, "목표 '" + id + "': 이 실습에는 '" + s.name() + "' 신호가 없습니다" + hintKo));
                }
            }
            case Expr.Unary u -> walk(u.operand(), trace, file, id, problems);
            case Expr.Binary b -> {
                walk(b.left(), trace, file, id, problems);
                walk(b.right(), trace, file, id, problems);
            }
            case Expr.Call c -> c.args().forEach(a -> walk(a, trace, file, id, problems));
            default -> {
            }
        }
    }

    private static List<String> closest(String name, Set<String> known) {
        List<String> out = new ArrayList<>();
        for (String k : known) {
            if (distance(name.toUpperCase(Locale.ROOT), k.toUpperCase(Locale.ROOT)) <= 2) {
                out.add("'" + k + "'");
            }
        }
        return out.subList(0, Math.min(3, out.size()));
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
