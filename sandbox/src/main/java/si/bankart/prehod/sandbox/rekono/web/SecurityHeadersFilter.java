package si.bankart.prehod.sandbox.rekono.web;

import java.io.IOException;
import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletResponse;

/**
 * Headers every response carries: no framing (clickjacking on the login window), no MIME sniffing, no referrer
 * (authorization URLs carry state), scripts and styles only from the stand-in itself.
 *
 * <p>No form-action directive: forms end in redirects to relying parties on other origins, which Chromium would block.
 */
public final class SecurityHeadersFilter implements Filter {

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletResponse http = (HttpServletResponse) response;
        http.setHeader("X-Frame-Options", "DENY");
        http.setHeader("X-Content-Type-Options", "nosniff");
        http.setHeader("Referrer-Policy", "no-referrer");
        http.setHeader("Content-Security-Policy",
                "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' data:; connect-src 'self';"
                        + " frame-ancestors 'none'; base-uri 'none'");
        http.setHeader("Strict-Transport-Security", "max-age=31536000");
        chain.doFilter(request, response);
    }
}
