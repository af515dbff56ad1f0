package io.cairn.fhir;

import io.cairn.kit.api.ApiPaths;
import io.cairn.kit.api.ListWindow;
import io.cairn.kit.api.PageOf;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.Bundle.SearchEntryMode;
import org.hl7.fhir.r4.model.Resource;

/**
 * One page of a FHIR search as a {@code searchset} Bundle: the total, the page's matches with their full URLs, and
 * {@code self}, {@code previous} and {@code next} links that repeat the search with another {@code _page}.
 */
public final class SearchBundles {

    /** The search parameters that page: how many per page, and which page (from 0). */
    public static final String COUNT = "_count";
    public static final String PAGE = "_page";
    /** Where a window starts, in matches: asked by the gateway of each service whose matches it merges. */
    public static final String OFFSET = "_offset";

    private SearchBundles() {
    }

    public static <T> Bundle of(PageOf<T> page, Function<T, ? extends Resource> toResource, UriInfo uri) {
        Bundle bundle = new Bundle().setType(BundleType.SEARCHSET).setTotal((int) page.total());
        bundle.addLink().setRelation("self").setUrl(pageLink(uri, page.page()));
        // A count-only search (_count=0) has no pages to link to.
        if (page.page() > 0 && page.size() > 0) {
            bundle.addLink().setRelation("previous").setUrl(pageLink(uri, page.page() - 1));
        }
        if (page.size() > 0 && (long) (page.page() + 1) * page.size() < page.total()) {
            bundle.addLink().setRelation("next").setUrl(pageLink(uri, page.page() + 1));
        }
        for (T item : page.items()) {
            Resource resource = toResource.apply(item);
            bundle.addEntry().setFullUrl(resourceUrl(uri, resource.fhirType(), resource.getIdElement().getIdPart()))
                    .setResource(resource).getSearch().setMode(SearchEntryMode.MATCH);
        }
        return bundle;
    }

    /**
     * A search whose matches are few enough to load at once (a patient's plans, say): those {@code _id} and
     * {@code _lastUpdated} select, in the order {@code _sort} asks, paged here by the request's {@code _count} and
     * {@code _page}.
     */
    public static <T> Bundle ofAll(List<T> matches, SearchParameters search,
            Function<T, ? extends Resource> toResource, UriInfo uri) {
        return ofAll(matches, search, toResource, uri, page -> List.of());
    }

    /**
     * {@link #ofAll(List, SearchParameters, Function, UriInfo)} with the resources the page's matches bring along
     * ({@code _include}, {@code _revinclude}), each once, after the matches.
     */
    public static <T> Bundle ofAll(List<T> matches, SearchParameters search,
            Function<T, ? extends Resource> toResource, UriInfo uri,
            Function<List<T>, List<? extends Resource>> included) {
        return ofAll(matches, search, toResource, uri, page -> {
        }, included);
    }

    /**
     * {@link #ofAll(List, SearchParameters, Function, UriInfo, Function)} of matches loaded without recording their
     * reads: {@code answered} records those of the page, the records the caller gets, and no others (a count-only
     * search, none).
     */
    public static <T> Bundle ofAll(List<T> matches, SearchParameters search,
            Function<T, ? extends Resource> toResource, UriInfo uri, Consumer<List<T>> answered,
            Function<List<T>, List<? extends Resource>> included) {
        record Match<T>(T item, Resource resource) {
        }
        List<Match<T>> selected = new ArrayList<>();
        Predicate<Resource> selection = search.selection();
        for (T item : matches) {
            Resource resource = toResource.apply(item);
            if (selection.test(resource)) {
                selected.add(new Match<>(item, resource));
            }
        }
        Comparator<Match<T>> byChange = Comparator.comparing((Match<T> match) -> lastUpdated(match.resource()))
                .thenComparing(match -> match.resource().getIdElement().getIdPart());
        switch (search.order()) {
            case OLDEST_CHANGE_FIRST -> selected.sort(byChange);
            case NEWEST_CHANGE_FIRST -> selected.sort(byChange.reversed());
            case AS_LISTED -> {
                // the search's own order
            }
        }
        ListWindow.Window window = search.window();
        int from = Math.min(window.first(), selected.size());
        int to = Math.min(from + window.size(), selected.size());
        List<Match<T>> page = selected.subList(from, to);
        answered.accept(page.stream().map(Match::item).toList());
        Bundle bundle = of(new PageOf<>(page.stream().map(Match::resource).toList(), window.page(), window.size(),
                selected.size()), Function.identity(), uri);
        return withIncluded(bundle, included.apply(page.stream().map(Match::item).toList()), uri);
    }

    /**
     * {@link #of(PageOf, Function, UriInfo)} with the resources the page's matches bring along ({@code _include}),
     * each once, after the matches.
     */
    public static <T> Bundle of(PageOf<T> page, Function<T, ? extends Resource> toResource, UriInfo uri,
            Function<List<T>, List<? extends Resource>> included) {
        return withIncluded(of(page, toResource, uri), included.apply(page.items()), uri);
    }

    private static Bundle withIncluded(Bundle bundle, List<? extends Resource> included, UriInfo uri) {
        Set<String> listed = new HashSet<>();
        bundle.getEntry().forEach(entry -> listed.add(key(entry.getResource())));
        for (Resource resource : included) {
            if (listed.add(key(resource))) {
                bundle.addEntry().setFullUrl(resourceUrl(uri, resource.fhirType(), resource.getIdElement().getIdPart()))
                        .setResource(resource).getSearch().setMode(SearchEntryMode.INCLUDE);
            }
        }
        return bundle;
    }

    /** When a resource last changed; one that does not say sorts first. */
    private static Instant lastUpdated(Resource resource) {
        Date changed = resource.getMeta().getLastUpdated();
        return changed == null ? Instant.MIN : changed.toInstant();
    }

    private static String key(Resource resource) {
        return resource.fhirType() + "/" + resource.getIdElement().getIdPart();
    }

    /** The absolute URL of a resource as the client reaches it (through the gateway's forwarded host). */
    public static String resourceUrl(UriInfo uri, String type, String id) {
        return uri.getBaseUriBuilder().path(ApiPaths.FHIR_R4).path(type).path(id).build().toString();
    }

    private static String pageLink(UriInfo uri, int page) {
        // A window asked by _offset is linked to by its pages: _offset would override them.
        return uri.getRequestUriBuilder().replaceQueryParam(OFFSET).replaceQueryParam(PAGE, page).build().toString();
    }
}
