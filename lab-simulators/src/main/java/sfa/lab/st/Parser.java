package sfa.lab.st;

import static sfa.lab.st.TokenKind.*;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import sfa.lab.st.Ast.*;

/**
 * Turns tokens into a {@link Ast.SourceFile} by recursive descent, one method per grammar rule.
 *
 * <p>Errors never stop the parse: each one becomes a {@link Diagnostic} in the list given to the
 * constructor, the parser resynchronises (panic mode) at the next {@code ;}, statement keyword or
 * {@code END_} keyword, and carries on, so a student sees every mistake at once. {@link ParseError}
 * only unwinds to the nearest statement or declaration; it never leaves {@link #parse()}. The tree it
 * returns after errors is partial: missing parts are left out or replaced by a {@code Name} with an
 * empty name.
 *
 * <p>Block structure errors are reported where the student can fix them: a missing {@code END_IF} at the
 * {@code IF} that opened it, a missing {@code ;} just after the token it should follow.
 */
final class Parser {

    /** Deeper nesting than this is surely a mistake; the limit keeps the recursion off the stack's end. */
    private static final int MAX_DEPTH = 100;

    private static final Set<TokenKind> STATEMENT_KEYWORDS = EnumSet.of(IF, CASE, FOR, WHILE, REPEAT, EXIT, RETURN);
    /** Everything that ends a statement list or a declaration list. */
    private static final Set<TokenKind> CLOSERS = EnumSet.of(END_PROGRAM, END_FUNCTION_BLOCK, END_FUNCTION, END_VAR,
            END_TYPE, END_STRUCT, END_IF, END_CASE, END_FOR, END_WHILE, END_REPEAT, ELSE, ELSIF, UNTIL);
    private static final Set<TokenKind> POU_ENDS = EnumSet.of(END_PROGRAM, END_FUNCTION_BLOCK, END_FUNCTION);
    /** Keywords that can only start a new top-level declaration: seeing one inside a block means its END is missing. */
    private static final Set<TokenKind> TOP_LEVEL = EnumSet.of(PROGRAM, FUNCTION_BLOCK, FUNCTION, TYPE);
    private static final Set<TokenKind> VAR_SECTIONS = EnumSet.of(VAR, VAR_INPUT, VAR_OUTPUT, VAR_IN_OUT, VAR_GLOBAL,
            VAR_TEMP, VAR_EXTERNAL);
    private static final Set<TokenKind> BLOCK_OPENERS = EnumSet.of(IF, CASE, FOR, WHILE, REPEAT);
    private static final Set<TokenKind> BLOCK_ENDS = EnumSet.of(END_IF, END_CASE, END_FOR, END_WHILE, END_REPEAT);

    /** Where panic mode may stop inside statement and declaration lists (besides after a ';'). */
    private static final Set<TokenKind> STATEMENT_RESTART = union(STATEMENT_KEYWORDS, CLOSERS, TOP_LEVEL, VAR_SECTIONS);
    private static final Set<TokenKind> TYPE_RESTART = union(TOP_LEVEL, VAR_SECTIONS, EnumSet.of(END_TYPE));

    private static final Set<TokenKind> IF_STOPS = EnumSet.of(ELSIF, ELSE, END_IF);
    private static final Set<TokenKind> ELSE_STOPS = EnumSet.of(END_IF);
    private static final Set<TokenKind> CASE_STOPS = EnumSet.of(ELSE, END_CASE);
    private static final Set<TokenKind> CASE_ELSE_STOPS = EnumSet.of(END_CASE);
    private static final Set<TokenKind> FOR_STOPS = EnumSet.of(END_FOR);
    private static final Set<TokenKind> WHILE_STOPS = EnumSet.of(END_WHILE);
    /** END_REPEAT too, so that a forgotten UNTIL is reported as such rather than as a missing END_REPEAT. */
    private static final Set<TokenKind> REPEAT_STOPS = EnumSet.of(UNTIL, END_REPEAT);

    /**
     * Unwinds to the nearest statement or declaration once the diagnostic is recorded.
     *
     * @param brackets how many brackets were open when it was thrown, so that resynchronising skips to
     *     their close before trusting a new line
     */
    private static final class ParseError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int brackets;

