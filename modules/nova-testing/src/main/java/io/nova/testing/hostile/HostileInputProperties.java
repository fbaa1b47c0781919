package io.nova.testing.hostile;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hostile-input properties, one subclass per service (jqwik runs the inherited properties): the subclass boots
 * the service in a {@code @BeforeContainer} method and hands over its {@link HostileProbe}. Every route the probe
 * read from the service's resources gets every input: adding an endpoint needs nothing here, adding a service is a
 * subclass.
 */
public abstract class HostileInputProperties {

    /** The probe of the running service. */
    protected abstract HostileProbe probe();

    /** A few routes ({@link ApiRoute#toString}) the service surely has: proof that the routes were read at all. */
    protected abstract List<String> someRoutes();

    @Example
    void theRoutesAreReadFromTheResources() {
        assertThat(probe().routes()).extracting(ApiRoute::toString).containsAll(someRoutes());
    }

    /** About 20 requests a try per service: 120 tries stay well under a minute. */
    @Property(tries = 120)
    void noRequestTypeAnswersA5xx(@ForAll("hostile") HostileInput input) {
        probe().check(input);
    }

    @Provide
    Arbitrary<HostileInput> hostile() {
        return HostileInputs.any();
    }
}
