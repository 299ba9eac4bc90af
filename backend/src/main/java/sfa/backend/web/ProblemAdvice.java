package sfa.backend.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import sfa.lab.session.SessionException;

/**
 * Every refusal of the API as an RFC 9457 problem: {@code detail} in English, and {@code message} with
 * the Korean and English text a student or teacher reads, plus a stable {@code code}.
 */
@RestControllerAdvice
class ProblemAdvice {

    @ExceptionHandler(ApiProblem.class)
    Object apiProblem(ApiProblem e, jakarta.servlet.http.HttpServletRequest request,
            jakarta.servlet.http.HttpServletResponse response) {
        if (e.retryAfterSeconds() > 0) {
            response.setHeader("Retry-After", Integer.toString(e.retryAfterSeconds()));
        } else if (e.status() == HttpStatus.SERVICE_UNAVAILABLE) {
            response.setHeader("Retry-After", "2");
        }
        if (isPage(request)) {
            return page(e.status(), e.korean(), e.english());
        }
        ProblemDetail p = problem(e.status(), e.code(), e.english(), e.korean());
        e.properties().forEach(p::setProperty);
        return p;
    }

    /** A browser asking for a page (not the API) gets the refusal as a page in its language. */
    static boolean isPage(jakarta.servlet.http.HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return !request.getRequestURI().startsWith("/api/") && accept != null && accept.contains("text/html")
                && request.getHeader("HX-Request") == null;
    }

    static org.springframework.web.servlet.ModelAndView page(HttpStatus status, String korean, String english) {
        org.springframework.web.servlet.ModelAndView mav = new org.springframework.web.servlet.ModelAndView("error/problem");
        mav.setStatus(status);
        mav.addObject("status", status.value());
        mav.addObject("problem", new sfa.courseware.Text(korean, english));
        mav.addObject("title", "" + status.value());
        return mav;
    }

    /**
     * The store cannot be reached (a MongoDB restarting, its network down): a 503 that says so, to try again
     * shortly; nothing was changed by the request. The driver reconnects by itself when the store is back.
     */
    @ExceptionHandler({org.springframework.dao.DataAccessResourceFailureException.class,
            com.mongodb.MongoTimeoutException.class, com.mongodb.MongoSocketException.class})
    Object storeUnavailable(RuntimeException e, jakarta.servlet.http.HttpServletRequest request,
            jakarta.servlet.http.HttpServletResponse response) {
        response.setHeader("Retry-After", "5");
        String english = "the platform cannot reach its data store (MongoDB) just now: nothing was changed; try again in"
                + " a few seconds";
        String korean = "지금 자료 저장소(MongoDB)에 연결할 수 없습니다. 아무것도 바뀌지 않았습니다. 몇 초 뒤에 다시 하세요";
        if (isPage(request)) {
            return page(HttpStatus.SERVICE_UNAVAILABLE, korean, english);
        }
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "store-unavailable", english, korean);
    }

    @ExceptionHandler(SessionException.class)
    ProblemDetail session(SessionException e) {
        return problem(HttpStatus.CONFLICT, "lab-session", e.english(), e.korean());
    }

    @ExceptionHandler(AccessDeniedException.class)
    Object denied(AccessDeniedException e, jakarta.servlet.http.HttpServletRequest request) {
        if (isPage(request)) {
            return page(HttpStatus.FORBIDDEN, "이 화면을 볼 권한이 없습니다", "you are not allowed to see this page");
        }
        return problem(HttpStatus.FORBIDDEN, "forbidden", "you are not allowed to do this",
                "이 작업을 할 권한이 없습니다");
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail invalid(MethodArgumentNotValidException e) {
        List<String> fields = e.getBindingResult().getFieldErrors().stream()
                .map(f -> f.getField() + ": " + f.getDefaultMessage()).toList();
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "invalid-input", "invalid input: " + String.join("; ", fields),
                "입력이 올바르지 않습니다: " + String.join("; ", fields));
        p.setProperty("fields", fields);
        return p;
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ProblemDetail invalid(HandlerMethodValidationException e) {
        List<String> errors = e.getAllErrors().stream().map(m -> String.valueOf(m.getDefaultMessage())).toList();
        return problem(HttpStatus.BAD_REQUEST, "invalid-input", "invalid input: " + String.join("; ", errors),
                "입력이 올바르지 않습니다: " + String.join("; ", errors));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        return problem(HttpStatus.BAD_REQUEST, "unreadable-body", "the request body is not valid JSON of the expected shape",
                "요청 본문이 올바른 JSON 형식이 아닙니다");
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class})
    ProblemDetail badParameter(Exception e) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-parameter", "a parameter is missing or invalid: " + e.getMessage(),
                "매개변수가 없거나 올바르지 않습니다: " + e.getMessage());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ProblemDetail method(HttpRequestMethodNotSupportedException e) {
        return problem(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", e.getMessage(),
                "이 주소는 " + e.getMethod() + " 요청을 받지 않습니다");
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ProblemDetail mediaType(HttpMediaTypeNotSupportedException e) {
        return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", e.getMessage(),
                "지원하지 않는 형식입니다: " + e.getContentType());
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ProblemDetail noResource(NoResourceFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "nothing at " + e.getResourcePath(),
                e.getResourcePath() + " 에는 아무것도 없습니다");
    }

    static ProblemDetail problem(HttpStatus status, String code, String english, String korean) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, english);
        p.setType(URI.create("urn:sfa:problem:" + code));
        p.setTitle(status.getReasonPhrase());
        p.setProperty("code", code);
        Map<String, String> message = new LinkedHashMap<>();
        message.put("ko", korean);
        message.put("en", english);
        p.setProperty("message", message);
        return p;
    }
}
