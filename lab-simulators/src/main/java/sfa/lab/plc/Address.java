package sfa.lab.plc;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An IEC 61131-3 directly represented variable of the I/O image: {@code %IX0.3} (digital input,
 * byte 0 bit 3), {@code %QX0.0} (digital output), {@code %IW1} (analog input word), {@code %QW0}.
 *
 * @param index for bits, byte × 8 + bit; for words, the word number
 */
public record Address(Area area, int index) {

    /** The four areas of the I/O image. */
    public enum Area {
        IX(true, true), QX(true, false), IW(false, true), QW(false, false);

        private final boolean bit;
        private final boolean input;

        Area(boolean bit, boolean input) {
            this.bit = bit;
            this.input = input;
        }

        public boolean isBit() {
            return bit;
        }

        public boolean isInput() {
            return input;
        }
    }

    /** Bytes of digital I/O in the image (64 points each way). */
    public static final int BIT_BYTES = 8;
    /** Analog words each way. */
    public static final int WORDS = 16;

    private static final Pattern FORM = Pattern.compile("%([IQ])([XW])(\\d{1,3})(?:\\.(\\d{1,2}))?");

    public Address {
        int limit = area.isBit() ? BIT_BYTES * 8 : WORDS;
        if (index < 0 || index >= limit) {
            throw new IllegalArgumentException("address index out of range: " + index);
        }
    }

    /**
     * Parses an address such as {@code %IX0.3} or {@code %QW0}.
     *
     * @throws IllegalArgumentException naming the address and the accepted forms
     */
    public static Address parse(String text) {
        Matcher m = FORM.matcher(text.strip().toUpperCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not an I/O address: use %IX0.0, %QX0.0, %IW0 or %QW0");
        }
        Area area = Area.valueOf(m.group(1) + m.group(2));
        int n = Integer.parseInt(m.group(3));
        if (area.isBit()) {
            if (m.group(4) == null) {
                throw new IllegalArgumentException("'" + text + "' needs a bit number, e.g. %" + area + n + ".0");
            }
            int bit = Integer.parseInt(m.group(4));
            if (bit > 7 || n >= BIT_BYTES) {
                throw new IllegalArgumentException("'" + text + "' is outside the I/O image (%" + area + "0.0 to %"
                        + area + (BIT_BYTES - 1) + ".7)");
            }
            return new Address(area, n * 8 + bit);
        }
        if (m.group(4) != null) {
            throw new IllegalArgumentException("'" + text + "' is a word address and takes no bit number");
        }
        if (n >= WORDS) {
            throw new IllegalArgumentException("'" + text + "' is outside the I/O image (%" + area + "0 to %"
                    + area + (WORDS - 1) + ")");
        }
        return new Address(area, n);
    }

    @Override
    public String toString() {
        return area.isBit() ? "%" + area + (index / 8) + "." + (index % 8) : "%" + area + index;
    }
}
