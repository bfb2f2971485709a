package dev.tether.cdi;

/** The container refused to start the application; the message holds what it reported. */
public final class DeploymentFailedException extends Exception {
    DeploymentFailedException(String report, Throwable cause) {
        super(report, cause);
    }
}
