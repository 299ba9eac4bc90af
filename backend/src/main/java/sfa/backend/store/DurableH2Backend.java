package sfa.backend.store;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.util.Locale;
import java.util.Set;
import org.h2.mvstore.MVStore;

/**
 * The embedded store's H2 backend, committing every write to its file before the write is answered. H2's MVStore
 * on its own commits in the background about once a second, so a server killed with {@code kill -9} lost the last
 * second of writes it had already acknowledged: quiz attempts, lessons read, idempotency records (measured by
 * {@code benchmarks/crash-test}, docs/benchmarks.md, "Crash safety"). A commit writes the changed pages to the file
 * (no fsync): what it wrote survives the process, not a power cut of the machine.
 */
final class DurableH2Backend extends H2Backend {

    /** The commands that change data, as drivers name them (compared without case). */
    static final Set<String> WRITES = Set.of("insert", "update", "delete", "findandmodify", "create", "drop",
            "createindexes", "dropindexes", "dropdatabase", "renamecollection");

    DurableH2Backend(MVStore store) {
        super(store);
    }

    static DurableH2Backend open(String file) {
        return new DurableH2Backend(new MVStore.Builder().fileName(file).open());
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        Document answer = super.handleCommand(channel, database, command, query);
        if (WRITES.contains(command.toLowerCase(Locale.ROOT))) {
            commit();
        }
        return answer;
    }
}
