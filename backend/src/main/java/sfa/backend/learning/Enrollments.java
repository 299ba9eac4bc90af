package sfa.backend.learning;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * Enrollments, each changed by one atomic update ({@code findAndModify} with {@code $addToSet},
 * {@code $inc}, {@code $max}, {@code $push}): a retried or concurrent request never loses or
 * double-counts, and no change needs a transaction.
 */
@Repository
public class Enrollments {

    /** Quiz attempts kept in full per enrollment (the count and the best score cover all of them). */
    static final int KEPT_ATTEMPTS = 30;

    private final MongoTemplate mongo;

    Enrollments(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Optional<Enrollment> find(String school, String username, String unit) {
        return Optional.ofNullable(mongo.findById(Enrollment.id(school, username, unit), Enrollment.class));
    }

    public List<Enrollment> of(String school, String username) {
        return mongo.find(Query.query(where("school").is(school).and("username").is(username)), Enrollment.class);
    }

    /**
     * A student's enrollments among {@code units}, looked up by id. The embedded store has only its
     * unique {@code _id} index, so {@link #of(String, String)} reads every enrollment of every student;
     * this reads at most one per unit (measured in docs/benchmarks.md, "API load").
     */
    public List<Enrollment> of(String school, String username, Collection<String> units) {
        List<String> ids = units.stream().map(u -> Enrollment.id(school, username, u)).toList();
        return mongo.find(Query.query(where("_id").in(ids)), Enrollment.class);
    }

    public List<Enrollment> ofSchool(String school) {
        return mongo.find(Query.query(where("school").is(school)), Enrollment.class);
    }

    /** The enrollment, started at {@code version} if it did not exist (an existing one keeps its version). */
    public Enrollment start(String school, String username, String displayName, String unit, int version) {
        Instant now = Instant.now();
        Update u = new Update().setOnInsert("school", school).setOnInsert("username", username)
                .setOnInsert("unit", unit).setOnInsert("version", version).setOnInsert("startedAt", now)
                .setOnInsert("quizAttemptCount", 0).setOnInsert("bestQuizPercent", 0.0)
                .setOnInsert("quizPassed", false).setOnInsert("labAttemptCount", 0)
                .set("displayName", displayName).set("lastActivity", now);
        try {
            return modify(Query.query(where("_id").is(Enrollment.id(school, username, unit))), u, true);
        } catch (org.springframework.dao.DuplicateKeyException raced) {
            // two first requests at once: the other one inserted it; this one is now a plain update
            return modify(Query.query(where("_id").is(Enrollment.id(school, username, unit))), u, false);
        }
    }

    public Enrollment lessonRead(String id, String lesson) {
        return modify(byId(id), new Update().addToSet("lessonsRead", lesson).set("lastActivity", Instant.now()), false);
    }

    /**
     * Counts a quiz attempt once: an attempt whose id the enrollment already holds (a retried submission under the
     * same Idempotency-Key) changes nothing.
     */
    public Enrollment quizAttempt(String id, Enrollment.QuizAttempt a) {
        Update u = new Update().push("quizAttempts").slice(-KEPT_ATTEMPTS).each(a).inc("quizAttemptCount", 1)
                .max("bestQuizPercent", a.percent()).set("lastActivity", a.at());
        if (a.passed()) {
            u.set("quizPassed", true);
        }
        Enrollment e = modify(byId(id).addCriteria(where("quizAttempts.id").ne(a.id())), u, false);
        return e != null ? e : mongo.findById(id, Enrollment.class);
    }

    /**
     * Counts a lab attempt once: the enrollment remembers the ids of its recent lab attempts ({@code labAttemptIds}),
     * and an attempt it already holds changes nothing.
     */
    public Enrollment labAttempt(String id, String lab, boolean passed, String attemptId) {
        Update u = new Update().inc("labAttemptCount", 1).set("lastActivity", Instant.now())
                .push("labAttemptIds").slice(-KEPT_ATTEMPTS).each(attemptId);
        if (passed) {
            u.addToSet("labsPassed", lab);
        }
        Enrollment e = modify(byId(id).addCriteria(where("labAttemptIds").ne(attemptId)), u, false);
        return e != null ? e : mongo.findById(id, Enrollment.class);
    }

    /** Marks the enrollment complete once; a later call keeps the first moment. */
    public Enrollment completed(Enrollment e, Instant at) {
        Enrollment done = mongo.findAndModify(Query.query(where("_id").is(e.id()).and("completedAt").is(null)),
                new Update().set("completedAt", at), FindAndModifyOptions.options().returnNew(true), Enrollment.class);
        return done != null ? done : mongo.findById(e.id(), Enrollment.class);
    }

    private static Query byId(Enrollment e) {
        return byId(e.id());
    }

    private static Query byId(String id) {
        return Query.query(where("_id").is(id));
    }

    /**
     * Changes one enrollment and answers it without its kept quiz attempts and lab attempt ids: a change's caller
     * needs the progress, and the attempts (up to {@value #KEPT_ATTEMPTS} quizzes with every item) were most of what
     * the store encoded, the driver decoded and the mapping read back at every lesson read and quiz (issue 16).
     * {@link #find(String, String, String)} answers the whole document.
     */
    private Enrollment modify(Query q, Update u, boolean upsert) {
        q.fields().exclude("quizAttempts").exclude("labAttemptIds");
        return mongo.findAndModify(q, u, FindAndModifyOptions.options().returnNew(true).upsert(upsert), Enrollment.class);
    }
}
