package org.childprotection.api;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;

/**
 * The OpenAPI description of {@code /api} that springdoc serves at {@code /api/openapi} (behind
 * the API's login, like every {@code /api} path) and that {@code docs/openapi.json} keeps for
 * integrators (docs/api.md). What every operation shares is defined once here: HTTP Basic, the
 * error body, the answers any operation can give (401, 429, 500), and the responses built from
 * each operation's {@link ErrorExample}s.
 */
@Configuration
class OpenApiConfiguration {

  private static final String BASIC_AUTH = "basicAuth";
  private static final String JSON = org.springframework.http.MediaType.APPLICATION_JSON_VALUE;
  private static final String ERROR_SCHEMA = "#/components/schemas/ApiError";

  /** The answers any operation can give, by status, as components/responses. */
  private static final Map<String, String> SHARED = Map.of(
      "401", "Unauthorized", "429", "TooManyFailedLogins", "500", "InternalError");

  /** What each error status means on this API, whatever the operation. */
  private static final Map<Integer, String> MEANING = Map.of(
      400, "输入有误：errors 逐项给出字段（field）和原因（message）。未写入任何数据。",
      403, "无权执行此操作（调用者所在单位或角色不允许）。未写入任何数据。",
      404, "不存在，或调用者无权查看：两种情况答复相同，不透露对象是否存在。",
      409, "与此前已处理的答复冲突。未作任何更改。",
      413, "文件过大。未写入任何数据。",
      415, "请求体的内容类型不受支持。",
      503, "服务暂不可用（所需的服务器配置缺失）。");

  @Bean
  OpenAPI apiDescription() {
    Components components = new Components()
        .addSecuritySchemes(BASIC_AUTH, new SecurityScheme()
            .type(SecurityScheme.Type.HTTP).scheme("basic")
            .description("平台用户的用户名和密码（与登录 Tasklist 的账号相同）。外部系统使用为其开设的"
                + "系统账号，如法院系统使用法院组（court）的账号。连续登录失败会被限速（429）。"))
        .addResponses(SHARED.get("401"), shared(
            "未登录，或用户名、密码错误。响应头 WWW-Authenticate 给出 Basic 质询"
                + "（请求带 X-Requested-With: XMLHttpRequest 时不给，以免浏览器弹出登录框）。",
            "需要登录：请提供有效的用户名和密码")
            .addHeaderObject("WWW-Authenticate", new Header()
                .description("Basic realm=\"minor-protection\", charset=\"UTF-8\"")
                .schema(new StringSchema())))
        .addResponses(SHARED.get("429"), shared(
            "该账号登录失败次数过多：等待 Retry-After 秒后再试。",
            "登录失败次数过多，请于 2 秒后再试")
            .addHeaderObject("Retry-After", new Header().description("需等待的秒数")
                .schema(new IntegerSchema())))
        .addResponses(SHARED.get("500"), shared(
            "服务器内部错误：原因只记录在服务器日志中（不含个人信息），答复不透露细节。",
            "服务器内部错误，请稍后重试"));
    return new OpenAPI()
        .info(new Info()
            .title("未成年人社会保护平台 API")
            .version("1")
            .description("""
                供 12345/12355 热线、公安、法院、各部门及 OA 系统对接的接口：报告受理、\
                法院回执、基础台帐导入、个案档案、督导指标等。所有接口都需登录（HTTP Basic）；\
                请求和答复为 JSON（UTF-8），时间为 ISO 8601（如 2026-11-28T09:30:00+08:00），\
                日期为 yyyy-MM-dd；各类代码的中文含义见 GET /api/vocabulary。\
                出错时答复 {"errors":[{"field":"…","message":"…"}]}，message 为中文，\
                field 为出错的字段（与具体字段无关时为 null）；输入有误一律答复 4xx，不会是 500。\
                开发者说明见仓库中的 docs/api.md。"""))
        .servers(List.of(new Server().url("/").description("本平台（与本文档同一地址）")))
        .addSecurityItem(new SecurityRequirement().addList(BASIC_AUTH))
        .components(components);
  }

