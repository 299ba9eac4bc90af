package sfa.backend.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Every state-changing API request may carry an {@code Idempotency-Key} (draft-ietf-httpapi-idempotency-key-header):
 * a client that retries after a timeout with the same key gets the first answer again, replayed from the store,
 * instead of doing the work twice. The same key with another body is refused (422), and a duplicate that arrives
 * while the first is still being processed is told to retry (409). The answer is kept for a day per caller.
 * <p>
 * A request interrupted by a crash leaves its key "in flight"; after {@link IdempotencyRecords#STALE} a retry takes
 * it over and runs again. The attempts that count (quiz and lab submissions) are then not counted twice because
 * their ids come from the key too ({@link Idempotency#attemptId}), and the store refuses an id it already has.
 * <p>
 * It runs inside the API's security filter chain, after authorisation, where the caller is known (keys are the
 * caller's own); {@link IdempotencyConfiguration} keeps the server from running it a second time on its own.
 */
public class IdempotentRequests extends OncePerRequestFilter {

    static final String HEADER = Idempotency.HEADER;
    private static final Set<String> CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    /** Answers larger than this are not kept: a retry of such a request runs again. */
    private static final int MAX_KEPT_BYTES = 512 * 1024;

    private final IdempotencyRecords records;

    IdempotentRequests(IdempotencyRecords records) {
        this.records = records;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/") || !CHANGING.contains(request.getMethod())
                || request.getHeader(HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (!KEY.matcher(key).matches()) {
            ProblemWriter.write(response, HttpStatus.BAD_REQUEST, "idempotency-key-invalid",
                    "an Idempotency-Key is 1 to 128 letters, digits, '.', '_', ':' or '-'",
                    "Idempotency-Key는 영문자, 숫자, '.', '_', ':', '-'로 된 1~128자입니다");
            return;
        }
        var auth = SecurityContextHolder.getContext().getAuthentication();
        String caller = auth == null ? "anonymous" : auth.getName();
        byte[] body = request.getInputStream().readAllBytes();
        String id = IdempotencyRecords.sha256(caller + "\n" + request.getMethod() + "\n" + request.getRequestURI() + "?"
                + request.getQueryString() + "\n" + key);
        String fingerprint = IdempotencyRecords.sha256(body);
        IdempotencyRecords.Outcome outcome = records.begin(id, fingerprint);
        switch (outcome.kind()) {
            case REPLAY -> {
                IdempotencyRecords.Record r = outcome.record();
                response.setStatus(r.status());
                if (r.contentType() != null) {
                    response.setContentType(r.contentType());
                }
                response.setHeader("Idempotent-Replayed", "true");
                response.getOutputStream().write(r.body().getData());
                return;
            }
            case OTHER_BODY -> {
                ProblemWriter.write(response, HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused",
                        "this Idempotency-Key was used for a different request: use a new key for a new request",
                        "이 Idempotency-Key는 다른 요청에 이미 쓰였습니다. 새 요청에는 새 키를 쓰세요");
                return;
            }
            case IN_FLIGHT -> {
                response.setHeader("Retry-After", "1");
                ProblemWriter.write(response, HttpStatus.CONFLICT, "idempotency-in-flight",
                        "the same request is still being processed: retry in a moment",
                        "같은 요청을 아직 처리하고 있습니다. 잠시 뒤에 다시 하세요");
                return;
            }
            case FIRST -> {
                // go on below
            }
        }
        ContentCachingResponseWrapper wrapped = new ContentCachingResponseWrapper(response);
        boolean kept = false;
        try {
            chain.doFilter(new Replayable(request, body), wrapped);
            byte[] answer = wrapped.getContentAsByteArray();
            // a refusal for now (429 too many, 5xx) is not the request's answer: the retry with its key runs it
            if (wrapped.getStatus() < 500 && wrapped.getStatus() != 429 && answer.length <= MAX_KEPT_BYTES) {
                records.finish(id, wrapped.getStatus(), wrapped.getContentType(), answer);
                kept = true;
            }
        } finally {
            if (!kept) {
                records.forget(id);
            }
            wrapped.copyBodyToResponse();
        }
    }

    /** The request with its body, already read for the fingerprint, readable again by the controller. */
    private static final class Replayable extends HttpServletRequestWrapper {
        private final byte[] body;

        Replayable(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding() == null ? StandardCharsets.UTF_8.name() : getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(getInputStream(), java.nio.charset.Charset.forName(encoding)));
        }
    }
}
