package io.nova.content.core;

import io.nova.clients.posts.AuthorView;
import io.nova.content.api.CommentView;
import io.nova.content.api.ContentEvents;
import io.nova.content.api.CreateCommentRequest;
import io.nova.content.db.CommentRow;
import io.nova.content.db.CommentStore;
import io.nova.content.db.PostRow;
import io.nova.content.db.PostStore;
import io.nova.kernel.api.Ids;
import io.nova.kernel.errors.DomainException;
import io.nova.contracts.EventTypes;
import io.nova.kernel.events.Outbox;
import io.nova.contracts.Topics;
import io.nova.kernel.paging.Keyset;
import io.nova.kernel.paging.Page;
import io.nova.kernel.paging.PageRequest;
import org.jdbi.v3.core.Jdbi;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Comments on posts the caller can see. The comment count moves with the insert or soft delete, in one
 * transaction under the post's row lock; a comment goes away by its author or the post's author.
 */
public final class CommentService {

    public static final int MAX_TEXT = 1000;

    private final Jdbi jdbi;
    private final PostService postService;
    private final PostStore posts;
    private final CommentStore comments;
    private final Users users;
    private final PostGate gate;
    private final Outbox outbox;

    public CommentService(Jdbi jdbi, PostService postService, PostStore posts, CommentStore comments,
                          Users users, PostGate gate, Outbox outbox) {
        this.jdbi = jdbi;
        this.postService = postService;
        this.posts = posts;
        this.comments = comments;
        this.users = users;
        this.gate = gate;
        this.outbox = outbox;
    }

    public CommentView create(UUID caller, String postId, CreateCommentRequest request) {
        String text = request.text() == null ? "" : request.text();
        if (text.isBlank()) {
            throw PostDraft.invalid("text", "must not be empty");
        }
        if (PostText.length(text) > MAX_TEXT) {
            throw PostDraft.invalid("text", "must be at most " + MAX_TEXT + " characters, got "
                    + PostText.length(text));
        }
        PostRow post = postService.visible(caller, postId);
        Optional<UUID> replyTo = Optional.empty();
        if (request.replyToComment() != null) {
            replyTo = Ids.parse(request.replyToComment())
                    .filter(parent -> jdbi.withHandle(handle -> comments.find(handle, post.id(), parent)).isPresent());
            if (replyTo.isEmpty()) {
                throw DomainException.unprocessable("reply_to_comment_not_found", "Comment " + request.replyToComment()
                        + " does not exist under post " + postId);
            }
        }
        UUID parent = replyTo.orElse(null);
        CommentRow comment = jdbi.inTransaction(handle -> {
            if (posts.lockAuthor(handle, post.id()).isEmpty()) {
                throw DomainException.notFound("Post", postId);
            }
            CommentRow row = comments.insert(handle, UUID.randomUUID(), post.id(), caller, text, parent);
            posts.adjustComments(handle, post.id(), 1);
            outbox.append(handle, Topics.CONTENT_EVENTS, EventTypes.COMMENT_CREATED, post.id().toString(),
                    new ContentEvents.CommentCreated(row.id().toString(), post.id().toString(),
                            post.authorId().toString(), caller.toString(),
                            parent == null ? null : parent.toString(), row.createdAt()));
            return row;
        });
        return views(List.of(comment)).get(0);
    }

    /**
     * Oldest first. Comments by someone who blocks the viewer, or whom the viewer blocks, are left out (a page may
     * then hold fewer than {@code limit}; the cursor still moves on).
     */
    public Page<CommentView> list(UUID viewer, String postId, PageRequest page) {
        PostRow post = postService.visible(viewer, postId);
        Optional<Keyset> after = page.cursor().map(Keyset::of);
        Page<CommentRow> cut = Page.from(jdbi.withHandle(handle -> comments.list(handle, post.id(), after,
                page.fetchSize())), page, row -> new Keyset(row.createdAt(), row.id()).cursor());
        Set<UUID> others = cut.items().stream().map(CommentRow::authorId).filter(author -> !author.equals(viewer))
                .collect(Collectors.toSet());
        Map<UUID, Relation> relations = gate.relations(viewer, others);
        List<CommentRow> shown = cut.items().stream()
                .filter(row -> Audience.seesComment(viewer, row.authorId(),
                        relations.getOrDefault(row.authorId(), Relation.NONE)))
                .toList();
        return new Page<>(views(shown), cut.nextCursor());
    }

    public void delete(UUID caller, String postId, String commentId) {
        PostRow post = postService.visible(caller, postId);
        UUID id = Ids.inPath("Comment", commentId);
        CommentRow comment = jdbi.withHandle(handle -> comments.find(handle, post.id(), id))
                .orElseThrow(() -> DomainException.notFound("Comment", commentId));
        Permissions.requireCommentDeleter(caller, comment.authorId(), post.authorId());
        jdbi.useTransaction(handle -> {
            if (posts.lockAuthor(handle, post.id()).isEmpty()) {
                throw DomainException.notFound("Post", postId);
            }
            if (!comments.softDelete(handle, id)) {
                throw DomainException.notFound("Comment", commentId);
            }
            posts.adjustComments(handle, post.id(), -1);
            outbox.append(handle, Topics.CONTENT_EVENTS, EventTypes.COMMENT_DELETED, post.id().toString(),
                    new ContentEvents.CommentDeleted(id.toString(), post.id().toString(),
                            comment.authorId().toString(), caller.toString()));
        });
    }

    private List<CommentView> views(List<CommentRow> rows) {
        Map<UUID, AuthorView> authors = users.views(rows.stream().map(CommentRow::authorId).distinct().toList());
        return rows.stream().map(row -> new CommentView(row.id().toString(), row.postId().toString(),
                authors.getOrDefault(row.authorId(), AuthorView.unknown(row.authorId().toString())), row.text(),
                row.replyToComment() == null ? null : row.replyToComment().toString(),
                row.createdAt())).toList();
    }
}
