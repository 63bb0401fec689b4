package dev.orathin.internal.config;

import dev.orathin.ConfigurationProvider;
import dev.orathin.CoreErrorCode;
import dev.orathin.OrathinUsageException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * {@code config-https://host/path}: the document fetched with an HTTPS GET (the JDK's HTTP client
 * and default trust, so a corporate CA in the JDK trust store works), bounded in time and size.
 * Plain HTTP is refused: the document may hold secrets and steers where the client connects.
 * ({@code ?key=} picks a member of the document, as for files; the query is not sent.)
 */
final class HttpsProvider implements ConfigurationProvider {

    /** Bound on connecting and on the whole answer. */
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Override
    public String scheme() {
        return "https";
    }

    @Override
    public String load(String location, Map<String, String> options) {
        URI uri;
        try {
            uri = URI.create("https://" + location);
        } catch (IllegalArgumentException e) {
            throw new OrathinUsageException(CoreErrorCode.CONFIG_SOURCE, "config-https://" + location + ": not a valid URL ("
                    + e.getMessage() + ")");
        }
        HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build();
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Accept", "application/json").GET().build();
        try {
            HttpResponse<InputStream> r = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = r.body()) {
                if (r.statusCode() != 200) {
                    throw new OrathinUsageException(CoreErrorCode.CONFIG_SOURCE, "config-https://" + location + ": the server answered"
                            + " HTTP " + r.statusCode() + ", expected 200 with the JSON document");
                }
                byte[] bytes = dev.orathin.io.BoundedFiles.read(body, CentralConfig.MAX_DOCUMENT, "config-https://" + location);
                return new String(bytes, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new OrathinUsageException(CoreErrorCode.CONFIG_SOURCE, "config-https://" + location + ": cannot fetch the document ("
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OrathinUsageException(CoreErrorCode.CONFIG_SOURCE, "config-https://" + location + ": interrupted while fetching");
        }
    }
}
