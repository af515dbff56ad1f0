package io.cairn.contracts.events;

import java.util.List;

/**
 * What aftercare must plan for when an episode ends.
 *
 * @param substances the substances treated, e.g. {@code alcohol}
 * @param supports the people and groups supporting recovery
 * @param medications medications to continue or manage, including medication-assisted treatment
 */
public record AftercareNeeds(List<String> substances, List<String> supports, List<String> medications) {
}
