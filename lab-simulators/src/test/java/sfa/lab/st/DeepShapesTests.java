package sfa.lab.st;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import sfa.lab.plc.ScanCycle;

/**
 * Programs of absurd shapes, most of them as large as a submission may be (64 Ki characters, the backend's
 * {@code LabGrader.MAX_SOURCE_CHARS}): long chains of every operator, long unary and postfix chains, calls with
 * thousands of arguments, long ELSIF chains and CASE lists, thousands of statements, and nesting just over and
 * far over the parser's limits. Each is compiled on both backends and, when it compiles, scanned, all on a
 * thread with a 256 KB stack (a quarter of a request thread's), so that a stage that recurses once per
 * operator shows up here and not in production as a 500 with 100 KB of stack trace.
 */
class DeepShapesTests {

    /** The most characters a program may have (the backend refuses longer ones before compiling). */
    static final int SOURCE_CHARS = 64 * 1024;
    /** The stack the compiler and a scan must fit in: far less than a request thread's 1 MB. */
    static final long SMALL_STACK = 256 * 1024;

    /** A program of some shape, named for the test report. */
    record Shape(String name, String source) {

        Shape {
            if (source.length() > SOURCE_CHARS) {
                throw new IllegalArgumentException(name + " has " + source.length() + " characters");
            }
        }

        @Override
        public String toString() {
            return name + " (" + source.length() + " characters)";
        }
    }

    private static final String TYPES = """
            TYPE Pair : STRUCT x : INT; y : INT; END_STRUCT; END_TYPE
            FUNCTION Twice : INT VAR_INPUT p : INT; END_VAR Twice := p + p; END_FUNCTION
            """;
    private static final String MAIN = """
            PROGRAM Main
            VAR CONSTANT K : INT := 1; END_VAR
            VAR
                i : INT := 1; b : BOOL := TRUE; r : REAL := 1.5; s : STRING := 'a'; d : TIME := T#1ms;
                x : INT; y : BOOL; z : REAL; w : STRING; e : TIME; n : INT;
                a : ARRAY[0..3] OF INT; p : Pair; t : TON;
                q AT %QX0.0 : BOOL;
            END_VAR
            """;
    private static final String END = "\nEND_PROGRAM\n";
    /** Where a nest goes in a program. */
    private static final String NEST = "<nest>";

    /** {@code head}, then {@code unit} as often as fits in {@link #SOURCE_CHARS} with {@code tail} after it. */
    static String fill(String head, String unit, String tail) {
        int times = (SOURCE_CHARS - head.length() - tail.length()) / unit.length();
        return head + unit.repeat(times) + tail;
    }

    /** A statement of the PROGRAM's body as long as fits: {@code head unit unit … tail}. */
    private static Shape body(String name, String head, String unit, String tail) {
        return new Shape(name, fill(TYPES + MAIN + head, unit, tail + END));
    }

    /**
     * {@code open} {@code times} times around {@code inner}, each closed by {@code close}, in a statement of the
     * PROGRAM's body ({@code statement} with {@link #NEST} for the nest): just over a limit, or far over it.
     */
    private static Shape nested(String name, int times, String statement, String open, String inner, String close) {
        return new Shape(name, TYPES + MAIN + statement.replace(NEST, open.repeat(times) + inner + close.repeat(times)) + END);
    }

    /** As many nested as fit in a statement of the body. */
    private static Shape nestedFull(String name, String statement, String open, String inner, String close) {
        return nestedFull(name, TYPES + MAIN + statement, open, inner, close, END);
    }

    /** As many nested as fit in {@code program}, where {@link #NEST} stands for the nest. */
    private static Shape nestedFull(String name, String program, String open, String inner, String close, String end) {
        String whole = program + end;
        int times = (SOURCE_CHARS - whole.length() + NEST.length() - inner.length()) / (open.length() + close.length());
        return new Shape(name, whole.replace(NEST, open.repeat(times) + inner + close.repeat(times)));
    }

