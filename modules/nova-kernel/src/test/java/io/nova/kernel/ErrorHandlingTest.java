package io.nova.kernel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every kind of bad request gets a 4xx in the API's error format; a bug gets a 500 without internals. */
class ErrorHandlingTest extends RunningKernelApp {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    protected Map<String, String> settings() {
        return Map.of("maxRequestBody", "1KiB");
    }

    private record Answer(int status, JsonNode body, HttpResponse<String> raw) {
    }

    private Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("error").asText()).isNotEmpty();
        assertThat(body.path("message").asText()).isNotEmpty();
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
        return new Answer(response.statusCode(), body, response);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.getLocalPort() + path));
    }

    private Answer post(String path, String body) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    @Test
    void malformedJson() throws Exception {
        Answer answer = post("/probe/notes", "{\"text\": ");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().path("error").asText()).isEqualTo("malformed_json");
    }

    @Test
    void wrongTypeNamesTheField() throws Exception {
        Answer answer = post("/probe/notes", "{\"text\":\"hi\",\"stars\":\"many\",\"tags\":[]}");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().path("error").asText()).isEqualTo("invalid_field");
        assertThat(answer.body().path("details").path("field").asText()).isEqualTo("stars");
        assertThat(answer.body().path("message").asText()).contains("stars").contains("number");
    }

    @Test
    void unknownFieldIsRejected() throws Exception {
        Answer answer = post("/probe/notes", "{\"text\":\"hi\",\"tags\":[],\"color\":\"red\"}");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().path("error").asText()).isEqualTo("unknown_field");
        assertThat(answer.body().path("details").path("field").asText()).isEqualTo("color");
    }

    @Test
    void validationFailuresNameEachField() throws Exception {
        Answer answer = post("/probe/notes", "{\"text\":\"far too long text\",\"stars\":9,\"tags\":[\"a\",\"b\",\"c\"]}");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().path("error").asText()).isEqualTo("validation_failed");
        assertThat(answer.body().path("details").path("fields").fieldNames())
                .toIterable().containsExactlyInAnyOrder("text", "stars", "tags");
    }

    @Test
    void missingBodyIsAValidationFailure() throws Exception {
        Answer answer = post("/probe/notes", "");
        assertThat(answer.status()).isEqualTo(400);
    }

    @Test
    void wrongTypeInPathOrQueryIs400() throws Exception {
        Answer path = send(request("/probe/items/abc"));
        assertThat(path.status()).isEqualTo(400);
        assertThat(path.body().path("details").path("parameter").asText()).isEqualTo("id");
        Answer query = send(request("/probe/items/1?limit=ten"));
        assertThat(query.status()).isEqualTo(400);
        assertThat(query.body().path("details").path("parameter").asText()).isEqualTo("limit");
    }

    @Test
    void unknownPathWrongMethodWrongMediaType() throws Exception {
        assertThat(send(request("/no/such/path")).status()).isEqualTo(404);
        Answer method = send(request("/probe/conflict").DELETE());
        assertThat(method.status()).isEqualTo(405);
        assertThat(method.raw().headers().firstValue("Allow")).isPresent();
        Answer media = send(request("/probe/notes").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("hello")));
        assertThat(media.status()).isEqualTo(415);
    }

    @Test
    void domainErrorsKeepTheirStatusAndCode() throws Exception {
        Answer conflict = send(request("/probe/conflict"));
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.body().path("error").asText()).isEqualTo("username_taken");
        Answer limited = send(request("/probe/too-many"));
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.raw().headers().firstValue("Retry-After")).hasValue("7");
    }

    @Test
    void aBugIs500WithAReferenceAndNoInternals() throws Exception {
        Answer answer = send(request("/probe/bug"));
        assertThat(answer.status()).isEqualTo(500);
        assertThat(answer.body().path("details").path("reference").asText()).isNotEmpty();
        assertThat(answer.raw().body()).doesNotContain("secret internal detail");
    }

    @Test
    void aRedisOrDatabaseOutageIs503WithRetryAfterNot500() throws Exception {
        Answer answer = send(request("/probe/redis-stalled"));
        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.body().path("error").asText()).isEqualTo("dependency_unavailable");
        assertThat(answer.raw().headers().firstValue("Retry-After")).hasValue("1");
        assertThat(answer.raw().body()).doesNotContain("pool");

        Answer database = send(request("/probe/db-exhausted"));
        assertThat(database.status()).isEqualTo(503);
        assertThat(database.body().path("error").asText()).isEqualTo("dependency_unavailable");
        assertThat(database.raw().headers().firstValue("Retry-After")).hasValue("1");
        assertThat(database.raw().body()).doesNotContain("Pool empty");
    }

    @Test
    void aConnectionCutUnderAStatementIs503ButOtherDatabaseFailuresStayBugs() throws Exception {
        Answer cut = send(request("/probe/db-cut"));
        assertThat(cut.status()).isEqualTo(503);
        assertThat(cut.body().path("error").asText()).isEqualTo("dependency_unavailable");
        assertThat(cut.raw().headers().firstValue("Retry-After")).hasValue("1");
        assertThat(cut.raw().body()).doesNotContain("administrator");

        Answer bug = send(request("/probe/db-bug"));
        assertThat(bug.status()).isEqualTo(500);
        assertThat(bug.raw().body()).doesNotContain("secret_table");
    }

    @Test
    void every503SaysWhenToRetry() throws Exception {
        Answer answer = send(request("/probe/peer-down"));
        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.raw().headers().firstValue("Retry-After")).hasValue("1");
    }

    @Test
    void oversizeBodiesAre413WithOrWithoutContentLength() throws Exception {
        String big = "{\"text\":\"" + "x".repeat(2048) + "\",\"tags\":[]}";
        Answer declared = post("/probe/notes", big);
        assertThat(declared.status()).isEqualTo(413);
        assertThat(declared.body().path("error").asText()).isEqualTo("payload_too_large");

        Answer chunked = send(request("/probe/notes").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big.getBytes()))));
        assertThat(chunked.status()).isEqualTo(413);
    }
}
