package sfa.backend.security;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * The API's 400, 401 and 403 answers from the security filters as RFC 9457 problems with Korean and English
 * text, like every other refusal; the {@code WWW-Authenticate} header of RFC 6750 stays.
 */
final class ProblemResponses {

    private ProblemResponses() {
    }

    static AuthenticationEntryPoint unauthenticated() {
        BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
        return (request, response, e) -> {
            bearer.commence(request, response, e);
            boolean badToken = request.getHeader("Authorization") != null;
            write(response, badToken ? "invalid-token" : "unauthenticated",
                    badToken ? "the token is not valid (expired, or not from this platform's Keycloak): log in again"
                            : "log in first: send a bearer token of realm sfa, or use the browser's session",
                    badToken ? "토큰이 유효하지 않습니다(만료되었거나 이 플랫폼의 Keycloak 토큰이 아님). 다시 로그인하세요"
                            : "먼저 로그인하세요");
        };
    }

    static AccessDeniedHandler denied() {
        BearerTokenAccessDeniedHandler bearer = new BearerTokenAccessDeniedHandler();
        return (request, response, e) -> {
            bearer.handle(request, response, e);
            boolean csrf = e instanceof org.springframework.security.web.csrf.CsrfException;
            write(response, csrf ? "csrf" : "forbidden",
                    csrf ? "the request lacks its CSRF token (header X-XSRF-TOKEN from the XSRF-TOKEN cookie): reload the page"
                            : "you are not allowed to do this",
                    csrf ? "요청에 CSRF 토큰이 없습니다. 페이지를 새로 고친 뒤 다시 하세요" : "이 작업을 할 권한이 없습니다");
        };
    }

    /**
     * A request the firewall refuses (a NUL, an encoded slash or other dangerous characters in its address):
     * 400 as a problem too, instead of an empty answer.
     */
    static org.springframework.security.web.firewall.RequestRejectedHandler rejected() {
        return (request, response, e) -> {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            write(response, "rejected-request", "the address of the request has characters that are not allowed",
                    "요청 주소에 쓸 수 없는 문자가 있습니다");
        };
    }

    private static void write(HttpServletResponse response, String code, String english, String korean) throws IOException {
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        int status = response.getStatus();
        response.getWriter().write("{\"type\":\"urn:sfa:problem:" + code + "\",\"title\":\""
                + (status == 401 ? "Unauthorized" : status == 400 ? "Bad Request" : "Forbidden") + "\",\"status\":" + status + ",\"detail\":\"" + english
                + "\",\"code\":\"" + code + "\",\"message\":{\"ko\":\"" + korean + "\",\"en\":\"" + english + "\"}}");
    }
}
