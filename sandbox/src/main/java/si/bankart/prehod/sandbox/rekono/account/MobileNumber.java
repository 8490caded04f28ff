package si.bankart.prehod.sandbox.rekono.account;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A Slovenian mobile number in E.164 form (+386 and eight digits). Accepts the ways people write it — "041 123 456",
 * "+386 41 123 456", "00386 41 123456" — and refuses fixed-line and foreign numbers, which cannot receive SMS codes
 * from Rekono.
 */
public record MobileNumber(String e164) {

    private static final Pattern E164 = Pattern.compile("\\+386\\d{8}");
    /** Mobile network prefixes allocated in Slovenia (AKOS numbering plan). */
    private static final Set<String> MOBILE_PREFIXES =
            Set.of("30", "31", "40", "41", "49", "51", "64", "65", "68", "69", "70", "71");

    public MobileNumber {
        if (e164 == null || !E164.matcher(e164).matches() || !MOBILE_PREFIXES.contains(e164.substring(4, 6))) {
            throw new IllegalArgumentException("not a Slovenian mobile number in E.164 form: " + e164);
        }
    }

    public static Optional<MobileNumber> parse(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String digits = typed.replaceAll("[\\s/().-]", "");
        String national;
        if (digits.startsWith("+386")) {
            national = digits.substring(4);
        } else if (digits.startsWith("00386")) {
            national = digits.substring(5);
        } else if (digits.startsWith("0")) {
            national = digits.substring(1);
        } else {
            return Optional.empty();
        }
        try {
            return Optional.of(new MobileNumber("+386" + national));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The number as shown on pages, with the middle digits hidden: "+386 41 *** 456". */
    public String masked() {
        return "+386 " + e164.substring(4, 6) + " *** " + e164.substring(9);
    }

    @Override
    public String toString() {
        return e164;
    }
}
