package sfa.lab.st;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Property tests: whatever a student types, the parser returns a tree and only well-placed
 * diagnostics, and never throws. Seeded, so a failure always reproduces.
 */
class ParserFuzzTests {

    private static final List<String> SAMPLES = List.of("""
            TYPE
                Point : STRUCT X : INT; Y : BOOL := TRUE; END_STRUCT;
                Color : (Red, Green := 5, Blue) := Red;
                Speed : INT := 100;
                Row : ARRAY[1..3] OF INT;
            END_TYPE
            VAR_GLOBAL CONSTANT Limit : INT := 10; END_VAR
            PROGRAM Main
            VAR
                Start AT %IX0.0 : BOOL;
                Lamp AT %QX0.0 : BOOL;
                a, b : INT := 5;
                Name : STRING[20] := 'conveyor';
                Values : ARRAY[1..10, -2..2] OF REAL := [1.5, 2, 8(0.0)];
                P : Point := (X := 1, Y := FALSE);
                T1 : TON;
            END_VAR
            T1(IN := Start AND NOT Lamp, PT := T#1s500ms);
            Lamp := T1.Q OR a > b & Start;
            IF a = 1 THEN
                a := -a ** 2 + INT#5 MOD 3;
            ELSIF a <> 2 THEN
                b := Values[1, 0] / 2;
            ELSE
                P.X := 16#FF;
            END_IF;
            CASE a OF
                1: b := 1;
                2, 3: b := 2;
                4..6, -1: ;
                Color#Red: b := 3;
            ELSE
                b := 0;
            END_CASE
            FOR a := 1 TO 10 BY 2 DO
                IF b > 100 THEN EXIT; END_IF
            END_FOR;
            WHILE b > 0 DO b := b - 1; END_WHILE;
            REPEAT b := b + 1; UNTIL b >= Limit END_REPEAT;
            %QX0.1 := %IX0.1 XOR Start;
            END_PROGRAM
            """, """
            FUNCTION_BLOCK Blinker
            VAR_INPUT Enable : BOOL; Period : TIME := T#500ms; END_VAR
            VAR_OUTPUT Light : BOOL; END_VAR
            VAR T : TON; END_VAR
            T(IN := Enable AND NOT T.Q, PT := Period, Q => Light);
            END_FUNCTION_BLOCK
            FUNCTION Clamp : INT
            VAR_INPUT v, lo, hi : INT; END_VAR
            Clamp := MAX(lo, MIN(v, hi));
            RETURN;
            END_FUNCTION
            PROGRAM Main
            VAR CONSTANT RETAIN n : INT := 3; END_VAR
            VAR B : Blinker; x : INT; END_VAR
            B(Enable := TRUE);
            x := Clamp(x + 1, 0, n);
            END_PROGRAM
            """);

    /** Token texts to build soups from: every keyword and symbol, and a few names and literals. */
    private static final List<String> VOCABULARY = vocabulary();

    private static final String CHARACTERS = "();:=.,[]#%'\"*+-<>&/{}$ \n\tabcxyzTIQ0129_";

    private static List<String> vocabulary() {
        List<String> words = new ArrayList<>();
        for (TokenKind kind : TokenKind.values()) {
            if (kind.isKeyword()) {
                words.add(kind.name());
            }
        }
        words.addAll(List.of(":=", "=>", ":", ";", ",", ".", "..", "(", ")", "[", "]", "+", "-", "*", "/", "**",
                "&", "=", "<>", "<", "<=", ">", ">=", "x", "T1", "Main", "STRING", "IN", "Q", "0", "1", "-5",
                "16#FF", "2.5", "T#1s", "'text'", "INT#", "Color#", "Color#Red", "%IX0.0", "%QW1", "\n", "\n",
                // misspelt keywords, which the parser repairs
                "ENDIF", "Iff", "ELSEIF", "END", "ENDVAR", "VAR_INPTU", "PROGRAMM", "THNE", "WHLE", "UNTL"));
        return List.copyOf(words);
    }

