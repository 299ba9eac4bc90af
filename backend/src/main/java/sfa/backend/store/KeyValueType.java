package sfa.backend.store;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.ValueComparator;
import java.nio.ByteBuffer;
import java.util.Comparator;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The keys of the embedded store's unique indexes ({@code _id} first), ordered by their values as MongoDB orders
 * them. H2's default type orders a key it does not know by its Java serialisation, so every step of every index
 * lookup serialised two keys: 14 % of the store threads' CPU under the API load (issue 16). A key is still written
 * Java-serialised (it may hold any BSON value, or none).
 */
final class KeyValueType extends BasicDataType<KeyValue> {

    static final KeyValueType INSTANCE = new KeyValueType();

    private static final Comparator<Object> VALUES = ValueComparator.ascWithoutListHandling();

    private KeyValueType() {
    }

    @Override
    public int compare(KeyValue a, KeyValue b) {
        int n = Math.min(a.size(), b.size());
        for (int i = 0; i < n; i++) {
            int c = VALUES.compare(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    @Override
    public void write(WriteBuffer buff, KeyValue key) {
        byte[] bytes = ObjectDataType.serialize(key);
        buff.putVarInt(bytes.length).put(bytes);
    }

    @Override
    public KeyValue read(ByteBuffer buff) {
        byte[] bytes = new byte[DataUtils.readVarInt(buff)];
        buff.get(bytes);
        return (KeyValue) ObjectDataType.deserialize(bytes);
    }

    @Override
    public int getMemory(KeyValue key) {
        return 48 + 64 * key.size();
    }

    @Override
    public KeyValue[] createStorage(int size) {
        return new KeyValue[size];
    }
}
