package si.bankart.prehod.web.metadata;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import si.bankart.prehod.metadata.IdpMetadata;

/** {@code GET /idp/metadata}: our SAML metadata for SP administrators (SAML metadata §4.1.1 media type). */
public final class MetadataEndpoint extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final byte[] document;

    public MetadataEndpoint(IdpMetadata metadata) {
        this.document = metadata.xml().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("application/samlmetadata+xml");
        response.setHeader("Content-Disposition", "inline; filename=\"idp-metadata.xml\"");
        response.setContentLength(document.length);
        response.getOutputStream().write(document);
    }
}
