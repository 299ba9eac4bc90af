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

    /**
     * As {@link #grade(SpecLab, Supplier, List, List, TraceSink)}, within at most {@code budget} of the grading
     * thread's CPU time (and, before that, the pace a grade must keep: see {@link #PACE}).
     */
    public static Grade grade(SpecLab lab, Supplier<ProgramSource> program, List<Wire> wiring, List<Long> seeds,
            @Nullable TraceSink trace, java.time.Duration budget) {
        LabSpec spec = lab.spec();
        List<Long> runs = seeds.isEmpty() ? spec.seeds() : seeds;
        List<ObjectiveSpec> objectives = spec.objectives();
        java.util.Set<String> signals = signals(objectives);
        Pace pace = new Pace(budget);
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
            runWithin(plant, spec.sequenceMillis(), sink, pace);
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
     * The most CPU time one grade may take, whatever the lab. A program whose every scan stays just under the
     * watchdog would otherwise take minutes to play a test sequence and hold a grading thread that long.
     */
    public static final java.time.Duration BUDGET = java.time.Duration.ofSeconds(20);
    /**
     * Simulated time a grade must play per second of CPU, on average from its start: a grade's budget follows its
     * lab's simulated length (a 20 s lab gets 1 s of CPU and the grace, a 75 s lab with five seeds about 19 s), and
     * a program that falls behind that pace is stopped at once rather than at the end of its budget. Well-behaved
     * programs play thousands of times faster than real time (docs/benchmarks.md, "Grading"); one whose scans loop
     * long enough to fall behind 20 times real time would also keep a live lab's PLC busy most of each cycle.
     */
    public static final double PACE = 20;
    /** CPU time a grade may spend before the pace counts (compiling, a cold JIT, the first scans). */
    static final long GRACE_NANOS = 500_000_000L;
    /** How often (simulated) a grade looks at its pace: ten 10 ms scans. */
    private static final long CHUNK_MILLIS = 100;

    /** The CPU time a grade of {@code simulatedMillis} in all (every seed's sequence) may take. */
    public static java.time.Duration budgetFor(long simulatedMillis) {
        long nanos = GRACE_NANOS + (long) (simulatedMillis * 1_000_000L / PACE);
        return java.time.Duration.ofNanos(Math.min(nanos, BUDGET.toNanos()));
    }

    /** The grade's CPU clock and how much simulated time it has played so far, over every seed. */
    private static final class Pace {
        private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory
                .getThreadMXBean();
        private final long capNanos;
        private final long startNanos = cpuNanos();
        private final long startWall = System.nanoTime();
        private long playedMillis;

        Pace(java.time.Duration cap) {
            this.capNanos = cap.toNanos();
        }

        /** CPU time of this thread where the JVM measures it, else the wall clock. */
        private static long cpuNanos() {
            return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
        }

        long usedNanos() {
            return cpuNanos() - startNanos;
        }

        /** Past the pace (the wall clock, cheap, first: CPU time never exceeds it on one thread). */
        boolean over() {
            long allowed = allowedNanos();
            return System.nanoTime() - startWall > allowed && usedNanos() > allowed;
        }

        long allowedNanos() {
            return Math.min(capNanos, GRACE_NANOS + (long) (playedMillis * 1_000_000L / PACE));
        }
    }

    private static void runWithin(Plant plant, long untilMillis, TraceSink sink, Pace pace) {
        long from = plant.clock().nowMillis();
        for (long t = Math.min(CHUNK_MILLIS, untilMillis); ; t = Math.min(t + CHUNK_MILLIS, untilMillis)) {
            // checked before each chunk too, so the next seed's fresh program does not run once the pace is lost
            if (plant.plc().mode() == sfa.lab.plc.PlcMode.RUN && pace.over()) {
                plant.plc().stop(tooSlow(plant, from, pace.usedNanos(), pace));
            }
            plant.runUntil(t, sink);
            pace.playedMillis += t - from;
            from = t;
            if (t >= untilMillis) {
                return;
            }
        }
    }

    /**
     * Past the budget the PLC is stopped, as a supervisor would, and the rest of the sequence is played with its
     * outputs off (fast); the verdict says how slow the program was and, when known, which loop took the time.
     */
    private static PlcFault tooSlow(Plant plant, long atMillis, long usedNanos, Pace pace) {
        double seconds = usedNanos / 1e9;
        double pace100 = Math.round(pace.playedMillis / 1000.0 / seconds * 100) / 100.0;
        sfa.lab.st.Position loop = plant.plc().program() instanceof sfa.lab.st.StProgram st ? st.longLoop() : null;
        boolean capped = pace.allowedNanos() >= pace.capNanos;
        double capSeconds = pace.capNanos / 1_000_000 / 1000.0;
        String cap = capped ? " (the most any grade may take is " + capSeconds + " s)" : "";
        String capKo = capped ? " (채점 한 번은 최대 " + capSeconds + "초)" : "";
        return new PlcFault(String.format(java.util.Locale.ROOT,
                "grading took longer than this lab allows: %.1f s of CPU for %.1f s of simulated time, %s× real time"
                        + " where a grade needs at least %.0f×%s; the program's scans are too slow%s. The PLC was stopped"
                        + " at t=%.1f s",
                seconds, pace.playedMillis / 1000.0, pace100, PACE, cap,
                loop == null ? "" : ": most time goes in the loop at line " + loop.line() + ":" + loop.column(),
                atMillis / 1000.0),
                String.format(java.util.Locale.ROOT,
                        "채점이 이 실습에 허용된 시간을 넘었습니다: 시뮬레이션 %.1f초에 CPU %.1f초, 실제 시간의 %s배로, 채점에는 최소 %.0f배가"
                                + " 필요합니다%s. 프로그램의 스캔이 너무 느립니다%s. t=%.1f s에 PLC를 정지했습니다",
                        pace.playedMillis / 1000.0, seconds, pace100, PACE, capKo,
                        loop == null ? "" : " (" + loop.line() + "행 " + loop.column() + "열의 반복문에서 시간이 대부분 쓰입니다)",
                        atMillis / 1000.0));
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
