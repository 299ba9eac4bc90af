package sfa.lab.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import sfa.lab.plant.Command;
import sfa.lab.plant.Labs;
import sfa.lab.plant.Plant;
import sfa.lab.plc.PlcFault;
import sfa.lab.plc.ProgramSource;
import sfa.lab.sim.TraceSink;
import sfa.lab.wiring.Finding;
import sfa.lab.wiring.Wire;

/**
 * Grades a program on a lab: plays the lab's test sequence (events and faults) under each seed as
 * fast as the CPU allows, records the trace, and checks every objective. An objective passes only if
 * it passes under every seed; its verdict then names the first failing seed and moment. Deterministic:
 * the same lab, program, wiring and seeds give the same verdict on any machine.
 */
public final class Grader {

    private Grader() {
    }

    /**
     * @param program gives the program for each run, freshly started (a compiled ST program after a cold restart)
     * @param wiring the student's wires, added to the lab's board before the run
     * @param seeds the seeds to run; the spec's own when empty
     * @param trace receives the first seed's trace row by row (a CSV writer), or null
     */
    public static Grade grade(SpecLab lab, Supplier<ProgramSource> program, List<Wire> wiring, List<Long> seeds,
            @Nullable TraceSink trace) {
        return grade(lab, program, wiring, seeds, trace, BUDGET);
    }

    /** As {@link #grade(SpecLab, Supplier, List, List, TraceSink)}, within {@code budget} of wall-clock time. */
    public static Grade grade(SpecLab lab, Supplier<ProgramSource> program, List<Wire> wiring, List<Long> seeds,
            @Nullable TraceSink trace, java.time.Duration budget) {
        LabSpec spec = lab.spec();
        List<Long> runs = seeds.isEmpty() ? spec.seeds() : seeds;
        List<ObjectiveSpec> objectives = spec.objectives();
        java.util.Set<String> signals = signals(objectives);
        long deadline = System.nanoTime() + budget.toNanos();
        Verdict[] verdicts = new Verdict[objectives.size()];
        List<Finding> findings = List.of();
        PlcFault fault = null;
        for (int r = 0; r < runs.size(); r++) {
            long seed = runs.get(r);
            Plant plant = Labs.create(lab, seed, spec.scanMillis(), program.get());
            for (Wire w : wiring) {
                plant.addWire(w);
            }
            for (Command c : spec.events()) {
                plant.schedule(c);
            }
            TraceTable table = new TraceTable((int) (spec.sequenceMillis() / spec.scanMillis()) + 2, signals);
            TraceSink sink = r == 0 && trace != null ? new Tee(table, trace) : table;
            runWithin(plant, spec.sequenceMillis(), sink, deadline, budget);
            if (r == 0) {
                findings = plant.circuit().diagnose().findings();
            }
            if (fault == null && plant.plc().fault() != null) {
                fault = plant.plc().fault();
            }
            for (int i = 0; i < objectives.size(); i++) {
                if (verdicts[i] != null && !verdicts[i].passed()) {
                    continue;
                }
                verdicts[i] = Judge.judge(objectives.get(i), table, spec.scanMillis(), seed);
            }
        }
        return summarise(spec, List.of(verdicts), runs, findings, fault);
    }

    /**
     * How long one grade may take on the wall clock. A program whose every scan stays just under the watchdog
     * would otherwise take minutes to play a test sequence and hold a grading thread that long; past the budget the
     * PLC is stopped, as a supervisor would, and the rest of the sequence is played with its outputs off (fast).
     * Well-behaved programs take milliseconds.
     */
    public static final java.time.Duration BUDGET = java.time.Duration.ofSeconds(20);
    private static final long CHUNK_MILLIS = 500;

    private static void runWithin(Plant plant, long untilMillis, TraceSink sink, long deadline, java.time.Duration budget) {
        for (long t = Math.min(CHUNK_MILLIS, untilMillis); ; t = Math.min(t + CHUNK_MILLIS, untilMillis)) {
            plant.runUntil(t, sink);
            if (t >= untilMillis) {
                return;
            }
            if (System.nanoTime() > deadline && plant.plc().mode() == sfa.lab.plc.PlcMode.RUN) {
                plant.plc().stop(new PlcFault("grading took longer than " + budget.toMillis() / 1000.0 + " s: the program's scans are"
                        + " too slow (each close to the watchdog's limit); the PLC was stopped at t=" + t / 1000.0 + " s",
                        "채점이 " + budget.toMillis() / 1000.0 + "초를 넘었습니다: 프로그램의 스캔이 너무 느립니다(매번 감시 한도 가까이). t="
                                + t / 1000.0 + " s에 PLC를 정지했습니다"));
            }
        }
    }

