package sfa.lab.st;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import sfa.lab.st.Ast.*;

class ParserTests {

    private final List<Diagnostic> diagnostics = new ArrayList<>();

    // --- helpers ------------------------------------------------------------------------------

    private SourceFile parse(String source) {
        return new Parser(new Scanner(source, diagnostics).scan(), diagnostics).parse();
    }

    /** Parses a program that must have no errors. */
    private SourceFile parseClean(String source) {
        SourceFile file = parse(source);
        assertThat(errors()).isEmpty();
        return file;
    }

    /** The statements of {@code PROGRAM Main <statements> END_PROGRAM}; line 2 is the first statement line. */
    private List<Stmt> body(String statements) {
        return parseClean("PROGRAM Main\n" + statements + "\nEND_PROGRAM\n").pous().getFirst().body();
    }

    private Expr expr(String expression) {
        return ((Assign) body("x := " + expression + ";").getFirst()).value();
    }

    /** An expression with its grouping made visible: {@code (a OR (b AND c))}. */
    private String shape(String expression) {
        return shape(expr(expression));
    }

    static String shape(Expr e) {
        return switch (e) {
            case Binary b -> "(" + shape(b.left()) + " " + b.op().symbol + " " + shape(b.right()) + ")";
            case Unary u -> "(" + u.op().symbol + (u.op() == UnaryOp.NOT ? " " : "") + shape(u.operand()) + ")";
            case Name n -> n.name();
            case IntLiteral i -> (i.type() == null ? "" : i.type() + "#") + i.text();
            case RealLiteral r -> (r.type() == null ? "" : r.type() + "#") + r.text();
            case BoolLiteral b -> b.value() ? "TRUE" : "FALSE";
            case TimeLiteral t -> t.text();
            case StringLiteral s -> "'" + s.value() + "'";
            case EnumLiteral en -> en.type() + "#" + en.value();
            case DirectAddress d -> d.address();
            case Member m -> shape(m.target()) + "." + m.member();
            case Index i -> shape(i.target()) + i.indices().stream().map(ParserTests::shape)
                    .collect(Collectors.joining(", ", "[", "]"));
            case Call c -> shape(c.callee()) + c.arguments().stream()
                    .map(a -> (a.name() == null ? "" : a.name() + (a.output() ? " => " : " := ")) + shape(a.value()))
                    .collect(Collectors.joining(", ", "(", ")"));
        };
    }

    /** Every diagnostic as {@code line:column message}. */
    private List<String> errors() {
        return diagnostics.stream().map(d -> d.position() + " " + d.en()).toList();
    }

    private List<String> errorsOf(String source) {
        parse(source);
        return errors();
    }

    private static Position at(int line, int column) {
        return new Position(line, column);
    }

    private static Name name(int line, int column, String name) {
        return new Name(at(line, column), name);
    }

    private static IntLiteral integer(int line, int column, long value) {
        return new IntLiteral(at(line, column), value, null, Long.toString(value));
    }

    // --- declarations -------------------------------------------------------------------------

    @Test
    void parsesAProgramWithItsVariablesAndBody() {
        SourceFile file = parseClean("""
                PROGRAM Main
                VAR
                    Count : INT := 0;
                END_VAR
                Count := Count + 1;
                END_PROGRAM
                """);

        assertThat(file.types()).isEmpty();
        assertThat(file.globals()).isEmpty();
        assertThat(file.pous()).containsExactly(new Pou(at(1, 1), PouKind.PROGRAM, "Main", null,
                List.of(new VarBlock(at(2, 1), Section.VAR, false, false, List.of(
                        new VarDecl(at(3, 5), "Count", null, new NamedType(at(3, 13), "INT"),
                                new ExprInit(at(3, 20), integer(3, 20, 0)))))),
                List.of(new Assign(at(5, 1), name(5, 1, "Count"),
                        new Binary(at(5, 10), BinaryOp.ADD, name(5, 10, "Count"), integer(5, 18, 1))))));
    }

    @Test
    void splitsACommaListIntoOneDeclarationPerNameWithTheSameTypeAddressAndValue() {
        SourceFile file = parseClean("""
                PROGRAM Main
                VAR
                    a, b AT %IX0.0 : INT := 5;
                END_VAR
                END_PROGRAM
                """);

        List<VarDecl> vars = file.pous().getFirst().vars().getFirst().vars();
        assertThat(vars).extracting(VarDecl::name).containsExactly("a", "b");
        assertThat(vars).extracting(VarDecl::position).containsExactly(at(3, 5), at(3, 8));
        for (VarDecl v : vars) {
            assertThat(v.location()).isNotNull();
            assertThat(v.location().text()).isEqualTo("%IX0.0");
            assertThat(v.type()).isEqualTo(new NamedType(at(3, 22), "INT"));
            assertThat(v.init()).isEqualTo(new ExprInit(at(3, 29), integer(3, 29, 5)));
        }
    }

    @Test
    void readsConstantAndRetainInEitherOrder() {
        SourceFile file = parseClean("""
                PROGRAM Main
                VAR CONSTANT Max : INT := 10; END_VAR
                VAR RETAIN Total : DINT; END_VAR
                VAR CONSTANT RETAIN a : INT; END_VAR
                VAR RETAIN CONSTANT b : INT; END_VAR
                VAR c : INT; END_VAR
                END_PROGRAM
                """);

        assertThat(file.pous().getFirst().vars())
                .extracting(VarBlock::constant, VarBlock::retain)
                .containsExactly(
                        tuple(true, false),
                        tuple(false, true),
                        tuple(true, true),
                        tuple(true, true),
                        tuple(false, false));
    }

