package sfa.lab.st;

import org.jspecify.annotations.Nullable;

/**
 * One token: its kind, the text as written, where it starts, and for literals the value
 * ({@link Long} for integers and times in ms, {@link Double} for reals, {@link String} for strings).
 */
record Token(TokenKind kind, String text, Position position, @Nullable Object value) {

    /** The text upper-cased, as names are compared. */
    String name() {
        return text.toUpperCase(java.util.Locale.ROOT);
    }

    /** How the token reads in a message: its text, or "end of file". */
    String shown() {
        return kind == TokenKind.END_OF_FILE ? "end of file" : text;
    }
}
