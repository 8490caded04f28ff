package si.bankart.prehod.request.rule;

import java.util.Optional;

import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.saml.saml2.core.AuthnRequest;

import si.bankart.prehod.request.AuthnRequestCheck;
import si.bankart.prehod.protocol.RequestRule;
import si.bankart.prehod.protocol.RequestRejected;
import si.bankart.prehod.protocol.SamlStatus;
import si.bankart.prehod.sp.AcsEndpoint;
import si.bankart.prehod.sp.SpMetadata;

/**
 * Chooses where the response goes, only ever from the SP's metadata (SAML core §3.4.1): by AssertionConsumerServiceIndex,
 * or by AssertionConsumerServiceURL matched exactly, or the default ACS. A URL that metadata does not list is refused
 * with no reply, since replying to it is exactly what an attacker wants.
 */
public final class AcsComesFromMetadata implements RequestRule<AuthnRequestCheck> {

    @Override
    public void check(AuthnRequestCheck check) throws RequestRejected {
        AuthnRequest request = check.request();
        SpMetadata metadata = check.sp().metadata();
        AcsEndpoint defaultAcs = metadata.defaultAcs().orElseThrow();
        Integer index = request.getAssertionConsumerServiceIndex();
        String url = request.getAssertionConsumerServiceURL();

        if (index != null && url != null) {
            check.acs(defaultAcs);
            throw check.reject(SamlStatus.REQUESTER, "AssertionConsumerServiceIndex and URL are mutually exclusive");
        }
        Optional<AcsEndpoint> chosen;
        if (index != null) {
            chosen = metadata.acsByIndex(index);
            if (chosen.isEmpty()) {
                check.acs(defaultAcs);
                throw check.reject(SamlStatus.REQUESTER, "AssertionConsumerServiceIndex " + index + " is not in metadata");
            }
        } else if (url != null) {
            chosen = metadata.acsByLocation(url);
            if (chosen.isEmpty()) {
                throw check.reject(SamlStatus.REQUESTER, "AssertionConsumerServiceURL is not in the SP's metadata");
            }
        } else {
            chosen = Optional.of(defaultAcs);
        }
        check.acs(chosen.get());
        String binding = request.getProtocolBinding();
        if (binding != null && !SAMLConstants.SAML2_POST_BINDING_URI.equals(binding)) {
            throw check.reject(SamlStatus.REQUESTER_UNSUPPORTED_BINDING, "ProtocolBinding " + binding + " is not supported");
        }
    }
}
