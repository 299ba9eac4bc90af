package sfa.lab.wiring;

import java.util.ArrayList;
import java.util.List;

/**
 * A student's wiring as text, one wire per line ({@code PSU.+24V - S1.BN}); {@code #} starts a
 * comment and blank lines are ignored. Every bad line is reported with its number.
 */
public final class WiringFile {

    private WiringFile() {
    }

    /**
     * @throws WiringException listing every malformed line as {@code line N: …}
     */
    public static List<Wire> parse(String text) {
        List<Wire> wires = new ArrayList<>();
        List<String> en = new ArrayList<>();
        List<String> ko = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int hash = line.indexOf('#');
            String body = (hash >= 0 ? line.substring(0, hash) : line).strip();
            if (body.isEmpty()) {
                continue;
            }
            try {
                wires.add(Wire.parse(body));
            } catch (WiringException e) {
                en.add("line " + (i + 1) + ": " + e.english());
                ko.add((i + 1) + "행: " + e.korean());
            }
        }
        if (!en.isEmpty()) {
            throw new WiringException(String.join("; ", en), String.join("; ", ko));
        }
        return wires;
    }
}
