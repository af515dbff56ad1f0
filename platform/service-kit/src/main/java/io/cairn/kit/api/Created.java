package io.cairn.kit.api;

import java.net.URI;
import org.jboss.resteasy.reactive.RestResponse;

/** 201 with the new resource in the body and its address, relative to the API root, in {@code Location}. */
public final class Created {

    private Created() {
    }

    public static <T> RestResponse<T> at(String path, T body) {
        return RestResponse.ResponseBuilder.<T> created(URI.create(ApiPaths.V1 + "/" + path)).entity(body).build();
    }
}
