package sfa.backend.security;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.ClaimAccessor;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import sfa.backend.web.ApiProblem;

/** The one place that turns a login (bearer token or browser session) into a {@link Caller}. */
@Component
public class CallerResolver implements HandlerMethodArgumentResolver {

    public Caller current() {
        return of(SecurityContextHolder.getContext().getAuthentication());
    }

    public Caller of(@Nullable Authentication auth) {
        if (auth == null || !auth.isAuthenticated()) {
            throw new ApiProblem(org.springframework.http.HttpStatus.UNAUTHORIZED, "unauthenticated",
                    "log in first", "먼저 로그인하세요");
        }
        Map<String, Object> claims = switch (auth.getPrincipal()) {
            // a bearer token's Jwt and a browser login's OidcUser both carry the token's claims
            case ClaimAccessor token -> token.getClaims();
            case null, default -> Map.of("sub", auth.getName());
        };
        String sub = String.valueOf(claims.getOrDefault("sub", auth.getName()));
        String username = str(claims.get("preferred_username"), sub);
        String name = str(claims.get("name"), username);
        Object realm = claims.get("realm_access");
        Collection<?> roles = realm instanceof Map<?, ?> m && m.get("roles") instanceof Collection<?> c ? c : List.of();
        Caller.Role role = Caller.Role.STUDENT;
        for (Caller.Role r : Caller.Role.values()) {
            if (roles.contains(r.realmRole())) {
                role = r;
            }
        }
        String school = claims.get("school") instanceof String s && !s.isBlank() ? s : null;
        return new Caller(sub, username, name, role, role == Caller.Role.PROGRAM_ADMIN ? null : school);
    }

    private static String str(@Nullable Object o, String otherwise) {
        return o instanceof String s && !s.isBlank() ? s : otherwise;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Caller.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, @Nullable ModelAndViewContainer mav,
            NativeWebRequest request, @Nullable WebDataBinderFactory binders) {
        return current();
    }
}
