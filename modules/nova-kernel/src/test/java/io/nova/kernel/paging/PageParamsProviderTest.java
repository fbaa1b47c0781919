package io.nova.kernel.paging;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.glassfish.jersey.server.ParamException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The query string as every list endpoint reads it; the services' API tests check the same through HTTP. */
class PageParamsProviderTest {

    @Test
    void absentOrEmptyParametersAreTheDefaults() {
        PageRequest none = PageParamsProvider.read(query()).request();
        assertThat(none.limit()).isEqualTo(20);
        assertThat(none.cursor()).isEmpty();
        PageRequest empty = PageParamsProvider.read(query("limit", "  ", "cursor", "")).request();
        assertThat(empty.limit()).isEqualTo(20);
        assertThat(empty.cursor()).isEmpty();
    }

    @Test
    void theFirstValueOfEachCountsAndTheLimitIsClamped() {
        String cursor = Cursor.of("1", "a").encode();
        PageRequest page = PageParamsProvider.read(query("limit", "7", "limit", "9", "cursor", cursor)).request();
        assertThat(page.limit()).isEqualTo(7);
        assertThat(page.cursor()).isPresent();
        assertThat(PageParamsProvider.read(query("limit", "1000")).request().limit()).isEqualTo(100);
        assertThat(PageParamsProvider.read(query("limit", "-3")).request().limit()).isEqualTo(1);
    }

    @Test
    void aLimitThatIsNotAnIntegerIsAQueryParameterErrorNamingIt() {
        for (String bad : new String[] {"abc", "1e3", "2.5", " 5", "99999999999"}) {
            assertThatThrownBy(() -> PageParamsProvider.read(query("limit", bad)))
                    .as(bad)
                    .isInstanceOfSatisfying(ParamException.QueryParamException.class,
                            e -> assertThat(e.getParameterName()).isEqualTo("limit"));
        }
    }

    private static MultivaluedMap<String, String> query(String... pairs) {
        MultivaluedMap<String, String> query = new MultivaluedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            query.add(pairs[i], pairs[i + 1]);
        }
        return query;
    }
}
