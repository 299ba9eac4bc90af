package sfa.backend.web;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Image;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.AttributeProvider;
import org.commonmark.renderer.html.HtmlRenderer;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Lesson Markdown to HTML for the browser. Raw HTML in a lesson is shown as text, never run, and link
 * targets are sanitised ({@code javascript:} and the like dropped), so a lesson cannot inject a script.
 * Formulas written {@code $…$} (inline) or {@code $$…$$} (a display line) outside code become
 * {@code <span class="math">} elements holding the TeX as text, typeset in the browser by KaTeX; images with
 * a relative address are the unit's own files, served from the address the caller gives.
 */
@Component
public class Markdown {

    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
    /** $$display$$ or $inline$: no space just inside the dollars, an inline one not followed by a digit ($5). */
    private static final Pattern MATH = Pattern.compile("\\$\\$(.+?)\\$\\$|\\$(?=\\S)([^$\\n]*?\\S)\\$(?!\\d)");
    private static final String MARK = "SFAMATH";

    private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();

    /** A lesson without images of its own (or where they cannot be served: the authoring preview). */
    public String html(String markdown) {
        return html(markdown, path -> path);
    }

    /**
     * @param imageUrl maps an image's relative address (as written in the lesson) to where the browser fetches it
     */
    public String html(String markdown, UnaryOperator<String> imageUrl) {
        List<String[]> formulas = new ArrayList<>();
        String protectedText = protectMath(markdown, formulas);
        HtmlRenderer renderer = HtmlRenderer.builder().extensions(EXTENSIONS).escapeHtml(true).sanitizeUrls(true)
                .attributeProviderFactory(context -> images(imageUrl)).build();
        String html = renderer.render(parser.parse(protectedText));
        for (int i = formulas.size() - 1; i >= 0; i--) {
            String[] f = formulas.get(i);
            html = html.replace(MARK + i + "X", "<span class=\"math\" data-display=\"" + f[0] + "\">"
                    + HtmlUtils.htmlEscape(f[1]) + "</span>");
        }
        return html;
    }

    private static AttributeProvider images(UnaryOperator<String> imageUrl) {
        return (node, tag, attributes) -> {
            if (node instanceof Image && attributes.containsKey("src")) {
                String src = attributes.get("src");
                if (!src.contains(":") && !src.startsWith("/") && !src.startsWith("//")) {
                    attributes.put("src", imageUrl.apply(src));
                }
                attributes.put("loading", "lazy");
            }
        };
    }

    /** Replaces each formula outside code (fenced blocks and `spans`) with a placeholder Markdown leaves alone. */
    private static String protectMath(String markdown, List<String[]> formulas) {
        StringBuilder out = new StringBuilder();
        boolean fenced = false;
        for (String line : markdown.split("\n", -1)) {
            if (line.stripLeading().startsWith("```") || line.stripLeading().startsWith("~~~")) {
                fenced = !fenced;
                out.append(line).append('\n');
                continue;
            }
            if (fenced || line.indexOf('$') < 0) {
                out.append(line).append('\n');
                continue;
            }
            // outside inline code only: split on backticks, odd pieces are code
            String[] pieces = line.split("`", -1);
            for (int p = 0; p < pieces.length; p++) {
                if (p > 0) {
                    out.append('`');
                }
                if (p % 2 == 1) {
                    out.append(pieces[p]);
                    continue;
                }
                Matcher m = MATH.matcher(pieces[p]);
                StringBuilder piece = new StringBuilder();
                while (m.find()) {
                    boolean display = m.group(1) != null;
                    formulas.add(new String[] {String.valueOf(display), display ? m.group(1).strip() : m.group(2)});
                    m.appendReplacement(piece, MARK + (formulas.size() - 1) + "X");
                }
                m.appendTail(piece);
                out.append(piece);
            }
            out.append('\n');
        }
        return out.substring(0, out.length() - 1);
    }
}
