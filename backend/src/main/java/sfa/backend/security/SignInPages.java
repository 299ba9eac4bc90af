package sfa.backend.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.filter.OncePerRequestFilter;
import sfa.courseware.Text;

/**
 * What a browser sees when signing in does not work: Keycloak is down or unreachable (503, "try again in a
 * moment", the platform itself keeps running), or Keycloak sent the user back without a sign-in (401). Both in the
 * reader's language, with a way to try again.
 */
@Controller
class SignInPages {

    static final String UNAVAILABLE = "/sign-in-unavailable";
    static final String FAILED = "/sign-in-failed";

    @GetMapping(UNAVAILABLE)
    String unavailable(Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setHeader("Retry-After", "10");
        return page(model, HttpStatus.SERVICE_UNAVAILABLE, new Text(
                "지금 로그인 서버(Keycloak)에 연결할 수 없어 로그인할 수 없습니다. 잠시 뒤에 홈으로 가서 다시 해 보세요."
                        + " 이미 로그인한 사람은 계속 쓸 수 있고, 저장된 학습 내용은 그대로입니다. 오래 계속되면 담당 선생님께 알리세요.",
                "The sign-in server (Keycloak) cannot be reached just now, so nobody can sign in. Go home and try again in"
                        + " a moment. People already signed in can go on, and nothing saved is lost. If it lasts, tell the"
                        + " teacher who runs the platform."));
    }

    @GetMapping(FAILED)
    String failed(Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.UNAUTHORIZED.value());
        return page(model, HttpStatus.UNAUTHORIZED, new Text(
                "로그인하지 못했습니다. 홈으로 가서 다시 로그인해 보세요.",
                "Signing in did not work. Go home and sign in again."));
    }

    private static String page(Model model, HttpStatus status, Text problem) {
        model.addAttribute("status", status.value());
        model.addAttribute("problem", problem);
        model.addAttribute("title", String.valueOf(status.value()));
        return "error/problem";
    }

    /**
     * Checks that Keycloak can be reached before the browser is sent there to sign in; when it cannot, shows
     * {@link #UNAVAILABLE} instead of the server error Spring Security would answer.
     */
    static final class KeycloakReachable extends OncePerRequestFilter {
        private final ClientRegistrationRepository registrations;

        KeycloakReachable(ClientRegistrationRepository registrations) {
            this.registrations = registrations;
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            return !request.getRequestURI().startsWith("/oauth2/authorization/");
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            try {
                registrations.findByRegistrationId(KeycloakClientRegistrations.REGISTRATION_ID);
            } catch (SignInUnavailable e) {
                request.getRequestDispatcher(UNAVAILABLE).forward(request, response);
                return;
            }
            chain.doFilter(request, response);
        }
    }
}