    private static Ast.SourceFile parseChecked(String source) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        return parseChecked(new Scanner(source, diagnostics).scan(), diagnostics, source);
    }

    private static Ast.SourceFile parseChecked(List<Token> tokens, List<Diagnostic> diagnostics, String what) {
        Ast.SourceFile file;
        try {
            file = new Parser(tokens, diagnostics).parse();
        } catch (RuntimeException | StackOverflowError e) {
            throw new AssertionError("the parser threw on:\n" + what, e);
        }
        if (file == null) {
            fail("no tree for:\n" + what);
        }
        for (Diagnostic d : diagnostics) {
            if (d.position().line() < 1 || d.position().column() < 1 || d.length() < 1) {
                fail("diagnostic at " + d.position() + " (length " + d.length() + "): " + d.en() + "\nfor:\n" + what);
            }
        }
        return file;
    }

    @Test
    void theSamplesAreValidPrograms() {
        for (String sample : SAMPLES) {
            List<Diagnostic> diagnostics = new ArrayList<>();
            Ast.SourceFile file = new Parser(new Scanner(sample, diagnostics).scan(), diagnostics).parse();
            assertThat(diagnostics).isEmpty();
            assertThat(file.pous()).isNotEmpty();
        }
    }

    @Test
    void randomTokenSoupsNeverBreakTheParser() {
        Random random = new Random(61131);
        for (int i = 0; i < 5_000; i++) {
            // mostly short soups; every 50th long enough to reach the parser's limit on errors
            int length = i % 50 == 0 ? 3_000 : random.nextInt(120);
            StringBuilder soup = new StringBuilder();
            for (int t = 0; t < length; t++) {
                soup.append(VOCABULARY.get(random.nextInt(VOCABULARY.size()))).append(' ');
            }
            parseChecked(soup.toString());
        }
    }

    @Test
    void mutatedProgramsNeverBreakTheParser() {
        Random random = new Random(3);
        List<Token> pool = new ArrayList<>();
        for (String sample : SAMPLES) {
            pool.addAll(new Scanner(sample, new ArrayList<>()).scan());
        }
        for (int i = 0; i < 5_000; i++) {
            String sample = SAMPLES.get(random.nextInt(SAMPLES.size()));
            int mutations = 1 + random.nextInt(4);
            if (random.nextBoolean()) {
                parseChecked(mutateCharacters(sample, mutations, random));
            } else {
                List<Diagnostic> diagnostics = new ArrayList<>();
                List<Token> tokens = new Scanner(sample, diagnostics).scan();
                List<Token> mutated = mutateTokens(tokens, mutations, pool, random);
                parseChecked(mutated, diagnostics, mutated.stream().map(Token::text).toList().toString());
            }
        }
    }

    private static String mutateCharacters(String source, int mutations, Random random) {
        StringBuilder text = new StringBuilder(source);
        for (int m = 0; m < mutations && !text.isEmpty(); m++) {
            int at = random.nextInt(text.length());
            switch (random.nextInt(4)) {
                case 0 -> text.deleteCharAt(at);
                case 1 -> text.insert(at, text.charAt(at));
                case 2 -> {
                    if (at + 1 < text.length()) {
                        char c = text.charAt(at);
                        text.setCharAt(at, text.charAt(at + 1));
                        text.setCharAt(at + 1, c);
                    }
                }
                default -> text.insert(at, CHARACTERS.charAt(random.nextInt(CHARACTERS.length())));
            }
        }
        return text.toString();
    }

    /** Deletes, duplicates, swaps or inserts tokens; the END_OF_FILE at the end stays put. */
    private static List<Token> mutateTokens(List<Token> tokens, int mutations, List<Token> pool, Random random) {
        List<Token> list = new ArrayList<>(tokens.subList(0, tokens.size() - 1));
        for (int m = 0; m < mutations && !list.isEmpty(); m++) {
            int at = random.nextInt(list.size());
            switch (random.nextInt(4)) {
                case 0 -> list.remove(at);
                case 1 -> list.add(at, list.get(at));
                case 2 -> {
                    int other = random.nextInt(list.size());
                    Token t = list.get(at);
                    list.set(at, list.get(other));
                    list.set(other, t);
                }
                default -> list.add(at, pool.get(random.nextInt(pool.size())));
            }
        }
        list.add(tokens.getLast());
        return list;
    }

    @Test
    void absurdNestingNeverOverflowsTheStack() {
        List<String> pieces = List.of("(", "-", "NOT ", "[", "a[", "f(", "IF a THEN ", "WHILE a DO ", "REPEAT ",
                "CASE a OF 1: ", "FOR i := 1 TO 2 DO ", "Iff a THEN ", "x := a THEN ", "ELSE ", "ELSIF a THEN ",
                "x : ARRAY[1..2] OF ", "x : T := [", "x : T := (a := ", "INT#", "PROGRAM ", "VAR ", "x ** ");
        for (String piece : pieces) {
            String deep = piece.repeat(5_000);
            parseChecked("PROGRAM Main\nVAR\n" + deep + "\nEND_VAR\nx := " + deep + "1;\n" + deep + "\nEND_PROGRAM");
        }
    }

    @Test
    void longChainsAndDeepNestsOfEveryKindGiveTreesNoDeeperThanTheLimits() { // #15
        List<String> programs = new ArrayList<>(DeepShapesTests.shapes().stream().map(DeepShapesTests.Shape::source).toList());
        Random random = new Random(64);
        for (int i = 0; i < 30; i++) {
            programs.add(DeepShapesTests.randomDeepProgram(random));
        }
        for (String program : programs) {
            Ast.SourceFile file = DeepShapesTests.onSmallStack(() -> parseChecked(program));
            List<Ast.Expr> expressions = new ArrayList<>();
            for (Ast.Pou pou : file.pous()) {
                assertThat(blocks(pou.body(), expressions)).as("blocks nested in\n%s", program).isLessThan(Parser.MAX_DEPTH);
            }
            for (Ast.Expr e : expressions) {
                assertThat(operators(e)).as("operators at %s in\n%s", e.position(), program)
                        .isLessThanOrEqualTo(Parser.MAX_OPERATORS);
            }
        }
    }

    /** How many blocks deep {@code body} nests; the expressions of its statements go to {@code expressions}. */
    private static int blocks(List<Ast.Stmt> body, List<Ast.Expr> expressions) {
        int deepest = 0;
        for (Ast.Stmt s : body) {
            deepest = Math.max(deepest, switch (s) {
                case Ast.Assign a -> {
                    expressions.addAll(List.of(a.target(), a.value()));
                    yield 0;
                }
                case Ast.CallStmt c -> {
                    expressions.add(c.call());
                    yield 0;
                }
                case Ast.If i -> {
                    int inner = blocks(i.elseBody(), expressions);
                    for (Ast.Branch b : i.branches()) {
                        expressions.add(b.condition());
                        inner = Math.max(inner, blocks(b.body(), expressions));
                    }
                    yield 1 + inner;
                }
                case Ast.Case c -> {
                    expressions.add(c.selector());
                    int inner = blocks(c.elseBody(), expressions);
                    for (Ast.CaseBranch b : c.branches()) {
                        inner = Math.max(inner, blocks(b.body(), expressions));
                    }
                    yield 1 + inner;
                }
                case Ast.For f -> {
                    expressions.addAll(List.of(f.from(), f.to()));
                    if (f.step() != null) {
                        expressions.add(f.step());
                    }
                    yield 1 + blocks(f.body(), expressions);
                }
                case Ast.While w -> {
                    expressions.add(w.condition());
                    yield 1 + blocks(w.body(), expressions);
                }
                case Ast.Repeat r -> {
                    expressions.add(r.until());
                    yield 1 + blocks(r.body(), expressions);
                }
                case Ast.Exit e -> 0;
                case Ast.Return r -> 0;
            });
        }
        return deepest;
    }

    /** How many operators deep {@code e} goes, counting as the later stages recurse. */
    private static int operators(Ast.Expr e) {
        return switch (e) {
            case Ast.Binary b -> 1 + Math.max(operators(b.left()), operators(b.right()));
            case Ast.Unary u -> 1 + operators(u.operand());
            case Ast.Member m -> 1 + operators(m.target());
            case Ast.Index i -> 1 + Math.max(operators(i.target()), i.indices().stream().mapToInt(ParserFuzzTests::operators).max().orElse(0));
            case Ast.Call c -> 1 + Math.max(operators(c.callee()),
                    c.arguments().stream().mapToInt(a -> operators(a.value())).max().orElse(0));
            default -> 0;
        };
    }

    @Test
    void oddTokenListsAreAcceptedToo() {
        Position p = new Position(1, 1);
        parseChecked(List.of(), new ArrayList<>(), "no tokens at all");
        parseChecked(List.of(new Token(TokenKind.PROGRAM, "PROGRAM", p, null)), new ArrayList<>(), "no end of file");
        // literals without values, as a hand-made token list might have
        parseChecked(List.of(new Token(TokenKind.PROGRAM, "PROGRAM", p, null),
                new Token(TokenKind.IDENTIFIER, "x", p, null), new Token(TokenKind.ASSIGN, ":=", p, null),
                new Token(TokenKind.INTEGER, "1", p, null), new Token(TokenKind.PLUS, "+", p, null),
                new Token(TokenKind.REAL, "1.5", p, null), new Token(TokenKind.END_OF_FILE, "", p, null),
                new Token(TokenKind.END_PROGRAM, "END_PROGRAM", p, null)), new ArrayList<>(), "values missing");
    }
}
