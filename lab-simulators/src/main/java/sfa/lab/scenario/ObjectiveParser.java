package sfa.lab.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Parses one objective of the temporal language. Keywords are lower case and case-insensitive;
 * durations carry a unit ({@code 100ms}, {@code 2.5s}, {@code 1min}). Errors are {@link Problem}s at
 * the line and column of the offending token, counted in the spec file (the caller gives where the
 * objective's text starts).
 */
final class ObjectiveParser {

    static final Set<String> FUNCTIONS = Set.of("rise", "fall", "change", "held", "happened", "since", "count",
            "latch", "clock", "hold", "abs", "sign", "min", "max");
    private static final Set<String> KEYWORDS = Set.of("always", "never", "after", "within", "whenever", "then", "by",
            "when", "from", "until", "while", "and", "or", "not", "implies", "true", "false", "time");

    private record Tok(String kind, String text, double number, int line, int column) {
    }

    private final String file;
    private final List<Tok> toks = new ArrayList<>();
    private final List<Problem> problems;
    private int pos;

    /** Thrown to unwind after the first problem in one objective. */
    private static final class Stop extends RuntimeException {
        Stop() {
            super(null, null, false, false);
        }
    }

    private ObjectiveParser(String file, List<Problem> problems) {
        this.file = file;
        this.problems = problems;
    }

    /** The objective, or null with the problems added. {@code line}/{@code column} locate the text in the file. */
    static @Nullable Objective parse(String text, String file, int line, int column, List<Problem> problems) {
        ObjectiveParser p = new ObjectiveParser(file, problems);
        try {
            p.scan(text, line, column);
            Objective o = p.objective();
            if (!p.peek().kind.equals("end")) {
                p.fail(p.peek(), "unexpected '" + p.peek().text + "' after the objective",
                        "목표 뒤에 '" + p.peek().text + "'이(가) 더 있습니다");
            }
            return o;
        } catch (Stop s) {
            return null;
        }
    }

    /** An expression on its own (a fault's condition, a scope), or null with the problems added. */
    static @Nullable Expr parseExpr(String text, String file, int line, int column, List<Problem> problems) {
        ObjectiveParser p = new ObjectiveParser(file, problems);
        try {
            p.scan(text, line, column);
            Expr e = p.expr();
            if (!p.peek().kind.equals("end")) {
                p.fail(p.peek(), "unexpected '" + p.peek().text + "'", "'" + p.peek().text + "'이(가) 더 있습니다");
            }
            return e;
        } catch (Stop s) {
            return null;
        }
    }

    // --- scanner ----------------------------------------------------------------------------

    private void scan(String text, int line0, int column0) {
        int line = line0;
        int col = column0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                col = 1;
                i++;
                continue;
            }
            if (Character.isWhitespace(c)) {
                i++;
                col++;
                continue;
            }
            int start = i;
            if (Character.isDigit(c) || (c == '.' && i + 1 < text.length() && Character.isDigit(text.charAt(i + 1)))) {
                while (i < text.length() && (Character.isDigit(text.charAt(i)) || text.charAt(i) == '.' || text.charAt(i) == '_')) {
                    i++;
                }
                String digits = text.substring(start, i).replace("_", "");
                int unitStart = i;
                while (i < text.length() && Character.isLetter(text.charAt(i))) {
                    i++;
                }
                String unit = text.substring(unitStart, i).toLowerCase(Locale.ROOT);
                double value;
                try {
                    value = Double.parseDouble(digits);
                } catch (NumberFormatException e) {
                    problems.add(new Problem(file, line, col, "'" + digits + "' is not a number", "'" + digits + "'은(는) 숫자가 아닙니다"));
                    throw new Stop();
                }
                double scale = switch (unit) {
                    case "" -> 1;
                    case "ms" -> 1;
                    case "s" -> 1000;
                    case "min" -> 60_000;
                    default -> {
                        problems.add(new Problem(file, line, col + (unitStart - start), "unknown unit '" + unit
                                + "': durations are written like 100ms, 2.5s or 1min",
                                "알 수 없는 단위 '" + unit + "': 시간은 100ms, 2.5s, 1min처럼 씁니다"));
                        throw new Stop();
                    }
                };
                toks.add(new Tok(unit.isEmpty() ? "number" : "duration", text.substring(start, i), value * scale, line, col));
                col += i - start;
                continue;
            }
            if (Character.isLetter(c) || c == '_') {
                while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_'
                        || (text.charAt(i) == '.' && i + 1 < text.length() && Character.isLetter(text.charAt(i + 1))))) {
                    i++;
                }
                String word = text.substring(start, i);
                String lower = word.toLowerCase(Locale.ROOT);
                toks.add(new Tok(KEYWORDS.contains(lower) ? lower : "name", word, 0, line, col));
                col += i - start;
                continue;
            }
            String two = i + 1 < text.length() ? text.substring(i, i + 2) : "";
            String op = switch (two) {
                case "==", "!=", "<>", "<=", ">=" -> two;
                default -> switch (c) {
                    case '(', ')', ',', '+', '-', '*', '/', '<', '>', '=' -> String.valueOf(c);
                    default -> null;
                };
            };
            if (op == null) {
                problems.add(new Problem(file, line, col, "unexpected character '" + c + "'", "알 수 없는 문자 '" + c + "'"));
                throw new Stop();
            }
            toks.add(new Tok(op, op, 0, line, col));
            i += op.length();
            col += op.length();
        }
        toks.add(new Tok("end", "end of the objective", 0, line, col));
    }

    // --- parser -----------------------------------------------------------------------------

    private Tok peek() {
        return toks.get(pos);
    }

    private boolean at(String kind) {
        return peek().kind.equals(kind);
    }

    private boolean match(String kind) {
        if (at(kind)) {
            pos++;
            return true;
        }
        return false;
    }

    private Tok expect(String kind, String what, String whatKo) {
        if (!at(kind)) {
            fail(peek(), "expected " + what + " but found '" + peek().text + "'",
                    whatKo + "이(가) 와야 하는데 '" + peek().text + "'이(가) 있습니다");
        }
        return toks.get(pos++);
    }

    private void fail(Tok at, String en, String ko) {
        problems.add(new Problem(file, at.line, at.column, en, ko));
        throw new Stop();
    }

    private Objective objective() {
        Tok first = peek();
        if (match("always") || match("never")) {
            boolean never = first.kind.equals("never");
            Expr c = expr();
            return new Objective.Always(c, never, scope());
        }
        if (match("after")) {
            Expr event = expr();
            expect("within", "'within'", "'within'");
            Tok d = expect("duration", "a duration such as 100ms", "100ms 같은 시간");
            Expr c = expr();
            return new Objective.After(event, d.number, c, scope());
        }
        if (match("whenever")) {
            Expr event = expr();
            expect("then", "'then'", "'then'");
            Expr c = expr();
            return new Objective.Whenever(event, c, scope());
        }
        Expr c = expr();
        if (match("by")) {
            Tok d = expect("duration", "a time such as 60s", "60s 같은 시각");
            return new Objective.At(c, new Expr.Number(d.line, d.column, d.number), true);
        }
        if (match("when")) {
            return new Objective.At(c, expr(), false);
        }
        fail(peek(), "an objective starts with always, never, after or whenever, or ends with 'by <time>' or 'when <condition>'",
                "목표는 always, never, after, whenever로 시작하거나 'by <시각>', 'when <조건>'으로 끝나야 합니다");
        return null;
    }

    private Objective.Scope scope() {
        Expr from = null;
        Expr until = null;
        Expr during = null;
        while (true) {
            if (match("from")) {
                from = point();
            } else if (match("until")) {
                until = point();
            } else if (match("while")) {
                during = expr();
            } else {
                return new Objective.Scope(from, until, during);
            }
        }
    }

    private Expr point() {
        if (at("duration")) {
            Tok d = toks.get(pos++);
            return new Expr.Number(d.line, d.column, d.number);
        }
        return expr();
    }

    Expr expr() {
        Expr left = or();
        if (at("implies")) {
            Tok op = toks.get(pos++);
            return new Expr.Binary(op.line, op.column, "implies", left, expr());
        }
        return left;
    }

    private Expr or() {
        Expr left = and();
        while (at("or")) {
            Tok op = toks.get(pos++);
            left = new Expr.Binary(op.line, op.column, "or", left, and());
        }
        return left;
    }

    private Expr and() {
        Expr left = not();
        while (at("and")) {
            Tok op = toks.get(pos++);
            left = new Expr.Binary(op.line, op.column, "and", left, not());
        }
        return left;
    }

    private Expr not() {
        if (at("not")) {
            Tok op = toks.get(pos++);
            return new Expr.Unary(op.line, op.column, "not", not());
        }
        return comparison();
    }

    private static boolean isComparison(String k) {
        return switch (k) {
            case "==", "=", "!=", "<>", "<", "<=", ">", ">=" -> true;
            default -> false;
        };
    }

    private Expr comparison() {
        Expr left = sum();
        Expr result = null;
        while (isComparison(peek().kind)) {
            Tok op = toks.get(pos++);
            String o = switch (op.kind) {
                case "=" -> "==";
                case "<>" -> "!=";
                default -> op.kind;
            };
            Expr right = sum();
            Expr c = new Expr.Binary(op.line, op.column, o, left, right);
            // 0.35 <= x <= 0.65 reads as 0.35 <= x and x <= 0.65
            result = result == null ? c : new Expr.Binary(op.line, op.column, "and", result, c);
            left = right;
        }
        return result == null ? left : result;
    }

    private Expr sum() {
        Expr left = product();
        while (at("+") || at("-")) {
            Tok op = toks.get(pos++);
            left = new Expr.Binary(op.line, op.column, op.kind, left, product());
        }
        return left;
    }

    private Expr product() {
        Expr left = unary();
        while (at("*") || at("/")) {
            Tok op = toks.get(pos++);
            left = new Expr.Binary(op.line, op.column, op.kind, left, unary());
        }
        return left;
    }

    private Expr unary() {
        if (at("-")) {
            Tok op = toks.get(pos++);
            return new Expr.Unary(op.line, op.column, "-", unary());
        }
        return primary();
    }

    private Expr primary() {
        Tok t = peek();
        switch (t.kind) {
            case "number", "duration" -> {
                pos++;
                return new Expr.Number(t.line, t.column, t.number);
            }
            case "true", "false" -> {
                pos++;
                return new Expr.Number(t.line, t.column, t.kind.equals("true") ? 1 : 0);
            }
            case "time" -> {
                pos++;
                return new Expr.Time(t.line, t.column);
            }
            case "(" -> {
                pos++;
                Expr e = expr();
                expect(")", "')'", "')'");
                return e;
            }
            case "name" -> {
                pos++;
                String lower = t.text.toLowerCase(Locale.ROOT);
                if (at("(")) {
                    if (!FUNCTIONS.contains(lower)) {
                        fail(t, "unknown function '" + t.text + "'; the functions are " + String.join(", ", new java.util.TreeSet<>(FUNCTIONS)),
                                "알 수 없는 함수 '" + t.text + "'; 쓸 수 있는 함수: " + String.join(", ", new java.util.TreeSet<>(FUNCTIONS)));
                    }
                    pos++;
                    List<Expr> args = new ArrayList<>();
                    if (!at(")")) {
                        do {
                            args.add(at("duration") ? primary() : expr());
                        } while (match(","));
                    }
                    expect(")", "')' after the arguments of " + lower, lower + "의 인수 뒤에 ')'");
                    checkArity(t, lower, args.size());
                    return new Expr.Call(t.line, t.column, lower, List.copyOf(args));
                }
                return new Expr.Signal(t.line, t.column, t.text);
            }
            default -> {
                fail(t, "expected a signal, a number or '(' but found '" + t.text + "'",
                        "신호, 숫자 또는 '('가 와야 하는데 '" + t.text + "'이(가) 있습니다");
                return null;
            }
        }
    }

    private void checkArity(Tok at, String function, int count) {
        int wanted = switch (function) {
            case "held", "happened", "latch", "hold", "min", "max" -> 2;
            default -> 1;
        };
        if (count != wanted) {
            fail(at, function + " takes " + wanted + " argument" + (wanted == 1 ? "" : "s") + ", not " + count,
                    function + "에는 인수 " + wanted + "개가 필요합니다 (지금 " + count + "개)");
        }
    }
}
