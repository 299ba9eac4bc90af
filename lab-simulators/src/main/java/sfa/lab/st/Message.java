package sfa.lab.st;

import java.util.Locale;

/**
 * Every message the Structured Text compiler and runtime can show, in English and Korean. Arguments
 * are positional ({@code %1$s}) because the two languages order them differently.
 */
public enum Message {
    // the compiler as a whole
    PROGRAM_TOO_DEEP("the program is nested too deeply to compile: split long expressions and deeply nested blocks into several statements or FUNCTIONs",
            "프로그램이 너무 깊게 중첩되어 컴파일할 수 없습니다: 긴 식과 깊게 중첩된 블록을 여러 문장이나 FUNCTION으로 나누세요"),
    MORE_PROBLEMS("%1$d more problems are not listed: fix the ones above first", "문제가 %1$d개 더 있지만 표시하지 않습니다: 위의 문제부터 고치세요"),
    // scanner
    UNEXPECTED_CHARACTER("unexpected character '%1$s'", "이해할 수 없는 문자 '%1$s'이(가) 있습니다"),
    UNTERMINATED_COMMENT("the comment opened with '(*' is never closed with '*)'", "'(*'로 시작한 주석이 '*)'로 닫히지 않았습니다"),
    UNTERMINATED_STRING("the string is never closed with a quote", "문자열이 따옴표로 닫히지 않았습니다"),
    BAD_NUMBER("'%1$s' is not a valid number", "'%1$s'은(는) 올바른 숫자가 아닙니다"),
    BAD_TIME("'%1$s' is not a valid time: write it like T#1s500ms or T#250ms", "'%1$s'은(는) 올바른 시간이 아닙니다: T#1s500ms, T#250ms처럼 쓰세요"),
    // parser
    EXPECTED("expected %1$s but found '%2$s'", "%1$s이(가) 와야 하는데 '%2$s'이(가) 있습니다"),
    EXPECTED_AFTER("expected %1$s after '%2$s'", "'%2$s' 다음에 %1$s이(가) 와야 합니다"),
    MISSING_END("'%1$s' opened here is never closed: add '%2$s'", "여기서 시작한 '%1$s'이(가) 닫히지 않았습니다: '%2$s'을(를) 추가하세요"),
    EXPECTED_STATEMENT("expected a statement but found '%1$s'", "문장이 와야 하는데 '%1$s'이(가) 있습니다"),
    EXPECTED_EXPRESSION("expected a value or expression but found '%1$s'", "값이나 식이 와야 하는데 '%1$s'이(가) 있습니다"),
    EQUALS_INSTEAD_OF_ASSIGN("'=' compares; to assign a value write ':='", "'='는 비교입니다. 값을 넣으려면 ':='를 쓰세요"),
    NO_PROGRAM("the file has no PROGRAM: write PROGRAM Main ... END_PROGRAM", "파일에 PROGRAM이 없습니다: PROGRAM Main ... END_PROGRAM을 쓰세요"),
    TOO_DEEPLY_NESTED("nested too deeply at '%1$s': blocks, brackets and calls are nested more levels deep than a program may; move the inner part into separate statements or a FUNCTION",
            "'%1$s'에서 중첩이 너무 깊습니다: 블록, 괄호, 호출이 프로그램에 허용된 단계보다 깊게 겹쳐 있습니다. 안쪽 부분을 별도의 문장이나 FUNCTION으로 옮기세요"),
    EXPRESSION_TOO_LONG("this expression is too long: it chains or nests more than %1$d operators; split it over several statements (sum := a + b; sum := sum + c; ...)",
            "식이 너무 깁니다: 연산자를 %1$d개보다 많이 잇거나 겹쳤습니다. 여러 문장으로 나누세요 (sum := a + b; sum := sum + c; ...)"),
    TWO_PROGRAMS("only one PROGRAM is allowed per file; '%1$s' is already the program", "파일에는 PROGRAM이 하나만 있어야 합니다; 이미 '%1$s'이(가) 있습니다"),
    // checker: names
    UNKNOWN_VARIABLE("unknown variable '%1$s'", "알 수 없는 변수 '%1$s'"),
    UNKNOWN_VARIABLE_SUGGEST("unknown variable '%1$s' — did you mean %2$s?", "알 수 없는 변수 '%1$s' — %2$s을(를) 쓰려던 것인가요?"),
    UNKNOWN_TYPE("unknown type '%1$s'", "알 수 없는 자료형 '%1$s'"),
    UNKNOWN_TYPE_SUGGEST("unknown type '%1$s' — did you mean %2$s?", "알 수 없는 자료형 '%1$s' — %2$s을(를) 쓰려던 것인가요?"),
    UNKNOWN_FUNCTION("unknown function or function block '%1$s'", "알 수 없는 함수 또는 기능 블록 '%1$s'"),
    UNKNOWN_FUNCTION_SUGGEST("unknown function '%1$s' — did you mean %2$s?", "알 수 없는 함수 '%1$s' — %2$s을(를) 쓰려던 것인가요?"),
    UNKNOWN_MEMBER("%1$s has no member '%2$s'; it has %3$s", "%1$s에는 '%2$s'이(가) 없습니다; 있는 것: %3$s"),
    DUPLICATE_NAME("'%1$s' is declared twice", "'%1$s'이(가) 두 번 선언되었습니다"),
    NOT_AN_INSTANCE("'%1$s' is not a function block instance and cannot be called", "'%1$s'은(는) 기능 블록 인스턴스가 아니라서 호출할 수 없습니다"),
    FB_NEEDS_INSTANCE("'%1$s' is a function block: declare an instance (e.g. T1 : %1$s;) and call that", "'%1$s'은(는) 기능 블록입니다: 인스턴스를 선언하고(예: T1 : %1$s;) 그것을 호출하세요"),
    FB_CALL_IN_EXPRESSION("'%1$s' is a function block instance: call it as a statement, %1$s(...);, then read its outputs such as %1$s.Q", "'%1$s'은(는) 기능 블록 인스턴스입니다: %1$s(...);처럼 문장으로 호출한 뒤 %1$s.Q 같은 출력을 읽으세요"),
    STRUCT_CALLED("'%1$s' is not a function or function block and cannot be called", "'%1$s'은(는) 함수나 기능 블록이 아니라서 호출할 수 없습니다"),
    NOT_READABLE("'%1$s' is internal to %2$s; only its inputs and outputs can be read (%3$s)", "'%1$s'은(는) %2$s 내부 변수입니다; 입력과 출력만 읽을 수 있습니다 (%3$s)"),
    AGGREGATE_PARAMETER("'%1$s' is a %2$s: structures and arrays cannot be passed as parameters yet; pass the fields one by one or use a global", "'%1$s'은(는) %2$s입니다: 구조체와 배열은 아직 매개변수로 넘길 수 없습니다; 필드를 하나씩 넘기거나 전역 변수를 쓰세요"),
    FUNCTION_IN_OUT("a FUNCTION cannot have VAR_IN_OUT '%1$s' yet: return the value, or use a FUNCTION_BLOCK", "FUNCTION에는 아직 VAR_IN_OUT '%1$s'을(를) 쓸 수 없습니다: 값을 반환하거나 FUNCTION_BLOCK을 쓰세요"),
    AGGREGATE_RESULT("function '%1$s' returns a %2$s: a FUNCTION returns one elementary value; give structures through a FUNCTION_BLOCK's outputs", "함수 '%1$s'이(가) %2$s을(를) 반환합니다: FUNCTION은 기본형 값 하나만 반환합니다; 구조체는 FUNCTION_BLOCK의 출력으로 넘기세요"),
    RECURSION("function '%1$s' calls itself; PLC functions cannot be recursive", "함수 '%1$s'이(가) 자기 자신을 호출합니다; PLC 함수는 재귀 호출할 수 없습니다"),
    MEMORY_LIMIT("'%1$s' needs %2$s of memory (%3$s), more than the %4$s a program's variables may take in all",
            "'%1$s'에 메모리가 %2$s 필요합니다(%3$s). 프로그램의 변수는 모두 합쳐 %4$s까지만 쓸 수 있습니다"),
    PROGRAM_MEMORY_LIMIT("the program's variables need %1$s of memory in all, more than the %2$s a program may use; the largest is '%3$s' (%4$s)",
            "프로그램의 변수에 메모리가 모두 %1$s 필요합니다. 프로그램은 %2$s까지만 쓸 수 있습니다. 가장 큰 것은 '%3$s'(%4$s)입니다"),
    NESTING_TOO_DEEP("function blocks and functions nest more than %2$d levels deep here (%1$s): a program may nest them at most %2$d deep",
            "기능 블록과 함수가 %2$d단계보다 깊이 중첩됩니다(%1$s). 프로그램은 최대 %2$d단계까지 중첩할 수 있습니다"),
    CALLS_TOO_DEEP("calls nest too deeply here (%1$s): the blocks and expressions along these calls nest %2$d levels deep in all, more than the %3$d a program may; make the deepest ones flatter or call fewer inside each other",
            "호출이 너무 깊게 겹칩니다(%1$s): 이 호출들을 따라 블록과 식이 모두 %2$d단계로 겹쳐, 프로그램에 허용된 %3$d단계를 넘습니다. 가장 깊은 것을 얕게 하거나 서로 겹쳐 부르는 호출을 줄이세요"),
    // checker: types
    TYPE_MISMATCH("type mismatch: '%1$s' is %2$s but the value is %3$s", "자료형 불일치: '%1$s'은(는) %2$s인데 값은 %3$s입니다"),
    TYPE_MISMATCH_NEEDS_CONVERSION("type mismatch: '%1$s' is %2$s but the value is %3$s; convert it with %4$s", "자료형 불일치: '%1$s'은(는) %2$s인데 값은 %3$s입니다; %4$s로 변환하세요"),
    OPERAND_TYPE("operator %1$s cannot take %2$s", "연산자 %1$s에는 %2$s을(를) 쓸 수 없습니다"),
    OPERANDS_DIFFER("operator %1$s needs operands of one type, not %2$s and %3$s", "연산자 %1$s의 양쪽은 같은 자료형이어야 합니다: %2$s, %3$s"),
    CONDITION_NOT_BOOL("the condition must be BOOL, not %1$s", "조건은 BOOL이어야 합니다 (지금은 %1$s)"),
    NOT_INTEGER("%1$s must be an integer, not %2$s", "%1$s은(는) 정수여야 합니다 (지금은 %2$s)"),
    NOT_CONSTANT("%1$s must be a constant", "%1$s은(는) 상수여야 합니다"),
    LITERAL_RANGE("%1$s does not fit in %2$s (%3$s)", "%1$s은(는) %2$s 범위(%3$s)를 벗어납니다"),
    NOT_ASSIGNABLE("this cannot be assigned to", "여기에는 값을 넣을 수 없습니다"),
    ASSIGN_TO_INPUT("'%1$s' is an input (%2$s): the program reads it but cannot write it", "'%1$s'은(는) 입력(%2$s)입니다: 프로그램은 읽을 수만 있고 쓸 수는 없습니다"),
    ASSIGN_TO_CONSTANT("'%1$s' is a constant and cannot be changed", "'%1$s'은(는) 상수라서 바꿀 수 없습니다"),
    ASSIGN_TO_FB_INPUT_OUTSIDE("write the inputs of '%1$s' in its call, e.g. %1$s(%2$s := ...)", "'%1$s'의 입력은 호출할 때 넣으세요. 예: %1$s(%2$s := ...)"),
    ASSIGN_TO_LOOP_VARIABLE("'%1$s' is the FOR loop's counter and must not be changed inside the loop", "'%1$s'은(는) FOR 반복의 카운터라서 반복 안에서 바꾸면 안 됩니다"),
    WRONG_ARGUMENTS("%1$s takes %2$s", "%1$s에는 %2$s이(가) 필요합니다"),
    UNKNOWN_PARAMETER("%1$s has no parameter '%2$s'; it has %3$s", "%1$s에는 '%2$s' 매개변수가 없습니다; 있는 것: %3$s"),
    NOT_AN_ARRAY("'%1$s' is not an array", "'%1$s'은(는) 배열이 아닙니다"),
    INDEX_COUNT("'%1$s' has %2$d dimensions, not %3$d", "'%1$s'은(는) %2$d차원 배열입니다 (%3$d개의 첨자를 썼습니다)"),
    INDEX_CONSTANT_OUT_OF_RANGE("index %1$d is outside %2$s [%3$d..%4$d]", "첨자 %1$d이(가) %2$s의 범위 [%3$d..%4$d]를 벗어납니다"),
    EXIT_OUTSIDE_LOOP("EXIT is only allowed inside FOR, WHILE or REPEAT", "EXIT는 FOR, WHILE, REPEAT 안에서만 쓸 수 있습니다"),
    CASE_DUPLICATE("case value %1$s is already handled at line %2$d", "CASE 값 %1$s은(는) 이미 %2$d행에서 처리합니다"),
    CASE_SELECTOR("the CASE selector must be an integer or enumeration, not %1$s", "CASE 선택값은 정수나 열거형이어야 합니다 (지금은 %1$s)"),
    FUNCTION_NO_RESULT("function '%1$s' never assigns its result; write %1$s := ...;", "함수 '%1$s'이(가) 결과를 넣지 않습니다; %1$s := ...;을 쓰세요"),
    // checker: I/O
    UNKNOWN_ADDRESS("this lab has no %1$s; its I/O is %2$s", "이 실습에는 %1$s이(가) 없습니다; 있는 입출력: %2$s"),
    BAD_ADDRESS("'%1$s' is not an I/O address: use %%IX0.0, %%QX0.0, %%IW0 or %%QW0", "'%1$s'은(는) 입출력 주소가 아닙니다: %%IX0.0, %%QX0.0, %%IW0, %%QW0 형식으로 쓰세요"),
    ADDRESS_TYPE("%1$s is a %2$s; declare '%3$s' as %4$s", "%1$s은(는) %2$s입니다; '%3$s'을(를) %4$s로 선언하세요"),
    AT_OUTSIDE_PROGRAM("AT addresses belong in the PROGRAM or VAR_GLOBAL, not in %1$s", "AT 주소는 PROGRAM이나 VAR_GLOBAL에만 쓸 수 있습니다 (%1$s에는 안 됩니다)"),
    // warnings
    DOUBLE_COIL("output '%1$s' is assigned in %2$d places (lines %3$s): only the last one counts each scan (double coil)", "출력 '%1$s'에 %2$d곳(%3$s행)에서 값을 넣습니다: 스캔마다 마지막 것만 유효합니다 (이중 코일)"),
    FB_CALLED_TWICE("'%1$s' is called %2$d times in one scan (lines %3$s): its timer or edge sees every call", "'%1$s'을(를) 한 스캔에 %2$d번 호출합니다 (%3$s행): 타이머나 에지 검출이 호출마다 동작합니다"),
    TIMER_NEVER_CALLED("'%1$s' is never called, so it never runs: call it each scan, e.g. %1$s(IN := ..., PT := T#1s);", "'%1$s'을(를) 호출하지 않아서 동작하지 않습니다: 매 스캔 호출하세요. 예: %1$s(IN := ..., PT := T#1s);"),
    UNUSED_VARIABLE("'%1$s' is declared but never used", "'%1$s'을(를) 선언했지만 쓰지 않습니다"),
    // runtime
    DIVISION_BY_ZERO("division by zero at line %1$d:%2$d", "%1$d행 %2$d열에서 0으로 나누었습니다"),
    INDEX_OUT_OF_RANGE("index %1$d is outside %2$s [%3$d..%4$d] at line %5$d:%6$d", "%5$d행 %6$d열: 첨자 %1$d이(가) %2$s의 범위 [%3$d..%4$d]를 벗어납니다"),
    WATCHDOG("watchdog: scan exceeded %1$d ms at line %2$d:%3$d", "워치독: 스캔이 %1$d ms를 넘었습니다 (%2$d행 %3$d열)"),
    SQRT_NEGATIVE("square root of a negative number at line %1$d:%2$d", "%1$d행 %2$d열: 음수의 제곱근을 구했습니다");

    private final String en;
    private final String ko;

    Message(String en, String ko) {
        this.en = en;
        this.ko = ko;
    }

    public String en(Object... args) {
        return String.format(Locale.ROOT, en, args);
    }

    public String ko(Object... args) {
        return String.format(Locale.ROOT, ko, args);
    }

    /** The code used in diagnostics: {@code UNKNOWN_VARIABLE} → {@code unknown-variable}. */
    public String code() {
        String c = name().toLowerCase(Locale.ROOT).replace('_', '-');
        return c.endsWith("-suggest") ? c.substring(0, c.length() - "-suggest".length()) : c;
    }

    public Diagnostic error(Position at, int length, Object... args) {
        return new Diagnostic(Diagnostic.Severity.ERROR, at, Math.max(1, length), code(), en(args), ko(args));
    }

    public Diagnostic warning(Position at, int length, Object... args) {
        return new Diagnostic(Diagnostic.Severity.WARNING, at, Math.max(1, length), code(), en(args), ko(args));
    }
}