        ParseError(int brackets) {
            super(null, null, false, false);
            this.brackets = brackets;
        }
    }

    /** A statement list being parsed: the closers it waits for, and whether case labels end it too. */
    private record Scope(Set<TokenKind> stops, boolean caseBody) {
    }

    private final List<Token> tokens;
    private final List<Diagnostic> diagnostics;
    /** The statement lists open around the current token, innermost last. */
    private final List<Scope> scopes = new ArrayList<>();
    private int current;
    /** Index of the token the parser was at when it last reported an error: a second error there is a cascade. */
    private int lastErrorAt = -1;
    private int depth;
    private int brackets;

    Parser(List<Token> tokens, List<Diagnostic> diagnostics) {
        this.tokens = new ArrayList<>(tokens);
        this.diagnostics = diagnostics;
        // The whole parser relies on an END_OF_FILE sentinel; add one if the caller's list lacks it.
        if (this.tokens.isEmpty() || this.tokens.getLast().kind() != END_OF_FILE) {
            Position end = this.tokens.isEmpty() ? Position.START : endOf(this.tokens.getLast());
            this.tokens.add(new Token(END_OF_FILE, "", end, null));
        }
    }

    // --- top level ----------------------------------------------------------------------------

    /** The whole file. Never throws; after errors the tree holds what could be read. */
    Ast.SourceFile parse() {
        List<TypeDecl> types = new ArrayList<>();
        List<VarBlock> globals = new ArrayList<>();
        List<Pou> pous = new ArrayList<>();
        while (!atEnd()) {
            int before = current;
            try {
                switch (peek().kind()) {
                    case TYPE -> types.addAll(typeBlock());
                    case VAR_GLOBAL -> globals.add(varBlock());
                    case PROGRAM, FUNCTION_BLOCK, FUNCTION -> pous.add(pou());
                    default -> {
                        // Only one error for a whole run of stray text outside any PROGRAM.
                        report(Message.EXPECTED.error(peek().position(), width(peek()), PROGRAM.describe(),
                                peek().shown()));
                        skipToTopLevel();
                    }
                }
            } catch (ParseError e) {
                skipToTopLevel();
            }
            if (current == before) {
                advance();
            }
        }
        return new Ast.SourceFile(types, globals, pous);
    }

    private void skipToTopLevel() {
        while (!atEnd() && !TOP_LEVEL.contains(peek().kind()) && !check(VAR_GLOBAL)) {
            advance();
        }
    }

    /** {@code PROGRAM Main ... END_PROGRAM}, {@code FUNCTION_BLOCK}, {@code FUNCTION Name : Type}. */
    private Pou pou() {
        Token open = advance();
        PouKind kind = switch (open.kind()) {
            case FUNCTION_BLOCK -> PouKind.FUNCTION_BLOCK;
            case FUNCTION -> PouKind.FUNCTION;
            default -> PouKind.PROGRAM;
        };
        TokenKind end = switch (kind) {
            case PROGRAM -> END_PROGRAM;
            case FUNCTION_BLOCK -> END_FUNCTION_BLOCK;
            case FUNCTION -> END_FUNCTION;
        };
        String name = "";
        TypeRef returnType = null;
        try {
            name = consumeName().text();
            if (kind == PouKind.FUNCTION) {
                consume(COLON);
                returnType = typeRef();
            }
            match(SEMICOLON); // not standard after the header, but harmless
        } catch (ParseError e) {
            skipHeader(open);
        }
        List<VarBlock> vars = new ArrayList<>();
        while (VAR_SECTIONS.contains(peek().kind())) {
            vars.add(varBlock());
        }
        List<Stmt> body = block(EnumSet.of(end), false);
        closeBlock(open, end);
        return new Pou(open.position(), kind, name, returnType, vars, body);
    }

    /** After a broken POU header: skip to what follows a header (variables, code) or to the next line. */
    private void skipHeader(Token open) {
        while (!atEnd() && !VAR_SECTIONS.contains(peek().kind()) && !STATEMENT_RESTART.contains(peek().kind())
                && peek().position().line() == open.position().line()) {
            advance();
        }
    }

    // --- variables ----------------------------------------------------------------------------

    /** {@code VAR [CONSTANT] [RETAIN] declarations END_VAR}, any section. */
    private VarBlock varBlock() {
        Token open = advance();
        Section section = switch (open.kind()) {
            case VAR_INPUT -> Section.VAR_INPUT;
            case VAR_OUTPUT -> Section.VAR_OUTPUT;
            case VAR_IN_OUT -> Section.VAR_IN_OUT;
            case VAR_GLOBAL -> Section.VAR_GLOBAL;
            case VAR_TEMP -> Section.VAR_TEMP;
            case VAR_EXTERNAL -> Section.VAR_EXTERNAL;
            default -> Section.VAR;
        };
        boolean constant = false;
        boolean retain = false;
        while (true) {
            if (match(CONSTANT)) {
                constant = true;
            } else if (match(RETAIN)) {
                retain = true;
            } else {
                break;
            }
        }
        List<VarDecl> vars = new ArrayList<>();
        while (!endsVarBlock()) {
            declarationOrRecover(vars);
        }
        if (match(END_VAR)) {
            match(SEMICOLON);
        } else {
            missingEnd(open, END_VAR);
        }
        return new VarBlock(open.position(), section, constant, retain, vars);
    }

    /**
     * Whether the declarations stop here. Code after the declarations ({@code x := 1;}) means END_VAR was
     * forgotten, unless an END_VAR still follows, in which case it is a broken declaration.
     */
    private boolean endsVarBlock() {
        TokenKind kind = peek().kind();
        if (kind == END_OF_FILE || STATEMENT_RESTART.contains(kind)) {
            return true;
        }
        return (kind == IDENTIFIER || kind == DIRECT_ADDRESS) && looksLikeStatement() && !endVarAhead();
    }

    private boolean endVarAhead() {
        for (int i = current; i < tokens.size(); i++) {
            TokenKind kind = tokens.get(i).kind();
            if (kind == END_VAR) {
                return true;
            }
            if (kind == END_OF_FILE || STATEMENT_RESTART.contains(kind)) {
                return false;
            }
        }
        return false;
    }

    private void declarationOrRecover(List<VarDecl> out) {
        int before = current;
        try {
            declaration(out);
        } catch (ParseError e) {
            synchronize(STATEMENT_RESTART, e);
            if (current == before) {
                advance();
            }
        }
    }

    /** {@code a, b AT %IX0.0 : INT := 5;}: one VarDecl per name, sharing the type and initial value. */
    private void declaration(List<VarDecl> out) {
        List<Token> names = new ArrayList<>();
        names.add(consumeName());
        while (match(COMMA)) {
            names.add(consumeName());
        }
        Token location = match(AT) ? consume(DIRECT_ADDRESS) : null;
        consume(COLON);
        TypeRef type = typeRef();
        Initializer init = null;
        if (match(ASSIGN)) {
            init = initializer();
        } else if (check(EQUAL)) {
            equalsInsteadOfAssign();
            init = initializer();
        }
        endOfStatement();
        for (Token name : names) {
            out.add(new VarDecl(name.position(), name.text(), location, type, init));
        }
    }

    // --- types --------------------------------------------------------------------------------

    /** {@code TYPE declarations END_TYPE}. */
    private List<TypeDecl> typeBlock() {
        Token open = advance();
        List<TypeDecl> types = new ArrayList<>();
        while (!atEnd() && !TYPE_RESTART.contains(peek().kind())) {
            int before = current;
            try {
                types.add(typeDecl());
            } catch (ParseError e) {
                synchronize(TYPE_RESTART, e);
                if (current == before) {
                    advance();
                }
            }
        }
        if (match(END_TYPE)) {
            match(SEMICOLON);
        } else {
            missingEnd(open, END_TYPE);
        }
        return types;
    }

    /** {@code Name : STRUCT ... END_STRUCT;}, {@code Name : (A, B := 5);}, {@code Name : INT := 5;}. */
    private TypeDecl typeDecl() {
        Token name = consumeName();
        consume(COLON);
        if (check(STRUCT)) {
            return structDecl(name);
        }
        if (check(LEFT_PAREN)) {
            return enumDecl(name);
        }
        TypeRef type = typeRef();
        Initializer init = null;
        if (match(ASSIGN)) {
            init = initializer();
        } else if (check(EQUAL)) {
            equalsInsteadOfAssign();
            init = initializer();
        }
        endOfStatement();
        return new AliasDecl(name.position(), name.text(), type, init);
    }

    private StructDecl structDecl(Token name) {
        Token open = advance();
        List<VarDecl> fields = new ArrayList<>();
        while (!endsStruct()) {
            declarationOrRecover(fields);
        }
        if (match(END_STRUCT)) {
            match(SEMICOLON);
        } else {
            missingEnd(open, END_STRUCT);
        }
        return new StructDecl(name.position(), name.text(), fields);
    }

    /** The fields stop at END_STRUCT, or where the next type declaration ({@code Next : STRUCT}) begins. */
    private boolean endsStruct() {
        TokenKind kind = peek().kind();
        if (kind == END_OF_FILE || STATEMENT_RESTART.contains(kind)) {
            return true;
        }
        return kind == IDENTIFIER && peekAt(1).kind() == COLON
                && (peekAt(2).kind() == STRUCT || peekAt(2).kind() == LEFT_PAREN);
    }

    private EnumDecl enumDecl(Token name) {
        advance(); // '('
        List<EnumValue> values = new ArrayList<>();
        brackets++;
        try {
            do {
                Token value = consumeName();
                values.add(new EnumValue(value.position(), value.text(), match(ASSIGN) ? expression() : null));
            } while (match(COMMA));
            consume(RIGHT_PAREN);
        } finally {
            brackets--;
        }
        if (match(ASSIGN)) {
            expression(); // the default value: the tree has no place for it (the first value is the default)
        }
        endOfStatement();
        return new EnumDecl(name.position(), name.text(), values);
    }

    /** A type: a name, {@code STRING[20]}, or {@code ARRAY[1..10, 0..2] OF T}. */
    private TypeRef typeRef() {
        if (depth >= MAX_DEPTH) {
            throw error(expected("a type"));
        }
        depth++;
        try {
            Token first = peek();
            if (check(ARRAY)) {
                return arrayType();
            }
            if (!check(IDENTIFIER)) {
                throw error(expected("a type"));
            }
            advance();
            // The scanner has no STRING keyword (STRING is also a token kind for literals), so check the name.
            if (first.name().equals("STRING") || first.name().equals("WSTRING")) {
                return new StringType(first.position(), stringLength());
            }
            return new NamedType(first.position(), first.text());
        } finally {
            depth--;
        }
    }

    /** {@code [20]} after STRING, or {@code (20)} as some editors write it; null when absent. */
    private @Nullable Expr stringLength() {
        TokenKind close = match(LEFT_BRACKET) ? RIGHT_BRACKET : match(LEFT_PAREN) ? RIGHT_PAREN : null;
        if (close == null) {
            return null;
        }
        brackets++;
        try {
            Expr length = expression();
            consume(close);
            return length;
        } finally {
            brackets--;
        }
    }

    private ArrayType arrayType() {
        Token open = advance();
        List<Dimension> dimensions = new ArrayList<>();
        consume(LEFT_BRACKET);
        brackets++;
        try {
            do {
                Expr low = expression();
                consume(RANGE);
                dimensions.add(new Dimension(low, expression()));
            } while (match(COMMA));
            consume(RIGHT_BRACKET);
        } finally {
            brackets--;
        }
        consume(OF);
        return new ArrayType(open.position(), dimensions, typeRef());
    }

    // --- initial values -----------------------------------------------------------------------

    /** An expression, {@code [1, 2, 3(0)]} or {@code (X := 1, Y := 2)}. */
    private Initializer initializer() {
        enter(Message.EXPECTED_EXPRESSION);
        try {
            Token first = peek();
            if (check(LEFT_BRACKET)) {
                return arrayInit();
            }
            if (check(LEFT_PAREN) && peekAt(1).kind() == IDENTIFIER && peekAt(2).kind() == ASSIGN) {
                return structInit();
            }
            return new ExprInit(first.position(), expression());
        } finally {
            depth--;
        }
    }

    private ArrayInit arrayInit() {
        Token open = advance();
        List<ArrayElement> elements = new ArrayList<>();
        brackets++;
        try {
            if (!check(RIGHT_BRACKET)) {
                do {
                    elements.add(arrayElement());
                } while (match(COMMA));
            }
            consume(RIGHT_BRACKET);
        } finally {
            brackets--;
        }
        return new ArrayInit(open.position(), elements);
    }

    /** {@code value}, or {@code count(value)} repeating it. */
    private ArrayElement arrayElement() {
        if (!(check(INTEGER) && peekAt(1).kind() == LEFT_PAREN)) {
            return new ArrayElement(null, initializer());
        }
        Token count = advance();
        advance(); // '('
        brackets++;
        try {
            Initializer value = initializer();
            consume(RIGHT_PAREN);
            return new ArrayElement(new IntLiteral(count.position(), longValue(count), null, count.text()), value);
        } finally {
            brackets--;
        }
    }

    private StructInit structInit() {
        Token open = advance();
        List<FieldInit> fields = new ArrayList<>();
        brackets++;
        try {
            do {
                Token name = consumeName();
                consume(ASSIGN);
                fields.add(new FieldInit(name.position(), name.text(), initializer()));
            } while (match(COMMA));
            consume(RIGHT_PAREN);
        } finally {
            brackets--;
        }
        return new StructInit(open.position(), fields);
    }

    // --- statements ---------------------------------------------------------------------------

    /**
     * Statements until one of {@code stops}. Any other END_/ELSE/ELSIF/UNTIL ends the list too when an
     * enclosing block waits for it (then this block's own END is missing); if none does, it is a stray
     * that is either skipped (an extra END, when this block's own END still follows) or left for
     * {@link #closeBlock} to report as the wrong END.
     */
    private List<Stmt> block(Set<TokenKind> stops, boolean caseBody) {
        List<Stmt> statements = new ArrayList<>();
        scopes.add(new Scope(stops, caseBody));
        try {
            while (!atEnd()) {
                Token token = peek();
                TokenKind kind = token.kind();
                if (TOP_LEVEL.contains(kind)) {
                    break;
                }
                if (CLOSERS.contains(kind)) {
                    if (stops.contains(kind) || wantedByEnclosing(kind, true) || !strayIsExtra(stops)) {
                        break;
                    }
                    report(Message.EXPECTED_STATEMENT.error(token.position(), width(token), token.shown()));
                    advance();
                    match(SEMICOLON);
                    continue;
                }
                if (inCaseBody() && startsCaseLabel()) {
                    break; // the next branch of the CASE; an inner block left open is reported by its owner
                }
                statementOrRecover(statements);
            }
        } finally {
            scopes.removeLast();
        }
        return statements;
    }

    private void statementOrRecover(List<Stmt> statements) {
        int before = current;
        try {
            Stmt statement = statement();
            if (statement != null) {
                statements.add(statement);
            }
        } catch (ParseError e) {
            synchronize(STATEMENT_RESTART, e);
            if (current == before) {
                advance();
            }
        }
    }

    /** Whether an enclosing statement list (skipping the innermost one if asked) ends at {@code kind}. */
    private boolean wantedByEnclosing(TokenKind kind, boolean skipInnermost) {
        int count = scopes.size() - (skipInnermost ? 1 : 0);
        for (int i = 0; i < count; i++) {
            if (scopes.get(i).stops().contains(kind)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A stray END (no open block wants it) is an extra one if this block's own closer still follows at
     * the same nesting; otherwise it is most likely a mistyped END for this block.
     */
    private boolean strayIsExtra(Set<TokenKind> stops) {
        int nesting = 0;
        for (int i = current + 1; i < tokens.size(); i++) {
            TokenKind kind = tokens.get(i).kind();
            if (kind == END_OF_FILE || TOP_LEVEL.contains(kind)) {
                return false;
            }
            if (POU_ENDS.contains(kind)) {
                return stops.contains(kind);
            }
            if (BLOCK_OPENERS.contains(kind)) {
                nesting++;
            } else if (nesting > 0) {
                if (BLOCK_ENDS.contains(kind)) {
                    nesting--;
                }
            } else if (stops.contains(kind)) {
                return true;
            } else if (CLOSERS.contains(kind) && wantedByEnclosing(kind, true)) {
                return false;
            }
        }
        return false;
    }

    private boolean inCaseBody() {
        for (Scope scope : scopes) {
            if (scope.caseBody()) {
                return true;
            }
        }
        return false;
    }

    /** {@code 1:}, {@code 2, 3:}, {@code -1:}, {@code Color#Red:}, {@code Idle:}: never the start of a statement. */
    private boolean startsCaseLabel() {
        return switch (peek().kind()) {
            case INTEGER, TYPE_PREFIX, MINUS, PLUS -> true;
            case IDENTIFIER -> switch (peekAt(1).kind()) {
                case COLON, COMMA, RANGE -> true;
                default -> false;
            };
            default -> false;
        };
    }

    /** One statement, or null for an empty one ({@code ;}) or a misplaced declaration block. */
    private @Nullable Stmt statement() {
        enter(Message.EXPECTED_STATEMENT);
        try {
            Token first = peek();
            return switch (first.kind()) {
                case IF -> ifStatement();
                case CASE -> caseStatement();
                case FOR -> forStatement();
                case WHILE -> whileStatement();
                case REPEAT -> repeatStatement();
                case EXIT -> {
                    advance();
                    endOfStatement();
                    yield new Exit(first.position());
                }
                case RETURN -> {
                    advance();
                    endOfStatement();
                    yield new Return(first.position());
                }
                case SEMICOLON -> {
                    advance();
                    yield null;
                }
                case IDENTIFIER, DIRECT_ADDRESS -> assignmentOrCall();
                case VAR, VAR_INPUT, VAR_OUTPUT, VAR_IN_OUT, VAR_GLOBAL, VAR_TEMP, VAR_EXTERNAL -> {
                    // Declarations after code: say so once, then read the block so its contents cause no more errors.
                    report(Message.EXPECTED_STATEMENT.error(first.position(), width(first), first.shown()));
                    varBlock();
                    yield null;
                }
                default -> throw error(Message.EXPECTED_STATEMENT.error(first.position(), width(first),
                        first.shown()));
            };
        } finally {
            depth--;
        }
    }

    /** {@code x := e;}, {@code T1(IN := a);}, and {@code x = e;} reported but read as an assignment. */
    private Stmt assignmentOrCall() {
        Token first = peek();
        Expr target = postfixExpression();
        if (match(ASSIGN)) {
            Expr value = expression();
            endOfStatement();
            return new Assign(first.position(), target, value);
        }
        if (check(EQUAL)) {
            equalsInsteadOfAssign();
            Expr value = expression();
            endOfStatement();
            return new Assign(first.position(), target, value);
        }
        if (target instanceof Call call) {
            endOfStatement();
            return new CallStmt(first.position(), call);
        }
        throw error(expected(ASSIGN.describe()));
    }

    /** Reports {@code =} written for {@code :=} and steps over it ({@code ==} too). */
    private void equalsInsteadOfAssign() {
        Token equals = peek();
        report(Message.EQUALS_INSTEAD_OF_ASSIGN.error(equals.position(), width(equals)));
        advance();
        match(EQUAL);
    }

    private Stmt ifStatement() {
        Token open = advance();
        List<Branch> branches = new ArrayList<>();
        Expr condition = header(THEN);
        branches.add(new Branch(condition, block(IF_STOPS, false)));
        while (check(ELSIF)) {
            advance();
            Expr elsifCondition = header(THEN);
            branches.add(new Branch(elsifCondition, block(IF_STOPS, false)));
        }
        List<Stmt> elseBody = match(ELSE) ? block(ELSE_STOPS, false) : List.of();
        closeBlock(open, END_IF);
        return new If(open.position(), branches, elseBody);
    }

    private Stmt caseStatement() {
        Token open = advance();
        Expr selector = header(OF);
        List<CaseBranch> branches = new ArrayList<>();
        List<Stmt> elseBody = List.of();
        while (!atEnd() && !check(END_CASE)) {
            if (match(ELSE)) {
                elseBody = block(CASE_ELSE_STOPS, false);
                break;
            }
            if (CLOSERS.contains(peek().kind()) || TOP_LEVEL.contains(peek().kind())) {
                break;
            }
            caseBranchOrRecover(branches);
        }
        closeBlock(open, END_CASE);
        return new Case(open.position(), selector, branches, elseBody);
    }

    private void caseBranchOrRecover(List<CaseBranch> branches) {
        int before = current;
        try {
            List<CaseLabel> labels = caseLabels();
            if (!match(COLON)) {
                report(expected(COLON.describe()));
                if (!plausibleNext()) {
                    throw new ParseError(brackets);
                }
            }
            branches.add(new CaseBranch(labels, block(CASE_STOPS, true)));
        } catch (ParseError e) {
            synchronize(STATEMENT_RESTART, e);
            if (current == before) {
                advance();
            }
        }
    }

    /** {@code 1, 2..5, -3, Color#Red}. */
    private List<CaseLabel> caseLabels() {
        List<CaseLabel> labels = new ArrayList<>();
        do {
            Expr low = expression();
            labels.add(new CaseLabel(low, match(RANGE) ? expression() : null));
        } while (match(COMMA));
        return labels;
    }

    private Stmt forStatement() {
        Token open = advance();
        int headerStart = current;
        Token at = peek();
        Name variable = new Name(at.position(), "");
        Expr from = missing(at);
        Expr to = missing(at);
        Expr step = null;
        try {
            Token name = consumeName();
            variable = new Name(name.position(), name.text());
            if (check(EQUAL)) {
                equalsInsteadOfAssign();
            } else {
                consume(ASSIGN);
            }
            from = expression();
            consume(TO);
            to = expression();
            if (match(BY)) {
                step = expression();
            }
        } catch (ParseError e) {
            skipInHeaderTo(DO);
        }
        expectHeaderEnd(DO, headerStart);
        List<Stmt> body = block(FOR_STOPS, false);
        closeBlock(open, END_FOR);
        return new For(open.position(), variable, from, to, step, body);
    }

    private Stmt whileStatement() {
        Token open = advance();
        Expr condition = header(DO);
        List<Stmt> body = block(WHILE_STOPS, false);
        closeBlock(open, END_WHILE);
        return new While(open.position(), condition, body);
    }

    private Stmt repeatStatement() {
        Token open = advance();
        List<Stmt> body = block(REPEAT_STOPS, false);
        Expr until;
        if (check(UNTIL)) {
            advance();
            until = expressionOrSkipTo(END_REPEAT);
            match(SEMICOLON); // some write UNTIL x; END_REPEAT
            closeBlock(open, END_REPEAT);
        } else if (check(END_REPEAT)) {
            report(expected(UNTIL.describe()));
            until = missing(peek());
            advance();
            match(SEMICOLON);
        } else {
            until = missing(peek());
            closeBlock(open, END_REPEAT);
        }
        return new Repeat(open.position(), body, until);
    }

    /** The expression of an IF/ELSIF/WHILE/CASE header and the keyword that ends it (THEN, DO, OF). */
    private Expr header(TokenKind end) {
        int headerStart = current;
        Expr condition = expressionOrSkipTo(end);
        expectHeaderEnd(end, headerStart);
        return condition;
    }

    private Expr expressionOrSkipTo(TokenKind end) {
        Token at = peek();
        try {
            return expression();
        } catch (ParseError e) {
            skipInHeaderTo(end);
            return missing(at);
        }
    }

    /**
     * THEN/DO/OF, with one error at most per header. When it is missing, skip to it if it still follows on
     * the header, else drop the rest of the header line unless it reads like the first statement.
     */
    private void expectHeaderEnd(TokenKind end, int headerStart) {
        if (match(end)) {
            return;
        }
        if (lastErrorAt < headerStart) {
            report(expected(end.describe()));
        }
        if (aheadInHeader(end)) {
            skipInHeaderTo(end);
            advance();
            return;
        }
        int line = previous().position().line();
        while (!atEnd() && peek().position().line() == line && !plausibleNext()) {
            advance();
        }
    }

    private boolean aheadInHeader(TokenKind end) {
        for (int i = current; i < tokens.size(); i++) {
            TokenKind kind = tokens.get(i).kind();
            if (kind == end) {
                return true;
            }
            if (endsHeaderSearch(kind)) {
                return false;
            }
        }
        return false;
    }

    private void skipInHeaderTo(TokenKind end) {
        while (!check(end) && !endsHeaderSearch(peek().kind())) {
            advance();
        }
    }

    private static boolean endsHeaderSearch(TokenKind kind) {
        return kind == END_OF_FILE || kind == SEMICOLON || STATEMENT_RESTART.contains(kind);
    }

    /**
     * The END of a block: the right one, a wrong one nobody else wants (reported as such and taken as
     * this block's end), or none, reported as missing where the block opened.
     */
    private void closeBlock(Token open, TokenKind end) {
        if (match(end)) {
            match(SEMICOLON);
            return;
        }
        Token found = peek();
        if (CLOSERS.contains(found.kind()) && !wantedByEnclosing(found.kind(), false)) {
            report(Message.EXPECTED.error(found.position(), width(found), end.describe(), found.shown()));
            advance();
            match(SEMICOLON);
            return;
        }
        missingEnd(open, end);
    }

    private void missingEnd(Token open, TokenKind end) {
        // Never suppressed: several blocks can be unclosed at the same place, each is a real mistake.
        diagnostics.add(Message.MISSING_END.error(open.position(), width(open), open.kind().name(), end.name()));
        lastErrorAt = current;
    }

    /**
     * The ';' ending a statement or declaration. When it is missing but what follows reads like the next
     * statement, report it just after the previous token (where it must be typed) and go on; otherwise
     * the token here is the problem.
     */
    private void endOfStatement() {
        if (match(SEMICOLON)) {
            return;
        }
        if (plausibleNext()) {
            report(expectedAfterPrevious(SEMICOLON.describe()));
            return;
        }
        throw error(Message.EXPECTED.error(peek().position(), width(peek()), SEMICOLON.describe(), peek().shown()));
    }

    /** Whether the token here could begin what comes after a statement or declaration. */
    private boolean plausibleNext() {
        TokenKind kind = peek().kind();
        return kind == END_OF_FILE || kind == SEMICOLON || STATEMENT_RESTART.contains(kind) || looksLikeStatement()
                || looksLikeDeclaration() || inCaseBody() && startsCaseLabel();
    }

    /** {@code x :=}, {@code x =}, {@code T1(}, {@code P.X}, {@code A[}, {@code %QX0.0 :=}. */
    private boolean looksLikeStatement() {
        TokenKind kind = peek().kind();
        if (kind != IDENTIFIER && kind != DIRECT_ADDRESS) {
            return false;
        }
        return switch (peekAt(1).kind()) {
            case ASSIGN, EQUAL, LEFT_PAREN, DOT, LEFT_BRACKET -> true;
            default -> false;
        };
    }

    /** {@code x :}, {@code x,}, {@code x AT}. */
    private boolean looksLikeDeclaration() {
        return check(IDENTIFIER) && switch (peekAt(1).kind()) {
            case COLON, COMMA, AT -> true;
            default -> false;
        };
    }

    // --- expressions --------------------------------------------------------------------------

    private Expr expression() {
        enter(Message.EXPECTED_EXPRESSION);
        try {
            return or();
        } finally {
            depth--;
        }
    }

    private Expr or() {
        return leftAssociative(this::xor, kind -> kind == OR ? BinaryOp.OR : null);
    }

    private Expr xor() {
        return leftAssociative(this::and, kind -> kind == XOR ? BinaryOp.XOR : null);
    }

    private Expr and() {
        return leftAssociative(this::equality, kind -> kind == AND || kind == AMPERSAND ? BinaryOp.AND : null);
    }

    private Expr equality() {
        return leftAssociative(this::comparison, kind -> switch (kind) {
            case EQUAL -> BinaryOp.EQ;
            case NOT_EQUAL -> BinaryOp.NE;
            default -> null;
        });
    }

    private Expr comparison() {
        return leftAssociative(this::additive, kind -> switch (kind) {
            case LESS -> BinaryOp.LT;
            case LESS_EQUAL -> BinaryOp.LE;
            case GREATER -> BinaryOp.GT;
            case GREATER_EQUAL -> BinaryOp.GE;
            default -> null;
        });
    }

    private Expr additive() {
        return leftAssociative(this::multiplicative, kind -> switch (kind) {
            case PLUS -> BinaryOp.ADD;
            case MINUS -> BinaryOp.SUB;
            default -> null;
        });
    }

    private Expr multiplicative() {
        return leftAssociative(this::unary, kind -> switch (kind) {
            case STAR -> BinaryOp.MUL;
            case SLASH -> BinaryOp.DIV;
            case MOD -> BinaryOp.MOD;
            default -> null;
        });
    }

    /** {@code operand (op operand)*}, grouping to the left; a binary node sits where its left operand starts. */
    private Expr leftAssociative(Supplier<Expr> operand, Function<TokenKind, @Nullable BinaryOp> operator) {
        Expr left = operand.get();
        for (BinaryOp op = operator.apply(peek().kind()); op != null; op = operator.apply(peek().kind())) {
            advance();
            left = new Binary(left.position(), op, left, operand.get());
        }
        return left;
    }

    /** {@code -x}, {@code NOT x}: they apply to a whole power, so {@code -a ** 2} is {@code -(a ** 2)}. */
    private Expr unary() {
        return prefixed(this::power);
    }

    private Expr power() {
        Expr left = postfixExpression();
        while (match(POWER)) {
            // The exponent may carry its own sign: 2 ** -1.
            left = new Binary(left.position(), BinaryOp.POW, left, prefixed(this::postfixExpression));
        }
        return left;
    }

    /** Any number of '-', NOT (and a no-op '+') before {@code operand}. */
    private Expr prefixed(Supplier<Expr> operand) {
        Token first = peek();
        UnaryOp op = switch (first.kind()) {
            case MINUS -> UnaryOp.NEGATE;
            case NOT -> UnaryOp.NOT;
            default -> null;
        };
        if (op == null && first.kind() != PLUS) {
            return operand.get();
        }
        advance();
        enter(Message.EXPECTED_EXPRESSION);
        try {
            Expr inner = prefixed(operand);
            return op == null ? inner : new Unary(first.position(), op, inner);
        } finally {
            depth--;
        }
    }

    /** A primary followed by {@code .member}, {@code [i, j]} and {@code (arguments)}, in any order. */
    private Expr postfixExpression() {
        Expr expr = primary();
        while (true) {
            if (match(DOT)) {
                expr = new Member(expr.position(), expr, consumeName().text());
            } else if (match(LEFT_BRACKET)) {
                expr = new Index(expr.position(), expr, indices());
            } else if (match(LEFT_PAREN)) {
                expr = new Call(expr.position(), expr, arguments());
            } else {
                return expr;
            }
        }
    }

    private List<Expr> indices() {
        List<Expr> indices = new ArrayList<>();
        brackets++;
        try {
            do {
                indices.add(expression());
            } while (match(COMMA));
            consume(RIGHT_BRACKET);
        } finally {
            brackets--;
        }
        return indices;
    }

    /** After '(': {@code IN := a}, {@code Q => q} or positional values, then ')'. */
    private List<Argument> arguments() {
        List<Argument> arguments = new ArrayList<>();
        brackets++;
        try {
            if (!check(RIGHT_PAREN)) {
                do {
                    arguments.add(argument());
                } while (match(COMMA));
            }
            consume(RIGHT_PAREN);
        } finally {
            brackets--;
        }
        return arguments;
    }

    private Argument argument() {
        Token first = peek();
        if (check(IDENTIFIER) && (peekAt(1).kind() == ASSIGN || peekAt(1).kind() == OUTPUT_ASSIGN)) {
            advance();
            boolean output = advance().kind() == OUTPUT_ASSIGN;
            return new Argument(first.position(), first.text(), expression(), output);
        }
        return new Argument(first.position(), null, expression(), false);
    }

    private Expr primary() {
        Token token = peek();
        switch (token.kind()) {
            case TRUE, FALSE -> {
                advance();
                return new BoolLiteral(token.position(), token.kind() == TRUE);
            }
            case INTEGER -> {
                advance();
                return new IntLiteral(token.position(), longValue(token), null, token.text());
            }
            case REAL -> {
                advance();
                return new RealLiteral(token.position(), doubleValue(token), null, token.text());
            }
            case TIME -> {
                advance();
                return new TimeLiteral(token.position(), longValue(token), token.text());
            }
            case STRING -> {
                advance();
                return new StringLiteral(token.position(), token.value() instanceof String s ? s : token.text());
            }
            case TYPE_PREFIX -> {
                return typedLiteral();
            }
            case IDENTIFIER -> {
                advance();
                return new Name(token.position(), token.text());
            }
            case DIRECT_ADDRESS -> {
                advance();
                return new DirectAddress(token.position(), token.text());
            }
            case LEFT_PAREN -> {
                return parenthesized();
            }
            default -> throw error(Message.EXPECTED_EXPRESSION.error(token.position(), width(token), token.shown()));
        }
    }

    /** {@code (e)}: the tree has no node for parentheses, the grouping is in its shape. */
    private Expr parenthesized() {
        advance();
        enter(Message.EXPECTED_EXPRESSION);
        brackets++;
        try {
            Expr inner = expression();
            consume(RIGHT_PAREN);
            return inner;
        } finally {
            brackets--;
            depth--;
        }
    }

    /**
     * {@code INT#5}, {@code INT#-5}, {@code REAL#1}, {@code BOOL#1}, {@code BOOL#TRUE}, {@code Color#Red}.
     * The literal sits at the prefix; with a sign, the negation does and the literal at its number.
     */
    private Expr typedLiteral() {
        Token prefix = advance();
        String type = prefix.text();
        String upper = prefix.name();
        Token minus = check(MINUS) && (peekAt(1).kind() == INTEGER || peekAt(1).kind() == REAL) ? advance() : null;
        Token value = peek();
        Position at = minus == null ? prefix.position() : value.position();
        Expr literal = switch (value.kind()) {
            case TRUE, FALSE -> new BoolLiteral(at, value.kind() == TRUE);
            case INTEGER -> switch (upper) {
                case "BOOL" -> new BoolLiteral(at, longValue(value) != 0);
                case "REAL", "LREAL" -> new RealLiteral(at, unsignedToDouble(longValue(value)), type, value.text());
                default -> new IntLiteral(at, longValue(value), type, value.text());
            };
            case REAL -> new RealLiteral(at, doubleValue(value), type, value.text());
            case STRING -> new StringLiteral(at, value.value() instanceof String s ? s : value.text());
            case IDENTIFIER -> new EnumLiteral(at, type, value.text());
            default -> throw error(expected("a value"));
        };
        advance();
        return minus == null ? literal : new Unary(prefix.position(), UnaryOp.NEGATE, literal);
    }

    private static double unsignedToDouble(long bits) {
        return bits >= 0 ? bits : Double.parseDouble(Long.toUnsignedString(bits));
    }

    private static long longValue(Token token) {
        return token.value() instanceof Long value ? value : 0L;
    }

    private static double doubleValue(Token token) {
        return token.value() instanceof Number value ? value.doubleValue() : 0.0;
    }

    /** Stands for a part that could not be read, so that the partial tree has no nulls where it promises none. */
    private static Name missing(Token at) {
        return new Name(at.position(), "");
    }

    // --- errors and recovery ------------------------------------------------------------------

    /** Counts a level of nesting, refusing (as an error) nesting deep enough to overflow the stack. */
    private void enter(Message message) {
        if (depth >= MAX_DEPTH) {
            throw error(message.error(peek().position(), width(peek()), peek().shown()));
        }
        depth++;
    }

    /**
     * Panic mode: skip to just after the next ';', to a token of {@code restart}, or to a new line that
     * reads like a fresh statement (once the brackets open at the error are closed), whichever comes first.
     */
    private void synchronize(Set<TokenKind> restart, ParseError error) {
        int open = error.brackets;
        boolean first = true;
        while (!atEnd()) {
            Token token = peek();
            if (token.kind() == SEMICOLON) {
                advance();
                return;
            }
            if (restart.contains(token.kind())) {
                return;
            }
            if (!first && open == 0 && startsLine() && (looksLikeStatement() || looksLikeDeclaration()
                    || inCaseBody() && startsCaseLabel())) {
                return;
            }
            switch (token.kind()) {
                case LEFT_PAREN, LEFT_BRACKET -> open++;
                case RIGHT_PAREN, RIGHT_BRACKET -> open = Math.max(0, open - 1);
                default -> {
                }
            }
            first = false;
            advance();
        }
    }

    private boolean startsLine() {
        return current == 0 || tokens.get(current - 1).position().line() < peek().position().line();
    }

    /** Adds {@code diagnostic} unless an error was already reported at this token (it would be a cascade). */
    private void report(Diagnostic diagnostic) {
        if (lastErrorAt == current) {
            return;
        }
        lastErrorAt = current;
        diagnostics.add(diagnostic);
    }

    private ParseError error(Diagnostic diagnostic) {
        report(diagnostic);
        return new ParseError(brackets);
    }

    /**
     * "expected X but found 'y'" at the token here; or, when the token here is on a later line (or the end
     * of the file), "expected X after 'w'" just after the previous token, where X must be typed.
     */
    private Diagnostic expected(String what) {
        Token found = peek();
        if (current > 0 && (found.kind() == END_OF_FILE
                || found.position().line() > previous().position().line())) {
            return expectedAfterPrevious(what);
        }
        return Message.EXPECTED.error(found.position(), width(found), what, found.shown());
    }

    private Diagnostic expectedAfterPrevious(String what) {
        if (current == 0) {
            return Message.EXPECTED.error(peek().position(), width(peek()), what, peek().shown());
        }
        Token before = previous();
        return Message.EXPECTED_AFTER.error(endOf(before), 1, what, shownText(before));
    }

    private Token consume(TokenKind kind) {
        if (check(kind)) {
            return advance();
        }
        throw error(expected(kind.describe()));
    }

    private Token consumeName() {
        return consume(IDENTIFIER);
    }

    /** The column just after {@code token}: where a forgotten ';' goes. */
    private static Position endOf(Token token) {
        return new Position(token.position().line(), token.position().column() + width(token));
    }

    /** How many characters the token spans in the source ({@code INT#} is stored without its '#'). */
    private static int width(Token token) {
        return token.kind() == TYPE_PREFIX ? token.text().length() + 1 : token.text().length();
    }

    private static String shownText(Token token) {
        return token.kind() == TYPE_PREFIX ? token.text() + "#" : token.shown();
    }

    // --- token access -------------------------------------------------------------------------

    private Token peek() {
        return tokens.get(current);
    }

    private Token peekAt(int offset) {
        return tokens.get(Math.min(current + offset, tokens.size() - 1));
    }

    private Token previous() {
        return tokens.get(Math.max(0, current - 1));
    }

    private boolean atEnd() {
        return peek().kind() == END_OF_FILE;
    }

    private boolean check(TokenKind kind) {
        return peek().kind() == kind;
    }

    private boolean match(TokenKind kind) {
        if (!check(kind)) {
            return false;
        }
        advance();
        return true;
    }

    /** The token here, moving past it; the end of the file is never passed. */
    private Token advance() {
        Token token = peek();
        if (!atEnd()) {
            current++;
        }
        return token;
    }

    @SafeVarargs
    private static Set<TokenKind> union(Set<TokenKind>... sets) {
        Set<TokenKind> all = EnumSet.noneOf(TokenKind.class);
        for (Set<TokenKind> set : sets) {
            all.addAll(set);
        }
        return all;
    }
}
