package sfa.backend.web;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.CustomNode;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlWriter;
import org.jspecify.annotations.Nullable;

/**
 * The TeX formulas of one lesson while Markdown renders it: taken out before parsing (Markdown would read
 * {@code *} and {@code _} in them), each replaced with a placeholder, and put back into the parsed tree. The
 * placeholder is random for every render, so no lesson can type one; and it is put back as markup only in
 * text, never in an attribute (an address, a title, an image's alternative text).
 */
final class Formulas {

    /** $$display$$ or $inline$: no space just inside the dollars, an inline one not followed by a digit ($5). */
    private static final Pattern MATH = Pattern.compile("\\$\\$(.+?)\\$\\$|\\$(?=\\S)([^$\\n]*?\\S)\\$(?!\\d)");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A formula as written ({@code $x$}) and what the page gets: its TeX, shown as a line of its own or not. */
    private record Formula(String source, String tex, boolean display) {
    }

    /** A formula in the tree, where its placeholder stood in a text. */
    private static final class MathNode extends CustomNode {

        final Formula formula;

        MathNode(Formula formula) {
            this.formula = formula;
        }
    }

    private final String mark;
    private final Pattern placeholder;
    private final List<Formula> found = new ArrayList<>();

    Formulas() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        this.mark = "SFAMATH" + HexFormat.of().formatHex(b);
        this.placeholder = Pattern.compile(mark + "(\\d+)X");
    }

    /** The Markdown with each formula outside code (fenced blocks and `spans`) replaced with a placeholder. */
    String hide(String markdown) {
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
                    found.add(new Formula(m.group(), display ? m.group(1).strip() : m.group(2), display));
                    m.appendReplacement(piece, mark + (found.size() - 1) + "X");
                }
                m.appendTail(piece);
                out.append(piece);
            }
            out.append('\n');
        }
        return out.substring(0, out.length() - 1);
    }

    /**
     * Puts the formulas back into the parsed lesson: in text, as math nodes; anywhere else a placeholder can
     * land (an address, a title, an image's alternative text, code, raw HTML shown as text), as first written.
     */
    void putBack(Node document) {
        if (!found.isEmpty()) {
            document.accept(new PutBack());
        }
    }

    /** Renders the math nodes as KaTeX finds them: the TeX as text in a {@code <span class="math">}. */
    NodeRenderer renderer(HtmlWriter html) {
        return new NodeRenderer() {
            @Override
            public Set<Class<? extends Node>> getNodeTypes() {
                return Set.of(MathNode.class);
            }

            @Override
            public void render(Node node) {
                Formula f = ((MathNode) node).formula;
                Map<String, String> attributes = new LinkedHashMap<>();
                attributes.put("class", "math");
                attributes.put("data-display", String.valueOf(f.display()));
                html.tag("span", attributes);
                html.text(f.tex());
                html.tag("/span");
            }
        };
    }

    private Formula formula(MatchResult r) {
        return found.get(Integer.parseInt(r.group(1)));
    }

    private @Nullable String asWritten(@Nullable String s) {
        return s == null ? null : placeholder.matcher(s).replaceAll(r -> Matcher.quoteReplacement(formula(r).source()));
    }

    private final class PutBack extends AbstractVisitor {

        private int insideImage;

        @Override
        public void visit(Text text) {
            if (insideImage > 0) {
                text.setLiteral(asWritten(text.getLiteral())); // it becomes the alt attribute
                return;
            }
            Matcher m = placeholder.matcher(text.getLiteral());
            int from = 0;
            while (m.find()) {
                if (m.start() > from) {
                    text.insertBefore(new Text(text.getLiteral().substring(from, m.start())));
                }
                text.insertBefore(new MathNode(formula(m)));
                from = m.end();
            }
            if (from == text.getLiteral().length() && from > 0) {
                text.unlink(); // visitChildren has already taken the next node
            } else if (from > 0) {
                text.setLiteral(text.getLiteral().substring(from));
            }
        }

        @Override
        public void visit(Link link) {
            link.setDestination(asWritten(link.getDestination()));
            link.setTitle(asWritten(link.getTitle()));
            visitChildren(link);
        }

        @Override
        public void visit(Image image) {
            image.setDestination(asWritten(image.getDestination()));
            image.setTitle(asWritten(image.getTitle()));
            insideImage++;
            visitChildren(image);
            insideImage--;
        }

        @Override
        public void visit(Code code) {
            code.setLiteral(asWritten(code.getLiteral()));
        }

        @Override
        public void visit(FencedCodeBlock code) {
            code.setLiteral(asWritten(code.getLiteral()));
        }

        @Override
        public void visit(IndentedCodeBlock code) {
            code.setLiteral(asWritten(code.getLiteral()));
        }

        @Override
        public void visit(HtmlInline html) {
            html.setLiteral(asWritten(html.getLiteral()));
        }

        @Override
        public void visit(HtmlBlock html) {
            html.setLiteral(asWritten(html.getLiteral()));
        }
    }
}
