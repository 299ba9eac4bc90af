package sfa.backend.web;

import org.springframework.http.HttpStatus;

/**
 * A request the platform refuses, with the reason in Korean and English; answered as an RFC 9457
 * problem ({@link ProblemAdvice}). {@code code} is a short stable name a client can test
 * ({@code not-your-school}, {@code draft-only}, …).
 */
public class ApiProblem extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final String korean;
    private final java.util.Map<String, Object> properties = new java.util.LinkedHashMap<>();
    private int retryAfterSeconds;

    public ApiProblem(HttpStatus status, String code, String english, String korean) {
        super(english);
        this.status = status;
        this.code = code;
        this.korean = korean;
    }

    public static ApiProblem notFound(String english, String korean) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "not-found", english, korean);
    }

    public static ApiProblem badRequest(String code, String english, String korean) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, code, english, korean);
    }

    public static ApiProblem forbidden(String code, String english, String korean) {
        return new ApiProblem(HttpStatus.FORBIDDEN, code, english, korean);
    }

    public static ApiProblem conflict(String code, String english, String korean) {
        return new ApiProblem(HttpStatus.CONFLICT, code, english, korean);
    }

    /** A refusal for now: the same request may succeed a moment later (answered with {@code Retry-After}). */
    public static ApiProblem unavailable(String code, String english, String korean) {
        return new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, code, english, korean);
    }

    /** Answered with {@code Retry-After: seconds}: the same request may succeed then. */
    public ApiProblem retryAfter(int seconds) {
        this.retryAfterSeconds = seconds;
        return this;
    }

    /** The seconds of the answer's {@code Retry-After}, or 0 for none (a 503 says 2 unless told). */
    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** Adds a member to the problem's JSON (the diagnostics of a program, say). */
    public ApiProblem with(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    public java.util.Map<String, Object> properties() {
        return java.util.Collections.unmodifiableMap(properties);
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String english() {
        return getMessage();
    }

    public String korean() {
        return korean;
    }
}
