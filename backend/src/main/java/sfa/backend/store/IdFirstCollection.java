package sfa.backend.store;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;

/**
 * A collection of the embedded store that answers a query naming an {@code _id} and more (say {@code {_id: x,
 * school: s}}, or an attempt counted once: {@code {_id: x, quizAttempts.id: {$ne: a}}}) from the {@code _id} index.
 * mongo-java-server uses an index only when the query's fields are exactly the index's, so every such query read the
 * whole collection under its lock: a quiz attempt read every enrollment of every school, more each day a school
 * uses the platform (issue 16: 13 % of the store's CPU under the API load, one run in). The documents with that
 * {@code _id} are the candidates; the whole query is then matched against them as before.
 */
final class IdFirstCollection extends H2Collection {

    private long fullScans;

    IdFirstCollection(MongoDatabase database, String name, CollectionOptions options, MVMap<Object, Document> data,
            MVMap<String, Object> meta, CursorRegistry cursors) {
        super(database, name, options, data, meta, cursors);
    }

    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int skip, int limit, int batchSize,
            Document fieldSelector) {
        Object id = query.get("_id");
        if (id != null && query.size() > 1) {
            Document byId = new Document("_id", id);
            for (Index<Object> index : getIndexes()) {
                if (index.canHandle(byId)) {
                    return matchDocuments(query, index.getPositions(byId), orderBy, skip, limit, batchSize,
                            fieldSelector);
                }
            }
        }
        return super.queryDocuments(query, orderBy, skip, limit, batchSize, fieldSelector);
    }

    @Override
    protected QueryResult matchDocuments(Document query, Document orderBy, int skip, int limit, int batchSize,
            Document fieldSelector) {
        fullScans++;
        return super.matchDocuments(query, orderBy, skip, limit, batchSize, fieldSelector);
    }

    /** Queries answered by reading every document of the collection, so far. */
    synchronized long fullScans() {
        return fullScans;
    }
}
