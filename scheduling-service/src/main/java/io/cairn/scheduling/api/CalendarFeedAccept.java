package io.cairn.scheduling.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A calendar feed has one representation, so its answer does not depend on {@code Accept} (RFC 9110 §12.5.1 lets a
 * server disregard it): a calendar app's header, or a generated client's that lists only
 * {@code application/problem+json} (openapi-generator's Kotlin client does), gets the feed, not a 406.
 */
public class CalendarFeedAccept {

    @ServerRequestFilter(preMatching = true)
    void acceptTheFeed(ContainerRequestContext request) {
        if (request.getUriInfo().getPath().endsWith(".ics")) {
            request.getHeaders().putSingle(HttpHeaders.ACCEPT, ICalendar.MEDIA_TYPE + ", application/problem+json");
        }
    }
}
