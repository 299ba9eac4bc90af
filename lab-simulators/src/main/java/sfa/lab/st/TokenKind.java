package sfa.lab.st;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The kinds of tokens of Structured Text. Keywords are case-insensitive. */
enum TokenKind {
    IDENTIFIER, INTEGER, REAL, TIME, STRING, DIRECT_ADDRESS,
    /** {@code INT#} or {@code Color#} before a literal or enumeration value. */
    TYPE_PREFIX,

    // keywords
    PROGRAM, END_PROGRAM, FUNCTION_BLOCK, END_FUNCTION_BLOCK, FUNCTION, END_FUNCTION,
    VAR, VAR_INPUT, VAR_OUTPUT, VAR_IN_OUT, VAR_GLOBAL, VAR_TEMP, VAR_EXTERNAL, END_VAR, CONSTANT, RETAIN, AT,
    TYPE, END_TYPE, STRUCT, END_STRUCT, ARRAY, OF,
    IF, THEN, ELSIF, ELSE, END_IF, CASE, END_CASE, FOR, TO, BY, DO, END_FOR, WHILE, END_WHILE,
    REPEAT, UNTIL, END_REPEAT, EXIT, RETURN, TRUE, FALSE, NOT, AND, OR, XOR, MOD,

    // symbols
    ASSIGN(":="), OUTPUT_ASSIGN("=>"), COLON(":"), SEMICOLON(";"), COMMA(","), DOT("."), RANGE(".."),
    LEFT_PAREN("("), RIGHT_PAREN(")"), LEFT_BRACKET("["), RIGHT_BRACKET("]"),
    PLUS("+"), MINUS("-"), STAR("*"), SLASH("/"), POWER("**"), AMPERSAND("&"),
    EQUAL("="), NOT_EQUAL("<>"), LESS("<"), LESS_EQUAL("<="), GREATER(">"), GREATER_EQUAL(">="),
    END_OF_FILE("end of file");

    private static final Map<String, TokenKind> KEYWORDS = new HashMap<>();

    static {
        for (TokenKind k : values()) {
            if (k.ordinal() >= PROGRAM.ordinal() && k.ordinal() <= MOD.ordinal()) {
                KEYWORDS.put(k.name(), k);
            }
        }
    }

    private final @Nullable String symbol;

    TokenKind() {
        this.symbol = null;
    }

    TokenKind(String symbol) {
        this.symbol = symbol;
    }

    /** The keyword spelled {@code word} (any case), or null. */
    static @Nullable TokenKind keyword(String word) {
        return KEYWORDS.get(word.toUpperCase(Locale.ROOT));
    }

    boolean isKeyword() {
        return ordinal() >= PROGRAM.ordinal() && ordinal() <= MOD.ordinal();
    }

    /** How the kind reads in a message: {@code 'END_IF'}, {@code ':='}, {@code a name}. */
    String describe() {
        if (symbol != null) {
            return this == END_OF_FILE ? symbol : "'" + symbol + "'";
        }
        if (isKeyword()) {
            return "'" + name() + "'";
        }
        return switch (this) {
            case IDENTIFIER -> "a name";
            case INTEGER -> "an integer";
            case REAL -> "a real number";
            case TIME -> "a time";
            case STRING -> "a string";
            case DIRECT_ADDRESS -> "an I/O address";
            default -> name();
        };
    }
}
