package io.cairn.systemtests.attacks;

import io.cairn.systemtests.Platform;
import io.cairn.systemtests.faults.Api;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** Sends a request exactly as built, body bytes and headers included, through the gateway. */
final class RawRequests {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private RawRequests() {
    }

    /** {@code token} may be null (no Authorization header); a transport failure has status 0. */
    static Api.Answer send(HostileRequests.HostileRequest request, String token, Map<String, String> headers) {
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(Platform.GATEWAY + request.path()))
                    .timeout(Duration.ofSeconds(30)).header("Accept", "application/json");
            if (token != null) {
                builder.header("Authorization", "Bearer " + token);
            }
            if (request.contentType() != null) {
                builder.header("Content-Type", request.contentType());
            }
            headers.forEach(builder::setHeader);
            builder.method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(request.body()));
            HttpResponse<String> response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Api.Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                    response.body());
        } catch (IOException | IllegalArgumentException e) {
            return new Api.Answer(0, null, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Api.Answer(0, null, e.toString());
        }
    }
}