    static List<Shape> shapes() {
        List<Shape> shapes = new ArrayList<>();
        // flat chains of every binary operator: a tree leaning left as deep as the chain is long
        for (String op : List.of("+", "-", "*", "/", "MOD")) {
            shapes.add(body("chain of " + op, "x := i", " " + op + " i", ";"));
        }
        for (String op : List.of("AND", "OR", "XOR", "&", "=", "<>")) {
            shapes.add(body("chain of " + op, "y := b", " " + op + " b", ";"));
        }
        for (String op : List.of("<", "<=", ">", ">=")) {
            shapes.add(body("chain of " + op, "y := i", " " + op + " i", ";"));
        }
        shapes.add(body("chain of **", "z := r", " ** r", ";"));
        shapes.add(body("chain of literals", "x := 1", " + 1", ";"));
        shapes.add(body("chain of times", "e := d", " + d", ";"));
        shapes.add(body("chain of strings compared", "y := s", " = s", ";"));
        shapes.add(body("mixed arithmetic", "x := i", " + i * i - i / i MOD i", ";"));
        shapes.add(body("mixed logic", "y := b", " AND i < i OR b XOR i = i", ";"));
        shapes.add(body("mixed types", "z := r", " + i * r - i", ";"));
        shapes.add(body("mixed unary and binary", "x := -i", " - -i + -i", ";"));
        // unary chains
        shapes.add(body("NOT NOT NOT", "y := ", "NOT ", "b;"));
        shapes.add(body("- - -", "x := ", "- ", "i;"));
        shapes.add(body("+ + +", "x := ", "+ ", "i;"));
        // postfix chains
        shapes.add(body("member chain", "y := t", ".Q", ";"));
        shapes.add(body("field chain", "x := p", ".x", ";"));
        shapes.add(body("index chain", "x := a", "[0]", ";"));
        shapes.add(body("call chain", "x := Twice", "(i)", ";"));
        shapes.add(body("mixed postfix chain", "x := p", ".x[0](i)", ";"));
        shapes.add(body("member chain as a target", "p", ".x", " := 1;"));
        // very many arguments
        shapes.add(body("MAX with many arguments", "x := MAX(i", ", i", ");"));
        shapes.add(body("CONCAT with many arguments", "w := CONCAT(s", ", s", ");"));
        shapes.add(body("MUX with many arguments", "x := MUX(i", ", i", ");"));
        shapes.add(body("a function with too many arguments", "x := Twice(i", ", i", ");"));
        shapes.add(body("a timer call with many arguments", "t(IN := b", ", PT := T#1s", ");"));
        shapes.add(body("many arguments each a chain", "x := MAX(i", ", i + i + i + i + i + i + i + i", ");"));
        // long statement lists
        shapes.add(body("long ELSIF chain", "IF b THEN x := 1;", " ELSIF b THEN x := 2;", " END_IF;"));
        shapes.add(new Shape("CASE with a huge label list", caseLabels()));
        shapes.add(new Shape("CASE with many branches", caseBranches()));
        shapes.add(body("many statements", "", "x := x + 1;\n", ""));
        shapes.add(body("many timer calls", "", "t(IN := b, PT := T#1s);\n", ""));
        shapes.add(body("many assignments to an output", "", "q := b;\n", ""));
        shapes.add(body("many IFs in a row", "", "IF b THEN x := 1; END_IF;\n", ""));
        // chains where only a constant may stand
        shapes.add(new Shape("chain in an initial value", fill("PROGRAM Main\nVAR CONSTANT K : INT := 1; END_VAR\nVAR c : INT := K",
                " + K", "; END_VAR\nc := c;" + END)));
        shapes.add(new Shape("chain in an array bound", fill("PROGRAM Main\nVAR CONSTANT K : INT := 1; END_VAR\nVAR v : ARRAY[0..K",
                " + K", "] OF INT; END_VAR\nv[0] := 1;" + END)));
        shapes.add(body("chain as a CASE label", "CASE i OF K", " + K", ": x := 1; END_CASE;"));
        shapes.add(body("chain in a FOR header", "FOR n := 0 TO i", " + i", " DO x := n; END_FOR;"));
        shapes.add(body("chain in a WHILE condition", "WHILE b", " AND b", " DO b := FALSE; END_WHILE;"));
        shapes.add(body("chain as an index", "x := a[i", " - i", "];"));
        shapes.add(new Shape("chain in a function", fill("FUNCTION F : INT VAR_INPUT p : INT; END_VAR F := p", " + p",
                "; END_FUNCTION\nPROGRAM Main VAR x : INT; END_VAR x := F(1);" + END)));
        // nesting: just over the parser's limit and as deep as fits
        for (int times : List.of(65, 150)) {
            shapes.add(nested("parentheses " + times + " deep", times, "x := " + NEST + ";", "(", "i", ")"));
            shapes.add(nested("ABS calls " + times + " deep", times, "x := " + NEST + ";", "ABS(", "i", ")"));
            shapes.add(nested("function calls " + times + " deep", times, "x := " + NEST + ";", "Twice(", "i", ")"));
            shapes.add(nested("indices " + times + " deep", times, "x := " + NEST + ";", "a[", "0", "]"));
            shapes.add(nested("IFs " + times + " deep", times, NEST, "IF b THEN ", "x := 1;", " END_IF;"));
            shapes.add(nested("FORs " + times + " deep", times, NEST, "FOR n := 0 TO 1 DO ", "x := 1;", " END_FOR;"));
            shapes.add(nested("WHILEs " + times + " deep", times, NEST, "WHILE b DO ", "b := FALSE;", " END_WHILE;"));
            shapes.add(nested("REPEATs " + times + " deep", times, NEST, "REPEAT ", "x := 1;", " UNTIL TRUE END_REPEAT;"));
            shapes.add(nested("CASEs " + times + " deep", times, NEST, "CASE i OF 1: ", "x := 1;", " END_CASE;"));
        }
        shapes.add(nestedFull("parentheses as deep as fit", "x := " + NEST + ";", "(", "i", ")"));
        shapes.add(nestedFull("parenthesised chains as deep as fit", "x := " + NEST + ";", "(i + ", "i", ")"));
        shapes.add(nestedFull("ABS calls as deep as fit", "x := " + NEST + ";", "ABS(", "i", ")"));
        shapes.add(nestedFull("indices as deep as fit", "x := " + NEST + ";", "a[", "0", "]"));
        shapes.add(nestedFull("negations as deep as fit", "x := " + NEST + ";", "-(", "i", ")"));
        shapes.add(nestedFull("IFs as deep as fit", NEST, "IF b THEN ", "x := 1;", " END_IF;"));
        shapes.add(nestedFull("mixed blocks as deep as fit", NEST, "IF b THEN FOR n := 0 TO 1 DO WHILE b DO CASE i OF 1: ",
                "x := 1;", " END_CASE; END_WHILE; END_FOR; END_IF;"));
        shapes.add(nestedFull("nested array types", "PROGRAM Main\nVAR v : " + NEST + "; END_VAR\nv := v;", "ARRAY[0..1] OF ", "INT", "",
                END));
        shapes.add(nestedFull("nested initial values", "PROGRAM Main\nVAR v : ARRAY[0..1] OF INT := " + NEST + "; END_VAR\nv[0] := 1;",
                "[", "1", "]", END));
        shapes.add(nestedFull("nested structure values", "PROGRAM Main\nVAR v : INT := " + NEST + "; END_VAR\nv := 1;",
                "(x := ", "1", ")", END));
        // deep at every level at once: nesting, and a long chain at the bottom of it, in many functions
        shapes.add(new Shape("the longest chain in the deepest blocks", deepEverywhere(1)));
        shapes.add(new Shape("the longest chains in the deepest blocks of functions calling each other",
                deepEverywhere(SOURCE_CHARS / deepEverywhere(1).length())));
        return shapes;
    }

