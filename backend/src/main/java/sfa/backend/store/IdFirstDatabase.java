package sfa.backend.store;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * An H2 database of the embedded store whose collections look a document up by its {@code _id} first when a query
 * names one ({@link IdFirstCollection}) and whose documents are written as BSON ({@link BsonDocumentType}). Its maps
 * are H2Database's own, under the same names, so a store file written before reads the same.
 */
final class IdFirstDatabase extends H2Database {

    private final MVStore store;
    private final CursorRegistry cursors;

    IdFirstDatabase(String name, MVStore store, CursorRegistry cursors) {
        // set before the super constructor, which opens the existing collections through openOrCreateCollection
        this.store = store;
        this.cursors = cursors;
        super(name, store, cursors);
    }

    @Override
    protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
        String namespace = getFullCollectionNamespace(collectionName);
        MVMap<Object, Document> data = store.openMap("databases." + namespace,
                new MVMap.Builder<Object, Document>().valueType(BsonDocumentType.INSTANCE));
        return new IdFirstCollection(this, collectionName, options, data, store.openMap("meta." + namespace), cursors);
    }
}
