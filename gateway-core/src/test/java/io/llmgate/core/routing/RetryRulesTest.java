package io.llmgate.core.routing;

import io.llmgate.api.error.ErrorType;
import io.llmgate.api.error.GatewayException;
import io.llmgate.core.config.RouterSettings;
import io.llmgate.core.testing.ConfigFiles;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class RetryRulesTest {
    private static final RouterSettings SETTINGS = ConfigFiles.load("""
            router_settings:
              num_retries: 3
              retry_policy: { ContentPolicyViolationErrorRetries: 1 }
              fallbacks: [ { a: [ b, c, a ] }, { "*": [ any ] } ]
              context_window_fallbacks: [ { a: [ long ] } ]
              default_fallbacks: [ d ]
              max_fallbacks: 1
            """).router();
    private final RetryRules rules = new RetryRules(SETTINGS);

    @Test
    void should_retry_passing_errors_num_retries_times_and_caller_errors_never() {
        assertThat(rules.retriesFor(error(ErrorType.RATE_LIMIT, 429, true), OptionalInt.empty(), false)).isEqualTo(3);
        assertThat(rules.retriesFor(error(ErrorType.UPSTREAM, 503, true), OptionalInt.of(1), false)).isEqualTo(1);
        assertThat(rules.retriesFor(error(ErrorType.INVALID_REQUEST, 400, false), OptionalInt.empty(), true)).isZero();
        assertThat(rules.retriesFor(error(ErrorType.CONTEXT_WINDOW_EXCEEDED, 400, false), OptionalInt.empty(), true)).isZero();
        // the policy names content-policy errors
        assertThat(rules.retriesFor(error(ErrorType.CONTENT_POLICY, 400, false), OptionalInt.empty(), true)).isEqualTo(1);
        // a rejected credential is worth another deployment, not the same one
        assertThat(rules.retriesFor(error(ErrorType.AUTHENTICATION, 401, false), OptionalInt.empty(), true)).isEqualTo(3);
        assertThat(rules.retriesFor(error(ErrorType.AUTHENTICATION, 401, false), OptionalInt.empty(), false)).isZero();
    }

    @Test
    void should_back_off_exponentially_with_jitter_on_rate_limits_of_the_same_deployment() {
        SplittableRandom random = new SplittableRandom(7);
        GatewayException limited = error(ErrorType.RATE_LIMIT, 429, true);
        for (int retry = 1; retry <= 6; retry++) {
            long cap = Math.min(8_000, 500L << (retry - 1));
            assertThat(rules.delayMillis(limited, retry, false, random)).isBetween(cap / 2, cap);
        }
        // another deployment can take it at once
        assertThat(rules.delayMillis(limited, 1, true, random)).isZero();
        // other errors go at once
        assertThat(rules.delayMillis(error(ErrorType.UPSTREAM, 500, true), 1, false, random)).isZero();
    }

    @Test
    void should_wait_for_the_providers_retry_after_up_to_a_minute() {
        SplittableRandom random = new SplittableRandom(7);
        assertThat(rules.delayMillis(error(ErrorType.RATE_LIMIT, 429, true).withRetryAfter(3), 1, false,
                random)).isEqualTo(3_000);
        assertThat(rules.delayMillis(error(ErrorType.RATE_LIMIT, 429, true).withRetryAfter(3_600), 1, false,
                random)).isLessThanOrEqualTo(500);
    }

    @Test
    void should_choose_fallbacks_by_error_class_within_max_fallbacks() {
        FallbackChooser chooser = new FallbackChooser(SETTINGS);
        assertThat(chooser.choose("a", error(ErrorType.UPSTREAM, 500, true), Optional.empty())).containsExactly("b");
        assertThat(chooser.choose("a", error(ErrorType.CONTEXT_WINDOW_EXCEEDED, 400, false), Optional.empty()))
                .containsExactly("long");
        // no content-policy table: the general fallbacks apply
        assertThat(chooser.choose("a", error(ErrorType.CONTENT_POLICY, 400, false), Optional.empty())).containsExactly("b");
        assertThat(chooser.choose("zzz", error(ErrorType.UPSTREAM, 500, true), Optional.empty())).containsExactly("any");
        assertThat(chooser.choose("a", error(ErrorType.UPSTREAM, 500, true), Optional.of(List.of("mine"))))
                .containsExactly("mine");
        assertThat(chooser.choose("a", error(ErrorType.INVALID_REQUEST, 400, false), Optional.empty())).isEmpty();
    }

    @Test
    void should_use_default_fallbacks_for_a_group_without_its_own() {
        RouterSettings settings = ConfigFiles.load("router_settings: { default_fallbacks: [ d1, d2 ] }").router();
        assertThat(new FallbackChooser(settings).choose("x", error(ErrorType.UPSTREAM, 502, true), Optional.empty()))
                .containsExactly("d1", "d2");
    }

    private static GatewayException error(ErrorType type, int status, boolean retriable) {
        return GatewayException.upstream(type, status, "failed", retriable, "openai", "m", null);
    }
}
