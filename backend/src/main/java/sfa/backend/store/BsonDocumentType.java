package sfa.backend.store;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * How the embedded store writes a document into its file: as BSON, the form it arrived in over the wire, instead of
 * H2's default, Java serialisation. Every commit writes each changed page whole, all its documents, and Java
 * serialisation was most of a commit (issue 16: 30 % of the store threads' CPU under the API load). A document
 * written before (Java-serialised, which always starts with a tag below 128) is still read, and written as BSON when
 * its page is written next.
 */
final class BsonDocumentType extends BasicDataType<Document> {

    static final BsonDocumentType INSTANCE = new BsonDocumentType();

    /** Marks a BSON value; H2's {@link ObjectDataType} tags are 0–127. */
    private static final byte BSON = (byte) 0xB5;

    /** An estimate of a document's heap size for H2's page cache, kept from the sizes written (as H2 does). */
    private volatile int averageMemory = 1024;

    private BsonDocumentType() {
    }

    @Override
    public void write(WriteBuffer buff, Document document) {
        ByteBuf bson = Unpooled.buffer(256);
        try {
            BsonEncoder.encodeDocument(document, bson);
            int length = bson.readableBytes();
            buff.put(BSON).put(bson.array(), bson.arrayOffset() + bson.readerIndex(), length);
            averageMemory = (averageMemory * 15 + length * 4) / 16;
        } finally {
            bson.release();
        }
    }

    @Override
    public Document read(ByteBuffer buff) {
        if (buff.get(buff.position()) != BSON) {
            return (Document) new ObjectDataType().read(buff); // written before this type, Java-serialised
        }
        buff.get();
        int start = buff.position();
        int length = Integer.reverseBytes(buff.getInt(start)); // BSON starts with its own length, little-endian
        ByteBuf bson;
        if (buff.hasArray()) {
            bson = Unpooled.wrappedBuffer(buff.array(), buff.arrayOffset() + start, length);
        } else {
            byte[] copy = new byte[length];
            buff.get(start, copy);
            bson = Unpooled.wrappedBuffer(copy);
        }
        buff.position(start + length);
        return BsonDecoder.decodeBson(bson);
    }

    @Override
    public int getMemory(Document document) {
        return averageMemory;
    }

    @Override
    public int compare(Document a, Document b) {
        return new ObjectDataType().compare(a, b);
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }
}
