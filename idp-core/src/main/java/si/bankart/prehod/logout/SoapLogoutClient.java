package si.bankart.prehod.logout;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;

import net.shibboleth.utilities.java.support.xml.ParserPool;
import net.shibboleth.utilities.java.support.xml.SerializeSupport;
import net.shibboleth.utilities.java.support.xml.XMLParserException;
import org.opensaml.core.xml.XMLObject;
import org.opensaml.core.xml.io.MarshallingException;
import org.opensaml.core.xml.io.UnmarshallingException;
import org.opensaml.core.xml.util.XMLObjectSupport;
import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.saml.saml2.core.LogoutRequest;
import org.opensaml.saml.saml2.core.LogoutResponse;
import org.opensaml.soap.soap11.Body;
import org.opensaml.soap.soap11.Envelope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import si.bankart.prehod.xml.SamlObjects;

/**
 * The SAML SOAP binding (bindings §3.2) for single logout: our signed LogoutRequest in a SOAP 1.1 envelope, POSTed over
 * HTTPS to the SP's SOAP SingleLogoutService from metadata, answered within the timeout on the same connection. The
 * LogoutResponse inside is judged by {@link LogoutResponseCheck} like one that came through the browser, and must be
 * signed. Whatever the SP does, the result is a {@link LogoutResult}; nothing of its answer reaches a log at INFO.
 */
public final class SoapLogoutClient implements BackChannelLogout {

    private static final Logger log = LoggerFactory.getLogger(SoapLogoutClient.class);

    private final HttpClient http;
    private final ParserPool parserPool;
    private final LogoutResponseCheck check;
    private final Duration timeout;
    private final int maxResponseBytes;

    /** @param http with the TLS trust for SPs' SOAP endpoints and a connect timeout */
    public SoapLogoutClient(HttpClient http, ParserPool parserPool, LogoutResponseCheck check, Duration timeout,
            int maxResponseBytes) {
        this.http = http;
        this.parserPool = parserPool;
        this.check = check;
        this.timeout = timeout;
        this.maxResponseBytes = maxResponseBytes;
    }

    @Override
    public LogoutResult logout(SpLogout participant, LogoutRequest request) {
        URI location = URI.create(participant.location());
        if (!"https".equals(location.getScheme())) {
            log.warn("SOAP logout of {} not attempted: its SingleLogoutService is not https", participant.spEntityId());
            return LogoutResult.FAILED;
        }
        try {
            HttpResponse<InputStream> answer = http.send(HttpRequest.newBuilder(location).timeout(timeout)
                    .header("Content-Type", "text/xml; charset=utf-8")
                    .header("SOAPAction", "http://www.oasis-open.org/committees/security")
                    .POST(HttpRequest.BodyPublishers.ofString(envelope(request))).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = answer.body()) {
                if (answer.statusCode() != 200) {
                    log.warn("SOAP logout of {}: HTTP {}", participant.spEntityId(), answer.statusCode());
                    return LogoutResult.FAILED;
                }
                byte[] bytes = body.readNBytes(maxResponseBytes + 1);
                if (bytes.length > maxResponseBytes) {
                    log.warn("SOAP logout of {}: answer larger than {} bytes", participant.spEntityId(), maxResponseBytes);
                    return LogoutResult.FAILED;
                }
                return judge(bytes, participant);
            }
        } catch (HttpTimeoutException e) {
            log.warn("SOAP logout of {}: no answer within {}", participant.spEntityId(), timeout);
            return LogoutResult.TIMED_OUT;
        } catch (IOException e) {
            log.warn("SOAP logout of {}: {}", participant.spEntityId(), e.getClass().getSimpleName());
            log.debug("SOAP logout failure", e);
            return LogoutResult.FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return LogoutResult.FAILED;
        }
    }

    /** The SP's answer, as bytes off the wire (already within the size limit), judged like a LogoutResponse via the browser. */
    LogoutResult judge(byte[] answer, SpLogout participant) {
        Optional<LogoutResponse> response = logoutResponse(answer);
        if (response.isEmpty()) {
            log.warn("SOAP logout of {}: the answer holds no LogoutResponse", participant.spEntityId());
            return LogoutResult.FAILED;
        }
        try {
            return check.check(new IncomingLogoutResponse(response.get(), SAMLConstants.SAML2_SOAP11_BINDING_URI,
                    participant.location(), Optional.empty()), participant);
        } catch (LogoutResponseRejected e) {
            log.warn("SOAP logout of {}: LogoutResponse refused: {}", participant.spEntityId(), e.getMessage());
            return LogoutResult.FAILED;
        }
    }

    /** The signed request keeps its DOM inside the envelope, so its signature stays valid. */
    private static String envelope(LogoutRequest request) {
        Envelope envelope = SamlObjects.build(Envelope.DEFAULT_ELEMENT_NAME);
        Body body = SamlObjects.build(Body.DEFAULT_ELEMENT_NAME);
        body.getUnknownXMLObjects().add(request);
        envelope.setBody(body);
        try {
            return SerializeSupport.nodeToString(XMLObjectSupport.marshall(envelope));
        } catch (MarshallingException e) {
            throw new IllegalStateException("SOAP envelope cannot be marshalled", e);
        }
    }

    private Optional<LogoutResponse> logoutResponse(byte[] bytes) {
        try {
            XMLObject parsed = XMLObjectSupport.unmarshallFromInputStream(parserPool, new ByteArrayInputStream(bytes));
            if (!(parsed instanceof Envelope envelope) || envelope.getBody() == null) {
                return Optional.empty();
            }
            return envelope.getBody().getUnknownXMLObjects().stream()
                    .filter(LogoutResponse.class::isInstance).map(LogoutResponse.class::cast).findFirst();
        } catch (XMLParserException | UnmarshallingException e) {
            log.debug("SOAP logout answer not parsable", e);
            return Optional.empty();
        }
    }
}
