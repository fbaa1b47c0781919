package io.nova.messaging.realtime;

import io.nova.kernel.NovaApplication;
import io.nova.kernel.ServiceContext;
import io.nova.kernel.errors.DomainException;
import io.nova.messaging.MessagingServiceApplication;
import io.nova.messaging.core.MemberService;
import io.nova.messaging.core.realtime.ConversationAudience;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * messaging-service with the realtime layer's {@link ConversationAudience} answered from a plain test table
 * ({@code test_conversation_members}, made by {@link #MEMBERS_TABLE}) instead of the conversations core: the same
 * question, the same 404 for a non-member, so typing is tested before the core exists. Runnable as a replica in a
 * child JVM ({@link #main}).
 */
public class TableAudienceApplication extends MessagingServiceApplication {

    public static final String MEMBERS_TABLE = """
            CREATE TABLE IF NOT EXISTS test_conversation_members (
                conversation_id uuid NOT NULL,
                user_id uuid NOT NULL,
                PRIMARY KEY (conversation_id, user_id))""";

    public static void main(String[] args) throws Exception {
        new TableAudienceApplication().run(NovaApplication.serverByDefault(args));
    }

    @Override
    protected ConversationAudience conversationAudience(ServiceContext context, MemberService core) {
        return (caller, conversationId) -> {
            Set<UUID> members = new HashSet<>(context.jdbi().withHandle(handle -> handle.createQuery(
                            "SELECT user_id FROM test_conversation_members WHERE conversation_id = :conversation")
                    .bind("conversation", conversationId)
                    .mapTo(UUID.class)
                    .list()));
            if (!members.contains(caller)) {
                throw DomainException.notFound("Conversation", conversationId);
            }
            return members;
        };
    }
}