    private static String caseLabels() {
        StringBuilder labels = new StringBuilder(TYPES + MAIN + "CASE i OF 0");
        for (int v = 1; labels.length() < SOURCE_CHARS - 100; v++) {
            labels.append(", ").append(v);
        }
        return labels.append(": x := 1; END_CASE;").append(END).toString();
    }

    private static String caseBranches() {
        StringBuilder branches = new StringBuilder(TYPES + MAIN + "CASE i OF\n");
        for (int v = 0; branches.length() < SOURCE_CHARS - 100; v++) {
            branches.append(v).append(": x := ").append(v).append(";\n");
        }
        return branches.append("END_CASE;").append(END).toString();
    }

    /**
     * Functions each calling the one before from inside blocks nested as deep as the parser takes, with a chain
     * of operators as long as it takes at the bottom: every limit reached at once, and the calls add them up.
     */
    private static String deepEverywhere(int functions) {
        int blocks = 61; // with the statement inside and its expression, the parser's limit
        int chain = Parser.MAX_OPERATORS - 1; // and the call of the function before
        StringBuilder s = new StringBuilder();
        for (int f = 0; f < functions; f++) {
            s.append("FUNCTION F").append(f).append(" : REAL VAR_INPUT v : REAL; END_VAR\n")
                    .append("IF v > 0.0 THEN ".repeat(blocks))
                    .append("F").append(f).append(" := ").append(f == 0 ? "-v" : "F" + (f - 1) + "(v)")
                    .append(" + v".repeat(chain)).append(";\n")
                    .append("END_IF; ".repeat(blocks)).append("\nEND_FUNCTION\n");
        }
        return s.append("PROGRAM Main VAR z : REAL := 1.0; END_VAR z := F").append(functions - 1).append("(z);")
                .append(END).toString();
    }

