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

    // #15: the fixed placeholder typed into a link or an alt text was swapped for a <span> inside the attribute
    @Test
    void theOldMathPlaceholderTypedIntoALinkOrAnAltTextStaysTextAndTheHtmlStaysWellFormed() {
        String html = markdown.html("$x$ [SFAMATH0X](https://example.org/SFAMATH0X \"SFAMATH0X\") "
                + "![SFAMATH0X $y$](img/SFAMATH0X.svg \"SFAMATH1X\")");

        assertThat(html).contains("href=\"https://example.org/SFAMATH0X\" title=\"SFAMATH0X\">SFAMATH0X</a>")
                .contains("src=\"img/SFAMATH0X.svg\"").contains("alt=\"SFAMATH0X $y$\"").contains("title=\"SFAMATH1X\"")
                .contains("<span class=\"math\" data-display=\"false\">x</span>");
        assertThat(html.split("<span", -1)).hasSize(2);
        assertWellFormed(html);
    }

    // #15
    @Test
    void dollarsInALinksAddressStayPartOfTheAddressAndAFormulaInTheLinkTextIsTypeset() {
        String html = markdown.html("[see $x^2$](https://example.org/$a$/b)");

        assertThat(html).contains("href=\"https://example.org/$a$/b\">see <span class=\"math\" data-display=\"false\">x^2</span></a>");
        assertWellFormed(html);
    }

    // #15: the sanitiser let data: through, so a lesson could link to a page of its own making
    @Test
    void dataLinksAndImagesAreDropped() {
        String html = markdown.html("[open](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==) "
                + "![pic](data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=)", path -> "/served/" + path);

        assertThat(html).doesNotContain("data:").doesNotContain("/served/").contains(">open</a>").contains("alt=\"pic\"");
    }

    /** The HTML parses as XML inside one element: every attribute closed, every tag balanced. */
    private static void assertWellFormed(String html) {
        try {
            javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new org.xml.sax.InputSource(new java.io.StringReader("<div>" + html + "</div>")));
        } catch (Exception e) {
            throw new AssertionError("not well-formed: " + e.getMessage() + "\n" + html, e);
        }
    }
}
