-- API keys: only a SHA-256 hash of each key's secret is kept; the key itself is shown once.
create table api_key (
    name          varchar(64)  primary key,
    key_id        varchar(32)  not null unique,
    secret_hash   varchar(64)  not null,
    roles         varchar(200) not null,
    rate_limit    integer,
    created_at    timestamp with time zone not null,
    last_used_at  timestamp with time zone,
    revoked_at    timestamp with time zone
);
