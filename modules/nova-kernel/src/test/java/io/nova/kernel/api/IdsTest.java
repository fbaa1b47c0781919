package io.nova.kernel.api;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class IdsTest {

    @Test
    void databaseOrderIsPostgresqlsUnsignedOrderNotUuidCompareTo() {
        UUID low = UUID.fromString("7fffffff-ffff-4fff-bfff-ffffffffffff");
        UUID high = UUID.fromString("80000000-0000-4000-8000-000000000000");
        assertThat(low.compareTo(high)).as("Java's signed comparison").isPositive();
        assertThat(Ids.DATABASE_ORDER.compare(low, high)).isNegative();
        assertThat(Ids.DATABASE_ORDER.compare(high, low)).isPositive();

        UUID sameHigh = UUID.fromString("80000000-0000-4000-0000-000000000001");
        UUID sameHighLater = UUID.fromString("80000000-0000-4000-f000-000000000000");
        assertThat(Ids.DATABASE_ORDER.compare(sameHigh, sameHighLater)).as("low halves unsigned too").isNegative();

        // The order of the text form, which is the order PostgreSQL gives ORDER BY id.
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            ids.add(UUID.randomUUID());
        }
        List<UUID> byText = ids.stream().sorted((a, b) -> a.toString().compareTo(b.toString())).toList();
        assertThat(ids.stream().sorted(Ids.DATABASE_ORDER).toList()).isEqualTo(byText);
    }
}