    @Test
    void readsEveryVariableSection() {
        SourceFile file = parseClean("""
                FUNCTION_BLOCK Fb
                VAR_INPUT i : INT; END_VAR
                VAR_OUTPUT o : INT; END_VAR
                VAR_IN_OUT io : INT; END_VAR
                VAR_TEMP t : INT; END_VAR
                VAR_EXTERNAL e : INT; END_VAR
                VAR_GLOBAL g : INT; END_VAR
                VAR v : INT; END_VAR
                END_FUNCTION_BLOCK
                """);

        assertThat(file.pous().getFirst().vars()).extracting(VarBlock::section).containsExactly(
                Section.VAR_INPUT, Section.VAR_OUTPUT, Section.VAR_IN_OUT, Section.VAR_TEMP, Section.VAR_EXTERNAL,
                Section.VAR_GLOBAL, Section.VAR);
    }

    @Test
    void putsTopLevelVarGlobalBlocksIntoTheGlobals() {
        SourceFile file = parseClean("""
                VAR_GLOBAL CONSTANT
                    Limit : INT := 100;
                END_VAR
                VAR_GLOBAL RETAIN
                    Lamp AT %QX0.0 : BOOL;
                END_VAR
                PROGRAM Main
                END_PROGRAM
                """);

        assertThat(file.globals()).hasSize(2);
        assertThat(file.globals().get(0)).isEqualTo(new VarBlock(at(1, 1), Section.VAR_GLOBAL, true, false,
                List.of(new VarDecl(at(2, 5), "Limit", null, new NamedType(at(2, 13), "INT"),
                        new ExprInit(at(2, 20), integer(2, 20, 100))))));
        assertThat(file.globals().get(1).retain()).isTrue();
        assertThat(file.globals().get(1).vars().getFirst().location().text()).isEqualTo("%QX0.0");
        assertThat(file.pous()).extracting(Pou::name).containsExactly("Main");
    }

    @Test
    void parsesFunctionBlocksAndFunctionsWithTheirResultType() {
        SourceFile file = parseClean("""
                FUNCTION_BLOCK Blinker
                VAR_INPUT Enable : BOOL; END_VAR
                END_FUNCTION_BLOCK
                FUNCTION Add : INT
                VAR_INPUT a, b : INT; END_VAR
                Add := a + b;
                END_FUNCTION
                PROGRAM Main
                END_PROGRAM
                """);

        assertThat(file.pous()).extracting(Pou::kind, Pou::name).containsExactly(
                tuple(PouKind.FUNCTION_BLOCK, "Blinker"),
                tuple(PouKind.FUNCTION, "Add"),
                tuple(PouKind.PROGRAM, "Main"));
        assertThat(file.pous().get(0).returnType()).isNull();
        assertThat(file.pous().get(1).returnType()).isEqualTo(new NamedType(at(4, 16), "INT"));
        assertThat(file.pous().get(1).body()).hasSize(1);
    }

    @Test
    void readsStringAndArrayTypes() {
        SourceFile file = parseClean("""
                PROGRAM Main
                VAR
                    s : STRING;
                    t : string[20];
                    w : WSTRING;
                    a : ARRAY[1..10, 0..2] OF INT;
                    n : ARRAY[-5..5] OF ARRAY[1..2] OF BOOL;
                END_VAR
                END_PROGRAM
                """);

        List<VarDecl> vars = file.pous().getFirst().vars().getFirst().vars();
        assertThat(vars.get(0).type()).isEqualTo(new StringType(at(3, 9), null));
        assertThat(vars.get(1).type()).isEqualTo(new StringType(at(4, 9), integer(4, 16, 20)));
        assertThat(vars.get(2).type()).isEqualTo(new StringType(at(5, 9), null));
        assertThat(vars.get(3).type()).isEqualTo(new ArrayType(at(6, 9), List.of(
                new Dimension(integer(6, 15, 1), integer(6, 18, 10)),
                new Dimension(integer(6, 22, 0), integer(6, 25, 2))), new NamedType(at(6, 31), "INT")));
        ArrayType nested = (ArrayType) vars.get(4).type();
        assertThat(nested.dimensions().getFirst().low())
                .isEqualTo(new Unary(at(7, 15), UnaryOp.NEGATE, integer(7, 16, 5)));
        assertThat(nested.element()).isInstanceOf(ArrayType.class);
    }

    @Test
    void readsArrayAndStructInitialValues() {
        SourceFile file = parseClean("""
                PROGRAM Main
                VAR
                    a : ARRAY[1..5] OF INT := [1, 2, 3(0)];
                    p : Point := (X := 1, Y := -2);
                    q : ARRAY[1..2] OF Point := [(X := 1, Y := 2), 1((X := 0, Y := 0))];
                    r : INT := (1 + 2) * 3;
                END_VAR
                END_PROGRAM
                """);

        List<VarDecl> vars = file.pous().getFirst().vars().getFirst().vars();
        assertThat(vars.get(0).init()).isEqualTo(new ArrayInit(at(3, 31), List.of(
                new ArrayElement(null, new ExprInit(at(3, 32), integer(3, 32, 1))),
                new ArrayElement(null, new ExprInit(at(3, 35), integer(3, 35, 2))),
                new ArrayElement(integer(3, 38, 3), new ExprInit(at(3, 40), integer(3, 40, 0))))));
        assertThat(vars.get(1).init()).isEqualTo(new StructInit(at(4, 18), List.of(
                new FieldInit(at(4, 19), "X", new ExprInit(at(4, 24), integer(4, 24, 1))),
                new FieldInit(at(4, 27), "Y", new ExprInit(at(4, 32),
                        new Unary(at(4, 32), UnaryOp.NEGATE, integer(4, 33, 2)))))));
        ArrayInit points = (ArrayInit) vars.get(2).init();
        assertThat(points.elements().get(0).value()).isInstanceOf(StructInit.class);
        assertThat(points.elements().get(1).count()).isEqualTo(integer(5, 52, 1));
        assertThat(points.elements().get(1).value()).isInstanceOf(StructInit.class);
        assertThat(shape(((ExprInit) vars.get(3).init()).value())).isEqualTo("((1 + 2) * 3)");
    }

