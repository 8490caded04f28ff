package si.bankart.prehod.sp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import net.shibboleth.utilities.java.support.xml.ParserPool;
import net.shibboleth.utilities.java.support.xml.XMLParserException;
import org.opensaml.core.xml.XMLObject;
import org.opensaml.core.xml.io.UnmarshallingException;
import org.opensaml.core.xml.util.XMLObjectSupport;
import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.saml.saml2.metadata.AssertionConsumerService;
import org.opensaml.saml.saml2.metadata.EntitiesDescriptor;
import org.opensaml.saml.saml2.metadata.EntityDescriptor;
import org.opensaml.saml.saml2.metadata.KeyDescriptor;
import org.opensaml.saml.saml2.metadata.SPSSODescriptor;
import org.opensaml.saml.saml2.metadata.SingleLogoutService;
import org.opensaml.security.credential.UsageType;
import org.opensaml.xmlsec.keyinfo.KeyInfoSupport;

import si.bankart.prehod.config.ConfigException;

/**
 * Reads every {@code *.xml} in the metadata folder: EntityDescriptor or EntitiesDescriptor documents. A file that
 * cannot be read, parsed or understood stops start-up naming the file and the reason.
 */
public final class MetadataLoader {

    private final ParserPool parserPool;

    public MetadataLoader(ParserPool parserPool) {
        this.parserPool = parserPool;
    }

    public List<SpMetadata> loadFolder(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new ConfigException(folder, "metadata folder not found");
        }
        List<SpMetadata> all = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".xml")).sorted().toList()) {
                for (SpMetadata sp : loadFile(file)) {
                    if (!seen.add(sp.entityId())) {
                        throw new ConfigException(file, "entityID " + sp.entityId() + " appears in more than one place");
                    }
                    all.add(sp);
                }
            }
        } catch (IOException e) {
            throw new ConfigException(folder, "cannot list the metadata folder");
        }
        return all;
    }

    public List<SpMetadata> loadFile(Path file) {
        XMLObject root;
        try (InputStream in = Files.newInputStream(file)) {
            root = XMLObjectSupport.unmarshallFromInputStream(parserPool, in);
        } catch (IOException e) {
            throw new ConfigException(file, "cannot be read");
        } catch (XMLParserException e) {
            throw new ConfigException(file, "is not well-formed XML (or has a DOCTYPE, which is refused)");
        } catch (UnmarshallingException e) {
            throw new ConfigException(file, "is not SAML metadata");
        }
        List<EntityDescriptor> entities = new ArrayList<>();
        if (root instanceof EntityDescriptor entity) {
            entities.add(entity);
        } else if (root instanceof EntitiesDescriptor group) {
            collect(group, entities);
        } else {
            throw new ConfigException(file, "root element must be md:EntityDescriptor or md:EntitiesDescriptor");
        }
        List<SpMetadata> result = new ArrayList<>();
        for (EntityDescriptor entity : entities) {
            SPSSODescriptor sp = entity.getSPSSODescriptor(SAMLConstants.SAML20P_NS);
            if (sp != null) {
                result.add(toSpMetadata(file, entity.getEntityID(), sp));
            }
        }
        if (result.isEmpty()) {
            throw new ConfigException(file, "holds no SAML 2.0 service provider (SPSSODescriptor)");
        }
        return result;
    }

    private static void collect(EntitiesDescriptor group, List<EntityDescriptor> into) {
        into.addAll(group.getEntityDescriptors());
        group.getEntitiesDescriptors().forEach(g -> collect(g, into));
    }

    private static SpMetadata toSpMetadata(Path file, String entityId, SPSSODescriptor sp) {
        if (entityId == null || entityId.isBlank()) {
            throw new ConfigException(file, "an EntityDescriptor has no entityID");
        }
        List<AcsEndpoint> acs = new ArrayList<>();
        for (AssertionConsumerService service : sp.getAssertionConsumerServices()) {
            if (service.getLocation() == null || !service.getLocation().startsWith("https://")) {
                throw new ConfigException(file, entityId + ": AssertionConsumerService Location must be an https URL");
            }
            acs.add(new AcsEndpoint(service.getLocation(), service.getBinding(),
                    service.getIndex() == null ? 0 : service.getIndex(), service.isDefaultXSBoolean() == null ? null
                            : service.isDefault()));
        }
        List<SloEndpoint> slo = new ArrayList<>();
        for (SingleLogoutService service : sp.getSingleLogoutServices()) {
            // Logout messages carry the NameID and SessionIndex: only over TLS, like assertions.
            if (service.getLocation() == null || !service.getLocation().startsWith("https://")) {
                throw new ConfigException(file, entityId + ": SingleLogoutService Location must be an https URL");
            }
            if (service.getResponseLocation() != null && !service.getResponseLocation().startsWith("https://")) {
                throw new ConfigException(file, entityId + ": SingleLogoutService ResponseLocation must be an https URL");
            }
            slo.add(new SloEndpoint(service.getBinding(), service.getLocation(), service.getResponseLocation()));
        }
        List<X509Certificate> signing = new ArrayList<>();
        List<X509Certificate> encryption = new ArrayList<>();
        for (KeyDescriptor key : sp.getKeyDescriptors()) {
            List<X509Certificate> certificates;
            try {
                certificates = key.getKeyInfo() == null ? List.of() : KeyInfoSupport.getCertificates(key.getKeyInfo());
            } catch (CertificateException e) {
                throw new ConfigException(file, entityId + ": a KeyDescriptor holds a certificate that cannot be decoded");
            }
            UsageType use = key.getUse() == null ? UsageType.UNSPECIFIED : key.getUse();
            if (use != UsageType.ENCRYPTION) {
                signing.addAll(certificates);
            }
            if (use != UsageType.SIGNING) {
                encryption.addAll(certificates);
            }
        }
        return new SpMetadata(entityId, acs, signing, encryption, Boolean.TRUE.equals(sp.isAuthnRequestsSigned()),
                file.getFileName().toString(), slo);
    }
}
