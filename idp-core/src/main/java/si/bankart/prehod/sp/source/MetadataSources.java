package si.bankart.prehod.sp.source;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

import si.bankart.prehod.keys.PemCertificates;
import si.bankart.prehod.keys.TrustedCas;
import si.bankart.prehod.sp.MetadataLoader;

/** Builds the configured sources: local ones as they are, remote ones with their signer, TLS trust and cache. */
public final class MetadataSources {

    private MetadataSources() {
    }

    /** @param cacheFolder where remote sources keep their last good copy (var/metadata) */
    public static List<MetadataSource> build(List<MetadataSourceConfig> configs, Path home, MetadataLoader loader,
            Path cacheFolder) {
        SignedDocumentReader reader = new SignedDocumentReader(loader);
        List<MetadataSource> sources = new ArrayList<>();
        for (MetadataSourceConfig config : configs) {
            if (!config.remote()) {
                sources.add(new LocalSource(config, home, loader));
                continue;
            }
            List<X509Certificate> signer = PemCertificates.read(home.resolve(config.certificate()),
                    config.name() + ".certificate");
            if (signer.size() != 1) {
                throw new IllegalArgumentException(config.name() + ".certificate must hold exactly one certificate");
            }
            RemoteFetch fetch = new RemoteFetch(config, TrustedCas.sslContext(
                    config.tlsTrustAnchors() == null ? null : home.resolve(config.tlsTrustAnchors()),
                    config.name() + ".tlsTrustAnchors"));
            sources.add(config.url() != null ? new UrlSource(config, fetch, reader, signer.get(0), cacheFolder)
                    : new MdqSource(config, fetch, reader, signer.get(0), cacheFolder));
        }
        return sources;
    }
}
