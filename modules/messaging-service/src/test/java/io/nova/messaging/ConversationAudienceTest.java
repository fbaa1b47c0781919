package io.nova.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.nova.kernel.errors.DomainException;
import io.nova.kernel.events.Outbox;
import io.nova.messaging.core.Access;
import io.nova.messaging.core.Announcer;
import io.nova.messaging.core.ConversationService;
import io.nova.messaging.core.MemberService;
import io.nova.messaging.core.People;
import io.nova.messaging.db.ConversationStore;
import io.nova.messaging.db.MemberStore;
import io.nova.messaging.db.MessageStore;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.TemplateEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link MemberService#membersVisibleTo}, what the realtime layer asks before it relays a typing signal: the
 * current members of a conversation the caller belongs to, else 404 — read from the database the running service
 * writes.
 */
class ConversationAudienceTest extends RunningMessagingStack {

    private MemberService members;

    @BeforeAll
    void connect() {
        Jdbi jdbi = Jdbi.create(platform.jdbcUrl(), platform.dbUser(), platform.dbPassword());
        // As the kernel configures it: plain SQL, no templates.
        jdbi.getConfig(SqlStatements.class).setTemplateEngine(TemplateEngine.NOP);
        ConversationStore conversations = new ConversationStore();
        MemberStore memberStore = new MemberStore();
        // The question needs no other service: asking one would be a mistake this makes loud.
        People nobody = new People() {
            @Override
            public Set<UUID> unknown(Collection<UUID> ids) {
                throw new AssertionError("membersVisibleTo asked user-service");
            }

            @Override
            public Set<UUID> blockedEitherWay(UUID user, Collection<UUID> others) {
                throw new AssertionError("membersVisibleTo asked user-service");
            }
        };
        Access access = new Access(conversations, memberStore, nobody);
        Announcer announcer = new Announcer(new Outbox(new ObjectMapper()), memberStore);
        members = new MemberService(jdbi, conversations, memberStore, access, nobody, announcer,
                new ConversationService(jdbi, conversations, memberStore, new MessageStore(), access, nobody,
                        announcer));
    }

    @Test
    void membersSeeTheCurrentMembersAndEveryoneElseNothing() {
        var ann = people.register();
        var bob = people.register();
        var cid = people.register();
        var eve = people.register();
        UUID group = UUID.fromString(start(ann, "g", bob, cid));
        Set<UUID> everyone = Set.of(UUID.fromString(ann.id()), UUID.fromString(bob.id()), UUID.fromString(cid.id()));
        assertThat(members.membersVisibleTo(UUID.fromString(bob.id()), group)).isEqualTo(everyone);
        assertNotFound(() -> members.membersVisibleTo(UUID.fromString(eve.id()), group));
        assertNotFound(() -> members.membersVisibleTo(UUID.fromString(ann.id()), UUID.randomUUID()));

        http.send("DELETE", "/api/v1/conversations/" + group + "/members/" + bob.id(), ann.token(), null);
        assertNotFound(() -> members.membersVisibleTo(UUID.fromString(bob.id()), group));
        assertThat(members.membersVisibleTo(UUID.fromString(cid.id()), group))
                .containsExactlyInAnyOrder(UUID.fromString(ann.id()), UUID.fromString(cid.id()));
    }

    private static void assertNotFound(Runnable call) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.status()).isEqualTo(404));
    }
}
