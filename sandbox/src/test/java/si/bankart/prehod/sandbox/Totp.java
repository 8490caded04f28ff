package si.bankart.prehod.sandbox;

import java.time.Instant;

import si.bankart.prehod.sandbox.rekono.TotpCodes;

/** The OnePass code a person's authenticator app shows (RFC 6238), from the stand-in's test helper. */
final class Totp {

    private Totp() {
    }

    static String at(String base32Secret, Instant instant) {
        return TotpCodes.at(base32Secret, instant);
    }
}
