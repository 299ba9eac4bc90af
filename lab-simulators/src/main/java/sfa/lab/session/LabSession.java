package sfa.lab.session;

import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import sfa.lab.plant.IoPoint;
import sfa.lab.plant.Labs;
import sfa.lab.plant.Plant;
import sfa.lab.plant.Scene;
import sfa.lab.plc.Address;
import sfa.lab.plc.ExternalSource;
import sfa.lab.plc.PlcFault;
import sfa.lab.plc.PlcMode;
import sfa.lab.plc.ProgramSource;
import sfa.lab.scenario.Grade;
import sfa.lab.scenario.Grader;
import sfa.lab.scenario.SpecLab;
import sfa.lab.scenario.TraceTable;

/**
 * One student's live lab: the plant running in real time, at the lab's scan cycle, driven by a
 * Structured Text program or by the student's external controller. {@link #start} plays the lab's
 * test sequence (its button presses, parts and faults) on the wall clock while the run is recorded;
 * {@link #grade} judges it. Other threads read the latest {@link Status} without locking; commands and
 * writes take the session's lock for an instant.
 */
public final class LabSession {

    public enum Mode {
        /** A compiled Structured Text program controls the plant. */
        PROGRAM,
        /** The student's own client (OPC UA) writes the outputs. */
        EXTERNAL
    }

    /**
     * What a client sees, published after every scan: one immutable value per I/O point, in the lab's
     * I/O map order.
     *
     * @param lastError the PLC fault that stopped the program, or an empty string
     * @param lagMillis the longest the plant has waited for a scan that was due, in wall-clock ms, since the
     *        session was opened or reset: how far behind the wall clock a student has seen it (a few ms when the
     *        server keeps up)
     * @param skips how often the session fell more than a second behind and skipped ahead instead of racing to
     *        catch up (a paused machine, an overloaded server)
     */
    public record Status(long scans, long timeMillis, boolean running, PlcMode mode, String lastError,
            int[] values, long lagMillis, long skips) {

        public int value(int point) {
            return values[point];
        }
    }

    private final String id;
    private final SpecLab lab;
    private final Mode mode;
    private final Supplier<ProgramSource> programs;
    private final @Nullable ExternalSource external;
    private final List<IoPoint> points;
    private final long seed;
    private final long scanNanos;
    /** False for a free run: only the operator (and the student's controller) act on the plant. */
    private final boolean sequence;

    private Plant plant;
    private TraceTable recording;
    /** False when the session was resumed mid-sequence: the recording misses the sequence's start. */
    private boolean recordingWhole = true;
    private boolean running;
    private long baseNanos;
    private long stepsSinceBase;
    /** The program's scans in a row that took longer than their cycle, and by how much in all (wall ns). */
    private int overrunScans;
    private long overrunNanos;
    private long lagNanos;
    private long skips;
    /**
     * The longest scan of the last advance that ran one (wall ns; unknown, so the most, until then), and when the
     * session was last stepped or first started: for the scheduler.
     */
    private volatile long longestScanNanos = Long.MAX_VALUE;
    private volatile long servedNanos;
    private volatile Status status;
    /** The inputs the student forced, by I/O name, for readers on other threads. */
    private volatile java.util.Map<String, Integer> forced = java.util.Map.of();

    /**
     * @param programs gives the program after a cold restart (called on every reset); ignored in
     *        {@link Mode#EXTERNAL}
     * @param speed simulated time per wall-clock time: 1 is real time (faster only in tests and demos)
     */
    LabSession(String id, SpecLab lab, Mode mode, Supplier<ProgramSource> programs, double speed) {
        this(id, lab, mode, programs, speed, null, true);
    }

    /** @param snapshot a {@link #snapshot()} to continue from, or null for a fresh plant */
    LabSession(String id, SpecLab lab, Mode mode, Supplier<ProgramSource> programs, double speed,
            byte @Nullable [] snapshot, boolean sequence) {
        this.id = id;
        this.sequence = sequence;
        this.lab = lab;
        this.mode = mode;
        this.external = mode == Mode.EXTERNAL ? new ExternalSource() : null;
        this.programs = mode == Mode.EXTERNAL ? () -> external : programs;
        this.seed = lab.spec().seeds().getFirst();
        this.scanNanos = Math.max(1, (long) (lab.scanMillis() * 1_000_000L / speed));
        if (snapshot == null) {
            this.plant = newPlant();
        } else {
            this.plant = Labs.resume(snapshot, this.programs.get(), labId -> labId.equals(lab.id())
                    ? java.util.Optional.of(lab) : java.util.Optional.empty());
            this.recordingWhole = plant.clock().nowMillis() == 0;
        }
        this.points = plant.ioMap();
        this.recording = newRecording();
        this.status = capture();
    }

