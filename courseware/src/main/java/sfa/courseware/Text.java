package sfa.courseware;

import sfa.lab.scenario.SpecNode;

/** Text a student or teacher reads: Korean first, English beside it. */
public record Text(String ko, String en) {

    /** {@code key: {ko: …, en: …}} of a content file; a missing language is reported with its line. */
    public static Text of(SpecNode node, String key) {
        String[] t = node.bilingual(key);
        return new Text(t[0], t[1]);
    }
}
