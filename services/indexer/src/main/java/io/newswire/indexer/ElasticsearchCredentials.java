package io.newswire.indexer;

import io.quarkus.elasticsearch.restclient.lowlevel.ElasticsearchClientConfig;
import jakarta.enterprise.context.Dependent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.http.impl.nio.client.HttpAsyncClientBuilder;
import org.apache.http.message.BasicHeader;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.elasticsearch.client.RestClientBuilder;

/**
 * How the indexer proves itself to a secured Elasticsearch and trusts its certificate, beside
 * Quarkus's own {@code quarkus.elasticsearch.username}/{@code password} and {@code protocol}:
 *
 * <ul>
 *   <li>{@code newswire.indexer.elasticsearch-api-key}: the {@code encoded} value of an API key
 *       ({@code POST /_security/api_key}), sent as {@code Authorization: ApiKey ...};
 *   <li>{@code newswire.indexer.elasticsearch-ca-file}: a PEM file of the CA certificate(s) the
 *       cluster's HTTPS certificate is signed with (Elasticsearch's {@code http_ca.crt}).
 * </ul>
 */
@ElasticsearchClientConfig
@Dependent
public class ElasticsearchCredentials implements RestClientBuilder.HttpClientConfigCallback {
  private final Optional<String> apiKey;
  private final Optional<String> caFile;

  public ElasticsearchCredentials(
      @ConfigProperty(name = "newswire.indexer.elasticsearch-api-key") Optional<String> apiKey,
      @ConfigProperty(name = "newswire.indexer.elasticsearch-ca-file") Optional<String> caFile) {
    this.apiKey = apiKey.filter(k -> !k.isBlank());
    this.caFile = caFile.filter(f -> !f.isBlank());
  }

  @Override
  public HttpAsyncClientBuilder customizeHttpClient(HttpAsyncClientBuilder builder) {
    apiKey.ifPresent(
        key ->
            builder.setDefaultHeaders(
                List.of(new BasicHeader("Authorization", "ApiKey " + key.strip()))));
    caFile.ifPresent(file -> builder.setSSLContext(trusting(Path.of(file))));
    return builder;
  }

  static SSLContext trusting(Path pem) {
    try (InputStream in = Files.newInputStream(pem)) {
      KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
      trust.load(null, null);
      int i = 0;
      for (Certificate cert : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        trust.setCertificateEntry("ca-" + i++, cert);
      }
      if (i == 0) {
        throw new IllegalArgumentException(
            "no certificate in " + pem + " (newswire.indexer.elasticsearch-ca-file)");
      }
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trust);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, tmf.getTrustManagers(), null);
      return context;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read newswire.indexer.elasticsearch-ca-file " + pem, e);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException(
          "newswire.indexer.elasticsearch-ca-file "
              + pem
              + " is not a PEM CA certificate: "
              + e.getMessage(),
          e);
    }
  }
}
