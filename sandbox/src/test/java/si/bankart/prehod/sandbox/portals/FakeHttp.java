package si.bankart.prehod.sandbox.portals;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.servlet.ServletOutputStream;
import javax.servlet.WriteListener;
import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * Just enough of the servlet API, as dynamic proxies, to drive the portals' handlers and OpenSAML's Redirect codecs
 * without a server: a request with a raw query string, form parameters and cookies; a response that records status,
 * headers, redirect and body. Any other method answers null, false or 0.
 */
final class FakeHttp {

    private FakeHttp() {
    }

    static HttpServletRequest get(String pathAndQuery, Cookie... cookies) {
        return request("GET", pathAndQuery, Map.of(), cookies);
    }

    static HttpServletRequest post(String path, Map<String, String> form, Cookie... cookies) {
        return request("POST", path, form, cookies);
    }

    private static HttpServletRequest request(String method, String pathAndQuery, Map<String, String> form,
            Cookie... cookies) {
        URI uri = URI.create(pathAndQuery);
        Map<String, String> parameters = new LinkedHashMap<>(form);
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                parameters.putIfAbsent(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                        eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return (HttpServletRequest) Proxy.newProxyInstance(FakeHttp.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "getMethod" -> method;
                    case "getQueryString" -> uri.getRawQuery();
                    case "getParameter" -> parameters.get((String) args[0]);
                    case "getServletPath", "getRequestURI" -> uri.getPath();
                    case "getCookies" -> cookies.length == 0 ? null : cookies;
                    case "toString" -> method + " " + pathAndQuery;
                    default -> zero(m.getReturnType());
                });
    }

    /** What a handler wrote. */
    static final class Response {
        int status = 200;
        String redirect;
        final Map<String, List<String>> headers = new LinkedHashMap<>();
        final ByteArrayOutputStream body = new ByteArrayOutputStream();
        final HttpServletResponse proxy = (HttpServletResponse) Proxy.newProxyInstance(FakeHttp.class.getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (p, m, args) -> {
                    switch (m.getName()) {
                        case "setStatus" -> status = (Integer) args[0];
                        case "sendRedirect" -> {
                            status = 302;
                            redirect = (String) args[0];
                        }
                        case "setHeader" -> headers.put((String) args[0], new ArrayList<>(List.of((String) args[1])));
                        case "addHeader" -> headers.computeIfAbsent((String) args[0], n -> new ArrayList<>())
                                .add((String) args[1]);
                        case "getOutputStream" -> {
                            return new ServletOutputStream() {
                                @Override
                                public void write(int b) {
                                    body.write(b);
                                }

                                @Override
                                public boolean isReady() {
                                    return true;
                                }

                                @Override
                                public void setWriteListener(WriteListener listener) {
                                }
                            };
                        }
                        case "toString" -> {
                            return "response " + status;
                        }
                        default -> {
                            return zero(m.getReturnType());
                        }
                    }
                    return null;
                });

        String body() {
            return PortalBrowser.unescape(body.toString(StandardCharsets.UTF_8));
        }

        List<String> header(String name) {
            return headers.getOrDefault(name, List.of());
        }

        /** The cookie a response set, as a browser would send it back. */
        Cookie cookie(String name) {
            return header("Set-Cookie").stream()
                    .filter(c -> c.startsWith(name + "="))
                    .map(c -> new Cookie(name, c.substring(name.length() + 1, c.indexOf(';'))))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no cookie " + name + " in " + headers));
        }
    }

    private static Object zero(Class<?> type) {
        if (type == boolean.class) {
            return false;
        }
        if (type == int.class) {
            return 0;
        }
        if (type == long.class) {
            return 0L;
        }
        return null;
    }
}
