package sfa.backend.curriculum;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** Assignments of units to classes, always within one school. */
@Repository
public class Assignments {

    private final MongoTemplate mongo;

    Assignments(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Sets (or moves the due date of) one assignment, in one upsert. */
    public Assignment assign(String school, String classId, String unit, LocalDate due, String by) {
        Update u = new Update().setOnInsert("school", school).setOnInsert("classId", classId).setOnInsert("unit", unit)
                .set("due", due).set("assignedBy", by).set("assignedAt", Instant.now());
        return mongo.findAndModify(Query.query(where("_id").is(Assignment.id(classId, unit)).and("school").is(school)), u,
                FindAndModifyOptions.options().upsert(true).returnNew(true), Assignment.class);
    }

    public boolean remove(String school, String classId, String unit) {
        return mongo.remove(Query.query(where("_id").is(Assignment.id(classId, unit)).and("school").is(school)),
                Assignment.class).getDeletedCount() > 0;
    }

    public List<Assignment> ofClasses(String school, Collection<String> classIds) {
        return mongo.find(Query.query(where("school").is(school).and("classId").in(classIds)).with(Sort.by("due")),
                Assignment.class);
    }
}
