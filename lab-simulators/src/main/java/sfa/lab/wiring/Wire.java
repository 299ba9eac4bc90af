package sfa.lab.wiring;

/** A wire between two terminals. Wires have no resistance: both ends are one net. */
public record Wire(Terminal from, Terminal to) {

    public Wire {
        if (from.equals(to)) {
            throw new WiringException("a wire from " + from + " to itself connects nothing",
                    from + "에서 자기 자신으로 가는 전선은 아무것도 연결하지 않습니다");
        }
    }

    /** Parses {@code A.PIN - B.PIN} (also with {@code --} or {@code ->}). */
    public static Wire parse(String text) {
        String[] ends = text.strip().split("\\s*->\\s*|\\s+--?\\s+");
        if (ends.length != 2) {
            throw new WiringException("'" + text + "' is not a wire: write A.PIN - B.PIN",
                    "'" + text + "'은(는) 전선 표기가 아닙니다: A.단자 - B.단자 형식으로 쓰세요");
        }
        return new Wire(Terminal.parse(ends[0]), Terminal.parse(ends[1]));
    }

    @Override
    public String toString() {
        return from + " - " + to;
    }
}