    private Plant newPlant() {
        ProgramSource p = programs.get();
        p.reset();
        Plant fresh = Labs.create(lab, seed, lab.scanMillis(), p);
        if (sequence) {
            fresh.scheduleAll(lab.spec().events());
        }
        return fresh;
    }

    private TraceTable newRecording() {
        return new TraceTable((int) (lab.sequenceMillis() / lab.scanMillis()) + 2,
                Grader.signals(lab.spec().objectives()));
    }

    public String id() {
        return id;
    }

    public SpecLab lab() {
        return lab;
    }

    public Mode mode() {
        return mode;
    }

    /** True when starting plays the lab's test sequence; false for a free run driven by the operator alone. */
    public boolean playsSequence() {
        return sequence;
    }

    /** The lab's I/O map; {@link Status#values()} follows its order. */
    public List<IoPoint> points() {
        return points;
    }

    public Status status() {
        return status;
    }

    /** Runs (or continues) the plant in real time from where it is. */
    public void start() {
        synchronized (this) {
            if (!running) {
                running = true;
                baseNanos = System.nanoTime();
                stepsSinceBase = 0;
                if (servedNanos == 0) {
                    servedNanos = baseNanos; // a new session waits its turn among the others not yet known to be quick
                }
                status = capture();
            }
        }
    }

    /** Pauses the plant: simulated time stands still until {@link #start}. */
    public void stop() {
        synchronized (this) {
            running = false;
            status = capture();
        }
    }

    /**
     * Stops a session whose step failed inside the simulator (a fault of ours, not the student's program): the plant
     * stands still and the student sees why, as a PLC fault, until Reset.
     */
    void fail(Throwable cause) {
        synchronized (this) {
            running = false;
            String what = cause.getClass().getSimpleName();
            plant.plc().fault(new PlcFault("the simulation stopped on an internal error (" + what + "); Reset to start"
                    + " again, and tell your teacher if it happens again",
                    "시뮬레이션이 내부 오류(" + what + ")로 멈췄습니다. Reset 후 다시 시작하고, 또 생기면 선생님께 알리세요"));
            status = capture();
        }
    }

    /** Back to the beginning: a fresh plant, the program cold-restarted, the recording cleared, no forces, stopped. */
    public void reset() {
        synchronized (this) {
            running = false;
            forced = java.util.Map.of();
            lagNanos = 0;
            skips = 0;
            overrunScans = 0;
            overrunNanos = 0;
            plant = newPlant();
            recording = newRecording();
            recordingWhole = true;
            status = capture();
        }
    }

    /**
     * An operator's hand on the panel, applied at the next scan: press or release a push button (or the
     * E-stop), set a value device (a potentiometer, say).
     *
     * @throws SessionException naming the problem when the lab has no such device or it cannot do that
     */
    public void operate(sfa.lab.plant.Command.Action action, String device, double value) {
        if (action != sfa.lab.plant.Command.Action.PRESS && action != sfa.lab.plant.Command.Action.RELEASE
                && action != sfa.lab.plant.Command.Action.SET) {
            throw new SessionException("an operator can press, release or set a device, not " + action,
                    "조작은 누르기, 떼기, 값 설정만 할 수 있습니다");
        }
        synchronized (this) {
            try {
                plant.schedule(new sfa.lab.plant.Command(plant.clock().nowMillis(), device, action, value));
            } catch (IllegalArgumentException e) {
                throw new SessionException(e.getMessage(), "'" + device + "' 장치를 조작할 수 없습니다: 이 실습의 조작 장치는 "
                        + String.join(", ", plant.operableNames()) + "입니다");
            }
        }
    }

    /**
     * Forces an input by its I/O name, as at a PLC's programming device: the program reads {@code value} (0/1 for a
     * bit, raw for a word) from the next scan on, whatever the plant gives, until forced again with null. A graded
     * run never sees forces: grading runs its own plant.
     *
     * @throws SessionException when the lab has no such I/O point or it is an output
     */
    public void force(String name, @Nullable Integer value) {
        int index = point(name);
        if (index < 0) {
            throw new SessionException("this lab has no I/O point " + name, "이 실습에는 " + name + " 입출력이 없습니다");
        }
        IoPoint p = points.get(index);
        if (!p.address().area().isInput()) {
            throw new SessionException(p.name() + " is an output (" + p.address() + "): only inputs can be forced; the program"
                    + " writes outputs", p.name() + "은(는) 출력(" + p.address() + ")입니다. 입력만 강제할 수 있습니다. 출력은 프로그램이 씁니다");
        }
        synchronized (this) {
            plant.plc().forceInput(p.address(), value);
            java.util.Map<String, Integer> now = new java.util.LinkedHashMap<>();
            plant.plc().forcedInputs().forEach((a, v) -> now.put(nameOf(a), v));
            forced = java.util.Collections.unmodifiableMap(now);
        }
    }

