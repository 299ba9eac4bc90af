package sfa.backend.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Gives every page the texts its scripts show ({@code js.*} in the message bundles), in the page's language, as
 * {@code scriptTexts}: the layout puts them on {@code <body data-texts>} (a data attribute may not call a bean).
 */
@ControllerAdvice(annotations = Controller.class)
class ScriptTexts {

    private final Texts texts;

    ScriptTexts(Texts texts) {
        this.texts = texts;
    }

    @ModelAttribute("scriptTexts")
    String scriptTexts() {
        return texts.forScripts();
    }
}
