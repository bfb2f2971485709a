package dev.tether;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** An endpoint's own settings laid over its deployment's: what it set wins, the rest comes from below. */
class WebSocketConfigLayeringTest {

    private static final WebSocketConfig DEPLOYMENT = WebSocketConfig.builder()
            .pingInterval(Duration.ofSeconds(20)).idleTimeout(Duration.ofMinutes(2)).maxMessageSize(4 * WebSocketConfig.MIB)
            .build();

    @Test
    void aConfigThatSetsNothingIsTheDeploymentsOwn() {
        assertSame(DEPLOYMENT, WebSocketConfig.defaults().withDefaults(DEPLOYMENT));
        assertSame(DEPLOYMENT, WebSocketConfig.builder().build().withDefaults(DEPLOYMENT));
    }

    @Test
    void whatWasSetWinsAndTheRestComesFromBelow() {
        WebSocketConfig endpoint = WebSocketConfig.builder().idleTimeout(Duration.ZERO).writeTimeout(Duration.ofSeconds(3)).build();
        WebSocketConfig effective = endpoint.withDefaults(DEPLOYMENT);
        assertEquals(Duration.ZERO, effective.idleTimeout(), "set by the endpoint");
        assertEquals(Duration.ofSeconds(3), effective.writeTimeout(), "set by the endpoint");
        assertEquals(Duration.ofSeconds(20), effective.pingInterval(), "from the deployment");
        assertEquals(4 * WebSocketConfig.MIB, effective.maxMessageSize(), "from the deployment");
        assertEquals(Duration.ofSeconds(10), effective.pongTimeout(), "Tether's default, set by neither");
    }

    @Test
    void aValueSetToTheBuiltInDefaultStillCountsAsSet() {
        WebSocketConfig endpoint = WebSocketConfig.builder().pingInterval(Duration.ofSeconds(30)).build();
        assertEquals(Duration.ofSeconds(30), endpoint.withDefaults(DEPLOYMENT).pingInterval());
    }

    @Test
    void whatWasSetSurvivesToBuilderAndAnotherLayer() {
        WebSocketConfig endpoint = WebSocketConfig.builder().idleTimeout(Duration.ofSeconds(5)).build()
                .toBuilder().closeTimeout(Duration.ofSeconds(1)).build();
        WebSocketConfig effective = endpoint.withDefaults(DEPLOYMENT);
        assertEquals(Duration.ofSeconds(5), effective.idleTimeout());
        assertEquals(Duration.ofSeconds(1), effective.closeTimeout());
        WebSocketConfig again = effective.withDefaults(WebSocketConfig.builder().idleTimeout(Duration.ofHours(1)).build());
        assertEquals(Duration.ofSeconds(5), again.idleTimeout(), "the endpoint's value stays set through layers");
    }

    @Test
    void theFrameLimitNeverExceedsTheMessageLimitOfTheResult() {
        WebSocketConfig endpoint = WebSocketConfig.builder().maxMessageSize(64 * WebSocketConfig.KIB).build();
        WebSocketConfig effective = endpoint.withDefaults(WebSocketConfig.defaults());
        assertEquals(64 * WebSocketConfig.KIB, effective.maxMessageSize());
        assertEquals(64 * WebSocketConfig.KIB, effective.maxFrameSize());
    }

    @Test
    void aDeploymentThatLowersTheMessageLimitDoesNotLowerTheFrameLimitOfAnEndpointThatRaisesItAgain() {
        WebSocketConfig deployment = WebSocketConfig.builder().maxMessageSize(WebSocketConfig.KIB).build();
        assertEquals(WebSocketConfig.KIB, deployment.maxFrameSize());
        WebSocketConfig endpoint = WebSocketConfig.builder().maxMessageSize(8 * WebSocketConfig.KIB).build();
        WebSocketConfig effective = endpoint.withDefaults(deployment);
        assertEquals(8 * WebSocketConfig.KIB, effective.maxMessageSize());
        assertEquals(8 * WebSocketConfig.KIB, effective.maxFrameSize());
    }
}
