package dev.tether.load.client;

/** The load client's counters over one measurement (copied out of the selector thread). */
public final class Stats {
    public long startNanos;
    public long endNanos;
    public long startThreadCpu;
    public long endThreadCpu;
    public long opened;
    public long sent;
    public long received;
    public long bytes;
    public long completedBroadcasts;
    public long outOfOrder;
    public long wrongLength;
    public long corrupt;
    public long unexpectedCloses;
    public long pings;
    public long inFlight;
    public int open;
    public LatencyHistogram latency = new LatencyHistogram();
    /** Broadcast: the time until the last connection had a message. */
    public LatencyHistogram lastDelivery = new LatencyHistogram();

    Stats copy() {
        Stats c = new Stats();
        c.startNanos = startNanos;
        c.startThreadCpu = startThreadCpu;
        c.opened = opened;
        c.sent = sent;
        c.received = received;
        c.bytes = bytes;
        c.completedBroadcasts = completedBroadcasts;
        c.outOfOrder = outOfOrder;
        c.wrongLength = wrongLength;
        c.corrupt = corrupt;
        c.unexpectedCloses = unexpectedCloses;
        c.pings = pings;
        c.latency = latency.copy();
        c.lastDelivery = lastDelivery.copy();
        return c;
    }

    public double seconds() {
        return (endNanos - startNanos) / 1e9;
    }

    /** The selector thread's CPU use over the measurement, in percent of one core. */
    public double clientThreadCpuPercent() {
        return 100.0 * (endThreadCpu - startThreadCpu) / Math.max(1, endNanos - startNanos);
    }

    public long errors() {
        return outOfOrder + wrongLength + corrupt + unexpectedCloses;
    }
}
