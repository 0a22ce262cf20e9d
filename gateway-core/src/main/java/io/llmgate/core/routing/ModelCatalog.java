package io.llmgate.core.routing;

import io.llmgate.core.config.ConfigException;
import io.llmgate.core.config.DeploymentConfig;
import io.llmgate.core.config.GatewayConfig;
import io.llmgate.core.config.RouterSettings;
import io.llmgate.core.config.Secret;
import io.llmgate.core.provider.Provider;
import io.llmgate.core.provider.ProviderTable;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** The model groups a configuration defines, with every deployment's provider and base URL resolved. */
public final class ModelCatalog {
    /** LiteLLM's router default when a deployment sets no {@code timeout}. */
    static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

    private final Map<String, ModelGroup> groups;
    private final Map<String, RouterSettings.GroupAlias> aliases;
    /** Groups whose name has a {@code *}, most specific (longest literal prefix) first. */
    private final List<ModelGroup> wildcards;

    private ModelCatalog(Map<String, ModelGroup> groups, Map<String, RouterSettings.GroupAlias> aliases) {
        this.groups = groups;
        this.aliases = aliases;
        this.wildcards = groups.values().stream().filter(g -> g.name().indexOf('*') >= 0)
                .sorted(Comparator.comparingInt((ModelGroup g) -> g.name().indexOf('*')).reversed()).toList();
    }

    public static ModelCatalog from(GatewayConfig config, ProviderTable providers, Function<String, String> environment) {
        return from(config, List.of(), providers, environment);
    }

    /**
     * The config file's deployments plus {@code stored} ones (managed through {@code /model/new}, kept in the
     * database), which join groups of the same name.
     */
    public static ModelCatalog from(GatewayConfig config, List<DeploymentConfig> stored, ProviderTable providers,
                                    Function<String, String> environment) {
        String file = config.source().orElse("config");
        Map<String, List<Deployment>> byName = new LinkedHashMap<>();
        List<DeploymentConfig> models = config.models();
        for (int i = 0; i < models.size(); i++) {
            DeploymentConfig entry = models.get(i);
            String where = file + ": model_list[" + i + "] (model_name \"" + entry.modelName() + "\")";
            byName.computeIfAbsent(entry.modelName(), k -> new ArrayList<>())
                    .add(resolve(where, entry, providers, environment, config.router()));
        }
        for (DeploymentConfig entry : stored) {
            String where = "model " + entry.id() + " (model_name \"" + entry.modelName() + "\")";
            byName.computeIfAbsent(entry.modelName(), k -> new ArrayList<>())
                    .add(resolve(where, entry, providers, environment, config.router()));
        }
        Map<String, ModelGroup> groups = new LinkedHashMap<>();
        byName.forEach((name, deployments) -> groups.put(name, new ModelGroup(name, deployments)));
        return new ModelCatalog(groups, config.router().modelGroupAlias());
    }

    public Optional<ModelGroup> group(String modelName) {
        return Optional.ofNullable(groups.get(modelName));
    }

    public Collection<ModelGroup> groups() {
        return groups.values();
    }

    /** Every deployment of every group, in group order. */
    public List<Deployment> deployments() {
        return groups.values().stream().flatMap(g -> g.deployments().stream()).toList();
    }

    public Optional<Deployment> deployment(String id) {
        return deployments().stream().filter(d -> d.id().equals(id)).findFirst();
    }

    /** {@code model_group_alias}: public alias → the group it stands for. */
    public Map<String, RouterSettings.GroupAlias> aliases() {
        return aliases;
    }

