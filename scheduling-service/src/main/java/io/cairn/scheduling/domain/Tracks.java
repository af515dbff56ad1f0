package io.cairn.scheduling.domain;

import io.cairn.kit.problem.InvalidRequestException;
import io.cairn.kit.problem.ResourceNotFoundException;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;

/** Keeps the program's tracks. */
@ApplicationScoped
public class Tracks {

    @Transactional
    public Track create(Track track) {
        for (int i = 0; i < track.blocks.size(); i++) {
            if (!track.blocks.get(i).end().isAfter(track.blocks.get(i).start())) {
                throw new InvalidRequestException("blocks[" + i + "].end", "must be after start");
            }
        }
        if (track.activeUntil != null && track.activeUntil.isBefore(track.activeFrom)) {
            throw new InvalidRequestException("activeUntil", "must not be before activeFrom");
        }
        track.id = UUID.randomUUID();
        track.persist();
        return track;
    }

    @Transactional
    public List<Track> all() {
        return Track.listAll(Sort.ascending("name"));
    }

    @Transactional
    public Track get(UUID id) {
        Track track = Track.findById(id);
        if (track == null) {
            throw new ResourceNotFoundException("Track", id);
        }
        return track;
    }
}
