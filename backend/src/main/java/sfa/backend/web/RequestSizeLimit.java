package sfa.backend.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses an API request body larger than {@value #MAX_BYTES} bytes before anything reads it (the
 * largest legitimate one, a unit file, is 200,000 characters), with a problem in Korean and English.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestSizeLimit extends OncePerRequestFilter {

    static final long MAX_BYTES = 1024 * 1024;

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long length = request.getContentLengthLong();
        if (length > MAX_BYTES || length < 0 && request.getHeader("Transfer-Encoding") != null) {
            ProblemWriter.write(response, HttpStatus.CONTENT_TOO_LARGE, "request-too-large",
                    "a request body holds at most 1 MiB", "요청 본문은 1 MiB까지 받습니다");
            return;
        }
        chain.doFilter(request, response);
    }
}
