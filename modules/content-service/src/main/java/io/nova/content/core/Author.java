package io.nova.content.core;

import io.nova.clients.posts.AuthorView;

/** A user as user-service summarizes them: what posts show, and whether the account is private. */
public record Author(AuthorView view, boolean privateAccount) {
}
