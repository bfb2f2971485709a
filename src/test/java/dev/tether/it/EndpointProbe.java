package dev.tether.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Readiness as a user sees it: a plain GET of a WebSocket endpoint answers 426 (Upgrade Required), which
 * only Tether's servlet says, so the server listens, the WAR is deployed and its endpoints are mapped.
 */
final class EndpointProbe implements ServerProcess.Probe {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final URI endpoint;
    private final Supplier<String> deploymentFailure;

    /**
     * @param deploymentFailure a check of the server's log or files that returns why the deployment failed,
     *     or null while it has not: a failed deployment fails the wait at once instead of at its time limit
     */
    EndpointProbe(URI endpoint, Supplier<String> deploymentFailure) {
        this.endpoint = endpoint;
        this.deploymentFailure = deploymentFailure;
    }

    @Override
    public boolean ready() throws Exception {
        String failure = deploymentFailure.get();
        if (failure != null) throw new AssertionError("deployment failed: " + failure);
        // A short timeout: servers bind their port before they deploy, and a probe connected meanwhile would wait
        // there, blurring the measured start-up time; a slow answer is simply asked again.
        HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(1)).GET().build(),
                HttpResponse.BodyHandlers.discarding());
        return response.statusCode() == 426;
    }
}
