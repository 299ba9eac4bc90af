package sfa.backend.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/** Writes an RFC 9457 problem from a servlet filter, where the controller advice cannot answer, in the API's shape. */
final class ProblemWriter {

    private ProblemWriter() {
    }

    static void write(HttpServletResponse response, HttpStatus status, String code, String english, String korean)
            throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "urn:sfa:problem:" + code);
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", english);
        problem.put("code", code);
        problem.put("message", Map.of("ko", korean, "en", english));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(tools.jackson.databind.json.JsonMapper.shared().writeValueAsString(problem));
    }
}
