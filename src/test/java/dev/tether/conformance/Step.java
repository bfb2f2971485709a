package dev.tether.conformance;

/** One thing a case does or expects: send bytes, pause, expect a frame, expect the connection to end. */
public interface Step {

    /** Performs the step; throws {@link AssertionError} when the implementation's behaviour is not the expected one. */
    void run(CaseRun run) throws Exception;

    /** One line for the case's script, as shown in failure messages. */
    String describe();
}
