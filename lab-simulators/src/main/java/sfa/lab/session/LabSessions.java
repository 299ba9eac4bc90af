package sfa.lab.session;

import java.security.SecureRandom;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import sfa.lab.plc.ManualSource;
import sfa.lab.plc.ProgramSource;
import sfa.lab.scenario.Catalog;
import sfa.lab.scenario.SpecLab;
import sfa.lab.st.Diagnostic;
import sfa.lab.st.StCompiler;
import sfa.lab.st.StProgram;

/**
 * Every live lab session of one server. One scheduler thread steps all running sessions to the wall
 * clock every few milliseconds, so hundreds of sessions cost one thread, not hundreds. Opening a session
 * issues its login; closing it revokes the login.
 */
public final class LabSessions implements AutoCloseable {

    /** A session and the login shown to its student. */
    public record Opened(LabSession session, Credentials.Issued login) {
    }

    /** The program does not compile: the student sees every diagnostic. */
    public static final class ProgramRejected extends RuntimeException {
        private final List<Diagnostic> diagnostics;

        ProgramRejected(List<Diagnostic> diagnostics) {
            super("the program has " + diagnostics.size() + " problem(s)");
            this.diagnostics = List.copyOf(diagnostics);
        }

        public List<Diagnostic> diagnostics() {
            return diagnostics;
        }
    }

    private static final long TICK_MICROS = 2_000;
    private static final char[] ID_CHARS = "abcdefghjkmnpqrstuvwxyz23456789".toCharArray();

