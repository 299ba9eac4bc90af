package sfa.lab.st;

/**
 * The executable form: a tree of closures, one per checked node, specialised by value kind so that
 * nothing is boxed. Every name has been resolved to a slot before these are built.
 */
final class Nodes {

    private Nodes() {
    }

    /** Statement results: go on, leave the innermost loop, leave the POU. */
    static final int NORMAL = 0;
    static final int EXIT = 1;
    static final int RETURN = 2;

    @FunctionalInterface
    interface BoolNode {
        boolean eval(Frame f);
    }

    @FunctionalInterface
    interface LongNode {
        long eval(Frame f);
    }

    @FunctionalInterface
    interface DoubleNode {
        double eval(Frame f);
    }

    @FunctionalInterface
    interface ObjectNode {
        Object eval(Frame f);
    }

    @FunctionalInterface
    interface StmtNode {
        int exec(Frame f);
    }

    static StmtNode block(StmtNode[] body) {
        return switch (body.length) {
            case 0 -> f -> NORMAL;
            case 1 -> body[0];
            case 2 -> {
                StmtNode a = body[0];
                StmtNode b = body[1];
                yield f -> {
                    int r = a.exec(f);
                    return r != NORMAL ? r : b.exec(f);
                };
            }
            default -> f -> {
                for (StmtNode s : body) {
                    int r = s.exec(f);
                    if (r != NORMAL) {
                        return r;
                    }
                }
                return NORMAL;
            };
        };
    }
}
