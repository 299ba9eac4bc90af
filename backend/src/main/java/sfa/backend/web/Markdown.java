package sfa.backend.web;

import java.util.List;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.springframework.stereotype.Component;

/**
 * Lesson Markdown to HTML for the browser. Raw HTML in a lesson is shown as text, never run, and link
 * targets are sanitised ({@code javascript:} and the like dropped), so a lesson cannot inject a script.
 */
@Component
public class Markdown {

    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());

    private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();
    private final HtmlRenderer renderer = HtmlRenderer.builder().extensions(EXTENSIONS).escapeHtml(true)
            .sanitizeUrls(true).build();

    public String html(String markdown) {
        return renderer.render(parser.parse(markdown));
    }
}
