package si.bankart.prehod.sandbox.ca;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.cert.CRLException;
import java.security.cert.X509CRL;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sandbox CA over HTTP, as a Jetty core handler:
 * <ul>
 *   <li>{@code GET /crl/<ca name>.crl}: the CA's current CRL, DER, {@code application/pkix-crl} (RFC 2585 §4);</li>
 *   <li>{@code POST /ocsp} with an {@code application/ocsp-request} body, and {@code GET /ocsp/<url-encoded
 *       base64 request>} (RFC 6960 appendix A.1): a DER {@code application/ocsp-response}.</li>
 * </ul>
 * Rejects: a malformed OCSP request (bad base64 or DER) with 400 and a malformedRequest OCSP response; a POST body
 * over {@link #MAX_REQUEST_BYTES} with 413; a POST without the OCSP content type with 415; another method with 405;
 * an unknown path or CA with 404. While {@link SimulatedFaults} says a service is down it answers 503. Error bodies
 * are one line of plain text, never a stack trace.
 * <p>
 * Mount it on a connector whose {@link org.eclipse.jetty.server.HttpConfiguration} uses {@link #URI_COMPLIANCE}: the
 * JDK's OCSP client sends the base64 request with '/' encoded as %2F, which Jetty's default compliance rejects.
 */
public final class RevocationHandler extends Handler.Abstract {

    /** OCSP requests for a handful of certificates are a few hundred bytes; this leaves room and stops abuse. */
    public static final int MAX_REQUEST_BYTES = 16 * 1024;

    /** Jetty's default plus %2F inside a path segment, which RFC 6960 A.1 GET requests contain. */
    public static final UriCompliance URI_COMPLIANCE =
            UriCompliance.DEFAULT.with("ocsp-get", UriCompliance.Violation.AMBIGUOUS_PATH_SEPARATOR);

    private static final Logger LOG = LoggerFactory.getLogger(RevocationHandler.class);
    private static final String OCSP_REQUEST = "application/ocsp-request";
    private static final String OCSP_RESPONSE = "application/ocsp-response";
    private static final String CRL = "application/pkix-crl";

    private final SandboxCa ca;
    private final OcspResponder responder;
    private final SimulatedFaults faults;

    public RevocationHandler(SandboxCa ca, OcspResponder responder, SimulatedFaults faults) {
        this.ca = Objects.requireNonNull(ca, "ca");
        this.responder = Objects.requireNonNull(responder, "responder");
        this.faults = Objects.requireNonNull(faults, "faults");
    }

    public SimulatedFaults faults() {
        return faults;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        try {
            return route(request, response, callback);
        } catch (RuntimeException e) {
            // Our fault, not the client's: log it here, answer without any detail.
            LOG.error("sandbox CA failed on {} {}", request.getMethod(), request.getHttpURI().getPath(), e);
            return text(response, callback, HttpStatus.INTERNAL_SERVER_ERROR_500, "sandbox CA error");
        }
    }

    private boolean route(Request request, Response response, Callback callback) {
        String path = Request.getPathInContext(request);
        String method = request.getMethod();
        if (path.startsWith("/crl/")) {
            if (!HttpMethod.GET.is(method) && !HttpMethod.HEAD.is(method)) {
                return text(response, callback, HttpStatus.METHOD_NOT_ALLOWED_405, "use GET");
            }
            return crl(path.substring("/crl/".length()), response, callback);
        }
        if (path.equals("/ocsp") || path.equals("/ocsp/")) {
            if (!HttpMethod.POST.is(method)) {
                return text(response, callback, HttpStatus.METHOD_NOT_ALLOWED_405, "use POST, or GET /ocsp/<request>");
            }
            return ocspPost(request, response, callback);
        }
        if (path.startsWith("/ocsp/")) {
            if (!HttpMethod.GET.is(method)) {
                return text(response, callback, HttpStatus.METHOD_NOT_ALLOWED_405, "use GET");
            }
            return ocspGet(request, response, callback);
        }
        return false;
    }

    private boolean crl(String fileName, Response response, Callback callback) {
        if (faults.isCrlDown()) {
            return text(response, callback, HttpStatus.SERVICE_UNAVAILABLE_503, "CRL endpoint down (simulated)");
        }
        Optional<CertificateAuthority> authority = fileName.endsWith(".crl")
                ? ca.authority(fileName.substring(0, fileName.length() - ".crl".length()))
                : Optional.empty();
        if (authority.isEmpty()) {
            return text(response, callback, HttpStatus.NOT_FOUND_404, "no such CRL");
        }
        X509CRL crl = faults.isCrlStale() ? ca.staleCrl(authority.get()) : ca.currentCrl(authority.get());
        try {
            return der(response, callback, HttpStatus.OK_200, CRL, crl.getEncoded());
        } catch (CRLException e) {
            throw new IllegalStateException("cannot encode the CRL of " + authority.get().name(), e);
        }
    }

    private boolean ocspPost(Request request, Response response, Callback callback) {
        if (faults.isOcspDown()) {
            return text(response, callback, HttpStatus.SERVICE_UNAVAILABLE_503, "OCSP responder down (simulated)");
        }
        String contentType = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        if (contentType == null || !contentType.toLowerCase(java.util.Locale.ROOT).startsWith(OCSP_REQUEST)) {
            return text(response, callback, HttpStatus.UNSUPPORTED_MEDIA_TYPE_415, "expected " + OCSP_REQUEST);
        }
        long declaredLength = request.getLength();
        if (declaredLength > MAX_REQUEST_BYTES) {
            return text(response, callback, HttpStatus.PAYLOAD_TOO_LARGE_413,
                    "OCSP request of " + declaredLength + " bytes exceeds " + MAX_REQUEST_BYTES);
        }
        byte[] body;
        try (InputStream in = Content.Source.asInputStream(request)) {
            body = in.readNBytes(MAX_REQUEST_BYTES + 1);
        } catch (IOException e) {
            return text(response, callback, HttpStatus.BAD_REQUEST_400, "cannot read the request body");
        }
        if (body.length > MAX_REQUEST_BYTES) {
            return text(response, callback, HttpStatus.PAYLOAD_TOO_LARGE_413,
                    "OCSP request exceeds " + MAX_REQUEST_BYTES + " bytes");
        }
        return ocsp(body, response, callback);
    }

    private boolean ocspGet(Request request, Response response, Callback callback) {
        if (faults.isOcspDown()) {
            return text(response, callback, HttpStatus.SERVICE_UNAVAILABLE_503, "OCSP responder down (simulated)");
        }
        // The raw path, because the decoded one has lost the difference between '/' and %2F in the base64.
        String rawPath = request.getHttpURI().getPath();
        String contextPath = Objects.requireNonNullElse(Request.getContextPath(request), "");
        String encoded = rawPath.substring(rawPath.indexOf("/ocsp/", contextPath.length()) + "/ocsp/".length());
        if (encoded.length() > MAX_REQUEST_BYTES * 2) {
            return text(response, callback, HttpStatus.BAD_REQUEST_400, "OCSP request too long");
        }
        byte[] der;
        try {
            // '+' is a base64 digit here, not an encoded space: keep it through URL decoding.
            der = Base64.getDecoder().decode(URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return der(response, callback, HttpStatus.BAD_REQUEST_400, OCSP_RESPONSE,
                    OcspResponder.malformedRequestResponse());
        }
        return ocsp(der, response, callback);
    }

    private boolean ocsp(byte[] requestDer, Response response, Callback callback) {
        try {
            return der(response, callback, HttpStatus.OK_200, OCSP_RESPONSE, responder.respond(requestDer));
        } catch (MalformedOcspRequest e) {
            return der(response, callback, HttpStatus.BAD_REQUEST_400, OCSP_RESPONSE,
                    OcspResponder.malformedRequestResponse());
        }
    }

    private static boolean der(Response response, Callback callback, int status, String contentType, byte[] body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        // Answers change when faults are flipped or certificates revoked; let no cache in between hide that.
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, Integer.toString(body.length));
        response.write(true, ByteBuffer.wrap(body), callback);
        return true;
    }

    private static boolean text(Response response, Callback callback, int status, String message) {
        byte[] body = (message + "\n").getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain;charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, Integer.toString(body.length));
        response.write(true, ByteBuffer.wrap(body), callback);
        return true;
    }
}