    private String nameOf(Address a) {
        for (IoPoint p : points) {
            if (p.address().equals(a)) {
                return p.name();
            }
        }
        return a.toString();
    }

    /** The forced inputs by I/O name and their values; empty when none. */
    public java.util.Map<String, Integer> forced() {
        return forced;
    }

    /**
     * The program's variables by name and their current values (BOOL as a boolean, TIME in ms, function block
     * instances as maps), as a PLC programming device shows them online; empty for an external controller.
     */
    public java.util.Map<String, Object> variables() {
        synchronized (this) {
            return plant.plc().program() instanceof sfa.lab.st.StProgram st ? st.variables() : java.util.Map.of();
        }
    }

    /** The devices an operator can work: push buttons, the E-stop, value devices. */
    public List<String> operableNames() {
        synchronized (this) {
            return plant.operableNames();
        }
    }

    /**
     * The whole running state (plant, PLC and program), to be continued later by
     * {@link LabSessions#resume}, exactly where it stands.
     */
    public byte[] snapshot() {
        synchronized (this) {
            return plant.snapshot();
        }
    }

    /**
     * The plant as it stands now, to draw and animate it ({@link Plant#scene()}): cheap enough to call
     * many times a second from another thread; it holds the session's lock only while it reads.
     */
    public Scene scene() {
        synchronized (this) {
            return plant.scene();
        }
    }

    /**
     * Writes an output, as the student's controller does.
     *
     * @throws SessionException when the session is not external or the point is not an output of this lab
     */
    public void write(int point, int value) {
        if (external == null) {
            throw new SessionException("this session is controlled by its Structured Text program; outputs cannot be written",
                    "이 세션은 ST 프로그램이 제어합니다. 출력을 직접 쓸 수 없습니다");
        }
        Address a = points.get(point).address();
        if (a.area().isInput()) {
            throw new SessionException(points.get(point).name() + " is an input (" + a + "): the plant sets it, a controller only reads it",
                    points.get(point).name() + "은(는) 입력(" + a + ")입니다. 설비가 정하는 값이라 읽기만 할 수 있습니다");
        }
        if (a.area().isBit()) {
            external.write(a, value != 0);
        } else {
            external.write(a, value);
        }
    }