    @Test
    void readsStructEnumAliasAndArrayTypeDeclarations() {
        SourceFile file = parseClean("""
                TYPE
                    Point : STRUCT
                        X : INT;
                        Ok : BOOL := TRUE;
                    END_STRUCT;
                    Color : (Red, Green := 5, Blue) := Red;
                    Mode : (Idle, Running);
                    Speed : INT := 100;
                    Triple : ARRAY[1..3] OF INT;
                END_TYPE
                TYPE Tag : STRING[8]; END_TYPE
                PROGRAM Main
                END_PROGRAM
                """);

        assertThat(file.types()).hasSize(6);
        assertThat(file.types().get(0)).isEqualTo(new StructDecl(at(2, 5), "Point", List.of(
                new VarDecl(at(3, 9), "X", null, new NamedType(at(3, 13), "INT"), null),
                new VarDecl(at(4, 9), "Ok", null, new NamedType(at(4, 14), "BOOL"),
                        new ExprInit(at(4, 22), new BoolLiteral(at(4, 22), true))))));
        assertThat(file.types().get(1)).isEqualTo(new EnumDecl(at(6, 5), "Color", List.of(
                new EnumValue(at(6, 14), "Red", null),
                new EnumValue(at(6, 19), "Green", integer(6, 28, 5)),
                new EnumValue(at(6, 31), "Blue", null)), new Name(at(6, 40), "Red")));
        assertThat(((EnumDecl) file.types().get(2)).values()).extracting(EnumValue::name)
                .containsExactly("Idle", "Running");
        assertThat(file.types().get(3)).isEqualTo(new AliasDecl(at(8, 5), "Speed", new NamedType(at(8, 13), "INT"),
                new ExprInit(at(8, 20), integer(8, 20, 100))));
        assertThat(file.types().get(4)).isEqualTo(new AliasDecl(at(9, 5), "Triple", new ArrayType(at(9, 14),
                List.of(new Dimension(integer(9, 20, 1), integer(9, 23, 3))), new NamedType(at(9, 29), "INT")),
                null));
        assertThat(file.types().get(5)).isEqualTo(new AliasDecl(at(11, 6), "Tag",
                new StringType(at(11, 12), integer(11, 19, 8)), null));
    }

    // --- statements ---------------------------------------------------------------------------

    @Test
    void parsesAssignmentsToMembersIndicesAndAddresses() {
        List<Stmt> body = body("""
                Line.Points[i, j + 1].X := 1;
                %QX0.0 := %IX0.1;
                """);

        Assign first = (Assign) body.get(0);
        assertThat(shape(first.target())).isEqualTo("Line.Points[i, (j + 1)].X");
        Member member = (Member) first.target();
        assertThat(member.position()).isEqualTo(at(2, 1));
        assertThat(((Index) member.target()).position()).isEqualTo(at(2, 1));
        assertThat(body.get(1)).isEqualTo(new Assign(at(3, 1), new DirectAddress(at(3, 1), "%QX0.0"),
                new DirectAddress(at(3, 11), "%IX0.1")));
    }

    @Test
    void parsesCallStatementsWithNamedPositionalAndOutputArguments() {
        List<Stmt> body = body("""
                T1(IN := Start, PT := T#1s);
                T1();
                Foo(a, b);
                T1(Q => Lamp, ET => Elapsed);
                """);

        assertThat(body).allMatch(s -> s instanceof CallStmt);
        CallStmt timer = (CallStmt) body.get(0);
        assertThat(timer).isEqualTo(new CallStmt(at(2, 1), new Call(at(2, 1), name(2, 1, "T1"), List.of(
                new Argument(at(2, 4), "IN", name(2, 10, "Start"), false),
                new Argument(at(2, 17), "PT", new TimeLiteral(at(2, 23), 1000, "T#1s"), false)))));
        assertThat(shape(((CallStmt) body.get(1)).call())).isEqualTo("T1()");
        assertThat(shape(((CallStmt) body.get(2)).call())).isEqualTo("Foo(a, b)");
        assertThat(shape(((CallStmt) body.get(3)).call())).isEqualTo("T1(Q => Lamp, ET => Elapsed)");
        assertThat(((CallStmt) body.get(3)).call().arguments()).allMatch(Argument::output);
    }

    @Test
    void parsesIfWithElsifAndElse() {
        List<Stmt> body = body("""
                IF a THEN
                    x := 1;
                ELSIF b THEN
                    x := 2;
                ELSIF c THEN
                ELSE
                    x := 3;
                    x := 4;
                END_IF;
                IF a THEN x := 5; END_IF
                """);

        If full = (If) body.get(0);
        assertThat(full.position()).isEqualTo(at(2, 1));
        assertThat(full.branches()).extracting(b -> shape(b.condition())).containsExactly("a", "b", "c");
        assertThat(full.branches()).extracting(b -> b.body().size()).containsExactly(1, 1, 0);
        assertThat(full.elseBody()).hasSize(2);
        assertThat(((If) body.get(1)).elseBody()).isEmpty();
    }

