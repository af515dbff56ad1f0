package io.cairn.kit.api;

import io.cairn.kit.problem.InvalidRequestException;
import jakarta.ws.rs.core.EntityTag;

/**
 * A record's version as its {@code ETag}, and back from {@code If-Match}: a client sends the one it read, and a
 * change based on an older one is refused (412) rather than silently overwriting another's.
 */
public final class Versions {

    private Versions() {
    }

    public static EntityTag etag(int version) {
        return new EntityTag(String.valueOf(version));
    }

    /**
     * The version an {@code If-Match} names, {@code "3"} or {@code W/"3"}; {@code null} when none was sent.
     *
     * @param record what the tag is of, for the error, e.g. "plan"
     * @throws InvalidRequestException when it names no version
     */
    public static Integer ifMatch(String header, String record) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(header.replace("W/", "").replace("\"", "").strip());
        } catch (NumberFormatException e) {
            throw new InvalidRequestException("If-Match", "must be the ETag of the " + record + ", e.g. \"3\"");
        }
    }
}