    /**
     * The group serving a requested model: its own group, else the group an alias names, else the most
     * specific wildcard group ({@code openai/*}, {@code *}) whose pattern matches, with each deployment's
     * {@code *} replaced by the part of the request the pattern's {@code *} matched.
     */
    public Optional<ModelGroup> route(String requested) {
        ModelGroup exact = groups.get(requested);
        if (exact != null) {
            return Optional.of(exact);
        }
        RouterSettings.GroupAlias alias = aliases.get(requested);
        if (alias != null) {
            return Optional.ofNullable(groups.get(alias.group()));
        }
        for (ModelGroup wildcard : wildcards) {
            String matched = Wildcard.match(wildcard.name(), requested);
            if (matched != null) {
                return Optional.of(new ModelGroup(wildcard.name(), wildcard.deployments().stream()
                        .map(d -> d.upstreamModel().indexOf('*') >= 0
                                ? d.withUpstreamModel(d.upstreamModel().replace("*", matched)) : d)
                        .toList()));
            }
        }
        return Optional.empty();
    }

    /** Resolves one entry as {@link #from} would, to check it before it is stored. */
    public static Deployment resolve(DeploymentConfig entry, GatewayConfig config, ProviderTable providers,
                                     Function<String, String> environment) {
        return resolve("model (model_name \"" + entry.modelName() + "\")", entry, providers, environment, config.router());
    }

    private static Deployment resolve(String where, DeploymentConfig entry, ProviderTable providers,
                                      Function<String, String> environment, RouterSettings router) {
        var params = entry.params();
        String model = params.model();
        int slash = model.indexOf('/');
        Optional<Provider> prefixed = slash > 0 ? providers.byPrefix(model.substring(0, slash)) : Optional.empty();
        Provider provider;
        String upstreamModel;
        if (prefixed.isPresent()) {
            provider = prefixed.get();
            upstreamModel = model.substring(slash + 1);
        } else if (params.apiBase().isPresent()) {
            // an unknown or missing prefix with an explicit api_base: an OpenAI-compatible server, model as written
            provider = providers.byPrefix(ProviderTable.OPENAI_LIKE).orElseThrow();
            upstreamModel = model;
        } else if (slash < 0) {
            provider = providers.byPrefix("openai").orElseThrow();
            upstreamModel = model;
        } else {
            throw new ConfigException(where + ": litellm_params.model has unknown provider \"" + model.substring(0, slash)
                    + "\" (expected: provider/model, e.g. openai/gpt-4o, or an api_base for an OpenAI-compatible server)");
        }
        if (upstreamModel.isBlank()) {
            throw new ConfigException(where + ": litellm_params.model names no model after the provider prefix");
        }
        String base = params.apiBase().or(() -> firstSet(provider.apiBaseEnvs(), environment))
                .or(() -> provider.adapter().apiBase(params, environment)).or(provider::defaultApiBase)
                .orElseThrow(() -> new ConfigException(where + ": litellm_params.api_base is required for provider "
                        + provider.name() + (provider.apiBaseEnvs().isEmpty() ? "" : " (or env " + provider.apiBaseEnvs().get(0) + ")")));
        Optional<Secret> key = params.apiKey().or(() -> firstSet(provider.apiKeyEnvs(), environment).map(Secret::of));
        Duration timeout = params.timeout().or(router::timeout).orElse(DEFAULT_TIMEOUT);
        return new Deployment(entry.id(), entry.modelName(), provider, upstreamModel, baseUri(where, base), key,
                timeout, params.streamTimeout().or(router::streamTimeout).orElse(timeout), weight(params), entry);
    }

    private static Optional<String> firstSet(List<String> variables, Function<String, String> environment) {
        return variables.stream().map(environment).filter(v -> v != null && !v.isBlank()).findFirst();
    }

    private static URI baseUri(String where, String base) {
        try {
            URI uri = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
            if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                throw new IllegalArgumentException("not an absolute http(s) URL");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new ConfigException(where + ": litellm_params.api_base is not an absolute http(s) URL");
        }
    }

    private static double weight(io.llmgate.core.config.LitellmParams params) {
        if (params.weight().isPresent()) {
            return params.weight().getAsDouble();
        }
        if (params.rpm().isPresent()) {
            return params.rpm().getAsLong();
        }
        return params.tpm().isPresent() ? params.tpm().getAsLong() : 1.0;
    }
}
