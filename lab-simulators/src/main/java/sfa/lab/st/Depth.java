package sfa.lab.st;

import java.util.List;

/**
 * How deep a checked body nests: the longest path from the body down to a name or a literal, one level per
 * block, statement and operator. Running the body takes stack in proportion (one or two closures a level on
 * the closures backend), and a call runs the callee's body on top of the caller's, so the checker adds these
 * up along chains of calls. The parser's limits keep each path short, so the recursion here is short too.
 */
final class Depth {

    private Depth() {
    }

    static int of(List<Bound.Stmt> body) {
        int deepest = 0;
        for (Bound.Stmt s : body) {
            deepest = Math.max(deepest, statement(s));
        }
        return deepest;
    }

    private static int statement(Bound.Stmt s) {
        return 1 + switch (s) {
            case Bound.Assign a -> Math.max(ref(a.target()), expr(a.value()));
            case Bound.Copy c -> Math.max(ref(c.target()), ref(c.source()));
            case Bound.If i -> Math.max(Math.max(deepest(i.conditions()), of(i.elseBody())), bodies(i.bodies()));
            case Bound.Case c -> Math.max(Math.max(expr(c.selector()), of(c.elseBody())), bodies(c.bodies()));
            case Bound.For f -> Math.max(Math.max(ref(f.variable()), of(f.body())),
                    Math.max(Math.max(expr(f.from()), expr(f.to())), expr(f.step())));
            case Bound.While w -> Math.max(expr(w.condition()), of(w.body()));
            case Bound.Repeat r -> Math.max(expr(r.until()), of(r.body()));
            case Bound.FbCall c -> {
                int deepest = ref(c.instance());
                for (Bound.Input in : c.inputs()) {
                    deepest = Math.max(deepest, expr(in.value()));
                }
                for (Bound.Output out : c.outputs()) {
                    deepest = Math.max(deepest, ref(out.target()));
                }
                yield deepest;
            }
            case Bound.Evaluate e -> expr(e.call());
            case Bound.Exit e -> 0;
            case Bound.Return r -> 0;
        };
    }

    private static int bodies(List<List<Bound.Stmt>> bodies) {
        int deepest = 0;
        for (List<Bound.Stmt> body : bodies) {
            deepest = Math.max(deepest, of(body));
        }
        return deepest;
    }

    private static int expr(Bound.Expr e) {
        return switch (e) {
            case Bound.Const k -> 0;
            case Bound.Load l -> ref(l.ref());
            case Bound.Unary u -> 1 + expr(u.operand());
            case Bound.Binary b -> 1 + Math.max(expr(b.left()), expr(b.right()));
            case Bound.Convert c -> 1 + expr(c.from());
            case Bound.CallFunction c -> 1 + deepest(c.args());
            case Bound.Builtin b -> 1 + deepest(b.args());
        };
    }

    /** A name is 0; each field, element or member on the way to it a level, and an index what it takes. */
    private static int ref(Bound.Ref r) {
        return switch (r) {
            case Bound.VarRef v -> 0;
            case Bound.FieldRef f -> 1 + ref(f.base());
            case Bound.MemberRef m -> 1 + ref(m.instance());
            case Bound.ElementRef el -> 1 + Math.max(ref(el.base()), deepest(el.indices()));
        };
    }

    /** The deepest of {@code exprs}; a missing argument (null) is none. */
    private static int deepest(List<Bound.Expr> exprs) {
        int deepest = 0;
        for (Bound.Expr e : exprs) {
            if (e != null) {
                deepest = Math.max(deepest, expr(e));
            }
        }
        return deepest;
    }
}
