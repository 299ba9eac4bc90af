package sfa.backend.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Lessons' Markdown as students get it: formulas kept for KaTeX, the unit's images addressed, no script ever. */
class MarkdownTests {

    private final Markdown markdown = new Markdown();

    @Test
    void aFormulaBecomesAMathSpanHoldingItsTexUntouchedByMarkdown() {
        String html = markdown.html("Scaling: $a * b * c_1$ and\n\n$$\\frac{raw}{16000} \\{x\\}$$\n");

        assertThat(html).contains("<span class=\"math\" data-display=\"false\">a * b * c_1</span>")
                .contains("<span class=\"math\" data-display=\"true\">\\frac{raw}{16000} \\{x\\}</span>")
                .doesNotContain("<em>");
    }

    @Test
    void dollarsInCodeAndPricesStayAsTheyAre() {
        String html = markdown.html("`s := '$N';` costs $5 and $10\n\n```\nmsg := '$R$L';\n```\n");

        assertThat(html).doesNotContain("class=\"math\"").contains("'$N'").contains("$5 and $10").contains("'$R$L'");
    }

    @Test
    void aFormulaCannotSmuggleHtmlIntoThePage() {
        assertThat(markdown.html("$<script>alert(1)</script>$")).doesNotContain("<script>").contains("&lt;script&gt;");
    }

    @Test
    void aRelativeImageIsFetchedFromTheAddressTheCallerGivesAndAWebImageIsLeftAlone() {
        String html = markdown.html("![wiring](img/a.svg) ![web](https://example.org/b.svg)", path -> "/served/" + path);

        assertThat(html).contains("src=\"/served/img/a.svg\"").contains("src=\"https://example.org/b.svg\"")
                .contains("alt=\"wiring\"");
    }

    @Test
    void rawHtmlAndScriptLinksInALessonAreNeverRun() {
        String html = markdown.html("<img src=x onerror=alert(1)> [x](javascript:alert(1))");

        assertThat(html).doesNotContain("<img src=x").doesNotContain("javascript:");
    }
}
