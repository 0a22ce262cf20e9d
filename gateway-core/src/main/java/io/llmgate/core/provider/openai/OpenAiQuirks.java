package io.llmgate.core.provider.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.llmgate.core.provider.SupportedParams;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Where one OpenAI-compatible server departs from OpenAI's API, kept as data on its {@link
 * io.llmgate.core.provider.ProviderTable} row: parameters it rejects (refused or dropped per drop_params), parameters
 * removed without a word because the gateway does without them ({@code stream_options} for servers that 400 on it),
 * parameters it spells differently ({@code max_tokens} for {@code max_completion_tokens}), and a path its API lives
 * under when users give only the server's root (Ollama's {@code /v1}).
 *
 * @param supported  the OpenAI parameters the server honours
 * @param removed    fields always taken out of the body
 * @param renamed    OpenAI name to the server's name; the OpenAI name's value wins over one already there
 * @param pathPrefix appended to the base URL unless its path already ends with it
 */
public record OpenAiQuirks(SupportedParams supported, Set<String> removed, Map<String, String> renamed,
                           Optional<String> pathPrefix) {
    private static final OpenAiQuirks NONE = new OpenAiQuirks(SupportedParams.ALL, Set.of(), Map.of(), Optional.empty());

    public OpenAiQuirks {
        Objects.requireNonNull(supported, "supported");
        removed = Set.copyOf(removed);
        renamed = Map.copyOf(renamed);
        Objects.requireNonNull(pathPrefix, "pathPrefix");
    }

    /** OpenAI's API exactly. */
    public static OpenAiQuirks none() {
        return NONE;
    }

    /** Honours only {@code params} (and the OpenAI-free fields every request has). */
    public OpenAiQuirks supporting(String... params) {
        return new OpenAiQuirks(SupportedParams.only(params), removed, renamed, pathPrefix);
    }

    /** Honours every OpenAI parameter but {@code params}. */
    public OpenAiQuirks rejecting(String... params) {
        return new OpenAiQuirks(SupportedParams.allExcept(Set.of(params)), removed, renamed, pathPrefix);
    }

    public OpenAiQuirks removing(String... fields) {
        return new OpenAiQuirks(supported, Stream.concat(removed.stream(), Stream.of(fields)).collect(Collectors.toSet()),
                renamed, pathPrefix);
    }

    public OpenAiQuirks renaming(String openAiName, String serverName) {
        Map<String, String> names = new LinkedHashMap<>(renamed);
        names.put(openAiName, serverName);
        return new OpenAiQuirks(supported, removed, names, pathPrefix);
    }

    public OpenAiQuirks under(String path) {
        return new OpenAiQuirks(supported, removed, renamed, Optional.of(path));
    }

    /** Rewrites the top-level fields of a body the adapter owns; nested values are never touched. */
    void applyTo(ObjectNode body) {
        body.remove(removed);
        renamed.forEach((openAiName, serverName) -> {
            JsonNode value = body.remove(openAiName);
            if (value != null) {
                body.set(serverName, value);
            }
        });
    }

    /** The path of {@code endpointPath} below a base URL whose path is {@code basePath}. */
    String path(String basePath, String endpointPath) {
        return pathPrefix.filter(prefix -> !basePath.endsWith(prefix)).map(prefix -> prefix + endpointPath)
                .orElse(endpointPath);
    }
}
