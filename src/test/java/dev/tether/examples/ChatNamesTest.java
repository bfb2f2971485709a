package dev.tether.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class ChatNamesTest {

    @Test
    void theNameComesFromTheQueryUrlDecoded() {
        assertEquals("Ana María", ChatNames.fromQuery("room=1&name=Ana%20Mar%C3%ADa"));
        assertEquals("bob the builder", ChatNames.fromQuery("name=bob+the+builder"));
    }

    @Test
    void noNameOrAnUnusableOneGivesNull() {
        assertNull(ChatNames.fromQuery(null));
        assertNull(ChatNames.fromQuery("room=1"));
        assertNull(ChatNames.fromQuery("name="));
        assertNull(ChatNames.fromQuery("name=%20%0A%09"));
        assertNull(ChatNames.fromQuery("name=%zz"), "a broken escape is no name, not an error");
    }

    @Test
    void controlCharactersGoAndWhiteSpaceCollapses() {
        assertEquals("eve admin", ChatNames.clean("  eve\u0000\n\t  \u202Eadmin\u0007 "));
    }

    @Test
    void namesAreCutAtThirtyTwoCharactersWithoutSplittingACharacter() {
        assertEquals("a".repeat(32), ChatNames.clean("a".repeat(40)));
        String emoji = "\uD83D\uDE00";
        assertEquals("a".repeat(31), ChatNames.clean("a".repeat(31) + emoji));
        assertEquals("a".repeat(31), ChatNames.clean("a".repeat(31) + " b"), "no trailing space");
    }
}
