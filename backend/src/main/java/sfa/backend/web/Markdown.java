package sfa.backend.web;

import java.util.List;
import java.util.function.UnaryOperator;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Image;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.AttributeProvider;
import org.commonmark.renderer.html.DefaultUrlSanitizer;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.UrlSanitizer;
import org.springframework.stereotype.Component;

/**
 * Lesson Markdown to HTML for the browser. Raw HTML in a lesson is shown as text, never run, and link
 * targets are sanitised ({@code javascript:}, {@code data:} and the like dropped), so a lesson cannot inject a script.
 * Formulas written {@code $…$} (inline) or {@code $$…$$} (a display line) outside code become
 * {@code <span class="math">} elements holding the TeX as text, typeset in the browser by KaTeX; images with
 * a relative address are the unit's own files, served from the address the caller gives.
 */
@Component
public class Markdown {

    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
    /** Web, mail and the unit's own (relative) addresses; not {@code javascript:}, not {@code data:} (a page of the lesson's making). */
    private static final UrlSanitizer URLS = new DefaultUrlSanitizer(List.of("http", "https", "mailto"));

    private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();

    /** A lesson without images of its own (or where they cannot be served: the authoring preview). */
    public String html(String markdown) {
        return html(markdown, path -> path);
    }

    /**
     * @param imageUrl maps an image's relative address (as written in the lesson) to where the browser fetches it
     */
    public String html(String markdown, UnaryOperator<String> imageUrl) {
        Formulas formulas = new Formulas();
        Node document = parser.parse(formulas.hide(markdown));
        formulas.putBack(document);
        HtmlRenderer renderer = HtmlRenderer.builder().extensions(EXTENSIONS).escapeHtml(true).sanitizeUrls(true)
                .urlSanitizer(URLS).attributeProviderFactory(context -> images(imageUrl))
                .nodeRendererFactory(context -> formulas.renderer(context.getWriter())).build();
        return renderer.render(document);
    }

    private static AttributeProvider images(UnaryOperator<String> imageUrl) {
        return (node, tag, attributes) -> {
            if (node instanceof Image && attributes.containsKey("src")) {
                String src = attributes.get("src");
                // empty: a dropped address (data:, javascript:) stays one, never turned into the unit's folder
                if (!src.isEmpty() && !src.contains(":") && !src.startsWith("/") && !src.startsWith("//")) {
                    attributes.put("src", imageUrl.apply(src));
                }
                attributes.put("loading", "lazy");
            }
        };
    }
}
