package io.llmgate.core.config;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * What a deployment tells the router about itself ({@code litellm_params} and {@code model_info}).
 *
 * @param order               priority: only the lowest order among available deployments is used
 * @param maxParallelRequests concurrent calls the deployment takes before it is skipped
 * @param cooldownTime        this deployment's {@code cooldown_time}, overriding the router's
 * @param maxInputTokens      the context window, for pre-call checks ({@code model_info.max_input_tokens})
 * @param inputCostPerToken   for cost-based routing
 */
public record RoutingParams(OptionalInt order, OptionalInt maxParallelRequests, Optional<Duration> cooldownTime,
                            OptionalLong maxInputTokens, OptionalDouble inputCostPerToken,
                            OptionalDouble outputCostPerToken) {
    public static final RoutingParams NONE = new RoutingParams(OptionalInt.empty(), OptionalInt.empty(), Optional.empty(),
            OptionalLong.empty(), OptionalDouble.empty(), OptionalDouble.empty());

    public RoutingParams {
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(maxParallelRequests, "maxParallelRequests");
        Objects.requireNonNull(cooldownTime, "cooldownTime");
        Objects.requireNonNull(maxInputTokens, "maxInputTokens");
        Objects.requireNonNull(inputCostPerToken, "inputCostPerToken");
        Objects.requireNonNull(outputCostPerToken, "outputCostPerToken");
    }

    static RoutingParams read(FieldReader params, FieldReader info) {
        params.positive("max_parallel_requests");
        OptionalLong order = params.integer("order");
        OptionalLong parallel = params.integer("max_parallel_requests");
        OptionalLong window = info.integer("max_input_tokens");
        return new RoutingParams(
                order.isPresent() ? OptionalInt.of((int) order.getAsLong()) : OptionalInt.empty(),
                parallel.isPresent() ? OptionalInt.of((int) parallel.getAsLong()) : OptionalInt.empty(),
                params.seconds("cooldown_time"),
                window.isPresent() ? window : info.integer("max_tokens"),
                cost(params, info, "input_cost_per_token"), cost(params, info, "output_cost_per_token"));
    }

    private static OptionalDouble cost(FieldReader params, FieldReader info, String field) {
        OptionalDouble value = params.number(field);
        return value.isPresent() ? value : info.number(field);
    }
}
