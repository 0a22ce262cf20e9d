-- Deployments added at runtime through /model/new (LiteLLM's ProxyModelTable). Credential fields inside
-- litellm_params are stored encrypted (enc:v1:..., AES-GCM under LITELLM_SALT_KEY); the rest is plain JSON.
create table proxy_model (
    model_id       text        primary key,
    model_name     text        not null,
    litellm_params jsonb       not null,
    model_info     jsonb       not null default '{}'::jsonb,
    created_at     timestamptz not null,
    updated_at     timestamptz not null
);

create index proxy_model_updated_at on proxy_model (updated_at);

comment on table proxy_model is 'Deployments managed through the /model API; merged with the config file''s model_list.';
