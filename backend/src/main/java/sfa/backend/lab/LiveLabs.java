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
 */
@Service
public class LiveLabs {

    private static final Logger log = LoggerFactory.getLogger(LiveLabs.class);

    /** Live sessions a student may hold at once; opening another closes their oldest. */
    static final int PER_STUDENT = 3;

    private final LabHost host;
    private final MongoTemplate mongo;
    private final Duration idle;
    private final Map<String, Instant> touched = new ConcurrentHashMap<>();

    LiveLabs(LabHost host, MongoTemplate mongo, @Value("${sfa.labs.idle-minutes:30}") long idleMinutes) {
        this.host = host;
        this.mongo = mongo;
        this.idle = Duration.ofMinutes(idleMinutes);
    }

    public record Opened(LiveLab lab, LabSession session, Credentials.@Nullable Issued login) {
    }

    public Opened open(String school, Caller student, String labId, @Nullable String program) {
        return open(school, student, labId, program, true);
    }

    /** With {@code sequence} false a free run: only the student's panel (and program) act on the plant. */
    public Opened open(String school, Caller student, String labId, @Nullable String program, boolean sequence) {
        List<LiveLab> mine = mongo.find(Query.query(where("school").is(school).and("username").is(student.username())
                .and("state").ne(LiveLab.State.CLOSED)).with(org.springframework.data.domain.Sort.by("openedAt")), LiveLab.class);
        for (int i = 0; i <= mine.size() - PER_STUDENT; i++) {
            close(mine.get(i));
        }
        boolean plays = sequence || program == null;
        LabHost.Opened o = host.open(labId, program, plays);
        Instant now = Instant.now();
        LiveLab lab = mongo.insert(new LiveLab(o.session().id(), school, student.username(), labId, program,
                LiveLab.State.ACTIVE, now, now, null, plays, null));
        touched.put(lab.id(), now);
        return new Opened(lab, o.session(), o.login());
    }

    /** The student's session, running: resumed from its snapshot if it was suspended or its host restarted. */
    public Opened use(String school, Caller student, String id) {
        LiveLab lab = find(school, student.username(), id);
        touched.put(id, Instant.now());
        var running = host.session(id);
        if (running.isPresent()) {
            return new Opened(lab, running.get(), null);
        }
        // one resume per session at a time: the workbench asks for a session's state and its stream together after
        // a restart, and two resumes of one id moved the record to a second id, the first one then not found
        // (benchmarks/crash-test)
        synchronized (resuming.computeIfAbsent(id, k -> new Object())) {
            var resumedMeanwhile = host.session(id);
            if (resumedMeanwhile.isPresent()) {
                return new Opened(find(school, student.username(), id), resumedMeanwhile.get(), null);
            }
            return resume(school, student, id, lab);
        }
    }

    private final java.util.Map<String, Object> resuming = new java.util.concurrent.ConcurrentHashMap<>();

    private Opened resume(String school, Caller student, String id, LiveLab lab) {
        LabHost.Opened o = lab.snapshot() == null ? host.open(lab.lab(), lab.program(), lab.playsSequence())
                : host.resume(id, lab.lab(), lab.program(), lab.snapshot(), lab.playsSequence());
        if (!o.session().id().equals(id)) {
            // the id was taken meanwhile: keep the record under the new one
            mongo.remove(Query.query(where("_id").is(id)), LiveLab.class);
            lab = mongo.insert(new LiveLab(o.session().id(), school, student.username(), lab.lab(), lab.program(),
                    LiveLab.State.ACTIVE, lab.openedAt(), Instant.now(), lab.snapshot(), lab.sequence(),
                    lab.snapshotTimeMs()));
        } else {
            mongo.updateFirst(Query.query(where("_id").is(id)), new Update().set("state", LiveLab.State.ACTIVE)
                    .set("lastActivity", Instant.now()), LiveLab.class);
        }
        log.info("lab session {} of {} resumed", id, student.username());
        return new Opened(lab, o.session(), o.login());
    }

    /** The grade of the student's session, with the session's record (its lab and program). */
    public record Graded(LiveLab lab, sfa.lab.scenario.Grade grade) {
    }

    public Graded grade(String school, Caller student, String id) {
        Opened o = use(school, student, id);
        return new Graded(o.lab(), host.grade(o.session().id()));
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
        mongo.updateFirst(Query.query(where("_id").is(lab.id())), new Update().set("state", LiveLab.State.CLOSED)
                .unset("snapshot"), LiveLab.class);
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
     * Every minute: sessions idle too long are snapshotted, stopped and suspended; the others get a fresh
     * checkpoint, so a crash loses at most a minute of a lab.
     */
    @Scheduled(fixedDelayString = "${sfa.labs.checkpoint-ms:60000}", initialDelayString = "${sfa.labs.checkpoint-ms:60000}")
    public void checkpoint() {
        Instant now = Instant.now();
        for (String id : host.ids()) {
            Instant last = touched.getOrDefault(id, now);
            try {
                // read before the snapshot is taken, so the snapshot holds this time or later
                Long timeMs = host.session(id).map(s -> s.status().timeMillis()).orElse(null);
                byte[] snapshot = host.snapshot(id);
                boolean idleTooLong = last.plus(idle).isBefore(now);
                Update u = new Update().set("snapshot", snapshot).set("snapshotTimeMs", timeMs).set("lastActivity", last);
                if (idleTooLong) {
                    u.set("state", LiveLab.State.SUSPENDED);
                }
                var r = mongo.updateFirst(Query.query(where("_id").is(id).and("state").ne(LiveLab.State.CLOSED)), u,
                        LiveLab.class);
                if (idleTooLong || r.getMatchedCount() == 0) {
                    host.close(id);
                    touched.remove(id);
                    log.info("lab session {} {}", id, idleTooLong ? "suspended after " + idle.toMinutes() + " idle minutes"
                            : "closed: not in the store");
                }
            } catch (ApiProblem | sfa.lab.session.SessionException e) {
                touched.remove(id);
            }
        }
    }
}
