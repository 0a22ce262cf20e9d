package io.llmgate.core.routing;

import io.llmgate.core.testing.ConfigFiles;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ShuffleRouterTest {
    private final ShuffleRouter router = new ShuffleRouter();

    @Test
    void should_return_a_single_deployment_as_is() {
        // given
        ModelGroup group = group("weight: 5");

        // when
        List<Deployment> route = router.route(group);

        // then
        assertThat(route).containsExactlyElementsOf(group.deployments());
    }

    @Test
    void should_pick_the_first_deployment_in_proportion_to_the_weights() {
        // given: weights 1, 3 and 6
        ModelGroup group = group("weight: 1", "weight: 3", "weight: 6");
        int draws = 20_000;
        int[] firsts = new int[3];

        // when
        for (int i = 0; i < draws; i++) {
            firsts[group.deployments().indexOf(router.route(group).get(0))]++;
        }

        // then: expected 2000 / 6000 / 12000; 300 is more than 4 standard deviations for each
        assertThat(firsts[0]).isBetween(1_700, 2_300);
        assertThat(firsts[1]).isBetween(5_700, 6_300);
        assertThat(firsts[2]).isBetween(11_700, 12_300);
    }

    @Test
    void should_keep_every_deployment_after_the_first_in_config_order() {
        // given
        ModelGroup group = group("weight: 1", "weight: 1", "weight: 1", "weight: 1");

        // when / then
        for (int i = 0; i < 200; i++) {
            List<Deployment> route = router.route(group);
            assertThat(route).containsExactlyInAnyOrderElementsOf(group.deployments());
            List<Deployment> rest = group.deployments().stream().filter(d -> d != route.get(0)).toList();
            assertThat(route.subList(1, route.size())).containsExactlyElementsOf(rest);
        }
    }

    @Test
    void should_map_draws_to_deployments_at_the_exact_weight_boundaries() {
        // given: weights 1 and 3, so [0, 0.25) picks the first and [0.25, 1) the second
        List<Deployment> deployments = group("weight: 1", "weight: 3").deployments();

        // then
        assertThat(ShuffleRouter.pick(deployments, 0.0)).isZero();
        assertThat(ShuffleRouter.pick(deployments, 0.2499999)).isZero();
        assertThat(ShuffleRouter.pick(deployments, 0.25)).isEqualTo(1);
        assertThat(ShuffleRouter.pick(deployments, 0.9999999)).isEqualTo(1);
    }

    @Test
    void should_never_pick_a_deployment_of_weight_zero_while_others_have_weight() {
        // given
        List<Deployment> deployments = group("weight: 0", "weight: 2", "weight: -4").deployments();

        // then
        for (double draw = 0; draw < 1; draw += 0.001) {
            assertThat(ShuffleRouter.pick(deployments, draw)).isEqualTo(1);
        }
    }

    @Test
    void should_pick_uniformly_when_no_deployment_has_weight() {
        // given
        List<Deployment> deployments = group("weight: 0", "weight: 0", "weight: 0", "weight: 0").deployments();

        // then
        assertThat(ShuffleRouter.pick(deployments, 0.0)).isZero();
        assertThat(ShuffleRouter.pick(deployments, 0.26)).isEqualTo(1);
        assertThat(ShuffleRouter.pick(deployments, 0.51)).isEqualTo(2);
        assertThat(ShuffleRouter.pick(deployments, 0.99)).isEqualTo(3);
    }

    @Test
    void should_weigh_by_rpm_when_no_weight_is_set() {
        // given: rpm 100 and 300
        List<Deployment> deployments = group("rpm: 100", "rpm: 300").deployments();

        // then
        assertThat(ShuffleRouter.pick(deployments, 0.24)).isZero();
        assertThat(ShuffleRouter.pick(deployments, 0.26)).isEqualTo(1);
    }

    private static ModelGroup group(String... params) {
        StringBuilder yaml = new StringBuilder("model_list:\n");
        for (int i = 0; i < params.length; i++) {
            yaml.append("  - model_name: g\n    litellm_params: { model: openai/m").append(i).append(", ")
                    .append(params[i]).append(" }\n");
        }
        return ConfigFiles.catalog(yaml.toString()).group("g").orElseThrow();
    }
}
