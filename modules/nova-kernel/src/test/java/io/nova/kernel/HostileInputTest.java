package io.nova.kernel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nova.kernel.api.Text;
import org.junit.jupiter.api.Test;

import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Input an outside probe used to turn into 500s: keys given twice, and control characters (U+0000 above all, which
 * PostgreSQL cannot store) in bodies, nested documents and parameters. Each is a 400 naming what was wrong.
 */
class HostileInputTest extends RunningKernelApp {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Answer(int status, JsonNode body) {
    }

    private Answer send(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
        return new Answer(response.statusCode(), JSON.readTree(response.body()));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.getLocalPort() + path));
    }

    private Answer post(String path, String body) throws Exception {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    @Test
    void aKeyGivenTwiceIsMalformedJsonWhereverItComes() throws Exception {
        for (String body : new String[] {
                "{\"text\":\"a\",\"stars\":1,\"tags\":[],\"text\":\"b\"}",
                "{\"text\":\"a\",\"text\":\"b\",\"stars\":1,\"tags\":[]}",
                "{\"stars\":1,\"tags\":[],\"text\":\"a\",\"stars\":2}"}) {
            Answer answer = post("/probe/notes", body);
            assertThat(answer.status()).as(body).isEqualTo(400);
            assertThat(answer.body().path("error").asText()).isEqualTo("malformed_json");
            assertThat(answer.body().path("message").asText()).contains("Duplicate field");
        }
        Answer nested = post("/probe/patch", "{\"profile\":{\"bio\":\"a\",\"bio\":\"b\"}}");
        assertThat(nested.status()).isEqualTo(400);
        assertThat(nested.body().path("error").asText()).isEqualTo("malformed_json");
    }

    @Test
    void aControlCharacterInABodyFieldIs400NamingTheField() throws Exception {
        Answer answer = post("/probe/notes", "{\"text\":\"a\\u0000b\",\"stars\":1,\"tags\":[]}");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().path("error").asText()).isEqualTo("invalid_field");
        assertThat(answer.body().path("details").path("field").asText()).isEqualTo("text");
        assertThat(answer.body().path("message").asText()).contains("U+0000");

        Answer inList = post("/probe/notes", "{\"text\":\"a\",\"stars\":1,\"tags\":[\"ok\",\"b\\u0007\"]}");
        assertThat(inList.status()).isEqualTo(400);
        assertThat(inList.body().path("details").path("field").asText()).isEqualTo("tags[1]");
    }

    @Test
    void aControlCharacterAnywhereInAFreeFormDocumentIs400NamingThePath() throws Exception {
        Answer answer = post("/probe/patch", "{\"profile\":{\"names\":[\"x\",\"y\\u001f\"]}}");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().path("error").asText()).isEqualTo("invalid_field");
        assertThat(answer.body().path("details").path("field").asText()).isEqualTo("profile.names[1]");

        Answer key = post("/probe/patch", "{\"a\\u0000\":1}");
        assertThat(key.status()).isEqualTo(400);
    }

    @Test
    void tabsAndLineBreaksAreText() throws Exception {
        Answer answer = post("/probe/notes", "{\"text\":\"a\\tb\\nc\\r\",\"stars\":1,\"tags\":[\"\u00e9\u6f22\"]}");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().path("text").asText()).isEqualTo("a\tb\nc\r");
        assertThat(Text.firstForbidden("emoji \uD83D\uDE00 ok")).isEqualTo(-1);
        assertThat(Text.firstForbidden("del\u007f")).isEqualTo(3);
    }

    @Test
    void aControlCharacterInAQueryOrPathParameterIs400NamingIt() throws Exception {
        Answer query = send(request("/probe/search/posts?q=a%00b"));
        assertThat(query.status()).isEqualTo(400);
        assertThat(query.body().path("error").asText()).isEqualTo("invalid_parameter");
        assertThat(query.body().path("details").path("parameter").asText()).isEqualTo("q");

        // Jetty refuses a control character in a path before routing (so no parameter can be named), and says so
        // in the API's format, not in an HTML page.
        Answer path = send(request("/probe/search/po%01sts?q=fine"));
        assertThat(path.status()).isEqualTo(400);
        assertThat(path.body().path("error").asText()).isEqualTo("bad_request");

        // Whatever the method (Jetty writes its error pages for GET, POST and HEAD only unless told otherwise), and
        // NUL too, the character PostgreSQL cannot store.
        for (String method : new String[] {"GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"}) {
            for (String control : new String[] {"%09", "%00"}) {
                Answer other = send(request("/probe/search/po" + control + "sts")
                        .header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString("{}")));
                assertThat(other.status()).as(method + " " + control).isEqualTo(400);
                assertThat(other.body().path("error").asText()).as(method + " " + control).isEqualTo("bad_request");
            }
        }

        Answer fine = send(request("/probe/search/posts?q=caf%C3%A9%20au%20lait"));
        assertThat(fine.status()).isEqualTo(200);
        assertThat(fine.body().path("q").asText()).isEqualTo("café au lait");
    }

    /**
     * A refused path with a body still on the wire is answered, and the answer is not lost: the body is read before
     * the connection closes. Closing on unread bytes makes the kernel reset the connection, and the client, still
     * writing, lost the 400 (jqwik found it: a deeply nested 18 KB body to {@code …/members/%25}).
     */
    @Test
    void aRefusedPathIsAnsweredWhileItsBodyIsStillArriving() throws Exception {
        for (String path : new String[] {"/probe/search/po%25sts", "/probe/search/a%7Fb", "/probe/search/a%00b"}) {
            for (String method : new String[] {"POST", "PUT"}) {
                byte[] rest = "[".repeat(256 * 1024).getBytes(StandardCharsets.US_ASCII);
                try (Socket socket = new Socket("127.0.0.1", app.getLocalPort())) {
                    socket.setSoTimeout(10_000);
                    socket.getOutputStream().write((method + " " + path + " HTTP/1.1\r\nHost: nova\r\n"
                            + "Content-Type: application/json\r\nContent-Length: " + (1 + rest.length)
                            + "\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
                    // The head is refused while the rest of the body is still to come.
                    Thread.sleep(200);
                    socket.getOutputStream().write(rest);
                    String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                    assertThat(answer).as(method + " " + path).startsWith("HTTP/1.1 400 ");
                    assertThat(answer).as(method + " " + path).contains("\"error\":\"bad_request\"");
                }
            }
        }
    }

    /** Reading on after a refusal is bounded: a client that stops sending mid-body is closed on within seconds. */
    @Test
    void aRefusedClientThatStopsSendingIsClosedOn() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", app.getLocalPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST /probe/search/po%25sts HTTP/1.1\r\nHost: nova\r\n"
                    + "Content-Length: 1000\r\n\r\n{\"a\":").getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 400 ");
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
            // Once the server has closed, a write is reset and the next one fails.
            assertThatThrownBy(() -> {
                while (System.nanoTime() < deadline) {
                    socket.getOutputStream().write('x');
                    Thread.sleep(100);
                }
            }).isInstanceOf(java.io.IOException.class);
        }
    }

    @Test
    void aConnectionJettyClosesAfterARefusalSaysSo() throws Exception {
        for (String method : new String[] {"GET", "POST", "DELETE"}) {
            try (Socket socket = new Socket("127.0.0.1", app.getLocalPort())) {
                socket.setSoTimeout(5000);
                socket.getOutputStream().write((method + " /probe/search/po%00sts HTTP/1.1\r\nHost: nova\r\n"
                        + "Content-Length: 0\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                // Read to the end: the server closes this connection after its answer.
                String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(answer).as(method).startsWith("HTTP/1.1 400 ");
                // Without it a client pools the connection and its next request there gets no answer at all.
                assertThat(answer.toLowerCase(java.util.Locale.ROOT)).as(method).contains("\r\nconnection: close\r\n");
            }
        }
    }
}
