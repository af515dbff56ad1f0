package io.cairn.screeners;

import io.cairn.contracts.events.SafetyFinding;
import io.cairn.kit.problem.Problem.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A standardized screener: its published items and answers, and its published scoring. Answers are keyed by item
 * number and checked item by item before scoring.
 */
public abstract class Screener {

    private final ScreenerCode code;
    private final String name;
    private final String instructions;
    private final List<ScreenerItem> items;

    protected Screener(ScreenerCode code, String name, String instructions, List<ScreenerItem> items) {
        this.code = code;
        this.name = name;
        this.instructions = instructions;
        this.items = List.copyOf(items);
    }

    public ScreenerCode code() {
        return code;
    }

    public String name() {
        return name;
    }

    public String instructions() {
        return instructions;
    }

    public List<ScreenerItem> items() {
        return items;
    }

    /** Scores answers already checked by {@link #violations}. */
    public abstract ScreenerScore score(Map<Integer, Integer> answers, Sex sex);

    /**
     * The safety findings the answers show, each a screener item a clinician must hear about at once; empty for a
     * screener that asks nothing of the kind. Answers are checked by {@link #violations} first.
     */
    public List<SafetyFinding> safetyFindings(Map<Integer, Integer> answers) {
        return List.of();
    }

    /** Whether the item is asked at all given the other answers (skip logic); every item is, unless overridden. */
    protected boolean isAsked(int item, Map<Integer, Integer> answers) {
        return true;
    }

    /** Why the answers cannot be scored, each naming its item under {@code field}; empty when they can. */
    public List<Violation> violations(Map<Integer, Integer> answers, String field) {
        List<Violation> violations = new ArrayList<>();
        for (ScreenerItem item : items) {
            Integer answer = answers.get(item.number());
            String itemField = field + "." + item.number();
            if (!isAsked(item.number(), answers)) {
                if (answer != null) {
                    violations.add(new Violation(itemField,
                            code.label() + " item " + item.number() + " is skipped by an earlier answer; leave it out"));
                }
            } else if (answer == null) {
                violations.add(new Violation(itemField, code.label() + " item " + item.number() + " is required"));
            } else if (!item.accepts(answer)) {
                violations.add(new Violation(itemField, code.label() + " item " + item.number() + " must be one of "
                        + item.options().stream().map(o -> String.valueOf(o.value())).collect(Collectors.joining(", "))));
            }
        }
        answers.keySet().stream().filter(number -> items.stream().noneMatch(i -> i.number() == number)).sorted()
                .forEach(number -> violations.add(new Violation(field + "." + number,
                        code.label() + " has no item " + number)));
        return violations;
    }

    protected static int sum(Map<Integer, Integer> answers) {
        return answers.values().stream().mapToInt(Integer::intValue).sum();
    }

    protected static List<ScreenerItem> items(List<AnswerOption> options, String... texts) {
        List<ScreenerItem> items = new ArrayList<>();
        for (int i = 0; i < texts.length; i++) {
            items.add(new ScreenerItem(i + 1, texts[i], options));
        }
        return items;
    }
}
