package dev.tether.conformance;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One conformance case: an Autobahn-style number ({@code 6.4.1}), what it checks, and its script, data
 * only. The same script runs against Tether's server (the suite acts as the client) and against Tether's
 * client (the suite acts as the server), with masking following the suite's role; cases that only make
 * sense on one side say so.
 */
public final class ConformanceCase {

    private final String id;
    private final String title;
    private final Section section;
    private final Set<Target> targets;
    private final EndpointKind endpoint;
    private final boolean handshake;
    private final List<Step> steps;

    private ConformanceCase(Builder b, List<Step> steps) {
        this.id = b.id;
        this.title = b.title;
        this.section = sectionOf(b.id);
        this.targets = Collections.unmodifiableSet(EnumSet.copyOf(b.targets));
        this.endpoint = b.endpoint;
        this.handshake = b.handshake;
        this.steps = List.copyOf(steps);
    }

    public static Builder of(String id, String title) {
        return new Builder(id, title);
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    /** The test's display name: {@code 6.4.1 fail fast on invalid UTF-8 in the second fragment}. */
    public String displayName() {
        return id + " " + title;
    }

    public Section section() {
        return section;
    }

    public boolean runsOn(Target target) {
        return targets.contains(target);
    }

    public EndpointKind endpoint() {
        return endpoint;
    }

    /** Whether the runner performs the opening handshake (else the steps do it, or refuse it). */
    public boolean handshake() {
        return handshake;
    }

    public List<Step> steps() {
        return steps;
    }

    /** The script, one step a line. */
    public String script() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < steps.size(); i++) s.append("\n    ").append(i + 1).append(". ").append(steps.get(i).describe());
        return s.toString();
    }

    private static Section sectionOf(String id) {
        String number = id.substring(0, id.indexOf('.') < 0 ? id.length() : id.indexOf('.'));
        for (Section s : Section.values()) {
            if (s.number().equals(number)) return s;
        }
        throw new IllegalArgumentException("no section for case " + id);
    }

    @Override
    public String toString() {
        return displayName();
    }

    /** Collects a case's settings; {@link #steps} finishes it. */
    public static final class Builder {
        private final String id;
        private final String title;
        private Set<Target> targets = EnumSet.allOf(Target.class);
        private EndpointKind endpoint = EndpointKind.ECHO;
        private boolean handshake = true;

        private Builder(String id, String title) {
            this.id = id;
            this.title = title;
        }

        public Builder serverOnly() {
            targets = EnumSet.of(Target.SERVER);
            return this;
        }

        public Builder clientOnly() {
            targets = EnumSet.of(Target.CLIENT);
            return this;
        }

        public Builder on(EndpointKind kind) {
            this.endpoint = kind;
            return this;
        }

        /** The steps perform (or refuse) the opening handshake themselves. */
        public Builder withoutHandshake() {
            this.handshake = false;
            return this;
        }

        /** The script; a {@code List<Step>} argument is spliced in. */
        public ConformanceCase steps(Object... steps) {
            List<Step> all = new ArrayList<>();
            for (Object o : steps) {
                if (o instanceof Step) {
                    all.add((Step) o);
                } else if (o instanceof List) {
                    for (Object s : (List<?>) o) all.add((Step) s);
                } else {
                    throw new IllegalArgumentException("not a step: " + o);
                }
            }
            return new ConformanceCase(this, all);
        }
    }
}
