-- Every running gateway registers itself here at start-up and refreshes last_seen_at while it runs,
-- so operators (and later the cluster code) can see which instances share this database.
create table gateway_instance (
    instance_id  text        primary key,
    host         text        not null,
    version      text        not null,
    started_at   timestamptz not null,
    last_seen_at timestamptz not null
);

comment on table gateway_instance is 'One row per gateway process that has started against this database.';