    @Test
    void parsesCaseWithListsRangesNegativeNumbersAndEnumerationLabels() {
        List<Stmt> body = body("""
                CASE State OF
                    1: x := 1;
                    2, 3: x := 2; y := 2;
                    4..6, -1: ;
                    Color#Red: x := 3;
                    Idle, Running: x := 4;
                ELSE
                    x := 5;
                END_CASE
                """);

        Case c = (Case) body.getFirst();
        assertThat(c.position()).isEqualTo(at(2, 1));
        assertThat(c.selector()).isEqualTo(name(2, 6, "State"));
        assertThat(c.branches()).extracting(b -> b.labels().stream()
                .map(l -> shape(l.low()) + (l.high() == null ? "" : ".." + shape(l.high())))
                .collect(Collectors.joining(", "))).containsExactly(
                        "1", "2, 3", "4..6, (-1)", "Color#Red", "Idle, Running");
        assertThat(c.branches()).extracting(b -> b.body().size()).containsExactly(1, 2, 0, 1, 1);
        assertThat(c.elseBody()).hasSize(1);
    }

    @Test
    void parsesForLoopsWithAndWithoutAStep() {
        List<Stmt> body = body("""
                FOR i := 1 TO 10 DO
                    Sum := Sum + i;
                END_FOR;
                FOR i := 10 TO 0 BY -2 DO EXIT; END_FOR
                """);

        assertThat(body.get(0)).isEqualTo(new For(at(2, 1), name(2, 5, "i"), integer(2, 10, 1), integer(2, 15, 10),
                null, List.of(new Assign(at(3, 5), name(3, 5, "Sum"),
                        new Binary(at(3, 12), BinaryOp.ADD, name(3, 12, "Sum"), name(3, 18, "i"))))));
        For stepped = (For) body.get(1);
        assertThat(stepped.step()).isEqualTo(new Unary(at(5, 21), UnaryOp.NEGATE, integer(5, 22, 2)));
        assertThat(stepped.body()).containsExactly(new Exit(at(5, 27)));
    }

    @Test
    void parsesWhileRepeatExitReturnAndEmptyStatements() {
        List<Stmt> body = body("""
                WHILE i < 10 DO i := i + 1; END_WHILE
                REPEAT
                    i := i - 1;
                    ;;
                UNTIL i <= 0
                END_REPEAT;
                ;
                RETURN;
                """);

        assertThat(body).hasSize(3);
        While loop = (While) body.get(0);
        assertThat(shape(loop.condition())).isEqualTo("(i < 10)");
        assertThat(loop.body()).hasSize(1);
        Repeat repeat = (Repeat) body.get(1);
        assertThat(repeat.position()).isEqualTo(at(3, 1));
        assertThat(repeat.body()).hasSize(1);
        assertThat(shape(repeat.until())).isEqualTo("(i <= 0)");
        assertThat(body.get(2)).isEqualTo(new Return(at(9, 1)));
    }

    @Test
    void acceptsEndKeywordsWithOrWithoutASemicolon() {
        List<Stmt> body = body("""
                IF a THEN x := 1; END_IF x := 2;
                WHILE a DO END_WHILE; x := 3;
                CASE x OF 1: ; END_CASE x := 4;
                """);

        assertThat(body).hasSize(6);
        assertThat(body).filteredOn(s -> s instanceof Assign).hasSize(3);
    }

    // --- expressions --------------------------------------------------------------------------

    @Test
    void readsLiteralsWithAndWithoutTypePrefixes() {
        assertThat(expr("INT#5")).isEqualTo(new IntLiteral(at(2, 6), 5, "INT", "5"));
        assertThat(expr("REAL#1")).isEqualTo(new RealLiteral(at(2, 6), 1.0, "REAL", "1"));
        assertThat(expr("LREAL#2.5")).isEqualTo(new RealLiteral(at(2, 6), 2.5, "LREAL", "2.5"));
        assertThat(expr("BOOL#1")).isEqualTo(new BoolLiteral(at(2, 6), true));
        assertThat(expr("BOOL#FALSE")).isEqualTo(new BoolLiteral(at(2, 6), false));
        assertThat(expr("Color#Red")).isEqualTo(new EnumLiteral(at(2, 6), "Color", "Red"));
        assertThat(expr("16#FF")).isEqualTo(new IntLiteral(at(2, 6), 255, null, "16#FF"));
        assertThat(expr("WORD#16#FF")).isEqualTo(new IntLiteral(at(2, 6), 255, "WORD", "16#FF"));
        assertThat(expr("INT#-5")).isEqualTo(
                new Unary(at(2, 6), UnaryOp.NEGATE, new IntLiteral(at(2, 11), 5, "INT", "5")));
        assertThat(expr("T#1s500ms")).isEqualTo(new TimeLiteral(at(2, 6), 1500, "T#1s500ms"));
        assertThat(expr("2.5")).isEqualTo(new RealLiteral(at(2, 6), 2.5, null, "2.5"));
        assertThat(expr("'it$'s'")).isEqualTo(new StringLiteral(at(2, 6), "it's"));
        assertThat(expr("'abc'")).isEqualTo(new StringLiteral(at(2, 6), "abc"));
        assertThat(expr("TRUE")).isEqualTo(new BoolLiteral(at(2, 6), true));
        assertThat(expr("-5")).isEqualTo(new Unary(at(2, 6), UnaryOp.NEGATE, integer(2, 7, 5)));
        assertThat(expr("%IW3")).isEqualTo(new DirectAddress(at(2, 6), "%IW3"));
    }

    @Test
    void readsCallsMembersAndIndicesInsideExpressions() {
        assertThat(shape("MAX(a, b) + LIMIT(0, x, 10)")).isEqualTo("(MAX(a, b) + LIMIT(0, x, 10))");
        assertThat(shape("T1.Q AND NOT Values[i + 1]")).isEqualTo("(T1.Q AND (NOT Values[(i + 1)]))");
        assertThat(shape("Fb(IN := a).Q")).isEqualTo("Fb(IN := a).Q");
    }

