package io.nova.content;

import io.nova.embedded.junit.NovaPlatformExtension;
import io.nova.embedded.junit.TestPlatform;
import io.nova.testing.ApiClient;
import io.nova.testing.People;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The base of content-service's full-app tests: the real content-, user- and media-service started once per test
 * class ({@link ContentStack}), a client for content-service and a way to sign people up.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(NovaPlatformExtension.class)
abstract class RunningContentStack {

    protected TestPlatform platform;
    protected ContentStack stack;
    protected ApiClient http;
    protected People people;

    @BeforeAll
    final void startStack(TestPlatform platform) {
        this.platform = platform;
        stack = ContentStack.start(platform);
        http = new ApiClient(stack.content);
        people = stack.peers.people();
    }

    @AfterAll
    final void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }
}