    static Stream<Shape> everyShape() {
        return shapes().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyShape")
    void aProgramOfAnyShapeCompilesOrIsRefusedWithErrorsAndNeverRunsOffASmallStack(Shape shape) { // #15
        compilesOrIsRefusedByALimitOnASmallStack(shape.source());
    }

    @Test
    void programsOfRandomlyMixedChainsAndNestsCompileOrAreRefusedAndNeverRunOffASmallStack() { // #15
        Random random = new Random(15);
        for (int i = 0; i < 24; i++) {
            compilesOrIsRefusedByALimitOnASmallStack(randomDeepProgram(random));
        }
    }

    @Test
    void aChainOfAsManyOperatorsAsAllowedCompilesAndRunsOnASmallStack() { // #15
        String source = "PROGRAM Main VAR i : DINT := 1; x : DINT; END_VAR\nx := i" + " + i".repeat(Parser.MAX_OPERATORS)
                + ";\nEND_PROGRAM\n";
        for (StCompiler.Backend backend : StCompiler.Backend.values()) {
            StCompiler.Compilation c = onSmallStack(() -> compileAndScan(source, backend));

            assertThat(c.errors()).isEmpty();
            assertThat(c.program().variable("x")).as(backend.name()).isEqualTo(Parser.MAX_OPERATORS + 1L);
        }
    }

    @Test
    void aChainOneOperatorTooLongIsRefusedAtThatOperatorInKoreanAndEnglish() { // #15
        String source = "PROGRAM Main VAR i : DINT := 1; x : DINT; END_VAR\nx := i" + " + i".repeat(Parser.MAX_OPERATORS + 1)
                + ";\nEND_PROGRAM\n";

        StCompiler.Compilation c = StCompiler.compile(source, StCompiler.Options.standalone());

        assertThat(c.errors()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("expression-too-long");
            assertThat(d.position()).isEqualTo(new Position(2, 4 * (Parser.MAX_OPERATORS + 1) + 4)); // its last '+'
            assertThat(d.en()).isEqualTo("this expression is too long: it chains or nests more than 128 operators; "
                    + "split it over several statements (sum := a + b; sum := sum + c; ...)");
            assertThat(d.ko()).isEqualTo("식이 너무 깁니다: 연산자를 128개보다 많이 잇거나 겹쳤습니다. "
                    + "여러 문장으로 나누세요 (sum := a + b; sum := sum + c; ...)");
        });
    }

