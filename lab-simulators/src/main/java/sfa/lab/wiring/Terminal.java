package sfa.lab.wiring;

/**
 * One screw terminal of a component, written {@code COMPONENT.PIN} as on a wiring diagram
 * (for example {@code S1.BN} or {@code PSU.+24V}).
 */
public record Terminal(String component, String pin) implements Comparable<Terminal> {

    public Terminal {
        if (component.isBlank() || pin.isBlank()) {
            throw new IllegalArgumentException("a terminal needs a component and a pin");
        }
    }

    /** Parses {@code COMPONENT.PIN}; the component name is upper-cased, as names are case-insensitive. */
    public static Terminal parse(String text) {
        String t = text.strip();
        int dot = t.indexOf('.');
        if (dot <= 0 || dot == t.length() - 1) {
            throw new WiringException("'" + text + "' is not a terminal: write COMPONENT.PIN, e.g. S1.BN",
                    "'" + text + "'은(는) 단자 이름이 아닙니다: 부품.단자 형식으로 쓰세요 (예: S1.BN)");
        }
        return new Terminal(t.substring(0, dot).toUpperCase(java.util.Locale.ROOT),
                t.substring(dot + 1).toUpperCase(java.util.Locale.ROOT));
    }

    @Override
    public int compareTo(Terminal o) {
        int c = component.compareTo(o.component);
        return c != 0 ? c : pin.compareTo(o.pin);
    }

    @Override
    public String toString() {
        return component + "." + pin;
    }
}
