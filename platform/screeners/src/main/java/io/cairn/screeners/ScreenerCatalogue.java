package io.cairn.screeners;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every screener an assessment may include. */
@ApplicationScoped
public class ScreenerCatalogue {

    private final List<Screener> screeners = List.of(new Phq9(), new Gad7(), new Audit(), new Dast10(), new Cssrs());
    private final Map<ScreenerCode, Screener> byCode = screeners.stream()
            .collect(Collectors.toMap(Screener::code, Function.identity()));

    public List<Screener> all() {
        return screeners;
    }

    public Screener get(ScreenerCode code) {
        return byCode.get(code);
    }
}