  /**
   * The error body's schema, resolved when the description is first asked for, as springdoc
   * resolves the operations' own, rather than at start-up.
   */
  @Bean
  OpenApiCustomizer errorSchema() {
    return openApi -> ModelConverters.getInstance().readAll(ApiError.class)
        .forEach(openApi.getComponents()::addSchemas);
  }

  /**
   * Each operation's {@link ErrorExample}s, its controller's and its own, become its error
   * responses, one per status with every example of that status; the shared answers are
   * referenced from every operation.
   */
  @Bean
  OperationCustomizer errorResponses() {
    return (Operation operation, HandlerMethod handler) -> {
      ApiResponses responses = operation.getResponses();
      Map<Integer, List<ErrorExample>> byStatus = Stream.concat(
              Arrays.stream(handler.getBeanType().getAnnotationsByType(ErrorExample.class)),
              Arrays.stream(handler.getMethod().getAnnotationsByType(ErrorExample.class)))
          .collect(Collectors.groupingBy(ErrorExample::status, LinkedHashMap::new,
              Collectors.toList()));
      byStatus.forEach((status, examples) -> {
        MediaType body = new MediaType().schema(new Schema<>().$ref(ERROR_SCHEMA));
        for (ErrorExample example : examples) {
          String field = example.field().isEmpty() ? null : example.field();
          String key = field == null ? "error" : field;
          for (int n = 2; body.getExamples() != null && body.getExamples().containsKey(key); n++) {
            key = (field == null ? "error" : field) + "-" + n;
          }
          body.addExamples(key, example(field, example.message()));
        }
        responses.addApiResponse(String.valueOf(status), new ApiResponse()
            .description(meaning(status))
            .content(new Content().addMediaType(JSON, body)));
      });
      SHARED.forEach((status, name) -> responses.computeIfAbsent(status,
          s -> new ApiResponse().$ref("#/components/responses/" + name)));
      return operation;
    };
  }

  /**
   * An upload (a {@code MultipartFile} parameter) takes multipart/form-data, its other request
   * parameters ({@code district}, {@code kind}) as fields of the form, the way the README's curl
   * sends them. springdoc takes a body's media type from the mapping's {@code consumes} alone,
   * which the uploads leave open so that a request of another type still gets the API's 400.
   */
  @Bean
  OperationCustomizer multipartForms() {
    return (Operation operation, HandlerMethod handler) -> {
      boolean upload = Arrays.stream(handler.getMethodParameters())
          .anyMatch(p -> MultipartFile.class.isAssignableFrom(p.getParameterType()));
      if (!upload || operation.getRequestBody() == null) {
        return operation;
      }
      MediaType form = operation.getRequestBody().getContent().remove(JSON);
      List<Parameter> parameters = operation.getParameters() == null ? new ArrayList<>()
          : operation.getParameters();
      List<Parameter> fields = parameters.stream().filter(p -> "query".equals(p.getIn())).toList();
      for (Parameter field : fields) {
        form.getSchema().addProperty(field.getName(), field.getSchema()
            .description(field.getDescription()));
        if (Boolean.TRUE.equals(field.getRequired())) {
          form.getSchema().addRequiredItem(field.getName());
        }
      }
      parameters.removeAll(fields);
      operation.getRequestBody().getContent()
          .addMediaType(org.springframework.http.MediaType.MULTIPART_FORM_DATA_VALUE, form);
      return operation;
    };
  }

  private static String meaning(int status) {
    String meaning = MEANING.get(status);
    if (meaning == null) {
      throw new IllegalStateException("No meaning written for error status " + status + " ("
          + HttpStatus.valueOf(status).getReasonPhrase() + "): add it to MEANING");
    }
    return meaning;
  }

  private static ApiResponse shared(String description, String message) {
    return new ApiResponse().description(description)
        .content(new Content().addMediaType(JSON, new MediaType()
            .schema(new Schema<>().$ref(ERROR_SCHEMA))
            .addExamples("error", example(null, message))));
  }

  private static Example example(String field, String message) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("field", field);
    error.put("message", message);
    return new Example().summary(message).value(Map.of("errors", List.of(error)));
  }
}
