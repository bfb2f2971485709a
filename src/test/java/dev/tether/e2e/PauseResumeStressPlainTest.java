package dev.tether.e2e;

import dev.tether.testing.EmbeddedContainer.Options;

/** The same stress over plain TCP, where interleaved reads would lose or reorder bytes silently. */
class PauseResumeStressPlainTest extends PauseResumeStressTest {

    @Override
    Options options() {
        return Options.DEFAULTS;
    }
}
