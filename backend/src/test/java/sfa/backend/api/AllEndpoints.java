package sfa.backend.api;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** Every API endpoint the application has, read from Spring's own handler mappings, and a way to call each. */
abstract class AllEndpoints extends ApiTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    record Endpoint(HttpMethod method, String pattern, MediaType consumes) {
        String uri(String school) {
            return pattern.replace("{school}", school).replace("{version}", "2").replaceAll("\\{[^}]+}", "x");
        }
    }

    List<Endpoint> endpoints() {
        List<Endpoint> out = new ArrayList<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api/")) {
                    continue;
                }
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                MediaType consumes = info.getConsumesCondition().getConsumableMediaTypes().stream().findFirst()
                        .orElse(MediaType.APPLICATION_JSON);
                for (RequestMethod m : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    out.add(new Endpoint(m.asHttpMethod(), pattern, consumes));
                }
            }
        }
        return out;
    }

    MvcResult call(Endpoint e, String school, RequestPostProcessor who) throws Exception {
        return mvc.perform(request(e.method(), e.uri(school)).with(who).param("path", "unit.yaml")
                .contentType(e.consumes()).content(e.consumes().equals(MediaType.TEXT_PLAIN) ? "x" : "{}")).andReturn();
    }

}
