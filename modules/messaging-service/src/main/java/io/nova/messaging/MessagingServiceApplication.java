package io.nova.messaging;

import io.dropwizard.core.setup.Environment;
import io.nova.clients.PeerClients;
import io.nova.kernel.KernelPart;
import io.nova.kernel.NovaApplication;
import io.nova.kernel.ServiceContext;
import io.nova.kernel.db.ClaimOwnerIds;
import io.nova.kernel.db.GroupCommit;
import io.nova.kernel.db.SettledIds;
import io.nova.messaging.db.MessageIdStore;
import io.nova.messaging.grpc.MessagingGrpcService;
import io.nova.messaging.clients.MessageMedia;
import io.nova.messaging.clients.UserPeople;
import io.nova.messaging.core.Access;
import io.nova.messaging.core.Announcer;
import io.nova.messaging.core.ConversationService;
import io.nova.messaging.core.Media;
import io.nova.messaging.core.MediaReleases;
import io.nova.messaging.core.MemberService;
import io.nova.messaging.core.MessageLists;
import io.nova.messaging.core.MessageService;
import io.nova.messaging.core.TextSends;
import io.nova.messaging.core.People;
import io.nova.messaging.core.ReactionService;
import io.nova.messaging.core.ReadService;
import io.nova.messaging.db.BatchSendStore;
import io.nova.messaging.db.ConversationStore;
import io.nova.messaging.db.MediaReleaseStore;
import io.nova.messaging.db.MemberStore;
import io.nova.messaging.db.MessageRow;
import io.nova.messaging.db.MessageStore;
import io.nova.messaging.db.ReactionStore;
import io.nova.messaging.resources.ConversationMessagesResource;
import io.nova.messaging.resources.ConversationsResource;
import io.nova.messaging.resources.MessagesResource;
import io.nova.proto.user.v1.UserServiceGrpc;
import io.nova.messaging.core.notifications.OfflineMessages;
import io.nova.messaging.core.realtime.Presence;

import java.util.EnumSet;
import java.util.Set;

/** messaging-service: conversations, messages, calls, notifications and the realtime WebSocket. */
public final class MessagingServiceApplication extends NovaApplication<MessagingServiceConfiguration> {

    public static void main(String[] args) throws Exception {
        new MessagingServiceApplication().run(serverByDefault(args));
    }

    /** Its database, its events (outbox), and the consumers that turn them into socket frames. */
    @Override
    protected Set<KernelPart> parts() {
        return EnumSet.of(KernelPart.DATABASE, KernelPart.OUTBOX, KernelPart.CONSUMERS);
    }

    @Override
    protected void runService(MessagingServiceConfiguration configuration, Environment environment,
                              ServiceContext context) {
        PeerClients peers = PeerClients.open(context, configuration.getConversations());
        People people = new UserPeople(UserServiceGrpc.newFutureStub(peers.users()), peers.relationships());
        MemberService members = runConversations(configuration.getConversations(), configuration.getCalls(),
                environment, context, peers, people);
        // --- notifications: made from events; the realtime layer hands back messages a closing socket never sent
        Presence presence = RealtimeWiring.presence(configuration.getRealtime(), environment, context);
        OfflineMessages offline = NotificationsWiring.install(configuration.getNotifications(), environment,
                context, people, presence);
        // --- realtime (/ws): fan-out of the messaging events, replay logs, sockets ---
        // Who hears a typing signal: the members, as the conversations core answers it.
        RealtimeWiring.install(configuration.getRealtime(), environment, context, members::membersVisibleTo,
                presence, offline);
    }

    /** Conversations, members, messages, reactions and read state; calls, on the same access rules. */
    private MemberService runConversations(ConversationsConfig config, CallsConfig calls, Environment environment,
                                           ServiceContext context, PeerClients peers, People people) {
        Media media = new MessageMedia(peers.catalog());

        ConversationStore conversationStore = new ConversationStore();
        MemberStore memberStore = new MemberStore();
        MessageStore messageStore = new MessageStore();
        ReactionStore reactionStore = new ReactionStore();
        Access access = new Access(conversationStore, memberStore, people);
        Announcer announcer = new Announcer(context.outbox(), memberStore);
        SettledIds messageIds = MessageIdStore.create();
        MediaReleases releases = new MediaReleases(context.jdbi(), new MediaReleaseStore(), messageIds, media);
        // media-service's claim sweep asks which "message:<id>" owners exist.
        context.grpc().addService(new MessagingGrpcService(new ClaimOwnerIds(context.jdbi(), messageIds,
                "message_ids")));
        environment.lifecycle().manage(new FixedDelayWork("media-release-retries",
                config.getMediaReleaseRetry().toJavaDuration(), releases::retryDue,
                "Released the media of {} deleted or unwritten messages"));
        CallsWiring.install(calls, environment, context, access, memberStore, announcer);

        ConversationService conversations = new ConversationService(context.jdbi(), conversationStore, memberStore,
                messageStore, access, people, announcer);
        MemberService members = new MemberService(context.jdbi(), conversationStore, memberStore, access, people,
                announcer, conversations);
        // Text messages are written many to a transaction: two writers, each taking whatever is waiting (up to 64).
        GroupCommit<TextSends.Send, MessageRow> textSends = new GroupCommit<>("text-sends", context.jdbi(),
                new TextSends(new BatchSendStore(), conversationStore, messageStore, access, people, announcer), 2, 64,
                environment.metrics());
        environment.lifecycle().manage(textSends);
        MessageService messages = new MessageService(context.jdbi(), conversationStore, messageStore, reactionStore,
                access, media, releases, announcer, textSends);
        environment.jersey().register(new ConversationsResource(conversations, members,
                new ReadService(context.jdbi(), memberStore, access, announcer), context.idempotency()));
        environment.jersey().register(new ConversationMessagesResource(messages,
                new MessageLists(context.jdbi(), messageStore, reactionStore, access, media), context.idempotency()));
        environment.jersey().register(new MessagesResource(messages,
                new ReactionService(context.jdbi(), messageStore, reactionStore, access, messages, announcer)));
        return members;
    }
}
