package io.nova.messaging;

import io.dropwizard.core.setup.Environment;
import io.nova.contracts.Topics;
import io.nova.kernel.ServiceContext;
import io.nova.messaging.core.People;
import io.nova.messaging.core.notifications.NotificationConsumer;
import io.nova.messaging.core.notifications.NotificationQueries;
import io.nova.messaging.core.notifications.NotificationService;
import io.nova.messaging.core.notifications.OfflineMessages;
import io.nova.messaging.core.realtime.Presence;
import io.nova.messaging.db.NotificationStore;
import io.nova.messaging.resources.NotificationsResource;

import java.util.List;

/**
 * Builds notifications (docs/api-notifications.md): the consumer of the user, content and messaging events that
 * makes them, and {@code /api/v1/notifications}. Returns where the realtime layer hands the messages a closing
 * socket never sent.
 */
final class NotificationsWiring {

    private NotificationsWiring() {
    }

    static OfflineMessages install(NotificationsConfig config, Environment environment, ServiceContext context,
                                   People people, Presence presence) {
        NotificationStore store = new NotificationStore();
        NotificationService notifications = new NotificationService(store, people, context.outbox(),
                config.getGroupWindow().toJavaDuration());
        OfflineMessages offline = new OfflineMessages(context.jdbi(), notifications, presence);
        context.consume(config.getConsumer(),
                List.of(Topics.USER_EVENTS, Topics.CONTENT_EVENTS, Topics.MESSAGING_EVENTS),
                new NotificationConsumer(notifications, offline));
        environment.jersey().register(new NotificationsResource(new NotificationQueries(context.jdbi(), store)));
        return offline;
    }
}
