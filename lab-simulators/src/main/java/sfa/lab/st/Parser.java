package sfa.lab.st;

import static sfa.lab.st.TokenKind.*;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
 * <p>Errors are reported where the student can fix them (a missing {@code END_IF} at the {@code IF} that
 * opened it, a missing {@code ;} just after the token it should follow), and once: a second error at the
 * same token, or after a scanner error on the same line, is dropped as a consequence. To keep one mistake
 * from causing more, the parser also reads a name spelt nearly like a keyword that fits there
 * ({@code ENDIF}, {@code ELSEIF}, {@code VAR_INPTU}) as that keyword after reporting it, reads the body
 * of a block whose keyword it could not recognise, and stops after {@link #MAX_ERRORS} errors.
 */
final class Parser {

    /**
     * Deeper nesting than this is surely a mistake; the limit keeps the recursion off the stack's end. Blocks,
     * brackets, calls, indices, signs and the right operand of an operator each count a level: each costs
     * the parser a few stack frames, and the stages after it one or two.
     */
    static final int MAX_DEPTH = 64;
    /**
     * The most operators an expression may chain or nest ({@code a + b + …}, {@code -(-(…))}, {@code f(g(…))},
     * {@code a.b[i].c}): every stage after the parser walks an expression recursively, one level per operator,
     * and must fit in a small stack with the blocks around it. No program written by hand comes near; 64 Ki
     * characters of {@code i + i + …} would be 16 000.
     */
    static final int MAX_OPERATORS = 128;
    /**
     * After this many errors the parser stops reading (as compilers do): nobody reads further, and it
     * bounds the work of the lookaheads that error recovery makes on absurd input.
     */
    private static final int MAX_ERRORS = 100;

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

    private static final Set<TokenKind> TOP_LEVEL_KEYWORDS = union(TOP_LEVEL, EnumSet.of(VAR_GLOBAL));

    private static final Set<TokenKind> IF_STOPS = EnumSet.of(ELSIF, ELSE, END_IF);
    private static final Set<TokenKind> ELSE_STOPS = EnumSet.of(END_IF);
    private static final Set<TokenKind> CASE_STOPS = EnumSet.of(ELSE, END_CASE);
    private static final Set<TokenKind> CASE_ELSE_STOPS = EnumSet.of(END_CASE);
    private static final Set<TokenKind> FOR_STOPS = EnumSet.of(END_FOR);
    private static final Set<TokenKind> WHILE_STOPS = EnumSet.of(END_WHILE);
    /** The body of a loop whose keyword was not recognised: either END will do. */
    private static final Set<TokenKind> LOOP_STOPS = EnumSet.of(END_FOR, END_WHILE);
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
    /** How many operators deep each expression built so far reaches, when more than none. */
    private final Map<Expr, Integer> operators = new IdentityHashMap<>();
    private int brackets;
    private int errors;
    /** Per line, the first column where the scanner already found an error: the parser adds none after it. */
    private final Map<Integer, Integer> scannerErrors = new HashMap<>();
    /** An unclosed comment swallowed the rest of the file, ENDs included. */
    private final boolean commentRunsToTheEnd;

    Parser(List<Token> tokens, List<Diagnostic> diagnostics) {
        this.tokens = new ArrayList<>(tokens);
        this.diagnostics = diagnostics;
        boolean unclosedComment = false;
        for (Diagnostic d : diagnostics) {
            if (d.isError()) {
                scannerErrors.merge(d.position().line(), d.position().column(), Math::min);
            }
            unclosedComment |= d.code().equals(Message.UNTERMINATED_COMMENT.code());
        }
        this.commentRunsToTheEnd = unclosedComment;
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
            if (peekAt(1).kind() == IDENTIFIER || peekAt(1).kind() == CONSTANT || peekAt(1).kind() == RETAIN) {
                repairKeyword(TOP_LEVEL_KEYWORDS); // PROGRAMM Main, FUNCTIONBLOCK Fb
            }
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
        skipDoubled(open, () -> expected(IDENTIFIER.describe()));
        try {
            name = consumeName().text();
            if (kind == PouKind.FUNCTION) {
                consume(COLON);
                returnType = typeRef();
            }
            match(SEMICOLON); // not standard after the header, but harmless
            if (startsLine() || VAR_SECTIONS.contains(peek().kind()) || plausibleNext(false)) {
                return pouRest(open, kind, name, returnType, end);
            }
            // Something left on the header line ("PROGRAM Main Main"): one error for all of it.
            report(Message.EXPECTED_STATEMENT.error(peek().position(), width(peek()), peek().shown()));
            skipHeader(open);
        } catch (ParseError e) {
            skipHeader(open);
        }
        return pouRest(open, kind, name, returnType, end);
    }

    /** The declarations and the body of a POU, up to its END. */
    private Pou pouRest(Token open, PouKind kind, String name, @Nullable TypeRef returnType, TokenKind end) {
        List<VarBlock> vars = new ArrayList<>();
        while (true) {
            if (check(IDENTIFIER) && !looksLikeStatement() && !looksLikeLooseDeclaration() && declarationFollows()) {
                repairKeyword(VAR_SECTIONS); // VAR_INPTU a : INT;
            }
            if (VAR_SECTIONS.contains(peek().kind())) {
                vars.add(varBlock());
            } else if (looksLikeLooseDeclaration() || check(CONSTANT) || check(RETAIN)) {
                vars.add(looseDeclarations());
            } else if (check(END_VAR)) {
                // An extra END_VAR between the blocks.
                report(Message.EXPECTED_STATEMENT.error(peek().position(), width(peek()), peek().shown()));
                advance();
                match(SEMICOLON);
            } else {
                break;
            }
        }
        List<Stmt> body = block(EnumSet.of(end), false);
        closeBlock(open, end, false);
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
        while (check(CONSTANT) || check(RETAIN)) {
            constant |= advance().kind() == CONSTANT;
            retain |= previous().kind() == RETAIN;
        }
        List<VarDecl> vars = declarations();
        if (match(END_VAR)) {
            match(SEMICOLON);
        } else {
            missingEnd(open, END_VAR);
        }
        return new VarBlock(open.position(), section, constant, retain, vars);
    }

    /**
     * Declarations without their VAR ({@code PROGRAM Main x : INT; END_VAR}): one error at the first, then
     * read them as a VAR block so that they cause no more.
     */
    private VarBlock looseDeclarations() {
        Token first = peek();
        report(Message.EXPECTED.error(first.position(), width(first), VAR.describe(), first.shown()));
        boolean constant = false;
        boolean retain = false;
        while (check(CONSTANT) || check(RETAIN)) {
            constant |= advance().kind() == CONSTANT;
            retain |= previous().kind() == RETAIN;
        }
        List<VarDecl> vars = declarations();
        if (match(END_VAR)) {
            match(SEMICOLON);
        }
        return new VarBlock(first.position(), Section.VAR, constant, retain, vars);
    }

    private List<VarDecl> declarations() {
        List<VarDecl> vars = new ArrayList<>();
        while (!(repairEnd(END_VAR) || endsVarBlock())) {
            if (!match(SEMICOLON)) { // an empty declaration is harmless
                declarationOrRecover(vars);
            }
        }
        return vars;
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
        endOfStatement(true);
        for (Token name : names) {
            out.add(new VarDecl(name.position(), name.text(), location, type, init));
        }
    }

    // --- types --------------------------------------------------------------------------------

    /** {@code TYPE declarations END_TYPE}. */
    private List<TypeDecl> typeBlock() {
        Token open = advance();
        int blockStart = current;
        List<TypeDecl> types = new ArrayList<>();
        while (!(repairEnd(END_TYPE) || atEnd() || TYPE_RESTART.contains(peek().kind()))) {
            if (match(SEMICOLON)) {
                continue;
            }
            if (check(END_STRUCT) && lastErrorAt >= blockStart) {
                advance(); // left over from a STRUCT whose start was already reported broken
                match(SEMICOLON);
                continue;
            }
            int before = current;
            try {
                types.add(typeDecl());
            } catch (ParseError e) {
                synchronizeType();
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
        endOfStatement(true);
        return new AliasDecl(name.position(), name.text(), type, init);
    }

    private StructDecl structDecl(Token name) {
        Token open = advance();
        List<VarDecl> fields = new ArrayList<>();
        while (!(repairEnd(END_STRUCT) || endsStruct())) {
            if (!match(SEMICOLON)) {
                declarationOrRecover(fields);
            }
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
        Expr defaultValue = match(ASSIGN) ? expression() : null;
        endOfStatement(true);
        return new EnumDecl(name.position(), name.text(), values, defaultValue);
    }

    /** A type: a name, {@code STRING[20]}, or {@code ARRAY[1..10, 0..2] OF T}. */
    private TypeRef typeRef() {
        if (depth >= MAX_DEPTH - 1) {
            throw error(tooDeep()); // no level left for the bounds of an ARRAY: reported at it, not at a bound
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
        enter();
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
            } while (match(COMMA) || missingComma());
            consume(RIGHT_PAREN);
        } finally {
            brackets--;
        }
        return new StructInit(open.position(), fields);
    }

    // --- statements ---------------------------------------------------------------------------

    /**
     * Statements until one of {@code stops}. Any other END_/ELSE/ELSIF/UNTIL ends the list too when an
     * enclosing block waits for it (then this block's own END is missing); if none does, it is a stray:
     * skipped when this block's own END still follows (an extra END), else left for {@link #closeBlock}
     * to report as the wrong END.
     */
    private List<Stmt> block(Set<TokenKind> stops, boolean caseBody) {
        List<Stmt> statements = new ArrayList<>();
        scopes.add(new Scope(stops, caseBody));
        try {
            while (!atEnd()) {
                TokenKind kind = peek().kind();
                if (TOP_LEVEL.contains(kind)) {
                    break;
                }
                if (CLOSERS.contains(kind)) {
                    if (stops.contains(kind) || wantedByEnclosing(kind, true) || !strayIsExtra(stops)) {
                        break;
                    }
                    Stmt rest = strayCloser();
                    if (rest != null) {
                        statements.add(rest);
                    }
                    continue;
                }
                if (inCaseBody() && startsCaseLabel()) {
                    break; // the next branch of the CASE; an inner block left open is reported by its owner
                }
                if (kind == IDENTIFIER && repairStatementKeyword()) {
                    continue; // now a keyword: look at it again
                }
                statementOrRecover(statements);
            }
        } finally {
            scopes.removeLast();
        }
        return statements;
    }

    /**
     * An END_, ELSE, ELSIF or UNTIL that no open block wants: one error, then read what belongs to it (the
     * rest of an IF whose IF is missing, the condition after UNTIL) so that it causes no more.
     */
    private @Nullable Stmt strayCloser() {
        Token stray = peek();
        report(Message.EXPECTED_STATEMENT.error(stray.position(), width(stray), stray.shown()));
        if ((stray.kind() == ELSIF || stray.kind() == ELSE) && !wantedByEnclosing(END_IF, false)
                && depth < MAX_DEPTH) {
            depth++;
            try {
                return ifRest(stray, missing(stray), true);
            } finally {
                depth--;
            }
        }
        advance();
        if (stray.kind() == UNTIL) {
            expressionOrSkipTo(END_REPEAT);
            match(SEMICOLON);
            if (!wantedByEnclosing(END_REPEAT, false)) {
                match(END_REPEAT);
            }
        }
        match(SEMICOLON);
        return null;
    }

    private void statementOrRecover(List<Stmt> statements) {
        int before = current;
        try {
            Stmt statement = statement();
            if (statement != null) {
                statements.add(statement);
            }
        } catch (ParseError e) {
            int header = synchronize(STATEMENT_RESTART, e);
            if (current == before) {
                advance();
            } else if (header > before && headlessFits(tokens.get(header).kind()) && depth < MAX_DEPTH) {
                // "Iff a THEN" or "WHLE b DO": the keyword was mistyped; read its body and END quietly.
                depth++;
                try {
                    statements.add(headless(tokens.get(before), tokens.get(header).kind()));
                } finally {
                    depth--;
                }
            }
        }
    }

    /**
     * Whether a block whose keyword was not recognised may take the END that follows: not if an enclosing
     * block needs it, unless there are enough of them for both ({@code ELSEIF a THEN} inside an IF is a
     * mistyped ELSIF, and must leave the END_IF to its IF).
     */
    private boolean headlessFits(TokenKind header) {
        Set<TokenKind> ends = switch (header) {
            case THEN -> ELSE_STOPS;
            case OF -> CASE_ELSE_STOPS;
            default -> LOOP_STOPS;
        };
        boolean shared = false;
        for (TokenKind end : ends) {
            shared |= wantedByEnclosing(end, false);
        }
        if (!shared) {
            return true;
        }
        int found = 0;
        int nesting = 0;
        for (int i = current; i < tokens.size() && found < 2; i++) {
            TokenKind kind = tokens.get(i).kind();
            if (kind == END_OF_FILE || TOP_LEVEL.contains(kind) || POU_ENDS.contains(kind)) {
                break;
            }
            if (nesting == 0 && ends.contains(kind)) {
                found++;
            } else if (BLOCK_OPENERS.contains(kind)) {
                nesting++;
            } else if (BLOCK_ENDS.contains(kind) && nesting > 0) {
                nesting--;
            }
        }
        return found >= 2;
    }

    /** The rest of a block statement whose first keyword was not recognised, after its THEN, DO or OF. */
    private Stmt headless(Token first, TokenKind header) {
        return switch (header) {
            case THEN -> ifRest(first, missing(first), true);
            case OF -> caseRest(first, missing(first), true);
            default -> {
                List<Stmt> body = block(LOOP_STOPS, false);
                if (match(END_FOR) || match(END_WHILE)) {
                    match(SEMICOLON);
                }
                yield new While(first.position(), missing(first), body);
            }
        };
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

    /** One statement, or null for an empty one ({@code ;}) or misplaced declarations. */
    private @Nullable Stmt statement() {
        if (depth >= MAX_DEPTH - 1 && BLOCK_OPENERS.contains(peek().kind())) {
            // no level left for its condition: one error for the whole block, however deep it goes on
            report(tooDeep());
            skipBlock();
            return null;
        }
        enter();
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
                    endOfStatement(false);
                    yield new Exit(first.position());
                }
                case RETURN -> {
                    advance();
                    endOfStatement(false);
                    yield new Return(first.position());
                }
                case SEMICOLON -> {
                    advance();
                    yield null;
                }
                case IDENTIFIER, DIRECT_ADDRESS -> {
                    if (looksLikeLooseDeclaration()) {
                        looseDeclarations(); // after the code: reported once, read and dropped
                        yield null;
                    }
                    yield assignmentOrCall();
                }
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
            endOfStatement(false);
            return new Assign(first.position(), target, value);
        }
        if (check(EQUAL)) {
            equalsInsteadOfAssign();
            Expr value = expression();
            endOfStatement(false);
            return new Assign(first.position(), target, value);
        }
        if (target instanceof Call call) {
            endOfStatement(false);
            return new CallStmt(first.position(), call);
        }
        throw error(expected(ASSIGN.describe()));
    }

    /** Reports {@code =} written for {@code :=} and steps over it (and over {@code ==} or {@code =:}). */
    private void equalsInsteadOfAssign() {
        Token equals = peek();
        report(Message.EQUALS_INSTEAD_OF_ASSIGN.error(equals.position(), width(equals)));
        advance();
        if (!match(EQUAL)) {
            match(COLON);
        }
    }

    /** A keyword typed twice ({@code IF IF a THEN}): one error, then read on as if it were there once. */
    private void skipDoubled(Token open, Supplier<Diagnostic> error) {
        if (check(open.kind())) {
            report(error.get());
            advance();
        }
    }

    private Diagnostic expectedExpressionHere() {
        return Message.EXPECTED_EXPRESSION.error(peek().position(), width(peek()), peek().shown());
    }

    private Stmt ifStatement() {
        Token open = advance();
        skipDoubled(open, this::expectedExpressionHere);
        return ifRest(open, header(THEN), false);
    }

    /**
     * An IF from its first body on. A headless one (its IF mistyped or missing, already reported) says
     * nothing about its own END.
     */
    private If ifRest(Token open, Expr condition, boolean headless) {
        List<Branch> branches = new ArrayList<>();
        branches.add(new Branch(condition, block(IF_STOPS, false)));
        while (match(ELSIF)) {
            Expr elsifCondition = header(THEN);
            branches.add(new Branch(elsifCondition, block(IF_STOPS, false)));
        }
        List<Stmt> elseBody = match(ELSE) ? block(ELSE_STOPS, false) : List.of();
        closeBlock(open, END_IF, headless);
        return new If(open.position(), branches, elseBody);
    }

    private Stmt caseStatement() {
        Token open = advance();
        skipDoubled(open, this::expectedExpressionHere);
        return caseRest(open, header(OF), false);
    }

    private Case caseRest(Token open, Expr selector, boolean headless) {
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
        closeBlock(open, END_CASE, headless);
        return new Case(open.position(), selector, branches, elseBody);
    }

    private void caseBranchOrRecover(List<CaseBranch> branches) {
        int before = current;
        try {
            List<CaseLabel> labels = caseLabels();
            if (!match(COLON)) {
                report(expected(COLON.describe()));
                if (!plausibleNext(false)) {
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
        skipDoubled(open, () -> expected(IDENTIFIER.describe()));
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
        closeBlock(open, END_FOR, false);
        return new For(open.position(), variable, from, to, step, body);
    }

    private Stmt whileStatement() {
        Token open = advance();
        skipDoubled(open, this::expectedExpressionHere);
        Expr condition = header(DO);
        List<Stmt> body = block(WHILE_STOPS, false);
        closeBlock(open, END_WHILE, false);
        return new While(open.position(), condition, body);
    }

    private Stmt repeatStatement() {
        Token open = advance();
        List<Stmt> body = block(REPEAT_STOPS, false);
        Expr until;
        if (check(UNTIL)) {
            skipDoubled(advance(), this::expectedExpressionHere);
            int conditionStart = current;
            until = expressionOrSkipTo(END_REPEAT);
            match(SEMICOLON); // some write UNTIL x; END_REPEAT
            repairEnd(END_REPEAT);
            if (!check(END_REPEAT) && aheadInHeader(END_REPEAT)) {
                // UNTIL a b END_REPEAT: the condition goes on past where it could
                expectHeaderEnd(END_REPEAT, conditionStart);
                match(SEMICOLON);
            } else {
                closeBlock(open, END_REPEAT, false);
            }
        } else if (check(END_REPEAT)) {
            report(expected(UNTIL.describe()));
            until = missing(peek());
            advance();
            match(SEMICOLON);
        } else {
            until = missing(peek());
            closeBlock(open, END_REPEAT, false);
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
        if (lastErrorAt < headerStart && !looksLikeStatement() && repairKeyword(EnumSet.of(end))) {
            advance(); // THNE, D0: reported as the keyword it stands for
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
        while (!atEnd() && peek().position().line() == line && !plausibleNext(false)) {
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
     * this block's end), or none, reported as missing where the block opened. A headless block reports
     * nothing: its missing keyword was reported already.
     */
    private void closeBlock(Token open, TokenKind end, boolean headless) {
        if (match(end)) {
            match(SEMICOLON);
            return;
        }
        if (headless) {
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
        if (errors >= MAX_ERRORS || atEnd() && commentRunsToTheEnd) {
            return; // given up, or the END is inside the comment the scanner reported
        }
        // Never suppressed otherwise: several blocks can be unclosed at one place, each is a real mistake.
        diagnostics.add(Message.MISSING_END.error(open.position(), width(open), open.kind().name(), end.name()));
        lastErrorAt = current;
        countError();
    }

    /**
     * The ';' ending a statement or declaration. When it is missing but what follows reads like the next
     * statement, report it just after the previous token (where it must be typed) and go on; otherwise
     * the token here is the problem.
     */
    private void endOfStatement(boolean inDeclarations) {
        if (match(SEMICOLON)) {
            return;
        }
        if (plausibleNext(inDeclarations)) {
            report(expectedAfterPrevious(SEMICOLON.describe()));
            return;
        }
        throw error(Message.EXPECTED.error(peek().position(), width(peek()), SEMICOLON.describe(), peek().shown()));
    }

    /**
     * Whether the token here could begin what follows a statement (or declaration). On the same line only
     * an obvious {@code y :=} counts: {@code x := a b.c;} has a stray {@code b}, not a missing ';'.
     */
    private boolean plausibleNext(boolean inDeclarations) {
        TokenKind kind = peek().kind();
        if (kind == END_OF_FILE || kind == SEMICOLON || STATEMENT_RESTART.contains(kind)) {
            return true;
        }
        if (inDeclarations) {
            // code on the next line: END_VAR is missing too, which the block reports
            return looksLikeDeclaration() || startsLine() && looksLikeStatement();
        }
        if (!startsLine()) {
            return (kind == IDENTIFIER || kind == DIRECT_ADDRESS) && peekAt(1).kind() == ASSIGN;
        }
        return looksLikeStatement() || inCaseBody() && startsCaseLabel();
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

    /**
     * A whole declaration head where none is expected, {@code a, b AT %IX0.0 : INT;} up to its type, so
     * that {@code x : 5;} (a mistyped {@code :=}) is not taken for one.
     */
    private boolean looksLikeLooseDeclaration() {
        int i = current;
        if (kindAt(i) != IDENTIFIER) {
            return false;
        }
        while (kindAt(i + 1) == COMMA && kindAt(i + 2) == IDENTIFIER) {
            i += 2;
        }
        if (kindAt(i + 1) == AT && kindAt(i + 2) == DIRECT_ADDRESS) {
            i += 2;
        }
        if (kindAt(i + 1) != COLON) {
            return false;
        }
        if (kindAt(i + 2) == ARRAY) {
            return true;
        }
        if (kindAt(i + 2) != IDENTIFIER) {
            return false;
        }
        Token type = tokens.get(Math.min(i + 2, tokens.size() - 1));
        Token after = tokens.get(Math.min(i + 3, tokens.size() - 1));
        return switch (after.kind()) {
            case SEMICOLON, ASSIGN, END_OF_FILE, END_VAR -> true;
            case LEFT_BRACKET, LEFT_PAREN -> type.name().equals("STRING") || type.name().equals("WSTRING");
            default -> after.position().line() > type.position().line();
        };
    }

    private TokenKind kindAt(int index) {
        return tokens.get(Math.min(index, tokens.size() - 1)).kind();
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
        enter();
        try {
            return binary(BinaryOp.OR.level);
        } finally {
            depth--;
        }
    }

    /**
     * Operators of {@code level} and tighter, each grouping to the left ({@code a - b - c} is
     * {@code (a - b) - c}): a right operand is read at the next tighter level, so {@code a + b * c - d} is
     * {@code (a + (b * c)) - d}. One method for every level (precedence climbing) rather than one per level
     * keeps the stack a bracket or a call takes to a handful of frames.
     */
    private Expr binary(int level) {
        Expr left = unary();
        for (BinaryOp op = binaryOperator(peek().kind()); op != null && op.level >= level;
                op = binaryOperator(peek().kind())) {
            Token symbol = advance();
            Expr right;
            enter(); // a right operand nests: a OR b XOR c AND d = ... goes a level deeper at each operator
            try {
                right = binary(op.level + 1);
            } finally {
                depth--;
            }
            left = grown(new Binary(left.position(), op, left, right), symbol);
        }
        return left;
    }

    private static @Nullable BinaryOp binaryOperator(TokenKind kind) {
        return switch (kind) {
            case OR -> BinaryOp.OR;
            case XOR -> BinaryOp.XOR;
            case AND, AMPERSAND -> BinaryOp.AND;
            case EQUAL -> BinaryOp.EQ;
            case NOT_EQUAL -> BinaryOp.NE;
            case LESS -> BinaryOp.LT;
            case LESS_EQUAL -> BinaryOp.LE;
            case GREATER -> BinaryOp.GT;
            case GREATER_EQUAL -> BinaryOp.GE;
            case PLUS -> BinaryOp.ADD;
            case MINUS -> BinaryOp.SUB;
            case STAR -> BinaryOp.MUL;
            case SLASH -> BinaryOp.DIV;
            case MOD -> BinaryOp.MOD;
            default -> null;
        };
    }

    /** {@code -x}, {@code NOT x}: they apply to a whole power, so {@code -a ** 2} is {@code -(a ** 2)}. */
    private Expr unary() {
        return prefixed(false);
    }

    private Expr power() {
        Expr left = postfixExpression();
        while (check(POWER)) {
            Token symbol = advance();
            // The exponent may carry its own sign: 2 ** -1.
            left = grown(new Binary(left.position(), BinaryOp.POW, left, prefixed(true)), symbol);
        }
        return left;
    }

    /** Any number of '-', NOT (and a no-op '+') before a power, or before a postfix expression in an exponent. */
    private Expr prefixed(boolean exponent) {
        Token first = peek();
        UnaryOp op = switch (first.kind()) {
            case MINUS -> UnaryOp.NEGATE;
            case NOT -> UnaryOp.NOT;
            default -> null;
        };
        if (op == null && first.kind() != PLUS) {
            return exponent ? postfixExpression() : power();
        }
        advance();
        enter();
        try {
            Expr inner = prefixed(exponent);
            return op == null ? inner : grown(new Unary(first.position(), op, inner), first);
        } finally {
            depth--;
        }
    }

    /**
     * Records how many operators deep {@code node} reaches (one more than its deepest operand; a name or a
     * literal is 0) and refuses it past {@link #MAX_OPERATORS}, at the operator {@code at} that goes too far.
     * The checker and the code generators walk an expression recursively, and a chain {@code a + a + …} is a
     * tree as deep as it is long, though the parser reads it in a loop.
     */
    private Expr grown(Expr node, Token at) {
        int below = switch (node) {
            case Binary b -> Math.max(operators(b.left()), operators(b.right()));
            case Unary u -> operators(u.operand());
            case Member m -> operators(m.target());
            case Index i -> Math.max(operators(i.target()), deepest(i.indices()));
            case Call c -> {
                int deepest = operators(c.callee());
                for (Argument a : c.arguments()) {
                    deepest = Math.max(deepest, operators(a.value()));
                }
                yield deepest;
            }
            default -> -1;
        };
        if (below >= MAX_OPERATORS) {
            throw error(Message.EXPRESSION_TOO_LONG.error(at.position(), width(at), MAX_OPERATORS));
        }
        operators.put(node, below + 1);
        return node;
    }

    private int operators(Expr e) {
        return operators.getOrDefault(e, 0);
    }

    private int deepest(List<Expr> exprs) {
        int deepest = 0;
        for (Expr e : exprs) {
            deepest = Math.max(deepest, operators(e));
        }
        return deepest;
    }

    /** A primary followed by {@code .member}, {@code [i, j]} and {@code (arguments)}, in any order. */
    private Expr postfixExpression() {
        Expr expr = primary();
        while (true) {
            Token symbol = peek();
            if (match(DOT)) {
                expr = grown(new Member(expr.position(), expr, consumeName().text()), symbol);
            } else if (match(LEFT_BRACKET)) {
                expr = grown(new Index(expr.position(), expr, indices()), symbol);
            } else if (match(LEFT_PAREN)) {
                expr = grown(new Call(expr.position(), expr, arguments()), symbol);
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
                } while (match(COMMA) || missingComma());
            }
            consume(RIGHT_PAREN);
        } finally {
            brackets--;
        }
        return arguments;
    }

    /** {@code T1(IN := a PT := b)}: the ',' is missing before {@code PT :=}; reported, and read on. */
    private boolean missingComma() {
        if (check(IDENTIFIER) && (peekAt(1).kind() == ASSIGN || peekAt(1).kind() == OUTPUT_ASSIGN)) {
            report(expected(COMMA.describe()));
            return true;
        }
        return false;
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
        enter();
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
        return minus == null ? literal : grown(new Unary(prefix.position(), UnaryOp.NEGATE, literal), minus);
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

    // --- misspelt keywords ---------------------------------------------------------------------

    /**
     * A name at the start of a statement that cannot begin one ({@code ENDIF;}, {@code Iff a THEN},
     * {@code END_PROGRA}) but is spelt nearly like a keyword that fits here: reported as that keyword and
     * read as it. Block ends count only if an open block waits for them; {@code END} alone stands for the
     * innermost one.
     */
    private boolean repairStatementKeyword() {
        if (looksLikeStatement() || looksLikeLooseDeclaration()) {
            return false;
        }
        Set<TokenKind> candidates = EnumSet.of(IF, CASE, FOR, WHILE, REPEAT, EXIT, RETURN);
        for (Scope scope : scopes) {
            candidates.addAll(scope.stops());
        }
        Token word = peek();
        TokenKind keyword = word.name().equals("END") ? innermostEnd() : nearestKeyword(word.name(), candidates);
        if (keyword == null || !fitsHere(keyword)) {
            return false;
        }
        replaceWithKeyword(keyword);
        return true;
    }

    private @Nullable TokenKind innermostEnd() {
        for (int i = scopes.size() - 1; i >= 0; i--) {
            for (TokenKind stop : scopes.get(i).stops()) {
                if (stop.name().startsWith("END_")) {
                    return stop;
                }
            }
        }
        return null;
    }

    /** Whether what follows the misspelt word suits {@code keyword}: IF needs its THEN, an END a line end. */
    private boolean fitsHere(TokenKind keyword) {
        Token next = peekAt(1);
        boolean endsHere = next.kind() == SEMICOLON || next.kind() == END_OF_FILE
                || next.position().line() > peek().position().line();
        return switch (keyword) {
            case IF, ELSIF -> aheadInHeader(THEN);
            case WHILE, FOR -> aheadInHeader(DO);
            case CASE -> aheadInHeader(OF);
            case UNTIL -> true;
            case REPEAT, ELSE -> endsHere || next.kind() == IDENTIFIER && peekAt(2).kind() == ASSIGN;
            default -> endsHere;
        };
    }

    /** Whether a declaration (or CONSTANT, RETAIN) follows the token here, as after a VAR keyword. */
    private boolean declarationFollows() {
        return switch (peekAt(1).kind()) {
            case CONSTANT, RETAIN -> true;
            case IDENTIFIER -> switch (peekAt(2).kind()) {
                case COLON, COMMA, AT -> true;
                default -> false;
            };
            default -> false;
        };
    }

    /** A misspelt {@code end} where a declaration should be, e.g. {@code ENDVAR}; true if repaired. */
    private boolean repairEnd(TokenKind end) {
        if (!check(IDENTIFIER) || looksLikeDeclaration() || looksLikeStatement() || !fitsHere(end)) {
            return false;
        }
        return repairKeyword(EnumSet.of(end));
    }

    /** If the name here is spelt nearly like one of {@code candidates}: report it as that keyword and make it so. */
    private boolean repairKeyword(Collection<TokenKind> candidates) {
        if (!check(IDENTIFIER)) {
            return false;
        }
        TokenKind keyword = nearestKeyword(peek().name(), candidates);
        if (keyword == null) {
            return false;
        }
        replaceWithKeyword(keyword);
        return true;
    }

    private void replaceWithKeyword(TokenKind keyword) {
        Token word = peek();
        tokens.set(current, new Token(keyword, word.text(), word.position(), null)); // before report() may give up
        report(Message.EXPECTED.error(word.position(), width(word), keyword.describe(), word.shown()));
    }

    /**
     * The keyword {@code word} is most likely a misspelling of: one or two typing mistakes away (one for
     * short keywords, so that ordinary short names are left alone), or null.
     */
    private static @Nullable TokenKind nearestKeyword(String word, Collection<TokenKind> candidates) {
        String upper = word.toUpperCase(Locale.ROOT);
        TokenKind best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (TokenKind candidate : candidates) {
            String keyword = candidate.name();
            int allowed = keyword.length() <= 4 ? 1 : 2;
            if (upper.length() < 2 || Math.abs(upper.length() - keyword.length()) > allowed) {
                continue;
            }
            int distance = typingDistance(upper, keyword);
            if (distance <= allowed && distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best;
    }

    /** Edits (insert, delete, replace, swap two neighbours) turning {@code a} into {@code b}. */
    private static int typingDistance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int replace = d[i - 1][j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                d[i][j] = Math.min(replace, Math.min(d[i - 1][j], d[i][j - 1]) + 1);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    // --- errors and recovery ------------------------------------------------------------------

    /** Counts a level of nesting, refusing (as an error) nesting deep enough to overflow the stack. */
    private void enter() {
        if (depth >= MAX_DEPTH) {
            throw error(tooDeep());
        }
        depth++;
    }

    private Diagnostic tooDeep() {
        return Message.TOO_DEEPLY_NESTED.error(peek().position(), width(peek()), peek().shown());
    }

    /** Skips a block statement with all it holds, to just past its END (or to the end of its POU if it has none). */
    private void skipBlock() {
        int nesting = 0;
        while (!atEnd() && !POU_ENDS.contains(peek().kind()) && !TOP_LEVEL.contains(peek().kind())) {
            TokenKind kind = advance().kind();
            if (BLOCK_OPENERS.contains(kind)) {
                nesting++;
            } else if (BLOCK_ENDS.contains(kind) && --nesting <= 0) {
                match(SEMICOLON);
                return;
            }
        }
    }

    /**
     * Panic mode: skip to just after the next ';', to a token of {@code restart}, or to a new line that
     * reads like a fresh statement (once the brackets open at the error are closed), whichever comes first.
     *
     * @return the index of the last THEN, DO or OF skipped outside brackets (a block whose keyword was
     *     not recognised may begin there), or -1
     */
    private int synchronize(Set<TokenKind> restart, ParseError error) {
        int open = error.brackets;
        boolean first = true;
        int skippedHeader = -1;
        while (!atEnd()) {
            Token token = peek();
            if (token.kind() == SEMICOLON) {
                advance();
                break;
            }
            if (restart.contains(token.kind())) {
                break;
            }
            if (!first && open == 0 && startsLine() && (looksLikeStatement() || looksLikeDeclaration()
                    || inCaseBody() && startsCaseLabel())) {
                break;
            }
            switch (token.kind()) {
                case LEFT_PAREN, LEFT_BRACKET -> open++;
                case RIGHT_PAREN, RIGHT_BRACKET -> open = Math.max(0, open - 1);
                case THEN, DO, OF -> skippedHeader = open == 0 ? current : skippedHeader;
                default -> {
                }
            }
            first = false;
            advance();
        }
        return skippedHeader;
    }

    /** Panic mode between type declarations: past the next ';', or past a whole STRUCT ... END_STRUCT. */
    private void synchronizeType() {
        int structs = 0;
        while (!atEnd() && !TYPE_RESTART.contains(peek().kind())) {
            TokenKind kind = advance().kind();
            if (kind == STRUCT) {
                structs++;
            } else if (kind == END_STRUCT && structs > 0 && --structs == 0) {
                match(SEMICOLON);
                return;
            } else if (kind == SEMICOLON && structs == 0) {
                return;
            }
        }
    }

    private boolean startsLine() {
        return current == 0 || tokens.get(current - 1).position().line() < peek().position().line();
    }

    /**
     * Adds {@code diagnostic} unless an error was already reported at this token, or the scanner reported
     * one earlier on its line: either way it would be a consequence, not a new mistake.
     */
    private void report(Diagnostic diagnostic) {
        if (lastErrorAt == current || errors >= MAX_ERRORS) {
            return;
        }
        lastErrorAt = current;
        Integer scannerColumn = scannerErrors.get(diagnostic.position().line());
        if (scannerColumn == null || scannerColumn > diagnostic.position().column()) {
            diagnostics.add(diagnostic);
        } // else what the scanner could not read explains this one
        countError();
    }

    /** Counts an error; at {@link #MAX_ERRORS}, jumps to the end of the file so that every loop finishes. */
    private void countError() {
        if (++errors >= MAX_ERRORS) {
            current = tokens.size() - 1;
        }
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
