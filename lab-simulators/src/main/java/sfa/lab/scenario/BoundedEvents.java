package sfa.lab.scenario;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionEndEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.parser.Parser;

/**
 * The parser's events on their way to the composer, stopped at the first one past a limit. The composer
 * builds a node by calling itself for each child, so deep nesting overflows its stack; it shares the node
 * of an anchor with every alias, so a few lines of aliases can stand for billions of values to whoever
 * walks them ("billion laughs"), and a list may hold itself. The engine has an alias count limit but no
 * depth limit, and its errors name no line; these do.
 */
final class BoundedEvents implements Parser {

    /** Thrown at the first event past a limit, with its place and both languages. */
    static final class Exceeded extends RuntimeException {

        final Optional<Mark> mark;
        final String en;
        final String ko;

        Exceeded(Optional<Mark> mark, String en, String ko) {
            super(en, null, false, false);
            this.mark = mark;
            this.ko = ko;
            this.en = en;
        }
    }

    /** An anchor's latest definition: a list or map (then its size once it is closed) or a scalar. */
    private record Definition(boolean collection, boolean open, long values) {
    }

    /** An open list or map: the running count of values where it started, and its anchor. */
    private record Open(long startedAt, @Nullable String anchor) {
    }

    private final Parser parser;
    private final Deque<Open> open = new ArrayDeque<>();
    private final Map<String, Definition> anchors = new HashMap<>();
    private long values;
    private int collectionAliases;

    BoundedEvents(Parser parser) {
        this.parser = parser;
    }

    @Override
    public boolean checkEvent(Event.ID id) {
        return parser.checkEvent(id);
    }

    @Override
    public Event peekEvent() {
        return parser.peekEvent();
    }

    @Override
    public boolean hasNext() {
        return parser.hasNext();
    }

    @Override
    public Event next() {
        Event e = parser.next();
        switch (e) {
            case CollectionStartEvent start -> {
                if (open.size() >= SpecNode.MAX_DEPTH) {
                    throw new Exceeded(e.getStartMark(), "lists and maps nest more than " + SpecNode.MAX_DEPTH
                            + " deep here; a course file or lab spec needs only a few levels",
                            "목록과 맵이 여기서 " + SpecNode.MAX_DEPTH + "단계보다 깊게 겹쳐 있습니다. 과정 파일과 실습 명세는 몇 단계면 됩니다");
                }
                String anchor = start.getAnchor().map(Anchor::getValue).orElse(null);
                if (anchor != null) {
                    anchors.put(anchor, new Definition(true, true, 0));
                }
                open.push(new Open(values, anchor));
                count(1, e);
            }
            case CollectionEndEvent end -> {
                Open o = open.pop();
                if (o.anchor() != null) {
                    anchors.put(o.anchor(), new Definition(true, false, values - o.startedAt()));
                }
            }
            case ScalarEvent scalar -> {
                scalar.getAnchor().ifPresent(a -> anchors.put(a.getValue(), new Definition(false, false, 1)));
                count(1, e);
            }
            case AliasEvent alias -> alias(alias);
            default -> {
                // stream and document starts and ends, comments: no value of their own
            }
        }
        return e;
    }

    private void alias(AliasEvent alias) {
        String name = alias.getAlias().getValue();
        Definition d = anchors.get(name);
        if (d == null || !d.collection()) {
            count(1, alias); // a scalar, or an undefined alias that the composer reports with its line
            return;
        }
        if (d.open()) {
            throw new Exceeded(alias.getStartMark(), "the alias *" + name + " is used inside the list or map it names",
                    "별칭 *" + name + "이(가) 자신이 가리키는 목록이나 맵 안에 쓰였습니다");
        }
        if (++collectionAliases > SpecNode.MAX_COLLECTION_ALIASES) {
            throw new Exceeded(alias.getStartMark(), "more than " + SpecNode.MAX_COLLECTION_ALIASES
                    + " aliases (*name) of lists or maps; write the values out instead",
                    "목록이나 맵을 가리키는 별칭(*이름)이 " + SpecNode.MAX_COLLECTION_ALIASES + "개를 넘습니다. 값을 직접 쓰세요");
        }
        count(d.values(), alias);
    }

    /** Adds what an event stands for to the file's values: one, or an alias's whole list or map. */
    private void count(long n, Event e) {
        values += n;
        if (values > SpecNode.MAX_VALUES) {
            throw new Exceeded(e.getStartMark(), "the file holds more than " + SpecNode.MAX_VALUES
                    + " values, each alias (*name) counted as all it names", "파일의 값이 " + SpecNode.MAX_VALUES
                    + "개를 넘습니다 (별칭(*이름)은 가리키는 값을 모두 셉니다)");
        }
    }
}
