package si.bankart.prehod.web.testing;

import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import javax.servlet.http.HttpServletRequest;

import org.eclipse.jetty.util.MultiMap;
import org.eclipse.jetty.util.UrlEncoded;

/**
 * A servlet request made of a method and its parameters, as Jetty would present them after reading the query string
 * or the form body with its own decoder ({@link UrlEncoded}), for feeding binding decoders without a server (fuzzing
 * needs thousands per second). Any other servlet method fails loudly, so a decoder that needs more shows up at once.
 */
public final class FormRequest {

    private FormRequest() {
    }

    /**
     * @param rawQuery the query string (GET) or the form body (POST), still URL-encoded
     * @throws IllegalArgumentException when Jetty itself refuses the encoding (a 400 before any decoder runs)
     */
    public static HttpServletRequest of(String method, String rawQuery) {
        MultiMap<String> parameters = new MultiMap<>();
        UrlEncoded.decodeUtf8To(rawQuery, parameters);
        return (HttpServletRequest) Proxy.newProxyInstance(FormRequest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, invoked, args) -> switch (invoked.getName()) {
                    case "getMethod" -> method;
                    case "getQueryString" -> "GET".equals(method) ? rawQuery : null;
                    case "getParameter" -> parameters.getValue((String) args[0], 0);
                    case "getParameterValues" -> {
                        List<String> values = parameters.getValues((String) args[0]);
                        yield values == null ? null : values.toArray(new String[0]);
                    }
                    case "getParameterNames" -> Collections.enumeration(parameters.keySet());
                    case "getParameterMap" -> Map.copyOf(parameters.toStringArrayMap());
                    case "getCharacterEncoding" -> "UTF-8";
                    case "getContentType" -> "POST".equals(method) ? "application/x-www-form-urlencoded" : null;
                    case "getAttribute", "getHeader" -> null;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> method + " " + rawQuery;
                    default -> throw new UnsupportedOperationException("FormRequest has no " + invoked.getName());
                });
    }
}
