package si.bankart.prehod.bench;

import java.io.IOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.util.List;
import java.util.Map;

/** A worker's cookie jar that {@link #forget} empties, so one client (and its keep-alive connections) can be a new person each login. */
final class BrowserCookies extends CookieHandler {

    private volatile CookieManager jar = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

    void forget() {
        jar = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    }

    @Override
    public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) throws IOException {
        return jar.get(uri, requestHeaders);
    }

    @Override
    public void put(URI uri, Map<String, List<String>> responseHeaders) throws IOException {
        jar.put(uri, responseHeaders);
    }
}
