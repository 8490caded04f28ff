package si.bankart.prehod.web.management;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * Lets through only requests with {@code Authorization: Bearer <management.bearerToken>} (RFC 6750 §2.1); others get
 * 401 with a {@code WWW-Authenticate: Bearer} challenge (§3) and no body worth reading. Compared in constant time.
 */
final class BearerToken implements Filter {

    private static final String PREFIX = "Bearer ";

    private final byte[] expected;

    BearerToken(String token) {
        this.expected = token.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String header = ((HttpServletRequest) request).getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())
                && MessageDigest.isEqual(expected, header.substring(PREFIX.length()).trim().getBytes(StandardCharsets.UTF_8))) {
            chain.doFilter(request, response);
            return;
        }
        HttpServletResponse http = (HttpServletResponse) response;
        http.setHeader("WWW-Authenticate", header == null ? "Bearer realm=\"management\""
                : "Bearer realm=\"management\", error=\"invalid_token\"");
        JsonAnswer.write(http, HttpServletResponse.SC_UNAUTHORIZED, "{\"error\":\"unauthorized\"}");
    }
}
