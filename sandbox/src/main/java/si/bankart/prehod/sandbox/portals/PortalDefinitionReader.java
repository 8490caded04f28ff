package si.bankart.prehod.sandbox.portals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import net.shibboleth.utilities.java.support.xml.ParserPool;
import net.shibboleth.utilities.java.support.xml.XMLParserException;
import org.opensaml.core.xml.XMLObject;
import org.opensaml.core.xml.io.UnmarshallingException;
import org.opensaml.core.xml.util.XMLObjectSupport;
import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.saml.saml2.metadata.AssertionConsumerService;
import org.opensaml.saml.saml2.metadata.EntityDescriptor;
import org.opensaml.saml.saml2.metadata.SPSSODescriptor;
import org.opensaml.saml.saml2.metadata.SingleLogoutService;

import si.bankart.prehod.config.ConfigException;
import si.bankart.prehod.config.YamlFiles;
import si.bankart.prehod.sp.RelyingPartiesFile;
import si.bankart.prehod.sp.RelyingPartyPolicy;
import si.bankart.prehod.xml.OpenSamlRuntime;

/**
 * Builds the portals' definitions from the files the IdP itself trusts: {@code metadata/<id>.xml} (entity ID,
 * HTTP-POST ACS URL and HTTP-Redirect SingleLogoutService URL), {@code sandbox/sandbox-only-keys/<id>.{crt,key}} and the display names in
 * {@code conf/relying-parties.yaml}.
 *
 * <p>The entity IDs and ACS URLs are taken from the metadata as they stand, port 8500 included, even when the portals
 * listen on another port: the IdP only answers an AuthnRequest whose ACS URL is the one in the metadata, and posts
 * its Response there. A launcher that moves the portals to another port must therefore also give the IdP metadata
 * whose ACS and SLO Locations name that port (and read the definitions from it), as the tests do.
 */
public final class PortalDefinitionReader {

    /** The bank's six portals, in the order the sandbox lists them. */
    public static final List<String> SANDBOX_PORTALS = List.of("acq", "b2b", "bips", "bws", "cms", "esq");

    /** CMS web and Bankomati/ESQ ask for their own username and password after SSO, as the real applications do. */
    private static final Set<String> ASK_OWN_PASSWORD = Set.of("cms", "esq");

    private final Path metadataDir;
    private final Path keysDir;
    private final Path relyingPartiesFile;

    public PortalDefinitionReader(Path metadataDir, Path keysDir, Path relyingPartiesFile) {
        this.metadataDir = metadataDir;
        this.keysDir = keysDir;
        this.relyingPartiesFile = relyingPartiesFile;
    }

    /** The files as they stand in the repository (or an installation) at {@code root}. */
    public static PortalDefinitionReader repository(Path root) {
        return new PortalDefinitionReader(root.resolve("metadata"), root.resolve("sandbox/sandbox-only-keys"),
                root.resolve("conf/relying-parties.yaml"));
    }

    /** All six sandbox portals; a missing or inconsistent file stops with the file and what is wrong. */
    public List<PortalDefinition> readAll() {
        return read(SANDBOX_PORTALS);
    }

    public List<PortalDefinition> read(List<String> ids) {
        ParserPool parserPool = OpenSamlRuntime.initialize();
        RelyingPartiesFile policies = new YamlFiles(Map.of()).read(relyingPartiesFile, RelyingPartiesFile.class);
        List<PortalDefinition> definitions = new ArrayList<>();
        for (String id : ids) {
            Path metadataFile = metadataDir.resolve(id + ".xml");
            EntityDescriptor entity = entity(parserPool, metadataFile);
            RelyingPartyPolicy policy = policies.relyingParties().stream()
                    .filter(p -> p.entityId().equals(entity.getEntityID()))
                    .findFirst()
                    .orElseThrow(() -> new ConfigException(relyingPartiesFile, "no entry for " + entity.getEntityID()));
            definitions.add(new PortalDefinition(id, policy.displayName(), entity.getEntityID(),
                    postAcs(entity, metadataFile), redirectSlo(entity, metadataFile), keysDir.resolve(id + ".crt"), keysDir.resolve(id + ".key"),
                    ASK_OWN_PASSWORD.contains(id)));
        }
        return List.copyOf(definitions);
    }

    private static EntityDescriptor entity(ParserPool parserPool, Path file) {
        XMLObject root;
        try (InputStream in = Files.newInputStream(file)) {
            root = XMLObjectSupport.unmarshallFromInputStream(parserPool, in);
        } catch (IOException e) {
            throw new ConfigException(file, "metadata file cannot be read");
        } catch (XMLParserException | UnmarshallingException e) {
            throw new ConfigException(file, "is not SAML metadata");
        }
        if (!(root instanceof EntityDescriptor entity)) {
            throw new ConfigException(file, "must hold one EntityDescriptor");
        }
        return entity;
    }

    private static String postAcs(EntityDescriptor entity, Path file) {
        List<AssertionConsumerService> post = sp(entity, file).getAssertionConsumerServices().stream()
                .filter(acs -> SAMLConstants.SAML2_POST_BINDING_URI.equals(acs.getBinding()))
                .toList();
        return post.stream()
                .filter(acs -> Boolean.TRUE.equals(acs.isDefault()))
                .findFirst()
                .or(() -> post.stream().findFirst())
                .map(AssertionConsumerService::getLocation)
                .orElseThrow(() -> new ConfigException(file, "has no HTTP-POST AssertionConsumerService"));
    }

    /** The portals serve single logout over HTTP-Redirect only: the IdP sends LogoutRequests and LogoutResponses there. */
    private static String redirectSlo(EntityDescriptor entity, Path file) {
        return sp(entity, file).getSingleLogoutServices().stream()
                .filter(slo -> SAMLConstants.SAML2_REDIRECT_BINDING_URI.equals(slo.getBinding()))
                .findFirst()
                .map(SingleLogoutService::getLocation)
                .orElseThrow(() -> new ConfigException(file, "has no HTTP-Redirect SingleLogoutService"));
    }

    private static SPSSODescriptor sp(EntityDescriptor entity, Path file) {
        SPSSODescriptor sp = entity.getSPSSODescriptor(SAMLConstants.SAML20P_NS);
        if (sp == null) {
            throw new ConfigException(file, "has no SAML 2.0 SPSSODescriptor");
        }
        return sp;
    }
}
