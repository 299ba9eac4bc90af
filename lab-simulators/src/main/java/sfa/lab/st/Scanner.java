package sfa.lab.st;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns source text into tokens. Comments ({@code (* *)}, {@code /* *}{@code /}, {@code //}) and
 * pragmas ({@code { }}) are skipped. A character it cannot read becomes a diagnostic and is skipped,
 * so the parser still sees the rest of the program.
 */
final class Scanner {

    private final String source;
    private final List<Diagnostic> diagnostics;
    private final List<Token> tokens = new ArrayList<>();
    private int start;
    private int current;
    private int line = 1;
    private int lineStart;
    private int startLine;
    private int startColumn;

    Scanner(String source, List<Diagnostic> diagnostics) {
        this.source = source;
        this.diagnostics = diagnostics;
    }

    List<Token> scan() {
        while (!atEnd()) {
            start = current;
            startLine = line;
            startColumn = current - lineStart + 1;
            scanToken();
        }
        start = current;
        startLine = line;
        startColumn = current - lineStart + 1;
        tokens.add(new Token(TokenKind.END_OF_FILE, "", here(), null));
        return tokens;
    }

    private Position here() {
        return new Position(startLine, startColumn);
    }

    private boolean atEnd() {
        return current >= source.length();
    }

    private char peek() {
        return atEnd() ? '\0' : source.charAt(current);
    }

    private char peekNext() {
        return current + 1 >= source.length() ? '\0' : source.charAt(current + 1);
    }

    private char advance() {
        char c = source.charAt(current++);
        if (c == '\n') {
            line++;
            lineStart = current;
        }
        return c;
    }

    private boolean match(char expected) {
        if (peek() != expected) {
            return false;
        }
        advance();
        return true;
    }

    private void add(TokenKind kind) {
        add(kind, null);
    }

    private void add(TokenKind kind, Object value) {
        tokens.add(new Token(kind, source.substring(start, current), here(), value));
    }

    private void error(Message message, Object... args) {
        diagnostics.add(message.error(here(), current - start, args));
    }

    private void scanToken() {
        char c = advance();
        switch (c) {
            case ' ', '\t', '\r', '\n', '\f' -> { }
            case '(' -> {
                if (match('*')) {
                    blockComment('*', ')');
                } else {
                    add(TokenKind.LEFT_PAREN);
                }
            }
            case '/' -> {
                if (match('/')) {
                    while (!atEnd() && peek() != '\n') {
                        advance();
                    }
                } else if (match('*')) {
                    blockComment('*', '/');
                } else {
                    add(TokenKind.SLASH);
                }
            }
            case '{' -> {
                while (!atEnd() && peek() != '}') {
                    advance();
                }
                if (!atEnd()) {
                    advance();
                }
            }
            case ')' -> add(TokenKind.RIGHT_PAREN);
            case '[' -> add(TokenKind.LEFT_BRACKET);
            case ']' -> add(TokenKind.RIGHT_BRACKET);
            case ',' -> add(TokenKind.COMMA);
            case ';' -> add(TokenKind.SEMICOLON);
            case '+' -> add(TokenKind.PLUS);
            case '-' -> add(TokenKind.MINUS);
            case '&' -> add(TokenKind.AMPERSAND);
            case '*' -> add(match('*') ? TokenKind.POWER : TokenKind.STAR);
            case ':' -> add(match('=') ? TokenKind.ASSIGN : TokenKind.COLON);
            case '=' -> add(match('>') ? TokenKind.OUTPUT_ASSIGN : TokenKind.EQUAL);
            case '<' -> add(match('>') ? TokenKind.NOT_EQUAL : match('=') ? TokenKind.LESS_EQUAL : TokenKind.LESS);
            case '>' -> add(match('=') ? TokenKind.GREATER_EQUAL : TokenKind.GREATER);
            case '.' -> add(match('.') ? TokenKind.RANGE : TokenKind.DOT);
            case '\'', '"' -> string(c);
            case '%' -> directAddress();
            default -> {
                if (isDigit(c)) {
                    number();
                } else if (isIdentifierStart(c)) {
                    identifier();
                } else {
                    error(Message.UNEXPECTED_CHARACTER, String.valueOf(c));
                }
            }
        }
    }

    private void blockComment(char closeFirst, char closeSecond) {
        while (!atEnd()) {
            if (peek() == closeFirst && peekNext() == closeSecond) {
                advance();
                advance();
                return;
            }
            advance();
        }
        diagnostics.add(Message.UNTERMINATED_COMMENT.error(here(), 2));
    }

    private void string(char quote) {
        StringBuilder value = new StringBuilder();
        while (!atEnd() && peek() != quote && peek() != '\n') {
            char c = advance();
            if (c == '$' && !atEnd()) {
                char e = advance();
                switch (Character.toUpperCase(e)) {
                    case 'L', 'N' -> value.append('\n');
                    case 'R' -> value.append('\r');
                    case 'T' -> value.append('\t');
                    case 'P' -> value.append('\f');
                    case '$' -> value.append('$');
                    case '\'' -> value.append('\'');
                    case '"' -> value.append('"');
                    default -> {
                        if (isHex(e) && isHex(peek())) {
                            value.append((char) Integer.parseInt("" + e + advance(), 16));
                        } else {
                            value.append(e);
                        }
                    }
                }
            } else {
                value.append(c);
            }
        }
        if (atEnd() || peek() == '\n') {
            error(Message.UNTERMINATED_STRING);
            add(TokenKind.STRING, value.toString());
            return;
        }
        advance();
        add(TokenKind.STRING, value.toString());
    }

    private void directAddress() {
        while (Character.isLetterOrDigit(peek()) || (peek() == '.' && Character.isDigit(peekNext()))) {
            advance();
        }
        add(TokenKind.DIRECT_ADDRESS);
    }

    private void number() {
        while (isDigit(peek()) || peek() == '_') {
            advance();
        }
        if (peek() == '#') {
            basedInteger();
            return;
        }
        boolean real = false;
        if (peek() == '.' && isDigit(peekNext())) {
            real = true;
            advance();
            while (isDigit(peek()) || peek() == '_') {
                advance();
            }
        }
        if ((peek() == 'e' || peek() == 'E')
                && (isDigit(peekNext()) || ((peekNext() == '+' || peekNext() == '-') && current + 2 < source.length()
                        && isDigit(source.charAt(current + 2))))) {
            real = true;
            advance();
            if (peek() == '+' || peek() == '-') {
                advance();
            }
            while (isDigit(peek())) {
                advance();
            }
        }
        String text = source.substring(start, current).replace("_", "");
        try {
            if (real) {
                add(TokenKind.REAL, Double.parseDouble(text));
            } else {
                add(TokenKind.INTEGER, Long.parseUnsignedLong(text));
            }
        } catch (NumberFormatException e) {
            error(Message.BAD_NUMBER, source.substring(start, current));
            add(TokenKind.INTEGER, 0L);
        }
    }

    /** {@code 16#FF}, {@code 8#17}, {@code 2#1010_0101}. */
    private void basedInteger() {
        String base = source.substring(start, current);
        advance(); // '#'
        while (Character.isLetterOrDigit(peek()) || peek() == '_') {
            advance();
        }
        String digits = source.substring(start + base.length() + 1, current).replace("_", "");
        try {
            int radix = Integer.parseInt(base);
            if (radix != 2 && radix != 8 && radix != 16 || digits.isEmpty()) {
                throw new NumberFormatException();
            }
            add(TokenKind.INTEGER, Long.parseUnsignedLong(digits, radix));
        } catch (NumberFormatException e) {
            error(Message.BAD_NUMBER, source.substring(start, current));
            add(TokenKind.INTEGER, 0L);
        }
    }

    private void identifier() {
        while (isIdentifierPart(peek())) {
            advance();
        }
        String word = source.substring(start, current);
        if (peek() == '#') {
            String upper = word.toUpperCase(Locale.ROOT);
            if (upper.equals("T") || upper.equals("TIME") || upper.equals("LT") || upper.equals("LTIME")) {
                advance();
                time();
                return;
            }
            advance();
            tokens.add(new Token(TokenKind.TYPE_PREFIX, word, here(), null));
            return;
        }
        TokenKind keyword = TokenKind.keyword(word);
        add(keyword != null ? keyword : TokenKind.IDENTIFIER);
    }

    /** After {@code T#}: {@code 1d2h3m4s5ms}, {@code 1.5s}, {@code -250ms}, underscores allowed. Value in ms. */
    private void time() {
        int bodyStart = current;
        while (Character.isLetterOrDigit(peek()) || peek() == '_' || peek() == '.' || peek() == '-') {
            advance();
        }
        String body = source.substring(bodyStart, current).replace("_", "").toLowerCase(Locale.ROOT);
        Long millis = parseDuration(body);
        if (millis == null) {
            error(Message.BAD_TIME, source.substring(start, current));
            add(TokenKind.TIME, 0L);
        } else {
            add(TokenKind.TIME, millis);
        }
    }

    static @org.jspecify.annotations.Nullable Long parseDuration(String body) {
        boolean negative = body.startsWith("-");
        String s = negative ? body.substring(1) : body;
        if (s.isEmpty()) {
            return null;
        }
        double total = 0;
        int i = 0;
        int lastUnit = -1;
        String[] units = {"d", "h", "m", "s", "ms", "us", "ns"};
        double[] scale = {86_400_000, 3_600_000, 60_000, 1_000, 1, 0.001, 0.000001};
        while (i < s.length()) {
            int numberStart = i;
            while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
                i++;
            }
            if (numberStart == i) {
                return null;
            }
            double n;
            try {
                n = Double.parseDouble(s.substring(numberStart, i));
            } catch (NumberFormatException e) {
                return null;
            }
            int unitStart = i;
            while (i < s.length() && Character.isLetter(s.charAt(i))) {
                i++;
            }
            String unit = s.substring(unitStart, i);
            int u = java.util.Arrays.asList(units).indexOf(unit);
            if (u < 0 || u <= lastUnit) {
                return null;
            }
            lastUnit = u;
            total += n * scale[u];
        }
        long ms = Math.round(total);
        return negative ? -ms : ms;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }

    private static boolean isIdentifierStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    private static boolean isIdentifierPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
