package si.bankart.prehod.web.page;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.util.Optional;

import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletRequest;

import org.junit.jupiter.api.Test;

class RequestCookieTest {

    @Test
    void readsTheOneCookieOfThatName() {
        assertEquals(Optional.of("v1"), RequestCookie.single(sending(new Cookie("other", "x"), new Cookie("c", "v1")), "c"));
    }

    @Test
    void trustsNeitherOfTwoCookiesWithTheSameName() {
        assertEquals(Optional.empty(), RequestCookie.single(sending(new Cookie("c", "planted"), new Cookie("c", "v1")), "c"));
    }

    @Test
    void isEmptyWithoutCookies() {
        assertEquals(Optional.empty(), RequestCookie.single(sending(), "c"));
        assertEquals(Optional.empty(), RequestCookie.single(sending((Cookie[]) null), "c"));
    }

    /** A request that only answers getCookies (the servlet API has no plain request value to build). */
    private static HttpServletRequest sending(Cookie... cookies) {
        return (HttpServletRequest) Proxy.newProxyInstance(RequestCookieTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getCookies")) {
                        return cookies == null || cookies.length == 0 ? null : cookies;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
