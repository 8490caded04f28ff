package si.bankart.prehod.logout.rule;

import java.util.List;

import org.opensaml.saml.saml2.core.SessionIndex;

import si.bankart.prehod.logout.LogoutRequestCheck;
import si.bankart.prehod.protocol.RequestRejected;
import si.bankart.prehod.protocol.RequestRule;
import si.bankart.prehod.protocol.SamlStatus;

/**
 * The request must name the SessionIndex this session issued to the SP, and nothing else (SAML core §3.7.1: the
 * SessionIndex elements name the sessions to end). An absent SessionIndex would mean "every session of this
 * principal", which for a bank is too broad to accept from an SP; a foreign one may belong to another session or
 * another SP. Both are Requester/RequestDenied and change nothing. Needs {@link NameIdIsTheOneIssued} to run first.
 */
public final class SessionIndexIsTheOneIssued implements RequestRule<LogoutRequestCheck> {

    @Override
    public void check(LogoutRequestCheck check) throws RequestRejected {
        List<SessionIndex> indexes = check.request().getSessionIndexes();
        if (indexes.isEmpty()) {
            throw check.reject(SamlStatus.REQUESTER_REQUEST_DENIED, "LogoutRequest names no SessionIndex");
        }
        String issued = check.spSession().sessionIndex();
        for (SessionIndex index : indexes) {
            if (!issued.equals(index.getValue())) {
                throw check.reject(SamlStatus.REQUESTER_REQUEST_DENIED,
                        "SessionIndex is not the one issued to this SP in this session");
            }
        }
    }
}
