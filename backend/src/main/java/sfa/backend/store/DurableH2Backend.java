package sfa.backend.store;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.h2.mvstore.MVStore;

/**
 * The embedded store's H2 backend, committing every write to its file before the write is answered, and only
 * between writes. H2's MVStore on its own commits in the background about once a second, at any moment: a server
 * killed with {@code kill -9} lost the last second of writes it had already acknowledged (quiz attempts, lessons
 * read, idempotency records), and a commit in the middle of another write could store a document without its
 * {@code _id} index entry, after which the store refused to delete it and the server to start (both found by
 * {@code benchmarks/crash-test}, docs/benchmarks.md, "Crash safety"). Here the background commit is off; writes run
 * side by side under a shared lock and each then commits under the exclusive one, so a commit never sees a write
 * half done, and one commit covers every write finished before it. A commit writes the changed pages to the file
 * (no fsync): what it wrote survives the process, not a power cut of the machine.
 */
final class DurableH2Backend extends H2Backend {

    /** The commands that change data, as drivers name them (compared without case). */
    static final Set<String> WRITES = Set.of("insert", "update", "delete", "findandmodify", "create", "drop",
            "createindexes", "dropindexes", "dropdatabase", "renamecollection");

    private final ReentrantReadWriteLock writing = new ReentrantReadWriteLock();
    /** Commits so far; guarded by the write lock. */
    private long commits;
    /** Every this many commits, chunks less full than {@link #COMPACT_FILL_PERCENT} are rewritten (at most 16 MB). */
    static final int COMPACT_EVERY = 1000;
    static final int COMPACT_FILL_PERCENT = 60;
    static final int COMPACT_BYTES = 4 * 1024 * 1024;

    DurableH2Backend(MVStore store) {
        super(store);
    }

    /** A store that keeps nothing (tests, {@code sfa.data-dir=memory}), with the same collections as the file's. */
    static DurableH2Backend memory() {
        return new DurableH2Backend(new MVStore.Builder().autoCommitDisabled().keysPerPage(KEYS_PER_PAGE).open());
    }

    static DurableH2Backend open(String file) {
        return open(file, RETENTION_MS);
    }

    /**
     * @param retentionMs how long a chunk no longer used is kept before its space is reused: H2's margin for
     *        write buffers not yet on the disk (its default is 45 s)
     */
    static DurableH2Backend open(String file, int retentionMs) {
        MVStore store = new MVStore.Builder().fileName(file).autoCommitDisabled()
                .keysPerPage(KEYS_PER_PAGE).open();
        store.setRetentionTime(retentionMs);
        return new DurableH2Backend(store);
    }

    /**
     * Documents in a leaf page of the store's tree (H2's default is 48). Every commit writes each changed leaf page
     * whole, serialising all its documents: with 16 a store write costs about a quarter less CPU (issue 16,
     * docs/benchmarks.md "What one request costs"); the tree is a level deeper, which reads hardly notice.
     */
    static final int KEYS_PER_PAGE = 16;

    /**
     * The space of old versions is reused after 10 s (H2's default is 45 s, a margin for disks that hold writes in
     * their buffers; this store does not fsync anyway, see above). Without its background writer H2 reuses the
     * space only at commits, so the file stays about as large as the data plus this many seconds of writes: a lab's
     * checkpoint rewritten every second grew it by hundreds of MB in benchmarks/crash-test.
     */
    static final int RETENTION_MS = 10_000;

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new IdFirstDatabase(databaseName, getMvStore(), getCursorRegistry());
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        if (!WRITES.contains(command.toLowerCase(Locale.ROOT))) {
            return super.handleCommand(channel, database, command, query);
        }
        Document answer;
        writing.readLock().lock();
        try {
            answer = super.handleCommand(channel, database, command, query);
        } finally {
            writing.readLock().unlock();
        }
        writing.writeLock().lock();
        try {
            commit(); // nothing to write when another write's commit took this one along
            if (++commits % COMPACT_EVERY == 0) {
                // H2's background writer, which is off, also reclaimed the space of old versions: do it here,
                // between writes, or a document rewritten again and again (a lab's checkpoint) grows the file forever
                getMvStore().compact(COMPACT_FILL_PERCENT, COMPACT_BYTES);
                commit();
            }
        } finally {
            writing.writeLock().unlock();
        }
        return answer;
    }
}