    /** The index of the I/O point called {@code name} (case-insensitive), or -1. */
    public int point(String name) {
        for (int i = 0; i < points.size(); i++) {
            if (points.get(i).name().equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * How long a program may run behind real time, its scans in a row each longer than their cycle, before the PLC
     * stops it: one watchdog period. A single slow scan (a garbage collection, the machine busy elsewhere) never
     * stops a program; a program whose every scan takes longer than its cycle can never keep up, as a real PLC's
     * cycle-overrun check finds.
     */
    static final long OVERRUN_LIMIT_NANOS = sfa.lab.st.StCompiler.DEFAULT_WATCHDOG_MILLIS * 1_000_000L;

    /** As {@link #advance(long, long)} with no end to the slice. */
    int advance(long nowNanos) {
        return advance(nowNanos, Long.MAX_VALUE);
    }

    /**
     * Steps the plant up to the wall clock; called by {@link LabSessions}' scheduler. A session that
     * falls more than a second behind (a paused machine) skips ahead rather than racing to catch up.
     * Past {@code sliceEndNanos} (wall clock) the session stops catching up after the scan it is in, so
     * a slow program holds the scheduler for one scan at most; the rest waits for the next tick. Simulated
     * time is not touched by any of this: every scan is one cycle of simulated time, however long it took.
     *
     * @return the number of scans run
     */
    int advance(long nowNanos, long sliceEndNanos) {
        synchronized (this) {
            if (!running) {
                return 0;
            }
            long due = (nowNanos - baseNanos) / scanNanos - stepsSinceBase;
            if (due * scanNanos > 1_000_000_000L) {
                baseNanos = nowNanos;
                stepsSinceBase = 0;
                skips++;
                due = 1;
            } else if (due > 0) {
                lagNanos = Math.max(lagNanos, nowNanos - baseNanos - (stepsSinceBase + 1) * scanNanos);
            }
            long longest = 0;
            long before = System.nanoTime();
            int ran = 0;
            while (ran < due) {
                boolean recordingSequence = plant.clock().nowMillis() < lab.sequenceMillis();
                plant.step(recordingSequence ? recording : null);
                stepsSinceBase++;
                ran++;
                long after = System.nanoTime();
                long took = after - before;
                before = after;
                longest = Math.max(longest, took);
                checkOverrun(took);
                if (after - sliceEndNanos > 0) {
                    break;
                }
            }
            if (ran > 0) {
                longestScanNanos = longest;
            }
            servedNanos = nowNanos;
            if (ran > 0) {
                status = capture();
            }
            return ran;
        }
    }

    private void checkOverrun(long tookNanos) {
        if (tookNanos <= scanNanos || plant.plc().mode() != PlcMode.RUN) {
            overrunScans = 0;
            overrunNanos = 0;
            return;
        }
        overrunScans++;
        overrunNanos += tookNanos - scanNanos;
        if (overrunScans >= 2 && overrunNanos > OVERRUN_LIMIT_NANOS) {
            long ms = overrunNanos / 1_000_000;
            sfa.lab.st.Position at = plant.plc().program() instanceof sfa.lab.st.StProgram st ? st.longLoop() : null;
            String en = "cycle overrun: " + overrunScans + " scans in a row each took longer than the " + lab.scanMillis()
                    + " ms cycle, " + ms + " ms behind real time in all"
                    + (at == null ? "" : ", looping at line " + at.line() + ":" + at.column());
            String ko = "사이클 초과: 스캔 " + overrunScans + "번이 연달아 " + lab.scanMillis() + " ms 주기보다 오래 걸려 실제 시간보다 모두 "
                    + ms + " ms 늦었습니다" + (at == null ? "" : " (" + at.line() + "행 " + at.column() + "열의 반복문)");
            plant.plc().fault(new PlcFault(en, ko));
            overrunScans = 0;
            overrunNanos = 0;
        }
    }

    /** The longest scan of the session's last advance, in wall-clock ns: the scheduler serves cheap sessions first. */
    long longestScanNanos() {
        return longestScanNanos;
    }

    /** The wall clock (ns) when the scheduler last stepped this session. */
    long servedNanos() {
        return servedNanos;
    }

    private Status capture() {
        int[] values = new int[points.size()];
        for (int i = 0; i < values.length; i++) {
            Address a = points.get(i).address();
            values[i] = a.area().isBit() ? (plant.plc().io().bit(a) ? 1 : 0) : plant.plc().io().word(a);
        }
        PlcFault fault = plant.plc().fault();
        return new Status(plant.plc().scans(), plant.clock().nowMillis(), running, plant.plc().mode(),
                fault == null ? "" : fault.english() + " / " + fault.korean(), values, lagNanos / 1_000_000, skips);
    }

    /**
     * The grade, the same verdict as {@code labsim grade}. A program session is graded by the grader
     * (every seed, as fast as the CPU allows); an external session by what its controller did during
     * the recorded run of the test sequence, which must have been played to the end.
     *
     * @throws SessionException when an external session has not yet run the whole test sequence
     */
    public Grade grade() {
        if (mode == Mode.PROGRAM) {
            return Grader.grade(lab, programs, List.of(), List.of(), null);
        }
        return gradeRecording();
    }

    /**
     * The verdict on the run recorded live, whatever controls the plant: what the student watched, judged as
     * {@link #grade} judges an external session (for a program session the same verdict as {@link #grade}'s first
     * seed, since the simulation does not depend on how promptly the server stepped it).
     *
     * @throws SessionException when the session has not yet run the whole test sequence
     */
    public Grade gradeRecording() {
        synchronized (this) {
            if (!sequence) {
                throw new SessionException("this is a free run without the lab's test sequence: open the session with the"
                        + " test sequence to be graded", "시험 순서 없이 자유롭게 돌리는 세션입니다. 채점하려면 시험 순서로 세션을 여세요");
            }
            if (!recordingWhole) {
                throw new SessionException("this session was resumed mid-way, so the test sequence was not recorded from"
                        + " its start: Reset, Start and let it run to the end to be graded",
                        "이 세션은 중간에 이어서 실행되어 시험 순서가 처음부터 기록되지 않았습니다. Reset 후 Start하여 끝까지 실행하면 채점할 수 있습니다");
            }
            long recorded = plant.clock().nowMillis();
            if (recorded < lab.sequenceMillis()) {
                long left = (lab.sequenceMillis() - recorded + 999) / 1000;
                throw new SessionException("the test sequence has not run to the end yet: Start the session and wait "
                        + left + " s more", "시험 순서가 아직 끝나지 않았습니다. Start 후 " + left + "초 더 기다리세요");
            }
            return Grader.judge(lab, recording, seed);
        }
    }
}
