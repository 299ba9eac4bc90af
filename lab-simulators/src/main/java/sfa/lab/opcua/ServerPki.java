package sfa.lab.opcua;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Period;
import java.util.List;

import org.eclipse.milo.opcua.stack.core.security.CertificateManager;
import org.eclipse.milo.opcua.stack.core.security.DefaultApplicationGroup;
import org.eclipse.milo.opcua.stack.core.security.DefaultCertificateManager;
import org.eclipse.milo.opcua.stack.core.security.DefaultServerCertificateValidator;
import org.eclipse.milo.opcua.stack.core.security.FileBasedCertificateQuarantine;
import org.eclipse.milo.opcua.stack.core.security.FileBasedTrustListManager;
import org.eclipse.milo.opcua.stack.core.security.KeyStoreCertificateStore;
import org.eclipse.milo.opcua.stack.core.security.RsaSha256CertificateFactory;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;

/**
 * Server PKI on disk (layout follows the usual OPC UA "pki" convention):
 *
 * <pre>
 * pki/own/server.pfx        application instance key + self-signed cert (PKCS#12, created on first start)
 * pki/trusted/certs, crl    trusted client certificates (watched at runtime by FileBasedTrustListManager)
 * pki/issuer/certs, crl     CA certificates/CRLs
 * pki/rejected              rejected client certificates (FileBasedCertificateQuarantine)
 * </pre>
 *
 * Milo 1.1.2: {@link DefaultApplicationGroup#initialize()} asks the {@link KeyStoreCertificateStore} whether an
 * entry for RsaSha256ApplicationCertificateType exists; only if not does it call the CertificateFactory and
 * persist the result. That gives "generate on first start, reuse afterwards" for free.
 */
public final class ServerPki implements AutoCloseable {

    private final Path pkiDir;
    private final FileBasedTrustListManager trustListManager;
    private final KeyStoreCertificateStore certificateStore;
    private final DefaultApplicationGroup applicationGroup;
    private final DefaultCertificateManager certificateManager;

    private ServerPki(Path pkiDir, FileBasedTrustListManager tlm, KeyStoreCertificateStore store,
                      DefaultApplicationGroup group, DefaultCertificateManager manager) {
        this.pkiDir = pkiDir;
        this.trustListManager = tlm;
        this.certificateStore = store;
        this.applicationGroup = group;
        this.certificateManager = manager;
    }

    /**
     * @param applicationUri must equal the server's ApplicationUri (goes into the SAN URI of the certificate)
     * @param dnsNames       SAN DNS names (e.g. "localhost", the machine host name)
     * @param ipAddresses    SAN IP addresses (e.g. "127.0.0.1")
     * @param keyStorePassword password of pki/own/server.pfx (and of the key entry)
     */
    public static ServerPki createAndInitialize(Path pkiDir, String applicationUri, String commonName,
                                                List<String> dnsNames, List<String> ipAddresses,
                                                char[] keyStorePassword,
                                                java.util.function.Consumer<X509Certificate> onRejected) throws Exception {
        Files.createDirectories(pkiDir.resolve("own"));
        Path rejectedDir = Files.createDirectories(pkiDir.resolve("rejected"));

        // Creates pki/issuer/{certs,crl} + pki/trusted/{certs,crl} and starts a WatchService thread
        // ("milo-trust-list-watcher") that re-reads the directories when files are added/removed.
        FileBasedTrustListManager trustListManager = FileBasedTrustListManager.createAndInitialize(pkiDir);

        // Rejected (untrusted) client certificates are written here as <thumbprint>.der
        FileBasedCertificateQuarantine files = FileBasedCertificateQuarantine.create(rejectedDir);
        // Tell someone: an unknown certificate is the most common reason a student's client cannot connect.
        var quarantine = new org.eclipse.milo.opcua.stack.core.security.CertificateQuarantine() {
            @Override
            public List<X509Certificate> getRejectedCertificates() {
                return files.getRejectedCertificates();
            }

            @Override
            public void addRejectedCertificate(X509Certificate certificate) {
                files.addRejectedCertificate(certificate);
                onRejected.accept(certificate);
            }

            @Override
            public void removeRejectedCertificate(X509Certificate certificate) {
                files.removeRejectedCertificate(certificate);
            }
        };

        KeyStoreCertificateStore certificateStore = KeyStoreCertificateStore.createAndInitialize(
            new KeyStoreCertificateStore.Settings(
                pkiDir.resolve("own").resolve("server.pfx"),
                () -> keyStorePassword,
                alias -> keyStorePassword));

        // Only called by DefaultApplicationGroup.initialize() when the store has no entry yet.
        RsaSha256CertificateFactory certificateFactory = new RsaSha256CertificateFactory() {
            @Override
            protected X509Certificate[] createRsaSha256CertificateChain(KeyPair keyPair) throws Exception {
                SelfSignedCertificateBuilder builder = new SelfSignedCertificateBuilder(keyPair)
                    .setCommonName(commonName)
                    .setOrganization("Smart Factory Academy")
                    .setApplicationUri(applicationUri)   // SAN URI == ApplicationUri (checked by clients)
                    .setValidityPeriod(Period.ofYears(5));
                dnsNames.forEach(builder::addDnsName);   // SAN DNS (checked against endpoint URL host)
                ipAddresses.forEach(builder::addIpAddress);
                return new X509Certificate[]{builder.build()};
            }
        };

        // Validates *client* certificates on OpenSecureChannel; failures go to the quarantine (rejected/).
        var certificateValidator = new DefaultServerCertificateValidator(trustListManager, quarantine);

        DefaultApplicationGroup applicationGroup = DefaultApplicationGroup.createAndInitialize(
            trustListManager, certificateStore, certificateFactory, certificateValidator);

        var certificateManager = new DefaultCertificateManager(quarantine, applicationGroup);

        return new ServerPki(pkiDir, trustListManager, certificateStore, applicationGroup, certificateManager);
    }

    public CertificateManager certificateManager() {
        return certificateManager;
    }

    /** The application instance certificate (leaf of the default application group's only entry). */
    public X509Certificate serverCertificate() {
        return applicationGroup.getCertificateEntries().getFirst().certificateChain[0];
    }

    public Path pkiDir() {
        return pkiDir;
    }

    public Path trustedCertsDir() {
        return pkiDir.resolve("trusted").resolve("certs");
    }

    public Path rejectedDir() {
        return pkiDir.resolve("rejected");
    }

    @Override
    public void close() throws IOException {
        trustListManager.close();   // stops the watcher thread
        certificateStore.close();
    }
}
