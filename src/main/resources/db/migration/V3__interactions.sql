-- What happened to each decided action: impressions (also recorded when an outbound decision is
-- made, so caps hold), clicks, accepts, dismissals and conversions. One row per decision, action
-- and outcome: a repeated response counts once.
create table interaction (
    decision_id  varchar(36)  not null,
    action_id    varchar(64)  not null,
    outcome      varchar(16)  not null,
    customer_id  varchar(128),
    channel      varchar(32)  not null,
    category     varchar(32),
    occurred_at  timestamp with time zone not null,
    received_at  timestamp with time zone not null,
    primary key (decision_id, action_id, outcome)
);
create index interaction_customer on interaction (customer_id, occurred_at desc);