    @Test
    void orBindsLooserThanAnd() {
        assertThat(shape("a OR b AND c")).isEqualTo("(a OR (b AND c))");
        assertThat(shape("a AND b OR c")).isEqualTo("((a AND b) OR c)");
        assertThat(shape("a OR b XOR c AND d")).isEqualTo("(a OR (b XOR (c AND d)))");
    }

    @Test
    void multiplicationBindsTighterThanAddition() {
        assertThat(shape("a + b * c")).isEqualTo("(a + (b * c))");
        assertThat(shape("a * b - c / d MOD e")).isEqualTo("((a * b) - ((c / d) MOD e))");
        assertThat(shape("a - b - c")).isEqualTo("((a - b) - c)");
        assertThat(shape("(a + b) * c")).isEqualTo("((a + b) * c)");
    }

    @Test
    void unaryMinusAppliesToTheWholePower() {
        assertThat(shape("-a ** 2")).isEqualTo("(-(a ** 2))");
        assertThat(shape("a ** 2 ** 3")).isEqualTo("((a ** 2) ** 3)");
        assertThat(shape("2 ** -1")).isEqualTo("(2 ** (-1))");
        assertThat(shape("a * -b")).isEqualTo("(a * (-b))");
        assertThat(shape("- -a")).isEqualTo("(-(-a))");
    }

    @Test
    void notBindsTighterThanAnd() {
        assertThat(shape("NOT a AND b")).isEqualTo("((NOT a) AND b)");
        assertThat(shape("NOT (a AND b)")).isEqualTo("(NOT (a AND b))");
    }

    @Test
    void comparisonBindsTighterThanAnd() {
        assertThat(shape("a = b AND c")).isEqualTo("((a = b) AND c)");
        assertThat(shape("a < b + 1 = c <> d")).isEqualTo("(((a < (b + 1)) = c) <> d)");
        assertThat(shape("x >= 1 AND x <= 9")).isEqualTo("((x >= 1) AND (x <= 9))");
    }

    @Test
    void ampersandIsAnd() {
        assertThat(expr("a & b")).isEqualTo(new Binary(at(2, 6), BinaryOp.AND, name(2, 6, "a"), name(2, 10, "b")));
        assertThat(shape("a OR b & c")).isEqualTo("(a OR (b AND c))");
    }

    @Test
    void placesEveryNodeAtItsFirstToken() {
        Assign assign = (Assign) body("   y := (a + b) * -c;").getFirst();
        assertThat(assign.position()).isEqualTo(at(2, 4));
        Binary product = (Binary) assign.value();
        assertThat(product.position()).isEqualTo(at(2, 10)); // the grouping has no node: its content's first token
        assertThat(product.right().position()).isEqualTo(at(2, 19));
    }

    // --- errors -------------------------------------------------------------------------------

    @Test
    void reportsAMissingEndIfWhereTheIfOpened() {
        assertThat(errorsOf("""
                PROGRAM Main
                VAR x : INT; END_VAR
                    IF x > 1 THEN
                        x := 1;
                END_PROGRAM
                """)).containsExactly("3:5 'IF' opened here is never closed: add 'END_IF'");
        Diagnostic missing = diagnostics.getFirst();
        assertThat(missing.length()).isEqualTo(2);
        assertThat(missing.code()).isEqualTo("missing-end");
        assertThat(missing.ko()).contains("END_IF");
    }