    /** The signals the objectives name, upper case: the only trace columns a grade keeps. */
    public static java.util.Set<String> signals(List<ObjectiveSpec> objectives) {
        java.util.Set<String> out = new java.util.HashSet<>();
        for (ObjectiveSpec o : objectives) {
            for (Objective c : o.checks()) {
                switch (c) {
                    case Objective.Always a -> collect(out, a.condition(), a.scope());
                    case Objective.After a -> {
                        collect(out, a.event(), a.scope());
                        collect(out, a.condition(), Objective.Scope.ALL);
                    }
                    case Objective.Whenever w -> {
                        collect(out, w.event(), w.scope());
                        collect(out, w.condition(), Objective.Scope.ALL);
                    }
                    case Objective.At a -> {
                        collect(out, a.condition(), Objective.Scope.ALL);
                        collect(out, a.at(), Objective.Scope.ALL);
                    }
                }
            }
        }
        return out;
    }

    private static void collect(java.util.Set<String> out, Expr e, Objective.Scope scope) {
        walk(out, e);
        for (Expr s : new Expr[] {scope.from(), scope.until(), scope.during()}) {
            if (s != null) {
                walk(out, s);
            }
        }
    }

    private static void walk(java.util.Set<String> out, Expr e) {
        switch (e) {
            case Expr.Signal s -> out.add(s.name().toUpperCase(java.util.Locale.ROOT));
            case Expr.Unary u -> walk(out, u.operand());
            case Expr.Binary b -> {
                walk(out, b.left());
                walk(out, b.right());
            }
            case Expr.Call c -> c.args().forEach(a -> walk(out, a));
            default -> {
            }
        }
    }

    /** Checks the objectives on a recorded trace (a replay of a graded run) instead of running the plant. */
    public static Grade judge(SpecLab lab, TraceTable trace, long seed) {
        LabSpec spec = lab.spec();
        List<Verdict> verdicts = new ArrayList<>();
        for (ObjectiveSpec o : spec.objectives()) {
            verdicts.add(Judge.judge(o, trace, spec.scanMillis(), seed));
        }
        return summarise(spec, verdicts, List.of(seed), List.of(), null);
    }

    private static Grade summarise(LabSpec spec, List<Verdict> verdicts, List<Long> seeds, List<Finding> findings,
            @Nullable PlcFault fault) {
        int total = 0;
        int passed = 0;
        boolean all = true;
        List<Verdict> out = new ArrayList<>();
        for (int i = 0; i < verdicts.size(); i++) {
            Verdict v = verdicts.get(i);
            ObjectiveSpec o = spec.objectives().get(i);
            total += o.weight();
            if (v.passed()) {
                passed += o.weight();
            } else {
                all = false;
                if (!findings.isEmpty() && !spec.standardPanel()) {
                    Finding f = findings.getFirst();
                    v = new Verdict(v.id(), false, v.ko() + " — 배선: " + f.ko(), v.en() + " — wiring: " + f.en(),
                            v.atMillis(), v.seed());
                }
                if (fault != null) {
                    v = new Verdict(v.id(), false, v.ko() + " (PLC 정지: " + fault.korean() + ")",
                            v.en() + " (PLC stopped: " + fault.english() + ")", v.atMillis(), v.seed());
                }
            }
            out.add(v);
        }
        int score = total == 0 ? 0 : (int) Math.round(100.0 * passed / total);
        return new Grade(spec.id(), all, score, out, seeds, findings, fault == null ? null : fault.english(),
                fault == null ? null : fault.korean());
    }

    /** Sends each trace value to two sinks. */
    private record Tee(TraceSink a, TraceSink b) implements TraceSink {
        @Override
        public void value(String column, boolean value) {
            a.value(column, value);
            b.value(column, value);
        }

        @Override
        public void value(String column, long value) {
            a.value(column, value);
            b.value(column, value);
        }

        @Override
        public void value(String column, double value) {
            a.value(column, value);
            b.value(column, value);
        }

        @Override
        public void text(String column, String value) {
            a.text(column, value);
            b.text(column, value);
        }

        @Override
        public boolean wantsText() {
            return a.wantsText() || b.wantsText();
        }

        @Override
        public void endRow() {
            a.endRow();
            b.endRow();
        }
    }
}