    private final Catalog catalog;
    private final double speed;
    private final Map<String, LabSession> sessions = new ConcurrentHashMap<>();
    private final Audit audit = new Audit(100_000);
    private final Credentials credentials = new Credentials(audit, java.time.InstantSource.system());
    private final List<Consumer<LabSession>> afterScan = new CopyOnWriteArrayList<>();
    private final List<Consumer<LabSession>> opened = new CopyOnWriteArrayList<>();
    private final List<Consumer<String>> closed = new CopyOnWriteArrayList<>();
    private final List<Consumer<Health>> stallChanged = new CopyOnWriteArrayList<>();
    private final SecureRandom random = new SecureRandom();
    private static final java.util.regex.Pattern ID_PREFIX = java.util.regex.Pattern.compile("([a-z][a-z0-9]{0,11}-)?");
    private final String idPrefix;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "lab-sessions");
        t.setDaemon(true);
        return t;
    });
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "lab-sessions-watchdog");
        t.setDaemon(true);
        return t;
    });
    private static final System.Logger LOG = System.getLogger(LabSessions.class.getName());
    /** The scheduler's health says it stalled after this long without a tick (a tick is due every 2 ms). */
    static final long STALL_MILLIS = 5_000;
    private static final long WATCH_MILLIS = 1_000;
    private final long stallNanos;
    private volatile ScheduledFuture<?> ticking;
    private volatile long lastTickNanos = System.nanoTime();
    private volatile @Nullable String stepping;
    private volatile boolean stallReported;
    private final AtomicLong ticks = new AtomicLong();
    private final AtomicLong sessionFaults = new AtomicLong();
    private final AtomicLong tickFaults = new AtomicLong();
    private final AtomicLong restarts = new AtomicLong();

    /** Sessions of {@code catalog}'s labs, running in real time. */
    public LabSessions(Catalog catalog) {
        this(catalog, 1.0);
    }

    /** @param speed simulated seconds per wall-clock second (more than 1 only for tests and demos) */
    public LabSessions(Catalog catalog, double speed) {
        this(catalog, speed, "");
    }

    /**
     * @param idPrefix put before every new session's id, such as {@code "n2-"}: a node of a cluster names its
     *        sessions so that a proxy routes their requests to it without asking anyone
     */
    public LabSessions(Catalog catalog, double speed, String idPrefix) {
        this(catalog, speed, idPrefix, STALL_MILLIS);
    }

    /** @param stallMillis how long the scheduler may go without a tick before its health says it stalled */
    LabSessions(Catalog catalog, double speed, String idPrefix, long stallMillis) {
        if (!(speed > 0)) {
            throw new IllegalArgumentException("speed must be more than 0, not " + speed);
        }
        if (!ID_PREFIX.matcher(idPrefix).matches()) {
            throw new IllegalArgumentException("a session id prefix is a short name of a-z and 0-9 ending in '-', not '"
                    + idPrefix + "'");
        }
        this.catalog = catalog;
        this.speed = speed;
        this.idPrefix = idPrefix;
        this.stallNanos = stallMillis * 1_000_000L;
        this.ticking = scheduler.scheduleAtFixedRate(this::tick, TICK_MICROS, TICK_MICROS, TimeUnit.MICROSECONDS);
        watchdog.scheduleWithFixedDelay(this::watch, WATCH_MILLIS, WATCH_MILLIS, TimeUnit.MILLISECONDS);
    }

    /**
     * A scan longer than this (wall clock) marks its session as slow: slow sessions, and new ones until their first
     * scan has shown they are quick, are stepped after all the others, within {@link #SLICE_NANOS} of each tick.
     */
    static final long SLOW_SCAN_NANOS = 1_000_000;
    /** How long one tick steps slow sessions (at least one of them, for one scan at least). */
    static final long SLICE_NANOS = 2_000_000;

    /**
     * Every session whose last scans were quick first, each up to the wall clock; then the slow and the new ones,
     * the one kept waiting longest first, until the tick's slice is spent. A program that loops until its watchdog
     * thus delays the quick sessions by one scan of its own once: from then on it waits behind them. Which sessions
     * run in a tick never changes what any of them computes, only when.
     */
    private void tick() {
        try {
            stepAll();
        } catch (Throwable e) {
            // Nothing may end the schedule: a periodic task that throws is cancelled for good, and every lab
            // on the server would stand still (issue 15). The sessions at fault are stopped in step().
            tickFaults.incrementAndGet();
            LOG.log(System.Logger.Level.ERROR, "a lab scheduler tick failed; the scheduler goes on", e);
        } finally {
            lastTickNanos = System.nanoTime();
            ticks.incrementAndGet();
        }
    }

    /** A slow session and when it was served, read once: the sort must not see the value change under it. */
    private record Waiting(LabSession session, long servedNanos) {
    }

    private void stepAll() {
        long start = System.nanoTime();
        List<Waiting> slow = null;
        for (LabSession s : sessions.values()) {
            if (s.longestScanNanos() > SLOW_SCAN_NANOS) {
                if (slow == null) {
                    slow = new java.util.ArrayList<>();
                }
                // start() sets servedNanos on another thread: sorting on the live value broke TimSort's contract
                slow.add(new Waiting(s, s.servedNanos()));
            } else {
                step(s, start, System.nanoTime() + SLICE_NANOS);
            }
        }
        if (slow != null) {
            slow.sort(java.util.Comparator.comparingLong(Waiting::servedNanos));
            for (Waiting w : slow) {
                long now = System.nanoTime();
                if (w != slow.getFirst() && now - start > SLICE_NANOS) {
                    break;
                }
                step(w.session(), now, now + SLICE_NANOS);
            }
        }
    }

    private void step(LabSession s, long now, long sliceEnd) {
        stepping = s.id();
        try {
            if (s.advance(now, sliceEnd) > 0) {
                for (Consumer<LabSession> l : afterScan) {
                    l.accept(s);
                }
            }
        } catch (Throwable e) {
            // One broken session must not stop the others: it is stopped with its fault shown to the student.
            sessionFaults.incrementAndGet();
            LOG.log(System.Logger.Level.ERROR, "lab session " + s.id() + " (" + s.lab().id()
                    + ") failed in the scheduler and was stopped", e);
            try {
                audit.record(s.id(), "server", "error", String.valueOf(e));
                s.fail(e);
            } catch (Throwable again) {
                LOG.log(System.Logger.Level.ERROR, "lab session " + s.id() + " could not be stopped", again);
            }
        } finally {
            stepping = null;
        }
    }

    /**
     * Looks at the scheduler every second: when its schedule ended anyway, starts it again; when it has not ticked
     * for {@link #stallNanos}, says so in the log (once) and in {@link #health()}, naming the session it is stepping.
     */
    private void watch() {
        try {
            if (ticking.isDone()) {
                restarts.incrementAndGet();
                LOG.log(System.Logger.Level.ERROR, "the lab scheduler's schedule had ended; started it again");
                ticking = scheduler.scheduleAtFixedRate(this::tick, TICK_MICROS, TICK_MICROS, TimeUnit.MICROSECONDS);
            }
            Health h = health();
            if (!h.ticking() && !stallReported) {
                stallReported = true;
                LOG.log(System.Logger.Level.ERROR, "the lab scheduler has not ticked for " + h.sinceLastTickMillis()
                        + " ms" + (h.stuckIn() == null ? "" : ", stepping session " + h.stuckIn())
                        + ": live labs stand still");
                stallChanged.forEach(l -> l.accept(h));
            } else if (h.ticking() && stallReported) {
                stallReported = false;
                LOG.log(System.Logger.Level.WARNING, "the lab scheduler ticks again");
                stallChanged.forEach(l -> l.accept(h));
            }
        } catch (Throwable e) {
            LOG.log(System.Logger.Level.ERROR, "the lab scheduler's watchdog failed", e);
        }
    }

    /**
     * How the scheduler is doing, for a health check.
     *
     * @param ticking false when it has not ticked for longer than the stall limit (every live lab stands still)
     * @param stuckIn the session it is stepping when it is not ticking, or null
     * @param sessionFaults sessions stopped because their step threw
     * @param restarts times the watchdog started an ended schedule again
     */
    public record Health(boolean ticking, long sinceLastTickMillis, long ticks, int sessions, long sessionFaults,
            long tickFaults, long restarts, @Nullable String stuckIn) {
    }

    public Health health() {
        long since = System.nanoTime() - lastTickNanos;
        boolean ok = since <= stallNanos && !ticking.isDone();
        return new Health(ok, since / 1_000_000, ticks.get(), sessions.size(), sessionFaults.get(), tickFaults.get(),
                restarts.get(), ok ? null : stepping);
    }

    /** Called on the scheduler thread after a session has run one or more scans (to publish values). */
    public void afterScan(Consumer<LabSession> listener) {
        afterScan.add(listener);
    }

    /**
     * Called on the watchdog's thread with the scheduler's health when the watchdog finds it stalled, and again when
     * it ticks after a stall (as the log says; to alert someone).
     */
    public void onStallChange(Consumer<Health> listener) {
        stallChanged.add(listener);
    }

    /** Called with every session opened from now on (to publish it). */
    public void onOpen(Consumer<LabSession> listener) {
        opened.add(listener);
    }

    /** Called with the id of every session closed from now on. */
    public void onClose(Consumer<String> listener) {
        closed.add(listener);
    }

    /** A session whose outputs the student's own client writes. */
    public Opened openExternal(String labId) {
        SpecLab lab = lab(labId);
        return open(lab, LabSession.Mode.EXTERNAL, ManualSource::new, null, null, true);
    }

    /**
     * A session continued from {@link LabSession#snapshot()}, stopped, under the id it had when that id
     * is free ({@code source} is the program for a program session, null for an external one).
     *
     * @throws ProgramRejected when the program no longer compiles
     */
    public Opened resume(String id, String labId, @Nullable String source, byte[] snapshot) {
        return resume(id, labId, source, snapshot, true);
    }

    /** As {@link #resume(String, String, String, byte[])}, for a free run when {@code sequence} is false. */
    public Opened resume(String id, String labId, @Nullable String source, byte @Nullable [] snapshot, boolean sequence) {
        SpecLab lab = lab(labId);
        if (source == null) {
            return open(lab, LabSession.Mode.EXTERNAL, ManualSource::new, snapshot, id, sequence);
        }
        return open(lab, LabSession.Mode.PROGRAM, programs(lab, source), snapshot, id, sequence);
    }

    /**
     * A session run by a Structured Text program.
     *
     * @throws ProgramRejected when the program does not compile for this lab's I/O map
     */
    public Opened openProgram(String labId, String source) {
        return openProgram(labId, source, true);
    }

    /**
     * A session run by a Structured Text program; with {@code sequence} false a free run, where only the
     * operator's hand on the panel acts on the plant (it cannot be graded live).
     */
    public Opened openProgram(String labId, String source, boolean sequence) {
        SpecLab lab = lab(labId);
        return open(lab, LabSession.Mode.PROGRAM, programs(lab, source), null, null, sequence);
    }

    private static Supplier<ProgramSource> programs(SpecLab lab, String source) {
        StCompiler.Options options = StCompiler.Options.forLab(lab.addresses());
        StCompiler.Compilation first = StCompiler.compile(source, options);
        if (!first.ok()) {
            throw new ProgramRejected(first.errors());
        }
        // Each call compiles afresh: the live run and a grading run must not share one program's state.
        return () -> {
            StProgram p = StCompiler.compile(source, options).program();
            p.coldRestart();
            return p;
        };
    }

    private Opened open(SpecLab lab, LabSession.Mode mode, Supplier<ProgramSource> programs, byte @Nullable [] snapshot,
            @Nullable String preferredId, boolean sequence) {
        String id = preferredId != null && preferredId.matches("[a-z0-9][a-z0-9-]{3,44}") ? preferredId : newId();
        while (sessions.containsKey(id)) {
            id = newId();
        }
        LabSession s = new LabSession(id, lab, mode, programs, speed, snapshot, sequence);
        if (sessions.putIfAbsent(id, s) != null) {
            return open(lab, mode, programs, snapshot, null, sequence);
        }
        Credentials.Issued login = credentials.issue(id);
        audit.record(id, "server", "open", lab.id() + " " + mode.name().toLowerCase(java.util.Locale.ROOT));
        opened.forEach(l -> l.accept(s));
        return new Opened(s, login);
    }

    private String newId() {
        char[] c = new char[8];
        for (int i = 0; i < c.length; i++) {
            c[i] = ID_CHARS[random.nextInt(ID_CHARS.length)];
        }
        return idPrefix + new String(c);
    }

    private SpecLab lab(String labId) {
        return catalog.find(labId).orElseThrow(() -> new SessionException(
                "there is no lab '" + labId + "'; the catalogue has " + String.join(", ",
                        catalog.labs().stream().map(SpecLab::id).toList()),
                "'" + labId + "' 실습이 없습니다"));
    }

    /** Ends a session: it stops, its login is revoked and its nodes disappear. */
    public boolean close(String id) {
        LabSession s = sessions.remove(id);
        credentials.revoke(id);
        if (s != null) {
            s.stop();
            audit.record(id, "server", "close", "");
            closed.forEach(l -> l.accept(id));
        }
        return s != null;
    }

    /** A new password for a session (the old one stops working), e.g. when a student lost it. */
    public Credentials.Issued renewLogin(String id) {
        get(id).orElseThrow(() -> new SessionException("no session " + id, id + " 세션이 없습니다"));
        audit.record(id, "server", "renew-login", "");
        return credentials.issue(id);
    }

    public Optional<LabSession> get(String id) {
        return Optional.ofNullable(sessions.get(id));
    }

    public Collection<LabSession> all() {
        return List.copyOf(sessions.values());
    }

    public Credentials credentials() {
        return credentials;
    }

    public Audit audit() {
        return audit;
    }


    @Override
    public void close() {
        watchdog.shutdownNow();
        scheduler.shutdownNow();
        for (String id : List.copyOf(sessions.keySet())) {
            close(id);
        }
    }
}
