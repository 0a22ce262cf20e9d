package io.llmgate.core.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.llmgate.api.error.ErrorType;
import io.llmgate.api.error.GatewayException;
import io.llmgate.core.request.InferenceRequest;
import io.llmgate.core.routing.Deployment;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * LiteLLM's {@code drop_params} rules, applied to every request before its adapter sees it. An OpenAI parameter
 * the provider does not support ({@link ProviderAdapter#supportedParams}) is removed when {@code drop_params} is
 * on (globally in {@code litellm_settings}, in the deployment's {@code litellm_params}, or in the request body),
 * and otherwise refused with a 400 naming the parameters and the provider. {@code additional_drop_params} (from
 * the deployment or the request) are always removed, and so are the request's own {@code drop_params} fields.
 */
public final class DropParams {
    static final String DROP_PARAMS = "drop_params";
    static final String ADDITIONAL = "additional_drop_params";

    private DropParams() {
    }

    /**
     * The request the adapter should translate: {@code request} itself when nothing is removed (the common case
     * costs no copy), else a request whose body is a shallow copy without the removed fields.
     *
     * @throws GatewayException 400 {@code invalid_request_error} for unsupported parameters without drop_params
     */
    public static InferenceRequest apply(InferenceRequest request, Deployment deployment, boolean dropGlobally) {
        ObjectNode body = request.body();
        SupportedParams supported = deployment.provider().adapter().supportedParams(request.endpoint(), deployment);
        Set<String> remove = new LinkedHashSet<>();
        List<String> unsupported = new ArrayList<>();
        Set<String> additional = additionalDrops(deployment, body);
        Set<String> openAiParams = OpenAiParams.of(request.endpoint());
        for (Map.Entry<String, JsonNode> field : body.properties()) { // request order, for a stable message
            String param = field.getKey();
            if (openAiParams.contains(param) && !supported.supports(param)) {
                if (field.getValue().isNull()) {
                    remove.add(param); // an explicit null asks for nothing
                } else if (!additional.contains(param)) {
                    unsupported.add(param);
                }
            }
        }
        boolean drop = dropGlobally || deployment.config().params().settings().flag(DROP_PARAMS)
                || body.path(DROP_PARAMS).asBoolean(false);
        if (!unsupported.isEmpty() && !drop) {
            throw unsupported(unsupported, deployment);
        }
        remove.addAll(unsupported);
        additional.stream().filter(body::has).forEach(remove::add);
        if (body.has(DROP_PARAMS)) {
            remove.add(DROP_PARAMS);
        }
        if (body.has(ADDITIONAL)) {
            remove.add(ADDITIONAL);
        }
        if (remove.isEmpty()) {
            return request;
        }
        ObjectNode trimmed = body.objectNode();
        trimmed.setAll(body);
        trimmed.remove(remove);
        return new InferenceRequest(request.endpoint(), request.model(), request.stream(), request.includeUsage(), trimmed);
    }

    private static Set<String> additionalDrops(Deployment deployment, ObjectNode body) {
        Set<String> names = new LinkedHashSet<>();
        deployment.config().params().settings().node(ADDITIONAL).ifPresent(list -> addNames(list, names));
        addNames(body.path(ADDITIONAL), names);
        return names;
    }

    private static void addNames(JsonNode list, Set<String> names) {
        if (list.isTextual()) {
            names.add(list.textValue());
        }
        list.forEach(item -> {
            if (item.isTextual()) {
                names.add(item.textValue());
            }
        });
    }

    /** LiteLLM's UnsupportedParamsError, worded so the caller knows both fixes. */
    private static GatewayException unsupported(List<String> params, Deployment deployment) {
        String provider = deployment.provider().name();
        String names = params.stream().map(p -> "'" + p + "'").collect(Collectors.joining(", ", "[", "]"));
        return GatewayException.upstream(ErrorType.INVALID_REQUEST, 400, provider + " does not support parameters: "
                + names + ", for model=" + deployment.upstreamModel() + ". To drop these, set `drop_params: true` in the"
                + " request or in the deployment's litellm_params, or for the whole proxy `litellm_settings: {drop_params: true}`.",
                false, provider, deployment.upstreamModel(), null);
    }
}
