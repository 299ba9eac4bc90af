package sfa.backend.lab;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import sfa.backend.security.Caller;
import sfa.backend.web.ApiProblem;
import sfa.lab.session.Credentials;
import sfa.lab.session.LabSession;

/**
 * Students' live lab sessions: opened on the {@link LabHost}, recorded in the store, checkpointed as
 * snapshots every minute ({@code sfa.labs.checkpoint-ms}, with the simulated time each holds), suspended after {@code sfa.labs.idle-minutes} (30) without the student, and
 * resumed exactly from the snapshot the next time the student comes back — also after a restart.
 *
 * <p>On a cluster ({@link LabNodes}) the record names the node running the session. A node asked for a session
 * another node runs takes it over: it asks that node to let it go (which stores a fresh snapshot) or, when that
 * node is gone, continues from the last checkpoint; either way it claims the record in one conditional write, so a
 * session never runs on two nodes. A node that finds a session it runs claimed by another lets its copy go. A node
 * that stops lets all its sessions go with fresh snapshots first.
 */
@Service
public class LiveLabs implements org.springframework.context.SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LiveLabs.class);

    /** Live sessions a student may hold at once; opening another closes their oldest. */
    static final int PER_STUDENT = 3;

    private final LabHost host;
    private final MongoTemplate mongo;
    private final LabNodes nodes;
    private final LabGrader grader;
    private final Duration idle;
    private final int capacity;
    private final long checkpointNanos;
    private final Map<String, Instant> touched = new ConcurrentHashMap<>();
    /** One move of a session (resume, take-over, release) at a time; entries go when the session leaves this node. */
    private final Map<String, Object> moving = new ConcurrentHashMap<>();
    private volatile boolean stopping;

    LiveLabs(LabHost host, MongoTemplate mongo, LabNodes nodes, LabGrader grader, @Value("${sfa.labs.idle-minutes:30}") long idleMinutes,
            @Value("${sfa.labs.capacity:0}") int capacity, @Value("${sfa.labs.checkpoint-ms:60000}") long checkpointMs) {
        this.checkpointNanos = java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(checkpointMs);
        this.host = host;
        this.mongo = mongo;
        this.nodes = nodes;
        this.grader = grader;
        this.idle = Duration.ofMinutes(idleMinutes);
        this.capacity = capacity;
        host.onClose(id -> {
            touched.remove(id);
            moving.remove(id);
            checkpointed.remove(id);
        });
    }

    public record Opened(LiveLab lab, LabSession session, Credentials.@Nullable Issued login) {
    }

    public Opened open(String school, Caller student, String labId, @Nullable String program) {
        return open(school, student, labId, program, true);
    }

    /** With {@code sequence} false a free run: only the student's panel (and program) act on the plant. */
    public Opened open(String school, Caller student, String labId, @Nullable String program, boolean sequence) {
        refuseWhenStopping();
        if (capacity > 0 && host.ids().size() >= capacity) {
            throw ApiProblem.unavailable("labs-full", "this lab server runs as many live labs as it may (" + capacity
                    + "): try again in a minute, or ask your teacher",
                    "이 실습 서버는 이미 최대 개수(" + capacity + "개)의 실습을 실행하고 있습니다. 잠시 뒤에 다시 하거나 선생님께 문의하세요");
        }
        List<LiveLab> mine = mongo.find(Query.query(where("school").is(school).and("username").is(student.username())
                .and("state").ne(LiveLab.State.CLOSED)).with(org.springframework.data.domain.Sort.by("openedAt")), LiveLab.class);
        for (int i = 0; i <= mine.size() - PER_STUDENT; i++) {
            close(mine.get(i));
        }
        boolean plays = sequence || program == null;
        LabHost.Opened o = host.open(labId, program, plays);
        Instant now = Instant.now();
        LiveLab lab = mongo.insert(new LiveLab(o.session().id(), school, student.username(), labId, program,
                LiveLab.State.ACTIVE, now, now, null, plays, null, nodes.me(), false));
        touched.put(lab.id(), now);
        phaseIn(lab.id());
        return new Opened(lab, o.session(), o.login());
    }

    /**
     * The student's session, running here: resumed from its snapshot if it was suspended or its host restarted, taken
     * over from another node if that node runs it or ran it and is gone.
     */
    public Opened use(String school, Caller student, String id) {
        LiveLab lab = find(school, student.username(), id);
        touched.put(id, Instant.now());
        var running = host.session(id);
        if (running.isPresent() && nodes.me().equals(lab.node())) {
            return new Opened(lab, running.get(), null);
        }
        // one move per session at a time: the workbench asks for a session's state and its stream together after a
        // restart, and two resumes of one id moved the record to a second id, the first then not found (crash-test)
        synchronized (moving.computeIfAbsent(id, k -> new Object())) {
            LiveLab now = find(school, student.username(), id);
            var meanwhile = host.session(id);
            if (meanwhile.isPresent()) {
                if (nodes.me().equals(now.node())) {
                    return new Opened(now, meanwhile.get(), null);
                }
                // another node claimed the session while this one did not look: the copy here is behind it
                log.info("lab session {} is run by node {} now: the copy on {} is let go", id, now.node(), nodes.me());
                host.close(id);
            }
            return takeOver(school, student, now);
        }
    }

    private Opened takeOver(String school, Caller student, LiveLab lab) {
        refuseWhenStopping();
        String owner = lab.node();
        if (owner != null && !owner.equals(nodes.me())) {
            switch (nodes.askToRelease(owner, lab.id())) {
                case RELEASED -> lab = find(school, student.username(), lab.id());
                case NODE_GONE -> log.info("lab session {} continues on {} from its last snapshot: node {} is gone",
                        lab.id(), nodes.me(), owner);
                case NO_ANSWER -> throw moving(lab.id());
            }
        }
        boolean runOn = lab.state() == LiveLab.State.ACTIVE && Boolean.TRUE.equals(lab.running());
        // the claim: only if the record still names the node seen above (null: nobody runs it)
        var claimed = mongo.updateFirst(Query.query(where("_id").is(lab.id()).and("node").is(lab.node())
                        .and("state").ne(LiveLab.State.CLOSED)),
                new Update().set("node", nodes.me()).set("state", LiveLab.State.ACTIVE).set("lastActivity", Instant.now()),
                LiveLab.class);
        if (claimed.getMatchedCount() == 0) {
            throw moving(lab.id());
        }
        return resume(school, student, lab, runOn);
    }

    private static ApiProblem moving(String id) {
        return ApiProblem.unavailable("lab-moving", "your lab session '" + id + "' is moving to another server: try again"
                + " in a moment", "실습 세션 '" + id + "'이(가) 다른 서버로 옮겨 가는 중입니다. 잠시 뒤에 다시 하세요");
    }

    private void refuseWhenStopping() {
        if (stopping) {
            throw ApiProblem.unavailable("node-stopping", "this server is stopping: try again in a moment",
                    "이 서버가 멈추는 중입니다. 잠시 뒤에 다시 하세요");
        }
    }

    private Opened resume(String school, Caller student, LiveLab lab, boolean runOn) {
        String id = lab.id();
        // under its own id also without a snapshot (lost before its first checkpoint): opened afresh under a new id, the
        // record moved to it and the student's id was gone (crash-test's last 404s)
        LabHost.Opened o = host.resume(id, lab.lab(), lab.program(), lab.snapshot(), lab.playsSequence());
        if (!o.session().id().equals(id)) {
            // the id was taken meanwhile: keep the record under the new one
            mongo.remove(Query.query(where("_id").is(id)), LiveLab.class);
            lab = mongo.insert(new LiveLab(o.session().id(), school, student.username(), lab.lab(), lab.program(),
                    LiveLab.State.ACTIVE, lab.openedAt(), Instant.now(), lab.snapshot(), lab.sequence(),
                    lab.snapshotTimeMs(), nodes.me(), lab.running()));
        }
        phaseIn(o.session().id());
        if (runOn) {
            host.command(o.session().id(), LabHost.Action.START);
        }
        log.info("lab session {} of {} resumed on {}{}", o.session().id(), student.username(), nodes.me(),
                runOn ? ", running" : "");
        return new Opened(find(school, student.username(), o.session().id()), o.session(), o.login());
    }

    /**
     * Lets a session this node runs go, for another node to take: its state now stored as its snapshot, the record
     * naming no node. A session not running here is let go too if the record still names this node.
     */
    public void release(String id) {
        synchronized (moving.computeIfAbsent(id, k -> new Object())) {
            Query mine = Query.query(where("_id").is(id).and("node").is(nodes.me()));
            var running = host.session(id);
            if (running.isEmpty()) {
                mongo.updateFirst(mine, new Update().set("node", null), LiveLab.class);
                return;
            }
            LabSession.Status status = running.get().status();
            mongo.updateFirst(mine, stateNow(id, status).set("node", null), LiveLab.class);
            host.close(id);
            log.info("lab session {} let go by {} at {} ms", id, nodes.me(), status.timeMillis());
        }
    }

    /** The grade of the student's session, with the session's record (its lab and program). */
    public record Graded(LiveLab lab, sfa.lab.scenario.Grade grade) {
    }

    /** Grades on a grading thread in the student's turn, as a submitted attempt is (never on the request thread). */
    public Graded grade(String school, Caller student, String id) {
        Opened o = use(school, student, id);
        return new Graded(o.lab(), grader.inTurn(student, () -> host.grade(o.session().id())));
    }

    public List<LiveLab> mine(String school, Caller student) {
        Query q = Query.query(where("school").is(school).and("username").is(student.username())
                .and("state").ne(LiveLab.State.CLOSED));
        q.fields().exclude("snapshot");
        return mongo.find(q, LiveLab.class);
    }

    public void close(String school, Caller student, String id) {
        close(find(school, student.username(), id));
    }

    private void close(LiveLab lab) {
        host.close(lab.id());
        touched.remove(lab.id());
        // a copy on another node finds its record closed at its next checkpoint and lets it go
        mongo.updateFirst(Query.query(where("_id").is(lab.id())), new Update().set("state", LiveLab.State.CLOSED)
                .unset("snapshot").set("node", null), LiveLab.class);
    }

    private LiveLab find(String school, String username, String id) {
        LiveLab lab = mongo.findOne(Query.query(where("_id").is(id).and("school").is(school).and("username").is(username)
                .and("state").ne(LiveLab.State.CLOSED)), LiveLab.class);
        if (lab == null) {
            throw ApiProblem.notFound("you have no live lab session '" + id + "'", "'" + id + "' 실습 세션이 없습니다");
        }
        return lab;
    }

    /**
     * When each session was last checkpointed (nanoTime), or when its first checkpoint counts from: a session opened or
     * resumed here starts at a random point of the interval, so that a class opening its labs in the same minute is
     * not written all at once a minute later.
     */
    private final Map<String, Long> checkpointed = new ConcurrentHashMap<>();
    private void phaseIn(String id) {
        checkpointed.put(id, System.nanoTime()
                - (long) (java.util.concurrent.ThreadLocalRandom.current().nextDouble() * checkpointNanos));
    }

    /**
     * Every second, the sessions whose checkpoint is due ({@code sfa.labs.checkpoint-ms}, a minute): idle too long,
     * they are snapshotted, stopped and suspended; the others get a fresh checkpoint, so a crash loses about a minute
     * of a lab at most. At most the share of the interval a second is (plus one) per second, the longest waiting
     * first: 300 sessions make 6 snapshot writes a second instead of 300 at once, which held every other write of
     * the store for seconds (the scale run). A session whose record names another node (it was taken over while this
     * node was away) or is closed is let go.
     */
    @Scheduled(fixedDelay = 1000, initialDelay = 1000)
    public void checkpointDue() {
        long now = System.nanoTime();
        List<String> ids = host.ids();
        long share = Math.max(1, (long) Math.ceil(ids.size() * 1e9 / checkpointNanos)) + 1;
        ids.stream().filter(id -> now - checkpointed.computeIfAbsent(id, k -> now) >= checkpointNanos)
                .sorted(java.util.Comparator.comparingLong(id -> checkpointed.getOrDefault(id, now)))
                .limit(share).forEach(this::checkpoint);
    }

    /** Checkpoints every session of this node now (tests; {@link #checkpointDue} spreads them over the interval). */
    public void checkpoint() {
        host.ids().forEach(this::checkpoint);
    }

    /**
     * A session's state as the store keeps it: its snapshot, the simulated time the snapshot holds at least (the
     * status is read before the snapshot is taken) and whether the plant runs.
     */
    private Update stateNow(String id, LabSession.Status status) {
        return new Update().set("snapshot", host.snapshot(id)).set("snapshotTimeMs", status.timeMillis())
                .set("running", status.running());
    }

    private void checkpoint(String id) {
        Instant now = Instant.now();
        Instant last = touched.getOrDefault(id, now);
        try {
            var running = host.session(id);
            if (running.isEmpty()) {
                touched.remove(id);
                return;
            }
            checkpointed.put(id, System.nanoTime());
            boolean idleTooLong = last.plus(idle).isBefore(now);
            Update u = stateNow(id, running.get().status()).set("lastActivity", last);
            if (idleTooLong) {
                u.set("state", LiveLab.State.SUSPENDED).set("node", null).set("running", false);
            }
            var r = mongo.updateFirst(Query.query(where("_id").is(id).and("state").ne(LiveLab.State.CLOSED)
                    .and("node").is(nodes.me())), u, LiveLab.class);
            if (idleTooLong || r.getMatchedCount() == 0) {
                host.close(id);
                log.info("lab session {} {}", id, idleTooLong ? "suspended after " + idle.toMinutes() + " idle minutes"
                        : "let go: closed, or run by another node now");
            }
        } catch (ApiProblem | sfa.lab.session.SessionException e) {
            touched.remove(id);
        }
    }

    /**
     * When the server stops (before its streams end and before the web server stops taking requests): every session
     * is let go with a fresh snapshot, so it continues where it was, on another node at once or here after the restart.
     */
    @Override
    public void stop() {
        stopping = true;
        for (String id : host.ids()) {
            try {
                release(id);
            } catch (RuntimeException e) {
                log.warn("lab session {} not let go at the stop ({}): it continues from its last checkpoint", id,
                        e.toString());
            }
        }
    }

    @Override
    public void start() {
        stopping = false;
    }

    @Override
    public boolean isRunning() {
        return !stopping;
    }
}
