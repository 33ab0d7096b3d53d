package org.childprotection.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A plain HTTP client against the running app, as an outside caller sees it. Every body it sends
 * is searched for children's names and ID numbers, which {@link PersonalData} writes down for the
 * privacy scan.
 */
public final class Http {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient client;
  private final CookieManager cookies;
  private final String base;
  private final Map<String, String> headers = new LinkedHashMap<>();

  private Http(HttpClient client, CookieManager cookies, String base) {
    this.client = client;
    this.cookies = cookies;
    this.base = base;
  }

  public static Http anonymous(int port) {
    CookieManager cookies = new CookieManager();
    return new Http(HttpClient.newBuilder()
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(10))
        .cookieHandler(cookies)
        .build(), cookies, "http://localhost:" + port);
  }

  /** A cookie this client holds (a session, a CSRF token), or null. */
  public String cookie(String name) {
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals(name)).map(HttpCookie::getValue)
        .findFirst().orElse(null);
  }

  public static Http as(int port, String user, String password) {
    return anonymous(port).header("Authorization", "Basic " + Base64.getEncoder()
        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * Logs in to a Camunda webapp ({@code tasklist}, {@code cockpit}) as a browser does: the
   * app's CSRF cookie, the login form, then the new session's token for the writes that follow.
   *
   * @return the login's answer (200 when it worked)
   */
  public Response loginToWebapp(String app, String user, String password) {
    get("/camunda/app/" + app + "/default/");
    String csrf = cookie("XSRF-TOKEN");
    if (csrf == null) {
      throw new IllegalStateException("the webapp " + app + " set no CSRF cookie");
    }
    Response login = header("X-XSRF-TOKEN", csrf).postForm(
        "/camunda/api/admin/auth/user/default/login/" + app,
        "username=" + java.net.URLEncoder.encode(user, StandardCharsets.UTF_8)
            + "&password=" + java.net.URLEncoder.encode(password, StandardCharsets.UTF_8));
    if (login.status() == 200) {
      get("/camunda/app/" + app + "/default/");
      header("X-XSRF-TOKEN", cookie("XSRF-TOKEN"));
    }
    return login;
  }

  public Http header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  public Http withoutHeader(String name) {
    headers.remove(name);
    return this;
  }

  public Response get(String path) {
    return send("GET", path, null, null);
  }

  public Response postJson(String path, Object body) {
    try {
      String json = body instanceof String s ? s : JSON.writeValueAsString(body);
      return send("POST", path, "application/json", json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A body of raw bytes, such as text that is not valid UTF-8. */
  public Response postBytes(String path, String contentType, byte[] body) {
    PersonalData.fromRequestBody(body);
    return execute(HttpRequest.newBuilder(URI.create(base + path))
        .timeout(Duration.ofSeconds(60))
        .header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  /** A multipart/form-data upload: text fields and one file. */
  public Response postMultipart(String path, Map<String, String> fields, String fileField,
      String fileName, byte[] content) {
    String boundary = "----test" + System.nanoTime();
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    body.writeBytes(multipartHead(boundary, fields, fileField, fileName));
    if (fileField != null) {
      body.writeBytes(content);
    }
    body.writeBytes(multipartTail(boundary, fileField != null));
    PersonalData.fromRequestBody(body.toByteArray());
    return execute(multipart(path, boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
  }

  /**
   * The same upload with the file read from disk as it is sent, never held in memory. The
   * file's content is not searched for personal data: whoever wrote it records what it holds.
   */
  public Response postMultipartFromDisk(String path, Map<String, String> fields,
      String fileField, String fileName, Path file) {
    String boundary = "----test" + System.nanoTime();
    byte[] head = multipartHead(boundary, fields, fileField, fileName);
    PersonalData.fromRequestBody(head);
    try {
      return execute(multipart(path, boundary).POST(HttpRequest.BodyPublishers.concat(
          HttpRequest.BodyPublishers.ofByteArray(head),
          HttpRequest.BodyPublishers.ofFile(file),
          HttpRequest.BodyPublishers.ofByteArray(multipartTail(boundary, true)))));
    } catch (FileNotFoundException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The text fields, and the file part's header when there is a file. */
  private static byte[] multipartHead(String boundary, Map<String, String> fields,
      String fileField, String fileName) {
    StringBuilder head = new StringBuilder();
    for (Map.Entry<String, String> field : fields.entrySet()) {
      head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"")
          .append(field.getKey()).append("\"\r\n\r\n").append(field.getValue()).append("\r\n");
    }
    if (fileField != null) {
      head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"")
          .append(fileField).append("\"; filename=\"").append(fileName)
          .append("\"\r\nContent-Type: application/octet-stream\r\n\r\n");
    }
    return head.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] multipartTail(String boundary, boolean afterFile) {
    return ((afterFile ? "\r\n" : "") + "--" + boundary + "--\r\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  private HttpRequest.Builder multipart(String path, String boundary) {
    return HttpRequest.newBuilder(URI.create(base + path))
        .timeout(Duration.ofSeconds(120))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary);
  }

  public Response postForm(String path, String formBody) {
    return send("POST", path, "application/x-www-form-urlencoded", formBody);
  }

  public Response send(String method, String path, String contentType, String body) {
    if (body != null) {
      PersonalData.fromRequestBody(body.getBytes(StandardCharsets.UTF_8));
    }
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
        .timeout(Duration.ofSeconds(60))
        .method(method, body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    return execute(request);
  }

  private Response execute(HttpRequest.Builder request) {
    headers.forEach(request::header);
    try {
      HttpResponse<String> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Response(response.statusCode(), response.body(), response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A response: status, body, and the body as JSON. */
  public record Response(int status, String body, HttpResponse<String> raw) {

    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new IllegalStateException("not JSON (" + status + "): " + body, e);
      }
    }

    public String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }

    @Override
    public String toString() {
      return status + " " + (body.length() > 300 ? body.substring(0, 300) + "…" : body);
    }
  }
}
