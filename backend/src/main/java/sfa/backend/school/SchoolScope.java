package sfa.backend.school;

import sfa.backend.security.Role;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import sfa.backend.content.Content;
import sfa.backend.security.Caller;
import sfa.backend.security.CallerResolver;
import sfa.backend.web.ApiProblem;

/**
 * The one place where a school's data is fenced off: every API path under {@code /api/schools/{school}}
 * passes here first, and only the school's own users (and programme administrators) get through; an endpoint's
 * {@link RequiresRole} is checked here too, before its request is read. Behind
 * the fence every query also filters by the school of the path, so an id of another school finds nothing.
 */
@Component
public class SchoolScope implements HandlerInterceptor {

    private final CallerResolver callers;
    private final Content content;

    SchoolScope(CallerResolver callers, Content content) {
        this.callers = callers;
        this.content = content;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        @SuppressWarnings("unchecked")
        Map<String, String> vars = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        String school = vars == null ? null : vars.get("school");
        if (school != null) {
            check(callers.current(), school);
        }
        if (handler instanceof org.springframework.web.method.HandlerMethod method) {
            RequiresRole least = method.getMethodAnnotation(RequiresRole.class);
            if (least != null) {
                require(callers.current(), least.value());
            }
        }
        return true;
    }

    /** Refuses a caller outside {@code school}; a school that does not exist is not found (to anyone). */
    public void check(Caller caller, String school) {
        if (caller.role() != Role.PROGRAM_ADMIN && !school.equals(caller.school())) {
            throw ApiProblem.forbidden("not-your-school", "you can only see your own school's data",
                    "자기 학교의 자료만 볼 수 있습니다");
        }
        if (content.school(school).isEmpty()) {
            throw ApiProblem.notFound("there is no school '" + school + "'", "'" + school + "' 학교가 없습니다");
        }
    }

    /** Refuses a caller whose role is below {@code least} (a student where a teacher is needed, say). */
    public static void require(Caller caller, Role least) {
        if (caller.role().compareTo(least) < 0) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "role", "this needs the role " + least.realmRole()
                    + " or higher; you are " + caller.role().realmRole(),
                    "이 작업은 " + korean(least) + " 이상만 할 수 있습니다 (지금: " + korean(caller.role()) + ")");
        }
    }

    /**
     * The caller's own school, for a page of it, after checking they hold at least {@code least}; a
     * programme administrator has no school of their own and is refused.
     */
    public static String schoolOf(Caller caller, Role least) {
        require(caller, least);
        if (caller.school() == null) {
            throw ApiProblem.forbidden("no-school", "this page is for a school's users", "학교 사용자를 위한 화면입니다");
        }
        return caller.school();
    }

    static String korean(Role role) {
        return switch (role) {
            case STUDENT -> "학생";
            case TEACHER -> "교사";
            case SCHOOL_ADMIN -> "학교 관리자";
            case PROGRAM_ADMIN -> "사업 관리자";
        };
    }
}
