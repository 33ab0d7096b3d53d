package org.childprotection.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.childprotection.support.Http;
import org.childprotection.support.PlatformTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The OpenAPI description that integrators read (docs/api.md) says what the controllers do: it
 * is served to logged-in users only, names every {@code /api} mapping and nothing else, gives
 * each operation a summary, its error answers and its bodies' schemas, and is the committed
 * {@code docs/openapi.json}.
 */
class OpenApiDocumentTest extends PlatformTest {

  private static final String PATH = "/api/openapi";
  static final Path COMMITTED = Path.of("docs", "openapi.json");
  private static final String REGENERATE = "openapi.write";
  /** The answers of the login, which every operation gives whatever its input. */
  private static final Set<String> SHARED_ERRORS = Set.of("401", "429");

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  @Test
  void onlyALoggedInUserGetsTheDescription() {
    assertThat(anonymous().get(PATH).status()).isEqualTo(401);
    assertThat(anonymous().get(PATH + ".yaml").status()).isEqualTo(401);
    // springdoc's default path, outside the API's login, serves nothing.
    assertThat(anonymous().get("/v3/api-docs").body()).doesNotContain("openapi");

    Http.Response served = as("gulou").get(PATH);
    assertThat(served.status()).isEqualTo(200);
    assertThat(served.json().path("openapi").asText()).startsWith("3.");
  }

  @Test
  void everyApiMappingIsDescribedAndNothingElseIs() {
    Set<String> mapped = new TreeSet<>();
    apiMappings().forEach((info, handler) -> info.getPatternValues().forEach(path ->
        info.getMethodsCondition().getMethods()
            .forEach(method -> mapped.add(method.name() + " " + path))));
    assertThat(mapped).as("the /api mappings found").hasSizeGreaterThan(15);

    Set<String> described = new TreeSet<>();
    description().path("paths").properties().forEach(path -> path.getValue().properties()
        .forEach(operation -> described.add(
            operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey())));

    assertThat(described).as("operations in %s", PATH).isEqualTo(mapped);
  }

  @Test
  void everyOperationHasASummaryItsErrorAnswersAndSchemasForItsBodies() {
    JsonNode description = description();
    List<String> gaps = new ArrayList<>();
    description.path("paths").properties().forEach(path -> path.getValue().properties()
        .forEach(entry -> {
          String operation = entry.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
          JsonNode op = entry.getValue();
          if (op.path("summary").asText().isBlank()) {
            gaps.add(operation + ": no summary");
          }
          if (!hasClientError(op.path("responses"), Set.of())) {
            gaps.add(operation + ": no 4xx response");
          }
          boolean takesInput = op.has("requestBody") || op.path("parameters").size() > 0;
          if (takesInput && !hasClientError(op.path("responses"), SHARED_ERRORS)) {
            gaps.add(operation + ": takes input but names none of its own error answers");
          }
          op.path("requestBody").path("content").properties().forEach(body -> {
            if (body.getValue().path("schema").isMissingNode()) {
              gaps.add(operation + ": request body " + body.getKey() + " without a schema");
            }
          });
          op.path("responses").properties().forEach(response -> {
            JsonNode answer = response.getValue();
            answer.path("content").properties().forEach(body -> {
              if (body.getValue().path("schema").isMissingNode()) {
                gaps.add(operation + ": response " + response.getKey() + " " + body.getKey()
                    + " without a schema");
              }
            });
            if (response.getKey().startsWith("2") && !answer.has("content")
                && !response.getKey().equals("204")) {
              gaps.add(operation + ": response " + response.getKey() + " without a body");
            }
          });
        }));
    assertThat(gaps).isEmpty();
  }

  /**
   * springdoc names a schema after its class's simple name, and gives two classes of one name
   * the same schema: every class the API answers with or reads has a name of its own (or one
   * given with {@code @Schema(name = …)}).
   */
  @Test
  void noTwoClassesShareASchemaName() {
    Deque<Type> pending = new ArrayDeque<>();
    apiHandlers().forEach(handler -> {
      Method method = handler.getMethod();
      pending.add(method.getGenericReturnType());
      for (Parameter parameter : method.getParameters()) {
        if (parameter.isAnnotationPresent(RequestBody.class)) {
          pending.add(parameter.getParameterizedType());
        }
      }
      for (ApiResponse response : method.getAnnotationsByType(ApiResponse.class)) {
        for (Content content : response.content()) {
          pending.add(content.schema().implementation());
          pending.addAll(List.of(content.schema().oneOf()));
        }
      }
    });
    Map<String, Set<String>> classesByName = new TreeMap<>();
    Set<Class<?>> seen = new HashSet<>();
    while (!pending.isEmpty()) {
      Type type = pending.pop();
      if (type instanceof ParameterizedType generic) {
        pending.addAll(List.of(generic.getActualTypeArguments()));
      } else if (type instanceof Class<?> javaClass
          && javaClass.getName().startsWith("org.childprotection.") && seen.add(javaClass)) {
        Schema named = javaClass.getAnnotation(Schema.class);
        String name = named != null && !named.name().isEmpty() ? named.name()
            : javaClass.getSimpleName();
        classesByName.computeIfAbsent(name, n -> new TreeSet<>()).add(javaClass.getName());
        if (javaClass.isRecord()) {
          for (RecordComponent component : javaClass.getRecordComponents()) {
            pending.add(component.getGenericType());
          }
        }
      }
    }
    assertThat(classesByName).as("schemas found").hasSizeGreaterThan(20);

    assertThat(classesByName).allSatisfy((name, classes) ->
        assertThat(classes).as("classes named %s in the description", name).hasSize(1));
  }

  /**
   * Integrators read the committed copy; {@code -Dopenapi.write=true} writes the served
   * document over it.
   */
  @Test
  void theCommittedCopyIsTheServedDescription() throws IOException {
    String served = as("gulou").get(PATH).body().strip() + "\n";
    if (Boolean.getBoolean(REGENERATE)) {
      Files.writeString(COMMITTED, served, StandardCharsets.UTF_8);
    }

    String committed = Files.exists(COMMITTED)
        ? Files.readString(COMMITTED, StandardCharsets.UTF_8) : "";
    assertThat(committed)
        .as("%s is not the description served at %s: regenerate it with mvn -B -o test "
            + "-Dtest=OpenApiDocumentTest -D%s=true -DskipPostgresTests=true and commit it",
            COMMITTED, PATH, REGENERATE)
        .isEqualTo(served);
  }

  /** The project's mappings under /api (springdoc's own, which serve the description, aside). */
  private Map<RequestMappingInfo, HandlerMethod> apiMappings() {
    Map<RequestMappingInfo, HandlerMethod> api = new LinkedHashMap<>();
    mappings.getHandlerMethods().forEach((info, handler) -> {
      if (handler.getBeanType().getName().startsWith("org.childprotection.")
          && info.getPatternValues().stream().anyMatch(path -> path.startsWith("/api/"))) {
        api.put(info, handler);
      }
    });
    return api;
  }

  private Collection<HandlerMethod> apiHandlers() {
    return apiMappings().values();
  }

  private JsonNode description() {
    Http.Response served = as("gulou").get(PATH);
    assertThat(served.status()).as(served.toString()).isEqualTo(200);
    return served.json();
  }

  private static boolean hasClientError(JsonNode responses, Set<String> besides) {
    for (Map.Entry<String, JsonNode> response : responses.properties()) {
      if (response.getKey().startsWith("4") && !besides.contains(response.getKey())) {
        return true;
      }
    }
    return false;
  }
}
