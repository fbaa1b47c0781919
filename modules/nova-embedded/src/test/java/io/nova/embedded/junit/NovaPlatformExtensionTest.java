package io.nova.embedded.junit;

import io.nova.embedded.EmbeddedPlatform;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The extension shares one platform and gives every test class its own, working resources. */
@ExtendWith(NovaPlatformExtension.class)
class NovaPlatformExtensionTest {

    private final TestPlatform fromConstructor;

    NovaPlatformExtensionTest(TestPlatform fromConstructor) {
        this.fromConstructor = fromConstructor;
    }

    @Test
    void everyPartOfAClassGetsTheSameHandle(TestPlatform fromMethod, EmbeddedPlatform platform) {
        assertThat(fromMethod).isSameAs(fromConstructor);
        assertThat(fromMethod.platform()).isSameAs(platform);
    }

    @Test
    void theClassResourcesExistAndWork(TestPlatform test) throws Exception {
        try (Connection c = test.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE note (id int PRIMARY KEY)");
            s.execute("INSERT INTO note VALUES (7)");
            try (ResultSet rs = s.executeQuery("SELECT current_database(), (SELECT id FROM note)")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo(test.database());
                assertThat(rs.getInt(2)).isEqualTo(7);
            }
        }
        assertThat(test.platform().s3().bucketExists(test.bucket())).isTrue();
        String topic = test.topic("events");
        assertThat(topic).startsWith(test.topicPrefix());
        assertThat(test.platform().kafka().admin().listTopics().names().get(10, TimeUnit.SECONDS)).contains(topic);
        assertThat(test.environment().get("DATABASE_URL") + "/" + test.environment().get("DATABASE_NAME"))
                .isEqualTo(test.jdbcUrl());
        assertThat(test.environment())
                .containsEntry("S3_BUCKET", test.bucket())
                .containsEntry("KAFKA_BROKERS", test.kafkaBootstrapServers())
                .containsEntry("REDIS_URL", test.redisUri());
    }

    @Nested
    class AnotherTestClass {

        @Test
        void sharesThePlatformButNotTheResources(TestPlatform other) {
            assertThat(other.platform()).isSameAs(fromConstructor.platform());
            assertThat(other.database()).isNotEqualTo(fromConstructor.database());
            assertThat(other.bucket()).isNotEqualTo(fromConstructor.bucket());
            assertThat(other.topicPrefix()).isNotEqualTo(fromConstructor.topicPrefix());
            assertThat(other.redisKeyPrefix()).isNotEqualTo(fromConstructor.redisKeyPrefix());
        }
    }
}
