package dev.tether.conformance.cases;

import dev.tether.conformance.ConformanceCase;
import dev.tether.conformance.Section;
import dev.tether.conformance.Target;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Every case of the suite, section by section. */
public final class Catalog {

    private static List<ConformanceCase> all;

    private Catalog() {
    }

    /** All cases, built once (they are immutable data; large payloads are made only when a case runs). */
    public static synchronized List<ConformanceCase> all() {
        if (all == null) {
            List<ConformanceCase> cases = new ArrayList<>();
            cases.addAll(FramingCases.all());
            cases.addAll(PingPongCases.all());
            cases.addAll(ReservedBitsCases.all());
            cases.addAll(OpcodeCases.all());
            cases.addAll(FragmentationCases.all());
            cases.addAll(Utf8Cases.all());
            cases.addAll(CloseCases.all());
            cases.addAll(LimitCases.all());
            cases.addAll(MaskingCases.all());
            cases.addAll(HandshakeCases.server());
            cases.addAll(ClientHandshakeCases.all());
            cases.addAll(RobustnessCases.all());
            Set<String> ids = new HashSet<>();
            for (ConformanceCase c : cases) {
                if (!ids.add(c.id())) throw new IllegalStateException("two cases numbered " + c.id());
            }
            all = List.copyOf(cases);
        }
        return all;
    }

    /** The cases that run on a target, by section in suite order. */
    public static Map<Section, List<ConformanceCase>> bySection(Target target) {
        Map<Section, List<ConformanceCase>> sections = new LinkedHashMap<>();
        for (Section s : Section.values()) {
            List<ConformanceCase> cases = new ArrayList<>();
            for (ConformanceCase c : all()) {
                if (c.section() == s && c.runsOn(target)) cases.add(c);
            }
            if (!cases.isEmpty()) sections.put(s, cases);
        }
        return sections;
    }
}
