package io.nova.content.core;

import io.nova.content.api.AuthorView;
import io.nova.content.api.ContentEvents;
import io.nova.content.api.CreatePostRequest;
import io.nova.content.api.PostView;
import io.nova.content.db.BookmarkStore;
import io.nova.content.db.Position;
import io.nova.content.db.PostRow;
import io.nova.content.db.PostStore;
import io.nova.content.grpc.Author;
import io.nova.content.grpc.MediaLibrary;
import io.nova.content.grpc.UserDirectory;
import io.nova.kernel.auth.NovaPrincipal;
import io.nova.kernel.errors.DomainException;
import io.nova.contracts.EventTypes;
import io.nova.kernel.events.Outbox;
import io.nova.contracts.Topics;
import io.nova.kernel.paging.Page;
import io.nova.kernel.paging.PageRequest;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static io.nova.content.api.Timestamps.rfc3339;

/**
 * Posts: create (media claimed in media-service first, then the row, its tags, mentions and events in one
 * transaction), read, edit and delete by the author only, an author's timeline, and one's bookmarks.
 */
public final class PostService {

    private final Jdbi jdbi;
    private final PostStore posts;
    private final BookmarkStore bookmarks;
    private final UserDirectory users;
    private final MediaLibrary media;
    private final Audience audience;
    private final PostViews views;
    private final Outbox outbox;

    public PostService(Jdbi jdbi, PostStore posts, BookmarkStore bookmarks, UserDirectory users, MediaLibrary media,
                       Audience audience, PostViews views, Outbox outbox) {
        this.jdbi = jdbi;
        this.posts = posts;
        this.bookmarks = bookmarks;
        this.users = users;
        this.media = media;
        this.audience = audience;
        this.views = views;
        this.outbox = outbox;
    }

    public PostView create(NovaPrincipal caller, CreatePostRequest request) {
        UUID author = Ids.caller(caller);
        PostDraft draft = PostDraft.of(request);
        draft.replyTo().ifPresent(parent -> {
            Optional<PostRow> replied = jdbi.withHandle(handle -> posts.find(handle, parent, author));
            if (replied.isEmpty() || !audience.canSee(author, replied.get())) {
                throw DomainException.unprocessable("reply_to_not_found",
                        "Post " + parent + " to reply to does not exist");
            }
        });
        Map<UUID, String> mentioned = mentioned(author, draft.text());
        UUID id = UUID.randomUUID();
        if (!draft.mediaIds().isEmpty()) {
            // Claimed before the row exists: a post never shows media that is someone else's or not ready.
            media.claim(caller, draft.mediaIds(), "post:" + id);
        }
        Set<String> hashtags = PostText.hashtags(draft.text());
        jdbi.useTransaction(handle -> {
            Instant createdAt = posts.insert(handle, id, author, draft.text(), draft.mediaIds(),
                    draft.visibility().wireName(), draft.replyTo().orElse(null));
            posts.replaceHashtags(handle, id, hashtags);
            List<UUID> newly = posts.addMentions(handle, id, mentioned);
            outbox.append(handle, Topics.CONTENT_EVENTS, EventTypes.POST_CREATED, id.toString(),
                    new ContentEvents.PostCreated(id.toString(), author.toString(), draft.visibility().wireName(),
                            draft.replyTo().map(UUID::toString).orElse(null),
                            draft.mediaIds().stream().map(UUID::toString).toList(), List.copyOf(hashtags),
                            mentioned.keySet().stream().map(UUID::toString).toList(), rfc3339(createdAt)));
            announceMentions(handle, id, author, newly);
        });
        return views.one(jdbi.withHandle(handle -> posts.find(handle, id, author)).orElseThrow());
    }

    public PostView get(UUID viewer, String id) {
        return views.one(visible(viewer, id));
    }

