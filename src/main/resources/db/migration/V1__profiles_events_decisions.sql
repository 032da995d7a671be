-- One script for H2 (PostgreSQL mode) and PostgreSQL. JSON documents are kept as text
-- (varchar without a length is unbounded on both).

-- The customer is the hub: one row however many devices, with what events taught us.
create table profile (
    customer_id            varchar(128) primary key,
    traits                 varchar      not null default '{}',
    consent                varchar      not null default '{}',
    preferred_channels     varchar      not null default '[]',
    first_seen             timestamp with time zone,
    last_seen              timestamp with time zone,
    orders                 integer      not null default 0,
    lifetime_value         numeric(14, 2) not null default 0,
    first_purchase_at      timestamp with time zone,
    last_purchase_at       timestamp with time zone,
    purchased_skus         varchar      not null default '[]',
    purchased_categories   varchar      not null default '[]',
    cart                   varchar      not null default '[]',
    last_cart_add_at       timestamp with time zone,
    open_support_tickets   integer      not null default 0,
    reviews_posted         integer      not null default 0,
    newsletter_subscribed  boolean      not null default false,
    acquisition_channel    varchar(32),
    acquisition_campaign   varchar(200),
    last_event_at          timestamp with time zone,
    anonymous              boolean      not null default false,
    created_at             timestamp with time zone not null,
    updated_at             timestamp with time zone not null,
    version                bigint       not null default 0
);

-- Any identifier a channel knows a customer by (email, phone, device, cookie, loyalty, ...).
create table identity (
    id_type      varchar(32)  not null,
    id_value     varchar(320) not null,
    customer_id  varchar(128) not null references profile (customer_id),
    linked_at    timestamp with time zone not null,
    primary key (id_type, id_value)
);
create index identity_customer on identity (customer_id);

-- Append-only; the client's event id is the idempotency key (unique by primary key).
create table customer_event (
    event_id     varchar(128) primary key,
    customer_id  varchar(128) not null,
    event_type   varchar(64)  not null,
    channel      varchar(32),
    occurred_at  timestamp with time zone not null,
    received_at  timestamp with time zone not null,
    properties   varchar      not null default '{}'
);
create index customer_event_recent on customer_event (customer_id, occurred_at desc);

-- Every decision, with what was asked, which ruleset answered, and what it answered.
create table decision_record (
    decision_id      varchar(36)  primary key,
    customer_id      varchar(128),
    channel          varchar(32)  not null,
    ruleset_version  varchar(64)  not null,
    request          varchar      not null,
    response         varchar      not null,
    decided_at       timestamp with time zone not null
);
create index decision_record_customer on decision_record (customer_id, decided_at desc);
