package si.bankart.prehod.sp;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
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
import si.bankart.prehod.protocol.EntityId;
import si.bankart.prehod.sp.source.MetadataRefused;

/**
 * Turns SAML metadata documents (EntityDescriptor or EntitiesDescriptor) into {@link SpMetadata}. A document that
 * cannot be parsed is refused as a whole; an entity that cannot be trusted — no SPSSODescriptor, an endpoint that is
 * not https (which also keeps out {@code javascript:} and {@code data:}), an undecodable key, an expired validUntil,
 * an entityID seen before — is dropped and reported with the source and the entity, and the rest is used.
 */
public final class MetadataLoader {

    private final ParserPool parserPool;

    public MetadataLoader(ParserPool parserPool) {
        this.parserPool = parserPool;
    }

    /** Every {@code *.xml} of a local folder at start-up: a file that cannot be parsed stops start-up. */
    public List<SpMetadata> loadFolder(Path folder, Consumer<String> dropped) {
        try {
            return readFolder(folder, Instant.now(), dropped);
        } catch (MetadataRefused e) {
            throw new ConfigException(folder, e.getMessage());
        }
    }

    /** A local folder, refused as a whole (so its last good copy stays) when one file cannot be parsed. */
    public List<SpMetadata> readFolder(Path folder, Instant now, Consumer<String> dropped) throws MetadataRefused {
        if (!Files.isDirectory(folder)) {
            throw new MetadataRefused("metadata folder " + folder + " not found");
        }
        List<SpMetadata> all = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".xml")).sorted().toList()) {
                for (SpMetadata sp : readFile(file, now, dropped)) {
                    if (seen.add(sp.entityId())) {
                        all.add(sp);
                    } else {
                        dropped.accept(file.getFileName() + ": entity " + sp.entityId()
                                + " dropped: its entityID appears in more than one file");
                    }
                }
            }
        } catch (IOException e) {
            throw new MetadataRefused("cannot list the metadata folder " + folder);
        }
        return all;
    }

    public List<SpMetadata> readFile(Path file, Instant now, Consumer<String> dropped) throws MetadataRefused {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new MetadataRefused(file.getFileName() + " cannot be read");
        }
        String source = file.getFileName().toString();
        return entities(parse(bytes, source), source, now, dropped);
    }

    /** Parses with the hardened pool: no DOCTYPE, depth and size limits (HardenedParserPool). */
    public XMLObject parse(byte[] document, String source) throws MetadataRefused {
        try {
            XMLObject root = XMLObjectSupport.unmarshallFromInputStream(parserPool, new ByteArrayInputStream(document));
            if (!(root instanceof EntityDescriptor) && !(root instanceof EntitiesDescriptor)) {
                throw new MetadataRefused(source + ": root element must be md:EntityDescriptor or md:EntitiesDescriptor");
            }
            return root;
        } catch (XMLParserException e) {
            throw new MetadataRefused(source + " is not well-formed XML (or has a DOCTYPE, which is refused)");
        } catch (UnmarshallingException e) {
            throw new MetadataRefused(source + " is not SAML metadata");
        }
    }

    /** The usable SAML 2.0 SPs of a parsed document; the others are reported to {@code dropped}. */
    public List<SpMetadata> entities(XMLObject root, String source, Instant now, Consumer<String> dropped)
            throws MetadataRefused {
        List<EntityDescriptor> entities = new ArrayList<>();
        if (root instanceof EntityDescriptor entity) {
            entities.add(entity);
        } else if (root instanceof EntitiesDescriptor group) {
            collect(group, now, entities, source, dropped);
        }
        List<SpMetadata> result = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (EntityDescriptor entity : entities) {
            String entityId = entity.getEntityID();
            try {
                if (entityId == null || entityId.isBlank()) {
                    throw new MetadataRefused("an EntityDescriptor has no entityID");
                }
                if (EntityId.from(entityId).isEmpty()) {
                    // OpenSAML already trims entityID and refuses one over 1024 characters; this keeps
                    // RegisteredSp.entityId() total should a parser ever let one through.
                    throw new MetadataRefused("its entityID is longer than " + EntityId.MAX_LENGTH
                            + " characters or starts or ends with whitespace");
                }
                if (!seen.add(entityId)) {
                    throw new MetadataRefused("its entityID appears twice");
                }
                if (entity.getValidUntil() != null && !entity.getValidUntil().isAfter(now)) {
                    throw new MetadataRefused("its validUntil " + entity.getValidUntil() + " has passed");
                }
                SPSSODescriptor sp = entity.getSPSSODescriptor(SAMLConstants.SAML20P_NS);
                if (sp == null) {
                    throw new MetadataRefused("it has no SAML 2.0 SPSSODescriptor");
                }
                result.add(toSpMetadata(source, entityId, sp));
            } catch (MetadataRefused e) {
                dropped.accept(source + ": entity " + (entityId == null ? "(none)" : entityId) + " dropped: "
                        + e.getMessage());
            }
        }
        return result;
    }

    private static void collect(EntitiesDescriptor group, Instant now, List<EntityDescriptor> into, String source,
            Consumer<String> dropped) {
        if (group.getValidUntil() != null && !group.getValidUntil().isAfter(now)) {
            dropped.accept(source + ": group " + group.getName() + " dropped: its validUntil has passed");
            return;
        }
        into.addAll(group.getEntityDescriptors());
        group.getEntitiesDescriptors().forEach(g -> collect(g, now, into, source, dropped));
    }

    private static SpMetadata toSpMetadata(String source, String entityId, SPSSODescriptor sp) throws MetadataRefused {
        List<AcsEndpoint> acs = new ArrayList<>();
        for (AssertionConsumerService service : sp.getAssertionConsumerServices()) {
            requireHttps(service.getLocation(), "AssertionConsumerService Location");
            acs.add(new AcsEndpoint(service.getLocation(), service.getBinding(),
                    service.getIndex() == null ? 0 : service.getIndex(), service.isDefaultXSBoolean() == null ? null
                            : service.isDefault()));
        }
        List<SloEndpoint> slo = new ArrayList<>();
        for (SingleLogoutService service : sp.getSingleLogoutServices()) {
            // Logout messages carry the NameID and SessionIndex: only over TLS, like assertions.
            requireHttps(service.getLocation(), "SingleLogoutService Location");
            if (service.getResponseLocation() != null) {
                requireHttps(service.getResponseLocation(), "SingleLogoutService ResponseLocation");
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
                throw new MetadataRefused("a KeyDescriptor holds a certificate that cannot be decoded");
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
                source, slo);
    }

    private static void requireHttps(String location, String what) throws MetadataRefused {
        if (location == null || !location.startsWith("https://")) {
            throw new MetadataRefused(what + " must be an https URL");
        }
    }
}
