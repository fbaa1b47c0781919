package io.nova.media.api;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code PATCH /api/v1/videos/{id}}: the fields to change; absent or null ones stay as they are. */
public record UpdateVideoRequest(
        @Size(min = 1, max = 200)
        @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank")
        String title,

        @Size(max = 5000)
        String description,

        @Pattern(regexp = "public|unlisted|private", message = "must be public, unlisted or private")
        String visibility) {

    @AssertTrue(message = "name at least one of title, description, visibility")
    public boolean isChangingSomething() {
        return title != null || description != null || visibility != null;
    }
}
