package io.nova.content.core;

import io.nova.clients.posts.AuthorView;
import io.nova.content.api.ContentEvents;
import io.nova.content.api.CreatePostRequest;
import io.nova.clients.posts.PostView;
import io.nova.kernel.db.SettledIds;
import io.nova.content.db.PostRow;
import io.nova.content.db.PostStore;
import io.nova.contracts.EventTypes;
import io.nova.contracts.OwnPostMarks;
import io.nova.contracts.Topics;
import io.nova.kernel.api.Ids;
import io.nova.kernel.auth.NovaPrincipal;
import io.nova.kernel.db.Compensated;
import io.nova.kernel.errors.DomainException;
import io.nova.kernel.events.Outbox;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.redisson.client.RedisException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * One post: create (media claimed in media-service first, then the row, its tags, mentions and events in one
 * transaction, the claim given back if that fails), read, edit and delete by the author only. Lists of posts are
 * {@link PostLists}'.
 */
public final class PostService {

    private static final Logger LOG = LoggerFactory.getLogger(PostService.class);

    private final Jdbi jdbi;
    private final PostStore posts;
    private final SettledIds postIds;
    private final Users users;
    private final Media media;
    private final PostGate gate;
    private final PostViews views;
    private final Outbox outbox;
    private final OwnPostMarks ownPosts;

    public PostService(Jdbi jdbi, PostStore posts, SettledIds postIds, Users users, Media media, PostGate gate,
                       PostViews views, Outbox outbox, OwnPostMarks ownPosts) {
        this.jdbi = jdbi;
        this.posts = posts;
        this.postIds = postIds;
        this.users = users;
        this.media = media;
        this.gate = gate;
        this.views = views;
        this.outbox = outbox;
        this.ownPosts = ownPosts;
    }

    public PostView create(NovaPrincipal caller, CreatePostRequest request) {
        UUID author = caller.id();
        PostDraft draft = PostDraft.of(request);
        draft.replyTo().ifPresent(parent -> {
            Optional<PostRow> replied = jdbi.withHandle(handle -> posts.find(handle, parent, author));
            if (replied.isEmpty() || !gate.canSee(author, replied.get())) {
                throw DomainException.unprocessable("reply_to_not_found",
                        "Post " + parent + " to reply to does not exist");
            }
        });
        Map<UUID, String> mentioned = mentioned(author, draft.text());
        UUID id = UUID.randomUUID();
        markOwn(author, id);
        if (draft.mediaIds().isEmpty()) {
            jdbi.useTransaction(handle -> insert(handle, id, author, draft, mentioned));
        } else {
            // Claimed before the row exists: a post never shows media that is someone else's or not ready. If the
            // row then cannot be written, the claim is given back; if this process dies in between, media-service's
            // claim sweep asks ConfirmPosts and gets it back (ClaimOwnerIds).
            String claimant = "post:" + id;
            media.claim(caller, draft.mediaIds(), claimant);
            Compensated.inTransaction(jdbi, handle -> {
                if (postIds.lockAndCheckAbandoned(handle, id)) {
                    throw DomainException.unavailable("post_abandoned",
                            "Creating the post took too long and was given up; send it again");
                }
                insert(handle, id, author, draft, mentioned);
                return null;
            }, () -> media.release(caller, draft.mediaIds(), claimant));
        }
        return views.one(jdbi.withHandle(handle -> posts.find(handle, id, author)).orElseThrow());
    }

    /**
     * Marks the author before the commit so that their home feed reads this post from here until the fan-out has
     * put it in their timeline ({@link OwnPostMarks}). Without Redis the post is still created: the author then
     * sees it in their feed when the fan-out delivers it (and the feed itself reads around a Redis that is down).
     */
    private void markOwn(UUID author, UUID id) {
        try {
            ownPosts.mark(author, id);
        } catch (RedisException e) {
            LOG.warn("Post {} of {} not marked for read-your-writes in the home feed: {}", id, author, e.toString());
        }
    }

