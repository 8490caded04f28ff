package si.bankart.prehod.web.server;

import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

import si.bankart.prehod.config.ConfigException;
import si.bankart.prehod.config.ServerConfig;
import si.bankart.prehod.config.TlsConfig;

/** An HTTPS connector with the configured TLS key store, TLS 1.2 and 1.3 only, no server version sent. */
final class HttpsConnector {

    private HttpsConnector() {
    }

    static ServerConnector of(Server jetty, Path home, ServerConfig server, SslContextFactory.Server ssl, String name,
            int port) {
        TlsConfig tls = server.tls();
        Path keyStore = home.resolve(tls.keyStore());
        if (!Files.isReadable(keyStore)) {
            throw new ConfigException(keyStore, "TLS key store not found");
        }
        ssl.setKeyStorePath(keyStore.toAbsolutePath().toString());
        ssl.setKeyStoreType("PKCS12");
        ssl.setKeyStorePassword(tls.password());
        ssl.setIncludeProtocols("TLSv1.3", "TLSv1.2");
        HttpConfiguration http = new HttpConfiguration();
        http.setSecureScheme("https");
        http.setSendServerVersion(false);
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        // SNI names are checked by the certificate; clients on 127.0.0.1 send none.
        secure.setSniHostCheck(false);
        http.addCustomizer(secure);
        ServerConnector connector = new ServerConnector(jetty,
                new SslConnectionFactory(ssl, HttpVersion.HTTP_1_1.asString()), new HttpConnectionFactory(http));
        connector.setHost(server.bindAddress());
        connector.setPort(port);
        connector.setName(name);
        return connector;
    }
}
