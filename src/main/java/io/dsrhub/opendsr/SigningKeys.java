package io.dsrhub.opendsr;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;

/**
 * The key and X.509 certificate the hub signs its OpenDSR responses with. In production both come from the
 * environment as PEM text (a certificate for the processor domain, issued by a CA the callers trust); the embedded
 * profile makes a self-signed pair once and keeps it under the data directory.
 */
public final class SigningKeys {

    private final PrivateKey privateKey;
    private final X509Certificate certificate;

    private SigningKeys(PrivateKey privateKey, X509Certificate certificate) {
        this.privateKey = privateKey;
        this.certificate = certificate;
    }

    public PrivateKey privateKey() {
        return privateKey;
    }

    public X509Certificate certificate() {
        return certificate;
    }

    public String certificatePem() {
        return pem(certificate);
    }

    public static SigningKeys fromPem(String privateKeyPem, String certificatePem) {
        try (PEMParser keys = new PEMParser(new StringReader(privateKeyPem));
                PEMParser certs = new PEMParser(new StringReader(certificatePem))) {
            Object key = keys.readObject();
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            PrivateKey privateKey = key instanceof PEMKeyPair pair ? converter.getKeyPair(pair).getPrivate()
                    : converter.getPrivateKey((PrivateKeyInfo) key);
            X509Certificate certificate = new JcaX509CertificateConverter()
                    .getCertificate((X509CertificateHolder) certs.readObject());
            return new SigningKeys(privateKey, certificate);
        } catch (IOException | CertificateException | ClassCastException | NullPointerException e) {
            throw new IllegalArgumentException("the OpenDSR signing key or certificate is not valid PEM: "
                    + e.getClass().getSimpleName(), e);
        }
    }

    /** Loads the embedded profile's pair from {@code directory}, making a self-signed one the first time. */
    public static SigningKeys selfSigned(Path directory, String domain) {
        Path keyFile = directory.resolve("opendsr-key.pem");
        Path certFile = directory.resolve("opendsr-cert.pem");
        try {
            if (Files.exists(keyFile) && Files.exists(certFile)) {
                return fromPem(Files.readString(keyFile), Files.readString(certFile));
            }
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(3072);
            KeyPair pair = generator.generateKeyPair();
            X500Name name = new X500Name("CN=" + domain);
            Instant now = Instant.now();
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name,
                    new BigInteger(64, new SecureRandom()), Date.from(now.minus(Duration.ofDays(1))),
                    Date.from(now.plus(Duration.ofDays(825))), name, pair.getPublic());
            builder.addExtension(Extension.subjectAlternativeName, false,
                    new GeneralNames(new GeneralName(GeneralName.dNSName, domain)));
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
            Files.createDirectories(directory);
            Files.writeString(keyFile, pem(pair.getPrivate()), StandardCharsets.US_ASCII);
            Files.writeString(certFile, pem(certificate), StandardCharsets.US_ASCII);
            return new SigningKeys(pair.getPrivate(), certificate);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException | OperatorCreationException | CertificateException e) {
            throw new IllegalStateException("cannot make the OpenDSR signing certificate", e);
        }
    }

    private static String pem(Object object) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(object);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
