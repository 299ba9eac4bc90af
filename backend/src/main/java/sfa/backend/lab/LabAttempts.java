package sfa.backend.lab;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/** Graded lab attempts, always looked up within a school (and for a student, within their own). */
@Repository
public class LabAttempts {

    private final MongoTemplate mongo;

    LabAttempts(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Stores an attempt once: an attempt whose id is already stored (a retried submission) is answered as stored. */
    public LabAttempt add(LabAttempt a) {
        try {
            return mongo.insert(a);
        } catch (org.springframework.dao.DuplicateKeyException e) {
            LabAttempt stored = mongo.findById(a.id(), LabAttempt.class);
            return stored != null ? stored : a;
        }
    }

    /** A student's attempts at a unit's labs, newest first, without their traces. */
    public List<LabAttempt> of(String school, String username, String unit) {
        Query q = Query.query(where("school").is(school).and("username").is(username).and("unit").is(unit))
                .with(Sort.by(Sort.Direction.DESC, "at")).limit(200);
        q.fields().exclude("traceGzip");
        return mongo.find(q, LabAttempt.class);
    }

    public Optional<LabAttempt> find(String school, String username, String id) {
        return Optional.ofNullable(mongo.findOne(Query.query(where("_id").is(id).and("school").is(school)
                .and("username").is(username)), LabAttempt.class));
    }
}
