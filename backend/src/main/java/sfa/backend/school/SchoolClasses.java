package sfa.backend.school;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.List;
import java.util.Optional;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** The classes of the schools; every method takes the school, so one school never reaches another's. */
@Repository
public class SchoolClasses {

    private final MongoTemplate mongo;

    SchoolClasses(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public List<SchoolClass> of(String school) {
        return mongo.find(Query.query(where("school").is(school)), SchoolClass.class);
    }

    public List<SchoolClass> withStudent(String school, String username) {
        return mongo.find(Query.query(where("school").is(school).and("students").is(username)), SchoolClass.class);
    }

    /** The class, or a 404 problem naming it (to a student too, when it is not theirs). */
    public SchoolClass get(String school, String id) {
        return find(school, id).orElseThrow(() -> notFound(id));
    }

    public static sfa.backend.web.ApiProblem notFound(String id) {
        return sfa.backend.web.ApiProblem.notFound("there is no class '" + id + "' in this school",
                "이 학교에 '" + id + "' 반이 없습니다");
    }

    public Optional<SchoolClass> find(String school, String id) {
        return Optional.ofNullable(mongo.findOne(Query.query(where("_id").is(id).and("school").is(school)), SchoolClass.class));
    }

    public SchoolClass add(SchoolClass c) {
        return mongo.insert(c);
    }

    /** Adds or removes one student in one atomic update; adding twice keeps one entry. */
    public Optional<SchoolClass> enroll(String school, String id, String username, boolean in) {
        Update u = in ? new Update().addToSet("students", username) : new Update().pull("students", username);
        return Optional.ofNullable(mongo.findAndModify(Query.query(where("_id").is(id).and("school").is(school)), u,
                FindAndModifyOptions.options().returnNew(true), SchoolClass.class));
    }
}