    static Stream<Arguments> unclosedBlocks() {
        return Stream.of(
                Arguments.of("PROGRAM Main\nCASE x OF 1: y := 1;\nEND_PROGRAM", "2:1", "CASE", "END_CASE"),
                Arguments.of("PROGRAM Main\nFOR i := 1 TO 3 DO y := 1;\nEND_PROGRAM", "2:1", "FOR", "END_FOR"),
                Arguments.of("PROGRAM Main\n  WHILE a DO y := 1;\nEND_PROGRAM", "2:3", "WHILE", "END_WHILE"),
                Arguments.of("PROGRAM Main\nREPEAT y := 1; UNTIL y\nEND_PROGRAM", "2:1", "REPEAT", "END_REPEAT"),
                Arguments.of("PROGRAM Main\nx := 1;\n", "1:1", "PROGRAM", "END_PROGRAM"),
                Arguments.of("FUNCTION_BLOCK Fb\nVAR_INPUT a : INT; END_VAR\nPROGRAM Main END_PROGRAM", "1:1",
                        "FUNCTION_BLOCK", "END_FUNCTION_BLOCK"),
                Arguments.of("FUNCTION F : INT\nF := 1;\n", "1:1", "FUNCTION", "END_FUNCTION"),
                Arguments.of("PROGRAM Main\nVAR\n  x : INT;\nx := 1;\nEND_PROGRAM", "2:1", "VAR", "END_VAR"),
                Arguments.of("FUNCTION_BLOCK Fb\nVAR_INPUT\n a : INT;\nVAR_OUTPUT q : INT; END_VAR\n"
                        + "END_FUNCTION_BLOCK", "2:1", "VAR_INPUT", "END_VAR"),
                Arguments.of("VAR_GLOBAL\n  g : INT;\nPROGRAM Main END_PROGRAM", "1:1", "VAR_GLOBAL", "END_VAR"),
                Arguments.of("TYPE\n P : STRUCT x : INT;\n Q : STRUCT y : INT; END_STRUCT;\nEND_TYPE", "2:6",
                        "STRUCT", "END_STRUCT"),
                Arguments.of("TYPE\n  P : INT;\nPROGRAM Main END_PROGRAM", "1:1", "TYPE", "END_TYPE"));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("unclosedBlocks")
    void reportsEachMissingEndKeywordOnceWhereItsBlockOpened(String source, String position, String opener,
            String end) {
        assertThat(errorsOf(source)).containsExactly(
                position + " '" + opener + "' opened here is never closed: add '" + end + "'");
        assertThat(diagnostics.getFirst().length()).isEqualTo(opener.length());
    }

    @Test
    void reportsAMissingSemicolonJustAfterThePreviousToken() {
        SourceFile file = parse("""
                PROGRAM Main
                x := 1
                y := 2;
                z := 3 w := 4;
                END_PROGRAM
                """);

        assertThat(errors()).containsExactly("2:7 expected ';' after '1'", "4:7 expected ';' after '3'");
        assertThat(file.pous().getFirst().body()).hasSize(4);
    }

    @Test
    void reportsAMissingSemicolonAfterADeclaration() {
        assertThat(errorsOf("""
                PROGRAM Main
                VAR
                    a : INT
                    b : BOOL;
                END_VAR
                END_PROGRAM
                """)).containsExactly("3:12 expected ';' after 'INT'");
    }

    @Test
    void reportsEqualsWrittenInsteadOfAssign() {
        SourceFile file = parse("""
                PROGRAM Main
                    x = 5;
                END_PROGRAM
                """);

        assertThat(errors()).containsExactly("2:7 '=' compares; to assign a value write ':='");
        assertThat(diagnostics.getFirst().length()).isEqualTo(1);
        assertThat(file.pous().getFirst().body()).containsExactly(
                new Assign(at(2, 5), name(2, 5, "x"), integer(2, 9, 5)));
    }

    @Test
    void reportsEqualsInsteadOfAssignInAForHeaderAndInAnInitialValue() {
        assertThat(errorsOf("""
                PROGRAM Main
                VAR n : INT = 3; END_VAR
                FOR i = 1 TO n DO END_FOR
                END_PROGRAM
                """)).containsExactly("2:13 '=' compares; to assign a value write ':='",
                "3:7 '=' compares; to assign a value write ':='");
    }

    @Test
    void reportsEveryErrorInAProgramNotJustTheFirst() {
        assertThat(errorsOf("""
                PROGRAM Main
                VAR
                  x : INT
                  y : BOOL;
                END_VAR
                x = 1;
                IF y THEN
                  y := x > ;
                  WHILE y DO
                    x := x + 1
                  END_WHILE;
                END_PROGRAM
                """)).containsExactly(
                "3:10 expected ';' after 'INT'",
                "6:3 '=' compares; to assign a value write ':='",
                "8:12 expected a value or expression but found ';'",
                "10:15 expected ';' after '1'",
                "7:1 'IF' opened here is never closed: add 'END_IF'");
    }

    @Test
    void skipsAGarbageTokenAndParsesTheRest() {
        SourceFile file = parse("""
                PROGRAM Main
                x := 1;
                x := 2 ) ;
                5
                x := 3 + * 4;
                x := 5;
                END_PROGRAM
                """);

        assertThat(errors()).containsExactly(
                "3:8 expected ';' but found ')'",
                "4:1 expected a statement but found '5'",
                "5:10 expected a value or expression but found '*'");
        assertThat(file.pous().getFirst().body()).extracting(s -> shape(((Assign) s).value()))
                .containsExactly("1", "5");
    }

    @Test
    void reportsAnUnknownCharacterOnlyOnceAndParsesAroundIt() {
        SourceFile file = parse("""
                PROGRAM Main
                x := 1 $;
                END_PROGRAM
                """);

        assertThat(errors()).containsExactly("2:8 unexpected character '$'");
        assertThat(file.pous().getFirst().body()).hasSize(1);
    }

    @Test
    void reportsAWrongEndKeywordOnceAsTheWrongOne() {
        assertThat(errorsOf("""
                PROGRAM Main
                IF a THEN
                    x := 1;
                END_WHILE;
                y := 2;
                END_PROGRAM
                """)).containsExactly("4:1 expected 'END_IF' but found 'END_WHILE'");
    }

    @Test
    void reportsAnExtraEndKeywordOnce() {
        SourceFile file = parse("""
                PROGRAM Main
                WHILE c DO
                    IF a THEN x := 1; END_IF;
                    END_IF;
                    y := 2;
                END_WHILE;
                END_PROGRAM
                """);

        assertThat(errors()).containsExactly("4:5 expected a statement but found 'END_IF'");
        assertThat(((While) file.pous().getFirst().body().getFirst()).body()).hasSize(2);
    }

    @Test
    void reportsAMissingEndWhileInsideAnIfAtTheWhile() {
        SourceFile file = parse("""
                PROGRAM Main
                IF a THEN
                    WHILE b DO
                        x := 1;
                END_IF;
                END_PROGRAM
                """);

        assertThat(errors()).containsExactly("3:5 'WHILE' opened here is never closed: add 'END_WHILE'");
        If outer = (If) file.pous().getFirst().body().getFirst();
        assertThat(outer.branches().getFirst().body().getFirst()).isInstanceOf(While.class);
    }

    @Test
    void reportsAnUnclosedIfInsideACaseBranchOnce() {
        SourceFile file = parse("""
                PROGRAM Main
                CASE x OF
                    1: IF a THEN y := 1;
                    2: y := 2;
                END_CASE;
                END_PROGRAM
                """);

        assertThat(errors()).containsExactly("3:8 'IF' opened here is never closed: add 'END_IF'");
        assertThat(((Case) file.pous().getFirst().body().getFirst()).branches()).hasSize(2);
    }

    @Test
    void reportsAMissingThenAndStillReadsTheBody() {
        SourceFile file = parse("""
                PROGRAM Main
                IF a
                    x := 1;
                END_IF;
                IF b THNE y := 1; END_IF;
                END_PROGRAM
                """);

        assertThat(errors()).containsExactly("2:5 expected 'THEN' after 'a'", "5:6 expected 'THEN' but found 'THNE'");
        assertThat(file.pous().getFirst().body()).allSatisfy(s -> assertThat(((If) s).branches().getFirst().body())
                .hasSize(1));
    }

    @Test
    void reportsABrokenConditionOnceAndStillReadsTheBody() {
        SourceFile file = parse("""
                PROGRAM Main
                IF x > THEN y := 1; END_IF;
                WHILE (a DO y := 2; END_WHILE;
                END_PROGRAM
                """);

        assertThat(errors()).containsExactly("2:8 expected a value or expression but found 'THEN'",
                "3:10 expected ')' but found 'DO'");
        assertThat(file.pous().getFirst().body()).hasSize(2);
        assertThat(((While) file.pous().getFirst().body().get(1)).body()).hasSize(1);
    }

    @Test
    void reportsAForgottenUntil() {
        assertThat(errorsOf("""
                PROGRAM Main
                REPEAT x := x + 1; END_REPEAT;
                END_PROGRAM
                """)).containsExactly("2:20 expected 'UNTIL' but found 'END_REPEAT'");
    }

    @Test
    void reportsAMissingEndVarAndReadsTheCodeAfterIt() {
        SourceFile file = parse("""
                PROGRAM Main
                VAR
                    x : INT;
                x := 1;
                END_PROGRAM
                """);

        assertThat(errors()).containsExactly("2:1 'VAR' opened here is never closed: add 'END_VAR'");
        assertThat(file.pous().getFirst().vars().getFirst().vars()).hasSize(1);
        assertThat(file.pous().getFirst().body()).hasSize(1);
    }

    @Test
    void reportsDeclarationsAfterTheCodeOnce() {
        assertThat(errorsOf("""
                PROGRAM Main
                x := 1;
                VAR y : INT; END_VAR
                y := 2;
                END_PROGRAM
                """)).containsExactly("3:1 expected a statement but found 'VAR'");
    }

    @Test
    void reportsTextOutsideAnyProgramOnce() {
        SourceFile file = parse("""
                x := 1;
                y := 2;
                PROGRAM Main
                END_PROGRAM
                """);

        assertThat(errors()).containsExactly("1:1 expected 'PROGRAM' but found 'x'");
        assertThat(file.pous()).extracting(Pou::name).containsExactly("Main");
    }

    @Test
    void reportsAFunctionWithoutAResultTypeOnce() {
        SourceFile file = parse("""
                FUNCTION Add
                VAR_INPUT a : INT; END_VAR
                Add := a;
                END_FUNCTION
                """);

        assertThat(errors()).containsExactly("1:13 expected ':' after 'Add'");
        assertThat(file.pous().getFirst().body()).hasSize(1);
    }

    @Test
    void reportsABrokenCallSpanningLinesOnce() {
        SourceFile file = parse("""
                PROGRAM Main
                T1(IN := ,
                   PT := T#1s);
                x := 1;
                END_PROGRAM
                """);

        assertThat(errors()).containsExactly("2:10 expected a value or expression but found ','");
        assertThat(file.pous().getFirst().body()).containsExactly(
                new Assign(at(4, 1), name(4, 1, "x"), integer(4, 6, 1)));
    }

    @Test
    void reportsAMissingCloseParenthesis() {
        assertThat(errorsOf("""
                PROGRAM Main
                x := (a + b;
                END_PROGRAM
                """)).containsExactly("2:12 expected ')' but found ';'");
    }

    @Test
    void reportsAStatementWithoutAssignment() {
        assertThat(errorsOf("""
                PROGRAM Main
                Motor TRUE;
                T1;
                END_PROGRAM
                """)).containsExactly("2:7 expected ':=' but found 'TRUE'", "3:3 expected ':=' but found ';'");
    }

    @Test
    void readsAMisspeltKeywordAsTheKeywordItStandsForAfterOneError() {
        SourceFile file = parse("""
                PROGRAMM Main
                VAR_INPTU a : INT; ENDVAR
                Iff a > 1 THEN
                    x := 1;
                ELSEIF a > 2 THEN
                    x := 2;
                ENDIF
                WHLE a > 0 DO a := a - 1; END_WHILE
                REPAET a := a + 1; UNTIL a > 9 END_REPEAT;
                IF a THNE a := 0; END_IF
                END
                """);

        assertThat(errors()).containsExactly(
                "1:1 expected 'PROGRAM' but found 'PROGRAMM'",
                "2:1 expected 'VAR_INPUT' but found 'VAR_INPTU'",
                "2:20 expected 'END_VAR' but found 'ENDVAR'",
                "3:1 expected 'IF' but found 'Iff'",
                "5:1 expected 'ELSIF' but found 'ELSEIF'",
                "7:1 expected 'END_IF' but found 'ENDIF'",
                "8:1 expected 'WHILE' but found 'WHLE'",
                "9:1 expected 'REPEAT' but found 'REPAET'",
                "10:6 expected 'THEN' but found 'THNE'",
                "11:1 expected 'END_PROGRAM' but found 'END'");
        Pou main = file.pous().getFirst();
        assertThat(main.vars().getFirst().section()).isEqualTo(Section.VAR_INPUT);
        assertThat(main.body()).hasExactlyElementsOfTypes(If.class, While.class, Repeat.class, If.class);
        assertThat(((If) main.body().getFirst()).branches()).hasSize(2);
    }

    @Test
    void leavesNamesThatMerelyResembleKeywordsAlone() {
        SourceFile file = parseClean("""
                PROGRAM Main
                VAR Iff, Exit1, Ende : BOOL; END_VAR
                Iff := Exit1 AND Ende;
                END_PROGRAM
                """);

        assertThat(file.pous().getFirst().body()).hasSize(1);
    }

    @Test
    void readsABlockWhoseKeywordIsUnrecognisableWithOneError() {
        SourceFile file = parse("""
                PROGRAM Main
                Wenn a THEN
                    x := 1;
                END_IF;
                y := 2;
                END_PROGRAM
                """);

        assertThat(errors()).containsExactly("2:6 expected ':=' but found 'a'");
        assertThat(file.pous().getFirst().body()).hasSize(2);
    }

    @Test
    void readsDeclarationsMissingTheirVarAfterOneError() {
        SourceFile file = parse("""
                PROGRAM Main
                    Start AT %IX0.0 : BOOL;
                    Count : INT := 0;
                END_VAR
                Count := Count + 1;
                END_PROGRAM
                """);

        assertThat(errors()).containsExactly("2:5 expected 'VAR' but found 'Start'");
        assertThat(file.pous().getFirst().vars().getFirst().vars()).extracting(VarDecl::name)
                .containsExactly("Start", "Count");
        assertThat(file.pous().getFirst().body()).hasSize(1);
    }

    @Test
    void reportsAnExtraEndVarOnce() {
        SourceFile file = parse("""
                PROGRAM Main
                VAR a : INT; END_VAR
                END_VAR
                VAR b : INT; END_VAR
                a := b;
                END_PROGRAM
                """);

        assertThat(errors()).containsExactly("3:1 expected a statement but found 'END_VAR'");
        assertThat(file.pous().getFirst().vars()).hasSize(2);
    }

    @Test
    void reportsADoubledKeywordOnce() {
        assertThat(errorsOf("""
                PROGRAM PROGRAM Main
                IF IF a THEN x := 1; END_IF;
                END_PROGRAM
                """)).containsExactly("1:9 expected a name but found 'PROGRAM'",
                "2:4 expected a value or expression but found 'IF'");
    }

    @Test
    void reportsLeftoversOnTheHeaderLineOnce() {
        SourceFile file = parse("""
                PROGRAM Main Main
                VAR a : INT; END_VAR
                a := 1;
                END_PROGRAM
                """);

        assertThat(errors()).containsExactly("1:14 expected a statement but found 'Main'");
        assertThat(file.pous().getFirst().vars()).hasSize(1);
    }

    @Test
    void reportsAMissingCommaBetweenArgumentsAndKeepsThemAll() {
        CallStmt call = (CallStmt) parse("""
                PROGRAM Main
                T1(IN := a PT := T#1s);
                END_PROGRAM
                """).pous().getFirst().body().getFirst();

        assertThat(errors()).containsExactly("2:12 expected ',' but found 'PT'");
        assertThat(call.call().arguments()).extracting(Argument::name).containsExactly("IN", "PT");
    }

    @Test
    void reportsSwappedOrDoubledEqualsSignsOnce() {
        assertThat(errorsOf("""
                PROGRAM Main
                x =: 1;
                IF x == 1 THEN y := 2; END_IF;
                END_PROGRAM
                """)).containsExactly("2:3 '=' compares; to assign a value write ':='",
                "3:7 expected a value or expression but found '='");
    }

    @Test
    void reportsStrayElseAndUntilOnceEach() {
        assertThat(errorsOf("""
                PROGRAM Main
                x := 1;
                ELSE
                    y := 2;
                END_IF;
                z := 3; UNTIL z > 3 END_REPEAT;
                END_PROGRAM
                """)).containsExactly("3:1 expected a statement but found 'ELSE'",
                "6:9 expected a statement but found 'UNTIL'");
    }

    @Test
    void reportsARepeatConditionThatRunsOnOnce() {
        assertThat(errorsOf("""
                PROGRAM Main
                REPEAT b := b + 1; UNTIL b b >= 9 END_REPEAT;
                END_PROGRAM
                """)).containsExactly("2:28 expected 'END_REPEAT' but found 'b'");
    }

    @Test
    void addsNoParserErrorWhereTheScannerAlreadyFoundOne() {
        assertThat(errorsOf("""
                PROGRAM Main
                x := 1 # 2;
                (* never closed
                END_PROGRAM
                """)).containsExactly("2:8 unexpected character '#'",
                "3:1 the comment opened with '(*' is never closed with '*)'");
    }

    @Test
    void reportsAMissingSemicolonAndAMissingEndVarTogether() {
        assertThat(errorsOf("""
                PROGRAM Main
                VAR
                    y : BOOL
                y := TRUE;
                END_PROGRAM
                """)).containsExactly("3:13 expected ';' after 'BOOL'",
                "2:1 'VAR' opened here is never closed: add 'END_VAR'");
    }

    @Test
    void reportsAnEmptyFileAsNothingAndReturnsAnEmptyTree() {
        assertThat(parse("")).isEqualTo(new SourceFile(List.of(), List.of(), List.of()));
        assertThat(parse("(* only a comment *)")).isEqualTo(new SourceFile(List.of(), List.of(), List.of()));
        assertThat(errors()).isEmpty();
    }

    @Test
    void stopsAfterAHundredErrors() {
        SourceFile file = parse("PROGRAM Main\n" + "x := ;\n".repeat(500) + "END_PROGRAM\n");

        assertThat(diagnostics).hasSize(100);
        assertThat(file.pous()).hasSize(1);
    }

    @Test
    void survivesAbsurdlyDeepNesting() {
        String deep = "(".repeat(10_000) + "1" + ")".repeat(10_000);
        SourceFile file = parse("PROGRAM Main\nx := " + deep + ";\n" + "IF a THEN ".repeat(5_000) + "\nEND_PROGRAM");

        assertThat(file.pous()).hasSize(1);
        assertThat(diagnostics).isNotEmpty();
    }
}
