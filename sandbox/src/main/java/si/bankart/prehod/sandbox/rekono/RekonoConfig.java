package si.bankart.prehod.sandbox.rekono;

import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import si.bankart.prehod.sandbox.rekono.factor.FactorLockPolicy;

/**
 * How to start the Rekono stand-in.
 *
 * @param bindAddress       address both connectors listen on (the sandbox uses 127.0.0.1)
 * @param httpsPort         the OIDC provider and the login pages (default 9443; 0 picks a free port)
 * @param certificatePort   the certificate factor, whose TLS connector asks for (but does not require) a client
 *                          certificate (default 9444; 0 picks a free port)
 * @param tlsKeyStore       server key and certificate chain for both connectors, valid for "localhost"
 * @param tlsKeyPassword    password of the key store and its key
 * @param trustAnchors      CAs whose client certificates the certificate port accepts
 * @param clientsFile       rekono-clients.yaml
 * @param accountsFile      rekono-accounts.yaml
 * @param extraClientUris   redirect URIs added to registered clients, e.g. for an IdP on other ports
 * @param environment       where ${NAME:-default} secrets in the clients file are looked up
 * @param clock             every expiry and timestamp
 * @param random            every code, id, key and secret
 * @param factorLock        how many wrong SMS or OnePass codes lock that factor of an account, and for how long
 */
public record RekonoConfig(
        String bindAddress,
        int httpsPort,
        int certificatePort,
        KeyStore tlsKeyStore,
        char[] tlsKeyPassword,
        Set<X509Certificate> trustAnchors,
        Path clientsFile,
        Path accountsFile,
        List<ExtraClientUris> extraClientUris,
        Map<String, String> environment,
        Clock clock,
        SecureRandom random,
        FactorLockPolicy factorLock) {

    public static final String LOOPBACK = "127.0.0.1";
    public static final int DEFAULT_HTTPS_PORT = 9443;
    public static final int DEFAULT_CERTIFICATE_PORT = 9444;

    public RekonoConfig {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(tlsKeyStore, "tlsKeyStore");
        Objects.requireNonNull(tlsKeyPassword, "tlsKeyPassword");
        Objects.requireNonNull(clientsFile, "clientsFile");
        Objects.requireNonNull(accountsFile, "accountsFile");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(random, "random");
        factorLock = factorLock == null ? FactorLockPolicy.DEFAULT : factorLock;
        trustAnchors = Set.copyOf(trustAnchors);
        extraClientUris = List.copyOf(extraClientUris);
        environment = Map.copyOf(environment);
        if (httpsPort < 0 || httpsPort > 65535 || certificatePort < 0 || certificatePort > 65535) {
            throw new IllegalArgumentException("ports must be 0..65535, were " + httpsPort + " and " + certificatePort);
        }
    }

    /**
     * The sandbox defaults: 127.0.0.1, ports 9443 and 9444, the files in {@code confDirectory}, the process environment,
     * the system clock and a new SecureRandom.
     */
    public static RekonoConfig defaults(KeyStore tlsKeyStore, char[] tlsKeyPassword, Set<X509Certificate> trustAnchors,
            Path confDirectory) {
        return new RekonoConfig(LOOPBACK, DEFAULT_HTTPS_PORT, DEFAULT_CERTIFICATE_PORT, tlsKeyStore, tlsKeyPassword,
                trustAnchors, confDirectory.resolve("rekono-clients.yaml"), confDirectory.resolve("rekono-accounts.yaml"),
                List.of(), System.getenv(), Clock.systemUTC(), new SecureRandom(), FactorLockPolicy.DEFAULT);
    }

    public RekonoConfig withPorts(int https, int certificate) {
        return new RekonoConfig(bindAddress, https, certificate, tlsKeyStore, tlsKeyPassword, trustAnchors, clientsFile,
                accountsFile, extraClientUris, environment, clock, random, factorLock);
    }

    public RekonoConfig withClientsFile(Path file) {
        return new RekonoConfig(bindAddress, httpsPort, certificatePort, tlsKeyStore, tlsKeyPassword, trustAnchors, file,
                accountsFile, extraClientUris, environment, clock, random, factorLock);
    }

    public RekonoConfig withExtraClientUris(List<ExtraClientUris> extras) {
        return new RekonoConfig(bindAddress, httpsPort, certificatePort, tlsKeyStore, tlsKeyPassword, trustAnchors,
                clientsFile, accountsFile, extras, environment, clock, random, factorLock);
    }

    public RekonoConfig withClock(Clock newClock) {
        return new RekonoConfig(bindAddress, httpsPort, certificatePort, tlsKeyStore, tlsKeyPassword, trustAnchors,
                clientsFile, accountsFile, extraClientUris, environment, newClock, random, factorLock);
    }

    public RekonoConfig withFactorLock(FactorLockPolicy policy) {
        return new RekonoConfig(bindAddress, httpsPort, certificatePort, tlsKeyStore, tlsKeyPassword, trustAnchors,
                clientsFile, accountsFile, extraClientUris, environment, clock, random, policy);
    }

    @Override
    public String toString() {
        return "RekonoConfig[" + bindAddress + ":" + httpsPort + "/" + certificatePort + ", " + clientsFile + ", "
                + accountsFile + "]";
    }
}
