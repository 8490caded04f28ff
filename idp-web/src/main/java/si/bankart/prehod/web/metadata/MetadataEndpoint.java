package si.bankart.prehod.web.metadata;

import java.io.IOException;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import si.bankart.prehod.metadata.IdpMetadata;

/**
 * {@code GET /idp/metadata}: our signed SAML metadata for portal administrators (SAML metadata §4.1.1 media type);
 * {@code ?signed=false} gives the same document unsigned and pretty-printed, for reading only.
 */
public final class MetadataEndpoint extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient IdpMetadata metadata;

    public MetadataEndpoint(IdpMetadata metadata) {
        this.metadata = metadata;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        byte[] document = metadata.document(!"false".equals(request.getParameter("signed")));
        response.setContentType("application/samlmetadata+xml");
        response.setHeader("Content-Disposition", "inline; filename=\"idp-metadata.xml\"");
        response.setContentLength(document.length);
        response.getOutputStream().write(document);
    }
}