    public PostView edit(UUID caller, String id, PostEdit edit) {
        PostRow post = visible(caller, id);
        requireAuthor(caller, post, "edit");
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
                            List.copyOf(hashtags), rfc3339(editedAt)));
        });
        return views.one(jdbi.withHandle(handle -> posts.find(handle, post.id(), caller)).orElseThrow());
    }

    public void delete(UUID caller, String id) {
        PostRow post = visible(caller, id);
        requireAuthor(caller, post, "delete");
        jdbi.useTransaction(handle -> {
            Instant deletedAt = posts.softDelete(handle, post.id())
                    .orElseThrow(() -> DomainException.notFound("Post", id));
            outbox.append(handle, Topics.CONTENT_EVENTS, EventTypes.POST_DELETED, post.id().toString(),
                    new ContentEvents.PostDeleted(post.id().toString(), caller.toString(), rfc3339(deletedAt)));
        });
    }

    /** {@code GET /posts?author=}: newest first; followers-only posts for followers and the author. */
    public Page<PostView> timeline(UUID viewer, String authorParam, PageRequest page) {
        if (authorParam == null || authorParam.isBlank()) {
            throw DomainException.invalid("missing_parameter", "Query parameter author is required (a user id)",
                    Map.of("parameter", "author"));
        }
        UUID author = Ids.existingOrNotFound("User", authorParam);
        Optional<Position> after = page.cursor().map(Positions::after);
        // The relation travels while the page is read with followers-only posts included; most pages of most
        // authors hold none, and only then does a non-follower's page need reading again without them.
        Supplier<Relation> asked = audience.relationLater(viewer, author);
        Author owner = users.author(author).orElseThrow(() -> DomainException.notFound("User", authorParam));
        List<PostRow> rows = jdbi.withHandle(handle ->
                posts.byAuthor(handle, author, viewer, true, after, page.fetchSize()));
        Relation relation = asked.get();
        if (relation.blockedEitherWay()) {
            throw DomainException.notFound("User", authorParam);
        }
        boolean followersToo = viewer.equals(author) || relation.following();
        if (owner.privateAccount() && !followersToo) {
            throw DomainException.forbidden("This account is private: only its followers see its posts");
        }
        if (!followersToo && rows.stream().anyMatch(row -> Visibility.of(row.visibility()) == Visibility.FOLLOWERS)) {
            rows = jdbi.withHandle(handle -> posts.byAuthor(handle, author, viewer, false, after, page.fetchSize()));
        }
        Page<PostRow> cut = Page.from(rows, page, row -> Positions.cursor(row.createdAt(), row.id()));
        return new Page<>(views.page(cut.items()), cut.nextCursor());
    }

    /** {@code GET /posts/bookmarks}: the caller's, newest bookmark first; posts no longer visible are left out. */
    public Page<PostView> bookmarks(UUID caller, PageRequest page) {
        Optional<Position> after = page.cursor().map(Positions::after);
        List<Position> marks = jdbi.withHandle(handle -> bookmarks.list(handle, caller, after, page.fetchSize()));
        Page<Position> cut = Page.from(marks, page, Positions::cursor);
        List<PostRow> rows = byIds(caller, cut.items().stream().map(Position::id).toList());
        return new Page<>(views.page(audience.visible(caller, rows)), cut.nextCursor());
    }

    /** Live posts of those ids in the order given (unknown and deleted ones left out), visibility not applied. */
    public List<PostRow> byIds(UUID viewer, List<UUID> ids) {
        Map<UUID, PostRow> found = jdbi.withHandle(handle -> posts.findAll(handle, ids, viewer)).stream()
                .collect(Collectors.toMap(PostRow::id, Function.identity()));
        return ids.stream().map(found::get).filter(java.util.Objects::nonNull).toList();
    }

    /** A live post the viewer may see, else 404. */
    PostRow visible(UUID viewer, String id) {
        UUID postId = Ids.existingOrNotFound("Post", id);
        PostRow post = jdbi.withHandle(handle -> posts.find(handle, postId, viewer))
                .orElseThrow(() -> DomainException.notFound("Post", id));
        return audience.require(viewer, post);
    }

    private static void requireAuthor(UUID caller, PostRow post, String action) {
        if (!post.authorId().equals(caller)) {
            throw DomainException.forbidden("Only the author can " + action + " this post");
        }
    }

    /** The existing users the text mentions (id → username as registered), the author excluded. */
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
        // Someone who blocks the author, or whom the author blocks, is not told about (nor linked from) the post.
        if (!found.isEmpty()) {
            Map<UUID, Relation> relations = audience.relations(author, found.keySet());
            found.keySet().removeIf(user -> relations.getOrDefault(user, Relation.NONE).blockedEitherWay());
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
