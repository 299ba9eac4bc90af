package sfa.backend.store;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import java.util.List;
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

    /**
     * A unique index, in a map of its own name ({@code …._keys_…}) whose keys are ordered by value
     * ({@link KeyValueType}). Opened on a file written before, the new map is empty, and the collection fills it
     * from its documents (mongo-java-server builds an empty index that way); the old map ({@code …._index_…},
     * ordered by Java serialisation) is removed.
     */
    @Override
    protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
            boolean sparse) {
        String namespace = getFullCollectionNamespace(collectionName);
        String before = namespace + "._index_" + indexName;
        if (store.hasMap(before)) {
            store.removeMap(before);
        }
        MVMap<KeyValue, Object> map = store.openMap(keysMap(namespace, indexName),
                new MVMap.Builder<KeyValue, Object>().keyType(KeyValueType.INSTANCE));
        return new OrderedUniqueIndex(map, indexName, keys, sparse);
    }

    @Override
    protected void dropIndex(MongoCollection<Object> collection, String indexName) {
        super.dropIndex(collection, indexName);
        String map = keysMap(getFullCollectionNamespace(collection.getCollectionName()), indexName);
        if (store.hasMap(map)) {
            store.removeMap(map);
        }
    }

    private static String keysMap(String namespace, String indexName) {
        return namespace + "._keys_" + indexName;
    }

    @Override
    protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
        String namespace = getFullCollectionNamespace(collectionName);
        MVMap<Object, Document> data = store.openMap("databases." + namespace,
                new MVMap.Builder<Object, Document>().valueType(BsonDocumentType.INSTANCE));
        return new IdFirstCollection(this, collectionName, options, data, store.openMap("meta." + namespace), cursors);
    }
}
