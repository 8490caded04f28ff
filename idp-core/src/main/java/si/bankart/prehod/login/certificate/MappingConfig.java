package si.bankart.prehod.login.certificate;

import java.util.Objects;

/**
 * certificate-login.yaml {@code mapping}: the rule that turns a certificate into the value the user directory
 * stores in {@code users[].certificates}.
 *
 * @param attribute the subject attribute's OID; required for {@link MappingRule#SUBJECT_ATTRIBUTE}, refused otherwise
 */
public record MappingConfig(MappingRule rule, String attribute) {

    public MappingConfig {
        Objects.requireNonNull(rule, "mapping.rule is required (ISSUER_AND_SERIAL, SUBJECT_DN, SUBJECT_ATTRIBUTE or SAN_EMAIL)");
        if (rule == MappingRule.SUBJECT_ATTRIBUTE) {
            if (attribute == null || attribute.isBlank()) {
                throw new IllegalArgumentException("mapping.attribute is required when mapping.rule is SUBJECT_ATTRIBUTE");
            }
            attribute = ObjectIdentifier.require(attribute.trim(), "mapping.attribute");
        } else if (attribute != null) {
            throw new IllegalArgumentException("mapping.attribute is only read with mapping.rule SUBJECT_ATTRIBUTE, not " + rule);
        }
    }
}
