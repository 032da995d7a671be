-- Response counts behind learned propensities: per action, channel and lifecycle stage, how many
-- impressions (trials) and how many of them drew a click, accept or conversion (successes).
create table propensity_stats (
    action_id  varchar(64) not null,
    channel    varchar(32) not null,
    segment    varchar(64) not null,
    trials     bigint      not null default 0,
    successes  bigint      not null default 0,
    primary key (action_id, channel, segment)
);
