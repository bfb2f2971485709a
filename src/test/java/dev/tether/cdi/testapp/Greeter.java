package dev.tether.cdi.testapp;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicInteger;

/** A service shared by all connections, injected into {@link GreetingHandler}. */
@ApplicationScoped
public class Greeter {
    private final AtomicInteger greetings = new AtomicInteger();

    public String greet(String name) {
        return "Hello, " + name + "! (greeting " + greetings.incrementAndGet() + ")";
    }
}