    @Test
    void blocksNestedTooDeeplyAreOneErrorAtTheBlockThatGoesTooFar() { // #15
        String source = "PROGRAM Main VAR b : BOOL; x : INT; END_VAR\n" + "IF b THEN\n".repeat(5_000) + "x := 1;\n"
                + "END_IF;\n".repeat(5_000) + "x := 2;\nEND_PROGRAM\n";

        StCompiler.Compilation c = StCompiler.compile(source, StCompiler.Options.standalone());

        assertThat(c.errors()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("too-deeply-nested");
            assertThat(d.position()).isEqualTo(new Position(65, 1)); // the 64th IF: no level left for its condition
            assertThat(d.en()).startsWith("nested too deeply at 'IF': ");
            assertThat(d.ko()).startsWith("'IF'에서 중첩이 너무 깊습니다: ");
        });
    }

    @Test
    void bracketsNestedTooDeeplyAreOneErrorAtTheBracketThatGoesTooFar() { // #15
        String source = "PROGRAM Main VAR x : INT; END_VAR\nx := " + "(".repeat(20_000) + "1" + ")".repeat(20_000)
                + ";\nx := 2;\nEND_PROGRAM\n";

        StCompiler.Compilation c = StCompiler.compile(source, StCompiler.Options.standalone());

        assertThat(c.errors()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("too-deeply-nested");
            assertThat(d.en()).startsWith("nested too deeply at '(': ");
        });
    }

    @Test
    void functionsWhoseBodiesAddUpTooDeepAreRefusedNamingTheCallsThoughEachAloneIsWithinTheLimits() { // #15
        StCompiler.Compilation three = StCompiler.compile(chainedFunctions(3, 100), StCompiler.Options.standalone());
        StCompiler.Compilation two = onSmallStack(() -> compileAndScan(chainedFunctions(2, 100), StCompiler.Backend.CLOSURES));

        assertThat(three.errors()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("calls-too-deep");
            assertThat(d.position()).isEqualTo(new Position(1, 1)); // F0, at the end of the chain
            assertThat(d.en()).startsWith("calls nest too deeply here (Main → F2 → F1 → F0): ")
                    .contains("more than the 256 a program may");
            assertThat(d.ko()).startsWith("호출이 너무 깊게 겹칩니다(Main → F2 → F1 → F0): ");
        });
        assertThat(two.errors()).isEmpty();
        assertThat(two.program().variable("z")).isEqualTo(200.0 + 200.0);
    }

    /** Functions F0 … F(n-1), each adding {@code chain} times its input to what the one before returns. */
    private static String chainedFunctions(int functions, int chain) {
        StringBuilder s = new StringBuilder();
        for (int f = 0; f < functions; f++) {
            s.append("FUNCTION F").append(f).append(" : LREAL VAR_INPUT v : LREAL; END_VAR F").append(f).append(" := ")
                    .append(f == 0 ? "0.0" : "F" + (f - 1) + "(v)").append(" + v".repeat(chain)).append("; END_FUNCTION\n");
        }
        return s + "PROGRAM Main VAR z : LREAL; END_VAR z := F" + (functions - 1) + "(2.0);\nEND_PROGRAM\n";
    }

    @Test
    void aStackOverflowInAnyStageIsAnErrorOfTheWholeProgramNotAnException() { // #15
        List<Diagnostic> diagnostics = new ArrayList<>();

        StProgram program = StCompiler.orTooDeep(() -> {
            throw new StackOverflowError();
        }, diagnostics);

        assertThat(program).isNull();
        assertThat(diagnostics).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("program-too-deep");
            assertThat(d.isError()).isTrue();
            assertThat(d.position()).isEqualTo(Position.START);
            assertThat(d.en()).startsWith("the program is nested too deeply to compile");
            assertThat(d.ko()).startsWith("프로그램이 너무 깊게 중첩되어 컴파일할 수 없습니다");
        });
    }

    /**
     * Compiles {@code source} on both backends and scans what compiles, on a {@link #SMALL_STACK}: nothing is
     * thrown, and a refused program says why, by one of the limits rather than by the stack overflow that
     * {@link StCompiler} turns into an error as a last resort.
     */
    static void compilesOrIsRefusedByALimitOnASmallStack(String source) {
        for (StCompiler.Backend backend : StCompiler.Backend.values()) {
            StCompiler.Compilation c = onSmallStack(() -> compileAndScan(source, backend));

            if (c.ok()) {
                continue;
            }
            assertThat(c.errors()).as("a refused program says why").isNotEmpty();
            for (Diagnostic d : c.errors()) {
                assertThat(d.position().line()).isPositive();
                assertThat(d.position().column()).isPositive();
                assertThat(d.en()).isNotBlank();
                assertThat(d.ko()).isNotBlank();
            }
            assertThat(c.errors()).extracting(Diagnostic::code).as("refused by a limit, not by a stack overflow caught")
                    .doesNotContain("program-too-deep");
        }
    }

    // --- random shapes ----------------------------------------------------------------------------

    /** How far a random program may go: blocks around a statement, operators in a chain, operands inside operands. */
    private record Reach(int blocks, int chain, int nest) {

        /** A third of the programs stay within the limits, so that they compile and run; the others go far past. */
        static Reach random(Random random) {
            return switch (random.nextInt(3)) {
                case 0 -> new Reach(20, 12, 4);
                case 1 -> new Reach(10, 400, 3); // long chains
                default -> new Reach(100, 40, 80); // deep nests
            };
        }
    }

    /**
     * A program of random statements as long as a submission may be: blocks nested a little or (one time in
     * eight) up to the program's reach, around expressions whose chains are short or (one time in eight) as
     * long as it reaches, of operands that are names, literals, brackets, calls, elements, fields and negations
     * of further expressions. Types agree, so that the programs within the limits compile and run.
     */
    static String randomDeepProgram(Random random) {
        Reach reach = Reach.random(random);
        StringBuilder body = new StringBuilder(TYPES + MAIN);
        while (body.length() < SOURCE_CHARS - 6_000) {
            randomStatement(random, reach, body);
        }
        return body.append(END).toString();
    }

    private static int upTo(Random random, int most) {
        return random.nextInt(8) == 0 ? random.nextInt(most + 1) : random.nextInt(Math.min(most, 3) + 1);
    }

    private static void randomStatement(Random random, Reach reach, StringBuilder out) {
        int blocks = upTo(random, reach.blocks());
        List<String> closers = new ArrayList<>();
        for (int k = 0; k < blocks && out.length() < SOURCE_CHARS - 8_000; k++) {
            switch (random.nextInt(4)) {
                case 0 -> {
                    out.append("IF ");
                    boolExpression(random, reach, out, 0);
                    out.append(" THEN\n");
                    closers.add("END_IF;\n");
                }
                case 1 -> {
                    out.append("CASE ");
                    intExpression(random, reach, out, 0);
                    out.append(" OF 1, 2..3: x := 0;\nELSE\n");
                    closers.add("END_CASE;\n");
                }
                case 2 -> {
                    out.append("WHILE NOT b DO\n");
                    closers.add("END_WHILE;\n");
                }
                default -> {
                    out.append("REPEAT\n");
                    closers.add("UNTIL TRUE END_REPEAT;\n");
                }
            }
        }
        if (random.nextBoolean()) {
            out.append("x := ");
            intExpression(random, reach, out, 0);
        } else {
            out.append("y := ");
            boolExpression(random, reach, out, 0);
        }
        out.append(";\n");
        for (String closer : closers.reversed()) {
            out.append(closer);
        }
    }

    private static void intExpression(Random random, Reach reach, StringBuilder out, int depth) {
        intOperand(random, reach, out, depth);
        List<String> operators = List.of(" + ", " - ", " * ", " / ", " MOD ");
        for (int k = upTo(random, reach.chain()); k > 0 && out.length() < SOURCE_CHARS - 7_000; k--) {
            out.append(operators.get(random.nextInt(operators.size())));
            intOperand(random, reach, out, depth);
        }
    }

    private static void intOperand(Random random, Reach reach, StringBuilder out, int depth) {
        if (depth >= reach.nest() || random.nextInt(3) > 0) {
            // no literals: a folded 1 - 1 would refuse a division by it as a compile-time error
            out.append(List.of("i", "a[0]", "p.x", "n").get(random.nextInt(4)));
            return;
        }
        String open = List.of("(", "ABS(", "Twice(", "a[ABS(", "-(", "MAX(i, ").get(random.nextInt(6));
        out.append(open);
        intExpression(random, reach, out, depth + 1);
        out.append(open.equals("a[ABS(") ? ") MOD 4]" : ")");
    }

    private static void boolExpression(Random random, Reach reach, StringBuilder out, int depth) {
        boolOperand(random, reach, out, depth);
        List<String> operators = List.of(" AND ", " OR ", " XOR ", " & ", " = ", " <> ");
        for (int k = upTo(random, reach.chain()); k > 0 && out.length() < SOURCE_CHARS - 7_000; k--) {
            out.append(operators.get(random.nextInt(operators.size())));
            boolOperand(random, reach, out, depth);
        }
    }

    private static void boolOperand(Random random, Reach reach, StringBuilder out, int depth) {
        if (depth >= reach.nest() || random.nextInt(3) > 0) {
            out.append(List.of("b", "TRUE", "t.Q", "q").get(random.nextInt(4)));
            return;
        }
        switch (random.nextInt(3)) {
            case 0 -> {
                out.append("NOT (");
                boolExpression(random, reach, out, depth + 1);
                out.append(")");
            }
            case 1 -> {
                out.append("(");
                intExpression(random, reach, out, depth + 1);
                out.append(" < ");
                intExpression(random, reach, out, depth + 1);
                out.append(")");
            }
            default -> {
                out.append("(");
                boolExpression(random, reach, out, depth + 1);
                out.append(")");
            }
        }
    }

    /** Compiles and, when that gives a program, runs three scans as the soft PLC would. */
    static StCompiler.Compilation compileAndScan(String source, StCompiler.Backend backend) {
        StCompiler.Compilation c = StCompiler.compile(source, StCompiler.Options.standalone().with(backend));
        if (c.ok()) {
            ScanCycle plc = new ScanCycle(10, c.program());
            for (int scan = 0; scan < 3 && plc.fault() == null; scan++) {
                plc.scan(scan * 10L);
            }
        }
        return c;
    }

    /** Runs {@code work} on a thread of its own with a {@link #SMALL_STACK}; what it throws is rethrown here. */
    static <T> T onSmallStack(Callable<T> work) {
        FutureTask<T> task = new FutureTask<>(work);
        Thread thread = new Thread(null, task, "small-stack", SMALL_STACK);
        thread.start();
        try {
            return task.get();
        } catch (ExecutionException e) {
            throw new AssertionError("threw on a " + SMALL_STACK / 1024 + " KB stack", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
