package dev.tether.cdi;

import java.util.logging.Logger;

/** Picks where handlers come from: CDI when the application has a running container, else constructors. */
final class HandlerSources {

    private static final Logger LOG = Logger.getLogger(HandlerSources.class.getName());

    private HandlerSources() {
    }

    /**
     * The source for now. Asked per connection rather than once: the container may start after Tether's
     * initializer ran (Weld starts in a listener), and the answer costs a lookup, not a scan.
     */
    static HandlerSource current() {
        HandlerSource cdi = cdiIfRunning();
        return cdi != null ? cdi : new ConstructorHandlerSource();
    }

    private static HandlerSource cdiIfRunning() {
        try {
            return CdiHandlerSource.ifRunning();
        } catch (LinkageError noCdiApi) {
            // The CDI API is not on the class path at all: a plain servlet container.
            LOG.finest(() -> "no CDI API: " + noCdiApi);
            return null;
        }
    }
}
