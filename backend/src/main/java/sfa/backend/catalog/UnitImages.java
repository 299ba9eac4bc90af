package sfa.backend.catalog;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import sfa.backend.school.SchoolScope;
import sfa.backend.security.Caller;
import sfa.backend.security.Role;
import sfa.backend.web.ApiProblem;

/**
 * The images of a unit's lessons (SVG files of the unit), for the pages that show its lessons: a published version
 * to anyone of the school, a draft to its teachers. An SVG is sent with a policy that runs nothing in it, so an
 * image opened on its own cannot run a script either.
 */
@Controller
class UnitImages {

    private final UnitCatalog catalog;

    UnitImages(UnitCatalog catalog) {
        this.catalog = catalog;
    }

    /** Where a page's {@code <img>} fetches a unit file. */
    static String address(String unit, int version, String path) {
        return "/units/" + unit + "/versions/" + version + "/images?path="
                + java.net.URLEncoder.encode(path, StandardCharsets.UTF_8);
    }

    @GetMapping("/units/{unit}/versions/{version}/images")
    ResponseEntity<byte[]> image(@PathVariable String unit, @PathVariable int version, @RequestParam String path,
            Caller caller) {
        String school = SchoolScope.schoolOf(caller, Role.STUDENT);
        boolean teacher = caller.role().compareTo(Role.TEACHER) >= 0;
        UnitContent c = catalog.version(school, unit, version, teacher);
        if (!path.endsWith(".svg")) {
            throw ApiProblem.notFound("only SVG images are served: " + path, "SVG 그림만 보낼 수 있습니다: " + path);
        }
        String svg = c.fileText(path).orElseThrow(() -> ApiProblem.notFound("unit " + unit + " has no image " + path,
                unit + " 단원에 " + path + " 그림이 없습니다"));
        return ResponseEntity.ok().contentType(MediaType.valueOf("image/svg+xml"))
                .cacheControl(c.status() == UnitVersion.Status.DRAFT ? CacheControl.noStore()
                        : CacheControl.maxAge(Duration.ofHours(1)).cachePrivate())
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox")
                .header("X-Content-Type-Options", "nosniff")
                .body(svg.getBytes(StandardCharsets.UTF_8));
    }
}
