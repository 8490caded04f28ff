package si.bankart.prehod.web.page;

import java.io.IOException;

import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * Makes a language choice stick: any IdP request that carries {@code ?lang=sl|en} (the switch, or a link that carries
 * the choice for a browser without cookies or to the certificate host) stores it in the language cookie, so every
 * later page, the Rekono round trip and later visits keep it.
 */
public final class LanguageCookie implements Filter {

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        // Only from the query: reading a POST body here would consume the SAML binding's form before its decoder.
        String asked = ((HttpServletRequest) request).getQueryString() == null ? null : request.getParameter("lang");
        if ("sl".equals(asked) || "en".equals(asked)) {
            Language.of((HttpServletRequest) request).remember((HttpServletResponse) response);
        }
        chain.doFilter(request, response);
    }
}