    /** The row, its tags and mentions, and its events, in the caller's transaction. */
    private void insert(Handle handle, UUID id, UUID author, PostDraft draft, Map<UUID, String> mentioned) {
        Set<String> hashtags = PostText.hashtags(draft.text());
        Instant createdAt = posts.insert(handle, id, author, draft.text(), draft.mediaIds(),
                draft.visibility().wireName(), draft.replyTo().orElse(null));
        posts.replaceHashtags(handle, id, hashtags);
        List<UUID> newly = posts.addMentions(handle, id, mentioned);
        outbox.append(handle, Topics.CONTENT_EVENTS, EventTypes.POST_CREATED, id.toString(),
                new ContentEvents.PostCreated(id.toString(), author.toString(), draft.visibility().wireName(),
                        draft.replyTo().map(UUID::toString).orElse(null),
                        draft.mediaIds().stream().map(UUID::toString).toList(), List.copyOf(hashtags),
                        mentioned.keySet().stream().map(UUID::toString).toList(), createdAt));
        announceMentions(handle, id, author, newly);
    }

    public PostView get(UUID viewer, String id) {
        return views.one(visible(viewer, id));
    }

    public PostView edit(UUID caller, String id, PostEdit edit) {
        PostRow post = visible(caller, id);
        Permissions.requirePostAuthor(caller, post.authorId(), "edit");
        String text = edit.text() != null ? edit.text() : post.text();
        if (text.isBlank() && post.mediaIds().isEmpty()) {
            throw DomainException.invalid("empty_post", "A post needs text or media; this one has no media");
        }
        Map<UUID, String> mentioned = edit.text() == null ? null : mentioned(caller, text);
        jdbi.useTransaction(handle -> {
            if (posts.lockAuthor(handle, post.id()).isEmpty()) {
                throw DomainException.notFound("Post", id);
            }
            Instant editedAt = posts.update(handle, post.id(), edit.text(),
                    edit.visibility() == null ? null : edit.visibility().wireName());
            Set<String> hashtags = PostText.hashtags(text);
            if (mentioned != null) {
                posts.replaceHashtags(handle, post.id(), hashtags);
                posts.keepMentions(handle, post.id(), mentioned.keySet());
                announceMentions(handle, post.id(), caller, posts.addMentions(handle, post.id(), mentioned));
            }
            String visibility = edit.visibility() == null ? post.visibility() : edit.visibility().wireName();
            outbox.append(handle, Topics.CONTENT_EVENTS, EventTypes.POST_UPDATED, post.id().toString(),
                    new ContentEvents.PostUpdated(post.id().toString(), caller.toString(), visibility,
                            List.copyOf(hashtags), editedAt));
        });
        return views.one(jdbi.withHandle(handle -> posts.find(handle, post.id(), caller)).orElseThrow());
    }

    public void delete(UUID caller, String id) {
        PostRow post = visible(caller, id);
        Permissions.requirePostAuthor(caller, post.authorId(), "delete");
        jdbi.useTransaction(handle -> {
            Instant deletedAt = posts.softDelete(handle, post.id())
                    .orElseThrow(() -> DomainException.notFound("Post", id));
            outbox.append(handle, Topics.CONTENT_EVENTS, EventTypes.POST_DELETED, post.id().toString(),
                    new ContentEvents.PostDeleted(post.id().toString(), caller.toString(), deletedAt));
        });
    }

    /** A live post the viewer may see, else 404. */
    PostRow visible(UUID viewer, String id) {
        UUID postId = Ids.inPath("Post", id);
        PostRow post = jdbi.withHandle(handle -> posts.find(handle, postId, viewer))
                .orElseThrow(() -> DomainException.notFound("Post", id));
        return gate.require(viewer, post);
    }

    /** The existing users the text mentions (id → username as registered) whom {@link Audience} lets it mention. */
    private Map<UUID, String> mentioned(UUID author, String text) {
        Set<String> names = PostText.mentions(text);
        Map<UUID, String> found = new LinkedHashMap<>();
        if (names.isEmpty()) {
            return found;
        }
        Map<String, AuthorView> known = users.byUsername(names);
        for (String name : names) {
            AuthorView user = known.get(name);
            if (user != null && !user.id().equals(author.toString())) {
                found.put(UUID.fromString(user.id()), user.username());
            }
        }
        if (!found.isEmpty()) {
            Map<UUID, Relation> relations = gate.relations(author, found.keySet());
            found.keySet().removeIf(user ->
                    !Audience.mentions(author, user, relations.getOrDefault(user, Relation.NONE)));
        }
        return found;
    }

    private void announceMentions(Handle handle, UUID post, UUID author, List<UUID> newlyMentioned) {
        for (UUID user : newlyMentioned) {
            outbox.append(handle, Topics.CONTENT_EVENTS, EventTypes.MENTION, post.toString(),
                    new ContentEvents.Mentioned(post.toString(), author.toString(), user.toString()));
        }
    }
}
