package io.llmgate.core.health;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.llmgate.core.config.LitellmParams;
import io.llmgate.core.json.Json;
import io.llmgate.core.routing.Deployment;

import java.net.URI;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A deployment as {@code GET /health} and {@code GET /model/info} list it: its {@code litellm_params} as configured, without anything that
 * could be a credential, plus {@code model_id}. Left out: every field whose name has a word like key, secret,
 * token, password, credential or auth (at any depth), {@code extra_headers} (any header may authenticate), and
 * the user-info and query of URLs (a key can ride in either).
 */
public final class EndpointParams {
    private static final Set<String> SECRET_WORDS = Set.of("key", "secret", "token", "password", "passwd", "pwd",
            "passphrase", "credential", "credentials", "auth", "authorization", "cookie", "signature");
    private static final Set<String> SECRET_SUFFIXES = Set.of("key", "secret", "token", "password");
    private static final Set<String> NEVER_SHOWN = Set.of("extra_headers", "model_info");
    private static final Pattern WORD_BREAK = Pattern.compile("[^A-Za-z0-9]+");

    private EndpointParams() {
    }

    public static ObjectNode of(Deployment deployment) {
        LitellmParams params = deployment.config().params();
        ObjectNode shown = Json.mapper().createObjectNode().put("model", params.model());
        for (String name : params.settings().names()) {
            if (shows(name)) {
                params.settings().node(name).ifPresent(value -> shown.set(name, clean(value)));
            }
        }
        params.bodyDefaults().properties().forEach(field -> {
            if (shows(field.getKey())) {
                shown.set(field.getKey(), clean(field.getValue()));
            }
        });
        return shown.put("model_id", deployment.id());
    }

    private static boolean shows(String name) {
        return !"model".equals(name) && !NEVER_SHOWN.contains(name) && !looksSecret(name);
    }

    /** {@code api_key}, {@code aws_secret_access_key}, {@code x-api-key}, {@code accessToken}; not {@code max_tokens}. */
    public static boolean looksSecret(String name) {
        for (String word : WORD_BREAK.split(name.toLowerCase(Locale.ROOT))) {
            if (SECRET_WORDS.contains(word) || SECRET_SUFFIXES.stream().anyMatch(word::endsWith)) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode clean(JsonNode value) {
        if (value.isObject()) {
            ObjectNode copy = Json.mapper().createObjectNode();
            value.properties().forEach(field -> {
                if (!looksSecret(field.getKey())) {
                    copy.set(field.getKey(), clean(field.getValue()));
                }
            });
            return copy;
        }
        if (value.isArray()) {
            var copy = Json.mapper().createArrayNode();
            value.forEach(item -> copy.add(clean(item)));
            return copy;
        }
        return value.isTextual() ? Json.mapper().getNodeFactory().textNode(withoutUrlSecrets(value.textValue())) : value;
    }

    /** An http(s) URL without user-info or query; any other text as it is. */
    static String withoutUrlSecrets(String text) {
        if (!text.startsWith("http://") && !text.startsWith("https://")) {
            return text;
        }
        try {
            URI uri = URI.create(text);
            return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), null, null).toString();
        } catch (IllegalArgumentException | java.net.URISyntaxException e) {
            // not a URL we can take apart: show only that there was one
            return text.startsWith("https") ? "https://…" : "http://…";
        }
    }
}
