package io.launchpad.matching.indexes;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;

/**
 * An SSL context that trusts the CA a secured cluster's certificates come from (ECK and
 * compose make their own).
 */
final class ClusterCertificates {

    private ClusterCertificates() {
    }

    static SSLContext trusting(Path caPem) {
        try (InputStream pem = Files.newInputStream(caPem)) {
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            int i = 0;
            for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(pem)) {
                trusted.setCertificateEntry("elasticsearch-ca-" + i++, certificate);
            }
            if (i == 0) {
                throw new IllegalStateException("No certificate in " + caPem + " (ELASTICSEARCH_CA_CERT)");
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read the Elasticsearch CA certificate " + caPem, e);
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot trust the Elasticsearch CA certificate " + caPem, e);
        }
    }

}
