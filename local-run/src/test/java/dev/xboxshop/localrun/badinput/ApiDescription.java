package dev.xboxshop.localrun.badinput;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The operations a service publishes in its OpenAPI description ({@code /v3/api-docs},
 * springdoc), read as far as the generated requests need: method, path template,
 * parameters and the properties of a JSON body, {@code $ref}s resolved.
 */
final class ApiDescription {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ApiDescription() {
	}

	/**
	 * One parameter.
	 *
	 * @param name its name
	 * @param in {@code path}, {@code query} or {@code header}
	 * @param type its schema type ({@code string}, {@code integer}, ...)
	 */
	record Parameter(String name, String in, String type) {

	}

	/**
	 * One operation.
	 *
	 * @param service the service that publishes it
	 * @param method the HTTP method
	 * @param path the path template ({@code /api/carts/{cartId}})
	 * @param parameters its parameters
	 * @param body the JSON body's schema, resolved, or {@code null} for none
	 */
	record Operation(String service, String method, String path, List<Parameter> parameters, JsonNode body) {

		@Override
		public String toString() {
			return this.method + " " + this.path + " (" + this.service + ")";
		}

	}

	static List<Operation> read(BadInputShop shop, String service) {
		RawHttp.Answer answer = RawHttp.send(shop.port(service),
				new RawHttp.Request("GET", "/v3/api-docs", List.of(Map.entry("Accept", "application/json")), null));
		if (answer.status() != 200) {
			throw new IllegalStateException(service + " /v3/api-docs answered " + answer.status());
		}
		JsonNode description = JSON.readTree(answer.body());
		List<Operation> operations = new ArrayList<>();
		for (Map.Entry<String, JsonNode> path : description.path("paths").properties()) {
			for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
				List<Parameter> parameters = new ArrayList<>();
				for (JsonNode parameter : operation.getValue().path("parameters")) {
					parameters.add(new Parameter(parameter.path("name").asString(), parameter.path("in").asString(),
							parameter.path("schema").path("type").asString("string")));
				}
				JsonNode schema = operation.getValue()
					.path("requestBody")
					.path("content")
					.path("application/json")
					.path("schema");
				operations.add(new Operation(service, operation.getKey().toUpperCase(Locale.ROOT), path.getKey(),
						parameters, schema.isMissingNode() ? null : resolve(description, schema, 0)));
			}
		}
		return operations;
	}

	/**
	 * The schema with every {@code $ref} replaced by what it names (a few levels deep).
	 */
	private static JsonNode resolve(JsonNode description, JsonNode schema, int depth) {
		if (depth > 5) {
			return JSON.createObjectNode().put("type", "object");
		}
		if (schema.has("$ref")) {
			String name = schema.path("$ref").asString().replace("#/components/schemas/", "");
			return resolve(description, description.path("components").path("schemas").path(name), depth + 1);
		}
		Map<String, JsonNode> resolved = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> field : schema.properties()) {
			if (field.getKey().equals("properties")) {
				Map<String, JsonNode> properties = new LinkedHashMap<>();
				field.getValue()
					.properties()
					.forEach((property) -> properties.put(property.getKey(),
							resolve(description, property.getValue(), depth + 1)));
				resolved.put("properties", JSON.valueToTree(properties));
			}
			else if (field.getKey().equals("items")) {
				resolved.put("items", resolve(description, field.getValue(), depth + 1));
			}
			else {
				resolved.put(field.getKey(), field.getValue());
			}
		}
		return JSON.valueToTree(resolved);
	}

}
